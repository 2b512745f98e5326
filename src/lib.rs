//! `gongwen`: Chinese official documents (公文) laid out to GB/T 9704-2012.
//!
//! The pipeline: [`spec`] (TOML → validated spec) → [`compose`] (spec → [`model`]) →
//! [`render`] (model → PDF via typst, model → DOCX) and [`ofd`] (the same layout → OFD).
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
pub mod ofd;
pub mod output;
pub mod package;
pub mod render;
pub mod serve;
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

/// One output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// PDF: print-ready, from the typst layout.
    Pdf,
    /// DOCX: editable (Word, WPS, LibreOffice).
    Docx,
    /// OFD (GB/T 33190, 版式文档): for the 公文传输系统 and archives, from the same layout as
    /// the PDF.
    Ofd,
}

impl Format {
    /// Every format, in the order files are written.
    pub const ALL: [Format; 3] = [Format::Pdf, Format::Docx, Format::Ofd];

    /// The file extension (and the name on the command line).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Docx => "docx",
            Format::Ofd => "ofd",
        }
    }
}

/// Which files a render writes: a set of [`Format`]s, parsed from a comma list such as
/// `pdf,docx,ofd`; `all` means PDF and DOCX (as it always has), the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pdf: bool,
    docx: bool,
    ofd: bool,
}

impl Formats {
    /// `all`: PDF and DOCX (the default; OFD is asked for by name).
    pub const ALL: Formats = Formats {
        pdf: true,
        docx: true,
        ofd: false,
    };

    /// No format at all.
    pub const NONE: Formats = Formats {
        pdf: false,
        docx: false,
        ofd: false,
    };

    /// This set with `format` added.
    pub fn with(mut self, format: Format) -> Self {
        match format {
            Format::Pdf => self.pdf = true,
            Format::Docx => self.docx = true,
            Format::Ofd => self.ofd = true,
        }
        self
    }

    /// Whether `format` is in the set.
    pub fn contains(self, format: Format) -> bool {
        match format {
            Format::Pdf => self.pdf,
            Format::Docx => self.docx,
            Format::Ofd => self.ofd,
        }
    }

    /// Whether the set needs the typst layout (PDF or OFD).
    pub fn needs_layout(self) -> bool {
        self.pdf || self.ofd
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::ALL
    }
}

impl From<Format> for Formats {
    fn from(format: Format) -> Self {
        Formats::NONE.with(format)
    }
}

impl std::str::FromStr for Formats {
    type Err = String;

    /// `pdf`, `docx`, `ofd`, `all`, or a comma list of them (`pdf,ofd`).
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let mut set = Formats::NONE;
        for word in s.split(',').map(str::trim) {
            set = match word.to_ascii_lowercase().as_str() {
                "all" => set.with(Format::Pdf).with(Format::Docx),
                "pdf" => set.with(Format::Pdf),
                "docx" => set.with(Format::Docx),
                "ofd" => set.with(Format::Ofd),
                _ => {
                    return Err(format!(
                        "未知的输出格式“{word}”：可选 pdf、docx、ofd，可用逗号连写（如 pdf,ofd）；all 表示 pdf,docx"
                    ))
                }
            };
        }
        Ok(set)
    }
}

/// One rendered document: the bytes of each requested format.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// PDF bytes.
    pub pdf: Option<Vec<u8>>,
    /// DOCX bytes.
    pub docx: Option<Vec<u8>>,
    /// OFD bytes.
    pub ofd: Option<Vec<u8>>,
    /// Pages of the layout (0 when neither PDF nor OFD was made).
    pub pages: usize,
}

impl Rendered {
    /// The files made, as (extension, bytes), in the order PDF, DOCX, OFD.
    pub fn into_files(self) -> Vec<(&'static str, Vec<u8>)> {
        [
            (Format::Pdf, self.pdf),
            (Format::Docx, self.docx),
            (Format::Ofd, self.ofd),
        ]
        .into_iter()
        .filter_map(|(f, bytes)| bytes.map(|b| (f.extension(), b)))
        .collect()
    }
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
        let (spec, mut warnings) = self
            .check_source_for_year(&source, path, year)?
            .into_result()?;
        warnings.extend(spec::encoding_warning(path));
        Ok((compose::compose(&spec), warnings))
    }

    /// Lays a composed document out.
    pub fn typeset(&self, doc: &model::Document) -> Result<typst_layout::PagedDocument> {
        let _watch = self
            .time_limit
            .map(|limit| budget::Watch::start(limit, format!("《{}》", doc.meta.title)));
        render::pdf::typeset(
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

    /// Renders a composed document in the formats asked for, in memory: PDF and OFD are
    /// written from one layout, DOCX from the model with its 版记 placed as that layout placed it.
    pub fn render(
        &self,
        doc: &model::Document,
        formats: impl Into<Formats>,
        pdf: render::pdf::PdfSettings,
    ) -> Result<Rendered> {
        let formats = formats.into();
        let mut out = Rendered::default();
        // The DOCX follows the layout too: its 版记 goes where the PDF's went.
        let paged = self.typeset(doc)?;
        out.pages = paged.pages().len();
        if formats.contains(Format::Pdf) {
            out.pdf = Some(render::pdf::write(&paged, doc, pdf)?);
        }
        if formats.contains(Format::Ofd) {
            out.ofd = Some(ofd::write(&paged, doc)?);
        }
        if formats.contains(Format::Docx) {
            let placement = render::pdf::placement(&paged);
            out.docx = Some(render::docx::write_laid_out(doc, &placement)?);
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_read_from_a_comma_list_and_all_means_pdf_and_docx() {
        let f: Formats = "pdf,docx,ofd".parse().unwrap();
        assert!(Format::ALL.iter().all(|&x| f.contains(x)));
        let all: Formats = "all".parse().unwrap();
        assert_eq!(all, Formats::ALL);
        assert!(all.contains(Format::Pdf) && all.contains(Format::Docx));
        assert!(!all.contains(Format::Ofd));
        assert_eq!(Formats::default(), Formats::ALL);
        let ofd: Formats = " OFD ".parse().unwrap();
        assert_eq!(ofd, Formats::from(Format::Ofd));
        assert!(ofd.needs_layout());
        assert!(!Formats::from(Format::Docx).needs_layout());
        let err = "pdf,xps".parse::<Formats>().unwrap_err();
        assert!(err.contains("未知的输出格式“xps”"), "{err}");
        assert!("".parse::<Formats>().is_err());
    }

    #[test]
    fn rendered_files_come_in_the_order_pdf_docx_ofd() {
        let r = Rendered {
            pdf: Some(vec![1]),
            docx: None,
            ofd: Some(vec![3]),
            pages: 1,
        };
        assert_eq!(r.into_files(), vec![("pdf", vec![1]), ("ofd", vec![3])]);
    }
}
