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

/// Every sample spec: the seeds' documents and every kind's, in name order.
pub fn every_sample() -> Vec<PathBuf> {
    let mut specs: Vec<PathBuf> = [sample(""), sample("kinds")]
        .iter()
        .flat_map(|d| std::fs::read_dir(d).unwrap())
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    specs
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
    // The LibreOffice suite runs again against another LibreOffice (CI: bookworm-backports').
    if name == "soffice" {
        if let Some(other) = std::env::var_os("GONGWEN_SOFFICE").filter(|v| !v.is_empty()) {
            return Some(PathBuf::from(other));
        }
    }
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

/// Where the page number's outer 一字线 begins to ink below the text block (mm): the right
/// dash on odd pages, the left one on even pages, found in a 600-dpi raster of the footer band
/// of `page` (poppler's pdftoppm) — what a ruler on the printed page measures.
pub fn page_number_dash_below_mm(pdftoppm: &Path, pdf: &Path, page: usize) -> Option<f64> {
    use gongwen::gbt9704 as g;
    const DPI: f64 = 600.0;
    let px = |mm: f64| (mm / 25.4 * DPI).round() as i64;
    let block_bottom = g::MARGIN_TOP_MM + g::TEXT_HEIGHT_MM;
    let (x0, y0) = (10.0, block_bottom);
    let (w, h) = (g::PAGE_WIDTH_MM - 20.0, 20.0);
    let p = page.to_string();
    let args = [
        "-r",
        "600",
        "-gray",
        "-singlefile",
        "-f",
        &p,
        "-l",
        &p,
        "-x",
        &px(x0).to_string(),
        "-y",
        &px(y0).to_string(),
        "-W",
        &px(w).to_string(),
        "-H",
        &px(h).to_string(),
    ];
    let out = std::process::Command::new(pdftoppm)
        .args(args)
        .arg(pdf)
        .output()
        .ok()?;
    let (_, width, height, pixels) = pnm(&out.stdout).filter(|p| p.0 == "P5")?;
    let dark = |x: usize, y: usize| pixels[y * width + x] < 128;
    let columns: Vec<usize> = (0..width)
        .filter(|&x| (0..height).any(|y| dark(x, y)))
        .collect();
    let outer = if page % 2 == 1 {
        *columns.last()?
    } else {
        *columns.first()?
    };
    let near = px(1.0) as usize;
    let top = (0..height).find(|&y| {
        (outer.saturating_sub(near)..=(outer + near).min(width - 1)).any(|x| dark(x, y))
    })?;
    Some(top as f64 * 25.4 / DPI)
}

/// A binary PNM image (P5 grey, P6 colour; 8 bits) as pdftoppm writes it: its kind, width,
/// height and pixel bytes.
pub fn pnm(bytes: &[u8]) -> Option<(&str, usize, usize, &[u8])> {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes.get(at)?.is_ascii_whitespace() {
            at += 1;
        }
        fields.push(std::str::from_utf8(&bytes[start..at]).ok()?);
    }
    let (w, h): (usize, usize) = (fields[1].parse().ok()?, fields[2].parse().ok()?);
    let channels = match fields[0] {
        "P5" => 1,
        "P6" => 3,
        _ => return None,
    };
    Some((
        fields[0],
        w,
        h,
        bytes.get(at + 1..at + 1 + w * h * channels)?,
    ))
}

/// What a relay asks of the office's units itself (its numbered items and closing), one
/// paragraph a line: the text before the relayed document.
pub fn relay_asks(spec: &gongwen::spec::Spec) -> Vec<String> {
    fn walk(out: &mut Vec<String>, sections: &[gongwen::spec::Section]) {
        for s in sections {
            out.extend(s.text.0.iter().cloned());
            walk(out, &s.sections);
        }
    }
    // One ask follows the request in the transmitting sentence's paragraph.
    let mut out: Vec<String> = spec.transmit.iter().cloned().collect();
    walk(&mut out, &spec.sections);
    out.extend(spec.closing.0.iter().cloned());
    out
}
