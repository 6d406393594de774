//! A content repository end to end (`fixtures/content-repo/`): Markdown with front matter, code
//! blocks, suppressions, a .gitignored draft, a per-file ignore, nested folders and a CMS export;
//! every report format, baselines, statistics and the documented shard pipeline.
//!
//! Runs select the rules the fixture is written for, so rules added later do not change them.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;
use snapbox::cmd::{Command, cargo_bin};
use snapbox::file;

const RULES: &str = "--select=nonstandard-word,calque,unused-suppression";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/content-repo")
}

/// `lintas check` in `dir`, with the rules of your choice.
fn check(dir: &Path) -> Command {
    Command::new(cargo_bin!("lintas"))
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .arg("check")
}

/// `lintas check` in `dir` with the rules the fixture is written for.
fn lintas(dir: &Path) -> Command {
    check(dir).arg(RULES)
}

fn run(dir: &Path, args: &[&str]) -> Output {
    lintas(dir).args(args).assert().get_output().clone()
}

fn stdout_json(output: &Output) -> Value {
    serde_json::from_slice(&output.stdout).expect("lintas prints JSON")
}

/// A copy of the fixture repository to change.
fn scratch_repo() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    copy_dir(&repo(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("the fixture is readable") {
        let entry = entry.expect("a directory entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&target).expect("create a folder");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy a file");
        }
    }
}

/// Validate `instance` against the schema at `schema` (a path, optionally `#/json/pointer`).
fn validate(schema: &str, instance: &Value) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let index = compiler
        .compile(schema, &mut schemas)
        .unwrap_or_else(|e| panic!("{schema} compiles: {e:#}"));
    if let Err(e) = schemas.validate(instance, index) {
        panic!("output does not validate against {schema}: {e:#}\n{instance:#}");
    }
}

fn schema_path(relative: &str) -> String {
    format!("{}/{relative}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn human_report_of_the_content_repo() {
    lintas(&repo())
        .arg(".")
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/human.txt": Text]);
}

#[test]
fn the_done_when_post_yields_exactly_the_prose_finding() {
    let output = run(&repo(), &["--format=json", "content/posts/2023/banjir.md"]);
    let report = stdout_json(&output);
    let diagnostics = &report["files"][0]["diagnostics"];
    assert_eq!(diagnostics.as_array().map(Vec::len), Some(1), "{report:#}");
    let d = &diagnostics[0];
    assert_eq!(d["rule"], "nonstandard-word");
    assert_eq!(d["text"], "resiko");
    let source = std::fs::read_to_string(repo().join("content/posts/2023/banjir.md"))
        .expect("the fixture is readable");
    let start = source
        .find("Warga menilai resiko")
        .expect("the prose sentence")
        + "Warga menilai ".len();
    assert_eq!(d["span"]["start"], start);
    assert_eq!(d["span"]["end"], start + "resiko".len());
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(9), Some(15))
    );
}

#[test]
fn json_report_validates_against_the_schema() {
    let output = run(&repo(), &["--format=json", "--statistics", "."]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout_json(&output);
    validate(&schema_path("docs/report.schema.json"), &report);
    lintas(&repo())
        .args(["--format=json", "."])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/report.json": Text].raw());
}

#[test]
fn the_report_schema_rejects_what_the_contract_forbids() {
    let output = run(&repo(), &["--format=json", "content/halaman"]);
    let mut report = stdout_json(&output);
    report["files"][0]["diagnostics"][0]["severity"] = Value::from("fatal");
    let mut schemas = boon::Schemas::new();
    let index = boon::Compiler::new()
        .compile(&schema_path("docs/report.schema.json"), &mut schemas)
        .expect("the report schema compiles");
    assert!(schemas.validate(&report, index).is_err());
}

#[test]
fn jsonl_lines_validate_against_the_schema() {
    let output = lintas(&repo())
        .args(["--format=jsonl", "."])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/findings.jsonl": Text].raw())
        .get_output()
        .clone();
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert_eq!(text.lines().count(), 6);
    for line in text.lines() {
        let value: Value = serde_json::from_str(line).expect("each line is JSON");
        validate(
            &format!(
                "{}#/$defs/jsonlDiagnostic",
                schema_path("docs/report.schema.json")
            ),
            &value,
        );
    }
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let output = run(&repo(), &["--format=sarif", "."]);
    assert_eq!(output.status.code(), Some(1));
    let sarif = stdout_json(&output);
    validate(&schema_path("tests/data/sarif-schema-2.1.0.json"), &sarif);
    let run = &sarif["runs"][0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let rules = run["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules are listed");
    assert_eq!(rules.len(), 3);
    for rule in rules {
        let id = rule["id"].as_str().expect("a rule id");
        let page = format!("docs/rules.md#{id}");
        let help = rule["help"]["text"].as_str().expect("help text");
        assert!(help.ends_with(&page), "{help}");
        match env!("CARGO_PKG_HOMEPAGE") {
            "" => assert!(rule.get("helpUri").is_none()),
            home => assert!(
                rule["helpUri"]
                    .as_str()
                    .is_some_and(|u| u.starts_with(home))
            ),
        }
        assert!(rule["shortDescription"]["text"].is_string());
        assert!(rule["fullDescription"]["text"].is_string());
        assert!(rule["help"]["text"].is_string());
    }
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 6);
    for r in results {
        let index = r["ruleIndex"].as_u64().expect("a rule index") as usize;
        assert_eq!(rules[index]["id"], r["ruleId"]);
    }
    // The root's absolute address depends on the checkout: the snapshot names it [ROOT].
    let output = lintas(&repo())
        .args(["--format=sarif", "content/posts/2023"])
        .output()
        .expect("lintas runs");
    assert_eq!(output.status.code(), Some(1));
    let root_uri = format!("file://{}/", repo().display());
    let sarif = String::from_utf8(output.stdout)
        .expect("UTF-8")
        .replace(&root_uri, "file://[ROOT]/");
    snapbox::assert_data_eq!(
        sarif,
        file!["snapshots/content_repo/banjir.sarif": Text].raw()
    );
}

#[test]
fn sarif_fingerprints_survive_line_shifts() {
    let repo = scratch_repo();
    let post = repo.path().join("content/posts/kerja-sama.md");
    let fingerprints = |dir: &Path| -> Vec<(String, u64)> {
        let sarif = stdout_json(&run(
            dir,
            &["--format=sarif", "content/posts/kerja-sama.md"],
        ));
        sarif["runs"][0]["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| {
                let fp = r["partialFingerprints"]["lintas/v1"]
                    .as_str()
                    .expect("a fingerprint")
                    .to_string();
                let line = r["locations"][0]["physicalLocation"]["region"]["startLine"]
                    .as_u64()
                    .expect("a line");
                (fp, line)
            })
            .collect()
    };
    let before = fingerprints(repo.path());
    let text = std::fs::read_to_string(&post).expect("readable");
    let shifted = text.replacen(
        "+++\n\n",
        "+++\n\nParagraf baru di awal.\n\nSatu lagi.\n\n",
        1,
    );
    std::fs::write(&post, shifted).expect("writable");
    let after = fingerprints(repo.path());
    assert_eq!(before.len(), after.len());
    for ((fp_before, line_before), (fp_after, line_after)) in before.iter().zip(&after) {
        assert_eq!(fp_before, fp_after);
        // The title is above the insertion; everything below moved down four lines.
        assert!(*line_after == *line_before || *line_after == line_before + 4);
    }
    assert!(before.iter().zip(&after).any(|(b, a)| a.1 == b.1 + 4));
}

#[test]
fn github_annotations_parse() {
    let output = run(&repo(), &["--format=github", "."]);
    assert_eq!(output.status.code(), Some(1));
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    let command = regex::Regex::new(
        r"^::(error|warning|notice) file=[^,:]+,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=lintas \([a-z-]+\)::[^\r\n]+$",
    )
    .expect("a literal regex");
    assert_eq!(text.lines().count(), 6);
    for line in text.lines() {
        assert!(command.is_match(line), "not a workflow command: {line}");
    }
    lintas(&repo())
        .args(["--format=github", "."])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/github.txt": Text]);
}

#[test]
fn a_report_with_errors_validates_too() {
    let output = run(
        &repo(),
        &["--format=json", "tidak-ada.md", "content/halaman"],
    );
    assert_eq!(output.status.code(), Some(2));
    let report = stdout_json(&output);
    validate(&schema_path("docs/report.schema.json"), &report);
    assert_eq!(report["errors"][0]["path"], "tidak-ada.md");
    assert_eq!(report["summary"]["errors"], 1);
}

#[test]
fn unreadable_inputs_are_annotated_too() {
    let output = lintas(&repo())
        .args(["--format=github", "tidak-ada.md"])
        .assert()
        .code(2)
        .get_output()
        .clone();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "::error file=tidak-ada.md,title=lintas::tidak-ada.md: tidak ada berkas atau folder ini\n"
    );
}

#[test]
fn statistics_in_human_and_json() {
    lintas(&repo())
        .args(["--statistics", "--lang=en", "."])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/statistics.txt": Text]);
    let report = stdout_json(&run(&repo(), &["--format=json", "--statistics", "."]));
    let stats = &report["summary"]["statistics"];
    assert_eq!(stats[0]["rule"], "calque");
    assert_eq!(stats[0]["count"], 3);
    assert_eq!(report["summary"]["by_rule"]["nonstandard-word"], 2);
}

#[test]
fn baseline_hides_known_findings_and_fails_on_new_ones() {
    let repo = scratch_repo();
    let dir = repo.path();
    let wrote = run(dir, &["--write-baseline=baseline.json", "."]);
    assert_eq!(wrote.status.code(), Some(0), "recording a baseline exits 0");

    let known = run(dir, &["--baseline=baseline.json", "--format=json", "."]);
    assert_eq!(known.status.code(), Some(0));
    let report = stdout_json(&known);
    validate(&schema_path("docs/report.schema.json"), &report);
    assert_eq!(report["summary"]["diagnostics"], 0);
    assert_eq!(report["summary"]["baseline"]["known"], 6);

    // Lines added above old findings do not make them new; a new error is reported alone; a
    // fixed finding is counted as gone.
    let post = dir.join("content/posts/2023/banjir.md");
    let text = std::fs::read_to_string(&post).expect("readable");
    let edited = text
        .replace(
            "# Banjir di Kota Lama\n",
            "# Banjir di Kota Lama\n\nPemerintah memperbarui praktek pengerukan.\n",
        )
        .replace("Warga menilai resiko banjir", "Warga menilai risiko banjir");
    std::fs::write(&post, edited).expect("writable");
    lintas(dir)
        .args(["--baseline=baseline.json", "."])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/baseline-new.txt": Text]);
    let report = stdout_json(&run(
        dir,
        &["--baseline=baseline.json", "--format=json", "."],
    ));
    assert_eq!(report["summary"]["baseline"]["known"], 5);
    assert_eq!(report["summary"]["baseline"]["disappeared"], 1);
}

#[test]
fn jsonl_dump_reports_per_record_id() {
    lintas(&repo())
        .args([
            "--input-format=jsonl",
            "--text-field=body",
            "--id-field=id",
            "export/cms.jsonl",
        ])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/content_repo/cms.txt": Text]);
    let report = stdout_json(&run(
        &repo(),
        &["--input-format=jsonl", "--format=json", "export/cms.jsonl"],
    ));
    validate(&schema_path("docs/report.schema.json"), &report);
    let records: Vec<(String, usize)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            (
                f["record"]["id"].as_str().expect("an id").to_string(),
                f["diagnostics"].as_array().map_or(0, Vec::len),
            )
        })
        .collect();
    let expected = [("berita-101", 1), ("berita-102", 0), ("103", 2)];
    assert_eq!(
        records,
        expected.map(|(id, n)| (id.to_string(), n)).to_vec()
    );
    // Spans are relative to the record's text.
    let d = &report["files"][2]["diagnostics"][1];
    assert_eq!(
        (d["span"]["line"].as_u64(), d["span"]["column"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(d["text"], "Analisa");
}

#[test]
fn jsonl_from_stdin_and_broken_records() {
    let dump = "{\"id\": \"a\", \"body\": \"Ada resiko.\"}\nbukan json\n{\"id\": \"c\"}\n";
    let output = lintas(&repo())
        .args(["--input-format=jsonl", "--format=jsonl", "-"])
        .stdin(dump)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    let value: Value = serde_json::from_str(text.trim()).expect("one finding");
    assert_eq!(value["record"]["id"], "a");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert!(stderr.contains("<stdin>:2: bukan entri JSON"), "{stderr}");
    assert!(
        stderr.contains("<stdin>:3: tidak ada isian “body”"),
        "{stderr}"
    );
}

#[test]
fn records_are_never_fixed() {
    lintas(&repo())
        .args(["--input-format=jsonl", "--fix", "export/cms.jsonl"])
        .assert()
        .code(2);
}

fn findings(output: &Output) -> Vec<(String, String, String)> {
    stdout_json(output)["files"]
        .as_array()
        .expect("files")
        .iter()
        .flat_map(|f| {
            f["diagnostics"]
                .as_array()
                .expect("diagnostics")
                .iter()
                .map(|d| {
                    let s = |v: &Value| v.as_str().unwrap_or_default().to_string();
                    (s(&f["path"]), s(&d["rule"]), s(&d["text"]))
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn gitignored_drafts_are_skipped_and_per_file_ignores_apply() {
    let all = findings(&run(&repo(), &["--format=json", "."]));
    assert!(all.iter().all(|(path, _, _)| !path.contains("drafts")));
    let archive: Vec<_> = all.iter().filter(|(p, _, _)| p.contains("arsip")).collect();
    assert_eq!(archive.len(), 1);
    assert_eq!(archive[0].1, "calque");
    // Without the config, the archive's non-standard word is reported too.
    let unconfigured = findings(&run(&repo(), &["--format=json", "--no-config", "arsip"]));
    assert!(
        unconfigured
            .iter()
            .any(|(_, rule, text)| rule == "nonstandard-word" && text == "resiko")
    );
}

#[test]
fn a_suppression_of_a_rule_that_did_not_run_is_not_called_unused() {
    let output = check(&repo())
        .args([
            "--select=calque,unused-suppression",
            "--format=json",
            "content/posts/kerja-sama.md",
        ])
        .assert()
        .get_output()
        .clone();
    let rules: Vec<String> = findings(&output)
        .into_iter()
        .map(|(_, rule, _)| rule)
        .collect();
    assert_eq!(rules, ["calque", "calque"]);
}

#[test]
fn sarif_links_rules_to_the_configured_docs() {
    let dir = scratch_repo();
    let config = dir.path().join("lintas.toml");
    let mut text = std::fs::read_to_string(&config).expect("the fixture's config");
    text.insert_str(
        0,
        "docs-url = \"https://git.example/redaksi/lintas/blob/main/\"\n",
    );
    std::fs::write(&config, text).expect("write");
    let output = run(dir.path(), &["--format=sarif", "content/posts/2023"]);
    let sarif = stdout_json(&output);
    validate(&schema_path("tests/data/sarif-schema-2.1.0.json"), &sarif);
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .expect("rules are listed");
    assert!(!rules.is_empty());
    for rule in rules {
        let id = rule["id"].as_str().expect("a rule id");
        assert_eq!(
            rule["helpUri"],
            format!("https://git.example/redaksi/lintas/blob/main/docs/rules.md#{id}")
        );
    }
}

/// One path model: a file is named from the root (the folder of `lintas.toml`) whether lintas runs
/// there, in a subfolder, or is given absolute paths — in every format, in baselines and in
/// `[[per-file]]` globs.
#[test]
fn every_format_names_files_the_same_from_anywhere_under_the_root() {
    let root = repo();
    let absolute = root.join("arsip").display().to_string();
    let from_subfolder = root.join("content");
    for format in ["human", "json", "jsonl", "sarif", "github"] {
        let format = format!("--format={format}");
        let report = |dir: &Path, paths: &[&str]| {
            let output = check(dir)
                .args([RULES, "--color=never", format.as_str()])
                .args(paths)
                .output()
                .expect("lintas runs");
            assert_eq!(output.status.code(), Some(1), "{format} {paths:?}");
            String::from_utf8(output.stdout).expect("UTF-8")
        };
        let at_root = report(&root, &["arsip", "content"]);
        assert!(at_root.contains("arsip/2019-kunjungan.txt"), "{at_root}");
        assert!(!at_root.contains("./"), "{at_root}");
        assert_eq!(
            report(&from_subfolder, &[absolute.as_str(), "."]),
            at_root,
            "{format}: from content/ with an absolute path"
        );
    }
}

#[test]
fn a_baseline_recorded_at_the_root_holds_from_a_subfolder_and_with_absolute_paths() {
    let repo = scratch_repo();
    let dir = repo.path();
    let wrote = run(dir, &["--write-baseline=baseline.json", "."]);
    assert_eq!(wrote.status.code(), Some(0));
    let baseline = dir.join("baseline.json").display().to_string();
    let posts = dir.join("content/posts").display().to_string();
    for (folder, path) in [
        (dir.join("content"), "."),
        (dir.to_path_buf(), posts.as_str()),
    ] {
        let output = lintas(&folder)
            .args(["--format=json", "--baseline", baseline.as_str(), path])
            .output()
            .expect("lintas runs");
        let report = stdout_json(&output);
        assert_eq!(output.status.code(), Some(0), "{report:#}");
        assert_eq!(report["summary"]["diagnostics"], 0, "{report:#}");
    }
}

#[test]
fn per_file_globs_hold_from_a_subfolder() {
    // `arsip/**` ignores nonstandard-word in the archive: only its calque is reported.
    let archive = repo().join("arsip");
    let rules = ["--select=nonstandard-word", "--format=jsonl"];
    for (dir, path) in [(repo(), "arsip"), (archive.clone(), ".")] {
        let output = check(&dir).args(rules).arg(path).output().expect("runs");
        assert_eq!(output.status.code(), Some(0), "{dir:?}");
        assert!(output.stdout.is_empty(), "{dir:?}");
    }
}

#[test]
fn gitlab_code_quality_validates_and_fingerprints_are_unique() {
    let output = run(&repo(), &["--format=gitlab", "."]);
    assert_eq!(output.status.code(), Some(1));
    let report = stdout_json(&output);
    validate(
        &schema_path("tests/data/gitlab-codequality.schema.json"),
        &report,
    );
    let issues = report.as_array().expect("an array");
    assert_eq!(issues.len(), 6);
    let fingerprints: std::collections::BTreeSet<_> =
        issues.iter().map(|i| i["fingerprint"].as_str()).collect();
    assert_eq!(fingerprints.len(), issues.len());
    let banjir = issues
        .iter()
        .find(|i| i["location"]["path"] == "content/posts/2023/banjir.md")
        .expect("the post's finding");
    assert_eq!(banjir["location"]["lines"]["begin"], 9);
    assert_eq!(banjir["severity"], "minor");

    // Records are lines of their dump, named by their id; an empty run is an empty array.
    let dump = stdout_json(&run(
        &repo(),
        &[
            "--format=gitlab",
            "--input-format=jsonl",
            "export/cms.jsonl",
        ],
    ));
    validate(
        &schema_path("tests/data/gitlab-codequality.schema.json"),
        &dump,
    );
    assert!(
        dump[0]["description"]
            .as_str()
            .is_some_and(|d| d.starts_with('#'))
    );
    let clean = check(&repo())
        .args(["--format=gitlab", "--select=date-format", "content/halaman"])
        .output()
        .expect("lintas runs");
    assert_eq!(clean.status.code(), Some(0));
    assert_eq!(stdout_json(&clean), serde_json::json!([]));
}

#[test]
fn records_of_a_dump_keep_their_line_and_id_in_sarif_and_github() {
    let args = ["--input-format=jsonl", "export/cms.jsonl"];
    let sarif = stdout_json(&run(&repo(), &[&["--format=sarif"], &args[..]].concat()));
    // Record 103 is the dump's third line.
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    let result = (results.iter())
        .find(|r| r["properties"]["record"]["id"] == "103")
        .expect("a finding in record 103");
    let location = &result["locations"][0];
    let line = location["physicalLocation"]["region"]["startLine"].as_u64();
    assert_eq!(line, Some(3), "{result:#}");
    assert_eq!(
        location["logicalLocations"][0]["name"],
        result["properties"]["record"]["id"]
    );
    let github = run(&repo(), &[&["--format=github"], &args[..]].concat());
    let github = String::from_utf8(github.stdout).expect("UTF-8");
    let annotation = (github.lines())
        .find(|l| l.contains("#103"))
        .expect("an annotation for record 103");
    assert!(
        annotation.contains("file=export/cms.jsonl,line=3,title=lintas ("),
        "{annotation}"
    );
}

/// The site generators' posts: a Hugo-style Markdown post (shortcodes, Liquid tags) and an
/// Astro-style MDX post (imports, exports, JSX, expressions), each with one typo in its prose and
/// one in an image's caption or alt text.
const SITE_POSTS: [&str; 2] = [
    "content/posts/2025/banjir-rob.md",
    "content/posts/2025/satelit-cuaca.mdx",
];

/// (path, text, line, column) of every finding of a JSON report.
fn located(report: &Value) -> Vec<(String, String, u64, u64)> {
    let files = report["files"].as_array().expect("files");
    (files.iter())
        .flat_map(|f| {
            let path = f["path"].as_str().expect("a path").to_string();
            let diagnostics = f["diagnostics"].as_array().expect("diagnostics").clone();
            diagnostics.into_iter().map(move |d| {
                let n = |k: &str| d["span"][k].as_u64().expect("a number");
                let text = d["text"].as_str().expect("text").to_string();
                (path.clone(), text, n("line"), n("column"))
            })
        })
        .collect()
}

/// Where `word` is in the fixture `path`: 1-based line and column.
fn position_in(path: &str, word: &str) -> (u64, u64) {
    let text = std::fs::read_to_string(repo().join(path)).expect("the fixture is readable");
    let start = text.find(word).expect("the word is in the fixture");
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line = text[..start].matches('\n').count() + 1;
    let column = text[line_start..start].chars().count() + 1;
    (line as u64, column as u64)
}

/// The findings the site posts are written to give, at their places in the files: nothing of
/// the templating (`src`, `params`, `import`, `Figure`), the typos in prose, captions and alt
/// texts.
fn expected_site_findings(paths: [&str; 2]) -> Vec<(String, String, u64, u64)> {
    let words = [["nelayen", "utra"], ["peluncran", "lamma"]];
    (SITE_POSTS.iter().zip(paths).zip(words))
        .flat_map(|((fixture, shown), words)| {
            words.map(|w| {
                let (line, column) = position_in(fixture, w);
                (shown.to_string(), w.to_string(), line, column)
            })
        })
        .collect()
}

#[test]
fn site_generator_templating_is_not_prose_but_captions_are() {
    let output = check(&repo())
        .args(["--select=spelling", "--format=json"])
        .args(SITE_POSTS)
        .assert()
        .code(1)
        .get_output()
        .clone();
    assert_eq!(
        located(&stdout_json(&output)),
        expected_site_findings(SITE_POSTS)
    );
}

#[test]
fn mdx_files_are_walked_by_default() {
    let output = check(&repo())
        .args(["--select=spelling", "--format=json", "content"])
        .assert()
        .get_output()
        .clone();
    let report = stdout_json(&output);
    let paths: Vec<&str> = (report["files"].as_array().expect("files").iter())
        .filter_map(|f| f["path"].as_str())
        .collect();
    assert!(
        paths.contains(&"content/posts/2025/satelit-cuaca.mdx"),
        "{paths:?}"
    );
}

#[test]
fn stdin_filename_reads_standard_input_as_that_file() {
    for post in SITE_POSTS {
        let text = std::fs::read_to_string(repo().join(post)).expect("the fixture is readable");
        let output = check(&repo())
            .args([
                "--select=spelling",
                "--format=json",
                "--stdin-filename",
                post,
            ])
            .stdin(text)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let expected: Vec<_> = expected_site_findings(SITE_POSTS)
            .into_iter()
            .filter(|f| f.0 == post)
            .collect();
        assert_eq!(located(&stdout_json(&output)), expected);
    }
    // With `--fix -` the fixed text still goes to standard output, read as Markdown.
    check(&repo())
        .args(["--select=nonstandard-word", "--quiet", "--fix", "-"])
        .args(["--stdin-filename", "content/posts/baru.md"])
        .stdin("{{< figure src=\"resiko.jpg\" caption=\"Analisa banjir\" >}}\n\nResiko naik.\n")
        .assert()
        .code(0)
        .stdout_eq(
            "{{< figure src=\"resiko.jpg\" caption=\"Analisis banjir\" >}}\n\nRisiko naik.\n",
        );
}
