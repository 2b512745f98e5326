//! Property tests: arbitrary TOML and arbitrary strings in every field go through
//! check → compose → the PDF, DOCX and OFD writers without a panic or a hang, and the web
//! app's form data turn back into the very TOML they came from. A bounded run is part of
//! `cargo test`; `PROPTEST_CASES=25000 cargo test --release --test fuzz` runs longer.
//! Failing inputs are kept in `tests/fuzz.proptest-regressions` and replayed first;
//! `tests/fuzz-corpus/` holds hand-picked nasty specs that are replayed every time.

mod common;

use gongwen::render::pdf::PdfSettings;
use proptest::prelude::*;
use std::path::Path;

/// Runs one spec text through everything a user can trigger; returns whether it rendered.
fn exercise(source: &str) -> bool {
    let engine = common::engine();
    let Ok(report) = engine.check_source(source, Path::new("fuzz.toml")) else {
        return false;
    };
    let Ok((spec, _)) = report.into_result() else {
        return false;
    };
    let doc = gongwen::compose::compose(&spec);
    // Errors are fine (e.g. a glyph the layout cannot find); panics are not.
    engine
        .render(
            &doc,
            gongwen::Formats::all().with(gongwen::Format::Ofd),
            PdfSettings::default(),
        )
        .is_ok()
}

fn quoted(s: &str) -> String {
    toml::Value::String(s.to_owned()).to_string()
}

/// A full spec with `t` in every text field.
fn spec_with(t: &str) -> String {
    let q = quoted(t);
    format!(
        r#"title = {q}
recipients = {q}
opening = [{q}, {q}]
closing = {q}
notes = [{q}]
contacts = {q}
[header]
issuers = [{q}, {q}]
doc_number = {{ code = {q}, year = 2025, serial = 3 }}
signers = [{q}]
copy_number = "000001"
secrecy = {q}
urgency = {q}
[[sections]]
heading = {q}
text = [{q}]
run_in = true
[[sections.sections]]
heading = {q}
text = {q}
[signature]
issuer = {q}
date = 2025-04-02
sealed = false
[[annexes]]
title = {q}
kind = "list"
groups = [{{ label = {q}, items = [{q}, {q}] }}]
text = {q}
[[annexes]]
title = {q}
kind = "table"
fields = [{{ label = {q}, value = {q} }}]
columns = [{q}, {{ title = {q}, width = 2 }}]
rows = [[{q}, {q}]]
blank_rows = 2
[colophon]
cc = [{q}]
printer = {q}
print_date = 2025-04-02
"#
    )
}

/// Text an office could plausibly type, with every markup and bracket character mixed in.
fn office_text() -> impl Strategy<Value = String> {
    proptest::string::string_regex(
        "[关于开展知识产权宣传周活动的通知上海市局各区一二三镕堃喆a-zA-Z0-9 #*$_<>@\\\\`\\[\\]{}()（）《》〔〕“”，。、；：？！—…\u{3000}]{0,60}",
    )
    .unwrap()
}

/// Cases per property: 24 in the normal test run, `PROPTEST_CASES` for a long one
/// (`PROPTEST_CASES=25000 cargo test --release --test fuzz`: 100,000 cases in all).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(24)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn office_text_in_every_field_renders_or_fails_cleanly(t in office_text()) {
        exercise(&spec_with(&t));
    }

    #[test]
    fn any_unicode_in_every_field_never_panics(t in any::<String>()) {
        exercise(&spec_with(&t));
    }

    #[test]
    fn any_toml_like_text_never_panics(src in "[a-z_\\[\\]=\"' 0-9\\n.{},#-]{0,200}") {
        exercise(&src);
    }

    #[test]
    fn any_bytes_as_text_never_panic(src in any::<String>()) {
        exercise(&src);
    }

    #[test]
    fn form_data_merged_back_unchanged_give_the_toml_byte_for_byte(t in office_text()) {
        let source = spec_with(&t);
        if let Ok(data) = gongwen::serve::data::to_json(&source) {
            prop_assert_eq!(gongwen::serve::data::merge(&source, &data).unwrap(), source);
        }
    }
}

#[test]
fn plausible_office_text_actually_renders() {
    // Guards the property tests above against passing only because everything is rejected.
    assert!(exercise(&spec_with(
        "关于开展知识产权宣传周活动的通知#*$_<@"
    )));
}

#[test]
fn corpus_specs_never_panic() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-corpus");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let source = String::from_utf8_lossy(&std::fs::read(&path).unwrap()).into_owned();
        exercise(&source);
        n += 1;
    }
    assert!(n >= 5);
}
