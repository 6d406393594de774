//! Indonesian knowledge shared by rules: calendar names, letter case, and (as rules need them)
//! morphology, the dictionary and date parsing.

pub mod acronyms;
pub mod calendar;
pub mod candidates;
pub mod case;
pub mod dates;
pub mod dictionary;
pub mod english;
pub mod form_ids;
pub mod form_set;
pub mod frequency;
pub mod hunspell_forms;
pub mod institutions;
pub mod loanwords;
pub mod matcher;
pub mod morphology;
pub mod numbers;
pub mod shapes;
pub mod suggest;
pub mod verdicts;
pub mod word_screens;
pub mod words;
pub mod zipf_list;
