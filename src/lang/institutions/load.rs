//! Building the register from `rules/institutions.toml`: each name with its variants and the
//! title derived from it, linked to what it became, and every entry checked.

use anyhow::bail;
use foldhash::{HashMap, HashMapExt, HashSet, HashSetExt};

use super::{
    FormKind, FormRef, Institution, InstitutionId, Office, Pattern, Period, Person, Precision,
    Register,
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
    let until_known = match until {
        Some(PartialDate { month: None, .. }) => Precision::Year,
        Some(PartialDate { day: None, .. }) => Precision::Month,
        _ => Precision::Day,
    };
    Period {
        from: day(from, false),
        until: day(until, true),
        until_known,
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

/// The first of two names joined by a slash, when the second is a name of its own
/// (“Kementerian Investasi/Badan Koordinasi Penanaman Modal”, “Kementerian PPN/Bappenas”), not
/// when the slash joins two words of one name (“Pengadaan Barang/Jasa Pemerintah”).
pub fn first_of_joint_name(name: &str) -> Option<&str> {
    let (first, second) = name.split_once('/')?;
    let head = second.split(' ').next()?;
    (NAME_HEADS.contains(&head) || !second.contains(' ')).then_some(first)
}

/// The head's title for a ministry name: "Kementerian X" → "Menteri X".
pub(super) fn derived_title(name: &str) -> Option<String> {
    name.strip_prefix("Kementerian ")
        .map(|rest| format!("Menteri {rest}"))
}

/// The register's name forms as they are read, in the order first met.
struct Forms {
    by_text: HashMap<String, Vec<FormRef>>,
    order: Vec<String>,
}

impl Forms {
    fn add(&mut self, text: String, r: FormRef) {
        let refs = self.by_text.entry(text.clone()).or_insert_with(|| {
            self.order.push(text);
            Vec::new()
        });
        if !refs.contains(&r) {
            refs.push(r);
        }
    }

    fn is_official(&self, text: &str) -> bool {
        (self.by_text.get(text)).is_some_and(|refs| refs.iter().any(|r| !r.wrong))
    }
}

/// Words that head an office holder's title rather than a body's name.
const TITLE_HEADS: &[&str] = &[
    "Menteri", "Kepala", "Ketua", "Gubernur", "Panglima", "Jaksa", "Direktur", "Presiden",
];

/// Words that head a body's name: a two-word name with one of them first is not turned around
/// (“Keuangan Kementerian” is no translation's order).
const NAME_HEADS: &[&str] = &[
    "Kementerian",
    "Departemen",
    "Badan",
    "Komisi",
    "Lembaga",
    "Dewan",
    "Majelis",
    "Otoritas",
    "Otorita",
    "Pusat",
    "Kantor",
    "Sekretariat",
    "Kepolisian",
    "Tentara",
    "Direktorat",
];

fn is_title_rendering(text: &str) -> bool {
    text.split(' ')
        .next()
        .is_some_and(|head| TITLE_HEADS.contains(&head))
}

/// The renderings a translation from English makes of an official `text` of kind `kind`, each
/// with whether it is matched only as capitalised: “Urusan” put in after the head (Kementerian
/// Urusan Agama, Menteri Urusan Sosial), and a two-word name turned around (Indonesia Bank).
fn translations_of(text: &str, kind: FormKind) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for head in ["Kementerian ", "Menteri "] {
        if let Some(rest) = text.strip_prefix(head) {
            if matches!(kind, FormKind::Name | FormKind::Title) {
                out.push((format!("{head}Urusan {rest}"), false));
            }
        }
    }
    let words: Vec<&str> = text.split(' ').collect();
    let capitalised_word = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase)
    };
    if let [first, second] = words.as_slice() {
        if kind == FormKind::Name
            && !NAME_HEADS.contains(first)
            && capitalised_word(first)
            && capitalised_word(second)
        {
            out.push((format!("{second} {first}"), true));
        }
    }
    out
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
        let listed_wrong: HashSet<&str> = (file.wrong.iter().map(|w| w.form.as_str()))
            .chain(
                file.institution
                    .iter()
                    .flat_map(|e| &e.translated)
                    .map(String::as_str),
            )
            .collect();
        let mut forms = Forms {
            by_text: HashMap::with_capacity(4 * file.institution.len() + file.wrong.len()),
            order: Vec::new(),
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
            if let Some(first) = first_of_joint_name(&e.name) {
                names.push(first.to_string());
            }
            for name in &names {
                for v in variants(name) {
                    // A derived title the register lists as wrong is not one (Menteri
                    // Sekretariat Negara: the head is Menteri Sekretaris Negara).
                    if let Some(title) =
                        derived_title(&v).filter(|t| !listed_wrong.contains(t.as_str()))
                    {
                        forms.add(title.clone(), reference(FormKind::Title, &title));
                    }
                    forms.add(v.clone(), reference(FormKind::Name, &v));
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
                        forms.add(title.clone(), reference(title_kind, &title));
                    }
                    forms.add(v.clone(), reference(kind, &v));
                }
            }
            for title in &e.titles {
                let kind = if is_short_form(title, &single) {
                    FormKind::ShortTitle
                } else {
                    FormKind::Title
                };
                for v in variants(title) {
                    forms.add(v.clone(), reference(kind, &v));
                }
            }
            institutions.push(Institution {
                id: e.id.clone(),
                name: e.name.clone(),
                forms: e.forms.clone(),
                titles: e.titles.clone(),
                period: period(e.from, e.until),
                successors,
                topics: e.topics.clone(),
                source: e.source.clone(),
            });
        }
        let wrong = |institution: InstitutionId, text: &str| FormRef {
            institution,
            kind: if is_title_rendering(text) {
                FormKind::Title
            } else {
                FormKind::Name
            },
            wrong: true,
            regional: false,
        };
        for w in &file.wrong {
            forms.add(w.form.clone(), wrong(lookup(&w.institution), &w.form));
        }
        for (i, e) in file.institution.iter().enumerate() {
            for t in &e.translated {
                forms.add(t.clone(), wrong(i, t));
            }
        }
        // What a translation from English makes of any official name, found from the names
        // themselves: “Urusan” put in (Ministry of Religious Affairs → Kementerian Urusan Agama),
        // and a two-word name in English order (Indonesia Bank), matched only as capitalised.
        let official: Vec<(String, FormRef)> = (forms.order.iter())
            .flat_map(|text| forms.by_text[text].iter().map(move |r| (text.clone(), *r)))
            .filter(|(_, r)| !r.wrong)
            .collect();
        let mut capitalised = HashSet::new();
        for (text, r) in &official {
            let generated = translations_of(text, r.kind);
            for (rendering, needs_capitals) in generated {
                if !forms.is_official(&rendering) {
                    forms.add(rendering.clone(), wrong(r.institution, &rendering));
                    if needs_capitals {
                        capitalised.insert(rendering);
                    }
                }
            }
        }

        let Forms { mut by_text, order } = forms;
        let patterns: Vec<Pattern> = order
            .into_iter()
            .map(|text| {
                let refs = by_text.remove(&text).unwrap_or_default();
                Pattern {
                    case_sensitive: !text.contains(' '),
                    capitalised: capitalised.contains(&text),
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
        // The trie of the names is the longest step, built while the rest is indexed: the
        // register is built on every run, before the first word is read.
        let (matcher, (by_folded_text, spelled_out, people)) = rayon::join(
            || lists.add(PhraseMatcher::new(&texts, true)),
            || {
                let mut by_folded_text: HashMap<String, Vec<usize>> =
                    HashMap::with_capacity(texts.len());
                for (i, text) in texts.iter().enumerate() {
                    by_folded_text
                        .entry(text.to_ascii_lowercase())
                        .or_default()
                        .push(i);
                }
                let mut spelled_out = vec![Vec::new(); institutions.len()];
                for (i, p) in patterns.iter().enumerate() {
                    for r in p
                        .refs
                        .iter()
                        .filter(|r| r.kind == FormKind::Name && !r.wrong)
                    {
                        if spelled_out[r.institution].last() != Some(&i) {
                            spelled_out[r.institution].push(i);
                        }
                    }
                }
                (by_folded_text, spelled_out, people(&file, &lookup))
            },
        );
        let (persons, person_patterns, person_matcher) = people;

        Ok(Register {
            institutions,
            persons,
            patterns,
            by_folded_text,
            spelled_out,
            matcher,
            person_patterns,
            person_matcher,
        })
    }
}

/// The register's office holders, the pattern of each of their name forms, and the matcher of
/// those forms.
fn people(
    file: &RegisterFile,
    lookup: &(dyn Fn(&str) -> InstitutionId + Sync),
) -> (Vec<Person>, Vec<usize>, PhraseMatcher) {
    let mut persons = Vec::new();
    let mut texts = Vec::new();
    let mut patterns = Vec::new();
    for p in &file.person {
        let offices = (p.offices.iter())
            .map(|o| Office {
                institution: lookup(&o.institution),
                period: period(o.from, o.until),
            })
            .collect();
        for form in std::iter::once(&p.name).chain(&p.forms) {
            texts.push(form.clone());
            patterns.push(persons.len());
        }
        persons.push(Person {
            name: p.name.clone(),
            offices,
        });
    }
    let matcher = PhraseMatcher::new(&texts, false);
    (persons, patterns, matcher)
}
