//! `gongwen`: Chinese official documents (公文) laid out to GB/T 9704-2012.
//!
//! The pipeline: [`spec`] (TOML → validated spec) → [`compose`] (spec → [`model`]) →
//! [`render`] (model → PDF via typst, model → DOCX). [`gbt9704`] holds the standard's numbers.

#![warn(missing_docs)]

pub mod calendar;
pub mod compose;
pub mod derive;
pub mod error;
pub mod fonts;
pub mod gbt9704;
pub mod import;
pub mod model;
pub mod output;
pub mod render;
pub mod spec;

pub use error::{Diagnostic, Error, Result};

use fonts::FontSet;
use render::templates::Templates;
use std::path::{Path, PathBuf};

/// Generations typst's memoization keeps between documents (bounded memory in long runs).
const CACHE_GENERATIONS: usize = 4;

/// Loaded fonts, templates and the typst library, shared by every document a process renders.
pub struct Engine {
    /// The fonts.
    pub fonts: FontSet,
    /// The templates.
    pub templates: Templates,
    /// The typst standard library.
    library: typst::utils::LazyHash<typst::Library>,
}

/// How an [`Engine`] is set up.
#[derive(Debug, Clone, Default)]
pub struct EngineOptions {
    /// Extra font directories (`--font-path`).
    pub font_paths: Vec<PathBuf>,
    /// Skip the system's official fonts (reproducible output on any machine).
    pub no_system_fonts: bool,
    /// A directory of templates overriding the embedded ones (`--templates`).
    pub templates: Option<PathBuf>,
}

/// Which files a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// PDF only.
    Pdf,
    /// DOCX only.
    Docx,
    /// PDF and DOCX.
    #[default]
    All,
}

/// One rendered document: the bytes of each requested format.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// PDF bytes.
    pub pdf: Option<Vec<u8>>,
    /// DOCX bytes.
    pub docx: Option<Vec<u8>>,
    /// Pages of the PDF (0 when no PDF was made).
    pub pages: usize,
}

impl Engine {
    /// Loads fonts and templates.
    pub fn new(options: &EngineOptions) -> Result<Self> {
        let templates = match &options.templates {
            Some(dir) => Templates::with_overrides(dir)?,
            None => Templates::embedded(),
        };
        Ok(Self {
            fonts: FontSet::load(&options.font_paths, !options.no_system_fonts),
            templates,
            library: render::world::library(),
        })
    }

    /// Checks spec text with every rule, glyph coverage by this engine's fonts included.
    pub fn check_source(&self, source: &str, path: &Path) -> Result<spec::Report> {
        self.check_source_for_year(source, path, None)
    }

    /// [`Engine::check_source`], the spec first moved to campaign year `year` (`--year`).
    pub fn check_source_for_year(
        &self,
        source: &str,
        path: &Path,
        year: Option<i32>,
    ) -> Result<spec::Report> {
        let options = spec::Options {
            fonts: Some(&self.fonts),
            year,
        };
        spec::check(source, path, options)
    }

    /// Reads, checks and composes a spec file, moved to campaign year `year` if given: the
    /// document and the warnings about it.
    pub fn load(
        &self,
        path: &Path,
        year: Option<i32>,
    ) -> Result<(model::Document, Vec<Diagnostic>)> {
        let source = spec::read(path)?;
        let (spec, warnings) = self
            .check_source_for_year(&source, path, year)?
            .into_result()?;
        Ok((compose::compose(&spec), warnings))
    }

    /// Lays a composed document out.
    pub fn typeset(&self, doc: &model::Document) -> Result<typst_layout::PagedDocument> {
        render::pdf::typeset(
            doc,
            &self.library,
            &self.fonts,
            &self.templates,
            "notice.typ",
        )
    }

    /// Renders a composed document to PDF, in memory.
    pub fn render(
        &self,
        doc: &model::Document,
        format: Format,
        pdf: render::pdf::PdfSettings,
    ) -> Result<Rendered> {
        let mut out = Rendered::default();
        // The DOCX follows the layout too: its 版记 goes where the PDF's went.
        let paged = self.typeset(doc)?;
        if matches!(format, Format::Pdf | Format::All) {
            out.pages = paged.pages().len();
            out.pdf = Some(render::pdf::write(&paged, doc, pdf)?);
        }
        if matches!(format, Format::Docx | Format::All) {
            let own_page = render::pdf::colophon_on_own_page(&paged);
            out.docx = Some(render::docx::write_laid_out(doc, own_page)?);
        }
        // Keep typst's memo cache from growing with every document of a long run.
        typst::comemo::evict(CACHE_GENERATIONS);
        Ok(out)
    }
}

/// Reads, validates and composes a spec file (without the glyph-coverage rule, which needs an
/// [`Engine`]'s fonts).
pub fn load(path: &Path) -> Result<model::Document> {
    let spec = spec::load(path)?;
    Ok(compose::compose(&spec))
}
