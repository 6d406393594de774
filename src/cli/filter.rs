//! `lintas check --fix -`: lintas as a filter (`lintas check --fix - < a > b`, or an editor
//! piping its buffer through it). Standard output receives the whole text every time: fixed, as
//! it came when there was nothing to fix, and byte for byte as it came when it could not be
//! linted (binary, not UTF-8, fixes that do not settle), then with the error on standard error
//! and exit code 2. So lintas never leaves `b` empty or cut short, and a buffer piped through it
//! is never lost. The report goes to standard error.

use std::io::{Read, Write};

use crate::diagnostic::Applicability;
use crate::engine::{FileError, Linter, Outcome};
use crate::input::{self, Input, InputError, Whole};
use crate::messages::Message;

/// Read standard input (`input`, which names it), fix it at `min` and write the text to standard
/// output; what became of it, for the report.
pub fn fix_stdin(linter: &Linter, input: &Input, min: Applicability) -> std::io::Result<Outcome> {
    let mut bytes = Vec::new();
    let stdin = std::io::stdin();
    let read = (stdin.lock())
        .take(input::LARGE_FILE + 1)
        .read_to_end(&mut bytes);
    if read.is_ok() && bytes.len() as u64 > input::LARGE_FILE {
        // Too large to hold and fix, like a large file: passed through as it comes, in bounded
        // memory.
        let mut stdout = std::io::stdout().lock();
        stdout.write_all(&bytes)?;
        std::io::copy(&mut stdin.lock(), &mut stdout)?;
        stdout.flush()?;
        let e = anyhow::Error::new(Message::StdinTooLarge {
            path: input.display(),
            mib: input::LARGE_FILE >> 20,
        });
        return Ok(passed_through(input, e));
    }
    if let Err(source) = read {
        // Only part of the text may have been read: writing it out would cut the text short.
        let e = InputError::Io {
            path: input.display(),
            source,
        };
        return Ok(Outcome::Failed(input.clone(), FileError::Input(e)));
    }
    // A copy is kept until the input proves to be text that lints: if not, it goes out as it came.
    let why = match input::decode(input, bytes.clone()) {
        Ok(Whole::Text(text)) => match linter.run_text(input, text, Some(min)) {
            Ok(r) => {
                write_out(r.source.as_bytes())?;
                return Ok(Outcome::Linted(r));
            }
            Err(e) => e,
        },
        Ok(Whole::Binary) => anyhow::Error::new(Message::StdinBinary {
            path: input.display(),
        }),
        Err(e) => anyhow::Error::new(e.message()),
    };
    write_out(&bytes)?;
    Ok(passed_through(input, why))
}

/// The failure of standard input that went out as it came, and why it did.
fn passed_through(input: &Input, why: anyhow::Error) -> Outcome {
    let e = why.context(Message::PassedThrough {
        path: input.display(),
    });
    Outcome::Failed(input.clone(), FileError::Other(e))
}

fn write_out(text: &[u8]) -> std::io::Result<()> {
    let mut stdout = std::io::stdout().lock();
    stdout.write_all(text)?;
    stdout.flush()
}
