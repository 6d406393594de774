//! Name errors as machine translation makes them, in news sentences: what fraction of them
//! `official-name`, `term-consistency` and `acronym-mismatch` find, and how often their first
//! fix is the right name. The cases are `fixtures/names/errors.jsonl`, generated from the
//! register, the acronym lists and the carrier sentences by
//! `scripts/name-errors.py generate --seed 23 --out fixtures/names/errors.jsonl`; the right
//! sentences of `fixtures/names/clean.txt` must stay clean.

use std::collections::BTreeMap;

use lintas::testing::{Check, Finding, Tally};

const RULES: [&str; 3] = ["acronym-mismatch", "official-name", "term-consistency"];

/// What each rule must find of its cases, and how often its first fix must be right where the
/// case has one right answer.
const RECALL: f64 = 0.90;
const FIXES_RIGHT: f64 = 0.90;

#[derive(serde::Deserialize)]
struct Case {
    category: String,
    rule: String,
    text: String,
    date: Option<String>,
    /// What was put into the sentence.
    wrong: String,
    /// For an acronym case, the acronym beside it: a finding may underline either.
    acronym: Option<String>,
    /// The name the first fix should write, where one is right.
    fix: Option<String>,
}

/// The byte ranges where `needle` stands in `text`, in any case.
fn places(text: &str, needle: &str) -> Vec<(usize, usize)> {
    let (lower, needle) = (text.to_lowercase(), needle.to_lowercase());
    // Lower-casing keeps the byte offsets of these texts (their letters are ASCII or keep
    // their width); a text where it would not is skipped by the length check.
    if lower.len() != text.len() {
        return Vec::new();
    }
    lower
        .match_indices(&needle)
        .map(|(at, m)| (at, at + m.len()))
        .collect()
}

#[test]
fn the_name_rules_find_what_translation_gets_wrong() {
    let lines = std::fs::read_to_string("fixtures/names/errors.jsonl").expect("the cases exist");
    let cases: Vec<Case> = (lines.lines())
        .map(|l| serde_json::from_str(l).expect("a case is JSON"))
        .collect();
    let acronyms: std::collections::BTreeSet<&str> =
        cases.iter().filter_map(|c| c.acronym.as_deref()).collect();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    assert!(acronyms.len() >= 100, "{} acronyms", acronyms.len());

    let check = Check::rules(&RULES);
    let mut by_category: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut missed = Vec::new();
    for case in &cases {
        let mut spans = places(&case.text, &case.wrong);
        if let Some(acronym) = &case.acronym {
            spans.extend(places(&case.text, acronym));
        }
        let found: Vec<Finding> = (check.findings_dated(&case.text, case.date.as_deref()))
            .into_iter()
            .filter(|f| f.rule == case.rule)
            .filter(|f| {
                let d = &f.diagnostic.span;
                spans.iter().any(|&(s, e)| d.start < e && s < d.end)
            })
            .collect();
        if found.is_empty() {
            missed.push(&case.text);
        }
        let fixed_right = case.fix.as_ref().map(|want| {
            (found.first())
                .and_then(|f| f.with_first_fix(&case.text))
                .is_some_and(|t| t.to_lowercase().contains(&want.to_lowercase()))
        });
        (by_category.entry((case.rule.clone(), case.category.clone())))
            .or_default()
            .count(!found.is_empty(), fixed_right);
    }

    let mut report =
        String::from("rule               category        cases  found  fixes  right\n");
    let mut by_rule: BTreeMap<&str, Tally> = BTreeMap::new();
    for ((rule, category), t) in &by_category {
        report += &format!(
            "{rule:18} {category:14} {:6} {:6.3} {:6} {:6.3}\n",
            t.cases,
            t.recall(),
            t.with_fix,
            t.fixes_right(),
        );
        by_rule.entry(rule).or_default().add(t);
    }
    println!("{report}");
    for rule in RULES {
        let t = &by_rule[rule];
        let (recall, right) = (t.recall(), t.fixes_right());
        assert!(
            recall >= RECALL,
            "{rule}: found {recall:.3} of its cases\n{report}missed:\n{}",
            missed
                .iter()
                .map(|m| format!("  {m}\n"))
                .collect::<String>()
        );
        assert!(
            t.with_fix == 0 || right >= FIXES_RIGHT,
            "{rule}: first fix right {right:.3}\n{report}"
        );
    }
}

#[test]
fn right_names_and_expansions_stay_clean() {
    let text = std::fs::read_to_string("fixtures/names/clean.txt").expect("the sentences exist");
    let check = Check::rules(&RULES);
    for date in [Some("2025-11-01"), None] {
        let found: Vec<String> = (check.findings_dated(&text, date).into_iter())
            .map(|f| format!("{}: {}", f.rule, f.text))
            .collect();
        assert_eq!(found, Vec::<String>::new(), "dated {date:?}");
    }
}
