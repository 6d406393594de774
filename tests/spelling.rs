//! The spelling rule end to end: the seed article, and recall on the project's own typo fixture
//! (`fixtures/spelling/typos.tsv`, made by `scripts/gen-typos.py` from `fixtures/spelling/texts/`).

use std::sync::Arc;

use lintas::config::Config;
use lintas::diagnostic::Diagnostic;
use lintas::rules::{self, Rule};
use lintas::source::Document;

fn rule(id: &str) -> Arc<dyn Rule> {
    rules::all(&Config::default())
        .expect("the built-in rules build")
        .into_iter()
        .find(|r| r.meta().id == id)
        .expect("the rule is registered")
}

fn lint(rule: &dyn Rule, doc: &Document) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    rule.check(doc, &mut out);
    out
}

fn first_fix(d: &Diagnostic) -> Option<&str> {
    d.fixes
        .first()
        .and_then(|f| f.edits.first())
        .map(|e| e.replacement.as_str())
}

#[test]
fn seed_article_has_one_typo() {
    let text = std::fs::read_to_string("fixtures/seed/komdigi-india-mou.txt").expect("the seed");
    let doc = Document::new("seed.txt", text);
    let spelling = lint(rule("spelling").as_ref(), &doc);
    let found: Vec<&str> = spelling.iter().map(|d| doc.slice(&d.span)).collect();
    assert_eq!(found, ["bilantial"]);
    assert_eq!(first_fix(&spelling[0]), Some("bilateral"));
    assert!(
        lint(rule("untranslated").as_ref(), &doc).is_empty(),
        "Internet of Things, names and the dateline domain are not untranslated English"
    );
}

#[test]
fn recall_on_the_typo_fixture() {
    let spelling = rule("spelling");
    let fixture = std::fs::read_to_string("fixtures/spelling/typos.tsv").expect("the typo fixture");
    let (mut total, mut found, mut first) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in fixture.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, word, typo, sentence] = cols[..] else {
            panic!("a fixture line has four columns: {line:?}");
        };
        total += 1;
        let doc = Document::new("typo.txt", sentence);
        let diags = lint(spelling.as_ref(), &doc);
        match diags.iter().find(|d| doc.slice(&d.span) == typo) {
            Some(d) => {
                found += 1;
                let suggested = first_fix(d).map(str::to_lowercase);
                if suggested.as_deref() == Some(word) {
                    first += 1;
                } else {
                    misses.push(format!("{kind}: {typo} → {word}, first {suggested:?}"));
                }
            }
            None => misses.push(format!("{kind}: {typo} ({word}) not flagged")),
        }
    }
    assert!(total >= 300, "the fixture has {total} typos");
    let recall = found as f64 / total as f64;
    let right_first = first as f64 / total as f64;
    eprintln!("{total} typos: recall {recall:.3}, right word first {right_first:.3}");
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(right_first >= 0.85, "right word first {right_first:.3}");
}
