//! Opening the files a run reads, any of which a pull request may have planted: the texts, a
//! JSON Lines dump, `lintas.toml`, the files it names, a baseline. Only regular files are read:
//! a device (`/dev/zero`, through a committed symbolic link) never ends, and opening a FIFO
//! waits for a writer that never comes. Files read whole into memory have a size bound.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// The most a file read whole besides the texts (a configuration, a word list, a baseline) may
/// hold. The texts themselves are read in sections past a size (`input`).
pub const MAX_WHOLE_FILE: u64 = 64 << 20;

/// `path` opened for reading, if it is a regular file (links followed). Opened without waiting
/// (a FIFO's open would wait for a writer) and then asked what it is: what is judged is what was
/// opened, whatever the name points at by then.
pub fn open_regular(path: &Path) -> io::Result<File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // Reading a regular file never waits, so the flag changes nothing for one.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(not_regular());
    }
    Ok(file)
}

fn not_regular() -> io::Error {
    io::Error::new(io::ErrorKind::InvalidInput, Refusal::NotRegular)
}

/// Why a file was not read, carried inside the [`io::Error`] so that a message can say it in the
/// run's language (`messages::Cause`).
#[derive(Debug, thiserror::Error)]
pub enum Refusal {
    #[error("not a regular file (a device, a pipe or a socket): not read")]
    NotRegular,
    #[error("larger than {mib} MiB: not read")]
    TooLarge { mib: u64 },
}

/// The text of the regular file `path`, refused past [`MAX_WHOLE_FILE`] bytes.
pub fn read_text(path: &Path) -> io::Result<String> {
    let mut text = String::new();
    open_regular(path)?
        .take(MAX_WHOLE_FILE + 1)
        .read_to_string(&mut text)?;
    if text.len() as u64 > MAX_WHOLE_FILE {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            Refusal::TooLarge {
                mib: MAX_WHOLE_FILE >> 20,
            },
        ));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn devices_and_pipes_are_refused_regular_files_read() {
        for device in ["/dev/zero", "/dev/null"] {
            let e = read_text(Path::new(device)).expect_err(device);
            assert_eq!(e.kind(), io::ErrorKind::InvalidInput, "{device}");
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let fifo = dir.path().join("pipe");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if made.is_ok_and(|s| s.success()) {
            // Refused without waiting for a writer.
            assert!(open_regular(&fifo).is_err());
        }
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "isi").expect("write");
        assert_eq!(read_text(&file).expect("read"), "isi");
    }
}
