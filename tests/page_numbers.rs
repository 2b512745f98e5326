//! 页码 by value, on every page of every sample and of generated arrangements: each page of
//! content prints its own number, and so does the 版记's own page right after it; a blank page
//! before the 版记 page and that 版记 page print none; the 版记 sits on an even last page
//! (GB/T 9704 §7.5: 「公文的版记页前有空白页的，空白页和版记页均不编排页码」, and only then).

mod common;

use common::printed_numbers;
use gongwen::render::measure::Measured;

fn has_colophon(m: &Measured, page: usize) -> bool {
    m.lines(page)
        .iter()
        .any(|l| l.text.trim_end().ends_with("印发"))
}

fn assert_numbers(name: &str, m: &Measured) {
    let numbers = printed_numbers(m);
    let total = numbers.len();
    let numbered = numbers.iter().take_while(|n| n.is_some()).count();
    for (i, n) in numbers.iter().enumerate().take(numbered) {
        assert_eq!(
            *n,
            Some(i as u32 + 1),
            "{name}: page {} prints {n:?}",
            i + 1
        );
    }
    assert!(
        numbers[numbered..].iter().all(Option::is_none),
        "{name}: a number after the content: {numbers:?}"
    );
    if has_colophon(m, total) {
        assert_eq!(total % 2, 0, "{name}: the 版记 page {total} is odd");
        // Unnumbered: none, or the blank page and the 版记's page after it; never the 版记's
        // page alone.
        assert!(
            total - numbered == 0 || total - numbered == 2,
            "{name}: {numbers:?}"
        );
        if total - numbered == 2 {
            assert!(
                m.lines(total - 1).is_empty(),
                "{name}: the page before the 版记 page is blank"
            );
        }
    } else {
        assert_eq!(numbered, total, "{name}: every page numbered: {numbers:?}");
    }
}

#[test]
fn every_sample_prints_each_page_s_own_number_and_none_after_its_content() {
    let mut n = 0;
    for entry in std::fs::read_dir(common::sample("")).unwrap().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "toml") {
            assert_numbers(&path.display().to_string(), &common::measure_file(&path));
            n += 1;
        }
    }
    assert!(n >= 10, "{n} samples");
}

#[test]
fn generated_lengths_put_the_colophon_on_an_even_page_with_the_right_numbers() {
    // Body lengths that end the content on odd and even pages, full or nearly empty.
    let base = std::fs::read_to_string(common::sample("kunming-2023-notice.toml")).unwrap();
    let mut colophon_pages = std::collections::BTreeSet::new();
    for paragraphs in [0usize, 3, 8, 12, 17, 22, 26, 31] {
        let mut spec = base.clone();
        spec.push_str("\n[[sections]]\nheading = \"补充说明\"\ntext = [\n");
        for i in 0..paragraphs {
            spec.push_str(&format!(
                "  \"第{i}段：请各单位结合实际认真组织实施，确保各项工作落到实处，按时报送有关材料，做好总结和宣传工作，形成长效机制。\",\n"
            ));
        }
        spec.push_str("]\n\n[colophon]\ncc = [\"市政府办公室\"]\nprinter = \"某市某某办公室\"\nprint_date = 2023-04-10\n");
        // [colophon] must not follow the appended [[sections]] table's keys: rebuild order.
        let m = common::measure_str(&spec).unwrap_or_else(|e| panic!("{paragraphs}: {e}"));
        assert_numbers(&format!("{paragraphs} paragraphs"), &m);
        // GB/T 9704 §7.3.5: the page carrying the signature also carries body text.
        let sig_page = (1..=m.pages.len())
            .find(|&p| {
                m.lines(p)
                    .iter()
                    .any(|l| l.text.replace(' ', "") == "2023年4月10日")
            })
            .unwrap_or_else(|| panic!("{paragraphs}: the date is printed"));
        let lines = m.lines(sig_page);
        let date_at = lines
            .iter()
            .position(|l| l.text.replace(' ', "") == "2023年4月10日")
            .unwrap();
        assert!(
            date_at >= 2,
            "{paragraphs}: body text above the issuer and date on page {sig_page}"
        );
        let total = m.pages.len();
        assert!(
            has_colophon(&m, total),
            "{paragraphs}: 版记 on the last page"
        );
        colophon_pages.insert(total);
    }
    assert!(
        colophon_pages.len() >= 3,
        "several arrangements: {colophon_pages:?}"
    );
}
