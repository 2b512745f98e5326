//! GB/T 9704 conventions a spec can break, each a named rule: 发文字号 form, title and 主送
//! punctuation, annex references, characters no font has, control characters, sizes.
//!
//! Errors stop the document; warnings are reported and the document is made. A rule that knows
//! the right text offers a [`Fix`] that `gongwen check --fix` writes back into the spec.

use super::texts::texts;
use super::{kind::DocKind, schema::Spec};
use crate::compose::text::doc_number;
use crate::error::Severity;
use crate::fonts::FontSet;
use crate::model::FontRole;

/// A replacement for the string at a field path.
#[derive(Debug, Clone, PartialEq)]
pub struct Fix {
    /// Field path, e.g. `header.doc_number`.
    pub field: String,
    /// The corrected string.
    pub value: String,
}

/// One convention broken.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// The rule's name, as documented in the README.
    pub rule: &'static str,
    /// Error or warning.
    pub severity: Severity,
    /// Field path.
    pub field: String,
    /// What is wrong and what is right, in Chinese.
    pub message: String,
    /// The correction, when the rule knows it.
    pub fix: Option<Fix>,
}

/// Longest text of one field (characters): beyond it a paragraph is surely a mistake.
pub const MAX_TEXT_CHARS: usize = 20_000;
/// Most rows of one annex table.
pub const MAX_TABLE_ROWS: usize = 2_000;

/// Every rule, in a stable order; `fonts` enables the glyph-coverage rule.
pub fn check(spec: &Spec, fonts: Option<&FontSet>) -> Vec<Finding> {
    let mut out = Vec::new();
    // Every text of the spec, walked once for all the rules that read all text.
    let all = texts(spec);
    doc_number_form(spec, &mut out);
    doc_number_missing(spec, &mut out);
    blank_table_heads(spec, &mut out);
    title_punctuation(spec, &mut out);
    title_guanyu(spec, &mut out);
    recipients_colon(spec, &mut out);
    annex_references(spec, &all, &mut out);
    doc_number_year(spec, &mut out);
    date_after_upstream(spec, &mut out);
    joint_signature(spec, &mut out);
    heading_sentences(spec, &mut out);
    sizes(spec, &all, &mut out);
    control_characters(&all, &mut out);
    placeholders(&all, &mut out);
    super::kind_rules::check(spec, &all, &mut out);
    if let Some(fonts) = fonts {
        missing_glyphs(&all, fonts, &mut out);
        fallback_glyphs(&all, fonts, &mut out);
    }
    out
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

/// `doc-number-form`: 发文字号 uses 〔〕, no 第, no leading zeros.
fn doc_number_form(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(n) = spec.header.as_ref().and_then(|h| h.doc_number.as_ref()) else {
        return;
    };
    if n.serial == crate::compose::text::UNNUMBERED {
        out.push(finding(
            "placeholder",
            Severity::Warning,
            "header.doc_number.serial",
            format!(
                "发文字号“{}”尚未编号（serial = 0），印发前须填写发文顺序号",
                doc_number(&n.code, n.year, n.serial)
            ),
        ));
        return;
    }
    let right = doc_number(&n.code, n.year, n.serial);
    if let Some(written) = &n.written {
        if written.trim() != right {
            let mut f = finding(
                "doc-number-form",
                Severity::Error,
                "header.doc_number",
                format!(
                    "发文字号“{written}”不符合 GB/T 9704：年份用六角括号〔〕，序号不加“第”、不编虚位，应为“{right}”（可用 --fix 改正）"
                ),
            );
            f.fix = Some(Fix {
                field: "header.doc_number".into(),
                value: right,
            });
            out.push(f);
        }
    }
}

/// `doc-number-missing`: a red header normally carries a 发文字号; one without is made (some
/// offices' documents have none) but reported.
fn doc_number_missing(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(h) = &spec.header else { return };
    // A 命令 carries a 令号 instead.
    if h.doc_number.is_none() && spec.kind != DocKind::Order {
        out.push(finding(
            "doc-number-missing",
            Severity::Warning,
            "header",
            "版头没有发文字号（header.doc_number）；如原件确无字号，可忽略此警告".to_owned(),
        ));
    }
}

/// `table-blank-head`: a table's head cell left blank (an import gives one where a table
/// without rules, a scan's, had more cells in its rows than in its head): the columns may have
/// slipped, to be looked at before the table is sent on.
fn blank_table_heads(spec: &Spec, out: &mut Vec<Finding>) {
    for (i, a) in spec.annexes.iter().enumerate() {
        if let Some(c) = a.columns.iter().position(|c| c.title.trim().is_empty()) {
            out.push(finding(
                "table-blank-head",
                Severity::Warning,
                &format!("annexes[{i}].columns[{c}]"),
                format!(
                    "附件“{}”的表头第 {} 列没有列名：请核对各列是否错位，补上列名",
                    a.title,
                    c + 1
                ),
            ));
        }
    }
}

const PUNCTUATION: &str = "。，、；：？！.,;:?!";

/// `title-punctuation`: a title ends without punctuation.
fn title_punctuation(spec: &Spec, out: &mut Vec<Finding>) {
    let title = spec.title.trim();
    if title
        .chars()
        .last()
        .is_some_and(|c| PUNCTUATION.contains(c))
    {
        let fixed = title
            .trim_end_matches(|c| PUNCTUATION.contains(c))
            .to_owned();
        let mut f = finding(
            "title-punctuation",
            Severity::Error,
            "title",
            format!("标题“{title}”末尾不加标点，应为“{fixed}”"),
        );
        f.fix = Some(Fix {
            field: "title".into(),
            value: fixed,
        });
        out.push(f);
    }
}

/// `title-guanyu`: a notice's title reads 关于……的通知.
fn title_guanyu(spec: &Spec, out: &mut Vec<Finding>) {
    if spec.kind == DocKind::Notice && !spec.title.trim().is_empty() && !spec.title.contains("关于")
    {
        out.push(finding(
            "title-guanyu",
            Severity::Warning,
            "title",
            format!(
                "通知的标题一般写作“（发文机关）关于……的通知”，“{}”中没有“关于”",
                spec.title.trim()
            ),
        ));
    }
}

/// `recipients-colon`: 主送 ends with one full-width colon (added when missing).
fn recipients_colon(spec: &Spec, out: &mut Vec<Finding>) {
    let Some(r) = &spec.recipients else { return };
    let trimmed = r.trim_end();
    let colons = trimmed
        .chars()
        .rev()
        .take_while(|c| *c == '：' || *c == ':')
        .count();
    if colons >= 2 || trimmed.ends_with(':') {
        let base = trimmed.trim_end_matches(['：', ':']);
        let mut f = finding(
            "recipients-colon",
            Severity::Error,
            "recipients",
            format!(
                "主送机关末尾应为一个全角冒号“：”，现为“{}”",
                &trimmed[base.len()..]
            ),
        );
        f.fix = Some(Fix {
            field: "recipients".into(),
            value: format!("{base}："),
        });
        out.push(f);
    }
}

/// `annex-reference`: text that cites 附件N needs an N-th annex (counted after the document's
/// own number where it stands as an annex: 附件2 is a plan's first).
fn annex_references(spec: &Spec, all: &[(String, String)], out: &mut Vec<Finding>) {
    let count = spec.annexes.len();
    let base = spec.annex_base().unwrap_or(0);
    for (field, text) in all {
        // An annex's own text, and the label a plan carries as an annex of its cover notice.
        if field.starts_with("annexes") || field == "label" {
            continue;
        }
        // A 【待填写：…】 mark already asks the office to resolve what it cites.
        let unmarked = without_placeholders(text);
        let mut rest = unmarked.as_str();
        while let Some(i) = rest.find("附件") {
            rest = &rest[i + "附件".len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            if let Ok(n) = digits.parse::<usize>() {
                if n <= base || n > base + count {
                    let has = match (base, count) {
                        (0, _) | (_, 0) => format!("本文只有 {count} 个附件"),
                        (b, 1) => format!("本文（附件{b}）的附件为附件{}", b + 1),
                        (b, _) => {
                            format!("本文（附件{b}）的附件为附件{}至附件{}", b + 1, b + count)
                        }
                    };
                    out.push(finding(
                        "annex-reference",
                        Severity::Error,
                        field,
                        format!("正文提到“附件{n}”，但{has}"),
                    ));
                }
            }
        }
    }
}

/// `text` without its 【待填写：…】 marks.
fn without_placeholders(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(PLACEHOLDER) {
        out.push_str(&rest[..i]);
        match rest[i..].find('】') {
            Some(end) => rest = &rest[i + end + '】'.len_utf8()..],
            None => rest = "",
        }
    }
    out.push_str(rest);
    out
}

/// `doc-number-year`: the 发文字号 year is the year of the 成文日期.
fn doc_number_year(spec: &Spec, out: &mut Vec<Finding>) {
    use chrono::Datelike;
    let number = spec.header.as_ref().and_then(|h| h.doc_number.as_ref());
    let (Some(n), Some(sig)) = (number, &spec.signature) else {
        return;
    };
    let date_year = sig.date.year();
    if n.year != date_year {
        out.push(finding(
            "doc-number-year",
            Severity::Warning,
            "header.doc_number",
            format!("发文字号年份 {} 与成文日期 {} 年不一致", n.year, date_year),
        ));
    }
}

/// `date-after-upstream`: a document derived from a notice is not dated before it.
fn date_after_upstream(spec: &Spec, out: &mut Vec<Finding>) {
    let (Some(p), Some(sig)) = (&spec.provenance, &spec.signature) else {
        return;
    };
    if let Some(up) = p.upstream_date {
        if sig.date < up {
            out.push(finding(
                "date-after-upstream",
                Severity::Error,
                "signature.date",
                format!(
                    "成文日期 {} 早于所依据的上级来文《{}》的日期 {}",
                    crate::compose::text::chinese_date(sig.date),
                    p.upstream_title,
                    crate::compose::text::chinese_date(up)
                ),
            ));
        }
    }
}

/// `joint-signature`: a joint document (several issuers in its 版头) is signed by them, each in
/// order (§7.3.5.1–2); a signature of the date alone leaves the seals without their names.
fn joint_signature(spec: &Spec, out: &mut Vec<Finding>) {
    let (Some(h), Some(sig)) = (&spec.header, &spec.signature) else {
        return;
    };
    if h.issuers.len() >= 2 && sig.names().is_empty() && sig.signer.is_none() {
        out.push(finding(
            "joint-signature",
            Severity::Warning,
            "signature",
            format!(
                "联合行文有 {} 个发文机关，[signature] 却没有署名：请按发文机关顺序写 issuers = [\"{}\"]（加盖印章时排成一排，每个印章盖在对应署名上）",
                h.issuers.len(),
                h.issuers.join("\", \"")
            ),
        ));
    }
}

/// Characters a heading has at most before it reads as a sentence: one line of the text block.
const MAX_HEADING_CHARS: usize = crate::gbt9704::CHARS_PER_LINE as usize;

/// Whether `heading` reads as a sentence rather than a heading: ending in a full stop with
/// clauses or past a line, or past two lines whatever its end (a long heading without a full
/// stop is still a heading). A run-in heading is a sentence by design; past two lines it is the
/// paragraph itself.
pub fn reads_as_sentence(heading: &str, run_in: bool) -> bool {
    let h = heading.trim();
    let chars = h.chars().count();
    if run_in || chars > 2 * MAX_HEADING_CHARS {
        return chars > 2 * MAX_HEADING_CHARS;
    }
    let clauses = h.trim_end_matches('。').contains(['，', '；']);
    h.ends_with('。') && (clauses || chars > MAX_HEADING_CHARS)
}

/// `heading-sentence`: a heading is a few words set in 黑体 or 楷体 (§7.3.4); a whole sentence
/// given as a heading prints in bold face as if it were one. The sentence belongs in `text` (a
/// numbered item in the body face), or after a short heading with `run_in`.
fn heading_sentences(spec: &Spec, out: &mut Vec<Finding>) {
    fn walk(at: &str, sections: &[super::schema::Section], out: &mut Vec<Finding>) {
        for (i, s) in sections.iter().enumerate() {
            let field = format!("{at}sections[{i}]");
            let h = s.heading.trim();
            let chars = h.chars().count();
            if reads_as_sentence(h, s.run_in) {
                out.push(finding(
                    "heading-sentence",
                    Severity::Warning,
                    &format!("{field}.heading"),
                    format!(
                        "这个标题有 {chars} 个字、是一句完整的话，会像标题一样用黑体或楷体印出：请删去 heading、把这句话写进 text（序号照排，用正文字体），或写一个短标题（如“活动时间。”）并设 run_in = true"
                    ),
                ));
            }
            walk(&format!("{field}."), &s.sections, out);
        }
    }
    walk("", &spec.sections, out);
    if let Some(e) = &spec.enclosure {
        walk("enclosure.", &e.sections, out);
    }
}

/// Characters a line holds at most, in any part of any document (a body line holds 28; a
/// table cell's smaller size or a landscape page more): for a lower bound on the pages.
const MOST_CHARS_PER_LINE: usize = 60;
/// Lines a page holds at most, likewise (a body page holds 22).
const MOST_LINES_PER_PAGE: usize = 40;

/// At least how many pages `all` fills: every field at least one line, none denser than
/// [`MOST_CHARS_PER_LINE`] and [`MOST_LINES_PER_PAGE`]; and the top-level field with most of
/// them.
fn least_pages(all: &[(String, String)]) -> (usize, String) {
    let mut by_field: std::collections::HashMap<&str, usize> = Default::default();
    let mut lines = 0;
    for (field, text) in all {
        let n = text.chars().count().div_ceil(MOST_CHARS_PER_LINE).max(1);
        lines += n;
        let top = field.split(['[', '.']).next().unwrap_or(field);
        *by_field.entry(top).or_default() += n;
    }
    let most = by_field.into_iter().max_by_key(|(_, n)| *n);
    (
        lines / MOST_LINES_PER_PAGE,
        most.map_or(String::new(), |(f, _)| f.to_owned()),
    )
}

/// `text-size`: no field longer than [`MAX_TEXT_CHARS`], no table longer than [`MAX_TABLE_ROWS`],
/// and no document that would lay out past the page limit (known before it is laid out: a
/// received file of 100,000 short paragraphs took 16 s and 3 GB to be refused after layout).
fn sizes(spec: &Spec, all: &[(String, String)], out: &mut Vec<Finding>) {
    let max = crate::render::layout::MAX_PAGES;
    let (pages, field) = least_pages(all);
    if pages > max {
        out.push(finding(
            "text-size",
            Severity::Error,
            &field,
            format!(
                "全文有 {} 段文字，排版后至少 {pages} 页，超过上限 {max} 页；请拆分为几份文件",
                all.len()
            ),
        ));
    }
    for (field, text) in all {
        let n = text.chars().count();
        if n > MAX_TEXT_CHARS {
            out.push(finding(
                "text-size",
                Severity::Error,
                field,
                format!("该段有 {n} 个字符，超过上限 {MAX_TEXT_CHARS}；请分段"),
            ));
        }
    }
    for (i, a) in spec.annexes.iter().enumerate() {
        let rows = a.rows.len() + a.blank_rows as usize;
        if rows > MAX_TABLE_ROWS {
            let key = if a.blank_rows as usize > a.rows.len() {
                "blank_rows"
            } else {
                "rows"
            };
            out.push(finding(
                "text-size",
                Severity::Error,
                &format!("annexes[{i}].{key}"),
                format!("表格有 {rows} 行，超过上限 {MAX_TABLE_ROWS}；请拆分为多个附件"),
            ));
        }
    }
}

/// `control-character`: text holds no control characters (line breaks included: one
/// paragraph per array item).
fn control_characters(all: &[(String, String)], out: &mut Vec<Finding>) {
    for (field, text) in all {
        if let Some(c) = text.chars().find(|c| c.is_control()) {
            let hint = if c == '\n' {
                "；分段请写成数组中的多个字符串"
            } else {
                ""
            };
            out.push(finding(
                "control-character",
                Severity::Error,
                field,
                format!("含有控制字符 U+{:04X}{hint}", c as u32),
            ));
        }
    }
}

/// The marker `gongwen derive` puts where the office still has to write something.
pub const PLACEHOLDER: &str = "【待填写";

/// Every 【待填写…】 mark of `text`, whole (each at most 40 characters).
fn placeholders_in(text: &str) -> Vec<String> {
    text.match_indices(PLACEHOLDER)
        .map(|(at, _)| {
            let mark = &text[at..];
            let end = mark.find('】').map_or(mark.len(), |i| i + '】'.len_utf8());
            mark[..end].chars().take(40).collect()
        })
        .collect()
}

/// `placeholder`: text a derived draft marked as still to be written by the office, each mark
/// said (two in one paragraph are two things to write).
fn placeholders(all: &[(String, String)], out: &mut Vec<Finding>) {
    for (field, text) in all {
        for mark in placeholders_in(text) {
            out.push(finding(
                "placeholder",
                Severity::Warning,
                field,
                format!("尚待填写：“{mark}”"),
            ));
        }
    }
}

/// `missing-glyph`: every character can be drawn by some font.
/// The role a field's text is mostly set in, for the glyph rules: 签发人 in 楷体, the title in
/// 小标宋, the rest (正文 and most else) in 仿宋.
fn field_role(field: &str) -> FontRole {
    if field.starts_with("header.signers") {
        FontRole::Kai
    } else if field == "title" {
        FontRole::Xiaobiaosong
    } else {
        FontRole::Fangsong
    }
}

/// `fallback-glyph`: characters the field's own face lacks are drawn from the fallback face, in
/// a 宋体 style beside 楷体 or 仿宋 (rare characters of names: 喆 堃): said, so the office can
/// install an official font that has them.
fn fallback_glyphs(all: &[(String, String)], fonts: &FontSet, out: &mut Vec<Finding>) {
    for (field, text) in all {
        let role = field_role(field);
        let mut chars: Vec<char> = text
            .chars()
            .filter(|&c| fonts.covers(role, c) && !fonts.covers_in_own_face(role, c))
            .collect();
        chars.sort_unstable();
        chars.dedup();
        if chars.is_empty() {
            continue;
        }
        // The layout will draw from the fallback face: its hash made ahead, beside the check.
        fonts.warm_fallback();
        let list: Vec<String> = chars.iter().take(5).map(|c| format!("“{c}”")).collect();
        out.push(finding(
            "fallback-glyph",
            Severity::Warning,
            field,
            format!(
                "{} 不在{}字库中，将借用其他字体显示，字形与周围文字不一致；可安装含有这些字的{}字体（gongwen fonts 列出所用字体）",
                list.join("、"),
                role.chinese(),
                role.chinese()
            ),
        ));
    }
}

fn missing_glyphs(all: &[(String, String)], fonts: &FontSet, out: &mut Vec<Finding>) {
    for (field, text) in all {
        let mut missing: Vec<char> = text
            .chars()
            .filter(|&c| !c.is_control() && !fonts.covers(FontRole::Fangsong, c))
            .collect();
        missing.dedup();
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .take(5)
                .map(|c| format!("“{c}”（U+{:04X}）", *c as u32))
                .collect();
            out.push(finding(
                "missing-glyph",
                Severity::Error,
                field,
                format!(
                    "字符 {} 没有任何可用字体能够显示；请改用规范字，或安装含有该字的字体并用 --font-path 指定",
                    list.join("、")
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn spec(extra_top: &str, header: &str) -> Spec {
        let src = format!("title = \"关于开展活动的通知\"\n{extra_top}\n{header}\n[signature]\ndate = 2025-04-02\n");
        let de = toml::Deserializer::parse(&src).unwrap();
        serde_path_to_error::deserialize(de).unwrap()
    }

    fn rules(s: &Spec) -> Vec<&'static str> {
        check(s, None).iter().map(|f| f.rule).collect()
    }

    #[test]
    fn every_mark_left_to_fill_in_is_said_even_two_in_one_paragraph() {
        let text = "完成绿肥【待填写：本县的数量（上级来文为600万）】亩、治理【待填写：本县的数量（上级来文为80万）】亩。";
        let marks = placeholders_in(text);
        assert_eq!(marks.len(), 2);
        assert!(marks[1].contains("80万"), "{marks:?}");
    }

    #[test]
    fn square_brackets_in_the_doc_number_are_reported_with_the_fix() {
        let s = spec(
            "",
            "[header]\nissuers = [\"上海市知识产权局\"]\ndoc_number = \"沪知联办[2025]2号\"",
        );
        let f = check(&s, None);
        assert_eq!(f[0].rule, "doc-number-form");
        assert!(f[0].message.contains("沪知联办〔2025〕2号"));
        assert_eq!(f[0].fix.as_ref().unwrap().value, "沪知联办〔2025〕2号");
    }

    #[test]
    fn di_and_leading_zeros_are_reported() {
        for written in [
            "国发〔2025〕第9号",
            "国发〔2025〕009号",
            "国发（2025）9号",
            "国发【2025】9号",
        ] {
            let s = spec(
                "",
                &format!("[header]\nissuers = [\"国务院\"]\ndoc_number = \"{written}\""),
            );
            let f = check(&s, None);
            assert_eq!(
                f.first().map(|f| f.rule),
                Some("doc-number-form"),
                "{written}"
            );
            assert_eq!(f[0].fix.as_ref().unwrap().value, "国发〔2025〕9号");
        }
    }

    #[test]
    fn correct_doc_number_passes() {
        let s = spec(
            "",
            "[header]\nissuers = [\"国务院\"]\ndoc_number = \"国发〔2025〕9号\"",
        );
        assert!(rules(&s).is_empty(), "{:?}", rules(&s));
    }

    #[test]
    fn title_with_a_full_stop_is_an_error_with_fix() {
        let mut s = spec("", "");
        s.title = "关于开展活动的通知。".into();
        let f = check(&s, None);
        assert_eq!(f[0].rule, "title-punctuation");
        assert_eq!(f[0].fix.as_ref().unwrap().value, "关于开展活动的通知");
    }

    #[test]
    fn notice_title_without_guanyu_is_a_warning() {
        let mut s = spec("", "");
        s.title = "开展活动的通知".into();
        let f = check(&s, None);
        assert_eq!(
            (f[0].rule, f[0].severity),
            ("title-guanyu", Severity::Warning)
        );
    }

    #[test]
    fn recipients_colon_may_be_missing_but_not_doubled() {
        assert!(rules(&spec("recipients = \"各区\"", "")).is_empty());
        assert!(rules(&spec("recipients = \"各区：\"", "")).is_empty());
        let f = check(&spec("recipients = \"各区：：\"", ""), None);
        assert_eq!(f[0].rule, "recipients-colon");
        assert_eq!(f[0].fix.as_ref().unwrap().value, "各区：");
    }

    #[test]
    fn a_derived_document_dated_before_its_upstream_is_an_error() {
        let s = spec(
            "",
            "[provenance]\nupstream_file = \"u.toml\"\nupstream_title = \"上级通知\"\nupstream_date = 2025-04-10\noffice_file = \"o.toml\"\nderived_as = \"notice\"",
        );
        let f = check(&s, None);
        assert_eq!(f[0].rule, "date-after-upstream");
        assert!(f[0].message.contains("2025年4月2日") && f[0].message.contains("2025年4月10日"));
    }

    #[test]
    fn citing_a_missing_annex_is_an_error() {
        let s = spec("opening = \"请填写附件2并报送。\"", "");
        assert_eq!(rules(&s), ["annex-reference"]);
    }

    #[test]
    fn a_sentence_given_as_a_heading_is_reported_and_a_heading_is_not() {
        let sentence = "活动期间，在市民中心广场设立知识产权咨询服务点，免费提供咨询服务。";
        let toml = format!(
            "[[sections]]\nheading = \"活动安排\"\n[[sections.sections]]\nheading = \"{sentence}\"\n\
             [[sections]]\nheading = \"活动时间。\"\nrun_in = true\ntext = \"{sentence}\""
        );
        let s = spec(&toml, "");
        let found: Vec<_> = check(&s, None)
            .into_iter()
            .filter(|f| f.rule == "heading-sentence")
            .collect();
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].field, "sections[0].sections[0].heading");
        assert!(
            found[0].message.contains("有 33 个字"),
            "{}",
            found[0].message
        );
        // A heading, even a long one, without a full stop stays a heading.
        for heading in [
            "强化组织领导，压实工作责任",
            "深入开展知识产权宣传周主题活动营造尊重知识崇尚创新的良好社会氛围",
        ] {
            let s = spec(&format!("[[sections]]\nheading = \"{heading}\""), "");
            assert!(
                rules(&s).iter().all(|r| *r != "heading-sentence"),
                "{heading}"
            );
        }
    }

    #[test]
    fn control_characters_and_huge_text_are_errors() {
        let s = spec("opening = [\"第一段\\n第二段\", \"响铃\\u0007\"]", "");
        assert_eq!(rules(&s), ["control-character", "control-character"]);
        let mut s = spec("", "");
        s.opening.0 = vec!["字".repeat(MAX_TEXT_CHARS + 1)];
        assert_eq!(rules(&s), ["text-size"]);
    }

    #[test]
    fn a_document_too_long_to_lay_out_is_refused_before_layout_and_a_long_one_is_not() {
        let mut s = spec("", "");
        // 100,000 short paragraphs: at least 2,500 pages.
        s.opening.0 = (0..100_000).map(|i| format!("第{i}段。")).collect();
        let f = check(&s, None);
        let size: Vec<_> = f.iter().filter(|f| f.rule == "text-size").collect();
        assert_eq!(size.len(), 1, "{f:?}");
        assert_eq!(size[0].field, "opening");
        assert!(
            size[0].message.contains("至少 2500 页"),
            "{}",
            size[0].message
        );
        // 600 full pages of body text (28 × 22 characters each) is long, not refused.
        s.opening.0 = vec!["字".repeat(616); 600];
        assert!(!rules(&s).contains(&"text-size"), "{:?}", rules(&s));
    }

    #[test]
    fn characters_no_font_has_name_the_character_and_field() {
        let fonts = FontSet::load(&[], false);
        let s = spec("contacts = \"联系人：王😀\"", "");
        let f = check(&s, Some(&fonts));
        assert_eq!(f[0].rule, "missing-glyph");
        assert_eq!(f[0].field, "contacts");
        assert!(f[0].message.contains("U+1F600"), "{}", f[0].message);
        let _ = Path::new("");
    }

    #[test]
    fn rare_characters_drawn_from_the_fallback_face_are_named_with_their_field() {
        let fonts = FontSet::load(&[], false);
        let s = spec(
            "",
            "[header]\nissuers = [\"某局\"]\ndoc_number = \"某〔2025〕1号\"\nsigners = [\"黄喆\", \"李建国\"]",
        );
        let f: Vec<_> = check(&s, Some(&fonts))
            .into_iter()
            .filter(|f| f.rule == "fallback-glyph")
            .collect();
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].field, "header.signers[0]");
        assert!(
            f[0].message.starts_with("“喆” 不在楷体字库中"),
            "{}",
            f[0].message
        );
        assert!(
            fonts.covers(FontRole::Kai, '喆') && !fonts.covers_in_own_face(FontRole::Kai, '喆')
        );
    }
}
