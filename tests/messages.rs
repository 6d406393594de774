//! What lintas says about its run, in Indonesian by default and in English with `--lang en`: a
//! configuration error, a file that cannot be read, a malformed JSON Lines record (on standard
//! error and in the JSON report's `errors`), `--help`, and a flag clap does not know. Exit codes
//! are the same in both languages.

use snapbox::cmd::{Command, cargo_bin};
use snapbox::str;

fn lintas() -> Command {
    Command::new(cargo_bin!("lintas"))
}

/// `lintas check --no-config …` in `lang` (`None`: the default).
fn check(lang: Option<&str>) -> Command {
    let command = lintas().args(["check", "--no-config", "--date", "2025-01-25"]);
    match lang {
        Some(lang) => command.args(["--lang", lang]),
        None => command,
    }
}

#[test]
fn a_configuration_error() {
    let run = |lang: &[&str]| {
        lintas()
            .args(["check", "--config", "fixtures/messages/salah.toml"])
            .args(lang)
            .arg("fixtures/cli/clean.txt")
            .assert()
            .code(2)
            .stdout_eq("")
    };
    run(&[]).stderr_eq(str![[r#"
lintas: error: konfigurasi salah: nilai tidak dikenal: `keras`, seharusnya salah satu dari `info`, `warning`, `error`
  ┌─ fixtures/messages/salah.toml:1:11
  │
1 │ fail-on = "keras"
  │           ^^^^^^^

"#]]);
    run(&["--lang", "en"]).stderr_eq(str![[r#"
lintas: error: invalid configuration: unknown variant `keras`, expected one of `info`, `warning`, `error`
  ┌─ fixtures/messages/salah.toml:1:11
  │
1 │ fail-on = "keras"
  │           ^^^^^^^

"#]]);
}

#[test]
fn a_file_that_cannot_be_read() {
    check(None)
        .arg("fixtures/messages/tidak-ada.txt")
        .assert()
        .code(2)
        .stdout_eq(str![[r#"
lintas: 0 temuan dalam 0 berkas
lintas: 1 berkas tidak dapat diperiksa

"#]])
        .stderr_eq(str![[r#"
lintas: fixtures/messages/tidak-ada.txt: tidak ada berkas atau folder ini

"#]]);
    check(Some("en"))
        .arg("fixtures/messages/tidak-ada.txt")
        .assert()
        .code(2)
        .stdout_eq(str![[r#"
lintas: 0 findings in 0 files
lintas: 1 file(s) could not be checked

"#]])
        .stderr_eq(str![[r#"
lintas: fixtures/messages/tidak-ada.txt: no such file or directory

"#]]);
}

#[test]
fn a_malformed_record() {
    let run = |lang: Option<&str>| {
        check(lang)
            .args([
                "--input-format=jsonl",
                "--format=jsonl",
                "fixtures/messages/rusak.jsonl",
            ])
            .assert()
            .code(2)
    };
    run(None).stderr_eq(str![[r#"
lintas: fixtures/messages/rusak.jsonl:2: bukan entri JSON: EOF while parsing a value at line 2 column 0
lintas: fixtures/messages/rusak.jsonl:3: tidak ada isian “body”

"#]]);
    run(Some("en")).stderr_eq(str![[r#"
lintas: fixtures/messages/rusak.jsonl:2: not a JSON record: EOF while parsing a value at line 2 column 0
lintas: fixtures/messages/rusak.jsonl:3: no field “body”

"#]]);
}

#[test]
fn errors_in_the_json_report() {
    let errors = |lang: Option<&str>| {
        let output = check(lang)
            .args([
                "--input-format=jsonl",
                "--format=json",
                "fixtures/messages/rusak.jsonl",
            ])
            .assert()
            .code(2)
            .get_output()
            .clone();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON");
        report["errors"]
            .as_array()
            .expect("errors")
            .iter()
            .map(|e| e["message"].as_str().expect("a message").to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        errors(None),
        [
            "fixtures/messages/rusak.jsonl:2: bukan entri JSON: EOF while parsing a value at line 2 \
             column 0",
            "fixtures/messages/rusak.jsonl:3: tidak ada isian “body”",
        ]
    );
    assert_eq!(
        errors(Some("en")),
        [
            "fixtures/messages/rusak.jsonl:2: not a JSON record: EOF while parsing a value at line \
             2 column 0",
            "fixtures/messages/rusak.jsonl:3: no field “body”",
        ]
    );
}

#[test]
fn help() {
    lintas().arg("--help").assert().code(0).stdout_eq(str![[r#"
Linter untuk teks berita berbahasa Indonesia hasil terjemahan mesin.

Penggunaan: lintas [OPSI] <PERINTAH>

Perintah:
...
Opsi:
      --lang <BAHASA>
...
  -h, --help
          Tampilkan bantuan.
...
"#]]);
    lintas()
        .args(["--lang", "en", "--help"])
        .assert()
        .code(0)
        .stdout_eq(str![[r#"
A linter for machine-translated Indonesian news text

Usage: lintas [OPTIONS] <COMMAND>

Commands:
...
Options:
      --lang <LANG>
...
  -h, --help
          Print help[..]
...
"#]]);
    // Each command's flags, their choices and defaults.
    let output = lintas().args(["check", "--help"]).output().expect("runs");
    let help = String::from_utf8(output.stdout).expect("UTF-8");
    for said in [
        "Penggunaan: lintas check [OPSI] [JALUR]...",
        "--format <FORMAT>",
        "Format laporan [bawaan: human]. [pilihan: human, json, jsonl, sarif, github, gitlab]",
        "--config <BERKAS>",
        "[bawaan: auto]",
    ] {
        assert!(help.contains(said), "{said:?} in {help}");
    }
    for english in [
        "Usage",
        "Options",
        "Arguments",
        "Print help",
        "default:",
        "possible values",
    ] {
        assert!(!help.contains(english), "{english:?} in {help}");
    }
}

#[test]
fn an_unknown_flag() {
    check(None)
        .arg("--fixx")
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: argumen “--fixx” tidak dikenal (maksudnya “--fix”?)

Penggunaan: lintas check [OPSI] [JALUR]...

Untuk bantuan, jalankan “lintas check --help”.

"#]]);
    check(Some("en"))
        .arg("--fixx")
        .assert()
        .code(2)
        .stdout_eq("")
        .stderr_eq(str![[r#"
lintas: unknown argument “--fixx” (did you mean “--fix”?)

Usage: lintas check [..]

For help, run “lintas check --help”.

"#]]);
    // A value clap refuses, and one lintas refuses.
    check(None)
        .args(["--format", "xml"])
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
lintas: nilai “xml” tidak berlaku untuk “--format <FORMAT>” (pilihannya: “human”, “json”, “jsonl”, “sarif”, “github”, “gitlab”)
...
"#]]);
    lintas()
        .args(["check", "--date", "2025-02-30"])
        .assert()
        .code(2)
        .stderr_eq(str![[r#"
lintas: nilai “2025-02-30” untuk “--date <YYYY-MM-DD>” salah: bukan tanggal: tulis sebagai YYYY-MM-DD
...
"#]]);
}
