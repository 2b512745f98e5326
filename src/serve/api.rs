//! The HTTP API the page calls: workspace listing, the form's schema, new, open, sync
//! (form ⇄ TOML), preview, save, download, import and derive. Every handler resolves names
//! through the [`Workspace`](super::workspace::Workspace) and does document work on a blocking
//! thread with the shared [`Engine`](crate::Engine).

use super::workspace::{classify, Opened, Role};
use super::{data, preview, queue, AppState};
use crate::app;
use crate::derive::{self, DeriveAs};
use crate::error::{Diagnostic, Error, Severity};
use crate::{output, spec, Format};
use axum::body::Bytes;
use axum::extract::{Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

/// A refused or failed request: its status, a Chinese message, and the findings behind it.
#[derive(Debug)]
pub struct ApiError {
    status: StatusCode,
    message: String,
    /// What the person can do next (the page shows it beside the failed action).
    next: &'static str,
    diagnostics: Vec<Diagnostic>,
}

impl ApiError {
    fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            message: message.into(),
            next: "",
            diagnostics: Vec::new(),
        }
    }

    /// The same error, saying what to do next.
    fn then(mut self, next: &'static str) -> Self {
        self.next = next;
        self
    }
}

impl From<Error> for ApiError {
    fn from(e: Error) -> Self {
        let status = match &e {
            Error::Exists(_) => StatusCode::CONFLICT,
            Error::Io { source, .. } if source.kind() == std::io::ErrorKind::NotFound => {
                StatusCode::NOT_FOUND
            }
            Error::Io { .. } => StatusCode::INTERNAL_SERVER_ERROR,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        let diagnostics = match &e {
            Error::Spec(d) => d.clone(),
            _ => Vec::new(),
        };
        // The CLI's 「加 --force 覆盖」 means nothing on the page, which asks instead.
        let message = match &e {
            Error::Exists(p) => format!("“{}”已存在", p.display()),
            Error::Spec(d) => spec_errors(d),
            e => without_handles(&e.to_string()),
        };
        Self {
            status,
            message,
            next: e.next_step(),
            diagnostics,
        }
    }
}

/// The next step of a refused file name.
const RENAME: &str = "请换一个文件名再试：用汉字、字母、数字和 -。";

/// The next step of an error the program did not expect.
const RETRY: &str = "再试一次；仍失败时请重新打开“公文排版”，并把上面的信息告诉技术支持。";

/// A spec's errors as the page says them: how many, and the first (each is shown at its field).
fn spec_errors(d: &[Diagnostic]) -> String {
    let errors: Vec<&Diagnostic> = d.iter().filter(|d| d.severity == Severity::Error).collect();
    match errors.as_slice() {
        [] => "文稿有问题".to_owned(),
        [one] => format!("文稿有 1 个错误：{}", one.message),
        [first, ..] => format!("文稿有 {} 个错误，如：{}", errors.len(), first.message),
    }
}

/// The next step of a request only an outdated page sends.
const RELOAD: &str = "请刷新页面（F5）后再试。";

/// A message with the open-folder paths the workspace uses (`/proc/self/fd/N/`) taken out:
/// the page names files by their names.
fn without_handles(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut rest = message;
    while let Some(at) = rest.find("/proc/self/fd/") {
        out.push_str(&rest[..at]);
        let after = &rest[at + "/proc/self/fd/".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        rest = after[digits..]
            .strip_prefix('/')
            .unwrap_or(&after[digits..]);
    }
    out.push_str(rest);
    out
}

impl From<super::workspace::Refused> for ApiError {
    fn from(r: super::workspace::Refused) -> Self {
        Self::new(StatusCode::FORBIDDEN, r.0).then(r.1)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({
            "error": self.message,
            "next": self.next,
            "diagnostics": self.diagnostics.iter().map(diagnostic_json).collect::<Vec<_>>(),
        });
        (self.status, Json(body)).into_response()
    }
}

type Answer = Result<Response, ApiError>;

/// A finding as the page shows it beside its field.
fn diagnostic_json(d: &Diagnostic) -> Value {
    json!({
        "severity": if d.severity == Severity::Warning { "warning" } else { "error" },
        "rule": d.rule,
        "line": d.line,
        "column": d.column,
        "field": d.field,
        "message": d.message,
    })
}

fn diagnostics_json(d: &[Diagnostic]) -> Value {
    Value::Array(d.iter().map(diagnostic_json).collect())
}

/// Runs document work off the async threads (typst is CPU-bound and recurses deeply).
async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(work).await.map_err(|e| {
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, format!("内部错误：{e}")).then(RETRY)
    })?
}

/// [`blocking`] for work that lays documents out, once a layout slot is free (FIFO).
async fn layout_work<T: Send + 'static>(
    state: &AppState,
    client: &str,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _slot = state.layouts.acquire(client).await;
    blocking(work).await
}

/// The page tab a request comes from ([`queue::TAB_HEADER`]; empty when it does not say).
fn tab(headers: &axum::http::HeaderMap) -> String {
    headers
        .get(queue::TAB_HEADER)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .chars()
        .take(64)
        .collect()
}

/// A name given by the page for a spec or profile: a `.toml` file of the workspace, opened
/// (its missing folders made when `create` is set).
fn toml_path(state: &AppState, name: &str, create: bool) -> Result<Opened, ApiError> {
    let path = state.workspace.open_name(name, create)?;
    if path.named().extension().is_none_or(|e| e != "toml") {
        return Err(
            ApiError::new(StatusCode::BAD_REQUEST, format!("“{name}”不是 .toml 文件")).then(RENAME),
        );
    }
    Ok(path)
}

/// `GET /api/workspace`: the files, the kinds a new document can be, what derive can make.
pub async fn workspace(State(state): State<Arc<AppState>>) -> Answer {
    let st = state.clone();
    let files = blocking(move || Ok(st.workspace.list())).await?;
    let kinds: Vec<Value> = app::new::TEMPLATES
        .iter()
        .map(|t| json!({"id": t.id, "label": t.label}))
        .collect();
    let derive_as: Vec<Value> = DeriveAs::ALL
        .iter()
        .map(|a| json!({"id": a.name(), "label": a.label()}))
        .collect();
    Ok(Json(json!({
        "root": state.workspace.root().display().to_string(),
        "files": files,
        "kinds": kinds,
        "derive_as": derive_as,
    }))
    .into_response())
}

/// `GET /api/schema`: the form's fields for specs and office profiles, the 文种 and what derive
/// can make ([`spec::form::schema_json`]).
pub async fn schema() -> Answer {
    Ok(Json(spec::form::schema_json()).into_response())
}

/// `POST /api/new` body.
#[derive(Deserialize)]
pub struct NewRequest {
    kind: String,
    name: String,
}

/// `POST /api/new`: a new spec (or profile) from the kind's commented template.
pub async fn new(State(state): State<Arc<AppState>>, Json(req): Json<NewRequest>) -> Answer {
    let template = app::new::template(&req.kind).ok_or_else(|| {
        ApiError::new(StatusCode::BAD_REQUEST, format!("未知的文种“{}”", req.kind)).then(RELOAD)
    })?;
    let name = req.name.trim();
    let name = if name.ends_with(".toml") {
        name.to_owned()
    } else {
        format!("{name}.toml")
    };
    let path = toml_path(&state, &name, true)?;
    if path.path().exists() {
        return Err(Error::Exists(PathBuf::from(&name)).into());
    }
    output::write_atomic(path.path(), template.text.as_bytes())?;
    Ok((StatusCode::CREATED, Json(json!({ "name": name }))).into_response())
}

/// `?name=` of the file requests.
#[derive(Deserialize)]
pub struct NameQuery {
    name: String,
}

/// `GET /api/file`: a spec or profile as TOML, as form data, and its findings.
pub async fn file(State(state): State<Arc<AppState>>, Query(q): Query<NameQuery>) -> Answer {
    let path = toml_path(&state, &q.name, false)?;
    let st = state.clone();
    blocking(move || {
        let text = spec::read(path.reading())?;
        let role = classify(&text).map_or(Role::Spec, |(r, _, _)| r);
        let diagnostics = findings(&st, &text, &q.name, role);
        let tag = version(&text);
        let body = Json(json!({
            "name": q.name,
            "role": role,
            "version": tag,
            "toml": text,
            "data": data::to_json(&text).ok(),
            "diagnostics": diagnostics_json(&diagnostics),
        }));
        Ok(([(header::ETAG, format!("\"{tag}\""))], body).into_response())
    })
    .await
}

/// The findings of a spec (every `check` rule) or of a profile (its rules that cannot work),
/// named as the page names the file.
fn findings(state: &AppState, text: &str, name: &str, role: Role) -> Vec<Diagnostic> {
    let path = Path::new(name);
    let result = match role {
        Role::Profile => spec::deserialize::<derive::profile::Profile>(text, path).map(|p| {
            derive::profile::problems(&p)
                .into_iter()
                .map(|(field, message)| spec::located(text, path, &field, message))
                .collect()
        }),
        _ => {
            let upstream = |file: &str| upstream_in(state, name, file);
            state
                .engine
                .check_source_with(text, path, &upstream)
                .map(|report| report.diagnostics)
        }
    };
    match result {
        Ok(d) => d,
        Err(Error::Spec(d)) => d,
        Err(e) => vec![Diagnostic {
            file: path.to_owned(),
            message: e.to_string(),
            ..Diagnostic::default()
        }],
    }
}

/// The upstream a draft named `draft` cites (`provenance.upstream_file`: relative to the draft's
/// folder, as `gongwen derive` writes it, or to the workspace, as the app's 派生 does), read
/// inside the workspace: a draft cannot make the app read a file elsewhere.
fn upstream_in(state: &AppState, draft: &str, file: &str) -> Option<spec::Spec> {
    let folder = draft.rsplit_once('/').map_or("", |(f, _)| f);
    [folder, ""].into_iter().find_map(|base| {
        let name = joined(base, file)?;
        let opened = state.workspace.open_name(&name, false).ok()?;
        crate::derive::review::upstream_at(opened.named(), opened.reading())
    })
}

/// `file` below the workspace folder `base`, `..` taken back; none above the workspace.
fn joined(base: &str, file: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|p| !p.is_empty()).collect();
    for part in file.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    Some(parts.join("/"))
}

/// `POST /api/sync` body: TOML to read as form data, or form data to merge into `base`.
#[derive(Deserialize)]
pub struct SyncRequest {
    toml: Option<String>,
    base: Option<String>,
    data: Option<Value>,
}

/// `POST /api/sync`: TOML → form data (with syntax findings), or form data → TOML.
pub async fn sync(Json(req): Json<SyncRequest>) -> Answer {
    if let Some(data) = req.data {
        let base = req.base.unwrap_or_default();
        let toml = data::merge(&base, &data).map_err(|e| {
            ApiError::new(StatusCode::UNPROCESSABLE_ENTITY, e)
                .then("请撤销最近的修改，或在“TOML”页直接修改。")
        })?;
        let data = data::to_json(&toml).ok();
        return Ok(Json(json!({ "toml": toml, "data": data })).into_response());
    }
    let toml = req.toml.unwrap_or_default();
    let (data, diagnostics) = match data::to_json(&toml) {
        Ok(d) => (Some(d), Vec::new()),
        Err(_) => (
            None,
            match spec::deserialize::<toml::Table>(&toml, Path::new("")) {
                Err(Error::Spec(d)) => d,
                _ => Vec::new(),
            },
        ),
    };
    Ok(
        Json(json!({ "data": data, "diagnostics": diagnostics_json(&diagnostics) }))
            .into_response(),
    )
}

/// `POST /api/preview` and `/api/save` body.
#[derive(Deserialize)]
pub struct TextRequest {
    name: String,
    toml: String,
    /// 按年份: preview the spec moved to this campaign year.
    #[serde(default)]
    year: Option<i32>,
    /// The file's version this text was edited from (see [`save`]).
    #[serde(default)]
    version: Option<String>,
}

/// A campaign year the page may ask for (the CLI's `--year` range).
const YEARS: std::ops::RangeInclusive<i32> = 1949..=2200;

/// A year outside [`YEARS`], refused in Chinese.
fn bad_year(y: i32) -> ApiError {
    ApiError::new(
        StatusCode::BAD_REQUEST,
        format!("年份 {y} 超出范围：应为四位数的年份（1949–2200）"),
    )
    .then("请在“按年份”中写四位数的年份（1949–2200），如 2027；不按年份时留空。")
}

/// `POST /api/preview`: the unsaved text's pages as SVG, with its findings.
pub async fn preview(
    State(state): State<Arc<AppState>>,
    headers: axum::http::HeaderMap,
    Json(req): Json<TextRequest>,
) -> Answer {
    let path = toml_path(&state, &req.name, false)?;
    if let Some(y) = req.year.filter(|y| !YEARS.contains(y)) {
        return Err(bad_year(y));
    }
    let st = state.clone();
    layout_work(&state, &tab(&headers), move || {
        let started = Instant::now();
        let role = classify(&req.toml).map_or(Role::Spec, |(r, _, _)| r);
        let preview = if role == Role::Spec {
            let text = preview::Text {
                name: &req.name,
                path: path.path(),
                toml: &req.toml,
                year: req.year,
            };
            preview::preview(&st.engine, &st.previews, &text)
        } else {
            preview::Preview {
                pages: Vec::new(),
                diagnostics: findings(&st, &req.toml, &req.name, role),
            }
        };
        let pages: Vec<Value> = preview
            .pages
            .iter()
            .map(|svg| json!({ "svg": &**svg }))
            .collect();
        Ok(Json(json!({
            "pages": pages,
            "diagnostics": diagnostics_json(&preview.diagnostics),
            "ms": started.elapsed().as_millis() as u64,
        }))
        .into_response())
    })
    .await
}

/// `POST /api/save`: writes the TOML atomically (in the file's own line ends), with its
/// findings.
/// `POST /api/save`: the version the page edited (`If-Match`, or `version` in the body) must
/// still be the file's, else 412 with the file as it is now: two tabs never overwrite each other
/// silently. Without a version (a new file) the save is unconditional.
pub async fn save(
    State(state): State<Arc<AppState>>,
    headers: axum::http::HeaderMap,
    Json(req): Json<TextRequest>,
) -> Answer {
    let path = toml_path(&state, &req.name, true)?;
    let expected = headers
        .get(header::IF_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.trim().trim_matches('"').to_owned())
        .or_else(|| req.version.clone());
    let st = state.clone();
    blocking(move || {
        // One save at a time: the comparison and the write are one step.
        let _one = SAVES.lock().unwrap_or_else(|e| e.into_inner());
        let old = std::fs::read_to_string(path.reading()).ok();
        if let (Some(expected), Some(old)) = (&expected, &old) {
            let now = version(old);
            if &now != expected {
                let body = Json(json!({
                    "error": "这个文件已在别处（另一个标签页或编辑器）修改过，本次保存没有覆盖它",
                    "version": now,
                    "toml": old,
                }));
                return Ok((StatusCode::PRECONDITION_FAILED, body).into_response());
            }
        }
        let text = match &old {
            Some(old) => output::same_form_as(old, &req.toml),
            None => req.toml.clone(),
        };
        output::write_atomic(path.path(), text.as_bytes())?;
        let role = classify(&text).map_or(Role::Spec, |(r, _, _)| r);
        let diagnostics = findings(&st, &text, &req.name, role);
        let tag = version(&text);
        let body = Json(json!({
            "saved": true,
            "version": tag,
            "diagnostics": diagnostics_json(&diagnostics),
        }));
        Ok(([(header::ETAG, format!("\"{tag}\""))], body).into_response())
    })
    .await
}

/// Saves wait for one another (see [`save`]).
static SAVES: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// A file's version: a hash of its text (the ETag the page sends back with its save).
fn version(text: &str) -> String {
    format!("{:032x}", typst::utils::hash128(text))
}

/// `GET /api/download` query.
#[derive(Deserialize)]
pub struct DownloadQuery {
    name: String,
    format: String,
    year: Option<i32>,
    inline: Option<u8>,
    /// `annexes=1`: only the annex forms, each its own file, in one zip (as `--annexes-only`).
    annexes: Option<u8>,
}

/// `GET /api/download`: the saved spec rendered as PDF, DOCX or OFD (for another campaign year
/// with `year`), as an attachment or, with `inline=1`, for the browser to show and print.
pub async fn download(
    State(state): State<Arc<AppState>>,
    Query(q): Query<DownloadQuery>,
) -> Answer {
    let path = toml_path(&state, &q.name, false)?;
    let format = Format::from_extension(&q.format).ok_or_else(|| {
        let names: Vec<_> = Format::all().map(Format::extension).collect();
        let why = format!("未知的格式“{}”：可选 {}", q.format, names.join("、"));
        ApiError::new(StatusCode::BAD_REQUEST, why).then(RELOAD)
    })?;
    if let Some(y) = q.year.filter(|y| !YEARS.contains(y)) {
        return Err(bad_year(y));
    }
    let st = state.clone();
    let year = q.year;
    let stem = app::render::output_stem(Path::new(&q.name), q.year);
    let forms = q.annexes == Some(1);
    let inner = stem.rsplit('/').next().unwrap_or(&stem).to_owned();
    let bytes = layout_work(&state, "", move || {
        let (doc, _) = st.engine.load(path.path(), year)?;
        if forms {
            return Ok(annex_forms_zip(&st.engine, &doc, format, &inner)?);
        }
        let rendered = st.engine.render(&doc, format, Default::default())?;
        Ok(rendered
            .into_files()
            .into_iter()
            .next()
            .map(|(_, b)| b)
            .unwrap_or_default())
    })
    .await?;
    let file = if forms {
        format!("{stem}-附件表格-{}.zip", format.extension())
    } else {
        format!("{stem}.{}", format.extension())
    };
    let media = if forms {
        "application/zip"
    } else {
        format.row().media_type
    };
    let disposition = format!(
        "{}; filename=\"gongwen.{}\"; filename*=UTF-8''{}",
        if q.inline == Some(1) {
            "inline"
        } else {
            "attachment"
        },
        format.extension(),
        percent_encode(&file)
    );
    Ok((
        [
            (header::CONTENT_TYPE, media.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    )
        .into_response())
}

/// The annex forms of `doc`, each rendered as `format` and named `{stem}-annexN.ext`, zipped.
fn annex_forms_zip(
    engine: &crate::Engine,
    doc: &crate::model::Document,
    format: Format,
    stem: &str,
) -> crate::Result<Vec<u8>> {
    let forms = crate::compose::annex_forms(doc);
    if forms.is_empty() {
        return Err(crate::Error::Import("这份公文没有附件表格".to_owned()));
    }
    let mut parts = Vec::new();
    for (n, form) in forms {
        let rendered = engine.render(&form, format, Default::default())?;
        for (ext, bytes) in rendered.into_files() {
            parts.push((format!("{stem}-annex{n}.{ext}"), bytes));
        }
    }
    crate::package::zip(&parts, |_| true)
        .map_err(|e| crate::Error::Import(format!("无法打包附件表格：{e}")))
}

/// RFC 5987 encoding of a file name (Chinese names survive every browser).
fn percent_encode(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `POST /api/import` query: the uploaded file's name, or a received file already in the
/// workspace; `force=1` replaces an existing spec (kept as a backup).
#[derive(Deserialize)]
pub struct ImportQuery {
    name: Option<String>,
    from: Option<String>,
    force: Option<u8>,
}

/// Folder of the workspace where uploaded received files are kept.
const RECEIVED_DIR: &str = "received";

/// `POST /api/import`: a received PDF, DOCX, OFD or text → a spec beside it, with the report
/// of what was recognised.
pub async fn import(
    State(state): State<Arc<AppState>>,
    Query(q): Query<ImportQuery>,
    body: Bytes,
) -> Answer {
    let force = q.force == Some(1);
    let (source, bytes) = match (&q.from, &q.name) {
        (Some(from), _) => {
            let path = state.workspace.open_name(from, false)?;
            let bytes = std::fs::read(path.reading()).map_err(|source| Error::Io {
                path: PathBuf::from(from),
                source,
            })?;
            (path, bytes)
        }
        (None, Some(name)) => {
            let base = Path::new(name)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if base.is_empty() {
                return Err(
                    ApiError::new(StatusCode::BAD_REQUEST, "上传的文件没有文件名").then(RENAME),
                );
            }
            let path = state
                .workspace
                .open_name(&format!("{RECEIVED_DIR}/{base}"), true)?;
            (path, body.to_vec())
        }
        (None, None) => {
            return Err(ApiError::new(
                StatusCode::BAD_REQUEST,
                "须给出上传文件名（name）或工作目录中的来文（from）",
            )
            .then(RELOAD))
        }
    };
    if bytes.is_empty() {
        return Err(ApiError::new(StatusCode::BAD_REQUEST, "上传的文件是空的")
            .then("请确认选对了文件，并且它在别的程序中能打开。"));
    }
    let spec = source.sibling("toml");
    let spec_name = state.workspace.name_of(spec.named());
    state.workspace.open_name(&spec_name, false)?;
    let uploaded = q.from.is_none();
    let worker = state.import_worker.clone();
    blocking(move || {
        let shown = Path::new(source.named().file_name().unwrap_or_default());
        let report = match &worker {
            Some(w) => app::import::import_isolated(w, shown, &bytes, spec.path(), force),
            None => app::import::import_bytes(source.path(), &bytes, spec.path(), force)
                .map(|i| i.report.to_string()),
        }
        .map_err(|e| match e {
            Error::Exists(_) => Error::Exists(PathBuf::from(&spec_name)),
            e => e,
        })?;
        // Keep the received file itself beside its spec (an older one of that name as a backup).
        if uploaded && std::fs::read(source.reading()).ok().as_deref() != Some(&bytes[..]) {
            if source.path().exists() {
                output::backup(source.path())?;
            }
            output::write_atomic(source.path(), &bytes)?;
        }
        Ok(Json(json!({ "name": spec_name, "report": report })).into_response())
    })
    .await
}

/// `POST /api/derive` body.
#[derive(Deserialize)]
pub struct DeriveRequest {
    upstream: String,
    office: String,
    #[serde(rename = "as")]
    as_: String,
    #[serde(default)]
    force: bool,
}

/// Folder of the workspace the drafts are written to.
const DRAFTS_DIR: &str = "drafts";

/// `POST /api/derive`: this office's draft from the upstream notice, written to `drafts/`.
pub async fn derive(State(state): State<Arc<AppState>>, Json(req): Json<DeriveRequest>) -> Answer {
    let upstream = toml_path(&state, &req.upstream, false)?;
    let office = toml_path(&state, &req.office, false)?;
    let as_ = DeriveAs::ALL
        .into_iter()
        .find(|a| a.name() == req.as_)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::BAD_REQUEST,
                format!("未知的派生类型“{}”", req.as_),
            )
            .then(RELOAD)
        })?;
    let out = state.workspace.open_folder(DRAFTS_DIR)?;
    let st = state.clone();
    blocking(move || {
        let mut shared = app::derive::Shared::load(upstream.path(), None)?;
        shared.upstream.path = PathBuf::from(&req.upstream);
        let mut profile = derive::load_office(office.path())?;
        profile.path = PathBuf::from(&req.office);
        let job = app::derive::Job {
            upstream: upstream.path().to_owned(),
            offices: Vec::new(),
            as_,
            out: out.path().to_owned(),
            force: req.force,
            diff: None,
            holidays: None,
            render: false,
            format: crate::Formats::NONE,
            jobs: None,
        };
        // A draft's name as the page knows it (the folder is used through its handle).
        let draft_name = |p: &Path| {
            let file = p.file_name().unwrap_or_default().to_string_lossy();
            format!("{DRAFTS_DIR}/{file}")
        };
        let derived =
            app::derive::derive_for(&st.engine, &shared, &job, &profile).map_err(|e| match e {
                Error::Exists(p) => Error::Exists(PathBuf::from(draft_name(&p))),
                e => e,
            })?;
        // The handles stay open until the draft is written.
        drop((upstream, office, out));
        let name = draft_name(&derived.draft);
        let mut lines = derived.lines;
        lines[0] = format!("{} → {name}", req.office);
        Ok(Json(json!({ "name": name, "lines": lines })).into_response())
    })
    .await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_names_are_percent_encoded_for_every_browser() {
        assert_eq!(percent_encode("通知 1.pdf"), "%E9%80%9A%E7%9F%A5%201.pdf");
    }
}
