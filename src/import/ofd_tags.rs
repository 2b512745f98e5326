//! An OFD's 公文 tags (自定义标引, GB/T 33190 §16), when it carries them: which page objects are
//! its 标题, 主送机关, 正文 … and, inside them, its paragraphs (the tag file `电子公文` that gongwen
//! writes, in the vocabulary of the vendors' 公文语义 tools: see `render/ofd/tags.rs`). Read
//! first: the elements and their paragraphs come from the tags, not from where the text stands
//! on the page. Only the 附件 (tables and lists) are still read by their layout.

use super::layout::{lines, ruled_rows, G};
use super::lines::{Align, Line};
use super::ofd::{element_text, resolve};
use super::patterns::is_contact;
use super::xml::{attr, local, text, zip_text};
use crate::compose::text::is_wide;
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// The tag file's root, as [`crate::render::ofd::tags::TYPE_ID`] writes it.
const TYPE_ID: &str = crate::render::ofd::tags::TYPE_ID;
/// Most object references read from a tag file (a long 公文 has a few ten thousand).
const MAX_REFS: usize = 1 << 20;

/// One element's objects (page ID, object ID), or one paragraph of an element, in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The element's name (标题, 正文 …).
    pub element: String,
    /// Its objects.
    pub objects: Vec<(u64, u64)>,
}

/// The groups of the document's 公文 tag file, if it has one that names elements.
pub fn read<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    document: &str,
    base: &str,
) -> Option<Vec<Group>> {
    let list_loc = element_text(document, "CustomTags")?;
    let list_path = resolve(base, &list_loc);
    let list = zip_text(zip, &list_path).ok()??;
    let file_loc = tag_file_loc(&list)?;
    let dir = list_path.rsplit_once('/').map_or("", |(d, _)| d);
    let file = zip_text(zip, &resolve(dir, &file_loc)).ok()??;
    let groups = groups(&file)?;
    groups
        .iter()
        .any(|g| g.element == "标题" || g.element == "正文")
        .then_some(groups)
}

/// Elements of an electronic certificate's tags (电子证照, issued on the same OFD platforms).
const CERTIFICATE: [&str; 4] = ["发证机关", "发证日期", "证照编号", "持证主体"];

/// Tag files of one document looked into at most.
const MAX_TAG_FILES: usize = 16;

/// The certificate element a document's custom tags name, if any: the file is an 电子证照,
/// not a 公文. (Its tag files need not be well-formed XML; the names are looked for as text.)
pub fn certificate<R: std::io::Read + std::io::Seek>(
    zip: &mut zip::ZipArchive<R>,
    document: &str,
    base: &str,
) -> Option<&'static str> {
    let list_loc = element_text(document, "CustomTags")?;
    let list_path = resolve(base, &list_loc);
    let list = zip_text(zip, &list_path).ok()??;
    let dir = list_path.rsplit_once('/').map_or("", |(d, _)| d).to_owned();
    let mut r = Reader::from_str(&list);
    let mut locs = Vec::new();
    let mut in_loc = false;
    while locs.len() < MAX_TAG_FILES {
        match r.read_event() {
            Ok(Event::Start(e)) => in_loc = local(&e) == "FileLoc",
            Ok(Event::Text(t)) if in_loc => locs.push(text(&t).trim().to_owned()),
            Ok(Event::End(_)) => in_loc = false,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    locs.iter().find_map(|loc| {
        let file = zip_text(zip, &resolve(&dir, loc)).ok()??;
        CERTIFICATE
            .into_iter()
            .find(|n| file.contains(&format!("<{n}>")))
    })
}

/// The `FileLoc` of the 公文 custom tag in `CustomTags.xml`.
fn tag_file_loc(list: &str) -> Option<String> {
    let mut r = Reader::from_str(list);
    let mut ours = false;
    let mut in_loc = false;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) if local(&e) == "CustomTag" => {
                let type_id = attr(&e, "TypeID").unwrap_or_default();
                let ns = attr(&e, "NameSpace").unwrap_or_default();
                ours = type_id == TYPE_ID || ns == crate::render::ofd::tags::NAMESPACE;
            }
            Event::Start(e) if ours && local(&e) == "FileLoc" => in_loc = true,
            Event::Text(t) if in_loc => return Some(text(&t).trim().to_owned()),
            Event::End(e) if e.local_name().as_ref() == b"CustomTag" => ours = false,
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The groups of a tag file: each element under `公文体` (or under the root), split into its
/// 段落 where it has them.
fn groups(xml: &str) -> Option<Vec<Group>> {
    let mut r = Reader::from_str(xml);
    let mut stack: Vec<String> = Vec::new();
    let mut out: Vec<Group> = Vec::new();
    let mut page: Option<u64> = None;
    let mut refs = 0;
    let mut new_group = true;
    loop {
        match r.read_event().ok()? {
            Event::Start(e) => {
                let name = local(&e);
                if name == "ObjectRef" {
                    page = attr(&e, "PageRef").and_then(|v| v.trim().parse().ok());
                } else if name == crate::render::ofd::tags::PARAGRAPH {
                    new_group = true;
                }
                stack.push(name);
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if name == crate::render::ofd::tags::PARAGRAPH || element_of(&stack).is_none() {
                    new_group = true;
                }
            }
            Event::Text(t) if stack.last().is_some_and(|n| n == "ObjectRef") => {
                let (Some(p), Some(element)) = (page, element_of(&stack)) else {
                    continue;
                };
                let Ok(object) = text(&t).trim().parse::<u64>() else {
                    continue;
                };
                refs += 1;
                if refs > MAX_REFS {
                    return None;
                }
                if new_group || out.last().is_none_or(|g| g.element != element) {
                    out.push(Group {
                        element: element.to_owned(),
                        objects: Vec::new(),
                    });
                    new_group = false;
                }
                if let Some(g) = out.last_mut() {
                    g.objects.push((p, object));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Some(out)
}

/// The element an open tag path is in: the child of `公文体`, or of the root without one.
fn element_of(stack: &[String]) -> Option<&str> {
    match stack.iter().position(|n| n == "公文体") {
        Some(i) => stack.get(i + 1),
        None => stack.get(1),
    }
    .map(String::as_str)
    .filter(|e| *e != "ObjectRef" && *e != "ObjectData")
}

/// One page's glyphs and rules, with the page's ID.
pub struct TaggedPage {
    /// The page's ID in Document.xml.
    pub id: u64,
    /// Its glyphs, each with the object that drew it.
    pub glyphs: Vec<G>,
    /// Its straight rules (table borders).
    pub rules: Vec<super::grid::Rule>,
}

/// The document's lines from its tags: one line per paragraph (or per element without
/// paragraphs), placed by the element it is (a signature stands right, a title centred); the
/// 附件 where the tags put them, read by their layout.
pub fn tag_lines(groups: &[Group], pages: Vec<TaggedPage>) -> Vec<Line> {
    let index: HashMap<u64, usize> = pages.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let mut by_object: HashMap<(u64, u64), Vec<&G>> = HashMap::new();
    for p in &pages {
        for g in &p.glyphs {
            by_object.entry((p.id, g.object)).or_default().push(g);
        }
    }
    let body: Vec<&G> = groups
        .iter()
        .filter(|g| g.element == "正文")
        .flat_map(|g| &g.objects)
        .filter_map(|o| by_object.get(o))
        .flatten()
        .copied()
        .collect();
    let left = body.iter().map(|g| g.x).fold(f64::INFINITY, f64::min);
    let right = body
        .iter()
        .map(|g| g.x + g.advance)
        .fold(f64::NEG_INFINITY, f64::max);
    // Text the tags do not reach (beyond the page numbers) means they are partial: the caller
    // reads the layout instead.
    let tagged: HashSet<(u64, u64)> = groups
        .iter()
        .flat_map(|g| g.objects.iter().copied())
        .collect();
    let (all, untagged) = pages.iter().fold((0, 0), |(a, u), p| {
        let solid = p.glyphs.iter().filter(|g| !g.text.trim().is_empty());
        solid.fold((a, u), |(a, u), g| {
            (a + 1, u + usize::from(!tagged.contains(&(p.id, g.object))))
        })
    });
    if untagged * 20 > all {
        return Vec::new();
    }
    // In reading order: by page, then as drawn (an 印发通知's signature may follow the
    // document it transmits, although the tag file lists the elements in the standard's order).
    let mut groups: Vec<&Group> = groups.iter().collect();
    groups.sort_by_key(|g| {
        g.objects
            .iter()
            .map(|(p, o)| (index.get(p).copied().unwrap_or(usize::MAX), *o))
            .min()
    });
    let mut out: Vec<Line> = Vec::new();
    let mut annexed: HashSet<(u64, u64)> = HashSet::new();
    let mut last_element = "";
    for group in groups {
        // The 附件 drawn one after another are read together, by their layout.
        if group.element == "附件" {
            annexed.extend(group.objects.iter().copied());
            continue;
        }
        if !annexed.is_empty() {
            out.extend(annex_lines(&pages, &std::mem::take(&mut annexed)));
        }
        let glyphs: Vec<&G> = group
            .objects
            .iter()
            .filter_map(|o| by_object.get(o))
            .flatten()
            .copied()
            .collect();
        let page = group
            .objects
            .first()
            .and_then(|(p, _)| index.get(p))
            .map_or(1, |i| i + 1);
        // Signing offices and the lines of a joint mark: each row a line of its own.
        let rows = match group.element.as_str() {
            "发文机关署名" | "发文机关标志" => split_rows(&glyphs),
            _ => vec![glyphs],
        };
        for row in rows {
            let line = group_line(&group.element, &row, page, out.len() + 1, (left, right));
            let Some(line) = line else { continue };
            // 印发机关 and 印发日期 share the 版记's last line, far apart.
            match out.last_mut() {
                Some(prev) if group.element == "印发日期" && last_element == "印发机关" => {
                    prev.text = format!("{}\u{3000}{}", prev.text, line.text);
                    prev.raw = prev.text.clone();
                }
                _ => out.push(line),
            }
        }
        last_element = group.element.as_str();
    }
    if !annexed.is_empty() {
        out.extend(annex_lines(&pages, &annexed));
    }
    out
}

/// The lines of the 附件, read by their layout from the annex objects of each page.
fn annex_lines(pages: &[TaggedPage], annexed: &HashSet<(u64, u64)>) -> Vec<Line> {
    let rows: Vec<_> = pages
        .iter()
        .filter_map(|p| {
            let glyphs: Vec<G> = p
                .glyphs
                .iter()
                .filter(|g| annexed.contains(&(p.id, g.object)))
                .cloned()
                .collect();
            (!glyphs.is_empty()).then(|| ruled_rows(glyphs, &p.rules))
        })
        .collect();
    lines(&rows)
}

/// Glyphs split where a new line starts (the baseline moves by half a character or more).
fn split_rows<'a>(glyphs: &[&'a G]) -> Vec<Vec<&'a G>> {
    let mut out: Vec<Vec<&G>> = Vec::new();
    for g in glyphs {
        match out.last_mut() {
            Some(row) if row.last().is_some_and(|p| (g.y - p.y).abs() < 0.5 * p.size) => {
                row.push(g)
            }
            _ => out.push(vec![g]),
        }
    }
    out
}

/// The text of a paragraph's glyphs in drawing order. Spaces: the gaps the reader found between
/// glyphs (a typed space), and one where a Latin word wraps to the next line; the gap typst
/// leaves between Chinese and Latin is no space (except in a contact line, where 刘建国 028-…
/// keeps it, as the layout reading does); a wide gap (offices side by side) is an ideographic
/// space (`wide_gaps`).
fn glyph_text(glyphs: &[&G], wide_gaps: bool) -> String {
    let solid: Vec<&G> = glyphs
        .iter()
        .copied()
        // Neither spaces nor the invisible break controls (a zero-width space after a
        // number's hyphen, word joiners) are glyphs of the text.
        .filter(|g| {
            !g.text
                .trim_matches(|c: char| {
                    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}')
                })
                .is_empty()
        })
        .collect();
    let latin = |s: &str| s.chars().all(|c| c.is_ascii_graphic());
    // The last glyph of a text object has no step of its own: a half-width one ends half a
    // character on.
    let end = |g: &G| {
        let half = g.text.chars().all(|c| c.is_ascii_alphanumeric());
        g.x + if half {
            g.advance.min(g.size / 2.0)
        } else {
            g.advance
        }
    };
    let stretch = line_stretch(&solid);
    let mut chars: Vec<char> = Vec::new();
    for (i, g) in solid.iter().enumerate() {
        if let Some(p) = i.checked_sub(1).map(|k| solid[k]) {
            let same_line = (g.y - p.y).abs() < 0.5 * p.size;
            // A justified line widens every step, after the character before the gap and
            // after what stood in it: that is not a gap of the text's own.
            let gap = (g.x - end(p)) / p.size - 2.0 * stretch[i];
            let wide = |g: &G| g.text.chars().all(is_wide);
            // A wrap after or before a Latin word may have been a space (kept below where
            // spaces are kept); a typed space parts two text runs or two Latin words
            // (justification widens the gaps between Chinese characters of one run, not those
            // between Latin letters).
            if !same_line {
                // (Not after a hyphen: a number broken at its hyphen, 025- / 83271605.)
                if (latin(&p.text) || latin(&g.text)) && !p.text.ends_with('-') {
                    chars.push(' ');
                }
            } else if (wide_gaps && gap > 2.5) || (wide(p) && wide(g) && (0.8..1.3).contains(&gap))
            {
                chars.push('\u{3000}');
            } else if gap > 0.15 && (g.object != p.object || (latin(&p.text) && latin(&g.text))) {
                chars.push(' ');
            }
        }
        chars.extend(g.text.chars());
    }
    let text: String = chars.iter().collect();
    let contact = is_contact(&text);
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let (Some(&p), Some(&n)) = (chars.get(i.wrapping_sub(1)), chars.get(i + 1)) else {
                continue;
            };
            let boundary = is_wide(p) != is_wide(n);
            let punct = |c: char| is_wide(c) && !c.is_alphanumeric();
            if (boundary && !contact) || punct(p) || punct(n) {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// For each glyph, the justification space its line sets after each Chinese character (em):
/// the median widening of the steps between two Chinese characters of one text object.
fn line_stretch(glyphs: &[&G]) -> Vec<f64> {
    let wide = |g: &G| g.text.chars().all(is_wide);
    let same_line = |a: &G, b: &G| (a.y - b.y).abs() < 0.5 * a.size;
    let mut out = vec![0.0; glyphs.len()];
    let mut start = 0;
    while start < glyphs.len() {
        let end = (start + 1..glyphs.len())
            .find(|&k| !same_line(glyphs[start], glyphs[k]))
            .unwrap_or(glyphs.len());
        let line = &glyphs[start..end];
        let mut steps: Vec<f64> = line
            .windows(2)
            .filter(|w| w[0].object == w[1].object && wide(w[0]) && wide(w[1]))
            .map(|w| (w[1].x - w[0].x) / w[0].size - 1.0)
            .filter(|s| (0.0..1.0).contains(s))
            .collect();
        steps.sort_by(f64::total_cmp);
        let median = steps.get(steps.len() / 2).copied().unwrap_or(0.0);
        out[start..end].fill(median);
        start = end;
    }
    out
}

/// One paragraph's glyphs as a line: its text, size and colour, and where the element stands.
fn group_line(
    element: &str,
    glyphs: &[&G],
    page: usize,
    line: usize,
    (left, right): (f64, f64),
) -> Option<Line> {
    let first = glyphs.first()?;
    // A joint mark's short names are spread to the width of the longest: no gap there is a
    // separation.
    let text = glyph_text(glyphs, element != "发文机关标志");
    if text.trim().is_empty() {
        return None;
    }
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = sizes[sizes.len() / 2];
    let red = glyphs.iter().filter(|g| g.red).count() * 2 > glyphs.len();
    let align = match element {
        "发文机关标志" | "标题" | "发文字号" => Align::Center,
        "发文机关署名" | "成文日期" | "印发日期" => Align::Right,
        _ => Align::Left,
    };
    let last = glyphs
        .iter()
        .rfind(|g| !g.text.trim().is_empty())
        .unwrap_or(first);
    let known = left.is_finite() && right.is_finite();
    Some(Line {
        raw: text.clone(),
        text: text.trim().to_owned(),
        page,
        line,
        size: Some((size * 2.0).round() / 2.0),
        red,
        align,
        indent: known.then(|| (first.x - left) / size),
        right_gap: known.then(|| (right - last.x - last.advance) / size),
        paragraph: true,
        ..Line::default()
    })
}
