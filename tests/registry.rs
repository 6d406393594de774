//! One source for a rule's id, the name of its file in `rules/`: the registry, the rules'
//! documentation, `lintas rules`, `docs/rules.md` and the README's table of rules all list the
//! same rules, in the same order.

use std::path::Path;

use lintas::config::Config;
use lintas::rules;
use snapbox::cmd::{Command, cargo_bin};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The ids in the first column of a Markdown table's rows: `` | `id` | … ``.
fn table_ids(markdown: &str, after: &str) -> Vec<String> {
    let start = markdown
        .find(after)
        .unwrap_or_else(|| panic!("{after:?} is there"));
    markdown[start..]
        .lines()
        .skip_while(|l| !l.starts_with('|'))
        .take_while(|l| l.starts_with('|'))
        .filter_map(|l| {
            let cell = l.trim_start_matches('|').split('|').next()?.trim();
            let id = cell.trim_start_matches('[').split('`').nth(1)?;
            Some(id.to_string())
        })
        .collect()
}

#[test]
fn every_list_of_rules_agrees() {
    let registry = rules::ids();
    assert!(registry.len() >= 15, "{registry:?}");

    let mut files: Vec<String> = std::fs::read_dir(root().join("rules"))
        .expect("rules/")
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).ok()?;
            let is_rule = text.lines().any(|l| l.trim() == "[rule]");
            is_rule.then(|| name.trim_end_matches(".toml").to_string())
        })
        .collect();
    files.sort();
    assert_eq!(files, registry, "rules/ and the registry");

    let documented: Vec<String> = rules::all(&Config::default())
        .expect("the rules build")
        .into_iter()
        .map(|r| r.meta.id)
        .collect();
    assert_eq!(documented, registry, "the rules' documentation");

    let listed = Command::new(cargo_bin!("lintas"))
        .arg("rules")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Vec<String> = String::from_utf8_lossy(&listed)
        .lines()
        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
        .collect();
    assert_eq!(listed, registry, "lintas rules");

    let reference = std::fs::read_to_string(root().join("docs/rules.md")).expect("docs/rules.md");
    assert_eq!(table_ids(&reference, "| id |"), registry, "docs/rules.md");

    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let mut in_readme = table_ids(&readme, "## The rules");
    in_readme.sort();
    assert_eq!(in_readme, registry, "the README's table of rules");
}

#[test]
fn yielding_names_real_rules() {
    let all = rules::all(&Config::default()).expect("the rules build");
    let ids = rules::ids();
    for rule in &all {
        for other in &rule.meta.yields_to {
            assert!(ids.contains(other), "{} yields to “{other}”", rule.meta.id);
            assert_ne!(other, &rule.meta.id, "{} yields to itself", rule.meta.id);
        }
    }
}
