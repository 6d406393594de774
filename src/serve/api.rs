//! The server's own JSON API, for its page and for a CMS: `POST /api/v1/check` answers the
//! report `check --format json` writes (the same emitter, so the same schema,
//! `docs/report.schema.json`), `POST /api/v1/fix` the text `check --fix` would write, and
//! `GET /api/v1/rules` each enabled rule's documentation as `lintas explain` prints it.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};

use super::failure::quoted;
use super::{Failure, MAX_TEXT, Shared, json_response, query_lang, read_body};
use crate::diagnostic::{Applicability, Lang};
use crate::engine::{Linter, PerText, did_you_mean};
use crate::input::Input;
use crate::lang::calendar::Date;
use crate::messages::{Message, error_text};
use crate::report::{self, Emitter, Settings, Summary};
use crate::rules::{self, docs};

/// A draft to check or fix.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft {
    text: String,
    /// How to read the text.
    #[serde(default)]
    format: TextFormat,
    /// The article's date when the text gives none (`YYYY-MM-DD`), as `check --date`.
    date: Option<String>,
    /// Only these rules, as `check --select`.
    rules: Option<Vec<String>>,
    /// Not these rules, as `check --ignore`.
    #[serde(default)]
    ignore: Vec<String>,
    /// The language of messages (`id`, `en`).
    lang: Option<Lang>,
    /// `/api/v1/fix` only: apply unsafe fixes too, as `--unsafe-fixes`.
    #[serde(default, rename = "unsafe")]
    unsafe_fixes: bool,
}

#[derive(Clone, Copy, Debug, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum TextFormat {
    #[default]
    Plain,
    Markdown,
}

/// A draft read from a request, ready to lint.
struct Job {
    input: Input,
    text: String,
    per: PerText,
    lang: Lang,
    unsafe_fixes: bool,
}

/// `POST /api/v1/check`: the JSON report of the draft, as `check --format json` writes it for
/// a file (its path `<draft>`).
pub async fn check(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    answer(shared, query, body, report).await
}

/// `POST /api/v1/fix`: `{"text": …, "fixed": N}`, the text with its safe fixes (and unsafe
/// ones, with `"unsafe": true`) applied until none is left, as `check --fix` writes it.
pub async fn fix(
    State(shared): State<Arc<Shared>>,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    answer(shared, query, body, fixed).await
}

/// The JSON answer to a draft: the job its request describes, done by `work` on the lint pool;
/// a failure as a JSON error in the request's language.
async fn answer(
    shared: Arc<Shared>,
    query: Option<String>,
    body: Body,
    work: fn(&Linter, Job) -> anyhow::Result<String>,
) -> Response {
    let lang = query_lang(query.as_deref()).unwrap_or(shared.lang);
    let job = match job(&shared, body, lang).await {
        Ok(job) => job,
        Err(f) => return f.json(lang),
    };
    let lang = job.lang;
    let answer = shared
        .lint(move |linter| work(linter, job).map_err(|e| unprocessable(&e)))
        .await;
    match answer.and_then(|r| r) {
        Ok(json) => json_response(StatusCode::OK, json),
        Err(f) => f.json(lang),
    }
}

/// One enabled rule's documentation.
#[derive(Serialize)]
struct RuleDocJson<'a> {
    id: &'a str,
    severity: &'static str,
    summary: &'a str,
    fixable: bool,
    /// What `lintas explain ID` prints.
    explanation: String,
}

/// `GET /api/v1/rules?lang=`: the enabled rules, each with its configured severity and what
/// `lintas explain` prints for it.
pub async fn rules(State(shared): State<Arc<Shared>>, RawQuery(query): RawQuery) -> Response {
    let lang = query_lang(query.as_deref()).unwrap_or(shared.lang);
    let docs: Vec<RuleDocJson> = (shared.linter.rules())
        .map(|(meta, severity)| RuleDocJson {
            id: &meta.id,
            severity: severity.as_str(),
            summary: meta.summary.get(lang),
            fixable: meta.fixable,
            explanation: docs::render(meta, lang, 1),
        })
        .collect();
    match serde_json::to_string(&docs) {
        Ok(body) => json_response(StatusCode::OK, body),
        Err(_) => Failure::internal().json(lang),
    }
}

/// Read and check a request's draft.
async fn job(shared: &Shared, body: Body, lang: Lang) -> Result<Job, Failure> {
    let bytes = read_body(body).await?;
    let draft: Draft = serde_json::from_slice(&bytes).map_err(|e| {
        Failure::bad_request(
            format!("badan permintaan bukan JSON yang diharapkan: {e}"),
            format!("the request body is not the JSON expected: {e}"),
        )
    })?;
    let lang = draft.lang.unwrap_or(lang);
    if draft.text.len() > MAX_TEXT {
        return Err(Failure::too_large());
    }
    let date = match &draft.date {
        None => None,
        Some(d) if d.trim().is_empty() => None,
        Some(d) => Some(Date::parse_iso(d.trim()).ok_or_else(|| {
            Failure::bad_request(
                format!("date: “{}” bukan tanggal (YYYY-MM-DD)", quoted(d)),
                format!("date: “{}” is not a date (YYYY-MM-DD)", quoted(d)),
            )
        })?),
    };
    let known = rules::ids();
    for id in draft.rules.iter().flatten().chain(&draft.ignore) {
        if !known.contains(id) {
            let unknown = Message::UnknownRule {
                place: None,
                id: quoted(id),
                suggestion: did_you_mean(id, &known),
            };
            return Err(Failure::bad_request(
                unknown.render(Lang::Indonesian),
                unknown.render(Lang::English),
            ));
        }
    }
    // `rules` selects among the rules the server runs: every other one is ignored for this text.
    let mut ignore = draft.ignore;
    if let Some(select) = &draft.rules {
        ignore.extend(
            (shared.linter.rules())
                .map(|(meta, _)| &meta.id)
                .filter(|id| !select.contains(id))
                .cloned(),
        );
    }
    Ok(Job {
        input: Input::Draft {
            markdown: matches!(draft.format, TextFormat::Markdown),
        },
        text: draft.text,
        per: PerText { date, ignore },
        lang,
        unsafe_fixes: draft.unsafe_fixes,
    })
}

/// The JSON report of one draft, written by the emitter `check --format json` uses.
fn report(linter: &Linter, job: Job) -> anyhow::Result<String> {
    let result = linter.run_text_with(&job.input, job.text, None, &job.per)?;
    let settings = Settings {
        lang: job.lang,
        ..Settings::default()
    };
    let mut emitter = report::Json::new(settings);
    let mut summary = Summary::default();
    let mut out = Vec::new();
    emitter.begin(&mut out)?;
    summary.add(&result);
    emitter.file(&mut out, &result)?;
    emitter.end(&mut out, &summary)?;
    Ok(String::from_utf8(out)?)
}

#[derive(Serialize)]
struct FixedJson {
    text: String,
    /// How many fixes were applied.
    fixed: usize,
}

/// The draft as `check --fix` writes it.
fn fixed(linter: &Linter, job: Job) -> anyhow::Result<String> {
    let min = if job.unsafe_fixes {
        Applicability::Unsafe
    } else {
        Applicability::Safe
    };
    let result = linter.run_text_with(&job.input, job.text, Some(min), &job.per)?;
    Ok(serde_json::to_string(&FixedJson {
        fixed: result.fixed,
        text: result.source,
    })?)
}

/// A draft that could not be linted or fixed (fixes that would not settle).
fn unprocessable(e: &anyhow::Error) -> Failure {
    Failure {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        message: crate::diagnostic::Localized::new(
            error_text(e, Lang::Indonesian),
            error_text(e, Lang::English),
        ),
    }
}
