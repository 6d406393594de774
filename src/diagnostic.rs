//! What a rule reports: a span of the source, a message in both languages, and fixes.
//!
//! Spans are UTF-8 byte offsets into the text as read (ruff's and typos' model): they index the
//! source directly and become line/column only when a report is written.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::source::Span;

/// The language messages are shown in (`--lang`).
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, clap::ValueEnum,
)]
pub enum Lang {
    /// Bahasa Indonesia (default: the editors' language).
    #[default]
    #[serde(rename = "id")]
    #[value(name = "id")]
    Indonesian,
    /// English.
    #[serde(rename = "en")]
    #[value(name = "en")]
    English,
}

pub use crate::data::schema::{Localized, Severity};

impl Localized {
    pub fn new(indonesian: impl Into<String>, english: impl Into<String>) -> Self {
        Localized {
            indonesian: indonesian.into(),
            english: english.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Indonesian => &self.indonesian,
            Lang::English => &self.english,
        }
    }
}

impl Severity {
    const ALL: [Severity; 3] = [Severity::Info, Severity::Warning, Severity::Error];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// `--fail-on info|warning|error`.
impl clap::ValueEnum for Severity {
    fn value_variants<'a>() -> &'a [Self] {
        &Severity::ALL
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        Some(clap::builder::PossibleValue::new(self.as_str()))
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Whether a fix may be applied without a human looking (ruff's model): `--fix` applies `Safe`,
/// `--unsafe-fixes` adds `Unsafe`, `DisplayOnly` is never applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Applicability {
    DisplayOnly,
    Unsafe,
    Safe,
}

impl Applicability {
    pub fn as_str(self) -> &'static str {
        match self {
            Applicability::DisplayOnly => "display-only",
            Applicability::Unsafe => "unsafe",
            Applicability::Safe => "safe",
        }
    }
}

/// Replace `span` with `replacement`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

impl Edit {
    pub fn new(span: Span, replacement: impl Into<String>) -> Self {
        Edit {
            span,
            replacement: replacement.into(),
        }
    }

    pub fn delete(span: Span) -> Self {
        Edit {
            span,
            replacement: String::new(),
        }
    }
}

/// One way to repair a finding; its edits are applied together or not at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fix {
    pub message: Localized,
    pub applicability: Applicability,
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix that replaces one span.
    pub fn replace(
        span: Span,
        replacement: impl Into<String>,
        applicability: Applicability,
    ) -> Self {
        let replacement = replacement.into();
        let message = if replacement.is_empty() {
            Localized::new("hapus", "delete")
        } else if span.is_empty() {
            // An insertion: the spaces around the words it adds are not what a reader looks for.
            let words = replacement.trim();
            Localized::new(format!("sisipkan “{words}”"), format!("insert “{words}”"))
        } else {
            Localized::new(
                format!("ganti dengan “{replacement}”"),
                format!("replace with “{replacement}”"),
            )
        };
        Fix {
            message,
            applicability,
            edits: vec![Edit::new(span, replacement)],
        }
    }

    pub fn with_message(mut self, message: Localized) -> Self {
        self.message = message;
        self
    }
}

/// A secondary place in the text that explains the finding (e.g. the first mention of a name).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Label {
    pub span: Span,
    pub message: Localized,
}

/// One finding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub rule: String,
    pub severity: Severity,
    pub span: Span,
    pub message: Localized,
    /// Best first. Empty when there is nothing to suggest.
    pub fixes: Vec<Fix>,
    pub labels: Vec<Label>,
    /// Extra lines shown as `= note:` / `= help:` without a fix.
    pub notes: Vec<Localized>,
    /// For a data rule, the entry that matched: what `disable = [...]` names to switch it off.
    pub entry: Option<String>,
}

impl Diagnostic {
    /// A finding; the engine writes the rule's id and its configured severity on it.
    pub fn new(span: Span, message: Localized) -> Self {
        Diagnostic {
            rule: String::new(),
            severity: Severity::Warning,
            span,
            message,
            fixes: Vec::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            entry: None,
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fixes.push(fix);
        self
    }

    /// One unsafe fix for each of `words`, best first, each replacing `span`: guesses (a
    /// spelling suggestion, an equivalent of a foreign word) that a person must choose among.
    pub fn with_guesses(mut self, span: &Span, words: impl IntoIterator<Item = String>) -> Self {
        (self.fixes).extend(
            words
                .into_iter()
                .map(|w| Fix::replace(span.clone(), w, Applicability::Unsafe)),
        );
        self
    }

    pub fn with_label(mut self, span: Span, message: Localized) -> Self {
        self.labels.push(Label { span, message });
        self
    }

    pub fn with_note(mut self, note: Localized) -> Self {
        self.notes.push(note);
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fix_says_whether_it_replaces_deletes_or_inserts() {
        let message = |span: Span, text: &str| {
            let fix = Fix::replace(span, text, Applicability::Safe);
            (fix.message.indonesian, fix.message.english)
        };
        let pair = |id: &str, en: &str| (id.to_string(), en.to_string());
        assert_eq!(
            message(0..3, "x"),
            pair("ganti dengan “x”", "replace with “x”")
        );
        assert_eq!(message(0..3, ""), pair("hapus", "delete"));
        assert_eq!(
            message(4..4, "Mantan "),
            pair("sisipkan “Mantan”", "insert “Mantan”")
        );
    }
}
