//! What keeps a local server local: requests must name this server as their Host (no DNS
//! rebinding), come from its own page (no cross-site requests), and changes must carry the
//! app's own header, which a foreign page cannot send without a CORS preflight this server
//! never grants.

use axum::extract::{Request, State};
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// The header every changing request of the app carries (`X-Gongwen: 1`).
pub const APP_HEADER: &str = "x-gongwen";

/// The names this server answers to, and the largest bodies it reads.
#[derive(Debug, Clone)]
pub struct Origins {
    hosts: Vec<String>,
    /// Largest body of a request.
    pub body_limit: usize,
    /// Largest body of an upload (`/api/import`).
    pub upload_limit: usize,
}

impl Origins {
    /// The loopback names with `port`.
    pub fn loopback(port: u16, body_limit: usize, upload_limit: usize) -> Self {
        Self {
            hosts: ["127.0.0.1", "localhost", "[::1]"]
                .iter()
                .map(|h| format!("{h}:{port}"))
                .collect(),
            body_limit,
            upload_limit,
        }
    }

    /// Whether the request announces a body larger than its route reads: refused at once,
    /// before a byte of it is read.
    fn too_large(&self, request: &Request) -> bool {
        let limit = if request.uri().path() == "/api/import" {
            self.upload_limit
        } else {
            self.body_limit
        };
        request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse::<u64>().ok())
            .is_some_and(|n| n > limit as u64)
    }

    /// Why the request is refused, if it is.
    fn refusal(&self, request: &Request) -> Option<&'static str> {
        let headers = request.headers();
        let text = |name| {
            headers
                .get(name)
                .and_then(|v: &HeaderValue| v.to_str().ok())
        };
        let host = text(header::HOST)?;
        if !self.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
            return Some("拒绝访问：请求的主机名不是本机的 gongwen 服务");
        }
        if let Some(origin) = text(header::ORIGIN) {
            let own = origin
                .strip_prefix("http://")
                .is_some_and(|o| self.hosts.iter().any(|h| h.eq_ignore_ascii_case(o)));
            if !own {
                return Some("拒绝访问：请求来自其他网站");
            }
        }
        if text(header::HeaderName::from_static("sec-fetch-site")) == Some("cross-site") {
            return Some("拒绝访问：请求来自其他网站");
        }
        let reads = matches!(*request.method(), Method::GET | Method::HEAD);
        if !reads && text(header::HeaderName::from_static(APP_HEADER)) != Some("1") {
            return Some("拒绝访问：修改请求须来自 gongwen 页面");
        }
        None
    }
}

/// The next step of a body past the limit.
const SHRINK: &str = "请在 WPS 或 Word 中压缩其中的图片、另存后再试。";

/// The middleware: refuses foreign requests with 403, and marks every answer as not to be
/// framed, sniffed or cached.
pub async fn guard(State(origins): State<Arc<Origins>>, request: Request, next: Next) -> Response {
    let no_host = request.headers().get(header::HOST).is_none();
    let refused = if no_host {
        Some("拒绝访问：请求没有主机名")
    } else {
        origins.refusal(&request)
    };
    let mut response = match refused {
        Some(message) => (
            StatusCode::FORBIDDEN,
            axum::Json(serde_json::json!({ "error": message })),
        )
            .into_response(),
        None if origins.too_large(&request) => {
            let message = format!(
                "请求太大：文稿不超过 {} MiB，上传的来文不超过 {} MiB",
                origins.body_limit >> 20,
                origins.upload_limit >> 20
            );
            let mut r = (
                StatusCode::PAYLOAD_TOO_LARGE,
                axum::Json(serde_json::json!({ "error": message, "next": SHRINK })),
            )
                .into_response();
            r.headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
            r
        }
        None => in_chinese(next.run(request).await, &origins),
    };
    let headers = response.headers_mut();
    let page = headers
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if page {
        headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; \
             frame-ancestors 'none'; form-action 'self'",
        ),
    );
    }
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    response
}

/// An error answer the framework wrote in English (a chunked upload past the limit, a body
/// that is not the JSON asked for, a missing query field, an unknown path), rewritten as the
/// app's own: `{"error": "…"}` in Chinese, with the same status. The page shows `error`.
fn in_chinese(response: Response, origins: &Origins) -> Response {
    let status = response.status();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if json || !(status.is_client_error() || status.is_server_error()) {
        return response;
    }
    let message = match status {
        StatusCode::PAYLOAD_TOO_LARGE => format!(
            "请求太大：文稿不超过 {} MiB，上传的来文不超过 {} MiB",
            origins.body_limit >> 20,
            origins.upload_limit >> 20
        ),
        StatusCode::NOT_FOUND => "没有这个页面或接口".to_owned(),
        StatusCode::METHOD_NOT_ALLOWED => "请求方法不对".to_owned(),
        StatusCode::UNSUPPORTED_MEDIA_TYPE => "请求格式不对：应为 JSON".to_owned(),
        StatusCode::BAD_REQUEST => "请求缺少必需的参数或参数有误".to_owned(),
        StatusCode::UNPROCESSABLE_ENTITY => "请求内容无法读取：字段缺失或类型不对".to_owned(),
        s if s.is_server_error() => format!("gongwen 服务出错（HTTP {}），请重试", s.as_u16()),
        s => format!("请求未能完成（HTTP {}）", s.as_u16()),
    };
    let next = match status {
        StatusCode::PAYLOAD_TOO_LARGE => SHRINK,
        s if s.is_server_error() => "再试一次；仍失败时请重新打开“公文排版”。",
        _ => "请刷新页面（F5）后再试。",
    };
    let body = serde_json::json!({ "error": message, "next": next });
    let mut r = (status, axum::Json(body)).into_response();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        r.headers_mut()
            .insert(header::CONNECTION, HeaderValue::from_static("close"));
    }
    r
}

/// Error answers name files as the page shows them, relative to the workspace: the server's
/// absolute paths (「/home/…/公文/offices/x.toml：文件或文件夹不存在」) mean nothing to the
/// person at the page and tell a visitor where the files lie.
pub async fn workspace_names(
    State(root): State<Arc<String>>,
    request: Request,
    next: Next,
) -> Response {
    let response = next.run(request).await;
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"application/json"));
    if !json || !(response.status().is_client_error() || response.status().is_server_error()) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, ERROR_BODY_LIMIT).await else {
        return (
            parts.status,
            axum::Json(serde_json::json!({ "error": "请求未能完成" })),
        )
            .into_response();
    };
    let text = String::from_utf8_lossy(&bytes).replace(root.as_str(), "");
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(text))
}

/// Largest error answer rewritten (they are a sentence and a few findings).
const ERROR_BODY_LIMIT: usize = 1 << 20;
