//! Byte offset → 1-based line and column: columns count the characters a reader sees, Unicode
//! scalar values (as the JSON contract says) but U+FEFF, which no editor shows (a byte-order
//! mark, or a zero-width no-break space), wherever it is.

use std::ops::Range;
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
    /// `columns_before[i]`: the columns the first `i * CHUNK` bytes take; empty when no line is
    /// longer than [`LONG_LINE`], where counting from the line's start is as quick.
    columns_before: Vec<usize>,
}

/// A line longer than this many bytes makes the index count characters by chunk.
const LONG_LINE: usize = 16 * CHUNK;

/// U+FEFF in UTF-8: it takes no column.
const INVISIBLE: &[u8] = "\u{feff}".as_bytes();

/// How many columns start in `range` of `text`: every byte but UTF-8's continuation bytes and
/// the first bytes of U+FEFF. On a range between two character boundaries, the columns its
/// characters take; the counts of adjacent ranges add up, wherever they are cut.
fn columns_in(text: &[u8], range: Range<usize>) -> usize {
    let chars = text[range.clone()]
        .iter()
        .filter(|&&b| (b as i8) >= -0x40)
        .count();
    // An invisible character starting in the range may end past it. Nearly no text has one: a
    // search for its first byte settles that for most ranges.
    let reach = (range.end + INVISIBLE.len() - 1).min(text.len());
    let near = &text[range.start..reach];
    if memchr::memchr(INVISIBLE[0], near).is_none() {
        return chars;
    }
    let invisible = memchr::memmem::find_iter(near, INVISIBLE)
        .filter(|&at| at < range.len())
        .count();
    chars - invisible
}

/// The columns `text` takes on a line: how far a text that starts a line and ends with `text`
/// moves the column on.
pub fn column_count(text: &str) -> usize {
    columns_in(text.as_bytes(), 0..text.len())
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
        let bytes = text.as_bytes();
        let columns_before = if longest <= LONG_LINE {
            Vec::new()
        } else {
            std::iter::once(0)
                .chain((0..bytes.len()).step_by(CHUNK).scan(0, |before, start| {
                    *before += columns_in(bytes, start..(start + CHUNK).min(bytes.len()));
                    Some(*before)
                }))
                .collect()
        };
        LineIndex {
            starts,
            columns_before,
        }
    }

    /// The columns before byte `offset` of `text`, the text this index was built from.
    fn columns_to(&self, text: &str, offset: usize) -> usize {
        let chunk = offset / CHUNK;
        self.columns_before[chunk] + columns_in(text.as_bytes(), chunk * CHUNK..offset)
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

    /// 1-based line and column of `offset`, which must be on a char boundary of `text`, the text
    /// this index was built from.
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.clamp(start, text.len());
        let before = if self.columns_before.is_empty() {
            columns_in(text.as_bytes(), start..offset)
        } else {
            self.columns_to(text, offset) - self.columns_to(text, start)
        };
        let column = before + 1;
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
    fn byte_order_marks_take_no_column() {
        let text = "\u{feff}\u{feff}resiko naik\nKata \u{feff}resiko";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 6), LineCol { line: 1, column: 1 });
        let second = text.rfind("resiko").expect("the second word");
        assert_eq!(idx.line_col(text, second), LineCol { line: 2, column: 6 });
    }

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
        /// Columns counted by chunks are the visible characters from the line's start (every
        /// one but U+FEFF), whatever the line's length and where the chunks cut its characters.
        #[test]
        fn chunked_columns_count_visible_characters(
            text in "(\u{feff}?[a-z“”é\u{1F600}\u{feff} \n]{0,40}){0,30}",
        ) {
            let idx = LineIndex::new(&text);
            for (offset, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
                let before = &text[start..offset];
                let visible = before.chars().filter(|&c| c != '\u{feff}').count();
                let lc = idx.line_col(&text, offset);
                proptest::prop_assert_eq!(lc.column, visible + 1);
                proptest::prop_assert_eq!(column_count(before), visible);
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
        // Chunks cut some of these U+FEFF in two: still no column each.
        let text = "résiko\u{feff} ".repeat(160_000);
        let idx = LineIndex::new(&text);
        assert!((0..160_000).all(|i| idx.line_col(&text, i * 11).column == i * 7 + 1));
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
