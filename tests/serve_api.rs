//! The web app's HTTP API, against a real `gongwen serve` process: create, edit (form and
//! TOML), check, preview, save, download, import, derive — and the refusals that keep a local
//! server local.

mod common;
#[path = "common/server.rs"]
mod server;

use serde_json::{json, Value};
use server::{q, Server};
use std::path::Path;

fn workspace() -> (tempfile::TempDir, Server) {
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(dir.path());
    (dir, server)
}

/// Creates a notice from the template and returns its TOML.
fn new_notice(s: &Server, name: &str) -> String {
    let r = s.post("/api/new", &json!({"kind": "notice", "name": name}));
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    let f = s.get(&format!("/api/file?name={}", q(&format!("{name}.toml"))));
    assert_eq!(f.status, 200);
    f.json()["toml"].as_str().unwrap().to_owned()
}

/// Writes `bad.toml`, a notice whose title ends in a full stop, and asks for its PDF.
fn download_with_an_error(dir: &tempfile::TempDir, s: &Server) -> server::Reply {
    std::fs::write(
        dir.path().join("bad.toml"),
        "kind = \"notice\"\ntitle = \"关于X的通知。\"\n",
    )
    .unwrap();
    s.get("/api/download?name=bad.toml&format=pdf")
}

fn pdf_text(pdf: &[u8]) -> Option<String> {
    let pdftotext = common::tool("pdftotext")?;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = std::process::Command::new(pdftotext)
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).replace([' ', '\n'], ""))
}

#[test]
fn a_notice_is_created_edited_in_the_form_previewed_saved_and_downloaded() {
    let (dir, s) = workspace();
    let toml = new_notice(&s, "某区通知");
    let listed = s.get("/api/workspace").json();
    let files = listed["files"].as_array().unwrap();
    assert_eq!(files.len(), 1);
    assert_eq!(files[0]["name"], "某区通知.toml");
    assert_eq!(files[0]["role"], "spec");
    assert_eq!(files[0]["kind"], "notice");
    assert!(listed["kinds"].as_array().unwrap().len() >= 14);

    // The form edits the title; the TOML keeps its comments.
    let mut data = s.post("/api/sync", &json!({"toml": toml})).json()["data"].clone();
    data["title"] = json!("关于开展{year}年网络安全宣传周活动的通知");
    let synced = s
        .post("/api/sync", &json!({"base": toml, "data": data}))
        .json();
    let edited = synced["toml"].as_str().unwrap().to_owned();
    assert!(edited.contains("title = \"关于开展{year}年网络安全宣传周活动的通知\""));
    assert!(
        edited.contains("# 标题：（机关）关于……的通知，末尾不加标点"),
        "{edited}"
    );
    assert_eq!(edited.lines().count(), toml.lines().count());

    let preview = s
        .post(
            "/api/preview",
            &json!({"name": "某区通知.toml", "toml": edited}),
        )
        .json();
    let pages = preview["pages"].as_array().unwrap();
    assert!(!pages.is_empty(), "{preview}");
    let svg = pages[0]["svg"].as_str().unwrap();
    assert!(
        svg.starts_with("<svg") && svg.contains("viewBox=\"0 0 595.2"),
        "{}",
        &svg[..200]
    );
    assert!(preview["ms"].as_u64().unwrap() < 10_000);

    let saved = s
        .post(
            "/api/save",
            &json!({"name": "某区通知.toml", "toml": edited}),
        )
        .json();
    assert_eq!(saved["saved"], true);
    let on_disk = std::fs::read_to_string(dir.path().join("某区通知.toml")).unwrap();
    assert_eq!(on_disk, edited);
    // The CLI keeps working on the file the app saved.
    let check = common::gongwen(&["check", "某区通知.toml"], dir.path());
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );

    let pdf = s.get(&format!(
        "/api/download?name={}&format=pdf",
        q("某区通知.toml")
    ));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert!(pdf.body.starts_with(b"%PDF"));
    let disposition = pdf.header("content-disposition").unwrap();
    assert!(disposition.starts_with("attachment;") && disposition.contains("UTF-8''%E6%9F%90"));
    if let Some(text) = pdf_text(&pdf.body) {
        assert!(text.contains("网络安全宣传周"), "{text}");
    }
    for format in ["docx", "ofd"] {
        let r = s.get(&format!(
            "/api/download?name={}&format={format}",
            q("某区通知.toml")
        ));
        assert_eq!(r.status, 200, "{format}");
        assert!(
            r.body.starts_with(b"PK\x03\x04"),
            "{format} is a zip package"
        );
    }
    // Regenerated for another year: the name and the dates move.
    let next = s.get(&format!(
        "/api/download?name={}&format=pdf&year=2031&inline=1",
        q("某区通知.toml")
    ));
    assert_eq!(next.status, 200);
    let disposition = next.header("content-disposition").unwrap();
    assert!(
        disposition.starts_with("inline;") && disposition.contains("-2031.pdf"),
        "{disposition}"
    );
    if let Some(text) = pdf_text(&next.body) {
        assert!(text.contains("2031年网络安全宣传周"), "{text}");
    }
}

#[test]
fn check_findings_come_with_the_field_they_concern() {
    let (_dir, s) = workspace();
    let toml = new_notice(&s, "n");
    let bad = toml.replace("的通知\"", "的通知。\"");
    let r = s
        .post("/api/preview", &json!({"name": "n.toml", "toml": bad}))
        .json();
    assert_eq!(r["pages"].as_array().unwrap().len(), 0);
    let d = r["diagnostics"].as_array().unwrap();
    let title = d
        .iter()
        .find(|d| d["field"] == "title")
        .expect("finding at title");
    assert_eq!(title["severity"], "error");
    assert!(title["message"].as_str().unwrap().contains("末尾不加标点"));
    assert_eq!(title["line"], 6);

    // A syntax error: no form data, the finding located by line and column.
    let broken = toml.replace("closing = \"特此通知。\"", "closing = \"特此通知。");
    let r = s.post("/api/sync", &json!({"toml": broken})).json();
    assert!(r["data"].is_null());
    let d = &r["diagnostics"][0];
    assert!(d["line"].as_u64().unwrap() > 1, "{r}");
    let r = s
        .post("/api/preview", &json!({"name": "n.toml", "toml": broken}))
        .json();
    assert_eq!(r["pages"].as_array().unwrap().len(), 0);
    assert!(!r["diagnostics"].as_array().unwrap().is_empty());
}

#[test]
fn a_plan_is_derived_from_an_upstream_notice_with_an_office_profile() {
    let (dir, s) = workspace();
    server::add_upstream_and_office(dir.path());
    let request =
        json!({"upstream": "上级通知.toml", "office": "offices/hubei.toml", "as": "plan"});
    let r = s.post("/api/derive", &request);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let derived = r.json();
    let name = derived["name"].as_str().unwrap().to_owned();
    assert!(
        name.starts_with("drafts/") && name.ends_with(".toml"),
        "{name}"
    );
    let lines: Vec<&str> = derived["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap())
        .collect();
    assert_eq!(lines[0], format!("offices/hubei.toml → {name}"));
    let draft = std::fs::read_to_string(dir.path().join(&name)).unwrap();
    assert!(
        draft.contains("upstream_file = \"上级通知.toml\""),
        "{draft}"
    );
    assert!(
        !draft.contains(dir.path().to_str().unwrap()),
        "absolute paths in the draft"
    );
    let preview = s
        .post("/api/preview", &json!({"name": name, "toml": draft}))
        .json();
    assert!(
        !preview["pages"].as_array().unwrap().is_empty(),
        "{}",
        preview["diagnostics"]
    );

    // Again: refused, then replaced with the first one kept.
    assert_eq!(s.post("/api/derive", &request).status, 409);
    let mut forced = request.clone();
    forced["force"] = json!(true);
    assert_eq!(s.post("/api/derive", &forced).status, 200);
    assert!(dir.path().join(format!("{name}.bak")).exists());

    let profile = s.get("/api/file?name=offices/hubei.toml").json();
    assert_eq!(profile["role"], "profile");
    assert!(profile["data"]["office"]["name"].is_string());
}

#[test]
fn a_received_pdf_is_imported_as_an_editable_spec() {
    let (dir, s) = workspace();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/flood-2025-notice.toml");
    std::fs::copy(&sample, dir.path().join("flood.toml")).unwrap();
    let pdf = s.get("/api/download?name=flood.toml&format=pdf").body;
    let r = s.upload(&format!("/api/import?name={}", q("防汛通知.pdf")), &pdf);
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    let imported = r.json();
    assert_eq!(imported["name"], "received/防汛通知.toml");
    assert!(imported["report"].as_str().unwrap().contains("PDF"));
    assert_eq!(
        std::fs::read(dir.path().join("received/防汛通知.pdf")).unwrap(),
        pdf
    );
    let original = s.get("/api/file?name=flood.toml").json();
    let spec = s
        .get(&format!("/api/file?name={}", q("received/防汛通知.toml")))
        .json();
    assert_eq!(
        spec["data"]["title"],
        original["data"]["title"]
            .as_str()
            .unwrap()
            .replace("{year}", "2025")
    );
    let again = s.upload(&format!("/api/import?name={}", q("防汛通知.pdf")), &pdf);
    assert_eq!(again.status, 409);
    // Said for the page, which asks whether to overwrite: no command-line flag in it.
    let error = again.json()["error"].as_str().unwrap().to_owned();
    assert_eq!(error, "“received/防汛通知.toml”已存在");
    // The file already in the workspace, imported again with force.
    let again = s.post(
        &format!("/api/import?from={}&force=1", q("received/防汛通知.pdf")),
        &json!(null),
    );
    assert_eq!(
        again.status,
        200,
        "{}",
        String::from_utf8_lossy(&again.body)
    );
    // Not a 公文: refused, nothing written.
    let junk = s.upload("/api/import?name=junk.txt", "今天天气很好。".as_bytes());
    assert_eq!(junk.status, 422);
    assert!(junk.json()["error"].as_str().unwrap().contains("junk.txt"));
    assert!(!dir.path().join("received/junk.toml").exists());
}

#[test]
fn foreign_hosts_origins_and_requests_without_the_app_header_are_refused() {
    let (dir, s) = workspace();
    new_notice(&s, "n");
    let port = s.port;
    let get = |host: &str, extra: &str| {
        s.raw(&format!(
            "GET /api/file?name=n.toml HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n"
        ))
    };
    assert_eq!(get(&format!("127.0.0.1:{port}"), ""), 200);
    assert_eq!(get(&format!("localhost:{port}"), ""), 200);
    // DNS rebinding: a foreign name pointing at 127.0.0.1.
    assert_eq!(get(&format!("evil.example:{port}"), ""), 403);
    assert_eq!(get("127.0.0.1", ""), 403);
    assert_eq!(
        get(
            &format!("127.0.0.1:{port}"),
            "Origin: http://evil.example\r\n"
        ),
        403
    );
    assert_eq!(
        get(
            &format!("127.0.0.1:{port}"),
            "Sec-Fetch-Site: cross-site\r\n"
        ),
        403
    );
    let post = |headers: &str| {
        let body = r#"{"name":"n.toml","toml":"title = \"x\""}"#;
        s.raw(&format!(
            "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ))
    };
    // A cross-site form post carries no app header; a foreign page's fetch has a foreign Origin.
    assert_eq!(post(""), 403);
    assert_eq!(post("X-Gongwen: 1\r\nOrigin: http://evil.example\r\n"), 403);
    assert!(std::fs::read_to_string(dir.path().join("n.toml"))
        .unwrap()
        .contains("kind = \"notice\""));
    assert_eq!(
        post(&format!(
            "X-Gongwen: 1\r\nOrigin: http://127.0.0.1:{port}\r\n"
        )),
        200
    );
}

#[cfg(target_os = "linux")]
#[test]
fn a_folder_swapped_for_a_link_during_saves_never_lets_a_save_land_outside() {
    use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
    let (dir, s) = workspace();
    let outside = tempfile::tempdir().unwrap();
    let sub = dir.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let swaps = std::sync::Arc::new(AtomicUsize::new(0));
    let swapper = {
        let (stop, swaps, sub) = (stop.clone(), swaps.clone(), sub.clone());
        let (real, target) = (dir.path().join(".real"), outside.path().to_owned());
        std::thread::spawn(move || {
            // A save may make `sub` anew while it is away: then that one stays.
            while !stop.load(Ordering::Relaxed) {
                let _ = std::fs::rename(&sub, &real);
                if std::os::unix::fs::symlink(&target, &sub).is_ok() {
                    swaps.fetch_add(1, Ordering::Relaxed);
                    std::thread::yield_now();
                    let _ = std::fs::remove_file(&sub);
                }
                if std::fs::rename(&real, &sub).is_err() {
                    let _ = std::fs::remove_dir_all(&real);
                }
            }
        })
    };
    // At least 400 saves, and on until one has landed while the swapper was swapping (the
    // scheduler decides how the two interleave).
    let mut saved = 0;
    for i in 0..20_000 {
        if i >= 400 && saved > 0 && swaps.load(Ordering::Relaxed) > 0 {
            break;
        }
        let toml = format!("title = \"第{i}次\"");
        let r = s.post("/api/save", &json!({"name": "sub/n.toml", "toml": toml}));
        // Saved, refused (the name was a link when opened), or not found (the swapper removed
        // the folder the save was writing into): never anything else.
        assert!(matches!(r.status, 200 | 403 | 404), "{}", r.status);
        saved += usize::from(r.status == 200);
    }
    stop.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
    let swaps = swaps.load(Ordering::Relaxed);
    let landed: Vec<_> = std::fs::read_dir(outside.path()).unwrap().collect();
    assert!(landed.is_empty(), "saved outside the workspace: {landed:?}");
    assert!(saved > 0 && swaps > 0, "{saved} saves, {swaps} swaps");
}

#[test]
fn a_keystroke_in_one_tab_is_previewed_before_a_burst_of_another_tab_is_done() {
    use std::sync::Mutex;
    let (_dir, s) = workspace();
    let toml = new_notice(&s, "burst");
    let done: Mutex<Vec<String>> = Mutex::new(Vec::new());
    let burst = 4 * 6;
    std::thread::scope(|scope| {
        for i in 0..burst {
            let (s, done, toml) = (&s, &done, toml.clone());
            scope.spawn(move || {
                let text = toml.replacen("title = \"", &format!("title = \"（第{i}稿）"), 1);
                let r = s.post_from_tab(
                    "burst",
                    "/api/preview",
                    &json!({"name": "burst.toml", "toml": text}),
                );
                assert_eq!(r.status, 200);
                done.lock().unwrap().push(format!("burst{i}"));
            });
        }
        // Once the burst is queued, the person typing in another tab sends one keystroke.
        while done.lock().unwrap().is_empty() {
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        let r = s.post_from_tab(
            "typing",
            "/api/preview",
            &json!({"name": "burst.toml", "toml": toml}),
        );
        assert_eq!(r.status, 200);
        assert!(!r.json()["pages"].as_array().unwrap().is_empty());
        done.lock().unwrap().push("typing".into());
    });
    let done = done.into_inner().unwrap();
    let at = done.iter().position(|d| d == "typing").unwrap();
    // It waits for the layouts running or given out when it arrives, and for the burst's turn
    // before its own (about a slot per core, and more on a loaded machine), never for the
    // burst's queue: first come first served, it was answered last (24th of 25).
    assert!(
        at <= burst / 2,
        "the keystroke was answered {at}th of {}: {done:?}",
        done.len()
    );
}

#[test]
fn half_open_connections_are_closed_after_the_header_time_limit_and_the_app_answers_meanwhile() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start_with_env(
        dir.path(),
        &[],
        &[("GONGWEN_TEST_HEADER_TIMEOUT_MS", "1500")],
    );
    let started = std::time::Instant::now();
    let mut held: Vec<std::net::TcpStream> = (0..40)
        .map(|i| {
            let mut c = std::net::TcpStream::connect(("127.0.0.1", s.port)).unwrap();
            // Half of them send half a request, the others nothing at all.
            if i % 2 == 0 {
                c.write_all(b"GET /api/workspace HTTP/1.1\r\nHost: 127.0.0.1\r\n")
                    .unwrap();
            }
            c
        })
        .collect();
    assert_eq!(s.get("/api/workspace").status, 200);
    for c in held.iter_mut() {
        c.set_read_timeout(Some(std::time::Duration::from_secs(20)))
            .unwrap();
        let mut buf = [0u8; 64];
        // Closed by the server: end of stream (or a reset), not the client's own time limit.
        match c.read(&mut buf) {
            Ok(n) => assert!(n == 0 || buf.starts_with(b"HTTP/1.1 408"), "{n} bytes"),
            Err(e) => assert_ne!(e.kind(), std::io::ErrorKind::WouldBlock, "{e}"),
        }
    }
    let waited = started.elapsed().as_secs_f64();
    assert!((1.4..10.0).contains(&waited), "closed after {waited:.1} s");
    // On a new connection: the client's kept-alive one was idle past the limit and closed too.
    let fresh = format!(
        "GET /api/workspace HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nConnection: close\r\n\r\n",
        s.port
    );
    assert_eq!(s.raw(&fresh), 200);
}

#[cfg(target_os = "linux")]
#[test]
fn a_server_killed_mid_save_leaves_the_old_file_and_no_temporary_file_once_started_again() {
    use std::io::{Read, Write};
    let dir = tempfile::tempdir().unwrap();
    let old = "title = \"关于旧事的通知\"\n";
    std::fs::write(dir.path().join("n.toml"), old).unwrap();
    let pause = [("GONGWEN_TEST_PAUSE_BEFORE_RENAME_MS", "5000")];
    let s = Server::start_with_env(dir.path(), &[], &pause);
    let port = s.port;
    let body = json!({"name": "n.toml", "toml": "title = \"关于新事的通知\"\n"}).to_string();
    let saver = std::thread::spawn(move || {
        let mut c = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
        let request = format!(
            "POST /api/save HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Gongwen: 1\r\nOrigin: http://127.0.0.1:{port}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        );
        let _ = c.write_all(request.as_bytes());
        let _ = c.read_to_end(&mut Vec::new());
    });
    let temporaries = || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| {
                let n = e.file_name().to_string_lossy().into_owned();
                n.starts_with('.') && n.ends_with(".tmp")
            })
            .count()
    };
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while temporaries() == 0 {
        assert!(
            std::time::Instant::now() < deadline,
            "the save was never staged"
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    // SIGKILL while the save is staged, before it is put in place.
    drop(s);
    saver.join().unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("n.toml")).unwrap(),
        old
    );
    assert_eq!(temporaries(), 1, "the killed save left its staged file");
    // Started again, the server removes it; the file is the old one, whole.
    let s = Server::start(dir.path());
    assert_eq!(temporaries(), 0);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("n.toml")).unwrap(),
        old
    );
    assert_eq!(s.get("/api/file?name=n.toml").status, 200);
}

#[test]
fn names_outside_the_workspace_and_oversized_bodies_are_refused() {
    let (dir, s) = workspace();
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("secret.toml"), "title = \"机密\"").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path(), dir.path().join("link")).unwrap();
    for name in [
        "../secret.toml",
        "/etc/passwd",
        "link/secret.toml",
        ".hidden.toml",
        "a/../../x.toml",
    ] {
        let r = s.get(&format!("/api/file?name={}", q(name)));
        assert_eq!(
            r.status,
            403,
            "{name}: {}",
            String::from_utf8_lossy(&r.body)
        );
        assert!(r.json()["error"].as_str().unwrap().contains("不可用"));
        let w = s.post("/api/save", &json!({"name": name, "toml": "title = \"x\""}));
        assert_eq!(w.status, 403, "{name}");
    }
    assert_eq!(
        std::fs::read_to_string(outside.path().join("secret.toml")).unwrap(),
        "title = \"机密\""
    );
    // Only TOML files are specs.
    assert_eq!(
        s.post("/api/save", &json!({"name": "x.sh", "toml": "x"}))
            .status,
        400
    );
    // A spec larger than 4 MiB, an upload larger than 32 MiB: refused from the announced
    // length, before the body is read (the client may still be sending it).
    let port = s.port;
    let oversized = |path: &str, length: usize| {
        s.raw(&format!(
            "POST {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Gongwen: 1\r\nContent-Type: application/json\r\nContent-Length: {length}\r\nConnection: close\r\n\r\n"
        ))
    };
    assert_eq!(oversized("/api/save", (4 << 20) + 1), 413);
    assert_eq!(oversized("/api/import?name=huge.txt", (32 << 20) + 1), 413);
    assert!(!dir.path().join("received").exists());
    // Just under the limits, the same requests are read (and answered on their merits).
    let big = "#".repeat(3 << 20);
    assert_eq!(
        s.post("/api/save", &json!({"name": "big.toml", "toml": big}))
            .status,
        200
    );
}

#[test]
fn bad_requests_get_a_chinese_message_and_change_nothing() {
    let (dir, s) = workspace();
    let r = s.post("/api/new", &json!({"kind": "memo", "name": "x"}));
    assert_eq!(r.status, 400);
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("未知的文种“memo”"));
    new_notice(&s, "x");
    let again = s.post("/api/new", &json!({"kind": "notice", "name": "x.toml"}));
    assert_eq!(again.status, 409);
    assert!(again.json()["error"]
        .as_str()
        .unwrap()
        .contains("“x.toml”已存在"));
    let missing = s.get("/api/download?name=missing.toml&format=pdf");
    assert_eq!(missing.status, 404);
    // Named as the page names it, never by the server's absolute path.
    let error = missing.json()["error"].as_str().unwrap().to_owned();
    assert!(error.starts_with("missing.toml："), "{error}");
    let root = dir.path().canonicalize().unwrap();
    assert!(!error.contains(root.to_str().unwrap()), "{error}");
    assert_eq!(s.get("/api/file?name=missing.toml").status, 404);
    let r = s.get("/api/download?name=x.toml&format=xps");
    assert_eq!(r.status, 400);
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("未知的格式“xps”"));
    assert_eq!(
        s.get("/api/download?name=x.toml&format=pdf&year=1800")
            .status,
        400
    );
    // A spec with an error cannot be downloaded: the finding says why.
    let r = download_with_an_error(&dir, &s);
    assert_eq!(r.status, 422);
    let body: Value = r.json();
    assert!(body["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["field"] == "title"));
    let r = s.post(
        "/api/sync",
        &json!({"base": "", "data": {"signature": {"date": {"$date": "明天"}}}}),
    );
    assert_eq!(r.status, 422);
    assert!(r.json()["error"]
        .as_str()
        .unwrap()
        .contains("日期“明天”格式不对"));
}

#[test]
fn the_page_and_its_assets_are_served_with_a_content_security_policy() {
    let (_dir, s) = workspace();
    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert!(String::from_utf8_lossy(&page.body).contains("/assets/app.js"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"));
    for asset in ["/assets/app.js", "/assets/app.css"] {
        let r = s.get(asset);
        assert_eq!(r.status, 200, "{asset}");
        assert!(r.body.len() > 1000, "{asset}");
    }
    // The page's Chinese needs no system font: the bundled faces are served.
    for font in ["/assets/hei.otf", "/assets/gbk.otf"] {
        let r = s.get(font);
        assert_eq!(r.header("content-type"), Some("font/otf"), "{font}");
        assert!(
            r.body.starts_with(b"OTTO") && r.body.len() > 1 << 20,
            "{font}"
        );
    }
}

#[test]
fn the_preview_follows_the_year_and_the_annex_forms_download_alone() {
    let (dir, s) = workspace();
    let source = std::fs::read_to_string(common::sample("shanghai-2025-notice.toml")).unwrap();
    std::fs::write(dir.path().join("sh.toml"), &source).unwrap();
    let preview = |year: Option<i32>| {
        let mut body = json!({"name": "sh.toml", "toml": source});
        if let Some(y) = year {
            body["year"] = json!(y);
        }
        s.post("/api/preview", &body)
    };
    let now = preview(None);
    let next = preview(Some(2027));
    assert_eq!((now.status, next.status), (200, 200));
    let first_page = |r: &server::Reply| r.json()["pages"][0]["svg"].as_str().unwrap().to_owned();
    assert_ne!(
        first_page(&now),
        first_page(&next),
        "the 2027 preview is the 2027 edition"
    );
    // A year of two digits is refused with a message, not silently ignored.
    let bad = preview(Some(27));
    assert_eq!(bad.status, 400);
    assert!(
        bad.json()["error"].as_str().unwrap().contains("四位数"),
        "{:?}",
        bad.json()
    );
    let bad = s.get("/api/download?name=sh.toml&format=pdf&year=27");
    assert_eq!(bad.status, 400);
    // The annex forms alone, for a year: one DOCX each, in a zip.
    let forms = s.get("/api/download?name=sh.toml&format=docx&year=2027&annexes=1");
    assert_eq!(
        forms.status,
        200,
        "{}",
        String::from_utf8_lossy(&forms.body)
    );
    assert_eq!(forms.header("content-type"), Some("application/zip"));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(forms.body)).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().to_owned())
        .collect();
    assert_eq!(
        names,
        ["sh-2027-annex1.docx", "sh-2027-annex2.docx"],
        "{names:?}"
    );
}

#[test]
fn two_tabs_saving_one_file_never_lose_an_edit_silently() {
    let (dir, s) = workspace();
    new_notice(&s, "n");
    let open = s.get("/api/file?name=n.toml");
    let version = open.json()["version"].as_str().unwrap().to_owned();
    assert_eq!(open.header("etag"), Some(format!("\"{version}\"").as_str()));
    let original = open.json()["toml"].as_str().unwrap().to_owned();
    // Tab A saves its edit from that version.
    let a = original.replacen("title = ", "title = \"甲\" # ", 1);
    let saved = s.post(
        "/api/save",
        &json!({"name": "n.toml", "toml": a, "version": version}),
    );
    assert_eq!(
        saved.status,
        200,
        "{}",
        String::from_utf8_lossy(&saved.body)
    );
    let after_a = saved.json()["version"].as_str().unwrap().to_owned();
    assert_ne!(after_a, version);
    // Tab B, still on the old version, is refused and told what the file holds now.
    let b = original.replacen("title = ", "title = \"乙\" # ", 1);
    let stale = s.post(
        "/api/save",
        &json!({"name": "n.toml", "toml": b, "version": version}),
    );
    assert_eq!(stale.status, 412);
    let body = stale.json();
    assert!(body["error"].as_str().unwrap().contains("别处"), "{body}");
    assert_eq!(body["version"], after_a);
    assert!(body["toml"].as_str().unwrap().contains("\"甲\""));
    let on_disk = std::fs::read_to_string(dir.path().join("n.toml")).unwrap();
    assert!(
        on_disk.contains("\"甲\"") && !on_disk.contains("\"乙\""),
        "{on_disk}"
    );
    // B chooses to overwrite: with the version it was shown, the save goes through.
    let forced = s.post(
        "/api/save",
        &json!({"name": "n.toml", "toml": b, "version": after_a}),
    );
    assert_eq!(forced.status, 200);
    let on_disk = std::fs::read_to_string(dir.path().join("n.toml")).unwrap();
    assert!(on_disk.contains("\"乙\""), "{on_disk}");
}

#[test]
fn names_that_would_lie_in_the_list_or_overflow_are_refused_in_chinese() {
    let (dir, s) = workspace();
    let long = format!("{}.toml", "长".repeat(100));
    for name in [
        "a\nb.toml",
        "tab\there.toml",
        "x\u{202E}lmot.exe.toml",
        long.as_str(),
    ] {
        let r = s.post(
            "/api/save",
            &json!({"name": name, "toml": "kind = \"notice\"\n"}),
        );
        assert_eq!(
            r.status,
            403,
            "{name:?}: {}",
            String::from_utf8_lossy(&r.body)
        );
        let error = r.json()["error"].as_str().unwrap().to_owned();
        assert!(error.contains("不可用"), "{error}");
        assert!(
            error.chars().count() < 120,
            "the name is shown cut short: {error}"
        );
        assert!(
            !error.contains(&dir.path().display().to_string()),
            "{error}"
        );
    }
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "nothing was written"
    );
}

/// A pasted notice of 8 MB: 300 paragraphs of 9,000 characters (its import needs about 70 MB).
fn large_text() -> Vec<u8> {
    let words: Vec<char> = "关于做好防汛工作的通知各单位要认真落实责任加强值班值守确保安全度汛"
        .chars()
        .collect();
    let mut text = String::from("关于做好防汛工作的通知\n各单位：\n");
    for i in 0..300 {
        text.push_str("\u{3000}\u{3000}");
        text.extend((0..9000).map(|k| words[(i * 7 + k * 13) % words.len()]));
        text.push_str("。\n");
    }
    text.push_str("某某局\n2025年5月1日\n");
    text.into_bytes()
}

#[test]
fn an_import_that_passes_its_memory_limit_stops_itself_and_the_app_goes_on() {
    // Each import runs in a process of its own with its own limit: here 30 MB, which the
    // large text passes; the app answers with the file's name and keeps serving.
    let dir = tempfile::tempdir().unwrap();
    let s = Server::start_with(dir.path(), &["--import-memory-limit", "30"]);
    let r = s.upload(
        &format!("/api/import?name={}", q("汛期通知.txt")),
        &large_text(),
    );
    assert_eq!(r.status, 422, "{}", String::from_utf8_lossy(&r.body));
    let error = r.json()["error"].as_str().unwrap().to_owned();
    assert!(error.contains("汛期通知.txt"), "{error}");
    assert!(error.contains("导入时内存用量超过上限 30 MB"), "{error}");
    assert!(
        !error.contains(&dir.path().display().to_string()),
        "{error}"
    );
    assert!(!dir.path().join("received/汛期通知.toml").exists());
    // The app is still there: the workspace answers and a small import goes through.
    assert_eq!(s.get("/api/workspace").status, 200);
    let small = "关于做好防汛工作的通知\n各单位：\n\u{3000}\u{3000}请认真落实防汛责任。\n某某局\n2025年5月1日\n";
    let ok = s.upload(
        &format!("/api/import?name={}", q("小通知.txt")),
        small.as_bytes(),
    );
    assert_eq!(ok.status, 200, "{}", String::from_utf8_lossy(&ok.body));
    // Without the lower limit the same file imports (the limit, not the file, stopped it).
    let dir2 = tempfile::tempdir().unwrap();
    let s2 = Server::start(dir2.path());
    let r2 = s2.upload(
        &format!("/api/import?name={}", q("汛期通知.txt")),
        &large_text(),
    );
    assert_eq!(r2.status, 200, "{}", String::from_utf8_lossy(&r2.body));
}

#[test]
fn errors_the_framework_raises_are_answered_in_chinese_json_like_the_app_s_own() {
    let (_dir, s) = workspace();
    let host = format!("127.0.0.1:{}", s.port);
    let head = |method: &str, path: &str, extra: &str| {
        format!(
            "{method} {path} HTTP/1.1\r\nHost: {host}\r\nX-Gongwen: 1\r\n{extra}Connection: close\r\n\r\n"
        )
    };
    let chinese = |status: u16, body: &str, want: &str| {
        let v: serde_json::Value =
            serde_json::from_str(body).unwrap_or_else(|_| panic!("{status}: not JSON: {body}"));
        let error = v["error"].as_str().unwrap_or_default();
        assert!(error.contains(want), "{status}: {error}");
        assert!(!error.is_ascii(), "{status}: {error}");
    };
    // A chunked upload has no length to refuse up front: it is stopped at 32 MiB.
    let mut chunked = Vec::new();
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..34 {
        chunked.extend(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend(&chunk);
        chunked.extend(b"\r\n");
    }
    chunked.extend(b"0\r\n\r\n");
    let upload = head(
        "POST",
        "/api/import?name=x.txt",
        "Transfer-Encoding: chunked\r\n",
    );
    let (status, body) = s.raw_answer(&upload, &chunked);
    assert_eq!(status, 413);
    chinese(status, &body, "请求太大");
    // A body that is not the JSON asked for, a missing query field, an unknown path.
    let bad = br#"{"toml": 5}"#;
    let json = format!(
        "Content-Type: application/json\r\nContent-Length: {}\r\n",
        bad.len()
    );
    let (status, body) = s.raw_answer(&head("POST", "/api/sync", &json), bad);
    assert_eq!(status, 422);
    chinese(status, &body, "字段");
    let (status, body) = s.raw_answer(&head("GET", "/api/file?nam=x", ""), b"");
    assert_eq!(status, 400);
    chinese(status, &body, "参数");
    let (status, body) = s.raw_answer(&head("GET", "/api/nothing", ""), b"");
    assert_eq!(status, 404);
    chinese(status, &body, "没有");
}

#[test]
fn every_refused_or_failed_request_says_in_chinese_what_to_do_next() {
    let (dir, s) = workspace();
    let next = |r: &server::Reply| -> String {
        let v = r.json();
        let next = v["next"].as_str().unwrap_or_default().to_owned();
        assert!(
            next.ends_with('。') && !next.is_ascii(),
            "{}: no next step in Chinese: {v}",
            r.status
        );
        next
    };
    // A save that the system refuses: the name is a folder now (rename onto a folder fails
    // even for root, so the test holds as any user).
    new_notice(&s, "x");
    let toml = std::fs::read_to_string(dir.path().join("x.toml")).unwrap();
    std::fs::remove_file(dir.path().join("x.toml")).unwrap();
    std::fs::create_dir(dir.path().join("x.toml")).unwrap();
    std::fs::write(dir.path().join("x.toml/inside"), "").unwrap();
    let r = s.post("/api/save", &json!({"name": "x.toml", "toml": toml}));
    assert!(r.status >= 400, "{}", r.status);
    assert!(r.json()["error"].as_str().unwrap().contains("文件夹"));
    assert!(next(&r).contains("文件"), "{}", next(&r));
    // A spec with errors cannot be made: correct the marked fields.
    let r = download_with_an_error(&dir, &s);
    assert_eq!(r.status, 422);
    assert!(next(&r).contains("字段"));
    // A file gone since the list was read: refresh the list.
    let r = s.get("/api/file?name=gone.toml");
    assert_eq!(r.status, 404);
    assert!(next(&r).contains("刷新"));
    // A name refused for what it says, a year out of range, an empty upload, a body too large.
    let r = s.post("/api/new", &json!({"kind": "notice", "name": "../x"}));
    assert_eq!(r.status, 403);
    assert!(next(&r).contains("文件名"));
    let r = s.get("/api/download?name=bad.toml&format=pdf&year=27");
    assert_eq!(r.status, 400);
    assert!(next(&r).contains("四位数"));
    let r = s.upload("/api/import?name=empty.txt", b"");
    assert_eq!(r.status, 400);
    next(&r);
    let (status, body) = s.raw_answer(
        &format!(
            "POST /api/sync HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nX-Gongwen: 1\r\nContent-Type: application/json\r\nContent-Length: 99999999\r\nConnection: close\r\n\r\n",
            s.port
        ),
        b"",
    );
    assert_eq!(status, 413);
    let v: Value = serde_json::from_str(&body).unwrap();
    assert!(v["next"].as_str().unwrap().contains("另存"), "{v}");
}

/// A draft made by `gongwen derive` (its upstream named beside it: ../上级通知.toml) and opened
/// in the web app is reviewed against that upstream, read inside the workspace: the upstream's
/// deadline left in the draft is found at its field. A draft whose provenance points outside
/// the workspace is not reviewed against that file: the app says it cannot find the upstream.
#[test]
fn the_web_app_reviews_a_derived_draft_against_its_upstream_in_the_workspace() {
    let (dir, s) = workspace();
    server::add_upstream_and_office(dir.path());
    let o = common::gongwen(
        &[
            "derive",
            "上级通知.toml",
            "--office",
            "offices/hubei.toml",
            "--as",
            "notice",
            "-o",
            "drafts",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let name = std::fs::read_dir(dir.path().join("drafts"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.ends_with(".toml"))
        .unwrap();
    let path = dir.path().join("drafts").join(&name);
    let draft = std::fs::read_to_string(&path).unwrap();
    assert!(
        draft.contains("upstream_file = \"../上级通知.toml\""),
        "{draft}"
    );
    // The upstream's addressees copied back into the draft's text: a review finding.
    let upstream: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("上级通知.toml")).unwrap())
            .unwrap();
    let theirs = upstream.recipients.unwrap();
    let spec: gongwen::spec::Spec = toml::from_str(&draft).unwrap();
    let ours = spec.recipients.unwrap();
    std::fs::write(
        &path,
        draft.replacen(
            &format!("recipients = \"{ours}\""),
            &format!("recipients = \"{theirs}\""),
            1,
        ),
    )
    .unwrap();
    let f = s.get(&format!("/api/file?name={}", q(&format!("drafts/{name}"))));
    assert_eq!(f.status, 200);
    let d = f.json()["diagnostics"].clone();
    let messages: Vec<&str> = d
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["message"].as_str().unwrap())
        .collect();
    assert!(
        d.as_array()
            .unwrap()
            .iter()
            .any(|x| x["field"] == "recipients"
                && x["message"]
                    .as_str()
                    .unwrap()
                    .contains("主送机关与上级来文相同")),
        "{messages:?}"
    );
    assert!(
        !messages.iter().any(|m| m.contains("找不到上级来文")),
        "{messages:?}"
    );

    // Pointed outside the workspace: not read.
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.path().join("上级通知.toml"),
        outside.path().join("u.toml"),
    )
    .unwrap();
    let escaped = std::fs::read_to_string(&path).unwrap().replace(
        "\"../上级通知.toml\"",
        &format!(
            "\"../../{}/u.toml\"",
            outside.path().file_name().unwrap().to_string_lossy()
        ),
    );
    std::fs::write(&path, escaped).unwrap();
    let f = s.get(&format!("/api/file?name={}", q(&format!("drafts/{name}"))));
    let d = f.json()["diagnostics"].to_string();
    assert!(d.contains("找不到上级来文"), "{d}");
    assert!(!d.contains("主送机关与上级来文相同"), "{d}");
}
