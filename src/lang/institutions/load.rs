//! Building the register from `rules/institutions.toml`: each name with its variants and the
//! title derived from it, linked to what it became, and every entry checked.

use anyhow::{Context, bail};
use foldhash::{HashMap, HashMapExt};
use serde::Deserialize;

use super::{
    FormKind, FormRef, Institution, InstitutionId, Office, Pattern, Period, Person, Register,
};
use crate::lang::calendar::{Date, days_in_month};
use crate::lang::matcher::{PhraseLists, PhraseMatcher};

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
pub(super) enum End {
    First,
    Last,
}

pub(super) fn parse_bound(
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
pub(super) fn derived_title(name: &str) -> Option<String> {
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
    /// The register lintas ships, its names registered among the run's `lists`.
    pub fn builtin(lists: &PhraseLists) -> Register {
        let json = crate::data::embedded("institutions.toml")
            .expect("build.rs embeds every rules/*.toml, institutions.toml included");
        Register::from_json(json, lists).expect("the embedded register is valid (tests hold it)")
    }

    /// Parse and link a register (`rules/institutions.toml` as `build.rs` embeds it, in JSON);
    /// errors name the entry at fault.
    pub fn from_json(json: &str, lists: &PhraseLists) -> anyhow::Result<Register> {
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
        let matcher = lists.add(PhraseMatcher::new(&texts, true));
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
}
