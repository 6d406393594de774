//! `word-order`: English modifier-before-head order kept by machine translation — a name before
//! an institution or event word (“Indonesia-Jepang Forum Bisnis”), a pronoun and an adjective
//! before a noun (“mereka favorit lagu”), an ordinal without ke- (“KTT 45 ASEAN”).

use foldhash::HashSet;

use crate::data::schema::{NameKind, NamesFile, WordOrderFile};
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::case::starts_uppercase;
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::lang::word_classes::is_function_word;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

/// The highest ordinal read after an event word: larger numbers are counts or years.
const MAX_ORDINAL: u32 = 300;

/// The most capitalised words an organiser's name after an ordinal takes (`Majelis Umum PBB`).
const MAX_NAME_WORDS: usize = 5;

pub struct WordOrder {
    /// The heads' words as written, and whether each takes an ordinal, by pattern.
    heads: Vec<(String, bool)>,
    head_list: PhraseList,
    /// Names (countries, places, organisations) that modify a head, as written.
    modifiers: HashSet<String>,
    /// The adjectives English puts between a possessive pronoun and its noun: rarer words than
    /// the pronouns, so the list is searched for them and the pronoun looked for before each.
    adjective_list: PhraseList,
    /// The possessive pronouns, lower-case.
    pronouns: Vec<String>,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let data: WordOrderFile = setup.data();
    let places: NamesFile = crate::data::load("well-known-names");
    let modifiers = (places.group.into_iter().chain(data.modifier))
        .filter(|g| g.kind == NameKind::Place)
        .flat_map(|g| g.names)
        .collect();
    let heads: Vec<(String, bool)> = (data.head.into_iter())
        .map(|h| (h.words, h.ordinal))
        .collect();
    let head_patterns: Vec<String> = heads.iter().map(|(w, _)| w.clone()).collect();
    Ok(Box::new(WordOrder {
        head_list: setup.lists.add(PhraseMatcher::new(&head_patterns, false)),
        heads,
        modifiers,
        adjective_list: setup
            .lists
            .add(PhraseMatcher::new(&data.possessive.adjectives, false)),
        pronouns: data.possessive.pronouns,
    }))
}

impl Rule for WordOrder {
    fn reads(&self) -> Reads {
        Reads::WORDS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        // The order around a phrase is read first; only a finding has the phrase's boundaries
        // checked.
        let bounded =
            |d: Option<Diagnostic>, span: &Span| d.filter(|_| doc.is_word_boundary_span(span));
        for found in self.head_list.find_in(doc, ctx.words()) {
            let (head, ordinal) = &self.heads[found.pattern];
            let d = self.name_before_head(ctx, &found.span, head).or_else(|| {
                ordinal
                    .then(|| self.bare_ordinal(doc, &found.span, head))
                    .flatten()
            });
            out.extend(bounded(d, &found.span));
        }
        for found in self.adjective_list.find_in(doc, ctx.words()) {
            let d = self.possessive_before_noun(doc, &found.span);
            out.extend(bounded(d, &found.span));
        }
    }
}

impl WordOrder {
    /// `Indonesia-Jepang Forum Bisnis` → `Forum Bisnis Indonesia-Jepang`: a known name one space
    /// before the head, itself not after another capitalised word (`Bank Indonesia Forum`), and
    /// no capitalised word after the head (a longer name of its own). A common word opening the
    /// sentence before the name (`Panitia`) is no name.
    fn name_before_head(&self, ctx: &Context, head_span: &Span, head: &str) -> Option<Diagnostic> {
        let doc = ctx.doc;
        let text = doc.text();
        let tokens = doc.tokens();
        let first = doc.token_index_at(head_span.start)?;
        let last = doc.token_index_at(head_span.end - 1)?;
        if next_word(tokens, last).is_some_and(|w| starts_uppercase(tokens[w].text(text))) {
            return None;
        }
        // The modifier: one word, or two (`Amerika Serikat`).
        let one = previous_word(tokens, first)?;
        let two = previous_word(tokens, one);
        let (start, name) = match two {
            Some(t)
                if self
                    .modifiers
                    .contains(&text[tokens[t].start..tokens[one].end]) =>
            {
                (t, &text[tokens[t].start..tokens[one].end])
            }
            _ if self.is_modifier(tokens[one].text(text)) => (one, tokens[one].text(text)),
            _ => return None,
        };
        let before = previous_word(tokens, start);
        let name_before = before.is_some_and(|b| {
            let word = tokens[b].text(text);
            starts_uppercase(word)
                && !(doc.starts_sentence(tokens[b].start) && ctx.lexicon.reads_as_common_word(word))
        });
        if name_before {
            return None;
        }
        let span = tokens[start].start..head_span.end;
        Some(reorder(span, format!("{head} {name}")))
    }

    /// A name as a modifier: a known name, or names joined by hyphens (`Indonesia-Jepang`).
    fn is_modifier(&self, word: &str) -> bool {
        self.modifiers.contains(word)
            || (word.contains('-') && word.split('-').all(|p| self.modifiers.contains(p)))
    }

    /// `KTT 45 ASEAN` → `KTT ASEAN ke-45`: a plain number after the head and the organiser's
    /// capitalised name after it, the name holding a known name or an acronym.
    fn bare_ordinal(&self, doc: &Document, head_span: &Span, head: &str) -> Option<Diagnostic> {
        let text = doc.text();
        let tokens = doc.tokens();
        let last = doc.token_index_at(head_span.end - 1)?;
        let number = next_solid(tokens, last, TokenKind::Number)?;
        let written = tokens[number].text(text);
        let value: u32 = written.parse().ok()?;
        if !(1..=MAX_ORDINAL).contains(&value) || written.starts_with('0') {
            return None;
        }
        let mut name_end = None;
        let mut holds_name = false;
        let mut at = number;
        for _ in 0..MAX_NAME_WORDS {
            let Some(w) = next_word(tokens, at) else {
                break;
            };
            let word = tokens[w].text(text);
            if !starts_uppercase(word) {
                break;
            }
            holds_name |= self.is_modifier(word) || is_acronym(word);
            name_end = Some(w);
            at = w;
        }
        let name_end = name_end.filter(|_| holds_name)?;
        let name = &text[tokens[next_word(tokens, number)?].start..tokens[name_end].end];
        let span = head_span.start..tokens[name_end].end;
        Some(reorder(span, format!("{head} {name} ke-{written}")))
    }

    /// `mereka favorit lagu` → `lagu favorit mereka`.
    fn possessive_before_noun(&self, doc: &Document, adjective_span: &Span) -> Option<Diagnostic> {
        let text = doc.text();
        let tokens = doc.tokens();
        let adjective = doc.token_index_at(adjective_span.start)?;
        if tokens[adjective].end != adjective_span.end {
            return None;
        }
        let pronoun = previous_word(tokens, adjective)?;
        let written_pronoun = tokens[pronoun].text(text);
        let pattern =
            (self.pronouns.iter()).position(|p| p.eq_ignore_ascii_case(written_pronoun))?;
        let noun = next_word(tokens, adjective)?;
        let noun_text = tokens[noun].text(text);
        let plain = noun_text.chars().all(|c| c.is_lowercase() || c == '-');
        if !plain || noun_text.len() < 3 || is_function_word(noun_text) {
            return None;
        }
        // `Anda` keeps its capital; another pronoun opening a sentence is lower-cased.
        let pronoun_out = if self.pronouns[pattern] == "anda" {
            written_pronoun.to_string()
        } else {
            written_pronoun.to_lowercase()
        };
        let adjective_text = tokens[adjective].text(text);
        let mut replacement = format!("{noun_text} {adjective_text} {pronoun_out}");
        if starts_uppercase(written_pronoun) && pronoun_out != written_pronoun {
            replacement = crate::lang::case::capitalize_first(&replacement);
        }
        Some(reorder(
            tokens[pronoun].start..tokens[noun].end,
            replacement,
        ))
    }
}

/// The finding for English order at `span`, with the Indonesian order as its fix.
fn reorder(span: Span, right: String) -> Diagnostic {
    let message = Localized::new(
        format!("Urutan kata Inggris; dalam bahasa Indonesia: “{right}”"),
        format!("English word order; Indonesian writes “{right}”"),
    );
    Diagnostic::new(span.clone(), message).with_fix(Fix::replace(
        span,
        right,
        Applicability::Unsafe,
    ))
}

/// An acronym: two or more letters, all capitals (digits allowed), such as `PBB` or `G20`.
fn is_acronym(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !word.chars().any(char::is_lowercase)
}

/// The word one single space after token `i`.
fn next_word(tokens: &[Token], i: usize) -> Option<usize> {
    next_solid(tokens, i, TokenKind::Word)
}

/// The token of `kind` one single space after token `i`.
fn next_solid(tokens: &[Token], i: usize, kind: TokenKind) -> Option<usize> {
    let (space, next) = (tokens.get(i + 1)?, tokens.get(i + 2)?);
    (space.kind == TokenKind::Space && space.end - space.start == 1 && next.kind == kind)
        .then_some(i + 2)
}

/// The word one single space before token `i`.
fn previous_word(tokens: &[Token], i: usize) -> Option<usize> {
    let (space, word) = (tokens.get(i.checked_sub(1)?)?, i.checked_sub(2)?);
    (space.kind == TokenKind::Space
        && space.end - space.start == 1
        && tokens[word].kind == TokenKind::Word)
        .then_some(word)
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn found(text: &str) -> Vec<(String, Option<String>)> {
        Check::rules(&["word-order"]).found(text)
    }

    #[test]
    fn english_orders_are_reordered() {
        assert_eq!(
            found("Ia membuka ASEAN KTT di Jakarta."),
            [("ASEAN KTT".to_string(), Some("KTT ASEAN".to_string()))]
        );
        assert_eq!(
            found("Delegasi tiba untuk Sidang 79 Majelis Umum PBB pekan ini."),
            [(
                "Sidang 79 Majelis Umum PBB".to_string(),
                Some("Sidang Majelis Umum PBB ke-79".to_string())
            )]
        );
        assert_eq!(
            found("Mereka terbaru album laris."),
            [(
                "Mereka terbaru album".to_string(),
                Some("Album terbaru mereka".to_string())
            )]
        );
    }

    #[test]
    fn indonesian_orders_stay_clean() {
        for text in [
            "Forum Bisnis Indonesia-Jepang dibuka di Tokyo.",
            "Gubernur Bank Indonesia Forum itu hadir.",
            "KTT ASEAN ke-45 dan KTT ke-43 ASEAN digelar.",
            "Mereka baru tiba; lagu favorit mereka diputar; kami terbaik di kelas.",
            "Pertemuan 2 jam itu usai.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
