//! Finding the files to lint and reading them into documents.

use std::path::{Path, PathBuf};

use crate::source::{Document, markdown};

/// Where a text comes from.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Input {
    Stdin,
    File(PathBuf),
    /// One record of a JSON Lines dump (`--input-format jsonl`): its text is a field of the record.
    Record(Record),
}

/// Which record of which dump.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Record {
    /// The dump's name, as reports show it.
    pub dump: String,
    /// 1-based line of the record in the dump.
    pub line: usize,
    /// The record's id field (or its line number when it has none).
    pub id: String,
}

impl Input {
    /// The name reports show (`dump.jsonl#id` for a record).
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "<stdin>".to_string(),
            Input::File(p) => p.display().to_string(),
            Input::Record(r) => format!("{}#{}", r.dump, r.id),
        }
    }

    /// The file name reports point at: the dump for a record.
    pub fn path(&self) -> String {
        match self {
            Input::Record(r) => r.dump.clone(),
            other => other.display(),
        }
    }

    pub fn record(&self) -> Option<&Record> {
        match self {
            Input::Record(r) => Some(r),
            _ => None,
        }
    }

    fn is_markdown(&self) -> bool {
        matches!(self, Input::File(p) if has_extension(p, &["md".into(), "markdown".into()]))
    }
}

/// A path as given relative to the current folder, without a leading `./`: how CI systems
/// (annotations, SARIF, baselines) name a file of the repository.
pub fn repo_relative(path: &str) -> &str {
    let mut path = path;
    while let Some(rest) = path.strip_prefix("./") {
        path = rest;
    }
    path
}

/// A file that could not be linted; reported, and the run goes on.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{path}: no such file or directory")]
    Missing { path: String },
    #[error("{path}: cannot read: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: not valid UTF-8 (first invalid byte at offset {offset})")]
    InvalidUtf8 { path: String, offset: usize },
    #[error("{path}: {message}")]
    Walk { path: String, message: String },
    #[error("{path}:{line}: {message}")]
    Record {
        path: String,
        line: usize,
        message: String,
    },
}

/// Files under `paths` (directories walked respecting `.gitignore` and the config's `exclude`),
/// sorted and without duplicates; errors for paths that do not exist or cannot be walked.
pub fn collect(
    paths: &[PathBuf],
    extensions: &[String],
    exclude: &[String],
) -> (Vec<Input>, Vec<InputError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
            continue;
        }
        if std::fs::symlink_metadata(path).is_err() {
            errors.push(InputError::Missing {
                path: path.display().to_string(),
            });
            continue;
        }
        if !path.is_dir() {
            // A file named explicitly is linted whatever its extension.
            inputs.push(Input::File(path.clone()));
            continue;
        }
        let mut overrides = ignore::overrides::OverrideBuilder::new(path);
        for glob in exclude {
            if let Err(e) = overrides.add(&format!("!{glob}")) {
                errors.push(InputError::Walk {
                    path: glob.clone(),
                    message: e.to_string(),
                });
            }
        }
        let mut walk = ignore::WalkBuilder::new(path);
        walk.follow_links(true).hidden(true).require_git(false);
        if let Ok(o) = overrides.build() {
            walk.overrides(o);
        }
        for entry in walk.build() {
            match entry {
                Ok(e) if e.file_type().is_some_and(|t| t.is_file()) => {
                    if has_extension(e.path(), extensions) {
                        inputs.push(Input::File(e.into_path()));
                    }
                }
                Ok(_) => {}
                Err(e) => errors.push(InputError::Walk {
                    path: path.display().to_string(),
                    message: e.to_string(),
                }),
            }
        }
    }
    inputs.sort();
    inputs.dedup();
    (inputs, errors)
}

fn has_extension(path: &Path, extensions: &[String]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// Read an input's bytes.
pub fn read(input: &Input) -> Result<Vec<u8>, InputError> {
    let name = input.display();
    match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::Read::read_to_end(&mut std::io::stdin(), &mut buf)
                .map_err(|source| InputError::Io { path: name, source })?;
            Ok(buf)
        }
        Input::File(p) => std::fs::read(p).map_err(|source| InputError::Io { path: name, source }),
        Input::Record(_) => Err(InputError::Io {
            path: name,
            source: std::io::Error::other("a record's text is read with its dump"),
        }),
    }
}

/// Decode bytes as UTF-8, naming the first bad byte.
pub fn decode(input: &Input, bytes: Vec<u8>) -> Result<String, InputError> {
    String::from_utf8(bytes).map_err(|e| InputError::InvalidUtf8 {
        path: input.display(),
        offset: e.utf8_error().valid_up_to(),
    })
}

/// The document for a text, by its kind: Markdown files by extension, the rest plain text.
pub fn document(input: &Input, text: String) -> Document {
    if input.is_markdown() {
        markdown::parse(input.display(), text)
    } else {
        Document::new(input.display(), text)
    }
}
