//! The lists of rules that find what machine translation leaves behind: English word order
//! (`word-order`) and translated boilerplate (`stray-text`).

use serde::Deserialize;

use super::{Checked, NameGroup, Problem, RuleDoc, sourced};

/// `word-order`: the heads English puts its modifiers before, the names that modify them, and
/// the possessive pronouns and adjectives English puts before a noun.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordOrderFile {
    pub rule: RuleDoc,
    pub head: Vec<Head>,
    /// Names that modify a head beside the well-known place names (organisations, blocs).
    pub modifier: Vec<NameGroup>,
    pub possessive: Possessive,
}

/// An institution or event noun, capitalised as in a name (`Forum Bisnis`, `KTT`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Head {
    pub words: String,
    /// Whether the head takes an ordinal (`KTT ASEAN ke-45`).
    #[serde(default)]
    pub ordinal: bool,
    pub source: String,
}

/// A pronoun, an adjective and a noun in English order (`mereka favorit lagu`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Possessive {
    pub pronouns: Vec<String>,
    pub adjectives: Vec<String>,
    pub source: String,
}

impl Checked for WordOrderFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        problems.extend(sourced("head", self.head.iter().map(|h| h.source.as_str())));
        problems.extend(sourced(
            "modifier",
            self.modifier.iter().map(|m| m.source.as_str()),
        ));
        problems.extend(sourced(
            "possessive",
            std::iter::once(self.possessive.source.as_str()),
        ));
        for (i, h) in self.head.iter().enumerate() {
            if !h.words.starts_with(|c: char| c.is_uppercase()) {
                problems.push(Problem::at("head", i, "a head is written as in a name"));
            }
        }
        let lists = [&self.possessive.pronouns, &self.possessive.adjectives];
        if lists
            .iter()
            .any(|l| l.iter().any(|w| *w != w.to_lowercase()))
        {
            problems.push(Problem::in_file(
                "possessive",
                "pronouns and adjectives are written in lower case",
            ));
        }
        problems
    }
}

/// `stray-text`: the phrases translated boilerplate starts with.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StrayTextFile {
    pub rule: RuleDoc,
    pub boilerplate: Vec<Boilerplate>,
}

/// A phrase that a wire credit, a syndication notice, an image credit or a “read more” line
/// turns into, and where in a paragraph it stands.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Boilerplate {
    #[serde(rename = "match")]
    pub phrase: String,
    pub shape: BoilerplateShape,
    /// What the English was, for the message and the reviewer.
    pub english: String,
    pub source: String,
}

/// Where a boilerplate phrase stands, and so what is deleted with it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BoilerplateShape {
    /// It opens a line of its own (a “read more” or credit line): the line is deleted.
    Line,
    /// It opens a sentence (a notice inside a paragraph): the sentence is deleted.
    Sentence,
    /// It opens a parenthesis that closes the paragraph (`(Pelaporan oleh …)`): the
    /// parenthesis is deleted.
    ClosingParenthesis,
}

impl Checked for StrayTextFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        problems.extend(sourced(
            "boilerplate",
            self.boilerplate.iter().map(|b| b.source.as_str()),
        ));
        for (i, b) in self.boilerplate.iter().enumerate() {
            if !b.phrase.starts_with(char::is_alphabetic) {
                problems.push(Problem::at(
                    "boilerplate",
                    i,
                    "a phrase starts with a letter",
                ));
            }
            if self.boilerplate[..i]
                .iter()
                .any(|o| o.phrase.eq_ignore_ascii_case(&b.phrase))
            {
                problems.push(Problem::at("boilerplate", i, "listed twice"));
            }
        }
        problems
    }
}
