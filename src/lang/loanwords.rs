//! English words respelt as Indonesian respells a loanword (Pedoman Umum Pembentukan Istilah):
//! `microplastic` → `mikroplastik`, `accountable` → `akuntabel`, `occupancy` → `okupansi`.
//!
//! Self-contained (std only): `build.rs` includes this file to compile the respelt English
//! lexicon into a set, so the spelling rule looks loans up instead of respelling 93,000 English
//! words at start-up.

/// English endings and their Indonesian spelling, longest first (-ization → -isasi, -ity →
/// -itas, -ive → -if, -ic → -ik, -ism → -isme, -cy → -si, -ine → -in).
const LOAN_ENDINGS: &[(&str, &str)] = &[
    ("ization", "isasi"),
    ("isation", "isasi"),
    ("ation", "asi"),
    ("ition", "isi"),
    ("ction", "ksi"),
    ("tion", "si"),
    ("sion", "si"),
    ("tial", "sial"),
    ("ical", "ikal"),
    ("ity", "itas"),
    ("ics", "ika"),
    ("ism", "isme"),
    ("ive", "if"),
    ("ure", "ur"),
    ("ble", "bel"),
    ("ine", "in"),
    ("cy", "si"),
    ("ty", "tas"),
    ("ic", "ik"),
    ("y", "i"),
];

/// English letter groups and their Indonesian spelling, tried in order at each position.
const LOAN_LETTERS: &[(&str, &str)] = &[
    ("ph", "f"),
    ("th", "t"),
    ("ch", "k"),
    ("ck", "k"),
    ("qu", "ku"),
    ("rh", "r"),
    ("ee", "i"),
    ("ou", "u"),
    ("x", "ks"),
    ("y", "i"),
];

/// The Indonesian spellings a lower-case English word may take as a loan: the word respelt, its
/// singular respelt (Indonesian has no plural -s: `microplastics` is `mikroplastik`), and for
/// adjectives in -ic the Indonesian adjective in -is (`dilematis`, `praktis`).
pub fn loan_spellings(english: &str) -> Vec<String> {
    let singular = english.strip_suffix('s').filter(|s| s.len() >= 4);
    let spelt: Vec<String> = std::iter::once(english)
        .chain(singular)
        .map(loan_spelling)
        .collect();
    let adjectives: Vec<String> = spelt
        .iter()
        .filter_map(|s| s.strip_suffix("ik").map(|stem| format!("{stem}is")))
        .collect();
    spelt.into_iter().chain(adjectives).collect()
}

/// `english` spelt by the regular correspondences, double letters made single:
/// `microplastic` → `mikroplastik`, `accountable` → `akuntabel`, `occupancy` → `okupansi`.
pub fn loan_spelling(english: &str) -> String {
    let (stem, ending) = LOAN_ENDINGS
        .iter()
        .find_map(|(en, id)| {
            english
                .strip_suffix(en)
                .filter(|s| s.len() >= 2)
                .map(|s| (s, *id))
        })
        .unwrap_or((english, ""));
    let mut out = String::with_capacity(english.len() + 2);
    let mut rest = stem;
    while let Some(c) = rest.chars().next() {
        if let Some((en, id)) = LOAN_LETTERS.iter().find(|(en, _)| rest.starts_with(en)) {
            out.push_str(id);
            rest = &rest[en.len()..];
            continue;
        }
        let next = rest[c.len_utf8()..].chars().next();
        if c == 'c' {
            out.push(if matches!(next, Some('e' | 'i' | 'y')) {
                's'
            } else {
                'k'
            });
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out.push_str(ending);
    single_letters(&out)
}

fn single_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loanwords_respelt() {
        assert_eq!(loan_spelling("microplastic"), "mikroplastik");
        assert_eq!(loan_spelling("accountable"), "akuntabel");
        assert_eq!(loan_spelling("occupancy"), "okupansi");
        assert_eq!(loan_spelling("sequential"), "sekuensial");
        assert_eq!(loan_spelling("screening"), "skrining");
        assert_eq!(loan_spelling(""), "");
        assert_eq!(
            loan_spellings("microplastics"),
            ["mikroplastika", "mikroplastik", "mikroplastis"]
        );
    }
}
