//! Checks on a parsed spec that serde cannot express: empty text, impossible combinations.

use super::kind::DocKind;
use super::schema::{AnnexKind, Section, Spec};

/// A problem with a field path; the caller turns the path into a file position.
#[derive(Debug, Clone)]
pub struct Problem {
    /// Field path, e.g. `sections[0].heading`.
    pub field: String,
    /// What is wrong, in Chinese.
    pub message: String,
}

fn problem(field: impl Into<String>, message: impl Into<String>) -> Problem {
    Problem {
        field: field.into(),
        message: message.into(),
    }
}

/// Every structural problem of the spec, in document order.
pub fn check(spec: &Spec) -> Vec<Problem> {
    let mut out = Vec::new();
    let cover_with_enclosure = spec.kind == DocKind::Cover && spec.enclosure.is_some();
    // A 命令 and a 纪要 may go without a title: their mark names them (KINDS: untitled).
    if !cover_with_enclosure && !spec.kind.row().untitled {
        nonempty(&mut out, "title", &spec.title, "标题");
    }
    if spec.kind.row().signed && spec.signature.is_none() {
        out.push(problem(
            "signature",
            format!("{}需要 [signature]（署名和成文日期）", spec.kind.chinese()),
        ));
    }
    signature_problems(spec, &mut out);
    seal_problems(spec, &mut out);
    if spec.kind == DocKind::Cover && spec.enclosure.is_none() {
        out.push(problem(
            "enclosure",
            "印发通知需要 [enclosure]（被印发的方案或文件）",
        ));
    }
    if let Some(e) = &spec.enclosure {
        nonempty(&mut out, "enclosure.title", &e.title, "被印发文件的标题");
        sections(&mut out, "enclosure.sections", &e.sections, 0);
    }
    if let Some(c) = &spec.campaign {
        if c.end < c.start {
            out.push(problem(
                "campaign.end",
                format!("活动结束日期 {} 早于开始日期 {}", c.end, c.start),
            ));
        }
    }
    if let Some(h) = &spec.header {
        if h.issuers.is_empty() || h.issuers.iter().any(|s| s.trim().is_empty()) {
            out.push(problem("header.issuers", "发文机关不能为空"));
        }
        if let Some(n) = &h.doc_number {
            nonempty(&mut out, "header.doc_number.code", &n.code, "机关代字");
            if !(1900..=2999).contains(&n.year) {
                out.push(problem(
                    "header.doc_number.year",
                    format!("年份 {} 不合理，应为四位年份", n.year),
                ));
            }
        }
        for (i, l) in h.mark_lines.iter().enumerate() {
            nonempty(
                &mut out,
                &format!("header.mark_lines[{i}]"),
                l,
                "发文机关标志的一行",
            );
        }
        if let [issuer] = h.issuers.as_slice() {
            let joined: String = h.mark_lines.iter().map(|l| l.trim()).collect();
            if !h.mark_lines.is_empty() && joined != issuer.trim() {
                out.push(problem(
                    "header.mark_lines",
                    format!(
                        "发文机关标志各行连起来是“{joined}”，与发文机关“{}”不一致",
                        issuer.trim()
                    ),
                ));
            }
        }
        if let Some(c) = &h.copy_number {
            if c.len() != 6 || !c.bytes().all(|b| b.is_ascii_digit()) {
                out.push(problem(
                    "header.copy_number",
                    format!("份号“{c}”应为 6 位阿拉伯数字，如 000001"),
                ));
            }
        }
        if let Some(size) = h.mark_size {
            if !(12.0..=80.0).contains(&size) {
                out.push(problem(
                    "header.mark_size",
                    format!("发文机关标志字号 {size} pt 超出 12–80 pt"),
                ));
            }
        }
    }
    sections(&mut out, "sections", &spec.sections, 0);
    for (i, a) in spec.annexes.iter().enumerate() {
        let at = format!("annexes[{i}]");
        nonempty(&mut out, &format!("{at}.title"), &a.title, "附件标题");
        match a.kind {
            AnnexKind::Table if a.columns.is_empty() => {
                out.push(problem(format!("{at}.columns"), "表格附件需要表头 columns"));
            }
            AnnexKind::List if a.groups.is_empty() => {
                out.push(problem(format!("{at}.groups"), "名单附件需要 groups"));
            }
            _ => {}
        }
        let most = crate::gbt9704::max_table_columns();
        if a.columns.len() > most {
            out.push(problem(
                format!("{at}.columns"),
                format!(
                    "表格有 {} 列，一页（横向）最多容纳 {most} 列、每列至少一个字宽；请拆成几张表或减少列数",
                    a.columns.len()
                ),
            ));
        }
        for (r, row) in a.rows.iter().enumerate() {
            if row.len() > a.columns.len() {
                out.push(problem(
                    format!("{at}.rows[{r}]"),
                    format!("该行有 {} 格，多于表头的 {} 列", row.len(), a.columns.len()),
                ));
            }
        }
        for (c, col) in a.columns.iter().enumerate() {
            if col.width.is_some_and(|w| !(w > 0.0 && w.is_finite())) {
                out.push(problem(format!("{at}.columns[{c}]"), "列宽应为正数"));
            }
        }
    }
    if let Some(c) = &spec.colophon {
        // The 信函格式's 版记 has neither 印发机关 nor 印发日期 (GB/T 9704 §10.1).
        if spec.kind != DocKind::Letter {
            match &c.printer {
                Some(p) => nonempty(&mut out, "colophon.printer", p, "印发机关"),
                None => out.push(problem("colophon.printer", "版记需要印发机关 printer")),
            }
            if c.print_date.is_none() {
                out.push(problem(
                    "colophon.print_date",
                    "版记需要印发日期 print_date",
                ));
            }
        }
    }
    out
}

/// `after_enclosure` only with an enclosure; `issuer` or `issuers`, not both.
fn signature_problems(spec: &Spec, out: &mut Vec<Problem>) {
    if spec.signature.as_ref().is_some_and(|s| s.after_enclosure) && spec.enclosure.is_none() {
        out.push(problem(
            "signature.after_enclosure",
            "after_enclosure 只用于带 [enclosure] 的印发通知（署名排在所印发的文件之后）",
        ));
    }
    if spec
        .signature
        .as_ref()
        .is_some_and(|s| s.issuer.is_some() && !s.issuers.is_empty())
    {
        out.push(problem(
            "signature.issuers",
            "issuer 与 issuers 只写一个：一个机关署名写 issuer，联合行文写 issuers（每个机关一项）",
        ));
    }
}

/// Seal images (§7.3.5.1): never without a signature, never more than the signing offices,
/// never on a document signed without a seal; a diameter a seal can have.
fn seal_problems(spec: &Spec, out: &mut Vec<Problem>) {
    let Some(s) = &spec.signature else { return };
    let names = s.names().len();
    if !s.seals.is_empty() && !s.sealed {
        out.push(problem(
            "signature.seals",
            "sealed = false 表示不加盖印章，却给了印章图片：加盖印章就删去 sealed = false，不盖章就删去 seals",
        ));
    } else if !s.seals.is_empty() && names == 0 {
        out.push(problem(
            "signature.seals",
            "印章不能脱离发文机关署名单独出现：请写 issuer（一个机关）或 issuers（联合行文，每个机关一项）",
        ));
    } else if s.seals.len() > names {
        out.push(problem(
            "signature.seals",
            format!(
                "给了 {} 个印章图片，但只有 {names} 个发文机关署名；印章按 issuers 的顺序一一对应",
                s.seals.len()
            ),
        ));
    }
    if let Some(d) = s.seal_size_mm.filter(|d| !(20.0..=80.0).contains(d)) {
        out.push(problem(
            "signature.seal_size_mm",
            format!("印章直径 {d} 毫米不合常理：公文印章直径一般在 40～60 毫米之间（允许 20～80）"),
        ));
    }
}

const MAX_DEPTH: usize = 4;

/// A group of sibling sections under a parent at `parent` (0: the body): their numbering one
/// level or more below it and the same for all, then each.
fn sections(out: &mut Vec<Problem>, at: &str, list: &[Section], parent: usize) {
    let first = list.iter().find_map(|s| s.numbering);
    for (i, s) in list.iter().enumerate() {
        let Some(n) = s.numbering else { continue };
        if n.level() <= parent {
            out.push(problem(
                format!("{at}[{i}].numbering"),
                format!(
                    "序号“{}”不能用在上一层“{}”之下：下一层只能是比它低的层次（一、（一）1.（1））",
                    n.written(),
                    crate::spec::Numbering::at_level(parent).written()
                ),
            ));
        } else if Some(n) != first {
            out.push(problem(
                format!("{at}[{i}].numbering"),
                format!(
                    "同一层的序号应一致：前面的节用“{}”，这一节用“{}”",
                    first.map_or("", |f| f.written()),
                    n.written()
                ),
            ));
        }
    }
    let level = Section::group_level(list, parent);
    for (i, s) in list.iter().enumerate() {
        section(out, &format!("{at}[{i}]"), s, level);
    }
}

fn section(out: &mut Vec<Problem>, at: &str, s: &Section, depth: usize) {
    if s.heading.trim().is_empty() && s.text.0.iter().all(|p| p.trim().is_empty()) {
        out.push(problem(
            format!("{at}.heading"),
            "小标题和正文不能都为空（只写 text 时，这一节是一个带序号的段落）",
        ));
    }
    if depth >= MAX_DEPTH && !s.sections.is_empty() {
        out.push(problem(
            format!("{at}.sections"),
            "公文正文结构层次最多四层（一、（一）1.（1））",
        ));
        return;
    }
    sections(out, &format!("{at}.sections"), &s.sections, depth);
    for (i, p) in s.phases.iter().enumerate() {
        nonempty(out, &format!("{at}.phases[{i}].name"), &p.name, "阶段名称");
        if p.end.is_some_and(|e| e < p.start) {
            out.push(problem(
                format!("{at}.phases[{i}].end"),
                format!("阶段结束日期早于开始日期 {}", p.start),
            ));
        }
    }
}

fn nonempty(out: &mut Vec<Problem>, field: &str, value: &str, what: &str) {
    if value.trim().is_empty() {
        out.push(problem(field, format!("{what}不能为空")));
    }
}
