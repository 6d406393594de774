//! What site generators write into Markdown that readers never see as prose: Hugo shortcodes
//! (`{{< figure … >}}`, `{{% notice %}}`), Liquid, Nunjucks and Eleventy tags (`{% include … %}`,
//! `{{ page.title }}`, `{# … #}`), and in MDX the `import`/`export` blocks, JSX elements and
//! `{expressions}`. The scanner finds them; `markdown` blanks them before parsing the rest.
//!
//! Readers do see the `alt`, `caption` and `title` strings of a shortcode, tag or JSX element
//! (an image's caption, its text for screen readers): those values are left out of what is
//! blanked, so they are linted where they stand. So is the text between a paired shortcode's or
//! a JSX element's tags, except the bodies that hold code or template source (`{% raw %}`,
//! `{% comment %}`, `{{< highlight >}}`, …).
//!
//! Invariants: one pass, every byte examined a bounded number of times whatever the input
//! (a construct that does not close is given up on at the point its scan reached, which is never
//! scanned again), no allocation beyond the spans found, and no panic on any text.

use super::Span;

/// The kind of Markdown a file holds, by its extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    /// `.md`, `.markdown`: CommonMark, with Hugo shortcodes and Liquid/Nunjucks tags.
    Markdown,
    /// `.mdx` (Astro, Docusaurus): Markdown with ESM, JSX and `{expressions}`, and no indented
    /// code blocks.
    Mdx,
}

/// Attributes whose string value readers see.
const SHOWN_ATTRIBUTES: &[&str] = &["alt", "caption", "title"];

/// Paired tags whose body is code or template source, not prose, with the name that closes
/// them: Liquid's and Nunjucks' (`{% raw %}…{% endraw %}`) and Hugo's (`{{< highlight >}}…
/// {{< /highlight >}}`).
const LIQUID_SOURCE_BODIES: &[(&str, &str)] = &[
    ("raw", "endraw"),
    ("comment", "endcomment"),
    ("highlight", "endhighlight"),
    ("verbatim", "endverbatim"),
];
const SHORTCODE_SOURCE_BODIES: &[(&str, &str)] = &[("highlight", "/highlight")];

/// The spans of `body` to blank before it is parsed as Markdown: every template construct
/// outside `code` (sorted, disjoint spans of code blocks and spans), minus the attribute values
/// readers see. Sorted and disjoint.
pub fn scan(body: &str, dialect: Dialect, code: &[Span]) -> Vec<Span> {
    let mut scanner = Scanner {
        bytes: body.as_bytes(),
        hidden: Vec::new(),
        missing_end: Vec::new(),
    };
    scanner.run(dialect, code);
    scanner.hidden
}

struct Scanner<'b> {
    bytes: &'b [u8],
    hidden: Vec<Span>,
    /// Closing tags searched for to the end of the text and not found: not searched again.
    missing_end: Vec<&'static str>,
}

/// How a construct's scan ended: where it ends, or, when it does not close, how far the scan
/// read (the scanner resumes there, so no byte is read twice by failed scans).
type Scanned = Result<usize, usize>;

impl Scanner<'_> {
    fn run(&mut self, dialect: Dialect, code: &[Span]) {
        let b = self.bytes;
        let mut code = code.iter().peekable();
        // The text's start is a flow start: an `import`/`export` line may open it.
        let mut i = if dialect == Dialect::Mdx && is_esm_start(b) {
            self.esm(0)
        } else {
            0
        };
        // Whether the line after the next line break starts a block of MDX flow (the line
        // before it is blank), where an `import`/`export` line opens ESM.
        let mut flow_start = is_blank_line(b);
        while i < b.len() {
            while code.next_if(|c| c.end <= i).is_some() {}
            if let Some(c) = code.peek().filter(|c| c.start <= i) {
                i = c.end;
                flow_start = is_blank_line(&b[i..]);
                continue;
            }
            let until = code.peek().map_or(b.len(), |c| c.start);
            let found = match dialect {
                Dialect::Markdown => memchr::memchr(b'{', &b[i..until]),
                Dialect::Mdx => memchr::memchr3(b'{', b'<', b'\n', &b[i..until]),
            };
            let Some(offset) = found else {
                i = until;
                continue;
            };
            let at = i + offset;
            let scanned = match (dialect, b[at]) {
                (Dialect::Markdown, _) => self.liquid_or_shortcode(at),
                (Dialect::Mdx, b'\n') => {
                    let next = at + 1;
                    if flow_start && is_esm_start(&b[next..]) {
                        Ok(self.esm(next))
                    } else {
                        flow_start = is_blank_line(&b[next..]);
                        Err(next)
                    }
                }
                (Dialect::Mdx, b'{') => self.expression(at).map(|end| self.hide(at..end)),
                (Dialect::Mdx, _) => self.jsx_tag(at),
            };
            i = match scanned {
                Ok(end) => end,
                Err(read) => read.max(at + 1),
            };
        }
    }

    /// Blank `span`; the end of it, for chaining.
    fn hide(&mut self, span: Span) -> usize {
        let end = span.end;
        if let Some(last) = self.hidden.last_mut().filter(|l| l.end >= span.start) {
            last.end = last.end.max(span.end);
        } else if !span.is_empty() {
            self.hidden.push(span);
        }
        end
    }

    /// Blank `span` except the values in `shown`, which lie inside it in order.
    fn hide_except(&mut self, span: Span, shown: &[Span]) -> usize {
        let mut from = span.start;
        for value in shown {
            self.hide(from..value.start);
            from = value.end;
        }
        self.hide(from..span.end)
    }

    // Markdown: Hugo and Liquid.

    /// A shortcode, a Liquid tag or output, or a Nunjucks comment at `at` (a `{`).
    fn liquid_or_shortcode(&mut self, at: usize) -> Scanned {
        let rest = &self.bytes[at..];
        if rest.starts_with(b"{#") {
            return self.closed_by(at, 2, b"#}").map(|end| self.hide(at..end));
        }
        let (open, close, bodies): (usize, &[u8], &[(&str, &str)]) = if rest.starts_with(b"{{<") {
            (3, b">}}", SHORTCODE_SOURCE_BODIES)
        } else if rest.starts_with(b"{{%") {
            (3, b"%}}", SHORTCODE_SOURCE_BODIES)
        } else if rest.starts_with(b"{%") {
            (2, b"%}", LIQUID_SOURCE_BODIES)
        } else if rest.starts_with(b"{{") {
            (2, b"}}", &[])
        } else {
            return Err(at + 1);
        };
        let mut shown = Vec::new();
        let end = self.tag(at, open, close, &mut shown)?;
        let name = tag_name(&self.bytes[at + open..end - close.len()]);
        let Some(&(_, end_name)) = bodies.iter().find(|(n, _)| n.as_bytes() == name) else {
            return Ok(self.hide_except(at..end, &shown));
        };
        // A body of code or template source: hidden up to its closing tag, where there is one.
        match self.closing_tag(end, &rest[..open], close, end_name) {
            Some(body_end) => Ok(self.hide(at..body_end)),
            None => Ok(self.hide_except(at..end, &shown)),
        }
    }

    /// A tag from `at`, its opener `open` bytes long, to `close`, whose quoted strings may hold
    /// anything, the closer included; the values readers see are pushed to `shown`. A tag does
    /// not cross a blank line (Markdown's own tags never do; a stray `{{` in prose then costs
    /// no more than its paragraph).
    fn tag(&self, at: usize, open: usize, close: &[u8], shown: &mut Vec<Span>) -> Scanned {
        let b = self.bytes;
        let mut i = at + open;
        while i < b.len() {
            match b[i] {
                quote @ (b'"' | b'\'' | b'`') => {
                    let end = string_end(b, i, quote, true).ok_or(b.len())?;
                    if shows_value(b, i) {
                        shown.push(i + 1..end - 1);
                    }
                    i = end;
                }
                b'\n' if is_blank_line(&b[i + 1..]) => return Err(i + 1),
                _ if b[i..].starts_with(close) => return Ok(i + close.len()),
                _ => i += 1,
            }
        }
        Err(i)
    }

    /// The end of `close` after `from`, with no quoting inside (comments).
    fn closed_by(&self, at: usize, open: usize, close: &[u8]) -> Scanned {
        let from = at + open;
        memchr::memmem::find(&self.bytes[from..], close)
            .map(|i| from + i + close.len())
            .ok_or(self.bytes.len())
    }

    /// The end of the tag named `end_name` (`{% endraw %}`, `{{< /highlight >}}`) written with
    /// `open` and `close`, searched from `from`.
    fn closing_tag(
        &mut self,
        from: usize,
        open: &[u8],
        close: &[u8],
        end_name: &'static str,
    ) -> Option<usize> {
        if self.missing_end.contains(&end_name) {
            return None;
        }
        let b = self.bytes;
        let mut i = from;
        while let Some(found) = memchr::memmem::find(&b[i..], open) {
            let start = i + found + open.len();
            let Some(inner_end) = memchr::memmem::find(&b[start..], close).map(|e| start + e)
            else {
                break;
            };
            i = inner_end + close.len();
            if tag_name(&b[start..inner_end]) == end_name.as_bytes() {
                return Some(i);
            }
        }
        self.missing_end.push(end_name);
        None
    }

    // MDX: ESM, expressions and JSX.

    /// An `import`/`export` block from `at`: up to the first blank line (or the end) with its
    /// brackets closed, as MDX reads it; where it ends.
    fn esm(&mut self, at: usize) -> usize {
        let b = self.bytes;
        let mut depth = 0usize;
        let mut i = at;
        while i < b.len() {
            match b[i] {
                b'{' | b'(' | b'[' => depth += 1,
                b'}' | b')' | b']' => depth = depth.saturating_sub(1),
                b'\n' if depth == 0 && is_blank_line(&b[i + 1..]) => break,
                _ => {
                    i = skip_js_literal(b, i).unwrap_or(b.len());
                    continue;
                }
            }
            i += 1;
        }
        self.hide(at..i)
    }

    /// The end of the `{…}` expression at `at`, its braces balanced outside strings and
    /// comments.
    fn expression(&self, at: usize) -> Scanned {
        let b = self.bytes;
        let mut depth = 0usize;
        let mut i = at;
        while i < b.len() {
            match b[i] {
                b'{' => depth += 1,
                b'}' => {
                    depth -= 1;
                    if depth == 0 {
                        return Ok(i + 1);
                    }
                }
                _ => {
                    i = skip_js_literal(b, i).ok_or(b.len())?;
                    continue;
                }
            }
            i += 1;
        }
        Err(i)
    }

    /// A JSX tag at `at` (a `<`): `<Name attr="…" {...spread}>`, `</Name>`, `<>`, `</>`, `<x/>`.
    fn jsx_tag(&mut self, at: usize) -> Scanned {
        let b = self.bytes;
        let mut i = at + 1;
        if b.get(i) == Some(&b'/') {
            i += 1;
        }
        if b.get(i) != Some(&b'>') {
            if !b.get(i).is_some_and(|c| c.is_ascii_alphabetic()) {
                return Err(i);
            }
            i = name_end(b, i);
        }
        let mut shown = Vec::new();
        loop {
            i = whitespace_end(b, i);
            match b.get(i) {
                Some(b'>') => return Ok(self.hide_except(at..i + 1, &shown)),
                Some(b'/') if b.get(i + 1) == Some(&b'>') => {
                    return Ok(self.hide_except(at..i + 2, &shown));
                }
                Some(b'{') => i = self.expression(i)?,
                Some(c) if c.is_ascii_alphabetic() || *c == b'_' => {
                    i = whitespace_end(b, name_end(b, i));
                    if b.get(i) != Some(&b'=') {
                        continue;
                    }
                    i = whitespace_end(b, i + 1);
                    match b.get(i) {
                        Some(&quote @ (b'"' | b'\'')) => {
                            let end = string_end(b, i, quote, false).ok_or(b.len())?;
                            if shows_value(b, i) {
                                shown.push(i + 1..end - 1);
                            }
                            i = end;
                        }
                        Some(b'{') => i = self.expression(i)?,
                        _ => return Err(i),
                    }
                }
                _ => return Err(i),
            }
        }
    }
}

/// The name a tag's inside starts with (`figure` in ` figure src="…" `, `endraw` in `-endraw-`:
/// Liquid's `-` trims whitespace and is no part of the name).
fn tag_name(inside: &[u8]) -> &[u8] {
    let trim = |c: &u8| c.is_ascii_whitespace() || *c == b'-';
    let start = inside.iter().position(|c| !trim(c)).unwrap_or(inside.len());
    let rest = &inside[start..];
    let word = &rest[..rest
        .iter()
        .position(u8::is_ascii_whitespace)
        .unwrap_or(rest.len())];
    let len = word.iter().rposition(|c| *c != b'-').map_or(0, |p| p + 1);
    &word[..len]
}

/// Whether the string opening at `quote` is the value of an attribute readers see
/// (`caption="…"`, `alt = '…'`).
fn shows_value(b: &[u8], quote: usize) -> bool {
    let before = b[..quote].trim_ascii_end();
    let Some(before) = before.strip_suffix(b"=") else {
        return false;
    };
    let before = before.trim_ascii_end();
    let name_start = before
        .iter()
        .rposition(|c| !(c.is_ascii_alphanumeric() || *c == b'_' || *c == b'-'))
        .map_or(0, |p| p + 1);
    let name = &before[name_start..];
    SHOWN_ATTRIBUTES
        .iter()
        .any(|a| a.as_bytes().eq_ignore_ascii_case(name))
}

/// The end (after the closing quote) of the string opening at `at`; `escapes` when a backslash
/// escapes the next byte (template languages; JSX strings have no escapes).
fn string_end(b: &[u8], at: usize, quote: u8, escapes: bool) -> Option<usize> {
    let mut i = at + 1;
    while i < b.len() {
        match b[i] {
            b'\\' if escapes && quote != b'`' => i += 2,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
    None
}

/// Past the JavaScript literal or comment at `at` (a string, a template, `/* … */`, `// …`), or
/// one byte on when none starts there; `None` when it runs to the end. A one-line string that
/// meets a line break ends there (JavaScript has none across lines; a stray apostrophe then
/// costs one line).
fn skip_js_literal(b: &[u8], at: usize) -> Option<usize> {
    match b[at] {
        quote @ (b'"' | b'\'') => {
            let mut i = at + 1;
            while i < b.len() {
                match b[i] {
                    b'\\' => i += 2,
                    b'\n' => return Some(i),
                    c if c == quote => return Some(i + 1),
                    _ => i += 1,
                }
            }
            None
        }
        b'`' => string_end(b, at, b'`', false),
        b'/' if b.get(at + 1) == Some(&b'*') => {
            memchr::memmem::find(&b[at + 2..], b"*/").map(|e| at + 2 + e + 2)
        }
        b'/' if b.get(at + 1) == Some(&b'/') => {
            Some(memchr::memchr(b'\n', &b[at..]).map_or(b.len(), |e| at + e))
        }
        _ => Some(at + 1),
    }
}

/// Past a JSX name or attribute name (`Figure`, `Tabs.Item`, `data-x`, `xlink:href`).
fn name_end(b: &[u8], at: usize) -> usize {
    at + b[at..]
        .iter()
        .position(|&c| {
            !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'.' | b':' | b'-'))
        })
        .unwrap_or(b.len() - at)
}

fn whitespace_end(b: &[u8], at: usize) -> usize {
    at + b[at..]
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len() - at)
}

/// Whether `line` (from a line's start) is blank: only spaces and tabs before its end.
fn is_blank_line(line: &[u8]) -> bool {
    line.iter()
        .find(|&&c| c != b' ' && c != b'\t' && c != b'\r')
        .is_none_or(|&c| c == b'\n')
}

/// Whether `line` starts an MDX `import` or `export` statement.
fn is_esm_start(line: &[u8]) -> bool {
    [&b"import"[..], b"export"].iter().any(|keyword| {
        line.strip_prefix(*keyword)
            .and_then(|rest| rest.first())
            .is_some_and(|c| matches!(c, b' ' | b'\t' | b'{' | b'*'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text` left once the scanned spans are blanked.
    fn kept(text: &str, dialect: Dialect) -> String {
        let mut out = text.as_bytes().to_vec();
        for span in scan(text, dialect, &[]) {
            out[span].fill(b' ');
        }
        let out = String::from_utf8_lossy(&out).into_owned();
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn hugo_shortcodes_keep_captions_and_paired_prose() {
        assert_eq!(
            kept(
                "A {{< figure src=\"a.jpg\" alt=\"Foto \\\"banjir\\\" >}}\" >}} B",
                Dialect::Markdown
            ),
            "A Foto \\\"banjir\\\" >}} B"
        );
        assert_eq!(
            kept(
                "{{% notice info %}}\nTeks penting.\n{{% /notice %}}",
                Dialect::Markdown
            ),
            "Teks penting."
        );
        assert_eq!(
            kept(
                "{{<figure caption=`Rapat` >}} {{< highlight go >}}\nx := 1\n{{< /highlight >}} sesudah",
                Dialect::Markdown
            ),
            "Rapat sesudah"
        );
    }

    #[test]
    fn liquid_tags_outputs_and_source_bodies() {
        assert_eq!(
            kept(
                "{% include fig.html title='Rapat' %} {{ page.title | upcase }} x",
                Dialect::Markdown
            ),
            "Rapat x"
        );
        assert_eq!(
            kept(
                "{%- raw -%}{{ x }}{% endraw %} a {% comment %}catatan{% endcomment %} {# n #} b",
                Dialect::Markdown
            ),
            "a b"
        );
    }

    #[test]
    fn mdx_esm_jsx_and_expressions() {
        let text = "import Figure from './Figure'\nexport const meta = {\n\n  a: '}',\n}\n\nTeks <Callout type=\"x\">isi {angka}</Callout>.\n\n<Figure src={img} caption=\"Keterangan\"/>\n";
        assert_eq!(kept(text, Dialect::Mdx), "Teks isi . Keterangan");
        // `import` inside a paragraph is prose.
        assert_eq!(
            kept("Teks\nimport barang naik.", Dialect::Mdx),
            "Teks import barang naik."
        );
        assert_eq!(
            kept(
                "\nimport A from 'a'\n\nTeks {/* it's */} <A.B x y={{a: '}'}} {...p} />",
                Dialect::Mdx
            ),
            "Teks"
        );
    }

    #[test]
    fn code_is_left_alone() {
        let text = "`{{< x >}}` {{ y }}";
        let code = 0..11;
        let output = 12..19;
        assert_eq!(
            scan(text, Dialect::Markdown, std::slice::from_ref(&code)),
            std::slice::from_ref(&output)
        );
    }

    #[test]
    fn unterminated_constructs_are_prose() {
        for (text, dialect) in [
            ("{{< figure src=\"a", Dialect::Markdown),
            ("{{ x\n\nTeks }}", Dialect::Markdown),
            ("{% raw %}x", Dialect::Markdown),
            ("{a { b", Dialect::Mdx),
            ("<a b=\"c", Dialect::Mdx),
            ("a < b, <c d", Dialect::Mdx),
        ] {
            let spans = scan(text, dialect, &[]);
            assert!(spans.iter().all(|s| s.end <= text.len()), "{text:?}");
        }
        assert_eq!(kept("{{ x\n\nTeks }}", Dialect::Markdown), "{{ x Teks }}");
        assert_eq!(kept("{% raw %}x", Dialect::Markdown), "x");
    }

    proptest::proptest! {
        /// Any text: sorted, disjoint spans on character boundaries, within the text.
        #[test]
        fn spans_are_sorted_and_in_bounds(
            text in "([{}<>/%#\"'`=\\n a-zé]|\\{\\{<|>\\}\\}|\\{%|%\\}|import |caption=){0,60}",
            mdx: bool,
        ) {
            let dialect = if mdx { Dialect::Mdx } else { Dialect::Markdown };
            let spans = scan(&text, dialect, &[]);
            let mut last = 0;
            for s in &spans {
                proptest::prop_assert!(last <= s.start && s.start < s.end && s.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
                last = s.end;
            }
        }
    }
}
