//! Warm in-process timings of each pipeline stage for the samples.
//! Run: `cargo bench --bench render` (prints mean per iteration).

use gongwen::render::pdf::{self, PdfSettings};
use gongwen::{Engine, EngineOptions};
use std::path::Path;
use std::time::{Duration, Instant};

fn time<T>(runs: u32, mut f: impl FnMut() -> T) -> Duration {
    std::hint::black_box(f());
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(f());
    }
    start.elapsed() / runs
}

fn main() {
    let started = Instant::now();
    let engine = Engine::new(&EngineOptions {
        no_system_fonts: true,
        ..Default::default()
    })
    .unwrap();
    println!("engine (fonts + templates): {:?}", started.elapsed());
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
    let mut specs: Vec<_> = std::fs::read_dir(&samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    specs.sort();
    for spec in specs {
        let name = spec.file_stem().unwrap().to_string_lossy().into_owned();
        let runs = 20;
        let load = time(runs, || gongwen::load(&spec).unwrap());
        let doc = gongwen::load(&spec).unwrap();
        let typeset = time(runs, || engine.typeset(&doc).unwrap());
        let paged = engine.typeset(&doc).unwrap();
        let write = time(runs, || {
            pdf::write(&paged, &doc, PdfSettings::default()).unwrap()
        });
        let ofd = time(runs, || gongwen::ofd::write(&paged, &doc).unwrap());
        let docx = time(runs, || gongwen::render::docx::write(&doc).unwrap());
        println!(
            "{name}: parse+compose {load:?}, typeset {typeset:?}, PDF write {write:?}, OFD write {ofd:?}, DOCX {docx:?} ({} pages)",
            paged.pages().len()
        );
    }
}
