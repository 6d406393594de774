//! Which words of a document may start a phrase, for every phrase list of the run at once.
//!
//! A phrase list turns away nearly every word by its form's verdict: whether a phrase of the list
//! can start with it. Four lists run on each document by default (non-standard words, calques,
//! institution names, English terms), and each used to read a verdict for every form and then for
//! every word of the document. Here each list has a slot, a form's verdicts for all of them sit in
//! one word of memory for the run, and a document's words are screened once for all of them: a
//! list then reads only the words that may start a phrase of some list (3% fewer instructions in
//! a run on news text).

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};

use super::form_ids::FormCells;
use crate::source::{Document, WordForms, WordUse};

/// Lists that get a slot. Lists made after them (a test process makes hundreds) judge their forms
/// alone, as every list did before.
const SLOTS: u32 = 32;

static NEXT_SLOT: AtomicU32 = AtomicU32::new(0);

/// Per form number: the low half says which slots have judged the form, the high half which of
/// those said a phrase may start with it.
static VERDICTS: LazyLock<FormCells<AtomicU64>> = LazyLock::new(FormCells::default);

/// A phrase list's place among the run's lists.
#[derive(Clone, Copy, Debug)]
pub struct Slot(u32);

impl Slot {
    /// The next free slot, if any is left.
    pub fn take() -> Option<Slot> {
        NEXT_SLOT
            .fetch_update(Ordering::Relaxed, Ordering::Relaxed, |next| {
                (next < SLOTS).then_some(next + 1)
            })
            .ok()
            .map(Slot)
    }

    fn judged(self) -> u64 {
        1 << self.0
    }

    fn says_yes(self) -> u64 {
        1 << (32 + self.0)
    }
}

/// The words of one document that may start a phrase of some list, each with its form's verdicts
/// as they stood when the document was screened.
pub struct StartCandidates {
    /// The slots taken when the document was screened: a list made later was not screened for.
    slots: u32,
    words: Vec<(WordUse, u64)>,
}

impl StartCandidates {
    /// The candidates of `doc`, screened on first use.
    pub fn of(doc: &Document) -> Arc<StartCandidates> {
        doc.memo(|doc| StartCandidates::new(doc.word_forms()))
    }

    fn new(forms: &WordForms) -> StartCandidates {
        let slots = NEXT_SLOT.load(Ordering::Relaxed).min(SLOTS);
        let all_judged = (1u64 << slots) - 1;
        let verdicts: Vec<u64> = forms
            .numbers()
            .iter()
            .map(|id| id.map_or(0, |id| VERDICTS.get(id).load(Ordering::Relaxed)))
            .collect();
        // A word is a candidate where some slot said yes, or has not judged its form yet.
        let words = forms
            .uses()
            .iter()
            .filter_map(|&word| {
                let verdict = verdicts[word.form as usize];
                let open = (verdict >> 32 | !verdict) & all_judged;
                (open != 0).then_some((word, verdict))
            })
            .collect();
        StartCandidates { slots, words }
    }

    /// Whether this screening covers `slot`'s list.
    pub fn covers(&self, slot: Slot) -> bool {
        slot.0 < self.slots
    }

    /// The words at which a phrase of `slot`'s list may start, in order: `may_start` is asked of
    /// a form the slot has not judged yet, and its verdict kept for the run.
    pub fn for_slot<'a>(
        &'a self,
        slot: Slot,
        forms: &'a WordForms,
        text: &'a str,
        may_start: impl Fn(&[u8]) -> bool + 'a,
    ) -> impl Iterator<Item = WordUse> + 'a {
        self.words.iter().filter_map(move |&(word, verdict)| {
            let yes = if verdict & slot.judged() != 0 {
                verdict & slot.says_yes() != 0
            } else {
                judge(slot, forms, text, word, &may_start)
            };
            yes.then_some(word)
        })
    }
}

/// `may_start` on the form of `word`, kept under its number for the run.
#[cold]
fn judge(
    slot: Slot,
    forms: &WordForms,
    text: &str,
    word: WordUse,
    may_start: impl Fn(&[u8]) -> bool,
) -> bool {
    let form = word.form as usize;
    let Some(id) = forms.numbers()[form] else {
        return may_start(forms.text(text, form).as_bytes());
    };
    let cell = VERDICTS.get(id);
    let verdict = cell.load(Ordering::Relaxed);
    if verdict & slot.judged() != 0 {
        return verdict & slot.says_yes() != 0;
    }
    let yes = may_start(forms.text(text, form).as_bytes());
    // Another slot's bits may be set meanwhile: an `or` keeps them.
    cell.fetch_or(
        slot.judged() | if yes { slot.says_yes() } else { 0 },
        Ordering::Relaxed,
    );
    yes
}
