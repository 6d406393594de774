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

use aho_corasick::{AhoCorasick, Input, MatchKind};
use regex::Regex;

use super::regex_literals::{Needed, is_word_byte, needed};
use crate::source::Document;

/// Which documents each regex of a list needs to run on, told by one search of the document for
/// the literals of them all, not one search per regex (seven for calque's seven).
pub struct RegexScreens {
    /// The literals (in ASCII lower case) every match of a regex contains.
    literals: Needles,
    /// The characters outside ASCII that match a literal's letter under case folding (`K` for
    /// `k`). Searched apart: with them among the literals, their two-byte encodings made the
    /// literals' vectorised search look for two-byte prefixes, which `di` and `me` fill in
    /// nearly every line of Indonesian.
    escapes: Needles,
    /// The regexes with no needed literal, which run on every document.
    always: Vec<bool>,
}

/// Needles searched for at once, each with the regexes it lets through.
#[derive(Default)]
struct Needles {
    /// `None` where there are none.
    searcher: Option<AhoCorasick>,
    needles: Vec<Needle>,
}

/// A needle's bytes and the regexes it lets through.
type Needle = (Vec<u8>, Vec<LetThrough>);

/// A regex a needle lets through: where the needle is found, or, for a regex whose matches hold
/// it at a word's start, only where no word byte comes right before it.
#[derive(Clone, Copy)]
struct LetThrough {
    regex: usize,
    word_start: bool,
}

impl Needles {
    /// `None` if the needles cannot be searched (no search automaton fits them).
    fn new(needles: Vec<Needle>) -> Option<Needles> {
        if needles.is_empty() {
            return Some(Needles::default());
        }
        // Leftmost matching lets the needles share one vectorised search.
        let searcher = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .build(needles.iter().map(|(l, _)| l))
            .ok()?;
        Some(Needles {
            searcher: Some(searcher),
            needles,
        })
    }

    /// Lets through, in `may`, the regexes of every needle `text` holds; `waiting` counts those
    /// not let through yet, and the search stops when none is.
    fn let_through(&self, text: &[u8], may: &mut [bool], waiting: &mut usize) {
        let Some(searcher) = &self.searcher else {
            return;
        };
        let mut from = 0;
        // The search reports one needle per place where needles start: every needle starting
        // there is checked, and the search goes on from the next byte, so that no occurrence of
        // one needle hides another's.
        while *waiting > 0
            && let Some(found) = searcher.find(Input::new(text).range(from..))
        {
            let here = &text[found.start()..];
            let at_break = found.start() == 0 || !is_word_byte(text[found.start() - 1]);
            for (needle, regexes) in &self.needles {
                if here.starts_with(needle) {
                    for &LetThrough { regex, word_start } in regexes {
                        if (at_break || !word_start) && !std::mem::replace(&mut may[regex], true) {
                            *waiting -= 1;
                        }
                    }
                }
            }
            from = found.start() + 1;
        }
    }
}

impl RegexScreens {
    /// The screens for regexes whose matches contain `needed` each (`None`: nothing certain, so
    /// the regex runs on every document, as it does when the literals cannot be searched).
    pub fn new<'n>(needed: impl IntoIterator<Item = Option<&'n Needed>>) -> RegexScreens {
        let mut literals: Vec<Needle> = Vec::new();
        let mut escapes: Vec<Needle> = Vec::new();
        let mut always = Vec::new();
        for (regex, needed) in needed.into_iter().enumerate() {
            always.push(needed.is_none());
            let Some(needed) = needed else { continue };
            for literal in &needed.literals {
                let word_start = literal.word_start;
                add_needle(
                    &mut literals,
                    &literal.bytes,
                    LetThrough { regex, word_start },
                );
            }
            for escape in &needed.escapes {
                let word_start = false;
                let escape = escape.to_string();
                add_needle(
                    &mut escapes,
                    escape.as_bytes(),
                    LetThrough { regex, word_start },
                );
            }
        }
        match (Needles::new(literals), Needles::new(escapes)) {
            (Some(literals), Some(escapes)) => RegexScreens {
                literals,
                escapes,
                always,
            },
            _ => RegexScreens {
                literals: Needles::default(),
                escapes: Needles::default(),
                always: vec![true; always.len()],
            },
        }
    }

    /// For each regex, whether it may match somewhere in the text `folded` was made from;
    /// `false` means it certainly does not.
    pub fn may_match(&self, folded: &FoldedText) -> Vec<bool> {
        let mut may = self.always.clone();
        let mut waiting = may.iter().filter(|&&m| !m).count();
        self.literals.let_through(&folded.0, &mut may, &mut waiting);
        self.escapes.let_through(&folded.0, &mut may, &mut waiting);
        may
    }
}

/// Adds `needle`, letting `through` through, once however many regexes need it.
fn add_needle(needles: &mut Vec<Needle>, needle: &[u8], through: LetThrough) {
    match needles.iter_mut().find(|(n, _)| n == needle) {
        Some((_, regexes)) => regexes.push(through),
        None => needles.push((needle.to_vec(), vec![through])),
    }
}

/// A regex, compiled on the first document its screen lets through: compiling the shipped
/// regexes was most of a one-article run's start-up, and most documents need none.
pub struct ScreenedRegex {
    pattern: String,
    /// What every match contains (for a shipped regex, `build.rs` found it when it parsed it).
    needed: Option<Needed>,
    /// `None` if compiling failed, which only a regex past the size limit does: the shipped
    /// ones are parsed by `build.rs` and compiled by a test, a newsroom's own when its
    /// configuration is loaded.
    compiled: OnceLock<Option<Regex>>,
}

impl ScreenedRegex {
    /// A regex to compile on first use, whose matches contain `needed`.
    pub fn lazy(pattern: &str, needed: Option<Needed>) -> ScreenedRegex {
        ScreenedRegex {
            pattern: pattern.to_owned(),
            needed,
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
        let screened = ScreenedRegex::lazy(pattern, needed);
        let _ = screened.compiled.set(Some(regex));
        Ok(screened)
    }

    /// What every match contains, if anything is certain.
    pub fn needed(&self) -> Option<&Needed> {
        self.needed.as_ref()
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

    fn needs(pattern: &str) -> Option<Needed> {
        needed(&regex_syntax::parse(pattern).expect("a valid pattern"))
    }

    /// Every regex the shipped data rules run, and shapes a newsroom's own may take, with one
    /// screen for them all: each regex's literals may hide or overlap another's.
    static SCREENED: LazyLock<(Vec<Regex>, RegexScreens)> = LazyLock::new(|| {
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
                r"(?i)ana",
                r"(?i)an\b",
                r"(?i)mana di",
                r"(?i)a d",
                r"\bmana",
                r"(?m)^\s*baik",
                r"\Bmana",
                r"\b(?:se|_)mana",
                r"[(“]\s*mana|\s+di",
            ]
            .map(String::from),
        );
        let needed: Vec<Option<Needed>> = patterns.iter().map(|p| needs(p)).collect();
        let regexes = patterns
            .iter()
            .map(|p| Regex::new(p).expect("a valid pattern"))
            .collect();
        (
            regexes,
            RegexScreens::new(needed.iter().map(Option::as_ref)),
        )
    });

    const PIECES: [&str; 25] = [
        "baik", "dan", "mana", "di", "K", "\u{212A}", "ſ", ",", " ", "\n", "?", "a", "b", "i", "k",
        "s", "S", "m", "yang", "se", "_", "1", "(", "“", "é",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The screen skips a text only where the regex does not match it.
        #[test]
        fn skips_only_texts_the_regex_cannot_match(
            pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..24),
        ) {
            let text = pieces.concat();
            let (regexes, screens) = &*SCREENED;
            let may_match = screens.may_match(&FoldedText::new(&text));
            for (re, may) in regexes.iter().zip(may_match) {
                if !may {
                    prop_assert!(!re.is_match(&text), "{re} matches {text:?}");
                }
            }
        }
    }

    #[test]
    fn the_screen_skips_and_lets_through() {
        let screens = RegexScreens::new(
            [
                needs(r"(?im)(?:^|,\s*)baik\s+\w+\s(?P<x>dan)\s"),
                needs(r"(?i)\bmana\b"),
                needs(r"x*"),
                needs(r"(?i)ana"),
            ]
            .iter()
            .map(Option::as_ref),
        );
        let may_match = |text| screens.may_match(&FoldedText::new(text));
        assert_eq!(
            may_match("Ia datang, dan pergi."),
            [false, false, true, false]
        );
        assert_eq!(
            may_match("Ia, BAIK hari ini dan esok."),
            [true, false, true, false]
        );
        assert_eq!(
            may_match("Ia, bai\u{212A} hari ini."),
            [true, false, true, false]
        );
        assert_eq!(
            may_match("Di MANA baik?"),
            [true, true, true, true],
            "`ana` inside `mana` is found too"
        );
        assert_eq!(may_match(""), [false, false, true, false]);
        assert!(
            RegexScreens::new([])
                .may_match(&FoldedText::new("baik"))
                .is_empty()
        );
    }
}
