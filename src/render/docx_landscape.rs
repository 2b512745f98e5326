//! 横排表格页的页码 in the DOCX (GB/T 9704 §8): a landscape section's page number is printed
//! where every other page carries its own once the sheet is bound, not at the foot of the
//! landscape page.
//!
//! The printer turns a landscape page onto the portrait sheet with its top edge along the
//! sheet's left edge (as the PDF does, `src/render/binding.rs`). A landscape section therefore
//! gets footers of its own holding the label "— N —" in a text box turned 90° clockwise, placed
//! where the portrait footer's label lands on the sheet: along the sheet's foot, 7 mm below the
//! text block, one character in from the outer side (odd pages right, even pages left).

use crate::gbt9704 as g;

/// Relationship ids of the two landscape footers (odd pages, even pages).
pub const ODD_ID: &str = "rIdFooterL1";
/// See [`ODD_ID`].
pub const EVEN_ID: &str = "rIdFooterL2";
/// Part names of the two landscape footers.
pub const ODD_PART: &str = "word/footerL1.xml";
/// See [`ODD_PART`].
pub const EVEN_PART: &str = "word/footerL2.xml";

const EMU_PER_MM: f64 = 36_000.0;
/// Length of the text box along the sheet's foot: room for "— 9999 —".
const BOX_MM: f64 = 40.0;

fn emu(mm: f64) -> i64 {
    (mm * EMU_PER_MM).round() as i64
}

/// The box of a portrait sheet's page-number label in the turned landscape page's
/// coordinates: (left, top, width, height) in mm, a narrow upright box.
fn label_box(odd: bool) -> (f64, f64, f64, f64) {
    let line_mm = g::SMALL_SIZE_PT / g::PT_PER_MM;
    let inset = g::PAGE_NUMBER_INDENT_CHARS * line_mm;
    // On the sheet: the label's top edge, and where it ends (odd) or starts (even).
    let sheet_top =
        g::PAGE_HEIGHT_MM - g::MARGIN_BOTTOM_MM + crate::render::docx::page_number_box_below_mm();
    let along = if odd {
        g::PAGE_WIDTH_MM - g::MARGIN_RIGHT_MM - inset - BOX_MM / 2.0
    } else {
        g::MARGIN_LEFT_MM + inset + BOX_MM / 2.0
    };
    // The sheet's point (sx, sy) is the landscape page's (PAGE_HEIGHT − sy, sx): the label's
    // top edge lies at x = PAGE_HEIGHT − sheet_top, its glyphs' tops pointing right.
    let centre_x = g::PAGE_HEIGHT_MM - sheet_top - line_mm / 2.0;
    let centre_y = along;
    (
        centre_x - line_mm / 2.0,
        centre_y - BOX_MM / 2.0,
        line_mm,
        BOX_MM,
    )
}

/// A run of the label in 4号宋体, as the portrait footers set it.
fn run(inner: &str) -> String {
    let size = (g::SMALL_SIZE_PT * 2.0).round() as i64;
    // §7.5 4号半角宋体阿拉伯数字: the digits too in the 宋体 face.
    let song = crate::fonts::official(crate::model::FontRole::Song).0;
    format!(
        r#"<w:r><w:rPr><w:rFonts w:ascii="{song}" w:hAnsi="{song}" w:cs="{song}" w:eastAsia="{song}" w:hint="eastAsia" /><w:sz w:val="{size}" /><w:szCs w:val="{size}" /></w:rPr>{inner}</w:r>"#
    )
}

/// The footer part of a landscape section's odd or even pages.
pub fn footer_xml(odd: bool) -> String {
    let (left, top, w, h) = label_box(odd);
    let line = (g::SMALL_SIZE_PT * 20.0).round() as i64;
    let jc = if odd { "right" } else { "left" };
    let label = [
        run(r#"<w:t xml:space="preserve">— </w:t>"#),
        run(r#"<w:fldChar w:fldCharType="begin" />"#),
        run("<w:instrText>PAGE</w:instrText>"),
        run(r#"<w:fldChar w:fldCharType="separate" />"#),
        run("<w:t>1</w:t>"),
        run(r#"<w:fldChar w:fldCharType="end" />"#),
        run(r#"<w:t xml:space="preserve"> —</w:t>"#),
    ]
    .concat();
    let (x, y, cx, cy) = (emu(left), emu(top), emu(w), emu(h));
    let id = if odd { 9001 } else { 9002 };
    format!(
        concat!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
            r#"<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" "#,
            r#"xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" "#,
            r#"xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" "#,
            r#"xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" "#,
            r#"xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" "#,
            r#"xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" "#,
            r#"mc:Ignorable="wps">"#,
            r#"<w:p><w:pPr><w:snapToGrid w:val="false" /><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact" /></w:pPr>"#,
            r#"<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>"#,
            r#"<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="251659264" behindDoc="0" locked="1" layoutInCell="1" allowOverlap="1">"#,
            r#"<wp:simplePos x="0" y="0" />"#,
            r#"<wp:positionH relativeFrom="page"><wp:posOffset>{x}</wp:posOffset></wp:positionH>"#,
            r#"<wp:positionV relativeFrom="page"><wp:posOffset>{y}</wp:posOffset></wp:positionV>"#,
            r#"<wp:extent cx="{cx}" cy="{cy}" /><wp:effectExtent l="0" t="0" r="0" b="0" />"#,
            r#"<wp:wrapNone /><wp:docPr id="{id}" name="页码" /><wp:cNvGraphicFramePr />"#,
            r#"<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">"#,
            r#"<wps:wsp><wps:cNvSpPr txBox="1" /><wps:spPr>"#,
            r#"<a:xfrm><a:off x="0" y="0" /><a:ext cx="{cx}" cy="{cy}" /></a:xfrm>"#,
            r#"<a:prstGeom prst="rect"><a:avLst /></a:prstGeom><a:noFill /><a:ln><a:noFill /></a:ln></wps:spPr>"#,
            r#"<wps:txbx><w:txbxContent><w:p><w:pPr><w:snapToGrid w:val="false" />"#,
            r#"<w:spacing w:before="0" w:after="0" w:line="{line}" w:lineRule="exact" /><w:jc w:val="{jc}" /></w:pPr>"#,
            "{label}</w:p></w:txbxContent></wps:txbx>",
            r#"<wps:bodyPr rot="0" vert="vert" wrap="none" lIns="0" tIns="0" rIns="0" bIns="0" anchor="ctr"><a:noAutofit /></wps:bodyPr>"#,
            r#"</wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice></mc:AlternateContent></w:r></w:p></w:ftr>"#,
        ),
        x = x,
        y = y,
        cx = cx,
        cy = cy,
        id = id,
        line = line,
        jc = jc,
        label = label,
    )
}

/// Points every landscape section of `document` at the turned footers; whether there was one.
pub fn retarget(document: &str) -> (String, bool) {
    let mut out = String::with_capacity(document.len());
    let mut rest = document;
    let mut any = false;
    while let Some(i) = rest.find("<w:sectPr") {
        let end = rest[i..]
            .find("</w:sectPr>")
            .map_or(rest.len(), |e| i + e + "</w:sectPr>".len());
        out.push_str(&rest[..i]);
        let sect = &rest[i..end];
        if sect.contains(r#"w:orient="landscape""#) {
            any = true;
            out.push_str(
                &sect
                    .replace(r#"r:id="rIdFooter1""#, &format!(r#"r:id="{ODD_ID}""#))
                    .replace(r#"r:id="rIdFooter2""#, &format!(r#"r:id="{EVEN_ID}""#)),
            );
        } else {
            out.push_str(sect);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    (out, any)
}

/// The relationships and content types of the two footers, added to theirs.
pub fn register(document_rels: &[u8], content_types: &[u8]) -> (Vec<u8>, Vec<u8>) {
    const FOOTER_REL: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer";
    const FOOTER_TYPE: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    let mut rels = String::from_utf8_lossy(document_rels).into_owned();
    let mut types = String::from_utf8_lossy(content_types).into_owned();
    for (id, part) in [(ODD_ID, ODD_PART), (EVEN_ID, EVEN_PART)] {
        let target = part.trim_start_matches("word/");
        if let Some(at) = rels.rfind("</Relationships>") {
            rels.insert_str(
                at,
                &format!(r#"<Relationship Id="{id}" Type="{FOOTER_REL}" Target="{target}" />"#),
            );
        }
        if let Some(at) = types.rfind("</Types>") {
            types.insert_str(
                at,
                &format!(r#"<Override PartName="/{part}" ContentType="{FOOTER_TYPE}" />"#),
            );
        }
    }
    (rels.into_bytes(), types.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_label_lies_along_the_sheet_s_foot_one_character_in() {
        // Odd: the box ends where the portrait label ends on the sheet (x of the sheet = y here).
        let (left, top, w, h) = label_box(true);
        let line = g::SMALL_SIZE_PT / g::PT_PER_MM;
        let end_on_sheet = top + h;
        assert!((end_on_sheet - (g::PAGE_WIDTH_MM - g::MARGIN_RIGHT_MM - line)).abs() < 0.01);
        // The box spans x = 28 − line … 28 mm from the landscape page's left edge.
        let sheet_top = g::PAGE_HEIGHT_MM - g::MARGIN_BOTTOM_MM
            + crate::render::docx::page_number_box_below_mm();
        assert!((left + w - (g::PAGE_HEIGHT_MM - sheet_top)).abs() < 0.01);
        assert!((w - line).abs() < 0.01);
        let (_, top_even, _, _) = label_box(false);
        assert!((top_even - (g::MARGIN_LEFT_MM + line)).abs() < 0.01);
    }

    #[test]
    fn only_landscape_sections_are_retargeted() {
        let doc = concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" /><w:pgSz w:w="11906" w:h="16838" /></w:sectPr>"#,
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" /><w:footerReference w:type="even" r:id="rIdFooter2" /><w:pgSz w:w="16838" w:h="11906" w:orient="landscape" /></w:sectPr>"#,
        );
        let (out, any) = retarget(doc);
        assert!(any);
        assert_eq!(out.matches("rIdFooterL1").count(), 1, "{out}");
        assert_eq!(out.matches("rIdFooterL2").count(), 1, "{out}");
        assert!(out
            .starts_with(r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" />"#));
    }
}
