//! Every layout pass costs a whole typst layout (a third to a half of a document's time): a
//! document takes one unless a decision of the first needs another, and each extra pass says
//! which. The table is the count per sample; a change that adds passes fails here and must
//! justify itself by updating it.

mod common;

use gongwen::render::layout::Pass;

/// The passes each sample takes: F first, T a tight closing tried (§7.3.5.5), S the closings
/// settled, C the 版记's page breaks.
const EXPECTED: &[(&str, &str)] = &[
    // Its form's fields side by side keep the form on one page, and the 版记 then falls on
    // the even page after it without a pass of its own (8 pages before, 6 now).
    ("flood-2025-notice.toml", "F"),
    ("foodsafety-2025-notice.toml", "FTTS"),
    ("kunming-2023-notice.toml", "F"),
    ("national-2024-notice.toml", "F"),
    ("national-2025-notice.toml", "F"),
    // Its form's blank rows are shorter to keep the form on one page, and the 版记 then falls
    // on the even page after it without a pass of its own (10 pages before, 8 now).
    ("scitech-2025-notice.toml", "F"),
    // The cover notice's closing is set tight with its seal's room kept (two blank lines): the
    // preferred step moves it, the loosest keeps it, the one between is tried.
    ("shanghai-2024-workpoints.toml", "FTTT"),
    ("shanghai-2025-notice.toml", "FT"),
    ("wuhua-2023-plan.toml", "F"),
    ("yingkou-2025-plan.toml", "F"),
    ("kinds/announcement-2025.toml", "FTTS"),
    ("kinds/bulletin-2025.toml", "F"),
    ("kinds/decision-2025.toml", "F"),
    ("kinds/letter-2025.toml", "FTC"),
    ("kinds/minutes-2025.toml", "F"),
    ("kinds/motion-2025.toml", "FTC"),
    ("kinds/opinion-2025.toml", "F"),
    ("kinds/order-2025.toml", "F"),
    ("kinds/reply-2025.toml", "F"),
    ("kinds/report-2025.toml", "F"),
    ("kinds/request-2025.toml", "F"),
];

fn letters(passes: &[Pass]) -> String {
    passes
        .iter()
        .map(|p| match p {
            Pass::First => 'F',
            Pass::Tight(_) => 'T',
            Pass::Settle => 'S',
            Pass::ColophonBreaks => 'C',
        })
        .collect()
}

#[test]
fn each_sample_takes_one_layout_pass_unless_a_decision_needs_another() {
    let engine = common::engine();
    let mut got = Vec::new();
    for (name, _) in EXPECTED {
        let doc = gongwen::load(&common::sample(name)).unwrap();
        let (_, passes) = engine.typeset_passes(&doc).unwrap();
        assert_eq!(passes[0], Pass::First, "{name}");
        assert!(
            passes[1..].iter().all(|p| *p != Pass::First),
            "{name}: {passes:?}"
        );
        got.push((*name, letters(&passes)));
    }
    let want: Vec<_> = EXPECTED.iter().map(|(n, p)| (*n, p.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn a_closing_no_spacing_can_keep_is_given_up_after_two_tries_not_four() {
    // The preferred step, then the loosest; nothing between when even the loosest moves.
    let engine = common::engine();
    let doc = gongwen::load(&common::sample("kinds/announcement-2025.toml")).unwrap();
    let (_, passes) = engine.typeset_passes(&doc).unwrap();
    let tried: Vec<_> = passes
        .iter()
        .filter_map(|p| match p {
            Pass::Tight(t) => Some((t.share, t.notes_inside)),
            _ => None,
        })
        .collect();
    let shares = gongwen::gbt9704::TIGHT_LEADING_SHARES;
    assert_eq!(
        tried,
        vec![(shares[0], true), (shares[shares.len() - 1], false)]
    );
    assert_eq!(passes.last(), Some(&Pass::Settle));
}
