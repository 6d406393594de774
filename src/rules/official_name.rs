//! `official-name`: a ministry or agency named by a name that is not official on the article's
//! date (renamed, split, dissolved, not yet created) or that never was (a wrong rendering).

use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::calendar::Date;
use crate::lang::case::match_case;
use crate::lang::institutions::{self, InstitutionId, Mention, Register, Status, narrowed_edit};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::Document;

pub struct OfficialName;

pub fn new(_: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    Ok(Box::new(OfficialName))
}

impl Rule for OfficialName {
    fn reads(&self) -> Reads {
        Reads::DATES.and(Reads::MENTIONS)
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let Some(date) = ctx.date() else { return };
        let (doc, register) = (ctx.doc, ctx.register);
        for mention in ctx.mentions() {
            if doc.in_quote(&mention.span) {
                continue;
            }
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
            out.extend(self.judge(doc, register, mention, status, date.date));
        }
    }
}

impl OfficialName {
    fn judge(
        &self,
        doc: &Document,
        register: &Register,
        mention: &Mention,
        status: Status,
        date: Date,
    ) -> Option<Diagnostic> {
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
                let since_date = Date::from_days_since_epoch(until.days_since_epoch() + 1);
                let (since, since_en) = (since_date.long_id(), since_date.to_string());
                if kind.is_title() {
                    if let Some(d) = self.former_holder(doc, register, mention, was, until) {
                        return Some(d);
                    }
                }
                let message = match now.as_slice() {
                    [] => Localized::new(
                        format!("“{found}” sudah dibubarkan sejak {since}"),
                        format!("“{found}” was dissolved on {since_en}"),
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
                    _ => Localized::new(
                        format!("“{found}” dipecah sejak {since}"),
                        format!("“{found}” was split on {since_en}"),
                    ),
                };
                Some(self.finish(
                    doc,
                    mention,
                    message,
                    &names(&now),
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
                    doc,
                    mention,
                    message,
                    &names(&then),
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
                    doc,
                    mention,
                    message,
                    &names(&now),
                    Applicability::Safe,
                    &register.institution(meant).source,
                ))
            }
        }
    }

    /// A diagnostic with a fix when the replacement is unique, or help naming the choices, and
    /// the source of the register's entry.
    fn finish(
        &self,
        doc: &Document,
        mention: &Mention,
        message: Localized,
        choices: &[String],
        applicability: Applicability,
        source: &str,
    ) -> Diagnostic {
        let found = doc.slice(&mention.span);
        let source_note = Localized::new(format!("sumber: {source}"), format!("source: {source}"));
        match choices {
            [one] => {
                let (span, replacement) =
                    narrowed_edit(found, mention.span.clone(), &match_case(found, one));
                Diagnostic::new(span.clone(), message)
                    .with_fix(Fix::replace(span, replacement, applicability))
                    .with_note(source_note)
            }
            [] => Diagnostic::new(mention.span.clone(), message).with_note(source_note),
            many => {
                let list = many.join("”, “");
                Diagnostic::new(mention.span.clone(), message)
                    .with_note(Localized::new(
                        format!("pilih sesuai konteks: “{list}”"),
                        format!("choose from the context: “{list}”"),
                    ))
                    .with_note(source_note)
            }
        }
    }

    /// An outdated title before the name of someone who held it (“Menkominfo Budi Arie” in
    /// 2025): the text means the former office, so the fix is “mantan”, not the new title.
    fn former_holder(
        &self,
        doc: &Document,
        register: &Register,
        mention: &Mention,
        was: InstitutionId,
        until: Date,
    ) -> Option<Diagnostic> {
        let (span, person) = register.person_after(doc, mention.span.end)?;
        let person = register.person(person);
        let held = person
            .offices
            .iter()
            .any(|o| o.institution == was && o.period.until.is_some_and(|u| u <= until));
        if !held {
            return None;
        }
        let found = doc.slice(&mention.span);
        let who = doc.slice(&span);
        let insert = if doc.starts_sentence(mention.span.start) {
            "Mantan "
        } else {
            "mantan "
        };
        Some(
            Diagnostic::new(
                mention.span.clone(),
                Localized::new(
                    format!(
                        "{who} menjabat “{found}” hanya sampai {}; tulis “mantan {found}”",
                        until.long_id()
                    ),
                    format!("{who} held “{found}” only until {until}; write “mantan {found}”"),
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
    fn splits_name_the_choices_without_a_fix() {
        assert_eq!(
            check("Kementerian PUPR membangun jalan.", "2025-03-01"),
            [("Kementerian PUPR".to_string(), None)]
        );
    }

    #[test]
    fn a_former_holder_gets_mantan() {
        assert_eq!(
            check("Menkominfo Budi Arie hadir.", "2025-03-01"),
            [("Menkominfo".to_string(), Some("Mantan ".to_string()))]
        );
    }
}
