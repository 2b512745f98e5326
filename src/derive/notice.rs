//! `--as notice`: the office's own notice (seed 000), citing the upstream and keeping its body
//! under the office's rules.

use super::ctx::Ctx;
use super::reasons;
use crate::spec::{DocKind, Paragraphs, Spec};

/// The office's notice.
pub fn notice(c: &mut Ctx) -> Spec {
    let p = &c.d.patterns;
    let o = &c.profile().office;
    let title = c.pattern(&o.notice_title, &p.notice_title, &p.work_title);
    let decision = c.pattern(&o.notice_decision, &p.notice_decision, &p.work_decision);
    let sections = c.body();
    let recipients = c.recipients();
    let first = super::opening_of(c.upstream()).first().map(String::as_str);
    // The office's wording replaces the upstream's in the inherited reasons only: the
    // citation quotes the upstream's title as it is.
    let inherited = c.substitute(reasons(first.unwrap_or(""), &c.d.opening.decision_words));
    Spec {
        kind: DocKind::Notice,
        title,
        recipients: Some(recipients),
        opening: Paragraphs(vec![format!("{inherited}{}{decision}", c.cite)]),
        closing: Paragraphs(vec![p.closing.clone()]),
        contacts: c.contacts(),
        sections,
        ..Spec::default()
    }
}
