//! The run's lexicon: what lintas knows of each word form, judged once per form for the whole run
//! and read by every rule.
//!
//! A news article writes each form about three times, a corpus writes the same forms in every
//! article, and several rules ask the same questions of each (is it a word of the language, is
//! it English, may a phrase of some list start with it). The lexicon answers all of them at a
//! form's first sight into a [`FormInfo`], keeps it for the run, and hands each document its
//! [`Words`]: every word token with its form and the form's verdict. Rules read those; they keep
//! no verdicts of their own.
//!
//! The lexicon is a value: a linter builds one, shares it between its threads and drops it with
//! itself. Its tables are bounded, so memory stays flat on any corpus: a full table starts
//! afresh, and a form met again is judged again.

mod forms;
mod listed;
mod phrases;
mod typos;
mod words;

pub use phrases::{MAX_LISTS, PhraseList, PhraseLists};
pub use typos::{PersonWordNear, TypoReading};
pub use words::{Form, WordUse, Words};

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};

use crate::lang::dictionary::Dictionary;
use crate::lang::english::{self, LoanSpellings, WordLanguage};
use crate::lang::frequency::Frequencies;
use crate::lang::matcher::PhraseMatcher;
use crate::lang::suggest::Suggester;
use crate::lang::verdicts::Verdicts;
use crate::lang::{MAX_WORD_LEN, morphology};
use crate::messages::{Cause, Message};
use crate::source::Document;

use forms::FormTable;
use listed::ListedWords;
use typos::{NameWords, PersonNames, WellKnownNames};

/// A dictionary stem ends an affix analysis from this length on: short rare stems (`jani`,
/// `gela`) would excuse typos (`berjani`, `digela`).
const MIN_DICTIONARY_ROOT: usize = 5;

/// A loanword respelt from English is recognised from this length on; shorter keys match typos.
const MIN_LOAN_WORD: usize = 6;

/// An affix analysis may end on an English or loan root of at least this many letters
/// (`input` in `diinput`): shorter English roots match too much by chance.
const MIN_LOAN_ROOT: usize = 5;

/// A root shorter than this ends an affix analysis only when it is common.
const SHORT_ROOT: usize = 6;

/// An English word used at least once in a million English words is English, not a typo; rarer
/// entries of the English list include misspellings and words of other languages (`biya`).
const ENGLISH_WORD_ZIPF: f32 = 3.0;

/// Zipf frequency of a common word: once in 100,000 words.
pub const COMMON_ZIPF: f32 = 4.0;

/// English function words, which names keep too (“Internet of Things”, “Chamber of Commerce”).
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to", "with",
];

/// What the lexicon knows of one word form as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FormInfo {
    pub spelling: Spelling,
    /// The form's own language (a name is told by its place in a sentence, not here).
    pub language: WordLanguage,
    /// An English function word (`of`, `the`): English, but no evidence of untranslated text on
    /// its own.
    pub english_function_word: bool,
    /// Bit `i` set when a phrase of the run's list `i` may start with the form.
    phrase_starts: u64,
}

/// Whether a form is a word of the language, as far as a spelling check can tell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// Not plain letters (digits, marks, letters beyond ASCII), or longer than any word
    /// ([`MAX_WORD_LEN`]): not for a spelling check.
    NotPlain,
    /// A word the lexicon knows: the dictionary's (affixes and clitics included), one in use
    /// (word frequencies), a loanword respelt from English, common English, or a word the
    /// newsroom accepts.
    Known,
    /// Plain letters the lexicon does not know.
    Unknown,
}

impl FormInfo {
    /// An English word that carries meaning: evidence of untranslated text.
    pub fn is_english_content(&self) -> bool {
        self.language == WordLanguage::English && !self.english_function_word
    }

    /// Whether a phrase of the run's list `list` may start with the form.
    pub fn may_start_phrase(&self, list: usize) -> bool {
        self.phrase_starts & (1 << list) != 0
    }

    /// Whether some reader looks at the form's words: an unknown word, English, a phrase's start.
    fn is_notable(&self) -> bool {
        self.spelling == Spelling::Unknown || self.is_english_content() || self.phrase_starts != 0
    }
}

/// A newsroom's additions to the lexicon (`[rules.spelling]` in `lintas.toml`).
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LexiconOptions {
    /// Words the newsroom accepts (names of its own, local terms).
    #[serde(default)]
    pub accept: Vec<String>,
    /// A file of accepted words, one a line (`#` starts a comment).
    pub words_file: Option<PathBuf>,
    /// Another Hunspell dictionary: `path/id_ID` for `path/id_ID.aff` and `path/id_ID.dic`.
    pub dictionary: Option<PathBuf>,
}

/// Everything lintas knows of Indonesian words, for one run.
pub struct Lexicon {
    dictionary: Arc<Dictionary>,
    indonesian: Frequencies,
    english: Frequencies,
    loans: LoanSpellings,
    /// Lower-case words the newsroom accepts.
    accepted: HashSet<String>,
    /// The words news writes that the dictionary lacks (`rules/words.toml`).
    listed: ListedWords,
    suggester: Suggester,
    well_known: WellKnownNames,
    persons: PersonNames,
    /// The words of well-known and institutions' names, where a word one letter off is a typo.
    name_words: NameWords,
    /// The run's phrase lists, by their number.
    lists: Vec<Arc<PhraseMatcher>>,
    /// Every form judged so far in the run, shared by all workers.
    judged: Verdicts<FormInfo>,
    /// Unknown words read as typos, and the well-known names they may misspell, so far.
    typos: Verdicts<Arc<TypoReading>>,
    names_near: Verdicts<Option<Arc<str>>>,
    persons_near: Verdicts<Arc<[PersonWordNear]>>,
    name_words_near: Verdicts<Option<Arc<str>>>,
    /// The initials of the dictionary roots each form asked about is built from.
    root_initials: Verdicts<Arc<[char]>>,
    /// Each worker's own table in front of `judged`, taken for a document and given back: a
    /// lookup made for every word of every document takes no lock.
    tables: Mutex<Vec<FormTable>>,
}

impl std::fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lexicon")
            .field("lists", &self.lists.len())
            .finish_non_exhaustive()
    }
}

impl Lexicon {
    /// The built-in lexicon with the newsroom's additions (relative paths already resolved),
    /// for a run whose phrase lists are `lists`; an error names the file at fault.
    pub fn new(options: &LexiconOptions, lists: Vec<Arc<PhraseMatcher>>) -> anyhow::Result<Self> {
        let dictionary = Arc::new(match &options.dictionary {
            Some(path) => Dictionary::load(path)?,
            None => Dictionary::builtin(),
        });
        let mut accepted = options.accept.clone();
        if let Some(file) = &options.words_file {
            accepted.extend(read_words_file(file)?);
        }
        Ok(Lexicon {
            suggester: Suggester::new(Arc::clone(&dictionary), accepted.clone()),
            dictionary,
            indonesian: Frequencies::indonesian(),
            english: Frequencies::english(),
            loans: LoanSpellings::builtin(),
            accepted: accepted.iter().map(|w| w.to_lowercase()).collect(),
            listed: ListedWords::builtin(),
            well_known: WellKnownNames::builtin(),
            persons: PersonNames::default(),
            name_words: NameWords::default(),
            lists,
            judged: Verdicts::default(),
            typos: Verdicts::default(),
            names_near: Verdicts::default(),
            persons_near: Verdicts::default(),
            name_words_near: Verdicts::default(),
            root_initials: Verdicts::default(),
            tables: Mutex::default(),
        })
    }

    /// The lexicon, knowing the names of the persons `full_names` (the register's office
    /// holders) as well-known names.
    pub fn with_persons<'a>(mut self, full_names: impl IntoIterator<Item = &'a str>) -> Self {
        self.persons = PersonNames::new(full_names);
        self
    }

    /// The lexicon, knowing the words of the institution names `names` (the register's) and of
    /// the well-known names as words of names.
    pub fn with_institutions<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Self {
        let well_known: Vec<String> = self.well_known.names().map(str::to_string).collect();
        self.name_words = NameWords::new(
            well_known
                .into_iter()
                .chain(names.into_iter().map(str::to_string)),
        );
        self
    }

    /// The built-in lexicon alone, with the given phrase lists.
    pub fn builtin(lists: Vec<Arc<PhraseMatcher>>) -> Self {
        Lexicon::new(&LexiconOptions::default(), lists).expect("the built-in lexicon reads no file")
    }

    /// The words of `doc`, each with its form and the form's verdict.
    pub fn read(&self, doc: &Document) -> Words {
        let mut table = self
            .tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop()
            .unwrap_or_default();
        let words = Words::read(doc, &mut table, |word| self.info_of_bytes(word));
        self.tables
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(table);
        words
    }

    /// What the lexicon knows of `word`, as written.
    pub fn info(&self, word: &str) -> FormInfo {
        self.judged.get_or(word, || self.judge(word))
    }

    fn info_of_bytes(&self, word: &[u8]) -> FormInfo {
        self.judged.get_or_bytes(word, || {
            // Word tokens are cut from a `str` on character boundaries.
            self.judge(std::str::from_utf8(word).unwrap_or_default())
        })
    }

    /// Whether `word` (plain letters) is a word the lexicon knows.
    pub fn knows(&self, word: &str) -> bool {
        self.info(word).spelling == Spelling::Known
    }

    fn judge(&self, word: &str) -> FormInfo {
        let too_long = word.len() > MAX_WORD_LEN;
        let spelling = if too_long || !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-') {
            Spelling::NotPlain
        } else if self.accepts(word) {
            Spelling::Known
        } else {
            Spelling::Unknown
        };
        let language = if too_long || word.chars().any(|c| c.is_ascii_digit()) {
            WordLanguage::Other
        } else {
            english::classify(word, &self.dictionary, &self.indonesian, &self.english)
        };
        let lower = word.to_lowercase();
        let phrase_starts = (self.lists.iter().enumerate())
            .filter(|(_, list)| list.may_start_with(word.as_bytes()))
            .fold(0, |bits, (i, _)| bits | 1 << i);
        FormInfo {
            spelling,
            language,
            english_function_word: ENGLISH_FUNCTION_WORDS.contains(&lower.as_str()),
            phrase_starts,
        }
    }

    /// Whether `word` is a word of the language, or one a spelling check leaves to other rules
    /// (attested forms, English).
    fn accepts(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.accepted.contains(&lower)
            || self.listed.everywhere(&lower)
            || self.dictionary.knows(word)
            || self.indonesian.contains(&lower)
            || (self.english.zipf(&lower)).is_some_and(|z| z >= ENGLISH_WORD_ZIPF)
            || (lower.len() >= MIN_LOAN_WORD && self.loans.contains(&lower))
            || (morphology::roots(&lower)
                .iter()
                .any(|root| self.knows_root(root))
                && !self.misspells_well_known_name(word, &lower))
    }

    /// Whether the capitalised `word`, known only through an affix analysis, is one letter off a
    /// well-known name or a word of one: `Kepolisan` reads as ke-polis-an, but is `Kepolisian`
    /// misspelt; `Korpsi` reads as korps-i, but is `Korupsi` (the spelling rule asks the name
    /// around it).
    fn misspells_well_known_name(&self, word: &str, lower: &str) -> bool {
        word.starts_with(|c: char| c.is_ascii_uppercase())
            && (self.well_known_name_near(lower).is_some() || self.name_word_near(lower).is_some())
    }

    /// Whether an affix analysis ended on a real root: a form in use, a dictionary stem of
    /// [`MIN_DICTIONARY_ROOT`] letters or more, a loanword, or a word the newsroom accepted
    /// (`unggah` in `unggahan`, `rundung` in `perundungan`, `input` in `diinput`). A short root
    /// must be common: rare short forms (`lana`, `kolha`) would make typos words (`se-lana` for
    /// `selama`, `se-kolha` for `sekolah`).
    fn knows_root(&self, root: &str) -> bool {
        let at_least = |zipf: Option<f32>, min: f32| zipf.is_some_and(|z| z >= min);
        let short = root.len() < SHORT_ROOT;
        self.accepted.contains(root)
            || self.listed.everywhere(root)
            || (if short {
                at_least(self.indonesian.zipf(root), COMMON_ZIPF)
            } else {
                self.indonesian.contains(root)
            })
            || (root.len() >= MIN_DICTIONARY_ROOT && self.dictionary.knows(root))
            || (root.len() >= MIN_LOAN_ROOT
                && (at_least(self.english.zipf(root), COMMON_ZIPF)
                    || (!short && self.loans.contains(root))))
    }

    /// Whether the lower-case `word`, which the lexicon does not know, is informal speech that a
    /// quotation keeps: listed (`nggak`, `banget`), a word with a letter drawn out (`aduuh`), or
    /// built by colloquial affixes on a common root (`lanjutin`, `ngambil`).
    pub fn is_colloquial(&self, word: &str) -> bool {
        // A root of informal affixes is a common word (`tulis` in `nulis`): a rare one would make
        // typos speech (`naki` read as n- + `taki`).
        let common = |w: &str| {
            self.listed.colloquial(w)
                || (self.knows(w) && (self.indonesian.zipf(w)).is_some_and(|z| z >= COMMON_ZIPF))
        };
        self.listed.colloquial(word)
            || self.drawn_out(word, common)
            || (morphology::colloquial_roots(word).iter()).any(|root| common(root))
    }

    /// Whether `word` is a common word with a letter drawn out for the voice: twice or more
    /// (`sudaaah`), or once in the last syllable of a listed interjection (`aduuh`), where a
    /// doubled letter elsewhere is a slip (`maasih`).
    fn drawn_out(&self, word: &str, common: impl Fn(&str) -> bool) -> bool {
        let mut drawn_in: Vec<u8> = word.as_bytes().to_vec();
        drawn_in.dedup();
        let Ok(collapsed) = std::str::from_utf8(&drawn_in) else {
            return false;
        };
        match word.len() - collapsed.len() {
            0 => false,
            1 => {
                let doubled = (word.as_bytes().windows(2)).rposition(|p| p[0] == p[1]);
                let last_vowel = word.rfind(['a', 'e', 'i', 'o', 'u']);
                self.listed.colloquial(collapsed)
                    && doubled.is_some_and(|at| Some(at + 1) == last_vowel)
            }
            _ => common(collapsed),
        }
    }

    /// Whether a capitalised `word` reads as a common word written with a capital (a headline's
    /// verb, `Tinjau`) rather than as a name: the lexicon knows its lower-case form, the
    /// dictionary does not list it as a name alone (`Jepang`), and it is no well-known place.
    pub fn reads_as_common_word(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        let listed_as_name_alone = self.dictionary.knows(word) && !self.dictionary.knows(&lower);
        self.knows(&lower) && !listed_as_name_alone && !self.well_known.contains(&lower)
    }

    /// The initials of the dictionary words `word` is built from by affixes, where they differ
    /// from its own, sorted (`dikenal` → `k`, `Kesyahbandaran` → `s`): an acronym may take a
    /// word's letter from its root (OTK: orang tak dikenal).
    pub fn root_initials(&self, word: &str) -> Arc<[char]> {
        if word.len() > MAX_WORD_LEN {
            return Arc::new([]);
        }
        self.root_initials.get_or(word, || {
            let lower = word.to_lowercase();
            let own = lower.chars().next();
            let mut found: Vec<char> = morphology::roots(&lower)
                .iter()
                .filter(|root| self.dictionary.knows(root))
                .filter_map(|root| root.chars().next())
                .filter(|c| Some(*c) != own)
                .collect();
            found.sort_unstable();
            found.dedup();
            found.into()
        })
    }

    /// Up to three words a misspelt lower-case `word` may stand for, best first.
    pub fn suggestions(&self, word: &str) -> Arc<[String]> {
        self.suggester.suggest(word)
    }

    pub fn dictionary(&self) -> &Dictionary {
        &self.dictionary
    }

    /// Indonesian word frequencies.
    pub fn indonesian(&self) -> &Frequencies {
        &self.indonesian
    }

    /// English word frequencies.
    pub fn english(&self) -> &Frequencies {
        &self.english
    }

    /// Whether a lower-case word is an English word respelt as an Indonesian loan
    /// (`bioenergi`, `skrining`): a loan, not a typo.
    pub fn is_loan_spelling(&self, word: &str) -> bool {
        self.loans.contains(word)
    }

    /// Whether a lower-case word is common English and used in English at least as much as in
    /// Indonesian (`book`, `smart`; not `oleh`, `bahasa`).
    pub fn is_mainly_english(&self, word: &str) -> bool {
        english::is_mainly_english(word, &self.indonesian, &self.english)
    }

    /// How many forms the run has judged and keeps: for tests that the run's tables work.
    pub fn judged_forms(&self) -> usize {
        self.judged.len()
    }
}

fn read_words_file(path: &std::path::Path) -> anyhow::Result<Vec<String>> {
    let text = crate::files::read_text(path).map_err(|e| Message::WordsCannotRead {
        path: path.display().to_string(),
        cause: Cause::of(&e),
    })?;
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_are_judged_once_per_run() {
        let lists = PhraseLists::default();
        let list = lists.add(PhraseMatcher::new(&["nota kesepahaman".into()], true));
        let lexicon = Lexicon::builtin(lists.into_matchers());
        let doc = Document::new("t", "Nota kesepahaman bilantial, the government dan nota.");
        let words = lexicon.read(&doc);
        assert_eq!(lexicon.judged_forms(), words.forms().len());
        let info = |w: &str| lexicon.info(w);
        assert_eq!(info("bilantial").spelling, Spelling::Unknown);
        assert_eq!(info("kesepahaman").spelling, Spelling::Known);
        assert_eq!(info("2025").spelling, Spelling::NotPlain);
        assert!(info("government").is_english_content() && !info("the").is_english_content());
        assert!(info("Nota").may_start_phrase(0) && !info("dan").may_start_phrase(0));
        let judged = lexicon.judged_forms();
        // Another document with the same forms judges none again.
        lexicon.read(&Document::new("u", "dan nota the bilantial"));
        assert_eq!(lexicon.judged_forms(), judged);
        assert_eq!(list.find_in(&doc, &words).len(), 1);
    }

    /// A run of letters longer than any word is left unjudged, and nothing is suggested for
    /// it: its suggestions and splits would take time and memory beyond its length.
    #[test]
    fn a_token_longer_than_any_word_is_not_judged() {
        let lexicon = Lexicon::builtin(Vec::new());
        let longest = "bilantial".repeat(8);
        assert_eq!(lexicon.info(&longest).spelling, Spelling::NotPlain);
        assert_eq!(
            lexicon.info(&longest[..MAX_WORD_LEN]).spelling,
            Spelling::Unknown
        );
        let blob = "ab".repeat(50_000);
        assert_eq!(lexicon.info(&blob).spelling, Spelling::NotPlain);
        assert!(lexicon.suggestions(&blob).is_empty());
        assert!(lexicon.typo_reading(&blob).split.is_none());
        assert!(lexicon.root_initials(&blob).is_empty());
    }

    #[test]
    fn newsroom_words_and_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let file = dir.path().join("kata.txt");
        std::fs::write(&file, "# kata redaksi\nkomdigi\n").expect("writes");
        let options = LexiconOptions {
            accept: vec!["Bilantial".into()],
            words_file: Some(file),
            dictionary: None,
        };
        let lexicon = Lexicon::new(&options, Vec::new()).expect("builds");
        assert!(lexicon.knows("bilantial") && lexicon.knows("komdigi"));
        assert_eq!(
            lexicon.suggestions("komdgi").first().map(String::as_str),
            Some("komdigi")
        );
        let missing = LexiconOptions {
            words_file: Some(dir.path().join("hilang.txt")),
            ..LexiconOptions::default()
        };
        let err = Lexicon::new(&missing, Vec::new()).expect_err("missing file");
        assert!(format!("{err:#}").contains("hilang.txt"), "{err:#}");
    }
}
