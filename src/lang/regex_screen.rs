//! A screen that tells, before a regex runs over a document, whether the document can hold a match.
//!
//! A data rule's regexes (and a newsroom's own) run over every document's whole text, and their
//! own prefilters stop often: the literal a regex can start with is a comma, a `di` or the start
//! of a line. Yet nearly every such regex needs a rarer word somewhere in each match (`baik`,
//! `mana`), and most documents hold none of them. So the literals every match contains are found
//! once (see [`super::regex_literals`]: for the shipped regexes by `build.rs`); a document holding
//! none of them is skipped without running the regex, and a regex no document has needed yet is
//! not compiled (compiling them all was most of a one-article run's start-up).
//!
//! The search ignores case by searching a copy of the text in ASCII lower case, made once per
//! document and shared by every screen, for literals stored in lower case: an Aho-Corasick search
//! that folds case itself cannot use its fast prefilters (it falls back to a few frequent bytes),
//! and measured dearer than the regexes it was to spare.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;
use regex::Regex;

use super::regex_literals::{Needed, needed};
use crate::source::Document;

/// Which documents a regex needs to run on.
pub struct RegexScreen {
    /// `None` when the regex has no needed literal and runs on every document.
    needles: Option<Needles>,
}

/// What a document must hold for a regex to run.
struct Needles {
    /// Any of the needed literals, in ASCII lower case.
    literals: AhoCorasick,
    /// Any of the escape characters.
    escapes: Vec<Finder<'static>>,
}

impl RegexScreen {
    /// The screen for a regex whose matches contain `needed` (`None`: nothing certain, so it
    /// lets every document through, as it does when the literals cannot be searched).
    fn new(needed: Option<&Needed>) -> RegexScreen {
        let needles = needed.and_then(|n| {
            let literals = AhoCorasick::builder()
                // Leftmost matching lets a few literals share one vectorised search.
                .match_kind(MatchKind::LeftmostFirst)
                .build(&n.literals)
                .ok()?;
            let escapes = n
                .escapes
                .iter()
                .map(|e| Finder::new(e.to_string().as_bytes()).into_owned())
                .collect();
            Some(Needles { literals, escapes })
        });
        RegexScreen { needles }
    }

    /// Whether the regex may match somewhere in the text `folded` was made from; `false` means it
    /// certainly does not.
    pub fn may_match(&self, folded: &FoldedText) -> bool {
        self.needles.as_ref().is_none_or(|n| {
            n.literals.is_match(&folded.0[..])
                || n.escapes.iter().any(|e| e.find(&folded.0[..]).is_some())
        })
    }
}

/// A regex with its screen, compiled on the first document the screen lets through: compiling
/// the shipped regexes was most of a one-article run's start-up, and most documents need none.
pub struct ScreenedRegex {
    pattern: String,
    screen: RegexScreen,
    /// `None` if compiling failed, which only a regex past the size limit does: the shipped
    /// ones are parsed by `build.rs` and compiled by a test, a newsroom's own when its
    /// configuration is loaded.
    compiled: OnceLock<Option<Regex>>,
}

impl ScreenedRegex {
    /// A regex to compile on first use, whose matches contain `needed` (for a shipped regex,
    /// `build.rs` found it when it parsed the regex).
    pub fn lazy(pattern: &str, needed: Option<&Needed>) -> ScreenedRegex {
        ScreenedRegex {
            pattern: pattern.to_owned(),
            screen: RegexScreen::new(needed),
            compiled: OnceLock::new(),
        }
    }

    /// Any other regex, compiled now so that an error is reported where it was written.
    pub fn compile_now(pattern: &str) -> Result<ScreenedRegex, regex::Error> {
        let regex = Regex::new(pattern)?;
        // It compiled, so it parses.
        let needed = regex_syntax::parse(pattern)
            .ok()
            .and_then(|hir| needed(&hir));
        let screened = ScreenedRegex::lazy(pattern, needed.as_ref());
        let _ = screened.compiled.set(Some(regex));
        Ok(screened)
    }

    /// Whether `doc` may hold a match; `false` means it certainly does not.
    pub fn may_match(&self, doc: &Document) -> bool {
        self.screen.may_match(&FoldedText::of(doc))
    }

    /// The regex, compiled on first use.
    pub fn compiled(&self) -> Option<&Regex> {
        self.compiled
            .get_or_init(|| Regex::new(&self.pattern).ok())
            .as_ref()
    }

    /// Compiles, side by side on as many threads as the run has (`--threads`), those of
    /// `regexes` not compiled yet: the first document of a run often needs several, and waits
    /// then for the longest rather than for their sum. OS threads, not rayon tasks: a rule's
    /// findings are made inside a memo that other rules wait on, and a rayon worker waiting here
    /// could steal one of them.
    pub fn compile_all<'r>(regexes: impl IntoIterator<Item = &'r ScreenedRegex>) {
        let pending: Vec<&ScreenedRegex> = regexes
            .into_iter()
            .filter(|r| r.compiled.get().is_none())
            .collect();
        if pending.is_empty() {
            return;
        }
        let next = AtomicUsize::new(0);
        let work = || {
            while let Some(regex) = pending.get(next.fetch_add(1, Ordering::Relaxed)) {
                regex.compiled();
            }
        };
        std::thread::scope(|scope| {
            for _ in 1..rayon::current_num_threads().min(pending.len()) {
                scope.spawn(work);
            }
            work();
        });
    }
}

/// A text in ASCII lower case (other characters as they are), searched by the screens.
pub struct FoldedText(Box<[u8]>);

impl FoldedText {
    /// `text` folded (a copy: the document's own text is kept for the regexes and reports).
    pub fn new(text: &str) -> FoldedText {
        FoldedText(text.as_bytes().to_ascii_lowercase().into())
    }

    /// The document's text folded, made on first use.
    pub fn of(doc: &Document) -> Arc<FoldedText> {
        doc.memo(|doc| FoldedText::new(doc.text()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::shipped_regexes;
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn screen(pattern: &str) -> RegexScreen {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        RegexScreen::new(needed(&hir).as_ref())
    }

    /// Every regex the shipped data rules run, and shapes a newsroom's own may take, each with
    /// its screen.
    static SCREENED: LazyLock<Vec<(Regex, RegexScreen)>> = LazyLock::new(|| {
        let mut patterns: Vec<String> = shipped_regexes().into_iter().map(|(_, p)| p).collect();
        assert!(patterns.len() >= 7, "the shipped regexes: {patterns:?}");
        patterns.extend(
            [
                r"(?i)k",
                r"(?i)baik|",
                r"(?:mana|)di",
                r"x*",
                r"(?i)[a-c]s",
                r"(?i)s\s*(?:dan|di)+\b",
                r"(?i)(?:baik){2,}|ma[nN]a",
                r"(?-u:(?i)baik)",
                r",\s*(?i:mana)\?",
                r"(?:mana)+di",
                r"(?:mana|dan)di",
            ]
            .map(String::from),
        );
        patterns
            .iter()
            .map(|p| (Regex::new(p).expect("a valid pattern"), screen(p)))
            .collect()
    });

    const PIECES: [&str; 19] = [
        "baik", "dan", "mana", "di", "K", "\u{212A}", "ſ", ",", " ", "\n", "?", "a", "b", "i", "k",
        "s", "S", "m", "yang",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The screen skips a text only where the regex does not match it.
        #[test]
        fn skips_only_texts_the_regex_cannot_match(
            pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24),
        ) {
            let text = pieces.concat();
            let folded = FoldedText::new(&text);
            for (re, screen) in SCREENED.iter() {
                if !screen.may_match(&folded) {
                    prop_assert!(!re.is_match(&text), "{re} matches {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_screen_skips_and_lets_through() {
        let baik = screen(r"(?im)(?:^|,\s*)baik\s+\w+\s(?P<x>dan)\s");
        let may_match = |screen: &RegexScreen, text| screen.may_match(&FoldedText::new(text));
        assert!(!may_match(&baik, "Ia datang, dan pergi."));
        assert!(may_match(&baik, "Ia, BAIK hari ini dan esok."));
        assert!(may_match(&baik, "Ia, bai\u{212A} hari ini dan esok."));
        assert!(may_match(&screen(r"x*"), ""));
    }
}
