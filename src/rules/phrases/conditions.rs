//! What a phrase entry asks of the text around a match (`data::schema::Entry`): the word after
//! it, what comes before it, a word it pairs with later in its clause, and words its sentence must
//! not hold. Written as data where a regex could say it, so a phrase list stays one walk of a
//! trie where words start.

use crate::data::schema::{After, NextWord, Pair};

impl NextWord {
    /// Whether the text right after `end` is one of these, after at least one blank.
    pub fn follows(&self, text: &str, end: usize) -> bool {
        let Some(rest) = after_blanks(text, end) else {
            return false;
        };
        self.words.iter().any(|w| starts_with_word(rest, w))
            || self.starts.iter().any(|s| starts_ignoring_case(rest, s))
            || (self.number && rest.starts_with(|c: char| c.is_numeric()))
    }

    /// Whether the text right before `start` is one of these, after at least one blank.
    pub fn precedes(&self, text: &str, start: usize) -> bool {
        let before = &text[..start];
        let rest = before.trim_end_matches(char::is_whitespace);
        if rest.len() == before.len() {
            return false;
        }
        let word = &rest[rest.trim_end_matches(is_word_char).len()..];
        !word.is_empty()
            && (self.words.iter().any(|w| ends_with_word(rest, w))
                || self.starts.iter().any(|s| starts_ignoring_case(word, s))
                || (self.number && word.chars().all(char::is_numeric)))
    }
}

impl After {
    /// Whether what comes before `start` in `text` is this.
    pub fn holds(self, text: &str, start: usize) -> bool {
        let before = &text[..start];
        let marked = before.trim_end_matches(char::is_whitespace);
        let blanks = &before[marked.len()..];
        let mark = marked.chars().next_back();
        match self {
            After::Comma => mark == Some(','),
            After::ClauseStart => match mark {
                None => true,
                _ if blanks.contains('\n') => true,
                Some(',' | ';' | ':' | '(' | '“' | '"') => true,
                Some('.' | '!' | '?') => !blanks.is_empty(),
                Some(_) => false,
            },
        }
    }
}

/// Characters that end a clause: the pair is looked for before them.
const CLAUSE_ENDS: &[char] = &['.', ';', ':', '!', '?', ',', '“', '”', '"', '\n'];

impl Pair {
    /// The span of the first paired word after a phrase ending at `end`: a whole word with blanks
    /// on both sides, after at least one other character of the same clause, at most `within`
    /// characters from the first one after the phrase's blanks.
    pub fn find(&self, text: &str, end: usize) -> Option<std::ops::Range<usize>> {
        let rest = after_blanks(text, end)?;
        let from = text.len() - rest.len();
        for (between, (at, c)) in rest.char_indices().enumerate() {
            if between >= 1 && c.is_whitespace() {
                let word_start = from + at + c.len_utf8();
                let after = &text[word_start..];
                let word_end = word_start + self.word.len();
                if starts_ignoring_case(after, &self.word)
                    && text[word_end..].starts_with(char::is_whitespace)
                {
                    return Some(word_start..word_end);
                }
            }
            if CLAUSE_ENDS.contains(&c) || between + 1 > self.within {
                return None;
            }
        }
        None
    }
}

/// Whether `sentence` holds one of `items`: a word (any case, whole) or a mark (`?`).
pub fn sentence_has(sentence: &str, items: &[String]) -> bool {
    items.iter().any(|item| {
        if !item.starts_with(is_word_char) {
            return sentence.contains(item.as_str());
        }
        sentence.char_indices().any(|(at, c)| {
            let whole_start = !sentence[..at].ends_with(is_word_char);
            whole_start && is_word_char(c) && starts_with_word(&sentence[at..], item)
        })
    })
}

/// The text after the blanks at `end`, if there is at least one.
fn after_blanks(text: &str, end: usize) -> Option<&str> {
    let rest = &text[end..];
    let trimmed = rest.trim_start_matches(char::is_whitespace);
    (trimmed.len() < rest.len()).then_some(trimmed)
}

/// Whether `text` starts with `prefix`, ignoring the case of ASCII letters.
fn starts_ignoring_case(text: &str, prefix: &str) -> bool {
    text.as_bytes()
        .get(..prefix.len())
        .is_some_and(|start| start.eq_ignore_ascii_case(prefix.as_bytes()))
}

/// Whether `text` starts with the word or phrase `word` (any case), not followed by a letter or
/// digit.
fn starts_with_word(text: &str, word: &str) -> bool {
    starts_ignoring_case(text, word) && !text[word.len()..].starts_with(is_word_char)
}

/// Whether `text` ends with the word or phrase `word` (any case), not preceded by a letter or
/// digit.
fn ends_with_word(text: &str, word: &str) -> bool {
    let Some(at) = text.len().checked_sub(word.len()) else {
        return false;
    };
    text.is_char_boundary(at)
        && text[at..].eq_ignore_ascii_case(word)
        && !text[..at].ends_with(is_word_char)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_words_beginnings_and_numbers() {
        let next = NextWord {
            words: vec!["di".into(), "nota kesepahaman".into()],
            starts: vec!["me".into()],
            number: true,
        };
        let follows = |text: &str| next.follows(text, 1);
        assert!(follows("x di sana") && follows("x\nDi") && follows("x Nota Kesepahaman."));
        assert!(follows("x membuka") && follows("x 10 orang"));
        assert!(!follows("x dia") && !follows("xdi") && !follows("x nota") && !follows("x"));
    }

    #[test]
    fn previous_words_beginnings_and_numbers() {
        let previous = NextWord {
            words: vec!["bulan".into(), "hari raya".into()],
            starts: vec!["menjelang".into()],
            number: true,
        };
        let precedes = |text: &str| previous.precedes(text, text.find('#').expect("a marker"));
        assert!(precedes("pada bulan #") && precedes("Bulan\n#") && precedes("Hari Raya #"));
        assert!(precedes("menjelangnya #") && precedes("tanggal 1 #"));
        assert!(!precedes("Ahmad #") && !precedes("sebulan #") && !precedes("bulan, #"));
        assert!(!precedes("bulan#") && !precedes("#") && !precedes("raya #"));
    }

    #[test]
    fn what_comes_before() {
        let at = |text: &str| text.find('#').expect("a marker");
        let holds = |after: After, text: &str| after.holds(text, at(text));
        assert!(holds(After::Comma, "Medan, #") && holds(After::Comma, "Medan,#"));
        assert!(!holds(After::Comma, "Medan #"));
        for text in ["#", "a.\n  #", "a, #", "(#", "“#", "Ia datang. #", "a;#"] {
            assert!(holds(After::ClauseStart, text), "{text:?}");
        }
        for text in ["hasilnya #", "a.#"] {
            assert!(!holds(After::ClauseStart, text), "{text:?}");
        }
    }

    #[test]
    fn pairs_within_a_clause() {
        let pair = Pair {
            word: "dan".into(),
            within: 10,
        };
        fn found<'t>(pair: &Pair, text: &'t str) -> Option<&'t str> {
            pair.find(text, 4).map(|s| &text[s])
        }
        let found = |text| found(&pair, text);
        assert_eq!(found("baik tua dan muda"), Some("dan"));
        assert_eq!(found("baik tua\nDAN muda"), Some("DAN"));
        assert_eq!(found("baik tua, dan muda"), None);
        assert_eq!(found("baik dan muda"), None);
        assert_eq!(found("baik tuaaaaaaaaa dan muda"), None);
        assert_eq!(found("baik tua dandan"), None);
    }

    #[test]
    fn sentences_holding_words_or_marks() {
        let has = |s: &str, item: &str| sentence_has(s, &[item.to_string()]);
        assert!(has("A maupun B", "maupun") && has("Maupun B", "maupun"));
        assert!(!has("A maupunlah", "maupun") && !has("Amaupun", "maupun"));
        assert!(has("Di mana?", "?") && !has("Di mana.", "?"));
    }
}
