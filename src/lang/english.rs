//! English in Indonesian prose: which words are English and not Indonesian (wordfreq's English
//! list against the Indonesian dictionary and frequencies), and which Indonesian words are English
//! words respelt by the regular loanword correspondences (`mikroplastik`, `interoperabilitas`).

use fst::Set;

use crate::lang::dictionary::Dictionary;
use crate::lang::frequency::Frequencies;

/// An English word used this much more often in English than in Indonesian (Zipf steps, ten
/// times) is English even though Indonesian text has it too (`the`, `of`, `money`, `night`:
/// Indonesian web pages quote and mix in English); loanwords of Indonesian prose are used about
/// as often in both (`online`, `program`).
const MORE_ENGLISH_BY: f32 = 1.0;

/// Zipf frequency of a common English word.
const COMMON_ENGLISH: f32 = 3.0;

/// English words that make a run of English words a clause (articles, auxiliaries, pronouns,
/// conjunctions, prepositions), sorted: a list of English terms has none of them.
const CLAUSE_WORDS: &[&str] = &[
    "a", "about", "after", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can",
    "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "i",
    "in", "is", "it", "its", "may", "must", "not", "of", "on", "or", "our", "she", "should",
    "than", "that", "the", "their", "there", "they", "this", "to", "was", "we", "were", "which",
    "who", "will", "with", "would", "you",
];

/// Whether a lower-case word is one that makes English words a clause (`the`, `was`, `who`).
pub fn is_clause_word(word: &str) -> bool {
    CLAUSE_WORDS.binary_search(&word).is_ok()
}

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
pub fn classify(
    word: &str,
    dictionary: &Dictionary,
    indonesian: &Frequencies,
    english: &Frequencies,
) -> WordLanguage {
    let lower = word.to_lowercase();
    let Some(en) = english.zipf(&lower) else {
        return WordLanguage::Other;
    };
    let id = indonesian.zipf(&lower);
    if dictionary.knows(&lower) || id.is_some_and(|id| id + MORE_ENGLISH_BY >= en) {
        WordLanguage::Shared
    } else {
        WordLanguage::English
    }
}

/// Whether a lower-case word is common English (once in a million English words) and used in
/// English at least as much as in Indonesian (`book`, `smart`; not `oleh`, `bahasa`).
pub fn is_mainly_english(word: &str, indonesian: &Frequencies, english: &Frequencies) -> bool {
    english
        .zipf(word)
        .is_some_and(|en| en >= COMMON_ENGLISH && indonesian.zipf(word).is_none_or(|id| en >= id))
}

/// Every English word of the lexicon spelt as Indonesian respells a loanword
/// (`lang::loanwords`), compiled by `build.rs` and read in place.
pub struct LoanSpellings(Set<&'static [u8]>);

impl LoanSpellings {
    pub fn builtin() -> LoanSpellings {
        LoanSpellings(
            Set::new(&include_bytes!(concat!(env!("OUT_DIR"), "/loan-spellings.fst"))[..])
                .expect("build.rs writes the loan spellings as an fst set"),
        )
    }

    /// Whether a lower-case Indonesian word is an English word of the lexicon respelt as a loan
    /// (`bioenergi`, `skrining`, `koperatif`): a loan, not a typo.
    pub fn contains(&self, word: &str) -> bool {
        // As written: a doubled letter is a typo (`gorreng`), not a loan's double consonant.
        self.0.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_shared_and_other() {
        let d = Dictionary::builtin();
        let (id, en) = (Frequencies::indonesian(), Frequencies::english());
        let classify = |w| classify(w, &d, &id, &en);
        assert_eq!(classify("the"), WordLanguage::English);
        assert_eq!(classify("stakeholders"), WordLanguage::English);
        assert_eq!(classify("digital"), WordLanguage::Shared);
        assert_eq!(classify("data"), WordLanguage::Shared);
        assert_eq!(classify("kemitraan"), WordLanguage::Other);
        assert_eq!(classify("money"), WordLanguage::English);
        assert_eq!(classify("online"), WordLanguage::Shared);
        assert_eq!(classify("Jakarta"), WordLanguage::Shared);
        assert!(is_mainly_english("book", &id, &en) && !is_mainly_english("bahasa", &id, &en));
    }

    #[test]
    fn clause_words_are_sorted_and_found() {
        assert!(CLAUSE_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_clause_word("the") && is_clause_word("who") && is_clause_word("a"));
        assert!(!is_clause_word("marigold") && !is_clause_word("The"));
    }

    #[test]
    fn loanwords_respelt() {
        let loans = LoanSpellings::builtin();
        for word in [
            "bioenergi",
            "interoperabilitas",
            "koperatif",
            "elektoral",
            "hibrid",
        ] {
            assert!(loans.contains(word), "{word}");
        }
        assert!(!loans.contains("pemerintha"));
    }
}
