//! Verdicts already given on words, so that an expensive judgement (Hunspell, the spelling rule's
//! whole analysis) is made once per distinct word form in a run and every repeat is a lookup.
//!
//! Shared by all threads and sharded so they rarely wait on each other. A shard that grows past
//! its bound starts afresh, which keeps memory flat on any corpus.
//!
//! Every word of every document is looked up here, so the maps hash with foldhash: SipHash, the
//! standard library's default, was a tenth of the whole run on news text. Its protection against
//! flooding buys nothing here: the worst a crafted text can do is make one run slower.

use std::hash::BuildHasher;
use std::sync::{PoisonError, RwLock};

use foldhash::HashMap;
use foldhash::fast::RandomState;

const SHARDS: usize = 16;
const SHARD_CAPACITY: usize = 16 << 10;

/// Verdicts of type `V` (a yes or no, a word's language) on word forms.
pub struct Verdicts<V = bool> {
    shards: Vec<RwLock<HashMap<Box<str>, V>>>,
    hasher: RandomState,
}

impl<V> Default for Verdicts<V> {
    fn default() -> Self {
        Verdicts {
            shards: (0..SHARDS).map(|_| RwLock::default()).collect(),
            hasher: RandomState::default(),
        }
    }
}

impl<V: Copy> Verdicts<V> {
    /// The verdict on `word`, from memory or from `judge`.
    pub fn get_or(&self, word: &str, judge: impl FnOnce() -> V) -> V {
        let shard = &self.shards[(self.hasher.hash_one(word) as usize) % SHARDS];
        if let Some(&verdict) = shard
            .read()
            .unwrap_or_else(PoisonError::into_inner)
            .get(word)
        {
            return verdict;
        }
        let verdict = judge();
        let mut map = shard.write().unwrap_or_else(PoisonError::into_inner);
        if map.len() >= SHARD_CAPACITY {
            map.clear();
        }
        map.insert(word.into(), verdict);
        verdict
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
    }

    #[test]
    fn memory_stays_bounded() {
        let verdicts = Verdicts::default();
        for i in 0..SHARDS * SHARD_CAPACITY * 2 {
            verdicts.get_or(&i.to_string(), || true);
        }
        let held: usize = verdicts
            .shards
            .iter()
            .map(|s| s.read().expect("not poisoned").len())
            .sum();
        assert!(held <= SHARDS * SHARD_CAPACITY);
    }
}
