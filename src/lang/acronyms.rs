//! Acronyms: the glossary of accepted expansions (`rules/acronym-mismatch.toml`) and the test of whether
//! a phrase can be what an acronym abbreviates, by initial letters or syllables.

use crate::data::schema::Expansions;

/// Acronyms and the expansions accepted for each.
#[derive(Debug)]
pub struct Glossary {
    entries: Vec<Expansions>,
}

impl Glossary {
    pub fn new(entries: Vec<Expansions>) -> Glossary {
        Glossary { entries }
    }

    /// The entry for an acronym as written, or written in capitals (MOU for MoU).
    pub fn get(&self, written: &str) -> Option<&Expansions> {
        self.entries
            .iter()
            .find(|a| a.acronym == written)
            .or_else(|| {
                // Compared in capitals without building a copy per entry; an ASCII acronym keeps
                // its length in capitals, so most entries are turned away by it.
                let in_capitals = |a: &&Expansions| {
                    (a.acronym.len() == written.len() || !a.acronym.is_ascii())
                        && a.acronym
                            .chars()
                            .flat_map(char::to_uppercase)
                            .eq(written.chars())
                };
                (written.len() > 1)
                    .then(|| self.entries.iter().find(in_capitals))
                    .flatten()
            })
    }
}

/// Whether `phrase` is one of `expansions` (case, commas and spacing aside).
pub fn accepts(expansions: &[String], phrase: &str) -> bool {
    let phrase = normalize(phrase);
    expansions.iter().any(|e| normalize(e) == phrase)
}

/// Whether `phrase` ends with one of `expansions`.
pub fn accepts_ending(expansions: &[String], phrase: &str) -> bool {
    let phrase = normalize(phrase);
    expansions.iter().any(|e| {
        let e = normalize(e);
        phrase == e || phrase.ends_with(&format!(" {e}"))
    })
}

/// Lower case, commas dropped, single spaces.
pub fn normalize(phrase: &str) -> String {
    phrase
        .replace(',', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether the words can be what `acronym` abbreviates: the acronym starts with the first
/// word's initial and its letters appear in order in the words (initials or syllables: Badan
/// Gizi Nasional → BGN, Komunikasi dan Digital → Komdigi). Digits are ignored (B2B).
pub fn fits(acronym: &str, words: &[&str]) -> bool {
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    let Some(first) = words.first() else {
        return false;
    };
    let Some(&initial) = letters.first() else {
        return true;
    };
    if first.chars().next().and_then(|c| c.to_lowercase().next()) != Some(initial) {
        return false;
    }
    let mut wanted = letters.iter().peekable();
    for c in words
        .iter()
        .flat_map(|w| w.chars())
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
    {
        if wanted.peek() == Some(&&c) {
            wanted.next();
        }
    }
    wanted.peek().is_none()
}

/// Whether some ending of `words` fits the acronym (the expansion's start is not marked).
pub fn some_ending_fits(acronym: &str, words: &[&str]) -> bool {
    (1..=words.len()).any(|k| fits(acronym, &words[words.len() - k..]))
}

/// The meaningful lower-case parts of a phrase (hyphenated parts apart, short joiners dropped).
pub fn content_parts(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|p| p.chars().count() >= 3 && !super::institutions::is_connector(p))
        .map(str::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_syllables_fit() {
        assert!(fits("BGN", &["Badan", "Gizi", "Nasional"]));
        assert!(fits("PDB", &["Produk", "Domestik", "Bruto"]));
        assert!(fits("OJK", &["Otoritas", "Jasa", "Keuangan"]));
        assert!(fits("Komdigi", &["Komunikasi", "dan", "Digital"]));
        assert!(fits("IoT", &["Internet", "of", "Things"]));
        assert!(!fits("B2B", &["digital-ke-bisnis"]));
        assert!(!fits("BGN", &["Gizi", "Nasional"]));
        assert!(some_ending_fits(
            "BGN",
            &["kata", "Badan", "Gizi", "Nasional"]
        ));
        assert!(!some_ending_fits(
            "B2B",
            &["kolaborasi", "ekosistem", "digital-ke-bisnis"]
        ));
    }

    #[test]
    fn the_glossary_loads_and_accepts() {
        let file: crate::data::schema::AcronymMismatchFile = crate::data::load("acronym-mismatch");
        let glossary = Glossary::new(file.acronym);
        let b2b = &glossary.get("B2B").expect("B2B is listed").expansions;
        assert!(accepts(b2b, "bisnis-ke-bisnis"));
        assert!(accepts_ending(b2b, "ekosistem bisnis-ke-bisnis"));
        assert!(!accepts_ending(b2b, "digital-ke-bisnis"));
        assert!(glossary.get("MOU").is_some());
        assert!(glossary.get("umkm").is_none());
        assert!(
            glossary
                .get("UMKM")
                .is_some_and(|a| accepts(&a.expansions, "Usaha Mikro, Kecil, dan Menengah"))
        );
    }
}
