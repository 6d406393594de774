//! A phrase rule file (like `rules/calque.toml`, with a newsroom's regexes allowed) on arbitrary
//! text: compiled or refused with an error; when compiled, it lints its own text without
//! panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::rules::PhraseRule;
use lintas::testing::Check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(check) = Check::rule(&Config::default(), "fuzz", |setup| PhraseRule::from_toml(text, setup)) {
        check.findings(text);
    }
});
