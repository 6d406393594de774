//! The `Rule` trait and the registry: one list from which `lintas rules`, `lintas explain`, the
//! docs and the example tests all come.

mod acronym_mismatch;
mod capitalization;
mod context;
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
mod untranslated;
mod unused_suppression;

pub use context::Context;

use rayon::prelude::*;

use crate::config::Config;
use crate::data::DataRule;
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::lang::matcher::PhraseLists;
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
    /// Rules whose findings this rule's give way to: where one of them reports a span, this
    /// rule's findings that overlap it are dropped (`spelling` stays quiet where
    /// `nonstandard-word` speaks). The engine applies it, whichever rules are enabled.
    pub yields_to: Vec<String>,
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

    /// Append this rule's findings on the document. Takes `&self` so one rule set serves every
    /// thread.
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// What a rule is built from: the configuration, and the run's phrase lists, where a rule
/// registers the lists it searches documents for.
pub struct Setup<'a> {
    pub config: &'a Config,
    pub lists: &'a PhraseLists,
}

/// A code rule's constructor: returns the rule or an error naming what is wrong in its settings.
type Constructor = fn(&Setup) -> anyhow::Result<Box<dyn Rule>>;

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

/// Every rule, enabled or not, in id order, its phrase lists registered in `setup.lists`.
pub fn build(setup: &Setup) -> anyhow::Result<Vec<Box<dyn Rule>>> {
    // Building is most of a short run's time, and the rules are independent: build them in
    // parallel, the data rules beside the code rules.
    let (code, data) = rayon::join(
        || {
            CODE_RULES
                .par_iter()
                .map(|(_, build)| build(setup))
                .collect::<anyhow::Result<Vec<_>>>()
        },
        || DataRule::load_all(setup),
    );
    let mut rules = code?;
    rules.extend(
        data?
            .into_iter()
            .map(|rule| Box::new(rule) as Box<dyn Rule>),
    );
    rules.sort_by(|a, b| a.meta().id.cmp(&b.meta().id));
    Ok(rules)
}

/// Every rule as configured by `config`, for its documentation (`lintas rules`, `explain`).
pub fn all(config: &Config) -> anyhow::Result<Vec<Box<dyn Rule>>> {
    build(&Setup {
        config,
        lists: &PhraseLists::default(),
    })
}

/// Every rule id, without building the rules (for `--select` validation and suggestions).
pub fn ids() -> Vec<String> {
    let mut ids: Vec<String> = CODE_RULES.iter().map(|(id, _)| id.to_string()).collect();
    ids.extend(crate::data::data_rule_ids().map(str::to_owned));
    ids.sort();
    ids
}
