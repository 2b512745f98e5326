//! 文种: one row per kind of document. The enum a spec names (`kind = "letter"`), the Chinese
//! name, the title's last words, the 版头's format, what the kind requires, the `new` template
//! and the sample that shows it all come from the one [`KINDS`] table below: a new 文种 is one row
//! here, its `templates/new/ID.toml` and its sample.

use serde::{Deserialize, Serialize};

/// Which of GB/T 9704's formats a kind's 版头 takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeaderFormat {
    /// 文件格式 (also 纪要, §10.3): mark, 发文字号 and red line in the text block.
    File,
    /// 信函格式 (§10.1): mark above the text block, red double lines.
    Letter,
    /// 命令格式 (§10.2): mark 20 mm down, 令号 centred, no red line.
    Order,
}

/// One 文种 and everything that is particular to it.
#[derive(Debug, Clone, Copy)]
pub struct Kind {
    /// The kind itself.
    pub kind: DocKind,
    /// The id a spec writes (`kind = "letter"`), `gongwen new ID` takes and the web app shows.
    pub id: &'static str,
    /// The Chinese name office staff know it by (for menus and messages).
    pub name: &'static str,
    /// The 文种 words its title ends with (关于……的请示), longest match wins on import;
    /// empty when the title is free or has its own rule (通知).
    pub title_endings: &'static [&'static str],
    /// The 版头's format.
    pub format: HeaderFormat,
    /// The mark's suffix when the spec gives none (发文机关标志 + 文件/纪要/令).
    pub mark_suffix: &'static str,
    /// Whether a document of this kind may go without a title (its mark names it).
    pub untitled: bool,
    /// Whether it must carry `[signature]` (署名和成文日期).
    pub signed: bool,
    /// Whether it must carry `[header]`: its mark is part of its format (函, 纪要, 命令).
    pub needs_header: bool,
    /// The commented starting spec of `gongwen new ID`.
    pub template: &'static str,
    /// The sample (under `samples/`) that shows the kind; the tests render every one.
    pub sample: &'static str,
}

macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $variant:ident {
        id: $id:literal, name: $name:literal, endings: $endings:expr, format: $format:ident,
        suffix: $suffix:literal, untitled: $untitled:literal, signed: $signed:literal,
        header: $header:literal, sample: $sample:literal $(,)?
    }),* $(,)?) => {
        /// 文种: the kinds of document `gongwen` lays out (one per row of [`KINDS`]).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
        pub enum DocKind {
            $($(#[doc = $doc])* #[serde(rename = $id)] $variant,)*
        }

        /// Every 文种, in the README's order.
        pub static KINDS: &[Kind] = &[$(Kind {
            kind: DocKind::$variant,
            id: $id,
            name: $name,
            title_endings: $endings,
            format: HeaderFormat::$format,
            mark_suffix: $suffix,
            untitled: $untitled,
            signed: $signed,
            needs_header: $header,
            template: include_str!(concat!("../../templates/new/", $id, ".toml")),
            sample: $sample,
        }),*];
    };
}

kinds! {
    /// 通知 with a red header (红头文件). (The title has its own rule, title-guanyu.)
    Notice { id: "notice", name: "通知", endings: &[], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "national-2025-notice.toml" },
    /// 印发通知: a notice transmitting a plan or a text (关于印发《…》的通知).
    Cover { id: "cover", name: "印发通知", endings: &[], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "shanghai-2024-workpoints.toml" },
    /// 方案 standing on its own (often as 附件1 of a cover notice); its title is free.
    Plan { id: "plan", name: "方案", endings: &[], format: File, suffix: "文件",
        untitled: false, signed: false, header: false, sample: "yingkou-2025-plan.toml" },
    /// 请示: asks a superior for instructions or approval (上行文, 签发人).
    Request { id: "request", name: "请示", endings: &["请示"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/request-2025.toml" },
    /// 报告: reports work or a situation to a superior (上行文), asking nothing.
    Report { id: "report", name: "报告", endings: &["报告"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/report-2025.toml" },
    /// 函 in the 信函格式 (GB/T 9704 §10.1), between offices.
    Letter { id: "letter", name: "函", endings: &["函", "复函"], format: Letter, suffix: "",
        untitled: false, signed: true, header: true, sample: "kinds/letter-2025.toml" },
    /// 纪要 in the 纪要格式 (§10.3): a meeting's decisions and attendance.
    Minutes { id: "minutes", name: "纪要", endings: &["纪要"], format: File, suffix: "纪要",
        untitled: true, signed: false, header: true, sample: "kinds/minutes-2025.toml" },
    /// 命令(令) in the 命令格式 (§10.2); its title is free.
    Order { id: "order", name: "命令（令）", endings: &[], format: Order, suffix: "令",
        untitled: true, signed: true, header: true, sample: "kinds/order-2025.toml" },
    /// 批复: answers a 请示, citing it.
    Reply { id: "reply", name: "批复", endings: &["批复"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/reply-2025.toml" },
    /// 意见.
    Opinion { id: "opinion", name: "意见", endings: &["意见", "实施意见", "指导意见"],
        format: File, suffix: "文件", untitled: false, signed: true, header: false,
        sample: "kinds/opinion-2025.toml" },
    /// 决定.
    Decision { id: "decision", name: "决定", endings: &["决定"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/decision-2025.toml" },
    /// 通报.
    Bulletin { id: "bulletin", name: "通报", endings: &["通报"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/bulletin-2025.toml" },
    /// 议案: a government asks the people's congress at its level to deliberate a matter,
    /// signed by the head of government (职务 and 签名章).
    Motion { id: "motion", name: "议案", endings: &["议案"], format: File, suffix: "文件",
        untitled: false, signed: true, header: false, sample: "kinds/motion-2025.toml" },
    /// 公告 / 通告: published to all, without 主送.
    Announcement { id: "announcement", name: "公告、通告", endings: &["公告", "通告"],
        format: File, suffix: "文件", untitled: false, signed: true, header: false,
        sample: "kinds/announcement-2025.toml" },
}

impl Default for DocKind {
    /// 通知, the first row.
    fn default() -> Self {
        KINDS[0].kind
    }
}

impl DocKind {
    /// The kind's row of [`KINDS`].
    pub fn row(self) -> &'static Kind {
        KINDS
            .iter()
            .find(|k| k.kind == self)
            .expect("every DocKind has its row: both come from one macro")
    }

    /// Every kind, in the README's order.
    pub fn all() -> impl Iterator<Item = DocKind> {
        KINDS.iter().map(|k| k.kind)
    }

    /// The kind as a spec writes it (`kind = "letter"`).
    pub fn id(self) -> &'static str {
        self.row().id
    }

    /// The 文种's Chinese name, for menus and messages.
    pub fn chinese(self) -> &'static str {
        self.row().name
    }

    /// The kind a spec writes as `id`.
    pub fn from_id(id: &str) -> Option<DocKind> {
        KINDS.iter().find(|k| k.id == id).map(|k| k.kind)
    }
}

/// Whether a title ends in a 文种 (…的通知, …方案, …的请示, …的函 …): the words of every
/// kind's title endings and of its name (命令（令） and 公告、通告 read as each of their words).
pub fn ends_in_a_kind(title: &str) -> bool {
    let title = title.trim();
    KINDS.iter().any(|k| {
        k.title_endings.iter().any(|e| title.ends_with(e))
            || k.name
                .split(['（', '）', '、'])
                .filter(|w| !w.is_empty())
                .any(|w| title.ends_with(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_has_a_distinct_id_and_round_trips_through_serde() {
        let mut ids: Vec<_> = KINDS.iter().map(|k| k.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), KINDS.len());
        for k in KINDS {
            let text =
                toml::to_string(&std::collections::BTreeMap::from([("kind", k.kind)])).unwrap();
            assert_eq!(text.trim(), format!("kind = \"{}\"", k.id));
            assert_eq!(DocKind::from_id(k.id), Some(k.kind));
            assert!(
                k.template.contains(&format!("kind = \"{}\"", k.id)),
                "{}",
                k.id
            );
        }
        assert_eq!(DocKind::default(), KINDS[0].kind);
    }
}
