//! The layout of each 文种 as data: which of GB/T 9704's formats its 版头 takes (文件格式,
//! 信函格式 §10.1, 命令格式 §10.2, 纪要 §10.3), the mark's suffix, where the mark sits, whether
//! the first page is numbered and the 版记 ruled. The writers only read the model.

use crate::gbt9704 as std_;
use crate::model::{DoubleRule, HeaderStyle};
use crate::spec::{DocKind, HeaderFormat};

/// How a kind is laid out.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindLayout {
    /// The 版头's format.
    pub style: HeaderStyle,
    /// The mark's suffix when the spec gives none.
    pub mark_suffix: &'static str,
    /// Largest mark (pt) of a one-line mark; fitted down to the text width.
    pub mark_max_pt: f64,
    /// Top edge of the mark below the text block's top (mm; negative: above it).
    pub mark_top_mm: f64,
    /// A red line under the 发文字号 (文件格式).
    pub separator: bool,
    /// Page 1 carries its page number (not in the 信函格式).
    pub number_first_page: bool,
    /// The 版记 has its rules, 印发机关 and 印发日期 (not in the 信函格式).
    pub colophon_ruled: bool,
    /// Only the lead issuer's mark (信函格式), not a joint one.
    pub lead_issuer_only: bool,
}

/// The layout of `kind`, after its row's 版头 format and mark suffix.
pub fn layout(kind: DocKind) -> KindLayout {
    let row = kind.row();
    let file = KindLayout {
        style: HeaderStyle::File,
        mark_suffix: row.mark_suffix,
        mark_max_pt: std_::MARK_MAX_SINGLE_PT,
        mark_top_mm: std_::MARK_TOP_MM,
        separator: true,
        number_first_page: true,
        colophon_ruled: true,
        lead_issuer_only: false,
    };
    match row.format {
        HeaderFormat::Letter => KindLayout {
            style: HeaderStyle::Letter,
            mark_suffix: row.mark_suffix,
            mark_max_pt: std_::LETTER_MARK_MAX_PT,
            mark_top_mm: std_::LETTER_MARK_TOP_MM - std_::MARGIN_TOP_MM,
            separator: false,
            number_first_page: false,
            colophon_ruled: false,
            lead_issuer_only: true,
        },
        HeaderFormat::Order => KindLayout {
            style: HeaderStyle::Order,
            mark_top_mm: std_::ORDER_MARK_TOP_MM,
            separator: false,
            ..file
        },
        HeaderFormat::File => file,
    }
}

/// The 信函格式's two red double lines, positioned from the text block's top-left: the first
/// (thick over thin) 4 mm below a mark of `mark_height_mm`, the second (thin over thick) with
/// its lower edge 20 mm above the paper's bottom edge; both 170 mm long, centred on the paper.
pub fn letter_rules(mark_top_mm: f64, mark_height_mm: f64) -> Vec<DoubleRule> {
    let (thick, gap, thin) = (
        std_::LETTER_RULE_THICK_MM,
        std_::LETTER_RULE_GAP_MM,
        std_::LETTER_RULE_THIN_MM,
    );
    let total = thick + gap + thin;
    let left_mm = (std_::PAGE_WIDTH_MM - std_::LETTER_RULE_LENGTH_MM) / 2.0 - std_::MARGIN_LEFT_MM;
    let rule = |top_mm: f64, upper_mm: f64, lower_mm: f64| DoubleRule {
        top_mm,
        left_mm,
        length_mm: std_::LETTER_RULE_LENGTH_MM,
        upper_mm,
        gap_mm: gap,
        lower_mm,
    };
    vec![
        rule(
            mark_top_mm + mark_height_mm + std_::LETTER_RULE_BELOW_MARK_MM,
            thick,
            thin,
        ),
        rule(
            std_::PAGE_HEIGHT_MM - std_::LETTER_BOTTOM_RULE_MM - total - std_::MARGIN_TOP_MM,
            thin,
            thick,
        ),
    ]
}
