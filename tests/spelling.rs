//! The spelling rule end to end: the seed article, and recall on the project's own typo fixture
//! (`fixtures/spelling/typos.tsv`, made by `scripts/gen-typos.py` from `fixtures/spelling/texts/`).

use lintas::testing::Check;

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

#[test]
fn recall_on_the_typo_fixture() {
    let spelling = Check::rules(&["spelling"]);
    let fixture = std::fs::read_to_string("fixtures/spelling/typos.tsv").expect("the typo fixture");
    let (mut total, mut found, mut first) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for line in fixture.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        let [kind, word, typo, sentence] = cols[..] else {
            panic!("a fixture line has four columns: {line:?}");
        };
        total += 1;
        match spelling.findings(sentence).iter().find(|f| f.text == typo) {
            Some(f) => {
                found += 1;
                let suggested = f.fix().map(str::to_lowercase);
                if suggested.as_deref() == Some(word) {
                    first += 1;
                } else {
                    misses.push(format!("{kind}: {typo} → {word}, first {suggested:?}"));
                }
            }
            None => misses.push(format!("{kind}: {typo} ({word}) not flagged")),
        }
    }
    assert!(total >= 300, "the fixture has {total} typos");
    let recall = found as f64 / total as f64;
    let right_first = first as f64 / total as f64;
    eprintln!("{total} typos: recall {recall:.3}, right word first {right_first:.3}");
    for m in &misses {
        eprintln!("  {m}");
    }
    assert!(recall >= 0.95, "recall {recall:.3}");
    assert!(right_first >= 0.85, "right word first {right_first:.3}");
}
