//! `gongwen serve`: the local web app. One process on 127.0.0.1 keeps one [`Engine`] (fonts,
//! templates) loaded and serves the embedded page ([`assets`]) and its JSON API ([`api`]) over
//! a [`workspace`] folder; [`guard`] keeps foreign pages and hosts out.

pub mod api;
pub mod assets;
pub mod data;
pub mod guard;
pub mod preview;
pub mod queue;
pub mod workspace;

use crate::app::batch::WORKER_STACK;
use crate::error::{Error, Result};
use crate::{Engine, EngineOptions};
use axum::extract::DefaultBodyLimit;
use axum::http::header;
use axum::routing::{get, post};
use axum::Router;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

/// Largest request body (a spec's TOML).
const BODY_LIMIT: usize = 4 << 20;
/// Largest received file to import.
const UPLOAD_LIMIT: usize = 32 << 20;

/// How the server is started.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The workspace folder.
    pub dir: PathBuf,
    /// The port (0: a free one).
    pub port: u16,
    /// Open the page in the default browser once listening.
    pub open: bool,
    /// Runs each import in a process of its own (none: in this process, as a library).
    pub import_worker: Option<crate::import::isolated::Worker>,
}

/// What every request shares.
pub struct AppState {
    /// Fonts, templates and the typst library, loaded once.
    pub engine: Engine,
    /// The folder worked in.
    pub workspace: workspace::Workspace,
    /// SVG pages already made.
    pub previews: preview::Previews,
    /// Where imports run (none: in this process).
    pub import_worker: Option<crate::import::isolated::Worker>,
    /// One slot per core for the work that lays documents out (previews, downloads): a burst
    /// of requests queues instead of running all at once and taking the memory of all their
    /// layouts, and each tab gets its turn.
    pub layouts: Arc<queue::LayoutQueue>,
}

/// Layouts run at once: one per core.
pub fn layout_slots() -> usize {
    std::thread::available_parallelism().map_or(2, |n| n.get())
}

/// The app's routes over `state`, answering only to `origins`.
pub fn router(state: Arc<AppState>, origins: guard::Origins) -> Router {
    let root = Arc::new(format!("{}/", state.workspace.root().display()));
    let mut router = Router::new();
    for asset in &assets::ASSETS {
        let (media_type, body) = (asset.media_type, asset.body);
        router = router.route(
            asset.path,
            get(move || async move { ([(header::CONTENT_TYPE, media_type)], body) }),
        );
    }
    for (path, file) in assets::FONTS {
        let body = crate::fonts::bundled(file).unwrap_or_default();
        router = router.route(
            path,
            get(move || async move { ([(header::CONTENT_TYPE, "font/otf")], body) }),
        );
    }
    router
        .route("/api/workspace", get(api::workspace))
        .route("/api/schema", get(api::schema))
        .route("/api/new", post(api::new))
        .route("/api/file", get(api::file))
        .route("/api/sync", post(api::sync))
        .route("/api/preview", post(api::preview))
        .route("/api/save", post(api::save))
        .route("/api/download", get(api::download))
        .route(
            "/api/import",
            post(api::import).layer(DefaultBodyLimit::max(UPLOAD_LIMIT)),
        )
        .route("/api/derive", post(api::derive))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(axum::middleware::from_fn_with_state(
            root,
            guard::workspace_names,
        ))
        .layer(axum::middleware::from_fn_with_state(
            Arc::new(origins),
            guard::guard,
        ))
        .with_state(state)
}

/// Starts the server on loopback and serves until Ctrl+C; `on_ready` gets the page's URL.
pub fn run(options: &EngineOptions, settings: Settings, on_ready: impl FnOnce(&str)) -> Result<()> {
    let io = |source| Error::Io {
        path: settings.dir.clone(),
        source,
    };
    // Saves of a server killed before they were put in place leave hidden temporary files.
    crate::output::sweep_stale(&settings.dir, workspace::MAX_DEPTH);
    // A server runs for days: what a burst of previews freed goes back to the system.
    crate::budget::use_system_allocator();
    let state = Arc::new(AppState {
        engine: Engine::new(options)?,
        workspace: workspace::Workspace::open(&settings.dir).map_err(io)?,
        previews: preview::Previews::default(),
        import_worker: settings.import_worker.clone(),
        layouts: queue::LayoutQueue::new(layout_slots()),
    });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_stack_size(WORKER_STACK)
        .build()
        .map_err(io)?;
    runtime.block_on(async move {
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, settings.port));
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| Error::Io {
                path: PathBuf::from(format!("127.0.0.1:{}", settings.port)),
                source,
            })?;
        let port = listener.local_addr().map_err(io)?.port();
        let url = format!("http://127.0.0.1:{port}/");
        on_ready(&url);
        if settings.open {
            open_browser(&url);
        }
        let kept = state.clone();
        tokio::spawn(queue::give_back_memory(
            state.layouts.clone(),
            MEMORY_GIVEN_BACK_AFTER,
            move |finished| {
                kept.previews.shrink_to(preview::KEPT_WHEN_IDLE_BYTES);
                // After a burst (more than a person typing makes in a second), the layouts of
                // the other documents are not kept warm; the last one is.
                if finished > BURST_LAYOUTS {
                    kept.engine.evict_caches_but_the_last();
                }
            },
        ));
        let app = router(
            state,
            guard::Origins::loopback(port, BODY_LIMIT, UPLOAD_LIMIT),
        );
        serve_connections(listener, app).await;
        Ok(())
    })
}

/// Layouts finished between two idle moments past which they were a burst, not typing.
const BURST_LAYOUTS: usize = 8;

/// How long the layout queue stays idle after work before the memory it freed is given back.
const MEMORY_GIVEN_BACK_AFTER: std::time::Duration = std::time::Duration::from_secs(1);

/// A request's headers must arrive within this time, and an idle connection is closed after
/// it: a client that opens connections and sends nothing (or half a request) does not hold
/// them for ever.
pub const HEADER_READ_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// [`HEADER_READ_TIMEOUT`], or a shorter one a test sets (`GONGWEN_TEST_HEADER_TIMEOUT_MS`).
fn header_read_timeout() -> std::time::Duration {
    std::env::var("GONGWEN_TEST_HEADER_TIMEOUT_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(HEADER_READ_TIMEOUT, std::time::Duration::from_millis)
}

/// Accepts connections until Ctrl+C, each served by hyper with [`HEADER_READ_TIMEOUT`].
async fn serve_connections(listener: tokio::net::TcpListener, app: axum::Router) {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let mut stop = std::pin::pin!(tokio::signal::ctrl_c());
    let timeout = header_read_timeout();
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                // Out of file handles, a connection reset before it was taken: try again soon.
                Err(_) => {
                    tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                    continue;
                }
            },
            _ = &mut stop => return,
        };
        let service = hyper_util::service::TowerToHyperService::new(app.clone());
        tokio::spawn(async move {
            let mut http = hyper::server::conn::http1::Builder::new();
            http.timer(TokioTimer::new()).header_read_timeout(timeout);
            // A connection that breaks or times out ends; nothing to report.
            let _ = http.serve_connection(TokioIo::new(stream), service).await;
        });
    }
}

/// Opens `url` in the default browser (best effort: the URL is printed anyway).
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "windows") {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else {
        std::process::Command::new("xdg-open")
    };
    let _ = command
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
}
