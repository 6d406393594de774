//! `lintas rules`, `lintas explain`, `lintas init`: the rules' own documentation.

use std::io::Write;

use anyhow::bail;

use super::EXIT_CLEAN;
use super::args::{DocArgs, ExplainArgs, InitArgs};
use crate::config::{Config, STARTER};
use crate::engine::did_you_mean;
use crate::rules::{self, docs};

pub fn list(args: &DocArgs) -> anyhow::Result<u8> {
    let rules = rules::all(&Config::default())?;
    let mut out = std::io::stdout().lock();
    let width = rules.iter().map(|r| r.meta.id.len()).max().unwrap_or(0);
    for rule in &rules {
        let m = &rule.meta;
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
    let Some(rule) = rules.iter().find(|r| r.meta.id == args.rule) else {
        bail!(
            "unknown rule “{}”{}",
            args.rule,
            did_you_mean(&args.rule, &rules::ids())
        );
    };
    let mut out = std::io::stdout().lock();
    out.write_all(docs::render(&rule.meta, args.doc.lang, 1).as_bytes())?;
    Ok(EXIT_CLEAN)
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
