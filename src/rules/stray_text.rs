//! `stray-text`: a site's domain injected into running text by a scraper or a translation
//! pipeline (“sinergi studiopena.com Indonesia dan India”), as opposed to a dateline
//! (“studiopena.com, Jakarta –”), an attribution (“dikutip dari detik.com”) or an address the
//! sentence talks about (“melalui laman kemenkeu.go.id”).

use crate::source::is_lowercase_one_of;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Token, TokenKind};

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

pub struct StrayText;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(StrayText))
}

impl Rule for StrayText {
    fn reads(&self) -> Reads {
        Reads::NOTHING
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
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
