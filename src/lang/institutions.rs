//! The dated register of Indonesian institutions (`rules/institutions.toml`): which names, short
//! forms and titles were official when, what each became, and who held which office.
//!
//! Loaded once into one phrase matcher over every name form and one over every person's name,
//! so `official-name`, `term-consistency` and `acronym-mismatch` share one pass of lookups.

use foldhash::{HashMap, HashMapExt};
use std::sync::{Arc, LazyLock};

use anyhow::{Context, bail};
use serde::Deserialize;

use super::calendar::{ArticleDate, Date, DateSource, MONTHS_ID, WEEKDAYS_ID, days_in_month};
use crate::diagnostic::{Localized, Span};
use crate::lang::matcher::PhraseMatcher;
use crate::source::Document;

/// Index of an institution in the register.
pub type InstitutionId = usize;
/// Index of a person in the register.
pub type PersonId = usize;

/// The register built from the embedded `rules/institutions.toml`.
pub static REGISTER: LazyLock<Register> = LazyLock::new(|| {
    let text = crate::data::embedded("institutions.toml")
        .expect("build.rs embeds every rules/*.toml, institutions.toml included");
    Register::from_json(text).expect("the embedded register is valid (checked by its unit tests)")
});

/// The days a name was official, both ends included; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<Date>,
    pub until: Option<Date>,
}

impl Period {
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }
}

#[derive(Debug)]
pub struct Institution {
    pub id: String,
    pub name: String,
    pub forms: Vec<String>,
    pub titles: Vec<String>,
    pub period: Period,
    /// What it became: one (renamed), several (split), none with an end date (dissolved).
    pub successors: Vec<InstitutionId>,
    pub source: String,
}

#[derive(Debug)]
pub struct Person {
    pub name: String,
    pub offices: Vec<Office>,
}

#[derive(Clone, Copy, Debug)]
pub struct Office {
    pub institution: InstitutionId,
    pub period: Period,
}

impl Person {
    /// The offices held on `date`.
    pub fn offices_on(&self, date: Date) -> impl Iterator<Item = &Office> {
        self.offices.iter().filter(move |o| o.period.contains(date))
    }
}

/// How a mention names its institution, which decides the style of a replacement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKind {
    /// The full name: Kementerian Komunikasi dan Digital.
    Name,
    /// An abbreviation or short name: Komdigi, Kementerian ESDM.
    Short,
    /// The head's full title: Menteri Komunikasi dan Digital.
    Title,
    /// An abbreviated title: Menkomdigi, Menteri ESDM.
    ShortTitle,
}

impl FormKind {
    pub fn is_title(self) -> bool {
        matches!(self, FormKind::Title | FormKind::ShortTitle)
    }
}

/// One institution a name form stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormRef {
    pub institution: InstitutionId,
    pub kind: FormKind,
    /// A rendering that was never official (`[[wrong]]`).
    pub wrong: bool,
    /// Also used by provincial and district offices (Dinas Kominfo, Dinas PUPR).
    pub regional: bool,
}

#[derive(Debug)]
struct Pattern {
    text: String,
    /// One word: matched as written or in capitals only (BI is not "bi").
    case_sensitive: bool,
    refs: Vec<FormRef>,
}

/// A name form found in a document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub refs: Vec<FormRef>,
}

impl Mention {
    pub fn kind(&self) -> FormKind {
        self.refs[0].kind
    }

    pub fn is_wrong(&self) -> bool {
        self.refs.iter().all(|r| r.wrong)
    }

    /// Whether the mention names `id` (under any of its forms' institutions).
    pub fn names(&self, id: InstitutionId) -> bool {
        self.refs.iter().any(|r| r.institution == id)
    }
}

/// What a mention's name was on the article's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Status {
    /// Official on that date.
    Valid(InstitutionId),
    /// No longer official: `now` is what it became (several after a split, none if dissolved).
    Outdated {
        was: InstitutionId,
        now: Vec<InstitutionId>,
    },
    /// Not official yet: `then` is what it was called on that date.
    NotYet {
        will_be: InstitutionId,
        then: Vec<InstitutionId>,
    },
    /// Never an official name; `now` is the institution meant, as named on that date.
    Wrong {
        meant: InstitutionId,
        now: Vec<InstitutionId>,
    },
}

pub struct Register {
    institutions: Vec<Institution>,
    persons: Vec<Person>,
    patterns: Vec<Pattern>,
    /// The patterns by their text in ASCII lower case, for looking a form up.
    by_folded_text: HashMap<String, Vec<usize>>,
    matcher: PhraseMatcher,
    person_patterns: Vec<PersonId>,
    person_matcher: PhraseMatcher,
}

impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Register")
            .field("institutions", &self.institutions.len())
            .field("persons", &self.persons.len())
            .finish()
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegisterFile {
    institution: Vec<InstitutionEntry>,
    #[serde(default)]
    wrong: Vec<WrongEntry>,
    #[serde(default)]
    person: Vec<PersonEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InstitutionEntry {
    id: String,
    name: String,
    #[serde(default)]
    forms: Vec<String>,
    #[serde(default)]
    titles: Vec<String>,
    from: Option<String>,
    until: Option<String>,
    #[serde(default)]
    successors: Vec<String>,
    #[serde(default)]
    regional: Vec<String>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WrongEntry {
    form: String,
    institution: String,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PersonEntry {
    name: String,
    #[serde(default)]
    forms: Vec<String>,
    offices: Vec<OfficeEntry>,
    source: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OfficeEntry {
    institution: String,
    from: Option<String>,
    until: Option<String>,
}

/// Which end of a period a partial date (`2005`, `2005-02`) stands for.
#[derive(Clone, Copy)]
enum End {
    First,
    Last,
}

fn parse_bound(
    s: Option<&str>,
    end: End,
    at: &dyn std::fmt::Display,
) -> anyhow::Result<Option<Date>> {
    let Some(s) = s else { return Ok(None) };
    let numbers: Option<Vec<u16>> = s.split('-').map(|p| p.parse().ok()).collect();
    let date = match (numbers.as_deref(), end) {
        (Some([_, _, _]), _) => Date::parse_iso(s),
        (Some(&[y, m]), End::First) => Date::new(i32::from(y), u8::try_from(m).unwrap_or(0), 1),
        (Some(&[y, m]), End::Last) => u8::try_from(m)
            .ok()
            .filter(|m| (1..=12).contains(m))
            .and_then(|m| Date::new(i32::from(y), m, days_in_month(i32::from(y), m))),
        (Some(&[y]), End::First) => Date::new(i32::from(y), 1, 1),
        (Some(&[y]), End::Last) => Date::new(i32::from(y), 12, 31),
        _ => None,
    };
    match date {
        Some(d) => Ok(Some(d)),
        None => bail!("{at}: “{s}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
    }
}

/// Words that join the parts of a name and carry no meaning of their own.
pub fn is_connector(word: &str) -> bool {
    let is = |w: &str| {
        ["dan", "serta", "bidang", "of", "and", "the", "for", "untuk"]
            .iter()
            .any(|c| w.eq_ignore_ascii_case(c))
    };
    // An ASCII word is compared in place; only another needs lower-casing (a Kelvin sign is a k).
    if word.is_ascii() {
        is(word)
    } else {
        is(&word.to_lowercase())
    }
}

/// Whether a form is an abbreviation (Komdigi, Menko Polkam, Kementerian ESDM) rather than a
/// spelled-out name: a spelled-out name has no capitals inside words, no short form of its own
/// among its words, and is a ministry's name or title or at least three words long.
fn is_short_form(form: &str, single_word_forms: &[&str]) -> bool {
    let words: Vec<&str> = form.split_whitespace().collect();
    let abbreviated_word = words
        .iter()
        .any(|w| w.chars().skip(1).any(char::is_uppercase) || single_word_forms.contains(w));
    let spelled_out = matches!(
        words.first(),
        Some(&("Kementerian" | "Menteri" | "Departemen"))
    ) && words.len() >= 2
        || words.len() >= 3;
    abbreviated_word || !spelled_out
}

/// The head's title for a ministry name: "Kementerian X" → "Menteri X".
fn derived_title(name: &str) -> Option<String> {
    name.strip_prefix("Kementerian ")
        .map(|rest| format!("Menteri {rest}"))
}

/// Spelling variants news uses for one name: without "Bidang" in coordinating ministries,
/// without the serial comma before "dan".
fn variants(form: &str) -> Vec<String> {
    let mut out = vec![form.to_string()];
    if form.contains(" Bidang ") {
        out.push(form.replacen(" Bidang ", " ", 1));
    }
    for v in out.clone() {
        if v.contains(", dan ") {
            out.push(v.replace(", dan ", " dan "));
        }
    }
    out
}

impl Register {
    /// Parse and link a register (`rules/institutions.toml` as `build.rs` embeds it, in JSON);
    /// errors name the entry at fault.
    pub fn from_json(json: &str) -> anyhow::Result<Register> {
        let file: RegisterFile = serde_json::from_str(json).context("institutions register")?;
        let index: HashMap<&str, InstitutionId> = file
            .institution
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        if index.len() != file.institution.len() {
            bail!("institutions register: duplicate institution id");
        }
        let lookup = |id: &str, at: &dyn std::fmt::Display| -> anyhow::Result<InstitutionId> {
            index
                .get(id)
                .copied()
                .with_context(|| format!("{at}: no institution “{id}”"))
        };

        let mut institutions = Vec::new();
        // Hashed with foldhash and sized at once: the register is built on every run, before the
        // first word is read.
        let mut by_text: HashMap<String, Vec<FormRef>> =
            HashMap::with_capacity(4 * file.institution.len() + file.wrong.len());
        let mut order: Vec<String> = Vec::new();
        let mut add = |text: String, r: FormRef| {
            let refs = by_text.entry(text.clone()).or_insert_with(|| {
                order.push(text);
                Vec::new()
            });
            if !refs.contains(&r) {
                refs.push(r);
            }
        };
        for (i, e) in file.institution.iter().enumerate() {
            let at = format_args!("institution “{}”", e.id);
            if e.source.trim().is_empty() {
                bail!("{at}: no source");
            }
            let period = Period {
                from: parse_bound(e.from.as_deref(), End::First, &at)?,
                until: parse_bound(e.until.as_deref(), End::Last, &at)?,
            };
            let successors = e
                .successors
                .iter()
                .map(|s| lookup(s, &at))
                .collect::<anyhow::Result<Vec<_>>>()?;
            if !successors.is_empty() && period.until.is_none() {
                bail!("{at}: successors without `until`");
            }
            let single: Vec<&str> = e
                .forms
                .iter()
                .map(String::as_str)
                .filter(|f| !f.contains(' '))
                .collect();
            let reference = |kind, text: &str| FormRef {
                institution: i,
                kind,
                wrong: false,
                regional: e.regional.iter().any(|r| r == text),
            };
            let mut names = vec![e.name.clone()];
            if let Some((first, _)) = e.name.split_once('/') {
                names.push(first.to_string());
            }
            for name in &names {
                for v in variants(name) {
                    if let Some(title) = derived_title(&v) {
                        add(title.clone(), reference(FormKind::Title, &title));
                    }
                    add(v.clone(), reference(FormKind::Name, &v));
                }
            }
            for form in &e.forms {
                let short = is_short_form(form, &single);
                for v in variants(form) {
                    let (kind, title_kind) = if short {
                        (FormKind::Short, FormKind::ShortTitle)
                    } else {
                        (FormKind::Name, FormKind::Title)
                    };
                    if let Some(title) = derived_title(&v) {
                        add(title.clone(), reference(title_kind, &title));
                    }
                    add(v.clone(), reference(kind, &v));
                }
            }
            for title in &e.titles {
                let kind = if is_short_form(title, &single) {
                    FormKind::ShortTitle
                } else {
                    FormKind::Title
                };
                for v in variants(title) {
                    add(v.clone(), reference(kind, &v));
                }
            }
            for r in &e.regional {
                if !e.forms.contains(r) {
                    bail!("{at}: regional form “{r}” is not one of its forms");
                }
            }
            institutions.push(Institution {
                id: e.id.clone(),
                name: e.name.clone(),
                forms: e.forms.clone(),
                titles: e.titles.clone(),
                period,
                successors,
                source: e.source.clone(),
            });
        }
        for w in &file.wrong {
            let at = format_args!("wrong rendering “{}”", w.form);
            if w.source.trim().is_empty() {
                bail!("{at}: no source");
            }
            let kind = if w.form.starts_with("Menteri ") {
                FormKind::Title
            } else {
                FormKind::Name
            };
            add(
                w.form.clone(),
                FormRef {
                    institution: lookup(&w.institution, &at)?,
                    kind,
                    wrong: true,
                    regional: false,
                },
            );
        }

        let patterns: Vec<Pattern> = order
            .into_iter()
            .map(|text| {
                let refs = by_text.remove(&text).unwrap_or_default();
                Pattern {
                    case_sensitive: !text.contains(' '),
                    text,
                    refs,
                }
            })
            .collect();
        for p in &patterns {
            if p.refs.iter().any(|r| r.wrong) && p.refs.iter().any(|r| !r.wrong) {
                bail!(
                    "“{}” is both an official form and a wrong rendering",
                    p.text
                );
            }
        }
        let texts: Vec<String> = patterns.iter().map(|p| p.text.clone()).collect();
        let matcher = PhraseMatcher::new(&texts, true);
        let mut by_folded_text: HashMap<String, Vec<usize>> = HashMap::with_capacity(texts.len());
        for (i, text) in texts.iter().enumerate() {
            by_folded_text
                .entry(text.to_ascii_lowercase())
                .or_default()
                .push(i);
        }

        let mut persons = Vec::new();
        let mut person_texts = Vec::new();
        let mut person_patterns = Vec::new();
        for p in &file.person {
            let at = format_args!("person “{}”", p.name);
            if p.source.trim().is_empty() {
                bail!("{at}: no source");
            }
            let mut offices = Vec::new();
            for o in &p.offices {
                offices.push(Office {
                    institution: lookup(&o.institution, &at)?,
                    period: Period {
                        from: parse_bound(o.from.as_deref(), End::First, &at)?,
                        until: parse_bound(o.until.as_deref(), End::Last, &at)?,
                    },
                });
            }
            for form in std::iter::once(&p.name).chain(&p.forms) {
                person_texts.push(form.clone());
                person_patterns.push(persons.len());
            }
            persons.push(Person {
                name: p.name.clone(),
                offices,
            });
        }
        let person_matcher = PhraseMatcher::new(&person_texts, false);

        Ok(Register {
            institutions,
            persons,
            patterns,
            by_folded_text,
            matcher,
            person_patterns,
            person_matcher,
        })
    }

    pub fn institutions(&self) -> &[Institution] {
        &self.institutions
    }

    pub fn institution(&self, id: InstitutionId) -> &Institution {
        &self.institutions[id]
    }

    pub fn persons(&self) -> &[Person] {
        &self.persons
    }

    pub fn person(&self, id: PersonId) -> &Person {
        &self.persons[id]
    }

    /// The institutions an exact form stands for (`"BGN"`, `"Kementerian Keuangan"`).
    pub fn lookup(&self, form: &str) -> Vec<FormRef> {
        let Some(candidates) = self.by_folded_text.get(&form.to_ascii_lowercase()) else {
            return Vec::new();
        };
        candidates
            .iter()
            .map(|&i| &self.patterns[i])
            .filter(|p| {
                if p.case_sensitive {
                    p.text == form
                } else {
                    p.text.eq_ignore_ascii_case(form)
                }
            })
            .flat_map(|p| p.refs.iter().copied())
            .collect()
    }

    /// The spelled-out names of `id` (official name and long forms, with their variants).
    pub fn spelled_out(&self, id: InstitutionId) -> Vec<String> {
        self.patterns
            .iter()
            .filter(|p| {
                p.refs
                    .iter()
                    .any(|r| r.institution == id && r.kind == FormKind::Name && !r.wrong)
            })
            .map(|p| p.text.clone())
            .collect()
    }

    /// Every name form in `doc` on word boundaries, except short forms that a regional office
    /// uses where the context is regional (“Dinas Kominfo”, “Kominfo Jatim”).
    /// Every mention of a registered name or person in `doc`, found once per document (there is
    /// one register, `REGISTER`, so the document's memo can hold its answer).
    pub fn mentions(&self, doc: &Document) -> Arc<Vec<Mention>> {
        doc.memo(|doc| self.find_mentions(doc))
    }

    fn find_mentions(&self, doc: &Document) -> Vec<Mention> {
        let text = doc.text();
        self.matcher
            .find_in(doc)
            .into_iter()
            .filter_map(|m| {
                let span = m.span;
                let pattern = &self.patterns[m.pattern];
                let found = &text[span.clone()];
                // In capitals, compared without building an upper-case copy per match.
                let in_capitals = || {
                    pattern
                        .text
                        .chars()
                        .flat_map(char::to_uppercase)
                        .eq(found.chars())
                };
                if pattern.case_sensitive && found != pattern.text && !in_capitals() {
                    return None;
                }
                if !doc.is_word_boundary_span(&span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.regional) && regional_context(doc, &span) {
                    return None;
                }
                if pattern.refs.iter().all(|r| r.kind == FormKind::Name)
                    && continues_name(text, span.end)
                {
                    return None;
                }
                Some(Mention {
                    span,
                    refs: pattern.refs.clone(),
                })
            })
            .collect()
    }

    /// The person named right after `offset` (after spaces or a comma), if the register knows them.
    pub fn person_after(&self, doc: &Document, offset: usize) -> Option<(Span, PersonId)> {
        let text = doc.text();
        let rest = &text[offset..];
        let skip = rest.len() - rest.trim_start_matches([' ', ',']).len();
        if skip == 0 || skip > 3 {
            return None;
        }
        let start = offset + skip;
        let m = self.person_matcher.match_at_start(&text[start..])?;
        let span = start + m.span.start..start + m.span.end;
        doc.is_word_boundary_span(&span)
            .then(|| (span, self.person_patterns[m.pattern]))
    }

    /// What the mention's name was on `date`.
    pub fn status(&self, mention: &Mention, date: Date) -> Status {
        if let Some(r) = mention
            .refs
            .iter()
            .find(|r| !r.wrong && self.institutions[r.institution].period.contains(date))
        {
            return Status::Valid(r.institution);
        }
        let first = mention.refs[0].institution;
        if mention.is_wrong() {
            return Status::Wrong {
                meant: first,
                now: self.on_date(first, date),
            };
        }
        // Of several institutions with this form, the one whose period ended last before `date`.
        let ended = mention
            .refs
            .iter()
            .map(|r| r.institution)
            .filter(|&i| self.institutions[i].period.until.is_some_and(|u| u < date))
            .max_by_key(|&i| self.institutions[i].period.until);
        match ended {
            Some(was) => Status::Outdated {
                was,
                now: self.on_date(was, date),
            },
            None => Status::NotYet {
                will_be: first,
                then: self.on_date(first, date),
            },
        }
    }

    /// What institution `id` was or became, as named on `date`: follows successors forward and
    /// predecessors backward.
    pub fn on_date(&self, id: InstitutionId, date: Date) -> Vec<InstitutionId> {
        let mut out = Vec::new();
        self.walk(id, date, 0, &mut out);
        out
    }

    fn walk(&self, id: InstitutionId, date: Date, depth: usize, out: &mut Vec<InstitutionId>) {
        let inst = &self.institutions[id];
        if depth > 8 {
            return;
        }
        if inst.period.contains(date) {
            if !out.contains(&id) {
                out.push(id);
            }
        } else if inst.period.until.is_some_and(|u| u < date) {
            for &s in &inst.successors {
                self.walk(s, date, depth + 1, out);
            }
        } else {
            for (p, pred) in self.institutions.iter().enumerate() {
                if pred.successors.contains(&id) && pred.period.from.is_none_or(|f| f <= date) {
                    self.walk(p, date, depth + 1, out);
                }
            }
        }
    }

    /// Whether one institution became the other, through any chain of renames and splits.
    pub fn related(&self, a: InstitutionId, b: InstitutionId) -> bool {
        self.descends(a, b, 0) || self.descends(b, a, 0)
    }

    fn descends(&self, from: InstitutionId, to: InstitutionId, depth: usize) -> bool {
        from == to
            || depth < 8
                && self.institutions[from]
                    .successors
                    .iter()
                    .any(|&s| self.descends(s, to, depth + 1))
    }

    /// The name of `id` in the style of a mention of kind `kind`.
    pub fn form_in_style(&self, id: InstitutionId, kind: FormKind) -> String {
        let inst = &self.institutions[id];
        let full = inst.name.split('/').next().unwrap_or(&inst.name);
        let full_title = || derived_title(full).or_else(|| inst.titles.first().cloned());
        match kind {
            FormKind::Name => inst.name.clone(),
            FormKind::Short => inst
                .forms
                .first()
                .cloned()
                .unwrap_or_else(|| inst.name.clone()),
            FormKind::Title => full_title().unwrap_or_else(|| inst.name.clone()),
            FormKind::ShortTitle => inst
                .titles
                .first()
                .cloned()
                .or_else(full_title)
                .unwrap_or_else(|| inst.name.clone()),
        }
    }
}

/// The edit turning `found` (at `span`) into `replacement`, without a shared first word: the
/// head (“Menteri”, “Kementerian”, “Menko”) stays outside the span so editors see what changed.
pub fn narrowed_edit(found: &str, span: Span, replacement: &str) -> (Span, String) {
    let (Some((head, rest)), Some((new_head, new_rest))) =
        (found.split_once(' '), replacement.split_once(' '))
    else {
        return (span, replacement.to_string());
    };
    if head != new_head || rest.is_empty() || new_rest.is_empty() {
        return (span, replacement.to_string());
    }
    (span.start + head.len() + 1..span.end, new_rest.to_string())
}

/// Whether a name goes on past `end` into a capitalised word that is not a day or month (“Kementerian
/// Investasi, Perdagangan dan Industri Malaysia”, “Kementerian Keuangan Jepang”, “Menteri
/// Perdagangan Singapura”): a longer, other name, or after a title a person's name.
pub fn continues_name(text: &str, end: usize) -> bool {
    let after = &text[end..];
    let Some(rest) = after.strip_prefix(", ").or_else(|| after.strip_prefix(' ')) else {
        return false;
    };
    let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    word.chars().next().is_some_and(char::is_uppercase)
        && !WEEKDAYS_ID.contains(&word.as_str())
        && !MONTHS_ID.contains(&word.as_str())
}

/// Words before a regional office's short form that make it regional (Dinas PUPR, Kadis PUPR).
const REGIONAL_WORDS: &[&str] = &[
    "dinas",
    "kadis",
    "diskominfo",
    "pemprov",
    "pemkab",
    "pemkot",
    "provinsi",
    "kabupaten",
    "kota",
    "daerah",
];

/// Whether a regional office's short form at `span` names a provincial or district office: a
/// regional word before it in the sentence (Dinas, Kadis, Pemprov) or a place name right after
/// it (“Kominfo Jatim”).
fn regional_context(doc: &Document, span: &Span) -> bool {
    let text = doc.text();
    let sentence = doc.sentence_at(span.start).unwrap_or(span.clone());
    let before = text[sentence.start..span.start].to_lowercase();
    if before
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| REGIONAL_WORDS.contains(&w))
    {
        return true;
    }
    let after = &text[span.end..];
    after.starts_with(' ') && after[1..].chars().next().is_some_and(char::is_uppercase)
}

/// Words that place a mention in the past or say what it became (“mantan Menkominfo”, “Kominfo,
/// yang kini bernama Komdigi”); compared lower-case, whole words, anywhere in the sentence.
const PAST_MARKERS: &[&str] = &[
    "mantan",
    "eks",
    "bekas",
    "dulu",
    "dahulu",
    "sebelumnya",
    "semula",
    "kini",
    "sekarang",
    "semasa",
    "era",
    "masa",
    "periode",
    "bernama",
    "berganti",
    "berubah",
    "pernah",
    "sempat",
    "lama",
    "silam",
    "lalu",
];

/// Two-word markers (“saat masih”, “kala itu”).
const PAST_PHRASES: &[(&str, &str)] = &[
    ("saat", "masih"),
    ("ketika", "masih"),
    ("waktu", "masih"),
    ("kala", "itu"),
    ("saat", "itu"),
    ("ketika", "itu"),
    ("waktu", "itu"),
];

/// Words that place a mention in the future (“akan”, “calon”).
const FUTURE_MARKERS: &[&str] = &[
    "akan", "bakal", "calon", "rencana", "nantinya", "kelak", "usulan", "kini", "sekarang",
];

/// Whether the sentence around `span` speaks of the time before `until` ends: a past marker, or
/// a year up to `until`'s year (“pada 2023 Kominfo …”).
pub fn speaks_of_past(doc: &Document, span: &Span, until: Date) -> bool {
    let words = sentence_words(doc, span);
    words.iter().any(|w| PAST_MARKERS.contains(&w.as_str()))
        || words
            .windows(2)
            .any(|p| PAST_PHRASES.contains(&(p[0].as_str(), p[1].as_str())))
        || words
            .iter()
            .any(|w| year_of(w).is_some_and(|y| y <= until.year))
}

/// Whether the sentence around `span` speaks of the time from `from` on: a future marker or a
/// year from `from`'s year on.
pub fn speaks_of_future(doc: &Document, span: &Span, from: Date) -> bool {
    let words = sentence_words(doc, span);
    words.iter().any(|w| FUTURE_MARKERS.contains(&w.as_str()))
        || words
            .iter()
            .any(|w| year_of(w).is_some_and(|y| y >= from.year))
}

fn sentence_words(doc: &Document, span: &Span) -> Vec<String> {
    let sentence = doc.sentence_at(span.start).unwrap_or(span.clone());
    doc.tokens_in(&sentence)
        .iter()
        .filter(|t| t.is_word() || t.kind == crate::source::TokenKind::Number)
        .map(|t| t.text(doc.text()).to_lowercase())
        .collect()
}

/// A four-digit year from 1945 on.
fn year_of(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1945..=9999).contains(y))
}

/// The note a diagnostic carries when the article's date is today's only because the text gave
/// none.
pub fn date_note(date: &ArticleDate) -> Option<Localized> {
    (date.source == DateSource::Today).then(|| {
        Localized::new(
            format!(
                "tanggal artikel tidak ditemukan; dipakai tanggal hari ini ({}); tetapkan dengan --date atau document-date",
                date.date.long_id()
            ),
            format!(
                "the article gives no date; today ({}) was assumed; set it with --date or document-date",
                date.date
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).expect("test dates are valid")
    }

    fn mention(text: &str) -> (Document, Vec<Mention>) {
        let doc = Document::new("t", text);
        let mentions = REGISTER.mentions(&doc).to_vec();
        (doc, mentions)
    }

    #[test]
    fn the_embedded_register_loads_and_links() {
        let r = &*REGISTER;
        assert!(r.institutions().len() >= 60);
        assert!(r.persons().len() >= 40);
        let ids: Vec<&str> = r.institutions().iter().map(|i| i.id.as_str()).collect();
        for id in [
            "komdigi",
            "bi",
            "ojk",
            "bps",
            "kpk",
            "polri",
            "tni",
            "dpr",
            "mpr",
            "bgn",
            "danantara",
        ] {
            assert!(ids.contains(&id), "{id} missing");
        }
    }

    #[test]
    fn every_ministry_of_kabinet_merah_putih_is_valid_in_late_2025() {
        let cabinet = [
            "kemenko-polkam",
            "kemenko-kumham-imipas",
            "kemenko-perekonomian",
            "kemenko-pmk",
            "kemenko-ipk",
            "kemenko-pm",
            "kemenko-pangan",
            "kemensetneg",
            "kemendagri",
            "kemenlu",
            "kemenhan",
            "kemenag",
            "kemenkum",
            "kemenham",
            "kemenimipas",
            "kemenkeu",
            "kemendikdasmen",
            "kemendiktisaintek",
            "kemenbud",
            "kemenkes",
            "kemensos",
            "kemnaker",
            "kemenperin",
            "kemendag",
            "kesdm",
            "kemen-pu",
            "kemen-pkp",
            "kemendes-pdt",
            "kementrans",
            "kemenhub",
            "komdigi",
            "kementan",
            "kemenhut",
            "klh",
            "kkp",
            "atr-bpn",
            "bappenas",
            "kemenpan-rb",
            "kementerian-bumn",
            "kemendukbangga",
            "kementerian-investasi-hilirisasi",
            "kemenkop",
            "kementerian-umkm",
            "kemenpar",
            "kemenekraf",
            "kemen-pppa",
            "kp2mi",
            "kemenpora",
            "kemenhaj",
        ];
        assert_eq!(cabinet.len(), 49);
        for id in cabinet {
            let inst = REGISTER
                .institutions()
                .iter()
                .find(|i| i.id == id)
                .unwrap_or_else(|| panic!("{id} missing"));
            assert!(inst.period.contains(date("2025-10-01")), "{id}");
        }
    }

    #[test]
    fn renames_follow_the_chain_to_the_date() {
        let (_, m) = mention("Menteri Komunikasi dan Informasi bertemu Kominfo.");
        assert_eq!(m.len(), 2);
        let komdigi = REGISTER
            .institutions()
            .iter()
            .position(|i| i.id == "komdigi")
            .expect("komdigi");
        for x in &m {
            match REGISTER.status(x, date("2025-01-25")) {
                Status::Outdated { now, .. } => assert_eq!(now, [komdigi]),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(
            REGISTER.status(&m[1], date("2023-05-01")),
            Status::Valid(_)
        ));
        assert!(matches!(
            REGISTER.status(&m[0], date("2023-05-01")),
            Status::Outdated { .. }
        ));
    }

    #[test]
    fn renames_relate_institutions() {
        let id = |name: &str| {
            REGISTER
                .institutions()
                .iter()
                .position(|i| i.id == name)
                .expect("listed")
        };
        assert!(REGISTER.related(id("komdigi"), id("kemeneg-kominfo")));
        assert!(REGISTER.related(id("kemendikbud"), id("kemenbud")));
        assert!(!REGISTER.related(id("bgn"), id("bapanas")));
    }

    #[test]
    fn splits_and_new_names() {
        let (_, m) = mention("Kemendikbud dan Kemenkum.");
        match REGISTER.status(&m[0], date("2025-03-01")) {
            Status::Outdated { now, .. } => assert_eq!(now.len(), 3),
            other => panic!("{other:?}"),
        }
        match REGISTER.status(&m[1], date("2023-03-01")) {
            Status::NotYet { then, .. } => {
                assert_eq!(REGISTER.institution(then[0]).id, "kemenkumham")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn short_forms_keep_their_case_and_regional_offices_are_not_ministries() {
        assert!(mention("bi dan kominfo").1.is_empty());
        assert_eq!(mention("KOMINFO dan BI").1.len(), 2);
        assert!(mention("Kepala Dinas PUPR OKU datang.").1.is_empty());
        assert!(mention("Dilansir Kominfo Jatim, pajak turun.").1.is_empty());
        assert_eq!(mention("Anggaran PUPR naik.").1.len(), 1);
        assert!(
            mention("Kementerian Investasi, Perdagangan dan Industri Malaysia")
                .1
                .is_empty()
        );
    }

    #[test]
    fn persons_after_titles() {
        let doc = Document::new("t", "Menkeu Sri Mulyani, lalu Menteri Purbaya.");
        let (span, p) = REGISTER.person_after(&doc, 6).expect("a person");
        assert_eq!(doc.slice(&span), "Sri Mulyani");
        assert_eq!(REGISTER.person(p).name, "Sri Mulyani Indrawati");
        assert!(REGISTER.person_after(&doc, 0).is_none());
    }

    #[test]
    fn edits_leave_the_shared_head_out() {
        let found = "Menteri Komunikasi dan Informasi";
        assert_eq!(
            narrowed_edit(
                found,
                10..10 + found.len(),
                "Menteri Komunikasi dan Digital"
            ),
            (18..42, "Komunikasi dan Digital".to_string())
        );
        assert_eq!(
            narrowed_edit("Kominfo", 0..7, "Komdigi"),
            (0..7, "Komdigi".to_string())
        );
    }

    #[test]
    fn partial_dates_take_the_right_end() {
        assert_eq!(
            parse_bound(Some("2005"), End::Last, &"t").expect("ok"),
            Date::new(2005, 12, 31)
        );
        assert_eq!(
            parse_bound(Some("2025-02"), End::Last, &"t").expect("ok"),
            Date::new(2025, 2, 28)
        );
        assert!(parse_bound(Some("x"), End::First, &"t").is_err());
    }

    #[test]
    fn broken_registers_are_rejected() {
        let parse = |toml_text: &str| {
            let value: toml::Value = toml::from_str(toml_text).expect("valid TOML");
            Register::from_json(&serde_json::to_string(&value).expect("JSON"))
        };
        let base = "[[institution]]\nid = \"a\"\nname = \"Badan A\"\nsource = \"s\"\n";
        assert!(parse(base).is_ok());
        assert!(parse(&format!("{base}successors = [\"b\"]\n")).is_err());
        assert!(parse(&base.replace("\"s\"", "\"\"")).is_err());
        assert!(
            parse(&format!(
                "{base}[[institution]]\nid = \"a\"\nname = \"B\"\nsource = \"s\"\n"
            ))
            .is_err()
        );
    }
}
