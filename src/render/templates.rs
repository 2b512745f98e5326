//! The Typst templates: embedded at build time, overridable from a directory.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;
use typst::syntax::{FileId, Source};

/// The templates shipped in `templates/`.
const EMBEDDED: &[(&str, &str)] = &[
    ("gongwen.typ", include_str!("../../templates/gongwen.typ")),
    ("notice.typ", include_str!("../../templates/notice.typ")),
    (
        "page-numbers.typ",
        include_str!("../../templates/page-numbers.typ"),
    ),
];

/// A template larger than this is refused (templates are a few KB).
const TEMPLATE_MAX_BYTES: u64 = 4 << 20;

/// A set of template files by name, parsed once and shared by every compilation.
#[derive(Debug)]
pub struct Templates {
    files: BTreeMap<String, String>,
    parsed: Mutex<BTreeMap<String, Source>>,
}

impl Templates {
    /// The embedded templates.
    pub fn embedded() -> Self {
        Self {
            files: EMBEDDED
                .iter()
                .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
                .collect(),
            parsed: Mutex::default(),
        }
    }

    /// The embedded templates, with every `*.typ` file of `dir` replacing or adding to them.
    /// Only regular files directly in `dir` are read: a link leading outside `dir` is refused
    /// (it could hand any file of the machine to a template), and so is a file too large to be
    /// a template.
    pub fn with_overrides(dir: &Path) -> Result<Self> {
        let mut set = Self::embedded();
        let io = |path: &Path, source| Error::Io {
            path: path.to_owned(),
            source,
        };
        let root = std::fs::canonicalize(dir).map_err(|e| io(dir, e))?;
        for entry in std::fs::read_dir(dir).map_err(|e| io(dir, e))? {
            let path = entry.map_err(|e| io(dir, e))?.path();
            if path.extension().is_none_or(|e| e != "typ") {
                continue;
            }
            let refused =
                |why: &str| Error::Typeset(format!("模板 {} {why}，已拒绝使用", path.display()));
            let real = std::fs::canonicalize(&path).map_err(|e| io(&path, e))?;
            if real.parent() != Some(root.as_path()) {
                return Err(refused("指向模板文件夹以外的文件"));
            }
            let meta = std::fs::metadata(&real).map_err(|e| io(&path, e))?;
            if !meta.is_file() {
                return Err(refused("不是普通文件"));
            }
            if meta.len() > TEMPLATE_MAX_BYTES {
                return Err(refused("超过 4 MB，不像是模板"));
            }
            let text = std::fs::read_to_string(&real).map_err(|e| io(&path, e))?;
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            set.files.insert(name, text);
        }
        Ok(set)
    }

    /// The parsed source of a template (parsed on first use).
    pub fn source(&self, name: &str, id: FileId) -> Option<Source> {
        let mut parsed = self.parsed.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(s) = parsed.get(name) {
            return Some(s.clone());
        }
        let source = Source::new(id, self.get(name)?.to_owned());
        parsed.insert(name.to_owned(), source.clone());
        Some(source)
    }

    /// The text of a template.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.files.get(name).map(String::as_str)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_template_link_to_a_file_outside_the_folder_is_refused() {
        let outside = tempfile::tempdir().unwrap();
        let secret = outside.path().join("secret.typ");
        std::fs::write(&secret, "secret").unwrap();
        let dir = tempfile::tempdir().unwrap();
        std::os::unix::fs::symlink(&secret, dir.path().join("leak.typ")).unwrap();
        let err = Templates::with_overrides(dir.path())
            .unwrap_err()
            .to_string();
        assert!(err.contains("leak.typ") && err.contains("以外"), "{err}");
    }

    #[test]
    fn a_template_in_the_folder_overrides_the_embedded_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("notice.typ"), "// local").unwrap();
        let set = Templates::with_overrides(dir.path()).unwrap();
        assert_eq!(set.get("notice.typ"), Some("// local"));
    }
}
