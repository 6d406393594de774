//! Writing fixed text back without ever losing the original or changing what the file is.
//!
//! An ordinary file is replaced atomically: a temporary file in the same folder with the
//! original's permissions, a check that the file did not change since it was read, then a
//! rename. A rename puts a new file in the old one's place, though, and a new file belongs to
//! whoever runs lintas: it would hand a contributor's file to CI's user (root, often), split a
//! hard link in two, and let a user replace a file they may not write because the folder is
//! theirs. So a file with more than one link, or whose owner or group a new file would not have,
//! is written in place, into its own inode, through a handle the system must let lintas open
//! for writing (else it is left untouched, with an error). Symlinks are written through to their
//! target.

use std::fs::{File, Metadata};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use crate::messages::{Cause, Message};

/// Why a fixed text was not written back.
#[derive(Debug)]
pub enum WriteError {
    Changed {
        path: String,
    },
    ReadOnly {
        path: String,
    },
    Io {
        path: String,
        source: std::io::Error,
    },
    /// Replacing the file would lose its links or its owner, and writing into it failed.
    InPlace {
        path: String,
        source: std::io::Error,
    },
}

impl WriteError {
    /// What to say, in either language.
    pub fn message(&self) -> Message {
        match self {
            WriteError::Changed { path } => Message::ChangedOnDisk { path: path.clone() },
            WriteError::ReadOnly { path } => Message::ReadOnly { path: path.clone() },
            WriteError::Io { path, source } => Message::CannotWrite {
                path: path.clone(),
                cause: Cause::of(source),
            },
            WriteError::InPlace { path, source } => Message::CannotWriteInPlace {
                path: path.clone(),
                cause: Cause::of(source),
            },
        }
    }
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.message().fmt(f)
    }
}

impl std::error::Error for WriteError {}

/// Replace `path`'s content `expected` with `new`.
pub fn write_fixed(path: &Path, expected: &str, new: &str) -> Result<(), WriteError> {
    let name = path.display().to_string();
    let io = |source| WriteError::Io {
        path: name.clone(),
        source,
    };
    // Write through a symlink to the file it points at, so the link stays a link.
    let target: PathBuf = std::fs::canonicalize(path).map_err(io)?;
    let metadata = std::fs::metadata(&target).map_err(io)?;
    if metadata.permissions().readonly() {
        return Err(WriteError::ReadOnly { path: name });
    }
    let dir = target.parent().unwrap_or_else(|| Path::new("."));
    let tmp = tempfile::Builder::new()
        .prefix(".lintas-")
        .suffix(".tmp")
        .tempfile_in(dir);
    // The temporary file is what a rename would leave: where it differs, or cannot be made (a
    // folder lintas may not write), the file is written in place.
    let mut tmp = match tmp {
        Ok(tmp) if renaming_keeps(&metadata, &tmp.as_file().metadata().map_err(io)?) => tmp,
        _ => {
            return write_in_place(&target, &metadata, expected, new).map_err(|e| match e {
                InPlace::Changed => WriteError::Changed { path: name },
                InPlace::Io(source) => WriteError::InPlace { path: name, source },
            });
        }
    };
    tmp.write_all(new.as_bytes()).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    std::fs::set_permissions(tmp.path(), metadata.permissions()).map_err(io)?;
    let current = std::fs::read(&target).map_err(io)?;
    if current != expected.as_bytes() {
        return Err(WriteError::Changed { path: name });
    }
    tmp.persist(&target).map_err(|e| io(e.error))?;
    Ok(())
}

/// Whether a new file like `new` renamed over the file `old` would be the same file to its
/// users: the only name of it, with the same owner and group (its mode is copied).
fn renaming_keeps(old: &Metadata, new: &Metadata) -> bool {
    old.nlink() == 1 && old.uid() == new.uid() && old.gid() == new.gid()
}

/// Why a file was not written in place.
enum InPlace {
    Changed,
    Io(std::io::Error),
}

impl From<std::io::Error> for InPlace {
    fn from(e: std::io::Error) -> InPlace {
        InPlace::Io(e)
    }
}

/// Write `new` over the content `expected` of the file at `target`, which `metadata` describes,
/// keeping its inode: owner, group, mode and every link stay as they are. The text is whole in
/// memory before the first byte is written, the file is extended or cut only after the write,
/// and the data is synced before lintas reports it written.
fn write_in_place(
    target: &Path,
    metadata: &Metadata,
    expected: &str,
    new: &str,
) -> Result<(), InPlace> {
    let mut file = File::options().read(true).write(true).open(target)?;
    let opened = file.metadata()?;
    // The name may point at another file since it was looked at: that one was never read.
    if (opened.dev(), opened.ino()) != (metadata.dev(), metadata.ino()) {
        return Err(InPlace::Changed);
    }
    let mut current = Vec::with_capacity(expected.len() + 1);
    file.read_to_end(&mut current)?;
    if current != expected.as_bytes() {
        return Err(InPlace::Changed);
    }
    file.rewind()?;
    file.write_all(new.as_bytes())?;
    file.set_len(new.len() as u64)?;
    file.sync_all()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_refuses_changed_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "resiko").expect("write");
        let before = std::fs::metadata(&path).expect("stat").ino();
        write_fixed(&path, "resiko", "risiko").expect("fixed");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "risiko");
        assert_ne!(
            std::fs::metadata(&path).expect("stat").ino(),
            before,
            "an ordinary file is replaced by a rename"
        );
        let err = write_fixed(&path, "resiko", "x").expect_err("changed since read");
        assert!(matches!(err, WriteError::Changed { .. }));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "risiko");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    }

    #[test]
    fn a_hard_linked_file_is_written_in_place() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        let other = dir.path().join("b.txt");
        std::fs::write(&path, "Ia menilai resiko itu kecil sekali.").expect("write");
        std::fs::hard_link(&path, &other).expect("link");
        let inode = std::fs::metadata(&path).expect("stat").ino();
        // Shorter, then longer: the file is cut and extended to the new text.
        for (old, new) in [
            ("Ia menilai resiko itu kecil sekali.", "Ia menilai risiko."),
            (
                "Ia menilai risiko.",
                "Ia menilai risiko itu sangat kecil sekali.",
            ),
        ] {
            write_fixed(&path, old, new).expect("fixed");
            for name in [&path, &other] {
                assert_eq!(std::fs::read_to_string(name).expect("read"), new);
                assert_eq!(std::fs::metadata(name).expect("stat").ino(), inode);
            }
        }
        let err = write_fixed(&path, "resiko", "x").expect_err("changed since read");
        assert!(matches!(err, WriteError::Changed { .. }));
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 2);
    }
}
