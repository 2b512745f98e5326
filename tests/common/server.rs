//! A `gongwen serve` process for the web app's tests: started on a free port over a workspace
//! folder, stopped when dropped.
#![allow(dead_code)]

use serde_json::Value;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A running server.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT` (no trailing slash).
    pub base: String,
    /// Its port.
    pub port: u16,
    /// The workspace folder.
    pub dir: PathBuf,
    agent: ureq::Agent,
}

/// A response: status and body.
pub struct Reply {
    /// HTTP status.
    pub status: u16,
    /// Headers, lower-case names.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl Reply {
    /// The body as JSON.
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}), status {}: {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// A header's value.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

impl Server {
    /// Starts `gongwen serve DIR --port 0` (bundled fonts only) and waits for its URL.
    pub fn start(dir: &Path) -> Self {
        Self::start_with(dir, &[])
    }

    /// [`Server::start`] with extra options.
    pub fn start_with(dir: &Path, extra: &[&str]) -> Self {
        Self::start_with_env(dir, extra, &[])
    }

    /// [`Server::start_with`] with environment variables set for the server.
    pub fn start_with_env(dir: &Path, extra: &[&str], env: &[(&str, &str)]) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .envs(env.iter().copied())
            .args([
                "serve",
                dir.to_str().unwrap(),
                "--port",
                "0",
                "--no-system-fonts",
            ])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let start = line
            .find("http://")
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        let url = line[start..]
            .split(|c: char| c.is_whitespace() || c == '（')
            .next()
            .unwrap()
            .trim_end_matches('/')
            .to_owned();
        let port = url.rsplit(':').next().unwrap().parse().unwrap();
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .build()
            .into();
        Self {
            child,
            base: url,
            port,
            dir: dir.to_owned(),
            agent,
        }
    }

    fn reply(r: Result<ureq::http::Response<ureq::Body>, ureq::Error>) -> Reply {
        let mut r = r.expect("request");
        let headers = r
            .headers()
            .iter()
            .map(|(n, v)| (n.as_str().to_owned(), v.to_str().unwrap_or("").to_owned()))
            .collect();
        Reply {
            status: r.status().as_u16(),
            headers,
            body: r
                .body_mut()
                .with_config()
                .limit(200 << 20)
                .read_to_vec()
                .unwrap(),
        }
    }

    /// `GET path` (path with its query).
    pub fn get(&self, path: &str) -> Reply {
        Self::reply(self.agent.get(format!("{}{path}", self.base)).call())
    }

    /// `POST path` with a JSON body, as the page sends it.
    pub fn post(&self, path: &str, body: &Value) -> Reply {
        Self::reply(
            self.agent
                .post(format!("{}{path}", self.base))
                .header("X-Gongwen", "1")
                .send_json(body),
        )
    }

    /// [`Server::post`] from the page tab `tab` (the id the page sends with each request).
    pub fn post_from_tab(&self, tab: &str, path: &str, body: &Value) -> Reply {
        Self::reply(
            self.agent
                .post(format!("{}{path}", self.base))
                .header("X-Gongwen", "1")
                .header("X-Gongwen-Tab", tab)
                .send_json(body),
        )
    }

    /// `POST path` with raw bytes, as the page uploads a file.
    pub fn upload(&self, path: &str, bytes: &[u8]) -> Reply {
        Self::reply(
            self.agent
                .post(format!("{}{path}", self.base))
                .header("X-Gongwen", "1")
                .header("Content-Type", "application/octet-stream")
                .send(bytes),
        )
    }

    /// Sends `head`, then `body` (write errors ignored: the server may answer and close before
    /// the body is sent); the status and the body of the answer.
    pub fn raw_answer(&self, head: &str, body: &[u8]) -> (u16, String) {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        let _ = s.write_all(head.as_bytes()).and_then(|_| s.write_all(body));
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let out = String::from_utf8_lossy(&out).into_owned();
        let status = out
            .split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status in {out:?}"));
        let body = out.split_once("\r\n\r\n").map_or("", |(_, b)| b).to_owned();
        (status, body)
    }

    /// A request written by hand (any Host, Origin or header), for the refusals: the status.
    pub fn raw(&self, request: &str) -> u16 {
        let mut s = std::net::TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        s.set_read_timeout(Some(std::time::Duration::from_secs(60)))
            .unwrap();
        s.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        let _ = s.read_to_string(&mut out);
        out.split_whitespace()
            .nth(1)
            .and_then(|c| c.parse().ok())
            .unwrap_or_else(|| panic!("no status in {out:?}"))
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `s` percent-encoded for a query string.
pub fn q(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Puts the national 2025 notice (as `上级通知.toml`) and the Hubei office profile (as
/// `offices/hubei.toml`) into a workspace, to derive from.
pub fn add_upstream_and_office(dir: &Path) {
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    std::fs::copy(
        samples.join("national-2025-notice.toml"),
        dir.join("上级通知.toml"),
    )
    .unwrap();
    std::fs::create_dir_all(dir.join("offices")).unwrap();
    std::fs::copy(
        samples.join("offices/hubei-scitech.toml"),
        dir.join("offices/hubei.toml"),
    )
    .unwrap();
}
