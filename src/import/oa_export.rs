//! The block of file data an OA system writes above the body it exports as text (「导出正文」):
//! 文件标题：, 发文单位：, 文号：, 紧急程度：, 密级：, 签发人：, 发文日期：, 附件：2个 on lines of their
//! own, maybe closed by a rule (=====). Its fields become the header lines the document prints
//! (紧急程度, 发文机关标志, 发文字号, title), so that recognition reads them as it reads a
//! document's; the rest of the block goes. Each change is reported.

use super::lines::Line;
use super::repair::Repair;

/// What a label of the block gives.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Field {
    Title,
    Issuer,
    Number,
    Urgency,
    Secrecy,
    Signers,
    /// Known to the OA system only (发文日期, 附件：2个, 拟稿人 …): dropped.
    Other,
}

/// The labels OA systems write, each with its field.
const LABELS: &[(&str, Field)] = &[
    ("文件标题", Field::Title),
    ("公文标题", Field::Title),
    ("标题", Field::Title),
    ("发文单位", Field::Issuer),
    ("发文机关", Field::Issuer),
    ("来文单位", Field::Issuer),
    ("文号", Field::Number),
    ("发文字号", Field::Number),
    ("发文文号", Field::Number),
    ("紧急程度", Field::Urgency),
    ("缓急", Field::Urgency),
    ("密级", Field::Secrecy),
    ("签发人", Field::Signers),
    ("发文日期", Field::Other),
    ("成文日期", Field::Other),
    ("印发日期", Field::Other),
    ("附件", Field::Other),
    ("拟稿人", Field::Other),
    ("拟稿单位", Field::Other),
    ("核稿人", Field::Other),
    ("主办单位", Field::Other),
    ("主题词", Field::Other),
    ("份数", Field::Other),
    ("印发份数", Field::Other),
    ("公开属性", Field::Other),
    ("公开方式", Field::Other),
];

/// Lines from the start searched for the block.
const SEARCHED: usize = 4;

/// The most lines a block has.
const MOST_LINES: usize = 24;

/// A label line: its field and value (附件：2个 is the OA's count of files, not a 附件说明).
fn field(text: &str) -> Option<(Field, &str)> {
    let (label, value) = text.trim().split_once(['：', ':'])?;
    let label = label.trim();
    let (_, f) = LABELS.iter().find(|(l, _)| *l == label)?;
    let value = value.trim();
    // 附件：1.某某表 is the document's own 附件说明.
    let count = value.ends_with('个') || value.ends_with('件') || value.is_empty();
    (*f != Field::Other || label != "附件" || count).then_some((*f, value))
}

/// A rule line closing the block: ===== or ----- (maybe ━━━).
fn rule(text: &str) -> bool {
    let t = text.trim();
    t.chars().count() >= 5 && t.chars().all(|c| "=-—_*━＝－~".contains(c))
}

/// The block's lines replaced by the header lines its fields give; `lines` unchanged where
/// no block of three or more labels, a title, an issuer or a number among them, opens them.
pub fn read(lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    let Some(start) = lines
        .iter()
        .take(SEARCHED)
        .position(|l| field(&l.text).is_some())
    else {
        return (lines, Vec::new());
    };
    let count = lines[start..]
        .iter()
        .take(MOST_LINES)
        .take_while(|l| field(&l.text).is_some())
        .count();
    let fields: Vec<(Field, String, usize)> = lines[start..start + count]
        .iter()
        .filter_map(|l| field(&l.text).map(|(f, v)| (f, v.to_owned(), l.line)))
        .collect();
    let named = |f: Field| fields.iter().find(|(g, v, _)| *g == f && !v.is_empty());
    let known = [Field::Title, Field::Issuer, Field::Number]
        .iter()
        .filter(|f| named(**f).is_some())
        .count();
    if count < 3 || known < 2 {
        return (lines, Vec::new());
    }
    let end = start + count + usize::from(lines.get(start + count).is_some_and(|l| rule(&l.text)));
    let mut lines = lines;
    let block: Vec<Line> = lines.drain(start..end).collect();
    let repairs: Vec<Repair> = block
        .iter()
        .map(|l| Repair {
            page: l.page,
            line: l.line,
            what: format!("读取OA导出的文件信息“{}”", l.text.trim()),
        })
        .collect();
    let header = header_lines(&fields, &block[0]);
    lines.splice(start..start, header);
    (lines, repairs)
}

/// The lines a document prints for the block's fields, in the order of its 版头: 密级,
/// 紧急程度, the mark, the number (with 签发人 for a 请示 or 报告), the title; each at the line
/// of the file that gave it.
fn header_lines(fields: &[(Field, String, usize)], at: &Line) -> Vec<Line> {
    let value = |f: Field| {
        fields
            .iter()
            .find(|(g, v, _)| *g == f && !v.is_empty())
            .map(|(_, v, line)| (v.as_str(), *line))
    };
    let title = value(Field::Title).map_or("", |(t, _)| t);
    let mut out = Vec::new();
    let mut push = |text: &str, line: usize| {
        let mut l = Line::plain(text, at.page, line);
        l.after_blank = at.after_blank;
        out.push(l);
    };
    let secret = |(s, _): &(&str, usize)| ["绝密", "机密", "秘密"].iter().any(|k| s.starts_with(k));
    if let Some((s, line)) = value(Field::Secrecy).filter(secret) {
        push(s, line);
    }
    let urgent = |(u, _): &(&str, usize)| ["特急", "加急", "特提"].contains(u);
    if let Some((u, line)) = value(Field::Urgency).filter(urgent) {
        push(u, line);
    }
    if let Some((issuer, line)) = value(Field::Issuer) {
        push(issuer, line);
    }
    if let Some((number, line)) = value(Field::Number) {
        // 签发人 is printed on the 版头 of what goes up (§7.2.5), never on a notice's.
        let upward = ["请示", "报告"].iter().any(|k| title.ends_with(k));
        match value(Field::Signers).filter(|_| upward) {
            Some((signers, _)) => push(&format!("{number}　签发人：{signers}"), line),
            None => push(number, line),
        }
    }
    if let Some((t, line)) = value(Field::Title) {
        push(t, line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn an_oa_export_s_file_data_become_the_header_a_document_prints() {
        let raw = [
            "文件标题：关于做好2027年汛前安全隐患排查整治工作的通知",
            "发文单位：监利市应急管理局",
            "文号：监应急发〔2027〕9号",
            "签发人：王志刚",
            "紧急程度：特急",
            "密级：无",
            "发文日期：2027年3月18日",
            "附件：2个",
            "==========",
            "各镇人民政府、街道办事处：",
        ];
        let lines: Vec<Line> = raw
            .iter()
            .enumerate()
            .map(|(k, t)| Line::plain(*t, 1, k + 1))
            .collect();
        let (lines, repairs) = read(lines);
        assert_eq!(
            texts(&lines),
            [
                "特急",
                "监利市应急管理局",
                "监应急发〔2027〕9号",
                "关于做好2027年汛前安全隐患排查整治工作的通知",
                "各镇人民政府、街道办事处：",
            ]
        );
        assert_eq!(repairs.len(), 9);
    }

    #[test]
    fn a_document_s_own_lines_are_no_oa_block() {
        let raw = ["附件：1.统计表", "标题：某某", "各单位："];
        let lines: Vec<Line> = raw
            .iter()
            .enumerate()
            .map(|(k, t)| Line::plain(*t, 1, k + 1))
            .collect();
        let (kept, repairs) = read(lines);
        assert_eq!(texts(&kept), raw);
        assert!(repairs.is_empty());
    }
}
