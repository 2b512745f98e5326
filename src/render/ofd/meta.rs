//! `OFD.xml`, the package's entry: one `DocBody` whose `DocInfo` carries the 公文's elements
//! under GB/T 33480's metadata names (文种, 份号 … 印发日期, and 主题词) for an exchange system or
//! archive to index, with a `DocID` derived from the document itself (same input, same bytes).

use super::xml::{escape, DECLARATION, NAMESPACE};
use crate::model::Document;

/// Names of the `CustomData` entries: the core metadata items of GB/T 33480 (电子公文元数据),
/// as its table of contents names them, and 主题词.
pub mod names {
    /// 文种.
    pub const KIND: &str = "文种";
    /// 份号.
    pub const COPY: &str = "份号";
    /// 密级和保密期限.
    pub const SECRECY: &str = "密级和保密期限";
    /// 紧急程度.
    pub const URGENCY: &str = "紧急程度";
    /// 发文机关标志.
    pub const MARK: &str = "发文机关标志";
    /// 发文字号.
    pub const NUMBER: &str = "发文字号";
    /// 签发人.
    pub const SIGNERS: &str = "签发人";
    /// 标题.
    pub const TITLE: &str = "标题";
    /// 主送机关.
    pub const RECIPIENTS: &str = "主送机关";
    /// 附件说明.
    pub const ANNEX_NOTE: &str = "附件说明";
    /// 发文机关或签发人署名.
    pub const ISSUER: &str = "发文机关或签发人署名";
    /// 成文日期.
    pub const DATE: &str = "成文日期";
    /// 附注.
    pub const NOTES: &str = "附注";
    /// 抄送机关.
    pub const CC: &str = "抄送机关";
    /// 印发机关.
    pub const PRINTER: &str = "印发机关";
    /// 印发日期.
    pub const PRINTED: &str = "印发日期";
    /// 主题词.
    pub const KEYWORDS: &str = "主题词";
}

/// The `OFD.xml` of a document whose root is `doc_root`.
pub fn ofd_xml(doc: &Document, doc_root: &str) -> String {
    let meta = &doc.meta;
    let header = doc.parts.iter().find_map(|p| p.header.as_ref());
    let date = chrono::NaiveDate::parse_from_str(&meta.date, "%Y-%m-%d").ok();
    let keywords: Vec<&str> = meta
        .keywords
        .iter()
        .map(|k| k.trim())
        .filter(|k| !k.is_empty())
        .collect();
    let element = |name: &str, value: &str| {
        if value.trim().is_empty() {
            String::new()
        } else {
            format!("<ofd:{name}>{}</ofd:{name}>", escape(value))
        }
    };
    let mut info = format!("<ofd:DocID>{}</ofd:DocID>", doc_id(doc));
    info.push_str(&element("Title", &meta.title));
    info.push_str(&element("Author", &meta.author));
    if let Some(d) = date {
        let d = d.format("%Y-%m-%d").to_string();
        info.push_str(&element("CreationDate", &d));
        info.push_str(&element("ModDate", &d));
    }
    // 主题词, one Keyword each, in the schema's place after the dates.
    if !keywords.is_empty() {
        let words: String = keywords.iter().map(|k| element("Keyword", k)).collect();
        info.push_str(&format!("<ofd:Keywords>{words}</ofd:Keywords>"));
    }
    info.push_str(&element("Creator", "gongwen"));
    info.push_str(&element("CreatorVersion", env!("CARGO_PKG_VERSION")));
    let mut custom = Vec::new();
    let mut add = |name: &str, value: Option<&str>| {
        if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
            custom.push(format!(
                r#"<ofd:CustomData Name="{name}">{}</ofd:CustomData>"#,
                escape(v)
            ));
        }
    };
    let part = doc.parts.first();
    let text = |ps: &[crate::model::Paragraph]| {
        ps.iter()
            .map(|p| p.spans.iter().map(|s| s.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    };
    let signature = doc.parts.iter().find_map(|p| p.signature.as_ref());
    let signed: Vec<&str> = signature
        .iter()
        .flat_map(|s| s.rows.iter().flatten().chain(&s.issuers))
        .map(|l| l.text.as_str())
        .collect();
    add(names::KIND, Some(&meta.kind));
    add(names::COPY, header.and_then(|h| h.copy_number.as_deref()));
    add(names::SECRECY, header.and_then(|h| h.secrecy.as_deref()));
    add(names::URGENCY, header.and_then(|h| h.urgency.as_deref()));
    let mark = header.map(|h| {
        let names: Vec<&str> = h.mark.lines.iter().map(|l| l.text.as_str()).collect();
        format!("{}{}", names.join(" "), h.mark.suffix)
    });
    add(names::MARK, mark.as_deref());
    add(names::NUMBER, header.and_then(|h| h.doc_number.as_deref()));
    add(
        names::SIGNERS,
        header
            .and_then(|h| h.signers.as_ref())
            .map(|s| s.names.as_str()),
    );
    add(names::TITLE, Some(&meta.title));
    add(
        names::RECIPIENTS,
        part.and_then(|p| p.recipients.as_deref())
            .map(|r| r.trim_end_matches('：')),
    );
    add(
        names::ANNEX_NOTE,
        part.map(|p| text(&p.annex_note)).as_deref(),
    );
    add(names::ISSUER, Some(&signed.join(" ")));
    add(names::DATE, Some(&meta.date));
    add(
        names::NOTES,
        doc.parts
            .iter()
            .find(|p| !p.notes.is_empty())
            .map(|p| text(&p.notes))
            .as_deref(),
    );
    let colophon = doc.colophon.as_ref();
    add(names::CC, colophon.and_then(|c| c.cc.as_deref()));
    add(names::PRINTER, colophon.map(|c| c.printer.as_str()));
    add(names::PRINTED, colophon.map(|c| c.printed.as_str()));
    let joined = keywords
        .iter()
        .map(|k| k.trim())
        .collect::<Vec<_>>()
        .join(" ");
    add(names::KEYWORDS, Some(&joined));
    if !custom.is_empty() {
        info.push_str("<ofd:CustomDatas>");
        info.push_str(&custom.concat());
        info.push_str("</ofd:CustomDatas>");
    }
    format!(
        r#"{DECLARATION}<ofd:OFD xmlns:ofd="{NAMESPACE}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo>{info}</ofd:DocInfo><ofd:DocRoot>{doc_root}</ofd:DocRoot></ofd:DocBody></ofd:OFD>"#
    )
}

/// A 32-hex-digit identifier from the document's date, title, issuer and number (two FNV-1a
/// hashes): stable across runs and machines, different for different documents.
pub fn doc_id(doc: &Document) -> String {
    let number = doc
        .parts
        .iter()
        .find_map(|p| p.header.as_ref())
        .and_then(|h| h.doc_number.as_deref())
        .unwrap_or("");
    let key = format!(
        "gongwen\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{number}\u{1f}{}",
        doc.meta.date,
        doc.meta.title,
        doc.meta.author,
        doc.annexes.len()
    );
    let fnv = |seed: u64| {
        key.bytes().fold(seed, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
        })
    };
    format!(
        "{:016x}{:016x}",
        fnv(0xcbf2_9ce4_8422_2325),
        fnv(0x6c62_272e_07bb_0142)
    )
}
