//! Generated arrangements, each rendered to our PDF and to DOCX (read through LibreOffice),
//! asserted alike (issue 12): the same page count, each page's own number on its outer side
//! and none on a blank page or the 版记 page after the content, the 版记 at the foot of an
//! even last page, no ink outside the text block but the page numbers, at most 28 cells a line
//! and 22 lines a page. Arrangements: single and joint marks of 1–5 issuers, with and without
//! 份号/密级/紧急程度/签发人, content ending on odd and even pages, with and without landscape
//! and list annexes and 抄送, a table longer than a page.

mod common;
#[path = "common/libreoffice.rs"]
mod libreoffice;

use common::{engine, measure_str, page_number_value, printed_numbers, tool};
use gongwen::gbt9704 as g;
use gongwen::render::pdf::PdfSettings;
use libreoffice::{as_word_reads_it, libreoffice, poppler_pages, Word};
use std::path::{Path, PathBuf};

/// One generated document.
struct Case {
    name: String,
    spec: String,
}

/// The header, body, annexes and 版记 of one arrangement.
#[allow(clippy::too_many_arguments)]
fn spec(
    issuers: usize,
    extras: bool,
    paragraphs: usize,
    landscape: bool,
    list: bool,
    long_table: bool,
    cc: usize,
) -> String {
    let offices = [
        "某市科学技术局",
        "某市教育局",
        "某市财政局",
        "某市人力资源和社会保障局",
        "某市市场监督管理局",
    ];
    let names: Vec<String> = offices[..issuers]
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect();
    let mut s = String::from("title = \"关于做好2026年度科技创新专项资金项目申报工作的通知\"\n");
    s.push_str("recipients = \"各区科技局、教育局、财政局，各有关单位\"\n");
    s.push_str("opening = \"为做好本年度项目申报工作，现将有关事项通知如下：\"\n");
    s.push_str("[header]\n");
    s.push_str(&format!("issuers = [{}]\n", names.join(", ")));
    s.push_str("doc_number = \"某科发〔2026〕15号\"\n");
    if extras {
        s.push_str("copy_number = \"000123\"\nsecrecy = \"秘密★1年\"\nurgency = \"特急\"\nsigners = [\"王明\"]\n");
    }
    s.push_str("\n[[sections]]\nheading = \"申报要求\"\ntext = [\n");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "  \"第{}项：请各单位结合实际认真组织项目申报，确保材料真实完整，按时报送有关材料，做好审核和汇总工作。\",\n",
            i + 1
        ));
    }
    s.push_str("]\n\n[signature]\nissuer = \"某市科学技术局\"\ndate = 2026-03-20\n");
    if landscape {
        s.push_str("\n[[annexes]]\ntitle = \"2026年度项目申报汇总表\"\nkind = \"table\"\n");
        s.push_str("columns = [\"序号\", \"项目名称\", \"申报单位\", \"负责人\", \"联系电话\", \"起止年限\", \"申请经费（万元）\", \"自筹经费（万元）\", \"所属领域\", \"备注\"]\n");
        s.push_str(&format!(
            "blank_rows = {}\n",
            if long_table { 40 } else { 8 }
        ));
    } else if long_table {
        s.push_str("\n[[annexes]]\ntitle = \"项目申报情况登记表\"\nkind = \"table\"\n");
        s.push_str(
            "columns = [\"序号\", \"项目名称\", \"申报单位\", \"联系人\"]\nblank_rows = 45\n",
        );
    }
    if list {
        s.push_str("\n[[annexes]]\ntitle = \"项目评审工作组成员单位\"\nkind = \"list\"\n");
        s.push_str("[[annexes.groups]]\nlabel = \"成员单位\"\nitems = [\"市科学技术局\", \"市教育局\", \"市财政局\", \"市人力资源和社会保障局\", \"市市场监督管理局\", \"市工业和信息化局\", \"市生态环境局\"]\n");
    }
    s.push_str("\n[colophon]\n");
    match cc {
        0 => {}
        1 => s.push_str("cc = [\"市委办公室\", \"市政府办公室\"]\n"),
        _ => s.push_str("cc = [\"市委办公室、市人大常委会办公室、市政协办公室\", \"市纪委监委机关，市中级人民法院、市人民检察院\"]\n"),
    }
    s.push_str("printer = \"某市科学技术局办公室\"\nprint_date = 2026-03-21\n");
    s
}

/// The table of arrangements: each dimension varies against a plain base.
fn cases() -> Vec<Case> {
    // The last field: 抄送 none, of one line, of two lines.
    let rows: &[(usize, bool, usize, bool, bool, bool, usize)] = &[
        (1, false, 2, false, false, false, 0),
        (1, true, 9, false, false, false, 1),
        (2, false, 14, false, false, false, 2),
        (3, true, 20, false, false, false, 0),
        (5, false, 27, false, false, false, 1),
        (4, true, 6, true, false, false, 1),
        (1, false, 12, true, true, false, 2),
        (2, false, 3, true, true, false, 0),
        (1, true, 5, false, true, false, 1),
        (3, false, 8, false, false, true, 2),
        (1, false, 4, true, false, true, 0),
    ];
    rows.iter()
        .map(
            |&(issuers, extras, paragraphs, landscape, list, long_table, cc)| Case {
                name: format!(
                    "i{issuers}{}-p{paragraphs}{}{}{}{}",
                    if extras { "-extras" } else { "" },
                    if landscape { "-landscape" } else { "" },
                    if list { "-list" } else { "" },
                    if long_table { "-long" } else { "" },
                    ["", "-cc", "-cc2"][cc],
                ),
                spec: spec(issuers, extras, paragraphs, landscape, list, long_table, cc),
            },
        )
        .collect()
}

/// Words sharing a line (vertical centres within a quarter line), top to bottom.
fn lines_of(words: &[Word]) -> Vec<Word> {
    let mut lines: Vec<Word> = Vec::new();
    let mut sorted = words.to_vec();
    sorted.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    for w in sorted {
        let c = (w.y0 + w.y1) / 2.0;
        match lines
            .iter_mut()
            .find(|l| ((l.y0 + l.y1) / 2.0 - c).abs() < 2.5)
        {
            Some(l) => {
                l.x0 = l.x0.min(w.x0);
                l.x1 = l.x1.max(w.x1);
                l.y0 = l.y0.min(w.y0);
                l.y1 = l.y1.max(w.y1);
                l.text.push_str(&w.text);
            }
            None => lines.push(w),
        }
    }
    lines.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    lines
}

#[test]
fn generated_arrangements_lay_out_alike_in_our_pdf_and_libreoffice_s_docx() {
    let (Some(soffice), Some(pdftotext)) = (tool("soffice"), tool("pdftotext")) else {
        return;
    };
    let pdftoppm = tool("pdftoppm");
    // GONGWEN_ARRANGEMENTS_DIR keeps the files to look at; a temporary folder otherwise.
    let kept = std::env::var_os("GONGWEN_ARRANGEMENTS_DIR").map(PathBuf::from);
    let temp = tempfile::tempdir().unwrap();
    let dir = kept.as_deref().unwrap_or(temp.path());
    std::fs::create_dir_all(dir).unwrap();
    let cases = cases();
    let mut ours = Vec::new();
    let mut files = Vec::new();
    for c in &cases {
        let m = measure_str(&c.spec).unwrap_or_else(|e| panic!("{}: {e}\n{}", c.name, c.spec));
        let report = engine().check_source(&c.spec, Path::new(&c.name)).unwrap();
        let (spec, _) = report.into_result().unwrap();
        let doc = gongwen::compose::compose(&spec);
        let r = engine()
            .render(&doc, gongwen::Format::Docx, PdfSettings::default())
            .unwrap();
        std::fs::write(dir.join(format!("{}.toml", c.name)), &c.spec).unwrap();
        let path = dir.join(format!("{}.docx", c.name));
        std::fs::write(
            &path,
            as_word_reads_it(&r.get(gongwen::Format::Docx).map(<[u8]>::to_vec).unwrap()),
        )
        .unwrap();
        files.push(path);
        ours.push(m);
    }
    let started = std::time::Instant::now();
    libreoffice(&soffice, &files, dir);
    eprintln!(
        "LibreOffice: {} documents in {:.1} s",
        files.len(),
        started.elapsed().as_secs_f64()
    );

    let right = g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM;
    let bottom = g::MARGIN_TOP_MM + g::TEXT_HEIGHT_MM;
    let mut failures = Vec::new();
    for (c, m) in cases.iter().zip(&ours) {
        let pdf = dir.join(format!("{}.pdf", c.name));
        let lo = poppler_pages(&pdftotext, &pdf);
        let mut fail = |what: String| failures.push(format!("{}: {what}", c.name));
        let numbers = printed_numbers(m);
        // Our PDF: each page of content its own number, none after; the 版记 on an even page.
        let numbered = numbers.iter().take_while(|n| n.is_some()).count();
        for (i, n) in numbers.iter().enumerate().take(numbered) {
            if *n != Some(i as u32 + 1) {
                fail(format!("PDF page {} prints {n:?}", i + 1));
            }
        }
        if !numbers.len().is_multiple_of(2) {
            fail(format!("PDF: the 版记 on odd page {}", numbers.len()));
        }
        if lo.len() != m.pages.len() {
            fail(format!(
                "LibreOffice {} pages, our PDF {}",
                lo.len(),
                m.pages.len()
            ));
            continue;
        }
        for (i, ((w, _h), words)) in lo.iter().enumerate() {
            let page = i + 1;
            let landscape = w > &_h.clone();
            let lines = lines_of(words);
            let number_line = lines.iter().find(|l| page_number_value(&l.text).is_some());
            let mut lo_number = number_line.and_then(|l| page_number_value(&l.text));
            if landscape {
                // A landscape page prints its number turned, along the edge that becomes the
                // sheet's foot once the printer turns the page (its top to the sheet's left):
                // the left edge, reading downward, where the portrait pages carry theirs.
                // The label's em box, its 一字线 7 mm below the block (§7.5).
                let below = g::page_number_box_below_mm(gongwen::fonts::song_dash_top_em());
                let foot = g::PAGE_HEIGHT_MM - (g::PAGE_HEIGHT_MM - g::MARGIN_BOTTOM_MM + below);
                let mut strip: Vec<&Word> = words.iter().filter(|w| w.x1 < foot + 1.0).collect();
                strip.sort_by(|a, b| a.y0.total_cmp(&b.y0));
                let label: String = strip.iter().map(|w| w.text.as_str()).collect();
                lo_number = page_number_value(&label);
                if let (Some(first), Some(last)) = (strip.first(), strip.last()) {
                    let line = g::SMALL_SIZE_PT / g::PT_PER_MM;
                    let (start, end) = (first.y0, last.y1);
                    let (want, got, edge) = if page % 2 == 1 {
                        (g::PAGE_WIDTH_MM - g::MARGIN_RIGHT_MM - line, end, "end")
                    } else {
                        (g::MARGIN_LEFT_MM + line, start, "start")
                    };
                    if (got - want).abs() > 2.0 {
                        fail(format!(
                            "page {page}: turned number's {edge} at {got:.1} mm, not {want:.1}"
                        ));
                    }
                    if (last.x1 - foot).abs() > 1.5 {
                        fail(format!(
                            "page {page}: turned number at x = {:.1} mm",
                            last.x1
                        ));
                    }
                }
            }
            if lo_number != numbers[i] {
                fail(format!(
                    "page {page}: LibreOffice prints {lo_number:?}, our PDF {:?}",
                    numbers[i]
                ));
            }
            if landscape {
                continue;
            }
            // §7.5: the 一字线's ink 7 mm below the block, as in our PDF (± 0.5 mm).
            if let (Some(pdftoppm), true) = (&pdftoppm, page <= 2) {
                match common::page_number_dash_below_mm(pdftoppm, &pdf, page) {
                    Some(below) if (below - g::PAGE_NUMBER_BELOW_MM).abs() <= 0.5 => {}
                    below => fail(format!(
                        "page {page}: the 一字线 {below:?} mm below the block"
                    )),
                }
            }
            if let Some(l) = number_line {
                let centre = (l.x0 + l.x1) / 2.0;
                if (page % 2 == 1) != (centre > 105.0) {
                    fail(format!(
                        "page {page}: number on the wrong side ({centre:.1} mm)"
                    ));
                }
                if l.y0 < bottom {
                    fail(format!("page {page}: number inside the text block"));
                }
            }
            // 3号 body lines: at most 22 a page, 28 cells each, inside the text block. A
            // line's box is 1.3 em high: 7.3 mm for 3号, 6.4 mm for the 版记's 4号 (whose
            // 抄送 line holds 29 cells, as in our PDF).
            let body: Vec<&Word> = lines
                .iter()
                .filter(|l| l.y1 - l.y0 > 6.9 && l.y1 - l.y0 < 8.0 && l.y0 < bottom)
                .collect();
            if body.len() > g::LINES_PER_PAGE as usize {
                fail(format!("page {page}: {} body lines", body.len()));
            }
            for l in &lines {
                if page_number_value(&l.text).is_some() {
                    continue;
                }
                if l.x0 < g::MARGIN_LEFT_MM - 0.5 || l.x1 > right + 0.5 {
                    fail(format!(
                        "page {page}: ink outside the block {:.1}–{:.1} mm: {}",
                        l.x0, l.x1, l.text
                    ));
                }
            }
            for l in &body {
                let cells: f64 = l.text.chars().map(gongwen::compose::text::char_width).sum();
                if cells > g::CHARS_PER_LINE as f64 + 0.01 {
                    fail(format!("page {page}: {cells} cells: {}", l.text));
                }
            }
        }
        // The 版记: on the last page, at its foot, the 抄送 row right above the 印发 row.
        let (_, last) = lo.last().unwrap();
        let last_lines = lines_of(last);
        let printed = last_lines.iter().find(|l| l.text.ends_with("印发"));
        // Its last row ends at the text block's foot (GB/T 9704 §7.4.1: the last rule lies
        // on the block's bottom edge), within the difference of the glyph boxes.
        match printed {
            Some(l) if (l.y1 - bottom).abs() < 1.5 => {}
            Some(l) => fail(format!("LibreOffice: the 版记 ends at {:.1} mm", l.y1)),
            None => fail("LibreOffice: no 版记 on the last page".to_owned()),
        }
        // The 抄送: every line of it, as our PDF has it; its last line right above the 印发 row.
        let cc_of = |lines: &[String]| -> String {
            let from = lines.iter().position(|l| l.starts_with("抄送"));
            let to = lines.iter().position(|l| l.ends_with("印发"));
            match (from, to) {
                (Some(f), Some(t)) if f < t => lines[f..t].concat(),
                _ => String::new(),
            }
        };
        let pdf_last = m.pages.len();
        let pdf_lines: Vec<String> = m
            .lines(pdf_last)
            .iter()
            .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).collect())
            .collect();
        let lo_cc = cc_of(&page_text(last));
        if lo_cc != cc_of(&pdf_lines) {
            fail(format!(
                "LibreOffice's 抄送 {lo_cc:?}, our PDF's {:?}",
                cc_of(&pdf_lines)
            ));
        }
        let cc_end = printed.and_then(|p| last_lines.iter().rfind(|l| l.y0 < p.y0 - 1.0));
        if let (Some(cc), Some(p), false) = (cc_end, printed, lo_cc.is_empty()) {
            let gap = p.y0 - cc.y0;
            if !(5.0..10.0).contains(&gap) {
                fail(format!(
                    "LibreOffice: the 抄送 row {gap:.1} mm above the 印发 row"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A cover notice under a two-line mark whose sealed closing and 附注 do not fit on page 1
/// even set tight: our PDF cuts the last paragraph at the page end.
const CUT_CLOSING: &str = r#"title = "关于印发《鄞州区2026年冬季根治欠薪专项行动工作方案》的通知"
recipients = "各镇人民政府、各街道办事处，区劳动保障监察大队"
opening = "为开展2026年冬季根治欠薪专项行动，现将《鄞州区2026年冬季根治欠薪专项行动工作方案》印发给你们，请认真贯彻落实。"
notes = ["联系人及电话：区人力资源和社会保障局劳动关系科 王海燕 0574-88185217"]

[header]
issuers = ["宁波市鄞州区人力资源和社会保障局"]
doc_number = "鄞人社发〔2026〕87号"

[signature]
issuer = "宁波市鄞州区人力资源和社会保障局"
date = 2026-11-13
sealed = true
"#;

/// The text of a page's lines, without spaces and without its page number.
fn page_text(words: &[Word]) -> Vec<String> {
    lines_of(words)
        .iter()
        .filter(|l| page_number_value(&l.text).is_none())
        .map(|l| l.text.chars().filter(|c| !c.is_whitespace()).collect())
        .collect()
}

#[test]
fn a_closing_cut_at_the_pdf_s_page_end_is_cut_there_in_libreoffice_too() {
    let (Some(soffice), Some(pdftotext)) = (tool("soffice"), tool("pdftotext")) else {
        return;
    };
    let m = measure_str(CUT_CLOSING).unwrap();
    let squeeze = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let text = |page| -> Vec<String> {
        m.lines(page)
            .iter()
            .filter(|l| page_number_value(&l.text).is_none())
            .map(|l| squeeze(&l.text))
            .collect()
    };
    let (pdf_1, pdf_2) = (text(1), text(2));
    // The PDF: the body's first lines on page 1, the rest with the signature on page 2.
    assert!(
        pdf_1.iter().any(|l| l.starts_with("为开展")),
        "PDF page 1: {pdf_1:?}"
    );
    let cut = pdf_2.first().cloned().unwrap_or_default();
    assert!(
        !cut.is_empty() && "请认真贯彻落实。".ends_with(cut.as_str()),
        "PDF page 2 starts {cut:?}"
    );

    let temp = tempfile::tempdir().unwrap();
    let report = engine()
        .check_source(CUT_CLOSING, Path::new("cut.toml"))
        .unwrap();
    let (spec, _) = report.into_result().unwrap();
    let doc = gongwen::compose::compose(&spec);
    let r = engine()
        .render(&doc, gongwen::Format::Docx, PdfSettings::default())
        .unwrap();
    let path = temp.path().join("cut.docx");
    std::fs::write(
        &path,
        as_word_reads_it(r.get(gongwen::Format::Docx).unwrap()),
    )
    .unwrap();
    libreoffice(&soffice, std::slice::from_ref(&path), temp.path());
    let lo = poppler_pages(&pdftotext, &temp.path().join("cut.pdf"));
    assert_eq!(lo.len(), m.pages.len(), "LibreOffice's page count");
    let lo_1 = page_text(&lo[0].1);
    let lo_2 = page_text(&lo[1].1);
    // LibreOffice had moved the whole paragraph: page 1 held only the header, title and 主送.
    assert_eq!(
        lo_1.iter().rfind(|l| !l.is_empty()),
        pdf_1.iter().rfind(|l| !l.is_empty()),
        "page 1's last line: LibreOffice {lo_1:?}, PDF {pdf_1:?}"
    );
    assert_eq!(
        lo_2.first(),
        Some(&cut),
        "page 2's first line in LibreOffice"
    );
}
