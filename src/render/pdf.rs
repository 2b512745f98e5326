//! The PDF writer: a laid-out document out through typst-pdf, with fixed ids and timestamps.

use crate::error::{Error, Result};
use crate::model::Document;
use chrono::Datelike;
use typst::foundations::{Datetime, Smart};
use typst_layout::PagedDocument;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards, Timestamp};

/// How the PDF is written.
#[derive(Debug, Clone, Copy, Default)]
pub struct PdfSettings {
    /// Write PDF/A-2b (archival).
    pub pdf_a: bool,
}

/// Writes a laid-out document as PDF bytes, with fixed ids and timestamps from the document.
pub fn write(paged: &PagedDocument, doc: &Document, settings: PdfSettings) -> Result<Vec<u8>> {
    let date = chrono::NaiveDate::parse_from_str(&doc.meta.date, "%Y-%m-%d").unwrap_or_default();
    let timestamp =
        Datetime::from_ymd_hms(date.year(), date.month() as u8, date.day() as u8, 0, 0, 0)
            .map(Timestamp::new_utc);
    let standards = if settings.pdf_a {
        PdfStandards::new(&[PdfStandard::A_2b])
            .map_err(|e| Error::Typeset(e.message().to_string()))?
    } else {
        PdfStandards::default()
    };
    let options = PdfOptions {
        ident: Smart::Custom(format!("gongwen:{}:{}", doc.meta.date, doc.meta.title)),
        creator: Smart::Custom(Some("gongwen".to_owned())),
        timestamp,
        standards,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(paged, &options).map_err(|errors| {
        Error::Typeset(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })
}
