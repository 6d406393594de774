//! `--format gitlab`: a GitLab Code Quality report (the Code Climate subset GitLab documents), which
//! merge requests show as a widget and as marks on the changed lines. One JSON array of issues,
//! each with `description`, `check_name`, `fingerprint`, `severity` and `location.path` with
//! `location.lines.begin`.

use std::collections::HashMap;
use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Emitter, Settings, Summary, pretty};
use crate::baseline::{fingerprint, hash_of};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::FileResult;

pub struct Gitlab {
    settings: Settings,
    written: usize,
    /// How often each issue's fingerprint was given: a repeat gets a numbered one, since GitLab
    /// takes fingerprints to be unique within a report.
    given: HashMap<String, usize>,
}

impl Gitlab {
    pub fn new(settings: Settings) -> Self {
        Gitlab {
            settings,
            written: 0,
            given: HashMap::new(),
        }
    }

    /// A fingerprint of the finding that stays when lines shift, unique in this report.
    fn unique(&mut self, key: &str) -> String {
        let n = self.given.entry(key.to_string()).or_insert(0);
        *n += 1;
        if *n == 1 {
            key.to_string()
        } else {
            format!("{key}-{n}")
        }
    }

    fn issue(&mut self, r: &FileResult, line: usize, d: &Diagnostic) -> Value {
        let lang = self.settings.lang;
        let path = r.input.path();
        let key = hash_of(&[&path, &fingerprint(&d.rule, &r.source, &d.span)]);
        let description = match r.input.record() {
            Some(record) => format!("#{}: {}", record.id, d.message.get(lang)),
            None => d.message.get(lang).to_string(),
        };
        json!({
            "type": "issue",
            "description": description,
            "check_name": d.rule,
            "fingerprint": self.unique(&key),
            "severity": severity(d.severity),
            "categories": ["Style"],
            "location": {"path": path, "lines": {"begin": line}},
        })
    }

    fn write(&mut self, w: &mut dyn Write, issue: &Value) -> io::Result<()> {
        let separator = if self.written == 0 { "" } else { "," };
        self.written += 1;
        write!(w, "{separator}\n  {}", pretty(issue, "  ")?)
    }
}

/// GitLab's severities: `info`, `minor`, `major`, `critical`, `blocker`.
fn severity(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "major",
        Severity::Warning => "minor",
        Severity::Info => "info",
    }
}

impl Emitter for Gitlab {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        write!(w, "[")
    }

    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let pos = r.positions();
        for d in &r.diagnostics {
            // A record is a line of its dump.
            let line = match r.input.record() {
                Some(record) => record.line,
                None => pos.line_col(d.span.start).line,
            };
            let issue = self.issue(r, line, d);
            self.write(w, &issue)?;
        }
        Ok(())
    }

    /// Files that could not be linted are issues too, so a merge request shows them.
    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        for (path, message) in &summary.errors {
            let key = hash_of(&[path, message]);
            let issue = json!({
                "type": "issue",
                "description": message,
                "check_name": "lintas",
                "fingerprint": self.unique(&key),
                "severity": "critical",
                "categories": ["Bug Risk"],
                "location": {"path": path, "lines": {"begin": 1}},
            });
            self.write(w, &issue)?;
        }
        let close = if self.written == 0 { "]" } else { "\n]" };
        writeln!(w, "{close}")
    }
}
