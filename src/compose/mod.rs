//! Spec → document model: every decision both writers need is made here.

mod fields;
pub mod kind;
mod mark;
mod signature;
pub mod text;
pub mod title;
pub mod words;

use crate::gbt9704 as std_;
use crate::model::*;
use crate::spec::{AnnexKind, DocKind, Enclosure, Phase, Section, Spec};
use text::{chinese_date, width_chars};

/// The title fits this many grid characters of 3号 per line at 2号 size.
fn title_max_chars() -> f64 {
    // One character of slack: the spacing typst adds between CJK and Latin digits and the
    // width of full-width punctuation must never wrap a line the breaker chose.
    (std_::TEXT_WIDTH_MM * std_::PT_PER_MM / std_::TITLE_SIZE_PT).floor() - 1.0
}

/// Builds the document model of a validated spec.
pub fn compose(spec: &Spec) -> Document {
    let layout = kind::layout(spec.kind);
    let mut parts = vec![main_part(spec, &layout)];
    if let Some(e) = &spec.enclosure {
        let mut enclosed = enclosure_part(e);
        let at_end = spec.signature.as_ref().is_some_and(|s| s.after_enclosure);
        if at_end && enclosed.signature.is_none() {
            enclosed.signature = parts[0].signature.take();
            let own = std::mem::take(&mut parts[0].notes);
            enclosed.notes.extend(own);
        }
        parts.push(enclosed);
    }
    // The 附件说明 closes the part the annexes belong to: the last one.
    if let Some(last) = parts.last_mut() {
        last.annex_note = annex_note(spec);
    }
    let author = spec
        .header
        .as_ref()
        .map(|h| h.issuers.join("、"))
        .or_else(|| spec.signature.as_ref().map(|s| s.names().join("、")))
        .unwrap_or_default();
    let date = spec
        .signature
        .as_ref()
        .map(|s| s.date)
        .or_else(|| spec.campaign.as_ref().map(|c| c.start))
        .unwrap_or_default();
    Document {
        meta: Meta {
            title: cover_title(spec).trim().to_owned(),
            author,
            date: date.to_string(),
            keywords: spec.keywords.clone(),
            kind: spec.kind.chinese().to_owned(),
        },
        parts,
        annexes: annexes(spec),
        colophon: spec.colophon.as_ref().map(|c| Colophon {
            ruled: layout.colophon_ruled,
            cc: (!c.cc.is_empty())
                .then(|| format!("抄送：{}。", c.cc.join("，").trim_end_matches('。'))),
            printer: match &c.printer {
                Some(p) if layout.colophon_ruled => p.trim().to_owned(),
                _ => String::new(),
            },
            printed: match c.print_date {
                Some(d) if layout.colophon_ruled => format!("{}印发", chinese_date(d)),
                _ => String::new(),
            },
        }),
        number_first_page: layout.number_first_page,
        seal_sources: spec
            .signature
            .as_ref()
            .map(|s| s.seals.clone())
            .unwrap_or_default(),
        seal_files: Vec::new(),
    }
}

/// Each annex as a document of its own (`--annexes-only`): the form to send out for filling
/// in, with its label and title, and the number it has in the full document.
pub fn annex_forms(doc: &Document) -> Vec<(usize, Document)> {
    doc.annexes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            (
                i + 1,
                Document {
                    meta: Meta {
                        title: a.title.concat(),
                        ..doc.meta.clone()
                    },
                    parts: Vec::new(),
                    annexes: vec![a.clone()],
                    colophon: None,
                    number_first_page: true,
                    seal_sources: Vec::new(),
                    seal_files: Vec::new(),
                },
            )
        })
        .collect()
}

/// The verb a cover notice transmits with: 印发 its own document, 转发 another office's.
pub fn transmit_verb(spec: &Spec) -> &str {
    spec.transmit_verb
        .as_deref()
        .map(str::trim)
        .filter(|v| !v.is_empty())
        .unwrap_or("印发")
}

/// The title of a cover notice: the spec's, or 关于印发《…》的通知 after its enclosure.
pub fn cover_title(spec: &Spec) -> String {
    match (&spec.enclosure, spec.title.trim()) {
        (Some(e), "") => transmitting_title(transmit_verb(spec), &e.title),
        (_, t) => t.to_owned(),
    }
}

/// 关于{verb}《title》的通知: the title of a notice that prints or relays `title`.
pub fn transmitting_title(verb: &str, title: &str) -> String {
    format!("关于{verb}{}的通知", text::book_title(title))
}

/// The sentence a cover notice transmits its enclosure with.
pub fn transmit_sentence(spec: &Spec) -> Option<String> {
    let e = spec.enclosure.as_ref()?;
    let request = spec.transmit.as_deref().unwrap_or("请认真贯彻落实。");
    let number = e
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| format!("（{n}）"))
        .unwrap_or_default();
    Some(format!(
        "现将{}{number}{}给你们，{}",
        text::book_title(&e.title),
        transmit_verb(spec),
        request.trim()
    ))
}

/// A 批复's citation of the request it answers: 《标题》（发文字号）收悉。
pub fn reply_citation(spec: &Spec) -> Option<String> {
    let a = spec.answers.as_ref()?;
    let number = a
        .number
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| format!("（{n}）"))
        .unwrap_or_default();
    Some(format!("{}{number}收悉。", text::book_title(&a.title)))
}

/// 出席/请假/列席 lists: the label in 黑体 with its colon, the names in 仿宋, 左空二字, wrapped
/// lines aligned with the first name, no name broken across lines.
fn attendance(spec: &Spec) -> Vec<Paragraph> {
    let Some(a) = &spec.attendance else {
        return Vec::new();
    };
    [
        ("出席", &a.present),
        ("请假", &a.absent),
        ("列席", &a.observers),
    ]
    .into_iter()
    .filter(|(_, names)| names.iter().any(|n| !n.trim().is_empty()))
    .flat_map(|(label, names)| {
        let names: Vec<String> = names
            .iter()
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect();
        member_lines(&format!("{label}："), FontRole::Hei, &names)
    })
    .collect()
}

/// The document the spec itself describes (a notice, a plan, a 请示 …).
fn main_part(spec: &Spec, layout: &kind::KindLayout) -> Part {
    let mut opening: Vec<String> = spec.opening.0.iter().map(|p| p.trim().to_owned()).collect();
    if let (Some(cite), Some(a)) = (reply_citation(spec), &spec.answers) {
        // Unless the office wrote the citation itself.
        let cited = format!("《{}》", a.title.trim());
        if !opening.iter().any(|p| p.contains(&cited)) {
            match opening.first_mut() {
                Some(first) => first.insert_str(0, &cite),
                None => opening.push(cite),
            }
        }
    }
    if spec.kind == DocKind::Cover {
        if let Some(sentence) = transmit_sentence(spec) {
            // Appended to the last opening paragraph when it leads into it (ends with ，).
            match opening.last_mut() {
                Some(last) if last.ends_with('，') => last.push_str(&sentence),
                _ => opening.push(sentence),
            }
        }
    }
    let body = body(&opening, &spec.sections, &spec.closing.0);
    let notes = notes(spec.contacts.as_deref(), &spec.notes);
    let title = cover_title(spec);
    Part {
        header: spec.header.as_ref().map(|h| mark::header(h, layout)),
        label: spec.label.as_ref().map(|l| l.trim().to_owned()),
        title: if title.trim().is_empty() {
            Vec::new()
        } else {
            title::printed_lines(&title, title_max_chars())
        },
        recipients: spec.recipients.as_deref().map(text::with_colon),
        body,
        annex_note: Vec::new(),
        signature: spec.signature.as_ref().map(signature::signature),
        notes,
        attendance: attendance(spec),
    }
}

/// 正文 of a part: opening paragraphs, the numbered sections, closing paragraphs.
fn body(opening: &[String], sections: &[Section], closing: &[String]) -> Vec<Paragraph> {
    let mut out: Vec<Paragraph> = opening.iter().map(|p| body_paragraph(p)).collect();
    let level = Section::group_level(sections, 0);
    for (i, s) in sections.iter().enumerate() {
        section(&mut out, s, level, i + 1);
    }
    out.extend(closing.iter().map(|p| contact_or_body(p)));
    out
}

/// A closing paragraph; a contact line (联系人：…，电话：…) among them takes a break before a
/// telephone number that would leave the line before it stretched, as the 附注 does.
fn contact_or_body(text: &str) -> Paragraph {
    if !CONTACT_STARTS.iter().any(|s| text.trim().starts_with(s)) {
        return body_paragraph(text);
    }
    let full = f64::from(std_::CHARS_PER_LINE);
    let broken = text::phone_on_its_line(text.trim(), full - std_::INDENT_CHARS, full);
    body_paragraph(&broken)
}

/// How a contact line starts.
const CONTACT_STARTS: [&str; 2] = ["联系人", "联系电话"];

/// 附注 lines below the date: the contact, then each note, in parentheses.
fn notes(contacts: Option<&str>, notes: &[String]) -> Vec<Paragraph> {
    contacts
        .into_iter()
        .chain(notes.iter().map(String::as_str))
        .map(|n| {
            let line = f64::from(std_::CHARS_PER_LINE) - std_::INDENT_CHARS;
            indented_line(&text::phone_on_its_line(
                &text::parenthesized(n),
                line,
                line,
            ))
        })
        .collect()
}

/// The plan or text a cover notice transmits, on its own pages after the notice.
fn enclosure_part(e: &Enclosure) -> Part {
    let body = body(&e.opening.0, &e.sections, &e.closing.0);
    Part {
        header: None,
        label: None,
        title: title::printed_lines(&e.title, title_max_chars()),
        recipients: e.recipients.as_deref().map(text::with_colon),
        body,
        annex_note: Vec::new(),
        signature: e.signature.as_ref().map(signature::signature),
        notes: notes(e.contacts.as_deref(), &e.notes),
        attendance: Vec::new(),
    }
}

fn span(text: &str, font: FontRole) -> Span {
    Span {
        text: text.to_owned(),
        font,
        bold: false,
    }
}

/// A member list (成员单位：A、B、C…; a 纪要's 出席：…) as one paragraph per printed line:
/// names are never broken across lines (中国贸促会, not 中国贸促 / 会), the 、 after a name
/// stays on its line, and lines after the first hang under the first name. Every character
/// takes one grid cell, so the lines are the same in every writer.
fn member_lines(label: &str, label_font: FontRole, items: &[String]) -> Vec<Paragraph> {
    let label_w = width_chars(label);
    // A label wider than the line leaves its names at least a few cells (they wrap).
    let room = (f64::from(std_::CHARS_PER_LINE) - std_::INDENT_CHARS - label_w).max(4.0);
    let mut lines: Vec<String> = vec![String::new()];
    for (i, item) in items.iter().enumerate() {
        let sep = if i + 1 < items.len() { "、" } else { "" };
        let piece = format!("{}{sep}", item.trim());
        let used = width_chars(lines.last().map_or("", String::as_str));
        if used > 0.0 && used + width_chars(&piece) > room {
            lines.push(String::new());
        }
        // A name longer than a whole line fills lines of its own.
        let mut rest: Vec<char> = piece.chars().collect();
        while rest.len() > 1 && width_chars(&rest.iter().collect::<String>()) > room {
            let mut w = 0.0;
            let cut = rest
                .iter()
                .take_while(|&&c| {
                    w += text::char_width(c);
                    w <= room
                })
                .count();
            let head: String = rest.drain(..cut.max(1)).collect();
            lines.last_mut().expect("one line").push_str(&head);
            lines.push(String::new());
        }
        lines
            .last_mut()
            .expect("one line")
            .push_str(&rest.iter().collect::<String>());
    }
    lines.retain(|l| !l.is_empty());
    if lines.is_empty() {
        // A group without names still prints its label.
        lines.push(String::new());
    }
    lines
        .into_iter()
        .enumerate()
        .map(|(i, l)| Paragraph {
            spans: if i == 0 {
                vec![span(label, label_font), span(&l, FontRole::Fangsong)]
            } else {
                vec![span(&l, FontRole::Fangsong)]
            },
            first_line_indent: 0.0,
            left_indent: std_::INDENT_CHARS + if i == 0 { 0.0 } else { label_w },
            hanging: 0.0,
            keep_with_next: false,
        })
        .collect()
}

/// A body paragraph: 仿宋, first line indented two characters.
fn body_paragraph(text: &str) -> Paragraph {
    Paragraph {
        spans: vec![span(text.trim(), FontRole::Fangsong)],
        first_line_indent: std_::INDENT_CHARS,
        left_indent: 0.0,
        hanging: 0.0,
        keep_with_next: false,
    }
}

/// A line of a form set flush left (its fields, its sign-off: 填表人：　　审核人：).
fn unindented(text: &str) -> Paragraph {
    Paragraph {
        spans: vec![span(text, FontRole::Fangsong)],
        first_line_indent: 0.0,
        left_indent: 0.0,
        hanging: 0.0,
        keep_with_next: false,
    }
}

/// A line indented two characters on every line (附注).
fn indented_line(text: &str) -> Paragraph {
    Paragraph {
        spans: vec![span(text, FontRole::Fangsong)],
        first_line_indent: 0.0,
        left_indent: std_::INDENT_CHARS,
        hanging: 0.0,
        keep_with_next: false,
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
    let number = heading_number(level, n);
    let mut paragraphs = s.text.0.iter();
    let mut first = body_paragraph("");
    if s.heading.trim().is_empty() {
        // A numbered item that is a sentence, not a heading: its number and its first
        // paragraph in the body face (「一、同意……。」 of a 批复).
        let text = paragraphs.next().map_or("", |p| p.trim());
        first.spans = vec![span(&format!("{number}{text}"), FontRole::Fangsong)];
    } else {
        first.spans = vec![span(
            &format!("{number}{}", s.heading.trim()),
            heading_font(level),
        )];
        if s.run_in {
            if let Some(p) = paragraphs.next() {
                first.spans.push(span(p.trim(), FontRole::Fangsong));
            }
        }
        // A heading on its own line stays with what it heads.
        first.keep_with_next = !s.run_in || first.spans.len() == 1;
    }
    out.push(first);
    out.extend(paragraphs.map(|p| body_paragraph(p)));
    let below = Section::group_level(&s.sections, level);
    for (i, sub) in s.sections.iter().enumerate() {
        section(out, sub, below, i + 1);
    }
    let after = s.sections.len();
    for (i, p) in s.phases.iter().enumerate() {
        out.push(phase(p, below, after + i + 1));
    }
}

/// A schedule phase, run in: （一）准备阶段（2025年4月11日—4月19日），text.
fn phase(p: &Phase, level: usize, n: usize) -> Paragraph {
    let mut para = body_paragraph("");
    para.spans = vec![
        span(
            &format!("{}{}", heading_number(level, n), p.name.trim()),
            heading_font(level),
        ),
        span(
            &format!("（{}），{}", phase_dates(p), p.text.trim()),
            FontRole::Fangsong,
        ),
    ];
    para
}

/// 2025年4月11日—4月19日 (the year once when both dates share it), or one date (a phase of
/// one day is not written as a range: 2027年7月1日, not 2027年7月1日—7月1日).
pub fn phase_dates(p: &Phase) -> String {
    use chrono::Datelike;
    let start = chinese_date(p.start);
    match p.end {
        None => start,
        Some(e) if e == p.start => start,
        Some(e) if e.year() == p.start.year() => format!("{start}—{}月{}日", e.month(), e.day()),
        Some(e) => format!("{start}—{}", chinese_date(e)),
    }
}

/// 附件说明: 附件：1. 名称, further items aligned under the first. None in a document that
/// stands as an annex itself ([`Spec::annex_base`]): the one sending it announces them all.
fn annex_note(spec: &Spec) -> Vec<Paragraph> {
    if spec.annex_base().is_some() {
        return Vec::new();
    }
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
                keep_with_next: false,
            }
        })
        .collect()
}

fn annexes(spec: &Spec) -> Vec<Annex> {
    let base = spec.annex_base();
    let single = spec.annexes.len() == 1 && base.is_none();
    spec.annexes
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let label = if single {
                "附件".to_owned()
            } else {
                format!("附件{}", base.unwrap_or(0) + i + 1)
            };
            let plain = |p: &String| body_paragraph(p);
            let (paragraphs, table, after) = match a.kind {
                AnnexKind::Text => (a.text.0.iter().map(plain).collect(), None, Vec::new()),
                AnnexKind::List => (
                    a.groups
                        .iter()
                        .flat_map(|g| {
                            member_lines(
                                &format!("{}：", g.label.trim()),
                                FontRole::Fangsong,
                                &g.items,
                            )
                        })
                        .collect(),
                    None,
                    a.text.0.iter().map(plain).collect(),
                ),
                AnnexKind::Table => (
                    fields::field_lines(&a.fields, line_chars(landscape(a)))
                        .iter()
                        .map(|line| unindented(line))
                        .collect(),
                    Some(table(a, landscape(a))),
                    a.text
                        .0
                        .iter()
                        .map(|t| match fields::sign_off(t, line_chars(landscape(a))) {
                            Some(line) => unindented(&line),
                            None => plain(t),
                        })
                        .collect(),
                ),
            };
            Annex {
                label,
                title: title::printed_lines(&a.title, title_max_chars()),
                landscape: landscape(a),
                paragraphs,
                table,
                after,
            }
        })
        .collect()
}

/// Characters of body text a line holds: the text block's width, or its height on a
/// landscape page.
fn line_chars(landscape: bool) -> f64 {
    let chars = f64::from(std_::CHARS_PER_LINE);
    if landscape {
        (chars * std_::TEXT_HEIGHT_MM / std_::TEXT_WIDTH_MM).floor()
    } else {
        chars
    }
}

/// Whether an annex goes on a landscape page: as the spec says, else when its table is wide.
fn landscape(a: &crate::spec::Annex) -> bool {
    a.landscape
        .unwrap_or(a.columns.len() > crate::gbt9704::PORTRAIT_MAX_COLUMNS)
}

/// Longest column title kept on one line whatever the other columns ask.
const SHORT_TITLE_CHARS: usize = 4;

/// Width in characters of the longest run a line cannot break (a number, a phone number, an
/// e-mail address: half-width characters without spaces).
fn unbreakable_chars(s: &str) -> f64 {
    s.split(|c: char| text::is_wide(c) || c.is_whitespace())
        .map(width_chars)
        .fold(0.0, f64::max)
}

/// Fractions of the table's width for columns of natural `weights`, each at least `minimum`
/// (a fraction too): columns held at their minimum are fixed, the others share the rest in
/// proportion to their weights.
fn fit_columns(weights: &[f64], minimum: &[f64]) -> Vec<f64> {
    let mut fixed = vec![false; weights.len()];
    loop {
        let held: f64 = (0..weights.len())
            .filter(|&c| fixed[c])
            .map(|c| minimum[c])
            .sum();
        let free: f64 = (0..weights.len())
            .filter(|&c| !fixed[c])
            .map(|c| weights[c])
            .sum();
        if held >= 1.0 || free <= 0.0 {
            // No room for the others: the columns share the width by their minimums.
            let sum: f64 = minimum.iter().sum();
            return minimum.iter().map(|m| m / sum).collect();
        }
        let share = |c: usize| weights[c] / free * (1.0 - held);
        let short: Vec<usize> = (0..weights.len())
            .filter(|&c| !fixed[c] && share(c) < minimum[c])
            .collect();
        if short.is_empty() {
            return (0..weights.len())
                .map(|c| if fixed[c] { minimum[c] } else { share(c) })
                .collect();
        }
        for c in short {
            fixed[c] = true;
        }
    }
}

/// Column widths from the spec, or from the widest cell of each column; no column narrower
/// than its longest unbreakable run (序号 100, 13812345678 stay whole inside their cells).
fn table(a: &crate::spec::Annex, landscape: bool) -> Table {
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
    let width_mm = if landscape {
        std_::TEXT_HEIGHT_MM
    } else {
        std_::TEXT_WIDTH_MM
    };
    let char_mm = std_::TABLE_SIZE_PT / std_::PT_PER_MM;
    let minimum: Vec<f64> = (0..cols)
        .map(|c| {
            // A title of a word or two (序号, 单位, 备注) is never broken inside the head.
            let title = a.columns[c].title.trim();
            let short = if title.chars().count() <= SHORT_TITLE_CHARS {
                width_chars(title)
            } else {
                0.0
            };
            let run = a
                .rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|s| unbreakable_chars(s))
                .fold(short, f64::max);
            // Half a character of slack for the Latin face's wider digits.
            ((run + 0.5) * char_mm + 2.0 * std_::TABLE_CELL_PAD_MM) / width_mm
        })
        .collect();
    let widths = fit_columns(&weights, &minimum);
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
        groups: a
            .columns
            .iter()
            .map(|c| {
                c.group
                    .as_deref()
                    .map(str::trim)
                    .filter(|g| !g.is_empty())
                    .map(str::to_owned)
            })
            .collect(),
        widths,
        rows,
        row_height_mm: std_::TABLE_BLANK_ROW_MM,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phase_of_one_day_is_written_as_one_date() {
        let day = |m, d| chrono::NaiveDate::from_ymd_opt(2027, m, d).unwrap();
        let p = |end| Phase {
            name: "总结评估阶段".into(),
            start: day(7, 1),
            end,
            text: String::new(),
        };
        assert_eq!(phase_dates(&p(Some(day(7, 1)))), "2027年7月1日");
        assert_eq!(phase_dates(&p(None)), "2027年7月1日");
        assert_eq!(phase_dates(&p(Some(day(7, 5)))), "2027年7月1日—7月5日");
    }

    #[test]
    fn a_level_the_source_skips_is_printed_as_it_numbered_it() {
        use crate::spec::Numbering;
        let item = |h: &str, numbering| Section {
            heading: h.into(),
            numbering,
            ..Section::default()
        };
        let mut top = item("下步要求", None);
        // The first item sets it for its siblings, the ones derive adds among them too.
        top.sections = vec![
            item("持续保持执法高压态势", Some(Numbering::Arabic)),
            item("切实提升执法质效", None),
        ];
        let out = body(&[], &[top, item("其他", None)], &[]);
        let printed: Vec<(String, FontRole)> = out
            .iter()
            .map(|p| (p.spans[0].text.clone(), p.spans[0].font))
            .collect();
        assert_eq!(
            printed,
            [
                ("一、下步要求".to_owned(), FontRole::Hei),
                ("1.持续保持执法高压态势".to_owned(), FontRole::Fangsong),
                ("2.切实提升执法质效".to_owned(), FontRole::Fangsong),
                ("二、其他".to_owned(), FontRole::Hei),
            ]
        );
        let items = [item("甲", Some(Numbering::Arabic)), item("乙", None)];
        let out = body(&[], &items, &[]);
        assert_eq!(out[1].spans[0].text, "2.乙");
    }

    #[test]
    fn columns_keep_their_proportions_when_they_fit() {
        let w = fit_columns(&[2.0, 6.0], &[0.1, 0.1]);
        assert!(
            (w[0] - 0.25).abs() < 1e-9 && (w[1] - 0.75).abs() < 1e-9,
            "{w:?}"
        );
    }

    #[test]
    fn a_number_column_keeps_its_minimum_and_the_others_give_way() {
        let w = fit_columns(&[12.0, 12.0, 12.0, 2.0], &[0.05, 0.05, 0.05, 0.2]);
        assert!((w[3] - 0.2).abs() < 1e-9, "{w:?}");
        assert!((w.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        assert!((w[0] - w[1]).abs() < 1e-9 && (w[0] - 0.8 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn the_longest_unbreakable_run_is_measured_in_characters() {
        assert_eq!(unbreakable_chars("电话13812345678（办）"), 5.5);
        assert_eq!(unbreakable_chars("100000"), 3.0);
        assert_eq!(unbreakable_chars("张三"), 0.0);
    }
}
