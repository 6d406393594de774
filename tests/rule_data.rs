//! Tidiness of the data rules in `rules/*.toml`: entries that can be told apart, each with its
//! source, no entry that flags a word the checklist knows to be standard, and a nonstandard-word
//! list that stays sorted and never sends a word to another non-standard form.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use lintas::config::Config;
use lintas::data::{DataRule, Entry};
use lintas::lang::matcher::PhraseLists;
use lintas::rules::{Rule, Setup};

fn data_rules() -> Vec<DataRule> {
    let setup = Setup {
        config: &Config::default(),
        lists: &PhraseLists::default(),
    };
    DataRule::load_all(&setup).expect("the embedded data rules compile")
}

fn rule<'a>(rules: &'a [DataRule], id: &str) -> &'a DataRule {
    rules
        .iter()
        .find(|r| r.meta().id == id)
        .unwrap_or_else(|| panic!("no data rule “{id}”"))
}

/// The literal phrases of a rule, lower-case, with their entries.
fn phrases(rule: &DataRule) -> Vec<(String, &Entry)> {
    rule.entries()
        .iter()
        .flat_map(|e| e.phrases.iter().map(move |p| (p.to_lowercase(), e)))
        .collect()
}

/// Fails with every message at once, so one run shows all the entries to mend.
fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn entries_have_unique_ids_a_source_and_a_real_change() {
    let mut problems = Vec::new();
    for rule in &data_rules() {
        let id = &rule.meta().id;
        let mut seen = HashSet::new();
        for e in rule.entries() {
            if !seen.insert(e.id()) {
                problems.push(format!("{id}: entry id “{}” is used twice", e.id()));
            }
            if e.source.trim().is_empty() {
                problems.push(format!("{id}: entry “{}” has no source", e.id()));
            }
            for p in &e.phrases {
                if e.replace
                    .as_ref()
                    .is_some_and(|r| p.to_lowercase() == r.to_lowercase())
                {
                    problems.push(format!("{id}: entry “{p}” is replaced by itself"));
                }
            }
        }
    }
    assert_none(problems);
}

#[test]
fn nonstandard_words_are_sorted_checked_against_kbbi_and_never_chain() {
    let rules = data_rules();
    let words = phrases(rule(&rules, "nonstandard-word"));
    let mut problems = Vec::new();
    for pair in words.windows(2) {
        if pair[0].0 > pair[1].0 {
            problems.push(format!(
                "not sorted: “{}” before “{}”",
                pair[0].0, pair[1].0
            ));
        }
    }
    let matches: HashSet<&str> = words.iter().map(|(w, _)| w.as_str()).collect();
    for (word, e) in &words {
        if !e.source.contains("KBBI") {
            problems.push(format!("“{word}”: the source does not name KBBI"));
        }
        match &e.replace {
            Some(r) if matches.contains(r.to_lowercase().as_str()) => {
                problems.push(format!("“{word}” → “{r}”, itself listed as non-standard"));
            }
            Some(_) => {}
            None => problems.push(format!("“{word}” has no standard form")),
        }
    }
    assert_none(problems);
}

#[test]
fn no_phrase_is_listed_by_both_calque_and_nonstandard_word() {
    let rules = data_rules();
    let calques: HashSet<String> = phrases(rule(&rules, "calque"))
        .into_iter()
        .map(|(p, _)| p)
        .collect();
    let both: Vec<String> = phrases(rule(&rules, "nonstandard-word"))
        .into_iter()
        .filter(|(p, _)| calques.contains(p))
        .map(|(p, _)| format!("“{p}” is in both rules"))
        .collect();
    assert_none(both);
}

/// Pairs of the reviewed checklist (tidak baku → baku) by status: `ok`, `ok-extra`, `review`,
/// `wrong`. None when the shared reference folder is absent and LINTAS_NO_SHARED=1 allows that.
fn checklist() -> Option<HashMap<String, Vec<(String, String)>>> {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/reference/kata-baku-curated.tsv");
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if std::env::var("LINTAS_NO_SHARED").as_deref() == Ok("1") => {
            println!(
                "note: {} not read ({e}); skipped because LINTAS_NO_SHARED=1",
                path.display()
            );
            return None;
        }
        Err(e) => panic!(
            "cannot read the KBBI checklist {} ({e}): put the shared reference folder beside the \
             clone as `shared/`, or set LINTAS_NO_SHARED=1 to skip this test",
            path.display()
        ),
    };
    let mut by_status: HashMap<String, Vec<(String, String)>> = HashMap::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let fields: Vec<&str> = line.split('\t').collect();
        if let [informal, standard, status, ..] = fields[..] {
            by_status
                .entry(status.to_string())
                .or_default()
                .push((informal.to_lowercase(), standard.to_lowercase()));
        }
    }
    Some(by_status)
}

#[test]
fn no_entry_contradicts_the_reviewed_kbbi_checklist() {
    let Some(checklist) = checklist() else { return };
    let wrong: HashSet<&(String, String)> = checklist
        .get("wrong")
        .map(|pairs| pairs.iter().collect())
        .unwrap_or_default();
    assert!(
        !wrong.is_empty(),
        "the checklist has no `wrong` pairs: is it the right file?"
    );
    let standard: HashSet<&str> = ["ok", "ok-extra"]
        .iter()
        .filter_map(|s| checklist.get(*s))
        .flatten()
        .map(|(_, standard)| standard.as_str())
        .collect();
    let rules = data_rules();
    let mut problems = Vec::new();
    for rule in &rules {
        for (phrase, e) in phrases(rule) {
            let replace = e.replace.clone().unwrap_or_default().to_lowercase();
            if wrong.contains(&(phrase.clone(), replace.clone())) {
                problems.push(format!(
                    "{}: “{phrase}” → “{replace}” is marked wrong in the checklist",
                    rule.meta().id
                ));
            }
            if standard.contains(phrase.as_str()) && !e.is_contextual() {
                problems.push(format!(
                    "{}: “{phrase}” is a standard (baku) form in the checklist",
                    rule.meta().id
                ));
            }
        }
    }
    assert_none(problems);
}
