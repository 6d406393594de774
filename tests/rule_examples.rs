//! Every rule's documented examples are tests: each bad example must produce the rule's
//! diagnostic and, when the rule fixes, its fixes must turn it into the good example; each good
//! example must be clean. All failures are reported at once.

use lintas::config::Config;
use lintas::diagnostic::Applicability;
use lintas::rules;
use lintas::testing::Check;

#[test]
fn every_rule_example_holds() {
    let rules = rules::all(&Config::default()).expect("the embedded rules compile");
    let mut failures = Vec::new();
    for rule in &rules {
        let m = &rule.meta;
        if m.examples.is_empty() {
            failures.push(format!("{}: has no examples", m.id));
        }
        for e in &m.examples {
            let check = Check::rules(&[&m.id]);
            let check = match &e.date {
                Some(date) => check.on(date),
                None => check,
            };
            let bad = check.findings(&e.bad);
            if bad.is_empty() {
                failures.push(format!("{}: bad example not flagged: {:?}", m.id, e.bad));
            } else if m.fixable && bad.iter().any(|f| !f.fixes.is_empty()) {
                // Apply the rule's first fixes (any applicability) until they settle.
                let fixed = check.fixed(&e.bad, Applicability::Unsafe);
                if fixed != e.good {
                    failures.push(format!(
                        "{}: fixing {:?} gave {:?}, expected {:?}",
                        m.id, e.bad, fixed, e.good
                    ));
                }
            }
            for f in check.findings(&e.good) {
                failures.push(format!(
                    "{}: good example flagged at {:?}: {:?}",
                    m.id, f.text, e.good
                ));
            }
        }
        for (what, text) in [("summary", &m.summary), ("explanation", &m.explanation)] {
            if text.indonesian.trim().is_empty() || text.english.trim().is_empty() {
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
