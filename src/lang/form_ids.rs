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
//!
//! Each thread keeps the numbers it has asked for, and tells a document's distinct forms apart in
//! the same table ([`FormIds::number_document`]): one lookup per word token gives both the form's
//! place in the document and its number. Two tables, one per document to find its distinct forms
//! and one per thread to number them, were a seventh of a run.

use std::cell::RefCell;
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU8, AtomicU32, Ordering};
use std::sync::{LazyLock, OnceLock};

use foldhash::fast::RandomState;
use hashbrown::HashTable;

use super::verdicts::{Key, Verdicts};

/// How many forms a run numbers at most: a verdict cache is one byte per number, allocated a
/// chunk at a time as numbers are used.
pub const MAX_IDS: usize = 1 << 20;

/// Numbers given to forms, run-wide.
pub struct FormIds {
    numbers: Verdicts<u32>,
    next: AtomicU32,
}

/// How many forms a thread keeps before it starts afresh (at the next document): its table then
/// holds about 10 MB.
const THREAD_CAPACITY: usize = 1 << 17;

thread_local! {
    static THREAD_FORMS: RefCell<ThreadForms> = RefCell::new(ThreadForms::default());
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

    /// Runs `number` with a [`DocumentForms`] that tells the distinct forms of one document
    /// apart and numbers them.
    pub fn number_document<R>(&'static self, number: impl FnOnce(&mut DocumentForms) -> R) -> R {
        THREAD_FORMS.with_borrow_mut(|forms| {
            forms.start_document();
            number(&mut DocumentForms {
                forms,
                ids: self,
                next: 0,
            })
        })
    }

    /// The run-wide number of `word`, giving it the next one if it has none; `NO_ID` once the
    /// run has given out every number.
    fn shared(&self, word: &[u8]) -> u32 {
        self.numbers.get_or_bytes(word, || {
            // Checked before adding, so the counter stops near the bound and never wraps.
            if self.next.load(Ordering::Relaxed) as usize >= MAX_IDS {
                return NO_ID;
            }
            self.next.fetch_add(1, Ordering::Relaxed)
        })
    }
}

/// The number of a form met after the run gave out every number.
const NO_ID: u32 = u32::MAX;

/// The forms one thread has met, each with its run-wide number and its place in the document
/// that used it last: no lock to take, for a lookup made for every word of every document.
///
/// A number kept after the shared table renumbered its form stays right: numbers are never given
/// twice, and the verdicts under the old one stay true.
#[derive(Default)]
struct ThreadForms {
    entries: HashTable<(Key, Seen)>,
    hasher: RandomState,
    /// The document being numbered, counted from 1 (0 is no document).
    document: u32,
}

#[derive(Clone, Copy)]
struct Seen {
    id: u32,
    /// The last document that used the form, and the form's index among that document's.
    document: u32,
    index: u32,
}

impl ThreadForms {
    /// A full table starts afresh between documents, never within one: a form's index must last
    /// its document.
    fn start_document(&mut self) {
        if self.entries.len() >= THREAD_CAPACITY || self.document == u32::MAX {
            self.entries.clear();
            self.document = 0;
        }
        self.document += 1;
    }
}

/// The distinct forms of one document, as [`FormIds::number_document`] meets them.
pub struct DocumentForms<'t> {
    forms: &'t mut ThreadForms,
    ids: &'static FormIds,
    /// The index the next new form gets.
    next: u32,
}

/// A word form as a document uses it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormUse {
    /// Used before in the document: the form's index among its forms.
    Again(u32),
    /// First used here: it takes the next index, and has this run-wide number, if any.
    First(Option<u32>),
}

impl DocumentForms<'_> {
    /// How the document uses `word` (as written) here. Indexes are given in order of first use.
    /// Inlined into the loop over a document's words, of which it is nearly all the work.
    #[inline(always)]
    pub fn use_of(&mut self, word: &[u8]) -> FormUse {
        let forms = &mut *self.forms;
        let hash = forms.hasher.hash_one(word);
        let document = forms.document;
        if let Some((_, seen)) = forms.entries.find_mut(hash, |(key, _)| key.is(word)) {
            if seen.document == document {
                return FormUse::Again(seen.index);
            }
            seen.document = document;
            seen.index = self.next;
            self.next += 1;
            return FormUse::First(some_id(seen.id));
        }
        let id = self.ids.shared(word);
        let seen = Seen {
            id,
            document,
            index: self.next,
        };
        self.next += 1;
        let hasher = &forms.hasher;
        forms
            .entries
            .insert_unique(hash, (Key::new(word), seen), |(key, _)| {
                hasher.hash_one(key.as_bytes())
            });
        FormUse::First(some_id(id))
    }
}

fn some_id(id: u32) -> Option<u32> {
    ((id as usize) < MAX_IDS).then_some(id)
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

/// Forms numbered per chunk of a table.
const CHUNK: usize = 1 << 12;
/// Chunks in a table, enough for every number.
const CHUNKS: usize = MAX_IDS / CHUNK;

/// One cell per form number, for the whole run and every thread, allocated a chunk at a time as
/// numbers are used.
pub struct FormCells<A> {
    chunks: Box<[OnceLock<Box<[A; CHUNK]>>; CHUNKS]>,
}

impl<A> Default for FormCells<A> {
    fn default() -> Self {
        FormCells {
            chunks: Box::new(std::array::from_fn(|_| OnceLock::new())),
        }
    }
}

impl<A: Default> FormCells<A> {
    /// The cell of form number `id`. Inlined into the loops over a document's forms, of which it
    /// is nearly all the work.
    #[inline(always)]
    pub fn get(&self, id: u32) -> &A {
        // Numbers stay below `MAX_IDS`: the modulo changes nothing but lets the compiler drop the
        // bounds check, in a lookup made for every form of every document by several rules.
        let id = id as usize % MAX_IDS;
        let chunk = match self.chunks[id / CHUNK].get() {
            Some(chunk) => chunk,
            None => self.chunks[id / CHUNK].get_or_init(Self::new_chunk),
        };
        &chunk[id % CHUNK]
    }

    #[cold]
    fn new_chunk() -> Box<[A; CHUNK]> {
        Box::new(std::array::from_fn(|_| A::default()))
    }
}

/// One verdict of type `V` per form number, for the whole run and every thread.
pub struct FormCache<V> {
    /// Each cell holds the verdict's byte plus one, or 0 while the form is unjudged.
    cells: FormCells<AtomicU8>,
    verdict: std::marker::PhantomData<V>,
}

impl<V> Default for FormCache<V> {
    fn default() -> Self {
        FormCache {
            cells: FormCells::default(),
            verdict: std::marker::PhantomData,
        }
    }
}

impl<V: ByteVerdict> FormCache<V> {
    /// The verdict on form number `id`, from memory or from `judge`.
    #[inline(always)]
    pub fn get_or(&self, id: u32, judge: impl FnOnce() -> V) -> V {
        let cell = self.cells.get(id);
        // Relaxed: a verdict depends on the form alone, so racing threads store the same byte.
        match cell.load(Ordering::Relaxed) {
            0 => {
                let verdict = judge();
                cell.store(verdict.to_byte() + 1, Ordering::Relaxed);
                verdict
            }
            byte => V::from_byte(byte - 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The uses of `words` in one document.
    fn uses(words: &[&str]) -> Vec<FormUse> {
        FormIds::global()
            .number_document(|doc| words.iter().map(|w| doc.use_of(w.as_bytes())).collect())
    }

    fn number(used: FormUse) -> u32 {
        match used {
            FormUse::First(Some(id)) => id,
            other => panic!("not a first use with a number: {other:?}"),
        }
    }

    #[test]
    fn a_document_tells_its_forms_apart_and_the_run_numbers_them() {
        let first = uses(&[
            "lintas-uji-a",
            "lintas-uji-b",
            "lintas-uji-a",
            "Lintas-uji-a",
        ]);
        let [a, b, again, c] = first[..] else {
            panic!("four uses: {first:?}")
        };
        let (a, b, c) = (number(a), number(b), number(c));
        assert_eq!(again, FormUse::Again(0));
        assert!(
            a != b && c != a && c != b,
            "forms are told apart as written"
        );
        let second = uses(&["lintas-uji-b", "lintas-uji-a", "lintas-uji-b"]);
        assert_eq!(
            second,
            [first[1], first[0], FormUse::Again(0)],
            "a new document indexes its forms afresh and keeps their numbers"
        );
    }

    /// Each thread keeps the numbers it asked for: the same ones every other thread gets.
    #[test]
    fn threads_agree_on_numbers() {
        let words = ["lintas-uji-c", "lintas-uji-d", "lintas-uji-e"];
        let here: Vec<u32> = uses(&words).into_iter().map(number).collect();
        let there = std::thread::spawn(move || {
            let mut reversed = words;
            reversed.reverse();
            uses(&reversed).into_iter().map(number).collect::<Vec<_>>()
        })
        .join()
        .expect("the thread ran");
        assert_eq!(here, there.into_iter().rev().collect::<Vec<_>>());
    }

    /// A full table starts afresh at the next document, and its forms keep their numbers.
    #[test]
    fn a_thread_forgets_between_documents_only() {
        std::thread::spawn(|| {
            let kept = number(uses(&["lintas-uji-f"])[0]);
            let many: Vec<String> = (0..THREAD_CAPACITY)
                .map(|i| format!("lintas-uji-{i}"))
                .collect();
            let mut in_one: Vec<&str> = many.iter().map(String::as_str).collect();
            in_one.push("lintas-uji-f");
            in_one.push("lintas-uji-f");
            let used = uses(&in_one);
            assert_eq!(used[THREAD_CAPACITY], FormUse::First(Some(kept)));
            assert_eq!(
                used[THREAD_CAPACITY + 1],
                FormUse::Again(THREAD_CAPACITY as u32),
                "not forgotten within a document"
            );
            THREAD_FORMS.with_borrow(|forms| assert!(forms.entries.len() > THREAD_CAPACITY));
            assert_eq!(uses(&["lintas-uji-f"]), [FormUse::First(Some(kept))]);
            THREAD_FORMS.with_borrow(|forms| assert_eq!(forms.entries.len(), 1, "forgotten after"));
        })
        .join()
        .expect("the thread ran");
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
