//! Embeds every `rules/*.toml` in the binary, so lintas runs from anywhere with no files beside it
//! and a new data rule is one new file; converted to JSON, which parses several times faster than
//! TOML (parsing the rule files was most of a one-article run). And compiles the lexicons into
//! `fst` sets and maps that the binary reads in place, so a run starts without parsing them:
//! - the built-in Hunspell dictionary expanded into every word form it accepts;
//! - the word-frequency lists (word → Zipf value in hundredths);
//! - the English lexicon respelt as Indonesian loanwords;
//! - the spelling-suggestion candidates.
//!
//! A rule file's `[rule]` id is read here too, so that listing the rules (`--select` checks,
//! `lintas rules`) does not parse every file at start-up.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::{Path, PathBuf};

// The run-time readers in these modules are unused here.
#[allow(dead_code)]
#[path = "src/lang/candidates.rs"]
mod candidates;
#[allow(dead_code)]
#[path = "src/lang/hunspell_forms.rs"]
mod hunspell_forms;
#[path = "src/lang/loanwords.rs"]
mod loanwords;
#[allow(dead_code)]
#[path = "src/lang/zipf_list.rs"]
mod zipf_list;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    for module in ["candidates", "hunspell_forms", "loanwords", "zipf_list"] {
        println!("cargo:rerun-if-changed=src/lang/{module}.rs");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    embed_rules(&out);
    compile_lexicons(&out);
}

fn embed_rules(out: &Path) {
    let dir = Path::new("rules");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the rules/ folder is part of the package")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut code = String::from(
        "/// Every `rules/*.toml` as JSON: file name, data, and the id of the rule it defines, if it \
         is one.\npub static EMBEDDED: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed=rules/{name}");
        let text = std::fs::read_to_string(dir.join(name)).expect("rules/*.toml are readable");
        let mut table: toml::Table =
            toml::from_str(&text).unwrap_or_else(|e| panic!("rules/{name} is not valid TOML: {e}"));
        let id = rule_id(name, &table);
        if id.is_some() {
            let lines = entry_lines(&text);
            let entries = table
                .get("entry")
                .and_then(|e| e.as_array())
                .map_or(0, Vec::len);
            assert_eq!(
                lines.len(),
                entries,
                "rules/{name}: every entry starts with a line of its own reading [[entry]]"
            );
            table.insert("entry-lines".into(), lines.into());
        }
        let json_name = name.replace(".toml", ".json");
        let json = serde_json::to_string(&table).expect("TOML values are JSON values");
        std::fs::write(out.join(&json_name), json).expect("OUT_DIR is writable");
        writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"OUT_DIR\"), \"/{json_name}\")), {id:?}),",
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    std::fs::write(out.join("embedded_rules.rs"), code).expect("OUT_DIR is writable");
}

/// The line of each `[[entry]]` header, in order: an error in an embedded entry names its line.
fn entry_lines(text: &str) -> Vec<i64> {
    text.lines()
        .zip(1..)
        .filter(|(line, _)| line.trim() == "[[entry]]")
        .map(|(_, number)| number)
        .collect()
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

/// The `id` of the file's `[rule]` table, if it has one. (A file that does not parse has failed
/// the build already, with the parser's message, rather than at run time.)
fn rule_id(name: &str, table: &toml::Table) -> Option<String> {
    let id = table.get("rule")?.get("id")?.as_str();
    Some(
        id.unwrap_or_else(|| panic!("rules/{name}: [rule] id must be a string"))
            .to_owned(),
    )
}
