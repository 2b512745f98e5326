//! The samples as OFD (GB/T 33190): the standard's schemas, a real reader's verification
//! (ofd-core), that reader's raster of every page against typst's raster of the same layout,
//! and the text against the PDF's. GONGWEN_CONFORMANCE=1 (CI) requires the external checkers.

mod common;

use gongwen::render::pdf::PdfSettings;
use gongwen::Format;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// One sample laid out once, written as PDF and OFD from that layout.
struct Sample {
    name: String,
    doc: gongwen::model::Document,
    paged: typst_layout::PagedDocument,
    pdf: Vec<u8>,
    ofd: Vec<u8>,
}

/// Every sample in `samples/`, made once for all tests of this binary.
fn samples() -> &'static [Sample] {
    static SAMPLES: OnceLock<Vec<Sample>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("samples");
        let mut specs: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        specs.sort();
        assert!(specs.len() >= 10, "samples found: {}", specs.len());
        specs
            .iter()
            .map(|spec| {
                let doc = gongwen::load(spec).unwrap();
                let paged = common::engine().typeset(&doc).unwrap();
                let pdf =
                    gongwen::render::pdf::write(&paged, &doc, PdfSettings::default()).unwrap();
                let ofd = gongwen::render::ofd::write(&paged, &doc).unwrap();
                Sample {
                    name: spec.file_stem().unwrap().to_string_lossy().into_owned(),
                    doc,
                    paged,
                    pdf,
                    ofd,
                }
            })
            .collect()
    })
}

fn sample(name: &str) -> &'static Sample {
    samples().iter().find(|s| s.name == name).unwrap()
}

/// Writes bytes to `dir/name` and returns the path.
fn save(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A part of an OFD package as text.
fn part(ofd: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(ofd)).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

/// The package with one part replaced.
fn with_part(ofd: &[u8], name: &str, text: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(ofd)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        let entry = f.name().to_owned();
        out.start_file(entry.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        if entry == name {
            out.write_all(text.as_bytes()).unwrap();
        } else {
            out.write_all(&bytes).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn every_sample_passes_the_standard_s_schemas_and_package_checks() {
    let checker = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ofd");
    let script = checker.join("ofd_xsd_check.py");
    let lxml = common::tool("python3").is_some_and(|py| {
        Command::new(py)
            .args(["-c", "import lxml"])
            .status()
            .is_ok_and(|s| s.success())
    });
    if !script.is_file() || !lxml {
        assert!(
            !common::conformance_required(),
            "GONGWEN_CONFORMANCE=1 but {} or python3-lxml is missing",
            script.display()
        );
        eprintln!("skipped: the OFD schema checker or lxml is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = samples()
        .iter()
        .map(|s| save(dir.path(), &format!("{}.ofd", s.name), &s.ofd))
        .collect();
    let o = Command::new("python3")
        .arg(&script)
        .arg(checker.join("xsd"))
        .args(&files)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{report}");
    assert_eq!(report.matches("OK ").count(), files.len(), "{report}");
    assert!(
        report.contains("(0 errors, 0 warnings)"),
        "no warnings either: {report}"
    );
    assert!(!report.contains(" W "), "{report}");
}

#[test]
fn a_reader_verifies_every_sample_and_finds_the_pdf_s_pages_with_their_sizes() {
    let dir = tempfile::tempdir().unwrap();
    for s in samples() {
        let path = save(dir.path(), "x.ofd", &s.ofd);
        let report = ofd_core::check_path(&path);
        assert!(report.conforms(), "{}: {:?}", s.name, report.problems);
        let mut reader = ofd_core::OfdReader::open(&path).unwrap();
        assert_eq!(reader.ofd().version, "1.0");
        assert_eq!(reader.ofd().doc_type, "OFD");
        let body = reader.ofd().doc_bodies[0].clone();
        let doc = reader.load_document(&body).unwrap();
        assert_eq!(doc.pages().len(), s.paged.pages().len(), "{}", s.name);
        let default = doc.document.common_data.page_area.clone().unwrap();
        for (i, (r, p)) in doc.pages().iter().zip(s.paged.pages()).enumerate() {
            let page = reader.load_page(&doc, r).unwrap();
            let b = page.area.as_ref().unwrap_or(&default).physical_box;
            let (w, h) = (
                common::pt(p.frame.width().to_pt()),
                common::pt(p.frame.height().to_pt()),
            );
            assert!(
                (b.width - w).abs() < 0.01 && (b.height - h).abs() < 0.01,
                "{} page {}: {}×{} mm, layout {w}×{h}",
                s.name,
                i + 1,
                b.width,
                b.height
            );
        }
    }
}

#[test]
fn landscape_annex_pages_are_portrait_sheets_turned_as_in_the_pdf() {
    // GB/T 9704 §8: a landscape table page is printed on a portrait sheet, turned
    // (src/render/binding.rs); the OFD writer gets the same turned sheets as the PDF.
    let s = sample("shanghai-2025-notice");
    let measured = gongwen::render::measure::Measured::of(&s.paged);
    let turned = measured
        .turned
        .iter()
        .position(|&t| t)
        .expect("a turned landscape page");
    let content = part(&s.ofd, &format!("Doc_0/Pages/Page_{turned}/Content.xml"));
    assert!(
        !content.contains("<ofd:PhysicalBox>0 0 297 210</ofd:PhysicalBox>"),
        "{}",
        &content[..300.min(content.len())]
    );
    assert!(s
        .paged
        .pages()
        .iter()
        .all(|p| p.frame.width() < p.frame.height()));
    let document = part(&s.ofd, "Doc_0/Document.xml");
    assert!(document.contains("<ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>"));
}

/// The text of every page, TextCode by TextCode, as a reader reads it.
fn ofd_text(ofd: &[u8]) -> Vec<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "x.ofd", ofd);
    let mut reader = ofd_core::OfdReader::open(&path).unwrap();
    let body = reader.ofd().doc_bodies[0].clone();
    let doc = reader.load_document(&body).unwrap();
    fn walk(block: &ofd_core::PageBlock, out: &mut String) {
        match block {
            ofd_core::PageBlock::Text(t) => {
                for c in &t.text_codes {
                    out.push_str(c.text.as_deref().unwrap_or_default());
                }
            }
            ofd_core::PageBlock::Block(g) => g.objects.iter().for_each(|b| walk(b, out)),
            _ => {}
        }
    }
    doc.pages()
        .to_vec()
        .iter()
        .map(|r| {
            let page = reader.load_page(&doc, r).unwrap();
            let mut text = String::new();
            for layer in page.content.iter().flat_map(|c| &c.layers) {
                layer.objects.iter().for_each(|b| walk(b, &mut text));
            }
            text
        })
        .collect()
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn the_text_of_every_page_is_the_pdf_s_text_in_the_same_order() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for s in samples() {
        let pdf = save(dir.path(), "x.pdf", &s.pdf);
        // -raw: the content stream's order, which is the layout's drawing order.
        let o = Command::new(&pdftotext)
            .args(["-raw", "-enc", "UTF-8"])
            .arg(&pdf)
            .arg("-")
            .output()
            .unwrap();
        assert!(o.status.success());
        let pdf_text = String::from_utf8(o.stdout).unwrap();
        let pdf_pages: Vec<String> = pdf_text.split('\u{c}').map(squeeze).collect();
        let ofd_pages: Vec<String> = ofd_text(&s.ofd).iter().map(|t| squeeze(t)).collect();
        assert!(
            ofd_pages.iter().any(|p| p.chars().count() > 100),
            "{}",
            s.name
        );
        for (i, page) in ofd_pages.iter().enumerate() {
            assert_eq!(page, &pdf_pages[i], "{} page {}", s.name, i + 1);
        }
    }
}

#[test]
fn the_metadata_carry_the_document_s_elements() {
    let s = sample("national-2024-notice");
    let ofd = part(&s.ofd, "OFD.xml");
    let header = s.doc.parts[0].header.as_ref().unwrap();
    assert!(ofd.contains(r#"Version="1.0" DocType="OFD""#), "{ofd}");
    assert!(ofd.contains(&format!("<ofd:Title>{}</ofd:Title>", s.doc.meta.title)));
    assert!(ofd.contains(&format!("<ofd:Author>{}</ofd:Author>", s.doc.meta.author)));
    assert!(ofd.contains(&format!(
        "<ofd:CreationDate>{}</ofd:CreationDate>",
        s.doc.meta.date
    )));
    assert!(ofd.contains("<ofd:Creator>gongwen</ofd:Creator>"));
    assert!(ofd.contains(&format!(
        r#"<ofd:CustomData Name="发文字号">{}</ofd:CustomData>"#,
        header.doc_number.as_deref().unwrap()
    )));
    assert!(ofd.contains(&format!(
        r#"<ofd:CustomData Name="成文日期">{}</ofd:CustomData>"#,
        s.doc.meta.date
    )));
    // GB/T 33480's items by their names.
    let custom = |name: &str, value: &str| {
        assert!(
            ofd.contains(&format!(
                r#"<ofd:CustomData Name="{name}">{value}</ofd:CustomData>"#
            )),
            "{name} = {value}\n{ofd}"
        );
    };
    custom("文种", "通知");
    custom("标题", &s.doc.meta.title);
    custom(
        "主送机关",
        s.doc.parts[0]
            .recipients
            .as_deref()
            .unwrap()
            .trim_end_matches('：'),
    );
    custom(
        "发文机关或签发人署名",
        "全国知识产权宣传周活动组委会主任单位",
    );
    custom("发文机关标志", "国家知识产权局 中央宣传部 市场监管总局文件");
    custom("印发机关", "国家知识产权局办公室");
    custom("印发日期", "2024年3月21日印发");
    // 附注: the contacts and the publication note, one a line.
    custom(
        "附注",
        "（联系人及电话：国家知识产权局办公室 柴均超 62084505 刘启龙 62084503）\n（此件公开发布）",
    );
    // 主题词: in DocInfo (after the dates, before Creator, as the schema orders them), among
    // the custom data, and in the PDF's and the DOCX's own metadata.
    let keywords = "<ofd:Keywords><ofd:Keyword>知识产权</ofd:Keyword><ofd:Keyword>宣传周</ofd:Keyword><ofd:Keyword>通知</ofd:Keyword></ofd:Keywords><ofd:Creator>";
    assert!(ofd.contains(keywords), "{ofd}");
    assert!(ofd.contains(r#"<ofd:CustomData Name="主题词">知识产权 宣传周 通知</ofd:CustomData>"#));
    if let Some(pdfinfo) = common::tool("pdfinfo") {
        let dir = tempfile::tempdir().unwrap();
        let o = Command::new(pdfinfo)
            .arg(save(dir.path(), "n.pdf", &s.pdf))
            .output()
            .unwrap();
        let info = String::from_utf8_lossy(&o.stdout);
        assert!(
            info.contains("Keywords:") && info.contains("知识产权"),
            "{info}"
        );
    }
    let docx = gongwen::render::docx::write(&s.doc).unwrap();
    let core = part(&docx, "docProps/core.xml");
    assert!(
        core.contains("<cp:keywords>知识产权; 宣传周; 通知</cp:keywords>"),
        "{core}"
    );
    let id = gongwen::render::ofd::meta::doc_id(&s.doc);
    assert_eq!(id.len(), 32);
    assert!(ofd.contains(&format!("<ofd:DocID>{id}</ofd:DocID>")));
    assert_ne!(
        id,
        gongwen::render::ofd::meta::doc_id(&sample("shanghai-2025-notice").doc)
    );
}

/// GB/T 9704's red as OFD writes it: decimal `r g b`.
fn red() -> String {
    let hex = &gongwen::gbt9704::RED[1..];
    let c = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap();
    format!("{} {} {}", c(0), c(2), c(4))
}

/// The red separator line of page 1 (a stroked path drawn in red).
fn red_rule(content: &str) -> &str {
    let stroke = format!(r#"<ofd:StrokeColor Value="{}"/>"#, red());
    content
        .split("<ofd:PathObject ")
        .skip(1)
        .find(|p| p.contains(&stroke) && p.contains(" L "))
        .expect("a red rule")
}

/// The numbers of an object's `Boundary`.
fn boundary(object: &str) -> Vec<f64> {
    object
        .split("Boundary=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .split(' ')
        .map(|v| v.parse().unwrap())
        .collect()
}

#[test]
fn the_red_mark_and_the_red_rule_are_drawn_in_red_where_the_standard_puts_them() {
    use gongwen::gbt9704 as g;
    let s = sample("national-2024-notice");
    let page = part(&s.ofd, "Doc_0/Pages/Page_0/Content.xml");
    let fill = format!(r#"<ofd:FillColor Value="{}"/>"#, red());
    let mark = page
        .split("<ofd:TextObject ")
        .find(|t| t.contains(&fill))
        .expect("the mark is red text");
    let mark_box = boundary(mark);
    // The mark's glyphs start near the top of the text block + 35 mm (box includes ascent).
    assert!(
        mark_box[1] < g::MARGIN_TOP_MM + g::MARK_TOP_MM + 1.0,
        "{mark_box:?}"
    );
    let rule = red_rule(&page);
    let b = boundary(rule);
    // The separator: a line across the 156 mm text block; its box has the line's width.
    assert!((b[0] - g::MARGIN_LEFT_MM).abs() < 0.1, "{b:?}");
    assert!((b[2] - 156.0).abs() < 0.1, "{b:?}");
    assert!((b[3] - g::SEPARATOR_THICKNESS_MM).abs() < 0.01, "{b:?}");
    let width = format!(r#"LineWidth="{}""#, g::SEPARATOR_THICKNESS_MM);
    assert!(rule.contains(&width), "{rule}");
}

#[test]
fn every_font_is_an_embedded_subset_and_every_glyph_is_named() {
    let s = sample("shanghai-2025-notice");
    let res = part(&s.ofd, "Doc_0/PublicRes.xml");
    let files: Vec<&str> = res
        .split("<ofd:FontFile>")
        .skip(1)
        .map(|f| f.split('<').next().unwrap())
        .collect();
    assert!(files.len() >= 4, "{res}");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(&s.ofd)).unwrap();
    for f in &files {
        let mut bytes = Vec::new();
        zip.by_name(&format!("Doc_0/Res/{f}"))
            .unwrap()
            .read_to_end(&mut bytes)
            .unwrap();
        let face = ttf_parser::Face::parse(&bytes, 0).unwrap();
        assert!(face.number_of_glyphs() < 2000, "{f}: a subset");
        assert!(bytes.len() < 400_000, "{f}: {} bytes", bytes.len());
    }
    for i in 0..s.paged.pages().len() {
        let page = part(&s.ofd, &format!("Doc_0/Pages/Page_{i}/Content.xml"));
        for obj in page.split("<ofd:TextObject ").skip(1) {
            let chars = obj
                .split("<ofd:TextCode ")
                .nth(1)
                .and_then(|c| c.split_once('>'))
                .map(|(_, t)| t.split("</ofd:TextCode>").next().unwrap())
                .unwrap();
            let positions = obj.matches("<ofd:CGTransform ").count();
            assert!(positions >= 1);
            let codes = chars
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .chars()
                .count();
            assert!(positions <= codes, "{obj}");
            let dx = obj
                .split("DeltaX=\"")
                .nth(1)
                .map_or(0, |d| d.split('"').next().unwrap().split(' ').count());
            assert_eq!(dx, codes - 1, "DeltaX has N−1 entries: {obj}");
        }
    }
}

/// Pixels that differ by more than `DIFF` in any channel, counted per `TILE`×`TILE` block; the
/// largest count over the page.
fn worst_tile(a: &[u8], b: &[u8], width: usize, height: usize) -> usize {
    const DIFF: i32 = 100;
    const TILE: usize = 12;
    let mut worst = 0;
    for ty in (0..height).step_by(TILE) {
        for tx in (0..width).step_by(TILE) {
            let mut n = 0;
            for y in ty..(ty + TILE).min(height) {
                for x in tx..(tx + TILE).min(width) {
                    let i = (y * width + x) * 4;
                    if (0..3).any(|c| (a[i + c] as i32 - b[i + c] as i32).abs() > DIFF) {
                        n += 1;
                    }
                }
            }
            worst = worst.max(n);
        }
    }
    worst
}

/// Most differing pixels a 12 × 12 px block may hold (1 px per pt). Both rasterisers
/// anti-alias alike (measured: no pixel of any sample page differs by more than `DIFF`); a
/// missing glyph or a line moved by a millimetre leaves dozens.
const TILE_BOUND: usize = 4;
/// The same for a page with seal images (resampled differently by the two rasterisers).
const SEAL_TILE_BOUND: usize = 30;

/// Pixels per point of both rasters.
const SCALE: f32 = 1.0;

/// typst's raster of a page (RGBA, unpremultiplied on white).
fn typst_raster(page: &typst_layout::Page) -> (Vec<u8>, usize, usize) {
    let pixmap = typst_render::render(
        page,
        &typst_render::RenderOptions {
            pixel_per_pt: typst::utils::Scalar::new(SCALE as f64),
            render_bleed: false,
        },
    );
    (
        pixmap.data().to_vec(),
        pixmap.width() as usize,
        pixmap.height() as usize,
    )
}

/// ofd-core's raster of page `index` of an OFD (RGBA on white).
fn reader_raster(ofd: &[u8], index: usize) -> (Vec<u8>, usize, usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = save(dir.path(), "x.ofd", ofd);
    let mut reader = ofd_core::OfdReader::open(&path).unwrap();
    let body = reader.ofd().doc_bodies[0].clone();
    let doc = reader.load_document(&body).unwrap();
    let image = reader
        .render_page_to_image(
            &doc,
            index,
            &ofd_core::RenderOptions::with_dpi(72.0 * SCALE as f64),
        )
        .unwrap();
    let (w, h) = (image.width() as usize, image.height() as usize);
    (image.into_raw(), w, h)
}

/// The worst block of a page: the reader's raster of the OFD against typst's.
fn page_difference(ofd: &[u8], page: &typst_layout::Page, index: usize) -> usize {
    let (a, w, h) = typst_raster(page);
    let (b, w2, h2) = reader_raster(ofd, index);
    assert_eq!((w, h), (w2, h2), "raster sizes");
    worst_tile(&a, &b, w, h)
}

#[test]
fn every_page_a_reader_draws_is_the_pdf_s_page() {
    for s in samples() {
        for (i, page) in s.paged.pages().iter().enumerate() {
            let worst = page_difference(&s.ofd, page, i);
            assert!(
                worst <= TILE_BOUND,
                "{} page {}: {worst} differing pixels in one block",
                s.name,
                i + 1
            );
        }
    }
}

#[test]
fn a_missing_glyph_or_a_moved_line_breaks_the_page_bound() {
    let s = sample("national-2024-notice");
    let page = &s.paged.pages()[0];
    let name = "Doc_0/Pages/Page_0/Content.xml";
    let content = part(&s.ofd, name);
    // One glyph of the title's first run drawn as glyph 0 (.notdef).
    let at = content.find("<ofd:Glyphs>").unwrap() + "<ofd:Glyphs>".len();
    let end = at + content[at..].find('<').unwrap();
    let missing = format!("{}0{}", &content[..at], &content[end..]);
    let worst = page_difference(&with_part(&s.ofd, name, &missing), page, 0);
    eprintln!("a missing glyph: {worst} differing pixels in one block");
    assert!(worst > TILE_BOUND, "a missing glyph: {worst}");
    // The red separator 1 mm lower.
    let rule = red_rule(&content);
    let b = boundary(rule);
    let written = |v: &[f64]| {
        v.iter()
            .map(|x| gongwen::render::ofd::xml::num(*x))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let moved_box = [b[0], b[1] + 1.0, b[2], b[3]];
    let moved = content.replacen(
        &format!("Boundary=\"{}\"", written(&b)),
        &format!("Boundary=\"{}\"", written(&moved_box)),
        1,
    );
    assert_ne!(moved, content);
    let worst = page_difference(&with_part(&s.ofd, name, &moved), page, 0);
    eprintln!("a moved rule: {worst}");
    assert!(worst > TILE_BOUND, "a moved rule: {worst}");
    // Another page's drawing fails too.
    let worst = page_difference(&s.ofd, &s.paged.pages()[1], 0);
    assert!(worst > TILE_BOUND, "page 1 against page 2: {worst}");
}

#[test]
fn rendering_twice_gives_the_same_ofd_bytes() {
    let doc = gongwen::load(&common::sample("shanghai-2025-notice.toml")).unwrap();
    let a = common::engine()
        .render(&doc, Format::Ofd, PdfSettings::default())
        .unwrap();
    let b = common::engine()
        .render(&doc, Format::Ofd, PdfSettings::default())
        .unwrap();
    assert!(a.get(Format::Pdf).is_none() && a.get(Format::Docx).is_none());
    assert!(a.get(Format::Ofd).unwrap().starts_with(b"PK"));
    assert!(
        a.get(Format::Ofd) == b.get(Format::Ofd),
        "OFD differs between runs"
    );
    assert!(a.get(Format::Ofd) == Some(&sample("shanghai-2025-notice").ofd[..]));
}

#[test]
fn an_imported_ofd_gives_the_same_spec_as_the_imported_pdf() {
    let s = sample("national-2024-notice");
    let from_ofd = gongwen::import::import_bytes(Path::new("x.ofd"), &s.ofd).unwrap();
    let from_pdf = gongwen::import::import_bytes(Path::new("x.pdf"), &s.pdf).unwrap();
    let header = s.doc.parts[0].header.as_ref().unwrap();
    let number = header.doc_number.as_deref().unwrap();
    assert!(from_ofd.toml.contains(number), "{}", from_ofd.toml);
    assert!(
        from_ofd.toml.contains(&s.doc.meta.title),
        "{}",
        from_ofd.toml
    );
    // The same spec, line for line; only spaces between words may differ (the OFD carries no
    // white space at the ends of its text runs, the PDF's text has a space there).
    let body = |t: &str| {
        t.lines()
            .skip(1)
            .map(|l| l.replace([' ', '\u{3000}'], ""))
            .collect::<Vec<_>>()
    };
    assert_eq!(body(&from_ofd.toml), body(&from_pdf.toml));
}

/// Each element of the 公文 tag file with its (page ID, object ID) references, in order.
fn tagged_elements(ofd: &[u8]) -> Vec<(String, Vec<(u64, u64)>)> {
    let tags = part(ofd, "Doc_0/Tags/CustomTag.xml");
    let body = &tags[tags.find("<od:公文体>").unwrap() + "<od:公文体>".len()..];
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find("<od:") {
        let name_end = rest[open..].find('>').unwrap() + open;
        let name = rest[open + 4..name_end].to_owned();
        if name.starts_with('/') || name == "公文体" {
            break;
        }
        let close = format!("</od:{name}>");
        let end = rest.find(&close).unwrap();
        let inner = &rest[name_end + 1..end];
        let refs = inner
            .split("<od:ObjectRef PageRef=\"")
            .skip(1)
            .map(|r| {
                let (page, tail) = r.split_once("\">").unwrap();
                let id = &tail[..tail.find('<').unwrap()];
                (page.parse().unwrap(), id.parse().unwrap())
            })
            .collect();
        out.push((name, refs));
        rest = &rest[end + close.len()..];
    }
    out
}

/// The page IDs and the `Content.xml` of every page, in order.
fn page_contents(ofd: &[u8]) -> Vec<(u64, String)> {
    let document = part(ofd, "Doc_0/Document.xml");
    document
        .split("<ofd:Page ID=\"")
        .skip(1)
        .map(|p| {
            let (id, rest) = p.split_once('"').unwrap();
            let loc = rest.split("BaseLoc=\"").nth(1).unwrap();
            let loc = &loc[..loc.find('"').unwrap()];
            (id.parse().unwrap(), part(ofd, &format!("Doc_0/{loc}")))
        })
        .collect()
}

/// The text of the objects `refs` (their TextCodes, in order).
fn referenced_text(pages: &[(u64, String)], refs: &[(u64, u64)]) -> String {
    let mut out = String::new();
    for (page, id) in refs {
        let content = &pages.iter().find(|(p, _)| p == page).unwrap().1;
        let at = content
            .find(&format!(" ID=\"{id}\""))
            .unwrap_or_else(|| panic!("object {id} is not on page {page}"));
        let object = &content[at..];
        let end = object.find("</ofd:TextObject>").unwrap_or(0);
        for code in object[..end].split("<ofd:TextCode").skip(1) {
            let text = &code[code.find('>').unwrap() + 1..code.find("</ofd:TextCode>").unwrap()];
            out.push_str(text);
        }
    }
    out
}

#[test]
fn every_sample_s_ofd_tags_its_elements_with_objects_that_are_drawn() {
    for s in samples() {
        let list = part(&s.ofd, "Doc_0/Tags/CustomTags.xml");
        assert!(list.contains("TypeID=\"电子公文\""), "{}: {list}", s.name);
        assert!(part(&s.ofd, "Doc_0/Document.xml")
            .contains("<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>"));
        // Our import reads it by its tags, not by its layout.
        let imported = gongwen::import::import_bytes(Path::new("x.ofd"), &s.ofd).unwrap();
        assert_eq!(
            imported.report.format, "OFD（按公文标引读取）",
            "{}",
            s.name
        );
        let elements = tagged_elements(&s.ofd);
        let pages = page_contents(&s.ofd);
        let names: Vec<&str> = elements.iter().map(|(n, _)| n.as_str()).collect();
        let text = |name: &str| {
            elements
                .iter()
                .find(|(n, _)| n == name)
                .map(|(_, refs)| referenced_text(&pages, refs))
                .unwrap_or_default()
        };
        let part0 = &s.doc.parts[0];
        assert_eq!(text("标题"), part0.title.concat(), "{}", s.name);
        if let Some(r) = &part0.recipients {
            assert_eq!(text("主送机关"), *r, "{}", s.name);
        }
        let sig = s.doc.parts.iter().find_map(|p| p.signature.as_ref());
        if let Some(sig) = sig {
            assert_eq!(text("成文日期"), sig.date.text, "{}", s.name);
            let signed: String = sig
                .rows
                .iter()
                .flatten()
                .chain(&sig.issuers)
                .map(|l| l.text.as_str())
                .collect();
            assert_eq!(text("发文机关署名"), signed, "{}", s.name);
        }
        if let Some(h) = &part0.header {
            assert!(names.contains(&"发文机关标志"), "{}: {names:?}", s.name);
            if let Some(n) = &h.doc_number {
                assert_eq!(text("发文字号"), *n, "{}", s.name);
            }
        }
        assert!(names.contains(&"正文"), "{}", s.name);
        assert_eq!(
            names.contains(&"附件"),
            !s.doc.annexes.is_empty() || s.doc.parts.len() > 1,
            "{}: {names:?}",
            s.name
        );
        if let Some(c) = &s.doc.colophon {
            if let Some(cc) = &c.cc {
                assert_eq!(text("抄送机关"), *cc, "{}", s.name);
            }
            if !c.printed.is_empty() {
                assert_eq!(text("印发日期"), c.printed, "{}", s.name);
            }
        }
        // No page number (drawn below the text block of a portrait page) among the elements.
        let referenced: std::collections::HashSet<(u64, u64)> = elements
            .iter()
            .flat_map(|(_, r)| r.iter().copied())
            .collect();
        for (page, content) in &pages {
            if content.contains("<ofd:Area>") {
                continue;
            }
            for object in content.split("<ofd:TextObject ID=\"").skip(1) {
                let (id, rest) = object.split_once('"').unwrap();
                let y = boundary(&format!("<x {}", &rest[..rest.find('>').unwrap()]))[1];
                if y > g_bottom() + 2.0 {
                    assert!(
                        !referenced.contains(&(*page, id.parse().unwrap())),
                        "{}: the page number on page {page} is tagged",
                        s.name
                    );
                }
            }
        }
    }
}

/// The text block's bottom edge (mm from the paper's top).
fn g_bottom() -> f64 {
    gongwen::gbt9704::MARGIN_TOP_MM + gongwen::gbt9704::TEXT_HEIGHT_MM
}

#[test]
fn an_ofd_from_us_imports_from_its_tags_where_its_layout_would_mislead() {
    let s = sample("shanghai-2025-notice");
    let elements = tagged_elements(&s.ofd);
    let moved: Vec<u64> = elements
        .iter()
        .filter(|(n, _)| n == "发文机关署名" || n == "成文日期")
        .flat_map(|(_, refs)| refs.iter().map(|r| r.1))
        .collect();
    assert!(!moved.is_empty());
    // The signature and date pushed to the text block's left edge, as if a body paragraph.
    let mut ofd = s.ofd.clone();
    for (i, (_, content)) in page_contents(&s.ofd).into_iter().enumerate() {
        let mut changed = content.clone();
        for id in &moved {
            let key = format!("<ofd:TextObject ID=\"{id}\" Boundary=\"");
            if let Some(at) = changed.find(&key) {
                let from = at + key.len();
                let x_end = from + changed[from..].find(' ').unwrap();
                changed.replace_range(from..x_end, &format!("{}", 28.0));
            }
        }
        if changed != content {
            ofd = with_part(&ofd, &format!("Doc_0/Pages/Page_{i}/Content.xml"), &changed);
        }
    }
    let signature = |ofd: &[u8]| {
        let imported = gongwen::import::import_bytes(Path::new("x.ofd"), ofd).unwrap();
        let toml = imported.toml;
        let at = toml.find("[signature]").map(|i| &toml[i..]).unwrap_or("");
        at.lines().take(3).collect::<Vec<_>>().join("\n")
    };
    let got = signature(&ofd);
    assert!(
        got.contains("issuer = \"上海市知识产权联席会议办公室\"")
            && got.contains("date = 2025-04-02"),
        "{got}"
    );
    // Without the tags the same page reads otherwise: the tags placed the signature.
    let document = part(&ofd, "Doc_0/Document.xml")
        .replace("<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags>", "");
    let untagged = with_part(&ofd, "Doc_0/Document.xml", &document);
    assert_ne!(
        signature(&untagged),
        got,
        "the layout alone reads the moved signature alike"
    );
}

#[test]
fn a_sealed_joint_document_s_ofd_passes_the_schemas_and_a_reader_draws_its_seals_as_typst_does() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seals");
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("joint.toml");
    std::fs::write(
        &spec,
        format!(
            "title = \"关于举办2026年全省科普讲解大赛的通知\"\nrecipients = \"各市教育局、科技局、科协\"\nopening = \"现将有关事项通知如下：\"\nclosing = \"特此通知。\"\n[[sections]]\nheading = \"比赛安排\"\ntext = \"比赛分初赛和决赛两个阶段进行。\"\n[signature]\nissuers = [\"省教育厅\", \"省科技厅\", \"省科协\"]\ndate = 2026-04-02\nseals = [\"{0}/red-round.png\", \"{0}/red-round.svg\", \"{0}/red-oval.png\"]\n",
            fixtures.display()
        ),
    )
    .unwrap();
    let (doc, _) = common::engine().load(&spec, None).unwrap();
    let paged = common::engine().typeset(&doc).unwrap();
    let ofd = gongwen::render::ofd::write(&paged, &doc).unwrap();
    // The three seals tagged as 印章, each an ImageObject on the page.
    let elements = tagged_elements(&ofd);
    let seals = &elements.iter().find(|(n, _)| n == "印章").unwrap().1;
    assert_eq!(seals.len(), 3, "{elements:?}");
    let pages = page_contents(&ofd);
    for (page, id) in seals {
        let content = &pages.iter().find(|(p, _)| p == page).unwrap().1;
        assert!(
            content.contains(&format!("<ofd:ImageObject ID=\"{id}\"")),
            "{id}"
        );
    }
    // A seal is drawn where typst draws it: the images are resampled differently by the two
    // rasterisers (a ring of dots has many edges), so the bound is the images' own, and a seal
    // moved by 1 mm must break it.
    let worst = page_difference(&ofd, &paged.pages()[0], 0);
    eprintln!("seals: {worst} differing pixels in the worst block");
    assert!(
        worst <= SEAL_TILE_BOUND,
        "{worst} differing pixels in one block"
    );
    let (page, id) = seals[0];
    let index = pages.iter().position(|(p, _)| *p == page).unwrap();
    let name = format!("Doc_0/Pages/Page_{index}/Content.xml");
    let content = part(&ofd, &name);
    let key = format!("<ofd:ImageObject ID=\"{id}\" Boundary=\"");
    let from = content.find(&key).unwrap() + key.len();
    let x_end = from + content[from..].find(' ').unwrap();
    let x: f64 = content[from..x_end].parse().unwrap();
    let mut moved = content.clone();
    moved.replace_range(from..x_end, &format!("{}", x + 1.0));
    let worst = page_difference(&with_part(&ofd, &name, &moved), &paged.pages()[0], 0);
    eprintln!("a seal moved by 1 mm: {worst} differing pixels in the worst block");
    assert!(worst > SEAL_TILE_BOUND, "a seal moved by 1 mm: {worst}");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/ofd/ofd_xsd_check.py");
    if script.is_file() && common::tool("python3").is_some() {
        let path = save(dir.path(), "joint.ofd", &ofd);
        let o = Command::new("python3")
            .arg(&script)
            .arg(script.parent().unwrap().join("xsd"))
            .arg(&path)
            .output()
            .unwrap();
        let report = String::from_utf8_lossy(&o.stdout);
        assert!(
            o.status.success() && report.contains("(0 errors, 0 warnings)"),
            "{report}"
        );
    }
}

#[test]
fn tags_that_point_nowhere_or_overrun_their_budget_leave_the_file_to_its_layout() {
    let s = sample("shanghai-2025-notice");
    let file = "Doc_0/Tags/CustomTag.xml";
    let import = |ofd: &[u8]| gongwen::import::import_bytes(Path::new("x.ofd"), ofd).unwrap();
    let tagged = import(&s.ofd);
    assert_eq!(tagged.report.format, "OFD（按公文标引读取）");
    // Every reference to a page that is not there: the text is untagged, read by its layout,
    // and the spec is the same.
    let nowhere = part(&s.ofd, file).replace("PageRef=\"", "PageRef=\"9");
    let read = import(&with_part(&s.ofd, file, &nowhere));
    assert_eq!(read.report.format, "OFD");
    let body = |t: &str| t.lines().skip(1).map(str::to_owned).collect::<Vec<_>>();
    assert_eq!(body(&read.toml), body(&tagged.toml));
    // More references than a 公文 has (over a million): the tags are left, in time.
    let many = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><od:电子公文 xmlns:od="http://www.officedocument.org"><od:公文体><od:正文>{}</od:正文></od:公文体></od:电子公文>"#,
        "<od:ObjectRef PageRef=\"1\">1</od:ObjectRef>".repeat((1 << 20) + 1)
    );
    let started = std::time::Instant::now();
    let read = import(&with_part(&s.ofd, file, &many));
    assert_eq!(read.report.format, "OFD");
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}
