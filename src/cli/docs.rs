//! `lintas rules`, `lintas explain`, `lintas init`: the rules' own documentation.

use std::io::Write;

use anyhow::bail;

use super::EXIT_CLEAN;
use super::args::{DocArgs, ExplainArgs, InitArgs};
use crate::config::{Config, STARTER};
use crate::diagnostic::Lang;
use crate::engine::did_you_mean;
use crate::rules::{self, Rule};

pub fn list(args: &DocArgs) -> anyhow::Result<u8> {
    let rules = rules::all(&Config::default())?;
    let mut out = std::io::stdout().lock();
    let width = rules.iter().map(|r| r.meta().id.len()).max().unwrap_or(0);
    for rule in &rules {
        let m = rule.meta();
        let fix = if m.fixable { "fix" } else { "   " };
        writeln!(
            out,
            "{:width$}  {:7}  {fix}  {}",
            m.id,
            m.default_severity.as_str(),
            m.summary.get(args.lang)
        )?;
    }
    Ok(EXIT_CLEAN)
}

pub fn explain(args: &ExplainArgs) -> anyhow::Result<u8> {
    let rules = rules::all(&Config::default())?;
    let Some(rule) = rules.iter().find(|r| r.meta().id == args.rule) else {
        bail!(
            "unknown rule “{}”{}",
            args.rule,
            did_you_mean(&args.rule, &rules::ids())
        );
    };
    let mut out = std::io::stdout().lock();
    out.write_all(render(rule.as_ref(), args.doc.lang).as_bytes())?;
    Ok(EXIT_CLEAN)
}

/// A rule's documentation as Markdown (also how `docs/rules.md` is generated).
pub fn render(rule: &dyn Rule, lang: Lang) -> String {
    let m = rule.meta();
    let (severity, fixable, examples, sources, bad, good) = match lang {
        Lang::Id => (
            "Tingkat bawaan",
            "Dapat diperbaiki",
            "Contoh",
            "Sumber",
            "Salah",
            "Benar",
        ),
        Lang::En => (
            "Default severity",
            "Fixable",
            "Examples",
            "Sources",
            "Bad",
            "Good",
        ),
    };
    let yes_no = match (lang, m.fixable) {
        (Lang::Id, true) => "ya",
        (Lang::Id, false) => "tidak",
        (Lang::En, true) => "yes",
        (Lang::En, false) => "no",
    };
    let mut s = format!("# {}\n\n{}\n\n", m.id, m.summary.get(lang));
    s += &format!(
        "{severity}: {} · {fixable}: {yes_no}\n\n",
        m.default_severity.as_str()
    );
    s += m.explanation.get(lang).trim();
    s += &format!("\n\n## {examples}\n");
    for e in &m.examples {
        s += &format!("\n{bad}:\n\n    {}\n\n{good}:\n\n    {}\n", e.bad, e.good);
    }
    if !m.sources.is_empty() {
        s += &format!("\n## {sources}\n\n");
        for src in &m.sources {
            s += &format!("- {src}\n");
        }
    }
    s
}

pub fn init(args: &InitArgs) -> anyhow::Result<u8> {
    if args.path.exists() && !args.force {
        bail!(
            "{} already exists (use --force to overwrite it)",
            args.path.display()
        );
    }
    std::fs::write(&args.path, STARTER)?;
    writeln!(std::io::stdout(), "lintas: wrote {}", args.path.display())?;
    Ok(EXIT_CLEAN)
}
