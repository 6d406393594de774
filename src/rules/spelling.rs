//! `spelling`: words that are not Indonesian, with the word the writer most likely meant.
//!
//! A plain spell checker flags names, acronyms, English terms and addresses by the dozen in every
//! news article; this rule asks the dictionary only about words that can be misspelt prose, and
//! reports only what looks like a slip:
//! - capitalised words inside a sentence are names, checked only against well-known names
//!   (`Indonseia` → `Indonesia`, `rules/well-known-names.toml`) and, beside another word of the
//!   same name, against the register's office holders (`Sri Mulyani Indrawaty`);
//! - all-caps and mixed-case words (`MOU`, `iPhone`), tokens with digits (`Rp13,2`, `ke-2`),
//!   URLs, domains and e-mail addresses are never checked;
//! - a word is accepted when the dictionary knows it (with its clitics off), when it is in use
//!   (wordfreq), when it is English (the `untranslated` rule's business) or an English word
//!   respelt as a loan (`mikroplastik`), or when affixes lead to a known root (`perundungan`);
//! - spellings on the `nonstandard-word` list are that rule's findings (the rule yields to it);
//! - an unknown word is reported when a word is one slip away (two in a long word), or when it
//!   is two words run together (`jetdengan`); a word far from every word, or used three times
//!   in the document, is a term, a name or an acronym the lexicons lack;
//! - in quoted speech only a slip in a long word is reported: `nggak` is register;
//! - a capitalised word opening a sentence is checked in lower case, carefully: only a long word
//!   one slip from a dictionary word, and never one the document also writes as a name.
//!
//! Hyphenated words are checked part by part (`kerja-kerja`, `se-Indonesia`). A token longer
//! than any word ([`crate::lang::MAX_WORD_LEN`] bytes) is never checked: the lexicon leaves it
//! unjudged.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::{CaseShape, match_case_in_context, shape, starts_uppercase};
use crate::lang::lexicon::Lexicon;
use crate::lang::morphology;
use crate::lang::suggest::MAX_SUGGESTIONS;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

/// A word written this many times in one document is the writer's term, not a typo.
const TERM_USES: usize = 3;

/// A capitalised word opening a sentence is taken for a typo only from this length on: shorter
/// ones are names as often as not (`Gugi`, `Teba`).
const MIN_SENTENCE_START_TYPO_LEN: usize = 7;

/// Inside quoted speech a word is taken for a typo only from this length on: short informal
/// forms one letter from the standard word (`nolak`, `aduuh`) are register.
const MIN_QUOTED_TYPO_LEN: usize = 7;

pub struct Spelling;

/// An unknown word that reads as a typo: what to suggest, and whether the first suggestion is one
/// slip away (only a slip is reported in quoted speech).
struct Typo {
    suggestions: Vec<String>,
    first_is_slip: bool,
}

/// The words the newsroom accepts (`accept`, `words-file`, `dictionary` in `[rules.spelling]`)
/// are the run's lexicon's: every rule reads them there.
pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    // The lexicon every rule shares reads these settings (`engine`); they are checked here too,
    // as the rule's own.
    setup.options::<crate::lang::lexicon::LexiconOptions>()?;
    Ok(Box::new(Spelling))
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

/// One document as the rule checks it.
struct Checking<'c> {
    ctx: &'c Context<'c>,
    /// For each word form, whether the document writes it capitalised inside a sentence: found
    /// once, on the first word opening a sentence that asks.
    names: std::cell::OnceCell<Vec<bool>>,
}

impl Checking<'_> {
    fn doc(&self) -> &Document {
        self.ctx.doc
    }

    fn lexicon(&self) -> &Lexicon {
        self.ctx.lexicon
    }

    /// Check `word`, which the lexicon does not know as a whole, part by part.
    fn check_word(&self, token: Token, word: &str, out: &mut Vec<Diagnostic>) {
        let lexicon = self.lexicon();
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
            if part.is_empty() || repeated || lexicon.knows(part) {
                continue;
            }
            let is_last = i + 1 == parts.len();
            if !is_last && morphology::is_bound_prefix(part) {
                continue;
            }
            if let Some(&(_, next)) = parts.get(i + 1)
                && morphology::reduplicated_form(part, next).is_some_and(|w| lexicon.knows(&w))
            {
                continue;
            }
            if i > 0
                && morphology::reduplicated_form(parts[i - 1].1, part)
                    .is_some_and(|w| lexicon.knows(&w))
            {
                continue;
            }
            let span = start..start + part.len();
            let position = match shape(part) {
                CaseShape::Lower => Position::Prose,
                CaseShape::Capitalized if i == 0 && self.doc().starts_sentence(token.start) => {
                    Position::SentenceStart
                }
                CaseShape::Capitalized => Position::Name,
                CaseShape::Upper | CaseShape::Mixed => continue,
            };
            out.extend(self.judge(span, part, position));
        }
    }

    /// The finding for an unknown `part`, if it is one.
    fn judge(&self, span: Span, part: &str, position: Position) -> Option<Diagnostic> {
        let lower = part.to_lowercase();
        // The word's own letters are read once for the run; what the document says is looked
        // at only for a word they make a typo of.
        let typo = match self.assess(&lower, position) {
            Some(typo) => typo,
            None if position == Position::Name => self.person_name_near(&span, &lower)?,
            None => return None,
        };
        if self.excused_here(&span, part, &lower, position) {
            return None;
        }
        // In quoted speech, a long word only when it is a slip.
        if self.doc().in_quote(&span) && !typo.first_is_slip {
            return None;
        }
        Some(self.diagnostic(span, part, &typo.suggestions))
    }

    /// A word of a well-known person's name one letter off the name `lower` at `span`, told by
    /// another word of the same name beside it (`Sri Mulyani Indrawaty`).
    fn person_name_near(&self, span: &Span, lower: &str) -> Option<Typo> {
        let near = self.lexicon().person_words_near(lower);
        if near.is_empty() {
            return None;
        }
        let doc = self.doc();
        let tokens = doc.tokens();
        let i = doc.token_index_at(span.start)?;
        let word_at = |space: usize, word: usize| {
            let spaced = tokens
                .get(space)
                .is_some_and(|t| t.kind == TokenKind::Space);
            (tokens.get(word))
                .filter(|t| spaced && t.is_word())
                .map(|t| t.text(doc.text()))
        };
        let beside: Vec<&str> = [
            i.checked_sub(2).and_then(|j| word_at(j + 1, j)),
            word_at(i + 1, i + 2),
        ]
        .into_iter()
        .flatten()
        .collect();
        let name = near
            .iter()
            .find(|n| (beside.iter()).any(|w| self.lexicon().names_same_person(n, w)))?;
        Some(Typo {
            suggestions: vec![name.word.to_string()],
            first_is_slip: true,
        })
    }

    /// Whether the document shows that an unknown word is not a typo where it stands.
    fn excused_here(&self, span: &Span, part: &str, lower: &str, position: Position) -> bool {
        let doc = self.doc();
        if self.ctx.words().count_ignoring_case(doc.text(), part) >= TERM_USES {
            // The writer's term (a sport, a name, an acronym), not a slip of the keyboard.
            return true;
        }
        if position == Position::Name {
            return false;
        }
        // A capitalised word opening a sentence is most often a name: only a long word, never
        // written as a name elsewhere, may be taken for a typo. Quoted speech keeps the speaker's
        // register (`nolak`, `gegara`): only a long word may be a typo there.
        let name_at_start = position == Position::SentenceStart
            && (lower.len() < MIN_SENTENCE_START_TYPO_LEN || self.written_as_name_elsewhere(part));
        name_at_start || (lower.len() < MIN_QUOTED_TYPO_LEN && doc.in_quote(span))
    }

    /// Whether the unknown `lower` reads as a typo in `position`, and of what: from its letters
    /// alone, so the same wherever it is written.
    fn assess(&self, lower: &str, position: Position) -> Option<Typo> {
        let lexicon = self.lexicon();
        if position == Position::Name {
            // A well-known name one edit away: a slip by definition.
            let name = lexicon.well_known_name_near(lower)?;
            return Some(Typo {
                suggestions: vec![name.to_string()],
                first_is_slip: true,
            });
        }
        let reading = lexicon.typo_reading(lower);
        let mut suggestions = reading.suggestions.to_vec();
        match position {
            // A long word opening a sentence: a typo only one slip from a common (lower-case)
            // word.
            Position::SentenceStart => {
                if !(reading.first_is_slip && reading.first_in_dictionary) {
                    return None;
                }
            }
            Position::Prose => {
                if reading.split_is_english {
                    // `orderbook`, `smartboard`: English, the `untranslated` rule's business.
                    return None;
                }
                if !reading.near && reading.split.is_none() {
                    // Far from every word: a term, a name or an acronym the lexicons lack.
                    return None;
                }
                if let Some(split) = &reading.split {
                    // Two words run together, unless a one-letter slip explains it better.
                    let at = usize::from(reading.first_is_slip).min(suggestions.len());
                    suggestions.insert(at, split.clone());
                    suggestions.truncate(MAX_SUGGESTIONS);
                }
            }
            Position::Name => {}
        }
        Some(Typo {
            suggestions,
            first_is_slip: reading.first_is_slip,
        })
    }

    fn diagnostic(&self, span: Span, part: &str, suggestions: &[String]) -> Diagnostic {
        let message = Localized::new(
            format!("“{part}” tidak ada dalam kamus"),
            format!("“{part}” is not in the dictionary"),
        );
        let at_start = self.doc().starts_sentence(span.start);
        let mut diag = Diagnostic::new(span.clone(), message);
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

    /// Whether the document writes `word` capitalised somewhere other than at a sentence's
    /// start: then it is a name, also where it opens a sentence.
    fn written_as_name_elsewhere(&self, word: &str) -> bool {
        let (doc, words) = (self.doc(), self.ctx.words());
        let names = self.names.get_or_init(|| {
            let mut names = vec![false; words.forms().len()];
            for word in words.uses() {
                let form = word.form as usize;
                let token = doc.tokens()[word.token as usize];
                if !names[form]
                    && starts_uppercase(token.text(doc.text()))
                    && !doc.starts_sentence(token.start)
                {
                    names[form] = true;
                }
            }
            names
        });
        words.find(doc.text(), word).is_some_and(|form| names[form])
    }
}

impl Rule for Spelling {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let checking = Checking {
            ctx,
            names: std::cell::OnceCell::new(),
        };
        let (text, uses) = (ctx.doc.text(), ctx.words().uses());
        for i in ctx.words().unknown() {
            let token = ctx.doc.tokens()[uses[i].token as usize];
            checking.check_word(token, token.text(text), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::rules::id;
    use crate::testing::Check;

    fn flagged(config: &Config, text: &str) -> Vec<(String, Vec<String>)> {
        let check = Check::configured(config, &[id::SPELLING]).expect("builds");
        (check.findings(text).into_iter())
            .map(|f| (f.text, f.fixes))
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
        let err = Check::configured(&Config::load(&path).expect("loads"), &[id::SPELLING])
            .err()
            .expect("missing file");
        assert!(format!("{err:#}").contains("hilang.txt"), "{err:#}");
        std::fs::write(&path, "[rules.spelling]\ndictionary = \"kamus/id_ID\"\n").expect("writes");
        let err = Check::configured(&Config::load(&path).expect("loads"), &[id::SPELLING])
            .err()
            .expect("missing dictionary");
        assert!(format!("{err:#}").contains("id_ID.aff"), "{err:#}");
        std::fs::write(&path, "[rules.spelling]\nacept = []\n").expect("writes");
        assert!(Check::configured(&Config::load(&path).expect("loads"), &[id::SPELLING]).is_err());
    }

    #[test]
    fn well_known_names_are_checked() {
        assert_eq!(
            words(&Config::default(), "Ia tiba di Jakrta kemarin."),
            ["Jakrta"]
        );
    }
}
