//! Indonesian word structure that a stem-and-affix dictionary does not cover on its own: enclitics
//! stacked after suffixes (`memberikannya`, `pengalamannyalah`), productive affixation of stems the
//! dictionary lists without the matching affix flags (`perundungan`, `dikucurkan`,
//! `antarinstansi`), bound forms written with a hyphen before a capital or a number
//! (`se-Indonesia`, `non-Muslim`), reduplication with affixes (`kemerah-merahan`), loan
//! derivations (`rekreatif` of `rekreasi`), and the informal affixes of quoted speech (`lanjutin`).

use crate::source::is_lowercase_one_of;

/// Possessive and pronoun enclitics, written joined to the word: `bukunya`, `rumahku`, `milikmu`.
const PRONOUN_CLITICS: &[&str] = &["nya", "ku", "mu"];

/// Particles written joined to the word, after any pronoun clitic: `dialah`, `apakah`, `itupun`.
const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];

/// Suffixes, stripped before prefixes (`di-kucur-kan`), including the productive loan suffixes
/// (`hilir-isasi`, `preman-isme`, `sinergi-tas`, `warta-wan`).
const SUFFIXES: &[&str] = &[
    "kan", "an", "i", "isasi", "isme", "itas", "tas", "wan", "wati",
];

/// Prefixes that attach without a sound change (with `ketidak-…-an` of a negated state:
/// `ketidakselarasan`). `meN-`, `peN-` and `be-` are handled apart.
const PLAIN_PREFIXES: &[&str] = &["di", "ter", "ber", "ke", "se", "per", "ketidak"];

/// Prefixes that -an may close as a confix (`ke-…-an`, `peN-…-an`, `per-…-an`, `ber-…-an`);
/// meN- and di- never take -an (`menjelasan` is no word).
const TAKES_AN: &[&str] = &["ke", "pe", "per", "ber", "be", "se", "ketidak"];

/// How many prefixes may stack (`di-per-ketat`, `ke-ber-hasil-an`).
const MAX_PREFIXES: usize = 2;

/// The shortest root an affix analysis may leave: Indonesian roots have two syllables or more.
const MIN_ROOT: usize = 4;

/// The shortest stem a clitic may be stripped from (`dia` + `lah`, not `ku` + `mu`).
const MIN_STEM: usize = 3;

/// Bound forms (EYD V, “Bentuk Terikat”) written joined to the next word (`antarinstansi`,
/// `bioetanol`, `nirempati`) or with a hyphen before a capital or a number (`se-Indonesia`,
/// `non-Muslim`), and not words on their own. Forms shorter than three letters (`a-`, `bi-`) are
/// left out: they would match the start of too many typos.
pub const BOUND_PREFIXES: &[&str] = &[
    "adi", "aero", "antar", "anti", "awa", "bio", "dasa", "dwi", "eka", "eko", "eks", "ekstra",
    "geo", "hidro", "infra", "inter", "intra", "kontra", "maha", "makro", "mikro", "mono", "multi",
    "neo", "nir", "non", "pan", "panca", "para", "pasca", "poli", "pra", "pro", "proto", "purna",
    "se", "semi", "sub", "super", "supra", "swa", "tele", "trans", "tri", "tuna", "ultra",
];

/// The forms of `word` without its enclitics, longest first: `memberikannyalah` gives
/// `memberikannya` and `memberikan`. `word` is expected in lower case.
pub fn without_clitics(word: &str) -> Vec<&str> {
    let mut stems = Vec::new();
    let after_particle = strip_one(word, PARTICLES);
    if let Some(stem) = after_particle {
        stems.push(stem);
    }
    for base in std::iter::once(word).chain(after_particle) {
        if let Some(stem) = strip_one(base, PRONOUN_CLITICS) {
            stems.push(stem);
        }
    }
    stems
}

fn strip_one<'a>(word: &'a str, clitics: &[&str]) -> Option<&'a str> {
    clitics.iter().find_map(|c| {
        word.strip_suffix(c)
            .filter(|stem| stem.chars().count() >= MIN_STEM)
    })
}

/// The roots `word` (lower case) may be built from by Indonesian affixation: clitics, one of the
/// suffixes -kan/-an/-i, and up to two prefixes (meN- and peN- with their nasal sound changes
/// undone: `menulis` → `tulis`, `pengirim` → `kirim`; di-, ter-, ber-, ke-, se-, per-, and the
/// bound forms such as `antar`, `pasca`, `sub`). It over-generates on purpose: a caller keeps
/// only the roots its lexicon knows.
pub fn roots(word: &str) -> Vec<String> {
    let mut bases: Vec<String> = vec![word.to_string()];
    bases.extend(without_clitics(word).into_iter().map(str::to_string));
    let derived: Vec<String> = bases
        .iter()
        .flat_map(|b| loan_derivation_bases(b))
        .collect();
    bases.extend(derived);
    let mut found: Vec<String> = Vec::new();
    for base in &bases {
        found.push(base.clone());
        let suffixed = SUFFIXES
            .iter()
            .filter_map(|suffix| Some((*suffix, base.strip_suffix(suffix)?)))
            .filter(|(_, stem)| stem.len() >= MIN_ROOT);
        for (suffix, stem) in std::iter::once(("", base.as_str())).chain(suffixed) {
            if !suffix.is_empty() {
                found.push(stem.to_string());
            }
            let mut layer = vec![stem.to_string()];
            for depth in 0..MAX_PREFIXES {
                let next: Vec<String> = layer
                    .iter()
                    .flat_map(|w| without_prefix(w))
                    .filter(|(prefix, _)| depth > 0 || suffix != "an" || TAKES_AN.contains(prefix))
                    .map(|(_, root)| root)
                    .collect();
                found.extend(next.iter().cloned());
                layer = next;
            }
        }
    }
    found.retain(|r| r.len() >= MIN_ROOT && r != word);
    found.sort();
    found.dedup();
    found
}

/// Loan derivations, each with the ending of the word it is derived from (KBBI lists
/// `rekreatif` beside `rekreasi`, `transaksional` beside `transaksi`): adjectives in -atif,
/// -utif, -onal, -onil, -istik, nouns in -isme, -onis, -ika and -log.
const LOAN_DERIVATIONS: &[(&str, &str)] = &[
    ("atif", "asi"),
    ("utif", "usi"),
    ("onal", ""),
    ("onil", ""),
    ("onis", ""),
    ("isme", "is"),
    ("istik", "isme"),
    ("istis", "isme"),
    ("ika", "ik"),
    ("log", "logi"),
];

/// A loan derivation's base has at least this many letters: shorter ones would excuse typos.
const MIN_DERIVATION_BASE: usize = 6;

/// The words `word` may be a loan derivation of (`solutif` → `solusi`): over-generated, as
/// [`roots`] is.
fn loan_derivation_bases(word: &str) -> impl Iterator<Item = String> + '_ {
    LOAN_DERIVATIONS
        .iter()
        .filter_map(move |(ending, base_ending)| {
            let base = format!("{}{base_ending}", word.strip_suffix(ending)?);
            (base.len() >= MIN_DERIVATION_BASE).then_some(base)
        })
}

/// `word` with one prefix taken off, in every way it could have been put on, with the prefix
/// (`me`/`pe` for meN-/peN-).
fn without_prefix(word: &str) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = PLAIN_PREFIXES
        .iter()
        .chain(BOUND_PREFIXES)
        .filter_map(|p| Some((*p, word.strip_prefix(p)?.to_string())))
        .collect();
    // be- before r and before a first syllable in -er: `berenang`, `bekerja`, `beternak`;
    // te- before r: `teregistrasi`.
    if let Some(rest) = word.strip_prefix("be")
        && (rest.starts_with('r') || rest.get(1..3) == Some("er"))
    {
        out.push(("be", rest.to_string()));
    }
    if let Some(rest) = word.strip_prefix("te")
        && rest.starts_with('r')
    {
        out.push(("te", rest.to_string()));
    }
    if let Some(rest) = word.strip_prefix("belajar") {
        out.push(("be", format!("ajar{rest}")));
    }
    for nasal in ["me", "pe"] {
        if let Some(rest) = word.strip_prefix(nasal) {
            out.extend(undo_nasal(rest).into_iter().map(|root| (nasal, root)));
        }
    }
    out.retain(|(_, r)| r.len() >= MIN_ROOT);
    out
}

/// The roots behind the nasal of meN-/peN- (`rest` follows `me`/`pe`), by the first sound of
/// the root: `nulis` → `tulis`, `ngirim` → `kirim`, `mukul` → `pukul`, `nyapu` → `sapu`,
/// `mbeli` → `beli`, `ndengar` → `dengar`, `ngecat` → `cat`, `lihat` → `lihat`.
fn undo_nasal(rest: &str) -> Vec<String> {
    let vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    let mut out = Vec::new();
    if rest.starts_with(['l', 'm', 'n', 'r', 'w', 'y']) && !rest.starts_with("ng") {
        out.push(rest.to_string());
    }
    if let Some(r) = rest.strip_prefix("nge") {
        out.push(r.to_string());
    }
    if let Some(r) = rest.strip_prefix("ng") {
        if vowel(r) {
            out.push(format!("k{r}"));
            out.push(r.to_string());
        } else if r.starts_with(['g', 'h', 'k']) {
            out.push(r.to_string());
        }
    } else if let Some(r) = rest.strip_prefix("ny") {
        if vowel(r) {
            out.push(format!("s{r}"));
            out.push(format!("c{r}"));
        }
    } else if let Some(r) = rest.strip_prefix('m') {
        if vowel(r) {
            out.push(format!("p{r}"));
        } else if r.starts_with(['b', 'f', 'v', 'p']) {
            out.push(r.to_string());
        }
    } else if let Some(r) = rest.strip_prefix('n') {
        if vowel(r) {
            out.push(format!("t{r}"));
        } else if r.starts_with(['c', 'd', 'j', 't', 'z']) || r.starts_with("sy") {
            out.push(r.to_string());
        }
    }
    out
}

/// The standard words the informal `word` (lower case) may be built from by the colloquial
/// Jakarta affixes that quoted speech keeps: -in for -kan/-i (`lanjutin`, `dibedakin`), the bare
/// nasal prefix (`ngambil`, `nyari`, `nulis`, `mikir`, `ngecek`), ke- of what just happens
/// (`kebawa`), and e for a in a closed last syllable (`bener`, `inget`). It over-generates: a
/// caller keeps only the roots its lexicon knows.
pub fn colloquial_roots(word: &str) -> Vec<String> {
    let mut bases = vec![word.to_string()];
    bases.extend(without_clitics(word).into_iter().map(str::to_string));
    let suffixed: Vec<String> = (bases.iter())
        .flat_map(|b| ["kin", "in"].map(|s| b.strip_suffix(s).map(str::to_string)))
        .flatten()
        .collect();
    bases.extend(suffixed);
    let mut found: Vec<String> = Vec::new();
    for base in &bases {
        found.push(base.clone());
        found.extend(undo_nasal(base));
        for prefix in ["di", "ke", "ter"] {
            if let Some(rest) = base.strip_prefix(prefix) {
                found.push(rest.to_string());
                found.extend(undo_nasal(rest));
            }
        }
    }
    let standard_vowel: Vec<String> = found
        .iter()
        .filter_map(|w| standard_last_vowel(w))
        .collect();
    found.extend(standard_vowel);
    found.retain(|r| r.len() >= MIN_STEM && r != word);
    found.sort();
    found.dedup();
    found
}

/// `word` with the e of a closed last syllable read as the a of the standard form (`bener` →
/// `benar`, `seneng` → `senang`).
fn standard_last_vowel(word: &str) -> Option<String> {
    let at = word.rfind(['a', 'e', 'i', 'o', 'u'])?;
    let closed = word.len() > at + 1;
    (word.as_bytes()[at] == b'e' && closed && at > 0)
        .then(|| format!("{}a{}", &word[..at], &word[at + 1..]))
}

/// Whether `part` is a bound form that may stand before a hyphen (`se` in `se-Indonesia`).
pub fn is_bound_prefix(part: &str) -> bool {
    is_lowercase_one_of(part, BOUND_PREFIXES)
}

/// The affixed word a reduplication with an affix stands for, when its first half alone is no
/// word: `kemerah-merahan` → `kemerahan`, `berlari-larian` → `berlarian`. The halves share the
/// repeated root (at least 3 letters): the end of `first` and the start of `second`.
pub fn reduplicated_form(first: &str, second: &str) -> Option<String> {
    let first_lower = first.to_lowercase();
    let second_lower = second.to_lowercase();
    (3..=first_lower.len().min(second_lower.len()))
        .rev()
        .filter(|&n| {
            first_lower.is_char_boundary(first_lower.len() - n) && second_lower.is_char_boundary(n)
        })
        .find(|&n| first_lower[first_lower.len() - n..] == second_lower[..n])
        .map(|n| format!("{first_lower}{}", &second_lower[n..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clitics_come_off_in_order() {
        assert_eq!(without_clitics("memberikannya"), ["memberikan"]);
        assert_eq!(
            without_clitics("pengalamannyalah"),
            ["pengalamannya", "pengalaman"]
        );
        assert_eq!(without_clitics("apakah"), ["apa"]);
        assert_eq!(without_clitics("rumahku"), ["rumah"]);
        // Too short to hold a clitic: `kamu` is not `ka` + `mu`.
        assert!(without_clitics("kamu").is_empty());
        assert!(without_clitics("").is_empty());
    }

    #[test]
    fn loan_derivations_lead_to_their_base() {
        for (word, base) in [
            ("rekreatif", "rekreasi"),
            ("solutif", "solusi"),
            ("transaksional", "transaksi"),
            ("apatisme", "apatis"),
            ("problematika", "problematik"),
            ("mutualistik", "mutualisme"),
            ("epidemiolog", "epidemiologi"),
        ] {
            assert!(
                roots(word).contains(&base.to_string()),
                "{word}: {:?}",
                roots(word)
            );
        }
    }

    #[test]
    fn colloquial_affixes_lead_to_standard_roots() {
        for (word, root) in [
            ("lanjutin", "lanjut"),
            ("dibedakin", "beda"),
            ("diajarin", "ajar"),
            ("ngambil", "ambil"),
            ("nyari", "cari"),
            ("nulis", "tulis"),
            ("mikir", "pikir"),
            ("ngecek", "cek"),
            ("kebawa", "bawa"),
            ("bener", "benar"),
            ("inget", "ingat"),
            ("seneng", "senang"),
        ] {
            let roots = colloquial_roots(word);
            assert!(roots.contains(&root.to_string()), "{word}: {roots:?}");
        }
        assert!(!colloquial_roots("rumah").contains(&"rumah".to_string()));
    }

    #[test]
    fn reduplication_with_affixes() {
        assert_eq!(
            reduplicated_form("kemerah", "merahan").as_deref(),
            Some("kemerahan")
        );
        assert_eq!(
            reduplicated_form("berlari", "larian").as_deref(),
            Some("berlarian")
        );
        assert_eq!(reduplicated_form("anak", "buah"), None);
        assert_eq!(reduplicated_form("é", "é"), None);
    }

    #[test]
    fn affix_analyses_reach_the_root() {
        let has = |word: &str, root: &str| roots(word).iter().any(|r| r == root);
        assert!(has("perundungan", "rundung"));
        assert!(has("dikucurkan", "kucur"));
        assert!(has("menulis", "tulis"));
        assert!(has("pengirimannya", "kirim"));
        assert!(has("menyapu", "sapu"));
        assert!(has("memperluas", "luas"));
        assert!(has("keberhasilan", "hasil"));
        assert!(has("antarinstansi", "instansi"));
        assert!(has("udahlah", "udah"));
        assert!(has("hilirisasi", "hilir"));
        assert!(has("premanisme", "preman"));
        assert!(has("belajar", "ajar"));
        assert!(has("berenang", "renang"));
        assert!(has("teregistrasi", "registrasi"));
        assert!(roots("").is_empty());
        assert!(!roots("rumah").contains(&"rumah".to_string()));
        // meN- never takes -an; a root has two syllables.
        assert!(!has("menjelasan", "jelas"));
        assert!(!has("membut", "but"));
    }

    #[test]
    fn bound_prefixes() {
        assert!(is_bound_prefix("se"));
        assert!(is_bound_prefix("Non"));
        assert!(!is_bound_prefix("kerja"));
    }
}
