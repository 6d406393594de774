//! Verdicts already given on words, so that an expensive judgement (the dictionary, a form's
//! whole verdict in the lexicon, a suggestion) is made once per distinct word form in a run and
//! every repeat is a lookup.
//!
//! Shared by all threads and sharded so they rarely wait on each other. A shard that grows past
//! its bound starts afresh, which keeps memory flat on any corpus. Where a verdict is asked for
//! nearly every word of every document, a worker keeps its own table in front of the shared one
//! (as the lexicon does): even a read lock is a write to memory the other cores then fetch back.
//!
//! Every word of every document is looked up here, so the maps hash with foldhash: SipHash, the
//! standard library's default, was a tenth of the whole run on news text. Its protection against
//! flooding buys nothing here: the worst a crafted text can do is make one run slower.
//!
//! Keys hold short word forms inline: with each form in a heap box of its own, comparing the key
//! found was a second memory access per word, and memcmp on those cold boxes was a twelfth of the
//! whole run.

use std::hash::BuildHasher;
use std::sync::{PoisonError, RwLock};

use foldhash::fast::RandomState;
use hashbrown::HashTable;

const SHARDS: usize = 16;
const SHARD_CAPACITY: usize = 16 << 10;

/// Verdicts of type `V` (a yes or no, a word's language) on word forms.
///
/// A word is hashed once: its hash picks the shard (by bits the table itself does not use) and
/// finds it in the shard's table.
pub struct Verdicts<V = bool> {
    shards: Vec<RwLock<Table<V>>>,
    hasher: RandomState,
}

impl<V> Default for Verdicts<V> {
    fn default() -> Self {
        Verdicts {
            shards: (0..SHARDS)
                .map(|_| RwLock::new(Table::new(SHARD_CAPACITY)))
                .collect(),
            hasher: RandomState::default(),
        }
    }
}

impl<V: Clone> Verdicts<V> {
    /// The verdict on `word`, from memory or from `judge`.
    pub fn get_or(&self, word: &str, judge: impl FnOnce() -> V) -> V {
        self.get_or_bytes(word.as_bytes(), judge)
    }

    /// [`get_or`](Self::get_or), for a word's bytes.
    pub fn get_or_bytes(&self, word: &[u8], judge: impl FnOnce() -> V) -> V {
        let hash = self.hasher.hash_one(word);
        if let Some(verdict) = self.find(word, hash) {
            return verdict;
        }
        let verdict = judge();
        self.shard(hash)
            .write()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(word, hash, verdict.clone(), &self.hasher);
        verdict
    }

    /// The verdict on `word` if one was given.
    pub fn get(&self, word: &str) -> Option<V> {
        let word = word.as_bytes();
        self.find(word, self.hasher.hash_one(word))
    }

    /// How many verdicts are kept.
    pub fn len(&self) -> usize {
        (self.shards.iter())
            .map(|s| s.read().unwrap_or_else(PoisonError::into_inner).len())
            .sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn find(&self, word: &[u8], hash: u64) -> Option<V> {
        self.shard(hash)
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .find(word, hash)
    }

    /// The table places entries by the low bits of the hash and tags them with the top seven:
    /// the shard is picked by bits it does not use.
    fn shard(&self, hash: u64) -> &RwLock<Table<V>> {
        &self.shards[(hash >> 32) as usize % SHARDS]
    }
}

/// Verdicts by word form, up to a bound past which the table starts afresh (which keeps memory
/// flat on any corpus).
struct Table<V> {
    entries: HashTable<(Key, V)>,
    capacity: usize,
}

impl<V> Table<V> {
    fn new(capacity: usize) -> Self {
        Table {
            entries: HashTable::new(),
            capacity,
        }
    }

    fn len(&self) -> usize {
        self.entries.len()
    }
}

impl<V: Clone> Table<V> {
    fn find(&self, word: &[u8], hash: u64) -> Option<V> {
        self.entries
            .find(hash, |(key, _)| key.is(word))
            .map(|(_, verdict)| verdict.clone())
    }

    fn insert(&mut self, word: &[u8], hash: u64, verdict: V, hasher: &RandomState) {
        if self.entries.len() >= self.capacity {
            self.entries.clear();
        }
        // A shared table's word may have been judged by another thread meanwhile: one entry per
        // word all the same.
        if self.find(word, hash).is_none() {
            self.entries
                .insert_unique(hash, (Key::new(word), verdict), |(key, _)| {
                    hasher.hash_one(key.as_bytes())
                });
        }
    }
}

/// Bytes a key holds inline: nearly every word form is shorter. Keeps a key as small as a box.
const INLINE: usize = 22;

/// A word form's bytes, inline when short enough.
pub(super) enum Key {
    Inline { len: u8, bytes: [u8; INLINE] },
    Boxed(Box<[u8]>),
}

impl Key {
    pub(super) fn new(form: &[u8]) -> Self {
        let mut bytes = [0; INLINE];
        match (bytes.get_mut(..form.len()), u8::try_from(form.len())) {
            (Some(inline), Ok(len)) => {
                inline.copy_from_slice(form);
                Key::Inline { len, bytes }
            }
            _ => Key::Boxed(form.into()),
        }
    }

    /// Whether the key holds `word`. Asked for nearly every word of every document, and nearly
    /// always of the word itself (the table compares a hash tag first): short keys are compared
    /// inline, a few machine words at a time, not through a call to `memcmp`.
    #[inline]
    pub(super) fn is(&self, word: &[u8]) -> bool {
        match self {
            Key::Inline { len, bytes } => {
                usize::from(*len) == word.len() && same_short(&bytes[..word.len()], word)
            }
            Key::Boxed(bytes) => **bytes == *word,
        }
    }

    pub(super) fn as_bytes(&self) -> &[u8] {
        match self {
            Key::Inline { len, bytes } => &bytes[..usize::from(*len)],
            Key::Boxed(bytes) => bytes,
        }
    }
}

/// Whether `a` and `b`, of the same length up to [`INLINE`], hold the same bytes: two or three
/// overlapping 8-byte loads each from 8 bytes on, two 4-byte ones from 4, bytes below.
#[inline]
fn same_short(a: &[u8], b: &[u8]) -> bool {
    debug_assert!(a.len() == b.len() && a.len() <= INLINE);
    let n = a.len();
    let u64_at = |s: &[u8], at: usize| s[at..].first_chunk().map(|c| u64::from_ne_bytes(*c));
    let u32_at = |s: &[u8], at: usize| s[at..].first_chunk().map(|c| u32::from_ne_bytes(*c));
    match n {
        8.. => {
            u64_at(a, 0) == u64_at(b, 0)
                && u64_at(a, n - 8) == u64_at(b, n - 8)
                && (n <= 16 || u64_at(a, 8) == u64_at(b, 8))
        }
        4.. => u32_at(a, 0) == u32_at(b, 0) && u32_at(a, n - 4) == u32_at(b, n - 4),
        _ => a.iter().zip(b).all(|(x, y)| x == y),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judges_each_word_once() {
        let verdicts = Verdicts::default();
        let calls = std::cell::Cell::new(0);
        let judge = |v: bool| {
            calls.set(calls.get() + 1);
            v
        };
        assert!(verdicts.get_or("kata", || judge(true)));
        assert!(verdicts.get_or("kata", || judge(false)));
        assert!(!verdicts.get_or("katta", || judge(false)));
        assert_eq!(calls.get(), 2);
        assert_eq!(verdicts.get("kata"), Some(true));
        assert_eq!(verdicts.get("katta"), Some(false));
        assert_eq!(verdicts.get("kat"), None);
    }

    #[test]
    fn short_and_long_forms_are_told_apart() {
        let verdicts = Verdicts::default();
        let long = "pertanggungjawabannyalah";
        assert!(long.len() > INLINE);
        assert!(verdicts.get_or(long, || true));
        assert!(!verdicts.get_or(&long[..INLINE], || false));
        assert!(!verdicts.get_or(&long[..INLINE + 1], || false));
        assert!(verdicts.get_or(long, || false));
        assert!(!verdicts.get_or(&long[..INLINE], || true));
    }

    #[test]
    fn keys_compare_byte_for_byte() {
        let word = b"pertanggungjawabannyalah";
        for n in 0..=word.len() {
            let key = Key::new(&word[..n]);
            assert!(key.is(&word[..n]), "{n}");
            for m in 0..=word.len() {
                assert_eq!(key.is(&word[..m]), m == n, "{n} against {m}");
            }
            for at in 0..n {
                let mut other = word[..n].to_vec();
                other[at] ^= 0x20;
                assert!(!key.is(&other), "{n}, byte {at} differs");
            }
        }
    }

    #[test]
    fn memory_stays_bounded() {
        let verdicts = Verdicts::default();
        for i in 0..SHARDS * SHARD_CAPACITY * 2 {
            verdicts.get_or(&i.to_string(), || true);
        }
        assert!(verdicts.len() <= SHARDS * SHARD_CAPACITY);
    }
}
