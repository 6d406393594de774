//! A data rule file (`rules/*.toml` or a user's entries) on arbitrary text: compiled or refused
//! with an error; when compiled, it lints its own text without panicking.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::data::DataRule;
use lintas::rules::Rule;
use lintas::testing::Check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let built = Check::rule(&Config::default(), |setup| {
        Ok(Box::new(DataRule::from_toml("fuzz.toml", text, setup)?) as Box<dyn Rule>)
    });
    if let Ok(check) = built {
        check.findings(text);
    }
});
