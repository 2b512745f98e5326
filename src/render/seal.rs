//! 印章图片: the offices' own seal images, read, checked and set on the places a sealed
//! signature leaves for them (GB/T 9704 §7.3.5.1). Never made up: without the office's file
//! the room stays empty for stamping by hand.

use crate::error::{Diagnostic, Error, Result, Severity};
use crate::fonts::FontSet;
use crate::model::{Document, SealFile, SealImageRef};
use std::path::{Path, PathBuf};

/// The largest seal image read (a seal is a few hundred KB at print resolution).
pub const MAX_SEAL_BYTES: u64 = 16 << 20;
/// The most pixels a PNG seal may have when decoded.
const MAX_SEAL_PIXELS: u64 = 40_000_000;
/// Below this share of red among its inked pixels a seal image is reported as not red.
const RED_SHARE: f64 = 0.6;

/// Sets the seal images on `doc`'s sealed signature: `given` (`--seal`, in the issuers' order)
/// or else the spec's `[signature] seals`, relative to `spec`'s folder. Warnings say what a
/// person should look at (an image that is not red).
pub fn attach(
    doc: &mut Document,
    spec: &Path,
    given: &[PathBuf],
    fonts: &FontSet,
) -> Result<Vec<Diagnostic>> {
    let paths: Vec<(PathBuf, String)> = if given.is_empty() {
        let base = spec.parent().unwrap_or(Path::new(""));
        doc.seal_sources
            .iter()
            .enumerate()
            .map(|(i, s)| (base.join(s), format!("signature.seals[{i}]")))
            .collect()
    } else {
        given
            .iter()
            .map(|p| (p.clone(), "--seal".to_owned()))
            .collect()
    };
    if paths.is_empty() {
        return Ok(Vec::new());
    }
    let places = seal_places(doc);
    if places < paths.len() {
        return Err(refusal(spec, &paths[0].1, &too_many(paths.len(), places)));
    }
    let mut warnings = Vec::new();
    let mut files = Vec::new();
    for (i, (path, field)) in paths.iter().enumerate() {
        let (file, warning) = cached(path, i + 1, fonts).map_err(|e| match e {
            Error::Import(m) => refusal(spec, field, &m),
            other => other,
        })?;
        warnings.extend(warning.map(|m| Diagnostic {
            severity: Severity::Warning,
            rule: "seal-colour",
            file: spec.to_owned(),
            field: field.clone(),
            message: m,
            ..Diagnostic::default()
        }));
        files.push(file);
    }
    set_images(doc, &files);
    doc.seal_files = files;
    Ok(warnings)
}

/// How many seals the document's sealed signatures have room for.
fn seal_places(doc: &Document) -> usize {
    doc.parts
        .iter()
        .filter_map(|p| p.signature.as_ref())
        .map(|s| s.seals.len())
        .sum()
}

fn too_many(images: usize, places: usize) -> String {
    if places == 0 {
        return "给了印章图片，但这份公文没有加盖印章的发文机关署名：[signature] 需要 issuer 或 issuers，且 sealed 不能为 false（印章不能脱离署名单独出现）".to_owned();
    }
    format!("给了 {images} 个印章图片，但只有 {places} 个发文机关署名；印章按 issuers 的顺序一一对应，不能多于署名")
}

fn refusal(spec: &Path, field: &str, message: &str) -> Error {
    Error::Spec(vec![Diagnostic {
        file: spec.to_owned(),
        field: field.to_owned(),
        message: message.to_owned(),
        ..Diagnostic::default()
    }])
}

/// Gives the seal places, in order, the images.
fn set_images(doc: &mut Document, files: &[SealFile]) {
    let mut images = files.iter();
    for sig in doc.parts.iter_mut().filter_map(|p| p.signature.as_mut()) {
        for (place, file) in sig.seals.iter_mut().zip(images.by_ref()) {
            place.image = Some(SealImageRef {
                file: file.name.clone(),
                aspect: file.aspect,
            });
        }
    }
}

/// Seal images read lately, by path, size and modification time: a preview re-laid-out at
/// every keystroke reads, decodes and draws its seals once.
type Cache = Vec<(
    (PathBuf, u64, std::time::SystemTime),
    (SealFile, Option<String>),
)>;

/// How many seal images the cache keeps.
const CACHED: usize = 16;

/// [`load`], from the cache when the file has not changed.
fn cached(path: &Path, n: usize, fonts: &FontSet) -> Result<(SealFile, Option<String>)> {
    static CACHE: std::sync::Mutex<Cache> = std::sync::Mutex::new(Vec::new());
    let key = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .and_then(|m| Some((path.to_owned(), m.len(), m.modified().ok()?)));
    let Some(key) = key else {
        return load(path, n, fonts);
    };
    let name = |file: &SealFile| {
        let ext = file.name.rsplit('.').next().unwrap_or("png");
        format!("seal-{n}.{ext}")
    };
    let hit = CACHE
        .lock()
        .ok()
        .and_then(|c| c.iter().find(|(k, _)| *k == key).map(|(_, v)| v.clone()));
    if let Some((mut file, warning)) = hit {
        file.name = name(&file);
        return Ok((file, warning));
    }
    let loaded = load(path, n, fonts)?;
    if let Ok(mut c) = CACHE.lock() {
        if c.len() >= CACHED {
            c.remove(0);
        }
        c.push((key, loaded.clone()));
    }
    Ok(loaded)
}

/// Reads one seal image (`n`-th, 1-based): PNG or SVG. The message of an `Error::Import` says
/// why the file cannot be a seal; the second value warns when it is not red.
pub fn load(path: &Path, n: usize, fonts: &FontSet) -> Result<(SealFile, Option<String>)> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let shown = path.display();
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(Error::Import(format!(
            "印章图片“{shown}”不是普通文件；请给出机关印章的图片文件"
        )));
    }
    let size = meta.len();
    if size > MAX_SEAL_BYTES {
        return Err(Error::Import(format!(
            "印章图片“{shown}”有 {:.1} MB，超过上限 {} MB",
            size as f64 / f64::from(1 << 20),
            MAX_SEAL_BYTES >> 20
        )));
    }
    // Read within the limit whatever the file claims (it may grow while read).
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(
        &mut std::io::Read::take(std::fs::File::open(path).map_err(io)?, MAX_SEAL_BYTES + 1),
        &mut bytes,
    )
    .map_err(io)?;
    if bytes.len() as u64 > MAX_SEAL_BYTES {
        return Err(Error::Import(format!(
            "印章图片“{shown}”超过上限 {} MB",
            MAX_SEAL_BYTES >> 20
        )));
    }
    let (ext, png, aspect) = if bytes.starts_with(b"\x89PNG") {
        let (w, h) = png_size(&bytes)
            .ok_or_else(|| Error::Import(format!("印章图片“{shown}”不是完整的 PNG 文件")))?;
        ("png", bytes.clone(), f64::from(h) / f64::from(w))
    } else if looks_like_svg(&bytes) {
        let tree = svg_tree(&bytes, fonts)
            .map_err(|e| Error::Import(format!("印章图片“{shown}”不是有效的 SVG：{e}")))?;
        let s = tree.size();
        let png = super::raster::svg_to_png(&tree)?;
        ("svg", png, f64::from(s.height() / s.width()))
    } else {
        return Err(Error::Import(format!(
            "印章图片“{shown}”既不是 PNG 也不是 SVG；请用机关自己的印章文件（透明底的 PNG 或 SVG）"
        )));
    };
    let pixels =
        decode_rgba(&png).map_err(|e| Error::Import(format!("印章图片“{shown}”无法解码：{e}")))?;
    let warning = colour_warning(&pixels).map(|m| format!("印章图片“{shown}”{m}"));
    Ok((
        SealFile {
            name: format!("seal-{n}.{ext}"),
            bytes,
            png,
            aspect,
        },
        warning,
    ))
}

/// Width and height from a PNG's header, if it has one and they are within bounds.
fn png_size(bytes: &[u8]) -> Option<(u32, u32)> {
    let header = bytes.get(16..24)?;
    let w = u32::from_be_bytes(header[..4].try_into().ok()?);
    let h = u32::from_be_bytes(header[4..].try_into().ok()?);
    (w > 0 && h > 0 && u64::from(w) * u64::from(h) <= MAX_SEAL_PIXELS).then_some((w, h))
}

fn looks_like_svg(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]).to_lowercase();
    head.contains("<svg")
}

/// The SVG parsed with the engine's fonts (a seal's ring of text drawn in them).
/// The fonts are loaded only for an SVG that has text (most seals' rings are paths).
fn svg_tree(bytes: &[u8], fonts: &FontSet) -> std::result::Result<resvg::usvg::Tree, String> {
    let mut db = resvg::usvg::fontdb::Database::new();
    let has_text = bytes.windows(5).any(|w| w.eq_ignore_ascii_case(b"<text"));
    for font in fonts.fonts.iter().filter(|_| has_text) {
        db.load_font_source(resvg::usvg::fontdb::Source::Binary(std::sync::Arc::new(
            font.data().clone(),
        )));
    }
    let options = resvg::usvg::Options {
        fontdb: std::sync::Arc::new(db),
        ..resvg::usvg::Options::default()
    };
    resvg::usvg::Tree::from_data(bytes, &options).map_err(|e| e.to_string())
}

fn decode_rgba(png: &[u8]) -> std::result::Result<image::RgbaImage, String> {
    image::load_from_memory_with_format(png, image::ImageFormat::Png)
        .map(|i| i.to_rgba8())
        .map_err(|e| e.to_string())
}

/// Why an image does not look like a red seal, if it does not: blank, or mostly not red.
fn colour_warning(pixels: &image::RgbaImage) -> Option<String> {
    let (mut ink, mut red) = (0u64, 0u64);
    for p in pixels.pixels() {
        let [r, g, b, a] = p.0;
        let (r, g, b) = (f64::from(r), f64::from(g), f64::from(b));
        if a < 128 || r.min(g).min(b) > 215.0 {
            continue;
        }
        ink += 1;
        if r >= 120.0 && r > 1.5 * g && r > 1.5 * b {
            red += 1;
        }
    }
    if ink == 0 {
        return Some("是空白的（没有可见的印迹）；请检查文件".to_owned());
    }
    let share = red as f64 / ink as f64;
    (share < RED_SHARE).then(|| {
        format!(
            "不是红色（有色像素中红色只占 {:.0}%）：公文印章应为红色，请确认用的是印章文件",
            share * 100.0
        )
    })
}
