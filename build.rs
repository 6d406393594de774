//! Checks every `rules/*.toml` with the types the run reads it into (`src/data/schema`) and
//! embeds it in the binary, so lintas runs from anywhere with no files beside it and a bad entry
//! fails the build with its file and line. The files are embedded as JSON, which parses several
//! times faster than TOML; a rule's file name is its
//! id, and the registry of rules (`src/rules/mod.rs`) is written from the files here.
//!
//! And compiles the lexicons into `fst` sets and maps that the binary reads in place, so a run
//! starts without parsing them:
//! - the built-in Hunspell dictionary expanded into every word form it accepts;
//! - the word-frequency lists (word → Zipf value in hundredths);
//! - the English lexicon respelt as Indonesian loanwords;
//! - the spelling-suggestion candidates.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;

// The run-time readers in these modules are unused here.
#[allow(dead_code)]
#[path = "src/lang/candidates.rs"]
mod candidates;
#[allow(dead_code)]
#[path = "src/lang/hunspell_forms.rs"]
mod hunspell_forms;
#[path = "src/lang/loanwords.rs"]
mod loanwords;
// The checks are what is used here; the run reads the rest.
#[allow(dead_code, unused_imports)]
#[path = "src/data/schema/mod.rs"]
mod schema;
#[allow(dead_code)]
#[path = "src/lang/zipf_list.rs"]
mod zipf_list;

use schema::Checked;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    println!("cargo:rerun-if-changed=src/data/schema");
    for module in ["candidates", "hunspell_forms", "loanwords", "zipf_list"] {
        println!("cargo:rerun-if-changed=src/lang/{module}.rs");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    embed_rules(Path::new("rules"), &out);
    compile_lexicons(&out);
}

/// How a rule is built: from its file alone, or by a module of `src/rules/`.
enum Kind {
    Phrases,
    Code,
}

/// Check every `rules/*.toml` in `dir`, write it to `out` as JSON, and write the list of them
/// and the rules' registry. On a bad file, print every problem with its file and line, and stop
/// the build.
fn embed_rules(dir: &Path, out: &Path) {
    let mut stems: Vec<String> = std::fs::read_dir(dir)
        .expect("the rules/ folder is part of the package")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.strip_suffix(".toml").map(str::to_owned)
        })
        .collect();
    stems.sort();
    let mut embedded = String::from(
        "/// Every `rules/*.toml`, checked by build.rs: its name (without `.toml`) and its data as \
         JSON.\nstatic EMBEDDED: &[(&str, &str)] = &[\n",
    );
    let mut rules = Vec::new();
    let mut failed = false;
    for stem in &stems {
        let path = dir.join(format!("{stem}.toml"));
        println!("cargo:rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(&path).expect("rules/*.toml are readable");
        match checked(stem, &text) {
            Ok((json, kind)) => {
                let json_name = format!("{stem}.json");
                std::fs::write(out.join(&json_name), json).expect("OUT_DIR is writable");
                writeln!(
                    embedded,
                    "    ({stem:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{json_name}\"))),"
                )
                .expect("writing to a String cannot fail");
                if let Some(kind) = kind {
                    rules.push((stem.clone(), kind));
                }
            }
            Err(problems) => {
                failed = true;
                for problem in problems {
                    eprintln!("{}:{problem}", path.display());
                }
            }
        }
    }
    if failed {
        eprintln!("error: rules/ has entries that are not valid (see above)");
        std::process::exit(1);
    }
    embedded.push_str("];\n");
    std::fs::write(out.join("embedded.rs"), embedded).expect("OUT_DIR is writable");
    std::fs::write(out.join("registry.rs"), registry(&rules)).expect("OUT_DIR is writable");
}

/// The file `stem` checked with its type: its JSON, and how it is built if it is a rule; or
/// each problem, `LINE: message`.
fn checked(stem: &str, text: &str) -> Result<(String, Option<Kind>), Vec<String>> {
    match stem {
        "institutions" => check::<schema::RegisterFile>(text).map(|j| (j, None)),
        "well-known-names" => check::<schema::NamesFile>(text).map(|j| (j, None)),
        "words" => check::<schema::WordsFile>(text).map(|j| (j, None)),
        "capitalization" => check::<schema::CapitalizationFile>(text).map(code),
        "acronym-mismatch" => check::<schema::AcronymMismatchFile>(text).map(code),
        "untranslated" => check::<schema::UntranslatedFile>(text).map(code),
        "word-order" => check::<schema::WordOrderFile>(text).map(code),
        "stray-text" => check::<schema::StrayTextFile>(text).map(code),
        _ if text.lines().any(|l| l.trim() == "[phrases]") => {
            check::<schema::PhraseRuleFile>(text).map(|j| (j, Some(Kind::Phrases)))
        }
        _ => check::<schema::CodeRuleFile>(text).map(code),
    }
}

fn code(json: String) -> (String, Option<Kind>) {
    (json, Some(Kind::Code))
}

/// `text` read as a `T` and checked: its JSON, or each problem with its line. The JSON holds
/// what the file writes, no more: the run reads it into the same `T`.
fn check<T: DeserializeOwned + Checked>(text: &str) -> Result<String, Vec<String>> {
    let line_error = |e: toml::de::Error| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        vec![format!("{line}: {}", e.message().trim())]
    };
    let value: T = toml::from_str(text).map_err(line_error)?;
    let problems = value.problems();
    if !problems.is_empty() {
        return Err(problems
            .iter()
            .map(|p| {
                format!(
                    "{}: {}: {}",
                    line_of_table(text, p.table, p.index),
                    p.table,
                    p.message
                )
            })
            .collect());
    }
    let table: toml::Table = toml::from_str(text).map_err(line_error)?;
    Ok(serde_json::to_string(&table).expect("TOML values are JSON values"))
}

/// The 1-based line of byte `offset`.
fn line_of(text: &str, offset: usize) -> usize {
    1 + text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// The line of the `index`-th `[[table]]` header, or of the `[table]` header (the file's first
/// line when there is none).
fn line_of_table(text: &str, table: &str, index: Option<usize>) -> usize {
    let header = match index {
        Some(_) => format!("[[{table}]]"),
        None => format!("[{}]", table.split('.').next().unwrap_or(table)),
    };
    text.lines()
        .zip(1..)
        .filter(|(line, _)| line.trim() == header)
        .nth(index.unwrap_or(0))
        .map_or(1, |(_, number)| number)
}

/// The registry: every rule, how it is built, and its id as a constant for code that names it.
fn registry(rules: &[(String, Kind)]) -> String {
    let mut code = String::from(
        "/// Every rule lintas ships, in id order: one per `rules/*.toml` with a `[rule]` table, \
         written by build.rs.\nconst SHIPPED: &[Shipped] = &[\n",
    );
    for (id, kind) in rules {
        let kind = match kind {
            Kind::Phrases => "Kind::Phrases".to_string(),
            Kind::Code => format!("Kind::Code({}::new)", id.replace('-', "_")),
        };
        writeln!(code, "    Shipped {{ id: {id:?}, kind: {kind} }},").expect("a String");
    }
    code.push_str("];\n\n/// The rules' ids, for code that names one.\npub mod id {\n");
    for (id, _) in rules {
        let name = id.replace('-', "_").to_uppercase();
        writeln!(code, "    pub const {name}: &str = {id:?};").expect("a String");
    }
    code.push_str("}\n");
    code
}

fn read(path: &str) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn write_set<'a>(path: PathBuf, sorted: impl IntoIterator<Item = &'a String>) {
    let mut set = fst::SetBuilder::memory();
    set.extend_iter(sorted)
        .expect("the words come sorted and without repeats");
    let bytes = set.into_inner().expect("an in-memory set");
    std::fs::write(path, bytes).expect("OUT_DIR is writable");
}

fn compile_lexicons(out: &Path) {
    let aff = read("rules/hunspell-id/id_ID.aff");
    let dic = read("rules/hunspell-id/id_ID.dic");
    let forms = hunspell_forms::expand(&aff, &dic)
        .unwrap_or_else(|e| panic!("rules/hunspell-id/id_ID.aff: {e}"));
    write_set(out.join("hunspell-id.fst"), &forms.plain);
    write_set(out.join("hunspell-id-hidden.fst"), &forms.hidden);

    let indonesian = read("rules/wordfreq/id.tsv");
    let english = read("rules/wordfreq/en.tsv");
    for (text, name) in [
        (&indonesian, "wordfreq-id.fst"),
        (&english, "wordfreq-en.fst"),
    ] {
        // A word listed twice would count with its first (most frequent) entry.
        let mut sorted: Vec<(&str, f32)> = zipf_list::entries(text).collect();
        sorted.sort_by(|a, b| a.0.cmp(b.0));
        sorted.dedup_by(|later, earlier| later.0 == earlier.0);
        let mut map = fst::MapBuilder::memory();
        for (word, zipf) in sorted {
            map.insert(word, zipf_list::to_hundredths(zipf))
                .expect("the words come sorted and without repeats");
        }
        let bytes = map.into_inner().expect("an in-memory map");
        std::fs::write(out.join(name), bytes).expect("OUT_DIR is writable");
    }

    let loans: BTreeSet<String> = zipf_list::entries(&english)
        .flat_map(|(word, _)| loanwords::loan_spellings(word))
        .collect();
    write_set(out.join("loan-spellings.fst"), &loans);

    // As the suggester adds them: dictionary stems first, then the frequency list's forms.
    let zipf_of: std::collections::HashMap<&str, f32> = zipf_list::entries(&indonesian).collect();
    let mut pool = candidates::CandidatesBuilder::default();
    for stem in hunspell_forms::stems(&dic) {
        pool.add(stem, true, zipf_of.get(stem).copied());
    }
    for (word, zipf) in zipf_list::entries(&indonesian) {
        pool.add(word, false, Some(zipf));
    }
    std::fs::write(out.join("suggestion-candidates.bin"), pool.encode())
        .expect("OUT_DIR is writable");
}
