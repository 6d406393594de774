//! A text cut into sections as a large file or standard input is, at any section size, as plain
//! text, Markdown or MDX: the sections join up to the text, each knows its offset, line and column in
//! the file, and invalid UTF-8 is an error, never a panic.
#![no_main]

use std::io::{BufReader, Read};

use libfuzzer_sys::fuzz_target;
use lintas::input::Sections;
use lintas::source::markdown::Dialect;

fuzz_target!(|data: (u8, u8, &[u8])| {
    let (size, dialect, bytes) = data;
    let markdown = match dialect % 3 {
        0 => None,
        1 => Some(Dialect::Markdown),
        _ => Some(Dialect::Mdx),
    };
    let reader: Box<dyn Read + Send> = Box::new(std::io::Cursor::new(bytes.to_vec()));
    let mut joined = String::new();
    for section in Sections::over(BufReader::new(reader), "fuzz".into(), markdown, usize::from(size)) {
        let Ok(section) = section else {
            assert!(std::str::from_utf8(bytes).is_err(), "only invalid UTF-8 fails");
            return;
        };
        let before = &joined[..];
        assert_eq!(section.origin.offset, before.len());
        assert_eq!(section.origin.line, before.matches('\n').count());
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count());
        assert_eq!(section.origin.column, column);
        joined.push_str(&section.text);
    }
    assert_eq!(joined.as_bytes(), bytes);
});
