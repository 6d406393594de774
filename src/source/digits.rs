//! The tokens that hold a digit, found once per document (on first use: see `Document::digits`).
//!
//! Dates, clock times and amounts all hold a digit, and most of a news text holds none. The rules
//! that look for them visit these tokens (and their neighbours) instead of every token, and the
//! digits are looked for eight bytes at a time, with word arithmetic: a stretch of plain text
//! costs about one instruction a byte.

use super::Token;

/// Every byte of a word: multiplied by a byte value, that value in each of the eight bytes.
const EACH: u64 = u64::from_le_bytes([1; 8]);
const HIGH_BITS: u64 = EACH * 0x80;

/// The indexes of the tokens holding a digit of any script (`25`, `10AM`, `Rp75.000`, `٢٠٢٥`),
/// in order: every number among them.
pub(super) fn digit_tokens(text: &str, tokens: &[Token]) -> Vec<usize> {
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(at) = next_digit(text, from) {
        // Tokens cover the text in order, so one of them holds `at`.
        let token = tokens.partition_point(|t| t.end <= at);
        let Some(holding) = tokens.get(token) else {
            break;
        };
        found.push(token);
        from = holding.end;
    }
    found
}

/// The offset of the first digit of any script at or after `from`. Four words of eight bytes
/// are tested together, and only a block with a flag is looked into.
fn next_digit(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut blocks = bytes.get(from..)?.chunks_exact(32);
    let mut at = from;
    for block in blocks.by_ref() {
        let flags = block
            .chunks_exact(8)
            .fold(0, |flags, word| flags | may_start_digits(load(word)));
        if flags != 0 {
            for (i, word) in block.chunks_exact(8).enumerate() {
                if let Some(digit) = digit_in_word(text, at + 8 * i, word) {
                    return Some(digit);
                }
            }
        }
        at += 32;
    }
    blocks
        .remainder()
        .chunks(8)
        .enumerate()
        .find_map(|(i, word)| digit_in_word(text, at + 8 * i, word))
}

/// Up to eight bytes as one word, the first lowest, padded with zeros (which are no digit).
pub fn load(word: &[u8]) -> u64 {
    let mut padded = [0; 8];
    padded[..word.len()].copy_from_slice(word);
    u64::from_le_bytes(padded)
}

/// The offset of the first digit of any script starting in `word`, the (up to) eight bytes of
/// `text` at `at`.
fn digit_in_word(text: &str, at: usize, word: &[u8]) -> Option<usize> {
    let mut flagged = may_start_digits(load(word));
    while flagged != 0 {
        let i = at + flagged.trailing_zeros() as usize / 8;
        let b = text.as_bytes()[i];
        if b.is_ascii_digit()
            || (text.is_char_boundary(i) && text[i..].chars().next().is_some_and(char::is_numeric))
        {
            return Some(i);
        }
        flagged &= flagged - 1;
    }
    None
}

/// The high bit of each byte of `word` (eight bytes, the first lowest) that may start a digit:
/// an ASCII digit, or any non-ASCII byte (a digit of another script starts with one). Computed
/// for all eight bytes at once; a digit's borrow may also flag bytes after it, so only the
/// lowest flag up to the first digit is exact, and that is all [`digit_in_word`] reads.
fn may_start_digits(word: u64) -> u64 {
    // ASCII digits become the bytes 0 to 9; every other ASCII byte 10 or more.
    let from_zero = word ^ (EACH * u64::from(b'0'));
    let below_ten = from_zero.wrapping_sub(EACH * 10) & !from_zero;
    (word | below_ten) & HIGH_BITS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::tokenize;

    fn holding_digits(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        digit_tokens(text, &tokens)
            .iter()
            .map(|&i| tokens[i].text(text))
            .collect()
    }

    #[test]
    fn finds_every_token_with_a_digit() {
        assert_eq!(
            holding_digits("Pada 25/1/2025 pukul 10AM, harga Rp75.000 dan B2B naik."),
            ["25/1/2025", "10AM", "Rp75.000", "B2B"]
        );
        // Digits of other scripts, after non-ASCII letters and across block boundaries.
        let long = format!(
            "{}“kutipan” é ٢٠٢٥ lalu ½ {} 7",
            "a ".repeat(20),
            "b".repeat(40)
        );
        assert_eq!(holding_digits(&long), ["٢٠٢٥", "½", "7"]);
        assert!(holding_digits("").is_empty());
        assert!(holding_digits("tanpa angka “sama sekali”").is_empty());
    }
}
