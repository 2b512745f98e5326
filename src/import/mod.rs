//! `gongwen import`: a received file (PDF, DOCX, OFD or text) → an editable spec.
//!
//! One small reader per format turns the file into format-neutral [`lines::Line`]s; [`repair`]
//! undoes what text extraction leaves behind; [`recognise`] finds the 公文 structure and builds
//! the typed [`crate::spec::Spec`], which the one spec writer ([`crate::spec::write`]) prints.
//! Nothing is dropped silently: what could not be placed is kept as a comment in the spec and
//! listed in the [`Report`].

pub mod chars;
pub mod chat;
pub mod copied_table;
pub mod docx;
pub mod docx_numbering;
mod docx_review;
pub mod furniture;
pub mod grid;
pub mod isolated;
pub mod join;
pub mod layout;
pub mod legacy;
pub mod lines;
pub mod markdown;
mod oa_export;
pub mod ofd;
mod ofd_tags;
pub mod patterns;
pub mod pdf;
pub mod post;
pub mod recognise;
pub mod repair;
pub mod text;
mod xml;

use crate::error::{Error, Result};
use std::fmt;
use std::path::Path;

/// The result of an import: the spec text and what happened.
#[derive(Debug, Clone)]
pub struct Imported {
    /// The spec, as TOML.
    pub toml: String,
    /// What was recognised, not recognised and repaired.
    pub report: Report,
}

/// What an import recognised, could not place, and repaired.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The format read (PDF, DOCX, OFD, 文本).
    pub format: String,
    /// Lines read from the file.
    pub lines: usize,
    /// Findings in document order.
    pub findings: Vec<recognise::Finding>,
    /// Repairs that changed characters.
    pub repairs: Vec<repair::Repair>,
    /// Problems `check` finds in the written spec (none when it passes).
    pub check: Vec<String>,
}

impl Report {
    /// Findings that could not be placed.
    pub fn not_recognised(&self) -> impl Iterator<Item = &recognise::Finding> {
        self.findings.iter().filter(|f| !f.recognised)
    }
}

fn place(page: usize, line: usize, paged: bool) -> String {
    match (page, paged) {
        (0, _) => "全文".to_owned(),
        (_, false) => format!("第{line}行"),
        _ => format!("第{page}页第{line}行"),
    }
}

impl Report {
    /// Whether places are given by page: not in a text without page breaks (a paste), whose
    /// every line is on its one "page".
    fn paged(&self) -> bool {
        let pages = self
            .findings
            .iter()
            .map(|x| x.page)
            .chain(self.repairs.iter().map(|r| r.page));
        !self.format.starts_with("文本") || pages.max().unwrap_or(1) > 1
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let paged = self.paged();
        let place = |page, line| place(page, line, paged);
        writeln!(f, "读取 {}：{} 行", self.format, self.lines)?;
        writeln!(f, "已识别：")?;
        for x in self.findings.iter().filter(|x| x.recognised) {
            writeln!(f, "  {}：{}", place(x.page, x.line), x.what)?;
        }
        let missing: Vec<_> = self.not_recognised().collect();
        if missing.is_empty() {
            writeln!(f, "未识别：无")?;
        } else {
            writeln!(f, "未识别（已作为注释保留或需核对）：")?;
            for x in missing {
                writeln!(f, "  {}：{}", place(x.page, x.line), x.what)?;
            }
        }
        if !self.repairs.is_empty() {
            writeln!(f, "修复（{} 处）：", self.repairs.len())?;
            for r in &self.repairs {
                writeln!(f, "  {}：{}", place(r.page, r.line), r.what)?;
            }
        }
        for c in &self.check {
            writeln!(f, "检查：{c}")?;
        }
        Ok(())
    }
}

/// A file that cannot be imported, with the reason in Chinese.
fn refuse(path: &Path, why: impl fmt::Display) -> Error {
    Error::Import(format!("{}：{why}", path.display()))
}

/// Most pages a received file may have (a 公文 has tens; render refuses more than 1,000).
pub const MAX_PAGES: usize = 1_000;
/// Most characters read from one file.
pub const MAX_GLYPHS: usize = 2_000_000;
/// Most lines (paragraphs) read from one file: beyond, it cannot render within the page limit.
pub const MAX_LINES: usize = 60_000;
/// Seconds an import may take (a PDF whose forms draw each other exponentially).
pub const IMPORT_SECONDS: u64 = 30;

/// Runs a reader on its own thread and gives up after [`IMPORT_SECONDS`]: a hostile file's
/// walk cannot hang the import (the abandoned walk ends with the process).
fn within_time<T: Send + 'static>(
    read: impl FnOnce() -> std::result::Result<T, String> + Send + 'static,
    seconds: u64,
) -> std::result::Result<T, String> {
    let (tx, rx) = std::sync::mpsc::channel();
    let spawned = std::thread::Builder::new()
        .name("gongwen-import".into())
        .spawn(move || {
            let _ = tx.send(read());
        });
    if spawned.is_err() {
        return Err("无法启动导入线程".to_owned());
    }
    match rx.recv_timeout(std::time::Duration::from_secs(seconds)) {
        Ok(result) => result,
        Err(_) => Err(format!(
            "导入超过 {seconds} 秒仍未完成（文件结构异常，可能是恶意构造的文件），已停止"
        )),
    }
}

/// The formats by their content (magic bytes) and name.
enum Kind {
    Pdf,
    Docx,
    Ofd,
    Text,
}

fn kind_of(path: &Path, bytes: &[u8]) -> Kind {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF") || ext == "pdf" {
        Kind::Pdf
    } else if ext == "ofd" {
        Kind::Ofd
    } else if ext == "docx" || ext == "wps" || bytes.starts_with(b"PK\x03\x04") {
        Kind::Docx
    } else {
        Kind::Text
    }
}

/// Imports a received file: reads it, recognises the 公文 and writes a spec.
pub fn import_file(path: &Path) -> Result<Imported> {
    let bytes = std::fs::read(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    import_bytes(path, &bytes)
}

/// [`import_file`] on bytes already read; `path` names the file in messages and picks the
/// format with its extension when the content does not tell.
pub fn import_bytes(path: &Path, bytes: &[u8]) -> Result<Imported> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(refuse(path, "文件为空，没有可导入的内容"));
    }
    if let Some(kind) = legacy::detect(path, bytes) {
        let docx = legacy::to_docx(path, bytes, kind).map_err(|e| refuse(path, e))?;
        let lines = docx::read(&docx).map_err(|e| refuse(path, e))?;
        let format = match kind {
            legacy::Legacy::Rtf => "RTF（经 LibreOffice 转换为 DOCX）",
            _ => "DOC/WPS（经 LibreOffice 转换为 DOCX）",
        };
        return from_lines(path, format, lines, false);
    }
    let (format, lines): (String, _) = match kind_of(path, bytes) {
        Kind::Pdf => {
            let owned = bytes.to_vec();
            let lines = within_time(move || pdf::read(&owned), IMPORT_SECONDS);
            ("PDF".into(), lines.map_err(|e| refuse(path, e))?)
        }
        Kind::Docx => (
            "DOCX".into(),
            docx::read(bytes).map_err(|e| refuse(path, e))?,
        ),
        Kind::Ofd => match ofd::read(bytes).map_err(|e| refuse(path, e))? {
            (lines, ofd::Reading::Tags) => ("OFD（按公文标引读取）".into(), lines),
            (lines, ofd::Reading::Layout) => ("OFD".into(), lines),
        },
        Kind::Text => {
            // Notepad's 「ANSI」 on a Chinese system is GB18030; UTF-16 has its byte-order mark.
            let Some((text, format)) = decode_text(bytes) else {
                return Err(refuse(
                    path,
                    "不是可识别编码的文本（UTF-8、GBK/GB18030、UTF-16）；若是 Word、WPS 文件，请另存为 .docx 后再导入",
                ));
            };
            // Pasted from an online editor as Markdown: read without its marks.
            match markdown::plain(&text) {
                Some(plain) => (
                    format!("{format}，按 Markdown 读取（去掉 # ** | 等标记）"),
                    copied_table::rebuild(text::read_numbered(&plain.text, &plain.lines)),
                ),
                None => (format, copied_table::rebuild(text::read(&text))),
            }
        }
    };
    if lines.len() > MAX_LINES {
        return Err(refuse(
            path,
            format!(
                "文件有 {} 段（行），超过导入上限 {MAX_LINES}；一份公文不会这么长",
                lines.len()
            ),
        ));
    }
    if lines
        .iter()
        .all(|l| l.text.trim().is_empty() && l.cells.is_none())
    {
        return Err(refuse(
            path,
            "文件中没有可提取的文字（可能是扫描件，需先进行文字识别）",
        ));
    }
    let sealed = matches!(kind_of(path, bytes), Kind::Ofd) && ofd::carries_seal(bytes);
    let damaged = undecodable(&lines);
    let mut imported = from_lines(path, &format, lines, sealed)?;
    imported.report.repairs.splice(0..0, damaged);
    if matches!(kind_of(path, bytes), Kind::Docx) {
        let notes = docx_review::notes(bytes)
            .into_iter()
            .map(|what| recognise::Finding {
                page: 0,
                line: 0,
                recognised: false,
                what,
            });
        imported.report.findings.splice(0..0, notes);
    }
    Ok(imported)
}

/// A received text decoded, strictly or (damaged) with replacement characters, and the format
/// to report.
fn decode_text(bytes: &[u8]) -> Option<(String, String)> {
    if let Some((text, encoding)) = crate::spec::decode(bytes) {
        let format = match encoding {
            Some(e) => format!("文本（{} 编码）", crate::spec::encoding_name(e)),
            None => "文本".to_owned(),
        };
        return Some((text, format));
    }
    let (text, encoding) = text::decode_damaged(bytes)?;
    let name = crate::spec::encoding_name(encoding);
    Some((text, format!("文本（{name} 编码，部分字节已损坏）")))
}

/// Where a damaged text lost characters: one repair per line holding U+FFFD.
fn undecodable(lines: &[lines::Line]) -> Vec<repair::Repair> {
    lines
        .iter()
        .filter_map(|l| {
            let n = l.text.matches('\u{fffd}').count();
            (n > 0).then(|| repair::Repair {
                page: l.page,
                line: l.line,
                what: format!("{n} 处字节无法解码（文件已损坏），以 � 代替，请对照原件补正"),
            })
        })
        .collect()
}

/// A table whose rows hold more cells than its head (a table without rules, in a scan's OCR
/// layer, whose head cells ran together) gets blank head cells up to its widest row, so that
/// no cell is lost and the spec checks; said for each, to look at.
fn heads_as_wide_as_rows(spec: &mut crate::spec::Spec) -> Vec<recognise::Finding> {
    let mut out = Vec::new();
    for a in spec.annexes.iter_mut() {
        let widest = a.rows.iter().map(Vec::len).max().unwrap_or(0);
        if widest <= a.columns.len() || a.columns.is_empty() {
            continue;
        }
        out.push(recognise::Finding {
            page: 0,
            line: 0,
            recognised: false,
            what: format!(
                "附件“{}”的表头只有 {} 格、数据行有 {widest} 格（无框线或扫描件的表格常见）：已补空白表头，请核对各列",
                a.title,
                a.columns.len()
            ),
        });
        a.columns.resize_with(widest, crate::spec::Column::default);
    }
    out
}

/// Recognises a 公文 in lines read from `path`.
/// `sealed`: the file carries an electronic seal (an OFD's signatures), so its signature was
/// sealed whatever its layout shows.
pub fn from_lines(
    path: &Path,
    format: &str,
    lines: Vec<lines::Line>,
    sealed: bool,
) -> Result<Imported> {
    let count = lines.len();
    let (lines, mut repairs) = chars::normalise_lines(lines);
    let (lines, stripped) = if format.starts_with("文本") {
        let (lines, mut chat) = oa_export::read(lines);
        let (lines, more) = chat::strip(lines);
        chat.extend(more);
        let (lines, page) = furniture::strip(lines);
        chat.extend(page);
        (lines, chat)
    } else if format == "PDF" {
        furniture::strip_printed_page(lines)
    } else {
        (lines, Vec::new())
    };
    repairs.extend(stripped);
    let (lines, fixed) = repair::repair(lines);
    repairs.extend(fixed);
    let (mut draft, mut findings) = recognise::recognise(&lines);
    findings.extend(heads_as_wide_as_rows(&mut draft.spec));
    // A tab or another control character left in a text (a cell of a pasted table read into a
    // paragraph, a copied form's spacing) is a space: the spec the import writes must check.
    crate::spec::texts::for_each_text_mut(&mut draft.spec, &mut |_, t: &mut String| {
        if t.chars().any(char::is_control) {
            *t = t.replace(char::is_control, " ");
        }
    });
    let spec = &draft.spec;
    let recognised_body = !spec.sections.is_empty()
        || spec.enclosure.is_some()
        || spec.header.is_some()
        || (spec.signature.is_some() && !spec.opening.is_empty());
    // An electronic invoice (增值税电子普通发票, an OFD the same exchange systems carry) has a
    // title and a date but is no 公文: said so, rather than imported as a notice of numbers.
    // Known by its title, or by the labels only an invoice prints (发票代码, 发票号码) where its
    // fields read as no title at all; named by the line that says which invoice it is.
    let invoice_labels = lines
        .iter()
        .any(|l| l.text.contains("发票代码") || l.text.contains("发票号码"));
    let invoice = if spec.title.trim_end().ends_with("发票") {
        Some(spec.title.trim().to_owned())
    } else if invoice_labels {
        let named = lines
            .iter()
            .map(|l| l.text.trim())
            .find(|t| t.ends_with("发票") && t.chars().count() <= 30 && !t.contains(['：', ':']));
        Some(named.unwrap_or("电子发票").to_owned())
    } else {
        None
    };
    if let Some(name) = invoice {
        return Err(refuse(
            path,
            format!("这是发票（{name}），不是公文；只能导入收到的公文"),
        ));
    }
    // A 命令 or 纪要 has no title: its mark names it.
    let titled = !spec.title.is_empty() || spec.kind.row().untitled;
    if !titled || !recognised_body {
        return Err(refuse(
            path,
            "未识别出公文结构（标题、版头、层次标题或署名日期），不像一份公文",
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    if sealed {
        if let Some(s) = draft.spec.signature.as_mut() {
            s.sealed = true;
        }
    }
    crate::spec::texts::escape_braces(&mut draft.spec);
    draft.preamble.push(format!(
        "由 gongwen import 从 {name} 导入；请核对后再用于 derive 或 render。"
    ));
    let toml = crate::spec::write::write(&draft);
    let check = match crate::spec::check(&toml, path, crate::spec::Options::default()) {
        Ok(report) => report
            .diagnostics
            .iter()
            .filter(|d| d.severity == crate::error::Severity::Error)
            .map(|d| d.message.clone())
            .collect(),
        Err(e) => vec![e.to_string()],
    };
    Ok(Imported {
        toml,
        report: Report {
            format: format.to_owned(),
            lines: count,
            findings,
            repairs,
            check,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::within_time;

    #[test]
    fn a_reader_past_its_time_budget_is_given_up_with_a_chinese_message() {
        let started = std::time::Instant::now();
        let slow = within_time(
            || {
                std::thread::sleep(std::time::Duration::from_secs(5));
                Ok(())
            },
            1,
        );
        assert!(slow.unwrap_err().contains("超过 1 秒"));
        assert!(started.elapsed().as_secs() < 3, "{:?}", started.elapsed());
        assert_eq!(within_time(|| Ok(7), 1), Ok(7));
    }
}
