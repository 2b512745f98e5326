//! The 28 × 22 grid holds under any punctuation: every full-width mark keeps a cell of its own
//! (no line holds more than 28 cells, no glyph leaves the text block), 避头尾 holds, and an
//! annex table's row never breaks across pages (GB/T 9704 §5.2.2, §8; issue 12 items 4 and 5).

mod common;

use common::measure_str;
use gongwen::gbt9704 as g;
use gongwen::render::measure::Measured;

const CLOSING: &str = "，。、；：？！）》”";
const OPENING: &str = "（《“";

/// Cells a line's text takes: a full-width character one, a half-width one half.
fn cells(text: &str) -> f64 {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if (c as u32) < 0x2000 { 0.5 } else { 1.0 })
        .sum()
}

/// A deterministic stream of text dense with adjacent marks, as lists of offices are
/// (「（局），农业农村厅（委），」): every seed gives a different arrangement.
fn marked_text(seed: u64, len: usize) -> String {
    let words = [
        "农业农村厅",
        "局",
        "委",
        "商务主管部门",
        "文化和旅游厅",
        "市场监管局",
        "教育",
        "卫生健康委",
    ];
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = |n: usize| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((state >> 33) as usize) % n
    };
    let mut out = String::new();
    while out.chars().count() < len {
        match next(6) {
            0 => out.push_str(&format!("（{}）", words[next(words.len())])),
            1 => out.push_str(&format!("《{}》", words[next(words.len())])),
            2 => out.push_str(&format!("“{}”", words[next(words.len())])),
            _ => out.push_str(words[next(words.len())]),
        }
        let closing: Vec<char> = CLOSING.chars().collect();
        out.push(closing[next(closing.len())]);
        if next(3) == 0 {
            out.push(closing[next(closing.len())]);
        }
    }
    out
}

fn spec_with(paragraphs: &[String]) -> String {
    let body: Vec<String> = paragraphs.iter().map(|p| format!("\"{p}\"")).collect();
    format!(
        "title = \"关于测试标点占格的通知\"\nrecipients = \"各单位\"\nopening = [{}]\n[signature]\nissuer = \"测试办公室\"\ndate = 2025-04-02\n",
        body.join(", ")
    )
}

/// How far a line's right edge may pass the block (a squeezed or hanging mark is off by half
/// a character, 2.8 mm).
const EDGE_MM: f64 = 0.2;

/// The right edge of a line's last character cell: where its last glyph starts, plus a cell.
/// (The last run's advance also carries the justification's stretch after its last glyph,
/// space with no ink, so the run's own right edge is not the line's.)
fn right_edge(m: &Measured, l: &gongwen::render::measure::Line) -> f64 {
    let last = m
        .texts
        .iter()
        .filter(|t| t.page == l.page && t.angle == 0.0 && (t.baseline - l.baseline).abs() < 0.3)
        .max_by(|a, b| a.x.total_cmp(&b.x))
        .expect("a run");
    let n = cells(&last.text);
    let advance = last.width / n;
    let last_cell = if last
        .text
        .chars()
        .last()
        .is_some_and(|c| (c as u32) < 0x2000)
    {
        0.5
    } else {
        1.0
    };
    last.x + last.width - advance * last_cell + last_cell * g::cell_pt() * 25.4 / 72.0
}

fn body_lines(m: &Measured) -> Vec<gongwen::render::measure::Line> {
    (1..=m.pages.len())
        .flat_map(|p| m.lines(p))
        .filter(|l| (l.size_pt - g::BODY_SIZE_PT).abs() < 0.01)
        .collect()
}

#[test]
fn full_width_marks_keep_their_own_cells_in_generated_text() {
    let left = g::MARGIN_LEFT_MM;
    let right = g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM;
    let mut full = 0;
    for seed in 0..12 {
        let paragraphs: Vec<String> = (0..3).map(|i| marked_text(seed * 3 + i, 160)).collect();
        let m = measure_str(&spec_with(&paragraphs)).expect("renders");
        let lines = body_lines(&m);
        assert!(lines.len() > 10, "seed {seed}: {} lines", lines.len());
        for l in &lines {
            let n = cells(&l.text);
            assert!(
                n <= g::CHARS_PER_LINE as f64,
                "seed {seed}: {n} cells: {}",
                l.text
            );
            assert!(
                l.x0 >= left - 0.2 && right_edge(&m, l) <= right + EDGE_MM,
                "seed {seed}: line {:.1}–{:.1} mm outside {left}–{right}: {}",
                l.x0,
                right_edge(&m, l),
                l.text
            );
            let first = l.text.chars().next().unwrap();
            let last = l.text.chars().last().unwrap();
            assert!(
                !CLOSING.contains(first),
                "seed {seed}: starts with {first}: {}",
                l.text
            );
            assert!(
                !OPENING.contains(last),
                "seed {seed}: ends with {last}: {}",
                l.text
            );
            if n == g::CHARS_PER_LINE as f64 {
                full += 1;
                // A full line is flush with both edges of the block.
                assert!((l.x0 - left).abs() < 0.2, "{:.2}: {}", l.x0, l.text);
            }
        }
    }
    assert!(full > 50, "full lines: {full}");
}

#[test]
fn the_national_list_of_offices_keeps_28_cells_a_line() {
    // National 2024, page 1: 「（局），农业农村厅（委），商务主管部门，文化和旅游厅（局），」 held 29–30
    // characters and spanned 25.2–186.9 mm before marks kept their cells.
    let m = common::measure_file(&common::sample("national-2024-notice.toml"));
    let right = g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM;
    for l in body_lines(&m) {
        assert!(cells(&l.text) <= 28.0, "{}", l.text);
        assert!(l.x0 >= g::MARGIN_LEFT_MM - 0.2, "{:.1}: {}", l.x0, l.text);
        let edge = right_edge(&m, &l);
        assert!(edge <= right + EDGE_MM, "{edge:.1}: {}", l.text);
    }
}

#[test]
fn a_table_row_never_breaks_across_pages() {
    // Rows tall enough (long cells in a narrow column) that some would straddle a page end.
    // Row markers in Chinese numerals: a digit would be a run of its own (the Latin face).
    const MARKS: [&str; 14] = [
        "甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯",
    ];
    let rows: Vec<String> = (1..=14)
        .map(|i| {
            let long = "检查内容包括制度建设、人员培训、台账记录和应急处置".repeat(2);
            let k = MARKS[i - 1];
            format!("[\"{i}\", \"起{k}{long}止{k}\", \"13812345678\"]")
        })
        .collect();
    let spec = format!(
        r#"title = "关于报送检查情况的通知"
recipients = "各单位"
opening = "请填写附件。"
[signature]
issuer = "测试办公室"
date = 2025-04-02
[[annexes]]
title = "检查情况表"
kind = "table"
columns = ["序号", "检查内容", "联系电话"]
rows = [{}]
"#,
        rows.join(", ")
    );
    let m = measure_str(&spec).expect("renders");
    let mut pages = std::collections::BTreeSet::new();
    for (i, k) in MARKS.iter().enumerate() {
        let start = m
            .find(&format!("起{k}"))
            .unwrap_or_else(|| panic!("row {i} start"));
        let end = m
            .texts
            .iter()
            .find(|t| t.text.contains(&format!("止{k}")))
            .unwrap_or_else(|| panic!("row {i} end"));
        assert_eq!(start.page, end.page, "row {i} breaks across pages");
        pages.insert(start.page);
    }
    assert!(pages.len() >= 2, "the table spans pages: {pages:?}");
    // The head repeats on every page the table spans.
    for p in &pages {
        assert!(
            m.texts
                .iter()
                .any(|t| t.page == *p && t.text.contains("检查内容")),
            "head on page {p}"
        );
    }
}

#[test]
fn numbers_in_narrow_columns_stay_whole_inside_their_cells() {
    // Seven columns of long text beside a phone column: proportional widths gave the phone
    // column less than its number needs.
    let long = "负责组织协调本单位宣传活动的具体实施工作";
    let row = format!(
        "[\"{long}\", \"{long}\", \"{long}\", \"{long}\", \"{long}\", \"{long}\", \"100\", \"13812345678\"]"
    );
    let spec = format!(
        r#"title = "关于报送联系人的通知"
recipients = "各单位"
opening = "请填写附件。"
[signature]
issuer = "测试办公室"
date = 2025-04-02
[[annexes]]
title = "联系人表"
kind = "table"
columns = ["单位", "职责", "任务", "要求", "说明", "备注", "序号", "电话"]
rows = [{row}, {row}]
"#
    );
    let m = measure_str(&spec).expect("renders");
    let phone = m
        .texts
        .iter()
        .find(|t| t.text.contains("138"))
        .expect("the phone number");
    assert_eq!(phone.text, "13812345678", "the number is one unbroken run");
    // No vertical table rule crosses the number.
    let crossing = m.rules.iter().any(|r| {
        r.page == phone.page
            && r.dx.abs() < 0.01
            && r.dy.abs() > 1.0
            && r.x > phone.x + 0.1
            && r.x < phone.right() - 0.1
            && r.y.min(r.y + r.dy) < phone.baseline
            && r.y.max(r.y + r.dy) > phone.baseline
    });
    assert!(
        !crossing,
        "a cell border crosses {} at {:.1}–{:.1} mm",
        phone.text,
        phone.x,
        phone.right()
    );
}

/// Where a line's last glyph ends (mm): its own advance, without the justification space
/// typst may set after it.
fn glyphs_right(m: &Measured, l: &gongwen::render::measure::Line) -> f64 {
    m.texts
        .iter()
        .filter(|t| t.page == l.page && t.angle == 0.0 && (t.baseline - l.baseline).abs() < 0.3)
        .map(|t| t.glyphs_right)
        .fold(f64::MIN, f64::max)
}

/// The lines of a body paragraph that another line of it follows (the next line on the page
/// starts at the block's left edge, one line pitch below): (line, where its last glyph ends).
fn lines_followed_in_their_paragraph(m: &Measured) -> Vec<(String, usize, f64)> {
    let left = g::MARGIN_LEFT_MM;
    let pitch = g::line_pitch_pt() / g::PT_PER_MM;
    let mut out = Vec::new();
    for page in 1..=m.pages.len() {
        let lines: Vec<_> = m
            .lines(page)
            .into_iter()
            .filter(|l| (l.size_pt - g::BODY_SIZE_PT).abs() < 0.01)
            .collect();
        for (l, next) in lines.iter().zip(lines.iter().skip(1)) {
            let continues = (next.x0 - left).abs() < 0.2
                && (next.baseline - l.baseline - pitch).abs() < 0.5
                && l.x0 >= left - 0.2;
            if continues {
                out.push((l.text.clone(), page, glyphs_right(m, l)));
            }
        }
    }
    out
}

/// Text with numbers, dates, a telephone number and Latin words among the marks: the lines
/// that cannot take one more character and must be stretched to fill.
fn text_with_numbers(seed: u64, len: usize) -> String {
    let pieces = [
        "2025年4月20日至26日",
        "共63件",
        "0791-86227531",
        "12315热线",
        "GB/T 9704",
        "第3季度",
    ];
    let marked = marked_text(seed, len);
    let mut out = String::new();
    for (i, part) in marked.split('，').enumerate() {
        out.push_str(part);
        out.push_str(pieces[(i + seed as usize) % pieces.len()]);
        out.push('，');
    }
    out.push('。');
    out
}

/// §5.2.3 两端对齐: every line of a paragraph but its last fills the block, its last glyph
/// ending at the right edge ± 0.3 mm — in every sample and every kind's sample, and in
/// generated text whose lines end before a number, a date or an opening mark (they stopped
/// 1.3–8.4 mm short where the paragraph's block took the width of its longest line).
#[test]
fn every_line_but_a_paragraph_s_last_ends_at_the_block_s_right_edge() {
    let right = g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM;
    let mut checked = 0;
    let mut check = |what: &str, m: &Measured| {
        for (text, page, end) in lines_followed_in_their_paragraph(m) {
            assert!(
                (end - right).abs() <= 0.3,
                "{what} p{page}: line ends at {end:.2} mm, not {right} ± 0.3: {text}"
            );
            checked += 1;
        }
    };
    let specs = common::every_sample();
    assert!(specs.len() >= 21, "{specs:?}");
    for spec in &specs {
        check(&spec.display().to_string(), &common::measure_file(spec));
    }
    for seed in 0..6 {
        let paragraphs: Vec<String> = (0..3)
            .map(|i| text_with_numbers(seed * 3 + i, 160))
            .collect();
        let m = measure_str(&spec_with(&paragraphs)).expect("renders");
        check(&format!("seed {seed}"), &m);
    }
    assert!(checked > 400, "only {checked} lines checked");
}

#[test]
fn a_paragraph_of_exactly_28_full_width_cells_stays_on_one_line() {
    // Each paragraph below is exactly 28 cells with its two-cell indent, its last character
    // the last of its text (where typst gives no tracking): an opening mark at the indent,
    // adjacent marks mid-line, and a run-in heading (楷体) whose 「。」 is the last glyph of
    // its face before the body's (it once lost its tracking there, the line was a fifth of a
    // point too long, and its last character went down to a line of its own).
    let opening = "（说明）各区县各有关部门要在五月十五日前完成汛前检查";
    let marks = "建立《防汛工作规则》。各区县各有关部门要在五月十五日";
    let text = "各区县各有关部门要在五月十五";
    let spec = format!(
        r#"title = "关于测试标点占格的通知"
recipients = "各单位"
opening = ["{opening}", "{marks}"]
[[sections]]
heading = "压紧压实防汛责任"
[[sections.sections]]
heading = "组织开展汛前检查。"
run_in = true
text = "{text}"
[signature]
issuer = "测试办公室"
date = 2025-04-02
"#
    );
    let m = measure_str(&spec).expect("renders");
    let lines = body_lines(&m);
    for whole in [
        opening.to_owned(),
        marks.to_owned(),
        format!("（一）组织开展汛前检查。{text}"),
    ] {
        assert_eq!(cells(&whole), 26.0, "{whole}");
        let line = lines
            .iter()
            .find(|l| whole.starts_with(l.text.as_str()) && l.text.chars().count() > 4)
            .unwrap_or_else(|| panic!("a line begins {whole}"));
        assert_eq!(line.text, whole, "{} cells on the line", cells(&line.text));
    }
}
