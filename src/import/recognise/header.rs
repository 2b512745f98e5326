//! 版头 (份号, 密级, 紧急程度, 发文机关标志, 发文字号, 签发人), 附件标识 and the title.

use super::Doc;
use crate::import::join::starts_element;
use crate::import::lines::Align;
use crate::import::patterns::{
    annex_label, ends_like_organisation, ends_sentence, ends_with_doc_type, order_number,
};
use crate::spec::DocNumber;
use crate::spec::{Annotated, DocKind, Header};

/// Lines searched for the 发文字号.
const HEADER_LINES: usize = 14;

/// A 发文字号 line, maybe with 签发人 on it: the number normalised and the signers.
fn doc_number_line(s: &str) -> Option<(DocNumber, Vec<String>)> {
    let (number, signers) = match s.find("签发人") {
        Some(at) => (&s[..at], signers_of(&s[at..])),
        None => (s, Vec::new()),
    };
    let number: String = number.split_whitespace().collect();
    let number = copy_number_before(&number).map_or(number.as_str(), |(_, rest)| rest);
    Some((DocNumber::parse(number)?, signers))
}

/// The 份号 at the start of a line and the rest: in the 信函格式 the 份号 stands at the left of
/// the 发文字号's line (§10.1), and a PDF reads the two as one line.
fn copy_number_before(s: &str) -> Option<(&str, &str)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let rest = &s[digits..];
    (digits == COPY_NUMBER_DIGITS && rest.starts_with(|c: char| !c.is_ascii()))
        .then(|| (&s[..digits], rest))
}

/// Digits of a 份号 (§7.2.1: 6位3阿拉伯数字).
const COPY_NUMBER_DIGITS: usize = 6;

/// 签发人：张三 李四 → the names.
fn signers_of(s: &str) -> Vec<String> {
    let rest = s
        .trim_start_matches("签发人")
        .trim_start_matches(['：', ':']);
    rest.split_whitespace().map(str::to_owned).collect()
}

fn is_secrecy(s: &str) -> bool {
    s.chars().count() <= 12 && ["绝密", "机密", "秘密"].iter().any(|k| s.starts_with(k))
}

fn is_urgency(s: &str) -> bool {
    ["特急", "加急", "特提", "平急"].contains(&s)
}

/// Issuers, suffix and line breaks of the mark lines (raw text: spaces separate joint
/// issuers; a line that does not end as an organisation does runs on into the next).
fn issuers(raw: &[String]) -> (Vec<String>, String, Vec<String>) {
    let mut tokens: Vec<String> = Vec::new();
    let mut single = String::new();
    for line in raw {
        for t in line.split_whitespace() {
            // A letter-spaced mark (联 席 会 议) comes as one-character tokens.
            if t.chars().count() == 1 {
                single.push_str(t);
                continue;
            }
            if !single.is_empty() {
                tokens.push(std::mem::take(&mut single));
            }
            tokens.push(t.to_owned());
        }
        if !single.is_empty() {
            tokens.push(std::mem::take(&mut single));
        }
    }
    let suffix = if tokens.iter().any(|t| t.contains("文件")) {
        "文件"
    } else {
        ""
    };
    let parts: Vec<String> = tokens
        .iter()
        .map(|t| t.replace("文件", ""))
        .filter(|t| !t.is_empty())
        .collect();
    let mut names: Vec<String> = Vec::new();
    let mut lines = Vec::new();
    let mut open = false;
    for p in parts {
        match names.last_mut() {
            Some(last) if open => {
                lines.push(p.clone());
                last.push_str(&p);
            }
            _ => names.push(p.clone()),
        }
        open = !ends_like_organisation(&p);
        if open && lines.is_empty() {
            lines.push(p);
        }
    }
    // Line breaks are kept only for a single name spread over lines.
    if names.len() != 1 || lines.len() < 2 {
        lines.clear();
    }
    (names, suffix.to_owned(), lines)
}

/// A mark in text without colour nor 发文字号 (a plain-text copy of seed 003): one to three
/// short lines at the top, no sentence punctuation, ending as an organisation's name, set
/// apart from the title by a blank line (or letter-spaced); the index of the line after them.
fn plain_mark_end(d: &Doc, limit: usize) -> Option<usize> {
    let first = (0..limit).find(|&k| !d.text(k).is_empty())?;
    let mut end = first;
    let mut name = String::new();
    let mut count = 0;
    let mut last = first;
    while end < limit && count < 3 {
        let t = d.text(end);
        if t.is_empty() {
            end += 1;
            continue;
        }
        if t.contains("关于")
            || ends_with_doc_type(t)
            || t.contains(['，', '。', '；', '：', '、', '（'])
            || t.chars().filter(|c| !c.is_whitespace()).count() > 28
        {
            break;
        }
        name.push_str(&t.split_whitespace().collect::<String>());
        count += 1;
        end += 1;
        last = end;
    }
    let title_next = (last..limit).find(|&k| !d.text(k).is_empty());
    (count > 0
        && ends_like_organisation(&name)
        && name.chars().count() >= 4
        && title_next.is_some_and(|k| k > last || d.lines[last - 1].raw.contains(' '))
        && title_next.is_some_and(|k| looks_like_title(d, k)))
    .then_some(last)
}

/// A red issuer mark without a 发文字号 (seed 003): the first red lines at the top, after at
/// most the 份号/密级/紧急程度 lines; the index of the line after them.
fn red_mark_end(d: &Doc, limit: usize) -> Option<usize> {
    let first = (0..limit).find(|&k| d.lines[k].red)?;
    let top_only = (0..first).all(|k| {
        let t = d.text(k);
        t.is_empty()
            || (t.len() == 6 && t.bytes().all(|b| b.is_ascii_digit()))
            || is_secrecy(t)
            || is_urgency(t)
    });
    if !top_only {
        return None;
    }
    let end = (first..d.len()).find(|&k| !d.lines[k].red)?;
    Some(end)
}

/// The 文种 a mark names itself (GB/T 9704 §10.2, §10.3): …令 or …命令 over its 令号 line
/// (a 命令), …纪要 (a 纪要); `next` is the line after the mark.
fn kind_of_mark(names: &[String], next: &str) -> Option<DocKind> {
    let [name] = names else { return None };
    if name.chars().count() <= 2 {
        None
    } else if name.ends_with("纪要") {
        Some(DocKind::Minutes)
    } else if name.ends_with("命令") || (name.ends_with('令') && order_number(next).is_some()) {
        Some(DocKind::Order)
    } else {
        None
    }
}

/// A 命令's mark in text without colour: its first line ends with 令 and the next one is the
/// 令号; the index of the 令号 line.
fn plain_order_mark(d: &Doc, limit: usize) -> Option<usize> {
    let first = (0..limit).find(|&k| !d.text(k).is_empty())?;
    let next = (first + 1..limit).find(|&k| !d.text(k).is_empty())?;
    (d.text(first).ends_with('令') && order_number(d.text(next)).is_some()).then_some(next)
}

/// Reads the 版头, the 附件标识 and the title; returns the index of the line after the title.
pub(super) fn parse(d: &mut Doc, out: &mut Annotated) -> usize {
    let draft = &mut out.spec;
    let limit = d.len().min(HEADER_LINES);
    let number_at = (0..limit)
        .find_map(|i| doc_number_line(d.text(i)).map(|(n, s)| (i, Some(n), s)))
        .or_else(|| red_mark_end(d, limit).map(|end| (end, None, Vec::new())))
        .or_else(|| plain_order_mark(d, limit).map(|at| (at, None, Vec::new())))
        .or_else(|| plain_mark_end(d, limit).map(|end| (end, None, Vec::new())));
    let mut i = 0;
    let mut before_title = Vec::new();
    // A web page shows the title above the 发文字号 (关于…的通知, then 湘林防〔2026〕4号).
    let mut title_above = None;
    if let Some((at, number, mut signers)) = number_at {
        let mut h = Header::default();
        let mut mark = Vec::new();
        for k in 0..at {
            let t = d.text(k).to_owned();
            if title_above.is_none() && t.contains("关于") && ends_with_doc_type(&t) {
                title_above = Some(k);
            } else if t.len() == COPY_NUMBER_DIGITS && t.bytes().all(|b| b.is_ascii_digit()) {
                h.copy_number = Some(t);
                d.found(k, "份号");
            } else if is_secrecy(&t) {
                h.secrecy = Some(t);
                d.found(k, "密级和保密期限");
            } else if is_urgency(&t) {
                h.urgency = Some(t);
                d.found(k, "紧急程度");
            } else if t.starts_with("签发人") {
                signers = signers_of(&t);
            } else if !t.is_empty() {
                mark.push(k);
            }
        }
        if number.is_some() {
            let line: String = d.text(at).split_whitespace().collect();
            if let Some((copy, _)) = copy_number_before(&line) {
                h.copy_number = Some(copy.to_owned());
                d.found(at, "份号");
            }
        }
        // Past the 发文字号 line, or (a mark without one) at the line after the mark.
        i = if number.is_some() { at + 1 } else { at };
        // The 信函格式 puts 密级 and 紧急程度 under the 份号, below the 发文字号's line.
        while i < d.len() && (is_secrecy(d.text(i)) || is_urgency(d.text(i))) {
            let t = d.text(i).to_owned();
            if is_secrecy(&t) {
                d.found(i, "密级和保密期限");
                h.secrecy = Some(t);
            } else {
                d.found(i, "紧急程度");
                h.urgency = Some(t);
            }
            i += 1;
        }
        if d.text(i).starts_with("签发人") {
            signers = signers_of(d.text(i));
            i += 1;
        }
        let raw: Vec<String> = mark.iter().map(|&k| d.lines[k].raw.clone()).collect();
        let raw = if raw.iter().all(String::is_empty) {
            mark.iter().map(|&k| d.text(k).to_owned()).collect()
        } else {
            raw
        };
        let (mut names, mut suffix, mark_lines) = issuers(&raw);
        h.mark_lines = mark_lines;
        if let Some(kind) = kind_of_mark(&names, d.text(i)) {
            d.kind = Some(kind);
            if kind == DocKind::Order {
                let name = &mut names[0];
                suffix = if name.ends_with("命令") {
                    "命令"
                } else {
                    "令"
                }
                .to_owned();
                name.truncate(name.len() - suffix.len());
                if let Some(n) = order_number(d.text(i)) {
                    h.order_number = Some(n);
                    d.found(i, format!("令号：第{n}号"));
                    i += 1;
                }
            }
        }
        h.issuers = names;
        let mark_text = format!("{}{suffix}", h.issuers.join("、"));
        h.mark_suffix = (suffix != "文件").then_some(suffix);
        if let Some(number) = &number {
            let formatted =
                crate::compose::text::doc_number(&number.code, number.year, number.serial);
            if number.written.as_deref() != Some(formatted.as_str()) {
                d.found(
                    at,
                    format!(
                        "发文字号“{}”按规范写作“{formatted}”",
                        number.written.as_deref().unwrap_or_default()
                    ),
                );
            }
            h.doc_number = Some(crate::spec::DocNumber {
                written: Some(formatted),
                ..number.clone()
            });
        }
        h.signers = signers;
        if h.issuers.is_empty() {
            d.not_placed(at, "发文字号上方未找到发文机关标志");
        } else {
            d.found(
                mark.first().copied().unwrap_or(at),
                format!("发文机关标志：{mark_text}"),
            );
        }
        match h.doc_number.as_ref().and_then(|n| n.written.as_ref()) {
            Some(n) => d.found(at, format!("发文字号：{n}")),
            None if h.order_number.is_some() => {}
            None => d.found(mark.first().copied().unwrap_or(at), "版头没有发文字号"),
        }
        draft.header = Some(h);
    }
    if let Some(label) = annex_label(d.text(i)) {
        if i + 1 < d.len() {
            draft.label = Some(label.map_or("附件".to_owned(), |n| format!("附件{n}")));
            d.found(i, "附件标识");
            i += 1;
        }
    }
    if matches!(d.kind, Some(DocKind::Order | DocKind::Minutes)) {
        // A 命令 or 纪要 names itself in its mark; a title, if any, comes at once in 2号.
        let l = d.lines.get(i);
        let titled = l.is_some_and(|l| {
            looks_like_title(d, i)
                && !ends_sentence(&l.text)
                && l.size.is_none_or(|s| s >= 19.0)
                && (l.size.is_some() || l.text.contains("关于"))
        });
        if !titled {
            d.found(i.min(d.len().saturating_sub(1)), "无标题（标志已写明文种）");
            return i;
        }
    }
    let title_at = match title_above {
        Some(k) => k,
        None => (i..d.len().min(i + 6))
            .find(|&k| looks_like_title(d, k))
            .unwrap_or(i),
    };
    let named = issuers_line_above(d, i, title_at);
    let title_at = if named.is_some() {
        title_at - 1
    } else {
        title_at
    };
    for k in i..title_at {
        before_title.push(k);
    }
    for k in before_title {
        let t = d.text(k).to_owned();
        if !t.is_empty() {
            d.not_placed(
                k,
                format!("标题前的“{t}”（无发文字号，未生成版头；可能是发文机关标志）"),
            );
            out.unplaced.push(super::annex::unplaced_line(d, k, &t));
        }
    }
    let (title, next) = match named {
        Some(names) => {
            let (rest, next) = title(d, title_at + 1);
            (format!("{names}{rest}"), next)
        }
        None => title(d, title_at),
    };
    if title.is_empty() {
        d.not_placed(title_at, "未找到标题");
    } else {
        d.found(title_at, format!("标题：{title}"));
    }
    out.spec.title = title;
    if title_above.is_some() {
        return i;
    }
    next
}

/// The issuing offices on a line of their own right above a title starting 关于 (民政部办公厅
/// 应急管理部办公厅 / 关于开展…的通知, as a title naming its issuers is broken), as the title
/// writes them: the title's first line.
fn issuers_line_above(d: &Doc, from: usize, title_at: usize) -> Option<String> {
    let above = title_at.checked_sub(1).filter(|&k| k >= from)?;
    if !d.text(title_at).trim_start().starts_with("关于") {
        return None;
    }
    let names: Vec<&str> = d.lines[above].raw.split_whitespace().collect();
    let offices = !names.is_empty()
        && names
            .iter()
            .all(|n| ends_like_organisation(n) && !n.ends_with("文件"));
    offices.then(|| names.join(" "))
}

/// Whether line `k` starts the title: 关于…, a 文种 ending, or the title's size or centring.
fn looks_like_title(d: &Doc, k: usize) -> bool {
    let l = &d.lines[k];
    let t = l.text.trim();
    !t.is_empty()
        && !l.red
        && (t.contains("关于")
            || ends_with_doc_type(t)
            || l.size.is_some_and(|s| s >= 19.0)
            || (l.align == Align::Center && l.size.is_none()))
}

/// The title from line `at`, joined across its lines.
fn title(d: &Doc, at: usize) -> (String, usize) {
    if at >= d.len() {
        return (String::new(), at);
    }
    let first = &d.lines[at];
    let mut title = issuers_spaced(&first.raw, first.text.trim());
    let mut k = at + 1;
    while k < d.len() && k < at + 4 && !ends_with_doc_type(&title) {
        let next = &d.lines[k];
        let t = next.text.trim();
        let same_size = first
            .size
            .zip(next.size)
            .is_none_or(|(a, b)| (a - b).abs() < 1.0);
        let short = next.size.is_some() || t.chars().count() <= 30;
        if t.is_empty()
            || t.ends_with('：')
            || ends_sentence(t)
            || starts_element(t)
            || !same_size
            || !short
        {
            break;
        }
        let t = issuers_spaced(&next.raw, t);
        // One issuer's name ends the line, another's starts the next, before 关于.
        let names_meet = !title.contains("关于")
            && ends_like_organisation(&title)
            && t.split_once("关于")
                .is_some_and(|(name, _)| ends_like_organisation(name));
        if names_meet {
            title.push(' ');
        }
        title.push_str(&t);
        k += 1;
    }
    (title, k)
}

/// A title's line as the source spaced the issuers' names before 关于 (四川省医疗保障局
/// 四川省卫生健康委员会): the repair of stray spaces between Chinese characters had run them
/// together. Other spaces stay repaired.
fn issuers_spaced(raw: &str, text: &str) -> String {
    if text.contains(char::is_whitespace) {
        return text.to_owned();
    }
    let pieces = super::source_words(raw, text);
    let names = pieces.len() >= 2
        && pieces[..pieces.len() - 1]
            .iter()
            .all(|p| !p.contains("关于") && ends_like_organisation(p) && !p.ends_with("文件"));
    if names {
        pieces.join(" ")
    } else {
        text.to_owned()
    }
}
