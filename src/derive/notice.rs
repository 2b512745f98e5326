//! `--as notice`: the office's own notice (seed 000), citing the upstream and keeping its body
//! under the office's rules.

use super::ctx::Ctx;
use crate::spec::{DocKind, Paragraphs, Spec};

/// The office's notice.
pub fn notice(c: &mut Ctx) -> Spec {
    let p = &c.d.patterns;
    let o = &c.profile().office;
    let title = c.pattern(&o.notice_title, &p.notice_title, &p.work_title);
    let decision = c.pattern(&o.notice_decision, &p.notice_decision, &p.work_decision);
    let decision = match c.approval() {
        Some(approved) => format!("{approved}{decision}"),
        None => decision,
    };
    let sections = c.body();
    let recipients = c.recipients();
    // The office's wording replaces the upstream's in the inherited paragraphs only: the
    // citation quotes the upstream's title as it is.
    let upstream: Vec<String> = super::opening_of(c.upstream())
        .iter()
        .map(|p| {
            let p = c.substitute(p);
            c.localise(&p)
        })
        .collect();
    let opening = super::opening::opening(&upstream, &c.cite, &decision, &c.d.opening);
    // What a cover notice asks beyond its 印发 (…印发给你们，请认真组织实施。各县（市）要于5月25日前
    // 报送…): asked of the office's units too, after the body, before 特此通知.
    let mut closing = c.transmit_requests();
    closing.push(p.closing.clone());
    Spec {
        kind: DocKind::Notice,
        title,
        recipients: Some(recipients),
        opening: Paragraphs(opening),
        closing: Paragraphs(closing),
        contacts: c.contacts(),
        sections,
        ..Spec::default()
    }
}
