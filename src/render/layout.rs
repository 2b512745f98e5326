//! The layout every paged writer shares: the document model as JSON into the typst templates,
//! laid out by typst (twice when a first layout decides where the closing and the 版记 go).
//! The PDF, the OFD, the DOCX (its 版记 placement), copies and the web preview read it.

use crate::error::{Error, Result};
use crate::fonts::{self, FontSet};
use crate::gbt9704::Layout;
use crate::model::{Document, FontRole};
use crate::render::templates::Templates;
use crate::render::world::GongwenWorld;
use crate::render::{decide, page_numbers};
use serde::Serialize;
use std::collections::BTreeMap;
use typst::diag::SourceDiagnostic;
use typst::layout::{Frame, FrameItem};
use typst::utils::LazyHash;
use typst::{Library, World, WorldExt};
use typst_layout::PagedDocument;

/// What a role's faces look like to the template.
#[derive(Serialize)]
struct RoleFonts {
    families: Vec<String>,
    weight: &'static str,
}

/// The JSON the templates read: the standard's numbers, the fonts, the document.
#[derive(Serialize)]
struct TemplateData<'a> {
    layout: Layout,
    latin: &'static str,
    fonts: BTreeMap<&'static str, RoleFonts>,
    doc: &'a serde_json::Value,
    /// How the texts that hold full-width marks or long Latin runs are set (`render::runs`).
    runs: serde_json::Map<String, serde_json::Value>,
    /// Page breaks before the 版记 (0, 1 or 2), decided by a first layout; `None` in it.
    colophon_breaks: Option<i64>,
    /// Parts whose last paragraph is kept with the signature, decided by a first layout.
    keep_closing: Option<Vec<i64>>,
    /// Parts whose closing is set tight to stay on its page (GB/T 9704 §7.3.5.5), with the
    /// share of the standard leading each gets.
    tight_closing: Option<BTreeMap<String, Tight>>,
}

/// The role's key in the template data (the serde name of the role).
fn role_key(role: FontRole) -> &'static str {
    match role {
        FontRole::Xiaobiaosong => "xiaobiaosong",
        FontRole::Fangsong => "fangsong",
        FontRole::Hei => "hei",
        FontRole::Kai => "kai",
        FontRole::Song => "song",
    }
}

/// The JSON handed to the template for `doc`.
pub fn template_data(doc: &Document, fonts: &FontSet) -> Vec<u8> {
    template_data_with(doc, fonts, &Decisions::default())
}

/// What a first layout decided for the next one.
#[derive(Debug, Clone, Default, PartialEq)]
struct Decisions {
    colophon_breaks: Option<i64>,
    keep_closing: Option<Vec<i64>>,
    tight_closing: Option<BTreeMap<String, Tight>>,
}

/// [`template_data`] with the decisions of an earlier layout.
fn template_data_with(doc: &Document, fonts: &FontSet, decided: &Decisions) -> Vec<u8> {
    let doc = serde_json::to_value(doc).expect("the model serializes");
    let data = TemplateData {
        runs: super::runs::table(&doc),
        colophon_breaks: decided.colophon_breaks,
        keep_closing: decided.keep_closing.clone(),
        tight_closing: decided.tight_closing.clone(),
        layout: Layout::standard(),
        latin: fonts::LATIN_FAMILY,
        fonts: FontRole::ALL
            .iter()
            .map(|&r| {
                (
                    role_key(r),
                    RoleFonts {
                        families: fonts.families(r),
                        weight: if fonts::role_is_heavy(r) {
                            "bold"
                        } else {
                            "regular"
                        },
                    },
                )
            })
            .collect(),
        doc: &doc,
    };
    serde_json::to_vec(&data).expect("the model serializes")
}

/// Why a layout pass ran: the first, or a decision of an earlier one applied.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Pass {
    /// The first layout, which also measures what the decisions need.
    First,
    /// Closings set tight at this share of the leading (GB/T 9704 §7.3.5.5), tried.
    Tight(Tight),
    /// Closings kept with their signature (the tight ones settled, the others split).
    Settle,
    /// Page breaks before the 版记.
    ColophonBreaks,
}

/// Lays the document out with the template `main` (e.g. `notice.typ`): the layout and the
/// passes it took, and why each ran.
pub fn typeset_passes(
    doc: &Document,
    library: &LazyHash<Library>,
    fonts: &FontSet,
    templates: &Templates,
    main: &str,
) -> Result<(PagedDocument, Vec<Pass>)> {
    // Layout decisions that depend on where things fall are made by a first layout and
    // applied in the next one, at the top level: which closings keep their last paragraph
    // with the signature, then the 版记's page breaks (pages broken inside a `context` get a
    // wrong page location in typst, which printed "— 1 —" on the blank and 版记 pages).
    let mut t = Typesetter {
        doc,
        library,
        fonts,
        templates,
        main,
        passes: Vec::new(),
    };
    let mut decided = Decisions::default();
    let mut paged = t.compile(&decided, Pass::First)?;
    let keep = decide::signatures_alone(&paged);
    decided.keep_closing = Some(keep.clone());
    if !keep.is_empty() {
        paged = t.tighten(&mut decided, &keep)?;
    }
    let breaks = decide::colophon_breaks(&paged);
    if let Some(n) = breaks.filter(|n| *n > 0) {
        decided.colophon_breaks = Some(n);
        paged = t.compile(&decided, Pass::ColophonBreaks)?;
    }
    if paged.pages().len() > MAX_PAGES {
        return Err(Error::Typeset(format!(
            "排版结果有 {} 页，超过上限 {MAX_PAGES} 页；请检查模板或拆分文档",
            paged.pages().len()
        )));
    }
    let paged = t.number_pages(paged, &decided)?;
    check_first_page(doc, &paged)?;
    if let Some(missing) = missing_glyph(&paged) {
        return Err(Error::MissingGlyph(format!(
            "字符“{missing}”（U+{:04X}）没有任何可用字体能够显示；请安装含有该字的字体并用 --font-path 指定",
            missing as u32
        )));
    }
    Ok((super::binding::bind_landscape(paged), t.passes))
}

/// Most pages one document may have (a template that loops is stopped here, not by the disk).
pub const MAX_PAGES: usize = 1_000;

/// GB/T 9704: the 主体 starts on the first page. A red header too tall for that (many joint
/// issuers, a huge mark) is an error, not a document whose first page holds only its header.
fn check_first_page(doc: &Document, paged: &PagedDocument) -> Result<()> {
    let Some(part) = doc.parts.first() else {
        return Ok(());
    };
    let Some(header) = &part.header else {
        return Ok(());
    };
    let squeeze = |t: &str| -> String { t.chars().filter(|c| !c.is_whitespace()).collect() };
    let start = part.recipients.as_deref().map(squeeze).or_else(|| {
        part.body
            .first()
            .map(|p| squeeze(&p.spans.iter().map(|s| s.text.as_str()).collect::<String>()))
    });
    let Some(start) = start else { return Ok(()) };
    let start: String = start.chars().take(4).collect();
    // Only page 1 is read: this runs on every render.
    let m = crate::render::measure::Measured::of_first_page(paged);
    let page1: String = m.lines(1).iter().map(|l| squeeze(&l.text)).collect();
    if page1.contains(&start) {
        return Ok(());
    }
    Err(Error::Typeset(format!(
        "版头过高：发文机关标志（{} 个机关）把主送机关和正文挤出了首页，而 GB/T 9704 要求首页显示正文；请减少联合发文机关、减小 header.mark_size，或改用“××等部门”的写法",
        header.mark.lines.len()
    )))
}

/// Whether the 版记 stands on a page after the last page of content (a new even page, with a
/// blank page before it when needed): the DOCX then starts it on an even page too.
pub fn colophon_on_own_page(paged: &PagedDocument) -> bool {
    let page = |name: &str| label_page(paged, name);
    match (page("content-end"), page("colophon-page")) {
        (Some(end), Some(colophon)) => colophon > end,
        _ => false,
    }
}

/// Whether a blank page stands between the last page of content and the 版记's page.
pub fn blank_before_colophon(paged: &PagedDocument) -> bool {
    let page = |name: &str| label_page(paged, name);
    match (page("content-end"), page("colophon-page")) {
        (Some(end), Some(colophon)) => colophon > end + 1,
        _ => false,
    }
}

/// The page (from 1) of the element labelled `name` in a layout.
fn label_page(paged: &PagedDocument, name: &str) -> Option<usize> {
    use typst::introspection::Introspector;
    let label = typst::foundations::Label::new(typst::utils::PicoStr::intern(name))?;
    let introspector = paged.introspector();
    let content = introspector.query_label(label).ok()?;
    let location = content.location()?;
    introspector.page(location).map(|p| p.get())
}

/// How a closing is set tight (GB/T 9704 §7.3.5.5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, serde::Deserialize)]
pub struct Tight {
    /// Share of the standard leading.
    pub share: f64,
    /// Whether the 附注 stay with the signature (else they may go on to the next page).
    pub notes_inside: bool,
}

/// What the PDF's layout decided that the DOCX must follow to have the same pages.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Placement {
    /// The 版记 stands on a page of its own ([`colophon_on_own_page`]).
    pub colophon_own_page: bool,
    /// A blank page stands before the 版记's own page: neither carries a number (§7.5).
    pub blank_before_colophon: bool,
    /// Parts (by index) whose closing is set tight, and how.
    pub tight: BTreeMap<usize, Tight>,
    /// Parts (by index) whose last paragraph is cut at a page end, the rest going on with the
    /// signature (§7.3.5.5): the characters (grapheme clusters) left on the page before.
    pub split: BTreeMap<usize, usize>,
    /// Annexes (by index) whose form's blank rows are shorter, to keep the form on one page:
    /// their height (mm).
    pub annex_rows: BTreeMap<usize, f64>,
    /// Lines the 版记's 抄送 took (0 when unknown: one).
    pub cc_lines: usize,
}

/// The layout decisions of `paged` for the DOCX writer.
pub fn placement(paged: &PagedDocument) -> Placement {
    let tight = label_value(paged, "tight-closing")
        .and_then(|v| serde_json::to_value(&v).ok())
        .and_then(|j| serde_json::from_value::<BTreeMap<String, Tight>>(j).ok())
        .unwrap_or_default();
    Placement {
        colophon_own_page: colophon_on_own_page(paged),
        blank_before_colophon: blank_before_colophon(paged),
        split: decide::closings_split(paged),
        annex_rows: decide::annex_rows(paged),
        cc_lines: decide::cc_lines(paged).unwrap_or(0),
        tight: tight
            .into_iter()
            .filter_map(|(k, t)| Some((k.parse().ok()?, t)))
            .collect(),
    }
}

/// A pass that set closings tight: what it set, its layout, which closings stayed on their
/// page and which still moved.
struct Tried {
    tight: BTreeMap<String, Tight>,
    paged: PagedDocument,
    kept: Vec<i64>,
    moved: Vec<i64>,
}

/// `parts` set tight at `step` in `map`.
fn settle(map: &mut BTreeMap<String, Tight>, parts: &[i64], step: Tight) {
    map.extend(parts.iter().map(|i| (i.to_string(), step)));
}

/// One document being laid out, and the passes so far.
struct Typesetter<'a> {
    doc: &'a Document,
    library: &'a LazyHash<Library>,
    fonts: &'a FontSet,
    templates: &'a Templates,
    main: &'a str,
    passes: Vec<Pass>,
}

impl Typesetter<'_> {
    /// One layout pass with `decided`, recorded with its reason.
    fn compile(&mut self, decided: &Decisions, why: Pass) -> Result<PagedDocument> {
        self.passes.push(why);
        compile(
            self.doc,
            self.library,
            self.fonts,
            self.templates,
            self.main,
            decided,
        )
    }

    /// `paged` with its page numbers laid over its pages (see [`page_numbers`]).
    fn number_pages(&self, paged: PagedDocument, decided: &Decisions) -> Result<PagedDocument> {
        let end = label_page(&paged, "content-end");
        let numbered = page_numbers::numbered(&paged, end, self.doc.number_first_page);
        if numbered.is_empty() || page_numbers::numbered_by_template(&paged) {
            return Ok(paged);
        }
        let file = (
            page_numbers::FILE.to_owned(),
            typst::foundations::Bytes::new(page_numbers::data(
                &numbered,
                self.fonts.primary(crate::model::FontRole::Song).0,
            )),
        );
        let data = template_data_with(self.doc, self.fonts, decided);
        let labels = compile_main(
            self.doc,
            self.library,
            self.fonts,
            self.templates,
            page_numbers::TEMPLATE,
            data,
            vec![file],
        )?;
        Ok(page_numbers::lay_over(paged, &labels, &numbered))
    }

    /// Sets the closings `keep` tight (§7.3.5.5) at the first step of the ladder that keeps
    /// each on its page, in few passes: the preferred step; if some still move, the loosest
    /// (a closing that moves even there cannot be kept by spacing and is split instead); then
    /// the steps between, in order, for the closings the loosest keeps.
    fn tighten(&mut self, decided: &mut Decisions, keep: &[i64]) -> Result<PagedDocument> {
        let ladder: Vec<Tight> = [true, false]
            .into_iter()
            .flat_map(|notes_inside| {
                crate::gbt9704::TIGHT_LEADING_SHARES.map(|share| Tight {
                    share,
                    notes_inside,
                })
            })
            .collect();
        let last = ladder.len() - 1;
        let mut settled: BTreeMap<String, Tight> = BTreeMap::new();
        let mut tried = self.try_step(decided, &settled, keep, ladder[0])?;
        settle(&mut settled, &tried.kept, ladder[0]);
        if !tried.moved.is_empty() && last > 0 {
            let moved = std::mem::take(&mut tried.moved);
            tried = self.try_step(decided, &settled, &moved, ladder[last])?;
            let mut trying = std::mem::take(&mut tried.kept);
            for &step in &ladder[1..last] {
                if trying.is_empty() {
                    break;
                }
                tried = self.try_step(decided, &settled, &trying, step)?;
                settle(&mut settled, &tried.kept, step);
                trying = std::mem::take(&mut tried.moved);
            }
            settle(&mut settled, &trying, ladder[last]);
        }
        let paged = if tried.tight == settled {
            tried.paged
        } else {
            decided.tight_closing = Some(settled.clone());
            self.compile(decided, Pass::Settle)?
        };
        // 附注 that would stand alone on the next page: the closing is split instead, so that
        // the page carrying them carries body text and the signature too (§7.3.5.5).
        let alone: Vec<String> = decide::notes_moved(&paged)
            .iter()
            .map(i64::to_string)
            .filter(|k| settled.get(k).is_some_and(|t| !t.notes_inside))
            .collect();
        if alone.is_empty() {
            return Ok(paged);
        }
        settled.retain(|k, _| !alone.contains(k));
        decided.tight_closing = Some(settled);
        self.compile(decided, Pass::Settle)
    }

    /// One pass with the closings `parts` set tight at `step` beside the `settled` ones.
    fn try_step(
        &mut self,
        decided: &mut Decisions,
        settled: &BTreeMap<String, Tight>,
        parts: &[i64],
        step: Tight,
    ) -> Result<Tried> {
        let mut tight = settled.clone();
        settle(&mut tight, parts, step);
        decided.tight_closing = Some(tight.clone());
        let paged = self.compile(decided, Pass::Tight(step))?;
        let moved = decide::tight_moved(&paged);
        let (moved, kept) = parts.iter().partition(|i| moved.contains(i));
        Ok(Tried {
            tight,
            paged,
            kept,
            moved,
        })
    }
}

/// The value of the `metadata` element labelled `name` in a layout.
fn label_value(paged: &PagedDocument, name: &str) -> Option<typst::foundations::Value> {
    use typst::introspection::Introspector;
    let label = typst::foundations::Label::new(typst::utils::PicoStr::intern(name))?;
    let content = paged.introspector().query_label(label).ok()?;
    content.get_by_name("value").ok()
}

fn compile(
    doc: &Document,
    library: &LazyHash<Library>,
    fonts: &FontSet,
    templates: &Templates,
    main: &str,
    decided: &Decisions,
) -> Result<PagedDocument> {
    let data = template_data_with(doc, fonts, decided);
    compile_main(doc, library, fonts, templates, main, data, Vec::new())
}

/// Lays out the template `main` with `data` and the document's files, and `extra` ones.
fn compile_main(
    doc: &Document,
    library: &LazyHash<Library>,
    fonts: &FontSet,
    templates: &Templates,
    main: &str,
    data: Vec<u8>,
    extra: Vec<(String, typst::foundations::Bytes)>,
) -> Result<PagedDocument> {
    let date = chrono::NaiveDate::parse_from_str(&doc.meta.date, "%Y-%m-%d").unwrap_or_default();
    let files = doc
        .seal_files
        .iter()
        .map(|f| {
            (
                f.name.clone(),
                typst::foundations::Bytes::new(f.bytes.clone()),
            )
        })
        .chain(extra)
        .collect();
    let world = GongwenWorld::new(library, fonts, templates, main, data, files, date);
    typst::compile::<PagedDocument>(&world)
        .output
        .map_err(|errors| Error::Typeset(describe(&world, &errors)))
}

/// Template errors with their place in the template.
fn describe(world: &GongwenWorld, errors: &[SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| {
            let place = match e.span.get() {
                typst::syntax::DiagSpanKind::Number { id, .. } => {
                    let name = id.get().vpath().get_without_slash().to_owned();
                    let line = world
                        .range(e.span)
                        .and_then(|r| {
                            world
                                .source(id)
                                .ok()
                                .map(|s| s.text()[..r.start].matches('\n').count() + 1)
                        })
                        .unwrap_or(0);
                    format!("{name}:{line}: ")
                }
                _ => String::new(),
            };
            let hints: String = e
                .hints
                .iter()
                .map(|h| format!("（提示：{}）", h.v))
                .collect();
            format!("{place}{}{hints}", e.message)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first character drawn with no glyph (the "tofu" box), if any.
fn missing_glyph(paged: &PagedDocument) -> Option<char> {
    fn walk(frame: &Frame) -> Option<char> {
        for (_, item) in frame.items() {
            match item {
                FrameItem::Group(g) => {
                    if let Some(c) = walk(&g.frame) {
                        return Some(c);
                    }
                }
                FrameItem::Text(t) => {
                    for g in &t.glyphs {
                        if g.id == 0 {
                            let c = t.text[g.range()].chars().next();
                            if c.is_some_and(|c| !c.is_whitespace()) {
                                return c;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        None
    }
    paged.pages().iter().find_map(|p| walk(&p.frame))
}
