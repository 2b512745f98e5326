//! Small helpers over quick-xml shared by the DOCX and OFD readers.

use quick_xml::events::{BytesRef, BytesStart, BytesText};

/// The text of a text event.
pub fn text(t: &BytesText) -> String {
    t.decode().map(|s| s.into_owned()).unwrap_or_default()
}

/// The character an entity reference stands for (&amp; &#12288; …).
pub fn entity(r: &BytesRef) -> String {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return c.to_string();
    }
    match r.decode().unwrap_or_default().as_ref() {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        _ => "",
    }
    .to_owned()
}

/// The value of the attribute whose local name is `name`.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().with_checks(false).flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name.as_bytes()).then(|| {
            let raw = String::from_utf8_lossy(&a.value).into_owned();
            quick_xml::escape::unescape(&raw)
                .map(|v| v.into_owned())
                .unwrap_or(raw)
        })
    })
}

/// The element's local name.
pub fn local(e: &BytesStart) -> String {
    String::from_utf8_lossy(e.local_name().as_ref()).into_owned()
}

/// Whether an RGB colour is the red of an issuer mark.
pub fn is_red(r: u8, g: u8, b: u8) -> bool {
    r >= 0xb0 && g < 0x70 && b < 0x70
}

/// Reads a zip entry as text.
pub fn zip_text<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Option<String> {
    use std::io::Read;
    let mut s = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut s).ok()?;
    Some(s)
}
