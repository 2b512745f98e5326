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

/// The pages that carry a number: every page up to the last page of content (a blank page and
/// a page holding only the 版记 after it carry none), the first only where `first` says so
/// (the 信函格式's first page carries none).
pub fn numbered(paged: &PagedDocument, content_end: Option<usize>, first: bool) -> Vec<Numbered> {
    let last = content_end.unwrap_or(paged.pages().len());
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

/// The JSON `page-numbers.typ` reads.
pub fn data(numbered: &[Numbered]) -> Vec<u8> {
    serde_json::to_vec(numbered).expect("page numbers serialize")
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
