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
    let pdf = typst_pdf::pdf(paged, &options).map_err(|errors| {
        Error::Typeset(
            errors
                .iter()
                .map(|e| e.message.to_string())
                .collect::<Vec<_>>()
                .join("; "),
        )
    })?;
    Ok(print_at_actual_size(pdf))
}

/// Asks viewers to print at actual size (`/ViewerPreferences /PrintScaling /None`, PDF 1.6): a
/// 「fit to page」 default shrinks every millimetre of the layout. typst-pdf has no option for
/// it, so the catalog it wrote is edited in place and the cross-reference offsets after the
/// edit moved; a file not laid out as expected (no classic cross-reference table) is left as
/// it is.
pub fn print_at_actual_size(pdf: Vec<u8>) -> Vec<u8> {
    with_print_scaling_none(&pdf).unwrap_or(pdf)
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// The decimal number at the start of `bytes` (after spaces).
fn number(bytes: &[u8]) -> Option<(usize, usize)> {
    let skip = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let digits = bytes[skip..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let text = std::str::from_utf8(&bytes[skip..skip + digits]).ok()?;
    Some((text.parse().ok()?, skip + digits))
}

fn with_print_scaling_none(pdf: &[u8]) -> Option<Vec<u8>> {
    let trailer = rfind(pdf, b"\ntrailer")? + 1;
    let root_at = trailer + find(&pdf[trailer..], b"/Root")? + b"/Root".len();
    let (root, _) = number(&pdf[root_at..])?;
    let head = format!("\n{root} 0 obj\n");
    let start = rfind(&pdf[..trailer], head.as_bytes())? + head.len();
    let end = start + find(&pdf[start..], b"endobj")?;
    let catalog = &pdf[start..end];
    if find(catalog, b"/PrintScaling").is_some() {
        return None;
    }
    let (at, insert): (usize, &[u8]) = match find(catalog, b"/ViewerPreferences<<") {
        Some(i) => (
            start + i + b"/ViewerPreferences<<".len(),
            b"/PrintScaling/None",
        ),
        None => (
            start + rfind(catalog, b">>")?,
            b"/ViewerPreferences<</PrintScaling/None>>",
        ),
    };
    let xref = rfind(&pdf[..trailer], b"\nxref\n")? + 1;
    let startxref = rfind(pdf, b"startxref")?;
    let (old_xref, digits) = number(&pdf[startxref + b"startxref".len()..])?;
    if at > xref || old_xref != xref {
        return None;
    }
    let moved = |offset: usize| {
        if offset > at {
            offset + insert.len()
        } else {
            offset
        }
    };
    let mut out = Vec::with_capacity(pdf.len() + insert.len());
    out.extend_from_slice(&pdf[..at]);
    out.extend_from_slice(insert);
    out.extend_from_slice(&pdf[at..xref]);
    // Entries `nnnnnnnnnn ggggg n` keep their width; only in-use offsets past the edit move.
    for line in pdf[xref..trailer].split_inclusive(|&b| b == b'\n') {
        match line {
            [offset @ .., b' ', _, _, _, _, _, b' ', b'n', b'\r', b'\n'] if offset.len() == 10 => {
                let (old, _) = number(offset)?;
                out.extend_from_slice(format!("{:010}", moved(old)).as_bytes());
                out.extend_from_slice(&line[10..]);
            }
            _ => out.extend_from_slice(line),
        }
    }
    let number_at = startxref + b"startxref".len();
    out.extend_from_slice(&pdf[trailer..number_at]);
    out.extend_from_slice(format!("\n{}", moved(old_xref)).as_bytes());
    out.extend_from_slice(&pdf[number_at + digits..]);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small PDF with a classic cross-reference table, its catalog before another object.
    fn pdf(catalog: &str) -> Vec<u8> {
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (n, body) in [
            (1, catalog),
            (2, "<</Type/Pages/Kids[]/Count 0>>"),
            (3, "<</Producer(x)>>"),
        ] {
            offsets.push(out.len());
            out.extend(format!("{n} 0 obj\n{body}\nendobj\n").as_bytes());
        }
        let xref = out.len();
        out.extend(b"xref\n0 4\n0000000000 65535 f\r\n");
        for o in offsets {
            out.extend(format!("{o:010} 00000 n\r\n").as_bytes());
        }
        out.extend(format!("trailer\n<</Size 4/Root 1 0 R>>\nstartxref\n{xref}\n%%EOF").as_bytes());
        out
    }

    /// Every in-use entry of the table points at its object, and startxref at the table.
    fn offsets_hold(pdf: &[u8]) {
        let text = String::from_utf8_lossy(pdf);
        let xref: usize = text
            .rsplit("startxref\n")
            .next()
            .unwrap()
            .trim_end_matches("%%EOF")
            .trim()
            .parse()
            .unwrap();
        assert!(text[xref..].starts_with("xref\n"));
        for (n, line) in text[xref..].lines().skip(3).take(3).enumerate() {
            let offset: usize = line[..10].parse().unwrap();
            assert!(
                text[offset..].starts_with(&format!("{} 0 obj", n + 1)),
                "{line}"
            );
        }
    }

    #[test]
    fn the_catalog_asks_for_printing_at_actual_size_and_the_offsets_follow() {
        for catalog in [
            "<</Type/Catalog/Pages 2 0 R/ViewerPreferences<</Direction/L2R>>>>",
            "<</Type/Catalog/Pages 2 0 R>>",
        ] {
            let before = pdf(catalog);
            offsets_hold(&before);
            let after = print_at_actual_size(before.clone());
            let text = String::from_utf8_lossy(&after);
            assert!(text.contains("/PrintScaling/None"), "{text}");
            assert_eq!(text.matches("/ViewerPreferences").count(), 1);
            offsets_hold(&after);
            assert_eq!(print_at_actual_size(after.clone()), after, "asked once");
        }
        let odd = b"%PDF-1.7 not a file this writer made".to_vec();
        assert_eq!(print_at_actual_size(odd.clone()), odd);
    }
}
