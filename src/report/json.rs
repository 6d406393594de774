//! `--format json` (the contract's report object) and `--format jsonl` (one diagnostic a line).
//!
//! The report object is written as results arrive: its header, each file, then the errors and
//! the summary, so its size never has to fit in memory at once.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::{Value, json};

use super::{Emitter, Settings, Summary, pretty};
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileResult;
use crate::source::Positions;

/// The report's version; bumped only when a field changes meaning or goes away.
pub const SCHEMA_VERSION: u32 = 1;

pub struct Json {
    settings: Settings,
    /// Files written so far (for the separating commas).
    written: usize,
    /// Diagnostics written so far in the open file (whose sections may come in several parts).
    in_file: usize,
}

impl Json {
    pub fn new(settings: Settings) -> Self {
        Json {
            settings,
            written: 0,
            in_file: 0,
        }
    }
}

pub struct JsonLines {
    pub settings: Settings,
}

/// One diagnostic as the contract describes it, borrowed from the diagnostic: serialized as it
/// is, with no tree of JSON values built and dropped for each finding (a corpus run reports
/// hundreds of thousands).
#[derive(Serialize)]
pub struct DiagnosticJson<'a> {
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    span: SpanJson,
    text: &'a str,
    fixes: Vec<FixJson<'a>>,
    labels: Vec<LabelJson<'a>>,
    notes: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entry: Option<&'a str>,
}

#[derive(Serialize)]
struct SpanJson {
    start: usize,
    end: usize,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
}

#[derive(Serialize)]
struct FixJson<'a> {
    message: &'a str,
    applicability: &'static str,
    edits: Vec<EditJson<'a>>,
}

#[derive(Serialize)]
struct EditJson<'a> {
    start: usize,
    end: usize,
    replacement: &'a str,
}

#[derive(Serialize)]
struct LabelJson<'a> {
    start: usize,
    end: usize,
    message: &'a str,
}

/// A line of `--format jsonl`: the diagnostic, then where its text came from.
#[derive(Serialize)]
struct JsonLine<'a> {
    #[serde(flatten)]
    diagnostic: DiagnosticJson<'a>,
    #[serde(flatten)]
    origin: &'a OriginJson<'a>,
}

/// Where a result's text came from: its path, and for a record of a JSON Lines dump, which one.
#[derive(Serialize)]
struct OriginJson<'a> {
    path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    record: Option<RecordJson<'a>>,
}

#[derive(Serialize)]
struct RecordJson<'a> {
    id: &'a str,
    line: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<&'a str>,
}

impl<'a> OriginJson<'a> {
    fn of(r: &'a FileResult) -> Self {
        OriginJson {
            path: r.input.path(),
            record: r.input.record().map(|record| RecordJson {
                id: &record.id,
                line: record.line,
                field: record.field.as_deref(),
            }),
        }
    }
}

pub fn diagnostic_json<'a>(
    d: &'a Diagnostic,
    pos: &Positions<'a>,
    lang: Lang,
) -> DiagnosticJson<'a> {
    let start = pos.line_col(d.span.start);
    let end = pos.line_col(d.span.end);
    DiagnosticJson {
        rule: &d.rule,
        severity: d.severity.as_str(),
        message: d.message.get(lang),
        span: SpanJson {
            start: pos.offset(d.span.start),
            end: pos.offset(d.span.end),
            line: start.line,
            column: start.column,
            end_line: end.line,
            end_column: end.column,
        },
        text: &pos.text()[d.span.clone()],
        fixes: d
            .fixes
            .iter()
            .map(|f| FixJson {
                message: f.message.get(lang),
                applicability: f.applicability.as_str(),
                edits: f
                    .edits
                    .iter()
                    .map(|e| EditJson {
                        start: pos.offset(e.span.start),
                        end: pos.offset(e.span.end),
                        replacement: &e.replacement,
                    })
                    .collect(),
            })
            .collect(),
        labels: d
            .labels
            .iter()
            .map(|l| LabelJson {
                start: pos.offset(l.span.start),
                end: pos.offset(l.span.end),
                message: l.message.get(lang),
            })
            .collect(),
        notes: d.notes.iter().map(|n| n.get(lang)).collect(),
        entry: d.entry.as_deref(),
    }
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
        if summary.undated > 0 {
            map.insert("undated".to_string(), json!(summary.undated));
        }
        if summary.omitted > 0 {
            map.insert("omitted".to_string(), json!(summary.omitted));
        }
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

    /// Written piece by piece, exactly as `serde_json` pretty-prints a file object, so that the
    /// sections of a large file fill one object.
    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        if r.part.opens_file() {
            let separator = if self.written == 0 { "" } else { "," };
            self.written += 1;
            self.in_file = 0;
            write!(w, "{separator}\n    {{")?;
            if let Value::Object(origin) = serde_json::to_value(OriginJson::of(r))? {
                for (key, value) in &origin {
                    write!(
                        w,
                        "\n      {}: {},",
                        Value::String(key.clone()),
                        pretty(value, "      ")?
                    )?;
                }
            }
            if let Some(date) = r.date {
                let date = json!({"value": date.date.to_string(), "source": date.source.as_str()});
                write!(w, "\n      \"date\": {},", pretty(&date, "      ")?)?;
            }
            if r.undated {
                write!(w, "\n      \"undated\": true,")?;
            }
            write!(w, "\n      \"diagnostics\": [")?;
        }
        let pos = r.positions();
        for d in &r.diagnostics {
            let separator = if self.in_file == 0 { "" } else { "," };
            self.in_file += 1;
            let value = diagnostic_json(d, &pos, self.settings.lang);
            write!(w, "{separator}\n        {}", pretty(&value, "        ")?)?;
        }
        if r.part.closes_file() {
            let close = if self.in_file == 0 { "]" } else { "\n      ]" };
            write!(w, "{close}")?;
            if r.omitted.count > 0 {
                write!(w, ",\n      \"omitted\": {}", r.omitted.count)?;
            }
            write!(w, "\n    }}")?;
        }
        Ok(())
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
        // Most files of a corpus have no finding: nothing to name.
        if r.diagnostics.is_empty() {
            return Ok(());
        }
        let pos = r.positions();
        let origin = OriginJson::of(r);
        for d in &r.diagnostics {
            let line = JsonLine {
                diagnostic: diagnostic_json(d, &pos, self.settings.lang),
                origin: &origin,
            };
            serde_json::to_writer(&mut *w, &line)?;
            writeln!(w)?;
        }
        Ok(())
    }

    fn end(&mut self, _w: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}
