//! Building the register from `rules/institutions.toml`: each name with its variants and the
//! title derived from it, linked to what it became, and every entry checked.

use anyhow::bail;
use foldhash::{HashMap, HashMapExt};

use super::{
    FormKind, FormRef, Institution, InstitutionId, Office, Pattern, Period, Person, Register,
};
use crate::data::schema::{Checked, PartialDate, RegisterFile};
use crate::lang::calendar::Date;
use crate::lang::lexicon::PhraseLists;
use crate::lang::matcher::PhraseMatcher;

/// The days `date` covers: the first or the last.
fn day(date: Option<PartialDate>, last: bool) -> Option<Date> {
    let (year, month, day) = if last {
        date?.last_day()
    } else {
        date?.first_day()
    };
    // A partial date was checked to be a real day when the file was read.
    Date::new(year, month, day)
}

fn period(from: Option<PartialDate>, until: Option<PartialDate>) -> Period {
    Period {
        from: day(from, false),
        until: day(until, true),
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
        Register::from_file(crate::data::load("institutions"), lists)
            .expect("the embedded register is valid (tests hold it)")
    }

    /// Link a register, its names registered among the run's `lists`; errors name the entry
    /// at fault.
    pub fn from_file(file: RegisterFile, lists: &PhraseLists) -> anyhow::Result<Register> {
        if let Some(p) = file.problems().first() {
            let at = p.index.map_or(String::new(), |i| format!(" #{}", i + 1));
            bail!("institutions register: [[{}]]{at}: {}", p.table, p.message);
        }
        let index: HashMap<&str, InstitutionId> = (file.institution.iter().enumerate())
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        // Every reference resolves: the problems above say so.
        let lookup = |id: &str| index.get(id).copied().unwrap_or_default();

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
            let successors = e.successors.iter().map(|s| lookup(s)).collect();
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
            institutions.push(Institution {
                id: e.id.clone(),
                name: e.name.clone(),
                forms: e.forms.clone(),
                titles: e.titles.clone(),
                period: period(e.from, e.until),
                successors,
                source: e.source.clone(),
            });
        }
        for w in &file.wrong {
            let kind = if w.form.starts_with("Menteri ") {
                FormKind::Title
            } else {
                FormKind::Name
            };
            add(
                w.form.clone(),
                FormRef {
                    institution: lookup(&w.institution),
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
            let offices = (p.offices.iter())
                .map(|o| Office {
                    institution: lookup(&o.institution),
                    period: period(o.from, o.until),
                })
                .collect();
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
