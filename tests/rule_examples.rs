//! Every rule's documented examples are tests: each bad example must produce the rule's
//! diagnostic and, when the rule fixes, its fixes must turn it into the good example; each good
//! example must be clean. All failures are reported at once.

use lintas::config::Config;
use lintas::diagnostic::{Applicability, Diagnostic};
use lintas::fix::apply_fixes;
use lintas::lang::calendar::{ArticleDate, Date, DateSource};
use lintas::rules::{self, Rule};
use lintas::source::Document;

fn lint(rule: &dyn Rule, text: &str, date: Option<&str>) -> (Document, Vec<Diagnostic>) {
    let mut doc = Document::new("example.txt", text);
    let date = date
        .and_then(Date::parse_iso)
        .or_else(|| Date::new(2025, 6, 1));
    if let Some(date) = date {
        doc.set_date(ArticleDate {
            date,
            source: DateSource::Config,
        });
    }
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    (doc, out)
}

#[test]
fn every_rule_example_holds() {
    let rules = rules::all(&Config::default()).expect("the embedded rules compile");
    let mut failures = Vec::new();
    for rule in &rules {
        let m = rule.meta();
        if m.examples.is_empty() {
            failures.push(format!("{}: has no examples", m.id));
        }
        for e in &m.examples {
            let (_, bad) = lint(rule.as_ref(), &e.bad, e.date.as_deref());
            if bad.is_empty() {
                failures.push(format!("{}: bad example not flagged: {:?}", m.id, e.bad));
            } else if m.fixable && bad.iter().any(|d| !d.fixes.is_empty()) {
                // Apply the rule's first fixes (any applicability) until they settle.
                let mut text = e.bad.clone();
                for _ in 0..5 {
                    let (_, diags) = lint(rule.as_ref(), &text, e.date.as_deref());
                    let (next, n) = apply_fixes(&text, &diags, Applicability::Unsafe);
                    text = next;
                    if n == 0 {
                        break;
                    }
                }
                if text != e.good {
                    failures.push(format!(
                        "{}: fixing {:?} gave {:?}, expected {:?}",
                        m.id, e.bad, text, e.good
                    ));
                }
            }
            let (_, good) = lint(rule.as_ref(), &e.good, e.date.as_deref());
            for d in good {
                failures.push(format!(
                    "{}: good example flagged at {:?}: {:?}",
                    m.id,
                    &e.good[d.span.clone()],
                    e.good
                ));
            }
        }
        for (what, text) in [("summary", &m.summary), ("explanation", &m.explanation)] {
            if text.id.trim().is_empty() || text.en.trim().is_empty() {
                failures.push(format!("{}: {what} missing in a language", m.id));
            }
        }
        if m.sources.is_empty() {
            failures.push(format!("{}: no sources", m.id));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failure(s):\n{}",
        failures.len(),
        failures.join("\n")
    );
}
