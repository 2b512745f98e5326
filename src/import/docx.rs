//! DOCX reader: paragraphs with their runs' size, colour, bold and font, alignment; tables as
//! rows of cells. A paragraph is one [`Line`] (never joined to its neighbour).

use super::docx_numbering::{NumPr, Numbering};
use super::lines::{Align, Line};
use super::patterns::ends_sentence;
use super::xml::{attr, broken, entity, is_red, local, text, zip_text};
use quick_xml::events::Event;
use quick_xml::Reader;

/// A run's text and look.
#[derive(Debug, Clone, Default)]
struct Run {
    text: String,
    size: Option<f64>,
    red: bool,
    bold: bool,
    font: Option<String>,
}

impl Run {
    fn look(&self) -> (bool, Option<&str>) {
        (self.bold, self.font.as_deref())
    }
}

/// Paragraph being read.
#[derive(Default)]
struct Para {
    runs: Vec<Run>,
    align: Align,
    indent_chars: Option<f64>,
    numbering: NumPr,
}

/// Reads the paragraphs and tables of `word/document.xml`.
pub fn read(bytes: &[u8]) -> Result<Vec<Line>, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "文件已损坏：不是有效的 DOCX（zip 结构无法读取）".to_owned())?;
    if zip.by_name("EncryptedPackage").is_ok() {
        return Err("文件已加密，请先在办公软件中取消密码后再导入".to_owned());
    }
    let xml = zip_text(&mut zip, "word/document.xml")?
        .ok_or("文件已损坏或不是 DOCX：缺少 word/document.xml")?;
    let mut numbering = Numbering::read(&mut zip)?;
    parse(&xml, &mut numbering)
}

fn on(e: &quick_xml::events::BytesStart) -> bool {
    attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

/// Parses document.xml; `numbering` gives numbered paragraphs the label Word shows.
fn parse(xml: &str, numbering: &mut Numbering) -> Result<Vec<Line>, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    let (mut page, mut line) = (1, 0);
    let mut para: Option<Para> = None;
    let mut run = Run::default();
    let mut in_text = false;
    let mut tables = 0usize;
    let mut row: Vec<Cell> = Vec::new();
    let mut row_red = false;
    let mut cell: Option<Cell> = None;
    let mut rows: Vec<(Vec<Cell>, bool)> = Vec::new();
    // A text box's paragraphs (the red mark of many Word templates) stand inside a run of the
    // paragraph that anchors it: they are lines of their own, before that paragraph's text.
    let mut outer: Vec<(Option<Para>, Run)> = Vec::new();
    // Word repeats a text box for old readers (mc:Fallback): read once, from mc:Choice.
    let mut fallback = 0usize;
    // A tracked change's former paragraph properties (w:pPrChange) are not the paragraph's.
    let mut former = 0usize;
    // Text a tracked change removed (w:del, w:moveFrom) is not read: the text as accepted.
    let mut removed = 0usize;
    loop {
        let event = reader
            .read_event()
            .map_err(|_| broken(&reader, "document.xml"))?;
        if fallback > 0 {
            match &event {
                Event::Start(e) if local(e) == "Fallback" => fallback += 1,
                Event::End(e) if local_end(e.local_name().as_ref()) == "Fallback" => fallback -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Eof => break,
            Event::Start(e) if local(&e) == "Fallback" => fallback = 1,
            Event::Start(e) if local(&e) == "pPrChange" => former += 1,
            Event::Start(e) if matches!(local(&e).as_str(), "del" | "moveFrom") => removed += 1,
            Event::End(e) if matches!(e.local_name().as_ref(), b"del" | b"moveFrom") => {
                removed = removed.saturating_sub(1)
            }
            Event::Start(e) | Event::Empty(e)
                if removed > 0
                    && matches!(local(&e).as_str(), "t" | "tab" | "br" | "noBreakHyphen") => {}
            Event::End(e) if e.local_name().as_ref() == b"pPrChange" => {
                former = former.saturating_sub(1)
            }
            Event::Start(e) | Event::Empty(e)
                if former == 0 && matches!(local(&e).as_str(), "pStyle" | "numId" | "ilvl") =>
            {
                if let Some(p) = para.as_mut() {
                    let val = attr(&e, "val");
                    match local(&e).as_str() {
                        "pStyle" => p.numbering.style = val,
                        "numId" => p.numbering.num = val,
                        _ => p.numbering.level = val.and_then(|v| v.parse().ok()),
                    }
                }
            }
            Event::Start(e) | Event::Empty(e) => {
                let name = local(&e);
                match name.as_str() {
                    "p" => {
                        if para.is_some() && outer.len() < MAX_NESTING {
                            outer.push((para.take(), std::mem::take(&mut run)));
                        }
                        para = Some(Para::default())
                    }
                    // A run says only what differs from its paragraph's style.
                    "r" => {
                        let look = numbering
                            .look(para.as_ref().and_then(|p| p.numbering.style.as_deref()));
                        run = Run {
                            text: String::new(),
                            size: look.size,
                            red: look.red.unwrap_or(false),
                            bold: look.bold.unwrap_or(false),
                            font: look.font,
                        };
                    }
                    "t" => in_text = true,
                    "tab" if para.is_some() => run.text.push(' '),
                    // Word's non-breaking hyphen (025-83271605 kept on one line) is a hyphen.
                    "noBreakHyphen" if para.is_some() => run.text.push('-'),
                    "br" if attr(&e, "type").as_deref() == Some("page") => {
                        page += 1;
                        line = 0;
                    }
                    // A soft line break (Shift+Enter): decided when the paragraph ends.
                    "br" if para.is_some()
                        && attr(&e, "type").is_none_or(|t| t == "textWrapping") =>
                    {
                        run.text.push('\n')
                    }
                    "lastRenderedPageBreak" | "pageBreakBefore"
                        if name != "pageBreakBefore" || on(&e) =>
                    {
                        page += 1;
                        line = 0;
                    }
                    "sz" => {
                        run.size = attr(&e, "val")
                            .and_then(|v| v.parse::<f64>().ok())
                            .map(|v| v / 2.0)
                    }
                    "color" => run.red = attr(&e, "val").is_some_and(|v| red_hex(&v)),
                    "b" => run.bold = on(&e),
                    "rFonts" => {
                        run.font = attr(&e, "eastAsia").or_else(|| attr(&e, "ascii"));
                    }
                    "jc" => {
                        if let Some(p) = para.as_mut() {
                            p.align = match attr(&e, "val").as_deref() {
                                Some("center") => Align::Center,
                                Some("right" | "end") => Align::Right,
                                _ => Align::Left,
                            };
                        }
                    }
                    "ind" => {
                        if let Some(p) = para.as_mut() {
                            p.indent_chars = attr(&e, "firstLineChars")
                                .and_then(|v| v.parse::<f64>().ok())
                                .map(|v| v / 100.0);
                        }
                    }
                    "tbl" => tables += 1,
                    "tr" if tables == 1 => {
                        row.clear();
                        row_red = false;
                    }
                    "tc" if tables == 1 => cell = Some(Cell::default()),
                    "gridSpan" if tables == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.span = attr(&e, "val")
                                .and_then(|v| v.parse::<usize>().ok())
                                .unwrap_or(1)
                                .clamp(1, MAX_SPAN);
                        }
                    }
                    "vMerge" if tables == 1 => {
                        if let Some(c) = cell.as_mut() {
                            c.merge = if attr(&e, "val").as_deref() == Some("restart") {
                                Merge::Starts
                            } else {
                                Merge::Continues
                            };
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => run.text.push_str(&text(&t)),
            Event::GeneralRef(r) if in_text => run.text.push_str(&entity(&r)),
            Event::End(e) => match local_end(e.local_name().as_ref()).as_str() {
                "t" => in_text = false,
                "r" => {
                    if let Some(p) = para.as_mut() {
                        if !run.text.is_empty() {
                            p.runs.push(std::mem::take(&mut run));
                        }
                    }
                    run = Run::default();
                }
                "p" => {
                    let Some(mut p) = para.take() else { continue };
                    if p.align == Align::Unknown {
                        let style = p.numbering.style.as_deref();
                        p.align = numbering.look(style).align.unwrap_or(Align::Unknown);
                    }
                    number(&mut p, numbering);
                    if let Some((p, r)) = outer.pop() {
                        (para, run) = (p, r);
                    }
                    if let Some(c) = cell.as_mut().map(|c| &mut c.text) {
                        let t: String = p.runs.iter().map(|r| r.text.replace('\n', "")).collect();
                        row_red |= p.runs.iter().any(|r| r.red);
                        if !c.is_empty() && !t.trim().is_empty() {
                            c.push(' ');
                        }
                        c.push_str(t.trim());
                    } else if tables == 0 {
                        for p in split_soft_breaks(p) {
                            line += 1;
                            if let Some(l) = paragraph_line(p, page, line) {
                                out.push(l);
                            }
                        }
                    }
                }
                "tc" if tables == 1 => row.push(cell.take().unwrap_or_default()),
                "tr" if tables == 1 => rows.push((std::mem::take(&mut row), row_red)),
                "tbl" => {
                    tables = tables.saturating_sub(1);
                    if tables == 0 {
                        for mut l in table_lines(std::mem::take(&mut rows)) {
                            line += 1;
                            (l.page, l.line) = (page, line);
                            out.push(l);
                        }
                    }
                }
                _ => {}
            },
            _ => {}
        }
    }
    Ok(out)
}

/// Puts the label of Word's automatic numbering before the paragraph's text, in the look of
/// its first run (a numbered paragraph with no text shows nothing).
fn number(p: &mut Para, numbering: &mut Numbering) {
    let Some(label) = numbering.label(&p.numbering) else {
        return;
    };
    let Some(first) = p.runs.iter().find(|r| !r.text.trim().is_empty()) else {
        return;
    };
    let run = Run {
        text: label,
        ..first.clone()
    };
    p.runs.insert(0, run);
}

/// A table cell: its text, the grid columns it spans (`w:gridSpan`) and whether it merges
/// down (`w:vMerge`).
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    span: usize,
    merge: Merge,
}

/// A cell's part in a vertical merge.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
enum Merge {
    /// Not merged.
    #[default]
    None,
    /// The first cell of a merge (its text stands for the cells below).
    Starts,
    /// A cell the one above merges into.
    Continues,
}

/// Most grid columns one cell may span (a hostile file's gridSpan of a billion).
const MAX_SPAN: usize = 64;
/// Most grid columns a row is read with (Word's tables have at most 63): a hostile row of a
/// million spanning cells does not become a million times as many.
pub(super) const MAX_COLUMNS: usize = 256;

/// A table's rows as lines of cells, one per grid column (a cell spanning columns is followed
/// by empty ones). A head of two rows (a title over several columns, the others merged down
/// across both: 排查情况 over 排查场所 and 发现隐患) is one line whose `head_groups` hold the
/// upper titles.
fn table_lines(rows: Vec<(Vec<Cell>, bool)>) -> Vec<Line> {
    let grid = |cells: &[Cell]| -> Vec<(String, Merge, bool)> {
        cells
            .iter()
            .flat_map(|c| {
                let span = c.span.max(1);
                (0..span).map(move |k| {
                    (
                        if k == 0 {
                            c.text.clone()
                        } else {
                            String::new()
                        },
                        c.merge,
                        span > 1,
                    )
                })
            })
            .take(MAX_COLUMNS)
            .collect()
    };
    let line = |cells: Vec<String>, red: bool| Line {
        text: cells.join(" "),
        red,
        paragraph: true,
        cells: Some(cells),
        ..Line::default()
    };
    let mut out = Vec::new();
    let mut rows = rows.into_iter().peekable();
    if let Some((first, red)) = rows.next() {
        let upper = grid(&first);
        let head = rows.peek().map(|(second, _)| grid(second)).filter(|lower| {
            lower.len() == upper.len()
                && upper.iter().any(|(_, _, wide)| *wide)
                && upper
                    .iter()
                    .zip(lower)
                    .all(|(u, l)| (u.1 == Merge::Starts) == (l.1 == Merge::Continues))
        });
        match head {
            Some(lower) => {
                rows.next();
                let mut titles = Vec::new();
                let mut groups = Vec::new();
                let mut group = String::new();
                for (u, l) in upper.iter().zip(&lower) {
                    if u.1 == Merge::Starts {
                        titles.push(u.0.clone());
                        groups.push(None);
                        continue;
                    }
                    if !u.0.is_empty() || !u.2 {
                        group = u.0.clone();
                    }
                    titles.push(l.0.clone());
                    groups.push(Some(group.clone()).filter(|g| !g.is_empty()));
                }
                let mut l = line(titles, red);
                l.head_groups = Some(groups);
                out.push(l);
            }
            None => out.push(line(upper.into_iter().map(|c| c.0).collect(), red)),
        }
    }
    out.extend(rows.map(|(cells, red)| line(grid(&cells).into_iter().map(|c| c.0).collect(), red)));
    out
}

/// Text boxes inside text boxes deeper than this are read as their anchor's text (a hostile
/// file cannot grow the stack without bound).
const MAX_NESTING: usize = 8;

fn local_end(name: &[u8]) -> String {
    String::from_utf8_lossy(name).into_owned()
}

pub(crate) fn red_hex(v: &str) -> bool {
    if v.len() != 6 || !v.is_ascii() {
        return false;
    }
    let byte = |i: usize| u8::from_str_radix(&v[i..i + 2], 16).unwrap_or(0);
    is_red(byte(0), byte(2), byte(4))
}

/// A soft break at `i` between two lines that are each an office's name alone (a mark typed
/// 绵阳市退役军人事务局 ↵ 绵阳市财政局 in black): one issuer a line, as in a red mark.
fn between_names(full: &str, i: usize) -> bool {
    let name = |s: &str| {
        let s = s.trim();
        !s.is_empty()
            && s.chars().count() <= 30
            && !s.contains(['。', '，', '；', '：', '、', ' ', '\u{3000}'])
            && !s.contains("关于")
            && crate::import::patterns::ends_like_organisation(s)
    };
    let before = full[..i].rsplit('\n').next().unwrap_or("");
    let after = full[i + 1..].split('\n').next().unwrap_or("");
    name(before) && name(after)
}

/// A paragraph typed with soft line breaks (Shift+Enter) as the paragraphs it holds: a break
/// after a sentence's end, before an indented line or in a red mark (one issuer a line) ends a
/// paragraph; any other (a title or a line broken by hand) only joins its two lines, with a
/// space where it parts two issuers' names before a centred title's 关于.
fn split_soft_breaks(p: Para) -> Vec<Para> {
    let full: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    if !full.contains('\n') {
        return vec![p];
    }
    let mut red_at = Vec::new();
    let mut offset = 0;
    for r in &p.runs {
        red_at.extend(
            r.text
                .match_indices('\n')
                .filter(|_| r.red)
                .map(|(i, _)| offset + i),
        );
        offset += r.text.len();
    }
    let splits: Vec<usize> = full
        .match_indices('\n')
        .map(|(i, _)| i)
        .filter(|&i| {
            let after = &full[i + 1..];
            // A contact's telephone number ends its line (联系人及电话：…010-62088321).
            let phone_ends = full[..i].ends_with(|c: char| c.is_ascii_digit())
                && after.starts_with(|c: char| !c.is_ascii() && !c.is_whitespace())
                && full[..i].contains("电话");
            ends_sentence(&full[..i])
                || phone_ends
                || after.starts_with('\u{3000}')
                || after.starts_with("  ")
                || red_at.contains(&i)
                || between_names(&full, i)
        })
        .collect();
    let names_end = full.find("关于").filter(|_| p.align == Align::Center);
    let space = names_end
        .and_then(|end| full[..end].chars().find(|c| matches!(c, '\u{3000}' | ' ')))
        .unwrap_or('\u{3000}');
    let parts_names = |i: usize| {
        // Another issuer's name follows, before 关于.
        names_end.is_some_and(|end| i < end && !full[i + 1..end].trim().is_empty())
            && crate::import::patterns::ends_like_organisation(full[..i].trim_end())
    };
    let (align, indent_chars) = (p.align, p.indent_chars);
    let para = |runs| Para {
        runs,
        align,
        indent_chars,
        numbering: NumPr::default(),
    };
    let (mut paras, mut cur, mut offset) = (Vec::new(), Vec::new(), 0);
    for run in p.runs {
        let mut start = 0;
        let breaks = run.text.match_indices('\n').map(|(i, _)| (i, true));
        for (i, is_break) in breaks.chain([(run.text.len(), false)]) {
            let piece = &run.text[start..i];
            if !piece.is_empty() {
                cur.push(Run {
                    text: piece.to_owned(),
                    ..run.clone()
                });
            }
            if is_break && splits.contains(&(offset + i)) {
                paras.push(para(std::mem::take(&mut cur)));
            } else if is_break && parts_names(offset + i) {
                cur.push(Run {
                    text: space.to_string(),
                    ..run.clone()
                });
            }
            start = i + 1;
        }
        offset += run.text.len();
    }
    paras.push(para(cur));
    paras
}

/// A paragraph as a line: size, colour, bold, alignment, and the leading run of a run-in
/// heading (a heading run whose look differs from the text after it).
fn paragraph_line(p: Para, page: usize, line: usize) -> Option<Line> {
    let text: String = p.runs.iter().map(|r| r.text.as_str()).collect();
    if text.trim().is_empty() {
        return None;
    }
    let visible: Vec<&Run> = p
        .runs
        .iter()
        .filter(|r| !r.text.trim().is_empty())
        .collect();
    let size = visible.iter().find_map(|r| r.size);
    let red_chars: usize = visible
        .iter()
        .filter(|r| r.red)
        .map(|r| r.text.chars().count())
        .sum();
    let lead_run = visible.first().and_then(|first| {
        let n = visible
            .iter()
            .take_while(|r| r.look() == first.look())
            .count();
        (n < visible.len()).then(|| {
            let lead: String = p
                .runs
                .iter()
                .take_while(|r| r.look() == first.look() || r.text.trim().is_empty())
                .map(|r| r.text.as_str())
                .collect();
            let leading_ws = text.chars().take_while(|c| c.is_whitespace()).count();
            lead.chars().count() - leading_ws.min(lead.chars().count())
        })
    });
    Some(Line {
        text: text.clone(),
        page,
        line,
        size,
        red: red_chars * 2 > text.trim().chars().count(),
        bold: visible.iter().all(|r| r.bold),
        align: p.align,
        indent: p.indent_chars,
        paragraph: true,
        lead_run,
        ..Line::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(text: &str, span: usize, merge: Merge) -> Cell {
        Cell {
            text: text.to_owned(),
            span,
            merge,
        }
    }

    #[test]
    fn a_head_of_two_rows_is_one_row_with_its_groups_and_a_wide_row_is_bounded() {
        let upper = vec![
            cell("序号", 1, Merge::Starts),
            cell("排查情况", 2, Merge::None),
            cell("备注", 1, Merge::Starts),
        ];
        let lower = vec![
            cell("", 1, Merge::Continues),
            cell("场所", 1, Merge::None),
            cell("隐患", 1, Merge::None),
            cell("", 1, Merge::Continues),
        ];
        let body = vec![cell("合计", 3, Merge::None), cell("", 1, Merge::None)];
        let lines = table_lines(vec![(upper, false), (lower, false), (body, false)]);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].cells.as_deref(),
            Some(&["序号", "场所", "隐患", "备注"].map(String::from)[..])
        );
        let group = Some("排查情况".to_owned());
        assert_eq!(
            lines[0].head_groups,
            Some(vec![None, group.clone(), group, None])
        );
        assert_eq!(lines[1].cells.as_ref().map(Vec::len), Some(4));
        let hostile = vec![cell("x", MAX_SPAN, Merge::None); 10_000];
        let lines = table_lines(vec![(hostile, false)]);
        assert_eq!(lines[0].cells.as_ref().map(Vec::len), Some(MAX_COLUMNS));
    }
}
