//! `--diff`: the fixes as a unified diff that `patch -p1` and `git apply` apply to the files as
//! they are. Both end a line at a line feed only, so the diff splits lines there and nowhere
//! else: a CRLF line keeps its carriage return, and a file's last line without a line feed is
//! marked as such, as `diff` marks it.
//!
//! A carriage return inside a line cannot be shown as it is, though: a CI log (GitHub's runner
//! splits lines at a carriage return too) would read what follows it as a line of its own, a
//! workflow command among them. Escaped, the patch would no longer apply. So a file whose diff
//! would show such a line is refused, with an error that says why; so is a file whose name
//! holds a control character, which a patch header cannot name.

use std::io::Write;

use similar::TextDiff;

use crate::engine::FileResult;
use crate::messages::Message;

/// The unified diff of the fixes for one file, if fixing changed it.
/// Refused (with the message saying why) for a file that a diff cannot show.
pub fn patch(r: &FileResult) -> Result<Option<Vec<u8>>, Message> {
    let Some(original) = &r.original else {
        return Ok(None);
    };
    let path = r.path();
    if path.chars().any(char::is_control) {
        return Err(Message::DiffControlName { path });
    }
    let old: Vec<&str> = original.split_inclusive('\n').collect();
    let new: Vec<&str> = r.source.split_inclusive('\n').collect();
    let diff = TextDiff::from_slices(&old, &new);
    let mut out = format!("--- a/{path}\n+++ b/{path}\n").into_bytes();
    for hunk in diff.unified_diff().context_radius(2).iter_hunks() {
        // Writing to a vector cannot fail.
        let _ = writeln!(out, "{}", hunk.header());
        for change in hunk.iter_changes() {
            let line = change.value();
            if has_inner_cr(line) {
                let at = change.old_index().or(change.new_index()).unwrap_or(0);
                return Err(Message::DiffCarriageReturn { path, line: at + 1 });
            }
            let _ = write!(out, "{}{line}", change.tag());
            if !line.ends_with('\n') {
                out.extend_from_slice(b"\n\\ No newline at end of file\n");
            }
        }
    }
    Ok(Some(out))
}

/// Whether a carriage return in `line` is followed by anything but the line feed that ends it.
/// One that ends a file is harmless: the diff writes a line feed after it.
fn has_inner_cr(line: &str) -> bool {
    let body = line.strip_suffix('\n').unwrap_or(line);
    let body = body.strip_suffix('\r').unwrap_or(body);
    body.contains('\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_carriage_return_inside_a_line_counts() {
        for line in ["a\r\n", "a\n", "a\r", "a", ""] {
            assert!(!has_inner_cr(line), "{line:?}");
        }
        for line in ["a\rb\n", "a\r\r\n", "\r::error::x\n", "a\rb"] {
            assert!(has_inner_cr(line), "{line:?}");
        }
    }
}
