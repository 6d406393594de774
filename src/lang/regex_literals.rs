//! The literals every match of a regex contains: what a [`super::regex_screen::RegexScreens`]
//! searches a document for before running the regex.
//!
//! Found from the regex's syntax tree, exactly, never by guess:
//! - Literals are stored in ASCII lower case, to be compared ignoring ASCII case, which finds
//!   every text a literal matches (and some more, which only costs a run of the regex).
//! - Under `(?i)` a letter is a class (`[Bb]`); a class is taken as one letter when its ASCII
//!   members are one character in either case. Unicode case folding adds members outside ASCII
//!   (U+212A KELVIN SIGN in `[Kk]`, U+017F LONG S in `[Ss]`): these are kept as escape characters,
//!   and a document holding one is always matched.
//! - Where no literal is certain (a class, a look-around, an optional part, an alternation with
//!   a branch that has none), there is none, and the regex always runs.
//! - A literal that every match holds at a word's start (after `\s+`, a mark, `^` or `\b`) says
//!   so, and a screen skips its occurrences inside a word (`mana` in `semana`, `baik` in
//!   `perbaikan`): on news text, half the documents holding `mana` hold it only there.
//!
//! `build.rs` includes this file to find the shipped regexes' literals when it embeds the rule
//! files (parsing a regex was most of what the screens cost at start-up), so it depends on
//! `regex-syntax` alone.

use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// What every match of a regex contains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed {
    /// At least one of these, ignoring ASCII case (none contains another).
    pub literals: Vec<Literal>,
    /// Characters outside ASCII a match may spell a literal with: a text holding one may match.
    pub escapes: Vec<char>,
}

/// A literal a match may hold.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Literal {
    /// In ASCII lower case.
    pub bytes: Vec<u8>,
    /// Every match holding it holds it where no word byte (an ASCII letter, digit or `_`) comes
    /// right before.
    pub word_start: bool,
}

impl Literal {
    fn new(bytes: Vec<u8>) -> Literal {
        Literal {
            bytes,
            word_start: false,
        }
    }
}

/// An ASCII letter, digit or `_`: a byte that continues a word (every byte of a character
/// outside ASCII is above 0x7F).
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// What every match of `hir` contains, or `None` where nothing is certain.
pub fn needed(hir: &Hir) -> Option<Needed> {
    condition(hir).map(|c| Needed {
        literals: c.literals,
        escapes: c.escapes,
    })
}

/// What every match of an expression contains.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Condition {
    /// At least one of these, ignoring ASCII case (stored in ASCII lower case; none contains
    /// another, since a text holding the longer one holds the shorter).
    literals: Vec<Literal>,
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
            literals: vec![Literal::new(bytes.to_ascii_lowercase())],
            escapes,
            exact: true,
        })
    }

    /// How rare a document holding it is: the length of its shortest literal.
    fn strength(&self) -> usize {
        self.literals
            .iter()
            .map(|l| l.bytes.len())
            .min()
            .unwrap_or(0)
    }

    /// `self` followed directly by `next`, both exact.
    fn join(mut self, next: &Condition) -> Condition {
        self.literals[0]
            .bytes
            .extend_from_slice(&next.literals[0].bytes);
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
        // A literal containing a shorter one is implied by it: keep the shorter, at a word's
        // start only where both say so (the longer one holding it after a word byte or not).
        literals.sort_unstable_by(|a, b| (a.bytes.len(), &a.bytes).cmp(&(b.bytes.len(), &b.bytes)));
        let mut kept: Vec<Literal> = Vec::with_capacity(literals.len());
        for literal in literals {
            // Where `literal` holds `k`, whether it holds it at a word's start somewhere.
            let held = |k: &Literal| {
                let places: Vec<usize> = (0..=literal.bytes.len() - k.bytes.len())
                    .filter(|&i| literal.bytes[i..].starts_with(&k.bytes))
                    .collect();
                (!places.is_empty()).then(|| {
                    places.iter().any(|&i| match i {
                        0 => literal.word_start,
                        _ => !is_word_byte(literal.bytes[i - 1]),
                    })
                })
            };
            match kept
                .iter_mut()
                .find_map(|k| held(k).map(|at_start| (k, at_start)))
            {
                Some((k, at_start)) => k.word_start &= at_start,
                None => kept.push(literal),
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
    // The run of exact parts so far, and the index of its first part.
    let mut run: Option<(Condition, usize)> = None;
    let mut all_exact = true;
    // A run's literal is at a word's start where what comes before it in the concatenation
    // always ends with a byte outside words.
    let finish = |(mut c, first): (Condition, usize)| {
        let literal = &mut c.literals[0];
        literal.word_start = after_word_break(&parts[..first], is_word_byte(literal.bytes[0]));
        c
    };
    for (i, part) in parts.iter().enumerate() {
        match condition(part) {
            Some(c) if c.exact => {
                run = Some(match run.take() {
                    Some((r, first)) => (r.join(&c), first),
                    None => (c, i),
                })
            }
            other => {
                all_exact = false;
                candidates.extend(run.take().map(finish));
                candidates.extend(other);
            }
        }
    }
    candidates.extend(run.map(finish));
    // Strongest first; among equals, the one with fewer literals (a shorter search).
    let mut best = candidates.into_iter().reduce(|best, c| {
        let better = (c.strength(), std::cmp::Reverse(c.literals.len()))
            > (best.strength(), std::cmp::Reverse(best.literals.len()));
        if better { c } else { best }
    })?;
    best.exact = all_exact;
    Some(best)
}

/// Whether every match of `before` (a concatenation's parts before a literal) ends with a byte
/// outside words or where a word cannot go on (`^`, `\b` before a word byte): `next_is_word` tells
/// whether the literal starts with a word byte. Nothing before the literal means anything may.
fn after_word_break(before: &[Hir], next_is_word: bool) -> bool {
    for part in before.iter().rev() {
        let (outside_words, empty) = ends(part, next_is_word);
        if !outside_words {
            return false;
        }
        match empty {
            Empty::Never | Empty::AtBreak => return true,
            Empty::Anywhere => {}
        }
    }
    false
}

/// Where an expression's empty matches are, as seen from what follows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Empty {
    /// It never matches empty.
    Never,
    /// Only where no word byte comes before (`^`, or `\b` before a word byte).
    AtBreak,
    /// Anywhere: what comes before it decides.
    Anywhere,
}

/// Whether every non-empty match of `hir` ends with a byte outside words, and where it matches
/// empty; `next_is_word` tells whether a word byte follows its empty matches.
fn ends(hir: &Hir, next_is_word: bool) -> (bool, Empty) {
    match hir.kind() {
        HirKind::Empty => (true, Empty::Anywhere),
        HirKind::Literal(literal) => (
            literal.0.last().is_none_or(|&b| !is_word_byte(b)),
            Empty::Never,
        ),
        HirKind::Class(class) => (!has_word_byte(class), Empty::Never),
        HirKind::Look(look) => {
            let at_break = match look {
                Look::Start
                | Look::StartLF
                | Look::StartCRLF
                | Look::WordStartHalfAscii
                | Look::WordStartHalfUnicode => true,
                Look::WordAscii
                | Look::WordUnicode
                | Look::WordStartAscii
                | Look::WordStartUnicode => next_is_word,
                _ => false,
            };
            (
                true,
                if at_break {
                    Empty::AtBreak
                } else {
                    Empty::Anywhere
                },
            )
        }
        HirKind::Repetition(rep) => {
            let (outside_words, empty) = ends(&rep.sub, next_is_word);
            (
                outside_words,
                if rep.min == 0 { Empty::Anywhere } else { empty },
            )
        }
        HirKind::Capture(capture) => ends(&capture.sub, next_is_word),
        HirKind::Concat(parts) => {
            let mut outside_words = true;
            for part in parts.iter().rev() {
                let (part_outside, empty) = ends(part, next_is_word);
                outside_words &= part_outside;
                if empty != Empty::Anywhere {
                    return (outside_words, empty);
                }
            }
            (outside_words, Empty::Anywhere)
        }
        HirKind::Alternation(branches) => branches
            .iter()
            .map(|b| ends(b, next_is_word))
            .fold((true, Empty::Never), |(o, e), (bo, be)| {
                (o && bo, e.max(be))
            }),
    }
}

/// Whether `class` matches an ASCII letter, digit or `_`.
fn has_word_byte(class: &Class) -> bool {
    let word = [(b'0', b'9'), (b'A', b'Z'), (b'_', b'_'), (b'a', b'z')];
    let overlaps = |start: u32, end: u32| {
        word.iter()
            .any(|&(lo, hi)| start <= u32::from(hi) && u32::from(lo) <= end)
    };
    match class {
        Class::Unicode(class) => class
            .ranges()
            .iter()
            .any(|r| overlaps(u32::from(r.start()), u32::from(r.end()))),
        Class::Bytes(class) => class
            .ranges()
            .iter()
            .any(|r| overlaps(u32::from(r.start()), u32::from(r.end()))),
    }
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

    /// The literals `pattern` needs and its escapes, or `None` where it always runs.
    fn needs(pattern: &str) -> Option<(Vec<String>, String)> {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        needed(&hir).map(|c| {
            let literals = c
                .literals
                .into_iter()
                .map(|l| String::from_utf8(l.bytes).expect("UTF-8"))
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
            needs(r#"(?im)(?:^|[,;:(“"]\s*|[.!?]\s+)baik\s+[^.;:!?,“”"\n]{1,60}?\s(?P<x>dan)\s"#),
            some(&["baik"], "\u{212A}")
        );
        assert_eq!(
            needs(
                r"(?i),\s*(?:di\s+mana(?:-mana|\s*pun)\b|(?P<x>di\s+mana|yang mana|dalam mana|dengan mana)\b)"
            ),
            some(&["mana"], "")
        );
        assert_eq!(
            needs(r"(?i)\b(?P<x>diharapkan untuk)\s+(?:(?:me|ber)\p{L}*|bisa|dapat)\b"),
            some(&["diharapkan untuk"], "\u{212A}")
        );
        assert_eq!(
            needs(r"(?i)\bsalah satu dari\s+(?:mereka|kami|\d)|\b(?P<x>salah satu dari)\b"),
            some(&["salah satu dari"], "\u{17F}")
        );
        assert_eq!(needs(r"\b(?P<x>MoU|nota)\b"), some(&["mou", "nota"], ""));
    }

    /// Which of the literals `pattern` needs are needed at a word's start.
    fn word_starts(pattern: &str) -> Vec<(String, bool)> {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        needed(&hir)
            .expect("a literal")
            .literals
            .into_iter()
            .map(|l| (String::from_utf8(l.bytes).expect("UTF-8"), l.word_start))
            .collect()
    }

    #[test]
    fn a_literal_after_a_space_a_mark_or_a_boundary_starts_a_word() {
        let yes = |l: &str| vec![(l.to_string(), true)];
        let no = |l: &str| vec![(l.to_string(), false)];
        assert_eq!(
            word_starts(
                r#"(?im)(?:(?:^|[,;:(“"])\s*|[.!?]\s+)baik\s+[^.;:!?,“”"\n]{1,60}?\s(?P<x>dan)\s"#
            ),
            yes("baik")
        );
        assert_eq!(
            word_starts(r"(?i)\b(?:di\s+mana(?:-mana|\s*pun)\b|(?P<x>di\s+mana|yang mana)\b)"),
            yes("mana")
        );
        assert_eq!(
            word_starts(r"(?i)\b(?P<x>melakukan)\s+MoU"),
            yes("melakukan")
        );
        assert_eq!(word_starts(r"(?m)^\s*mana"), yes("mana"));
        assert_eq!(word_starts(r"(?:x|y\s)mana"), no("mana"));
        assert_eq!(word_starts(r"\s*mana"), no("mana"));
        assert_eq!(word_starts(r"\b-mana"), no("-mana"));
        assert_eq!(word_starts(r"\Bmana"), no("mana"));
        assert_eq!(word_starts(r"[\s\d]mana"), no("mana"));
        assert_eq!(word_starts(r"mana|,\s*mana"), no("mana"));
        assert_eq!(word_starts(r"yang mana|\sman"), yes("man"));
        assert_eq!(word_starts(r"yang mana|se\s*man"), no("man"));
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
            assert_eq!(needs(pattern), None, "{pattern}");
        }
        assert_eq!(needs(r"(?i)k"), some(&["k"], "\u{212A}"));
        assert_eq!(needs(r"(?:ab)+c"), some(&["ab"], ""));
        assert_eq!(needs(r"a(?:bc){2}d"), some(&["bc"], ""));
        assert_eq!(needs(r"(?i)[mM]ore"), some(&["more"], ""));
    }
}
