//! `untranslated`: English that machine translation left in Indonesian prose — a run of four or
//! more English words, or a sentence that is mostly English.
//!
//! A word is English when wordfreq's English list has it and Indonesian does not (neither the
//! dictionary nor, as often, the Indonesian list: `lang::english`). Loanwords shared by both
//! languages (`data`, `digital`) join a run but do not make one; established terms (“Internet of
//! Things”, listed in the rule's file) count as shared; names in Title Case (“World Health
//! Organization”) are names, not untranslated text.

use std::ops::Range;

use crate::data::schema::UntranslatedFile;
use crate::diagnostic::{Diagnostic, Localized};
use crate::lang::case::starts_uppercase;
use crate::lang::english::WordLanguage;
use crate::lang::lexicon::PhraseList;
use crate::lang::lexicon::Words;
use crate::lang::matcher::PhraseMatcher;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

/// A run of this many English-or-shared words is untranslated text.
const MIN_RUN: usize = 4;

/// A sentence needs this many words before "mostly English" means anything.
const MIN_SENTENCE: usize = 4;

/// A run needs this many English content words (not function words, not names).
const MIN_ENGLISH_CONTENT: usize = 3;

pub struct Untranslated {
    /// English terms Indonesian news uses as they are (the `term` list of `rules/untranslated.toml`).
    established: PhraseList,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let file: UntranslatedFile = setup.data();
    let terms: Vec<String> = file.term.into_iter().map(|t| t.term).collect();
    Ok(Box::new(Untranslated {
        established: setup.lists.add(PhraseMatcher::new(&terms, true)),
    }))
}

/// One word of a sentence with its language.
struct Word {
    token: Token,
    language: WordLanguage,
    /// An English function word (`of`, `the`): English, but no evidence of untranslated text
    /// on its own (“Internet of Things”, “Chamber of Commerce”).
    function_word: bool,
    /// Separated from the word before by punctuation other than a comma.
    breaks_before: bool,
}

impl Word {
    fn is_english_content(&self) -> bool {
        self.language == WordLanguage::English && !self.function_word
    }
}

impl Untranslated {
    /// The words of the tokens `indices` (a sentence), each in its language there.
    fn words(
        &self,
        doc: &Document,
        forms: &Words,
        indices: Range<usize>,
        established: &[Span],
    ) -> Vec<Word> {
        let text = doc.text();
        let mut words = Vec::new();
        let mut broken = false;
        for i in indices {
            let token = doc.tokens()[i];
            match token.kind {
                TokenKind::Word => {
                    let word = token.text(text);
                    let in_term = established
                        .iter()
                        .any(|s| s.start <= token.start && token.end <= s.end);
                    // Names and acronyms (capitalised inside a sentence) are neither language.
                    let name = starts_uppercase(word) && !doc.starts_sentence(token.start);
                    let (own_language, function_word) = forms
                        .of_token(i)
                        .map_or((WordLanguage::Other, false), |form| {
                            (form.info.language, form.info.english_function_word)
                        });
                    let language = if in_term || name {
                        WordLanguage::Shared
                    } else {
                        own_language
                    };
                    words.push(Word {
                        token,
                        language,
                        function_word,
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

fn english_content(run: &[Word]) -> usize {
    run.iter().filter(|w| w.is_english_content()).count()
}

/// Maximal runs of English-or-shared words unbroken by punctuation, cut down to their English
/// ends, that hold enough English to be untranslated text.
fn english_runs(words: &[Word]) -> Vec<&[Word]> {
    let mut runs = Vec::new();
    let mut start = 0;
    for i in 0..=words.len() {
        let ends = words
            .get(i)
            .is_none_or(|w| w.language == WordLanguage::Other || w.breaks_before);
        if !ends {
            continue;
        }
        let run = english_ends(&words[start..i]);
        if run.len() >= MIN_RUN && english_content(run) >= MIN_ENGLISH_CONTENT {
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

/// `run` from its first English word to its last: shared words at the ends are as Indonesian
/// as they are English.
fn english_ends(run: &[Word]) -> &[Word] {
    let english = |w: &Word| w.language == WordLanguage::English;
    match (run.iter().position(english), run.iter().rposition(english)) {
        (Some(first), Some(last)) => &run[first..=last],
        _ => &[],
    }
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
    Diagnostic::new(span, message).with_note(Localized::new(
        "terjemahkan; istilah asing yang dipertahankan ditulis miring",
        "translate it; a foreign term kept on purpose is italicised",
    ))
}

impl Rule for Untranslated {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (doc, forms) = (ctx.doc, ctx.words());
        let uses = forms.uses();
        // The tokens of English content words, in order: a finding needs two of them in one
        // sentence at the least (a sentence of four words, half of them English), and most
        // sentences have none.
        let english_tokens: Vec<usize> = (forms.english_content())
            .map(|i| uses[i].token as usize)
            .collect();
        if english_tokens.len() < 2 {
            return;
        }
        let mut established = None;
        for sentence in doc.sentences() {
            let indices = doc.token_indices_in(sentence);
            let first = english_tokens.partition_point(|&i| i < indices.start);
            if english_tokens
                .get(first + 1)
                .is_none_or(|&second| second >= indices.end)
            {
                continue;
            }
            let established = established.get_or_insert_with(|| {
                (self.established.find_in(doc, forms).into_iter())
                    .map(|m| m.span)
                    .filter(|span| doc.is_word_boundary_span(span))
                    .collect::<Vec<_>>()
            });
            let words = self.words(doc, forms, indices, established);
            let mut found: Vec<(Span, bool)> = Vec::new();
            if words.len() >= MIN_SENTENCE && english_content(&words) * 2 >= words.len() {
                if let (Some(first), Some(last)) = (words.first(), words.last()) {
                    found.push((first.token.start..last.token.end, true));
                }
            } else {
                for run in english_runs(&words) {
                    if let (Some(first), Some(last)) = (run.first(), run.last()) {
                        found.push((first.token.start..last.token.end, false));
                    }
                }
            }
            // English quoted as it was said is a quotation, not a translation left undone.
            for (span, whole) in found {
                if !doc.in_quote(&span) {
                    out.push(report(doc, span, whole));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::id;
    use crate::testing::Check;

    fn flagged(text: &str) -> Vec<String> {
        Check::rules(&[id::UNTRANSLATED]).flagged(text)
    }

    #[test]
    fn runs_and_sentences() {
        assert_eq!(
            flagged("Ia berkata bahwa the government will continue the program tahun depan."),
            ["the government will continue the"]
        );
        assert_eq!(
            flagged(
                "Acara selesai. The minister said that the agreement would strengthen cooperation."
            ),
            ["The minister said that the agreement would strengthen cooperation"]
        );
    }

    #[test]
    fn terms_names_and_loanwords_stay() {
        for text in [
            "Kerja sama meliputi AI dan Internet of Things, pengembangan infrastruktur digital.",
            "Ia bertemu pejabat World Health Organization di Jenewa.",
            "Program data digital nasional dan media sosial terus berjalan.",
            "Banyak startup lokal tumbuh.",
            "Ia berkata, “The meeting was held on Monday,” lalu pergi.",
            "Perwakilan Chamber of Commerce and Industry hadir.",
            "",
        ] {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }
}
