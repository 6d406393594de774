//! The date, weekday, time and number fixtures: every case in `fixtures/dates/*.toml` is linted
//! through the engine with the three rules selected, and must produce exactly its expected
//! findings (rule, flagged text, first fix) — no more, no fewer. All failures are listed at once.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, LazyLock, Mutex};

use lintas::config::Config;
use lintas::diagnostic::{Applicability, Diagnostic};
use lintas::engine::{Linter, Selection};
use lintas::input::Input;
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

/// Building a linter compiles every data rule: fixtures share one per configuration.
fn linter(case: &Case) -> Arc<Linter> {
    static LINTERS: LazyLock<Mutex<HashMap<ConfigKey, Arc<Linter>>>> =
        LazyLock::new(Mutex::default);
    let key = (case.date.clone(), case.config.clone());
    let mut linters = LINTERS
        .lock()
        .expect("no test panicked while holding the cache");
    linters
        .entry(key)
        .or_insert_with(|| Arc::new(build_linter(case)))
        .clone()
}

fn build_linter(case: &Case) -> Linter {
    let mut toml = String::new();
    if let Some(date) = &case.date {
        toml.push_str(&format!("document-date = \"{date}\"\n"));
    }
    if let Some(extra) = &case.config {
        toml.push_str(extra);
    }
    let config = Config::parse(&toml).expect("a fixture's config parses");
    let selection = Selection {
        select: Some(RULES.iter().map(|r| r.to_string()).collect()),
        ignore: Vec::new(),
    };
    Linter::new(&config, &selection).expect("the rules build")
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
            let linter = linter(case);
            let result = linter
                .run_text(&Input::Stdin, case.text.clone(), None)
                .expect("lints");
            let mut unmatched: Vec<&Expected> = case.expect.iter().collect();
            for d in &result.diagnostics {
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
                let fixed = linter
                    .run_text(&Input::Stdin, case.text.clone(), Some(Applicability::Safe))
                    .expect("fixes settle");
                if &*fixed.source != want.as_str() {
                    failures.push(format!("{where_}: --fix gave {:?}", &*fixed.source));
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
    let result = linter(&case)
        .run_text(&Input::Stdin, text.clone(), None)
        .expect("lints");
    let found: Vec<String> = result
        .diagnostics
        .iter()
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
            let linter = linter(&plain);
            let result = linter.run_text(&Input::Stdin, text.clone(), Some(Applicability::Unsafe));
            let result = result.expect("fixes settle");
            for d in &result.diagnostics {
                prop_assert!(result.source.is_char_boundary(d.span.start));
                prop_assert!(result.source.is_char_boundary(d.span.end));
            }
        }
    }
}
