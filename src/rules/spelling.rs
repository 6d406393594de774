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
//!   is two words run together (`jetdengan`) and no slip explains it; a word far from every
//!   word, or used three times in the document, is a term, a name or an acronym the lexicons
//!   lack, unless it is one slip from an everyday word (`pemerintha`);
//! - a capitalised word beside a word of an institution's or a place's name is checked against
//!   those names' words (`Kementerian Keseharan`, `Sulawesi Tegnah`);
//! - handles, hashtags, transliteration lines and abbreviations the document defines in
//!   parentheses (`lalu lintas (lalin)`) are not prose;
//! - in quoted speech the speaker's informal words are kept (`nggak`, `lanjutin`), and only a
//!   slip of a common word (`untku`) or of a long word is reported;
//! - a capitalised word opening a sentence is checked in lower case, carefully: only a long word
//!   one slip from a dictionary word, and never one the document also writes as a name.
//!
//! Hyphenated words are checked part by part (`kerja-kerja`, `se-Indonesia`). A token longer
//! than any word ([`crate::lang::MAX_WORD_LEN`] bytes) is never checked: the lexicon leaves it
//! unjudged.

use crate::diagnostic::{Diagnostic, Localized};
use crate::lang::acronyms::{some_ending_abbreviates, words_before};
use crate::lang::case::{CaseShape, match_case_in_context, shape, starts_uppercase};
use crate::lang::lexicon::Lexicon;
use crate::lang::morphology;
use crate::lang::suggest::MAX_SUGGESTIONS;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

/// A word written this many times in one document is the writer's term, not a typo.
const TERM_USES: usize = 3;

/// Labels of a line that spells another language's words in Latin letters.
const TRANSLITERATION_LABELS: &[&str] = &["Arab-Latin", "Arab Latin", "Latin:", "Transliterasi"];

/// How common (Zipf) a word must be for a lower-case word one slip from it to be its typo even
/// when the document repeats it: once in 10,000 words (`pemerintah`, `tiba`), where a term one
/// slip from a rarer word (`padel`, `teradu`) is the writer's.
const EVERYDAY_ZIPF: f32 = 5.0;

/// A capitalised word opening a sentence is taken for a typo only from this length on: shorter
/// ones are names as often as not (`Gugi`, `Teba`).
const MIN_SENTENCE_START_TYPO_LEN: usize = 7;

/// Inside quoted speech a slip of a rare word is taken for a typo from this length on: informal
/// forms are short (`nolak`, `gegara`).
const MIN_LONG_QUOTED_TYPO_LEN: usize = 7;

/// How common (Zipf) a word must be for an unknown word one slip from it to be its typo inside
/// quoted speech: a slip of a word everyone writes (`untku`), not the speaker's own form.
const SLIP_TARGET_ZIPF: f32 = 4.0;

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
        let quoted = position != Position::Name && self.doc().in_quote(&span);
        if quoted && self.lexicon().is_colloquial(&lower) {
            // The speaker's register (`nggak`, `lanjutin`), which a quotation keeps.
            return None;
        }
        // The word's own letters are read once for the run; what the document says is looked
        // at only for a word they make a typo of.
        let typo = match self.assess(&lower, position) {
            Some(typo) => typo,
            None if position == Position::Name => self
                .name_word_near(&span, &lower)
                .or_else(|| self.person_name_near(&span, &lower))?,
            None => return None,
        };
        // In quoted speech, only a slip of a common word, or a slip in a long word: the rest is
        // how the speaker talks.
        if quoted
            && !(self.slips_word_as_common_as(&typo, SLIP_TARGET_ZIPF)
                || (typo.first_is_slip && lower.len() >= MIN_LONG_QUOTED_TYPO_LEN))
        {
            return None;
        }
        if self.excused_here(part, &lower, position, &typo) || self.is_not_prose(&span, &lower) {
            return None;
        }
        Some(self.diagnostic(span, part, &typo.suggestions))
    }

    /// Whether the word at `span` is no prose of the article's language: a social-media handle
    /// or hashtag (`@dinaskesehatan_kota`, `#selamatkanhutan`), a line of transliteration
    /// (`Arab-Latin: …`), or an abbreviation the document defines (`alat dan mesin pertanian
    /// (alsintan)`).
    fn is_not_prose(&self, span: &Span, lower: &str) -> bool {
        let text = self.doc().text();
        let before = text[..span.start]
            .trim_end_matches(|c: char| c.is_alphanumeric() || c == '_' || c == '.');
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let line = text[line_start..].trim_start();
        let label = |l: &str| {
            line.get(..l.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(l))
        };
        before.ends_with(['@', '#'])
            || TRANSLITERATION_LABELS.iter().any(|l| label(l))
            || self.defines_abbreviation(lower)
    }

    /// Whether the document defines the lower-case `word` as an abbreviation: written alone in
    /// parentheses after words it can abbreviate, as `acronym-mismatch` reads an acronym's
    /// expansion.
    fn defines_abbreviation(&self, word: &str) -> bool {
        let doc = self.doc();
        let (tokens, text) = (doc.tokens(), doc.text());
        let lexicon = self.lexicon();
        let roots = |w: &str| lexicon.root_initials(w);
        let written = format!("({word})");
        text.match_indices(&written).any(|(at, _)| {
            let Some(i) = doc.token_index_at(at) else {
                return false;
            };
            let expansion: Vec<&str> = (words_before(text, &tokens[..i]).iter())
                .map(|t| t.text(text))
                .collect();
            expansion.len() >= 2 && some_ending_abbreviates(word, &expansion, &roots)
        })
    }

    /// Whether the typo's first suggestion is one slip away and a dictionary word used at
    /// least as often as `zipf`.
    fn slips_word_as_common_as(&self, typo: &Typo, zipf: f32) -> bool {
        let lexicon = self.lexicon();
        typo.first_is_slip
            && (typo.suggestions.first())
                .map(|s| s.to_lowercase())
                .filter(|s| lexicon.dictionary().knows(s))
                .and_then(|s| lexicon.indonesian().zipf(&s))
                .is_some_and(|z| z >= zipf)
    }

    /// The word of a name one letter off the capitalised word at `span`, told by a word of a
    /// well-known or an institution's name in the same name (`Kementerian Keseharan`, `Badan
    /// Meteorologi, Klimatologi, dan Geofsika`, `Sulawesi Tegnah`).
    fn name_word_near(&self, span: &Span, lower: &str) -> Option<Typo> {
        let word = self.lexicon().name_word_near(lower)?;
        let lexicon = self.lexicon();
        let neighbours = self.name_neighbours(span);
        let name_word = |w: &&str| starts_uppercase(w) && lexicon.is_name_word(&w.to_lowercase());
        // Beside a capitalised word the lexicon does not know, it is a person's or a local
        // name (`Badan Gizi Nasional Dadan Hindayana`).
        let own_name = |w: &&str| starts_uppercase(w) && !name_word(w) && !lexicon.knows(w);
        let inside_name = neighbours.iter().any(name_word) && !neighbours.iter().any(own_name);
        inside_name.then(|| Typo {
            suggestions: vec![word.to_string()],
            first_is_slip: true,
        })
    }

    /// The words just before and after the word at `span` in a name: across a space, a comma
    /// or a connector (`Badan Meteorologi, Klimatologi, dan Geofisika`).
    fn name_neighbours(&self, span: &Span) -> Vec<&str> {
        let doc = self.doc();
        let (tokens, text) = (doc.tokens(), doc.text());
        let Some(i) = doc.token_index_at(span.start) else {
            return Vec::new();
        };
        let joins = |t: &Token| {
            t.kind == TokenKind::Space
                || t.text(text) == ","
                || (t.is_word() && crate::lang::word_classes::is_connector(t.text(text)))
        };
        let before = tokens[..i].iter().rev().find(|t| !joins(t));
        let after = tokens[i + 1..].iter().find(|t| !joins(t));
        [before, after]
            .into_iter()
            .flatten()
            .filter(|t| t.is_word())
            .map(|t| t.text(text))
            .collect()
    }

    /// A word of a well-known person's name one letter off the name `lower` at `span`, told by
    /// another word of the same name beside it (`Sri Mulyani Indrawaty`).
    fn person_name_near(&self, span: &Span, lower: &str) -> Option<Typo> {
        let near = self.lexicon().person_words_near(lower);
        if near.is_empty() {
            return None;
        }
        let beside = self.name_neighbours(span);
        let name = near
            .iter()
            .find(|n| (beside.iter()).any(|w| self.lexicon().names_same_person(n, w)))?;
        Some(Typo {
            suggestions: vec![name.word.to_string()],
            first_is_slip: true,
        })
    }

    /// Whether the document shows that an unknown word is not a typo where it stands.
    fn excused_here(&self, part: &str, lower: &str, position: Position, typo: &Typo) -> bool {
        let doc = self.doc();
        // A word the writer uses again and again is their term or a name (a sport, an acronym,
        // a person), unless it is a lower-case slip of a word every text uses: a typo repeated
        // (`pemerintha`) is still a typo.
        let repeated = self.ctx.words().count_ignoring_case(doc.text(), part) >= TERM_USES;
        if position == Position::Name {
            return repeated;
        }
        let slip_of_everyday_word =
            position == Position::Prose && self.slips_word_as_common_as(typo, EVERYDAY_ZIPF);
        let term = repeated && !slip_of_everyday_word;
        // A capitalised word opening a sentence is most often a name: only a long word, never
        // written as a name elsewhere, may be taken for a typo.
        let name_at_start = position == Position::SentenceStart
            && (lower.len() < MIN_SENTENCE_START_TYPO_LEN || self.written_as_name_elsewhere(part));
        term || name_at_start
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
                // Two words run together, where no one-letter slip explains it (`hilirasasi` is
                // `hilirisasi`, not `hilir asasi`).
                if let Some(split) = reading.split.as_ref().filter(|_| !reading.first_is_slip) {
                    suggestions.insert(0, split.clone());
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
        diag = diag.with_guesses(
            &span,
            (suggestions.iter()).map(|s| match_case_in_context(part, s, at_start)),
        );
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
    fn what_is_not_prose_is_not_checked() {
        let c = Config::default();
        let text = "Ikuti akun @dinaskegelapan_kotasemarang dan tagar #selamatkanhutan.\n\
                    Arab-Latin: Allahumma inni as-aluka ridhaka.\n\
                    Kelompok sadar wisata (pokdarwis) aktif, dan pokdarwis itu maju. \
                    Putusan itu berlaku erga omnes sebagai ultimum remedium.";
        assert!(words(&c, text).is_empty(), "{:?}", words(&c, text));
        // A word in parentheses that abbreviates nothing before it is checked.
        assert_eq!(words(&c, "Ia makan nasi (psiang)."), ["psiang"]);
    }

    #[test]
    fn slips_in_quotes_and_repeated_slips() {
        let c = Config::default();
        assert_eq!(
            words(&c, "“Kami bleum tahu untku apa,” ujarnya."),
            ["bleum", "untku"]
        );
        assert!(
            words(
                &c,
                "“Gue udah bilang, nggak usah lanjutin, aduuh,” katanya."
            )
            .is_empty()
        );
        // A doubled letter outside an interjection's last syllable is a slip, not the voice.
        assert_eq!(words(&c, "“Kami maasih di sini,” katanya."), ["maasih"]);
        let repeated = "Kebijakan pemerintha itu baru. Menurut pemerintha, dana cukup. \
                        Namun pemerintha belum siap.";
        assert_eq!(words(&c, repeated).len(), 3);
        // A term the writer repeats, one slip from a rarer word, is theirs.
        assert!(words(&c, "Main padel. Lapangan padel baru. Klub padel besar.").is_empty());
    }

    #[test]
    fn words_inside_names() {
        let c = Config::default();
        let got = flagged(
            &c,
            "Kementerian Keseharan menggelar rapat di Sulawesi Tegnah.",
        );
        let firsts: Vec<(&str, Option<&str>)> = (got.iter())
            .map(|(w, f)| (w.as_str(), f.first().map(String::as_str)))
            .collect();
        assert_eq!(
            firsts,
            [("Keseharan", Some("Kesehatan")), ("Tegnah", Some("Tengah"))]
        );
        // A word the affixes make a word (korps-i) is still a slip inside a name.
        let got = flagged(&c, "Komisi Pemberantasan Korpsi menetapkan tersangka.");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1.first().map(String::as_str), Some("Korupsi"));
        // A person's name beside an institution's is the person's.
        assert!(words(&c, "Kepala Badan Gizi Nasional Dadan Hindayana hadir.").is_empty());
    }

    #[test]
    fn well_known_names_are_checked() {
        assert_eq!(
            words(&Config::default(), "Ia tiba di Jakrta kemarin."),
            ["Jakrta"]
        );
    }
}
