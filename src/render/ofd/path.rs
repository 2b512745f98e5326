//! Geometry in OFD terms: where an object's own coordinates land on the page (its `Boundary`
//! and `CTM`), and typst's shapes as `AbbreviatedData` (`M`, `L`, `B` cubic, `C` close).

use super::xml::{num_into, MM_PER_PT};
use typst::layout::{Point, Rect, Size, Transform};
use typst::visualize::{CurveItem, Geometry};

/// Smallest width or height of a `Boundary` (mm): strict readers reject an empty box, which a
/// horizontal rule without a stroke would otherwise get.
const MIN_EXTENT_MM: f64 = 0.05;

/// An object's place on the page: its `Boundary` (mm, page space), the `CTM` that maps its
/// own coordinates into that box when the layout rotates, scales or skews it, and how a point
/// of the typst item (pt, item space) is written in the object's coordinates (mm).
#[derive(Debug, Clone, Copy)]
pub struct Placement {
    /// `x y width height` in mm.
    pub boundary: [f64; 4],
    /// `a b c d e f`, only when the item's transform is more than a translation.
    pub ctm: Option<[f64; 6]>,
    /// Added to `point × MM_PER_PT` to give object coordinates when there is no CTM.
    offset: (f64, f64),
}

impl Placement {
    /// The placement of an item drawn with transform `ts` (item pt → page pt) whose own
    /// extent is `local` (item space, pt).
    pub fn new(ts: Transform, local: Rect) -> Self {
        let corners = [
            Point::new(local.min.x, local.min.y),
            Point::new(local.max.x, local.min.y),
            Point::new(local.min.x, local.max.y),
            Point::new(local.max.x, local.max.y),
        ];
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for c in corners {
            let p = c.transform(ts);
            x0 = x0.min(p.x.to_pt());
            y0 = y0.min(p.y.to_pt());
            x1 = x1.max(p.x.to_pt());
            y1 = y1.max(p.y.to_pt());
        }
        let (mut bx, mut by) = (x0 * MM_PER_PT, y0 * MM_PER_PT);
        let (mut bw, mut bh) = ((x1 - x0) * MM_PER_PT, (y1 - y0) * MM_PER_PT);
        if bw < MIN_EXTENT_MM {
            bx -= (MIN_EXTENT_MM - bw) / 2.0;
            bw = MIN_EXTENT_MM;
        }
        if bh < MIN_EXTENT_MM {
            by -= (MIN_EXTENT_MM - bh) / 2.0;
            bh = MIN_EXTENT_MM;
        }
        // Round the box as it is written, so object coordinates are relative to those bytes.
        let r = |v: f64| (v * 1000.0).round() / 1000.0;
        let boundary = [r(bx), r(by), r(bw), r(bh)];
        let tx = ts.tx.to_pt() * MM_PER_PT - boundary[0];
        let ty = ts.ty.to_pt() * MM_PER_PT - boundary[1];
        let linear = [ts.sx.get(), ts.ky.get(), ts.kx.get(), ts.sy.get()];
        if linear == [1.0, 0.0, 0.0, 1.0] {
            Self {
                boundary,
                ctm: None,
                offset: (tx, ty),
            }
        } else {
            Self {
                boundary,
                ctm: Some([linear[0], linear[1], linear[2], linear[3], tx, ty]),
                offset: (0.0, 0.0),
            }
        }
    }

    /// A placement with a given box and CTM (an image: the unit square mapped by the CTM).
    pub fn with_ctm(boundary: [f64; 4], ctm: [f64; 6]) -> Self {
        Self {
            boundary,
            ctm: Some(ctm),
            offset: (0.0, 0.0),
        }
    }

    /// A point of the item (pt) in the object's coordinates (mm).
    pub fn map(&self, x_pt: f64, y_pt: f64) -> (f64, f64) {
        (
            x_pt * MM_PER_PT + self.offset.0,
            y_pt * MM_PER_PT + self.offset.1,
        )
    }

    /// A point of the page (pt) in the object's coordinates (mm): the inverse of the CTM.
    pub fn page_to_object(&self, x_pt: f64, y_pt: f64) -> (f64, f64) {
        let (bx, by) = (
            x_pt * MM_PER_PT - self.boundary[0],
            y_pt * MM_PER_PT - self.boundary[1],
        );
        match self.ctm {
            None => (bx, by),
            Some([a, b, c, d, e, f]) => {
                let det = a * d - b * c;
                if det.abs() < 1e-12 {
                    return (0.0, 0.0);
                }
                let (x, y) = (bx - e, by - f);
                ((d * x - c * y) / det, (a * y - b * x) / det)
            }
        }
    }

    /// `Boundary="…"` and, if any, `CTM="…"` (with a leading space).
    pub fn attributes(&self, out: &mut String) {
        out.push_str(" Boundary=\"");
        push_list(out, &self.boundary);
        out.push('"');
        if let Some(ctm) = &self.ctm {
            out.push_str(" CTM=\"");
            push_list(out, ctm);
            out.push('"');
        }
    }
}

/// Numbers separated by spaces.
fn push_list(out: &mut String, values: &[f64]) {
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        num_into(out, *v);
    }
}

/// A clipping path in page space (pt): operators and their points, as `AbbreviatedData` has them.
pub type ClipPath = Vec<(&'static str, Vec<(f64, f64)>)>;

/// A group's clip curve (group space) in page space.
pub fn clip_path(curve: &typst::visualize::Curve, ts: Transform) -> ClipPath {
    let at = |p: &Point| {
        let q = p.transform(ts);
        (q.x.to_pt(), q.y.to_pt())
    };
    curve
        .0
        .iter()
        .map(|item| match item {
            CurveItem::Move(p) => ("M", vec![at(p)]),
            CurveItem::Line(p) => ("L", vec![at(p)]),
            CurveItem::Cubic(a, b, c) => ("B", vec![at(a), at(b), at(c)]),
            CurveItem::Close => ("C", vec![]),
        })
        .collect()
}

/// `<ofd:Clips>` for an object drawn inside clipped groups (every clip applies: their
/// intersection), each clip's path written in the object's coordinates.
pub fn clips(out: &mut String, clips: &[ClipPath], placement: &Placement) {
    if clips.is_empty() {
        return;
    }
    out.push_str("<ofd:Clips>");
    for clip in clips {
        let points: Vec<(f64, f64)> = clip
            .iter()
            .flat_map(|(_, ps)| ps.iter().map(|&(x, y)| placement.page_to_object(x, y)))
            .collect();
        let x0 = points.iter().map(|p| p.0).fold(f64::MAX, f64::min);
        let y0 = points.iter().map(|p| p.1).fold(f64::MAX, f64::min);
        let x1 = points.iter().map(|p| p.0).fold(f64::MIN, f64::max);
        let y1 = points.iter().map(|p| p.1).fold(f64::MIN, f64::max);
        if points.is_empty() {
            continue;
        }
        let r = |v: f64| (v * 1000.0).round() / 1000.0;
        let (x0, y0) = (r(x0), r(y0));
        out.push_str("<ofd:Clip><ofd:Area><ofd:Path Boundary=\"");
        push_list(
            out,
            &[
                x0,
                y0,
                (x1 - x0).max(MIN_EXTENT_MM),
                (y1 - y0).max(MIN_EXTENT_MM),
            ],
        );
        out.push_str("\"><ofd:AbbreviatedData>");
        let mut first = true;
        for (op, ps) in clip {
            if !first {
                out.push(' ');
            }
            first = false;
            out.push_str(op);
            for &(x, y) in ps {
                let (ox, oy) = placement.page_to_object(x, y);
                out.push(' ');
                num_into(out, ox - x0);
                out.push(' ');
                num_into(out, oy - y0);
            }
        }
        out.push_str("</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip>");
    }
    out.push_str("</ofd:Clips>");
}

/// A geometry as `AbbreviatedData`, its points written in the object's coordinates.
pub fn abbreviated(geometry: &Geometry, placement: &Placement) -> String {
    let mut out = String::new();
    let mut op = |out: &mut String, op: &str, points: &[Point]| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(op);
        for p in points {
            let (x, y) = placement.map(p.x.to_pt(), p.y.to_pt());
            out.push(' ');
            num_into(out, x);
            out.push(' ');
            num_into(out, y);
        }
    };
    match geometry {
        Geometry::Line(to) => {
            op(&mut out, "M", &[Point::zero()]);
            op(&mut out, "L", &[*to]);
        }
        Geometry::Rect(size) => rect(&mut out, *size, &mut op),
        Geometry::Curve(curve) => {
            for item in &curve.0 {
                match item {
                    CurveItem::Move(p) => op(&mut out, "M", &[*p]),
                    CurveItem::Line(p) => op(&mut out, "L", &[*p]),
                    // OFD's `B` is the cubic Bézier (SVG's `C`); its `C` closes the path.
                    CurveItem::Cubic(a, b, c) => op(&mut out, "B", &[*a, *b, *c]),
                    CurveItem::Close => op(&mut out, "C", &[]),
                }
            }
        }
    }
    out
}

/// A rectangle from the origin: four corners and a close.
fn rect(out: &mut String, size: Size, op: &mut impl FnMut(&mut String, &str, &[Point])) {
    let (w, h) = (size.x, size.y);
    let z = typst::layout::Abs::zero();
    op(out, "M", &[Point::new(z, z)]);
    op(out, "L", &[Point::new(w, z)]);
    op(out, "L", &[Point::new(w, h)]);
    op(out, "L", &[Point::new(z, h)]);
    op(out, "C", &[]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use typst::layout::Abs;

    fn pt(v: f64) -> Abs {
        Abs::pt(v)
    }

    #[test]
    fn a_horizontal_rule_gets_a_boundary_with_height() {
        let ts = Transform::translate(pt(72.0), pt(72.0));
        let local = Rect::new(Point::zero(), Point::new(pt(72.0), Abs::zero()));
        let p = Placement::new(ts, local);
        assert_eq!(p.boundary, [25.4 - 0.0, 25.4 - 0.025, 25.4, 0.05]);
        assert!(p.ctm.is_none());
        let line = Geometry::Line(Point::new(pt(72.0), Abs::zero()));
        assert_eq!(abbreviated(&line, &p), "M 0 0.025 L 25.4 0.025");
    }

    #[test]
    fn a_cubic_is_b_and_a_close_is_c() {
        let mut curve = typst::visualize::Curve::new();
        curve.move_(Point::zero());
        curve.cubic(
            Point::new(pt(72.0), Abs::zero()),
            Point::new(pt(72.0), pt(72.0)),
            Point::new(Abs::zero(), pt(72.0)),
        );
        curve.close();
        let local = Rect::new(Point::zero(), Point::new(pt(72.0), pt(72.0)));
        let p = Placement::new(Transform::identity(), local);
        assert_eq!(
            abbreviated(&Geometry::Curve(curve), &p),
            "M 0 0 B 25.4 0 25.4 25.4 0 25.4 C"
        );
    }

    #[test]
    fn a_rotated_item_keeps_its_coordinates_and_gets_a_ctm() {
        let ts = Transform::translate(pt(72.0), Abs::zero())
            .pre_concat(Transform::rotate(typst::layout::Angle::deg(90.0)));
        let local = Rect::new(Point::zero(), Point::new(pt(72.0), pt(36.0)));
        let p = Placement::new(ts, local);
        // 90° turns the 25.4 × 12.7 mm box into 12.7 × 25.4 mm left of x = 25.4 mm.
        assert_eq!(p.boundary, [12.7, 0.0, 12.7, 25.4]);
        let [a, b, c, d, e, f] = p.ctm.unwrap();
        assert!(a.abs() < 1e-9 && (b - 1.0).abs() < 1e-9 && (c + 1.0).abs() < 1e-9);
        assert!(d.abs() < 1e-9 && (e - 12.7).abs() < 1e-9 && f.abs() < 1e-9);
        assert_eq!(p.map(72.0, 0.0), (25.4, 0.0));
        let (x, y) = p.page_to_object(0.0, 72.0);
        assert!(
            (x - 25.4).abs() < 1e-9 && (y - 25.4).abs() < 1e-9,
            "{x} {y}"
        );
    }

    #[test]
    fn a_clip_is_written_in_the_object_s_coordinates() {
        let ts = Transform::translate(pt(72.0), pt(72.0));
        let local = Rect::new(Point::zero(), Point::new(pt(72.0), pt(72.0)));
        let p = Placement::new(ts, local);
        let clip = clip_path(
            &typst::visualize::Curve::rect(Size::new(pt(36.0), pt(36.0))),
            ts,
        );
        let mut out = String::new();
        clips(&mut out, &[clip], &p);
        assert_eq!(
            out,
            "<ofd:Clips><ofd:Clip><ofd:Area><ofd:Path Boundary=\"0 0 12.7 12.7\"><ofd:AbbreviatedData>M 0 0 L 12.7 0 L 12.7 12.7 L 0 12.7 C</ofd:AbbreviatedData></ofd:Path></ofd:Area></ofd:Clip></ofd:Clips>"
        );
    }
}
