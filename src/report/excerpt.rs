//! What human output shows of a file for one finding: the lines its labels touch, a long line
//! cut to windows around the labels, and the characters a terminal or a CI log would act on made
//! visible.
//!
//! codespan-reporting prints each line it is given whole, once per finding: a one-line file full
//! of findings printed the whole file once for each of them (a 49 KB line gave a gigabyte). It
//! is given this excerpt instead, numbered with the file's own lines and columns, so that a
//! finding's output is bounded whatever its line, and an ordinary line, shown whole, looks as it
//! always did.

use std::collections::BTreeSet;
use std::ops::Range;

use codespan_reporting::files::{self, Files};

use super::visible::{is_unsafe, push_escaped};
use crate::source::{Positions, Span};

/// A line of up to this many characters is shown whole (a news paragraph on one line is rarely
/// longer); a longer line is cut.
const WHOLE_LINE: usize = 320;

/// Characters of a cut line shown before and after each label.
const CONTEXT: usize = 50;

/// Characters of a label shown in a cut line; a longer label is cut after them.
const LABEL_SHOWN: usize = 60;

/// Where a line is cut.
const ELLIPSIS: char = '…';

/// The excerpt of a file codespan is given for one finding.
pub struct Excerpt<'a> {
    name: &'a str,
    pos: &'a Positions<'a>,
    /// The shown lines, each ended by a newline.
    text: String,
    /// Each shown line's 0-based index in the text and where it starts in `text`, in order.
    lines: Vec<(usize, usize)>,
    /// Each label boundary: its offset in the file's text and in `text`.
    marks: Vec<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    /// The excerpt showing `spans` (offsets into `pos`'s text) of the file called `name`.
    pub fn new(name: &'a str, pos: &'a Positions<'a>, spans: &[Span]) -> Self {
        let index = pos.lines();
        let mut shown = BTreeSet::new();
        for span in spans {
            shown.extend(index.line_of(span.start)..=index.line_of(span.end));
        }
        // codespan shows the one line between two shown lines rather than a break.
        let gaps: Vec<usize> = (shown.iter().zip(shown.iter().skip(1)))
            .filter(|(a, b)| **b == **a + 2)
            .map(|(a, _)| a + 1)
            .collect();
        shown.extend(gaps);
        let mut excerpt = Excerpt {
            name,
            pos,
            text: String::new(),
            lines: Vec::with_capacity(shown.len()),
            marks: Vec::new(),
        };
        for line in shown {
            excerpt.push_line(line, spans);
        }
        excerpt
    }

    /// `span` (offsets into the file's text) as offsets into the excerpt.
    pub fn range(&self, span: &Span) -> Range<usize> {
        self.mapped(span.start)..self.mapped(span.end)
    }

    /// Where the boundary at `offset` is written: every boundary of the spans the excerpt was
    /// made for is marked as its line is written.
    fn mapped(&self, offset: usize) -> usize {
        (self.marks.iter())
            .find(|(original, _)| *original == offset)
            .map_or(0, |&(_, at)| at)
    }

    /// Add the 0-based `line` of the text: whole if it is short, else the windows around the
    /// parts of `spans` on it; record where each boundary of `spans` on it is written.
    fn push_line(&mut self, line: usize, spans: &[Span]) {
        let text = self.pos.text();
        let index = self.pos.lines();
        let start = index.line_start(line);
        let end = if line + 1 < index.line_count() {
            let next = index.line_start(line + 1) - 1;
            next - usize::from(text[..next].ends_with('\r'))
        } else {
            text.len()
        };
        let windows = windows(text, start..end, spans, self.pos);
        let escaping = (windows.iter()).any(|r| text[r.clone()].chars().any(shows_escaped));
        let mut bounds: Vec<usize> = (spans.iter())
            .flat_map(|s| [s.start, s.end])
            .filter(|&offset| index.line_of(offset) == line)
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        let mut bounds = bounds.into_iter().peekable();
        self.lines.push((line, self.text.len()));
        for (i, r) in windows.iter().enumerate() {
            if i > 0 || r.start > start {
                self.text.push(ELLIPSIS);
            }
            for (at, c) in text[r.clone()].char_indices() {
                while let Some(b) = bounds.next_if(|&b| b <= r.start + at) {
                    self.marks.push((b, self.text.len()));
                }
                if escaping && (shows_escaped(c) || c == '\\') {
                    push_escaped(&mut self.text, c);
                } else {
                    self.text.push(c);
                }
            }
            // What ends after the window, before the next one, is shown ending with it: a cut
            // label is underlined up to the cut.
            let next_start = windows.get(i + 1).map_or(usize::MAX, |n| n.start);
            while let Some(b) = bounds.next_if(|&b| b < next_start) {
                self.marks.push((b, self.text.len()));
            }
        }
        if windows.last().is_some_and(|r| r.end < end) {
            self.text.push(ELLIPSIS);
        }
        self.text.push('\n');
    }
}

/// The parts of the line at `line` shown: the whole line if it is short, else a window around
/// each label on it, merged where they meet.
fn windows(text: &str, line: Range<usize>, spans: &[Span], pos: &Positions) -> Vec<Range<usize>> {
    let chars = pos.line_col(line.end).column - pos.line_col(line.start).column;
    if chars <= WHOLE_LINE {
        return vec![line];
    }
    let mut ranges: Vec<Range<usize>> = (spans.iter())
        .filter(|s| s.start <= line.end && s.end >= line.start)
        .map(|s| {
            let from = s.start.clamp(line.start, line.end);
            let shown_to = forward(text, from, LABEL_SHOWN).min(s.end.clamp(from, line.end));
            back(text, from, CONTEXT).max(line.start)
                ..forward(text, shown_to, CONTEXT).min(line.end)
        })
        .collect();
    if ranges.is_empty() {
        // A line codespan shows between two others: its start.
        ranges.push(line.start..forward(text, line.start, LABEL_SHOWN).min(line.end));
    }
    ranges.sort_by_key(|r| r.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// Whether `c` is written as an escape in an excerpt holding one: what [`is_unsafe`] names,
/// except the tab, which codespan expands into spaces as it always did.
fn shows_escaped(c: char) -> bool {
    c != '\t' && is_unsafe(c)
}

/// The offset `n` characters after `offset` in `text` (its end if fewer).
fn forward(text: &str, offset: usize, n: usize) -> usize {
    text[offset..]
        .char_indices()
        .nth(n)
        .map_or(text.len(), |(i, _)| offset + i)
}

/// The offset `n` characters before `offset` in `text` (its start if fewer).
fn back(text: &str, offset: usize, n: usize) -> usize {
    text[..offset]
        .char_indices()
        .rev()
        .nth(n.saturating_sub(1))
        .map_or(0, |(i, _)| i)
}

impl<'a> Files<'a> for Excerpt<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.text)
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        let i = self.lines.partition_point(|&(_, at)| at <= byte_index);
        Ok(self.lines[i.saturating_sub(1)].0)
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.pos.origin().line + line_index + 1)
    }

    /// The file's column, whatever was cut before it.
    fn column_number(
        &'a self,
        (): (),
        _line_index: usize,
        byte_index: usize,
    ) -> Result<usize, files::Error> {
        let (original, _) = (self.marks.iter())
            .find(|(_, at)| *at == byte_index)
            .ok_or(files::Error::IndexTooLarge {
                given: byte_index,
                max: self.text.len(),
            })?;
        Ok(self.pos.line_col(*original).column)
    }

    fn line_range(&'a self, (): (), line_index: usize) -> Result<Range<usize>, files::Error> {
        let i = (self.lines.iter())
            .position(|&(line, _)| line == line_index)
            .ok_or(files::Error::LineTooLarge {
                given: line_index,
                max: self.lines.last().map_or(0, |&(line, _)| line),
            })?;
        let start = self.lines[i].1;
        let end = self.lines.get(i + 1).map_or(self.text.len(), |&(_, at)| at);
        Ok(start..end)
    }
}
