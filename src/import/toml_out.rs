//! Writes a recognised [`Draft`] as spec TOML, with comments for what could not be placed.

use super::draft::*;
use chrono::NaiveDate;
use std::fmt::Write;

/// A TOML basic string holding spec text: braces doubled (they would start a variable).
fn text(s: &str) -> String {
    let s = s.replace('{', "{{").replace('}', "}}");
    toml::Value::String(s).to_string()
}

fn texts(items: &[String]) -> String {
    let one_line = items.iter().map(|s| text(s)).collect::<Vec<_>>().join(", ");
    if one_line.chars().count() < 80 {
        format!("[{one_line}]")
    } else {
        let mut out = String::from("[\n");
        for s in items {
            let _ = writeln!(out, "    {},", text(s));
        }
        out.push(']');
        out
    }
}

/// Paragraphs: one string, or an array of strings.
fn paragraphs(items: &[String]) -> String {
    match items {
        [one] => text(one),
        _ => texts(items),
    }
}

fn date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// The spec text of a draft; `source` names the imported file in the opening comment.
pub fn write(d: &Draft, source: &str) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "# 由 gongwen import 从 {source} 导入；请核对后再用于 derive 或 render。"
    );
    if !d.unplaced.is_empty() {
        o.push_str("#\n# 未能归入规格的原文（第几页第几行：原文），请人工处理：\n");
        for (page, line, t) in &d.unplaced {
            let _ = writeln!(o, "#   第{page}页第{line}行：{t}");
        }
    }
    o.push('\n');
    let _ = writeln!(o, "kind = \"{}\"", d.kind);
    if let Some(l) = &d.label {
        let _ = writeln!(o, "label = {}", text(l));
    }
    if !(matches!(d.kind, "cover" | "order" | "minutes") && d.title.is_empty()) {
        let _ = writeln!(o, "title = {}", text(&d.title));
    }
    if let Some(t) = &d.transmit {
        let _ = writeln!(o, "transmit = {}", text(t));
    }
    if let Some(v) = &d.transmit_verb {
        let _ = writeln!(o, "transmit_verb = {}", text(v));
    }
    if let Some(r) = &d.recipients {
        let _ = writeln!(o, "recipients = {}", text(r));
    }
    if !d.opening.is_empty() || d.kind == "cover" {
        let _ = writeln!(o, "opening = {}", paragraphs(&d.opening));
    }
    if !d.closing.is_empty() {
        let _ = writeln!(o, "closing = {}", paragraphs(&d.closing));
    }
    if !d.notes.is_empty() {
        let _ = writeln!(o, "notes = {}", texts(&d.notes));
    }
    if let Some(c) = &d.contacts {
        let _ = writeln!(o, "contacts = {}", text(c));
    }
    if let Some(c) = &d.campaign {
        o.push_str("\n[campaign]\n");
        if let Some(n) = c.name.as_ref() {
            let _ = writeln!(o, "name = {}", text(n));
        }
        let _ = writeln!(o, "year = {}", c.year);
        let _ = writeln!(o, "start = {}", date(c.start));
        let _ = writeln!(o, "end = {}", date(c.end));
    }
    if let Some(h) = &d.header {
        header(&mut o, h);
    }
    sections(&mut o, "sections", &d.sections);
    if let Some(s) = &d.signature {
        signature(&mut o, "signature", s);
    }
    if let Some(a) = &d.attendance {
        o.push_str("\n[attendance]\n");
        for (key, list) in [
            ("present", &a.present),
            ("absent", &a.absent),
            ("observers", &a.observers),
        ] {
            if !list.is_empty() {
                let _ = writeln!(o, "{key} = {}", texts(list));
            }
        }
    }
    if let Some(e) = &d.enclosure {
        o.push_str("\n[enclosure]\n");
        let _ = writeln!(o, "title = {}", text(&e.title));
        if let Some(r) = &e.recipients {
            let _ = writeln!(o, "recipients = {}", text(r));
        }
        if !e.opening.is_empty() {
            let _ = writeln!(o, "opening = {}", paragraphs(&e.opening));
        }
        if !e.closing.is_empty() {
            let _ = writeln!(o, "closing = {}", paragraphs(&e.closing));
        }
        if let Some(s) = &e.signature {
            signature(&mut o, "enclosure.signature", s);
        }
        sections(&mut o, "enclosure.sections", &e.sections);
    }
    for a in &d.annexes {
        annex(&mut o, a);
    }
    if let Some(c) = &d.colophon {
        o.push_str("\n[colophon]\n");
        if !c.cc.is_empty() {
            let _ = writeln!(o, "cc = {}", texts(&c.cc));
        }
        let _ = writeln!(o, "printer = {}", text(&c.printer));
        let _ = writeln!(o, "print_date = {}", date(c.print_date));
    }
    o
}

fn header(o: &mut String, h: &Header) {
    o.push_str("\n[header]\n");
    for (key, v) in [
        ("copy_number", &h.copy_number),
        ("secrecy", &h.secrecy),
        ("urgency", &h.urgency),
    ] {
        if let Some(v) = v {
            let _ = writeln!(o, "{key} = {}", text(v));
        }
    }
    let _ = writeln!(o, "issuers = {}", texts(&h.issuers));
    if h.mark_suffix != "文件" {
        let _ = writeln!(o, "mark_suffix = {}", text(&h.mark_suffix));
    }
    if let Some(n) = &h.doc_number {
        let _ = writeln!(o, "doc_number = {}", text(n));
    }
    if !h.mark_lines.is_empty() {
        let _ = writeln!(o, "mark_lines = {}", texts(&h.mark_lines));
    }
    if let Some(n) = h.order_number {
        let _ = writeln!(o, "order_number = {n}");
    }
    if !h.signers.is_empty() {
        let _ = writeln!(o, "signers = {}", texts(&h.signers));
    }
}

fn signature(o: &mut String, table: &str, s: &Signature) {
    let _ = writeln!(o, "\n[{table}]");
    for (key, v) in [
        ("issuer", &s.issuer),
        ("signer_role", &s.signer_role),
        ("signer", &s.signer),
    ] {
        if let Some(v) = v {
            let _ = writeln!(o, "{key} = {}", text(v));
        }
    }
    let _ = writeln!(o, "date = {}", date(s.date));
    let _ = writeln!(o, "sealed = {}", s.sealed);
    if s.after_enclosure {
        o.push_str("after_enclosure = true\n");
    }
}

fn sections(o: &mut String, table: &str, list: &[Section]) {
    for s in list {
        let _ = writeln!(o, "\n[[{table}]]");
        let _ = writeln!(o, "heading = {}", text(&s.heading));
        if s.run_in {
            o.push_str("run_in = true\n");
        }
        if !s.text.is_empty() {
            let _ = writeln!(o, "text = {}", paragraphs(&s.text));
        }
        for p in &s.phases {
            let _ = writeln!(o, "\n[[{table}.phases]]");
            let _ = writeln!(o, "name = {}", text(&p.name));
            let _ = writeln!(o, "start = {}", date(p.start));
            if let Some(e) = p.end {
                let _ = writeln!(o, "end = {}", date(e));
            }
            let _ = writeln!(o, "text = {}", text(&p.text));
        }
        sections(o, &format!("{table}.sections"), &s.sections);
    }
}

fn annex(o: &mut String, a: &Annex) {
    o.push('\n');
    if let Some(c) = &a.comment {
        let _ = writeln!(o, "# {c}");
    }
    o.push_str("[[annexes]]\n");
    let _ = writeln!(o, "title = {}", text(&a.title));
    let _ = writeln!(o, "kind = \"{}\"", a.kind);
    if !a.text.is_empty() {
        let _ = writeln!(o, "text = {}", paragraphs(&a.text));
    }
    if !a.fields.is_empty() {
        let fields: Vec<String> = a
            .fields
            .iter()
            .map(|(l, v)| format!("{{ label = {}, value = {} }}", text(l), text(v)))
            .collect();
        let _ = writeln!(o, "fields = [{}]", fields.join(", "));
    }
    if !a.columns.is_empty() {
        let _ = writeln!(o, "columns = {}", texts(&a.columns));
    }
    if !a.rows.is_empty() {
        o.push_str("rows = [\n");
        for r in &a.rows {
            let _ = writeln!(o, "    {},", texts(r));
        }
        o.push_str("]\n");
    }
    if a.blank_rows > 0 {
        let _ = writeln!(o, "blank_rows = {}", a.blank_rows);
    }
    for (label, items) in &a.groups {
        o.push_str("\n[[annexes.groups]]\n");
        let _ = writeln!(o, "label = {}", text(label));
        let _ = writeln!(o, "items = {}", texts(items));
    }
}
