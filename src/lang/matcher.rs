//! Phrase lists matched where words start, through a byte trie walked once per word.
//!
//! A list a rule searches documents for is registered with the run (`lexicon::PhraseLists`): the
//! run's lexicon then tells, once per word form for the whole run, which lists a phrase may start
//! with the form, and a document's search walks the trie only at those words.
//!
//! Every phrase list lintas ships or a newsroom adds (non-standard spellings, calques, official
//! names, established terms) starts with a letter (a newsroom's `match` is refused otherwise), and
//! every rule reading a list keeps only the matches that start a word. So the search starts only
//! where a word starts: each candidate is one walk down a trie of the phrases, which ends within a
//! few bytes for nearly every word.
//!
//! An Aho-Corasick automaton, which this replaces, scans every byte but must first compute its
//! failure transitions: for the 600 phrases of `nonstandard-word` that took longer than linting
//! one article, and a corpus run paid again for a DFA. A trie is built in microseconds, needs no
//! lower-case copy of the text (case is folded during the walk), and a match hidden behind one
//! that starts inside a word can no longer be lost.

use crate::source::Span;

/// A phrase found: which pattern, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhraseMatch {
    /// Index of the pattern in the list the matcher was built from.
    pub pattern: usize,
    pub span: Span,
}

#[derive(Clone)]
pub struct PhraseMatcher {
    /// Patterns are stored in lower case and the text is folded while walking (ASCII letters).
    ascii_case_insensitive: bool,
    /// Child of the root for each first byte: the root is the node every walk starts from.
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// Every node's edges, each node's sorted by byte, stored contiguously.
    edges: Vec<(u8, u32)>,
    /// The class of each byte: one per byte the patterns hold, and 0 for the others.
    class: Box<[u16; 256]>,
    classes: usize,
    /// The children of each node with many edges, one row of `classes` entries per node: the
    /// first letters of a word, where most walks are decided, take one load instead of a search.
    rows: Vec<u32>,
}

#[derive(Clone, Copy)]
struct Node {
    first_edge: u32,
    edge_count: u32,
    /// The node's row in `rows`, or `NONE` for a node with few edges.
    row: u32,
    /// The pattern ending here (the first listed, for duplicates), or `NONE`.
    pattern: u32,
}

const NONE: u32 = u32::MAX;

/// A node with this many edges or more gets a row.
const ROW_MIN_EDGES: u32 = 4;

impl PhraseMatcher {
    /// Compile `patterns`, compared ASCII-case-insensitively when asked. Empty patterns never
    /// match.
    pub fn new(patterns: &[String], ascii_case_insensitive: bool) -> Self {
        // Folded once into one buffer, the patterns are compared below as plain byte slices: the
        // register's thousand names are built on every run, before the first word is read.
        let mut folded = Vec::with_capacity(patterns.iter().map(String::len).sum());
        let mut bounds = Vec::with_capacity(patterns.len() + 1);
        bounds.push(0);
        for p in patterns {
            folded.extend(p.bytes().map(|b| fold(ascii_case_insensitive, b)));
            bounds.push(folded.len());
        }
        let key = |id: u32| &folded[bounds[id as usize]..bounds[id as usize + 1]];
        // Sorted, the patterns below any node are a contiguous run, and those ending at the node
        // come first (the first listed first): the trie is laid out breadth first from the runs.
        let mut order: Vec<u32> = (0..patterns.len() as u32)
            .filter(|&id| !key(id).is_empty())
            .collect();
        order.sort_unstable_by(|&a, &b| key(a).cmp(key(b)).then(a.cmp(&b)));
        // At most one node per pattern byte, and the root.
        let mut nodes = Vec::with_capacity(folded.len() + 1);
        nodes.push(Node {
            first_edge: 0,
            edge_count: 0,
            row: NONE,
            pattern: NONE,
        });
        let mut edges = Vec::with_capacity(folded.len());
        // The nodes to lay out, in breadth-first order: a node's run of `order` and its depth.
        let mut pending = Vec::with_capacity(folded.len() + 1);
        pending.push((0, 0..order.len(), 0));
        let mut next = 0;
        while let Some((node, run, depth)) = pending.get(next).cloned() {
            next += 1;
            if let [id] = order[run.clone()] {
                // One pattern below the node: the rest of it is a chain, laid out at once.
                let mut at = node;
                for &b in &key(id)[depth..] {
                    let child = nodes.len() as u32;
                    nodes[at].first_edge = edges.len() as u32;
                    nodes[at].edge_count = 1;
                    edges.push((b, child));
                    nodes.push(Node {
                        first_edge: 0,
                        edge_count: 0,
                        row: NONE,
                        pattern: NONE,
                    });
                    at = child as usize;
                }
                nodes[at].pattern = id;
                continue;
            }
            let mut i = run.start;
            while i < run.end && key(order[i]).len() == depth {
                if nodes[node].pattern == NONE {
                    nodes[node].pattern = order[i];
                }
                i += 1;
            }
            let first_edge = edges.len();
            while i < run.end {
                let b = key(order[i])[depth];
                let end = i + order[i..run.end].partition_point(|&id| key(id)[depth] == b);
                edges.push((b, nodes.len() as u32));
                pending.push((nodes.len(), i..end, depth + 1));
                nodes.push(Node {
                    first_edge: 0,
                    edge_count: 0,
                    row: NONE,
                    pattern: NONE,
                });
                i = end;
            }
            nodes[node].first_edge = first_edge as u32;
            nodes[node].edge_count = (edges.len() - first_edge) as u32;
        }
        let mut root = Box::new([NONE; 256]);
        for &(b, child) in &edges[..nodes[0].edge_count as usize] {
            root[usize::from(b)] = child;
        }
        let mut class = Box::new([0u16; 256]);
        let mut classes = 1;
        for &(b, _) in &edges {
            if class[usize::from(b)] == 0 {
                class[usize::from(b)] = classes;
                classes += 1;
            }
        }
        let classes = usize::from(classes);
        let mut rows = Vec::new();
        for node in nodes.iter_mut().filter(|n| n.edge_count >= ROW_MIN_EDGES) {
            node.row = (rows.len() / classes) as u32;
            let row = rows.len();
            rows.resize(row + classes, NONE);
            let first = node.first_edge as usize;
            for &(b, child) in &edges[first..first + node.edge_count as usize] {
                rows[row + usize::from(class[usize::from(b)])] = child;
            }
        }
        PhraseMatcher {
            ascii_case_insensitive,
            root,
            nodes,
            edges,
            class,
            classes,
            rows,
        }
    }

    /// The longest phrase that `haystack` starts with.
    pub fn match_at_start(&self, haystack: &str) -> Option<PhraseMatch> {
        self.longest_at(haystack.as_bytes(), 0)
    }

    /// Whether a phrase may start with `word` followed by more text: one ends inside it (a
    /// listed word with a clitic) or the word is the start of one.
    pub fn may_start_with(&self, word: &[u8]) -> bool {
        let Some((&first, rest)) = word.split_first() else {
            return true;
        };
        let mut node = self.root[usize::from(fold(self.ascii_case_insensitive, first))];
        for &b in rest {
            if node == NONE {
                return false;
            }
            if self.nodes[node as usize].pattern != NONE {
                return true;
            }
            node = self.child(node, b);
        }
        node != NONE
    }

    /// The longest pattern at `start`.
    pub fn longest_at(&self, text: &[u8], start: usize) -> Option<PhraseMatch> {
        let rest = text.get(start..)?;
        let mut node = self.root[usize::from(fold(self.ascii_case_insensitive, *rest.first()?))];
        let mut longest = None;
        let mut len = 1;
        while node != NONE {
            let pattern = self.nodes[node as usize].pattern;
            if pattern != NONE {
                longest = Some((pattern, len));
            }
            let Some(&b) = rest.get(len) else { break };
            node = self.child(node, b);
            len += 1;
        }
        longest.map(|(pattern, len)| PhraseMatch {
            pattern: pattern as usize,
            span: start..start + len,
        })
    }

    /// The child of `node` along the text's byte `b`, or `NONE`. Inlined: every form of every
    /// document walks it, and the call cost about as much as the step.
    #[inline(always)]
    fn child(&self, node: u32, b: u8) -> u32 {
        let Node {
            first_edge,
            edge_count,
            row,
            ..
        } = self.nodes[node as usize];
        let b = fold(self.ascii_case_insensitive, b);
        if row != NONE {
            return self.rows
                [row as usize * self.classes + usize::from(self.class[usize::from(b)])];
        }
        self.edges[first_edge as usize..(first_edge + edge_count) as usize]
            .iter()
            .find(|&&(edge, _)| edge == b)
            .map_or(NONE, |&(_, child)| child)
    }
}

/// `b` as the trie stores it: in lower case when the list ignores case.
fn fold(ascii_case_insensitive: bool, b: u8) -> u8 {
    if ascii_case_insensitive {
        b.to_ascii_lowercase()
    } else {
        b
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::lexicon::{Lexicon, PhraseLists};
    use crate::source::{Document, tokenize};

    /// The matches of `matcher`, registered as a run's only list, in `text`.
    fn spans(matcher: &PhraseMatcher, text: &str) -> Vec<(usize, usize, usize)> {
        let lists = PhraseLists::default();
        let list = lists.add(matcher.clone());
        let lexicon = Lexicon::builtin(lists.into_matchers());
        let doc = Document::new("t.txt", text);
        (list.find_in(&doc, &lexicon.read(&doc)).iter())
            .map(|m| (m.pattern, m.span.start, m.span.end))
            .collect()
    }

    #[test]
    fn longest_phrase_where_a_word_starts_in_any_case() {
        let patterns = ["nota", "Nota Kesepahaman", "MoU", "nota"].map(String::from);
        let matcher = PhraseMatcher::new(&patterns, true);
        assert_eq!(
            spans(
                &matcher,
                "Nota kesepahaman itu, MOU, dan nota lain — “Ä” tetap"
            ),
            vec![(1, 0, 16), (2, 22, 25), (0, 31, 35)]
        );
        // Only where a token starts: not inside `denota`, nor inside an address.
        assert!(spans(&matcher, "denota di mou.id").is_empty());
        // Overlapping phrases: the first match wins and the search resumes after it.
        let matcher = PhraseMatcher::new(&["a b".into(), "b c".into()], false);
        assert_eq!(spans(&matcher, "a b c"), vec![(0, 0, 3)]);
    }

    /// Against the longest listed prefix at each start, tried one pattern at a time: on patterns
    /// whose nodes have from one to many edges (rows and searched edges alike).
    #[test]
    fn agrees_with_trying_every_pattern() {
        let patterns: Vec<String> = [
            "ka", "kb", "kc", "kd", "ke", "kab", "kabc", "k a", "ba", "bab", "c", "dd", "ed", "kE",
        ]
        .map(String::from)
        .to_vec();
        let matcher = PhraseMatcher::new(&patterns, true);
        let longest = |rest: &str| {
            let rest = rest.to_ascii_lowercase();
            patterns
                .iter()
                .enumerate()
                .filter(|(_, p)| rest.starts_with(&p.to_ascii_lowercase()))
                .max_by_key(|&(i, p)| (p.len(), std::cmp::Reverse(i)))
                .map(|(i, p)| (i, p.len()))
        };
        let mut seed = 7u32;
        let alphabet = ['k', 'K', 'a', 'b', 'c', 'd', 'e', 'E', ' '];
        for _ in 0..500 {
            let text: String = (0..12)
                .map(|_| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    alphabet[(seed >> 16) as usize % alphabet.len()]
                })
                .collect();
            let mut expected = Vec::new();
            let mut resume = 0;
            for token in tokenize(&text).iter().filter(|t| t.is_word()) {
                if token.start < resume {
                    continue;
                }
                if let Some((pattern, len)) = longest(&text[token.start..]) {
                    resume = token.start + len;
                    expected.push((pattern, token.start, resume));
                }
            }
            assert_eq!(spans(&matcher, &text), expected, "{text:?}");
        }
    }

    #[test]
    fn exact_case_when_asked_and_matches_at_the_start() {
        let matcher = PhraseMatcher::new(&["Prabowo".into(), "Prabowo Subianto".into()], false);
        assert!(matcher.match_at_start("prabowo").is_none());
        assert!(matcher.match_at_start("Presiden Prabowo").is_none());
        assert_eq!(
            matcher.match_at_start("Prabowo Subianto hadir"),
            Some(PhraseMatch {
                pattern: 1,
                span: 0..16
            })
        );
        assert_eq!(
            matcher.match_at_start("Prabowo Sub").map(|m| m.span),
            Some(0..7)
        );
        assert!(
            PhraseMatcher::new(&[String::new()], true)
                .match_at_start("x")
                .is_none()
        );
    }
}
