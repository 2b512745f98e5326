//! Imports in a process of their own, for a server: a received file is hostile input, and a
//! file that passes every budget of the readers and still grows without end, or never ends,
//! must stop its own import, not the `gongwen serve` every other request of the office goes
//! through. The child is this same program (`gongwen import-worker`), given the bytes on its
//! standard input and a memory limit of its own; it answers with the spec and the report.

use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How imports are run in a child process.
#[derive(Debug, Clone)]
pub struct Worker {
    /// The `gongwen` executable.
    pub exe: PathBuf,
    /// The child's memory limit (MB).
    pub memory_mb: usize,
    /// Longest an import may take.
    pub timeout: Duration,
}

/// What the child answers: the spec and the report as the user reads it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Answer {
    /// The spec, as TOML.
    pub toml: String,
    /// The import report, as text.
    pub report: String,
}

/// The child's side: imports `bytes` named `name` and prints the answer as JSON.
pub fn serve_one(name: &Path, bytes: &[u8]) -> Result<String> {
    let imported = super::import_bytes(name, bytes)?;
    let answer = Answer {
        report: imported.report.to_string(),
        toml: imported.toml,
    };
    Ok(serde_json::to_string(&answer).expect("strings serialize"))
}

/// The parent's side: imports `bytes` (named `name` in every message) in a child process.
pub fn import(worker: &Worker, name: &Path, bytes: &[u8]) -> Result<Answer> {
    let failed = |why: String| Error::Import(format!("{}：{why}", name.display()));
    let mut child = Command::new(&worker.exe)
        .arg("--memory-limit")
        .arg(worker.memory_mb.to_string())
        .arg("import-worker")
        .arg(name)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| failed(format!("无法启动导入进程（{e}）")))?;
    let mut stdin = child.stdin.take().expect("piped");
    let input = bytes.to_vec();
    let feeder = std::thread::spawn(move || stdin.write_all(&input));
    let mut stdout = child.stdout.take().expect("piped");
    let mut stderr = child.stderr.take().expect("piped");
    let out = std::thread::spawn(move || read_all(&mut stdout));
    let err = std::thread::spawn(move || read_all(&mut stderr));
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| failed(e.to_string()))? {
            break status;
        }
        if started.elapsed() > worker.timeout {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(format!(
                "导入超过 {} 秒仍未完成，已停止（来文可能已损坏或是恶意构造的文件）",
                worker.timeout.as_secs()
            )));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let _ = feeder.join();
    let out = out.join().unwrap_or_default();
    let err = String::from_utf8_lossy(&err.join().unwrap_or_default()).into_owned();
    if status.success() {
        return serde_json::from_slice(&out)
            .map_err(|_| failed("导入进程的回答无法读取".to_owned()));
    }
    Err(refusal(&err, name, worker.memory_mb).map_or_else(
        || failed("导入进程意外终止（来文可能是恶意构造的文件）".to_owned()),
        Error::Import,
    ))
}

/// The child's message, as the user should read it (naming the file `name`).
fn refusal(stderr: &str, name: &Path, memory_mb: usize) -> Option<String> {
    let message = stderr.lines().find_map(|l| l.strip_prefix("错误："))?;
    if message.starts_with("内存用量超过上限") {
        return Some(format!(
            "{}：导入时内存用量超过上限 {memory_mb} MB，已停止：来文可能是压缩炸弹或恶意构造的文件（服务继续运行）",
            name.display()
        ));
    }
    Some(message.to_owned())
}

fn read_all(r: &mut impl Read) -> Vec<u8> {
    let mut buf = Vec::new();
    let _ = r.read_to_end(&mut buf);
    buf
}
