//! Compiler-style output through codespan-reporting: `error[calque]: …`, the text underlined,
//! and a `help:` line with the replacement. What comes from the file (its name, its text, the
//! messages quoting it) is shown through [`super::visible`], and each finding shows an excerpt of
//! bounded size ([`Excerpt`]).

use std::io::{self, Write};

use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label, Severity as CsSeverity};
use codespan_reporting::term::{self, termcolor};

use super::excerpt::Excerpt;
use super::visible::one_line;
use super::{Emitter, Settings, Summary, severity_word};
use crate::diagnostic::{Applicability, Diagnostic, Lang, Severity};
use crate::engine::{FileResult, MAX_FINDINGS};
use crate::source::Span;

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

/// `d` as codespan shows it over `excerpt`, which shows its spans.
fn to_codespan(d: &Diagnostic, lang: Lang, excerpt: &Excerpt) -> CsDiagnostic<()> {
    let mut labels = vec![Label::primary((), excerpt.range(&d.span))];
    labels.extend(d.labels.iter().map(|l| {
        Label::secondary((), excerpt.range(&l.span)).with_message(one_line(l.message.get(lang)))
    }));
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
            format!("help: {}{unsafe_mark}", one_line(f.message.get(lang)))
        })
        .collect();
    notes.extend((d.notes.iter()).map(|n| format!("note: {}", one_line(n.get(lang)))));
    CsDiagnostic::new(cs_severity(d.severity))
        .with_code(&d.rule)
        .with_message(one_line(d.message.get(lang)))
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
        let path = r.path();
        let name = one_line(&path);
        let pos = r.positions();
        let lang = self.settings.lang;
        for d in &r.diagnostics {
            let spans: Vec<Span> = std::iter::once(d.span.clone())
                .chain(d.labels.iter().map(|l| l.span.clone()))
                .collect();
            let excerpt = Excerpt::new(&name, &pos, &spans);
            term::emit_to_write_style(&mut out, &config, &excerpt, &to_codespan(d, lang, &excerpt))
                .map_err(io::Error::other)?;
        }
        if r.part.closes_file() && r.omitted.count > 0 {
            let n = r.omitted.count;
            match lang {
                Lang::Indonesian => writeln!(
                    out,
                    "note: {n} temuan lain di {name} tidak ditampilkan (paling banyak {MAX_FINDINGS} temuan per berkas)\n"
                )?,
                Lang::English => writeln!(
                    out,
                    "note: {n} more finding{} in {name} not shown (at most {MAX_FINDINGS} findings per file)\n",
                    plural(n)
                )?,
            }
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
    // The records of a dump are articles, not files.
    let (inputs, noun, nouns) = match summary.records {
        0 => (files, "berkas", ("file", "files")),
        records => (records, "entri", ("record", "records")),
    };
    let line = match lang {
        Lang::Indonesian => format!("lintas: {total} temuan{detail} dalam {inputs} {noun}"),
        Lang::English => format!(
            "lintas: {total} finding{}{detail} in {inputs} {}",
            plural(total),
            if inputs == 1 { nouns.0 } else { nouns.1 }
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
    if summary.omitted > 0 {
        writeln!(w, "lintas: {}", super::not_shown(summary.omitted, lang))?;
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
