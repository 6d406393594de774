//! Spelling suggestions: the dictionary's stems and the attested word forms within a small
//! Damerau–Levenshtein distance (2, or 3 for words of 8 letters or more), plus the dictionary's
//! affixed forms one edit away, ranked by a cost that knows typing (a neighbouring key, two
//! swapped letters and a doubled letter cost less) and by how often news uses the word.
//!
//! Edit distance alone prefers "bilabial" for "bilantial"; preferring words in use puts
//! "bilateral" first. The built-in lexicon's candidates are laid out at build time
//! (`lang::candidates`); a user's dictionary or accepted words make the suggester lay out its
//! own on the first suggestion. Answers are memoised for the whole run, shared by every thread, in a bounded table.
//!
//! A search reads every candidate of the lengths in reach, so each test is cheap before the
//! next: the candidates' letter sets (a bound of the edit distance, read in one run), then the
//! bag distance, then the bit-parallel OSA distance. The affixed forms one edit away are walked
//! through the dictionary's forms from the beginning each shares with the word.

use std::sync::{Arc, OnceLock};

use crate::lang::MAX_WORD_LEN;
use crate::lang::candidates::{
    Bucket, Candidates, CandidatesBuilder, letter_set, letter_sets_further_than,
};
use crate::lang::dictionary::Dictionary;
use crate::lang::frequency::Frequencies;
use crate::lang::verdicts::Verdicts;

/// How many suggestions a finding shows.
pub const MAX_SUGGESTIONS: usize = 3;

/// Words of at least this many letters may be 3 edits from their suggestion; shorter ones 2.
const LONG_WORD: usize = 8;

/// A candidate the dictionary does not know is offered only when the web uses it this often
/// (Zipf): loanwords in common use (`online`), not the misspellings wordfreq also counts.
const FREQUENT_UNLISTED: f32 = 4.5;

/// Cost added to a candidate news does not attest: a dictionary form nobody writes is a worse
/// guess than a common word one edit further.
const UNATTESTED: f32 = 1.2;

/// How much each Zipf step above the list's floor (3) lowers a candidate's cost.
const FREQUENCY_WEIGHT: f32 = 0.3;

/// The frequency a user's accepted word ranks with: the newsroom uses it, as news uses a common
/// word.
const USER_WORD_ZIPF: f32 = 4.0;

/// Edit costs: a neighbouring key or two swapped letters is the commonest slip.
const NEAR_KEY: f32 = 0.75;
const TRANSPOSITION: f32 = 0.75;
const DOUBLED_LETTER: f32 = 0.6;
/// A letter of the word left out is a commoner slip than a letter added (`ahir` is `akhir`
/// more often than `air`).
const DROPPED_LETTER: f32 = 0.7;

/// Added when the first or the last letter differs: a slip seldom touches a word's ends
/// (readers and writers hold on to them).
const OTHER_FIRST_LETTER: f32 = 0.5;
const OTHER_LAST_LETTER: f32 = 0.5;

/// Ranked suggestions for misspelt words, memoised across the run.
pub struct Suggester {
    dictionary: Arc<Dictionary>,
    /// The Indonesian frequencies, which rank the candidates.
    frequencies: Frequencies,
    /// Words a user accepted: candidates too.
    extra: Vec<String>,
    pool: OnceLock<Candidates>,
    memo: Verdicts<Arc<[String]>>,
}

/// The built-in lexicon's candidates: its stems and the Indonesian frequency list.
static BUILTIN_CANDIDATES: &[u8] =
    include_bytes!(concat!(env!("OUT_DIR"), "/suggestion-candidates.bin"));

impl Suggester {
    pub fn new(dictionary: Arc<Dictionary>, extra: Vec<String>) -> Suggester {
        Suggester {
            dictionary,
            frequencies: Frequencies::indonesian(),
            extra,
            pool: OnceLock::new(),
            memo: Verdicts::default(),
        }
    }

    /// Up to [`MAX_SUGGESTIONS`] words for a misspelt lower-case `word`, best first.
    pub fn suggest(&self, word: &str) -> Arc<[String]> {
        self.memo.get_or(word, || self.compute(word).into())
    }

    fn compute(&self, word: &str) -> Vec<String> {
        if word.is_empty()
            || word.len() > MAX_WORD_LEN
            || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        {
            return Vec::new();
        }
        let pool = self.pool.get_or_init(|| self.candidates());
        let typed = word.as_bytes();
        let freq = &self.frequencies;
        let mut ranked: Vec<(f32, String)> = Vec::new();
        let lo = typed.len().saturating_sub(max_distance(typed.len()));
        let hi = (typed.len() + max_distance(typed.len())).min(pool.lengths().saturating_sub(1));
        let letters = LetterCounts::of(typed);
        let set = letter_set(typed);
        let aligner = Aligner::new(typed);
        let mut nearest = usize::MAX;
        let mut survivors = Vec::new();
        for len in lo..=hi {
            let max = max_distance(typed.len().min(len));
            let bucket = pool.of_len(len);
            near_letter_sets(&bucket, set, max, &mut survivors);
            for &i in &survivors {
                let Some(c) = bucket.get(i) else {
                    continue;
                };
                if letters.bag_distance(c.word()) > max {
                    continue;
                }
                let distance = match &aligner {
                    Some(aligner) => Some(aligner.distance(c.word())).filter(|&d| d <= max),
                    None => osa_distance(typed, c.word(), max),
                };
                let Some(distance) = distance else {
                    continue;
                };
                let Ok(candidate) = std::str::from_utf8(c.word()) else {
                    continue;
                };
                let valid = c.listed()
                    || c.zipf().is_some_and(|z| z >= FREQUENT_UNLISTED)
                    || self.dictionary.knows_uncached(candidate);
                if valid {
                    nearest = nearest.min(distance);
                    ranked.push((rank(typed, c.word(), c.zipf()), candidate.to_string()));
                }
            }
        }
        // Affixed forms the pool does not list, when it has no word one edit away: every word
        // one edit away that the dictionary accepts (`memperkuatnya` for `memperkautnya`).
        if nearest > 1 {
            let near = self.dictionary.near(word);
            for_each_one_edit_away(typed, |variant, shared| {
                if near.knows(variant, shared)
                    && !pool.contains(variant)
                    && let Ok(variant) = std::str::from_utf8(variant)
                {
                    let zipf = freq.zipf(variant);
                    ranked.push((rank(typed, variant.as_bytes(), zipf), variant.to_string()));
                }
            });
        }
        ranked.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut out: Vec<String> = Vec::new();
        for (_, w) in ranked {
            if w != word && !out.contains(&w) {
                out.push(w);
            }
            if out.len() == MAX_SUGGESTIONS {
                break;
            }
        }
        out
    }

    /// The candidates: the built-in lexicon's as laid out at build time, or, for a user's
    /// dictionary or accepted words, laid out now in the same order (dictionary stems, accepted
    /// words, then the frequency list's forms; the first addition of a word wins).
    fn candidates(&self) -> Candidates {
        if self.dictionary.is_builtin() && self.extra.is_empty() {
            Candidates::new(BUILTIN_CANDIDATES)
        } else {
            Candidates::new(lay_out(&self.dictionary, &self.frequencies, &self.extra))
        }
    }
}

fn lay_out(dictionary: &Dictionary, freq: &Frequencies, extra: &[String]) -> Vec<u8> {
    let mut pool = CandidatesBuilder::default();
    for stem in dictionary.stems() {
        pool.add(stem, true, freq.zipf(stem));
    }
    for word in extra {
        pool.add(&word.to_lowercase(), true, Some(USER_WORD_ZIPF));
    }
    for word in freq.words() {
        pool.add(&word, false, freq.zipf(&word));
    }
    pool.encode()
}

/// The indices of the bucket's words whose letter sets are within `max` of `set` (see
/// [`letter_sets_further_than`]), into `out`: the one test every candidate meets, compiled
/// for each bound in use so that it unrolls to a few instructions.
fn near_letter_sets(bucket: &Bucket<'_>, set: u64, max: usize, out: &mut Vec<usize>) {
    #[inline(always)]
    fn collect(bucket: &Bucket<'_>, set: u64, max: usize, out: &mut Vec<usize>) {
        for (i, other) in bucket.letter_sets().enumerate() {
            if !letter_sets_further_than(set, other, max) {
                out.push(i);
            }
        }
    }
    out.clear();
    match max {
        2 => collect(bucket, set, 2, out),
        3 => collect(bucket, set, 3, out),
        _ => collect(bucket, set, max, out),
    }
}

/// How many edits a suggestion may be from a word: 3 when both are long, else 2.
fn max_distance(shorter_len: usize) -> usize {
    if shorter_len >= LONG_WORD { 3 } else { 2 }
}

/// How many times each letter occurs in a word (other bytes counted together): two words whose
/// counts differ by more than `n` letters are more than `n` edits apart, which rules out most of
/// what the letter sets leave before the edit distance is computed.
struct LetterCounts {
    counts: [u8; 27],
    len: usize,
}

fn letter_slot(b: u8) -> usize {
    if b.is_ascii_lowercase() {
        (b - b'a') as usize
    } else {
        26
    }
}

impl LetterCounts {
    fn of(word: &[u8]) -> LetterCounts {
        let mut counts = [0u8; 27];
        for &b in word {
            let slot = letter_slot(b);
            counts[slot] = counts[slot].saturating_add(1);
        }
        LetterCounts {
            counts,
            len: word.len(),
        }
    }

    /// The bag distance to `other`: a lower bound of the edit distance.
    fn bag_distance(&self, other: &[u8]) -> usize {
        let mut left = self.counts;
        // The letters of `other` beyond those of this word.
        let mut more = 0usize;
        for &b in other {
            let slot = letter_slot(b);
            if left[slot] == 0 {
                more += 1;
            } else {
                left[slot] -= 1;
            }
        }
        // The letters of this word beyond those of `other`.
        let fewer = (self.len + more).saturating_sub(other.len());
        more.max(fewer)
    }
}

/// Lower is better: the typing cost of the edits, less a bonus for words in common use.
fn rank(typed: &[u8], candidate: &[u8], zipf: Option<f32>) -> f32 {
    let mut cost = typing_cost(typed, candidate);
    if typed.first() != candidate.first() {
        cost += OTHER_FIRST_LETTER;
    }
    if typed.last() != candidate.last() {
        cost += OTHER_LAST_LETTER;
    }
    match zipf {
        Some(z) => cost - FREQUENCY_WEIGHT * (z - 3.0),
        None => cost + UNATTESTED,
    }
}

/// Optimal-string-alignment (restricted Damerau–Levenshtein) distance, or `None` beyond `max`.
pub fn osa_distance(a: &[u8], b: &[u8], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    if max <= 1 {
        return within_one_edit(a, b).filter(|&d| d <= max);
    }
    let distance = match Aligner::new(a) {
        Some(aligner) => aligner.distance(b),
        None => osa_table(a, b, |_, _| 1.0, |_, _, _, _| 1.0, 1.0).round() as usize,
    };
    (distance <= max).then_some(distance)
}

/// The OSA distance of `a` and `b` when it is at most one, found in one linear pass: what is left
/// between their common start and end must be one letter added, dropped or changed, or two letters
/// swapped. Spelling asks this of every capitalised unknown word against each well-known name, so
/// it must not build [`Aligner`]'s table of 256 words each time.
fn within_one_edit(a: &[u8], b: &[u8]) -> Option<usize> {
    let start = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[start..], &b[start..]);
    let end = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    match (&a[..a.len() - end], &b[..b.len() - end]) {
        ([], []) => Some(0),
        ([_], []) | ([], [_]) | ([_], [_]) => Some(1),
        ([x1, x2], [y1, y2]) if x1 == y2 && x2 == y1 => Some(1),
        _ => None,
    }
}

/// Optimal-string-alignment distances from one word of at most 64 bytes to many, by Hyyrö's
/// bit-parallel algorithm ("A bit-vector algorithm for computing Levenshtein and Damerau edit
/// distances", 2003): the table's column for each letter of a candidate is computed as bit
/// vectors, a few word operations per letter rather than a row of cells.
struct Aligner {
    /// For each byte value, the positions of the word that hold it.
    positions: [u64; 256],
    len: usize,
}

impl Aligner {
    /// `None` for a word longer than 64 bytes.
    fn new(word: &[u8]) -> Option<Aligner> {
        if word.len() > 64 {
            return None;
        }
        let mut positions = [0u64; 256];
        for (i, &b) in word.iter().enumerate() {
            positions[usize::from(b)] |= 1 << i;
        }
        Some(Aligner {
            positions,
            len: word.len(),
        })
    }

    fn distance(&self, candidate: &[u8]) -> usize {
        if self.len == 0 {
            return candidate.len();
        }
        let last = 1u64 << (self.len - 1);
        // The vertical differences of the current column (+1, -1), the diagonal zero-difference
        // vector, and the previous letter's positions (for two letters swapped).
        let (mut plus, mut minus, mut diagonal, mut before) = (u64::MAX, 0u64, 0u64, 0u64);
        let mut distance = self.len;
        for &letter in candidate {
            let matches = self.positions[usize::from(letter)];
            let swapped = ((!diagonal & matches) << 1) & before;
            diagonal = (((matches & plus).wrapping_add(plus)) ^ plus) | matches | minus | swapped;
            let horizontal_plus = minus | !(diagonal | plus);
            let horizontal_minus = diagonal & plus;
            if horizontal_plus & last != 0 {
                distance += 1;
            } else if horizontal_minus & last != 0 {
                distance -= 1;
            }
            let shifted = (horizontal_plus << 1) | 1;
            minus = shifted & diagonal;
            plus = (horizontal_minus << 1) | !(shifted | diagonal);
            before = matches;
        }
        distance
    }
}

/// The weighted edit cost of turning `typed` into `candidate`.
fn typing_cost(typed: &[u8], candidate: &[u8]) -> f32 {
    osa_table(
        typed,
        candidate,
        |x, y| {
            if near_keys(x, y) || sound_alike(x, y) {
                NEAR_KEY
            } else {
                1.0
            }
        },
        |s, i, x, of_candidate| {
            // A letter typed twice, or one of a double letter left out.
            let doubled = (i > 0 && s[i - 1] == x) || s.get(i + 1) == Some(&x);
            if doubled {
                DOUBLED_LETTER
            } else if of_candidate {
                DROPPED_LETTER
            } else {
                1.0
            }
        },
        TRANSPOSITION,
    )
}

/// Letters that spell one sound in the words Indonesian takes from other languages, so that
/// a writer puts one for the other (`academika` for `akademika`).
fn sound_alike(x: u8, y: u8) -> bool {
    matches!(
        (x.min(y), x.max(y)),
        (b'c', b'k') | (b'f', b'p') | (b'f', b'v')
    )
}

/// The OSA dynamic programme with costs: `sub(x, y)`, `indel(word, i, letter, of_b)` for a letter
/// of either word (`of_b`: of `b`, so missing from `a`), and `swap` for two adjacent letters
/// exchanged.
fn osa_table(
    a: &[u8],
    b: &[u8],
    sub: impl Fn(u8, u8) -> f32,
    indel: impl Fn(&[u8], usize, u8, bool) -> f32,
    swap: f32,
) -> f32 {
    let width = b.len() + 1;
    let mut prev2 = vec![0.0f32; width];
    let mut prev: Vec<f32> = Vec::with_capacity(width);
    prev.push(0.0);
    for j in 0..b.len() {
        prev.push(prev[j] + indel(b, j, b[j], true));
    }
    let mut row = vec![0.0f32; width];
    for i in 0..a.len() {
        row[0] = prev[0] + indel(a, i, a[i], false);
        for j in 0..b.len() {
            let same = a[i] == b[j];
            let mut cost = (prev[j] + if same { 0.0 } else { sub(a[i], b[j]) })
                .min(prev[j + 1] + indel(a, i, a[i], false))
                .min(row[j] + indel(b, j, b[j], true));
            if i > 0 && j > 0 && a[i] == b[j - 1] && a[i - 1] == b[j] && !same {
                cost = cost.min(prev2[j - 1] + swap);
            }
            row[j + 1] = cost;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Whether two letters are neighbours on a QWERTY keyboard.
fn near_keys(x: u8, y: u8) -> bool {
    const ROWS: [(&[u8], f32); 3] = [
        (b"qwertyuiop", 0.0),
        (b"asdfghjkl", 0.25),
        (b"zxcvbnm", 0.75),
    ];
    let place = |k: u8| {
        ROWS.iter().enumerate().find_map(|(r, (keys, shift))| {
            keys.iter()
                .position(|&c| c == k)
                .map(|col| (r as f32, col as f32 + shift))
        })
    };
    match (place(x), place(y)) {
        (Some((r1, c1)), Some((r2, c2))) if x != y => {
            (r1 == r2 && (c1 - c2).abs() <= 1.0)
                || ((r1 - r2).abs() == 1.0 && (c1 - c2).abs() <= 0.75)
        }
        _ => false,
    }
}

/// Calls `visit` with every word one deletion, swap, substitution (by a lower-case letter) or
/// insertion (of one) away from `word`, and how many of its first bytes are `word`'s. The
/// words are made in one buffer: nothing is allocated for each.
fn for_each_one_edit_away(word: &[u8], mut visit: impl FnMut(&[u8], usize)) {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let mut edited: Vec<u8> = Vec::with_capacity(word.len() + 1);
    for i in 0..word.len() {
        edited.clear();
        edited.extend_from_slice(&word[..i]);
        edited.extend_from_slice(&word[i + 1..]);
        visit(&edited, i);
        edited.clear();
        edited.extend_from_slice(word);
        if i + 1 < word.len() {
            edited.swap(i, i + 1);
            visit(&edited, i);
            edited.swap(i, i + 1);
        }
        for &c in LETTERS {
            if c != word[i] {
                edited[i] = c;
                visit(&edited, i);
            }
        }
    }
    for i in 0..=word.len() {
        edited.clear();
        edited.extend_from_slice(&word[..i]);
        edited.push(b'a');
        edited.extend_from_slice(&word[i..]);
        for &c in LETTERS {
            edited[i] = c;
            visit(&edited, i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn suggester() -> Suggester {
        Suggester::new(Arc::new(Dictionary::builtin()), vec!["komdigi".to_string()])
    }

    #[test]
    fn distances() {
        assert_eq!(osa_distance(b"kerja", b"kerja", 2), Some(0));
        assert_eq!(osa_distance(b"kerja", b"kreja", 2), Some(1));
        assert_eq!(osa_distance(b"bilantial", b"bilabial", 3), Some(2));
        assert_eq!(osa_distance(b"bilantial", b"bilateral", 3), Some(3));
        assert_eq!(osa_distance(b"bilantial", b"bilateral", 2), None);
        assert_eq!(osa_distance(b"", b"abc", 3), Some(3));
        assert!(near_keys(b'a', b's') && near_keys(b'g', b'b') && !near_keys(b'a', b'p'));
        assert!(typing_cost(b"kreja", b"kerja") < typing_cost(b"kerpa", b"kerja"));
    }

    /// The bit-parallel distances, and the linear test for one edit, are the table's: on every
    /// pair of words of up to five letters from a three-letter alphabet, and on longer words up to
    /// 64 letters.
    #[test]
    fn bit_parallel_distances_are_table_distances() {
        let mut words: Vec<Vec<u8>> = vec![Vec::new()];
        let mut last = vec![Vec::new()];
        for _ in 0..5 {
            last = last
                .iter()
                .flat_map(|w: &Vec<u8>| b"abc".iter().map(move |&c| [w.as_slice(), &[c]].concat()))
                .collect();
            words.extend(last.iter().cloned());
        }
        let long: Vec<u8> = b"pemerintahkerjasamabilateral".repeat(3)[..64].to_vec();
        let mut longer = long.clone();
        longer.swap(10, 11);
        longer[40] = b'-';
        words.extend([long, longer, b"bilantial".to_vec(), b"bilateral".to_vec()]);
        for typed in &words {
            let aligner = Aligner::new(typed).expect("64 bytes at most");
            for other in &words {
                let table = osa_table(typed, other, |_, _| 1.0, |_, _, _, _| 1.0, 1.0);
                assert_eq!(aligner.distance(other) as f32, table, "{typed:?} {other:?}");
                let within_one = Some(table as usize).filter(|&d| d <= 1);
                assert_eq!(
                    within_one_edit(typed, other),
                    within_one,
                    "{typed:?} {other:?}"
                );
            }
        }
        assert!(Aligner::new(&[b'a'; 65]).is_none());
        assert_eq!(osa_distance(&[b'a'; 70], &[b'a'; 68], 2), Some(2));
    }

    #[test]
    fn bag_distance_is_a_lower_bound() {
        let kerja = LetterCounts::of(b"kerja");
        assert_eq!(kerja.bag_distance(b"kreja"), 0);
        assert_eq!(kerja.bag_distance(b"kerjaan"), 2);
        assert_eq!(kerja.bag_distance(b"kera"), 1);
        assert_eq!(kerja.bag_distance(b"bakti"), 3);
        assert_eq!(LetterCounts::of(b"").bag_distance(b"ab-"), 3);
    }

    #[test]
    fn one_edit_away_shares_beginnings() {
        let mut variants = Vec::new();
        for_each_one_edit_away(b"ab", |v, shared| {
            assert_eq!(v[..shared], b"ab"[..shared]);
            variants.push(String::from_utf8(v.to_vec()).expect("ASCII"));
        });
        // 2 deletions, 1 swap, 2 × 25 substitutions, 3 × 26 insertions.
        assert_eq!(variants.len(), 2 + 1 + 50 + 78);
        for v in ["a", "b", "ba", "xb", "ax", "xab", "axb", "abx"] {
            assert!(variants.iter().any(|w| w == v), "{v}");
        }
    }

    #[test]
    fn candidates_laid_out_at_build_time_are_those_of_the_run_time() {
        assert!(
            lay_out(&Dictionary::builtin(), &Frequencies::indonesian(), &[]) == BUILTIN_CANDIDATES
        );
        let builtin = Suggester::new(Arc::new(Dictionary::builtin()), Vec::new());
        assert_eq!(
            builtin.suggest("bilantial").first().map(String::as_str),
            Some("bilateral")
        );
    }

    #[test]
    fn news_words_come_first() {
        let s = suggester();
        assert_eq!(
            s.suggest("bilantial").first().map(String::as_str),
            Some("bilateral")
        );
        assert_eq!(
            s.suggest("pemerintha").first().map(String::as_str),
            Some("pemerintah")
        );
        assert_eq!(
            s.suggest("memperkautnya").first().map(String::as_str),
            Some("memperkuatnya")
        );
        assert_eq!(
            s.suggest("komdgi").first().map(String::as_str),
            Some("komdigi")
        );
        assert!(s.suggest("bilantial").len() <= MAX_SUGGESTIONS);
        // Memoised: the same answer, shared.
        assert!(Arc::ptr_eq(
            &s.suggest("bilantial"),
            &s.suggest("bilantial")
        ));
        assert!(s.suggest("").is_empty());
        assert!(s.suggest("ñandú").is_empty());
    }
}
