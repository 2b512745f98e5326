//! The OFD container (GB/T 33190 §6): a zip of the parts, written in a fixed order with a
//! fixed timestamp, so that the same document always gives the same bytes.

use crate::error::{Error, Result};

/// Zips `parts` (path inside the package, bytes) in the order given: XML deflated, font
/// subsets and images stored as they are (CFF outlines and PNG/JPEG barely shrink, and
/// deflating them cost more time than the rest of the writer).
pub fn zip(parts: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    crate::package::zip(parts, |name| name.ends_with(".xml"))
        .map_err(|e| Error::Typeset(format!("OFD 打包失败：{e}")))
}
