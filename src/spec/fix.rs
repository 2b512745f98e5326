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

#[cfg(test)]
mod tests {
    use super::*;

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
