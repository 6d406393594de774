//! The page of `lintas serve` in a real browser: headless Chromium driven through chromedriver
//! (Debian's `chromium` and `chromium-driver`). The seed article is typed into the page; its
//! findings must be underlined exactly where `lintas check` flags them; a finding opens with its
//! message, its rule's explanation and its fixes, one fix applies, the keyboard moves through
//! the list, and "apply all safe fixes" leaves the text `lintas check --fix` writes.
//!
//! The test takes a screenshot, `target/tmp/serve.png`; with `SNAPSHOTS=overwrite` it also
//! replaces the README's, `docs/img/serve.png`.
//!
//! Without a browser the test says so loudly and passes, unless `LINTAS_REQUIRE_BROWSER=1` (as
//! CI sets it, having installed one), when a missing browser fails it.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::key::Key;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{Value, json};

const SEED: &str = "fixtures/seed/komdigi-india-mou.txt";
const CHROMIUM: &str = "/usr/bin/chromium";
const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
/// How long anything the page does may take before the test gives up: far past what it needs.
const PATIENCE: Duration = Duration::from_secs(60);

/// A child process ended when the test ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The browser's programs, or `None` (after saying so) when the test cannot run here.
fn browser() -> Option<(PathBuf, PathBuf)> {
    let (chromium, driver) = (PathBuf::from(CHROMIUM), PathBuf::from(CHROMEDRIVER));
    if chromium.exists() && driver.exists() {
        return Some((chromium, driver));
    }
    let why = format!(
        "{CHROMIUM} or {CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)"
    );
    assert!(
        std::env::var_os("LINTAS_REQUIRE_BROWSER").is_none_or(|v| v != "1"),
        "LINTAS_REQUIRE_BROWSER=1 and {why}"
    );
    eprintln!("\n!!!!!!!! SKIPPED: the browser test of lintas serve did not run: {why} !!!!!!!!\n");
    None
}

/// `lintas serve` on a free port, and the page's address from its start-up line.
fn serve() -> (Running, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["serve", "--no-config", "--bind", "127.0.0.1:0"])
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("lintas serve starts");
    let mut line = String::new();
    BufReader::new(child.stderr.take().expect("stderr"))
        .read_line(&mut line)
        .expect("a start-up line");
    let url = (line.split_whitespace())
        .find(|w| w.starts_with("http://"))
        .unwrap_or_else(|| panic!("no address in “{line}”"))
        .to_string();
    (Running(child), url)
}

/// chromedriver on a free port, and its address once it answers.
fn chromedriver(driver: &Path) -> (Running, String) {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let child = Command::new(driver)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver starts");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < PATIENCE, "chromedriver does not answer");
        std::thread::sleep(Duration::from_millis(50));
    }
    (Running(child), format!("http://127.0.0.1:{port}"))
}

/// `lintas check` with `args` on `text` through standard input: its standard output.
fn check(args: &[&str], text: &str) -> String {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["check", "--no-config"])
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("lintas runs");
    (child.stdin.take().expect("stdin"))
        .write_all(text.as_bytes())
        .expect("written");
    let out = child.wait_with_output().expect("lintas ends");
    String::from_utf8(out.stdout).expect("UTF-8")
}

/// What `lintas check --fix` writes for a file holding `text`.
fn fixed_by_cli(text: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, text).expect("written");
    Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["check", "--no-config", "--fix", "--quiet"])
        .arg(&path)
        .output()
        .expect("lintas runs");
    std::fs::read_to_string(&path).expect("read back")
}

async fn run_js(client: &Client, script: &str) -> Value {
    client
        .execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("{script}: {e}"))
}

/// Wait until the page has checked the text now in the draft.
async fn settled(client: &Client) {
    let start = Instant::now();
    let script = "return document.body.dataset.ready === 'true' && !document.body.dataset.busy";
    while run_js(client, script).await != Value::Bool(true) {
        assert!(
            start.elapsed() < PATIENCE,
            "the page never finished checking"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn draft_text(client: &Client) -> String {
    let value = run_js(client, "return document.getElementById('draft').value").await;
    value.as_str().expect("a string").to_string()
}

/// The marks under the text: for each, the finding it marks, where it starts (UTF-16) and its text.
async fn marks(client: &Client) -> Vec<(usize, usize, String)> {
    let script = r#"
        const out = [];
        let at = 0;
        for (const node of document.getElementById('backdrop').childNodes) {
            if (node.nodeName === 'MARK') out.push([Number(node.dataset.finding), at, node.textContent]);
            at += node.textContent.length;
        }
        return out;"#;
    let value = run_js(client, script).await;
    (value.as_array().expect("a list").iter())
        .map(|m| {
            (
                m[0].as_u64().expect("an index") as usize,
                m[1].as_u64().expect("an offset") as usize,
                m[2].as_str().expect("text").to_string(),
            )
        })
        .collect()
}

fn utf16_at(text: &str, byte: u64) -> usize {
    text[..byte as usize].encode_utf16().count()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_checks_and_fixes_the_seed_article() {
    let Some((chromium, driver)) = browser() else {
        return;
    };
    let (_server, url) = serve();
    let (_driver, driver_url) = chromedriver(&driver);
    let profile = tempfile::tempdir().expect("a profile folder");
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_string(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,900", "--lang=id",
                format!("--user-data-dir={}", profile.path().display()),
            ],
        }),
    );
    let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver_url)
        .await
        .expect("chromium starts under chromedriver");
    let result = drive(&client, &url).await;
    client.close().await.expect("the browser closes");
    result.expect("the page works");
}

async fn drive(client: &Client, url: &str) -> Result<(), fantoccini::error::CmdError> {
    let seed = std::fs::read_to_string(SEED).expect("seed");
    client.goto(url).await?;
    settled(client).await;

    // Typed in as an editor would paste it: the page checks once the typing pauses.
    let draft = client.find(Locator::Id("draft")).await?;
    draft.send_keys(&seed).await?;
    settled(client).await;
    assert_eq!(draft_text(client).await, seed);

    // Every finding `lintas check` reports is listed, and underlined exactly where it is.
    let report: Value = serde_json::from_str(&check(&["--format", "json"], &seed)).expect("JSON");
    let diagnostics = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .clone();
    assert!(diagnostics.len() >= 10, "{report}");
    let listed = run_js(
        client,
        "return document.querySelectorAll('#list button').length",
    )
    .await;
    assert_eq!(listed.as_u64(), Some(diagnostics.len() as u64));
    underlined_where_flagged(client, &seed, &diagnostics).await;

    // Open one with the keyboard: the first, then the next with ↓, then Enter.
    let first = client
        .find(Locator::Css("#list button[data-finding='0']"))
        .await?;
    first.send_keys(&char::from(Key::Down).to_string()).await?;
    let focused = run_js(client, "return document.activeElement.dataset.finding").await;
    assert_eq!(focused, Value::from("1"));
    let spelling = (diagnostics.iter())
        .position(|d| d["rule"] == "spelling")
        .expect("a spelling finding");
    let button = client
        .find(Locator::Css(&format!(
            "#list button[data-finding='{spelling}']"
        )))
        .await?;
    button.click().await?;
    let d = &diagnostics[spelling];
    let shown = |id: &str| format!("return document.getElementById('{id}').textContent");
    assert_eq!(
        run_js(client, &shown("detail-message")).await,
        d["message"].clone()
    );
    let explain = Command::new(env!("CARGO_BIN_EXE_lintas"))
        .args(["explain", "spelling"])
        .output()
        .expect("lintas explain");
    assert_eq!(
        run_js(client, &shown("detail-explain")).await,
        Value::from(String::from_utf8(explain.stdout).expect("UTF-8"))
    );
    let fix_buttons = run_js(
        client,
        "return document.querySelectorAll('#detail-fixes button').length",
    )
    .await;
    assert_eq!(
        fix_buttons.as_u64(),
        Some(d["fixes"].as_array().expect("fixes").len() as u64)
    );
    screenshot(client).await?;

    // One click applies a fix: the first safe fix of the first finding that has one.
    let (n, fixable) = (diagnostics.iter().enumerate())
        .find(|(_, d)| d["fixes"][0]["applicability"] == "safe")
        .expect("a safe fix");
    client
        .find(Locator::Css(&format!("#list button[data-finding='{n}']")))
        .await?
        .click()
        .await?;
    client
        .find(Locator::Css("#detail-fixes button[data-fix='0']"))
        .await?
        .click()
        .await?;
    settled(client).await;
    let edit = &fixable["fixes"][0]["edits"][0];
    let (start, end) = (edit["start"].as_u64(), edit["end"].as_u64());
    let (start, end) = (start.expect("start") as usize, end.expect("end") as usize);
    let once = format!(
        "{}{}{}",
        &seed[..start],
        edit["replacement"].as_str().expect("a replacement"),
        &seed[end..]
    );
    assert_eq!(draft_text(client).await, once);

    // “Apply all safe fixes” leaves what `lintas check --fix` writes.
    client.find(Locator::Id("fix-all")).await?.click().await?;
    let start = Instant::now();
    while draft_text(client).await == once {
        assert!(start.elapsed() < PATIENCE, "the fixes never came");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    settled(client).await;
    let all = draft_text(client).await;
    assert_eq!(all, fixed_by_cli(&once));
    assert_eq!(all, fixed_by_cli(&seed));

    // The English switch: the page and its messages in English.
    client.find(Locator::Id("lang")).await?.click().await?;
    settled(client).await;
    let status = run_js(client, &shown("status")).await;
    assert!(
        status.as_str().is_some_and(|s| s.contains("finding")),
        "{status}"
    );

    // A long article (over 5,000 words) pasted whole: every finding listed and marked.
    let long = vec![seed.trim_end(); 20].join("\n\n") + "\n";
    assert!(long.split_whitespace().count() > 5000);
    client
        .execute(
            "const d = document.getElementById('draft'); d.value = arguments[0]; \
             d.dispatchEvent(new Event('input'));",
            vec![Value::from(long.clone())],
        )
        .await?;
    settled(client).await;
    assert_eq!(draft_text(client).await, long);
    let report: Value = serde_json::from_str(&check(&["--format", "json"], &long)).expect("JSON");
    let count = report["files"][0]["diagnostics"].as_array().map(Vec::len);
    let listed = run_js(
        client,
        "return document.querySelectorAll('#list button').length",
    )
    .await;
    assert_eq!(listed.as_u64(), count.map(|n| n as u64));
    let diagnostics = report["files"][0]["diagnostics"]
        .as_array()
        .expect("diagnostics");
    underlined_where_flagged(client, &long, diagnostics).await;
    Ok(())
}

/// Each finding that does not overlap an earlier one is underlined, over exactly the text
/// `check` flags, starting where `check` says.
async fn underlined_where_flagged(client: &Client, text: &str, diagnostics: &[Value]) {
    let marked = marks(client).await;
    let mut end = 0;
    let mut expected = 0;
    for d in diagnostics {
        let (start, stop) = (d["span"]["start"].as_u64(), d["span"]["end"].as_u64());
        let (start, stop) = (start.expect("start"), stop.expect("end"));
        if start >= end {
            expected += 1;
            end = stop;
        }
    }
    assert_eq!(marked.len(), expected, "{marked:?}");
    for (finding, from, flagged) in &marked {
        let d = &diagnostics[*finding];
        assert_eq!(flagged, d["text"].as_str().expect("text"), "{d}");
        let start = d["span"]["start"].as_u64().expect("start");
        assert_eq!(*from, utf16_at(text, start), "{d}");
    }
}

/// Save what the page looks like.
async fn screenshot(client: &Client) -> Result<(), fantoccini::error::CmdError> {
    let png = client.screenshot().await?;
    let target = Path::new(env!("CARGO_TARGET_TMPDIR")).join("serve.png");
    std::fs::write(&target, &png).expect("screenshot written");
    if std::env::var_os("SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::create_dir_all("docs/img").expect("docs/img");
        std::fs::write("docs/img/serve.png", &png).expect("screenshot written");
    }
    Ok(())
}
