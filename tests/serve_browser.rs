//! The web app end to end in a real browser (Debian's Chromium, driven by chromedriver over
//! WebDriver): create a notice, type its title and see the preview change, see a check finding
//! appear at its field, save, download the PDF and verify it; derive a plan from an upstream
//! notice. Screenshots of the screens go to `target/serve-screenshots/` (not the repository).

mod common;
#[path = "common/server.rs"]
mod server;

use serde_json::{json, Value};
use server::Server;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The W3C WebDriver key of an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A browser session through chromedriver.
struct Browser {
    driver: Child,
    session: String,
    agent: ureq::Agent,
    shots: PathBuf,
}

impl Browser {
    fn start(chromedriver: &Path, chromium: &Path) -> Self {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let driver = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("chromedriver starts");
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        let base = format!("http://127.0.0.1:{port}");
        let started = Instant::now();
        while agent.get(format!("{base}/status")).call().is_err() {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "chromedriver did not start"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {
                "binary": chromium,
                "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                         "--window-size=1440,900", "--lang=zh-CN"]
            }
        }}});
        let mut r = agent
            .post(format!("{base}/session"))
            .send_json(&caps)
            .unwrap();
        let v: Value = r.body_mut().read_json().unwrap();
        let id = v["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {v}"));
        let shots = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/serve-screenshots");
        std::fs::create_dir_all(&shots).unwrap();
        Self {
            driver,
            session: format!("{base}/session/{id}"),
            agent,
            shots,
        }
    }

    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Value {
        let url = format!("{}{path}", self.session);
        let r = match (method, body) {
            ("GET", _) => self.agent.get(url).call(),
            (_, Some(b)) => self.agent.post(url).send_json(&b),
            _ => self.agent.post(url).send_json(json!({})),
        };
        let v: Value = r.unwrap().body_mut().read_json().unwrap();
        if v["value"].get("error").is_some() {
            panic!("WebDriver {path}: {}", v["value"]);
        }
        v["value"].clone()
    }

    fn go(&self, url: &str) {
        self.call("POST", "/url", Some(json!({ "url": url })));
    }

    fn run(&self, script: &str, args: Value) -> Value {
        self.call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Waits until `script` returns a truthy value; returns it.
    fn wait(&self, what: &str, script: &str) -> Value {
        let started = Instant::now();
        loop {
            let v = self.run(script, json!([]));
            if !(v.is_null() || v == json!(false) || v == json!("") || v == json!(0)) {
                return v;
            }
            if started.elapsed() > Duration::from_secs(60) {
                self.shot("timeout");
                panic!("timed out waiting for {what}");
            }
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    fn find(&self, css: &str) -> String {
        let v = self.call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        );
        v[ELEMENT].as_str().unwrap().to_owned()
    }

    fn click(&self, css: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/click"), None);
    }

    /// Replaces an input's text by typing, as a person would.
    fn type_into(&self, css: &str, text: &str) {
        let id = self.find(css);
        self.call("POST", &format!("/element/{id}/clear"), None);
        self.call(
            "POST",
            &format!("/element/{id}/value"),
            Some(json!({ "text": text })),
        );
    }

    fn select(&self, css: &str, value: &str) {
        let ok = self.run(
            "const s = document.querySelector(arguments[0]);
             if (![...s.options].some(o => o.value === arguments[1])) return false;
             s.value = arguments[1]; s.dispatchEvent(new Event('change', {bubbles: true})); return true;",
            json!([css, value]),
        );
        assert_eq!(ok, json!(true), "{css} has no option {value}");
    }

    fn shot(&self, name: &str) {
        use base64_lite::decode;
        let png = self.call("GET", "/screenshot", None);
        let bytes = decode(png.as_str().unwrap());
        std::fs::write(self.shots.join(format!("{name}.png")), bytes).unwrap();
    }

    /// Waits for a preview newer than `after`; returns its number.
    fn next_preview(&self, after: u64) -> u64 {
        let v = self.wait(
            "a new preview",
            &format!("const n = Number(document.body.dataset.previewSeq || 0); return n > {after} ? n : 0;"),
        );
        v.as_u64().unwrap()
    }

    /// Fetches a URL in the page (the page's own origin and headers) as bytes.
    fn fetch(&self, url: &str) -> Vec<u8> {
        let v = self.call(
            "POST",
            "/execute/async",
            Some(json!({"script": "const done = arguments[arguments.length - 1];
                fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => {
                  const u = new Uint8Array(b); let s = '';
                  for (let i = 0; i < u.length; i += 0x8000) s += String.fromCharCode(...u.subarray(i, i + 0x8000));
                  done(btoa(s));
                }).catch(e => done('ERR ' + e));", "args": [url]})),
        );
        base64_lite::decode(v.as_str().unwrap())
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.agent.delete(&self.session).call();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// Standard base64 decoding (the screenshots and fetched files come as base64).
mod base64_lite {
    pub fn decode(s: &str) -> Vec<u8> {
        assert!(!s.starts_with("ERR"), "{s}");
        let value = |c: u8| match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => panic!("not base64: {c}"),
        };
        let clean: Vec<u8> = s
            .bytes()
            .filter(|&c| c != b'=' && !c.is_ascii_whitespace())
            .collect();
        let mut out = Vec::with_capacity(clean.len() * 3 / 4);
        for chunk in clean.chunks(4) {
            let v: Vec<u32> = chunk.iter().map(|&c| value(c) as u32).collect();
            let n = v
                .iter()
                .enumerate()
                .fold(0u32, |acc, (i, &x)| acc | x << (18 - 6 * i));
            for i in 0..chunk.len() - 1 {
                out.push((n >> (16 - 8 * i)) as u8);
            }
        }
        out
    }
}

fn tools() -> Option<(PathBuf, PathBuf)> {
    let driver = common::tool("chromedriver")?;
    let chromium = common::tool("chromium").or_else(|| common::tool("chromium-browser"))?;
    Some((driver, chromium))
}

fn pdftotext(pdf: &[u8]) -> Option<String> {
    let tool = common::tool("pdftotext")?;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = Command::new(tool)
        .args([path.to_str().unwrap(), "-"])
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).replace([' ', '\n'], ""))
}

#[test]
fn office_staff_write_a_notice_and_derive_a_plan_in_the_browser() {
    let Some((driver, chromium)) = tools() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    server::add_upstream_and_office(dir.path());
    let server = Server::start(dir.path());
    let b = Browser::start(&driver, &chromium);
    b.go(&format!("{}/", server.base));
    b.wait(
        "the file list",
        "return document.querySelectorAll('#file-list [data-name]').length >= 2",
    );
    b.shot("1-start");
    // No control the browser draws in its own language (a file input's 「Choose File」): the
    // import is opened by the page's own button.
    let native = b.run(
        "return [...document.querySelectorAll('input[type=file]')] \
           .filter((e) => e.getBoundingClientRect().width > 1).length",
        json!([]),
    );
    assert_eq!(native, json!(0), "a file input is visible");
    assert_eq!(
        b.run(
            "return document.querySelector('#import-choose').textContent",
            json!([])
        ),
        json!("选择文件…")
    );

    // New notice from the kind list.
    b.select("#new-kind", "notice");
    b.type_into("#new-name", "节水通知");
    b.click("#new-create");
    b.wait(
        "the new notice to open",
        "return document.body.dataset.open === '节水通知.toml'",
    );
    let first = b.next_preview(0);
    let before = b.run(
        "return document.querySelector('#preview .page svg').outerHTML",
        json!([]),
    );

    // Typing the title changes the preview.
    b.type_into(
        "input[data-field='title']",
        "关于开展{year}年节水宣传周活动的通知",
    );
    let second = b.next_preview(first);
    b.wait(
        "the preview to show the new title",
        "const t = document.querySelector('#preview .page svg'); return t && t.outerHTML.length > 1000;",
    );
    let after = b.run(
        "return document.querySelector('#preview .page svg').outerHTML",
        json!([]),
    );
    assert_ne!(before, after, "the preview did not change with the title");
    let toml = b.run(
        "return document.querySelector('#toml-editor').value",
        json!([]),
    );
    assert!(
        toml.as_str().unwrap().contains("节水宣传周"),
        "the TOML tab follows the form"
    );
    b.shot("2-edited");

    // A title ending in punctuation: the finding appears at the title field.
    b.type_into(
        "input[data-field='title']",
        "关于开展{year}年节水宣传周活动的通知。",
    );
    b.next_preview(second);
    let finding = b.wait(
        "a finding at the title",
        "const f = document.querySelector(\".finding[data-field='title']\");
         const i = document.querySelector(\"input[data-field='title']\");
         if (!f || !i) return null;
         const a = f.getBoundingClientRect(), c = i.getBoundingClientRect();
         return {text: f.textContent, dy: a.top - c.bottom, dx: Math.abs(a.left - c.left), visible: a.height > 0};",
    );
    assert!(
        finding["text"].as_str().unwrap().contains("末尾不加标点"),
        "{finding}"
    );
    assert_eq!(finding["visible"], true);
    assert!(
        finding["dy"].as_f64().unwrap().abs() < 60.0,
        "finding not beside its field: {finding}"
    );
    b.shot("3-finding");
    b.type_into(
        "input[data-field='title']",
        "关于开展{year}年节水宣传周活动的通知",
    );
    b.wait(
        "the finding to go",
        "return !document.querySelector(\".finding[data-field='title']\")",
    );

    // Save, then download the PDF and verify it.
    b.click("#save");
    b.wait(
        "the save",
        "return (document.body.dataset.saved || '').startsWith('节水通知.toml:')",
    );
    let saved = std::fs::read_to_string(dir.path().join("节水通知.toml")).unwrap();
    assert!(
        saved.contains("title = \"关于开展{year}年节水宣传周活动的通知\""),
        "{saved}"
    );
    assert!(saved.contains("# 标题"), "comments kept");
    let href = b.run(
        "return document.querySelector('#download-pdf').href",
        json!([]),
    );
    let pdf = b.fetch(href.as_str().unwrap());
    assert!(pdf.starts_with(b"%PDF"), "download is not a PDF");
    if let Some(text) = pdftotext(&pdf) {
        assert!(text.contains("节水宣传周活动的通知"), "{text}");
    }

    // A failed action is said beside it, with what to do next (not only in the status bar).
    let beside = |what: &str, sel: &str, near: &str| {
        let v = b.wait(
            what,
            &format!(
                "const e = document.querySelector('{sel}'), n = document.querySelector('{near}');
                 if (!e || e.hidden) return null;
                 const r = e.getBoundingClientRect(), m = n.getBoundingClientRect();
                 return {{text: e.textContent, top: r.top, bottom: r.bottom, near: m.bottom,
                          inView: r.height > 0 && r.bottom <= window.innerHeight}};"
            ),
        );
        assert_eq!(v["inView"], true, "{what}: {v}");
        let gap = v["top"].as_f64().unwrap() - v["near"].as_f64().unwrap();
        assert!(
            (-5.0..120.0).contains(&gap),
            "{what}: not beside {near}: {v}"
        );
        v["text"].as_str().unwrap().to_owned()
    };
    b.type_into(
        "input[data-field='title']",
        "关于开展{year}年节水宣传周活动的通知。",
    );
    b.click("#download-pdf");
    let said = beside("the failed download", "#output-error", ".preview-head");
    assert!(
        said.contains("无法生成") && said.contains("怎么办") && said.contains("字段"),
        "{said}"
    );
    b.shot("6-download-failed");
    // The system refuses the save (the file is a folder now): the clerk is told the edit is
    // still on the page and what to do.
    let file = dir.path().join("节水通知.toml");
    std::fs::remove_file(&file).unwrap();
    std::fs::create_dir(&file).unwrap();
    b.type_into(
        "input[data-field='title']",
        "关于开展{year}年节水宣传周活动的通知",
    );
    b.click("#save");
    let said = beside("the failed save", "#save-error", ".editor-head");
    assert!(
        said.contains("保存失败") && said.contains("没有丢失") && said.contains("文件夹"),
        "{said}"
    );
    assert!(!said.contains(dir.path().to_str().unwrap()), "{said}");
    b.shot("7-save-failed");
    std::fs::remove_dir(&file).unwrap();
    b.click("#save");
    b.wait(
        "the save to succeed and its failure to go",
        "return document.querySelector('#save-error').hidden && document.querySelector('#dirty').hidden",
    );
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("节水宣传周"));

    // Derive this office's plan from the upstream notice.
    b.select("#derive-upstream", "上级通知.toml");
    b.select("#derive-office", "offices/hubei.toml");
    b.select("#derive-as", "plan");
    b.click("#derive-run");
    let opened = b.wait(
        "the derived draft to open",
        "const o = document.body.dataset.open || ''; return o.startsWith('drafts/') ? o : null;",
    );
    let draft = dir.path().join(opened.as_str().unwrap());
    assert!(draft.exists(), "{draft:?}");
    b.wait(
        "the draft's pages",
        "return Number(document.querySelector('#preview').dataset.pages || 0) > 0",
    );
    b.shot("4-derived");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("活动方案"), "a plan: {text}");

    // At 200 % zoom of a 1024×700 screen the window is 512×350 CSS pixels: 保存 stays in view
    // and 下载 PDF and 打印 can be scrolled to, none cut off at the right edge.
    b.call(
        "POST",
        "/window/rect",
        Some(json!({"width": 512, "height": 350})),
    );
    let inside = |sel: &str| {
        format!(
            "const e = document.querySelector('{sel}'); \
             for (let n = e; n; n = n.parentElement) n.scrollLeft = 0; \
             const r = e.getBoundingClientRect(); \
             return r.width > 0 && r.left >= 0 && r.right <= document.documentElement.clientWidth;"
        )
    };
    for sel in ["#save", "#download-pdf", "#print"] {
        b.wait(
            &format!("{sel} within a 512-pixel-wide window"),
            &inside(sel),
        );
    }
    b.shot("5-zoomed");
}
