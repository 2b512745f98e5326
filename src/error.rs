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

/// Result with the crate's error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What the system said of a file, in Chinese.
pub fn io_chinese(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    // A wrapped error (a temporary file's, which names the temporary path) says it itself.
    let inner = e
        .get_ref()
        .and_then(|x| x.source())
        .and_then(|s| s.downcast_ref::<std::io::Error>());
    if let Some(inner) = inner {
        return io_chinese(inner);
    }
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
