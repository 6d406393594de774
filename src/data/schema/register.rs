//! `institutions.toml`: the dated register of ministries, agencies and office holders.

use serde::Deserialize;

use super::{Checked, Problem, sourced};

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RegisterFile {
    pub institution: Vec<InstitutionEntry>,
    #[serde(default)]
    pub wrong: Vec<WrongEntry>,
    #[serde(default)]
    pub person: Vec<PersonEntry>,
}

/// One institution under one name, for the days that name was official.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InstitutionEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub forms: Vec<String>,
    #[serde(default)]
    pub titles: Vec<String>,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
    /// What it became: one (renamed), several (split), none with an end date (dissolved).
    #[serde(default)]
    pub successors: Vec<String>,
    /// Forms provincial and district offices use too (Dinas Kominfo).
    #[serde(default)]
    pub regional: Vec<String>,
    /// Renderings a translation from English produces that were never official (Kantor Jaksa
    /// Agung for Kejaksaan Agung, Kepolisian Nasional Indonesia for Polri).
    #[serde(default)]
    pub translated: Vec<String>,
    /// Lower-case words that tell a text is about this institution's field: among the
    /// successors of a split ministry, the one a text is about (perumahan for PKP).
    #[serde(default)]
    pub topics: Vec<String>,
    pub source: String,
}

/// A rendering that was never official, and the institution it means.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WrongEntry {
    pub form: String,
    pub institution: String,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    pub name: String,
    #[serde(default)]
    pub forms: Vec<String>,
    pub offices: Vec<OfficeEntry>,
    pub source: String,
}

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OfficeEntry {
    pub institution: String,
    pub from: Option<PartialDate>,
    pub until: Option<PartialDate>,
}

/// A day, a month or a year (`2005-02-17`, `2005-02`, `2005`): as the end of a period, its
/// first or its last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(try_from = "String")]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, a real day.
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year: i32 = parts
            .next()?
            .parse()
            .ok()
            .filter(|&y| (1..=9999).contains(&y))?;
        let month = match parts.next() {
            Some(m) => Some(m.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?),
            None => None,
        };
        let day = match (parts.next(), month) {
            (Some(d), Some(m)) => Some(
                d.parse::<u8>()
                    .ok()
                    .filter(|&d| (1..=days_in_month(year, m)).contains(&d))?,
            ),
            (None, _) => None,
            (Some(_), None) => return None,
        };
        parts
            .next()
            .is_none()
            .then_some(PartialDate { year, month, day })
    }

    /// The first day it covers, as year, month and day.
    pub fn first_day(self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day it covers, as year, month and day.
    pub fn last_day(self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (
            self.year,
            month,
            self.day.unwrap_or_else(|| days_in_month(self.year, month)),
        )
    }
}

impl TryFrom<String> for PartialDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        PartialDate::parse(&text)
            .ok_or_else(|| format!("“{text}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
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

impl Checked for RegisterFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        // Hashed: the shipped register is checked again on every run, and it is referred to
        // from hundreds of places.
        let ids: std::collections::HashSet<&str> =
            self.institution.iter().map(|e| e.id.as_str()).collect();
        let unknown = |id: &str| !ids.contains(id);
        let mut seen = std::collections::HashSet::new();
        problems.extend(sourced(
            "institution",
            self.institution.iter().map(|e| e.source.as_str()),
        ));
        problems.extend(sourced(
            "wrong",
            self.wrong.iter().map(|e| e.source.as_str()),
        ));
        problems.extend(sourced(
            "person",
            self.person.iter().map(|e| e.source.as_str()),
        ));
        for (i, e) in self.institution.iter().enumerate() {
            let mut fault = |message: String| problems.push(Problem::at("institution", i, message));
            if !seen.insert(e.id.as_str()) {
                fault(format!("institution id “{}” is used twice", e.id));
            }
            for s in e.successors.iter().filter(|s| unknown(s)) {
                fault(format!("no institution “{s}”"));
            }
            if !e.successors.is_empty() && e.until.is_none() {
                fault("successors without `until`".to_string());
            }
            for r in e.regional.iter().filter(|r| !e.forms.contains(r)) {
                fault(format!("regional form “{r}” is not one of its forms"));
            }
            for t in e
                .topics
                .iter()
                .filter(|t| t.chars().any(char::is_uppercase))
            {
                fault(format!("topic “{t}” is not lower-case"));
            }
        }
        for (i, w) in self.wrong.iter().enumerate() {
            if unknown(&w.institution) {
                problems.push(Problem::at(
                    "wrong",
                    i,
                    format!("no institution “{}”", w.institution),
                ));
            }
        }
        for (i, p) in self.person.iter().enumerate() {
            for o in p.offices.iter().filter(|o| unknown(&o.institution)) {
                problems.push(Problem::at(
                    "person",
                    i,
                    format!("no institution “{}”", o.institution),
                ));
            }
        }
        problems
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_take_the_right_end() {
        let date = |s: &str| PartialDate::parse(s);
        assert_eq!(
            date("2005").map(PartialDate::last_day),
            Some((2005, 12, 31))
        );
        assert_eq!(
            date("2025-02").map(PartialDate::last_day),
            Some((2025, 2, 28))
        );
        assert_eq!(
            date("2024-02").map(PartialDate::last_day),
            Some((2024, 2, 29))
        );
        assert_eq!(
            date("2025-02").map(PartialDate::first_day),
            Some((2025, 2, 1))
        );
        assert_eq!(
            date("2025-02-17").map(PartialDate::last_day),
            Some((2025, 2, 17))
        );
        for bad in ["x", "2025-13", "2025-02-29", "2025-1-1-1", "", "2025--01"] {
            assert_eq!(date(bad), None, "{bad}");
        }
    }
}
