//! Running rules on a text and reading what they found: the one way tests (the project's and a
//! newsroom's own) lint a string. It goes through the same engine as `lintas check`, so the
//! policies between rules (one yielding to another, suppression comments) hold here too.

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic};
use crate::engine::{Linter, Selection};
use crate::input::Input;
use crate::lang::calendar::{ArticleDate, Date, DateSource};
use crate::rules::{Registered, Setup};
use crate::source::{Document, markdown};

/// Some rules, ready to lint texts with.
pub struct Check {
    linter: Linter,
    /// The article's date, whatever the text says; else the text's own, else today's.
    date: Option<ArticleDate>,
}

/// One finding, as a test reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: String,
    /// The text flagged.
    pub text: String,
    /// What each fix writes in its first edit, best first.
    pub fixes: Vec<String>,
    pub diagnostic: Diagnostic,
}

impl Finding {
    /// The best fix's replacement, if any.
    pub fn fix(&self) -> Option<&str> {
        self.fixes.first().map(String::as_str)
    }
}

impl Check {
    /// The shipped rules `ids`, configured by default.
    pub fn rules(ids: &[&str]) -> Check {
        Check::configured(&Config::default(), ids).expect("the shipped rules build")
    }

    /// Every shipped rule, configured by default.
    pub fn all_rules() -> Check {
        let linter = Linter::new(&Config::default(), &Selection::default())
            .expect("the shipped rules build");
        Check { linter, date: None }
    }

    /// The shipped rules `ids`, configured by `config`.
    pub fn configured(config: &Config, ids: &[&str]) -> anyhow::Result<Check> {
        let selection = Selection {
            select: Some(ids.iter().map(|id| id.to_string()).collect()),
            ignore: Vec::new(),
        };
        Ok(Check {
            linter: Linter::new(config, &selection)?,
            date: None,
        })
    }

    /// A rule of one's own, `id`, built by `build` for `config` (a rule file a test writes).
    pub fn rule(
        config: &Config,
        id: &str,
        build: impl FnOnce(&Setup) -> anyhow::Result<Registered> + Send,
    ) -> anyhow::Result<Check> {
        let linter = Linter::with_rule(config, id, build)?;
        Ok(Check { linter, date: None })
    }

    /// Lint as if the article were dated `date` (`YYYY-MM-DD`), whatever its text says.
    pub fn on(mut self, date: &str) -> Check {
        self.date = Some(configured(date));
        self
    }

    /// The findings on plain `text` dated `date` (`YYYY-MM-DD`), or as these checks date texts
    /// when `None`: for many texts of many dates with one set of rules.
    pub fn findings_dated(&self, text: &str, date: Option<&str>) -> Vec<Finding> {
        let doc = Document::new("t.txt", text);
        let date = date.map(configured).or(self.date);
        self.findings_of(
            &doc,
            self.linter
                .lint(&doc, &Input::Stdin { name: None }, date)
                .diagnostics,
        )
    }

    /// The findings on plain `text`, in order.
    pub fn findings(&self, text: &str) -> Vec<Finding> {
        self.findings_in(&Document::new("t.txt", text))
    }

    /// The findings on `text` read as Markdown, in order.
    pub fn markdown_findings(&self, text: &str) -> Vec<Finding> {
        self.findings_in(&markdown::parse(
            "t.md",
            text.to_string(),
            markdown::Dialect::Markdown,
        ))
    }

    /// Each finding's flagged text and best fix.
    pub fn found(&self, text: &str) -> Vec<(String, Option<String>)> {
        (self.findings(text).into_iter())
            .map(|f| {
                let fix = f.fix().map(str::to_string);
                (f.text, fix)
            })
            .collect()
    }

    /// The flagged texts alone.
    pub fn flagged(&self, text: &str) -> Vec<String> {
        self.findings(text).into_iter().map(|f| f.text).collect()
    }

    /// The diagnostics on `doc`, as `lintas check` reports them.
    pub fn diagnostics(&self, doc: &Document) -> Vec<Diagnostic> {
        self.linter
            .lint(doc, &Input::Stdin { name: None }, self.date)
            .diagnostics
    }

    /// `text` with the fixes at `applicability` and above applied until none is left, as
    /// `lintas check --fix` writes it.
    ///
    /// # Panics
    /// When the fixes do not settle, as `--fix` would fail: two fixes undo each other.
    pub fn fixed(&self, text: &str, applicability: Applicability) -> String {
        let settled = self.linter.fix(
            &Input::Stdin { name: None },
            text.to_string(),
            applicability,
            self.date,
        );
        settled.unwrap_or_else(|e| panic!("{e}")).doc.into_source()
    }

    /// The linter behind these checks.
    pub fn linter(&self) -> &Linter {
        &self.linter
    }

    fn findings_in(&self, doc: &Document) -> Vec<Finding> {
        self.findings_of(doc, self.diagnostics(doc))
    }

    fn findings_of(&self, doc: &Document, diagnostics: Vec<Diagnostic>) -> Vec<Finding> {
        diagnostics
            .into_iter()
            .map(|d| Finding {
                rule: d.rule.clone(),
                text: doc.source()[d.span.clone()].to_string(),
                fixes: d
                    .fixes
                    .iter()
                    .map(|f| {
                        f.edits
                            .first()
                            .map(|e| e.replacement.clone())
                            .unwrap_or_default()
                    })
                    .collect(),
                diagnostic: d,
            })
            .collect()
    }
}

/// `date` (`YYYY-MM-DD`) as the article's date a test sets.
fn configured(date: &str) -> ArticleDate {
    let date = Date::parse_iso(date).unwrap_or_else(|| panic!("{date:?} is not YYYY-MM-DD"));
    ArticleDate {
        date,
        source: DateSource::Config,
    }
}

impl Finding {
    /// `text` with this finding's first fix applied: what fixture tests compare with the text
    /// they expect.
    pub fn with_first_fix(&self, text: &str) -> Option<String> {
        let fix = self.diagnostic.fixes.first()?;
        let mut out = text.to_string();
        let mut edits = fix.edits.clone();
        edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
        for edit in edits {
            out.replace_range(edit.span.clone(), &edit.replacement);
        }
        Some(out)
    }
}

/// What a fixture test counts for one kind of case: how many cases, how many found, and of those
/// with one right repair, how many the first fix got right.
#[derive(Clone, Copy, Debug, Default)]
pub struct Tally {
    pub cases: usize,
    pub found: usize,
    pub with_fix: usize,
    pub fixed_right: usize,
}

impl Tally {
    /// One case: whether it was found, and, where it has one right repair, whether the first
    /// fix made it.
    pub fn count(&mut self, found: bool, fixed_right: Option<bool>) {
        self.cases += 1;
        self.found += usize::from(found);
        if let Some(right) = fixed_right {
            self.with_fix += 1;
            self.fixed_right += usize::from(right);
        }
    }

    /// Both tallies together.
    pub fn add(&mut self, other: &Tally) {
        self.cases += other.cases;
        self.found += other.found;
        self.with_fix += other.with_fix;
        self.fixed_right += other.fixed_right;
    }

    /// The share of cases found.
    pub fn recall(&self) -> f64 {
        self.found as f64 / self.cases.max(1) as f64
    }

    /// The share of cases with one right repair whose first fix made it (1 when there are none).
    pub fn fixes_right(&self) -> f64 {
        if self.with_fix == 0 {
            return 1.0;
        }
        self.fixed_right as f64 / self.with_fix as f64
    }
}
