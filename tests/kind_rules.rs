//! The content rules of each 文种 (`gongwen check`): good and bad input, exact Chinese messages
//! located at line and column.

mod common;

use gongwen::error::Severity;
use std::path::Path;

/// The findings of one rule on spec text: (severity, line, column, message).
fn findings(toml: &str, rule: &str) -> Vec<(Severity, usize, usize, String)> {
    let report = common::engine()
        .check_source(toml, Path::new("kind.toml"))
        .unwrap_or_else(|e| panic!("parses: {e}\n{toml}"));
    report
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == rule)
        .map(|d| (d.severity, d.line, d.column, d.message))
        .collect()
}

const SIGNED: &str = "[signature]\nissuer = \"某局\"\ndate = 2025-03-18\n";

/// A 请示 that breaks nothing; `replace` swaps one piece of it.
fn request(replace: &[(&str, &str)]) -> String {
    let mut s = format!(
        "kind = \"request\"\ntitle = \"某局关于某事项的请示\"\nrecipients = \"某市人民政府\"\nclosing = \"妥否，请批示。\"\ncontacts = \"联系人：张三，电话：0571-86120345\"\n[header]\nissuers = [\"某局\"]\ndoc_number = \"某发〔2025〕1号\"\nsigners = [\"李四\"]\n{SIGNED}"
    );
    for (from, to) in replace {
        assert!(s.contains(from), "{from}");
        s = s.replace(from, to);
    }
    s
}

#[test]
fn a_complete_request_passes_every_rule() {
    let report = common::engine()
        .check_source(&request(&[]), Path::new("kind.toml"))
        .unwrap();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
}

#[test]
fn a_request_without_signers_is_an_error_at_its_header() {
    let s = request(&[("signers = [\"李四\"]\n", "")]);
    assert_eq!(
        findings(&s, "request-signers"),
        [(
            Severity::Error,
            6,
            2,
            "请示是上行文，版头应标注签发人：在 [header] 中写 signers = [\"姓名\"]".to_owned()
        )]
    );
}

#[test]
fn a_request_without_a_request_sentence_is_warned_at_its_closing() {
    let s = request(&[("妥否，请批示。", "特此报告。")]);
    assert_eq!(
        findings(&s, "request-sentence"),
        [(
            Severity::Warning,
            4,
            11,
            "请示的结尾应有请示语，如“妥否，请批示。”或“以上请示如无不妥，请批复。”".to_owned()
        )]
    );
    // The sentence may end a section's text instead.
    let s = request(&[
        ("closing = \"妥否，请批示。\"\n", ""),
        (
            "[header]",
            "[[sections]]\nheading = \"事项\"\ntext = \"以上请示如无不妥，请批复。\"\n[header]",
        ),
    ]);
    assert!(findings(&s, "request-sentence").is_empty());
}

#[test]
fn a_request_without_contact_person_or_phone_is_an_error() {
    let s = request(&[("contacts = \"联系人：张三，电话：0571-86120345\"\n", "")]);
    assert_eq!(
        findings(&s, "request-contacts"),
        [(
            Severity::Error,
            1,
            8,
            "请示应在附注中注明联系人及电话：写 contacts = \"联系人：姓名，电话：号码\"".to_owned()
        )]
    );
    let s = request(&[("，电话：0571-86120345", "")]);
    assert_eq!(
        findings(&s, "request-contacts"),
        [(
            Severity::Error,
            5,
            12,
            "请示应在附注中注明联系电话：写 contacts = \"联系人：姓名，电话：号码\"".to_owned()
        )]
    );
    // A note may carry them instead of `contacts`.
    let s = request(&[(
        "contacts = \"联系人：张三，电话：0571-86120345\"",
        "notes = [\"联系人：张三 86120345\"]",
    )]);
    assert!(findings(&s, "request-contacts").is_empty());
}

#[test]
fn a_report_asking_for_instructions_is_warned_where_it_asks() {
    let good = format!(
        "kind = \"report\"\ntitle = \"某局关于某工作的报告\"\nclosing = \"特此报告。\"\n{SIGNED}"
    );
    assert!(findings(&good, "report-no-request").is_empty());
    let bad = good.replace("特此报告。", "以上报告，请批示。");
    assert_eq!(
        findings(&bad, "report-no-request"),
        [(
            Severity::Warning,
            3,
            11,
            "报告中不得夹带请示事项（“请批示”）；需要上级批示的事项请另行请示".to_owned()
        )]
    );
}

#[test]
fn a_reply_must_cite_the_request_it_answers_and_prints_the_citation() {
    let bad = format!("kind = \"reply\"\ntitle = \"某市人民政府关于同意某事项的批复\"\nopening = \"经研究，现批复如下：\"\n{SIGNED}");
    assert_eq!(
        findings(&bad, "reply-cites-request"),
        [(
            Severity::Error,
            1,
            8,
            "批复应引用所答复的请示：写 [answers] 的 title（请示标题）和 number（发文字号）"
                .to_owned()
        )]
    );
    let no_number = format!("{bad}[answers]\ntitle = \"某局关于某事项的请示\"\n");
    assert_eq!(
        findings(&no_number, "reply-cites-request"),
        [(
            Severity::Error,
            7,
            2,
            "批复应引用所答复请示的发文字号：写 answers.number，如 \"某发〔2025〕1号\"".to_owned()
        )]
    );
    let good = format!("{no_number}number = \"某发〔2025〕1号\"\n");
    assert!(findings(&good, "reply-cites-request").is_empty());
    let (spec, _) = common::engine()
        .check_source(&good, Path::new("reply.toml"))
        .unwrap()
        .into_result()
        .unwrap();
    let doc = gongwen::compose::compose(&spec);
    let first: String = doc.parts[0].body[0]
        .spans
        .iter()
        .map(|s| s.text.as_str())
        .collect();
    assert_eq!(
        first,
        "《某局关于某事项的请示》（某发〔2025〕1号）收悉。经研究，现批复如下："
    );
}

#[test]
fn announcements_have_no_recipients() {
    let good = format!("kind = \"announcement\"\ntitle = \"某局关于某事项的通告\"\n{SIGNED}");
    assert!(findings(&good, "no-recipients").is_empty());
    let bad = good.replace("[signature]", "recipients = \"各区\"\n[signature]");
    assert_eq!(
        findings(&bad, "no-recipients"),
        [(
            Severity::Error,
            3,
            14,
            "公告、通告面向社会公开发布，不写主送机关；请删除 recipients".to_owned()
        )]
    );
}

#[test]
fn an_order_needs_its_number_and_the_signers_role_and_name() {
    let good = "kind = \"order\"\nopening = \"某办法现予公布。\"\n[header]\nissuers = [\"某市人民政府\"]\norder_number = 3\n[signature]\nsigner_role = \"市长\"\nsigner = \"某某\"\ndate = 2025-04-02\n";
    let report = common::engine()
        .check_source(good, Path::new("order.toml"))
        .unwrap();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let bad = good
        .replace("order_number = 3\n", "")
        .replace("signer = \"某某\"\n", "");
    assert_eq!(
        findings(&bad, "order-number"),
        [(
            Severity::Error,
            3,
            2,
            "命令（令）需要令号：在 [header] 中写 order_number = 1（印为“第1号”）".to_owned()
        )]
    );
    assert_eq!(
        findings(&bad, "order-signer"),
        [(
            Severity::Error,
            5,
            2,
            "命令（令）由签发人署名：[signature] 需要 signer_role（职务）和 signer（姓名，签名章处）"
                .to_owned()
        )]
    );
    let headless = "kind = \"order\"\nopening = \"某办法现予公布。\"\n[signature]\nsigner_role = \"市长\"\nsigner = \"某某\"\ndate = 2025-04-02\n";
    assert_eq!(
        findings(headless, "kind-header"),
        [(
            Severity::Error,
            1,
            8,
            "命令（令）需要 [header]：发文机关标志（issuers）是其格式的一部分".to_owned()
        )]
    );
}

#[test]
fn minutes_without_attendance_are_warned() {
    let good = "kind = \"minutes\"\nopening = \"会议议定如下：\"\n[header]\nissuers = [\"某会议\"]\ndoc_number = \"某纪〔2025〕1号\"\n[attendance]\npresent = [\"某局 张三\"]\n";
    let report = common::engine()
        .check_source(good, Path::new("minutes.toml"))
        .unwrap();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let bad = good.replace("[attendance]\npresent = [\"某局 张三\"]\n", "");
    assert_eq!(
        findings(&bad, "minutes-attendance"),
        [(
            Severity::Warning,
            1,
            8,
            "纪要应列出出席人员：写 [attendance] present = [\"单位 姓名\", …]".to_owned()
        )]
    );
}

#[test]
fn a_title_not_ending_with_its_kind_is_warned() {
    let s = format!("kind = \"bulletin\"\ntitle = \"某局关于某检查情况的通知\"\n{SIGNED}");
    assert_eq!(
        findings(&s, "kind-title"),
        [(
            Severity::Warning,
            2,
            9,
            "通报的标题应以文种“通报”结尾，一般写作“（发文机关）关于……的通报”，现为“某局关于某检查情况的通知”".to_owned()
        )]
    );
    let ok = s.replace("的通知", "的通报");
    assert!(findings(&ok, "kind-title").is_empty());
}

#[test]
fn a_letter_needs_no_printer_in_its_colophon_but_other_kinds_do() {
    let letter = format!("kind = \"letter\"\ntitle = \"某局关于某事项的函\"\n[header]\nissuers = [\"某局\"]\ndoc_number = \"某函〔2025〕1号\"\n{SIGNED}[colophon]\ncc = [\"某办\"]\n");
    let report = common::engine()
        .check_source(&letter, Path::new("letter.toml"))
        .unwrap();
    assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
    let notice = letter
        .replace("kind = \"letter\"", "kind = \"notice\"")
        .replace("的函", "的通知");
    let report = common::engine()
        .check_source(&notice, Path::new("notice.toml"))
        .unwrap();
    let messages: Vec<String> = report.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("版记需要印发机关 printer")),
        "{messages:?}"
    );
}
