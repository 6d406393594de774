//! Writing fixed text back without ever losing the original: a temporary file in the same
//! folder, the original's permissions, a check that the file did not change since it was read,
//! then an atomic rename. Symlinks are written through to their target.

use std::io::Write;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("{path}: changed on disk since it was read; not overwritten")]
    Changed { path: String },
    #[error("{path}: is read-only; not changed")]
    ReadOnly { path: String },
    #[error("{path}: cannot write: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
}

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
    let mut tmp = tempfile::Builder::new()
        .prefix(".lintas-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_atomically_and_refuses_changed_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "resiko").expect("write");
        write_fixed(&path, "resiko", "risiko").expect("fixed");
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "risiko");
        let err = write_fixed(&path, "resiko", "x").expect_err("changed since read");
        assert!(matches!(err, WriteError::Changed { .. }));
        assert_eq!(std::fs::read_to_string(&path).expect("read"), "risiko");
        // No temporary file is left behind.
        assert_eq!(std::fs::read_dir(dir.path()).expect("ls").count(), 1);
    }
}
