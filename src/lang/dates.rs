//! Reading dates out of Indonesian news text.

use std::sync::LazyLock;

use regex::Regex;

use super::calendar::{ArticleDate, Date, DateSource, MONTHS_ID};
use crate::source::Document;

/// `(25/1/2025)` as news datelines write it, day first.
static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\((\d{1,2})/(\d{1,2})/(\d{4})\)").expect("a literal regex compiles")
});

/// `25 Januari 2025`.
static WRITTEN: LazyLock<Regex> = LazyLock::new(|| {
    let months = MONTHS_ID.join("|");
    Regex::new(&format!(r"\b(\d{{1,2}}) ({months}) (\d{{4}})\b")).expect("a built regex compiles")
});

/// The date the article gives for itself: the first day-first dateline or written date in it.
pub fn article_date(doc: &Document) -> Option<ArticleDate> {
    let text = doc.text();
    let numeric = DATELINE.captures_iter(text).find_map(|c| {
        let date = Date::new(c[3].parse().ok()?, c[2].parse().ok()?, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), date))
    });
    let written = WRITTEN.captures_iter(text).find_map(|c| {
        let month = MONTHS_ID.iter().position(|m| *m == &c[2])? as u8 + 1;
        let date = Date::new(c[3].parse().ok()?, month, c[1].parse().ok()?)?;
        Some((c.get(0)?.start(), date))
    });
    let first = match (numeric, written) {
        (Some(a), Some(b)) => Some(if a.0 <= b.0 { a } else { b }),
        (a, b) => a.or(b),
    };
    first.map(|(_, date)| ArticleDate {
        date,
        source: DateSource::Text,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_first_date() {
        let doc = Document::new(
            "t",
            "Jakarta - Pada Sabtu (25/1/2025), lalu 3 Februari 2025.",
        );
        assert_eq!(article_date(&doc).map(|d| d.date), Date::new(2025, 1, 25));
        let doc = Document::new("t", "Rapat 3 Februari 2024 dan Senin (1/25/2025).");
        assert_eq!(article_date(&doc).map(|d| d.date), Date::new(2024, 2, 3));
        assert_eq!(article_date(&Document::new("t", "tanpa tanggal")), None);
    }
}
