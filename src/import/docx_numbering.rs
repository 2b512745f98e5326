//! Word's automatic numbering as the text it shows. Many office templates number their headings
//! with a list (`word/numbering.xml`), attached to a heading style or to the paragraph itself
//! (`w:numPr`): the 「一、」「（一）」「1.」 are then in no `w:t`, and a reader that ignores them
//! loses every heading number and the 附件说明's items. [`Numbering`] counts the lists as Word
//! does (one counter per list definition, lower levels restarting under a higher one, a
//! `startOverride` starting a list of its own) and gives each numbered paragraph its label.
//!
//! The parts are hostile input: definitions, styles and the `basedOn` chain are bounded.

use super::xml::{attr, broken, local, zip_text};
use quick_xml::events::Event;
use quick_xml::Reader;
use std::collections::HashMap;

/// Levels of a Word list (`w:ilvl` 0–8).
const LEVELS: usize = 9;
/// Most list definitions, list instances or styles read from one file.
const MAX_DEFINITIONS: usize = 10_000;
/// Longest `basedOn` chain followed (a cycle ends here too).
const MAX_BASED_ON: usize = 16;
/// Highest count a list reaches (a hostile file cannot make a label of a million digits).
const MAX_COUNT: u32 = 99_999;

/// One level of a list definition (`w:lvl`).
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    legal: bool,
    style: Option<String>,
}

/// A paragraph style's numbering, look and parent (`w:style`).
#[derive(Debug, Clone, Default)]
struct Style {
    num: Option<String>,
    level: Option<usize>,
    based_on: Option<String>,
    look: Look,
}

/// What a paragraph style gives its runs and lines where they say nothing themselves (a red
/// mark, a title's size and face written once in the style, as LibreOffice writes HTML).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Look {
    /// Size in points (`w:sz` / 2).
    pub size: Option<f64>,
    /// `w:color` read as red or not.
    pub red: Option<bool>,
    /// `w:b`.
    pub bold: Option<bool>,
    /// `w:rFonts` (East Asian face, else ASCII).
    pub font: Option<String>,
    /// `w:jc`: centred, right or left.
    pub align: Option<super::lines::Align>,
}

/// The lists and styles of a DOCX, and the counters of the lists met so far.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    /// A list definition that takes its levels from a list style (`w:numStyleLink`): the style.
    links: HashMap<String, String>,
    /// numId → the list instance (`w:num`).
    nums: HashMap<String, Instance>,
    styles: HashMap<String, Style>,
    default_style: Option<String>,
    counters: HashMap<String, [Option<u32>; LEVELS]>,
}

/// A list instance (`w:num`): the definition it counts and what it overrides of it by level.
#[derive(Debug, Clone, Default)]
struct Instance {
    /// `w:abstractNumId`.
    abs: String,
    /// `w:lvlOverride/w:startOverride`.
    starts: [Option<u32>; LEVELS],
    /// `w:lvlOverride/w:lvl`: a level redefined for this instance alone (its format, text, start).
    levels: [Option<Level>; LEVELS],
}

impl Instance {
    /// Whether the instance counts apart from its definition's other instances.
    fn overrides(&self) -> bool {
        self.starts.iter().any(Option::is_some) || self.levels.iter().any(Option::is_some)
    }
}

/// What a paragraph says of its numbering: its style and its own `w:numPr`.
#[derive(Debug, Clone, Default)]
pub struct NumPr {
    /// `w:pStyle`.
    pub style: Option<String>,
    /// `w:numPr/w:numId`.
    pub num: Option<String>,
    /// `w:numPr/w:ilvl`.
    pub level: Option<usize>,
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be missing).
    pub fn read<R: std::io::Read + std::io::Seek>(
        zip: &mut zip::ZipArchive<R>,
    ) -> Result<Self, String> {
        let mut n = Numbering::default();
        if let Some(xml) = zip_text(zip, "word/numbering.xml")? {
            n.read_lists(&xml)?;
        }
        if let Some(xml) = zip_text(zip, "word/styles.xml")? {
            n.read_styles(&xml)?;
        }
        Ok(n)
    }

    fn read_lists(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let (mut abs, mut num): (Option<String>, Option<String>) = (None, None);
        let mut level: Option<usize> = None;
        let mut override_level: Option<usize> = None;
        // Inside a `w:lvlOverride`'s own `w:lvl`: the level it redefines.
        let mut redefined: Option<usize> = None;
        loop {
            match reader
                .read_event()
                .map_err(|_| broken(&reader, "numbering.xml"))?
            {
                Event::Eof => return Ok(()),
                Event::Start(e) | Event::Empty(e) => {
                    let val = || attr(&e, "val");
                    match local(&e).as_str() {
                        "abstractNum" if self.abstracts.len() < MAX_DEFINITIONS => {
                            let id = attr(&e, "abstractNumId").unwrap_or_default();
                            self.abstracts
                                .insert(id.clone(), vec![Level::default(); LEVELS]);
                            abs = Some(id);
                        }
                        "num" if self.nums.len() < MAX_DEFINITIONS => {
                            let id = attr(&e, "numId").unwrap_or_default();
                            self.nums.insert(id.clone(), Instance::default());
                            num = Some(id);
                        }
                        "lvl" if num.is_none() => level = ilvl(&e),
                        "lvl" => {
                            let (Some(id), Some(l)) = (&num, override_level) else {
                                continue;
                            };
                            if let Some(n) = self.nums.get_mut(id) {
                                n.levels[l] = Some(Level::default());
                                redefined = Some(l);
                            }
                        }
                        "numStyleLink" => {
                            if let (Some(id), Some(v)) = (&abs, val()) {
                                self.links.insert(id.clone(), v);
                            }
                        }
                        "lvlOverride" => override_level = ilvl(&e),
                        "abstractNumId" => {
                            if let (Some(id), Some(v)) = (&num, val()) {
                                if let Some(n) = self.nums.get_mut(id) {
                                    n.abs = v;
                                }
                            }
                        }
                        "startOverride" => {
                            let (Some(id), Some(l)) = (&num, override_level) else {
                                continue;
                            };
                            if let Some(n) = self.nums.get_mut(id) {
                                n.starts[l] = val().and_then(|v| v.parse().ok());
                            }
                        }
                        name => {
                            let lvl = match (&num, redefined) {
                                (Some(id), Some(l)) => {
                                    self.nums.get_mut(id).and_then(|n| n.levels[l].as_mut())
                                }
                                _ => self.level_mut(&abs, level),
                            };
                            if let Some(lvl) = lvl {
                                set_level(lvl, name, val(), &e);
                            }
                        }
                    }
                }
                Event::End(e) => match e.local_name().as_ref() {
                    b"abstractNum" => abs = None,
                    b"num" => num = None,
                    b"lvl" => (level, redefined) = (None, None),
                    b"lvlOverride" => override_level = None,
                    _ => {}
                },
                _ => {}
            }
        }
    }

    fn level_mut(&mut self, abs: &Option<String>, level: Option<usize>) -> Option<&mut Level> {
        self.abstracts.get_mut(abs.as_ref()?)?.get_mut(level?)
    }

    fn read_styles(&mut self, xml: &str) -> Result<(), String> {
        let mut reader = Reader::from_str(xml);
        let mut style: Option<String> = None;
        loop {
            match reader
                .read_event()
                .map_err(|_| broken(&reader, "styles.xml"))?
            {
                Event::Eof => return Ok(()),
                Event::Start(e) | Event::Empty(e) => {
                    let name = local(&e);
                    if name == "style" {
                        style = None;
                        // Paragraph styles, and list styles (a multilevel list's own list).
                        let kind = attr(&e, "type");
                        let paragraph = kind.as_deref().is_none_or(|t| t == "paragraph");
                        let listed = paragraph || kind.as_deref() == Some("numbering");
                        if listed && self.styles.len() < MAX_DEFINITIONS {
                            let id = attr(&e, "styleId").unwrap_or_default();
                            let default =
                                attr(&e, "default").is_some_and(|v| v == "1" || v == "true");
                            if paragraph && default {
                                self.default_style = Some(id.clone());
                            }
                            self.styles.insert(id.clone(), Style::default());
                            style = Some(id);
                        }
                        continue;
                    }
                    let Some(s) = style.as_ref().and_then(|id| self.styles.get_mut(id)) else {
                        continue;
                    };
                    match name.as_str() {
                        "basedOn" => s.based_on = attr(&e, "val"),
                        "numId" => s.num = attr(&e, "val"),
                        "ilvl" => s.level = attr(&e, "val").and_then(|v| v.parse().ok()),
                        _ => read_look(&mut s.look, &name, &e),
                    }
                }
                Event::End(e) if e.local_name().as_ref() == b"style" => style = None,
                _ => {}
            }
        }
    }

    /// The label Word shows before a paragraph (「一、」「（二）」「3.」), counting it; `None` for
    /// a paragraph that is not numbered or whose level shows no number (a bullet).
    pub fn label(&mut self, p: &NumPr) -> Option<String> {
        let style = p.style.clone().or_else(|| self.default_style.clone());
        let (style_num, style_level) = self.style_numbering(style.as_deref());
        let num = p.num.clone().or(style_num)?;
        let instance = self.nums.get(&num)?.clone();
        let abs_id = self.linked(instance.abs.clone());
        let levels = self.abstracts.get(&abs_id)?;
        let level = p
            .level
            .or(style_level)
            .or_else(|| {
                let style = style.as_deref()?;
                levels
                    .iter()
                    .position(|l| l.style.as_deref() == Some(style))
            })
            .unwrap_or(0)
            .min(LEVELS - 1);
        let mut levels = levels.clone();
        for (l, redefined) in levels.iter_mut().zip(&instance.levels) {
            if let Some(r) = redefined {
                *l = r.clone();
            }
        }
        let key = if instance.overrides() {
            format!("num:{num}")
        } else {
            format!("abs:{abs_id}")
        };
        let counters = self.counters.entry(key).or_insert([None; LEVELS]);
        let start = |l: usize| instance.starts[l].unwrap_or(levels[l].start);
        counters[level] = Some(match counters[level] {
            Some(c) => (c + 1).min(MAX_COUNT),
            None => start(level).min(MAX_COUNT),
        });
        for c in counters.iter_mut().skip(level + 1) {
            *c = None;
        }
        let shown = &levels[level];
        if shown.format == "bullet" {
            return None;
        }
        let mut text = String::new();
        let mut chars = shown.text.chars().peekable();
        while let Some(c) = chars.next() {
            let Some(l) = (c == '%')
                .then(|| chars.peek().and_then(|d| d.to_digit(10)))
                .flatten()
                .filter(|d| (1..=LEVELS as u32).contains(d))
            else {
                text.push(c);
                continue;
            };
            chars.next();
            let l = l as usize - 1;
            let count = counters[l].unwrap_or_else(|| start(l));
            let format = if shown.legal {
                "decimal"
            } else {
                &levels[l].format
            };
            text.push_str(&format_count(count, format));
        }
        (!text.trim().is_empty()).then_some(text)
    }

    /// The definition whose levels a list uses: through its list style's own list where it
    /// names one (`w:numStyleLink`, as Word writes a multilevel list style), else itself.
    fn linked(&self, abs_id: String) -> String {
        let Some(style) = self.links.get(&abs_id) else {
            return abs_id;
        };
        self.style_numbering(Some(style))
            .0
            .and_then(|num| self.nums.get(&num))
            .map(|target| target.abs.clone())
            .filter(|target| !self.links.contains_key(target))
            .unwrap_or(abs_id)
    }

    /// The look a paragraph of `style` (the default paragraph style where none) gives what
    /// does not say otherwise, inherited through `basedOn`, the nearest style first.
    pub fn look(&self, style: Option<&str>) -> Look {
        let mut id = style.or(self.default_style.as_deref());
        let mut out = Look::default();
        for _ in 0..MAX_BASED_ON {
            let Some(s) = id.and_then(|i| self.styles.get(i)) else {
                break;
            };
            let l = &s.look;
            out.size = out.size.or(l.size);
            out.red = out.red.or(l.red);
            out.bold = out.bold.or(l.bold);
            out.font = out.font.clone().or_else(|| l.font.clone());
            out.align = out.align.or(l.align);
            id = s.based_on.as_deref();
        }
        out
    }

    /// A style's list and level, inherited through `basedOn`.
    fn style_numbering<'a>(&'a self, mut id: Option<&'a str>) -> (Option<String>, Option<usize>) {
        let (mut num, mut level) = (None, None);
        for _ in 0..MAX_BASED_ON {
            let Some(s) = id.and_then(|i| self.styles.get(i)) else {
                break;
            };
            num = num.or_else(|| s.num.clone());
            level = level.or(s.level);
            id = s.based_on.as_deref();
        }
        (num.filter(|n| n != "0"), level)
    }
}

/// One property of a style's `w:rPr` or `w:pPr` into its look.
fn read_look(l: &mut Look, name: &str, e: &quick_xml::events::BytesStart) {
    use super::lines::Align;
    match name {
        "sz" => {
            l.size = attr(e, "val")
                .and_then(|v| v.parse::<f64>().ok())
                .map(|v| v / 2.0)
        }
        "color" => l.red = Some(attr(e, "val").is_some_and(|v| super::docx::red_hex(&v))),
        "b" => {
            l.bold =
                Some(attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off")))
        }
        "rFonts" => l.font = attr(e, "eastAsia").or_else(|| attr(e, "ascii")),
        "jc" => {
            l.align = Some(match attr(e, "val").as_deref() {
                Some("center") => Align::Center,
                Some("right" | "end") => Align::Right,
                _ => Align::Left,
            })
        }
        _ => {}
    }
}

fn ilvl(e: &quick_xml::events::BytesStart) -> Option<usize> {
    attr(e, "ilvl")
        .and_then(|v| v.parse::<usize>().ok())
        .filter(|&l| l < LEVELS)
}

fn set_level(lvl: &mut Level, name: &str, val: Option<String>, e: &quick_xml::events::BytesStart) {
    match name {
        "start" => lvl.start = val.and_then(|v| v.parse().ok()).unwrap_or(1),
        "numFmt" => lvl.format = val.unwrap_or_default(),
        "lvlText" => lvl.text = val.unwrap_or_default().chars().take(64).collect(),
        "isLgl" => lvl.legal = val.is_none_or(|v| v != "0" && v != "false"),
        "pStyle" => lvl.style = attr(e, "val"),
        _ => {}
    }
}

/// A count in one of Word's number formats (`w:numFmt`); an unknown format counts in digits.
pub fn format_count(n: u32, format: &str) -> String {
    const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
    const PAREN: &str = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇";
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const BRANCHES: &str = "子丑寅卯辰巳午未申酉戌亥";
    let nth = |set: &str, n: u32| set.chars().nth(n as usize - 1);
    let han = || crate::compose::text::chinese_numeral(n as usize);
    match format {
        // chineseCounting, chineseCountingThousand, taiwaneseCountingThousand (LibreOffice's
        // 一、二、), japaneseCounting …
        f if f.contains("Counting") && !f.starts_with("korean") => han(),
        "ideographDigital" | "taiwaneseDigital" | "japaneseDigitalTenThousand" => n
            .to_string()
            .chars()
            .map(|d| {
                "〇一二三四五六七八九"
                    .chars()
                    .nth(d as usize - '0' as usize)
                    .unwrap_or(d)
            })
            .collect(),
        "chineseLegalSimplified" => han()
            .chars()
            .map(|c| match "一二三四五六七八九十".find(c) {
                Some(i) => "壹贰叁肆伍陆柒捌玖拾"[i..].chars().next().unwrap_or(c),
                None => c,
            })
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" if (1..=20).contains(&n) => {
            nth(CIRCLED, n).map(String::from).unwrap_or_default()
        }
        "decimalEnclosedParen" if (1..=20).contains(&n) => {
            nth(PAREN, n).map(String::from).unwrap_or_default()
        }
        "ideographTraditional" if (1..=10).contains(&n) => {
            nth(STEMS, n).map(String::from).unwrap_or_default()
        }
        "ideographZodiac" if (1..=12).contains(&n) => {
            nth(BRANCHES, n).map(String::from).unwrap_or_default()
        }
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .map(|d| char::from_u32(d as u32 - '0' as u32 + '０' as u32).unwrap_or(d))
            .collect(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "upperLetter" | "lowerLetter" => {
            let base = if format == "upperLetter" { b'A' } else { b'a' };
            let letter = (base + ((n - 1) % 26) as u8) as char;
            letter.to_string().repeat((n as usize - 1) / 26 + 1)
        }
        "upperRoman" | "lowerRoman" => {
            let r = roman(n);
            if format == "lowerRoman" {
                r.to_lowercase()
            } else {
                r
            }
        }
        "none" => String::new(),
        _ => n.to_string(),
    }
}

fn roman(mut n: u32) -> String {
    const TABLE: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut out = String::new();
    for (v, s) in TABLE {
        while n >= v && out.len() < 64 {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lists(numbering: &str, styles: &str) -> Numbering {
        let mut n = Numbering::default();
        n.read_lists(numbering).unwrap();
        n.read_styles(styles).unwrap();
        n
    }

    const LISTS: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:pStyle w:val="H1"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="5"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="6"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="2"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"#;
    const STYLES: &str = r#"<w:styles xmlns:w="w">
      <w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>
      <w:style w:type="paragraph" w:styleId="H1"><w:basedOn w:val="Normal"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1x"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Loop"><w:basedOn w:val="Loop"/></w:style>
    </w:styles>"#;

    fn para(style: Option<&str>, num: Option<&str>, level: Option<usize>) -> NumPr {
        NumPr {
            style: style.map(String::from),
            num: num.map(String::from),
            level,
        }
    }

    #[test]
    fn headings_numbered_by_a_style_and_by_the_paragraph_count_as_word_shows_them() {
        let mut n = lists(LISTS, STYLES);
        let got: Vec<Option<String>> = [
            para(Some("H1"), None, None),
            para(None, Some("5"), Some(1)),
            para(None, Some("5"), Some(2)),
            para(None, Some("5"), Some(2)),
            para(None, Some("5"), Some(1)),
            para(Some("H1x"), None, None),
            para(None, Some("5"), Some(1)),
            para(None, None, None),
            para(Some("Loop"), None, None),
            para(Some("H1"), Some("0"), None),
        ]
        .iter()
        .map(|p| n.label(p))
        .collect();
        let want = [
            Some("一、"),
            Some("（一）"),
            Some("1."),
            Some("2."),
            Some("（二）"),
            Some("二、"),
            Some("（一）"),
            None,
            None,
            None,
        ];
        assert_eq!(got, want.map(|w| w.map(String::from)));
    }

    #[test]
    fn a_list_of_a_list_style_takes_the_style_s_levels() {
        let lists = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="GWList"/>
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="GWList"/></w:abstractNum>
          <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
          <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
        </w:numbering>"#;
        let styles = r#"<w:styles xmlns:w="w">
          <w:style w:type="numbering" w:styleId="GWList"><w:pPr><w:numPr><w:numId w:val="3"/></w:numPr></w:pPr></w:style>
        </w:styles>"#;
        let mut n = Numbering::default();
        n.read_lists(lists).unwrap();
        n.read_styles(styles).unwrap();
        assert_eq!(
            n.label(&para(None, Some("4"), Some(0))).as_deref(),
            Some("一、")
        );
        assert_eq!(
            n.label(&para(None, Some("4"), Some(0))).as_deref(),
            Some("二、")
        );
    }

    #[test]
    fn a_list_restarted_with_a_start_override_counts_on_its_own() {
        let mut n = lists(LISTS, STYLES);
        n.label(&para(None, Some("5"), Some(2)));
        n.label(&para(None, Some("5"), Some(2)));
        assert_eq!(
            n.label(&para(None, Some("6"), Some(2))).as_deref(),
            Some("1.")
        );
    }

    #[test]
    fn a_level_redefined_for_one_list_shows_its_own_format_and_start() {
        // WPS and Word's 「设置编号值」 write a whole level into the instance: here the items of
        // one list read ⑴ ⑵ from 3, the definition's other list 1. 2. as before.
        let numbering = LISTS.replace(
            "</w:numbering>",
            r#"<w:num w:numId="7"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="2">
                 <w:lvl w:ilvl="2"><w:start w:val="3"/><w:numFmt w:val="decimalEnclosedParen"/><w:lvlText w:val="%3"/></w:lvl>
               </w:lvlOverride></w:num></w:numbering>"#,
        );
        let mut n = lists(&numbering, STYLES);
        let got: Vec<Option<String>> = [("7", 2), ("7", 2), ("5", 2), ("7", 0)]
            .iter()
            .map(|&(num, level)| n.label(&para(None, Some(num), Some(level))))
            .collect();
        let want = [Some("⑶"), Some("⑷"), Some("1."), Some("一、")];
        assert_eq!(got, want.map(|w| w.map(String::from)));
    }

    #[test]
    fn word_number_formats_read_as_chinese_offices_use_them() {
        let got: Vec<String> = [
            (11, "chineseCounting"),
            (12, "taiwaneseCountingThousand"),
            (3, "ideographTraditional"),
            (2026, "ideographDigital"),
            (12, "chineseLegalSimplified"),
            (3, "decimalEnclosedCircle"),
            (4, "decimalEnclosedParen"),
            (7, "decimalFullWidth"),
            (28, "lowerLetter"),
            (14, "upperRoman"),
            (5, "decimalZero"),
            (9, "whatever"),
        ]
        .iter()
        .map(|&(n, f)| format_count(n, f))
        .collect();
        assert_eq!(
            got,
            [
                "十一",
                "十二",
                "丙",
                "二〇二六",
                "拾贰",
                "③",
                "⑷",
                "７",
                "bb",
                "XIV",
                "05",
                "9"
            ]
        );
    }

    #[test]
    fn a_list_counted_past_its_bound_stays_short() {
        let mut n = lists(LISTS, STYLES);
        for _ in 0..MAX_COUNT + 10 {
            n.label(&para(None, Some("5"), Some(2)));
        }
        assert_eq!(
            n.label(&para(None, Some("5"), Some(2))).as_deref(),
            Some("99999.")
        );
    }
}
