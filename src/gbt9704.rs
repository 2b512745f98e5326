//! The numbers of GB/T 9704-2012 《党政机关公文格式》, in one place.
//!
//! Lengths are millimetres (`_MM`) or points (`_PT`). The PDF template receives them as
//! [`Layout`]; the DOCX writer converts them to twips. Nothing else hard-codes a size.

use serde::Serialize;

/// Points per millimetre.
pub const PT_PER_MM: f64 = 72.0 / 25.4;

/// A4 paper width (mm).
pub const PAGE_WIDTH_MM: f64 = 210.0;
/// A4 paper height (mm).
pub const PAGE_HEIGHT_MM: f64 = 297.0;
/// 天头: top margin (mm).
pub const MARGIN_TOP_MM: f64 = 37.0;
/// 订口: left (binding) margin (mm).
pub const MARGIN_LEFT_MM: f64 = 28.0;
/// 版心 width (mm).
pub const TEXT_WIDTH_MM: f64 = 156.0;
/// 版心 height (mm).
pub const TEXT_HEIGHT_MM: f64 = 225.0;
/// Right margin (mm): what is left of the paper width.
pub const MARGIN_RIGHT_MM: f64 = PAGE_WIDTH_MM - MARGIN_LEFT_MM - TEXT_WIDTH_MM;
/// Bottom margin (mm): what is left of the paper height.
pub const MARGIN_BOTTOM_MM: f64 = PAGE_HEIGHT_MM - MARGIN_TOP_MM - TEXT_HEIGHT_MM;

/// 3号: the default size of every element (pt).
pub const BODY_SIZE_PT: f64 = 16.0;
/// 2号: the title size (pt).
pub const TITLE_SIZE_PT: f64 = 22.0;
/// 4号: 版记 and page numbers (pt).
pub const SMALL_SIZE_PT: f64 = 14.0;
/// 小四: text inside annex tables (house convention; the standard leaves it open).
pub const TABLE_SIZE_PT: f64 = 12.0;
/// Lines of 3号 text per page.
pub const LINES_PER_PAGE: u32 = 22;
/// Characters of 3号 text per line.
pub const CHARS_PER_LINE: u32 = 28;

/// 发文机关标志: top edge below the top of the text block (mm).
pub const MARK_TOP_MM: f64 = 35.0;
/// Largest issuer mark for a single issuer (pt); fitted down to the text width.
pub const MARK_MAX_SINGLE_PT: f64 = 48.0;
/// Largest issuer mark for a joint issue (pt); names are stacked, so smaller.
pub const MARK_MAX_JOINT_PT: f64 = 36.0;
/// Smallest one-line mark (pt): a single issuer's name that would need a smaller size is
/// broken over lines and stacked, as offices do with long names (house rule; the standard
/// only says the mark is never wider than the text block).
pub const MARK_MIN_ONE_LINE_PT: f64 = 26.0;
/// Gap between the stacked issuer names and 文件 in a joint mark (em of the mark).
pub const MARK_SUFFIX_GAP_EM: f64 = 0.5;
/// Gap between stacked issuer names of a joint mark (em of the mark).
pub const MARK_LINE_GAP_EM: f64 = 0.15;
/// Blank lines between the issuer mark and the 发文字号.
pub const DOC_NUMBER_BLANK_LINES: u32 = 2;
/// Red separator line: below the 发文字号 (mm).
pub const SEPARATOR_BELOW_NUMBER_MM: f64 = 4.0;
/// Red separator line thickness (mm); the standard only says "红色分隔线".
pub const SEPARATOR_THICKNESS_MM: f64 = 0.5;
/// Blank lines between the separator line and the title.
pub const TITLE_BLANK_LINES: u32 = 2;
/// Blank lines between the title and what follows it: the 主送机关 (§7.3.3 「标题下空一行」),
/// or the 正文 itself when there is no 主送 (a 公告, a 方案).
pub const BELOW_TITLE_BLANK_LINES: u32 = 1;
/// The red of the issuer mark and separator line.
pub const RED: &str = "#E60000";

/// 信函格式 (§10.1): the mark's top edge below the paper's top edge (mm).
pub const LETTER_MARK_TOP_MM: f64 = 30.0;
/// 信函格式: largest mark (pt), fitted down to the text width (house rule: the standard
/// recommends 小标宋 in red and leaves the size to the office).
pub const LETTER_MARK_MAX_PT: f64 = 36.0;
/// 信函格式: the first red double line below the mark (mm).
pub const LETTER_RULE_BELOW_MARK_MM: f64 = 4.0;
/// 信函格式: the second red double line's lower edge above the paper's bottom edge (mm).
pub const LETTER_BOTTOM_RULE_MM: f64 = 20.0;
/// 信函格式: length of both double lines, centred on the paper (mm).
pub const LETTER_RULE_LENGTH_MM: f64 = 170.0;
/// 信函格式: the thick stroke of a double line (mm; the standard draws 粗 and 细 without sizes).
pub const LETTER_RULE_THICK_MM: f64 = 0.8;
/// 信函格式: the thin stroke of a double line (mm).
pub const LETTER_RULE_THIN_MM: f64 = 0.3;
/// 信函格式: the gap between a double line's strokes (mm).
pub const LETTER_RULE_GAP_MM: f64 = 0.5;
/// 信函格式: 份号…/发文字号 sit 7/8 of a 3号 character's height below the first double line.
pub const LETTER_ELEMENT_GAP_EM: f64 = 7.0 / 8.0;
/// 命令格式 (§10.2): the mark's top edge below the text block's top (mm).
pub const ORDER_MARK_TOP_MM: f64 = 20.0;
/// 命令格式 (§7.3.5.3): blank lines between the 签名章 and the 成文日期.
pub const SIGNER_DATE_BLANK_LINES: u32 = 1;
/// 纪要格式 (§10.3): blank lines between the body (or 附件说明) and the attendance lists.
pub const ATTENDANCE_BLANK_LINES: u32 = 1;

/// 附件说明, 附注 and the first line of paragraphs: indent (characters).
pub const INDENT_CHARS: f64 = 2.0;
/// 成文日期 with a seal: right indent (characters).
pub const SEALED_DATE_RIGHT_CHARS: f64 = 4.0;
/// Issuer name without a seal: right indent (characters).
pub const UNSEALED_NAME_RIGHT_CHARS: f64 = 2.0;
/// Without a seal, the date starts this many characters right of the issuer name.
pub const UNSEALED_DATE_SHIFT_CHARS: f64 = 2.0;
/// Blank lines between the body and the issuer name when a seal is applied.
pub const SEALED_BLANK_LINES: u32 = 2;
/// 印章直径 (mm) when the spec gives none: not a number of GB/T 9704 but the common size of a
/// local office's seal (国务院's is 60 mm, most offices' 40–45 mm); `seal_size_mm` sets it.
pub const SEAL_DIAMETER_MM: f64 = 42.0;
/// §7.3.5.1 联合行文: the least room between two seals (mm); they must neither cross nor touch.
pub const SEAL_GAP_MM: f64 = 2.0;
/// §7.3.5.1 联合行文: the least room between two names in a row (characters): two, so that
/// two long names read as two offices, not one line.
pub const SEAL_NAME_GAP_CHARS: f64 = 2.0;
/// §7.3.5.1: the seal's centre below the top of its name's line, as a share of the body's
/// type size: the centre at the name's middle, so that the name (and under the last seal, the
/// date) sit at and below the centre, 「居印章中心偏下位置」.
pub const SEAL_CENTRE_BELOW_NAME_TOP_SHARE: f64 = 0.5;
/// Blank lines between the body and the issuer name without a seal.
pub const UNSEALED_BLANK_LINES: u32 = 1;
/// §7.3.5.5: when the space left cannot hold the signature and date with the body's last
/// paragraph, line spacing is adjusted: the closing's leading shrinks to the first of these
/// shares of the standard's that keeps it on the page, and the blank lines before the
/// signature to [`TIGHT_BLANK_LINES`] (the seal still within a line of the body).
pub const TIGHT_LEADING_SHARES: [f64; 2] = [0.5, 0.25];
/// Blank lines before the signature in a closing set tight (§7.3.5.5).
pub const TIGHT_BLANK_LINES: u32 = 1;

/// 版记 rules: first and last line thickness (mm).
pub const COLOPHON_OUTER_RULE_MM: f64 = 0.35;
/// 版记 rules between items (mm).
pub const COLOPHON_INNER_RULE_MM: f64 = 0.25;
/// 版记: left/right indent of its items (characters of 4号).
pub const COLOPHON_INDENT_CHARS: f64 = 1.0;

/// 页码: distance of the 一字线's ink below the text block (mm): §7.5 「一字线上距版心下边缘
/// 7 mm」. The dash, not the number's em box: the box's top stands higher by what the em box
/// reaches above the dash.
pub const PAGE_NUMBER_BELOW_MM: f64 = 7.0;
/// Top of a line's em box above its baseline (em): the `top-edge` the template sets and the
/// DOCX's exact-height lines follow.
pub const EM_TOP: f64 = 0.88;

/// 页码: distance of the number line's em-box top below the text block (mm), for a 宋体 whose
/// 一字线 reaches `dash_top_em` above the baseline.
pub fn page_number_box_below_mm(dash_top_em: f64) -> f64 {
    PAGE_NUMBER_BELOW_MM - (EM_TOP - dash_top_em) * SMALL_SIZE_PT / PT_PER_MM
}
/// 页码: indent from the outer edge (characters of 4号).
pub const PAGE_NUMBER_INDENT_CHARS: f64 = 1.0;

/// Annex tables: height of a blank row, room to write by hand (mm).
pub const TABLE_BLANK_ROW_MM: f64 = 12.0;
/// Annex tables: the shortest a blank row is made to keep a form on one page (mm): still room
/// to write a line by hand.
pub const TABLE_MIN_BLANK_ROW_MM: f64 = 8.0;
/// Annex tables: cell padding (mm).
pub const TABLE_CELL_PAD_MM: f64 = 1.5;
/// Annex tables: a table with more columns goes on a landscape page unless the spec says
/// otherwise (house rule).
pub const PORTRAIT_MAX_COLUMNS: usize = 6;

/// A form's fields side by side (house rule): room to write after a blank one, in characters.
pub const FIELD_BLANK_CHARS: usize = 6;
/// A form's fields side by side: the space between two, in characters.
pub const FIELD_GAP_CHARS: usize = 2;

/// Annex tables: the most columns a table can have — on a landscape page, each column one
/// character of [`TABLE_SIZE_PT`] wide with its padding (more would print as a black block).
pub fn max_table_columns() -> usize {
    (TEXT_HEIGHT_MM / (TABLE_SIZE_PT / PT_PER_MM + 2.0 * TABLE_CELL_PAD_MM)).floor() as usize
}

/// Width of one grid character at 3号 (pt): the text width over 28.
pub fn cell_pt() -> f64 {
    TEXT_WIDTH_MM * PT_PER_MM / f64::from(CHARS_PER_LINE)
}

/// Per-character slack so that 28 characters never exceed the line by a rounding error (pt).
const GRID_SLACK_PT: f64 = 0.001;

/// A run of Latin letters, digits and signs without a space (a URL, an e-mail address) this
/// long may break after any of its characters: 16 half-width characters are 8 grid cells,
/// more than a line's end often has room for, and no word of ordinary text is that long.
pub const LATIN_RUN_BREAK_CHARS: u32 = 16;

/// Such a run breaks after its signs (@ . / _ - ? & = # :); a piece between them longer than this
/// may break after any character (5 grid cells: the most a line before it is spread by).
pub const LATIN_PIECE_CHARS: u32 = 10;

/// An e-mail address this short (characters) is kept whole on its line, as Word keeps a word:
/// the line before it is spread instead (a clerk reads 「xzzrzyj_ / gbg@163.com」 as an error).
pub const MAIL_WHOLE_CHARS: u32 = 26;

/// Full-width closing marks (后置标点): each keeps a cell of its own, and no line starts with one.
pub const CLOSING_MARKS: &str = "，。、；：？！）》」』】〕〉”’";

/// Full-width opening marks (前置标点): each keeps a cell of its own, and no line ends with one.
pub const OPENING_MARKS: &str = "（《「『【〔〈“‘";

/// Letter spacing that puts exactly 28 characters of 3号 on a line (pt, negative).
pub fn tracking_pt() -> f64 {
    cell_pt() - BODY_SIZE_PT - GRID_SLACK_PT
}

/// Gap between two lines of 3号 so that 22 lines fill the text block (pt).
pub fn leading_pt() -> f64 {
    (TEXT_HEIGHT_MM * PT_PER_MM - f64::from(LINES_PER_PAGE) * BODY_SIZE_PT)
        / f64::from(LINES_PER_PAGE - 1)
}

/// Distance from one line's top to the next's (pt).
pub fn line_pitch_pt() -> f64 {
    BODY_SIZE_PT + leading_pt()
}

/// The numbers the PDF template reads, computed here so that it has none of its own.
#[derive(Debug, Clone, Serialize)]
pub struct Layout {
    /// Paper width (mm).
    pub page_width_mm: f64,
    /// Paper height (mm).
    pub page_height_mm: f64,
    /// Top margin (mm).
    pub margin_top_mm: f64,
    /// Left margin (mm).
    pub margin_left_mm: f64,
    /// Right margin (mm).
    pub margin_right_mm: f64,
    /// Bottom margin (mm).
    pub margin_bottom_mm: f64,
    /// Body size (pt).
    pub body_pt: f64,
    /// Title size (pt).
    pub title_pt: f64,
    /// 版记 and page number size (pt).
    pub small_pt: f64,
    /// Table text size (pt).
    pub table_pt: f64,
    /// Letter spacing for the 28-character grid (pt).
    pub tracking_pt: f64,
    /// Gap between lines for the 22-line grid (pt).
    pub leading_pt: f64,
    /// One grid character (pt).
    pub cell_pt: f64,
    /// Mark top below the text block top (mm).
    pub mark_top_mm: f64,
    /// Gap between stacked issuer names and 文件 (em).
    pub mark_suffix_gap_em: f64,
    /// Gap between stacked issuer names (em).
    pub mark_line_gap_em: f64,
    /// Blank lines above the 发文字号.
    pub doc_number_blank_lines: u32,
    /// Separator below the 发文字号 (mm).
    pub separator_below_mm: f64,
    /// Separator thickness (mm).
    pub separator_thickness_mm: f64,
    /// Blank lines above the title.
    pub title_blank_lines: u32,
    /// Blank lines below the title.
    pub below_title_blank_lines: u32,
    /// Red colour.
    pub red: &'static str,
    /// First-line indent (characters).
    pub indent_chars: f64,
    /// 版记 outer rules (mm).
    pub colophon_outer_rule_mm: f64,
    /// 版记 inner rules (mm).
    pub colophon_inner_rule_mm: f64,
    /// 版记 item indent (characters of 4号).
    pub colophon_indent_chars: f64,
    /// Page number below the text block (mm).
    pub page_number_below_mm: f64,
    /// Page number indent (characters of 4号).
    pub page_number_indent_chars: f64,
    /// Blank table row height (mm).
    pub table_blank_row_mm: f64,
    /// Table cell padding (mm).
    pub table_cell_pad_mm: f64,
    /// 信函格式: 份号…/发文字号 below the first double line (pt).
    pub letter_element_gap_pt: f64,
    /// 纪要: blank lines above the attendance lists.
    pub attendance_blank_lines: u32,
    /// [`TABLE_MIN_BLANK_ROW_MM`].
    pub table_min_blank_row_mm: f64,
    /// Latin runs without a space this long break after their signs ([`LATIN_PIECE_CHARS`]).
    pub latin_run_break_chars: u32,
    /// [`LATIN_PIECE_CHARS`].
    pub latin_piece_chars: u32,
    /// E-mail addresses up to this many characters are never broken ([`MAIL_WHOLE_CHARS`]).
    pub mail_whole_chars: u32,
    /// Full-width closing marks ([`CLOSING_MARKS`]).
    pub closing_marks: &'static str,
    /// Full-width opening marks ([`OPENING_MARKS`]).
    pub opening_marks: &'static str,
    /// A tight closing's blank lines before the signature.
    pub tight_blank_lines: u32,
}

impl Layout {
    /// The standard's layout.
    pub fn standard() -> Self {
        Self {
            page_width_mm: PAGE_WIDTH_MM,
            page_height_mm: PAGE_HEIGHT_MM,
            margin_top_mm: MARGIN_TOP_MM,
            margin_left_mm: MARGIN_LEFT_MM,
            margin_right_mm: MARGIN_RIGHT_MM,
            margin_bottom_mm: MARGIN_BOTTOM_MM,
            body_pt: BODY_SIZE_PT,
            title_pt: TITLE_SIZE_PT,
            small_pt: SMALL_SIZE_PT,
            table_pt: TABLE_SIZE_PT,
            tracking_pt: tracking_pt(),
            leading_pt: leading_pt(),
            cell_pt: cell_pt(),
            mark_top_mm: MARK_TOP_MM,
            mark_suffix_gap_em: MARK_SUFFIX_GAP_EM,
            mark_line_gap_em: MARK_LINE_GAP_EM,
            doc_number_blank_lines: DOC_NUMBER_BLANK_LINES,
            separator_below_mm: SEPARATOR_BELOW_NUMBER_MM,
            separator_thickness_mm: SEPARATOR_THICKNESS_MM,
            title_blank_lines: TITLE_BLANK_LINES,
            below_title_blank_lines: BELOW_TITLE_BLANK_LINES,
            red: RED,
            indent_chars: INDENT_CHARS,
            colophon_outer_rule_mm: COLOPHON_OUTER_RULE_MM,
            colophon_inner_rule_mm: COLOPHON_INNER_RULE_MM,
            colophon_indent_chars: COLOPHON_INDENT_CHARS,
            page_number_below_mm: PAGE_NUMBER_BELOW_MM,
            page_number_indent_chars: PAGE_NUMBER_INDENT_CHARS,
            table_min_blank_row_mm: TABLE_MIN_BLANK_ROW_MM,
            latin_run_break_chars: LATIN_RUN_BREAK_CHARS,
            latin_piece_chars: LATIN_PIECE_CHARS,
            mail_whole_chars: MAIL_WHOLE_CHARS,
            closing_marks: CLOSING_MARKS,
            opening_marks: OPENING_MARKS,
            table_blank_row_mm: TABLE_BLANK_ROW_MM,
            table_cell_pad_mm: TABLE_CELL_PAD_MM,
            letter_element_gap_pt: LETTER_ELEMENT_GAP_EM * BODY_SIZE_PT,
            attendance_blank_lines: ATTENDANCE_BLANK_LINES,
            tight_blank_lines: TIGHT_BLANK_LINES,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_fills_the_text_block_exactly() {
        let width = f64::from(CHARS_PER_LINE) * cell_pt();
        assert!((width - TEXT_WIDTH_MM * PT_PER_MM).abs() < 1e-9);
        let height =
            f64::from(LINES_PER_PAGE) * BODY_SIZE_PT + f64::from(LINES_PER_PAGE - 1) * leading_pt();
        assert!((height - TEXT_HEIGHT_MM * PT_PER_MM).abs() < 1e-9);
        assert!((tracking_pt() + 0.207).abs() < 0.001);
        assert!((leading_pt() - 13.609).abs() < 0.001);
    }

    #[test]
    fn margins_follow_from_paper_and_text_block() {
        assert_eq!(MARGIN_RIGHT_MM, 26.0);
        assert_eq!(MARGIN_BOTTOM_MM, 35.0);
    }
}
