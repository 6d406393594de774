//! Phrase rules: a list of phrases with their replacements and the conditions the text around
//! them must meet (`rules/calque.toml`, `rules/nonstandard-word.toml`), compiled into one phrase
//! list per rule. A newsroom's own entries may be regexes, for a pattern a phrase cannot say.

mod bounds;
mod conditions;

use std::collections::HashMap;

use anyhow::bail;
use regex::Regex;
use serde::Deserialize;

use crate::data::schema::{Entry, FixKind, PhraseRuleFile, PhraseSettings};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::match_case_in_context;
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::messages::Message;
use crate::rules::{Context, Reads, Registered, Rule, RuleMeta, Setup};
use crate::source::{Document, Span};
use conditions::sentence_has;

/// The options every phrase rule takes in `[rules.ID]`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct PhraseRuleOptions {
    /// Also check the entries marked `strict`.
    #[serde(default)]
    strict: bool,
}

/// A phrase rule compiled from its file plus the newsroom's additions.
pub struct PhraseRule {
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

impl PhraseRule {
    /// The shipped phrase rule `setup.id`, with the newsroom's entries, options and disables.
    pub fn shipped(setup: &Setup) -> anyhow::Result<Registered> {
        PhraseRule::from_file(crate::data::load(setup.id), setup)
    }

    /// A rule file of one's own (a test's, a fuzzer's), its id `setup.id`: its entries are
    /// checked as a newsroom's are, and may be regexes; errors name the entry at fault.
    pub fn from_toml(text: &str, setup: &Setup) -> anyhow::Result<Registered> {
        let file: PhraseRuleFile = toml::from_str(text).map_err(|e| {
            anyhow::anyhow!("{}: not a phrase rule file: {}", setup.id, e.message())
        })?;
        PhraseRule::from_file(file, setup)
    }

    fn from_file(file: PhraseRuleFile, setup: &Setup) -> anyhow::Result<Registered> {
        let config = setup.config;
        let id = setup.id;
        let user_origin = config.origin_name();
        let clitics: &[&str] = if file.phrases.clitics { &CLITICS } else { &[] };
        // Sized at once: the shipped list is long, and its entries are large.
        let mut entries = Vec::with_capacity(file.entry.len());
        for entry in file.entry {
            entries.push(ParsedEntry::new(
                entry,
                &format_args!("rules/{id}.toml"),
                clitics,
            )?);
        }
        let settings = config.settings(id);
        let mut regexes = 0;
        for (i, value) in settings.map_or(&[][..], |s| &s.entries).iter().enumerate() {
            let table = value.as_table().cloned().unwrap_or_default();
            let at = format!("{user_origin}: [[rules.{id}.entries]] #{}", i + 1);
            let entry: Entry =
                toml::Value::Table(table)
                    .try_into()
                    .map_err(|e: toml::de::Error| Message::MalformedEntry {
                        at: at.clone(),
                        detail: e.message().to_string(),
                    })?;
            regexes +=
                usize::from(entry.regex.is_some()) + usize::from(entry.unless_sentence.is_some());
            if regexes > bounds::MAX_REGEXES {
                bail!(Message::TooManyRegexes {
                    at,
                    max: bounds::MAX_REGEXES,
                });
            }
            entries.push(ParsedEntry::new(entry, &at, clitics)?);
        }
        let options: PhraseRuleOptions = setup.options()?;
        if !options.strict {
            entries.retain(|e| !e.entry.strict);
        }
        for disabled in settings.map_or(&[][..], |s| &s.disable) {
            let before = entries.len();
            entries.retain(|e| &e.entry.id() != disabled);
            if entries.len() == before {
                bail!(Message::NoSuchEntry {
                    place: config.place(id, "disable"),
                    rule: id.to_string(),
                    entry: disabled.clone(),
                });
            }
        }
        let rule = PhraseRule::compile(file.phrases, entries, setup);
        let fixable = (rule.entries.iter()).any(|e| e.replace.is_some() && e.fix != FixKind::None);
        Ok(Registered {
            meta: RuleMeta::new(id, file.rule, fixable),
            rule: Box::new(rule),
        })
    }

    fn compile(settings: PhraseSettings, entries: Vec<ParsedEntry>, setup: &Setup) -> PhraseRule {
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
        let phrases =
            (!patterns.is_empty()).then(|| setup.lists.add(PhraseMatcher::new(&patterns, true)));
        let message_no_fix = (settings.message_no_fix).unwrap_or_else(|| settings.message.clone());
        PhraseRule {
            message: settings.message,
            message_no_fix,
            outside_quotes: settings.outside_quotes,
            clitics: settings.clitics,
            entries: entries_out,
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
                .is_none_or(|next| !next.follows(text, phrase.end))
            && entry
                .previous
                .as_ref()
                .is_none_or(|previous| previous.precedes(text, phrase.start));
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
                .replace("{help}", help.indonesian.as_str())
        };
        let fill_en = |t: &str, replace: &str| {
            t.replace("{found}", &found)
                .replace("{replace}", replace)
                .replace("{help}", help.english.as_str())
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
        let message = Localized::new(
            fill(&template.indonesian, &r),
            fill_en(&template.english, &r),
        );
        let mut diag = Diagnostic::new(span.clone(), message);
        diag.entry = Some(entry.id());
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

impl Rule for PhraseRule {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        if let Some(list) = &self.phrases {
            for m in list.find_in(doc, ctx.words()) {
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

/// An entry with its regexes compiled.
struct ParsedEntry {
    entry: Entry,
    regex: Option<Regex>,
    unless: Option<Regex>,
}

impl ParsedEntry {
    /// Check `entry`, written `at` in a rule that allows `clitics`, and compile its regexes.
    fn new(
        entry: Entry,
        at: &dyn std::fmt::Display,
        clitics: &[&str],
    ) -> anyhow::Result<ParsedEntry> {
        if let Some(fault) = entry.faults().first() {
            bail!(Message::EntryFault {
                at: at.to_string(),
                detail: fault.to_string(),
            });
        }
        let compile = |pattern: &str, key: &'static str| {
            bounds::compile(pattern).map_err(|e| Message::BadEntryRegex {
                at: at.to_string(),
                key,
                entry: entry.id(),
                detail: e.to_string(),
            })
        };
        let unless = (entry.unless_sentence.as_deref())
            .map(|r| compile(r, "unless-sentence"))
            .transpose()?;
        let regex = (entry.regex.as_deref())
            .map(|r| compile(r, "regex"))
            .transpose()?;
        if let Some(again) = bounds::flagged_again(&entry, regex.as_ref(), clitics) {
            bail!(Message::FlaggedAgain {
                at: at.to_string(),
                entry: entry.id(),
                replacement: entry.replace.clone().unwrap_or_default(),
                again: again.to_string(),
            });
        }
        Ok(ParsedEntry {
            entry,
            regex,
            unless,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::diagnostic::Lang;
    use crate::messages::error_text;
    use crate::testing::Check;

    /// The rule file `rule`, whose id is `t`, as built for `config`.
    fn build(rule: &str, config: &Config) -> anyhow::Result<Registered> {
        let lists = crate::lang::lexicon::PhraseLists::default();
        PhraseRule::from_toml(rule, &Setup::new("t", config, &lists))
    }

    /// What the rule file `rule`, whose id is `t`, built for `config`, finds in `text`.
    fn found(rule: &'static str, text: &str, config: &Config) -> Vec<(String, Option<String>)> {
        let check = Check::rule(config, "t", |setup| PhraseRule::from_toml(rule, setup));
        check.expect("compiles").found(text)
    }

    const RULE: &str = r#"
[rule]
severity = "warning"
summary = { indonesian = "s", english = "s" }
explanation = { indonesian = "e", english = "e" }
sources = ["x"]

[[rule.examples]]
bad = "x"
good = "y"

[phrases]
message = { indonesian = "“{found}” → “{replace}”", english = "“{found}” → “{replace}”" }
message-no-fix = { indonesian = "“{found}”: {help}", english = "“{found}”: {help}" }

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
severity = "warning"
summary = { indonesian = "s", english = "s" }
explanation = { indonesian = "e", english = "e" }
sources = ["x"]

[[rule.examples]]
bad = "x"
good = "y"

[phrases]
clitics = true
message = { indonesian = "“{found}” → “{replace}”", english = "“{found}” → “{replace}”" }

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
        let said = error_text(&err, Lang::English);
        assert!(said.contains("#1: bad `regex` in entry"), "{said}");
        let config = Config::parse("[[rules.t.entries]]\nmatch = \"(persero)\"\nsource = \"x\"\n")
            .expect("parses");
        let err = build(RULE, &config)
            .err()
            .expect("a phrase starting with a bracket");
        let said = error_text(&err, Lang::English);
        assert!(said.contains("must start with a letter"), "{said}");
        let config = Config::parse("[rules.t]\ndisable = [\"nope\"]\n").expect("parses");
        assert!(build(RULE, &config).is_err());
    }
}
