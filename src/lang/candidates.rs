//! Spelling-suggestion candidates in a compact layout read in place: words grouped by length,
//! each with whether the dictionary lists it and how often it is used. `build.rs` lays out the
//! built-in lexicon's candidates (its stems and the Indonesian frequency list) at build time, so
//! the first flagged word costs no start-up; a user's own dictionary or accepted words are laid
//! out the same way at run time.
//!
//! Layout: a little-endian `u32` count of lengths `n`, `n + 1` `u32` offsets of each length's
//! block (from the end of the header), then the blocks. The block of words of length `len`
//! holds, for its words sorted, first each word's [`letter_set`] as a `u64`, then each word's
//! record: `len` bytes of word, one byte `listed`, and the Zipf value in hundredths as a `u16`
//! (`u16::MAX` when the word is not in the frequency list). A search reads the letter sets
//! in one run and the records of the few words they leave.
//!
//! Self-contained (std only besides its sibling `zipf_list`): `build.rs` includes this file.

use std::borrow::Cow;
use std::collections::HashSet;

use super::zipf_list;

const NO_ZIPF: u16 = u16::MAX;

/// The bytes a record has besides its word.
const RECORD_EXTRA: usize = 3;

/// The bytes of a letter set.
const SET_BYTES: usize = 8;

/// Which letters a word has, and which it has twice or more: bit `i` for the `i`th letter of
/// the alphabet, bit 26 for any other byte, and the same 32 bits higher for a second one
/// (`negara` has two a's). Two words whose sets differ by `n` elements either way are at least
/// `n` edits apart (the bag distance of their letters is), which rules out most candidates with
/// a few instructions.
pub fn letter_set(word: &[u8]) -> u64 {
    word.iter().fold(0, |set, &b| {
        let first = if b.is_ascii_lowercase() {
            1 << (b - b'a')
        } else {
            1 << 26
        };
        set | if set & first == 0 { first } else { first << 32 }
    })
}

/// Whether two words with these letter sets are more than `n` edits apart: one has more than
/// `n` letters the other lacks. (Counted by clearing bits: no bit-count instruction is assumed.)
#[inline(always)]
pub fn letter_sets_further_than(a: u64, b: u64, n: usize) -> bool {
    let more_than_n = |mut bits: u64| {
        for _ in 0..n {
            bits &= bits.wrapping_sub(1);
        }
        bits != 0
    };
    more_than_n(a & !b) || more_than_n(b & !a)
}

/// Collects candidates; the first addition of a word wins.
#[derive(Default)]
pub struct CandidatesBuilder {
    seen: HashSet<String>,
    by_len: Vec<Vec<(String, bool, u16)>>,
}

impl CandidatesBuilder {
    /// Adds `word` unless it is empty, has other characters than lower-case ASCII letters and
    /// hyphens, or was added before.
    pub fn add(&mut self, word: &str, listed: bool, zipf: Option<f32>) {
        if word.is_empty()
            || !word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
            || self.seen.contains(word)
        {
            return;
        }
        self.seen.insert(word.to_string());
        if self.by_len.len() <= word.len() {
            self.by_len.resize_with(word.len() + 1, Vec::new);
        }
        let zipf = zipf.map_or(NO_ZIPF, |z| {
            u16::try_from(zipf_list::to_hundredths(z)).map_or(NO_ZIPF - 1, |h| h.min(NO_ZIPF - 1))
        });
        self.by_len[word.len()].push((word.to_string(), listed, zipf));
    }

    pub fn encode(mut self) -> Vec<u8> {
        let mut records = Vec::new();
        let mut offsets = vec![0u32];
        for bucket in &mut self.by_len {
            bucket.sort_unstable();
            for (word, _, _) in bucket.iter() {
                records.extend_from_slice(&letter_set(word.as_bytes()).to_le_bytes());
            }
            for (word, listed, zipf) in bucket.iter() {
                records.extend_from_slice(word.as_bytes());
                records.push(u8::from(*listed));
                records.extend_from_slice(&zipf.to_le_bytes());
            }
            offsets.push(u32::try_from(records.len()).expect("candidates fit in 4 GB"));
        }
        let lengths = u32::try_from(self.by_len.len()).expect("words are short");
        let mut out = lengths.to_le_bytes().to_vec();
        for offset in offsets {
            out.extend_from_slice(&offset.to_le_bytes());
        }
        out.extend_from_slice(&records);
        out
    }
}

/// Candidates laid out by [`CandidatesBuilder::encode`].
pub struct Candidates {
    bytes: Cow<'static, [u8]>,
}

/// One candidate word.
#[derive(Clone, Copy)]
pub struct Candidate<'a> {
    /// The word, then [`RECORD_EXTRA`] bytes.
    record: &'a [u8],
    len: usize,
}

impl<'a> Candidate<'a> {
    pub fn word(self) -> &'a [u8] {
        &self.record[..self.len]
    }

    /// A dictionary stem or a word the user accepted, rather than a frequency-list form.
    pub fn listed(self) -> bool {
        self.record[self.len] != 0
    }

    pub fn zipf(self) -> Option<f32> {
        match u16::from_le_bytes([self.record[self.len + 1], self.record[self.len + 2]]) {
            NO_ZIPF => None,
            h => Some(zipf_list::from_hundredths(u64::from(h))),
        }
    }
}

/// The candidates of one length, sorted.
pub struct Bucket<'a> {
    len: usize,
    /// One [`letter_set`] per word.
    sets: &'a [u8],
    /// One record per word.
    records: &'a [u8],
}

impl<'a> Bucket<'a> {
    /// How many words the bucket has.
    pub fn count(&self) -> usize {
        self.sets.len() / SET_BYTES
    }

    /// Each word's [`letter_set`], in order.
    #[inline(always)]
    pub fn letter_sets(&self) -> impl Iterator<Item = u64> + 'a {
        self.sets.chunks_exact(SET_BYTES).map(|set| {
            u64::from_le_bytes([
                set[0], set[1], set[2], set[3], set[4], set[5], set[6], set[7],
            ])
        })
    }

    /// The `i`th word.
    pub fn get(&self, i: usize) -> Option<Candidate<'a>> {
        let stride = self.len + RECORD_EXTRA;
        let record = self.records.get(i * stride..(i + 1) * stride)?;
        Some(Candidate {
            record,
            len: self.len,
        })
    }

    fn contains(&self, word: &[u8]) -> bool {
        let stride = self.len + RECORD_EXTRA;
        let (mut lo, mut hi) = (0, self.count());
        while lo < hi {
            let mid = (lo + hi) / 2;
            let Some(found) = self.records.get(mid * stride..mid * stride + self.len) else {
                return false;
            };
            match found.cmp(word) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return true,
            }
        }
        false
    }
}

impl Candidates {
    pub fn new(bytes: impl Into<Cow<'static, [u8]>>) -> Candidates {
        Candidates {
            bytes: bytes.into(),
        }
    }

    fn u32_at(&self, index: usize) -> Option<usize> {
        let bytes = self.bytes.get(index * 4..index * 4 + 4)?;
        let word: [u8; 4] = bytes.try_into().ok()?;
        usize::try_from(u32::from_le_bytes(word)).ok()
    }

    /// One more than the longest candidate's length.
    pub fn lengths(&self) -> usize {
        self.u32_at(0).unwrap_or(0)
    }

    /// The candidates of length `len`.
    pub fn of_len(&self, len: usize) -> Bucket<'_> {
        let lengths = self.lengths();
        let header = (lengths + 2) * 4;
        let range = (len < lengths)
            .then(|| Some((self.u32_at(1 + len)?, self.u32_at(2 + len)?)))
            .flatten();
        let block: &[u8] = range
            .and_then(|(start, end)| self.bytes.get(header + start..header + end))
            .unwrap_or_default();
        let count = block.len() / (SET_BYTES + len + RECORD_EXTRA);
        let (sets, records) = block.split_at(count * SET_BYTES);
        Bucket { len, sets, records }
    }

    pub fn contains(&self, word: &[u8]) -> bool {
        self.of_len(word.len()).contains(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_and_read_back() {
        let mut builder = CandidatesBuilder::default();
        builder.add("kerja", true, Some(5.5));
        builder.add("kerja", false, None);
        builder.add("aba-aba", true, None);
        builder.add("bakti", false, Some(3.25));
        builder.add("Jakarta", true, None);
        builder.add("", true, None);
        let candidates = Candidates::new(builder.encode());
        assert_eq!(candidates.lengths(), 8);
        let five = candidates.of_len(5);
        let five: Vec<(&[u8], bool, Option<f32>)> = (0..five.count())
            .filter_map(|i| five.get(i))
            .map(|c| (c.word(), c.listed(), c.zipf()))
            .collect();
        assert_eq!(
            five,
            [
                (&b"bakti"[..], false, Some(3.25)),
                (&b"kerja"[..], true, Some(5.5))
            ]
        );
        assert!(candidates.contains(b"aba-aba") && candidates.contains(b"kerja"));
        assert!(!candidates.contains(b"jakarta") && !candidates.contains(b"kerjaan"));
        assert_eq!(candidates.of_len(40).count(), 0);
        let seven = candidates.of_len(7);
        assert_eq!(seven.count(), 1);
        assert_eq!(seven.get(0).map(|c| c.word()), Some(&b"aba-aba"[..]));
        assert!(seven.get(1).is_none());
        // a, b, a second a, a hyphen, a third a, a second b.
        assert_eq!(
            seven.letter_sets().collect::<Vec<_>>(),
            [0b11 | 1 << 26 | 0b11 << 32]
        );
        let (kerja, kreja, bakti) = (
            letter_set(b"kerja"),
            letter_set(b"kreja"),
            letter_set(b"bakti"),
        );
        assert!(!letter_sets_further_than(kerja, kreja, 0));
        assert!(!letter_sets_further_than(kerja, bakti, 3));
        assert!(letter_sets_further_than(kerja, bakti, 2));
        assert!(letter_sets_further_than(bakti, kerja, 2));
        assert!(!letter_sets_further_than(
            letter_set(b"ab"),
            letter_set(b"abcd"),
            2
        ));
        assert!(letter_sets_further_than(
            letter_set(b"ab"),
            letter_set(b"abcd"),
            1
        ));
        assert_eq!(Candidates::new(Vec::new()).of_len(3).count(), 0);
    }
}
