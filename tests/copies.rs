//! 份号: `render --copies 1-3` prints each copy's number on its first page, in one PDF whose
//! copies each start on an odd page; `--each-copy` writes them one by one as well.

mod common;

use gongwen::gbt9704 as g;
use gongwen::render::copies::{self, Copies};
use gongwen::render::measure::Measured;

#[test]
fn copies_parse_ranges_and_refuse_nonsense_in_chinese() {
    assert_eq!(Copies::parse("1-30"), Ok(Copies { first: 1, last: 30 }));
    assert_eq!(Copies::parse("000007"), Ok(Copies { first: 7, last: 7 }));
    assert_eq!(
        Copies::parse("30-1"),
        Err("份号范围“30-1”的末号小于首号".to_owned())
    );
    assert_eq!(
        Copies::parse("0-3"),
        Err("份号“0”应为 1–999999 的整数".to_owned())
    );
    assert!(Copies::parse("1-2000")
        .unwrap_err()
        .contains("超过一次上限"));
}

#[test]
fn each_copy_starts_on_an_odd_page_with_its_copy_number_in_the_first_line() {
    // A one-page 请示: copies of odd length get a blank page after them.
    let path = common::sample("kinds").join("request-2025.toml");
    let doc = gongwen::load(&path).unwrap();
    let one = common::engine().typeset(&doc).unwrap().pages().len();
    let laid: Vec<_> = (1..=3)
        .map(|n| {
            common::engine()
                .typeset(&copies::numbered(&doc, n).unwrap())
                .unwrap()
        })
        .collect();
    let merged = copies::concatenate(laid).unwrap();
    let padded = one + one % 2;
    assert_eq!(merged.pages().len(), 2 * padded + one);
    let m = Measured::of(&merged);
    for (i, number) in ["000001", "000002", "000003"].iter().enumerate() {
        let first = i * padded + 1;
        assert_eq!(first % 2, 1, "copy {number} starts on an odd page");
        let line = &m.lines(first)[0];
        assert_eq!(line.text, *number, "page {first}");
        // 份号: flush left on the first line of the text block.
        assert!((line.x0 - g::MARGIN_LEFT_MM).abs() < 0.5, "{}", line.x0);
        assert!(
            (line.top() - g::MARGIN_TOP_MM).abs() < 0.5,
            "{}",
            line.top()
        );
        if one % 2 == 1 && i < 2 {
            assert!(
                m.lines(first + one).is_empty(),
                "blank page after copy {number}"
            );
        }
    }
}

#[test]
fn render_copies_writes_one_pdf_and_each_copy_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("kinds").join("request-2025.toml");
    let o = common::gongwen(
        &[
            "render",
            spec.to_str().unwrap(),
            "--copies",
            "1-3",
            "--each-copy",
            "--format",
            "pdf",
            "-o",
            "out",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "request-2025-000001.pdf",
            "request-2025-000002.pdf",
            "request-2025-000003.pdf",
            "request-2025.pdf"
        ]
    );
    // The PDF as written: the 份号 is the first line of each copy's first page.
    let all = std::fs::read(dir.path().join("out/request-2025.pdf")).unwrap();
    let lines = gongwen::import::pdf::read(&all).unwrap();
    let pages = lines.iter().map(|l| l.page).max().unwrap();
    let per_copy = (pages + 1) / 3;
    for (i, number) in ["000001", "000002", "000003"].iter().enumerate() {
        let page = i * per_copy + 1;
        let first = lines.iter().find(|l| l.page == page).unwrap();
        assert_eq!(first.text.trim(), *number, "page {page}");
    }
    let one = std::fs::read(dir.path().join("out/request-2025-000002.pdf")).unwrap();
    let first = &gongwen::import::pdf::read(&one).unwrap()[0];
    assert_eq!((first.page, first.text.trim()), (1, "000002"));
    // A spec without a 版头 has nowhere to print a 份号.
    let plan = common::sample("yingkou-2025-plan.toml");
    let o = common::gongwen(
        &[
            "render",
            plan.to_str().unwrap(),
            "--copies",
            "1-2",
            "-o",
            "out2",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("该规格没有 [header]，无法编排份号"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!dir.path().join("out2").exists());
}
