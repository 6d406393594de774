//! Closed word classes of Indonesian that several rules need.

/// Function words (kata tugas): prepositions, conjunctions, particles, common determiners and
/// auxiliaries. Never reduplicated as a content word, so a doubled one is a typo.
const FUNCTION_WORDS: &[&str] = &[
    "adalah",
    "agar",
    "akan",
    "antara",
    "atas",
    "atau",
    "bagi",
    "bahwa",
    "belum",
    "bila",
    "dalam",
    "dan",
    "dari",
    "demi",
    "dengan",
    "di",
    "hingga",
    "ia",
    "ini",
    "itu",
    "jika",
    "juga",
    "karena",
    "ke",
    "kepada",
    "ketika",
    "maka",
    "masih",
    "melalui",
    "menjadi",
    "merupakan",
    "namun",
    "oleh",
    "pada",
    "para",
    "saat",
    "sebagai",
    "sejak",
    "selama",
    "serta",
    "sudah",
    "tak",
    "telah",
    "tentang",
    "terhadap",
    "tetapi",
    "tidak",
    "untuk",
    "yaitu",
    "yakni",
    "yang",
];

pub fn is_function_word(lower: &str) -> bool {
    FUNCTION_WORDS.binary_search(&lower).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_function_word("yang") && !is_function_word("rata"));
    }
}
