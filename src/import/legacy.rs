//! Files an office receives that are not PDF, DOCX, OFD or text: recognised for what they are.
//! A Word 97 `.doc`, a WPS `.wps` or an `.rtf` is converted to DOCX by LibreOffice when it is
//! installed (headless, with a time budget, in a folder of its own); otherwise, and for a
//! spreadsheet or a scanned image, the message says what to do.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What an unreadable received file is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Legacy {
    /// Word 97–2003 `.doc` or WPS `.wps` (an OLE2 compound file).
    Word,
    /// Rich Text Format.
    Rtf,
    /// A spreadsheet (`.xls`, `.et`, `.xlsx`).
    Sheet,
    /// A picture (a scan).
    Image,
}

/// Seconds LibreOffice may take to convert one file.
const CONVERT_SECONDS: u64 = 60;

/// The kind of an old or non-document format, by its content and name.
pub fn detect(path: &Path, bytes: &[u8]) -> Option<Legacy> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let ole = bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    let image = bytes.starts_with(b"\x89PNG")
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"II*\0")
        || bytes.starts_with(b"MM\0*")
        || bytes.starts_with(b"BM");
    match () {
        _ if matches!(ext.as_str(), "xls" | "et" | "xlsx" | "ett") => Some(Legacy::Sheet),
        _ if ole => Some(Legacy::Word),
        _ if bytes.starts_with(b"{\\rtf") => Some(Legacy::Rtf),
        _ if image => Some(Legacy::Image),
        _ => None,
    }
}

/// The DOCX LibreOffice makes of a `.doc`, `.wps` or `.rtf`, or what to tell the clerk.
pub fn to_docx(path: &Path, bytes: &[u8], kind: Legacy) -> Result<Vec<u8>, String> {
    let what = match kind {
        Legacy::Sheet => return Err(
            "这是表格文件（Excel/WPS 表格），不是公文；请把公文正文另存为 .docx 或 PDF 后再导入"
                .to_owned(),
        ),
        Legacy::Image => {
            return Err(
                "这是图片（扫描件），没有文字；请先进行文字识别（OCR），或向发文单位索取 PDF/DOCX"
                    .to_owned(),
            )
        }
        Legacy::Word => "Word 97–2003 或 WPS 文档",
        Legacy::Rtf => "RTF 文档",
    };
    let Some(soffice) = find_soffice() else {
        return Err(format!(
            "这是{what}，需先转换：请用 WPS 或 Word 打开并另存为 .docx 后再导入（安装 LibreOffice 后 gongwen 可自动转换）"
        ));
    };
    convert(&soffice, path, bytes).map_err(|why| {
        format!(
            "这是{what}，用 LibreOffice 转换失败（{why}）；请用 WPS 或 Word 另存为 .docx 后再导入"
        )
    })
}

/// LibreOffice's program on this machine, if any.
fn find_soffice() -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| ["soffice", "libreoffice"].map(|n| dir.join(n)))
        .find(|p| p.is_file())
}

/// Converts in a temporary folder of its own (its own LibreOffice profile too, so a running
/// LibreOffice of the clerk's is not disturbed), within [`CONVERT_SECONDS`].
fn convert(soffice: &Path, path: &Path, bytes: &[u8]) -> Result<Vec<u8>, String> {
    let dir = tempfile::tempdir().map_err(|_| "无法建立临时文件夹".to_owned())?;
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .filter(|e| matches!(e.as_str(), "doc" | "wps" | "rtf"))
        .unwrap_or_else(|| "doc".to_owned());
    let input = dir.path().join(format!("received.{ext}"));
    std::fs::write(&input, bytes).map_err(|_| "无法写入临时文件".to_owned())?;
    let profile = format!("file://{}", dir.path().join("profile").display());
    let mut child = Command::new(soffice)
        .arg(format!("-env:UserInstallation={profile}"))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "docx",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(&input)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|_| "无法启动 LibreOffice".to_owned())?;
    let started = Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(_)) => break,
            Ok(None) if started.elapsed() > Duration::from_secs(CONVERT_SECONDS) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("超过 {CONVERT_SECONDS} 秒"));
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(_) => return Err("LibreOffice 异常退出".to_owned()),
        }
    }
    std::fs::read(dir.path().join("received.docx")).map_err(|_| "没有生成 DOCX".to_owned())
}
