//! `untranslated`: English that machine translation left in Indonesian prose — a run of four or
//! more English words, or a sentence that is mostly English — and English words that have an
//! established Indonesian equivalent (the `word` list of `rules/untranslated.toml`).
//!
//! A word is English when wordfreq's English list has it and Indonesian does not (neither the
//! dictionary nor, as often, the Indonesian list: `lang::english`). Loanwords shared by both
//! languages (`data`, `digital`) join a run but do not make one; established terms (“Internet of
//! Things”, listed in the rule's file) count as shared, listed English words as English; names in
//! Title Case (“World Health Organization”) are names, not untranslated text. A run reads as
//! English only with a word that makes a clause in it (`the`, `was`): a list of terms has none.
//!
//! English the writer meant is left alone: quotations, a gloss in parentheses (“kesetaraan di
//! hadapan hukum (equality before the law)”), English explained by the parentheses right after it
//! (an acronym's expansion, an Indonesian gloss), and, for a listed word, italics and a document
//! that glosses it once, in parentheses or beside its equivalent in a sentence.

use std::cell::OnceCell;
use std::ops::Range;

use crate::data::schema::UntranslatedFile;
use crate::diagnostic::{Diagnostic, Localized};
use crate::lang::case::{match_case_in_context, starts_uppercase};
use crate::lang::english::{self, WordLanguage};
use crate::lang::lexicon::PhraseList;
use crate::lang::lexicon::Words;
use crate::lang::matcher::{PhraseMatch, PhraseMatcher};
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
    /// English words with an established Indonesian equivalent (the `word` list): every form of
    /// every entry, one pattern each.
    words: PhraseList,
    /// The entry of each pattern of `words`.
    entry_of: Vec<usize>,
    /// Each entry's Indonesian equivalents, the usual one first.
    equivalents: Vec<Vec<String>>,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let file: UntranslatedFile = setup.data();
    let terms: Vec<String> = file.term.into_iter().map(|t| t.term).collect();
    let (mut forms, mut entry_of, mut equivalents) = (Vec::new(), Vec::new(), Vec::new());
    for (i, word) in file.word.into_iter().enumerate() {
        entry_of.extend(std::iter::repeat_n(i, word.english.len()));
        forms.extend(word.english);
        equivalents.push(word.indonesian);
    }
    Ok(Box::new(Untranslated {
        established: setup.lists.add(PhraseMatcher::new(&terms, true)),
        words: setup.lists.add(PhraseMatcher::new(&forms, true)),
        entry_of,
        equivalents,
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
    /// A word that makes English words a clause (`lang::english::is_clause_word`).
    clause_word: bool,
}

impl Word {
    fn is_english_content(&self) -> bool {
        self.language == WordLanguage::English && !self.function_word
    }
}

impl Untranslated {
    /// The words of the tokens `indices` (a sentence), each in its language there: a word of an
    /// `established` term is shared, a `listed` English word English.
    fn words(
        &self,
        doc: &Document,
        forms: &Words,
        indices: Range<usize>,
        established: &[Span],
        listed: &[Span],
    ) -> Vec<Word> {
        let text = doc.text();
        let mut words = Vec::new();
        let mut broken = false;
        for i in indices {
            let token = doc.tokens()[i];
            match token.kind {
                TokenKind::Word => {
                    let word = token.text(text);
                    let within = |spans: &[Span]| {
                        (spans.iter()).any(|s| s.start <= token.start && token.end <= s.end)
                    };
                    // Names and acronyms (capitalised inside a sentence) are neither language.
                    let name = starts_uppercase(word) && !doc.starts_sentence(token.start);
                    let (own_language, function_word) = forms
                        .of_token(i)
                        .map_or((WordLanguage::Other, false), |form| {
                            (form.info.language, form.info.english_function_word)
                        });
                    let language = if within(established) || name {
                        WordLanguage::Shared
                    } else if within(listed) {
                        WordLanguage::English
                    } else {
                        own_language
                    };
                    words.push(Word {
                        token,
                        language,
                        function_word,
                        breaks_before: broken,
                        clause_word: english::is_clause_word(&word.to_ascii_lowercase()),
                    });
                    broken = false;
                }
                // A number belongs to the run it stands in (“more than 500 patients”).
                TokenKind::Space | TokenKind::Newline | TokenKind::Number => {}
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

/// Whether `run` reads as an English sentence or clause: it has a word that makes one (`the`,
/// `was`, `who`). A list of English terms does not (“signet marigold dan mint marigold”, “under
/// invoicing, ada over invoicing”: a species' names, a trade's terms).
fn is_clause(run: &[Word]) -> bool {
    run.iter().any(|w| w.clause_word)
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
        if run.len() >= MIN_RUN && english_content(run) >= MIN_ENGLISH_CONTENT && is_clause(run) {
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

/// An English word with an established equivalent: each equivalent is a fix to review (the
/// sentence may need another form of it).
fn report_word(doc: &Document, span: Span, equivalents: &[String]) -> Diagnostic {
    let found = doc.slice(&span);
    let usual = equivalents.first().map_or("", String::as_str);
    let message = Localized::new(
        format!("“{found}” berbahasa Inggris; padanannya “{usual}”"),
        format!("“{found}” is English; its Indonesian equivalent is “{usual}”"),
    );
    let at_start = doc.starts_sentence(span.start);
    let diagnostic = Diagnostic::new(span.clone(), message).with_note(Localized::new(
        "istilah asing yang memang dipertahankan ditulis miring",
        "a foreign term kept on purpose is italicised",
    ));
    diagnostic.with_guesses(
        &span,
        (equivalents.iter()).map(|e| match_case_in_context(found, e, at_start)),
    )
}

/// The parentheses around `span` on its line, if it lies in a pair.
fn parentheses_around(text: &str, span: &Span) -> Option<Span> {
    let before = &text[..span.start];
    let open = before.rfind(['(', ')', '\n'])?;
    let after = &text[span.end..];
    let close = after.find(['(', ')', '\n'])?;
    (before.as_bytes()[open] == b'(' && after.as_bytes()[close] == b')')
        .then(|| open..span.end + close + 1)
}

/// Whether `span` is written in parentheses that hold no Indonesian word besides it: a foreign
/// gloss of the term before it (“perundungan (bullying)”).
fn in_foreign_parentheses(doc: &Document, forms: &Words, span: &Span) -> bool {
    let text = doc.text();
    parentheses_around(text, span).is_some_and(|parens| {
        doc.token_indices_in(&parens).all(|i| {
            let token = doc.tokens()[i];
            let beside = token.end <= span.start || span.end <= token.start;
            token.kind != TokenKind::Word
                || !beside
                || starts_uppercase(token.text(text))
                || forms
                    .of_token(i)
                    .is_some_and(|f| f.info.language != WordLanguage::Other)
        })
    })
}

/// Whether the listed word at `span` is part of a longer English term: a lower-case word beside
/// it, with only a blank between, is an English content word (“brand ambassador”, “online
/// bootcamp”). Its equivalent alone would not translate the term.
fn in_english_compound(doc: &Document, forms: &Words, span: &Span) -> bool {
    let (text, tokens) = (doc.text(), doc.tokens());
    let within = doc.token_indices_in(span);
    let (first, after) = (within.start, within.end);
    let english = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            t.kind == TokenKind::Word
                && !starts_uppercase(t.text(text))
                && forms
                    .of_token(i)
                    .is_some_and(|f| f.info.is_english_content())
        })
    };
    let space = |i: usize| tokens.get(i).is_some_and(|t| t.kind == TokenKind::Space);
    (first >= 2 && space(first - 1) && english(first - 2)) || (space(after) && english(after + 1))
}

/// Whether parentheses with words follow `end` right away: they explain what comes before them
/// (an acronym after its English expansion, an Indonesian gloss after an English term); a number
/// or a date in parentheses (“(13,6%)”, “(21/10)”) does not.
fn explained_after(text: &str, end: usize) -> bool {
    let after = text[end..].trim_start_matches([' ', '\t']);
    (after.strip_prefix('(')).is_some_and(|inside| inside.starts_with(char::is_alphabetic))
}

/// Whether `span` is written in italics in the source (`*deadline*`, `_deadline_`, `<i>`,
/// `<em>`): a foreign term kept on purpose (EYD V).
fn italicised(source: &str, span: &Span) -> bool {
    let (before, after) = (&source[..span.start], &source[span.end..]);
    [("*", "*"), ("_", "_"), ("<i>", "</i>"), ("<em>", "</em>")]
        .iter()
        .any(|(open, close)| before.ends_with(open) && after.starts_with(close))
}

/// Whether the capitalised word at `span` is (part of) a name or a title: capitalised inside a
/// sentence, in capitals throughout, or opening a line in Title Case (a headline).
fn is_name(doc: &Document, span: &Span) -> bool {
    let text = doc.text();
    let word = doc.slice(span);
    if !starts_uppercase(word) {
        return false;
    }
    if word
        .chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        || !doc.starts_sentence(span.start)
    {
        return true;
    }
    let next = text[span.end..].trim_start_matches([' ', '\t']);
    starts_uppercase(next)
}

/// Whether `sentence` holds `phrase` as whole words, in any case.
fn holds_words(sentence: &str, phrase: &str) -> bool {
    let (sentence, phrase) = (sentence.to_lowercase(), phrase.to_lowercase());
    sentence.match_indices(&phrase).any(|(at, _)| {
        let joined = |c: char| c.is_alphanumeric() || c == '-';
        !sentence[..at].ends_with(joined) && !sentence[at + phrase.len()..].starts_with(joined)
    })
}

impl Untranslated {
    /// The established terms of the document.
    fn established_in(&self, doc: &Document, forms: &Words) -> Vec<Span> {
        (self.established.find_in(doc, forms).into_iter())
            .map(|m| m.span)
            .filter(|span| doc.is_word_boundary_span(span))
            .collect()
    }

    /// Runs of English and mostly English sentences, each with whether it is a whole sentence,
    /// outside quotations and glosses; `listed` are the listed English words of the document,
    /// `established` its established terms once asked for.
    fn english_text(
        &self,
        doc: &Document,
        forms: &Words,
        listed: &[Span],
        established: &OnceCell<Vec<Span>>,
    ) -> Vec<(Span, bool)> {
        let uses = forms.uses();
        let mut found: Vec<(Span, bool)> = Vec::new();
        // The tokens of English content words, in order: a finding needs two of them in one
        // sentence at the least (a sentence of four words, half of them English), and most
        // sentences have none.
        let english_tokens: Vec<usize> = (forms.english_content())
            .map(|i| uses[i].token as usize)
            .collect();
        if english_tokens.len() < 2 {
            return found;
        }
        let text = doc.text();
        for sentence in doc.sentences() {
            let indices = doc.token_indices_in(sentence);
            let first = english_tokens.partition_point(|&i| i < indices.start);
            if english_tokens
                .get(first + 1)
                .is_none_or(|&second| second >= indices.end)
            {
                continue;
            }
            let established = established.get_or_init(|| self.established_in(doc, forms));
            let words = self.words(doc, forms, indices, established, listed);
            let mut in_sentence: Vec<(Span, bool)> = Vec::new();
            if words.len() >= MIN_SENTENCE
                && english_content(&words) * 2 >= words.len()
                && is_clause(&words)
            {
                if let (Some(first), Some(last)) = (words.first(), words.last()) {
                    in_sentence.push((first.token.start..last.token.end, true));
                }
            } else {
                for run in english_runs(&words) {
                    if let (Some(first), Some(last)) = (run.first(), run.last()) {
                        in_sentence.push((first.token.start..last.token.end, false));
                    }
                }
            }
            // English quoted as it was said is a quotation, and English in parentheses or
            // explained by them is a gloss, not a translation left undone.
            found.extend(in_sentence.into_iter().filter(|(span, _)| {
                !doc.in_quote(span)
                    && !in_foreign_parentheses(doc, forms, span)
                    && !explained_after(text, span.end)
            }));
        }
        found
    }

    /// The listed English words found (`matches`) outside `runs` (already reported) and
    /// established terms (“brand ambassador”) that the writer did not mean to keep.
    fn english_words(
        &self,
        doc: &Document,
        forms: &Words,
        matches: Vec<PhraseMatch>,
        runs: &[(Span, bool)],
        established: &OnceCell<Vec<Span>>,
        out: &mut Vec<Diagnostic>,
    ) {
        if matches.is_empty() {
            return;
        }
        let established = established.get_or_init(|| self.established_in(doc, forms));
        let (text, source) = (doc.text(), doc.source());
        // A word the document glosses once, in parentheses or beside its equivalent in a
        // sentence (“gawai atau gadget”), is the writer's term throughout.
        let glossed: Vec<usize> = (matches.iter())
            .filter(|m| {
                let equivalents = &self.equivalents[self.entry_of[m.pattern]];
                in_foreign_parentheses(doc, forms, &m.span)
                    || doc.sentence_at(m.span.start).is_some_and(|sentence| {
                        let sentence = doc.slice(&sentence);
                        equivalents.iter().any(|e| holds_words(sentence, e))
                    })
            })
            .map(|m| self.entry_of[m.pattern])
            .collect();
        for m in matches {
            let entry = self.entry_of[m.pattern];
            let span = m.span;
            let overlaps = |other: &Span| other.start < span.end && span.start < other.end;
            let kept = glossed.contains(&entry)
                || runs.iter().any(|(run, _)| overlaps(run))
                || established.iter().any(overlaps)
                || doc.in_quote(&span)
                || is_name(doc, &span)
                || italicised(source, &span)
                || explained_after(text, span.end)
                || in_english_compound(doc, forms, &span);
            if !kept {
                out.push(report_word(doc, span, &self.equivalents[entry]));
            }
        }
    }
}

impl Rule for Untranslated {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (doc, forms) = (ctx.doc, ctx.words());
        let listed: Vec<PhraseMatch> = (self.words.find_in(doc, forms).into_iter())
            .filter(|m| doc.is_word_boundary_span(&m.span))
            .collect();
        let spans: Vec<Span> = listed.iter().map(|m| m.span.clone()).collect();
        let established = OnceCell::new();
        let runs = self.english_text(doc, forms, &spans, &established);
        for (span, whole) in &runs {
            out.push(report(doc, span.clone(), *whole));
        }
        self.english_words(doc, forms, listed, &runs, &established, out);
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

    #[test]
    fn glosses_are_left_alone() {
        for text in [
            "Semua warga berhak atas kesetaraan di hadapan hukum (equality before the law).",
            "Perusahaan menerapkan prinsip environmental, social and governance (ESG) tahun ini.",
            "Penyidik melakukan upaya asset recovery and tracing (pemulihan aset) sejak Juni.",
            "Kasus itu tergolong perundungan (bullying). Korban bullying dirawat di rumah sakit.",
            "Anak-anak memakai gawai atau gadget. Penggunaan gadget perlu dibatasi.",
            "Istilah *deadline* dipakai redaksi itu.",
            "Pelajar itu menjadi brand ambassador dan mengikuti online bootcamp.",
            "Spesies yang umum adalah signet marigold dan mint marigold Meksiko.",
        ] {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }

    #[test]
    fn words_with_an_equivalent() {
        assert_eq!(
            flagged("Para stakeholder diundang ke meeting sebelum deadline pekan depan."),
            ["stakeholder", "meeting", "deadline"]
        );
        assert_eq!(flagged("Deadline pendaftaran diperpanjang."), ["Deadline"]);
        assert_eq!(flagged("Situs itu sering error (10,2%)."), ["error"]);
        let fixes = Check::rules(&[id::UNTRANSLATED]).findings("Rapat itu membahas roadmap baru.");
        let offered: Vec<&str> = (fixes[0].fixes.iter()).map(String::as_str).collect();
        assert_eq!(offered, ["peta jalan"]);
        for text in [
            "Ia menonton film Deadline Hunter di bioskop.",
            "Judul berita: Meeting Point Baru Dibuka",
            "“Kami ada meeting sore ini,” kata Andi.",
            "Rapat (meeting) digelar pukul 09.00.",
            "Anak-anak memakai gadget (gawai) sejak kecil.",
        ] {
            assert!(flagged(text).is_empty(), "{text}: {:?}", flagged(text));
        }
    }
}
