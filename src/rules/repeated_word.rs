//! `repeated-word`: “yang yang” — a word typed twice. Hyphenated reduplication (`anak-anak`) is
//! one token and never reaches this rule.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::starts_uppercase;
use crate::lang::lexicon::WordUse;
use crate::lang::word_classes::is_function_word;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::TokenKind;

pub struct RepeatedWord;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(RepeatedWord))
}

impl Rule for RepeatedWord {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        let tokens = doc.tokens();
        let forms = ctx.words();
        // Each form's first byte in ASCII lower case, or `NOT_ASCII`: two different forms that
        // start with different ASCII letters, nearly every pair, are told apart by these alone,
        // without reading their tokens.
        let initials: Vec<u8> = (forms.forms().iter())
            .map(|form| match text.as_bytes()[form.first.start] {
                b if b.is_ascii() => b.to_ascii_lowercase(),
                _ => NOT_ASCII,
            })
            .collect();
        let initial = |word: WordUse| initials[word.form as usize];
        for pair in forms.uses().windows(2) {
            let differs = pair[0].form != pair[1].form;
            let (a0, b0) = (initial(pair[0]), initial(pair[1]));
            if differs && a0 != b0 && a0 != NOT_ASCII && b0 != NOT_ASCII {
                continue;
            }
            let (i, j) = (pair[0].token as usize, pair[1].token as usize);
            if j != i + 2 || tokens[i + 1].kind != TokenKind::Space {
                continue;
            }
            let (first, second) = (tokens[i], tokens[j]);
            let (a, b) = (first.text(text), second.text(text));
            if differs && !same_ignoring_case(a, b) {
                continue;
            }
            if a.chars().any(|c| c.is_numeric())
                || (starts_uppercase(b) && !doc.starts_sentence(first.start))
            {
                continue;
            }
            let span = first.start..second.end;
            let remove = Fix::replace(first.end..second.end, "", Applicability::Safe).with_message(
                Localized::new(
                    format!("hapus “{b}” yang kedua"),
                    format!("remove the second “{b}”"),
                ),
            );
            let message = Localized::new(
                format!("“{a}” tertulis dua kali"),
                format!("“{a}” is written twice"),
            );
            let mut diag = Diagnostic::new(span, message);
            if is_function_word(&a.to_lowercase()) {
                diag = diag.with_fix(remove);
            } else {
                let joined = format!("{a}-{}", b.to_lowercase());
                let hyphen = Fix::replace(
                    first.start..second.end,
                    joined.clone(),
                    Applicability::Unsafe,
                )
                .with_message(Localized::new(
                    format!("reduplikasi ditulis dengan tanda hubung: “{joined}”"),
                    format!("a reduplication takes a hyphen: “{joined}”"),
                ));
                diag = diag.with_fix(hyphen).with_fix(Fix {
                    applicability: Applicability::Unsafe,
                    ..remove
                });
            }
            out.push(diag);
        }
    }
}

/// Marks a form that starts outside ASCII: its case is told by decoding it.
const NOT_ASCII: u8 = 0xFF;

/// Whether two words differ only in case. Lower-cased only when they hold letters beyond ASCII
/// (ASCII ones compare in place).
fn same_ignoring_case(a: &str, b: &str) -> bool {
    a.eq_ignore_ascii_case(b)
        || (!(a.is_ascii() && b.is_ascii()) && a.to_lowercase() == b.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::Check;

    fn flagged(text: &str) -> Vec<String> {
        Check::rules(&["repeated-word"]).flagged(text)
    }

    #[test]
    fn doubles_are_found_and_reduplication_is_not() {
        assert_eq!(
            flagged("dan dan anak-anak, Bora Bora, 2 2, itu. Itu"),
            ["dan dan"]
        );
        assert_eq!(flagged("Yang yang"), ["Yang yang"]);
        assert!(flagged("yang\nyang").is_empty());
        assert_eq!(flagged("ÉLAN élan"), ["ÉLAN élan"]);
        assert!(flagged("élan élam").is_empty());
    }

    #[test]
    fn case_is_ignored_beyond_ascii() {
        assert!(same_ignoring_case("DATA", "data"));
        assert!(same_ignoring_case("Ökonomi", "ökonomi"));
        assert!(!same_ignoring_case("data", "dati"));
        assert!(!same_ignoring_case("été", "ete"));
    }
}
