//! A Hunspell dictionary compiled into the set of its word forms (`lang::hunspell_forms`, run by
//! `build.rs`), asked the way Hunspell asks its affix rules: a word is accepted as written, in
//! the other cases Hunspell tries (a title-case word also in lower case; an all-caps word also
//! in title case and in lower case), as a number, and part by part around hyphens (Hunspell's
//! default `BREAK` patterns). What this gives for every word is what `spellbook`'s `check` gives
//! for the same dictionary (a test holds it on the lexicons and the fixtures).

use fst::Set;
use fst::raw::Node;

/// Hunspell rejects longer words outright.
const MAX_WORD_LEN: usize = 360;

/// How deep hyphen breaks may nest.
const MAX_BREAK_DEPTH: usize = 9;

/// A dictionary's word forms.
pub struct FormSet {
    /// Forms of the entries as written.
    plain: Set<&'static [u8]>,
    /// Forms of the title-case copies of mixed-case and all-caps entries, accepted only when a
    /// word is tried in another case than it was written.
    hidden: Set<&'static [u8]>,
}

/// Where a walk along a word of lower-case ASCII letters stands in each set (`None` once no
/// form begins so): many words that share a beginning (a misspelling's one-edit variants) are
/// asked about by walking that beginning once.
#[derive(Clone, Copy)]
pub struct Walk<'a> {
    plain: Option<Node<'a>>,
    hidden: Option<Node<'a>>,
}

impl Walk<'_> {
    /// Whether no form begins with the letters walked.
    pub fn is_dead(self) -> bool {
        self.plain.is_none() && self.hidden.is_none()
    }

    /// Whether the letters walked are a form: for a word of lower-case ASCII letters (not
    /// too long for Hunspell), what [`FormSet::check`] says of it (such a word has one casing,
    /// no hyphen, dot or digit, so it is checked as written, in both sets).
    pub fn is_form(self) -> bool {
        self.plain.is_some_and(|node| node.is_final())
            || self.hidden.is_some_and(|node| node.is_final())
    }
}

/// How a word is capitalised, as Hunspell tells it.
enum Casing {
    /// No capital: `kata`, or with other capitals than the first: `iPhone`, `McDonald`.
    Other,
    /// Only the first letter: `Jakarta`.
    Title,
    /// Every letter: `NATO`.
    Upper,
}

fn casing(word: &str) -> Casing {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    match (upper, lower) {
        (0, _) => Casing::Other,
        (1, _) if first_upper => Casing::Title,
        (_, 0) => Casing::Upper,
        _ => Casing::Other,
    }
}

impl FormSet {
    /// The sets as `fst` built them; `None` when the bytes are not an `fst` set.
    pub fn new(plain: &'static [u8], hidden: &'static [u8]) -> Option<FormSet> {
        Some(FormSet {
            plain: Set::new(plain).ok()?,
            hidden: Set::new(hidden).ok()?,
        })
    }

    /// How many forms the dictionary accepts as written.
    pub fn len(&self) -> usize {
        self.plain.len()
    }

    pub fn is_empty(&self) -> bool {
        self.plain.is_empty()
    }

    /// Whether the dictionary accepts `word`, as Hunspell's spell check decides it.
    pub fn check(&self, word: &str) -> bool {
        if word.len() > MAX_WORD_LEN {
            return false;
        }
        if word.is_empty() {
            return true;
        }
        // An abbreviation's dots.
        let trimmed = word.trim_end_matches('.');
        if is_number(trimmed) || self.check_parts(trimmed, 0) {
            return true;
        }
        trimmed.len() != word.len() && self.check_parts(word, 0)
    }

    /// The word, or its parts around hyphens.
    fn check_parts(&self, word: &str, depth: usize) -> bool {
        if self.check_cased(word) {
            return true;
        }
        if depth == MAX_BREAK_DEPTH {
            return false;
        }
        if let Some(rest) = word.strip_prefix('-')
            && self.check_parts(rest, depth + 1)
        {
            return true;
        }
        if let Some(rest) = word.strip_suffix('-')
            && self.check_parts(rest, depth + 1)
        {
            return true;
        }
        word.split_once('-').is_some_and(|(first, rest)| {
            !rest.is_empty()
                && self.check_parts(first, depth + 1)
                && self.check_parts(rest, depth + 1)
        })
    }

    fn check_cased(&self, word: &str) -> bool {
        match casing(word) {
            Casing::Other => self.has(word, true),
            Casing::Title => self.has(word, false) || self.has(&word.to_lowercase(), true),
            Casing::Upper => {
                self.has(word, true)
                    || self.apostrophe_forms(word)
                    || self.has(&super::hunspell_forms::title_case(word), true)
                    || self.has(&word.to_lowercase(), true)
            }
        }
    }

    /// An all-caps word with an apostrophe inside (`SANT'ELIA`): the part after it in title
    /// case, the part up to it in lower or title case.
    fn apostrophe_forms(&self, word: &str) -> bool {
        let Some(at) = word.find('\'').filter(|&at| at + 1 != word.len()) else {
            return false;
        };
        let (first, rest) = word.split_at(at + 1);
        let rest = super::hunspell_forms::title_case(rest);
        self.has(&format!("{}{rest}", first.to_lowercase()), true)
            || self.has(
                &format!("{}{rest}", super::hunspell_forms::title_case(first)),
                true,
            )
    }

    /// A walk at the empty word.
    pub fn walk(&self) -> Walk<'_> {
        Walk {
            plain: Some(self.plain.as_fst().root()),
            hidden: Some(self.hidden.as_fst().root()),
        }
    }

    /// The walk one letter further.
    pub fn step<'a>(&'a self, at: Walk<'a>, letter: u8) -> Walk<'a> {
        let next = |set: &'a Set<&'static [u8]>, node: Option<Node<'a>>| {
            let node = node?;
            let i = node.find_input(letter)?;
            Some(set.as_fst().node(node.transition_addr(i)))
        };
        Walk {
            plain: next(&self.plain, at.plain),
            hidden: next(&self.hidden, at.hidden),
        }
    }

    fn has(&self, form: &str, or_hidden: bool) -> bool {
        self.plain.contains(form) || (or_hidden && self.hidden.contains(form))
    }
}

/// Hunspell accepts numbers: digits with single `.`, `,` or `-` between them, and a leading `-`.
fn is_number(word: &str) -> bool {
    let word = word.strip_prefix('-').unwrap_or(word);
    let mut after_separator = true;
    for c in word.chars() {
        match c {
            '0'..='9' => after_separator = false,
            '.' | ',' | '-' if !after_separator => after_separator = true,
            _ => return false,
        }
    }
    !word.is_empty() && !after_separator
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for n in ["1950", "-3", "13,2", "1.000.000", "2-3"] {
            assert!(is_number(n), "{n}");
        }
        for n in ["", "-", "1,", "1..2", "ke-2", "Rp5"] {
            assert!(!is_number(n), "{n}");
        }
    }
}
