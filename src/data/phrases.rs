//! Data-driven phrase rules: a list of phrases with their replacements and the conditions the
//! text around them must meet, compiled into one phrase matcher per rule and checked against word
//! boundaries. A newsroom's own entries may be regexes, for patterns a phrase cannot say.

use std::collections::HashMap;

use anyhow::{Context as _, bail};
use rayon::prelude::*;
use regex::Regex;
use serde::Deserialize;
use serde_json::value::RawValue;

use super::conditions::{After, NextWord, Pair, sentence_has};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized, Severity};
use crate::lang::case::match_case_in_context;
use crate::lang::matcher::{PhraseList, PhraseLists, PhraseMatcher};
use crate::rules::{Context, Example, Rule, RuleMeta, Setup};
use crate::source::{Document, Span};

/// A rule file's header.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RuleHeader {
    id: String,
    severity: Severity,
    summary: Localized,
    explanation: Localized,
    sources: Vec<String>,
    examples: Vec<Example>,
    /// Message when the entry has a replacement; `{found}` and `{replace}` are filled in.
    message: Localized,
    /// Message when it has none; `{found}` and `{help}` are filled in.
    message_no_fix: Option<Localized>,
    /// Skip quoted speech unless an entry says otherwise (informal register is the speaker's).
    #[serde(default)]
    outside_quotes: bool,
    /// A phrase also matches with a clitic attached (`karirnya` is `karir` + `-nya`), and the
    /// replacement keeps it (`kariernya`), so a list of words need not spell out every clitic.
    #[serde(default)]
    clitics: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    rule: RuleHeader,
    #[serde(default)]
    entry: Vec<toml::Spanned<toml::Table>>,
}

/// A rule file as `build.rs` embeds it: its TOML as JSON, with the line of each entry.
#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct EmbeddedRuleFile<'a> {
    rule: RuleHeader,
    /// Parsed one by one, so that an error names the entry's line.
    #[serde(borrow, default)]
    entry: Vec<&'a RawValue>,
    entry_lines: Vec<usize>,
}

/// Whether and how an entry's replacement may be applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    #[default]
    Safe,
    Unsafe,
    /// Shown as help, never applied.
    None,
}

/// One phrase of a data rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Entry {
    /// How `disable` names it; defaults to the phrase itself, lower-case.
    pub id: Option<String>,
    /// Literal phrases, matched case-insensitively on word boundaries: one, or several that
    /// share the entry's conditions (`["di mana", "yang mana"]`).
    #[serde(rename = "match", default, deserialize_with = "one_or_many")]
    pub phrases: Vec<String>,
    /// A regex, for patterns a phrase cannot say. A group named `x` narrows the flagged span; a
    /// match in which `x` takes no part is an exception and is not flagged.
    pub regex: Option<String>,
    /// The replacement (`$1` expands regex groups); the phrase's case is kept.
    pub replace: Option<String>,
    #[serde(default)]
    pub fix: FixKind,
    /// Shown when there is no replacement, or to explain a choice.
    pub help: Option<Localized>,
    /// Overrides the rule's message template.
    pub message: Option<Localized>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// Overrides the rule's `outside-quotes`.
    pub outside_quotes: Option<bool>,
    /// Only where a sentence starts (“Bagaimanapun,” for “However,”).
    #[serde(default)]
    pub sentence_start: bool,
    /// Not in a sentence this regex matches.
    pub unless_sentence: Option<String>,
    /// Not in a sentence holding one of these words or marks: a question (`?`) for an
    /// interrogative “di mana”, a `maupun` already paired with `baik`.
    #[serde(default)]
    pub unless_sentence_has: Vec<String>,
    /// The word after the phrase must be one of these.
    pub next: Option<NextWord>,
    /// The word after the phrase must not be one of these.
    pub unless_next: Option<NextWord>,
    /// What must come right before the phrase.
    pub after: Option<After>,
    /// The finding is a word the phrase pairs with later in its clause, not the phrase.
    pub pairs_with: Option<Pair>,
    /// Only checked when the rule's `strict` option is on: a norm that edited news commonly
    /// departs from by house style (compound spacing beyond the classic cases).
    #[serde(default)]
    pub strict: bool,
    /// Where the norm comes from (KBBI entry, EYD V section, style guide).
    pub source: String,
}

impl Entry {
    pub fn id(&self) -> String {
        self.id
            .clone()
            .or_else(|| self.phrases.first().map(|p| p.to_lowercase()))
            .or_else(|| self.regex.clone())
            .unwrap_or_default()
    }

    /// Whether the entry flags its phrase only in some contexts (a following word, a sentence
    /// start, a pair): then the phrase is not wrong in itself.
    pub fn is_contextual(&self) -> bool {
        self.next.is_some()
            || self.unless_next.is_some()
            || self.after.is_some()
            || self.pairs_with.is_some()
            || self.sentence_start
            || self.unless_sentence.is_some()
            || !self.unless_sentence_has.is_empty()
    }
}

/// `match = "x"` or `match = ["x", "y"]`.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        One(String),
        Many(Vec<String>),
    }
    Ok(match OneOrMany::deserialize(d)? {
        OneOrMany::One(one) => vec![one],
        OneOrMany::Many(many) => many,
    })
}

/// The options every data rule takes in `[rules.ID]`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct DataRuleOptions {
    /// Also check the entries marked `strict`.
    #[serde(default)]
    strict: bool,
}

/// A phrase rule compiled from one `rules/*.toml` plus the user's additions.
pub struct DataRule {
    meta: RuleMeta,
    message: Localized,
    message_no_fix: Localized,
    outside_quotes: bool,
    clitics: bool,
    entries: Vec<Entry>,
    /// `unless_sentence` of `entries[i]`.
    unless: Vec<Option<Regex>>,
    phrases: Option<PhraseList>,
    /// The entries whose phrase pattern i of the matcher is, in the order they are listed (the
    /// matcher finds the first listed of equal patterns).
    phrase_entries: Vec<Vec<usize>>,
    /// Entry i's regex.
    regexes: Vec<(usize, Regex)>,
}

impl DataRule {
    /// Every data rule embedded in the binary, with the user's entries and disables applied,
    /// built in parallel.
    pub fn load_all(setup: &Setup) -> anyhow::Result<Vec<DataRule>> {
        super::data_rule_files()
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|name| DataRule::embedded(name, setup))
            .collect()
    }

    /// The embedded rule file `name` (`"nonstandard-word.toml"`), built for `setup`.
    pub fn embedded(name: &'static str, setup: &Setup) -> anyhow::Result<DataRule> {
        let text =
            super::embedded(name).with_context(|| format!("rules/{name} is not embedded"))?;
        DataRule::from_embedded(&format!("rules/{name}"), text, setup)
    }

    /// Compile one rule file; `origin` names it in errors.
    pub fn from_toml(origin: &str, text: &str, setup: &Setup) -> anyhow::Result<DataRule> {
        let file: RuleFile =
            toml::from_str(text).with_context(|| format!("{origin}: not a valid rule file"))?;
        let mut lines = LineCounter::new(text);
        let entries = file
            .entry
            .into_iter()
            .map(|spanned| {
                let at = format!("{origin}:{}", lines.line_at(spanned.span().start));
                parse_entry(entry_from_toml(spanned.into_inner(), &at)?, &at)
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        DataRule::configure(file.rule, entries, setup)
    }

    /// Compile a rule file as `build.rs` embeds it (JSON); `origin` names the TOML file in errors.
    fn from_embedded(origin: &str, json: &str, setup: &Setup) -> anyhow::Result<DataRule> {
        let file: EmbeddedRuleFile = serde_json::from_str(json)
            .with_context(|| format!("{origin}: not a valid rule file"))?;
        // Sized at once: collected from fallible parses, the list grew by doubling, and its
        // entries are large enough that the copies cost more than the parsing of many of them.
        let mut entries = Vec::with_capacity(file.entry.len());
        for (raw, line) in file.entry.iter().zip(&file.entry_lines) {
            let entry = serde_json::from_str(raw.get())
                .map_err(|e| anyhow::anyhow!("{origin}:{line}: malformed entry: {e}"))?;
            // The entry's place is written out only if it is at fault.
            let at = format_args!("{origin}:{line}");
            entries.push(parse_entry(entry, &at)?);
        }
        DataRule::configure(file.rule, entries, setup)
    }

    /// The rule's own entries with the user's additions, options and disables applied.
    fn configure(
        header: RuleHeader,
        mut entries: Vec<ParsedEntry>,
        setup: &Setup,
    ) -> anyhow::Result<DataRule> {
        let config = setup.config;
        let user_origin = config.origin_name();
        let settings = config.settings(&header.id);
        for (i, value) in settings.map_or(&[][..], |s| &s.entries).iter().enumerate() {
            let table = value.as_table().cloned().unwrap_or_default();
            let at = format!("{user_origin}: [[rules.{}.entries]] #{}", header.id, i + 1);
            entries.push(parse_entry(entry_from_toml(table, &at)?, &at)?);
        }
        let options: DataRuleOptions = config.rule_options(&header.id)?;
        if !options.strict {
            entries.retain(|e| !e.entry.strict);
        }
        for id in settings.map_or(&[][..], |s| &s.disable) {
            let before = entries.len();
            entries.retain(|e| &e.entry.id() != id);
            if entries.len() == before {
                bail!(
                    "{user_origin}: [rules.{}] disable: no entry “{id}” in this rule",
                    header.id
                );
            }
        }
        Ok(DataRule::compile(header, entries, setup.lists))
    }

    fn compile(header: RuleHeader, entries: Vec<ParsedEntry>, lists: &PhraseLists) -> DataRule {
        let mut patterns = Vec::new();
        let mut phrase_entries: Vec<Vec<usize>> = Vec::new();
        // Equal phrases (in any ASCII case) share the first one's pattern.
        let mut pattern_of: HashMap<String, usize> = HashMap::new();
        let mut regexes = Vec::new();
        let mut unless = Vec::new();
        let mut entries_out = Vec::with_capacity(entries.len());
        for (i, parsed) in entries.into_iter().enumerate() {
            unless.push(parsed.unless);
            for p in &parsed.entry.phrases {
                let pattern = *pattern_of.entry(p.to_ascii_lowercase()).or_insert_with(|| {
                    patterns.push(p.clone());
                    phrase_entries.push(Vec::new());
                    patterns.len() - 1
                });
                if !phrase_entries[pattern].contains(&i) {
                    phrase_entries[pattern].push(i);
                }
            }
            if let Some(re) = parsed.regex {
                regexes.push((i, re));
            }
            entries_out.push(parsed.entry);
        }
        let entries = entries_out;
        let phrases = if patterns.is_empty() {
            None
        } else {
            Some(lists.add(PhraseMatcher::new(&patterns, true)))
        };
        let fixable = entries
            .iter()
            .any(|e| e.replace.is_some() && e.fix != FixKind::None);
        let meta = RuleMeta {
            id: header.id,
            default_severity: header.severity,
            summary: header.summary,
            explanation: header.explanation,
            sources: header.sources,
            examples: header.examples,
            fixable,
            yields_to: Vec::new(),
        };
        let message_no_fix = header
            .message_no_fix
            .unwrap_or_else(|| header.message.clone());
        DataRule {
            meta,
            message: header.message,
            message_no_fix,
            outside_quotes: header.outside_quotes,
            clitics: header.clitics,
            entries,
            unless,
            phrases,
            phrase_entries,
            regexes,
        }
    }

    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Whether entry `i` applies to a finding at `span`: its quote, sentence-start and sentence
    /// conditions.
    fn applies(&self, doc: &Document, i: usize, span: &Span) -> bool {
        let entry = &self.entries[i];
        if entry.outside_quotes.unwrap_or(self.outside_quotes) && doc.in_quote(span) {
            return false;
        }
        if entry.sentence_start && !doc.starts_sentence(span.start) {
            return false;
        }
        let Some(sentence) = doc.sentence_at(span.start) else {
            return true;
        };
        let sentence = doc.slice(&sentence);
        !sentence_has(sentence, &entry.unless_sentence_has)
            && self.unless[i]
                .as_ref()
                .is_none_or(|re| !re.is_match(sentence))
    }

    /// What entry `i` flags for its phrase found at `phrase`, if the words around it fit: the
    /// phrase, or the word it pairs with.
    fn flagged(&self, doc: &Document, i: usize, phrase: &Span) -> Option<Span> {
        let entry = &self.entries[i];
        let text = doc.text();
        let fits = entry
            .after
            .is_none_or(|after| after.holds(text, phrase.start))
            && entry
                .next
                .as_ref()
                .is_none_or(|next| next.follows(text, phrase.end))
            && entry
                .unless_next
                .as_ref()
                .is_none_or(|next| !next.follows(text, phrase.end));
        if !fits {
            return None;
        }
        match &entry.pairs_with {
            Some(pair) => pair.find(text, phrase.end),
            None => Some(phrase.clone()),
        }
    }

    /// The end of a clitic (`-nya`, `-ku`, `-mu`, `-lah`, `-kah`, or `-nya` then `-lah`/`-kah`)
    /// that directly follows `end` and ends a word, if the rule allows clitics.
    fn clitic_end(&self, doc: &Document, start: usize, end: usize) -> Option<usize> {
        if !self.clitics {
            return None;
        }
        let rest = &doc.text()[end..];
        CLITICS
            .iter()
            .filter(|c| {
                rest.get(..c.len())
                    .is_some_and(|r| r.eq_ignore_ascii_case(c))
            })
            .map(|c| end + c.len())
            .find(|&e| doc.is_word_boundary_span(&(start..e)))
    }

    fn report(
        &self,
        doc: &Document,
        entry: &Entry,
        span: Span,
        replacement: Option<String>,
    ) -> Option<Diagnostic> {
        let found = doc.slice(&span).to_string();
        let help = entry.help.clone().unwrap_or_default();
        let fill = |t: &str, replace: &str| {
            t.replace("{found}", &found)
                .replace("{replace}", replace)
                .replace("{help}", help.id.as_str())
        };
        let fill_en = |t: &str, replace: &str| {
            t.replace("{found}", &found)
                .replace("{replace}", replace)
                .replace("{help}", help.en.as_str())
        };
        let at_start = doc.starts_sentence(span.start);
        let replacement = replacement.map(|r| {
            if entry.case_sensitive {
                r
            } else {
                match_case_in_context(&found, &r, at_start)
            }
        });
        if replacement.as_deref() == Some(found.as_str()) {
            return None;
        }
        let template = match (&entry.message, &replacement) {
            (Some(m), _) => m,
            (None, Some(_)) => &self.message,
            (None, None) => &self.message_no_fix,
        };
        let r = replacement.clone().unwrap_or_default();
        let message = Localized::new(fill(&template.id, &r), fill_en(&template.en, &r));
        let mut diag = Diagnostic::new(self.meta.id.clone(), span.clone(), message);
        if let Some(r) = replacement {
            let applicability = match entry.fix {
                FixKind::Safe => Applicability::Safe,
                FixKind::Unsafe => Applicability::Unsafe,
                FixKind::None => Applicability::DisplayOnly,
            };
            diag = diag.with_fix(Fix::replace(span, r, applicability));
        }
        if entry.help.is_some() && (entry.replace.is_some() || entry.message.is_some()) {
            diag = diag.with_note(help);
        }
        Some(diag)
    }
}

impl Rule for DataRule {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        if let Some(list) = &self.phrases {
            for m in list.find_in(doc, ctx.words) {
                let mut span = m.span;
                let mut clitic = "";
                if !doc.is_word_boundary_span(&span) {
                    let Some(end) = self.clitic_end(doc, span.start, span.end) else {
                        continue;
                    };
                    clitic = &text[span.end..end];
                    span.end = end;
                }
                let phrase = span.start..span.end - clitic.len();
                // The first entry of this phrase whose conditions hold reports it.
                for &i in &self.phrase_entries[m.pattern] {
                    let entry = &self.entries[i];
                    if entry.case_sensitive
                        && !entry.phrases.iter().any(|p| *p == text[phrase.clone()])
                    {
                        continue;
                    }
                    let Some(flagged) = self.flagged(doc, i, &span) else {
                        continue;
                    };
                    if !self.applies(doc, i, &flagged) {
                        continue;
                    }
                    let replacement = (entry.replace.as_ref()).map(|r| {
                        if flagged == span {
                            format!("{r}{clitic}")
                        } else {
                            r.clone()
                        }
                    });
                    out.extend(self.report(doc, entry, flagged, replacement));
                    break;
                }
            }
        }
        for (i, re) in &self.regexes {
            let entry = &self.entries[*i];
            let narrows = re.capture_names().any(|n| n == Some("x"));
            for caps in re.captures_iter(text) {
                let Some(whole) = caps.get(0) else { continue };
                // With an `x` group, an alternative without it matches only to be skipped: the
                // regex crate has no look-around, so exceptions are spelled out first.
                let flagged = match caps.name("x") {
                    Some(x) => x,
                    None if narrows => continue,
                    None => whole,
                };
                let span = flagged.start()..flagged.end();
                if span.is_empty()
                    || doc.tokens_in(&span).iter().any(|t| t.is_address())
                    || !self.applies(doc, *i, &span)
                {
                    continue;
                }
                let replacement = entry.replace.as_ref().map(|r| {
                    let mut s = String::new();
                    caps.expand(r, &mut s);
                    s
                });
                out.extend(self.report(doc, entry, span, replacement));
            }
        }
    }
}

/// Clitics a listed word may carry, longest first so `-nyalah` wins over `-nya`. `-pun` is not
/// one: after a noun it is written apart, so `apapun` needs its own entry (`apa pun`).
const CLITICS: [&str; 7] = ["nyalah", "nyakah", "nya", "lah", "kah", "ku", "mu"];

/// An entry with its regexes made ready (see [`Prepare`]), its `unless_sentence` one among them.
struct ParsedEntry {
    entry: Entry,
    regex: Option<Regex>,
    unless: Option<Regex>,
}

fn entry_from_toml(table: toml::Table, at: &str) -> anyhow::Result<Entry> {
    toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| anyhow::anyhow!("{at}: malformed entry: {}", e.message()))
}

/// Check an entry and compile its regexes, if it has any.
fn parse_entry(entry: Entry, at: &dyn std::fmt::Display) -> anyhow::Result<ParsedEntry> {
    let compile = |pattern: &str, what: &str| {
        Regex::new(pattern)
            .map_err(|e| anyhow::anyhow!("{at}: bad {what} in entry “{}”: {e}", entry.id()))
    };
    let unless = (entry.unless_sentence.as_deref())
        .map(|r| compile(r, "unless-sentence regex"))
        .transpose()?;
    let phrase_only = |what: bool, key: &str| -> anyhow::Result<()> {
        if what && entry.phrases.is_empty() {
            bail!("{at}: `{key}` needs a `match` phrase");
        }
        Ok(())
    };
    phrase_only(entry.next.is_some(), "next")?;
    phrase_only(entry.unless_next.is_some(), "unless-next")?;
    phrase_only(entry.after.is_some(), "after")?;
    phrase_only(entry.pairs_with.is_some(), "pairs-with")?;
    let regex = match (entry.phrases.as_slice(), &entry.regex) {
        ([_, ..], Some(_)) => bail!("{at}: an entry has either `match` or `regex`, not both"),
        ([], None) => bail!("{at}: an entry needs `match` or `regex`"),
        ([_, _, ..], None) if entry.id.is_none() => {
            bail!("{at}: an entry with several phrases needs an `id`")
        }
        (phrases, None) => {
            for p in phrases {
                if p.trim().is_empty() {
                    bail!("{at}: empty `match`");
                }
                // The phrase matcher looks only where a word starts (see `lang::matcher`).
                if !p.starts_with(char::is_alphabetic) {
                    bail!(
                        "{at}: `match` “{p}” must start with a letter: a phrase is looked for \
                         where a word starts (write a `regex` for anything else)"
                    );
                }
            }
            None
        }
        ([], Some(r)) => Some(compile(r, "regex")?),
    };
    if entry.source.trim().is_empty() {
        bail!("{at}: entry “{}” has no source", entry.id());
    }
    Ok(ParsedEntry {
        entry,
        regex,
        unless,
    })
}

/// Line numbers of increasing offsets, counted in one pass over the text (entries come in file
/// order; counting from the start for each one was quadratic in the file's length).
struct LineCounter<'t> {
    text: &'t str,
    offset: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The 1-based line of `offset`; offsets before the previous one start the count afresh.
    fn line_at(&mut self, offset: usize) -> usize {
        let offset = offset.min(self.text.len());
        if offset < self.offset {
            *self = LineCounter::new(self.text);
        }
        self.line += self.text.as_bytes()[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::testing::Check;

    /// The rule file `rule` as built for `config`.
    fn build(rule: &str, config: &Config) -> anyhow::Result<DataRule> {
        let lists = PhraseLists::default();
        DataRule::from_toml(
            "t.toml",
            rule,
            &Setup {
                config,
                lists: &lists,
            },
        )
    }

    /// What the rule file `rule`, built for `config`, finds in `text`.
    fn found(rule: &'static str, text: &str, config: &Config) -> Vec<(String, Option<String>)> {
        let check = Check::rule(config, |setup| {
            Ok(Box::new(DataRule::from_toml("t.toml", rule, setup)?) as Box<dyn Rule>)
        });
        check.expect("compiles").found(text)
    }

    const RULE: &str = r#"
[rule]
id = "t"
severity = "warning"
summary = { id = "s", en = "s" }
explanation = { id = "e", en = "e" }
sources = ["x"]
examples = []
message = { id = "“{found}” → “{replace}”", en = "“{found}” → “{replace}”" }
message-no-fix = { id = "“{found}”: {help}", en = "“{found}”: {help}" }

[[entry]]
match = "resiko"
replace = "risiko"
source = "KBBI"

[[entry]]
match = "MOU"
replace = "MoU"
case-sensitive = true
source = "EYD"

[[entry]]
regex = '(?i)\b(?P<x>diharapkan untuk)\b'
replace = "diharapkan"
source = "own"
"#;

    fn check(text: &str, config: &Config) -> Vec<(String, Option<String>)> {
        found(RULE, text, config)
    }

    #[test]
    fn phrases_keep_case_and_boundaries() {
        let got = check(
            "Resiko dan resikonya, MOU dan Mou. Ia diharapkan untuk datang.",
            &Config::default(),
        );
        assert_eq!(
            got,
            [
                ("Resiko".to_string(), Some("Risiko".to_string())),
                ("MOU".to_string(), Some("MoU".to_string())),
                (
                    "diharapkan untuk".to_string(),
                    Some("diharapkan".to_string())
                ),
            ]
        );
    }

    const CONDITIONS: &str = r#"
[rule]
id = "c"
severity = "warning"
summary = { id = "s", en = "s" }
explanation = { id = "e", en = "e" }
sources = ["x"]
examples = []
clitics = true
message = { id = "“{found}” → “{replace}”", en = "“{found}” → “{replace}”" }

[[entry]]
match = "karir"
replace = "karier"
source = "KBBI"

[[entry]]
match = "Bagaimanapun,"
replace = "Namun,"
sentence-start = true
source = "own"

[[entry]]
regex = '(?i)(?:^|, )(?:di mana pun|(?P<x>di mana) \w)'
replace = "tempat"
unless-sentence = '\?'
source = "own"
"#;

    fn check_with(rule: &'static str, text: &str) -> Vec<(String, Option<String>)> {
        found(rule, text, &Config::default())
    }

    #[test]
    fn clitics_are_kept_when_the_rule_allows_them() {
        let got = check_with(
            CONDITIONS,
            "Karirnya naik. Karir, karirku, karirnyalah. Karirpun dan karirnyaa tidak.",
        );
        let expected = [
            ("Karirnya", "Kariernya"),
            ("Karir", "Karier"),
            ("karirku", "karierku"),
            ("karirnyalah", "kariernyalah"),
        ];
        assert_eq!(
            got,
            expected.map(|(f, r)| (f.to_string(), Some(r.to_string())))
        );
        let without = check("resikonya", &Config::default());
        assert!(without.is_empty(), "{without:?}");
    }

    #[test]
    fn sentence_conditions_narrow_an_entry() {
        let got = check_with(
            CONDITIONS,
            "Bagaimanapun, ia datang. Ia, bagaimanapun, pergi. Di mana dia? Kota, di mana ia lahir, \
             ramai. Di mana pun ia ada, ramai.",
        );
        assert_eq!(
            got,
            [
                ("Bagaimanapun,".to_string(), Some("Namun,".to_string())),
                ("di mana".to_string(), Some("tempat".to_string())),
            ]
        );
    }

    #[test]
    fn users_add_and_disable_entries() {
        let config = Config::parse(
            "[rules.t]\ndisable = [\"resiko\"]\n[[rules.t.entries]]\nmatch = \"ijin\"\nreplace = \"izin\"\nsource = \"KBBI\"\n",
        )
        .expect("parses");
        let got = check("resiko ijin", &config);
        assert_eq!(got, [("ijin".to_string(), Some("izin".to_string()))]);
    }

    #[test]
    fn strict_entries_only_when_asked() {
        let config = Config::parse(
            "[[rules.t.entries]]\nmatch = \"sepakbola\"\nreplace = \"sepak bola\"\nstrict = true\nsource = \"KBBI\"\n",
        )
        .expect("parses");
        assert!(check("sepakbola", &config).is_empty());
        let strict = Config::parse(
            "[rules.t]\nstrict = true\n[[rules.t.entries]]\nmatch = \"sepakbola\"\nreplace = \"sepak bola\"\nstrict = true\nsource = \"KBBI\"\n",
        )
        .expect("parses");
        assert_eq!(check("sepakbola", &strict).len(), 1);
        let unknown = Config::parse("[rules.t]\nstrcit = true\n").expect("parses");
        assert!(build(RULE, &unknown).is_err());
    }

    /// A clause opens after a mark or at the start of a line, spaces (a list item's blanked
    /// marker) included; a `baik` inside a clause does not pair.
    #[test]
    fn baik_dan_opens_a_clause_after_a_mark_or_a_line_start() {
        let calque = Check::rules(&["calque"]);
        let flagged = |text| calque.flagged(text);
        for text in [
            "Baik pemerintah dan swasta ikut.",
            "Daftar\n\n  Baik pemerintah dan swasta ikut.",
            "Ia datang. Baik pemerintah dan swasta ikut.",
            "Ia datang, baik pemerintah dan swasta ikut.",
        ] {
            assert_eq!(flagged(text), ["dan"], "{text:?}");
        }
        for text in [
            "Hasilnya baik dan cepat.",
            "Baik pemerintah dan swasta maupun warga ikut.",
        ] {
            assert!(flagged(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn malformed_user_entries_are_named() {
        let config =
            Config::parse("[[rules.t.entries]]\nregex = \"(\"\nsource = \"x\"\n").expect("parses");
        let err = build(RULE, &config).err().expect("bad regex");
        assert!(err.to_string().contains("#1"), "{err}");
        // Parsed, it is well formed; only compiling finds it too large.
        let config =
            Config::parse("[[rules.t.entries]]\nregex = '\\w{1000}{1000}'\nsource = \"x\"\n")
                .expect("parses");
        let err = build(RULE, &config).err().expect("a regex too large");
        assert!(err.to_string().contains("#1: bad regex"), "{err}");
        let config = Config::parse("[[rules.t.entries]]\nmatch = \"(persero)\"\nsource = \"x\"\n")
            .expect("parses");
        let err = build(RULE, &config)
            .err()
            .expect("a phrase starting with a bracket");
        assert!(
            err.to_string().contains("must start with a letter"),
            "{err}"
        );
        let config = Config::parse("[rules.t]\ndisable = [\"nope\"]\n").expect("parses");
        assert!(build(RULE, &config).is_err());
    }
}
