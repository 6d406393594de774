//! Indonesian knowledge shared by rules: the run's lexicon (what each word form is), the
//! dictionary, morphology and suggestions, phrase lists, dates and numbers, the register of
//! institutions, letter case. It reads documents (`source`) and knows nothing of rules.

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
