//! Markdown (CommonMark with YAML `---` or TOML `+++` front matter, and MDX): the lint view keeps
//! prose and blanks everything else to spaces, newlines kept, so every span still points into the
//! file.
//!
//! Blanked: code blocks, inline code, link and image targets, HTML (comments included), the
//! site generators' templating (`templates`: shortcodes, Liquid tags, MDX's ESM, JSX and
//! expressions, but not the `alt`, `caption` and `title` strings readers see), and the front
//! matter except the values of `title` and `description`, which readers see as prose.
//! The front matter's date values (`date`, `publishDate`, `pubDate`, … as site generators name
//! them) are kept for the article's date.

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, Event, LinkType, Options, Parser, Tag, TagEnd};

use super::templates;
pub use super::templates::Dialect;
use super::{Document, ParagraphStyle, Span};

/// Front-matter keys whose values are prose.
const PROSE_KEYS: &[&str] = &["title", "description"];

/// Front-matter keys that date the article, as Hugo, Jekyll, Astro, Eleventy and the common
/// content systems name them, the preferred first.
const DATE_KEYS: &[&str] = &[
    "date",
    "publishDate",
    "publishdate",
    "pubDate",
    "pubdate",
    "published",
    "publishedAt",
    "published_at",
    "publish_date",
    "tanggal",
];

/// What template constructs are blanked to before the body is parsed: a letter, which opens no
/// Markdown construct, so the prose around a construct keeps the structure it has on the page
/// (a blank would turn the line after an MDX tag into an indented code block).
const FILLER: char = 'x';

/// The document for a Markdown file. Its comments are those the parser found as HTML, so a
/// directive shown inside a code block is not obeyed.
pub fn parse(path: impl Into<String>, source: String, dialect: Dialect) -> Document {
    let mut visible: Vec<Span> = Vec::new();
    let mut comments = Vec::new();
    let mut dates = Vec::new();
    // Front matter only opens a file (pulldown-cmark would take a `---` block anywhere), so it
    // is split off here and the rest parsed as plain CommonMark.
    let body_start = match front_matter(&source) {
        Some((fields, kind, end)) => {
            let fm = FrontMatter::read(&source, fields, kind);
            visible.extend(fm.prose);
            dates = fm.dates;
            end
        }
        None => bom_len(&source),
    };
    // Depth of constructs whose text is not prose (code blocks, autolinks).
    let mut hidden = 0usize;

    let body = &source[body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let templated: Vec<Span> = if may_hold_templates(body, dialect) {
        templates::scan(body, dialect, &code(body, options, dialect))
    } else {
        Vec::new()
    };
    if dialect == Dialect::Mdx {
        // MDX's comments are JSX's, among the expressions the scan blanked.
        for span in &templated {
            let found = jsx_comments(body, span.clone());
            comments.extend(
                found
                    .into_iter()
                    .map(|c| c.start + body_start..c.end + body_start),
            );
        }
    }
    let parsed: Cow<str> = if templated.is_empty() {
        Cow::Borrowed(body)
    } else {
        Cow::Owned(filled(body, &templated))
    };
    for (event, range) in Parser::new_ext(&parsed, options).into_offset_iter() {
        let in_body = range.clone();
        let range = range.start + body_start..range.end + body_start;
        match event {
            Event::Start(Tag::CodeBlock(_)) => hidden += 1,
            Event::End(TagEnd::CodeBlock) => hidden = hidden.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => hidden += 1,
            Event::End(TagEnd::Link) if is_autolink(&source, &range) => {
                hidden = hidden.saturating_sub(1);
            }
            // An entity (`&amp;`) reads differently from its source: blank, not prose.
            Event::Text(text) if hidden == 0 && *text == parsed[in_body.clone()] => {
                visible.push(range);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                let found = html_comments(&parsed, in_body);
                comments.extend(
                    found
                        .into_iter()
                        .map(|c| c.start + body_start..c.end + body_start),
                );
            }
            _ => {}
        }
    }

    let templated: Vec<Span> = (templated.into_iter())
        .map(|s| s.start + body_start..s.end + body_start)
        .collect();
    let view = blank_except(&source, &visible, &templated);
    let mut document = Document::with_view(path, source, view, ParagraphStyle::BlankLine);
    document.declared_dates = dates;
    // HTML comments and JSX ones were found apart: directives apply in the order written.
    comments.sort_by_key(|c| c.start);
    document.comments = comments;
    document
}

/// Whether `body` may hold template constructs: for Markdown, a `{{`, `{%` or `{#` (most
/// articles have none, and are parsed once); MDX is always scanned.
fn may_hold_templates(body: &str, dialect: Dialect) -> bool {
    let b = body.as_bytes();
    dialect == Dialect::Mdx
        || memchr::memchr_iter(b'{', b).any(|i| matches!(b.get(i + 1), Some(b'{' | b'%' | b'#')))
}

/// The code blocks and code spans of `body`, in order: template syntax there is shown, not run.
/// MDX has no indented code blocks (indentation there is JSX's layout).
fn code(body: &str, options: Options, dialect: Dialect) -> Vec<Span> {
    let mut code = Vec::new();
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Indented)) if dialect == Dialect::Mdx => {}
            Event::Start(Tag::CodeBlock(_)) | Event::Code(_) => code.push(range),
            _ => {}
        }
    }
    code
}

/// `body` with every character inside `spans` (sorted) turned into as many [`FILLER`]s as it
/// has bytes, line breaks kept: the same length and lines, valid UTF-8.
fn filled(body: &str, spans: &[Span]) -> String {
    let mut spans = spans.iter().peekable();
    let mut out = String::with_capacity(body.len());
    for (i, c) in body.char_indices() {
        while spans.next_if(|s| s.end <= i).is_some() {}
        if spans.peek().is_some_and(|s| s.start <= i) && c != '\n' && c != '\r' {
            out.extend(std::iter::repeat_n(FILLER, c.len_utf8()));
        } else {
            out.push(c);
        }
    }
    out
}

/// The length of the byte-order mark opening `source`, if any: it is no part of the text.
fn bom_len(source: &str) -> usize {
    if source.starts_with('\u{feff}') {
        '\u{feff}'.len_utf8()
    } else {
        0
    }
}

/// YAML between `---` lines or TOML between `+++` lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrontMatterKind {
    Yaml,
    Toml,
}

/// The front matter opening `source` (after a byte-order mark): the span of its fields, its kind,
/// and where the body starts (after the closing line).
fn front_matter(source: &str) -> Option<(Span, FrontMatterKind, usize)> {
    let bom = bom_len(source);
    let first_line = source[bom..].split_inclusive('\n').next()?;
    let (kind, fences): (FrontMatterKind, &[&str]) = match first_line.trim_end() {
        "---" => (FrontMatterKind::Yaml, &["---", "..."]),
        "+++" => (FrontMatterKind::Toml, &["+++"]),
        _ => return None,
    };
    let fields_start = bom + first_line.len();
    let mut offset = fields_start;
    for line in source[fields_start..].split_inclusive('\n') {
        if fences.contains(&line.trim_end()) {
            return Some((fields_start..offset, kind, offset + line.len()));
        }
        offset += line.len();
    }
    None
}

/// Whether the link ending at `range` is written `<…>` (an autolink), whose text is its target.
fn is_autolink(source: &str, range: &Span) -> bool {
    source[range.clone()].starts_with('<')
}

/// `<!-- … -->` comments within `range` of `source`.
pub(super) fn html_comments(source: &str, range: Span) -> Vec<Span> {
    let html = &source[range.clone()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&html.as_bytes()[from..], b"<!--") {
        let start = from + open;
        let Some(close) = memchr::memmem::find(&html.as_bytes()[start + 4..], b"-->") else {
            break;
        };
        let end = start + 4 + close + 3;
        out.push(range.start + start..range.start + end);
        from = end;
    }
    out
}

/// `{/* … */}` comments (MDX's, written as JSX writes them) within `range` of `source`.
pub fn jsx_comments(source: &str, range: Span) -> Vec<Span> {
    let b = &source.as_bytes()[range.clone()];
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = memchr::memmem::find(&b[from..], b"/*") {
        let slash = from + open;
        let brace = b[from..slash]
            .iter()
            .rposition(|c| !c.is_ascii_whitespace())
            .map(|i| from + i)
            .filter(|&i| b[i] == b'{');
        let Some(close) = memchr::memmem::find(&b[slash + 2..], b"*/") else {
            break;
        };
        let after = slash + 2 + close + 2;
        let end = after
            + b[after..]
                .iter()
                .take_while(|c| c.is_ascii_whitespace())
                .count();
        match brace {
            Some(brace) if b.get(end) == Some(&b'}') => {
                out.push(range.start + brace..range.start + end + 1);
                from = end + 1;
            }
            _ => from = after,
        }
    }
    out
}

/// A copy of `source` with every byte outside `visible`, or inside `templated`, turned into a
/// space (newlines kept). Replacing a whole multibyte character by as many spaces keeps the text
/// valid UTF-8.
fn blank_except(source: &str, visible: &[Span], templated: &[Span]) -> String {
    let mut keep = vec![false; source.len()];
    for span in visible {
        keep[span.clone()].iter_mut().for_each(|k| *k = true);
    }
    for span in templated {
        keep[span.clone()].iter_mut().for_each(|k| *k = false);
    }
    let mut view = String::with_capacity(source.len());
    for (i, c) in source.char_indices() {
        if keep[i] || c == '\n' || c == '\r' {
            view.push(c);
        } else {
            view.extend(std::iter::repeat_n(' ', c.len_utf8()));
        }
    }
    view
}

/// What the front matter gives: prose value spans and the values of its date fields, the
/// preferred key first.
struct FrontMatter {
    prose: Vec<Span>,
    dates: Vec<Span>,
}

impl FrontMatter {
    /// Read top-level `key: value` (YAML) or `key = value` (TOML) lines of the block at `range`.
    fn read(source: &str, range: Span, kind: FrontMatterKind) -> FrontMatter {
        let separator = match kind {
            FrontMatterKind::Yaml => ':',
            FrontMatterKind::Toml => '=',
        };
        let mut prose = Vec::new();
        let mut dates = Vec::new();
        let mut line_start = range.start;
        for line in source[range.clone()].split_inclusive('\n') {
            let offset = line_start;
            line_start += line.len();
            // Nested keys (indented) and comments are not the article's own fields.
            if line.starts_with([' ', '\t', '#']) {
                continue;
            }
            let Some((key, _)) = line.split_once(separator) else {
                continue;
            };
            let value_start = offset + key.len() + separator.len_utf8();
            let value_span = unquoted(source, value_start..offset + line.len());
            let key = key.trim();
            // A YAML block scalar (`title: >-`) continues on indented lines: not read.
            let block_scalar = source[value_span.clone()].starts_with(['|', '>']);
            if PROSE_KEYS.contains(&key) && !block_scalar {
                prose.push(value_span);
            } else if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key) {
                dates.push((rank, value_span));
            }
        }
        dates.sort_by_key(|(rank, _)| *rank);
        FrontMatter {
            prose,
            dates: dates.into_iter().map(|(_, span)| span).collect(),
        }
    }
}

/// The span of a value without surrounding blanks and quotes.
fn unquoted(source: &str, span: Span) -> Span {
    let raw = &source[span.clone()];
    let trimmed = raw.trim();
    let start = span.start + (raw.len() - raw.trim_start().len());
    let inner = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| {
            trimmed
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
        });
    match inner {
        Some(inner) => start + 1..start + 1 + inner.len(),
        None => start..start + trimmed.len(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(source: &str) -> String {
        parse("t.md", source.to_string(), Dialect::Markdown)
            .text()
            .to_string()
    }

    #[test]
    fn blanks_everything_but_prose() {
        let source = "# Judul\n\nTeks `kode` dan [tautan](https://contoh.id/x) <b>tebal</b> &amp; <https://contoh.id/y>.\n\n```\nresiko\n```\n";
        let v = view(source);
        assert_eq!(v.len(), source.len());
        assert!(v.contains("Judul"));
        assert!(v.contains("Teks"));
        assert!(v.contains("tautan"));
        assert!(v.contains("tebal"));
        for hidden in ["kode", "contoh.id", "<b>", "resiko", "```", "#", "amp"] {
            assert!(!v.contains(hidden), "{hidden:?} should be blanked in {v:?}");
        }
        assert_eq!(v.matches('\n').count(), source.matches('\n').count());
    }

    #[test]
    fn yaml_front_matter_gives_date_and_prose() {
        let source = "---\ntitle: \"Analisa pasar\"\ndate: 2023-05-01T08:00:00+07:00\ntags: [resiko]\n---\n\nIsi.\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        let v = md.text();
        assert!(v.contains("Analisa pasar"));
        assert!(!v.contains("title"));
        assert!(!v.contains("resiko"));
        assert!(!v.contains('"'));
        assert!(md.declared_dates().eq(["2023-05-01T08:00:00+07:00"]));
    }

    #[test]
    fn toml_front_matter() {
        let source = "+++\ntitle = 'Resiko banjir'\ndate = 2024-02-03\n+++\n\nIsi.\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        assert!(md.text().contains("Resiko banjir"));
        assert!(md.declared_dates().eq(["2024-02-03"]));
    }

    #[test]
    fn site_generators_date_keys_the_preferred_first() {
        let source = "---\nlastmod: 2026-01-01\npubDate: 25 Januari 2025\ndraft: false\ndate: 2025-03-01\n---\n\nIsi.\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        assert!(md.declared_dates().eq(["2025-03-01", "25 Januari 2025"]));
    }

    #[test]
    fn front_matter_only_opens_the_file() {
        let source = "Teks awal.\n\n---\ndate: 2020-01-01\nresiko: x\n---\n\nAkhir.\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        assert!(md.text().contains("resiko: x"));
        assert_eq!(md.declared_dates().next(), None);
        let unclosed = "---\ntitle: x\n";
        assert!(
            parse("t.md", unclosed.to_string(), Dialect::Markdown)
                .text()
                .contains("title")
        );
    }

    #[test]
    fn collects_comments_outside_code() {
        let source = "<!-- satu -->\n\nTeks <!-- dua --> lagi.\n\n```\n<!-- kode -->\n```\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        let texts: Vec<&str> = md.comments().iter().map(|s| &source[s.clone()]).collect();
        assert_eq!(texts, ["<!-- satu -->", "<!-- dua -->"]);
    }

    /// The words of `source`'s lint view as `dialect`.
    fn words(source: &str, dialect: Dialect) -> String {
        let doc = parse("t", source.to_string(), dialect);
        assert_eq!(doc.text().len(), source.len());
        doc.text().split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn shortcodes_and_liquid_are_not_prose_but_their_captions_are() {
        let source = "---\ntitle: Judul\n---\n\n{{< figure src=\"a.jpg\" caption=\"Banjir *rob* kemarin\" >}}\n\n{{% notice %}}\nTeks **penting**.\n{{% /notice %}}\n\nHalo {{ page.title }} dan {% include x.html %}.\n\n```\n{{< figure caption=\"kode\" >}}\n```\n\nKode `{{ x }}` saja.\n";
        assert_eq!(
            words(source, Dialect::Markdown),
            "Judul Banjir rob kemarin Teks penting . Halo dan . Kode saja."
        );
        let doc = parse("t", source.to_string(), Dialect::Markdown);
        let caption = source.find("Banjir").expect("the caption");
        assert_eq!(
            &doc.text()[caption..caption + 6],
            "Banjir",
            "at its place in the file"
        );
    }

    #[test]
    fn mdx_jsx_children_and_attributes() {
        let source = "---\ndate: 2025-01-02\n---\nimport Figure from './Figure.astro'\nexport const x = {\n  a: 1,\n\n  b: 2,\n}\n\n<Figure src={img} alt=\"Foto rapat\" />\n\n<Callout type=\"catatan\">\nIsi **catatan** di sini.\n</Callout>\n\nKata {ekspresi} akhir.\n\n    Menjorok pun prosa.\n";
        let doc = parse("t.mdx", source.to_string(), Dialect::Mdx);
        assert!(doc.declared_dates().eq(["2025-01-02"]));
        assert_eq!(
            words(source, Dialect::Mdx),
            "Foto rapat Isi catatan di sini. Kata akhir."
        );
        // MDX has no indented code, but pulldown-cmark reads one: such lines are missed, never
        // misread (what they hold may be JSX layout).
        // The same file read as Markdown: none of it is JSX.
        assert!(words(source, Dialect::Markdown).contains("import"));
    }

    #[test]
    fn mdx_comments_are_jsx_comments() {
        let source = "import A from 'a'\n\n{/* lintas-disable spelling */}\n\nKata <A>{ /* lintas-enable */ }</A> dan {/* biasa */} <!-- html --> {x /* bukan */}\n";
        let doc = parse("t.mdx", source.to_string(), Dialect::Mdx);
        let comments: Vec<&str> = doc.comments().iter().map(|c| &source[c.clone()]).collect();
        assert_eq!(
            comments,
            [
                "{/* lintas-disable spelling */}",
                "{ /* lintas-enable */ }",
                "{/* biasa */}",
                "<!-- html -->"
            ]
        );
        // In Markdown the same text is text.
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        assert!(
            md.comments()
                .iter()
                .all(|c| source[c.clone()].starts_with("<!--"))
        );
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_front_matter() {
        let source = "\u{feff}---\ntitle: Judul\ndate: 2025-01-02\n---\n\nIsi.\n";
        let md = parse("t.md", source.to_string(), Dialect::Markdown);
        assert!(md.declared_dates().eq(["2025-01-02"]));
        assert_eq!(words(source, Dialect::Markdown), "Judul Isi.");
        let mdx = "\u{feff}import A from 'a'\n\nIsi.\n";
        assert_eq!(words(mdx, Dialect::Mdx), "Isi.");
    }

    proptest::proptest! {
        /// Any mix of templating, code and prose, in either dialect: the view keeps every
        /// offset, and every byte is the file's own or a blank.
        #[test]
        fn templated_views_keep_offsets(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "{{< ", " >}}", "{{% ", "%}}", "{% ", " %}", "{{", "}}", "{#", "#}", "{", "}",
                "<A ", "</A>", "/>", ">", "caption=", "\"", "'", "`", "```\n", "import ",
                "export ", "raw", "endraw", "\n", "\n\n", "    ", "é", "\u{feff}", "kata ", "---\n",
            ]), 0..24),
            mdx: bool,
        ) {
            let source = pieces.concat();
            let dialect = if mdx { Dialect::Mdx } else { Dialect::Markdown };
            let doc = parse("t", source.clone(), dialect);
            let view = doc.text();
            proptest::prop_assert_eq!(view.len(), source.len());
            let kept = view.bytes().zip(source.bytes()).all(|(v, s)| v == b' ' || v == s);
            proptest::prop_assert!(kept, "{:?} {:?}", view, source);
        }
    }

    #[test]
    fn odd_input_does_not_panic() {
        for source in [
            "",
            "---\n",
            "+++\ntitle = \"\n",
            "é`ü`ñ <!-- ",
            "---\ndate: 2023-0é\n---\n",
            "{{< x caption=\"é",
            "{% raw %}{{ é",
            "<A b={'}' c=\"é",
            "import {\n\n{{{{",
        ] {
            for dialect in [Dialect::Markdown, Dialect::Mdx] {
                let md = parse("t.md", source.to_string(), dialect);
                assert_eq!(md.text().len(), source.len());
            }
        }
    }
}
