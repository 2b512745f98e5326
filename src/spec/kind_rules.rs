//! 文种 rules: what each kind of document must say, after 《党政机关公文处理工作条例》 and
//! GB/T 9704-2012 §10. Each rule is named (the README's rule table lists them).

use super::conventions::Finding;
use super::{kind::DocKind, schema::Spec};
use crate::error::Severity;

/// Sentences that ask for a decision: a 请示 ends with one, a 报告 must not carry one.
const REQUEST_PHRASES: &[&str] = &[
    "妥否",
    "请批示",
    "请批复",
    "请审批",
    "请批准",
    "请予批准",
    "请审定",
    "请予审定",
    "请核准",
    "请予核准",
    "请审示",
];

/// What asks for instructions inside a 报告 (the 条例: 报告中不得夹带请示事项).
const REPORT_FORBIDDEN: &[&str] = &["请批示", "请批准", "请予批准", "请审批", "请批复"];

/// Fewest digits of a telephone number (an 8-digit local number, or 7 in small places).
const PHONE_DIGITS: usize = 7;

/// Every 文种 rule of the spec's kind, appended to `out`.
pub fn check(spec: &Spec, all: &[(String, String)], out: &mut Vec<Finding>) {
    kind_title(spec, out);
    kind_header(spec, out);
    match spec.kind {
        DocKind::Request => {
            request_signers(spec, out);
            request_sentence(spec, all, out);
            request_contacts(spec, out);
        }
        DocKind::Report => report_no_request(all, out),
        DocKind::Reply => reply_cites_request(spec, out),
        DocKind::Announcement => no_recipients(spec, out),
        DocKind::Order => {
            order_number(spec, out);
            order_signer(spec, out);
        }
        DocKind::Minutes => minutes_attendance(spec, out),
        _ => {}
    }
}

fn finding(rule: &'static str, severity: Severity, field: &str, message: String) -> Finding {
    Finding {
        rule,
        severity,
        field: field.to_owned(),
        message,
        fix: None,
    }
}

/// Whether a field holds body text (opening, sections, closing).
fn is_body(field: &str) -> bool {
    ["opening", "sections", "closing"]
        .iter()
        .any(|b| field.starts_with(b))
}

/// `kind-title`: the title ends with its 文种 (关于……的请示).
fn kind_title(spec: &Spec, out: &mut Vec<Finding>) {
    let endings = spec.kind.row().title_endings;
    let title = spec.title.trim();
    if endings.is_empty() || title.is_empty() || endings.iter().any(|e| title.ends_with(e)) {
        return;
    }
    out.push(finding(
        "kind-title",
        Severity::Warning,
        "title",
        format!(
            "{}的标题应以文种“{}”结尾，一般写作“（发文机关）关于……的{}”，现为“{title}”",
            spec.kind.chinese(),
            endings.join("”或“"),
            endings[0]
        ),
    ));
}

/// `kind-header`: 函, 纪要 and 命令(令) are known by their mark, so they need a [header].
fn kind_header(spec: &Spec, out: &mut Vec<Finding>) {
    if spec.kind.row().needs_header && spec.header.is_none() {
        out.push(finding(
            "kind-header",
            Severity::Error,
            "kind",
            format!(
                "{}需要 [header]：发文机关标志（issuers）是其格式的一部分",
                spec.kind.chinese()
            ),
        ));
    }
}

/// `request-signers`: a 请示 is upward: its header names the 签发人.
fn request_signers(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(h) = &spec.header else { return };
    if h.signers.iter().all(|s| s.trim().is_empty()) {
        out.push(finding(
            "request-signers",
            Severity::Error,
            "header",
            "请示是上行文，版头应标注签发人：在 [header] 中写 signers = [\"姓名\"]".to_owned(),
        ));
    }
}

/// `request-sentence`: a 请示 ends with a request sentence (妥否，请批示。).
fn request_sentence(spec: &Spec, all: &[(String, String)], out: &mut Vec<Finding>) {
    let asks = all
        .iter()
        .filter(|(f, _)| is_body(f))
        .any(|(_, t)| REQUEST_PHRASES.iter().any(|p| t.contains(p)));
    if !asks {
        let field = if spec.closing.0.is_empty() {
            "kind"
        } else {
            "closing"
        };
        out.push(finding(
            "request-sentence",
            Severity::Warning,
            field,
            "请示的结尾应有请示语，如“妥否，请批示。”或“以上请示如无不妥，请批复。”".to_owned(),
        ));
    }
}

/// Whether `text` holds a telephone number (seven or more digits, dashes and spaces aside).
fn has_phone(text: &str) -> bool {
    let mut run = 0;
    for c in text.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run >= PHONE_DIGITS {
                return true;
            }
        } else if !matches!(c, '-' | ' ' | '－') {
            run = 0;
        }
    }
    false
}

/// `request-contacts`: a 请示's 附注 gives the contact person and telephone.
fn request_contacts(spec: &Spec, out: &mut Vec<Finding>) {
    let lines: Vec<&str> = spec
        .contacts
        .iter()
        .chain(&spec.notes)
        .map(String::as_str)
        .collect();
    let person = lines.iter().any(|l| l.contains("联系人"));
    let phone = lines.iter().any(|l| has_phone(l));
    if person && phone {
        return;
    }
    let missing = match (person, phone) {
        (false, false) => "联系人及电话",
        (false, true) => "联系人",
        _ => "联系电话",
    };
    let field = if spec.contacts.is_some() {
        "contacts"
    } else {
        "kind"
    };
    out.push(finding(
        "request-contacts",
        Severity::Error,
        field,
        format!("请示应在附注中注明{missing}：写 contacts = \"联系人：姓名，电话：号码\""),
    ));
}

/// `report-no-request`: a 报告 asks for no instructions.
fn report_no_request(all: &[(String, String)], out: &mut Vec<Finding>) {
    for (field, text) in all.iter().filter(|(f, _)| is_body(f)) {
        if let Some(p) = REPORT_FORBIDDEN.iter().find(|p| text.contains(*p)) {
            out.push(finding(
                "report-no-request",
                Severity::Warning,
                field,
                format!("报告中不得夹带请示事项（“{p}”）；需要上级批示的事项请另行请示"),
            ));
        }
    }
}

/// `reply-cites-request`: a 批复 cites the 请示 it answers, by title and number.
fn reply_cites_request(spec: &Spec, out: &mut Vec<Finding>) {
    let message = match &spec.answers {
        None => "批复应引用所答复的请示：写 [answers] 的 title（请示标题）和 number（发文字号）",
        Some(a) if a.title.trim().is_empty() => "批复所答复请示的标题（answers.title）不能为空",
        Some(a) if a.number.as_deref().is_none_or(|n| n.trim().is_empty()) => {
            "批复应引用所答复请示的发文字号：写 answers.number，如 \"某发〔2025〕1号\""
        }
        Some(_) => return,
    };
    let field = if spec.answers.is_some() {
        "answers"
    } else {
        "kind"
    };
    out.push(finding(
        "reply-cites-request",
        Severity::Error,
        field,
        message.to_owned(),
    ));
}

/// `no-recipients`: 公告 and 通告 are published to all and have no 主送.
fn no_recipients(spec: &Spec, out: &mut Vec<Finding>) {
    if spec
        .recipients
        .as_deref()
        .is_some_and(|r| !r.trim().is_empty())
    {
        out.push(finding(
            "no-recipients",
            Severity::Error,
            "recipients",
            "公告、通告面向社会公开发布，不写主送机关；请删除 recipients".to_owned(),
        ));
    }
}

/// `order-number`: a 命令(令) carries its 令号.
fn order_number(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(h) = &spec.header else { return };
    if h.order_number.is_none() {
        out.push(finding(
            "order-number",
            Severity::Error,
            "header",
            "命令（令）需要令号：在 [header] 中写 order_number = 1（印为“第1号”）".to_owned(),
        ));
    }
}

/// `order-signer`: a 命令(令) is signed by the signer's role and name (签名章).
fn order_signer(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(s) = &spec.signature else { return };
    let has = |v: &Option<String>| v.as_deref().is_some_and(|v| !v.trim().is_empty());
    if !(has(&s.signer) && has(&s.signer_role)) {
        out.push(finding(
            "order-signer",
            Severity::Error,
            "signature",
            "命令（令）由签发人署名：[signature] 需要 signer_role（职务）和 signer（姓名，签名章处）".to_owned(),
        ));
    }
}

/// `minutes-attendance`: a 纪要 lists who attended.
fn minutes_attendance(spec: &Spec, out: &mut Vec<Finding>) {
    let present = spec
        .attendance
        .as_ref()
        .is_some_and(|a| a.present.iter().any(|n| !n.trim().is_empty()));
    if !present {
        out.push(finding(
            "minutes-attendance",
            Severity::Warning,
            if spec.attendance.is_some() {
                "attendance"
            } else {
                "kind"
            },
            "纪要应列出出席人员：写 [attendance] present = [\"单位 姓名\", …]".to_owned(),
        ));
    }
}
