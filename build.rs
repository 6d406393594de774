//! Embeds every `rules/*.toml` in the binary, so lintas runs from anywhere with no files beside it
//! and a new data rule is one new file. A file's `[rule]` id is read here, once, so that listing the
//! rules (`--select` checks, `lintas rules`) does not parse every file at start-up.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=rules");
    let dir = Path::new("rules");
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("the rules/ folder is part of the package")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    let mut code = String::from(
        "/// Every `rules/*.toml`: file name, text, and the id of the rule it defines, if it is one.\n\
         pub static EMBEDDED: &[(&str, &str, Option<&str>)] = &[\n",
    );
    for name in &names {
        println!("cargo:rerun-if-changed=rules/{name}");
        let text = std::fs::read_to_string(dir.join(name)).expect("rules/*.toml are readable");
        writeln!(
            code,
            "    ({name:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/rules/{name}\")), {:?}),",
            rule_id(name, &text)
        )
        .expect("writing to a String cannot fail");
    }
    code.push_str("];\n");
    let out =
        Path::new(&std::env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_rules.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}

/// The `id` of the file's `[rule]` table. A file that does not parse fails the build here, with
/// the parser's message, rather than at run time.
fn rule_id(name: &str, text: &str) -> Option<String> {
    let table: toml::Table =
        toml::from_str(text).unwrap_or_else(|e| panic!("rules/{name} is not valid TOML: {e}"));
    let id = table.get("rule")?.get("id")?.as_str();
    Some(
        id.unwrap_or_else(|| panic!("rules/{name}: [rule] id must be a string"))
            .to_owned(),
    )
}
