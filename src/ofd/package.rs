//! The OFD container (GB/T 33190 §6): a zip of the parts, written in a fixed order with a
//! fixed timestamp, so that the same document always gives the same bytes.

use crate::error::{Error, Result};
use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Zips `parts` (path inside the package, bytes) in the order given: XML deflated, font
/// subsets and images stored as they are (CFF outlines and PNG/JPEG barely shrink, and
/// deflating them cost more time than the rest of the writer).
pub fn zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let failed = |e: &dyn std::fmt::Display| Error::Typeset(format!("OFD 打包失败：{e}"));
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(1980, 1, 1, 0, 0, 0).unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let stored = options
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    for (name, bytes) in parts {
        let options = if name.ends_with(".xml") {
            options
        } else {
            stored
        };
        zip.start_file(name.as_str(), options)
            .map_err(|e| failed(&e))?;
        zip.write_all(bytes).map_err(|e| failed(&e))?;
    }
    Ok(zip.finish().map_err(|e| failed(&e))?.into_inner())
}
