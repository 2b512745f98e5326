//! Repairs of what text extraction leaves behind: page numbers, running headers, stray spaces
//! between Chinese characters, half-width punctuation beside Chinese text, list bullets.
//! Every repair that changes a character is recorded with its page and line.

use super::lines::Line;
use super::patterns::is_contact;
use crate::compose::text::is_wide;

/// One recorded repair.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Repair {
    /// 1-based page.
    pub page: usize,
    /// 1-based line on the page.
    pub line: usize,
    /// What was changed, in Chinese.
    pub what: String,
}

/// A page number line: — 3 —, -3-, 3, spaced by any space a writer puts there (PyMuPDF maps the
/// space glyph to U+00A0: —\u{a0}1\u{a0}—).
pub fn is_page_number(s: &str) -> bool {
    let t = s.trim();
    let inner = t.trim_matches(|c: char| c.is_whitespace() || "—–-－~第页".contains(c));
    let dashed = inner.len() < t.len();
    !inner.is_empty()
        && inner.len() <= 3
        && inner.bytes().all(|b| b.is_ascii_digit())
        && (dashed || t.len() <= 2)
}

/// Repairs every line; drops page numbers and running headers.
pub fn repair(lines: Vec<Line>) -> (Vec<Line>, Vec<Repair>) {
    let mut repairs = Vec::new();
    let headers = running_headers(&lines);
    let mut quotes = Quotes::default();
    let mut open_contact = false;
    let mut previous_full = false;
    // Text extracted from a PDF (2024 年, 5 月 12 日) spaces words apart; a paste does not.
    let spaced_numbers = lines.iter().any(|l| spaced_date(&l.text));
    let mut out = Vec::with_capacity(lines.len());
    for mut line in lines {
        if line.cells.is_none() && is_page_number(&line.text) {
            continue;
        }
        if line.cells.is_none() && headers.contains(&header_key(&line.text)) {
            repairs.push(Repair {
                page: line.page,
                line: line.line,
                what: format!("删除页眉“{}”", line.text.trim()),
            });
            continue;
        }
        if let Some(cells) = &mut line.cells {
            for c in cells.iter_mut() {
                *c = fix_text(c, false, Phrases::None, &mut quotes).0;
            }
            out.push(line);
            continue;
        }
        line.raw = line.text.clone();
        // A contact line still open in its parenthesis goes on in the next line; a DOCX
        // paragraph's spaces were typed, not left by extraction.
        // A PDF line that goes on from a full line before it (no indent) is no contact line
        // however it starts (…电子版发送至 / 邮箱 abc@…: the space there is the reader's).
        let continues = line.indent.is_some_and(|i| i < 0.5) && previous_full;
        previous_full = line.right_gap.is_some_and(|g| g < 1.0);
        let contact = is_contact(&line.text) && !continues;
        let keep = contact || open_contact || line.paragraph;
        open_contact = (contact || open_contact) && !line.paragraph && unclosed(&line.text);
        // Typed text (a paste) separates a slogan's phrases with a space: meant, unless the
        // line is spaced out character by character. Text copied out of a PDF viewer spaces
        // numbers apart (2026 年) and may space words apart too; a line of it with one or two
        // gaps between Chinese phrases keeps them (奶豆添营养 少油更健康).
        let phrases = if line.indented.is_none() || letter_spaced(&line.text) {
            Phrases::None
        } else if spaced_numbers {
            Phrases::Themed
        } else {
            Phrases::All
        };
        let (fixed, mut changes) = fix_text(&line.text, keep, phrases, &mut quotes);
        let fixed = misread_marks(&fixed, &mut changes);
        if !changes.is_empty() {
            repairs.push(Repair {
                page: line.page,
                line: line.line,
                what: changes.join("；"),
            });
        }
        line.text = fixed;
        if !line.text.is_empty() || line.paragraph {
            out.push(line);
        }
    }
    let out = printer_line_joined(out, &mut repairs);
    (out, repairs)
}

/// A 版记's 印发 line wrapped before its last character (…2027年2月24日印 / 发): one line.
fn printer_line_joined(mut lines: Vec<Line>, repairs: &mut Vec<Repair>) -> Vec<Line> {
    let mut k = 0;
    while k + 1 < lines.len() {
        let cur = lines[k].text.trim_end().to_owned();
        let wrapped = cur.ends_with('印') && cur.contains('年') && lines[k + 1].text.trim() == "发";
        if wrapped && lines[k].cells.is_none() {
            let next = lines.remove(k + 1);
            lines[k].text = format!("{cur}发");
            repairs.push(Repair {
                page: next.page,
                line: next.line,
                what: "接上折行的印发日期“发”".to_owned(),
            });
        }
        k += 1;
    }
    lines
}

/// Marks a scan's OCR or a hasty typist gets wrong where a 公文 has only one reading: a dash
/// for the 一 of a heading number (—、落实资助政策, （—）), and the brackets of a cited
/// document's number (财教(2021)310号, 川教函[2026]512号 → 〔2021〕); each change named.
fn misread_marks(text: &str, changes: &mut Vec<String>) -> String {
    let mut out = text.to_owned();
    for (dash, one) in [
        ("—、", "一、"),
        ("－、", "一、"),
        ("（—）", "（一）"),
        ("（－）", "（一）"),
    ] {
        let lead = out.len() - out.trim_start().len();
        if out[lead..].starts_with(dash)
            && out[lead + dash.len()..].starts_with(|c: char| !c.is_ascii() && !c.is_whitespace())
        {
            out.replace_range(lead..lead + dash.len(), one);
            changes.push(format!("序号“{dash}”改为“{one}”"));
        }
    }
    let fixed = number_brackets(&out);
    if fixed != out {
        changes.push("文号的年份括号改为“〔〕”".to_owned());
    }
    fixed
}

/// A cited document number's year in the wrong brackets (财教(2021)310号, 国发［2025］9号,
/// 某发（2024)3号): in 〔〕.
fn number_brackets(text: &str) -> String {
    const OPEN: [char; 5] = ['(', '[', '【', '（', '［'];
    const CLOSE: [char; 5] = [')', ']', '】', '）', '］'];
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let han_before = i > 0 && cjk(Some(chars[i - 1])) && !OPEN.contains(&chars[i - 1]);
        let year = chars
            .get(i + 1..i + 5)
            .is_some_and(|y| y.iter().all(char::is_ascii_digit));
        let close = chars.get(i + 5).is_some_and(|c| CLOSE.contains(c));
        let serial = chars[(i + 6).min(chars.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        let numbered = chars.get(i + 6 + serial) == Some(&'号');
        if OPEN.contains(&c) && han_before && year && close && (1..=4).contains(&serial) && numbered
        {
            out.push('〔');
            out.extend(&chars[i + 1..i + 5]);
            out.push('〕');
            i += 6;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Short lines repeated at the top or the foot of three or more pages, or of most pages of a
/// short document (running headers and footers; digits of a page count aside).
fn running_headers(lines: &[Line]) -> Vec<String> {
    let pages = lines.iter().map(|l| l.page).max().unwrap_or(1);
    if pages < 2 {
        return Vec::new();
    }
    let mut last = vec![0; pages + 1];
    for l in lines {
        last[l.page] = last[l.page].max(l.line);
    }
    // A page's first three lines and its last two: where a header or a footer stands.
    let mut seen: std::collections::HashMap<String, std::collections::BTreeSet<usize>> =
        Default::default();
    // Pages laid out (a PDF's, an OFD's) have edges; a DOCX's or a text's pages are only where
    // it broke them, and only their first lines after the first page are searched.
    let laid_out = lines.iter().any(|l| l.right_gap.is_some());
    for l in lines {
        let edge = if laid_out {
            l.line <= HEADER_LINES || l.line + FOOTER_LINES > last[l.page]
        } else {
            l.line == 1 && l.page > 1
        };
        let key = header_key(&l.text);
        let most = if laid_out { 80 } else { 30 };
        if edge && l.cells.is_none() && !key.is_empty() && l.text.chars().count() <= most {
            seen.entry(key).or_default().insert(l.page);
        }
    }
    // On three pages, or on most pages of a short laid-out document (an OA system's 打印时间 on
    // each).
    let short = |on: usize| laid_out && on >= 2 && on * 2 > pages;
    seen.into_iter()
        .filter(|(_, on)| on.len() >= 3 || short(on.len()))
        .map(|(key, _)| key)
        .collect()
}

/// Lines at a page's top searched for a running header.
const HEADER_LINES: usize = 3;
/// Lines at a page's foot searched for a running footer.
const FOOTER_LINES: usize = 2;

/// A line as a running header repeats it: without spaces, and without digits where it counts
/// pages (第2页 共5页).
fn header_key(text: &str) -> String {
    let count = text.contains('页');
    text.chars()
        .filter(|c| !(c.is_whitespace() || count && c.is_ascii_digit()))
        .collect()
}

/// Alternates straight double quotes between “ and ” across the document.
#[derive(Default)]
struct Quotes {
    open: bool,
}

/// Half-width punctuation replaced beside Chinese text.
fn full_width(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ':' => '：',
        ';' => '；',
        '(' => '（',
        ')' => '）',
        '!' => '！',
        '?' => '？',
        _ => return None,
    })
}

/// Chinese text or full-width punctuation.
fn cjk(c: Option<char>) -> bool {
    c.is_some_and(|c| is_wide(c) && c != '\u{3000}')
}

/// Whether a line has a number spaced apart from its 年/月/日 (2024 年), as PDF text tools
/// write it.
fn spaced_date(s: &str) -> bool {
    let chars: Vec<char> = s.chars().collect();
    chars.windows(3).any(|w| {
        w[1] == ' '
            && ((w[0].is_ascii_digit() && "年月日".contains(w[2]))
                || ("年月".contains(w[0]) && w[2].is_ascii_digit()))
    })
}

/// Which spaces between Chinese phrases a line keeps.
#[derive(Clone, Copy, PartialEq)]
enum Phrases {
    /// None: every such space is an extraction's.
    None,
    /// Those of a theme or slogan only: inside quotation marks or after 主题 (text copied out
    /// of a PDF viewer, where a title's line break may come back as a space).
    Themed,
    /// All: typed text (a paste) separates a slogan's phrases with a space.
    All,
}

/// Whether a line is spaced out character by character (a web page's or a PDF's doing).
fn letter_spaced(s: &str) -> bool {
    let chars: Vec<char> = s.trim().chars().collect();
    let han = chars.iter().filter(|c| cjk(Some(**c))).count();
    let spaced = chars
        .windows(2)
        .filter(|w| cjk(Some(w[0])) && w[1].is_whitespace())
        .count();
    spaced >= 3 && spaced * 5 >= han * 2
}

/// Chinese characters (not punctuation) standing together before `i` (backwards) or from `i`.
fn han_run(chars: &[char], i: usize, backwards: bool) -> usize {
    let han = |c: &&char| cjk(Some(**c)) && !is_punct(Some(**c));
    if backwards {
        chars[..i].iter().rev().take_while(han).count()
    } else {
        chars[i..].iter().take_while(han).count()
    }
}

/// Whether `s` opens more parentheses than it closes.
fn unclosed(s: &str) -> bool {
    let count = |set: [char; 2]| s.chars().filter(|c| set.contains(c)).count();
    count(['（', '(']) > count(['）', ')'])
}

/// Repairs one line's text (`keep_spaces`: spaces between words are meant): the new text and
/// the changes made (for the report).
/// `phrases`: a single space between two runs of Chinese characters separates phrases.
fn fix_text(
    text: &str,
    keep_spaces: bool,
    phrases: Phrases,
    quotes: &mut Quotes,
) -> (String, Vec<String>) {
    let mut changes = Vec::new();
    let mut s = text.trim().trim_matches('\u{3000}').to_owned();
    // Invisible line-break controls (word joiners that keep a name whole, zero-width spaces,
    // byte-order marks) carry no text.
    s.retain(|c| !matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}'));
    // A bullet an extraction tool put before a paragraph: "- （一）…".
    for bullet in ["- ", "• ", "· "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            if rest.chars().next().is_some_and(|c| !c.is_whitespace()) {
                changes.push(format!("删除行首符号“{}”", bullet.trim()));
                s = rest.trim_start().to_owned();
            }
        }
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let (mut punct, mut spaces, mut quoted) = (Vec::new(), 0, 0);
    let prev_solid = |i: usize| {
        chars[..i]
            .iter()
            .rev()
            .find(|c| !c.is_whitespace())
            .copied()
    };
    let next_solid = |i: usize| chars[i + 1..].iter().find(|c| !c.is_whitespace()).copied();
    for (i, &c) in chars.iter().enumerate() {
        if c.is_whitespace() && form_blank(&chars, i) {
            out.push(c);
            continue;
        }
        if c.is_whitespace() && before_phone(&chars, i) {
            out.push(' ');
            continue;
        }
        if c == '\u{3000}'
            && cjk(prev_solid(i))
            && cjk(next_solid(i))
            && !is_punct(out.chars().last())
        {
            // An ideographic space between two phrases is meant (a slogan's halves).
            if !out.ends_with('\u{3000}') {
                out.push(c);
            }
            continue;
        }
        if c == '\u{a0}' {
            // A space the reader saw drawn: meant.
            if !out.ends_with(' ') {
                out.push(' ');
            }
            continue;
        }
        let themed = || quotes.open || out.contains("主题");
        let phrase_gap = c == ' '
            && han_run(&chars, i, true) >= 2
            && han_run(&chars, i + 1, false) >= 2
            && match phrases {
                Phrases::None => false,
                Phrases::Themed => themed(),
                Phrases::All => true,
            };
        if phrase_gap {
            out.push(' ');
            continue;
        }
        if c.is_whitespace() {
            let (p, n) = (prev_solid(i), next_solid(i));
            let ascii_both = p.is_some_and(|p| p.is_ascii()) && n.is_some_and(|n| n.is_ascii());
            let after_punct = is_punct(out.chars().last());
            if !after_punct && (ascii_both || (keep_spaces && !is_punct(p) && !is_punct(n))) {
                if !out.ends_with(' ') {
                    out.push(' ');
                }
            } else {
                spaces += 1;
            }
            continue;
        }
        if let Some(w) = full_width(c) {
            let near = cjk(prev_solid(i)) || cjk(next_solid(i));
            let digits_both = prev_solid(i).is_some_and(|p| p.is_ascii_digit())
                && next_solid(i).is_some_and(|n| n.is_ascii_digit());
            if near && !digits_both {
                punct.push(format!("{c}→{w}"));
                if out.ends_with(' ') && !keep_spaces {
                    out.pop();
                }
                out.push(w);
                continue;
            }
        }
        if c == '"' && (cjk(prev_solid(i)) || cjk(next_solid(i))) {
            quotes.open = !quotes.open;
            out.push(if quotes.open { '“' } else { '”' });
            quoted += 1;
            continue;
        }
        if c == '“' {
            quotes.open = true;
        } else if c == '”' {
            quotes.open = false;
        }
        out.push(c);
    }
    let mut out = out.trim().to_owned();
    // The year's blank of a date to fill in (　　年　　月　　日) is the line's start.
    let lead = text
        .trim_start_matches([' ', '\t'])
        .chars()
        .take_while(|&c| c == '\u{3000}')
        .count();
    if lead >= 2 && out.starts_with('年') && out.chars().count() <= 12 && out.contains('日') {
        out.insert_str(0, &"\u{3000}".repeat(lead));
    }
    if spaces > 0 {
        changes.push(format!("删除汉字间多余空格 {spaces} 处"));
    }
    if !punct.is_empty() {
        let mut kinds = punct.clone();
        kinds.sort();
        kinds.dedup();
        changes.push(format!(
            "半角标点改为全角 {} 处（{}）",
            punct.len(),
            kinds.join(" ")
        ));
    }
    if quoted > 0 {
        changes.push(format!("直引号改为中文引号 {quoted} 处"));
    }
    (out, changes)
}

/// Whether the space at `i` is part of a blank left to be filled in on a form: a run of two or
/// more after a field's colon (填表人：　　　审核人：) or between the parts of a date written
/// without figures (　　年　　月　　日).
fn form_blank(chars: &[char], i: usize) -> bool {
    let run = |at: usize| {
        let start = chars[..at]
            .iter()
            .rposition(|c| !c.is_whitespace())
            .map_or(0, |k| k + 1);
        let end = chars[at..]
            .iter()
            .position(|c| !c.is_whitespace())
            .map_or(chars.len(), |k| at + k);
        (start, end)
    };
    let (start, end) = run(i);
    let (before, after) = (
        start.checked_sub(1).map(|k| chars[k]),
        chars.get(end).copied(),
    );
    // (Or before a further field's label: 单位名称：某某办公室　　填表时间：.)
    let label = chars[end..]
        .iter()
        .take(9)
        .position(|&c| c == '：')
        .is_some_and(|k| {
            k > 0
                && !chars[end..end + k]
                    .iter()
                    .any(|&c| "，。；、！？".contains(c))
        });
    end - start >= 2
        && (matches!(before, Some('：' | ':'))
            || (matches!(before, Some('年' | '月')) && matches!(after, Some('月' | '日')))
            || (label && before.is_some()))
}

/// Whether the space at `i` stands between a name and a telephone number (韩立群 0736-5290385):
/// typed so, and kept as the contact line's other spaces are.
fn before_phone(chars: &[char], i: usize) -> bool {
    let han_before = i > 0 && cjk(Some(chars[i - 1])) && !is_punct(Some(chars[i - 1]));
    let number: String = chars[i + 1..]
        .iter()
        .take_while(|c| c.is_ascii_digit() || **c == '-')
        .collect();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    han_before && digits >= 7 && number.starts_with(['0', '1'])
}

/// Punctuation around which no space is kept.
fn is_punct(c: Option<char>) -> bool {
    c.is_some_and(|c| "，。、；：？！（）《》“”‘’;:,()".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(s: &str) -> String {
        fix_text(s, is_contact(s), Phrases::None, &mut Quotes::default()).0
    }

    #[test]
    fn an_oa_system_s_print_header_on_every_page_of_a_short_pdf_goes() {
        let header = "打印时间：2027-02-26 09:32:15　打印人：韦丽（柳州市柳江区税务局";
        let mut lines = Vec::new();
        for page in 1..=2 {
            for (k, t) in [header, "办公室）", "正文第一行", "正文第二行", "- 1 -"]
                .iter()
                .enumerate()
            {
                let body = k == 2 || k == 3;
                let text = if body {
                    format!("{t}{page}")
                } else {
                    (*t).to_owned()
                };
                let mut l = Line::plain(text, page, k + 1);
                l.right_gap = Some(1.0);
                lines.push(l);
            }
        }
        let (kept, repairs) = repair(lines);
        let texts: Vec<&str> = kept.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            ["正文第一行1", "正文第二行1", "正文第一行2", "正文第二行2"]
        );
        assert_eq!(repairs.len(), 4);
    }

    #[test]
    fn spaces_and_punctuation() {
        assert_eq!(fix("深入学习贯 彻习近平"), "深入学习贯彻习近平");
        assert_eq!(fix("第 24 个世界"), "第24个世界");
        assert_eq!(fix("纲要(2021—2035年),传播"), "纲要（2021—2035年），传播");
        assert_eq!(fix("\"十四五\"规划"), "“十四五”规划");
        assert_eq!(fix("- (一)宣传"), "（一）宣传");
        assert_eq!(fix("时间 14:30"), "时间14:30");
        assert_eq!(fix("推进落实与WIPO 合作"), "推进落实与WIPO合作");
    }

    #[test]
    fn meant_spaces_are_kept() {
        assert_eq!(
            fix("诚信尚俭\u{3000}共享食安。"),
            "诚信尚俭\u{3000}共享食安。"
        );
        assert_eq!(fix("保护\u{a0}促进"), "保护 促进");
        assert_eq!(
            fix_text("保护 促进", true, Phrases::None, &mut Quotes::default()).0,
            "保护 促进"
        );
    }

    #[test]
    fn a_form_s_blanks_and_the_space_before_a_telephone_number_are_kept() {
        assert_eq!(
            fix("填表人：　　　审核人：　　　联系电话："),
            "填表人：　　　审核人：　　　联系电话："
        );
        assert_eq!(fix("　　年　　月　　日"), "　　年　　月　　日");
        assert_eq!(
            fix("火灾防治管理科 韩立群 0736-5290385；"),
            "火灾防治管理科韩立群 0736-5290385；"
        );
        // A PDF's spaces around figures still go.
        assert_eq!(fix("于 12 月 15 日前"), "于12月15日前");
    }

    #[test]
    fn contacts_keep_their_spaces() {
        assert_eq!(
            fix("联系人: 程必凡 李晴; 电话: 23110869 23110861"),
            "联系人：程必凡 李晴；电话：23110869 23110861"
        );
    }

    #[test]
    fn a_misread_heading_dash_and_a_cited_number_s_brackets_are_put_right() {
        let mut changes = Vec::new();
        assert_eq!(
            misread_marks("—、落实资助政策", &mut changes),
            "一、落实资助政策"
        );
        assert_eq!(
            misread_marks("（财教（2021)310号）和川教函[2026]512号", &mut changes),
            "（财教〔2021〕310号）和川教函〔2026〕512号"
        );
        assert_eq!(changes.len(), 2, "{changes:?}");
        let mut none = Vec::new();
        for kept in [
            "——坚持问题导向",
            "（2021）年度",
            "电话(0816)2245317",
            "2021—2025年",
        ] {
            assert_eq!(misread_marks(kept, &mut none), kept);
        }
        assert!(none.is_empty(), "{none:?}");
    }

    #[test]
    fn page_numbers() {
        assert!(is_page_number("— 3 —"));
        assert!(is_page_number("-12-"));
        assert!(is_page_number("—5—"));
        assert!(is_page_number("—\u{a0}1\u{a0}—"));
        assert!(is_page_number("－\u{2002}2\u{2002}－"));
        assert!(!is_page_number("2025"));
    }

    #[test]
    fn a_pasted_slogan_keeps_the_spaces_between_its_phrases() {
        let typed = |s: &str| {
            let p = if letter_spaced(s) {
                Phrases::None
            } else {
                Phrases::All
            };
            fix_text(s, false, p, &mut Quotes::default()).0
        };
        assert_eq!(
            typed("全民营养周主题：奶豆添营养 少油更健康。"),
            "全民营养周主题：奶豆添营养 少油更健康。"
        );
        assert_eq!(
            typed("宣传主题为“节水护水 共建幸福河湖”。"),
            "宣传主题为“节水护水 共建幸福河湖”。"
        );
        assert_eq!(
            typed("二 级 以 上 医 疗 机 构 要 在 活 动 期 间 开 设"),
            "二级以上医疗机构要在活动期间开设"
        );
    }

    #[test]
    fn copied_text_keeps_a_theme_s_spaces_and_drops_a_title_s_line_break() {
        let copied = |lines: &[&str]| {
            let mut q = Quotes::default();
            let out: Vec<String> = lines
                .iter()
                .map(|s| fix_text(s, false, Phrases::Themed, &mut q).0)
                .collect();
            out
        };
        assert_eq!(
            copied(&["全民营养周主题：奶豆添营养 少油更健康。"]),
            ["全民营养周主题：奶豆添营养 少油更健康。"]
        );
        // A quotation opened on the line before.
        assert_eq!(
            copied(&["活动的宣传主题为“节水", "护水 共建幸福河湖”。"]),
            ["活动的宣传主题为“节水", "护水 共建幸福河湖”。"]
        );
        assert_eq!(
            copied(&["关于开展2024年全国知识产权 宣传周活动的通知"]),
            ["关于开展2024年全国知识产权宣传周活动的通知"]
        );
    }
}
