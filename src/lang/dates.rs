//! Reading dates out of Indonesian news text: numeric dates (`25/1/2025`, `25-1-2025`,
//! `25.1.2025`, and `(25/1)` beside a weekday), written dates in Indonesian and English
//! (`25 Januari 2025`, `Jan. 25, 2025`, `Oktober 21, 2025`), the weekday written before a date,
//! and the article's own date.
//!
//! What only looks like a date is left out: versions and section numbers, scores (`2-1`), ranges
//! (`2020-2025`), fractions and neighbourhood numbers (`RT 01/05`: a date without a year counts only
//! beside a weekday), phone numbers, times, and numbers inside longer codes (`PRINT-02/…/10/2025`).

use super::calendar::{
    ArticleDate, Date, DateSource, MONTHS_EN, MONTHS_ID, WEEKDAYS_EN, WEEKDAYS_ID,
};

use super::shapes::{Case, Shapes};
use crate::source::{Document, Span, Token, TokenKind, is_lowercase_one_of};

/// Abbreviated month names: (abbreviation, month, language).
const MONTH_ABBREVIATIONS: &[(&str, u8, NameLanguage)] = &[
    ("Jan", 1, NameLanguage::Both),
    ("Feb", 2, NameLanguage::Both),
    ("Mar", 3, NameLanguage::Both),
    ("Apr", 4, NameLanguage::Both),
    ("Jun", 6, NameLanguage::Both),
    ("Jul", 7, NameLanguage::Both),
    ("Agt", 8, NameLanguage::Indonesian),
    ("Agu", 8, NameLanguage::Indonesian),
    ("Ags", 8, NameLanguage::Indonesian),
    ("Aug", 8, NameLanguage::English),
    ("Sep", 9, NameLanguage::Both),
    ("Sept", 9, NameLanguage::Both),
    ("Okt", 10, NameLanguage::Indonesian),
    ("Oct", 10, NameLanguage::English),
    ("Nov", 11, NameLanguage::Both),
    ("Des", 12, NameLanguage::Indonesian),
    ("Dec", 12, NameLanguage::English),
];

/// The shapes of every month name and abbreviation.
const MONTH_SHAPES: Shapes = {
    let mut shapes = Shapes::NONE
        .with(&MONTHS_ID, Case::Any)
        .with(&MONTHS_EN, Case::Any);
    let mut i = 0;
    while i < MONTH_ABBREVIATIONS.len() {
        shapes = shapes.with_name(MONTH_ABBREVIATIONS[i].0, Case::AsListed);
        i += 1;
    }
    shapes
};

/// The shapes of every weekday name, capitalised as they must be.
const WEEKDAY_SHAPES: Shapes = Shapes::NONE
    .with(&WEEKDAYS_ID, Case::AsListed)
    .with_name(AHAD, Case::AsListed)
    .with(&WEEKDAYS_EN, Case::AsListed);

/// Sunday in the Arabic-derived name some regions and outlets use.
const AHAD: &str = "Ahad";

/// The Indonesian abbreviation used for a month when an English one is replaced.
const INDONESIAN_ABBREVIATIONS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agt", "Sep", "Okt", "Nov", "Des",
];

/// Words before a number that make it a code rather than a date: `Nomor 12/3/2025`, `RT 01/05`.
const NUMBER_LABELS: &[&str] = &[
    "kode", "no", "nomer", "nomor", "nr", "pasal", "ayat", "ref", "rt", "rw", "seri", "tipe",
    "versi", "version",
];

/// Words before a month name that lead to a date: `pada Juni 3`, `sejak bulan Mei 11`.
const DATE_CUES: &[&str] = &[
    "bulan",
    "hingga",
    "jelang",
    "menjelang",
    "mulai",
    "pada",
    "per",
    "sampai",
    "sebelum",
    "sejak",
    "setelah",
    "tanggal",
];

/// Words after a day that go on with a date rather than count something: `Mei 11 lalu`.
const DATE_CONTINUATIONS: &[&str] = &[
    "dan",
    "di",
    "hingga",
    "lalu",
    "malam",
    "mendatang",
    "nanti",
    "pagi",
    "pukul",
    "sampai",
    "siang",
    "sore",
    "waktu",
];

/// How many words may stand between a weekday and the bracketed date it is linked to
/// (`Kamis sore di Surabaya (12/6/2025)`): a time of day and a place.
const WORDS_TO_BRACKETED_DATE: usize = 5;

/// Time-of-day words that may stand between a weekday and its date: `Selasa malam (21/10/2025)`.
const DAY_PARTS: &[&str] = &["pagi", "siang", "sore", "malam"];

/// Which language a month or weekday name belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameLanguage {
    Indonesian,
    English,
    /// Spelled the same in both (`April`, `Nov`).
    Both,
}

/// A month name as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthName {
    /// 1 = January.
    pub month: u8,
    pub lang: NameLanguage,
    pub abbreviated: bool,
}

impl MonthName {
    /// The Indonesian name to write instead: the full name, or the Indonesian abbreviation for an
    /// abbreviation.
    pub fn indonesian(&self) -> &'static str {
        let i = usize::from(self.month - 1);
        if self.abbreviated {
            INDONESIAN_ABBREVIATIONS[i]
        } else {
            MONTHS_ID[i]
        }
    }
}

/// The month `word` names: full names in either language in any case, abbreviations only
/// capitalised (`Mar`, not `mar`).
#[inline]
pub fn month_name(word: &str) -> Option<MonthName> {
    // Most words are turned away here, inline, before any call or comparison.
    if !MONTH_SHAPES.fit(word.as_bytes()) {
        return None;
    }
    month_of_shape(word)
}

/// [`month_name`] for a word shaped like a month name.
fn month_of_shape(word: &str) -> Option<MonthName> {
    let full = |names: &[&str; 12]| {
        names
            .iter()
            .position(|m| m.eq_ignore_ascii_case(word))
            .map(|i| i as u8 + 1)
    };
    match (full(&MONTHS_ID), full(&MONTHS_EN)) {
        (Some(a), Some(b)) if a == b => {
            return Some(MonthName {
                month: a,
                lang: NameLanguage::Both,
                abbreviated: false,
            });
        }
        (Some(month), _) => {
            return Some(MonthName {
                month,
                lang: NameLanguage::Indonesian,
                abbreviated: false,
            });
        }
        (None, Some(month)) => {
            return Some(MonthName {
                month,
                lang: NameLanguage::English,
                abbreviated: false,
            });
        }
        (None, None) => {}
    }
    MONTH_ABBREVIATIONS
        .iter()
        .find(|(abbr, _, _)| *abbr == word)
        .map(|&(_, month, lang)| MonthName {
            month,
            lang,
            abbreviated: true,
        })
}

/// A weekday name as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeekdayName {
    /// 0 = Monday … 6 = Sunday, as [`Date::weekday`].
    pub weekday: usize,
    pub english: bool,
}

/// The weekday the word `token` of `text` names, if it is capitalised or in capitals (`minggu`
/// is also “week”): `Senin` … `Minggu`, `Jum'at`, `Ahad`, `Monday` … `Sunday`.
///
/// Every word of a text is asked: its bytes are tested before its text is taken.
#[inline]
pub fn weekday_name(text: &str, token: &Token) -> Option<WeekdayName> {
    if !token.is_word() || !may_name_a_weekday(&text.as_bytes()[token.span()]) {
        return None;
    }
    weekday_of_shape(token.text(text))
}

/// Whether `word` has the shape of a weekday name: most words are turned away here, inline,
/// before any call or comparison. An apostrophe (`Jum’at`, whose `’` starts with the byte
/// 0xE2) makes a name longer, up to the longest name's 9 bytes.
#[inline]
fn may_name_a_weekday(word: &[u8]) -> bool {
    WEEKDAY_SHAPES.fit(word)
        || (WEEKDAY_SHAPES.initial(word)
            && word.len() <= 9
            && word.iter().any(|&b| b == b'\'' || b == 0xE2))
}

/// The weekday a word shaped like a weekday name names (see [`weekday_name`]).
fn weekday_of_shape(word: &str) -> Option<WeekdayName> {
    let (letters, len) = ascii_letters_folded(word)?;
    let letters = &letters[..len];
    let find = |names: &[&str; 7]| {
        names
            .iter()
            .position(|d| d.as_bytes().eq_ignore_ascii_case(letters))
    };
    if let Some(weekday) = find(&WEEKDAYS_ID) {
        return Some(WeekdayName {
            weekday,
            english: false,
        });
    }
    if AHAD.as_bytes().eq_ignore_ascii_case(letters) {
        return Some(WeekdayName {
            weekday: 6,
            english: false,
        });
    }
    find(&WEEKDAYS_EN).map(|weekday| WeekdayName {
        weekday,
        english: true,
    })
}

/// The letters of a word of at most 9 bytes in ASCII lower case, apostrophes left out (`Jum'at`,
/// `Jum’at` → `jumat`), and how many there are; `None` if it holds any other non-ASCII
/// character, since no name does. One pass, nothing allocated: nearly every capitalised word
/// comes here.
fn ascii_letters_folded(word: &str) -> Option<([u8; 9], usize)> {
    let mut letters = [0; 9];
    let mut len = 0;
    for c in word.chars() {
        if matches!(c, '\'' | '’') {
            continue;
        }
        if !c.is_ascii() {
            return None;
        }
        *letters.get_mut(len)? = c.to_ascii_lowercase() as u8;
        len += 1;
    }
    Some((letters, len))
}

/// A date written in digits: `25/1/2025`, `25-1-2025`, `25.1.2025`, `25/1`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumericDate {
    pub separator: char,
    /// The first two parts as written (`01`, `25`).
    pub first: String,
    pub second: String,
    /// The year as written, when given.
    pub year: Option<String>,
}

impl NumericDate {
    /// Parse a Number token's text. Two parts are a date only with `/` (`25/1`); three need a
    /// four-digit year. Parts of a date have one or two digits, so phone numbers, ranges
    /// (`2020-2025`) and scores (`2-1`, which has no year) are not dates.
    pub fn parse(text: &str) -> Option<NumericDate> {
        let separator = text.chars().find(|c| !c.is_ascii_digit())?;
        if !matches!(separator, '/' | '-' | '.') {
            return None;
        }
        let mut parts = text.split(separator);
        let (first, second) = (parts.next()?, parts.next()?);
        let (third, more) = (parts.next(), parts.next());
        let day_or_month = |p: &str| {
            (1..=2).contains(&p.len())
                && p.bytes().all(|b| b.is_ascii_digit())
                && p.parse::<u8>().is_ok_and(|n| n > 0)
        };
        let year = match (third, more) {
            (None, _) if separator == '/' => None,
            (Some(y), None)
                if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && !y.starts_with('0') =>
            {
                Some(y.to_string())
            }
            _ => return None,
        };
        if !(day_or_month(first) && day_or_month(second)) {
            return None;
        }
        Some(NumericDate {
            separator,
            first: first.to_string(),
            second: second.to_string(),
            year,
        })
    }

    pub fn year(&self) -> Option<i32> {
        self.year.as_deref().and_then(|y| y.parse().ok())
    }

    fn parts(&self) -> (u8, u8) {
        (
            self.first.parse().unwrap_or(0),
            self.second.parse().unwrap_or(0),
        )
    }

    /// Whether only the US month-first reading can be a date (`1/25/2025`).
    pub fn only_month_first(&self) -> bool {
        let (a, b) = self.parts();
        a <= 12 && b > 12 && b <= 31
    }

    /// Whether only the day-first reading can be a date (`25/1/2025`).
    pub fn only_day_first(&self) -> bool {
        let (a, b) = self.parts();
        a > 12 && a <= 31 && b <= 12
    }

    /// The same date written day first, separators and padding kept: `1/25/2025` → `25/1/2025`.
    pub fn swapped(&self) -> String {
        let sep = self.separator;
        match &self.year {
            Some(y) => format!("{}{sep}{}{sep}{y}", self.second, self.first),
            None => format!("{}{sep}{}", self.second, self.first),
        }
    }

    /// `date` written the way this one is: same separator, padding and year presence.
    pub fn write_like(&self, date: Date) -> String {
        let pad = |n: u8, like: &str| {
            if like.len() == 2 {
                format!("{n:02}")
            } else {
                n.to_string()
            }
        };
        let sep = self.separator;
        let head = format!(
            "{}{sep}{}",
            pad(date.day, &self.first),
            pad(date.month, &self.second)
        );
        match self.year {
            Some(_) => format!("{head}{sep}{}", date.year),
            None => head,
        }
    }
}

/// A date written with a month name: `25 Januari 2025`, `January 25, 2025`, `Oktober 2025`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WrittenDate {
    /// The day, or a day range (`15-16`), when given.
    pub day: Option<Span>,
    /// The day's number, when it is a single day.
    pub day_number: Option<u8>,
    /// The month name, with an abbreviation's full stop (`Jan.`).
    pub month_span: Span,
    pub month: MonthName,
    pub year: Option<(Span, i32)>,
    /// English order: month before day (`January 25, 2025`).
    pub month_first: bool,
}

/// How a date is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateForm {
    Numeric(NumericDate),
    Written(WrittenDate),
}

/// A weekday name in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WeekdayMention {
    pub span: Span,
    pub name: WeekdayName,
}

/// A date found in the text, with the weekday written before it, if any.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub form: DateForm,
    pub weekday: Option<WeekdayMention>,
    /// The closing bracket right after a bracketed date (`Sabtu (25/1/2025)`), when there is one.
    pub closing: Option<Span>,
}

/// The calendar dates a mention can be: day first (Indonesian) and month first (US).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Readings {
    pub day_first: Option<Date>,
    pub month_first: Option<Date>,
}

/// Which order a numeric date is read in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Order {
    DayFirst,
    MonthFirst,
}

/// Why a numeric date is read the way it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// Only one reading is a real date (`1/25/2025`).
    OnlyValid,
    /// Another date in the document can only be read one way.
    Document,
    /// The weekday written beside it fits only this reading.
    Weekday,
    /// Nothing decides: Indonesian day-first, by default.
    Default,
}

/// The reading a mention most likely means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Intended {
    pub date: Date,
    pub order: Order,
    pub evidence: Evidence,
}

impl DateMention {
    /// The year as written, with its span.
    pub fn year_span(&self) -> Option<Span> {
        match &self.form {
            DateForm::Numeric(n) => n
                .year
                .as_ref()
                .map(|y| self.span.end - y.len()..self.span.end),
            DateForm::Written(w) => w.year.as_ref().map(|(s, _)| s.clone()),
        }
    }

    /// The year as written, if it is (not taken from the article).
    pub fn year(&self) -> Option<i32> {
        match &self.form {
            DateForm::Numeric(n) => n.year(),
            DateForm::Written(w) => w.year.as_ref().map(|y| y.1),
        }
    }

    pub fn has_year(&self) -> bool {
        self.year().is_some()
    }

    /// The day-first reading with another year: what `8/10/2028` would be in 2025.
    pub fn in_year(&self, year: i32) -> Option<Date> {
        match &self.form {
            DateForm::Numeric(n) => {
                let (day, month) = n.parts();
                Date::new(year, month, day)
            }
            DateForm::Written(w) => Date::new(year, w.month.month, w.day_number?),
        }
    }

    /// `date` written in this mention's form: `3/12/2025` like `25/1/2025`, `3 Desember 2025`
    /// like `25 Januari 2025` (Indonesian month names), without a year if this one has none.
    pub fn write_like(&self, date: Date) -> String {
        match &self.form {
            DateForm::Numeric(n) => n.write_like(date),
            DateForm::Written(w) => {
                let month = MonthName {
                    month: date.month,
                    ..w.month
                }
                .indonesian();
                match w.year {
                    Some(_) => format!("{} {month} {}", date.day, date.year),
                    None => format!("{} {month}", date.day),
                }
            }
        }
    }

    /// What writing `year` after this date adds: `/2024` after `2/12`, ` 2024` after `2 Desember`.
    pub fn year_suffix(&self, year: i32) -> String {
        match &self.form {
            DateForm::Numeric(n) => format!("{}{year}", n.separator),
            DateForm::Written(_) => format!(" {year}"),
        }
    }

    /// The calendar dates this can be. A date without a year takes the article's year, or around
    /// New Year the neighbouring one when that puts it nearer the article's date
    /// ([`neighbouring_year`]: `(30/12)` in a January article is last year's); with no article
    /// date known from the text or the configuration, it has none.
    pub fn readings(&self, article: Option<&ArticleDate>) -> Readings {
        let resolve = |day: u8, month: u8, year: Option<i32>| match year {
            Some(y) => Date::new(y, month, day),
            None => article.and_then(|a| nearest(a.date, day, month)),
        };
        match &self.form {
            DateForm::Numeric(n) => {
                let (a, b) = n.parts();
                Readings {
                    day_first: resolve(a, b, n.year()),
                    month_first: resolve(b, a, n.year()),
                }
            }
            DateForm::Written(w) => Readings {
                day_first: w
                    .day_number
                    .and_then(|d| resolve(d, w.month.month, w.year.as_ref().map(|y| y.1))),
                month_first: None,
            },
        }
    }

    /// For a date without a year around New Year, its readings in the year [`Self::readings`]
    /// did not take: the article's own, or the neighbouring one. A weekday that fits either
    /// year is right. Empty otherwise: “Sabtu (19/10)” in an article of 2025 is checked against
    /// 2025 alone.
    pub fn other_year_readings(&self, article: Option<&ArticleDate>) -> Readings {
        let Some(article) = article.filter(|_| !self.has_year()) else {
            return Readings::default();
        };
        let around = article.date;
        let other = |d: Option<Date>| {
            let d = d?;
            let year = if d.year == around.year {
                neighbouring_year(around, d.month)?
            } else {
                around.year
            };
            Date::new(year, d.month, d.day)
        };
        let taken = self.readings(Some(article));
        Readings {
            day_first: other(taken.day_first),
            month_first: other(taken.month_first),
        }
    }

    /// The reading this mention most likely means, given the order the document decides (see
    /// [`document_order`]) and the weekday beside it.
    pub fn intended(
        &self,
        article: Option<&ArticleDate>,
        document: Option<Order>,
    ) -> Option<Intended> {
        let r = self.readings(article);
        let pick = |order: Order, evidence: Evidence| {
            let date = match order {
                Order::DayFirst => r.day_first,
                Order::MonthFirst => r.month_first,
            }?;
            Some(Intended {
                date,
                order,
                evidence,
            })
        };
        match (r.day_first, r.month_first) {
            (Some(a), Some(b)) if a != b => {
                if let Some(order) = document {
                    return pick(order, Evidence::Document);
                }
                let weekday = self.weekday.as_ref().map(|w| w.name.weekday);
                match (
                    weekday.is_some_and(|w| a.weekday() == w),
                    weekday.is_some_and(|w| b.weekday() == w),
                ) {
                    (true, false) => pick(Order::DayFirst, Evidence::Weekday),
                    (false, true) => pick(Order::MonthFirst, Evidence::Weekday),
                    _ => pick(Order::DayFirst, Evidence::Default),
                }
            }
            (Some(_), _) => pick(Order::DayFirst, Evidence::OnlyValid),
            (None, Some(_)) => pick(Order::MonthFirst, Evidence::OnlyValid),
            (None, None) => None,
        }
    }
}

/// The date with this day and month nearest to `around`, in its year or the
/// [`neighbouring_year`].
fn nearest(around: Date, day: u8, month: u8) -> Option<Date> {
    std::iter::once(around.year)
        .chain(neighbouring_year(around, month))
        .filter_map(|y| Date::new(y, month, day))
        .min_by_key(|d| (d.days_since_epoch() - around.days_since_epoch()).abs())
}

/// The other year a date without a year may mean in an article dated `around`: in January, last
/// year for a later month (“Sabtu (27/12)” in January 2026 is 27 December 2025); in December,
/// next year for an earlier month (“Senin (5/1)” in December 2025 is 5 January 2026). News
/// writes the year when it means another time.
fn neighbouring_year(around: Date, month: u8) -> Option<i32> {
    match around.month {
        1 if month > 1 => Some(around.year - 1),
        12 if month < 12 => Some(around.year + 1),
        _ => None,
    }
}

/// The order the document's numeric dates are written in, when some can only be read one way and
/// none contradicts them: one `1/25/2025` makes `3/4/2025` in the same text US order.
pub fn document_order(mentions: &[DateMention]) -> Option<Order> {
    let numeric = mentions.iter().filter_map(|m| match &m.form {
        DateForm::Numeric(n) => Some(n),
        DateForm::Written(_) => None,
    });
    let (mut day_first, mut month_first) = (false, false);
    for n in numeric {
        day_first |= n.only_day_first();
        month_first |= n.only_month_first();
    }
    match (day_first, month_first) {
        (true, false) => Some(Order::DayFirst),
        (false, true) => Some(Order::MonthFirst),
        _ => None,
    }
}

/// Every date in the document, in order.
pub fn mentions(doc: &Document) -> Vec<DateMention> {
    let scanner = Scanner {
        text: doc.text(),
        tokens: doc.tokens(),
    };
    scanner.dates(scanner.possible_starts(doc.digits()))
}

/// The most tokens, spaces aside, from where a date starts to its first digit: `Selasa malam,
/// (Jan. 25`: the weekday, a part of the day, a comma, a bracket, a month and its full stop come
/// before the `25` (see [`Scanner::date_after_weekday`] and [`Scanner::month_first_written`]).
const LONGEST_LEAD: usize = 6;

/// Token-level date recognition.
struct Scanner<'a> {
    text: &'a str,
    tokens: &'a [Token],
}

impl Scanner<'_> {
    /// The dates found trying each of `starts` (token indices, in order) that no date found
    /// before takes.
    fn dates(&self, starts: impl Iterator<Item = usize>) -> Vec<DateMention> {
        let mut out = Vec::new();
        let mut free = 0;
        for i in starts {
            if i < free {
                continue;
            }
            if let Some((mut mention, mut last)) = self.date_starting_at(i) {
                if mention.weekday.is_none()
                    && let Some((weekday, closing, close)) = self.weekday_before_bracket(i, last)
                {
                    mention.weekday = Some(weekday);
                    mention.closing = Some(closing);
                    last = close;
                }
                out.push(mention);
                free = last + 1;
            }
        }
        out
    }

    /// Every token a date can start at, in order, given the tokens holding a digit: every date
    /// holds a digit at most [`LONGEST_LEAD`] tokens after its start, and most of a text is far
    /// from any digit, so only the tokens just before one are tried.
    fn possible_starts<'s>(&'s self, digits: &'s [usize]) -> impl Iterator<Item = usize> + 's {
        let mut tried = 0;
        digits
            .iter()
            .copied()
            .filter(|&i| self.has_digits(&self.tokens[i]))
            .flat_map(move |digits| {
                let from = self.lead_start(digits).max(tried);
                tried = digits + 1;
                from..=digits
            })
    }

    /// Whether `token` holds the digits of a date: a number, or a word starting with one (`25th`).
    fn has_digits(&self, token: &Token) -> bool {
        match token.kind {
            TokenKind::Number => true,
            TokenKind::Word => self.text.as_bytes()[token.start].is_ascii_digit(),
            _ => false,
        }
    }

    /// The earliest token a date holding the digits at `i` can start at.
    fn lead_start(&self, i: usize) -> usize {
        let mut start = i;
        let mut lead = 0;
        while start > 0 && lead < LONGEST_LEAD {
            start -= 1;
            if self.tokens[start].kind != TokenKind::Space {
                lead += 1;
            }
        }
        start
    }

    /// The date starting at token `i`, with the weekday it starts with, if any, and the last
    /// token it takes.
    fn date_starting_at(&self, i: usize) -> Option<(DateMention, usize)> {
        let token = self.tokens[i];
        match token.kind {
            TokenKind::Number => self.date_at(i, false),
            TokenKind::Word => {
                if let Some(name) = weekday_name(self.text, &token)
                    && let Some((mut mention, last)) = self.date_after_weekday(i)
                {
                    mention.weekday = Some(WeekdayMention {
                        span: token.span(),
                        name,
                    });
                    return Some((mention, last));
                }
                // Otherwise only a month name or a day (`25th`) starts a date: most words are
                // passed over here.
                let word = token.text(self.text);
                if !word.starts_with(|c: char| c.is_ascii_digit()) && month_name(word).is_none() {
                    return None;
                }
                self.date_at(i, false)
            }
            _ => None,
        }
    }

    fn str(&self, i: usize) -> &str {
        self.tokens[i].text(self.text)
    }

    fn is(&self, i: usize, kind: TokenKind, s: &str) -> bool {
        self.tokens
            .get(i)
            .is_some_and(|t| t.kind == kind && t.text(self.text) == s)
    }

    /// The next token after `i` that is not a space (a line break is returned: dates never span
    /// paragraphs).
    fn next(&self, i: usize) -> Option<usize> {
        (i + 1..self.tokens.len()).find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    fn prev(&self, i: usize) -> Option<usize> {
        (0..i)
            .rev()
            .find(|&j| self.tokens[j].kind != TokenKind::Space)
    }

    /// The weekday a few words before the bracketed date from token `first` to `last`, in the
    /// same clause, with the closing bracket and its token: `Kamis sore di Surabaya
    /// (12/6/2025)`. Read for the dates found, not where dates are looked for, so the words
    /// between do not widen every search ([`LONGEST_LEAD`]).
    fn weekday_before_bracket(
        &self,
        first: usize,
        last: usize,
    ) -> Option<(WeekdayMention, Span, usize)> {
        let open = self
            .prev(first)
            .filter(|&j| self.is(j, TokenKind::Punct, "("))?;
        let close = self
            .next(last)
            .filter(|&k| self.is(k, TokenKind::Punct, ")"))?;
        let mut j = self.prev(open)?;
        for _ in 0..=WORDS_TO_BRACKETED_DATE {
            let token = self.tokens[j];
            if !token.is_word() {
                return None;
            }
            if let Some(name) = weekday_name(self.text, &token) {
                let linked = WeekdayMention {
                    span: token.span(),
                    name,
                };
                return (j + 2 < open).then(|| (linked, self.tokens[close].span(), close));
            }
            j = self.prev(j)?;
        }
        None
    }

    /// A date written after the weekday at `w`: `Sabtu (25/1/2025)`, `Sabtu, 25 Januari 2025`,
    /// `Selasa malam (21/10)`, `Rabu, (10/9/2025)`.
    fn date_after_weekday(&self, w: usize) -> Option<(DateMention, usize)> {
        let mut j = self.next(w)?;
        if self.tokens[j].is_word() && is_lowercase_one_of(self.str(j), DAY_PARTS) {
            j = self.next(j)?;
        }
        if self.is(j, TokenKind::Punct, ",") {
            j = self.next(j)?;
        }
        let bracketed = self.is(j, TokenKind::Punct, "(");
        if bracketed {
            j = self.next(j)?;
        }
        let (mut mention, mut last) = self.date_at(j, bracketed)?;
        if bracketed
            && let Some(k) = self.next(last)
            && self.is(k, TokenKind::Punct, ")")
        {
            mention.closing = Some(self.tokens[k].span());
            last = k;
        }
        Some((mention, last))
    }

    /// A date starting at token `i`. A numeric date without a year counts only `after_weekday`.
    fn date_at(&self, i: usize, after_weekday: bool) -> Option<(DateMention, usize)> {
        let token = *self.tokens.get(i)?;
        match token.kind {
            TokenKind::Number => self
                .numeric(i, after_weekday)
                .or_else(|| self.day_first_written(i)),
            // A month name, or an English ordinal day (`25th January`).
            TokenKind::Word => self
                .month_first_written(i)
                .or_else(|| self.day_first_written(i)),
            _ => None,
        }
    }

    fn numeric(&self, i: usize, after_weekday: bool) -> Option<(DateMention, usize)> {
        let token = self.tokens[i];
        let date = NumericDate::parse(token.text(self.text))?;
        if date.year.is_none() && !after_weekday {
            return None;
        }
        if !after_weekday && self.inside_code(i) {
            return None;
        }
        Some((
            DateMention {
                span: token.span(),
                form: DateForm::Numeric(date),
                weekday: None,
                closing: None,
            },
            i,
        ))
    }

    /// Whether the number at `i` is part of a longer code or labelled as a number: `Fd/10/2025`,
    /// `25/1/2025/x`, `No.12/3/2025`, `Nomor 12/3/2025`.
    fn inside_code(&self, i: usize) -> bool {
        let opens = |t: &Token| {
            t.is_blank()
                || (t.kind == TokenKind::Punct
                    && matches!(t.text(self.text), "(" | "[" | "," | ";" | "“" | "\""))
        };
        let closes = |t: &Token| {
            t.is_blank()
                || (t.kind == TokenKind::Punct
                    && !matches!(t.text(self.text), "/" | "-" | "\\" | "_"))
        };
        let joined_before = i > 0 && !opens(&self.tokens[i - 1]);
        let joined_after = self.tokens.get(i + 1).is_some_and(|t| !closes(t));
        if joined_before || joined_after {
            return true;
        }
        let mut p = self.prev(i);
        while let Some(j) =
            p.filter(|&j| self.is(j, TokenKind::Punct, ".") || self.is(j, TokenKind::Punct, ":"))
        {
            p = self.prev(j);
        }
        p.is_some_and(|j| {
            self.tokens[j].is_word() && is_lowercase_one_of(self.str(j), NUMBER_LABELS)
        })
    }

    /// The day at token `i`: `25`, or a range `15-16` (number, `None`).
    fn day(&self, i: usize) -> Option<Option<u8>> {
        let token = self.tokens.get(i)?;
        let s = token.text(self.text);
        let valid = |p: &str| {
            (1..=2).contains(&p.len()) && p.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
        };
        match token.kind {
            TokenKind::Number if valid(s) => Some(s.parse().ok()),
            TokenKind::Number => {
                let (a, b) = s.split_once('-')?;
                (valid(a) && valid(b)).then_some(None)
            }
            // `25th`
            TokenKind::Word if s.starts_with(|c: char| c.is_ascii_digit()) => {
                let digits = s.trim_end_matches(['s', 't', 'n', 'd', 'r', 'h']);
                let suffix = &s[digits.len()..];
                (valid(digits) && matches!(suffix, "st" | "nd" | "rd" | "th"))
                    .then(|| digits.parse().ok())
            }
            _ => None,
        }
    }

    /// A four-digit year at token `i`.
    fn year(&self, i: usize) -> Option<(Span, i32)> {
        let token = self.tokens.get(i).filter(|t| t.kind == TokenKind::Number)?;
        let s = token.text(self.text);
        if s.len() != 4 || s.starts_with('0') {
            return None;
        }
        s.parse().ok().map(|year| (token.span(), year))
    }

    /// The month name at `i` (with an abbreviation's full stop), and the last token it takes.
    fn month(&self, i: usize) -> Option<(MonthName, Span, usize)> {
        let token = *self.tokens.get(i)?;
        if !token.is_word() {
            return None;
        }
        let month = month_name(token.text(self.text))?;
        if month.abbreviated && self.is(i + 1, TokenKind::Punct, ".") {
            return Some((month, token.start..token.end + 1, i + 1));
        }
        Some((month, token.span(), i))
    }

    /// `25 Januari 2025`, `25 January`, `15-16 Juli 2025`.
    fn day_first_written(&self, i: usize) -> Option<(DateMention, usize)> {
        let day_number = self.day(i)?;
        let m = self.next(i)?;
        let (month, month_span, mut last) = self.month(m)?;
        let year = self.next(last).and_then(|y| self.year(y));
        if let Some(y) = self.next(last).filter(|_| year.is_some()) {
            last = y;
        }
        let start = self.tokens[i].start;
        let end = self.tokens[last].end;
        Some((
            DateMention {
                span: start..end,
                form: DateForm::Written(WrittenDate {
                    day: Some(self.tokens[i].span()),
                    day_number,
                    month_span,
                    month,
                    year,
                    month_first: false,
                }),
                weekday: None,
                closing: None,
            },
            last,
        ))
    }

    /// `January 25, 2025`, `Oktober 21, 2025`, `January 25.`, `Januari 2025`. Indonesian month
    /// names need the year after the day, or the phrase to end after it (`pada Juni 3.`), or a cue
    /// on both sides (`pada Mei 11 lalu`): `Oktober 21 orang` is “21 people in October”.
    fn month_first_written(&self, i: usize) -> Option<(DateMention, usize)> {
        let (month, month_span, month_last) = self.month(i)?;
        let after = self.next(month_last)?;
        let written = |day: Option<(Span, Option<u8>)>, year: Option<(Span, i32)>, last: usize| {
            let month_first = day.is_some();
            let (day, day_number) = day.map_or((None, None), |(s, n)| (Some(s), n));
            Some((
                DateMention {
                    span: month_span.start..self.tokens[last].end,
                    form: DateForm::Written(WrittenDate {
                        day,
                        day_number,
                        month_span: month_span.clone(),
                        month,
                        year,
                        month_first,
                    }),
                    weekday: None,
                    closing: None,
                },
                last,
            ))
        };
        if let Some(year) = self.year(after) {
            return written(None, Some(year), after);
        }
        let day_number = self.day(after)?;
        let day = Some((self.tokens[after].span(), day_number));
        let comma = self.next(after);
        let with_year = comma
            .filter(|&c| self.is(c, TokenKind::Punct, ","))
            .and_then(|c| self.next(c))
            .and_then(|y| self.year(y).map(|year| (year, y)));
        if let Some((year, y)) = with_year {
            return written(day, Some(year), y);
        }
        // Without a year, only an English month, and only where the phrase ends: `January 25.`
        // A mark that goes on with the number (`Februari 30%` is 30 percent in February) does
        // not end the phrase.
        let ends_phrase = comma.is_none_or(|c| {
            let t = self.tokens[c];
            t.kind == TokenKind::Newline
                || (t.kind == TokenKind::Punct
                    && !matches!(t.text(self.text), "-" | "/" | ":" | "%"))
        });
        if month.lang == NameLanguage::English && ends_phrase {
            return written(day, None, after);
        }
        // An Indonesian month too where the phrase ends, or after a word that leads to a date
        // with a word after the day that goes on with one: `pada bulan Juni 3`, `Mei 11 lalu`.
        let cued = self.prev(i).is_some_and(|p| {
            self.tokens[p].is_word() && is_lowercase_one_of(self.str(p), DATE_CUES)
        });
        let goes_on = comma.is_some_and(|c| {
            self.tokens[c].is_word() && is_lowercase_one_of(self.str(c), DATE_CONTINUATIONS)
        });
        if ends_phrase || (cued && goes_on) {
            return written(day, None, after);
        }
        None
    }
}

/// The date the markup declares for the article: the first front-matter date that reads as one
/// (`2023-05-01`, also as the date part of a timestamp, `2023-05-01T10:00:00+07:00`; or as
/// the text writes dates, `25 Januari 2025`, `Sabtu, 25/1/2025`).
pub fn declared_date(doc: &Document) -> Option<ArticleDate> {
    doc.declared_dates()
        .find_map(|value| {
            value
                .get(..10)
                .and_then(Date::parse_iso)
                .or_else(|| written_date(value))
        })
        .map(|date| ArticleDate {
            date,
            source: DateSource::FrontMatter,
        })
}

/// The full date a front-matter value writes as text does, read as the text's dates are.
fn written_date(value: &str) -> Option<Date> {
    mentions(&Document::new("", value))
        .iter()
        .filter(|m| m.has_year())
        .find_map(|m| m.intended(None, None))
        .map(|intended| intended.date)
}

/// The date the article gives for itself in its text, from the dates `found` in it: the first
/// date written beside the weekday it fell on (a dateline, `Jakarta, Sabtu (25/1/2025)`); else
/// the first full date. Dates outside 1900–2100 (typos like `3025`) are not taken.
pub fn article_date(found: &[DateMention]) -> Option<ArticleDate> {
    let plausible = |d: &Date| (1900..=2100).contains(&d.year);
    let full_dates = found
        .iter()
        .filter(|m| m.has_year())
        .filter_map(|m| Some((m, m.intended(None, None)?.date)))
        .filter(|(_, d)| plausible(d));
    let dateline = full_dates.clone().find(|(m, d)| {
        m.weekday
            .as_ref()
            .is_some_and(|w| w.name.weekday == d.weekday())
    });
    dateline
        .or_else(|| full_dates.clone().next())
        .map(|(_, date)| ArticleDate {
            date,
            source: DateSource::Text,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::tokenize;

    fn found(text: &str) -> Vec<String> {
        let doc = Document::new("t", text);
        let scanner = Scanner {
            text,
            tokens: doc.tokens(),
        };
        // Trying only the tokens near a digit finds what trying every token finds.
        assert_eq!(
            scanner.dates(scanner.possible_starts(doc.digits())),
            scanner.dates(0..doc.tokens().len()),
            "{text}"
        );
        mentions(&doc)
            .iter()
            .map(|m| {
                let w = m
                    .weekday
                    .as_ref()
                    .map_or(String::new(), |w| format!("{}+", &text[w.span.clone()]));
                format!("{w}{}", &text[m.span.clone()])
            })
            .collect()
    }

    fn at(y: i32, m: u8, d: u8) -> ArticleDate {
        ArticleDate {
            date: Date::new(y, m, d).expect("valid"),
            source: DateSource::Config,
        }
    }

    #[test]
    fn finds_the_first_date() {
        let doc = Document::new(
            "t",
            "Jakarta - Pada Sabtu (25/1/2025), lalu 3 Februari 2025.",
        );
        assert_eq!(
            article_date(&mentions(&doc)).map(|d| d.date),
            Date::new(2025, 1, 25)
        );
        let doc = Document::new("t", "Rapat 3 Februari 2024 dan Senin (1/25/2025).");
        assert_eq!(
            article_date(&mentions(&doc)).map(|d| d.date),
            Date::new(2024, 2, 3)
        );
        assert_eq!(
            article_date(&mentions(&Document::new("t", "tanpa tanggal"))),
            None
        );
    }

    #[test]
    fn article_date_prefers_a_dateline() {
        let doc = Document::new("t", "Sejak 17 Agustus 1945. Jakarta, Sabtu (25/1/2025).");
        assert_eq!(
            article_date(&mentions(&doc)).map(|d| d.date),
            Date::new(2025, 1, 25)
        );
        let doc = Document::new("t", "Senin (13/10/3025) dan 2 Mei 2024.");
        assert_eq!(
            article_date(&mentions(&doc)).map(|d| d.date),
            Date::new(2024, 5, 2)
        );
    }

    #[test]
    fn numeric_dates_and_non_dates() {
        assert_eq!(
            found("Sabtu (25/1/2025), 1/25/2025, 25-1-2025, 25.1.2025 dan Rabu (8/10/2028."),
            [
                "Sabtu+25/1/2025",
                "1/25/2025",
                "25-1-2025",
                "25.1.2025",
                "Rabu+8/10/2028"
            ]
        );
        assert_eq!(
            found("Senin (20/10) lalu, Selasa malam (21/10), Rabu, (22/10/2025)"),
            ["Senin+20/10", "Selasa+21/10", "Rabu+22/10/2025"]
        );
        for text in [
            "skor 2-1 dan 0-0",
            "periode 2020-2025",
            "versi 2.5.1 dan Pasal 2.1",
            "RT 01/05 dan 3/4 bagian",
            "Nomor 12/3/2025",
            "PRINT-02/M.2.24/Fd/10/2025",
            "Nomor 100.3.3.1/712/013/2025",
            "hubungi 0812-3456-7890 atau 021-555-1234",
            "pukul 10.00 atau 10:30",
            "(25/1) tanpa hari",
            "192.168.1.1",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn written_dates() {
        assert_eq!(
            found("Sabtu, 25 Januari 2025; January 25, 2025; Oktober 21, 2025; 15-16 Juli 2025"),
            [
                "Sabtu+25 Januari 2025",
                "January 25, 2025",
                "Oktober 21, 2025",
                "15-16 Juli 2025"
            ]
        );
        assert_eq!(
            found("Jan. 25, 2025 dan 5 Agt 2025 dan Mei 2025"),
            ["Jan. 25, 2025", "5 Agt 2025", "Mei 2025"]
        );
        assert_eq!(found("pada January 25th."), ["January 25th"]);
        // The longest lead before a date's first digit.
        assert_eq!(
            found("Rapat Selasa malam, (Jan. 25, 2025) lalu."),
            ["Selasa+Jan. 25, 2025"]
        );
        assert_eq!(
            found(
                "Rapat pada bulan Juni 3. Kamis sore di Surabaya (12/6/2025) dan sejak Mei 11 lalu"
            ),
            ["Juni 3", "Kamis+12/6/2025", "Mei 11"]
        );
        // An Indonesian month before a count is not a date; nor is a bare month or an English name.
        for text in [
            "pada Oktober 21 orang tewas",
            "yang Februari 30%, Maret 100%",
            "sejak Januari lalu",
            "August Mellaz",
            "Mar del Plata",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            month_name("Agt").map(|m| (m.month, m.lang)),
            Some((8, NameLanguage::Indonesian))
        );
        assert_eq!(
            month_name("OCTOBER").map(|m| m.lang),
            Some(NameLanguage::English)
        );
        assert_eq!(
            month_name("April").map(|m| m.lang),
            Some(NameLanguage::Both)
        );
        assert_eq!(month_name("mar"), None);
        assert_eq!(month_name("Dec").map(|m| m.indonesian()), Some("Des"));
        let weekday = |word: &str| weekday_name(word, &tokenize(word)[0]);
        assert_eq!(weekday("Jum'at").map(|w| w.weekday), Some(4));
        assert_eq!(weekday("Jum’at").map(|w| w.weekday), Some(4));
        assert_eq!(weekday("Monday").map(|w| w.english), Some(true));
        assert_eq!(weekday("SABTU").map(|w| w.weekday), Some(5));
        assert_eq!(weekday("minggu"), None);
        assert_eq!(weekday("Senins"), None);
        assert_eq!(weekday("25"), None);
    }

    #[test]
    fn readings_and_evidence() {
        let doc = Document::new("t", "Kamis (3/4/2025) dan Sabtu (25/1)");
        let m = mentions(&doc);
        let article = at(2025, 6, 1);
        let r = m[0].readings(Some(&article));
        assert_eq!(
            (r.day_first, r.month_first),
            (Date::new(2025, 4, 3), Date::new(2025, 3, 4))
        );
        let i = m[0].intended(Some(&article), None).expect("valid");
        assert_eq!((i.order, i.evidence), (Order::DayFirst, Evidence::Weekday));
        let i = m[0]
            .intended(Some(&article), Some(Order::MonthFirst))
            .expect("valid");
        assert_eq!(
            (i.order, i.evidence),
            (Order::MonthFirst, Evidence::Document)
        );
        assert_eq!(
            m[1].readings(Some(&article)).day_first,
            Date::new(2025, 1, 25)
        );
        // Around New Year, a date without a year is the nearest one.
        assert_eq!(
            m[1].readings(Some(&at(2026, 1, 3))).day_first,
            Date::new(2026, 1, 25)
        );
        assert_eq!(
            m[1].readings(Some(&at(2025, 12, 30))).day_first,
            Date::new(2026, 1, 25)
        );
        let other = m[1].other_year_readings(Some(&at(2024, 12, 20)));
        assert_eq!(other.day_first, Date::new(2024, 1, 25));
        assert_eq!(
            m[1].other_year_readings(Some(&article)),
            Readings::default()
        );
        // Away from New Year, the article's year alone: 19 October in a 2025 article.
        let oct = mentions(&Document::new("t", "Sabtu (19/10) dan Sabtu (27/12)"));
        let (october, early) = (at(2025, 10, 8), at(2025, 10, 30));
        for article in [october, early] {
            assert_eq!(
                oct[0].readings(Some(&article)).day_first,
                Date::new(2025, 10, 19)
            );
            assert_eq!(
                oct[0].other_year_readings(Some(&article)),
                Readings::default()
            );
        }
        // In January, a later month may be last year's: both years are readings.
        let january = at(2026, 1, 5);
        assert_eq!(
            oct[1].readings(Some(&january)).day_first,
            Date::new(2025, 12, 27)
        );
        assert_eq!(
            oct[1].other_year_readings(Some(&january)).day_first,
            Date::new(2026, 12, 27)
        );
        assert_eq!(
            oct[0].readings(Some(&january)).day_first,
            Date::new(2025, 10, 19)
        );
        let us = mentions(&Document::new("t", "1/25/2025 lalu 3/4/2025"));
        assert_eq!(document_order(&us), Some(Order::MonthFirst));
        assert_eq!(
            NumericDate::parse("1/25/2025").map(|d| d.swapped()),
            Some("25/1/2025".into())
        );
        assert_eq!(
            NumericDate::parse("01.05.2025")
                .map(|d| d.write_like(Date::new(2025, 12, 3).expect("valid"))),
            Some("03.12.2025".into())
        );
    }
}
