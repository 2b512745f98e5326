//! `gongwen`: Chinese official documents (公文) laid out to GB/T 9704-2012.
//!
//! The pipeline: [`import`] (received files → spec) → [`spec`] (TOML → validated spec) →
//! ([`derive`]) → [`compose`] (spec → [`model`]) → [`render`] (one typst layout → PDF, OFD,
//! DOCX, through the registry of formats in [`render::format`]).
//! [`gbt9704`] holds the standard's numbers. Both front ends — the CLI and the local web app
//! ([`serve`]) — call the library API in [`app`].

#![warn(missing_docs)]

pub mod app;
pub mod budget;
pub mod calendar;
pub mod compose;
pub mod derive;
pub mod error;
pub mod fonts;
pub mod gbt9704;
pub mod import;
pub mod model;
pub mod output;
pub mod package;
pub mod render;
pub mod serve;
pub mod spec;

pub use error::{Diagnostic, Error, Result};
pub use render::format::{Format, Formats, Rendered};

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
    /// Longest time one document's layout may take (none: no limit).
    time_limit: Option<std::time::Duration>,
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
    /// Stop the run when one document's layout takes longer than this many seconds
    /// (`--time-limit`; none: no limit, as in a library or a server).
    pub time_limit: Option<u64>,
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
            time_limit: options.time_limit.map(std::time::Duration::from_secs),
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
            upstream: None,
        };
        spec::check(source, path, options)
    }

    /// [`Engine::check_source`] with a derived draft's upstream read by `upstream` (the web
    /// app reads it inside its workspace, not where the draft's text points).
    pub fn check_source_with(
        &self,
        source: &str,
        path: &Path,
        upstream: &spec::UpstreamReader,
    ) -> Result<spec::Report> {
        let options = spec::Options {
            fonts: Some(&self.fonts),
            year: None,
            upstream: Some(upstream),
        };
        spec::check(source, path, options)
    }

    /// Reads, checks and composes a spec file, moved to campaign year `year` if given, with
    /// the seal images it names: the document and the warnings about it.
    pub fn load(
        &self,
        path: &Path,
        year: Option<i32>,
    ) -> Result<(model::Document, Vec<Diagnostic>)> {
        self.fonts.warm();
        let source = spec::read(path)?;
        let (spec, mut warnings) = self
            .check_source_for_year(&source, path, year)?
            .into_result()?;
        warnings.extend(spec::encoding_warning(path));
        let mut doc = compose::compose(&spec);
        warnings.extend(render::seal::attach(&mut doc, path, &[], &self.fonts)?);
        Ok((doc, warnings))
    }

    /// Lays a composed document out.
    pub fn typeset(&self, doc: &model::Document) -> Result<typst_layout::PagedDocument> {
        self.typeset_passes(doc).map(|(paged, _)| paged)
    }

    /// [`Engine::typeset`], with the layout passes it took and why each ran.
    pub fn typeset_passes(
        &self,
        doc: &model::Document,
    ) -> Result<(typst_layout::PagedDocument, Vec<render::layout::Pass>)> {
        self.fonts.warm();
        let _watch = self
            .time_limit
            .map(|limit| budget::Watch::start(limit, format!("《{}》", doc.meta.title)));
        render::layout::typeset_passes(
            doc,
            &self.library,
            &self.fonts,
            &self.templates,
            "notice.typ",
        )
    }

    /// Lets typst's memo cache forget all but the last few documents (call after each document
    /// of a long-running process: bounded memory, warm re-renders kept).
    pub fn evict_caches(&self) {
        typst::comemo::evict(CACHE_GENERATIONS);
    }

    /// Lets typst's memo cache keep only what the last document laid out used (after a burst
    /// of documents: the memory of the others given back, the last one still warm).
    pub fn evict_caches_but_the_last(&self) {
        // Results the last document used are one eviction old (its own), the rest older.
        typst::comemo::evict(2);
    }

    /// Renders a composed document in the formats asked for, in memory: PDF and OFD are
    /// written from one layout, DOCX from the model with its 版记 placed as that layout placed it.
    pub fn render(
        &self,
        doc: &model::Document,
        formats: impl Into<Formats>,
        pdf: render::pdf::PdfSettings,
    ) -> Result<Rendered> {
        let paged = self.typeset(doc)?;
        let laid = render::format::Laid {
            doc,
            paged: &paged,
            pdf,
        };
        let out = Rendered {
            files: render::format::write_all(&laid, formats.into())?,
            pages: paged.pages().len(),
        };
        // Keep typst's memo cache from growing with every document of a long run.
        self.evict_caches();
        Ok(out)
    }
}

/// Reads, validates and composes a spec file (without the glyph-coverage rule, which needs an
/// [`Engine`]'s fonts).
pub fn load(path: &Path) -> Result<model::Document> {
    let spec = spec::load(path)?;
    Ok(compose::compose(&spec))
}
