//! An office profile: what a lower office keeps about itself to derive its documents from the
//! upper office's notice (DESIGN §7).

use crate::spec::{Column, Field, ListGroup, Paragraphs, Section};
use serde::Deserialize;

/// A lower office and its usual way of writing.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// 机关: names, number, recipients, signature.
    pub office: Office,
    /// 范围用语替换: upstream wording → local wording, applied to inherited text only.
    #[serde(default)]
    pub substitutions: Vec<Substitution>,
    /// 指导文件: local strategy documents added after the upstream's in 总体要求, e.g.
    /// 《上海市知识产权强市建设纲要（2021—2035年）》.
    #[serde(default)]
    pub guidance: Vec<String>,
    /// 活动安排: the office's own activities (sections numbered （一）…).
    #[serde(default)]
    pub activities: Vec<Section>,
    /// 有关要求: the office's requirements; text may use `{report_by}`, `{summary_by}`,
    /// `{summary_workdays}` from the deadlines.
    #[serde(default)]
    pub requirements: Vec<Section>,
    /// 截止日期, in working days of the State Council holiday schedule.
    #[serde(default)]
    pub deadlines: Deadlines,
    /// 联系人: contact lines (a notice prints them as 附注, a plan as closing lines).
    #[serde(default)]
    pub contacts: Paragraphs,
    /// 组委会成员单位: the member-unit list annex.
    pub members: Option<Members>,
    /// 附件表格: forms to fill in, attached to the derived document.
    #[serde(default)]
    pub forms: Vec<Form>,
    /// 印发通知: the cover notice of a derived plan (`--as cover`).
    pub cover: Option<Cover>,
}

/// 机关.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// 发文机关署名, e.g. 上海市知识产权联席会议办公室.
    pub name: String,
    /// 地方简称 in titles, e.g. 上海 (上海知识产权宣传周), 营口市.
    pub scope: String,
    /// 发文机关标志 issuers (default: the name).
    #[serde(default)]
    pub issuers: Vec<String>,
    /// 机关代字, e.g. 沪知联办; without it the draft has no red header.
    pub doc_code: Option<String>,
    /// 发文顺序号; without it the draft marks it as to fill in.
    pub serial: Option<u32>,
    /// 主送机关.
    pub recipients: Option<String>,
    /// 组委会 name used in plans, e.g. 营口市知识产权宣传周活动组委会.
    pub committee: Option<String>,
    /// 上级部署 phrase for plans, e.g. 按照辽宁省知识产权局的工作部署.
    pub upstream_phrase: Option<String>,
    /// 成文日期: working days before the campaign start (default 12).
    pub issue_workdays_before: Option<u32>,
    /// 方案标题 pattern (default {year}年{scope}知识产权宣传周活动方案).
    pub plan_title: Option<String>,
    /// 方案开头 pattern; `{citation}` is the citation of the upstream notice
    /// (default {citation}结合本地实际，制定本方案。).
    pub plan_opening: Option<String>,
    /// Whether the office seals the document.
    #[serde(default = "yes")]
    pub sealed: bool,
}

fn yes() -> bool {
    true
}

/// One wording substitution.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Substitution {
    /// Upstream wording, e.g. 各地区、各部门.
    pub from: String,
    /// Local wording, e.g. 各区、各部门.
    pub to: String,
}

/// 截止日期 in working days.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Deadlines {
    /// 活动安排报送: working days before the campaign starts (`{report_by}`, with weekday).
    #[serde(default = "report_days")]
    pub report_workdays_before: u32,
    /// 活动总结: working days after the campaign ends (`{summary_workdays}`, `{summary_by}`).
    #[serde(default = "summary_days")]
    pub summary_workdays_after: u32,
    /// 准备阶段: working days before the campaign start it begins.
    #[serde(default = "prepare_days")]
    pub prepare_workdays_before: u32,
}

fn report_days() -> u32 {
    5
}
fn summary_days() -> u32 {
    5
}
fn prepare_days() -> u32 {
    6
}

impl Default for Deadlines {
    fn default() -> Self {
        Self {
            report_workdays_before: report_days(),
            summary_workdays_after: summary_days(),
            prepare_workdays_before: prepare_days(),
        }
    }
}

/// 组委会成员单位.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    /// Title with variables, e.g. {year}年营口市知识产权宣传周活动组委会成员单位.
    pub title: String,
    /// Groups: 主任单位, 成员单位.
    pub groups: Vec<ListGroup>,
    /// Closing sentence, e.g. 组委会办公室设在….
    #[serde(default)]
    pub text: Paragraphs,
}

/// An annex form.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Title with variables.
    pub title: String,
    /// Fill-in lines above the table.
    #[serde(default)]
    pub fields: Vec<Field>,
    /// Column heads.
    pub columns: Vec<Column>,
    /// Empty rows.
    #[serde(default)]
    pub blank_rows: u32,
    /// Landscape page.
    pub landscape: Option<bool>,
}

/// 印发通知 of a derived plan.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    /// Sentences before 现将《…》印发给你们，… (ending with ，).
    pub opening: Paragraphs,
    /// Issuer of the cover notice (default: the office name).
    pub issuer: Option<String>,
    /// 附注 lines of the cover, e.g. 昆明市五华区市场监督管理局代章.
    #[serde(default)]
    pub notes: Vec<String>,
}
