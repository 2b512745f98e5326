//! Plain text (UTF-8): one line per line, with whether it starts indented and follows a blank
//! line (how a paste marks paragraphs); a form feed or a page-number line ends a page;
//! tab-separated lines are table rows.

use super::lines::Line;
use super::repair::is_page_number;

/// Most undecodable bytes a damaged text may have per 100 characters and still be read.
const DAMAGE_PER_CENT: usize = 1;

/// A received text the strict decoding refused, read with its few undecodable bytes replaced
/// by U+FFFD: UTF-8 first, then GB18030 (a GBK text read as UTF-8 fails on most characters,
/// so it never passes for damaged UTF-8). `None` when it is binary or mostly undecodable.
pub fn decode_damaged(bytes: &[u8]) -> Option<(String, &'static encoding_rs::Encoding)> {
    [encoding_rs::UTF_8, encoding_rs::GB18030]
        .into_iter()
        .find_map(|encoding| {
            let (text, _) = encoding.decode_without_bom_handling(bytes);
            let chars = text.chars().count();
            let bad = text.chars().filter(|&c| c == '\u{fffd}').count();
            let binary = text
                .chars()
                .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
            (!binary && bad * 100 <= chars * DAMAGE_PER_CENT).then(|| (text.into_owned(), encoding))
        })
}

/// Reads text (already decoded) into lines.
pub fn read(text: &str) -> Vec<Line> {
    read_numbered(text, &[])
}

/// Reads text whose k-th line was line `numbers[k]` of the user's file (a Markdown paste read
/// without its rules and marks), so that what the report names stands where the file has it.
pub fn read_numbered(text: &str, numbers: &[usize]) -> Vec<Line> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // (A text with form feeds counts its lines by page.)
    let mapped = !numbers.is_empty() && !text.contains('\u{c}');
    let mut out = Vec::new();
    let (mut page, mut line) = (1, 0);
    let mut blank = false;
    // The page a printed page number ended already (— 3 — then the form feed after it).
    let mut numbered_end = false;
    for (n, raw) in text.split('\n').enumerate() {
        for (k, piece) in raw.split('\u{c}').enumerate() {
            if k > 0 && !std::mem::take(&mut numbered_end) {
                page += 1;
                line = 0;
            }
            let piece = piece.trim_end_matches('\r');
            line += 1;
            if mapped {
                line = numbers.get(n).copied().unwrap_or(line);
            }
            // A row of empty cells under a table (tabs only) is a blank row to fill in.
            let table_goes_on = out.last().is_some_and(|l: &Line| l.cells.is_some());
            if piece.trim().is_empty() && !(piece.contains('\t') && table_goes_on) {
                blank = true;
                continue;
            }
            let indented = Some(piece.starts_with([' ', '\u{3000}', '\t', '\u{a0}']));
            let mut after_blank = std::mem::take(&mut blank);
            let ends_page = is_page_number(piece);
            let mut pieces = run_together(piece).into_iter().peekable();
            while let Some(text) = pieces.next() {
                let mut l = Line::plain(text, page, line);
                l.indented = indented;
                l.after_blank = std::mem::take(&mut after_blank);
                l.breaks_after = pieces.peek().is_some();
                if l.text.contains('\t') {
                    l.cells = Some(cells(&l.text));
                } else {
                    l.cells = spaced_head(&l.text);
                }
                out.push(l);
            }
            numbered_end = ends_page;
            if ends_page {
                page += 1;
                line = 0;
            }
        }
    }
    tables(spaced_mark(out))
}

/// Most space runs in a line whose spaces may stand for lost paragraph breaks: more are a
/// viewer's spacing between characters or a table's cells.
const RUN_TOGETHER_SPACES: usize = 4;

/// Most characters of a heading a copy ran its text onto (一、行动时间 2026年…).
const RUN_IN_HEADING_CHARS: usize = 16;

/// A line of a chat or a hasty copy that ran paragraphs together with a space for the break
/// it lost: split where a sentence or a short numbered heading ends before a space and a
/// heading number follows (…垃圾入河。 （三）农村厕所管护, （一）农村生活垃圾治理 1.开展…), and
/// after a short numbered heading the text follows (一、行动时间 2026年12月10日至…). A line
/// without tabs only; one spaced between its characters stays whole.
fn run_together(piece: &str) -> Vec<String> {
    use super::patterns::{ends_sentence, numbered};
    let body = piece.trim_start();
    let lead = &piece[..piece.len() - body.len()];
    let spaces: Vec<(usize, usize)> = body
        .char_indices()
        .filter(|&(i, c)| {
            c.is_whitespace()
                && body[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|p| !p.is_whitespace())
        })
        .map(|(i, _)| {
            let run = body[i..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8);
            (i, i + run.sum::<usize>())
        })
        .collect();
    if piece.contains('\t') || spaces.is_empty() || spaces.len() > RUN_TOGETHER_SPACES {
        return vec![piece.to_owned()];
    }
    let heading = |t: &str| {
        numbered(t).is_some_and(|n| {
            let words = t[n.len..].trim();
            (2..=RUN_IN_HEADING_CHARS).contains(&words.chars().count())
                && !words.contains(['，', '。', '；', '：', '、', ' ', '\u{3000}'])
        })
    };
    let mut out = Vec::new();
    let mut from = 0;
    for (start, end) in spaces {
        let before = &body[from..start];
        let after = body[end..].trim_end();
        let next_heading = numbered(after).is_some_and(|n| n.len < after.len());
        let cut = (next_heading && (ends_sentence(before) || heading(before)))
            || (heading(before) && after.chars().count() >= 4 && numbered(before).is_some());
        if cut {
            out.push(before.to_owned());
            from = end;
        }
    }
    if out.is_empty() {
        return vec![piece.to_owned()];
    }
    out.push(body[from..].to_owned());
    if let Some(first) = out.first_mut() {
        first.insert_str(0, lead);
    }
    out
}

/// Most characters of a cell of a head copied on one line.
const HEAD_CELL_CHARS: usize = 8;

/// A table's head copied from a viewer on one line, its cells apart by spaces (序号 值班日期
/// 带班领导 … 备注): its cells, where it starts with 序号 or 编号 or ends with 备注 and every
/// cell is a short label; none for a line of prose.
fn spaced_head(piece: &str) -> Option<Vec<String>> {
    let cells: Vec<&str> = piece.split_whitespace().collect();
    let edges = cells.first().is_some_and(|c| ["序号", "编号"].contains(c))
        || cells.last() == Some(&"备注");
    let labels = cells.iter().all(|c| {
        c.chars().count() <= HEAD_CELL_CHARS
            && !c.contains(['，', '。', '：', ':', '；', '、'])
            && !c.chars().all(|ch| ch.is_ascii_digit())
    });
    (cells.len() >= 4 && edges && labels).then(|| cells.iter().map(|c| (*c).to_owned()).collect())
}

/// A tab-separated line's cells, at most [`super::docx::MAX_COLUMNS`] as the DOCX reader keeps:
/// the text of any further cells goes into the last one, spaced, so none is lost and a hostile
/// line of a million tabs is not a million cells.
fn cells(piece: &str) -> Vec<String> {
    let mut parts = piece.split('\t');
    let mut out: Vec<String> = parts
        .by_ref()
        .take(super::docx::MAX_COLUMNS)
        .map(|c| c.trim().to_owned())
        .collect();
    for rest in parts.map(str::trim).filter(|c| !c.is_empty()) {
        if let Some(last) = out.last_mut() {
            if !last.is_empty() {
                last.push(' ');
            }
            last.push_str(rest);
        }
    }
    out
}

/// The tables of a paste (runs of tab-separated lines) made regular: a head of two rows read
/// as one line with its groups (a web page's merged cells come as blanks), and the empty
/// cells a page adds after each row's last (a trailing tab) dropped beyond the head's width.
fn tables(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut rest = lines.into_iter().peekable();
    while let Some(mut line) = rest.next() {
        let Some(head) = line.cells.clone() else {
            out.push(line);
            continue;
        };
        let second = rest.peek().and_then(|l| l.cells.clone());
        let mut width = filled_width(&head);
        if let Some(merged) = second.as_deref().and_then(|s| two_row_head(&head, s)) {
            width = merged.0.len();
            (line.cells, line.head_groups) = (Some(merged.0), Some(merged.1));
            rest.next();
        }
        trim_to(&mut line, width);
        out.push(line);
        while let Some(mut row) = rest.next_if(|l| l.cells.is_some()) {
            trim_to(&mut row, width);
            out.push(row);
        }
    }
    out
}

/// Cells up to the last one with text.
fn filled_width(cells: &[String]) -> usize {
    cells
        .iter()
        .rposition(|c| !c.is_empty())
        .map_or(0, |k| k + 1)
}

/// Drops a row's empty cells beyond `width` (never a cell with text).
fn trim_to(line: &mut Line, width: usize) {
    if let Some(cells) = line.cells.as_mut() {
        let keep = width.max(filled_width(cells));
        cells.truncate(keep);
    }
}

/// Two head rows as a web page pastes them, read as one: `upper` holds the titles standing in
/// both rows and the group titles, each followed by blanks for the columns it spans; `lower`
/// the columns' own titles under each group and blanks under the titles of both rows
/// (序号 学校名称 隐患数量 ∅ 整改情况 ∅ / ∅ ∅ 一般 重大 已整改 未整改). The cells and each one's
/// group; `None` where the two rows are not such a head (a data row has figures).
fn two_row_head(upper: &[String], lower: &[String]) -> Option<(Vec<String>, Vec<Option<String>>)> {
    let width = filled_width(upper).max(filled_width(lower));
    let at = |row: &[String], k: usize| row.get(k).map_or("", String::as_str).to_owned();
    let looks_like_data = |c: &str| c.starts_with(|ch: char| ch.is_ascii_digit());
    if width < 2 || (0..width).any(|k| looks_like_data(&at(lower, k))) {
        return None;
    }
    let (mut cells, mut groups) = (Vec::new(), Vec::new());
    let mut group: Option<String> = None;
    let mut grouped = false;
    for k in 0..width {
        let (top, bottom) = (at(upper, k), at(lower, k));
        match (top.is_empty(), bottom.is_empty()) {
            // A title of both rows: ends any group.
            (false, true) => {
                group = None;
                cells.push(top);
                groups.push(None);
            }
            // A group's first column.
            (false, false) => {
                group = Some(top);
                cells.push(bottom);
                groups.push(group.clone());
            }
            // A column the group above spans.
            (true, false) if group.is_some() => {
                grouped = true;
                cells.push(bottom);
                groups.push(group.clone());
            }
            _ => return None,
        }
    }
    grouped.then_some((cells, groups))
}

/// Lines of the 版头 a PDF viewer copies a character per line (a joint mark whose names are
/// spread to the mark's width: 柳 / 州 / 市 / 教 / 育 / 局 / 柳 / …): a run of three or more such
/// lines near the top is the names again, cut after an office's ending.
fn spaced_mark(lines: Vec<Line>) -> Vec<Line> {
    const TOP: usize = 30;
    let single = |l: &Line| {
        let mut c = l.text.trim().chars();
        c.next().is_some_and(is_han) && c.next().is_none() && l.cells.is_none()
    };
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    let mut i = 0;
    while i < lines.len() {
        let run = match lines[i..].split_first() {
            Some((first, rest)) if i < TOP && single(first) => {
                1 + rest
                    .iter()
                    .take_while(|l| single(l) && !l.after_blank)
                    .count()
            }
            _ => 1,
        };
        if run < 3 {
            out.push(lines[i].clone());
            i += 1;
            continue;
        }
        let joined: String = lines[i..i + run].iter().map(|l| l.text.trim()).collect();
        for name in office_names(&joined) {
            let mut l = lines[i].clone();
            l.text = name;
            out.push(l);
        }
        i += run;
    }
    out
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Names of offices written together, cut after an office's ending where a name of four or
/// more characters follows (柳州市教育局柳州市公安局 → 柳州市教育局, 柳州市公安局).
fn office_names(joined: &str) -> Vec<String> {
    const ENDINGS: [&str; 10] = [
        "局",
        "厅",
        "部",
        "室",
        "院",
        "府",
        "处",
        "委员会",
        "协会",
        "联合会",
    ];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in joined.char_indices() {
        let end = i + c.len_utf8();
        let ends = ENDINGS.iter().any(|e| joined[start..end].ends_with(e));
        if ends && joined[end..].chars().count() >= 4 {
            out.push(joined[start..end].to_owned());
            start = end;
        }
    }
    out.push(joined[start..].to_owned());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_a_chat_ran_together_with_a_space_are_apart() {
        for (line, pieces) in [
            (
                "2.整治农村黑臭水体。杜绝污水直排和垃圾入河。 （三）农村厕所管护",
                vec![
                    "2.整治农村黑臭水体。杜绝污水直排和垃圾入河。",
                    "（三）农村厕所管护",
                ],
            ),
            (
                "（一）农村生活垃圾治理 1.开展存量垃圾清零。全面清理积存垃圾。",
                vec![
                    "（一）农村生活垃圾治理",
                    "1.开展存量垃圾清零。全面清理积存垃圾。",
                ],
            ),
            (
                "一、行动时间 2026年12月10日至2027年3月20日。",
                vec!["一、行动时间", "2026年12月10日至2027年3月20日。"],
            ),
            (
                "（二）强化督查考核。每月通报进展情况。 （三）及时报送进度。各乡镇要明确联络员。",
                vec![
                    "（二）强化督查考核。每月通报进展情况。",
                    "（三）及时报送进度。各乡镇要明确联络员。",
                ],
            ),
        ] {
            assert_eq!(run_together(line), pieces, "{line}");
        }
        let lines = read("一、行动时间 2026年12月10日至2027年3月20日。\n二、目标任务\n");
        assert!(lines[0].breaks_after && !lines[1].breaks_after);
    }

    #[test]
    fn a_line_spaced_as_prose_or_a_contact_stays_whole() {
        for line in [
            "联系人：陈建华 电话：0571-64212735",
            "桐庐县人民政府办公室 2026年12月5日",
            "各 乡 镇 人 民 政 府 、 街 道 办 事 处 ：",
            "1. 开展存量垃圾清零",
            "请于 3 月 25 日前报送",
        ] {
            assert_eq!(run_together(line), vec![line.to_owned()], "{line}");
        }
    }

    #[test]
    fn a_head_copied_on_one_line_with_spaces_is_a_row_of_cells() {
        let lines = read("附件\n值班表\n序号 值班日期 带班领导 职务 值班人员   联系电话 备注\n");
        let head = lines[2].cells.as_ref().expect("a head");
        assert_eq!(head.len(), 7);
        assert_eq!(head[6], "备注");
        assert!(read("序号 姓名\n")[0].cells.is_none());
        assert!(read("我们 要在 本月 完成 任务。\n")[0].cells.is_none());
    }

    #[test]
    fn a_page_s_number_and_the_form_feed_after_it_end_one_page() {
        let lines = read("甲\n— 1 —\n\u{c}乙\n— 2 —\n\u{c}丙\n");
        let pages: Vec<usize> = lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, [1, 1, 2, 2, 3]);
    }

    #[test]
    fn a_pasted_two_row_head_is_one_head_with_groups_and_rows_keep_its_width() {
        let text = "统计表\n序号\t学校名称\t隐患数量\t\t整改情况\t\n\t\t一般\t重大\t已整改\t未整改\n1\t\t\t\t\t\t\n2\t一中\t3\t0\t3\t\t\n";
        let lines = read(text);
        assert_eq!(lines.len(), 4, "{lines:?}");
        let head = &lines[1];
        assert_eq!(
            head.cells.as_deref().unwrap(),
            ["序号", "学校名称", "一般", "重大", "已整改", "未整改"]
        );
        let group = |g: &str| Some(g.to_owned());
        assert_eq!(
            head.head_groups.as_deref().unwrap(),
            [
                None,
                None,
                group("隐患数量"),
                group("隐患数量"),
                group("整改情况"),
                group("整改情况")
            ]
        );
        assert_eq!(lines[2].cells.as_ref().unwrap().len(), 6);
        assert_eq!(
            lines[3].cells.as_deref().unwrap(),
            ["2", "一中", "3", "0", "3", ""]
        );
        // A hostile line of a million tabs is 256 cells, its text all kept.
        let wide = format!("a{}b\tc\n", "\t".repeat(1_000_000));
        let cells = read(&wide)[0].cells.clone().unwrap();
        assert_eq!(cells.len(), 256);
        assert_eq!((cells[0].as_str(), cells[255].as_str()), ("a", "b c"));
        // A head over data rows is not merged with them.
        let plain = read("序号\t名称\t数量\t\n1\t一中\t3\n");
        assert_eq!(plain.len(), 2);
        assert!(plain[0].head_groups.is_none());
        assert_eq!(plain[0].cells.as_deref().unwrap(), ["序号", "名称", "数量"]);
    }

    #[test]
    fn a_joint_mark_copied_a_character_per_line_is_its_names_again() {
        let text = "中共柳州市委网络安全和信息化委员会办公室\n柳\n州\n市\n教\n育\n局\n柳\n州\n市\n公\n安\n局\n\n文件\n\n一\n二\n";
        let got: Vec<String> = read(text).into_iter().map(|l| l.text).collect();
        assert_eq!(
            got,
            [
                "中共柳州市委网络安全和信息化委员会办公室",
                "柳州市教育局",
                "柳州市公安局",
                "文件",
                "一",
                "二"
            ]
        );
        assert_eq!(
            office_names("国家税务总局湖南省税务局湖南省人力资源和社会保障厅"),
            ["国家税务总局", "湖南省税务局", "湖南省人力资源和社会保障厅"]
        );
    }
}
