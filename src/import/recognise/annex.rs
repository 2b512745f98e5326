//! 附件 (text, 名单, tables with their heads and blank rows) and the 版记.

use super::tail::{annex_group_line, is_colophon, list_annex_at, split_items};
use super::Doc;
use crate::compose::text::width_chars;
use crate::import::patterns::{annex_label, date_prefix, ends_sentence, numbered};
use crate::spec::{Annex, AnnexKind, Annotated, Colophon, Column, Field, ListGroup};

/// Blank rows given to a table whose source shows none (a form to fill in).
const DEFAULT_BLANK_ROWS: u32 = 5;

/// Reads annexes and the 版记 from line `i` to the end; keeps anything else as unplaced.
pub(super) fn parse_rest(d: &mut Doc, mut i: usize, out: &mut Annotated, note: &[(usize, String)]) {
    let draft = &mut out.spec;
    let mut comments: Vec<(usize, String)> = Vec::new();
    let mut unplaced = Vec::new();
    let mut cc: Vec<String> = Vec::new();
    while i < d.len() {
        let t = d.text(i).to_owned();
        if t.is_empty() {
            i += 1;
        } else if annex_label(&t).is_some() {
            let (a, comment, next) = annex(d, i + 1);
            d.found(i, format!("附件：{}（{}）", a.title, kind_name(a.kind)));
            comments.extend(comment.map(|c| (draft.annexes.len(), c)));
            draft.annexes.push(a);
            i = next;
        } else if let Some(note) = disclosure(&t) {
            d.found(i, format!("附注：{note}"));
            draft.notes.push(note.to_owned());
            i += 1;
        } else if let Some(rest) = t.strip_prefix("抄送") {
            let mut text = rest.trim_start_matches(['：', ':']).to_owned();
            i += 1;
            while i < d.len() && !text.ends_with('。') && !is_colophon(d.text(i)) {
                text.push_str(d.text(i));
                i += 1;
            }
            // Offices are parted by 「，」 where the line has one; a 「、」 then parts the
            // departments of one office (保护司、运用促进司).
            let text = text.trim_end_matches('。');
            let parts: &[char] = if text.contains('，') {
                &['，']
            } else {
                &['、']
            };
            cc = text
                .split(parts)
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
                .collect();
            d.found(i - 1, "抄送");
        } else if let Some((c, last)) = printed(&t)
            .map(|c| (c, i))
            .or_else(|| printed_wrapped(d, i))
            .or_else(|| printed_apart(d, i))
        {
            d.found(i, "印发机关和印发日期");
            draft.colophon = Some(Colophon {
                cc: std::mem::take(&mut cc),
                ..c
            });
            i = last + 1;
        } else if list_annex_at(d, i) {
            let (a, comment, next) = annex(d, i);
            d.found(i, format!("附件（无附件标识）：{}（名单）", a.title));
            comments.extend(comment.map(|c| (draft.annexes.len(), c)));
            draft.annexes.push(a);
            i = next;
        } else {
            d.not_placed(i, format!("未能归类：“{t}”"));
            unplaced.push(unplaced_line(d, i, &t));
            i += 1;
        }
    }
    if !cc.is_empty() && draft.colophon.is_none() {
        // The 信函格式's 版记 has no 印发机关 or 印发日期 (§10.1); for other kinds the caller
        // takes this back once the 文种 is known.
        draft.colophon = Some(Colophon {
            cc,
            printer: None,
            print_date: None,
        });
    }
    // Annexes the 附件说明 names but the file does not carry.
    for (k, (at, title)) in note.iter().enumerate().skip(draft.annexes.len()) {
        d.not_placed(
            *at,
            format!("附件{}“{title}”未随文附正文，仅保留标题", k + 1),
        );
        comments.push((
            draft.annexes.len(),
            "原件附件说明列出此附件，但文件中没有附件正文".to_owned(),
        ));
        draft.annexes.push(Annex {
            title: title.clone(),
            ..Annex::default()
        });
    }
    for (k, (at, title)) in note.iter().enumerate().take(draft.annexes.len()) {
        let own = &draft.annexes[k].title;
        if own.is_empty() {
            draft.annexes[k].title = title.clone();
        } else if own != title {
            d.not_placed(
                *at,
                format!("附件说明“{title}”与附件标题“{own}”不同，按附件标题"),
            );
        }
    }
    for (n, c) in comments {
        out.comment(&format!("annexes[{n}]"), c);
    }
    out.unplaced.extend(unplaced);
}

fn kind_name(kind: AnnexKind) -> &'static str {
    match kind {
        AnnexKind::Table => "表格",
        AnnexKind::List => "名单",
        AnnexKind::Text => "文字",
    }
}

/// A line of the file kept as a comment because it could not be placed.
pub(super) fn unplaced_line(d: &Doc, i: usize, text: &str) -> crate::spec::Unplaced {
    crate::spec::Unplaced {
        page: d.lines[i].page,
        line: d.lines[i].line,
        text: text.to_owned(),
    }
}

/// 某某办公室 2024年3月21日印发 → the 印发机关 and 印发日期.
fn printed(s: &str) -> Option<Colophon> {
    let body = s.strip_suffix("印发")?;
    let (at, date) = body.char_indices().find_map(|(at, _)| {
        let (date, n) = date_prefix(&body[at..])?;
        (at + n == body.len()).then_some((at, date))
    })?;
    let printer = body[..at].trim();
    (!printer.is_empty()).then(|| Colophon {
        cc: Vec::new(),
        printer: Some(printer.to_owned()),
        print_date: Some(date),
    })
}

/// 某某办公室　2024年3月21日 on line `i` with its 印发 wrapped onto the next line alone.
fn printed_wrapped(d: &Doc, i: usize) -> Option<(Colophon, usize)> {
    let next = i + 1;
    (next < d.len() && d.text(next).trim() == "印发")
        .then(|| printed(&format!("{}印发", d.text(i).trim())))
        .flatten()
        .map(|c| (c, next))
}

/// 某某办公室 on line `i` and 2024年3月21日印发 on a later line, a page number between them at
/// most (text copied out of a PDF viewer gives the line's right part after the page's foot):
/// the 印发机关 and 印发日期, and the line of the date.
fn printed_apart(d: &Doc, i: usize) -> Option<(Colophon, usize)> {
    let folio = |s: &str| {
        let s = s.trim_matches(|c: char| c.is_whitespace() || "-—－–".contains(c));
        !s.is_empty() && s.chars().all(|c| c.is_ascii_digit())
    };
    let next =
        (i + 1..d.len().min(i + 4)).find(|&k| !d.text(k).trim().is_empty() && !folio(d.text(k)))?;
    let (name, date) = (d.text(i).trim(), d.text(next).trim());
    if name.is_empty() || date_prefix(name).is_some() || name.chars().count() > 30 {
        return None;
    }
    printed(&format!("{name} {date}")).map(|c| (c, next))
}

/// A fill-in line above a table: 单位名称：… (short, no sentence); several on one line
/// (填报单位（盖章）：　　填报人：　　联系电话：) are several fields.
fn field_line(s: &str) -> Option<Vec<Field>> {
    let (label, rest) = s.split_once('：')?;
    let short = |l: &str| !l.is_empty() && l.chars().count() <= 8;
    // A numbered item (一、燃气经营企业：是否…) or a clause of prose after the colon is text.
    let prose = numbered(s).is_some() || rest.contains(['，', '；']);
    // The blanks left to fill in (kept as typed) do not count towards a line of fields' width.
    let solid: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if !short(label.trim()) || width_chars(&solid) > 36.0 || s.contains('。') || prose {
        return None;
    }
    let field = |label: &str, value: &str| Field {
        label: label.trim().to_owned(),
        value: date_blank(value),
    };
    let mut fields = Vec::new();
    let mut label = label;
    let parts: Vec<&str> = rest.split('：').collect();
    for (k, part) in parts.iter().enumerate() {
        if k + 1 == parts.len() {
            fields.push(field(label, part));
            break;
        }
        // The part holds this field's value and the next field's label.
        let part = part.trim();
        let split = match part.rfind(char::is_whitespace) {
            Some(i) if short(part[i..].trim()) => Some((&part[..i], part[i..].trim())),
            None if short(part) => Some(("", part)),
            _ => None,
        };
        let Some((value, next)) = split else {
            // Not a row of fields after all: one field holding the rest.
            return Some(vec![field(s.split_once('：')?.0, rest)]);
        };
        fields.push(field(label, value));
        label = next;
    }
    Some(fields)
}

/// A field's value trimmed, but a date left to fill in keeps the year's blank (　　年　　月　　日,
/// a month's 　　年　　月, a month alone: 填报月份：　　月).
fn date_blank(value: &str) -> String {
    let trimmed = value.trim();
    // A blank date whose spaces a copy lost or changed (年月日, 年   月    日): the form's own.
    let blank = |c: char| "年月日\u{3000} ".contains(c);
    if trimmed.chars().all(blank) && trimmed.contains('年') && trimmed.contains('月') {
        let day = if trimmed.contains('日') {
            "\u{3000}\u{3000}日"
        } else {
            ""
        };
        return format!("\u{3000}\u{3000}年\u{3000}\u{3000}月{day}");
    }
    let year = trimmed.starts_with('年') && trimmed.contains(['月', '日']);
    let units_only =
        trimmed.starts_with(['月', '日']) && trimmed.chars().all(|c| "年月日\u{3000} ".contains(c));
    if year || units_only {
        format!("\u{3000}\u{3000}{trimmed}")
    } else {
        trimmed.to_owned()
    }
}

/// A row with more cells than the head has columns (a head read short, cells split by a copy)
/// keeps its surplus in its last column, so that the table still checks; nothing is dropped.
fn fit_rows(a: &mut Annex) {
    let width = a.columns.len();
    for row in &mut a.rows {
        if row.len() > width && width > 0 {
            let surplus: Vec<String> = row.drain(width - 1..).filter(|c| !c.is_empty()).collect();
            row.push(surplus.join(" "));
        }
    }
}

/// A table row into `a`: its head when it has none, a blank row, a row; the head repeated on
/// a new page is dropped.
pub(super) fn row_into(a: &mut Annex, line: &crate::import::lines::Line) {
    let Some(cells) = &line.cells else { return };
    let cells: Vec<String> = cells.iter().map(|c| c.trim().to_owned()).collect();
    if a.columns.is_empty() {
        let groups = line.head_groups.clone().unwrap_or_default();
        a.columns = cells
            .into_iter()
            .enumerate()
            .map(|(k, title)| Column {
                title,
                width: None,
                group: groups.get(k).cloned().flatten(),
            })
            .collect();
    } else if cells.iter().eq(a.columns.iter().map(|c| &c.title)) {
        // The table head repeated on a new page.
    } else if cells.iter().all(String::is_empty) {
        a.blank_rows += 1;
    } else {
        // Blank rows above a filled one (合计 at the foot of a form) keep their place.
        let width = a.columns.len();
        for _ in 0..std::mem::take(&mut a.blank_rows) {
            a.rows.push(vec![String::new(); width]);
        }
        a.rows.push(cells);
    }
}

/// Whether the annex ends at line `i`.
fn annex_ends(d: &Doc, i: usize) -> bool {
    let t = d.text(i);
    annex_label(t).is_some() || is_colophon(t) || disclosure(t).is_some()
}

/// 公开方式：主动公开 (a 版记 line of some provinces, above 抄送): the document's, not an
/// annex's; kept as a 附注.
fn disclosure(t: &str) -> Option<&str> {
    let t = t.trim();
    let (label, value) = t.split_once('：')?;
    (["公开方式", "公开属性"].contains(&label) && (2..=6).contains(&value.chars().count()))
        .then_some(t)
}

/// One annex from line `i` (after its label): title, then content; a comment for the office
/// when something was assumed; the next line.
fn annex(d: &mut Doc, mut i: usize) -> (Annex, Option<String>, usize) {
    let mut comment = None;
    while i < d.len() && d.text(i).is_empty() {
        i += 1;
    }
    let mut a = Annex::default();
    if i < d.len() && annex_group_line(d.text(i)).is_none() && d.lines[i].cells.is_none() {
        let first = d.lines[i].clone();
        a.title = first.text.trim().to_owned();
        i += 1;
        while i < d.len() {
            let l = &d.lines[i];
            let t = l.text.trim();
            let same_size = first
                .size
                .zip(l.size)
                .is_none_or(|(x, y)| (x - y).abs() < 1.0);
            if t.is_empty()
                || l.cells.is_some()
                || annex_group_line(t).is_some()
                || field_line(t).is_some()
                || numbered(t).is_some()
                || ends_sentence(&a.title)
                || ends_sentence(t)
                || annex_ends(d, i)
                || !same_size
                || width_chars(t) > 24.0
                || (first.size.is_none() && !next_is_content(d, i + 1))
            {
                break;
            }
            a.title.push_str(t);
            i += 1;
        }
    }
    let mut pre: Vec<Field> = Vec::new();
    // The open 名单 line's indent and the text of its last line.
    let mut group_at: (Option<f64>, String) = (None, String::new());
    while i < d.len() && !annex_ends(d, i) {
        let line = d.lines[i].clone();
        let t = line.text.trim().to_owned();
        if line.cells.is_some() {
            row_into(&mut a, &line);
            i += 1;
        } else if t.is_empty() {
            i += 1;
        } else if let Some((label, items)) = annex_group_line(&t) {
            a.groups.push(ListGroup { label, items });
            group_at = (line.indent, t.clone());
            i += 1;
        } else if !a.groups.is_empty()
            && a.text.is_empty()
            && !ends_sentence(&t)
            && !t.contains(['：', '，', '；'])
            && hangs(line.indent, group_at.0)
        {
            if let Some(ListGroup { items, .. }) = a.groups.last_mut() {
                let mut more = split_items(&t).into_iter();
                // A line end inside a name: the name goes on in this line.
                if !group_at.1.ends_with(['、', '：']) {
                    if let (Some(last), Some(first)) = (items.last_mut(), more.next()) {
                        last.push_str(&first);
                    }
                }
                items.extend(more);
            }
            group_at.1 = t;
            i += 1;
        } else if let Some(f) = field_line(&t).filter(|_| a.columns.is_empty() && a.text.is_empty())
        {
            pre.extend(f);
            i += 1;
            // A line of fields wrapped before its last 日 (填报日期：　年　月 / 日).
            if i < d.len() && d.text(i).trim() == "日" {
                if let Some(last) = pre
                    .last_mut()
                    .filter(|f| f.value.trim_end().ends_with('月'))
                {
                    last.value =
                        date_blank(&format!("{}\u{3000}\u{3000}日", last.value.trim_end()));
                    i += 1;
                }
            }
        } else {
            let (p, next) = d.paragraph(i, None);
            a.text.0.push(p.text.trim().to_owned());
            i = next.min((i + 1..next).find(|&k| annex_ends(d, k)).unwrap_or(next));
        }
    }
    if !a.columns.is_empty() {
        a.kind = AnnexKind::Table;
        fit_rows(&mut a);
        a.fields = pre;
        if a.rows.is_empty() && a.blank_rows == 0 {
            a.blank_rows = DEFAULT_BLANK_ROWS;
            comment = Some(format!("原件表格空白行数未知，按 {DEFAULT_BLANK_ROWS} 行"));
        }
    } else {
        let pre: Vec<String> = pre
            .into_iter()
            .map(|f| format!("{}：{}", f.label, f.value))
            .collect();
        a.text.0.splice(0..0, pre);
        a.kind = if a.groups.is_empty() {
            AnnexKind::Text
        } else {
            AnnexKind::List
        };
    }
    (a, comment, i)
}

/// Whether line `k` holds annex content (a 名单 line, a field, a table row).
fn next_is_content(d: &Doc, k: usize) -> bool {
    k < d.len()
        && (d.lines[k].cells.is_some()
            || annex_group_line(d.text(k)).is_some()
            || field_line(d.text(k)).is_some())
}

/// Whether a line at `indent` hangs under a 名单 line at `group` (when positions are known): a
/// new paragraph starts at the 名单 line's indent or left of it.
fn hangs(indent: Option<f64>, group: Option<f64>) -> bool {
    indent.zip(group).is_none_or(|(i, g)| i > g + 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_s_fields_are_fields_and_a_numbered_item_with_a_colon_is_text() {
        let f = field_line("填报单位（盖章）：        填报日期：").unwrap();
        let labels: Vec<&str> = f.iter().map(|f| f.label.as_str()).collect();
        assert_eq!(labels, ["填报单位（盖章）", "填报日期"]);
        let blanks =
            "填报单位（盖章）：　　　　　　　　　　　　　　　　填报日期：　　年　　月　　日";
        let f = field_line(blanks).unwrap();
        assert_eq!(f[1].label, "填报日期");
        assert_eq!(f[1].value, "　　年　　月　　日");
        // A month left to fill in keeps its year's blank too.
        let f = field_line("填报单位：　　　　　　　　统计时段：　　年　　月").unwrap();
        assert_eq!(f[1].value, "　　年　　月");
        let f = field_line("填报单位（盖章）：　　　　　　填报月份：　　月").unwrap();
        assert_eq!(f[1].value, "　　月");
        assert!(field_line("一、燃气经营企业：是否依法取得燃气经营许可证，安全").is_none());
        assert!(field_line("居民用户：是否使用不合格的燃气具，是").is_none());
    }
}
