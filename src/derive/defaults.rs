//! The derivation defaults: wording, section rules and phases used where an office profile says
//! nothing, read from `templates/derive/defaults.toml` (embedded at build time).

use super::profile::{PhaseRule, Rule};
use serde::Deserialize;
use std::path::Path;

/// The embedded defaults file.
const DEFAULTS: &str = include_str!("../../templates/derive/defaults.toml");

/// Everything a derivation falls back on.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Defaults {
    /// Patterns for titles, openings and requests.
    pub patterns: Patterns,
    /// Headings of the office's blocks.
    pub headings: Headings,
    /// What a 【待填写】 mark asks for.
    pub placeholders: Placeholders,
    /// How a campaign's name is read from a title.
    pub title: TitleWords,
    /// How the upstream's opening is cut before its decision.
    pub opening: OpeningWords,
    /// Where the office's guiding documents go.
    pub guidance: GuidanceWords,
    /// How a work notice's inherited text is made the office's.
    pub work: super::localise::WorkWords,
    /// Section rules after the profile's own.
    pub rules: Vec<Rule>,
    /// The schedule's phases.
    pub phases: Vec<PhaseRule>,
}

/// 默认用语 patterns (variables in the defaults file's header).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Patterns {
    /// 本机关的活动名称.
    pub local: String,
    /// 本机关的活动名称 of a national campaign's own name (国家××周某县活动).
    pub national_local: String,
    /// 本机关的活动名称 of a campaign named in quotation marks (“××月”, a name of its
    /// own that a local edition keeps as it is).
    pub quoted_local: String,
    /// 通知标题.
    pub notice_title: String,
    /// 通知的决定语.
    pub notice_decision: String,
    /// 方案标题.
    pub plan_title: String,
    /// 方案标题 of a campaign named in quotation marks (the office's place leads).
    pub quoted_plan_title: String,
    /// 方案开头.
    pub plan_opening: String,
    /// 工作通知的标题 (no campaign).
    pub work_title: String,
    /// 工作通知的决定语 (no campaign).
    pub work_decision: String,
    /// 工作方案的标题 (no campaign).
    pub work_plan_title: String,
    /// 结尾, e.g. 特此通知。
    pub closing: String,
    /// 印发通知的开头（印发缘由）, before 现将《…》印发给你们.
    pub cover_opening: String,
    /// 工作方案的印发缘由 (no campaign).
    pub work_cover_opening: String,
    /// 转发的请求语.
    pub relay_request: String,
    /// 转发的请求语 leading to the office's numbered requirements after it.
    pub relay_request_items: String,
    /// Words of the 请求语 an ask after it may say too (结合实际): said once, in the ask.
    pub relay_said_once: Vec<String>,
    /// 转发的动词.
    pub relay_verb: String,
    /// 印发的动词 (a notice that prints its own document).
    pub print_verb: String,
}

/// 本机关各块的标题.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Headings {
    /// 有关要求.
    pub requirements: String,
    /// 活动安排.
    pub activities: String,
    /// 时间安排.
    pub schedule: String,
    /// The headings of a plan the upstream gives no sections for (工作目标, 主要任务 …).
    pub plan_outline: Vec<String>,
}

/// What each 【待填写】 mark asks for.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Placeholders {
    /// The office's units, where a work notice's addressees are replaced and the profile
    /// names neither `units` nor `recipients`.
    pub units: String,
    /// The activities block of a campaign plan.
    pub activities: String,
    /// 主送机关.
    pub recipients: String,
    /// A date the derivation cannot compute.
    pub date: String,
    /// The campaign's name, when the upstream has no campaign.
    pub name: String,
    /// The office's e-mail address, where inherited text gives the upper office's and the
    /// profile names none.
    pub email: String,
    /// The office's telephone, where inherited text gives the upper office's and the profile's
    /// contacts name none.
    pub phone: String,
    /// The office's duty desk's telephone, where the upper office's duty desk's was given.
    pub duty_phone: String,
    /// The office's fax number, where the upper office's was given (传真：…).
    pub fax: String,
    /// Under a plan outline's heading (`{heading}`).
    pub plan_section: String,
}

/// Words for reading a campaign's name from a title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitleWords {
    /// Verbs before the name (开展, 举办).
    pub verbs: Vec<String>,
    /// Words a campaign's name ends with, where the body names it with its dates
    /// (M月D日至D日为××周).
    pub campaign_words: Vec<String>,
    /// Verbs before a work notice's topic (做好, 加强): `{topic}` is the subject without them
    /// and without a trailing 工作.
    pub work_verbs: Vec<String>,
    /// Endings after it (活动的通知).
    pub endings: Vec<String>,
    /// Endings of a document an upstream prints (工作方案, 实施意见): see `document_subject`.
    pub document_endings: Vec<String>,
    /// The subject of the office's notice on an upstream 通报 (`{title}`: the 通报's title): a
    /// notice carries a 通报 out, it does not report it again.
    pub bulletin_subject: String,
    /// The subject of a notice derived from such a document, around its `{topic}`.
    pub document_subject: String,
    /// The event word trailing a name (活动).
    pub event_word: String,
    /// Words a campaign's name ends with when it is an action, not an event (专项行动, 专项整治):
    /// its dates are the campaign's, its drafts read as a work notice's (工作方案, no 活动安排).
    #[serde(default)]
    pub action_words: Vec<String>,
    /// Scope words before a name (全国).
    pub scope_words: Vec<String>,
    /// Endings of a place name (省, 市).
    pub place_endings: Vec<String>,
    /// Words that start a national campaign's own name (国家××周, 中国××周): a local
    /// edition is named after it (`national_local`), not inside it.
    pub national_names: Vec<String>,
    /// How a national day's name ends (全国科普日, 全国土地日): it keeps its scope word, as a
    /// quoted name does; a lower office holds the day, it has no day of its own.
    pub national_days: Vec<String>,
    /// What follows the upper office's place after a campaign's name (全国科普日株洲市系列):
    /// not the campaign's.
    pub series_words: Vec<String>,
}

/// Words that start the upstream's own decision in its opening.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OpeningWords {
    /// 决定, 现就, ….
    pub decision_words: Vec<String>,
    /// A last clause of the reasons that starts with one of these and ends with one of
    /// `procedure_ends` is the upstream's procedure (经研究，) and is not carried over.
    pub procedure_starts: Vec<String>,
    /// See `procedure_starts`: 研究, 同意, ….
    pub procedure_ends: Vec<String>,
    /// A last clause that starts with one of these (根据《…》，) is the upstream's basis: the
    /// office's citation joins it with 和 instead of a second 根据.
    pub basis_words: Vec<String>,
    /// How the name of an office or a body ends (省委, 省政府, 省应急管理厅): a 和 right after one
    /// joins two bases; any other 和 is inside a name (人力资源和社会保障厅) and stays.
    pub name_endings: Vec<String>,
    /// How a request to the recipients starts (请, 各): in an opening without a decision, the
    /// paragraphs from the first such one follow the office's decision.
    pub request_starts: Vec<String>,
    /// The decision word, then the verbs of a decision to act that the office carries as its
    /// own (决定在全县开展…。).
    pub carried_decision: Vec<String>,
    /// 政府, 委: the organ whose approval (经市政府同意) its general office's notice states; the
    /// office's own organ's where the office is such a general office.
    pub approving_organs: Vec<String>,
    /// 全国: a decision for such an area is not carried.
    pub uncarried_areas: Vec<String>,
    /// 现就, 现将: where the announcement starts in the office's decision.
    pub announcements: Vec<String>,
}

/// Headings of the upstream's guidance section.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceWords {
    /// 总体要求, 指导思想, ….
    pub headings: Vec<String>,
}

impl Defaults {
    /// The embedded defaults.
    pub fn embedded() -> &'static Defaults {
        static D: std::sync::OnceLock<Defaults> = std::sync::OnceLock::new();
        D.get_or_init(|| {
            crate::spec::deserialize(DEFAULTS, Path::new("templates/derive/defaults.toml"))
                .expect("the embedded derivation defaults are valid (tested)")
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_defaults_parse() {
        let d: Defaults = crate::spec::deserialize(DEFAULTS, Path::new("defaults.toml")).unwrap();
        assert_eq!(d.phases.len(), 3);
        assert!(!d.rules.is_empty());
    }
}
