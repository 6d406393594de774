//! What an unknown word's letters say of it as a typo: the words it may be a slip of, two words
//! run together, a well-known name one letter off. Read once per word for the run: a corpus
//! writes the same unknown words (names, terms) in article after article.

use std::sync::Arc;

use super::{COMMON_ZIPF, Lexicon};
use crate::data::schema::NamesFile;
use crate::lang::MAX_WORD_LEN;
use crate::lang::suggest::osa_distance;

/// Each half of two words run together has at least this many letters (`jet` + `dengan`).
const MIN_JOINED_PART: usize = 3;

/// Words shorter than this are short: a typo is taken only for a common word's.
const SHORT_WORD: usize = 6;

/// How common (Zipf) a word must be for a short unknown word one slip away to be its typo.
const SHORT_WORD_TARGET_ZIPF: f32 = 3.5;

/// A word of this many letters is long: a typo of it may be two edits away.
const LONG_WORD: usize = 8;

/// A capitalised word needs this many letters before a one-edit distance from a well-known name
/// counts as a typo of it (`Bali` and `Bari` are both places).
const MIN_NAME_TYPO_LEN: usize = 6;

/// A word of a name this long or longer is checked inside names (`Bdan` in `Bdan Pusat
/// Statistik`): the name around it tells which name it is.
const MIN_NAME_WORD: usize = 3;

/// The same for a word of a person's name, which another word of the name beside it confirms
/// (`Erick Tohir`).
const MIN_PERSON_TYPO_LEN: usize = 5;

/// The words of well-known names (`rules/well-known-names.toml`) and of the register's
/// institution names (`Kementerian`, `Kesehatan`, `Meteorologi`, `Tengah`), lower-case: a
/// capitalised word beside one of them is inside a name, where a word one letter off another
/// is its typo (`Kementerian Keseharan`, `Sulawesi Tegnah`).
#[derive(Debug, Default)]
pub(super) struct NameWords(std::collections::HashSet<String>);

impl NameWords {
    pub(super) fn new(names: impl IntoIterator<Item = impl AsRef<str>>) -> NameWords {
        let mut words = std::collections::HashSet::new();
        for name in names {
            words.extend(
                (name.as_ref().split(|c: char| !c.is_alphabetic()))
                    .filter(|w| !crate::lang::word_classes::is_connector(w))
                    .map(str::to_lowercase)
                    .filter(|w| {
                        w.len() >= MIN_NAME_WORD && w.bytes().all(|b| b.is_ascii_lowercase())
                    }),
            );
        }
        NameWords(words)
    }
}

/// An unknown lower-case word read as a typo.
#[derive(Clone, Debug)]
pub struct TypoReading {
    /// The words it may stand for, best first (see [`Lexicon::suggestions`]).
    pub suggestions: Arc<[String]>,
    /// The first suggestion is one slip away (a letter added, dropped, changed or two swapped).
    pub first_is_slip: bool,
    /// The first suggestion is a word of the dictionary itself.
    pub first_in_dictionary: bool,
    /// Some suggestion is a slip of it (one edit, two in a long word), and, for a short word,
    /// a common one: short words near only a rare word are mostly acronyms (`ojol`, not `odol`).
    pub near: bool,
    /// The word as two common words run together (`jetdengan` → `jet dengan`), the split
    /// nearest the middle.
    pub split: Option<String>,
    /// Both halves of the split are words English uses at least as much as Indonesian
    /// (`orderbook`): English, not a typo.
    pub split_is_english: bool,
}

/// Well-known place names (`rules/well-known-names.toml`), lower-case.
pub(super) struct WellKnownNames(Vec<String>);

impl WellKnownNames {
    pub(super) fn contains(&self, lower: &str) -> bool {
        self.0.iter().any(|name| name == lower)
    }

    /// The names, lower-case.
    pub(super) fn names(&self) -> impl Iterator<Item = &str> {
        self.0.iter().map(String::as_str)
    }

    pub(super) fn builtin() -> WellKnownNames {
        let file: NamesFile = crate::data::load("well-known-names");
        WellKnownNames(
            (file.group.into_iter())
                .flat_map(|g| g.names)
                .map(|n| n.to_lowercase())
                .collect(),
        )
    }
}

/// The words of well-known persons' names (the register's office holders), lower-case: a
/// capitalised word one letter off one of them, beside another word of the same name, is a
/// misspelt name (`Sri Mulyani Indrawaty`). Alone it may be another person's own name (`Hartanto`
/// beside `Hartarto`), so the other word is asked for.
#[derive(Debug, Default)]
pub(super) struct PersonNames {
    /// Each person's name, as words in lower case.
    names: Vec<Vec<String>>,
    /// Each word of at least [`MIN_PERSON_TYPO_LEN`] letters, with the person whose name it is in.
    words: Vec<(String, u32)>,
}

impl PersonNames {
    pub(super) fn new<'a>(full_names: impl IntoIterator<Item = &'a str>) -> PersonNames {
        let mut persons = PersonNames::default();
        for name in full_names {
            let person = persons.names.len() as u32;
            let words: Vec<String> = (name.split_whitespace())
                .map(|w| w.trim_matches(|c: char| !c.is_alphabetic()).to_lowercase())
                .filter(|w| !w.is_empty())
                .collect();
            for w in words
                .iter()
                .filter(|w| w.chars().count() >= MIN_PERSON_TYPO_LEN)
            {
                persons.words.push((w.clone(), person));
            }
            persons.names.push(words);
        }
        persons
    }
}

/// A word of a well-known person's name that an unknown word is one letter off.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PersonWordNear {
    /// The name's word, capitalised.
    pub word: Arc<str>,
    person: u32,
}

impl Lexicon {
    /// The words of well-known persons' names one letter-edit from the lower-case `word`.
    pub fn person_words_near(&self, word: &str) -> Arc<[PersonWordNear]> {
        self.persons_near.get_or(word, || {
            if word.chars().count() < MIN_PERSON_TYPO_LEN {
                return Arc::new([]);
            }
            (self.persons.words.iter())
                .filter(|(name, _)| osa_distance(word.as_bytes(), name.as_bytes(), 1) == Some(1))
                .map(|(name, person)| PersonWordNear {
                    word: crate::lang::case::capitalize_first(name).into(),
                    person: *person,
                })
                .collect()
        })
    }

    /// Whether `near`'s person has another word of their name written as `word` (any case).
    pub fn names_same_person(&self, near: &PersonWordNear, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.persons.names[near.person as usize]
            .iter()
            .any(|w| *w == lower && **w != *near.word.to_lowercase())
    }

    /// Whether the lower-case `word` is a word of a well-known name or an institution's name.
    pub fn is_name_word(&self, word: &str) -> bool {
        self.name_words.0.contains(word)
    }

    /// The word of a well-known or an institution's name one letter-edit from the lower-case
    /// `word`, if any (`keseharan` → `Kesehatan`), capitalised; of two, the first in order.
    pub fn name_word_near(&self, word: &str) -> Option<Arc<str>> {
        self.name_words_near.get_or(word, || {
            if word.len() < MIN_NAME_WORD {
                return None;
            }
            let mut near: Vec<&String> = (self.name_words.0.iter())
                .filter(|name| osa_distance(word.as_bytes(), name.as_bytes(), 1) == Some(1))
                .collect();
            near.sort();
            near.first()
                .map(|name| crate::lang::case::capitalize_first(name).into())
        })
    }

    /// What the letters of the unknown lower-case `word` say of it as a typo.
    pub fn typo_reading(&self, word: &str) -> Arc<TypoReading> {
        self.typos.get_or(word, || Arc::new(self.read_typo(word)))
    }

    fn read_typo(&self, word: &str) -> TypoReading {
        let suggestions = self.suggestions(word);
        let first = suggestions.first();
        let slip = if word.len() >= LONG_WORD { 2 } else { 1 };
        let split = self.split_joined(word);
        TypoReading {
            first_is_slip: first
                .is_some_and(|s| osa_distance(word.as_bytes(), s.as_bytes(), 1).is_some()),
            first_in_dictionary: first.is_some_and(|s| self.dictionary.knows(s)),
            near: suggestions.iter().any(|s| {
                osa_distance(word.as_bytes(), s.as_bytes(), slip).is_some()
                    && (word.len() >= SHORT_WORD
                        || (self.indonesian.zipf(s)).is_some_and(|z| z >= SHORT_WORD_TARGET_ZIPF))
            }),
            split_is_english: split
                .as_deref()
                .is_some_and(|s| s.split(' ').all(|half| self.is_mainly_english(half))),
            split,
            suggestions,
        }
    }

    /// `word` read as two words run together: both halves common words of at least
    /// [`MIN_JOINED_PART`] letters; the split nearest the middle wins. Every split is looked up,
    /// so a word longer than any word is not read at all.
    fn split_joined(&self, word: &str) -> Option<String> {
        let len = word.len();
        // A word the lexicon knows is one word, however it could be cut (`kontestasi` is not
        // `konte stasi`).
        if len > MAX_WORD_LEN || self.knows(word) {
            return None;
        }
        (MIN_JOINED_PART..=len.saturating_sub(MIN_JOINED_PART))
            .filter(|&at| word.is_char_boundary(at))
            .filter(|&at| self.is_common_word(&word[..at]))
            .filter(|&at| self.is_common_word(&word[at..]))
            .min_by_key(|&at| at.abs_diff(len / 2))
            .map(|at| format!("{} {}", &word[..at], &word[at..]))
    }

    /// A word common enough to be half of two words run together: a dictionary form, or a form
    /// used at least once in 100,000 words in either language.
    fn is_common_word(&self, word: &str) -> bool {
        let common = |z: Option<f32>| z.is_some_and(|z| z >= COMMON_ZIPF);
        self.dictionary.knows(word)
            || common(self.indonesian.zipf(word))
            || common(self.english.zipf(word))
    }

    /// The well-known place name one letter-edit from the lower-case `word`, if any
    /// (`indonseia` → `Indonesia`), capitalised.
    pub fn well_known_name_near(&self, word: &str) -> Option<Arc<str>> {
        self.names_near.get_or(word, || {
            if word.chars().count() < MIN_NAME_TYPO_LEN {
                return None;
            }
            (self.well_known.0.iter())
                .find(|name| osa_distance(word.as_bytes(), name.as_bytes(), 1) == Some(1))
                .map(|name| crate::lang::case::capitalize_first(name).into())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_read_from_their_letters() {
        let lexicon = Lexicon::builtin(Vec::new());
        let bilantial = lexicon.typo_reading("bilantial");
        assert_eq!(
            bilantial.suggestions.first().map(String::as_str),
            Some("bilateral")
        );
        assert!(bilantial.near && !bilantial.first_is_slip && bilantial.split.is_none());
        let joined = lexicon.typo_reading("jetdengan");
        assert_eq!(joined.split.as_deref(), Some("jet dengan"));
        assert!(!joined.split_is_english);
        assert!(lexicon.typo_reading("orderbook").split_is_english);
        for word in ["kontestasi", "persisten", "warganet", "ketidakselarasan"] {
            assert_eq!(lexicon.typo_reading(word).split, None, "{word}");
        }
        assert_eq!(
            lexicon.well_known_name_near("indonseia").as_deref(),
            Some("Indonesia")
        );
        assert_eq!(lexicon.well_known_name_near("bari"), None);
    }
}
