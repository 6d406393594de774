//! `official-name`: a ministry or agency named by a name that is not official on the article's
//! date (renamed, split, dissolved, not yet created) or that never was (a wrong rendering).

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::Date;
use crate::lang::case::match_case;
use crate::lang::institutions::{
    self, InstitutionId, Mention, Office, Register, Status, narrowed_edit,
};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span};

pub struct OfficialName;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(OfficialName))
}

impl Rule for OfficialName {
    fn reads(&self) -> Reads {
        Reads::DATES.and(Reads::MENTIONS).and(Reads::WORDS)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let (doc, register) = (ctx.doc, ctx.register);
        for mention in ctx.mentions() {
            if doc.in_quote(&mention.span) {
                continue;
            }
            let Some(date) = ctx.date() else {
                // Without the article's date only a name that was never official is wrong,
                // whatever the date; its fix is the institution it means.
                if mention.is_wrong() {
                    out.push(self.never_official(ctx, mention));
                }
                continue;
            };
            let status = register.status(mention, date.date);
            // A title followed by a name the register does not know: a foreign minister
            // (“Menteri Pendidikan dan Kebudayaan Jepang”) or someone it cannot check.
            if mention.kind().is_title()
                && !matches!(status, Status::Valid(_))
                && institutions::continues_name(doc, ctx.lexicon, mention.span.end, |at| {
                    (ctx.mentions().iter()).any(|m| m.span.start == at)
                })
                && register.person_after(doc, mention.span.end).is_none()
            {
                continue;
            }
            out.extend(self.judge(ctx, mention, status, date.date));
        }
    }
}

/// How many words among `topics` the paragraph and the whole document hold.
fn topic_words(ctx: &Context<'_>, topics: &[String], paragraph: Option<&Span>) -> (usize, usize) {
    if topics.is_empty() {
        return (0, 0);
    }
    let (text, doc, words) = (ctx.doc.text(), ctx.doc, ctx.words());
    let (mut in_paragraph, mut in_document) = (0, 0);
    for u in words.uses() {
        let word = words.text_of(text, *u);
        if topics.iter().any(|t| t.eq_ignore_ascii_case(word)) {
            in_document += 1;
            let start = doc.tokens()[u.token as usize].start;
            in_paragraph += usize::from(paragraph.is_some_and(|p| p.contains(&start)));
        }
    }
    (in_paragraph, in_document)
}

impl OfficialName {
    fn judge(
        &self,
        ctx: &Context<'_>,
        mention: &Mention,
        status: Status,
        date: Date,
    ) -> Option<Diagnostic> {
        let (doc, register) = (ctx.doc, ctx.register);
        let found = doc.slice(&mention.span);
        let kind = mention.kind();
        let names = |ids: &[InstitutionId]| -> Vec<String> {
            ids.iter()
                .map(|&i| register.form_in_style(i, kind))
                .collect()
        };
        // Written out only for a finding: nearly every mention is valid.
        let on = || (date.long_id(), date.to_string());
        match status {
            Status::Valid(_) => None,
            Status::Outdated { was, now } => {
                let until = register.institution(was).period.until?;
                if institutions::speaks_of_past(doc, &mention.span, until) {
                    return None;
                }
                let (since, since_en) = register.institution(was).period.ended()?;
                if kind.is_title() {
                    let held_now =
                        |o: &Office| now.contains(&o.institution) && o.period.contains(date);
                    if let Some(d) =
                        self.former_holder(doc, register, mention, was, until, held_now)
                    {
                        return Some(d);
                    }
                }
                // Whether the name's own end was the dissolution or the split, or a rename that
                // later ones followed.
                let direct = register.institution(was).successors == now;
                let message = match now.as_slice() {
                    [] if register.institution(was).successors.is_empty() => Localized::new(
                        format!("“{found}” sudah dibubarkan sejak {since}"),
                        format!("“{found}” was dissolved on {since_en}"),
                    ),
                    [] => Localized::new(
                        format!(
                            "“{found}” tidak berlaku lagi sejak {since}; lembaga penerusnya pun sudah dibubarkan"
                        ),
                        format!(
                            "“{found}” is no longer valid since {since_en}; what it became was dissolved too"
                        ),
                    ),
                    [one] => {
                        let new = register.form_in_style(*one, kind);
                        let (on, on_en) = on();
                        Localized::new(
                            format!(
                                "“{found}” tidak berlaku lagi sejak {since}; pada {on} namanya “{new}”"
                            ),
                            format!(
                                "“{found}” is no longer valid since {since_en}; on {on_en} the name is “{new}”"
                            ),
                        )
                    }
                    _ if direct => Localized::new(
                        format!("“{found}” dipecah sejak {since}"),
                        format!("“{found}” was split on {since_en}"),
                    ),
                    _ => Localized::new(
                        format!(
                            "“{found}” tidak berlaku lagi sejak {since}; kini tugasnya terbagi di beberapa kementerian"
                        ),
                        format!(
                            "“{found}” is no longer valid since {since_en}; its work is now split between several ministries"
                        ),
                    ),
                };
                Some(self.finish(
                    ctx,
                    mention,
                    message,
                    &now,
                    Applicability::Safe,
                    &register.institution(was).source,
                ))
            }
            Status::NotYet { will_be, then } => {
                let from = register.institution(will_be).period.from?;
                if then.is_empty() || institutions::speaks_of_future(doc, &mention.span, from) {
                    return None;
                }
                let old = names(&then).join(" / ");
                let (on, on_en) = on();
                let message = Localized::new(
                    format!(
                        "“{found}” baru berlaku sejak {}; pada {on} namanya “{old}”",
                        from.long_id()
                    ),
                    format!("“{found}” is only valid from {from}; on {on_en} the name is “{old}”"),
                );
                // The date may be the one that is wrong: a person should decide.
                Some(self.finish(
                    ctx,
                    mention,
                    message,
                    &then,
                    Applicability::Unsafe,
                    &register.institution(will_be).source,
                ))
            }
            Status::Wrong { meant, now } => {
                let right = names(&now).join(" / ");
                let message = Localized::new(
                    format!("“{found}” bukan nama resmi; yang benar “{right}”"),
                    format!("“{found}” is not an official name; it is “{right}”"),
                );
                Some(self.finish(
                    ctx,
                    mention,
                    message,
                    &now,
                    Applicability::Safe,
                    &register.institution(meant).source,
                ))
            }
        }
    }

    /// A name that was never official, judged without the article's date.
    fn never_official(&self, ctx: &Context<'_>, mention: &Mention) -> Diagnostic {
        let meant = mention.refs[0].institution;
        let found = ctx.doc.slice(&mention.span);
        let right = ctx.register.form_in_style(meant, mention.kind());
        let message = Localized::new(
            format!("“{found}” bukan nama resmi; yang benar “{right}”"),
            format!("“{found}” is not an official name; it is “{right}”"),
        );
        let source = &ctx.register.institution(meant).source;
        self.finish(ctx, mention, message, &[meant], Applicability::Safe, source)
    }

    /// A diagnostic with a fix when the replacement is unique, or one unsafe fix for each
    /// choice, the choice the document's topics point to first, and the source of the register's
    /// entry.
    fn finish(
        &self,
        ctx: &Context<'_>,
        mention: &Mention,
        message: Localized,
        choices: &[InstitutionId],
        applicability: Applicability,
        source: &str,
    ) -> Diagnostic {
        let (doc, register) = (ctx.doc, ctx.register);
        let found = doc.slice(&mention.span);
        let source_note = Localized::new(format!("sumber: {source}"), format!("source: {source}"));
        let name =
            |id: InstitutionId| match_case(found, &register.form_in_style(id, mention.kind()));
        match choices {
            [one] => {
                let (span, replacement) = narrowed_edit(found, mention.span.clone(), &name(*one));
                Diagnostic::new(span.clone(), message)
                    .with_fix(Fix::replace(span, replacement, applicability))
                    .with_note(source_note)
            }
            [] => Diagnostic::new(mention.span.clone(), message).with_note(source_note),
            many => {
                // The choice whose field the paragraph, then the document, speaks of most
                // first; the register's order on a tie.
                let paragraph = doc.paragraph_at(mention.span.start).map(|(_, p)| p);
                let mut ranked: Vec<((usize, usize), InstitutionId)> = (many.iter())
                    .map(|&id| {
                        let topics = &register.institution(id).topics;
                        (topic_words(ctx, topics, paragraph.as_ref()), id)
                    })
                    .collect();
                ranked.sort_by_key(|(words, _)| std::cmp::Reverse(*words));
                let decided = ranked[0].0 > ranked[1].0;
                let mut diag = Diagnostic::new(mention.span.clone(), message);
                for (rank, (_, id)) in ranked.into_iter().enumerate() {
                    let choice = name(id);
                    let (span, replacement) = narrowed_edit(found, mention.span.clone(), &choice);
                    let why = if rank == 0 && decided {
                        (" (sesuai isi teks)", " (what the text is about)")
                    } else {
                        ("", "")
                    };
                    diag = diag.with_fix(
                        Fix::replace(span, replacement, Applicability::Unsafe).with_message(
                            Localized::new(
                                format!("tulis “{choice}”{}", why.0),
                                format!("write “{choice}”{}", why.1),
                            ),
                        ),
                    );
                }
                diag.with_note(source_note)
            }
        }
    }

    /// An outdated title before the name of someone who held it (“Menkominfo Budi Arie” in
    /// 2025): the text means the former office, so the fix is “mantan”, not the new title;
    /// unless they hold what it became (`held_now`), and the title is only out of date
    /// (“Menteri Investasi Rosan Roeslani” for the Menteri Investasi dan Hilirisasi).
    fn former_holder(
        &self,
        doc: &Document,
        register: &Register,
        mention: &Mention,
        was: InstitutionId,
        until: Date,
        held_now: impl Fn(&Office) -> bool,
    ) -> Option<Diagnostic> {
        let (span, person) = register.person_after(doc, mention.span.end)?;
        let person = register.person(person);
        let held = person
            .offices
            .iter()
            .any(|o| o.institution == was && o.period.until.is_some_and(|u| u <= until));
        if !held || person.offices.iter().any(held_now) {
            return None;
        }
        let found = doc.slice(&mention.span);
        let who = doc.slice(&span);
        let (last, last_en) = register.institution(was).period.until_text()?;
        let insert = if doc.starts_sentence(mention.span.start) {
            "Mantan "
        } else {
            "mantan "
        };
        Some(
            Diagnostic::new(
                mention.span.clone(),
                Localized::new(
                    format!("{who} menjabat “{found}” hanya sampai {last}; tulis “mantan {found}”"),
                    format!("{who} held “{found}” only until {last_en}; write “mantan {found}”"),
                ),
            )
            .with_fix(Fix::replace(
                mention.span.start..mention.span.start,
                insert,
                Applicability::Unsafe,
            )),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn check(text: &str, date: &str) -> Vec<(String, Option<String>)> {
        Check::rules(&["official-name"]).on(date).found(text)
    }

    #[test]
    fn the_date_decides() {
        let text = "Menteri Komunikasi dan Informatika membuka acara.";
        assert!(check(text, "2023-05-01").is_empty());
        assert_eq!(
            check(text, "2025-05-01"),
            [(
                "Komunikasi dan Informatika".to_string(),
                Some("Komunikasi dan Digital".to_string())
            )]
        );
    }

    #[test]
    fn historical_mentions_stay_clean() {
        for text in [
            "Kominfo, yang kini bernama Komdigi, memblokir situs itu.",
            "Saat masih bernama Kominfo, kementerian itu memblokir situs.",
            "Pada 2023 Kominfo memblokir situs itu.",
            "Mantan Menkominfo Budi Arie hadir.",
            "Aturan itu terbit di era Kemendikbudristek.",
        ] {
            assert!(check(text, "2025-03-01").is_empty(), "{text}");
        }
    }

    #[test]
    fn splits_offer_each_choice_the_texts_topic_first() {
        let first_fix = |text: &str| {
            (Check::rules(&["official-name"])
                .on("2025-03-01")
                .findings(text))
            .into_iter()
            .map(|f| (f.text.clone(), f.fixes.clone()))
            .collect::<Vec<_>>()
        };
        assert_eq!(
            first_fix("Kementerian PUPR membangun jalan tol dan bendungan."),
            [(
                "Kementerian PUPR".to_string(),
                vec!["PU".to_string(), "PKP".to_string()]
            )]
        );
        assert_eq!(
            first_fix("Kementerian PUPR menyalurkan rumah subsidi lewat FLPP."),
            [(
                "Kementerian PUPR".to_string(),
                vec!["PKP".to_string(), "PU".to_string()]
            )]
        );
        for f in Check::rules(&["official-name"])
            .on("2025-03-01")
            .findings("Rapat Kementerian PUPR.")
        {
            assert!(
                f.diagnostic
                    .fixes
                    .iter()
                    .all(|x| x.applicability == crate::diagnostic::Applicability::Unsafe)
            );
        }
    }

    #[test]
    fn a_former_holder_gets_mantan() {
        assert_eq!(
            check("Menkominfo Budi Arie hadir.", "2025-03-01"),
            [("Menkominfo".to_string(), Some("Mantan ".to_string()))]
        );
    }
}
