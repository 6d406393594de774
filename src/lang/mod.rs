//! Indonesian knowledge shared by rules: calendar names, letter case, and (as rules need them)
//! morphology, the dictionary and date parsing.

pub mod acronyms;
pub mod calendar;
pub mod case;
pub mod dates;
pub mod institutions;
pub mod numbers;
pub mod words;
