//! A linter is a value: two built in one process, with different configurations, each give the
//! findings of their own, interleaved and on several threads, and each judges a word form once
//! for its run (its fast path), whatever the other did.

use lintas::config::Config;
use lintas::testing::Check;

const TEXT: &str = "Hubungan bilantial makin erat. Menteri Komunikasi dan Informatika hadir. \
                    Resiko itu kecil, baik di pusat dan di daerah.";

fn flagged(check: &Check) -> Vec<String> {
    check
        .findings(TEXT)
        .into_iter()
        .map(|f| format!("{}: {}", f.rule, f.text))
        .collect()
}

#[test]
fn two_linters_in_one_process_keep_to_their_own_configuration() {
    let plain = Check::all_rules().on("2025-03-01");
    let newsroom = Config::parse(
        "[rules.spelling]\naccept = [\"bilantial\"]\n\n[rules.calque]\ndisable = [\"baik … dan\"]\n\n\
         [rules.official-name]\nenabled = false\n",
    )
    .expect("a configuration");
    let ids: Vec<String> = lintas::rules::ids();
    let ids: Vec<&str> = ids
        .iter()
        .map(String::as_str)
        .filter(|id| *id != "official-name")
        .collect();
    let own = Check::configured(&newsroom, &ids)
        .expect("builds")
        .on("2025-03-01");

    let expected_plain = [
        "spelling: bilantial",
        "official-name: Komunikasi dan Informatika",
        "nonstandard-word: Resiko",
        "calque: dan",
    ];
    let expected_own = ["nonstandard-word: Resiko"];
    // Interleaved, then from threads of their own: each linter stays what it was built to be.
    for _ in 0..3 {
        assert_eq!(flagged(&plain), expected_plain);
        assert_eq!(flagged(&own), expected_own);
    }
    std::thread::scope(|scope| {
        let a = scope.spawn(|| flagged(&plain));
        let b = scope.spawn(|| flagged(&own));
        assert_eq!(a.join().expect("a thread"), expected_plain);
        assert_eq!(b.join().expect("a thread"), expected_own);
    });
    // Both judged each of the text's word forms once, and none again on every later reading:
    // the run's tables serve each linter.
    let mut forms: Vec<&str> = TEXT
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    forms.sort_unstable();
    forms.dedup();
    for check in [&plain, &own] {
        assert_eq!(check.linter().lexicon().judged_forms(), forms.len());
        check.findings(TEXT);
        assert_eq!(check.linter().lexicon().judged_forms(), forms.len());
    }
    // A third, built after the others were dropped, is the first one again.
    drop(plain);
    drop(own);
    assert_eq!(
        flagged(&Check::all_rules().on("2025-03-01")),
        expected_plain
    );
}
