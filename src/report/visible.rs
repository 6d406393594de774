//! Input made harmless for a terminal or a CI log. File names, record ids and the text of a file
//! come from whoever wrote them (a pull request): a newline there would start a line a CI runner
//! reads as a workflow command (`::error …`), a carriage return does the same on GitHub's
//! runner, and an escape sequence reaches the terminal (title, screen). Every such character is
//! written as a visible escape instead.

use std::borrow::Cow;

/// Whether `c` must not reach an output stream as itself: C0 and C1 controls, DEL, the Unicode
/// line and paragraph separators, and the bidirectional overrides that can make text read in
/// another order than it is (Trojan Source).
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `s` on one line, each unsafe character written as a Rust-style escape (`\n`, `\r`, `\t`,
/// `\u{1b}`), and a backslash that could be read as the start of one doubled only when something
/// was escaped: a name without such characters is shown as it is.
pub fn one_line(s: &str) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// A message for standard error, where its lines are kept: each line made visible as by
/// [`one_line`], and a line that a CI runner would read as a command (`::error …`, `##[…]`,
/// whatever spaces come first) marked with a leading `\\`. A value from the input may hold a
/// line break that the message's own lines cannot be told from (a file name given as an argument,
/// in a command-line error), so every line is judged.
pub fn log_lines(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for (i, line) in message.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let line = one_line(line);
        let start = line.trim_start();
        if start.starts_with("::") || start.starts_with("##[") {
            out.push('\\');
        }
        out.push_str(&line);
    }
    out
}

/// `c` as [`one_line`] writes it in a text where something is escaped: an unsafe character as
/// its escape, a backslash doubled, any other character as itself.
pub fn push_escaped(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\\' => out.push_str("\\\\"),
        c if is_unsafe(c) => {
            use std::fmt::Write;
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        }
        c => out.push(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_without_controls_are_shown_as_they_are() {
        assert!(matches!(one_line("berita/a b\\c.md"), Cow::Borrowed(_)));
    }

    #[test]
    fn line_breaks_escapes_and_overrides_become_visible() {
        assert_eq!(
            one_line("a\n::error file=x::X\r\u{1b}]0;t\u{7}\u{202e}z\\"),
            "a\\n::error file=x::X\\r\\u{1b}]0;t\\u{7}\\u{202e}z\\\\"
        );
        assert!(!one_line("x\u{85}y\u{2028}").chars().any(is_unsafe));
    }

    #[test]
    fn log_lines_keep_lines_and_disarm_commands() {
        assert_eq!(
            log_lines("lintas: a\n  ::error file=x::X\n##[error]y\nok\r::warning::z"),
            "lintas: a\n\\  ::error file=x::X\n\\##[error]y\nok\\r::warning::z"
        );
    }
}
