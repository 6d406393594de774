//! The document model: the text as read, the view rules lint, tokens, and segments.

mod digits;
mod forms;
mod line_index;
pub mod markdown;
mod once_map;
mod segment;
mod token;

pub use digits::DigitTokens;
pub use forms::{Form, FormVerdicts, WordForms, WordUse};
pub use line_index::{LineCol, LineIndex, Origin, Positions};
pub use once_map::OnceMap;
pub use segment::ParagraphStyle;
use token::{Listed, tokenize_listing};
pub use token::{Token, TokenKind, tokenize};

use std::any::{Any, TypeId};
use std::sync::{Arc, OnceLock};

use crate::diagnostic::Span;
use crate::lang::calendar::ArticleDate;
use crate::lang::dates;

/// One text to lint.
///
/// `source` is the file exactly as read. `text` is what rules see: the same bytes for plain text;
/// for markup, a copy of the same length with everything that is not prose blanked out, so every
/// span a rule reports still points into the original file.
#[derive(Debug)]
pub struct Document {
    path: String,
    source: String,
    view: Option<String>,
    tokens: Vec<Token>,
    /// The indexes of the punctuation, newline and address tokens, listed by the tokenizer.
    listed: Listed,
    paragraphs: Vec<Span>,
    /// Segmented on first use: not every rule set asks for sentences, quotes or line numbers.
    sentences: OnceLock<Vec<Span>>,
    quotes: OnceLock<Vec<Span>>,
    forms: OnceLock<WordForms>,
    lines: OnceLock<LineIndex>,
    /// HTML comments (`<!-- … -->`) outside code: where inline directives such as suppressions live.
    comments: Vec<Span>,
    /// The date the article was written, for rules whose answer depends on it: given (front
    /// matter, tests) or found in the text on first use. Finding it scans every date mention, so
    /// a run whose rules never ask does not pay for it.
    date: OnceLock<Option<ArticleDate>>,
    /// The date to assume when none was given and the text gives none (set by the engine).
    assumed_date: Option<ArticleDate>,
    memo: Memo,
}

/// Analyses that several rules need (date mentions, institution mentions), computed once per
/// document and shared. Keyed by the analysis's result type; rules running in parallel that ask
/// for the same analysis wait for the one computing it.
#[derive(Default)]
struct Memo(OnceMap<TypeId, Arc<dyn Any + Send + Sync>>);

impl std::fmt::Debug for Memo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
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
        // Plain text has no code to exclude; Markdown replaces these with the parser's own.
        let comments = markdown::html_comments(&source, 0..source.len());
        Document {
            path,
            source,
            view,
            tokens,
            listed,
            paragraphs,
            sentences: OnceLock::new(),
            quotes: OnceLock::new(),
            forms: OnceLock::new(),
            lines: OnceLock::new(),
            comments,
            date: OnceLock::new(),
            assumed_date: None,
            memo: Memo::default(),
        }
    }

    /// The date the article was written: the one given, else the text's own
    /// ([`dates::article_date`]), else the assumed one; `None` when no date was given or assumed.
    pub fn date(&self) -> Option<ArticleDate> {
        *self.date.get_or_init(|| {
            self.assumed_date
                .map(|assumed| dates::article_date(self).unwrap_or(assumed))
        })
    }

    /// Give the article's date (front matter, a test's date): the text is not searched for one.
    pub fn set_date(&mut self, date: ArticleDate) {
        self.date = OnceLock::from(Some(date));
    }

    /// The date to assume when none was given and the text gives none of its own.
    pub fn assume_date(&mut self, date: ArticleDate) {
        self.assumed_date = Some(date);
    }

    /// HTML comments outside code, in order.
    pub fn comments(&self) -> &[Span] {
        &self.comments
    }

    /// The result of `analyse` on this document, computed on first use and shared afterwards.
    /// `T` identifies the analysis, so each analysis has a result type of its own.
    pub fn memo<T: Any + Send + Sync>(&self, analyse: impl FnOnce(&Document) -> T) -> Arc<T> {
        self.memo
            .0
            .get_or_init(&TypeId::of::<T>(), || Arc::new(analyse(self)))
            .downcast::<T>()
            .expect("a memo slot holds the type it is keyed by")
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
        self.sentences.get_or_init(|| {
            segment::sentences(self.text(), &self.tokens, &self.paragraphs, self.marks())
        })
    }

    /// Quoted speech: “…” ranges, quote marks included.
    pub fn quotes(&self) -> &[Span] {
        self.quotes.get_or_init(|| {
            segment::quotes(self.text(), &self.tokens, &self.paragraphs, self.marks())
        })
    }

    /// The distinct word forms, for rules that judge each form once.
    pub fn word_forms(&self) -> &WordForms {
        self.forms
            .get_or_init(|| WordForms::new(self.text(), &self.tokens))
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
    fn analyses_are_computed_once() {
        let doc = Document::new("t", "a b c");
        let runs = std::cell::Cell::new(0);
        let count = |d: &Document| {
            runs.set(runs.get() + 1);
            d.words().count()
        };
        assert_eq!(*doc.memo(count), 3);
        assert_eq!(*doc.memo(count), 3);
        assert_eq!(runs.get(), 1);
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
