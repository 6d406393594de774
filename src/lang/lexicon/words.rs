//! A document's words: each word token with its distinct form, and each form with what the
//! lexicon knows of it.

use std::sync::OnceLock;

use super::forms::{FormTable, FormUse};
use super::{FormInfo, Spelling};
use crate::source::{Document, Token, load_u64};

/// The words of one document (see [`super::Lexicon::read`]).
#[derive(Debug)]
pub struct Words {
    /// The word tokens alone, in order: most readers skip the other half of the tokens.
    uses: Vec<WordUse>,
    forms: Vec<Form>,
    /// The indexes among `uses` of the words some reader looks at (an unknown word, English, a
    /// phrase's start), in order: most words are none of these, and each reader goes through
    /// these alone.
    notable: Vec<u32>,
    /// The forms by their text in ASCII lower case, on first use (few documents need it).
    folded: OnceLock<FoldedIndex>,
}

/// A word token and its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordUse {
    /// The token's index in the document's tokens.
    pub token: u32,
    /// The form's index in [`Words::forms`].
    pub form: u32,
}

/// One distinct form: where it is first written, how often, and what the lexicon knows of it.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    pub first: Token,
    pub count: u32,
    pub info: FormInfo,
}

impl Words {
    /// The words of `doc`, their forms looked up in `table` and judged by `judge` on a table
    /// miss.
    pub(super) fn read(
        doc: &Document,
        table: &mut FormTable,
        mut judge: impl FnMut(&[u8]) -> FormInfo,
    ) -> Words {
        let text = doc.text().as_bytes();
        let tokens = doc.tokens();
        // About one token in three is a new form in an article (spaces and punctuation are
        // tokens too): reserved once.
        let mut forms: Vec<Form> = Vec::with_capacity(tokens.len() / 3);
        let mut uses = Vec::with_capacity(tokens.len() / 2);
        let mut notable = Vec::new();
        table.start_document();
        for (i, t) in tokens.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            // Bytes, not text: slicing them checks no character boundaries.
            let form = match table.use_of(&text[t.start..t.end], &mut judge) {
                FormUse::Again(form) => form,
                FormUse::First(info) => {
                    forms.push(Form {
                        first: *t,
                        count: 0,
                        info,
                    });
                    (forms.len() - 1) as u32
                }
            };
            let entry = &mut forms[form as usize];
            entry.count += 1;
            if entry.info.is_notable() {
                notable.push(uses.len() as u32);
            }
            uses.push(WordUse {
                token: i as u32,
                form,
            });
        }
        Words {
            uses,
            forms,
            notable,
            folded: OnceLock::new(),
        }
    }

    /// Every word token with its form, in the order of the text.
    pub fn uses(&self) -> &[WordUse] {
        &self.uses
    }

    /// The distinct forms, in order of first use.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// What the lexicon knows of the form `word` is written in.
    pub fn info(&self, word: WordUse) -> &FormInfo {
        &self.forms[word.form as usize].info
    }

    /// The form of token `i` (an index into the document's tokens), if it is a word. Found by
    /// a binary search of the uses: few readers ask.
    pub fn of_token(&self, i: usize) -> Option<&Form> {
        let i = u32::try_from(i).ok()?;
        self.uses
            .binary_search_by_key(&i, |u| u.token)
            .ok()
            .map(|at| &self.forms[self.uses[at].form as usize])
    }

    /// The words whose form is plain letters the lexicon does not know, in order, as indexes
    /// into [`Words::uses`].
    pub fn unknown(&self) -> impl Iterator<Item = usize> + '_ {
        self.notable_where(|info| info.spelling == Spelling::Unknown)
    }

    /// The English content words, in order, as indexes into [`Words::uses`].
    pub fn english_content(&self) -> impl Iterator<Item = usize> + '_ {
        self.notable_where(FormInfo::is_english_content)
    }

    /// The words a phrase of the run's list `list` may start with, in order, as indexes into
    /// [`Words::uses`].
    pub fn starting_phrases(&self, list: usize) -> impl Iterator<Item = usize> + '_ {
        self.notable_where(move |info| info.may_start_phrase(list))
    }

    fn notable_where<'w>(
        &'w self,
        wanted: impl Fn(&FormInfo) -> bool + 'w,
    ) -> impl Iterator<Item = usize> + 'w {
        (self.notable.iter())
            .map(|&i| i as usize)
            .filter(move |&i| wanted(self.info(self.uses[i])))
    }

    /// The text of the form `word` is written in.
    pub fn text_of<'a>(&self, text: &'a str, word: WordUse) -> &'a str {
        self.text(text, word.form as usize)
    }

    /// The text of `form`.
    pub fn text<'a>(&self, text: &'a str, form: usize) -> &'a str {
        self.forms[form].first.text(text)
    }

    /// How often the document writes `word`, in any case of its ASCII letters.
    pub fn count_ignoring_case(&self, text: &str, word: &str) -> usize {
        self.spellings(text, word)
            .map(|f| self.forms[f as usize].count as usize)
            .sum()
    }

    /// The form written exactly `word`, if the document has it.
    pub fn find(&self, text: &str, word: &str) -> Option<usize> {
        self.spellings(text, word)
            .map(|f| f as usize)
            .find(|&f| self.text(text, f) == word)
    }

    /// The forms that are `word` in some case of its ASCII letters.
    fn spellings<'a>(&'a self, text: &'a str, word: &'a str) -> impl Iterator<Item = u32> + 'a {
        let index = self
            .folded
            .get_or_init(|| FoldedIndex::new(text, &self.forms));
        index.bucket(word).iter().copied().filter(move |&f| {
            // Compared by length first: most forms are turned away without slicing the text.
            let first = self.forms[f as usize].first;
            first.end - first.start == word.len() && first.text(text).eq_ignore_ascii_case(word)
        })
    }
}

/// A document's forms in buckets by a hash of their text in ASCII lower case: the spellings of
/// a word are in its bucket, so a lookup (the spelling rule makes one for each unknown word)
/// compares about one form, not every form of the document. Bucketed by counting, in two passes
/// over the forms, with no comparison sort: cheap enough to build for an article of a few
/// hundred forms, which used to be scanned instead.
#[derive(Debug)]
struct FoldedIndex {
    /// Bucket `b` is `forms[starts[b]..starts[b + 1]]`.
    starts: Vec<u32>,
    forms: Vec<u32>,
}

impl FoldedIndex {
    fn new(text: &str, forms: &[Form]) -> Self {
        // About one form a bucket.
        let mask = forms.len().next_power_of_two() - 1;
        let buckets: Vec<usize> = forms
            .iter()
            .map(|f| folded_hash(&text.as_bytes()[f.first.start..f.first.end]) as usize & mask)
            .collect();
        let mut starts = vec![0u32; mask + 2];
        for &b in &buckets {
            starts[b + 1] += 1;
        }
        for b in 1..starts.len() {
            starts[b] += starts[b - 1];
        }
        let mut next = starts.clone();
        let mut sorted = vec![0; forms.len()];
        for (form, &b) in buckets.iter().enumerate() {
            sorted[next[b] as usize] = form as u32;
            next[b] += 1;
        }
        FoldedIndex {
            starts,
            forms: sorted,
        }
    }

    /// The forms whose text may be `word` in some case.
    fn bucket(&self, word: &str) -> &[u32] {
        // `starts` has one entry more than there are buckets, a power of two.
        let buckets = self.starts.len() - 1;
        let b = folded_hash(word.as_bytes()) as usize & (buckets - 1);
        &self.forms[self.starts[b] as usize..self.starts[b + 1] as usize]
    }
}

/// A hash of `word` equal for two spellings that differ only in the case of ASCII letters: every
/// byte is hashed with its 0x20 bit set, which lower-cases an ASCII letter and changes any other
/// byte the same way in both spellings. Eight bytes at a time (a byte at a time, this was most of
/// building the index).
fn folded_hash(word: &[u8]) -> u64 {
    const LOWER: u64 = 0x2020_2020_2020_2020;
    const MIX: u64 = 0x9e37_79b9_7f4a_7c15;
    let mix = |hash: u64, chunk: u64| (hash ^ chunk).wrapping_mul(MIX).rotate_left(29);
    let mut hash = word.len() as u64;
    for chunk in word.chunks(8) {
        // Only the word's own bytes take the case bit: a short last chunk's padding stays zero.
        let own = u64::MAX >> (8 * (8 - chunk.len()));
        hash = mix(hash, load_u64(chunk) | (LOWER & own));
    }
    hash ^ hash >> 32
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::lexicon::Lexicon;
    use crate::source::tokenize;

    fn words(text: &str) -> Words {
        Lexicon::builtin(Vec::new()).read(&Document::new("t", text))
    }

    #[test]
    fn forms_are_distinct_as_written_and_counted() {
        let text = "Data dan data, dan DATA: 2025 dan.";
        let words = words(text);
        let written: Vec<(&str, u32)> = (0..words.forms().len())
            .map(|i| (words.text(text, i), words.forms()[i].count))
            .collect();
        assert_eq!(written, [("Data", 1), ("dan", 3), ("data", 1), ("DATA", 1)]);
        assert_eq!(words.count_ignoring_case(text, "data"), 3);
        assert_eq!(words.count_ignoring_case(text, "tidak"), 0);
        assert_eq!(self::words("").count_ignoring_case("", "data"), 0);
        assert_eq!(words.find(text, "DATA"), Some(3));
        assert_eq!(words.find(text, "Dan"), None);
        let tokens = tokenize(text);
        let is_the_number = tokens.iter().position(|t| t.text(text) == "2025");
        assert!(is_the_number.and_then(|i| words.of_token(i)).is_none());
        assert_eq!(words.of_token(2).map(|f| f.first.text(text)), Some("dan"));
        let uses: Vec<(u32, u32)> = words.uses().iter().map(|u| (u.token, u.form)).collect();
        assert_eq!(uses, [(0, 0), (2, 1), (4, 2), (7, 1), (9, 3), (14, 1)]);
    }

    #[test]
    fn readers_get_the_words_their_verdict_picks() {
        let text = "Para stakeholders bilantial hadir, bilantial lagi.";
        let words = words(text);
        let picked = |found: Vec<usize>| -> Vec<&str> {
            found
                .iter()
                .map(|&i| words.text_of(text, words.uses()[i]))
                .collect()
        };
        assert_eq!(
            picked(words.unknown().collect()),
            ["bilantial", "bilantial"]
        );
        assert_eq!(picked(words.english_content().collect()), ["stakeholders"]);
    }

    #[test]
    fn spellings_that_differ_in_case_hash_alike() {
        for word in [
            "a",
            "Data",
            "Kementerian",
            "KOMUNIKASI-dan-Digital",
            "Élan",
            "ke-2",
        ] {
            let lower = word.to_ascii_lowercase();
            let upper = word.to_ascii_uppercase();
            assert_eq!(
                folded_hash(word.as_bytes()),
                folded_hash(lower.as_bytes()),
                "{word}"
            );
            assert_eq!(
                folded_hash(word.as_bytes()),
                folded_hash(upper.as_bytes()),
                "{word}"
            );
        }
        let words = [
            "kata",
            "katb",
            "kata ",
            "akat",
            "data",
            "Kementerian",
            "kementeriaN2",
        ];
        let mut hashes: Vec<u64> = words.iter().map(|w| folded_hash(w.as_bytes())).collect();
        hashes.sort_unstable();
        hashes.dedup();
        assert_eq!(
            hashes.len(),
            words.len(),
            "different words, different hashes"
        );
    }

    /// With many forms, most buckets of the folded index hold one: the answers stay exact.
    #[test]
    fn many_forms_are_found_through_the_index() {
        const FORMS: usize = 1100;
        let letters = |mut n: usize| {
            let mut word = String::from("k");
            while n > 0 {
                word.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
            }
            word
        };
        let mut text = String::new();
        for n in 0..FORMS {
            let word = letters(n);
            text.push_str(&format!("{word} {} ", word.to_uppercase()));
        }
        let tokens = tokenize(&text);
        let forms = words(&text);
        assert_eq!(forms.forms().len(), 2 * FORMS);
        for n in [0, 7, FORMS - 1] {
            let word = letters(n);
            let expected = tokens
                .iter()
                .filter(|t| t.text(&text).eq_ignore_ascii_case(&word))
                .count();
            assert_eq!(expected, 2);
            assert_eq!(forms.count_ignoring_case(&text, &word), expected, "{word}");
            assert!(forms.find(&text, &word).is_some());
        }
        assert_eq!(forms.count_ignoring_case(&text, "kzzzzz"), 0);
        assert_eq!(forms.find(&text, "Kb"), None);
    }
}
