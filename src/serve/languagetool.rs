//! The LanguageTool HTTP API (`/v2/check`, `/v2/languages`), as its clients use it (the requests
//! they send are recorded in `fixtures/serve/`): the browser extension, LTeX, the Obsidian plug-in
//! and the rest can be pointed at a lintas server and so check Indonesian.
//!
//! What clients rely on, each held by a test: the body is a URL-encoded form whatever its
//! Content-Type says (LTeX labels it JSON); offsets and lengths are UTF-16 code units into the
//! text the client sent, markup included; every field clients read is present, empty rather
//! than missing; and spelling goes out under the rule id and category clients treat as a typo,
//! so they offer to add the word to a dictionary.

use std::ops::Range;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};

use super::failure::quoted;
use super::offsets::{Layout, Piece, Positions};
use super::{Failure, MAX_TEXT, Shared, json_response, parse_lang, read_body};
use crate::diagnostic::{Diagnostic, Edit, Lang, Localized, Severity};
use crate::engine::{Linter, MAX_FINDINGS, PerText};
use crate::input::Input;
use crate::messages::error_text;
use crate::rules::id;

/// The rule id spelling findings go out under: LTeX offers “add to dictionary” for ids starting
/// `MORFOLOGIK_`, and the browser extension treats `MORFOLOGIK_RULE…` as spelling.
const SPELLING_ID: &str = "MORFOLOGIK_RULE_ID_ID";
/// Characters of context on each side of a match, as LanguageTool gives.
const CONTEXT_CHARS: usize = 40;

/// How one of lintas's rules appears to LanguageTool clients.
struct Wire {
    id: &'static str,
    /// LanguageTool's issue type (the ITS 2.0 localization quality types it uses).
    issue_type: &'static str,
    /// LanguageTool's category id: clients colour and group by it (`TYPOS` red, `STYLE` blue).
    category: &'static str,
}

/// The wire identity of a rule of lintas.
fn wire(rule: &str) -> Wire {
    let (issue_type, category) = match rule {
        id::SPELLING => ("misspelling", "TYPOS"),
        "nonstandard-word" => ("non-conformance", "COLLOQUIALISMS"),
        "capitalization" => ("typographical", "CASING"),
        "spacing" => ("whitespace", "TYPOGRAPHY"),
        "date-format" | "number-format" => ("locale-violation", "TYPOGRAPHY"),
        "repeated-word" => ("duplication", "REDUNDANCY"),
        "calque" => ("style", "STYLE"),
        "untranslated" => ("untranslated", "STYLE"),
        "official-name" | "acronym-mismatch" => ("terminology", "SEMANTICS"),
        "term-consistency" | "date-weekday" => ("inconsistency", "SEMANTICS"),
        "stray-text" => ("addition", "MISC"),
        _ => ("uncategorized", "MISC"),
    };
    let id = if rule == id::SPELLING {
        SPELLING_ID
    } else {
        // Every other rule keeps its own id: what a client sends back in `disabledRules`.
        ""
    };
    Wire {
        id,
        issue_type,
        category,
    }
}

/// A category's name, as clients show it.
fn category_name(category: &str) -> Localized {
    let (id, en) = match category {
        "TYPOS" => ("Salah ketik", "Possible Typo"),
        "COLLOQUIALISMS" => ("Ragam tidak baku", "Non-standard Forms"),
        "CASING" => ("Huruf kapital", "Capitalization"),
        "TYPOGRAPHY" => ("Tipografi", "Typography"),
        "REDUNDANCY" => ("Pengulangan", "Redundancy"),
        "STYLE" => ("Gaya dan terjemahan", "Style and Translation"),
        "SEMANTICS" => ("Nama dan makna", "Names and Meaning"),
        _ => ("Lain-lain", "Miscellaneous"),
    };
    Localized::new(id, en)
}

/// The lintas rule a client's rule id names.
fn rule_of(wire_id: &str) -> &str {
    if wire_id.eq_ignore_ascii_case(SPELLING_ID) {
        id::SPELLING
    } else {
        wire_id
    }
}

/// A request's parameters: its query and its body, read as a URL-encoded form whatever the
/// Content-Type says, the body's winning.
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(query: &str, body: &[u8]) -> Params {
        let mut all: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
            .into_owned()
            .collect();
        all.extend(form_urlencoded::parse(body).into_owned());
        Params(all)
    }

    fn get(&self, key: &str) -> Option<&str> {
        (self.0.iter().rev())
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// A comma-separated list.
    fn list(&self, key: &str) -> Vec<String> {
        (self.get(key).unwrap_or_default().split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect()
    }
}

/// The annotated text of the `data` parameter.
#[derive(Deserialize)]
struct Annotated {
    annotation: Vec<Annotation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Annotation {
    text: Option<String>,
    markup: Option<String>,
    #[serde(rename = "interpretAs")]
    interpret_as: Option<String>,
}

/// A checked request, ready to lint.
struct Job {
    layout: Layout,
    per: PerText,
    lang: Lang,
}

/// `GET|POST /v2/check`.
pub async fn check(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let bytes = match read_body(body).await {
        Ok(b) => b,
        Err(f) => return f.text(shared.lang),
    };
    let params = Params::parse(query.as_deref().unwrap_or_default(), &bytes);
    drop(bytes);
    // Messages in the language asked for (`lang`), else in the user's own (`motherTongue`).
    let lang = (params.get("lang").or(params.get("motherTongue")))
        .and_then(parse_lang)
        .unwrap_or(shared.lang);
    let job = match job(&shared.linter, &params, lang) {
        Ok(job) => job,
        Err(f) => return f.text(lang),
    };
    match shared.lint(move |linter| answer(linter, job)).await {
        Ok(Ok(body)) => json_response(StatusCode::OK, body),
        Ok(Err(e)) => Failure {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            message: Localized::new(
                error_text(&e, Lang::Indonesian),
                error_text(&e, Lang::English),
            ),
        }
        .text(lang),
        Err(f) => f.text(lang),
    }
}

/// Read a request's parameters as LanguageTool does; what it would refuse is refused alike.
fn job(linter: &Linter, params: &Params, lang: Lang) -> Result<Job, Failure> {
    let layout = match (params.get("text"), params.get("data")) {
        (Some(_), Some(_)) => {
            return Err(Failure::bad_request(
                "kirim parameter 'text' atau 'data', jangan keduanya",
                "send the 'text' or the 'data' parameter, not both",
            ));
        }
        (None, None) => {
            return Err(Failure::bad_request(
                "parameter 'text' atau 'data' tidak ada",
                "missing 'text' or 'data' parameter",
            ));
        }
        (Some(text), None) => Layout::plain(text.to_string()),
        (None, Some(data)) => Layout::annotated(pieces(data)?),
    };
    if layout.linted.len() > MAX_TEXT || layout.sent().len() > MAX_TEXT {
        return Err(Failure::too_large());
    }
    match params.get("language") {
        None => {
            return Err(Failure::bad_request(
                "parameter 'language' tidak ada (gunakan id-ID)",
                "missing 'language' parameter (use id-ID)",
            ));
        }
        Some(code) if is_indonesian(code) || code.eq_ignore_ascii_case("auto") => {}
        Some(code) => {
            return Err(Failure::bad_request(
                format!(
                    "bahasa “{}” tidak didukung: server ini memeriksa bahasa Indonesia (id-ID)",
                    quoted(code)
                ),
                format!(
                    "language “{}” is not supported: this server checks Indonesian (id-ID)",
                    quoted(code)
                ),
            ));
        }
    }
    match params.get("level") {
        None | Some("default" | "picky") => {}
        Some(level) => {
            return Err(Failure::bad_request(
                format!(
                    "level “{}” tidak dikenal (default atau picky)",
                    quoted(level)
                ),
                format!("unknown level “{}” (default or picky)", quoted(level)),
            ));
        }
    }
    let enabled_only = params.get("enabledOnly") == Some("true");
    let enabled_rules = params.list("enabledRules");
    let enabled_categories = params.list("enabledCategories");
    if enabled_only && enabled_rules.is_empty() && enabled_categories.is_empty() {
        return Err(Failure::bad_request(
            "enabledOnly=true memerlukan enabledRules atau enabledCategories",
            "enabledOnly=true needs enabledRules or enabledCategories",
        ));
    }
    let disabled_rules = params.list("disabledRules");
    let disabled_categories = params.list("disabledCategories");
    let named = |rule: &str, rules: &[String], categories: &[String]| {
        rules.iter().any(|r| rule_of(r) == rule)
            || categories.iter().any(|c| c == wire(rule).category)
    };
    // The browser extension splits a check in two requests by `mode`: every match goes to the
    // `allButTextLevelOnly` one, so that none is shown twice, and the `textLevelOnly` one runs
    // no rule.
    let text_level_only = params.get("mode") == Some("textLevelOnly");
    // The server's rules run as configured; a request can only leave some of them out.
    let ignore = (linter.rules())
        .map(|(meta, _)| meta.id.as_str())
        .filter(|rule| {
            text_level_only
                || named(rule, &disabled_rules, &disabled_categories)
                || (enabled_only && !named(rule, &enabled_rules, &enabled_categories))
        })
        .map(str::to_string)
        .collect();
    Ok(Job {
        layout,
        per: PerText { date: None, ignore },
        lang,
    })
}

fn is_indonesian(code: &str) -> bool {
    let code = code.to_ascii_lowercase();
    matches!(code.as_str(), "id" | "id-id" | "in" | "in-id")
}

/// The pieces of an annotated text.
fn pieces(data: &str) -> Result<Vec<Piece>, Failure> {
    let bad = |why: String| {
        Failure::bad_request(
            format!("parameter 'data' bukan teks beranotasi: {why}"),
            format!("the 'data' parameter is not an annotated text: {why}"),
        )
    };
    let annotated: Annotated = serde_json::from_str(data).map_err(|e| bad(e.to_string()))?;
    (annotated.annotation.into_iter())
        .map(|a| match (a.text, a.markup) {
            (Some(text), None) if a.interpret_as.is_none() => Ok(Piece::Text(text)),
            (None, Some(markup)) => Ok(Piece::Markup {
                markup,
                interpret_as: a.interpret_as.unwrap_or_default(),
            }),
            _ => Err(bad(
                "each piece has either 'text' or 'markup' (with 'interpretAs')".to_string(),
            )),
        })
        .collect()
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Answer<'a> {
    software: Software,
    warnings: Warnings,
    language: LanguageJson,
    matches: Vec<Match<'a>>,
    sentence_ranges: Vec<[usize; 2]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Software {
    name: &'static str,
    version: &'static str,
    build_date: &'static str,
    api_version: u32,
    premium: bool,
    status: &'static str,
}

const SOFTWARE: Software = Software {
    name: "lintas",
    version: env!("CARGO_PKG_VERSION"),
    build_date: "",
    api_version: 1,
    premium: false,
    status: "",
};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Warnings {
    incomplete_results: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LanguageJson {
    name: &'static str,
    code: &'static str,
    detected_language: DetectedJson,
}

#[derive(Serialize)]
struct DetectedJson {
    name: &'static str,
    code: &'static str,
    confidence: f32,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Match<'a> {
    message: &'a str,
    short_message: &'a str,
    replacements: Vec<Value>,
    offset: usize,
    length: usize,
    context: Context,
    sentence: &'a str,
    #[serde(rename = "type")]
    kind: Kind,
    rule: RuleJson<'a>,
    ignore_for_incomplete_sentence: bool,
    context_for_sure_match: i32,
}

#[derive(Serialize)]
struct Value {
    value: String,
}

#[derive(Serialize)]
struct Context {
    text: String,
    offset: usize,
    length: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Kind {
    type_name: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct RuleJson<'a> {
    id: &'a str,
    description: &'a str,
    issue_type: &'static str,
    urls: Vec<Value>,
    category: CategoryJson,
}

#[derive(Serialize)]
struct CategoryJson {
    id: &'static str,
    name: String,
}

/// Lint a request's text and write LanguageTool's answer.
fn answer(linter: &Linter, job: Job) -> anyhow::Result<String> {
    let Job { layout, per, lang } = job;
    let settled = linter.settle(
        &Input::Draft { markdown: false },
        layout.linted.clone(),
        None,
        &per,
    )?;
    let doc = &settled.doc;
    let text = doc.source();
    let positions = layout.positions();
    let summaries: Vec<(&str, &Localized)> = (linter.rules())
        .map(|(meta, _)| (meta.id.as_str(), &meta.summary))
        .collect();
    let diagnostics = &settled.linted.diagnostics;
    let shown = &diagnostics[..diagnostics.len().min(MAX_FINDINGS)];
    let matches = (shown.iter())
        .map(|d| {
            let summary = (summaries.iter())
                .find(|(rule, _)| *rule == d.rule)
                .map_or("", |(_, s)| s.get(lang));
            a_match(d, text, doc, &positions, summary, lang)
        })
        .collect();
    let answer = Answer {
        software: SOFTWARE,
        warnings: Warnings {
            incomplete_results: shown.len() < diagnostics.len(),
        },
        language: LanguageJson {
            name: "Indonesian",
            code: "id-ID",
            detected_language: DetectedJson {
                name: "Indonesian",
                code: "id-ID",
                confidence: 1.0,
            },
        },
        matches,
        sentence_ranges: (doc.sentences().iter())
            .map(|s| [positions.start(s.start), positions.end(s.end)])
            .collect(),
    };
    Ok(serde_json::to_string(&answer)?)
}

/// One diagnostic as a LanguageTool match. Its range covers the diagnostic's span and every
/// edit of its fixes, so that each replacement is the whole text of the range as that fix
/// would leave it.
fn a_match<'a>(
    d: &'a Diagnostic,
    text: &'a str,
    doc: &'a crate::source::Document,
    positions: &Positions,
    summary: &'a str,
    lang: Lang,
) -> Match<'a> {
    let edits = (d.fixes.iter().flat_map(|f| &f.edits)).filter(|e| {
        e.span.start <= e.span.end
            && text.is_char_boundary(e.span.start)
            && text.is_char_boundary(e.span.end)
    });
    let range = edits.fold(d.span.clone(), |r, e| {
        r.start.min(e.span.start)..r.end.max(e.span.end)
    });
    let mut replacements: Vec<Value> = Vec::new();
    for fix in &d.fixes {
        if let Some(value) = replaced(text, &range, &fix.edits) {
            if value != text[range.clone()] && !replacements.iter().any(|r| r.value == value) {
                replacements.push(Value { value });
            }
        }
    }
    let offset = positions.start(range.start);
    let length = positions.end(range.end).saturating_sub(offset);
    let wire = wire(&d.rule);
    let sentence = doc.sentence_at(d.span.start).map_or("", |s| &text[s]);
    Match {
        message: d.message.get(lang),
        short_message: summary,
        replacements,
        offset,
        length,
        context: context(text, &range),
        sentence,
        kind: Kind {
            type_name: if d.rule == id::SPELLING {
                "UnknownWord"
            } else if d.severity == Severity::Info {
                "Hint"
            } else {
                "Other"
            },
        },
        rule: RuleJson {
            id: if wire.id.is_empty() { &d.rule } else { wire.id },
            description: summary,
            issue_type: wire.issue_type,
            urls: Vec::new(),
            category: CategoryJson {
                id: wire.category,
                name: category_name(wire.category).get(lang).to_string(),
            },
        },
        ignore_for_incomplete_sentence: false,
        context_for_sure_match: 0,
    }
}

/// `text[range]` with `edits` (inside it, disjoint) applied; `None` if they are not.
fn replaced(text: &str, range: &Range<usize>, edits: &[Edit]) -> Option<String> {
    let mut sorted: Vec<&Edit> = edits.iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::new();
    let mut at = range.start;
    for e in sorted {
        if e.span.start < at || e.span.end > range.end || e.span.start > e.span.end {
            return None;
        }
        out.push_str(text.get(at..e.span.start)?);
        out.push_str(&e.replacement);
        at = e.span.end;
    }
    out.push_str(text.get(at..range.end)?);
    Some(out)
}

/// Up to [`CONTEXT_CHARS`] characters each side of `range`, on one line, and where the range is
/// in it (UTF-16).
fn context(text: &str, range: &Range<usize>) -> Context {
    let start = (text[..range.start].char_indices().rev())
        .take(CONTEXT_CHARS)
        .last()
        .map_or(range.start, |(i, _)| i);
    let end = (text[range.end..].char_indices())
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| range.end + i);
    let one_line = |s: &str| -> String {
        s.chars()
            .map(|c| if c.is_control() { ' ' } else { c })
            .collect()
    };
    Context {
        text: one_line(&text[start..end]),
        offset: text[start..range.start].encode_utf16().count(),
        length: text[range.clone()].encode_utf16().count(),
    }
}

/// `GET /v2/languages`: Indonesian alone.
pub async fn languages() -> Response {
    json_response(
        StatusCode::OK,
        serde_json::json!([
            {"name": "Indonesian", "code": "id", "longCode": "id-ID"}
        ])
        .to_string(),
    )
}

/// `GET /v2/maxtextlength`: a plain integer.
pub async fn max_text_length() -> Response {
    MAX_TEXT.to_string().into_response()
}

/// `GET /v2/info`: the software, as `/v2/check` names it.
pub async fn info() -> Response {
    json_response(
        StatusCode::OK,
        serde_json::json!({"software": {
            "name": SOFTWARE.name, "version": SOFTWARE.version, "buildDate": SOFTWARE.build_date,
            "apiVersion": SOFTWARE.api_version, "premium": SOFTWARE.premium, "status": SOFTWARE.status,
        }})
        .to_string(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn context_is_forty_characters_each_side_on_one_line() {
        let text = format!("{}\nresiko{}", "a".repeat(50), "😀".repeat(50));
        let at = text.find("resiko").expect("there");
        let c = context(&text, &(at..at + 6));
        assert_eq!(c.offset, 40);
        assert_eq!(c.length, 6);
        assert!(c.text.starts_with(&"a".repeat(39)));
        assert!(!c.text.contains('\n'));
        assert_eq!(c.text.encode_utf16().count(), 40 + 6 + 80);
    }

    #[test]
    fn a_replacement_is_the_range_as_the_fix_leaves_it() {
        let text = "MOU (Memorandum Pemahaman)";
        let edits = [Edit::new(5..25, "Nota Kesepahaman")];
        assert_eq!(
            replaced(text, &(0..26), &edits).as_deref(),
            Some("MOU (Nota Kesepahaman)")
        );
        assert_eq!(replaced(text, &(5..10), &edits), None);
    }

    #[test]
    fn spelling_goes_out_as_a_typo() {
        let w = wire(id::SPELLING);
        assert_eq!(
            (w.id, w.issue_type, w.category),
            (SPELLING_ID, "misspelling", "TYPOS")
        );
        assert_eq!(rule_of(SPELLING_ID), id::SPELLING);
        assert_eq!(rule_of("calque"), "calque");
    }
}
