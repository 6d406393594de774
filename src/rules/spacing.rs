//! `spacing`: double spaces, a space before punctuation, and a missing space after a comma or a
//! full stop. Numbers, abbreviations, initials, times, domains and URLs are single tokens or are
//! recognised, so they are never split.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Token, TokenKind};

pub struct Spacing;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(Spacing))
}

/// Punctuation that is written tight against the word before it.
fn closes_tight(s: &str) -> bool {
    matches!(s, "," | "." | ";" | ":" | "?" | "!")
}

impl Rule for Spacing {
    fn reads(&self) -> Reads {
        Reads::NOTHING
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        let tokens = doc.tokens();
        let found_before = out.len();
        // Only a space token of two spaces or more, or of one before a mark, can be wrong: the
        // first are found by searching the text for two spaces, the others from the marks, and
        // the words and most spaces are never read.
        let mut searched_to = 0;
        for at in memchr::memmem::find_iter(text.as_bytes(), b"  ") {
            if at < searched_to {
                continue;
            }
            let i = tokens.partition_point(|t| t.end <= at);
            searched_to = tokens[i].end;
            if tokens[i].kind == TokenKind::Space {
                self.check_space(doc, i, out);
            }
        }
        for &mark in doc.marks() {
            let i = mark as usize;
            if i > 0
                && tokens[i - 1].kind == TokenKind::Space
                && tokens[i - 1].end - tokens[i - 1].start == 1
            {
                self.check_space(doc, i - 1, out);
            }
            let t = tokens[i];
            if matches!(t.text(text), "," | ".") && missing_space_after(text, tokens, i) {
                let mark = t.text(text);
                out.push(
                    self.diag(
                        t.span(),
                        Localized::new(
                            format!("tidak ada spasi setelah “{mark}”"),
                            format!("no space after “{mark}”"),
                        ),
                        Fix::replace(t.span(), format!("{mark} "), Applicability::Safe)
                            .with_message(Localized::new("tambahkan spasi", "add a space")),
                    ),
                );
            }
        }
        // In the order of the text, as one walk of the tokens gave them.
        out[found_before..].sort_by_key(|d| d.span.start);
    }
}

impl Spacing {
    fn diag(&self, span: std::ops::Range<usize>, message: Localized, fix: Fix) -> Diagnostic {
        Diagnostic::new(span, message).with_fix(fix)
    }

    /// The space token `i`: a double space, or a space before a mark written tight.
    fn check_space(&self, doc: &Document, i: usize, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let tokens = doc.tokens();
        let t = tokens[i];
        // Only real spaces between two pieces of text on one line; blanked-out markup in the
        // lint view is not the writer's spacing.
        let Some(&n) = tokens.get(i + 1) else {
            return;
        };
        // One space before anything but punctuation, the most common token of all, is right.
        if t.end - t.start == 1 && n.kind != TokenKind::Punct {
            return;
        }
        let Some(p) = i.checked_sub(1).map(|p| tokens[p]) else {
            return;
        };
        let s = t.text(text);
        if p.is_blank()
            || n.is_blank()
            || s != &doc.source()[t.span()]
            || !s.chars().all(|c| c == ' ')
        {
            return;
        }
        if s.len() >= 2 && !closes_tight(n.text(text)) {
            out.push(
                self.diag(
                    t.span(),
                    Localized::new("spasi ganda", "double space"),
                    Fix::replace(t.span(), " ", Applicability::Safe)
                        .with_message(Localized::new("ganti dengan satu spasi", "use one space")),
                ),
            );
        } else if n.kind == TokenKind::Punct
            && closes_tight(n.text(text))
            && space_before_is_wrong(text, tokens, i)
        {
            let mark = n.text(text);
            out.push(
                self.diag(
                    t.span(),
                    Localized::new(
                        format!("spasi sebelum “{mark}”"),
                        format!("space before “{mark}”"),
                    ),
                    Fix::replace(t.span(), "", Applicability::Safe)
                        .with_message(Localized::new("hapus spasi", "remove the space")),
                ),
            );
        }
    }
}

/// A space before `, . ; : ? !`, except before an ellipsis, a decimal written `.5`, or a colon in
/// a list label at the start of a line.
fn space_before_is_wrong(text: &str, tokens: &[Token], space: usize) -> bool {
    let Some(prev) = space.checked_sub(1).map(|p| tokens[p]) else {
        return false;
    };
    if !matches!(
        prev.kind,
        TokenKind::Word | TokenKind::Number | TokenKind::Punct
    ) {
        return false;
    }
    // `… .`, `( .`: only a space after a word, a number or closing punctuation counts.
    if prev.kind == TokenKind::Punct && !matches!(prev.text(text), ")" | "”" | "\"" | "’") {
        return false;
    }
    let mark = tokens[space + 1];
    let after = tokens.get(space + 2);
    // `...` as an ellipsis, or `.5`.
    if mark.text(text) == "."
        && after.is_some_and(|a| a.kind == TokenKind::Number || a.text(text) == ".")
    {
        return false;
    }
    true
}

/// `kata,kata` or `selesai.Kemudian`: punctuation directly followed by a word.
fn missing_space_after(text: &str, tokens: &[Token], at: usize) -> bool {
    let (Some(prev), Some(next)) = (at.checked_sub(1).map(|p| tokens[p]), tokens.get(at + 1))
    else {
        return false;
    };
    if prev.kind != TokenKind::Word || next.kind != TokenKind::Word {
        return false;
    }
    let mark = tokens[at].text(text);
    let before = prev.text(text);
    let after = next.text(text);
    if mark == "," {
        return after.chars().next().is_some_and(char::is_alphabetic);
    }
    // A full stop: only a new sentence glued to the last one (`naik.Kemudian`), never an
    // abbreviation (`S.H.`, `a.n.`, `dr.Andi`), an initial (`M.Tito`) or a dotted acronym.
    let next_is_capital_word = after.chars().next().is_some_and(char::is_uppercase)
        && after.chars().skip(1).any(char::is_lowercase)
        && after.chars().count() >= 3;
    let before_is_word = before.chars().count() >= 4
        && before.chars().all(char::is_alphabetic)
        && before.chars().any(char::is_lowercase);
    let dotted_after = tokens.get(at + 2).is_some_and(|t| t.text(text) == ".");
    next_is_capital_word && before_is_word && !dotted_after
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn flagged(text: &str) -> Vec<String> {
        (Check::rules(&["spacing"]).findings(text).into_iter())
            .map(|f| f.diagnostic.message.english)
            .collect()
    }

    #[test]
    fn finds_spacing_errors() {
        assert_eq!(flagged("a  b"), ["double space"]);
        assert_eq!(flagged("naik , lalu"), ["space before “,”"]);
        assert_eq!(flagged("datang,lalu"), ["no space after “,”"]);
        assert_eq!(flagged("naik.Kemudian"), ["no space after “.”"]);
    }

    /// Double spaces are found by searching the text and the rest from the marks: the findings
    /// still come in the order of the text, and a run of spaces with a tab or a no-break space in
    /// it is not the writer's double space.
    #[test]
    fn findings_come_in_the_order_of_the_text() {
        assert_eq!(
            flagged("Ia  datang ,lalu pergi.Kemudian   hujan  , lalu a\u{a0}\u{a0}b a \t b."),
            [
                "double space",
                "space before “,”",
                "no space after “.”",
                "double space",
                "space before “,”"
            ]
        );
    }

    #[test]
    fn leaves_numbers_abbreviations_and_addresses_alone() {
        for ok in [
            "Rp1.500.000 naik 2,5 persen pukul 10.00 WIB.",
            "Ia S.H. dan M.Tito, dll. di detik.com dan https://a.id/x,y.",
            "Tunggu ... lalu",
            "  indentasi di awal baris",
            "akhir baris  \nbaris baru",
            "a.n. Ketua",
        ] {
            assert!(flagged(ok).is_empty(), "{ok}: {:?}", flagged(ok));
        }
    }
}
