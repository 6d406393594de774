//! A rule's documentation as Markdown: what `lintas explain` prints and what `docs/rules.md` is
//! generated from, so the two never disagree.

use super::{Registered, RuleMeta};
use crate::diagnostic::Lang;

/// One rule's page, its title at heading `level` (1 = `#`).
pub fn render(m: &RuleMeta, lang: Lang, level: usize) -> String {
    let h = "#".repeat(level);
    let (severity, fixable, examples, sources, bad, good) = match lang {
        Lang::Indonesian => (
            "Tingkat bawaan",
            "Dapat diperbaiki",
            "Contoh",
            "Sumber",
            "Salah",
            "Benar",
        ),
        Lang::English => (
            "Default severity",
            "Fixable",
            "Examples",
            "Sources",
            "Bad",
            "Good",
        ),
    };
    let yes_no = match (lang, m.fixable) {
        (Lang::Indonesian, true) => "ya",
        (Lang::Indonesian, false) => "tidak",
        (Lang::English, true) => "yes",
        (Lang::English, false) => "no",
    };
    let mut s = format!("{h} {}\n\n{}\n\n", m.id, m.summary.get(lang));
    s += &format!(
        "{severity}: {} · {fixable}: {yes_no}\n\n",
        m.default_severity.as_str()
    );
    s += m.explanation.get(lang).trim();
    s += &format!("\n\n{h}# {examples}\n");
    for e in &m.examples {
        s += &format!("\n{bad}:\n\n    {}\n\n{good}:\n\n    {}\n", e.bad, e.good);
    }
    if !m.sources.is_empty() {
        s += &format!("\n{h}# {sources}\n\n");
        for src in &m.sources {
            s += &format!("- {src}\n");
        }
    }
    s
}

/// `docs/rules.md`: every rule, in English then in Indonesian.
pub fn reference(rules: &[Registered]) -> String {
    let mut s = String::from(
        "# lintas rules\n\n<!-- Generated from the rules' own documentation by `SNAPSHOTS=overwrite cargo test --test docs`; do not edit. -->\n\n\
         Every rule, its default severity, whether it fixes, why it matters, and its examples (which the\n\
         test suite runs). `lintas explain RULE` prints the same page; `--lang id` in Indonesian.\n\n\
         | id | severity | fix | summary |\n|---|---|---|---|\n",
    );
    for r in rules {
        let m = &r.meta;
        s += &format!(
            "| [`{0}`](#{0}) | {1} | {2} | {3} |\n",
            m.id,
            m.default_severity.as_str(),
            if m.fixable { "yes" } else { "" },
            m.summary.english
        );
    }
    for r in rules {
        s += "\n";
        s += &render(&r.meta, Lang::English, 2);
        s += "\n<details><summary>Bahasa Indonesia</summary>\n\n";
        s += &render(&r.meta, Lang::Indonesian, 3);
        s += "\n</details>\n";
    }
    s
}
