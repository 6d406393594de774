//! Where a document names a registered institution or person.

use super::{FormKind, Mention, Pattern, PersonId, Register};
use crate::lang::calendar::{MONTHS_ID, WEEKDAYS_ID};
use crate::lang::case::is_title_case;
use crate::lang::lexicon::{Lexicon, Words};
use crate::source::{Document, Span};

impl Register {
    /// Every name form in `doc` on word boundaries, except short forms that a regional office
    /// uses where the context is regional (“Dinas Kominfo”, “Kominfo Jatim”), and names that
    /// go on into a longer, other name.
    pub fn mentions(&self, doc: &Document, words: &Words, lexicon: &Lexicon) -> Vec<Mention> {
        let text = doc.text();
        let found = self.matcher.find_in(doc, words);
        let starts_name = |at: usize| found.binary_search_by_key(&at, |m| m.span.start).is_ok();
        (found.iter())
            .filter_map(|m| {
                let span = m.span.clone();
                let written = &text[span.clone()];
                // The matcher finds one of the patterns that fold to the same text (LAPAN,
                // Lapan): the one written so, as a name in capitals, or capitalised as it must
                // be, is the mention's.
                let pattern = self.written_as(m.pattern, written)?;
                if !doc.is_word_boundary_span(&span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.regional) && regional_context(doc, &span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.kind == FormKind::Name)
                    && continues_name(doc, lexicon, span.end, starts_name)
                {
                    return None;
                }
                Some(Mention {
                    span,
                    refs: pattern.refs.clone(),
                })
            })
            .collect()
    }

    /// Of the patterns that fold to the same text as pattern `found`, the first that `written`
    /// writes: as it is written, or in capitals, for a one-word form; with every word
    /// capitalised, for a name in English order.
    fn written_as(&self, found: usize, written: &str) -> Option<&Pattern> {
        let fits = |pattern: &Pattern| {
            // In capitals, compared without building an upper-case copy per match.
            let in_capitals = || {
                (pattern.text.chars())
                    .flat_map(char::to_uppercase)
                    .eq(written.chars())
            };
            let cased = !pattern.case_sensitive || written == pattern.text || in_capitals();
            let capitalised = !pattern.capitalised
                || (written.split(' ')).all(|w| w.chars().next().is_some_and(char::is_uppercase));
            cased && capitalised
        };
        let first = &self.patterns[found];
        if fits(first) {
            return Some(first);
        }
        (self
            .by_folded_text
            .get(&first.text.to_ascii_lowercase())?
            .iter())
        .map(|&i| &self.patterns[i])
        .find(|p| fits(p))
    }

    /// The person named right after `offset` (after spaces or a comma), if the register knows them.
    pub fn person_after(&self, doc: &Document, offset: usize) -> Option<(Span, PersonId)> {
        let text = doc.text();
        let rest = &text[offset..];
        let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
        if skip == 0 || skip > 3 {
            return None;
        }
        let start = offset + skip;
        let m = self.person_matcher.match_at_start(&text[start..])?;
        let span = start + m.span.start..start + m.span.end;
        doc.is_word_boundary_span(&span)
            .then(|| (span, self.person_patterns[m.pattern]))
    }
}

/// Whether a name goes on past `end` into a capitalised word that is not a day or month
/// (“Kementerian Investasi, Perdagangan dan Industri Malaysia”, “Kementerian Keuangan Jepang”,
/// “Menteri Perdagangan Singapura”): a longer, other name, or after a title a person's name.
///
/// Not after a comma when another name or an acronym follows (a list: “Kementerian Komunikasi
/// dan Informatika, Bappenas, dan BPS”), nor in a headline when the word reads as a common word
/// (“Menteri Komunikasi dan Informatika Tinjau Pusat Data”). `starts_name` tells where another
/// registered name starts.
pub fn continues_name(
    doc: &Document,
    lexicon: &Lexicon,
    end: usize,
    starts_name: impl Fn(usize) -> bool,
) -> bool {
    let text = doc.text();
    let after = &text[end..];
    let (rest, after_comma) = match after.strip_prefix(", ") {
        Some(rest) => (rest, true),
        None => match after.strip_prefix(' ') {
            Some(rest) => (rest, false),
            None => return false,
        },
    };
    let word_start = text.len() - rest.len();
    let word: &str = &rest[..rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len())];
    // The country after a name is the same name (Kementerian Agama RI, DPR Republik Indonesia).
    if !word.chars().next().is_some_and(char::is_uppercase)
        || WEEKDAYS_ID.contains(&word)
        || MONTHS_ID.contains(&word)
        || word == "RI"
        || rest.starts_with("Republik Indonesia")
    {
        return false;
    }
    if after_comma && (starts_name(word_start) || is_acronym(word)) {
        return false;
    }
    let headline = doc
        .paragraph_at(end)
        .is_some_and(|(_, line)| is_title_case(doc.slice(&line)));
    !(headline && lexicon.reads_as_common_word(word))
}

/// Two capitals or more and no lower-case letter: `BPS`, `DPR`.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_uppercase()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// Words before a regional office's short form that make it regional (Dinas PUPR, Kadis PUPR).
const REGIONAL_WORDS: &[&str] = &[
    "dinas",
    "kadis",
    "diskominfo",
    "pemprov",
    "pemkab",
    "pemkot",
    "provinsi",
    "kabupaten",
    "kota",
    "daerah",
];

/// Whether a regional office's short form at `span` names a provincial or district office: a
/// regional word before it in the sentence (Dinas, Kadis, Pemprov) or a place name right after
/// it (“Kominfo Jatim”).
fn regional_context(doc: &Document, span: &Span) -> bool {
    let text = doc.text();
    let sentence = doc.sentence_at(span.start).unwrap_or(span.clone());
    let before = text[sentence.start..span.start].to_lowercase();
    if before
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| REGIONAL_WORDS.contains(&w))
    {
        return true;
    }
    let after = &text[span.end..];
    after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase)
}
