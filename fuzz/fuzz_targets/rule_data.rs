//! A data rule file (`rules/*.toml` or a user's entries) on arbitrary text: compiled or refused
//! with an error; when compiled, it lints its own text without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::data::DataRule;
use lintas::rules::Rule;
use lintas::source::Document;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(rule) = DataRule::from_toml("fuzz.toml", text, &Config::default()) {
        let doc = Document::new("fuzz.txt", text);
        let mut out = Vec::new();
        rule.check(&doc, &mut out);
    }
});
