//! `lintas.toml`: every field optional; defaults < the file < command-line flags.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostic::{Lang, Severity};
use crate::lang::calendar::Date;
use crate::messages::Message;

pub const FILE_NAME: &str = "lintas.toml";
pub const DEFAULT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "mdx"];

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Config {
    /// File extensions linted when a directory is walked.
    pub extensions: Option<Vec<String>>,
    /// Gitignore-style globs of paths to skip when walking.
    #[serde(default)]
    pub exclude: Vec<String>,
    /// The article date to assume when the text gives none (`YYYY-MM-DD`).
    pub document_date: Option<String>,
    pub fail_on: Option<Severity>,
    pub lang: Option<Lang>,
    /// Where the project's documentation is published (`https://…/lintas/blob/main`): SARIF
    /// links each rule to `DOCS-URL/docs/rules.md#ID`.
    pub docs_url: Option<String>,
    /// Only these rules (ids).
    pub select: Option<Vec<String>>,
    /// Never these rules (ids).
    #[serde(default)]
    pub ignore: Vec<String>,
    /// Per-rule settings, by rule id.
    #[serde(default)]
    pub rules: BTreeMap<String, RuleSettings>,
    /// Rules to ignore for paths matching a glob.
    #[serde(default)]
    pub per_file: Vec<PerFile>,
    /// The folder the config file is in: relative paths inside it are resolved from here.
    #[serde(skip)]
    pub base_dir: PathBuf,
    /// The file this came from, for messages.
    #[serde(skip)]
    pub origin: Option<PathBuf>,
    /// Its text, to say on which line a setting is.
    #[serde(skip)]
    text: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub struct RuleSettings {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    /// Ids of single entries of a data rule to switch off.
    #[serde(default)]
    pub disable: Vec<String>,
    /// Entries a newsroom adds to a data rule (same shape as in `rules/*.toml`).
    #[serde(default)]
    pub entries: Vec<toml::Value>,
    /// Anything else is the rule's own options, read by the rule.
    #[serde(flatten)]
    pub options: toml::Table,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PerFile {
    pub glob: String,
    #[serde(default)]
    pub ignore: Vec<String>,
}

/// A configuration file that could not be read or understood (put into words with a snippet of
/// the file by the command line).
#[derive(Debug)]
pub enum ConfigError {
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    Parse {
        path: PathBuf,
        message: String,
        /// The file's text and the byte range at fault, for a snippet.
        text: String,
        span: Option<std::ops::Range<usize>>,
    },
}

impl Config {
    /// Read and parse a config file.
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = crate::files::read_text(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let mut config = Config::parse(&text).map_err(|e| ConfigError::Parse {
            path: path.to_path_buf(),
            message: e.message().to_string(),
            span: e.span(),
            text: text.clone(),
        })?;
        config.base_dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        config.origin = Some(path.to_path_buf());
        config.text = text;
        Ok(config)
    }

    pub fn parse(text: &str) -> Result<Config, toml::de::Error> {
        toml::from_str(text)
    }

    /// `lintas.toml` in `start` or the nearest folder above it.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .map(|dir| dir.join(FILE_NAME))
            .find(|p| p.is_file())
    }

    pub fn settings(&self, rule: &str) -> Option<&RuleSettings> {
        self.rules.get(rule)
    }

    /// A rule's own options, deserialized into its settings type.
    pub fn rule_options<T: serde::de::DeserializeOwned + Default>(
        &self,
        rule: &str,
    ) -> anyhow::Result<T> {
        match self.settings(rule) {
            Some(s) if !s.options.is_empty() => {
                T::deserialize(toml::Value::Table(s.options.clone())).map_err(|e| {
                    let key = s
                        .options
                        .keys()
                        .find(|k| e.message().contains(&format!("`{k}`")));
                    anyhow::Error::new(Message::RuleOptions {
                        place: self.place(rule, key.map_or("", String::as_str)),
                        rule: rule.to_string(),
                        detail: e.message().to_string(),
                    })
                })
            }
            _ => Ok(T::default()),
        }
    }

    /// `FILE:LINE` of `key` in the `[rules.RULE]` table (or of the table, or of its first
    /// `[[rules.RULE.entries]]`), as far as a line-by-line reading of the file finds it; else the
    /// file's name.
    pub fn place(&self, rule: &str, key: &str) -> String {
        let headers = [
            format!("[rules.{rule}]"),
            format!("[rules.\"{rule}\"]"),
            format!("[[rules.{rule}.{key}]]"),
            format!("[[rules.\"{rule}\".{key}]]"),
        ];
        let mut table = None;
        let mut inside = false;
        for (i, line) in self.text.lines().enumerate() {
            let line = line.trim();
            if line.starts_with('[') {
                inside = headers.iter().any(|h| line.replace(' ', "") == *h);
                if inside && line.starts_with("[[") {
                    return format!("{}:{}", self.origin_name(), i + 1);
                }
                table = table.or(inside.then_some(i));
                continue;
            }
            let named = line.strip_prefix(key).is_some_and(|rest| {
                let rest = rest.trim_start();
                rest.starts_with('=') || rest.starts_with('.')
            });
            if inside && !key.is_empty() && named {
                return format!("{}:{}", self.origin_name(), i + 1);
            }
        }
        match table {
            Some(i) => format!("{}:{}", self.origin_name(), i + 1),
            None => self.origin_name(),
        }
    }

    pub fn origin_name(&self) -> String {
        self.origin
            .as_ref()
            .map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string())
    }

    pub fn extensions(&self) -> Vec<String> {
        self.extensions
            .clone()
            .unwrap_or_else(|| DEFAULT_EXTENSIONS.iter().map(|s| s.to_string()).collect())
    }

    /// The configured article date, validated.
    pub fn document_date(&self) -> anyhow::Result<Option<Date>> {
        self.document_date
            .as_deref()
            .map(|s| {
                Date::parse_iso(s).ok_or_else(|| {
                    anyhow::Error::new(Message::DocumentDate {
                        origin: self.origin_name(),
                        value: s.to_string(),
                    })
                })
            })
            .transpose()
    }

    /// A path relative to the config file's folder.
    pub fn resolve(&self, path: &str) -> PathBuf {
        self.base_dir.join(path)
    }
}

/// The commented starter written by `lintas init`.
pub const STARTER: &str = include_str!("../docs/lintas.example.toml");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_starter_parses() {
        Config::parse(STARTER).expect("docs/lintas.example.toml must parse");
    }

    #[test]
    fn rule_settings_and_options() {
        let c = Config::parse(
            "fail-on = \"error\"\n[rules.calque]\nseverity = \"error\"\ndisable = [\"x\"]\n[rules.spelling]\naccept = [\"Komdigi\"]\n",
        )
        .expect("parses");
        assert_eq!(c.fail_on, Some(Severity::Error));
        let calque = c.settings("calque").expect("present");
        assert_eq!(calque.severity, Some(Severity::Error));
        assert_eq!(calque.disable, ["x"]);
        assert!(
            c.settings("spelling")
                .expect("present")
                .options
                .contains_key("accept")
        );
    }

    #[test]
    fn errors_have_a_span() {
        let e = Config::parse("fail-on = \n").expect_err("broken");
        assert!(e.span().is_some());
        let e = Config::parse("unknown-key = 1\n").expect_err("unknown");
        assert!(e.message().contains("unknown"));
    }
}
