//! Markdown (CommonMark with YAML `---` or TOML `+++` front matter): the lint view keeps prose
//! and blanks everything else to spaces, newlines kept, so every span still points into the file.
//!
//! Blanked: code blocks, inline code, link and image targets, HTML (comments included), and the
//! front matter except the values of `title` and `description`, which readers see as prose.
//! The front matter's date values (`date`, `publishDate`, `pubDate`, … as site generators name
//! them) are kept for the article's date.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

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

/// The document for a Markdown file. Its comments are those the parser found as HTML, so a
/// directive shown inside a code block is not obeyed.
pub fn parse(path: impl Into<String>, source: String) -> Document {
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
        None => 0,
    };
    // Depth of constructs whose text is not prose (code blocks, autolinks).
    let mut hidden = 0usize;

    let body = &source[body_start..];
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
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
            Event::Text(text) if hidden == 0 && *text == source[range.clone()] => {
                visible.push(range);
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                comments.extend(html_comments(&source, range));
            }
            _ => {}
        }
    }

    let view = blank_except(&source, &visible);
    let mut document = Document::with_view(path, source, view, ParagraphStyle::BlankLine);
    document.declared_dates = dates;
    document.comments = comments;
    document
}

/// YAML between `---` lines or TOML between `+++` lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum FrontMatterKind {
    Yaml,
    Toml,
}

/// The front matter opening `source`: the span of its fields, its kind, and where the body
/// starts (after the closing line).
fn front_matter(source: &str) -> Option<(Span, FrontMatterKind, usize)> {
    let first_line = source.split_inclusive('\n').next()?;
    let (kind, fences): (FrontMatterKind, &[&str]) = match first_line.trim_end() {
        "---" => (FrontMatterKind::Yaml, &["---", "..."]),
        "+++" => (FrontMatterKind::Toml, &["+++"]),
        _ => return None,
    };
    let fields_start = first_line.len();
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

/// A copy of `source` with every byte outside `visible` turned into a space (newlines kept).
/// Replacing a whole multibyte character by as many spaces keeps the text valid UTF-8.
fn blank_except(source: &str, visible: &[Span]) -> String {
    let mut keep = vec![false; source.len()];
    for span in visible {
        keep[span.clone()].iter_mut().for_each(|k| *k = true);
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
        parse("t.md", source.to_string()).text().to_string()
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
        let md = parse("t.md", source.to_string());
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
        let md = parse("t.md", source.to_string());
        assert!(md.text().contains("Resiko banjir"));
        assert!(md.declared_dates().eq(["2024-02-03"]));
    }

    #[test]
    fn site_generators_date_keys_the_preferred_first() {
        let source = "---\nlastmod: 2026-01-01\npubDate: 25 Januari 2025\ndraft: false\ndate: 2025-03-01\n---\n\nIsi.\n";
        let md = parse("t.md", source.to_string());
        assert!(md.declared_dates().eq(["2025-03-01", "25 Januari 2025"]));
    }

    #[test]
    fn front_matter_only_opens_the_file() {
        let source = "Teks awal.\n\n---\ndate: 2020-01-01\nresiko: x\n---\n\nAkhir.\n";
        let md = parse("t.md", source.to_string());
        assert!(md.text().contains("resiko: x"));
        assert_eq!(md.declared_dates().next(), None);
        let unclosed = "---\ntitle: x\n";
        assert!(parse("t.md", unclosed.to_string()).text().contains("title"));
    }

    #[test]
    fn collects_comments_outside_code() {
        let source = "<!-- satu -->\n\nTeks <!-- dua --> lagi.\n\n```\n<!-- kode -->\n```\n";
        let md = parse("t.md", source.to_string());
        let texts: Vec<&str> = md.comments().iter().map(|s| &source[s.clone()]).collect();
        assert_eq!(texts, ["<!-- satu -->", "<!-- dua -->"]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for source in [
            "",
            "---\n",
            "+++\ntitle = \"\n",
            "é`ü`ñ <!-- ",
            "---\ndate: 2023-0é\n---\n",
        ] {
            let md = parse("t.md", source.to_string());
            assert_eq!(md.text().len(), source.len());
        }
    }
}
