//! Phrase lists matched in one pass of one Aho-Corasick automaton, compiled in two tiers.
//!
//! A DFA scans several times faster than an NFA (about 300 against 70 MB/s on news text for the
//! 600 phrases of `nonstandard-word`) but takes three times as long to build, and lintas is often
//! asked about one short article, where building is all the cost. So a matcher starts with the NFA
//! and, once a run has searched enough text to show it is a corpus run, builds the DFA for the
//! same phrases on a background thread; searches use whichever is ready. A one-article run never
//! pays for a DFA, a corpus run switches to it after a few documents. Both automata give the same
//! matches; only their speed differs.
//!
//! A case-insensitive list is compiled in lower case and searched in the document's lower-case
//! copy (ASCII letters only, so every offset stays the same), made once per document for every
//! list: an automaton that folds case itself takes three to four times as long to build.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, BuildError, Match};

use crate::source::Document;

/// Searches on the NFA before the DFA is built: a few documents of a corpus; more than one
/// article's worth (each rule searches an article once or twice).
const SEARCHES_BEFORE_DFA: usize = 32;

pub struct PhraseMatcher {
    /// Compiled in lower case, searched in lower case (ASCII letters).
    ascii_case_insensitive: bool,
    nfa: AhoCorasick,
    dfa: Arc<OnceLock<AhoCorasick>>,
    /// What the DFA is built from, until its build starts.
    pending: Mutex<Option<(AhoCorasickBuilder, Vec<String>)>>,
    searches: AtomicUsize,
}

impl PhraseMatcher {
    /// Compile `patterns` with `builder`'s options (match kind; its `kind` and case folding are
    /// set here).
    pub fn new(
        builder: &AhoCorasickBuilder,
        mut patterns: Vec<String>,
        ascii_case_insensitive: bool,
    ) -> Result<Self, BuildError> {
        if ascii_case_insensitive {
            patterns.iter_mut().for_each(|p| p.make_ascii_lowercase());
        }
        let mut builder = builder.clone();
        builder.ascii_case_insensitive(false);
        let nfa = builder
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)?;
        builder.kind(Some(AhoCorasickKind::DFA));
        Ok(PhraseMatcher {
            ascii_case_insensitive,
            nfa,
            dfa: Arc::new(OnceLock::new()),
            pending: Mutex::new(Some((builder, patterns))),
            searches: AtomicUsize::new(0),
        })
    }

    /// Every match in the document's text, in order.
    pub fn find_in(&self, doc: &Document) -> Vec<Match> {
        if self.ascii_case_insensitive {
            let lower = doc.memo(|doc| AsciiLowercase(doc.text().to_ascii_lowercase()));
            self.automaton().find_iter(&lower.0).collect()
        } else {
            self.automaton().find_iter(doc.text()).collect()
        }
    }

    /// The first match in `haystack`.
    pub fn find(&self, haystack: &str) -> Option<Match> {
        if self.ascii_case_insensitive {
            self.automaton().find(&haystack.to_ascii_lowercase())
        } else {
            self.automaton().find(haystack)
        }
    }

    /// The automaton for one search: the DFA once built, the NFA until then. Counting the
    /// searches here is what starts the DFA's build.
    fn automaton(&self) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if self.searches.fetch_add(1, Ordering::Relaxed) + 1 == SEARCHES_BEFORE_DFA {
            self.build_dfa_in_background();
        }
        &self.nfa
    }

    fn build_dfa_in_background(&self) {
        let Some((builder, patterns)) = self
            .pending
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return;
        };
        let slot = Arc::clone(&self.dfa);
        // Without a thread (a sandbox that forbids them) the NFA serves the whole run.
        let _ = std::thread::Builder::new()
            .name("lintas-dfa".into())
            .spawn(move || {
                // A list too large for a DFA stays on its NFA.
                if let Ok(dfa) = builder.build(&patterns) {
                    let _ = slot.set(dfa);
                }
            });
    }
}

/// A document's text with ASCII letters in lower case: byte for byte the same length.
struct AsciiLowercase(String);

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::MatchKind;

    #[test]
    fn both_tiers_find_the_same_phrases_in_any_case() {
        let mut builder = AhoCorasickBuilder::new();
        builder.match_kind(MatchKind::LeftmostLongest);
        let patterns = vec!["nota".to_string(), "Nota Kesepahaman".into(), "MoU".into()];
        let matcher = PhraseMatcher::new(&builder, patterns, true).expect("compiles");
        let doc = Document::new(
            "t.txt",
            "Nota kesepahaman itu, MOU, dan nota lain — “Ä” tetap",
        );
        let spans = || -> Vec<(usize, usize, usize)> {
            matcher
                .find_in(&doc)
                .iter()
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect()
        };
        let first = spans();
        assert_eq!(first, vec![(1, 0, 16), (2, 22, 25), (0, 31, 35)]);
        assert_eq!(matcher.find("di NOTA").map(|m| m.start()), Some(3));
        assert!(matcher.dfa.get().is_none(), "a few searches build no DFA");
        for _ in 0..SEARCHES_BEFORE_DFA {
            assert_eq!(spans(), first);
        }
        for _ in 0..10_000 {
            if matcher.dfa.get().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(matcher.automaton().kind(), AhoCorasickKind::DFA);
        assert_eq!(spans(), first);
    }

    #[test]
    fn exact_case_when_asked() {
        let builder = AhoCorasickBuilder::new();
        let matcher =
            PhraseMatcher::new(&builder, vec!["Prabowo".into()], false).expect("compiles");
        assert!(matcher.find("prabowo").is_none());
        assert_eq!(matcher.find("Presiden Prabowo").map(|m| m.start()), Some(9));
    }
}
