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

/// Unsaved spec text to preview.
pub struct Text<'a> {
    /// Its name in the workspace, as findings name it.
    pub name: &'a str,
    /// Where it is saved (the seal images it names are found beside it).
    pub path: &'a Path,
    /// The TOML.
    pub toml: &'a str,
    /// The campaign year to preview (按年份).
    pub year: Option<i32>,
}

/// Checks spec text (named `name` in findings) and, when it has no error, lays it out and
/// exports its pages: the whole path from a keystroke to the pages on screen.
pub fn preview(engine: &Engine, previews: &Previews, text: &Text) -> Preview {
    let path = Path::new(text.name);
    let report = match engine.check_source_for_year(text.toml, path, text.year) {
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
    let mut diagnostics = report.diagnostics.clone();
    let mut doc = crate::compose::compose(&report.spec);
    // The seal images the spec names, beside the spec in the workspace.
    match crate::render::seal::attach(&mut doc, text.path, &[], &engine.fonts) {
        Ok(warnings) => diagnostics.extend(warnings),
        Err(e) => return failed(path, e),
    }
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

/// Bytes of SVG kept at most; past them the pages least recently shown go first.
const CAPACITY_BYTES: usize = 64 << 20;
/// Bytes of SVG kept once the app is idle after a burst: the pages of the documents last shown.
pub const KEPT_WHEN_IDLE_BYTES: usize = 8 << 20;

/// SVG pages by content hash, least recently used dropped first past [`CAPACITY_BYTES`].
#[derive(Default)]
pub struct Previews {
    pages: Mutex<Cache>,
}

/// The pages, when each was last shown, and their bytes.
#[derive(Default)]
struct Cache {
    pages: HashMap<u128, (Arc<str>, u64)>,
    clock: u64,
    bytes: usize,
}

impl Cache {
    fn get(&mut self, key: u128) -> Option<Arc<str>> {
        self.clock += 1;
        let clock = self.clock;
        self.pages.get_mut(&key).map(|(svg, used)| {
            *used = clock;
            svg.clone()
        })
    }

    fn insert(&mut self, key: u128, svg: Arc<str>) {
        self.clock += 1;
        self.bytes += svg.len();
        if let Some((old, _)) = self.pages.insert(key, (svg, self.clock)) {
            self.bytes -= old.len();
        }
        self.shrink_to(CAPACITY_BYTES);
    }

    /// Drops the pages least recently shown until at most `bytes` are kept (the last page
    /// shown stays whatever its size).
    fn shrink_to(&mut self, bytes: usize) {
        while self.bytes > bytes && self.pages.len() > 1 {
            let oldest = self.pages.iter().min_by_key(|(_, (_, used))| *used);
            let Some(&key) = oldest.map(|(k, _)| k) else {
                break;
            };
            if let Some((svg, _)) = self.pages.remove(&key) {
                self.bytes -= svg.len();
            }
        }
    }
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
                if let Some(svg) = self.lock().get(key) {
                    return svg;
                }
                let svg: Arc<str> = typst_svg::svg(page, &options).into();
                self.lock().insert(key, svg.clone());
                svg
            })
            .collect()
    }

    /// Keeps at most `bytes` of SVG, the pages shown most recently.
    pub fn shrink_to(&self, bytes: usize) {
        let mut cache = self.lock();
        cache.shrink_to(bytes);
        cache.pages.shrink_to_fit();
    }

    /// Bytes of SVG kept now.
    pub fn bytes(&self) -> usize {
        self.lock().bytes
    }

    /// Pages kept now (for tests and benchmarks).
    pub fn len(&self) -> usize {
        self.lock().pages.len()
    }

    /// Whether no page is kept.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Cache> {
        self.pages.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_cache_keeps_its_byte_budget_dropping_the_least_recently_shown_first() {
        let mut cache = Cache::default();
        let page = |n: usize| -> Arc<str> { "x".repeat(n).into() };
        let quarter = CAPACITY_BYTES / 4;
        for key in 0..4u128 {
            cache.insert(key, page(quarter));
        }
        assert_eq!(cache.bytes, CAPACITY_BYTES);
        assert!(
            cache.get(0).is_some(),
            "page 0 shown again: now the most recent"
        );
        cache.insert(4, page(quarter));
        assert!(cache.bytes <= CAPACITY_BYTES);
        assert!(
            cache.get(1).is_none(),
            "the least recently shown went first"
        );
        assert!(cache.get(0).is_some() && cache.get(4).is_some());
        cache.insert(4, page(10));
        assert_eq!(cache.bytes, 3 * quarter + 10, "a page replaced counts once");
        cache.shrink_to(quarter + 10);
        assert_eq!(
            cache.bytes,
            quarter + 10,
            "shrunk to the two pages last shown"
        );
        assert!(cache.get(4).is_some() && cache.get(0).is_some());
    }
}
