//! Many phrase lists in one run (`lang::matcher`): each list finds what trying its every pattern
//! at every word would, whether the run's lexicon keeps a verdict for it or it is one past the
//! lexicon's limit, and whatever order the lists read a document in.

use lintas::lang::lexicon::Lexicon;
use lintas::lang::lexicon::{MAX_LISTS, PhraseLists};
use lintas::lang::matcher::PhraseMatcher;
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

#[test]
fn every_list_finds_what_it_finds_alone() {
    let mut seed = Seed(11);
    // More lists than the lexicon keeps verdicts for: the last ones ask each word themselves.
    let lists: Vec<Vec<String>> = (0..MAX_LISTS + 6)
        .map(|_| {
            (0..1 + seed.below(6))
                .map(|_| {
                    let len = 1 + seed.below(4);
                    random_text(&mut seed, len).trim().to_ascii_lowercase()
                })
                .collect()
        })
        .collect();
    let registry = PhraseLists::default();
    let registered: Vec<_> = (lists.iter())
        .map(|l| registry.add(PhraseMatcher::new(l, true)))
        .collect();
    let lexicon = Lexicon::builtin(registry.into_matchers());
    for round in 0..300 {
        let text = random_text(&mut seed, 30);
        let doc = Document::new("t.txt", text.as_str());
        let words = lexicon.read(&doc);
        // Lists read documents in a different order each round, as rules running in parallel do.
        let first = round % registered.len();
        for i in (first..registered.len()).chain(0..first) {
            let found: Vec<(usize, usize, usize)> = (registered[i].find_in(&doc, &words).iter())
                .map(|m| (m.pattern, m.span.start, m.span.end))
                .collect();
            assert_eq!(
                found,
                expected(&lists[i], &text),
                "list {i}: {:?} in {text:?}",
                lists[i]
            );
        }
    }
}
