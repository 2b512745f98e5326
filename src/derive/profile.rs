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
    /// 指导文件: local strategy documents added after the upstream's last 《…》 in its guidance
    /// section (总体要求 / 指导思想), e.g. 《某省科技创新“十四五”规划》.
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
    /// 转发: relaying the upstream document as it is (`--as relay`).
    pub relay: Option<Relay>,
    /// 各节规则: what happens to each upstream section (first match wins, before the defaults).
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// 本机关增加的节: local sections added to the draft.
    #[serde(default)]
    pub sections: Vec<LocalSection>,
    /// 时间安排的阶段 (default 准备阶段/实施阶段/总结阶段 from the derivation defaults).
    #[serde(default)]
    pub phases: Vec<PhaseRule>,
}

/// The derivations a rule or a section applies to (empty: all).
pub type For = Vec<crate::derive::DeriveAs>;

/// 规则: what happens to the upstream sections whose heading contains one of `heading`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// 匹配: words of the upstream heading (one string or several).
    pub heading: Words,
    /// 处理: inherit, rename, replace or drop.
    #[serde(default)]
    pub action: Action,
    /// 新标题 (rename; replace with own text).
    pub to: Option<String>,
    /// 替换为本机关的一块: requirements, activities or schedule (replace).
    pub block: Option<Block>,
    /// 替换为本机关的文字 (replace).
    #[serde(default)]
    pub text: Paragraphs,
    /// 替换为本机关的下一层 (replace).
    #[serde(default)]
    pub sections: Vec<Section>,
    /// 适用于: notice, plan, cover, relay (default: all).
    #[serde(default, rename = "for")]
    pub for_: For,
}

impl Rule {
    /// Whether the rule applies to derivation `as_` and an upstream heading.
    pub fn matches(&self, as_: crate::derive::DeriveAs, heading: &str) -> bool {
        (self.for_.is_empty() || self.for_.contains(&as_))
            && self.heading.0.iter().any(|w| heading.contains(w.as_str()))
    }
}

/// One word or several, written as a string or an array.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Words(pub Vec<String>);

impl<'de> Deserialize<'de> for Words {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Paragraphs::deserialize(d).map(|p| Words(p.0))
    }
}

/// 处理方式 of an upstream section.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Action {
    /// 继承: kept, with the office's substitutions (and the heading `to`, if given).
    #[default]
    Inherit,
    /// 改名: kept under the heading `to`.
    Rename,
    /// 替换: the office's block or its own text takes the section's place.
    Replace,
    /// 删除.
    Drop,
}

/// 本机关的一块内容.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// 有关要求 (the office's requirements).
    Requirements,
    /// 活动安排 (the office's activities; plans and covers).
    Activities,
    /// 时间安排 (the phases; plans and covers with campaign dates).
    Schedule,
}

/// 本机关增加的一节.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocalSection {
    /// 标题.
    pub heading: String,
    /// 标题与正文同段.
    #[serde(default)]
    pub run_in: bool,
    /// 段落.
    #[serde(default)]
    pub text: Paragraphs,
    /// 下一层.
    #[serde(default)]
    pub sections: Vec<Section>,
    /// 位置: after the draft section whose heading contains this (default: before the
    /// requirements).
    pub after: Option<String>,
    /// 适用于 (default: all).
    #[serde(default, rename = "for")]
    pub for_: For,
}

impl LocalSection {
    /// The section itself.
    pub fn section(&self) -> Section {
        Section {
            heading: self.heading.clone(),
            run_in: self.run_in,
            text: self.text.clone(),
            sections: self.sections.clone(),
            ..Section::default()
        }
    }
}

/// 阶段: a phase of the schedule and the span of the campaign it covers.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PhaseRule {
    /// 阶段名称, e.g. 准备阶段, 动员部署阶段.
    pub name: String,
    /// 时段: prepare (before the start), campaign (start to end) or summary (the summary date).
    pub span: Span,
    /// 工作内容; may use {short}, {name}, {local}.
    #[serde(default)]
    pub text: String,
}

/// 时段 of a phase.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    /// From the preparation start to the eve of the campaign.
    Prepare,
    /// The campaign's own dates.
    Campaign,
    /// The summary deadline.
    Summary,
}

/// 转发通知 of an upstream document.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Relay {
    /// Sentences before 现将《…》转发给你们，(ending with ，).
    #[serde(default)]
    pub opening: Paragraphs,
    /// 请求语 after it (default from the derivation defaults: 请结合实际认真贯彻执行。).
    pub request: Option<String>,
    /// 附注 lines.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// 机关.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Office {
    /// 发文机关署名, e.g. 某省××厅.
    pub name: String,
    /// 地方简称 in titles, e.g. 某省 (某省××活动周), 某县.
    pub scope: String,
    /// 行政级别 (省级, 市级, 县级, 乡镇级) where the name does not tell it: a county-level city
    /// (宁乡市) or district is 县级, though its name ends in 市. Default: read from the name.
    pub level: Option<OfficeLevel>,
    /// 发文机关标志 issuers (default: the name).
    #[serde(default)]
    pub issuers: Vec<String>,
    /// 机关代字, e.g. 某政发; without it the draft has no red header.
    pub doc_code: Option<String>,
    /// 发文机关标志 suffix: 文件 by default; `""` prints the name alone (default so for a 代字
    /// of a 函 or 明电, `[work] nameonly_codes`: 绵教体函, 赣安办明电).
    pub mark_suffix: Option<String>,
    /// 发文顺序号; without it the draft marks it as to fill in.
    pub serial: Option<u32>,
    /// 主送机关.
    pub recipients: Option<String>,
    /// 组委会 name, the value of `{committee}` in the profile's text, e.g. 某县××活动周组委会.
    pub committee: Option<String>,
    /// 上级部署 phrase, the value of `{upstream_phrase}` (with its ，), e.g. 按照省科技厅的
    /// 工作部署; the default plan opening and work-notice decision use it.
    pub upstream_phrase: Option<String>,
    /// 报送对象: whom the office's units report to where a work notice's upper office asked to
    /// be reported to (default: the office's name), e.g. 县水利局农村水利股.
    pub report_to: Option<String>,
    /// 值班室: where the office's units report at any hour what the upper office asked to be
    /// told at its duty desk (1小时内书面报告省应急管理厅指挥中心), default: the office's name
    /// and 值班室, e.g. 县应急管理局值班室.
    pub duty_to: Option<String>,
    /// 值班电话 of the office's duty desk: it replaces the upper duty desk's telephone in
    /// inherited text (default: a 【待填写】 mark), e.g. 0717-6253400.
    pub duty_phone: Option<String>,
    /// 传真 of the office: it replaces the upper office's fax number (default: a 【待填写】 mark).
    pub fax: Option<String>,
    /// 电子邮箱 the office's units send their material to: it replaces the upper office's
    /// address in inherited text (报送…，电子版发送至…).
    pub email: Option<String>,
    /// 下级单位称谓 replacing a work notice's addressees (各设区市水利（水务）局, 各地); default:
    /// the recipients, e.g. 各乡镇人民政府、局属各单位.
    pub units: Option<String>,
    /// 成文日期: working days before the campaign start (default 12).
    pub issue_workdays_before: Option<u32>,
    /// 方案标题 pattern (default from the derivation defaults: {year}年{local}活动方案).
    pub plan_title: Option<String>,
    /// 方案开头 pattern; `{citation}` is the citation of the upstream notice
    /// (default {citation}结合本地实际，制定本方案。).
    pub plan_opening: Option<String>,
    /// 本机关的活动名称 pattern, e.g. {scope}{name} (the default); {name} is the upstream
    /// campaign's name without its scope word.
    pub campaign_name: Option<String>,
    /// 通知标题 pattern (default from the derivation defaults).
    pub notice_title: Option<String>,
    /// 通知的决定语 pattern, ending the opening (default from the derivation defaults).
    pub notice_decision: Option<String>,
    /// 成文日期 of a derivation without campaign dates: working days after the upstream's
    /// 成文日期 (default 3).
    pub issue_workdays_after: Option<u32>,
    /// Whether the office seals the document.
    #[serde(default = "yes")]
    pub sealed: bool,
    /// 印章图片: the office's own seal (PNG with transparency or SVG), relative to the profile;
    /// its drafts name it in `[signature] seals`, and rendering draws it over the signature.
    pub seal: Option<String>,
    /// 抄送机关 of the office's notices (版记), e.g. the upper office and the county's leaders.
    #[serde(default)]
    pub cc: Vec<String>,
    /// 印发机关 of the office's notices (版记), e.g. 某县某局办公室: with it a notice, cover or
    /// relay gets its 版记, printed on the 成文日期.
    pub printer: Option<String>,
}

fn yes() -> bool {
    true
}

/// 行政级别 of an office.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
pub enum OfficeLevel {
    /// 省级 (省、自治区、直辖市).
    #[serde(rename = "省级")]
    Province,
    /// 市级 (设区的市、自治州、地区、盟).
    #[serde(rename = "市级")]
    City,
    /// 县级 (县、县级市、市辖区、旗).
    #[serde(rename = "县级")]
    County,
    /// 乡镇级 (乡、镇、街道).
    #[serde(rename = "乡镇级")]
    Township,
}

impl OfficeLevel {
    /// Every level, highest first, with its name as the profile writes it.
    pub const ALL: [(OfficeLevel, &'static str); 4] = [
        (OfficeLevel::Province, "省级"),
        (OfficeLevel::City, "市级"),
        (OfficeLevel::County, "县级"),
        (OfficeLevel::Township, "乡镇级"),
    ];

    /// The rank the localiser compares levels by (3 province … 0 below a county).
    pub fn rank(self) -> u8 {
        match self {
            OfficeLevel::Province => 3,
            OfficeLevel::City => 2,
            OfficeLevel::County => 1,
            OfficeLevel::Township => 0,
        }
    }
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
    /// 本机关期限: working days each deadline of a work notice comes before the upstream's
    /// (the office needs time to collect and check what its units report; default 3).
    #[serde(default = "lead_days")]
    pub lead_workdays: u32,
}

/// 活动安排报送: working days before the campaign start, when the profile gives none.
pub const REPORT_WORKDAYS_BEFORE: u32 = 5;
/// 活动总结报送: working days after the campaign end, when the profile gives none.
pub const SUMMARY_WORKDAYS_AFTER: u32 = 5;
/// 准备阶段: working days before the campaign start it begins, when the profile gives none.
pub const PREPARE_WORKDAYS_BEFORE: u32 = 6;
/// 成文日期: working days before the campaign start, when the profile gives none.
pub const ISSUE_WORKDAYS_BEFORE: u32 = 12;
/// 成文日期 without campaign dates: working days after the upstream's, by default.
pub const ISSUE_WORKDAYS_AFTER: u32 = 3;

fn report_days() -> u32 {
    REPORT_WORKDAYS_BEFORE
}
fn summary_days() -> u32 {
    SUMMARY_WORKDAYS_AFTER
}
fn prepare_days() -> u32 {
    PREPARE_WORKDAYS_BEFORE
}
fn lead_days() -> u32 {
    3
}

impl Default for Deadlines {
    fn default() -> Self {
        Self {
            report_workdays_before: report_days(),
            summary_workdays_after: summary_days(),
            prepare_workdays_before: prepare_days(),
            lead_workdays: lead_days(),
        }
    }
}

/// 组委会成员单位.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Members {
    /// Title with variables, e.g. {year}年某县××活动周组委会成员单位.
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
    /// Sentences before 现将《…》印发给你们，… (ending with ，); none: the default reason.
    #[serde(default)]
    pub opening: Paragraphs,
    /// 方案主送: the plan printed after its cover repeats the cover's 主送 (as seed 003 prints
    /// it); by default a plan sent with its cover names none.
    #[serde(default)]
    pub plan_recipients: bool,
    /// Issuer of the cover notice (default: the office name).
    pub issuer: Option<String>,
    /// 附注 lines of the cover, e.g. 某区市场监督管理局代章.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What is wrong with a profile beyond its syntax: rules that cannot work, phases without a
/// name. Each problem is (field path, message).
pub fn problems(p: &Profile) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (i, r) in p.rules.iter().enumerate() {
        let at = format!("rules[{i}]");
        if r.heading.0.iter().all(|w| w.trim().is_empty()) {
            out.push((
                format!("{at}.heading"),
                "规则须写明要匹配的上级标题用语".to_owned(),
            ));
        }
        match r.action {
            Action::Rename if r.to.as_deref().is_none_or(|t| t.trim().is_empty()) => out.push((
                format!("{at}.to"),
                "action = \"rename\" 须写明新标题 to".to_owned(),
            )),
            Action::Replace
                if r.block.is_none() && r.text.0.is_empty() && r.sections.is_empty() =>
            {
                out.push((
                    format!("{at}.action"),
                    "action = \"replace\" 须写明替换为本机关的哪一块（block = \"requirements\" | \"activities\" | \"schedule\"）或自己的文字（text / sections）".to_owned(),
                ))
            }
            _ => {}
        }
        if r.block.is_some() && r.action != Action::Replace {
            out.push((
                format!("{at}.block"),
                "block 只用于 action = \"replace\"".to_owned(),
            ));
        }
    }
    for (i, ph) in p.phases.iter().enumerate() {
        if ph.name.trim().is_empty() {
            out.push((format!("phases[{i}].name"), "阶段名称不能为空".to_owned()));
        }
    }
    for (i, l) in p.sections.iter().enumerate() {
        if l.heading.trim().is_empty() {
            out.push((
                format!("sections[{i}].heading"),
                "本机关增加的节须有标题".to_owned(),
            ));
        }
    }
    out
}
