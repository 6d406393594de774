//! `--format json` (the contract's report object) and `--format jsonl` (one diagnostic a line).

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Emitter, Report};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::{FileResult, counts};
use crate::source::LineIndex;

/// The report's version; bumped only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json;
pub struct JsonLines;

/// One diagnostic as the contract describes it.
pub fn diagnostic_json(
    d: &Diagnostic,
    source: &str,
    lines: &LineIndex,
    report: &Report<'_>,
) -> Value {
    let start = lines.line_col(source, d.span.start);
    let end = lines.line_col(source, d.span.end);
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|f| {
            json!({
                "message": f.message.get(report.lang),
                "applicability": f.applicability.as_str(),
                "edits": f.edits.iter().map(|e| json!({
                    "start": e.span.start, "end": e.span.end, "replacement": e.replacement,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let labels: Vec<Value> = d
        .labels
        .iter()
        .map(|l| json!({"start": l.span.start, "end": l.span.end, "message": l.message.get(report.lang)}))
        .collect();
    json!({
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message.get(report.lang),
        "span": {
            "start": d.span.start, "end": d.span.end,
            "line": start.line, "column": start.column,
            "end_line": end.line, "end_column": end.column,
        },
        "text": &source[d.span.clone()],
        "fixes": fixes,
        "labels": labels,
        "notes": d.notes.iter().map(|n| n.get(report.lang)).collect::<Vec<_>>(),
    })
}

fn file_json(r: &FileResult, report: &Report<'_>) -> Value {
    let lines = LineIndex::new(&r.source);
    json!({
        "path": r.path(),
        "diagnostics": r.diagnostics.iter().map(|d| diagnostic_json(d, &r.source, &lines, report)).collect::<Vec<_>>(),
    })
}

pub fn summary_json(report: &Report<'_>) -> Value {
    let (by_rule, by_severity) = counts(report.results);
    let severities: serde_json::Map<String, Value> =
        [Severity::Error, Severity::Warning, Severity::Info]
            .into_iter()
            .map(|s| {
                (
                    s.as_str().to_string(),
                    json!(by_severity.get(&s).copied().unwrap_or(0)),
                )
            })
            .collect();
    json!({
        "files": report.results.len(),
        "diagnostics": report.results.iter().map(|r| r.diagnostics.len()).sum::<usize>(),
        "by_rule": by_rule,
        "by_severity": severities,
        "fixed": report.results.iter().map(|r| r.fixed).sum::<usize>(),
        "errors": report.errors.len(),
    })
}

impl Emitter for Json {
    fn emit(&mut self, w: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        let value = json!({
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "lintas", "version": env!("CARGO_PKG_VERSION")},
            "files": report.results.iter().map(|r| file_json(r, report)).collect::<Vec<_>>(),
            "errors": report.errors.iter().map(|(path, message)| json!({"path": path, "message": message})).collect::<Vec<_>>(),
            "summary": summary_json(report),
        });
        serde_json::to_writer_pretty(&mut *w, &value)?;
        writeln!(w)
    }
}

impl Emitter for JsonLines {
    fn emit(&mut self, w: &mut dyn Write, report: &Report<'_>) -> io::Result<()> {
        for r in report.results {
            let lines = LineIndex::new(&r.source);
            for d in &r.diagnostics {
                let mut value = diagnostic_json(d, &r.source, &lines, report);
                if let Value::Object(map) = &mut value {
                    map.insert("path".to_string(), json!(r.path()));
                }
                serde_json::to_writer(&mut *w, &value)?;
                writeln!(w)?;
            }
        }
        Ok(())
    }
}
