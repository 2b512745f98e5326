//! Writing corrections back into a spec file, keeping its comments and layout.

use super::conventions::Fix;
use crate::error::{Error, Result};
use std::path::Path;
use toml_edit::{DocumentMut, Item, Value};

/// The spec text with every fix applied; comments, order and formatting stay as written.
pub fn apply_fixes(source: &str, path: &Path, fixes: &[Fix]) -> Result<String> {
    let mut doc: DocumentMut = source
        .parse()
        .map_err(|e: toml_edit::TomlError| Error::Typeset(format!("{}: {e}", path.display())))?;
    for fix in fixes.iter().filter(|f| !f.field.contains('[')) {
        let mut item: &mut Item = doc.as_item_mut();
        for key in fix.field.split('.') {
            item = &mut item[key];
        }
        if let Some(value) = item.as_value_mut() {
            let decor = value.decor().clone();
            let mut new = Value::from(fix.value.as_str());
            *new.decor_mut() = decor;
            *value = new;
        }
    }
    Ok(doc.to_string())
}

/// `fix` (computed on the spec with its variables expanded) as a fix of the text as written
/// (`written` and `expanded`: each field's text before and after expansion). A field without
/// variables takes the fix as it is; one with variables only when the fix trims characters off
/// an end that the written text has too (`关于开展{year}年…的通知。` loses its `。`).
pub fn onto_written(
    fix: Fix,
    written: &[(String, String)],
    expanded: &[(String, String)],
) -> Option<Fix> {
    let text = |all: &[(String, String)]| {
        all.iter()
            .find(|(f, _)| *f == fix.field)
            .map(|(_, t)| t.clone())
    };
    let Some(raw) = text(written) else {
        return Some(fix);
    };
    if !raw.contains('{') {
        return Some(fix);
    }
    let full = text(expanded)?;
    let value = if let Some(cut) = full.strip_prefix(fix.value.as_str()) {
        raw.strip_suffix(cut)?.to_owned()
    } else if let Some(cut) = full.strip_suffix(fix.value.as_str()) {
        raw.strip_prefix(cut)?.to_owned()
    } else {
        return None;
    };
    (value != raw && !value.is_empty()).then_some(Fix { value, ..fix })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_trimming_fix_is_carried_onto_text_with_variables() {
        let field = |t: &str| vec![("title".to_owned(), t.to_owned())];
        let fix = |v: &str| Fix {
            field: "title".into(),
            value: v.into(),
        };
        let written = field("关于开展{year}年宣传周活动的通知。");
        let expanded = field("关于开展2026年宣传周活动的通知。");
        let carried = onto_written(fix("关于开展2026年宣传周活动的通知"), &written, &expanded);
        assert_eq!(carried.unwrap().value, "关于开展{year}年宣传周活动的通知");
        // A fix inside the text would lose the variable: not carried.
        let inside = onto_written(fix("关于开展2026年宣传周活动通知。"), &written, &expanded);
        assert!(inside.is_none());
        // Text without variables takes the fix as it is.
        let plain = field("关于X的通知。");
        assert_eq!(
            onto_written(fix("关于X的通知"), &plain, &plain)
                .unwrap()
                .value,
            "关于X的通知"
        );
    }

    #[test]
    fn fix_rewrites_the_value_and_keeps_comments() {
        let src = "# 上海市知识产权局\ntitle = \"t\"\n[header]\n# 发文字号\ndoc_number = \"沪知联办[2025]2号\"  # 原件写法\n";
        let fixes = [Fix {
            field: "header.doc_number".into(),
            value: "沪知联办〔2025〕2号".into(),
        }];
        let out = apply_fixes(src, Path::new("x.toml"), &fixes).unwrap();
        assert_eq!(
            out,
            "# 上海市知识产权局\ntitle = \"t\"\n[header]\n# 发文字号\ndoc_number = \"沪知联办〔2025〕2号\"  # 原件写法\n"
        );
    }
}
