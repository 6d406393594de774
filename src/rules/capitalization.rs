//! `capitalization`: EYD V capitals — day and month names, titles before a name, institution or
//! place, and acronyms with a fixed spelling (MOU → MoU).

use foldhash::{HashMap, HashMapExt};

use crate::data::schema::CapitalizationFile;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::{MONTHS_ID, WEEKDAYS_ID};
use crate::lang::case::{capitalize_first, starts_uppercase};
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, TokenKind};

/// What a lower-case word is, when it should have a capital.
#[derive(Clone, Copy)]
enum Named {
    Month,
    Weekday,
}

pub struct Capitalization {
    names: HashMap<String, Named>,
    acronyms: HashMap<String, String>,
    /// Titles as lower-case word sequences, longest first, by their first word: only the titles
    /// a word can start are tried on it.
    titles: HashMap<String, Vec<Vec<String>>>,
    /// The words the lists above hold, as a phrase list of the run: the words a document has
    /// that may be one of them are found without asking every word.
    listed: PhraseList,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let data: CapitalizationFile = setup.data();
    let mut names = HashMap::new();
    for m in MONTHS_ID {
        names.insert(m.to_lowercase(), Named::Month);
    }
    for d in WEEKDAYS_ID {
        names.insert(d.to_lowercase(), Named::Weekday);
    }
    let mut titles: Vec<Vec<String>> = data
        .title
        .iter()
        .map(|t| t.words.split_whitespace().map(str::to_string).collect())
        .collect();
    titles.sort_by_key(|t| std::cmp::Reverse(t.len()));
    let mut titles_by_first: HashMap<String, Vec<Vec<String>>> = HashMap::new();
    for title in titles {
        if let Some(first) = title.first() {
            titles_by_first
                .entry(first.clone())
                .or_default()
                .push(title);
        }
    }
    let listed: Vec<String> = (names.keys().chain(titles_by_first.keys()))
        .cloned()
        .chain(data.acronym.iter().map(|a| a.wrong.clone()))
        .collect();
    Ok(Box::new(Capitalization {
        names,
        acronyms: data
            .acronym
            .into_iter()
            .map(|a| (a.wrong, a.right))
            .collect(),
        titles: titles_by_first,
        listed: setup.lists.add(PhraseMatcher::new(&listed, false)),
    }))
}

impl Capitalization {
    fn fix(&self, span: std::ops::Range<usize>, right: String, what: Localized) -> Diagnostic {
        let message = Localized::new(
            format!("{} ditulis “{right}”", what.indonesian),
            format!("{} is written “{right}”", what.english),
        );
        Diagnostic::new(span.clone(), message).with_fix(Fix::replace(
            span,
            right,
            Applicability::Safe,
        ))
    }

    /// Whether `word` is in a list this rule reads (as it is checked below).
    fn lists(&self, word: &str) -> bool {
        self.acronyms.contains_key(word)
            || (word.starts_with(char::is_lowercase)
                && (self.names.contains_key(word) || self.titles.contains_key(word)))
    }

    fn is_weekday_minggu(doc: &Document, index: usize) -> bool {
        let text = doc.text();
        let tokens = doc.tokens();
        let prev_word = tokens[..index]
            .iter()
            .rev()
            .find(|t| !t.is_blank())
            .map(|t| t.text(text).to_lowercase());
        let next = tokens[index + 1..].iter().find(|t| !t.is_blank());
        let next_is_date = next.is_some_and(|t| t.text(text) == "(" || t.kind == TokenKind::Number);
        prev_word.as_deref() == Some("hari") || next_is_date
    }
}

impl Rule for Capitalization {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let text = doc.text();
        let tokens = doc.tokens();
        let words = ctx.words().uses();
        let mut skip_until = 0;
        // Nearly every word is in none of the lists: only those that may be are asked.
        let listed = (self.listed.starts_in(doc, ctx.words()))
            .filter(|&w| self.lists(ctx.words().text_of(text, words[w])));
        for w in listed {
            let i = words[w].token as usize;
            let t = tokens[i];
            if t.start < skip_until {
                continue;
            }
            let word = t.text(text);
            if let Some(right) = self.acronyms.get(word) {
                out.push(self.fix(
                    t.span(),
                    right.clone(),
                    Localized::new("singkatan ini", "this acronym"),
                ));
                continue;
            }
            if !word.chars().next().is_some_and(char::is_lowercase) {
                continue;
            }
            match self.names.get(word) {
                Some(Named::Month) => {
                    out.push(self.fix(
                        t.span(),
                        capitalize_first(word),
                        Localized::new("nama bulan", "a month name"),
                    ));
                    continue;
                }
                Some(Named::Weekday) if word != "minggu" || Self::is_weekday_minggu(doc, i) => {
                    out.push(self.fix(
                        t.span(),
                        capitalize_first(word),
                        Localized::new("nama hari", "a day name"),
                    ));
                    continue;
                }
                _ => {}
            }
            // A title followed, on the same line and with one space, by a capitalised name.
            for title in self.titles.get(word).into_iter().flatten() {
                let Some(parts) = words.get(w..w + title.len()) else {
                    continue;
                };
                let matches = parts
                    .iter()
                    .zip(title)
                    .all(|(p, t)| tokens[p.token as usize].text(text) == t.as_str())
                    && parts.windows(2).all(|pair| {
                        let (a, b) = (
                            tokens[pair[0].token as usize],
                            tokens[pair[1].token as usize],
                        );
                        single_space_between(doc, a.end, b.start)
                    });
                if !matches {
                    continue;
                }
                let last = tokens[parts[parts.len() - 1].token as usize];
                let Some(&next) = words.get(w + title.len()) else {
                    break;
                };
                let next = tokens[next.token as usize];
                if !single_space_between(doc, last.end, next.start)
                    || !starts_uppercase(next.text(text))
                {
                    break;
                }
                let span = t.start..last.end;
                let right: String = doc
                    .slice(&span)
                    .split(' ')
                    .map(capitalize_first)
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push(self.fix(
                    span,
                    right,
                    Localized::new("jabatan sebelum nama", "a title before a name"),
                ));
                skip_until = last.end;
                break;
            }
        }
    }
}

fn single_space_between(doc: &Document, end: usize, start: usize) -> bool {
    doc.text().get(end..start) == Some(" ")
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn fixes(text: &str) -> Vec<String> {
        (Check::rules(&["capitalization"]).findings(text).iter())
            .filter_map(|f| f.fix().map(str::to_string))
            .collect()
    }

    #[test]
    fn days_months_titles_acronyms() {
        assert_eq!(
            fixes("pada senin, 3 maret, MOU dan MoU"),
            ["Senin", "Maret", "MoU"]
        );
        assert_eq!(
            fixes("wakil presiden Gibran dan presiden Prabowo"),
            ["Wakil Presiden", "Presiden"]
        );
        assert!(fixes("para menteri hadir; satu minggu lagi; presiden.").is_empty());
        assert_eq!(fixes("hari minggu dan minggu (12/1)"), ["Minggu", "Minggu"]);
        assert!(fixes("https://x.id/senin").is_empty());
    }
}
