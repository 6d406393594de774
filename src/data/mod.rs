//! The language data in `rules/`, as `build.rs` checked and embedded it: every file read into
//! its type in [`schema`] (a bad entry fails the build with its file and line) and written into
//! the binary as JSON, which reads several times faster than TOML. A run reads it here, with the
//! same types; a newsroom's additions come from `lintas.toml` and are checked the same way.

pub mod schema;

use serde::de::DeserializeOwned;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The data file `rules/NAME.toml` (`"institutions"`, `"calque"`), as its type `T`.
///
/// # Panics
/// When no such file is embedded or it is not a `T`: both are mistakes in lintas's own code,
/// which every test run meets (the data itself was checked by `build.rs`).
pub fn load<T: DeserializeOwned>(name: &str) -> T {
    let json = EMBEDDED
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, json)| *json)
        .unwrap_or_else(|| panic!("rules/{name}.toml is not embedded"));
    serde_json::from_str(json).unwrap_or_else(|e| {
        panic!("rules/{name}.toml is read as another type than build.rs checked: {e}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every embedded file reads back as the type `build.rs` checked it with.
    #[test]
    fn every_file_reads_back() {
        assert!(EMBEDDED.len() >= 10);
        for (name, json) in EMBEDDED {
            let value: serde_json::Value = serde_json::from_str(json).expect("JSON");
            assert!(value.is_object(), "{name}");
        }
        let register: schema::RegisterFile = load("institutions");
        assert!(register.institution.len() >= 60);
        let calque: schema::PhraseRuleFile = load("calque");
        assert!(!calque.entry.is_empty());
    }
}
