//! Derivation for any campaign and any upper office: every upstream sample with every office
//! profile, as every kind, gives a draft that passes `check` and renders; the new campaigns'
//! documents speak of their own campaign only; errors name the file, line and field.

mod common;

use gongwen::calendar::Calendar;
use gongwen::derive::{self, DeriveAs};
use std::path::PathBuf;

const UPSTREAMS: &[&str] = &[
    "national-2024-notice.toml",
    "national-2025-notice.toml",
    "kunming-2023-notice.toml",
    "scitech-2025-notice.toml",
    "foodsafety-2025-notice.toml",
    "flood-2025-notice.toml",
];

const KINDS: [DeriveAs; 4] = [
    DeriveAs::Notice,
    DeriveAs::Plan,
    DeriveAs::Cover,
    DeriveAs::Relay,
];

fn profiles() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(common::sample("offices"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    v.sort();
    v
}

fn calendar() -> Calendar {
    Calendar::load(None).unwrap()
}

fn draft(up: &str, office: &std::path::Path, as_: DeriveAs) -> derive::Draft {
    let upstream = derive::load_upstream(&common::sample(up)).unwrap();
    let office = derive::load_office(office).unwrap();
    derive::derive(&upstream, &office, as_, &calendar())
        .unwrap_or_else(|e| panic!("{up} × {} as {as_:?}: {e}", office.path.display()))
}

/// The draft's spec after every check (errors fail the test).
fn checked(d: &derive::Draft) -> gongwen::spec::Spec {
    let report = common::engine()
        .check_source(&d.toml, std::path::Path::new(&d.file_name))
        .unwrap_or_else(|e| panic!("{}: {e}\n{}", d.file_name, d.toml));
    report
        .into_result()
        .unwrap_or_else(|e| panic!("{}: {e}", d.file_name))
        .0
}

/// The text of the rendered pages, without spaces and page numbers.
fn rendered_text(spec: &gongwen::spec::Spec) -> String {
    let doc = gongwen::compose::compose(spec);
    let m = gongwen::render::measure::Measured::of(&common::engine().typeset(&doc).unwrap());
    (1..=m.pages.len())
        .flat_map(|p| m.lines(p))
        .filter(|l| l.size_pt != gongwen::gbt9704::SMALL_SIZE_PT)
        .map(|l| l.text.replace(' ', ""))
        .collect()
}

#[test]
fn every_upstream_with_every_profile_as_every_kind_passes_check() {
    let mut n = 0;
    for up in UPSTREAMS {
        for office in profiles() {
            for as_ in KINDS {
                checked(&draft(up, &office, as_));
                n += 1;
            }
        }
    }
    assert!(n >= 6 * 8 * 4, "{n} drafts");
}

/// (upstream, profile, the office's name of the campaign, words of other campaigns).
const CAMPAIGNS: &[(&str, &str, &str, &[&str])] = &[
    (
        "scitech-2025-notice.toml",
        "hubei-scitech",
        "湖北省科技活动周",
        &["知识产权", "宣传周", "食品安全", "汛"],
    ),
    (
        "scitech-2025-notice.toml",
        "anji-scitech",
        "科技活动周",
        &["知识产权", "宣传周", "食品安全", "汛"],
    ),
    (
        "foodsafety-2025-notice.toml",
        "suzhou-foodsafety",
        "全市食品安全宣传周",
        &["知识产权", "科技活动周", "科技周", "汛"],
    ),
    (
        "foodsafety-2025-notice.toml",
        "wujiang-foodsafety",
        "食品安全宣传周",
        &["知识产权", "科技活动周", "科技周", "汛"],
    ),
];

#[test]
fn new_campaigns_render_their_own_name_and_no_word_of_another_campaign() {
    for (up, office, name, foreign) in CAMPAIGNS {
        let path = common::sample(&format!("offices/{office}.toml"));
        for as_ in [DeriveAs::Notice, DeriveAs::Plan, DeriveAs::Cover] {
            let d = draft(up, &path, as_);
            let text = rendered_text(&checked(&d));
            assert!(text.contains(name), "{office} {as_:?}: no {name}");
            for w in *foreign {
                assert!(!text.contains(w), "{office} {as_:?}: “{w}” in\n{text}");
            }
            assert!(
                !text.contains('{') && !text.contains('}'),
                "{office} {as_:?}"
            );
        }
    }
}

#[test]
fn a_campaign_name_is_read_from_the_title_when_the_upstream_does_not_give_it() {
    // foodsafety-2025-notice.toml has no [campaign] name: 关于开展{year}年全省食品安全宣传周活动的通知;
    // the Suzhou profile calls it 全市{name}.
    let up = derive::load_upstream(&common::sample("foodsafety-2025-notice.toml")).unwrap();
    assert!(up.value.campaign.as_ref().unwrap().name.is_none());
    let office = derive::load_office(&common::sample("offices/suzhou-foodsafety.toml")).unwrap();
    let d = derive::derive(&up, &office, DeriveAs::Plan, &calendar()).unwrap();
    assert!(
        d.toml.contains("name = \"全市食品安全宣传周\""),
        "{}",
        d.toml
    );
}

/// A profile with only the office's name and scope, in a temporary folder.
fn minimal_profile() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.toml");
    std::fs::write(
        &path,
        "[office]\nname = \"某县科学技术局\"\nscope = \"某县\"\n",
    )
    .unwrap();
    (dir, path)
}

#[test]
fn a_minimal_profile_derives_with_the_defaults_and_marks_what_is_missing() {
    let (_dir, path) = minimal_profile();
    let d = draft("scitech-2025-notice.toml", &path, DeriveAs::Plan);
    let spec = checked(&d);
    assert_eq!(spec.title, "2025年某县科技活动周活动方案");
    let headings: Vec<&str> = spec.sections.iter().map(|s| s.heading.as_str()).collect();
    // The upstream's sections in order, 总体要求 as 指导思想, its 重点活动 and 工作要求 kept (the
    // office has no activities or requirements of its own), the schedule before the last.
    assert_eq!(headings.first(), Some(&"指导思想"), "{headings:?}");
    let n = headings.len();
    assert_eq!(
        &headings[n - 3..],
        ["重点活动", "时间安排", "工作要求"],
        "{headings:?}"
    );
    assert!(
        d.substitutions
            .iter()
            .any(|c| c.contains("“重点活动”沿用为本机关的活动安排")),
        "{:?}",
        d.substitutions
    );
    // Left to the office: the upstream's member list its 工作要求 cites.
    assert_eq!(d.todo.len(), 1, "{:?}", d.todo);
    assert!(d.todo[0].contains("附件1"), "{:?}", d.todo);
    let schedule = &spec.sections[n - 2];
    let phases: Vec<&str> = schedule.phases.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(phases, ["准备阶段", "实施阶段", "总结阶段"]);
    assert!(
        schedule.phases[0].text.contains("“科技周”"),
        "the short name"
    );
    assert!(
        !d.toml.contains("有关要求"),
        "no requirements block to fill in when the upstream's stand in"
    );
}

#[test]
fn the_profile_s_rules_rename_replace_drop_and_place_local_sections() {
    let d = draft(
        "scitech-2025-notice.toml",
        &common::sample("offices/hubei-scitech.toml"),
        DeriveAs::Notice,
    );
    let spec = checked(&d);
    let headings: Vec<&str> = spec.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(!headings.contains(&"总体要求"), "dropped: {headings:?}");
    let theme = headings.iter().position(|h| *h == "活动主题").unwrap();
    assert_eq!(
        headings[theme + 1],
        "宣传重点",
        "local section after 活动主题"
    );
    assert_eq!(headings.last(), Some(&"工作要求"), "replaced, heading kept");
    assert_eq!(spec.title, "关于举办2025年湖北省科技活动周的通知");
}

#[test]
fn a_work_notice_without_a_campaign_is_relayed_word_for_word() {
    let up = derive::load_upstream(&common::sample("flood-2025-notice.toml")).unwrap();
    assert!(up.value.campaign.is_none());
    let office = derive::load_office(&common::sample("offices/shuangliu-flood.toml")).unwrap();
    let d = derive::derive(&up, &office, DeriveAs::Relay, &calendar()).unwrap();
    let spec = checked(&d);
    let text = rendered_text(&spec);
    let title = "关于转发《成都市防汛抗旱指挥部办公室关于做好2025年汛期安全防范工作的通知》的通知";
    assert!(text.contains(title), "{text}");
    let number = {
        let n = up
            .value
            .header
            .as_ref()
            .unwrap()
            .doc_number
            .as_ref()
            .unwrap();
        format!("{}〔{}〕{}号", n.code, n.year, n.serial)
    };
    assert!(
        text.contains(&format!(
            "现将《成都市防汛抗旱指挥部办公室关于做好2025年汛期安全防范工作的通知》（{number}）转发给你们，"
        )),
        "{text}"
    );
    // The relayed notice follows in full, its sections unchanged.
    let enclosure = spec.enclosure.as_ref().unwrap();
    assert_eq!(enclosure.sections.len(), up.value.sections.len());
    for (a, b) in enclosure.sections.iter().zip(&up.value.sections) {
        assert_eq!(a.heading, b.heading);
        assert_eq!(a.text, b.text);
    }
    assert!(d.substitutions.is_empty(), "nothing substituted in a relay");
    // Dated after the upstream, in working days.
    let up_date = up.value.signature.as_ref().unwrap().date;
    assert!(spec.signature.as_ref().unwrap().date > up_date);
}

#[test]
fn a_work_notice_derives_a_notice_of_the_office_s_own_arrangements() {
    let d = draft(
        "flood-2025-notice.toml",
        &common::sample("offices/shuangliu-flood.toml"),
        DeriveAs::Notice,
    );
    let spec = checked(&d);
    assert!(
        spec.title.contains("做好2025年汛期安全防范工作"),
        "{}",
        spec.title
    );
    // The upstream's basis (按照…工作部署，) takes the citation before its purpose, not a
    // second basis after it.
    assert!(
        spec.opening.0[0].contains("工作部署和成都市防汛抗旱指挥部办公室《关于做好2025年汛期安全防范工作的通知》（成防指办〔2025〕12号）要求，坚持人民至上"),
        "{}",
        spec.opening.0[0]
    );
}

#[test]
fn a_late_upstream_moves_the_draft_s_date_after_it() {
    // kunming-2023 is dated 2023-04-10; 12 working days before 04-20 would be 04-03.
    let d = draft(
        "kunming-2023-notice.toml",
        &common::sample("offices/shanghai.toml"),
        DeriveAs::Notice,
    );
    let spec = checked(&d);
    // Three working days (the default issue_workdays_after) after the upstream's Monday.
    assert_eq!(
        spec.signature.unwrap().date,
        chrono::NaiveDate::from_ymd_opt(2023, 4, 13).unwrap()
    );
    assert!(
        d.substitutions.iter().any(|t| t.contains("早于上级来文")),
        "a moved date is reported, not left to fill: {:?}",
        d.substitutions
    );
}

#[test]
fn inherited_references_follow_the_upstream_s_annexes_into_the_draft_or_are_marked() {
    // The science-week notice cites its 附件1 (the committee's members) and 附件2 (a form).
    // An office with a member list of its own and no forms: its list stands in for 附件1, the
    // form is carried as its 附件2, made the office's.
    let d = draft(
        "scitech-2025-notice.toml",
        &common::sample("offices/yingkou.toml"),
        DeriveAs::Notice,
    );
    let spec = checked(&d);
    let titles: Vec<&str> = spec.annexes.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "2025年营口市知识产权宣传周活动组委会成员单位",
            "2025年营口市科技活动周重点活动安排表"
        ]
    );
    assert!(d.toml.contains("重点活动安排按附件2格式填报"), "{}", d.toml);
    assert!(!d.toml.contains("【待填写：上级来文的附件"), "{}", d.toml);
    // An office with neither: the list is the upper office's own and cannot be carried.
    let (_dir, path) = minimal_profile();
    let d = draft("scitech-2025-notice.toml", &path, DeriveAs::Notice);
    checked(&d);
    assert!(d.toml.contains("【待填写：上级来文的附件1"), "{}", d.toml);
    assert!(d.toml.contains("重点活动安排按附件格式填报"), "{}", d.toml);
    assert!(d.todo.iter().any(|t| t.contains("附件1")));
}

#[test]
fn a_profile_rule_that_cannot_work_is_an_error_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.toml");
    std::fs::write(
        &path,
        "[office]\nname = \"某局\"\nscope = \"某县\"\n\n[[rules]]\nheading = \"总体要求\"\naction = \"rename\"\n",
    )
    .unwrap();
    let err = derive::load_office(&path).unwrap_err().to_string();
    assert!(err.contains("bad.toml:5:1"), "{err}");
    assert!(
        err.contains("rules[0].to") && err.contains("新标题"),
        "{err}"
    );

    std::fs::write(
        &path,
        "[office]\nname = \"某局\"\nscope = \"某县\"\n\n[[rules]]\nheading = \"总体要求\"\naction = \"rewrite\"\n",
    )
    .unwrap();
    let err = derive::load_office(&path).unwrap_err().to_string();
    assert!(
        err.contains("bad.toml:7:") && err.contains("rewrite"),
        "{err}"
    );
}

#[test]
fn an_upstream_year_without_holidays_is_an_error_in_the_upstream_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("up.toml");
    let text = std::fs::read_to_string(common::sample("scitech-2025-notice.toml"))
        .unwrap()
        .replace("2025-05-24", "2031-05-24")
        .replace("2025-05-31", "2031-05-31")
        .replace("year = 2025", "year = 2031");
    std::fs::write(&path, text).unwrap();
    let up = derive::load_upstream(&path).unwrap();
    let office = derive::load_office(&common::sample("offices/anji-scitech.toml")).unwrap();
    let err = derive::derive(&up, &office, DeriveAs::Plan, &calendar())
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("up.toml:") && err.contains("字段 campaign"),
        "{err}"
    );
    assert!(err.contains("2031"), "{err}");
}

#[test]
fn the_cli_derives_relays_and_prints_a_commented_profile() {
    let dir = tempfile::tempdir().unwrap();
    let o = common::gongwen(&["new", "profile"], dir.path());
    assert!(o.status.success());
    let profile = String::from_utf8(o.stdout).unwrap();
    std::fs::write(dir.path().join("mine.toml"), &profile).unwrap();
    let o = common::gongwen(
        &[
            "derive",
            &common::sample("scitech-2025-notice.toml")
                .display()
                .to_string(),
            "--office",
            "mine.toml",
            "--as",
            "cover",
            "-o",
            "drafts",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let draft = std::fs::read_to_string(dir.path().join("drafts/mine-2025-cover.toml")).unwrap();
    // The printed profile's rules, local section and phases are all used.
    for expected in ["主要活动", "活动地点", "动员部署阶段", "某县科技活动周"]
    {
        assert!(draft.contains(expected), "missing {expected}\n{draft}");
    }
}

#[test]
fn every_derived_title_prints_on_the_lines_compose_chose() {
    // A line the title breaker chose must never wrap again in the layout.
    for up in UPSTREAMS {
        for office in profiles() {
            for as_ in KINDS {
                let spec = checked(&draft(up, &office, as_));
                let doc = gongwen::compose::compose(&spec);
                let chosen = doc.parts[0].title.len();
                let m = gongwen::render::measure::Measured::of(
                    &common::engine().typeset(&doc).unwrap(),
                );
                let printed = m
                    .lines(1)
                    .into_iter()
                    .filter(|l| (l.size_pt - gongwen::gbt9704::TITLE_SIZE_PT).abs() < 0.1)
                    .count();
                assert_eq!(
                    printed,
                    chosen,
                    "{up} × {} as {as_:?}: {:?}",
                    office.display(),
                    doc.parts[0].title
                );
            }
        }
    }
}

#[test]
fn substitutions_never_change_the_cited_title() {
    // Suzhou substitutes 全省 → 全市; the citation still quotes the province's title.
    let d = draft(
        "foodsafety-2025-notice.toml",
        &common::sample("offices/suzhou-foodsafety.toml"),
        DeriveAs::Notice,
    );
    let spec = checked(&d);
    assert!(
        spec.opening.0[0].contains("《关于开展2025年全省食品安全宣传周活动的通知》"),
        "{}",
        spec.opening.0[0]
    );
}

#[test]
fn a_minimal_plan_takes_up_the_upstream_s_activities_once_made_its_own() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("minimal.toml");
    std::fs::write(&path, "[office]\nname = \"某区某办\"\nscope = \"某区\"\n").unwrap();
    let d = draft("foodsafety-2025-notice.toml", &path, DeriveAs::Plan);
    let spec = checked(&d);
    let headings: Vec<&str> = spec.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings.iter().filter(|h| **h == "主要活动").count(),
        1,
        "{headings:?}"
    );
    assert!(!headings.contains(&"活动安排"), "{headings:?}");
    assert!(!d.toml.contains("【待填写：本地活动"), "{}", d.toml);
}

#[test]
fn a_profile_s_own_activities_take_the_place_of_the_upstream_s() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("own.toml");
    let profile = "[office]\nname = \"某区某办\"\nscope = \"某区\"\n\n[[activities]]\nheading = \"食品安全进社区\"\ntext = \"在各社区开展宣传。\"\n";
    std::fs::write(&path, profile).unwrap();
    let spec = checked(&draft("foodsafety-2025-notice.toml", &path, DeriveAs::Plan));
    let headings: Vec<&str> = spec.sections.iter().map(|s| s.heading.as_str()).collect();
    assert!(!headings.contains(&"主要活动"), "{headings:?}");
    assert_eq!(
        headings.iter().filter(|h| **h == "活动安排").count(),
        1,
        "{headings:?}"
    );
}

#[test]
fn a_relay_carries_the_office_s_own_sections_after_the_transmitting_sentence() {
    let d = draft(
        "flood-2025-notice.toml",
        &common::sample("offices/shuangliu-flood.toml"),
        DeriveAs::Relay,
    );
    let spec = checked(&d);
    assert!(!spec.sections.is_empty(), "local sections for relay");
    assert_eq!(spec.sections[0].heading, "压实镇（街道）和部门防汛责任");
}
