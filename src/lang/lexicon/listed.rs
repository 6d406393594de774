//! The words of `rules/words.toml`: what news text writes that the dictionary lacks.

use std::collections::HashSet;

use crate::data::schema::{WordKind, WordsFile};

/// The listed words by where they are words.
#[derive(Debug, Default)]
pub(super) struct ListedWords {
    /// Standard words, abbreviations, transliterations and Latin: words everywhere.
    everywhere: HashSet<String>,
    /// Informal speech: words inside quotations.
    colloquial: HashSet<String>,
}

impl ListedWords {
    pub(super) fn builtin() -> ListedWords {
        let file: WordsFile = crate::data::load("words");
        let mut listed = ListedWords::default();
        for group in file.group {
            let set = match group.kind {
                WordKind::Colloquial => &mut listed.colloquial,
                WordKind::Standard
                | WordKind::Abbreviation
                | WordKind::Transliteration
                | WordKind::Latin => &mut listed.everywhere,
            };
            set.extend(group.words);
        }
        listed
    }

    /// Whether the lower-case `word` is a word wherever it stands.
    pub(super) fn everywhere(&self, word: &str) -> bool {
        self.everywhere.contains(word)
    }

    /// Whether the lower-case `word` is listed informal speech.
    pub(super) fn colloquial(&self, word: &str) -> bool {
        self.colloquial.contains(word)
    }
}
