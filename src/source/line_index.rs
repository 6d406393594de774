//! Byte offset → 1-based line and column (columns counted in Unicode scalar values, as the
//! JSON contract says).

use std::sync::OnceLock;

/// The text is cut into chunks of this many bytes, whose characters are counted once: a column
/// is then the count at the chunk before it plus at most one chunk's bytes, whatever the length
/// of its line (a one-line file with findings all along it would otherwise take time quadratic
/// in its length).
const CHUNK: usize = 256;

/// Start offsets of every line, and the characters before every chunk, computed once per
/// document.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// `chars_before[i]`: the characters in the first `i * CHUNK` bytes; empty when no line is
    /// longer than [`LONG_LINE`], where counting from the line's start is as quick.
    chars_before: Vec<usize>,
}

/// A line longer than this many bytes makes the index count characters by chunk.
const LONG_LINE: usize = 16 * CHUNK;

/// How many characters start in `bytes`: every byte but UTF-8's continuation bytes. On a
/// range between two character boundaries, the range's character count.
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// A position as reports show it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        let longest = (starts.windows(2).map(|w| w[1] - w[0]))
            .chain(std::iter::once(text.len() - starts[starts.len() - 1]))
            .max()
            .unwrap_or(0);
        let chars_before = if longest <= LONG_LINE {
            Vec::new()
        } else {
            std::iter::once(0)
                .chain(text.as_bytes().chunks(CHUNK).scan(0, |before, chunk| {
                    *before += char_starts(chunk);
                    Some(*before)
                }))
                .collect()
        };
        LineIndex {
            starts,
            chars_before,
        }
    }

    /// The characters before byte `offset` of `text`, the text this index was built from.
    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.chars_before[chunk] + char_starts(&text.as_bytes()[chunk * CHUNK..offset])
    }

    /// 0-based line number of `offset`.
    pub fn line_of(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// Where the 0-based `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.starts[line.min(self.starts.len() - 1)]
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// 1-based line and character column of `offset`, which must be on a char boundary of `text`,
    /// the text this index was built from (a byte-order mark opening a line takes no column).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.clamp(start, text.len());
        // A byte-order mark is invisible in every editor: it takes no column.
        let bom = '\u{feff}'.len_utf8();
        let invisible = usize::from(
            offset >= start + bom && text.as_bytes()[start..].starts_with("\u{feff}".as_bytes()),
        );
        let before = if self.chars_before.is_empty() {
            char_starts(&text.as_bytes()[start..offset])
        } else {
            self.chars_to(text, offset) - self.chars_to(text, start)
        };
        let column = before - invisible + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// Where a text starts in its file: a whole file starts at 0; a section of a large file starts at
/// the beginning of some line further in, or inside one too long to read whole.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset of the text's first byte in the file.
    pub offset: usize,
    /// How many lines of the file come before it.
    pub line: usize,
    /// How many characters of its first line come before it: none, but for a section that
    /// continues a line too long to be read whole.
    pub column: usize,
}

/// File positions for offsets into a text that starts at `origin`.
#[derive(Debug)]
pub struct Positions<'a> {
    text: &'a str,
    /// Indexed on first use: a file without findings needs no line numbers.
    lines: OnceLock<LineIndex>,
    origin: Origin,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str, origin: Origin) -> Self {
        Positions {
            text,
            lines: OnceLock::new(),
            origin,
        }
    }

    /// The file's 1-based line and character column of `offset` (an offset into the text).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let lc = self.lines().line_col(self.text, offset);
        let shift = if lc.line == 1 { self.origin.column } else { 0 };
        LineCol {
            line: lc.line + self.origin.line,
            column: lc.column + shift,
        }
    }

    /// The file's byte offset of `offset`.
    pub fn offset(&self, offset: usize) -> usize {
        self.origin.offset + offset
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn origin(&self) -> Origin {
        self.origin
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let text = "ab\n“cd” e\r\nf";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), LineCol { line: 1, column: 1 });
        assert_eq!(idx.line_col(text, 3), LineCol { line: 2, column: 1 });
        // “ is three bytes but one column.
        assert_eq!(idx.line_col(text, 6), LineCol { line: 2, column: 2 });
        assert_eq!(
            idx.line_col(text, text.len()),
            LineCol { line: 3, column: 2 }
        );
        assert_eq!(idx.line_count(), 3);
    }

    proptest::proptest! {
        /// Columns counted by chunks are the characters from the line's start, whatever the
        /// line's length and where the chunks cut its characters.
        #[test]
        fn chunked_columns_count_characters(
            text in "(\u{feff}?[a-z“”é\u{1F600} \n]{0,40}){0,30}",
        ) {
            let idx = LineIndex::new(&text);
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let before = &text[start..offset];
                let before = before.strip_prefix('\u{feff}').unwrap_or(before);
                let lc = idx.line_col(&text, offset);
                proptest::prop_assert_eq!(lc.column, before.chars().count() + 1);
                proptest::prop_assert_eq!(lc.line, text[..offset].matches('\n').count() + 1);
            }
        }
    }

    /// 160,000 columns along one 1.1 MB line: counted from the line's start each, they took
    /// seconds in an optimised build.
    #[test]
    fn columns_along_one_long_line() {
        let text = "résiko ".repeat(160_000);
        let idx = LineIndex::new(&text);
        let columns: Vec<usize> = (0..160_000)
            .map(|i| idx.line_col(&text, i * 8).column)
            .collect();
        assert!(columns.iter().enumerate().all(|(i, &c)| c == i * 7 + 1));
    }

    #[test]
    fn sections_report_file_positions() {
        let section = "x\nresiko";
        let pos = Positions::new(
            section,
            Origin {
                offset: 100,
                line: 7,
                column: 40,
            },
        );
        // The first line continues one cut 40 characters in; the next starts afresh.
        assert_eq!(
            pos.line_col(0),
            LineCol {
                line: 8,
                column: 41
            }
        );
        assert_eq!(pos.line_col(2), LineCol { line: 9, column: 1 });
        assert_eq!(pos.offset(2), 102);
    }
}
