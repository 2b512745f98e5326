//! The GB/T 9704 numbers, measured on the laid-out samples (typst frames, in mm).

mod common;

use common::{measure_file, measure_str, pt, sample};
use gongwen::gbt9704 as g;
use gongwen::render::measure::{Line, Measured};
use std::sync::OnceLock;

const TOL: f64 = 0.5;

fn national() -> &'static Measured {
    static M: OnceLock<Measured> = OnceLock::new();
    M.get_or_init(|| measure_file(&sample("national-2024-notice.toml")))
}

fn shanghai() -> &'static Measured {
    static M: OnceLock<Measured> = OnceLock::new();
    M.get_or_init(|| measure_file(&sample("shanghai-2025-notice.toml")))
}

fn pitch_mm() -> f64 {
    pt(g::line_pitch_pt())
}

fn leading_mm() -> f64 {
    pt(g::leading_pt())
}

fn close(got: f64, want: f64, what: &str) {
    assert!(
        (got - want).abs() <= TOL,
        "{what}: measured {got:.2} mm, standard {want:.2} mm"
    );
}

fn text_top() -> f64 {
    g::MARGIN_TOP_MM
}

fn text_bottom() -> f64 {
    g::MARGIN_TOP_MM + g::TEXT_HEIGHT_MM
}

fn text_right() -> f64 {
    g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM
}

fn red_runs(m: &Measured) -> Vec<&gongwen::render::measure::TextRun> {
    m.texts
        .iter()
        .filter(|t| t.page == 1 && t.fill == g::RED.to_lowercase())
        .collect()
}

/// How far the bundled 宋体's 一字线 reaches above the baseline (em), read from the face.
fn dash_top_em() -> f64 {
    let bytes = gongwen::fonts::bundled("FandolSong-Regular.otf").unwrap();
    let face = ttf_parser::Face::parse(bytes, 0).unwrap();
    let dash = face.glyph_index('\u{2014}').unwrap();
    let bbox = face.glyph_bounding_box(dash).unwrap();
    f64::from(bbox.y_max) / f64::from(face.units_per_em())
}

#[test]
fn mark_top_edge_is_35mm_below_the_text_block() {
    for m in [national(), shanghai()] {
        let top = red_runs(m).iter().map(|t| t.top()).fold(f64::MAX, f64::min);
        close(top, text_top() + g::MARK_TOP_MM, "mark top");
    }
}

#[test]
fn joint_mark_stacks_issuers_with_suffix_centred_beside_them() {
    let runs = red_runs(national());
    let lines: Vec<Line> = national()
        .lines(1)
        .into_iter()
        .filter(|l| l.size_pt > 30.0)
        .collect();
    assert_eq!(lines.len(), 3, "three stacked issuer lines");
    assert!(lines[0].text.starts_with("国家知识产权局"));
    assert!(lines[2].text.starts_with("市场监管总局"));
    let suffix: Vec<_> = runs
        .iter()
        .filter(|t| t.text == "文" || t.text == "件" || t.text == "文件")
        .collect();
    let suffix_mid = (suffix[0].top() + suffix[0].bottom()) / 2.0;
    let stack_mid = (lines[0].top() + lines[2].bottom()) / 2.0;
    close(suffix_mid, stack_mid, "文件 centred on the stack");
    close(lines[0].x1, lines[2].x1, "names share one width");
    assert!(suffix[0].x > lines[0].x1, "文件 stands right of the names");
    let left = runs.iter().map(|t| t.x).fold(f64::MAX, f64::min);
    let right = runs.iter().map(|t| t.right()).fold(0.0, f64::max);
    assert!(
        right - left <= g::TEXT_WIDTH_MM,
        "mark within the text block"
    );
    close(
        (left + right) / 2.0,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM / 2.0,
        "mark centred",
    );
}

fn doc_number(m: &Measured, text: &str) -> Line {
    m.find_line(text).expect("doc number laid out")
}

#[test]
fn doc_number_sits_two_blank_lines_below_the_mark_with_hexagonal_brackets() {
    for (m, number) in [
        (national(), "国知发办字〔2024〕8号"),
        (shanghai(), "沪知联办〔2025〕2号"),
    ] {
        let mark_bottom = red_runs(m).iter().map(|t| t.bottom()).fold(0.0, f64::max);
        let n = doc_number(m, number);
        close(
            n.top() - mark_bottom,
            leading_mm() + 2.0 * pitch_mm(),
            "mark → 发文字号",
        );
        close(
            (n.x0 + n.x1) / 2.0,
            g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM / 2.0,
            "发文字号 centred",
        );
    }
}

#[test]
fn red_line_is_4mm_below_the_doc_number_and_as_wide_as_the_text_block() {
    for (m, number) in [(national(), "国知发办字"), (shanghai(), "沪知联办")] {
        let n = doc_number(m, number);
        let line = m
            .rules
            .iter()
            .find(|r| r.page == 1 && r.color == g::RED.to_lowercase())
            .expect("red separator");
        close(
            line.y - n.bottom(),
            g::SEPARATOR_BELOW_NUMBER_MM,
            "发文字号 → red line",
        );
        close(line.dx, g::TEXT_WIDTH_MM, "red line length");
        close(line.x, g::MARGIN_LEFT_MM, "red line start");
    }
}

#[test]
fn title_is_2hao_two_blank_lines_below_the_red_line() {
    for m in [national(), shanghai()] {
        let line = m
            .rules
            .iter()
            .find(|r| r.color == g::RED.to_lowercase())
            .unwrap();
        let title = m
            .texts
            .iter()
            .filter(|t| t.page == 1 && t.size_pt == g::TITLE_SIZE_PT)
            .min_by(|a, b| a.baseline.total_cmp(&b.baseline))
            .unwrap();
        close(
            title.top() - line.y,
            leading_mm() + 2.0 * pitch_mm(),
            "red line → title",
        );
    }
}

fn body_lines(m: &Measured, page: usize) -> Vec<Line> {
    m.lines(page)
        .into_iter()
        .filter(|l| l.size_pt == g::BODY_SIZE_PT)
        .collect()
}

#[test]
fn full_pages_carry_22_lines_on_the_grid() {
    let m = national();
    // (Page 2 ends a line early: its last line would be the heading 三、活动主题, which goes
    // with its text to page 3.)
    for page in [3, 4] {
        let lines = body_lines(m, page);
        assert_eq!(lines.len(), g::LINES_PER_PAGE as usize, "page {page}");
        close(
            lines[0].baseline - pt(0.88 * g::BODY_SIZE_PT),
            text_top(),
            "first line top",
        );
        let last = lines.last().unwrap();
        close(
            last.baseline + pt(0.12 * g::BODY_SIZE_PT),
            text_bottom(),
            "last line bottom",
        );
        for pair in lines.windows(2) {
            close(
                pair[1].baseline - pair[0].baseline,
                pitch_mm(),
                "line pitch",
            );
        }
    }
}

/// A line of ideographs and commas only: typst adjusts other punctuation (标点挤压) as Word
/// does, so only such lines show the bare grid.
fn plain_cjk(l: &Line) -> bool {
    let punct = |c: char| "。；：？！（）《》“”".contains(c);
    l.text
        .chars()
        .all(|c| gongwen::compose::text::is_wide(c) && !punct(c))
}

#[test]
fn full_body_lines_hold_28_characters() {
    let mut checked = 0;
    let punct = |c: Option<char>| c.is_some_and(|c| "，。、；：？！（）《》“”".contains(c));
    for m in [national(), shanghai()] {
        for page in 1..=m.pages.len() {
            let lines = body_lines(m, page);
            for (i, l) in lines.iter().enumerate() {
                // 避头尾: a line whose successor starts with punctuation gave it a character.
                // The line breaker may also carry the last character down with that mark.
                let next: Vec<char> = lines
                    .get(i + 1)
                    .map(|n| n.text.chars().take(2).collect())
                    .unwrap_or_default();
                if next.iter().any(|&c| punct(Some(c))) {
                    continue;
                }
                let l = l.clone();
                let flush = (l.x0 - g::MARGIN_LEFT_MM).abs() < 0.2;
                let full = (l.x1 - text_right()).abs() < 0.5;
                if flush && full && plain_cjk(&l) {
                    assert_eq!(l.text.chars().count(), 28, "page {page}: {}", l.text);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 20, "only {checked} full lines found");
}

#[test]
fn headings_use_hei_kai_by_level() {
    let m = national();
    let family = |needle: &str| m.find(needle).unwrap().family.clone();
    // (Each full-width mark is a run of its own: the headings' words are looked up.)
    assert_eq!(family("总体要求"), "FandolHei");
    assert_eq!(family("宣传学习贯彻"), "FandolKai");
    assert_eq!(family("以习近平新时代"), "FandolFang R");
}

#[test]
fn run_in_heading_shares_its_paragraph_with_the_text() {
    let m = national();
    let line = m.find_line("（五）宣传知识产权法律法规").unwrap();
    let families: Vec<&str> = m
        .texts
        .iter()
        .filter(|t| t.page == line.page && (t.baseline - line.baseline).abs() < 0.1)
        .map(|t| t.family.as_str())
        .collect();
    assert!(
        families.contains(&"FandolKai"),
        "heading in Kai: {families:?}"
    );
    assert!(
        families.contains(&"FandolFang R"),
        "text on the heading's line: {families:?}"
    );
}

#[test]
fn page_numbers_sit_7mm_below_the_text_block_outer_side_one_character_in() {
    let one_char = pt(g::SMALL_SIZE_PT);
    for m in [national(), shanghai()] {
        let mut seen = 0;
        for (i, &(w, h)) in m.pages.iter().enumerate() {
            let page = i + 1;
            let runs: Vec<_> = m
                .texts
                .iter()
                .filter(|t| t.page == page && t.size_pt == g::SMALL_SIZE_PT && t.text.contains('—'))
                .collect();
            let Some(first) = runs.first() else { continue };
            seen += 1;
            // §7.5 4号半角宋体阿拉伯数字: the digits in the 宋体 face, beside the dashes.
            let digits: Vec<_> = m
                .texts
                .iter()
                .filter(|t| {
                    t.page == page
                        && t.size_pt == g::SMALL_SIZE_PT
                        && t.text.trim().parse::<u32>() == Ok(page as u32)
                })
                .collect();
            assert_eq!(digits.len(), 1, "page {page}: the number's digits");
            for d in digits {
                assert_eq!(d.family, "FandolSong", "page {page}: 「{}」", d.text);
            }
            // Where the label sits on the printed (portrait) sheet: a turned landscape page's
            // point (x, y) is the sheet's (y, width − x), and its label runs along the sheet.
            let turned = m.turned[i];
            assert_eq!(turned, w > h, "page {page}: landscape pages are turned");
            let sheet_w = if turned { h } else { w };
            let on_sheet = |t: &gongwen::render::measure::TextRun| {
                if turned {
                    assert_eq!(
                        t.angle, 90.0,
                        "page {page}: the number is turned with the page"
                    );
                    (t.baseline, t.baseline + t.width, w - t.x)
                } else {
                    (t.x, t.right(), t.baseline)
                }
            };
            // §7.5: the 一字线's ink (the dash glyph's top, from the face) 7 mm below the block.
            let baseline = on_sheet(first).2;
            assert_eq!(
                first.text, "—",
                "page {page}: the label starts with its dash"
            );
            close(
                baseline - dash_top_em() * pt(first.size_pt),
                text_bottom() + g::PAGE_NUMBER_BELOW_MM,
                &format!("page {page} number's dash"),
            );
            let x0 = runs.iter().map(|t| on_sheet(t).0).fold(f64::MAX, f64::min);
            let x1 = runs.iter().map(|t| on_sheet(t).1).fold(0.0, f64::max);
            if page % 2 == 1 {
                close(
                    x1,
                    sheet_w - g::MARGIN_RIGHT_MM - one_char,
                    &format!("odd page {page} right"),
                );
            } else {
                close(
                    x0,
                    g::MARGIN_LEFT_MM + one_char,
                    &format!("even page {page} left"),
                );
            }
        }
        assert!(seen >= 5);
    }
}

#[test]
fn colophon_sits_on_the_bottom_of_an_even_last_page_with_its_rules() {
    for m in [national(), shanghai()] {
        let last = m.pages.len();
        assert_eq!(last % 2, 0, "last page is even");
        let rules: Vec<_> = m
            .rules
            .iter()
            .filter(|r| r.page == last && r.dy == 0.0 && (r.dx - g::TEXT_WIDTH_MM).abs() < 0.1)
            .collect();
        let bottom = rules.iter().map(|r| r.y).fold(0.0, f64::max);
        close(bottom, text_bottom(), "last colophon rule");
        let outer: Vec<_> = rules
            .iter()
            .filter(|r| (r.thickness - g::COLOPHON_OUTER_RULE_MM).abs() < 0.01)
            .collect();
        assert_eq!(outer.len(), 2, "first and last rule 0.35 mm");
        assert!(m
            .find("印发")
            .is_some_and(|t| t.page == last && t.size_pt == g::SMALL_SIZE_PT));
    }
}

#[test]
fn signature_is_not_alone_on_its_page_and_date_is_four_characters_in() {
    for m in [national(), shanghai()] {
        let date = (2..=m.pages.len())
            .flat_map(|p| body_lines(m, p))
            .find(|l| l.text.ends_with('日') && l.text.starts_with("20") && !l.text.contains('至'))
            .expect("date line");
        close(
            text_right() - date.x1,
            4.0 * pt(g::cell_pt()),
            "date 右空四字",
        );
        let lines = body_lines(m, date.page);
        let above = lines.iter().filter(|l| l.baseline < date.baseline).count();
        assert!(above >= 2, "body text shares the signature page");
    }
}

#[test]
fn annexes_start_new_pages_with_their_label_in_hei() {
    let m = shanghai();
    for label in ["附件1", "附件2"] {
        let line = m.find_line(label).unwrap_or_else(|| panic!("{label}"));
        assert_eq!(m.lines(line.page).first().unwrap().text, label);
        let hei = m
            .texts
            .iter()
            .any(|t| t.page == line.page && t.text == "附件" && t.family == "FandolHei");
        assert!(hei, "{label} in 黑体");
    }
    let landscape = m.pages.iter().filter(|(w, h)| w > h).count();
    assert!(landscape >= 2, "wide tables on landscape pages");
}

#[test]
fn markup_characters_print_literally() {
    let spec = r#"
title = "关于#*$_<@\\测试`[x]`的通知"
opening = "正文含有 #set text(red) 与 $x^2$ 以及 <label> @ref \\ 字样。"
[signature]
date = 2025-04-02
"#;
    let m = measure_str(spec).expect("renders");
    let all: String = m.texts.iter().map(|t| t.text.as_str()).collect();
    assert!(all.contains("#*$_<@\\测试`[x]`"), "{all}");
    assert!(all.contains("#set text(red)"));
    assert!(all.contains("$x^2$"));
}

#[test]
fn rare_name_characters_render_from_the_fallback_face() {
    let spec = r#"
title = "关于表彰朱镕基等同志的通知"
opening = "联系人：王堃、李喆、张昇、刘珺、陈玥。"
[signature]
date = 2025-04-02
"#;
    let m = measure_str(spec).expect("renders");
    for c in ['镕', '堃', '喆', '昇', '珺', '玥'] {
        let run = m
            .texts
            .iter()
            .find(|t| t.text.contains(c))
            .unwrap_or_else(|| panic!("{c} not laid out"));
        assert!(
            run.family == "Noto Serif CJK SC" || run.family.starts_with("Fandol"),
            "{c} from {}",
            run.family
        );
    }
    let fallback = m
        .texts
        .iter()
        .filter(|t| t.family == "Noto Serif CJK SC")
        .count();
    assert!(
        fallback > 0,
        "the fallback face is used for characters Fandol lacks"
    );
}

#[test]
fn a_character_no_font_has_is_an_error_naming_it() {
    let spec = "title = \"关于\u{10FFFD}的通知\"\n[signature]\ndate = 2025-04-02\n";
    let err = measure_str(spec).expect_err("must fail");
    let msg = err.to_string();
    assert!(
        msg.contains("U+10FFFD") && msg.contains("字段 title"),
        "{msg}"
    );
}

#[test]
fn a_red_header_that_leaves_no_room_for_the_body_on_page_one_is_an_error() {
    let base = std::fs::read_to_string(common::sample("national-2024-notice.toml")).unwrap();
    let with = |n: usize| {
        let issuers: Vec<String> = (0..n).map(|i| format!("\"某某省第{i}厅\"")).collect();
        base.replacen(
            "issuers = [\"国家知识产权局\", \"中央宣传部\", \"市场监管总局\"]",
            &format!("issuers = [{}]", issuers.join(", ")),
            1,
        )
    };
    // Up to 6 issuers the 主送 still starts on page 1 here; from 8 the header takes it all.
    for n in [1, 3, 6] {
        let m = common::measure_str(&with(n)).unwrap_or_else(|e| panic!("{n}: {e}"));
        let page1: String = m.lines(1).iter().map(|l| l.text.replace(' ', "")).collect();
        assert!(
            page1.contains("各省、自治区"),
            "{n} issuers: 主送 on page 1"
        );
    }
    for n in [8, 13] {
        let err = common::measure_str(&with(n)).unwrap_err().to_string();
        assert!(err.contains("版头过高"), "{n} issuers: {err}");
    }
}

/// Seed 003: a two-line mark without 文件 (a long name broken as the office does) and no
/// 发文字号; the 发文字号 line stays blank, so the red line and the title keep their places.
#[test]
fn a_long_name_without_wenjian_or_doc_number_is_a_two_line_spread_mark() {
    let path = sample("wuhua-2023-plan.toml");
    let m = measure_file(&path);
    let marks: Vec<Line> = m
        .lines(1)
        .into_iter()
        .filter(|l| l.size_pt > 30.0)
        .collect();
    let texts: Vec<String> = marks.iter().map(|l| l.text.replace(' ', "")).collect();
    assert_eq!(
        texts,
        ["五华区知识产权战略实施工作", "联席会议领导小组办公室"]
    );
    assert!(red_runs(&m).iter().all(|t| !t.text.contains("文件")));
    close(marks[0].top(), text_top() + g::MARK_TOP_MM, "mark top");
    close(
        marks[1].x0,
        marks[0].x0,
        "second line starts with the first",
    );
    close(
        marks[1].x1,
        marks[0].x1,
        "second line spread to the first's width",
    );
    close(
        (marks[0].x0 + marks[0].x1) / 2.0,
        g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM / 2.0,
        "mark centred",
    );
    assert!(marks[0].x1 - marks[0].x0 <= g::TEXT_WIDTH_MM + 0.01);
    // 34 pt: the widest line (13 characters) fitted to the text block.
    assert_eq!(marks[0].size_pt, 34.0);
    let line = m
        .rules
        .iter()
        .find(|r| r.page == 1 && r.color == g::RED.to_lowercase())
        .expect("red separator");
    let number_bottom = marks[1].bottom() + leading_mm() + 2.0 * pitch_mm() + pt(g::BODY_SIZE_PT);
    close(
        line.y,
        number_bottom + g::SEPARATOR_BELOW_NUMBER_MM,
        "red line under the blank 发文字号 line",
    );
    let title = m.find_line("关于印发《五华区2023年").expect("title");
    close(
        title.top() - line.y,
        leading_mm() + 2.0 * pitch_mm(),
        "red line → title",
    );
    // The missing 发文字号 is a warning located at the [header] table, not an error.
    let source = std::fs::read_to_string(&path).unwrap();
    let report = common::engine().check_source(&source, &path).unwrap();
    assert!(!report.has_errors(), "{:?}", report.diagnostics);
    let w = report
        .diagnostics
        .iter()
        .find(|d| d.rule == "doc-number-missing")
        .expect("warning");
    let header_line = source.lines().position(|l| l == "[header]").unwrap() + 1;
    assert_eq!((w.line, w.column), (header_line, 2));
    assert!(w.message.contains("没有发文字号"), "{}", w.message);
}

#[test]
fn long_urls_and_addresses_break_inside_the_text_block_and_keep_their_text() {
    // Issue 12 item 7: a run without / or - (a code, an address) was drawn to x = 600 pt.
    let url =
        "https://www.example-office.gov.cn/upload/intellectual-property/2026/report-form.xlsx";
    let mail = "ipweekdistrictofficecontact2026@exampleofficeserver.gov.cn";
    let code = "ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789";
    for (at, lead) in [
        (0, ""),
        (5, "请于4月10日前"),
        (11, "请于4月10日前将材料上传至"),
    ] {
        let spec = format!(
            "title = \"关于报送材料的通知\"\nopening = \"{lead}{url}，或发送至{mail}，查询码{code}。\"\n[signature]\ndate = 2026-04-02\n"
        );
        let m = measure_str(&spec).expect("renders");
        for t in &m.texts {
            assert!(
                t.right() <= text_right() + 0.3 && t.x >= g::MARGIN_LEFT_MM - 0.3,
                "case {at}: {:?} spans {:.1}–{:.1} mm",
                t.text,
                t.x,
                t.right()
            );
        }
        let all: String = m.texts.iter().map(|t| t.text.as_str()).collect();
        for whole in [url, mail, code] {
            assert!(all.contains(whole), "case {at}: {whole} not kept as text");
        }
    }
}

#[test]
fn member_lists_never_break_a_name_across_lines() {
    // Issue 12 item 9: 「中国贸促 / 会」. Names of several lengths, in no sample.
    let names = [
        "最高人民法院",
        "最高人民检察院",
        "外交部",
        "国家发展改革委",
        "中国国际贸易促进委员会",
        "工业和信息化部",
        "人力资源社会保障部",
        "中国贸促会",
        "国家卫生健康委",
        "退役军人事务部",
        "国务院国资委",
        "中华全国供销合作总社",
        "中国科协",
        "共青团中央",
        "全国妇联",
        "中国残联",
    ];
    for skip in 0..4 {
        let items: Vec<String> = names
            .iter()
            .skip(skip)
            .map(|n| format!("\"{n}\""))
            .collect();
        let spec = format!(
            "title = \"关于成立活动组委会的通知\"\nopening = \"现将有关事项通知如下。\"\n[signature]\ndate = 2026-04-02\n\n[[annexes]]\ntitle = \"组委会成员单位\"\nkind = \"list\"\n[[annexes.groups]]\nlabel = \"成员单位\"\nitems = [{}]\n",
            items.join(", ")
        );
        let m = measure_str(&spec).expect("renders");
        let page = m.find_line("成员单位：").expect("list").page;
        let lines: Vec<String> = body_lines(&m, page)
            .into_iter()
            .map(|l| l.text.replace(' ', ""))
            .skip_while(|l| !l.starts_with("成员单位："))
            .collect();
        assert!(lines.len() >= 3, "{lines:?}");
        let mut seen = 0;
        for l in &lines {
            let l = l.trim_start_matches("成员单位：");
            for piece in l.split('、').filter(|p| !p.is_empty()) {
                assert!(
                    names.contains(&piece),
                    "skip {skip}: {piece:?} in {lines:?}"
                );
                seen += 1;
            }
            let cells = l.chars().count() + 5;
            assert!(cells <= 26, "{l}: {cells} cells past the indent");
        }
        assert_eq!(seen, names.len() - skip, "{lines:?}");
    }
}

#[test]
fn minutes_attendance_lists_never_break_a_name_across_lines() {
    let m = measure_file(&sample("kinds/minutes-2025.toml"));
    let spec = gongwen::spec::load(&sample("kinds/minutes-2025.toml")).unwrap();
    let a = spec.attendance.expect("attendance");
    let names: Vec<String> = [a.present, a.absent, a.observers].concat();
    let at = m.find_line("出席：").expect("出席");
    let lines: Vec<String> = body_lines(&m, at.page)
        .into_iter()
        .skip_while(|l| !l.text.starts_with("出席："))
        .map(|l| l.text)
        .collect();
    let mut seen = 0;
    for l in &lines {
        let l = l.split_once('：').map_or(l.as_str(), |(_, rest)| rest);
        for piece in l.split('、').map(str::trim).filter(|p| !p.is_empty()) {
            assert!(names.iter().any(|n| n == piece), "{piece:?} in {lines:?}");
            seen += 1;
        }
    }
    assert_eq!(seen, names.len(), "{lines:?}");
}

/// From the bottom of the last title line to the top of the line after it, on the title's page.
fn below_title_mm(m: &Measured, page: usize) -> (f64, String) {
    let lines = m.lines(page);
    let last_title = lines
        .iter()
        .rposition(|l| (l.size_pt - g::TITLE_SIZE_PT).abs() < 0.01)
        .unwrap_or_else(|| panic!("no title on page {page}"));
    let next = &lines[last_title + 1];
    (next.top() - lines[last_title].bottom(), next.text.clone())
}

#[test]
fn a_blank_line_follows_the_title_with_or_without_a_recipient_line() {
    // With 主送 (§7.3.3 标题下空一行), the measure for the others.
    let (with_recipients, next) = below_title_mm(national(), 1);
    assert!(next.starts_with("各省"), "{next}");
    assert!(with_recipients > pitch_mm(), "{with_recipients:.1} mm");
    // Without 主送 the 正文 keeps the same blank line: an announcement, a plan, and the plan a
    // cover notice transmits (its title on page 2).
    for (name, page) in [
        ("kinds/announcement-2025.toml", 1),
        ("yingkou-2025-plan.toml", 1),
        ("shanghai-2024-workpoints.toml", 2),
    ] {
        let m = measure_file(&sample(name));
        let (gap, next) = below_title_mm(&m, page);
        close(gap, with_recipients, &format!("{name}: title → 「{next}」"));
    }
}

#[test]
fn several_signers_are_spaced_one_character_apart() {
    let toml = std::fs::read_to_string(sample("kinds/request-2025.toml"))
        .unwrap()
        .replace("signers = [\"李建国\"]", "signers = [\"李建国\", \"王芳\"]");
    assert!(toml.contains("\"王芳\""), "the sample names one signer");
    let m = measure_str(&toml).unwrap();
    // The two names' runs: the gap between them is one character of the body (§7.2.5 均匀编排).
    let first = m.find("李建国").expect("first name");
    let second = m.find("王芳").expect("second name");
    close(
        second.x - first.right(),
        pt(g::cell_pt()),
        "gap between 签发人 names",
    );
}

/// A heading on a line of its own never ends a page (与下段同页): it goes to the next page with
/// the text it heads — in every sample and every kind's.
#[test]
fn no_page_ends_with_a_heading_on_its_own_line() {
    let specs = common::every_sample();
    let mut pages = 0;
    for spec in &specs {
        let m = measure_file(spec);
        for page in 1..m.pages.len() {
            let Some(last) = body_lines(&m, page).pop() else {
                continue;
            };
            let runs: Vec<_> = m
                .texts
                .iter()
                .filter(|t| t.page == page && (t.baseline - last.baseline).abs() < 0.3)
                .collect();
            let heading = runs
                .iter()
                .all(|t| t.family.contains("Hei") || t.family.contains("Kai"));
            assert!(
                !heading,
                "{} p{page} ends with the heading “{}”",
                spec.display(),
                last.text
            );
            pages += 1;
        }
    }
    assert!(pages > 60, "{pages} pages");
}

/// A closing paragraph the template splits across pages (its signature would stand alone
/// otherwise) is cut between words, never inside a telephone number: 「联系电话：」 ends the
/// page and 「0838-2512345。」 starts the next (it had read 「联系电话：0」 / 「838-2512345。」).
#[test]
fn a_closing_split_across_pages_never_cuts_a_telephone_number() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layout/split-closing-phone.toml");
    let m = measure_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let page_number = |l: &Line| {
        l.text
            .chars()
            .all(|c| c == '—' || c.is_ascii_digit() || c == ' ')
    };
    let lines: Vec<Line> = (1..=m.pages.len())
        .flat_map(|p| m.lines(p))
        .filter(|l| !page_number(l))
        .collect();
    let at = lines
        .iter()
        .position(|l| l.text.contains("联系电话："))
        .expect("the contact line");
    let (this, next) = (&lines[at], &lines[at + 1]);
    assert_eq!(
        next.page,
        this.page + 1,
        "the paragraph is split across pages"
    );
    assert!(this.text.ends_with("联系电话："), "{:?}", this.text);
    assert!(next.text.starts_with("0838-2512345。"), "{:?}", next.text);
}

/// 附注 never stand alone on a page: a closing that stays on its page only by letting its
/// 附注 go on to the next is split instead, so that the next page carries the body's last line,
/// the signature and the date with them (§7.3.5.5; it had left page 2 holding nothing but
/// 「（联系人及电话：…）」).
#[test]
fn notes_never_stand_alone_on_a_page() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/layout/notes-alone-relay.toml");
    let m = measure_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let page = m
        .texts
        .iter()
        .find(|t| t.text.contains("联系人"))
        .expect("the 附注")
        .page;
    let lines: Vec<String> = m.lines(page).into_iter().map(|l| l.text).collect();
    assert!(lines.iter().any(|l| l.ends_with("执行。")), "{lines:?}");
    assert!(lines.iter().any(|l| l.ends_with("日")), "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("象山县人力资源和社会保障局")),
        "{lines:?}"
    );
    let first: Vec<String> = m.lines(1).into_iter().map(|l| l.text).collect();
    assert!(
        first.iter().any(|l| l.starts_with("现将《")),
        "page 1 keeps the body: {first:?}"
    );
}

/// A 附注 whose telephone number does not fit at the end of its line: the number starts the
/// next line and the line before it ends short with its characters a grid cell apart, not
/// stretched across the block (「联 系 人 及 电 话 ：…」, seen in every clerk's cover and in the
/// foodsafety and scitech samples).
#[test]
fn a_note_s_line_before_a_telephone_number_carried_down_is_not_stretched() {
    let spec = r#"title = "关于做好燃气安全工作的通知"
recipients = "各街道办事处"
opening = "为做好今冬明春燃气安全工作，现将有关事项通知如下。"
contacts = "联系人及电话：区住建局燃气安全科 何晓东 028-87921463"

[signature]
issuer = "成都市郫都区住房和城乡建设局"
date = 2026-12-11
"#;
    let m = measure_str(spec).unwrap();
    let line = m.find_line("联系人及电话").expect("the note");
    let next = m.find_line("87921463").expect("the number");
    assert!(
        next.text.trim_start().starts_with("028-87921463"),
        "{}",
        next.text
    );
    // 「（联系人及电话：区住建局燃气安全科」 (16 characters) and 「 何晓东」: about 19.5 cells
    // from the note's indent of two, not the 26 of a stretched line.
    let cell = g::TEXT_WIDTH_MM / f64::from(g::CHARS_PER_LINE);
    let width = line.x1 - line.x0;
    assert!(
        width < 21.0 * cell,
        "the line is {width:.1} mm: {}",
        line.text
    );
}
