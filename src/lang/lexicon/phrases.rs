//! The phrase lists of a run: registered as the rules are built, so that the lexicon keeps, for
//! each word form, which lists a phrase may start with it, and a document's search walks a list's
//! trie only at those words.

use std::sync::{Arc, Mutex, PoisonError};

use super::Words;
use crate::lang::matcher::{PhraseMatch, PhraseMatcher};
use crate::source::Document;

/// How many lists the lexicon keeps a verdict for: a bit each in a form's verdict.
pub const MAX_LISTS: usize = 64;

/// The phrase lists of one run, numbered as they are registered: the lexicon built after them
/// keeps, for each word form, which of them a phrase may start with.
#[derive(Default)]
pub struct PhraseLists(Mutex<Vec<Arc<PhraseMatcher>>>);

impl PhraseLists {
    /// Register `matcher` as one of the run's lists. Rules build theirs in parallel, so this
    /// takes `&self`.
    pub fn add(&self, matcher: PhraseMatcher) -> PhraseList {
        let matcher = Arc::new(matcher);
        let mut lists = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let index = (lists.len() < MAX_LISTS).then(|| {
            lists.push(Arc::clone(&matcher));
            lists.len() - 1
        });
        PhraseList { matcher, index }
    }

    /// The registered lists, in order: bit `i` of a form's verdict is list `i`'s.
    pub fn into_matchers(self) -> Vec<Arc<PhraseMatcher>> {
        self.0.into_inner().unwrap_or_else(PoisonError::into_inner)
    }
}

/// A registered phrase list.
#[derive(Clone)]
pub struct PhraseList {
    matcher: Arc<PhraseMatcher>,
    /// Its number among the run's lists; `None` past [`MAX_LISTS`], when each of its searches
    /// asks every form of the document.
    index: Option<usize>,
}

impl PhraseList {
    /// The phrases starting where the document's words start, longest first at each start;
    /// after a match the search goes on from its end, so matches never overlap.
    pub fn find_in(&self, doc: &Document, words: &Words) -> Vec<PhraseMatch> {
        let text = doc.text().as_bytes();
        let tokens = doc.tokens();
        let mut found = Vec::new();
        let mut resume = 0;
        // Every phrase starts with a letter, so only at a word (never inside an address, which
        // every reader of a list rejects), and only at one whose form a phrase may start with.
        for i in self.starts_in(doc, words) {
            let start = tokens[words.uses()[i].token as usize].start;
            if start < resume {
                continue;
            }
            if let Some(m) = self.matcher.longest_at(text, start) {
                resume = m.span.end;
                found.push(m);
            }
        }
        found
    }

    /// The words of a document a phrase of this list may start with, in order, as indexes into
    /// the words' uses.
    pub fn starts_in<'w>(
        &'w self,
        doc: &'w Document,
        words: &'w Words,
    ) -> impl Iterator<Item = usize> + 'w {
        let text = doc.text();
        let (listed, unlisted) = match self.index {
            Some(index) => (Some(words.starting_phrases(index)), None),
            None => (None, Some(0..words.uses().len())),
        };
        let starts = move |&i: &usize| {
            let word = words.text_of(text, words.uses()[i]);
            self.matcher.may_start_with(word.as_bytes())
        };
        (listed.into_iter().flatten()).chain(unlisted.into_iter().flatten().filter(starts))
    }

    pub fn matcher(&self) -> &PhraseMatcher {
        &self.matcher
    }
}
