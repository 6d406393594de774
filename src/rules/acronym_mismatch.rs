//! `acronym-mismatch`: an acronym and its expansion side by side, `Expansion (ACR)` or
//! `ACR (Expansion)`, that do not belong together: “digital-ke-bisnis (B2B)”.

use std::borrow::Cow;

use crate::data::schema::AcronymMismatchFile;
use crate::diagnostic::{Applicability, Diagnostic, Fix, Localized};
use crate::lang::acronyms::{
    Glossary, NearMiss, accepts, accepts_ending, can_abbreviate, content_parts, is_all_capitals,
    near_miss, some_ending_abbreviates, words_before,
};
use crate::lang::case::{match_case_in_context, starts_uppercase};
use crate::lang::english::WordLanguage;
use crate::lang::institutions::{FormKind, InstitutionId, Mention, Register};
use crate::lang::lexicon::Spelling;
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
            // An acronym of two words the glossary or the register knows (Satpol PP, Komnas
            // HAM), or of one.
            let joint = match inner.as_slice() {
                [a, b] if text[a.end..b.start] == *" " => Some(a.start..b.end),
                _ => None,
            };
            let joint = joint.filter(|span| self.qualifies(register, &text[span.clone()]));
            if let Some(span) =
                joint.or_else(|| inner.first().filter(|_| inner.len() == 1).map(|w| w.span()))
            {
                let acronym = &text[span.clone()];
                let before = words_before(text, &tokens[..i]);
                if self.qualifies(register, acronym) {
                    out.extend(self.expansion_before(ctx, &before, span));
                } else if is_all_capitals(acronym) {
                    out.extend(unknown_expansion(ctx, &before, span));
                }
            } else if inner.len() >= 2 && i >= 2 && tokens[i - 1].text(text) == " " {
                let acronym = tokens[i - 2];
                if !acronym.is_word() {
                    continue;
                }
                if self.qualifies(register, acronym.text(text)) {
                    out.extend(self.expansion_inside(ctx, acronym.span(), &inner));
                } else if is_all_capitals(acronym.text(text)) {
                    // Inside the parenthesis, the expansion is all of it.
                    out.extend(
                        unknown_expansion(ctx, &inner, acronym.span())
                            .filter(|d| d.span.start == inner[0].start),
                    );
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
        let known = expansions_of(&self.glossary, register, acronym)?;
        let named = (ctx.mentions())
            .iter()
            .find(|m| m.span.end == last.end && m.kind() == FormKind::Name);
        if let Some(named) = named {
            // The same institution under an older or newer name is official-name's; another
            // body's name is a mistranslation of the one the acronym stands for.
            let same = institutions
                .iter()
                .any(|&i| (named.refs.iter()).any(|r| register.related(i, r.institution)));
            let own = (named.refs.iter()).any(|r| {
                let named = register.institution(r.institution);
                named.forms.iter().any(|f| f.eq_ignore_ascii_case(acronym))
            });
            // The acronym may abbreviate the name's end (Kementerian Energi dan Sumber Daya
            // Mineral (ESDM)).
            if same || own || accepts_ending(&known, doc.slice(&named.span)) {
                return None;
            }
            return Some(self.other_institution(ctx, named, acronym_span, &known[0]));
        }
        if accepts_ending(&known, &text[before.first()?.start..last.end]) {
            return None;
        }
        let (expansion, k) = mistranslation(ctx, &known, acronym, &words, Window::Ending)?;
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
        let known = expansions_of(&self.glossary, register, acronym)?;
        if accepts(&known, phrase) {
            return None;
        }
        let (expansion, k) = mistranslation(ctx, &known, acronym, &words, Window::Whole)?;
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

    /// The acronym of one body after the registered name of another (“Badan Pangan Nasional
    /// (BGN)”, “Dewan Perwakilan Daerah (DPRD)”): a translation most often keeps the acronym
    /// and gets the name wrong, so the first fix writes the name the acronym stands for, the
    /// second the named body's own acronym.
    fn other_institution(
        &self,
        ctx: &Context<'_>,
        named: &Mention,
        acronym_span: Span,
        meant: &str,
    ) -> Diagnostic {
        let doc = ctx.doc;
        let acronym = doc.slice(&acronym_span);
        let found = doc.slice(&named.span);
        let replacement =
            match_case_in_context(found, meant, doc.starts_sentence(named.span.start));
        let mut diag = Diagnostic::new(
            named.span.clone(),
            Localized::new(
                format!("“{acronym}” adalah singkatan “{meant}”, bukan “{found}”"),
                format!("“{acronym}” stands for “{meant}”, not “{found}”"),
            ),
        )
        .with_label(
            acronym_span.clone(),
            Localized::new("singkatannya", "the acronym"),
        )
        .with_fix(Fix::replace(
            named.span.clone(),
            replacement,
            Applicability::Unsafe,
        ));
        let own = ctx.register.institution(named.refs[0].institution);
        if let Some(short) = own.forms.iter().find(|f| !f.contains(' ')) {
            diag = diag.with_fix(
                Fix::replace(acronym_span, short.clone(), Applicability::Unsafe).with_message(
                    Localized::new(
                        format!("atau, bila namanya benar, tulis singkatannya “{short}”"),
                        format!("or, if the name is right, write its acronym “{short}”"),
                    ),
                ),
            );
        }
        diag
    }
}

/// Title words that may come before an expansion without belonging to it (Kepala Tim
/// Pengendalian Inflasi Daerah).
const TITLES: &[&str] = &[
    "Kepala",
    "Ketua",
    "Wakil",
    "Direktur",
    "Sekretaris",
    "Deputi",
    "Anggota",
    "Plt",
    "Kabag",
];

/// An acronym in capitals that neither the glossary nor the register knows, after words that
/// abbreviate it but for one word (“Tim Pengendalian Inflasi Regional (TPID)”, named without a
/// fix, since lintas does not know the right word) or but for the order of two (“Bantuan Tunai
/// Langsung (BLT)”, with the words turned round as the fix).
///
/// Not when the expansion is English (an English acronym, “Australian Dollar (AUD)”), nor when
/// it is the end of a longer capitalised name (“… Jasa Keuangan, Edukasi dan Perlindungan
/// Konsumen (PEPK)”, whose acronym passes over some of its words); when its first word is the
/// odd one, only a known word written like the rest of the expansion, or opening the sentence
/// (not “berupa Survei Pendahuluan dan Eksplorasi (PSPE)”, nor a word glued to it by a scrape).
fn unknown_expansion(ctx: &Context<'_>, words: &[Token], acronym_span: Span) -> Option<Diagnostic> {
    let doc = ctx.doc;
    let text = doc.text();
    let acronym = doc.slice(&acronym_span);
    let written: Vec<&str> = words.iter().map(|t| t.text(text)).collect();
    let near = near_miss(acronym, &written, &|w| ctx.lexicon.root_initials(w))?;
    let start = near.start();
    let info = |w: &str| ctx.lexicon.info(w);
    if written[start..]
        .iter()
        .any(|w| info(w).language == WordLanguage::English)
    {
        return None;
    }
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    if start > 0
        && capitalised(written[start])
        && capitalised(written[start - 1])
        && !TITLES.contains(&written[start - 1])
    {
        return None;
    }
    let span = words[start].start..words.last()?.end;
    let found = doc.slice(&span);
    let label = Localized::new("singkatannya", "the acronym");
    match near {
        NearMiss::Substituted { wrong, letter, .. } => {
            if wrong == start {
                let opens = doc.starts_sentence(words[start].start);
                let like_the_rest = (written[start + 1..].iter())
                    .all(|w| capitalised(w) == capitalised(written[start]));
                if info(written[start]).spelling != Spelling::Known || !(opens || like_the_rest) {
                    return None;
                }
            }
            let odd = written[wrong];
            let letter = letter.to_uppercase();
            Some(
                Diagnostic::new(
                    span,
                    Localized::new(
                        format!("“{found}” tidak cocok dengan singkatan “{acronym}”: huruf {letter} tidak berasal dari “{odd}”"),
                        format!("“{found}” does not match the acronym “{acronym}”: its {letter} does not come from “{odd}”"),
                    ),
                )
                .with_label(acronym_span, label)
                .with_label(
                    words[wrong].span(),
                    Localized::new(
                        "kata ini mungkin salah terjemah; periksa kepanjangan resminya",
                        "this word may be mistranslated; check the official expansion",
                    ),
                ),
            )
        }
        NearMiss::Swapped { first, .. } => {
            let (a, b) = (words[first], words[first + 1]);
            // Only two words with a space between are turned round.
            if text[a.end..b.start] != *" " {
                return None;
            }
            let swapped = format!("{} {}", b.text(text), a.text(text));
            let swapped = match_case_in_context(&text[a.start..b.end], &swapped, false);
            Some(
                Diagnostic::new(
                    span,
                    Localized::new(
                        format!("“{found}” tidak cocok dengan singkatan “{acronym}”: urutan katanya terbalik"),
                        format!("“{found}” does not match the acronym “{acronym}”: its words are in the wrong order"),
                    ),
                )
                .with_label(acronym_span, label)
                .with_fix(Fix::replace(a.start..b.end, swapped, Applicability::Unsafe)),
            )
        }
    }
}

/// What an acronym may stand for: the glossary's expansions, else the spelled-out names of the
/// institutions the register says it abbreviates.
fn expansions_of<'a>(
    glossary: &'a Glossary,
    register: &Register,
    acronym: &str,
) -> Option<Cow<'a, [String]>> {
    if let Some(entry) = glossary.get(acronym) {
        return Some(Cow::Borrowed(&entry.expansions));
    }
    let list: Vec<String> = institutions_of(register, acronym)
        .into_iter()
        .flat_map(|i| register.spelled_out(i).map(str::to_string))
        .collect();
    (!list.is_empty()).then_some(Cow::Owned(list))
}

/// Which words may be an expansion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Window {
    /// An ending of the words before an acronym, its start unmarked.
    Ending,
    /// All the words inside a parenthesis after it.
    Whole,
}

/// How much of an expansion a phrase must share to be called a mistranslation of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shared {
    /// The phrase's letters cannot form the acronym: one word of the expansion will do.
    Any,
    /// The letters still fit: all the expansion's words but one, the one a translation picked
    /// another word for (Tentara Negara Indonesia for TNI, Kepolisian Seksi for Polsek); sharing
    /// less, it is some other body or term with the same acronym (Dinas Pekerjaan Umum dan
    /// Penataan Ruang for PUPR).
    AllButOne,
}

impl Shared {
    /// How many of an expansion's content words a phrase of `window` words must share: with as
    /// many words as the expansion, all but one (Kepolisian Seksi for Kepolisian Sektor); with
    /// more, at least two besides (not Perum Badan Urusan Logistik for Perum Bulog).
    fn needed(self, expansion_words: usize, same_length: bool) -> usize {
        let all_but_one = expansion_words.saturating_sub(1);
        match self {
            Shared::Any => 1,
            Shared::AllButOne if same_length => all_but_one.max(1),
            Shared::AllButOne => all_but_one.max(2),
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

/// The accepted expansion among `known` that `words`, read as `window` says, mistranslate, and
/// how many words it replaces: sharing all its words but one where the words could still form
/// `acronym`, any one where they could not (see [`Shared`]).
fn mistranslation(
    ctx: &Context<'_>,
    known: &[String],
    acronym: &str,
    words: &[&str],
    window: Window,
) -> Option<(String, usize)> {
    let roots = |w: &str| ctx.lexicon.root_initials(w);
    let fits = match window {
        Window::Ending => some_ending_abbreviates(acronym, words, &roots),
        Window::Whole => can_abbreviate(acronym, words, &roots),
    };
    let needed = if fits { Shared::AllButOne } else { Shared::Any };
    best_expansion(known, words, needed, window, &|w| ctx.lexicon.knows(w))
}

/// The accepted expansion the end of `words` mistranslates, and how many words it replaces:
/// the expansion sharing the most words with them, where the words also hold one the expansion
/// lacks (digital-ke-bisnis for bisnis-ke-bisnis; up to two words more than it has: Kementerian
/// Perdagangan dan Industri for Kemendag; or one in its place, its first word too: Pengadilan
/// Konstitusi for Mahkamah Konstitusi, when `knows` that word: not a word a scrape glued to
/// it), or hold its words in another order (Indonesia Bank for Bank Indonesia). A shortened expansion (Produk Domestik Regional for PDRB) or a note sharing
/// fewer words than `needed` asks is not a mismatch (Memorandum Pemahaman for MoU is a calque,
/// left to that rule).
fn best_expansion(
    expansions: &[String],
    words: &[&str],
    needed: Shared,
    window: Window,
    knows: &dyn Fn(&str) -> bool,
) -> Option<(String, usize)> {
    // (shared words, window, expansion, words replaced)
    let mut best: Option<(usize, usize, &String, usize)> = None;
    for e in expansions {
        let parts = content_parts(e);
        let k = e.split_whitespace().count();
        let windows = match window {
            Window::Ending => k..=(k + 2).min(words.len()),
            Window::Whole => words.len()..=words.len(),
        };
        for window in windows {
            let tail = &words[words.len() - window..];
            // Start at the first word of the tail that shares a part with the expansion; with as
            // many words as the expansion, at its first word whatever it is, when its words are
            // capitalised as a name's (the first word mistranslated).
            let Some(shared_from) = tail
                .iter()
                .position(|w| content_parts(w).iter().any(|p| parts.contains(p)))
            else {
                continue;
            };
            let name_like = window == k && tail.iter().all(|w| starts_uppercase(w));
            // The expansion's words after its first, in its order: the first word is the one
            // replaced (pemecatan hubungan kerja for pemutusan hubungan kerja).
            let expansion_words: Vec<&str> = e.split_whitespace().collect();
            let first_replaced = window == k
                && k > 1
                && knows(tail[0])
                && (tail[1..].iter().zip(&expansion_words[1..]))
                    .all(|(t, x)| alike(&t.to_lowercase(), &x.to_lowercase()));
            let skip = if name_like || first_replaced {
                0
            } else {
                shared_from
            };
            let tail_parts = content_parts(&tail[skip..].join(" "));
            let shared = (parts.iter())
                .filter(|p| tail_parts.iter().any(|t| alike(p, t)))
                .count();
            // With more words than the expansion, “Republik Indonesia” after a name is its
            // country, not a word the translation put in (Kementerian Keuangan Republik
            // Indonesia for Kemenkeu).
            let foreign = (tail_parts.iter()).any(|t| {
                let country = window > k && COUNTRY_WORDS.contains(&t.as_str());
                !country && !parts.iter().any(|p| alike(p, t))
            });
            let reordered = tail_parts != parts && {
                let (mut a, mut b) = (tail_parts.clone(), parts.clone());
                a.sort();
                b.sort();
                a == b
            };
            // All its words are some longer expansion's: that one shortened, not mistranslated
            // (Badan Penyelenggara Jaminan Kesehatan for BPJS, of BPJS Kesehatan).
            let shortened = expansions.iter().any(|other| {
                let theirs = content_parts(other);
                theirs.len() > tail_parts.len()
                    && (tail_parts.iter()).all(|t| theirs.iter().any(|p| alike(p, t)))
            });
            let mistranslated =
                foreign && !shortened && shared >= needed.needed(parts.len(), window == k);
            let better = best.is_none_or(|(s, w, ..)| {
                (shared, std::cmp::Reverse(window)) > (s, std::cmp::Reverse(w))
            });
            if (reordered || mistranslated) && better {
                best = Some((shared, window, e, window - skip));
            }
        }
    }
    best.map(|(.., e, k)| (e.clone(), k))
}

/// Words that name the country a name belongs to.
const COUNTRY_WORDS: &[&str] = &["republik", "indonesia", "ri"];

/// One word, or forms of one word (`makan`, `makanan`): not a translation's other word.
fn alike(a: &str, b: &str) -> bool {
    a == b || (a.len().min(b.len()) >= 4 && (a.starts_with(b) || b.starts_with(a)))
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
            [(
                "Badan Pangan Nasional".to_string(),
                Some("Badan Gizi Nasional".to_string())
            )]
        );
        assert_eq!(
            check("Data BPS (Bank Indonesia) menunjukkan."),
            [("Bank Indonesia".to_string(), None)]
        );
    }
}
