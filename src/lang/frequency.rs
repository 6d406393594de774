//! Word frequencies in running text (wordfreq 3.1.1, CC BY-SA 4.0; `rules/wordfreq/`), as Zipf
//! values: 7 is "yang", 3 is about once in a million words. They rank spelling suggestions, attest
//! that a form is in use, and tell English from Indonesian.
//!
//! Each list is compiled at build time into an `fst` map (word → Zipf value in hundredths) read
//! in place, and shared by every thread: nothing is parsed at start-up.

use std::sync::LazyLock;

use fst::Map;

use crate::lang::zipf_list;

/// One language's word list: lower-case word → Zipf frequency.
pub struct Frequencies {
    zipf: Map<&'static [u8]>,
    /// The list as shipped, most frequent first.
    text: &'static str,
}

static INDONESIAN: LazyLock<Frequencies> = LazyLock::new(|| {
    Frequencies::new(
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-id.fst")),
        include_str!("../../rules/wordfreq/id.tsv"),
    )
});
static ENGLISH: LazyLock<Frequencies> = LazyLock::new(|| {
    Frequencies::new(
        include_bytes!(concat!(env!("OUT_DIR"), "/wordfreq-en.fst")),
        include_str!("../../rules/wordfreq/en.tsv"),
    )
});

/// Indonesian word forms (affixed forms included) as written on the web, in subtitles and news.
pub fn indonesian() -> &'static Frequencies {
    &INDONESIAN
}

/// English word forms.
pub fn english() -> &'static Frequencies {
    &ENGLISH
}

impl Frequencies {
    fn new(map: &'static [u8], text: &'static str) -> Frequencies {
        Frequencies {
            zipf: Map::new(map).expect("build.rs writes each word list as an fst map"),
            text,
        }
    }

    /// The Zipf frequency of a lower-case word, when the list has it.
    pub fn zipf(&self, word: &str) -> Option<f32> {
        self.zipf.get(word).map(zipf_list::from_hundredths)
    }

    pub fn contains(&self, word: &str) -> bool {
        self.zipf.contains_key(word)
    }

    /// Every word, most frequent first.
    pub fn words(&self) -> impl Iterator<Item = &'static str> + use<> {
        zipf_list::entries(self.text).map(|(word, _)| word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_lists_parses_and_is_compiled() {
        for list in [indonesian(), english()] {
            let lines = list.text.lines().filter(|l| !l.starts_with('#')).count();
            assert_eq!(zipf_list::entries(list.text).count(), lines);
            for (word, zipf) in zipf_list::entries(list.text) {
                assert_eq!(list.zipf(word), Some(zipf), "{word}");
            }
            assert_eq!(list.zipf.len(), lines);
        }
    }

    #[test]
    fn news_words_are_frequent() {
        let id = indonesian();
        let yang = id.zipf("yang").expect("the most common Indonesian word");
        let bilateral = id.zipf("bilateral").expect("a news word");
        assert!(yang > bilateral && bilateral >= 3.0);
        assert!(id.zipf("bilabial").is_none());
        assert_eq!(id.words().next(), Some("yang"));
        assert!(english().contains("things"));
    }
}
