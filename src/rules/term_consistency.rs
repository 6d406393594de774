//! `term-consistency`: one institution named two ways in the same document, one of them not an
//! accepted form; and a person given a title that is not theirs on the article's date.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::Date;
use crate::lang::institutions::{
    self, FormKind, FormRef, InstitutionId, Mention, Register, Status, narrowed_edit,
};
use crate::lang::lexicon::PhraseList;
use crate::lang::matcher::PhraseMatcher;
use crate::lang::word_classes::is_connector;
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, is_lowercase_one_of};

pub struct TermConsistency {
    /// The words that head an institution's name, as a phrase list of the run: a document's
    /// words that may be one are found without asking every word.
    heads: PhraseList,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let heads: Vec<String> = HEADS.iter().map(|h| h.to_string()).collect();
    Ok(Box::new(TermConsistency {
        heads: setup.lists.add(PhraseMatcher::new(&heads, false)),
    }))
}

/// Head words that start a ministry's name or its minister's title.
const HEADS: &[&str] = &["Kementerian", "Menteri"];

/// Words before a title that make it someone else's office (Wakil Menteri, Plt Menteri).
const DEPUTY_WORDS: &[&str] = &[
    "wakil",
    "wamen",
    "plt",
    "plh",
    "pj",
    "pjs",
    "sekretaris",
    "staf",
    "stafsus",
    "juru",
];

impl Rule for TermConsistency {
    fn reads(&self) -> Reads {
        Reads::DATES.and(Reads::MENTIONS).and(Reads::WORDS)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (doc, register, mentions) = (ctx.doc, ctx.register, ctx.mentions());
        let date = ctx.date().map(|d| d.date);
        self.divergent_names(ctx, mentions, date, out);
        match date {
            Some(date) => self.titles_of_persons(doc, register, mentions, date, out),
            // With the date, a name of another time is official-name's; without it, a name of
            // another time than the document's other name for the institution is this rule's.
            None => second_names(ctx, mentions, out),
        }
    }
}

/// A later name of the document for an institution it first named otherwise, when the two
/// were never official at the same time (“Kemenkeu” in one paragraph, “Depkeu” in another):
/// for a document without a date, whichever is right, one of them is not. Not in a sentence
/// about the change itself or the past (“Depkeu, kini Kemenkeu”).
fn second_names(ctx: &Context<'_>, mentions: &[Mention], out: &mut Vec<Diagnostic>) {
    let (doc, register) = (ctx.doc, ctx.register);
    let period = |r: &FormRef| register.institution(r.institution).period;
    // One became the other: names of different times.
    let apart = |a: &FormRef, b: &FormRef| {
        a.institution != b.institution && register.related(a.institution, b.institution)
    };
    for (k, m) in mentions.iter().enumerate() {
        if m.is_wrong() || doc.in_quote(&m.span) {
            continue;
        }
        // The first earlier mention naming the same institution under a name of another time.
        let earlier = mentions[..k]
            .iter()
            .filter(|e| !e.is_wrong())
            .find_map(|e| {
                let pair = e.refs.iter().find_map(|re| {
                    m.refs
                        .iter()
                        .find(|rm| {
                            register.related(re.institution, rm.institution) && apart(re, rm)
                        })
                        .map(|rm| (*re, *rm))
                })?;
                // Both names of one time for the same institution are no mismatch.
                let same_time = e
                    .refs
                    .iter()
                    .any(|re| m.refs.iter().any(|rm| re.institution == rm.institution));
                (!same_time).then_some((e, pair))
            });
        let Some((first, (first_ref, own_ref))) = earlier else {
            continue;
        };
        // A sentence about another time, or a year within the older name's days in its own
        // sentence, makes the pair history, not a mismatch.
        let years_within = |r: &FormRef, span: &Span| {
            (period(r).until).is_some_and(|u| institutions::speaks_of_past(doc, span, u))
        };
        let historical = institutions::speaks_of_another_time(doc, &m.span)
            || institutions::speaks_of_another_time(doc, &first.span)
            || years_within(&own_ref, &m.span)
            || years_within(&first_ref, &first.span);
        if historical {
            continue;
        }
        let found = doc.slice(&m.span);
        let named = doc.slice(&first.span);
        let wanted = register.form_in_style(first_ref.institution, m.kind());
        let (span, replacement) = narrowed_edit(found, m.span.clone(), &wanted);
        out.push(
            Diagnostic::new(
                m.span.clone(),
                Localized::new(
                    format!(
                        "“{found}” dan “{named}” menyebut satu lembaga dengan nama dari masa yang berbeda; pakai nama yang berlaku pada tanggal artikel"
                    ),
                    format!(
                        "“{found}” and “{named}” name one institution by names of different times; use the one valid on the article's date"
                    ),
                ),
            )
            .with_label(
                first.span.clone(),
                Localized::new("disebut begini di sini", "named so here"),
            )
            .with_fix(Fix::replace(span, replacement, Applicability::Unsafe)),
        );
    }
}

impl TermConsistency {
    /// Names that no register form matches but that are close to an institution the document
    /// names with a valid form (“Kementerian Komunikasi Digital” beside “Kementerian Komunikasi
    /// dan Digital”).
    fn divergent_names(
        &self,
        ctx: &Context<'_>,
        mentions: &[Mention],
        date: Option<Date>,
        out: &mut Vec<Diagnostic>,
    ) {
        let (doc, register) = (ctx.doc, ctx.register);
        // The first valid mention of each institution (without a date, the first official
        // one): the document's own form.
        let mut own: Vec<(InstitutionId, &Mention)> = Vec::new();
        for m in mentions {
            let valid = match date {
                Some(date) => match register.status(m, date) {
                    Status::Valid(id) => Some(id),
                    _ => None,
                },
                None => (!m.is_wrong()).then(|| m.refs[0].institution),
            };
            if let Some(id) = valid {
                if !own.iter().any(|(i, _)| *i == id) {
                    own.push((id, m));
                }
            }
        }
        if own.is_empty() {
            return;
        }
        let text = doc.text();
        let uses = ctx.words().uses();
        let heads = (self.heads.starts_in(doc, ctx.words()))
            .filter(|&w| HEADS.contains(&ctx.words().text_of(text, uses[w])));
        for w in heads {
            let i = uses[w].token as usize;
            let token = doc.tokens()[i];
            let head = token.text(text);
            if mentions
                .iter()
                .any(|m| m.span.start <= token.start && token.start < m.span.end)
            {
                continue;
            }
            let Some((span, id, reference)) = self.closest(doc, register, &own, i) else {
                continue;
            };
            let found = doc.slice(&span);
            let wanted = document_form(doc, register, reference, id, head == "Menteri");
            if wanted.eq_ignore_ascii_case(found) {
                continue;
            }
            let (edit_span, replacement) = narrowed_edit(found, span.clone(), &wanted);
            out.push(
                Diagnostic::new(span,
                    Localized::new(
                        format!("“{found}” ditulis lain dari “{wanted}” di bagian lain dokumen"),
                        format!("“{found}” is written differently from “{wanted}” elsewhere in the document"),
                    ),
                )
                .with_label(
                    reference.span.clone(),
                    Localized::new("pertama disebut di sini", "first named here"),
                )
                .with_fix(Fix::replace(edit_span, replacement, Applicability::Unsafe)),
            );
        }
    }

    /// The run of capitalised words after the head at token `head` that names one of the
    /// document's institutions in other words: the least different, the longest on a tie.
    fn closest<'m>(
        &self,
        doc: &Document,
        register: &Register,
        own: &[(InstitutionId, &'m Mention)],
        head: usize,
    ) -> Option<(Span, InstitutionId, &'m Mention)> {
        let text = doc.text();
        let tokens = doc.tokens();
        let mut words: Vec<(String, usize)> = Vec::new();
        for t in tokens.iter().skip(head + 1) {
            let s = t.text(text);
            if t.is_blank() && s == " " || (t.kind == crate::source::TokenKind::Punct && s == ",") {
                continue;
            }
            let capital = s.chars().next().is_some_and(char::is_uppercase);
            if !t.is_word() || !(capital || is_connector(s)) || words.len() >= 10 {
                break;
            }
            words.push((s.to_lowercase(), t.end));
        }
        while words.last().is_some_and(|(w, _)| is_connector(w)) {
            words.pop();
        }
        let mut best: Option<(usize, usize, InstitutionId, &'m Mention)> = None;
        for k in 2..=words.len() {
            if is_connector(&words[k - 1].0) {
                continue;
            }
            let candidate: Vec<&str> = words[..k]
                .iter()
                .map(|(w, _)| w.as_str())
                .filter(|w| !is_connector(w))
                .collect();
            for &(id, reference) in own {
                let name = content_words(&register.institution(id).name);
                if let Some(distance) = difference(&candidate, &name) {
                    if best.is_none_or(|(d, ..)| distance <= d) {
                        best = Some((distance, k, id, reference));
                    }
                }
            }
        }
        best.map(|(_, k, id, reference)| (tokens[head].start..words[k - 1].1, id, reference))
    }

    /// A title before a person who does not hold that office on the article's date.
    fn titles_of_persons(
        &self,
        doc: &Document,
        register: &Register,
        mentions: &[Mention],
        date: Date,
        out: &mut Vec<Diagnostic>,
    ) {
        for m in mentions.iter().filter(|m| m.kind().is_title()) {
            // A title not valid on the date is official-name's.
            let Status::Valid(office) = register.status(m, date) else {
                continue;
            };
            if deputy_before(doc, &m.span) {
                continue;
            }
            let Some((person_span, pid)) = register.person_after(doc, m.span.end) else {
                continue;
            };
            let person = register.person(pid);
            if person.offices_on(date).any(|o| m.names(o.institution)) {
                continue;
            }
            let found = doc.slice(&m.span);
            let who = doc.slice(&person_span);
            let current: Vec<InstitutionId> =
                person.offices_on(date).map(|o| o.institution).collect();
            let held = person.offices.iter().find(|o| o.institution == office);
            let diag = if let [now] = current.as_slice() {
                let title = register.form_in_style(*now, m.kind());
                let (span, replacement) = narrowed_edit(found, m.span.clone(), &title);
                Diagnostic::new(
                    m.span.clone(),
                    Localized::new(
                        format!(
                            "pada {} {who} adalah “{title}”, bukan “{found}”",
                            date.long_id()
                        ),
                        format!("on {date} {who} is “{title}”, not “{found}”"),
                    ),
                )
                .with_fix(Fix::replace(span, replacement, Applicability::Unsafe))
            } else if let Some((until, period)) = held
                .and_then(|o| Some((o.period.until?, o.period)))
                .filter(|(u, _)| *u < date)
            {
                if institutions::speaks_of_past(doc, &m.span, until) {
                    continue;
                }
                let (last, last_en) = period.until_text().unwrap_or_default();
                let mantan = if doc.starts_sentence(m.span.start) {
                    "Mantan "
                } else {
                    "mantan "
                };
                Diagnostic::new(
                    m.span.clone(),
                    Localized::new(
                        format!("{who} menjabat “{found}” hanya sampai {last}"),
                        format!("{who} held “{found}” only until {last_en}"),
                    ),
                )
                .with_fix(Fix::replace(
                    m.span.start..m.span.start,
                    mantan,
                    Applicability::Unsafe,
                ))
            } else {
                if institutions::speaks_of_past(doc, &m.span, date)
                    || held
                        .and_then(|o| o.period.from)
                        .is_some_and(|from| institutions::speaks_of_future(doc, &m.span, from))
                {
                    continue;
                }
                Diagnostic::new(
                    m.span.clone(),
                    Localized::new(
                        format!("pada {} {who} tidak menjabat “{found}”", date.long_id()),
                        format!("on {date} {who} does not hold the office “{found}”"),
                    ),
                )
            };
            out.push(diag.with_label(
                person_span,
                Localized::new("orang yang dimaksud", "the person meant"),
            ));
        }
    }
}

/// The document's own form for the institution, as a name or as a title.
fn document_form(
    doc: &Document,
    register: &Register,
    reference: &Mention,
    id: InstitutionId,
    title: bool,
) -> String {
    let text = doc.slice(&reference.span);
    match (reference.kind(), title) {
        (FormKind::Name, false) | (FormKind::Title, true) => text.to_string(),
        (FormKind::Name, true) => text
            .strip_prefix("Kementerian ")
            .map(|rest| format!("Menteri {rest}"))
            .unwrap_or_else(|| register.form_in_style(id, FormKind::Title)),
        (FormKind::Title, false) => text
            .strip_prefix("Menteri ")
            .map(|rest| format!("Kementerian {rest}"))
            .unwrap_or_else(|| register.form_in_style(id, FormKind::Name)),
        (_, false) => register.form_in_style(id, FormKind::Name),
        (_, true) => register.form_in_style(id, FormKind::Title),
    }
}

/// The meaningful words of a name, lower-case, without its head and connectors.
fn content_words(name: &str) -> Vec<String> {
    let first = institutions::first_of_joint_name(name).unwrap_or(name);
    first
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty() && !is_connector(w) && !HEADS.contains(w))
        .map(str::to_lowercase)
        .collect()
}

/// How many words two renderings of one name differ by, when they share at least two (a word
/// and its derived form count as one, digital/digitalisasi) and differ by at most one.
fn difference(candidate: &[&str], name: &[String]) -> Option<usize> {
    let alike = |a: &str, b: &str| {
        a == b || (a.len().min(b.len()) >= 5 && (a.starts_with(b) || b.starts_with(a)))
    };
    let shared = candidate
        .iter()
        .filter(|c| name.iter().any(|n| alike(c, n)))
        .count();
    let missing = name
        .iter()
        .filter(|n| !candidate.iter().any(|c| alike(c, n)))
        .count();
    let distance = (candidate.len() - shared) + missing;
    (shared >= 2 && distance <= 1).then_some(distance)
}

/// Whether a deputy's or acting word comes right before the title (Wakil Menteri Keuangan).
fn deputy_before(doc: &Document, span: &Span) -> bool {
    let text = doc.text();
    text[..span.start]
        .trim_end_matches([' ', '.'])
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| is_lowercase_one_of(w, DEPUTY_WORDS))
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn check(text: &str, date: &str) -> Vec<(String, Option<String>)> {
        Check::rules(&["term-consistency"]).on(date).found(text)
    }

    #[test]
    fn a_divergent_rendering_gets_the_document_form() {
        let got = check(
            "Kementerian Komunikasi dan Digital membuka kantor. Menteri Komunikasi Digital Meutya Hafid hadir.",
            "2025-03-01",
        );
        assert_eq!(
            got,
            [(
                "Menteri Komunikasi Digital".to_string(),
                Some("Komunikasi dan Digital".to_string())
            )]
        );
    }

    #[test]
    fn foreign_offices_and_short_forms_are_not_renderings() {
        for text in [
            "Menteri Komunikasi dan Digital bertemu Menteri Elektronik India.",
            "Kementerian Keuangan (Kemenkeu) dan Kemenkeu.",
            "Wakil Menteri Keuangan Meutya Hafid hadir.",
            "Menteri Komunikasi dan Digital Meutya Hafid hadir.",
        ] {
            assert!(check(text, "2025-03-01").is_empty(), "{text}");
        }
    }

    #[test]
    fn titles_of_persons_follow_the_date() {
        assert_eq!(
            check("Menkeu Sri Mulyani hadir.", "2025-10-01"),
            [("Menkeu".to_string(), Some("Mantan ".to_string()))]
        );
        assert!(check("Menkeu Sri Mulyani hadir.", "2025-03-01").is_empty());
        assert!(check("Mantan Menkeu Sri Mulyani hadir.", "2025-10-01").is_empty());
        assert_eq!(
            check("Menteri BUMN Erick Thohir hadir.", "2025-10-01"),
            [("Menteri BUMN".to_string(), Some("Menpora".to_string()))]
        );
    }
}
