//! The samples' PDFs as poppler reads them (run with GONGWEN_CONFORMANCE=1 in CI).

mod common;

use gongwen::gbt9704 as g;
use gongwen::render::pdf::PdfSettings;
use std::process::Command;

fn render_sample(name: &str, settings: PdfSettings) -> (tempfile::TempDir, std::path::PathBuf) {
    let doc = gongwen::load(&common::sample(name)).unwrap();
    let rendered = common::engine()
        .render(&doc, gongwen::Format::Pdf, settings)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = std::path::Path::new(name)
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let path = dir.path().join(file.replace(".toml", ".pdf"));
    std::fs::write(
        &path,
        rendered
            .get(gongwen::Format::Pdf)
            .map(<[u8]>::to_vec)
            .unwrap(),
    )
    .unwrap();
    (dir, path)
}

fn run(tool: &std::path::Path, args: &[&str]) -> String {
    let o = Command::new(tool).args(args).output().expect("runs");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8_lossy(&o.stdout).into_owned()
}

#[test]
fn every_font_in_the_pdf_is_embedded() {
    let Some(pdffonts) = common::tool("pdffonts") else {
        return;
    };
    for name in ["national-2024-notice.toml", "shanghai-2025-notice.toml"] {
        let (_dir, pdf) = render_sample(name, PdfSettings::default());
        let out = run(&pdffonts, &[pdf.to_str().unwrap()]);
        let rows: Vec<&str> = out.lines().skip(2).collect();
        assert!(rows.len() >= 4, "{out}");
        for row in rows {
            let cols: Vec<&str> = row.split_whitespace().collect();
            let emb = cols[cols.len() - 5];
            assert_eq!(emb, "yes", "not embedded: {row}");
        }
    }
}

#[test]
fn poppler_reads_our_pdf_and_pdf_a_without_a_complaint() {
    let Some(pdfinfo) = common::tool("pdfinfo") else {
        return;
    };
    let pdf_a = PdfSettings { pdf_a: true };
    for settings in [PdfSettings::default(), pdf_a] {
        let (_dir, pdf) = render_sample("national-2025-notice.toml", settings);
        let o = Command::new(&pdfinfo).arg(&pdf).output().expect("runs");
        // poppler 22.12 printed 「Syntax Error: Suspects object is wrong type (boolean)」 for
        // every command on every PDF we wrote.
        assert!(
            o.status.success() && o.stderr.is_empty(),
            "{}",
            String::from_utf8_lossy(&o.stderr)
        );
    }
}

/// Word boxes of a page as poppler reports them: (text, xMin, yMin, xMax) in mm.
fn words(
    pdftotext: &std::path::Path,
    pdf: &std::path::Path,
    page: usize,
) -> Vec<(String, f64, f64, f64)> {
    let p = page.to_string();
    let out = run(
        pdftotext,
        &["-bbox", "-f", &p, "-l", &p, pdf.to_str().unwrap(), "-"],
    );
    let attr = |line: &str, key: &str| -> f64 {
        let start = line.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
        let end = start + line[start..].find('"').unwrap();
        line[start..end].parse::<f64>().unwrap() * 25.4 / 72.0
    };
    out.lines()
        .filter(|l| l.trim_start().starts_with("<word"))
        .map(|l| {
            let text = l[l.find('>').unwrap() + 1..l.rfind("</word>").unwrap()].to_owned();
            (text, attr(l, "xMin"), attr(l, "yMin"), attr(l, "xMax"))
        })
        .collect()
}

#[test]
fn poppler_sees_the_mark_doc_number_and_page_numbers_where_the_standard_puts_them() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let (_dir, pdf) = render_sample("national-2024-notice.toml", PdfSettings::default());
    let p1 = words(&pdftotext, &pdf, 1);
    let mark = p1
        .iter()
        .find(|w| w.0.starts_with("国家知识产权局"))
        .expect("mark");
    assert!(
        (mark.2 - (g::MARGIN_TOP_MM + g::MARK_TOP_MM)).abs() <= 0.5,
        "mark top {}",
        mark.2
    );
    let number = p1
        .iter()
        .find(|w| w.0.starts_with("国知发办字〔2024〕"))
        .expect("doc number");
    let centre = (number.1 + number.3) / 2.0;
    assert!(
        (centre - 105.0).abs() <= 0.5 + g::MARGIN_LEFT_MM - g::MARGIN_RIGHT_MM,
        "centre {centre}"
    );
    for (page, odd) in [(1, true), (2, false)] {
        let dashes: Vec<_> = words(&pdftotext, &pdf, page)
            .into_iter()
            .filter(|w| w.0 == "—")
            .collect();
        assert_eq!(dashes.len(), 2, "page {page} number has two dashes");
        // §7.5 「一字线上距版心下边缘7 mm」: the dash's ink, measured on the raster.
        if let Some(pdftoppm) = common::tool("pdftoppm") {
            let below = common::page_number_dash_below_mm(&pdftoppm, &pdf, page).expect("a dash");
            assert!(
                (below - g::PAGE_NUMBER_BELOW_MM).abs() <= 0.3,
                "page {page}: the 一字线's ink {below:.2} mm below the text block"
            );
        }
        let one_char = g::SMALL_SIZE_PT * 25.4 / 72.0;
        if odd {
            let right = dashes[1].3;
            let want = g::PAGE_WIDTH_MM - g::MARGIN_RIGHT_MM - one_char;
            assert!((right - want).abs() <= 0.5, "odd right {right} want {want}");
        } else {
            let left = dashes[0].1;
            let want = g::MARGIN_LEFT_MM + one_char;
            assert!((left - want).abs() <= 0.5, "even left {left} want {want}");
        }
    }
}

#[test]
fn pdf_a_output_declares_pdf_a_2b() {
    let Some(pdfinfo) = common::tool("pdfinfo") else {
        return;
    };
    let (_dir, pdf) = render_sample("shanghai-2025-notice.toml", PdfSettings { pdf_a: true });
    let meta = run(&pdfinfo, &["-meta", pdf.to_str().unwrap()]);
    assert!(
        meta.contains("pdfaid:part") || meta.contains("<pdfaid:part>2"),
        "{meta}"
    );
    let info = run(&pdfinfo, &[pdf.to_str().unwrap()]);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
}

/// pypdf, strict, installed for python3 (CI installs it); `None` skips unless required.
fn pypdf() -> Option<std::path::PathBuf> {
    let python = common::tool("python3")?;
    let ok = Command::new(&python)
        .args(["-c", "import pypdf"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok || !common::conformance_required(),
        "GONGWEN_CONFORMANCE=1 but python3 has no pypdf"
    );
    ok.then_some(python)
}

#[test]
fn viewers_are_asked_to_print_at_actual_size_and_the_file_stays_sound() {
    let Some(python) = pypdf() else {
        return;
    };
    for pdf_a in [false, true] {
        let (_dir, pdf) = render_sample("shanghai-2025-notice.toml", PdfSettings { pdf_a });
        // Strict: every object is read through its cross-reference entry, every page's text.
        let script = "import pypdf,sys\n\
            r = pypdf.PdfReader(sys.argv[1], strict=True)\n\
            text = ''.join(p.extract_text() for p in r.pages)\n\
            print(r.trailer['/Root']['/ViewerPreferences']['/PrintScaling'], len(r.pages), len(text))";
        let out = run(&python, &["-c", script, pdf.to_str().unwrap()]);
        let fields: Vec<&str> = out.split_whitespace().collect();
        assert_eq!(fields[0], "/None", "pdf_a {pdf_a}: {out}");
        assert_eq!(fields[1], "8", "pdf_a {pdf_a}: {out}");
        assert!(
            fields[2].parse::<usize>().unwrap() > 2500,
            "pdf_a {pdf_a}: {out}"
        );
    }
}

/// Text copied out of the PDF is the document's text: the joiners and break opportunities the
/// layout sets around full-width marks and after a hyphen between digits are not in it, so a
/// telephone number copies whole (it carried a zero-width space: pasted into a phone field or
/// searched for, it was not the number).
#[test]
fn copied_text_has_no_invisible_joiners_and_telephone_numbers_copy_whole() {
    let Some(pdftotext) = common::tool("pdftotext") else {
        return;
    };
    let cases = [
        ("flood-2025-notice.toml", "028-61883217", "（传真）；"),
        ("yingkou-2025-plan.toml", "0417-2666521", "联系电话："),
        (
            "kinds/letter-2025.toml",
            "0571-86120345",
            "江市监函〔2025〕15号",
        ),
    ];
    for (name, phone, marked) in cases {
        let (_dir, pdf) = render_sample(name, PdfSettings::default());
        let text = run(&pdftotext, &[pdf.to_str().unwrap(), "-"]);
        for c in ['\u{200B}', '\u{2060}', '\u{FEFF}'] {
            let n = text.matches(c).count();
            assert_eq!(n, 0, "{name}: U+{:04X} copied {n} times", c as u32);
        }
        assert!(text.contains(phone), "{name}: {phone} not copied whole");
        assert!(text.contains(marked), "{name}: {marked} not copied whole");
    }
}
