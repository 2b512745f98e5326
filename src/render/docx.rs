//! The DOCX writer: the same document model as the PDF, as an editable Word file.
//!
//! Lines are laid on the same grid as the PDF: every 3号 line is an exact-height line of one
//! grid pitch, so full pages carry 22 lines and full lines 28 characters in Word, WPS and
//! LibreOffice. docx-rs builds the parts; [`super::docx_xml`] puts them into schema order and
//! adds what docx-rs cannot write (character-based indents, repeated header rows).

use super::layout::{Placement, Tight};
use crate::error::{Error, Result};
use crate::fonts::{self, LATIN_OFFICIAL};
use crate::gbt9704 as g;
use crate::model::{
    Annex, Colophon, Document, DoubleRule, FontRole, Header, HeaderStyle, Paragraph as MParagraph,
    Part, RightLine, SealFile, SealImageRef, SealPlace, Signature as MSignature, Table as MTable,
};
use docx_rs::*;

/// Paragraph style of the 发文字号: no automatic space between its digits and the Chinese
/// (国知发办字〔2025〕9号 is written solid); [`super::docx_xml`] gives it `autoSpaceDN` off.
pub const DOC_NUMBER_STYLE: &str = "GongwenDocNumber";

/// Twips (1/20 pt) per millimetre.
const TWIPS_PER_MM: f64 = 72.0 * 20.0 / 25.4;

fn twips_mm(mm: f64) -> i32 {
    (mm * TWIPS_PER_MM).round() as i32
}

fn twips_pt(pt: f64) -> i32 {
    (pt * 20.0).round() as i32
}

/// One grid line: the 3号 line box plus the gap to the next line (twips).
fn pitch() -> i32 {
    twips_pt(g::line_pitch_pt())
}

/// One grid character (twips).
fn cell() -> f64 {
    g::cell_pt() * 20.0
}

/// Letter spacing of 3号 runs, rounded down to Word's 1/20 pt so 28 characters fit.
fn body_spacing() -> i32 {
    (g::tracking_pt() * 20.0).floor() as i32
}

/// The gap above a 3号 glyph in its exact-height line (mm): Word and LibreOffice set the
/// glyph at the bottom of the line box, so the page's first line box starts this much above
/// the text block for its glyph to sit where the standard (and the PDF) puts it.
fn line_gap_mm() -> f64 {
    g::leading_pt() / g::PT_PER_MM
}

/// The portrait page: the standard's margins, the top one raised by [`line_gap_mm`].
fn portrait() -> (u32, u32, PageMargin) {
    (
        twips_mm(g::PAGE_WIDTH_MM) as u32,
        twips_mm(g::PAGE_HEIGHT_MM) as u32,
        PageMargin::new()
            .top(twips_mm(g::MARGIN_TOP_MM - line_gap_mm()))
            .bottom(twips_mm(g::MARGIN_BOTTOM_MM))
            .left(twips_mm(g::MARGIN_LEFT_MM))
            .right(twips_mm(g::MARGIN_RIGHT_MM))
            .header(twips_mm(g::MARGIN_TOP_MM / 2.0))
            .footer(footer_distance()),
    )
}

/// The landscape page of wide annex tables: the portrait text block turned by 90°.
fn landscape() -> (u32, u32, PageMargin) {
    (
        twips_mm(g::PAGE_HEIGHT_MM) as u32,
        twips_mm(g::PAGE_WIDTH_MM) as u32,
        PageMargin::new()
            .top(twips_mm(g::MARGIN_LEFT_MM - line_gap_mm()))
            .bottom(twips_mm(g::MARGIN_RIGHT_MM))
            .left(twips_mm(g::MARGIN_TOP_MM))
            .right(twips_mm(g::MARGIN_BOTTOM_MM))
            .header(twips_mm(g::MARGIN_LEFT_MM / 2.0))
            .footer(
                twips_mm(g::MARGIN_RIGHT_MM - page_number_box_below_mm())
                    - twips_pt(g::SMALL_SIZE_PT),
            ),
    )
}

/// Distance of the page-number line's bottom from the paper's bottom edge (twips).
fn footer_distance() -> i32 {
    twips_mm(g::MARGIN_BOTTOM_MM - page_number_box_below_mm()) - twips_pt(g::SMALL_SIZE_PT)
}

/// The page-number line's em-box top below the text block (mm): its 一字线 7 mm below.
pub(crate) fn page_number_box_below_mm() -> f64 {
    g::page_number_box_below_mm(crate::fonts::song_dash_top_em())
}

fn grid() -> DocGrid {
    DocGrid::new()
        .grid_type(DocGridType::Lines)
        .line_pitch(pitch() as usize)
}

/// Run fonts of a role: the official East Asian font, Times New Roman for Latin and digits.
fn role_fonts(role: FontRole) -> RunFonts {
    RunFonts::new()
        .east_asia(fonts::official(role).0)
        .ascii(LATIN_OFFICIAL)
        .hi_ansi(LATIN_OFFICIAL)
        .cs(LATIN_OFFICIAL)
        .hint("eastAsia")
}

/// The page number's fonts: §7.5 4号半角宋体阿拉伯数字, the digits too in the 宋体 face.
fn page_number_fonts() -> RunFonts {
    let song = fonts::official(FontRole::Song).0;
    RunFonts::new()
        .east_asia(song)
        .ascii(song)
        .hi_ansi(song)
        .cs(song)
        .hint("eastAsia")
}

/// A run of text in a role at a size (pt).
fn run(text: &str, role: FontRole, size_pt: f64) -> Run {
    // A line break compose put in the text (before a telephone number) is Word's break.
    let mut r = styled(role, size_pt);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            r = r.add_break(BreakType::TextWrapping);
        }
        r = r.add_text(super::docx_xml::phone_hyphens_kept(line));
    }
    r
}

/// The red mark's text at exactly `size_pt`: Word sizes text in half points, so the size is
/// rounded down to one and the rest given back as character spacing (in twentieths of a
/// point, rounded down too). The mark is as wide as the PDF's, never wider, and never wraps
/// (37 pt for 36.8 made 12 characters 156.6 mm, past the 156 mm line).
fn mark_run(text: &str, size_pt: f64) -> Run {
    let half_points = (size_pt * 2.0 + 1e-9).floor();
    let rest_twips = ((size_pt - half_points / 2.0) * 20.0 + 1e-9).floor() as i32;
    let mut r = Run::new()
        .fonts(role_fonts(FontRole::Xiaobiaosong))
        .size(half_points as usize)
        .add_text(text);
    if fonts::role_is_heavy(FontRole::Xiaobiaosong) {
        r = r.bold();
    }
    if rest_twips > 0 {
        r = r.character_spacing(rest_twips);
    }
    r
}

/// An empty run formatted for a role at a size (pt), for fields and tabs.
fn styled(role: FontRole, size_pt: f64) -> Run {
    let mut r = Run::new()
        .fonts(role_fonts(role))
        .size((size_pt * 2.0).round() as usize);
    if fonts::role_is_heavy(role) {
        r = r.bold();
    }
    if size_pt == g::BODY_SIZE_PT {
        r = r.character_spacing(body_spacing());
    }
    r
}

fn exact(line_twips: i32) -> LineSpacing {
    LineSpacing::new()
        .line_rule(LineSpacingType::Exact)
        .line(line_twips)
        .before(0)
        .after(0)
}

/// An empty paragraph of an exact height: vertical space that Word and LibreOffice keep.
fn spacer(twips: i32) -> Paragraph {
    Paragraph::new()
        .line_spacing(exact(twips.max(20)))
        .size(2)
        .snap_to_grid(false)
}

/// A 3号 line-grid paragraph with the given indents (characters).
fn grid_paragraph(p: &MParagraph) -> Paragraph {
    let left = (p.left_indent + p.hanging) * cell();
    let special = if p.hanging > 0.0 {
        Some(SpecialIndentType::Hanging(
            (p.hanging * cell()).round() as i32
        ))
    } else if p.first_line_indent > 0.0 {
        Some(SpecialIndentType::FirstLine(
            (p.first_line_indent * cell()).round() as i32,
        ))
    } else {
        None
    };
    let mut out = Paragraph::new()
        .line_spacing(exact(pitch()))
        .align(AlignmentType::Both)
        .indent(Some(left.round() as i32), special, None, None);
    if p.keep_with_next {
        out = out.keep_next(true);
    }
    for s in &p.spans {
        let mut r = run(&s.text, s.font, g::BODY_SIZE_PT);
        if s.bold {
            r = r.bold();
        }
        out = out.add_run(r);
    }
    out
}

/// A line against the right edge, `right_indent` characters in.
fn right_line(l: &RightLine) -> Paragraph {
    Paragraph::new()
        .line_spacing(exact(pitch()))
        .align(AlignmentType::Right)
        .indent(
            None,
            None,
            Some((l.right_indent * cell()).round() as i32),
            None,
        )
        .add_run(run(&l.text, FontRole::Fangsong, g::BODY_SIZE_PT))
}

/// 加盖印章 (§7.3.5.1): each row of names one line, each name ending at a right tab stop where
/// the PDF ends it, the row's seal images floating behind the text where the PDF draws them.
fn seal_rows(sig: &MSignature, files: &[SealFile]) -> Vec<Paragraph> {
    let line = f64::from(g::CHARS_PER_LINE);
    sig.rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let mut p = Paragraph::new().line_spacing(exact(pitch()));
            for seal in sig.seals.iter().filter(|s| s.row == r) {
                let file = seal
                    .image
                    .as_ref()
                    .and_then(|i| Some((i, files.iter().find(|f| f.name == i.file)?)));
                if let Some((image, file)) = file {
                    p = p.add_run(Run::new().add_image(seal_picture(seal, image, file)));
                }
            }
            for n in row {
                let end = ((line - n.right_indent) * cell()).round() as usize;
                p = p
                    .add_tab(Tab::new().val(TabValueType::Right).pos(end))
                    .add_run(styled(FontRole::Fangsong, g::BODY_SIZE_PT).add_tab())
                    .add_run(run(&n.text, FontRole::Fangsong, g::BODY_SIZE_PT));
            }
            p
        })
        .collect()
}

/// How much higher than the bottom of its exact-height line box LibreOffice draws a 3号 glyph
/// (mm, measured: 3.4 mm above where Word's rule, text at the bottom, puts it). A seal centred
/// for LibreOffice's glyph has the name at and below its centre in both: in Word the name
/// sits lower still, further inside the seal.
const SEAL_RAISE_MM: f64 = 3.4;

/// A seal image floating behind the text (黑字透红), centred on its name across (from the text
/// block's left edge) and down from its line's top (the glyph sits up to [`line_gap_mm`] below
/// the top of its line box; see [`SEAL_RAISE_MM`]). [`super::docx_xml`] puts it behind the text.
fn seal_picture(seal: &SealPlace, image: &SealImageRef, file: &SealFile) -> Pic {
    let emu = |mm: f64| (mm * 36_000.0).round() as i32;
    let cell_mm = g::TEXT_WIDTH_MM / f64::from(g::CHARS_PER_LINE);
    let (w, h) = (seal.diameter_mm, seal.diameter_mm * image.aspect);
    let x = g::TEXT_WIDTH_MM - seal.centre_right * cell_mm - w / 2.0;
    let y = line_gap_mm() - SEAL_RAISE_MM + seal.centre_below_mm - h / 2.0;
    Pic::new_with_dimensions(file.png.clone(), 1000, (1000.0 * image.aspect) as u32)
        .size(emu(w) as u32, emu(h) as u32)
        .floating()
        .overlapping()
        .relative_from_h(RelativeFromHType::Margin)
        .relative_from_v(RelativeFromVType::Paragraph)
        .position_h(DrawingPosition::Offset(emu(x)))
        .position_v(DrawingPosition::Offset(emu(y)))
}

fn blank_lines(n: u32) -> Vec<Paragraph> {
    (0..n)
        .map(|_| Paragraph::new().line_spacing(exact(pitch())))
        .collect()
}

/// The height of a block in twips as Word and LibreOffice lay it out: a paragraph of exact
/// lines (its lines, the space before it, a bottom border with its space); none for a table or
/// a paragraph of another spacing.
fn block_twips(b: &Block) -> Option<i32> {
    let Block::P(p) = b else { return None };
    let xml = String::from_utf8(p.build()).ok()?;
    let attr = |name: &str| -> Option<i32> {
        let at = xml.find(&format!("{name}=\""))? + name.len() + 2;
        xml[at..].split('"').next()?.parse().ok()
    };
    if !xml.contains("w:lineRule=\"exact\"") {
        return None;
    }
    let lines = 1 + xml.matches("<w:br").count() as i32;
    let mut twips = attr("w:line")? * lines + attr("w:before").unwrap_or(0);
    if let Some(at) = xml.find("<w:bottom ") {
        let border = &xml[at..];
        let get = |name: &str| -> i32 {
            border
                .find(&format!("{name}=\""))
                .and_then(|i| border[i + name.len() + 2..].split('"').next()?.parse().ok())
                .unwrap_or(0)
        };
        // Its space in points, its width in eighths of a point.
        twips += get("w:space") * 20 + get("w:sz") * 20 / 8;
    }
    Some(twips)
}

/// A page's first blocks (版头 and title) that end a little past the line grid (a rounding of
/// the 版头's millimetres, a fraction of a line) give that up from their last spacer: the
/// blank line after the title then starts on the grid line it would have started on, not on
/// the next one, and a page whose last line is the 成文日期 still holds it in Word and
/// LibreOffice as in the PDF.
fn onto_grid(blocks: &mut [Block]) {
    let Some(total) = blocks.iter().map(block_twips).sum::<Option<i32>>() else {
        return;
    };
    let past = total.rem_euclid(pitch());
    if past == 0 || past > pitch() / 8 {
        return;
    }
    let spacer_at = blocks.iter().rposition(|b| match b {
        Block::P(p) => {
            let xml = String::from_utf8_lossy(&p.build()).into_owned();
            !xml.contains("<w:t") && xml.contains("w:snapToGrid w:val=\"false\"")
        }
        Block::T(_) => false,
    });
    // (The page's first block carries its page break: it is not replaced.)
    if let Some(k) = spacer_at.filter(|&k| k > 0) {
        if let Some(h) = block_twips(&blocks[k]).filter(|h| *h > past + 20) {
            blocks[k] = Block::p(spacer(h - past));
        }
    }
}

/// Builds the DOCX bytes of a document.
pub fn write(doc: &Document) -> Result<Vec<u8>> {
    write_laid_out(doc, &Placement::default())
}

/// [`write`] following the PDF's layout decisions ([`super::layout::placement`]), so that both
/// files have the same pages: the 版记 on a new even page where the PDF put it there, and a
/// closing set tight where the PDF set it tight (§7.3.5.5).
pub fn write_laid_out(doc: &Document, placed: &Placement) -> Result<Vec<u8>> {
    let colophon_own_page = placed.colophon_own_page;
    let mut body: Vec<Block> = Vec::new();
    for (i, p) in doc.parts.iter().enumerate() {
        part(
            &mut body,
            p,
            i > 0,
            Closing {
                tight: placed.tight.get(&i).copied(),
                split: placed.split.get(&i).copied(),
            },
            &doc.seal_files,
        );
    }

    let mut landscape_open = false;
    for (i, a) in doc.annexes.iter().enumerate() {
        // A form's blank rows as short as the PDF made them to keep it on one page.
        let fitted;
        let a = match (placed.annex_rows.get(&i), &a.table) {
            (Some(&mm), Some(t)) => {
                let mut t = t.clone();
                t.row_height_mm = mm;
                fitted = Annex {
                    table: Some(t),
                    ..a.clone()
                };
                &fitted
            }
            _ => a,
        };
        if a.landscape != landscape_open {
            if !body.is_empty() {
                end_section(&mut body, landscape_open);
            }
            landscape_open = a.landscape;
        }
        let new_page = !body.is_empty();
        annex(&mut body, a, landscape_open, new_page);
    }
    let final_landscape = landscape_open && doc.colophon.is_none();
    // The 版记 on a page of its own (after landscape annexes, or where the PDF put it there):
    // a last section starting on an even page.
    let colophon_section = doc.colophon.is_some() && (landscape_open || colophon_own_page);
    if colophon_section {
        end_section(&mut body, landscape_open);
    }
    if let Some(c) = &doc.colophon {
        colophon(&mut body, c, placed.cc_lines.max(1));
    }

    let (w, h, margin) = if final_landscape {
        landscape()
    } else {
        portrait()
    };
    let mut docx = Docx::new()
        .page_size(w, h)
        .page_margin(margin)
        .default_fonts(role_fonts(FontRole::Fangsong))
        .default_size((g::BODY_SIZE_PT * 2.0) as usize)
        .add_style(
            Style::new(DOC_NUMBER_STYLE, StyleType::Paragraph)
                .name("发文字号")
                .based_on("Normal"),
        )
        .footer(page_number_footer(true))
        .even_footer(page_number_footer(false));
    if final_landscape {
        docx = docx.page_orient(PageOrientationType::Landscape);
    }
    docx.document.section_property = docx.document.section_property.clone().doc_grid(grid());
    // Full-width punctuation keeps its full width, as in the PDF (no 标点挤压).
    docx.settings = docx
        .settings
        .clone()
        .character_spacing_control(CharacterSpacingValues::DoNotCompress);
    if colophon_section {
        // The 版记 gets its own portrait page: an even one, numbered as in the PDF (its
        // first-page footer, below).
        docx.document.section_property.section_type = Some(SectionType::EvenPage);
    }
    // The 版记's page after a blank page shows no number, nor does the 信函格式's first page
    // (§7.5); the 版记's page right after the content shows its even number (a 信函's: its
    // final section gives up the empty first-page footer its page 1 keeps, `docx_xml::pack`).
    // Added once: a second call numbers a footer part docx-rs never writes (rIdFooter4
    // without footer4.xml), and LibreOffice then refuses the whole file.
    let colophon_numbered = colophon_section && !placed.blank_before_colophon;
    if !doc.number_first_page {
        docx = docx.first_footer(Footer::new()).title_pg();
    } else if colophon_numbered {
        docx = docx.first_footer(page_number_footer(false)).title_pg();
    } else if colophon_section {
        docx = docx.first_footer(Footer::new()).title_pg();
    }
    for b in body {
        docx = match b {
            Block::P(p) => docx.add_paragraph(*p),
            Block::T(t) => docx.add_table(*t),
        };
    }
    let created = format!("{}T00:00:00Z", doc.meta.date);
    docx = docx.created_at(&created).updated_at(&created);
    let xml = docx.build();
    super::docx_xml::pack(xml, &doc.meta, doc.number_first_page, colophon_numbered)
        .map_err(|e| Error::Docx(e.to_string()))
}

/// A paragraph or a table of the body.
enum Block {
    P(Box<Paragraph>),
    T(Box<Table>),
}

impl Block {
    fn p(p: Paragraph) -> Self {
        Block::P(Box::new(p))
    }
    fn t(t: Table) -> Self {
        Block::T(Box::new(t))
    }
}

/// How the PDF set a part's closing: tight, or its last paragraph cut at a page end.
#[derive(Clone, Copy, Default)]
struct Closing {
    tight: Option<Tight>,
    split: Option<usize>,
}

/// One part: 版头, 附件标识, title, 主送, body, 附件说明, signature, 附注. The paragraphs from the
/// last body paragraph on are kept together (the signature never stands alone on a page).
fn part(out: &mut Vec<Block>, p: &Part, new_page: bool, closing: Closing, seals: &[SealFile]) {
    let tight = closing.tight;
    let first = out.len();
    if let Some(h) = &p.header {
        header(out, h);
    }
    if let Some(label) = &p.label {
        out.push(Block::p(
            Paragraph::new().line_spacing(exact(pitch())).add_run(run(
                label,
                FontRole::Hei,
                g::BODY_SIZE_PT,
            )),
        ));
        out.extend(blank_lines(1).into_iter().map(Block::p));
    }
    if !p.title.is_empty() {
        out.push(Block::p(title_paragraph(&p.title)));
    }
    if new_page {
        if let Some(Block::P(b)) = out.get_mut(first) {
            **b = b.as_ref().clone().page_break_before(true);
        }
    }
    // A blank line below the title, before the 主送 or, without one, before the 正文.
    if p.recipients.is_some() || (!p.title.is_empty() && !p.body.is_empty()) {
        // On a page's first part the title ends on the page's line grid, so that the blank line
        // after it (which Word and LibreOffice set on the grid) does not start a line late.
        if first == 0 || new_page {
            onto_grid(&mut out[first..]);
        }
        out.extend(
            blank_lines(g::BELOW_TITLE_BLANK_LINES)
                .into_iter()
                .map(Block::p),
        );
    }
    if let Some(r) = &p.recipients {
        out.push(Block::p(grid_paragraph(&MParagraph {
            spans: vec![crate::model::Span {
                text: r.clone(),
                font: FontRole::Fangsong,
                bold: false,
            }],
            first_line_indent: 0.0,
            left_indent: 0.0,
            hanging: 0.0,
            keep_with_next: false,
        })));
    }
    let (before, last) = p.body.split_at(p.body.len().saturating_sub(1));
    out.extend(before.iter().map(|b| Block::p(grid_paragraph(b))));
    let mut keep_from = out.len();
    match (last.first(), closing.split) {
        // Cut where the PDF cut it: the lines on the page before fill it (分散对齐 justifies
        // the head's last line, a full line there), the rest goes on with the signature.
        (Some(last), Some(at)) => {
            let (head, tail) = last.cut_at(at);
            out.push(Block::p(
                grid_paragraph(&head).align(AlignmentType::Distribute),
            ));
            keep_from = out.len();
            out.push(Block::p(grid_paragraph(&tail)));
        }
        _ => out.extend(last.iter().map(|b| Block::p(grid_paragraph(b)))),
    }
    if !p.annex_note.is_empty() {
        out.extend(blank_lines(1).into_iter().map(Block::p));
        out.extend(p.annex_note.iter().map(|b| Block::p(grid_paragraph(b))));
    }
    if !p.attendance.is_empty() {
        out.extend(
            blank_lines(g::ATTENDANCE_BLANK_LINES)
                .into_iter()
                .map(Block::p),
        );
        out.extend(p.attendance.iter().map(|b| Block::p(grid_paragraph(b))));
    }
    if let Some(sig) = &p.signature {
        // A seal keeps its room above the names (set closer, it would cover the body).
        let before = match tight {
            Some(_) if sig.rows.is_empty() => sig.blank_lines_before.min(g::TIGHT_BLANK_LINES),
            _ => sig.blank_lines_before,
        };
        out.extend(blank_lines(before).into_iter().map(Block::p));
        // Rows of sealed names one row pitch apart, whatever the closing's line height.
        let line = tight.map_or(pitch(), |t| {
            twips_pt(g::BODY_SIZE_PT + t.share * g::leading_pt())
        });
        let mut spacers = Vec::new();
        for (r, row) in seal_rows(sig, seals).into_iter().enumerate() {
            if r > 0 {
                spacers.push(out.len());
                out.push(Block::p(spacer(twips_mm(sig.row_pitch_mm) - line)));
            }
            out.push(Block::p(row));
        }
        for i in &sig.issuers {
            out.push(Block::p(right_line(i)));
        }
        out.extend(blank_lines(sig.date_blank_lines).into_iter().map(Block::p));
        out.push(Block::p(right_line(&sig.date)));
        let date_at = out.len() - 1;
        out.extend(p.notes.iter().map(|b| Block::p(grid_paragraph(b))));
        // The closing stays together (the 附注 go with it unless the PDF let them go on).
        let end = match tight {
            Some(t) if !t.notes_inside => date_at,
            _ => out.len().saturating_sub(1),
        };
        for b in out.iter_mut().take(end).skip(keep_from) {
            if let Block::P(b) = b {
                **b = b.as_ref().clone().keep_next(true);
            }
        }
        if let Some(t) = tight {
            let twips = twips_pt(g::BODY_SIZE_PT + t.share * g::leading_pt());
            for (i, b) in out
                .iter_mut()
                .enumerate()
                .skip(keep_from)
                .filter(|(i, _)| !spacers.contains(i))
            {
                // The block is set closer inside; the gap before it stays a full line's, as the
                // PDF keeps the leading before the block. An exact line sets its baseline 4/5 of
                // its height down (LibreOffice's rule for a fixed line height), so a line shorter
                // by d moves its text up by 4/5 d: the first line gets that back before it.
                let before = if i == keep_from {
                    (pitch() - twips) * 4 / 5
                } else {
                    0
                };
                if let Block::P(b) = b {
                    **b = b
                        .as_ref()
                        .clone()
                        .line_spacing(exact(twips).before(before.max(0) as u32))
                        .snap_to_grid(false);
                }
            }
        }
    } else {
        out.extend(p.notes.iter().map(|b| Block::p(grid_paragraph(b))));
    }
}

/// A paragraph framed at a place on the page (mm from the paper's top-left corner).
/// Wrapping `none`: LibreOffice lets the text run through such a frame; with `around` it set
/// the 信函's text below its mark and red lines, which reach into the text block's top (the
/// 发文字号 17 mm low, the signature pushed to a page 2). The flow leaves their room itself.
fn on_page(mut p: Paragraph, x_mm: f64, y_mm: f64, width_mm: f64, height: i32) -> Paragraph {
    p.property = p.property.frame_property(
        FrameProperty::new()
            .wrap("none")
            .v_anchor("page")
            .h_anchor("page")
            .x(twips_mm(x_mm))
            .y(twips_mm(y_mm))
            .width(twips_mm(width_mm) as u32)
            .h_rule("exact")
            .height(height.max(20) as u32),
    );
    p
}

/// A red double line of the 信函格式 as two strokes, each the single top border of an empty
/// framed paragraph at the stroke's top. Compound borders (`thickThinSmallGap`, …) are read
/// differently by Word and LibreOffice (which stroke is outside, which width `w:sz` gives):
/// LibreOffice drew the 上粗下细 line thin over a 1.6 mm stroke.
fn double_rule(r: &DoubleRule) -> [Paragraph; 2] {
    let lower_top = r.top_mm + r.upper_mm + r.gap_mm;
    [
        rule_stroke(r, r.top_mm, r.upper_mm),
        rule_stroke(r, lower_top, r.lower_mm),
    ]
}

/// One stroke of a double line: `thick_mm` thick, its top `top_mm` below the text block's top.
fn rule_stroke(r: &DoubleRule, top_mm: f64, thick_mm: f64) -> Paragraph {
    let border = ParagraphBorder::new(ParagraphBorderPosition::Top)
        .val(BorderType::Single)
        .color(g::RED.trim_start_matches('#'))
        .size((thick_mm * g::PT_PER_MM * 8.0).round().max(2.0) as usize)
        .space(0);
    let mut p = Paragraph::new().line_spacing(exact(20)).size(2);
    p.property = p
        .property
        .set_borders(ParagraphBorders::with_empty().set(border));
    on_page(
        p,
        g::MARGIN_LEFT_MM + r.left_mm,
        g::MARGIN_TOP_MM + top_mm,
        r.length_mm,
        twips_mm(1.0),
    )
}

/// 信函格式 (§10.1): the mark framed 30 mm from the paper's top, the red double lines, then in
/// the flow 份号/密级/紧急程度 flush left and the 发文字号 flush right under the first line.
fn letter_header(out: &mut Vec<Block>, h: &Header) {
    let size = h.mark.size_pt;
    let red = g::RED.trim_start_matches('#');
    let step = size * (1.0 + g::MARK_LINE_GAP_EM) / g::PT_PER_MM;
    let last = h.mark.lines.len().saturating_sub(1);
    for (i, l) in h.mark.lines.iter().enumerate() {
        let text = if i == last {
            format!("{}{}", l.text, h.mark.suffix)
        } else {
            l.text.clone()
        };
        let p = Paragraph::new()
            .snap_to_grid(false)
            .line_spacing(exact(twips_pt(size)))
            .align(AlignmentType::Center)
            .add_run(mark_run(&text, size).color(red));
        out.push(Block::p(on_page(
            p,
            g::MARGIN_LEFT_MM,
            g::MARGIN_TOP_MM + h.mark_top_mm + i as f64 * step,
            g::TEXT_WIDTH_MM,
            twips_pt(size),
        )));
    }
    out.extend(h.double_rules.iter().flat_map(double_rule).map(Block::p));
    let Some(first) = h.double_rules.first() else {
        return;
    };
    let below = first.top_mm + first.upper_mm + first.gap_mm + first.lower_mm;
    let left: Vec<(&String, FontRole)> = [
        (&h.copy_number, FontRole::Fangsong),
        (&h.secrecy, FontRole::Hei),
        (&h.urgency, FontRole::Hei),
    ]
    .into_iter()
    .filter_map(|(t, r)| t.as_ref().map(|t| (t, r)))
    .collect();
    if left.is_empty() && h.doc_number.is_none() {
        out.push(Block::p(spacer(twips_mm(below))));
    } else {
        out.push(Block::p(spacer(
            twips_mm(below) + twips_pt(g::LETTER_ELEMENT_GAP_EM * g::BODY_SIZE_PT),
        )));
        let lines = left.len().max(1);
        for i in 0..lines {
            let mut p = Paragraph::new()
                .style(DOC_NUMBER_STYLE)
                .line_spacing(exact(pitch()))
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .pos((g::TEXT_WIDTH_MM * TWIPS_PER_MM) as usize),
                );
            if let Some((t, role)) = left.get(i) {
                p = p.add_run(run(t, *role, g::BODY_SIZE_PT));
            }
            if i == 0 {
                if let Some(n) = &h.doc_number {
                    p = p
                        .add_run(styled(FontRole::Fangsong, g::BODY_SIZE_PT).add_tab())
                        .add_run(run(n, FontRole::Fangsong, g::BODY_SIZE_PT));
                }
            }
            out.push(Block::p(p));
        }
    }
    // The last line's box already holds the leading below its text, which the template's
    // blank lines count from (a leading more here set the title 4.9 mm low, and the letter's
    // closing on a page 2 in LibreOffice).
    out.push(Block::p(spacer(g::TITLE_BLANK_LINES as i32 * pitch())));
}

/// 版头: the top lines, the mark 35 mm down (命令: 20 mm), 发文字号 (令号) and the red line
/// under it (文件格式 only).
fn header(out: &mut Vec<Block>, h: &Header) {
    if h.style == HeaderStyle::Letter {
        return letter_header(out, h);
    }
    let mut top_lines = 0;
    for (text, role) in [
        (&h.copy_number, FontRole::Fangsong),
        (&h.secrecy, FontRole::Hei),
        (&h.urgency, FontRole::Hei),
    ] {
        if let Some(t) = text {
            out.push(Block::p(
                Paragraph::new().line_spacing(exact(pitch())).add_run(run(
                    t,
                    role,
                    g::BODY_SIZE_PT,
                )),
            ));
            top_lines += 1;
        }
    }
    let size = h.mark.size_pt;
    let mark_line = twips_pt(size);
    out.push(Block::p(spacer(
        twips_mm(h.mark_top_mm + line_gap_mm()) - top_lines * pitch(),
    )));
    let red = g::RED.trim_start_matches('#');
    let mark_run = |t: &str| mark_run(t, size).color(red);
    if h.mark.stacked {
        let gap = twips_pt(g::MARK_LINE_GAP_EM * size);
        let names: Vec<Paragraph> = h
            .mark
            .lines
            .iter()
            .enumerate()
            .map(|(i, l)| {
                Paragraph::new()
                    .snap_to_grid(false)
                    .line_spacing(exact(mark_line).before(if i == 0 { 0 } else { gap as u32 }))
                    .align(AlignmentType::Distribute)
                    .add_run(mark_run(&l.text))
            })
            .collect();
        // A quarter em of slack: Word and LibreOffice wrap a line that fills its cell exactly.
        // It comes out of the gap before the suffix (or, without one, out of the text block's
        // width), so a mark sized to the block stays inside it.
        let slack = twips_pt(0.25 * size);
        let names_w = (twips_pt(h.mark.width_em * size) + slack).min(twips_mm(g::TEXT_WIDTH_MM));
        let mut names_cell = TableCell::new().width(names_w as usize, WidthType::Dxa);
        for p in names {
            names_cell = names_cell.add_paragraph(p);
        }
        let mut cells = vec![names_cell];
        let mut grid_w = vec![names_w as usize];
        // A mark without a suffix (a long name broken over lines) is the stack alone.
        let suffix_w = if h.mark.suffix.is_empty() {
            0
        } else {
            twips_pt(
                (crate::compose::text::width_chars(&h.mark.suffix) + g::MARK_SUFFIX_GAP_EM) * size,
            ) - slack
        };
        if suffix_w > 0 {
            cells.push(
                TableCell::new()
                    .width(suffix_w as usize, WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(
                        Paragraph::new()
                            .snap_to_grid(false)
                            .line_spacing(exact(mark_line))
                            .align(AlignmentType::Right)
                            .add_run(mark_run(&h.mark.suffix)),
                    ),
            );
            grid_w.push(suffix_w as usize);
        }
        let table = Table::without_borders(vec![TableRow::new(cells)])
            .set_grid(grid_w)
            .layout(TableLayoutType::Fixed)
            .align(TableAlignmentType::Center)
            .margins(TableCellMargins::new().margin(0, 0, 0, 0))
            .width((names_w + suffix_w) as usize, WidthType::Dxa);
        out.push(Block::t(table));
    } else {
        out.push(Block::p(
            Paragraph::new()
                .snap_to_grid(false)
                .line_spacing(exact(mark_line))
                .align(AlignmentType::Center)
                .add_run(mark_run(&format!(
                    "{}{}",
                    h.mark.lines[0].text, h.mark.suffix
                ))),
        ));
    }
    // Two blank lines, then the 发文字号 with the red line 4 mm below it.
    let em = twips_pt(g::BODY_SIZE_PT);
    out.push(Block::p(spacer(
        twips_pt(g::leading_pt()) + g::DOC_NUMBER_BLANK_LINES as i32 * pitch(),
    )));
    let border = ParagraphBorder::new(ParagraphBorderPosition::Bottom)
        .val(BorderType::Single)
        .color(red)
        .size((g::SEPARATOR_THICKNESS_MM * g::PT_PER_MM * 8.0).round() as usize)
        .space((g::SEPARATOR_BELOW_NUMBER_MM * g::PT_PER_MM).round() as usize);
    let mut number = Paragraph::new()
        .style(DOC_NUMBER_STYLE)
        .snap_to_grid(false)
        .line_spacing(exact(em));
    if h.separator {
        number.property = number
            .property
            .set_borders(ParagraphBorders::with_empty().set(border));
    }
    // Without a 发文字号 its line stays blank: the red line and the title keep their places.
    let doc_number = h.doc_number.as_deref().unwrap_or_default();
    number = match &h.signers {
        None => number.align(AlignmentType::Center).add_run(run(
            doc_number,
            FontRole::Fangsong,
            g::BODY_SIZE_PT,
        )),
        Some(s) => {
            // 发文字号 居左空一字, 签发人 居右空一字 (§7.2.5), by tab stops: indents would
            // shorten the red line, which is this paragraph's border, by a character each side.
            let one = cell().round() as usize;
            number
                .add_tab(Tab::new().val(TabValueType::Left).pos(one))
                .add_tab(
                    Tab::new()
                        .val(TabValueType::Right)
                        .pos((g::TEXT_WIDTH_MM * TWIPS_PER_MM) as usize - one),
                )
                .add_run(styled(FontRole::Fangsong, g::BODY_SIZE_PT).add_tab())
                .add_run(run(doc_number, FontRole::Fangsong, g::BODY_SIZE_PT).add_tab())
                .add_run(run(&s.label, FontRole::Fangsong, g::BODY_SIZE_PT))
                .add_run(run(&s.names, FontRole::Kai, g::BODY_SIZE_PT))
        }
    };
    out.push(Block::p(number));
    let rule = if h.separator {
        twips_mm(g::SEPARATOR_BELOW_NUMBER_MM) + twips_mm(g::SEPARATOR_THICKNESS_MM)
    } else {
        0
    };
    out.push(Block::p(spacer(
        twips_pt(g::leading_pt()) + g::TITLE_BLANK_LINES as i32 * pitch() - rule,
    )));
}

/// 标题: 2号小标宋, centred, the composed line breaks kept.
fn title_paragraph(lines: &[String]) -> Paragraph {
    let mut p = Paragraph::new()
        .snap_to_grid(false)
        .line_spacing(exact(twips_pt(g::TITLE_SIZE_PT + g::leading_pt())))
        .align(AlignmentType::Center);
    for (i, l) in lines.iter().enumerate() {
        let mut r = run(l, FontRole::Xiaobiaosong, g::TITLE_SIZE_PT);
        if i + 1 < lines.len() {
            r = r.add_break(BreakType::TextWrapping);
        }
        p = p.add_run(r);
    }
    p
}

/// Ends the current section (portrait or landscape) at the last paragraph of `out`.
fn end_section(out: &mut Vec<Block>, landscape_section: bool) {
    let (w, h, margin) = if landscape_section {
        landscape()
    } else {
        portrait()
    };
    let mut size = PageSize::new().size(w, h);
    if landscape_section {
        size = size.orient(PageOrientationType::Landscape);
    }
    let mut sect = SectionProperty::new()
        .page_size(size)
        .page_margin(margin)
        .doc_grid(grid());
    if landscape_section {
        sect = sect.page_orient(PageOrientationType::Landscape);
    }
    out.push(Block::p(
        Paragraph::new()
            .line_spacing(exact(20))
            .size(2)
            .section_property(sect),
    ));
}

/// 附件: a new page, 附件N in 黑体, the title on the third line, then the content.
fn annex(out: &mut Vec<Block>, a: &Annex, landscape_page: bool, new_page: bool) {
    out.push(Block::p(
        Paragraph::new()
            .line_spacing(exact(pitch()))
            .page_break_before(new_page)
            .add_run(run(&a.label, FontRole::Hei, g::BODY_SIZE_PT)),
    ));
    out.extend(blank_lines(1).into_iter().map(Block::p));
    out.push(Block::p(title_paragraph(&a.title)));
    out.extend(blank_lines(1).into_iter().map(Block::p));
    out.extend(a.paragraphs.iter().map(|p| Block::p(grid_paragraph(p))));
    if let Some(t) = &a.table {
        let width = if landscape_page {
            g::TEXT_HEIGHT_MM
        } else {
            g::TEXT_WIDTH_MM
        };
        out.push(Block::t(table(t, width)));
    }
    out.extend(a.after.iter().map(|p| Block::p(grid_paragraph(p))));
}

/// An annex table: fixed layout, borders, exact blank-row heights, header row repeated.
fn table(t: &MTable, width_mm: f64) -> Table {
    let total = twips_mm(width_mm) as f64;
    let widths: Vec<usize> = t
        .widths
        .iter()
        .map(|w| (w * total).round() as usize)
        .collect();
    let cell_para = |text: &str, role: FontRole| {
        Paragraph::new()
            .align(AlignmentType::Center)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Auto)
                    .line(240)
                    .before(0)
                    .after(0),
            )
            .snap_to_grid(false)
            .add_run(run(text, role, g::TABLE_SIZE_PT))
    };
    let row = |cells: &[String], role: FontRole| {
        cells
            .iter()
            .zip(&widths)
            .map(|(c, w)| {
                TableCell::new()
                    .width(*w, WidthType::Dxa)
                    .vertical_align(VAlignType::Center)
                    .add_paragraph(cell_para(c, role))
            })
            .collect::<Vec<_>>()
    };
    // No row breaks across pages (cantSplit); docx_xml makes the head rows repeat.
    let mut rows: Vec<TableRow> = head_rows(t, &widths, &cell_para)
        .into_iter()
        .map(|r| TableRow::new(r).cant_split())
        .collect();
    for r in &t.rows {
        let blank = r.iter().all(String::is_empty);
        let mut tr = TableRow::new(row(r, FontRole::Fangsong)).cant_split();
        if blank {
            tr = tr
                .row_height(twips_mm(t.row_height_mm) as f32)
                .height_rule(HeightRule::Exact);
        }
        rows.push(tr);
    }
    let pad = twips_mm(g::TABLE_CELL_PAD_MM) as usize;
    Table::new(rows)
        .set_grid(widths.clone())
        .layout(TableLayoutType::Fixed)
        .width(widths.iter().sum(), WidthType::Dxa)
        .margins(TableCellMargins::new().margin(pad, pad, pad, pad))
}

/// A table's head: one row of titles, or two where columns have a group title over them (the
/// group's cell spans its columns, `gridSpan`; an ungrouped column's title merges down across
/// both rows, `vMerge`).
fn head_rows(
    t: &MTable,
    widths: &[usize],
    para: &dyn Fn(&str, FontRole) -> Paragraph,
) -> Vec<Vec<TableCell>> {
    let cell = |text: &str, width: usize| {
        TableCell::new()
            .width(width, WidthType::Dxa)
            .vertical_align(VAlignType::Center)
            .add_paragraph(para(text, FontRole::Hei))
    };
    if t.groups.iter().all(Option::is_none) {
        return vec![t
            .columns
            .iter()
            .zip(widths)
            .map(|(c, w)| cell(c, *w))
            .collect()];
    }
    let (mut upper, mut lower) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < t.columns.len() {
        let Some(g) = &t.groups[i] else {
            let w = widths[i];
            upper.push(cell(&t.columns[i], w).vertical_merge(VMergeType::Restart));
            lower.push(cell("", w).vertical_merge(VMergeType::Continue));
            i += 1;
            continue;
        };
        let n = t.groups[i..]
            .iter()
            .take_while(|x| x.as_ref() == Some(g))
            .count();
        let w: usize = widths[i..i + n].iter().sum();
        upper.push(cell(g, w).grid_span(n));
        lower.extend((i..i + n).map(|k| cell(&t.columns[k], widths[k])));
        i += n;
    }
    vec![upper, lower]
}

/// 版记: framed at the bottom of the last page, between its rules; its 抄送 on `cc_lines`
/// lines, as the PDF broke it.
fn colophon(out: &mut Vec<Block>, c: &Colophon, cc_lines: usize) {
    let rule = |mm: f64| (mm * g::PT_PER_MM * 8.0).round() as usize;
    let line = (g::SMALL_SIZE_PT * 1.6 * 20.0).round() as i32;
    let inset = twips_pt(g::COLOPHON_INDENT_CHARS * g::SMALL_SIZE_PT);
    let printed = !(c.printer.is_empty() && c.printed.is_empty());
    // Lines of each row, top to bottom: the 抄送's, then the 印发 row's one.
    let heights: Vec<usize> =
        c.cc.iter()
            .map(|_| cc_lines)
            .chain(printed.then_some(1))
            .collect();
    // Each row in a frame of its own, stacked at the foot of the text block: LibreOffice lays
    // out consecutive paragraphs sharing one frame as plain text after the signature, without
    // their rules (Word draws both ways the same). Placed from the paper's top edge: the
    // DOCX's top margin is set above the text block's (its first line box starts higher, see
    // `line_gap_mm`), and from there the last rule ended 4.8 mm above the block's foot. A
    // frame as high as its row's lines: an exact height one line high cut a 抄送 of two.
    let foot = twips_mm(g::MARGIN_TOP_MM + g::TEXT_HEIGHT_MM);
    let frame = |mut p: Paragraph, row: usize| {
        let below: usize = heights[row..].iter().sum();
        p.property = p.property.frame_property(
            FrameProperty::new()
                .wrap("around")
                .v_anchor("page")
                .h_anchor("margin")
                .x(0)
                .y(foot - line * below as i32)
                .width(twips_mm(g::TEXT_WIDTH_MM) as u32)
                .h_rule("exact")
                .height((line * heights[row] as i32) as u32),
        );
        p
    };
    let border = |pos, mm| {
        ParagraphBorder::new(pos)
            .val(if c.ruled {
                BorderType::Single
            } else {
                BorderType::Nil
            })
            .color("000000")
            .size(rule(mm))
            .space(0)
    };
    let base = |p: Paragraph, row: usize| {
        let p = p.line_spacing(exact(line)).snap_to_grid(false);
        frame(p, row)
    };
    let mut paragraphs = Vec::new();
    if let Some(cc) = &c.cc {
        // 抄送： hangs; its later lines start under the first 机关 (§7.4.2).
        let hang = twips_pt(3.0 * g::SMALL_SIZE_PT);
        let mut p = base(Paragraph::new(), 0)
            .indent(
                Some(inset + hang),
                Some(SpecialIndentType::Hanging(hang)),
                Some(inset),
                None,
            )
            .add_run(run(cc, FontRole::Fangsong, g::SMALL_SIZE_PT));
        p.property = p.property.set_borders(
            ParagraphBorders::with_empty()
                .set(border(
                    ParagraphBorderPosition::Top,
                    g::COLOPHON_OUTER_RULE_MM,
                ))
                .set(border(
                    ParagraphBorderPosition::Bottom,
                    g::COLOPHON_INNER_RULE_MM,
                )),
        );
        paragraphs.push(p);
        // LibreOffice places a framed paragraph by its frame only when a plain paragraph
        // follows it (the next frame's paragraph does not do): without this point-high one, the
        // 抄送 row was laid out at the top of the page or after the signature, without rules.
        // It sits in the flow above the frames, in the gap their 22.4 pt rows leave below the
        // last 28.9 pt line, so it never adds a line or a page.
        if printed {
            paragraphs.push(spacer(20));
        }
    }
    if !printed {
        out.extend(paragraphs.into_iter().map(Block::p));
        return;
    }
    let right_tab = twips_mm(g::TEXT_WIDTH_MM) - inset;
    let mut p = base(Paragraph::new(), heights.len() - 1)
        .indent(Some(inset), None, Some(inset), None)
        .add_tab(Tab::new().val(TabValueType::Right).pos(right_tab as usize))
        .add_run(run(&c.printer, FontRole::Fangsong, g::SMALL_SIZE_PT).add_tab())
        .add_run(run(&c.printed, FontRole::Fangsong, g::SMALL_SIZE_PT));
    let mut borders = ParagraphBorders::with_empty().set(border(
        ParagraphBorderPosition::Bottom,
        g::COLOPHON_OUTER_RULE_MM,
    ));
    if c.cc.is_none() {
        borders = borders.set(border(
            ParagraphBorderPosition::Top,
            g::COLOPHON_OUTER_RULE_MM,
        ));
    }
    p.property = p.property.set_borders(borders);
    paragraphs.push(p);
    out.extend(paragraphs.into_iter().map(Block::p));
}

/// 页码: "— N —" in 4号宋体; odd pages right, even pages left, one character in.
fn page_number_footer(odd: bool) -> Footer {
    let one = twips_pt(g::PAGE_NUMBER_INDENT_CHARS * g::SMALL_SIZE_PT);
    let r = |t: &str| run(t, FontRole::Song, g::SMALL_SIZE_PT).fonts(page_number_fonts());
    let field = || styled(FontRole::Song, g::SMALL_SIZE_PT).fonts(page_number_fonts());
    let p = Paragraph::new()
        .line_spacing(exact(twips_pt(g::SMALL_SIZE_PT)))
        .snap_to_grid(false)
        .align(if odd {
            AlignmentType::Right
        } else {
            AlignmentType::Left
        })
        .indent(
            Some(if odd { 0 } else { one }),
            None,
            Some(if odd { one } else { 0 }),
            None,
        )
        .add_run(r("— "))
        .add_run(field().add_field_char(FieldCharType::Begin, false))
        .add_run(field().add_instr_text(InstrText::PAGE(InstrPAGE::new())))
        .add_run(field().add_field_char(FieldCharType::Separate, false))
        .add_run(r("1"))
        .add_run(field().add_field_char(FieldCharType::End, false))
        .add_run(r(" —"));
    Footer::new().add_paragraph(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heights(blocks: &[Block]) -> Vec<i32> {
        blocks.iter().map(|b| block_twips(b).unwrap()).collect()
    }

    #[test]
    fn a_first_page_block_a_little_past_the_grid_gives_it_up_from_its_last_spacer() {
        // 版头 and title ending 12 twips past 13 lines (光泽县's cover: LibreOffice set the blank
        // after the title a line late and moved the closing to page 2).
        let p = pitch();
        let mut blocks = vec![
            Block::p(spacer(2 * p)),
            Block::p(
                Paragraph::new()
                    .line_spacing(exact(p))
                    .add_run(Run::new().add_text("标题")),
            ),
            Block::p(spacer(10 * p + 12)),
        ];
        onto_grid(&mut blocks);
        assert_eq!(heights(&blocks), [2 * p, p, 10 * p]);
        // A bottom border counts with its space and width: 11 pt and 11/8 pt.
        let number = Paragraph::new().line_spacing(exact(320)).set_borders(
            ParagraphBorders::with_empty().set(
                ParagraphBorder::new(ParagraphBorderPosition::Bottom)
                    .size(11)
                    .space(11),
            ),
        );
        assert_eq!(block_twips(&Block::p(number)), Some(320 + 220 + 27));
        // Half a line past is no rounding: left as it is.
        let mut blocks = vec![Block::p(spacer(p)), Block::p(spacer(p + p / 2))];
        onto_grid(&mut blocks);
        assert_eq!(heights(&blocks), [p, p + p / 2]);
    }
}
