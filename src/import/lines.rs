//! The format-neutral line: what every reader produces and the recogniser reads.

/// How a line sits across the text block, when the format tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Align {
    /// Not known (plain text).
    #[default]
    Unknown,
    /// Flush left or justified.
    Left,
    /// Centred.
    Center,
    /// Flush right.
    Right,
}

/// One line (or one whole paragraph, when the format has paragraphs) of the received file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Line {
    /// The text (repaired once [`super::repair`] has run).
    pub text: String,
    /// The text as extracted, before repairs (spaces in a joint issuer mark matter).
    pub raw: String,
    /// 1-based page, or 1 when the format has no pages.
    pub page: usize,
    /// 1-based line on its page (or in the file).
    pub line: usize,
    /// Font size in pt, when known.
    pub size: Option<f64>,
    /// Whether the text is red (the issuer mark).
    pub red: bool,
    /// Bold (a heading in an office's own DOCX).
    pub bold: bool,
    /// Alignment, when known.
    pub align: Align,
    /// Left edge from the text block's left, in characters of the body size, when known.
    pub indent: Option<f64>,
    /// Right edge's distance from the text block's right, in characters, when known.
    pub right_gap: Option<f64>,
    /// The format says this line is a whole paragraph (DOCX): never join it to its neighbour.
    pub paragraph: bool,
    /// Characters of a leading run in another font (a run-in heading in a DOCX or PDF).
    pub lead_run: Option<usize>,
    /// Table cells, when the line is a table row.
    pub cells: Option<Vec<String>>,
    /// A table head of two rows read as one: each cell's title in the upper row (none where
    /// the cell spans both rows).
    pub head_groups: Option<Vec<Option<String>>>,
    /// Plain text: whether the line starts indented (a paragraph's first line, where the text
    /// indents its paragraphs); unknown for other formats.
    pub indented: Option<bool>,
    /// Plain text: a blank line stands before this one (a paragraph break in a paste).
    pub after_blank: bool,
    /// Plain text: a paragraph ends here although the copy ran the next onto the same line
    /// after a space (a chat's …垃圾入河。 （三）农村厕所管护).
    pub breaks_after: bool,
}

impl Line {
    /// A plain line of text at `page`/`line`.
    pub fn plain(text: impl Into<String>, page: usize, line: usize) -> Self {
        Line {
            text: text.into(),
            page,
            line,
            ..Line::default()
        }
    }
}
