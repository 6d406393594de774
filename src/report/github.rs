//! `--format github`: GitHub Actions workflow commands, which the runner turns into annotations
//! on the pull request: `::error file=…,line=…,endLine=…,col=…,endColumn=…,title=…::message`.

use std::io::{self, Write};

use super::{Emitter, Settings, Summary, not_shown, visible};
use crate::diagnostic::{Diagnostic, Severity};
use crate::engine::FileResult;

pub struct Github {
    pub settings: Settings,
}

/// A command's message: `%`, carriage returns and newlines escaped as GitHub specifies, and any
/// other control character (a message quotes the file's text) made visible.
fn escape_data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if visible::is_unsafe(c) => visible::push_escaped(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A property value: as data, plus `:` and `,`, which separate properties.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

fn command(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "notice",
    }
}

impl Github {
    fn message(&self, d: &Diagnostic) -> String {
        let lang = self.settings.lang;
        let mut lines = vec![d.message.get(lang).to_string()];
        lines.extend(
            d.fixes
                .iter()
                .take(3)
                .map(|f| format!("help: {}", f.message.get(lang))),
        );
        lines.extend(d.notes.iter().map(|n| format!("note: {}", n.get(lang))));
        lines.join("\n")
    }
}

impl Emitter for Github {
    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let pos = r.positions();
        let path = escape_property(&r.input.path());
        for d in &r.diagnostics {
            // A record is a line of its dump: the annotation marks that line and names the record
            // (columns inside its escaped JSON string would point at the wrong characters).
            let (place, title) = match r.input.record() {
                Some(record) => (
                    format!("line={}", record.line),
                    format!("lintas ({}) #{}", d.rule, record.id),
                ),
                None => {
                    let start = pos.line_col(d.span.start);
                    let end = pos.line_col(d.span.end);
                    (
                        format!(
                            "line={},endLine={},col={},endColumn={}",
                            start.line, end.line, start.column, end.column
                        ),
                        format!("lintas ({})", d.rule),
                    )
                }
            };
            writeln!(
                w,
                "::{} file={path},{place},title={}::{}",
                command(d.severity),
                escape_property(&title),
                escape_data(&self.message(d)),
            )?;
        }
        if r.part.closes_file() && r.omitted.count > 0 {
            writeln!(
                w,
                "::warning file={path},title=lintas::{}",
                escape_data(&not_shown(r.omitted.count, self.settings.lang))
            )?;
        }
        Ok(())
    }

    /// Files that could not be linted become error annotations too, so a pull request shows them.
    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        for (path, message) in &summary.errors {
            writeln!(
                w,
                "::error file={},title=lintas::{}",
                escape_property(path),
                escape_data(message)
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_per_the_workflow_command_rules() {
        assert_eq!(escape_data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(escape_property("a:b,c%"), "a%3Ab%2Cc%25");
    }
}
