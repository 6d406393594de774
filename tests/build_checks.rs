//! A bad entry in any `rules/*.toml` fails `cargo build` with its file and line: a copy of the
//! package, one rule file spoilt at a time, is checked by `cargo check`, which runs `build.rs`.
//! Heavy (the copy's build script is compiled once, in `target/build-checks`): `.ci/run` runs it
//! with the other ignored tests.

use std::path::Path;
use std::process::Command;

/// Copy what building the package needs into `to`.
fn copy_package(to: &Path) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for file in ["Cargo.toml", "Cargo.lock", "build.rs", "README.md"] {
        std::fs::copy(root.join(file), to.join(file)).expect("the package's files copy");
    }
    for folder in ["src", "rules"] {
        copy_folder(&root.join(folder), &to.join(folder));
    }
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("a folder of the copy");
    for entry in std::fs::read_dir(from)
        .expect("a folder of the package")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            copy_folder(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).expect("a file copies");
        }
    }
}

/// Replace `old` by `new` in the copy's `rules/NAME`, check the package, and return what the
/// build printed; the original file is put back afterwards.
fn check_with(package: &Path, name: &str, old: &str, new: &str) -> String {
    let path = package.join("rules").join(name);
    let original = std::fs::read_to_string(&path).expect("the rule file");
    assert!(original.contains(old), "{name} holds {old:?}");
    std::fs::write(&path, original.replacen(old, new, 1)).expect("written");
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/build-checks");
    let output = Command::new(env!("CARGO"))
        .args(["check", "--offline", "--quiet", "--lib"])
        .current_dir(package)
        .env("CARGO_TARGET_DIR", target)
        .output()
        .expect("cargo runs");
    std::fs::write(&path, original).expect("restored");
    assert!(
        !output.status.success(),
        "{name}: the build passed with {new:?}"
    );
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The 1-based line of the first line of `name` in the package that holds `text`.
fn line_of(name: &str, text: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("rules")
        .join(name);
    let file = std::fs::read_to_string(path).expect("the rule file");
    1 + file
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{name} holds {text:?}"))
}

#[test]
#[ignore = "heavy: builds a copy of the package's build script"]
fn a_bad_entry_fails_the_build_with_its_file_and_line() {
    let package = tempfile::tempdir().expect("a temporary folder");
    copy_package(package.path());
    // A field that is not one: the glossary's first entry.
    let line = line_of("acronym-mismatch.toml", "acronym = \"B2B\"");
    let printed = check_with(
        package.path(),
        "acronym-mismatch.toml",
        "acronym = \"B2B\"",
        "acronim = \"B2B\"",
    );
    let expected = format!("rules/acronym-mismatch.toml:{line}: unknown field `acronim`");
    assert!(printed.contains(&expected), "{printed}");
    // An entry without a source: the first non-standard word's, named by its header's line.
    let line = line_of("nonstandard-word.toml", "match = \"abjat\"") - 1;
    let printed = check_with(
        package.path(),
        "nonstandard-word.toml",
        "source = \"KBBI Daring: abjad (baku); abjat (tidak baku)\"",
        "source = \" \"",
    );
    let expected =
        format!("rules/nonstandard-word.toml:{line}: entry: entry “abjat” has no source");
    assert!(printed.contains(&expected), "{printed}");
    // A successor that is no institution, and a day that never was.
    let printed = check_with(
        package.path(),
        "institutions.toml",
        "successors = [\"",
        "successors = [\"tidak-ada\", \"",
    );
    assert!(
        printed.contains("rules/institutions.toml:")
            && printed.contains("no institution “tidak-ada”"),
        "{printed}"
    );
    let printed = check_with(
        package.path(),
        "institutions.toml",
        "until = \"",
        "until = \"2025-02-30\" #",
    );
    assert!(printed.contains("“2025-02-30” is not a date"), "{printed}");
}
