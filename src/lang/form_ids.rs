//! Run-wide numbers for word forms, and verdicts kept by number.
//!
//! Several rules judge every distinct form of every document by its text alone: whether a phrase
//! list can start with it (five lists), whether the dictionary accepts it, which language it is,
//! whether a list of names holds it. Asked through a hash map each, or by walking a trie, that was
//! a fifth of a run on news text. Numbered once per document form in a run-wide table, a form's
//! verdicts are then array loads, shared by all threads.
//!
//! Memory stays flat: numbers run up to [`MAX_IDS`], and a form met after that has none, so its
//! verdicts are judged afresh at each document, as before any caching. The table of numbers is a
//! [`Verdicts`] map, which starts a full shard afresh: a form numbered again gets a new number, and
//! the verdicts under its old one stay true.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};
use std::sync::{LazyLock, OnceLock};

use super::verdicts::{LocalVerdicts, Verdicts};

/// How many forms a run numbers at most: a verdict cache is one byte per number, allocated a
/// chunk at a time as numbers are used.
pub const MAX_IDS: usize = 1 << 20;

/// Numbers given to forms, run-wide.
pub struct FormIds {
    numbers: Verdicts<u32>,
    next: AtomicU32,
}

/// How many numbers a thread keeps for itself: its table then holds at most about 9 MB.
const LOCAL_CAPACITY: usize = 1 << 17;

thread_local! {
    static LOCAL_NUMBERS: RefCell<LocalVerdicts<u32>> =
        RefCell::new(LocalVerdicts::new(LOCAL_CAPACITY));
}

static IDS: LazyLock<FormIds> = LazyLock::new(|| FormIds {
    numbers: Verdicts::default(),
    next: AtomicU32::new(0),
});

impl FormIds {
    /// The run's numbers.
    pub fn global() -> &'static FormIds {
        &IDS
    }

    /// The number of `word` as written, or `None` once the run has given out every number.
    ///
    /// Each thread keeps the numbers it has asked for: most forms recur from document to
    /// document, and the shared table's lock, taken for each form of each document, cost more
    /// than the lookup. A number kept after the shared table renumbered its form stays right:
    /// numbers are never given twice, and the verdicts under the old one stay true.
    pub fn of(&self, word: &str) -> Option<u32> {
        let id = LOCAL_NUMBERS.with_borrow_mut(|local| {
            local.get_or(word, || {
                self.numbers.get_or(word, || {
                    // Checked before adding, so the counter stops near the bound and never
                    // wraps.
                    if self.next.load(Ordering::Relaxed) as usize >= MAX_IDS {
                        return u32::MAX;
                    }
                    self.next.fetch_add(1, Ordering::Relaxed)
                })
            })
        });
        ((id as usize) < MAX_IDS).then_some(id)
    }
}

/// A verdict that fits in a byte, as kept in a [`FormCache`].
pub trait ByteVerdict: Copy {
    fn to_byte(self) -> u8;
    fn from_byte(byte: u8) -> Self;
}

impl ByteVerdict for bool {
    fn to_byte(self) -> u8 {
        u8::from(self)
    }

    fn from_byte(byte: u8) -> Self {
        byte != 0
    }
}

/// Forms numbered per chunk of the cache.
const CHUNK: usize = 1 << 12;

/// One verdict of type `V` per form number, for the whole run and every thread.
pub struct FormCache<V> {
    /// Each entry holds the verdict's byte plus one, or 0 while the form is unjudged.
    chunks: Box<[OnceLock<Box<[AtomicU8]>>]>,
    verdict: std::marker::PhantomData<V>,
}

impl<V> Default for FormCache<V> {
    fn default() -> Self {
        FormCache {
            chunks: (0..MAX_IDS / CHUNK).map(|_| OnceLock::new()).collect(),
            verdict: std::marker::PhantomData,
        }
    }
}

impl<V: ByteVerdict> FormCache<V> {
    /// The verdict on form number `id`, from memory or from `judge`. Inlined into the loop over
    /// a document's forms, of which it is nearly all the work.
    #[inline(always)]
    pub fn get_or(&self, id: u32, judge: impl FnOnce() -> V) -> V {
        let id = id as usize;
        let chunk = match self.chunks[id / CHUNK].get() {
            Some(chunk) => chunk,
            None => self.chunks[id / CHUNK].get_or_init(Self::new_chunk),
        };
        let slot = &chunk[id % CHUNK];
        // Relaxed: a verdict depends on the form alone, so racing threads store the same byte.
        match slot.load(Ordering::Relaxed) {
            0 => {
                let verdict = judge();
                slot.store(verdict.to_byte() + 1, Ordering::Relaxed);
                verdict
            }
            byte => V::from_byte(byte - 1),
        }
    }

    #[cold]
    fn new_chunk() -> Box<[AtomicU8]> {
        (0..CHUNK).map(|_| AtomicU8::new(0)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_keeps_its_number_and_others_get_theirs() {
        let ids = FormIds::global();
        let a = ids.of("lintas-uji-a").expect("a number");
        let b = ids.of("lintas-uji-b").expect("a number");
        assert_ne!(a, b);
        assert_eq!(ids.of("lintas-uji-a"), Some(a));
        assert_ne!(
            ids.of("Lintas-uji-a"),
            Some(a),
            "forms are numbered as written"
        );
    }

    /// Each thread keeps the numbers it asked for: the same ones every other thread gets.
    #[test]
    fn threads_agree_on_numbers() {
        let words = ["lintas-uji-c", "lintas-uji-d", "lintas-uji-e"];
        let here: Vec<Option<u32>> = words.iter().map(|w| FormIds::global().of(w)).collect();
        let there = std::thread::spawn(move || {
            words
                .iter()
                .rev()
                .map(|w| FormIds::global().of(w))
                .collect::<Vec<_>>()
        })
        .join()
        .expect("the thread ran");
        assert!(here.iter().all(Option::is_some));
        assert_eq!(here, there.into_iter().rev().collect::<Vec<_>>());
    }

    #[test]
    fn verdicts_are_judged_once_per_number() {
        let cache = FormCache::<bool>::default();
        let calls = std::cell::Cell::new(0);
        let judge = |v: bool| {
            calls.set(calls.get() + 1);
            v
        };
        assert!(cache.get_or(7, || judge(true)));
        assert!(cache.get_or(7, || judge(false)));
        assert!(!cache.get_or(CHUNK as u32 + 7, || judge(false)));
        assert!(!cache.get_or(CHUNK as u32 + 7, || judge(true)));
        assert!(cache.get_or((MAX_IDS - 1) as u32, || judge(true)));
        assert_eq!(calls.get(), 3);
    }
}
