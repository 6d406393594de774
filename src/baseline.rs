//! Baselines: record today's findings (`--write-baseline FILE`) so that CI fails only on new ones
//! (`--baseline FILE`). A finding is known by its rule, its path and a fingerprint of its text and
//! the words around it — never its line — so edits elsewhere in the file do not make old findings
//! look new.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::engine::FileResult;
use crate::messages::{Cause, Message};
use crate::source::Span;

/// The baseline file's format version.
const VERSION: u32 = 1;

/// How many characters on each side of a finding its fingerprint covers.
const CONTEXT_CHARS: usize = 24;

/// A fingerprint of `span` in `source` for `rule`: the flagged text and the characters around
/// it on its own line, blanks collapsed, hashed ([`hash_of`]). Used by baselines, SARIF's
/// `partialFingerprints` and GitLab's `fingerprint`.
pub fn fingerprint(rule: &str, source: &str, span: &Span) -> String {
    let line_before = source[..span.start].rsplit('\n').next().unwrap_or_default();
    let line_after = source[span.end..].split('\n').next().unwrap_or_default();
    let before: String = {
        let mut chars: Vec<char> = line_before.chars().rev().take(CONTEXT_CHARS).collect();
        chars.reverse();
        chars.into_iter().collect()
    };
    let after: String = line_after.chars().take(CONTEXT_CHARS).collect();
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    hash_of(&[
        rule,
        &collapse(&before),
        &collapse(&source[span.clone()]),
        &collapse(&after),
    ])
}

/// A stable hash of `parts` joined by NULs (FNV-1a, 64 bits, in hex): the same for the same parts
/// across Rust versions and platforms, so baselines recorded once keep matching.
pub fn hash_of(parts: &[&str]) -> String {
    let mut hash = FNV_OFFSET;
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            hash = fnv1a(hash, &[0]);
        }
        hash = fnv1a(hash, part.as_bytes());
    }
    format!("{hash:016x}")
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

fn fnv1a(start: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(start, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One recorded finding.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
struct Entry {
    path: String,
    rule: String,
    fingerprint: String,
    /// The flagged text, for a human reading the file; not used for matching.
    text: String,
}

#[derive(Debug, Serialize, Deserialize)]
struct File {
    version: u32,
    findings: Vec<Entry>,
}

fn entries(r: &FileResult) -> impl Iterator<Item = Entry> {
    let path = r.path();
    r.diagnostics.iter().map(move |d| Entry {
        path: path.clone(),
        rule: d.rule.clone(),
        fingerprint: fingerprint(&d.rule, &r.source, &d.span),
        text: r.source[d.span.clone()].to_string(),
    })
}

type Key = (String, String, String);

fn key(e: &Entry) -> Key {
    (e.path.clone(), e.rule.clone(), e.fingerprint.clone())
}

/// A loaded baseline: what it still expects to see, by path, rule and fingerprint.
#[derive(Debug, Default)]
pub struct Baseline {
    expected: BTreeMap<Key, usize>,
    seen_paths: BTreeSet<String>,
    matched: usize,
}

/// What the baseline did in a run.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct BaselineSummary {
    /// Findings hidden because the baseline knows them.
    pub known: usize,
    /// Findings in the baseline, for the files linted, that are no longer there.
    pub disappeared: usize,
}

impl Baseline {
    pub fn load(path: &Path) -> anyhow::Result<Baseline> {
        let name = || path.display().to_string();
        let text = crate::files::read_text(path).map_err(|e| Message::BaselineCannotRead {
            path: name(),
            cause: Cause::of(&e),
        })?;
        let file: File = serde_json::from_str(&text).map_err(|e| Message::NotABaseline {
            path: name(),
            detail: e.to_string(),
        })?;
        if file.version != VERSION {
            return Err(Message::BaselineVersion {
                path: name(),
                version: file.version,
                expected: VERSION,
            }
            .into());
        }
        let mut expected = BTreeMap::new();
        for e in &file.findings {
            *expected.entry(key(e)).or_insert(0) += 1;
        }
        Ok(Baseline {
            expected,
            ..Baseline::default()
        })
    }

    /// Remove from `r` the findings the baseline knows (each recorded finding hides one).
    pub fn filter(&mut self, r: &mut FileResult) {
        // A file linted with no finding left still counts: its old findings disappeared.
        self.seen_paths.insert(r.path());
        let mut keep = Vec::with_capacity(r.diagnostics.len());
        for entry in entries(r) {
            let known = self.expected.get_mut(&key(&entry)).filter(|n| **n > 0);
            match known {
                Some(n) => {
                    *n -= 1;
                    self.matched += 1;
                    keep.push(false);
                }
                None => keep.push(true),
            }
        }
        let mut keep = keep.into_iter();
        r.diagnostics.retain(|_| keep.next().unwrap_or(true));
    }

    /// Counts so far: known findings hidden, and recorded ones gone from the files linted.
    pub fn summary(&self) -> BaselineSummary {
        let disappeared = self
            .expected
            .iter()
            .filter(|((path, _, _), _)| self.seen_paths.contains(path))
            .map(|(_, n)| n)
            .sum();
        BaselineSummary {
            known: self.matched,
            disappeared,
        }
    }
}

/// Collects findings for `--write-baseline`.
#[derive(Debug, Default)]
pub struct BaselineWriter {
    findings: Vec<Entry>,
}

impl BaselineWriter {
    pub fn add(&mut self, r: &FileResult) {
        self.findings.extend(entries(r));
    }

    /// Write the baseline atomically (a temporary file in the same folder, then a rename).
    pub fn write(mut self, path: &Path) -> Result<(), Message> {
        self.findings.sort();
        let file = File {
            version: VERSION,
            findings: self.findings,
        };
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        let cannot_write = |e: &std::io::Error| Message::CannotWrite {
            path: path.display().to_string(),
            cause: Cause::of(e),
        };
        let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(|e| cannot_write(&e))?;
        serde_json::to_writer_pretty(&mut tmp, &file).map_err(|e| cannot_write(&e.into()))?;
        writeln!(tmp).map_err(|e| cannot_write(&e))?;
        tmp.persist(path).map_err(|e| cannot_write(&e.error))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_ignore_line_shifts_but_not_context() {
        let a = "Resiko itu besar.";
        let b = "Judul baru\n\nResiko itu besar.";
        let c = "Resiko ini besar.";
        let fp = |s: &str| {
            let i = s.find("Resiko").expect("present");
            fingerprint("nonstandard-word", s, &(i..i + 6))
        };
        assert_eq!(fp(a), fp(b));
        assert_ne!(fp(a), fp(c));
        assert_eq!(fp(a).len(), 16);
    }

    #[test]
    fn multibyte_context_is_safe() {
        let s = "é“ü”ñ résiko ünd";
        let i = s.find("résiko").expect("present");
        assert_eq!(fingerprint("r", s, &(i..i + "résiko".len())).len(), 16);
        assert_eq!(fingerprint("r", "", &(0..0)).len(), 16);
    }
}
