//! Warm in-process timings of each pipeline stage for the samples.
//! Run: `cargo bench --bench render` (prints mean per iteration).

use gongwen::render::pdf::{self, PdfSettings};
use gongwen::{Engine, EngineOptions};
use std::path::Path;
use std::time::{Duration, Instant};

/// The allocator `gongwen` itself runs on (budget::Capped over mimalloc), so the timings are its.
#[global_allocator]
static ALLOCATOR: gongwen::budget::Capped = gongwen::budget::Capped;

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
        // First writes of this layout: font subsets made, not found in the memo (as in a
        // one-document process); the warm loops below reuse them in both writers.
        let once = |f: &mut dyn FnMut()| {
            let t = Instant::now();
            f();
            t.elapsed()
        };
        let pdf_cold = once(&mut || {
            pdf::write(&paged, &doc, PdfSettings::default()).unwrap();
        });
        let ofd_cold = once(&mut || {
            gongwen::render::ofd::write(&paged, &doc).unwrap();
        });
        let write = time(runs, || {
            pdf::write(&paged, &doc, PdfSettings::default()).unwrap()
        });
        let ofd = time(runs, || gongwen::render::ofd::write(&paged, &doc).unwrap());
        let docx = time(runs, || gongwen::render::docx::write(&doc).unwrap());
        println!(
            "{name}: parse+compose {load:?}, typeset {typeset:?}, PDF write {write:?} (first {pdf_cold:?}), OFD write {ofd:?} (first {ofd_cold:?}), DOCX {docx:?} ({} pages)",
            paged.pages().len()
        );
    }
    preview_while_typing(&engine, &samples.join("national-2025-notice.toml"));
}

/// The web app's path from a keystroke to the pages on screen (check, compose, typeset, SVG of
/// changed pages), warm: the title gains one character per run, as when a person types.
fn preview_while_typing(engine: &Engine, spec: &Path) {
    use gongwen::serve::preview::{preview, Previews, Text};
    let text = std::fs::read_to_string(spec).unwrap();
    let previews = Previews::default();
    let mut times = Vec::new();
    let mut title = String::new();
    for (i, c) in "关于做好宣传周活动安排的有关事项"
        .chars()
        .cycle()
        .take(40)
        .enumerate()
    {
        title.push(c);
        let edited = text.replacen("title = \"", &format!("title = \"{title}"), 1);
        let started = Instant::now();
        let p = preview(
            engine,
            &previews,
            &Text {
                name: "bench.toml",
                path: Path::new("bench.toml"),
                toml: &edited,
                year: None,
            },
        );
        assert!(!p.pages.is_empty(), "{:?}", p.diagnostics);
        if i >= 5 {
            times.push(started.elapsed());
        }
        if i == 20 {
            // The same keystroke's stages on their own (a fresh title: nothing memoized).
            let edited = text.replacen("title = \"", &format!("title = \"{title}又"), 1);
            let t = Instant::now();
            let report = engine
                .check_source(&edited, Path::new("bench.toml"))
                .unwrap();
            let doc = gongwen::compose::compose(&report.spec);
            let t1 = t.elapsed();
            let paged = engine.typeset(&doc).unwrap();
            let t2 = t.elapsed();
            let fresh = Previews::default();
            fresh.pages(&paged);
            let t3 = t.elapsed();
            let other = engine
                .typeset(&{
                    let mut d = doc.clone();
                    d.parts[0].title[0].push('又');
                    d
                })
                .unwrap();
            let same_frames: Vec<bool> = paged
                .pages()
                .iter()
                .zip(other.pages())
                .map(|(a, b)| {
                    gongwen::serve::preview::visual_hash(a)
                        == gongwen::serve::preview::visual_hash(b)
                })
                .collect();
            println!("  pages unchanged by one more title character: {same_frames:?}");
            println!(
                "  one keystroke: check+compose {t1:?}, typeset {:?}, SVG of all {} pages {:?}",
                t2 - t1,
                paged.pages().len(),
                t3 - t2
            );
        }
    }
    times.sort();
    println!(
        "preview while typing (national-2025-notice): median {:?}, p90 {:?}, max {:?}",
        times[times.len() / 2],
        times[times.len() * 9 / 10],
        times[times.len() - 1]
    );
}
