//! `unused-suppression`: suppression comments that do nothing. The engine reports, under this
//! id, directives that hid no finding once every rule has run (see `crate::suppress`); this
//! rule itself flags those that never could: a misspelt keyword or an unknown rule id.

use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::rules::{self, Context, Example, Rule, RuleMeta, Setup};
use crate::suppress::{self, UNUSED};

pub struct UnusedSuppression {
    meta: RuleMeta,
    known: Vec<String>,
}

pub fn new(_config: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let meta = RuleMeta {
        id: UNUSED.to_string(),
        default_severity: Severity::Info,
        summary: Localized::new(
            "Komentar penonaktifan (`lintas-disable`) yang tidak menyembunyikan apa pun",
            "Suppression comments (`lintas-disable`) that hide nothing",
        ),
        explanation: Localized::new(
            "Komentar `<!-- lintas-disable ATURAN -->` … `<!-- lintas-enable -->` dan \
             `<!-- lintas-disable-next-line ATURAN -->` menyembunyikan temuan di bagian teks \
             tertentu; tanpa nama aturan, semua aturan. Komentar yang tidak lagi menyembunyikan \
             temuan apa pun (teksnya sudah diperbaiki), yang kata kuncinya salah ketik, atau yang \
             menyebut aturan yang tidak ada, dilaporkan agar tidak menumpuk dan tidak menyesatkan \
             penyunting berikutnya.",
            "Comments `<!-- lintas-disable RULE -->` … `<!-- lintas-enable -->` and \
             `<!-- lintas-disable-next-line RULE -->` hide findings in part of a text; with no \
             rule named, every rule. A comment that no longer hides any finding (the text was \
             fixed since), whose keyword is misspelt, or that names a rule that does not exist is \
             reported, so that stale comments do not pile up and mislead the next editor.",
        ),
        sources: vec![
            "The same check in code linters: ESLint --report-unused-disable-directives, \
             Ruff RUF100 (unused-noqa)"
                .to_string(),
        ],
        examples: vec![Example::new(
            "<!-- lintas-disable kalke --> Kedua negara menandatangani nota kesepahaman.",
            "Kedua negara menandatangani nota kesepahaman.",
        )],
        fixable: false,
        yields_to: Vec::new(),
    };
    Ok(Box::new(UnusedSuppression {
        meta,
        known: rules::ids(),
    }))
}

impl Rule for UnusedSuppression {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let (directives, malformed) = suppress::directives(doc);
        for m in malformed {
            out.push(Diagnostic::new(
                UNUSED,
                m.span,
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
                        UNUSED,
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
            .map(|f| f.diagnostic.message.en.as_str())
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
