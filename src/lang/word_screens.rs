//! Which words of a document each reader needs to look at, screened once for all the readers.
//!
//! Several readers turn away nearly every word by its form's verdict: a phrase list, whether a
//! phrase can start with the form (four lists run by default: non-standard words, calques,
//! institution names, English terms); `spelling`, whether the form passes without a closer look;
//! `capitalization`, whether any of its lists holds the form; `untranslated`, whether the form is
//! an English content word; `term-consistency`, whether it heads an institution's name. Each used
//! to read a verdict for every form of a document and then for every word. Here each reader has a
//! slot, a form's verdicts for all of them sit in one word of memory for the run, and a
//! document's words are screened once: a reader then goes through only the words some reader
//! needs to look at, or every word of a document holding forms it has not judged yet.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, OnceLock};

use super::form_ids::{FormCache, FormCells};
use crate::source::{Document, WordForms, WordUse};

/// Readers that get a slot. Readers made after them (a test process makes hundreds) judge their
/// forms alone, as every reader did before.
const SLOTS: u32 = 32;

static NEXT_SLOT: AtomicU32 = AtomicU32::new(0);

/// Per form number: the low half says which slots have judged the form, the high half which of
/// those need to look at it.
static VERDICTS: LazyLock<FormCells<AtomicU64>> = LazyLock::new(FormCells::default);

/// A reader's screen: which words of a document it needs to look at.
#[derive(Default)]
pub struct WordScreen {
    /// The reader's place in the run's table, taken when it first reads a document.
    slot: OnceLock<Option<Slot>>,
    /// Its own verdicts, when it found no slot left.
    own: FormCache<bool>,
}

impl WordScreen {
    /// The indexes, among `doc`'s word uses and in order, of the words whose form `needs_look`
    /// says yes to. `needs_look` is asked once per form in the run.
    pub fn words(&self, doc: &Document, needs_look: impl Fn(&str) -> bool) -> Vec<usize> {
        let forms = doc.word_forms();
        let text = doc.text();
        if let Some(slot) = *self.slot.get_or_init(Slot::take) {
            let screened = ScreenedWords::of(doc);
            if screened.covers(slot) {
                return screened.for_slot(slot, forms, text, needs_look);
            }
        }
        let verdicts = forms.judge_each_cached(text, &self.own, needs_look);
        (forms.uses().iter().enumerate())
            .filter_map(|(i, &word)| verdicts.of_use(word).then_some(i))
            .collect()
    }
}

/// A reader's place among the run's readers.
#[derive(Clone, Copy, Debug)]
struct Slot(u32);

impl Slot {
    /// The next free slot, if any is left.
    fn take() -> Option<Slot> {
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

/// The words of one document that some reader needs to look at, each with its index among the
/// word uses and its form's verdicts as they stood when the document was screened.
struct ScreenedWords {
    /// The slots taken when the document was screened: a reader that took one later was not
    /// screened for.
    slots: u32,
    /// The slots that had not judged some form of the document: such a reader goes through
    /// every word. Keeping those words for everyone instead would keep nearly all of them
    /// while one reader that runs on few documents (English terms) had judged few forms.
    unjudged: u64,
    words: Vec<(u32, u64)>,
}

impl ScreenedWords {
    /// The screened words of `doc`, screened on first use.
    fn of(doc: &Document) -> Arc<ScreenedWords> {
        doc.memo(|doc| ScreenedWords::new(doc.word_forms()))
    }

    fn new(forms: &WordForms) -> ScreenedWords {
        let slots = NEXT_SLOT.load(Ordering::Relaxed).min(SLOTS);
        let all_slots = (1u64 << slots) - 1;
        let mut unjudged = 0;
        let verdicts: Vec<u64> = (forms.numbers().iter())
            .map(|id| {
                let verdict = id.map_or(0, |id| VERDICTS.get(id).load(Ordering::Relaxed));
                unjudged |= !verdict & all_slots;
                verdict
            })
            .collect();
        // A word is kept where some slot said yes.
        let words = (forms.uses().iter().enumerate())
            .filter_map(|(i, word)| {
                let verdict = verdicts[word.form as usize];
                (verdict >> 32 & all_slots != 0).then_some((i as u32, verdict))
            })
            .collect();
        ScreenedWords {
            slots,
            unjudged,
            words,
        }
    }

    /// Whether this screening covers `slot`.
    fn covers(&self, slot: Slot) -> bool {
        slot.0 < self.slots
    }

    /// The words `slot` needs to look at: `needs_look` is asked of a form the slot has not judged
    /// yet, and its verdict kept for the run.
    fn for_slot(
        &self,
        slot: Slot,
        forms: &WordForms,
        text: &str,
        needs_look: impl Fn(&str) -> bool,
    ) -> Vec<usize> {
        let uses = forms.uses();
        if self.unjudged & slot.judged() != 0 {
            return (uses.iter().enumerate())
                .filter_map(|(i, &word)| judge(slot, forms, text, word, &needs_look).then_some(i))
                .collect();
        }
        (self.words.iter())
            .filter_map(|&(i, verdict)| (verdict & slot.says_yes() != 0).then_some(i as usize))
            .collect()
    }
}

/// `needs_look` on the form of `word`, kept under its number for the run.
fn judge(
    slot: Slot,
    forms: &WordForms,
    text: &str,
    word: WordUse,
    needs_look: impl Fn(&str) -> bool,
) -> bool {
    let form = word.form as usize;
    let Some(id) = forms.numbers()[form] else {
        return needs_look(forms.text(text, form));
    };
    let cell = VERDICTS.get(id);
    let verdict = cell.load(Ordering::Relaxed);
    if verdict & slot.judged() != 0 {
        return verdict & slot.says_yes() != 0;
    }
    let yes = needs_look(forms.text(text, form));
    // Another slot's bits may be set meanwhile: an `or` keeps them.
    cell.fetch_or(
        slot.judged() | if yes { slot.says_yes() } else { 0 },
        Ordering::Relaxed,
    );
    yes
}
