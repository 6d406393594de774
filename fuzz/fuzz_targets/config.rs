//! `lintas.toml` parsing and validation on arbitrary text: an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::engine::{Linter, Selection};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(config) = Config::parse(text) {
        let _ = config.document_date();
        let _ = Linter::new(&config, &Selection::default());
    }
});
