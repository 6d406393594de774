//! A screen that tells, before a regex runs over a document, whether the document can hold a match.
//!
//! A data rule's regexes (and a newsroom's own) run over every document's whole text, and their
//! own prefilters stop often: the literal a regex can start with is a comma, a `di` or the start
//! of a line. Yet nearly every such regex needs a rarer word somewhere in each match (`baik`,
//! `mana`), and most documents hold none of them. So once, when the regex is parsed, its syntax
//! tree yields a set of literals such that every match contains at least one of them; a document
//! holding none of them is skipped without running the regex, and a regex no document has needed
//! yet is not compiled (compiling them all was most of a one-article run's start-up).
//!
//! The screen is exact, never a guess: it says "skip" only where the regex cannot match.
//! - Literals are compared ignoring ASCII case, which finds every text a literal matches
//!   (and some more, which only costs a run of the regex).
//! - Under `(?i)` a letter is a class (`[Bb]`); a class is taken as one letter when its ASCII
//!   members are one character in either case. Unicode case folding adds members outside ASCII
//!   (U+212A KELVIN SIGN in `[Kk]`, U+017F LONG S in `[Ss]`): these are kept as escape characters,
//!   and a document holding one is always matched.
//! - Where no literal is certain (a class, a look-around, an optional part, an alternation with
//!   a branch that has none), the regex always runs.
//!
//! The search ignores case by searching a copy of the text in ASCII lower case, made once per
//! document and shared by every screen, for literals stored in lower case: an Aho-Corasick search
//! that folds case itself cannot use its fast prefilters (it falls back to a few frequent bytes),
//! and measured dearer than the regexes it was to spare.

use std::sync::{Arc, OnceLock};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;
use regex::Regex;
use regex_syntax::hir::{Class, Hir, HirKind};

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
    /// The screen for a regex parsed to `hir`. A regex whose literals cannot be searched gets a
    /// screen that lets every document through.
    fn new(hir: &Hir) -> RegexScreen {
        let needles = condition(hir).and_then(|c| {
            let literals = AhoCorasick::builder()
                // Leftmost matching lets a few literals share one vectorised search.
                .match_kind(MatchKind::LeftmostFirst)
                .build(&c.literals)
                .ok()?;
            let escapes = c
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
    /// ones are compiled by a test, and a newsroom's own when its configuration is loaded.
    compiled: OnceLock<Option<Regex>>,
}

impl ScreenedRegex {
    /// Parses `pattern` now, which finds every error but a regex too large to compile.
    pub fn new(pattern: &str) -> Result<ScreenedRegex, Box<regex_syntax::Error>> {
        let hir = regex_syntax::parse(pattern).map_err(Box::new)?;
        Ok(ScreenedRegex {
            pattern: pattern.to_owned(),
            screen: RegexScreen::new(&hir),
            compiled: OnceLock::new(),
        })
    }

    /// Compiles now, to report an error where the regex was written.
    pub fn compile_now(self) -> Result<ScreenedRegex, regex::Error> {
        let regex = Regex::new(&self.pattern)?;
        let _ = self.compiled.set(Some(regex));
        Ok(self)
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

    /// Compiles, side by side, those of `regexes` not compiled yet: the first document of a run
    /// often needs several, and waits then for the longest rather than for their sum. OS
    /// threads, not rayon tasks: a rule's findings are made inside a memo that other rules wait
    /// on, and a rayon worker waiting here could steal one of them.
    pub fn compile_all<'r>(regexes: impl IntoIterator<Item = &'r ScreenedRegex>) {
        let pending: Vec<&ScreenedRegex> = regexes
            .into_iter()
            .filter(|r| r.compiled.get().is_none())
            .collect();
        if let [first, rest @ ..] = &pending[..] {
            std::thread::scope(|scope| {
                for regex in rest {
                    scope.spawn(|| regex.compiled());
                }
                first.compiled();
            });
        }
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

/// What every match of an expression contains.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Condition {
    /// At least one of these, ignoring ASCII case (stored in ASCII lower case; none contains
    /// another, since a text holding the longer one holds the shorter).
    literals: Vec<Vec<u8>>,
    /// Characters outside ASCII that a class taken as a letter also matches: where a document
    /// holds one, a match may spell a literal with it, so the regex must run.
    escapes: Vec<char>,
    /// The expression matches exactly its one literal (up to ASCII case and escapes), so that it
    /// can be joined with its neighbours in a concatenation.
    exact: bool,
}

/// Classes with more members outside ASCII than this are not taken as a letter: case folding adds
/// one at most, and a class with many would make the screen let nearly every document through.
const MAX_ESCAPES: u32 = 4;

impl Condition {
    fn literal(bytes: &[u8], escapes: Vec<char>) -> Option<Condition> {
        (!bytes.is_empty()).then(|| Condition {
            literals: vec![bytes.to_ascii_lowercase()],
            escapes,
            exact: true,
        })
    }

    /// How rare a document holding it is: the length of its shortest literal.
    fn strength(&self) -> usize {
        self.literals.iter().map(Vec::len).min().unwrap_or(0)
    }

    /// `self` followed directly by `next`, both exact.
    fn join(mut self, next: &Condition) -> Condition {
        self.literals[0].extend_from_slice(&next.literals[0]);
        self.escapes.extend(&next.escapes);
        self.escapes.sort_unstable();
        self.escapes.dedup();
        self
    }

    /// Any one of `conditions`.
    fn any_of(conditions: Vec<Condition>) -> Condition {
        let mut literals = Vec::new();
        let mut escapes = Vec::new();
        for c in conditions {
            literals.extend(c.literals);
            escapes.extend(c.escapes);
        }
        escapes.sort_unstable();
        escapes.dedup();
        // A literal containing a shorter one is implied by it: keep the shorter.
        literals.sort_unstable_by(|a, b| a.len().cmp(&b.len()).then_with(|| a.cmp(b)));
        literals.dedup();
        let mut kept: Vec<Vec<u8>> = Vec::with_capacity(literals.len());
        for literal in literals {
            if !kept
                .iter()
                .any(|k| memchr::memmem::find(&literal, k).is_some())
            {
                kept.push(literal);
            }
        }
        Condition {
            literals: kept,
            escapes,
            exact: false,
        }
    }
}

/// What every match of `hir` contains, or `None` where nothing is certain.
fn condition(hir: &Hir) -> Option<Condition> {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => None,
        HirKind::Literal(literal) => Condition::literal(&literal.0, Vec::new()),
        HirKind::Class(class) => {
            let (letter, escapes) = as_letter(class)?;
            Condition::literal(&[letter], escapes)
        }
        HirKind::Repetition(rep) if rep.min == 0 => None,
        HirKind::Repetition(rep) => {
            let mut inner = condition(&rep.sub)?;
            inner.exact &= rep.min == 1 && rep.max == Some(1);
            Some(inner)
        }
        HirKind::Capture(capture) => condition(&capture.sub),
        HirKind::Concat(parts) => concatenation(parts),
        HirKind::Alternation(branches) => Some(Condition::any_of(
            branches.iter().map(condition).collect::<Option<_>>()?,
        )),
    }
}

/// The strongest condition among a concatenation's parts, after joining each run of adjacent
/// exact parts into one literal (`[Bb][Aa][Ii][Kk]` is `baik`, not four letters).
fn concatenation(parts: &[Hir]) -> Option<Condition> {
    let mut candidates: Vec<Condition> = Vec::new();
    let mut run: Option<Condition> = None;
    let mut all_exact = true;
    for part in parts {
        match condition(part) {
            Some(c) if c.exact => {
                run = Some(match run.take() {
                    Some(r) => r.join(&c),
                    None => c,
                })
            }
            other => {
                all_exact = false;
                candidates.extend(run.take());
                candidates.extend(other);
            }
        }
    }
    candidates.extend(run);
    // Strongest first; among equals, the one with fewer literals (a shorter search).
    let mut best = candidates.into_iter().reduce(|best, c| {
        let better = (c.strength(), std::cmp::Reverse(c.literals.len()))
            > (best.strength(), std::cmp::Reverse(best.literals.len()));
        if better { c } else { best }
    })?;
    best.exact = all_exact;
    Some(best)
}

/// A class matching one ASCII character in either case, and perhaps a few characters outside
/// ASCII: the character in lower case, and those others.
fn as_letter(class: &Class) -> Option<(u8, Vec<char>)> {
    let mut letter: Option<u8> = None;
    let mut same_letter = |b: u8| {
        let b = b.to_ascii_lowercase();
        *letter.get_or_insert(b) == b
    };
    let mut escapes = Vec::new();
    match class {
        Class::Unicode(class) => {
            for range in class.ranges() {
                let (start, end) = (u32::from(range.start()), u32::from(range.end()));
                for c in start..=end.min(0x7F) {
                    if !same_letter(u8::try_from(c).ok()?) {
                        return None;
                    }
                }
                let outside = start.max(0x80);
                if end >= outside {
                    if end - outside >= MAX_ESCAPES {
                        return None;
                    }
                    escapes.extend((outside..=end).filter_map(char::from_u32));
                    if escapes.len() > MAX_ESCAPES as usize {
                        return None;
                    }
                }
            }
        }
        Class::Bytes(class) => {
            for range in class.ranges() {
                if !range.end().is_ascii() {
                    return None;
                }
                if !(range.start()..=range.end()).all(&mut same_letter) {
                    return None;
                }
            }
        }
    }
    Some((letter?, escapes))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::data::{DataRule, data_rule_files};
    use proptest::prelude::*;
    use std::sync::LazyLock;

    fn screen(pattern: &str) -> RegexScreen {
        RegexScreen::new(&regex_syntax::parse(pattern).expect("a valid pattern"))
    }

    /// The needed literals of `pattern` and its escapes, or `None` where it always runs.
    fn needed(pattern: &str) -> Option<(Vec<String>, String)> {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        condition(&hir).map(|c| {
            let literals = c
                .literals
                .into_iter()
                .map(|l| String::from_utf8(l).expect("UTF-8"))
                .collect();
            (literals, c.escapes.into_iter().collect())
        })
    }

    fn some(literals: &[&str], escapes: &str) -> Option<(Vec<String>, String)> {
        Some((
            literals.iter().map(|l| l.to_string()).collect(),
            escapes.to_string(),
        ))
    }

    #[test]
    fn the_shipped_shapes_need_their_rare_word() {
        assert_eq!(
            needed(r#"(?im)(?:^|[,;:(“"]\s*|[.!?]\s+)baik\s+[^.;:!?,“”"\n]{1,60}?\s(?P<x>dan)\s"#),
            some(&["baik"], "\u{212A}")
        );
        assert_eq!(
            needed(
                r"(?i),\s*(?:di\s+mana(?:-mana|\s*pun)\b|(?P<x>di\s+mana|yang mana|dalam mana|dengan mana)\b)"
            ),
            some(&["mana"], "")
        );
        assert_eq!(
            needed(r"(?i)\b(?P<x>diharapkan untuk)\s+(?:(?:me|ber)\p{L}*|bisa|dapat)\b"),
            some(&["diharapkan untuk"], "\u{212A}")
        );
        assert_eq!(
            needed(r"(?i)\bsalah satu dari\s+(?:mereka|kami|\d)|\b(?P<x>salah satu dari)\b"),
            some(&["salah satu dari"], "\u{17F}")
        );
        assert_eq!(needed(r"\b(?P<x>MoU|nota)\b"), some(&["mou", "nota"], ""));
    }

    #[test]
    fn uncertain_parts_give_no_literal() {
        for pattern in [
            r"x*",
            r"(?:ab|)",
            r"(?:ab)?c?",
            r"[ab]",
            r"\b\w+\b",
            r"(?i)ab|[cd]",
            r"^$",
            r"(?i)é",
        ] {
            assert_eq!(needed(pattern), None, "{pattern}");
        }
        assert_eq!(needed(r"(?i)k"), some(&["k"], "\u{212A}"));
        assert_eq!(needed(r"(?:ab)+c"), some(&["ab"], ""));
        assert_eq!(needed(r"a(?:bc){2}d"), some(&["bc"], ""));
        assert_eq!(needed(r"(?i)[mM]ore"), some(&["more"], ""));
    }

    /// Every regex the shipped data rules run, and shapes a newsroom's own may take, each with
    /// its screen.
    static SCREENED: LazyLock<Vec<(Regex, RegexScreen)>> = LazyLock::new(|| {
        let config = Config::default();
        let mut patterns: Vec<String> = data_rule_files()
            .flat_map(|name| {
                DataRule::embedded(name, &config)
                    .expect("a shipped rule builds")
                    .entries()
                    .iter()
                    .filter_map(|e| e.regex.clone())
                    .collect::<Vec<_>>()
            })
            .collect();
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
