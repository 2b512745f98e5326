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
];

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
    /// Only files directly in `dir` are visible to the templates; nothing outside it is.
    pub fn with_overrides(dir: &Path) -> Result<Self> {
        let mut set = Self::embedded();
        let io = |source| Error::Io {
            path: dir.to_owned(),
            source,
        };
        for entry in std::fs::read_dir(dir).map_err(io)? {
            let path = entry.map_err(io)?.path();
            if path.extension().is_some_and(|e| e == "typ") && path.is_file() {
                let text = std::fs::read_to_string(&path).map_err(|source| Error::Io {
                    path: path.clone(),
                    source,
                })?;
                let name = path
                    .file_name()
                    .unwrap_or_default()
                    .to_string_lossy()
                    .into_owned();
                set.files.insert(name, text);
            }
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
