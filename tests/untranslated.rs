//! `untranslated` on fixtures written for it (`fixtures/untranslated/`): English sentences and
//! clauses, and English words that have an established Indonesian equivalent, each set in
//! Indonesian prose. Each kind must be found with recall of at least 0.90, a run as one finding
//! that covers most of it, a word with its equivalent offered; nothing else in a case's prose may
//! be flagged, and the counter-examples (glosses, quotations, names, established terms) stay clean.

use std::ops::Range;

use lintas::testing::{Check, Finding, Tally};

const RULE: &str = "untranslated";

/// What each kind must find of its cases.
const RECALL: f64 = 0.90;

/// How many cases each kind holds at least.
const CASES: usize = 100;

/// One case: the text with its marks removed, where the English is, and the equivalent its
/// finding must offer (for a word).
struct Case {
    text: String,
    english: Range<usize>,
    equivalent: Option<String>,
}

/// The cases of a fixture file: one a line, the English between `[[` and `]]`, a word's
/// equivalent after a `|` inside the marks.
fn cases(path: &str) -> Vec<Case> {
    let file = std::fs::read_to_string(path).expect("the fixture exists");
    (file.lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|line| {
            let open = line.find("[[").expect("a case marks its English");
            let close = line.find("]]").expect("a mark is closed");
            let (english, equivalent) = match line[open + 2..close].split_once('|') {
                Some((e, q)) => (e, Some(q.to_string())),
                None => (&line[open + 2..close], None),
            };
            let text = format!("{}{english}{}", &line[..open], &line[close + 2..]);
            Case {
                text,
                english: open..open + english.len(),
                equivalent,
            }
        })
        .collect()
}

fn overlaps(f: &Finding, span: &Range<usize>) -> bool {
    let d = &f.diagnostic.span;
    d.start < span.end && span.start < d.end
}

/// Lints every case of `path`, and returns its tally and what went wrong.
fn run(check: &Check, path: &str) -> (Tally, Vec<String>) {
    let cases = cases(path);
    assert!(cases.len() >= CASES, "{path}: {} cases", cases.len());
    let mut tally = Tally::default();
    let mut failures = Vec::new();
    for case in &cases {
        let findings: Vec<Finding> = (check.findings(&case.text).into_iter())
            .filter(|f| f.rule == RULE)
            .collect();
        let (on, off): (Vec<&Finding>, Vec<&Finding>) =
            findings.iter().partition(|f| overlaps(f, &case.english));
        for f in off {
            failures.push(format!(
                "flagged beside the case: {:?} in {}",
                f.text, case.text
            ));
        }
        let found = match on.as_slice() {
            [] => {
                failures.push(format!("missed: {}", case.text));
                false
            }
            [one] => {
                let span = &one.diagnostic.span;
                let covered = span.end.min(case.english.end) - span.start.max(case.english.start);
                if covered * 2 < case.english.len() {
                    failures.push(format!("found only {:?} of: {}", one.text, case.text));
                }
                true
            }
            _ => {
                failures.push(format!("{} findings for one run: {}", on.len(), case.text));
                true
            }
        };
        let right = case.equivalent.as_ref().map(|want| {
            let offered = on.iter().any(|f| f.fixes.contains(want));
            if found && !offered {
                failures.push(format!("{want:?} not offered: {}", case.text));
            }
            on.first().and_then(|f| f.fix()) == Some(want.as_str())
        });
        tally.count(found, right);
    }
    (tally, failures)
}

#[test]
fn english_sentences_and_clauses_are_found_as_one_run() {
    let (tally, failures) = run(
        &Check::rules(&[RULE]),
        "fixtures/untranslated/sentences.txt",
    );
    println!(
        "sentences and clauses: {}/{} found",
        tally.found, tally.cases
    );
    assert!(
        tally.recall() >= RECALL && failures.len() <= tally.cases - tally.found,
        "recall {:.3}\n{}",
        tally.recall(),
        failures.join("\n")
    );
}

#[test]
fn english_words_with_an_equivalent_are_found_with_it() {
    let (tally, failures) = run(&Check::rules(&[RULE]), "fixtures/untranslated/words.txt");
    println!(
        "words: {}/{} found, first fix right {}/{}",
        tally.found, tally.cases, tally.fixed_right, tally.with_fix
    );
    assert!(
        tally.recall() >= RECALL && failures.len() <= tally.cases - tally.found,
        "recall {:.3}\n{}",
        tally.recall(),
        failures.join("\n")
    );
}

#[test]
fn glosses_quotations_names_and_established_terms_stay_clean() {
    let check = Check::rules(&[RULE]);
    let text = std::fs::read_to_string("fixtures/untranslated/clean.txt").expect("it exists");
    let lines: Vec<&str> = (text.lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(lines.len() >= 50, "{} counter-examples", lines.len());
    let flagged: Vec<String> = (lines.iter())
        .flat_map(|line| {
            (check.findings(line).into_iter()).map(move |f| format!("{:?} in {line}", f.text))
        })
        .collect();
    assert!(flagged.is_empty(), "\n{}", flagged.join("\n"));
}
