//! Word frequencies in running text (wordfreq 3.1.1, CC BY-SA 4.0; `rules/wordfreq/`), as Zipf
//! values: 7 is "yang", 3 is about once in a million words. They rank spelling suggestions, attest
//! that a form is in use, and tell English from Indonesian.
//!
//! Each list is compiled at build time into an `fst` map (word → Zipf value in hundredths) read
//! in place: nothing is parsed at start-up, and the lists' text is not in the binary.

use fst::{Map, Streamer};

use crate::lang::zipf_list;

/// One language's word list: lower-case word → Zipf frequency.
pub struct Frequencies {
    zipf: Map<&'static [u8]>,
}

impl Frequencies {
    /// Indonesian word forms (affixed forms included) as written on the web, in subtitles and
    /// news.
    pub fn indonesian() -> Frequencies {
        Frequencies::new(include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-id.fst")))
    }

    /// English word forms.
    pub fn english() -> Frequencies {
        Frequencies::new(include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-en.fst")))
    }

    fn new(map: &'static [u8]) -> Frequencies {
        Frequencies {
            zipf: Map::new(map).expect("build.rs writes each word list as an fst map"),
        }
    }

    /// The Zipf frequency of a lower-case word, when the list has it.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        self.zipf.get(word).map(zipf_list::from_hundredths)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.zipf.contains_key(word)
    }

    /// Every word, most frequent first (equally frequent ones in alphabetical order). Read out
    /// of the map and sorted on each call: for laying out a user's suggestion candidates once.
    pub fn words(&self) -> impl Iterator<Item = String> + use<> {
        let mut entries: Vec<(u64, String)> = Vec::with_capacity(self.zipf.len());
        let mut stream = self.zipf.stream();
        while let Some((word, hundredths)) = stream.next() {
            entries.push((hundredths, String::from_utf8_lossy(word).into_owned()));
        }
        entries.sort_by_key(|&(hundredths, _)| std::cmp::Reverse(hundredths));
        entries.into_iter().map(|(_, word)| word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lists_parses_and_is_compiled() {
        let lists = [
            (
                Frequencies::indonesian(),
                include_str!("../../rules/wordfreq/id.tsv"),
            ),
            (
                Frequencies::english(),
                include_str!("../../rules/wordfreq/en.tsv"),
            ),
        ];
        for (list, text) in lists {
            let lines = text.lines().filter(|l| !l.starts_with('#')).count();
            assert_eq!(zipf_list::entries(text).count(), lines);
            for (word, zipf) in zipf_list::entries(text) {
                assert_eq!(list.zipf(word), Some(zipf), "{word}");
            }
            assert_eq!(list.zipf.len(), lines);
            assert_eq!(list.words().count(), lines);
        }
    }

    #[test]
    fn news_words_are_frequent() {
        let id = Frequencies::indonesian();
        let yang = id.zipf("yang").expect("the most common Indonesian word");
        let bilateral = id.zipf("bilateral").expect("a news word");
        assert!(yang > bilateral && bilateral >= 3.0);
        assert!(id.zipf("bilabial").is_none());
        assert_eq!(id.words().next().as_deref(), Some("yang"));
        assert!(Frequencies::english().contains("things"));
    }
}
