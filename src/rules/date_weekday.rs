//! `date-weekday`: a weekday written beside a date that is not that date's weekday
//! (`Kamis (15/10/2025)`: 15 October 2025 was a Wednesday).
//!
//! Either half may be the wrong one, so every fix is unsafe and the help names both: the weekday
//! the date fell on, and the nearest date on the weekday written. When the same day and month in
//! the article's year fit the weekday, a mistyped year (`Rabu (8/10/2028)`) is offered first.
//!
//! A date without a year (`Sabtu (19/10)`) is checked against the article's year, and around New
//! Year against the neighbouring year too (`lang::dates`); with no article date, not at all.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::{ArticleDate, Date, WEEKDAYS_EN, WEEKDAYS_ID};
use crate::lang::case::match_case;
use crate::lang::dates::{self, DateForm, DateMention, WeekdayMention};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::Document;

pub struct DateWeekday;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(DateWeekday))
}

impl Rule for DateWeekday {
    fn reads(&self) -> Reads {
        Reads::DATES
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let order = dates::document_order(ctx.dates());
        let article = ctx.date();
        let article = article.as_ref();
        for mention in ctx.dates() {
            let Some(weekday) = &mention.weekday else {
                continue;
            };
            if let Some(d) = check_mention(ctx.doc, article, mention, weekday, order) {
                out.push(d);
            }
        }
    }
}

/// The finding for one weekday beside a date, if they disagree.
fn check_mention(
    doc: &Document,
    article: Option<&ArticleDate>,
    mention: &DateMention,
    weekday: &WeekdayMention,
    order: Option<dates::Order>,
) -> Option<Diagnostic> {
    if let DateForm::Written(w) = &mention.form
        && w.day_number.is_none()
    {
        return None;
    }
    if !mention.has_year() && article.is_none() {
        return None;
    }
    let end = mention.closing.as_ref().map_or(mention.span.end, |c| c.end);
    let span = weekday.span.start..end;
    let written_day = doc.slice(&weekday.span);
    let date_text = doc.slice(&mention.span);
    let Some(intended) = mention.intended(article, order) else {
        let message = Localized::new(
            format!(
                "Tanggal “{date_text}” tidak ada, jadi hari “{written_day}” tak bisa dicocokkan"
            ),
            format!("There is no date “{date_text}”, so “{written_day}” cannot be checked"),
        );
        let note = Localized::new(
            "periksa tanggalnya pada sumber berita",
            "check the date against the source",
        );
        return Some(Diagnostic::new(span, message).with_note(note));
    };
    let readings = mention.readings(article);
    let fits = |d: Option<Date>| d.is_some_and(|d| d.weekday() == weekday.name.weekday);
    let other = mention.other_year_readings(article);
    if [readings, other]
        .iter()
        .any(|r| fits(r.day_first) || fits(r.month_first))
    {
        return None;
    }
    let date = intended.date;
    let right_id = WEEKDAYS_ID[date.weekday()];
    let right_en = WEEKDAYS_EN[date.weekday()];
    let wanted_id = WEEKDAYS_ID[weekday.name.weekday];
    let wanted_en = WEEKDAYS_EN[weekday.name.weekday];
    let nearest = date.nearest_on(weekday.name.weekday);
    let (date_id, date_en) = (date.long_id(), date.long_en());
    let (nearest_id, nearest_en) = (nearest.long_id(), nearest.long_en());
    let message = Localized::new(
        format!(
            "“{written_day}” tidak cocok dengan tanggalnya: {date_id} jatuh pada hari {right_id}"
        ),
        format!("“{written_day}” does not match the date: {date_en} was a {right_en} ({right_id})"),
    );
    let note = Localized::new(
        format!(
            "hari atau tanggalnya yang keliru: {date_id} hari {right_id}; {wanted_id} terdekat {nearest_id}"
        ),
        format!(
            "either the day or the date is wrong: {date_en} was a {right_en}; the nearest {wanted_en} is {nearest_en}"
        ),
    );
    let mut diagnostic = Diagnostic::new(span, message).with_note(note);
    if let Some(fix) = article.and_then(|a| year_typo_fix(mention, a.date.year, weekday)) {
        diagnostic = diagnostic.with_fix(fix);
    }
    diagnostic = diagnostic.with_fix(
        Fix::replace(
            weekday.span.clone(),
            match_case(written_day, right_id),
            Applicability::Unsafe,
        )
        .with_message(Localized::new(
            format!("ganti harinya dengan “{right_id}”"),
            format!("change the weekday to “{right_id}”"),
        )),
    );
    if let Some(fix) = article.and_then(|a| last_year_fix(mention, date, a, weekday)) {
        diagnostic = diagnostic.with_fix(fix);
    }
    diagnostic = diagnostic.with_fix(date_fix(mention, nearest, wanted_id));
    Some(diagnostic)
}

/// When the same day and month in the article's year fall on the weekday written, the year is
/// likely mistyped (`Rabu (8/10/2028)` in a 2025 article).
fn year_typo_fix(
    mention: &DateMention,
    article_year: i32,
    weekday: &WeekdayMention,
) -> Option<Fix> {
    let written = mention.year()?;
    let span = mention.year_span()?;
    let fits = mention
        .in_year(article_year)
        .is_some_and(|d| d.weekday() == weekday.name.weekday);
    (written != article_year && fits).then(|| {
        Fix::replace(span, article_year.to_string(), Applicability::Unsafe).with_message(
            Localized::new(
                format!("tahunnya mungkin salah ketik: ganti dengan {article_year}"),
                format!("the year may be a typo: change it to {article_year}"),
            ),
        )
    })
}

/// When a date without a year, read as `intended`, lies after the article's date but fits the
/// weekday a year earlier, news may be quoting an old statement (`Senin (2/12)` in October 2025
/// for 2 December 2024): the year may be what is missing.
fn last_year_fix(
    mention: &DateMention,
    intended: Date,
    article: &ArticleDate,
    weekday: &WeekdayMention,
) -> Option<Fix> {
    let year = intended.year - 1;
    let date = mention.in_year(year)?;
    let fits = date.weekday() == weekday.name.weekday;
    (!mention.has_year() && intended > article.date && fits).then(|| {
        let written = format!("{}{}", mention.write_like(date), mention.year_suffix(year));
        let end = mention.span.end;
        Fix::replace(end..end, mention.year_suffix(year), Applicability::Unsafe).with_message(
            Localized::new(
                format!("bila yang dimaksud tahun {year}, tulis tahunnya: {written}"),
                format!("if {year} is meant, write the year: {written}"),
            ),
        )
    })
}

/// Replace the date with `nearest`, the nearest date on the weekday written.
fn date_fix(mention: &DateMention, nearest: Date, weekday: &str) -> Fix {
    let replacement = mention.write_like(nearest);
    Fix::replace(
        mention.span.clone(),
        replacement.clone(),
        Applicability::Unsafe,
    )
    .with_message(Localized::new(
        format!("atau ganti tanggalnya dengan {replacement} ({weekday} terdekat)"),
        format!("or change the date to {replacement} (the nearest {weekday})"),
    ))
}

#[cfg(test)]
mod tests {
    use crate::rules::id;
    use crate::testing::Check;

    /// The weekdays flagged in `text` of an article dated `date`, each with its first fix.
    fn flagged(text: &str, date: &str) -> Vec<(String, Option<String>)> {
        (Check::rules(&[id::DATE_WEEKDAY])
            .on(date)
            .findings(text)
            .into_iter())
        .map(|f| (f.text.clone(), f.fix().map(str::to_string)))
        .collect()
    }

    #[test]
    fn a_date_without_a_year_takes_the_articles_year() {
        // 19 October 2025 was a Sunday; 19 October 2024 a Saturday, but the article is of 2025.
        assert_eq!(
            flagged("Acara itu digelar Sabtu (19/10).", "2025-10-08"),
            [("Sabtu (19/10)".to_string(), Some("Minggu".to_string()))]
        );
        assert!(flagged("Acara itu digelar Minggu (19/10).", "2025-10-08").is_empty());
        assert_eq!(
            flagged(
                "Juru bicara akan menyampaikannya Senin (2/12).",
                "2025-10-21"
            ),
            [("Senin (2/12)".to_string(), Some("Selasa".to_string()))]
        );
    }

    #[test]
    fn around_new_year_the_neighbouring_year_counts_too() {
        // 27 December 2025 was a Saturday, 27 December 2026 a Sunday.
        assert!(flagged("Warga berkumpul Sabtu (27/12).", "2026-01-05").is_empty());
        assert!(flagged("Warga berkumpul Minggu (27/12).", "2026-01-05").is_empty());
        assert_eq!(
            flagged("Warga berkumpul Jumat (27/12).", "2026-01-05"),
            [("Jumat (27/12)".to_string(), Some("Sabtu".to_string()))]
        );
        // 5 January 2026 is a Monday, in a December 2025 article.
        assert!(flagged("Sekolah dibuka Senin (5/1).", "2025-12-29").is_empty());
        // No article date: a date without a year is not checked.
        assert!(
            Check::rules(&[id::DATE_WEEKDAY])
                .findings("Acara itu digelar Sabtu (19/10).")
                .is_empty()
        );
    }
}
