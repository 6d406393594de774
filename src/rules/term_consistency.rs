//! `term-consistency`: one institution named two ways in the same document, one of them not an
//! accepted form; and a person given a title that is not theirs on the article's date.

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized, Severity};
use crate::lang::calendar::Date;
use crate::lang::institutions::{
    self, FormKind, InstitutionId, Mention, Register, Status, is_connector, narrowed_edit,
};
use crate::lang::matcher::{PhraseList, PhraseMatcher};
use crate::rules::{Context, Example, Rule, RuleMeta, Setup};
use crate::source::{Document, Span, is_lowercase_one_of};

pub struct TermConsistency {
    meta: RuleMeta,
    /// The words that head an institution's name, as a phrase list of the run: a document's
    /// words that may be one are found without asking every word.
    heads: PhraseList,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let heads: Vec<String> = HEADS.iter().map(|h| h.to_string()).collect();
    Ok(Box::new(TermConsistency {
        meta: meta(),
        heads: setup.lists.add(PhraseMatcher::new(&heads, false)),
    }))
}

fn meta() -> RuleMeta {
    let dated = |bad: &str, good: &str| Example {
        date: Some("2025-03-01".to_string()),
        ..Example::new(bad, good)
    };
    RuleMeta {
        id: "term-consistency".to_string(),
        default_severity: Severity::Warning,
        summary: Localized::new(
            "Satu lembaga atau pejabat disebut dengan dua cara dalam satu dokumen",
            "One institution or office holder named two ways in one document",
        ),
        explanation: Localized::new(
            "Terjemahan mesin menerjemahkan ulang nama yang sama di setiap kalimat, sehingga satu \
             kementerian muncul dengan dua nama: “Kementerian Komunikasi dan Digital” lalu \
             “Kementerian Komunikasi Digital”. Aturan ini mengenali penyebutan yang menyimpang \
             dari bentuk yang dipakai dokumen itu sendiri, menandainya dengan label pada \
             penyebutan pertama, dan menyarankan bentuk dokumen. Bentuk singkat sesudah bentuk \
             lengkap (Komdigi sesudah Kementerian Komunikasi dan Digital) tidak ditandai.\n\
             Aturan ini juga memeriksa jabatan di depan nama orang: “Menteri Keuangan Meutya Hafid” \
             ditandai karena pada tanggal artikel Meutya Hafid adalah Menteri Komunikasi dan \
             Digital; pejabat yang sudah lengser tanpa “mantan” juga ditandai.\n\
             Pembagian dengan official-name: nama atau jabatan yang tidak berlaku pada tanggal \
             artikel (Kominfo pada 2025, “Menteri Komunikasi dan Informasi Meutya Hafid”) adalah \
             milik official-name dan tidak dilaporkan di sini; term-consistency hanya menangani \
             nama yang berlaku tetapi ditulis menyimpang, dan jabatan berlaku yang bukan milik \
             orang itu pada tanggal tersebut.",
            "Machine translation re-translates the same name in every sentence, so one ministry \
             appears under two names: “Kementerian Komunikasi dan Digital”, then “Kementerian \
             Komunikasi Digital”. This rule finds the mention that departs from the form the \
             document itself uses, labels the first mention, and suggests the document's form. A \
             short form after the full form (Komdigi after Kementerian Komunikasi dan Digital) is \
             not flagged.\n\
             It also checks titles before people's names: “Menteri Keuangan Meutya Hafid” is \
             flagged because on the article's date Meutya Hafid is Menteri Komunikasi dan Digital; \
             a former office holder without “mantan” is flagged too.\n\
             Split with official-name: a name or title not valid on the article's date (Kominfo in \
             2025, “Menteri Komunikasi dan Informasi Meutya Hafid”) belongs to official-name and is \
             not reported here; term-consistency only handles valid names written divergently, and \
             valid titles that are not that person's on that date.",
        ),
        sources: vec![
            "Keppres 133/P/2024 (ministers of Kabinet Merah Putih) and the dated reports in rules/institutions.toml".to_string(),
            "Perpres 139/2024 (ministry names)".to_string(),
        ],
        examples: vec![
            dated(
                "Kementerian Komunikasi dan Digital membuka kantor. Kementerian Komunikasi Digital juga menambah staf.",
                "Kementerian Komunikasi dan Digital membuka kantor. Kementerian Komunikasi dan Digital juga menambah staf.",
            ),
            dated(
                "Menteri Keuangan Meutya Hafid hadir.",
                "Menteri Komunikasi dan Digital Meutya Hafid hadir.",
            ),
            dated(
                "Kementerian Komunikasi dan Digital (Komdigi) membuka kantor. Komdigi dan Kementerian Digital dan Komunikasi menambah staf.",
                "Kementerian Komunikasi dan Digital (Komdigi) membuka kantor. Komdigi dan Kementerian Komunikasi dan Digital menambah staf.",
            ),
        ],
        fixable: true,
        yields_to: Vec::new(),
    }
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
    fn meta(&self) -> &RuleMeta {
        &self.meta
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(date) = ctx.date else { return };
        let (doc, register, mentions) = (ctx.doc, ctx.register, ctx.mentions);
        let before = out.len();
        self.divergent_names(ctx, mentions, date.date, out);
        self.titles_of_persons(doc, register, mentions, date.date, out);
        if let Some(note) = date.assumed_note() {
            for d in &mut out[before..] {
                d.notes.push(note.clone());
            }
        }
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
        date: Date,
        out: &mut Vec<Diagnostic>,
    ) {
        let (doc, register) = (ctx.doc, ctx.register);
        // The first valid mention of each institution: the document's own form.
        let mut own: Vec<(InstitutionId, &Mention)> = Vec::new();
        for m in mentions {
            if let Status::Valid(id) = register.status(m, date) {
                if !own.iter().any(|(i, _)| *i == id) {
                    own.push((id, m));
                }
            }
        }
        if own.is_empty() {
            return;
        }
        let text = doc.text();
        let uses = ctx.words.uses();
        let heads = (self.heads.starts_in(doc, ctx.words))
            .filter(|&w| HEADS.contains(&ctx.words.text_of(text, uses[w])));
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
                Diagnostic::new(
                    self.meta.id.clone(),
                    span,
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
                    self.meta.id.clone(),
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
            } else if let Some(until) = held.and_then(|o| o.period.until).filter(|u| *u < date) {
                if institutions::speaks_of_past(doc, &m.span, until) {
                    continue;
                }
                let mantan = if doc.starts_sentence(m.span.start) {
                    "Mantan "
                } else {
                    "mantan "
                };
                Diagnostic::new(
                    self.meta.id.clone(),
                    m.span.clone(),
                    Localized::new(
                        format!("{who} menjabat “{found}” hanya sampai {}", until.long_id()),
                        format!("{who} held “{found}” only until {until}"),
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
                    self.meta.id.clone(),
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
    let first = name.split('/').next().unwrap_or(name);
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
