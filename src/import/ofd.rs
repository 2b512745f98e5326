//! OFD reader (GB/T 33190-2016): the text objects of each page with their boundary, size and
//! fill colour, placed glyph by glyph from TextCode X/Y/DeltaX (mm), then grouped into lines
//! like a PDF's.

use super::grid::Rule;
use super::layout::{lines, ruled_rows, G};
use super::lines::Line;
use super::xml::{attr, broken, entity, is_red, local, text, zip_text};
use crate::compose::text::is_wide;
use quick_xml::events::Event;
use quick_xml::Reader;

/// Points per millimetre.
const PT: f64 = 72.0 / 25.4;

/// How an OFD's text was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reading {
    /// From its 公文 tags: elements and paragraphs as the tags say.
    Tags,
    /// From the layout of its pages.
    Layout,
}

/// Reads the text lines of an OFD file, and how they were read.
pub fn read(bytes: &[u8]) -> Result<(Vec<Line>, Reading), String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|_| "文件已损坏：不是有效的 OFD（zip 结构无法读取）".to_owned())?;
    let ofd = zip_text(&mut zip, "OFD.xml")?.ok_or("文件已损坏或不是 OFD：缺少 OFD.xml")?;
    if let Some(ns) = root_namespace(&ofd).filter(|ns| !ns.starts_with(OFD_NAMESPACE_STEM)) {
        return Err(format!(
            "OFD.xml 的命名空间是 {ns}，不是 GB/T 33190 的 {OFD_NAMESPACE_STEM}/2016：这不是按标准写的 OFD，文字无法可靠读取；请向来文单位索取标准 OFD 或 PDF"
        ));
    }
    let root = element_text(&ofd, "DocRoot").ok_or("OFD.xml 中没有 DocRoot")?;
    let root = root.trim_start_matches('/').to_owned();
    let base = root.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let document =
        zip_text(&mut zip, &root)?.ok_or_else(|| format!("OFD 中缺少 {}", short(&root)))?;
    // Encryption is declared by an element (GB/T 33190 §…Encryptions), not by the word
    // anywhere in the text (a comment may name it).
    if has_element(&ofd, "Encryptions") || has_element(&document, "Encryptions") {
        return Err("OFD 已加密，请先解密后再导入".to_owned());
    }
    let mut locations = page_locations(&document);
    // A page listed twice is read once.
    let mut seen = std::collections::HashSet::new();
    locations.retain(|(_, l)| seen.insert(l.clone()));
    if let Some(element) = super::ofd_tags::certificate(&mut zip, &document, &base) {
        return Err(format!(
            "这是电子证照（其标引有“{element}”），不是公文；只能导入收到的公文"
        ));
    }
    // The 公文's tags, when it carries them, say which objects are which element.
    let tags = super::ofd_tags::read(&mut zip, &document, &base);
    if locations.len() > super::MAX_PAGES {
        return Err(format!(
            "OFD 有 {} 页，超过导入上限 {} 页",
            locations.len(),
            super::MAX_PAGES
        ));
    }
    let mut units = Units::of(&mut zip, &document, &base)?;
    let templates = template_locations(&document);
    let mut pages = Vec::new();
    let mut tagged = Vec::new();
    for (id, loc) in locations {
        let path = resolve(&base, &loc);
        let content =
            zip_text(&mut zip, &path)?.ok_or_else(|| format!("OFD 中缺少页面 {}", short(&path)))?;
        // The page's templates (模板页: an invoice's or a form's labels) under its own objects.
        let (mut glyphs, mut rules) = (Vec::new(), Vec::new());
        for template in page_templates(&content) {
            let Some(loc) = templates.get(&template) else {
                continue;
            };
            if let Some(xml) = zip_text(&mut zip, &resolve(&base, loc))? {
                let (g, r) = objects(&xml, &mut units, IDENTITY, 0)?;
                glyphs.extend(g);
                rules.extend(r);
            }
        }
        let (own, own_rules) = objects(&content, &mut units, IDENTITY, 0)?;
        glyphs.extend(own);
        rules.extend(own_rules);
        if tags.is_some() {
            tagged.push(super::ofd_tags::TaggedPage { id, glyphs, rules });
        } else {
            pages.push(ruled_rows(glyphs, &rules));
        }
    }
    if let Some(groups) = tags {
        let rows: Vec<_> = tagged
            .iter()
            .map(|p| ruled_rows(p.glyphs.clone(), &p.rules))
            .collect();
        let lines = super::ofd_tags::tag_lines(&groups, tagged);
        if !lines.is_empty() {
            return Ok((lines, Reading::Tags));
        }
        // Tags that leave text out: the layout reading.
        pages = rows;
    }
    if pages.iter().all(Vec::is_empty) {
        return Err("OFD 中没有可提取的文字（可能是扫描件）".to_owned());
    }
    Ok((lines(&pages), Reading::Layout))
}

/// GB/T 33190's namespace without its year (an early writer's http://www.ofdspec.org is read
/// too).
const OFD_NAMESPACE_STEM: &str = "http://www.ofdspec.org";

/// The namespace of the root element of `xml` (that of its prefix, or its default one).
fn root_namespace(xml: &str) -> Option<&str> {
    let mut rest = xml;
    let tag = loop {
        let at = rest.find('<')?;
        rest = &rest[at + 1..];
        if !rest.starts_with(['?', '!']) {
            break &rest[..rest.find('>')?];
        }
    };
    let name = tag.split(|c: char| c.is_whitespace() || c == '/').next()?;
    let attr = match name.split_once(':') {
        Some((prefix, _)) => format!("xmlns:{prefix}="),
        None => "xmlns=".to_owned(),
    };
    let value = &tag[tag.find(&attr)? + attr.len()..];
    let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let value = &value[1..];
    Some(&value[..value.find(quote)?])
}

/// Whether the package carries a signature or an electronic seal (OFD.xml names its
/// `Signatures` file): the document was sealed.
pub fn carries_seal(bytes: &[u8]) -> bool {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return false;
    };
    zip_text(&mut zip, "OFD.xml")
        .ok()
        .flatten()
        .is_some_and(|ofd| has_element(&ofd, "Signatures"))
}

/// Whether `xml` has an element named `name` (any prefix).
fn has_element(xml: &str, name: &str) -> bool {
    let mut r = Reader::from_str(xml);
    loop {
        match r.read_event() {
            Ok(Event::Start(e) | Event::Empty(e)) if local(&e) == name => return true,
            Ok(Event::Eof) | Err(_) => return false,
            _ => {}
        }
    }
}

/// A part's name as a message shows it: a hostile 10 MB name is cut short.
fn short(name: &str) -> String {
    match name.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &name[..i]),
        None => name.to_owned(),
    }
}

/// An ST_Loc as a path in the package: an absolute location starts at the package root, a
/// relative one at `dir` (the folder of the file that names it).
pub(super) fn resolve(dir: &str, loc: &str) -> String {
    let loc = loc.trim();
    match loc.strip_prefix('/') {
        Some(abs) => abs.to_owned(),
        None if dir.is_empty() => loc.to_owned(),
        None => format!("{dir}/{loc}"),
    }
}

/// The text of the first element named `name`.
pub(super) fn element_text(xml: &str, name: &str) -> Option<String> {
    let mut r = Reader::from_str(xml);
    let mut inside = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if local(&e) == name => inside = true,
            Event::Text(t) if inside => return Some(text(&t).trim().to_owned()),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// BaseLoc of every template page (模板页, CommonData's TemplatePage), by ID.
fn template_locations(document: &str) -> std::collections::HashMap<String, String> {
    let mut r = Reader::from_str(document);
    let mut out = std::collections::HashMap::new();
    while let Ok(event) = r.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if local(&e) == "TemplatePage" => {
                if let (Some(id), Some(loc)) = (attr(&e, "ID"), attr(&e, "BaseLoc")) {
                    out.insert(id.trim().to_owned(), loc);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// The template pages a page draws under its content (its Template elements' TemplateID), each
/// once, at most a few.
fn page_templates(page: &str) -> Vec<String> {
    let mut r = Reader::from_str(page);
    let mut out: Vec<String> = Vec::new();
    while let Ok(event) = r.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if local(&e) == "Template" => {
                if let Some(id) = attr(&e, "TemplateID").map(|v| v.trim().to_owned()) {
                    if !out.contains(&id) && out.len() < MAX_TEMPLATES {
                        out.push(id);
                    }
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// Most template pages one page draws.
const MAX_TEMPLATES: usize = 4;

/// ID and BaseLoc of every page, in order.
fn page_locations(document: &str) -> Vec<(u64, String)> {
    let mut r = Reader::from_str(document);
    let mut out = Vec::new();
    while let Ok(event) = r.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if local(&e) == "Page" => {
                if let Some(loc) = attr(&e, "BaseLoc") {
                    let id = attr(&e, "ID").and_then(|v| v.trim().parse().ok());
                    out.push((id.unwrap_or(0), loc));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    out
}

/// A transform `a b c d e f`: (x, y) → (a·x + c·y + e, b·x + d·y + f).
type Affine = [f64; 6];

/// The transform that changes nothing.
const IDENTITY: Affine = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `inner`, then `outer`.
fn then(outer: Affine, inner: Affine) -> Affine {
    let [a1, b1, c1, d1, e1, f1] = outer;
    let [a2, b2, c2, d2, e2, f2] = inner;
    [
        a1 * a2 + c1 * b2,
        b1 * a2 + d1 * b2,
        a1 * c2 + c1 * d2,
        b1 * c2 + d1 * d2,
        a1 * e2 + c1 * f2 + e1,
        b1 * e2 + d1 * f2 + f1,
    ]
}

/// Deepest nesting of composite objects (复合对象) read; a unit that draws itself stops here.
const MAX_NESTING: usize = 8;
/// Most graphic objects read from one document, composite objects' contents counted each time
/// they are drawn (a hostile file can draw a unit of a thousand objects a thousand times).
const MAX_OBJECTS: usize = 2_000_000;

/// The composite graphic units (GB/T 33190 §8.5, 复合对象) of the document's resources, by ID:
/// writers that convert from PDF put a page's text there and draw it with CompositeObject.
struct Units {
    content: std::collections::HashMap<String, std::rc::Rc<str>>,
    /// Objects read so far, against [`MAX_OBJECTS`].
    objects: usize,
}

impl Units {
    /// The units of every PublicRes and DocumentRes that Document.xml names.
    fn of<R: std::io::Read + std::io::Seek>(
        zip: &mut zip::ZipArchive<R>,
        document: &str,
        base: &str,
    ) -> Result<Units, String> {
        let mut content = std::collections::HashMap::new();
        for loc in element_texts(document, &["PublicRes", "DocumentRes"]) {
            let path = resolve(base, &loc);
            if let Some(xml) = zip_text(zip, &path)? {
                composite_units(&xml, &mut content);
            }
        }
        Ok(Units {
            content,
            objects: 0,
        })
    }

    /// Counts one object read; an error past the budget.
    fn count(&mut self) -> Result<(), String> {
        self.objects += 1;
        if self.objects > MAX_OBJECTS {
            return Err(format!(
                "OFD 的图元超过导入上限 {MAX_OBJECTS} 个（复合对象重复引用，可能是恶意构造的文件）"
            ));
        }
        Ok(())
    }
}

/// The text of every element named one of `names`.
fn element_texts(xml: &str, names: &[&str]) -> Vec<String> {
    let mut r = Reader::from_str(xml);
    let mut inside = false;
    let mut out = Vec::new();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => inside = names.contains(&local(&e).as_str()),
            Ok(Event::Text(t)) if inside => out.push(text(&t).trim().to_owned()),
            Ok(Event::End(_)) => inside = false,
            Ok(Event::Eof) | Err(_) => return out,
            _ => {}
        }
    }
}

/// Each CompositeGraphicUnit's `Content` in a resource file, as the XML between its tags.
fn composite_units(xml: &str, out: &mut std::collections::HashMap<String, std::rc::Rc<str>>) {
    let mut r = Reader::from_str(xml);
    let mut unit: Option<String> = None;
    let mut start: Option<usize> = None;
    let mut depth = 0usize;
    loop {
        let before = r.buffer_position() as usize;
        match r.read_event() {
            Ok(Event::Start(e)) => match local(&e).as_str() {
                "CompositeGraphicUnit" => unit = attr(&e, "ID"),
                "Content" if unit.is_some() && start.is_none() => {
                    start = Some(r.buffer_position() as usize);
                    depth = 0;
                }
                "Content" => depth += 1,
                _ => {}
            },
            Ok(Event::End(e)) => match String::from_utf8_lossy(e.local_name().as_ref()).as_ref() {
                "Content" if depth > 0 => depth -= 1,
                "Content" => {
                    if let (Some(id), Some(a)) = (unit.as_ref(), start.take()) {
                        out.insert(id.clone(), xml.get(a..before).unwrap_or_default().into());
                    }
                }
                "CompositeGraphicUnit" => unit = None,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return,
            _ => {}
        }
    }
}

/// The text object being read.
struct Obj {
    /// The object's ID.
    id: u64,
    x: f64,
    y: f64,
    size: f64,
    red: bool,
    /// CTM `a b c d e f`: object space → Boundary space.
    ctm: [f64; 6],
    /// The last TextCode's X and Y: a TextCode without them takes them from its predecessor.
    last: (f64, f64),
    /// The composite objects' transforms around this object (identity on the page itself).
    outer: Affine,
}

impl Obj {
    /// A TextObject's or PathObject's Boundary, CTM and Size.
    fn of(e: &quick_xml::events::BytesStart) -> Obj {
        let b = numbers(&attr(e, "Boundary").unwrap_or_default());
        let ctm = numbers(&attr(e, "CTM").unwrap_or_default());
        Obj {
            id: attr(e, "ID")
                .and_then(|v| v.trim().parse().ok())
                .unwrap_or(0),
            x: b.first().copied().unwrap_or(0.0),
            y: b.get(1).copied().unwrap_or(0.0),
            size: attr(e, "Size").and_then(|v| v.parse().ok()).unwrap_or(5.6),
            red: false,
            ctm: ctm.try_into().unwrap_or(IDENTITY),
            last: (0.0, 0.0),
            outer: IDENTITY,
        }
    }

    /// A point in object space → page space (mm).
    fn place(&self, x: f64, y: f64) -> (f64, f64) {
        let [a, b, c, d, e, f] = self.ctm;
        let (bx, by) = (self.x + a * x + c * y + e, self.y + b * x + d * y + f);
        let [a, b, c, d, e, f] = self.outer;
        (a * bx + c * by + e, b * bx + d * by + f)
    }
    /// The CTM with the composite objects' transforms around it (no translation).
    fn linear(&self) -> Affine {
        let [a, b, c, d, ..] = then(self.outer, self.ctm);
        [a, b, c, d, 0.0, 0.0]
    }
    /// How much the CTM scales along the baseline and across it.
    fn scale(&self) -> (f64, f64) {
        let [a, b, c, d, ..] = self.linear();
        (a.hypot(b), c.hypot(d))
    }
    /// The reading direction on the page: the baseline's unit vector (text turned with a
    /// landscape table runs down or up the page).
    fn direction(&self) -> (f64, f64) {
        let [a, b, ..] = self.linear();
        let n = a.hypot(b);
        if n > 1e-9 {
            (a / n, b / n)
        } else {
            (1.0, 0.0)
        }
    }
}

/// Numbers separated by white space.
fn numbers(s: &str) -> Vec<f64> {
    s.split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect()
}

/// Most glyph steps read from one DeltaX (far more than any line holds).
const MAX_DELTAS: usize = 1 << 16;

/// DeltaX / DeltaY: numbers, with `g N d` meaning N times d.
fn deltas(s: &str) -> Vec<f64> {
    let mut out = Vec::new();
    let mut it = s.split_whitespace();
    while let Some(t) = it.next() {
        if t == "g" {
            let n: usize = it.next().and_then(|v| v.parse().ok()).unwrap_or(0);
            let d: f64 = it.next().and_then(|v| v.parse().ok()).unwrap_or(0.0);
            // A hostile count (g 18446744073709551615 1) is bounded: no line holds more.
            out.extend(std::iter::repeat_n(
                d,
                n.min(MAX_DELTAS.saturating_sub(out.len())),
            ));
        } else if let Ok(v) = t.parse() {
            out.push(v);
        }
    }
    out
}

/// Glyphs and straight rules (table borders) of one page's Content.xml, or of a composite
/// unit's content drawn with `outer` at nesting `depth`.
fn objects(
    xml: &str,
    units: &mut Units,
    outer: Affine,
    depth: usize,
) -> Result<(Vec<G>, Vec<Rule>), String> {
    let mut r = Reader::from_str(xml);
    let mut out = Vec::new();
    let mut rules = Vec::new();
    let mut path: Option<Obj> = None;
    // The segments of the path being read, and whether it is a shape filled without a stroke.
    let mut pending: Vec<Rule> = Vec::new();
    let mut filled_only = false;
    let mut in_path_data = false;
    let mut obj: Option<Obj> = None;
    let mut code: Option<(f64, f64, [Vec<f64>; 2], String)> = None;
    loop {
        let event = r.read_event().map_err(|_| broken(&r, "页面 Content.xml"))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) => match local(&e).as_str() {
                "TextObject" | "PathObject" => {
                    units.count()?;
                    let o = Obj {
                        outer,
                        ..Obj::of(&e)
                    };
                    if local(&e) == "TextObject" {
                        obj = Some(o);
                    } else {
                        path = Some(o);
                        pending.clear();
                        filled_only = attr(&e, "Fill").as_deref() == Some("true")
                            && attr(&e, "Stroke").as_deref() == Some("false");
                    }
                }
                "CompositeObject" => {
                    units.count()?;
                    let (g, r) = composite(&e, units, outer, depth)?;
                    out.extend(g);
                    rules.extend(r);
                }
                "AbbreviatedData" => in_path_data = path.is_some(),
                "FillColor" => {
                    if let (Some(o), Some(v)) = (obj.as_mut(), attr(&e, "Value")) {
                        // Components may be written as decimals (230.0).
                        let c: Vec<u8> = numbers(&v)
                            .into_iter()
                            .map(|x| x.round().clamp(0.0, 255.0) as u8)
                            .collect();
                        if c.len() >= 3 {
                            o.red = is_red(c[0], c[1], c[2]);
                        }
                    }
                }
                "TextCode" => {
                    let (lx, ly) = obj.as_ref().map_or((0.0, 0.0), |o| o.last);
                    let x = attr(&e, "X").and_then(|v| v.parse().ok()).unwrap_or(lx);
                    let y = attr(&e, "Y").and_then(|v| v.parse().ok()).unwrap_or(ly);
                    if let Some(o) = obj.as_mut() {
                        o.last = (x, y);
                    }
                    // DeltaY moves glyphs down (a TextCode wrapped over lines by its deltas).
                    let steps =
                        ["DeltaX", "DeltaY"].map(|a| deltas(&attr(&e, a).unwrap_or_default()));
                    code = Some((x, y, steps, String::new()));
                }
                _ => {}
            },
            Event::Text(t) if in_path_data => {
                if let Some(p) = path.as_ref() {
                    path_rules(p, &text(&t), &mut pending);
                }
            }
            Event::Text(t) => {
                if let Some(c) = code.as_mut() {
                    c.3.push_str(&text(&t));
                }
            }
            Event::GeneralRef(g) => {
                if let Some(c) = code.as_mut() {
                    c.3.push_str(&entity(&g));
                }
            }
            Event::End(e) => match String::from_utf8_lossy(e.local_name().as_ref()).as_ref() {
                "TextCode" => {
                    if let (Some((x, y, [dx, dy], s)), Some(o)) = (code.take(), obj.as_ref()) {
                        let (sx, sy) = o.scale();
                        // Reading coordinates, as for a PDF: along the baseline, and down.
                        let (ux, uy) = o.direction();
                        let dir = (ux.round() as i8, uy.round() as i8);
                        let (mut at, mut down) = (x, y);
                        for (i, ch) in s.chars().enumerate() {
                            let step = dx.get(i).copied().unwrap_or(o.size);
                            let (px, py) = o.place(at, down);
                            let cjk = |g: &G| g.text.chars().all(is_wide);
                            // (A code that starts with a space of its own has its gap typed.)
                            let starts = i == 0 && !ch.is_whitespace();
                            if starts && (is_wide(ch) || out.last().is_some_and(cjk)) {
                                typed_space(
                                    &mut out,
                                    (px * ux + py * uy) * PT,
                                    (py * ux - px * uy) * PT,
                                    dir,
                                );
                            }
                            out.push(G {
                                text: ch.to_string(),
                                x: (px * ux + py * uy) * PT,
                                y: (py * ux - px * uy) * PT,
                                size: o.size * sy * PT,
                                // A step back (the next line of a wrapped TextCode) is no advance.
                                advance: if step > 0.0 { step.min(o.size) } else { o.size }
                                    * sx
                                    * PT,
                                red: o.red,
                                dir,
                                object: o.id,
                            });
                            at += step;
                            down += dy.get(i).copied().unwrap_or(0.0);
                        }
                    }
                }
                "TextObject" => obj = None,
                "PathObject" => {
                    path = None;
                    if rules.len() < MAX_RULES && drawn_rules(&pending, filled_only) {
                        rules.append(&mut pending);
                    }
                    pending.clear();
                }
                "AbbreviatedData" => in_path_data = false,
                _ => {}
            },
            _ => {}
        }
    }
    Ok((out, rules))
}

/// The glyphs and rules a CompositeObject draws: its unit's content placed at the object's
/// Boundary through its CTM, inside the transforms around it.
fn composite(
    e: &quick_xml::events::BytesStart,
    units: &mut Units,
    outer: Affine,
    depth: usize,
) -> Result<(Vec<G>, Vec<Rule>), String> {
    if depth >= MAX_NESTING {
        return Err(format!(
            "OFD 的复合对象嵌套超过 {MAX_NESTING} 层（可能引用了自身），无法导入"
        ));
    }
    let Some(unit) = attr(e, "ResourceID").and_then(|id| units.content.get(&id).cloned()) else {
        return Ok((Vec::new(), Vec::new()));
    };
    let b = numbers(&attr(e, "Boundary").unwrap_or_default());
    let ctm: Affine = numbers(&attr(e, "CTM").unwrap_or_default())
        .try_into()
        .unwrap_or(IDENTITY);
    let at = [
        1.0,
        0.0,
        0.0,
        1.0,
        b.first().copied().unwrap_or(0.0),
        b.get(1).copied().unwrap_or(0.0),
    ];
    objects(&unit, units, then(outer, then(at, ctm)), depth + 1)
}

/// A writer drops the space at the end of a text object and starts the next word in a new
/// one: where a TextCode begins on the glyphs' baseline a narrow gap after the last glyph (next
/// to Chinese text: Latin runs may be drawn a character a time), the space is put back (as a
/// PDF reader sees it drawn).
fn typed_space(out: &mut Vec<G>, x: f64, y: f64, dir: (i8, i8)) {
    let Some(last) = out.last() else { return };
    // The last glyph of a TextCode has no step: a half-width one ends half a character on.
    let width = if last.text.chars().all(|c| c.is_ascii_alphanumeric()) {
        last.advance.min(last.size / 2.0)
    } else {
        last.advance
    };
    let end = last.x + width;
    let gap = x - end;
    let same_line = last.dir == dir && (last.y - y).abs() < 0.1 * last.size;
    if same_line && gap > 0.15 * last.size && gap < 0.8 * last.size && last.text.trim() != "" {
        let g = G {
            text: " ".to_owned(),
            x: end,
            y: last.y,
            size: last.size,
            advance: gap,
            red: last.red,
            dir,
            object: last.object,
        };
        out.push(g);
    }
}

/// Whether a path's segments are rules (a table's borders, a red line) rather than a shape
/// drawn in outline: a mark or a seal's glyphs drawn as paths (many segments in a glyph's box),
/// or any shape filled without a stroke unless it is thin as a line.
fn drawn_rules(segments: &[Rule], filled_only: bool) -> bool {
    let (mut lo, mut hi) = (
        (f64::INFINITY, f64::INFINITY),
        (f64::NEG_INFINITY, f64::NEG_INFINITY),
    );
    for r in segments {
        for (x, y) in [r.a, r.b] {
            lo = (lo.0.min(x), lo.1.min(y));
            hi = (hi.0.max(x), hi.1.max(y));
        }
    }
    let (w, h) = (hi.0 - lo.0, hi.1 - lo.1);
    let thin = w.min(h) < GLYPH_OUTLINE_PT / 20.0;
    let glyph = segments.len() > 8 && w.max(h) < GLYPH_OUTLINE_PT;
    !segments.is_empty() && (thin || (!filled_only && !glyph))
}

/// A shape no wider or taller than this (pt) with many segments is a glyph drawn in outline.
const GLYPH_OUTLINE_PT: f64 = 60.0;

/// Most rules read from one page (a table's borders are a few hundred).
const MAX_RULES: usize = 1 << 14;

/// The straight segments (M … L …) of a path, in page points.
fn path_rules(p: &Obj, data: &str, rules: &mut Vec<Rule>) {
    let mut it = data.split_whitespace();
    let (mut at, mut start) = (None::<(f64, f64)>, None::<(f64, f64)>);
    let point = |it: &mut std::str::SplitWhitespace| -> Option<(f64, f64)> {
        let x: f64 = it.next()?.parse().ok()?;
        let y: f64 = it.next()?.parse().ok()?;
        let (px, py) = p.place(x, y);
        Some((px * PT, py * PT))
    };
    while let Some(op) = it.next() {
        if rules.len() >= MAX_RULES {
            return;
        }
        match op {
            "M" => {
                at = point(&mut it);
                start = at;
            }
            "L" => {
                let to = point(&mut it);
                if let (Some(a), Some(b)) = (at, to) {
                    rules.push(Rule { a, b });
                }
                at = to;
            }
            "C" => {
                if let (Some(a), Some(b)) = (at, start) {
                    rules.push(Rule { a, b });
                }
                at = start;
            }
            // Curves and arcs draw no table border: skip their operands.
            "Q" => at = (0..2).filter_map(|_| point(&mut it)).last(),
            "B" => at = (0..3).filter_map(|_| point(&mut it)).last(),
            "A" => {
                for _ in 0..5 {
                    it.next();
                }
                at = point(&mut it);
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_namespace_of_an_ofd_is_read_and_a_foreign_one_refused() {
        let std = r#"<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016" Version="1.0">"#;
        assert_eq!(root_namespace(std), Some("http://www.ofdspec.org/2016"));
        // easyofd's PDF → OFD: its own namespace, every run of a line at X = 0.
        let foreign = r#"<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://blog.yuanhaiying.cn" DocType="OFD">"#;
        assert_eq!(root_namespace(foreign), Some("http://blog.yuanhaiying.cn"));
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        z.start_file("OFD.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        std::io::Write::write_all(
            &mut z,
            format!("{foreign}<ofd:DocBody/></ofd:OFD>").as_bytes(),
        )
        .unwrap();
        let bytes = z.finish().unwrap().into_inner();
        let err = read(&bytes).unwrap_err();
        assert!(err.contains("http://blog.yuanhaiying.cn"), "{err}");
    }
}
