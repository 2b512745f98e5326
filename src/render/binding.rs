//! Landscape pages turned onto portrait sheets (GB/T 9704-2012 §8, 横排表格).
//!
//! A landscape table page is printed and bound like every other page: on a portrait A4 sheet,
//! its page number where the other pages carry theirs, the table's head toward the binding
//! edge on odd pages and toward the outer edge on even ones. Both edges are the sheet's left
//! side, so every landscape page turns the same way: a quarter turn counter-clockwise, its top
//! edge along the sheet's left edge. The template lays a landscape page out with the portrait
//! text block's margins turned with it, and its page number already turned (see
//! `page-numbers.typ`); this step only turns the finished page, so that the PDF
//! and every other fixed-layout writer print the same sheet.

use typst::layout::{Abs, Angle, Frame, FrameItem, GroupItem, Point, Size, Transform};
use typst_layout::{Page, PagedDocument};

/// Whether a finished page is wider than it is high (a landscape annex page).
pub fn is_landscape(page: &Page) -> bool {
    page.frame.width() > page.frame.height()
}

/// The document with every landscape page turned onto a portrait sheet.
pub fn bind_landscape(paged: PagedDocument) -> PagedDocument {
    if !paged.pages().iter().any(is_landscape) {
        return paged;
    }
    let pages = paged
        .pages()
        .iter()
        .map(|page| {
            if is_landscape(page) {
                turned(page)
            } else {
                page.clone()
            }
        })
        .collect();
    let info = typst::model::Document::info(&paged).clone();
    PagedDocument::new(pages, info)
}

/// Whether a group is a landscape page turned onto its sheet by [`bind_landscape`].
pub fn is_turn(group: &GroupItem) -> bool {
    let size = group.frame.size();
    size.x > size.y && group.transform == turn(size)
}

/// The quarter turn counter-clockwise that puts a page of `size` onto its portrait sheet.
fn turn(size: Size) -> Transform {
    Transform::translate(Abs::zero(), size.x).pre_concat(Transform::rotate(Angle::deg(-90.0)))
}

/// One landscape page on a portrait sheet: a point (x, y) of the page lands at
/// (y, width − x) of the sheet.
fn turned(page: &Page) -> Page {
    let size = page.frame.size();
    let mut sheet = Frame::hard(Size::new(size.y, size.x));
    let mut group = GroupItem::new(page.frame.clone());
    group.transform = turn(size);
    sheet.push(Point::zero(), FrameItem::Group(group));
    Page {
        frame: sheet,
        ..page.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn landscape() -> Size {
        Size::new(Abs::mm(297.0), Abs::mm(210.0))
    }

    fn close(a: Point, x_mm: f64, y_mm: f64) {
        assert!(
            (a.x.to_mm() - x_mm).abs() < 1e-6 && (a.y.to_mm() - y_mm).abs() < 1e-6,
            "({:.3}, {:.3}) ≠ ({x_mm}, {y_mm})",
            a.x.to_mm(),
            a.y.to_mm()
        );
    }

    #[test]
    fn the_top_edge_of_a_landscape_page_lies_along_the_sheet_s_left_edge() {
        let ts = turn(landscape());
        let at = |x: f64, y: f64| Point::new(Abs::mm(x), Abs::mm(y)).transform(ts);
        // Top-left and top-right corners: the sheet's bottom-left and top-left.
        close(at(0.0, 0.0), 0.0, 297.0);
        close(at(297.0, 0.0), 0.0, 0.0);
        // The bottom edge lies along the sheet's right edge, the left edge along its bottom.
        close(at(297.0, 210.0), 210.0, 0.0);
        close(at(100.0, 210.0), 210.0, 197.0);
        close(at(0.0, 50.0), 50.0, 297.0);
    }

    #[test]
    fn a_turned_page_is_a_portrait_sheet_and_is_recognised_as_turned() {
        let page = Page {
            frame: Frame::hard(landscape()),
            bleed: Default::default(),
            fill: typst::foundations::Smart::Auto,
            numbering: None,
            supplement: typst::foundations::Content::empty(),
            number: 1,
        };
        let sheet = turned(&page);
        assert_eq!(
            sheet.frame.size(),
            Size::new(Abs::mm(210.0), Abs::mm(297.0))
        );
        assert!(!is_landscape(&sheet));
        let [(_, FrameItem::Group(g))] = sheet.frame.items().as_slice() else {
            panic!("one group");
        };
        assert!(is_turn(g));
    }
}
