//! Inline suppression: `<!-- lintas-disable RULE[,RULE] -->` … `<!-- lintas-enable -->` and
//! `<!-- lintas-disable-next-line RULE -->`; with no rule, every rule. In MDX, where an HTML
//! comment is a syntax error, the same directives are JSX comments: `{/* lintas-disable RULE */}`.
//! A directive that ends up suppressing nothing is reported (under `unused-suppression`), so
//! stale ones do not pile up.

use crate::diagnostic::{Diagnostic, Localized};
use crate::source::Document;
use crate::source::Span;

/// One directive written in a comment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Directive {
    /// The whole comment, `<!--` to `-->` (or `{/*` to `*/}`).
    pub span: Span,
    pub kind: DirectiveKind,
    /// The rules it names; empty means every rule.
    pub rules: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DirectiveKind {
    Disable,
    Enable,
    DisableNextLine,
}

/// A comment that starts like a directive but is none (a misspelt keyword).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Malformed {
    pub span: Span,
    pub keyword: String,
}

/// The directive a comment's text (`<!-- … -->` or `{/* … */}`) holds: `None` for a comment
/// that is none, `Some(Err(keyword))` for one that starts like a directive but is none (a
/// misspelt keyword).
pub fn parse_directive(comment: &str) -> Option<Result<(DirectiveKind, Vec<String>), String>> {
    let body = match comment.strip_prefix('{').and_then(|c| c.strip_suffix('}')) {
        Some(jsx) => jsx.trim().trim_start_matches("/*").trim_end_matches("*/"),
        None => comment.trim_start_matches("<!--").trim_end_matches("-->"),
    }
    .trim();
    let (keyword, rest) = body.split_once(char::is_whitespace).unwrap_or((body, ""));
    let kind = match keyword {
        "lintas-disable" => DirectiveKind::Disable,
        "lintas-enable" => DirectiveKind::Enable,
        "lintas-disable-next-line" => DirectiveKind::DisableNextLine,
        k if k.starts_with("lintas-") => return Some(Err(k.to_string())),
        _ => return None,
    };
    let rules = rest
        .split([',', ' ', '\t', '\n'])
        .map(str::trim)
        .filter(|r| !r.is_empty())
        .map(str::to_string)
        .collect();
    Some(Ok((kind, rules)))
}

/// The directives of a document, in order, and comments that look like directives but are not.
pub fn directives(doc: &Document) -> (Vec<Directive>, Vec<Malformed>) {
    let mut found = Vec::new();
    let mut malformed = Vec::new();
    for span in doc.comments() {
        match parse_directive(&doc.source()[span.clone()]) {
            Some(Ok((kind, rules))) => found.push(Directive {
                span: span.clone(),
                kind,
                rules,
            }),
            Some(Err(keyword)) => malformed.push(Malformed {
                span: span.clone(),
                keyword,
            }),
            None => {}
        }
    }
    (found, malformed)
}

/// The rules left off after `directives`, when `off` were off before them (`None` for every
/// rule): what a section of a large file passes to the next.
pub fn still_off(
    mut off: Vec<Option<String>>,
    directives: &[(DirectiveKind, Vec<String>)],
) -> Vec<Option<String>> {
    for (kind, rules) in directives {
        match kind {
            DirectiveKind::Disable if rules.is_empty() => off.push(None),
            DirectiveKind::Disable => off.extend(rules.iter().cloned().map(Some)),
            DirectiveKind::Enable => off.retain(|r| {
                !(rules.is_empty() || r.as_ref().is_none_or(|rule| rules.contains(rule)))
            }),
            DirectiveKind::DisableNextLine => {}
        }
    }
    off
}

/// Where one rule (or every rule, `None`) is off, and the directive that said so.
#[derive(Debug)]
struct Region {
    /// `None` for a rule an earlier section of the file left off: no directive here to report.
    directive: Option<usize>,
    rule: Option<String>,
    span: Span,
    used: bool,
}

/// Drop the diagnostics that directives suppress, but for those of the rule `reporter`, which
/// reports directives; return the directives' rules that suppressed nothing, as (directive, rule
/// or `None` for all rules).
pub fn apply(
    doc: &Document,
    directives: &[Directive],
    diagnostics: &mut Vec<Diagnostic>,
    reporter: &str,
) -> Vec<(Directive, Option<String>)> {
    let mut regions = regions(doc, directives);
    diagnostics.retain(|d| {
        if d.rule == reporter {
            return true;
        }
        let mut suppressed = false;
        for r in &mut regions {
            let rule_matches = r.rule.as_deref().is_none_or(|rule| rule == d.rule);
            if rule_matches && r.span.contains(&d.span.start) {
                r.used = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    regions
        .into_iter()
        .filter(|r| !r.used)
        .filter_map(|r| Some((directives[r.directive?].clone(), r.rule)))
        .collect()
}

/// The regions the directives open: a disable runs to the next enable that covers its rule (or
/// the end of the text); a disable-next-line covers the line after the comment.
fn regions(doc: &Document, directives: &[Directive]) -> Vec<Region> {
    let source = doc.source();
    let mut regions: Vec<Region> = (doc.off_at_start().iter())
        .map(|rule| Region {
            directive: None,
            rule: rule.clone(),
            span: 0..source.len(),
            used: false,
        })
        .collect();
    let mut open: Vec<usize> = (0..regions.len()).collect();
    let rules_of = |d: &Directive| -> Vec<Option<String>> {
        if d.rules.is_empty() {
            vec![None]
        } else {
            d.rules.iter().cloned().map(Some).collect()
        }
    };
    for (i, d) in directives.iter().enumerate() {
        match d.kind {
            DirectiveKind::Disable => {
                for rule in rules_of(d) {
                    open.push(regions.len());
                    regions.push(Region {
                        directive: Some(i),
                        rule,
                        span: d.span.end..source.len(),
                        used: false,
                    });
                }
            }
            DirectiveKind::Enable => open.retain(|&r| {
                let closes = d.rules.is_empty()
                    || regions[r]
                        .rule
                        .as_ref()
                        .is_none_or(|rule| d.rules.contains(rule));
                if closes {
                    regions[r].span.end = d.span.start;
                }
                !closes
            }),
            DirectiveKind::DisableNextLine => {
                let line_start = source[d.span.end..]
                    .find('\n')
                    .map_or(source.len(), |i| d.span.end + i + 1);
                let line_end = source[line_start..]
                    .find('\n')
                    .map_or(source.len(), |i| line_start + i);
                for rule in rules_of(d) {
                    regions.push(Region {
                        directive: Some(i),
                        rule,
                        span: line_start..line_end,
                        used: false,
                    });
                }
            }
        }
    }
    regions
}

/// The finding for a directive's rule that suppressed nothing.
pub fn unused_diagnostic(directive: &Directive, rule: Option<&str>) -> Diagnostic {
    let message = match rule {
        Some(rule) => Localized::new(
            format!("penonaktifan aturan “{rule}” ini tidak menyembunyikan temuan apa pun"),
            format!("this suppression of “{rule}” hides no finding"),
        ),
        None => Localized::new(
            "penonaktifan ini tidak menyembunyikan temuan apa pun",
            "this suppression hides no finding",
        ),
    };
    Diagnostic::new(directive.span.clone(), message).with_note(Localized::new(
        "hapus komentar ini, atau sebutkan aturan yang memang perlu dinonaktifkan di sini",
        "remove this comment, or name the rule that really needs turning off here",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(doc: &Document, rule: &str, word: &str) -> Diagnostic {
        let start = doc.source().find(word).expect("the word is in the text");
        let mut d = Diagnostic::new(start..start + word.len(), Localized::new("x", "x"));
        d.rule = rule.to_string();
        d
    }

    fn run(text: &str, found: &[(&str, &str)]) -> (Vec<String>, Vec<String>) {
        let doc = Document::new("t.txt", text);
        let mut diags: Vec<Diagnostic> = found
            .iter()
            .map(|(rule, word)| finding(&doc, rule, word))
            .collect();
        let (dirs, _) = directives(&doc);
        let unused = apply(&doc, &dirs, &mut diags, "unused-suppression");
        let kept = diags
            .iter()
            .map(|d| doc.slice(&d.span).to_string())
            .collect();
        let unused = unused
            .into_iter()
            .map(|(d, r)| format!("{}:{}", d.span.start, r.unwrap_or_default()))
            .collect();
        (kept, unused)
    }

    #[test]
    fn region_suppresses_until_enable() {
        let text = "satu\n<!-- lintas-disable calque -->\ndua\n<!-- lintas-enable -->\ntiga\n";
        let (kept, unused) = run(
            text,
            &[("calque", "satu"), ("calque", "dua"), ("calque", "tiga")],
        );
        assert_eq!(kept, ["satu", "tiga"]);
        assert!(unused.is_empty());
    }

    #[test]
    fn only_named_rules_and_next_line() {
        let text = "<!-- lintas-disable-next-line nonstandard-word -->\ndua tiga\nempat\n";
        let (kept, unused) = run(
            text,
            &[
                ("calque", "dua"),
                ("nonstandard-word", "tiga"),
                ("nonstandard-word", "empat"),
            ],
        );
        assert_eq!(kept, ["dua", "empat"]);
        assert!(unused.is_empty());
    }

    #[test]
    fn no_rule_means_all_and_unused_is_reported() {
        let text = "<!-- lintas-disable -->\nsatu\n<!-- lintas-enable -->\n<!-- lintas-disable-next-line calque,spelling -->\ndua\n";
        let (kept, unused) = run(text, &[("calque", "satu"), ("calque", "dua")]);
        assert!(kept.is_empty());
        let at = text.find("<!-- lintas-disable-next-line").expect("present");
        assert_eq!(unused, [format!("{at}:spelling")]);
    }

    #[test]
    fn jsx_comments_say_what_html_comments_say() {
        for (html, jsx) in [
            (
                "<!-- lintas-disable calque, spelling -->",
                "{/* lintas-disable calque, spelling */}",
            ),
            ("<!-- lintas-enable -->", "{ /*lintas-enable*/ }"),
            (
                "<!-- lintas-disable-next-line spelling -->",
                "{/* lintas-disable-next-line spelling */}",
            ),
            ("<!-- lintas-disabel -->", "{/* lintas-disabel */}"),
            ("<!-- catatan -->", "{/* catatan */}"),
        ] {
            assert_eq!(parse_directive(jsx), parse_directive(html), "{jsx}");
        }
        assert!(parse_directive("{/* lintas-enable */}").is_some());
    }

    #[test]
    fn malformed_keywords_are_found() {
        let doc = Document::new("t.txt", "<!-- lintas-disabel calque --> <!-- catatan -->");
        let (dirs, bad) = directives(&doc);
        assert!(dirs.is_empty());
        assert_eq!(bad[0].keyword, "lintas-disabel");
    }
}
