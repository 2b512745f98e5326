//! The one registry of output formats: a row per format names its extension, its label, its
//! media type, whether `all` includes it and the writer that makes it from the shared layout.
//! The command line, the web app's download menu and [`crate::Engine::render`] read this table;
//! a new format is a row here and its writer.

use super::pdf::PdfSettings;
use crate::error::Result;
use crate::model::Document;
use typst_layout::PagedDocument;

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

/// What every writer is given: the document and its one layout.
pub struct Laid<'a> {
    /// The composed document.
    pub doc: &'a Document,
    /// Its typst layout.
    pub paged: &'a PagedDocument,
    /// How the PDF is written.
    pub pdf: PdfSettings,
}

/// One row of the registry.
pub struct FormatRow {
    /// The format.
    pub format: Format,
    /// File extension and its name on the command line and in the web app's requests.
    pub extension: &'static str,
    /// The name shown to users (下载 PDF …).
    pub label: &'static str,
    /// The HTTP media type of a download.
    pub media_type: &'static str,
    /// Whether `all` (the default) writes it.
    pub in_all: bool,
    /// The writer.
    pub write: fn(&Laid) -> Result<Vec<u8>>,
}

/// Every format, in the order files are written.
pub static FORMATS: &[FormatRow] = &[
    FormatRow {
        format: Format::Pdf,
        extension: "pdf",
        label: "PDF",
        media_type: "application/pdf",
        in_all: true,
        write: |l| super::pdf::write(l.paged, l.doc, l.pdf),
    },
    FormatRow {
        format: Format::Docx,
        extension: "docx",
        label: "DOCX",
        media_type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        in_all: true,
        write: |l| {
            let placement = super::layout::placement(l.paged);
            super::docx::write_laid_out(l.doc, &placement)
        },
    },
    FormatRow {
        format: Format::Ofd,
        extension: "ofd",
        label: "OFD",
        media_type: "application/ofd",
        in_all: false,
        write: |l| super::ofd::write(l.paged, l.doc),
    },
];

impl Format {
    /// The format's row of [`FORMATS`].
    pub fn row(self) -> &'static FormatRow {
        &FORMATS[self.index()]
    }

    /// Every format, in the order files are written.
    pub fn all() -> impl Iterator<Item = Format> {
        FORMATS.iter().map(|r| r.format)
    }

    /// The format whose extension is `ext` (any case).
    pub fn from_extension(ext: &str) -> Option<Format> {
        Format::all().find(|f| f.extension().eq_ignore_ascii_case(ext.trim()))
    }

    /// The file extension (and the name on the command line).
    pub fn extension(self) -> &'static str {
        self.row().extension
    }

    /// The format's place in the registry.
    fn index(self) -> usize {
        FORMATS
            .iter()
            .position(|r| r.format == self)
            .expect("every format has its row")
    }
}

/// Which files a render writes: a set of [`Format`]s, parsed from a comma list such as
/// `pdf,docx,ofd`; `all` means the formats marked `in_all` (PDF and DOCX), the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats(u32);

impl Formats {
    /// No format at all.
    pub const NONE: Formats = Formats(0);

    /// `all`: the formats the registry marks `in_all` (OFD is asked for by name).
    pub fn all() -> Formats {
        FORMATS
            .iter()
            .filter(|r| r.in_all)
            .fold(Formats::NONE, |set, r| set.with(r.format))
    }

    /// This set with `format` added.
    pub fn with(self, format: Format) -> Self {
        Formats(self.0 | 1 << format.index())
    }

    /// Whether `format` is in the set.
    pub fn contains(self, format: Format) -> bool {
        self.0 & 1 << format.index() != 0
    }

    /// The formats of the set, in the order files are written.
    pub fn iter(self) -> impl Iterator<Item = Format> {
        Format::all().filter(move |&f| self.contains(f))
    }
}

impl Default for Formats {
    fn default() -> Self {
        Self::all()
    }
}

impl From<Format> for Formats {
    fn from(format: Format) -> Self {
        Formats::NONE.with(format)
    }
}

impl std::str::FromStr for Formats {
    type Err = String;

    /// A format's extension, `all`, or a comma list of them (`pdf,ofd`).
    fn from_str(s: &str) -> std::result::Result<Self, String> {
        let mut set = Formats::NONE;
        for word in s.split(',').map(str::trim) {
            set = if word.eq_ignore_ascii_case("all") {
                Formats(set.0 | Formats::all().0)
            } else {
                set.with(Format::from_extension(word).ok_or_else(|| unknown(word))?)
            };
        }
        Ok(set)
    }
}

/// The message for an unknown format name, listing the registry's.
fn unknown(word: &str) -> String {
    let names: Vec<_> = Format::all().map(Format::extension).collect();
    let all: Vec<_> = Formats::all().iter().map(Format::extension).collect();
    format!(
        "未知的输出格式“{word}”：可选 {}，可用逗号连写（如 {}）；all 表示 {}",
        names.join("、"),
        [names[0], names[names.len() - 1]].join(","),
        all.join(",")
    )
}

/// One rendered document: the bytes of each requested format.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The files made, in the registry's order.
    pub files: Vec<(Format, Vec<u8>)>,
    /// Pages of the layout.
    pub pages: usize,
}

impl Rendered {
    /// The bytes of `format`, if it was made.
    pub fn get(&self, format: Format) -> Option<&[u8]> {
        self.files
            .iter()
            .find(|(f, _)| *f == format)
            .map(|(_, b)| b.as_slice())
    }

    /// Takes the bytes of `format` out, if it was made.
    pub fn take(&mut self, format: Format) -> Option<Vec<u8>> {
        let i = self.files.iter().position(|(f, _)| *f == format)?;
        Some(self.files.remove(i).1)
    }

    /// The files made, as (extension, bytes), in the registry's order.
    pub fn into_files(self) -> Vec<(&'static str, Vec<u8>)> {
        self.files
            .into_iter()
            .map(|(f, b)| (f.extension(), b))
            .collect()
    }
}

/// Writes `laid` in every format of `formats`, in the registry's order: the first on this
/// thread, the others each on a thread of its own (they only read the layout), so that asking
/// for PDF, DOCX and OFD costs about the slowest writer, not the sum.
pub fn write_all(laid: &Laid, formats: Formats) -> Result<Vec<(Format, Vec<u8>)>> {
    let wanted: Vec<Format> = formats.iter().collect();
    let Some((&first, rest)) = wanted.split_first() else {
        return Ok(Vec::new());
    };
    std::thread::scope(|scope| {
        let others: Vec<_> = rest
            .iter()
            .map(|&f| (f, scope.spawn(move || (f.row().write)(laid))))
            .collect();
        let mut out = vec![(first, (first.row().write)(laid)?)];
        for (f, handle) in others {
            let bytes = handle
                .join()
                .unwrap_or_else(|p| std::panic::resume_unwind(p))?;
            out.push((f, bytes));
        }
        Ok(out)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_read_from_a_comma_list_and_all_means_pdf_and_docx() {
        let f: Formats = "pdf,docx,ofd".parse().unwrap();
        assert!(Format::all().all(|x| f.contains(x)));
        let all: Formats = "all".parse().unwrap();
        assert_eq!(all, Formats::all());
        assert!(all.contains(Format::Pdf) && all.contains(Format::Docx));
        assert!(!all.contains(Format::Ofd));
        assert_eq!(Formats::default(), Formats::all());
        let ofd: Formats = " OFD ".parse().unwrap();
        assert_eq!(ofd, Formats::from(Format::Ofd));
        let err = "pdf,xps".parse::<Formats>().unwrap_err();
        assert_eq!(
            err,
            "未知的输出格式“xps”：可选 pdf、docx、ofd，可用逗号连写（如 pdf,ofd）；all 表示 pdf,docx"
        );
        assert!("".parse::<Formats>().is_err());
    }

    #[test]
    fn rendered_files_come_in_the_registry_order_and_can_be_taken_one_by_one() {
        let mut r = Rendered {
            files: vec![(Format::Pdf, vec![1]), (Format::Ofd, vec![3])],
            pages: 1,
        };
        assert_eq!(r.get(Format::Ofd), Some(&[3u8][..]));
        assert_eq!(r.get(Format::Docx), None);
        assert_eq!(
            r.clone().into_files(),
            vec![("pdf", vec![1]), ("ofd", vec![3])]
        );
        assert_eq!(r.take(Format::Pdf), Some(vec![1]));
        assert_eq!(r.files.len(), 1);
    }

    #[test]
    fn every_format_has_a_distinct_extension_and_a_media_type() {
        for row in FORMATS {
            assert_eq!(Format::from_extension(row.extension), Some(row.format));
            assert!(row.media_type.contains('/'));
            assert_eq!(row.format.row().extension, row.extension);
        }
    }
}
