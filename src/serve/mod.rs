//! `lintas serve`: one linter, built at start-up and shared, behind an HTTP server. Handlers only
//! translate between wire formats (the page's JSON API, LanguageTool's) and the diagnostics
//! `check` produces; every text is linted on the blocking pool, never on the threads that serve
//! connections, so requests lint in parallel and a long article does not hold up the others.
//!
//! Safe by default: it listens on this machine alone unless told otherwise, bounds each request's
//! size and time, answers a bad request with a 4xx and a message (Indonesian, or English when the
//! request asks), writes nothing to disk and keeps no state between requests.

mod api;
mod failure;
mod languagetool;
mod offsets;
mod page;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderValue, Method, header};
use axum::routing::get;
use tokio::sync::Semaphore;
use tower_http::cors::{AllowOrigin, Any, CorsLayer};
use tower_http::timeout::TimeoutLayer;

use crate::diagnostic::Lang;
use crate::engine::Linter;
use crate::messages::{Cause, Message};

pub use failure::Failure;

/// The largest text a request may hold, in bytes: about 150 pages of news, far past any article,
/// and small enough that a request is linted in well under a second.
pub const MAX_TEXT: usize = 1 << 20;
/// The largest request body: a text of [`MAX_TEXT`] URL-encoded (up to 3 bytes a byte for
/// the letters of Indonesian and a few of punctuation) or in JSON, with room for the rest.
const MAX_BODY: usize = 4 * MAX_TEXT;
/// How long one request may take, from its first byte to its answer. Linting a text of
/// [`MAX_TEXT`] takes a small fraction of it; the rest is for a slow client.
const REQUEST_TIME: Duration = Duration::from_secs(30);
/// How long a request waits for a turn to lint and lints, before it is answered 503.
const LINT_TIME: Duration = Duration::from_secs(20);
/// Requests linted at once, per worker thread: more would only queue inside the pool, holding
/// their texts in memory.
const LINTS_PER_THREAD: usize = 4;

/// How the server is started.
#[derive(Clone, Debug)]
pub struct Options {
    pub bind: SocketAddr,
    /// Origins allowed to call the server from a browser page (`*` for any).
    pub allow_origins: Vec<String>,
    /// The language of messages when a request does not ask for one.
    pub lang: Lang,
}

/// What every request reads: the linter and the default message language. Nothing in it changes
/// after start-up, so requests are independent.
pub struct Shared {
    linter: Linter,
    lang: Lang,
    /// Turns to lint: bounds the texts held at once.
    turns: Semaphore,
}

impl Shared {
    pub fn new(linter: Linter, lang: Lang) -> Shared {
        Shared {
            linter,
            lang,
            turns: Semaphore::new(rayon::current_num_threads() * LINTS_PER_THREAD),
        }
    }

    /// Run `job` with the linter on the blocking pool, within [`LINT_TIME`].
    async fn lint<T: Send + 'static>(
        self: &Arc<Self>,
        job: impl FnOnce(&Linter) -> T + Send + 'static,
    ) -> Result<T, Failure> {
        let shared = Arc::clone(self);
        let work = async move {
            let _turn = shared.turns.acquire().await.map_err(|_| Failure::busy())?;
            let linter = Arc::clone(&shared);
            tokio::task::spawn_blocking(move || job(&linter.linter))
                .await
                .map_err(|_| Failure::internal())
        };
        tokio::time::timeout(LINT_TIME, work)
            .await
            .unwrap_or_else(|_| Err(Failure::busy()))
    }
}

/// A server bound to its address, not yet serving.
pub struct Server {
    listener: tokio::net::TcpListener,
    router: Router,
    lang: Lang,
}

impl Server {
    /// Bind `options.bind` for `linter` (port 0 picks a free port: [`Server::address`]).
    pub async fn bind(linter: Linter, options: Options) -> anyhow::Result<Server> {
        let listener = (tokio::net::TcpListener::bind(options.bind).await).map_err(|e| {
            Message::ServeListen {
                address: options.bind.to_string(),
                cause: Cause::of(&e),
            }
        })?;
        let router = app(Arc::new(Shared::new(linter, options.lang)), &options)?;
        Ok(Server {
            listener,
            router,
            lang: options.lang,
        })
    }

    /// The address it listens on.
    pub fn address(&self) -> anyhow::Result<SocketAddr> {
        Ok(self.listener.local_addr()?)
    }

    /// The start-up line: where to open the page and where clients find the LanguageTool API,
    /// and a warning when the address is not this machine's alone.
    pub fn announce(&self, w: &mut dyn std::io::Write) -> anyhow::Result<()> {
        let address = self.address()?;
        let url = format!("http://{address}/");
        match self.lang {
            Lang::Indonesian => writeln!(
                w,
                "lintas: buka {url} di peramban (LanguageTool API: {url}v2; berhenti: Ctrl+C)"
            )?,
            Lang::English => writeln!(
                w,
                "lintas: open {url} in a browser (LanguageTool API: {url}v2; stop: Ctrl+C)"
            )?,
        }
        if !address.ip().is_loopback() {
            match self.lang {
                Lang::Indonesian => writeln!(
                    w,
                    "lintas: peringatan: {address} dapat dijangkau dari komputer lain; siapa pun yang \
                     menjangkaunya dapat memakai server ini"
                )?,
                Lang::English => writeln!(
                    w,
                    "lintas: warning: {address} can be reached from other machines; anyone who \
                     reaches it can use this server"
                )?,
            }
        }
        Ok(())
    }

    /// Serve until Ctrl+C (or SIGTERM), finishing the requests under way.
    pub async fn run(self) -> anyhow::Result<()> {
        axum::serve(self.listener, self.router)
            .with_graceful_shutdown(stopped())
            .await
            .map_err(|e| {
                anyhow::Error::new(Message::ServeStopped {
                    cause: Cause::of(&e),
                })
            })
    }
}

/// The server's whole service: [`router`] with the CORS policy `options` ask for.
pub fn app(shared: Arc<Shared>, options: &Options) -> anyhow::Result<Router> {
    Ok(router(shared).layer(cors(&options.allow_origins)?))
}

/// Every route, over `shared`.
pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/", get(page::html))
        .route("/page.js", get(page::script))
        .route("/page.css", get(page::style))
        .route("/api/v1/rules", get(api::rules))
        .route("/api/v1/check", axum::routing::post(api::check))
        .route("/api/v1/fix", axum::routing::post(api::fix))
        .route(
            "/v2/check",
            get(languagetool::check).post(languagetool::check),
        )
        .route("/v2/languages", get(languagetool::languages))
        .route("/v2/maxtextlength", get(languagetool::max_text_length))
        .route("/v2/info", get(languagetool::info))
        .fallback(failure::not_found)
        .with_state(shared)
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIME,
        ))
}

/// The CORS policy: none unless origins are allowed (the page is served from the same origin).
fn cors(origins: &[String]) -> anyhow::Result<CorsLayer> {
    let layer = CorsLayer::new()
        .allow_methods([Method::GET, Method::POST])
        .allow_headers([header::CONTENT_TYPE]);
    if origins.iter().any(|o| o == "*") {
        return Ok(layer.allow_origin(Any));
    }
    let origins: Vec<HeaderValue> = (origins.iter())
        .map(|o| {
            HeaderValue::from_str(o).map_err(|e| {
                anyhow::Error::new(Message::AllowOrigin {
                    origin: o.clone(),
                    detail: e.to_string(),
                })
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(layer.allow_origin(AllowOrigin::list(origins)))
}

/// A request's body, at most [`MAX_BODY`] bytes.
async fn read_body(body: Body) -> Result<Bytes, Failure> {
    axum::body::to_bytes(body, MAX_BODY)
        .await
        .map_err(|_| Failure::too_large())
}

/// A JSON answer.
fn json_response(status: axum::http::StatusCode, body: String) -> axum::response::Response {
    use axum::response::IntoResponse;
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The message language a query string asks for (`lang=en`), if any.
fn query_lang(query: Option<&str>) -> Option<Lang> {
    form_urlencoded::parse(query.unwrap_or_default().as_bytes())
        .find(|(k, _)| k == "lang")
        .and_then(|(_, v)| parse_lang(&v))
}

/// `id` or `en` (and regional forms such as `en-US`, `id-ID`).
fn parse_lang(value: &str) -> Option<Lang> {
    let code = value.split(['-', '_']).next().unwrap_or_default();
    match code.to_ascii_lowercase().as_str() {
        "id" | "in" => Some(Lang::Indonesian),
        "en" => Some(Lang::English),
        _ => None,
    }
}

/// Resolves on Ctrl+C or SIGTERM.
async fn stopped() {
    let interrupt = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn languages_are_read_from_codes() {
        assert_eq!(parse_lang("en-US"), Some(Lang::English));
        assert_eq!(parse_lang("id"), Some(Lang::Indonesian));
        assert_eq!(parse_lang("fr"), None);
        assert_eq!(query_lang(Some("a=1&lang=en")), Some(Lang::English));
        assert_eq!(query_lang(None), None);
    }
}
