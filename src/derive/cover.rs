//! `--as cover`: a cover notice (印发通知) transmitting the office's plan (seed 003).

use super::ctx::Ctx;
use crate::spec::{DocKind, Enclosure, Paragraphs, Spec};

/// The cover notice with the plan as its enclosure.
pub fn cover(c: &mut Ctx) -> Spec {
    let sections = c.plan_body();
    let recipients = c.recipients();
    // What the upstream's cover asked beyond its 印发, asked after the office's own.
    let asked = c.transmit_requests();
    let profile = c.profile();
    let mut opening = match profile.cover.as_ref().filter(|own| !own.opening.is_empty()) {
        Some(own) => c.vars.fill_all(&own.opening.0),
        None => {
            let p = &c.d.patterns;
            vec![c.pattern(&None, &p.cover_opening, &p.work_cover_opening)]
        }
    };
    // A general office prints its plan with its organs' approval, as its upstream did (为…，
    // 经区委、区政府同意，then compose's 现将《…》印发给你们).
    if let (Some(approval), Some(last)) = (c.approval(), opening.last_mut()) {
        if !last.contains("同意") {
            if last.ends_with('，') {
                last.push_str(&approval);
            } else {
                *last = last.replacen("现将", &format!("{approval}现将"), 1);
            }
        }
    }
    Spec {
        kind: DocKind::Cover,
        recipients: Some(recipients),
        opening: Paragraphs(opening),
        closing: Paragraphs(asked),
        notes: profile
            .cover
            .as_ref()
            .map(|own| own.notes.clone())
            .unwrap_or_default(),
        contacts: c.contacts(),
        enclosure: Some(Enclosure {
            title: c.plan_title(),
            number: None,
            recipients: profile
                .cover
                .as_ref()
                .filter(|own| own.plan_recipients)
                .and(profile.office.recipients.clone()),
            opening: Paragraphs(vec![c.plan_opening()]),
            closing: Paragraphs::default(),
            sections,
            signature: None,
            notes: Vec::new(),
            contacts: None,
        }),
        ..Spec::default()
    }
}
