//! The dated register of Indonesian institutions (`rules/institutions.toml`): which names, short
//! forms and titles were official when, what each became, and who held which office.
//!
//! Loaded once per run (`load`) into one phrase list over every name form and one matcher over
//! every person's name; a document's mentions are found once (`mentions`) and shared by
//! `official-name`, `term-consistency` and `acronym-mismatch`; `history` tells whether a
//! sentence speaks of another time than the article's.

mod history;
mod load;
mod mentions;

pub use history::{speaks_of_another_time, speaks_of_future, speaks_of_past};
pub use load::first_of_joint_name;
pub use mentions::continues_name;

use foldhash::HashMap;

use super::calendar::{Date, MONTHS_EN, MONTHS_ID};
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::source::Span;

/// Index of an institution in the register.
pub type InstitutionId = usize;
/// Index of a person in the register.
pub type PersonId = usize;

/// The days a name was official, both ends included; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Period {
    pub from: Option<Date>,
    pub until: Option<Date>,
    /// How precisely the register knows `until`: a month or a year ends on its last day.
    pub until_known: Precision,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Precision {
    #[default]
    Day,
    Month,
    Year,
}

impl Period {
    pub fn contains(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.until.is_none_or(|u| date <= u)
    }

    /// Its last day, in Indonesian and in English, as precisely as it is known (`20 Oktober
    /// 2024`, `Oktober 2024`, `2024`).
    pub fn until_text(&self) -> Option<(String, String)> {
        let until = self.until?;
        let month = usize::from(until.month - 1);
        Some(match self.until_known {
            Precision::Day => (until.long_id(), until.to_string()),
            Precision::Month => (
                format!("{} {}", MONTHS_ID[month], until.year),
                format!("{} {}", MONTHS_EN[month], until.year),
            ),
            Precision::Year => (until.year.to_string(), until.year.to_string()),
        })
    }

    /// When the period ended, in Indonesian and in English, as precisely as it is known: the
    /// first day after it (`21 Oktober 2024`), else its last month (`November 2009`) or year.
    pub fn ended(&self) -> Option<(String, String)> {
        let until = self.until?;
        Some(match self.until_known {
            Precision::Day => {
                let next = Date::from_days_since_epoch(until.days_since_epoch() + 1);
                (next.long_id(), next.to_string())
            }
            Precision::Month => {
                let month = usize::from(until.month - 1);
                (
                    format!("{} {}", MONTHS_ID[month], until.year),
                    format!("{} {}", MONTHS_EN[month], until.year),
                )
            }
            Precision::Year => (until.year.to_string(), until.year.to_string()),
        })
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
    /// Lower-case words of its field, which rank it among the successors of a split.
    pub topics: Vec<String>,
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
    /// Matched only with every word capitalised (a name in English order: Indonesia Bank).
    capitalised: bool,
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
    /// Each institution's official names in full, as patterns.
    spelled_out: Vec<Vec<usize>>,
    matcher: PhraseList,
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

impl Register {
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
    pub fn spelled_out(&self, id: InstitutionId) -> impl Iterator<Item = &str> {
        self.spelled_out[id]
            .iter()
            .map(|&i| self.patterns[i].text.as_str())
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
        let full = first_of_joint_name(&inst.name).unwrap_or(&inst.name);
        let full_title = || load::derived_title(full).or_else(|| inst.titles.first().cloned());
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::schema::RegisterFile;
    use crate::lang::lexicon::Lexicon;
    use crate::lang::lexicon::PhraseLists;
    use crate::source::Document;

    fn date(s: &str) -> Date {
        Date::parse_iso(s).expect("test dates are valid")
    }

    /// The shipped register, and a lexicon that knows its names.
    fn register() -> (Register, Lexicon) {
        let lists = PhraseLists::default();
        let register = Register::builtin(&lists);
        (register, Lexicon::builtin(lists.into_matchers()))
    }

    fn mention(text: &str) -> (Document, Vec<Mention>) {
        let (register, lexicon) = register();
        let doc = Document::new("t", text);
        let mentions = register.mentions(&doc, &lexicon.read(&doc), &lexicon);
        (doc, mentions)
    }

    #[test]
    fn the_embedded_register_loads_and_links() {
        let (r, _) = register();
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
        let (register, _) = register();
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
            let inst = register
                .institutions()
                .iter()
                .find(|i| i.id == id)
                .unwrap_or_else(|| panic!("{id} missing"));
            assert!(inst.period.contains(date("2025-10-01")), "{id}");
        }
    }

    #[test]
    fn renames_follow_the_chain_to_the_date() {
        let (register, _) = register();
        let (_, m) = mention("Menteri Komunikasi dan Informasi bertemu Kominfo.");
        assert_eq!(m.len(), 2);
        let komdigi = register
            .institutions()
            .iter()
            .position(|i| i.id == "komdigi")
            .expect("komdigi");
        for x in &m {
            match register.status(x, date("2025-01-25")) {
                Status::Outdated { now, .. } => assert_eq!(now, [komdigi]),
                other => panic!("{other:?}"),
            }
        }
        assert!(matches!(
            register.status(&m[1], date("2023-05-01")),
            Status::Valid(_)
        ));
        assert!(matches!(
            register.status(&m[0], date("2023-05-01")),
            Status::Outdated { .. }
        ));
    }

    #[test]
    fn renames_relate_institutions() {
        let (register, _) = register();
        let id = |name: &str| {
            register
                .institutions()
                .iter()
                .position(|i| i.id == name)
                .expect("listed")
        };
        assert!(register.related(id("komdigi"), id("kemeneg-kominfo")));
        assert!(register.related(id("kemendikbud"), id("kemenbud")));
        assert!(!register.related(id("bgn"), id("bapanas")));
    }

    #[test]
    fn splits_and_new_names() {
        let (register, _) = register();
        let (_, m) = mention("Kemendikbud dan Kemenkum.");
        match register.status(&m[0], date("2025-03-01")) {
            Status::Outdated { now, .. } => assert_eq!(now.len(), 3),
            other => panic!("{other:?}"),
        }
        match register.status(&m[1], date("2023-03-01")) {
            Status::NotYet { then, .. } => {
                assert_eq!(register.institution(then[0]).id, "kemenkumham")
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
            mention("Kementerian Investasi, Perdagangan dan Industri Malaysia menerima tamu.")
                .1
                .is_empty()
        );
        // A list of names, and a headline, where the next capitalised word starts no longer name.
        assert_eq!(
            mention("Rapat dihadiri Kementerian Komunikasi dan Informatika, Bappenas, dan BPS.")
                .1
                .len(),
            3
        );
        assert_eq!(
            mention("Menteri Komunikasi dan Informatika Tinjau Pusat Data di Batam")
                .1
                .len(),
            1
        );
        assert!(
            mention("Kementerian Keuangan Jepang Tinjau Pusat Data di Batam")
                .1
                .is_empty()
        );
    }

    #[test]
    fn persons_after_titles() {
        let (register, _) = register();
        let doc = Document::new("t", "Menkeu Sri Mulyani, lalu Menteri Purbaya.");
        let (span, p) = register.person_after(&doc, 6).expect("a person");
        assert_eq!(doc.slice(&span), "Sri Mulyani");
        assert_eq!(register.person(p).name, "Sri Mulyani Indrawati");
        assert!(register.person_after(&doc, 0).is_none());
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
    fn broken_registers_are_rejected() {
        let parse = |toml_text: &str| -> anyhow::Result<Register> {
            let file: RegisterFile = toml::from_str(toml_text)?;
            Register::from_file(file, &PhraseLists::default())
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
        assert!(parse(&format!("{base}from = \"2025-02-30\"\n")).is_err());
    }
}
