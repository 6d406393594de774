//! Whether a sentence speaks of another time than the article's: a past marker (“mantan”, “kini
//! bernama”), a future one (“akan”, “calon”), a change of the institution itself (“dibentuk”,
//! “dipecah menjadi”, “berganti nama”), or a year before or after a name's period.

use crate::lang::calendar::Date;
use crate::source::{Document, Span, TokenKind};

/// Words that place a mention in the past or say what it became (“mantan Menkominfo”, “Kominfo,
/// yang kini bernama Komdigi”); compared lower-case, whole words, anywhere in the sentence.
const PAST_MARKERS: &[&str] = &[
    "mantan",
    "eks",
    "bekas",
    "dulu",
    "dahulu",
    "sebelumnya",
    "semula",
    "kini",
    "sekarang",
    "semasa",
    "era",
    "masa",
    "periode",
    "berubah",
    "pernah",
    "sempat",
    "lama",
    "silam",
    "lalu",
];

/// Two-word markers (“saat masih”, “kala itu”).
const PAST_PHRASES: &[(&str, &str)] = &[
    ("saat", "masih"),
    ("ketika", "masih"),
    ("waktu", "masih"),
    ("kala", "itu"),
    ("saat", "itu"),
    ("ketika", "itu"),
    ("waktu", "itu"),
];

/// Words that speak of an institution being created, renamed, split, merged or dissolved: such a
/// sentence names it before and after, and both names are right (“Kemenkumham dipecah menjadi
/// Kemenkum, Kementerian HAM, dan Kemenimipas”).
const CHANGE_MARKERS: &[&str] = &[
    "dibentuk",
    "pembentukan",
    "dipecah",
    "pemecahan",
    "dimekarkan",
    "pemekaran",
    "dilebur",
    "peleburan",
    "digabung",
    "digabungkan",
    "penggabungan",
    "dibubarkan",
    "pembubaran",
    "berganti",
    "bernama",
    "nomenklatur",
    "bertransformasi",
    "menggantikan",
];

/// Words that place a mention in the future (“akan”, “calon”).
const FUTURE_MARKERS: &[&str] = &[
    "akan", "bakal", "calon", "rencana", "nantinya", "kelak", "usulan", "kini", "sekarang",
];

/// Whether the sentence around `span` speaks of the time before `until` ends: a past marker, or
/// a year up to `until`'s year (“pada 2023 Kominfo …”).
pub fn speaks_of_past(doc: &Document, span: &Span, until: Date) -> bool {
    let words = sentence_words(doc, span);
    words
        .iter()
        .any(|w| PAST_MARKERS.contains(&w.as_str()) || CHANGE_MARKERS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| PAST_PHRASES.contains(&(p[0].as_str(), p[1].as_str())))
        || words
            .iter()
            .any(|w| year_of(w).is_some_and(|y| y <= until.year))
}

/// Whether the sentence around `span` speaks of the time from `from` on: a future marker or a
/// year from `from`'s year on.
pub fn speaks_of_future(doc: &Document, span: &Span, from: Date) -> bool {
    let words = sentence_words(doc, span);
    words
        .iter()
        .any(|w| FUTURE_MARKERS.contains(&w.as_str()) || CHANGE_MARKERS.contains(&w.as_str()))
        || words
            .iter()
            .any(|w| year_of(w).is_some_and(|y| y >= from.year))
}

/// Whether the sentence around `span` speaks of another time or of a change, whatever the
/// dates: a past, future or change marker (“dulu”, “akan”, “dipecah”).
pub fn speaks_of_another_time(doc: &Document, span: &Span) -> bool {
    let words = sentence_words(doc, span);
    words.iter().any(|w| {
        let w = w.as_str();
        PAST_MARKERS.contains(&w) || FUTURE_MARKERS.contains(&w) || CHANGE_MARKERS.contains(&w)
    }) || words
        .windows(2)
        .any(|p| PAST_PHRASES.contains(&(p[0].as_str(), p[1].as_str())))
}

fn sentence_words(doc: &Document, span: &Span) -> Vec<String> {
    let sentence = doc.sentence_at(span.start).unwrap_or(span.clone());
    doc.tokens_in(&sentence)
        .iter()
        .filter(|t| t.is_word() || t.kind == TokenKind::Number)
        .map(|t| t.text(doc.text()).to_lowercase())
        .collect()
}

/// A four-digit year from 1945 on.
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1945..=9999).contains(y))
}
