//! Every document kind of the seeds, and the yearly re-issue: content, order, numbering, dates.

mod common;

use gongwen::render::measure::Measured;
use std::path::Path;
use std::process::Command;

/// The text of every page, lines joined, spaces removed (typst spaces digits from CJK).
fn pages(m: &Measured) -> Vec<String> {
    (1..=m.pages.len())
        .map(|p| {
            m.lines(p)
                .iter()
                .map(|l| l.text.replace(' ', ""))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn measure(name: &str, year: Option<i32>) -> Measured {
    let path = common::sample(name);
    let (doc, _) = common::engine().load(&path, year).expect("sample loads");
    Measured::of(&common::engine().typeset(&doc).expect("typesets"))
}

/// Asserts that `needles` appear in this order in `text`.
fn in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        let at = text[from..]
            .find(n)
            .unwrap_or_else(|| panic!("`{n}` missing after byte {from}"));
        from += at + n.len();
    }
}

#[test]
fn plan_has_its_label_sections_in_order_and_dated_phases() {
    let m = measure("yingkou-2025-plan.toml", None);
    let p = pages(&m);
    assert!(
        p[0].starts_with("附件1\n"),
        "label on the first line: {}",
        &p[0][..40]
    );
    let all = p.join("\n").replace('\n', "");
    in_order(
        &all,
        &[
            "2025年营口市知识产权宣传周活动方案",
            "一、指导思想",
            "二、活动时间",
            "2025年4月20日至26日。",
            "三、活动主题",
            "四、宣传重点",
            "（一）宣传学习贯彻",
            "（五）宣传知识产权法律法规和基本知识。",
            "五、活动安排",
            "六、时间安排",
            "（一）准备阶段（2025年4月11日—4月19日），",
            "（二）实施阶段（2025年4月20日—4月26日），",
            "（三）总结阶段（2025年4月29日），",
            "七、有关要求",
            "于4月19日前",
            "联系人：曹玉东",
            "2025年营口市知识产权宣传周活动组委会成员单位",
            "主任单位：",
            "成员单位：",
        ],
    );
}

#[test]
fn cover_notice_cites_its_plan_and_page_numbers_run_through() {
    let m = measure("wuhua-2023-plan.toml", None);
    let p = pages(&m);
    // With seed 003's red header the notice runs onto page 2, as the plan follows it.
    let first = format!("{}{}", p[0], p[1]).replace('\n', "");
    in_order(
        &first,
        &[
            "关于印发《五华区2023年知识产权宣传周活动方案》的通知",
            "区知识产权战略实施工作联席会议各成员单位、区各街道办事处：",
            "现将《五华区2023年知识产权宣传周活动方案》印发给你们，请认真贯彻落实。",
        ],
    );
    // Signed once, after the plan (after_enclosure), as seed 003 is: not after the notice.
    assert!(!first.contains("2023年4月18日"), "{first}");
    // The plan starts on a page of its own, after the notice.
    let plan_page = p
        .iter()
        .position(|t| t.starts_with("五华区2023年知识产权宣传周活动方案"))
        .expect("plan title at the top of a page");
    assert!(plan_page >= 1);
    let all = p.join("\n").replace('\n', "");
    in_order(
        &all,
        &[
            "一、活动时间",
            "二、活动主题",
            "三、宣传内容",
            "四、时间安排和活动内容",
            "五、工作要求",
            "五华区人民政府知识产权战略工作联席会议办公室",
            "2023年4月18日",
            "（昆明市五华区市场监督管理局代章）",
        ],
    );
    // Page numbers continue through notice, plan and annex: every numbered page shows its index.
    for (i, _) in m.pages.iter().enumerate() {
        let number = m
            .texts
            .iter()
            .filter(|t| t.page == i + 1 && t.size_pt == 14.0)
            .map(|t| t.text.trim().to_owned())
            .collect::<String>();
        if !number.is_empty() {
            assert!(
                number.contains(&(i + 1).to_string()),
                "page {} shows {number}",
                i + 1
            );
        }
    }
    assert!(all.contains("五华区2023年4.26知识产权宣传周宣传资料发放统计表"));
}

#[test]
fn work_points_follow_the_cover_notice_with_their_own_title() {
    let m = measure("shanghai-2024-workpoints.toml", None);
    let p = pages(&m);
    let all = p.join("\n").replace('\n', "");
    in_order(
        &all,
        &[
            "上海市知识产权局文件",
            "沪知局〔2024〕7号",
            "上海市知识产权局关于印发局系统2024年工作要点的通知",
            "现将《上海市知识产权局2024年工作要点》印发给你们，请结合实际认真贯彻落实。",
            "特此通知。",
            "2024年3月25日",
            "上海市知识产权局2024年工作要点",
            "一、提升知识产权治理能力",
            "二、",
            "三、",
            "四、",
            "五、",
            "六、加强局系统自身建设",
        ],
    );
    let title_page = p
        .iter()
        .position(|t| t.starts_with("上海市知识产权局2024年工作要点"))
        .expect("work points start a page");
    assert!(title_page >= 1);
}

#[test]
fn year_2026_rewrites_titles_edition_dates_and_weekdays() {
    let m = measure("shanghai-2025-notice.toml", Some(2026));
    let all = pages(&m).join("\n").replace('\n', "");
    in_order(
        &all,
        &[
            "沪知联办〔2026〕2号",
            "关于开展2026年上海知识产权宣传周活动的通知",
            "在第26个世界知识产权日来临之际",
            "2026年4月20日至26日。",
            "于4月11日（周六）前填写2026年知识产权宣传周重点活动表",
            "2026年4月2日",
            "2026年市知识产权联席会议各成员单位重点活动安排表",
            "2026年区知识产权联席会议重点活动安排表",
            "2026年4月2日印发",
        ],
    );
    // Nothing the spec marked year-bound is left at 2025; the one 2025 left is the cited
    // upstream number, which the spec writes literally (the upstream's 2026 number is unknown).
    let stale: Vec<&str> = all
        .match_indices("2025")
        .map(|(i, _)| &all[i.saturating_sub(12)..i + 8])
        .collect();
    assert!(
        stale.iter().all(|s| s.contains("办字〔2025〕9")),
        "{stale:?}"
    );
}

#[test]
fn every_sample_moves_to_2026_without_stale_years() {
    for (name, old) in [
        ("national-2024-notice.toml", "2024"),
        ("yingkou-2025-plan.toml", "2025"),
        ("wuhua-2023-plan.toml", "2023"),
    ] {
        let all = pages(&measure(name, Some(2026))).join("").replace('\n', "");
        assert!(all.contains("2026"), "{name}");
        let stale: Vec<String> = all
            .match_indices(old)
            .map(|(i, _)| all[i.saturating_sub(9)..(i + 12).min(all.len())].to_owned())
            .collect();
        // Years inside other documents' titles (《纲要（2021—2035年）》…) are not campaign years.
        assert!(
            stale.iter().all(|s| s.contains('—') || s.contains('-')),
            "{name}: {stale:?}"
        );
    }
}

#[test]
fn annexes_only_writes_each_form_as_its_own_pdf_and_docx() {
    let dir = tempfile::tempdir().unwrap();
    let spec = common::sample("shanghai-2025-notice.toml");
    let o = Command::new(env!("CARGO_BIN_EXE_gongwen"))
        .args(["render", "--no-system-fonts", "--annexes-only", "-o"])
        .arg(dir.path())
        .arg(&spec)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            "shanghai-2025-notice-annex1.docx",
            "shanghai-2025-notice-annex1.pdf",
            "shanghai-2025-notice-annex2.docx",
            "shanghai-2025-notice-annex2.pdf"
        ]
    );
    // Each form is its annex alone: label, title, the table with its empty rows.
    let (doc, _) = common::engine().load(&spec, None).unwrap();
    for (n, form) in gongwen::compose::annex_forms(&doc) {
        assert!(form.parts.is_empty());
        let m = Measured::of(&common::engine().typeset(&form).unwrap());
        assert_eq!(m.pages.len(), 1, "annex {n} fits one page");
        assert_eq!(m.lines(1)[0].text.replace(' ', ""), format!("附件{n}"));
        let rows = m
            .rules
            .iter()
            .filter(|r| r.dx > 100.0 && r.dy == 0.0)
            .count();
        assert!(rows >= 7, "table rules drawn: {rows}");
    }
}

#[test]
fn new_prints_specs_that_check_clean() {
    let dir = tempfile::tempdir().unwrap();
    for kind in ["notice", "plan", "cover"] {
        let o = Command::new(env!("CARGO_BIN_EXE_gongwen"))
            .args(["new", kind])
            .output()
            .unwrap();
        assert!(o.status.success());
        let path = dir.path().join(format!("{kind}.toml"));
        std::fs::write(&path, &o.stdout).unwrap();
        assert!(
            String::from_utf8_lossy(&o.stdout).contains("# "),
            "commented"
        );
        let report = common::engine()
            .check_source(&String::from_utf8_lossy(&o.stdout), Path::new(&path))
            .unwrap();
        assert!(
            report.diagnostics.is_empty(),
            "{kind}: {:?}",
            report.diagnostics
        );
    }
}
