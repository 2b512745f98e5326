//! `--as plan`: the office's activity or work plan (seed 001), standing as 附件1 of its notice.

use super::ctx::Ctx;
use crate::spec::{DocKind, Paragraphs, Spec};

/// The office's plan.
pub fn plan(c: &mut Ctx) -> Spec {
    let sections = c.plan_body();
    Spec {
        kind: DocKind::Plan,
        label: Some("附件1".to_owned()),
        title: c.plan_title(),
        opening: Paragraphs(vec![c.plan_opening()]),
        closing: c.profile().contacts.clone(),
        sections,
        ..Spec::default()
    }
}
