//! Reports: one emitter per output format, all reading the same results.

mod human;
mod json;

use std::io::{self, Write};

use crate::diagnostic::{Lang, Severity};
use crate::engine::FileResult;

pub use human::Human;
pub use json::{Json, JsonLines, diagnostic_json};

/// `--format`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Compiler-style diagnostics with the text underlined and a help line.
    #[default]
    Human,
    /// One JSON report object (docs/report.schema.json).
    Json,
    /// One JSON diagnostic object a line.
    Jsonl,
}

/// What every emitter gets.
pub struct Report<'a> {
    pub results: &'a [FileResult],
    /// Files that could not be linted, as messages.
    pub errors: &'a [(String, String)],
    pub lang: Lang,
    /// The run applied fixes in place.
    pub fixing: bool,
    /// Leave out everything but the diagnostics.
    pub quiet: bool,
}

pub trait Emitter {
    fn emit(&mut self, w: &mut dyn Write, report: &Report<'_>) -> io::Result<()>;
}

/// The emitter for a format.
pub fn emitter(format: Format, color: bool) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(Human { color }),
        Format::Json => Box::new(Json),
        Format::Jsonl => Box::new(JsonLines),
    }
}

/// Localized words for `count` findings of a severity, for human-facing text.
pub fn severity_word(severity: Severity, lang: Lang, count: usize) -> &'static str {
    match (severity, lang, count) {
        (Severity::Error, Lang::Id, _) => "galat",
        (Severity::Warning, Lang::Id, _) => "peringatan",
        (Severity::Info, _, _) => "info",
        (Severity::Error, Lang::En, 1) => "error",
        (Severity::Error, Lang::En, _) => "errors",
        (Severity::Warning, Lang::En, 1) => "warning",
        (Severity::Warning, Lang::En, _) => "warnings",
    }
}
