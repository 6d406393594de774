//! Acronyms: the glossary of accepted expansions (`rules/acronym-mismatch.toml`) and the test of whether
//! a phrase can be what an acronym abbreviates, by initial letters or syllables.

use std::sync::Arc;

use foldhash::{HashMap, HashMapExt};

use crate::data::schema::Expansions;
use crate::source::{Token, TokenKind};

/// How many words before an acronym may belong to its expansion.
const MAX_EXPANSION_WORDS: usize = 12;

/// Acronyms and the expansions accepted for each.
#[derive(Debug)]
pub struct Glossary {
    entries: Vec<Expansions>,
    /// Each acronym as listed, then in capitals, to its first entry: asked for every word in
    /// parentheses.
    by_written: HashMap<String, usize>,
    by_capitals: HashMap<String, usize>,
}

impl Glossary {
    pub fn new(entries: Vec<Expansions>) -> Glossary {
        let mut by_written = HashMap::with_capacity(entries.len());
        let mut by_capitals = HashMap::with_capacity(entries.len());
        for (i, e) in entries.iter().enumerate() {
            by_written.entry(e.acronym.clone()).or_insert(i);
            by_capitals.entry(e.acronym.to_uppercase()).or_insert(i);
        }
        Glossary {
            entries,
            by_written,
            by_capitals,
        }
    }

    /// The entry for an acronym as written, or written in capitals (MOU for MoU).
    pub fn get(&self, written: &str) -> Option<&Expansions> {
        let in_capitals = || {
            let all_capitals = !written.chars().any(char::is_lowercase);
            (written.chars().count() > 1 && all_capitals)
                .then(|| self.by_capitals.get(written))
                .flatten()
        };
        let i = self.by_written.get(written).or_else(in_capitals)?;
        Some(&self.entries[*i])
    }
}

/// Whether `phrase` is one of `expansions` (case, commas, hyphens and spacing aside: Bantuan
/// Pangan Non Tunai is Bantuan Pangan Nontunai, whose spelling is another rule's concern).
pub fn accepts(expansions: &[String], phrase: &str) -> bool {
    let phrase = squashed(phrase);
    expansions.iter().any(|e| squashed(e) == phrase)
}

/// Whether `phrase` ends with one of `expansions`, as [`accepts`] compares them: some of the
/// phrase's last words, squashed, are the expansion squashed. Compared from the end, so most
/// expansions are turned away by their last letter.
pub fn accepts_ending(expansions: &[String], phrase: &str) -> bool {
    let word_break = |c: char| c.is_whitespace() || c == ',';
    expansions.iter().any(|e| {
        let mut phrase_chars = squashed_backwards(phrase);
        let mut start = None;
        for (_, wanted) in squashed_backwards(e) {
            match phrase_chars.next() {
                Some((at, c)) if c == wanted => start = Some(at),
                _ => return false,
            }
        }
        // The letters matched start a word: only marks stand between them and a word break.
        start.is_some_and(|at| {
            (phrase[..at].chars().rev())
                .take_while(|&c| !word_break(c))
                .all(|c| !c.is_alphanumeric())
        })
    })
}

/// The lower-case letters and digits of `s` from its end, each with where its character starts.
fn squashed_backwards(s: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    (s.char_indices().rev())
        .filter(|(_, c)| c.is_alphanumeric())
        .flat_map(|(at, c)| c.to_lowercase().rev().map(move |l| (at, l)))
}

/// Lower case letters and digits alone.
fn squashed(phrase: &str) -> String {
    phrase
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Words an acronym may pass over or take a letter from (`dan` in UMKM, `Dengan` in ODGJ).
const FUNCTION_WORDS: &[&str] = &[
    "dan", "dari", "di", "ke", "untuk", "yang", "pada", "serta", "bagi", "dengan", "dalam", "atas",
    "oleh", "tentang", "terhadap", "atau", "&", "of", "and", "the", "for", "in", "on", "to",
];

/// Words a syllabic acronym leaves out (Komdigi: Kementerian Komunikasi dan Digital; Polri:
/// Kepolisian Negara Republik Indonesia).
const FRAME_WORDS: &[&str] = &["kementerian", "negara", "republik", "bidang"];

fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.iter().any(|f| word.eq_ignore_ascii_case(f))
}

/// Capitals and no lower-case letter (`BGN`, `TPID`): an acronym of initials.
pub fn is_all_capitals(acronym: &str) -> bool {
    acronym.chars().filter(|c| c.is_uppercase()).count() >= 2
        && !acronym.chars().any(char::is_lowercase)
}

/// Whether the words can be what `acronym` abbreviates, the ways Indonesian forms acronyms:
/// an acronym in capitals takes the initial of each word (PDB: Produk Domestik Bruto; PBB:
/// Perserikatan Bangsa-Bangsa, each part of a reduplicated word; a function word may give its
/// initial or none: UMKM, ODGJ); another takes pieces of the words, each the start of a word
/// or of a syllable (Komdigi: Komunikasi dan Digital; Polri: Kepolisian Negara Republik
/// Indonesia; Bappenas), where function words and `Kementerian`, `Negara`, `Republik` may give
/// none. The first and the last word give letters. An acronym with digits (B2B, P3K) fits
/// whatever the words: lintas does not judge those. A word may also give the initial of its
/// root, which `root_initials` tells (OTK: orang tak dikenal, K of kenal).
pub fn can_abbreviate(acronym: &str, words: &[&str], root_initials: &RootInitials) -> bool {
    if acronym.chars().any(|c| c.is_ascii_digit()) {
        return true;
    }
    let letters: Vec<char> = acronym
        .chars()
        .filter(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    if letters.is_empty() || words.is_empty() {
        return false;
    }
    if is_all_capitals(acronym) {
        return initials(words, root_initials).min_substitutions(&letters) == Some(0);
    }
    let parts: Vec<Vec<char>> = (words.iter())
        .flat_map(|w| w.split(['-', '/']))
        .filter(|p| !p.is_empty())
        .map(|p| p.chars().flat_map(char::to_lowercase).collect())
        .collect();
    pieces_fit(&letters, &parts)
}

/// Whether some ending of `words` can be what the acronym abbreviates (the expansion's start is
/// not marked).
pub fn some_ending_abbreviates(
    acronym: &str,
    words: &[&str],
    root_initials: &RootInitials,
) -> bool {
    // Initials align with any ending already.
    if is_all_capitals(acronym) {
        return can_abbreviate(acronym, words, root_initials);
    }
    (1..=words.len()).any(|k| can_abbreviate(acronym, &words[words.len() - k..], root_initials))
}

/// The initials of the roots a word is built from, when they differ from its own (`dikenal` →
/// `k`, `Kesyahbandaran` → `s`): the lexicon knows which roots are words.
pub type RootInitials<'a> = dyn Fn(&str) -> Arc<[char]> + 'a;

/// The initials words give, each word as the letters it may give: one initial, or one for each
/// part of a hyphenated word; nothing or its initial for a function word.
struct Initials {
    words: Vec<Vec<Vec<char>>>,
    optional: Vec<bool>,
}

fn initials(words: &[&str], root_initials: &RootInitials) -> Initials {
    let initial = |w: &str| {
        w.chars()
            .next()
            .into_iter()
            .flat_map(char::to_lowercase)
            .collect()
    };
    let mut out = Initials {
        words: Vec::new(),
        optional: Vec::new(),
    };
    for w in words {
        let mut choices: Vec<Vec<char>> = vec![initial(w)];
        choices.extend(root_initials(w).iter().map(|&c| vec![c]));
        let parts: Vec<&str> = w.split(['-', '/']).filter(|p| !p.is_empty()).collect();
        if parts.len() > 1 {
            choices.push(
                (parts.iter())
                    .filter(|p| !is_function_word(p))
                    .flat_map(|p| initial(p))
                    .collect(),
            );
        }
        out.words.push(choices);
        out.optional.push(is_function_word(w));
    }
    out
}

impl Initials {
    /// The fewest letters of `letters` that differ from the initials given by an ending of the
    /// words whose first and last words give theirs (a function word's counting twice); `None`
    /// when no ending gives as many initials as there are letters.
    fn min_substitutions(&self, letters: &[char]) -> Option<usize> {
        self.best_alignment(letters).map(|a| a.substitutions)
    }

    fn best_alignment(&self, letters: &[char]) -> Option<Alignment> {
        let n = self.words.len();
        // best[i][j]: the fewest substitutions aligning letters[j..] with words[i..], and how
        // word i takes part (the last word must give its own letters).
        let mut best: Vec<Vec<Option<(usize, Step)>>> = vec![vec![None; letters.len() + 1]; n + 1];
        best[n][letters.len()] = Some((0, Step::Skip));
        for i in (0..n).rev() {
            for j in 0..=letters.len() {
                let mut here: Option<(usize, Step)> = None;
                let mut consider = |cost: usize, step: Step| {
                    if here.is_none_or(|(h, _)| cost < h) {
                        here = Some((cost, step));
                    }
                };
                if self.optional[i] && j < letters.len() && i + 1 < n {
                    if let Some((cost, _)) = best[i + 1][j] {
                        consider(cost, Step::Skip);
                    }
                }
                for (choice, given) in self.words[i].iter().enumerate() {
                    let end = j + given.len();
                    if end > letters.len() || given.is_empty() {
                        continue;
                    }
                    // A function word gives a letter only as one of the acronym's: one that
                    // differs costs two, so an alignment names a content word as the odd one.
                    let weight = if self.optional[i] { 2 } else { 1 };
                    let differ = (given.iter().zip(&letters[j..end]))
                        .filter(|(a, b)| a != b)
                        .count();
                    if let Some((cost, _)) = best[i + 1][end] {
                        consider(cost + weight * differ, Step::Give(choice));
                    }
                }
                best[i][j] = here;
            }
        }
        // The ending may start at any word that gives a letter; the shortest on a tie.
        let (substitutions, start) = (0..n)
            .filter_map(|i| best[i][0].map(|(cost, _)| (cost, i)))
            .min_by_key(|&(cost, i)| (cost, std::cmp::Reverse(i)))?;
        // The letters each word gives, read back along the best steps.
        let mut given = Vec::new();
        let (mut i, mut j) = (start, 0);
        while i < n {
            let Some((_, step)) = best[i][j] else { break };
            if let Step::Give(choice) = step {
                let initials = &self.words[i][choice];
                given.push(Given {
                    word: i,
                    letters: j..j + initials.len(),
                    differs: (initials.iter().zip(&letters[j..]))
                        .position(|(a, b)| a != b)
                        .map(|k| letters[j + k]),
                });
                j += initials.len();
            }
            i += 1;
        }
        Some(Alignment {
            substitutions,
            start,
            given,
        })
    }
}

/// How a word takes part in an alignment.
#[derive(Clone, Copy, Debug)]
enum Step {
    /// It gives no letter (a function word).
    Skip,
    /// It gives its initials of this choice.
    Give(usize),
}

/// How an ending of the words gives an acronym's letters.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Alignment {
    substitutions: usize,
    /// The word the ending starts at.
    start: usize,
    /// The words that give letters, in order.
    given: Vec<Given>,
}

/// One word's part in an alignment.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Given {
    word: usize,
    /// The acronym's letters it stands for.
    letters: std::ops::Range<usize>,
    /// The first of them its initials do not give, if any.
    differs: Option<char>,
}

/// An expansion one step from its acronym of initials: what it becomes when a translation
/// picks another word for one of its words (Tim Pengendalian Inflasi Regional for TPID, where
/// the D is Daerah), or keeps two words in English order (Bantuan Tunai Langsung for BLT).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NearMiss {
    /// The word `wrong` gives another initial than the acronym's `letter`.
    Substituted {
        /// The word the expansion starts at.
        start: usize,
        wrong: usize,
        letter: char,
    },
    /// The words `first` and `first + 1` stand in each other's place.
    Swapped { start: usize, first: usize },
}

impl NearMiss {
    /// The word the expansion starts at.
    pub fn start(&self) -> usize {
        match *self {
            NearMiss::Substituted { start, .. } | NearMiss::Swapped { start, .. } => start,
        }
    }
}

/// The expansion among the end of `words` that an acronym in capitals of three letters or more
/// abbreviates but for one word or for the order of two neighbouring words, if any ending does;
/// `None` when an ending fits it, or none comes that close.
pub fn near_miss(acronym: &str, words: &[&str], root_initials: &RootInitials) -> Option<NearMiss> {
    if !is_all_capitals(acronym)
        || acronym.chars().any(|c| !c.is_alphabetic())
        || !(3..=8).contains(&acronym.chars().count())
        || words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let letters: Vec<char> = acronym.chars().flat_map(char::to_lowercase).collect();
    // Every word but a function word gives a letter at least, so an ending holds at most as
    // many others as the acronym has letters: the words before it cannot take part.
    let mut content_words = 0;
    let from = (words.iter())
        .rposition(|w| {
            content_words += usize::from(!is_function_word(w));
            content_words > letters.len()
        })
        .map_or(0, |i| i + 1);
    let near = near_miss_in_ending(&letters, &words[from..], root_initials)?;
    Some(match near {
        NearMiss::Substituted {
            start,
            wrong,
            letter,
        } => NearMiss::Substituted {
            start: from + start,
            wrong: from + wrong,
            letter,
        },
        NearMiss::Swapped { start, first } => NearMiss::Swapped {
            start: from + start,
            first: from + first,
        },
    })
}

/// [`near_miss`] among words that may all belong to the expansion.
fn near_miss_in_ending(
    letters: &[char],
    words: &[&str],
    root_initials: &RootInitials,
) -> Option<NearMiss> {
    // A word gives one letter, a hyphenated one a letter a part: fewer words than that cannot
    // come near (JAKARTA before ANTARA).
    let most: usize = (words.iter())
        .map(|w| w.split(['-', '/']).filter(|p| !p.is_empty()).count().max(1))
        .sum();
    if most < letters.len() {
        return None;
    }
    let initials = initials(words, root_initials);
    let alignment = initials.best_alignment(letters)?;
    if alignment.substitutions == 0 {
        return None;
    }
    let wrong: Vec<&Given> = alignment
        .given
        .iter()
        .filter(|g| g.differs.is_some())
        .collect();
    if let (1, [one]) = (alignment.substitutions, wrong.as_slice()) {
        return Some(NearMiss::Substituted {
            start: alignment.start,
            wrong: one.word,
            letter: one.differs.unwrap_or(' '),
        });
    }
    // Two neighbouring letters the other way round, each the initial of one of two neighbouring
    // words, the words' own initials (a root's would turn too much round: Kementerian
    // Perindustrian dan Teknologi Informasi for China's MIIT).
    let plain = self::initials(words, &|_| Arc::from([]));
    (0..letters.len() - 1).find_map(|i| {
        let mut swapped = letters.to_vec();
        swapped.swap(i, i + 1);
        let a = plain
            .best_alignment(&swapped)
            .filter(|a| a.substitutions == 0)?;
        let at = |k: usize| {
            a.given
                .iter()
                .find(|g| g.letters == (k..k + 1))
                .map(|g| g.word)
        };
        let (first, second) = (at(i)?, at(i + 1)?);
        (second == first + 1).then_some(NearMiss::Swapped {
            start: a.start,
            first,
        })
    })
}

/// Whether `letters` are pieces of `parts` in order: each piece the start of a part or of one of
/// its syllables (two letters or more there), the first and the last part giving one, the
/// others giving one or, if function or frame words, none.
fn pieces_fit(letters: &[char], parts: &[Vec<char>]) -> bool {
    let skippable: Vec<bool> = (parts.iter())
        .map(|p| {
            let word: String = p.iter().collect();
            is_function_word(&word) || FRAME_WORDS.contains(&word.as_str())
        })
        .collect();
    // fits[i][j]: letters[j..] are pieces of parts[i..], part i giving one.
    let (n, m) = (parts.len(), letters.len());
    let mut fits = vec![vec![false; m + 1]; n + 1];
    // Whether parts[i..] may give nothing more.
    let mut rest_skippable = vec![true; n + 1];
    for i in (0..n).rev() {
        rest_skippable[i] = skippable[i] && rest_skippable[i + 1];
    }
    for i in (0..n).rev() {
        for j in 0..m {
            let part = &parts[i];
            let mut ok = false;
            for start in piece_starts(part) {
                let mut len = 0;
                while j + len < m
                    && start + len < part.len()
                    && part[start + len] == letters[j + len]
                {
                    len += 1;
                    if start > 0 && len < 2 {
                        continue;
                    }
                    let next = j + len;
                    // What is left: nothing (the last part gave), or later parts, skipping
                    // the skippable between.
                    ok |= if next == m {
                        i + 1 == n
                    } else {
                        (i + 1..n)
                            .take_while(|&k| k == i + 1 || skippable[k - 1])
                            .any(|k| fits[k][next])
                    };
                }
            }
            fits[i][j] = ok;
        }
    }
    fits[0][0] || (1..n).any(|i| skippable[..i].iter().all(|s| *s) && fits[i][0])
}

/// Where a piece of a word may start: the word's start, and each syllable's start (a consonant
/// before a vowel).
fn piece_starts(part: &[char]) -> impl Iterator<Item = usize> + '_ {
    let vowel = |c: char| "aeiou".contains(c);
    std::iter::once(0).chain(
        (1..part.len().saturating_sub(1)).filter(move |&i| !vowel(part[i]) && vowel(part[i + 1])),
    )
}

/// The meaningful lower-case parts of a phrase (hyphenated parts apart, short joiners dropped).
pub fn content_parts(phrase: &str) -> Vec<String> {
    phrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == ',')
        .filter(|p| p.chars().count() >= 3 && !super::word_classes::is_connector(p))
        .map(str::to_lowercase)
        .collect()
}

/// The words right before a parenthesis that may be its expansion: back to the start of the
/// clause, at most [`MAX_EXPANSION_WORDS`], nearest last.
pub fn words_before(text: &str, before: &[Token]) -> Vec<Token> {
    let mut words = Vec::new();
    for t in before.iter().rev() {
        match (t.kind, t.text(text)) {
            (TokenKind::Word, _) => {
                words.push(*t);
                if words.len() == MAX_EXPANSION_WORDS {
                    break;
                }
            }
            (TokenKind::Space, _) | (TokenKind::Punct, ",") => {}
            _ => break,
        }
    }
    words.reverse();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initials_and_syllables_fit() {
        let fits = |acronym: &str, words: &str| {
            can_abbreviate(acronym, &words.split(' ').collect::<Vec<_>>(), &|_| {
                Arc::from([])
            })
        };
        for (acronym, words) in [
            ("BGN", "Badan Gizi Nasional"),
            ("PDB", "Produk Domestik Bruto"),
            ("PBB", "Perserikatan Bangsa-Bangsa"),
            ("KUHP", "Kitab Undang-Undang Hukum Pidana"),
            ("UMKM", "Usaha Mikro, Kecil, dan Menengah"),
            ("ODGJ", "Orang Dengan Gangguan Jiwa"),
            ("Komdigi", "Kementerian Komunikasi dan Digital"),
            ("Polri", "Kepolisian Negara Republik Indonesia"),
            ("Bappenas", "Badan Perencanaan Pembangunan Nasional"),
            ("Kemenkeu", "Kementerian Keuangan"),
            ("Posyandu", "Pos Pelayanan Terpadu"),
            (
                "Kemenakertrans",
                "Kementerian Tenaga Kerja dan Transmigrasi",
            ),
            ("IoT", "Internet of Things"),
            ("MoU", "Memorandum of Understanding"),
            ("B2B", "digital-ke-bisnis"),
        ] {
            assert!(fits(acronym, words), "{acronym}: {words}");
        }
        for (acronym, words) in [
            ("BGN", "Badan Gizi Indonesia"),
            ("JPU", "Jaksa Penuntut Publik"),
            ("TPID", "Tim Pengendalian Inflasi Regional"),
            ("DJP", "Direktorat Jenderal Fiskal"),
            ("BGN", "Gizi Nasional"),
            ("MoU", "Memorandum Pemahaman"),
            ("Polri", "Kepolisian Nasional Indonesia"),
        ] {
            assert!(!fits(acronym, words), "{acronym}: {words}");
        }
        assert!(some_ending_abbreviates(
            "BGN",
            &["kata", "Badan", "Gizi", "Nasional"],
            &|_| Arc::from([])
        ));
        // A word may give its root's initial.
        let roots = |w: &str| {
            if w == "dikenal" {
                Arc::from(['k'])
            } else {
                Arc::from([])
            }
        };
        assert!(can_abbreviate("OTK", &["orang", "tak", "dikenal"], &roots));
    }

    #[test]
    fn one_wrong_word_is_a_near_miss() {
        let near = |acronym: &str, words: &str| {
            near_miss(acronym, &words.split(' ').collect::<Vec<_>>(), &|_| {
                Arc::from([])
            })
        };
        let substituted = |start, wrong, letter| {
            Some(NearMiss::Substituted {
                start,
                wrong,
                letter,
            })
        };
        assert_eq!(
            near("TPID", "kata Tim Pengendalian Inflasi Regional"),
            substituted(1, 4, 'd')
        );
        assert_eq!(
            near("JPU", "tuntutan Jaksa Penuntut Publik"),
            substituted(1, 3, 'u')
        );
        assert_eq!(near("BGN", "Badan Gizi Indonesia"), substituted(0, 2, 'n'));
        assert_eq!(near("AKI", "Rasio Kematian Ibu"), substituted(0, 0, 'a'));
        assert_eq!(
            near("BLT", "berupa Bantuan Tunai Langsung"),
            Some(NearMiss::Swapped { start: 1, first: 2 })
        );
        // Right, too far off (an English acronym with its Indonesian expansion), or too short.
        assert_eq!(near("TPID", "Tim Pengendalian Inflasi Daerah"), None);
        assert_eq!(near("IMF", "Dana Moneter Internasional"), None);
        assert_eq!(near("WHO", "Organisasi Kesehatan Dunia"), None);
        assert_eq!(near("PU", "Pekerjaan Publik"), None);
        assert_eq!(near("PDRB", "terhadap Produk Domestik Regional"), None);
        assert_eq!(near("BLT", "Bantuan Langsung Tunai"), None);
    }

    #[test]
    fn the_glossary_loads_and_accepts() {
        let file: crate::data::schema::AcronymMismatchFile = crate::data::load("acronym-mismatch");
        let glossary = Glossary::new(file.acronym);
        let b2b = &glossary.get("B2B").expect("B2B is listed").expansions;
        assert!(accepts(b2b, "bisnis-ke-bisnis"));
        assert!(accepts_ending(b2b, "ekosistem bisnis-ke-bisnis"));
        assert!(!accepts_ending(b2b, "digital-ke-bisnis"));
        assert!(glossary.get("MOU").is_some());
        assert!(glossary.get("umkm").is_none());
        assert!(
            glossary
                .get("UMKM")
                .is_some_and(|a| accepts(&a.expansions, "Usaha Mikro, Kecil, dan Menengah"))
        );
    }
}
