//! `date-format`: dates and times written the English way — US month-first order (`1/25/2025`),
//! English month and weekday names (`January`, `Monday`), English order (`January 25, 2025`,
//! `Oktober 21, 2025`), and clock times (`10:00 AM`, `pukul 10:00`) — rewritten the Indonesian way
//! (`25/1/2025`, `25 Januari 2025`, `Senin`, `pukul 10.00`).
//!
//! A numeric date readable both ways (`3/4/2025`) is flagged only when the document decides it:
//! another date that can only be month-first, or a weekday beside it that fits only the US reading.
//! English names are flagged only beside a day or a year (or a weekday beside a date, or after
//! `hari`/`pada`), so `August Mellaz` and a film called “May” stay clean.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::{ArticleDate, WEEKDAYS_ID};
use crate::lang::case::match_case;
use crate::lang::dates::{
    self, DateForm, DateMention, Evidence, NameLanguage, NumericDate, Order, WrittenDate,
    weekday_name,
};
use crate::lang::lexicon::Words;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind, is_lowercase_one_of};

/// Words before an English weekday name that make it a day, not part of a name (`pada Monday`).
const WEEKDAY_CUES: &[&str] = &[
    "hari", "hingga", "mulai", "pada", "sampai", "sejak", "setiap", "tiap",
];

/// Words after an English weekday name that make it a day (`Monday lalu`, `Friday malam`).
const WEEKDAY_CUES_AFTER: &[&str] = &[
    "depan", "ini", "kemarin", "lalu", "malam", "pagi", "siang", "sore",
];

/// Words before a bare hour that make a capital `AM`/`PM` after it a time, not someone's initials
/// (`hingga 3 PM`, but `2 AM dan RS` are people).
const TIME_CUES: &[&str] = &[
    "dari", "hingga", "jam", "mulai", "pada", "pukul", "sampai", "sejak", "sekitar",
];

/// Words before `10:00` that make it a time (besides `pukul`, `jam` and a time zone after it).
const COLON_TIME_CUES: &[&str] = &["hingga", "mulai", "sampai", "sejak", "sekitar"];

/// Time zones a clock time may carry.
const TIME_ZONES: &[&str] = &["WIB", "WITA", "Wita", "WIT", "GMT", "UTC"];

/// English month names that are also English words or given names: in quoted speech they are
/// flagged only inside a full date (`“March 3, 2025”`), never beside a lone year.
const AMBIGUOUS_MONTHS: &[u8] = &[3, 5, 6, 7, 8];

pub struct DateFormat;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(DateFormat))
}

impl Rule for DateFormat {
    fn reads(&self) -> Reads {
        Reads::DATES.and(Reads::WORDS)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let found = ctx.dates();
        let order = dates::document_order(found);
        let article = ctx.date();
        let article = article.as_ref();
        for mention in found {
            match &mention.form {
                DateForm::Numeric(n) => out.extend(numeric(doc, article, mention, n, order, found)),
                DateForm::Written(w) => out.extend(written(doc, mention, w)),
            }
        }
        english_weekdays(doc, ctx.words(), found, out);
        clock_times(doc, out);
    }
}

/// A numeric date in US order, or one that does not exist.
fn numeric(
    doc: &Document,
    article: Option<&ArticleDate>,
    mention: &DateMention,
    date: &NumericDate,
    order: Option<Order>,
    all: &[DateMention],
) -> Option<Diagnostic> {
    let text = doc.slice(&mention.span);
    let Some(intended) = mention.intended(article, order) else {
        // A weekday beside an impossible date is date-weekday's to report.
        return (mention.has_year() && mention.weekday.is_none()).then(|| {
            Diagnostic::new(
                mention.span.clone(),
                Localized::new(
                    format!("Tanggal “{text}” tidak ada"),
                    format!("There is no date “{text}”"),
                ),
            )
            .with_note(Localized::new(
                "periksa tanggalnya pada sumber berita",
                "check the date against the source",
            ))
        });
    };
    if intended.order != Order::MonthFirst {
        return None;
    }
    let fixed = date.swapped();
    let certain = intended.evidence == Evidence::OnlyValid;
    let (seems_id, seems_en) = if certain {
        ("", "is ")
    } else {
        ("tampaknya ", "appears to be ")
    };
    let message = Localized::new(
        format!(
            "Tanggal “{text}” {seems_id}berurutan Amerika (bulan/hari); tulis hari lebih dulu: “{fixed}”"
        ),
        format!(
            "“{text}” {seems_en}in US order (month/day); Indonesian puts the day first: “{fixed}”"
        ),
    );
    let applicability = if certain {
        Applicability::Safe
    } else {
        Applicability::Unsafe
    };
    let mut d = Diagnostic::new(mention.span.clone(), message).with_fix(Fix::replace(
        mention.span.clone(),
        fixed,
        applicability,
    ));
    match intended.evidence {
        Evidence::Document => {
            if let Some(us) = all
                .iter()
                .find(|m| matches!(&m.form, DateForm::Numeric(n) if n.only_month_first()))
            {
                d = d.with_label(
                    us.span.clone(),
                    Localized::new(
                        "tanggal ini hanya bisa dibaca bulan/hari",
                        "this date can only be month/day",
                    ),
                );
            }
            d = d.with_note(Localized::new(
                format!(
                    "“{text}” bisa dibaca dua arah; tanggal lain di teks ini berurutan Amerika"
                ),
                format!("“{text}” reads both ways; another date in this text is in US order"),
            ));
        }
        Evidence::Weekday => {
            let day = mention.weekday.as_ref().map_or("", |w| doc.slice(&w.span));
            d = d.with_note(Localized::new(
                format!(
                    "“{text}” bisa dibaca dua arah; hari “{day}” hanya cocok dengan {}",
                    intended.date.long_id()
                ),
                format!(
                    "“{text}” reads both ways; “{day}” fits only {}",
                    intended.date.long_en()
                ),
            ));
        }
        Evidence::OnlyValid | Evidence::Default => {}
    }
    Some(d)
}

/// English month names and English order.
fn written(doc: &Document, mention: &DateMention, date: &WrittenDate) -> Option<Diagnostic> {
    let english = date.month.lang == NameLanguage::English;
    let ordinal = date
        .day
        .as_ref()
        .is_some_and(|d| doc.slice(d).ends_with(|c: char| c.is_ascii_alphabetic()));
    if !english && !date.month_first && !ordinal {
        return None;
    }
    let full_date = date.day.is_some() && date.year.is_some();
    if english
        && !full_date
        && AMBIGUOUS_MONTHS.contains(&date.month.month)
        && doc.in_quote(&mention.span)
    {
        return None;
    }
    let month_text = doc.slice(&date.month_span);
    let month = if english {
        let dot = if month_text.ends_with('.') { "." } else { "" };
        format!("{}{dot}", date.month.indonesian())
    } else {
        month_text.to_string()
    };
    let text = doc.slice(&mention.span);
    // `25th` → `25`.
    let day = date.day.as_ref().map(|d| {
        doc.slice(d)
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
    });
    let (span, replacement): (Span, String) = match day {
        Some(day) if date.month_first => {
            let year = date
                .year
                .as_ref()
                .map_or(String::new(), |(_, y)| format!(" {y}"));
            (mention.span.clone(), format!("{day} {month}{year}"))
        }
        Some(day) if ordinal => (
            mention.span.start..date.month_span.end,
            format!("{day} {month}"),
        ),
        _ => (date.month_span.clone(), month),
    };
    let message = if date.month_first || ordinal {
        Localized::new(
            format!("Urutan tanggal bergaya Inggris “{text}”; tulis “{replacement}”"),
            format!("“{text}” is in English order; write “{replacement}”"),
        )
    } else {
        Localized::new(
            format!("Nama bulan bahasa Inggris “{month_text}”; tulis “{replacement}”"),
            format!("“{month_text}” is an English month name; write “{replacement}”"),
        )
    };
    Some(
        Diagnostic::new(span.clone(), message).with_fix(Fix::replace(
            span,
            replacement,
            Applicability::Safe,
        )),
    )
}

/// English weekday names beside a date or after a cue word (`pada Monday`).
fn english_weekdays(
    doc: &Document,
    words: &Words,
    found: &[DateMention],
    out: &mut Vec<Diagnostic>,
) {
    let beside_date: Vec<&Span> = found
        .iter()
        .filter_map(|m| m.weekday.as_ref().map(|w| &w.span))
        .collect();
    let text = doc.text();
    let tokens = doc.tokens();
    // A weekday name is a word: the other half of the tokens is not read.
    for word in words.uses() {
        let i = word.token as usize;
        let token = &tokens[i];
        let Some(name) = weekday_name(text, token).filter(|n| n.english) else {
            continue;
        };
        let word = token.text(text);
        let span = token.span();
        let next = next_word(tokens, text, i);
        let cued_before = previous_word(tokens, text, i)
            .is_some_and(|w| is_lowercase_one_of(w, WEEKDAY_CUES))
            && !next.is_some_and(|w| w.starts_with(char::is_uppercase));
        let cued_after = next.is_some_and(|w| WEEKDAY_CUES_AFTER.contains(&w));
        let cued = cued_before || cued_after;
        if !beside_date.contains(&&span) && !cued {
            continue;
        }
        let replacement = match_case(word, WEEKDAYS_ID[name.weekday]);
        out.push(
            Diagnostic::new(
                span.clone(),
                Localized::new(
                    format!("Nama hari bahasa Inggris “{word}”; tulis “{replacement}”"),
                    format!("“{word}” is an English weekday name; write “{replacement}”"),
                ),
            )
            .with_fix(Fix::replace(span, replacement, Applicability::Safe)),
        );
    }
}

/// The word just before token `i` on the same line (spaces skipped).
fn previous_word<'a>(tokens: &[Token], text: &'a str, i: usize) -> Option<&'a str> {
    let j = (0..i).rev().find(|&j| tokens[j].kind != TokenKind::Space)?;
    tokens[j].is_word().then(|| tokens[j].text(text))
}

fn next_word<'a>(tokens: &[Token], text: &'a str, i: usize) -> Option<&'a str> {
    let j = (i + 1..tokens.len()).find(|&j| tokens[j].kind != TokenKind::Space)?;
    tokens[j].is_word().then(|| tokens[j].text(text))
}

/// A clock time as written.
struct Clock {
    hour: u8,
    minute: u8,
}

/// `10:00`, `10.30` (`.` only with AM/PM), `10` (only with AM/PM).
fn parse_clock(s: &str, with_meridiem: bool) -> Option<Clock> {
    let (h, m) = match s.split_once([':', '.']) {
        Some((h, m)) => {
            if s.contains('.') && !with_meridiem {
                return None;
            }
            (h, Some(m))
        }
        None if with_meridiem => (s, None),
        None => return None,
    };
    let hour: u8 = h.parse().ok().filter(|_| (1..=2).contains(&h.len()))?;
    let minute: u8 = match m {
        Some(m) if m.len() == 2 => m.parse().ok()?,
        Some(_) => return None,
        None => 0,
    };
    let max_hour = if with_meridiem { 12 } else { 24 };
    (hour <= max_hour && minute < 60 && (!with_meridiem || hour >= 1))
        .then_some(Clock { hour, minute })
}

/// An AM/PM marker starting at token `i`: `AM`, `pm`, `a.m.`; returns whether it is PM and the
/// last token it takes.
fn meridiem(tokens: &[Token], text: &str, i: usize) -> Option<(bool, usize)> {
    let t = tokens.get(i)?;
    let s = t.text(text);
    if t.is_word() && (s.eq_ignore_ascii_case("am") || s.eq_ignore_ascii_case("pm")) {
        return Some((s.eq_ignore_ascii_case("pm"), i));
    }
    let is = |j: usize, want: &str| {
        tokens
            .get(j)
            .is_some_and(|t| t.text(text).eq_ignore_ascii_case(want))
    };
    if t.is_word()
        && (s.eq_ignore_ascii_case("a") || s.eq_ignore_ascii_case("p"))
        && is(i + 1, ".")
        && is(i + 2, "m")
    {
        let last = if is(i + 3, ".") { i + 3 } else { i + 2 };
        return Some((s.eq_ignore_ascii_case("p"), last));
    }
    None
}

/// Clock times with a colon or AM/PM: `10:00 AM` → `pukul 10.00`, `pukul 13:30` → `pukul 13.30`.
fn clock_times(doc: &Document, out: &mut Vec<Diagnostic>) {
    let text = doc.text();
    let tokens = doc.tokens();
    // A time holds a digit: only the tokens holding one are looked at.
    for &i in doc.digits() {
        let token = &tokens[i];
        if !matches!(token.kind, TokenKind::Number | TokenKind::Word) {
            continue;
        }
        // `10AM`, `9.30pm` come as one word.
        let bytes = &text.as_bytes()[token.span()];
        let glued = token.is_word()
            && bytes.len() > 2
            && bytes[0].is_ascii_digit()
            && matches!(
                &bytes[bytes.len() - 2..],
                [b'a' | b'A' | b'p' | b'P', b'm' | b'M']
            );
        if token.kind != TokenKind::Number && !glued {
            continue;
        }
        let s = token.text(text);
        let next = (i + 1..tokens.len()).find(|&j| tokens[j].kind != TokenKind::Space);
        let (clock_text, marker) = if glued {
            let (digits, m) = s.split_at(s.len() - 2);
            (digits, Some((m.eq_ignore_ascii_case("pm"), i)))
        } else {
            (s, next.and_then(|j| meridiem(tokens, text, j)))
        };
        let prefix = previous_word(tokens, text, i)
            .filter(|w| w.eq_ignore_ascii_case("pukul") || w.eq_ignore_ascii_case("jam"));
        // Without AM/PM, only a colon time beside `pukul`, a time zone or a cue word: most
        // numbers end here.
        if marker.is_none() {
            let zone = || next.is_some_and(|j| TIME_ZONES.contains(&tokens[j].text(text)));
            let cued = || {
                previous_word(tokens, text, i)
                    .is_some_and(|w| is_lowercase_one_of(w, COLON_TIME_CUES))
            };
            if !(clock_text.contains(':') && (prefix.is_some() || zone() || cued())) {
                continue;
            }
        }
        let times: Vec<&str> = clock_text.split('-').collect();
        if marker.is_some() && times.len() != 1 {
            continue;
        }
        let Some(clocks) = times
            .iter()
            .map(|t| parse_clock(t, marker.is_some()))
            .collect::<Option<Vec<Clock>>>()
        else {
            continue;
        };
        let bare_hour_with_capitals = marker.is_some()
            && !clock_text.contains([':', '.'])
            && next.is_some_and(|j| matches!(tokens[j].text(text), "AM" | "PM"));
        if bare_hour_with_capitals
            && !previous_word(tokens, text, i).is_some_and(|w| is_lowercase_one_of(w, TIME_CUES))
        {
            continue;
        }
        let end = marker.map_or(token.end, |(_, last)| tokens[last].end);
        let span = token.start..end;
        let written: String = match marker {
            Some((pm, _)) => {
                let c = &clocks[0];
                let hour = match (pm, c.hour) {
                    (false, 12) => 0,
                    (true, 12) => 12,
                    (true, h) => h + 12,
                    (false, h) => h,
                };
                format!("{hour:02}.{:02}", c.minute)
            }
            None => clock_text.replace(':', "."),
        };
        let replacement = if prefix.is_some() {
            written
        } else {
            format!("pukul {written}")
        };
        let found = &text[span.clone()];
        out.push(
            Diagnostic::new(span.clone(),
                Localized::new(
                    format!("Penulisan waktu bergaya Inggris “{found}”; tulis “{replacement}”"),
                    format!("“{found}” is an English-style time; write “{replacement}”"),
                ),
            )
            .with_note(Localized::new(
                "EYD: jam dan menit dipisah titik (pukul 10.00 WIB); sebutkan zona waktu bila diketahui",
                "EYD: hours and minutes are separated by a full stop (pukul 10.00 WIB); give the time zone when known",
            ))
            .with_fix(Fix::replace(span, replacement, Applicability::Safe)),
        );
    }
}
