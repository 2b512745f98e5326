//! Page previews for the editor: the typst layout's pages as SVG, each page's SVG kept by the
//! hash of its content, so that typing on page 3 re-exports page 3 only.

use crate::error::{Diagnostic, Severity};
use crate::Engine;
use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

/// What the editor shows for a spec's current text: its pages and its findings.
#[derive(Debug, Default)]
pub struct Preview {
    /// Each page as SVG (none when the spec has errors).
    pub pages: Vec<Arc<str>>,
    /// Every `check` finding.
    pub diagnostics: Vec<Diagnostic>,
}

/// Checks spec text (named `name` in findings) and, when it has no error, lays it out and
/// exports its pages: the whole path from a keystroke to the pages on screen.
pub fn preview(
    engine: &Engine,
    previews: &Previews,
    name: &str,
    text: &str,
    year: Option<i32>,
) -> Preview {
    let path = Path::new(name);
    let report = match engine.check_source_for_year(text, path, year) {
        Ok(report) => report,
        Err(crate::Error::Spec(diagnostics)) => {
            return Preview {
                pages: Vec::new(),
                diagnostics,
            }
        }
        Err(e) => return failed(path, e),
    };
    if report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error)
    {
        return Preview {
            pages: Vec::new(),
            diagnostics: report.diagnostics,
        };
    }
    let diagnostics = report.diagnostics.clone();
    let doc = crate::compose::compose(&report.spec);
    let paged = match engine.typeset(&doc) {
        Ok(paged) => paged,
        Err(e) => return failed(path, e),
    };
    let pages = previews.pages(&paged);
    engine.evict_caches();
    Preview { pages, diagnostics }
}

/// A preview that could not be made: the reason as a finding of the whole file.
fn failed(path: &Path, e: crate::Error) -> Preview {
    Preview {
        pages: Vec::new(),
        diagnostics: vec![Diagnostic {
            file: path.to_owned(),
            message: e.to_string(),
            ..Diagnostic::default()
        }],
    }
}

/// A hash of what a page shows. Not the page's own hash: that includes the introspection tags,
/// whose locations change with any edit earlier in the document, so every page would look new
/// after each keystroke; what is drawn (text, shapes, images, links, where) is what counts.
pub fn visual_hash(page: &typst_layout::Page) -> u128 {
    typst::utils::hash128(&(frame_hash(&page.frame), &page.fill))
}

fn frame_hash(frame: &Frame) -> u128 {
    use typst::utils::hash128;
    let mut parts = vec![hash128(&frame.size())];
    for (at, item) in frame.items() {
        let drawn = match item {
            FrameItem::Tag(_) => continue,
            FrameItem::Group(g) => hash128(&(frame_hash(&g.frame), g.transform, &g.clip)),
            FrameItem::Text(t) => hash128(t),
            FrameItem::Shape(shape, _) => hash128(shape),
            FrameItem::Image(image, size, _) => hash128(&(image, size)),
            FrameItem::Link(destination, size) => hash128(&(destination, size)),
        };
        parts.push(hash128(&(at, drawn)));
    }
    hash128(&parts)
}

/// Pages kept at most; beyond that the cache starts afresh.
const CAPACITY: usize = 512;

/// SVG pages by content hash.
#[derive(Default)]
pub struct Previews {
    pages: Mutex<HashMap<u128, Arc<str>>>,
}

impl Previews {
    /// Every page of `paged` as SVG, in order.
    pub fn pages(&self, paged: &PagedDocument) -> Vec<Arc<str>> {
        let options = typst_svg::SvgOptions::default();
        paged
            .pages()
            .iter()
            .map(|page| {
                let key = visual_hash(page);
                if let Some(svg) = self.lock().get(&key) {
                    return svg.clone();
                }
                let svg: Arc<str> = typst_svg::svg(page, &options).into();
                let mut pages = self.lock();
                if pages.len() >= CAPACITY {
                    pages.clear();
                }
                pages.insert(key, svg.clone());
                svg
            })
            .collect()
    }

    /// Pages kept now (for tests and benchmarks).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// Whether no page is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<u128, Arc<str>>> {
        self.pages.lock().unwrap_or_else(|e| e.into_inner())
    }
}
