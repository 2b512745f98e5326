//! One page's `Content.xml`: the frames typst laid out, walked in drawing order, as OFD
//! objects — text runs as `TextObject`s (every glyph placed, named by `CGTransform`, the real
//! characters in the `TextCode`), shapes as `PathObject`s, images as `ImageObject`s.

use super::fonts::Fonts;
use super::media::Media;
use super::path::{abbreviated, clip_path, clips, ClipPath, Placement};
use super::xml::{escape_into, num, num_into, MM_PER_PT};
use super::Ids;
use crate::error::Result;
use std::fmt::Write as _;
use typst::layout::{Abs, Frame, FrameItem, Point, Rect, Size, Transform};
use typst::text::TextItem;
use typst::visualize::{FillRule, FixedStroke, Geometry, Image, LineCap, LineJoin, Paint, Shape};
use typst_layout::Page;

/// What a page writes into: the package's IDs and shared resources.
pub struct Writer<'a> {
    /// The package's ID counter.
    pub ids: &'a mut Ids,
    /// Faces and their subsets.
    pub fonts: &'a mut Fonts,
    /// Images and drawing parameters.
    pub media: &'a mut Media,
    /// The 公文's elements and the objects drawn for them.
    pub tags: &'a mut super::tags::Recorder,
}

/// The body of a page's `<ofd:Layer>`: its objects in drawing order.
pub fn content(page: &Page, w: &mut Writer) -> Result<String> {
    let mut out = String::new();
    if let Some(fill) = page.fill_or_transparent() {
        let shape = Geometry::Rect(page.frame.size()).filled(fill);
        path(&mut out, w, Transform::identity(), &shape, &[]);
    }
    frame(&mut out, w, Transform::identity(), &page.frame, &[])?;
    Ok(out)
}

/// The items of a frame drawn with transform `ts` (frame pt → page pt) inside the clipping
/// paths `clip` (page space) of the groups around it.
fn frame(
    out: &mut String,
    w: &mut Writer,
    ts: Transform,
    frame: &Frame,
    clip: &[ClipPath],
) -> Result<()> {
    for (pos, item) in frame.items() {
        let at = ts.pre_concat(Transform::translate(pos.x, pos.y));
        match item {
            FrameItem::Group(group) => {
                let inner = at.pre_concat(group.transform);
                match &group.clip {
                    Some(curve) => {
                        let mut nested = clip.to_vec();
                        nested.push(clip_path(curve, inner));
                        self::frame(out, w, inner, &group.frame, &nested)?
                    }
                    None => self::frame(out, w, inner, &group.frame, clip)?,
                }
            }
            FrameItem::Text(text) => self::text(out, w, at, text, clip),
            FrameItem::Shape(shape, _) => path(out, w, at, shape, clip),
            FrameItem::Image(image, size, _) => self::image(out, w, at, image, *size, clip)?,
            FrameItem::Tag(tag) => w.tags.tag(tag),
            FrameItem::Link(..) => {}
        }
    }
    Ok(())
}

/// A colour as `<ofd:NAME Value="r g b"/>` (decimal sRGB), with its alpha when not opaque.
fn color(out: &mut String, name: &str, paint: &Paint) {
    let c = match paint {
        Paint::Solid(c) => c.clone(),
        // Gradients and tilings are not used by the templates; their first colour stands in.
        Paint::Gradient(g) => g
            .stops_ref()
            .first()
            .map_or(typst::visualize::Color::BLACK, |s| s.0.clone()),
        Paint::Tiling(_) => typst::visualize::Color::BLACK,
    };
    let (r, g, b, a) = c.to_rgb().into_components();
    let [r, g, b, a] = [r, g, b, a].map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    out.push_str(&format!(r#"<ofd:{name} Value="{r} {g} {b}""#));
    if a != 255 {
        out.push_str(&format!(r#" Alpha="{a}""#));
    }
    out.push_str("/>");
}

/// Stroke attributes: width, cap, join, miter limit, dashes (mm).
fn stroke_attributes(out: &mut String, stroke: &FixedStroke) {
    out.push_str(" LineWidth=\"");
    num_into(out, stroke.thickness.to_pt() * MM_PER_PT);
    out.push('"');
    match stroke.cap {
        LineCap::Butt => {}
        LineCap::Round => out.push_str(r#" Cap="Round""#),
        LineCap::Square => out.push_str(r#" Cap="Square""#),
    }
    match stroke.join {
        LineJoin::Miter => {}
        LineJoin::Round => out.push_str(r#" Join="Round""#),
        LineJoin::Bevel => out.push_str(r#" Join="Bevel""#),
    }
    out.push_str(" MiterLimit=\"");
    num_into(out, stroke.miter_limit.get());
    out.push('"');
    if let Some(dash) = &stroke.dash {
        if !dash.array.is_empty() {
            out.push_str(" DashPattern=\"");
            for (i, d) in dash.array.iter().enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                num_into(out, d.to_pt() * MM_PER_PT);
            }
            out.push_str("\" DashOffset=\"");
            num_into(out, dash.phase.to_pt() * MM_PER_PT);
            out.push('"');
        }
    }
}

/// A shape as a `PathObject`.
fn path(out: &mut String, w: &mut Writer, ts: Transform, shape: &Shape, clip: &[ClipPath]) {
    if shape.fill.is_none() && shape.stroke.is_none() {
        return;
    }
    let placement = Placement::new(ts, shape.bbox(true));
    let id = w.ids.fresh();
    w.tags.object(id);
    out.push_str(&format!(r#"<ofd:PathObject ID="{id}""#));
    placement.attributes(out);
    match &shape.stroke {
        Some(stroke) => stroke_attributes(out, stroke),
        None => out.push_str(r#" Stroke="false""#),
    }
    if shape.fill.is_some() {
        out.push_str(r#" Fill="true""#);
        if shape.fill_rule == FillRule::EvenOdd {
            out.push_str(r#" Rule="Even-Odd""#);
        }
    }
    out.push('>');
    clips(out, clip, &placement);
    if let Some(stroke) = &shape.stroke {
        color(out, "StrokeColor", &stroke.paint);
    }
    if let Some(fill) = &shape.fill {
        color(out, "FillColor", fill);
    }
    out.push_str("<ofd:AbbreviatedData>");
    out.push_str(&abbreviated(&shape.geometry, &placement));
    out.push_str("</ofd:AbbreviatedData></ofd:PathObject>");
}

/// An image as an `ImageObject`: the unit square mapped onto its box by the CTM.
fn image(
    out: &mut String,
    w: &mut Writer,
    ts: Transform,
    image: &Image,
    size: Size,
    clip: &[ClipPath],
) -> Result<()> {
    let resource = w.media.image(w.ids, image)?;
    let local = Rect::new(Point::zero(), Point::new(size.x, size.y));
    let placement = Placement::new(ts, local);
    let full = ts.pre_concat(Transform::scale(
        typst::layout::Ratio::new(size.x.to_pt()),
        typst::layout::Ratio::new(size.y.to_pt()),
    ));
    let [bx, by, ..] = placement.boundary;
    let ctm = [
        full.sx.get() * MM_PER_PT,
        full.ky.get() * MM_PER_PT,
        full.kx.get() * MM_PER_PT,
        full.sy.get() * MM_PER_PT,
        full.tx.to_pt() * MM_PER_PT - bx,
        full.ty.to_pt() * MM_PER_PT - by,
    ];
    let id = w.ids.fresh();
    w.tags.object(id);
    out.push_str(&format!(r#"<ofd:ImageObject ID="{id}" Boundary=""#));
    out.push_str(&super::xml::nums(&placement.boundary));
    out.push_str(&format!(
        r#"" CTM="{}" ResourceID="{resource}">"#,
        super::xml::nums(&ctm)
    ));
    // The clip is written in the image's own space (the unit square the CTM maps).
    let unit = Placement::with_ctm(placement.boundary, ctm);
    clips(out, clip, &unit);
    out.push_str("</ofd:ImageObject>");
    Ok(())
}

/// One cluster of a text run: the characters it stands for, its glyphs (subset ids), and
/// the pen position of its first glyph (item space, pt; y down).
struct Cluster {
    text: String,
    glyphs: Vec<u16>,
    x: f64,
    y: f64,
}

/// A text run as a `TextObject` with one `TextCode`.
fn text(out: &mut String, w: &mut Writer, ts: Transform, item: &TextItem, clip: &[ClipPath]) {
    let size = item.size;
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut range = None;
    let (mut x, mut y) = (Abs::zero(), Abs::zero());
    let (mut left, mut right) = (f64::MAX, f64::MIN);
    let (mut top, mut bottom) = (f64::MAX, f64::MIN);
    let (face, font_id) = w.fonts.face(w.ids, &item.font);
    for g in &item.glyphs {
        let gx = (x + g.x_offset.at(size)).to_pt();
        let gy = -(y + g.y_offset.at(size)).to_pt();
        let gid = w.fonts.glyph(face, g.id);
        left = left.min(gx);
        right = right.max(gx + g.x_advance.at(size).to_pt());
        top = top.min(gy);
        bottom = bottom.max(gy);
        let chars = item
            .text
            .get(g.range.start as usize..g.range.end as usize)
            .unwrap_or_default();
        match clusters.last_mut() {
            // Glyphs of one cluster share their range; a glyph standing for no character
            // (an inserted hyphen) joins the cluster before it.
            Some(c) if range == Some(g.range.clone()) || chars.is_empty() => c.glyphs.push(gid),
            _ => clusters.push(Cluster {
                text: chars.to_owned(),
                glyphs: vec![gid],
                x: gx,
                y: gy,
            }),
        }
        range = Some(g.range.clone());
        x += g.x_advance.at(size);
        y += g.y_advance.at(size);
    }
    // Glyphs before the first character (none in practice) go with the first character.
    if clusters.len() > 1 && clusters[0].text.is_empty() {
        let lead = clusters.remove(0);
        let first = &mut clusters[0];
        let mut glyphs = lead.glyphs;
        glyphs.append(&mut first.glyphs);
        first.glyphs = glyphs;
        first.x = lead.x;
        first.y = lead.y;
    }
    // White space at either end of a TextCode is lost by readers that trim element text (the
    // characters would no longer line up with their CGTransforms); its glyphs draw nothing.
    let blank = |c: &Cluster| {
        c.text
            .chars()
            .all(|ch| matches!(ch, ' ' | '\t' | '\n' | '\r'))
    };
    while clusters.last().is_some_and(blank) {
        clusters.pop();
    }
    let lead = clusters.iter().take_while(|c| blank(c)).count();
    clusters.drain(..lead);
    if clusters.first().is_none_or(|c| c.text.is_empty()) {
        return;
    }
    // The box: the pen positions widened by the face's largest glyph, and the stroke.
    let upem = item.font.units_per_em();
    let bbox = item.font.ttf().global_bounding_box();
    let scale = size.to_pt() / upem;
    let grow = item.stroke.as_ref().map_or(0.0, |s| s.thickness.to_pt());
    let local = Rect::new(
        Point::new(
            Abs::pt(left + (bbox.x_min as f64 * scale).min(0.0) - grow),
            Abs::pt(top - bbox.y_max as f64 * scale - grow),
        ),
        Point::new(
            Abs::pt(right.max(left + bbox.x_max as f64 * scale) + grow),
            Abs::pt(bottom - bbox.y_min as f64 * scale + grow),
        ),
    );
    let placement = Placement::new(ts, local);
    let id = w.ids.fresh();
    w.tags.object(id);
    out.push_str(&format!(r#"<ofd:TextObject ID="{id}""#));
    placement.attributes(out);
    out.push_str(&format!(r#" Font="{font_id}" Size=""#));
    num_into(out, size.to_pt() * MM_PER_PT);
    out.push('"');
    if let Some(stroke) = &item.stroke {
        let width = stroke.thickness.to_pt() * MM_PER_PT;
        let param = w.media.line_width(w.ids, width);
        out.push_str(&format!(
            r#" Stroke="true" DrawParam="{param}" LineWidth=""#
        ));
        num_into(out, width);
        out.push('"');
    }
    out.push('>');
    clips(out, clip, &placement);
    color(out, "FillColor", &item.fill);
    if let Some(stroke) = &item.stroke {
        color(out, "StrokeColor", &stroke.paint);
    }
    cg_transforms(out, &clusters);
    text_code(out, &clusters, &placement);
    out.push_str("</ofd:TextCode></ofd:TextObject>");
}

/// Every glyph named by a CGTransform (the subset has no cmap): a run of one-character,
/// one-glyph clusters shares one (N characters → N glyphs, in order); any other cluster (a
/// ligature, a decomposed character) gets its own.
fn cg_transforms(out: &mut String, clusters: &[Cluster]) {
    let mut position = 0;
    let mut i = 0;
    while i < clusters.len() {
        let simple = |c: &Cluster| c.glyphs.len() == 1 && c.text.chars().nth(1).is_none();
        let end = if simple(&clusters[i]) {
            i + clusters[i..].iter().take_while(|c| simple(c)).count()
        } else {
            i + 1
        };
        let run = &clusters[i..end];
        let count: usize = run.iter().map(|c| c.text.chars().count()).sum();
        let glyphs: usize = run.iter().map(|c| c.glyphs.len()).sum();
        out.push_str(&format!(r#"<ofd:CGTransform CodePosition="{position}""#));
        if count != 1 {
            out.push_str(&format!(r#" CodeCount="{count}""#));
        }
        if glyphs != 1 {
            out.push_str(&format!(r#" GlyphCount="{glyphs}""#));
        }
        out.push_str("><ofd:Glyphs>");
        for (k, g) in run.iter().flat_map(|c| &c.glyphs).enumerate() {
            if k > 0 {
                out.push(' ');
            }
            let _ = write!(out, "{g}");
        }
        out.push_str("</ofd:Glyphs></ofd:CGTransform>");
        position += count;
        i = end;
    }
}

/// The TextCode: each character's pen position in object space, rounded as written so that
/// the deltas add up to the exact positions, then the text (the closing tag is the caller's).
fn text_code(out: &mut String, clusters: &[Cluster], placement: &Placement) {
    let round = |v: f64| (v * 1000.0).round() / 1000.0;
    let mut points = Vec::new();
    for c in clusters {
        let (px, py) = placement.map(c.x, c.y);
        for _ in c.text.chars() {
            points.push((round(px), round(py)));
        }
    }
    let (x0, y0) = points[0];
    out.push_str(r#"<ofd:TextCode X=""#);
    num_into(out, x0);
    out.push_str(r#"" Y=""#);
    num_into(out, y0);
    out.push('"');
    if points.len() > 1 {
        out.push_str(r#" DeltaX=""#);
        for (i, pair) in points.windows(2).enumerate() {
            if i > 0 {
                out.push(' ');
            }
            out.push_str(&num(pair[1].0 - pair[0].0));
        }
        out.push('"');
        if points.iter().any(|p| p.1 != y0) {
            out.push_str(r#" DeltaY=""#);
            for (i, pair) in points.windows(2).enumerate() {
                if i > 0 {
                    out.push(' ');
                }
                out.push_str(&num(pair[1].1 - pair[0].1));
            }
            out.push('"');
        }
    }
    out.push('>');
    for c in clusters {
        escape_into(out, &c.text);
    }
}
