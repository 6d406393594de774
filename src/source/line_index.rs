//! Byte offset → 1-based line and column (columns counted in Unicode scalar values, as the
//! JSON contract says).

use std::sync::OnceLock;

/// Start offsets of every line, computed once per document.
#[derive(Clone, Debug, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
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
        LineIndex { starts }
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

    /// 1-based line and character column of `offset`, which must be on a char boundary of `text`
    /// (a byte-order mark at the start of the text takes no column).
    pub fn line_col(&self, text: &str, offset: usize) -> LineCol {
        let line = self.line_of(offset);
        let start = self.starts[line];
        let offset = offset.min(text.len());
        let before = text.get(start..offset).unwrap_or("");
        // A byte-order mark is invisible in every editor: it takes no column.
        let before = before.strip_prefix('\u{feff}').unwrap_or(before);
        let column = before.chars().count() + 1;
        LineCol {
            line: line + 1,
            column,
        }
    }
}

/// Where a text starts in its file: a whole file starts at 0; a section of a large file starts at
/// the beginning of some line further in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// Byte offset of the text's first byte in the file.
    pub offset: usize,
    /// How many lines of the file come before it.
    pub line: usize,
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
    /// Columns need no shift: a text always starts at the start of a line.
    pub fn line_col(&self, offset: usize) -> LineCol {
        let lc = self.lines().line_col(self.text, offset);
        LineCol {
            line: lc.line + self.origin.line,
            column: lc.column,
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

    #[test]
    fn sections_report_file_positions() {
        let section = "x\nresiko";
        let pos = Positions::new(
            section,
            Origin {
                offset: 100,
                line: 7,
            },
        );
        assert_eq!(pos.line_col(2), LineCol { line: 9, column: 1 });
        assert_eq!(pos.offset(2), 102);
    }
}
