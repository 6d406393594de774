//! `lintas rules`, `lintas explain`, `lintas init`: the rules' own documentation.

use std::io::Write;

use anyhow::bail;

use super::EXIT_CLEAN;
use super::args::{CompletionsArgs, ExplainArgs, InitArgs, ListFormat, RulesArgs};
use crate::config::{Config, STARTER};
use crate::diagnostic::Lang;
use crate::engine::did_you_mean;
use crate::messages::{Cause, Message};
use crate::rules::{self, docs};

pub fn list(args: &RulesArgs, lang: Lang) -> anyhow::Result<u8> {
    let rules = rules::all(&Config::default())?;
    let mut out = std::io::stdout().lock();
    if args.format == ListFormat::Json {
        let list: Vec<serde_json::Value> = (rules.iter())
            .map(|rule| {
                let m = &rule.meta;
                serde_json::json!({
                    "id": m.id,
                    "severity": m.default_severity.as_str(),
                    "fixable": m.fixable,
                    "summary": m.summary.get(lang),
                    "explanation": m.explanation.get(lang).trim(),
                    "sources": m.sources,
                    "examples": (m.examples.iter())
                        .map(|e| serde_json::json!({"bad": e.bad.trim(), "good": e.good.trim()}))
                        .collect::<Vec<_>>(),
                })
            })
            .collect();
        serde_json::to_writer_pretty(&mut out, &list)?;
        writeln!(out)?;
        return Ok(EXIT_CLEAN);
    }
    let width = rules.iter().map(|r| r.meta.id.len()).max().unwrap_or(0);
    for rule in &rules {
        let m = &rule.meta;
        let fix = if m.fixable { "fix" } else { "   " };
        writeln!(
            out,
            "{:width$}  {:7}  {fix}  {}",
            m.id,
            m.default_severity.as_str(),
            m.summary.get(lang)
        )?;
    }
    Ok(EXIT_CLEAN)
}

pub fn explain(args: &ExplainArgs, lang: Lang) -> anyhow::Result<u8> {
    let rules = rules::all(&Config::default())?;
    let Some(rule) = rules.iter().find(|r| r.meta.id == args.rule) else {
        bail!(Message::UnknownRule {
            place: None,
            id: args.rule.clone(),
            suggestion: did_you_mean(&args.rule, &rules::ids()),
        });
    };
    let mut out = std::io::stdout().lock();
    out.write_all(docs::render(&rule.meta, lang, 1).as_bytes())?;
    Ok(EXIT_CLEAN)
}

pub fn init(args: &InitArgs, lang: Lang) -> anyhow::Result<u8> {
    if args.path.exists() && !args.force {
        bail!(Message::InitExists {
            path: args.path.display().to_string(),
        });
    }
    let path = args.path.display().to_string();
    std::fs::write(&args.path, STARTER).map_err(|e| Message::CannotWrite {
        path: path.clone(),
        cause: Cause::of(&e),
    })?;
    let wrote = Message::InitWrote { path }.render(lang);
    writeln!(std::io::stdout(), "lintas: {wrote}")?;
    Ok(EXIT_CLEAN)
}

pub fn completions(args: &CompletionsArgs) -> anyhow::Result<u8> {
    let mut command = <super::Cli as clap::CommandFactory>::command();
    clap_complete::generate(args.shell, &mut command, "lintas", &mut std::io::stdout());
    Ok(EXIT_CLEAN)
}

/// The manual: the page of `lintas`, then one for each subcommand (`lintas-check`, …), whose
/// options are the ones people look up.
pub fn man() -> anyhow::Result<u8> {
    let command = <super::Cli as clap::CommandFactory>::command();
    let mut out = std::io::stdout().lock();
    clap_mangen::Man::new(command.clone()).render(&mut out)?;
    for sub in command.get_subcommands() {
        let name = format!("lintas-{}", sub.get_name());
        let page = sub.clone().display_name(name.clone()).bin_name(name);
        clap_mangen::Man::new(page).render(&mut out)?;
    }
    Ok(EXIT_CLEAN)
}
