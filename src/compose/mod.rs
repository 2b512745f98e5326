//! Spec → document model: every decision both writers need is made here.

mod mark;
mod signature;
pub mod text;
pub mod title;

use crate::gbt9704 as std_;
use crate::model::*;
use crate::spec::{AnnexKind, Section, Spec};
use text::{chinese_date, width_chars};

/// Tables with more columns than this go on a landscape page unless the spec says otherwise.
const PORTRAIT_MAX_COLUMNS: usize = 6;

/// The title fits this many grid characters of 3号 per line at 2号 size.
fn title_max_chars() -> f64 {
    (std_::TEXT_WIDTH_MM * std_::PT_PER_MM / std_::TITLE_SIZE_PT).floor()
}

/// Builds the document model of a validated spec.
pub fn compose(spec: &Spec) -> Document {
    let title_lines = title::break_title(&spec.title, title_max_chars());
    let header = spec.header.as_ref().map(mark::header);
    let mut body: Vec<Paragraph> = spec.opening.0.iter().map(|p| body_paragraph(p)).collect();
    for (i, s) in spec.sections.iter().enumerate() {
        section(&mut body, s, 1, i + 1);
    }
    body.extend(spec.closing.0.iter().map(|p| body_paragraph(p)));

    let mut notes: Vec<Paragraph> = Vec::new();
    if let Some(c) = &spec.contacts {
        notes.push(indented_line(&text::parenthesized(c)));
    }
    notes.extend(
        spec.notes
            .iter()
            .map(|n| indented_line(&text::parenthesized(n))),
    );

    let author = spec
        .header
        .as_ref()
        .map(|h| h.issuers.join("、"))
        .or_else(|| spec.signature.issuer.clone())
        .unwrap_or_default();
    Document {
        meta: Meta {
            title: spec.title.trim().to_owned(),
            author,
            date: spec.signature.date.to_string(),
        },
        header,
        title: title_lines,
        recipients: spec.recipients.as_deref().map(text::with_colon),
        body,
        annex_note: annex_note(spec),
        signature: signature::signature(&spec.signature),
        notes,
        annexes: annexes(spec),
        colophon: spec.colophon.as_ref().map(|c| Colophon {
            cc: (!c.cc.is_empty())
                .then(|| format!("抄送：{}。", c.cc.join("，").trim_end_matches('。'))),
            printer: c.printer.trim().to_owned(),
            printed: format!("{}印发", chinese_date(c.print_date)),
        }),
    }
}

fn span(text: &str, font: FontRole) -> Span {
    Span {
        text: text.to_owned(),
        font,
        bold: false,
    }
}

/// A body paragraph: 仿宋, first line indented two characters.
fn body_paragraph(text: &str) -> Paragraph {
    Paragraph {
        spans: vec![span(text.trim(), FontRole::Fangsong)],
        first_line_indent: std_::INDENT_CHARS,
        left_indent: 0.0,
        hanging: 0.0,
    }
}

/// A line indented two characters on every line (附注).
fn indented_line(text: &str) -> Paragraph {
    Paragraph {
        spans: vec![span(text, FontRole::Fangsong)],
        first_line_indent: 0.0,
        left_indent: std_::INDENT_CHARS,
        hanging: 0.0,
    }
}

/// The number of a heading at `level` (1-based) and position `n`: 一、 （一） 1. （1）.
pub fn heading_number(level: usize, n: usize) -> String {
    match level {
        1 => format!("{}、", text::chinese_numeral(n)),
        2 => format!("（{}）", text::chinese_numeral(n)),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
    }
}

/// The font of a heading at `level`: 黑体, 楷体, then 仿宋.
pub fn heading_font(level: usize) -> FontRole {
    match level {
        1 => FontRole::Hei,
        2 => FontRole::Kai,
        _ => FontRole::Fangsong,
    }
}

fn section(out: &mut Vec<Paragraph>, s: &Section, level: usize, n: usize) {
    let heading = span(
        &format!("{}{}", heading_number(level, n), s.heading.trim()),
        heading_font(level),
    );
    let mut paragraphs = s.text.0.iter();
    let mut first = body_paragraph("");
    first.spans = vec![heading];
    if s.run_in {
        if let Some(p) = paragraphs.next() {
            first.spans.push(span(p.trim(), FontRole::Fangsong));
        }
    }
    out.push(first);
    out.extend(paragraphs.map(|p| body_paragraph(p)));
    for (i, sub) in s.sections.iter().enumerate() {
        section(out, sub, level + 1, i + 1);
    }
}

/// 附件说明: 附件：1. 名称, further items aligned under the first.
fn annex_note(spec: &Spec) -> Vec<Paragraph> {
    const LABEL: &str = "附件：";
    let label_w = width_chars(LABEL);
    let single = spec.annexes.len() == 1;
    spec.annexes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let number = if single {
                String::new()
            } else {
                format!("{}.", i + 1)
            };
            let lead = if i == 0 { LABEL } else { "" };
            Paragraph {
                spans: vec![span(
                    &format!("{lead}{number}{}", a.title.trim()),
                    FontRole::Fangsong,
                )],
                first_line_indent: 0.0,
                left_indent: std_::INDENT_CHARS + if i == 0 { 0.0 } else { label_w },
                hanging: width_chars(&number) + if i == 0 { label_w } else { 0.0 },
            }
        })
        .collect()
}

fn annexes(spec: &Spec) -> Vec<Annex> {
    let single = spec.annexes.len() == 1;
    spec.annexes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let label = if single {
                "附件".to_owned()
            } else {
                format!("附件{}", i + 1)
            };
            let plain = |p: &String| body_paragraph(p);
            let (paragraphs, table, after) = match a.kind {
                AnnexKind::Text => (a.text.0.iter().map(plain).collect(), None, Vec::new()),
                AnnexKind::List => (
                    a.groups
                        .iter()
                        .map(|g| {
                            let label = format!("{}：", g.label.trim());
                            Paragraph {
                                hanging: width_chars(&label),
                                spans: vec![span(
                                    &format!("{label}{}", g.items.join("、")),
                                    FontRole::Fangsong,
                                )],
                                first_line_indent: 0.0,
                                left_indent: std_::INDENT_CHARS,
                            }
                        })
                        .collect(),
                    None,
                    a.text.0.iter().map(plain).collect(),
                ),
                AnnexKind::Table => (
                    a.fields
                        .iter()
                        .map(|f| Paragraph {
                            spans: vec![span(
                                &format!("{}：{}", f.label.trim(), f.value.trim()),
                                FontRole::Fangsong,
                            )],
                            first_line_indent: 0.0,
                            left_indent: 0.0,
                            hanging: 0.0,
                        })
                        .collect(),
                    Some(table(a)),
                    a.text.0.iter().map(plain).collect(),
                ),
            };
            Annex {
                label,
                title: title::break_title(&a.title, title_max_chars()),
                landscape: a
                    .landscape
                    .unwrap_or(a.columns.len() > PORTRAIT_MAX_COLUMNS),
                paragraphs,
                table,
                after,
            }
        })
        .collect()
}

/// Column widths from the spec, or from the widest cell of each column.
fn table(a: &crate::spec::Annex) -> Table {
    let cols = a.columns.len();
    let weights: Vec<f64> = (0..cols)
        .map(|c| {
            a.columns[c].width.unwrap_or_else(|| {
                let content = a
                    .rows
                    .iter()
                    .filter_map(|r| r.get(c))
                    .map(|s| width_chars(s).min(12.0))
                    .fold(0.0, f64::max);
                width_chars(&a.columns[c].title)
                    .clamp(2.0, 6.0)
                    .max(content)
                    .max(2.0)
            })
        })
        .collect();
    let sum: f64 = weights.iter().sum();
    let mut rows: Vec<Vec<String>> = a
        .rows
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.resize(cols, String::new());
            r
        })
        .collect();
    rows.extend((0..a.blank_rows).map(|_| vec![String::new(); cols]));
    Table {
        columns: a
            .columns
            .iter()
            .map(|c| c.title.trim().to_owned())
            .collect(),
        widths: weights.iter().map(|w| w / sum).collect(),
        rows,
        row_height_mm: std_::TABLE_BLANK_ROW_MM,
    }
}
