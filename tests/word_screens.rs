//! Readers share one screen of a document's words (`lang::word_screens`): each reader still gets
//! exactly the words it would pick alone, whether it has a slot in the screen, took one after the
//! document was screened, or found none left. A test file of its own, so that its readers are the
//! first of their process and take the slots.

use lintas::lang::matcher::PhraseMatcher;
use lintas::lang::word_screens::WordScreen;
use lintas::source::{Document, tokenize};

/// A pseudo-random sequence, the same at every run.
struct Seed(u32);

impl Seed {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        (self.0 >> 16) as usize % n
    }
}

const ALPHABET: [char; 9] = ['k', 'K', 'a', 'b', 'c', 'd', 'e', 'E', ' '];

fn random_text(seed: &mut Seed, len: usize) -> String {
    (0..len)
        .map(|_| ALPHABET[seed.below(ALPHABET.len())])
        .collect()
}

/// The matches of `patterns` in `text` found by trying each pattern at each word start.
fn expected(patterns: &[String], text: &str) -> Vec<(usize, usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut resume = 0;
    for token in tokenize(text).iter().filter(|t| t.is_word()) {
        if token.start < resume {
            continue;
        }
        let longest = patterns
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.is_empty() && lower[token.start..].starts_with(p.as_str()))
            .max_by_key(|&(i, p)| (p.len(), std::cmp::Reverse(i)));
        if let Some((pattern, p)) = longest {
            resume = token.start + p.len();
            found.push((pattern, token.start, resume));
        }
    }
    found
}

fn found(matcher: &PhraseMatcher, doc: &Document) -> Vec<(usize, usize, usize)> {
    matcher
        .find_in(doc)
        .iter()
        .map(|m| (m.pattern, m.span.start, m.span.end))
        .collect()
}

#[test]
fn every_list_finds_what_it_finds_alone() {
    let mut seed = Seed(11);
    // More lists than the screen has slots: the last ones judge their words alone.
    let lists: Vec<Vec<String>> = (0..40)
        .map(|_| {
            (0..1 + seed.below(6))
                .map(|_| {
                    let len = 1 + seed.below(4);
                    random_text(&mut seed, len).trim().to_ascii_lowercase()
                })
                .collect()
        })
        .collect();
    let matchers: Vec<PhraseMatcher> = lists.iter().map(|l| PhraseMatcher::new(l, true)).collect();
    for round in 0..300 {
        let text = random_text(&mut seed, 30);
        let doc = Document::new("t.txt", text.as_str());
        // Lists read documents in a different order each round, as rules running in parallel do.
        let first = round % matchers.len();
        for i in (first..matchers.len()).chain(0..first) {
            assert_eq!(
                found(&matchers[i], &doc),
                expected(&lists[i], &text),
                "list {i}: {:?} in {text:?}",
                lists[i]
            );
        }
    }
}

#[test]
fn every_screen_picks_the_words_its_verdict_picks() {
    let mut seed = Seed(5);
    // Each screen picks the words that hold a letter and not another, in any case.
    let verdicts: Vec<(char, char)> = (0..40)
        .map(|_| (ALPHABET[seed.below(8)], ALPHABET[seed.below(8)]))
        .collect();
    let picks = |&(with, without): &(char, char), word: &str| {
        let word = word.to_ascii_lowercase();
        word.contains(with.to_ascii_lowercase()) && !word.contains(without.to_ascii_lowercase())
    };
    let screens: Vec<WordScreen> = verdicts.iter().map(|_| WordScreen::default()).collect();
    for round in 0..300 {
        let text = random_text(&mut seed, 40);
        let doc = Document::new("t.txt", text.as_str());
        let uses = doc.word_forms().uses();
        let first = round % screens.len();
        for i in (first..screens.len()).chain(0..first) {
            let expected: Vec<usize> = (0..uses.len())
                .filter(|&u| {
                    picks(
                        &verdicts[i],
                        doc.tokens()[uses[u].token as usize].text(&text),
                    )
                })
                .collect();
            assert_eq!(
                screens[i].words(&doc, |word| picks(&verdicts[i], word)),
                expected,
                "screen {i} in {text:?}"
            );
        }
    }
}
