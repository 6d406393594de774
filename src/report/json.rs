//! `--format json` (the contract's report object) and `--format jsonl` (one diagnostic a line).
//!
//! The report object is written as results arrive: its header, each file, then the errors and
//! the summary, so its size never has to fit in memory at once.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Emitter, Settings, Summary, pretty};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileResult;
use crate::source::LineIndex;

/// The report's version; bumped only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json {
    settings: Settings,
    /// Files written so far (for the separating commas).
    written: usize,
}

impl Json {
    pub fn new(settings: Settings) -> Self {
        Json {
            settings,
            written: 0,
        }
    }
}

pub struct JsonLines {
    pub settings: Settings,
}

/// One diagnostic as the contract describes it.
pub fn diagnostic_json(d: &Diagnostic, source: &str, lines: &LineIndex, lang: Lang) -> Value {
    let start = lines.line_col(source, d.span.start);
    let end = lines.line_col(source, d.span.end);
    let fixes: Vec<Value> = d
        .fixes
        .iter()
        .map(|f| {
            json!({
                "message": f.message.get(lang),
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
        .map(|l| json!({"start": l.span.start, "end": l.span.end, "message": l.message.get(lang)}))
        .collect();
    json!({
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message.get(lang),
        "span": {
            "start": d.span.start, "end": d.span.end,
            "line": start.line, "column": start.column,
            "end_line": end.line, "end_column": end.column,
        },
        "text": &source[d.span.clone()],
        "fixes": fixes,
        "labels": labels,
        "notes": d.notes.iter().map(|n| n.get(lang)).collect::<Vec<_>>(),
    })
}

/// Where a result's text came from: its path, and for a record of a JSON Lines dump, which one.
fn origin_fields(r: &FileResult, map: &mut serde_json::Map<String, Value>) {
    map.insert("path".to_string(), json!(r.input.path()));
    if let Some(record) = r.input.record() {
        map.insert(
            "record".to_string(),
            json!({"id": record.id, "line": record.line}),
        );
    }
}

fn file_json(r: &FileResult, lang: Lang) -> Value {
    let lines = LineIndex::new(&r.source);
    let mut map = serde_json::Map::new();
    origin_fields(r, &mut map);
    map.insert(
        "diagnostics".to_string(),
        r.diagnostics
            .iter()
            .map(|d| diagnostic_json(d, &r.source, &lines, lang))
            .collect(),
    );
    Value::Object(map)
}

pub fn summary_json(summary: &Summary, settings: &Settings) -> Value {
    let by_severity = summary.by_severity();
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
    let mut value = json!({
        "files": summary.files,
        "diagnostics": summary.diagnostics,
        "by_rule": summary.by_rule(),
        "by_severity": severities,
        "fixed": summary.fixed,
        "errors": summary.errors.len(),
    });
    if let Value::Object(map) = &mut value {
        if let Some(b) = summary.baseline {
            map.insert(
                "baseline".to_string(),
                json!({"known": b.known, "disappeared": b.disappeared}),
            );
        }
        if settings.statistics {
            let rows: Vec<Value> = summary
                .statistics()
                .into_iter()
                .map(|(rule, severity, count)| {
                    json!({"rule": rule, "severity": severity.as_str(), "count": count})
                })
                .collect();
            map.insert("statistics".to_string(), Value::Array(rows));
        }
    }
    value
}

impl Emitter for Json {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let tool = json!({"name": "lintas", "version": env!("CARGO_PKG_VERSION")});
        write!(
            w,
            "{{\n  \"schema_version\": {SCHEMA_VERSION},\n  \"tool\": {},\n  \"files\": [",
            pretty(&tool, "  ")?
        )
    }

    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        write!(
            w,
            "{separator}\n    {}",
            pretty(&file_json(r, self.settings.lang), "    ")?
        )
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n  ]" };
        let errors: Vec<Value> = summary
            .errors
            .iter()
            .map(|(path, message)| json!({"path": path, "message": message}))
            .collect();
        writeln!(
            w,
            "{close},\n  \"errors\": {},\n  \"summary\": {}\n}}",
            pretty(&Value::Array(errors), "  ")?,
            pretty(&summary_json(summary, &self.settings), "  ")?
        )
    }
}

impl Emitter for JsonLines {
    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let lines = LineIndex::new(&r.source);
        for d in &r.diagnostics {
            let mut value = diagnostic_json(d, &r.source, &lines, self.settings.lang);
            if let Value::Object(map) = &mut value {
                origin_fields(r, map);
            }
            serde_json::to_writer(&mut *w, &value)?;
            writeln!(w)?;
        }
        Ok(())
    }

    fn end(&mut self, _w: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
