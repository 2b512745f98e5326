//! The web app's preview re-exports only the pages a keystroke changed: pages are kept by what
//! they show, not by typst's own hash (which moves with every edit before them).

mod common;

use gongwen::serve::preview::{preview, visual_hash, Previews, Text};
use std::path::Path;

/// Unsaved text named `n.toml`, saved (were it saved) in `dir`.
fn text<'a>(toml: &'a str, path: &'a Path) -> Text<'a> {
    Text {
        name: "n.toml",
        path,
        toml,
        year: None,
    }
}

#[test]
fn typing_in_the_title_changes_only_the_first_page_and_only_it_is_exported_again() {
    let text = std::fs::read_to_string(common::sample("national-2025-notice.toml")).unwrap();
    let engine = common::engine();
    let previews = Previews::default();
    let path = Path::new("n.toml");
    let first = preview(engine, &previews, &self::text(&text, path));
    let pages = first.pages.len();
    assert!(pages >= 5, "{:?}", first.diagnostics);
    assert_eq!(previews.len(), pages);
    let edited = text.replacen("title = \"", "title = \"又", 1);
    let second = preview(engine, &previews, &self::text(&edited, path));
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

#[test]
fn the_preview_draws_the_seal_images_beside_the_spec_and_refuses_a_device_file() {
    let dir = tempfile::tempdir().unwrap();
    let seal = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seals/red-round.png");
    std::fs::copy(&seal, dir.path().join("印章.png")).unwrap();
    let toml = "title = \"关于开展安全检查的通知\"\nrecipients = \"各单位\"\nopening = \"现将有关事项通知如下：\"\n[signature]\nissuer = \"某县应急管理局\"\ndate = 2026-04-02\nseals = [\"印章.png\"]\n";
    let path = dir.path().join("n.toml");
    let shown = preview(common::engine(), &Previews::default(), &text(toml, &path));
    assert!(shown.diagnostics.is_empty(), "{:?}", shown.diagnostics);
    assert!(shown.pages[0].contains("<image"), "the seal is on the page");
    // A seal path that is a device, not an image: refused at once, never read.
    #[cfg(unix)]
    {
        let zero = toml.replace("印章.png", "/dev/zero");
        let refused = preview(common::engine(), &Previews::default(), &text(&zero, &path));
        assert!(refused.pages.is_empty());
        let said: Vec<String> = refused.diagnostics.iter().map(|d| d.to_string()).collect();
        assert!(said.iter().any(|d| d.contains("不是普通文件")), "{said:?}");
    }
}
