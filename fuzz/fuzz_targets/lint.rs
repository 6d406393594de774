//! Every rule, and the fix loop at its most permissive, on arbitrary text: no panic, every span
//! inside the text and on character boundaries, and the fixes always settle.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::diagnostic::Applicability;
use lintas::engine::{Linter, Selection};
use lintas::input::{FileInput, Input};

static LINTER: LazyLock<Linter> =
    LazyLock::new(|| Linter::new(&Config::default(), &Selection::default()).expect("the built-in rules compile"));

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = Input::File(FileInput { name: "fuzz.txt".to_string(), path: "fuzz.txt".into() });
    let result = LINTER.run_text(&input, text.to_string(), None).expect("linting never fails");
    for d in &result.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end <= text.len(), "{d:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
        for e in d.fixes.iter().flat_map(|f| &f.edits) {
            assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{e:?}");
        }
    }
    LINTER.run_text(&input, text.to_string(), Some(Applicability::Unsafe)).expect("fixes settle");
});
