//! `lintas serve`'s APIs, through its router without a socket: the LanguageTool API answering
//! requests in the shapes real clients send (`fixtures/serve/*.http`), field by field, with
//! UTF-16 offsets after emoji and other characters outside the Basic Multilingual Plane; the JSON
//! API answering what `lintas check --format json` and `--fix` write; and bad requests answered
//! with a 4xx and a clear message.
//!
//! Each fixture's expected findings are `fixtures/serve/NAME.expected.tsv` (rule id, the text its
//! offset and length select in the text the client sent, the first replacement); after an
//! intended change, regenerate them with `SNAPSHOTS=overwrite cargo test --test serve_api` and
//! review the diff.

use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use lintas::config::Config;
use lintas::diagnostic::Lang;
use lintas::engine::{Linter, Selection};
use lintas::serve::{Options, Shared, app, router};
use serde_json::Value;
use tower::ServiceExt;

const SEED: &str = "fixtures/seed/komdigi-india-mou.txt";

/// One linter for every test, as one server has.
fn shared() -> Arc<Shared> {
    static SHARED: OnceLock<Arc<Shared>> = OnceLock::new();
    SHARED
        .get_or_init(|| {
            let linter =
                Linter::new(&Config::default(), &Selection::default()).expect("the linter builds");
            Arc::new(Shared::new(linter, Lang::Indonesian))
        })
        .clone()
}

struct Answer {
    status: StatusCode,
    content_type: String,
    body: String,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }
}

async fn send(method: &str, path: &str, content_type: &str, body: impl Into<Body>) -> Answer {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .header(header::CONTENT_TYPE, content_type)
        .body(body.into())
        .expect("a request");
    let response = router(shared()).oneshot(request).await.expect("an answer");
    let status = response.status();
    let content_type = (response.headers().get(header::CONTENT_TYPE))
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let bytes = axum::body::to_bytes(response.into_body(), usize::MAX)
        .await
        .expect("a body");
    Answer {
        status,
        content_type,
        body: String::from_utf8(bytes.to_vec()).expect("UTF-8"),
    }
}

/// A recorded request: `# comment` lines, `METHOD PATH`, headers, a blank line, the body.
struct Recorded {
    method: String,
    path: String,
    content_type: String,
    body: String,
}

fn recorded(name: &str) -> Recorded {
    let text = std::fs::read_to_string(format!("fixtures/serve/{name}.http")).expect("fixture");
    let mut lines = text.lines().filter(|l| !l.starts_with('#'));
    let (method, path) = (lines.next())
        .and_then(|l| l.split_once(' '))
        .expect("METHOD PATH");
    let mut content_type = String::new();
    for line in lines.by_ref() {
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-type") {
                content_type = value.trim().to_string();
            }
        }
    }
    Recorded {
        method: method.to_string(),
        path: path.to_string(),
        content_type,
        body: lines.collect::<Vec<_>>().join("\n"),
    }
}

/// The text the client sent: the `text` parameter, or the annotated text with its markup.
fn sent_text(body: &str) -> String {
    let params: Vec<(String, String)> = form_urlencoded::parse(body.as_bytes())
        .into_owned()
        .collect();
    let get = |k: &str| {
        params
            .iter()
            .find(|(key, _)| key == k)
            .map(|(_, v)| v.clone())
    };
    if let Some(text) = get("text") {
        return text;
    }
    let data: Value = serde_json::from_str(&get("data").expect("text or data")).expect("JSON");
    (data["annotation"].as_array().expect("annotation").iter())
        .map(|a| {
            a.get("text")
                .or(a.get("markup"))
                .and_then(Value::as_str)
                .expect("text or markup")
                .to_string()
        })
        .collect()
}

/// `text`'s UTF-16 code units `offset..offset + length`, as a client cuts them.
fn utf16_slice(text: &str, offset: u64, length: u64) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let (start, end) = (offset as usize, (offset + length) as usize);
    assert!(end <= units.len(), "{start}..{end} past the text");
    String::from_utf16(&units[start..end]).expect("a span never splits a surrogate pair")
}

fn string<'a>(v: &'a Value, field: &str) -> &'a str {
    v.get(field)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("“{field}” is a string in {v}"))
}

fn number(v: &Value, field: &str) -> u64 {
    v.get(field)
        .and_then(Value::as_u64)
        .unwrap_or_else(|| panic!("“{field}” is a number in {v}"))
}

/// Every field LanguageTool clients read, present and of its type, in an answer to `sent`;
/// the findings as rows of rule id, flagged text, first replacement.
fn read_answer(answer: &Value, sent: &str) -> String {
    let software = &answer["software"];
    assert_eq!(string(software, "name"), "lintas");
    for field in ["version", "buildDate", "status"] {
        string(software, field);
    }
    assert_eq!(number(software, "apiVersion"), 1);
    assert_eq!(software["premium"], Value::Bool(false));
    assert!(answer["warnings"]["incompleteResults"].is_boolean());
    let language = &answer["language"];
    assert_eq!(string(language, "code"), "id-ID");
    string(language, "name");
    assert_eq!(string(&language["detectedLanguage"], "code"), "id-ID");
    assert!(language["detectedLanguage"]["confidence"].is_number());
    for range in answer["sentenceRanges"].as_array().expect("sentenceRanges") {
        let range = range.as_array().expect("[start, end]");
        assert!(range[0].as_u64() <= range[1].as_u64());
    }
    let mut rows = String::new();
    for m in answer["matches"].as_array().expect("matches") {
        let (offset, length) = (number(m, "offset"), number(m, "length"));
        let flagged = utf16_slice(sent, offset, length);
        for field in ["message", "shortMessage", "sentence"] {
            assert!(!string(m, field).is_empty(), "{field} in {m}");
        }
        let context = &m["context"];
        let context_text = string(context, "text");
        let in_context = utf16_slice(
            context_text,
            number(context, "offset"),
            number(context, "length"),
        );
        assert_eq!(number(context, "length"), length, "{m}");
        assert!(
            !in_context.is_empty() && !context_text.contains('\n'),
            "{m}"
        );
        let replacements = m["replacements"].as_array().expect("replacements");
        for r in replacements {
            string(r, "value");
        }
        let type_name = string(&m["type"], "typeName");
        let rule = &m["rule"];
        let id = string(rule, "id");
        for field in ["description", "issueType"] {
            assert!(!string(rule, field).is_empty(), "{field} in {m}");
        }
        assert!(rule["urls"].is_array());
        let category = string(&rule["category"], "id");
        string(&rule["category"], "name");
        assert!(m["ignoreForIncompleteSentence"].is_boolean());
        assert!(m["contextForSureMatch"].is_number());
        // Spelling goes out as clients recognise a typo, so that they offer the dictionary.
        let spelling = id == "MORFOLOGIK_RULE_ID_ID";
        assert_eq!(spelling, category == "TYPOS", "{m}");
        assert_eq!(spelling, string(rule, "issueType") == "misspelling", "{m}");
        assert_eq!(spelling, type_name == "UnknownWord", "{m}");
        let first = replacements
            .first()
            .map_or("", |r| string(r, "value"))
            .to_string();
        rows += &format!("{id}\t{flagged}\t{first}\n");
    }
    rows
}

async fn replay(name: &str) -> (Value, String) {
    let r = recorded(name);
    let answer = send(&r.method, &r.path, &r.content_type, r.body.clone()).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert!(answer.content_type.starts_with("application/json"));
    let json = answer.json();
    let rows = read_answer(&json, &sent_text(&r.body));
    snapbox::assert_data_eq!(
        rows.clone(),
        snapbox::Data::read_from(
            std::path::Path::new(&format!("fixtures/serve/{name}.expected.tsv")),
            None
        )
    );
    (json, rows)
}

#[tokio::test]
async fn the_browser_extension_is_answered() {
    let (_, rows) = replay("browser-extension").await;
    // Found after emoji, a ZWJ sequence and a mathematical letter outside the BMP, and inside
    // markup (<b>Resiko</b>) without the markup.
    assert!(rows.contains("nonstandard-word\tResiko\tRisiko"), "{rows}");
    assert!(
        rows.contains("MORFOLOGIK_RULE_ID_ID\tbilantial\tbilateral"),
        "{rows}"
    );
    assert!(rows.contains("dimana"), "{rows}");
}

#[tokio::test]
async fn the_browser_extensions_text_level_request_gets_no_second_copy() {
    let (json, rows) = replay("browser-extension-text-level").await;
    assert_eq!(rows, "");
    assert_eq!(json["matches"], Value::Array(Vec::new()));
}

#[tokio::test]
async fn ltex_form_body_with_a_json_content_type_is_read() {
    let (json, rows) = replay("ltex").await;
    assert!(
        !rows.contains("capitalization"),
        "disabled by the client: {rows}"
    );
    // Code in markup is not checked.
    assert!(!rows.contains("resiko"), "{rows}");
    // motherTongue English: messages in English.
    let first = &json["matches"][0];
    assert_eq!(first["rule"]["id"], "date-weekday");
    assert_eq!(
        first["shortMessage"],
        "A weekday that does not match its date"
    );
    assert_eq!(first["rule"]["category"]["name"], "Names and Meaning");
}

#[tokio::test]
async fn obsidian_is_answered() {
    let (_, rows) = replay("obsidian").await;
    assert!(rows.contains("1,500,000"), "{rows}");
}

#[tokio::test]
async fn languages_list_indonesian() {
    let answer = send("GET", "/v2/languages", "", Body::empty()).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(
        answer.json(),
        serde_json::json!([{"name": "Indonesian", "code": "id", "longCode": "id-ID"}])
    );
    let max = send("GET", "/v2/maxtextlength", "", Body::empty()).await;
    assert!(max.body.parse::<u64>().is_ok(), "{}", max.body);
}

#[tokio::test]
async fn a_get_with_query_parameters_is_a_check_too() {
    let answer = send(
        "GET",
        "/v2/check?language=id&text=Resiko%20itu",
        "",
        Body::empty(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    assert_eq!(
        read_answer(&answer.json(), "Resiko itu"),
        "nonstandard-word\tResiko\tRisiko\n"
    );
}

#[tokio::test]
async fn bad_languagetool_requests_are_400_with_a_message() {
    let form = "application/x-www-form-urlencoded";
    for (body, indonesian, english) in [
        (
            "text=a",
            "parameter 'language' tidak ada",
            "missing 'language'",
        ),
        (
            "language=id&text=a&data=%7B%7D",
            "jangan keduanya",
            "not both",
        ),
        (
            "language=id",
            "'text' atau 'data' tidak ada",
            "missing 'text' or 'data'",
        ),
        ("language=fr&text=a", "tidak didukung", "not supported"),
        (
            "language=id&text=a&level=strict",
            "level “strict” tidak dikenal",
            "unknown level",
        ),
        (
            "language=id&data=%5B",
            "bukan teks beranotasi",
            "not an annotated text",
        ),
        (
            "language=id&text=a&enabledOnly=true",
            "memerlukan enabledRules",
            "needs enabledRules",
        ),
    ] {
        let answer = send("POST", "/v2/check", form, body).await;
        assert_eq!(answer.status, StatusCode::BAD_REQUEST, "{body}");
        assert!(answer.content_type.starts_with("text/plain"), "{body}");
        assert!(answer.body.contains(indonesian), "{body}: {}", answer.body);
        let answer = send("POST", "/v2/check", form, format!("{body}&lang=en")).await;
        assert!(answer.body.contains(english), "{body}: {}", answer.body);
    }
}

#[tokio::test]
async fn rules_a_client_disables_or_enables_alone_are_respected() {
    let form = "application/x-www-form-urlencoded";
    let text = "text=Resiko%20itu%20bilantial.&language=id-ID";
    let all = send("POST", "/v2/check", form, text).await.json();
    let rows = read_answer(&all, "Resiko itu bilantial.");
    assert!(
        rows.contains("nonstandard-word") && rows.contains("MORFOLOGIK"),
        "{rows}"
    );
    let only = format!("{text}&enabledOnly=true&enabledRules=MORFOLOGIK_RULE_ID_ID");
    let rows = read_answer(
        &send("POST", "/v2/check", form, only).await.json(),
        "Resiko itu bilantial.",
    );
    assert_eq!(rows, "MORFOLOGIK_RULE_ID_ID\tbilantial\tbilateral\n");
    let typos_off = format!("{text}&disabledCategories=TYPOS");
    let rows = read_answer(
        &send("POST", "/v2/check", form, typos_off).await.json(),
        "Resiko itu bilantial.",
    );
    assert_eq!(rows, "nonstandard-word\tResiko\tRisiko\n");
}

/// `lintas check` on the seed article's text through standard input, with `args`.
fn cli(args: &[&str]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["check", "--no-config"])
        .args(args)
        .arg("-")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("lintas runs");
    let seed = std::fs::read(SEED).expect("seed");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(&seed)
        .expect("written");
    let out = child.wait_with_output().expect("lintas ends");
    String::from_utf8(out.stdout).expect("UTF-8")
}

fn draft(extra: Value) -> String {
    let mut body = serde_json::json!({"text": std::fs::read_to_string(SEED).expect("seed")});
    if let (Value::Object(body), Value::Object(extra)) = (&mut body, extra) {
        body.extend(extra);
    }
    body.to_string()
}

#[tokio::test]
async fn the_json_api_answers_what_check_format_json_writes() {
    for (extra, args) in [
        (serde_json::json!({}), vec!["--format", "json"]),
        (
            serde_json::json!({"lang": "en", "date": "2025-01-25", "rules": ["spelling", "calque"]}),
            vec![
                "--format",
                "json",
                "--lang",
                "en",
                "--date",
                "2025-01-25",
                "--select",
                "spelling,calque",
            ],
        ),
        (
            serde_json::json!({"ignore": ["official-name"]}),
            vec!["--format", "json", "--ignore", "official-name"],
        ),
    ] {
        let answer = send(
            "POST",
            "/api/v1/check",
            "application/json",
            draft(extra.clone()),
        )
        .await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        let expected = cli(&args).replace("\"<stdin>\"", "\"<draft>\"");
        assert_eq!(answer.body, expected, "{extra}");
    }
}

#[tokio::test]
async fn the_fix_api_writes_what_check_fix_writes() {
    let answer = send(
        "POST",
        "/api/v1/fix",
        "application/json",
        draft(serde_json::json!({})),
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    let json = answer.json();
    assert_eq!(json["text"].as_str(), Some(cli(&["--fix"]).as_str()));
    assert!(json["fixed"].as_u64() > Some(0));
}

#[tokio::test]
async fn markdown_drafts_are_read_as_markdown() {
    let body =
        serde_json::json!({"text": "```\nresiko\n```\n\nResiko itu.\n", "format": "markdown"});
    let answer = send(
        "POST",
        "/api/v1/check",
        "application/json",
        body.to_string(),
    )
    .await;
    let texts: Vec<Value> = (answer.json()["files"][0]["diagnostics"]
        .as_array()
        .expect("a list"))
    .iter()
    .map(|d| d["text"].clone())
    .collect();
    assert_eq!(texts, vec![Value::from("Resiko")]);
}

#[tokio::test]
async fn bad_json_requests_are_4xx_with_a_message() {
    for (path, body, status, indonesian, english) in [
        (
            "/api/v1/check",
            "{",
            StatusCode::BAD_REQUEST,
            "bukan JSON",
            "not the JSON",
        ),
        (
            "/api/v1/check",
            r#"{"txt": "a"}"#,
            StatusCode::BAD_REQUEST,
            "txt",
            "txt",
        ),
        (
            "/api/v1/fix",
            r#"{"text": "a", "rules": ["speling"]}"#,
            StatusCode::BAD_REQUEST,
            "aturan “speling” tidak dikenal (maksudnya “spelling”?)",
            "unknown rule “speling”",
        ),
        (
            "/api/v1/check",
            r#"{"text": "a", "date": "25/1/2025"}"#,
            StatusCode::BAD_REQUEST,
            "bukan tanggal",
            "is not a date",
        ),
        (
            "/api/v1/check",
            r#"{"text": "a", "format": "html"}"#,
            StatusCode::BAD_REQUEST,
            "html",
            "html",
        ),
        (
            "/api/v1/nothing",
            "",
            StatusCode::NOT_FOUND,
            "tidak ada di sini",
            "nothing here",
        ),
    ] {
        let answer = send("POST", path, "application/json", body).await;
        assert_eq!(answer.status, status, "{body}");
        let error = answer.json()["error"]
            .as_str()
            .expect("an error")
            .to_string();
        assert!(error.contains(indonesian), "{body}: {error}");
        if status != StatusCode::NOT_FOUND {
            let answer = send("POST", &format!("{path}?lang=en"), "application/json", body).await;
            let error = answer.json()["error"]
                .as_str()
                .expect("an error")
                .to_string();
            assert!(error.contains(english), "{body}: {error}");
        }
    }
}

#[tokio::test]
async fn a_text_too_large_is_413() {
    let big = "a ".repeat(lintas::serve::MAX_TEXT);
    let answer = send(
        "POST",
        "/api/v1/check",
        "application/json",
        serde_json::json!({ "text": big }).to_string(),
    )
    .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(
        answer.json()["error"]
            .as_str()
            .expect("an error")
            .contains("MiB")
    );
    let answer = send(
        "POST",
        "/v2/check",
        "text/plain",
        format!("language=id&text={big}"),
    )
    .await;
    assert_eq!(answer.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_are_independent() {
    // Each text has its finding at its own place, and asks for its own language.
    let texts: Vec<(String, usize, bool)> = (0..24)
        .map(|i| {
            let before = [
                "",
                "Kata ",
                "Kata ini ",
                "Kata ini dan ",
                "Kata ini dan itu ",
            ][i % 5];
            (format!("{before}Resiko itu."), before.len(), i % 2 == 0)
        })
        .collect();
    let answers = texts.iter().map(|(text, _, english)| {
        let body = serde_json::json!({"text": text, "lang": if *english { "en" } else { "id" }});
        send(
            "POST",
            "/api/v1/check",
            "application/json",
            body.to_string(),
        )
    });
    let answers = futures_join_all(answers).await;
    for ((text, start, english), answer) in texts.iter().zip(answers) {
        let json = answer.json();
        let diagnostics = json["files"][0]["diagnostics"].as_array().expect("a list");
        assert_eq!(diagnostics.len(), 1, "{text}: {json}");
        assert_eq!(diagnostics[0]["text"], "Resiko", "{text}");
        assert_eq!(diagnostics[0]["span"]["start"], *start, "{text}");
        let message = diagnostics[0]["message"].as_str().expect("a message");
        assert_eq!(
            message.contains("non-standard"),
            *english,
            "{text}: {message}"
        );
    }
}

/// Every future, run at once on the runtime's threads, their outputs in order.
async fn futures_join_all<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.expect("the request task ends"));
    }
    out
}

#[tokio::test]
async fn the_page_is_served_with_a_policy_that_runs_only_its_own_script() {
    let request = Request::builder()
        .uri("/")
        .body(Body::empty())
        .expect("a request");
    let response = router(shared()).oneshot(request).await.expect("an answer");
    assert_eq!(response.status(), StatusCode::OK);
    let policy = response.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .expect("ASCII");
    assert!(policy.contains("script-src 'self'") && policy.contains("default-src 'none'"));
    for path in ["/page.js", "/page.css"] {
        let answer = send("GET", path, "", Body::empty()).await;
        assert_eq!(answer.status, StatusCode::OK, "{path}");
    }
    // The draft's text reaches the page as text alone: nothing in the script parses markup.
    let script = send("GET", "/page.js", "", Body::empty()).await.body;
    for sink in [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "document.write",
        "eval(",
    ] {
        assert!(!script.contains(sink), "page.js uses {sink}");
    }
}

#[tokio::test]
async fn rules_give_what_explain_prints() {
    let answer = send("GET", "/api/v1/rules?lang=en", "", Body::empty()).await;
    let rules = answer.json();
    let calque = (rules.as_array().expect("a list").iter())
        .find(|r| r["id"] == "calque")
        .expect("calque");
    let explain = std::process::Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["explain", "calque", "--lang", "en"])
        .output()
        .expect("lintas runs");
    assert_eq!(
        calque["explanation"].as_str(),
        Some(String::from_utf8(explain.stdout).expect("UTF-8").as_str())
    );
}

/// A preflight request from a page of `origin`, to a server allowing `allowed`: the origin the
/// answer allows, if any.
async fn preflight(allowed: &[&str], origin: &str) -> Option<String> {
    let options = Options {
        bind: "127.0.0.1:0".parse().expect("an address"),
        allow_origins: allowed.iter().map(|o| o.to_string()).collect(),
        lang: Lang::Indonesian,
    };
    let request = Request::builder()
        .method("OPTIONS")
        .uri("/v2/check")
        .header(header::ORIGIN, origin)
        .header(header::ACCESS_CONTROL_REQUEST_METHOD, "POST")
        .body(Body::empty())
        .expect("a request");
    let response = (app(shared(), &options).expect("a valid policy"))
        .oneshot(request)
        .await
        .expect("an answer");
    (response.headers().get(header::ACCESS_CONTROL_ALLOW_ORIGIN))
        .map(|v| v.to_str().expect("ASCII").to_string())
}

#[tokio::test]
async fn other_origins_are_allowed_only_when_told() {
    let cms = "https://cms.example.com";
    assert_eq!(preflight(&[], cms).await, None);
    assert_eq!(preflight(&[cms], cms).await.as_deref(), Some(cms));
    assert_eq!(preflight(&[cms], "https://elsewhere.example").await, None);
    assert_eq!(preflight(&["*"], cms).await.as_deref(), Some("*"));
}

#[test]
fn a_bad_start_up_option_is_an_error_not_a_server() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["serve", "--no-config", "--bind", "127.0.0.1:0"])
        .args(["--allow-origin", "https://cms.example.com\u{7f}"])
        .output()
        .expect("lintas runs");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--allow-origin"), "{stderr}");
    assert!(!stderr.contains('\u{7f}'), "written escaped: {stderr}");
}
