//! The DOCX as Word reads it: the XML inside the package, checked without external tools.

mod common;

use gongwen::gbt9704 as g;
use gongwen::render::pdf::PdfSettings;
use gongwen::Format;
use std::collections::BTreeMap;
use std::io::Read;

fn docx(name: &str) -> Vec<u8> {
    let doc = gongwen::load(&common::sample(name)).unwrap();
    common::engine()
        .render(&doc, Format::Docx, PdfSettings::default())
        .unwrap()
        .get(gongwen::Format::Docx)
        .map(<[u8]>::to_vec)
        .unwrap()
}

fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut s = String::new();
            f.read_to_string(&mut s).unwrap();
            (f.name().to_owned(), s)
        })
        .collect()
}

fn twips(mm: f64) -> i64 {
    (mm * 72.0 * 20.0 / 25.4).round() as i64
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    Some(tag[start..start + tag[start..].find('"')?].to_owned())
}

fn tags<'a>(xml: &'a str, name: &str) -> Vec<&'a str> {
    let open = format!("<{name} ");
    let mut out = Vec::new();
    let mut rest = xml;
    while let Some(i) = rest.find(&open) {
        let end = rest[i..].find('>').map_or(rest.len(), |e| i + e + 1);
        out.push(&rest[i..end]);
        rest = &rest[end..];
    }
    out
}

#[test]
fn page_is_a4_with_the_standard_side_margins_and_a_22_line_grid() {
    let p = parts(&docx("national-2024-notice.toml"));
    let doc = &p["word/document.xml"];
    let size = tags(doc, "w:pgSz").pop().unwrap();
    assert_eq!(attr(size, "w:w").unwrap(), twips(210.0).to_string());
    assert_eq!(attr(size, "w:h").unwrap(), twips(297.0).to_string());
    let mar = tags(doc, "w:pgMar").pop().unwrap();
    assert_eq!(
        attr(mar, "w:left").unwrap(),
        twips(g::MARGIN_LEFT_MM).to_string()
    );
    assert_eq!(
        attr(mar, "w:right").unwrap(),
        twips(g::MARGIN_RIGHT_MM).to_string()
    );
    assert_eq!(
        attr(mar, "w:bottom").unwrap(),
        twips(g::MARGIN_BOTTOM_MM).to_string()
    );
    let top: i64 = attr(mar, "w:top").unwrap().parse().unwrap();
    let pitch = (g::line_pitch_pt() * 20.0).round() as i64;
    let grid = tags(doc, "w:docGrid").pop().unwrap();
    assert_eq!(attr(grid, "w:type").as_deref(), Some("lines"));
    assert_eq!(attr(grid, "w:linePitch").unwrap(), pitch.to_string());
    // 22 exact lines of one pitch fill the page from the top margin to the bottom margin.
    let text_bottom = twips(g::PAGE_HEIGHT_MM) - twips(g::MARGIN_BOTTOM_MM);
    assert!(
        (top + 22 * pitch - text_bottom).abs() <= 22,
        "22 lines fit exactly"
    );
}

#[test]
fn runs_name_the_official_fonts_and_no_theme_fonts() {
    let official = [
        "方正小标宋简体",
        "仿宋_GB2312",
        "黑体",
        "楷体_GB2312",
        "宋体",
    ];
    for name in ["national-2024-notice.toml", "shanghai-2025-notice.toml"] {
        let p = parts(&docx(name));
        for (part, xml) in &p {
            assert!(!xml.contains("Theme=\""), "{part} uses theme fonts");
            for f in tags(xml, "w:rFonts") {
                if let Some(ea) = attr(f, "w:eastAsia") {
                    assert!(official.contains(&ea.as_str()), "{part}: {ea}");
                    // Latin letters and digits in Times New Roman, except the page number's
                    // (§7.5 半角宋体阿拉伯数字) in the footers.
                    let latin = if part.contains("footer") {
                        "宋体"
                    } else {
                        "Times New Roman"
                    };
                    assert_eq!(attr(f, "w:ascii").as_deref(), Some(latin), "{part}");
                }
            }
        }
        let doc = &p["word/document.xml"];
        for f in official.iter().take(4) {
            assert!(
                doc.contains(&format!("w:eastAsia=\"{f}\"")),
                "{name} uses {f}"
            );
        }
    }
}

#[test]
fn body_paragraphs_indent_two_characters_as_first_line_chars() {
    let p = parts(&docx("national-2024-notice.toml"));
    let doc = &p["word/document.xml"];
    let two = tags(doc, "w:ind")
        .into_iter()
        .filter(|t| attr(t, "w:firstLineChars").as_deref() == Some("200"))
        .count();
    assert!(two >= 10, "{two} paragraphs with firstLineChars=200");
}

#[test]
fn footers_carry_page_numbers_right_on_odd_and_left_on_even_pages() {
    let p = parts(&docx("national-2024-notice.toml"));
    assert!(p["word/settings.xml"].contains("<w:evenAndOddHeaders"));
    let doc = &p["word/document.xml"];
    let refs = tags(doc, "w:footerReference");
    let kinds: Vec<String> = refs.iter().filter_map(|r| attr(r, "w:type")).collect();
    assert!(kinds.contains(&"default".to_owned()) && kinds.contains(&"even".to_owned()));
    let footers: Vec<&String> = p
        .iter()
        .filter(|(k, v)| k.starts_with("word/footer") && v.contains("PAGE"))
        .map(|(_, v)| v)
        .collect();
    assert_eq!(footers.len(), 2);
    let mut sides = Vec::new();
    for f in footers {
        assert!(f.contains("PAGE"), "PAGE field");
        assert!(
            f.contains("— ") && f.contains(" —"),
            "dashes around the number"
        );
        assert!(f.contains("w:eastAsia=\"宋体\""));
        let jc = tags(f, "w:jc")
            .first()
            .and_then(|t| attr(t, "w:val"))
            .unwrap();
        sides.push(jc);
    }
    sides.sort();
    assert_eq!(sides, ["left", "right"]);
}

#[test]
fn mark_and_separator_are_red_and_the_doc_number_uses_hexagonal_brackets() {
    let p = parts(&docx("shanghai-2025-notice.toml"));
    let doc = &p["word/document.xml"];
    let red = g::RED.trim_start_matches('#');
    assert!(
        doc.contains(&format!("<w:color w:val=\"{red}\"")),
        "red mark"
    );
    let border = tags(doc, "w:bottom")
        .into_iter()
        .any(|t| attr(t, "w:color").as_deref() == Some(red));
    assert!(border, "red separator line");
    assert!(doc.contains("上海市知识产权局文件"));
    assert!(doc.contains("沪知联办〔2025〕2号"));
}

#[test]
fn the_red_line_spans_the_text_block_when_the_doc_number_shares_its_line_with_the_signer() {
    // The red line is the 发文字号 paragraph's bottom border: an indent would shorten it.
    let p = parts(&docx("kinds/report-2025.toml"));
    let doc = &p["word/document.xml"];
    let at = doc.find("签发人：").expect("签发人");
    let start = doc[..at]
        .rfind("<w:p>")
        .or_else(|| doc[..at].rfind("<w:p "))
        .unwrap();
    let paragraph = &doc[start..at];
    assert!(
        paragraph.contains("w:bottom"),
        "the red line is this paragraph's border"
    );
    assert!(!paragraph.contains("<w:ind"), "no indent: {paragraph}");
    let stops: Vec<i64> = tags(paragraph, "w:tab")
        .into_iter()
        .filter_map(|t| attr(t, "w:pos")?.parse().ok())
        .collect();
    let one = (g::cell_pt() * 20.0).round() as i64;
    assert_eq!(stops.len(), 2, "{paragraph}");
    assert!(
        (stops[0] - one).abs() <= 1,
        "发文字号 one character in: {stops:?}"
    );
    assert!(
        (stops[1] - (twips(g::TEXT_WIDTH_MM) - one)).abs() <= 2,
        "签发人 one character in: {stops:?}"
    );
}

#[test]
fn annex_tables_are_fixed_with_repeated_heads_and_exact_blank_rows() {
    let p = parts(&docx("shanghai-2025-notice.toml"));
    let doc = &p["word/document.xml"];
    assert_eq!(
        doc.matches("<w:tblHeader").count(),
        2,
        "one repeated head per table"
    );
    assert!(doc.matches("w:type=\"fixed\"").count() >= 2);
    // No row of an annex table breaks across pages: every row of both tables is cantSplit.
    let rows_of_tables = doc
        .split("<w:tbl>")
        .skip(1)
        .map(|t| &t[..t.find("</w:tbl>").unwrap()])
        .filter(|t| t.contains("<w:tblHeader"))
        .map(|t| {
            (
                t.matches("<w:tr>").count(),
                t.matches("<w:cantSplit").count(),
            )
        })
        .collect::<Vec<_>>();
    assert_eq!(rows_of_tables.len(), 2, "{rows_of_tables:?}");
    for (rows, cant_split) in rows_of_tables {
        assert_eq!(rows, cant_split, "every row cantSplit");
    }
    let exact: Vec<_> = tags(doc, "w:trHeight")
        .into_iter()
        .filter(|t| attr(t, "w:hRule").as_deref() == Some("exact"))
        .collect();
    assert_eq!(exact.len(), 6 + 5, "blank rows of both tables");
    for t in exact {
        assert_eq!(
            attr(t, "w:val").unwrap(),
            twips(g::TABLE_BLANK_ROW_MM).to_string()
        );
    }
    for head in ["主办单位", "重点活动名称", "活动规模（参与人数）", "联系人"]
    {
        assert!(doc.contains(head), "{head}");
    }
}

#[test]
fn wide_tables_get_landscape_sections_that_keep_the_page_numbers() {
    let p = parts(&docx("shanghai-2025-notice.toml"));
    let doc = &p["word/document.xml"];
    let sections = doc.matches("<w:sectPr").count();
    assert!(sections >= 2);
    assert!(tags(doc, "w:pgSz")
        .iter()
        .any(|t| attr(t, "w:orient").as_deref() == Some("landscape")));
    let numbered = tags(doc, "w:footerReference")
        .into_iter()
        .filter(|t| attr(t, "w:type").as_deref() != Some("first"))
        .count();
    assert_eq!(
        numbered,
        sections * 2,
        "every section has both numbered footers"
    );
}

#[test]
fn docx_is_byte_identical_across_renders() {
    let a = docx("national-2024-notice.toml");
    let _other = docx("shanghai-2025-notice.toml");
    let b = docx("national-2024-notice.toml");
    assert!(a == b, "DOCX differs between renders");
}

#[test]
fn building_a_docx_takes_milliseconds() {
    let doc = gongwen::load(&common::sample("shanghai-2025-notice.toml")).unwrap();
    let start = std::time::Instant::now();
    for _ in 0..10 {
        gongwen::render::docx::write(&doc).unwrap();
    }
    let each = start.elapsed() / 10;
    assert!(each.as_millis() < 200, "{each:?} per DOCX");
}

/// Each run of the body: (colour, text).
fn runs(doc: &str) -> Vec<(Option<String>, String)> {
    doc.split("<w:r>")
        .skip(1)
        .map(|r| {
            let r = &r[..r.find("</w:r>").unwrap_or(r.len())];
            let color = tags(r, "w:color").first().and_then(|t| attr(t, "w:val"));
            let text = r
                .split("<w:t")
                .skip(1)
                .filter_map(|t| Some(&t[t.find('>')? + 1..t.find("</w:t>")?]))
                .collect();
            (color, text)
        })
        .collect()
}

#[test]
fn a_two_line_mark_without_wenjian_or_doc_number_reaches_the_docx() {
    let p = parts(&docx("wuhua-2023-plan.toml"));
    let doc = &p["word/document.xml"];
    let red = g::RED.trim_start_matches('#');
    let marks: Vec<String> = runs(doc)
        .into_iter()
        .filter(|(c, _)| c.as_deref() == Some(red))
        .map(|(_, t)| t)
        .collect();
    assert_eq!(
        marks,
        ["五华区知识产权战略实施工作", "联席会议领导小组办公室"]
    );
    // The names' cell alone (no 文件 cell), both lines spread to one width.
    let mark_table = &doc[doc.find("<w:tbl>").unwrap()..doc.find("</w:tbl>").unwrap()];
    assert_eq!(mark_table.matches("<w:tc>").count(), 1);
    assert_eq!(mark_table.matches("<w:jc w:val=\"distribute\"").count(), 2);
    // The red line is still drawn, under an empty 发文字号 paragraph.
    let number = &doc[doc.find("GongwenDocNumber").unwrap()..];
    let number = &number[..number.find("</w:p>").unwrap()];
    assert!(number.contains(&format!("w:color=\"{red}\"")), "{number}");
    assert!(
        runs(number).iter().all(|(_, t)| t.is_empty()),
        "no 发文字号 text: {number}"
    );
}

#[test]
fn a_one_line_mark_is_as_wide_as_the_pdf_s_and_never_wider_than_the_line() {
    // Word sizes text in half points: the mark's size is rounded down and the rest given as
    // character spacing, so 36.8 pt stays 36.8 pt a character, not 37 (which wrapped 「件」).
    let mut seen = 0;
    for row in gongwen::spec::KINDS {
        let doc = gongwen::load(&common::sample(row.sample)).unwrap();
        let Some(h) = doc.parts[0].header.as_ref() else {
            continue;
        };
        if h.mark.stacked {
            continue;
        }
        let text = format!("{}{}", h.mark.lines[0].text, h.mark.suffix);
        let xml = parts(&docx(row.sample))["word/document.xml"].clone();
        let run = xml
            .split("<w:r>")
            .map(|r| &r[..r.find("</w:r>").unwrap_or(r.len())])
            .find(|r| r.contains(&format!(">{text}</w:t>")))
            .unwrap_or_else(|| panic!("{}: no run 「{text}」", row.id));
        let half_points: f64 = attr(tags(run, "w:sz")[0], "w:val")
            .unwrap()
            .parse()
            .unwrap();
        let spacing: f64 = tags(run, "w:spacing")
            .first()
            .and_then(|t| attr(t, "w:val"))
            .map_or(0.0, |v| v.parse().unwrap());
        let per_char_pt = half_points / 2.0 + spacing / 20.0;
        let chars = text.chars().count() as f64;
        let width_mm = chars * per_char_pt * 25.4 / 72.0;
        let pdf_mm = chars * h.mark.size_pt * 25.4 / 72.0;
        assert!(
            width_mm <= g::TEXT_WIDTH_MM + 1e-6,
            "{}: {width_mm} mm",
            row.id
        );
        assert!(
            (width_mm - pdf_mm).abs() < 0.1,
            "{}: {width_mm} against {pdf_mm}",
            row.id
        );
        seen += 1;
    }
    assert!(seen >= 10, "{seen}");
}

#[test]
fn every_part_the_document_refers_to_is_in_the_package() {
    // A footer referenced but not written (rIdFooter4 without footer4.xml) made LibreOffice
    // refuse the 函 outright: 「source file could not be loaded」.
    for row in gongwen::spec::KINDS {
        let p = parts(&docx(row.sample));
        let rels = &p["word/_rels/document.xml.rels"];
        for reference in tags(&p["word/document.xml"], "w:footerReference") {
            let id = attr(reference, "r:id").unwrap();
            let rel = tags(rels, "Relationship")
                .into_iter()
                .find(|r| attr(r, "Id").as_deref() == Some(id.as_str()))
                .unwrap_or_else(|| panic!("{}: no relationship {id}", row.id));
            let target = format!("word/{}", attr(rel, "Target").unwrap());
            assert!(
                p.contains_key(&target),
                "{}: {id} → {target} missing",
                row.id
            );
        }
    }
}

#[test]
fn a_letter_s_first_page_has_no_number_when_its_colophon_has_a_section_of_its_own() {
    let p = parts(&docx("kinds/letter-2025.toml"));
    let xml = &p["word/document.xml"];
    let sections: Vec<&str> = xml.split("<w:sectPr").skip(1).collect();
    assert!(sections.len() >= 2, "the 版记 has its own section");
    let first = &sections[0][..sections[0].find("</w:sectPr>").unwrap()];
    assert!(first.contains("<w:titlePg"), "{first}");
    let reference = tags(first, "w:footerReference")
        .into_iter()
        .find(|t| attr(t, "w:type").as_deref() == Some("first"))
        .expect("a first-page footer");
    let id = attr(reference, "r:id").unwrap();
    let rel = tags(&p["word/_rels/document.xml.rels"], "Relationship")
        .into_iter()
        .find(|r| attr(r, "Id").as_deref() == Some(id.as_str()))
        .unwrap();
    let footer = &p[&format!("word/{}", attr(rel, "Target").unwrap())];
    assert!(
        !footer.contains("PAGE"),
        "page 1 carries no number: {footer}"
    );
}

/// A telephone number's hyphen is Word's non-breaking hyphen (w:noBreakHyphen), so no line
/// ends at 「0791-」; the number reads whole when the text is imported again.
#[test]
fn a_telephone_number_keeps_its_hyphen_on_its_line() {
    let p = parts(&docx("flood-2025-notice.toml"));
    let body = &p["word/document.xml"];
    let kept = body.matches("<w:noBreakHyphen />").count();
    assert!(kept >= 1, "no telephone hyphen kept");
    assert!(!body.contains('\u{2011}'));
    let imported = gongwen::import::import_bytes(
        std::path::Path::new("flood.docx"),
        &docx("flood-2025-notice.toml"),
    )
    .unwrap();
    let number = regex_free_phone(&imported.toml).expect("a telephone number");
    assert!(number.contains('-'), "{number}");
}

/// The first 0NNN-NNNNNNN in `s`.
fn regex_free_phone(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    (0..chars.len())
        .find(|&i| gongwen::compose::text::is_phone_hyphen(&chars, i))
        .map(|i| {
            chars[i.saturating_sub(4)..(i + 9).min(chars.len())]
                .iter()
                .collect()
        })
}
