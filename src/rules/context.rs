//! What a rule reads about one document.

use crate::lang::calendar::ArticleDate;
use crate::lang::dates::DateMention;
use crate::lang::institutions::{Mention, Register};
use crate::lang::lexicon::{Lexicon, Words};
use crate::source::Document;

/// The analyses a rule reads beyond the document itself, declared by the rule
/// ([`super::Rule::reads`]): the engine computes, for each document, those that the rules it
/// runs there read, and no other.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Reads {
    /// The document's words as the lexicon knows them ([`Context::words`]).
    pub words: bool,
    /// The dates written in it and the article's date ([`Context::dates`], [`Context::date`]).
    pub dates: bool,
    /// The registered institutions and persons it names ([`Context::mentions`]).
    pub mentions: bool,
}

impl Reads {
    pub const NOTHING: Reads = Reads {
        words: false,
        dates: false,
        mentions: false,
    };
    pub const WORDS: Reads = Reads {
        words: true,
        ..Reads::NOTHING
    };
    pub const DATES: Reads = Reads {
        dates: true,
        ..Reads::NOTHING
    };
    pub const MENTIONS: Reads = Reads {
        mentions: true,
        ..Reads::NOTHING
    };

    /// What either reads.
    pub const fn and(self, other: Reads) -> Reads {
        Reads {
            words: self.words || other.words,
            dates: self.dates || other.dates,
            mentions: self.mentions || other.mentions,
        }
    }
}

/// One document as the rules see it: its text, its words as the run's lexicon knows them, the
/// article's date, and the analyses several rules share.
///
/// The engine computes all of it before any rule runs, and rules only read it: rules running in
/// parallel on one document share it and never wait for one another.
pub struct Context<'a> {
    pub doc: &'a Document,
    pub lexicon: &'a Lexicon,
    pub register: &'a Register,
    pub(crate) words: Option<&'a Words>,
    pub(crate) date: Option<ArticleDate>,
    pub(crate) dates: Option<&'a [DateMention]>,
    pub(crate) mentions: Option<&'a [Mention]>,
}

/// What a rule that reads an analysis it did not declare is told.
const UNDECLARED: &str = "a rule read an analysis its `Rule::reads` does not declare";

impl<'a> Context<'a> {
    /// The document's words, each with its form and what the lexicon knows of it.
    pub fn words(&self) -> &'a Words {
        self.words.expect(UNDECLARED)
    }

    /// The article's date and where it came from (front matter, the text, the configuration, or
    /// today's); `None` when there is none to go by.
    pub fn date(&self) -> Option<ArticleDate> {
        self.dates.expect(UNDECLARED);
        self.date
    }

    /// Every date written in the document, in order.
    pub fn dates(&self) -> &'a [DateMention] {
        self.dates.expect(UNDECLARED)
    }

    /// Every name of a registered institution or person in the document, in order.
    pub fn mentions(&self) -> &'a [Mention] {
        self.mentions.expect(UNDECLARED)
    }
}
