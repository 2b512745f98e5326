//! Cold, one-document timings of each stage, as one `gongwen render` process spends them:
//! `cargo run --release --example stages -- samples/shanghai-2025-notice.toml`
//! (engine start, read and check, each layout pass's reason, PDF, DOCX, OFD); a second
//! argument names a templates directory (as `--templates`), to time a template change.

use gongwen::render::{docx, layout, ofd, pdf};
use gongwen::{Engine, EngineOptions};
use std::time::Instant;

/// The allocator `gongwen` itself runs on (budget::Capped over mimalloc), so the timings are its.
#[global_allocator]
static ALLOCATOR: gongwen::budget::Capped = gongwen::budget::Capped;

fn main() {
    let spec = std::env::args().nth(1).expect("usage: stages SPEC.toml");
    let t = Instant::now();
    let ms = || t.elapsed().as_secs_f64() * 1000.0;
    let options = EngineOptions {
        no_system_fonts: true,
        templates: std::env::args().nth(2).map(Into::into),
        ..Default::default()
    };
    let engine = Engine::new(&options).unwrap();
    let started = ms();
    let (doc, _) = engine.load(std::path::Path::new(&spec), None).unwrap();
    let loaded = ms();
    let (paged, passes) = engine.typeset_passes(&doc).unwrap();
    let laid = ms();
    let pdf = pdf::write(&paged, &doc, pdf::PdfSettings::default()).unwrap();
    let pdf_done = ms();
    let docx = docx::write_laid_out(&doc, &layout::placement(&paged)).unwrap();
    let docx_done = ms();
    let ofd = ofd::write(&paged, &doc).unwrap();
    let ofd_done = ms();
    println!(
        "engine {started:.1} ms | read+check {:.1} | layout {:.1} ({} passes: {passes:?}) | \
         PDF {:.1} ({} KB) | DOCX {:.1} ({} KB) | OFD {:.1} ({} KB) | total {ofd_done:.1}",
        loaded - started,
        laid - loaded,
        passes.len(),
        pdf_done - laid,
        pdf.len() / 1024,
        docx_done - pdf_done,
        docx.len() / 1024,
        ofd_done - docx_done,
        ofd.len() / 1024,
    );
}
