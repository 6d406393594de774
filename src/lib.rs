//! lintas: a linter for machine-translated Indonesian news text.
//!
//! The binary is a thin wrapper around [`cli::run`]; everything else is this library, so tests and
//! benchmarks use the same code. See `docs/` for the rule reference and the JSON report contract.

pub mod baseline;
pub mod carry;
pub mod cli;
pub mod config;
pub mod data;
pub mod diagnostic;
pub mod engine;
pub mod files;
pub mod fix;
pub mod input;
pub mod lang;
pub mod messages;
pub mod records;
pub mod report;
pub mod rules;
pub mod serve;
pub mod source;
pub mod suppress;
pub mod testing;
pub mod write;
