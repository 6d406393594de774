//! A request the server will not answer: its status and why, in both languages. The page's API
//! answers it as JSON (`{"error": "…"}`), the LanguageTool API as plain text, as LanguageTool
//! does; neither is ever read as HTML.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::diagnostic::{Lang, Localized};
use crate::report::visible;

#[derive(Debug)]
pub struct Failure {
    pub status: StatusCode,
    pub message: Localized,
}

/// The most of a request's own words a message quotes: enough to recognise them.
const QUOTED: usize = 64;

impl Failure {
    pub fn bad_request(indonesian: impl Into<String>, english: impl Into<String>) -> Failure {
        Failure {
            status: StatusCode::BAD_REQUEST,
            message: Localized::new(indonesian, english),
        }
    }

    pub fn too_large() -> Failure {
        Failure {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            message: Localized::new(
                format!(
                    "permintaan terlalu besar: teks paling banyak {} MiB",
                    super::MAX_TEXT >> 20
                ),
                format!(
                    "request too large: a text may hold at most {} MiB",
                    super::MAX_TEXT >> 20
                ),
            ),
        }
    }

    pub fn busy() -> Failure {
        Failure {
            status: StatusCode::SERVICE_UNAVAILABLE,
            message: Localized::new(
                "server sedang sibuk: coba lagi sebentar lagi",
                "the server is busy: try again in a moment",
            ),
        }
    }

    pub fn internal() -> Failure {
        Failure {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: Localized::new(
                "galat di dalam lintas (mohon laporkan)",
                "an error inside lintas (please report it)",
            ),
        }
    }

    /// As the page's API answers it.
    pub fn json(&self, lang: Lang) -> Response {
        let body = serde_json::json!({ "error": self.message.get(lang) });
        super::json_response(self.status, body.to_string())
    }

    /// As the LanguageTool API answers it.
    pub fn text(&self, lang: Lang) -> Response {
        let body = format!("Error: {}\n", self.message.get(lang));
        (
            self.status,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            ],
            body,
        )
            .into_response()
    }
}

/// A request's own words as a message quotes them: on one line, escaped, cut short.
pub fn quoted(words: &str) -> String {
    let line = visible::one_line(words);
    match line.char_indices().nth(QUOTED) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.into_owned(),
    }
}

/// Any other path.
pub async fn not_found() -> Response {
    Failure {
        status: StatusCode::NOT_FOUND,
        message: Localized::new("tidak ada di sini", "nothing here"),
    }
    .json(Lang::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_words_are_cut_and_escaped() {
        assert_eq!(quoted("a\nb"), "a\\nb");
        let long = "x".repeat(100);
        assert_eq!(quoted(&long).chars().count(), QUOTED + 1);
    }
}
