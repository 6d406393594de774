//! Positions as LanguageTool clients count them: UTF-16 code units (Java's, JavaScript's string
//! indices) into the text the client sent, markup included. lintas's spans are UTF-8 byte
//! offsets into the text it linted (the client's text, or its annotated text with each piece of
//! markup replaced by what it is to be read as); this converts between the two.
//!
//! Every conversion costs a bounded amount of work after one pass over the text, so a request's
//! answer takes time linear in its text and findings together.

/// Byte offsets sampled this far apart remember their UTF-16 offset.
const STRIDE: usize = 64;

/// UTF-16 offsets of the byte offsets of one text.
pub struct Utf16<'a> {
    text: &'a str,
    /// For every multiple `k * STRIDE` of the stride within the text, the first character
    /// boundary at or after it (at most 3 bytes after), and its UTF-16 offset.
    marks: Vec<(usize, usize)>,
}

impl<'a> Utf16<'a> {
    pub fn new(text: &'a str) -> Utf16<'a> {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut units = 0;
        for (byte, c) in text.char_indices() {
            while marks.len() * STRIDE <= byte {
                marks.push((byte, units));
            }
            units += c.len_utf16();
        }
        while marks.len() * STRIDE <= text.len() {
            marks.push((text.len(), units));
        }
        Utf16 { text, marks }
    }

    /// The UTF-16 offset of byte offset `byte` (a character boundary; else the boundary before).
    pub fn at(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte.min(self.text.len()));
        let mut k = byte / STRIDE;
        if self.marks[k].0 > byte {
            k -= 1;
        }
        let (from, units) = self.marks[k];
        units + self.text[from..byte].encode_utf16().count()
    }
}

/// The character boundary at or before `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A piece of an annotated text (LanguageTool's `data` parameter).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text to check.
    Text(String),
    /// Markup, not checked, read as `interpret_as` (often nothing, `"\n\n"` for a paragraph).
    Markup {
        markup: String,
        interpret_as: String,
    },
}

/// Where a piece sits in the linted text (bytes) and in the client's text (UTF-16).
#[derive(Clone, Copy, Debug)]
struct Placed {
    linted: usize,
    linted_len: usize,
    sent: usize,
    sent_len: usize,
    text: bool,
}

/// What the client sent and what lintas lints, and the way between their positions.
pub struct Layout {
    /// The text to lint.
    pub linted: String,
    /// The pieces, in order; empty for a plain text, whose positions are the linted text's own.
    placed: Vec<Placed>,
    /// The client's text when it differs from the linted one (annotated).
    sent: Option<String>,
}

impl Layout {
    /// A plain text, linted as sent.
    pub fn plain(text: String) -> Layout {
        Layout {
            linted: text,
            placed: Vec::new(),
            sent: None,
        }
    }

    /// An annotated text: its text pieces and what its markup is read as make the linted text.
    pub fn annotated(pieces: Vec<Piece>) -> Layout {
        let mut linted = String::new();
        let mut sent = String::new();
        let mut placed = Vec::with_capacity(pieces.len());
        let mut sent_units = 0;
        for piece in &pieces {
            let (sent_part, linted_part, text) = match piece {
                Piece::Text(t) => (t, t, true),
                Piece::Markup {
                    markup,
                    interpret_as,
                } => (markup, interpret_as, false),
            };
            let sent_len: usize = sent_part.encode_utf16().count();
            placed.push(Placed {
                linted: linted.len(),
                linted_len: linted_part.len(),
                sent: sent_units,
                sent_len,
                text,
            });
            linted.push_str(linted_part);
            sent.push_str(sent_part);
            sent_units += sent_len;
        }
        Layout {
            linted,
            placed,
            sent: Some(sent),
        }
    }

    /// The client's whole text.
    pub fn sent(&self) -> &str {
        self.sent.as_deref().unwrap_or(&self.linted)
    }

    /// The converter from positions in the linted text to the client's.
    pub fn positions(&self) -> Positions<'_> {
        Positions {
            layout: self,
            utf16: Utf16::new(&self.linted),
        }
    }
}

/// Converts byte offsets into the linted text to UTF-16 offsets into the client's text.
pub struct Positions<'a> {
    layout: &'a Layout,
    utf16: Utf16<'a>,
}

impl Positions<'_> {
    /// Where a span starting at `byte` starts in the client's text: after any markup that reads
    /// as nothing at that point.
    pub fn start(&self, byte: usize) -> usize {
        let placed = &self.layout.placed;
        if placed.is_empty() {
            return self.utf16.at(byte);
        }
        // The last piece starting at or before `byte`.
        let i = placed
            .partition_point(|p| p.linted <= byte)
            .saturating_sub(1);
        self.within(&placed[i], byte, false)
    }

    /// Where a span ending at `byte` ends in the client's text: before any markup that reads as
    /// nothing at that point.
    pub fn end(&self, byte: usize) -> usize {
        let placed = &self.layout.placed;
        if placed.is_empty() {
            return self.utf16.at(byte);
        }
        // The first piece ending at or after `byte`.
        let i = placed
            .partition_point(|p| p.linted + p.linted_len < byte)
            .min(placed.len() - 1);
        self.within(&placed[i], byte, true)
    }

    fn within(&self, p: &Placed, byte: usize, end: bool) -> usize {
        let byte = byte.clamp(p.linted, p.linted + p.linted_len);
        if p.text {
            p.sent + self.utf16.at(byte) - self.utf16.at(p.linted)
        } else if end {
            // A span ending inside what markup reads as ends after the markup.
            if byte == p.linted {
                p.sent
            } else {
                p.sent + p.sent_len
            }
        } else if p.linted_len > 0 && byte == p.linted + p.linted_len {
            p.sent + p.sent_len
        } else {
            // A span starting inside what markup reads as starts at the markup.
            p.sent
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(text: &str, byte: usize) -> usize {
        text[..byte].encode_utf16().count()
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs_twice() {
        let text = "a😀b é 👩‍💻 c".repeat(40);
        let index = Utf16::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(index.at(byte), reference(&text, byte), "{byte}");
        }
        assert_eq!(Utf16::new("").at(0), 0);
    }

    #[test]
    fn annotated_positions_point_into_the_text_with_markup() {
        let layout = Layout::annotated(vec![
            Piece::Text("A 😀 ".into()),
            Piece::Markup {
                markup: "<b>".into(),
                interpret_as: String::new(),
            },
            Piece::Text("resiko".into()),
            Piece::Markup {
                markup: "</b>".into(),
                interpret_as: String::new(),
            },
            Piece::Markup {
                markup: "<p>".into(),
                interpret_as: "\n\n".into(),
            },
            Piece::Text("ijin".into()),
        ]);
        assert_eq!(layout.linted, "A 😀 resiko\n\nijin");
        assert_eq!(layout.sent(), "A 😀 <b>resiko</b><p>ijin");
        let pos = layout.positions();
        let word = layout.linted.find("resiko").expect("there");
        // “A 😀 ” is 5 UTF-16 units, “<b>” 3 more.
        assert_eq!(pos.start(word), 8);
        assert_eq!(pos.end(word + 6), 14);
        let ijin = layout.linted.find("ijin").expect("there");
        assert_eq!(pos.start(ijin), 21);
        assert_eq!(pos.end(ijin + 4), 25);
        assert_eq!(&layout.sent()[23..27], "ijin");
    }
}
