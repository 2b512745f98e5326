//! An interrupted render (Ctrl+C, or SIGTERM from a shutdown) leaves no hidden temporary file
//! behind and no half-written output.
#![cfg(unix)]

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".tmp"))
                .collect()
        })
        .unwrap_or_default()
}

fn interrupted_while_files_are_staged(signal: &str) {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/national-2025-notice.toml");
    let mut child = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args([
            "render",
            sample.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
        ])
        .arg("--no-system-fonts")
        .env("GONGWEN_TEST_PAUSE_BEFORE_RENAME_MS", "20000")
        .spawn()
        .unwrap();
    let started = Instant::now();
    while temporaries(&out).len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "nothing staged"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let staged = temporaries(&out);
    assert!(staged.iter().all(|n| n.starts_with('.')), "{staged:?}");
    let kill = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(kill.success());
    let status = child.wait().unwrap();
    let expected = if signal == "-INT" { 130 } else { 143 };
    assert_eq!(status.code(), Some(expected), "{status:?}");
    assert!(
        std::fs::read_dir(&out).unwrap().next().is_none(),
        "left behind: {:?}",
        std::fs::read_dir(&out)
            .unwrap()
            .flatten()
            .map(|e| e.file_name())
            .collect::<Vec<_>>()
    );
}

#[test]
fn ctrl_c_while_outputs_are_staged_removes_them() {
    interrupted_while_files_are_staged("-INT");
}

#[test]
fn sigterm_while_outputs_are_staged_removes_them() {
    interrupted_while_files_are_staged("-TERM");
}
