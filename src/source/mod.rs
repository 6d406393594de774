//! The document model: the text as read, the view rules lint, tokens, and segments. It knows
//! nothing of Indonesian: `lang` reads it, never the other way round.

mod digits;
mod fold;
mod line_index;
pub mod markdown;
mod segment;
mod templates;
mod token;

pub use digits::load as load_u64;
pub use fold::{find_lowercased, is_lowercase_one_of};
pub use line_index::{LineCol, LineIndex, Origin, Positions, column_count};
pub use segment::{ParagraphStyle, is_abbreviation};
use token::{Listed, tokenize_listing};
pub use token::{Token, TokenKind, tokenize};

use std::ops::Range;
use std::sync::OnceLock;

/// A byte range into a document's source text (UTF-8 offsets, as ruff and typos use): it indexes
/// the source directly and becomes a line and column only when a report is written.
pub type Span = Range<usize>;

/// One text to lint.
///
/// `source` is the file exactly as read. `text` is what rules see: the same bytes for plain text;
/// for markup, a copy of the same length with everything that is not prose blanked out, so every
/// span a rule reports still points into the original file.
///
/// Everything a document holds is computed from its text alone. What is computed on first use
/// (digits, line numbers) is computed by a plain function of the text, so any number of threads
/// may ask at once.
#[derive(Debug)]
pub struct Document {
    path: String,
    source: String,
    view: Option<String>,
    tokens: Vec<Token>,
    /// The indexes of the punctuation, newline and address tokens, listed by the tokenizer.
    listed: Listed,
    paragraphs: Vec<Span>,
    sentences: Vec<Span>,
    quotes: Vec<Span>,
    /// The tokens holding a digit: most rules never ask.
    digits: OnceLock<Vec<usize>>,
    /// Line starts: only reports ask, and only for files with findings.
    lines: OnceLock<LineIndex>,
    /// HTML comments (`<!-- … -->`) outside code: where inline directives such as suppressions live.
    comments: Vec<Span>,
    /// The values of the front matter's date fields, as written, the preferred key first.
    declared_dates: Vec<Span>,
    /// Rules a suppression comment before the text (in an earlier section of a large file) left
    /// off, `None` for every rule.
    off_at_start: Vec<Option<String>>,
}

impl Document {
    /// Plain text: one paragraph a line, all of it prose.
    pub fn new(path: impl Into<String>, source: impl Into<String>) -> Self {
        Self::build(path.into(), source.into(), None, ParagraphStyle::EveryLine)
    }

    /// Markup: `view` has the same length as `source`, with non-prose bytes blanked.
    pub fn with_view(
        path: impl Into<String>,
        source: String,
        view: String,
        style: ParagraphStyle,
    ) -> Self {
        assert_eq!(
            source.len(),
            view.len(),
            "a lint view must keep every byte offset of its source"
        );
        Self::build(path.into(), source, Some(view), style)
    }

    fn build(path: String, source: String, view: Option<String>, style: ParagraphStyle) -> Self {
        let text = view.as_deref().unwrap_or(&source);
        let mut listed = Listed::default();
        let tokens = tokenize_listing(text, &mut listed);
        let paragraphs = segment::paragraphs(&tokens, &listed.newlines, style);
        let sentences = segment::sentences(text, &tokens, &paragraphs, &listed.marks);
        let quotes = segment::quotes(text, &tokens, &paragraphs, &listed.marks);
        // Plain text has no code to exclude; Markdown replaces these with the parser's own.
        let comments = markdown::html_comments(&source, 0..source.len());
        Document {
            path,
            source,
            view,
            tokens,
            listed,
            paragraphs,
            sentences,
            quotes,
            digits: OnceLock::new(),
            lines: OnceLock::new(),
            comments,
            declared_dates: Vec::new(),
            off_at_start: Vec::new(),
        }
    }

    /// The front matter's date values as written (`2025-01-25`, `2025-01-25T10:00:00+07:00`,
    /// `25 Januari 2025`), the preferred key first: the markup's own statement of the article's
    /// date.
    pub fn declared_dates(&self) -> impl Iterator<Item = &str> {
        self.declared_dates
            .iter()
            .map(|span| &self.source[span.clone()])
    }

    /// HTML comments outside code, in order.
    pub fn comments(&self) -> &[Span] {
        &self.comments
    }

    /// Rules already off where the text starts (`None`: every rule).
    pub fn off_at_start(&self) -> &[Option<String>] {
        &self.off_at_start
    }

    /// The text continues a file whose earlier part left `rules` off.
    pub fn with_off_at_start(mut self, rules: Vec<Option<String>>) -> Self {
        self.off_at_start = rules;
        self
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// The file as read: fixes apply here.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The text as read, kept once the document is no longer needed.
    pub fn into_source(self) -> String {
        self.source
    }

    /// What rules lint (same offsets as `source`).
    pub fn text(&self) -> &str {
        self.view.as_deref().unwrap_or(&self.source)
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The indexes of the URL, e-mail and domain tokens, in order: a reader looking for them
    /// reads these rather than every token.
    pub fn addresses(&self) -> &[u32] {
        &self.listed.addresses
    }

    pub fn paragraphs(&self) -> &[Span] {
        &self.paragraphs
    }

    /// The indexes of the punctuation tokens, in order: a reader looking for a mark reads these
    /// rather than every token.
    pub fn marks(&self) -> &[u32] {
        &self.listed.marks
    }

    pub fn sentences(&self) -> &[Span] {
        &self.sentences
    }

    /// Quoted speech: “…” ranges, quote marks included.
    pub fn quotes(&self) -> &[Span] {
        &self.quotes
    }

    /// The indexes of the tokens holding a digit of any script, in order: dates, clock times and
    /// amounts are looked for near these.
    pub fn digits(&self) -> &[usize] {
        self.digits
            .get_or_init(|| digits::digit_tokens(self.text(), &self.tokens))
    }

    pub fn lines(&self) -> &LineIndex {
        self.lines.get_or_init(|| LineIndex::new(&self.source))
    }

    pub fn line_col(&self, offset: usize) -> LineCol {
        self.lines().line_col(&self.source, offset)
    }

    pub fn slice(&self, span: &Span) -> &str {
        &self.text()[span.clone()]
    }

    /// Word tokens with their text.
    pub fn words(&self) -> impl Iterator<Item = (Token, &str)> {
        let text = self.text();
        self.tokens
            .iter()
            .filter(|t| t.is_word())
            .map(move |t| (*t, t.text(text)))
    }

    /// Index of the token that contains `offset`.
    pub fn token_index_at(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= offset);
        (i < self.tokens.len() && self.tokens[i].start <= offset).then_some(i)
    }

    /// The tokens that overlap `span`.
    pub fn tokens_in(&self, span: &Span) -> &[Token] {
        &self.tokens[self.token_indices_in(span)]
    }

    /// Indices of the tokens that overlap `span`.
    pub fn token_indices_in(&self, span: &Span) -> std::ops::Range<usize> {
        let first = self.tokens.partition_point(|t| t.end <= span.start);
        let last = self.tokens.partition_point(|t| t.start < span.end);
        first..last.max(first)
    }

    /// The sentence containing `offset`.
    pub fn sentence_at(&self, offset: usize) -> Option<Span> {
        containing(self.sentences(), offset)
    }

    /// Whether `offset` is where its sentence starts (after any opening quotes or brackets).
    pub fn starts_sentence(&self, offset: usize) -> bool {
        self.sentence_at(offset).is_some_and(|s| {
            self.text()[s.start..offset]
                .chars()
                .all(|c| matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | ' '))
        })
    }

    /// The paragraph containing `offset`, with its index (0 is the first paragraph).
    pub fn paragraph_at(&self, offset: usize) -> Option<(usize, Span)> {
        let i = self.paragraphs.partition_point(|p| p.end <= offset);
        self.paragraphs
            .get(i)
            .filter(|p| p.start <= offset)
            .map(|p| (i, p.clone()))
    }

    /// Whether `span` lies inside quoted speech.
    pub fn in_quote(&self, span: &Span) -> bool {
        containing(self.quotes(), span.start).is_some_and(|q| span.end <= q.end)
    }

    /// Whether `span` starts and ends on word boundaries (not inside a longer word or address).
    pub fn is_word_boundary_span(&self, span: &Span) -> bool {
        let text = self.text();
        let joined_before = text[..span.start].chars().next_back().is_some_and(|c| {
            c.is_alphanumeric()
                || ((c == '-' || c == '\'')
                    && span.start >= 2
                    && text[..span.start - 1].ends_with(char::is_alphanumeric))
        });
        let mut after = text[span.end..].chars();
        let joined_after = match after.next() {
            Some(c) if c.is_alphanumeric() => true,
            Some('-') => after.next().is_some_and(char::is_alphanumeric),
            _ => false,
        };
        !joined_before && !joined_after && !self.tokens_in(span).iter().any(Token::is_address)
    }
}

fn containing(spans: &[Span], offset: usize) -> Option<Span> {
    let i = spans.partition_point(|s| s.end <= offset);
    spans.get(i).filter(|s| s.start <= offset).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Tokens cover the source exactly: contiguous, in order, on char boundaries, nothing lost.
        #[test]
        fn tokens_cover_the_source(text in "\\PC*|[a-zA-Z0-9 .,/:'’“”\\-@\r\n]{0,80}") {
            let tokens = tokenize(&text);
            let mut pos = 0;
            for t in &tokens {
                prop_assert_eq!(t.start, pos);
                prop_assert!(t.end > t.start);
                prop_assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end));
                pos = t.end;
            }
            prop_assert_eq!(pos, text.len());
            let doc = Document::new("p", text.clone());
            for s in doc.sentences().iter().chain(doc.paragraphs()).chain(doc.quotes()) {
                prop_assert!(s.start <= s.end && s.end <= text.len());
            }
        }
    }

    #[test]
    fn boundaries_and_lookups() {
        let doc = Document::new("t", "Ia berkata, “di mana-mana sama.” Lihat detik.com.");
        let text = doc.text();
        let at = |s: &str| text.find(s).map(|i| i..i + s.len()).unwrap_or(0..0);
        assert!(!doc.is_word_boundary_span(&at("di mana")));
        assert!(doc.is_word_boundary_span(&at("berkata")));
        assert!(!doc.is_word_boundary_span(&at("detik")));
        assert!(doc.in_quote(&at("sama")));
        assert!(!doc.in_quote(&at("Lihat")));
        assert_eq!(doc.sentences().len(), 2);
    }
}
