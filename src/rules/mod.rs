//! The `Rule` trait and the registry: one list from which `lintas rules`, `lintas explain`, the
//! docs and the example tests all come.
//!
//! A rule is a file in `rules/`, whose name is its id: its documentation and examples, and its
//! data. A phrase rule is that file alone; a code rule is also a module here, named after it
//! (`rules/date-format.toml`, `src/rules/date_format.rs`), with a `new` function that builds it.
//! `build.rs` lists the files, so a code rule whose file or module is missing does not compile.

mod acronym_mismatch;
mod capitalization;
mod context;
mod date_format;
mod date_weekday;
pub mod docs;
mod number_format;
mod official_name;
mod phrases;
mod repeated_word;
mod sentence_break;
mod spacing;
mod spelling;
mod stray_text;
mod term_consistency;
mod untranslated;
mod unused_suppression;
mod word_order;

pub use context::{Context, Reads};
pub use phrases::PhraseRule;

use anyhow::bail;
use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::config::Config;
use crate::data::schema::{Example, RuleDoc};
use crate::diagnostic::{Diagnostic, Localized, Severity};
use crate::lang::lexicon::PhraseLists;
use crate::messages::Message;

include!(concat!(env!("OUT_DIR"), "/registry.rs"));

pub trait Rule: Send + Sync {
    /// What the rule reads beyond the document: the engine computes these, and only these,
    /// before the rules run (reading another panics, which every rule's examples would show).
    fn reads(&self) -> Reads;

    /// Append this rule's findings on the document. Takes `&self` so one rule set serves every
    /// thread. A finding's rule id is the engine's to write.
    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// A rule's documentation, as `lintas rules`, `lintas explain` and reports show it.
#[derive(Clone, Debug)]
pub struct RuleMeta {
    /// Stable kebab-case id, never reused: the name of the rule's file in `rules/`.
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

impl RuleMeta {
    pub fn new(id: &str, doc: RuleDoc, fixable: bool) -> RuleMeta {
        RuleMeta {
            id: id.to_string(),
            default_severity: doc.severity,
            summary: doc.summary,
            explanation: doc.explanation,
            sources: doc.sources,
            examples: doc.examples,
            fixable,
            yields_to: doc.yields_to,
        }
    }
}

/// A rule with its documentation.
pub struct Registered {
    pub meta: RuleMeta,
    pub rule: Box<dyn Rule>,
}

/// What a rule is built from: its id, the configuration, and the run's phrase lists, where a
/// rule registers the lists it searches documents for.
pub struct Setup<'a> {
    pub id: &'a str,
    pub config: &'a Config,
    pub lists: &'a PhraseLists,
    /// Whether the rule read its options: a rule that takes none must be given none.
    options_read: std::cell::Cell<bool>,
}

impl<'a> Setup<'a> {
    pub fn new(id: &'a str, config: &'a Config, lists: &'a PhraseLists) -> Self {
        Setup {
            id,
            config,
            lists,
            options_read: std::cell::Cell::new(false),
        }
    }

    /// The rule's options in `[rules.ID]`, checked against `T`.
    pub fn options<T: DeserializeOwned + Default>(&self) -> anyhow::Result<T> {
        self.options_read.set(true);
        self.config.rule_options(self.id)
    }

    /// What `lintas.toml` says of a rule that takes no entries and, unless it read them, no
    /// options: anything there would silently do nothing, so it is an error.
    fn check_unused_settings(&self) -> anyhow::Result<()> {
        let Some(settings) = self.config.settings(self.id) else {
            return Ok(());
        };
        let id = self.id;
        let at = |key: &str| self.config.place(id, key);
        if !settings.entries.is_empty() {
            bail!(Message::NotDataRule {
                place: at("entries"),
                rule: id.to_string(),
                data_rules: data_rule_ids().into_iter().map(String::from).collect(),
            });
        }
        if !settings.disable.is_empty() {
            bail!(Message::NothingToDisable {
                place: at("disable"),
                rule: id.to_string(),
            });
        }
        if let Some(key) = settings
            .options
            .keys()
            .next()
            .filter(|_| !self.options_read.get())
        {
            bail!(Message::UnknownRuleKey {
                place: at(key),
                rule: id.to_string(),
                key: key.clone(),
            });
        }
        Ok(())
    }

    /// The rule's own file in `rules/`, as `T`.
    pub fn data<T: DeserializeOwned>(&self) -> T {
        crate::data::load(self.id)
    }
}

/// How a shipped rule is built.
enum Kind {
    /// From its file alone.
    Phrases,
    /// By its module's `new`, which gets the setup and returns the rule or an error naming what
    /// is wrong in its settings.
    Code(fn(&Setup) -> anyhow::Result<Box<dyn Rule>>),
}

/// A rule lintas ships.
struct Shipped {
    id: &'static str,
    kind: Kind,
}

impl Shipped {
    fn build(&self, config: &Config, lists: &PhraseLists) -> anyhow::Result<Registered> {
        let setup = Setup::new(self.id, config, lists);
        match self.kind {
            Kind::Phrases => PhraseRule::shipped(&setup),
            Kind::Code(new) => {
                let rule = new(&setup)?;
                setup.check_unused_settings()?;
                // Every file's shape was checked by build.rs, but a code rule's may hold data of
                // its own besides the `[rule]` table: only that table is read here.
                let file: RuleDocOnly = setup.data();
                let fixable = file.rule.fixable.unwrap_or_default();
                Ok(Registered {
                    meta: RuleMeta::new(self.id, file.rule, fixable),
                    rule,
                })
            }
        }
    }
}

/// The `[rule]` table of any rule's file.
#[derive(serde::Deserialize)]
struct RuleDocOnly {
    rule: RuleDoc,
}

/// Every shipped rule, enabled or not, in id order, built for `config`, its phrase lists
/// registered in `lists`.
pub fn build(config: &Config, lists: &PhraseLists) -> anyhow::Result<Vec<Registered>> {
    // Building is most of a short run's time, and the rules are independent: built in parallel.
    SHIPPED
        .par_iter()
        .map(|shipped| shipped.build(config, lists))
        .collect()
}

/// Every rule as configured by `config`, for its documentation (`lintas rules`, `explain`).
pub fn all(config: &Config) -> anyhow::Result<Vec<Registered>> {
    build(config, &PhraseLists::default())
}

/// The ids of the rules made of data (`rules/ID.toml` entries), which take `entries` and
/// `disable`.
fn data_rule_ids() -> Vec<&'static str> {
    (SHIPPED.iter())
        .filter(|s| matches!(s.kind, Kind::Phrases))
        .map(|s| s.id)
        .collect()
}

/// Every rule id, in order, without building the rules (for `--select` checks and suggestions).
pub fn ids() -> Vec<String> {
    SHIPPED.iter().map(|s| s.id.to_string()).collect()
}
