//! The campaign spec: TOML in, a validated [`Spec`] out, or diagnostics that name the place.

mod locate;
mod schema;
mod validate;

pub use schema::*;

use crate::error::{Diagnostic, Error, Result};
use std::path::Path;

/// Reads and validates a spec file.
pub fn load(path: &Path) -> Result<Spec> {
    let source = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_owned(),
        source,
    })?;
    parse(&source, path)
}

/// Parses and validates spec text; `path` is only used in the messages.
pub fn parse(source: &str, path: &Path) -> Result<Spec> {
    let located = |field: String, offset: Option<usize>, message: String| {
        let (line, column) = offset.map_or((0, 0), |o| locate::line_col(source, o));
        Diagnostic {
            file: path.to_owned(),
            line,
            column,
            field,
            message,
        }
    };
    let de = toml::Deserializer::parse(source).map_err(|e| {
        Error::Spec(vec![located(
            String::new(),
            e.span().map(|s| s.start),
            format!("TOML 语法错误：{}", e.message().trim()),
        )])
    })?;
    let spec: Spec = serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        let (field, message) = translate(&field, inner.message());
        let offset = inner
            .span()
            .map(|s| s.start)
            .or_else(|| locate::offset_of(source, &field));
        Error::Spec(vec![located(field, offset, message)])
    })?;
    let problems = validate::check(&spec);
    if problems.is_empty() {
        Ok(spec)
    } else {
        Err(Error::Spec(
            problems
                .into_iter()
                .map(|p| {
                    let offset = locate::offset_of(source, &p.field);
                    located(p.field, offset, p.message)
                })
                .collect(),
        ))
    }
}

/// Turns serde's English messages into Chinese ones, with a hint for misspelt keys.
fn translate(path: &str, message: &str) -> (String, String) {
    let path = if path == "." { "" } else { path };
    let join = |key: &str| {
        if path.is_empty() {
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
        if s.starts_with(en) {
            return format!("{zh}（{s}）");
        }
    }
    s.to_owned()
}

/// The candidate nearest to `key` by edit distance, if it is plausibly a misspelling.
fn closest<'a>(key: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (edit_distance(key, c), *c))
        .filter(|(d, c)| *d <= (c.len() / 3).max(2))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspelt_key_suggests_the_right_one() {
        let (field, msg) = translate(
            ".",
            "unknown field `recipient`, expected one of `kind`, `title`, `recipients`",
        );
        assert_eq!(field, "recipient");
        assert!(msg.contains("是否想写 `recipients`"), "{msg}");
    }
}
