//! The spec being recognised, before it is written as TOML: the same parts as
//! [`crate::spec::Spec`], all optional, with comments for what could not be placed.

use chrono::NaiveDate;

/// A recognised document.
#[derive(Debug, Clone, Default)]
pub struct Draft {
    /// `kind`: notice, cover or plan.
    pub kind: &'static str,
    /// 附件标识 above the title.
    pub label: Option<String>,
    /// 标题.
    pub title: String,
    /// 印发请求语 of a cover notice, when not the default.
    pub transmit: Option<String>,
    /// 印发 / 转发, when not 印发.
    pub transmit_verb: Option<String>,
    /// 主送机关.
    pub recipients: Option<String>,
    /// 正文开头.
    pub opening: Vec<String>,
    /// 结尾.
    pub closing: Vec<String>,
    /// 附注.
    pub notes: Vec<String>,
    /// 联系人及电话.
    pub contacts: Option<String>,
    /// 版头.
    pub header: Option<Header>,
    /// 正文各节.
    pub sections: Vec<Section>,
    /// 署名和成文日期.
    pub signature: Option<Signature>,
    /// 活动.
    pub campaign: Option<Campaign>,
    /// 被印发的文件.
    pub enclosure: Option<Enclosure>,
    /// 附件.
    pub annexes: Vec<Annex>,
    /// 版记.
    pub colophon: Option<Colophon>,
    /// 出席、请假、列席人员 of a 纪要.
    pub attendance: Option<Attendance>,
    /// Text that could not be placed, kept as comments (page, line, text).
    pub unplaced: Vec<(usize, usize, String)>,
}

/// 版头.
#[derive(Debug, Clone, Default)]
pub struct Header {
    /// 份号.
    pub copy_number: Option<String>,
    /// 密级.
    pub secrecy: Option<String>,
    /// 紧急程度.
    pub urgency: Option<String>,
    /// 发文机关.
    pub issuers: Vec<String>,
    /// 标志后缀 (文件).
    pub mark_suffix: String,
    /// 发文字号, normalised to 代字〔年〕号 (none in a mark-only header).
    pub doc_number: Option<String>,
    /// 签发人.
    pub signers: Vec<String>,
    /// 令号 of a 命令 (第12号 → 12).
    pub order_number: Option<u32>,
    /// The mark's own line breaks when one issuer's name runs over several lines.
    pub mark_lines: Vec<String>,
}

/// 一节.
#[derive(Debug, Clone, Default)]
pub struct Section {
    /// 标题 without its number.
    pub heading: String,
    /// 标题与正文同段.
    pub run_in: bool,
    /// 段落.
    pub text: Vec<String>,
    /// 下一层.
    pub sections: Vec<Section>,
    /// 阶段.
    pub phases: Vec<Phase>,
}

/// 阶段.
#[derive(Debug, Clone)]
pub struct Phase {
    /// 名称.
    pub name: String,
    /// 开始.
    pub start: NaiveDate,
    /// 结束.
    pub end: Option<NaiveDate>,
    /// 内容.
    pub text: String,
}

/// 署名和成文日期.
#[derive(Debug, Clone)]
pub struct Signature {
    /// 署名.
    pub issuer: Option<String>,
    /// 成文日期.
    pub date: NaiveDate,
    /// 加盖印章.
    pub sealed: bool,
    /// 签发人职务 of a 命令 (市长).
    pub signer_role: Option<String>,
    /// 签发人 of a 命令 (the name beside the role).
    pub signer: Option<String>,
    /// A cover notice signed after the document it transmits.
    pub after_enclosure: bool,
}

/// 出席、请假、列席人员 of a 纪要.
#[derive(Debug, Clone, Default)]
pub struct Attendance {
    /// 出席.
    pub present: Vec<String>,
    /// 请假.
    pub absent: Vec<String>,
    /// 列席.
    pub observers: Vec<String>,
}

/// 活动.
#[derive(Debug, Clone)]
pub struct Campaign {
    /// 名称 (关于开展YYYY年XXX活动的通知 → XXX).
    pub name: Option<String>,
    /// 年份.
    pub year: i32,
    /// 开始.
    pub start: NaiveDate,
    /// 结束.
    pub end: NaiveDate,
}

/// 被印发的文件.
#[derive(Debug, Clone, Default)]
pub struct Enclosure {
    /// 标题.
    pub title: String,
    /// 主送.
    pub recipients: Option<String>,
    /// 开头.
    pub opening: Vec<String>,
    /// 结尾.
    pub closing: Vec<String>,
    /// 各节.
    pub sections: Vec<Section>,
    /// 署名.
    pub signature: Option<Signature>,
}

/// 附件.
#[derive(Debug, Clone, Default)]
pub struct Annex {
    /// 标题.
    pub title: String,
    /// text / list / table.
    pub kind: &'static str,
    /// 文字.
    pub text: Vec<String>,
    /// 名单.
    pub groups: Vec<(String, Vec<String>)>,
    /// 填写项.
    pub fields: Vec<(String, String)>,
    /// 表头.
    pub columns: Vec<String>,
    /// 表格内容.
    pub rows: Vec<Vec<String>>,
    /// 空白行.
    pub blank_rows: u32,
    /// A comment for the annex (e.g. its body was not in the file).
    pub comment: Option<String>,
}

/// 版记.
#[derive(Debug, Clone)]
pub struct Colophon {
    /// 抄送.
    pub cc: Vec<String>,
    /// 印发机关.
    pub printer: String,
    /// 印发日期.
    pub print_date: NaiveDate,
}
