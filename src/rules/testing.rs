//! What rules' unit tests share: running one rule on a text and reading its findings.

use super::Rule;
use crate::lang::calendar::{ArticleDate, Date, DateSource};
use crate::source::Document;

/// Each finding of `rule` on `text`, with the article dated `date` (`YYYY-MM-DD`) when given: the
/// flagged text and the first replacement of its best fix.
pub fn findings(rule: &dyn Rule, text: &str, date: Option<&str>) -> Vec<(String, Option<String>)> {
    let mut doc = Document::new("t", text);
    if let Some(date) = date.and_then(Date::parse_iso) {
        doc.set_date(ArticleDate {
            date,
            source: DateSource::Config,
        });
    }
    let mut out = Vec::new();
    rule.check(&doc, &mut out);
    out.into_iter()
        .map(|d| {
            (
                doc.slice(&d.span).to_string(),
                d.fixes.first().map(|f| f.edits[0].replacement.clone()),
            )
        })
        .collect()
}

/// Just the flagged texts of [`findings`], for a rule built with the default configuration.
pub fn flagged_texts(rule: &dyn Rule, text: &str) -> Vec<String> {
    findings(rule, text, None)
        .into_iter()
        .map(|(found, _)| found)
        .collect()
}
