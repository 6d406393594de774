//! Every word form a Hunspell dictionary accepts, generated forwards from its `.aff` and `.dic`,
//! so that lintas can ship the built-in dictionary as a compiled set (built by `build.rs`)
//! instead of parsing it and searching its affix rules on every run.
//!
//! The expansion follows the affix combinations Hunspell (and `spellbook`, which ports Nuspell)
//! checks when compounding is off, each with its own conditions (`man 5 hunspell`):
//! - the stem alone, unless it carries the `NEEDAFFIX` flag;
//! - one suffix or one prefix whose flag the stem carries, neither of them a `CIRCUMFIX` part;
//! - a prefix and a suffix, both cross-product: the stem carries one of them and the other is
//!   carried by the stem or allowed by the first one's continuation class; both circumfix parts
//!   or neither;
//! - two suffixes (twofold suffixes): the outer one in the inner one's continuation class;
//! - a prefix and two suffixes, the prefix licensed by the stem or by either suffix.
//!
//! Directives this expander does not implement (compounding, `COMPLEXPREFIXES`, input
//! conversion, `KEEPCASE`, `FORBIDDENWORD`, custom `BREAK`s, flag aliases…) are an error rather
//! than a silently different dictionary.
//!
//! Self-contained (std only): `build.rs` includes this file.

use std::collections::HashSet;

/// The word forms of a dictionary, each list sorted and without repeats.
pub struct Forms {
    /// Forms of the `.dic` entries as written.
    pub plain: Vec<String>,
    /// Forms of the title-case copies Hunspell adds for mixed-case and all-caps entries with
    /// flags (`Bosnia-herzegovina` for `Bosnia-Herzegovina`): accepted only where a word is
    /// tried in another case than it was written, never for a title-case word as written.
    pub hidden: Vec<String>,
}

type Flag = u32;

/// How flags are written: one character each, or two (`FLAG long`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum FlagKind {
    Char,
    Long,
}

struct Affix {
    flag: Flag,
    cross_product: bool,
    strip: String,
    add: String,
    /// Continuation classes: flags of affixes allowed on top of this one.
    next: Vec<Flag>,
    condition: Condition,
}

/// An affix condition: a tiny regular expression on the stem's start (prefixes) or end
/// (suffixes), one unit per character.
struct Condition(Vec<Unit>);

enum Unit {
    Any,
    Char(char),
    /// `[abc]`, or `[^abc]` when negated.
    Class {
        negated: bool,
        chars: Vec<char>,
    },
}

impl Condition {
    fn parse(pattern: Option<&str>) -> Condition {
        let mut units = Vec::new();
        let mut chars = pattern.unwrap_or(".").chars();
        while let Some(c) = chars.next() {
            units.push(match c {
                '.' => Unit::Any,
                '[' => {
                    let mut class: Vec<char> = chars.by_ref().take_while(|&c| c != ']').collect();
                    let negated = class.first() == Some(&'^');
                    if negated {
                        class.remove(0);
                    }
                    Unit::Class {
                        negated,
                        chars: class,
                    }
                }
                c => Unit::Char(c),
            });
        }
        Condition(units)
    }

    fn matches_chars(&self, mut chars: impl Iterator<Item = char>) -> bool {
        self.0.iter().all(|unit| {
            chars.next().is_some_and(|c| match unit {
                Unit::Any => true,
                Unit::Char(want) => c == *want,
                Unit::Class { negated, chars } => chars.contains(&c) != *negated,
            })
        })
    }

    fn matches_start(&self, word: &str) -> bool {
        self.matches_chars(word.chars())
    }

    fn matches_end(&self, word: &str) -> bool {
        let n = self.0.len();
        let count = word.chars().count();
        count >= n && self.matches_chars(word.chars().skip(count - n))
    }
}

impl Affix {
    /// Whether `flag` is among this affix's continuation classes.
    fn continues_with(&self, flag: Option<Flag>) -> bool {
        flag.is_some_and(|f| self.next.contains(&f))
    }

    /// `stem` with this suffix, when its strip and condition allow it.
    fn suffixed(&self, stem: &str) -> Option<String> {
        let base = stem.strip_suffix(self.strip.as_str())?;
        self.condition
            .matches_end(stem)
            .then(|| format!("{base}{}", self.add))
    }

    /// `stem` with this prefix, when its strip and condition allow it.
    fn prefixed(&self, stem: &str) -> Option<String> {
        let base = stem.strip_prefix(self.strip.as_str())?;
        self.condition
            .matches_start(stem)
            .then(|| format!("{}{base}", self.add))
    }
}

/// The affix rules of an `.aff` file.
struct AffixRules {
    flags: FlagKind,
    prefixes: Vec<Affix>,
    suffixes: Vec<Affix>,
    circumfix: Option<Flag>,
    need_affix: Option<Flag>,
}

/// `.aff` directives that change what Hunspell accepts and that this expander does not implement.
const UNSUPPORTED: &[&str] = &[
    "AF",
    "BREAK",
    "CHECKCOMPOUNDCASE",
    "CHECKCOMPOUNDDUP",
    "CHECKCOMPOUNDPATTERN",
    "CHECKCOMPOUNDREP",
    "CHECKCOMPOUNDTRIPLE",
    "CHECKSHARPS",
    "COMPLEXPREFIXES",
    "COMPOUNDBEGIN",
    "COMPOUNDEND",
    "COMPOUNDFLAG",
    "COMPOUNDMIDDLE",
    "COMPOUNDMIN",
    "COMPOUNDPERMITFLAG",
    "COMPOUNDRULE",
    "FORBIDDENWORD",
    "FORCEUCASE",
    "FULLSTRIP",
    "ICONV",
    "IGNORE",
    "KEEPCASE",
    "LANG",
    "ONLYINCOMPOUND",
    "WARN",
];

fn parse_flags(kind: FlagKind, text: &str) -> Result<Vec<Flag>, String> {
    let chars: Vec<char> = text.chars().collect();
    match kind {
        FlagKind::Char => Ok(chars.into_iter().map(Flag::from).collect()),
        FlagKind::Long if chars.len() % 2 == 0 => Ok(chars
            .chunks(2)
            .map(|pair| (Flag::from(pair[0]) << 16) | Flag::from(pair[1]))
            .collect()),
        FlagKind::Long => Err(format!("“{text}”: long flags come in pairs of characters")),
    }
}

impl AffixRules {
    fn parse(aff: &str) -> Result<AffixRules, String> {
        let mut rules = AffixRules {
            flags: FlagKind::Char,
            prefixes: Vec::new(),
            suffixes: Vec::new(),
            circumfix: None,
            need_affix: None,
        };
        // Flags named before `FLAG` are read once the kind is known.
        let mut circumfix = None;
        let mut need_affix = None;
        let mut lines = aff.lines().enumerate();
        while let Some((n, line)) = lines.next() {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let Some(&key) = fields.first() else { continue };
            let error = |what: &str| format!("line {}: {key}: {what}", n + 1);
            match key {
                "FLAG" => {
                    rules.flags = match fields.get(1) {
                        Some(&"long") => FlagKind::Long,
                        _ => return Err(error("only FLAG long is supported")),
                    }
                }
                "CIRCUMFIX" => circumfix = fields.get(1).map(|f| f.to_string()),
                "NEEDAFFIX" => need_affix = fields.get(1).map(|f| f.to_string()),
                "PFX" | "SFX" => {
                    let (Some(flag), Some(cross), Some(count)) =
                        (fields.get(1), fields.get(2), fields.get(3))
                    else {
                        return Err(error("a table header is PFX flag Y|N count"));
                    };
                    let flag = single_flag(rules.flags, flag).map_err(|e| error(&e))?;
                    let count: usize = count.parse().map_err(|_| error("bad row count"))?;
                    for _ in 0..count {
                        let Some((m, row)) = lines.next() else {
                            return Err(error("the table ends early"));
                        };
                        let row: Vec<&str> = row.split_whitespace().collect();
                        let row_error = |what: &str| format!("line {}: {key}: {what}", m + 1);
                        let (Some(&strip), Some(&add)) = (row.get(2), row.get(3)) else {
                            return Err(row_error("a row is PFX flag strip add [condition]"));
                        };
                        let (add, next) = add.split_once('/').unwrap_or((add, ""));
                        let zero = |s: &str| {
                            if s == "0" {
                                String::new()
                            } else {
                                s.to_string()
                            }
                        };
                        let affix = Affix {
                            flag,
                            cross_product: *cross == "Y",
                            strip: zero(strip),
                            add: zero(add),
                            next: parse_flags(rules.flags, next).map_err(|e| row_error(&e))?,
                            condition: Condition::parse(row.get(4).copied()),
                        };
                        if key == "PFX" {
                            rules.prefixes.push(affix);
                        } else {
                            rules.suffixes.push(affix);
                        }
                    }
                }
                key if UNSUPPORTED.contains(&key) => {
                    return Err(error("not supported by the dictionary expander"));
                }
                _ => {}
            }
        }
        rules.circumfix = circumfix
            .map(|f| single_flag(rules.flags, &f))
            .transpose()?;
        rules.need_affix = need_affix
            .map(|f| single_flag(rules.flags, &f))
            .transpose()?;
        Ok(rules)
    }
}

fn single_flag(kind: FlagKind, text: &str) -> Result<Flag, String> {
    match parse_flags(kind, text)?.as_slice() {
        [flag] => Ok(*flag),
        _ => Err(format!("“{text}” is not one flag")),
    }
}

/// The `.dic` entries: each line after the count is `word[/flags]` (a tab or a space starts
/// morphological fields; a line starting with `/` is a comment).
fn entries(dic: &str) -> impl Iterator<Item = (&str, &str)> {
    dic.lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty() && (!l.starts_with('/') || l.len() == 1))
        .map(|line| {
            let end = line.find(['\t', ' ']).unwrap_or(line.len());
            let line = &line[..end];
            match line.find('/').filter(|&i| i > 0) {
                Some(i) => (&line[..i], &line[i + 1..]),
                None => (line, ""),
            }
        })
}

/// The stems of a `.dic` as written (`aba-aba`, `Jakarta`).
pub fn stems(dic: &str) -> impl Iterator<Item = &str> {
    entries(dic).map(|(word, _)| word).filter(|w| !w.is_empty())
}

/// Every form the dictionary accepts.
pub fn expand(aff: &str, dic: &str) -> Result<Forms, String> {
    let rules = AffixRules::parse(aff)?;
    let mut plain = Vec::new();
    let mut hidden = Vec::new();
    for (word, flags) in entries(dic) {
        let flags: HashSet<Flag> = parse_flags(rules.flags, flags)?.into_iter().collect();
        rules.forms(word, &flags, &mut plain);
        if needs_hidden_title_case(word, !flags.is_empty()) {
            rules.forms(&title_case(word), &flags, &mut hidden);
        }
    }
    for list in [&mut plain, &mut hidden] {
        list.sort_unstable();
        list.dedup();
    }
    Ok(Forms { plain, hidden })
}

/// Whether Hunspell adds a title-case copy of an entry: a mixed-case word (`McDonald`), or an
/// all-caps word with flags.
fn needs_hidden_title_case(word: &str, has_flags: bool) -> bool {
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    let lower = word.chars().filter(|c| c.is_lowercase()).count();
    let first_upper = word.chars().next().is_some_and(char::is_uppercase);
    let mixed = upper > 0 && lower > 0 && !(first_upper && upper == 1);
    mixed || (upper > 0 && lower == 0 && has_flags)
}

/// The first letter in upper case, the rest in lower case.
pub fn title_case(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| {
            first
                .to_uppercase()
                .chain(chars.flat_map(char::to_lowercase))
        })
        .into_iter()
        .flatten()
        .collect()
}

impl AffixRules {
    fn circumfix(&self, affix: &Affix) -> bool {
        affix.continues_with(self.circumfix)
    }

    fn needs_affix(&self, affix: &Affix) -> bool {
        affix.continues_with(self.need_affix)
    }

    /// The affixes of `table` whose flag is one of `flags`.
    fn with_flags<'a>(
        table: &'a [Affix],
        flags: impl IntoIterator<Item = &'a Flag>,
    ) -> impl Iterator<Item = &'a Affix> {
        let flags: HashSet<Flag> = flags.into_iter().copied().collect();
        table.iter().filter(move |a| flags.contains(&a.flag))
    }

    /// Every form of one stem with its flags, pushed onto `out` (with repeats).
    fn forms(&self, stem: &str, flags: &HashSet<Flag>, out: &mut Vec<String>) {
        let has = |flag: Flag| flags.contains(&flag);
        if !self.need_affix.is_some_and(has) {
            out.push(stem.to_string());
        }
        let stem_prefixes: Vec<&Affix> = Self::with_flags(&self.prefixes, flags).collect();
        for prefix in &stem_prefixes {
            if !self.circumfix(prefix) && !self.needs_affix(prefix) {
                out.extend(prefix.prefixed(stem));
            }
        }
        // Suffixes the stem carries, or that a prefix it carries allows.
        let reachable = flags
            .iter()
            .chain(stem_prefixes.iter().flat_map(|p| &p.next));
        for inner in Self::with_flags(&self.suffixes, reachable) {
            let Some(suffixed) = inner.suffixed(stem) else {
                continue;
            };
            let licensed = has(inner.flag);
            if licensed && !self.circumfix(inner) && !self.needs_affix(inner) {
                out.push(suffixed.clone());
            }
            for prefix in Self::with_flags(&self.prefixes, flags.iter().chain(&inner.next)) {
                if self.prefix_and_suffix(prefix, inner, flags) {
                    out.extend(prefix.prefixed(&suffixed));
                }
            }
            if !licensed {
                continue;
            }
            for outer in Self::with_flags(&self.suffixes, &inner.next) {
                let Some(twice) = outer.suffixed(&suffixed) else {
                    continue;
                };
                let both_plain = !self.circumfix(inner) && !self.circumfix(outer);
                if both_plain && !self.needs_affix(outer) {
                    out.push(twice.clone());
                }
                for prefix in Self::with_flags(&self.prefixes, flags.iter().chain(&outer.next)) {
                    if self.prefix_then_two_suffixes(prefix, inner, outer) {
                        out.extend(prefix.prefixed(&twice));
                    }
                }
            }
            self.suffix_prefix_suffix(inner, &suffixed, flags, out);
        }
    }

    /// A prefix and one suffix on a stem: both cross-product, both circumfix parts or neither,
    /// and one of them carried by the stem, the other by the stem or the first one's
    /// continuation class.
    fn prefix_and_suffix(&self, prefix: &Affix, suffix: &Affix, flags: &HashSet<Flag>) -> bool {
        let has = |flag: Flag| flags.contains(&flag);
        let by_suffix = !self.needs_affix(prefix)
            && has(suffix.flag)
            && (suffix.next.contains(&prefix.flag) || has(prefix.flag));
        let by_prefix = !self.needs_affix(suffix)
            && has(prefix.flag)
            && (prefix.next.contains(&suffix.flag) || has(suffix.flag));
        prefix.cross_product
            && suffix.cross_product
            && self.circumfix(prefix) == self.circumfix(suffix)
            && (by_suffix || by_prefix)
    }

    /// A prefix on a stem with two suffixes (the prefix is licensed by the stem or the outer
    /// suffix): prefix and outer suffix both circumfix parts or neither.
    fn prefix_then_two_suffixes(&self, prefix: &Affix, inner: &Affix, outer: &Affix) -> bool {
        prefix.cross_product
            && outer.cross_product
            && !self.needs_affix(prefix)
            && !self.circumfix(inner)
            && self.circumfix(prefix) == self.circumfix(outer)
    }

    /// A stem with a suffix it carries (`suffixed`), then a prefix licensed by the stem or that
    /// suffix, then an outer suffix licensed by the inner suffix or the prefix; the circumfix
    /// parts pair the prefix with one of the two suffixes.
    fn suffix_prefix_suffix(
        &self,
        inner: &Affix,
        suffixed: &str,
        flags: &HashSet<Flag>,
        out: &mut Vec<String>,
    ) {
        if !inner.cross_product {
            return;
        }
        for prefix in Self::with_flags(&self.prefixes, flags.iter().chain(&inner.next)) {
            if !prefix.cross_product {
                continue;
            }
            let Some(prefixed) = prefix.prefixed(suffixed) else {
                continue;
            };
            for outer in Self::with_flags(&self.suffixes, inner.next.iter().chain(&prefix.next)) {
                let (p, i, o) = (
                    self.circumfix(prefix),
                    self.circumfix(inner),
                    self.circumfix(outer),
                );
                let circumfix_pairs = (p == o && !i) || (p == i && !o);
                if outer.cross_product && !self.needs_affix(outer) && circumfix_pairs {
                    out.extend(outer.suffixed(&prefixed));
                }
            }
        }
    }
}

#[cfg(test)]
fn forms_of(aff: &str, dic: &str) -> Vec<String> {
    expand(aff, dic)
        .expect("the test dictionary is supported")
        .plain
}

#[cfg(test)]
mod tests {
    use super::*;

    const AFF: &str = "FLAG long\nCIRCUMFIX A1\nNEEDAFFIX A2\n\
        PFX M0 Y 2\nPFX M0 0 me [lmnr]\nPFX M0 p mem p\n\
        PFX B1 Y 1\nPFX B1 0 ber/A1 .\n\
        SFX Ba Y 1\nSFX Ba 0 an/B1l0A1 .\n\
        SFX Mk Y 1\nSFX Mk 0 kan/M0l0 .\n\
        SFX l0 Y 2\nSFX l0 0 lah .\nSFX l0 0 kah\n";

    #[test]
    fn prefixes_with_strip_and_condition() {
        let forms = forms_of(AFF, "2\npukul/M0\nlihat/M0\n");
        assert_eq!(forms, ["lihat", "melihat", "memukul", "pukul"]);
    }

    #[test]
    fn circumfix_parts_come_together() {
        // ber-…-an only as a pair, and -lah on top of it.
        let forms = forms_of(AFF, "1\nkerja/Ba\n");
        assert_eq!(
            forms,
            ["berkerjaan", "berkerjaankah", "berkerjaanlah", "kerja"]
        );
    }

    #[test]
    fn twofold_suffixes_and_a_prefix_licensed_by_a_suffix() {
        let forms = forms_of(AFF, "1\nlihat/Mk\n");
        for form in ["lihatkan", "lihatkanlah", "melihatkan", "melihatkanlah"] {
            assert!(forms.iter().any(|f| f == form), "{form}: {forms:?}");
        }
        assert!(!forms.iter().any(|f| f == "melihat"), "{forms:?}");
    }

    #[test]
    fn need_affix_stems_only_with_affixes() {
        let forms = forms_of(AFF, "1\nlihat/A2M0\n");
        assert_eq!(forms, ["melihat"]);
    }

    #[test]
    fn hidden_title_case_copies() {
        let forms = expand(AFF, "2\nBosnia-Herzegovina\nNATO/M0\n").expect("expands");
        assert_eq!(forms.plain, ["Bosnia-Herzegovina", "NATO"]);
        assert_eq!(forms.hidden, ["Bosnia-herzegovina", "Nato"]);
    }

    #[test]
    fn unsupported_directives_are_errors() {
        let err = expand("COMPOUNDFLAG X\n", "1\nkata\n")
            .err()
            .expect("compounding is not expanded");
        assert!(err.contains("COMPOUNDFLAG"), "{err}");
        assert!(expand("FLAG long\nPFX A Y 1\nPFX A 0 x .\n", "0\n").is_err());
        assert_eq!(title_case("jAKARTA"), "Jakarta");
        assert_eq!(title_case(""), "");
    }
}
