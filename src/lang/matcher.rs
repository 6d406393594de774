//! Phrase lists matched in one pass of one Aho-Corasick automaton, compiled in two tiers.
//!
//! A DFA scans several times faster than an NFA (about 300 against 70 MB/s on news text for the
//! 600 phrases of `nonstandard-word`) but takes three times as long to build, and lintas is often
//! asked about one short article, where building is all the cost. So a matcher starts with the NFA
//! and, once a run has searched enough text to show it is a corpus run, builds the DFA for the
//! same phrases on a background thread; searches use whichever is ready. A one-article run never
//! pays for a DFA, a corpus run switches to it after a few documents. Both automata give the same
//! matches; only their speed differs.

use std::ops::Deref;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock, PoisonError};

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, BuildError};

/// Searches on the NFA before the DFA is built: a few documents of a corpus; more than one
/// article's worth (each rule searches an article once or twice).
const SEARCHES_BEFORE_DFA: usize = 32;

pub struct PhraseMatcher {
    nfa: AhoCorasick,
    dfa: Arc<OnceLock<AhoCorasick>>,
    /// What the DFA is built from, until its build starts.
    pending: Mutex<Option<(AhoCorasickBuilder, Vec<String>)>>,
    searches: AtomicUsize,
}

impl PhraseMatcher {
    /// Compile `patterns` with `builder`'s options (case, match kind; its `kind` is ignored).
    pub fn new(builder: &AhoCorasickBuilder, patterns: Vec<String>) -> Result<Self, BuildError> {
        let mut builder = builder.clone();
        let nfa = builder
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)?;
        builder.kind(Some(AhoCorasickKind::DFA));
        Ok(PhraseMatcher {
            nfa,
            dfa: Arc::new(OnceLock::new()),
            pending: Mutex::new(Some((builder, patterns))),
            searches: AtomicUsize::new(0),
        })
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

impl Deref for PhraseMatcher {
    type Target = AhoCorasick;

    /// The automaton for one search: the DFA once built, the NFA until then. Counting the
    /// searches here is what starts the DFA's build.
    fn deref(&self) -> &AhoCorasick {
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if self.searches.fetch_add(1, Ordering::Relaxed) + 1 == SEARCHES_BEFORE_DFA {
            self.build_dfa_in_background();
        }
        &self.nfa
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::MatchKind;

    #[test]
    fn both_tiers_find_the_same_phrases() {
        let mut builder = AhoCorasickBuilder::new();
        builder
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest);
        let patterns = vec!["nota".to_string(), "nota kesepahaman".into(), "mou".into()];
        let matcher = PhraseMatcher::new(&builder, patterns).expect("compiles");
        let text = "Nota Kesepahaman itu, MoU, dan nota lain";
        let spans = |ac: &AhoCorasick| -> Vec<(usize, usize, usize)> {
            ac.find_iter(text)
                .map(|m| (m.pattern().as_usize(), m.start(), m.end()))
                .collect()
        };
        let first = spans(&matcher);
        assert_eq!(first, vec![(1, 0, 16), (2, 22, 25), (0, 31, 35)]);
        assert!(matcher.dfa.get().is_none(), "one search builds no DFA");
        for _ in 1..SEARCHES_BEFORE_DFA {
            assert_eq!(spans(&matcher), first);
        }
        for _ in 0..10_000 {
            if matcher.dfa.get().is_some() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
        assert_eq!(matcher.kind(), AhoCorasickKind::DFA);
        assert_eq!(spans(&matcher), first);
    }
}
