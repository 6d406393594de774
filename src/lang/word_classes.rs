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

/// Speech tags news writes after a quotation (`“…,” ujarnya.`): a verb of saying with `-nya`.
const SPEECH_TAGS: &[&str] = &[
    "imbuhnya",
    "jelasnya",
    "katanya",
    "lanjutnya",
    "paparnya",
    "sebutnya",
    "tambahnya",
    "tegasnya",
    "terangnya",
    "tuturnya",
    "ucapnya",
    "ujarnya",
    "ungkapnya",
];

/// Whether the lower-case `word` is a speech tag.
pub fn is_speech_tag(lower: &str) -> bool {
    SPEECH_TAGS.binary_search(&lower).is_ok()
}

/// Words that carry a clause on from what comes before them (a relative pronoun, a conjunction
/// inside a sentence, a preposition): after a stray full stop they say the two halves are one
/// sentence. Words that open sentences as often (`namun`, `karena`, `ini`) are not here.
const CLAUSE_CONTINUATIONS: &[&str] = &[
    "antara",
    "atas",
    "atau",
    "bagi",
    "bahwa",
    "dalam",
    "dan",
    "dari",
    "demi",
    "dengan",
    "di",
    "hingga",
    "ke",
    "kepada",
    "maupun",
    "melainkan",
    "melalui",
    "oleh",
    "pada",
    "sampai",
    "sebagai",
    "sedangkan",
    "sehingga",
    "selama",
    "seperti",
    "serta",
    "tentang",
    "terhadap",
    "termasuk",
    "tetapi",
    "untuk",
    "yaitu",
    "yakni",
    "yang",
];

/// Words that open a subordinate clause (`karena`, `setelah`): after a main clause they join it,
/// but they also open a sentence whose main clause follows a comma (`Setelah itu, …`).
const SUBORDINATORS: &[&str] = &[
    "akibat",
    "apabila",
    "bersama",
    "jika",
    "kalau",
    "karena",
    "ketika",
    "meski",
    "meskipun",
    "saat",
    "sebelum",
    "sejak",
    "sementara",
    "setelah",
    "walaupun",
];

/// Whether the lower-case `word` opens a subordinate clause.
pub fn opens_subordinate_clause(lower: &str) -> bool {
    SUBORDINATORS.binary_search(&lower).is_ok()
}

/// Whether the lower-case `word` carries a clause on from the words before it.
pub fn continues_clause(lower: &str) -> bool {
    CLAUSE_CONTINUATIONS.binary_search(&lower).is_ok()
}

/// Words that join the parts of a name and carry no meaning of their own.
pub fn is_connector(word: &str) -> bool {
    let is = |w: &str| {
        ["dan", "serta", "bidang", "of", "and", "the", "for", "untuk"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
    };
    // An ASCII word is compared in place; only another needs lower-casing (a Kelvin sign is a k).
    if word.is_ascii() {
        is(word)
    } else {
        is(&word.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_for_binary_search() {
        for list in [
            FUNCTION_WORDS,
            SPEECH_TAGS,
            CLAUSE_CONTINUATIONS,
            SUBORDINATORS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(is_function_word("yang") && !is_function_word("rata"));
    }
}
