//! LibreOffice as the tests use it: our DOCX as Word reads it, converted to PDF the way a
//! printer lays it out; the words of its pages as poppler reads them.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// Converts DOCX files with LibreOffice as a printer would lay them out: blank pages kept
/// (an even-page section break inserts one) and the bundled fonts standing in for the
/// official ones.
pub fn libreoffice(soffice: &Path, files: &[PathBuf], out: &Path) {
    let conf = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/fontconfig.conf");
    let o = Command::new(soffice)
        .env("FONTCONFIG_FILE", conf)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            out.join("lo-profile").display()
        ))
        .args([
            "--headless",
            "--convert-to",
            r#"pdf:writer_pdf_Export:{"IsSkipEmptyPages":{"type":"boolean","value":"false"}}"#,
            "--outdir",
        ])
        .arg(out)
        .args(files)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

/// Word's reading of our DOCX, for LibreOffice: LibreOffice 7.4 maps `w:overflowPunct` the
/// other way round (its writerfilter sets hanging punctuation when the value is 0), so a file
/// that tells Word "no punctuation past the margin" makes LibreOffice hang it. The copy handed
/// to LibreOffice carries the value LibreOffice reads as Word reads ours; nothing else changes.
pub fn as_word_reads_it(docx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zin.len() {
        let mut f = zin.by_index(i).unwrap();
        let name = f.name().to_owned();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "word/styles.xml" {
            let s = String::from_utf8(data).unwrap();
            assert!(
                s.contains(r#"<w:overflowPunct w:val="0" />"#),
                "no overflowPunct"
            );
            data = s
                .replace(
                    r#"<w:overflowPunct w:val="0" />"#,
                    r#"<w:overflowPunct w:val="1" />"#,
                )
                .into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// A word as poppler sees it (mm).
#[derive(Debug, Clone)]
pub struct Word {
    /// Left edge (mm).
    pub x0: f64,
    /// Right edge (mm).
    pub x1: f64,
    /// Top (mm).
    pub y0: f64,
    /// Bottom (mm).
    pub y1: f64,
    /// The word.
    pub text: String,
}

/// Pages of a PDF as poppler sees them: size (mm) and words.
pub fn poppler_pages(pdftotext: &Path, pdf: &Path) -> Vec<((f64, f64), Vec<Word>)> {
    let o = Command::new(pdftotext)
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    let num = super::common::bbox_mm;
    let mut pages = Vec::new();
    for l in out.lines().map(str::trim_start) {
        if l.starts_with("<page") {
            pages.push(((num(l, "width"), num(l, "height")), Vec::new()));
        } else if l.starts_with("<word") {
            let text = l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_owned();
            let w = Word {
                x0: num(l, "xMin"),
                x1: num(l, "xMax"),
                y0: num(l, "yMin"),
                y1: num(l, "yMax"),
                text,
            };
            pages.last_mut().unwrap().1.push(w);
        }
    }
    pages
}
