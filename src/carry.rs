//! What a section of a large Markdown file takes over from the sections before it. A large file
//! is linted a section at a time, each parsed on its own: without this, a code block cut in two
//! would have its second half linted as prose, and a `<!-- lintas-disable -->` would stop at the
//! end of its section. The reader follows the file line by line as it cuts it: the sections
//! never start inside a fenced code block (within a bound), and each starts with the rules the
//! ones before it left off.

use crate::source::markdown::{Dialect, jsx_comments};
use crate::suppress::{self, DirectiveKind};

/// The state of a Markdown file at the end of the lines read so far.
#[derive(Debug, Default)]
pub struct MarkdownCarry {
    /// The open code fence: its character and length.
    fence: Option<(u8, usize)>,
    /// Rules switched off by a directive and not on again; `None` for every rule.
    off: Vec<Option<String>>,
    /// Whether directives are also JSX comments (MDX).
    jsx: bool,
}

impl MarkdownCarry {
    /// For a file in `dialect`.
    pub fn new(dialect: Dialect) -> MarkdownCarry {
        MarkdownCarry {
            jsx: dialect == Dialect::Mdx,
            ..MarkdownCarry::default()
        }
    }

    /// Inside a fenced code block.
    pub fn in_code_block(&self) -> bool {
        self.fence.is_some()
    }

    /// The rules off at this point.
    pub fn off(&self) -> &[Option<String>] {
        &self.off
    }

    /// Follow the file through its next line.
    pub fn read_line(&mut self, line: &[u8]) {
        if let Some((c, len)) = self.fence {
            if fence(line).is_some_and(|(d, n, rest)| d == c && n >= len && is_blank(rest)) {
                self.fence = None;
            }
            return;
        }
        if let Some((c, n, rest)) = fence(line) {
            // A backtick fence's info string holds no backtick (else it is inline code).
            if c == b'~' || !rest.contains(&b'`') {
                self.fence = Some((c, n));
                return;
            }
        }
        let directives: Vec<(DirectiveKind, Vec<String>)> = comments(line, self.jsx)
            .into_iter()
            .filter_map(|comment| suppress::parse_directive(&String::from_utf8_lossy(comment)))
            .filter_map(Result::ok)
            .collect();
        if !directives.is_empty() {
            self.off = suppress::still_off(std::mem::take(&mut self.off), &directives);
        }
    }
}

/// A code fence opening or closing `line`: its character, its length, and what follows it.
fn fence(line: &[u8]) -> Option<(u8, usize, &[u8])> {
    let indent = line.iter().take_while(|&&b| b == b' ').count();
    if indent > 3 {
        return None;
    }
    let rest = &line[indent..];
    let c = *rest.first().filter(|&&c| c == b'`' || c == b'~')?;
    let n = rest.iter().take_while(|&&b| b == c).count();
    (n >= 3).then_some((c, n, &rest[n..]))
}

fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(u8::is_ascii_whitespace)
}

/// The `<!-- … -->` comments of one line (and `{/* … */}` ones where `jsx`), in order, outside
/// inline code.
fn comments(line: &[u8], jsx: bool) -> Vec<&[u8]> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&line[from..], b"<!--") {
        let start = from + open;
        let Some(close) = memchr::memmem::find(&line[start + 4..], b"-->") else {
            break;
        };
        from = start + 4 + close + 3;
        found.push(start..from);
    }
    // A line of a text cut into sections is whole, so valid UTF-8 in a valid text.
    if let (true, Ok(text)) = (jsx, std::str::from_utf8(line)) {
        found.extend(jsx_comments(text, 0..text.len()));
        found.sort_by_key(|c| c.start);
    }
    found
        .into_iter()
        .filter(|c| line[..c.start].iter().filter(|&&b| b == b'`').count() % 2 == 0)
        .map(|c| &line[c])
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(lines: &[&str]) -> MarkdownCarry {
        read(Dialect::Markdown, lines)
    }

    fn read(dialect: Dialect, lines: &[&str]) -> MarkdownCarry {
        let mut carry = MarkdownCarry::new(dialect);
        for line in lines {
            carry.read_line(format!("{line}\n").as_bytes());
        }
        carry
    }

    #[test]
    fn fences_open_and_close_as_commonmark_says() {
        assert!(after(&["teks", "```rust"]).in_code_block());
        assert!(!after(&["```", "kode", "```"]).in_code_block());
        // A shorter fence or another character does not close; inline code opens nothing.
        assert!(after(&["````", "```", "~~~"]).in_code_block());
        assert!(!after(&["``` a ` b", "teks"]).in_code_block());
        assert!(!after(&["    ```", "teks"]).in_code_block());
    }

    #[test]
    fn disables_carry_until_enabled_outside_code() {
        let off = |lines: &[&str]| after(lines).off().to_vec();
        assert_eq!(
            off(&["<!-- lintas-disable spelling, calque -->"]),
            [Some("spelling".to_string()), Some("calque".to_string())]
        );
        assert_eq!(
            off(&["<!-- lintas-disable -->", "x", "<!-- lintas-enable -->"]),
            Vec::<Option<String>>::new()
        );
        assert_eq!(
            off(&[
                "<!-- lintas-disable spelling calque -->",
                "<!-- lintas-enable calque -->"
            ]),
            [Some("spelling".to_string())]
        );
        // Inside a code block or inline code, a directive is text.
        assert!(off(&["```", "<!-- lintas-disable -->", "```"]).is_empty());
        assert!(off(&["Tulis `<!-- lintas-disable -->` di atas."]).is_empty());
        assert!(off(&["<!-- lintas-disable-next-line spelling -->"]).is_empty());
    }

    #[test]
    fn mdx_disables_carry_as_jsx_comments() {
        let off = |dialect, lines: &[&str]| read(dialect, lines).off().to_vec();
        let lines = [
            "{/* lintas-disable spelling */}",
            "x <!-- lintas-disable calque -->",
        ];
        assert_eq!(
            off(Dialect::Mdx, &lines),
            [Some("spelling".to_string()), Some("calque".to_string())]
        );
        // In Markdown the JSX form is text.
        assert_eq!(off(Dialect::Markdown, &lines), [Some("calque".to_string())]);
        let enabled = ["{/* lintas-disable */}", "{ /* lintas-enable */ }"];
        assert!(off(Dialect::Mdx, &enabled).is_empty());
        assert!(off(Dialect::Mdx, &["`{/* lintas-disable */}`"]).is_empty());
    }
}
