//! A document's distinct word forms, each token mapped to its form.
//!
//! A news article writes each word form about three times on average (`yang`, `di`, names), and
//! several rules judge words by their form alone: whether the dictionary knows it, which language
//! it is, whether a phrase can start with it. Judging each distinct form once per document, and
//! looking its verdict up by index for every occurrence, replaces a shared-cache lookup (a hash
//! and a lock) per token and per rule with one per form.

use std::sync::OnceLock;

use super::Token;
use super::digits::load;
use crate::lang::form_ids::{ByteVerdict, FormCache, FormIds, FormUse};

#[derive(Debug)]
pub struct WordForms {
    /// The word tokens alone, in order: most readers skip the other half of the tokens.
    uses: Vec<WordUse>,
    forms: Vec<Form>,
    /// The forms by their text in ASCII lower case, on first use (few documents need it).
    folded: OnceLock<FoldedIndex>,
    /// Each form's run-wide number, if the run had one left.
    ids: Vec<Option<u32>>,
}

/// A word token and its form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WordUse {
    /// The token's index in the document's tokens.
    pub token: u32,
    /// The form's index in [`WordForms::forms`].
    pub form: u32,
}

/// One distinct form: where it is first written, and how often.
#[derive(Clone, Copy, Debug)]
pub struct Form {
    pub first: Token,
    pub count: u32,
}

impl WordForms {
    /// The forms of the word tokens of `text`, as written (case included).
    pub fn new(text: &str, tokens: &[Token]) -> Self {
        // About one token in three is a new form in an article (spaces and punctuation are
        // tokens too): reserved once.
        let mut forms: Vec<Form> = Vec::with_capacity(tokens.len() / 3);
        let mut ids = Vec::with_capacity(tokens.len() / 3);
        let mut uses = Vec::with_capacity(tokens.len() / 2);
        FormIds::global().number_document(|document| {
            for (i, t) in tokens.iter().enumerate() {
                if !t.is_word() {
                    continue;
                }
                // Bytes, not text: slicing them checks no character boundaries.
                let form = match document.use_of(&text.as_bytes()[t.start..t.end]) {
                    FormUse::Again(form) => form,
                    FormUse::First(id) => {
                        forms.push(Form {
                            first: *t,
                            count: 0,
                        });
                        ids.push(id);
                        (forms.len() - 1) as u32
                    }
                };
                forms[form as usize].count += 1;
                uses.push(WordUse {
                    token: i as u32,
                    form,
                });
            }
        });
        WordForms {
            uses,
            forms,
            folded: OnceLock::new(),
            ids,
        }
    }

    /// The form of token `i` (an index into the document's tokens), if it is a word. Found by
    /// a binary search of the uses: few readers ask, and a table of every token's form cost each
    /// document a pass over its tokens.
    pub fn of_token(&self, i: usize) -> Option<usize> {
        let i = u32::try_from(i).ok()?;
        self.uses
            .binary_search_by_key(&i, |u| u.token)
            .ok()
            .map(|at| self.uses[at].form as usize)
    }

    /// Every word token with its form, in the order of the text.
    pub fn uses(&self) -> &[WordUse] {
        &self.uses
    }

    /// The distinct forms, in order of first use.
    pub fn forms(&self) -> &[Form] {
        &self.forms
    }

    /// Each form's run-wide number, if the run had one left: verdicts kept for the run are
    /// looked up by it.
    pub fn numbers(&self) -> &[Option<u32>] {
        &self.ids
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

    /// A verdict on every form, for looking up by word, kept in `cache` for the rest of the run:
    /// `judge` is asked once per form in the run, not in each document.
    pub fn judge_each_cached<V: ByteVerdict>(
        &self,
        text: &str,
        cache: &FormCache<V>,
        mut judge: impl FnMut(&str) -> V,
    ) -> FormVerdicts<V> {
        FormVerdicts {
            verdicts: self
                .ids
                .iter()
                .zip(&self.forms)
                .map(|(id, f)| {
                    // The word is sliced out only when it has to be judged.
                    let word = || f.first.text(text);
                    match *id {
                        Some(id) => cache.get_or(id, || judge(word())),
                        None => judge(word()),
                    }
                })
                .collect(),
        }
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
        hash = mix(hash, load(chunk) | (LOWER & own));
    }
    hash ^ hash >> 32
}

/// A verdict per form of one document (see [`WordForms::judge_each_cached`]).
pub struct FormVerdicts<V> {
    verdicts: Vec<V>,
}

impl<V> FormVerdicts<V> {
    /// The verdict on the form of token `i`, if it is a word.
    pub fn of_token<'a>(&'a self, forms: &WordForms, i: usize) -> Option<&'a V> {
        forms.of_token(i).map(|f| &self.verdicts[f])
    }

    /// The verdict on the form `use_` is written in.
    pub fn of_use(&self, use_: WordUse) -> &V {
        &self.verdicts[use_.form as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::tokenize;

    #[test]
    fn forms_are_distinct_as_written_and_counted() {
        let text = "Data dan data, dan DATA: 2025 dan.";
        let tokens = tokenize(text);
        let forms = WordForms::new(text, &tokens);
        let written: Vec<(&str, u32)> = forms
            .forms()
            .iter()
            .enumerate()
            .map(|(i, f)| (forms.text(text, i), f.count))
            .collect();
        assert_eq!(written, [("Data", 1), ("dan", 3), ("data", 1), ("DATA", 1)]);
        assert_eq!(forms.count_ignoring_case(text, "data"), 3);
        assert_eq!(forms.count_ignoring_case(text, "tidak"), 0);
        let no_words = WordForms::new("", &[]);
        assert_eq!(no_words.count_ignoring_case("", "data"), 0);
        assert_eq!(forms.find(text, "DATA"), Some(3));
        assert_eq!(forms.find(text, "Dan"), None);
        let is_the_number = tokens.iter().position(|t| t.text(text) == "2025");
        assert_eq!(is_the_number.and_then(|i| forms.of_token(i)), None);
        assert_eq!(forms.of_token(2), Some(1));
        let capitalised = forms.judge_each_cached(text, &FormCache::default(), |w| {
            w.starts_with(char::is_uppercase)
        });
        assert_eq!(capitalised.of_token(&forms, 0), Some(&true));
        assert_eq!(capitalised.of_token(&forms, 2), Some(&false));
        assert_eq!(capitalised.of_token(&forms, 1), None);
        let uses: Vec<(u32, u32)> = forms.uses().iter().map(|u| (u.token, u.form)).collect();
        assert_eq!(uses, [(0, 0), (2, 1), (4, 2), (7, 1), (9, 3), (14, 1)]);
        assert_eq!(capitalised.of_use(forms.uses()[4]), &true);
    }

    /// Kept across documents: the second document's forms are not judged again, and each form
    /// gets the verdict `judge` gives it.
    #[test]
    fn cached_verdicts_last_the_run() {
        let cache = FormCache::<bool>::default();
        let calls = std::cell::Cell::new(0);
        let long = |word: &str| {
            calls.set(calls.get() + 1);
            word.len() > 4
        };
        let text = "Kerja sama dan kerja keras, kerja.";
        let tokens = tokenize(text);
        let forms = WordForms::new(text, &tokens);
        let cached = forms.judge_each_cached(text, &cache, long);
        for &use_ in forms.uses() {
            let word = tokens[use_.token as usize].text(text);
            assert_eq!(*cached.of_use(use_), word.len() > 4);
        }
        assert_eq!(calls.get(), forms.forms().len());
        let again = "kerja keras";
        let tokens = tokenize(again);
        let forms = WordForms::new(again, &tokens);
        forms.judge_each_cached(again, &cache, long);
        assert_eq!(
            calls.get(),
            5,
            "both forms were judged in the first document"
        );
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
        let forms = WordForms::new(&text, &tokens);
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
