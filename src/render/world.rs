//! A small `typst::World`: fonts from a shared [`FontSet`], templates and one JSON data file.
//!
//! Only the template files, `data.json` and the seal images exist in this world; any other path, including
//! one that climbs out of the template directory, is "not found".

use crate::fonts::FontSet;
use crate::render::templates::Templates;
use chrono::Datelike;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

/// The standard library the templates run against, built once per process.
pub fn library() -> LazyHash<Library> {
    use typst::LibraryExt;
    LazyHash::new(Library::builder().build())
}

/// Name of the virtual data file the templates read with `json("data.json")`.
pub const DATA_FILE: &str = "data.json";

/// One compilation: a main template, its imports, the document data.
pub struct GongwenWorld<'a> {
    library: &'a LazyHash<Library>,
    fonts: &'a FontSet,
    templates: &'a Templates,
    main: FileId,
    data: Bytes,
    files: Vec<(String, Bytes)>,
    today: chrono::NaiveDate,
}

/// The id of a file at the project root.
fn file_id(name: &str) -> FileId {
    let vpath = VirtualPath::new(format!("/{name}")).expect("template names are valid paths");
    RootedPath::new(VirtualRoot::Project, vpath).intern()
}

impl<'a> GongwenWorld<'a> {
    /// A world whose main file is the template `main`, whose data is `data` (JSON) and which
    /// holds `files` beside it (the seal images).
    pub fn new(
        library: &'a LazyHash<Library>,
        fonts: &'a FontSet,
        templates: &'a Templates,
        main: &str,
        data: Vec<u8>,
        files: Vec<(String, Bytes)>,
        today: chrono::NaiveDate,
    ) -> Self {
        Self {
            library,
            fonts,
            templates,
            main: file_id(main),
            data: Bytes::new(data),
            files,
            today,
        }
    }

    fn name(id: FileId) -> FileResult<String> {
        let path = id.get();
        if !matches!(path.root(), VirtualRoot::Project) {
            return Err(FileError::AccessDenied);
        }
        Ok(path.vpath().get_without_slash().to_owned())
    }
}

impl World for GongwenWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let name = Self::name(id)?;
        self.templates
            .source(&name, id)
            .ok_or_else(|| FileError::NotFound(name.into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let name = Self::name(id)?;
        if name == DATA_FILE {
            return Ok(self.data.clone());
        }
        if let Some((_, bytes)) = self.files.iter().find(|(n, _)| *n == name) {
            return Ok(bytes.clone());
        }
        self.templates
            .get(&name)
            .map(|t| Bytes::new(t.as_bytes().to_vec()))
            .ok_or_else(|| FileError::NotFound(name.into()))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Datetime::from_ymd(
            self.today.year(),
            self.today.month() as u8,
            self.today.day() as u8,
        )
    }
}
