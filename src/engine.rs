//! The engine: builds the enabled rule set, the lexicon and the register from configuration,
//! lints documents in parallel, and runs the fix loop. Output order is deterministic whatever the
//! thread count.
//!
//! A document is linted in two steps: what rules share (its words as the lexicon knows them, its
//! dates, the institutions it names, the article's date) is computed first, into a
//! [`Context`]; then the rules run on it in parallel and only read it. Policies between rules
//! (one yielding to another, suppression comments) are applied to their findings afterwards.

use anyhow::bail;
use rayon::prelude::*;

use crate::config::Config;
use crate::diagnostic::{Applicability, Diagnostic, Severity};
use crate::fix::apply_fixes;
use crate::input::{self, Input, InputError, Opened, Section, Whole};
use crate::lang::calendar::{ArticleDate, Date, DateSource};
use crate::lang::dates;
use crate::lang::institutions::Register;
use crate::lang::lexicon::PhraseLists;
use crate::lang::lexicon::{Lexicon, LexiconOptions};
use crate::messages::Message;
use crate::rules::{self, Context, Reads, Registered, RuleMeta, Setup};
use crate::source::{Document, Origin, Positions, Span};
use crate::suppress;

/// How many lint-and-fix rounds a file may take; needing more means two fixes undo each other.
const MAX_FIX_ROUNDS: usize = 10;
/// How many times its length fixes may make a text, beside [`FIX_GROWTH_SLACK`] bytes for a short
/// one. Real fixes barely change a text's length (“1/25/2025” → “25/1/2025”, “MOU” → “MoU”); a
/// replacement that holds what its entry matches would double the text every round, and the bound
/// stops it while it is still small, whatever the configuration.
const FIX_GROWTH: usize = 4;
const FIX_GROWTH_SLACK: usize = 64 << 10;

/// At most this many findings of one file are reported, the first ones: past them a file says
/// nothing more a reader can act on, and a hostile file (a contributor's pull request) would
/// otherwise make the report, and the memory holding it until it is written, as large as it
/// likes. The rest are counted ([`Omitted`]).
pub const MAX_FINDINGS: usize = 1000;

/// The findings of a file left out of its report by [`MAX_FINDINGS`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Omitted {
    pub count: usize,
    /// The most severe of them: a run fails on what it did not show as on what it did.
    pub worst: Option<Severity>,
}

impl Omitted {
    fn add(&mut self, other: Omitted) {
        self.count += other.count;
        self.worst = self.worst.max(other.worst);
    }
}

/// What linting one document found.
pub struct Linted {
    pub diagnostics: Vec<Diagnostic>,
    /// The rules that ran read the article's date, and the document gave none: what depends on
    /// the date was left out.
    pub undated: bool,
    /// The article's date the rules read, and where it came from (none when no rule read it).
    pub date: Option<ArticleDate>,
}

/// A text whose fixes have all been applied.
pub struct Settled {
    pub doc: Document,
    /// What linting it found last.
    pub linted: Linted,
    /// How many fixes were applied.
    pub fixed: usize,
}

/// Which rules run and how loudly.
#[derive(Clone, Debug, Default)]
pub struct Selection {
    /// Only these rule ids (none: every rule enabled by default or by config).
    pub select: Option<Vec<String>>,
    pub ignore: Vec<String>,
}

/// What one text adds to the linter's configuration: a draft sent to `lintas serve` names its
/// own date and rules, while the linter is built once for every request.
#[derive(Clone, Debug, Default)]
pub struct PerText {
    /// The article's date when the text gives none, in place of the configured one
    /// (`check --date`).
    pub date: Option<Date>,
    /// Rules not reported on this text, beside those the configuration leaves out: as a
    /// `[[per-file]] ignore` list, so a rule an enabled one yields to still runs.
    pub ignore: Vec<String>,
}

/// A rule set ready to lint with: a value, built from a configuration, shared by every thread
/// that lints with it, and independent of any other linter in the process.
pub struct Linter {
    rules: Vec<Built>,
    per_file: Vec<(ignore::gitignore::Gitignore, Vec<String>)>,
    document_date: Option<Date>,
    lexicon: Lexicon,
    register: Register,
}

/// A rule as the linter keeps it.
struct Built {
    registered: Registered,
    /// Its severity, or `None` for a rule that is not enabled but runs because an enabled rule
    /// yields to it: its findings are read, never reported.
    severity: Option<Severity>,
    /// The indexes (in the linter's rules) of the rules it yields to.
    yields_to: Vec<usize>,
}

impl Built {
    fn id(&self) -> &str {
        &self.registered.meta.id
    }
}

/// How many inputs are linted together before their results are reported.
const BATCH_INPUTS: usize = 256;
/// How much text is linted together before results are reported: with the sections of large
/// files, what keeps memory bounded whatever the input.
const BATCH_BYTES: usize = 8 << 20;

/// Which part of its file a result covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Whole,
    /// A section of a large file; reports put a file's sections together.
    Section {
        first: bool,
        last: bool,
    },
}

impl Part {
    pub fn opens_file(self) -> bool {
        matches!(self, Part::Whole | Part::Section { first: true, .. })
    }

    pub fn closes_file(self) -> bool {
        matches!(self, Part::Whole | Part::Section { last: true, .. })
    }
}

/// The outcome for one input (or one section of a large file).
#[derive(Debug)]
pub struct FileResult {
    pub input: Input,
    /// The text the diagnostics point into (after fixes, when fixes were applied).
    pub source: String,
    /// Where `source` starts in the file.
    pub origin: Origin,
    pub part: Part,
    pub diagnostics: Vec<Diagnostic>,
    /// The text before fixes, when fixing changed it.
    pub original: Option<String>,
    /// Gave no article date where a rule would have read it (see [`Linted::undated`]).
    pub undated: bool,
    /// The article's date the rules read (see [`Linted::date`]).
    pub date: Option<ArticleDate>,
    /// Fixes applied.
    pub fixed: usize,
    /// The findings of its file left out so far, this result's included: a file's last result
    /// holds its total.
    pub omitted: Omitted,
}

impl FileResult {
    pub fn path(&self) -> String {
        self.input.display()
    }

    /// File positions of offsets into `source`.
    pub fn positions(&self) -> Positions<'_> {
        Positions::new(&self.source, self.origin)
    }

    /// Keep the first `room` findings, counting the rest as omitted.
    fn keep_at_most(&mut self, room: usize) {
        if self.diagnostics.len() <= room {
            return;
        }
        for d in self.diagnostics.drain(room..) {
            self.omitted.add(Omitted {
                count: 1,
                worst: Some(d.severity),
            });
        }
        self.diagnostics.shrink_to_fit();
    }
}

/// [`MAX_FINDINGS`] across the results of a file, which come in order: a large file's sections
/// are each capped as they are linted, and their file here.
#[derive(Default)]
struct FileCap {
    shown: usize,
    omitted: Omitted,
}

impl FileCap {
    fn apply(&mut self, outcome: &mut Outcome) {
        let Outcome::Linted(r) = outcome else {
            return;
        };
        if r.part.opens_file() {
            *self = FileCap::default();
        }
        r.keep_at_most(MAX_FINDINGS - self.shown);
        self.shown += r.diagnostics.len();
        self.omitted.add(r.omitted);
        r.omitted = self.omitted;
    }
}

/// What became of one piece of work, in input order.
#[derive(Debug)]
pub enum Outcome {
    Linted(FileResult),
    Failed(Input, FileError),
    /// Not linted, with the reason (a binary file).
    Skipped(Input, Message),
}

/// One unit of linting: a whole text or a section of a large file.
enum Work {
    /// A file of this size, small enough to be read whole by the worker that lints it.
    File(Input, usize),
    Text(Input, String),
    Section(Input, Section),
    Failed(Input, FileError),
    Skipped(Input, Message),
}

impl Work {
    fn skipped_binary(input: Input) -> Work {
        Work::Skipped(input, Message::Binary)
    }

    fn len(&self) -> usize {
        match self {
            Work::File(_, len) => *len,
            Work::Text(_, t) => t.len(),
            Work::Section(_, s) => s.text.len(),
            Work::Failed(..) | Work::Skipped(..) => 0,
        }
    }
}

/// Work gathered until it is worth a parallel pass, and no more than memory should hold.
#[derive(Default)]
struct Batch {
    work: Vec<Work>,
    bytes: usize,
}

impl Batch {
    fn push(&mut self, work: Work) {
        self.bytes += work.len();
        self.work.push(work);
    }

    fn is_full(&self) -> bool {
        self.work.len() >= BATCH_INPUTS || self.bytes >= BATCH_BYTES
    }

    fn take(&mut self) -> Vec<Work> {
        self.bytes = 0;
        std::mem::take(&mut self.work)
    }
}

impl Linter {
    pub fn new(config: &Config, selection: &Selection) -> anyhow::Result<Linter> {
        let known = rules::ids();
        let check_ids = |ids: &[String], what: &str| -> Result<(), Message> {
            match ids.iter().find(|id| !known.contains(id)) {
                Some(id) => Err(Message::UnknownRule {
                    place: Some(what.to_string()),
                    id: id.clone(),
                    suggestion: did_you_mean(id, &known),
                }),
                None => Ok(()),
            }
        };
        if let Some(select) = &selection.select {
            check_ids(select, "--select")?;
        }
        if let Some(select) = &config.select {
            check_ids(select, &format!("{}: select", config.origin_name()))?;
        }
        let select = selection.select.clone().or_else(|| config.select.clone());
        check_ids(&selection.ignore, "--ignore")?;
        let origin = config.origin_name();
        check_ids(&config.ignore, &origin)?;
        check_ids(
            &config.rules.keys().cloned().collect::<Vec<_>>(),
            &format!("{origin}: [rules]"),
        )?;
        for pf in &config.per_file {
            check_ids(&pf.ignore, &format!("{origin}: [[per-file]] {}", pf.glob))?;
        }
        Linter::assemble(config, select.as_deref(), &selection.ignore, |lists| {
            rules::build(config, lists)
        })
    }

    /// A linter with the rule `build` makes for a setup whose id is `id`, enabled at its
    /// default severity unless configured otherwise: for a rule of one's own (a rule file a test
    /// writes).
    pub fn with_rule(
        config: &Config,
        id: &str,
        build: impl FnOnce(&Setup) -> anyhow::Result<Registered> + Send,
    ) -> anyhow::Result<Linter> {
        Linter::assemble(config, None, &[], |lists| {
            Ok(vec![build(&Setup::new(id, config, lists))?])
        })
    }

    /// The linter for the rules `build` makes, their phrase lists registered in the lists it
    /// is given, of which those in `select` (all when `None`) and not in `ignore` are enabled.
    fn assemble(
        config: &Config,
        select: Option<&[String]>,
        ignore: &[String],
        build: impl FnOnce(&PhraseLists) -> anyhow::Result<Vec<Registered>> + Send,
    ) -> anyhow::Result<Linter> {
        let lists = PhraseLists::default();
        // The register and the rules are the largest builds and independent: built in parallel.
        let (register, all) = rayon::join(|| Register::builtin(&lists), || build(&lists));
        let all = all?;
        let mut on = Vec::with_capacity(all.len());
        for rule in &all {
            let id = &rule.meta.id;
            let settings = config.settings(id);
            let enabled = match select {
                Some(select) => select.contains(id),
                None => settings.and_then(|s| s.enabled).unwrap_or(true),
            } && !ignore.contains(id)
                && !config.ignore.contains(id);
            on.push(enabled.then(|| {
                settings
                    .and_then(|s| s.severity)
                    .unwrap_or(rule.meta.default_severity)
            }));
        }
        // A rule that an enabled rule yields to runs too, unreported.
        let mut keep: Vec<bool> = on.iter().map(Option::is_some).collect();
        for (i, rule) in all.iter().enumerate() {
            if on[i].is_some() {
                for other in &rule.meta.yields_to {
                    let Some(j) = all.iter().position(|r| &r.meta.id == other) else {
                        bail!(Message::YieldsToUnknown {
                            rule: rule.meta.id.clone(),
                            other: other.clone(),
                        });
                    };
                    keep[j] = true;
                }
            }
        }
        // Each kept rule's place among the kept ones.
        let mut place = Vec::with_capacity(all.len());
        let mut next = 0;
        for &k in &keep {
            place.push(k.then(|| {
                next += 1;
                next - 1
            }));
        }
        let position = |id: &String| all.iter().position(|r| &r.meta.id == id);
        let yields: Vec<Vec<usize>> = (all.iter())
            .map(|rule| {
                (rule.meta.yields_to.iter())
                    .filter_map(|other| place[position(other)?])
                    .collect()
            })
            .collect();
        let rules: Vec<Built> = (all.into_iter().zip(on).zip(yields).zip(keep))
            .filter(|(_, keep)| *keep)
            .map(|(((registered, severity), yields_to), _)| Built {
                registered,
                severity,
                yields_to,
            })
            .collect();

        let mut per_file = Vec::new();
        for pf in &config.per_file {
            // Globs match report names, which start at the root (`input::Root`): "." strips
            // nothing from them.
            let mut builder = ignore::gitignore::GitignoreBuilder::new(".");
            // An unclosed `[` is a typo in a configuration, not the literal git takes it for.
            builder.allow_unclosed_class(false);
            let glob = builder.add_line(None, &pf.glob).and_then(|b| b.build());
            let glob = glob.map_err(|e| Message::BadGlob {
                origin: config.origin_name(),
                glob: pf.glob.clone(),
                detail: e.to_string(),
            })?;
            per_file.push((glob, pf.ignore.clone()));
        }
        let lexicon_options: LexiconOptions = config.rule_options(LEXICON_SETTINGS)?;
        let lexicon = Lexicon::new(&resolved(config, lexicon_options), lists.into_matchers())
            .map_err(|e| {
                e.context(Message::SpellingSettings {
                    origin: config.origin_name(),
                })
            })?
            .with_persons(register.persons().iter().map(|p| p.name.as_str()))
            .with_institutions(
                (0..register.institutions().len()).flat_map(|id| register.spelled_out(id)),
            );
        Ok(Linter {
            rules,
            per_file,
            document_date: config.document_date()?,
            lexicon,
            register,
        })
    }

    /// The enabled rules' documentation with their configured severity.
    pub fn rules(&self) -> impl Iterator<Item = (&RuleMeta, Severity)> {
        (self.rules.iter()).filter_map(|b| Some((&b.registered.meta, b.severity?)))
    }

    /// The lexicon this linter judges words with.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The article's date: the one the markup declares (front matter), else the text's own, else
    /// the configured one; none when none of them gives one.
    fn article_date(
        &self,
        doc: &Document,
        found: &[dates::DateMention],
        per: &PerText,
    ) -> Option<ArticleDate> {
        dates::declared_date(doc)
            .or_else(|| dates::article_date(found))
            .or_else(|| {
                per.date.or(self.document_date).map(|date| ArticleDate {
                    date,
                    source: DateSource::Config,
                })
            })
    }

    /// Every enabled rule's findings on `doc`, sorted by position then rule; `date`, when
    /// given, is the article's date whatever the text says.
    pub fn lint(&self, doc: &Document, input: &Input, date: Option<ArticleDate>) -> Linted {
        self.lint_with(doc, input, date, &PerText::default())
    }

    /// [`Linter::lint`], with what `per` says of this text.
    fn lint_with(
        &self,
        doc: &Document,
        input: &Input,
        date: Option<ArticleDate>,
        per: &PerText,
    ) -> Linted {
        let mut ignored = self.ignored_for(input);
        ignored.extend(per.ignore.iter().map(String::as_str));
        let reported = |b: &Built| b.severity.is_some() && !ignored.contains(&b.id());
        // The rules this document needs: those it reports, and those they yield to.
        let mut runs: Vec<bool> = self.rules.iter().map(reported).collect();
        for (i, b) in self.rules.iter().enumerate() {
            if runs[i] {
                for &j in &b.yields_to {
                    runs[j] = true;
                }
            }
        }
        // What they read, computed once for them all before any of them runs.
        let reads = (self.rules.iter().zip(&runs))
            .filter(|(_, runs)| **runs)
            .fold(Reads::NOTHING, |reads, (b, _)| {
                reads.and(b.registered.rule.reads())
            });
        let words = (reads.words || reads.mentions).then(|| self.lexicon.read(doc));
        let found_dates = reads.dates.then(|| dates::mentions(doc));
        let mentions = (words.as_ref())
            .filter(|_| reads.mentions)
            .map(|words| self.register.mentions(doc, words, &self.lexicon));
        let article_date = (found_dates.as_deref())
            .and_then(|found| date.or_else(|| self.article_date(doc, found, per)));
        let ctx = Context {
            doc,
            lexicon: &self.lexicon,
            register: &self.register,
            words: words.as_ref(),
            date: article_date,
            dates: found_dates.as_deref(),
            mentions: mentions.as_deref(),
        };
        // Each rule a task of its own: a lone article uses every core, and in a corpus run an
        // idle thread takes over the rules of a long document.
        let found: Vec<Vec<Diagnostic>> = (0..self.rules.len())
            .into_par_iter()
            .with_max_len(1)
            .map(|i| {
                let mut found = Vec::new();
                if runs[i] {
                    let built = &self.rules[i];
                    built.registered.rule.check(&ctx, &mut found);
                    for d in &mut found {
                        d.rule = built.id().to_string();
                    }
                }
                found
            })
            .collect();
        // What each rule that yields gives way to, read before the findings are moved out.
        let yielded: Vec<Option<Covered>> = (self.rules.iter())
            .map(|b| {
                (!b.yields_to.is_empty())
                    .then(|| Covered::new(b.yields_to.iter().flat_map(|&j| &found[j])))
            })
            .collect();
        let mut out = Vec::new();
        for ((b, mut findings), yielded) in self.rules.iter().zip(found).zip(yielded) {
            let Some(severity) = b.severity.filter(|_| reported(b)) else {
                continue;
            };
            if let Some(covered) = yielded {
                findings.retain(|d| !covered.overlaps(&d.span));
            }
            for d in &mut findings {
                d.severity = severity;
            }
            out.extend(findings);
        }
        self.suppress(doc, &ignored, &mut out);
        out.sort_by(|a, b| {
            (a.span.start, a.span.end, &a.rule).cmp(&(b.span.start, b.span.end, &b.rule))
        });
        out.dedup_by(|a, b| a.rule == b.rule && a.span == b.span);
        Linted {
            diagnostics: out,
            undated: reads.dates && article_date.is_none(),
            date: article_date,
        }
    }

    /// Drop what the document's suppression comments hide, and report those that hid nothing.
    fn suppress(&self, doc: &Document, ignored: &[&str], out: &mut Vec<Diagnostic>) {
        let (directives, _) = suppress::directives(doc);
        if directives.is_empty() && doc.off_at_start().is_empty() {
            return;
        }
        let unused = suppress::apply(doc, &directives, out, rules::id::UNUSED_SUPPRESSION);
        let severity_if_ran = |id: &str| {
            self.rules
                .iter()
                .find(|b| b.id() == id && !ignored.contains(&id))
                .and_then(|b| b.severity)
        };
        let Some(severity) = severity_if_ran(rules::id::UNUSED_SUPPRESSION) else {
            return;
        };
        for (directive, rule) in unused {
            // Only a rule that ran can tell that nothing was there to hide; unknown ids are
            // reported by the rule itself.
            if rule.as_deref().is_none_or(|r| severity_if_ran(r).is_some()) {
                let mut d = suppress::unused_diagnostic(&directive, rule.as_deref());
                d.rule = rules::id::UNUSED_SUPPRESSION.to_string();
                d.severity = severity;
                out.push(d);
            }
        }
    }

    fn ignored_for(&self, input: &Input) -> Vec<&str> {
        let Input::File(file) = input else {
            return Vec::new();
        };
        let name = std::path::Path::new(&file.name);
        // A file outside the root has an absolute name, which no glob of the root names (and
        // `ignore` takes none that is not under its root).
        if name.has_root() {
            return Vec::new();
        }
        self.per_file
            .iter()
            .filter(|(glob, _)| glob.matched_path_or_any_parents(name, false).is_ignore())
            .flat_map(|(_, ids)| ids.iter().map(String::as_str))
            .collect()
    }

    /// Lint `text`, applying fixes at `fix` (if any) until none is left to apply.
    pub fn run_text(
        &self,
        input: &Input,
        text: String,
        fix: Option<Applicability>,
    ) -> anyhow::Result<FileResult> {
        self.run_text_with(input, text, fix, &PerText::default())
    }

    /// [`Linter::run_text`], with what `per` says of this text.
    pub fn run_text_with(
        &self,
        input: &Input,
        text: String,
        fix: Option<Applicability>,
        per: &PerText,
    ) -> anyhow::Result<FileResult> {
        let original = fix.is_some().then(|| text.clone());
        let settled = self.settle(input, text, fix, per)?;
        let mut result = FileResult {
            input: input.clone(),
            origin: Origin::default(),
            part: Part::Whole,
            original: original.filter(|_| settled.fixed > 0),
            fixed: settled.fixed,
            diagnostics: settled.linted.diagnostics,
            undated: settled.linted.undated,
            date: settled.linted.date,
            source: settled.doc.into_source(),
            omitted: Omitted::default(),
        };
        result.keep_at_most(MAX_FINDINGS);
        Ok(result)
    }

    /// Lint `text` and apply the fixes at `min` and above, round after round, until none is
    /// left to apply; `date`, when given, is the article's date whatever the text says.
    pub fn fix(
        &self,
        input: &Input,
        text: String,
        min: Applicability,
        date: Option<ArticleDate>,
    ) -> anyhow::Result<Settled> {
        self.fix_with(input, text, min, date, &PerText::default())
    }

    /// Lint `text` with what `per` says of it, applying the fixes at `fix` (if any) until none
    /// is left: the document and its findings, for a caller that reads the document itself (a
    /// server answering with sentences). Findings are not capped.
    pub fn settle(
        &self,
        input: &Input,
        text: String,
        fix: Option<Applicability>,
        per: &PerText,
    ) -> anyhow::Result<Settled> {
        match fix {
            Some(min) => self.fix_with(input, text, min, None, per),
            None => {
                let doc = input::document(input, text);
                let linted = self.lint_with(&doc, input, None, per);
                Ok(Settled {
                    doc,
                    linted,
                    fixed: 0,
                })
            }
        }
    }

    fn fix_with(
        &self,
        input: &Input,
        text: String,
        min: Applicability,
        date: Option<ArticleDate>,
        per: &PerText,
    ) -> anyhow::Result<Settled> {
        let max_len = text
            .len()
            .saturating_mul(FIX_GROWTH)
            .saturating_add(FIX_GROWTH_SLACK);
        let mut doc = input::document(input, text);
        let mut linted = self.lint_with(&doc, input, date, per);
        let mut fixed = 0;
        for _ in 0..MAX_FIX_ROUNDS {
            let Ok((next, applied)) = apply_fixes(doc.source(), &linted.diagnostics, min, max_len)
            else {
                bail!(Message::FixGrowth {
                    path: input.display(),
                    factor: FIX_GROWTH,
                });
            };
            if applied == 0 {
                return Ok(Settled { doc, linted, fixed });
            }
            fixed += applied;
            doc = input::document(input, next);
            linted = self.lint_with(&doc, input, date, per);
        }
        bail!(Message::FixUnsettled {
            path: input.display(),
            rounds: MAX_FIX_ROUNDS,
        })
    }

    /// Lint every input, in parallel batches of bounded size, handing each outcome to `sink` in
    /// input order. Large files are linted section by section (and cannot be fixed in place).
    /// A file's findings past [`MAX_FINDINGS`] are counted, not handed over.
    ///
    /// Reporting is serial, so it runs on this thread while the pool lints the next batch: the
    /// workers never wait for the report to be written.
    pub fn run_each(
        &self,
        inputs: &[Input],
        fix: Option<Applicability>,
        mut sink: impl FnMut(Outcome) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let mut cap = FileCap::default();
        let mut sink = |mut outcome: Outcome| {
            cap.apply(&mut outcome);
            sink(outcome)
        };
        if let Some(sizes) = one_batch(inputs) {
            // Nothing to lint while the report is written: the threads that overlap the two
            // would only add their start to a one-article run.
            let mut reported = Ok(());
            self.lint_batches(inputs.iter().zip(sizes), fix, &mut |outcomes| {
                reported = outcomes.into_iter().try_for_each(&mut sink);
                reported.is_ok()
            });
            return reported;
        }
        let (linted, batches) = std::sync::mpsc::sync_channel::<Vec<Outcome>>(1);
        let (sized, sizes) = std::sync::mpsc::sync_channel::<Vec<Option<usize>>>(1);
        std::thread::scope(|scope| {
            // A file's size is a system call: looked up a batch ahead on a thread of its own, so
            // the pool does not wait between batches while the next one's files are looked up.
            scope.spawn(move || {
                for chunk in inputs.chunks(BATCH_INPUTS) {
                    if sized
                        .send(chunk.iter().map(ordinary_size).collect())
                        .is_err()
                    {
                        return;
                    }
                }
            });
            let sizes = sizes.into_iter().flatten();
            scope.spawn(move || {
                self.lint_batches(inputs.iter().zip(sizes), fix, &mut |outcomes| {
                    linted.send(outcomes).is_ok()
                });
            });
            // Returning early drops `batches`, which stops the linting thread at its next batch.
            for outcomes in batches {
                outcomes.into_iter().try_for_each(&mut sink)?;
            }
            Ok(())
        })
    }

    /// Gather inputs into batches, lint each batch on the pool and hand its outcomes to `report`,
    /// in order, until the inputs end or `report` returns `false`. Each input comes with its size
    /// if it is a file of ordinary size ([`ordinary_size`]).
    fn lint_batches<'i>(
        &self,
        inputs: impl Iterator<Item = (&'i Input, Option<usize>)>,
        fix: Option<Applicability>,
        report: &mut dyn FnMut(Vec<Outcome>) -> bool,
    ) {
        let mut batch = Batch::default();
        let mut flush = |batch: &mut Batch| -> bool {
            let outcomes: Vec<Outcome> = batch
                .take()
                .into_par_iter()
                .map(|w| self.lint_work(w, fix))
                .collect();
            report(outcomes)
        };
        for (input, size) in inputs {
            // A file of ordinary size is read by the worker that lints it, in parallel.
            if let Some(size) = size {
                batch.push(Work::File(input.clone(), size));
                if batch.is_full() && !flush(&mut batch) {
                    return;
                }
                continue;
            }
            let work = match input::open(input) {
                Err(e) => Work::Failed(input.clone(), FileError::Input(e)),
                Ok(Opened::Binary) => Work::skipped_binary(input.clone()),
                Ok(Opened::Text(text)) => Work::Text(input.clone(), text),
                Ok(Opened::Large(sections)) => {
                    for section in sections {
                        batch.push(match section {
                            Ok(s) => Work::Section(input.clone(), s),
                            Err(e) => Work::Failed(input.clone(), FileError::Input(e)),
                        });
                        if batch.is_full() && !flush(&mut batch) {
                            return;
                        }
                    }
                    // Its findings are reported as `check` reports them; that none was fixed is
                    // the file's error.
                    if fix.is_none() {
                        continue;
                    }
                    Work::Failed(
                        input.clone(),
                        FileError::Other(anyhow::Error::new(Message::LargeNotFixed {
                            path: input.display(),
                            mib: input::LARGE_FILE >> 20,
                        })),
                    )
                }
            };
            batch.push(work);
            if batch.is_full() && !flush(&mut batch) {
                return;
            }
        }
        flush(&mut batch);
    }

    fn lint_work(&self, work: Work, fix: Option<Applicability>) -> Outcome {
        match work {
            Work::File(input, size) => match input::read_whole(&input, size as u64) {
                Ok(Whole::Text(text)) => self.lint_work(Work::Text(input, text), fix),
                Ok(Whole::Binary) => self.lint_work(Work::skipped_binary(input), fix),
                Err(e) => Outcome::Failed(input, FileError::Input(e)),
            },
            Work::Text(input, text) => match self.run_text(&input, text, fix) {
                Ok(r) => Outcome::Linted(r),
                Err(e) => Outcome::Failed(input, FileError::Other(e)),
            },
            Work::Section(input, section) => {
                let doc =
                    input::document(&input, section.text).with_off_at_start(section.off_at_start);
                let linted = self.lint(&doc, &input, None);
                let first = section.origin.offset == 0;
                let mut result = FileResult {
                    source: doc.into_source(),
                    origin: section.origin,
                    part: Part::Section {
                        first,
                        last: section.last,
                    },
                    input,
                    diagnostics: linted.diagnostics,
                    undated: linted.undated,
                    date: linted.date,
                    original: None,
                    fixed: 0,
                    omitted: Omitted::default(),
                };
                result.keep_at_most(MAX_FINDINGS);
                Outcome::Linted(result)
            }
            Work::Failed(input, e) => Outcome::Failed(input, e),
            Work::Skipped(input, why) => Outcome::Skipped(input, why),
        }
    }

    /// Lint texts already read (the records of a dump) in parallel; results come back in order.
    pub fn run_texts(&self, texts: Vec<(Input, String)>) -> Vec<anyhow::Result<FileResult>> {
        texts
            .into_par_iter()
            .map(|(input, text)| self.run_text(&input, text, None))
            .collect()
    }
}

/// Where the lexicon's settings are written in `lintas.toml`: the words a newsroom accepts are
/// the spelling check's, though every rule reads the lexicon.
const LEXICON_SETTINGS: &str = rules::id::SPELLING;

/// `options` with its files found from the configuration's folder.
fn resolved(config: &Config, options: LexiconOptions) -> LexiconOptions {
    LexiconOptions {
        words_file: options.words_file.map(|f| config.base_dir.join(f)),
        dictionary: options.dictionary.map(|d| config.base_dir.join(d)),
        ..options
    }
}

/// Spans some rule reported, looked up by position.
struct Covered {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Covered {
    fn new<'a>(findings: impl Iterator<Item = &'a Diagnostic>) -> Covered {
        let mut spans: Vec<Span> = findings.map(|d| d.span.clone()).collect();
        spans.sort_by_key(|s| s.start);
        let reach = spans
            .iter()
            .scan(0, |reach, s| {
                *reach = s.end.max(*reach);
                Some(*reach)
            })
            .collect();
        Covered { spans, reach }
    }

    /// Whether any span overlaps `span`.
    fn overlaps(&self, span: &Span) -> bool {
        let starting_before = self.spans.partition_point(|s| s.start < span.end);
        starting_before > 0 && self.reach[starting_before - 1] > span.start
    }
}

/// The inputs' sizes if they make a single batch: files of ordinary size, too few and too small
/// to fill one.
fn one_batch(inputs: &[Input]) -> Option<Vec<Option<usize>>> {
    if inputs.len() >= BATCH_INPUTS {
        return None;
    }
    let sizes: Vec<Option<usize>> = inputs.iter().map(ordinary_size).collect();
    let mut total = 0;
    for size in &sizes {
        total += (*size)?;
    }
    (total < BATCH_BYTES).then_some(sizes)
}

/// The size of `input` if it is a file small enough to be read whole by the worker that lints
/// it; `None` for the rest (standard input, large or unreadable files), which are opened first.
fn ordinary_size(input: &Input) -> Option<usize> {
    let Input::File(file) = input else {
        return None;
    };
    let metadata = std::fs::metadata(&file.path).ok()?;
    // Anything but a regular file is opened first, and refused there.
    let size = metadata.is_file().then_some(metadata.len())?;
    (size <= input::LARGE_FILE).then(|| usize::try_from(size).unwrap_or(usize::MAX))
}

/// A per-file failure; the run goes on with the other files.
#[derive(Debug, thiserror::Error)]
pub enum FileError {
    #[error(transparent)]
    Input(InputError),
    #[error(transparent)]
    Other(anyhow::Error),
}

/// The closest known id to a mistyped one, if any is close.
pub fn did_you_mean(id: &str, known: &[String]) -> Option<String> {
    known
        .iter()
        .map(|k| (strsim_distance(id, k), k))
        .filter(|(d, k)| *d <= (k.len() / 3).max(2))
        .min()
        .map(|(_, k)| k.clone())
}

/// Plain Levenshtein distance; ids are short and this runs once per unknown id.
fn strsim_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push(
                (prev[j] + usize::from(ca != *cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1),
            );
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_rule_id() {
        let known = vec!["calque".to_string(), "spelling".to_string()];
        assert_eq!(did_you_mean("calqe", &known).as_deref(), Some("calque"));
        assert_eq!(did_you_mean("zzzzzzzz", &known), None);
    }
}
