//! Reading numerals as news text writes them: which separator convention a numeral can belong to,
//! and the words for large quantities.
//!
//! Indonesian separates thousands with a full stop and decimals with a comma (`1.500.000`,
//! `2,5`); English does the opposite. Many numerals fit only one convention; some (`1,000`, `2.500`)
//! fit both, and only their surroundings can tell.

use crate::source::find_lowercased;

/// What a numeral's separators allow it to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separators {
    /// Digits only: `2025`.
    Plain,
    /// Only Indonesian reads it: `1.500.000`, `2,5`, `1.500,75`.
    Indonesian,
    /// Only English reads it: `1,500,000`, `1,500.75`.
    English,
    /// One comma before exactly three digits: English thousands (`75,000`) or an Indonesian
    /// decimal (`7,272 miliar`).
    CommaThree,
    /// One full stop before exactly three digits: Indonesian thousands (`2.500`) or an English
    /// decimal.
    DotThree,
    /// One full stop not before three digits: an English decimal (`2.5`), a time (`10.00`), a
    /// version or a section number (`2.1`) — never Indonesian thousands.
    DotOther,
    /// Anything else: versions and IP addresses (`192.168.1.1`), digit lists, dates.
    Other,
}

/// Classify a numeral made of ASCII digits, `.` and `,`. Called for every number in a text:
/// nothing is allocated.
pub fn separators(numeral: &str) -> Separators {
    if numeral.is_empty()
        || !numeral
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return Separators::Other;
    }
    let mut groups = numeral
        .as_bytes()
        .split(|&b| !b.is_ascii_digit())
        .map(<[u8]>::len);
    if groups.clone().any(|len| len == 0) {
        return Separators::Other;
    }
    let mut seps = numeral.bytes().filter(|b| !b.is_ascii_digit());
    let Some(first_sep) = seps.next() else {
        return Separators::Plain;
    };
    // Every separator but the last separates thousands, and they must all be the same.
    let (sep_count, last_sep, same_thousands) = seps
        .fold((1, first_sep, true), |(count, before, same), sep| {
            (count + 1, sep, same && before == first_sep)
        });
    let lead_ok = groups.clone().next().is_some_and(|len| len <= 3);
    let inner_three = groups
        .clone()
        .skip(1)
        .take(sep_count - 1)
        .all(|len| len == 3);
    let last_three = groups.next_back() == Some(3);
    if sep_count == 1 {
        return match (last_sep, lead_ok && last_three) {
            (b',', true) => Separators::CommaThree,
            (b',', false) => Separators::Indonesian,
            (_, true) => Separators::DotThree,
            _ => Separators::DotOther,
        };
    }
    let thousands = first_sep;
    if !lead_ok || !inner_three || !same_thousands {
        return Separators::Other;
    }
    match (thousands, last_sep) {
        // `1.500.000` or `1.500,75`.
        (b'.', b'.') if last_three => Separators::Indonesian,
        (b'.', b',') => Separators::Indonesian,
        // `1,500,000` or `1,500.75`.
        (b',', b',') if last_three => Separators::English,
        (b',', b'.') => Separators::English,
        _ => Separators::Other,
    }
}

/// `numeral` with the roles of `.` and `,` exchanged: `1,500,000.5` → `1.500.000,5`.
pub fn swap_separators(numeral: &str) -> String {
    numeral
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            c => c,
        })
        .collect()
}

/// A word for a power of ten that follows a numeral: `juta`, `billion`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Magnitude {
    /// The Indonesian word (KBBI).
    pub indonesian: &'static str,
    /// Whether the word is English (`billion`): Indonesian writes `indonesian` instead.
    pub english: bool,
}

/// Magnitude words, Indonesian and English, compared lower-case, with the Indonesian word and
/// whether they are English. `milyar` is Indonesian, if not the standard spelling: that is for
/// the list of non-standard words to say.
const MAGNITUDES: &[(&str, &str, bool)] = &[
    ("ribu", "ribu", false),
    ("juta", "juta", false),
    ("miliar", "miliar", false),
    ("triliun", "triliun", false),
    ("thousand", "ribu", true),
    ("million", "juta", true),
    ("billion", "miliar", true),
    ("trillion", "triliun", true),
    ("milyar", "miliar", false),
];

/// The magnitude `word` names, if any.
pub fn magnitude(word: &str) -> Option<Magnitude> {
    find_lowercased(word, MAGNITUDES, |(w, _, _)| w).map(|&(_, indonesian, english)| Magnitude {
        indonesian,
        english,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_separators() {
        use Separators::*;
        for (numeral, expected) in [
            ("2025", Plain),
            ("1.500.000", Indonesian),
            ("2,5", Indonesian),
            ("1.500,75", Indonesian),
            ("13,25", Indonesian),
            ("1,500,000", English),
            ("1,500.75", English),
            ("1,500,000.5", English),
            ("75,000", CommaThree),
            ("7,272", CommaThree),
            ("2.500", DotThree),
            ("2.5", DotOther),
            ("10.00", DotOther),
            ("3.75", DotOther),
            ("2025.5", DotOther),
            ("192.168.1.1", Other),
            ("100.3.3.1", Other),
            ("1,2,3", Other),
            ("1.500,000.5", Other),
            ("1,500.000", English),
            ("25/1/2025", Other),
            ("", Other),
            ("1..2", Other),
        ] {
            assert_eq!(separators(numeral), expected, "{numeral}");
        }
    }

    #[test]
    fn swaps_and_magnitudes() {
        assert_eq!(swap_separators("1,500,000.5"), "1.500.000,5");
        assert_eq!(swap_separators("2.5"), "2,5");
        assert_eq!(magnitude("Billion").map(|m| m.indonesian), Some("miliar"));
        assert_eq!(magnitude("juta").map(|m| m.english), Some(false));
        assert_eq!(magnitude("milyar").map(|m| m.english), Some(false));
        assert_eq!(magnitude("Billion").map(|m| m.english), Some(true));
        assert_eq!(magnitude("orang"), None);
    }
}
