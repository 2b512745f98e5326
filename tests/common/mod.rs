//! Shared helpers for the integration tests.
#![allow(dead_code)]

use gongwen::render::measure::Measured;
use gongwen::{Engine, EngineOptions};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One engine for all tests of a binary: bundled fonts only, so results match on every machine.
pub fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::new(&EngineOptions {
            no_system_fonts: true,
            ..Default::default()
        })
        .expect("engine")
    })
}

/// Path of a sample spec.
pub fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("samples")
        .join(name)
}

/// Composes and lays out a spec file, returning the measurements.
pub fn measure_file(path: &Path) -> Measured {
    let doc = gongwen::load(path).expect("spec loads");
    Measured::of(&engine().typeset(&doc).expect("typesets"))
}

/// Checks (every rule), composes and lays out spec text.
pub fn measure_str(toml: &str) -> Result<Measured, gongwen::Error> {
    let report = engine().check_source(toml, Path::new("test.toml"))?;
    let (spec, _) = report.into_result()?;
    let doc = gongwen::compose::compose(&spec);
    Ok(Measured::of(&engine().typeset(&doc)?))
}

/// Whether an external checker is required (CI sets GONGWEN_CONFORMANCE=1).
pub fn conformance_required() -> bool {
    std::env::var("GONGWEN_CONFORMANCE").is_ok_and(|v| v == "1")
}

/// Finds an external tool; without it the test is skipped, unless conformance is required.
pub fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            !conformance_required(),
            "GONGWEN_CONFORMANCE=1 but the checker `{name}` is not installed"
        );
        eprintln!("skipped: `{name}` is not installed (set GONGWEN_CONFORMANCE=1 to require it)");
    }
    found
}

/// Points to millimetres.
pub fn pt(v: f64) -> f64 {
    v * 25.4 / 72.0
}

/// Runs the `gongwen` binary in `cwd` with bundled fonts only.
pub fn gongwen(args: &[&str], cwd: &Path) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(args)
        .arg("--no-system-fonts")
        .current_dir(cwd)
        .output()
        .expect("runs")
}

/// "— N —" → N.
pub fn page_number_value(text: &str) -> Option<u32> {
    let t: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    t.strip_prefix('—')?.strip_suffix('—')?.parse().ok()
}

/// The number printed as "— N —" on each page of our layout (None when the page has none); on
/// a turned landscape page it is the turned label along the sheet's bottom.
pub fn printed_numbers(m: &Measured) -> Vec<Option<u32>> {
    (1..=m.pages.len())
        .map(|p| {
            if m.turned[p - 1] {
                let mut runs: Vec<_> = m
                    .texts
                    .iter()
                    .filter(|t| t.page == p && t.angle == 90.0)
                    .collect();
                runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
                page_number_value(&runs.iter().map(|t| t.text.as_str()).collect::<String>())
            } else {
                m.lines(p).iter().find_map(|l| page_number_value(&l.text))
            }
        })
        .collect()
}

/// A coordinate of a `pdftotext -bbox` element (`xMin`, `yMax`, `width` …) in millimetres.
pub fn bbox_mm(element: &str, key: &str) -> f64 {
    let key = format!("{key}=\"");
    let s = element.find(&key).unwrap() + key.len();
    element[s..s + element[s..].find('"').unwrap()]
        .parse::<f64>()
        .unwrap()
        * 25.4
        / 72.0
}
