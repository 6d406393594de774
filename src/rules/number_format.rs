//! `number-format`: numbers written with English separators or English magnitude words —
//! `1,500,000`, `2.5 persen`, `Rp 75,000`, `US$ 1.5 billion` — rewritten the Indonesian way
//! (`1.500.000`, `2,5 persen`, `Rp75.000`, `US$1,5 miliar`).
//!
//! Only what cannot be Indonesian is flagged. `2.500` (Indonesian thousands), `10.00` (a time),
//! `versi 2.5`, `Pasal 2.1`, years and IP addresses stay clean: a full stop is read as an English
//! decimal only before a quantity (`persen`, `juta`, `km`) or after a currency. A lone comma group
//! (`1,000`) is English thousands only after a currency with no magnitude word (`Rp 75,000`:
//! rupiah have no thousandths), or when the document's other numbers are all English-style.

use serde::Deserialize;

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::match_case;
use crate::lang::numbers::{self, Separators};
use crate::lang::shapes::{Case, Shapes};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind, is_lowercase_one_of};

/// Currency signs and codes written before an amount (compared as written; see
/// [`CURRENCY_CODES`]).
const CURRENCIES: &[&str] = &[
    "Rp", "RM", "USD", "SGD", "EUR", "IDR", "US$", "S$", "A$", "HK$", "$", "€", "£", "¥",
];

/// The first bytes of the currencies, for finding a word that starts with one.
const CURRENCY_SHAPES: Shapes = Shapes::NONE.with(CURRENCIES, Case::AsListed);

/// Words after a number that make it a quantity, so a full stop in it is a decimal point
/// (compared lower-case; magnitude words count too).
const QUANTITY_UNITS: &[&str] = &[
    "%",
    "persen",
    "kali",
    "poin",
    "km",
    "kilometer",
    "meter",
    "cm",
    "mm",
    "kg",
    "kilogram",
    "gram",
    "ton",
    "liter",
    "hektare",
    "hektar",
    "ha",
    "derajat",
    "mil",
    "inci",
    "gw",
    "mw",
    "kw",
    "kwh",
    "barel",
    "dolar",
    "rupiah",
    "euro",
    "yen",
    "tahun",
];

/// Words before a number that make it a label, not a quantity: `versi 2.5`, `Pasal 2.1`.
const LABELS: &[&str] = &[
    "ayat", "bab", "bagian", "jam", "no", "nomor", "pasal", "pm", "pukul", "seri", "tipe", "versi",
    "version",
];

/// Letter codes: always a space before the amount (`USD 1.000`), whatever the house style for signs.
const CURRENCY_CODES: &[&str] = &["USD", "SGD", "EUR", "IDR"];

/// Where the currency sign goes relative to the amount in a rewritten number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CurrencySpace {
    /// `Rp75.000` (EYD).
    #[default]
    Attached,
    /// `Rp 75.000` (a common house style, e.g. detik).
    Spaced,
    /// As the text has it.
    AsWritten,
}

/// `[rules.number-format]` in lintas.toml.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct Options {
    #[serde(default)]
    pub currency_space: CurrencySpace,
}

pub struct NumberFormat {
    options: Options,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let options: Options = setup.options()?;
    Ok(Box::new(NumberFormat { options }))
}

/// One amount: an optional currency, a numeral, an optional magnitude word.
struct Amount<'a> {
    currency: Option<(Span, &'a str)>,
    numeral: (Span, &'a str),
    magnitude: Option<(Span, &'a str)>,
    /// What the numeral's separators allow it to be.
    separators: Separators,
    /// The token after it: a unit tells a quantity.
    unit: Option<&'a str>,
    /// The word before it: a label tells a version or a section.
    label: Option<&'a str>,
}

impl Rule for NumberFormat {
    fn reads(&self) -> Reads {
        Reads::NOTHING
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let amounts = amounts(doc);
        let votes = Votes::of(&amounts);
        for amount in &amounts {
            if let Some(d) = self.check_amount(doc, amount, &votes) {
                out.push(d);
            }
        }
    }
}

impl NumberFormat {
    fn check_amount(&self, doc: &Document, amount: &Amount, votes: &Votes) -> Option<Diagnostic> {
        let (numeral_span, numeral) = &amount.numeral;
        let mut notes = Vec::new();
        // The number the document's other numbers outvote this one's reading with.
        let mut evidence = None;
        let fixed_numeral = match english_reading(amount) {
            Some(note) => {
                notes.push(note);
                Some(numbers::swap_separators(numeral))
            }
            None if amount.separators == Separators::CommaThree
                && votes.english_document.is_some() =>
            {
                evidence = votes.english_document.clone().map(|s| (s, English));
                notes.push(Localized::new(
                    format!("“{numeral}” bisa dibaca dua arah; angka lain di teks ini bergaya Inggris"),
                    format!("“{numeral}” reads both ways; the other numbers in this text are English-style"),
                ));
                Some(numbers::swap_separators(numeral))
            }
            None if reads_as_thousands(amount) == Some(English) && votes.outvote_english() => {
                evidence = votes.first_indonesian.clone().map(|s| (s, Indonesian));
                notes.push(Localized::new(
                    format!("“{numeral}” bisa dibaca dua arah; angka lain di teks ini memakai titik untuk ribuan"),
                    format!("“{numeral}” reads both ways; the other numbers in this text separate thousands with a full stop"),
                ));
                Some(numbers::swap_separators(numeral))
            }
            None => None,
        };
        let safe = evidence.is_none();
        let fixed_magnitude = amount.magnitude.as_ref().and_then(|(_, word)| {
            // A misspelt Indonesian one (`milyar`) is the list of non-standard words' to report.
            let m = numbers::magnitude(word).filter(|m| m.english)?;
            notes.push(Localized::new(
                format!("“{word}” ditulis “{}”", m.indonesian),
                format!("“{word}” is “{}” in Indonesian", m.indonesian),
            ));
            Some(match_case(word, m.indonesian))
        });
        if fixed_numeral.is_none() && fixed_magnitude.is_none() {
            return None;
        }
        let start = amount
            .currency
            .as_ref()
            .map_or(numeral_span.start, |(s, _)| s.start);
        let end = amount
            .magnitude
            .as_ref()
            .map_or(numeral_span.end, |(s, _)| s.end);
        let span = start..end;
        let mut replacement = String::new();
        if let Some((currency_span, currency)) = &amount.currency {
            // `Rp.` takes no full stop (EYD).
            replacement.push_str(currency.trim_end_matches('.'));
            let written_gap = doc.slice(&(currency_span.end..numeral_span.start));
            replacement.push_str(match self.options.currency_space {
                CurrencySpace::AsWritten => written_gap,
                _ if CURRENCY_CODES.contains(currency) => " ",
                CurrencySpace::Attached => "",
                CurrencySpace::Spaced => " ",
            });
        }
        replacement.push_str(fixed_numeral.as_deref().unwrap_or(numeral));
        if let Some((magnitude_span, word)) = &amount.magnitude {
            replacement.push_str(doc.slice(&(numeral_span.end..magnitude_span.start)));
            replacement.push_str(fixed_magnitude.as_deref().unwrap_or(word));
        }
        let found = doc.slice(&span);
        let applicability = if safe {
            Applicability::Safe
        } else {
            Applicability::Unsafe
        };
        let mut d = Diagnostic::new(
            span.clone(),
            Localized::new(
                format!("Angka bergaya Inggris “{found}”; tulis “{replacement}”"),
                format!("“{found}” is written the English way; write “{replacement}”"),
            ),
        )
        .with_fix(Fix::replace(span, replacement, applicability));
        if let Some((evidence, style)) = evidence {
            let label = match style {
                English => Localized::new("angka bergaya Inggris", "an English-style number"),
                Indonesian => {
                    Localized::new("angka bergaya Indonesia", "an Indonesian-style number")
                }
            };
            d = d.with_label(evidence, label);
        }
        for note in notes {
            d = d.with_note(note);
        }
        Some(d)
    }
}

/// Why the numeral can only be read the English way, if it can.
fn english_reading(amount: &Amount) -> Option<Localized> {
    match amount.separators {
        Separators::English => Some(Localized::new(
            "bahasa Indonesia memisahkan ribuan dengan titik dan desimal dengan koma",
            "Indonesian separates thousands with a full stop and decimals with a comma",
        )),
        Separators::CommaThree if amount.currency.is_some() && amount.magnitude.is_none() => {
            Some(Localized::new(
                "pemisah ribuan ditulis dengan titik",
                "thousands are separated with a full stop",
            ))
        }
        Separators::DotOther if is_quantity(amount) => Some(Localized::new(
            "desimal ditulis dengan koma",
            "decimals are written with a comma",
        )),
        _ => None,
    }
}

/// Whether the amount is a quantity or a sum of money, not a label or a time.
fn is_quantity(amount: &Amount) -> bool {
    let labelled = amount.label.is_some_and(|l| is_lowercase_one_of(l, LABELS));
    let unit = amount
        .unit
        .is_some_and(|u| is_lowercase_one_of(u, QUANTITY_UNITS) || numbers::magnitude(u).is_some());
    !labelled && (unit || amount.currency.is_some())
}

/// Which convention a number's separators follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    Indonesian,
    English,
}
use Style::{English, Indonesian};

/// Units after which a three-digit group after a comma is a decimal, never thousands
/// (`2,125 persen`).
const DECIMAL_UNITS: &[&str] = &["%", "derajat", "kali", "persen", "poin"];

/// The convention a lone three-digit group makes a number follow when it is read as thousands,
/// the likelier reading of `40.000` or `25,000` with no magnitude word after it; `None` for a
/// number that is not such a group, or one read as a decimal (`0,125`, `2,125 persen`).
fn reads_as_thousands(amount: &Amount) -> Option<Style> {
    let numeral = amount.numeral.1;
    if amount.magnitude.is_some() || numeral.starts_with('0') {
        return None;
    }
    match amount.separators {
        Separators::DotThree => Some(Indonesian),
        Separators::CommaThree
            if amount.currency.is_none()
                && !amount
                    .unit
                    .is_some_and(|u| is_lowercase_one_of(u, DECIMAL_UNITS)) =>
        {
            Some(English)
        }
        _ => None,
    }
}

/// How a document's numbers vote on how it writes thousands: each number only one convention
/// reads (an Indonesian one only with a thousands stop), and each lone three-digit group read as
/// thousands, is a vote. An ambiguous number is judged by the others' votes.
struct Votes {
    indonesian: usize,
    english: usize,
    first_indonesian: Option<Span>,
    /// The first number that only English reads, when no number in the document is
    /// Indonesian-only: the document then decides `1,000`-like numbers.
    english_document: Option<Span>,
}

impl Votes {
    fn of(amounts: &[Amount]) -> Votes {
        let mut votes = Votes {
            indonesian: 0,
            english: 0,
            first_indonesian: None,
            english_document: None,
        };
        let mut indonesian_only = false;
        for amount in amounts {
            let style = match english_reading(amount) {
                Some(_) => Some(English),
                None if amount.separators == Separators::Indonesian => {
                    indonesian_only = true;
                    // Only a thousands stop says how the document writes thousands: `2,5`
                    // leaves `1,000` free to be a decimal.
                    amount.numeral.1.contains('.').then_some(Indonesian)
                }
                None => reads_as_thousands(amount),
            };
            match style {
                Some(Indonesian) => {
                    votes.indonesian += 1;
                    (votes.first_indonesian).get_or_insert_with(|| amount.numeral.0.clone());
                }
                Some(English) => {
                    votes.english += 1;
                    if english_reading(amount).is_some() {
                        (votes.english_document).get_or_insert_with(|| amount.numeral.0.clone());
                    }
                }
                None => {}
            }
        }
        if indonesian_only {
            votes.english_document = None;
        }
        votes
    }

    /// Whether the numbers other than one English-reading vote are more Indonesian than English.
    fn outvote_english(&self) -> bool {
        self.indonesian > self.english.saturating_sub(1)
    }
}

/// Every numeral in the document with the currency before it and the word after it.
fn amounts(doc: &Document) -> Vec<Amount<'_>> {
    let text = doc.text();
    let tokens = doc.tokens();
    let mut out = Vec::new();
    // An amount holds a digit: only the tokens holding one are looked at.
    for &i in doc.digits() {
        let token = &tokens[i];
        let s = || token.text(text);
        let (currency, numeral) = match token.kind {
            TokenKind::Number => (currency_before(tokens, text, i), (token.span(), s())),
            // `Rp75,000` is one word starting with a currency.
            TokenKind::Word if CURRENCY_SHAPES.initial(&text.as_bytes()[token.span()]) => {
                let s = s();
                let Some(prefix) = CURRENCIES.iter().find(|c| {
                    s.starts_with(**c) && s[c.len()..].starts_with(|d: char| d.is_ascii_digit())
                }) else {
                    continue;
                };
                let rest = &s[prefix.len()..];
                if !rest
                    .bytes()
                    .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
                {
                    continue;
                }
                let split = token.start + prefix.len();
                (
                    Some((token.start..split, *prefix)),
                    (split..token.end, rest),
                )
            }
            _ => continue,
        };
        let after = next_solid(tokens, i);
        let word_after = after.map(|j| tokens[j].text(text));
        let magnitude = after
            .filter(|&j| tokens[j].is_word() && numbers::magnitude(tokens[j].text(text)).is_some())
            .map(|j| (tokens[j].span(), tokens[j].text(text)));
        let label = prev_solid(tokens, i)
            .filter(|&j| tokens[j].is_word())
            .map(|j| tokens[j].text(text));
        out.push(Amount {
            currency,
            separators: numbers::separators(numeral.1),
            numeral,
            magnitude,
            unit: word_after,
            label,
        });
    }
    out
}

/// The currency written before the number at `i`: `Rp 75,000`, `Rp. 75,000`, `US$ 1.5`, `$1.5`.
fn currency_before<'a>(tokens: &[Token], text: &'a str, i: usize) -> Option<(Span, &'a str)> {
    let mut j = prev_solid(tokens, i)?;
    let dotted = tokens[j].text(text) == ".";
    if dotted {
        j = j.checked_sub(1)?;
    }
    // `US$`: a word glued to a `$`.
    let start = if tokens[j].text(text) == "$" && j > 0 && tokens[j - 1].is_word() {
        tokens[j - 1].start
    } else {
        tokens[j].start
    };
    let end = if dotted {
        tokens[j + 1].end
    } else {
        tokens[j].end
    };
    CURRENCIES
        .contains(&&text[start..tokens[j].end])
        .then(|| (start..end, &text[start..end]))
}

/// The next token after `i` that is not a space, on the same line.
fn next_solid(tokens: &[Token], i: usize) -> Option<usize> {
    (i + 1..tokens.len()).find(|&j| tokens[j].kind != TokenKind::Space)
}

fn prev_solid(tokens: &[Token], i: usize) -> Option<usize> {
    (0..i).rev().find(|&j| tokens[j].kind != TokenKind::Space)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::rules::id;
    use crate::testing::Check;

    #[test]
    fn the_starter_config_sets_a_valid_currency_space() {
        let starter: String = crate::config::STARTER
            .lines()
            .map(|l| l.strip_prefix("# ").unwrap_or(l))
            .skip_while(|l| *l != "[rules.number-format]")
            .take(2)
            .collect::<Vec<_>>()
            .join("\n");
        let config = Config::parse(&starter).expect("the documented block parses");
        let options: Options = config
            .rule_options(id::NUMBER_FORMAT)
            .expect("valid options");
        assert_eq!(options.currency_space, CurrencySpace::Spaced);
        let bad = Config::parse("[rules.number-format]\ncurrency-space = \"wide\"\n")
            .expect("valid TOML");
        assert!(Check::configured(&bad, &[id::NUMBER_FORMAT]).is_err());
    }

    #[test]
    fn milyar_is_left_to_nonstandard_word() {
        let check = Check::rules(&[id::NUMBER_FORMAT]);
        assert!(check.found("Utang Rp 5 milyar dilunasi.").is_empty());
        assert_eq!(
            check.found("Utang Rp 5.5 milyar."),
            [(
                "Rp 5.5 milyar".to_string(),
                Some("Rp5,5 milyar".to_string())
            )]
        );
        assert_eq!(
            check.found("Utang Rp 5 billion dilunasi."),
            [("Rp 5 billion".to_string(), Some("Rp5 miliar".to_string()))]
        );
    }
}
