//! The spelling rule end to end: the seed article, and recall on the project's own typo fixtures
//! (`fixtures/spelling/*.tsv`, made by `scripts/gen-typos.py` from `fixtures/spelling/texts/`:
//! prose, quoted speech, names), standard words it must know, and the shipped dictionary.

use lintas::testing::{Check, Tally};

#[test]
fn seed_article_has_one_typo() {
    let text = std::fs::read_to_string("fixtures/seed/komdigi-india-mou.txt").expect("the seed");
    assert_eq!(
        Check::rules(&["spelling"]).found(&text),
        [("bilantial".to_string(), Some("bilateral".to_string()))]
    );
    assert!(
        Check::rules(&["untranslated"]).findings(&text).is_empty(),
        "Internet of Things, names and the dateline domain are not untranslated English"
    );
}

/// Recall and right first suggestion on a typo fixture: `kind<TAB>word<TAB>typo<TAB>sentence`.
/// Every typo has one right word, so a typo missed counts against the first suggestion too.
fn measure(fixture: &str) -> Tally {
    let spelling = Check::rules(&["spelling"]);
    let text = std::fs::read_to_string(fixture).expect("the typo fixture");
    let mut tally = Tally::default();
    let mut misses = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, word, typo, sentence] = cols[..] else {
            panic!("a fixture line has four columns: {line:?}");
        };
        let finding = spelling
            .findings(sentence)
            .into_iter()
            .find(|f| f.text == typo);
        let suggested = finding
            .as_ref()
            .and_then(|f| f.fix())
            .map(str::to_lowercase);
        let right = suggested.as_deref() == Some(&word.to_lowercase());
        tally.count(finding.is_some(), Some(right));
        match (&finding, right) {
            (None, _) => misses.push(format!("{kind}: {typo} ({word}) not flagged")),
            (Some(_), false) => {
                misses.push(format!("{kind}: {typo} → {word}, first {suggested:?}"))
            }
            (Some(_), true) => {}
        }
    }
    eprintln!(
        "{fixture}: {} typos, recall {:.3}, right word first {:.3}",
        tally.cases,
        tally.recall(),
        tally.fixes_right()
    );
    for m in &misses {
        eprintln!("  {m}");
    }
    tally
}

#[test]
fn recall_on_the_typo_fixture() {
    let tally = measure("fixtures/spelling/typos.tsv");
    assert!(tally.cases >= 300, "the fixture has {} typos", tally.cases);
    assert!(tally.recall() >= 0.95, "recall {:.3}", tally.recall());
    assert!(
        tally.fixes_right() >= 0.89,
        "right word first {:.3}",
        tally.fixes_right()
    );
}

/// Slips in quoted speech, short ones too (`untku`), while the speaker's informal words stay.
#[test]
fn recall_in_quoted_speech() {
    let tally = measure("fixtures/spelling/quoted-typos.tsv");
    assert!(tally.cases >= 150, "the fixture has {} typos", tally.cases);
    assert!(tally.recall() >= 0.93, "recall {:.3}", tally.recall());
    assert!(
        tally.fixes_right() >= 0.87,
        "right word first {:.3}",
        tally.fixes_right()
    );
    let clean = std::fs::read_to_string("fixtures/spelling/quoted-clean.txt").expect("quotes");
    let found = Check::rules(&["spelling"]).findings(&clean);
    assert!(found.is_empty(), "informal speech flagged: {found:?}");
}

/// Slips inside institutions' and places' names (`Kementerian Keseharan`, `Sulawesi Tegnah`).
#[test]
fn recall_in_names() {
    let tally = measure("fixtures/spelling/name-typos.tsv");
    assert!(tally.cases >= 150, "the fixture has {} typos", tally.cases);
    assert!(tally.recall() >= 0.94, "recall {:.3}", tally.recall());
    assert!(
        tally.fixes_right() >= 0.94,
        "right word first {:.3}",
        tally.fixes_right()
    );
}

/// Standard words the Debian list lacked (from the newer dictionary and from news usage).
#[test]
fn standard_words_are_words() {
    let fixture = std::fs::read_to_string("fixtures/spelling/standard-words.tsv").expect("words");
    let spelling = Check::rules(&["spelling"]);
    let (mut total, mut flagged) = (0usize, Vec::new());
    for line in fixture.lines() {
        let [word, _source, sentence] = line.split('\t').collect::<Vec<_>>()[..] else {
            panic!("a fixture line has three columns: {line:?}");
        };
        total += 1;
        flagged.extend(
            spelling
                .findings(sentence)
                .into_iter()
                .map(|f| (word, f.text)),
        );
    }
    assert!(total >= 100, "the fixture has {total} words");
    eprintln!(
        "{total} standard words, {} flagged: {flagged:?}",
        flagged.len()
    );
    assert!(flagged.len() * 100 <= total * 8, "{flagged:?}");
}

/// A word the shipped dictionary accepts is never split in two (nor flagged): every stem it
/// accepts alone, linted.
#[test]
fn no_split_of_a_dictionary_word() {
    let dic = std::fs::read_to_string("rules/hunspell-id/id_ID.dic").expect("the dictionary");
    let dictionary = lintas::lang::dictionary::Dictionary::builtin();
    let stems: Vec<&str> = (dic.lines().skip(1))
        .map(|l| l.split('/').next().unwrap_or("").trim())
        .filter(|w| w.len() >= 6 && w.bytes().all(|b| b.is_ascii_lowercase()))
        // A stem that needs an affix (`adudomba` of `mengadudombakan`) is no word alone.
        .filter(|w| dictionary.knows(w))
        .collect();
    assert!(stems.len() > 25_000);
    let spelling = Check::rules(&["spelling"]);
    let mut split = Vec::new();
    let mut flagged = Vec::new();
    for chunk in stems.chunks(2_000) {
        for f in spelling.findings(&(chunk.join(" dan ") + ".")) {
            if f.fixes.iter().any(|s| s.contains(' ')) {
                split.push((f.text.clone(), f.fixes.clone()));
            }
            flagged.push(f.text);
        }
    }
    assert!(split.is_empty(), "dictionary words split: {split:?}");
    assert!(flagged.is_empty(), "dictionary words flagged: {flagged:?}");
}
