//! `stray-text`: a site's domain injected into running text by a scraper or a translation
//! pipeline (“sinergi studiopena.com Indonesia dan India”), as opposed to a dateline
//! (“studiopena.com, Jakarta –”), an attribution (“dikutip dari detik.com”) or an address the
//! sentence talks about (“melalui laman kemenkeu.go.id”); and translated boilerplate — credits,
//! syndication notices, “read more” lines — left in the story (`rules/stray-text.toml`).

use crate::source::is_lowercase_one_of;

use crate::data::schema::{Boilerplate, BoilerplateShape, StrayTextFile};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

/// Words after which a domain is what the sentence talks about, not an injection.
const CUES: &[&str] = &[
    "akses",
    "alamat",
    "aplikasi",
    "akun",
    "dari",
    "di",
    "diakses",
    "dikutip",
    "dilansir",
    "dilaporkan",
    "diunggah",
    "ditayangkan",
    "kanal",
    "ke",
    "kunjungi",
    "laman",
    "lewat",
    "melalui",
    "media",
    "mengakses",
    "mengunjungi",
    "membuka",
    "oleh",
    "pada",
    "platform",
    "portal",
    "sumber",
    "situs",
    "via",
    "web",
    "website",
    "yakni",
    "yaitu",
];

/// How many words a dateline has on either side of its domain.
const DATELINE_WORDS: usize = 6;

pub struct StrayText {
    boilerplate: Vec<Boilerplate>,
    /// The boilerplate phrases, by their index in `boilerplate`.
    phrases: PhraseList,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let data: StrayTextFile = setup.data();
    let patterns: Vec<String> = data.boilerplate.iter().map(|b| b.phrase.clone()).collect();
    Ok(Box::new(StrayText {
        boilerplate: data.boilerplate,
        // As written: boilerplate opens a line, a sentence or a parenthesis with its capital,
        // and the lower-case words it starts with (`semua`, `berita`) are common in prose.
        phrases: setup.lists.add(PhraseMatcher::new(&patterns, false)),
    }))
}

impl Rule for StrayText {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        injected_domains(doc, out);
        // The parenthesis closing the paragraph of the last phrase found, read once a paragraph.
        let mut closing: Option<(Span, Option<Span>)> = None;
        for found in self.phrases.find_in(doc, ctx.words()) {
            if !doc.is_word_boundary_span(&found.span) {
                continue;
            }
            let Some((_, para)) = doc.paragraph_at(found.span.start) else {
                continue;
            };
            if closing.as_ref().is_none_or(|(p, _)| *p != para) {
                closing = Some((para.clone(), closing_parenthesis(doc.text(), &para)));
            }
            let parenthesis = closing.as_ref().and_then(|(_, c)| c.as_ref());
            let entry = &self.boilerplate[found.pattern];
            out.extend(boilerplate(doc, &found.span, &para, parenthesis, entry));
        }
    }
}

/// Domains injected between two words of a sentence.
fn injected_domains(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let tokens = doc.tokens();
    for &i in doc.addresses() {
        let i = i as usize;
        let t = &tokens[i];
        if t.kind != TokenKind::Domain || in_dateline(doc, t) {
            continue;
        }
        // Injected text sits between two words, each one space away: `sinergi studiopena.com Indonesia`.
        let (Some(before), Some(after)) =
            (neighbour_word(tokens, i, -1), neighbour_word(tokens, i, 1))
        else {
            continue;
        };
        let prev = tokens[before];
        if is_lowercase_one_of(prev.text(text), CUES) {
            continue;
        }
        let domain = t.text(text);
        let span = t.start..tokens[after].start;
        let fix = Fix::replace(span, "", Applicability::Unsafe).with_message(Localized::new(
            format!("hapus “{domain}”"),
            format!("delete “{domain}”"),
        ));
        out.push(
            Diagnostic::new(
                t.span(),
                Localized::new(
                    format!("“{domain}” menyusup ke tengah kalimat"),
                    format!("“{domain}” is injected into the sentence"),
                ),
            )
            .with_fix(fix),
        );
    }
}

/// The finding for boilerplate starting at `phrase` in `para`, when it stands where its shape
/// says: the text to delete is the parenthesis (`parenthesis`, the one closing the paragraph),
/// the sentence or the line it opens.
fn boilerplate(
    doc: &Document,
    phrase: &Span,
    para: &Span,
    parenthesis: Option<&Span>,
    entry: &Boilerplate,
) -> Option<Diagnostic> {
    let text = doc.text();
    let para = para.clone();
    let opened = text[..phrase.start].trim_end_matches(' ');
    let flagged = if let Some(p) = parenthesis.filter(|p| p.start + 1 == opened.len()) {
        // The blanks before the parenthesis go with it.
        let start = text[..p.start].trim_end_matches(' ').len().max(para.start);
        (start..p.end, p.clone())
    } else {
        match entry.shape {
            BoilerplateShape::ClosingParenthesis => return None,
            BoilerplateShape::Line if phrase.start == para.start => {
                (line_with_break(doc, &para), para.clone())
            }
            BoilerplateShape::Sentence if doc.starts_sentence(phrase.start) => {
                let sentence = doc.sentence_at(phrase.start)?;
                if sentence.start != phrase.start {
                    return None;
                }
                if sentence == para {
                    (line_with_break(doc, &para), para.clone())
                } else if sentence.end == para.end {
                    // The last sentence: the blanks before it go with it.
                    let start = text[..sentence.start].trim_end_matches(' ').len();
                    (start..sentence.end, sentence)
                } else {
                    let end = sentence.end
                        + (text[sentence.end..para.end].len()
                            - text[sentence.end..para.end].trim_start_matches(' ').len());
                    (sentence.start..end, sentence)
                }
            }
            _ => return None,
        }
    };
    let (delete, shown) = flagged;
    let english = &entry.english;
    let message = Localized::new(
        format!("Teks baku terjemahan (“{english}”) tertinggal di berita"),
        format!("Translated boilerplate (“{english}”) left in the story"),
    );
    let fix = Fix::replace(delete, "", Applicability::Unsafe)
        .with_message(Localized::new("hapus", "delete"));
    Some(Diagnostic::new(shown, message).with_fix(fix))
}

/// The parenthesis that ends `para` (a full stop after it allowed), with no other inside it.
fn closing_parenthesis(text: &str, para: &Span) -> Option<Span> {
    let body = text[para.clone()].trim_end_matches(['.', ' ']);
    let inner = body.strip_suffix(')')?;
    let open = inner
        .rfind(['(', ')'])
        .filter(|&at| inner[at..].starts_with('('))?;
    Some(para.start + open..para.start + body.len())
}

/// A whole paragraph with the line break that separates it from the next one (or, for the last
/// one, from the one before), so deleting it leaves no empty line.
fn line_with_break(doc: &Document, para: &Span) -> Span {
    let paragraphs = doc.paragraphs();
    let i = paragraphs.partition_point(|p| p.end <= para.start);
    match (
        paragraphs.get(i + 1),
        i.checked_sub(1).map(|j| &paragraphs[j]),
    ) {
        (Some(next), _) => para.start..next.start,
        (None, Some(before)) => before.end..para.end,
        (None, None) => para.clone(),
    }
}

/// The word one single space before (`dir` = -1) or after (+1) token `i`.
fn neighbour_word(tokens: &[Token], i: usize, dir: isize) -> Option<usize> {
    let space = i.checked_add_signed(dir)?;
    let word = space.checked_add_signed(dir)?;
    let (s, w) = (tokens.get(space)?, tokens.get(word)?);
    (s.kind == TokenKind::Space && w.kind == TokenKind::Word).then_some(word)
}

/// A domain at the head of the first paragraph, before the dateline's dash that closes within a
/// few words after it (`studiopena.com Jakarta –`): a dateline.
fn in_dateline(doc: &Document, t: &Token) -> bool {
    let Some((0, para)) = doc.paragraph_at(t.start) else {
        return false;
    };
    let text = doc.text();
    let is_dash = |x: &&Token| matches!(x.text(text), "–" | "—" | "-");
    let head = doc.tokens_in(&(para.start..t.start));
    let words_before = head.iter().filter(|x| x.is_word()).count();
    let dash_closes = doc
        .tokens_in(&(t.end..para.end))
        .iter()
        .filter(|x| !x.is_blank())
        .take(DATELINE_WORDS)
        .any(|x| is_dash(&x));
    words_before < DATELINE_WORDS && !head.iter().any(|x| is_dash(&x)) && dash_closes
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn flagged(text: &str) -> Vec<String> {
        Check::rules(&["stray-text"]).flagged(text)
    }

    #[test]
    fn datelines_and_attributions_are_clean() {
        assert!(flagged("studiopena.com, Jakarta – Menteri datang.").is_empty());
        assert!(flagged("Jakarta, detik.com – Menteri datang.").is_empty());
        assert!(flagged("studiopena.com Jakarta – Menteri datang.").is_empty());
        assert!(flagged("Judul\nSeperti dikutip dari detik.com hari ini.").is_empty());
        assert!(
            flagged("Judul\nDaftar melalui laman cekbansos.kemensos.go.id sekarang.").is_empty()
        );
        assert!(flagged("Judul\nCek di https://a.go.id/x sekarang.").is_empty());
    }

    #[test]
    fn injections_are_flagged() {
        assert_eq!(
            flagged(
                "studiopena.com, Jakarta – Ya.\nMenciptakan sinergi studiopena.com Indonesia dan India."
            ),
            ["studiopena.com"]
        );
        assert_eq!(
            flagged("Menciptakan sinergi studiopena.com Indonesia dan India."),
            ["studiopena.com"]
        );
    }
}
