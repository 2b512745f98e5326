//! Finishing docx-rs's XML parts and packing them: schema order, what docx-rs cannot write,
//! fixed timestamps. The one place where DOCX XML is touched after docx-rs built it.

use super::{docx_landscape, docx_order};
use crate::gbt9704 as g;
use crate::model::Meta;

/// Packs the parts into a DOCX after normalizing them; same input, same bytes.
/// `first_page_numbered`: false in the 信函格式, whose page 1 carries no number;
/// `colophon_numbered`: the 版记's own section starts on a numbered page (right after the text).
pub fn pack(
    xml: docx_rs::XMLDocx,
    meta: &Meta,
    first_page_numbered: bool,
    colophon_numbered: bool,
) -> zip::result::ZipResult<Vec<u8>> {
    let document = finish_document(
        &String::from_utf8_lossy(&xml.document),
        first_page_numbered,
        colophon_numbered,
    );
    let (document, landscape) = docx_landscape::retarget(&document);
    let document = docx_order::normalize(document.as_bytes());
    let mut content_types = docx_order::register_theme_content_type(&xml.content_type);
    let mut document_rels = docx_order::register_theme_relationship(&xml.document_rels);
    if landscape {
        (document_rels, content_types) = docx_landscape::register(&document_rels, &content_types);
    }
    let mut parts: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), content_types),
        ("_rels/.rels".into(), xml.rels),
        ("docProps/app.xml".into(), xml.doc_props.app),
        (
            "docProps/core.xml".into(),
            core_properties(meta).into_bytes(),
        ),
        ("docProps/custom.xml".into(), xml.doc_props.custom),
        ("word/_rels/document.xml.rels".into(), document_rels),
        (
            docx_order::THEME_PART_NAME.into(),
            docx_order::THEME_XML.as_bytes().to_vec(),
        ),
        ("word/document.xml".into(), document),
        (
            "word/styles.xml".into(),
            docx_order::normalize(finish_styles(&String::from_utf8_lossy(&xml.styles)).as_bytes()),
        ),
        (
            "word/settings.xml".into(),
            docx_order::normalize(&xml.settings),
        ),
        ("word/fontTable.xml".into(), xml.font_table),
        ("word/comments.xml".into(), xml.comments),
        (
            "word/numbering.xml".into(),
            docx_order::normalize(&xml.numberings),
        ),
        ("word/commentsExtended.xml".into(), xml.comments_extended),
        (
            "word/footnotes.xml".into(),
            docx_order::normalize(&xml.footnotes),
        ),
    ];
    for (i, (f, rels)) in xml
        .footers
        .iter()
        .zip(
            xml.footer_rels
                .iter()
                .map(Some)
                .chain(std::iter::repeat(None)),
        )
        .enumerate()
    {
        parts.push((
            format!("word/footer{}.xml", i + 1),
            docx_order::normalize(f),
        ));
        if let Some(r) = rels {
            parts.push((format!("word/_rels/footer{}.xml.rels", i + 1), r.clone()));
        }
    }
    if landscape {
        for (part, odd) in [
            (docx_landscape::ODD_PART, true),
            (docx_landscape::EVEN_PART, false),
        ] {
            parts.push((part.into(), docx_landscape::footer_xml(odd).into_bytes()));
        }
    }
    for (i, h) in xml.headers.iter().enumerate() {
        parts.push((
            format!("word/header{}.xml", i + 1),
            docx_order::normalize(h),
        ));
        if let Some(r) = xml.header_rels.get(i) {
            parts.push((format!("word/_rels/header{}.xml.rels", i + 1), r.clone()));
        }
    }
    for (id, png) in xml.media {
        parts.push((format!("word/media/{id}.png"), png));
    }
    crate::package::zip(&parts, |_| true)
}

/// Core properties with the document's own title, author and date (never the clock).
fn core_properties(meta: &Meta) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let date = format!("{}T00:00:00Z", meta.date);
    let words: Vec<&str> = meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    let keywords = if words.is_empty() {
        String::new()
    } else {
        format!("<cp:keywords>{}</cp:keywords>", esc(&words.join("; ")))
    };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{}</dc:title><dc:creator>{}</dc:creator>{keywords}<cp:lastModifiedBy>gongwen</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}</dcterms:modified><cp:revision>1</cp:revision></cp:coreProperties>"#,
        esc(&meta.title),
        esc(&meta.author)
    )
}

/// Paragraph defaults docx-rs has no API for:
/// - no widow or orphan control (`widowControl` off): a page holds its 22 lines and a
///   paragraph may leave one line at a page's foot or head, as the PDF does (the grid of
///   §5.2.2 is kept full); LibreOffice and Word otherwise keep two lines together and break
///   pages elsewhere than the PDF;
/// - punctuation never hangs past the right edge (`overflowPunct` off), so Word breaks lines as
///   the PDF does (a closing mark takes the previous character to the next line instead of
///   sticking out). LibreOffice (7.4 and 25.2) reads this element the other way round (its
///   writerfilter sets hanging punctuation when the value is 0), so it hangs the mark; Word
///   and WPS, the editors offices use, are followed.
pub fn finish_styles(xml: &str) -> String {
    const DEFAULTS: &str = r#"<w:widowControl w:val="0" /><w:overflowPunct w:val="0" />"#;
    let with_defaults = ["<w:pPrDefault><w:pPr></w:pPr>", "<w:pPrDefault><w:pPr />"]
        .iter()
        .find(|empty| xml.contains(*empty))
        .map(|empty| {
            xml.replacen(
                empty,
                &format!("<w:pPrDefault><w:pPr>{DEFAULTS}</w:pPr>"),
                1,
            )
        })
        .unwrap_or_else(|| {
            xml.replacen(
                "<w:pPrDefault><w:pPr>",
                &format!("<w:pPrDefault><w:pPr>{DEFAULTS}"),
                1,
            )
        });
    solid_doc_number(&with_defaults)
}

/// The 发文字号 style keeps its digits solid with the Chinese (`autoSpaceDE`/`autoSpaceDN`
/// off), as the PDF does.
fn solid_doc_number(xml: &str) -> String {
    const OFF: &str = r#"<w:autoSpaceDE w:val="0" /><w:autoSpaceDN w:val="0" />"#;
    let anchor = format!(r#"w:styleId="{}""#, super::docx::DOC_NUMBER_STYLE);
    let Some(start) = xml.find(&anchor) else {
        return xml.to_owned();
    };
    let end = xml[start..]
        .find("</w:style>")
        .map_or(xml.len(), |e| start + e);
    let style = &xml[start..end];
    let patched = if let Some(i) = style.find("<w:pPr>") {
        let at = i + "<w:pPr>".len();
        format!("{}{OFF}{}", &style[..at], &style[at..])
    } else if let Some(i) = style.find("<w:pPr />") {
        format!(
            "{}<w:pPr>{OFF}</w:pPr>{}",
            &style[..i],
            &style[i + "<w:pPr />".len()..]
        )
    } else {
        format!("{style}<w:pPr>{OFF}</w:pPr>")
    };
    format!("{}{patched}{}", &xml[..start], &xml[end..])
}

/// Stands in for a telephone number's hyphen in a run's text until [`no_break_hyphens`] makes
/// it Word's non-breaking hyphen (U+2011, which the body faces may not draw).
const KEPT_HYPHEN: char = '\u{2011}';

/// `text` with each telephone number's hyphen (0574-87186532) marked to be kept on its line.
pub fn phone_hyphens_kept(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    (0..chars.len())
        .map(|i| {
            if crate::compose::text::is_phone_hyphen(&chars, i) {
                KEPT_HYPHEN
            } else {
                chars[i]
            }
        })
        .collect()
}

/// Each marked hyphen as `w:noBreakHyphen` between the run's texts: Word, WPS and LibreOffice
/// draw a hyphen there and never break the line after it.
fn no_break_hyphens(xml: &str) -> String {
    xml.replace(
        KEPT_HYPHEN,
        r#"</w:t><w:noBreakHyphen /><w:t xml:space="preserve">"#,
    )
}

/// The document-part fixes, in order.
pub fn finish_document(xml: &str, first_page_numbered: bool, colophon_numbered: bool) -> String {
    let xml = no_break_hyphens(xml);
    let xml = seal_anchors(&xml);
    let xml = repeat_header_rows(&xml);
    let xml = char_indents(&xml);
    let xml = share_footers(&xml, !colophon_numbered);
    if first_page_numbered {
        xml
    } else if colophon_numbered {
        last_section_numbered(&first_page_unnumbered(&xml))
    } else {
        first_page_unnumbered(&xml)
    }
}

/// The final section (a 信函's 版记 page right after its text) without the empty first-page
/// footer that [`first_page_unnumbered`] gave its first section: its first page numbered.
fn last_section_numbered(xml: &str) -> String {
    let Some(last) = xml.rfind("<w:sectPr") else {
        return xml.to_owned();
    };
    let (head, tail) = xml.split_at(last);
    let mut tail = tail.replacen("<w:titlePg />", "", 1);
    if let Some(i) = tail.find(r#"<w:footerReference w:type="first""#) {
        if let Some(end) = tail[i..].find("/>") {
            tail.replace_range(i..i + end + 2, "");
        }
    }
    format!("{head}{tail}")
}

/// The floating pictures of the document part (the seals): behind the text, so that the
/// black names show through the red (黑字透红), free to overlap one another's frames; each with
/// its own drawing id and a name; and offsets that docx-rs writes unsigned (a seal reaches above
/// its line) given back their sign.
pub fn seal_anchors(xml: &str) -> String {
    let mut out = String::with_capacity(xml.len());
    let mut n = 0;
    let mut rest = xml;
    while let Some(start) = rest.find("<wp:anchor ") {
        let Some(len) = rest[start..].find("</wp:anchor>") else {
            break;
        };
        let end = start + len;
        n += 1;
        out.push_str(&rest[..start]);
        let anchor = rest[start..end]
            .replacen("behindDoc=\"0\"", "behindDoc=\"1\"", 1)
            .replacen("allowOverlap=\"0\"", "allowOverlap=\"1\"", 1)
            .replacen(
                "<wp:docPr id=\"1\" name=\"Figure\"",
                &format!("<wp:docPr id=\"{}\" name=\"印章 {n}\"", 1000 + n),
                1,
            );
        out.push_str(&signed_offsets(&anchor));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// `<wp:posOffset>` values past `i32::MAX` (a negative offset written as `u32`) as the
/// negative numbers they are.
fn signed_offsets(xml: &str) -> String {
    const TAG: &str = "<wp:posOffset>";
    let mut out = String::with_capacity(xml.len());
    let mut rest = xml;
    while let Some(i) = rest.find(TAG) {
        let from = i + TAG.len();
        let len = rest[from..].find('<').unwrap_or(0);
        out.push_str(&rest[..from]);
        let text = &rest[from..from + len];
        match text.parse::<u32>() {
            Ok(v) => out.push_str(&(v as i32).to_string()),
            Err(_) => out.push_str(text),
        }
        rest = &rest[from + len..];
    }
    out.push_str(rest);
    out
}

/// The 信函格式's page 1 without a number when the 版记 has a section of its own: the final
/// section's empty first-page footer, given to the first section too, with `titlePg` (schema
/// order is restored afterwards). With one section nothing changes: it has both already.
fn first_page_unnumbered(xml: &str) -> String {
    let (Some(first), Some(last)) = (xml.find("<w:sectPr"), xml.rfind("<w:sectPr")) else {
        return xml.to_owned();
    };
    let tail = &xml[last..];
    let reference = tail
        .find(r#"<w:footerReference w:type="first""#)
        .and_then(|i| {
            let end = tail[i..].find("/>")? + i + 2;
            Some(&tail[i..end])
        });
    let Some(reference) = reference.filter(|_| first != last) else {
        return xml.to_owned();
    };
    let open_end = xml[first..].find('>').map_or(xml.len(), |e| first + e + 1);
    format!(
        "{}{reference}<w:titlePg />{}",
        &xml[..open_end],
        &xml[open_end..]
    )
}

/// The first row of every table whose rows the writer marked `cantSplit` (annex tables: no
/// row breaks across pages) repeats on every page as the table's head (docx-rs has no
/// `tblHeader`), and the second with it where the first merges down into it (a head of two
/// rows).
pub fn repeat_header_rows(xml: &str) -> String {
    const TABLE: &str = "<w:tbl>";
    let head = |row: &str| {
        row.replacen("<w:cantSplit />", "<w:cantSplit /><w:tblHeader />", 1)
            .replacen("<w:cantSplit/>", "<w:cantSplit/><w:tblHeader/>", 1)
    };
    let mut out = String::with_capacity(xml.len() + 64);
    let mut rest = xml;
    while let Some(i) = rest.find(TABLE) {
        let (start, tail) = rest.split_at(i + TABLE.len());
        out.push_str(start);
        let row_end = tail.find("</w:tr>").unwrap_or(tail.len());
        let first = &tail[..row_end];
        out.push_str(&head(first));
        rest = &tail[row_end..];
        if first.contains(r#"<w:vMerge w:val="restart""#) {
            let second_end = rest
                .find("</w:tr>")
                .and_then(|a| rest[a + 1..].find("</w:tr>").map(|b| a + 1 + b))
                .unwrap_or(rest.len());
            out.push_str(&head(&rest[..second_end]));
            rest = &rest[second_end..];
        }
    }
    out.push_str(rest);
    out
}

/// Adds `firstLineChars` / `hangingChars` to every `w:ind` (docx-rs drops them), so Word and
/// WPS indent by characters of the grid (首行缩进2字符) and not only by twips.
pub fn char_indents(xml: &str) -> String {
    let cell = g::cell_pt() * 20.0;
    let mut out = String::with_capacity(xml.len() + 256);
    let mut rest = xml;
    while let Some(i) = rest.find("<w:ind ") {
        out.push_str(&rest[..i]);
        let end = rest[i..].find("/>").map_or(rest.len(), |e| i + e);
        let tag = &rest[i..end];
        let mut extra = String::new();
        for (attr, chars_attr) in [
            ("w:firstLine", "w:firstLineChars"),
            ("w:hanging", "w:hangingChars"),
        ] {
            if tag.contains(chars_attr) {
                continue;
            }
            if let Some(v) = attr_value(tag, attr).and_then(|v| v.parse::<f64>().ok()) {
                extra.push_str(&format!(
                    r#" {chars_attr}="{}""#,
                    (v / cell * 100.0).round() as i64
                ));
            }
        }
        out.push_str(tag.trim_end());
        out.push_str(&extra);
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn attr_value<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(r#"{name}=""#);
    let start = tag.find(&key)? + key.len();
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Gives every section the footers of the last one: docx-rs writes the footer references only
/// into the body's final `w:sectPr`, and Word shows no page numbers in a section without them.
/// `unnumbered_colophon`: the 版记's own section (after a blank page) shows no number at all.
pub fn share_footers(xml: &str, unnumbered_colophon: bool) -> String {
    let Some(last) = xml.rfind("<w:sectPr") else {
        return xml.to_owned();
    };
    let refs: String = {
        let tail = &xml[last..];
        let mut refs = String::new();
        let mut rest = tail;
        while let Some(i) = rest.find("<w:footerReference") {
            let end = rest[i..].find("/>").map_or(rest.len(), |e| i + e + 2);
            // The final section's own first-page footer (an unnumbered 版记 page) stays its own.
            if !rest[i..end].contains(r#"w:type="first""#) {
                refs.push_str(&rest[i..end]);
            }
            rest = &rest[end..];
        }
        refs
    };
    if refs.is_empty() {
        return xml.to_owned();
    }
    let (head, tail) = xml.split_at(last);
    let mut out = String::with_capacity(xml.len() + refs.len() * 4);
    let mut rest = head;
    while let Some(i) = rest.find("<w:sectPr") {
        let open_end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        out.push_str(&rest[..open_end]);
        if !rest[open_end..].starts_with("<w:footerReference") {
            out.push_str(&refs);
        }
        rest = &rest[open_end..];
    }
    out.push_str(rest);
    if unnumbered_colophon {
        out.push_str(&colophon_footers_empty(tail));
    } else {
        out.push_str(tail);
    }
    out
}

/// The 版记's own section (it starts on an even page) shows no page number on any of its
/// pages: all its footers are its empty first-page one. Its first page alone was not enough:
/// LibreOffice 25.2 numbered the 版记 page, taking it for the section's second page.
fn colophon_footers_empty(sect: &str) -> String {
    let end = sect.find("</w:sectPr>").unwrap_or(sect.len());
    let own = &sect[..end];
    if !own.contains(r#"<w:type w:val="evenPage" />"#) {
        return sect.to_owned();
    }
    let reference = |kind: &str| {
        own.match_indices("<w:footerReference")
            .map(|(i, _)| &own[i..i + own[i..].find("/>").map_or(0, |e| e + 2)])
            .find(|r| r.contains(&format!(r#"w:type="{kind}""#)))
    };
    let Some(empty) = reference("first").and_then(|r| attr_value(r, "r:id")) else {
        return sect.to_owned();
    };
    let mut out = own.to_owned();
    for kind in ["default", "even"] {
        if let Some(r) = reference(kind) {
            if let Some(id) = attr_value(r, "r:id") {
                out = out.replace(r, &r.replace(id, empty));
            }
        }
    }
    out + &sect[end..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn punctuation_does_not_hang_and_single_lines_may_end_a_page_by_default() {
        let out = finish_styles(
            "<w:docDefaults><w:pPrDefault><w:pPr></w:pPr></w:pPrDefault></w:docDefaults>",
        );
        assert!(
            out.contains(
                r#"<w:pPrDefault><w:pPr><w:widowControl w:val="0" /><w:overflowPunct w:val="0" /></w:pPr>"#
            ),
            "{out}"
        );
    }

    #[test]
    fn the_colophon_section_numbers_none_of_its_pages() {
        let sect = r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" /><w:footerReference w:type="first" r:id="rIdFooter3" /><w:footerReference w:type="even" r:id="rIdFooter2" /><w:type w:val="evenPage" /><w:titlePg /></w:sectPr></w:body>"#;
        let out = colophon_footers_empty(sect);
        assert_eq!(out.matches(r#"r:id="rIdFooter3""#).count(), 3, "{out}");
        assert!(out.ends_with("</w:sectPr></w:body>"));
        // A section of the body (no even-page start) keeps its numbers.
        let body = sect.replace(r#"<w:type w:val="evenPage" />"#, "");
        assert_eq!(colophon_footers_empty(&body), body);
    }

    #[test]
    fn doc_number_style_turns_autospace_off() {
        let xml = r#"<w:style w:type="paragraph" w:styleId="GongwenDocNumber"><w:name w:val="发文字号" /><w:pPr></w:pPr></w:style>"#;
        let out = solid_doc_number(xml);
        assert!(
            out.contains(
                r#"<w:pPr><w:autoSpaceDE w:val="0" /><w:autoSpaceDN w:val="0" /></w:pPr></w:style>"#
            ),
            "{out}"
        );
    }

    #[test]
    fn only_the_first_row_of_a_table_repeats_as_its_head() {
        let row = "<w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>";
        let xml = format!("<w:tbl>{row}{row}</w:tbl><w:tbl>{row}{row}</w:tbl>");
        let head = "<w:tr><w:trPr><w:cantSplit /><w:tblHeader /></w:trPr></w:tr>";
        assert_eq!(
            repeat_header_rows(&xml),
            format!("<w:tbl>{head}{row}</w:tbl><w:tbl>{head}{row}</w:tbl>")
        );
    }

    #[test]
    fn first_line_indent_of_two_cells_becomes_200_chars() {
        let twips = (2.0 * g::cell_pt() * 20.0).round();
        let xml = format!(r#"<w:pPr><w:ind w:left="0" w:firstLine="{twips}" /></w:pPr>"#);
        let out = char_indents(&xml);
        assert!(out.contains(r#"w:firstLineChars="200""#), "{out}");
        assert!(out.ends_with("/></w:pPr>"), "{out}");
    }

    #[test]
    fn hanging_indent_gets_hanging_chars() {
        let twips = (3.0 * g::cell_pt() * 20.0).round();
        let out = char_indents(&format!(r#"<w:ind w:left="1000" w:hanging="{twips}" />"#));
        assert!(out.contains(r#"w:hangingChars="300""#), "{out}");
    }

    #[test]
    fn a_letter_s_colophon_page_right_after_its_text_is_numbered_and_its_first_page_not() {
        let xml = r#"<w:body><w:p><w:pPr><w:sectPr><w:pgSz /></w:sectPr></w:pPr></w:p><w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" /><w:footerReference w:type="first" r:id="rIdFooter3" /><w:footerReference w:type="even" r:id="rIdFooter2" /><w:type w:val="evenPage" /><w:titlePg /></w:sectPr></w:body>"#;
        let out = finish_document(xml, false, true);
        let last = &out[out.rfind("<w:sectPr").unwrap()..];
        assert!(
            !last.contains("titlePg") && !last.contains(r#"w:type="first""#),
            "{out}"
        );
        assert!(last.contains(r#"w:type="even" r:id="rIdFooter2""#), "{out}");
        let first = &out[..out.rfind("<w:sectPr").unwrap()];
        assert!(first.contains(r#"w:type="first" r:id="rIdFooter3""#) && first.contains("titlePg"));
        // After a blank page the 版记's section shows no number on any page.
        let out = finish_document(xml, true, false);
        let last = &out[out.rfind("<w:sectPr").unwrap()..];
        assert!(last.contains(r#"w:type="even" r:id="rIdFooter3""#), "{out}");
    }

    #[test]
    fn every_section_gets_the_footer_references() {
        let xml = r#"<w:body><w:p><w:pPr><w:sectPr><w:pgSz /></w:sectPr></w:pPr></w:p><w:sectPr><w:footerReference w:type="default" r:id="rId6" /><w:pgSz /></w:sectPr></w:body>"#;
        let out = share_footers(xml, true);
        assert_eq!(out.matches("<w:footerReference").count(), 2, "{out}");
        assert!(out.contains(r#"<w:sectPr><w:footerReference w:type="default" r:id="rId6" /><w:pgSz /></w:sectPr></w:pPr>"#));
    }
}
