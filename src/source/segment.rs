//! Paragraphs, sentences and quotations over a token stream.

use super::Span;
use super::fold::is_lowercase_one_of;
use super::token::{Token, TokenKind};

/// Abbreviations whose full stop does not end a sentence (compared lower-case).
const ABBREVIATIONS: &[&str] = &[
    "a.n", "adm", "bpk", "d.a", "dg", "dkk", "dll", "dr", "drg", "drs", "dra", "dsb", "dst", "dto",
    "etc", "gg", "h", "hj", "hlm", "ir", "jl", "jln", "kab", "kec", "kel", "kol", "no", "nom",
    "ny", "pol", "prof", "red", "s.d", "sbb", "sdr", "sdri", "st", "tel", "tgl", "tn", "tsb",
    "ttd", "u.p", "vs", "ybs", "yth",
];

/// How line breaks separate paragraphs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParagraphStyle {
    /// News text and CMS exports: one paragraph a line.
    EveryLine,
    /// Markdown: a blank line ends a paragraph, a single newline is a soft wrap.
    BlankLine,
}

/// Paragraph spans, trimmed of surrounding blanks; empty paragraphs are dropped. `newlines` are
/// the indexes of the newline tokens: a line is read only from its ends, not token by token.
pub fn paragraphs(tokens: &[Token], newlines: &[u32], style: ParagraphStyle) -> Vec<Span> {
    let mut out = Vec::with_capacity(newlines.len() / 2 + 4);
    let mut start: Option<usize> = None;
    let mut end = 0;
    // Newlines since the last line with text in it.
    let mut blank = 0;
    let mut from = 0;
    for line_end in newlines.iter().map(|&n| n as usize).chain([tokens.len()]) {
        let line = &tokens[from..line_end];
        let text = |t: &&Token| t.kind != TokenKind::Space;
        if let (Some(first), Some(last)) = (line.iter().find(text), line.iter().rfind(text)) {
            blank = 0;
            start.get_or_insert(first.start);
            end = last.end;
        }
        if line_end < tokens.len() {
            blank += 1;
            if style == ParagraphStyle::EveryLine || blank >= 2 {
                if let Some(s) = start.take() {
                    out.push(s..end);
                }
            }
        }
        from = line_end + 1;
    }
    if let Some(s) = start {
        out.push(s..end);
    }
    out
}

/// The marks (punctuation tokens' indexes, in order) inside each paragraph in turn: paragraphs
/// are asked for in order, so the marks are read once in all, not searched for each paragraph.
struct MarksIn<'m> {
    tokens: &'m [Token],
    marks: &'m [u32],
    /// The first mark not yet handed out.
    at: usize,
}

impl<'m> MarksIn<'m> {
    fn new(tokens: &'m [Token], marks: &'m [u32]) -> Self {
        MarksIn {
            tokens,
            marks,
            at: 0,
        }
    }

    /// The marks inside `para`, which comes after every paragraph asked for before.
    fn paragraph(&mut self, para: &Span) -> &'m [u32] {
        let (tokens, rest) = (self.tokens, &self.marks[self.at..]);
        let start = |m: &u32| tokens[*m as usize].start;
        let from = (rest.iter())
            .position(|m| start(m) >= para.start)
            .unwrap_or(rest.len());
        let inside = rest[from..]
            .iter()
            .take_while(|m| start(m) < para.end)
            .count();
        self.at += from + inside;
        &rest[from..from + inside]
    }
}

/// Sentence spans inside each paragraph. A sentence ends at `.`, `?`, `!` or `…` (with any
/// closing quotes or brackets after it) when what follows starts a new sentence, and never after
/// an abbreviation, an initial (`M. Tito`) or inside a number. `marks` are the punctuation
/// tokens' indexes (`Document::marks`).
pub fn sentences(text: &str, tokens: &[Token], paragraphs: &[Span], marks: &[u32]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut marks = MarksIn::new(tokens, marks);
    for para in paragraphs {
        let first = tokens.partition_point(|t| t.start < para.start);
        let last = tokens.partition_point(|t| t.start < para.end);
        let toks = &tokens[first..last];
        let mut start = para.start;
        // The first token not yet read: closing marks read after a sentence's end are skipped.
        let mut next = 0;
        for &mark in marks.paragraph(para) {
            let i = mark as usize - first;
            if i < next {
                continue;
            }
            let t = toks[i];
            if matches!(t.text(text), "." | "?" | "!" | "…") && !is_abbreviation(text, toks, i) {
                let mut end_idx = i;
                while end_idx + 1 < toks.len()
                    && toks[end_idx + 1].kind == TokenKind::Punct
                    && matches!(
                        toks[end_idx + 1].text(text),
                        "." | "?" | "!" | "”" | "’" | "\"" | "'" | ")" | "]"
                    )
                {
                    end_idx += 1;
                }
                if starts_sentence(text, &toks[end_idx + 1..]) {
                    out.push(start..toks[end_idx].end);
                    start = toks[(end_idx + 1)..]
                        .iter()
                        .find(|t| !t.is_blank())
                        .map_or(para.end, |t| t.start);
                }
                next = end_idx + 1;
            }
        }
        if start < para.end {
            out.push(start..para.end);
        }
    }
    out
}

/// Whether the full stop at `toks[dot]` closes an abbreviation or an initial (`dll.`, `a.n.`,
/// `M.`) rather than a sentence.
pub fn is_abbreviation(text: &str, toks: &[Token], dot: usize) -> bool {
    if text[toks[dot].span()].ne(".") || dot == 0 {
        return false;
    }
    let prev = toks[dot - 1];
    if prev.kind != TokenKind::Word {
        return false;
    }
    let word = prev.text(text);
    // A single capital letter is an initial: `M. Tito Karnavian`.
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true;
    }
    if is_listed_abbreviation(word) {
        return true;
    }
    // `a.n.`, `u.p.`: look one word further back.
    dot >= 3 && toks[dot - 2].text(text) == "." && {
        let joined = format!("{}.{}", toks[dot - 3].text(text), word);
        is_listed_abbreviation(&joined)
    }
}

/// The length of the longest of [`ABBREVIATIONS`].
const LONGEST_ABBREVIATION: usize = {
    let (mut i, mut longest) = (0, 0);
    while i < ABBREVIATIONS.len() {
        if ABBREVIATIONS[i].len() > longest {
            longest = ABBREVIATIONS[i].len();
        }
        i += 1;
    }
    longest
};

/// Whether `word`, lower-cased, is in [`ABBREVIATIONS`]. Asked at nearly every full stop: a
/// longer ASCII word, nearly every word before one, is turned away before the list is read.
fn is_listed_abbreviation(word: &str) -> bool {
    (word.len() <= LONGEST_ABBREVIATION || !word.is_ascii())
        && is_lowercase_one_of(word, ABBREVIATIONS)
}

/// Whether the tokens after a full stop begin a new sentence: a capital, a digit, an opening quote
/// or bracket, or the end of the paragraph.
fn starts_sentence(text: &str, rest: &[Token]) -> bool {
    let mut iter = rest.iter();
    let Some(first) = iter.next() else {
        return true;
    };
    if !first.is_blank() {
        // No space after the full stop: only a new sentence if a capital follows (`dll.Kemudian`
        // is a spacing error inside one sentence; `2.5` never reaches here).
        return false;
    }
    let Some(next) = iter.find(|t| !t.is_blank()) else {
        return true;
    };
    let c = next.text(text).chars().next().unwrap_or(' ');
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(c, '“' | '"' | '‘' | '\'' | '(' | '[' | '–' | '—' | '-')
}

/// Quotation ranges: from an opening “ (or ") to its closing ” (or the next "), inside a
/// paragraph; an unclosed quotation runs to the end of its paragraph, as news quotes that
/// continue over paragraphs do.
pub fn quotes(text: &str, tokens: &[Token], paragraphs: &[Span], marks: &[u32]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut marks = MarksIn::new(tokens, marks);
    for para in paragraphs {
        let mut open: Option<(usize, &str)> = None;
        for &mark in marks.paragraph(para) {
            let t = tokens[mark as usize];
            match (t.text(text), open) {
                ("“", None) => open = Some((t.start, "”")),
                ("\"", None) => open = Some((t.start, "\"")),
                (s, Some((start, close))) if s == close => {
                    out.push(start..t.end);
                    open = None;
                }
                _ => {}
            }
        }
        if let Some((start, _)) = open {
            out.push(start..para.end);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::token::{Listed, tokenize_listing};
    use proptest::prelude::*;

    /// The tokens of `text`, the indexes of its marks, and its paragraphs in `style`.
    fn segmented(text: &str, style: ParagraphStyle) -> (Vec<Token>, Vec<u32>, Vec<Span>) {
        let mut listed = Listed::default();
        let tokens = tokenize_listing(text, &mut listed);
        let paras = paragraphs(&tokens, &listed.newlines, style);
        (tokens, listed.marks, paras)
    }

    fn split(text: &str) -> Vec<&str> {
        let (tokens, marks, paras) = segmented(text, ParagraphStyle::EveryLine);
        sentences(text, &tokens, &paras, &marks)
            .into_iter()
            .map(|s| &text[s])
            .collect()
    }

    #[test]
    fn abbreviations_and_initials_do_not_end_sentences() {
        assert_eq!(
            split("Ia tinggal di Jl. Sudirman No. 5 dll. Lalu M. Tito datang. Selesai."),
            [
                "Ia tinggal di Jl. Sudirman No. 5 dll. Lalu M. Tito datang.",
                "Selesai."
            ]
        );
        assert_eq!(
            split("Kata PROF. Budi, sdri. Ani dan sdrii. Anto."),
            ["Kata PROF. Budi, sdri. Ani dan sdrii.", "Anto."],
            "the longest abbreviations, in any case, and a word one letter longer"
        );
    }

    #[test]
    fn quotes_and_numbers() {
        assert_eq!(
            split("“Kami siap.” Ia pergi pukul 10.00. Harga naik 2,5 persen!"),
            [
                "“Kami siap.”",
                "Ia pergi pukul 10.00.",
                "Harga naik 2,5 persen!"
            ]
        );
    }

    #[test]
    fn paragraph_styles() {
        let text = "satu\ndua\n\n tiga \n";
        let texts = |style| {
            let (_, _, paras) = segmented(text, style);
            paras.into_iter().map(|s| &text[s]).collect::<Vec<_>>()
        };
        assert_eq!(texts(ParagraphStyle::EveryLine), ["satu", "dua", "tiga"]);
        assert_eq!(texts(ParagraphStyle::BlankLine), ["satu\ndua", "tiga"]);
    }

    /// The paragraphs a walk over every token finds: a run of tokens with text in them, ended by
    /// a newline (every line) or by two with only blanks between them (blank lines).
    fn walked_paragraphs(tokens: &[Token], style: ParagraphStyle) -> Vec<Span> {
        let (mut out, mut start, mut end, mut newlines) = (Vec::new(), None, 0, 0);
        for t in tokens {
            match t.kind {
                TokenKind::Newline => {
                    newlines += 1;
                    if style == ParagraphStyle::EveryLine || newlines >= 2 {
                        out.extend(start.take().map(|s| s..end));
                    }
                }
                TokenKind::Space => {}
                _ => {
                    newlines = 0;
                    start.get_or_insert(t.start);
                    end = t.end;
                }
            }
        }
        out.extend(start.map(|s| s..end));
        out
    }

    const PIECES: [&str; 9] = ["a", "b.", " ", "  ", "\n", "\r\n", "\r", "\t", "“"];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Read between the newlines, paragraphs are those the walk over every token finds.
        #[test]
        fn paragraphs_agree_with_a_walk_over_every_token(
            pieces in prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..12),
        ) {
            let text = pieces.concat();
            for style in [ParagraphStyle::EveryLine, ParagraphStyle::BlankLine] {
                let (tokens, _, paras) = segmented(&text, style);
                prop_assert_eq!(paras, walked_paragraphs(&tokens, style), "{:?}", style);
            }
        }
    }

    #[test]
    fn quotations() {
        let text = "Ia berkata, “Kami siap,” lalu \"pergi\".\n“Terbuka tanpa tutup";
        let (tokens, marks, paras) = segmented(text, ParagraphStyle::EveryLine);
        let q: Vec<_> = quotes(text, &tokens, &paras, &marks)
            .into_iter()
            .map(|s| &text[s])
            .collect();
        assert_eq!(q, ["“Kami siap,”", "\"pergi\"", "“Terbuka tanpa tutup"]);
    }
}
