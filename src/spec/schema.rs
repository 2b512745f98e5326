//! The TOML schema of a campaign spec: what an office writes by hand.
//!
//! Keys are English (TOML bare keys cannot be Chinese); each field's doc comment names the
//! 公文 element it holds. The README's "Spec reference" documents the same fields.

use super::kind::DocKind;
use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A whole spec file: one document.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Spec {
    /// 文种: which kind of document this spec describes.
    #[serde(default)]
    pub kind: DocKind,
    /// 附件标识 printed above the title when the document stands as an annex, e.g. 附件1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// 标题: the document title, e.g. 关于开展2025年全国××活动周活动的通知. A cover
    /// notice without one is titled 关于印发《…》的通知 after its enclosure.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// 印发通知的请求语, replacing 请认真贯彻落实。 in 现将《…》印发给你们，请认真贯彻落实。
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmit: Option<String>,
    /// 印发 (default) or 转发: the verb of a cover notice, 关于转发《…》的通知 when it relays
    /// another office's document.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transmit_verb: Option<String>,
    /// 主送机关: recipients; the trailing full-width colon is added when missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipients: Option<String>,
    /// 正文开头: paragraphs before the first numbered section.
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub opening: Paragraphs,
    /// 正文结尾: paragraphs after the last section, e.g. 特此通知。
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub closing: Paragraphs,
    /// 附注: notes printed in parentheses below the date, e.g. 此件公开发布.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// 联系人及电话: contact line, printed as a 附注 in parentheses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<String>,
    /// 主题词: index words for archives and the exchange system, carried in the OFD's and the
    /// PDF's metadata (GB/T 9704-2012 no longer prints them on the page).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub keywords: Vec<String>,
    /// 来源: the upstream notice and office profile a derived draft came from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    /// 活动: the campaign's year-bound facts, the values of `{year}`, `{edition}`, ….
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
    /// 版头: copy number, secrecy, urgency, issuer mark, 发文字号, signers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header: Option<Header>,
    /// 批复所答复的请示: the request a reply answers, cited at its start.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answers: Option<Answers>,
    /// 正文: the numbered sections (一、（一）1.（1）), nested.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// 发文机关署名和成文日期 (required for notices and cover notices).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// 出席、请假、列席人员 of a 纪要.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attendance: Option<Attendance>,
    /// 印发的文件: the plan or text a cover notice transmits, printed after it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub enclosure: Option<Enclosure>,
    /// 附件: annexes, in order; the 附件说明 is derived from them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annexes: Vec<Annex>,
    /// 版记: 抄送, 印发机关, 印发日期.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub colophon: Option<Colophon>,
}

/// 所答复的请示: what a 批复 cites (《标题》（发文字号）收悉。).
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Answers {
    /// 请示标题, e.g. 某局关于某事项的请示.
    pub title: String,
    /// 请示的发文字号, e.g. 某发〔2025〕1号.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// 出席、请假、列席人员 of a 纪要, each 单位 and 姓名 as the office writes them.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Attendance {
    /// 出席.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub present: Vec<String>,
    /// 请假.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<String>,
    /// 列席.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub observers: Vec<String>,
}

/// 来源 of a derived draft, so that next year's re-derivation can show what changed.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// The upstream spec file.
    pub upstream_file: String,
    /// The upstream title.
    pub upstream_title: String,
    /// The upstream 发文字号, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub upstream_number: Option<String>,
    /// The upstream 成文日期: a derived document cannot be dated before it.
    #[serde(
        default,
        deserialize_with = "de_opt_date",
        serialize_with = "ser_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub upstream_date: Option<NaiveDate>,
    /// The office profile file.
    pub office_file: String,
    /// What the draft was derived as: notice, plan or cover.
    pub derived_as: String,
}

/// 活动: what makes a campaign's text year-bound.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    /// 活动名称 as the issuing office writes it, with its scope word, e.g. 全国××活动周;
    /// without it, derivation reads the name from the title (关于开展2025年全国××活动周活动的通知).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// 活动简称 used in running text, e.g. ××周 (default: the name without its scope word).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    /// 时机用语, e.g. 第{edition}届全国××活动周: what a lower office's opening may cite.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub occasion: Option<String>,
    /// 活动年份, the value of `{year}`.
    pub year: i32,
    /// 届次, as in 第N届 / 第N个 of an occasion: the value of `{edition}` (default: year − 2000).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<i32>,
    /// 活动开始日期 (`{start}`), e.g. 2025-04-20.
    #[serde(deserialize_with = "de_date", serialize_with = "ser_date")]
    pub start: NaiveDate,
    /// 活动结束日期 (`{end}`), e.g. 2025-04-26.
    #[serde(deserialize_with = "de_date", serialize_with = "ser_date")]
    pub end: NaiveDate,
}

/// 印发的文件: a plan (活动方案) or a text (工作要点) printed after its cover notice.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Enclosure {
    /// 标题, e.g. 某县2025年××活动周活动方案.
    pub title: String,
    /// 发文字号 of the enclosed document when it is another office's (a relayed notice):
    /// cited as 现将《…》（国办发〔2025〕1号）转发给你们.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// 主送机关 of the enclosed document, if it has its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recipients: Option<String>,
    /// 正文开头.
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub opening: Paragraphs,
    /// 结尾段落 (e.g. contact lines).
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub closing: Paragraphs,
    /// 正文各节.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// 署名和日期 of the enclosed document, if it has its own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// 附注 of the enclosed document (a relayed notice's 此件公开发布), below its date.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// 联系人及电话 of the enclosed document (a relayed notice's contact), as its 附注.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contacts: Option<String>,
}

/// 版头: everything above the red separator line.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Header {
    /// 份号: copy number, six Arabic digits.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub copy_number: Option<String>,
    /// 密级和保密期限, e.g. 机密★1年.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub secrecy: Option<String>,
    /// 紧急程度, e.g. 特急.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urgency: Option<String>,
    /// 发文机关: one issuer, or several for a joint issue (lead issuer first).
    pub issuers: Vec<String>,
    /// 发文机关标志 suffix: 文件 by default (纪要 for minutes, 令 for orders, none for letters);
    /// `""` prints the issuer's name alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_suffix: Option<String>,
    /// 发文机关标志 line by line, where the office breaks a long issuer name itself, e.g.
    /// `["某区某某战略实施工作", "联席会议领导小组办公室"]`; without it a name too long for
    /// one line is broken at a word boundary.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mark_lines: Vec<String>,
    /// Font size of the issuer mark in pt (set by the office); fitted to the text block.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mark_size: Option<f64>,
    /// 发文字号 (a document without one is made, with a warning).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<DocNumber>,
    /// 签发人: names of the signers; makes the document an upward one (上行文).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub signers: Vec<String>,
    /// 令号 of a 命令(令): 12 → 第12号, centred two lines below the mark.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub order_number: Option<u32>,
}

/// 发文字号: 机关代字〔年份〕序号号. Written as a table `{ code, year, serial }` or as the
/// string the office is used to (`"某政发〔2025〕2号"`); a string with other brackets, 第 or
/// leading zeros is read and reported by the `doc-number-form` convention.
#[derive(Debug, Clone, PartialEq)]
pub struct DocNumber {
    /// 机关代字, e.g. 国知发办字.
    pub code: String,
    /// 年份, e.g. 2024.
    pub year: i32,
    /// 发文顺序号, e.g. 8 (no leading zeros, no 第); 0 while the document is not numbered yet
    /// (未编号: printed as a blank, reported by `check`).
    pub serial: u32,
    /// The string as written in the spec, when it was given as one.
    pub written: Option<String>,
}

impl DocNumber {
    /// Reads a written 发文字号, accepting the usual mistakes: [] 【】 () （） instead of 〔〕,
    /// 第 before the serial, leading zeros.
    pub fn parse(s: &str) -> Option<DocNumber> {
        let s = s.trim();
        let open = s.find(['〔', '[', '【', '(', '（', '［', '〖'])?;
        let code = s[..open].trim().to_owned();
        let rest = &s[open..];
        let rest = &rest[rest.chars().next()?.len_utf8()..];
        let year_end = rest.find(|c: char| !c.is_ascii_digit())?;
        let year: i32 = rest[..year_end].parse().ok()?;
        let rest = &rest[year_end..];
        let close = rest.chars().next()?;
        if !"〕]】)）］〗".contains(close) {
            return None;
        }
        let rest = rest[close.len_utf8()..]
            .trim()
            .trim_start_matches('第')
            .trim();
        let rest = rest.trim_start_matches([' ', '\u{3000}']);
        let serial_end = rest.find(|c: char| !c.is_ascii_digit())?;
        // 代字〔年份〕　　号: not numbered yet (0).
        let serial: u32 = match serial_end {
            0 => crate::compose::text::UNNUMBERED,
            _ => rest[..serial_end].parse().ok()?,
        };
        if rest[serial_end..].trim() != "号" || code.is_empty() {
            return None;
        }
        Some(DocNumber {
            code,
            year,
            serial,
            written: Some(s.to_owned()),
        })
    }
}

impl<'de> Deserialize<'de> for DocNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Parts {
            code: String,
            year: i32,
            serial: u32,
        }
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = DocNumber;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a doc number like \"某政发〔2025〕2号\" or { code, year, serial }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DocNumber, E> {
                DocNumber::parse(v).ok_or_else(|| {
                    E::custom(format!(
                        "无法识别发文字号“{v}”，应写作 代字〔年份〕序号号，如 某政发〔2025〕2号"
                    ))
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<DocNumber, A::Error> {
                let p = Parts::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(DocNumber {
                    code: p.code,
                    year: p.year,
                    serial: p.serial,
                    written: None,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// 正文的一节: a heading with its text and subsections.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// 标题: the heading text without its number (一、 is added). Empty: the section is a
    /// numbered item, its number and first paragraph printed in the body face.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub heading: String,
    /// Run-in heading (标题与正文同段): heading sentence and text share one paragraph.
    #[serde(default, skip_serializing_if = "is_false")]
    pub run_in: bool,
    /// 段落: the section's paragraphs.
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub text: Paragraphs,
    /// 序号层次: the numbering this section and its siblings print where the document skips a
    /// level (1. directly under 一、, or items 1. 2. without 一、); absent: one level below its
    /// parent. The first sibling that sets it numbers them all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<Numbering>,
    /// 下一层: subsections, numbered at the next level.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// 阶段: a schedule (准备阶段/实施阶段/总结阶段), numbered at the next level after the
    /// subsections, each as （一）准备阶段（2025年4月11日—4月19日），text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phases: Vec<Phase>,
}

impl Section {
    /// The level a group of sibling sections prints at under a parent at `parent` (0: the
    /// body): the numbering one of them sets where the document skips a level (1. under 一、),
    /// else the next.
    pub fn group_level(siblings: &[Section], parent: usize) -> usize {
        siblings
            .iter()
            .find_map(|s| s.numbering)
            .map_or(parent + 1, |n| n.level().max(parent + 1))
    }
}

/// 结构层次序数: the four heading numbers of GB/T 9704 §7.3.3, in their order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize)]
pub enum Numbering {
    /// 一、
    #[serde(rename = "一、")]
    Chinese,
    /// （一）
    #[serde(rename = "（一）")]
    ParenChinese,
    /// 1.
    #[serde(rename = "1.")]
    Arabic,
    /// （1）
    #[serde(rename = "（1）")]
    ParenArabic,
}

impl Numbering {
    /// All four, first level first.
    pub const ALL: [Numbering; 4] = [
        Numbering::Chinese,
        Numbering::ParenChinese,
        Numbering::Arabic,
        Numbering::ParenArabic,
    ];

    /// The level it stands for (1 for 一、 … 4 for （1）).
    pub fn level(self) -> usize {
        self as usize + 1
    }

    /// The numbering of `level` (1-based); levels past the fourth print as （1）.
    pub fn at_level(level: usize) -> Numbering {
        Self::ALL[level.clamp(1, 4) - 1]
    }

    /// How it is written, for messages and the web form (一、, （一）, 1., （1）).
    pub fn written(self) -> &'static str {
        ["一、", "（一）", "1.", "（1）"][self as usize]
    }
}

/// 阶段: one phase of a schedule with its dates.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Phase {
    /// 阶段名称, e.g. 准备阶段.
    pub name: String,
    /// 开始日期.
    #[serde(deserialize_with = "de_date", serialize_with = "ser_date")]
    pub start: NaiveDate,
    /// 结束日期 (absent for a one-day phase).
    #[serde(
        default,
        deserialize_with = "de_opt_date",
        serialize_with = "ser_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub end: Option<NaiveDate>,
    /// 工作内容.
    #[serde(default)]
    pub text: String,
}

/// 发文机关署名和成文日期.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Signature {
    /// 发文机关署名.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// 联合行文的发文机关署名: one per issuing office, lead first, each on its line (instead
    /// of `issuer`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issuers: Vec<String>,
    /// 成文日期.
    #[serde(deserialize_with = "de_date", serialize_with = "ser_date")]
    pub date: NaiveDate,
    /// 加盖印章: leaves room for the seal and centres the issuer over the date; joint issuers
    /// stand in a row, each under its seal (GB/T 9704 §7.3.5.1).
    #[serde(default = "default_true")]
    pub sealed: bool,
    /// 印章图片: the offices' own seal images (PNG with transparency, or SVG), in the issuers'
    /// order, relative to the spec file. Without them the room is left for stamping by hand.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seals: Vec<String>,
    /// 印章直径 (mm) of the seal images and of the room left for seals; default
    /// [`crate::gbt9704::SEAL_DIAMETER_MM`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seal_size_mm: Option<f64>,
    /// 签发人姓名 where a 签名章 is applied (a 命令), 右空四字.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// 签发人职务, two characters left of the 签名章.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signer_role: Option<String>,
    /// 印发通知: the signature (with 附注 and contacts) printed after the enclosed document
    /// instead of after the notice's own text, as some offices lay out a cover notice.
    #[serde(default, skip_serializing_if = "is_false")]
    pub after_enclosure: bool,
}

impl Spec {
    /// The number of a document that stands as an annex of another (`label = "附件1"`: a plan
    /// its notice sends): its own annexes follow it in that document's numbering (附件2 …).
    pub fn annex_base(&self) -> Option<usize> {
        let label = self.label.as_deref()?.trim();
        label.strip_prefix("附件")?.trim().parse().ok()
    }

    /// The offices that issue it: the mark's issuers, then the signing offices.
    pub fn offices(&self) -> Vec<String> {
        let mut out: Vec<String> = self.header.iter().flat_map(|h| h.issuers.clone()).collect();
        out.extend(self.signature.iter().flat_map(Signature::names));
        out.extend(self.relayed().iter().flat_map(|e| e.issuers()));
        out
    }

    /// The other office's document a 转发 notice relays (its enclosure, when a transmit verb
    /// other than 印发 is set): the document whose requirements the notice passes on.
    pub fn relayed(&self) -> Option<&Enclosure> {
        self.transmitted().filter(|_| self.transmit_verb.is_some())
    }

    /// The office's own document a cover notice prints (its enclosure, when it relays none).
    pub fn printed(&self) -> Option<&Enclosure> {
        self.transmitted().filter(|_| self.relayed().is_none())
    }

    /// The document a cover notice prints or relays (its enclosure).
    pub fn transmitted(&self) -> Option<&Enclosure> {
        self.enclosure
            .as_ref()
            .filter(|_| self.kind == DocKind::Cover)
    }
}

impl Enclosure {
    /// Who issued the enclosed document: its signature, else the name its title starts with
    /// (四川省教育厅 of 四川省教育厅关于…的通知).
    pub fn issuers(&self) -> Vec<String> {
        let signed = self.signature.iter().flat_map(Signature::names);
        let signed: Vec<String> = signed.collect();
        if !signed.is_empty() {
            return signed;
        }
        match self.title.find("关于") {
            Some(at) if at > 0 => self.title[..at]
                .split([' ', '　', '、'])
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl Signature {
    /// The seal diameter (mm): `seal_size_mm`, else the house default.
    pub fn seal_diameter_mm(&self) -> f64 {
        self.seal_size_mm
            .unwrap_or(crate::gbt9704::SEAL_DIAMETER_MM)
    }

    /// The signing offices: `issuers`, else `issuer` (blank names left out).
    pub fn names(&self) -> Vec<String> {
        self.issuers
            .iter()
            .chain(&self.issuer)
            .map(|n| n.trim().to_owned())
            .filter(|n| !n.is_empty())
            .collect()
    }
}

fn default_true() -> bool {
    true
}

/// 附件: one annex.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Annex {
    /// 附件标题 (also the name in the 附件说明).
    pub title: String,
    /// 附件类型: free text, a list of units, or a table to fill in.
    #[serde(default)]
    pub kind: AnnexKind,
    /// Free text paragraphs (text annexes; closing paragraphs of a list annex).
    #[serde(default, skip_serializing_if = "Paragraphs::is_empty")]
    pub text: Paragraphs,
    /// 名单: labelled groups of a list annex, e.g. 主任单位 / 成员单位.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<ListGroup>,
    /// 表头上方的填写项, e.g. 单位名称 / 填表时间.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<Field>,
    /// 表头: column titles of a table annex.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// 表格内容: given rows, each a list of cells.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<Vec<String>>,
    /// 空白行数: empty rows to fill in by hand.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub blank_rows: u32,
    /// 横向页面: lay the annex on a landscape page (wide tables).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub landscape: Option<bool>,
}

/// 附件类型.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnnexKind {
    /// 文字附件.
    #[default]
    Text,
    /// 名单 (e.g. 成员单位名单).
    List,
    /// 表格 (e.g. 重点活动安排表).
    Table,
}

/// A labelled group of names, e.g. 主任单位：科学技术部、中央宣传部.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ListGroup {
    /// 类别, e.g. 主任单位.
    pub label: String,
    /// 名称: the names, joined with 、.
    pub items: Vec<String>,
}

/// A fill-in line above a table, e.g. 单位名称：区联席会议办公室.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    /// 项目, e.g. 填表时间.
    pub label: String,
    /// 预填内容 (empty for a blank to fill in).
    #[serde(default)]
    pub value: String,
}

/// 表头的一列: a title, or a table `{ title = "…", width = 2, group = "…" }`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Column {
    /// 列名.
    pub title: String,
    /// Relative width; derived from the content when absent.
    pub width: Option<f64>,
    /// 表头上层: the title over this column and its neighbours of the same group (a two-row
    /// head, e.g. 排查情况 over 排查场所 and 发现隐患).
    pub group: Option<String>,
}

/// 版记.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Colophon {
    /// 抄送机关.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cc: Vec<String>,
    /// 印发机关 (required except in the 信函格式, whose 版记 has none).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printer: Option<String>,
    /// 印发日期 (likewise).
    #[serde(
        default,
        deserialize_with = "de_opt_date",
        serialize_with = "ser_opt_date",
        skip_serializing_if = "Option::is_none"
    )]
    pub print_date: Option<NaiveDate>,
}

/// Paragraphs written either as one string or as an array of strings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Paragraphs(pub Vec<String>);

impl<'de> Deserialize<'de> for Paragraphs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Paragraphs;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or an array of strings")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Paragraphs, E> {
                Ok(Paragraphs(vec![v.to_owned()]))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Paragraphs, A::Error> {
                let mut out = Vec::new();
                while let Some(s) = seq.next_element::<String>()? {
                    out.push(s);
                }
                Ok(Paragraphs(out))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for Column {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Full {
            title: String,
            width: Option<f64>,
            group: Option<String>,
        }
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Column;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a column title or a table { title, width, group }")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Column, E> {
                Ok(Column {
                    title: v.to_owned(),
                    width: None,
                    group: None,
                })
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Column, A::Error> {
                let full = Full::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Column {
                    title: full.title,
                    width: full.width,
                    group: full.group,
                })
            }
        }
        d.deserialize_any(V)
    }
}

/// Reads an optional TOML local date.
fn de_opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    de_date(d).map(Some)
}

/// Reads a TOML local date (`2025-04-02`) into a calendar date.
fn de_date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    use serde::de::Error;
    let dt = toml::value::Datetime::deserialize(d)?;
    match (dt.date, dt.time) {
        (Some(date), None) => NaiveDate::from_ymd_opt(
            i32::from(date.year),
            u32::from(date.month),
            u32::from(date.day),
        )
        .ok_or_else(|| D::Error::custom(format!("日期不存在：{dt}"))),
        _ => Err(D::Error::custom(format!(
            "应为不带时间的日期（如 2025-04-02），实际为 {dt}"
        ))),
    }
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Paragraphs {
    /// Whether there is no paragraph.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// One paragraph as a string, several as an array (as offices write them).
impl Serialize for Paragraphs {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0.as_slice() {
            [one] => s.serialize_str(one),
            many => many.serialize(s),
        }
    }
}

/// A column without a width or a group as its title, else `{ title, width, group }`.
impl Serialize for Column {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        if self.width.is_none() && self.group.is_none() {
            return s.serialize_str(&self.title);
        }
        let mut t = s.serialize_struct("Column", 3)?;
        t.serialize_field("title", &self.title)?;
        if let Some(w) = self.width {
            t.serialize_field("width", &w)?;
        }
        if let Some(g) = &self.group {
            t.serialize_field("group", g)?;
        }
        t.end()
    }
}

/// The 发文字号 as the office wrote it, else `{ code, year, serial }`.
impl Serialize for DocNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        match &self.written {
            Some(w) => s.serialize_str(w),
            None => {
                let mut t = s.serialize_struct("DocNumber", 3)?;
                t.serialize_field("code", &self.code)?;
                t.serialize_field("year", &self.year)?;
                t.serialize_field("serial", &self.serial)?;
                t.end()
            }
        }
    }
}

/// A calendar date as a TOML local date (`2025-04-02`).
fn ser_date<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    use chrono::Datelike;
    use serde::ser::Error;
    let field = |v: u32| u8::try_from(v).map_err(S::Error::custom);
    let date = toml::value::Date {
        year: u16::try_from(d.year()).map_err(S::Error::custom)?,
        month: field(d.month())?,
        day: field(d.day())?,
    };
    toml::value::Datetime {
        date: Some(date),
        time: None,
        offset: None,
    }
    .serialize(s)
}

/// An optional date (skipped when absent).
fn ser_opt_date<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => ser_date(d, s),
        None => s.serialize_none(),
    }
}
