//! The Indonesian dictionary: Hunspell's stems and affix rules (Debian `hunspell-id`, LGPL-3,
//! shipped unmodified in `rules/hunspell-id/`) read by `spellbook`, with the clitics Hunspell's
//! affix rules miss stripped before asking (`memberikannya`).
//!
//! The built-in dictionary is parsed once, on first use, and shared by every thread; a user's
//! own `.aff`/`.dic` (`[rules.spelling] dictionary = "path/id_ID"`) is loaded the same way.

use std::borrow::Cow;
use std::path::Path;
use std::sync::{Arc, LazyLock, OnceLock};

use anyhow::Context;

use crate::lang::morphology;
use crate::lang::verdicts::Verdicts;

/// A Hunspell dictionary and its stems.
pub struct Dictionary {
    hunspell: spellbook::Dictionary,
    /// The `.dic` text, read for its stems only when a suggestion is first needed.
    dic: Cow<'static, str>,
    /// The `.dic`'s stems as written (`aba-aba`, `Jakarta`), for suggestions.
    stems: OnceLock<Vec<Box<str>>>,
    /// Hunspell takes microseconds a word; news repeats its words.
    verdicts: Verdicts,
}

static BUILTIN: LazyLock<Arc<Dictionary>> = LazyLock::new(|| {
    Arc::new(
        Dictionary::from_hunspell(
            include_str!("../../rules/hunspell-id/id_ID.aff"),
            include_str!("../../rules/hunspell-id/id_ID.dic"),
        )
        .expect("the shipped hunspell-id dictionary parses (a unit test holds it)"),
    )
});

/// The dictionary shipped with lintas.
pub fn builtin() -> Arc<Dictionary> {
    Arc::clone(&BUILTIN)
}

impl Dictionary {
    pub fn from_hunspell(
        aff: &str,
        dic: impl Into<Cow<'static, str>>,
    ) -> Result<Dictionary, spellbook::ParseDictionaryError> {
        let dic = dic.into();
        let hunspell = spellbook::Dictionary::new(aff, &dic)?;
        Ok(Dictionary {
            hunspell,
            dic,
            stems: OnceLock::new(),
            verdicts: Verdicts::default(),
        })
    }

    /// `path.aff` and `path.dic` (`path` is e.g. `kamus/id_ID`); errors name the file at fault.
    pub fn load(path: &Path) -> anyhow::Result<Dictionary> {
        let read = |ext: &str| {
            let file = path.with_extension(ext);
            std::fs::read_to_string(&file)
                .with_context(|| format!("cannot read the dictionary file {}", file.display()))
                .map(|text| (file, text))
        };
        let (aff_path, aff) = read("aff")?;
        let (dic_path, dic) = read("dic")?;
        Dictionary::from_hunspell(&aff, dic).map_err(|e| {
            anyhow::anyhow!(
                "{} / {}: not a Hunspell dictionary: {e}",
                aff_path.display(),
                dic_path.display()
            )
        })
    }

    /// Whether `word` (one word, no hyphen parts) is a form of the language: as written, or in
    /// lower case once its clitics are off (`Memberikannya` → `memberikan`).
    pub fn knows(&self, word: &str) -> bool {
        if word.is_empty() {
            return false;
        }
        self.verdicts.get_or(word, || self.check(word))
    }

    fn check(&self, word: &str) -> bool {
        // Without its clitics first: Hunspell is slow to reject a clitic it has no rule for.
        let lower = word.to_lowercase();
        morphology::without_clitics(&lower)
            .into_iter()
            .any(|stem| self.hunspell.check(stem))
            || self.hunspell.check(word)
            || (lower != word && self.hunspell.check(&lower))
    }

    /// The stems as listed, for suggestion candidates.
    pub fn stems(&self) -> &[Box<str>] {
        self.stems.get_or_init(|| {
            self.dic
                .lines()
                .skip(1)
                .filter_map(|l| l.split('/').next())
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Box::from)
                .collect()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_clitics() {
        let d = builtin();
        for word in [
            "menguntungkan",
            "kemitraan",
            "berkelanjutan",
            "memberikannya",
            "pengalamannya",
            "tambahnya",
            "Kemitraan",
            "bilateral",
            "Jakarta",
        ] {
            assert!(d.knows(word), "{word}");
        }
        for word in ["bilantial", "pemerintha", "", "jakarta"] {
            assert!(!d.knows(word), "{word}");
        }
        assert!(d.stems().iter().any(|s| &**s == "aba-aba"));
    }

    #[test]
    fn another_dictionary_from_files() {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let base = dir.path().join("kecil");
        std::fs::write(base.with_extension("aff"), "SET UTF-8\n").expect("writes");
        std::fs::write(base.with_extension("dic"), "2\nkopi\nteh\n").expect("writes");
        let d = Dictionary::load(&base).expect("loads");
        assert!(d.knows("kopi") && d.knows("kopinya") && !d.knows("susu"));
        let err = Dictionary::load(&dir.path().join("tidak-ada"))
            .err()
            .expect("missing files");
        assert!(err.to_string().contains("tidak-ada.aff"), "{err}");
    }
}
