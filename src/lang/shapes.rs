//! Word shapes: which first bytes and byte lengths the names of a closed list have, built at
//! compile time from the list itself.
//!
//! Date and number scans look at every word of a text for the few that are month names, weekday
//! names or currencies. Asking the list about each word costs dozens of comparisons; asking its
//! shape costs one table lookup, and turns away nearly every word before any comparison.

/// Whether a list's names may be written in another case than the list has them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Case {
    /// The first letter as listed (`Mar`, not `mar`).
    AsListed,
    /// Either case of the first letter (`januari`, `JANUARI`).
    Any,
}

/// For each first byte, the byte lengths of the names that start with it (bit `n` for `n`
/// bytes; names are shorter than 16 bytes).
#[derive(Clone, Copy, Debug)]
pub struct Shapes([u16; 256]);

impl Shapes {
    pub const NONE: Shapes = Shapes([0; 256]);

    /// These shapes and those of `names`.
    pub const fn with(mut self, names: &[&str], case: Case) -> Shapes {
        let mut i = 0;
        while i < names.len() {
            self = self.with_name(names[i], case);
            i += 1;
        }
        self
    }

    /// These shapes and that of `name`.
    pub const fn with_name(mut self, name: &str, case: Case) -> Shapes {
        let bytes = name.as_bytes();
        assert!(
            !bytes.is_empty() && bytes.len() < 16,
            "a listed name has 1 to 15 bytes"
        );
        let length = 1 << bytes.len();
        let first = bytes[0];
        self.0[first as usize] |= length;
        if let Case::Any = case {
            self.0[first.to_ascii_lowercase() as usize] |= length;
            self.0[first.to_ascii_uppercase() as usize] |= length;
        }
        self
    }

    /// Whether some name starts with the first byte of `word` and is as long: if not, `word` is
    /// none of them. Bytes, not text: a token's bytes are taken without the checks of slicing
    /// text, which would cost more than this test.
    #[inline]
    pub fn fit(&self, word: &[u8]) -> bool {
        word.first()
            .is_some_and(|&b| word.len() < 16 && self.0[usize::from(b)] & (1 << word.len()) != 0)
    }

    /// Whether some name starts with the first byte of `word`, whatever its length.
    #[inline]
    pub fn initial(&self, word: &[u8]) -> bool {
        word.first().is_some_and(|&b| self.0[usize::from(b)] != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHAPES: Shapes = Shapes::NONE
        .with(&["Mei", "Juli"], Case::Any)
        .with_name("Agt", Case::AsListed);

    #[test]
    fn fits_first_byte_and_length() {
        for word in ["Mei", "mei", "MEI", "Mau", "Juli", "jual", "Agt", "Ada"] {
            assert!(SHAPES.fit(word.as_bytes()), "{word}");
        }
        for word in ["Maret", "agt", "Jul", "", "Mei-Juli", "Juli yang lalu saja"] {
            assert!(!SHAPES.fit(word.as_bytes()), "{word}");
        }
        assert!(SHAPES.initial(b"Agustus"));
        assert!(!SHAPES.initial(b"agustus"));
        assert!(!SHAPES.initial(b""));
    }
}
