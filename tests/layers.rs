//! The layers point down: `source` knows nothing of the rest of lintas, `data` and `files` nothing
//! at all, `lang` nothing of rules, the engine or the command line, and no module reaches, through
//! any chain of others, back to itself. Read from the code: a module's dependencies are the modules
//! its `crate::…` and `super::…` paths name (tests aside), at the depth of `lang::lexicon`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

/// Every source file of the library, with its module path (`["lang", "lexicon", "words"]`).
fn modules() -> Vec<(PathBuf, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut out = Vec::new();
    let mut folders = vec![src.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)
            .expect("src/ is readable")
            .flatten()
        {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
                continue;
            }
            let rel = path.strip_prefix(&src).expect("under src/");
            let mut parts: Vec<String> = rel
                .with_extension("")
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod") {
                parts.pop();
            }
            if !matches!(parts.as_slice(), [one] if one == "main" || one == "lib") {
                out.push((path, parts));
            }
        }
    }
    out
}

/// The dependency graph between modules, two levels deep.
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let files = modules();
    let known: BTreeSet<String> = files
        .iter()
        .flat_map(|(_, p)| (1..=p.len()).map(|n| p[..n].join("::")))
        .collect();
    let at_depth = |path: &[String]| -> Option<String> {
        (1..=2.min(path.len()))
            .rev()
            .map(|n| path[..n].join("::"))
            .find(|m| known.contains(m))
    };
    let single = Regex::new(r"\b(crate|super)::((?:\w+::)*\w+)").expect("a regex");
    let grouped = Regex::new(r"\b(crate|super)::((?:\w+::)*)\{([^}]*)\}").expect("a regex");
    let item = Regex::new(r"\w+(?:::\w+)*").expect("a regex");
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (path, module) in &files {
        let Some(me) = at_depth(module) else { continue };
        let text = std::fs::read_to_string(path).expect("a source file");
        let code = text
            .split("#[cfg(test)]\nmod tests")
            .next()
            .unwrap_or(&text);
        let parent = &module[..module.len() - 1];
        let base = |root: &str| -> Vec<String> {
            if root == "crate" {
                Vec::new()
            } else {
                parent.to_vec()
            }
        };
        let mut named: Vec<Vec<String>> = Vec::new();
        for c in single.captures_iter(code) {
            let mut p = base(&c[1]);
            p.extend(c[2].split("::").map(str::to_owned));
            named.push(p);
        }
        for c in grouped.captures_iter(code) {
            let mut prefix = base(&c[1]);
            prefix.extend(
                c[2].split("::")
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned),
            );
            for i in item.find_iter(&c[3]) {
                let mut p = prefix.clone();
                p.extend(i.as_str().split("::").map(str::to_owned));
                named.push(p);
            }
        }
        let entry = deps.entry(me.clone()).or_default();
        for p in named {
            // A module's own parent is the tree it hangs in, not a dependency.
            if let Some(target) =
                at_depth(&p).filter(|t| *t != me && !me.starts_with(&format!("{t}::")))
            {
                entry.insert(target);
            }
        }
    }
    deps
}

/// A cycle through `from`, if the graph has one.
fn cycle(deps: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        deps: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| p == node) {
            let mut found = path[at..].to_vec();
            found.push(node.to_string());
            return Some(found);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in deps.get(node).into_iter().flatten() {
            if let Some(found) = visit(next, deps, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    deps.keys()
        .find_map(|node| visit(node, deps, &mut Vec::new(), &mut done))
}

#[test]
fn the_module_graph_has_no_cycle() {
    let deps = graph();
    assert!(
        deps.len() > 30,
        "the whole library is read: {:?}",
        deps.keys()
    );
    if let Some(found) = cycle(&deps) {
        panic!("a cycle: {}", found.join(" → "));
    }
}

#[test]
fn layers_point_down() {
    let deps = graph();
    let top = |m: &str| m.split("::").next().unwrap_or(m).to_string();
    let mut wrong = Vec::new();
    for (module, targets) in &deps {
        let allowed: &[&str] = match top(module).as_str() {
            "source" | "data" | "files" => &[],
            "lang" => &["source", "data", "files", "lang", "diagnostic", "messages"],
            _ => continue,
        };
        for t in targets {
            if !allowed.contains(&top(t).as_str()) && top(t) != top(module) {
                wrong.push(format!("{module} uses {t}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The checker sees a cycle where there is one.
#[test]
fn a_cycle_is_seen() {
    let mut deps: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    deps.entry("a".into()).or_default().insert("b".into());
    deps.entry("b".into()).or_default().insert("c".into());
    assert_eq!(cycle(&deps), None);
    deps.entry("c".into()).or_default().insert("a".into());
    assert_eq!(
        cycle(&deps).map(|c| c.join(" ")),
        Some("a b c a".to_string())
    );
}
