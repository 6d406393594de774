//! `lintas check`.

use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use super::args::{CheckArgs, ColorChoice};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Applicability, Severity};
use crate::engine::{FileError, FileResult, Linter, Selection};
use crate::input::{self, Input};
use crate::report::{self, Report};
use crate::write::write_fixed;

pub fn run(args: CheckArgs) -> anyhow::Result<u8> {
    let mut config = load_config(&args)?;
    if let Some(date) = &args.date {
        config.document_date = Some(date.clone());
    }
    let lang = args.lang.or(config.lang).unwrap_or_default();
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Warning);
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let linter = Linter::new(&config, &selection)?;

    let (inputs, walk_errors) = input::collect(&args.paths, &config.extensions(), &config.exclude);
    let mut errors: Vec<(String, String)> = walk_errors
        .iter()
        .map(|e| (path_of(e), e.to_string()))
        .collect();

    let fix = (args.fix || args.diff).then_some(if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    });
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.max(1));
    }
    let pool = pool.build().context("cannot start worker threads")?;
    let outcomes = pool.install(|| linter.run(&inputs, fix));

    let mut results: Vec<FileResult> = Vec::new();
    for (input, outcome) in inputs.iter().zip(outcomes) {
        match outcome {
            Ok(r) => results.push(r),
            Err(e) => errors.push((input.display(), file_error_message(&e))),
        }
    }

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.diff {
        let changed = write_diffs(&mut out, &results)?;
        out.flush()?;
        report_errors(&errors);
        return Ok(if !errors.is_empty() {
            EXIT_ERROR
        } else if changed {
            EXIT_FINDINGS
        } else {
            EXIT_CLEAN
        });
    }
    if args.fix {
        for r in &results {
            let Some(original) = &r.original else {
                continue;
            };
            match &r.input {
                Input::File(path) => {
                    if let Err(e) = write_fixed(path, original, &r.source) {
                        errors.push((r.path(), e.to_string()));
                    }
                }
                // Fixed standard input goes to standard output; diagnostics then go to stderr.
                Input::Stdin => out.write_all(r.source.as_bytes())?,
            }
        }
    }

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let report = Report {
        results: &results,
        errors: &errors,
        lang,
        fixing: args.fix,
        quiet: args.quiet,
    };
    let mut emitter = report::emitter(args.format, color);
    let stdin_fixed = args.fix && results.iter().any(|r| r.input == Input::Stdin);
    if stdin_fixed {
        out.flush()?;
        emitter.emit(&mut BufWriter::new(std::io::stderr().lock()), &report)?;
    } else {
        emitter.emit(&mut out, &report)?;
    }
    out.flush()?;
    report_errors(&errors);

    if !errors.is_empty() {
        return Ok(EXIT_ERROR);
    }
    let failing = results
        .iter()
        .flat_map(|r| &r.diagnostics)
        .any(|d| d.severity >= fail_on);
    Ok(if failing { EXIT_FINDINGS } else { EXIT_CLEAN })
}

fn load_config(args: &CheckArgs) -> anyhow::Result<Config> {
    if args.no_config {
        return Ok(Config::default());
    }
    let path: Option<PathBuf> = match &args.config {
        Some(p) => Some(p.clone()),
        None => Config::discover(&std::env::current_dir().unwrap_or_default()),
    };
    let Some(path) = path else {
        return Ok(Config::default());
    };
    Config::load(&path).map_err(|e| anyhow::anyhow!(render_config_error(&e)))
}

/// A config error with its line, column and a snippet of the file.
pub fn render_config_error(e: &ConfigError) -> String {
    match e {
        ConfigError::Parse {
            path,
            message,
            text,
            span: Some(span),
        } => {
            let file = SimpleFile::new(path.display().to_string(), text.as_str());
            let diag = CsDiagnostic::error()
                .with_message(format!("invalid configuration: {}", message.trim()))
                .with_labels(vec![Label::primary((), span.clone())]);
            let mut s = String::new();
            match term::emit_to_string(&mut s, &term::Config::default(), &file, &diag) {
                Ok(()) => s.trim_end().to_string(),
                Err(_) => e.to_string(),
            }
        }
        _ => e.to_string(),
    }
}

fn write_diffs(out: &mut dyn Write, results: &[FileResult]) -> std::io::Result<bool> {
    let mut changed = false;
    for r in results {
        let Some(original) = &r.original else {
            continue;
        };
        changed = true;
        let path = r.path();
        let diff = similar::TextDiff::from_lines(&**original, &*r.source);
        write!(
            out,
            "{}",
            diff.unified_diff()
                .context_radius(2)
                .header(&format!("a/{path}"), &format!("b/{path}"))
        )?;
    }
    Ok(changed)
}

fn report_errors(errors: &[(String, String)]) {
    let mut err = std::io::stderr().lock();
    for (_, message) in errors {
        let _ = writeln!(err, "lintas: {message}");
    }
}

fn path_of(e: &input::InputError) -> String {
    match e {
        input::InputError::Missing { path }
        | input::InputError::Io { path, .. }
        | input::InputError::InvalidUtf8 { path, .. }
        | input::InputError::Walk { path, .. } => path.clone(),
    }
}

fn file_error_message(e: &FileError) -> String {
    match e {
        FileError::Input(e) => e.to_string(),
        FileError::Other(e) => format!("{e:#}"),
    }
}
