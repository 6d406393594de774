//! Reports: one emitter per output format. Results stream through an emitter one file (or one
//! record) at a time, so a dump of any size is reported in bounded memory; totals come at the end.

mod excerpt;
mod github;
mod gitlab;
mod human;
mod json;
mod sarif;
pub mod visible;

use std::collections::BTreeMap;
use std::io::{self, Write};

use crate::baseline::BaselineSummary;
use crate::diagnostic::{Applicability, Lang, Severity};
use crate::engine::FileResult;
use crate::input::Root;
use crate::rules::RuleMeta;

pub use github::Github;
pub use gitlab::Gitlab;
pub use human::Human;
pub use json::{Json, JsonLines, diagnostic_json};
pub use sarif::Sarif;

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
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// GitHub Actions workflow commands: annotations on the pull request.
    Github,
    /// GitLab Code Quality: the merge request widget and marks on changed lines.
    Gitlab,
}

/// How a report is written, whatever its format.
#[derive(Clone, Copy, Debug, Default)]
pub struct Settings {
    pub lang: Lang,
    /// The run applied fixes in place.
    pub fixing: bool,
    /// Leave out everything but the diagnostics.
    pub quiet: bool,
    /// Add counts by rule and severity (`--statistics`).
    pub statistics: bool,
    /// Colour (human output only).
    pub color: bool,
}

/// Totals gathered while results stream past.
#[derive(Debug, Default)]
pub struct Summary {
    /// Inputs linted: files, or the records of dumps (counted in `records` too).
    pub files: usize,
    /// Records of JSON Lines dumps linted.
    pub records: usize,
    pub diagnostics: usize,
    /// Diagnostics by rule and severity.
    pub counts: BTreeMap<(String, Severity), usize>,
    /// Fixes applied.
    pub fixed: usize,
    /// Diagnostics whose best fix is safe (what `--fix` would apply).
    pub fixable: usize,
    /// Inputs that could not be linted: (path, message).
    pub errors: Vec<(String, String)>,
    /// Set when a baseline filtered the findings.
    pub baseline: Option<BaselineSummary>,
    /// Files that gave no article date where rules would have read it.
    pub undated: usize,
    /// Findings left out of the report by the cap on findings per file.
    pub omitted: usize,
}

impl Summary {
    pub fn add(&mut self, r: &FileResult) {
        self.files += usize::from(r.part.opens_file());
        self.records += usize::from(r.input.record().is_some());
        self.undated += usize::from(r.part.opens_file() && r.undated);
        if r.part.closes_file() {
            self.omitted += r.omitted.count;
        }
        self.diagnostics += r.diagnostics.len();
        self.fixed += r.fixed;
        for d in &r.diagnostics {
            *self.counts.entry((d.rule.clone(), d.severity)).or_insert(0) += 1;
            if d.fixes
                .first()
                .is_some_and(|f| f.applicability == Applicability::Safe)
            {
                self.fixable += 1;
            }
        }
    }

    pub fn by_rule(&self) -> BTreeMap<&str, usize> {
        let mut out = BTreeMap::new();
        for ((rule, _), n) in &self.counts {
            *out.entry(rule.as_str()).or_insert(0) += n;
        }
        out
    }

    pub fn by_severity(&self) -> BTreeMap<Severity, usize> {
        let mut out = BTreeMap::new();
        for ((_, severity), n) in &self.counts {
            *out.entry(*severity).or_insert(0) += n;
        }
        out
    }

    /// (rule, severity, count), most frequent first: the `--statistics` table.
    pub fn statistics(&self) -> Vec<(&str, Severity, usize)> {
        let mut rows: Vec<_> = self
            .counts
            .iter()
            .map(|((rule, severity), n)| (rule.as_str(), *severity, *n))
            .collect();
        rows.sort_by(|a, b| b.2.cmp(&a.2).then(b.1.cmp(&a.1)).then(a.0.cmp(b.0)));
        rows
    }
}

/// Writes one format. `file` is called once per linted input, in report order.
pub trait Emitter {
    fn begin(&mut self, _w: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }
    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()>;
    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The emitter for a format. `rules` are the enabled rules with their configured severity, and
/// `docs_url` where their documentation is published (SARIF describes and links them).
pub fn emitter(
    format: Format,
    settings: Settings,
    rules: Vec<(RuleMeta, Severity)>,
    docs_url: Option<&str>,
    root: &Root,
) -> Box<dyn Emitter> {
    match format {
        Format::Human => Box::new(Human { settings }),
        Format::Json => Box::new(Json::new(settings)),
        Format::Jsonl => Box::new(JsonLines { settings }),
        Format::Sarif => Box::new(Sarif::new(settings, rules, docs_url, root)),
        Format::Github => Box::new(Github { settings }),
        Format::Gitlab => Box::new(Gitlab::new(settings)),
    }
}

/// `value` pretty-printed, its continuation lines indented by `indent`: for formats whose
/// document is written piece by piece.
fn pretty(value: &impl serde::Serialize, indent: &str) -> io::Result<String> {
    let text = serde_json::to_string_pretty(value)?;
    Ok(text.replace('\n', &format!("\n{indent}")))
}

/// Localized words for `count` findings of a severity, for human-facing text.
pub fn severity_word(severity: Severity, lang: Lang, count: usize) -> &'static str {
    match (severity, lang, count) {
        (Severity::Error, Lang::Indonesian, _) => "galat",
        (Severity::Warning, Lang::Indonesian, _) => "peringatan",
        (Severity::Info, _, _) => "info",
        (Severity::Error, Lang::English, 1) => "error",
        (Severity::Error, Lang::English, _) => "errors",
        (Severity::Warning, Lang::English, 1) => "warning",
        (Severity::Warning, Lang::English, _) => "warnings",
    }
}

/// What the per-file cap on findings left out: `n` findings not shown.
pub fn not_shown(n: usize, lang: Lang) -> String {
    let cap = crate::engine::MAX_FINDINGS;
    match lang {
        Lang::Indonesian => {
            format!("{n} temuan tidak ditampilkan (paling banyak {cap} per berkas)")
        }
        Lang::English => format!(
            "{n} finding{} not shown (at most {cap} per file)",
            if n == 1 { "" } else { "s" }
        ),
    }
}
