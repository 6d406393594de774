//! The shape of every file in `rules/`, and what makes an entry of one valid.
//!
//! Self-contained (std and serde): `build.rs` includes this module to read and check every
//! `rules/*.toml` with the very types the run reads them into, so a bad entry fails the build
//! with its file and line, and the run reads data that is known to be good.

mod artefacts;
mod lists;
mod phrases;
mod register;

pub use artefacts::{
    Boilerplate, BoilerplateShape, Head, Possessive, StrayTextFile, WordOrderFile,
};
pub use lists::{AcronymCase, AcronymMismatchFile, CapitalizationFile, Expansions, NamesFile};
pub use lists::{EnglishWord, NameGroup, NameKind, Term, Title, UntranslatedFile};
pub use lists::{WordKind, WordsFile};
pub use phrases::{After, Entry, FixKind, NextWord, Pair, PhraseRuleFile, PhraseSettings};
pub use register::{
    InstitutionEntry, OfficeEntry, PartialDate, PersonEntry, RegisterFile, WrongEntry,
    days_in_month, is_leap_year,
};

use serde::Deserialize;

/// A text every user-facing string carries in both languages, so `--lang` never falls back.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Localized {
    pub indonesian: String,
    pub english: String,
}

/// How serious a finding is; ordered so that `>=` compares against `--fail-on`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

/// A rule's own documentation: the `[rule]` table of its file, whose name is the rule's id.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RuleDoc {
    pub severity: Severity,
    /// Whether the rule offers fixes; a phrase rule tells it from its entries instead.
    pub fixable: Option<bool>,
    /// One line for `lintas rules`.
    pub summary: Localized,
    /// Why it matters to an editor, and what it does not flag.
    pub explanation: Localized,
    /// Where the norm comes from (KBBI, EYD V, a Perpres, a dated report).
    pub sources: Vec<String>,
    /// Rules whose findings this rule's give way to where they overlap.
    #[serde(default)]
    pub yields_to: Vec<String>,
    #[serde(default)]
    pub examples: Vec<Example>,
}

/// `bad` must produce a finding of the rule; applying the rule's first fixes to `bad` (when it
/// has any) must give `good`; `good` must be clean.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub bad: String,
    pub good: String,
    /// The article's date the example assumes (`YYYY-MM-DD`), for date-dependent rules;
    /// without one the example is a text that gives no date.
    pub date: Option<String>,
}

/// A code rule's file with no data of its own: its documentation alone.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodeRuleFile {
    pub rule: RuleDoc,
}

/// What is wrong with a file that parsed: where (the array of tables and the entry's index in
/// it, or the file as a whole) and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub table: &'static str,
    pub index: Option<usize>,
    pub message: String,
}

impl Problem {
    pub fn at(table: &'static str, index: usize, message: impl Into<String>) -> Problem {
        Problem {
            table,
            index: Some(index),
            message: message.into(),
        }
    }

    pub fn in_file(table: &'static str, message: impl Into<String>) -> Problem {
        Problem {
            table,
            index: None,
            message: message.into(),
        }
    }
}

/// A file's checks beyond its shape: sources given, references that resolve.
pub trait Checked {
    fn problems(&self) -> Vec<Problem>;
}

impl Checked for RuleDoc {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let texts = [
            ("summary", &self.summary),
            ("explanation", &self.explanation),
        ];
        for (what, text) in texts {
            if text.indonesian.trim().is_empty() || text.english.trim().is_empty() {
                problems.push(Problem::in_file(
                    "rule",
                    format!("{what} in both languages"),
                ));
            }
        }
        if self.sources.iter().all(|s| s.trim().is_empty()) {
            problems.push(Problem::in_file("rule", "no source"));
        }
        if self.examples.is_empty() {
            problems.push(Problem::in_file("rule", "no example"));
        }
        for (i, e) in self.examples.iter().enumerate() {
            if e.date
                .as_deref()
                .is_some_and(|d| PartialDate::parse(d).is_none_or(|d| d.day.is_none()))
            {
                problems.push(Problem::at("rule.examples", i, "date is not YYYY-MM-DD"));
            }
        }
        problems
    }
}

impl Checked for CodeRuleFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        if self.rule.fixable.is_none() {
            problems.push(Problem::in_file(
                "rule",
                "a code rule says whether it is fixable",
            ));
        }
        problems
    }
}

/// Problems with the entries' `source`s, the one field every entry of every list has.
fn sourced<'a>(table: &'static str, sources: impl Iterator<Item = &'a str>) -> Vec<Problem> {
    (sources.enumerate())
        .filter(|(_, s)| s.trim().is_empty())
        .map(|(i, _)| Problem::at(table, i, "no source"))
        .collect()
}
