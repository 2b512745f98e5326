//! GB/T 9704 §10's special formats measured on the laid-out samples (typst frames, in mm):
//! 信函格式, 命令格式, 纪要格式; and every kind's sample and `new` template through check, PDF
//! and DOCX.

mod common;

use common::{measure_file, pt};
use gongwen::gbt9704 as g;
use gongwen::render::measure::{Line, Measured, Rule};
use gongwen::render::pdf::PdfSettings;
use gongwen::Format;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

const TOL: f64 = 0.5;

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}: measured {got:.2} mm, standard {want:.2} mm"
    );
}

fn kind_sample(name: &str) -> PathBuf {
    common::sample("kinds").join(name)
}

fn pitch_mm() -> f64 {
    pt(g::line_pitch_pt())
}

fn leading_mm() -> f64 {
    pt(g::leading_pt())
}

fn red() -> String {
    g::RED.to_lowercase()
}

fn letter() -> &'static Measured {
    static M: OnceLock<Measured> = OnceLock::new();
    M.get_or_init(|| measure_file(&kind_sample("letter-2025.toml")))
}

/// The red strokes of page 1, top to bottom.
fn red_rules(m: &Measured) -> Vec<&Rule> {
    let mut r: Vec<&Rule> = m
        .rules
        .iter()
        .filter(|r| r.page == 1 && r.color == red())
        .collect();
    r.sort_by(|a, b| a.y.total_cmp(&b.y));
    r
}

fn mark_lines(m: &Measured) -> Vec<Line> {
    m.lines(1)
        .into_iter()
        .filter(|l| {
            m.texts
                .iter()
                .any(|t| t.page == 1 && t.fill == red() && (t.baseline - l.baseline).abs() < 0.3)
        })
        .collect()
}

#[test]
fn letter_mark_sits_30mm_from_the_paper_top() {
    let marks = mark_lines(letter());
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text.replace(' ', ""), "江州市市场监督管理局");
    close(
        marks[0].top(),
        g::LETTER_MARK_TOP_MM,
        "mark top from the paper's top",
    );
    close(
        (marks[0].x0 + marks[0].x1) / 2.0,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM / 2.0,
        "mark centred",
    );
}

#[test]
fn letter_double_lines_are_thick_over_thin_under_the_mark_and_thin_over_thick_20mm_from_the_foot() {
    let m = letter();
    let mark = &mark_lines(m)[0];
    let rules = red_rules(m);
    assert_eq!(rules.len(), 4, "two double lines of two strokes each");
    for r in &rules {
        close(r.dx, g::LETTER_RULE_LENGTH_MM, "double line length");
        close(
            r.x,
            (g::PAGE_WIDTH_MM - g::LETTER_RULE_LENGTH_MM) / 2.0,
            "left end",
        );
        assert_eq!(r.dy, 0.0, "horizontal");
    }
    let top_edge = |r: &Rule| r.y - r.thickness / 2.0;
    let bottom_edge = |r: &Rule| r.y + r.thickness / 2.0;
    // First: 4 mm below the mark, thick (0.8 mm) over thin (0.3 mm), 0.5 mm apart.
    close(
        top_edge(rules[0]) - mark.bottom(),
        g::LETTER_RULE_BELOW_MARK_MM,
        "mark → first double line",
    );
    assert!((rules[0].thickness - g::LETTER_RULE_THICK_MM).abs() < 1e-6);
    assert!((rules[1].thickness - g::LETTER_RULE_THIN_MM).abs() < 1e-6);
    close(
        top_edge(rules[1]) - bottom_edge(rules[0]),
        g::LETTER_RULE_GAP_MM,
        "gap",
    );
    // Second: thin over thick, its lower edge 20 mm above the paper's bottom edge.
    assert!((rules[2].thickness - g::LETTER_RULE_THIN_MM).abs() < 1e-6);
    assert!((rules[3].thickness - g::LETTER_RULE_THICK_MM).abs() < 1e-6);
    close(
        g::PAGE_HEIGHT_MM - bottom_edge(rules[3]),
        g::LETTER_BOTTOM_RULE_MM,
        "second double line from the foot",
    );
    // Only on the first page.
    assert!(m.rules.iter().all(|r| r.page == 1 || r.color != red()));
}

#[test]
fn letter_copy_number_flush_left_and_doc_number_flush_right_under_the_first_double_line() {
    let m = letter();
    let rules = red_rules(m);
    let below = rules[1].y + rules[1].thickness / 2.0;
    let gap = pt(g::LETTER_ELEMENT_GAP_EM * g::BODY_SIZE_PT);
    let copy = m.find("000021").expect("份号");
    let number = m.find_line("江市监函〔2025〕15号").expect("发文字号");
    close(copy.x, g::MARGIN_LEFT_MM, "份号 flush left");
    close(
        copy.top(),
        below + gap,
        "份号 7/8 of a character below the line",
    );
    close(
        number.x1,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM,
        "发文字号 flush right",
    );
    close(number.top(), below + gap, "发文字号 on the 份号's line");
    let urgency = m.find_line("加急").expect("紧急程度");
    close(
        urgency.top() - copy.top(),
        pitch_mm(),
        "紧急程度 on the next line",
    );
    // The title two lines below the last of them.
    let title = m
        .texts
        .iter()
        .filter(|t| t.page == 1 && t.size_pt == g::TITLE_SIZE_PT)
        .map(|t| t.top())
        .fold(f64::MAX, f64::min);
    close(
        title - urgency.bottom(),
        leading_mm() + 2.0 * pitch_mm(),
        "title two lines below",
    );
}

#[test]
fn letter_first_page_has_no_page_number_and_later_pages_do() {
    let src = std::fs::read_to_string(kind_sample("letter-2025.toml")).unwrap();
    // Long enough for a second page.
    let long = src.replace(
        "[signature]",
        &format!(
            "[[sections]]\nheading = \"其他事项。\"\nrun_in = true\ntext = [{}]\n\n[signature]",
            ["\"请贵局协助做好活动组织和安全保障工作，确保活动安全有序开展。\""; 12].join(", ")
        ),
    );
    let m = common::measure_str(&long).expect("renders");
    assert!(m.pages.len() >= 2);
    let numbers = |page: usize| -> Vec<String> {
        m.texts
            .iter()
            .filter(|t| t.page == page && t.size_pt == g::SMALL_SIZE_PT)
            .map(|t| t.text.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect()
    };
    assert!(numbers(1).is_empty(), "page 1: {:?}", numbers(1));
    assert_eq!(numbers(2).concat().replace(' ', ""), "—2—");
}

#[test]
fn letter_colophon_has_cc_only_without_rules() {
    let m = letter();
    let last = m.pages.len();
    let cc = m
        .find_line("抄送：市知识产权联席会议办公室。")
        .expect("抄送");
    assert_eq!(cc.page, last);
    assert!(
        m.rules
            .iter()
            .all(|r| r.page != last || r.color == red() || r.dx < 100.0),
        "no 版记 rules"
    );
    assert!(m.find("印发").is_none(), "no 印发机关/印发日期");
}

#[test]
fn order_mark_sits_20mm_below_the_block_with_its_number_and_body_two_lines_down() {
    let m = measure_file(&kind_sample("order-2025.toml"));
    let marks = mark_lines(&m);
    assert_eq!(marks.len(), 1);
    assert_eq!(marks[0].text.replace(' ', ""), "江州市人民政府令");
    close(
        marks[0].top(),
        g::MARGIN_TOP_MM + g::ORDER_MARK_TOP_MM,
        "mark top below the text block's top",
    );
    let number = m.find_line("第12号").expect("令号");
    close(
        number.top() - marks[0].bottom(),
        leading_mm() + 2.0 * pitch_mm(),
        "mark → 令号: two blank lines",
    );
    close(
        (number.x0 + number.x1) / 2.0,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM / 2.0,
        "令号 centred",
    );
    let body = m.find_line("《江州市知识产权保护办法》").expect("body");
    close(
        body.top() - number.bottom(),
        leading_mm() + 2.0 * pitch_mm(),
        "令号 → body: two blank lines",
    );
    assert!(red_rules(&m).is_empty(), "no red line in the 命令格式");
    // 签发人职务 two characters left of the 签名章 (name) 右空四字, the date one line below.
    let cell = g::TEXT_WIDTH_MM / f64::from(g::CHARS_PER_LINE);
    let signer = m.find_line("陈立新").expect("signer");
    assert_eq!(signer.text.replace(' ', ""), "市长\u{3000}\u{3000}陈立新");
    close(
        signer.x1,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM - 4.0 * cell,
        "签名章右空四字",
    );
    let date = m.find_line("2025年4月2日").expect("date");
    close(
        date.baseline - signer.baseline,
        2.0 * pitch_mm(),
        "date one blank line below",
    );
    close(
        date.x1,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM - 4.0 * cell,
        "date 右空四字",
    );
    let body_end = m
        .lines(signer.page)
        .into_iter()
        .rfind(|l| l.baseline < signer.baseline)
        .expect("body's last line");
    close(
        signer.top() - body_end.bottom(),
        leading_mm() + 2.0 * pitch_mm(),
        "two lines below the body",
    );
}

#[test]
fn minutes_mark_ends_with_jiyao_and_lists_attendance_below_the_body() {
    let m = measure_file(&kind_sample("minutes-2025.toml"));
    let marks = mark_lines(&m);
    assert_eq!(marks[0].text.replace(' ', ""), "江州市知识产权联席会议纪要");
    close(
        marks[0].top(),
        g::MARGIN_TOP_MM + g::MARK_TOP_MM,
        "mark 35 mm down",
    );
    let cell = g::TEXT_WIDTH_MM / f64::from(g::CHARS_PER_LINE);
    let present = m.find_line("出席：").expect("出席");
    // (The full-width colon is a run of its own: the label's words are looked up.)
    let label = m.find("出席").unwrap();
    assert_eq!(label.family, "FandolHei", "label in 黑体");
    let name = m.find("张晓明").unwrap();
    assert_eq!(name.family, "FandolFang R", "names in 仿宋");
    close(present.x0, g::MARGIN_LEFT_MM + 2.0 * cell, "出席 左空二字");
    // One blank line below the body's last line, or the first line of the next page (a blank
    // line is not carried to the top of a page).
    let body_last = m.find_line("共同组织。").expect("body's last line");
    if body_last.page == present.page {
        close(
            present.baseline - body_last.baseline,
            2.0 * pitch_mm(),
            "one blank line",
        );
    } else {
        close(
            present.top(),
            g::MARGIN_TOP_MM,
            "first line of the next page",
        );
    }
    // The list wraps, its second line aligned with the first name after the colon.
    let lines = m.lines(present.page);
    let at = lines
        .iter()
        .position(|l| l.text.contains("出席："))
        .unwrap();
    let wrapped = &lines[at + 1];
    assert!(
        !wrapped.text.contains("请假"),
        "出席 wraps: {}",
        wrapped.text
    );
    close(
        wrapped.x0,
        g::MARGIN_LEFT_MM + 5.0 * cell,
        "wrapped names under the first name",
    );
    let absent = m.find_line("请假：").expect("请假");
    let observers = m.find_line("列席：").expect("列席");
    close(absent.x0, g::MARGIN_LEFT_MM + 2.0 * cell, "请假 左空二字");
    close(
        observers.baseline - absent.baseline,
        pitch_mm(),
        "列席 on the next line",
    );
    assert!(absent.baseline > wrapped.baseline);
    assert!(m.find("主送").is_none());
}

/// Every row of KINDS: its sample and its `new` template pass check, render to PDF and DOCX.
#[test]
fn every_kind_sample_and_template_checks_and_renders_to_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    for row in gongwen::spec::KINDS {
        let kind = row.id;
        let o = common::gongwen(&["new", kind], dir.path());
        assert!(o.status.success(), "new {kind}");
        let template = String::from_utf8(o.stdout).unwrap();
        assert!(template.contains(&format!("kind = \"{kind}\"")), "{kind}");
        let sample = std::fs::read_to_string(common::sample(row.sample)).unwrap();
        for (what, text) in [("template", template), ("sample", sample)] {
            let report = common::engine()
                .check_source(&text, Path::new(&format!("{kind}.toml")))
                .unwrap_or_else(|e| panic!("{kind} {what}: {e}"));
            assert!(
                report.diagnostics.is_empty(),
                "{kind} {what}: {:?}",
                report.diagnostics
            );
            let (spec, _) = report.into_result().unwrap();
            let doc = gongwen::compose::compose(&spec);
            let out = common::engine()
                .render(&doc, gongwen::Formats::all(), PdfSettings::default())
                .unwrap_or_else(|e| panic!("{kind} {what}: {e}"));
            let pdf = out.get(gongwen::Format::Pdf).map(<[u8]>::to_vec).unwrap();
            assert!(pdf.starts_with(b"%PDF") && out.pages >= 1, "{kind} {what}");
            let docx = out.get(gongwen::Format::Docx).map(<[u8]>::to_vec).unwrap();
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
            let mut xml = String::new();
            std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
                .unwrap();
            // The kind's words reach the DOCX: the mark and the first body text.
            let header = doc.parts[0].header.as_ref();
            assert!(header.is_some() || !row.needs_header, "{kind} {what}");
            if let Some(mark) = header {
                assert!(
                    xml.contains(&mark.mark.lines[0].text),
                    "{kind} {what}: mark"
                );
            }
            let first: String = doc.parts[0].body[0].spans[0].text.chars().take(8).collect();
            assert!(xml.contains(&first), "{kind} {what}: {first}");
        }
    }
}

#[test]
fn letter_docx_frames_the_mark_30mm_down_with_both_double_lines_and_no_first_page_number() {
    let doc = gongwen::load(&kind_sample("letter-2025.toml")).unwrap();
    let docx = common::engine()
        .render(&doc, Format::Docx, PdfSettings::default())
        .unwrap()
        .get(gongwen::Format::Docx)
        .map(<[u8]>::to_vec)
        .unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    let twips = |mm: f64| ((mm * 72.0 * 20.0 / 25.4).round() as i64).to_string();
    // The mark's frame hangs from the page 30 mm down; the double lines are 170 mm wide from
    // 20 mm, thick over thin then thin over thick, stroke by stroke (a framed paragraph's
    // single top border each: compound borders read differently in Word and LibreOffice).
    assert!(
        xml.contains(&format!("w:y=\"{}\"", twips(g::LETTER_MARK_TOP_MM))),
        "mark frame at 30 mm"
    );
    assert!(xml.contains("w:vAnchor=\"page\""));
    assert_eq!(
        xml.matches(&format!("w:w=\"{}\"", twips(g::LETTER_RULE_LENGTH_MM)))
            .count(),
        4
    );
    assert!(xml.contains(&format!("w:x=\"{}\"", twips(20.0))));
    let eighths = |mm: f64| ((mm * 72.0 / 25.4 * 8.0).round() as i64).to_string();
    let red = g::RED.trim_start_matches('#');
    let strokes: Vec<&str> = xml
        .split("<w:top ")
        .skip(1)
        .filter(|b| b.contains(&format!("w:color=\"{red}\"")))
        .filter_map(|b| b.split("w:sz=\"").nth(1)?.split('"').next())
        .collect();
    let (thick, thin) = (
        eighths(g::LETTER_RULE_THICK_MM),
        eighths(g::LETTER_RULE_THIN_MM),
    );
    assert_eq!(strokes, [&thick, &thin, &thin, &thick], "{xml}");
    assert!(
        xml.contains("<w:titlePg"),
        "first page footer of its own (empty)"
    );
}
