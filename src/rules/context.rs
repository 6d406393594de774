//! What a rule reads about one document.

use crate::lang::calendar::ArticleDate;
use crate::lang::dates::DateMention;
use crate::lang::institutions::{Mention, Register};
use crate::lang::lexicon::{Lexicon, Words};
use crate::source::Document;

/// One document as the rules see it: its text, its words as the run's lexicon knows them, the
/// article's date, and the analyses several rules share.
///
/// The engine computes all of it before any rule runs, and rules only read it: rules running in
/// parallel on one document share it and never wait for one another.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub words: &'a Words,
    pub lexicon: &'a Lexicon,
    pub register: &'a Register,
    /// The article's date and where it came from (front matter, the text, the configuration,
    /// or today's); `None` when there is none to go by.
    pub date: Option<ArticleDate>,
    /// Every date written in the document, in order.
    pub dates: &'a [DateMention],
    /// Every name of a registered institution or person in the document, in order.
    pub mentions: &'a [Mention],
}
