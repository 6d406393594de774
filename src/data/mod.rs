//! Language data from `rules/*.toml`, embedded at compile time, and the data-driven rules built
//! from it. A file with a `[rule]` table is a rule of its own (a list of phrases with their
//! replacements); other files are data that code rules read (`embedded`).

mod conditions;
mod phrases;

pub use conditions::{After, NextWord, Pair};

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
