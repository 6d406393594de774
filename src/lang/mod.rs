//! Indonesian knowledge shared by rules: the run's lexicon (what each word form is), the
//! dictionary, morphology and suggestions, phrase lists, dates and numbers, the register of
//! institutions, letter case. It reads documents (`source`) and knows nothing of rules.

/// The longest word form, in bytes, the lexicon judges as a word: no Indonesian word comes near
/// it (the longest in KBBI have about 30 letters), and what is longer (a run of letters in a
/// contributor's file, an encoded blob) is left unjudged, because suggestions, affix analysis and
/// the search for two words run together take time and memory that grow faster than its length.
pub const MAX_WORD_LEN: usize = 64;

pub mod acronyms;
pub mod calendar;
pub mod candidates;
pub mod case;
pub mod dates;
pub mod dictionary;
pub mod english;
pub mod form_set;
pub mod frequency;
pub mod hunspell_forms;
pub mod institutions;
pub mod lexicon;
pub mod loanwords;
pub mod matcher;
pub mod morphology;
pub mod numbers;
pub mod shapes;
pub mod suggest;
pub mod verdicts;
pub mod word_classes;
pub mod zipf_list;
