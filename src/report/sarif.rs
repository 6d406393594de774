//! `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. Columns are counted in Unicode
//! code points (`columnKind`), as lintas counts them everywhere; results carry fixes and a
//! fingerprint of the text and its context, stable when lines shift.

use std::io::{self, Write};

use serde_json::{Value, json};

use super::{Emitter, Settings, Summary, pretty};
use crate::baseline::fingerprint;
use crate::diagnostic::{Diagnostic, Lang, Severity};
use crate::engine::FileResult;
use crate::input::Root;
use crate::rules::RuleMeta;
use crate::source::Positions;
use crate::source::Span;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Where each rule is documented, relative to the project's root.
const RULE_DOCS: &str = "docs/rules.md";

/// The address the project's files are published under (Cargo.toml `homepage`, e.g.
/// `https://github.com/ORG/lintas/blob/main`), unless `docs-url` in lintas.toml names another
/// (a newsroom's own mirror). SARIF's `helpUri` must be an absolute URI, so it is given only when
/// there is such an address; the help text always names the page.
const HOMEPAGE: &str = env!("CARGO_PKG_HOMEPAGE");

/// `HOME/docs/rules.md#ID`, when there is a home.
fn help_uri(home: &str, id: &str) -> Option<String> {
    (!home.is_empty()).then(|| format!("{}/{RULE_DOCS}#{id}", home.trim_end_matches('/')))
}

/// The base every relative `uri` is resolved against: the root report names start from.
const ROOT_BASE: &str = "%SRCROOT%";

pub struct Sarif {
    settings: Settings,
    /// The root's `file:` URI, ending in `/`.
    root_uri: String,
    rules: Vec<(RuleMeta, Severity)>,
    /// Where the project's files are published, for `helpUri`.
    home: String,
    written: usize,
}

impl Sarif {
    pub fn new(
        settings: Settings,
        rules: Vec<(RuleMeta, Severity)>,
        docs_url: Option<&str>,
        root: &Root,
    ) -> Self {
        let mut root_uri = file_uri(&root.dir().to_string_lossy());
        if !root_uri.ends_with('/') {
            root_uri.push('/');
        }
        Sarif {
            settings,
            root_uri,
            rules,
            home: docs_url.unwrap_or(HOMEPAGE).to_string(),
            written: 0,
        }
    }

    fn rule_json(&self, meta: &RuleMeta, severity: Severity) -> Value {
        let lang = self.settings.lang;
        let (bad, good) = match lang {
            Lang::Indonesian => ("Salah", "Benar"),
            Lang::English => ("Bad", "Good"),
        };
        let mut help = meta.explanation.get(lang).trim().to_string();
        let mut markdown = help.clone();
        for e in &meta.examples {
            help += &format!("\n\n{bad}: {}\n{good}: {}", e.bad.trim(), e.good.trim());
            markdown += &format!(
                "\n\n- {bad}: `{}`\n- {good}: `{}`",
                e.bad.trim(),
                e.good.trim()
            );
        }
        let page = format!("{RULE_DOCS}#{}", meta.id);
        help += &format!("\n\n{page}");
        markdown += &format!("\n\n`{page}`");
        let mut rule = json!({
            "id": meta.id,
            "name": meta.id,
            "shortDescription": {"text": meta.summary.get(lang)},
            "fullDescription": {"text": meta.explanation.get(lang).trim()},
            "help": {"text": help, "markdown": markdown},
            "defaultConfiguration": {"level": level(severity)},
        });
        if let (Some(uri), Value::Object(map)) = (help_uri(&self.home, &meta.id), &mut rule) {
            map.insert("helpUri".to_string(), json!(uri));
        }
        rule
    }

    fn result_json(&self, r: &FileResult, pos: &Positions<'_>, d: &Diagnostic) -> Value {
        let lang = self.settings.lang;
        let artifact = artifact_location(&r.input.path());
        let region = |span: &Span| {
            let start = pos.line_col(span.start);
            let end = pos.line_col(span.end);
            json!({
                "startLine": start.line, "startColumn": start.column,
                "endLine": end.line, "endColumn": end.column,
            })
        };
        let record = r.input.record();
        // A record's text is a JSON string on one line of its dump: the line locates it, and its
        // id names it; columns inside the escaped string would point at the wrong characters.
        let mut location_region = match record {
            Some(record) => json!({"startLine": record.line}),
            None => region(&d.span),
        };
        if let Value::Object(map) = &mut location_region {
            map.insert(
                "snippet".to_string(),
                json!({"text": &r.source[d.span.clone()]}),
            );
        }
        let fixes: Vec<Value> = if record.is_some() {
            Vec::new()
        } else {
            d.fixes
                .iter()
                .map(|f| {
                    json!({
                        "description": {"text": f.message.get(lang)},
                        "artifactChanges": [{
                            "artifactLocation": artifact,
                            "replacements": f.edits.iter().map(|e| json!({
                                "deletedRegion": region(&e.span),
                                "insertedContent": {"text": e.replacement},
                            })).collect::<Vec<_>>(),
                        }],
                        "properties": {"applicability": f.applicability.as_str()},
                    })
                })
                .collect()
        };
        let mut location = json!({
            "physicalLocation": {
                "artifactLocation": artifact,
                "region": location_region,
            }
        });
        if let (Some(record), Value::Object(map)) = (record, &mut location) {
            map.insert(
                "logicalLocations".to_string(),
                json!([{"name": record.id, "fullyQualifiedName": r.input.display(), "kind": "object"}]),
            );
        }
        let mut result = json!({
            "ruleId": d.rule,
            "level": level(d.severity),
            "message": {"text": d.message.get(lang)},
            "locations": [location],
            "partialFingerprints": {"lintas/v1": fingerprint(&d.rule, &r.source, &d.span)},
            "fixes": fixes,
        });
        if let Value::Object(map) = &mut result {
            if let Some(index) = self.rules.iter().position(|(m, _)| m.id == d.rule) {
                map.insert("ruleIndex".to_string(), json!(index));
            }
            let mut properties = serde_json::Map::new();
            if let Some(record) = record {
                properties.insert(
                    "record".to_string(),
                    json!({"id": record.id, "line": record.line}),
                );
            }
            if let Some(entry) = &d.entry {
                properties.insert("entry".to_string(), json!(entry));
            }
            if !properties.is_empty() {
                map.insert("properties".to_string(), Value::Object(properties));
            }
        }
        result
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where a report name points: a URI reference relative to the root (`uriBaseId`), or, for a
/// file outside the root (an absolute name), a `file:` URI.
fn artifact_location(name: &str) -> Value {
    if name.starts_with('/') {
        json!({"uri": file_uri(name)})
    } else {
        json!({"uri": uri_path(name), "uriBaseId": ROOT_BASE})
    }
}

/// An absolute path as a `file:` URI.
fn file_uri(path: &str) -> String {
    let path = path.replace('\\', "/");
    let slash = if path.starts_with('/') { "" } else { "/" };
    format!("file://{slash}{}", uri_path(&path))
}

/// A path as a URI path: anything outside the unreserved set and `/` percent-encoded.
fn uri_path(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(char::from(b));
        } else {
            out += &format!("%{b:02X}");
        }
    }
    out
}

impl Emitter for Sarif {
    fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        let rules: Vec<Value> = self
            .rules
            .iter()
            .map(|(m, s)| self.rule_json(m, *s))
            .collect();
        let tool = json!({"driver": {
            "name": "lintas",
            "version": env!("CARGO_PKG_VERSION"),
            "semanticVersion": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }});
        write!(
            w,
            "{{\n  \"$schema\": \"{SCHEMA}\",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {{\n      \"tool\": {},\n      \"originalUriBaseIds\": {},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [",
            pretty(&tool, "      ")?,
            pretty(&json!({ROOT_BASE: {"uri": self.root_uri}}), "      ")?
        )
    }

    fn file(&mut self, w: &mut dyn Write, r: &FileResult) -> io::Result<()> {
        let pos = r.positions();
        for d in &r.diagnostics {
            let separator = if self.written == 0 { "" } else { "," };
            self.written += 1;
            write!(
                w,
                "{separator}\n        {}",
                pretty(&self.result_json(r, &pos, d), "        ")?
            )?;
        }
        Ok(())
    }

    fn end(&mut self, w: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let close = if self.written == 0 { "]" } else { "\n      ]" };
        let mut notifications: Vec<Value> = summary
            .errors
            .iter()
            .map(|(path, message)| {
                json!({
                    "level": "error",
                    "message": {"text": message},
                    "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path)}}],
                })
            })
            .collect();
        if summary.omitted > 0 {
            notifications.push(json!({
                "level": "warning",
                "message": {"text": super::not_shown(summary.omitted, self.settings.lang)},
            }));
        }
        let invocation = json!([{
            "executionSuccessful": summary.errors.is_empty(),
            "toolExecutionNotifications": notifications,
        }]);
        writeln!(
            w,
            "{close},\n      \"invocations\": {}\n    }}\n  ]\n}}",
            pretty(&invocation, "      ")?
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_uri_needs_an_absolute_home() {
        assert_eq!(help_uri("", "calque"), None);
        assert_eq!(
            help_uri("https://example.org/lintas/", "calque").as_deref(),
            Some("https://example.org/lintas/docs/rules.md#calque")
        );
    }

    #[test]
    fn names_become_uri_references_under_the_root() {
        let uri = |name| artifact_location(name)["uri"].as_str().map(str::to_string);
        assert_eq!(uri("posts/a b.md").as_deref(), Some("posts/a%20b.md"));
        assert_eq!(uri("<stdin>").as_deref(), Some("%3Cstdin%3E"));
        assert_eq!(uri("berita/é.md").as_deref(), Some("berita/%C3%A9.md"));
        assert_eq!(artifact_location("a.md")["uriBaseId"], ROOT_BASE);
        assert_eq!(
            artifact_location("/srv/x y.md"),
            json!({"uri": "file:///srv/x%20y.md"})
        );
    }
}
