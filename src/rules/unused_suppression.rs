//! `unused-suppression`: suppression comments that do nothing. The engine reports, under this
//! id, directives that hid no finding once every rule has run (see `crate::suppress`); this
//! rule itself flags those that never could: a misspelt keyword or an unknown rule id.

use crate::diagnostic::{Diagnostic, Localized};
use crate::rules::{self, Context, Reads, Rule, Setup};
use crate::suppress;

pub struct UnusedSuppression {
    known: Vec<String>,
}

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(UnusedSuppression {
        known: rules::ids(),
    }))
}

impl Rule for UnusedSuppression {
    fn reads(&self) -> Reads {
        Reads::NOTHING
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let (directives, malformed) = suppress::directives(doc);
        for m in malformed {
            out.push(Diagnostic::new(m.span,
                Localized::new(
                    format!("“{}” bukan perintah lintas; komentar ini tidak berpengaruh", m.keyword),
                    format!("“{}” is not a lintas directive; this comment does nothing", m.keyword),
                ),
            ).with_note(Localized::new(
                "perintah yang dikenal: lintas-disable, lintas-enable, lintas-disable-next-line",
                "known directives: lintas-disable, lintas-enable, lintas-disable-next-line",
            )));
        }
        for d in directives {
            for rule in d.rules.iter().filter(|r| !self.known.contains(r)) {
                out.push(
                    Diagnostic::new(
                        d.span.clone(),
                        Localized::new(
                            format!("aturan “{rule}” tidak ada; komentar ini tidak berpengaruh"),
                            format!("there is no rule “{rule}”; this comment does nothing"),
                        ),
                    )
                    .with_note(Localized::new(
                        "`lintas rules` menampilkan semua aturan",
                        "`lintas rules` lists every rule",
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    #[test]
    fn flags_misspelt_keywords_and_unknown_rules_only() {
        let found = Check::rules(&["unused-suppression"]).findings(
            "<!-- lintas-disabel calque -->\n<!-- lintas-disable tidak-ada,calque -->\n<!-- catatan -->\n",
        );
        let flagged: Vec<&str> = found
            .iter()
            .map(|f| f.diagnostic.message.english.as_str())
            .collect();
        assert_eq!(
            flagged,
            [
                "“lintas-disabel” is not a lintas directive; this comment does nothing",
                "there is no rule “tidak-ada”; this comment does nothing",
            ]
        );
    }
}
