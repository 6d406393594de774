//! A phrase rule's file: the phrases it flags, their replacements, and what the text around a
//! phrase must hold for it to be flagged.

use serde::Deserialize;

use super::{Checked, Localized, Problem, RuleDoc};

/// A phrase rule: `[rule]`, `[phrases]` and `[[entry]]`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhraseRuleFile {
    pub rule: RuleDoc,
    pub phrases: PhraseSettings,
    #[serde(default)]
    pub entry: Vec<Entry>,
}

/// How a phrase rule reports its entries.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct PhraseSettings {
    /// Message when the entry has a replacement; `{found}` and `{replace}` are filled in.
    pub message: Localized,
    /// Message when it has none; `{found}` and `{help}` are filled in.
    pub message_no_fix: Option<Localized>,
    /// Skip quoted speech unless an entry says otherwise (informal register is the speaker's).
    #[serde(default)]
    pub outside_quotes: bool,
    /// A phrase also matches with a clitic attached (`karirnya` is `karir` + `-nya`), and the
    /// replacement keeps it (`kariernya`), so a list of words need not spell out every clitic.
    #[serde(default)]
    pub clitics: bool,
}

/// Whether and how an entry's replacement may be applied.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixKind {
    #[default]
    Safe,
    Unsafe,
    /// Shown as help, never applied.
    None,
}

/// One entry of a phrase rule.
#[derive(Clone, Debug, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Entry {
    /// How `disable` names it; defaults to the phrase itself, lower-case.
    pub id: Option<String>,
    /// Literal phrases, matched case-insensitively on word boundaries: one, or several that
    /// share the entry's conditions (`["di mana", "yang mana"]`).
    #[serde(rename = "match", default, deserialize_with = "one_or_many")]
    pub phrases: Vec<String>,
    /// A regex, for a pattern a phrase cannot say (a newsroom's own entries only). A group named
    /// `x` narrows the flagged span; a match in which `x` takes no part is not flagged.
    pub regex: Option<String>,
    /// The replacement (`$1` expands regex groups); the phrase's case is kept.
    pub replace: Option<String>,
    #[serde(default)]
    pub fix: FixKind,
    /// Shown when there is no replacement, or to explain a choice.
    pub help: Option<Localized>,
    /// Overrides the rule's message template.
    pub message: Option<Localized>,
    #[serde(default)]
    pub case_sensitive: bool,
    /// Overrides the rule's `outside-quotes`.
    pub outside_quotes: Option<bool>,
    /// Only where a sentence starts (“Bagaimanapun,” for “However,”).
    #[serde(default)]
    pub sentence_start: bool,
    /// Not in a sentence this regex matches.
    pub unless_sentence: Option<String>,
    /// Not in a sentence holding one of these words or marks: a question (`?`) for an
    /// interrogative “di mana”, a `maupun` already paired with `baik`.
    #[serde(default)]
    pub unless_sentence_has: Vec<String>,
    /// The word after the phrase must be one of these.
    pub next: Option<NextWord>,
    /// The word after the phrase must not be one of these.
    pub unless_next: Option<NextWord>,
    /// The word before the phrase must be one of these: a form that is also a name is flagged
    /// only where its context makes it the common word (`bulan Ramadhan`, not `Ahmad Ramadhan`).
    pub previous: Option<NextWord>,
    /// What must come right before the phrase.
    pub after: Option<After>,
    /// The finding is a word the phrase pairs with later in its clause, not the phrase.
    pub pairs_with: Option<Pair>,
    /// Only checked when the rule's `strict` option is on: a norm that edited news commonly
    /// departs from by house style (compound spacing beyond the classic cases).
    #[serde(default)]
    pub strict: bool,
    /// Where the norm comes from (KBBI entry, EYD V section, style guide).
    pub source: String,
}

/// Words or beginnings one of which must (or must not) come next (or before), across at least
/// one blank.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct NextWord {
    /// Whole words or phrases, any case: `di`, `nota kesepahaman`.
    #[serde(default)]
    pub words: Vec<String>,
    /// Beginnings of the next word, any case: `me` for a prefixed verb.
    #[serde(default)]
    pub starts: Vec<String>,
    /// A number (a word starting with a digit).
    #[serde(default)]
    pub number: bool,
}

/// What must come right before a phrase, blanks aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum After {
    /// A comma: “…, di mana …”.
    Comma,
    /// The start of a clause: a line's start, a comma, semicolon, colon, opening bracket or
    /// quotation mark, or a sentence's end followed by a blank.
    ClauseStart,
}

/// A word later in the phrase's clause that the phrase pairs with: the finding is that word's
/// (“baik … dan” flags the “dan”, which should be “maupun”).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Pair {
    pub word: String,
    /// How many characters may stand between the phrase's next word and the paired word.
    pub within: usize,
}

/// `match = "x"` or `match = ["x", "y"]`, read without buffering either form: a shipped list
/// holds hundreds of entries, read at every start.
fn one_or_many<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct OneOrMany;

    impl<'de> serde::de::Visitor<'de> for OneOrMany {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a phrase or a list of phrases")
        }

        fn visit_str<E: serde::de::Error>(self, phrase: &str) -> Result<Vec<String>, E> {
            Ok(vec![phrase.to_string()])
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Vec<String>, A::Error> {
            let mut phrases = Vec::new();
            while let Some(phrase) = seq.next_element()? {
                phrases.push(phrase);
            }
            Ok(phrases)
        }
    }

    d.deserialize_any(OneOrMany)
}

impl Entry {
    /// How `disable` names the entry.
    pub fn id(&self) -> String {
        self.id
            .clone()
            .or_else(|| self.phrases.first().map(|p| p.to_lowercase()))
            .or_else(|| self.regex.clone())
            .unwrap_or_default()
    }

    /// Whether the entry flags its phrase only in some contexts (a following word, a sentence
    /// start, a pair): then the phrase is not wrong in itself.
    pub fn is_contextual(&self) -> bool {
        self.next.is_some()
            || self.unless_next.is_some()
            || self.previous.is_some()
            || self.after.is_some()
            || self.pairs_with.is_some()
            || self.sentence_start
            || self.unless_sentence.is_some()
            || !self.unless_sentence_has.is_empty()
    }

    /// What is wrong with the entry's fields together (its regexes aside: they are compiled
    /// where they are read).
    pub fn faults(&self) -> Vec<String> {
        let mut faults = Vec::new();
        let phrase_only = [
            (self.next.is_some(), "next"),
            (self.unless_next.is_some(), "unless-next"),
            (self.previous.is_some(), "previous"),
            (self.after.is_some(), "after"),
            (self.pairs_with.is_some(), "pairs-with"),
        ];
        for (given, key) in phrase_only {
            if given && self.phrases.is_empty() {
                faults.push(format!("`{key}` needs a `match` phrase"));
            }
        }
        match (self.phrases.as_slice(), &self.regex) {
            ([_, ..], Some(_)) => {
                faults.push("an entry has either `match` or `regex`, not both".into())
            }
            ([], None) => faults.push("an entry needs `match` or `regex`".into()),
            ([_, _, ..], None) if self.id.is_none() => {
                faults.push("an entry with several phrases needs an `id`".into());
            }
            _ => {}
        }
        for p in &self.phrases {
            if p.trim().is_empty() {
                faults.push("empty `match`".into());
            } else if !p.starts_with(char::is_alphabetic) {
                // The phrase matcher looks only where a word starts.
                faults.push(format!(
                    "`match` “{p}” must start with a letter: a phrase is looked for where a word \
                     starts (write a `regex` for anything else)"
                ));
            }
        }
        if self.source.trim().is_empty() {
            faults.push(format!("entry “{}” has no source", self.id()));
        }
        faults
    }
}

impl Checked for PhraseRuleFile {
    fn problems(&self) -> Vec<Problem> {
        let mut problems = self.rule.problems();
        if self.rule.fixable.is_some() {
            problems.push(Problem::in_file(
                "rule",
                "a phrase rule is fixable when an entry has a replacement: `fixable` is not set",
            ));
        }
        let mut ids = std::collections::HashSet::new();
        for (i, e) in self.entry.iter().enumerate() {
            for fault in e.faults() {
                problems.push(Problem::at("entry", i, fault));
            }
            if e.regex.is_some() {
                problems.push(Problem::at(
                    "entry",
                    i,
                    "a shipped entry is a phrase: a regex would search every document whole",
                ));
            }
            if !ids.insert(e.id()) {
                problems.push(Problem::at(
                    "entry",
                    i,
                    format!("entry id “{}” is used twice", e.id()),
                ));
            }
        }
        problems
    }
}
