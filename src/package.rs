//! Zip packages (DOCX, OFD): the parts in the order given, a fixed timestamp and mode, so the
//! same document always gives the same bytes. One place for both writers.

use std::io::{Cursor, Write};
use zip::write::SimpleFileOptions;

/// Zips `parts` (path inside the package, bytes) in order; a part is deflated (fast level)
/// when `deflate(path)` says so and stored as it is otherwise.
pub fn zip(
    parts: &[(String, Vec<u8>)],
    deflate: impl Fn(&str) -> bool,
) -> zip::result::ZipResult<Vec<u8>> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let time = zip::DateTime::from_date_and_time(1980, 1, 1, 0, 0, 0).unwrap_or_default();
    let deflated = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(1))
        .last_modified_time(time)
        .unix_permissions(0o644);
    let stored = deflated
        .compression_method(zip::CompressionMethod::Stored)
        .compression_level(None);
    for (name, bytes) in parts {
        let options = if deflate(name) { deflated } else { stored };
        zip.start_file(name.as_str(), options)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}
