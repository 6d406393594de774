//! Words compared in lower case against short lists written in lower case.

/// The first of `items` whose key, written in lower case, is `word` lower-cased. ASCII words
/// (nearly all) are compared in place: words near every number or date are looked up in short
/// lists, and a lower-case copy of each would cost more than the lookup.
pub fn find_lowercased<'a, T>(
    word: &str,
    items: &'a [T],
    key: impl Fn(&T) -> &str,
) -> Option<&'a T> {
    if word.is_ascii() {
        items
            .iter()
            .find(|item| key(item).eq_ignore_ascii_case(word))
    } else {
        let lower = word.to_lowercase();
        items.iter().find(|item| key(item) == lower)
    }
}

/// Whether `word` lower-cased is one of `list`, written in lower case.
pub fn is_lowercase_one_of(word: &str, list: &[&str]) -> bool {
    find_lowercased(word, list, |w| w).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_in_lower_case_lists() {
        let list = ["pukul", "km"];
        assert!(is_lowercase_one_of("Pukul", &list));
        assert!(is_lowercase_one_of("PUKUL", &list));
        assert!(!is_lowercase_one_of("pukulan", &list));
        // The Kelvin sign lower-cases to an ASCII `k`.
        assert!(is_lowercase_one_of("\u{212A}m", &list));
        assert!(!is_lowercase_one_of("\u{212A}", &list));
        let pairs = [("juta", 6), ("ribu", 3)];
        assert_eq!(find_lowercased("Ribu", &pairs, |p| p.0), Some(&("ribu", 3)));
    }
}
