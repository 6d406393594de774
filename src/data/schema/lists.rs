//! The lists code rules and the lexicon read: letter case, the acronym glossary, established
//! English terms, well-known place names.

use serde::Deserialize;

use super::{Checked, Problem, RuleDoc, sourced};

/// `capitalization`: acronyms with a fixed spelling and titles capitalised before a name.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapitalizationFile {
    pub rule: RuleDoc,
    pub acronym: Vec<AcronymCase>,
    pub title: Vec<Title>,
}

/// An acronym machine translation writes in the wrong letter case (`MOU` for `MoU`).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcronymCase {
    pub wrong: String,
    pub right: String,
    pub source: String,
}

/// A title in lower case (`wakil presiden`), capitalised when a name follows it.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub words: String,
    pub source: String,
}

impl Checked for CapitalizationFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        problems.extend(sourced(
            "acronym",
            self.acronym.iter().map(|a| a.source.as_str()),
        ));
        problems.extend(sourced(
            "title",
            self.title.iter().map(|t| t.source.as_str()),
        ));
        for (i, t) in self.title.iter().enumerate() {
            if t.words.trim().is_empty() || t.words != t.words.to_lowercase() {
                problems.push(Problem::at("title", i, "a title is written in lower case"));
            }
        }
        problems
    }
}

/// `acronym-mismatch`: the glossary of acronyms and their accepted expansions.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcronymMismatchFile {
    pub rule: RuleDoc,
    pub acronym: Vec<Expansions>,
}

/// An acronym and every expansion accepted for it, Indonesian first (the first is the fix).
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expansions {
    pub acronym: String,
    pub expansions: Vec<String>,
    pub source: String,
}

impl Checked for AcronymMismatchFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        problems.extend(sourced(
            "acronym",
            self.acronym.iter().map(|a| a.source.as_str()),
        ));
        for (i, a) in self.acronym.iter().enumerate() {
            if a.expansions.is_empty() {
                problems.push(Problem::at("acronym", i, "no expansion"));
            }
            if self.acronym[..i].iter().any(|b| b.acronym == a.acronym) {
                problems.push(Problem::at(
                    "acronym",
                    i,
                    format!("“{}” is listed twice", a.acronym),
                ));
            }
        }
        problems
    }
}

/// `untranslated`: English terms Indonesian news uses as they are, and English words that have
/// an established Indonesian equivalent.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UntranslatedFile {
    pub rule: RuleDoc,
    pub term: Vec<Term>,
    #[serde(default)]
    pub word: Vec<EnglishWord>,
}

/// One established term and where its use is attested.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub term: String,
    pub source: String,
}

/// English words or phrases (their forms as written, lower case) with the Indonesian
/// equivalents a writer should use instead, the usual one first.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct EnglishWord {
    pub english: Vec<String>,
    pub indonesian: Vec<String>,
    pub source: String,
}

impl Checked for UntranslatedFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        problems.extend(sourced("term", self.term.iter().map(|t| t.source.as_str())));
        problems.extend(sourced("word", self.word.iter().map(|w| w.source.as_str())));
        let terms: Vec<String> = self.term.iter().map(|t| t.term.to_lowercase()).collect();
        let mut seen = std::collections::HashSet::new();
        for (i, w) in self.word.iter().enumerate() {
            if w.english.is_empty() || w.indonesian.is_empty() {
                problems.push(Problem::at(
                    "word",
                    i,
                    "needs English forms and an equivalent",
                ));
            }
            for form in &w.english {
                if form.is_empty() || *form != form.to_lowercase() {
                    problems.push(Problem::at(
                        "word",
                        i,
                        format!("“{form}” is not lower case"),
                    ));
                } else if !form.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    problems.push(Problem::at(
                        "word",
                        i,
                        format!("“{form}” must start with a letter"),
                    ));
                }
                if !seen.insert(form.as_str()) {
                    problems.push(Problem::at("word", i, format!("“{form}” is listed twice")));
                }
                if terms.contains(form) {
                    problems.push(Problem::at(
                        "word",
                        i,
                        format!("“{form}” is an established term"),
                    ));
                }
            }
            if i > 0 && self.word[i - 1].english.first() > w.english.first() {
                problems.push(Problem::at(
                    "word",
                    i,
                    "not sorted by its first English form",
                ));
            }
        }
        problems
    }
}

/// `well-known-names.toml`: place names a capitalised word one letter off is a typo of.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamesFile {
    pub group: Vec<NameGroup>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NameGroup {
    /// What the names are; a group without one is of places (countries, regions, cities,
    /// organisations), which may modify an institution's name (`word-order`).
    #[serde(default)]
    pub kind: NameKind,
    pub source: String,
    pub names: Vec<String>,
}

/// What the names of a group are.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NameKind {
    #[default]
    Place,
    Person,
    /// A word of official institution names (`Kementerian`, `Kepolisian`).
    InstitutionWord,
}

impl Checked for NamesFile {
    fn problems(&self) -> Vec<Problem> {
        sourced("group", self.group.iter().map(|g| g.source.as_str()))
    }
}

/// `words.toml`: words news text uses that the dictionary lacks, by kind.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordsFile {
    pub group: Vec<WordGroup>,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordGroup {
    pub kind: WordKind,
    pub source: String,
    pub words: Vec<String>,
}

/// What a group's words are, which decides where they are words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WordKind {
    Standard,
    Abbreviation,
    Transliteration,
    Latin,
    /// Informal speech: a word only inside quotations.
    Colloquial,
}

impl Checked for WordsFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = sourced("group", self.group.iter().map(|g| g.source.as_str()));
        let mut seen = std::collections::HashSet::new();
        for (i, group) in self.group.iter().enumerate() {
            for word in &group.words {
                if !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
                    problems.push(Problem::at(
                        "group",
                        i,
                        format!("“{word}” is not lower-case letters"),
                    ));
                }
                if !seen.insert(word.as_str()) {
                    problems.push(Problem::at("group", i, format!("“{word}” is listed twice")));
                }
            }
        }
        problems
    }
}
