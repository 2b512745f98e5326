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

/// Largest part of a package read (after decompression): a document's XML is a few MB; more
/// is a zip bomb.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// Reads a zip entry as text: `Ok(None)` when the package has no such part, an error in
/// Chinese (naming the part) when it is there but damaged, not UTF-8, or larger than
/// [`MAX_PART_BYTES`] once decompressed (whatever size its header claims).
pub fn zip_text<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    name: &str,
) -> Result<Option<String>, String> {
    use std::io::Read;
    let entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(format!(
                "文件已损坏：{name} 无法读取（{}）",
                chinese_zip_error(&e)
            ))
        }
    };
    let mut bytes = Vec::new();
    entry
        .take(MAX_PART_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("文件已损坏：{name} 解压失败（{}）", chinese_io_error(&e)))?;
    if bytes.len() as u64 > MAX_PART_BYTES {
        return Err(format!(
            "{name} 解压后超过 {} MB（可能是恶意构造的压缩炸弹），拒绝导入",
            MAX_PART_BYTES >> 20
        ));
    }
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| format!("文件已损坏：{name} 不是 UTF-8 编码的 XML"))
}

fn chinese_zip_error(e: &zip::result::ZipError) -> &'static str {
    match e {
        zip::result::ZipError::UnsupportedArchive(_) => "不支持的压缩方式",
        zip::result::ZipError::InvalidArchive(_) => "压缩包结构无效",
        _ => "读取出错",
    }
}

fn chinese_io_error(e: &std::io::Error) -> &'static str {
    if e.to_string().contains("checksum") || e.to_string().contains("CRC") {
        "校验和不符"
    } else {
        "压缩数据无效"
    }
}

/// Why a part is no XML, in Chinese with the byte where reading stopped (the parser's own
/// words are English).
pub fn broken<R>(r: &quick_xml::Reader<R>, part: &str) -> String {
    format!(
        "文件已损坏：{part} 不是有效的 XML（第 {} 字节处无法读取）",
        r.error_position()
    )
}
