//! A template that loops or grows without end, or a document of too many pages, stops the run
//! with a Chinese message and exit status 1 — within its time or memory limit, not never.

mod common;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Renders the national notice with `template` as the office's notice.typ, with extra flags.
fn render_with(
    template: &str,
    flags: &[&str],
) -> (std::process::Output, Duration, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let tpl = dir.path().join("tpl");
    std::fs::create_dir(&tpl).unwrap();
    std::fs::write(tpl.join("notice.typ"), template).unwrap();
    let sample = common::sample("national-2025-notice.toml");
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["render", sample.to_str().unwrap(), "-o"])
        .arg(dir.path().join("out"))
        .arg("--templates")
        .arg(&tpl)
        .arg("--no-system-fonts")
        .args(flags)
        .output()
        .unwrap();
    (out, started.elapsed(), dir)
}

fn assert_stopped(out: &std::process::Output, dir: &Path, expected: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(expected), "{err}");
    let left: Vec<_> = std::fs::read_dir(dir.join("out"))
        .map(|r| r.flatten().map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn a_template_that_never_finishes_is_stopped_at_the_time_limit() {
    let (out, took, dir) = render_with(
        "#let n = 0\n#for i in range(100000) { for j in range(100000) { for k in range(100000) { n = n + 1 } } }\n",
        &["--time-limit", "3"],
    );
    assert_stopped(&out, dir.path(), "排版超过 3 秒仍未完成");
    assert!(took < Duration::from_secs(30), "{took:?}");
}

#[test]
fn a_template_that_grows_without_end_is_stopped_at_the_memory_limit() {
    let (out, took, dir) = render_with(
        "#let a = range(2000000000)\n#a.len()\n",
        &["--memory-limit", "600"],
    );
    assert_stopped(&out, dir.path(), "内存用量超过上限 600 MB");
    assert!(took < Duration::from_secs(60), "{took:?}");
}

#[test]
fn a_template_that_emits_thousands_of_pages_is_refused() {
    let (out, _, dir) = render_with("#for i in range(2600) [#i #pagebreak()]\n", &[]);
    assert_stopped(&out, dir.path(), "超过上限");
}

#[test]
fn the_embedded_templates_render_well_inside_the_limits() {
    let dir = tempfile::tempdir().unwrap();
    let sample = common::sample("scitech-2025-notice.toml");
    let o = common::gongwen(
        &[
            "render",
            sample.to_str().unwrap(),
            "-o",
            "out",
            "--time-limit",
            "20",
            "--memory-limit",
            "1024",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}
