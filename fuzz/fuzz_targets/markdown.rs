//! Arbitrary text as a Markdown or MDX document (front matter, code, HTML, site generators'
//! templating, JSX, suppression comments): the lint view keeps every byte offset, and linting and
//! fixing it never panic.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::diagnostic::Applicability;
use lintas::engine::{Linter, Selection};
use lintas::input::{FileInput, Input};
use lintas::source::markdown;

static LINTER: LazyLock<Linter> =
    LazyLock::new(|| Linter::new(&Config::default(), &Selection::default()).expect("the built-in rules compile"));

fuzz_target!(|data: (bool, &[u8])| {
    let (mdx, data) = data;
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (name, dialect) = if mdx {
        ("fuzz.mdx", markdown::Dialect::Mdx)
    } else {
        ("fuzz.md", markdown::Dialect::Markdown)
    };
    let doc = markdown::parse(name.to_string(), text.to_string(), dialect);
    assert_eq!(doc.text().len(), doc.source().len());
    for comment in doc.comments() {
        assert!(text.is_char_boundary(comment.start) && text.is_char_boundary(comment.end));
    }
    let input = Input::File(FileInput { name: name.to_string(), path: name.into() });
    let result = LINTER.run_text(&input, text.to_string(), None).expect("linting never fails");
    for d in &result.diagnostics {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end), "{d:?}");
    }
    LINTER.run_text(&input, text.to_string(), Some(Applicability::Unsafe)).expect("fixes settle");
});
