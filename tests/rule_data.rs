//! Tidiness of the phrase lists in `rules/*.toml` beyond what `build.rs` checks entry by entry: a
//! nonstandard-word list that stays sorted and never sends a word to another non-standard form,
//! no phrase in two lists, and no entry that flags a word the project's KBBI checklist
//! (`tests/data/kbbi-checklist.tsv`) knows to be standard or makes a correction it rejects.

use std::collections::HashSet;

use lintas::data::{self, schema::Entry, schema::PhraseRuleFile};

/// The literal phrases of a phrase rule, lower-case, with their entries.
fn phrases(rule: &str) -> Vec<(String, Entry)> {
    let file: PhraseRuleFile = data::load(rule);
    (file.entry.into_iter())
        .flat_map(|e| {
            let phrases = e.phrases.clone();
            phrases
                .into_iter()
                .map(move |p| (p.to_lowercase(), e.clone()))
        })
        .collect()
}

/// Fails with every message at once, so one run shows all the entries to mend.
fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn phrases_are_not_replaced_by_themselves() {
    let mut problems = Vec::new();
    for rule in ["calque", "nonstandard-word"] {
        for (phrase, e) in phrases(rule) {
            if e.replace
                .as_ref()
                .is_some_and(|r| r.to_lowercase() == phrase)
            {
                problems.push(format!("{rule}: entry “{phrase}” is replaced by itself"));
            }
        }
    }
    assert_none(problems);
}

#[test]
fn nonstandard_words_are_sorted_sourced_from_kbbi_and_never_chain() {
    let words = phrases("nonstandard-word");
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
    let calques: HashSet<String> = phrases("calque").into_iter().map(|(p, _)| p).collect();
    let both: Vec<String> = phrases("nonstandard-word")
        .into_iter()
        .filter(|(p, _)| calques.contains(p))
        .map(|(p, _)| format!("“{p}” is in both rules"))
        .collect();
    assert_none(both);
}

#[test]
fn no_entry_contradicts_the_kbbi_checklist() {
    let text = include_str!("data/kbbi-checklist.tsv");
    let mut standard = HashSet::new();
    let mut not_fixes = HashSet::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        match line.split('\t').collect::<Vec<_>>()[..] {
            ["baku", word] => {
                standard.insert(word.to_string());
            }
            ["not-a-fix", word, form, _why] => {
                not_fixes.insert((word.to_string(), form.to_string()));
            }
            _ => panic!("a checklist line is `baku` or `not-a-fix`: {line:?}"),
        }
    }
    assert!(
        standard.len() >= 500 && not_fixes.len() >= 20,
        "the whole checklist is read"
    );
    let mut problems = Vec::new();
    for rule in ["calque", "nonstandard-word"] {
        for (phrase, e) in phrases(rule) {
            let replace = e.replace.clone().unwrap_or_default().to_lowercase();
            if not_fixes.contains(&(phrase.clone(), replace.clone())) {
                problems.push(format!("{rule}: “{phrase}” → “{replace}” is not a fix"));
            }
            // A phrase flagged only in some contexts (a word after it, a sentence start) is not
            // said to be non-standard in itself.
            if standard.contains(&phrase) && !e.is_contextual() {
                problems.push(format!("{rule}: “{phrase}” is a standard (baku) form"));
            }
        }
    }
    assert_none(problems);
}
