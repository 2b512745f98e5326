//! Warm, many-document timings of each stage, as a cascade or the web app spends them: one
//! engine, the specs given rendered one after the other on this thread, the first (cold) left
//! out of the sums: `cargo run --release --example warm -- out/*.toml`
//! (`TEMPLATES=dir` overrides the templates, as `--templates`, to time a template change).

use gongwen::render::{docx, layout, pdf};
use gongwen::{Engine, EngineOptions};
use std::time::Instant;

/// The allocator `gongwen` itself runs on (budget::Capped over mimalloc), so the timings are its.
#[global_allocator]
static ALLOCATOR: gongwen::budget::Capped = gongwen::budget::Capped;

fn main() {
    let specs: Vec<String> = std::env::args().skip(1).collect();
    assert!(specs.len() > 1, "usage: warm SPEC.toml SPEC.toml...");
    let options = EngineOptions {
        no_system_fonts: true,
        templates: std::env::var_os("TEMPLATES").map(Into::into),
        ..Default::default()
    };
    // As `gongwen` runs a cascade: the pages a document freed kept for the next.
    gongwen::budget::keep_freed_pages();
    let engine = Engine::new(&options).unwrap();
    let mut sums = [0.0f64; 4];
    let mut passes_total = 0;
    for (i, spec) in specs.iter().enumerate() {
        let mut lap = Instant::now();
        let mut take = |k: usize, sums: &mut [f64; 4]| {
            if i > 0 {
                sums[k] += lap.elapsed().as_secs_f64() * 1000.0;
            }
            lap = Instant::now();
        };
        let (doc, _) = engine.load(std::path::Path::new(spec), None).unwrap();
        take(0, &mut sums);
        let (paged, passes) = engine.typeset_passes(&doc).unwrap();
        take(1, &mut sums);
        pdf::write(&paged, &doc, pdf::PdfSettings::default()).unwrap();
        take(2, &mut sums);
        docx::write_laid_out(&doc, &layout::placement(&paged)).unwrap();
        take(3, &mut sums);
        if i > 0 {
            passes_total += passes.len();
        }
    }
    let n = (specs.len() - 1) as f64;
    println!(
        "{} warm documents, per document: read+check {:.2} ms | layout {:.2} ({:.2} passes) | \
         PDF {:.2} | DOCX {:.2} | total {:.2}",
        specs.len() - 1,
        sums[0] / n,
        sums[1] / n,
        passes_total as f64 / n,
        sums[2] / n,
        sums[3] / n,
        sums.iter().sum::<f64>() / n,
    );
}
