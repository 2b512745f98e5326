//! Positions of what typst laid out, in millimetres from the page's top-left corner.
//!
//! Tests and `gongwen` itself use this to check the layout against GB/T 9704 numbers.

use crate::gbt9704::PT_PER_MM;
use typst::layout::{Abs, Frame, FrameItem, Transform};
use typst::visualize::Geometry;
use typst_layout::PagedDocument;

/// A run of text as laid out.
#[derive(Debug, Clone)]
pub struct TextRun {
    /// 1-based page number.
    pub page: usize,
    /// Left edge (mm).
    pub x: f64,
    /// Baseline (mm from the page top).
    pub baseline: f64,
    /// Advance width (mm).
    pub width: f64,
    /// Font size (pt).
    pub size_pt: f64,
    /// The text.
    pub text: String,
    /// The face's family.
    pub family: String,
    /// Fill colour as #rrggbb.
    pub fill: String,
    /// Direction of the run in degrees, clockwise from left-to-right (a landscape page's
    /// turned page number: 90).
    pub angle: f64,
    /// Where the last glyph's own advance ends (mm): the run's right edge without the
    /// justification space or tracking set after its last glyph.
    pub glyphs_right: f64,
}

/// Top of the em box: 0.88 em above the baseline, the template's `top-edge` (mm).
fn em_top(baseline: f64, size_pt: f64) -> f64 {
    baseline - 0.88 * size_pt / PT_PER_MM
}

/// Bottom of the em box: 0.12 em below the baseline, the template's `bottom-edge` (mm).
fn em_bottom(baseline: f64, size_pt: f64) -> f64 {
    baseline + 0.12 * size_pt / PT_PER_MM
}

impl TextRun {
    /// Top of the em box (mm).
    pub fn top(&self) -> f64 {
        em_top(self.baseline, self.size_pt)
    }
    /// Bottom of the em box (mm).
    pub fn bottom(&self) -> f64 {
        em_bottom(self.baseline, self.size_pt)
    }
    /// Right edge (mm).
    pub fn right(&self) -> f64 {
        self.x + self.width
    }
}

/// The advances of a text item's glyphs as set, but the last one's as the font has it.
/// (A space at a line's end, set with no advance, is not its last glyph.)
fn glyphs_width(t: &typst::text::TextItem) -> Abs {
    let set = t
        .glyphs
        .iter()
        .rposition(|g| g.x_advance.get() != 0.0)
        .map_or(&t.glyphs[..0], |i| &t.glyphs[..=i]);
    let Some((last, before)) = set.split_last() else {
        return Abs::zero();
    };
    let set: typst::layout::Em = before.iter().map(|g| g.x_advance).sum();
    // Drawn at its offset (the space typst sets before a character after a Latin run).
    let own = t.font.x_advance(last.id).unwrap_or(last.x_advance) + last.x_offset;
    (set + own).at(t.size)
}

/// A straight horizontal or vertical stroke (rules, the red line, table borders).
#[derive(Debug, Clone)]
pub struct Rule {
    /// 1-based page number.
    pub page: usize,
    /// Start x (mm).
    pub x: f64,
    /// Start y (mm).
    pub y: f64,
    /// Horizontal length (mm).
    pub dx: f64,
    /// Vertical length (mm).
    pub dy: f64,
    /// Stroke thickness (mm).
    pub thickness: f64,
    /// Stroke colour as #rrggbb.
    pub color: String,
}

/// One visual line of text: runs sharing a baseline.
#[derive(Debug, Clone)]
pub struct Line {
    /// 1-based page number.
    pub page: usize,
    /// Baseline (mm).
    pub baseline: f64,
    /// Left edge (mm).
    pub x0: f64,
    /// Right edge (mm).
    pub x1: f64,
    /// The text of the runs, left to right.
    pub text: String,
    /// The largest size on the line (pt).
    pub size_pt: f64,
}

impl Line {
    /// Top of the em box of its largest text (mm).
    pub fn top(&self) -> f64 {
        em_top(self.baseline, self.size_pt)
    }
    /// Bottom of the em box (mm).
    pub fn bottom(&self) -> f64 {
        em_bottom(self.baseline, self.size_pt)
    }
}

/// Everything measured on a document.
///
/// A landscape page turned onto a portrait sheet ([`crate::render::binding`]) is measured as
/// it was laid out, in the landscape page's own coordinates; `turned` says which pages are.
#[derive(Debug, Clone, Default)]
pub struct Measured {
    /// Page sizes (width, height) in mm, as laid out.
    pub pages: Vec<(f64, f64)>,
    /// Whether each page is a landscape page turned onto a portrait sheet.
    pub turned: Vec<bool>,
    /// All text runs.
    pub texts: Vec<TextRun>,
    /// All straight strokes.
    pub rules: Vec<Rule>,
}

fn mm(abs: Abs) -> f64 {
    abs.to_mm()
}

/// The direction a transform turns text to, in degrees clockwise (0 for upright text).
fn angle(ts: Transform) -> f64 {
    let degrees = ts.ky.get().atan2(ts.sx.get()).to_degrees();
    if degrees.abs() < 1e-6 {
        0.0
    } else {
        degrees
    }
}

impl Measured {
    /// Measures a laid-out document.
    pub fn of(paged: &PagedDocument) -> Self {
        let mut m = Measured::default();
        for (i, page) in paged.pages().iter().enumerate() {
            m.page(i + 1, &page.frame);
        }
        m
    }

    /// Only the first page (the cheap check a render makes on every document).
    pub fn of_first_page(paged: &PagedDocument) -> Self {
        let mut m = Measured::default();
        if let Some(page) = paged.pages().first() {
            m.page(1, &page.frame);
        }
        m
    }

    /// One page; a turned landscape page is measured in its own coordinates.
    fn page(&mut self, page: usize, frame: &Frame) {
        let turned = match frame.items().as_slice() {
            [(_, FrameItem::Group(g))] if crate::render::binding::is_turn(g) => Some(&g.frame),
            _ => None,
        };
        let frame = turned.unwrap_or(frame);
        let size = frame.size();
        self.pages.push((mm(size.x), mm(size.y)));
        self.turned.push(turned.is_some());
        self.walk(page, frame, Transform::identity());
    }

    fn walk(&mut self, page: usize, frame: &Frame, ts: Transform) {
        for (pos, item) in frame.items() {
            let at = pos.transform(ts);
            match item {
                FrameItem::Group(g) => {
                    let inner = ts
                        .pre_concat(Transform::translate(pos.x, pos.y))
                        .pre_concat(g.transform);
                    self.walk(page, &g.frame, inner);
                }
                FrameItem::Text(t) => self.texts.push(TextRun {
                    page,
                    x: mm(at.x),
                    baseline: mm(at.y),
                    width: mm(t.width()),
                    size_pt: t.size.to_pt(),
                    text: t.text.to_string(),
                    family: t.font.font().info().family.clone(),
                    fill: t.fill.unwrap_solid().to_hex().to_string(),
                    angle: angle(ts),
                    glyphs_right: mm(at.x + glyphs_width(t)),
                }),
                FrameItem::Shape(shape, _) => {
                    let Some(stroke) = &shape.stroke else {
                        continue;
                    };
                    let extent = match &shape.geometry {
                        Geometry::Line(p) => *p,
                        Geometry::Rect(s) => s.to_point(),
                        Geometry::Curve(_) => continue,
                    };
                    // The extent turns with the group, without its translation.
                    let linear = Transform {
                        tx: Abs::zero(),
                        ty: Abs::zero(),
                        ..ts
                    };
                    let d = extent.transform(linear);
                    self.rules.push(Rule {
                        page,
                        x: mm(at.x),
                        y: mm(at.y),
                        dx: mm(d.x),
                        dy: mm(d.y),
                        thickness: mm(stroke.thickness),
                        color: stroke.paint.unwrap_solid().to_hex().to_string(),
                    });
                }
                _ => {}
            }
        }
    }

    /// Text lines of a page, top to bottom, runs within 0.3 mm of a baseline joined.
    pub fn lines(&self, page: usize) -> Vec<Line> {
        let mut runs: Vec<&TextRun> = self
            .texts
            .iter()
            .filter(|t| t.page == page && t.angle == 0.0)
            .collect();
        runs.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.x.total_cmp(&b.x)));
        let mut lines: Vec<Line> = Vec::new();
        for r in runs {
            match lines.last_mut() {
                Some(l) if (l.baseline - r.baseline).abs() < 0.3 => {
                    l.x0 = l.x0.min(r.x);
                    l.x1 = l.x1.max(r.right());
                    l.text.push_str(&r.text);
                    l.size_pt = l.size_pt.max(r.size_pt);
                }
                _ => lines.push(Line {
                    page,
                    baseline: r.baseline,
                    x0: r.x,
                    x1: r.right(),
                    text: r.text.clone(),
                    size_pt: r.size_pt,
                }),
            }
        }
        for l in &mut lines {
            let mut runs: Vec<&TextRun> = self
                .texts
                .iter()
                .filter(|t| {
                    t.page == page && t.angle == 0.0 && (t.baseline - l.baseline).abs() < 0.3
                })
                .collect();
            runs.sort_by(|a, b| a.x.total_cmp(&b.x));
            l.text = runs.iter().map(|r| r.text.as_str()).collect();
        }
        lines
    }

    /// The first line (on any page) whose text contains `needle`.
    pub fn find_line(&self, needle: &str) -> Option<Line> {
        (1..=self.pages.len())
            .find_map(|p| self.lines(p).into_iter().find(|l| l.text.contains(needle)))
    }

    /// The first run whose text contains `needle`.
    pub fn find(&self, needle: &str) -> Option<&TextRun> {
        self.texts.iter().find(|t| t.text.contains(needle))
    }
}
