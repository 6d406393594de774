//! One worker's table of the forms it has met, each with its verdict and its place in the
//! document that used it last: one lookup per word token tells both whether the document used
//! the form before and what the lexicon knows of it.

use std::hash::BuildHasher;

use foldhash::fast::RandomState;
use hashbrown::HashTable;

use super::FormInfo;
use crate::lang::verdicts::Key;

/// How many forms a table keeps before it starts afresh (at the next document): it then holds
/// about 8 MB.
const CAPACITY: usize = 1 << 17;

#[derive(Default)]
pub(super) struct FormTable {
    entries: HashTable<(Key, Seen)>,
    hasher: RandomState,
    /// The document being read, counted from 1 (0 is no document).
    document: u32,
    /// The index the next new form of the document gets.
    next: u32,
}

#[derive(Clone, Copy)]
struct Seen {
    info: FormInfo,
    /// The last document that used the form, and the form's index among that document's.
    document: u32,
    index: u32,
}

/// A word form as a document uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum FormUse {
    /// Used before in the document: the form's index among its forms.
    Again(u32),
    /// First used here: it takes the next index.
    First(FormInfo),
}

impl FormTable {
    /// Begin a document. A full table starts afresh between documents, never within one: a
    /// form's index must last its document.
    pub(super) fn start_document(&mut self) {
        if self.entries.len() >= CAPACITY || self.document == u32::MAX {
            self.entries.clear();
            self.document = 0;
        }
        self.document += 1;
        self.next = 0;
    }

    /// How the document uses `word` (as written) here; `judge` gives the verdict on a form this
    /// table has not met. Indexes are given in order of first use. Inlined into the loop over a
    /// document's words, of which it is nearly all the work.
    #[inline(always)]
    pub(super) fn use_of(&mut self, word: &[u8], judge: impl FnOnce(&[u8]) -> FormInfo) -> FormUse {
        let hash = self.hasher.hash_one(word);
        let document = self.document;
        if let Some((_, seen)) = self.entries.find_mut(hash, |(key, _)| key.is(word)) {
            if seen.document == document {
                return FormUse::Again(seen.index);
            }
            seen.document = document;
            seen.index = self.next;
            self.next += 1;
            return FormUse::First(seen.info);
        }
        let info = judge(word);
        let seen = Seen {
            info,
            document,
            index: self.next,
        };
        self.next += 1;
        let hasher = &self.hasher;
        self.entries
            .insert_unique(hash, (Key::new(word), seen), |(key, _)| {
                hasher.hash_one(key.as_bytes())
            });
        FormUse::First(info)
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::english::WordLanguage;
    use crate::lang::lexicon::Spelling;

    fn info(bits: u64) -> FormInfo {
        FormInfo {
            spelling: Spelling::Known,
            language: WordLanguage::Other,
            english_function_word: false,
            phrase_starts: bits,
        }
    }

    /// The uses of `words` in one document, each new form judged by its length.
    fn uses(table: &mut FormTable, words: &[&str]) -> Vec<FormUse> {
        table.start_document();
        (words.iter())
            .map(|w| table.use_of(w.as_bytes(), |w| info(w.len() as u64)))
            .collect()
    }

    #[test]
    fn a_document_tells_its_forms_apart() {
        let mut table = FormTable::default();
        let first = uses(&mut table, &["kata", "kita", "kata", "Kata"]);
        assert_eq!(
            first,
            [
                FormUse::First(info(4)),
                FormUse::First(info(4)),
                FormUse::Again(0),
                FormUse::First(info(4)),
            ]
        );
        let second = uses(&mut table, &["kita", "kata", "kita", "ibu"]);
        assert_eq!(
            second,
            [
                FormUse::First(info(4)),
                FormUse::First(info(4)),
                FormUse::Again(0),
                FormUse::First(info(3)),
            ],
            "a new document indexes its forms afresh"
        );
    }

    /// A full table starts afresh at the next document, and never within one.
    #[test]
    fn a_table_forgets_between_documents_only() {
        let mut table = FormTable::default();
        let many: Vec<String> = (0..CAPACITY).map(|i| format!("kata{i}")).collect();
        let mut in_one: Vec<&str> = many.iter().map(String::as_str).collect();
        in_one.push("kata0");
        let used = uses(&mut table, &in_one);
        assert_eq!(
            used[CAPACITY],
            FormUse::Again(0),
            "not forgotten within a document"
        );
        assert!(table.len() >= CAPACITY);
        uses(&mut table, &["kata0"]);
        assert_eq!(table.len(), 1, "forgotten after");
    }
}
