//! Where a document names a registered institution or person.

use super::{FormKind, Mention, PersonId, Register};
use crate::lang::calendar::{MONTHS_ID, WEEKDAYS_ID};
use crate::lang::lexicon::Words;
use crate::source::{Document, Span};

impl Register {
    /// Every name form in `doc` on word boundaries, except short forms that a regional office
    /// uses where the context is regional (“Dinas Kominfo”, “Kominfo Jatim”), and names that
    /// go on into a longer, other name.
    pub fn mentions(&self, doc: &Document, words: &Words) -> Vec<Mention> {
        let text = doc.text();
        self.matcher
            .find_in(doc, words)
            .into_iter()
            .filter_map(|m| {
                let span = m.span;
                let pattern = &self.patterns[m.pattern];
                let found = &text[span.clone()];
                // In capitals, compared without building an upper-case copy per match.
                let in_capitals = || {
                    pattern
                        .text
                        .chars()
                        .flat_map(char::to_uppercase)
                        .eq(found.chars())
                };
                if pattern.case_sensitive && found != pattern.text && !in_capitals() {
                    return None;
                }
                if !doc.is_word_boundary_span(&span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.regional) && regional_context(doc, &span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.kind == FormKind::Name)
                    && continues_name(text, span.end)
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

/// Whether a name goes on past `end` into a capitalised word that is not a day or month (“Kementerian
/// Investasi, Perdagangan dan Industri Malaysia”, “Kementerian Keuangan Jepang”, “Menteri
/// Perdagangan Singapura”): a longer, other name, or after a title a person's name.
pub fn continues_name(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let Some(rest) = after.strip_prefix(", ").or_else(|| after.strip_prefix(' ')) else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && !WEEKDAYS_ID.contains(&word.as_str())
        && !MONTHS_ID.contains(&word.as_str())
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
