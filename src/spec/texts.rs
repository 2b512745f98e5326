//! Every piece of text in a spec with its field path, for the rules that look at all text.

use super::schema::{Section, Spec};

/// A text of the spec and where it is, e.g. (`sections[1].text[0]`, "…").
pub type Located<'a> = (String, &'a str);

/// All text fields of a spec, in document order.
pub fn texts(spec: &Spec) -> Vec<Located<'_>> {
    let mut out: Vec<Located> = Vec::new();
    out.push(("title".into(), &spec.title));
    if let Some(r) = &spec.recipients {
        out.push(("recipients".into(), r));
    }
    list(&mut out, "opening", &spec.opening.0);
    list(&mut out, "closing", &spec.closing.0);
    list(&mut out, "notes", &spec.notes);
    if let Some(c) = &spec.contacts {
        out.push(("contacts".into(), c));
    }
    if let Some(h) = &spec.header {
        for (k, v) in [
            ("copy_number", &h.copy_number),
            ("secrecy", &h.secrecy),
            ("urgency", &h.urgency),
        ] {
            if let Some(v) = v {
                out.push((format!("header.{k}"), v));
            }
        }
        list(&mut out, "header.issuers", &h.issuers);
        out.push(("header.mark_suffix".into(), &h.mark_suffix));
        out.push(("header.doc_number".into(), &h.doc_number.code));
        list(&mut out, "header.signers", &h.signers);
    }
    for (i, s) in spec.sections.iter().enumerate() {
        section(&mut out, &format!("sections[{i}]"), s);
    }
    if let Some(i) = &spec.signature.issuer {
        out.push(("signature.issuer".into(), i));
    }
    for (i, a) in spec.annexes.iter().enumerate() {
        let at = format!("annexes[{i}]");
        out.push((format!("{at}.title"), &a.title));
        list(&mut out, &format!("{at}.text"), &a.text.0);
        for (g, group) in a.groups.iter().enumerate() {
            out.push((format!("{at}.groups[{g}].label"), &group.label));
            list(&mut out, &format!("{at}.groups[{g}].items"), &group.items);
        }
        for (f, field) in a.fields.iter().enumerate() {
            out.push((format!("{at}.fields[{f}].label"), &field.label));
            out.push((format!("{at}.fields[{f}].value"), &field.value));
        }
        for (c, col) in a.columns.iter().enumerate() {
            out.push((format!("{at}.columns[{c}]"), &col.title));
        }
        for (r, row) in a.rows.iter().enumerate() {
            list(&mut out, &format!("{at}.rows[{r}]"), row);
        }
    }
    if let Some(c) = &spec.colophon {
        list(&mut out, "colophon.cc", &c.cc);
        out.push(("colophon.printer".into(), &c.printer));
    }
    out
}

fn list<'a>(out: &mut Vec<Located<'a>>, at: &str, items: &'a [String]) {
    for (i, s) in items.iter().enumerate() {
        out.push((format!("{at}[{i}]"), s));
    }
}

fn section<'a>(out: &mut Vec<Located<'a>>, at: &str, s: &'a Section) {
    out.push((format!("{at}.heading"), &s.heading));
    list(out, &format!("{at}.text"), &s.text.0);
    for (i, sub) in s.sections.iter().enumerate() {
        section(out, &format!("{at}.sections[{i}]"), sub);
    }
}
