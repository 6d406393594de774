//! Official names, term consistency and acronyms: the name cases of `fixtures/names/cases.toml`
//! through the three rules, the seed article, and the article's date from `--date` and from the
//! text through the real binary.

use std::process::Command;

use lintas::testing::Check;

const RULES: [&str; 3] = ["acronym-mismatch", "official-name", "term-consistency"];

#[derive(serde::Deserialize)]
struct Cases {
    case: Vec<Case>,
}

#[derive(serde::Deserialize)]
struct Case {
    text: String,
    date: String,
    expect: Vec<String>,
}

/// Every finding of the three rules as "rule: flagged text -> first fix", in text order.
fn findings(text: &str, date: &str) -> Vec<String> {
    (Check::rules(&RULES).on(date).findings(text).iter())
        .map(|f| match f.fix() {
            Some(fix) => format!("{}: {} -> {fix}", f.rule, f.text),
            None => format!("{}: {}", f.rule, f.text),
        })
        .collect()
}

#[test]
fn every_name_case_holds() {
    let text = std::fs::read_to_string("fixtures/names/cases.toml").expect("the cases exist");
    let cases: Cases = toml::from_str(&text).expect("the cases parse");
    assert!(cases.case.len() >= 40, "at least 40 name cases");
    let failures: Vec<String> = cases
        .case
        .iter()
        .filter_map(|c| {
            let got = findings(&c.text, &c.date);
            (got != c.expect).then(|| {
                format!(
                    "{:?} on {}:\n  expected {:?}\n  got      {:?}",
                    c.text, c.date, c.expect, got
                )
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} case(s) failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Run `lintas check` on `args` with the three rules, JSON out; the parsed report and exit code.
fn lintas(args: &[&str]) -> (serde_json::Value, i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["check", "--no-config", "--format", "json", "--select"])
        .arg(RULES.join(","))
        .args(args)
        .output()
        .expect("the binary runs");
    let report = serde_json::from_slice(&output.stdout).expect("the report is JSON");
    (report, output.status.code().expect("an exit code"))
}

/// (rule, text, first replacement) of every diagnostic of the first file.
fn diagnostics(report: &serde_json::Value) -> Vec<(String, String, Option<String>)> {
    report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics are a list")
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["text"].as_str().unwrap_or_default().to_string(),
                d["fixes"][0]["edits"][0]["replacement"]
                    .as_str()
                    .map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn the_seed_article() {
    let (report, code) = lintas(&["fixtures/seed/komdigi-india-mou.txt"]);
    assert_eq!(code, 1);
    let found = diagnostics(&report);
    let outdated: Vec<_> = found
        .iter()
        .filter(|(_, text, _)| text.contains("Komunikasi dan Informasi"))
        .collect();
    assert_eq!(outdated.len(), 2, "{found:?}");
    for (rule, _, fix) in outdated {
        assert_eq!(rule, "official-name");
        assert_eq!(fix.as_deref(), Some("Komunikasi dan Digital"));
    }
    assert!(
        !found.iter().any(|(_, text, _)| text.contains("Digital")),
        "Menteri Komunikasi dan Digital is valid: {found:?}"
    );
    assert!(found.contains(&(
        "acronym-mismatch".to_string(),
        "digital-ke-bisnis".to_string(),
        Some("bisnis-ke-bisnis".to_string())
    )));
    assert_eq!(found.len(), 3, "nothing else: {found:?}");
}

#[test]
fn the_date_from_the_command_line_decides() {
    let file = "fixtures/names/minister-undated.txt";
    let (report, code) = lintas(&["--date", "2023-05-01", file]);
    assert_eq!((diagnostics(&report), code), (Vec::new(), 0));
    let (report, code) = lintas(&["--date", "2025-05-01", file]);
    assert_eq!(code, 1);
    assert_eq!(
        diagnostics(&report),
        [(
            "official-name".to_string(),
            "Komunikasi dan Informatika".to_string(),
            Some("Komunikasi dan Digital".to_string())
        )]
    );
}

#[test]
fn the_date_from_the_text_decides() {
    let (report, code) = lintas(&["fixtures/names/minister-2023.txt"]);
    assert_eq!((diagnostics(&report), code), (Vec::new(), 0));
    // The text's own date wins over --date.
    let (report, code) = lintas(&["--date", "2023-05-01", "fixtures/names/minister-2025.txt"]);
    assert_eq!(code, 1);
    assert_eq!(diagnostics(&report).len(), 1);
}

#[test]
fn an_undated_text_is_not_judged_by_todays_date() {
    // Without a date in the markup, the text or the configuration, nothing that depends on the
    // date is found, and the run says so once, however many files it lints.
    let output = Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["check", "--no-config", "--select", "official-name"])
        .args([
            "fixtures/names/minister-undated.txt",
            "fixtures/names/undated-old-name.txt",
        ])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(!stdout.contains("Komunikasi dan Informatika"), "{stdout}");
    assert_eq!(
        stderr.matches("tanpa tanggal artikel").count(),
        1,
        "{stderr}"
    );
    assert!(
        stderr.contains("2 berkas tanpa tanggal artikel"),
        "{stderr}"
    );
    // The JSON report says which files and how many.
    let (report, _) = lintas(&["fixtures/names/minister-undated.txt"]);
    assert_eq!(report["files"][0]["undated"], true, "{report}");
    assert_eq!(report["summary"]["undated"], 1, "{report}");
    // A date in the front matter, under the names site generators use, or written out, dates it.
    for front_matter in [
        "date: 2025-03-01",
        "publishDate: 2025-03-01T10:00:00+07:00",
        "pubDate: \"25 Maret 2025\"",
        "tanggal: Sabtu, 1 Maret 2025",
    ] {
        let text = format!(
            "---\n{front_matter}\n---\nMenteri Komunikasi dan Informatika membuka acara.\n"
        );
        let found = Check::rules(&["official-name"]).markdown_findings(&text);
        assert_eq!(found.len(), 1, "{front_matter}: {found:?}");
    }
}

proptest::proptest! {
    /// Names, brackets and odd Unicode in any order never make the three rules panic.
    #[test]
    fn odd_text_never_panics(
        text in "\\PC{0,60}|((Menteri|Kementerian|Kominfo|Kemenko|BGN|B2B|AI|Meutya Hafid|dan|Digital|Informasi|é|“|”|\\(|\\)|,|-| |\n))*"
    ) {
        findings(&text, "2025-03-01");
    }
}
