//! PDF reader: glyphs with their Unicode, position, size and fill colour, read with
//! hayro-interpret (already in typst's dependency tree), grouped into lines by baseline.

use super::grid::Rule;
use super::layout::{lines, ruled_rows, G};
use super::lines::Line;
use super::xml::is_red;
use hayro_interpret::font::{FontData, FontQuery, Glyph};
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::hayro_syntax::{LoadPdfError, Pdf};
use hayro_interpret::{
    interpret_page, BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask,
};
use kurbo::{Affine, BezPath, PathEl, Point, Rect, Shape, Vec2};
use std::sync::Arc;

/// Collects the glyphs and images of one page.
#[derive(Default)]
struct Collector {
    flip: Affine,
    glyphs: Vec<G>,
    rules: Vec<Rule>,
    images: usize,
    /// Glyphs drawn that say no character (no ToUnicode, a glyph name no table knows).
    unmapped: usize,
    /// Glyphs drawn invisible (text render mode 3: an OCR layer over a scan's image).
    invisible: usize,
}

impl Collector {
    /// Keeps the straight lines of a stroked path and thin filled bars (table rules).
    fn keep_rules(&mut self, path: &BezPath, transform: Affine, mode: &PathDrawMode) {
        let m = self.flip * transform;
        let pt = |p: Point| {
            let q = m * p;
            (q.x, q.y)
        };
        match mode {
            PathDrawMode::Stroke(_) => {
                let mut last = None;
                let mut start = None;
                for el in path.elements() {
                    match *el {
                        PathEl::MoveTo(p) => {
                            last = Some(p);
                            start = Some(p);
                        }
                        PathEl::LineTo(p) => {
                            if let Some(a) = last {
                                self.rules.push(Rule { a: pt(a), b: pt(p) });
                            }
                            last = Some(p);
                        }
                        PathEl::ClosePath => {
                            if let Some((a, b)) = last.zip(start) {
                                self.rules.push(Rule { a: pt(a), b: pt(b) });
                            }
                            last = start;
                        }
                        PathEl::QuadTo(_, p) | PathEl::CurveTo(_, _, p) => last = Some(p),
                    }
                }
            }
            PathDrawMode::Fill(_) => {
                let b = (m * path.clone()).bounding_box();
                if b.width() < 2.0 && b.height() > 3.0 {
                    let x = (b.x0 + b.x1) / 2.0;
                    self.rules.push(Rule {
                        a: (x, b.y0),
                        b: (x, b.y1),
                    });
                } else if b.height() < 2.0 && b.width() > 3.0 {
                    let y = (b.y0 + b.y1) / 2.0;
                    self.rules.push(Rule {
                        a: (b.x0, y),
                        b: (b.x1, y),
                    });
                }
            }
        }
    }
}

impl<'a> Device<'a> for Collector {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, path: &BezPath, transform: Affine, _: &Paint<'a>, mode: &PathDrawMode) {
        self.keep_rules(path, transform, mode);
    }
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn draw_glyph(
        &mut self,
        glyph: &Glyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        paint: &Paint<'a>,
        mode: &GlyphDrawMode,
    ) {
        if matches!(mode, GlyphDrawMode::Invisible) {
            self.invisible += 1;
        }
        let Some(text) = glyph.as_unicode().map(|u| match u {
            BfString::Char(c) => c.to_string(),
            BfString::String(s) => s,
        }) else {
            self.unmapped += 1;
            return;
        };
        let m = self.flip * transform * glyph_transform;
        let origin = m * Point::ORIGIN;
        let along: Vec2 = m * Point::new(1000.0, 0.0) - origin;
        let up: Vec2 = m * Point::new(0.0, 1000.0) - origin;
        let size = up.length();
        if size < 1.0 || along.length() < 0.1 {
            return;
        }
        let u = along.normalize();
        let dir = (u.x.round() as i8, u.y.round() as i8);
        let down = Vec2::new(-u.y, u.x);
        let advance = match glyph {
            Glyph::Outline(o) => o.advance_width().map(f64::from),
            Glyph::Type3(_) => None,
        }
        .map_or(size, |a| (m * Point::new(a, 0.0) - origin).length());
        let red = match paint {
            Paint::Color(c) => {
                let [r, g, b, _] = c.to_rgba().to_rgba8();
                is_red(r, g, b)
            }
            Paint::Pattern(_) => false,
        };
        let p = origin.to_vec2();
        let (x, y) = (p.dot(u), p.dot(down));
        // Bold emulated by fill + stroke draws a glyph twice.
        if self
            .glyphs
            .last()
            .is_some_and(|l| l.text == text && (l.x - x).abs() < 0.01 && (l.y - y).abs() < 0.01)
        {
            return;
        }
        self.glyphs.push(G {
            text,
            x,
            y,
            size,
            advance,
            red,
            dir,
            object: 0,
        });
    }
    fn draw_image(&mut self, _: Image<'a, '_>, _: Affine) {
        self.images += 1;
    }
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}
}

/// How pages are read: the predefined CMaps (UniGB-UCS2-H, GBK-EUC-H, Adobe-GB1-UCS2 …) are
/// built in, and a font the PDF names without embedding it (STSong-Light, SimSun, Helvetica, as
/// OA systems write them) is stood in for by a bundled face of its kind. Only a glyph's place,
/// width (from the PDF's own widths) and Unicode are read, never its outline.
fn settings() -> InterpreterSettings {
    let face =
        |file: &str| -> FontData { Arc::new(crate::fonts::bundled(file).unwrap_or_default()) };
    let song = face("FandolSong-Regular.otf");
    let latin = face("LiberationSerif-Regular.ttf");
    InterpreterSettings {
        font_resolver: Arc::new(move |query| match query {
            FontQuery::Standard(_) => Some((latin.clone(), 0)),
            FontQuery::Fallback(_) => Some((song.clone(), 0)),
        }),
        ..InterpreterSettings::default()
    }
}

/// Most a size may stand above the next smaller one and still be the same size in an OCR
/// layer, whose engine sizes each line by its box (taller with digits or a quotation mark).
const OCR_SIZE_STEP: f64 = 1.06;

/// An OCR layer's sizes made one where they run on a few per cent apart from line to line:
/// each run of sizes with no step of more than [`OCR_SIZE_STEP`] between neighbours takes its
/// median (16 pt give or take 10 %: the body; 22 pt: the title), so that lines of one
/// paragraph are not parted by their size.
fn snap_sizes(glyphs: &mut [&mut G]) {
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let mut runs: Vec<(f64, f64, f64)> = Vec::new();
    let mut start = 0;
    for i in 1..=sizes.len() {
        if i == sizes.len() || sizes[i] > sizes[i - 1] * OCR_SIZE_STEP {
            let run = &sizes[start..i];
            runs.push((run[0], run[run.len() - 1], run[run.len() / 2]));
            start = i;
        }
    }
    for g in glyphs.iter_mut() {
        if let Some(&(_, _, median)) = runs
            .iter()
            .find(|(lo, hi, _)| (*lo..=*hi).contains(&g.size))
        {
            g.size = median;
        }
    }
}

/// Reads the text lines of a PDF.
pub fn read(bytes: &[u8]) -> Result<Vec<Line>, String> {
    let pdf = Pdf::new(bytes.to_vec()).map_err(|e| match e {
        LoadPdfError::Decryption(_) => {
            "PDF 已加密（设有打开密码），请先取消密码后再导入".to_owned()
        }
        LoadPdfError::Invalid => "文件已损坏：不是有效的 PDF".to_owned(),
    })?;
    let settings = settings();
    let cache = InterpreterCache::new();
    let mut pages = Vec::new();
    let mut images = 0;
    if pdf.pages().len() > super::MAX_PAGES {
        return Err(format!(
            "PDF 有 {} 页，超过导入上限 {} 页",
            pdf.pages().len(),
            super::MAX_PAGES
        ));
    }
    let mut glyphs = 0;
    let mut unmapped = 0;
    let mut invisible = 0;
    let mut drawn = Vec::new();
    for page in pdf.pages().iter() {
        let mb = page.media_box();
        let mut ctx = Context::new(
            Affine::IDENTITY,
            Rect::new(0.0, 0.0, 1.0, 1.0),
            &cache,
            pdf.xref(),
            settings.clone(),
        );
        let mut c = Collector {
            flip: Affine::translate((-mb.x0, mb.y1)) * Affine::scale_non_uniform(1.0, -1.0),
            ..Collector::default()
        };
        interpret_page(page, &mut ctx, &mut c);
        images += c.images;
        unmapped += c.unmapped;
        invisible += c.invisible;
        glyphs += c.glyphs.len();
        if glyphs > super::MAX_GLYPHS {
            return Err(format!(
                "PDF 的文字超过导入上限 {} 个字符（可能是恶意构造的文件）",
                super::MAX_GLYPHS
            ));
        }
        drawn.push((c.glyphs, c.rules));
    }
    // An OCR layer (most text invisible over the pages' images) sizes each line by its box.
    if images > 0 && invisible * 10 >= glyphs * 8 {
        let mut all: Vec<&mut G> = drawn.iter_mut().flat_map(|(g, _)| g.iter_mut()).collect();
        snap_sizes(&mut all);
    }
    for (glyphs, rules) in drawn {
        pages.push(ruled_rows(glyphs, &rules));
    }
    // Most text drawn without saying its characters (a 「打印成 PDF」 through PostScript, whose
    // fonts lost their character maps): what little reads would import as a wrong document.
    if unmapped > glyphs {
        return Err(format!(
            "PDF 中的文字没有字符映射（{unmapped} 个字形无法对应到文字，常见于经虚拟打印机“打印成 PDF”的文件），无法提取；请向来文单位索取 Word/WPS、OFD 原件或可复制文字的 PDF"
        ));
    }
    if pages.iter().all(Vec::is_empty) {
        return Err(if images > 0 {
            "PDF 中只有图像、没有文字层（扫描件），请先进行文字识别（OCR）后再导入".to_owned()
        } else {
            "PDF 中没有可提取的文字".to_owned()
        });
    }
    Ok(lines(&pages))
}
