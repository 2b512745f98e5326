//! The web form's schema: the fields the editor shows for a spec and for an office profile
//! (labels, hints, widgets, when a field shows), served as data by `GET /api/schema` so the
//! page restates nothing. Defaults a hint names come from the constants and tables that apply
//! them: [`gbt9704`], [`profile`], the derivation defaults and the 文种 table.

use crate::derive::defaults::{Defaults, Patterns};
use crate::derive::{profile, DeriveAs};
use crate::gbt9704;
use crate::spec::DocKind;
use serde::Serialize;
use serde_json::{json, Value};

/// The hint of a field of paragraphs.
const PARA_HINT: &str = "每行一段；按 Enter 另起一段";

/// The widget a field is edited with.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Type {
    /// One line of text.
    #[default]
    Text,
    /// One string long enough to wrap (Enter is refused).
    Long,
    /// Paragraphs: a string, or an array of strings, one line each.
    Paras,
    /// An array of strings, one line each.
    Lines,
    /// A number.
    Num,
    /// A TOML date.
    Date,
    /// A checkbox.
    Bool,
    /// 发文字号: a string or { code, year, serial }.
    Docno,
    /// One of `options`.
    Choice,
    /// Any of `options`, written as an array of their values.
    Flags,
    /// A table with `fields`.
    Obj,
    /// An array of tables with `fields`, one card each.
    Recs,
    /// Fields of the table around it, shown together under a label (no key of its own).
    Group,
    /// Numbered sections (一、（一）1.（1）), `fields` beside each heading and its subsections.
    Tree,
    /// A table's `columns` (and, with `rows`, its rows).
    Table,
}

/// One field of the form: a TOML key, its label, its widget and how it behaves.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Field {
    /// The TOML key (empty for a group).
    #[serde(skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The label shown.
    pub label: String,
    /// The widget.
    #[serde(rename = "type")]
    pub kind: Type,
    /// Required: marked ＊, kept as "" when emptied.
    #[serde(skip_serializing_if = "is_false")]
    pub req: bool,
    /// The hint below the control.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    /// The value the program assumes when the key is absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub def: Option<Value>,
    /// The 文种 ids the field shows for (elsewhere only when the data has it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kinds: Option<Vec<String>>,
    /// A text field's usual values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggest: Option<Vec<String>>,
    /// A number's smallest value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    /// A number's step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<f64>,
    /// Rarely used: tucked under 更多 until it has a value.
    #[serde(skip_serializing_if = "is_false")]
    pub more: bool,
    /// The choices of a choice or flags field.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<Choice>,
    /// The fields of an object, a group, a record, or a tree's sections.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// What one record is called (添加{item}).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// The record key whose value follows the record's number in its title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title_key: Option<String>,
    /// A record's title made from a prefix, its number and one of its keys.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<Title>,
    /// Records laid out compactly.
    #[serde(skip_serializing_if = "is_false")]
    pub compact: bool,
    /// Records without a label or hint while there are none.
    #[serde(skip_serializing_if = "is_false")]
    pub quiet: bool,
    /// A part open from the start.
    #[serde(skip_serializing_if = "is_false")]
    pub open: bool,
    /// A tree's top heading level (0: 一、, 1: （一）).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<u32>,
    /// A table with rows as well as columns.
    #[serde(skip_serializing_if = "is_false")]
    pub rows: bool,
    /// The form is drawn again when the field changes.
    #[serde(skip_serializing_if = "is_false")]
    pub rerender: bool,
    /// Further keys the field edits (a table's `rows`).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Shown only when this holds (or when the data has the key).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<When>,
    /// A new record: this JSON, with `{"$today": true}` standing for today's date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub make: Option<Value>,
}

/// One choice: its value (none: the key stays absent) and its label.
#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// The value written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The label shown.
    pub label: String,
}

/// A condition on the table around a field: the value at `key` is (not) one of a list.
#[derive(Debug, Clone, Serialize)]
pub struct When {
    /// The key looked at.
    pub key: String,
    /// Holds when the value is one of these.
    #[serde(rename = "in", skip_serializing_if = "Option::is_none")]
    pub any_of: Option<Vec<String>>,
    /// Holds when the value is none of these (an absent value included).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_in: Option<Vec<String>>,
}

/// A record's title: `prefix`, its number, then `：` and its `key`'s value (an array joined
/// with 、) when it has one, e.g. 附件2：某某名单.
#[derive(Debug, Clone, Serialize)]
pub struct Title {
    /// The words before the number.
    pub prefix: String,
    /// The key whose value follows.
    pub key: String,
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

impl When {
    /// The value at `key` is one of `values`.
    fn is(key: &str, values: &[&str]) -> When {
        When {
            key: key.to_owned(),
            any_of: Some(strings(values)),
            not_in: None,
        }
    }

    /// The value at `key` is none of `values`.
    fn is_not(key: &str, values: &[&str]) -> When {
        When {
            key: key.to_owned(),
            any_of: None,
            not_in: Some(strings(values)),
        }
    }
}

impl Field {
    fn req(mut self) -> Self {
        self.req = true;
        self
    }

    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    fn def(mut self, value: impl Into<Value>) -> Self {
        self.def = Some(value.into());
        self
    }

    fn kinds(mut self, ids: &[&str]) -> Self {
        self.kinds = Some(strings(ids));
        self
    }

    fn suggest(mut self, words: &[&str]) -> Self {
        self.suggest = Some(strings(words));
        self
    }

    fn min(mut self, min: f64) -> Self {
        self.min = Some(min);
        self
    }

    fn step(mut self, step: f64) -> Self {
        self.step = Some(step);
        self
    }

    fn more(mut self) -> Self {
        self.more = true;
        self
    }

    fn item(mut self, name: &str) -> Self {
        self.item = Some(name.to_owned());
        self
    }

    fn title_key(mut self, key: &str) -> Self {
        self.title_key = Some(key.to_owned());
        self
    }

    fn title(mut self, prefix: &str, key: &str) -> Self {
        self.title = Some(Title {
            prefix: prefix.to_owned(),
            key: key.to_owned(),
        });
        self
    }

    fn compact(mut self) -> Self {
        self.compact = true;
        self
    }

    fn quiet(mut self) -> Self {
        self.quiet = true;
        self
    }

    fn open(mut self) -> Self {
        self.open = true;
        self
    }

    fn level(mut self, level: u32) -> Self {
        self.level = Some(level);
        self
    }

    fn rows(mut self) -> Self {
        self.rows = true;
        self
    }

    fn rerender(mut self) -> Self {
        self.rerender = true;
        self
    }

    fn when(mut self, when: When) -> Self {
        self.when = Some(when);
        self
    }

    fn make(mut self, template: Value) -> Self {
        self.make = Some(template);
        self
    }
}

fn field(kind: Type, key: &str, label: &str) -> Field {
    Field {
        key: key.to_owned(),
        label: label.to_owned(),
        kind,
        ..Field::default()
    }
}

fn text(key: &str, label: &str) -> Field {
    field(Type::Text, key, label)
}

fn long(key: &str, label: &str) -> Field {
    field(Type::Long, key, label)
}

fn paras(key: &str, label: &str) -> Field {
    field(Type::Paras, key, label)
}

fn lines(key: &str, label: &str) -> Field {
    field(Type::Lines, key, label)
}

fn num(key: &str, label: &str) -> Field {
    field(Type::Num, key, label)
}

fn date(key: &str, label: &str) -> Field {
    field(Type::Date, key, label)
}

fn boolean(key: &str, label: &str) -> Field {
    field(Type::Bool, key, label)
}

fn docno(key: &str, label: &str) -> Field {
    field(Type::Docno, key, label)
}

fn choice(key: &str, label: &str, options: Vec<Choice>) -> Field {
    Field {
        options,
        ..field(Type::Choice, key, label)
    }
}

fn flags(key: &str, label: &str, options: Vec<Choice>) -> Field {
    Field {
        options,
        ..field(Type::Flags, key, label)
    }
}

fn obj(key: &str, label: &str, fields: Vec<Field>) -> Field {
    Field {
        fields,
        ..field(Type::Obj, key, label)
    }
}

fn recs(key: &str, label: &str, fields: Vec<Field>) -> Field {
    Field {
        fields,
        ..field(Type::Recs, key, label)
    }
}

fn group(label: &str, fields: Vec<Field>) -> Field {
    Field {
        fields,
        ..field(Type::Group, "", label)
    }
}

/// Numbered sections, each with the fields of [`section_body`].
fn tree(key: &str, label: &str) -> Field {
    Field {
        fields: section_body(),
        ..field(Type::Tree, key, label)
    }
}

/// A table's columns (its key) and rows (`also`).
fn table(label: &str) -> Field {
    Field {
        also: strings(&["rows"]),
        ..field(Type::Table, "columns", label)
    }
}

fn opt(value: impl Into<Value>, label: impl Into<String>) -> Choice {
    Choice {
        value: Some(value.into()),
        label: label.into(),
    }
}

/// The choice that leaves the key absent.
fn unset(label: impl Into<String>) -> Choice {
    Choice {
        value: None,
        label: label.into(),
    }
}

/// The 文种 a spec can be: id and Chinese name, from the `new` templates (机关资料 left out).
fn spec_kinds() -> Vec<(&'static str, &'static str)> {
    crate::spec::KINDS.iter().map(|k| (k.id, k.name)).collect()
}

/// The 文种 choice: the names office staff know (the ids are the TOML page's business).
fn kind_options() -> Vec<Choice> {
    spec_kinds()
        .into_iter()
        .map(|(id, label)| opt(id, label))
        .collect()
}

fn derive_options() -> Vec<Choice> {
    DeriveAs::ALL
        .iter()
        .map(|a| opt(a.name(), a.label()))
        .collect()
}

/// A table annex's page: automatic (landscape when wide), landscape or portrait.
fn orientation() -> Vec<Choice> {
    vec![
        unset(format!(
            "自动（超过 {} 列时横向）",
            gbt9704::PORTRAIT_MAX_COLUMNS
        )),
        opt(true, "横向"),
        opt(false, "纵向"),
    ]
}

/// 序号层次 of a section: by its depth, or the numbering the source gives it.
fn numberings() -> Vec<Choice> {
    std::iter::once(unset("按层次（一、（一）1.（1））"))
        .chain(
            crate::spec::Numbering::ALL
                .iter()
                .map(|n| opt(n.written(), n.written())),
        )
        .collect()
}

/// 行政级别 of an office profile.
fn office_levels() -> Vec<Choice> {
    std::iter::once(unset("按名称判断".to_owned()))
        .chain(
            crate::derive::profile::OfficeLevel::ALL
                .iter()
                .map(|&(_, name)| opt(name, name)),
        )
        .collect()
}

/// 处理 of an upstream section.
fn rule_actions() -> Vec<Choice> {
    vec![
        opt("inherit", "继承"),
        opt("rename", "改名"),
        opt("replace", "替换"),
        opt("drop", "删除"),
    ]
}

/// 替换为: one of the office's blocks, or nothing (its own text or sections).
fn rule_blocks() -> Vec<Choice> {
    vec![
        unset("—（用下面的文字或下一层）"),
        opt("requirements", "本机关的有关要求"),
        opt("activities", "本机关的活动安排"),
        opt("schedule", "时间安排"),
    ]
}

/// The wording patterns of the derivation defaults.
fn patterns() -> &'static Patterns {
    &Defaults::embedded().patterns
}

/// The mark's suffix of a 通知 (文件) when the spec gives none.
fn default_mark_suffix() -> &'static str {
    crate::compose::kind::layout(DocKind::default()).mark_suffix
}

/// The form of a spec (公文规格).
pub fn spec_form() -> Vec<Field> {
    vec![
        group("文种与标题", kind_and_title()).open(),
        obj("header", "版头", header()),
        obj("answers", "所答复的请示", answers()).kinds(&["reply"]),
        group("正文", body()).open(),
        obj("enclosure", "印发的文件", enclosure()).kinds(&["cover"]),
        recs("annexes", "附件", annex())
            .item("附件")
            .title("附件", "title")
            .make(json!({"title": "", "kind": "text"})),
        obj("signature", "署名和成文日期", signature()),
        group("附注", notes()),
        obj("attendance", "出席人员", attendance()).kinds(&["minutes"]),
        obj("colophon", "版记", colophon()),
        obj("campaign", "活动（年度变量）", campaign()),
        obj("provenance", "来源（派生草稿）", provenance()).kinds(&[]),
    ]
}

/// The form of an office profile (机关资料).
pub fn profile_form() -> Vec<Field> {
    vec![
        obj("office", "机关", office()).open(),
        group("联系人与指导文件", contacts_and_guidance()),
        recs("substitutions", "范围用语替换", substitution())
            .item("替换")
            .compact()
            .make(json!({"from": "", "to": ""})),
        recs("rules", "各节规则", rule())
            .item("规则")
            .title("规则", "heading")
            .make(json!({"heading": "", "action": "inherit"})),
        recs("sections", "本机关增加的节", local_section())
            .item("节")
            .title_key("heading")
            .make(json!({"heading": ""})),
        tree("activities", "活动安排").level(1),
        tree("requirements", "有关要求").level(1),
        obj("deadlines", "截止日期（工作日）", deadlines()),
        recs("phases", "时间安排的阶段", phase_rule())
            .item("阶段")
            .title_key("name")
            .make(json!({"name": "", "span": "campaign"})),
        obj("members", "组委会成员单位", members()),
        recs("forms", "附件表格", annex_form())
            .item("表格")
            .title_key("title")
            .make(json!({"title": "", "columns": ["序号"]})),
        obj("cover", "印发通知（派生为印发通知时）", cover_notice()),
        obj("relay", "转发通知（派生为转发通知时）", relay_notice()),
    ]
}

/// Both forms, the 文种 a spec can be and what derive can make, as `GET /api/schema` sends
/// them: `{"spec": [...], "profile": [...], "kinds": [{id, label}], "derive_as": [{id, label}]}`.
pub fn schema_json() -> Value {
    let kinds: Vec<Value> = spec_kinds()
        .into_iter()
        .map(|(id, label)| json!({"id": id, "label": label}))
        .collect();
    let derive_as: Vec<Value> = DeriveAs::ALL
        .iter()
        .map(|a| json!({"id": a.name(), "label": a.label()}))
        .collect();
    let formats: Vec<Value> = crate::render::format::FORMATS
        .iter()
        .map(|f| json!({"id": f.extension, "label": f.label}))
        .collect();
    json!({
        "spec": spec_form(),
        "profile": profile_form(),
        "kinds": kinds,
        "derive_as": derive_as,
        "formats": formats,
    })
}

/// A section's fields beside its heading and subsections (which the tree draws itself).
fn section_body() -> Vec<Field> {
    vec![
        boolean("run_in", "标题与正文同段").def(false),
        choice("numbering", "序号层次", numberings())
            .hint("原文跳过一层时（“一、”下直接用“1.”）照原文；同一层各节用第一节的"),
        paras("text", "正文").hint(PARA_HINT),
        recs("phases", "时间安排的阶段", phase())
            .kinds(&["plan", "cover"])
            .item("阶段")
            .title_key("name")
            .quiet()
            .make(json!({"name": "", "start": {"$today": true}})),
    ]
}

/// One 阶段 of a plan's 时间安排.
fn phase() -> Vec<Field> {
    vec![
        text("name", "阶段名称").req().hint("如“准备阶段”"),
        date("start", "开始日期").req(),
        date("end", "结束日期").hint("只有一天时不写"),
        long("text", "工作内容"),
    ]
}

/// 文种与标题: the kind, the title, the annex label and the recipients.
fn kind_and_title() -> Vec<Field> {
    vec![
        choice("kind", "文种", kind_options())
            .def("notice")
            .rerender(),
        text("title", "标题")
            .req()
            .hint("（机关）关于……的通知，末尾不加标点；印发通知可不写"),
        text("label", "附件标识")
            .kinds(&["plan"])
            .hint("作为附件时印在标题上方，如“附件1”"),
        text("recipients", "主送机关").hint("末尾的全角冒号可省略"),
    ]
}

/// 版头: issuers, 发文字号, 签发人, 份号, 密级, 紧急程度, 令号 and the mark.
fn header() -> Vec<Field> {
    vec![
        lines("issuers", "发文机关")
            .req()
            .hint("每行一个；联合行文主办机关在前"),
        docno("doc_number", "发文字号").hint("如“某政发〔2026〕1号”：六角括号，不加“第”，不编虚位"),
        lines("signers", "签发人").hint("每行一个；上行文（请示、报告）标注"),
        text("copy_number", "份号").hint("六位数字，如“000001”"),
        text("secrecy", "密级和保密期限")
            .suggest(&["秘密", "机密", "绝密", "秘密★1年", "机密★10年"])
            .hint("如“机密★1年”"),
        text("urgency", "紧急程度").suggest(&["特急", "加急"]),
        num("order_number", "令号")
            .kinds(&["order"])
            .min(1.0)
            .hint("12 印为“第12号”"),
        text("mark_suffix", "标志后缀")
            .more()
            .suggest(&["文件", "纪要", "令", "命令"])
            .hint(format!(
                "默认“{}”（纪要、命令、函另有默认）；只印机关名称时在 TOML 页写 mark_suffix = \"\"",
                default_mark_suffix()
            )),
        lines("mark_lines", "标志分行")
            .more()
            .hint("机关名称较长时自行断行，每行一段"),
        num("mark_size", "标志字号（磅）")
            .more()
            .step(0.5)
            .min(1.0)
            .hint(format!(
                "默认单一机关 {}、联合行文 {}",
                gbt9704::MARK_MAX_SINGLE_PT,
                gbt9704::MARK_MAX_JOINT_PT
            )),
    ]
}

/// 所答复的请示 of a 批复.
fn answers() -> Vec<Field> {
    vec![
        text("title", "请示标题").req(),
        text("number", "请示的发文字号"),
    ]
}

/// 正文: opening, sections, closing, and the cover notice's 印发 words.
fn body() -> Vec<Field> {
    vec![
        paras("opening", "正文开头").hint(PARA_HINT),
        tree("sections", "正文各层"),
        paras("closing", "结尾").hint("如“特此通知。”；每行一段"),
        text("transmit_verb", "印发/转发")
            .kinds(&["cover"])
            .suggest(&["印发", "转发"])
            .hint("默认“印发”；转发其他机关的文件时写“转发”"),
        text("transmit", "印发请求语")
            .kinds(&["cover"])
            .hint("替换“请认真贯彻落实。”"),
    ]
}

/// 署名和成文日期.
fn signature() -> Vec<Field> {
    vec![
        text("issuer", "发文机关署名"),
        lines("issuers", "联合署名").hint("联合行文时每行一个机关（主办机关在前），代替上面的署名"),
        date("date", "成文日期").req(),
        boolean("sealed", "加盖印章")
            .def(true)
            .hint("盖章时成文日期右空四字，署名居中于日期之上；联合行文的署名横排，各盖其章"),
        lines("seals", "印章图片").more().hint(
            "机关自己的印章文件（透明底 PNG 或 SVG），每行一个，按署名顺序；不写则留出位置手工盖章",
        ),
        num("seal_size_mm", "印章直径（毫米）")
            .more()
            .min(20.0)
            .hint("默认 42"),
        text("signer_role", "签发人职务")
            .kinds(&["order"])
            .hint("在签名章左空二字"),
        text("signer", "签发人（签名章）").kinds(&["order"]),
    ]
}

/// 印发的文件 of a cover notice.
fn enclosure() -> Vec<Field> {
    vec![
        text("title", "标题").req(),
        text("number", "发文字号").hint("转发其他机关的文件时写明，如“国办发〔2025〕1号”"),
        text("recipients", "主送机关"),
        paras("opening", "正文开头").hint(PARA_HINT),
        tree("sections", "正文各层"),
        paras("closing", "结尾").hint(PARA_HINT),
        obj("signature", "署名和成文日期", signature()),
        text("contacts", "联系人及电话").hint("被转发文件的附注，印在其成文日期下"),
        lines("notes", "附注").hint("每行一条"),
    ]
}

/// One group of a 名单 (主任单位, 成员单位 …).
fn list_group() -> Vec<Field> {
    vec![
        text("label", "类别").req().hint("如“主任单位”"),
        lines("items", "名称").req().hint("每行一个"),
    ]
}

/// One fill-in line above a table (项目, 预填内容).
fn fill_in() -> Vec<Field> {
    vec![text("label", "项目").req(), text("value", "预填内容")]
}

/// 附件: title, kind, and the list, table or text it holds.
fn annex() -> Vec<Field> {
    vec![
        text("title", "附件标题").req(),
        choice(
            "kind",
            "附件类型",
            vec![
                opt("text", "文字"),
                opt("list", "名单"),
                opt("table", "表格"),
            ],
        )
        .def("text")
        .rerender(),
        recs("groups", "名单", list_group())
            .when(When::is("kind", &["list"]))
            .item("分组")
            .title_key("label")
            .make(json!({"label": "", "items": []})),
        recs("fields", "表头上方填写项", fill_in())
            .when(When::is("kind", &["table"]))
            .item("填写项")
            .compact()
            .make(json!({"label": ""})),
        table("表格").when(When::is("kind", &["table"])).rows(),
        num("blank_rows", "空白行数")
            .when(When::is("kind", &["table"]))
            .min(0.0)
            .hint("留给手写的空行"),
        choice("landscape", "页面方向", orientation()).when(When::is("kind", &["table"])),
        paras("text", "文字")
            .when(When::is_not("kind", &["table"]))
            .hint("文字附件的正文；名单附件的结尾文字。每行一段"),
    ]
}

/// 附注, 联系人及电话 and 主题词.
fn notes() -> Vec<Field> {
    vec![
        lines("notes", "附注").hint("每行一条，印在成文日期下一行，自动加圆括号"),
        text("contacts", "联系人及电话"),
        lines("keywords", "主题词")
            .hint("每行一个；不印在页面上，写入 OFD、PDF、DOCX 的元数据供检索"),
    ]
}

/// 出席、请假、列席 of a 纪要.
fn attendance() -> Vec<Field> {
    vec![
        lines("present", "出席").hint("每行一位：单位 姓名"),
        lines("absent", "请假"),
        lines("observers", "列席"),
    ]
}

/// 版记: 抄送, 印发机关, 印发日期.
fn colophon() -> Vec<Field> {
    vec![
        lines("cc", "版记·抄送").hint("每行一个机关"),
        text("printer", "版记·印发机关").hint("函的版记只有抄送"),
        date("print_date", "版记·印发日期"),
    ]
}

/// 活动: the year-bound values of `{year}`, `{edition}` ….
fn campaign() -> Vec<Field> {
    vec![
        num("year", "活动年份")
            .req()
            .min(1900.0)
            .hint("{year} 的取值"),
        date("start", "开始日期").req().hint("{start}"),
        date("end", "结束日期").req().hint("{end}"),
        num("edition", "届次")
            .min(1.0)
            .hint("{edition}，默认为年份减 2000"),
        text("name", "活动名称").hint("含范围词，如“全国××活动周”；派生下级文稿时使用"),
        text("short", "活动简称").hint("如“××周”"),
        text("occasion", "时机用语").hint("如“第{edition}个世界××日”"),
    ]
}

/// 来源 of a derived draft.
fn provenance() -> Vec<Field> {
    vec![
        text("upstream_file", "上级来文文件").req(),
        text("upstream_title", "上级来文标题").req(),
        text("upstream_number", "上级发文字号"),
        date("upstream_date", "上级成文日期"),
        text("office_file", "机关资料文件").req(),
        text("derived_as", "派生为").req(),
    ]
}

/// 机关 of an office profile.
fn office() -> Vec<Field> {
    vec![
        text("name", "发文机关署名").req(),
        text("scope", "地方简称").req().hint(format!(
            "如“某县”；本机关的活动名称默认为 {}",
            patterns().local
        )),
        choice("level", "行政级别", office_levels())
            .hint("县级市、市辖区请选“县级”：名称以“市”结尾的县级机关"),
        lines("issuers", "发文机关标志")
            .hint("每行一个；默认同署名；联合行文（两办）写两个机关，标题和署名也用它们"),
        text("doc_code", "机关代字").hint("如“某政发”；不写则草稿没有红头"),
        text("mark_suffix", "标志后缀")
            .more()
            .hint("默认“文件”；代字以“函”“明电”结尾时只印机关名称"),
        num("serial", "发文顺序号")
            .min(1.0)
            .hint("不写则草稿中标为待填写"),
        text("recipients", "主送机关"),
        text("committee", "组委会名称").hint("方案中使用"),
        text("upstream_phrase", "上级部署用语").hint("如“按照省科技厅的工作部署”"),
        text("report_to", "报送对象")
            .hint("下级单位报送材料的对象，如“县水利局农村水利股”；默认本机关"),
        text("duty_phone", "值班电话")
            .more()
            .hint("替换上级值班室的电话；不写则草稿中标为待填写"),
        text("fax", "传真号码")
            .more()
            .hint("替换上级机关的传真号码；不写则草稿中标为待填写"),
        text("duty_to", "值班报告对象")
            .more()
            .hint("上级来文要求向其总值班室、指挥中心报告的，改为报告本机关值班室；默认“本机关名称+值班室”"),
        text("units", "下级单位称谓")
            .hint("替换上级来文的“各地”等，如“各乡镇人民政府、局属各单位”；默认主送机关"),
        text("email", "接收材料的电子邮箱").hint("替换上级来文中的邮箱"),
        boolean("sealed", "加盖印章").def(true),
        text("seal", "印章图片")
            .more()
            .hint("本机关的印章文件（透明底 PNG 或 SVG），相对于机关资料文件"),
        text("printer", "印发机关")
            .hint("版记的印发机关，如“某县某局办公室”；填写后通知、印发通知和转发通知带版记"),
        lines("cc", "抄送机关").hint("版记的抄送机关，每行一个"),
        text("campaign_name", "本机关的活动名称")
            .more()
            .hint(format!("默认 {}", patterns().local)),
        long("notice_title", "通知标题")
            .more()
            .hint(format!("默认 {}", patterns().notice_title)),
        long("notice_decision", "通知的决定语").more(),
        long("plan_title", "方案标题")
            .more()
            .hint(format!("默认 {}", patterns().plan_title)),
        long("plan_opening", "方案开头")
            .more()
            .hint(format!("默认 {}", patterns().plan_opening)),
        num("issue_workdays_before", "成文日期：活动开始前")
            .more()
            .min(0.0)
            .hint(format!("工作日数，默认 {}", profile::ISSUE_WORKDAYS_BEFORE)),
        num("issue_workdays_after", "成文日期：上级成文后")
            .more()
            .min(0.0)
            .hint(format!(
                "没有活动日期时的工作日数，默认 {}",
                profile::ISSUE_WORKDAYS_AFTER
            )),
    ]
}

/// 联系人 and 指导文件 of an office profile.
fn contacts_and_guidance() -> Vec<Field> {
    vec![
        paras("contacts", "联系人").hint("每行一段；通知中作为附注，方案中作为结尾"),
        lines("guidance", "指导文件").hint("每行一个，如《某县科技创新“十四五”规划》"),
    ]
}

/// One 范围用语替换.
fn substitution() -> Vec<Field> {
    vec![
        text("from", "上级用语").req(),
        text("to", "本机关用语").req(),
    ]
}

/// One 各节规则: the upstream headings it matches and what happens to them.
fn rule() -> Vec<Field> {
    vec![
        paras("heading", "匹配标题用语")
            .req()
            .hint("每行一个用语；标题含其中之一即匹配"),
        choice("action", "处理", rule_actions())
            .def("inherit")
            .rerender(),
        text("to", "新标题").when(When::is_not("action", &["drop"])),
        choice("block", "替换为", rule_blocks()).when(When::is("action", &["replace"])),
        paras("text", "替换的文字")
            .when(When::is("action", &["replace"]))
            .hint(PARA_HINT),
        tree("sections", "替换的下一层")
            .when(When::is("action", &["replace"]))
            .level(1),
        flags("for", "适用于", derive_options()).hint("都不选即全部适用"),
    ]
}

/// One 本机关增加的节.
fn local_section() -> Vec<Field> {
    vec![
        text("heading", "标题").req(),
        boolean("run_in", "标题与正文同段").def(false),
        paras("text", "正文").hint(PARA_HINT),
        tree("sections", "下一层").level(1),
        text("after", "位置").hint("接在标题含此用语的节之后；默认放在“有关要求”之前"),
        flags("for", "适用于", derive_options()).hint("都不选即全部适用"),
    ]
}

/// 截止日期 in working days.
fn deadlines() -> Vec<Field> {
    vec![
        num("report_workdays_before", "活动安排报送")
            .min(0.0)
            .hint(format!(
                "活动开始前的工作日数（{{report_by}}），默认 {}",
                profile::REPORT_WORKDAYS_BEFORE
            )),
        num("summary_workdays_after", "活动总结报送")
            .min(0.0)
            .hint(format!(
                "活动结束后的工作日数（{{summary_by}}），默认 {}",
                profile::SUMMARY_WORKDAYS_AFTER
            )),
        num("prepare_workdays_before", "准备阶段开始")
            .min(0.0)
            .hint(format!(
                "活动开始前的工作日数，默认 {}",
                profile::PREPARE_WORKDAYS_BEFORE
            )),
    ]
}

/// One 时间安排的阶段 of an office profile.
fn phase_rule() -> Vec<Field> {
    vec![
        text("name", "阶段名称").req(),
        choice(
            "span",
            "时段",
            vec![
                opt("prepare", "准备（活动开始前）"),
                opt("campaign", "活动期间"),
                opt("summary", "总结（截止日）"),
            ],
        )
        .req(),
        long("text", "工作内容").hint("可用 {short} {name} {local}"),
    ]
}

/// 组委会成员单位.
fn members() -> Vec<Field> {
    vec![
        text("title", "名单标题")
            .req()
            .hint("如“{year}年{local}组委会成员单位”"),
        recs("groups", "名单", list_group())
            .item("分组")
            .title_key("label")
            .make(json!({"label": "", "items": []})),
        paras("text", "结尾文字").hint("如“组委会办公室设在……”"),
    ]
}

/// One 附件表格 of an office profile.
fn annex_form() -> Vec<Field> {
    vec![
        text("title", "表格标题").req(),
        recs("fields", "表头上方填写项", fill_in())
            .item("填写项")
            .compact()
            .make(json!({"label": ""})),
        table("表头"),
        num("blank_rows", "空白行数").min(0.0),
        choice("landscape", "页面方向", orientation()),
    ]
}

/// 印发通知 of a derived plan.
fn cover_notice() -> Vec<Field> {
    vec![
        paras("opening", "开头")
            .hint("接在“现将《……》印发给你们”之前，以“，”结尾；不填则用默认的印发缘由"),
        text("issuer", "发文机关").hint("默认为本机关名称"),
        lines("notes", "附注").hint("每行一条"),
        boolean("plan_recipients", "方案重复主送")
            .hint("方案正文前再印一次印发通知的主送机关（默认不印）"),
    ]
}

/// 转发通知 of an upstream document.
fn relay_notice() -> Vec<Field> {
    vec![
        paras("opening", "开头").hint("接在“现将《……》转发给你们”之前，以“，”结尾"),
        text("request", "请求语").hint(format!("默认“{}”", patterns().relay_request)),
        lines("notes", "附注").hint("每行一条"),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    /// Keys the form leaves to the TOML page (listed there under 其他), by path without indices.
    const TOML_ONLY: &[&str] = &["signature.after_enclosure"];

    /// The `.toml` files of a folder of the repository.
    fn samples(dir: &str) -> Vec<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        files.sort();
        assert!(!files.is_empty(), "no samples in {}", dir.display());
        files
    }

    /// The field that edits `key` of a table (a group's fields belong to the table around it).
    fn covering<'a>(fields: &'a [Field], key: &str) -> Option<&'a Field> {
        fields.iter().find_map(|f| match f.kind {
            Type::Group => covering(&f.fields, key),
            _ if f.key == key || f.also.iter().any(|a| a == key) => Some(f),
            _ => None,
        })
    }

    /// The paths of the keys in `value` that no field edits, through tables, records and trees.
    fn uncovered(fields: &[Field], value: &Value, base: &str, out: &mut Vec<String>) {
        let Some(table) = value.as_object() else {
            return;
        };
        for (key, v) in table {
            let path = if base.is_empty() {
                key.clone()
            } else {
                format!("{base}.{key}")
            };
            let Some(f) = covering(fields, key) else {
                out.push(path);
                continue;
            };
            match f.kind {
                Type::Obj => uncovered(&f.fields, v, &path, out),
                Type::Recs => {
                    for item in v.as_array().into_iter().flatten() {
                        uncovered(&f.fields, item, &path, out);
                    }
                }
                Type::Tree => uncovered_sections(f, v, &path, out),
                _ => {}
            }
        }
    }

    /// Like [`uncovered`] for a tree: heading and subsections are the tree's own.
    fn uncovered_sections(f: &Field, list: &Value, path: &str, out: &mut Vec<String>) {
        for section in list.as_array().into_iter().flatten() {
            let mut rest = section.clone();
            if let Some(t) = rest.as_object_mut() {
                t.remove("heading");
                if let Some(sub) = t.remove("sections") {
                    uncovered_sections(f, &sub, &format!("{path}.sections"), out);
                }
            }
            uncovered(&f.fields, &rest, path, out);
        }
    }

    #[test]
    fn the_spec_form_has_a_field_for_every_key_the_samples_write() {
        let mut files = samples("samples");
        files.extend(samples("samples/kinds"));
        for path in files {
            let text = std::fs::read_to_string(&path).unwrap();
            let spec: crate::spec::Spec = crate::spec::deserialize(&text, &path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let value = serde_json::to_value(&spec).unwrap();
            let mut out = Vec::new();
            uncovered(&spec_form(), &value, "", &mut out);
            out.retain(|p| !TOML_ONLY.contains(&p.as_str()));
            assert!(
                out.is_empty(),
                "{}: no form field for {out:?}",
                path.display()
            );
            for key in value.as_object().unwrap().keys() {
                assert!(covering(&spec_form(), key).is_some(), "{key}");
            }
        }
    }

    #[test]
    fn the_profile_form_has_a_field_for_every_key_the_office_samples_write() {
        for path in samples("samples/offices") {
            let text = std::fs::read_to_string(&path).unwrap();
            crate::spec::deserialize::<profile::Profile>(&text, &path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let table: toml::Table = crate::spec::deserialize(&text, &path).unwrap();
            let value = serde_json::to_value(&table).unwrap();
            let mut out = Vec::new();
            uncovered(&profile_form(), &value, "", &mut out);
            assert!(
                out.is_empty(),
                "{}: no form field for {out:?}",
                path.display()
            );
        }
    }

    #[test]
    fn every_kind_the_form_offers_is_a_doc_kind() {
        let schema = schema_json();
        let kinds = schema["kinds"].as_array().unwrap();
        assert!(!kinds.is_empty());
        for k in kinds {
            let parsed: Result<DocKind, _> = serde_json::from_value(k["id"].clone());
            assert!(parsed.is_ok(), "{k}");
        }
        let kind = covering(&spec_form(), "kind").unwrap().clone();
        let offered: Vec<&Value> = kind
            .options
            .iter()
            .filter_map(|o| o.value.as_ref())
            .collect();
        let listed: Vec<&Value> = kinds.iter().map(|k| &k["id"]).collect();
        assert_eq!(offered, listed);
        assert_eq!(
            schema["derive_as"].as_array().unwrap().len(),
            DeriveAs::ALL.len()
        );
    }

    #[test]
    fn conditions_new_records_and_titles_are_sent_as_data() {
        let schema = schema_json();
        let annexes = schema["spec"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "annexes")
            .unwrap();
        assert_eq!(annexes["title"], json!({"prefix": "附件", "key": "title"}));
        assert_eq!(annexes["make"], json!({"title": "", "kind": "text"}));
        let text = annexes["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["key"] == "text")
            .unwrap();
        assert_eq!(text["when"], json!({"key": "kind", "not_in": ["table"]}));
        let body = section_body();
        let phases = covering(&body, "phases").unwrap();
        assert_eq!(
            phases.make,
            Some(json!({"name": "", "start": {"$today": true}}))
        );
    }

    #[test]
    fn hints_that_name_a_default_say_what_the_code_assumes() {
        let deadlines = covering(&profile_form(), "deadlines").unwrap().clone();
        let hint = |key: &str| {
            covering(&deadlines.fields, key)
                .unwrap()
                .hint
                .clone()
                .unwrap()
        };
        let assumed = profile::Deadlines::default();
        let says = |n: u32| format!("默认 {n}");
        assert!(hint("report_workdays_before").ends_with(&says(assumed.report_workdays_before)));
        assert!(hint("summary_workdays_after").ends_with(&says(assumed.summary_workdays_after)));
        assert!(hint("prepare_workdays_before").ends_with(&says(assumed.prepare_workdays_before)));
        let header = covering(&spec_form(), "header").unwrap().clone();
        let size = covering(&header.fields, "mark_size")
            .unwrap()
            .hint
            .clone()
            .unwrap();
        let layout = crate::compose::kind::layout(DocKind::default());
        assert!(
            size.contains(&format!("单一机关 {}", layout.mark_max_pt)),
            "{size}"
        );
        let suffix = covering(&header.fields, "mark_suffix")
            .unwrap()
            .hint
            .clone()
            .unwrap();
        assert!(
            suffix.starts_with(&format!("默认“{}”", layout.mark_suffix)),
            "{suffix}"
        );
    }
}
