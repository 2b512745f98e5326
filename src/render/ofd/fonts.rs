//! The fonts of an OFD package: every face the layout used, embedded as a subset (the
//! `subsetter` typst-pdf uses) with its glyphs renumbered, listed in `PublicRes.xml`.
//!
//! A subset has no `cmap`, so every glyph is named by a `CGTransform` in the page content.

use super::xml::escape;
use super::Ids;
use crate::error::{Error, Result};
use subsetter::GlyphRemapper;
use typst::text::FontInstance;

/// One embedded face.
struct Face {
    /// Its `ID` in the resources.
    id: u64,
    /// The face as typst loaded it (its first instance met).
    font: FontInstance,
    /// Original glyph ids → ids in the subset.
    remapper: GlyphRemapper,
}

/// The faces used so far, in the order the pages first use them.
#[derive(Default)]
pub struct Fonts {
    faces: Vec<Face>,
}

/// An embedded subset: where it goes in the package and its bytes.
pub struct FontFile {
    /// File name inside the resource folder.
    pub name: String,
    /// The subset.
    pub bytes: Vec<u8>,
}

impl Fonts {
    /// The face of `font` (added on first use): its index here and its resource ID.
    pub fn face(&mut self, ids: &mut Ids, font: &FontInstance) -> (usize, u64) {
        if let Some(i) = self.faces.iter().position(|f| f.font.font() == font.font()) {
            return (i, self.faces[i].id);
        }
        let id = ids.fresh();
        self.faces.push(Face {
            id,
            font: font.clone(),
            remapper: GlyphRemapper::new(),
        });
        (self.faces.len() - 1, id)
    }

    /// The id in face `face`'s subset of glyph `glyph` of the original face.
    pub fn glyph(&mut self, face: usize, glyph: u16) -> u16 {
        self.faces[face].remapper.remap(glyph)
    }

    /// The `<ofd:Fonts>` element and the subsets it names (files under `Res/`).
    pub fn finish(self) -> Result<(String, Vec<FontFile>)> {
        if self.faces.is_empty() {
            return Ok((String::new(), Vec::new()));
        }
        let mut xml = String::from("<ofd:Fonts>");
        let mut files = Vec::with_capacity(self.faces.len());
        for face in &self.faces {
            let font = face.font.font();
            let info = font.info();
            let bytes = subset(font, &face.remapper).map_err(|e| {
                Error::Typeset(format!("OFD 字体子集化失败（{}）：{e}", info.family))
            })?;
            let cff = face.font.ttf().tables().cff.is_some();
            let name = format!("font_{}.{}", face.id, if cff { "otf" } else { "ttf" });
            let family = escape(&info.family);
            let full = font
                .post_script_name()
                .map(|n| escape(&n))
                .unwrap_or_else(|| family.clone());
            let bold = info.variant.weight.to_number() >= 600;
            xml.push_str(&format!(
                r#"<ofd:Font ID="{}" FontName="{full}" FamilyName="{family}"{}><ofd:FontFile>{name}</ofd:FontFile></ofd:Font>"#,
                face.id,
                if bold { r#" Bold="true""# } else { "" },
            ));
            files.push(FontFile { name, bytes });
        }
        xml.push_str("</ofd:Fonts>");
        Ok((xml, files))
    }
}

/// The subset of `font` with the glyphs of `remapper`, memoized like typst-pdf's own subsets:
/// the same glyphs of the same face (a document rendered again, each numbered copy, a preview
/// downloaded) are subset once while typst's cache keeps them.
#[comemo::memoize]
fn subset(font: &typst::text::Font, remapper: &GlyphRemapper) -> Result<Vec<u8>, String> {
    subsetter::subset(font.data(), font.index(), remapper).map_err(|e| e.to_string())
}
