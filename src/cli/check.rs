//! `lintas check`.

use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::bail;
use codespan_reporting::diagnostic::{Diagnostic as CsDiagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term;

use super::args::{CheckArgs, ColorChoice, InputFormat, RuleArgs};
use super::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};
use super::{diff, filter};
use crate::baseline::{Baseline, BaselineWriter};
use crate::config::{Config, ConfigError};
use crate::diagnostic::{Applicability, Lang, Severity};
use crate::engine::{FileError, FileResult, Linter, Outcome, Selection};
use crate::input::{self, FileInput, Input, Root};
use crate::messages::{Cause, Message, error_text};
use crate::records::{Fields, Records};
use crate::report::{self, Emitter, Settings, Summary, visible};
use crate::write::write_fixed;

/// Lint; `lang` is the language of the run's messages, settled here once the configuration is
/// read, so that an error returned is said in it too.
pub fn run(args: CheckArgs, flag: Option<Lang>, lang: &mut Lang) -> anyhow::Result<u8> {
    let (config, root, selection) = setup(&args.rules, flag)?;
    *lang = flag.or(config.lang).unwrap_or_default();
    let lang = *lang;
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Warning);
    let jsonl = args.input_format == InputFormat::Jsonl;
    if jsonl && (args.fix || args.diff) {
        bail!(Message::JsonlNoFix);
    }
    if args.unsafe_fixes && !(args.fix || args.diff) {
        bail!(Message::UnsafeFixesAlone);
    }
    let format = args.format.unwrap_or_default();
    let paths = paths(&args)?;

    // Building the rules and finding the files are independent: do both at once.
    let (linter, (inputs, walk_errors)) = rayon::join(
        || Linter::new(&config, &selection),
        || {
            if jsonl {
                (
                    dumps(&paths, &root, args.stdin_filename.as_deref()),
                    Vec::new(),
                )
            } else {
                input::collect(
                    &paths,
                    &root,
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
        .map(|e| (e.path().to_string(), e.message().render(lang)))
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
                    Err(refused) => errors.push((r.path(), refused.render(lang))),
                },
                Outcome::Failed(input, e) => {
                    errors.push((input.display(), file_error_message(&e, lang)));
                }
                Outcome::Skipped(input, why) => note(&input, &why, lang),
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
    let rules: Vec<_> = linter
        .rules()
        .map(|(meta, severity)| (meta.clone(), severity))
        .collect();
    let emitter = |format, settings| {
        report::emitter(
            format,
            settings,
            rules.clone(),
            config.docs_url.as_deref(),
            &root,
        )
    };
    // Fixed standard input goes to standard output (`filter`); the report then goes to standard
    // error.
    let filtering = args.fix && inputs.iter().any(Input::is_stdin);
    let console: Box<dyn Write> = if filtering {
        Box::new(BufWriter::new(std::io::stderr().lock()))
    } else {
        Box::new(BufWriter::new(std::io::stdout().lock()))
    };
    let mut output_file = None;
    let mut reports = Vec::new();
    if let Some(path) = &args.output_file {
        let file = OutputFile::create(path)?;
        let plain = Settings {
            color: false,
            ..settings
        };
        reports.push(Report {
            emitter: emitter(format, plain),
            out: Box::new(BufWriter::new(file.writer()?)),
        });
        output_file = Some(file);
    }
    if output_file.is_none() || format != report::Format::Human {
        let format = if output_file.is_some() {
            report::Format::Human
        } else {
            format
        };
        reports.push(Report {
            emitter: emitter(format, settings),
            out: console,
        });
    }
    let mut sink = Sink {
        reports,
        summary: Summary::default(),
        baseline,
        recorder: args
            .write_baseline
            .as_ref()
            .map(|_| BaselineWriter::default()),
        fail_on,
        failing: false,
    };
    for report in &mut sink.reports {
        report.emitter.begin(&mut report.out)?;
    }

    if jsonl {
        let fields = Fields {
            text: args.text_field.clone(),
            id: args.id_field.clone(),
        };
        for dump in &inputs {
            lint_dump(&linter, dump, &fields, &mut sink, &mut errors, lang)?;
        }
    } else {
        let mut handle = |outcome: Outcome| -> std::io::Result<()> {
            match outcome {
                Outcome::Linted(r) => {
                    let r = match (args.fix, &r.input) {
                        (true, Input::File(file)) => {
                            let path = file.path.clone();
                            write_fix(&linter, &path, r, &mut errors, lang)
                        }
                        _ => r,
                    };
                    sink.add(r)?;
                }
                Outcome::Failed(input, e) => {
                    errors.push((input.display(), file_error_message(&e, lang)));
                }
                Outcome::Skipped(input, why) => note(&input, &why, lang),
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
            errors.push((path.display().to_string(), e.render(lang)));
        }
    }
    sink.summary.baseline = sink.baseline.as_ref().map(Baseline::summary);
    sink.summary.errors = errors;
    for report in &mut sink.reports {
        report.emitter.end(&mut report.out, &sink.summary)?;
        report.out.flush()?;
    }
    drop(sink.reports);
    if let Some(file) = output_file {
        file.persist()?;
    }
    report_errors(&sink.summary.errors);
    // JSON Lines holds diagnostics alone: what the cap left out is said beside them.
    if format == report::Format::Jsonl && sink.summary.omitted > 0 {
        let message = report::not_shown(sink.summary.omitted, lang);
        let _ = writeln!(std::io::stderr(), "lintas: {message}");
    }
    if !args.quiet {
        note_undated(sink.summary.undated, lang);
    }

    Ok(if !sink.summary.errors.is_empty() {
        EXIT_ERROR
    } else if sink.failing && args.write_baseline.is_none() && !args.exit_zero {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    })
}

/// Where results go once linted: the baseline, the totals and the reports.
struct Sink {
    reports: Vec<Report>,
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
        for report in &mut self.reports {
            report.emitter.file(&mut report.out, &r)?;
        }
        Ok(())
    }
}

/// A report in one format on its way to one place.
struct Report {
    emitter: Box<dyn Emitter>,
    out: Box<dyn Write>,
}

/// `--output-file`: written beside its final name and put in place once the report is whole, so
/// that a run that fails halfway leaves no half report behind (nor the one before, mistaken for
/// it: the old file is replaced only by a whole new one).
struct OutputFile {
    path: PathBuf,
    temporary: tempfile::NamedTempFile,
}

impl OutputFile {
    fn create(path: &Path) -> anyhow::Result<OutputFile> {
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let refused = |e: std::io::Error| cannot_write(path, &e);
        let temporary = tempfile::NamedTempFile::new_in(dir).map_err(refused)?;
        // A report is for others to read, as a file the shell creates would be.
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let readable = std::fs::Permissions::from_mode(0o644);
            std::fs::set_permissions(temporary.path(), readable).map_err(refused)?;
        }
        Ok(OutputFile {
            path: path.to_path_buf(),
            temporary,
        })
    }

    fn writer(&self) -> anyhow::Result<std::fs::File> {
        let file = self.temporary.reopen();
        Ok(file.map_err(|e| cannot_write(&self.path, &e))?)
    }

    fn persist(self) -> anyhow::Result<()> {
        let persisted = self.temporary.persist(&self.path);
        persisted.map_err(|e| cannot_write(&self.path, &e.error))?;
        Ok(())
    }
}

fn cannot_write(path: &Path, e: &std::io::Error) -> Message {
    Message::CannotWrite {
        path: path.display().to_string(),
        cause: Cause::of(e),
    }
}

/// The paths to lint: those named and those listed in `--files-from`; when there are none and no
/// list was given, the current folder, or standard input with `--stdin-filename`.
fn paths(args: &CheckArgs) -> anyhow::Result<Vec<PathBuf>> {
    let mut paths = args.paths.clone();
    match &args.files_from {
        Some(list) => {
            let text = crate::files::read_text(list).map_err(|e| Message::FilesFromCannotRead {
                path: list.display().to_string(),
                cause: Cause::of(&e),
            })?;
            // NUL-separated when it holds a NUL (`git diff -z`): names may hold line breaks.
            let separator = if text.contains('\0') { '\0' } else { '\n' };
            paths.extend(
                text.split(separator)
                    .map(|p| p.strip_suffix('\r').unwrap_or(p))
                    .filter(|p| !p.is_empty())
                    .map(PathBuf::from),
            );
        }
        None if paths.is_empty() => {
            let default = if args.stdin_filename.is_some() {
                "-"
            } else {
                "."
            };
            paths.push(PathBuf::from(default));
        }
        None => {}
    }
    Ok(paths)
}

/// The dumps named on the command line (`-` is standard input, called `stdin_name` when given).
fn dumps(paths: &[PathBuf], root: &Root, stdin_name: Option<&Path>) -> Vec<Input> {
    paths
        .iter()
        .map(|p| {
            if p.as_os_str() == "-" {
                Input::Stdin {
                    name: stdin_name.map(|name| root.name(name)),
                }
            } else {
                Input::File(FileInput::new(p.clone(), root))
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
    lang: Lang,
) -> anyhow::Result<()> {
    let reader: Box<dyn BufRead> = match dump {
        Input::File(file) => match crate::files::open_regular(&file.path) {
            Ok(f) => Box::new(BufReader::new(f)),
            Err(e) => {
                let cannot = Message::CannotRead {
                    path: dump.display(),
                    cause: Cause::of(&e),
                };
                errors.push((dump.display(), cannot.render(lang)));
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
                Err(e) => errors.push((dump.display(), e.message().render(lang))),
            }
        }
        let names: Vec<String> = batch.iter().map(|(i, _)| i.display()).collect();
        for (name, outcome) in names.into_iter().zip(linter.run_texts(batch)) {
            match outcome {
                Ok(r) => sink.add(r)?,
                Err(e) => errors.push((name, error_text(&e, lang))),
            }
        }
    }
    Ok(())
}

/// Records linted together: enough to keep every thread busy, few enough to bound memory.
const RECORDS_PER_THREAD: usize = 4;

/// Write the fixed text of a file back in place. A failure is the file's error, and then nothing
/// was fixed: the report gives the findings of the file as it stands.
fn write_fix(
    linter: &Linter,
    path: &Path,
    r: FileResult,
    errors: &mut Vec<(String, String)>,
    lang: Lang,
) -> FileResult {
    let Some(original) = &r.original else {
        return r;
    };
    let Err(e) = write_fixed(path, original, &r.source) else {
        return r;
    };
    errors.push((r.path(), e.message().render(lang)));
    match linter.run_text(&r.input, original.clone(), None) {
        Ok(unfixed) => unfixed,
        Err(e) => {
            errors.push((r.path(), error_text(&e, lang)));
            FileResult { fixed: 0, ..r }
        }
    }
}

/// The configuration, the root report names start from, and the rule selection `args` make,
/// with rayon's global pool (where the engine's parallel work runs) sized once: what `check` and
/// `serve` both start with.
pub(super) fn setup(
    args: &RuleArgs,
    flag: Option<Lang>,
) -> anyhow::Result<(Config, Root, Selection)> {
    let (mut config, root) = load_config(args, flag)?;
    if let Some(date) = &args.date {
        config.document_date = Some(date.clone());
    }
    let selection = Selection {
        select: args.select.clone(),
        ignore: args.ignore.clone(),
    };
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(n.into());
    }
    pool.build_global().map_err(|e| Message::WorkerThreads {
        detail: e.to_string(),
    })?;
    Ok((config, root, selection))
}

/// The configuration and the root report names start from: the folder of a `lintas.toml` found
/// above the current folder, else the current folder (also with `--config`, which names a file
/// that may live anywhere, such as a trusted copy outside the checkout).
fn load_config(args: &RuleArgs, flag: Option<Lang>) -> anyhow::Result<(Config, Root)> {
    let current_folder = |e: std::io::Error| Message::CurrentFolder {
        cause: Cause::of(&e),
    };
    let current = std::env::current_dir().map_err(current_folder)?;
    let (path, root_dir) = match (&args.config, args.no_config) {
        (_, true) => (None, current),
        (Some(path), false) => (Some(path.clone()), current),
        (None, false) => match Config::discover(&current) {
            Some(path) => {
                let dir = path.parent().map_or(current, Path::to_path_buf);
                (Some(path), dir)
            }
            None => (None, current),
        },
    };
    let root = Root::new(&root_dir).map_err(current_folder)?;
    let config = match path {
        Some(path) => Config::load(&path).map_err(|e| {
            // The configuration that would say `lang` is what failed: the flag alone decides.
            let lang = flag.unwrap_or_default();
            anyhow::anyhow!(render_config_error(&e, lang))
        })?,
        None => Config::default(),
    };
    Ok((config, root))
}

/// A config error in `lang`, with its line, column and a snippet of the file.
fn render_config_error(e: &ConfigError, lang: Lang) -> String {
    match e {
        ConfigError::Read { path, source } => Message::ConfigCannotRead {
            path: path.display().to_string(),
            cause: Cause::of(source),
        }
        .render(lang),
        ConfigError::Parse {
            path,
            message,
            text,
            span,
        } => {
            let invalid = Message::ConfigInvalid {
                detail: message.clone(),
            }
            .render(lang);
            let name = path.display().to_string();
            let fallback = format!("{}: {invalid}", visible::one_line(&name));
            let Some(span) = span else {
                return fallback;
            };
            let file = SimpleFile::new(name, text.as_str());
            let diag = CsDiagnostic::error()
                .with_message(invalid)
                .with_labels(vec![Label::primary((), span.clone())]);
            let mut s = String::new();
            match term::emit_to_string(&mut s, &term::Config::default(), &file, &diag) {
                Ok(()) => s.trim_end().to_string(),
                Err(_) => fallback,
            }
        }
    }
}

/// A file passed over, said on stderr without failing the run.
fn note(input: &Input, why: &Message, lang: Lang) {
    let name = visible::one_line(&input.display()).into_owned();
    let why = why.render(lang);
    let message = visible::log_lines(&format!("lintas: {name}: {why}"));
    let _ = writeln!(std::io::stderr(), "{message}");
}

/// Said once a run: how many files gave no date, so that the checks that need one were left out.
fn note_undated(files: usize, lang: Lang) {
    if files == 0 {
        return;
    }
    let message = Message::Undated { files }.render(lang);
    let _ = writeln!(std::io::stderr(), "lintas: {message}");
}

fn report_errors(errors: &[(String, String)]) {
    let mut err = std::io::stderr().lock();
    for (_, message) in errors {
        let _ = writeln!(err, "{}", visible::log_lines(&format!("lintas: {message}")));
    }
}

fn file_error_message(e: &FileError, lang: Lang) -> String {
    match e {
        FileError::Input(e) => e.message().render(lang),
        FileError::Other(e) => error_text(e, lang),
    }
}
