//! Signatures and seals as GB/T 9704 §7.3.5 lays them out (issue 28), measured by value in our
//! PDF and in LibreOffice's rendering of our DOCX: for 1–5 issuers, with seal images, with room
//! left for stamping by hand, and without seals; with the signature falling at different
//! heights of a page, down to its foot.
//!
//! With seals (§7.3.5.1): the names side by side in their order, each seal centred over its
//! name, the last over its name and the date, seals neither crossing nor touching, each row
//! inside the text block, the first row's top within one line of the body. Without seals
//! (§7.3.5.2): the lead office first, the others below it, the date under them.

mod common;

use common::{engine, tool};
use gongwen::gbt9704 as g;
use gongwen::render::pdf::PdfSettings;
use gongwen::Format;
use std::path::{Path, PathBuf};
use std::process::Command;

const OFFICES: [&str; 5] = [
    "某省教育厅",
    "某省科学技术厅",
    "某省科学技术协会",
    "共青团某省委员会",
    "某省人力资源和社会保障厅",
];

#[derive(Clone, Copy, PartialEq, Debug)]
enum Mode {
    /// Sealed, with the offices' seal images.
    Seals,
    /// Sealed, the room left for stamping by hand.
    Room,
    /// Not sealed.
    Unsealed,
}

fn seal_png() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seals/red-round.png")
}

fn spec(issuers: usize, mode: Mode, paragraphs: usize) -> String {
    let names: Vec<String> = OFFICES[..issuers]
        .iter()
        .map(|o| format!("\"{o}\""))
        .collect();
    let mut s = String::from("title = \"关于举办2026年全省青少年科技创新大赛的通知\"\n");
    s.push_str("recipients = \"各市教育局、科技局、科协、团委\"\n");
    s.push_str("opening = \"为激发青少年科学兴趣，决定举办2026年全省青少年科技创新大赛。现将有关事项通知如下：\"\n");
    s.push_str("closing = \"特此通知。\"\n");
    s.push_str("\n[[sections]]\nheading = \"比赛安排\"\ntext = [\n");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "  \"第{}项：各地要结合实际认真组织选拔，确保参赛作品真实原创，按时报送有关材料。\",\n",
            i + 1
        ));
    }
    s.push_str("]\n\n[signature]\n");
    s.push_str(&format!(
        "issuers = [{}]\ndate = 2026-03-20\n",
        names.join(", ")
    ));
    match mode {
        Mode::Seals => {
            let seal = format!("\"{}\"", seal_png().display());
            s.push_str(&format!("seals = [{}]\n", vec![seal; issuers].join(", ")));
        }
        Mode::Room => {}
        Mode::Unsealed => s.push_str("sealed = false\n"),
    }
    s
}

/// A box on a page (mm from the page's top-left corner).
#[derive(Debug, Clone)]
struct Boxed {
    page: usize,
    text: String,
    left: f64,
    top: f64,
    width: f64,
    height: f64,
}

impl Boxed {
    fn centre_x(&self) -> f64 {
        self.left + self.width / 2.0
    }
    fn right(&self) -> f64 {
        self.left + self.width
    }
    fn bottom(&self) -> f64 {
        self.top + self.height
    }
}

/// An attribute's number as poppler writes it (pdftohtml in its own scale: the page's width in
/// mm comes from that of an A4 sheet; pdftotext in points).
fn attr(tag: &str, key: &str) -> f64 {
    let key = format!(" {key}=\"");
    let s = tag.find(&key).unwrap() + key.len();
    tag[s..s + tag[s..].find('"').unwrap()].parse().unwrap()
}

/// The words (pdftotext) and images (pdftohtml) of a PDF, as poppler places them.
fn boxes(pdf: &Path) -> (Vec<Boxed>, Vec<Boxed>) {
    (merged(words(pdf)), images(pdf))
}

fn run(tool: &str, args: &[&str], pdf: &Path, extra: &[&Path]) -> String {
    let out = Command::new(tool)
        .args(args)
        .arg(pdf)
        .args(extra)
        .output()
        .unwrap();
    assert!(out.status.success(), "{tool} {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn words(pdf: &Path) -> Vec<Boxed> {
    let xml = run("pdftotext", &["-bbox"], pdf, &[Path::new("-")]);
    let mut out = Vec::new();
    let mut page = 0;
    for line in xml.lines().map(str::trim) {
        if line.starts_with("<page ") {
            page += 1;
        }
        let Some(rest) = line.strip_prefix("<word ") else {
            continue;
        };
        let tag = &rest[..rest.find('>').unwrap()];
        let text = &rest[tag.len() + 1..rest.rfind("</word>").unwrap()];
        let mm = |k: &str| attr(&format!(" {tag}"), k) / g::PT_PER_MM;
        out.push(Boxed {
            page,
            text: text.to_owned(),
            left: mm("xMin"),
            top: mm("yMin"),
            width: mm("xMax") - mm("xMin"),
            height: mm("yMax") - mm("yMin"),
        });
    }
    out
}

fn images(pdf: &Path) -> Vec<Boxed> {
    let prefix = pdf.with_extension("");
    let xml = run(
        "pdftohtml",
        &["-xml", "-stdout", "-q", "-zoom", "4"],
        pdf,
        &[&prefix],
    );
    let (mut out, mut page, mut mm) = (Vec::new(), 0, 1.0);
    for line in xml.lines().map(str::trim) {
        let tag = &line[..line.find('>').map_or(line.len(), |i| i + 1)];
        if line.starts_with("<page ") {
            page += 1;
            let (w, h) = (attr(tag, "width"), attr(tag, "height"));
            mm = if w < h {
                g::PAGE_WIDTH_MM / w
            } else {
                g::PAGE_HEIGHT_MM / w
            };
        } else if line.starts_with("<image ") {
            out.push(Boxed {
                page,
                text: String::new(),
                left: attr(tag, "left") * mm,
                top: attr(tag, "top") * mm,
                width: attr(tag, "width") * mm,
                height: attr(tag, "height") * mm,
            });
        }
    }
    out
}

/// Pieces on one line that touch (digits and Chinese come in separate pieces) as one.
fn merged(texts: Vec<Boxed>) -> Vec<Boxed> {
    let mut out: Vec<Boxed> = Vec::new();
    for t in texts {
        if let Some(last) = out.last_mut() {
            let touching = t.left - last.right() < 2.0 && t.left > last.left;
            if last.page == t.page && (last.top - t.top).abs() < 1.5 && touching {
                last.text.push_str(&t.text);
                let bottom = last.bottom().max(t.bottom());
                last.top = last.top.min(t.top);
                last.height = bottom - last.top;
                last.width = t.right() - last.left;
                continue;
            }
        }
        out.push(t);
    }
    out
}

/// What one file shows of the signature, measured.
struct Signed {
    names: Vec<Boxed>,
    date: Boxed,
    seals: Vec<Boxed>,
    body_bottom: f64,
    body_lines_on_page: usize,
}

fn signed(pdf: &Path, issuers: usize) -> Signed {
    let (texts, images) = boxes(pdf);
    let date = texts
        .iter()
        .rfind(|t| t.text.replace(' ', "") == "2026年3月20日")
        .unwrap_or_else(|| panic!("{}: no date", pdf.display()))
        .clone();
    let names: Vec<Boxed> = OFFICES[..issuers]
        .iter()
        .map(|o| {
            texts
                .iter()
                .rfind(|t| t.page == date.page && t.text == *o)
                .unwrap_or_else(|| panic!("{}: no name {o} on the date's page", pdf.display()))
                .clone()
        })
        .collect();
    let first_name_top = names.iter().map(|n| n.top).fold(f64::MAX, f64::min);
    let above: Vec<&Boxed> = texts
        .iter()
        .filter(|t| t.page == date.page && t.bottom() < first_name_top - 1.0)
        .filter(|t| t.top > g::MARGIN_TOP_MM - 5.0)
        .collect();
    let body_bottom = above.iter().map(|t| t.bottom()).fold(0.0, f64::max);
    Signed {
        seals: images.into_iter().filter(|i| i.page == date.page).collect(),
        body_lines_on_page: above.len(),
        names,
        date,
        body_bottom,
    }
}

fn pitch_mm() -> f64 {
    g::line_pitch_pt() / g::PT_PER_MM
}

fn cell_mm() -> f64 {
    g::TEXT_WIDTH_MM / f64::from(g::CHARS_PER_LINE)
}

/// Asserts §7.3.5.1 or §7.3.5.2 on one measured file; `tol` in mm.
fn assert_arrangement(what: &str, s: &Signed, mode: Mode, tol: f64) {
    let block_left = g::MARGIN_LEFT_MM;
    let block_right = g::MARGIN_LEFT_MM + g::TEXT_WIDTH_MM;
    assert!(
        s.body_lines_on_page >= 1,
        "{what}: the signature stands alone on its page"
    );
    for n in &s.names {
        assert!(
            n.left >= block_left - tol && n.right() <= block_right + tol,
            "{what}: {} outside the text block",
            n.text
        );
    }
    if mode == Mode::Unsealed {
        // Lead office first, the others under it, starting at one left edge; the date below.
        for w in s.names.windows(2) {
            let step = w[1].top - w[0].top;
            assert!(
                (step - pitch_mm()).abs() < tol,
                "{what}: {} → {} {step:.1} mm",
                w[0].text,
                w[1].text
            );
            assert!(
                (w[1].left - w[0].left).abs() < tol,
                "{what}: names not aligned"
            );
        }
        let last = s.names.last().unwrap();
        assert!(
            (s.date.top - last.top - pitch_mm()).abs() < tol,
            "{what}: date"
        );
        let shift = s.date.left - last.left;
        let right_gap = block_right - s.date.right();
        assert!(
            (shift - 2.0 * cell_mm()).abs() < tol || (right_gap - 2.0 * cell_mm()).abs() < tol,
            "{what}: date starts {shift:.1} mm right of the names, {right_gap:.1} mm from the edge"
        );
        assert!(s.seals.is_empty(), "{what}: a seal without sealing");
        return;
    }
    // Names side by side in their order: rows top to bottom, left to right within a row.
    for w in s.names.windows(2) {
        let same_row = (w[1].top - w[0].top).abs() < tol;
        assert!(
            (same_row && w[1].left > w[0].right()) || w[1].top > w[0].top + pitch_mm(),
            "{what}: {} then {} out of order",
            w[0].text,
            w[1].text
        );
    }
    let last = s.names.last().unwrap();
    assert!(
        (last.centre_x() - s.date.centre_x()).abs() < tol,
        "{what}: last name centred {:.1} mm off the date",
        last.centre_x() - s.date.centre_x()
    );
    let date_gap = block_right - s.date.right();
    assert!(
        (date_gap - 4.0 * cell_mm()).abs() < tol + 0.6,
        "{what}: date {date_gap:.1} mm from the right edge, not 右空四字"
    );
    if mode == Mode::Room {
        assert!(s.seals.is_empty(), "{what}: a seal nobody gave");
        return;
    }
    assert_eq!(s.seals.len(), s.names.len(), "{what}: one seal per name");
    for (seal, name) in s.seals_in_order().iter().zip(&s.names) {
        assert!(
            (seal.centre_x() - name.centre_x()).abs() < tol,
            "{what}: seal {:.1} mm off {}",
            seal.centre_x() - name.centre_x(),
            name.text
        );
        assert!(
            seal.left >= block_left - tol && seal.right() <= block_right + tol,
            "{what}: seal over {} leaves the text block ({:.1}–{:.1} mm)",
            name.text,
            seal.left,
            seal.right()
        );
        // The name at and below the seal's centre (居印章中心偏下): its foot (the line's
        // bottom, where readers agree better than on the top) 1–8 mm below the centre.
        let centre_y = seal.top + seal.height / 2.0;
        let below = name.bottom() - centre_y;
        assert!(
            below > 1.0 && below < 8.0,
            "{what}: {} ends {below:.1} mm below the seal's centre",
            name.text,
        );
    }
    let last_seal = s.seals_in_order().last().cloned().unwrap();
    assert!(
        s.date.top < last_seal.bottom() && s.date.top > last_seal.top + last_seal.height / 2.0,
        "{what}: the last seal does not cover the date"
    );
    let seals = s.seals_in_order();
    for (i, a) in seals.iter().enumerate() {
        for b in &seals[i + 1..] {
            let d = ((a.centre_x() - b.centre_x()).powi(2)
                + (a.top + a.height / 2.0 - b.top - b.height / 2.0).powi(2))
            .sqrt();
            assert!(
                d > (a.width + b.width) / 2.0 + 0.5,
                "{what}: two seals {d:.1} mm apart cross or touch"
            );
        }
    }
    let first_top = seals.iter().map(|s| s.top).fold(f64::MAX, f64::min);
    let gap = first_top - s.body_bottom;
    assert!(
        gap > -tol && gap < pitch_mm() + tol,
        "{what}: first row of seals {gap:.1} mm below the body, not within one line"
    );
}

impl Signed {
    /// The seals sorted as the names are: rows top to bottom, left to right.
    fn seals_in_order(&self) -> Vec<Boxed> {
        let mut seals = self.seals.clone();
        seals.sort_by(|a, b| {
            let row = (a.top / 5.0).round().total_cmp(&(b.top / 5.0).round());
            row.then(a.left.total_cmp(&b.left))
        });
        seals
    }
}

struct Case {
    name: String,
    issuers: usize,
    mode: Mode,
}

fn cases() -> Vec<(Case, usize)> {
    let mut out = Vec::new();
    for issuers in 1..=5 {
        for mode in [Mode::Seals, Mode::Room, Mode::Unsealed] {
            out.push((issuers, mode, 3));
        }
    }
    // The signature falling lower and lower on the page, down to its foot.
    for paragraphs in 3..=13 {
        out.push((3, Mode::Seals, paragraphs));
        out.push((5, Mode::Seals, paragraphs));
    }
    out.into_iter()
        .map(|(issuers, mode, paragraphs)| {
            (
                Case {
                    name: format!("seal-{issuers}-{mode:?}-{paragraphs}").to_lowercase(),
                    issuers,
                    mode,
                },
                paragraphs,
            )
        })
        .collect()
}

/// Renders each case to PDF and DOCX in `dir`.
fn render_cases(dir: &Path, formats: gongwen::Formats) -> Vec<Case> {
    let mut out = Vec::new();
    for (c, paragraphs) in cases() {
        let toml = dir.join(format!("{}.toml", c.name));
        std::fs::write(&toml, spec(c.issuers, c.mode, paragraphs)).unwrap();
        let (doc, _) = engine()
            .load(&toml, None)
            .unwrap_or_else(|e| panic!("{}: {e}", c.name));
        let r = engine()
            .render(&doc, formats, PdfSettings::default())
            .unwrap();
        for (ext, bytes) in r.into_files() {
            std::fs::write(dir.join(format!("{}.{ext}", c.name)), bytes).unwrap();
        }
        out.push(c);
    }
    out
}

/// GONGWEN_SEALS_DIR/`name` keeps the files to look at; a temporary folder otherwise.
fn kept_dir(temp: &Path, name: &str) -> PathBuf {
    let dir = std::env::var_os("GONGWEN_SEALS_DIR")
        .map(|d| PathBuf::from(d).join(name))
        .unwrap_or(temp.to_owned());
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn seals_and_joint_signatures_sit_where_the_standard_puts_them_in_our_pdf() {
    if tool("pdftohtml").is_none() {
        return;
    }
    let temp = tempfile::tempdir().unwrap();
    let dir = kept_dir(temp.path(), "pdf");
    for c in render_cases(&dir, Format::Pdf.into()) {
        let s = signed(&dir.join(format!("{}.pdf", c.name)), c.issuers);
        assert_arrangement(&format!("{} (PDF)", c.name), &s, c.mode, 0.8);
    }
}

#[test]
fn seals_and_joint_signatures_sit_alike_in_libreoffice_s_rendering_of_our_docx() {
    let (Some(soffice), Some(_)) = (tool("soffice"), tool("pdftohtml")) else {
        return;
    };
    let temp = tempfile::tempdir().unwrap();
    let dir = kept_dir(temp.path(), "docx");
    let cases = render_cases(&dir, Format::Docx.into());
    let lo = dir.join("lo");
    std::fs::create_dir_all(&lo).unwrap();
    let conf = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts/fontconfig.conf");
    let o = Command::new(soffice)
        .env("FONTCONFIG_FILE", conf)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            dir.join("lo-profile").display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&lo)
        .args(cases.iter().map(|c| dir.join(format!("{}.docx", c.name))))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for c in &cases {
        let s = signed(&lo.join(format!("{}.pdf", c.name)), c.issuers);
        assert_arrangement(
            &format!("{} (DOCX in LibreOffice)", c.name),
            &s,
            c.mode,
            1.5,
        );
    }
}

#[test]
fn a_seal_image_that_is_not_red_is_warned_about_and_extra_seals_are_refused() {
    let temp = tempfile::tempdir().unwrap();
    let blue = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seals/blue-round.png");
    let toml = temp.path().join("blue.toml");
    let text = spec(1, Mode::Room, 1).replace(
        "date = 2026-03-20\n",
        &format!("date = 2026-03-20\nseals = [\"{}\"]\n", blue.display()),
    );
    std::fs::write(&toml, &text).unwrap();
    let (_, warnings) = engine().load(&toml, None).unwrap();
    let w: Vec<String> = warnings.iter().map(|w| w.to_string()).collect();
    assert!(
        w.iter()
            .any(|w| w.contains("不是红色") && w.contains("blue-round.png")),
        "{w:?}"
    );
    // Two seals for one office: refused at the field, nothing rendered.
    let two = text.replace(
        &format!("seals = [\"{}\"]", blue.display()),
        &format!("seals = [\"{0}\", \"{0}\"]", seal_png().display()),
    );
    std::fs::write(&toml, &two).unwrap();
    let e = engine().load(&toml, None).unwrap_err().to_string();
    assert!(
        e.contains("signature.seals") && e.contains("2 个印章图片"),
        "{e}"
    );
    // A seal on a document signed without one.
    let unsealed = text.replace("date = 2026-03-20\n", "date = 2026-03-20\nsealed = false\n");
    std::fs::write(&toml, &unsealed).unwrap();
    let e = engine().load(&toml, None).unwrap_err().to_string();
    assert!(e.contains("sealed = false"), "{e}");
    // A file that is no image: its name in the message.
    let bad = temp.path().join("seal.png");
    std::fs::write(&bad, "not an image").unwrap();
    std::fs::write(
        &toml,
        text.replace(&blue.display().to_string(), &bad.display().to_string()),
    )
    .unwrap();
    let e = engine().load(&toml, None).unwrap_err().to_string();
    assert!(
        e.contains("seal.png") && e.contains("既不是 PNG 也不是 SVG"),
        "{e}"
    );
}

#[test]
fn an_svg_seal_is_drawn_in_the_pdf_and_given_as_png_to_the_docx_and_the_ofd() {
    let temp = tempfile::tempdir().unwrap();
    let svg = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seals/red-round.svg");
    let toml = temp.path().join("svg.toml");
    std::fs::write(
        &toml,
        spec(1, Mode::Room, 1).replace(
            "date = 2026-03-20\n",
            &format!("date = 2026-03-20\nseals = [\"{}\"]\n", svg.display()),
        ),
    )
    .unwrap();
    let (doc, warnings) = engine().load(&toml, None).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let r = engine()
        .render(
            &doc,
            gongwen::Formats::from(Format::Pdf)
                .with(Format::Docx)
                .with(Format::Ofd),
            PdfSettings::default(),
        )
        .unwrap();
    let zipped = |bytes: &[u8], suffix: &str| {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).unwrap();
        (0..z.len())
            .filter(|&i| z.by_index(i).unwrap().name().ends_with(suffix))
            .count()
    };
    assert_eq!(
        zipped(r.get(Format::Docx).unwrap(), ".png"),
        1,
        "DOCX media"
    );
    assert_eq!(zipped(r.get(Format::Ofd).unwrap(), ".png"), 1, "OFD media");
    // The PDF draws the vector seal: red ink where the seal is (pdftoppm at 20 dpi).
    let Some(pdftoppm) = tool("pdftoppm") else {
        return;
    };
    let pdf = temp.path().join("svg.pdf");
    std::fs::write(&pdf, r.get(Format::Pdf).unwrap()).unwrap();
    let out = Command::new(pdftoppm)
        .args(["-r", "20", "-png", "-singlefile"])
        .arg(&pdf)
        .arg(temp.path().join("page"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let img = image::open(temp.path().join("page.png")).unwrap().to_rgb8();
    let red = img
        .pixels()
        .filter(|p| p.0[0] > 180 && p.0[1] < 110 && p.0[2] < 110)
        .count();
    assert!(red > 50, "only {red} red pixels: the SVG seal is not drawn");
}

#[test]
fn an_office_profile_s_seal_goes_into_its_drafts_and_onto_their_pages() {
    let temp = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let profile = std::fs::read_to_string(root.join("samples/offices/hubei-scitech.toml"))
        .unwrap()
        .replace("[office]\n", "[office]\nseal = \"印章/科技厅.png\"\n");
    std::fs::write(temp.path().join("hubei.toml"), &profile).unwrap();
    let upstream = root.join("samples/scitech-2025-notice.toml");
    let args = |out: &str| {
        vec![
            "derive".to_owned(),
            upstream.display().to_string(),
            "--office".to_owned(),
            "hubei.toml".to_owned(),
            "--as".to_owned(),
            "notice".to_owned(),
            "-o".to_owned(),
            out.to_owned(),
            "--render".to_owned(),
            "--format".to_owned(),
            "pdf".to_owned(),
        ]
    };
    let run = |out: &str| {
        let a = args(out);
        common::gongwen(
            &a.iter().map(String::as_str).collect::<Vec<_>>(),
            temp.path(),
        )
    };
    // The seal file missing: refused at the profile's key, nothing written.
    let o = run("drafts");
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("office.seal") && err.contains("印章/科技厅.png"),
        "{err}"
    );
    assert!(!temp.path().join("drafts").exists());
    std::fs::create_dir(temp.path().join("印章")).unwrap();
    std::fs::copy(seal_png(), temp.path().join("印章/科技厅.png")).unwrap();
    let o = run("drafts");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let drafts: Vec<PathBuf> = std::fs::read_dir(temp.path().join("drafts"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    let toml = drafts
        .iter()
        .find(|p| p.extension().is_some_and(|e| e == "toml"))
        .unwrap();
    let text = std::fs::read_to_string(toml).unwrap();
    assert!(
        text.contains("seals = [\"") && text.contains("科技厅.png\"]"),
        "{text}"
    );
    if tool("pdftohtml").is_none() {
        return;
    }
    let pdf = toml.with_extension("pdf");
    assert_eq!(images(&pdf).len(), 1, "one seal on the draft's pages");
}

#[test]
fn render_seal_gives_the_seals_on_the_command_line_in_the_issuers_order() {
    let temp = tempfile::tempdir().unwrap();
    std::fs::write(temp.path().join("joint.toml"), spec(2, Mode::Room, 1)).unwrap();
    let seal = seal_png().display().to_string();
    let render = |seals: usize| {
        let mut a = vec!["render", "joint.toml", "-o", "out", "--format", "pdf"];
        for _ in 0..seals {
            a.extend(["--seal", seal.as_str()]);
        }
        common::gongwen(&a, temp.path())
    };
    let o = render(3);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("3 个印章图片") && err.contains("2 个发文机关署名"),
        "{err}"
    );
    assert!(
        !temp.path().join("out/joint.pdf").exists(),
        "nothing written"
    );
    let o = render(2);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    if tool("pdftohtml").is_some() {
        assert_eq!(images(&temp.path().join("out/joint.pdf")).len(), 2);
    }
}
