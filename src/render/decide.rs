//! What a first layout decides for the next one, read from where the template's marks fell
//! (invisible `metadata` elements): whose signature starts a page alone, which tight closings
//! still moved, how many page breaks the 版记 needs. Read here rather than by the template's
//! own `context` queries, which made typst lay every pass out twice.

use crate::gbt9704::Layout;
use typst::foundations::{Label, Selector, Value};
use typst::introspection::Introspector;
use typst::layout::Abs;
use typst_layout::PagedDocument;

/// A mark: its value, its page (from 1) and its distance from the page's top.
struct Mark {
    value: Value,
    page: usize,
    y: Abs,
}

/// Every `metadata` element labelled `name`, in the document's order, where it fell.
fn marks(paged: &PagedDocument, name: &str) -> Vec<Mark> {
    let Some(label) = Label::new(typst::utils::PicoStr::intern(name)) else {
        return Vec::new();
    };
    let introspector = paged.introspector();
    introspector
        .query(&Selector::Label(label))
        .iter()
        .filter_map(|content| {
            let at = introspector.position(content.location()?)?;
            Some(Mark {
                value: content.get_by_name("value").ok()?,
                page: at.page.get(),
                y: at.point.y,
            })
        })
        .collect()
}

/// A mark's `(kind, part)` value.
fn kind_and_part(value: &Value) -> Option<(String, i64)> {
    let pair = value.clone().cast::<typst::foundations::Array>().ok()?;
    let kind = pair.at(0, None).ok()?.cast::<String>().ok()?;
    let part = pair.at(1, None).ok()?.cast::<i64>().ok()?;
    Some((kind, part))
}

/// The parts whose mark `second` fell on a later page than their mark `first`, in order.
fn moved_on(paged: &PagedDocument, name: &str, first: &str, second: &str) -> Vec<i64> {
    let mut before = std::collections::BTreeMap::new();
    let mut moved = Vec::new();
    for m in marks(paged, name) {
        let Some((kind, part)) = kind_and_part(&m.value) else {
            continue;
        };
        if kind == first {
            before.insert(part, m.page);
        } else if kind == second && before.get(&part).is_some_and(|&p| m.page > p) {
            moved.push(part);
        }
    }
    moved
}

/// The parts whose signature starts a page without body text (`<closing-mark>`s: the end of
/// the last paragraph, then the signature's start).
pub fn signatures_alone(paged: &PagedDocument) -> Vec<i64> {
    moved_on(paged, "closing-mark", "end", "sig")
}

/// The closings set tight with their 附注 after them whose first 附注 went on to a page after
/// the one the closing starts on: a page that would hold nothing but 附注.
pub fn notes_moved(paged: &PagedDocument) -> Vec<i64> {
    moved_on(paged, "tight-mark", "in", "notes")
}

/// The closings set tight that still went on to a new page (`<tight-mark>`s: where the flow
/// stood before the closing, then its start).
pub fn tight_moved(paged: &PagedDocument) -> Vec<i64> {
    moved_on(paged, "tight-mark", "before", "in")
}

/// The closings whose last paragraph was cut at a page end (`<split-closing>`s): part → the
/// characters (grapheme clusters) of the paragraph left on the page before.
pub fn closings_split(paged: &PagedDocument) -> std::collections::BTreeMap<usize, usize> {
    marks(paged, "split-closing")
        .iter()
        .filter_map(|m| {
            let pair = m.value.clone().cast::<typst::foundations::Array>().ok()?;
            let part = pair.at(0, None).ok()?.cast::<i64>().ok()?;
            let at = pair.at(1, None).ok()?.cast::<i64>().ok()?;
            Some((usize::try_from(part).ok()?, usize::try_from(at).ok()?))
        })
        .collect()
}

/// The annexes whose form's blank rows the template made shorter to keep the form on one page
/// (`<annex-rows>`s): annex (by index) → the rows' height (mm).
pub fn annex_rows(paged: &PagedDocument) -> std::collections::BTreeMap<usize, f64> {
    marks(paged, "annex-rows")
        .iter()
        .filter_map(|m| {
            let pair = m.value.clone().cast::<typst::foundations::Array>().ok()?;
            let annex = pair.at(0, None).ok()?.cast::<i64>().ok()?;
            let mm = pair.at(1, None).ok()?.cast::<f64>().ok()?;
            Some((usize::try_from(annex).ok()?, mm))
        })
        .collect()
}

/// Lines the 抄送 took in the 版记 (`None` without one): from where its element starts to where
/// it ends, at the 版记's pitch (4号 with the body's leading).
pub fn cc_lines(paged: &PagedDocument) -> Option<usize> {
    let is_cc = |m: &Mark| {
        m.value
            .clone()
            .cast::<String>()
            .is_ok_and(|v| v == "抄送机关")
    };
    let start = marks(paged, "gw-start").into_iter().find(is_cc)?;
    let end = marks(paged, "gw-end").into_iter().find(is_cc)?;
    let l = Layout::standard();
    let pitch = l.small_pt + l.leading_pt;
    let dy = if end.page == start.page {
        (end.y - start.y).to_pt()
    } else {
        0.0
    };
    Some(1 + (dy / pitch).round().max(0.0) as usize)
}

/// Page breaks the 版记 needs before it (GB/T 9704 §7.4.1: at the bottom of an even last
/// page): none where the flow's end is on an even portrait page with room for it and a line
/// above; else one to the next page when the last page of content is odd, two when it is even.
/// `None` without a 版记.
pub fn colophon_breaks(paged: &PagedDocument) -> Option<i64> {
    let here = marks(paged, "colophon-here").into_iter().next()?;
    let top = marks(paged, "colophon-top").into_iter().next()?;
    let l = Layout::standard();
    let size = paged.pages().get(here.page - 1)?.frame.size();
    let block_bottom = size.y - Abs::mm(l.margin_bottom_mm);
    // The 版记 is set at the text block's foot: its height is what it takes from there.
    let height = block_bottom - top.y;
    let pitch = Abs::pt(l.body_pt + l.leading_pt);
    let fits = here.page % 2 == 0 && block_bottom - here.y >= height + pitch && size.x < size.y;
    let last = marks(paged, "content-end")
        .iter()
        .map(|m| m.page)
        .max()
        .unwrap_or(here.page);
    Some(if fits {
        0
    } else if last % 2 == 1 {
        1
    } else {
        2
    })
}
