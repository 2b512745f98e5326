//! Every piece of text in a spec with its field path, for the rules and transformations that
//! look at all text (year variables, control characters, glyph coverage).

use super::schema::{Enclosure, Section, Spec};

/// Calls `f` with the field path (e.g. `sections[1].text[0]`) and each text of the spec.
pub fn for_each_text_mut(spec: &mut Spec, f: &mut dyn FnMut(&str, &mut String)) {
    f("title", &mut spec.title);
    opt(f, "label", &mut spec.label);
    opt(f, "transmit", &mut spec.transmit);
    opt(f, "transmit_verb", &mut spec.transmit_verb);
    opt(f, "recipients", &mut spec.recipients);
    list(f, "opening", &mut spec.opening.0);
    list(f, "closing", &mut spec.closing.0);
    list(f, "notes", &mut spec.notes);
    list(f, "keywords", &mut spec.keywords);
    opt(f, "contacts", &mut spec.contacts);
    if let Some(h) = &mut spec.header {
        opt(f, "header.copy_number", &mut h.copy_number);
        opt(f, "header.secrecy", &mut h.secrecy);
        opt(f, "header.urgency", &mut h.urgency);
        list(f, "header.issuers", &mut h.issuers);
        opt(f, "header.mark_suffix", &mut h.mark_suffix);
        list(f, "header.mark_lines", &mut h.mark_lines);
        if let Some(n) = &mut h.doc_number {
            f("header.doc_number", &mut n.code);
        }
        list(f, "header.signers", &mut h.signers);
    }
    for (i, s) in spec.sections.iter_mut().enumerate() {
        section(f, &format!("sections[{i}]"), s);
    }
    if let Some(s) = &mut spec.signature {
        opt(f, "signature.issuer", &mut s.issuer);
        list(f, "signature.issuers", &mut s.issuers);
        opt(f, "signature.signer", &mut s.signer);
        opt(f, "signature.signer_role", &mut s.signer_role);
    }
    if let Some(a) = &mut spec.answers {
        f("answers.title", &mut a.title);
        opt(f, "answers.number", &mut a.number);
    }
    if let Some(a) = &mut spec.attendance {
        list(f, "attendance.present", &mut a.present);
        list(f, "attendance.absent", &mut a.absent);
        list(f, "attendance.observers", &mut a.observers);
    }
    if let Some(e) = &mut spec.enclosure {
        enclosure(f, e);
    }
    for (i, a) in spec.annexes.iter_mut().enumerate() {
        let at = format!("annexes[{i}]");
        f(&format!("{at}.title"), &mut a.title);
        list(f, &format!("{at}.text"), &mut a.text.0);
        for (g, group) in a.groups.iter_mut().enumerate() {
            f(&format!("{at}.groups[{g}].label"), &mut group.label);
            list(f, &format!("{at}.groups[{g}].items"), &mut group.items);
        }
        for (n, field) in a.fields.iter_mut().enumerate() {
            f(&format!("{at}.fields[{n}].label"), &mut field.label);
            f(&format!("{at}.fields[{n}].value"), &mut field.value);
        }
        for (c, col) in a.columns.iter_mut().enumerate() {
            f(&format!("{at}.columns[{c}]"), &mut col.title);
        }
        for (r, row) in a.rows.iter_mut().enumerate() {
            list(f, &format!("{at}.rows[{r}]"), row);
        }
    }
    if let Some(c) = &mut spec.colophon {
        list(f, "colophon.cc", &mut c.cc);
        opt(f, "colophon.printer", &mut c.printer);
    }
}

/// Makes every text literal: braces doubled, so that `{` in a received document is not read
/// as the start of a year variable (what an importer does before writing the spec).
pub fn escape_braces(spec: &mut Spec) {
    for_each_text_mut(spec, &mut |_, text| {
        if text.contains(['{', '}']) {
            *text = text.replace('{', "{{").replace('}', "}}");
        }
    });
}

/// All text fields of a spec with their paths, in document order.
pub fn texts(spec: &Spec) -> Vec<(String, String)> {
    let mut copy = spec.clone();
    let mut out = Vec::new();
    for_each_text_mut(&mut copy, &mut |field, text| {
        out.push((field.to_owned(), std::mem::take(text)))
    });
    out
}

fn opt(f: &mut dyn FnMut(&str, &mut String), at: &str, v: &mut Option<String>) {
    if let Some(v) = v {
        f(at, v);
    }
}

fn list(f: &mut dyn FnMut(&str, &mut String), at: &str, items: &mut [String]) {
    for (i, s) in items.iter_mut().enumerate() {
        f(&format!("{at}[{i}]"), s);
    }
}

fn enclosure(f: &mut dyn FnMut(&str, &mut String), e: &mut Enclosure) {
    f("enclosure.title", &mut e.title);
    opt(f, "enclosure.number", &mut e.number);
    opt(f, "enclosure.recipients", &mut e.recipients);
    list(f, "enclosure.opening", &mut e.opening.0);
    list(f, "enclosure.closing", &mut e.closing.0);
    for (i, s) in e.sections.iter_mut().enumerate() {
        section(f, &format!("enclosure.sections[{i}]"), s);
    }
    if let Some(s) = &mut e.signature {
        opt(f, "enclosure.signature.issuer", &mut s.issuer);
    }
}

fn section(f: &mut dyn FnMut(&str, &mut String), at: &str, s: &mut Section) {
    f(&format!("{at}.heading"), &mut s.heading);
    list(f, &format!("{at}.text"), &mut s.text.0);
    for (i, sub) in s.sections.iter_mut().enumerate() {
        section(f, &format!("{at}.sections[{i}]"), sub);
    }
    for (i, p) in s.phases.iter_mut().enumerate() {
        f(&format!("{at}.phases[{i}].name"), &mut p.name);
        f(&format!("{at}.phases[{i}].text"), &mut p.text);
    }
}
