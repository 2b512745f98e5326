//! The document model: format-neutral, fully decided. Both writers read only this.
//!
//! Compose has already numbered the sections, formatted dates and numbers, chosen fonts by
//! role, broken titles into lines and computed indents; a writer only places what it finds.

use serde::Serialize;

/// Font roles of GB/T 9704; each writer maps a role to a face (PDF) or a font name (DOCX).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FontRole {
    /// 小标宋: issuer mark, titles.
    Xiaobiaosong,
    /// 仿宋: body text.
    Fangsong,
    /// 黑体: level-1 headings, annex labels, secrecy and urgency.
    Hei,
    /// 楷体: level-2 headings, signer names.
    Kai,
    /// 宋体: page numbers.
    Song,
}

impl FontRole {
    /// Every role, in the order `gongwen fonts` lists them.
    pub const ALL: [FontRole; 5] = [
        FontRole::Xiaobiaosong,
        FontRole::Fangsong,
        FontRole::Hei,
        FontRole::Kai,
        FontRole::Song,
    ];

    /// The Chinese name of the role.
    pub fn chinese(self) -> &'static str {
        match self {
            FontRole::Xiaobiaosong => "小标宋",
            FontRole::Fangsong => "仿宋",
            FontRole::Hei => "黑体",
            FontRole::Kai => "楷体",
            FontRole::Song => "宋体",
        }
    }
}

/// A run of text in one font role.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Span {
    /// The text, printed literally.
    pub text: String,
    /// Which face.
    pub font: FontRole,
    /// Bold (emulated by a stroke where the face has no bold).
    pub bold: bool,
}

/// A paragraph of 3号 text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    /// Its runs.
    pub spans: Vec<Span>,
    /// First-line indent in characters (2 for body text, 0 for flush-left lines).
    pub first_line_indent: f64,
    /// Left indent of every line in characters.
    pub left_indent: f64,
    /// Hanging indent: lines after the first start this many characters further right.
    pub hanging: f64,
    /// A heading on a line of its own: never the last line of a page (与下段同页).
    pub keep_with_next: bool,
}

impl Paragraph {
    /// The paragraph cut after its first `n` characters (grapheme clusters, as typst counts
    /// them): the head, and the rest going on without a first-line indent.
    pub fn cut_at(&self, n: usize) -> (Paragraph, Paragraph) {
        use unicode_segmentation::UnicodeSegmentation;
        let (mut head, mut tail) = (self.clone(), self.clone());
        head.spans.clear();
        tail.spans.clear();
        tail.first_line_indent = 0.0;
        let mut left = n;
        for s in &self.spans {
            let count = s.text.graphemes(true).count();
            if left >= count {
                head.spans.push(s.clone());
                left -= count;
            } else if left == 0 {
                tail.spans.push(s.clone());
            } else {
                let at = s
                    .text
                    .grapheme_indices(true)
                    .nth(left)
                    .map_or(s.text.len(), |(i, _)| i);
                let (a, b) = s.text.split_at(at);
                head.spans.push(Span {
                    text: a.to_owned(),
                    ..s.clone()
                });
                tail.spans.push(Span {
                    text: b.to_owned(),
                    ..s.clone()
                });
                left = 0;
            }
        }
        (head, tail)
    }
}

/// A line placed against the right edge, e.g. the issuer name or the date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RightLine {
    /// The text.
    pub text: String,
    /// Distance from the right edge of the text block (characters).
    pub right_indent: f64,
}

/// The whole document: its parts (a notice, the plan a cover notice transmits), then the
/// annexes and the 版记.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Document {
    /// Metadata for the files.
    pub meta: Meta,
    /// The parts, each starting on a new page; empty for an annex form printed alone.
    pub parts: Vec<Part>,
    /// 附件, each on new pages.
    pub annexes: Vec<Annex>,
    /// 版记, at the bottom of the last page.
    pub colophon: Option<Colophon>,
    /// Page 1 shows its page number (the 信函格式's first page shows none).
    pub number_first_page: bool,
    /// 印章图片 the spec names, in the issuers' order, as written (relative to the spec).
    #[serde(skip)]
    pub seal_sources: Vec<String>,
    /// The seal images loaded for this document, in the issuers' order.
    #[serde(skip)]
    pub seal_files: Vec<SealFile>,
}

/// A seal image loaded from the office's file.
#[derive(Debug, Clone, PartialEq)]
pub struct SealFile {
    /// Its name among the layout's files (e.g. `seal-1.svg`).
    pub name: String,
    /// The bytes as the office gave them (PNG or SVG), drawn in the PDF.
    pub bytes: Vec<u8>,
    /// A PNG of it (the file itself, or the SVG drawn at print resolution), for DOCX and OFD.
    pub png: Vec<u8>,
    /// Height over width.
    pub aspect: f64,
}

/// One titled document inside the file: a notice, or the plan or text it transmits.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Part {
    /// 版头, absent for documents without a red header.
    pub header: Option<Header>,
    /// 附件标识 above the title (a plan standing as 附件1).
    pub label: Option<String>,
    /// 标题, broken into lines.
    pub title: Vec<String>,
    /// 主送机关 with its colon.
    pub recipients: Option<String>,
    /// 正文: paragraphs, headings included.
    pub body: Vec<Paragraph>,
    /// 附件说明 lines (already numbered), empty when this part lists no annexes.
    pub annex_note: Vec<Paragraph>,
    /// 发文机关署名和成文日期.
    pub signature: Option<Signature>,
    /// 附注 lines, in full-width parentheses.
    pub notes: Vec<Paragraph>,
    /// 出席/请假/列席 lists of a 纪要: 黑体 label and colon, names in 仿宋, wrapped lines
    /// aligned after the colon; one blank line below the body or 附件说明.
    pub attendance: Vec<Paragraph>,
}

/// What the files record about themselves, fixed so output is reproducible.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Meta {
    /// Document title on one line.
    pub title: String,
    /// Author: the issuers.
    pub author: String,
    /// Date of the document (ISO), used as the file timestamp.
    pub date: String,
    /// 主题词, for the files' metadata.
    pub keywords: Vec<String>,
    /// 文种, e.g. 通知 (the OFD's tags name it).
    pub kind: String,
}

/// Which of GB/T 9704's header formats a part's 版头 takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum HeaderStyle {
    /// 文件格式 (and 纪要): mark, 发文字号, red line, in the text block.
    File,
    /// 信函格式 (§10.1): mark above the text block, red double lines, 发文字号 flush right.
    Letter,
    /// 命令格式 (§10.2): mark 20 mm down, 令号 centred, no red line.
    Order,
}

/// A red double line of the 信函格式, positioned from the text block's top-left corner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DoubleRule {
    /// Top edge of the upper stroke (mm below the text block's top).
    pub top_mm: f64,
    /// Left end (mm from the text block's left edge; negative: in the margin).
    pub left_mm: f64,
    /// Length (mm).
    pub length_mm: f64,
    /// The upper stroke's thickness (mm).
    pub upper_mm: f64,
    /// The gap between the strokes (mm).
    pub gap_mm: f64,
    /// The lower stroke's thickness (mm).
    pub lower_mm: f64,
}

/// 版头.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Header {
    /// The format: 文件, 信函 or 命令.
    pub style: HeaderStyle,
    /// Top edge of the mark below the text block's top (mm; negative above it).
    pub mark_top_mm: f64,
    /// A red separator line 4 mm below the 发文字号 (文件格式 only).
    pub separator: bool,
    /// The 信函格式's red double lines (first under the mark, second near the paper's foot).
    pub double_rules: Vec<DoubleRule>,
    /// 份号.
    pub copy_number: Option<String>,
    /// 密级和保密期限.
    pub secrecy: Option<String>,
    /// 紧急程度.
    pub urgency: Option<String>,
    /// 发文机关标志.
    pub mark: Mark,
    /// 发文字号, formatted as 代字〔2025〕9号; none when the document has none (its line stays
    /// blank, so the red line and title keep their places).
    pub doc_number: Option<String>,
    /// 签发人 line, e.g. 签发人：张三, when the document is upward.
    pub signers: Option<Signers>,
}

/// 发文机关标志: one or more issuer lines and the suffix (文件, 纪要, 令, or none).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mark {
    /// Issuer lines, lead issuer first; one line for a single issuer with a short name.
    pub lines: Vec<MarkLine>,
    /// The suffix, e.g. 文件, possibly empty; beside a stack it stands to its right.
    pub suffix: String,
    /// Font size (pt), fitted to the text width.
    pub size_pt: f64,
    /// Width of the issuer lines in em of the mark (the widest name).
    pub width_em: f64,
    /// Lines stacked (a joint issue, or one long name broken over lines), spread to one
    /// width, the suffix to their right.
    pub stacked: bool,
}

/// One line of the mark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MarkLine {
    /// The text.
    pub text: String,
    /// Extra letter spacing (em) so stacked names share one width.
    pub tracking_em: f64,
}

/// 签发人.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signers {
    /// The label 签发人： (仿宋).
    pub label: String,
    /// The names (楷体), separated by spaces.
    pub names: String,
}

/// 发文机关署名和成文日期.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Signature {
    /// Blank lines between the body and the first signature line.
    pub blank_lines_before: u32,
    /// The issuer name lines (one per office of a joint document; none when unsigned).
    pub issuers: Vec<RightLine>,
    /// Blank lines between the name line and the date (1 under a 命令's 签名章).
    pub date_blank_lines: u32,
    /// The date line, e.g. 2025年4月2日.
    pub date: RightLine,
    /// 加盖印章 (§7.3.5.1): the names in rows instead of `issuers`, each under its seal, the
    /// last over the date; empty without a seal.
    pub rows: Vec<Vec<RightLine>>,
    /// Distance from one row's top to the next's (mm): the seals neither cross nor touch.
    pub row_pitch_mm: f64,
    /// 印章: where each issuer's seal goes, in the issuers' order (with its image if the
    /// office gave one; otherwise room left for stamping by hand).
    pub seals: Vec<SealPlace>,
}

/// Where one seal goes in a sealed signature (§7.3.5.1).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SealPlace {
    /// The row of names (0 = first) whose name the seal covers.
    pub row: usize,
    /// Distance of the seal's centre from the right edge of the text block (characters).
    pub centre_right: f64,
    /// Distance of the seal's centre below the top of its row's line (mm).
    pub centre_below_mm: f64,
    /// Diameter (mm): the image's width.
    pub diameter_mm: f64,
    /// The seal image, when the office gave one.
    pub image: Option<SealImageRef>,
}

/// A seal image as the template and the writers find it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SealImageRef {
    /// Its name among the layout's files (e.g. `seal-1.svg`).
    pub file: String,
    /// Height over width.
    pub aspect: f64,
}

/// An annex: label, title, content.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Annex {
    /// 附件 or 附件N.
    pub label: String,
    /// Title lines (2号小标宋).
    pub title: Vec<String>,
    /// Landscape page.
    pub landscape: bool,
    /// Paragraphs before a table (fill-in lines) or the whole text.
    pub paragraphs: Vec<Paragraph>,
    /// The table, if this annex is one.
    pub table: Option<Table>,
    /// Paragraphs after the table or list.
    pub after: Vec<Paragraph>,
}

/// A table to read or fill in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Table {
    /// Header cells (repeated on every page).
    pub columns: Vec<String>,
    /// The head's upper row: each column's group title, none for a column whose title spans
    /// both rows (all none: a head of one row).
    pub groups: Vec<Option<String>>,
    /// Column widths as fractions of the table width (sum 1).
    pub widths: Vec<f64>,
    /// Body rows; blank rows are rows of empty strings.
    pub rows: Vec<Vec<String>>,
    /// Minimum row height (mm), room to write by hand.
    pub row_height_mm: f64,
}

/// 版记.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Colophon {
    /// Its rules, 印发机关 and 印发日期 (the 信函格式's 版记 has only 抄送, without rules).
    pub ruled: bool,
    /// 抄送 line, e.g. 抄送：…。
    pub cc: Option<String>,
    /// 印发机关 (left); empty when not printed.
    pub printer: String,
    /// 印发日期 + 印发 (right), e.g. 2025年4月2日印发; empty when not printed.
    pub printed: String,
}
