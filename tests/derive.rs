//! Deriving a lower office's documents from the upper office's notice: each rule, and the
//! three derivations of the seeds end to end.

mod common;

use chrono::NaiveDate;
use gongwen::calendar::Calendar;
use gongwen::derive::profile::{Profile, Substitution};
use gongwen::derive::{self, DeriveAs, Source};
use gongwen::spec::Campaign;
use std::path::{Path, PathBuf};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn upstream(name: &str) -> gongwen::spec::Spec {
    gongwen::spec::load_template(&common::sample(name)).unwrap()
}

fn profile(name: &str) -> Profile {
    let path = common::sample(&format!("offices/{name}.toml"));
    gongwen::spec::deserialize(&std::fs::read_to_string(&path).unwrap(), &path).unwrap()
}

fn campaign(year: i32) -> Campaign {
    Campaign {
        name: None,
        short: None,
        occasion: None,
        year,
        edition: None,
        start: d(year, 4, 20),
        end: d(year, 4, 26),
    }
}

#[test]
fn citation_names_title_and_number_in_full_width_brackets() {
    let c = citation_of("national-2025-notice.toml");
    assert_eq!(
        c,
        "根据全国知识产权宣传周活动组委会《关于开展2025年全国知识产权宣传周活动的通知》（国知发办字〔2025〕9号）要求，"
    );
}

fn citation_of(name: &str) -> String {
    let up = upstream(name);
    derive::citation(&up, up.campaign.as_ref())
}

#[test]
fn citation_without_a_number_uses_de_yaoqiu_and_does_not_repeat_the_issuer() {
    assert_eq!(
        citation_of("kunming-2023-notice.toml"),
        "根据《昆明市知识产权战略实施工作联席会议办公室关于组织开展2023年知识产权宣传周活动的通知》的要求，"
    );
}

#[test]
fn substitutions_apply_and_are_counted_and_a_missing_one_is_reported_not_fatal() {
    let subs = vec![
        Substitution {
            from: "各地区、各部门".into(),
            to: "各区、各部门".into(),
        },
        Substitution {
            from: "从未出现的说法".into(),
            to: "本地说法".into(),
        },
    ];
    let mut counts = vec![0; 2];
    let out = derive::substitute(
        "重点宣传各地区、各部门，要求各地区、各部门",
        &subs,
        &mut counts,
    );
    assert_eq!(out, "重点宣传各区、各部门，要求各区、各部门");
    assert_eq!(counts, [2, 0]);

    let mut p = profile("shanghai");
    p.substitutions.push(Substitution {
        from: "从未出现的说法".into(),
        to: "本地说法".into(),
    });
    let draft = derive_with(&p, "national-2025-notice.toml", DeriveAs::Notice);
    let report = draft.substitutions.join("\n");
    assert!(
        report.contains("“从未出现的说法”→“本地说法”：上级来文中没有出现，未替换"),
        "{report}"
    );
    assert!(
        report.contains("“各地区、各部门”→“各区、各部门”：4 处"),
        "{report}"
    );
}

fn derive_with(p: &Profile, up: &str, as_: DeriveAs) -> derive::Draft {
    let cal = Calendar::load(None).unwrap();
    let office = Source {
        value: p.clone(),
        text: String::new(),
        path: PathBuf::from("test.toml"),
    };
    let upstream = derive::load_upstream(&common::sample(up)).unwrap();
    derive::derive(&upstream, &office, as_, &cal).unwrap()
}

#[test]
fn opening_keeps_the_occasion_then_cites_and_decides() {
    let up = upstream("national-2025-notice.toml");
    let o = derive::inherited_opening(&up, "某局决定组织开展活动。", "根据《通知》要求，");
    let o = o.last().unwrap();
    assert!(o.starts_with("为全面贯彻落实党的二十大"));
    assert!(
        o.ends_with(
            "在第{edition}个世界知识产权日来临之际，根据《通知》要求，某局决定组织开展活动。"
        ),
        "{o}"
    );
}

#[test]
fn deadlines_count_working_days_of_the_holiday_schedule() {
    let cal = Calendar::load(None).unwrap();
    let p = profile("shanghai");
    let dates = derive::deadlines(&campaign(2025), &p, &cal).unwrap();
    // 6 working days before Sunday 2025-04-20: Friday 04-11.
    assert_eq!(dates.report_by, "{workday:start-6:weekday}");
    let c = campaign(2025);
    let expand = |t: &str, c: &Campaign| gongwen::spec::year::expand(t, Some(c)).unwrap();
    assert_eq!(expand(&dates.report_by, &c), "4月11日（周五）");
    // 5 working days after Saturday 2025-04-26: 04-27 (make-up workday) … 05-06.
    assert_eq!(dates.summary, d(2025, 5, 6));
    assert_eq!(dates.summary_by, "{workday:end+5}");
    assert_eq!(expand(&dates.summary_by, &c), "5月6日");
    // Next year's edition counts again: 6 working days before Monday 2026-04-20 is Friday
    // 04-10 (清明 04-04..06 is before it), never 04-11, a Saturday in 2026.
    assert_eq!(expand(&dates.report_by, &campaign(2026)), "4月10日（周五）");
    // 5 working days after Sunday 2026-04-26: 04-27 … 04-30, then 05-06 after 劳动节.
    assert_eq!(expand(&dates.summary_by, &campaign(2026)), "5月6日");
    // 12 working days before the campaign, skipping 清明 (04-04..06): 2025-04-02.
    assert_eq!(dates.issued, d(2025, 4, 2));
}

#[test]
fn plan_phases_are_the_seed_s_dates() {
    let cal = Calendar::load(None).unwrap();
    let c = campaign(2025);
    let dates = derive::deadlines(&c, &profile("yingkou"), &cal).unwrap();
    let phases = derive::phases(&c, &dates, &derive::defaults::Defaults::embedded().phases);
    let got: Vec<_> = phases
        .iter()
        .map(|p| (p.name.as_str(), p.start, p.end))
        .collect();
    assert_eq!(
        got,
        [
            ("准备阶段", d(2025, 4, 11), Some(d(2025, 4, 19))),
            ("实施阶段", d(2025, 4, 20), Some(d(2025, 4, 26))),
            ("总结阶段", d(2025, 4, 29), None),
        ]
    );
}

#[test]
fn a_campaign_in_a_year_without_holiday_data_is_an_error() {
    let cal = Calendar::load(None).unwrap();
    let err = derive::deadlines(&campaign(2031), &profile("shanghai"), &cal).unwrap_err();
    assert!(
        err.to_string().contains("没有 2031 年的节假日安排"),
        "{err}"
    );
}

use common::gongwen;

fn sample_arg(name: &str) -> String {
    common::sample(name).display().to_string()
}

/// Derives one draft into `dir/drafts` and renders it; returns (draft text, PDF text).
fn derive_and_render(dir: &Path, up: &str, office: &str, as_: &str) -> (String, String) {
    let o = gongwen(
        &[
            "derive",
            &sample_arg(up),
            "--office",
            &sample_arg(&format!("offices/{office}.toml")),
            "--as",
            as_,
            "-o",
            "drafts",
        ],
        dir,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let year = up.split('-').nth(1).unwrap();
    let draft_path: PathBuf = dir.join(format!("drafts/{office}-{year}-{as_}.toml"));
    let draft = std::fs::read_to_string(&draft_path).unwrap();
    let (doc, _) = common::engine().load(&draft_path, None).unwrap();
    let m = gongwen::render::measure::Measured::of(&common::engine().typeset(&doc).unwrap());
    let text: String = (1..=m.pages.len())
        .flat_map(|p| m.lines(p))
        .filter(|l| l.size_pt != gongwen::gbt9704::SMALL_SIZE_PT)
        .map(|l| l.text.replace(' ', ""))
        .collect();
    (draft, text)
}

#[test]
fn shanghai_notice_from_the_national_notice_reads_like_seed_000() {
    let dir = tempfile::tempdir().unwrap();
    let (draft, text) = derive_and_render(
        dir.path(),
        "national-2025-notice.toml",
        "shanghai",
        "notice",
    );
    assert!(
        draft.contains("[provenance]")
            && draft.contains("upstream_number = \"国知发办字〔2025〕9号\"")
    );
    for expected in [
        "沪知联办〔2025〕2号",
        "上海市知识产权联席会议办公室关于开展2025年上海知识产权宣传周活动的通知",
        "积极推进知识产权强国战略和上海知识产权强市建设，在第25个世界知识产权日来临之际，根据全国知识产权宣传周活动组委会《关于开展2025年全国知识产权宣传周活动的通知》（国知发办字〔2025〕9号）要求，上海市知识产权联席会议办公室决定组织开展2025年上海知识产权宣传周活动。",
        "知识产权与人工智能。",
        "重点宣传各区、各部门",
        "对内对外讲好知识产权“上海故事”",
        "《上海市知识产权强市建设纲要（2021—2035年）》",
        "于4月11日（周五）前",
        "活动结束后5个工作日内",
        "2025年4月2日",
    ] {
        assert!(text.contains(expected), "missing: {expected}\n in {}", text.chars().take(400).collect::<String>());
    }
    for upstream_wording in ["各地区、各部门", "中国知识产权故事"] {
        assert!(
            !text.contains(upstream_wording),
            "upstream wording left: {upstream_wording}"
        );
    }
}

#[test]
fn yingkou_plan_from_the_national_notice_reads_like_seed_001() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = derive_and_render(dir.path(), "national-2025-notice.toml", "yingkou", "plan");
    for expected in [
        "附件1",
        "2025年营口市知识产权宣传周活动方案",
        "按照辽宁省知识产权局的工作部署",
        "一、指导思想",
        "四、宣传重点",
        "五、活动安排",
        "六、时间安排",
        "（一）准备阶段（2025年4月11日—4月19日），",
        "（二）实施阶段（2025年4月20日—4月26日），",
        "（三）总结阶段（2025年4月29日），",
        "七、有关要求",
        "于4月29日前将活动总结",
        "2025年营口市知识产权宣传周活动组委会成员单位",
    ] {
        assert!(text.contains(expected), "missing: {expected}");
    }
}

#[test]
fn wuhua_cover_from_the_kunming_notice_reads_like_seed_003() {
    let dir = tempfile::tempdir().unwrap();
    let (_, text) = derive_and_render(dir.path(), "kunming-2023-notice.toml", "wuhua", "cover");
    for expected in [
        "关于印发《五华区2023年知识产权宣传周活动方案》的通知",
        "现将《五华区2023年知识产权宣传周活动方案》印发给你们，请认真贯彻落实。",
        "2023年4月18日",
        "五华区2023年知识产权宣传周活动方案",
        "根据《昆明市知识产权战略实施工作联席会议办公室关于组织开展2023年知识产权宣传周活动的通知》的要求，",
        "加强知识产权法治保障，有力支持全面创新。",
        "（一）准备阶段（2023年4月",
        "五华区2023年4.26知识产权宣传周宣传资料发放统计表",
    ] {
        assert!(text.contains(expected), "missing: {expected}");
    }
    // The office's profile asks for the plan to repeat the cover's 主送 (seed 003 does).
    let plain: String = text.split_whitespace().collect();
    assert_eq!(plain.matches("区各街道办事处：").count(), 2, "{text}");
}

#[test]
fn an_existing_draft_is_never_overwritten_silently() {
    let dir = tempfile::tempdir().unwrap();
    let args = |force: bool| {
        let mut a = vec![
            "derive".to_owned(),
            sample_arg("national-2025-notice.toml"),
            "--office".into(),
            sample_arg("offices/shanghai.toml"),
            "-o".into(),
            "drafts".into(),
        ];
        if force {
            a.push("--force".into());
        }
        a
    };
    let run = |force: bool| {
        let a = args(force);
        gongwen(
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
            dir.path(),
        )
    };
    assert!(run(false).status.success());
    let draft = dir.path().join("drafts/shanghai-2025-notice.toml");
    std::fs::write(&draft, "# edited by the office\n").unwrap();
    let o = run(false);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("已存在"));
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        "# edited by the office\n"
    );
    assert!(run(true).status.success());
    assert_eq!(
        std::fs::read_to_string(dir.path().join("drafts/shanghai-2025-notice.toml.bak")).unwrap(),
        "# edited by the office\n"
    );
    assert!(std::fs::read_to_string(&draft)
        .unwrap()
        .contains("[provenance]"));
}

#[test]
fn diff_shows_what_re_deriving_changes_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let o = gongwen(
        &[
            "derive",
            &sample_arg("national-2025-notice.toml"),
            "--office",
            &sample_arg("offices/shanghai.toml"),
            "-o",
            "drafts",
        ],
        dir.path(),
    );
    assert!(o.status.success());
    let draft = dir.path().join("drafts/shanghai-2025-notice.toml");
    let edited = std::fs::read_to_string(&draft)
        .unwrap()
        .replace("sealed = true", "sealed = false");
    std::fs::write(&draft, &edited).unwrap();
    let o = gongwen(
        &[
            "derive",
            &sample_arg("national-2025-notice.toml"),
            "--office",
            &sample_arg("offices/shanghai.toml"),
            "-o",
            "drafts",
            "--diff",
            "drafts/shanghai-2025-notice.toml",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("-sealed = false") && out.contains("+sealed = true"),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&draft).unwrap(),
        edited,
        "--diff wrote nothing"
    );
}

#[test]
fn a_folder_of_profiles_gives_one_draft_per_office() {
    let dir = tempfile::tempdir().unwrap();
    let offices = dir.path().join("offices");
    std::fs::create_dir(&offices).unwrap();
    for name in ["shanghai", "yingkou"] {
        std::fs::copy(
            common::sample(&format!("offices/{name}.toml")),
            offices.join(format!("{name}.toml")),
        )
        .unwrap();
    }
    let o = gongwen(
        &[
            "derive",
            &sample_arg("national-2025-notice.toml"),
            "--office",
            "offices",
            "--as",
            "plan",
            "-o",
            "drafts",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for name in ["shanghai-2025-plan.toml", "yingkou-2025-plan.toml"] {
        assert!(dir.path().join("drafts").join(name).exists(), "{name}");
    }
    // The Shanghai profile has no activities for a plan: marked and reported, not invented.
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("待填写：活动安排"), "{out}");
    let draft = std::fs::read_to_string(dir.path().join("drafts/shanghai-2025-plan.toml")).unwrap();
    assert!(draft.contains("【待填写：本地活动"));
}

#[test]
fn next_year_s_edition_keeps_deadlines_on_working_days_and_says_the_citation_is_kept() {
    let draft = derive_with(
        &profile("shanghai"),
        "national-2025-notice.toml",
        DeriveAs::Notice,
    );
    let report = common::engine()
        .check_source_for_year(&draft.toml, Path::new("draft.toml"), Some(2026))
        .unwrap();
    let kept: Vec<&str> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "kept-citation")
        .map(|d| d.field.as_str())
        .collect();
    assert_eq!(kept, ["opening[0]"], "{:?}", report.diagnostics);
    // The cited title and number stay together, as written.
    let opening = &report.spec.opening.0[0];
    assert!(
        opening.contains("《关于开展2025年全国知识产权宣传周活动的通知》（国知发办字〔2025〕9号）"),
        "{opening}"
    );
    // No deadline of the 2026 edition lands on a weekend: 6 working days before Monday
    // 2026-04-20 is Friday 04-10 (the 2025 draft said 4月11日, a Saturday in 2026).
    let texts = gongwen::spec::texts::texts(&report.spec);
    assert!(
        texts.iter().any(|(_, t)| t.contains("于4月10日（周五）前")),
        "{texts:?}"
    );
    for (field, text) in texts {
        assert!(
            !text.contains("（周六）") && !text.contains("（周日）"),
            "{field}: {text}"
        );
    }
}

#[test]
fn a_deadline_in_a_year_without_a_holiday_schedule_is_said_to_be_counted_monday_to_friday() {
    let draft = derive_with(
        &profile("shanghai"),
        "national-2025-notice.toml",
        DeriveAs::Notice,
    );
    let warned = |year: i32| -> Vec<(String, String)> {
        common::engine()
            .check_source_for_year(&draft.toml, Path::new("draft.toml"), Some(year))
            .unwrap()
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "workdays-without-schedule")
            .map(|d| (d.field, d.message))
            .collect()
    };
    // 2026's schedule is shipped: nothing to say.
    assert_eq!(warned(2026), []);
    // 2027's is not: the field holding the working-day deadline says how it was counted.
    let w = warned(2027);
    assert_eq!(w.len(), 1, "{w:?}");
    let report = common::engine()
        .check_source_for_year(&draft.toml, Path::new("draft.toml"), Some(2027))
        .unwrap();
    let texts = gongwen::spec::texts::texts(&report.spec);
    let text = &texts.iter().find(|(f, _)| *f == w[0].0).unwrap().1;
    assert!(text.contains("（周"), "{}: {text}", w[0].0);
    assert!(
        w[0].1.contains("2027 年的放假调休安排尚未内置"),
        "{}",
        w[0].1
    );
    assert!(w[0].1.contains("按法定节假日"), "{}", w[0].1);
}

/// A national 遗产日 notice typed with python-docx and printed by LibreOffice, whose campaign is
/// a day named only in its opening (今年6月13日是我国第二十一个“文化和自然遗产日”) and whose
/// activities run in 旬 (6月上旬至6月中旬), derived for a county 文化和旅游局: the campaign is
/// found (its plan had lost its whole 活动内容 without a word), the ministry's own event in
/// 杭州 is not the county's, the county decides what the ministry decided, and its relay asks
/// the county's units for the reports by the county's dates.
#[test]
fn a_national_day_named_in_the_opening_derives_as_a_campaign_with_the_county_s_reports() {
    let dir = received_and_derived(
        "yichan-national-libreoffice.pdf",
        "yichan-county-office.toml",
        &["notice", "relay"],
    );
    let (up, spec) = imported(&dir);
    let campaign = spec.campaign.as_ref().expect("[campaign] from the body");
    assert_eq!(campaign.name.as_deref(), Some("文化和自然遗产日"), "{up}");
    assert_eq!(
        (campaign.start, campaign.end),
        (d(2026, 6, 1), d(2026, 6, 20))
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("杭州"), "{notice}");
    assert!(notice.contains("决定组织开展{year}年"), "{notice}");
    let relay = draft(&dir, "office-2026-relay.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&relay).unwrap();
    let asks = common::relay_asks(&spec).concat();
    assert!(
        asks.contains("6月2日前") && asks.contains("6月25日前"),
        "{relay}"
    );
    assert!(
        asks.contains("报送澄溪县文化和旅游局") && !asks.contains("非物质文化遗产司"),
        "{relay}"
    );
    let checked = checked_draft(&dir, "out/office-2026-relay.toml");
    assert!(!checked.contains("错误"), "{checked}");
    // The ministry named as the organiser of what the county's units join is no finding.
    assert!(notice.contains("参与文化和旅游部组织的"), "{notice}");
    let checked = checked_draft(&dir, "out/office-2026-notice.toml");
    assert!(!checked.contains("上级机关“文化和旅游部"), "{checked}");
}

/// What `gongwen check` says of the draft at `path` (inside `dir`), stderr and stdout.
fn checked_draft(dir: &tempfile::TempDir, path: &str) -> String {
    let o = gongwen(&["check", path], dir.path());
    String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout)
}

/// A received file from `tests/fixtures/import` imported (as `received.EXT`) and derived as each
/// of `as_` for the office profile `office` (also a fixture): the folder, holding `up.toml` and
/// the drafts in `out/`.
fn received_and_derived(received: &str, office: &str, as_: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    let ext = Path::new(received).extension().unwrap().to_str().unwrap();
    let file = format!("received.{ext}");
    std::fs::copy(fixtures.join(received), dir.path().join(&file)).unwrap();
    std::fs::copy(fixtures.join(office), dir.path().join("office.toml")).unwrap();
    let mut runs = vec![vec!["import", file.as_str(), "-o", "up.toml"]];
    runs.extend(as_.iter().map(|a| {
        vec![
            "derive",
            "up.toml",
            "--office",
            "office.toml",
            "--as",
            a,
            "-o",
            "out",
        ]
    }));
    for args in &runs {
        let o = gongwen(args, dir.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    dir
}

/// The asks a relay draft makes after its transmitting sentence, one per numbered item.
fn relay_asks(dir: &tempfile::TempDir, name: &str) -> Vec<String> {
    let relay: gongwen::spec::Spec = toml::from_str(&draft(dir, name)).unwrap();
    relay
        .sections
        .iter()
        .flat_map(|s| s.text.0.clone())
        .collect()
}

/// The date of a plan's 总结阶段.
fn summary_phase(plan: &str) -> NaiveDate {
    let spec: gongwen::spec::Spec = toml::from_str(plan).unwrap();
    spec.sections
        .iter()
        .flat_map(|s| &s.phases)
        .find(|p| p.name == "总结阶段")
        .expect("a 总结阶段")
        .start
}

/// The spec `dir`'s received file imported to (`up.toml`): its text and its value.
fn imported(dir: &tempfile::TempDir) -> (String, gongwen::spec::Spec) {
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    let spec = toml::from_str(&up).unwrap();
    (up, spec)
}

/// A draft of `dir`'s `out/`.
fn draft(dir: &tempfile::TempDir, name: &str) -> String {
    std::fs::read_to_string(dir.path().join("out").join(name)).unwrap()
}

/// A plan's 总结阶段 is the office's own summary deadline where the upstream sets one (a web
/// page's 禁毒宣传月 notice: 请于7月5日前将活动总结…报送 → 7月1日, the profile's working days
/// earlier, as every deadline), not the campaign's end plus the profile's five working days
/// (7月7日: after the date the plan's own text gives, and after the province's).
#[test]
fn a_plan_s_summary_phase_follows_the_summary_deadline_the_upstream_sets() {
    let dir = received_and_derived(
        "pasted-jindu-web.txt",
        "pasted-jindu-office.toml",
        &["plan"],
    );
    let plan = draft(&dir, "office-2026-plan.toml");
    assert_eq!(summary_phase(&plan), d(2026, 7, 1), "{plan}");
    assert!(plan.contains("请于7月1日前将活动总结"), "{plan}");
}

/// A national joint 科技活动周 notice (科技部, 中央宣传部, 中国科协) made into a DOCX by
/// LibreOffice, derived for a city office: the event the upper office hosts goes, institutions
/// across its area become the city's, the plan's 总结阶段 is the summary deadline its own text
/// gives (6月2日, later than the campaign's end plus five working days), and the draft goes out
/// soon after the upstream (3月24日), not a month later on the date counted back from the
/// campaign (4月28日), which would have left the counties a day for the plans due 4月30日: the
/// office's deadline is then the upper office's, three working days earlier.
#[test]
fn a_national_notice_derived_for_a_city_reads_as_the_city_s_own() {
    let dir = received_and_derived(
        "keji-joint-libreoffice.docx",
        "keji-city-office.toml",
        &["plan", "notice"],
    );
    let plan = draft(&dir, "office-2026-plan.toml");
    let notice = draft(&dir, "office-2026-notice.toml");
    assert_eq!(summary_phase(&plan), d(2026, 6, 2), "{plan}");
    assert!(plan.contains("请于6月2日前将活动总结"), "{plan}");
    for draft in [&plan, &notice] {
        assert!(!draft.contains("开幕式"), "{draft}");
    }
    assert!(
        notice.contains("全市科研机构、高校实验室要面向公众开放"),
        "{notice}"
    );
    assert!(
        notice.contains("于4月27日前将活动方案报送绵阳市科学技术局"),
        "{notice}"
    );
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert_eq!(spec.signature.unwrap().date, d(2026, 3, 24), "{notice}");
}

/// A city 消防救援支队's “119”消防宣传月 notice printed to PDF by LibreOffice, derived for a
/// district: the body's last sentence, wrapped before 「（邮箱：…），联系电话：…」, stays one sentence
/// (it had become the closing); the name that quotes a part of itself keeps its marks
/// (“119”消防宣传月, not 119”消防宣传月), and a pattern that quotes a name does not quote it
/// again (进行“119”消防宣传月的…, not 进行“‘119’消防宣传月”的); the form's two fields stay two
/// and its four blank rows four.
#[test]
fn a_libreoffice_pdf_campaign_notice_with_a_part_quoted_name_derives_for_a_district() {
    let dir = received_and_derived(
        "xiaofang-libreoffice.pdf",
        "xiaofang-district-office.toml",
        &["plan"],
    );
    let (up, spec) = imported(&dir);
    assert!(spec.closing.0.is_empty(), "{up}");
    assert!(
        up.contains("报送支队宣传处（邮箱：tjxfxc@126.com），联系电话：022-23456789。"),
        "{up}"
    );
    let campaign = spec.campaign.as_ref().expect("[campaign]");
    assert_eq!(campaign.name.as_deref(), Some("“119”消防宣传月"));
    let table = spec.annexes.first().expect("the form");
    assert_eq!(table.fields.len(), 2, "{up}");
    assert_eq!(table.blank_rows, 4, "{up}");
    let plan = draft(&dir, "office-2026-plan.toml");
    assert!(plan.contains("河西区“119”消防宣传月"), "{plan}");
    assert!(plan.contains("进行“119”消防宣传月的"), "{plan}");
    assert!(!plan.contains('‘'), "{plan}");
    assert!(!plan.contains("““") && !plan.contains("””"), "{plan}");
}

/// A city's 转发 notice pasted from its web page (the province's notice after it, listed as 附件
/// too, cited with its 文号), derived for a county. The import reads the relayed document as the
/// enclosure, with its number, and prints it once (not also as an empty 附件). The county's
/// relay passes on the province's notice itself (转发 of a 转发 names the original) and the
/// city's requirements as its own (its deadline earlier, reported to the county, 备案 kept); its
/// notice takes up the province's subject and cites both, with every item of both.
#[test]
fn a_relayed_notice_derives_into_a_county_relay_of_the_original_and_a_notice_of_its_own() {
    let dir = received_and_derived(
        "relay-deyang-web.txt",
        "relay-zhongjiang-office.toml",
        &["relay", "notice"],
    );
    let (up, spec) = imported(&dir);
    let e = spec.enclosure.as_ref().expect("the relayed notice");
    assert_eq!(e.number.as_deref(), Some("川教函〔2026〕412号"), "{up}");
    assert_eq!(e.sections.len(), 4, "{up}");
    assert!(spec.annexes.is_empty(), "{up}");
    assert_eq!(spec.transmit_verb.as_deref(), Some("转发"), "{up}");

    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let e = relay.enclosure.as_ref().expect("the relayed notice");
    assert_eq!(e.title, "四川省教育厅关于做好2026年冬季学校安全工作的通知");
    assert_eq!(e.number.as_deref(), Some("川教函〔2026〕412号"));
    assert_eq!(e.sections.len(), 4);
    let own: Vec<&str> = relay
        .sections
        .iter()
        .flat_map(|s| &s.text.0)
        .map(String::as_str)
        .collect();
    assert_eq!(own.len(), 3, "{own:?}");
    assert!(
        own[0].contains("于12月7日前制定冬季学校安全工作方案，报中江县教育和体育局备案。"),
        "{own:?}"
    );
    assert!(own.iter().all(|t| !t.contains("市教育和体育局")), "{own:?}");
    assert!(relay.annexes.is_empty());

    let text = draft(&dir, "office-2026-notice.toml");
    let notice: gongwen::spec::Spec = toml::from_str(&text).unwrap();
    assert_eq!(
        notice.title,
        "中江县教育和体育局关于做好2026年冬季学校安全工作的通知"
    );
    let opening = notice.opening.0.join("");
    assert!(
        opening.contains("根据《四川省教育厅关于做好2026年冬季学校安全工作的通知》（川教函〔2026〕412号）和德阳市教育和体育局有关要求，"),
        "{opening}"
    );
    assert_eq!(notice.sections.len(), 7, "{text}");
    assert!(
        text.contains("于12月16日前将寒假值班安排报送中江县教育和体育局"),
        "{text}"
    );
    assert!(
        !text.contains("省教育厅安全稳定处") && !text.contains("《关于转发《"),
        "{text}"
    );
}

/// A city 人社局's work notice printed to PDF from its web page by Chromium (Type 3 fonts whose
/// text maps 人 to the Kangxi radical ⼈ and spaces to U+0001; the browser's date, title,
/// address and page count in the margins; the site's furniture), derived for a county. The
/// import reads it as the document it shows; the county's notice keeps the 和 inside
/// 人力资源和社会保障厅, brings the weekly deadline forward (每周五 → 每周四) and reports to itself.
#[test]
fn a_web_page_printed_to_pdf_by_a_browser_imports_whole_and_derives_for_a_county() {
    let dir = received_and_derived(
        "qianxin-chromium.pdf",
        "qianxin-county-office.toml",
        &["notice"],
    );
    let (up, spec) = imported(&dir);
    assert_eq!(spec.title, "关于开展2026年度根治欠薪冬季专项行动的通知");
    let header = spec.header.as_ref().expect("[header]");
    assert_eq!(header.issuers, ["宁波市人力资源和社会保障局"], "{up}");
    assert_eq!(spec.sections.len(), 3, "{up}");
    assert_eq!(spec.sections[1].sections.len(), 3, "{up}");
    let signature = spec.signature.as_ref().expect("[signature]");
    assert_eq!(signature.date, d(2026, 11, 24));
    let table = spec.annexes.first().expect("the form");
    assert_eq!(
        (table.columns.len(), table.blank_rows, table.fields.len()),
        (6, 3, 2),
        "{up}"
    );
    let stray = |c: char| ('\u{2E80}'..='\u{2FDF}').contains(&c) || c.is_control() && c != '\n';
    assert!(!up.contains(stray), "{up}");
    for furniture in [
        "file://",
        "PM",
        "阅读次数",
        "网站标识码",
        "打印本页",
        "您当前的位置",
    ] {
        assert!(!up.contains(furniture), "{furniture}: {up}");
    }
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("根据《保障农民工工资支付条例》、省人力资源和社会保障厅统一部署和宁波市人力资源和社会保障局《"),
        "{notice}"
    );
    assert!(
        notice.contains("于每周四下班前将专项行动进展情况报送象山县人力资源和社会保障局"),
        "{notice}"
    );
    assert!(notice.contains("于12月16日前完成"), "{notice}");
    assert!(
        !notice.contains("市劳动保障监察处") && !notice.contains("每周五"),
        "{notice}"
    );
}

/// A city 司法局's campaign notice pasted from its 公众号 post (byline with the post's time,
/// 点击蓝字 关注我们, END, 编辑/审核 credits, 往期推荐 with other posts' titles, buttons),
/// derived for a county: none of the post's furniture is left in the spec (the byline had
/// become part of the 主送), the campaign quoted whole in the body (开展“宪法宣传周”活动) is
/// named without a stray mark, and the county's notice reads as its own.
#[test]
fn a_notice_pasted_from_a_wechat_post_loses_the_post_and_derives_for_a_county() {
    let dir = received_and_derived(
        "pasted-xianfa-wechat.txt",
        "pasted-xianfa-office.toml",
        &["notice"],
    );
    let (up, spec) = imported(&dir);
    assert_eq!(
        spec.recipients.as_deref(),
        Some("各县（市、区）司法局，新蒲新区、综保区司法所")
    );
    assert_eq!(
        spec.campaign.as_ref().and_then(|c| c.name.as_deref()),
        Some("宪法宣传周")
    );
    for furniture in [
        "原创",
        "关注我们",
        "END",
        "编辑：",
        "往期推荐",
        "推进会",
        "阅读原文",
        "在看",
    ] {
        assert!(!up.contains(furniture), "{furniture}: {up}");
    }
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("title = \"正安县司法局关于开展{year}年“宪法宣传周”活动的通知\""),
        "{notice}"
    );
    assert!(
        notice.contains("于12月8日前将活动开展情况和图片资料报送正安县司法局"),
        "{notice}"
    );
    assert!(
        !notice.contains("““") && !notice.contains("zysfpf"),
        "{notice}"
    );
}

/// A city's notice printing its own work plan (关于印发《绵阳市2026年××工作方案》的通知, pasted
/// as text), derived for a county: every draft takes up the plan's subject instead of the
/// notice's 印发 (the plan had been titled 「三台县印发《…》工作方案」 and the cover's opening
/// read 「为印发《…》，」), the city's 全市 is the county's 全县, and the relay passes on the plan
/// itself, cited with the number of the notice that printed it.
#[test]
fn a_notice_printing_the_upper_office_s_plan_derives_into_the_county_s_own_plan() {
    let dir = received_and_derived(
        "pasted-yinfa-web.txt",
        "pasted-yinfa-office.toml",
        &["notice", "plan", "cover", "relay"],
    );
    let spec = |name: &str| -> gongwen::spec::Spec { toml::from_str(&draft(&dir, name)).unwrap() };
    let notice = spec("office-2026-notice.toml");
    assert_eq!(
        notice.title,
        "三台县农业农村局关于做好2026年农村人居环境整治提升工作的通知"
    );
    assert!(notice.sections[0].text.0[0].starts_with("到2026年底，全县农村卫生厕所普及率"));
    let plan = spec("office-2026-plan.toml");
    assert_eq!(plan.title, "三台县2026年农村人居环境整治提升工作方案");
    let cover = spec("office-2026-cover.toml");
    assert_eq!(cover.opening.0, ["为做好2026年农村人居环境整治提升工作，"]);
    let enclosure = cover.enclosure.as_ref().expect("the plan");
    assert_eq!(enclosure.title, "三台县2026年农村人居环境整治提升工作方案");
    let relay = spec("office-2026-relay.toml");
    let e = relay.enclosure.as_ref().expect("the city's plan");
    assert_eq!(e.title, "绵阳市2026年农村人居环境整治提升工作方案");
    assert_eq!(e.number.as_deref(), Some("绵农发〔2026〕15号"));
    assert_eq!(e.sections.len(), 3);
}

/// A provincial government office's notice to 各市州人民政府 and 省政府各厅委、各直属机构, pasted
/// as text, derived for a county-level city's government office: the province's departments
/// become the city's (市直各单位, the part of its 主送 that names departments), the reporting
/// target loses where the upper body sits (「（设在省消防救援总队）」), and 我省 is 我市.
#[test]
fn a_provincial_government_notice_derives_for_a_county_level_city_s_government() {
    let dir = received_and_derived(
        "pasted-huozai-gov.txt",
        "pasted-huozai-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("，市直各单位要按照“管行业必须管安全”的要求"),
        "{notice}"
    );
    assert!(notice.contains("前报宁乡市人民政府办公室。"), "{notice}");
    assert!(notice.contains("入冬以来，我市气候干燥"), "{notice}");
    for upper in ["省政府各厅委", "设在省消防救援总队", "省政府总值班室"] {
        assert!(!notice.contains(upper), "{upper}: {notice}");
    }
}

/// A provincial 生态环境厅's work notice typed in Word with automatic numbering (its 一、 from a
/// heading style's list, its （一） and 1. from the paragraphs' own, 附件：'s items a list of
/// their own; none of these numbers is in the text), received as Word and as LibreOffice save
/// and print it, derived for a city office. All three import to the same spec, every heading at its
/// level, the list items as sentences, both annexes named and the signature read; the city's
/// notice takes 各市州 (a level of the province's addressees) as its own units.
#[test]
fn word_list_numbering_gives_headings_and_annex_items_their_numbers_and_derives_for_a_city() {
    let mut imports = Vec::new();
    for received in [
        "paiwukou-numbered-word.docx",
        "paiwukou-numbered-libreoffice.docx",
        "paiwukou-numbered-libreoffice.pdf",
    ] {
        let dir = received_and_derived(received, "paiwukou-city-office.toml", &["notice"]);
        let (up, spec) = imported(&dir);
        let shape: Vec<(String, usize)> = spec
            .sections
            .iter()
            .map(|s| (s.heading.clone(), s.sections.len()))
            .collect();
        let want = [("工作目标", 0), ("重点任务", 3), ("工作要求", 2)];
        assert_eq!(
            shape,
            want.map(|(h, n)| (h.to_owned(), n)),
            "{received}: {up}"
        );
        let items = &spec.sections[1].sections[1].sections;
        assert_eq!(items.len(), 3, "{up}");
        assert!(items.iter().all(|i| i.heading.is_empty()), "{up}");
        let annexes: Vec<&str> = spec.annexes.iter().map(|a| a.title.as_str()).collect();
        assert_eq!(
            annexes,
            ["入河排污口排查情况统计表", "入河排污口整治进展月报表"],
            "{up}"
        );
        let signature = spec.signature.as_ref().expect("[signature]");
        assert_eq!(signature.date, d(2026, 11, 30), "{up}");
        let notice = draft(&dir, "office-2026-notice.toml");
        assert!(!notice.contains("各市州"), "{notice}");
        assert!(
            notice.contains("各县市区分局、市生态环境保护综合行政执法支队要组织力量"),
            "{notice}"
        );
        assert!(
            notice.contains("于每月22日前将排查整治进展报送株洲市生态环境局"),
            "{notice}"
        );
        imports.push(spec);
    }
    assert_eq!(imports[0], imports[1]);
    // The PDF shows no seal (a DOCX cannot say); all else is the same, the contact line that
    // wrapped before its e-mail address (「…邮箱：」 / 「hnsstc@163.com。」) one paragraph again.
    if let Some(s) = imports[2].signature.as_mut() {
        s.sealed = true;
    }
    assert_eq!(imports[0], imports[2]);
}

/// A joint campaign notice of three city departments typed in Word from a template whose red
/// mark is a table (issuers one per row, 「文件」 merged down beside them), for a campaign in
/// January 2027 whose dates stand only in the body (决定于2027年1月20日至2月20日…组织开展××主题
/// 活动), derived for a county department in December 2026. The campaign is read from the body;
/// 2027, whose holiday schedule is not published, is counted by its statutory holidays and the
/// drafts say so; the notice goes out soon enough for the first deadline it passes on (it was
/// dated 1月4日 for a 1月6日 deadline); a name that opens with its own quoted part is not quoted
/// again in the plan's phases.
#[test]
fn a_table_mark_joint_notice_for_next_january_derives_with_next_years_statutory_holidays() {
    let dir = received_and_derived(
        "chunjie-tablemark-word.docx",
        "chunjie-county-office.toml",
        &["notice", "plan"],
    );
    let (up, spec) = imported(&dir);
    let header = spec.header.as_ref().expect("[header]");
    let joint = [
        "中共郴州市委宣传部",
        "郴州市文化旅游广电体育局",
        "郴州市教育局",
    ];
    assert_eq!(header.issuers, joint, "{up}");
    assert_eq!(spec.signature.as_ref().unwrap().issuers, joint, "{up}");
    let campaign = spec.campaign.as_ref().expect("[campaign] from the body");
    assert_eq!(
        (campaign.start, campaign.end),
        (d(2027, 1, 20), d(2027, 2, 20))
    );

    let notice = draft(&dir, "office-2027-notice.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert_eq!(
        spec.signature.as_ref().unwrap().date,
        d(2026, 12, 3),
        "{notice}"
    );
    assert!(
        notice.contains("于2027年1月6日前报中共桂阳县委宣传部备案"),
        "{notice}"
    );
    assert!(!notice.contains("宣教科"), "{notice}");
    let plan = draft(&dir, "office-2027-plan.toml");
    assert!(
        plan.contains("报送“我们的节日·春节”主题活动总结") && !plan.contains('‘'),
        "{plan}"
    );
    let o = gongwen(
        &[
            "derive",
            "up.toml",
            "--office",
            "office.toml",
            "-o",
            "again",
        ],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&o.stderr).to_string() + &String::from_utf8_lossy(&o.stdout);
    assert!(
        said.contains("2027 年的放假安排尚未发布") && said.contains("按法定节假日"),
        "{said}"
    );
    // And the draft's review says it of the deadline, at its field, whenever it is checked.
    let checked = checked_draft(&dir, "out/office-2027-notice.toml");
    assert!(
        checked.contains("期限“2027年1月6日前”在 2027 年：该年的放假调休安排尚未发布"),
        "{checked}"
    );
}

/// A short work notice without numbered sections (its requests are paragraphs after its
/// decision), derived for a county: the requests follow the county's own 现就有关事项通知如下：,
/// made the county's. They were lost: the draft announced its items and gave none.
#[test]
fn a_notice_without_sections_keeps_its_requests_after_the_county_s_decision() {
    let dir = tempfile::tempdir().unwrap();
    let up = r#"kind = "notice"
title = "江西省应急管理厅关于做好元旦春节期间安全防范工作的通知"
recipients = "各设区市应急管理局"
opening = [
    "元旦、春节将至，安全风险上升。为切实做好节日期间安全防范工作，经研究，决定在全省开展节前安全检查。现将有关事项通知如下：",
    "各地要于2027年1月10日前对辖区内人员密集场所开展一次全面检查，检查情况于2027年1月20日前报送省应急管理厅综合协调处。",
    "节日期间，各地要严格落实24小时值班和领导带班制度，遇有重大情况及时报告。",
]
[header]
issuers = ["江西省应急管理厅"]
doc_number = "赣应急字〔2026〕88号"
[signature]
issuer = "江西省应急管理厅"
date = 2026-12-01
"#;
    let office = r#"[office]
name = "修水县应急管理局"
scope = "修水县"
doc_code = "修应急"
serial = 77
recipients = "各乡镇人民政府，县直有关单位"
"#;
    std::fs::write(dir.path().join("up.toml"), up).unwrap();
    std::fs::write(dir.path().join("office.toml"), office).unwrap();
    let o = gongwen(
        &["derive", "up.toml", "--office", "office.toml", "-o", "out"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let notice = draft(&dir, "office-2026-notice.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    let opening = &spec.opening.0;
    assert_eq!(opening.len(), 3, "{notice}");
    assert!(
        opening[0].ends_with("结合修水县实际，决定在全县开展节前安全检查。现就有关事项通知如下："),
        "{notice}"
    );
    assert!(
        opening[1].starts_with("各乡镇人民政府、县直有关单位要于2027年1月6日前")
            && opening[1].ends_with("报送修水县应急管理局。"),
        "{notice}"
    );
    assert!(opening[2].contains("24小时值班"), "{notice}");
}

/// A city government office's holiday notice issued 经市政府同意, derived for a county
/// government office and for a county department: the county's general office states its own
/// government's approval (经县政府同意), the department none (it is no general office).
#[test]
fn a_general_office_states_its_own_government_s_approval_where_the_upstream_stated_the_city_s() {
    let dir = tempfile::tempdir().unwrap();
    let up = r#"kind = "notice"
title = "关于做好2027年元旦春节期间有关工作的通知"
recipients = "各县（市、区）人民政府，市政府各部门，各直属机构"
opening = "经市政府同意，现就做好2027年元旦春节期间有关工作通知如下："

[[sections]]
heading = "加强值班值守"
text = "各地各部门要严格落实24小时值班制度，值班表于12月25日前报市政府总值班室。"

[header]
issuers = ["清源市人民政府办公室"]
doc_number = "清政办明电〔2026〕45号"

[signature]
issuer = "清源市人民政府办公室"
date = 2026-12-10
"#;
    std::fs::write(dir.path().join("up.toml"), up).unwrap();
    let offices = [
        ("office.toml", "桐溪县人民政府办公室", "桐政办"),
        ("dept.toml", "桐溪县应急管理局", "桐应急"),
    ];
    for (file, name, code) in offices {
        let profile = format!(
            "[office]\nname = \"{name}\"\nscope = \"桐溪县\"\ndoc_code = \"{code}\"\nserial = 1\nrecipients = \"各乡镇人民政府，县直各单位\"\n"
        );
        std::fs::write(dir.path().join(file), profile).unwrap();
        let o = gongwen(
            &[
                "derive", "up.toml", "--office", file, "-o", "out", "--force",
            ],
            dir.path(),
        );
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let own = draft(&dir, "office-2026-notice.toml");
    assert!(own.contains("经县政府同意，结合桐溪县实际"), "{own}");
    let dept = draft(&dir, "dept-2026-notice.toml");
    assert!(!dept.contains("同意"), "{dept}");
}

/// A received file whose one paragraph is far longer than a spec may hold (400,000 characters)
/// is refused when it is derived from, at its field, before any work, and writes nothing: it
/// had taken 9 s to be made the county's and was refused only when the draft was checked.
#[test]
fn an_upstream_paragraph_over_the_size_limit_is_refused_before_deriving() {
    let dir = tempfile::tempdir().unwrap();
    let long = "请各地于5月15日前将材料报送市水利局。".repeat(20_000);
    let up = format!(
        "kind = \"notice\"\ntitle = \"关于做好水利工作的通知\"\nopening = \"{long}\"\n\n[signature]\nissuer = \"某市水利局\"\ndate = 2026-05-01\n"
    );
    std::fs::write(dir.path().join("up.toml"), up).unwrap();
    std::fs::write(
        dir.path().join("office.toml"),
        "[office]\nname = \"某县水利局\"\nscope = \"某县\"\n",
    )
    .unwrap();
    let o = gongwen(
        &["derive", "up.toml", "--office", "office.toml", "-o", "out"],
        dir.path(),
    );
    let said = String::from_utf8_lossy(&o.stderr);
    assert!(!o.status.success());
    assert!(
        said.contains("up.toml:3:") && said.contains("opening") && said.contains("超过上限 20000"),
        "{said}"
    );
    assert!(!dir.path().join("out").exists());
}

/// A national 卫健委办公厅 work notice pasted from its 政务公开 page (the metadata table pasted
/// with tabs, its 标题 row repeating the title), derived for a province: the metadata is page
/// furniture (it had become the mark and the title), the notice's 「报送我委医政司」 is the upper
/// office naming itself and becomes the province's own target, and the report on the 元旦
/// period due 1月5日 is not brought forward to before 元旦 (it had become 12月30日).
#[test]
fn a_gov_cn_paste_derives_for_a_province_without_its_metadata_or_the_upper_office_s_self() {
    let dir = received_and_derived(
        "pasted-weijian-gov.txt",
        "pasted-weijian-province.toml",
        &["notice"],
    );
    let (up, spec) = imported(&dir);
    assert_eq!(
        spec.title,
        "国家卫生健康委办公厅关于做好2027年元旦春节期间医疗服务保障工作的通知"
    );
    assert_eq!(
        spec.header.as_ref().unwrap().issuers,
        ["国家卫生健康委办公厅"]
    );
    for furniture in ["索引号", "索 引 号", "主题分类", "发布日期", "标　　题"] {
        assert!(!up.contains(furniture), "{furniture}: {up}");
    }
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("于2027年1月4日前将元旦期间工作情况、2027年2月22日前将春节期间工作情况报送湖南省卫生健康委员会。"),
        "{notice}"
    );
    assert!(!notice.contains("我委"), "{notice}");
}

/// A city 人社局's notice relaying the province's (关于转发《…厅关于做好…工作的通知》的通知), pasted
/// from its web page with the province's notice as an attached file, derived for a county: the
/// county relays it under the original's title (a 转发 of a 转发 is named by the original, never
/// 关于转发《…关于转发〈…〉的通知》的通知), its own notice and plan take up the original's subject
/// (not 关于转发…), and every draft cites the province's notice by its number and the city after
/// it; the addressees it writes in place of 各地 are its own units, which the draft review does
/// not take for the upper office's (a plan has no 主送 to compare with).
#[test]
fn a_relaying_notice_with_its_document_attached_derives_under_the_original_s_title() {
    let dir = received_and_derived(
        "pasted-jiuye-relay-web.txt",
        "pasted-jiuye-county-office.toml",
        &["relay", "notice", "plan"],
    );
    let original = "广东省人力资源和社会保障厅关于做好2026年高校毕业生等青年就业创业工作的通知";
    let cited =
        format!("根据《{original}》（粤人社函〔2026〕87号）和韶关市人力资源和社会保障局有关要求，");
    let title = |toml: &str| toml::from_str::<gongwen::spec::Spec>(toml).unwrap().title;
    let relay = draft(&dir, "office-2026-relay.toml");
    assert_eq!(
        title(&relay),
        format!("关于转发《{original}》的通知"),
        "{relay}"
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert_eq!(
        title(&notice),
        "乳源瑶族自治县人力资源和社会保障局关于做好2026年高校毕业生等青年就业创业工作的通知"
    );
    assert!(notice.contains(&cited), "{notice}");
    let plan = draft(&dir, "office-2026-plan.toml");
    assert_eq!(
        title(&plan),
        "乳源瑶族自治县2026年高校毕业生等青年就业创业工作方案"
    );
    assert!(plan.contains(&cited), "{plan}");
    for name in [
        "office-2026-relay.toml",
        "office-2026-notice.toml",
        "office-2026-plan.toml",
    ] {
        let path = format!("out/{name}");
        let o = gongwen(&["check", &path], dir.path());
        let said =
            String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
        assert!(o.status.success(), "{name}: {said}");
        assert!(said.contains("（0 条警告）"), "{name}: {said}");
    }
}

/// A provincial 农业农村厅's 函 to the cities (报送…储备情况的函), its text pasted from a web page
/// without its mark, derived for a county: the imported 函 has the mark of the office that
/// signed it (a 函 is known by its mark; `check` had refused it), and the county's notice is
/// titled …关于报送…情况的通知 (it was …情况的函的通知), its opening the 函's reasons with the
/// county's citation and decision, the province's request (现请你们…函告如下：) left out.
#[test]
fn a_letter_pasted_without_its_mark_imports_whole_and_derives_a_notice() {
    let dir = received_and_derived(
        "pasted-nongtian-letter-web.txt",
        "pasted-nongtian-county-office.toml",
        &["notice"],
    );
    let (up, spec) = imported(&dir);
    assert_eq!(
        spec.header.map(|h| h.issuers),
        Some(vec!["安徽省农业农村厅".to_owned()]),
        "{up}"
    );
    let o = gongwen(&["check", "up.toml"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let notice = draft(&dir, "office-2026-notice.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert_eq!(
        spec.title,
        "含山县农业农村局关于报送2026年高标准农田建设项目储备情况的通知"
    );
    assert_eq!(
        spec.opening.0,
        vec!["为做好2027年高标准农田建设项目储备工作，根据农业农村部有关要求和《安徽省农业农村厅关于报送2026年高标准农田建设项目储备情况的函》的要求，结合含山县实际，现就有关事项通知如下：".to_owned()]
    );
    assert!(
        notice.contains("于2026年6月16日前以正式文件报送含山县农业农村局"),
        "{notice}"
    );
}

/// A city office's notice printing its own 工作要点, pasted from its web page with the 要点 as a
/// file to download (关于印发《2026年嘉兴市…工作要点》的通知), derived for a county: the county's
/// notice and plan take up the 要点's subject (…关于做好2026年城乡生活垃圾分类工作的通知, 嘉善县
/// 2026年城乡生活垃圾分类工作方案; they were …关于印发《2026年嘉兴市…》的通知 and 嘉善县印发《…》
/// 工作方案), the cover gives it as its reason (为做好…工作，; it was 为印发《…》，), the relay is
/// titled after the 要点, and what the city asked in the sentence after its 印发 (各县（市、区）要
/// 于4月15日前制定…) is asked of the county's units, earlier, not dropped.
#[test]
fn a_notice_with_its_own_document_attached_derives_from_that_document_s_subject() {
    let dir = received_and_derived(
        "pasted-lajifenlei-print-web.txt",
        "pasted-lajifenlei-county-office.toml",
        &["notice", "plan", "cover", "relay"],
    );
    let spec = |name: &str| toml::from_str::<gongwen::spec::Spec>(&draft(&dir, name)).unwrap();
    let notice = spec("office-2026-notice.toml");
    assert_eq!(
        notice.title,
        "嘉善县生活垃圾分类工作领导小组办公室关于做好2026年城乡生活垃圾分类工作的通知"
    );
    let asked = notice.opening.0.join("");
    assert!(
        asked.contains("要于4月10日前制定本地区年度工作计划"),
        "{asked}"
    );
    assert!(!asked.contains("4月15日"), "{asked}");
    let plan = spec("office-2026-plan.toml");
    assert_eq!(plan.title, "嘉善县2026年城乡生活垃圾分类工作方案");
    // The 要点 itself was a file the page did not hold: the plan is an outline to fill in.
    let outline: Vec<&str> = plan.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(outline, ["工作目标", "主要任务", "工作步骤", "保障措施"]);
    assert_eq!(plan.sections[0].text.0, ["【待填写：本机关的工作目标】"]);
    let cover = spec("office-2026-cover.toml");
    assert_eq!(
        cover.opening.0,
        vec!["为做好2026年城乡生活垃圾分类工作，".to_owned()]
    );
    assert_eq!(
        spec("office-2026-relay.toml").title,
        "关于转发《2026年嘉兴市城乡生活垃圾分类工作要点》的通知"
    );
    for name in [
        "office-2026-notice.toml",
        "office-2026-plan.toml",
        "office-2026-cover.toml",
        "office-2026-relay.toml",
    ] {
        let o = gongwen(&["check", &format!("out/{name}")], dir.path());
        assert!(
            o.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// A prefecture's cover notice printing its “安全生产月” plan (关于印发《2026年黔东南州“安全生产月”
/// 活动方案》的通知, the plan after it), pasted from its web page, derived for a county: the
/// campaign is named from the plan it prints (“安全生产月”; it had been 雷山县印发《…》, giving
/// …关于开展{year}年雷山县印发《…》活动的通知); two bases the upstream's reasons join with 和
/// (国务院安委会办公室和省安委办的部署) give it up to the citation's; and what the cover asks
/// beyond its 印发 (各县（市）安委会要于5月25日前…) is asked of the county's units (it was lost).
#[test]
fn a_campaign_cover_is_derived_under_the_campaign_its_plan_names() {
    let dir = received_and_derived(
        "pasted-anquanyue-cover-web.txt",
        "pasted-anquanyue-county-office.toml",
        &["notice", "plan", "cover"],
    );
    let spec = |name: &str| toml::from_str::<gongwen::spec::Spec>(&draft(&dir, name)).unwrap();
    let notice = spec("office-2026-notice.toml");
    assert_eq!(
        notice.title,
        "雷山县安全生产委员会办公室关于开展{year}年“安全生产月”活动的通知"
    );
    assert!(
        notice.opening.0[0].contains("根据国务院安委会办公室、省安委办的部署和黔东南州"),
        "{:?}",
        notice.opening
    );
    // What the cover asked beyond its 印发 is asked of the county's units, earlier.
    assert_eq!(
        notice.closing.0,
        [
            "各乡镇安委会、县安委会各成员单位要于5月20日前将本地区活动方案报送雷山县安全生产委员会办公室，7月1日前报送活动总结。",
            "特此通知。"
        ]
    );
    assert_eq!(
        spec("office-2026-plan.toml").title,
        "雷山县{year}年“安全生产月”活动方案"
    );
    let cover = spec("office-2026-cover.toml");
    assert_eq!(
        cover.opening.0,
        vec!["为组织开展好{year}年“安全生产月”活动，".to_owned()]
    );
    // The office's cover asks it too, after its own 印发 (it was dropped).
    assert_eq!(
        cover.closing.0,
        ["各乡镇安委会、县安委会各成员单位要于5月20日前将本地区活动方案报送雷山县安全生产委员会办公室，7月1日前报送活动总结。"]
    );
}

/// A city government office's 实施意见 (…关于进一步加强农村集体“三资”管理的实施意见), pasted from
/// its web page, derived for a county government office: the notice is titled after what the
/// 意见 is about (…关于进一步加强农村集体“三资”管理的通知; it was …关于做好人民政府办公室关于进一步
/// 加强…管理的工作的通知), its opening keeps the 意见's reasons before the county's citation and
/// decision (经市政府同意，现提出如下实施意见 left out: it had stayed as a paragraph of its own;
/// the county's general office states its own government's approval instead),
/// and the plan is 梓潼县农村集体“三资”管理工作方案.
#[test]
fn an_opinion_derives_a_notice_about_its_subject() {
    let dir = received_and_derived(
        "pasted-sanzi-opinion-web.txt",
        "pasted-sanzi-county-office.toml",
        &["notice", "plan"],
    );
    let spec = |name: &str| toml::from_str::<gongwen::spec::Spec>(&draft(&dir, name)).unwrap();
    let notice = spec("office-2026-notice.toml");
    assert_eq!(
        notice.title,
        "梓潼县人民政府办公室关于进一步加强农村集体“三资”管理的通知"
    );
    assert_eq!(
        notice.opening.0,
        ["为进一步规范农村集体资金、资产、资源（以下简称“三资”）管理，保障农村集体经济组织成员合法权益，根据《绵阳市人民政府办公室关于进一步加强农村集体“三资”管理的实施意见》的要求，经县政府同意，结合梓潼县实际，现就有关事项通知如下："]
    );
    assert_eq!(
        spec("office-2026-plan.toml").title,
        "梓潼县农村集体“三资”管理工作方案"
    );
}

/// A city 委办's 基层减负 督查调研 notice (a party organ's work notice, pasted from its web page)
/// derived for a county 委办: the steps the city's offices take (市委督查室会同市纪委监委…,
/// 汇总…报市委) are the county's own offices' steps, and a deadline in working days of each month
/// comes earlier in working days.
#[test]
fn a_party_office_s_work_notice_becomes_the_county_s_own_steps_and_deadlines() {
    let dir = received_and_derived(
        "pasted-jianfu-party-web.txt",
        "pasted-jianfu-county-office.toml",
        &["notice", "plan"],
    );
    for name in ["office-2026-notice.toml", "office-2026-plan.toml"] {
        let toml = draft(&dir, name);
        for want in [
            "县委督查室会同县纪委监委、县委组织部等单位组成3个督查调研组",
            "县委督查室汇总督查调研情况，形成专题报告报县委，",
            // Due after the self-inspection it reports on (自查自纠（6月10日至7月10日）), not
            // on its last day: the first working day after it.
            "于7月13日前报县委督查室",
            "要于每月倒数第四个工作日前报送",
        ] {
            assert!(toml.contains(want), "{name}: {want}\n{toml}");
        }
        assert!(!toml.contains("市委督查室"), "{name}\n{toml}");
        let said = checked_draft(&dir, &format!("out/{name}"));
        assert!(said.contains("（0 条警告）"), "{name}: {said}");
    }
}

/// A provincial work notice printed by LibreOffice whose stages are dated headings
/// (动员部署阶段（2026年12月上旬—12月15日）。 over a paragraph), derived for a county bureau:
/// the stages are headings, and the county's begin with its draft (2026-12-07) and end three
/// working days before the province's, each the day after the one before; the province acting
/// after a condition, its contact and its mailbox are the county's.
#[test]
fn a_work_notice_s_dated_stages_become_the_county_s_with_its_own_dates() {
    let dir = received_and_derived(
        "anpai-province-libreoffice.pdf",
        "anpai-county-office.toml",
        &["notice", "plan"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    let stages = [
        "动员部署阶段（2026年12月7日—12月10日）。",
        "自查自纠阶段（12月11日—2027年1月6日）。",
        "督导检查阶段（2027年1月7日—1月27日）。",
        "总结提升阶段（2027年1月28日—2月17日）。",
    ];
    for want in stages {
        assert!(
            notice.contains(&format!("heading = \"{want}\"")),
            "{want}\n{notice}"
        );
    }
    for want in [
        "，县教育局将予以通报批评",
        "发送至县教育局安全股电子邮箱xtxjyjaqg@163.com。",
        "结合湘潭县实际，决定自2026年12月上旬",
        "会同县公安局、县市场监管局、县消防救援大队组成联合督导组",
    ] {
        assert!(notice.contains(want), "{want}\n{notice}");
    }
    for gone in [
        "省教育厅将",
        "省教育厅安全",
        "省消防",
        "谭志刚",
        "学校学校",
        "12月15日）",
    ] {
        assert!(!notice.contains(gone), "{gone}\n{notice}");
    }
    let plan = draft(&dir, "office-2026-plan.toml");
    assert!(plan.contains(stages[0]), "{plan}");
    // The plan's one form is its 附件 under its label 附件1, as seed 001's list.
    assert!(plan.contains("label = \"附件1\""), "{plan}");
}

/// A city government office's 春运 notice copied from its web page, derived by a county bureau
/// and by the county government's office: the city's departments given tasks are the county's
/// in both, and `check` tells the bureau, not the government's office, that it cannot give its
/// peers orders (县公安局要…).
#[test]
fn a_bureau_s_draft_giving_its_peers_orders_is_reported_and_the_government_office_s_is_not() {
    let bureau = received_and_derived(
        "pasted-chunyun-chromium.txt",
        "pasted-chunyun-county-bureau.toml",
        &["notice"],
    );
    let said = checked_draft(&bureau, "out/office-2026-notice.toml");
    for peer in ["县公安局", "县气象局", "县商务局"] {
        assert!(
            said.contains(&format!("不能向同级的{peer}部署工作")),
            "{peer}\n{said}"
        );
    }
    assert!(!said.contains("县交通运输局部署"), "{said}");
    let office = received_and_derived(
        "pasted-chunyun-chromium.txt",
        "pasted-chunyun-county-office.toml",
        &["notice"],
    );
    let said = checked_draft(&office, "out/office-2026-notice.toml");
    assert!(!said.contains("部署工作"), "{said}");
    let notice = draft(&office, "office-2026-notice.toml");
    assert!(notice.contains("经县政府同意"), "{notice}");
}

/// A county government office's 烟花爆竹 notice copied from a 公众号 post, derived by a township
/// government under the county (攸县鸾山镇, whose name holds the county's 县): the county's
/// 各乡镇人民政府（街道办事处） are the township's units whole, parenthesis and all, and `check`
/// reports the county's bureaus given tasks (县公安局要…) as the upper level's.
#[test]
fn a_township_s_draft_takes_the_county_s_addressees_whole_and_is_told_of_county_bureaus() {
    let dir = received_and_derived(
        "pasted-yanhua-post.txt",
        "pasted-yanhua-township-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("各村（社区）、镇直各单位要落实属地管理责任"),
        "{notice}"
    );
    assert!(!notice.contains("单位）"), "{notice}");
    let said = checked_draft(&dir, "out/office-2026-notice.toml");
    for county in ["县应急管理局", "县公安局"] {
        assert!(
            said.contains(&format!("上级机关“{county}”")),
            "{county}\n{said}"
        );
    }
}

/// A ministry's holiday notice copied from a central government page and relayed by a county
/// bureau: the relay asks its units, in its own words, for what the ministry asks — its dates
/// earlier (the year said where it is not the draft's) and its time limits for reporting an
/// accident (30分钟内电话报告、1小时内书面报告) — to the county bureau, not the ministry.
#[test]
fn a_relay_passes_on_the_upstream_s_reporting_time_limits_as_the_county_s() {
    let dir = received_and_derived(
        "pasted-jieri-govcn.txt",
        "pasted-jieri-county-office.toml",
        &["relay"],
    );
    let relay = draft(&dir, "office-2026-relay.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&relay).unwrap();
    let closing = common::relay_asks(&spec).join("");
    assert!(
        closing.contains("30分钟内电话报告、1小时内书面报告县应急管理局指挥中心"),
        "{closing}"
    );
    assert!(closing.contains("2027年2月"), "{closing}");
    assert!(!closing.contains("应急管理部"), "{closing}");
}

/// A joint national 爱国卫生月 notice saved as DOCX by LibreOffice, whose title names the
/// campaign's edition (第38个) instead of its year, derived for a district 卫生健康局: the
/// campaign is found from its 活动时间, every level's 爱卫会 is the district's own, and the
/// ministry's department a report went to goes with the ministry.
#[test]
fn a_campaign_titled_by_its_edition_is_found_and_its_committees_are_the_district_s() {
    let dir = received_and_derived(
        "aiwei-joint-libreoffice.docx",
        "aiwei-district-office.toml",
        &["notice", "plan"],
    );
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    let spec: gongwen::spec::Spec = toml::from_str(&up).unwrap();
    let c = spec.campaign.expect("campaign");
    assert_eq!(c.name.as_deref(), Some("爱国卫生月"));
    assert_eq!(
        (c.start.to_string(), c.end.to_string()),
        ("2026-04-01".into(), "2026-04-30".into())
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    for want in [
        "芦淞区爱卫会要加强统筹协调",
        "于5月12日前将活动总结报送株洲市芦淞区卫生健康局，电子版",
    ] {
        assert!(notice.contains(want), "{want}\n{notice}");
    }
    assert!(
        !notice.contains("各地爱卫会") && !notice.contains("规划司"),
        "{notice}"
    );
    // The campaign's period in the inherited 活动时间 moves with the edition of another year.
    let plan = draft(&dir, "office-2026-plan.toml");
    let mut spec: gongwen::spec::Spec = toml::from_str(&plan).unwrap();
    assert!(gongwen::spec::year::apply(&mut spec, Some(2027)).is_empty());
    let when = spec
        .sections
        .iter()
        .find(|s| s.heading == "活动时间")
        .expect("活动时间");
    assert_eq!(when.text.0, ["2027年4月1日至30日。"], "{plan}");
    // So do the year and the edition the notice opens with (the edition read from the title).
    assert_eq!(c.edition, Some(38));
    let mut spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert!(gongwen::spec::year::apply(&mut spec, Some(2027)).is_empty());
    assert!(
        spec.opening.0[0].starts_with("2027年4月是第39个爱国卫生月。"),
        "{:?}",
        spec.opening
    );
    for name in ["office-2026-notice.toml", "office-2026-plan.toml"] {
        let said = checked_draft(&dir, &format!("out/{name}"));
        assert!(!said.contains("draft-review"), "{name}: {said}");
    }
}

/// A provincial 教育厅's work notice printed to PDF by LibreOffice, derived for a county 教育局:
/// its （一） headings typed on lines of their own with a full stop stay headings alike, the
/// e-mail address after a line break keeps no reader's space, and the province's spot check
/// with its fellow departments becomes the county's with its own (县公安局, 部分单位).
#[test]
fn a_provincial_work_notice_printed_by_libreoffice_becomes_the_county_s_own() {
    let dir = received_and_derived(
        "kaixue-province-libreoffice.pdf",
        "kaixue-county-office.toml",
        &["notice", "plan"],
    );
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    let spec: gongwen::spec::Spec = toml::from_str(&up).unwrap();
    let heads: Vec<&str> = spec.sections[0]
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(
        heads,
        [
            "校舍和设施设备安全。",
            "食品和饮用水安全。",
            "校车和交通安全。"
        ],
        "{up}"
    );
    assert!(up.contains("发送至邮箱scjyt_aqc@163.com。"), "{up}");
    let notice = draft(&dir, "office-2026-notice.toml");
    for want in [
        "县教育局将会同县公安局、县市场监管局组成联合检查组，于9月上旬对部分单位进行抽查。",
        "于9月15日（星期二）前将检查工作总结",
        "检查范围为全县各级各类中小学校",
    ] {
        assert!(notice.contains(want), "{want}\n{notice}");
    }
    for name in ["office-2026-notice.toml", "office-2026-plan.toml"] {
        let said = checked_draft(&dir, &format!("out/{name}"));
        assert!(!said.contains("draft-review"), "{name}: {said}");
    }
    // One level down: the county's notice, printed by gongwen and received by a township's
    // central school (its place is a 镇: a township's level though its name starts with the
    // county), names the school's own units where the county named its whole 主送.
    let o = gongwen(
        &["render", "out/office-2026-notice.toml", "-o", "county"],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    std::fs::copy(
        fixtures.join("kaixue-township-office.toml"),
        dir.path().join("township.toml"),
    )
    .unwrap();
    for args in [
        vec![
            "import",
            "county/office-2026-notice.pdf",
            "-o",
            "county.toml",
        ],
        vec![
            "derive",
            "county.toml",
            "--office",
            "township.toml",
            "-o",
            "town",
        ],
    ] {
        let o = gongwen(&args, dir.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    let town = std::fs::read_to_string(dir.path().join("town/township-2026-notice.toml")).unwrap();
    assert!(
        town.contains("镇属各村小、幼儿园对照检查重点全面开展自查"),
        "{town}"
    );
    assert!(!town.contains("各乡镇中心学校"), "{town}");
    // The county's joint inspection (屏山县教育局将会同县公安局…) is not the school's to make
    // with the county's police: the only finding the clerk is shown.
    let said = checked_draft(&dir, "town/township-2026-notice.toml");
    let reviewed: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("draft-review"))
        .collect();
    assert!(
        reviewed.len() == 1 && reviewed[0].contains("上级机关“县公安局”"),
        "{said}"
    );
}

/// A city government office's 印发 notice with its 行动方案, shared in a 公众号 post and pasted,
/// derived for a county government office: the account's name above the byline is no mark,
/// the plan's 牵头单位 and the city's 领导小组 are the county's, and the city's telephone after
/// a report target goes with it.
#[test]
fn a_city_plan_shared_in_a_post_becomes_the_county_s_plan_with_its_own_responsible_offices() {
    let dir = received_and_derived(
        "pasted-renju-post.txt",
        "renju-county-office.toml",
        &["cover", "plan", "notice"],
    );
    // The city's approval (经市政府同意，) is the city's: the county's notice does not open so.
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("经市政府同意"), "{notice}");
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    let spec: gongwen::spec::Spec = toml::from_str(&up).unwrap();
    let header = spec.header.expect("header");
    assert_eq!(header.issuers, ["宁德市人民政府办公室"], "{up}");
    for name in ["office-2026-cover.toml", "office-2026-plan.toml"] {
        let toml = draft(&dir, name);
        for want in [
            "（牵头单位：县住建局；配合单位：县农业农村局、县生态环境局）",
            "（牵头单位：县农业农村局；配合单位：县卫健委）",
            "县城乡人居环境整治提升工作领导小组统筹推进全县工作",
            "将工作进展情况报送霞浦县人民政府办公室。",
        ] {
            assert!(toml.contains(want), "{name}: {want}\n{toml}");
        }
        assert!(
            !toml.contains("0593-2872365") && !toml.contains("市住建局"),
            "{toml}"
        );
        let said = checked_draft(&dir, &format!("out/{name}"));
        assert!(said.contains("（0 条警告）"), "{name}: {said}");
    }
}

/// A provincial 应急管理厅's 征求意见 letter pasted from its web page, derived for a city 应急管理局:
/// 各设区市应急管理局 (a city's level, though 设区市 holds 区) are the city's counties, the
/// province naming itself (我厅起草了…) is named as the province, its decision (现印发给你们) gives
/// way to the city's, and its contact person and telephone go.
#[test]
fn a_province_s_letter_asking_for_comments_becomes_the_city_s_notice() {
    let dir = received_and_derived(
        "pasted-zhengqiu-letter-web.txt",
        "zhengqiu-city-office.toml",
        &["notice", "plan", "cover", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    for want in [
        "省应急管理厅起草了《江西省生产安全事故应急预案管理实施细则（征求意见稿）》，根据《",
        "请各县（区）应急管理局、市安委会有关成员单位组织",
        "请于9月15日前将书面意见",
    ] {
        assert!(notice.contains(want), "{want}\n{notice}");
    }
    // The draft it asks comments on is the province's, attached under its own title.
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    let annexes: Vec<&str> = spec.annexes.iter().map(|a| a.title.as_str()).collect();
    assert_eq!(
        annexes,
        ["江西省生产安全事故应急预案管理实施细则（征求意见稿）"]
    );
    for gone in ["我厅", "现印发给你们", "张明", "0791-88761234", "各设区市"] {
        assert!(!notice.contains(gone), "{gone}\n{notice}");
    }
    for name in [
        "office-2026-notice.toml",
        "office-2026-plan.toml",
        "office-2026-cover.toml",
    ] {
        let said = checked_draft(&dir, &format!("out/{name}"));
        assert!(said.contains("（0 条警告）"), "{name}: {said}");
    }
}

/// A plan has no signature: `check` reviews it as the office of the profile it was derived for
/// (its peers given orders, its deadlines), as it does the office's notice; and a unit the
/// profile names among those the office directs may be given tasks.
#[test]
fn a_plan_is_reviewed_as_its_office_s_and_units_the_profile_directs_may_be_given_tasks() {
    let dir = received_and_derived(
        "pasted-chunyun-chromium.txt",
        "pasted-chunyun-county-bureau.toml",
        &["notice", "plan"],
    );
    let said = checked_draft(&dir, "out/office-2026-plan.toml");
    for peer in ["县公安局", "县商务局"] {
        assert!(
            said.contains(&format!("万载县交通运输局不能向同级的{peer}部署工作")),
            "{peer}\n{said}"
        );
    }
    let office = dir.path().join("office.toml");
    let profile = std::fs::read_to_string(&office).unwrap().replace(
        "recipients = \"各乡镇交通运输管理站，",
        "recipients = \"各乡镇交通运输管理站，县商务局，",
    );
    std::fs::write(&office, profile).unwrap();
    let said = checked_draft(&dir, "out/office-2026-plan.toml");
    assert!(said.contains("不能向同级的县公安局部署工作"), "{said}");
    assert!(!said.contains("不能向同级的县商务局"), "{said}");
}

/// A city 财政局's work notice copied whole from its web page (Chromium, page furniture and
/// all; tests/fixtures/import/pasted-juesuan-chromium.html): the download list under 相关附件
/// (附件1.….xls), the buttons run together (打印本页关闭窗口) and the 相关稿件： list are the
/// page's; a task that opens an item (各单位报送决算时，一并填报《…》（附件1）。) is no run-in
/// heading; the county's plan stands as 附件1 of its notice, its two forms after it (附件2, 附件3,
/// as the text cites them), without an 附件说明 of its own (the notice announces them all).
#[test]
fn a_pasted_finance_notice_leaves_the_page_s_lists_and_its_plan_labels_only_its_forms() {
    let dir = received_and_derived(
        "pasted-juesuan-chromium.txt",
        "pasted-juesuan-county-office.toml",
        &["plan"],
    );
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    for gone in [
        ".xls",
        "打印本页",
        "相关稿件",
        "2025-12-03",
        "heading = \"各单位报送决算时",
    ] {
        assert!(!up.contains(gone), "{gone}\n{up}");
    }
    assert!(up.contains("text = \"各单位报送决算时，一并填报《"), "{up}");
    let plan = draft(&dir, "office-2026-plan.toml");
    assert_eq!(plan.matches("[[annexes]]").count(), 2, "{plan}");
    assert!(plan.contains("\nlabel = \"附件1\""), "{plan}");
    let spec: gongwen::spec::Spec = toml::from_str(&plan).unwrap();
    let doc = gongwen::compose::compose(&spec);
    let labels: Vec<&str> = doc.annexes.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["附件2", "附件3"]);
    assert!(doc.parts[0].annex_note.is_empty());
    assert!(!plan.contains("（附件1）"), "{plan}");
}

/// A city's 专项行动 pasted from its web page, derived for a district: the action is dated as a
/// campaign (its four stages keep their order and dates, inside the action's period) but drafted
/// as a work notice: the plan is the 实施方案 the city asks each district to make (not
/// 「专项行动活动方案」), with no 活动安排 to fill in
/// and no default 准备/实施/总结 stages beside the upstream's own; the plan printed after the
/// cover names no 主送.
#[test]
fn an_action_campaign_derives_as_a_work_plan_with_its_own_stages() {
    let dir = received_and_derived(
        "pasted-qianxin-metadata-web.txt",
        "pasted-qianxin-district-office.toml",
        &["plan", "cover", "notice"],
    );
    let plan = draft(&dir, "office-2026-plan.toml");
    let cover = draft(&dir, "office-2026-cover.toml");
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        plan.contains("title = \"鄞州区2026年冬季根治欠薪专项行动实施方案\""),
        "{plan}"
    );
    for draft in [&plan, &cover, &notice] {
        for wrong in [
            "活动方案",
            "活动安排",
            "准备阶段",
            "实施阶段",
            "【待填写：本地",
        ] {
            assert!(!draft.contains(wrong), "{wrong}: {draft}");
        }
        // Its days of the new year move with the edition (`--year`).
        assert!(
            draft.contains("总结提升阶段（{next_year}年2月5日—2月10日）"),
            "{draft}"
        );
    }
    let spec: gongwen::spec::Spec = toml::from_str(&cover).unwrap();
    assert_eq!(spec.enclosure.expect("plan").recipients, None, "{cover}");
    for name in ["plan", "cover", "notice"] {
        let path = format!("out/office-2026-{name}.toml");
        let report = checked_draft(&dir, &path);
        assert!(report.contains("检查通过"), "{report}");
    }
}

/// A relay passes the upstream on as it is, its 附注 too: the province's 此件主动公开 prints
/// under the relayed notice's date, not lost with the relaying office's own notes.
#[test]
fn a_relay_keeps_the_relayed_notice_s_notes() {
    let dir = received_and_derived(
        "anpai-province-libreoffice.pdf",
        "anpai-county-office.toml",
        &["relay"],
    );
    let relay = draft(&dir, "office-2026-relay.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&relay).unwrap();
    let relayed = spec.enclosure.expect("the relayed notice");
    assert_eq!(relayed.notes, ["此件主动公开"], "{relay}");
    let doc = gongwen::compose::compose(&{
        let mut s = toml::from_str::<gongwen::spec::Spec>(&relay).unwrap();
        s.enclosure.as_mut().unwrap().contacts =
            Some("联系人：省厅某处 张三，电话：0871-65123478".into());
        s
    });
    let notes: Vec<String> = doc.parts[1]
        .notes
        .iter()
        .map(|p| p.spans.iter().map(|s| s.text.as_str()).collect())
        .collect();
    assert_eq!(
        notes,
        [
            "（联系人：省厅某处 张三，电话：0871-65123478）",
            "（此件主动公开）"
        ]
    );
}

/// An office whose profile names its 印发机关 and 抄送机关 gets its 版记 on its notice and
/// its relay, printed on the 成文日期; its plan (an annex of the notice) has none.
#[test]
fn a_profile_s_printer_and_copies_make_the_draft_s_colophon() {
    let dir = received_and_derived(
        "anpai-province-libreoffice.pdf",
        "anpai-county-office.toml",
        &[],
    );
    let office = dir.path().join("office.toml");
    let profile = std::fs::read_to_string(&office).unwrap().replace(
        "sealed = true",
        "sealed = true\nprinter = \"湘潭县教育局办公室\"\ncc = [\"湘潭市教育局\", \"县人民政府办公室\"]",
    );
    std::fs::write(&office, profile).unwrap();
    for as_ in ["notice", "relay", "plan"] {
        let args = [
            "derive",
            "up.toml",
            "--office",
            "office.toml",
            "--as",
            as_,
            "-o",
            "out",
        ];
        let o = gongwen(&args, dir.path());
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    }
    for as_ in ["notice", "relay"] {
        let text = draft(&dir, &format!("office-2026-{as_}.toml"));
        let spec: gongwen::spec::Spec = toml::from_str(&text).unwrap();
        let colophon = spec.colophon.expect("a colophon");
        assert_eq!(colophon.printer.as_deref(), Some("湘潭县教育局办公室"));
        assert_eq!(colophon.cc, ["湘潭市教育局", "县人民政府办公室"]);
        assert_eq!(colophon.print_date, Some(spec.signature.unwrap().date));
    }
    let plan: gongwen::spec::Spec = toml::from_str(&draft(&dir, "office-2026-plan.toml")).unwrap();
    assert!(plan.colophon.is_none());
}

/// A relay asks its units for what the upstream asks to be reported within a time limit; a
/// limit that names no one to report to (要在2小时内报告。) is to be reported to the office.
#[test]
fn a_relay_asks_its_units_to_report_within_a_time_limit_to_the_office() {
    let dir = received_and_derived(
        "pasted-qianxin-metadata-web.txt",
        "pasted-qianxin-district-office.toml",
        &["relay"],
    );
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay);
    assert!(
        asks.iter()
            .any(|p| p.ends_with("要在2小时内报告区人力资源和社会保障局劳动关系科。")),
        "{asks:?}"
    );
}

/// A ministry's work notice (a LibreOffice DOCX) relayed by a province that asks for the same
/// reports sooner (4月27日 for the ministry's 4月30日, each quarter's 22日 for its 25日), then
/// received by a county as the province's PDF: the county's dates come before the province's.
/// The county had asked its units for the form on the day the province wanted it.
#[test]
fn a_county_deriving_from_a_province_s_relay_sets_its_dates_before_the_province_s() {
    let dir = received_and_derived(
        "nongye-ministry-libreoffice.docx",
        "nongye-province-office.toml",
        &["relay"],
    );
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import");
    std::fs::copy(
        fixtures.join("nongye-county-office.toml"),
        dir.path().join("county.toml"),
    )
    .unwrap();
    let province = std::fs::read_to_string(dir.path().join("out/office-2026-relay.toml")).unwrap();
    assert!(province.contains("2027年4月27日前"), "{province}");
    let runs: [&[&str]; 4] = [
        &[
            "render",
            "out/office-2026-relay.toml",
            "-o",
            "pdf",
            "--format",
            "pdf",
        ],
        &["import", "pdf/office-2026-relay.pdf", "-o", "up2.toml"],
        &[
            "derive",
            "up2.toml",
            "--office",
            "county.toml",
            "--as",
            "notice",
            "-o",
            "out2",
        ],
        &[
            "derive",
            "up2.toml",
            "--office",
            "county.toml",
            "--as",
            "relay",
            "-o",
            "out2",
        ],
    ];
    for args in runs {
        let o = gongwen(args, dir.path());
        assert!(
            o.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
    let notice = std::fs::read_to_string(dir.path().join("out2/county-2026-notice.toml")).unwrap();
    for want in ["2027年4月22日前", "每季度末月19日前"] {
        assert!(notice.contains(want), "no {want}:\n{notice}");
    }
    for upper in ["4月27日前", "4月30日前", "末月22日前", "末月25日前"] {
        assert!(!notice.contains(upper), "{upper} kept:\n{notice}");
    }
    // The relay passes the ministry's notice on word for word; its own requests are the
    // county's, before the province's.
    let relay: gongwen::spec::Spec = toml::from_str(
        &std::fs::read_to_string(dir.path().join("out2/county-2026-relay.toml")).unwrap(),
    )
    .unwrap();
    let asked = common::relay_asks(&relay).concat();
    for want in ["2027年4月22日前", "每季度末月19日前"] {
        assert!(asked.contains(want), "no {want}: {asked}");
    }
}

/// A provincial joint 安全生产月 notice saved as Word saves it (numbering.xml, styles, a red
/// joint mark as a table) derived into a county's plan: the upstream's dated phases are its
/// 时间安排, not doubled by a default one (准备阶段 after 动员部署阶段), and its one-day
/// 总结评估阶段 prints one date.
#[test]
fn a_plan_keeps_the_upstream_s_dated_phases_as_its_one_schedule() {
    let dir = received_and_derived(
        "anquanyue-joint-numbered-word.docx",
        "anquanyue-county-office.toml",
        &["plan"],
    );
    let plan: gongwen::spec::Spec = toml::from_str(&draft(&dir, "office-2027-plan.toml")).unwrap();
    fn with_phases(list: &[gongwen::spec::Section]) -> Vec<&gongwen::spec::Section> {
        list.iter()
            .flat_map(|s| {
                let mut v: Vec<&gongwen::spec::Section> =
                    (!s.phases.is_empty()).then_some(s).into_iter().collect();
                v.extend(with_phases(&s.sections));
                v
            })
            .collect()
    }
    let schedules = with_phases(&plan.sections);
    assert_eq!(schedules.len(), 1, "{:#?}", plan.sections);
    let names: Vec<&str> = schedules[0]
        .phases
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(names, ["动员部署阶段", "集中开展阶段", "总结评估阶段"]);
    let doc = gongwen::compose::compose(&plan);
    let text: String = doc
        .parts
        .iter()
        .flat_map(|p| &p.body)
        .flat_map(|p| &p.spans)
        .map(|s| s.text.as_str())
        .collect();
    assert!(text.contains("总结评估阶段（2027年7月1日）"), "{text}");
}

/// A provincial 防灭火 work notice copied as text from its web portal, where the page prints its
/// title again under the 发文字号: 主送 is the addressees alone (the title was glued to them, and
/// the relay printed it so); the county's daily report comes before the province's hour and
/// goes to the county office, not to the province's 防火处 (向…报送 names its target before
/// the verb).
#[test]
fn a_portal_s_repeated_title_stays_out_of_the_recipients_and_the_daily_report_comes_earlier() {
    let dir = received_and_derived(
        "pasted-fanghuo-portal-chromium.txt",
        "fanghuo-county-office.toml",
        &["notice", "relay"],
    );
    let (_, up) = imported(&dir);
    assert_eq!(
        up.recipients.as_deref(),
        Some("各市（州）林业和草原主管部门，各国有林场管理局（中心）")
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    for want in ["每日14时前", "报送当日火情"] {
        assert!(notice.contains(want), "{want}\n{notice}");
    }
    for gone in [
        "每日16时前",
        "省林草局森林草原防火处",
        "各国有林场管理局（中心）",
    ] {
        assert!(!notice.contains(gone), "{gone}\n{notice}");
    }
    let relay = draft(&dir, "office-2027-relay.toml");
    assert!(
        !relay.contains("的通知各市（州）"),
        "the relayed 主送 is the addressees alone\n{relay}"
    );
}

/// A provincial 统计 work notice received as an OFD written as a commercial exporter writes one
/// (text objects per run, fonts by name, a stamp annotation): the county's opening cites the
/// province beside the national basis, before the purpose, not as a second 根据 after it; a
/// report whose name holds 报 (年报数据质量自查报告报送省统计局…) and one addressed with 向 go
/// to the county office.
#[test]
fn a_handmade_ofd_work_notice_gives_one_basis_and_every_report_to_the_county() {
    let dir = received_and_derived(
        "tongji-province-handmade.ofd",
        "tongji-county-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("视频会议精神和《湖南省统计局关于做好2026年统计年报和2027年定期统计报表布置工作的通知》（湘统发〔2026〕41号）要求，为确保我县"),
        "{notice}"
    );
    assert_eq!(notice.matches("根据").count(), 1, "{notice}");
    for gone in ["报送省统计局", "向省统计局报告"] {
        assert!(!notice.contains(gone), "{gone}\n{notice}");
    }
    // 省统计局负责…；各市州统计局负责…；各县市区统计局负责…: the county's part alone.
    assert!(
        notice.contains("县直有关部门负责对全部调查对象进行培训。"),
        "{notice}"
    );
    assert!(!notice.contains("市州统计局业务骨干"), "{notice}");
    let relay = draft(&dir, "office-2026-relay.toml");
    let closing = relay.split("[enclosure]").next().unwrap();
    assert!(!closing.contains("报送省统计局"), "{closing}");
}

/// A joint city notice of 人社 and 住建 made with python-docx, derived for a district: its
/// leaders are 区级, and the unit that gathers the reports (区劳动保障监察大队, whose office's
/// 监察大队 they go to) is not told to report to itself.
#[test]
fn a_district_s_draft_names_its_own_leaders_and_its_collector_reports_to_no_one() {
    let dir = received_and_derived(
        "qianxin-joint-python-docx.docx",
        "qianxin-district-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(notice.contains("实行区级领导包案化解"), "{notice}");
    assert!(!notice.contains("县级领导"), "{notice}");
    for sentence in notice.split('。') {
        let to_itself = sentence.contains("报送区人社局劳动保障监察大队")
            && sentence.contains("区劳动保障监察大队、");
        assert!(!to_itself, "{sentence}");
    }
}

/// A joint city notice written in Markdown and made a DOCX by pandoc (a black mark with a soft
/// break between the two offices, the signature one office a paragraph, flush left), derived
/// for a district: both offices are read in the mark and the signature (the spec passes
/// `check`, so the clerk can derive at all); the city leaders' own visits go; the units acting
/// for the city's counties are the district's 乡镇 and 街道, not its service centre.
#[test]
fn a_pandoc_joint_notice_imports_both_offices_and_derives_the_district_s_own() {
    let dir = received_and_derived(
        "tuiyi-joint-pandoc.docx",
        "tuiyi-district-office.toml",
        &["notice"],
    );
    let (up, spec) = imported(&dir);
    let both = ["绵阳市退役军人事务局", "绵阳市财政局"];
    assert_eq!(spec.header.as_ref().unwrap().issuers, both, "{up}");
    assert_eq!(spec.signature.as_ref().unwrap().issuers, both, "{up}");
    let checked = checked_draft(&dir, "up.toml");
    assert!(!checked.contains("错误"), "{checked}");
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("市委、市政府领导将"), "{notice}");
    assert!(
        notice.contains("各乡镇人民政府、街道办事处要高度重视"),
        "{notice}"
    );
    assert!(!notice.contains("服务中心要"), "{notice}");
    // The townships check the list without the district's finance bureau (会同区财政局).
    assert!(
        notice.contains("各乡镇人民政府、街道办事处要逐人核实"),
        "{notice}"
    );
}

/// A joint city 全国科普日 notice copied from its portal page in Chromium (a blank line between
/// paragraphs, the page's 政务公开 rows, a list of related articles with their dates on lines of
/// their own), derived for a county: the title is the document's own with its three offices,
/// the 主送 holds no title, the three offices sign, no row of the page is an issuer and no
/// article an annex's text; a national day keeps its name (攸县…开展2027年全国科普日活动, not
/// 攸县科普日), its form is the county's and is cited by its new title; the city 科协 acting
/// (市科协将…) is the county's; the relay asks its reports with 请, the daily one too.
#[test]
fn a_portal_copy_of_a_national_day_notice_derives_the_county_s_own_day() {
    let dir = received_and_derived(
        "pasted-kepu-portal-chromium.txt",
        "kepu-county-office.toml",
        &["notice", "plan", "relay"],
    );
    let (up, spec) = imported(&dir);
    assert_eq!(
        spec.title,
        "株洲市科学技术协会 株洲市科学技术局 株洲市教育局关于举办2027年全国科普日株洲市系列活动的通知"
    );
    assert!(
        spec.recipients
            .as_deref()
            .unwrap()
            .starts_with("各县市区科协"),
        "{up}"
    );
    let three = ["株洲市科学技术协会", "株洲市科学技术局", "株洲市教育局"];
    assert_eq!(spec.header.as_ref().unwrap().issuers, three, "{up}");
    assert_eq!(spec.signature.as_ref().unwrap().issuers, three, "{up}");
    assert!(
        !up.contains("相关稿件") && !up.contains("2027-05-22"),
        "{up}"
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("title = \"攸县科学技术协会关于开展{year}年全国科普日活动的通知\""),
        "{notice}"
    );
    assert!(
        notice.contains("《2027年全国科普日攸县系列活动申报表》"),
        "{notice}"
    );
    assert!(!notice.contains("株洲市系列活动申报表"), "{notice}");
    assert!(!notice.contains("市科协将"), "{notice}");
    // The county's own level named alone (各县市区结合实际…) is its units (three offices,
    // too long to repeat in each sentence: 各单位).
    assert!(notice.contains("各单位结合实际设立分场活动"), "{notice}");
    let plan = draft(&dir, "office-2027-plan.toml");
    assert!(
        plan.contains("title = \"攸县{year}年全国科普日活动方案\""),
        "{plan}"
    );
    let relay = draft(&dir, "office-2027-relay.toml");
    let asks = relay.split("[enclosure]").next().unwrap();
    assert!(asks.contains("每日15时前"), "{asks}");
    assert!(asks.contains("请各单位于9月27日"), "{asks}");
}

/// A provincial 全国土地日 notice as an exchange system's OFD (a text object per printed line,
/// embedded fonts, a seal), derived for a district two levels below: the quoted national day
/// is named as the province names it, the district before the year in the plan's title; the
/// province's web site (厅门户网站) is the district office's; the district's own sections
/// (局机关各股室) are not among the units the province's cities become; the preparation does
/// not start before the draft.
#[test]
fn an_ofd_of_lines_names_a_quoted_national_day_as_the_province_does() {
    let dir = received_and_derived(
        "tudi-province-lines.ofd",
        "tudi-district-office.toml",
        &["notice", "plan", "relay"],
    );
    // The contact's name ends a line of the OFD and the number opens the next: one space.
    let (up, _) = imported(&dir);
    assert!(up.contains("王志强 028-87036215"), "{up}");
    // What the relay passes on is asked: 请…于…前将宣传方案报送….
    let relay = draft(&dir, "office-2027-relay.toml");
    assert!(relay.contains("于6月11日前将宣传方案报送"), "{relay}");
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("关于开展{year}年“全国土地日”主题宣传活动的通知"),
        "{notice}"
    );
    assert!(!notice.contains("厅门户网站"), "{notice}");
    assert!(notice.contains("将在本局门户网站"), "{notice}");
    assert!(!notice.contains("股室要"), "{notice}");
    let plan = draft(&dir, "office-2027-plan.toml");
    assert!(
        plan.contains("title = \"叙州区{year}年“全国土地日”主题宣传活动方案\""),
        "{plan}"
    );
    let spec: gongwen::spec::Spec = toml::from_str(&plan).unwrap();
    let prepare = spec
        .sections
        .iter()
        .flat_map(|s| &s.phases)
        .find(|p| p.name == "准备阶段")
        .expect("a 准备阶段");
    let dated = toml::from_str::<gongwen::spec::Spec>(&notice)
        .unwrap()
        .signature
        .unwrap()
        .date;
    assert!(prepare.start >= dated, "{plan}");
}

/// A provincial 质量月 notice made a DOCX by LibreOffice (its headings numbered by the list),
/// derived for a county under a city: 全省每个县（市、区）至少… is 全县至少…, once.
#[test]
fn a_quota_for_each_county_of_the_province_is_the_county_s_once() {
    let dir = received_and_derived(
        "zhiliang-province-libreoffice.docx",
        "zhiliang-county-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(notice.contains("全县至少组织开展1次"), "{notice}");
    assert!(!notice.contains("全县全县"), "{notice}");
}

/// A provincial 医保 work notice printed by an OA system with the non-embedded STSong-Light
/// (reportlab), derived for a county: the units that stand for the province's cities are the
/// county's 乡镇 and its development zone, not the county's fund centre, and 各市不得… is theirs.
#[test]
fn a_non_embedded_font_pdf_derives_with_the_county_s_places_as_its_units() {
    let dir = received_and_derived(
        "yibao-province-reportlab.pdf",
        "yibao-county-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("各乡镇人民政府、舒城经济开发区管委会不得擅自调整个人缴费标准"),
        "{notice}"
    );
    assert!(!notice.contains("各市不得"), "{notice}");
    assert!(!notice.contains("基金管理中心要"), "{notice}");
}

/// `check` reviews a draft against the upstream its provenance names from the draft's own
/// folder, not against a file of that name the working directory happens to reach (a clerk's
/// earlier, broken import one folder up).
#[test]
fn a_draft_is_reviewed_against_the_upstream_beside_it_not_one_the_working_directory_reaches() {
    let dir = received_and_derived(
        "tongji-province-handmade.ofd",
        "tongji-county-office.toml",
        &[],
    );
    let round = dir.path().join("round2");
    std::fs::create_dir(&round).unwrap();
    for f in ["up.toml", "office.toml"] {
        std::fs::copy(dir.path().join(f), round.join(f)).unwrap();
    }
    std::fs::write(dir.path().join("up.toml"), "[这不是上级来文").unwrap();
    let args = [
        "derive",
        "up.toml",
        "--office",
        "office.toml",
        "--as",
        "notice",
        "-o",
        "out",
    ];
    let o = gongwen(&args, &round);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let o = gongwen(&["check", "out/office-2026-notice.toml"], &round);
    let said =
        String::from_utf8_lossy(&o.stderr).into_owned() + &String::from_utf8_lossy(&o.stdout);
    assert!(!said.contains("找不到上级来文"), "{said}");
}

/// A provincial health commission's work notice copied out of a PDF viewer (python-docx →
/// LibreOffice → pdftotext without -layout), derived for a county 卫生健康局 whose units are
/// three kinds of bodies: each sentence names them 各单位, not the whole 主送 again; a report the
/// province takes at its 总值班室 goes to the county office's duty desk, not to the section
/// that takes the other reports; the relay asks its units' reports as numbered items after a
/// request that leads to them, in the order they fall due.
#[test]
fn a_pdf_viewer_copy_of_a_health_notice_derives_the_county_s_numbered_asks_and_duty_desk() {
    let dir = received_and_derived(
        "pasted-huxi-pdf-viewer.txt",
        "huxi-county-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    // The units are bodies, not places: their own is 本单位.
    assert!(
        notice.contains("各单位要结合本单位实际，制定本单位2027—2028年"),
        "{notice}"
    );
    assert!(
        !notice.contains("社区卫生服务中心、县直各医疗卫生单位要"),
        "{notice}"
    );
    assert!(
        notice.contains("1小时内书面报告县卫生健康局值班室"),
        "{notice}"
    );
    assert!(notice.contains("报送县卫生健康局疾控股"), "{notice}");
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2027-relay.toml")).unwrap();
    assert_eq!(
        relay.transmit.as_deref(),
        Some("请结合实际认真贯彻执行，并做好以下工作：")
    );
    assert!(relay.closing.0.is_empty(), "{:?}", relay.closing);
    assert!(relay.sections.iter().all(|s| s.heading.is_empty()));
    let asks = common::relay_asks(&relay);
    let at = |w: &str| {
        asks.iter()
            .position(|a| a.contains(w))
            .unwrap_or_else(|| panic!("{w}: {asks:?}"))
    };
    // By the earliest date each names: the weekly report from 11月1日 first; one naming none
    // (the duty desk's time limit) after the ask the upstream has before it (the duty roster).
    assert!(at("每周一12时前") < at("2027年12月21日前"), "{asks:?}");
    assert!(at("2027年12月21日前") < at("1小时内书面报告"), "{asks:?}");
    assert!(at("1小时内书面报告") < at("2028年4月5日前"), "{asks:?}");
    // The form it names is the relayed notice's: the relay has none of its own.
    assert!(
        asks[at("每周一12时前")].contains("（见省卫生健康委员会通知附件）"),
        "{asks:?}"
    );
    assert!(
        asks[at("1小时内书面报告")].contains("县卫生健康局值班室"),
        "{asks:?}"
    );
}

/// A ministry's work notice printed by Chromium from its portal (dizai-ministry-chromium.pdf),
/// derived for a county bureau three levels below: the ministry naming itself by its last word
/// (部将适时派出工作组) is the bureau acting; of two time limits, the one to the ministry's
/// centre goes to the bureau's section, the one to its 应急办 (an emergency office, taking
/// reports at any hour) to the bureau's duty desk; a monthly report (每月5日前) comes to 每月3日前,
/// not into 元旦, 劳动节 or 国庆节; the task of a body the ministry addresses by name
/// (中国地质调查局要…) is not the county's units'; the relay's asks point at the relayed
/// notice's form (格式见自然资源部通知附件).
#[test]
fn a_ministry_s_work_notice_printed_from_its_portal_derives_the_county_s_own_tasks() {
    let dir = received_and_derived(
        "dizai-ministry-chromium.pdf",
        "dizai-county-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(notice.contains("县自然资源局将适时派出工作组"), "{notice}");
    assert!(!notice.contains("部将"), "{notice}");
    assert!(
        notice.contains(
            "1小时内电话报告县自然资源局地质灾害防治股，2小时内书面报告县自然资源局值班室；"
        ),
        "{notice}"
    );
    assert!(notice.contains("每月3日前"), "{notice}");
    assert!(!notice.contains("每月2日前"), "{notice}");
    assert!(!notice.contains("中国地质调查局要"), "{notice}");
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2027-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay).concat();
    assert!(asks.contains("（格式见自然资源部通知附件）"), "{asks}");
    assert!(!asks.contains("中国地质调查局"), "{asks}");
}

/// A joint provincial 宪法宣传周 notice written with fpdf2 (xianfa-joint-fpdf2.pdf), derived for a
/// district bureau (clerk trial h12): the province's launch, which asks the levels below to hold
/// theirs (各市、县（市、区）要同步组织启动活动), is the district's own event to fill in, not
/// dropped with the province's ceremony; the province's office acting is the bureau by its short
/// name (区司法局将…); a draft without a 发文顺序号 prints no invented 1号 and `check` says so;
/// the relay's one ask follows its request in the transmitting paragraph, not a lone 一、; the
/// plan's preparation starts with the draft where the units' plans are due before it would.
#[test]
fn a_launch_the_province_asks_the_levels_below_to_hold_is_the_district_s_own_event() {
    let dir = received_and_derived(
        "xianfa-joint-fpdf2.pdf",
        "xianfa-district-office.toml",
        &["notice", "plan", "relay"],
    );
    // The units' plans are due (11月20日) before the default preparation would start: it starts
    // with the draft.
    let plan = draft(&dir, "office-2026-plan.toml");
    assert!(
        plan.contains("name = \"准备阶段\"\nstart = 2026-11-13\nend = 2026-11-30"),
        "{plan}"
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("heading = \"举办全区“宪法宣传周”启动仪式。\""),
        "{notice}"
    );
    assert!(
        notice.contains("【待填写：本级活动的时间、地点和参加人员】。各乡镇（街道）司法所、区直各单位要同步组织启动活动"),
        "{notice}"
    );
    assert!(!notice.contains("在杭州市"), "{notice}");
    assert!(
        notice.contains("区司法局将对组织有力、参与人数多的单位予以通报表扬"),
        "{notice}"
    );
    assert!(!notice.contains("丽水市莲都区司法局将"), "{notice}");
    assert!(notice.contains("serial = 0"), "{notice}");
    let said = checked_draft(&dir, "out/office-2026-notice.toml");
    assert!(
        said.lines()
            .any(|l| l.contains("header.doc_number.serial") && l.contains("尚未编号")),
        "{said}"
    );
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    assert!(relay.sections.is_empty(), "{:?}", relay.sections);
    let transmit = relay.transmit.unwrap_or_default();
    assert!(
        transmit
            .starts_with("请结合实际认真贯彻执行。请各乡镇（街道）司法所、区直各单位于11月20日前"),
        "{transmit}"
    );
}

/// A city 住建局 notice copied from its WeChat article on a phone (ranqi-city-wechat.txt: the
/// ledger's head a cell a line), derived for a county bureau (clerk trial h13): the head is a
/// row of eight columns with its two fields; the gas firms both offices address stay themselves
/// (各城镇燃气经营企业对照排查…); a weekly report whose start was its first Friday starts on the
/// Thursday it is now due; the relay asks in the profile's words (its substitutions) and asks
/// the summary the city asked with no target of the county's units, to the county's desk.
#[test]
fn a_wechat_copy_of_a_city_notice_derives_the_county_s_own_reports() {
    let dir = received_and_derived(
        "ranqi-city-wechat.txt",
        "ranqi-county-office.toml",
        &["notice", "plan", "relay"],
    );
    // The plan opens as the notice does: the city's purpose and both bases before its own words.
    let plan: gongwen::spec::Spec = toml::from_str(&draft(&dir, "office-2026-plan.toml")).unwrap();
    let opening = plan.opening.0.concat();
    assert!(
        opening.starts_with("为深入贯彻落实")
            && opening.contains("皖建城函〔2026〕517号")
            && opening.contains("合建〔2026〕186号")
            && opening.ends_with("制定本方案。"),
        "{opening}"
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    let annex = &up.annexes[0];
    let columns: Vec<&str> = annex.columns.iter().map(|c| c.title.as_str()).collect();
    assert_eq!(
        columns,
        [
            "序号",
            "隐患所在单位",
            "隐患类别",
            "隐患具体描述",
            "整改措施",
            "责任人",
            "整改时限",
            "整改状态"
        ]
    );
    assert_eq!(annex.fields.len(), 2, "{annex:?}");
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("各城镇燃气经营企业对照排查重点"),
        "{notice}"
    );
    assert!(notice.contains("自2026年12月10日起"), "{notice}");
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay).concat();
    assert!(!asks.contains("区住房城乡建设（燃气管理）部门"), "{asks}");
    assert!(
        asks.contains("请各乡镇人民政府、县开发区管委会于2027年3月22日前将“回头看”工作总结"),
        "{asks}"
    );
    assert!(asks.contains("报送县住房城乡建设局城建股。"), "{asks}");
}

/// A provincial 民政厅 notice written with PyMuPDF (jiuzhu-province-pymupdf.pdf: its page numbers
/// extract as —\u{a0}1\u{a0}—), derived for a county bureau two levels below (clerk trial h14):
/// no page number inside a paragraph; a report to the province's section named after its last
/// word (报送厅社会救助处) goes to the county's; the places' purse (列入各地财政预算) is the
/// county's; 省辖市 is a level (the county inspects its own units); the places alone are the
/// townships, not the county's 福利中心 beside them.
#[test]
fn a_pymupdf_notice_of_a_province_derives_the_county_s_reports_and_purse() {
    let dir = received_and_derived(
        "jiuzhu-province-pymupdf.pdf",
        "jiuzhu-county-office.toml",
        &["notice", "relay"],
    );
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    assert!(!up.contains("— 1 —") && !up.contains("— 2 —"), "{up}");
    assert!(up.contains("导致基本生活陷入困境的群众"), "{up}");
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("厅社会救助处"), "{notice}");
    assert!(notice.contains("报送县民政局社会救助股"), "{notice}");
    assert!(notice.contains("所需资金列入县级财政预算"), "{notice}");
    assert!(!notice.contains("省辖市"), "{notice}");
    assert!(
        notice.contains("各乡镇人民政府（街道办事处）要于2026年11月25日前对分散供养特困人员"),
        "{notice}"
    );
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay).concat();
    assert!(asks.contains("报送县民政局社会救助股"), "{asks}");
    // The address said after the ask goes with it, the office's.
    assert!(
        asks.contains("材料电子版发送至gsxmzjshjg@163.com。"),
        "{asks}"
    );
}

/// A city's notice in an OA template (weiwen-city-oa-template.docx: header and signature in
/// borderless tables), derived for a district bureau (clerk trial h15): a telephone number the
/// inherited text still gives (…发送至…，联系电话：025-83521136) is the upper office's and becomes
/// the district's from its profile's contacts; the places' leaderships (各区党委、政府) are the
/// district's own (区委、区政府), not its service stations.
#[test]
fn an_oa_template_notice_derives_the_district_s_telephone_and_leadership() {
    let dir = received_and_derived(
        "weiwen-city-oa-template.docx",
        "weiwen-district-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("025-83521136"), "{notice}");
    assert!(notice.contains("联系电话：025-58861027"), "{notice}");
    assert!(
        notice.contains("区委、区政府分管负责同志要带队"),
        "{notice}"
    );
    assert!(!notice.contains("各区党委"), "{notice}");
    // The city's duty desk's number is the district's duty desk's, which the profile cannot
    // give: to fill in, not dropped.
    assert!(
        notice.contains("值班室（电话：【待填写：本机关的值班电话】）"),
        "{notice}"
    );
}

/// A provincial 全民健身日 notice pasted from an online editor as Markdown
/// (jianshen-province-markdown.txt: # title, ## headings, **run-in heads**, a pipe table), read
/// as the printed page (clerk trial h16): no mark left, four 一、 headings, the campaign's period
/// from its 活动时间 (7月下旬至8月中旬), the form a table of its columns; the summary due after
/// the campaign, brought forward, stays after it.
#[test]
fn a_markdown_paste_is_read_as_the_printed_notice() {
    let dir = received_and_derived(
        "jianshen-province-markdown.txt",
        "jianshen-county-office.toml",
        &["notice"],
    );
    let text = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    assert!(!text.contains("**") && !text.contains("##"), "{text}");
    let up: gongwen::spec::Spec = toml::from_str(&text).unwrap();
    assert_eq!(up.title, "湖北省体育局关于开展2027年“全民健身日”活动的通知");
    let headings: Vec<&str> = up.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["活动主题", "活动时间", "主要活动", "工作要求"]);
    let c = up.campaign.as_ref().unwrap();
    assert_eq!(
        (c.start.to_string(), c.end.to_string()),
        ("2027-07-21".into(), "2027-08-20".into())
    );
    assert_eq!(up.annexes[0].columns.len(), 7, "{:?}", up.annexes[0]);
    let notice = draft(&dir, "office-2027-notice.toml");
    // The summary due after the campaign (8月25日, the campaign to 8月20日) is not brought into
    // it: the first working day after it.
    assert!(notice.contains("8月23日前将活动总结"), "{notice}");
    let marked = notice
        .lines()
        .filter(|l| !l.starts_with('#'))
        .any(|l| l.contains('#') || l.contains("**"));
    assert!(!marked, "{notice}");
}

/// A provincial archive's 函 printed by LibreOffice (dangan-letter-libreoffice.pdf), derived for
/// a county archive (clerk trial h17): the province's own online training (我馆定于…在线举办全省…
/// 培训) goes, with the sentences arranging who attends it and the section left empty by them.
#[test]
fn an_upper_office_s_own_training_goes_with_its_attendance() {
    let dir = received_and_derived(
        "dangan-letter-libreoffice.pdf",
        "dangan-county-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("培训，通过"), "{notice}");
    assert!(!notice.contains("参训"), "{notice}");
    assert!(!notice.contains("heading = \"业务培训\""), "{notice}");
    // The relay asks no name list for that training; its paper copy is asked of the units.
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay).concat();
    assert!(!asks.contains("参训"), "{asks}");
    assert!(
        asks.contains("请县级各机关事业单位、各乡镇人民政府将纸质年报表和分析报告"),
        "{asks}"
    );
}

/// A province's 印发 notice whose plan is printed as 附件 after the signature
/// (choujian-province-python-docx.docx: 省局制定了《…实施方案》，现印发给你们), derived for a
/// district two levels below (clerk trial h22): the import reads it as a cover notice with its
/// plan, the plan's table as an annex; the district's plan is the province's made its own, of
/// the same kind (实施方案), not an empty outline with the province's plan behind it; the
/// province's per-city form rows are left blank; its 主送 written with 「、」 and 「，」 is the
/// district's units.
#[test]
fn a_notice_printing_a_plan_as_its_annex_derives_the_office_s_own_plan_of_that_kind() {
    let dir = received_and_derived(
        "choujian-province-python-docx.docx",
        "choujian-district-office.toml",
        &["notice", "plan", "relay"],
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    assert_eq!(up.kind, gongwen::spec::DocKind::Cover);
    let e = up.enclosure.as_ref().expect("the printed plan");
    assert_eq!(e.title, "2027年陕西省食品安全抽检监测实施方案");
    let headings: Vec<&str> = e.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(headings, ["工作目标", "抽检任务", "时间安排", "工作要求"]);
    assert_eq!(up.annexes.len(), 1);
    assert_eq!(up.annexes[0].rows.len(), 13);
    assert!(
        up.opening.0.concat().ends_with("计划，"),
        "{:?}",
        up.opening
    );
    let plan = draft(&dir, "office-2027-plan.toml");
    // The province's reasons go on into the district's citation; its figures are to fill in.
    assert!(
        plan.contains("2027年食品安全抽检监测计划和陕西省市场监督管理局《2027年陕西省食品安全抽检监测实施方案》"),
        "{plan}"
    );
    assert!(
        plan.contains("不少于【待填写：本区的数量（上级来文为19.2万）】批次"),
        "{plan}"
    );
    assert!(
        plan.contains("凤翔区2027年食品安全抽检监测实施方案"),
        "{plan}"
    );
    assert!(!plan.contains("【待填写：本机关的"), "{plan}");
    assert!(plan.contains("具体见附件2"), "{plan}");
    assert!(
        !plan.contains("西安市") && plan.contains("\"合计\""),
        "{plan}"
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(!notice.contains("韩城市市场监管局"), "{notice}");
    let relay = draft(&dir, "office-2027-relay.toml");
    assert!(relay.contains("请各市场监管所于2027年12月7日前"), "{relay}");
}

/// A province's school-safety notice printed from its web page by Chromium
/// (xiaoan-province-chromium-page.pdf), derived for a county-level city (clerk trial h18): 各地
/// 各校 is all the office's units (not 市各校), listed with 「、」 in the sentence although the
/// profile parts them with 「，」; the relay asks the units to finish the 全覆盖检查 by the
/// office's date; the 防溺水 summary due after the action
/// (2027年3月1日至11月30日) stays after it when brought forward; 公开方式：主动公开 is a note,
/// not a line of the annex's form.
#[test]
fn places_and_schools_are_the_office_s_units_and_a_summary_stays_after_its_action() {
    let dir = received_and_derived(
        "xiaoan-province-chromium-page.pdf",
        "xiaoan-county-office.toml",
        &["notice", "relay"],
    );
    let relay = draft(&dir, "office-2027-relay.toml");
    assert!(
        relay.contains(
            "各镇（街）教育办要于2027年2月16日前完成对辖区内中小学校、幼儿园的全覆盖检查"
        ),
        "{relay}"
    );
    let up = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    assert!(up.contains("notes = [\"公开方式：主动公开\"]"), "{up}");
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(!notice.contains("市各校"), "{notice}");
    assert!(
        notice.contains("各镇（街）教育办、市直属各学校、各民办学校要在开学前"),
        "{notice}"
    );
    assert!(
        notice.contains("2027年12月1日前将防溺水专项行动工作总结"),
        "{notice}"
    );
    assert!(!notice.contains("公开方式"), "{notice}");
}

/// A province's weekly progress report (自10月9日起…每周五前) received as an OFD written the way
/// Suwell-like writers do (qiudong-province-suwell-like.ofd), derived for a county dated 10月8日
/// (clerk trial h19): due on Thursdays, it starts the first Thursday after the draft.
#[test]
fn a_weekly_report_starts_on_the_week_s_due_day_after_the_draft() {
    let dir = received_and_derived(
        "qiudong-province-suwell-like.ofd",
        "qiudong-county-office.toml",
        &["notice", "relay"],
    );
    for name in ["office-2026-notice.toml", "office-2026-relay.toml"] {
        let toml = draft(&dir, name);
        assert!(toml.contains("自10月15日起"), "{name}\n{toml}");
        assert!(toml.contains("每周四前"), "{name}\n{toml}");
    }
}

/// A city health commission's 爱眼日 notice with Word's automatic numbering, saved again by
/// LibreOffice (aiyan-city-autonumbered-libreoffice.docx), relayed by a district (clerk trial
/// h20): 委疾控处 is the commission's desk, so the relay asks the district's units to report to
/// the district's desk; the body's 第32个全国“爱眼日” gives the campaign's edition.
#[test]
fn a_commission_s_desk_named_by_wei_is_its_desk_and_the_relay_asks_the_reports() {
    let dir = received_and_derived(
        "aiyan-city-autonumbered-libreoffice.docx",
        "aiyan-district-office.toml",
        &["relay"],
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    assert_eq!(up.campaign.and_then(|c| c.edition), Some(32));
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2027-relay.toml")).unwrap();
    let asks = common::relay_asks(&relay).concat();
    assert!(
        asks.contains("前将活动方案报送区卫生健康局疾病预防控制科"),
        "{asks}"
    );
    assert!(!asks.contains("委疾控处"), "{asks}");
}

/// A county-level city's fire-prevention notice copied as text from a PDF viewer, both ways
/// pdftotext copies (senlin-city-viewer-raw.txt, senlin-city-viewer-layout.txt), derived for a
/// street office (clerk trial h21): the 值班表's head copied on one line is its columns again,
/// its date field keeps its blanks, and the city's own drill (市应急管理局要于11月20日前…) keeps
/// its date in the street's notice.
#[test]
fn a_head_copied_on_one_line_is_a_form_again_and_another_office_s_date_stays() {
    for received in [
        "senlin-city-viewer-raw.txt",
        "senlin-city-viewer-layout.txt",
    ] {
        let dir = received_and_derived(received, "senlin-street-office.toml", &["notice"]);
        let up: gongwen::spec::Spec =
            toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
        let form = up.annexes.last().expect("the 值班表");
        let columns: Vec<&str> = form.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(
            columns,
            [
                "序号",
                "值班日期",
                "带班领导",
                "职务",
                "值班人员",
                "联系电话",
                "备注"
            ],
            "{received}"
        );
        assert_eq!(form.fields[1].value, "　　年　　月　　日", "{received}");
        let notice = draft(&dir, "office-2026-notice.toml");
        assert!(
            notice.contains("市应急管理局要于2026年11月20日前组织开展"),
            "{received}\n{notice}"
        );
    }
}

/// A provincial government office's 印发 notice whose measures follow its signature without a
/// 附件 label, received as a PDF rewritten by Ghostscript (yingshang-province-ghostscript.pdf),
/// derived for a district government office (clerk trial h23): a wrapped line that starts 一次”
/// before a bracketed （责任单位：…、…） is no annex of names, so all twelve measures stay in the
/// printed document; a 若干措施 is a document of its own (no 印发 in the district's titles); the
/// relay transmits with the district government's approval as the province's was.
#[test]
fn measures_printed_after_the_signature_stay_whole_and_the_relay_carries_the_approval() {
    let dir = received_and_derived(
        "yingshang-province-ghostscript.pdf",
        "yingshang-district-office.toml",
        &["notice", "plan", "relay"],
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    let e = up.enclosure.as_ref().expect("the measures");
    assert_eq!(e.sections.len(), 12, "{:?}", e.sections);
    assert!(up.annexes.is_empty(), "{:?}", up.annexes);
    let notice = draft(&dir, "office-2027-notice.toml");
    let plan = draft(&dir, "office-2027-plan.toml");
    for toml in [&notice, &plan] {
        let title = toml.lines().find(|l| l.starts_with("title")).unwrap();
        assert!(!title.contains("印发"), "{title}");
    }
    let relay = draft(&dir, "office-2027-relay.toml");
    assert!(relay.contains("opening = \"经区政府同意，\""), "{relay}");
}

/// A provincial 通报 copied from its article page in Chromium (tongbao-province-chromium-copy.txt:
/// the statistics table comes as tab-separated rows), for a city bureau (clerk trial h24): the
/// table is an annex (见附件), so the imported spec checks and derives; a 通报 gives no plan;
/// the relay's one ask follows the profile's request, the units listed with 「、」; its items
/// numbered 1. directly under 四、 stay 1. in the relayed text.
#[test]
fn a_pasted_bulletin_s_table_is_an_annex_and_a_bulletin_gives_no_plan() {
    let dir = received_and_derived(
        "tongbao-province-chromium-copy.txt",
        "tongbao-city-office.toml",
        &["relay"],
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    assert_eq!(up.kind, gongwen::spec::DocKind::Bulletin);
    let table = up.annexes.first().expect("the statistics table");
    assert_eq!(table.rows.len(), 15, "{:?}", table.rows);
    assert!(table.title.ends_with("统计表"), "{}", table.title);
    let said = checked_draft(&dir, "up.toml");
    assert!(said.contains("（0 条警告）"), "{said}");
    let o = gongwen(
        &[
            "derive",
            "up.toml",
            "--office",
            "office.toml",
            "--as",
            "plan",
            "-o",
            "plan",
        ],
        dir.path(),
    );
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("上级来文是通报") && err.contains("--as relay"),
        "{err}"
    );
    assert!(!dir.path().join("plan").exists());
    // The relay's one ask follows its request, the units listed with 「、」.
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    assert!(relay.sections.is_empty(), "{:?}", relay.sections);
    let transmit = relay.transmit.unwrap_or_default();
    assert!(
        transmit.contains("请各县市区应急管理局、岳阳经开区、南湖新区、屈原管理区安监部门于"),
        "{transmit}"
    );
    // 四、下步要求 numbers its items 1. 2. 3., as the relayed text must.
    let next_steps =
        |sections: &[gongwen::spec::Section]| -> Vec<Option<gongwen::spec::Numbering>> {
            let s = sections.iter().find(|s| s.heading.contains("下步要求"));
            s.expect("下步要求")
                .sections
                .iter()
                .map(|s| s.numbering)
                .collect()
        };
    let arabic = Some(gongwen::spec::Numbering::Arabic);
    assert_eq!(next_steps(&up.sections), [arabic; 3]);
    let relayed = relay.enclosure.as_ref().expect("the relayed bulletin");
    assert_eq!(next_steps(&relayed.sections), [arabic; 3]);
}

/// A joint notice of three city bodies in an OFD written a character per text object, as ofdrw
/// writes (butie-joint-ofdrw-like.ofd), derived for a district (clerk trial h25): the amounts
/// table in its body is an annex after the monthly form, which the body now cites as 附件1
/// (标准如下表： → 标准见附件2。); the district cites the three issuers before the title, joined
/// by 、; the relay's own request leads to its numbered asks.
#[test]
fn a_joint_notice_is_cited_after_its_issuers_and_its_body_table_is_an_annex() {
    let dir = received_and_derived(
        "butie-joint-ofdrw-like.ofd",
        "butie-district-office.toml",
        &["notice", "relay"],
    );
    let text = std::fs::read_to_string(dir.path().join("up.toml")).unwrap();
    assert!(text.contains("2027年残疾人两项补贴标准见附件2。"), "{text}");
    // The profile's own request leads to the relay's numbered asks.
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2027-relay.toml")).unwrap();
    assert!(relay.sections.len() >= 2, "{:?}", relay.sections);
    let transmit = relay.transmit.unwrap_or_default();
    assert!(transmit.ends_with("，并做好以下工作："), "{transmit}");
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    assert_eq!(up.annexes.len(), 2, "{:?}", up.annexes);
    assert_eq!(up.annexes[1].columns.len(), 3, "{:?}", up.annexes[1]);
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("根据杭州市民政局、杭州市财政局、杭州市残疾人联合会《关于做好2027年"),
        "{notice}"
    );
}

/// A national notice written by a ReportLab-like OA system with the non-embedded CID font
/// STSong-Light (anquan-national-stsong-reportlab.pdf), derived for a province's 安委办 (clerk
/// trial h26): 各省级安委会办公室 is replaced whole (it had left 「公室」 behind); the ministry's
/// duty desk a report goes to, in the sentence or in brackets, is the province's, its telephone
/// the duty desk's to fill in (not the contact's); the places' committees keep 本地区; the relay
/// asks the daily report of its units; the province's 明电 is marked with its name alone and as
/// urgent as the 特急 it passes on.
#[test]
fn an_upper_duty_desk_is_the_office_s_with_its_own_number_to_fill_in() {
    let dir = received_and_derived(
        "anquan-national-stsong-reportlab.pdf",
        "anquan-province-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("公室要"), "{notice}");
    assert!(!notice.contains("应急管理部总值班室"), "{notice}");
    assert!(
        notice.contains("报送省应急管理厅总值班室")
            && notice.contains("（省应急管理厅总值班室，电话：【待填写：本机关的值班电话】）"),
        "{notice}"
    );
    assert!(notice.contains("本地区督导检查"), "{notice}");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    let header = spec.header.as_ref().unwrap();
    assert_eq!(header.mark_suffix.as_deref(), Some(""));
    assert_eq!(header.urgency.as_deref(), Some("特急"));
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    assert!(
        asks.iter()
            .any(|a| a.contains("每日14时前") && a.contains("省应急管理厅总值班室")),
        "{asks:?}"
    );
}

/// A city notice published as a web page and made a DOCX by pandoc (qianxin-city-pandoc.docx),
/// derived for a county-level city (clerk trial h27): 各辖市、区 (江苏's name for a city's
/// county-level cities and districts) is the office's units; the relay asks the summary a
/// stage's text asks without a target, and cites the relayed notice's annex by the city's full
/// name (市人力资源和社会保障局 would read as the county-level city's own).
#[test]
fn a_jiangsu_city_s_places_are_the_units_and_the_relay_asks_the_summary() {
    let dir = received_and_derived(
        "qianxin-city-pandoc.docx",
        "qianxin-county-city-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(!notice.contains("各辖市"), "{notice}");
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    assert!(
        asks.iter()
            .any(|a| a.contains("前将专项行动工作总结报送市人社局劳动保障监察大队")),
        "{asks:?}"
    );
    assert!(
        asks.iter()
            .any(|a| a.contains("（见常州市人力资源和社会保障局通知附件）")),
        "{asks:?}"
    );
}

/// A provincial notice in an OFD written as Foxit's writer does (a TextObject per line run, a
/// scaling CTM, fonts by name only: wenlv-province-foxit-like.ofd), derived for a city bureau
/// (clerk trial h28): the duty room's telephone and fax are the office's duty room's to fill in,
/// not its contact's desk phone; the counties' bureaus are places (本地 stays); the relay asks
/// the dated inspection the units are to finish.
#[test]
fn a_duty_room_s_phone_and_fax_are_left_to_fill_in_and_a_dated_task_is_relayed() {
    let dir = received_and_derived(
        "wenlv-province-foxit-like.ofd",
        "wenlv-city-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains(
            "值班室报告（电话：【待填写：本机关的值班电话】，传真：【待填写：本机关的传真号码】）"
        ),
        "{notice}"
    );
    assert!(notice.contains("本地文化和旅游市场运行"), "{notice}");
    // With the office's own duty telephone and fax in its profile, they are filled in.
    let profile = std::fs::read_to_string(dir.path().join("office.toml")).unwrap();
    let own = profile.replacen(
        "[office]\n",
        "[office]\nduty_phone = \"0717-6253400\"\nfax = \"0717-6253401\"\n",
        1,
    );
    std::fs::write(dir.path().join("own.toml"), own).unwrap();
    let o = gongwen(
        &[
            "derive", "up.toml", "--office", "own.toml", "--as", "notice", "-o", "own",
        ],
        dir.path(),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let filled = std::fs::read_to_string(dir.path().join("own/own-2026-notice.toml")).unwrap();
    assert!(
        filled.contains("（电话：0717-6253400，传真：0717-6253401）"),
        "{filled}"
    );
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    assert!(
        asks.iter()
            .any(|a| a.contains("于2027年1月20日前对辖区内5A级、4A级旅游景区开展")),
        "{asks:?}"
    );
}

/// A county notice pasted into a chat and copied from it (bairi-county-chat-copy.txt: the
/// sender and time above it, replies after it, paragraphs run together with a space), derived
/// for a township (clerk trial h29): the chat's lines go (no mark 「王芳12-0809:14」); each
/// paragraph run onto another's line is its own (四 一、 headings, 一、行动时间 with its dates
/// apart, which make the campaign); the county's counts in the township's target sentence are
/// left to fill in and the city's ranking stays the city's (全市前三位, not 全镇); the relay
/// asks the summary a stage asks without a target.
#[test]
fn a_notice_copied_from_a_chat_reads_as_its_paragraphs_and_its_counts_are_the_township_s_to_fill() {
    let dir = received_and_derived(
        "bairi-county-chat-copy.txt",
        "bairi-township-office.toml",
        &["notice", "relay"],
    );
    let up: gongwen::spec::Spec =
        toml::from_str(&std::fs::read_to_string(dir.path().join("up.toml")).unwrap()).unwrap();
    let offices = up.offices();
    assert!(offices.iter().all(|o| !o.contains("王芳")), "{offices:?}");
    let headings: Vec<&str> = up.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        ["行动时间", "目标任务", "整治重点", "时间安排", "工作要求"]
    );
    let focus: Vec<(&str, usize)> = up.sections[2]
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.sections.len()))
        .collect();
    assert_eq!(
        focus,
        [
            ("农村生活垃圾治理", 2),
            ("农村生活污水治理", 2),
            ("农村厕所管护", 2),
            ("村容村貌提升", 3)
        ]
    );
    let campaign = up.campaign.as_ref().expect("行动时间 gives the campaign");
    assert_eq!(
        (campaign.start.to_string(), campaign.end.to_string()),
        ("2026-12-10".to_owned(), "2027-03-20".to_owned())
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("全镇【待填写：本镇的数量（上级来文为183个）】个行政村"),
        "{notice}"
    );
    assert!(notice.contains("进入全市前三位"), "{notice}");
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    assert!(
        asks.iter()
            .any(|a| a.contains("前将行动工作总结报送镇农业农村办")),
        "{asks:?}"
    );
}

/// A joint 两办 notice whose mark and number stand in text frames (weiwen-joint-frames.docx,
/// LibreOffice's DOCX of an ODT template), derived for a district's 两办 (a profile whose mark
/// names both offices; clerk trial h30): the draft's title and signature name both, its
/// opening and the relay's carry 经区委、区政府同意 for the upstream's 经市委、市政府同意, two upper
/// mailboxes made the office's one are named once (no 分别…和…), and the relay names the two
/// issuers of the notice whose annex it cites.
#[test]
fn a_joint_office_titles_and_signs_with_both_and_carries_both_organs_approval() {
    let dir = received_and_derived(
        "weiwen-joint-frames.docx",
        "weiwen-district-joint-office.toml",
        &["notice", "relay", "cover"],
    );
    let cover = draft(&dir, "office-2026-cover.toml");
    assert!(cover.contains("工作，经区委、区政府同意，\"\n"), "{cover}");
    let notice: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-notice.toml")).unwrap();
    let both = ["中共绍兴市上虞区委办公室", "绍兴市上虞区人民政府办公室"];
    assert!(
        notice.title.starts_with(&both.join("　")),
        "{}",
        notice.title
    );
    let signature = notice.signature.as_ref().unwrap();
    assert_eq!(signature.issuers, both);
    let text = draft(&dir, "office-2026-notice.toml");
    assert!(text.contains("经区委、区政府同意，"), "{text}");
    assert!(!text.contains("分别发送至"), "{text}");
    let relay = draft(&dir, "office-2026-relay.toml");
    assert!(relay.contains("经区委、区政府同意，"), "{relay}");
    assert!(
        relay.contains("见市委办公室、市人民政府办公室通知附件"),
        "{relay}"
    );
}

/// A provincial 共青团 committee's campaign (tuanwei-province-docxjs.docx, written by the npm
/// `docx` package with Word's automatic numbering), derived for a city's 团委 (clerk trial h33):
/// 团省委 is how the province's organisation is written, so its desks (团省委学校部, 团省委宣传部)
/// are the upper office's and the reports go to the city's desk, and 团省委将… is the city's.
#[test]
fn a_people_s_organisation_s_short_name_is_the_upper_office() {
    let dir = received_and_derived(
        "tuanwei-province-docxjs.docx",
        "tuanwei-city-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(notice.contains("报送团市委学校部。"), "{notice}");
    assert!(notice.contains("报告团市委学校部。"), "{notice}");
    assert!(notice.contains("团市委将择优推荐"), "{notice}");
    assert!(!notice.contains("团省委宣传部"), "{notice}");
}

/// A province's work notice printed by WeasyPrint (daqi-province-weasyprint.pdf), derived for
/// a city bureau's county branch (clerk trial h35): the branch writes itself 寿光分局, not as the
/// city bureau (市生态环境局寿光分局将…); the contact line cut before its e-mail at the PDF's
/// line end is one line, the upper office's contact, so no stray e-mail is left behind; a
/// deadline in the carried form's cell comes earlier as the body's does.
#[test]
fn a_branch_writes_itself_by_its_own_name_and_no_contact_half_is_left() {
    let dir = received_and_derived(
        "daqi-province-weasyprint.pdf",
        "daqi-branch-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(notice.contains("寿光分局将组织开展"), "{notice}");
    assert!(!notice.contains("市生态环境局寿光分局将"), "{notice}");
    // The form's deadline comes earlier with the body's (12月15日 → 12月10日).
    assert!(notice.contains("\"12月10日前全覆盖检查\""), "{notice}");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    let stray = gongwen::spec::texts::texts(&spec)
        .into_iter()
        .filter(|(_, t)| t.trim_end_matches('。').ends_with(".gov.cn") && t.chars().count() < 40)
        .count();
    assert_eq!(stray, 0, "{notice}");
}

/// Reports at any hour go to the office's duty desk at its duty telephone: a 值班电话 in the
/// upper office's text (senlin-province-chromium-page.pdf, h32) is the profile's duty_phone,
/// not its contact's; an upper office's 应急办 (chunyun-province-image-mark.ofd, an OFD whose
/// red mark is a picture, h36) is its duty desk.
#[test]
fn a_duty_telephone_and_an_emergency_office_are_the_office_s_duty_desk() {
    let dir = received_and_derived(
        "senlin-province-chromium-page.pdf",
        "senlin-district-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(notice.contains("（值班电话：0599-5831119）"), "{notice}");
    let dir = received_and_derived(
        "chunyun-province-image-mark.ofd",
        "chunyun-city-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    assert!(
        notice.contains("1小时内报告市交通运输局值班室（电话：0745-2712110）"),
        "{notice}"
    );
}

/// What a relay asks of the office's units, from three received files (clerk trials h32, h35,
/// h36): a dated report whose target the next sentence names (…5月10日前报送工作总结。材料报送
/// 省林业局森林防火处…) is one ask to the office; a duty to report whose doer is unsaid
/// (严格执行24小时值班制度，发生火情要在30分钟内报告…) is asked of the units, and one after a
/// condition (因恶劣天气造成旅客滞留的，要立即…) has them as its doer; a subject after the time
/// (3月26日前，各镇（街道）、园区将…) is asked once (请各镇（街道）、园区于…前将…); 春运期间
/// asks come by the season the opening says starts on 1月22日, after those due before it.
#[test]
fn a_relay_asks_each_duty_of_the_units_once_in_the_order_it_falls_due() {
    let dir = received_and_derived(
        "senlin-province-chromium-page.pdf",
        "senlin-district-office.toml",
        &["relay"],
    );
    let asks = relay_asks(&dir, "office-2027-relay.toml");
    let units = "请各乡镇（街道）林业站、区属各国有林场";
    assert!(
        asks.iter()
            .any(|a| a.starts_with(&format!("{units}严格执行24小时领导带班"))),
        "{asks:#?}"
    );
    assert!(
        asks.iter()
            .any(|a| a.starts_with(&format!("{units}于2月11日前报送"))
                && a.contains("5月5日前报送专项行动工作总结。材料报送区林业局森林防火股")),
        "{asks:#?}"
    );
    let dir = received_and_derived(
        "daqi-province-weasyprint.pdf",
        "daqi-branch-office.toml",
        &["relay"],
    );
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    assert!(
        asks.contains(
            &"请各镇（街道）、园区于2027年3月26日前将秋冬季攻坚工作总结报送分局大气环境股。"
                .to_owned()
        ),
        "{asks:#?}"
    );
    assert!(
        asks.iter()
            .any(|a| a.starts_with("请各镇（街道）、园区自2026年11月起于每月3日前将")),
        "{asks:#?}"
    );
    let dir = received_and_derived(
        "chunyun-province-image-mark.ofd",
        "chunyun-city-office.toml",
        &["relay"],
    );
    let asks = relay_asks(&dir, "office-2026-relay.toml");
    let at = |start: &str| asks.iter().position(|a| a.starts_with(start));
    let stranded = at("因恶劣天气造成旅客滞留的，各县市区交通运输局要立即启动应急预案");
    let drill = asks
        .iter()
        .position(|a| a.contains("1月15日前组织开展一次应急演练"));
    let daily = at("春运期间，请各县市区交通运输局于每日15时前");
    assert!(stranded.is_some(), "{asks:#?}");
    assert!(drill < daily && daily.is_some(), "{asks:#?}");
}

/// A province's 通报 (tongji-province-wps-like.docx, written as WPS saves a DOCX: signature and
/// date pushed right with spaces, a manual page break; clerk trial h37), the city's own notice
/// on it: titled as carrying the 通报 out (not 「…情况的通报的通知」), and the province's own
/// inspection and totals (省统计局…在全省组织开展了…, 全省共立案查处…) keep the province's place.
#[test]
fn a_notice_on_a_bulletin_carries_it_out_and_keeps_the_province_s_facts() {
    let dir = received_and_derived(
        "tongji-province-wps-like.docx",
        "tongji-city-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert_eq!(
        spec.title,
        "宿迁市统计局关于认真贯彻落实《江苏省统计局关于2026年统计执法检查情况的通报》的通知"
    );
    assert!(notice.contains("在全省组织开展了统计执法检查"), "{notice}");
    assert!(notice.contains("全省共立案查处"), "{notice}");
}

/// A deadline that three working days earlier would fall the day after the draft's date (成文
/// 3月30日, the province's 4月3日前 → 3月31日前; aiwei-province-wechat-post.txt, clerk trial
/// h34) leaves the units no time: it is the working day before the province's (4月2日前).
#[test]
fn a_deadline_the_day_after_the_draft_moves_to_the_day_before_the_upper_office_s() {
    let dir = received_and_derived(
        "aiwei-province-wechat-post.txt",
        "aiwei-county-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(notice.contains("于4月2日前将活动方案报送"), "{notice}");
    assert!(!notice.contains("3月31日前"), "{notice}");
}

/// Drafts from four received files of clerk trials h38–h41, read as the clerk must send them:
/// an 意见's subject without its 文种 (…关于加快发展新型农村集体经济的通知, not …的指导意见的
/// 通知), a threshold that names a class (10万元以上的村) kept, a plan's 总体要求 whose first part is
/// 指导思想 not renamed to it, a relay's request not saying 结合实际 twice; a work notice's whole
/// period ending as its last stage now does (至5月17日结束); the upper office's contact list gone
/// and the office's duty desk named as it writes itself; the upper office's cities' bureaus in a
/// form left blank, and the form's title not cut at its quotation; what the upstream asks to be
/// reported in a section the office's requirements replace asked still, once; a daily report by
/// e-mail sent to the office's mailbox, and asked in the relay.
#[test]
fn drafts_from_an_opinion_an_oa_export_a_word_paste_and_an_oa_pdf_read_as_the_office_s() {
    let dir = received_and_derived(
        "jiti-province-review.docx",
        "jiti-district-office.toml",
        &["notice", "plan", "relay"],
    );
    let notice = draft(&dir, "office-2026-notice.toml");
    let spec: gongwen::spec::Spec = toml::from_str(&notice).unwrap();
    assert_eq!(
        spec.title,
        "宝鸡市陈仓区农业农村局关于加快发展新型农村集体经济的通知"
    );
    assert!(
        notice.contains("年经营性收入10万元以上的村占比"),
        "{notice}"
    );
    // The 意见's one request and its dated task, in the 保障措施 the office's requirements
    // replace, are asked still.
    assert!(
        notice.contains("2026年底前实现集体经济组织财务审计全覆盖"),
        "{notice}"
    );
    assert!(
        notice.contains("于2026年5月26日前将实施方案（加盖公章的PDF版和可编辑版）报送区农业农村局"),
        "{notice}"
    );
    let plan: gongwen::spec::Spec = toml::from_str(&draft(&dir, "office-2026-plan.toml")).unwrap();
    assert_eq!(plan.sections[0].heading, "总体要求");
    assert_eq!(plan.sections[0].sections[0].heading, "指导思想。");
    let relay: gongwen::spec::Spec =
        toml::from_str(&draft(&dir, "office-2026-relay.toml")).unwrap();
    let transmit = relay.transmit.unwrap_or_default();
    assert_eq!(transmit.matches("结合实际").count(), 1, "{transmit}");

    let dir = received_and_derived(
        "xunqian-city-oa-export.txt",
        "xunqian-town-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("自2027年3月25日开始，至5月17日结束"),
        "{notice}"
    );
    assert!(!notice.contains("文件标题"), "{notice}");
    // The city's own groups (市防指…分组表) are no annex of the town's, and not pointed at.
    assert!(!notice.contains("分组表"), "{notice}");
    assert!(!notice.contains("分组见"), "{notice}");
    // The relay asks the town's units to finish by the town's date (5月17日, not 5月20日).
    let asks = relay_asks(&dir, "office-2027-relay.toml");
    assert!(
        asks.iter().any(
            |a| a.starts_with("请各村（社区）、镇直各单位对排查发现的隐患")
                && a.contains("确保5月17日前全部整改到位")
        ),
        "{asks:#?}"
    );

    let dir = received_and_derived(
        "spaq-province-word-paste-gbk.txt",
        "spaq-county-office.toml",
        &["notice", "relay"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    for upper in ["杨丽华", "段建国", "省局值班室"] {
        assert!(!notice.contains(upper), "{upper}: {notice}");
    }
    assert!(notice.contains("报告县市场监督管理局值班室"), "{notice}");
    // A daily report by e-mail, its mailbox given only in the upper office's contacts: the
    // office's, and the relay asks it of the units.
    assert!(
        notice.contains("每日14时前通过电子邮件（bcxscjgj@163.com）报送当日情况"),
        "{notice}"
    );
    let asks = relay_asks(&dir, "office-2027-relay.toml");
    assert!(
        asks.iter()
            .any(|a| a.starts_with("值班期间实行每日零报告制度，请各市场监督管理所每日14时前")),
        "{asks:#?}"
    );

    let dir = received_and_derived(
        "chunfeng-province-pdfmake-oa.pdf",
        "chunfeng-district-office.toml",
        &["notice"],
    );
    let notice = draft(&dir, "office-2027-notice.toml");
    assert!(
        notice.contains("title = \"各税务分局、税务所“便民办税春风行动”工作进展统计表\""),
        "{notice}"
    );
    assert!(!notice.contains("南宁市税务局"), "{notice}");
    // The monthly form the upstream asks for is asked of the units; the 联络员名单 the office's
    // own requirement asks for is not asked twice, and by a date after the draft's (3月1日).
    assert!(
        notice.contains("自4月起，于每月3日前报送上月《"),
        "{notice}"
    );
    assert_eq!(notice.matches("联络员名单").count(), 1, "{notice}");
    assert!(
        notice.contains("请于3月8日（周一）前将本单位联络员名单"),
        "{notice}"
    );
}
