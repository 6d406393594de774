//! `lintas check`.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use super::args::{CheckArgs, ColorChoice, InputFormat};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use super::{diff, filter};
use crate::baseline::{Baseline, BaselineWriter};
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Applicability, Lang, Severity};
use crate::engine::{FileError, FileResult, Linter, Outcome, Selection};
use crate::input::{self, Input};
use crate::records::{Fields, Records};
use crate::report::{self, Emitter, Settings, Summary, visible};
use crate::write::write_fixed;

pub fn run(mut args: CheckArgs) -> anyhow::Result<u8> {
    if args.paths.is_empty() {
        let default = if args.stdin_filename.is_some() {
            "-"
        } else {
            "."
        };
        args.paths.push(PathBuf::from(default));
    }
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
    let jsonl = args.input_format == InputFormat::Jsonl;
    if jsonl && (args.fix || args.diff) {
        bail!("--fix and --diff work on files, not on the records of a JSON Lines dump");
    }
    // The engine's parallel work runs on rayon's global pool, sized once here.
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.into());
    }
    pool.build_global().context("cannot start worker threads")?;

    // Building the rules and finding the files are independent: do both at once.
    let (linter, (inputs, walk_errors)) = rayon::join(
        || Linter::new(&config, &selection),
        || {
            if jsonl {
                (
                    dumps(&args.paths, args.stdin_filename.as_deref()),
                    Vec::new(),
                )
            } else {
                input::collect(
                    &args.paths,
                    &config.extensions(),
                    &config.exclude,
                    args.follow,
                    args.stdin_filename.as_deref(),
                )
            }
        },
    );
    let linter = linter?;
    let baseline = args.baseline.as_deref().map(Baseline::load).transpose()?;
    let mut errors: Vec<(String, String)> = walk_errors
        .iter()
        .map(|e| (path_of(e), e.to_string()))
        .collect();

    let fix = (args.fix || args.diff).then_some(if args.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    });
    if args.diff {
        let mut out = BufWriter::new(std::io::stdout().lock());
        let mut changed = false;
        linter.run_each(&inputs, fix, |outcome| {
            match outcome {
                Outcome::Linted(r) => match diff::patch(&r) {
                    Ok(Some(patch)) => {
                        out.write_all(&patch)?;
                        changed = true;
                    }
                    Ok(None) => {}
                    Err(refused) => errors.push((r.path(), refused.to_string())),
                },
                Outcome::Failed(input, e) => errors.push((input.display(), file_error_message(&e))),
                Outcome::Skipped(input, why) => note(&input, &why),
            }
            Ok(())
        })?;
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

    let color = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    };
    let settings = Settings {
        lang,
        fixing: args.fix,
        quiet: args.quiet,
        statistics: args.statistics,
        color,
    };
    let rules = linter
        .rules()
        .map(|(meta, severity)| (meta.clone(), severity))
        .collect();
    // Fixed standard input goes to standard output (`filter`); the report then goes to standard
    // error.
    let filtering = args.fix && inputs.iter().any(Input::is_stdin);
    let out: Box<dyn Write> = if filtering {
        Box::new(BufWriter::new(std::io::stderr().lock()))
    } else {
        Box::new(BufWriter::new(std::io::stdout().lock()))
    };
    let mut sink = Sink {
        emitter: report::emitter(args.format, settings, rules, config.docs_url.as_deref()),
        out,
        summary: Summary::default(),
        baseline,
        recorder: args
            .write_baseline
            .as_ref()
            .map(|_| BaselineWriter::default()),
        fail_on,
        failing: false,
    };
    sink.emitter.begin(&mut sink.out)?;

    if jsonl {
        let fields = Fields {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
        };
        for dump in &inputs {
            lint_dump(&linter, dump, &fields, &mut sink, &mut errors)?;
        }
    } else {
        let mut handle = |outcome: Outcome| -> std::io::Result<()> {
            match outcome {
                Outcome::Linted(r) => {
                    if let (true, Input::File(path)) = (args.fix, &r.input) {
                        write_fix(path, &r, &mut errors);
                    }
                    sink.add(r)?;
                }
                Outcome::Failed(input, e) => errors.push((input.display(), file_error_message(&e))),
                Outcome::Skipped(input, why) => note(&input, &why),
            }
            Ok(())
        };
        let mut files = &inputs[..];
        if let (true, Some(min)) = (filtering, fix) {
            // `input::collect` sorts standard input first: the filter takes it, the engine the rest.
            handle(filter::fix_stdin(&linter, &inputs[0], min)?)?;
            files = &inputs[1..];
        }
        linter.run_each(files, fix, &mut handle)?;
    }

    if let (Some(path), Some(recorder)) = (&args.write_baseline, sink.recorder.take()) {
        if let Err(e) = recorder.write(path) {
            errors.push((path.display().to_string(), format!("{e:#}")));
        }
    }
    sink.summary.baseline = sink.baseline.as_ref().map(Baseline::summary);
    sink.summary.errors = errors;
    sink.emitter.end(&mut sink.out, &sink.summary)?;
    sink.out.flush()?;
    report_errors(&sink.summary.errors);
    // JSON Lines holds diagnostics alone: what the cap left out is said beside them.
    if args.format == report::Format::Jsonl && sink.summary.omitted > 0 {
        let message = report::not_shown(sink.summary.omitted, lang);
        let _ = writeln!(std::io::stderr(), "lintas: {message}");
    }
    if !args.quiet {
        note_undated(sink.summary.undated, lang);
    }

    Ok(if !sink.summary.errors.is_empty() {
        EXIT_ERROR
    } else if sink.failing && args.write_baseline.is_none() {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// Where results go once linted: the baseline, the totals and the report.
struct Sink {
    emitter: Box<dyn Emitter>,
    out: Box<dyn Write>,
    summary: Summary,
    baseline: Option<Baseline>,
    recorder: Option<BaselineWriter>,
    fail_on: Severity,
    failing: bool,
}

impl Sink {
    fn add(&mut self, mut r: FileResult) -> std::io::Result<()> {
        if let Some(recorder) = &mut self.recorder {
            recorder.add(&r);
        }
        if let Some(baseline) = &mut self.baseline {
            baseline.filter(&mut r);
        }
        self.failing |= r.diagnostics.iter().any(|d| d.severity >= self.fail_on)
            || r.omitted.worst >= Some(self.fail_on);
        self.summary.add(&r);
        self.emitter.file(&mut self.out, &r)
    }
}

/// The dumps named on the command line (`-` is standard input, called `stdin_name` when given).
fn dumps(paths: &[PathBuf], stdin_name: Option<&Path>) -> Vec<Input> {
    paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin {
                    name: stdin_name.map(Path::to_path_buf),
                }
            } else {
                Input::File(p.clone())
            }
        })
        .collect()
}

/// Lint one JSON Lines dump a batch of records at a time: parallel within a batch, and memory
/// bounded by the batch, never by the dump.
fn lint_dump(
    linter: &Linter,
    dump: &Input,
    fields: &Fields,
    sink: &mut Sink,
    errors: &mut Vec<(String, String)>,
) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = match dump {
        Input::File(path) => match crate::files::open_regular(path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                errors.push((
                    dump.display(),
                    format!("{}: cannot read: {e}", visible::one_line(&dump.display())),
                ));
                return Ok(());
            }
        },
        _ => Box::new(BufReader::new(std::io::stdin().lock())),
    };
    let batch_size = rayon::current_num_threads() * RECORDS_PER_THREAD;
    let mut records = Records::new(reader, dump.display(), fields.clone()).peekable();
    while records.peek().is_some() {
        let mut batch = Vec::with_capacity(batch_size);
        for record in records.by_ref().take(batch_size) {
            match record {
                Ok((record, text)) => batch.push((Input::Record(record), text)),
                Err(e) => errors.push((dump.display(), e.to_string())),
            }
        }
        let names: Vec<String> = batch.iter().map(|(i, _)| i.display()).collect();
        for (name, outcome) in names.into_iter().zip(linter.run_texts(batch)) {
            match outcome {
                Ok(r) => sink.add(r)?,
                Err(e) => errors.push((name, format!("{e:#}"))),
            }
        }
    }
    Ok(())
}

/// Records linted together: enough to keep every thread busy, few enough to bound memory.
const RECORDS_PER_THREAD: usize = 4;

/// Write the fixed text of a file back in place; a failure is the file's error.
fn write_fix(path: &Path, r: &FileResult, errors: &mut Vec<(String, String)>) {
    if let Some(original) = &r.original {
        if let Err(e) = write_fixed(path, original, &r.source) {
            errors.push((r.path(), e.to_string()));
        }
    }
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

/// A file passed over, said on stderr without failing the run.
fn note(input: &Input, why: &str) {
    let name = visible::one_line(&input.display()).into_owned();
    let message = visible::log_lines(&format!("lintas: {name}: {why}"));
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Said once a run: how many files gave no date, so that the checks that need one were left out.
fn note_undated(files: usize, lang: Lang) {
    if files == 0 {
        return;
    }
    let message = match lang {
        Lang::Indonesian => format!(
            "lintas: {files} berkas tanpa tanggal artikel: pemeriksaan yang bergantung pada tanggal \
             dilewati untuknya (tetapkan dengan --date, document-date di lintas.toml, atau date di \
             front matter)"
        ),
        Lang::English => format!(
            "lintas: {files} file{} gave no article date: the checks that depend on it were left \
             out for them (set one with --date, document-date in lintas.toml, or date in the front \
             matter)",
            if files == 1 { "" } else { "s" }
        ),
    };
    let _ = writeln!(std::io::stderr(), "{message}");
}

fn report_errors(errors: &[(String, String)]) {
    let mut err = std::io::stderr().lock();
    for (_, message) in errors {
        let _ = writeln!(err, "{}", visible::log_lines(&format!("lintas: {message}")));
    }
}

fn path_of(e: &input::InputError) -> String {
    match e {
        input::InputError::Missing { path }
        | input::InputError::Io { path, .. }
        | input::InputError::InvalidUtf8 { path, .. }
        | input::InputError::Walk { path, .. }
        | input::InputError::Record { path, .. } => path.clone(),
    }
}

fn file_error_message(e: &FileError) -> String {
    match e {
        FileError::Input(e) => e.to_string(),
        FileError::Other(e) => format!("{e:#}"),
    }
}
