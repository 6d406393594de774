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
//!
//! `build.rs` includes this file to find the shipped regexes' literals when it embeds the rule
//! files (parsing a regex was most of what the screens cost at start-up), so it depends on
//! `regex-syntax` alone.

use regex_syntax::hir::{Class, Hir, HirKind};

/// What every match of a regex contains.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Needed {
    /// At least one of these, ignoring ASCII case (in ASCII lower case; none contains another).
    pub literals: Vec<Vec<u8>>,
    /// Characters outside ASCII a match may spell a literal with: a text holding one may match.
    pub escapes: Vec<char>,
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
                .any(|k| literal.windows(k.len()).any(|w| w == &k[..]))
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

    /// The literals `pattern` needs and its escapes, or `None` where it always runs.
    fn needs(pattern: &str) -> Option<(Vec<String>, String)> {
        let hir = regex_syntax::parse(pattern).expect("a valid pattern");
        needed(&hir).map(|c| {
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
