//! Bad specs, one table: each case's exit code, message (place and field) and that nothing was
//! written, through both `gongwen check` and `gongwen render`.

mod common;

use common::gongwen;

const SIGNATURE: &str = "[signature]\ndate = 2025-04-02\n";

/// (case, spec text, expected pieces of the message)
fn cases() -> Vec<(&'static str, String, Vec<&'static str>)> {
    let ok_title = "title = \"关于开展活动的通知\"\n";
    vec![
        ("malformed-toml", format!("title = \"未闭合\n{SIGNATURE}"), vec![":1:", "TOML 语法错误"]),
        ("unknown-key", format!("{ok_title}recipient = \"各区\"\n{SIGNATURE}"), vec![":2:1:", "字段 recipient", "是否想写 `recipients`"]),
        ("unknown-nested-key", format!("{ok_title}{SIGNATURE}sealed_by = \"x\"\n"), vec!["字段 signature.sealed_by", "未知的键"]),
        ("wrong-type", format!("title = 5\n{SIGNATURE}"), vec![":1:9:", "字段 title", "类型错误"]),
        ("wrong-type-array", format!("{ok_title}[header]\nissuers = \"某局\"\ndoc_number = \"某发〔2025〕1号\"\n{SIGNATURE}"), vec!["字段 header.issuers", "类型错误"]),
        ("missing-title", SIGNATURE.to_owned(), vec![":1:1:", "字段 title", "标题不能为空"]),
        ("missing-signature", ok_title.to_owned(), vec!["字段 signature", "需要 [signature]"]),
        ("signature-after-nothing", format!("{ok_title}{SIGNATURE}after_enclosure = true\n"), vec!["字段 signature.after_enclosure", "[enclosure]"]),
        ("cover-without-enclosure", format!("kind = \"cover\"\n{ok_title}{SIGNATURE}"), vec!["字段 enclosure", "需要 [enclosure]"]),
        ("unknown-variable", format!("title = \"关于开展{{yaer}}年活动的通知\"\n{SIGNATURE}[campaign]\nyear = 2025\nstart = 2025-04-20\nend = 2025-04-26\n"), vec![":1:9:", "字段 title", "未知的变量 {yaer}"]),
        ("variable-without-campaign", format!("title = \"关于开展{{year}}年活动的通知\"\n{SIGNATURE}"), vec!["字段 title", "没有 [campaign]"]),
        ("campaign-ends-before-start", format!("{ok_title}{SIGNATURE}[campaign]\nyear = 2025\nstart = 2025-04-20\nend = 2025-04-10\n"), vec!["字段 campaign.end", "早于开始日期"]),
        ("impossible-date", format!("{ok_title}[signature]\ndate = 2025-02-30\n"), vec![":3:8:", "TOML 语法错误：日期无效，应为 01 至 28 之间的日"]),
        ("unclosed-string", format!("title = \"关于开展活动的通知\nclosing = \"特此通知。\"\n{SIGNATURE}"), vec![":1:", "字符串没有正确结束"]),
        ("unquoted-text", format!("{ok_title}recipients = 各区\n{SIGNATURE}"), vec![":2:", "TOML 语法错误：", "引号"]),
        ("two-thousand-columns", format!("{ok_title}{SIGNATURE}[[annexes]]\ntitle = \"表\"\nkind = \"table\"\ncolumns = [{}]\n", vec!["\"列\""; 2000].join(", ")), vec!["字段 annexes[0].columns", "2000 列", "最多容纳 31 列"]),
        ("datetime-not-date", format!("{ok_title}[signature]\ndate = 2025-02-03T10:00:00\n"), vec!["字段 signature.date", "不带时间的日期"]),
        ("empty-title", format!("title = \"  \"\n{SIGNATURE}"), vec![":1:9:", "字段 title", "标题不能为空"]),
        ("empty-heading", format!("{ok_title}{SIGNATURE}[[sections]]\nheading = \"\"\n"), vec!["字段 sections[0].heading", "小标题和正文不能都为空"]),
        ("bad-doc-number", format!("{ok_title}[header]\nissuers = [\"某局\"]\ndoc_number = \"某发2025第1号\"\n{SIGNATURE}"), vec!["字段 header.doc_number", "无法识别发文字号"]),
        ("square-brackets", format!("{ok_title}[header]\nissuers = [\"上海市知识产权局\"]\ndoc_number = \"沪知联办[2025]2号\"\n{SIGNATURE}"), vec![":4:14:", "应为“沪知联办〔2025〕2号”", "[doc-number-form]"]),
        ("doubled-colon", format!("{ok_title}recipients = \"各区：：\"\n{SIGNATURE}"), vec!["字段 recipients", "[recipients-colon]"]),
        ("title-full-stop", format!("title = \"关于开展活动的通知。\"\n{SIGNATURE}"), vec!["[title-punctuation]"]),
        ("missing-annex", format!("{ok_title}opening = \"请填报附件3。\"\n{SIGNATURE}"), vec!["字段 opening", "附件3", "[annex-reference]"]),
        ("control-character", format!("{ok_title}opening = \"响铃\\u0007\"\n{SIGNATURE}"), vec!["字段 opening", "U+0007"]),
        ("emoji", format!("{ok_title}contacts = \"联系人：王😀\"\n{SIGNATURE}"), vec!["字段 contacts", "U+1F600", "[missing-glyph]"]),
        ("private-use", format!("{ok_title}[[sections]]\nheading = \"总体要求\"\ntext = \"字\\uE000\"\n{SIGNATURE}"), vec!["字段 sections[0].text", "U+E000"]),
        ("ten-thousand-rows", format!("{ok_title}{SIGNATURE}[[annexes]]\ntitle = \"统计表\"\nkind = \"table\"\ncolumns = [\"单位\"]\nblank_rows = 10000\n"), vec![":8:14:", "字段 annexes[0].blank_rows", "10000 行"]),
        ("megabyte-paragraph", format!("{ok_title}opening = \"{}\"\n{SIGNATURE}", "字".repeat(350_000)), vec!["字段 opening", "350000 个字符"]),
        ("too-deep", format!("{ok_title}{SIGNATURE}[[sections]]\nheading = \"一\"\n[[sections.sections]]\nheading = \"二\"\n[[sections.sections.sections]]\nheading = \"三\"\n[[sections.sections.sections.sections]]\nheading = \"四\"\n[[sections.sections.sections.sections.sections]]\nheading = \"五\"\n"), vec!["最多四层"]),
        ("numbering-above-parent", format!("{ok_title}{SIGNATURE}[[sections]]\nheading = \"总体要求\"\nnumbering = \"1.\"\n[[sections.sections]]\nheading = \"目标\"\nnumbering = \"（一）\"\n"), vec!["字段 sections[0].sections[0].numbering", "不能用在上一层“1.”之下"]),
        ("numbering-differs-among-siblings", format!("{ok_title}{SIGNATURE}[[sections]]\nheading = \"甲\"\nnumbering = \"1.\"\n[[sections]]\nheading = \"乙\"\nnumbering = \"（一）\"\n"), vec!["字段 sections[1].numbering", "同一层的序号应一致"]),
        ("unknown-numbering", format!("{ok_title}{SIGNATURE}[[sections]]\nheading = \"甲\"\nnumbering = \"A.\"\n"), vec!["字段 sections[0].numbering", "A."]),
        ("table-without-columns", format!("{ok_title}{SIGNATURE}[[annexes]]\ntitle = \"表\"\nkind = \"table\"\n"), vec!["字段 annexes[0].columns"]),
        ("row-wider-than-head", format!("{ok_title}{SIGNATURE}[[annexes]]\ntitle = \"表\"\nkind = \"table\"\ncolumns = [\"甲\"]\nrows = [[\"1\", \"2\"]]\n"), vec!["字段 annexes[0].rows[0]", "多于表头"]),
        ("unknown-kind", format!("{ok_title}kind = \"memo\"\n{SIGNATURE}"), vec!["字段 kind", "取值 `memo` 无效"]),
        ("bad-copy-number", format!("{ok_title}[header]\nissuers = [\"某局\"]\ndoc_number = \"某发〔2025〕1号\"\ncopy_number = \"12\"\n{SIGNATURE}"), vec!["字段 header.copy_number", "6 位"]),
    ]
}

#[test]
fn every_bad_spec_fails_with_place_and_field_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text, expected) in cases() {
        let file = format!("{name}.toml");
        std::fs::write(dir.path().join(&file), &text).unwrap();
        for command in [
            vec!["check", file.as_str()],
            vec!["render", file.as_str(), "-o", "out"],
        ] {
            let o = gongwen(&command, dir.path());
            let err = String::from_utf8_lossy(&o.stderr);
            assert_eq!(o.status.code(), Some(1), "{name} ({}): {err}", command[0]);
            assert!(
                err.contains(&format!("{file}:")),
                "{name}: no file in {err}"
            );
            for piece in &expected {
                assert!(
                    err.contains(piece),
                    "{name} ({}): expected `{piece}` in\n{err}",
                    command[0]
                );
            }
            assert!(!dir.path().join("out").exists(), "{name}: output written");
        }
        let after = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert_eq!(after, text, "{name}: check without --fix changed the spec");
    }
}

#[test]
fn fix_trims_the_full_stop_of_a_title_that_holds_variables() {
    let dir = tempfile::tempdir().unwrap();
    let spec = "# 标题\ntitle = \"关于开展{year}年宣传周活动的通知。\"  # 注\n[campaign]\nyear = 2025\nstart = 2025-04-20\nend = 2025-04-26\n[signature]\ndate = 2025-04-02\n";
    std::fs::write(dir.path().join("t.toml"), spec).unwrap();
    let o = gongwen(&["check", "--fix", "t.toml"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fixed = std::fs::read_to_string(dir.path().join("t.toml")).unwrap();
    assert_eq!(fixed, spec.replace("的通知。", "的通知"));
}

#[test]
fn warnings_do_not_stop_the_document() {
    let dir = tempfile::tempdir().unwrap();
    let text = "title = \"开展活动的通知\"\n[header]\nissuers = [\"某局\"]\ndoc_number = \"某发〔2024〕1号\"\n[signature]\ndate = 2025-04-02\n";
    std::fs::write(dir.path().join("w.toml"), text).unwrap();
    let o = gongwen(
        &["render", "w.toml", "-o", "out", "--format", "pdf"],
        dir.path(),
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        err.contains("警告：")
            && err.contains("[title-guanyu]")
            && err.contains("[doc-number-year]"),
        "{err}"
    );
    assert!(dir.path().join("out/w.pdf").exists());
}

#[test]
fn fix_rewrites_the_doc_number_keeping_comments_then_check_is_clean() {
    let dir = tempfile::tempdir().unwrap();
    let text = "# 上海市知识产权联席会议办公室\ntitle = \"关于开展活动的通知\"\n[header]\nissuers = [\"上海市知识产权局\"]\ndoc_number = \"沪知联办[2025]2号\" # 原件如此\n[signature]\ndate = 2025-04-02\n";
    std::fs::write(dir.path().join("f.toml"), text).unwrap();
    let o = gongwen(&["check", "--fix", "f.toml"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fixed = std::fs::read_to_string(dir.path().join("f.toml")).unwrap();
    assert_eq!(
        fixed,
        text.replace("沪知联办[2025]2号", "沪知联办〔2025〕2号")
    );
    let o = gongwen(&["check", "f.toml"], dir.path());
    assert!(o.status.success());
    assert!(String::from_utf8_lossy(&o.stdout).contains("1 个规格文件检查通过"));
}

#[test]
fn an_output_directory_that_cannot_be_created_fails_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("blocker"),
        "a file where the directory should be",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("ok.toml"),
        format!("title = \"关于开展活动的通知\"\n{SIGNATURE}"),
    )
    .unwrap();
    let o = gongwen(&["render", "ok.toml", "-o", "blocker/out"], dir.path());
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("blocker"), "{err}");
}

#[test]
fn markup_characters_in_every_field_render_literally_in_both_formats() {
    let dir = tempfile::tempdir().unwrap();
    let m = r#"#*$_<@\\`[]{}"#;
    let text = format!(
        r#"title = "关于{m}的通知"
recipients = "各区{m}"
opening = "开头{m}"
closing = "结尾{m}"
notes = ["附注{m}"]
contacts = "联系人{m}"
[header]
issuers = ["某局{m}", "另一局"]
doc_number = "某发〔2025〕1号"
signers = ["张三"]
[[sections]]
heading = "标题{m}"
text = "正文{m}"
run_in = true
[signature]
issuer = "某局{m}"
date = 2025-04-02
[[annexes]]
title = "名单{m}"
kind = "list"
groups = [{{ label = "单位{m}", items = ["甲{m}"] }}]
[[annexes]]
title = "表{m}"
kind = "table"
fields = [{{ label = "单位{m}", value = "值{m}" }}]
columns = ["列{m}"]
rows = [["格{m}"]]
[colophon]
cc = ["抄送{m}"]
printer = "印发{m}"
print_date = 2025-04-02
"#
    );
    std::fs::write(dir.path().join("m.toml"), text).unwrap();
    let o = gongwen(&["render", "m.toml", "-o", "out"], dir.path());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let docx = std::fs::read(dir.path().join("out/m.docx")).unwrap();
    assert!(docx.starts_with(b"PK"));
    assert!(std::fs::read(dir.path().join("out/m.pdf"))
        .unwrap()
        .starts_with(b"%PDF"));
}
