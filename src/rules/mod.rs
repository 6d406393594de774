//! The `Rule` trait and the registry: one list from which `lintas rules`, `lintas explain`, the
//! docs and the example tests all come.

mod acronym_mismatch;
mod capitalization;
mod date_format;
mod date_weekday;
pub mod docs;
mod number_format;
mod official_name;
mod repeated_word;
mod spacing;
mod spelling;
mod stray_text;
mod term_consistency;
#[cfg(test)]
pub(crate) mod testing;
mod untranslated;
mod unused_suppression;

use rayon::prelude::*;
use std::sync::{Arc, LazyLock};

use crate::config::Config;
use crate::data::DataRule;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::lang::institutions::REGISTER;
use crate::source::Document;
use crate::suppress;

/// A rule's own documentation.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id, never reused.
    pub id: String,
    pub default_severity: Severity,
    /// One line for `lintas rules`.
    pub summary: Localized,
    /// Why it matters to an editor, and what it does not flag.
    pub explanation: Localized,
    /// Where the norm comes from (KBBI, EYD V, a Perpres, a dated report).
    pub sources: Vec<String>,
    pub examples: Vec<Example>,
    /// Whether the rule offers fixes at all.
    pub fixable: bool,
}

/// `bad` must produce a diagnostic of the rule; applying the rule's first fixes to `bad` (when it
/// has any) must give `good`; `good` must be clean.
#[derive(Clone, Debug, serde::Deserialize)]
pub struct Example {
    pub bad: String,
    pub good: String,
    /// The article's date the example assumes (`YYYY-MM-DD`), for date-dependent rules.
    #[serde(default)]
    pub date: Option<String>,
}

impl Example {
    pub fn new(bad: &str, good: &str) -> Self {
        Example {
            bad: bad.to_string(),
            good: good.to_string(),
            date: None,
        }
    }
}

pub trait Rule: Send + Sync {
    fn meta(&self) -> &RuleMeta;

    /// Append this rule's findings on `doc`. Takes `&self` so one rule set serves every thread.
    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>);
}

/// A code rule's constructor: gets the configuration, returns the rule or an error naming what is
/// wrong in its settings.
type Constructor = fn(&Config) -> anyhow::Result<Arc<dyn Rule>>;

/// Every code rule. Rules that are lists live in `rules/*.toml` and are added by `data`.
const CODE_RULES: &[(&str, Constructor)] = &[
    ("acronym-mismatch", acronym_mismatch::new),
    ("capitalization", capitalization::new),
    (date_format::ID, date_format::new),
    (date_weekday::ID, date_weekday::new),
    (number_format::ID, number_format::new),
    ("official-name", official_name::new),
    ("repeated-word", repeated_word::new),
    ("spacing", spacing::new),
    (spelling::ID, spelling::new),
    ("stray-text", stray_text::new),
    (suppress::UNUSED, unused_suppression::new),
    ("term-consistency", term_consistency::new),
    (untranslated::ID, untranslated::new),
];

/// Every rule, enabled or not, in id order.
pub fn all(config: &Config) -> anyhow::Result<Vec<Arc<dyn Rule>>> {
    // Building is most of a short run's time, and the rules are independent: build them in
    // parallel, the data rules beside the code rules. The institutions register, which three
    // rules share, is the largest build: it starts at once on a worker of its own, so that no
    // worker builds it after another large list while the other worker idles.
    let (_, (code, data)) = rayon::join(
        || LazyLock::force(&REGISTER),
        || {
            rayon::join(
                || {
                    CODE_RULES
                        .par_iter()
                        .map(|(_, build)| build(config))
                        .collect::<anyhow::Result<Vec<_>>>()
                },
                || DataRule::load_all(config),
            )
        },
    );
    let mut rules = code?;
    rules.extend(data?.into_iter().map(|rule| rule as Arc<dyn Rule>));
    rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
    Ok(rules)
}

/// Every rule id, without building the rules (for `--select` validation and suggestions).
pub fn ids() -> Vec<String> {
    let mut ids: Vec<String> = CODE_RULES.iter().map(|(id, _)| id.to_string()).collect();
    ids.extend(crate::data::data_rule_ids().map(str::to_owned));
    ids.sort();
    ids
}
