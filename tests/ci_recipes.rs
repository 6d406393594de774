//! The recipes of `docs/ci.md`, run as they stand: the GitHub Actions workflow's steps and the
//! GitLab CI job's script against a git repository with a base branch and a pull request (with
//! findings and without, with a baseline and without), and the scale-out pipelines on an export,
//! which must fail on a malformed record and on a binary that cannot start.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use snapbox::cmd::cargo_bin;

fn manifest() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first ```LANG block after `<!-- tested: NAME -->` in docs/ci.md.
fn documented(name: &str, lang: &str) -> String {
    let text = std::fs::read_to_string(manifest().join("docs/ci.md")).expect("docs/ci.md");
    let marker = format!("<!-- tested: {name} -->");
    let after = &text[text.find(&marker).expect("the marker is in the doc")..];
    let fence = format!("```{lang}\n");
    let start = after.find(&fence).expect("a block follows") + fence.len();
    let end = after[start..].find("```").expect("the block ends");
    after[start..start + end].to_string()
}

/// PATH with the built lintas first.
fn path_with_lintas() -> String {
    let bin = cargo_bin!("lintas").parent().expect("the binary's folder");
    format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    )
}

fn validate(schema: &str, instance: &Value) {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    let schema = manifest().join(schema).display().to_string();
    let index = compiler
        .compile(&schema, &mut schemas)
        .unwrap_or_else(|e| panic!("{schema} compiles: {e:#}"));
    if let Err(e) = schemas.validate(instance, index) {
        panic!("does not validate against {schema}: {e:#}\n{instance:#}");
    }
}

fn git(dir: &Path, args: &[&str]) {
    let output = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Redaksi")
        .env("GIT_AUTHOR_EMAIL", "redaksi@example.org")
        .env("GIT_COMMITTER_NAME", "Redaksi")
        .env("GIT_COMMITTER_EMAIL", "redaksi@example.org")
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create a folder");
    for entry in std::fs::read_dir(from).expect("readable") {
        let entry = entry.expect("an entry");
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A content repository pushed to `origin` on `main`, with the pull request's branch checked out:
/// the fixture repository, then `change` (path, text) committed on the branch.
struct PullRequest {
    dir: tempfile::TempDir,
}

impl PullRequest {
    fn new(base_extra: &[(&str, &str)], change: &[(&str, &str)]) -> PullRequest {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let origin = dir.path().join("origin.git");
        let work = dir.path().join("work");
        std::fs::create_dir_all(&origin).expect("mkdir");
        git(&origin, &["init", "-q", "--bare", "-b", "main"]);
        copy_dir(&manifest().join("fixtures/content-repo"), &work);
        for (path, text) in base_extra {
            std::fs::write(work.join(path), text).expect("write");
        }
        git(&work, &["init", "-q", "-b", "main"]);
        git(&work, &["add", "-A"]);
        git(&work, &["commit", "-q", "-m", "base"]);
        git(&work, &["remote", "add", "origin", "../origin.git"]);
        git(&work, &["push", "-q", "origin", "main"]);
        git(&work, &["checkout", "-q", "-b", "pr"]);
        for (path, text) in change {
            let path = work.join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("mkdir");
            std::fs::write(path, text).expect("write");
        }
        git(&work, &["add", "-A"]);
        git(&work, &["commit", "-q", "-m", "pull request"]);
        PullRequest { dir }
    }

    fn work(&self) -> PathBuf {
        self.dir.path().join("work")
    }

    fn temp(&self) -> PathBuf {
        let temp = self.dir.path().join("runner-temp");
        std::fs::create_dir_all(&temp).expect("mkdir");
        temp
    }
}

/// A new article with one finding: “resiko” is not the standard spelling.
const ARTICLE_WITH_FINDING: &str = "---\ntitle: Pasar Baru\ndate: 2025-03-04\n---\n\nWarga menilai resiko banjir di pasar itu kecil.\n";
const CLEAN_ARTICLE: &str = "---\ntitle: Pasar Baru\ndate: 2025-03-04\n---\n\nPemerintah kota membuka pasar baru di pusat kota.\n";

// --- GitHub Actions -------------------------------------------------------------------------

/// One step of a workflow job, as the documented workflow writes them.
#[derive(Debug, Default)]
struct Step {
    name: Option<String>,
    id: Option<String>,
    condition: Option<String>,
    uses: Option<String>,
    run: Option<String>,
    env: BTreeMap<String, String>,
    with: BTreeMap<String, String>,
}

/// The steps of the workflow's one job: `- ` items at one indent, `key: value`, `key: |` blocks
/// and `key:` maps of `key: value` beneath.
fn steps(workflow: &str) -> Vec<Step> {
    let lines: Vec<&str> = workflow.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.trim() == "steps:")
        .expect("a steps list");
    let item_indent = lines[at + 1].find('-').expect("a step");
    let key_indent = item_indent + 2;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let mut steps: Vec<Step> = Vec::new();
    let mut i = at + 1;
    while i < lines.len() {
        let line = lines[i];
        if line.trim().is_empty() {
            i += 1;
            continue;
        }
        if indent(line) < item_indent {
            break;
        }
        let content = if indent(line) == item_indent && line.trim_start().starts_with("- ") {
            steps.push(Step::default());
            &line[item_indent + 2..]
        } else {
            &line[key_indent..]
        };
        let step = steps.last_mut().expect("a step began");
        let (key, value) = content.split_once(':').expect("key: value");
        let value = value.trim();
        i += 1;
        let mut nested = Vec::new();
        while i < lines.len() && (lines[i].trim().is_empty() || indent(lines[i]) > key_indent) {
            nested.push(lines[i]);
            i += 1;
        }
        match (key, value) {
            ("run", "|") => {
                let strip = nested.iter().map(|l| indent(l)).filter(|&n| n > 0).min();
                let body: Vec<&str> = (nested.iter())
                    .map(|l| l.get(strip.unwrap_or(0)..).unwrap_or(""))
                    .collect();
                step.run = Some(body.join("\n"));
            }
            ("run", v) => step.run = Some(v.to_string()),
            ("env" | "with", "") => {
                let map: BTreeMap<String, String> = (nested.iter())
                    .filter_map(|l| l.trim().split_once(": "))
                    .map(|(k, v)| {
                        let v = v.split(" #").next().unwrap_or(v).trim();
                        (k.to_string(), v.to_string())
                    })
                    .collect();
                if key == "env" {
                    step.env = map;
                } else {
                    step.with = map;
                }
            }
            ("name", v) => step.name = Some(v.to_string()),
            ("id", v) => step.id = Some(v.to_string()),
            ("if", v) => step.condition = Some(v.to_string()),
            ("uses", v) => step.uses = Some(v.to_string()),
            _ => {}
        }
    }
    steps
}

/// What a run of the workflow left: whether the job succeeded, each step's outcome, and the
/// SARIF document the upload step was given.
struct JobRun {
    succeeded: bool,
    outcomes: Vec<(String, bool)>,
    uploaded: Option<Value>,
    log: String,
}

/// Run the workflow's steps as a runner would for a pull request into `main`: `bash -eo
/// pipefail`, `${{ … }}` expressions of the base branch and of step outputs, a step after a
/// failure only with `if: always()`. The checkout is the pull request's clone; installing lintas
/// is the test's own build on PATH.
fn run_github_workflow(pr: &PullRequest) -> JobRun {
    let workflow = documented("github-actions", "yaml");
    let output_file = pr.temp().join("github-output");
    let mut outputs: BTreeMap<String, String> = BTreeMap::new();
    let mut failed = false;
    let mut run = JobRun {
        succeeded: false,
        outcomes: Vec::new(),
        uploaded: None,
        log: String::new(),
    };
    let steps = steps(&workflow);
    assert!(steps.len() >= 5, "{steps:#?}");
    for step in steps {
        let label = (step.name.clone().or(step.uses.clone())).unwrap_or_default();
        if failed && step.condition.as_deref() != Some("always()") {
            continue;
        }
        let expand = |value: &str| {
            let mut value = value.replace("${{ github.base_ref }}", "main");
            for (key, v) in &outputs {
                value = value.replace(&format!("${{{{ steps.{key} }}}}"), v);
            }
            assert!(
                !value.contains("${{"),
                "an expression the test does not know: {value}"
            );
            value
        };
        let ok = match (&step.uses, &step.run) {
            (Some(uses), _) if uses.starts_with("actions/checkout") => true,
            (Some(uses), _) if uses.starts_with("github/codeql-action/upload-sarif") => {
                let file = pr.work().join(expand(&step.with["sarif_file"]));
                let text = std::fs::read_to_string(&file).expect("the SARIF file to upload");
                let sarif: Value = serde_json::from_str(&text).expect("one JSON document");
                run.uploaded = Some(sarif);
                true
            }
            (Some(uses), _) => panic!("a step the test does not know: {uses}"),
            (None, Some(_)) if label == "Install lintas" => true,
            (None, Some(script)) => {
                let _ = std::fs::remove_file(&output_file);
                let mut command = Command::new("bash");
                command
                    .args(["--noprofile", "--norc", "-eo", "pipefail", "-c", script])
                    .current_dir(pr.work())
                    .env("PATH", path_with_lintas())
                    .env("GITHUB_OUTPUT", &output_file)
                    .env("RUNNER_TEMP", pr.temp())
                    .env("GITHUB_ACTIONS", "true");
                for (key, value) in &step.env {
                    command.env(key, expand(value));
                }
                let output = command.output().expect("bash runs");
                run.log += &String::from_utf8_lossy(&output.stdout);
                run.log += &String::from_utf8_lossy(&output.stderr);
                if let (Some(id), Ok(written)) = (&step.id, std::fs::read_to_string(&output_file)) {
                    for line in written.lines() {
                        if let Some((key, value)) = line.split_once('=') {
                            outputs.insert(format!("{id}.outputs.{key}"), value.to_string());
                        }
                    }
                }
                output.status.success()
            }
            (None, None) => panic!("a step with neither uses nor run: {step:?}"),
        };
        failed |= !ok;
        run.outcomes.push((label, ok));
    }
    run.succeeded = !failed;
    run
}

fn results(sarif: &Value) -> Vec<(String, String)> {
    sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| {
            let location = &r["locations"][0]["physicalLocation"]["artifactLocation"];
            (
                r["ruleId"].as_str().unwrap_or_default().to_string(),
                location["uri"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect()
}

#[test]
fn github_workflow_uploads_sarif_and_fails_on_a_new_finding() {
    let pr = PullRequest::new(&[], &[("content/posts/pasar.md", ARTICLE_WITH_FINDING)]);
    let run = run_github_workflow(&pr);
    assert!(!run.succeeded, "{}", run.log);
    let outcomes: Vec<(&str, bool)> = (run.outcomes.iter())
        .map(|(label, ok)| (label.as_str(), *ok))
        .collect();
    assert_eq!(
        outcomes,
        [
            ("actions/checkout@v4", true),
            ("Install lintas", true),
            ("Lint the changed articles", true),
            ("github/codeql-action/upload-sarif@v3", true),
            ("Gate", false),
        ],
        "{}",
        run.log
    );
    let sarif = run.uploaded.expect("SARIF was uploaded");
    validate("tests/data/sarif-schema-2.1.0.json", &sarif);
    // Only the changed article, named from the checkout's root.
    assert_eq!(
        results(&sarif),
        [(
            "nonstandard-word".to_string(),
            "content/posts/pasar.md".to_string()
        )]
    );
    assert!(
        run.log.contains("content/posts/pasar.md:6:15"),
        "{}",
        run.log
    );
}

#[test]
fn github_workflow_passes_a_clean_pull_request_and_one_its_baseline_knows() {
    let pr = PullRequest::new(&[], &[("content/posts/pasar.md", CLEAN_ARTICLE)]);
    let run = run_github_workflow(&pr);
    assert!(run.succeeded, "{}", run.log);
    assert_eq!(results(&run.uploaded.expect("uploaded")), []);

    // The base branch's baseline records the article's finding: editing the article elsewhere
    // brings no new one.
    let baseline = {
        let dir = tempfile::tempdir().expect("tempdir");
        let post = dir.path().join("content/posts/pasar.md");
        std::fs::create_dir_all(post.parent().expect("folder")).expect("mkdir");
        std::fs::write(&post, ARTICLE_WITH_FINDING).expect("write");
        let output = Command::new(cargo_bin!("lintas"))
            .current_dir(dir.path())
            .args(["check", "--no-config", "--write-baseline=b.json", "."])
            .output()
            .expect("lintas runs");
        assert_eq!(output.status.code(), Some(0));
        std::fs::read_to_string(dir.path().join("b.json")).expect("the baseline")
    };
    let edited = format!("{ARTICLE_WITH_FINDING}\nPasar itu dibuka pada pagi hari.\n");
    let pr = PullRequest::new(
        &[
            ("lintas-baseline.json", baseline.as_str()),
            ("content/posts/pasar.md", ARTICLE_WITH_FINDING),
        ],
        &[("content/posts/pasar.md", edited.as_str())],
    );
    let run = run_github_workflow(&pr);
    assert!(run.succeeded, "{}", run.log);
}

/// The workflow takes the configuration from the base branch, not from the pull request: a
/// `lintas.toml` the pull request adds to switch a rule off changes nothing.
#[test]
fn github_workflow_ignores_a_configuration_the_pull_request_brings() {
    let pr = PullRequest::new(
        &[],
        &[
            ("content/posts/pasar.md", ARTICLE_WITH_FINDING),
            ("lintas.toml", "ignore = [\"nonstandard-word\"]\n"),
        ],
    );
    let run = run_github_workflow(&pr);
    assert!(!run.succeeded, "{}", run.log);
    assert_eq!(results(&run.uploaded.expect("uploaded")).len(), 1);
}

// --- GitLab CI ------------------------------------------------------------------------------

/// The job's `script:` lines, run in one shell that stops at the first failing line (as GitLab's
/// runner does), with the merge request's variables. `before_script` installs lintas: the test's
/// own build is on PATH instead.
fn run_gitlab_job(pr: &PullRequest) -> (bool, String) {
    let job = documented("gitlab-ci", "yaml");
    let lines: Vec<&str> = job.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == "script:")
        .expect("script");
    let script: Vec<&str> = lines[start + 1..]
        .iter()
        .take_while(|l| l.trim_start().starts_with("- "))
        .map(|l| l.trim_start().trim_start_matches("- "))
        .collect();
    assert!(script.len() >= 4, "{script:?}");
    let output = Command::new("sh")
        .args(["-e", "-c", &script.join("\n")])
        .current_dir(pr.work())
        .env("PATH", path_with_lintas())
        .env("CI_MERGE_REQUEST_TARGET_BRANCH_NAME", "main")
        .env("CI_PIPELINE_SOURCE", "merge_request_event")
        .output()
        .expect("sh runs");
    let log = String::from_utf8_lossy(&output.stdout).to_string()
        + &String::from_utf8_lossy(&output.stderr);
    (output.status.success(), log)
}

#[test]
fn gitlab_job_writes_code_quality_and_fails_on_a_new_finding() {
    let pr = PullRequest::new(&[], &[("content/posts/pasar.md", ARTICLE_WITH_FINDING)]);
    let (ok, log) = run_gitlab_job(&pr);
    assert!(!ok, "{log}");
    let report = pr.work().join("gl-code-quality-report.json");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(report).expect("the report")).expect("JSON");
    validate("tests/data/gitlab-codequality.schema.json", &report);
    assert_eq!(report[0]["location"]["path"], "content/posts/pasar.md");
    assert_eq!(report.as_array().map(Vec::len), Some(1));

    let pr = PullRequest::new(&[], &[("content/posts/pasar.md", CLEAN_ARTICLE)]);
    let (ok, log) = run_gitlab_job(&pr);
    assert!(ok, "{log}");
}

// --- Scale-out -------------------------------------------------------------------------------

const EXPORT: &str = "fixtures/content-repo/export/cms.jsonl";

/// A folder holding the export (with `extra` lines after it) and, as `./lintas`, `binary`.
fn shard_folder(extra: &str, binary: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let mut export = std::fs::read_to_string(manifest().join(EXPORT)).expect("the export");
    export.push_str(extra);
    std::fs::write(dir.path().join("export.jsonl"), export).expect("write");
    std::fs::copy(binary, dir.path().join("lintas")).expect("copy the binary");
    std::fs::write(dir.path().join("lintas.toml"), "").expect("write");
    dir
}

/// A "binary" that cannot start: it exits 1 whatever it is asked, as an old glibc's loader does.
fn broken_binary(dir: &Path) -> PathBuf {
    use std::os::unix::fs::PermissionsExt;
    let path = dir.join("broken");
    std::fs::write(
        &path,
        "#!/bin/sh\necho 'lintas: GLIBC_2.39 not found' >&2\nexit 1\n",
    )
    .expect("write");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    path
}

fn shard_pipeline(dir: &Path) -> std::process::Output {
    Command::new("sh")
        .args(["-c", &documented("shard-pipeline", "sh")])
        .current_dir(dir)
        .env("PATH", format!("{}:/usr/bin:/bin", dir.display()))
        .env("LINES_PER_SHARD", "1")
        .output()
        .expect("sh runs")
}

fn spark_pipe(dir: &Path) -> std::process::Output {
    let export = std::fs::read(dir.join("export.jsonl")).expect("the export");
    let mut child = Command::new("sh")
        .args(["-c", documented("spark-pipe", "sh").trim()])
        .current_dir(dir)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("sh runs");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&export)
        .expect("write");
    child.wait_with_output().expect("it ends")
}

#[test]
fn shard_pipeline_in_the_docs_runs() {
    let dir = shard_folder("", Path::new(cargo_bin!("lintas")));
    let output = shard_pipeline(dir.path());
    assert!(
        output.status.success(),
        "the documented pipeline failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let findings =
        std::fs::read_to_string(dir.path().join("findings.jsonl")).expect("findings.jsonl");
    // The pipeline runs every rule; the fixture is written for these two.
    let ids: Vec<String> = findings
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter(|v| v["rule"] == "calque" || v["rule"] == "nonstandard-word")
        .map(|v| format!("{}:{}", v["record"]["id"], v["rule"]))
        .collect();
    assert_eq!(
        ids,
        [
            "\"berita-101\":\"nonstandard-word\"",
            "\"103\":\"calque\"",
            "\"103\":\"nonstandard-word\""
        ]
    );
    let spark = spark_pipe(dir.path());
    assert!(
        spark.status.success(),
        "{}",
        String::from_utf8_lossy(&spark.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&spark.stdout).lines().count(),
        findings.lines().count()
    );
}

#[test]
fn documented_pipelines_fail_on_a_malformed_record_and_on_a_binary_that_cannot_start() {
    let lintas = Path::new(cargo_bin!("lintas"));
    let malformed = shard_folder("{\"id\": \"rusak\", \"body\": \n", lintas);
    assert!(!shard_pipeline(malformed.path()).status.success());
    assert!(!spark_pipe(malformed.path()).status.success());

    let scratch = tempfile::tempdir().expect("tempdir");
    let broken = shard_folder("", &broken_binary(scratch.path()));
    assert!(!shard_pipeline(broken.path()).status.success());
    assert!(!spark_pipe(broken.path()).status.success());
}

// --- pre-commit -----------------------------------------------------------------------------

/// Each hook of `.pre-commit-hooks.yaml` run as pre-commit runs it: its `entry` with the staged
/// file names after it. `lintas` fails on a finding; `lintas-fix` fixes the file (pre-commit then
/// fails the commit because a file changed).
#[test]
fn pre_commit_hooks_report_and_fix() {
    let hooks = std::fs::read_to_string(manifest().join(".pre-commit-hooks.yaml")).expect("hooks");
    let entries: BTreeMap<String, String> = hooks
        .split("\n- id: ")
        .skip(1)
        .map(|hook| {
            let id = hook.lines().next().unwrap_or_default().trim().to_string();
            let entry = (hook.lines())
                .find_map(|l| l.trim().strip_prefix("entry: "))
                .expect("an entry");
            (id, entry.to_string())
        })
        .collect();
    assert_eq!(entries.keys().collect::<Vec<_>>(), ["lintas", "lintas-fix"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let post = dir.path().join("pasar.md");
    for (id, entry) in &entries {
        std::fs::write(&post, ARTICLE_WITH_FINDING).expect("write");
        let output = Command::new("sh")
            .args(["-c", &format!("{entry} --no-config pasar.md")])
            .current_dir(dir.path())
            .env("PATH", path_with_lintas())
            .output()
            .expect("sh runs");
        let fixed = std::fs::read_to_string(&post).expect("read");
        match id.as_str() {
            "lintas" => {
                assert_eq!(output.status.code(), Some(1));
                assert_eq!(fixed, ARTICLE_WITH_FINDING);
            }
            _ => {
                assert_eq!(output.status.code(), Some(0));
                assert!(fixed.contains("menilai risiko banjir"), "{fixed}");
            }
        }
    }
}

/// The archive the recipes download is one the release workflow makes: `archive:
/// lintas-$target` for each target of its matrix.
#[test]
fn recipes_download_an_archive_the_release_workflow_builds() {
    let release = std::fs::read_to_string(manifest().join(".github/workflows/release.yml"))
        .expect("the release workflow");
    assert!(release.contains("archive: lintas-$target"), "{release}");
    let targets: Vec<&str> = (release.lines())
        .filter_map(|l| l.trim().strip_prefix("- target: "))
        .collect();
    let docs = std::fs::read_to_string(manifest().join("docs/ci.md")).expect("docs/ci.md");
    let downloads: Vec<&str> = docs
        .split("/download/$LINTAS_VERSION/lintas-")
        .skip(1)
        .map(|rest| rest.split(".tar.gz").next().unwrap_or_default())
        .collect();
    assert!(downloads.len() >= 3, "{downloads:?}");
    for target in downloads {
        assert!(
            targets.contains(&target),
            "{target} is not built: {targets:?}"
        );
    }
}
