//! A table's head as text copied out of a PDF viewer gives it: each cell on lines of its own
//! (wrapped inside the cell: 「维修养护内」 / 「容」), cells apart by blank lines, the head again
//! on each new page. Such a run of cells is read back as one row of cells, so that the annex's
//! columns are its columns again instead of paragraphs of two characters. The blank rows below
//! a head have no text and cannot be copied: the annex gets the default count and says so.

use super::join::starts_element;
use super::lines::Line;
use super::patterns::{annex_label, ends_sentence};
use crate::compose::text::width_chars;

/// Fewest cells a head has.
const MIN_CELLS: usize = 3;
/// Widest line of a cell (in characters).
const CELL_WIDTH: f64 = 10.0;
/// Most lines of one cell.
const CELL_LINES: usize = 3;

/// Whether a line may be part of a copied cell.
fn cell_line(l: &Line) -> bool {
    let t = l.text.trim();
    !t.is_empty()
        && l.cells.is_none()
        && width_chars(t) <= CELL_WIDTH
        && !ends_sentence(t)
        && !t.contains(['：', ':', '，', '。'])
        && !starts_element(t)
        // A post's buttons and prompts (阅读原文, 继续滑动看下一个) are no table's cells.
        && !super::post::reader_furniture(t)
        // A page's number printed between dashes (—4—; a bare 4 may be a row's 序号).
        && !(super::repair::is_page_number(t) && t.contains(['—', '-', '－', '–']))
}

/// The copied cells starting at line `i`: each cell's text and the line after the run.
fn cells_at(lines: &[Line], i: usize) -> (Vec<String>, usize) {
    let mut cells: Vec<String> = Vec::new();
    let mut k = i;
    while k < lines.len() && cell_line(&lines[k]) && (k == i || lines[k].after_blank) {
        let mut cell = lines[k].text.trim().to_owned();
        let mut n = 1;
        k += 1;
        while k < lines.len() && n < CELL_LINES && !lines[k].after_blank && cell_line(&lines[k]) {
            cell.push_str(lines[k].text.trim());
            n += 1;
            k += 1;
        }
        // A head repeated on the next page starts with the first cell again.
        if cells.first() == Some(&cell) {
            k -= n;
            break;
        }
        cells.push(cell);
    }
    (cells, k)
}

/// Cells a copied head starts or ends with when it stands a cell a line with no blank between
/// (a phone's copy of a WeChat article): without one of them a run of short lines is a list.
const HEAD_EDGES: [&str; 5] = ["序号", "编号", "备注", "说明", "联系电话"];

/// A head copied a cell a line with no blank line between its cells (a phone's copy of an
/// article): each line its cell, a line closing a bracket the line before opened going on it.
fn stacked_cells_at(lines: &[Line], i: usize) -> (Vec<String>, usize) {
    let mut cells: Vec<String> = Vec::new();
    let mut k = i;
    while k < lines.len() && cell_line(&lines[k]) && (k == i || !lines[k].after_blank) {
        let t = lines[k].text.trim();
        match cells.last_mut() {
            Some(last) if last.matches('（').count() > last.matches('）').count() => {
                last.push_str(t)
            }
            _ => cells.push(t.to_owned()),
        }
        k += 1;
    }
    let edged = |c: Option<&String>| c.is_some_and(|c| HEAD_EDGES.contains(&c.as_str()));
    let ends = k == lines.len() || lines[k].after_blank;
    if cells.len() >= MIN_CELLS && ends && (edged(cells.first()) || edged(cells.last())) {
        (cells, k)
    } else {
        (Vec::new(), i)
    }
}

/// `lines` with each copied table head of an annex (a run of at least [`MIN_CELLS`] cells, the
/// first after a line that is no cell) made one line of cells.
pub fn rebuild(lines: Vec<Line>) -> Vec<Line> {
    let mut out = Vec::with_capacity(lines.len());
    // Forms are annexes: nothing before the first 附件 label is read as cells (the joint
    // signature's names, apart by blank lines, look like cells).
    let mut i = match lines
        .iter()
        .position(|l| annex_label(l.text.trim()).is_some())
    {
        Some(at) => at,
        None => return lines,
    };
    out.extend_from_slice(&lines[..i]);
    while i < lines.len() {
        let starts = i == 0 || lines[i].after_blank || !cell_line(&lines[i - 1]);
        let (mut cells, mut next) = if starts {
            cells_at(&lines, i)
        } else {
            (Vec::new(), i)
        };
        if starts && cells.len() < MIN_CELLS {
            (cells, next) = stacked_cells_at(&lines, i);
        }
        if cells.len() >= MIN_CELLS {
            let mut row = lines[i].clone();
            row.text = cells.join(" ");
            row.raw = row.text.clone();
            row.cells = Some(cells);
            row.paragraph = true;
            out.push(row);
            i = next;
        } else {
            out.push(lines[i].clone());
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rebuild;
    use crate::import::text::read;

    #[test]
    fn a_table_head_copied_from_a_pdf_is_one_row_of_cells_again() {
        let text = "附件\n统计表\n填报单位（盖章）：\n序号\n\n县（市、\n区）\n\n工程名称\n\n维修养护内\n容\n\n备注\n\n\u{c}序号\n\n县（市、\n区）\n\n工程名称\n\n维修养护内\n容\n\n备注\n";
        let lines = rebuild(read(text));
        let rows: Vec<&Vec<String>> = lines.iter().filter_map(|l| l.cells.as_ref()).collect();
        assert_eq!(rows.len(), 2, "{lines:?}");
        assert_eq!(
            rows[0],
            &["序号", "县（市、区）", "工程名称", "维修养护内容", "备注"]
        );
        assert_eq!(rows[0], rows[1]);
        // A page number the viewer copied between the cells is none of them.
        let text = "附件\n统计表\n序号\n\n地区\n\n追发工资\n\n—4—\n\n备注\n";
        let lines = rebuild(read(text));
        let cells: Vec<&String> = lines
            .iter()
            .filter_map(|l| l.cells.as_ref())
            .flatten()
            .collect();
        assert!(!cells.iter().any(|c| c.contains('4')), "{lines:?}");
        // Paragraphs and a signature are left alone.
        let text = "各地要抓好落实。\n\n应急管理部办公厅\n\n自然资源部办公厅\n\n中国气象局办公室\n\n2026年4月17日\n";
        assert!(rebuild(read(text)).iter().all(|l| l.cells.is_none()));
    }

    #[test]
    fn a_head_copied_from_a_phone_a_cell_a_line_is_one_row_of_cells() {
        let text = "附件\n\n台账\n\n序号\n隐患所在单位\n隐患类别\n县（市、\n区）\n整改状态\n\n填表人：　　审核人：\n";
        let lines = rebuild(read(text));
        let rows: Vec<&Vec<String>> = lines.iter().filter_map(|l| l.cells.as_ref()).collect();
        assert_eq!(
            rows,
            [&vec![
                "序号",
                "隐患所在单位",
                "隐患类别",
                "县（市、区）",
                "整改状态"
            ]],
            "{lines:?}"
        );
        // A list of names a line each is no table.
        let text = "附件\n\n名单\n\n城关镇\n三河镇\n上派镇\n桃花镇\n";
        assert!(rebuild(read(text)).iter().all(|l| l.cells.is_none()));
    }
}
