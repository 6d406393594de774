//! What keeps a phrase rule's entries from costing without bound. A newsroom's entries come from
//! its `lintas.toml`, which CI may take from a contributor's pull request: a regex is compiled
//! within fixed limits of size and number, and an entry whose replacement it would flag again
//! (the text growing with every round of fixes) is refused when the rule is built.

use regex::{Regex, RegexBuilder};

use crate::data::schema::{Entry, FixKind};

/// The most regexes (`regex` and `unless-sentence`) a rule's entries from a configuration may
/// hold: each one searches every document whole, and a newsroom needs a handful.
pub const MAX_REGEXES: usize = 100;
/// The longest pattern, in bytes, a regex may be written with.
pub const MAX_PATTERN: usize = 1000;
/// The most memory one compiled regex may take; its lazy DFA's cache gets as much again, per
/// thread. With [`MAX_REGEXES`] and `--threads`' bound, memory stays bounded whatever the file.
const REGEX_SIZE: usize = 1 << 20;

/// Compile `pattern` within the limits, or say why it is refused.
pub fn compile(pattern: &str) -> Result<Regex, String> {
    if pattern.len() > MAX_PATTERN {
        return Err(format!(
            "{} bytes long, more than the {MAX_PATTERN} allowed",
            pattern.len()
        ));
    }
    RegexBuilder::new(pattern)
        .size_limit(REGEX_SIZE)
        .dfa_size_limit(REGEX_SIZE)
        .build()
        .map_err(|e| e.to_string())
}

/// What in `entry`'s replacement the entry would flag again, if its fix may be applied: then
/// each round of fixes would grow the text. `regex` is the entry's compiled regex; `clitics`,
/// whether its rule matches a phrase with a clitic attached.
///
/// A phrase is looked for as the matcher finds it: ignoring ASCII case unless the entry is
/// case-sensitive, where a word starts and ends (or a clitic follows). A regex's replacement is
/// read as written (`$1` not expanded); what expanding makes is bounded by the fix loop.
pub fn flagged_again(entry: &Entry, regex: Option<&Regex>, clitics: &[&str]) -> Option<String> {
    let replace = entry.replace.as_deref()?;
    if entry.fix == FixKind::None {
        return None;
    }
    if let Some(re) = regex {
        return (re.find_iter(replace))
            .find(|m| !m.is_empty())
            .map(|m| m.as_str().to_string());
    }
    // With `pairs-with`, the fix replaces the word the phrase pairs with.
    let pair = entry
        .pairs_with
        .as_ref()
        .map(|p| std::slice::from_ref(&p.word));
    let fold = |s: &str| {
        if entry.case_sensitive {
            s.to_string()
        } else {
            s.to_ascii_lowercase()
        }
    };
    let haystack = fold(replace);
    pair.unwrap_or(&entry.phrases)
        .iter()
        .find(|phrase| {
            let needle = fold(phrase);
            haystack
                .match_indices(needle.as_str())
                .any(|(at, _)| is_word(&haystack, at, at + needle.len(), clitics))
        })
        .cloned()
}

/// Whether `text[start..end]` is a word (or words) of its own, or one with a clitic attached.
fn is_word(text: &str, start: usize, end: usize, clitics: &[&str]) -> bool {
    let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let rest = &text[end..];
    let ends = |from: &str| !letter(from.chars().next());
    !letter(text[..start].chars().next_back())
        && (ends(rest)
            || clitics
                .iter()
                .any(|c| rest.strip_prefix(c).is_some_and(ends)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(toml: &str) -> Entry {
        toml::from_str(&format!("{toml}\nsource = \"x\"")).expect("an entry")
    }

    #[test]
    fn a_replacement_holding_its_phrase_as_a_word_is_flagged() {
        let again = |toml: &str, clitics: &[&str]| flagged_again(&entry(toml), None, clitics);
        assert_eq!(
            again("match = \"akhir hari\"\nreplace = \"Pada Akhir Hari\"", &[]),
            Some("akhir hari".to_string())
        );
        // Inside a longer word it is not found again: “respon” → “respons” is fine.
        assert_eq!(
            again("match = \"respon\"\nreplace = \"respons\"", &[]),
            None
        );
        assert_eq!(
            again("match = \"karir\"\nreplace = \"karirnya\"", &["nya"]),
            Some("karir".to_string())
        );
        assert_eq!(
            again("match = \"karir\"\nreplace = \"karirnya\"", &[]),
            None
        );
        assert_eq!(
            again(
                "match = \"MOU\"\nreplace = \"MoU\"\ncase-sensitive = true",
                &[]
            ),
            None
        );
        assert_eq!(
            again("match = \"x\"\nreplace = \"x x\"\nfix = \"none\"", &[]),
            None
        );
        let pair = "match = \"baik\"\npairs-with = { word = \"dan\", within = 60 }";
        assert_eq!(again(&format!("{pair}\nreplace = \"maupun\""), &[]), None);
        assert_eq!(
            again(&format!("{pair}\nreplace = \"dan juga\""), &[]),
            Some("dan".to_string())
        );
    }

    #[test]
    fn a_regex_matching_its_replacement_is_flagged() {
        let e = entry("regex = 'hari+'\nreplace = \"harii\"");
        let re = compile("hari+").expect("compiles");
        assert_eq!(flagged_again(&e, Some(&re), &[]), Some("harii".to_string()));
        let e = entry("regex = 'a*'\nreplace = \"b\"");
        let re = compile("a*").expect("compiles");
        assert_eq!(flagged_again(&e, Some(&re), &[]), None, "empty matches");
    }

    #[test]
    fn patterns_are_bounded() {
        assert!(compile(&"a".repeat(MAX_PATTERN)).is_ok());
        let long = compile(&"a".repeat(MAX_PATTERN + 1)).expect_err("too long");
        assert!(long.contains("1001 bytes long"), "{long}");
        let large = compile(r"\w{100}").expect_err("too large compiled");
        assert!(large.contains("size limit"), "{large}");
    }
}
