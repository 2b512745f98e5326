//! The one spec writer: a [`Spec`] with its comments → TOML an office can read and edit.
//!
//! Every producer of specs (import, derive, `new`) builds the typed [`Spec`] and hands it here.
//! Serde gives the keys (the same names the reader takes, in the struct's order, which is the
//! document's order); this module only lays the TOML out: sub-structures as `[tables]` and
//! `[[arrays of tables]]` in document order, small records (发文字号, 填写项, 名单, 表头,
//! 表格行) inline, long lists one item per line, and comments where the producer put them.

use super::schema::Spec;
use toml_edit::{Array, ArrayOfTables, DocumentMut, Item, Table, Value};

/// A spec with what its producer wants the office to read beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotated {
    /// The spec.
    pub spec: Spec,
    /// Comment lines at the top of the file (where it came from, what to check).
    pub preamble: Vec<String>,
    /// Comments placed above a field, by its path (`header.doc_number`, `annexes[1]`).
    pub comments: Vec<Comment>,
    /// Received text that could not be placed in the spec (第几页第几行), kept as comments.
    pub unplaced: Vec<Unplaced>,
}

/// A comment above one field or table of the spec.
#[derive(Debug, Clone, PartialEq)]
pub struct Comment {
    /// The field path, as in diagnostics: `header.doc_number`, `annexes[1]`, `sections[0].text`.
    pub at: String,
    /// The comment's text (one line).
    pub text: String,
}

/// A line of a received file that import could not place (未能归类).
#[derive(Debug, Clone, PartialEq)]
pub struct Unplaced {
    /// Page (1-based; 0 for the whole file).
    pub page: usize,
    /// Line on the page (1-based).
    pub line: usize,
    /// The text.
    pub text: String,
}

impl Annotated {
    /// A spec without comments.
    pub fn new(spec: Spec) -> Annotated {
        Annotated {
            spec,
            preamble: Vec::new(),
            comments: Vec::new(),
            unplaced: Vec::new(),
        }
    }

    /// Adds a comment above the field at `at`.
    pub fn comment(&mut self, at: &str, text: impl Into<String>) {
        self.comments.push(Comment {
            at: at.to_owned(),
            text: text.into(),
        });
    }
}

/// Keys whose tables stay inline (`doc_number = { code = …, year = …, serial = … }`).
const INLINE_TABLES: [&str; 1] = ["doc_number"];
/// Keys whose arrays of records stay inline arrays (`fields = [{ label = …, value = … }]`).
const INLINE_ARRAYS: [&str; 4] = ["fields", "groups", "columns", "rows"];
/// An array of plain values longer than this (in characters) is written one item per line.
const ONE_LINE_WIDTH: usize = 72;

/// The spec as TOML text: preamble, unplaced text, then the spec laid out.
pub fn write(a: &Annotated) -> String {
    let mut out = String::new();
    for line in &a.preamble {
        out.push_str(&comment_line(line));
    }
    if !a.unplaced.is_empty() {
        if !a.preamble.is_empty() {
            out.push_str("#\n");
        }
        out.push_str("# 未能归入规格的原文（第几页第几行：原文），请人工处理：\n");
        for u in &a.unplaced {
            out.push_str(&comment_line(&format!(
                "  第{}页第{}行：{}",
                u.page, u.line, u.text
            )));
        }
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&document(a).to_string());
    out
}

/// Writes a plain spec (no comments).
pub fn to_toml(spec: &Spec) -> String {
    write(&Annotated::new(spec.clone()))
}

fn comment_line(text: &str) -> String {
    // A comment is one line: a producer's newline would end it and start TOML.
    format!("# {}\n", text.replace(['\n', '\r'], " "))
}

/// The laid-out document with the comments attached.
fn document(a: &Annotated) -> DocumentMut {
    let mut doc = toml_edit::ser::to_document(&a.spec).expect("a spec always serialises to TOML");
    let mut position = 0;
    lay_out(doc.as_table_mut(), &mut position);
    for c in &a.comments {
        attach(doc.as_table_mut(), &c.at, &c.text);
    }
    doc
}

/// Turns the serialiser's inline values into tables, arrays of tables and wrapped arrays,
/// numbering tables in document order.
fn lay_out(table: &mut Table, position: &mut usize) {
    let keys: Vec<String> = table.iter().map(|(k, _)| k.to_owned()).collect();
    for key in keys {
        let Some(item) = table.get_mut(&key) else {
            continue;
        };
        let inline = INLINE_TABLES.contains(&key.as_str()) || INLINE_ARRAYS.contains(&key.as_str());
        let taken = std::mem::take(item);
        *item = match taken {
            Item::Value(Value::InlineTable(t)) if !inline => {
                let mut t = t.into_table();
                *position += 1;
                t.set_position(*position);
                lay_out(&mut t, position);
                Item::Table(t)
            }
            Item::Value(Value::Array(a)) if !inline && records(&a) => {
                let mut list = ArrayOfTables::new();
                for v in a {
                    if let Value::InlineTable(t) = v {
                        let mut t = t.into_table();
                        *position += 1;
                        t.set_position(*position);
                        lay_out(&mut t, position);
                        list.push(t);
                    }
                }
                Item::ArrayOfTables(list)
            }
            Item::Value(Value::Array(mut a)) => {
                wrap(&mut a, key == "rows");
                Item::Value(Value::Array(a))
            }
            other => other,
        };
    }
}

/// Whether an array holds records (tables) only.
fn records(a: &Array) -> bool {
    !a.is_empty() && a.iter().all(|v| matches!(v, Value::InlineTable(_)))
}

/// One item per line when the array is long (always for table rows).
fn wrap(a: &mut Array, always: bool) {
    let width: usize = a.iter().map(|v| v.to_string().chars().count() + 2).sum();
    if !always && width <= ONE_LINE_WIDTH {
        return;
    }
    for v in a.iter_mut() {
        v.decor_mut().set_prefix("\n    ");
        v.decor_mut().set_suffix("");
    }
    a.set_trailing("\n");
    a.set_trailing_comma(true);
}

/// Puts `# text` above the field or table at `path` (silently nowhere if it is absent: a
/// comment never changes what the spec says).
fn attach(root: &mut Table, path: &str, text: &str) {
    let line = comment_line(text);
    let steps: Vec<&str> = path.split('.').collect();
    let Some((last, parents)) = steps.split_last() else {
        return;
    };
    let mut table = root;
    for step in parents {
        let (key, index) = split_index(step);
        let next = match (table.get_mut(key), index) {
            (Some(Item::Table(t)), None) => t,
            (Some(Item::ArrayOfTables(list)), Some(i)) => match list.get_mut(i) {
                Some(t) => t,
                None => return,
            },
            _ => return,
        };
        table = next;
    }
    let (key, index) = split_index(last);
    match (table.get_mut(key), index) {
        (Some(Item::Table(t)), None) => prepend(t.decor_mut(), "\n", &line),
        (Some(Item::ArrayOfTables(list)), Some(i)) => {
            if let Some(t) = list.get_mut(i) {
                prepend(t.decor_mut(), "\n", &line);
            }
        }
        (Some(_), None) => {
            if let Some(mut k) = table.key_mut(key) {
                prepend(k.leaf_decor_mut(), "", &line);
            }
        }
        _ => {}
    }
}

/// Adds `line` to a decor's prefix; `default` is the prefix toml_edit prints when none is set.
fn prepend(decor: &mut toml_edit::Decor, default: &str, line: &str) {
    let before = decor
        .prefix()
        .and_then(|p| p.as_str())
        .unwrap_or(default)
        .to_owned();
    // A table's header keeps its blank line above the comment.
    let (blank, rest) = match before.strip_prefix('\n') {
        Some(rest) => ("\n", rest.to_owned()),
        None => ("", before),
    };
    decor.set_prefix(format!("{blank}{rest}{line}"));
}

/// `annexes[1]` → (`annexes`, Some(1)).
fn split_index(step: &str) -> (&str, Option<usize>) {
    match step.strip_suffix(']').and_then(|s| s.split_once('[')) {
        Some((key, i)) => (key, i.parse().ok()),
        None => (step, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::*;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use std::path::{Path, PathBuf};

    fn read(text: &str) -> Spec {
        crate::spec::deserialize(text, Path::new("t.toml"))
            .unwrap_or_else(|e| panic!("{e}\n{text}"))
    }

    fn sample_files() -> Vec<PathBuf> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut out = Vec::new();
        for dir in [root.clone(), root.join("kinds")] {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.extension().is_some_and(|x| x == "toml") {
                    out.push(p);
                }
            }
        }
        out.sort();
        out
    }

    #[test]
    fn every_sample_reads_back_as_the_same_spec() {
        let files = sample_files();
        assert!(files.len() >= 20, "{} samples", files.len());
        for p in files {
            let spec = read(&std::fs::read_to_string(&p).unwrap());
            let text = to_toml(&spec);
            assert_eq!(read(&text), spec, "{}:\n{text}", p.display());
        }
    }

    #[test]
    fn tables_follow_document_order_and_records_stay_inline() {
        let spec = read(
            r#"
title = "关于某事的通知"
[[annexes]]
title = "统计表"
kind = "table"
fields = [{ label = "填报单位", value = "" }]
columns = ["序号", { title = "名称", width = 3 }]
rows = [["1", "甲"]]
[signature]
issuer = "某局"
date = 2026-04-20
[header]
issuers = ["某局"]
doc_number = { code = "某发", year = 2026, serial = 3 }
[[sections]]
heading = "总体要求"
text = "一段。"
"#,
        );
        let text = to_toml(&spec);
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s} not in\n{text}"));
        assert!(at("[header]") < at("[[sections]]"), "{text}");
        assert!(at("[[sections]]") < at("[signature]"), "{text}");
        assert!(at("[signature]") < at("[[annexes]]"), "{text}");
        assert!(
            text.contains(r#"doc_number = { code = "某发", year = 2026, serial = 3 }"#),
            "{text}"
        );
        assert!(
            text.contains(r#"fields = [{ label = "填报单位", value = "" }]"#),
            "{text}"
        );
        assert!(
            text.contains(r#"columns = ["序号", { title = "名称", width = 3.0 }]"#),
            "{text}"
        );
        assert!(text.contains("date = 2026-04-20\n"), "{text}");
        assert!(text.contains("rows = [\n    [\"1\", \"甲\"],\n]"), "{text}");
    }

    #[test]
    fn comments_stand_above_the_field_they_name() {
        let mut a = Annotated::new(read(
            r#"
title = "关于某事的通知"
[header]
issuers = ["某局"]
doc_number = { code = "某发", year = 2026, serial = 1 }
[[annexes]]
title = "甲"
[[annexes]]
title = "乙"
"#,
        ));
        a.preamble.push("由测试生成".into());
        a.comment("header.doc_number", "【待填写】发文顺序号");
        a.comment("annexes[1]", "原件没有附件正文");
        a.comment("no.such.field", "never printed");
        a.unplaced.push(Unplaced {
            page: 2,
            line: 7,
            text: "多出的一行\n第二行".into(),
        });
        let text = write(&a);
        assert!(
            text.starts_with("# 由测试生成\n#\n# 未能归入规格的原文"),
            "{text}"
        );
        assert!(
            text.contains("#   第2页第7行：多出的一行 第二行\n"),
            "{text}"
        );
        assert!(
            text.contains("# 【待填写】发文顺序号\ndoc_number = {"),
            "{text}"
        );
        assert!(
            text.contains("\n# 原件没有附件正文\n[[annexes]]\ntitle = \"乙\""),
            "{text}"
        );
        assert!(!text.contains("never printed"));
        assert_eq!(read(&text), a.spec);
    }

    #[test]
    fn long_lists_are_written_one_item_per_line() {
        let names: Vec<String> = (1..=9).map(|i| format!("某某市第{i}成员单位")).collect();
        let spec = Spec {
            title: "通知".into(),
            notes: names.clone(),
            keywords: vec!["短".into()],
            ..Spec::default()
        };
        let text = to_toml(&spec);
        assert!(
            text.contains("notes = [\n    \"某某市第1成员单位\",\n"),
            "{text}"
        );
        assert!(text.contains("keywords = [\"短\"]\n"), "{text}");
        assert_eq!(read(&text), spec);
    }

    fn text() -> impl Strategy<Value = String> {
        proptest::string::string_regex(
            "[a-z0-9 \"'\\\\{}#=\\[\\]\\n\\t、。，：“”《》〔〕关于通知某局年月日]{0,24}",
        )
        .unwrap()
    }

    fn opt_text() -> impl Strategy<Value = Option<String>> {
        proptest::option::of(text())
    }

    fn date() -> impl Strategy<Value = NaiveDate> {
        (1990i32..2100, 1u32..=12, 1u32..=28)
            .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    fn paragraphs() -> impl Strategy<Value = Paragraphs> {
        prop::collection::vec(text(), 0..3).prop_map(Paragraphs)
    }

    fn section(depth: u32) -> BoxedStrategy<Section> {
        let phase = (text(), date(), proptest::option::of(date()), text()).prop_map(
            |(name, start, end, text)| Phase {
                name,
                start,
                end,
                text,
            },
        );
        let subs = if depth == 0 {
            Just(Vec::new()).boxed()
        } else {
            prop::collection::vec(section(depth - 1), 0..3).boxed()
        };
        (
            text(),
            any::<bool>(),
            paragraphs(),
            subs,
            prop::collection::vec(phase, 0..2),
        )
            .prop_map(|(heading, run_in, text, sections, phases)| Section {
                heading,
                run_in,
                text,
                sections,
                phases,
                ..Section::default()
            })
            .boxed()
    }

    fn header() -> impl Strategy<Value = Header> {
        let number = (text(), 1900i32..2200, 1u32..500, any::<bool>()).prop_map(
            |(code, year, serial, written)| {
                let code = if code.trim().is_empty() {
                    "某发".to_owned()
                } else {
                    code
                };
                let mut n = DocNumber {
                    code,
                    year,
                    serial,
                    written: None,
                };
                if written {
                    n.written = Some(format!("某发〔{year}〕{serial}号"));
                    n.code = "某发".into();
                }
                n
            },
        );
        (
            (
                opt_text(),
                opt_text(),
                opt_text(),
                prop::collection::vec(text(), 0..3),
                opt_text(),
            ),
            (
                prop::collection::vec(text(), 0..2),
                proptest::option::of(1.0f64..60.0),
                proptest::option::of(number),
            ),
            (
                prop::collection::vec(text(), 0..2),
                proptest::option::of(0u32..99),
            ),
        )
            .prop_map(
                |(
                    (copy_number, secrecy, urgency, issuers, mark_suffix),
                    (mark_lines, mark_size, doc_number),
                    (signers, order_number),
                )| Header {
                    copy_number,
                    secrecy,
                    urgency,
                    issuers,
                    mark_suffix,
                    mark_lines,
                    mark_size,
                    doc_number,
                    signers,
                    order_number,
                },
            )
    }

    fn signature() -> impl Strategy<Value = Signature> {
        (
            opt_text(),
            date(),
            any::<bool>(),
            opt_text(),
            opt_text(),
            any::<bool>(),
        )
            .prop_map(
                |(issuer, date, sealed, signer, signer_role, after_enclosure)| Signature {
                    issuers: issuer.iter().map(|i| format!("{i}甲")).collect(),
                    issuer,
                    date,
                    sealed,
                    signer,
                    signer_role,
                    seals: Vec::new(),
                    seal_size_mm: None,
                    after_enclosure,
                },
            )
    }

    fn annex() -> impl Strategy<Value = Annex> {
        let kind = prop_oneof![
            Just(AnnexKind::Text),
            Just(AnnexKind::List),
            Just(AnnexKind::Table)
        ];
        let group = (text(), prop::collection::vec(text(), 0..3))
            .prop_map(|(label, items)| ListGroup { label, items });
        let field = (text(), text()).prop_map(|(label, value)| Field { label, value });
        let column = (
            text(),
            proptest::option::of(1u8..9),
            proptest::option::of(text()),
        )
            .prop_map(|(title, w, group)| Column {
                title,
                width: w.map(f64::from),
                group,
            });
        (
            (
                text(),
                kind,
                paragraphs(),
                prop::collection::vec(group, 0..2),
            ),
            (
                prop::collection::vec(field, 0..2),
                prop::collection::vec(column, 0..3),
            ),
            (
                prop::collection::vec(prop::collection::vec(text(), 1..3), 0..3),
                0u32..9,
                proptest::option::of(any::<bool>()),
            ),
        )
            .prop_map(
                |(
                    (title, kind, text, groups),
                    (fields, columns),
                    (rows, blank_rows, landscape),
                )| Annex {
                    title,
                    kind,
                    text,
                    groups,
                    fields,
                    columns,
                    rows,
                    blank_rows,
                    landscape,
                },
            )
    }

    fn spec() -> impl Strategy<Value = Spec> {
        let kind = proptest::sample::select(DocKind::all().collect::<Vec<_>>());
        let campaign = (
            opt_text(),
            opt_text(),
            2000i32..2100,
            proptest::option::of(1i32..99),
            date(),
            date(),
        )
            .prop_map(|(name, short, year, edition, start, end)| Campaign {
                name,
                short,
                occasion: None,
                year,
                edition,
                start,
                end,
            });
        let enclosure = (
            text(),
            opt_text(),
            paragraphs(),
            prop::collection::vec(section(1), 0..2),
            proptest::option::of(signature()),
            (prop::collection::vec(text(), 0..2), opt_text()),
        )
            .prop_map(
                |(title, number, opening, sections, signature, (notes, contacts))| Enclosure {
                    title,
                    number,
                    recipients: None,
                    opening,
                    closing: Paragraphs::default(),
                    sections,
                    signature,
                    notes,
                    contacts,
                },
            );
        let colophon = (
            prop::collection::vec(text(), 0..3),
            opt_text(),
            proptest::option::of(date()),
        )
            .prop_map(|(cc, printer, print_date)| Colophon {
                cc,
                printer,
                print_date,
            });
        (
            (
                kind,
                opt_text(),
                text(),
                opt_text(),
                opt_text(),
                paragraphs(),
                paragraphs(),
            ),
            (
                prop::collection::vec(text(), 0..2),
                opt_text(),
                proptest::option::of(header()),
                prop::collection::vec(section(2), 0..3),
            ),
            (
                proptest::option::of(signature()),
                proptest::option::of(campaign),
                proptest::option::of(enclosure),
            ),
            (
                prop::collection::vec(annex(), 0..3),
                proptest::option::of(colophon),
                opt_text(),
            ),
        )
            .prop_map(
                |(
                    (kind, label, title, transmit, recipients, opening, closing),
                    (notes, contacts, header, sections),
                    (signature, campaign, enclosure),
                    (annexes, colophon, answer),
                )| Spec {
                    kind,
                    label,
                    title,
                    transmit,
                    recipients,
                    opening,
                    closing,
                    notes,
                    contacts,
                    header,
                    sections,
                    signature,
                    campaign,
                    enclosure,
                    annexes,
                    colophon,
                    answers: answer.map(|title| Answers {
                        title,
                        number: None,
                    }),
                    attendance: Some(Attendance {
                        present: vec!["某局".into()],
                        ..Attendance::default()
                    }),
                    ..Spec::default()
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn what_is_written_reads_back_as_the_same_spec(spec in spec()) {
            let text = to_toml(&spec);
            prop_assert_eq!(read(&text), spec, "{}", text);
        }
    }
}
