//! Compiler-style output through codespan-reporting: `error[calque]: …`, the text underlined,
//! and a `help:` line with the replacement.

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::files::{self, Files};
use codespan_reporting::term::{self, termcolor};

use super::{Emitter, Settings, Summary, severity_word};
use crate::diagnostic::{Applicability, Diagnostic, Lang, Severity};
use crate::engine::FileResult;
use crate::source::Positions;

pub struct Human {
    pub settings: Settings,
}

fn cs_severity(s: Severity) -> CsSeverity {
    match s {
        Severity::Error => CsSeverity::Error,
        Severity::Warning => CsSeverity::Warning,
        Severity::Info => CsSeverity::Note,
    }
}

fn to_codespan(d: &Diagnostic, lang: Lang) -> CsDiagnostic<()> {
    let mut labels = vec![Label::primary((), d.span.clone())];
    labels.extend(
        d.labels
            .iter()
            .map(|l| Label::secondary((), l.span.clone()).with_message(l.message.get(lang))),
    );
    let mut notes: Vec<String> = d
        .fixes
        .iter()
        .take(3)
        .map(|f| {
            let unsafe_mark = match (f.applicability, lang) {
                (Applicability::Safe, _) => "",
                (_, Lang::Indonesian) => " (periksa dulu sebelum menerapkan)",
                (_, Lang::English) => " (review before applying)",
            };
            format!("help: {}{unsafe_mark}", f.message.get(lang))
        })
        .collect();
    notes.extend(d.notes.iter().map(|n| format!("note: {}", n.get(lang))));
    CsDiagnostic::new(cs_severity(d.severity))
        .with_code(&d.rule)
        .with_message(d.message.get(lang))
        .with_labels(labels)
        .with_notes(notes)
}

impl Emitter for Human {
    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let config = term::Config::default();
        let mut out: Box<dyn termcolor::WriteColor + '_> = if self.settings.color {
            Box::new(termcolor::Ansi::new(&mut *w))
        } else {
            Box::new(termcolor::NoColor::new(&mut *w))
        };
        let file = Shown {
            name: r.path(),
            pos: r.positions(),
        };
        for d in &r.diagnostics {
            term::emit_to_write_style(
                &mut out,
                &config,
                &file,
                &to_codespan(d, self.settings.lang),
            )
            .map_err(io::Error::other)?;
        }
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        if self.settings.statistics {
            statistics(w, summary, self.settings.lang)?;
        }
        if !self.settings.quiet {
            totals(w, summary, &self.settings)?;
        }
        Ok(())
    }
}

/// The `--statistics` table: count, rule, severity; most frequent first.
fn statistics(w: &mut dyn Write, summary: &Summary, lang: Lang) -> io::Result<()> {
    let rows = summary.statistics();
    let count_width = rows
        .iter()
        .map(|r| r.2.to_string().len())
        .max()
        .unwrap_or(1);
    let rule_width = rows.iter().map(|r| r.0.len()).max().unwrap_or(0);
    for (rule, severity, n) in rows {
        writeln!(
            w,
            "{n:>count_width$}  {rule:rule_width$}  {}",
            severity_word(severity, lang, 1)
        )?;
    }
    Ok(())
}

fn totals(w: &mut dyn Write, summary: &Summary, settings: &Settings) -> io::Result<()> {
    let lang = settings.lang;
    let by_severity = summary.by_severity();
    let total = summary.diagnostics;
    let fixed = summary.fixed;
    let files = summary.files;
    let fixable = summary.fixable;
    let parts: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
        .into_iter()
        .filter_map(|s| {
            by_severity
                .get(&s)
                .map(|&n| format!("{n} {}", severity_word(s, lang, n)))
        })
        .collect();
    let detail = if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    };
    let line = match lang {
        Lang::Indonesian => format!("lintas: {total} temuan{detail} dalam {files} berkas"),
        Lang::English => format!(
            "lintas: {total} finding{}{detail} in {files} file{}",
            plural(total),
            plural(files)
        ),
    };
    writeln!(w, "{line}")?;
    if fixed > 0 {
        match lang {
            Lang::Indonesian => writeln!(w, "lintas: {fixed} perbaikan diterapkan")?,
            Lang::English => writeln!(
                w,
                "lintas: {fixed} fix{} applied",
                if fixed == 1 { "" } else { "es" }
            )?,
        }
    } else if fixable > 0 && !settings.fixing {
        match lang {
            Lang::Indonesian => writeln!(
                w,
                "lintas: {fixable} dapat diperbaiki otomatis dengan `lintas check --fix`"
            )?,
            Lang::English => writeln!(
                w,
                "lintas: {fixable} can be fixed automatically with `lintas check --fix`"
            )?,
        }
    }
    if let Some(b) = summary.baseline {
        match lang {
            Lang::Indonesian => writeln!(
                w,
                "lintas: baseline: {} temuan lama disembunyikan, {} sudah tidak ada",
                b.known, b.disappeared
            )?,
            Lang::English => writeln!(
                w,
                "lintas: baseline: {} known finding{} hidden, {} gone",
                b.known,
                plural(b.known),
                b.disappeared
            )?,
        }
    }
    if !summary.errors.is_empty() {
        match lang {
            Lang::Indonesian => writeln!(
                w,
                "lintas: {} berkas tidak dapat diperiksa",
                summary.errors.len()
            )?,
            Lang::English => writeln!(
                w,
                "lintas: {} file(s) could not be checked",
                summary.errors.len()
            )?,
        }
    }
    Ok(())
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// A result's text as codespan sees it, numbered with the file's own lines even when it is a
/// section further into a large file.
struct Shown<'a> {
    name: String,
    pos: Positions<'a>,
}

impl<'a> Files<'a> for Shown<'a> {
    type FileId = ();
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(&self.name)
    }

    fn source(&'a self, (): ()) -> Result<&'a str, files::Error> {
        Ok(self.pos.text())
    }

    fn line_index(&'a self, (): (), byte_index: usize) -> Result<usize, files::Error> {
        Ok(self.pos.lines().line_of(byte_index))
    }

    fn line_number(&'a self, (): (), line_index: usize) -> Result<usize, files::Error> {
        Ok(self.pos.origin().line + line_index + 1)
    }

    fn line_range(
        &'a self,
        (): (),
        line_index: usize,
    ) -> Result<std::ops::Range<usize>, files::Error> {
        let lines = self.pos.lines();
        let max = lines.line_count();
        if line_index >= max {
            return Err(files::Error::LineTooLarge {
                given: line_index,
                max: max - 1,
            });
        }
        let start = lines.line_start(line_index);
        let end = if line_index + 1 < max {
            lines.line_start(line_index + 1)
        } else {
            self.pos.text().len()
        };
        Ok(start..end)
    }
}
