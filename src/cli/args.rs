//! Clap definitions.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use crate::diagnostic::{Lang, Severity};
use crate::messages::Message;
use crate::report::Format;

/// A linter for machine-translated Indonesian news text.
#[derive(Debug, Parser)]
#[command(name = "lintas", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Message language, of every command and of this help [default: id, or `lang` in
    /// lintas.toml].
    #[arg(long, value_enum, global = true)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Lint files, directories (walked, .gitignore respected) or - for standard input.
    Check(Box<CheckArgs>),
    /// List every rule: id, default severity, one-line summary.
    Rules(RulesArgs),
    /// Show a rule's documentation with its bad and good examples.
    Explain(ExplainArgs),
    /// Write a commented starter lintas.toml.
    Init(InitArgs),
    /// Serve a page to check drafts in a browser, and the LanguageTool API for editors' plug-ins.
    Serve(Box<ServeArgs>),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions(CompletionsArgs),
    /// Print the manual page (roff), for `man -l -` or a package's man folder.
    Man,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The most worker threads `--threads` accepts: far more than the cores of any machine lintas runs
/// on, and few enough that a mistyped count cannot exhaust memory or hang starting threads.
pub const MAX_THREADS: u16 = 256;

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Files or directories to lint; - reads standard input [default: the current folder, or
    /// standard input with --stdin-filename].
    pub paths: Vec<PathBuf>,
    /// Read standard input as the file NAME would be (Markdown or MDX by its extension) and
    /// report it under that name, as an editor or a pre-commit hook piping a buffer wants.
    #[arg(long, value_name = "NAME")]
    pub stdin_filename: Option<PathBuf>,
    /// Lint the paths listed in this file too, one a line or NUL-separated (`git diff --name-only
    /// -z`); with no other path, only those (none is a clean run).
    #[arg(long, value_name = "FILE")]
    pub files_from: Option<PathBuf>,
    /// Report format [default: human].
    #[arg(long, value_enum)]
    pub format: Option<Format>,
    /// Write the report to this file; the console then shows the findings as `human` does.
    #[arg(long, value_name = "FILE")]
    pub output_file: Option<PathBuf>,
    /// Exit 0 even when findings reach --fail-on (2 still says something could not be read).
    #[arg(long)]
    pub exit_zero: bool,
    #[command(flatten)]
    pub rules: RuleArgs,
    /// Exit 1 when a finding is at this severity or above [default: warning].
    #[arg(long, value_enum)]
    pub fail_on: Option<Severity>,
    /// Follow symbolic links, in folders and on the command line, wherever they lead (by default
    /// a link is followed only when named and leading inside the current folder).
    #[arg(long)]
    pub follow: bool,
    /// Print only the diagnostics: no summary.
    #[arg(long, short)]
    pub quiet: bool,
    /// Apply safe fixes in place.
    #[arg(long)]
    pub fix: bool,
    /// Show the fixes as a unified diff; write nothing.
    #[arg(long, conflicts_with_all = ["fix", "format", "output_file", "statistics"])]
    pub diff: bool,
    /// With --fix or --diff, apply unsafe fixes too (each one is a guess: review them).
    #[arg(long)]
    pub unsafe_fixes: bool,
    /// Colour: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// Add a table of counts by rule and severity (in `summary.statistics` with --format json).
    #[arg(long)]
    pub statistics: bool,
    /// Report only findings that this baseline file does not already record.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Record the current findings in this baseline file (exits 0 unless a file could not be read).
    #[arg(long, value_name = "FILE", conflicts_with_all = ["fix", "diff"])]
    pub write_baseline: Option<PathBuf>,
    /// What the paths hold: text files (plain or Markdown, by extension) or JSON Lines dumps.
    #[arg(long, value_enum, default_value_t = InputFormat::Files)]
    pub input_format: InputFormat,
    /// With --input-format jsonl: the field holding each record's text (`content.body` for a
    /// field inside an object), or several, each linted as a text of its own (`title,body`).
    #[arg(
        long,
        value_name = "FIELD,...",
        value_delimiter = ',',
        default_value = "body"
    )]
    pub text_field: Vec<String>,
    /// With --input-format jsonl: the field naming each record in reports (`meta.id` inside an
    /// object).
    #[arg(long, value_name = "FIELD", default_value = "id")]
    pub id_field: String,
}

/// How the linter is built and speaks, the same for `check` and `serve`.
#[derive(Debug, Args)]
pub struct RuleArgs {
    /// Configuration file (default: the nearest lintas.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Ignore every lintas.toml.
    #[arg(long, conflicts_with = "config")]
    pub no_config: bool,
    /// Run only these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub select: Option<Vec<String>>,
    /// Do not run these rules.
    #[arg(long, value_delimiter = ',', value_name = "RULE,...")]
    pub ignore: Vec<String>,
    /// Worker threads, 1 to 256 (default: one per core). More would only add memory: every
    /// thread keeps its own working space for each rule.
    #[arg(long, value_name = "N", value_parser = thread_count)]
    pub threads: Option<u16>,
    /// The article's date when the text gives none (YYYY-MM-DD).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = iso_date)]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on. The default answers this machine alone; another address
    /// lets anyone who reaches it use the server.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:8081")]
    pub bind: std::net::SocketAddr,
    /// An origin whose pages may call the server from a browser (CORS), e.g.
    /// `https://cms.example.com`, or `*` for any; repeat for several. None by default: the
    /// server's own page needs none.
    #[arg(long, value_name = "ORIGIN")]
    pub allow_origin: Vec<String>,
    #[command(flatten)]
    pub rules: RuleArgs,
}

/// `--input-format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Files and directories: `.md`/`.markdown` as Markdown, `.mdx` as MDX, the rest as plain text.
    Files,
    /// JSON Lines dumps (a CMS export): one article a line.
    Jsonl,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct RulesArgs {
    /// A table for people, or JSON for tools (every rule with its documentation and examples).
    #[arg(long, value_enum, default_value_t = ListFormat::Human)]
    pub format: ListFormat,
}

/// `lintas rules --format`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Human,
    Json,
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule id, as `lintas rules` lists them.
    pub rule: String,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write it.
    #[arg(default_value = "lintas.toml")]
    pub path: PathBuf,
    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

/// `--threads`: a count from 1 to [`MAX_THREADS`].
fn thread_count(value: &str) -> Result<u16, Message> {
    match value.parse::<u16>() {
        Ok(n) if (1..=MAX_THREADS).contains(&n) => Ok(n),
        _ => Err(Message::NotInRange {
            min: 1,
            max: MAX_THREADS.into(),
        }),
    }
}

/// `--date`: checked where it is given, so that a mistake is blamed on the flag.
fn iso_date(value: &str) -> Result<String, Message> {
    match crate::lang::calendar::Date::parse_iso(value) {
        Some(_) => Ok(value.to_string()),
        None => Err(Message::NotADate),
    }
}
