//! Language data from `rules/*.toml`, embedded at compile time, and the data-driven rules built
//! from it. A file with a `[rule]` table is a rule of its own (a list of phrases with their
//! replacements); other files are data that code rules read (`embedded`).

mod phrases;

pub use phrases::{DataRule, Entry};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// The text of an embedded data file, by file name (`"calque.toml"`).
pub fn embedded(name: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, text)| *text)
}

/// Ids of the data-driven rules, read from their `[rule]` headers.
pub fn data_rule_ids() -> Vec<String> {
    #[derive(serde::Deserialize)]
    struct Header {
        rule: Option<Id>,
    }
    #[derive(serde::Deserialize)]
    struct Id {
        id: String,
    }
    EMBEDDED
        .iter()
        .filter_map(|(_, text)| toml::from_str::<Header>(text).ok()?.rule.map(|r| r.id))
        .collect()
}
