//! Data-driven phrase rules: a list of phrases (or, where a pattern needs it, regexes) with their
//! replacements, compiled into one Aho-Corasick automaton per rule and checked against word
//! boundaries.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use anyhow::{Context, bail};
use regex::Regex;
use serde::Deserialize;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized, Severity};
use crate::lang::case::match_case_in_context;
use crate::rules::{Example, Rule, RuleMeta};
use crate::source::Document;

/// A rule file's header.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RuleHeader {
    id: String,
    severity: Severity,
    summary: Localized,
    explanation: Localized,
    sources: Vec<String>,
    examples: Vec<Example>,
    /// Message when the entry has a replacement; `{found}` and `{replace}` are filled in.
    message: Localized,
    /// Message when it has none; `{found}` and `{help}` are filled in.
    message_no_fix: Option<Localized>,
    /// Skip quoted speech unless an entry says otherwise (informal register is the speaker's).
    #[serde(default)]
    outside_quotes: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: RuleHeader,
    #[serde(default)]
    entry: Vec<toml::Spanned<toml::Table>>,
}

/// Whether and how an entry's replacement may be applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    #[default]
    Safe,
    Unsafe,
    /// Shown as help, never applied.
    None,
}

/// One phrase of a data rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Entry {
    /// How `disable` names it; defaults to the phrase itself, lower-case.
    pub id: Option<String>,
    /// A literal phrase, matched case-insensitively on word boundaries.
    #[serde(rename = "match")]
    pub phrase: Option<String>,
    /// A regex, for patterns a phrase cannot say. A group named `x` narrows the flagged span.
    pub regex: Option<String>,
    /// The replacement (`$1` expands regex groups); the phrase's case is kept.
    pub replace: Option<String>,
    #[serde(default)]
    pub fix: FixKind,
    /// Shown when there is no replacement, or to explain a choice.
    pub help: Option<Localized>,
    /// Overrides the rule's message template.
    pub message: Option<Localized>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// Overrides the rule's `outside-quotes`.
    pub outside_quotes: Option<bool>,
    /// Where the norm comes from (KBBI entry, EYD V section, style guide).
    pub source: String,
}

impl Entry {
    pub fn id(&self) -> String {
        self.id
            .clone()
            .or_else(|| self.phrase.as_ref().map(|p| p.to_lowercase()))
            .or_else(|| self.regex.clone())
            .unwrap_or_default()
    }
}

/// A phrase rule compiled from one `rules/*.toml` plus the user's additions.
pub struct DataRule {
    meta: RuleMeta,
    message: Localized,
    message_no_fix: Localized,
    outside_quotes: bool,
    entries: Vec<Entry>,
    /// Pattern i of the automaton is `entries[phrase_entry[i]]`.
    automaton: Option<AhoCorasick>,
    phrase_entry: Vec<usize>,
    regexes: Vec<(usize, Regex)>,
}

impl DataRule {
    /// Every data rule embedded in the binary, with the user's entries and disables applied.
    pub fn load_all(config: &Config) -> anyhow::Result<Vec<DataRule>> {
        super::EMBEDDED
            .iter()
            .filter(|(_, text)| text.contains("\n[rule]") || text.starts_with("[rule]"))
            .map(|(name, text)| DataRule::from_toml(&format!("rules/{name}"), text, config))
            .collect()
    }

    /// Compile one rule file; `origin` names it in errors.
    pub fn from_toml(origin: &str, text: &str, config: &Config) -> anyhow::Result<DataRule> {
        let file: RuleFile =
            toml::from_str(text).with_context(|| format!("{origin}: not a valid rule file"))?;
        let header = file.rule;
        let mut entries = Vec::new();
        for spanned in file.entry {
            let line = line_of(text, spanned.span().start);
            entries.push(parse_entry(
                spanned.into_inner(),
                &format!("{origin}:{line}"),
            )?);
        }
        if let Some(settings) = config.settings(&header.id) {
            let user_origin = config.origin_name();
            for (i, value) in settings.entries.iter().enumerate() {
                let table = value.as_table().cloned().unwrap_or_default();
                let at = format!("{user_origin}: [[rules.{}.entries]] #{}", header.id, i + 1);
                entries.push(parse_entry(table, &at)?);
            }
            for id in &settings.disable {
                let before = entries.len();
                entries.retain(|e| &e.id() != id);
                if entries.len() == before {
                    bail!(
                        "{user_origin}: [rules.{}] disable: no entry “{id}” in this rule",
                        header.id
                    );
                }
            }
        }
        DataRule::compile(header, entries, origin)
    }

    fn compile(header: RuleHeader, entries: Vec<Entry>, origin: &str) -> anyhow::Result<DataRule> {
        let mut patterns = Vec::new();
        let mut phrase_entry = Vec::new();
        let mut regexes = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            if let Some(p) = &e.phrase {
                patterns.push(p.clone());
                phrase_entry.push(i);
            }
            if let Some(r) = &e.regex {
                let re = Regex::new(r)
                    .with_context(|| format!("{origin}: entry “{}”: bad regex", e.id()))?;
                regexes.push((i, re));
            }
        }
        let automaton = if patterns.is_empty() {
            None
        } else {
            Some(
                AhoCorasickBuilder::new()
                    .ascii_case_insensitive(true)
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(&patterns)
                    .with_context(|| format!("{origin}: cannot compile the phrase list"))?,
            )
        };
        let fixable = entries
            .iter()
            .any(|e| e.replace.is_some() && e.fix != FixKind::None);
        let meta = RuleMeta {
            id: header.id,
            default_severity: header.severity,
            summary: header.summary,
            explanation: header.explanation,
            sources: header.sources,
            examples: header.examples,
            fixable,
        };
        let message_no_fix = header
            .message_no_fix
            .unwrap_or_else(|| header.message.clone());
        Ok(DataRule {
            meta,
            message: header.message,
            message_no_fix,
            outside_quotes: header.outside_quotes,
            entries,
            automaton,
            phrase_entry,
            regexes,
        })
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    fn report(
        &self,
        doc: &Document,
        entry: &Entry,
        span: std::ops::Range<usize>,
        replacement: Option<String>,
    ) -> Option<Diagnostic> {
        if entry.outside_quotes.unwrap_or(self.outside_quotes) && doc.in_quote(&span) {
            return None;
        }
        let found = doc.slice(&span).to_string();
        let help = entry.help.clone().unwrap_or_default();
        let fill = |t: &str, replace: &str| {
            t.replace("{found}", &found)
                .replace("{replace}", replace)
                .replace("{help}", help.id.as_str())
        };
        let fill_en = |t: &str, replace: &str| {
            t.replace("{found}", &found)
                .replace("{replace}", replace)
                .replace("{help}", help.en.as_str())
        };
        let at_start = doc.starts_sentence(span.start);
        let replacement = replacement.map(|r| {
            if entry.case_sensitive {
                r
            } else {
                match_case_in_context(&found, &r, at_start)
            }
        });
        if replacement.as_deref() == Some(found.as_str()) {
            return None;
        }
        let template = match (&entry.message, &replacement) {
            (Some(m), _) => m,
            (None, Some(_)) => &self.message,
            (None, None) => &self.message_no_fix,
        };
        let r = replacement.clone().unwrap_or_default();
        let message = Localized::new(fill(&template.id, &r), fill_en(&template.en, &r));
        let mut diag = Diagnostic::new(self.meta.id.clone(), span.clone(), message);
        if let Some(r) = replacement {
            let applicability = match entry.fix {
                FixKind::Safe => Applicability::Safe,
                FixKind::Unsafe => Applicability::Unsafe,
                FixKind::None => Applicability::DisplayOnly,
            };
            diag = diag.with_fix(Fix::replace(span, r, applicability));
        }
        if entry.help.is_some() && (entry.replace.is_some() || entry.message.is_some()) {
            diag = diag.with_note(help);
        }
        Some(diag)
    }
}

impl Rule for DataRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        if let Some(ac) = &self.automaton {
            for m in ac.find_iter(text) {
                let entry = &self.entries[self.phrase_entry[m.pattern().as_usize()]];
                let span = m.start()..m.end();
                if entry.case_sensitive && entry.phrase.as_deref() != Some(&text[span.clone()]) {
                    continue;
                }
                if !doc.is_word_boundary_span(&span) {
                    continue;
                }
                out.extend(self.report(doc, entry, span, entry.replace.clone()));
            }
        }
        for (i, re) in &self.regexes {
            let entry = &self.entries[*i];
            for caps in re.captures_iter(text) {
                let Some(whole) = caps.get(0) else { continue };
                let flagged = caps.name("x").unwrap_or(whole);
                let span = flagged.start()..flagged.end();
                if span.is_empty() || doc.tokens_in(&span).iter().any(|t| t.is_address()) {
                    continue;
                }
                let replacement = entry.replace.as_ref().map(|r| {
                    let mut s = String::new();
                    caps.expand(r, &mut s);
                    s
                });
                out.extend(self.report(doc, entry, span, replacement));
            }
        }
    }
}

fn parse_entry(table: toml::Table, at: &str) -> anyhow::Result<Entry> {
    let entry: Entry = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| anyhow::anyhow!("{at}: malformed entry: {}", e.message()))?;
    match (&entry.phrase, &entry.regex) {
        (Some(_), Some(_)) => bail!("{at}: an entry has either `match` or `regex`, not both"),
        (None, None) => bail!("{at}: an entry needs `match` or `regex`"),
        (Some(p), None) if p.trim().is_empty() => bail!("{at}: empty `match`"),
        (None, Some(r)) => {
            Regex::new(r)
                .map_err(|e| anyhow::anyhow!("{at}: bad regex in entry “{}”: {e}", entry.id()))?;
        }
        _ => {}
    }
    if entry.source.trim().is_empty() {
        bail!("{at}: entry “{}” has no source", entry.id());
    }
    Ok(entry)
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    const RULE: &str = r#"
[rule]
id = "t"
severity = "warning"
summary = { id = "s", en = "s" }
explanation = { id = "e", en = "e" }
sources = ["x"]
examples = []
message = { id = "“{found}” → “{replace}”", en = "“{found}” → “{replace}”" }
message-no-fix = { id = "“{found}”: {help}", en = "“{found}”: {help}" }

[[entry]]
match = "resiko"
replace = "risiko"
source = "KBBI"

[[entry]]
match = "MOU"
replace = "MoU"
case-sensitive = true
source = "EYD"

[[entry]]
regex = '(?i)\b(?P<x>diharapkan untuk)\b'
replace = "diharapkan"
source = "own"
"#;

    fn check(text: &str, config: &Config) -> Vec<(String, Option<String>)> {
        let rule = DataRule::from_toml("t.toml", RULE, config).expect("compiles");
        let doc = Document::new("d", text);
        let mut out = Vec::new();
        rule.check(&doc, &mut out);
        out.into_iter()
            .map(|d| {
                (
                    doc.slice(&d.span).to_string(),
                    d.fixes.first().map(|f| f.edits[0].replacement.clone()),
                )
            })
            .collect()
    }

    #[test]
    fn phrases_keep_case_and_boundaries() {
        let got = check(
            "Resiko dan resikonya, MOU dan Mou. Ia diharapkan untuk datang.",
            &Config::default(),
        );
        assert_eq!(
            got,
            [
                ("Resiko".to_string(), Some("Risiko".to_string())),
                ("MOU".to_string(), Some("MoU".to_string())),
                (
                    "diharapkan untuk".to_string(),
                    Some("diharapkan".to_string())
                ),
            ]
        );
    }

    #[test]
    fn users_add_and_disable_entries() {
        let config = Config::parse(
            "[rules.t]\ndisable = [\"resiko\"]\n[[rules.t.entries]]\nmatch = \"ijin\"\nreplace = \"izin\"\nsource = \"KBBI\"\n",
        )
        .expect("parses");
        let got = check("resiko ijin", &config);
        assert_eq!(got, [("ijin".to_string(), Some("izin".to_string()))]);
    }

    #[test]
    fn malformed_user_entries_are_named() {
        let config =
            Config::parse("[[rules.t.entries]]\nregex = \"(\"\nsource = \"x\"\n").expect("parses");
        let err = DataRule::from_toml("t.toml", RULE, &config)
            .err()
            .expect("bad regex");
        assert!(err.to_string().contains("#1"), "{err}");
        let config = Config::parse("[rules.t]\ndisable = [\"nope\"]\n").expect("parses");
        assert!(DataRule::from_toml("t.toml", RULE, &config).is_err());
    }
}
