//! The OFD writer (GB/T 33190-2016, 版式文档): the same typst layout the PDF is written from,
//! walked frame by frame into an OFD package — the format of the 公文传输系统 and of archives
//! (GB/T 33476 builds the electronic 公文 on it).
//!
//! Package layout: `OFD.xml` → `Doc_0/Document.xml` → `PublicRes.xml` (fonts),
//! `DocumentRes.xml` (drawing parameters, images), `Res/` (font subsets, images),
//! `Pages/Page_N/Content.xml`. Every length is in millimetres with y downwards.

mod fonts;
mod media;
pub mod meta;
mod package;
mod page;
mod path;
pub mod tags;
pub mod xml;

use crate::error::Result;
use crate::model::Document;
use typst_layout::PagedDocument;
use xml::{nums, DECLARATION, MM_PER_PT, NAMESPACE};

/// The package's ID counter: every ID (`ST_ID`) is unique in the document and given in the
/// order the writer meets things, so the same layout gets the same IDs.
#[derive(Debug, Default)]
pub struct Ids {
    last: u64,
}

impl Ids {
    /// The next unused ID.
    pub fn fresh(&mut self) -> u64 {
        self.last += 1;
        self.last
    }
}

/// The folder of the one document in the package.
const DOC: &str = "Doc_0";

/// Writes a laid-out document as OFD bytes; the metadata come from `doc`.
pub fn write(paged: &PagedDocument, doc: &Document) -> Result<Vec<u8>> {
    let mut ids = Ids::default();
    let mut fonts = fonts::Fonts::default();
    let mut media = media::Media::default();
    let mut tags = tags::Recorder::default();
    let mut pages = Vec::with_capacity(paged.pages().len());
    for p in paged.pages() {
        let page_id = ids.fresh();
        let layer_id = ids.fresh();
        tags.page(page_id);
        let mut w = page::Writer {
            ids: &mut ids,
            fonts: &mut fonts,
            media: &mut media,
            tags: &mut tags,
        };
        let body = page::content(p, &mut w)?;
        let size = p.frame.size();
        pages.push((page_id, layer_id, size.x.to_pt(), size.y.to_pt(), body));
    }
    let (font_xml, font_files) = fonts.finish()?;
    let (media_xml, media_files) = media.finish();
    let res = |body: &str| {
        format!(r#"{DECLARATION}<ofd:Res xmlns:ofd="{NAMESPACE}" BaseLoc="Res">{body}</ofd:Res>"#)
    };
    // The document's default page: the first page's size (landscape pages carry their own).
    let first = pages.first().map_or((595.276, 841.89), |p| (p.2, p.3));
    let area = |w: f64, h: f64| {
        format!(
            "<ofd:PhysicalBox>{}</ofd:PhysicalBox>",
            nums(&[0.0, 0.0, w * MM_PER_PT, h * MM_PER_PT])
        )
    };
    let mut parts: Vec<(String, Vec<u8>)> = Vec::with_capacity(pages.len() + 8);
    let mut page_list = String::new();
    let mut page_parts = Vec::with_capacity(pages.len());
    for (i, (page_id, layer_id, w, h, body)) in pages.into_iter().enumerate() {
        let loc = format!("Pages/Page_{i}/Content.xml");
        page_list.push_str(&format!(r#"<ofd:Page ID="{page_id}" BaseLoc="{loc}"/>"#));
        let own_area = if (w, h) != first {
            format!("<ofd:Area>{}</ofd:Area>", area(w, h))
        } else {
            String::new()
        };
        let content = format!(
            r#"{DECLARATION}<ofd:Page xmlns:ofd="{NAMESPACE}">{own_area}<ofd:Content><ofd:Layer ID="{layer_id}">{body}</ofd:Layer></ofd:Content></ofd:Page>"#
        );
        page_parts.push((format!("{DOC}/{loc}"), content.into_bytes()));
    }
    // The 公文's elements tagged (自定义标引), after the pages as the schema orders it.
    let mut tag_parts = Vec::new();
    let custom_tags = if tags.is_empty() {
        String::new()
    } else {
        tag_parts.push((
            format!("{DOC}/{}", tags::LIST),
            tags::tag_list().into_bytes(),
        ));
        tag_parts.push((
            format!("{DOC}/Tags/{}", tags::FILE),
            tags.tag_file(&doc.meta.kind).into_bytes(),
        ));
        format!("<ofd:CustomTags>{}</ofd:CustomTags>", tags::LIST)
    };
    let document = format!(
        r#"{DECLARATION}<ofd:Document xmlns:ofd="{NAMESPACE}"><ofd:CommonData><ofd:MaxUnitID>{}</ofd:MaxUnitID><ofd:PageArea>{}</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:DocumentRes>DocumentRes.xml</ofd:DocumentRes></ofd:CommonData><ofd:Pages>{page_list}</ofd:Pages>{custom_tags}</ofd:Document>"#,
        ids.last,
        area(first.0, first.1),
    );
    parts.push((
        "OFD.xml".to_owned(),
        meta::ofd_xml(doc, &format!("{DOC}/Document.xml")).into_bytes(),
    ));
    parts.push((format!("{DOC}/Document.xml"), document.into_bytes()));
    parts.push((format!("{DOC}/PublicRes.xml"), res(&font_xml).into_bytes()));
    parts.push((
        format!("{DOC}/DocumentRes.xml"),
        res(&media_xml).into_bytes(),
    ));
    parts.extend(page_parts);
    parts.extend(tag_parts);
    for f in font_files {
        parts.push((format!("{DOC}/Res/{}", f.name), f.bytes));
    }
    for f in media_files {
        parts.push((format!("{DOC}/Res/{}", f.name), f.bytes));
    }
    package::zip(&parts)
}
