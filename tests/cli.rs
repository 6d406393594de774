//! The command line as users and CI see it: every format, exit codes 0/1/2, standard input,
//! `--diff`, `--fix` on a temporary copy, and the errors that must be clear.
//!
//! Snapshots live in `tests/snapshots/`; after an intended change, regenerate them with
//! `SNAPSHOTS=overwrite cargo test --test cli` and review the diff.

use std::path::Path;

use snapbox::cmd::{Command, cargo_bin};
use snapbox::{file, str};

const SEED: &str = "fixtures/seed/komdigi-india-mou.txt";

fn lintas() -> Command {
    Command::new(cargo_bin!("lintas"))
}

/// `lintas check --no-config …` (the project has no lintas.toml, but a parent folder might).
fn check() -> Command {
    Command::new(cargo_bin!("lintas")).args(["check", "--no-config", "--date", "2025-01-25"])
}

/// A writable copy of a fixture in a fresh temporary folder.
fn writable_copy(fixture: &str, name: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::write(&path, std::fs::read(fixture).expect("fixture")).expect("copy");
    (dir, path)
}

#[test]
fn seed_article_human() {
    check()
        .arg(SEED)
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/seed.human.txt"]);
}

#[test]
fn seed_article_json() {
    check()
        .args(["--format", "json", SEED])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/seed.json"]);
}

#[test]
fn seed_article_jsonl() {
    check()
        .args(["--format", "jsonl", SEED])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/seed.jsonl"]);
}

#[test]
fn english_messages() {
    check()
        .args(["--lang", "en", "fixtures/cli/small.txt"])
        .assert()
        .code(1)
        .stdout_eq(file!["snapshots/small.en.txt"]);
}

#[test]
fn clean_text_exits_zero() {
    check()
        .arg("fixtures/cli/clean.txt")
        .assert()
        .code(0)
        .stdout_eq(str![[r#"
lintas: 0 temuan dalam 1 berkas

"#]]);
}

#[test]
fn standard_input() {
    check()
        .args(["--quiet", "-"])
        .stdin("Kami menilai resiko itu kecil.\n")
        .assert()
        .code(1)
        .stdout_eq(str![[r#"
warning[nonstandard-word]: “resiko” tidak baku; bentuk bakunya “risiko”
  ┌─ <stdin>:1:14
  │
1 │ Kami menilai resiko itu kecil.
  │              ^^^^^^
  │
  = help: ganti dengan “risiko”


"#]]);
}

#[test]
fn fail_on_decides_the_exit_code() {
    check()
        .args(["--fail-on", "error", "--quiet", "fixtures/cli/small.txt"])
        .assert()
        .code(0);
    check()
        .args(["--fail-on", "info", "--quiet", "fixtures/cli/small.txt"])
        .assert()
        .code(1);
}

#[test]
fn select_and_ignore() {
    check().args(["--select", "spacing", "--format", "jsonl", "fixtures/cli/small.txt"]).assert().code(1).stdout_eq(str![[r#"
{"rule":"spacing","severity":"warning","message":"spasi ganda","span":{"start":22,"end":24,"line":1,"column":23,"end_line":1,"end_column":25},"text":"  ","fixes":[{"message":"ganti dengan satu spasi","applicability":"safe","edits":[{"start":22,"end":24,"replacement":" "}]}],"labels":[],"notes":[],"path":"fixtures/cli/small.txt"}

"#]]);
    check()
        .args([
            "--ignore",
            "spacing,repeated-word",
            "fixtures/cli/small.txt",
        ])
        .assert()
        .code(0);
}

#[test]
fn unknown_rule_is_a_usage_error_with_a_suggestion() {
    check()
        .args(["--select", "calqe", SEED])
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: --select: aturan “calqe” tidak dikenal (maksudnya “calque”?)

"#]]);
}

#[test]
fn missing_path_is_reported_and_other_files_still_linted() {
    check()
        .args(["--quiet", "--format", "jsonl", "--select", "repeated-word", "no/such/file.txt", "fixtures/cli/small.txt"])
        .assert()
        .code(2)
        .stdout_eq(str![[r#"
{"rule":"repeated-word","severity":"warning","message":"“yang” tertulis dua kali","span":{"start":8,"end":17,"line":1,"column":9,"end_line":1,"end_column":18},"text":"yang yang","fixes":[{"message":"hapus “yang” yang kedua","applicability":"safe","edits":[{"start":12,"end":17,"replacement":""}]}],"labels":[],"notes":[],"path":"fixtures/cli/small.txt"}

"#]])
        .stderr_eq(str![[r#"
lintas: no/such/file.txt: tidak ada berkas atau folder ini

"#]]);
}

#[test]
fn invalid_utf8_names_the_byte_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("bad.txt"), b"baik\xff\xfe buruk").expect("write");
    std::fs::write(dir.path().join("good.txt"), "resiko\n").expect("write");
    let out = check()
        .args(["--format", "jsonl"])
        .arg(dir.path())
        .assert()
        .code(2)
        .get_output()
        .clone();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("\"rule\":\"nonstandard-word\""), "{stdout}");
    assert!(
        stderr.contains("bad.txt: bukan teks UTF-8 yang sah (bita salah pertama pada posisi 4)"),
        "{stderr}"
    );
}

#[test]
fn broken_config_shows_line_column_and_snippet() {
    lintas()
        .args(["check", "--config", "fixtures/cli/broken.toml", SEED])
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: error: konfigurasi salah: [..]
  ┌─ fixtures/cli/broken.toml:1:11
  │
1 │ fail-on = 
  │           ^
...
"#]]);
}

#[test]
fn diff_shows_fixes_and_writes_nothing() {
    let (_dir, path) = writable_copy("fixtures/cli/small.txt", "small.txt");
    check()
        .arg("--diff")
        .arg(&path)
        .assert()
        .code(1)
        .stdout_eq(str![[r#"
--- a/[..]small.txt
+++ b/[..]small.txt
@@ -1 +1 @@
-Menteri yang yang baru  dilantik hadir.
+Menteri yang baru dilantik hadir.

"#]]);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "Menteri yang yang baru  dilantik hadir.\n"
    );
}

/// The tools that apply a patch here (`patch -p1`, `git apply`), each as a command to run in a
/// folder with the patch on its standard input; those not installed are left out.
fn patch_tools() -> Vec<Vec<&'static str>> {
    [vec!["patch", "-p1", "--quiet"], vec!["git", "apply", "-"]]
        .into_iter()
        .filter(|tool| {
            std::process::Command::new(tool[0])
                .arg("--version")
                .output()
                .is_ok_and(|o| o.status.success())
        })
        .collect()
}

/// `--diff` on CRLF lines, a last line without a line feed, and a carriage return inside a line
/// the fixes leave alone: the patch applies to the file as it is and gives what `--fix` writes.
#[test]
fn diff_applies_with_crlf_and_carriage_returns() {
    let text = "Kami menilai resiko itu kecil.\r\nHarga naik.\r\nSatu.\nDua.\nTiga.\n\
                Baris\rlain.\nEmpat.\nLima.\nEnam.\nIa  datang.";
    let tools = patch_tools();
    assert!(!tools.is_empty(), "neither patch nor git is installed");
    for tool in tools {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("a.txt"), text).expect("write");
        let diff = check()
            .current_dir(dir.path())
            .args(["--diff", "a.txt"])
            .assert()
            .code(1)
            .get_output()
            .stdout
            .clone();
        let fixed_dir = tempfile::tempdir().expect("tempdir");
        let fixed = fixed_dir.path().join("a.txt");
        std::fs::write(&fixed, text).expect("write");
        check()
            .args(["--fix", "--quiet"])
            .arg(&fixed)
            .assert()
            .code(0);
        let fixed = std::fs::read(&fixed).expect("read");
        assert_ne!(fixed, text.as_bytes());
        let mut apply = std::process::Command::new(tool[0])
            .args(&tool[1..])
            .current_dir(dir.path())
            .stdin(std::process::Stdio::piped())
            .spawn()
            .expect("starts");
        std::io::Write::write_all(&mut apply.stdin.take().expect("stdin"), &diff).expect("pipe");
        assert!(apply.wait().expect("ends").success(), "{tool:?} applies it");
        assert_eq!(
            std::fs::read(dir.path().join("a.txt")).expect("read"),
            fixed,
            "{tool:?}"
        );
    }
}

/// A carriage return inside a line the diff would show: refused, with an error, the command
/// after it never printed.
#[test]
fn diff_refuses_a_carriage_return_inside_a_shown_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Kami menilai resiko\r::warning::tertipu itu kecil.\n",
    )
    .expect("write");
    check()
        .current_dir(dir.path())
        .args(["--diff", "a.txt"])
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: a.txt:1: ada karakter CR (carriage return) di tengah baris: --diff tidak menampilkan perbaikan berkas ini, sebab log CI akan membaca sisanya sebagai baris tersendiri (jalankan --fix pada salinannya)

"#]]);
}

#[test]
fn fix_applies_safe_fixes_once_and_for_all() {
    let (_dir, path) = writable_copy(SEED, "seed.txt");
    let before = std::fs::read_to_string(&path).expect("read");
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .stderr_eq("");
    let once = std::fs::read_to_string(&path).expect("read");
    assert_ne!(before, once, "safe fixes change the seed article");
    assert!(once.contains("nota kesepahaman") && !once.contains("diharapkan untuk"));
    // A second --fix changes nothing, and no safe fix is left to apply.
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .stderr_eq("");
    assert_eq!(once, std::fs::read_to_string(&path).expect("read"));
    let json = check()
        .args(["--format", "json"])
        .arg(&path)
        .assert()
        .get_output()
        .stdout
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&json).expect("json");
    let safe_left = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["fixes"]
                .get(0)
                .is_some_and(|f| f["applicability"] == "safe")
        })
        .count();
    assert_eq!(safe_left, 0, "{report:#}");
}

#[test]
fn fix_leaves_a_read_only_file_untouched() {
    let (_dir, path) = writable_copy("fixtures/cli/small.txt", "small.txt");
    let mut perms = std::fs::metadata(&path).expect("stat").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).expect("chmod");
    check()
        .args(["--fix", "--quiet"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
lintas: [..]small.txt: hanya-baca; tidak diubah

"#]]);
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        "Menteri yang yang baru  dilantik hadir.\n"
    );
}

#[test]
fn fix_on_stdin_prints_the_fixed_text() {
    check()
        .args(["--fix", "--quiet", "--select", "nonstandard-word", "-"])
        .stdin("Resiko kecil.\n")
        .assert()
        .code(0)
        .stdout_eq("Risiko kecil.\n");
}

/// `lintas check --fix - < a > b` is a filter: `b` is always the whole text, fixed or not, and
/// the report is on standard error.
#[test]
fn fix_on_stdin_always_writes_the_whole_text() {
    let clean = "Kami menilai risiko itu kecil.\n";
    check()
        .args(["--fix", "-"])
        .stdin(clean)
        .assert()
        .code(0)
        .stdout_eq(clean)
        .stderr_eq("lintas: 0 temuan dalam 1 berkas\n");
    // A finding that has no safe fix: the text comes back as it was, the finding goes to stderr.
    let unfixable = "Hubungan bilantial itu kuat.\n";
    let out = check()
        .args(["--fix", "-"])
        .stdin(unfixable)
        .assert()
        .code(1)
        .stdout_eq(unfixable)
        .get_output()
        .clone();
    assert!(String::from_utf8_lossy(&out.stderr).contains("bilantial"));
}

/// Input that cannot be linted is an error (exit 2), and still goes out byte for byte: a file
/// or an editor buffer piped through lintas is never emptied.
#[test]
fn fix_on_stdin_passes_what_it_cannot_lint_through_unchanged() {
    let cases: [(&[u8], &str); 2] = [
        (
            b"baik\xff\xfe buruk\n",
            "<stdin>: bukan teks UTF-8 yang sah (bita salah pertama pada posisi 4)",
        ),
        (
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR",
            "<stdin>: masukan biner, tidak diperiksa",
        ),
    ];
    for (input, error) in cases {
        let out = check()
            .args(["--fix", "--quiet", "-"])
            .stdin(input)
            .assert()
            .code(2)
            .get_output()
            .clone();
        assert_eq!(out.stdout, input);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "<stdin>: diteruskan ke keluaran standar tanpa diubah: {error}"
            )),
            "{stderr}"
        );
    }
}

#[test]
fn threads_are_bounded() {
    check()
        .args(["--threads", "20000", "fixtures/cli/clean.txt"])
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: nilai “20000” untuk “--threads <N>” salah: bukan bilangan dari 1 sampai 256

"#]]);
    check()
        .args(["--threads", "256", "--quiet", "fixtures/cli/clean.txt"])
        .assert()
        .code(0);
}

#[test]
fn output_is_identical_whatever_the_thread_count() {
    let one = check()
        .args(["--format", "json", "--threads", "1", "fixtures"])
        .assert()
        .get_output()
        .stdout
        .clone();
    let two = check()
        .args(["--format", "json", "--threads", "2", "fixtures"])
        .assert()
        .get_output()
        .stdout
        .clone();
    assert!(!one.is_empty());
    assert_eq!(one, two);
}

#[test]
fn a_reader_that_stops_early_gets_no_error_message() {
    use std::io::Read;
    // Far more report than a pipe holds, so that lintas is still writing when the reader goes.
    let dir = tempfile::tempdir().expect("a temporary folder");
    let seed = std::fs::read("fixtures/seed/komdigi-india-mou.txt").expect("the seed fixture");
    for i in 0..100 {
        std::fs::write(dir.path().join(format!("{i}.txt")), &seed).expect("writes");
    }
    let mut child = std::process::Command::new(cargo_bin("lintas"))
        .args(["check", "--no-config", "--color", "never"])
        .arg(dir.path())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("lintas starts");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout is piped")
        .read_exact(&mut first)
        .expect("lintas reports findings on the fixtures");
    // The read end is dropped here, as `| head -c 64` would.
    let out = child.wait_with_output().expect("lintas ends");
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn no_colour_unless_asked() {
    let plain = check().arg(SEED).assert().get_output().stdout.clone();
    assert!(
        !plain.contains(&0x1b),
        "no escape codes when not on a terminal"
    );
    let coloured = check()
        .args(["--color", "always", SEED])
        .assert()
        .get_output()
        .stdout
        .clone();
    assert!(coloured.contains(&0x1b));
}

#[test]
fn rules_lists_every_rule() {
    lintas()
        .arg("rules")
        .assert()
        .code(0)
        .stdout_eq(file!["snapshots/rules.txt"]);
}

#[test]
fn explain_prints_the_rules_documentation() {
    lintas()
        .args(["explain", "calque"])
        .assert()
        .code(0)
        .stdout_eq(file!["snapshots/explain-calque.md"]);
    lintas()
        .args(["explain", "calque", "--lang", "en"])
        .assert()
        .code(0)
        .stdout_eq(file!["snapshots/explain-calque.en.md"]);
    lintas().args(["explain", "spelin"]).assert().code(2);
}

#[test]
fn init_writes_a_starter_config_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("lintas.toml");
    lintas().arg("init").arg(&path).assert().code(0);
    let written = std::fs::read_to_string(&path).expect("written");
    assert!(written.contains("[rules.calque]"));
    lintas().arg("init").arg(&path).assert().code(2);
    // The starter config is valid: lintas uses it as found.
    std::fs::write(dir.path().join("a.txt"), "resiko\n").expect("write");
    Command::new(cargo_bin!("lintas"))
        .current_dir(dir.path())
        .args(["check", "a.txt"])
        .assert()
        .code(1);
}

#[test]
fn a_discovered_config_is_used() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("lintas.toml"),
        "[rules.nonstandard-word]\nenabled = false\n",
    )
    .expect("write");
    std::fs::create_dir(dir.path().join("sub")).expect("mkdir");
    std::fs::write(dir.path().join("sub/a.txt"), "resiko\n").expect("write");
    Command::new(cargo_bin!("lintas"))
        .current_dir(dir.path().join("sub"))
        .args(["check", "a.txt"])
        .assert()
        .code(0);
    assert!(Path::new(&dir.path().join("lintas.toml")).exists());
}

/// A read-only file cannot be fixed: the report must not say it was, and gives its findings.
#[test]
fn fix_on_a_read_only_file_reports_its_findings_and_no_fix() {
    let (_dir, path) = writable_copy("fixtures/cli/small.txt", "small.txt");
    let mut perms = std::fs::metadata(&path).expect("stat").permissions();
    perms.set_readonly(true);
    std::fs::set_permissions(&path, perms).expect("chmod");
    let output = check()
        .args(["--fix", "--format=json"])
        .arg(&path)
        .assert()
        .code(2)
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["summary"]["fixed"], 0, "{report:#}");
    assert_eq!(report["summary"]["diagnostics"], 2, "{report:#}");
}

#[test]
fn flags_that_would_do_nothing_are_refused() {
    for args in [
        &["--unsafe-fixes"][..],
        &["--diff", "--format=json"],
        &["--fix", "--diff"],
        &["--diff", "--output-file=x.json"],
        &["--date=2025-02-30"],
    ] {
        let output = check().args(args).arg("fixtures/cli/small.txt").output();
        let output = output.expect("lintas runs");
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty(), "{args:?}");
    }
    // A bad --date is the flag's fault, not a configuration file's.
    let output = check()
        .args(["--date=25-01-2025", "fixtures/cli/small.txt"])
        .output()
        .expect("lintas runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--date") && !stderr.contains("lintas.toml"),
        "{stderr}"
    );
}

#[test]
fn exit_zero_keeps_findings_but_not_errors() {
    check()
        .args(["--exit-zero", "--quiet", "fixtures/cli/small.txt"])
        .assert()
        .code(0);
    check()
        .args(["--exit-zero", "--quiet", "fixtures/cli/no-such-file.txt"])
        .assert()
        .code(2);
}

/// `--output-file` takes the report in `--format`; the console shows the findings for people.
#[test]
fn output_file_holds_the_report_while_the_console_shows_findings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sarif = dir.path().join("lintas.sarif");
    let output = check()
        .args(["--format=sarif", "--color=never", "--output-file"])
        .arg(&sarif)
        .arg("fixtures/cli/small.txt")
        .assert()
        .code(1)
        .get_output()
        .clone();
    let console = String::from_utf8(output.stdout).expect("UTF-8");
    assert!(console.contains("fixtures/cli/small.txt:1:"), "{console}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&sarif).expect("the report file")).expect("JSON");
    assert_eq!(report["version"], "2.1.0");
    assert_eq!(
        report["runs"][0]["results"].as_array().map(Vec::len),
        Some(2)
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("ls").count(),
        1,
        "no temporary left"
    );
}

#[test]
fn files_from_lists_paths_by_line_or_nul_and_an_empty_list_is_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let list = dir.path().join("changed.txt");
    for separator in ["\n", "\0"] {
        let names = ["fixtures/cli/small.txt", "fixtures/cli/clean.txt"].join(separator);
        std::fs::write(&list, names).expect("write");
        let output = check()
            .args(["--format=json", "--files-from"])
            .arg(&list)
            .assert()
            .code(1)
            .get_output()
            .clone();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        assert_eq!(report["summary"]["files"], 2, "{separator:?}");
    }
    std::fs::write(&list, "").expect("write");
    let output = check()
        .args(["--format=json", "--files-from"])
        .arg(&list)
        .assert()
        .code(0)
        .get_output()
        .clone();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(report["summary"]["files"], 0);
}

/// A setting that would silently do nothing is an error naming the file and line, and a wrong key
/// is answered with the keys that are right.
#[test]
fn configuration_that_would_do_nothing_is_refused_with_its_line() {
    let cases = [
        (
            "[[rules.spelling.entries]]\nmatch = \"x\"\nsource = \"y\"\n",
            "lintas.toml:1: [[rules.spelling.entries]]",
        ),
        (
            "[rules.repeated-word]\nseverity = \"error\"\ndisable = [\"a\"]\n",
            "lintas.toml:3: [rules.repeated-word] disable",
        ),
        (
            "[rules.repeated-word]\nfoo = 1\n",
            "lintas.toml:2: [rules.repeated-word]: kunci “foo” tidak dikenal",
        ),
        (
            "[rules.spelling]\nacept = [\"x\"]\n",
            "kunci tidak dikenal: `acept`, seharusnya salah satu dari `accept`, `words-file`, \
             `dictionary` (setiap aturan juga menerima enabled",
        ),
        (
            "[[per-file]]\nglob = \"[\"\nignore = [\"calque\"]\n",
            "glob “[”",
        ),
        ("exclude = [\"[\"]\n", "unclosed character class"),
    ];
    for (config, expected) in cases {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("lintas.toml"), config).expect("write");
        std::fs::write(dir.path().join("a.txt"), "Kalimat yang benar.\n").expect("write");
        let output = Command::new(cargo_bin!("lintas"))
            .current_dir(dir.path())
            .args(["check", "."])
            .output()
            .expect("lintas runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(2), "{config}: {stderr}");
        assert!(stderr.contains(expected), "{config}: {stderr}");
    }
}

/// The JSON report says which article date the date checks read, and where it came from.
#[test]
fn json_names_the_article_date_and_its_source() {
    let dir = tempfile::tempdir().expect("tempdir");
    let post = dir.path().join("a.md");
    std::fs::write(
        &post,
        "---\ndate: 2024-05-06\n---\n\nHarga naik hari ini.\n",
    )
    .expect("write");
    let plain = dir.path().join("b.txt");
    std::fs::write(&plain, "Harga naik hari ini.\n").expect("write");
    let date_of = |args: &[&str], path: &std::path::Path| {
        let output = Command::new(cargo_bin!("lintas"))
            .args([
                "check",
                "--no-config",
                "--select=date-weekday",
                "--format=json",
            ])
            .args(args)
            .arg(path)
            .output()
            .expect("lintas runs");
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        report["files"][0]["date"].clone()
    };
    let date = |value: &str, source: &str| serde_json::json!({"value": value, "source": source});
    assert_eq!(date_of(&[], &post), date("2024-05-06", "front-matter"));
    assert_eq!(
        date_of(&["--date=2025-01-25"], &post),
        date("2024-05-06", "front-matter")
    );
    assert_eq!(
        date_of(&["--date=2025-01-25"], &plain),
        date("2025-01-25", "configuration")
    );
    assert_eq!(date_of(&[], &plain), serde_json::Value::Null);
}

/// A data rule's finding names its entry, and that name is what `disable` takes.
#[test]
fn a_findings_entry_is_what_disable_switches_off() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("a.txt"),
        "Warga menilai resiko itu kecil.\n",
    )
    .expect("write");
    let run = || {
        let output = Command::new(cargo_bin!("lintas"))
            .current_dir(dir.path())
            .args([
                "check",
                "--select=nonstandard-word",
                "--format=json",
                "a.txt",
            ])
            .output()
            .expect("lintas runs");
        serde_json::from_slice::<serde_json::Value>(&output.stdout).expect("JSON")
    };
    let report = run();
    let entry = report["files"][0]["diagnostics"][0]["entry"]
        .as_str()
        .expect("the entry")
        .to_string();
    std::fs::write(
        dir.path().join("lintas.toml"),
        format!("[rules.nonstandard-word]\ndisable = [\"{entry}\"]\n"),
    )
    .expect("write");
    assert_eq!(run()["summary"]["diagnostics"], 0);
}

#[test]
fn rules_as_json_list_every_rule_with_its_examples() {
    let output = Command::new(cargo_bin!("lintas"))
        .args(["rules", "--format=json", "--lang=en"])
        .output()
        .expect("lintas runs");
    assert_eq!(output.status.code(), Some(0));
    let rules: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let rules = rules.as_array().expect("an array");
    let listed = Command::new(cargo_bin!("lintas"))
        .arg("rules")
        .output()
        .expect("lintas runs");
    assert_eq!(
        rules.len(),
        String::from_utf8_lossy(&listed.stdout).lines().count()
    );
    for rule in rules {
        assert!(
            rule["id"].as_str().is_some_and(|id| !id.is_empty()),
            "{rule}"
        );
        assert!(
            rule["summary"].as_str().is_some_and(|s| !s.is_empty()),
            "{rule}"
        );
        let examples = rule["examples"].as_array().expect("examples");
        assert!(!examples.is_empty(), "{rule}");
    }
}

/// Completions and the manual come from the same definitions as the flags: a flag added to
/// `check` is in both.
#[test]
fn completions_and_the_manual_know_every_flag() {
    let run = |args: &[&str]| {
        let output = Command::new(cargo_bin!("lintas"))
            .args(args)
            .output()
            .expect("lintas runs");
        assert_eq!(output.status.code(), Some(0), "{args:?}");
        String::from_utf8(output.stdout).expect("UTF-8")
    };
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = run(&["completions", shell]);
        for flag in ["files-from", "output-file", "exit-zero", "unsafe-fixes"] {
            assert!(script.contains(flag), "{shell}: {flag}");
        }
    }
    let manual = run(&["man"]);
    assert!(
        manual.starts_with(".ie") || manual.contains(".TH lintas"),
        "{manual:.200}"
    );
    for page in ["lintas-check", "lintas-rules", "lintas-explain"] {
        assert!(manual.contains(&format!(".TH {page}")), "{page}");
    }
    assert!(
        manual.contains("files\\-from"),
        "the check page lists its flags"
    );
}

/// A CMS export with the text in several fields, one inside an object: each field is linted on
/// its own and named in the report.
#[test]
fn jsonl_lints_several_fields_and_fields_inside_objects() {
    let dump = concat!(
        r#"{"meta": {"id": "pos-1"}, "title": "Resiko Banjir", "content": {"body": "Warga menilai resiko itu kecil."}}"#,
        "\n"
    );
    let output = check()
        .args([
            "--select=nonstandard-word",
            "--format=json",
            "--input-format=jsonl",
            "--text-field=title,content.body",
            "--id-field=meta.id",
            "-",
        ])
        .stdin(dump)
        .output()
        .expect("lintas runs");
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
    let records: Vec<(String, String, u64)> = report["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| {
            let d = &f["diagnostics"][0];
            (
                f["record"]["id"].as_str().unwrap_or_default().to_string(),
                f["record"]["field"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                d["span"]["start"].as_u64().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        records,
        [
            ("pos-1".to_string(), "title".to_string(), 0),
            ("pos-1".to_string(), "content.body".to_string(), 14),
        ]
    );
}

/// MDX has no HTML comments: its suppressions are JSX comments, with the same meaning.
#[test]
fn mdx_suppressions_are_jsx_comments() {
    check()
        .args([
            "--format=jsonl",
            "--select=nonstandard-word,unused-suppression",
            "fixtures/cli/disable.mdx",
        ])
        .assert()
        .code(1)
        .stdout_eq(str![[r#"
{"rule":"nonstandard-word",[..]"line":14,[..]"text":"resiko",[..]}

"#]]);
}
