//! Language data from `rules/*.toml`, embedded at compile time, and the data-driven rules built
//! from it. A file with a `[rule]` table is a rule of its own (a list of phrases with their
//! replacements); other files are data that code rules read (`embedded`).

mod phrases;

pub use phrases::{DataRule, Entry};

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

/// An embedded data file, by its file name (`"calque.toml"`), as JSON (`build.rs` converts it).
pub fn embedded(name: &str) -> Option<&'static str> {
    EMBEDDED
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, text, _)| *text)
}

/// Ids of the data-driven rules (read from their `[rule]` headers by `build.rs`).
pub fn data_rule_ids() -> impl Iterator<Item = &'static str> {
    EMBEDDED.iter().filter_map(|(_, _, id)| *id)
}

/// File names of the embedded rule files (those with a `[rule]` table).
pub fn data_rule_files() -> impl Iterator<Item = &'static str> {
    EMBEDDED
        .iter()
        .filter(|(_, _, id)| id.is_some())
        .map(|(name, _, _)| *name)
}

/// Every regex the shipped data rules run (`regex` and `unless-sentence`), with the file it is
/// written in: the shipped ones are compiled on first use, so tests compile and screen them all.
#[cfg(test)]
pub fn shipped_regexes() -> Vec<(&'static str, String)> {
    data_rule_files()
        .flat_map(|name| {
            DataRule::embedded(name, &crate::config::Config::default())
                .expect("a shipped rule builds")
                .entries()
                .iter()
                .flat_map(|e| e.regex.iter().chain(&e.unless_sentence))
                .map(|pattern| (name, pattern.clone()))
                .collect::<Vec<_>>()
        })
        .collect()
}
