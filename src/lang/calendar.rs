//! Civil dates without a time zone, weekday arithmetic and the Indonesian and English names of
//! months and days.

use std::fmt;

pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
/// Monday first, as ISO 8601 numbers them.
pub const WEEKDAYS_ID: [&str; 7] = [
    "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
];
pub const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A proleptic Gregorian calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date, or `None` (`31/2/2025`, month 13).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut parts = s.trim().splitn(3, '-');
        let year = parts.next()?.parse().ok()?;
        let month = parts.next()?.parse().ok()?;
        let day = parts.next()?.get(..2)?.parse().ok()?;
        Date::new(year, month, day)
    }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (`civil_from_days`).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(self) -> usize {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as usize
    }

    /// `25 Januari 2025`.
    pub fn long_id(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS_ID[usize::from(self.month - 1)],
            self.year
        )
    }

    /// `25 January 2025`, for English messages.
    pub fn long_en(self) -> String {
        format!(
            "{} {} {}",
            self.day,
            MONTHS_EN[usize::from(self.month - 1)],
            self.year
        )
    }

    /// The nearest date that falls on `weekday` (0 = Monday), this one included.
    pub fn nearest_on(self, weekday: usize) -> Date {
        let ahead = (weekday as i64 - self.weekday() as i64).rem_euclid(7);
        let shift = if ahead <= 3 { ahead } else { ahead - 7 };
        Date::from_days_since_epoch(self.days_since_epoch() + shift)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Where the article's date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateSource {
    FrontMatter,
    Text,
    /// `--date` or `document-date` in `lintas.toml`.
    Config,
}

impl DateSource {
    /// Its name in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            DateSource::FrontMatter => "front-matter",
            DateSource::Text => "text",
            DateSource::Config => "configuration",
        }
    }
}

/// The article's date. There is none when neither the markup, the text nor the configuration
/// gives one: today's date is never assumed, since archives are linted years later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArticleDate {
    pub date: Date,
    pub source: DateSource,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_are_right() {
        let d = Date::new(2025, 1, 25).expect("valid");
        assert_eq!(WEEKDAYS_ID[d.weekday()], "Sabtu");
        assert_eq!(
            WEEKDAYS_ID[Date::new(2025, 10, 15).expect("valid").weekday()],
            "Rabu"
        );
        assert_eq!(
            WEEKDAYS_ID[Date::new(2000, 2, 29).expect("valid").weekday()],
            "Selasa"
        );
    }

    #[test]
    fn nearest_weekday() {
        let d = Date::new(2025, 10, 15).expect("valid"); // a Wednesday
        assert_eq!(d.nearest_on(3), Date::new(2025, 10, 16).expect("valid"));
        assert_eq!(d.nearest_on(0), Date::new(2025, 10, 13).expect("valid"));
        assert_eq!(d.nearest_on(2), d);
        assert_eq!(d.long_en(), "15 October 2025");
    }

    #[test]
    fn invalid_dates_are_rejected() {
        assert!(Date::new(2025, 2, 29).is_none());
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2025, 13, 1).is_none());
        assert!(Date::new(2025, 1, 0).is_none());
        assert_eq!(Date::parse_iso("2023-05-01"), Date::new(2023, 5, 1));
        assert_eq!(
            Date::parse_iso("2023-05-01T10:00:00+07:00"),
            Date::new(2023, 5, 1)
        );
    }

    #[test]
    fn epoch_days_round_trip() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_113, 2_900_000] {
            let d = Date::from_days_since_epoch(days);
            assert_eq!(d.days_since_epoch(), days, "{d}");
        }
    }
}
