//! `untranslated`: English that machine translation left in Indonesian prose — a run of four or
//! more English words, or a sentence that is mostly English.
//!
//! A word is English when wordfreq's English list has it and Indonesian does not (neither the
//! dictionary nor, as often, the Indonesian list: `lang::english`). Loanwords shared by both
//! languages (`data`, `digital`) join a run but do not make one; established terms (“Internet of
//! Things”, `rules/established-terms.toml`) count as shared; names in Title Case (“World Health
//! Organization”) are names, not untranslated text.

use std::sync::Arc;

use crate::config::Config;
use crate::diagnostic::{Diagnostic, Localized, Severity, Span};
use crate::lang::case::starts_uppercase;
use crate::lang::dictionary::{self, Dictionary};
use crate::lang::english::{self, WordLanguage};
use crate::rules::{Example, Rule, RuleMeta};
use crate::source::{Document, Token, TokenKind};

pub const ID: &str = "untranslated";

/// A run of this many English-or-shared words is untranslated text.
const MIN_RUN: usize = 4;

/// A sentence needs this many words before "mostly English" means anything.
const MIN_SENTENCE: usize = 4;

/// English function words that a Title Case name keeps in lower case (“Internet of Things”).
const NAME_JOINERS: &[&str] = &["of", "the", "and", "for", "in", "on", "at", "to", "a", "an"];

pub struct Untranslated {
    meta: RuleMeta,
    dictionary: Arc<Dictionary>,
}

pub fn build(_config: &Config) -> anyhow::Result<Arc<dyn Rule>> {
    Ok(Arc::new(Untranslated {
        meta: meta(),
        dictionary: dictionary::builtin(),
    }))
}

fn meta() -> RuleMeta {
    RuleMeta {
        id: ID.to_string(),
        default_severity: Severity::Warning,
        summary: Localized::new(
            "Teks bahasa Inggris yang belum diterjemahkan",
            "English left untranslated in Indonesian prose",
        ),
        explanation: Localized::new(
            "Mesin penerjemah kadang membiarkan frasa atau kalimat bahasa Inggris di tengah berita. \
             Aturan ini menandai empat kata bahasa Inggris atau lebih yang berurutan, atau kalimat \
             yang sebagian besar berbahasa Inggris. Istilah asing yang sudah lazim dalam berita \
             (“Internet of Things”, “startup”) dan nama diri berhuruf kapital (“World Health \
             Organization”) tidak ditandai. Terjemahkan teksnya; istilah asing yang memang \
             dipertahankan ditulis miring (EYD V).",
            "Machine translation sometimes leaves an English phrase or sentence in the middle of \
             a news story. This rule flags four or more English words in a row, or a sentence that \
             is mostly English. Foreign terms established in Indonesian news (“Internet of \
             Things”, “startup”) and proper names in Title Case (“World Health Organization”) are \
             not flagged. Translate the text; a foreign term kept on purpose is italicised (EYD V).",
        ),
        sources: vec![
            "EYD V (2022): Huruf Miring — unabsorbed foreign terms".to_string(),
            "wordfreq 3.1.1 (Robyn Speer), CC BY-SA 4.0: English and Indonesian word lists"
                .to_string(),
        ],
        examples: vec![
            Example::new(
                "Menteri mengatakan bahwa the government will continue the program tahun depan.",
                "Menteri mengatakan bahwa pemerintah akan melanjutkan program itu tahun depan.",
            ),
            Example::new(
                "Kerja sama ini mencakup Internet of Things. The agreement was signed yesterday.",
                "Kerja sama ini mencakup Internet of Things. Perjanjian itu ditandatangani kemarin.",
            ),
        ],
        fixable: false,
    }
}

/// One word of a sentence with its language.
struct Word<'a> {
    token: Token,
    text: &'a str,
    language: WordLanguage,
    /// Separated from the word before by punctuation other than a comma.
    breaks_before: bool,
}

impl Untranslated {
    fn words<'a>(&self, doc: &'a Document, sentence: &Span, established: &[Span]) -> Vec<Word<'a>> {
        let text = doc.text();
        let mut words = Vec::new();
        let mut broken = false;
        for token in doc.tokens_in(sentence) {
            match token.kind {
                TokenKind::Word => {
                    let word = token.text(text);
                    let in_term = established
                        .iter()
                        .any(|s| s.start <= token.start && token.end <= s.end);
                    let language = if in_term {
                        WordLanguage::Shared
                    } else if word.chars().any(|c| c.is_ascii_digit()) {
                        WordLanguage::Other
                    } else {
                        english::classify(word, &self.dictionary)
                    };
                    words.push(Word {
                        token: *token,
                        text: word,
                        language,
                        breaks_before: broken,
                    });
                    broken = false;
                }
                TokenKind::Space | TokenKind::Newline => {}
                TokenKind::Punct if token.text(text) == "," => {}
                _ => broken = true,
            }
        }
        words
    }
}

/// Whether the English words of `run` are a Title Case name (“Board of Peace”).
fn is_title_case_name(run: &[Word]) -> bool {
    run.iter()
        .all(|w| starts_uppercase(w.text) || NAME_JOINERS.contains(&w.text))
}

fn english_count(run: &[Word]) -> usize {
    run.iter()
        .filter(|w| w.language == WordLanguage::English)
        .count()
}

/// Maximal runs of English-or-shared words, unbroken by punctuation, with enough English in them.
fn english_runs<'w, 'a>(words: &'w [Word<'a>]) -> Vec<&'w [Word<'a>]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 0..=words.len() {
        let ends = words
            .get(i)
            .is_none_or(|w| w.language == WordLanguage::Other || w.breaks_before);
        if !ends {
            continue;
        }
        let run = &words[start..i];
        let english = english_count(run);
        if run.len() >= MIN_RUN && english * 2 >= run.len() && !is_title_case_name(run) {
            runs.push(run);
        }
        start = if words
            .get(i)
            .is_some_and(|w| w.language != WordLanguage::Other)
        {
            i
        } else {
            i + 1
        };
    }
    runs
}

fn report(doc: &Document, span: Span, whole_sentence: bool) -> Diagnostic {
    let found = doc.slice(&span);
    let message = if whole_sentence {
        Localized::new(
            format!("kalimat ini sebagian besar berbahasa Inggris: “{found}”"),
            format!("this sentence is mostly English: “{found}”"),
        )
    } else {
        Localized::new(
            format!("bahasa Inggris belum diterjemahkan: “{found}”"),
            format!("English left untranslated: “{found}”"),
        )
    };
    Diagnostic::new(ID, span, message).with_note(Localized::new(
        "terjemahkan; istilah asing yang dipertahankan ditulis miring",
        "translate it; a foreign term kept on purpose is italicised",
    ))
}

impl Rule for Untranslated {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let established = english::established_terms().find(doc);
        for sentence in doc.sentences() {
            let words = self.words(doc, sentence, &established);
            let english = english_count(&words);
            if words.len() >= MIN_SENTENCE && english * 2 > words.len() {
                if let (Some(first), Some(last)) = (words.first(), words.last())
                    && !is_title_case_name(&words)
                {
                    out.push(report(doc, first.token.start..last.token.end, true));
                }
                continue;
            }
            for run in english_runs(&words) {
                if let (Some(first), Some(last)) = (run.first(), run.last()) {
                    out.push(report(doc, first.token.start..last.token.end, false));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(text: &str) -> Vec<String> {
        let rule = build(&Config::default()).expect("builds");
        let doc = Document::new("t.txt", text);
        let mut out = Vec::new();
        rule.check(&doc, &mut out);
        out.iter().map(|d| doc.slice(&d.span).to_string()).collect()
    }

    #[test]
    fn runs_and_sentences() {
        assert_eq!(
            flagged("Ia berkata bahwa the government will continue the program tahun depan."),
            ["the government will continue the program"]
        );
        assert_eq!(
            flagged("Acara selesai. The meeting was held on Monday."),
            ["The meeting was held on Monday"]
        );
    }

    #[test]
    fn terms_names_and_loanwords_stay() {
        for text in [
            "Kerja sama meliputi AI dan Internet of Things, pengembangan infrastruktur digital.",
            "Ia bertemu pejabat World Health Organization di Jenewa.",
            "Program data digital nasional dan media sosial terus berjalan.",
            "Banyak startup lokal tumbuh.",
            "",
        ] {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }
}
