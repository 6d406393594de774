//! Every report format on arbitrary text under an arbitrary file name: nothing in the output a CI
//! runner would read as a workflow command it was not meant to, and no escape character for the
//! terminal. The text and the name are the pull request's to choose.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use lintas::config::Config;
use lintas::diagnostic::Lang;
use lintas::engine::{Linter, Selection};
use lintas::input::{FileInput, Input, Root};
use lintas::report::{self, Format, Settings, Summary};

static ROOT: LazyLock<Root> = LazyLock::new(|| Root::new(std::path::Path::new(".")).expect("a current folder"));
static LINTER: LazyLock<Linter> =
    LazyLock::new(|| Linter::new(&Config::default(), &Selection::default()).expect("the built-in rules compile"));

/// The lines (split at LF and CR, as GitHub's runner splits) that start a command, and whether an
/// escape character is there.
fn commands(out: &[u8], own: &[&str]) -> Vec<String> {
    let text = String::from_utf8_lossy(out);
    let mut found: Vec<String> = text
        .split(['\n', '\r'])
        .map(str::trim_start)
        .filter(|l| (l.starts_with("::") || l.starts_with("##[")) && !own.iter().any(|k| l.starts_with(k)))
        .map(str::to_string)
        .collect();
    if out.contains(&0x1b) {
        found.push("ESC".into());
    }
    found
}

fuzz_target!(|data: (&str, &str)| {
    let (name, text) = data;
    let input = Input::File(FileInput { name: name.to_string(), path: name.into() });
    let Ok(result) = LINTER.run_text(&input, text.to_string(), None) else { return };
    let rules: Vec<_> = LINTER.rules().map(|(m, s)| (m.clone(), s)).collect();
    for format in [Format::Human, Format::Json, Format::Jsonl, Format::Sarif, Format::Github, Format::Gitlab] {
        let settings = Settings { lang: Lang::Indonesian, fixing: false, quiet: false, statistics: true, color: false };
        let mut emitter = report::emitter(format, settings, rules.clone(), None, &ROOT);
        let mut out = Vec::new();
        emitter.begin(&mut out).expect("writes to memory");
        emitter.file(&mut out, &result).expect("writes to memory");
        emitter.end(&mut out, &Summary::default()).expect("writes to memory");
        let own: &[&str] = match format {
            Format::Github => &["::error file=", "::warning file=", "::notice file="],
            _ => &[],
        };
        let found = commands(&out, own);
        assert!(found.is_empty(), "{format:?}: {found:?}");
    }
});
