//! SVG drawn as PNG, for the formats that take only raster images (DOCX, OFD).

use crate::error::{Error, Result};

/// Pixels along the longer side of an SVG drawn as PNG: 600 dpi over 50 mm, a seal's size.
pub const SVG_RASTER_PX: u32 = 1200;

/// Draws `tree` as a PNG `SVG_RASTER_PX` pixels along its longer side, transparency kept.
pub fn svg_to_png(tree: &resvg::usvg::Tree) -> Result<Vec<u8>> {
    let size = tree.size();
    let scale = SVG_RASTER_PX as f32 / size.width().max(size.height());
    let w = ((size.width() * scale).round() as u32).max(1);
    let h = ((size.height() * scale).round() as u32).max(1);
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h)
        .ok_or_else(|| Error::Typeset(format!("SVG 图片尺寸无效（{w}×{h}）")))?;
    resvg::render(
        tree,
        resvg::tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| Error::Typeset(format!("SVG 图片转为 PNG 失败：{e}")))
}
