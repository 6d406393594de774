//! The command line: `check`, `rules`, `explain`, `init`, `serve`, `completions`, `man`.

mod args;
mod check;
mod diff;
mod docs;
mod filter;
mod help;
mod serve;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use clap::{CommandFactory, FromArgMatches};

use crate::diagnostic::Lang;
use crate::messages::error_text;
use crate::report::visible;

pub use args::{Cli, Command};

/// Exit codes of the contract.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Parse the arguments and run; every error becomes a message on stderr and exit code 2, in the
/// language asked for.
pub fn run() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut lang = help::lang_of(&args);
    let parsed = help::localized(Cli::command(), lang)
        .try_get_matches_from(&args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(e) => return clap_failure(&e, lang),
    };
    match execute(cli, &mut lang) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A reader that stopped reading (`lintas check . | head`) wanted no more: say nothing.
            let closed_pipe = e.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if !closed_pipe {
                let message = format!("lintas: {}", error_text(&e, lang));
                let _ = writeln!(std::io::stderr(), "{}", visible::log_lines(&message));
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// What clap stopped at: help and the version on standard output (exit 0), a mistake in the
/// arguments on standard error (exit 2).
fn clap_failure(e: &clap::Error, lang: Lang) -> ExitCode {
    use clap::error::ErrorKind;
    match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = e.print();
            ExitCode::from(EXIT_CLEAN)
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(EXIT_ERROR)
        }
        _ => {
            // The message may quote an argument, and arguments may be file names a pull
            // request chose.
            let message = visible::log_lines(&help::clap_error(e, lang));
            let _ = writeln!(std::io::stderr(), "{message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// Run the command; `lang` becomes the language of the run's messages once it is settled (a
/// configuration may say it where `--lang` does not).
fn execute(cli: Cli, lang: &mut Lang) -> anyhow::Result<u8> {
    let flag = cli.lang;
    match cli.command {
        Command::Check(args) => check::run(*args, flag, lang),
        Command::Rules(args) => docs::list(&args, *lang),
        Command::Explain(args) => docs::explain(&args, *lang),
        Command::Init(args) => docs::init(&args, *lang),
        Command::Serve(args) => serve::run(*args, flag, lang),
        Command::Completions(args) => docs::completions(&args),
        Command::Man => docs::man(),
    }
}
