//! Import measured on received files nobody here wrote for: `tests/corpus/received/` holds 12
//! upstream notices of other domains and offices, each as a python-docx DOCX, a LibreOffice PDF
//! and text pasted from a web page with its furniture, beside a hand-written `truth.toml`.
//! Every heading, paragraph, annex title, field, list item and table cell of the truth must come
//! back intact from DOCX, PDF and pasted text alike (the issue asks for 97 % from PDF and text).

mod common;

use gongwen::spec::{Section, Spec};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/received");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("truth.toml").is_file())
        .collect();
    dirs.sort();
    dirs
}

fn read(path: &Path, text: &str) -> Spec {
    gongwen::spec::deserialize(text, path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn sections(out: &mut Vec<String>, list: &[Section]) {
    for s in list {
        out.push(s.heading.clone());
        out.extend(s.text.0.iter().cloned());
        out.extend(s.phases.iter().map(|p| p.text.clone()));
        sections(out, &s.sections);
    }
}

/// The units of text a reader must keep: title, 主送, paragraphs, headings, annex titles,
/// fields, list items, column heads and cells.
fn units(spec: &Spec) -> Vec<String> {
    let mut out = vec![spec.title.clone()];
    out.extend(
        spec.recipients
            .iter()
            .map(|r| r.trim_end_matches('：').to_owned()),
    );
    out.extend(spec.opening.0.iter().cloned());
    sections(&mut out, &spec.sections);
    out.extend(spec.closing.0.iter().cloned());
    for a in &spec.annexes {
        out.push(a.title.clone());
        out.extend(a.text.0.iter().cloned());
        out.extend(a.fields.iter().map(|f| f.label.clone()));
        out.extend(a.groups.iter().flat_map(|g| g.items.iter().cloned()));
        out.extend(a.columns.iter().map(|c| c.title.clone()));
        out.extend(a.rows.iter().flatten().cloned());
    }
    out.retain(|u| !u.is_empty());
    out
}

/// Imports every corpus file of one format; the units kept, the units in all, and what was lost.
fn measure(file: &str) -> (usize, usize, Vec<String>) {
    let (mut kept, mut all, mut lost) = (0, 0, Vec::new());
    for dir in corpus() {
        let truth_path = dir.join("truth.toml");
        let truth = read(&truth_path, &std::fs::read_to_string(&truth_path).unwrap());
        let path = dir.join(file);
        let imported = gongwen::import::import_file(&path)
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let got: HashSet<String> = units(&read(&path, &imported.toml)).into_iter().collect();
        for u in units(&truth) {
            all += 1;
            if got.contains(&u) {
                kept += 1;
            } else {
                lost.push(format!("{}: {u}", path.display()));
            }
        }
        assert!(
            imported.report.check.is_empty(),
            "{}: the imported spec fails check: {:?}\n{}",
            path.display(),
            imported.report.check,
            imported.toml
        );
    }
    (kept, all, lost)
}

fn assert_kept(file: &str, at_least: f64) {
    let (kept, all, lost) = measure(file);
    let share = kept as f64 / all as f64;
    eprintln!(
        "{file}: {kept}/{all} = {:.1} %; lost: {lost:#?}",
        100.0 * share
    );
    assert!(all > 300, "the corpus has {all} units");
    assert!(
        share >= at_least,
        "{file}: {kept}/{all} units kept; lost:\n{}",
        lost.join("\n")
    );
}

#[test]
fn docx_from_python_docx_keeps_every_unit_of_text() {
    assert_kept("received.docx", 1.0);
}

#[test]
fn pdf_printed_by_libreoffice_keeps_every_unit_of_text() {
    // The issue asks for 97 %; all 395 units are kept, and a regression is one lost unit.
    assert_kept("received.pdf", 1.0);
}

#[test]
fn text_pasted_from_a_web_page_keeps_every_unit_and_drops_its_furniture() {
    assert_kept("pasted.txt", 1.0);
    for dir in corpus() {
        let toml = gongwen::import::import_file(&dir.join("pasted.txt"))
            .unwrap()
            .toml;
        for furniture in [
            "浏览次数",
            "首页 >",
            "首页>",
            "大 中 小",
            "ICP备",
            "打印本页",
        ] {
            assert!(
                !toml.contains(furniture),
                "{}: “{furniture}” kept\n{toml}",
                dir.display()
            );
        }
    }
}

#[test]
fn campaigns_are_found_where_the_body_names_them_and_work_notices_have_none() {
    for dir in corpus() {
        let truth_path = dir.join("truth.toml");
        let truth = read(&truth_path, &std::fs::read_to_string(&truth_path).unwrap());
        for file in ["received.docx", "received.pdf", "pasted.txt"] {
            let path = dir.join(file);
            let imported = gongwen::import::import_file(&path).unwrap();
            let got = read(&path, &imported.toml).campaign;
            match (&truth.campaign, got) {
                (Some(t), Some(g)) => {
                    assert_eq!((g.start, g.end), (t.start, t.end), "{}", path.display());
                    let name = g.name.unwrap_or_default();
                    let want = t.name.as_deref().unwrap_or_default();
                    assert!(name.contains(want), "{}: {name} for {want}", path.display());
                }
                (None, None) => {}
                (t, g) => panic!("{}: campaign {:?}, found {:?}", path.display(), t, g),
            }
        }
    }
}

/// The county profile each corpus document is derived with (`tests/corpus/received/offices`).
const OFFICES: [(&str, &str); 12] = [
    ("01-fangzai-joint", "yongtai-yingji"),
    ("02-anquanyue-fujian", "yongtai-anwei"),
    ("03-yingyangzhou-luoyang", "luanchuan-weijian"),
    ("04-shuizhou-jiujiang", "xiushui-shuili"),
    ("05-wangan-liuzhou", "rongan-wangxin"),
    ("06-jieneng-joint", "yuexi-fagai"),
    ("07-gongshui-jiangxi", "xiushui-shuili"),
    ("08-yanglao-joint", "linli-minzheng"),
    ("09-zhaosheng-guizhou", "meitan-jiaoyu"),
    ("10-butie-zhoukou", "dancheng-nongye"),
    ("11-wuyi-yibin", "jiangan-jiaotong"),
    ("12-ranqi-hebei", "laiyuan-zhujian"),
];

/// What a county's draft must not keep, and must have (`expect.toml`).
#[derive(serde::Deserialize)]
struct Expect {
    #[serde(default)]
    deadlines: Vec<ExpectDeadline>,
    #[serde(default)]
    upstream_sections: Vec<String>,
    /// Words of the upper office's own (its events, its committee's office, its e-mail): never in
    /// the county's draft.
    #[serde(default)]
    upstream_doings: Vec<String>,
    upstream_addressees: String,
    campaign: Option<ExpectCampaign>,
}

#[derive(serde::Deserialize)]
struct ExpectDeadline {
    text: String,
    who: Option<String>,
}

#[derive(serde::Deserialize)]
struct ExpectCampaign {
    start: toml::value::Datetime,
    end: toml::value::Datetime,
}

#[test]
fn every_county_draft_of_the_corpus_passes_check_and_is_the_county_s_own() {
    use gongwen::derive::{self, DeriveAs};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/received");
    let cal = gongwen::calendar::Calendar::load(None).unwrap();
    let mut drafts = 0;
    for (doc, office) in OFFICES {
        let dir = root.join(doc);
        let up = derive::load_upstream(&dir.join("truth.toml")).unwrap();
        let office = derive::load_office(&root.join(format!("offices/{office}.toml"))).unwrap();
        let expect: Expect =
            toml::from_str(&std::fs::read_to_string(dir.join("expect.toml")).unwrap())
                .unwrap_or_else(|e| panic!("{doc}/expect.toml: {e}"));
        for as_ in DeriveAs::ALL {
            let draft = derive::derive(&up, &office, as_, &cal).unwrap();
            let at = format!("{doc} as {}", as_.name());
            drafts += 1;
            let report =
                gongwen::spec::check(&draft.toml, Path::new("draft.toml"), Default::default())
                    .unwrap_or_else(|e| panic!("{at}: {e}\n{}", draft.toml));
            assert!(
                !report.has_errors(),
                "{at}: {:?}\n{}",
                report.diagnostics,
                draft.toml
            );
            let t = &draft.toml;
            for bad in ["工作工作", "““", "””", "经研究，根据"] {
                assert!(!t.contains(bad), "{at}: “{bad}”\n{t}");
            }
            if let Some(c) = &expect.campaign {
                let spec = report
                    .spec
                    .campaign
                    .as_ref()
                    .expect("the draft keeps the campaign");
                assert_eq!(spec.start.to_string(), c.start.to_string(), "{at}");
                assert_eq!(spec.end.to_string(), c.end.to_string(), "{at}");
            }
            if as_ == DeriveAs::Relay {
                // A relay passes the upstream on word for word; what it asks to be reported,
                // it asks of the county's units in its own words, by the county's dates.
                let asks: String = common::relay_asks(&report.spec).concat();
                let reported = expect.deadlines.iter().any(|d| d.who.is_some());
                assert!(
                    !reported || !asks.is_empty(),
                    "{at}: no report asked
{t}"
                );
                for d in &expect.deadlines {
                    assert!(
                        !asks.contains(&d.text),
                        "{at}: “{}” kept
{t}",
                        d.text
                    );
                    if let Some(who) = &d.who {
                        assert!(
                            !asks.contains(who.as_str()),
                            "{at}: reports to “{who}”
{t}"
                        );
                    }
                }
                continue;
            }
            // Left to the office: a campaign plan's own activities, and a citation of the
            // upper office's member list (which is never the county's); nothing else.
            let lists: Vec<usize> = (1..=up.value.annexes.len())
                .filter(|k| up.value.annexes[k - 1].kind == gongwen::spec::AnnexKind::List)
                .collect();
            for todo in &draft.todo {
                let list = lists.iter().any(|k| todo.contains(&format!("附件{k}”")))
                    || (lists.len() == 1 && todo.contains("“附件”"));
                assert!(
                    todo.starts_with("活动安排") && as_ != DeriveAs::Notice || list,
                    "{at}: left to fill in: {todo}\n{t}"
                );
            }
            assert!(!t.contains(&expect.upstream_addressees), "{at}\n{t}");
            let mut headings = Vec::new();
            sections(&mut headings, &report.spec.sections);
            if let Some(e) = &report.spec.enclosure {
                sections(&mut headings, &e.sections);
            }
            for w in &expect.upstream_doings {
                assert!(
                    !t.contains(w.as_str()),
                    "{at}: the upper office's “{w}” kept\n{t}"
                );
            }
            for h in &expect.upstream_sections {
                assert!(
                    !headings.contains(h),
                    "{at}: the upper level's “{h}” kept\n{t}"
                );
            }
            for d in &expect.deadlines {
                assert!(
                    !t.contains(&d.text),
                    "{at}: upstream deadline “{}” kept\n{t}",
                    d.text
                );
                if let Some(who) = &d.who {
                    assert!(
                        !t.contains(&format!("报送{who}")),
                        "{at}: reports to “{who}”\n{t}"
                    );
                }
            }
        }
    }
    assert_eq!(drafts, 48);
}

#[test]
fn page_one_of_every_cover_and_relay_holds_its_body_and_signature() {
    use gongwen::derive::{self, DeriveAs};
    use gongwen::render::measure::Measured;
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/received");
    let cal = gongwen::calendar::Calendar::load(None).unwrap();
    let mut empty = Vec::new();
    for (doc, office) in OFFICES {
        let up = derive::load_upstream(&root.join(doc).join("truth.toml")).unwrap();
        let office = derive::load_office(&root.join(format!("offices/{office}.toml"))).unwrap();
        for as_ in [DeriveAs::Cover, DeriveAs::Relay] {
            let draft = derive::derive(&up, &office, as_, &cal).unwrap();
            let report = common::engine()
                .check_source(&draft.toml, Path::new("draft.toml"))
                .unwrap();
            let (spec, _) = report.into_result().unwrap();
            let date = spec.signature.as_ref().unwrap().date;
            let printed = format!(
                "{}年{}月{}日",
                chrono::Datelike::year(&date),
                chrono::Datelike::month(&date),
                chrono::Datelike::day(&date)
            );
            let doc_model = gongwen::compose::compose(&spec);
            let m = Measured::of(&common::engine().typeset(&doc_model).unwrap());
            // Page 1 holds the body's first line, or is full down to the text block's foot
            // (header, a long title and 主送 can fill it); the signature's page holds body text.
            let lines = m.lines(1);
            let page1: Vec<String> = lines.iter().map(|l| l.text.replace(' ', "")).collect();
            let body = spec.opening.0.first().or(spec.transmit.as_ref());
            let starts = |l: &String| {
                let head: String = l.chars().take(6).collect();
                head.chars().count() == 6 && body.is_some_and(|b| b.starts_with(&head))
            };
            let text_block_foot = 262.0;
            let last = lines.iter().rev().find(|l| !l.text.contains('—')).unwrap();
            let full = last.bottom() > text_block_foot - 10.4;
            if !(page1.iter().any(starts) || page1.iter().any(|l| l.contains("现将")) || full) {
                empty.push(format!(
                    "{doc} as {}: last line bottom {:.1} mm: {page1:?}",
                    as_.name(),
                    last.bottom()
                ));
            }
            let sig_page = (1..=m.pages.len())
                .find(|&p| {
                    m.lines(p)
                        .iter()
                        .any(|l| l.text.replace(' ', "").contains(&printed))
                })
                .unwrap();
            let sig_lines = m.lines(sig_page);
            assert!(
                sig_lines.iter().filter(|l| !l.text.contains('—')).count() >= 3,
                "{doc} as {}: the signature stands alone on page {sig_page}",
                as_.name()
            );
        }
    }
    assert!(
        empty.is_empty(),
        "page 1 without body and signature:\n{}",
        empty.join("\n")
    );
}

#[test]
fn check_reviews_a_draft_against_its_upstream() {
    use gongwen::derive::{self, DeriveAs};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/received");
    let cal = gongwen::calendar::Calendar::load(None).unwrap();
    let up = derive::load_upstream(&root.join("07-gongshui-jiangxi/truth.toml")).unwrap();
    let office = derive::load_office(&root.join("offices/xiushui-shuili.toml")).unwrap();
    let draft = derive::derive(&up, &office, DeriveAs::Notice, &cal).unwrap();
    let review = |toml: &str| -> Vec<(String, String)> {
        gongwen::spec::check(toml, &root.join("draft.toml"), Default::default())
            .unwrap()
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "draft-review")
            .map(|d| (d.field.clone(), d.message.clone()))
            .collect()
    };
    // The upstream's form is the county's own annex (its units report on it), cited as such;
    // its column of the province's counties is one of the county's units.
    assert!(
        draft.toml.contains("统计表（见附件）报送修水县水利局"),
        "{}",
        draft.toml
    );
    assert!(!draft.toml.contains("【待填写："), "{}", draft.toml);
    let annexes = &draft.spec.spec.annexes;
    assert_eq!(annexes.len(), 1);
    assert_eq!(
        annexes[0].title,
        "2026年农村供水工程维修养护项目进展情况统计表"
    );
    assert_eq!(annexes[0].columns[1].title, "单位");
    assert_eq!(annexes[0].blank_rows, 8);
    // What the upper office announces it will do, the county office will do in its own notice.
    assert!(
        draft.toml.contains("县水利局将适时开展督导检查") && !draft.toml.contains("省水利厅将"),
        "{}",
        draft.toml
    );
    // The upper office put back as the actor of a sentence is said.
    let found = review(&draft.toml.replace("县水利局将适时", "省水利厅将适时"));
    assert!(
        found
            .iter()
            .any(|(f, m)| f == "sections[3].text[0]" && m.contains("省水利厅")),
        "{found:?}"
    );
    // A clerk's careless edits: the upstream's 主送 back, a deadline on a Sunday and one before
    // the draft's date, 各地 again.
    let spoiled = draft
        .toml
        .replace(
            "recipients = \"各乡镇人民政府，局属各单位\"",
            "recipients = \"各设区市、赣江新区水利（水务）局，各县（市、区）水利（水务）局\"",
        )
        .replace("于11月25日前", "于11月29日前")
        .replace("于5月12日前", "于4月1日前")
        .replacen("各乡镇人民政府要倒排工期", "各地要倒排工期", 1);
    let found = review(&spoiled);
    let said = |field: &str, words: &str| {
        found
            .iter()
            .any(|(f, m)| f.starts_with(field) && m.contains(words))
    };
    assert!(said("recipients", "与上级来文相同"), "{found:?}");
    assert!(
        said("sections", "11月29日前”（2026-11-29）不是工作日"),
        "{found:?}"
    );
    assert!(said("sections", "4月1日前”不晚于本文成文日期"), "{found:?}");
    assert!(said("sections", "“各地”是上级来文的主送对象"), "{found:?}");
}

#[test]
fn blank_rows_of_a_form_keep_their_count_from_every_format() {
    for dir in corpus() {
        let truth_path = dir.join("truth.toml");
        let truth = read(&truth_path, &std::fs::read_to_string(&truth_path).unwrap());
        let want: Vec<u32> = truth.annexes.iter().map(|a| a.blank_rows).collect();
        for file in ["received.docx", "received.pdf", "pasted.txt"] {
            let path = dir.join(file);
            let imported = gongwen::import::import_file(&path).unwrap();
            let got: Vec<u32> = read(&path, &imported.toml)
                .annexes
                .iter()
                .map(|a| a.blank_rows)
                .collect();
            assert_eq!(got, want, "{}", path.display());
        }
    }
}

/// A county names its edition of a campaign as offices do: inside a plain name (永泰县防灾减灾
/// 宣传周), after a national campaign's own name (国家网络安全宣传周融安县), and not at all inside
/// a name in quotation marks (“安全生产月”), where the plan's title leads with the county.
#[test]
fn a_county_names_its_edition_of_a_campaign_as_offices_do() {
    use gongwen::derive::{self, DeriveAs};
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/received");
    let cal = gongwen::calendar::Calendar::load(None).unwrap();
    let title = |doc: &str, office: &str, as_| {
        let up = derive::load_upstream(&root.join(doc).join("truth.toml")).unwrap();
        let office = derive::load_office(&root.join(format!("offices/{office}.toml"))).unwrap();
        let draft = derive::derive(&up, &office, as_, &cal).unwrap();
        let spec: toml::Table = toml::from_str(&draft.toml).unwrap();
        spec["title"].as_str().unwrap().to_owned()
    };
    let cases = [
        ("01-fangzai-joint", "yongtai-yingji", "永泰县应急管理局关于开展{year}年永泰县防灾减灾宣传周活动的通知", "{year}年永泰县防灾减灾宣传周活动方案"),
        ("02-anquanyue-fujian", "yongtai-anwei", "永泰县安全生产委员会办公室关于开展{year}年“安全生产月”活动的通知", "永泰县{year}年“安全生产月”活动方案"),
        ("05-wangan-liuzhou", "rongan-wangxin", "中共融安县委网络安全和信息化委员会办公室关于开展{year}年国家网络安全宣传周融安县活动的通知", "{year}年国家网络安全宣传周融安县活动方案"),
    ];
    for (doc, office, notice, plan) in cases {
        assert_eq!(title(doc, office, DeriveAs::Notice), notice, "{doc}");
        assert_eq!(title(doc, office, DeriveAs::Plan), plan, "{doc}");
    }
}

/// Text copied out of a PDF viewer (`pdftotext` of the LibreOffice PDF: every line broken where
/// the PDF breaks it, no indent, a table's cells one per line): paragraphs are decided by the
/// lines' fill and sentence ends, a run-in heading's line goes on into its text, a title
/// starting with its issuers on a line of their own keeps them, and a table's head is a row of
/// cells again; a theme's or slogan's spaces are kept (inside quotation marks or after 主题),
/// and a 名单's items stop at a line with a sentence's comma. What stays lost is a table with
/// given rows (its cells come column by column), a joint mark set in a table, fields typed on
/// one line, and a theme's ideographic space (copied as a plain one).
#[test]
fn text_copied_out_of_a_pdf_viewer_keeps_over_nine_units_in_ten() {
    // 378 of 395 units (95.7 %; 370 before slogans kept their spaces and a 名单 stopped at a
    // sentence); the session before that kept 64 % (python's count).
    assert_kept("copied.txt", 0.955);
}
