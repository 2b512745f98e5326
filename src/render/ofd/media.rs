//! Images and drawing parameters of an OFD package, listed in `DocumentRes.xml`: each image
//! once as a `MultiMedia` file, and the `DrawParam`s that carry a text stroke's width.

use super::xml::num;
use super::Ids;
use crate::error::{Error, Result};
use typst::visualize::{ExchangeFormat, Image, ImageKind, RasterFormat};

/// One image file of the package.
pub struct MediaFile {
    /// File name inside the resource folder.
    pub name: String,
    /// The encoded image.
    pub bytes: Vec<u8>,
}

/// The images and drawing parameters used so far.
#[derive(Default)]
pub struct Media {
    images: Vec<(Image, u64, &'static str, MediaFile)>,
    draw_params: Vec<(u64, f64)>,
}

impl Media {
    /// The resource ID of `image`, added on first use. Raster images keep their PNG or JPEG
    /// bytes; other raster formats and SVG are written as PNG. PDF images are refused.
    pub fn image(&mut self, ids: &mut Ids, image: &Image) -> Result<u64> {
        if let Some((_, id, ..)) = self.images.iter().find(|(i, ..)| i == image) {
            return Ok(*id);
        }
        let raster = match image.kind() {
            ImageKind::Raster(raster) => raster,
            // An SVG (a seal image) drawn as PNG at print resolution.
            ImageKind::Svg(svg) => {
                let png = crate::render::raster::svg_to_png(svg.tree())?;
                return Ok(self.add(ids, image, "PNG", png));
            }
            _ => {
                return Err(Error::Typeset(
                    "OFD 输出不支持 PDF 图片：请把模板中的图片换成 PNG、JPEG 或 SVG".to_owned(),
                ))
            }
        };
        let (format, bytes) = match raster.format() {
            RasterFormat::Exchange(ExchangeFormat::Png) => ("PNG", raster.data().to_vec()),
            RasterFormat::Exchange(ExchangeFormat::Jpg) => ("JPEG", raster.data().to_vec()),
            _ => {
                let mut png = Vec::new();
                raster
                    .dynamic()
                    .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
                    .map_err(|e| Error::Typeset(format!("OFD 图片转为 PNG 失败：{e}")))?;
                ("PNG", png)
            }
        };
        Ok(self.add(ids, image, format, bytes))
    }

    /// Adds an image file of `format` (PNG or JPEG): its resource ID.
    fn add(&mut self, ids: &mut Ids, image: &Image, format: &'static str, bytes: Vec<u8>) -> u64 {
        let id = ids.fresh();
        let ext = if format == "PNG" { "png" } else { "jpg" };
        let file = MediaFile {
            name: format!("image_{id}.{ext}"),
            bytes,
        };
        self.images.push((image.clone(), id, format, file));
        id
    }

    /// The resource ID of a drawing parameter with line width `width_mm` (text strokes: some
    /// readers take a text's stroke width only from its `DrawParam`).
    pub fn line_width(&mut self, ids: &mut Ids, width_mm: f64) -> u64 {
        let key = num(width_mm);
        if let Some((id, _)) = self.draw_params.iter().find(|(_, w)| num(*w) == key) {
            return *id;
        }
        let id = ids.fresh();
        self.draw_params.push((id, width_mm));
        id
    }

    /// The contents of `DocumentRes.xml` (inside `<ofd:Res>`) and the image files.
    pub fn finish(self) -> (String, Vec<MediaFile>) {
        let mut xml = String::new();
        if !self.draw_params.is_empty() {
            xml.push_str("<ofd:DrawParams>");
            for (id, w) in &self.draw_params {
                xml.push_str(&format!(
                    r#"<ofd:DrawParam ID="{id}" LineWidth="{}"/>"#,
                    num(*w)
                ));
            }
            xml.push_str("</ofd:DrawParams>");
        }
        let mut files = Vec::new();
        if !self.images.is_empty() {
            xml.push_str("<ofd:MultiMedias>");
            for (_, id, format, file) in self.images {
                xml.push_str(&format!(
                    r#"<ofd:MultiMedia ID="{id}" Type="Image" Format="{format}"><ofd:MediaFile>{}</ofd:MediaFile></ofd:MultiMedia>"#,
                    file.name
                ));
                files.push(file);
            }
            xml.push_str("</ofd:MultiMedias>");
        }
        (xml, files)
    }
}
