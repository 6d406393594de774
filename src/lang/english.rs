//! English in Indonesian prose: which words are English and not Indonesian (wordfreq's English
//! list against the Indonesian dictionary and frequencies), which Indonesian words are English
//! words respelt by the regular loanword correspondences (`mikroplastik`, `interoperabilitas`),
//! and the English terms established in Indonesian news (`rules/established-terms.toml`:
//! “Internet of Things”, “startup”).

use std::sync::LazyLock;

use fst::Set;
use serde::Deserialize;

use crate::diagnostic::Span;
use crate::lang::dictionary::Dictionary;
use crate::lang::frequency;
use crate::lang::matcher::PhraseMatcher;
use crate::source::Document;

/// An English word used this much more often in English than in Indonesian (Zipf steps) is
/// English even though Indonesian text has it too (`the`, `of`: Indonesian pages quote English).
const MORE_ENGLISH_BY: f32 = 1.5;

/// Which language a word belongs to, as far as the lexicons tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WordLanguage {
    /// English and not Indonesian: `the`, `meeting`, `stakeholders`.
    English,
    /// Both: loanwords and shared spellings (`data`, `digital`, `program`).
    Shared,
    /// Indonesian, a name, or unknown.
    Other,
}

/// The language of one word as written.
pub fn classify(word: &str, dictionary: &Dictionary) -> WordLanguage {
    let lower = word.to_lowercase();
    let Some(en) = frequency::english().zipf(&lower) else {
        return WordLanguage::Other;
    };
    let id = frequency::indonesian().zipf(&lower);
    if dictionary.knows(&lower) || id.is_some_and(|id| id + MORE_ENGLISH_BY >= en) {
        WordLanguage::Shared
    } else {
        WordLanguage::English
    }
}

/// Whether a lower-case word is common English (once in a million English words) and used in
/// English at least as much as in Indonesian (`book`, `smart`; not `oleh`, `bahasa`).
pub fn is_mainly_english(word: &str) -> bool {
    frequency::english().zipf(word).is_some_and(|en| {
        en >= COMMON_ENGLISH && frequency::indonesian().zipf(word).is_none_or(|id| en >= id)
    })
}

/// Zipf frequency of a common English word.
const COMMON_ENGLISH: f32 = 3.0;

/// Every English word of the lexicon spelt as Indonesian respells a loanword
/// (`lang::loanwords`), compiled by `build.rs`.
static LOAN_SPELLINGS: LazyLock<Set<&'static [u8]>> = LazyLock::new(|| {
    Set::new(&include_bytes!(concat!(env!("OUT_DIR"), "/loan-spellings.fst"))[..])
        .expect("build.rs writes the loan spellings as an fst set")
});

/// Whether a lower-case Indonesian word is an English word of the lexicon respelt as a loanword
/// (`bioenergi`, `skrining`, `koperatif`): a loan, not a typo.
pub fn is_loan_spelling(word: &str) -> bool {
    // As written: a doubled letter is a typo (`gorreng`), not a loan's double consonant.
    LOAN_SPELLINGS.contains(word)
}

/// English terms Indonesian news uses as they are.
pub struct EstablishedTerms {
    matcher: PhraseMatcher,
    terms: Vec<Term>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TermsFile {
    term: Vec<Term>,
}

/// One established term and where its use is attested.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub source: String,
}

static ESTABLISHED: LazyLock<EstablishedTerms> = LazyLock::new(|| {
    let text = crate::data::embedded("established-terms.toml")
        .expect("rules/established-terms.toml is embedded by build.rs");
    EstablishedTerms::parse(text)
        .expect("rules/established-terms.toml parses (a unit test holds it)")
});

/// The shipped list of established terms.
pub fn established_terms() -> &'static EstablishedTerms {
    &ESTABLISHED
}

impl EstablishedTerms {
    fn parse(text: &str) -> anyhow::Result<EstablishedTerms> {
        let file: TermsFile = serde_json::from_str(text)?;
        let terms: Vec<String> = file.term.iter().map(|t| t.term.clone()).collect();
        let matcher = PhraseMatcher::new(&terms, true);
        Ok(EstablishedTerms {
            matcher,
            terms: file.term,
        })
    }

    pub fn terms(&self) -> &[Term] {
        &self.terms
    }

    /// Where established terms stand in `doc`, whole words only.
    pub fn find(&self, doc: &Document) -> Vec<Span> {
        self.matcher
            .find_in(doc)
            .into_iter()
            .map(|m| m.span)
            .filter(|span| doc.is_word_boundary_span(span))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::dictionary;

    #[test]
    fn english_shared_and_other() {
        let d = dictionary::builtin();
        assert_eq!(classify("the", &d), WordLanguage::English);
        assert_eq!(classify("stakeholders", &d), WordLanguage::English);
        assert_eq!(classify("digital", &d), WordLanguage::Shared);
        assert_eq!(classify("data", &d), WordLanguage::Shared);
        assert_eq!(classify("kemitraan", &d), WordLanguage::Other);
        assert_eq!(classify("Jakarta", &d), WordLanguage::Shared);
        assert!(is_mainly_english("book") && !is_mainly_english("bahasa"));
    }

    #[test]
    fn loanwords_respelt() {
        for word in [
            "bioenergi",
            "interoperabilitas",
            "koperatif",
            "elektoral",
            "hibrid",
        ] {
            assert!(is_loan_spelling(word), "{word}");
        }
        assert!(!is_loan_spelling("pemerintha"));
    }

    #[test]
    fn established_terms_are_found_and_sourced() {
        let terms = established_terms();
        assert!(terms.terms().iter().all(|t| !t.source.trim().is_empty()));
        let doc = Document::new(
            "t",
            "Bidang AI dan Internet of Things serta startup-startup.",
        );
        let found: Vec<&str> = terms.find(&doc).iter().map(|s| doc.slice(s)).collect();
        assert_eq!(found, ["Internet of Things"]);
    }
}
