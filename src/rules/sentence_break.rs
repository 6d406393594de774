//! `sentence-break`: a full stop inside a sentence, as round-trip machine translation leaves it
//! (“harga beras naik. pedagang di pasar itu …”), and a speech tag said twice after a quotation
//! (“…,” ujarnya. tuturnya).

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::capitalize_first;
use crate::lang::word_classes::{continues_clause, is_speech_tag, opens_subordinate_clause};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Token, TokenKind, is_abbreviation};

pub struct SentenceBreak;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(SentenceBreak))
}

impl Rule for SentenceBreak {
    fn reads(&self) -> Reads {
        Reads::NOTHING
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        let tokens = doc.tokens();
        // Only full stops are read: the tokenizer lists every mark.
        for &mark in doc.marks() {
            let dot = mark as usize;
            if tokens[dot].text(text) != "." {
                continue;
            }
            let Some((before, after)) = words_around_stop(text, tokens, dot) else {
                continue;
            };
            let (said, next) = (tokens[before].text(text), tokens[after].text(text));
            if is_speech_tag(&said.to_lowercase()) && is_speech_tag(next) {
                out.push(doubled_tag(tokens, before, after, next));
                continue;
            }
            let joins = reads_on(doc, tokens[after], next);
            out.push(broken_sentence(tokens[dot], tokens[after], next, joins));
        }
    }
}

/// The word before the full stop at `dot` and the lower-case word one space after it, when the
/// stop ends neither an abbreviation, an initial, a number, an address nor an ellipsis.
fn words_around_stop(text: &str, tokens: &[Token], dot: usize) -> Option<(usize, usize)> {
    // Nearly every full stop ends a sentence before a capital or a line's end: the word after
    // it is read first, and only a lower-case one has the stop looked at.
    let (space, after) = (tokens.get(dot + 1)?, tokens.get(dot + 2)?);
    if space.kind != TokenKind::Space
        || space.end - space.start != 1
        || after.kind != TokenKind::Word
    {
        return None;
    }
    let word = after.text(text);
    // A lower-case word throughout: `iPhone` and `eKTP` are names that start lower-case.
    if !word.starts_with(char::is_lowercase) || word.chars().any(char::is_uppercase) {
        return None;
    }
    let before = dot.checked_sub(1)?;
    let prev = tokens[before];
    // `10.00. kemudian`, `… situs.com. yang`, `..` and `a.` are not sentences cut in two.
    let cut = prev.kind == TokenKind::Word
        && prev.text(text).chars().nth(1).is_some()
        && !prev.text(text).starts_with(|c: char| c.is_ascii_digit())
        && !is_abbreviation(text, tokens, dot);
    cut.then_some((before, dot + 2))
}

/// Whether the half after a stray full stop, starting with `written`, reads on from the half
/// before it: it starts with a word that carries the clause on, or with a subordinator whose
/// clause runs to its full stop (no comma before it opens a main clause). Only the text up to
/// the next mark of either kind is read, so a paragraph is read once however many stops it has.
fn reads_on(doc: &Document, word: Token, written: &str) -> bool {
    continues_clause(written)
        || (opens_subordinate_clause(written)
            && doc.paragraph_at(word.start).is_none_or(|(_, para)| {
                let rest = &doc.text()[word.end..para.end];
                rest.find([',', '.', '?', '!'])
                    .is_none_or(|at| &rest[at..at + 1] != ",")
            }))
}

/// A full stop before a lower-case word: join the halves (first when `joins`), or capitalise the
/// word.
fn broken_sentence(dot: Token, word: Token, written: &str, joins: bool) -> Diagnostic {
    let join = Fix::replace(dot.span(), "", Applicability::Unsafe).with_message(Localized::new(
        "gabungkan kalimat (hapus titik)",
        "join the sentences (delete the full stop)",
    ));
    let capital = capitalize_first(written);
    let capitalise = Fix::replace(word.span(), capital.clone(), Applicability::Unsafe)
        .with_message(Localized::new(
            format!("awali kalimat dengan huruf kapital: “{capital}”"),
            format!("start the sentence with a capital: “{capital}”"),
        ));
    let fixes = if joins {
        [join, capitalise]
    } else {
        [capitalise, join]
    };
    let message = Localized::new(
        format!(
            "Huruf kecil “{written}” setelah titik: kalimat terpotong atau huruf kapitalnya hilang"
        ),
        format!("Lower-case “{written}” after a full stop: a broken sentence or a missing capital"),
    );
    let [first, second] = fixes;
    Diagnostic::new(dot.start..word.end, message)
        .with_fix(first)
        .with_fix(second)
}

/// A second speech tag after the first (`ujarnya. tuturnya`): the second is deleted.
fn doubled_tag(tokens: &[Token], first: usize, second: usize, written: &str) -> Diagnostic {
    let span = tokens[first].end..tokens[second].end;
    let message = Localized::new(
        format!("Keterangan ujaran ganda: “{written}” mengulang yang sebelumnya"),
        format!("A doubled speech tag: “{written}” repeats the one before it"),
    );
    let fix = Fix::replace(span.clone(), "", Applicability::Safe).with_message(Localized::new(
        format!("hapus “{written}”"),
        format!("delete “{written}”"),
    ));
    Diagnostic::new(tokens[second].span(), message).with_fix(fix)
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        Check::rules(&["sentence-break"]).found(text)
    }

    #[test]
    fn abbreviations_numbers_addresses_and_ellipses_are_left_alone() {
        for text in [
            "Ia tinggal di Jl. melati, sedang kami di Gg. mawar.",
            "Kami membawa tas, buku, dll. untuk dibagikan.",
            "Dikirim a.n. kepala desa pada pukul 10.00. kemudian rapat dimulai.",
            "Ia menunggu... lalu pergi. Lihat situs.com. dan seterusnya.",
            "Model baru itu bernama iPhone. eKTP berlaku.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn the_likelier_fix_comes_first() {
        assert_eq!(
            found("Harga naik. pedagang mengeluh."),
            [(". pedagang".to_string(), Some("Pedagang".to_string()))]
        );
        assert_eq!(
            found("Bantuan disiapkan. yang akan dibagikan besok."),
            [(". yang".to_string(), Some(String::new()))]
        );
        assert_eq!(
            found("“Kami siap,” ujarnya. tuturnya."),
            [("tuturnya".to_string(), Some(String::new()))]
        );
    }
}
