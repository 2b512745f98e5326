//! 页码 (GB/T 9704 §7.5) laid over the finished pages. `page-numbers.typ` lays out one page per
//! numbered page of the document, of the same size and holding only its number; each is laid
//! over its page here. A page number set inside the document's own layout needs to know the
//! page it stands on, and that `context` made typst lay every layout pass out twice.

use serde::Serialize;
use typst::layout::Point;
use typst_layout::PagedDocument;

/// The template that lays the numbers out, and the file it reads them from.
pub const TEMPLATE: &str = "page-numbers.typ";
/// The numbered pages, as `page-numbers.typ` reads them.
pub const FILE: &str = "page-numbers.json";

/// One numbered page, as the template reads it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Numbered {
    /// The number printed (the page's place in the document, from 1).
    pub number: usize,
    /// A landscape page, whose number is drawn turned (see `binding`).
    pub flipped: bool,
}

/// The pages that carry a number: every page up to the last page of content, and the 版记's own
/// page right after it (§7.5: only 「版记页前有空白页的，空白页和版记页均不编排页码」: a blank
/// page and the 版记's page after it carry none), the first only where `first` says so (the
/// 信函格式's first page carries none).
pub fn numbered(paged: &PagedDocument, content_end: Option<usize>, first: bool) -> Vec<Numbered> {
    let pages = paged.pages().len();
    let last = match content_end {
        // (Past the content come only a blank page and the 版记's page.)
        Some(end) if end + 1 < pages => end,
        _ => pages,
    };
    paged
        .pages()
        .iter()
        .enumerate()
        .map(|(i, page)| Numbered {
            number: i + 1,
            flipped: super::binding::is_landscape(page),
        })
        .filter(|n| n.number <= last && (n.number > 1 || first))
        .collect()
}

/// Whether a layout numbers its pages itself (a `gongwen.typ` from `--templates` written before
/// `page-numbers.typ`, whose page foreground draws the number): its pages get no second one.
pub fn numbered_by_template(paged: &PagedDocument) -> bool {
    use typst::introspection::Introspector;
    let Some(label) = typst::foundations::Label::new(typst::utils::PicoStr::intern("gw-start"))
    else {
        return false;
    };
    let selector = typst::foundations::Selector::Label(label);
    paged.introspector().query(&selector).iter().any(|c| {
        matches!(c.get_by_name("value"), Ok(typst::foundations::Value::Str(s)) if s.as_str() == super::ofd::tags::IGNORED)
    })
}

/// What `page-numbers.typ` reads.
#[derive(Serialize)]
struct Data<'a> {
    /// The label box's top from the paper's top (mm): its 一字线's ink 7 mm below the text
    /// block, in the face the numbers are set in.
    label_top_mm: f64,
    /// The numbered pages.
    pages: &'a [Numbered],
}

/// The JSON `page-numbers.typ` reads, for numbers set in `face` (the 宋体 role's).
pub fn data(numbered: &[Numbered], face: &typst::text::Font) -> Vec<u8> {
    use crate::gbt9704 as g;
    let data = Data {
        label_top_mm: g::PAGE_HEIGHT_MM - g::MARGIN_BOTTOM_MM
            + g::page_number_box_below_mm(dash_top_em(face)),
        pages: numbered,
    };
    serde_json::to_vec(&data).expect("page numbers serialize")
}

/// How far `face`'s 一字线 (U+2014) reaches above its baseline (em), as typst measures a
/// glyph's bounds.
fn dash_top_em(face: &typst::text::Font) -> f64 {
    ttf_parser::Face::parse(face.data().as_slice(), face.index())
        .ok()
        .and_then(|ttf| {
            let bbox = ttf.glyph_bounding_box(ttf.glyph_index('\u{2014}')?)?;
            Some(f64::from(bbox.y_max) / f64::from(ttf.units_per_em()))
        })
        .unwrap_or_else(crate::fonts::song_dash_top_em)
}

/// `paged` with the page of `labels` for each of `numbered` laid over its page, in front of
/// everything on it, as a page's foreground is.
pub fn lay_over(
    paged: PagedDocument,
    labels: &PagedDocument,
    numbered: &[Numbered],
) -> PagedDocument {
    if numbered.is_empty() {
        return paged;
    }
    let mut pages = paged.pages().to_vec();
    for (n, label) in numbered.iter().zip(labels.pages()) {
        if let Some(page) = pages.get_mut(n.number - 1) {
            page.frame.push_frame(Point::zero(), label.frame.clone());
        }
    }
    let info = typst::model::Document::info(&paged).clone();
    PagedDocument::new(pages.into_iter().collect(), info)
}
