//! Errors as values with a location: what went wrong, in which file, line, column and field.

use std::fmt;
use std::path::PathBuf;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Severity {
    /// The document must not be made.
    #[default]
    Error,
    /// The document is made; the office should look at it.
    Warning,
}

/// One problem found in a spec, located for the person who has to fix it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// Name of the convention rule (empty for syntax and schema errors).
    pub rule: &'static str,
    /// The spec file.
    pub file: PathBuf,
    /// 1-based line, 0 when the file as a whole is meant.
    pub line: usize,
    /// 1-based column in characters.
    pub column: usize,
    /// Field path as written in the TOML, e.g. `sections[1].heading`.
    pub field: String,
    /// The explanation, in Chinese.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}: ", self.file.display(), self.line, self.column)?;
        if !self.field.is_empty() {
            write!(f, "字段 {}: ", self.field)?;
        }
        if self.severity == Severity::Warning {
            f.write_str("警告：")?;
        }
        f.write_str(&self.message)?;
        if !self.rule.is_empty() {
            write!(f, " [{}]", self.rule)?;
        }
        Ok(())
    }
}

/// Everything that can stop a document from being made.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The spec is wrong; each diagnostic names a place in it.
    #[error("{}", join_lines(.0))]
    Spec(Vec<Diagnostic>),
    /// A file could not be read or written (said in Chinese, naming the user's file).
    #[error("{}：{}", path.display(), io_chinese(source))]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The PDF engine failed (template or layout error).
    #[error("排版失败：{0}")]
    Typeset(String),
    /// A character no available font can draw.
    #[error("{0}")]
    MissingGlyph(String),
    /// Some of several documents failed (each was reported on its own).
    #[error("{0} 个文件未通过")]
    Failed(usize),
    /// A draft could not be derived or written.
    #[error("{0}")]
    Derive(String),
    /// A received file could not be imported (the message names the file).
    #[error("{0}")]
    Import(String),
    /// The file to write exists and overwriting was not asked for.
    #[error("{} 已存在；不会覆盖（加 --force 覆盖，原文件依次保留为 .bak、.bak.2 …）", .0.display())]
    Exists(PathBuf),
    /// The DOCX writer failed.
    #[error("DOCX 生成失败：{0}")]
    Docx(String),
}

fn join_lines(d: &[Diagnostic]) -> String {
    d.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Error {
    /// What the person can do next, in Chinese (the web page shows it under the message).
    pub fn next_step(&self) -> &'static str {
        match self {
            Error::Spec(_) => "按表单中标出的字段逐条改正后再试一次。",
            Error::Io { source, .. } => io_next_step(source),
            Error::Typeset(_) | Error::Docx(_) => {
                "请检查最近改动的内容；仍不能生成时，请把这个 .toml 文件交给技术支持。"
            }
            Error::MissingGlyph(_) => "把这个字改为常用写法，或请技术人员安装含有此字的字库。",
            Error::Failed(_) => "逐个查看上面列出的文件的问题。",
            Error::Derive(_) => "按提示补全本机关资料或上级来文后，再派生一次。",
            Error::Import(_) => {
                "按提示处理后再导入；扫描件或打不开的来文，请向发文机关索要 DOCX、OFD 或 PDF 原件。"
            }
            Error::Exists(_) => "换一个文件名，或选择覆盖（原文件会保留为 .bak）。",
        }
    }
}

/// What the person can do about a failed read or write, in Chinese.
pub fn io_next_step(e: &std::io::Error) -> &'static str {
    use std::io::ErrorKind as K;
    let e = innermost(e);
    match (e.raw_os_error(), e.kind()) {
        (Some(28), _) | (_, K::StorageFull) => {
            "清理磁盘（删除不用的文件、清空回收站）后再试一次；在此之前不要关闭页面。"
        }
        (Some(27), _) | (_, K::FileTooLarge) => "请管理员放宽文件大小的限制后再试。",
        (_, K::NotFound) => "文件可能已被移走、改名或删除：刷新文件列表后重新选择。",
        (_, K::PermissionDenied) => {
            "请管理员给这个文件夹写入权限，或把公文文件夹放在自己的主目录下。"
        }
        (_, K::IsADirectory) => {
            "这个名称已被一个文件夹占用：请换一个文件名，或选择文件夹中的文件。"
        }
        (_, K::NotADirectory) => "检查文件名中的 / ：它前面的部分应是文件夹。",
        (_, K::ReadOnlyFilesystem) => {
            "这个磁盘不能写入（光盘、写保护的U盘）：把文件复制到可写的文件夹后再试。"
        }
        (_, K::InvalidFilename) => "文件名太长或含有系统不允许的字符：请改短文件名。",
        (_, K::TimedOut) => "稍后再试一次。",
        _ => "稍后再试一次；仍失败时请联系技术支持，并告知上面的信息。",
    }
}

/// The system's own error inside a wrapped one (a temporary file's, which names the temporary
/// path): it says what happened.
fn innermost(e: &std::io::Error) -> &std::io::Error {
    let inner = e
        .get_ref()
        .and_then(|x| x.source())
        .and_then(|s| s.downcast_ref::<std::io::Error>());
    inner.map_or(e, innermost)
}

/// Result with the crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the system said of a file, in Chinese.
pub fn io_chinese(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let e = innermost(e);
    let said = match (e.raw_os_error(), e.kind()) {
        (Some(27), _) | (_, K::FileTooLarge) => "文件超过系统允许的大小（ulimit -f），未写入",
        (Some(28), _) | (_, K::StorageFull) => "磁盘空间不足，未写入",
        (_, K::NotFound) => "文件或文件夹不存在",
        (_, K::PermissionDenied) => "没有读写权限",
        (_, K::IsADirectory) => "这是一个文件夹，不是文件",
        (_, K::NotADirectory) => "路径中有一段不是文件夹",
        (_, K::ReadOnlyFilesystem) => "所在的磁盘或文件夹是只读的",
        (_, K::AlreadyExists) => "文件已存在",
        (_, K::InvalidData) => "文件内容无效",
        (_, K::UnexpectedEof) => "文件不完整（意外结束）",
        (_, K::TimedOut) => "操作超时",
        (_, K::InvalidFilename) => "文件名太长或含有系统不允许的字符",
        _ => return format!("无法读写（系统信息：{e}）"),
    };
    said.to_owned()
}

#[cfg(test)]
mod tests {
    use super::io_chinese;
    use std::io::{Error, ErrorKind};

    #[test]
    fn system_errors_are_said_in_chinese() {
        assert_eq!(
            io_chinese(&Error::from(ErrorKind::NotFound)),
            "文件或文件夹不存在"
        );
        assert_eq!(
            io_chinese(&Error::from_raw_os_error(28)),
            "磁盘空间不足，未写入"
        );
        assert!(io_chinese(&Error::from_raw_os_error(27)).contains("ulimit"));
        assert!(io_chinese(&Error::other("x")).starts_with("无法读写"));
    }
}
