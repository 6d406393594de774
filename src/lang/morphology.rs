//! Indonesian word structure that a stem-and-affix dictionary does not cover on its own: enclitics
//! stacked after suffixes (`memberikannya`, `pengalamannyalah`), productive affixation of stems the
//! dictionary lists without the matching affix flags (`perundungan`, `dikucurkan`,
//! `antarinstansi`), bound forms written with a hyphen before a capital or a number
//! (`se-Indonesia`, `non-Muslim`), and reduplication with affixes (`kemerah-merahan`).

/// Possessive and pronoun enclitics, written joined to the word: `bukunya`, `rumahku`, `milikmu`.
const PRONOUN_CLITICS: &[&str] = &["nya", "ku", "mu"];

/// Particles written joined to the word, after any pronoun clitic: `dialah`, `apakah`, `itupun`.
const PARTICLES: &[&str] = &["lah", "kah", "tah", "pun"];

/// Suffixes, stripped before prefixes (`di-kucur-kan`), including the productive loan suffixes
/// (`hilir-isasi`, `preman-isme`, `sinergi-tas`, `warta-wan`).
const SUFFIXES: &[&str] = &[
    "kan", "an", "i", "isasi", "isme", "itas", "tas", "wan", "wati",
];

/// Prefixes that attach without a sound change. `meN-` and `peN-` are handled apart.
const PLAIN_PREFIXES: &[&str] = &["di", "ter", "ber", "be", "bel", "ke", "se", "per", "te"];

/// How many prefixes may stack (`di-per-ketat`, `ke-ber-hasil-an`).
const MAX_PREFIXES: usize = 2;

/// The shortest root an affix analysis may leave.
const MIN_ROOT: usize = 3;

/// The shortest stem a clitic may be stripped from (`dia` + `lah`, not `ku` + `mu`).
const MIN_STEM: usize = 3;

/// Bound forms that EYD V joins with a hyphen before a capital letter or a number
/// (`se-Indonesia`, `non-Muslim`, `pasca-Reformasi`) and that are not words on their own.
pub const BOUND_PREFIXES: &[&str] = &[
    "anti", "antar", "eks", "ekstra", "infra", "intra", "kontra", "multi", "neo", "non", "pan",
    "para", "pasca", "pra", "pro", "se", "semi", "sub", "super", "supra", "trans", "ultra",
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
    let mut found: Vec<String> = Vec::new();
    for base in &bases {
        let mut stems: Vec<String> = vec![base.clone()];
        stems.extend(
            SUFFIXES
                .iter()
                .filter_map(|s| base.strip_suffix(s))
                .filter(|stem| stem.len() >= MIN_ROOT)
                .map(str::to_string),
        );
        let mut layer = stems.clone();
        for _ in 0..MAX_PREFIXES {
            let next: Vec<String> = layer.iter().flat_map(|w| without_prefix(w)).collect();
            found.extend(next.iter().cloned());
            layer = next;
        }
        found.extend(stems);
    }
    found.retain(|r| r.len() >= MIN_ROOT && r != word);
    found.sort();
    found.dedup();
    found
}

/// `word` with one prefix taken off, in every way it could have been put on.
fn without_prefix(word: &str) -> Vec<String> {
    let mut out: Vec<String> = PLAIN_PREFIXES
        .iter()
        .chain(BOUND_PREFIXES)
        .filter_map(|p| word.strip_prefix(p))
        .map(str::to_string)
        .collect();
    for nasal in ["me", "pe"] {
        if let Some(rest) = word.strip_prefix(nasal) {
            out.extend(undo_nasal(rest));
        }
    }
    out.retain(|r| r.len() >= MIN_ROOT);
    out
}

/// The roots behind the nasal of meN-/peN- (`rest` follows `me`/`pe`): `nulis` → `tulis`,
/// `ngirim` → `kirim`, `mukul` → `pukul`, `nyapu` → `sapu`, `ngebom` → `bom`, `lihat` → `lihat`.
fn undo_nasal(rest: &str) -> Vec<String> {
    let starts_vowel = |s: &str| s.starts_with(['a', 'e', 'i', 'o', 'u']);
    let mut out = vec![rest.to_string()];
    if let Some(r) = rest.strip_prefix("nge") {
        out.push(r.to_string());
    }
    if let Some(r) = rest.strip_prefix("ng") {
        out.push(r.to_string());
        if starts_vowel(r) {
            out.push(format!("k{r}"));
        }
    } else if let Some(r) = rest.strip_prefix("ny") {
        out.push(format!("s{r}"));
        out.push(format!("c{r}"));
    } else if let Some(r) = rest.strip_prefix('m') {
        out.push(r.to_string());
        if starts_vowel(r) {
            out.push(format!("p{r}"));
        }
    } else if let Some(r) = rest.strip_prefix('n') {
        out.push(r.to_string());
        if starts_vowel(r) {
            out.push(format!("t{r}"));
        }
    }
    out
}

/// Whether `part` is a bound form that may stand before a hyphen (`se` in `se-Indonesia`).
pub fn is_bound_prefix(part: &str) -> bool {
    BOUND_PREFIXES.contains(&part.to_lowercase().as_str())
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
        assert!(has("mengebom", "bom"));
        assert!(has("udahlah", "udah"));
        assert!(has("hilirisasi", "hilir"));
        assert!(has("premanisme", "preman"));
        assert!(roots("").is_empty());
        assert!(!roots("rumah").contains(&"rumah".to_string()));
    }

    #[test]
    fn bound_prefixes() {
        assert!(is_bound_prefix("se"));
        assert!(is_bound_prefix("Non"));
        assert!(!is_bound_prefix("kerja"));
    }
}
