//! The campaign spec: TOML in, a validated [`Spec`] out, or diagnostics that name the place.

pub mod conventions;
mod fix;
pub mod form;
pub mod kind;
mod kind_rules;
mod locate;
mod schema;
mod syntax;
pub mod texts;
mod validate;
pub mod write;
pub mod year;

pub use conventions::{Finding, Fix};
pub use fix::apply_fixes;
pub use kind::{DocKind, HeaderFormat, Kind, KINDS};
pub use schema::*;
pub use write::{Annotated, Comment, Unplaced};

use crate::error::{Diagnostic, Error, Result, Severity};
use crate::fonts::FontSet;
use std::path::Path;

/// A spec that parsed, with every convention finding located in its file.
#[derive(Debug, Clone)]
pub struct Report {
    /// The spec.
    pub spec: Spec,
    /// Errors and warnings, in document order.
    pub diagnostics: Vec<Diagnostic>,
    /// Corrections the rules know (applied by `check --fix`).
    pub fixes: Vec<Fix>,
}

impl Report {
    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics
            .iter()
            .any(|d| d.severity == Severity::Error)
    }

    /// The spec and its warnings, or every finding as the error when one is an error.
    pub fn into_result(self) -> Result<(Spec, Vec<Diagnostic>)> {
        if self.has_errors() {
            Err(Error::Spec(self.diagnostics))
        } else {
            Ok((self.spec, self.diagnostics))
        }
    }
}

/// Largest spec or profile file read (bytes): about 600,000 characters, some 1,000 pages.
pub const MAX_SPEC_BYTES: u64 = 2 << 20;

/// Reads a spec file's text (UTF-8, at most [`MAX_SPEC_BYTES`]).
pub fn read(path: &Path) -> Result<String> {
    let io = |source| Error::Io {
        path: path.to_owned(),
        source,
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_SPEC_BYTES {
        return Err(Error::Spec(vec![Diagnostic {
            file: path.to_owned(),
            line: 0,
            column: 0,
            message: format!(
                "规格文件有 {:.1} MB，超过上限 {} MB（一份公文的规格通常只有几 KB）；请检查是否选错了文件，或把附件拆成多份",
                size as f64 / (1 << 20) as f64,
                MAX_SPEC_BYTES >> 20
            ),
            ..Diagnostic::default()
        }]));
    }
    let bytes = std::fs::read(path).map_err(io)?;
    decode(&bytes).map(|(text, _)| text).ok_or_else(|| {
        Error::Spec(vec![Diagnostic {
            file: path.to_owned(),
            line: 1,
            column: 1,
            message:
                "文件既不是 UTF-8，也不是 GBK/GB18030 或 UTF-16 编码的文本；请用编辑器另存为 UTF-8"
                    .to_owned(),
            ..Diagnostic::default()
        }])
    })
}

/// The text of `bytes` and, when it was not UTF-8, the encoding it was read in: UTF-16 (with
/// its byte-order mark) or GB18030 (which GBK and GB2312 are part of), as Windows Notepad
/// saves 「ANSI」 on a Chinese system. `None` when it is none of them.
pub fn decode(bytes: &[u8]) -> Option<(String, Option<&'static encoding_rs::Encoding>)> {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Some((text.to_owned(), None));
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = encoding.decode_without_bom_handling(&bytes[bom..]);
        return (!had_errors).then(|| (text.into_owned(), Some(encoding)));
    }
    // Binary files (a Word 97 .doc, an image) are no text, though GB18030 maps most bytes.
    let (text, had_errors) = encoding_rs::GB18030.decode_without_bom_handling(bytes);
    let binary = text
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'));
    (!had_errors && !binary).then(|| (text.into_owned(), Some(encoding_rs::GB18030)))
}

/// An encoding's name as offices know it (GB18030, UTF-16LE).
pub fn encoding_name(e: &'static encoding_rs::Encoding) -> String {
    e.name().to_uppercase()
}

/// The encoding a file on disk is written in, when it is not UTF-8 (for a warning, and so
/// that `check --fix` writes it back the same way).
pub fn encoding_of(path: &Path) -> Option<&'static encoding_rs::Encoding> {
    let bytes = std::fs::read(path).ok()?;
    decode(&bytes)?.1
}

/// `text` in `encoding` (UTF-16 with its byte-order mark), for writing a file back as it was.
pub fn encode(text: &str, encoding: Option<&'static encoding_rs::Encoding>) -> Vec<u8> {
    match encoding {
        None => text.as_bytes().to_vec(),
        Some(e) if e == encoding_rs::UTF_16LE || e == encoding_rs::UTF_16BE => {
            let le = e == encoding_rs::UTF_16LE;
            let mut out = if le {
                vec![0xFF, 0xFE]
            } else {
                vec![0xFE, 0xFF]
            };
            for unit in text.encode_utf16() {
                out.extend(if le {
                    unit.to_le_bytes()
                } else {
                    unit.to_be_bytes()
                });
            }
            out
        }
        Some(e) => e.encode(text).0.into_owned(),
    }
}

/// A warning that the file at `path` was read in another encoding than UTF-8, if it was.
pub fn encoding_warning(path: &Path) -> Option<Diagnostic> {
    let encoding = encoding_of(path)?;
    Some(Diagnostic {
        severity: Severity::Warning,
        rule: "encoding",
        file: path.to_owned(),
        line: 1,
        column: 1,
        message: format!(
            "文件是 {} 编码，已按该编码读取；gongwen 写出的文件都是 UTF-8，check --fix 按原编码写回",
            encoding_name(encoding)
        ),
        ..Diagnostic::default()
    })
}

/// What a check takes into account beyond the spec itself.
#[derive(Clone, Copy, Default)]
pub struct Options<'a> {
    /// Fonts for the glyph-coverage rule (skipped without).
    pub fonts: Option<&'a FontSet>,
    /// Move the spec to this campaign year first (`--year`).
    pub year: Option<i32>,
    /// Reads the upstream a derived draft's `provenance.upstream_file` names (the web app
    /// reads it inside its workspace); none: the file named, else beside the draft.
    pub upstream: Option<&'a UpstreamReader<'a>>,
}

/// Reads the spec a draft's `provenance.upstream_file` names, as the caller can reach it.
pub type UpstreamReader<'a> = dyn Fn(&str) -> Option<Spec> + 'a;

/// Reads and validates a spec file (conventions included, glyph coverage not).
pub fn load(path: &Path) -> Result<Spec> {
    parse(&read(path)?, path)
}

/// Parses and validates spec text; `path` is only used in the messages.
pub fn parse(source: &str, path: &Path) -> Result<Spec> {
    check(source, path, Options::default())?
        .into_result()
        .map(|(spec, _)| spec)
}

/// Parses spec text, applies the year, and runs every check.
/// Syntax and schema errors are the error; convention findings are in the report.
pub fn check(source: &str, path: &Path, options: Options) -> Result<Report> {
    let located = |field: String, offset: Option<usize>, message: String| {
        diagnostic(source, path, field, offset, message)
    };
    let mut spec: Spec = deserialize(source, path)?;
    let written = texts::texts(&spec);
    let mut problems = year::apply(&mut spec, options.year);
    problems.extend(validate::check(&spec));
    let mut diagnostics = located_problems(source, path, problems);
    let findings = conventions::check(&spec, options.fonts);
    // A fix rewrites the spec's text as written: where it holds variables, only a fix that
    // trims the text's ends (which the variables do not reach) is carried over.
    let expanded = texts::texts(&spec);
    let fixes = findings
        .iter()
        .filter_map(|f| f.fix.clone())
        .filter(|_| options.year.is_none())
        .filter_map(|f| fix::onto_written(f, &written, &expanded))
        .collect();
    // A derived draft is read against the upstream its provenance names.
    let findings = findings
        .into_iter()
        .chain(year::kept_citations(&spec, options.year, &expanded))
        .chain(year::unscheduled_workdays(&spec, &written))
        .chain(crate::derive::review::review(&spec, path, options.upstream));
    diagnostics.extend(findings.map(|f| {
        let offset = locate::offset_of(source, &f.field);
        Diagnostic {
            severity: f.severity,
            rule: f.rule,
            ..located(f.field, offset, f.message)
        }
    }));
    Ok(Report {
        spec,
        diagnostics,
        fixes,
    })
}

/// Reads TOML into `T` (a spec, an office profile), errors located at file, line, column and
/// field, in Chinese.
pub fn deserialize<T: serde::de::DeserializeOwned>(source: &str, path: &Path) -> Result<T> {
    let located = |field: String, offset: Option<usize>, message: String| {
        diagnostic(source, path, field, offset, message)
    };
    let de = toml::Deserializer::parse(source).map_err(|e| {
        Error::Spec(vec![located(
            String::new(),
            e.span().map(|s| s.start),
            format!("TOML 语法错误：{}", syntax::chinese(e.message())),
        )])
    })?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let (field, message) = translate(&field, inner.message());
        let offset = inner
            .span()
            .map(|s| s.start)
            .or_else(|| locate::offset_of(source, &field));
        Error::Spec(vec![located(field, offset, message)])
    })
}

/// Reads a spec as written, variables not expanded (an upstream notice to derive from);
/// structural problems are errors.
pub fn load_template(path: &Path) -> Result<Spec> {
    let source = read(path)?;
    let spec: Spec = deserialize(&source, path)?;
    let problems = validate::check(&spec);
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(Error::Spec(located_problems(&source, path, problems)))
    }
}

/// An error about `field` of the TOML file `path` (text `source`), located at the field when
/// it is written there (else at the file's start): for problems found after parsing, e.g. by
/// a derivation reading an upstream notice or an office profile.
pub fn located(source: &str, path: &Path, field: &str, message: String) -> Diagnostic {
    let offset = locate::offset_of(source, field);
    diagnostic(source, path, field.to_owned(), offset, message)
}

/// A diagnostic at a byte offset of `source` (the file's start when unknown).
fn diagnostic(
    source: &str,
    path: &Path,
    field: String,
    offset: Option<usize>,
    message: String,
) -> Diagnostic {
    let (line, column) = offset.map_or((1, 1), |o| locate::line_col(source, o));
    Diagnostic {
        file: path.to_owned(),
        line,
        column,
        field,
        message,
        ..Diagnostic::default()
    }
}

/// Problems found on a parsed spec, located at their fields in `source`.
fn located_problems(
    source: &str,
    path: &Path,
    problems: Vec<validate::Problem>,
) -> Vec<Diagnostic> {
    problems
        .into_iter()
        .map(|p| {
            let offset = locate::offset_of(source, &p.field);
            diagnostic(source, path, p.field, offset, p.message)
        })
        .collect()
}

/// Turns serde's English messages into Chinese ones, with a hint for misspelt keys.
fn translate(path: &str, message: &str) -> (String, String) {
    let path = if path == "." { "" } else { path };
    let join = |key: &str| {
        if path == key || path.ends_with(&format!(".{key}")) {
            path.to_owned()
        } else if path.is_empty() {
            key.to_owned()
        } else {
            format!("{path}.{key}")
        }
    };
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let (key, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let candidates: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let hint = closest(key, &candidates)
            .map(|c| format!("，是否想写 `{c}`？"))
            .unwrap_or_else(|| format!("；可用的键：{}", candidates.join("、")));
        return (join(key), format!("未知的键 `{key}`{hint}"));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or(rest);
        return (join(key), format!("缺少必填的键 `{key}`"));
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        let (value, expected) = rest.split_once('`').unwrap_or((rest, ""));
        let options: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        return (
            path.to_owned(),
            format!("取值 `{value}` 无效，可选：{}", options.join("、")),
        );
    }
    let message = &message.replace("$__toml_private_datetime", "日期");
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return (
            path.to_owned(),
            format!(
                "类型错误：应为{}，实际为{}",
                type_name(expected),
                type_name(found)
            ),
        );
    }
    (path.to_owned(), message.to_owned())
}

fn type_name(s: &str) -> String {
    let s = s.trim();
    let table = [
        ("a string or an array of strings", "字符串或字符串数组"),
        ("a column title", "列名字符串或 { title, width } 表"),
        ("a string", "字符串"),
        ("string", "字符串"),
        ("a sequence", "数组"),
        ("sequence", "数组"),
        ("a boolean", "布尔值（true/false）"),
        ("boolean", "布尔值"),
        ("integer", "整数"),
        ("i32", "整数"),
        ("u32", "非负整数"),
        ("f64", "数字"),
        ("floating point", "小数"),
        ("a map", "表"),
        ("map", "表"),
        ("struct", "表"),
        ("a TOML datetime", "日期"),
        ("a datetime", "日期"),
    ];
    for (en, zh) in table {
        if let Some(rest) = s.strip_prefix(en) {
            // The value found (a quoted string, a number) is kept; serde's type names
            // (`struct Section`, `i32`) are not shown to the user.
            let rest = rest.trim();
            let value =
                rest.starts_with('"') || rest.starts_with(|c: char| c.is_ascii_digit() || c == '-');
            return if value {
                format!("{zh}（{rest}）")
            } else {
                zh.to_owned()
            };
        }
    }
    s.to_owned()
}

/// The candidate nearest to `key` by edit distance (a swap of two letters counts once:
/// emial → email), if it is plausibly a misspelling.
fn closest<'a>(key: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::damerau_levenshtein(key, c), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    #[test]
    fn type_errors_name_chinese_types_without_serde_s_english_names() {
        let (_, m) = translate(
            "sections[0]",
            "invalid type: string \"正文\", expected struct Section",
        );
        assert_eq!(m, "类型错误：应为表，实际为字符串（\"正文\"）");
        let (_, m) = translate("year", "invalid type: string \"x\", expected i32");
        assert_eq!(m, "类型错误：应为整数，实际为字符串（\"x\"）");
        let (_, m) = translate("title", "invalid type: integer `5`, expected a string");
        assert!(!m.contains("struct") && !m.contains("expected"), "{m}");
    }

    use super::*;

    #[test]
    fn a_gbk_or_utf16_spec_is_read_and_said_and_garbage_is_refused_in_chinese() {
        let dir = tempfile::tempdir().unwrap();
        let gbk = dir.path().join("gbk.toml");
        // 标题 in GBK (Notepad's 「ANSI」 on a Chinese system).
        std::fs::write(&gbk, b"kind = \"notice\"\ntitle = \"\xb1\xea\xcc\xe2\"\n").unwrap();
        assert!(read(&gbk).unwrap().contains("title = \"标题\""));
        let warning = encoding_warning(&gbk).expect("said").message;
        assert!(warning.contains("GB18030"), "{warning}");
        // UTF-16 with its byte-order mark, both byte orders.
        let text = "kind = \"notice\"\ntitle = \"标题\"\n";
        for enc in [encoding_rs::UTF_16LE, encoding_rs::UTF_16BE] {
            let path = dir.path().join("u16.toml");
            std::fs::write(&path, encode(text, Some(enc))).unwrap();
            assert_eq!(read(&path).unwrap(), text);
            assert_eq!(encoding_of(&path), Some(enc));
        }
        // Written back the way it was read.
        assert_eq!(
            encode("标题", Some(encoding_rs::GB18030)),
            b"\xb1\xea\xcc\xe2"
        );
        assert!(encoding_warning(&dir.path().join("none.toml")).is_none());
        // Bytes that are no text in any of them (a Word 97 .doc's header) are refused.
        let doc = dir.path().join("x.toml");
        std::fs::write(
            &doc,
            [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0xFF, 0xFF],
        )
        .unwrap();
        let err = read(&doc).unwrap_err().to_string();
        assert!(err.contains("另存为 UTF-8"), "{err}");
    }

    #[test]
    fn a_spec_larger_than_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.toml");
        std::fs::write(&big, vec![b'#'; MAX_SPEC_BYTES as usize + 1]).unwrap();
        let err = read(&big).unwrap_err().to_string();
        assert!(err.contains("超过上限 2 MB"), "{err}");
    }

    #[test]
    fn misspelt_key_suggests_the_right_one() {
        let (field, msg) = translate(
            ".",
            "unknown field `recipient`, expected one of `kind`, `title`, `recipients`",
        );
        assert_eq!(field, "recipient");
        assert!(msg.contains("是否想写 `recipients`"), "{msg}");
        let (_, m) = translate(
            "office",
            "unknown field `emial`, expected one of `serial`, `email`",
        );
        assert!(m.contains("是否想写 `email`"), "{m}");
    }
}
