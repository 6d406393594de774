//! `spelling`: words that are not Indonesian, with the word the writer most likely meant.
//!
//! A plain spell checker flags names, acronyms, English terms and addresses by the dozen in every
//! news article; this rule asks the dictionary only about words that can be misspelt prose, and
//! reports only what looks like a slip:
//! - capitalised words inside a sentence are names, checked only against well-known place names
//!   (`Indonseia` → `Indonesia`, `rules/well-known-names.toml`);
//! - all-caps and mixed-case words (`MOU`, `iPhone`), tokens with digits (`Rp13,2`, `ke-2`),
//!   URLs, domains and e-mail addresses are never checked;
//! - a word is accepted when the dictionary knows it (with its clitics off), when it is in use
//!   (wordfreq), when it is English (the `untranslated` rule's business) or an English word
//!   respelt as a loan (`mikroplastik`), or when affixes lead to a known root (`perundungan`);
//! - spellings on the `nonstandard-word` list are that rule's findings (no double report);
//! - an unknown word is reported when a word is one slip away (two in a long word), or when it
//!   is two words run together (`jetdengan`); a word far from every word, or used three times
//!   in the document, is a term, a name or an acronym the lexicons lack;
//! - in quoted speech only a slip in a long word is reported: `nggak` is register;
//! - a capitalised word opening a sentence is checked in lower case, carefully: only a long word
//!   one slip from a dictionary word, and never one the document also writes as a name.
//!
//! Hyphenated words are checked part by part (`kerja-kerja`, `se-Indonesia`).

use std::collections::HashSet;
use std::path::Path;
use std::sync::{Arc, LazyLock};

use anyhow::Context;
use serde::Deserialize;

use crate::config::Config;
use crate::data::DataRule;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized, Severity, Span};
use crate::lang::case::{CaseShape, match_case_in_context, shape, starts_uppercase};
use crate::lang::dictionary::{self, Dictionary};
use crate::lang::english;
use crate::lang::frequency;
use crate::lang::morphology;
use crate::lang::suggest::{MAX_SUGGESTIONS, Suggester, osa_distance};
use crate::lang::verdicts::Verdicts;
use crate::lang::word_screens::WordScreen;
use crate::rules::{Example, Rule, RuleMeta};
use crate::source::{Document, Token};

pub const ID: &str = "spelling";

/// A capitalised word needs this many letters before a one-edit distance from a well-known name
/// counts as a typo of it (`Bali` and `Bari` are both places).
const MIN_NAME_TYPO_LEN: usize = 6;

/// A dictionary stem ends an affix analysis from this length on: short rare stems (`jani`,
/// `gela`) would excuse typos (`berjani`, `digela`).
const MIN_DICTIONARY_ROOT: usize = 5;

/// A loanword respelt from English is recognised from this length on; shorter keys match typos.
const MIN_LOAN_WORD: usize = 6;

/// An affix analysis may end on an English or loan root of at least this many letters
/// (`input` in `diinput`): shorter English roots match too much by chance.
const MIN_LOAN_ROOT: usize = 5;

/// Each half of two words run together has at least this many letters (`jet` + `dengan`).
const MIN_JOINED_PART: usize = 3;

/// An English word used at least once in a million English words is English, not a typo; rarer
/// entries of the English list include misspellings and words of other languages (`biya`).
const ENGLISH_WORD_ZIPF: f32 = 3.0;

/// A word written this many times in one document is the writer's term, not a typo.
const TERM_USES: usize = 3;

/// Words shorter than this are short: a typo is taken only for a common word's.
const SHORT_WORD: usize = 6;

/// How common (Zipf) a word must be for a short unknown word one slip away to be its typo.
const SHORT_WORD_TARGET_ZIPF: f32 = 3.5;

/// A word of this many letters is long: a typo of it may be two edits away.
const LONG_WORD: usize = 8;

/// A capitalised word opening a sentence is taken for a typo only from this length on: shorter
/// ones are names as often as not (`Gugi`, `Teba`).
const MIN_SENTENCE_START_TYPO_LEN: usize = 7;

/// Inside quoted speech a word is taken for a typo only from this length on: short informal
/// forms one letter from the standard word (`nolak`, `aduuh`) are register.
const MIN_QUOTED_TYPO_LEN: usize = 7;

/// Zipf frequency of a common word: once in 100,000 words.
const COMMON_ZIPF: f32 = 4.0;

/// `[rules.spelling]` options.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct Options {
    /// Words the newsroom accepts (names of its own, local terms).
    #[serde(default)]
    accept: Vec<String>,
    /// A file of accepted words, one a line (`#` starts a comment), relative to lintas.toml.
    words_file: Option<String>,
    /// Another Hunspell dictionary: `path/id_ID` for `path/id_ID.aff` and `path/id_ID.dic`.
    dictionary: Option<String>,
}

pub struct Spelling {
    meta: RuleMeta,
    dictionary: Arc<Dictionary>,
    /// Lower-case accepted words.
    accepted: HashSet<String>,
    suggester: Suggester,
    /// The `nonstandard-word` list: its matches are its findings, not ours.
    nonstandard: Arc<DataRule>,
    /// What `accepts` said of each word or part so far in the run.
    verdicts: Verdicts,
    /// The words that do not pass without a closer look (see `passes`).
    unsure: WordScreen,
    /// What `assess` said of each unknown lower-case word so far, one table per [`Position`].
    typos: [Verdicts<Option<Typo>>; 3],
}

/// An unknown word that reads as a typo: what to suggest, and whether the first suggestion is one
/// slip away (only a slip is reported in quoted speech).
#[derive(Clone)]
struct Typo {
    suggestions: Arc<[String]>,
    first_is_slip: bool,
}

#[derive(Deserialize)]
struct NamesFile {
    group: Vec<NameGroup>,
}

#[derive(Deserialize)]
struct NameGroup {
    names: Vec<String>,
}

/// Well-known place names, lower-case.
static WELL_KNOWN_NAMES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let text = crate::data::embedded("well-known-names.toml")
        .expect("rules/well-known-names.toml is embedded by build.rs");
    let file: NamesFile = serde_json::from_str(text)
        .expect("rules/well-known-names.toml parses (a unit test holds it)");
    file.group
        .into_iter()
        .flat_map(|g| g.names)
        .map(|n| n.to_lowercase())
        .collect()
});

pub fn new(config: &Config) -> anyhow::Result<Arc<dyn Rule>> {
    let options: Options = config.rule_options(ID)?;
    let dictionary = match &options.dictionary {
        Some(path) => Arc::new(
            Dictionary::load(&config.resolve(path))
                .with_context(|| format!("{}: [rules.{ID}] dictionary", config.origin_name()))?,
        ),
        None => dictionary::builtin(),
    };
    let mut accepted: Vec<String> = options.accept.clone();
    if let Some(file) = &options.words_file {
        accepted.extend(
            read_words_file(&config.resolve(file))
                .with_context(|| format!("{}: [rules.{ID}] words-file", config.origin_name()))?,
        );
    }
    let nonstandard = DataRule::embedded("nonstandard-word.toml", config)?;
    Ok(Arc::new(Spelling {
        meta: meta(),
        suggester: Suggester::new(Arc::clone(&dictionary), accepted.clone()),
        dictionary,
        accepted: accepted.iter().map(|w| w.to_lowercase()).collect(),
        nonstandard,
        verdicts: Verdicts::default(),
        unsure: WordScreen::default(),
        typos: Default::default(),
    }))
}

fn read_words_file(path: &Path) -> anyhow::Result<Vec<String>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    Ok(text
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect())
}

fn meta() -> RuleMeta {
    RuleMeta {
        id: ID.to_string(),
        default_severity: Severity::Error,
        summary: Localized::new(
            "Kata yang tidak ada dalam kamus, dengan saran perbaikan",
            "Words not in the dictionary, with ranked suggestions",
        ),
        explanation: Localized::new(
            "Salah ketik seperti “bilantial” (maksudnya “bilateral”) paling cepat dilihat pembaca. \
             Kata dicek dengan kamus Hunspell bahasa Indonesia (KBBI edisi ke-3) beserta imbuhan dan \
             klitiknya (-nya, -ku, -mu, -lah, -kah, -pun); saran diurutkan menurut jarak ketik dan \
             seberapa sering kata itu dipakai. Saran pertama hanyalah tebakan, jadi tidak diterapkan \
             otomatis. Kata yang tidak dikenal ditandai bila hanya selisih satu ketukan dari kata \
             lain (dua untuk kata panjang) atau bila dua kata tertulis tanpa spasi; kata yang jauh \
             dari semua kata, atau dipakai tiga kali atau lebih dalam satu naskah, dianggap istilah \
             atau nama. Yang tidak dicek: nama (kata berhuruf kapital di tengah kalimat, kecuali yang \
             hanya selisih satu huruf dari nama tempat terkenal seperti “Indonesia”), singkatan \
             berhuruf kapital, kata dengan angka, alamat web dan surel, kata bahasa Inggris (urusan \
             aturan untranslated), ejaan tidak baku (urusan nonstandard-word), dan ragam cakapan \
             di dalam kutipan. Kata khas redaksi dapat ditambahkan lewat [rules.spelling] accept \
             atau words-file.",
            "Typos such as “bilantial” (meaning “bilateral”) are what readers notice first. Words \
             are checked against the Indonesian Hunspell dictionary (KBBI 3rd edition) with their \
             affixes and clitics (-nya, -ku, -mu, -lah, -kah, -pun); suggestions are ranked by \
             typing distance and by how often the word is used. The first suggestion is a guess, \
             so it is never applied automatically. An unknown word is reported when it is one \
             slip from a word (two in a long word) or two words run together; a word far from \
             every word, or used three times or more in one text, is taken for a term or a name. \
             Not checked: names (capitalised words inside a \
             sentence, except one letter away from a well-known place such as “Indonesia”), \
             all-caps acronyms, words with digits, web and e-mail addresses, English words (the \
             untranslated rule's business), non-standard spellings (nonstandard-word's), and \
             informal speech inside quotations. A newsroom's own words go in [rules.spelling] \
             accept or words-file.",
        ),
        sources: vec![
            "hunspell-id (Debian 1:7.5.0-1; KBBI 3rd edition stems), LGPL-3".to_string(),
            "wordfreq 3.1.1 (Robyn Speer), CC BY-SA 4.0".to_string(),
            "EYD V (2022): Kata Ulang, Bentuk Terikat, Partikel".to_string(),
        ],
        examples: vec![
            Example::new(
                "Kedua negara memperkuat hubungan bilantial di sektor digital.",
                "Kedua negara memperkuat hubungan bilateral di sektor digital.",
            ),
            Example::new(
                "Presiden kembali ke Indonseia pada hari Minggu.",
                "Presiden kembali ke Indonesia pada hari Minggu.",
            ),
            Example::new(
                "Pemerintha menyalurkan bantuan kepada warga se-Indonesia.",
                "Pemerintah menyalurkan bantuan kepada warga se-Indonesia.",
            ),
        ],
        fixable: true,
    }
}

/// Where a word stands, which decides how it is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Position {
    /// Lower case: prose, checked in full.
    Prose,
    /// Capitalised as the first word of a sentence.
    SentenceStart,
    /// Capitalised inside a sentence: a name.
    Name,
}

impl Spelling {
    /// Whether `word` (one part, as written) is a word of the language, or one this rule leaves
    /// to other rules (attested forms, English).
    fn accepts(&self, word: &str) -> bool {
        self.verdicts.get_or(word, || self.accepts_afresh(word))
    }

    fn accepts_afresh(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.accepted.contains(&lower)
            || self.dictionary.knows(word)
            || frequency::indonesian().contains(&lower)
            || frequency::english()
                .zipf(&lower)
                .is_some_and(|z| z >= ENGLISH_WORD_ZIPF)
            || (lower.len() >= MIN_LOAN_WORD && english::is_loan_spelling(&lower))
            || morphology::roots(&lower)
                .iter()
                .any(|root| self.knows_root(root))
    }

    /// Whether an affix analysis ended on a real root: a form in use, a dictionary stem of
    /// [`MIN_DICTIONARY_ROOT`] letters or more, a loanword, or a word the user accepted (`unggah`
    /// in `unggahan`, `rundung` in `perundungan`, `input` in `diinput`).
    fn knows_root(&self, root: &str) -> bool {
        let at_least = |zipf: Option<f32>, min: f32| zipf.is_some_and(|z| z >= min);
        self.accepted.contains(root)
            || frequency::indonesian().contains(root)
            || (root.len() >= MIN_DICTIONARY_ROOT && self.dictionary.knows(root))
            || (root.len() >= MIN_LOAN_ROOT
                && (at_least(frequency::english().zipf(root), COMMON_ZIPF)
                    || english::is_loan_spelling(root)))
    }

    /// `word` read as two words run together (`jetdengan` → `jet dengan`): both halves common
    /// words of at least [`MIN_JOINED_PART`] letters; the split nearest the middle wins.
    fn split_joined(&self, word: &str) -> Option<String> {
        let len = word.len();
        (MIN_JOINED_PART..=len.saturating_sub(MIN_JOINED_PART))
            .filter(|&at| word.is_char_boundary(at))
            .filter(|&at| is_common_word(&self.dictionary, &word[..at]))
            .filter(|&at| is_common_word(&self.dictionary, &word[at..]))
            .min_by_key(|&at| at.abs_diff(len / 2))
            .map(|at| format!("{} {}", &word[..at], &word[at..]))
    }

    /// Whether a word form needs no further look: not checkable prose, or accepted whole.
    fn passes(&self, word: &str) -> bool {
        !word.chars().all(|c| c.is_ascii_alphabetic() || c == '-') || self.accepts(word)
    }

    /// Check `word`, which did not pass as a whole, part by part.
    fn check_word(&self, doc: &Document, token: Token, word: &str, out: &mut Vec<Diagnostic>) {
        let whole;
        let hyphenated: Vec<(usize, &str)>;
        // Nearly every word checked here has no hyphen: its one part takes no list.
        let parts: &[(usize, &str)] = if word.contains('-') {
            hyphenated = word
                .split('-')
                .scan(token.start, |at, part| {
                    let start = *at;
                    *at += part.len() + 1;
                    Some((start, part))
                })
                .collect();
            &hyphenated
        } else {
            whole = [(token.start, word)];
            &whole
        };
        for (i, &(start, part)) in parts.iter().enumerate() {
            // A reduplicated part is the first one again (`Butar-butar`): judged once.
            let repeated = parts[..i]
                .iter()
                .any(|(_, earlier)| earlier.eq_ignore_ascii_case(part));
            if part.is_empty() || repeated || self.accepts(part) {
                continue;
            }
            let is_last = i + 1 == parts.len();
            if !is_last && morphology::is_bound_prefix(part) {
                continue;
            }
            if let Some(&(_, next)) = parts.get(i + 1)
                && morphology::reduplicated_form(part, next).is_some_and(|w| self.accepts(&w))
            {
                continue;
            }
            if i > 0
                && morphology::reduplicated_form(parts[i - 1].1, part)
                    .is_some_and(|w| self.accepts(&w))
            {
                continue;
            }
            let span = start..start + part.len();
            let position = match shape(part) {
                CaseShape::Lower => Position::Prose,
                CaseShape::Capitalized if i == 0 && doc.starts_sentence(token.start) => {
                    Position::SentenceStart
                }
                CaseShape::Capitalized => Position::Name,
                CaseShape::Upper | CaseShape::Mixed => continue,
            };
            out.extend(self.judge(doc, span, part, position));
        }
    }

    /// The finding for an unknown `part`, if it is one.
    fn judge(
        &self,
        doc: &Document,
        span: Span,
        part: &str,
        position: Position,
    ) -> Option<Diagnostic> {
        let lower = part.to_lowercase();
        let typos = &self.typos[position as usize];
        let known = typos.get(&lower);
        if matches!(known, Some(None)) {
            return None;
        }
        // What the document says is checked before a first assessment, whose suggestions cost a
        // pass over the dictionary.
        if self.excused_here(doc, &span, part, &lower, position) {
            return None;
        }
        let typo = match known {
            Some(typo) => typo,
            None => typos.get_or(&lower, || self.assess(&lower, position)),
        }?;
        // In quoted speech, a long word only when it is a slip.
        if doc.in_quote(&span) && !typo.first_is_slip {
            return None;
        }
        Some(self.diagnostic(doc, span, part, &typo.suggestions))
    }

    /// Whether the document shows that an unknown word is not a typo where it stands.
    fn excused_here(
        &self,
        doc: &Document,
        span: &Span,
        part: &str,
        lower: &str,
        position: Position,
    ) -> bool {
        if used_as_a_term(doc, part) {
            return true;
        }
        if position == Position::Name {
            return false;
        }
        // A capitalised word opening a sentence is most often a name: only a long word, never
        // written as a name elsewhere, may be taken for a typo. Quoted speech keeps the speaker's
        // register (`nolak`, `gegara`): only a long word may be a typo there.
        let name_at_start = position == Position::SentenceStart
            && (lower.len() < MIN_SENTENCE_START_TYPO_LEN || written_as_name_elsewhere(doc, part));
        name_at_start || (lower.len() < MIN_QUOTED_TYPO_LEN && doc.in_quote(span))
    }

    /// Whether the unknown `lower` reads as a typo in `position`, and of what: from its letters
    /// alone, so the same wherever it is written.
    fn assess(&self, lower: &str, position: Position) -> Option<Typo> {
        if position == Position::Name {
            // A well-known name one edit away: a slip by definition.
            let name = well_known_name_near(lower)?;
            return Some(Typo {
                suggestions: Arc::new([name]),
                first_is_slip: true,
            });
        }
        let mut suggestions = self.suggester.suggest(lower).to_vec();
        let first_is_slip = suggestions
            .first()
            .is_some_and(|s| osa_distance(lower.as_bytes(), s.as_bytes(), 1).is_some());
        match position {
            // A long word opening a sentence: a typo only one slip from a common (lower-case)
            // word.
            Position::SentenceStart => {
                let typo_of_a_word = first_is_slip
                    && suggestions
                        .first()
                        .is_some_and(|s| self.dictionary.knows(s));
                if !typo_of_a_word {
                    return None;
                }
            }
            Position::Prose => {
                let split = self.split_joined(lower);
                if split.as_deref().is_some_and(is_english_compound) {
                    // `orderbook`, `smartboard`: English, the `untranslated` rule's business.
                    return None;
                }
                let slip = slip_distance(lower);
                let near = suggestions.iter().any(|s| {
                    osa_distance(lower.as_bytes(), s.as_bytes(), slip).is_some()
                        && (lower.len() >= SHORT_WORD || is_common_word_for_short(s))
                });
                if !near && split.is_none() {
                    // Far from every word: a term, a name or an acronym the lexicons lack.
                    return None;
                }
                if let Some(split) = split {
                    // Two words run together, unless a one-letter slip explains it better.
                    let at = usize::from(first_is_slip).min(suggestions.len());
                    suggestions.insert(at, split);
                    suggestions.truncate(MAX_SUGGESTIONS);
                }
            }
            Position::Name => {}
        }
        Some(Typo {
            suggestions: suggestions.into(),
            first_is_slip,
        })
    }

    fn diagnostic(
        &self,
        doc: &Document,
        span: Span,
        part: &str,
        suggestions: &[String],
    ) -> Diagnostic {
        let message = Localized::new(
            format!("“{part}” tidak ada dalam kamus"),
            format!("“{part}” is not in the dictionary"),
        );
        let at_start = doc.starts_sentence(span.start);
        let mut diag = Diagnostic::new(ID, span.clone(), message);
        for s in suggestions {
            let replacement = match_case_in_context(part, s, at_start);
            diag = diag.with_fix(Fix::replace(
                span.clone(),
                replacement,
                Applicability::Unsafe,
            ));
        }
        if suggestions.is_empty() {
            diag = diag.with_note(Localized::new(
                "periksa ejaannya; bila kata ini benar, tambahkan ke [rules.spelling] accept",
                "check the spelling; if the word is right, add it to [rules.spelling] accept",
            ));
        }
        diag
    }
}

/// A word common enough to be half of two words run together: a dictionary form, or a form
/// used at least once in 100,000 words in either language.
fn is_common_word(dictionary: &Dictionary, word: &str) -> bool {
    let common = |z: Option<f32>| z.is_some_and(|z| z >= COMMON_ZIPF);
    dictionary.knows(word)
        || common(frequency::indonesian().zipf(word))
        || common(frequency::english().zipf(word))
}

/// Whether `word` is common enough that a short unknown word one slip from it is a typo of it:
/// short words near only a rare word are mostly acronyms (`ojol` is not `odol`).
fn is_common_word_for_short(word: &str) -> bool {
    frequency::indonesian()
        .zipf(word)
        .is_some_and(|z| z >= SHORT_WORD_TARGET_ZIPF)
}

/// Whether two words run together are an English compound (`smart board`, `order book`): both
/// halves words English uses at least as much as Indonesian does.
fn is_english_compound(split: &str) -> bool {
    split.split(' ').all(english::is_mainly_english)
}

/// The well-known place name one edit from a capitalised word, if any (`indonseia`).
fn well_known_name_near(lower: &str) -> Option<String> {
    if lower.chars().count() < MIN_NAME_TYPO_LEN {
        return None;
    }
    WELL_KNOWN_NAMES
        .iter()
        .find(|name| osa_distance(lower.as_bytes(), name.as_bytes(), 1) == Some(1))
        .map(|name| crate::lang::case::capitalize_first(name))
}

/// How many edits from a word a typo may be: one slip, or two in a long word (`bilantial`).
fn slip_distance(word: &str) -> usize {
    if word.len() >= LONG_WORD { 2 } else { 1 }
}

/// Whether the document uses `word` so often that it is the writer's term (a sport, a name, an
/// acronym), not a slip of the keyboard.
fn used_as_a_term(doc: &Document, word: &str) -> bool {
    doc.word_forms().count_ignoring_case(doc.text(), word) >= TERM_USES
}

/// Whether the document writes `word` capitalised somewhere other than at a sentence's start:
/// then it is a name, also where it opens a sentence.
fn written_as_name_elsewhere(doc: &Document, word: &str) -> bool {
    let names = doc.memo(|doc| {
        let forms = doc.word_forms();
        let mut names = NamesInText(vec![false; forms.forms().len()]);
        for word in forms.uses() {
            let form = word.form as usize;
            let token = doc.tokens()[word.token as usize];
            if !names.0[form]
                && starts_uppercase(token.text(doc.text()))
                && !doc.starts_sentence(token.start)
            {
                names.0[form] = true;
            }
        }
        names
    });
    doc.word_forms()
        .find(doc.text(), word)
        .is_some_and(|form| names.0[form])
}

/// For each word form of a document, whether it is written capitalised inside a sentence.
struct NamesInText(Vec<bool>);

/// Spans another rule reported, looked up by position.
struct Covered {
    /// Sorted by start.
    spans: Vec<Span>,
    /// The furthest end among `spans[..=i]`.
    reach: Vec<usize>,
}

impl Covered {
    fn new<'a>(spans: impl Iterator<Item = &'a Span>) -> Covered {
        let mut spans: Vec<Span> = spans.cloned().collect();
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

impl Rule for Spelling {
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, doc: &Document, out: &mut Vec<Diagnostic>) {
        let text = doc.text();
        let forms = doc.word_forms();
        let uses = forms.uses();
        let mut nonstandard = None;
        for i in self.unsure.words(doc, |word| !self.passes(word)) {
            let token = doc.tokens()[uses[i].token as usize];
            let nonstandard = nonstandard.get_or_insert_with(|| {
                Covered::new(self.nonstandard.findings(doc).iter().map(|d| &d.span))
            });
            if !nonstandard.overlaps(&token.span()) {
                self.check_word(doc, token, token.text(text), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flagged(config: &Config, text: &str) -> Vec<(String, Vec<String>)> {
        let rule = new(config).expect("builds");
        let doc = Document::new("t.txt", text);
        let mut out = Vec::new();
        rule.check(&doc, &mut out);
        out.into_iter()
            .map(|d| {
                let fixes = d
                    .fixes
                    .iter()
                    .map(|f| f.edits[0].replacement.clone())
                    .collect();
                (doc.slice(&d.span).to_string(), fixes)
            })
            .collect()
    }

    fn words(config: &Config, text: &str) -> Vec<String> {
        flagged(config, text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn typos_with_ranked_suggestions() {
        let got = flagged(&Config::default(), "Hubungan bilantial makin erat.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "bilantial");
        assert_eq!(got[0].1.first().map(String::as_str), Some("bilateral"));
        assert!(got[0].1.len() <= 3);
    }

    #[test]
    fn what_is_not_checked() {
        let c = Config::default();
        let text = "Menteri Meutya Hafid bertemu Jitin Prasada di studiopena.com tentang MOU, \
                    Rp13,2 triliun, ke-2, 1950-an, dan Internet of Things. Ia memberikannya \
                    kepada warga se-Indonesia, kerja-kerja nyata, kemerah-merahan. \
                    “Gw nggak tahu,” katanya.";
        assert!(words(&c, text).is_empty(), "{:?}", words(&c, text));
    }

    #[test]
    fn names_near_well_known_places_and_sentence_starts() {
        let c = Config::default();
        assert_eq!(words(&c, "Ia pulang ke Indonseia kemarin."), ["Indonseia"]);
        // A name that opens a sentence and is written as a name elsewhere is a name.
        assert!(words(&c, "Meutya hadir. Kata Meutya, acara lancar.").is_empty());
        assert!(words(&c, "Kata Butar-butar, acara lancar.").is_empty());
        assert_eq!(words(&c, "Pemerintha hadir."), ["Pemerintha"]);
        let got = flagged(&c, "Pemerintha hadir.");
        assert_eq!(got[0].1.first().map(String::as_str), Some("Pemerintah"));
    }

    #[test]
    fn nonstandard_words_are_left_to_their_rule() {
        assert!(words(&Config::default(), "Resiko itu kecil dan analisa selesai.").is_empty());
    }

    #[test]
    fn quoted_speech_keeps_only_likely_slips() {
        let c = Config::default();
        assert_eq!(
            words(&c, "“Kami akan bekerjs keras,” ujarnya."),
            ["bekerjs"]
        );
    }

    #[test]
    fn user_words_and_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("kata.txt"), "# kata redaksi\nkomdigi\n").expect("writes");
        let toml = "[rules.spelling]\naccept = [\"bilantial\"]\nwords-file = \"kata.txt\"\n";
        let path = dir.path().join("lintas.toml");
        std::fs::write(&path, toml).expect("writes");
        let c = Config::load(&path).expect("loads");
        assert!(words(&c, "Hubungan bilantial dengan komdigi.").is_empty());
        assert_eq!(words(&c, "Ia pergi ke komdgi.").len(), 1);
        assert_eq!(
            flagged(&c, "Ia pergi ke komdgi.")[0]
                .1
                .first()
                .map(String::as_str),
            Some("komdigi")
        );

        std::fs::write(&path, "[rules.spelling]\nwords-file = \"hilang.txt\"\n").expect("writes");
        let err = new(&Config::load(&path).expect("loads"))
            .err()
            .expect("missing file");
        assert!(format!("{err:#}").contains("hilang.txt"), "{err:#}");
        std::fs::write(&path, "[rules.spelling]\ndictionary = \"kamus/id_ID\"\n").expect("writes");
        let err = new(&Config::load(&path).expect("loads"))
            .err()
            .expect("missing dictionary");
        assert!(format!("{err:#}").contains("id_ID.aff"), "{err:#}");
        std::fs::write(&path, "[rules.spelling]\nacept = []\n").expect("writes");
        assert!(new(&Config::load(&path).expect("loads")).is_err());
    }

    #[test]
    fn the_names_list_parses() {
        assert!(WELL_KNOWN_NAMES.contains(&"jakarta".to_string()));
    }
}
