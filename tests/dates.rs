//! The date, weekday, time and number fixtures: every case in `fixtures/dates/*.toml` is linted
//! through the engine with the three rules selected, and must produce exactly its expected
//! findings (rule, flagged text, first fix) — no more, no fewer. All failures are listed at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use lintas::config::Config;
use lintas::diagnostic::{Applicability, Diagnostic};
use lintas::source::Document;
use lintas::testing::Check;
use serde::Deserialize;

const RULES: [&str; 3] = ["date-format", "date-weekday", "number-format"];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Fixture {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    text: String,
    /// The configured article date (`document-date`); the text's own date still wins.
    date: Option<String>,
    /// Extra lintas.toml lines (rule options).
    config: Option<String>,
    #[serde(default)]
    expect: Vec<Expected>,
    /// The text after `--fix` (safe fixes only), when the case checks it.
    fixed: Option<String>,
}

#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    rule: String,
    text: String,
    /// The first fix's replacement; absent: any fix or none.
    fix: Option<String>,
    /// Whether the first fix is unsafe (default: safe, when `fix` is given).
    #[serde(default, rename = "unsafe")]
    is_unsafe: bool,
}

/// A case's configuration: its article date and extra lintas.toml lines.
type ConfigKey = (Option<String>, Option<String>);

/// Building the rules compiles every data rule: fixtures share one check per configuration.
fn check(case: &Case) -> Arc<Check> {
    static CHECKS: LazyLock<Mutex<HashMap<ConfigKey, Arc<Check>>>> = LazyLock::new(Mutex::default);
    let key = (case.date.clone(), case.config.clone());
    let mut checks = CHECKS
        .lock()
        .expect("no test panicked while holding the cache");
    checks
        .entry(key)
        .or_insert_with(|| {
            let mut toml = String::new();
            if let Some(date) = &case.date {
                toml.push_str(&format!("document-date = \"{date}\"\n"));
            }
            if let Some(extra) = &case.config {
                toml.push_str(extra);
            }
            let config = Config::parse(&toml).expect("a fixture's config parses");
            Arc::new(Check::configured(&config, &RULES).expect("the rules build"))
        })
        .clone()
}

/// The findings on `text`, as `lintas check` reports them.
fn lint(case: &Case, text: &str) -> Vec<Diagnostic> {
    check(case).diagnostics(&Document::new("t.txt", text))
}

fn describe(text: &str, d: &Diagnostic) -> String {
    let fix = d.fixes.first().map_or(String::from("no fix"), |f| {
        let replaced: Vec<&str> = f.edits.iter().map(|e| e.replacement.as_str()).collect();
        format!("{:?} ({})", replaced.join(" | "), f.applicability.as_str())
    });
    format!("{} {:?} → {fix}", d.rule, &text[d.span.clone()])
}

fn matches(text: &str, d: &Diagnostic, e: &Expected) -> bool {
    if d.rule != e.rule || text[d.span.clone()] != e.text {
        return false;
    }
    let Some(want) = &e.fix else {
        return true;
    };
    d.fixes.first().is_some_and(|f| {
        let applicability = if e.is_unsafe {
            Applicability::Unsafe
        } else {
            Applicability::Safe
        };
        f.applicability == applicability && f.edits.len() == 1 && &f.edits[0].replacement == want
    })
}

#[test]
fn date_and_number_fixtures() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/dates");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("fixtures/dates exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    let mut failures = Vec::new();
    let mut cases = 0;
    for file in &files {
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let fixture: Fixture =
            toml::from_str(&std::fs::read_to_string(file).expect("readable fixture"))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
        for (i, case) in fixture.case.iter().enumerate() {
            cases += 1;
            let where_ = format!("{name} case {} ({:?})", i + 1, case.text);
            let mut unmatched: Vec<&Expected> = case.expect.iter().collect();
            for d in &lint(case, &case.text) {
                match unmatched.iter().position(|e| matches(&case.text, d, e)) {
                    Some(k) => {
                        unmatched.remove(k);
                    }
                    None => {
                        failures.push(format!("{where_}: unexpected {}", describe(&case.text, d)))
                    }
                }
            }
            for e in unmatched {
                failures.push(format!("{where_}: missing {e:?}"));
            }
            if let Some(want) = &case.fixed {
                let fixed = check(case).fixed(&case.text, Applicability::Safe);
                if &fixed != want {
                    failures.push(format!("{where_}: --fix gave {fixed:?}"));
                }
            }
        }
    }
    assert!(cases >= 80, "only {cases} fixture cases");
    assert!(
        failures.is_empty(),
        "{} failure(s) in {cases} cases:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The seed article's one US date is flagged with its safe fix, and its weekday is right.
#[test]
fn seed_article() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/seed/komdigi-india-mou.txt");
    let text = std::fs::read_to_string(path).expect("the seed article is in fixtures");
    let case = Case {
        text: text.clone(),
        date: None,
        config: None,
        expect: Vec::new(),
        fixed: None,
    };
    let found: Vec<String> = (lint(&case, &text).iter())
        .map(|d| describe(&text, d))
        .collect();
    assert_eq!(found, [r#"date-format "1/25/2025" → "25/1/2025" (safe)"#]);
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Arbitrary text made of the pieces dates and numbers are built from never makes the
        /// three rules panic, and every span they report lies on character boundaries.
        #[test]
        fn on_date_like_noise(text in "([0-9]{1,5}|[/.,:\\-() ]|Rp|US\\$|AM|p\\.m\\.|Senin|Monday|Januari|Jan|May|juta|billion|pukul|é|“|\n){0,40}") {
            let plain = Case { text: String::new(), date: None, config: None, expect: Vec::new(), fixed: None };
            for d in &lint(&plain, &text) {
                prop_assert!(text.is_char_boundary(d.span.start));
                prop_assert!(text.is_char_boundary(d.span.end));
            }
            let fixed = check(&plain).fixed(&text, Applicability::Unsafe);
            for d in &lint(&plain, &fixed) {
                prop_assert!(fixed.is_char_boundary(d.span.start));
                prop_assert!(fixed.is_char_boundary(d.span.end));
            }
        }
    }
}
