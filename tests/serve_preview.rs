//! The web app's preview re-exports only the pages a keystroke changed: pages are kept by what
//! they show, not by typst's own hash (which moves with every edit before them).

mod common;

use gongwen::serve::preview::{preview, visual_hash, Previews};

#[test]
fn typing_in_the_title_changes_only_the_first_page_and_only_it_is_exported_again() {
    let text = std::fs::read_to_string(common::sample("national-2025-notice.toml")).unwrap();
    let engine = common::engine();
    let previews = Previews::default();
    let first = preview(engine, &previews, "n.toml", &text, None);
    let pages = first.pages.len();
    assert!(pages >= 5, "{:?}", first.diagnostics);
    assert_eq!(previews.len(), pages);
    let edited = text.replacen("title = \"", "title = \"又", 1);
    let second = preview(engine, &previews, "n.toml", &edited, None);
    assert_eq!(second.pages.len(), pages);
    assert_ne!(
        first.pages[0], second.pages[0],
        "page 1 shows the new title"
    );
    for p in 1..pages {
        assert!(
            std::sync::Arc::ptr_eq(&first.pages[p], &second.pages[p]),
            "page {} was exported again",
            p + 1
        );
    }
    assert_eq!(previews.len(), pages + 1, "one new page kept");

    // The hash follows what is drawn: a different body changes its page.
    let doc = gongwen::load(&common::sample("national-2025-notice.toml")).unwrap();
    let a = engine.typeset(&doc).unwrap();
    let b = engine.typeset(&doc).unwrap();
    assert_eq!(visual_hash(&a.pages()[0]), visual_hash(&b.pages()[0]));
    assert_ne!(visual_hash(&a.pages()[0]), visual_hash(&a.pages()[1]));
}
