//! How long the spelling machinery takes: dictionary load plus the first check (issue 3 asks for
//! under 10 ms), a check per word, and a suggestion for a misspelt word (first and memoised).
//!
//!     cargo run --release --example spelling_bench

use std::time::Instant;

use std::sync::Arc;

use lintas::lang::dictionary::Dictionary;
use lintas::lang::suggest::Suggester;

fn main() {
    let start = Instant::now();
    let dict = Dictionary::builtin();
    let known = dict.knows("memberikannya");
    let load = start.elapsed();
    println!("dictionary load + first check: {load:.2?} (knows memberikannya: {known})");

    let rounds = 2_000;
    for word in [
        "pemerintah",
        "kemitraan",
        "berkelanjutan",
        "pengalamannya",
        "bilantial",
    ] {
        let start = Instant::now();
        let mut known = false;
        for _ in 0..rounds {
            known = dict.knows(word);
        }
        println!("check {word} ({known}): {:.2?}", start.elapsed() / rounds);
    }

    let suggester = Suggester::new(Arc::new(Dictionary::builtin()), Vec::new());
    for typo in ["bilantial", "pemerintha", "kesehtan", "memperkautnya"] {
        let start = Instant::now();
        let first = suggester.suggest(typo);
        let cold = start.elapsed();
        let start = Instant::now();
        let again = suggester.suggest(typo);
        let warm = start.elapsed();
        println!(
            "suggest {typo}: {first:?} in {cold:.2?} (memoised: {warm:.2?}, {} shown)",
            again.len()
        );
    }
}
