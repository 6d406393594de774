//! The command line: `check`, `rules`, `explain`, `init`, `serve`, `completions`, `man`.

mod args;
mod check;
mod diff;
mod docs;
mod filter;
mod serve;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::report::visible;

pub use args::{Cli, Command};

/// Exit codes of the contract.
pub const EXIT_CLEAN: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

/// Parse the arguments and run; every error becomes a message on stderr and exit code 2.
pub fn run() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_CLEAN
            };
            if e.use_stderr() {
                // The message may quote an argument, and arguments may be file names a pull
                // request chose.
                let message = visible::log_lines(e.render().to_string().trim_end());
                let _ = writeln!(std::io::stderr(), "{message}");
            } else {
                let _ = e.print();
            }
            return ExitCode::from(code);
        }
    };
    match execute(cli) {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            // A reader that stopped reading (`lintas check . | head`) wanted no more: say nothing.
            let closed_pipe = e.chain().any(|cause| {
                cause
                    .downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            });
            if !closed_pipe {
                let message = visible::log_lines(&format!("lintas: {e:#}"));
                let _ = writeln!(std::io::stderr(), "{message}");
            }
            ExitCode::from(EXIT_ERROR)
        }
    }
}

fn execute(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Check(args) => check::run(*args),
        Command::Rules(args) => docs::list(&args),
        Command::Explain(args) => docs::explain(&args),
        Command::Init(args) => docs::init(&args),
        Command::Serve(args) => serve::run(*args),
        Command::Completions(args) => docs::completions(&args),
        Command::Man => docs::man(),
    }
}
