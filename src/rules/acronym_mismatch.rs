//! `acronym-mismatch`: an acronym and its expansion side by side, `Expansion (ACR)` or
//! `ACR (Expansion)`, that do not belong together: “digital-ke-bisnis (B2B)”.

use crate::data::schema::AcronymMismatchFile;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::acronyms::{
    Glossary, accepts, accepts_ending, content_parts, fits, some_ending_fits,
};
use crate::lang::case::match_case_in_context;
use crate::lang::institutions::{FormKind, InstitutionId, Mention, Register};
use crate::rules::{Context, Reads, Rule, Setup};
use crate::source::{Document, Span, Token, TokenKind};

pub struct AcronymMismatch {
    glossary: Glossary,
}

pub fn new(setup: &Setup) -> anyhow::Result<Box<dyn Rule>> {
    let file: AcronymMismatchFile = setup.data();
    Ok(Box::new(AcronymMismatch {
        glossary: Glossary::new(file.acronym),
    }))
}

/// How many words before an acronym may belong to its expansion.
const MAX_EXPANSION_WORDS: usize = 12;

impl Rule for AcronymMismatch {
    fn reads(&self) -> Reads {
        Reads::MENTIONS
    }

    fn check(&self, ctx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        let doc = ctx.doc;
        let register = ctx.register;
        let text = doc.text();
        let tokens = doc.tokens();
        for &mark in doc.marks() {
            let (i, t) = (mark as usize, tokens[mark as usize]);
            if t.text(text) != "(" {
                continue;
            }
            let inner = parenthesis(text, &tokens[i + 1..]);
            let Some(inner) = inner else { continue };
            if let [word] = inner.as_slice() {
                let acronym = word.text(text);
                if self.qualifies(register, acronym) {
                    let before = words_before(text, &tokens[..i]);
                    out.extend(self.expansion_before(ctx, &before, word.span()));
                }
            } else if inner.len() >= 2 && i >= 2 && tokens[i - 1].text(text) == " " {
                let acronym = tokens[i - 2];
                if acronym.is_word() && self.qualifies(register, acronym.text(text)) {
                    out.extend(self.expansion_inside(ctx, acronym.span(), &inner));
                }
            }
        }
    }
}

impl AcronymMismatch {
    /// `Expansion (ACR)`: `before` are the words before the parenthesis, nearest last.
    fn expansion_before(
        &self,
        ctx: &Context<'_>,
        before: &[Token],
        acronym_span: Span,
    ) -> Option<Diagnostic> {
        let (doc, register) = (ctx.doc, ctx.register);
        let text = doc.text();
        let acronym = doc.slice(&acronym_span);
        let last = before.last()?;
        let words: Vec<&str> = before.iter().map(|t| t.text(text)).collect();
        let institutions = institutions_of(register, acronym);
        if !institutions.is_empty() {
            if let Some(named) = (ctx.mentions())
                .iter()
                .find(|m| m.span.end == last.end && m.kind() == FormKind::Name)
            {
                // The same institution under an older or newer name is official-name's.
                let same = institutions.iter().any(|&i| {
                    named
                        .refs
                        .iter()
                        .any(|r| register.related(i, r.institution))
                });
                if same {
                    return None;
                }
                return Some(self.other_institution(ctx, named, acronym_span, institutions[0]));
            }
        }
        let known = Expansions::of(&self.glossary, register, acronym)?;
        if accepts_ending(&known.list, &words.join(" ")) {
            return None;
        }
        let needed = known.shared_needed(some_ending_fits(acronym, &words))?;
        let (expansion, k) = best_expansion(&known.list, &words, needed)?;
        let span = before[before.len() - k].start..last.end;
        Some(self.wrong_expansion(doc, span, &expansion, acronym_span))
    }

    /// `ACR (Expansion)`: `inner` are the words inside the parenthesis.
    fn expansion_inside(
        &self,
        ctx: &Context<'_>,
        acronym_span: Span,
        inner: &[Token],
    ) -> Option<Diagnostic> {
        let (doc, register) = (ctx.doc, ctx.register);
        let text = doc.text();
        let acronym = doc.slice(&acronym_span);
        let span = inner.first()?.start..inner.last()?.end;
        let phrase = doc.slice(&span);
        let words: Vec<&str> = inner.iter().map(|t| t.text(text)).collect();
        let institutions = institutions_of(register, acronym);
        if !institutions.is_empty() {
            let named = register.lookup(phrase);
            if !named.is_empty() {
                let same = named.iter().any(|r| {
                    institutions
                        .iter()
                        .any(|&i| register.related(i, r.institution))
                });
                return if same {
                    None
                } else {
                    let inst = register.institution(institutions[0]);
                    Some(
                        Diagnostic::new(
                            span.clone(),
                            Localized::new(
                                format!(
                                    "“{acronym}” adalah singkatan “{}”, bukan “{phrase}”",
                                    inst.name
                                ),
                                format!("“{acronym}” stands for “{}”, not “{phrase}”", inst.name),
                            ),
                        )
                        .with_label(acronym_span, Localized::new("singkatannya", "the acronym")),
                    )
                };
            }
        }
        let known = Expansions::of(&self.glossary, register, acronym)?;
        if accepts(&known.list, phrase) {
            return None;
        }
        let needed = known.shared_needed(fits(acronym, &words))?;
        let (expansion, k) = best_expansion(&known.list, &words, needed)?;
        (k == words.len()).then(|| self.wrong_expansion(doc, span, &expansion, acronym_span))
    }

    fn wrong_expansion(
        &self,
        doc: &Document,
        span: Span,
        expansion: &str,
        acronym_span: Span,
    ) -> Diagnostic {
        let found = doc.slice(&span);
        let acronym = doc.slice(&acronym_span);
        let replacement = match_case_in_context(found, expansion, doc.starts_sentence(span.start));
        Diagnostic::new(
            span.clone(),
            Localized::new(
                format!("“{found}” bukan kepanjangan “{acronym}”; tulis “{replacement}”"),
                format!("“{found}” is not what “{acronym}” stands for; write “{replacement}”"),
            ),
        )
        .with_label(acronym_span, Localized::new("singkatannya", "the acronym"))
        .with_fix(Fix::replace(span, replacement, Applicability::Unsafe))
    }

    /// The acronym of one institution after the name of another (“Badan Pangan Nasional (BGN)”).
    fn other_institution(
        &self,
        ctx: &Context<'_>,
        named: &Mention,
        acronym_span: Span,
        meant: InstitutionId,
    ) -> Diagnostic {
        let acronym = ctx.doc.slice(&acronym_span);
        let found = ctx.doc.slice(&named.span);
        let meant = ctx.register.institution(meant);
        let own = ctx.register.institution(named.refs[0].institution);
        let mut diag = Diagnostic::new(
            acronym_span.clone(),
            Localized::new(
                format!(
                    "“{acronym}” adalah singkatan “{}”, bukan “{found}”",
                    meant.name
                ),
                format!("“{acronym}” stands for “{}”, not “{found}”", meant.name),
            ),
        )
        .with_label(
            named.span.clone(),
            Localized::new("nama yang disingkat", "the name abbreviated"),
        );
        if let Some(short) = own.forms.iter().find(|f| !f.contains(' ')) {
            diag = diag.with_fix(Fix::replace(
                acronym_span,
                short.clone(),
                Applicability::Unsafe,
            ));
        }
        diag
    }
}

/// What an acronym may stand for, and how sure the list is.
struct Expansions {
    list: Vec<String>,
    /// From the glossary, which lists translations: a phrase whose letters still fit the acronym
    /// may be a mistranslation of one. The register lists names only, and a phrase that fits is
    /// some other body with the same acronym (Dinas PUPR).
    from_glossary: bool,
}

impl Expansions {
    /// The glossary's expansions, else the spelled-out names of the institutions it abbreviates.
    fn of(glossary: &Glossary, register: &Register, acronym: &str) -> Option<Expansions> {
        if let Some(entry) = glossary.get(acronym) {
            return Some(Expansions {
                list: entry.expansions.clone(),
                from_glossary: true,
            });
        }
        let list: Vec<String> = institutions_of(register, acronym)
            .into_iter()
            .flat_map(|i| register.spelled_out(i))
            .collect();
        (!list.is_empty()).then_some(Expansions {
            list,
            from_glossary: false,
        })
    }

    /// How many words a phrase must share with an expansion to be called a mistranslation of it;
    /// `None` when a phrase that fits the acronym is taken as it is.
    fn shared_needed(&self, fit: bool) -> Option<usize> {
        match (fit, self.from_glossary) {
            (false, _) => Some(1),
            (true, true) => Some(2),
            (true, false) => None,
        }
    }
}

impl AcronymMismatch {
    /// Whether a word in parentheses or before one is an acronym the glossary or the register
    /// knows.
    fn qualifies(&self, register: &Register, word: &str) -> bool {
        self.glossary.get(word).is_some() || !institutions_of(register, word).is_empty()
    }
}

/// The institutions a one-word short form names (BGN, Komdigi).
fn institutions_of(register: &Register, acronym: &str) -> Vec<InstitutionId> {
    register
        .lookup(acronym)
        .into_iter()
        .filter(|r| !r.wrong && !r.regional && r.kind == FormKind::Short)
        .map(|r| r.institution)
        .collect()
}

/// The words of a parenthesis opened just before `rest`, if it closes in the same line and holds
/// only words, spaces and commas.
fn parenthesis(text: &str, rest: &[Token]) -> Option<Vec<Token>> {
    let mut words = Vec::new();
    for t in rest.iter().take(40) {
        match (t.kind, t.text(text)) {
            (TokenKind::Punct, ")") => return (!words.is_empty()).then_some(words),
            (TokenKind::Word, _) => words.push(*t),
            (TokenKind::Space, _) | (TokenKind::Punct, ",") => {}
            _ => return None,
        }
    }
    None
}

/// The words right before a parenthesis that may be its expansion: back to the start of the
/// clause, at most [`MAX_EXPANSION_WORDS`], nearest last.
fn words_before(text: &str, before: &[Token]) -> Vec<Token> {
    let mut words = Vec::new();
    for t in before.iter().rev() {
        match (t.kind, t.text(text)) {
            (TokenKind::Word, _) => {
                words.push(*t);
                if words.len() == MAX_EXPANSION_WORDS {
                    break;
                }
            }
            (TokenKind::Space, _) | (TokenKind::Punct, ",") => {}
            _ => break,
        }
    }
    words.reverse();
    words
}

/// The accepted expansion the end of `words` mistranslates, and how many words it replaces:
/// the expansion sharing the most words with them, where the words also hold one the expansion
/// lacks (digital-ke-bisnis for bisnis-ke-bisnis). A shortened expansion (Produk Domestik
/// Regional for PDRB) or a note sharing fewer than `needed` words is not a mismatch (two where
/// the letters still fit: Anggaran Penerimaan dan Belanja Negara for APBN is a mismatch,
/// Memorandum Pemahaman for MoU is a calque and left to that rule).
fn best_expansion(expansions: &[String], words: &[&str], needed: usize) -> Option<(String, usize)> {
    let mut best: Option<(usize, &String, usize)> = None;
    for e in expansions {
        let parts = content_parts(e);
        let k = e.split_whitespace().count();
        if k > words.len() {
            continue;
        }
        // Start at the first word of the tail that shares a part with the expansion.
        let tail = &words[words.len() - k..];
        let Some(skip) = tail
            .iter()
            .position(|w| content_parts(w).iter().any(|p| parts.contains(p)))
        else {
            continue;
        };
        let tail_parts = content_parts(&tail[skip..].join(" "));
        let shared = parts.iter().filter(|p| tail_parts.contains(p)).count();
        let foreign = tail_parts.iter().any(|p| !parts.contains(p));
        if foreign && shared >= needed && best.is_none_or(|(s, ..)| shared > s) {
            best = Some((shared, e, k - skip));
        }
    }
    best.map(|(_, e, k)| (e.clone(), k))
}

#[cfg(test)]
mod tests {
    use crate::testing::Check;

    fn check(text: &str) -> Vec<(String, Option<String>)> {
        Check::rules(&["acronym-mismatch"]).found(text)
    }

    #[test]
    fn the_seed_expansion_is_fixed() {
        assert_eq!(
            check("Selain itu, ada juga kolaborasi ekosistem digital-ke-bisnis (B2B), termasuk."),
            [(
                "digital-ke-bisnis".to_string(),
                Some("bisnis-ke-bisnis".to_string())
            )]
        );
    }

    #[test]
    fn matching_pairs_stay_clean() {
        for text in [
            "Badan Gizi Nasional (BGN) bekerja.",
            "Produk Domestik Bruto (PDB) naik.",
            "Otoritas Jasa Keuangan (OJK) menegur.",
            "Kementerian Komunikasi dan Digital (Komdigi) hadir.",
            "Teknologi Kecerdasan Buatan (AI) dan Internet of Things (IoT).",
            "MOU (Memorandum Pemahaman) diteken.",
            "MoU (Memorandum of Understanding) diteken.",
            "Kepolisian Negara Republik Indonesia (Polri) menangkap Ahmad Sugeng Santoso (ASS).",
            "Harga naik (lihat tabel) dan UMKM (usaha mikro, kecil, dan menengah) tumbuh.",
            "Komisi III (bidang hukum) rapat.",
            "Porsinya 30% terhadap Produk Domestik Regional (PDRB) provinsi itu.",
            "Bank Sentral Eropa (ECB) dan PT Bank Mandiri (Persero) Tbk (BMRI) menguat.",
        ] {
            assert!(check(text).is_empty(), "{text}: {:?}", check(text));
        }
    }

    #[test]
    fn another_institutions_acronym_is_flagged() {
        assert_eq!(
            check("Program itu dijalankan Badan Pangan Nasional (BGN)."),
            [("BGN".to_string(), Some("Bapanas".to_string()))]
        );
        assert_eq!(
            check("Data BPS (Bank Indonesia) menunjukkan."),
            [("Bank Indonesia".to_string(), None)]
        );
    }
}
