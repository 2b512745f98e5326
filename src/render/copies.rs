//! 份号: numbered copies of a confidential document, printed from one PDF.
//!
//! Each copy is the same document with its own 份号 (000001 …) on the first page; the copies
//! are laid out one after the other, each starting on an odd page (a blank page is added after
//! a copy of odd length), so that a double-sided print separates into whole copies.

use crate::error::{Error, Result};
use crate::model::Document;
use typst::layout::Frame;
use typst::model::Document as _;
use typst_layout::{Page, PagedDocument};

/// Most copies one run numbers (a typo such as 1-300000 stops here, not on the disk).
pub const MAX_COPIES: u32 = 1_000;

/// The largest 份号 (six digits).
const MAX_COPY_NUMBER: u32 = 999_999;

/// A range of copy numbers, e.g. `1-30` or `7`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Copies {
    /// The first 份号.
    pub first: u32,
    /// The last 份号.
    pub last: u32,
}

impl Copies {
    /// Reads `1-30`, `7` or `000001-000030`; a Chinese message when it is no range of 份号.
    pub fn parse(s: &str) -> std::result::Result<Copies, String> {
        let s = s.trim();
        let (a, b) = s
            .split_once(['-', '－', '—', '~'])
            .map_or((s, s), |(a, b)| (a.trim(), b.trim()));
        let number = |t: &str| -> std::result::Result<u32, String> {
            t.parse::<u32>()
                .ok()
                .filter(|n| (1..=MAX_COPY_NUMBER).contains(n))
                .ok_or_else(|| format!("份号“{t}”应为 1–{MAX_COPY_NUMBER} 的整数"))
        };
        let (first, last) = (number(a)?, number(b)?);
        if last < first {
            return Err(format!("份号范围“{s}”的末号小于首号"));
        }
        if last - first + 1 > MAX_COPIES {
            return Err(format!(
                "份号范围“{s}”有 {} 份，超过一次上限 {MAX_COPIES} 份；请分批印制",
                last - first + 1
            ));
        }
        Ok(Copies { first, last })
    }

    /// The copy numbers.
    pub fn numbers(&self) -> impl Iterator<Item = u32> {
        self.first..=self.last
    }
}

/// The 份号 as printed: six digits.
pub fn copy_number(n: u32) -> String {
    format!("{n:06}")
}

/// The document of copy `n`: its 份号 in the first part's 版头.
pub fn numbered(doc: &Document, n: u32) -> Result<Document> {
    let mut copy = doc.clone();
    let header = copy
        .parts
        .first_mut()
        .and_then(|p| p.header.as_mut())
        .ok_or_else(|| {
            Error::Typeset("份号印在版头：该规格没有 [header]，无法编排份号".to_owned())
        })?;
    header.copy_number = Some(copy_number(n));
    Ok(copy)
}

/// The copies' laid-out pages in one document, each copy from an odd page: a blank page of
/// the last page's size follows a copy of odd length (except the last).
pub fn concatenate(copies: Vec<PagedDocument>) -> Option<PagedDocument> {
    let count = copies.len();
    let info = copies.first()?.info().clone();
    let mut pages: Vec<Page> = Vec::new();
    for (i, copy) in copies.into_iter().enumerate() {
        let own = copy.pages();
        pages.extend(own.iter().cloned());
        if own.len() % 2 == 1 && i + 1 < count {
            let last = own.last()?;
            pages.push(Page {
                frame: Frame::hard(last.frame.size()),
                bleed: last.bleed,
                fill: last.fill.clone(),
                numbering: None,
                supplement: last.supplement.clone(),
                number: last.number + 1,
            });
        }
    }
    Some(PagedDocument::new(pages.into_iter().collect(), info))
}

/// Lays out copies `copies` of `doc`, each with its 份号, and writes them as one print-ready
/// PDF (each copy from an odd page).
pub fn render(
    engine: &crate::Engine,
    doc: &Document,
    copies: Copies,
    settings: super::pdf::PdfSettings,
) -> Result<crate::Rendered> {
    let mut laid = Vec::new();
    for n in copies.numbers() {
        laid.push(engine.typeset(&numbered(doc, n)?)?);
        // typst's memo cache would otherwise keep every copy's layout.
        typst::comemo::evict(4);
    }
    let merged = concatenate(laid)
        .ok_or_else(|| Error::Typeset("份号范围为空，没有可印制的文件".to_owned()))?;
    Ok(crate::Rendered {
        pages: merged.pages().len(),
        files: vec![(
            crate::Format::Pdf,
            super::pdf::write(&merged, doc, settings)?,
        )],
    })
}
