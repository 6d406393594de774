//! Acronyms: the glossary of accepted expansions (`rules/acronyms.toml`) and the test of whether
//! a phrase can be what an acronym abbreviates, by initial letters or syllables.

use anyhow::{Context, bail};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Acronym {
    pub acronym: String,
    /// Accepted expansions, Indonesian first.
    pub expansions: Vec<String>,
    pub source: String,
}

#[derive(Debug)]
pub struct Glossary {
    entries: Vec<Acronym>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    acronym: Vec<Acronym>,
}

impl Glossary {
    /// The glossary lintas ships (`rules/acronyms.toml`).
    pub fn builtin() -> Glossary {
        let text = crate::data::embedded("acronyms.toml")
            .expect("build.rs embeds every rules/*.toml, acronyms.toml included");
        Glossary::parse(text).expect("the embedded glossary is valid (its tests hold it)")
    }

    pub fn parse(text: &str) -> anyhow::Result<Glossary> {
        let file: GlossaryFile = serde_json::from_str(text).context("acronym glossary")?;
        for (i, a) in file.acronym.iter().enumerate() {
            if a.source.trim().is_empty() || a.expansions.is_empty() {
                bail!("acronym “{}”: needs expansions and a source", a.acronym);
            }
            if file.acronym[..i].iter().any(|b| b.acronym == a.acronym) {
                bail!("acronym “{}” is listed twice", a.acronym);
            }
        }
        Ok(Glossary {
            entries: file.acronym,
        })
    }

    /// The entry for an acronym as written, or written in capitals (MOU for MoU).
    pub fn get(&self, written: &str) -> Option<&Acronym> {
        self.entries
            .iter()
            .find(|a| a.acronym == written)
            .or_else(|| {
                // Compared in capitals without building a copy per entry; an ASCII acronym keeps
                // its length in capitals, so most entries are turned away by it.
                let in_capitals = |a: &&Acronym| {
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
        let glossary = Glossary::builtin();
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
        assert!(
            Glossary::parse("[[acronym]]\nacronym = \"A\"\nexpansions = []\nsource = \"s\"\n")
                .is_err()
        );
    }
}
