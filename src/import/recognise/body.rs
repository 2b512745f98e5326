//! 主送机关 and 正文: opening, numbered sections (levels from 一、（一）1.（1）, run-in headings,
//! dated phases), closing; and the cover notice's transmitted document.

use super::{tail, Doc};
use crate::compose::phase_dates;
use crate::compose::text::width_chars;
use crate::import::patterns::{date_prefix, ends_sentence, is_contact, numbered, Marker};
use crate::spec::{Annex, AnnexKind, Paragraphs, Phase, Section};

/// One titled part of the file: the notice, or the document a cover notice transmits.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub recipients: Option<String>,
    pub opening: Vec<String>,
    pub sections: Vec<Section>,
    pub closing: Vec<String>,
    /// Tables inside it with the line each starts on.
    pub tables: Vec<(usize, Annex)>,
}

impl Part {
    /// Calls `f` on every paragraph of the part, in order.
    pub fn for_each_text(&mut self, f: &mut dyn FnMut(&mut String)) {
        fn walk(list: &mut [Section], f: &mut dyn FnMut(&mut String)) {
            for s in list {
                s.text.0.iter_mut().for_each(&mut *f);
                walk(&mut s.sections, f);
            }
        }
        self.opening.iter_mut().for_each(&mut *f);
        walk(&mut self.sections, f);
        self.closing.iter_mut().for_each(f);
    }
}

/// Whether 主送 could start at line `i`: ends with ： within [`RECIPIENT_LINES`] lines, no
/// sentence before.
fn recipients(d: &Doc, i: usize) -> Option<(String, usize)> {
    let mut text = String::new();
    for k in i..d.len().min(i + RECIPIENT_LINES) {
        let t = d.text(k);
        if t.is_empty() || numbered(t).is_some() || t.contains('。') || t.starts_with("现") {
            return None;
        }
        text.push_str(t);
        if t.ends_with('：') {
            // A sentence that introduces a list (…应包括下列内容：, 具体如下：) addresses no one.
            let introduces = ["下列", "如下", "以下", "包括"]
                .iter()
                .any(|w| text.contains(w));
            return (text.chars().count() < 600 && !introduces).then_some((text, k + 1));
        }
        if d.lines[k].paragraph {
            return None;
        }
    }
    None
}

/// The set phrases that end a 公文's body (结束语): 特此通知, 此复, 以上请示当否，请批示…
fn is_closing_phrase(text: &str) -> bool {
    const SHORT: [&str; 4] = ["特此", "专此", "此复", "此函"];
    const ASKS: [&str; 9] = [
        "请批示",
        "请审议",
        "请予审批",
        "请予批准",
        "请批复",
        "请予支持",
        "请予函复",
        "请函复",
        "盼复",
    ];
    let chars = text.chars().count();
    let bare = text.trim_end_matches(['。', '！']);
    (chars <= 12 && SHORT.iter().any(|w| bare.starts_with(w)))
        || (chars <= 20 && ASKS.iter().any(|w| bare.ends_with(w)))
}

/// Most lines a 主送 takes: a national notice to every kind of office runs to seven lines and
/// over a page break.
const RECIPIENT_LINES: usize = 12;

/// Parses 主送 and 正文 from line `i` up to `stop` or the tail; returns the part and the next line.
/// Reads 主送 and the body from line `i` up to `stop` or the signature; its table rows make
/// tables of their own, for the caller to make annexes.
pub(super) fn parse_part(d: &mut Doc, mut i: usize, stop: Option<usize>) -> (Part, usize) {
    let mut part = Part::default();
    if let Some((r, next)) = recipients(d, i) {
        d.found(i, "主送机关");
        part.recipients = Some(r.trim_end_matches('：').to_owned());
        i = next;
    }
    let mut stack: Vec<Marker> = Vec::new();
    let mut contacts: Vec<String> = Vec::new();
    let mut in_table = false;
    // A paste that parts its paragraphs by blank lines (a post, a web page copied).
    let blank_parted = d.lines.iter().filter(|l| l.after_blank).count() * 2 > d.len();
    while i < d.len() && Some(i) != stop && !tail::starts(d, i) {
        // A table inside the body (the spec has tables in annexes only): its rows, blank ones
        // too, make a table the caller makes an annex.
        if d.lines[i].cells.is_some() {
            table_row(d, i, &mut part, &stack, in_table);
            in_table = true;
            i += 1;
            continue;
        }
        in_table = false;
        let (p, next) = d.paragraph(i, stop);
        let text = p.text.trim().to_owned();
        if text.is_empty() {
            i = next;
            continue;
        }
        if let Some(num) = numbered(&text).filter(|_| part.closing.is_empty()) {
            flush(&mut part, &stack, &mut contacts);
            heading(d, i, &mut part, &mut stack, num, &text, p.lead_run);
        } else if is_closing_phrase(&text) {
            flush(&mut part, &stack, &mut contacts);
            part.closing.push(text);
        } else if (is_contact(&text) || (!contacts.is_empty() && contact_line(&text)))
            && !part.sections.is_empty()
        {
            contacts.push(text);
        } else if !part.closing.is_empty() {
            part.closing.push(text);
        } else {
            flush(&mut part, &stack, &mut contacts);
            match deepest(&mut part.sections, stack.len()) {
                Some(s) => {
                    // Its heading on a line of its own, but not parted from its text as the
                    // paragraphs are (a post's bold heading): run in, as the document sets it.
                    // (A short phrase, 加强组织领导。, is a heading as it is read.)
                    let phrase_alone =
                        s.heading.ends_with('。') && s.text.0.is_empty() && s.sections.is_empty();
                    let apart = heading_with_its_text(s) || phrase_alone;
                    if apart && blank_parted && !d.lines[i].after_blank {
                        s.run_in = true;
                    }
                    s.text.0.push(text)
                }
                None => part.opening.push(text),
            }
        }
        i = next;
    }
    part.closing.extend(contacts);
    let count = count_sections(&part.sections);
    if count > 0 {
        d.found(i.saturating_sub(1), format!("正文：{count} 个层次标题"));
    }
    (part, i)
}

/// Table row `i` into the part's last table, or the head of a new one titled by the line
/// before it when that is a caption (short, no sentence), else by its section's heading.
fn table_row(d: &Doc, i: usize, part: &mut Part, stack: &[Marker], in_table: bool) {
    if !in_table {
        let mut a = Annex {
            kind: AnnexKind::Table,
            ..Annex::default()
        };
        let caption = |t: &String| width_chars(t) <= 30.0 && !ends_sentence(t);
        let holder = match deepest(&mut part.sections, stack.len()) {
            Some(s) => &mut s.text.0,
            None => &mut part.opening,
        };
        if let Some(t) = holder.pop_if(|t| caption(t)) {
            a.title = t;
        } else if let Some(title) = holder.last_mut().and_then(introduced) {
            a.title = title;
        } else if let Some(s) = deepest(&mut part.sections, stack.len()) {
            let h = s.heading.trim_end_matches(['。', '：', '．']);
            if !h.is_empty() {
                a.title = if h.ends_with('表') {
                    h.to_owned()
                } else {
                    format!("{h}表")
                };
            }
        }
        part.tables.push((i, a));
    }
    if let (Some((_, a)), Some(l)) = (part.tables.last_mut(), d.lines.get(i)) {
        super::annex::row_into(a, l);
    }
}

/// A sentence that introduces the table under it (各学段资助标准如下：): the table's title from
/// what it introduces (各学段资助标准表), and the sentence made to point at it as a table (…如下
/// 表：, which the table made an annex turns into …见附件2。).
fn introduced(text: &mut String) -> Option<String> {
    const INTRODUCES: &str = "如下：";
    let stem = text.strip_suffix(INTRODUCES)?;
    let what = stem.rsplit(['，', '。', '；', '：']).next()?.trim();
    let n = what.chars().count();
    if !(2..=20).contains(&n) {
        return None;
    }
    let title = if what.ends_with(['表', '单']) {
        what.to_owned()
    } else {
        format!("{what}表")
    };
    *text = format!("{stem}如下表：");
    Some(title)
}

/// A further line of a contact list (最高人民检察院办公厅　刘　敏 010-65209876): short, no
/// sentence, ending in a telephone number.
fn contact_line(text: &str) -> bool {
    let digits = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == '-')
        .filter(char::is_ascii_digit)
        .count();
    digits >= 7 && text.chars().count() <= 40 && !text.contains(['。', '，', '；'])
}

/// A numbered item that is a short phrase ending in 。 (（一）校舍和设施设备安全。) with a paragraph
/// of text or numbered items coming after it is their heading, typed on a line of its own:
/// whether it was.
fn heading_with_its_text(s: &mut Section) -> bool {
    // A dated stage (动员部署阶段（2026年12月上旬—12月15日）。) is a phrase too, however long
    // its dates.
    let phrase = |t: &str| {
        let n = t.chars().count();
        t.ends_with('。')
            && (n <= PHRASE_HEADING_CHARS || (t.contains("阶段（") && n <= STAGE_HEADING_CHARS))
            && !t.contains(['，', '：', '、', '；', ',', ':'])
    };
    if s.heading.is_empty() && s.sections.is_empty() && s.text.0.len() == 1 && phrase(&s.text.0[0])
    {
        s.heading = s.text.0.remove(0);
        s.run_in = false;
        return true;
    }
    false
}

/// Contact lines followed by more text belong to the section they stand in.
fn flush(part: &mut Part, stack: &[Marker], contacts: &mut Vec<String>) {
    if contacts.is_empty() {
        return;
    }
    match deepest(&mut part.sections, stack.len()) {
        Some(s) => s.text.0.append(contacts),
        None => part.opening.append(contacts),
    }
}

fn count_sections(s: &[Section]) -> usize {
    s.iter()
        .map(|s| 1 + s.phases.len() + count_sections(&s.sections))
        .sum()
}

/// The open section at `depth` (1 = top level).
fn deepest(sections: &mut [Section], depth: usize) -> Option<&mut Section> {
    let mut s = sections.last_mut()?;
    for _ in 1..depth {
        s = s.sections.last_mut()?;
    }
    Some(s)
}

/// A numbered paragraph: a new section at the level its number gives, or a phase.
fn heading(
    d: &mut Doc,
    at: usize,
    part: &mut Part,
    stack: &mut Vec<Marker>,
    num: crate::import::patterns::Numbered,
    text: &str,
    lead_run: Option<usize>,
) {
    while stack.last().is_some_and(|&m| m >= num.marker) {
        stack.pop();
    }
    let depth = stack.len() + 1;
    let rest = text[num.len..].trim();
    if depth > 4 {
        d.not_placed(at, "超过四层的标题，作为正文保留");
        if let Some(s) = deepest(&mut part.sections, stack.len()) {
            s.text.0.push(text.to_owned());
        }
        return;
    }
    if depth > 1 {
        if let Some(phase) = phase_of(rest) {
            if let Some(parent) = deepest(&mut part.sections, depth - 1) {
                parent.phases.push(phase);
                d.found(at, "时间安排阶段");
                return;
            }
        }
    }
    let (heading, run_in, body) = split_heading(text, num.len, rest, lead_run);
    let section = Section {
        heading,
        run_in,
        text: Paragraphs(body.into_iter().collect()),
        // A level the source skips (1. directly under 一、) is printed as it wrote it.
        numbering: (num.marker.level() != depth).then_some(num.marker),
        ..Section::default()
    };
    let siblings = if depth == 1 {
        &mut part.sections
    } else {
        match deepest(&mut part.sections, depth - 1) {
            // A phrase whose items follow it (（三）做好重点传染病防控。 then 1.流行性感冒。…)
            // is their heading, as it is with a paragraph after it.
            Some(parent) => {
                heading_with_its_text(parent);
                &mut parent.sections
            }
            None => &mut part.sections,
        }
    };
    if num.number != siblings.len() + 1 {
        d.not_placed(
            at,
            format!(
                "序号不连续：原文为第 {} 项，按第 {} 项编号",
                num.number,
                siblings.len() + 1
            ),
        );
    }
    siblings.push(section);
    stack.push(num.marker);
}

/// A standalone numbered line ending in 。 this short may still be a heading (活动时间。).
const SHORT_HEADING_CHARS: usize = 8;

/// A numbered phrase ending in 。 this short (校舍和设施设备安全。) is a heading when its own text
/// follows it as a paragraph; items that follow each other (一、同意…。二、…) stay items.
const PHRASE_HEADING_CHARS: usize = 20;

/// A dated stage typed so (动员部署阶段（2026年12月上旬—12月15日）。) is a heading up to this long.
const STAGE_HEADING_CHARS: usize = 40;

/// Heading text, run-in, and the text after a run-in heading: the leading run when the
/// format marks it, else the first sentence ending in 。 when text follows it.
fn split_heading(
    text: &str,
    number_len: usize,
    rest: &str,
    lead_run: Option<usize>,
) -> (String, bool, Option<String>) {
    if let Some(n) = lead_run {
        let number_chars = text[..number_len].chars().count();
        let chars: Vec<char> = text.chars().collect();
        if n > number_chars && n < chars.len() {
            let heading: String = chars[number_chars..n].iter().collect();
            let body: String = chars[n..].iter().collect();
            return (
                heading.trim().to_owned(),
                true,
                Some(body.trim().to_owned()),
            );
        }
        return (rest.to_owned(), false, None);
    }
    // Without the format's word, a first sentence is a run-in heading when it is a phrase:
    // short (精心组织，规范管理。), or of one clause naming no document (宣传学习贯彻…思想。);
    // not a task (各单位报送决算时，一并填报《…登记表》（附件1）。).
    let phrase =
        |h: &str| h.chars().count() <= PHRASE_HEADING_CHARS || !h.contains(['，', '；', '《']);
    match rest.find('。') {
        Some(p) if p + '。'.len_utf8() < rest.len() && phrase(&rest[..p]) => {
            let (h, b) = rest.split_at(p + '。'.len_utf8());
            (h.to_owned(), true, Some(b.trim().to_owned()))
        }
        // A numbered sentence (「一、同意……。」) is an item in the body face, not a heading:
        // one that reads as a sentence (check's rule), or any standalone line ending in 。 past
        // a few words (a heading ends in 。 only when its text runs on after it), so that the
        // items of one list are read alike. An item ending in ；is a clause of a running list.
        _ if crate::spec::conventions::reads_as_sentence(rest, false)
            || (rest.ends_with('。') && rest.chars().count() > SHORT_HEADING_CHARS)
            || rest.ends_with(['；', ';']) =>
        {
            (String::new(), false, Some(rest.to_owned()))
        }
        _ => (rest.to_owned(), false, None),
    }
}

/// 准备阶段（2025年4月11日—4月19日），text: a dated phase, when compose writes it back
/// the same.
fn phase_of(rest: &str) -> Option<Phase> {
    let open = rest.find('（')?;
    let name = &rest[..open];
    if !name.ends_with("阶段") || name.chars().count() > 10 {
        return None;
    }
    let inner = &rest[open + '（'.len_utf8()..];
    let close = inner.find('）')?;
    let dates = &inner[..close];
    let text = inner[close + '）'.len_utf8()..].strip_prefix('，')?;
    let (start, n) = date_prefix(dates)?;
    let end = match dates[n..].strip_prefix('—') {
        None if n == dates.len() => None,
        None => return None,
        Some(e) => Some(match date_prefix(e) {
            Some((d, _)) => d,
            None => {
                use chrono::Datelike;
                let with_year = format!("{}年{e}", start.year());
                date_prefix(&with_year)?.0
            }
        }),
    };
    let phase = Phase {
        name: name.to_owned(),
        start,
        end,
        text: text.to_owned(),
    };
    (phase_dates(&phase) == dates).then_some(phase)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_closing_phrases_are_closings_and_sentences_are_not() {
        for c in [
            "此复。",
            "特此通知。",
            "此函。",
            "以上请示当否，请批示。",
            "妥否，请批复。",
        ] {
            assert!(is_closing_phrase(c), "{c}");
        }
        for t in [
            "此复印件须加盖公章后使用。",
            "请各地于5月15日前报送，请批示后执行的事项除外。",
        ] {
            assert!(!is_closing_phrase(t), "{t}");
        }
    }
}
