//! Letter case: replacements keep the case of what they replace (“Resiko” → “Risiko”).

/// The case pattern of a word or phrase.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CaseShape {
    Lower,
    /// First letter upper, the rest not all upper: `Resiko`, `Memorandum Pemahaman`.
    Capitalized,
    Upper,
    Mixed,
}

pub fn shape(s: &str) -> CaseShape {
    let mut letters = s.chars().filter(|c| c.is_alphabetic());
    let Some(first) = letters.next() else {
        return CaseShape::Lower;
    };
    let (mut all_lower, mut all_upper, mut several) =
        (first.is_lowercase(), first.is_uppercase(), false);
    for c in letters {
        all_lower &= c.is_lowercase();
        all_upper &= c.is_uppercase();
        several = true;
    }
    if all_lower {
        CaseShape::Lower
    } else if several && all_upper {
        CaseShape::Upper
    } else if first.is_uppercase() {
        CaseShape::Capitalized
    } else {
        CaseShape::Mixed
    }
}

/// `replacement` cased like `original`: a lower-case replacement follows the original's shape;
/// one that has capitals of its own (`MoU`, `Komdigi`) is kept as written.
pub fn match_case(original: &str, replacement: &str) -> String {
    if shape(replacement) != CaseShape::Lower {
        return replacement.to_string();
    }
    match shape(original) {
        CaseShape::Upper => replacement.to_uppercase(),
        CaseShape::Capitalized => capitalize_first(replacement),
        CaseShape::Lower | CaseShape::Mixed => replacement.to_string(),
    }
}

/// Like [`match_case`], for a phrase at `sentence_start` or not: English Title Case copied into
/// the middle of a sentence (“Memorandum Pemahaman”) does not make an Indonesian common noun
/// capitalised, while a capital that starts the sentence is kept.
pub fn match_case_in_context(original: &str, replacement: &str, sentence_start: bool) -> String {
    let title_case_phrase =
        original.split_whitespace().count() > 1 && shape(original) == CaseShape::Capitalized;
    if title_case_phrase && !sentence_start && shape(replacement) == CaseShape::Lower {
        return replacement.to_string();
    }
    match_case(original, replacement)
}

pub fn capitalize_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

pub fn starts_uppercase(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a line is written in Title Case, as a headline is (“Menteri Komunikasi dan
/// Informatika Tinjau Pusat Data”): at least three words of four letters or more, three in four
/// of them capitalised, and no sentence ending inside it. Short words stay out of the count,
/// since headlines keep `di`, `dan`, `ke` lower-case.
pub fn is_title_case(line: &str) -> bool {
    let trimmed = line.trim_end();
    if trimmed.ends_with(['.', '!', '?']) || trimmed.contains(". ") {
        return false;
    }
    let (mut long, mut capitalised) = (0usize, 0usize);
    for word in trimmed.split(|c: char| !c.is_alphanumeric() && c != '-') {
        if word.chars().count() >= 4 && word.chars().next().is_some_and(char::is_alphabetic) {
            long += 1;
            capitalised += usize::from(starts_uppercase(word));
        }
    }
    long >= 3 && capitalised * 4 >= long * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines_are_title_case() {
        assert!(is_title_case(
            "Menteri Komunikasi dan Informatika Tinjau Pusat Data di Batam"
        ));
        assert!(is_title_case(
            "Mendagri Imbau Pemda Kendalikan Harga Komoditas Pangan"
        ));
        assert!(!is_title_case(
            "Menteri Komunikasi dan Informatika meninjau pusat data."
        ));
        assert!(!is_title_case("Rapat Dimulai. Menteri Datang Terlambat"));
        assert!(!is_title_case("Kominfo"));
    }

    #[test]
    fn shapes_by_letters_alone() {
        let cases = [
            ("", CaseShape::Lower),
            ("2025", CaseShape::Lower),
            ("kata-kata", CaseShape::Lower),
            ("Kata", CaseShape::Capitalized),
            ("A", CaseShape::Capitalized),
            ("MoU", CaseShape::Capitalized),
            ("B2B", CaseShape::Upper),
            ("ÉTAT", CaseShape::Upper),
            ("iPhone", CaseShape::Mixed),
            ("é", CaseShape::Lower),
        ];
        for (word, expected) in cases {
            assert_eq!(shape(word), expected, "{word}");
        }
    }

    #[test]
    fn keeps_the_original_case() {
        assert_eq!(match_case("Resiko", "risiko"), "Risiko");
        assert_eq!(match_case("RESIKO", "risiko"), "RISIKO");
        assert_eq!(match_case("resiko", "risiko"), "risiko");
        assert_eq!(
            match_case("Memorandum Pemahaman", "nota kesepahaman"),
            "Nota kesepahaman"
        );
        assert_eq!(match_case("MOU", "MoU"), "MoU");
        assert_eq!(match_case("ijin", "izin"), "izin");
        assert_eq!(
            match_case_in_context("Memorandum Pemahaman", "nota kesepahaman", false),
            "nota kesepahaman"
        );
        assert_eq!(
            match_case_in_context("Memorandum Pemahaman", "nota kesepahaman", true),
            "Nota kesepahaman"
        );
        assert_eq!(match_case_in_context("Resiko", "risiko", false), "Risiko");
    }
}
