//! The engine: builds the enabled rule set from configuration, lints documents in parallel, and
//! runs the fix loop. Output order is deterministic whatever the thread count.

use std::sync::Arc;

use anyhow::bail;
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::apply_fixes;
use crate::input::{self, Input, InputError};
use crate::lang::calendar::{ArticleDate, Date, DateSource};
use crate::lang::dates;
use crate::rules::{self, Rule};
use crate::source::Document;
use crate::suppress;

/// How many lint-and-fix rounds a file may take; needing more means two fixes undo each other.
const MAX_FIX_ROUNDS: usize = 10;

/// Which rules run and how loudly.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these rule ids (none: every rule enabled by default or by config).
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

/// A rule set ready to lint with.
pub struct Linter {
    rules: Vec<(Arc<dyn Rule>, Severity)>,
    per_file: Vec<(ignore::gitignore::Gitignore, Vec<String>)>,
    document_date: Option<Date>,
}

/// The outcome for one input.
#[derive(Debug)]
pub struct FileResult {
    pub input: Input,
    /// The text the diagnostics point into (after fixes, when fixes were applied).
    pub source: Arc<str>,
    pub diagnostics: Vec<Diagnostic>,
    /// The text before fixes, when fixing changed it.
    pub original: Option<Arc<str>>,
    /// Fixes applied.
    pub fixed: usize,
}

impl FileResult {
    pub fn path(&self) -> String {
        self.input.display()
    }
}

impl Linter {
    pub fn new(config: &Config, selection: &Selection) -> anyhow::Result<Linter> {
        let known = rules::ids();
        let check_ids = |ids: &[String], what: &str| -> anyhow::Result<()> {
            for id in ids {
                if !known.contains(id) {
                    bail!("{what}: unknown rule “{id}”{}", did_you_mean(id, &known));
                }
            }
            Ok(())
        };
        let select = selection.select.clone().or_else(|| config.select.clone());
        if let Some(select) = &select {
            check_ids(select, "--select")?;
        }
        check_ids(&selection.ignore, "--ignore")?;
        let origin = config.origin_name();
        check_ids(&config.ignore, &origin)?;
        check_ids(
            &config.rules.keys().cloned().collect::<Vec<_>>(),
            &format!("{origin}: [rules]"),
        )?;
        for pf in &config.per_file {
            check_ids(&pf.ignore, &format!("{origin}: [[per-file]] {}", pf.glob))?;
        }

        let mut enabled = Vec::new();
        for rule in rules::all(config)? {
            let id = rule.meta().id.clone();
            let settings = config.settings(&id);
            let on = match &select {
                Some(select) => select.contains(&id),
                None => settings.and_then(|s| s.enabled).unwrap_or(true),
            };
            if !on || selection.ignore.contains(&id) || config.ignore.contains(&id) {
                continue;
            }
            let severity = settings
                .and_then(|s| s.severity)
                .unwrap_or(rule.meta().default_severity);
            enabled.push((rule, severity));
        }

        let mut per_file = Vec::new();
        for pf in &config.per_file {
            let mut builder = ignore::gitignore::GitignoreBuilder::new(&config.base_dir);
            builder.add_line(None, &pf.glob)?;
            per_file.push((builder.build()?, pf.ignore.clone()));
        }
        Ok(Linter {
            rules: enabled,
            per_file,
            document_date: config.document_date()?,
        })
    }

    /// The enabled rules with their configured severity.
    pub fn rules(&self) -> impl Iterator<Item = (&dyn Rule, Severity)> {
        self.rules.iter().map(|(r, s)| (r.as_ref(), *s))
    }

    /// The article date rules should assume: the text's own, else the configured one, else today.
    pub fn date_for(&self, doc: &Document) -> ArticleDate {
        if let Some(date) = dates::article_date(doc) {
            return date;
        }
        if let Some(date) = self.document_date {
            return ArticleDate {
                date,
                source: DateSource::Config,
            };
        }
        ArticleDate {
            date: Date::today(),
            source: DateSource::Today,
        }
    }

    /// Every enabled rule's findings on `doc`, sorted by position then rule.
    pub fn lint(&self, doc: &mut Document, input: &Input) -> Vec<Diagnostic> {
        if doc.date.is_none() {
            doc.date = Some(self.date_for(doc));
        }
        let ignored = self.ignored_for(input);
        let mut out = Vec::new();
        for (rule, severity) in &self.rules {
            if ignored.iter().any(|id| *id == rule.meta().id) {
                continue;
            }
            let before = out.len();
            rule.check(doc, &mut out);
            for d in &mut out[before..] {
                d.severity = *severity;
            }
        }
        self.suppress(doc, &ignored, &mut out);
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        out
    }

    /// Drop what the document's suppression comments hide, and report those that hid nothing.
    fn suppress(&self, doc: &Document, ignored: &[&str], out: &mut Vec<Diagnostic>) {
        let (directives, _) = suppress::directives(doc);
        if directives.is_empty() {
            return;
        }
        let unused = suppress::apply(doc, &directives, out);
        let severity_if_ran = |id: &str| {
            self.rules
                .iter()
                .find(|(r, _)| r.meta().id == id && !ignored.contains(&id))
                .map(|(_, severity)| *severity)
        };
        let Some(severity) = severity_if_ran(suppress::UNUSED) else {
            return;
        };
        for (directive, rule) in unused {
            // Only a rule that ran can tell that nothing was there to hide; unknown ids are
            // reported by the rule itself.
            if rule.as_deref().is_none_or(|r| severity_if_ran(r).is_some()) {
                let mut d = suppress::unused_diagnostic(&directive, rule.as_deref());
                d.severity = severity;
                out.push(d);
            }
        }
    }

    fn ignored_for(&self, input: &Input) -> Vec<&str> {
        let Input::File(path) = input else {
            return Vec::new();
        };
        self.per_file
            .iter()
            .filter(|(glob, _)| glob.matched_path_or_any_parents(path, false).is_ignore())
            .flat_map(|(_, ids)| ids.iter().map(String::as_str))
            .collect()
    }

    /// Lint `text`, applying fixes at `fix` (if any) until none is left to apply.
    pub fn run_text(
        &self,
        input: &Input,
        text: String,
        fix: Option<Applicability>,
    ) -> anyhow::Result<FileResult> {
        let mut doc = input::document(input, text);
        let mut diagnostics = self.lint(&mut doc, input);
        let Some(min) = fix else {
            return Ok(FileResult {
                input: input.clone(),
                source: doc.source().into(),
                diagnostics,
                original: None,
                fixed: 0,
            });
        };
        let original: Arc<str> = doc.source().into();
        let mut fixed = 0;
        for _ in 0..MAX_FIX_ROUNDS {
            let (next, applied) = apply_fixes(doc.source(), &diagnostics, min);
            if applied == 0 {
                let changed = fixed > 0;
                return Ok(FileResult {
                    input: input.clone(),
                    source: doc.source().into(),
                    diagnostics,
                    original: changed.then_some(original),
                    fixed,
                });
            }
            fixed += applied;
            doc = input::document(input, next);
            diagnostics = self.lint(&mut doc, input);
        }
        bail!(
            "{}: fixes did not settle after {MAX_FIX_ROUNDS} rounds (a bug in lintas: please report it)",
            input.display()
        )
    }

    /// Lint every input in parallel; results come back in input order.
    pub fn run(
        &self,
        inputs: &[Input],
        fix: Option<Applicability>,
    ) -> Vec<Result<FileResult, FileError>> {
        inputs
            .par_iter()
            .map(|input| {
                let bytes = input::read(input).map_err(FileError::Input)?;
                let text = input::decode(input, bytes).map_err(FileError::Input)?;
                self.run_text(input, text, fix).map_err(FileError::Other)
            })
            .collect()
    }

    /// Lint texts already read (the records of a dump) in parallel; results come back in order.
    pub fn run_texts(&self, texts: Vec<(Input, String)>) -> Vec<anyhow::Result<FileResult>> {
        texts
            .into_par_iter()
            .map(|(input, text)| self.run_text(&input, text, None))
            .collect()
    }
}

/// A per-file failure; the run goes on with the other files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Other(anyhow::Error),
}

/// “ (did you mean “x”?)” for the closest known id, if any is close.
pub fn did_you_mean(id: &str, known: &[String]) -> String {
    known
        .iter()
        .map(|k| (strsim_distance(id, k), k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| format!(" (did you mean “{k}”?)"))
        .unwrap_or_default()
}

/// Plain Levenshtein distance; ids are short and this runs once per unknown id.
fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_rule_id() {
        let known = vec!["calque".to_string(), "spelling".to_string()];
        assert_eq!(did_you_mean("calqe", &known), " (did you mean “calque”?)");
        assert_eq!(did_you_mean("zzzzzzzz", &known), "");
    }
}
