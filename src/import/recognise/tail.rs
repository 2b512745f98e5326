//! After the 正文: 附件说明, 发文机关署名和成文日期, 附注 and contacts.

use super::Doc;
use crate::compose::text::width_chars;
use crate::import::lines::Align;
use crate::import::patterns::{
    annex_label, attendance_line, date_line, date_prefix, ends_like_organisation, ends_sentence,
    is_contact, item_number, numbered,
};
use crate::spec::{Attendance, Signature};
use chrono::NaiveDate;

/// What the tails of the parts hold.
#[derive(Debug, Default)]
pub(super) struct Tail {
    pub annex_note: Vec<(usize, String)>,
    pub signature: Option<Signature>,
    pub second_signature: Option<Signature>,
    pub notes: Vec<String>,
    pub contacts: Option<String>,
    pub attendance: Option<Attendance>,
}

/// A signature found at a line: issuer, date, 代章-style notes, lines used.
pub(super) struct Found {
    /// The signing offices (several in a joint document).
    issuers: Vec<String>,
    date: NaiveDate,
    notes: Vec<String>,
    lines: usize,
    sealed: bool,
}

/// A short line without sentence punctuation that can be a signing office.
fn issuer_like(s: &str) -> bool {
    !s.is_empty()
        && width_chars(s) <= 30.0
        && !s.contains(['。', '，', '；', '：'])
        && numbered(s).is_none()
        && annex_label(s).is_none()
        && !s.starts_with("附件")
}

/// （…）: a line in full-width parentheses.
fn parenthesised(s: &str) -> Option<&str> {
    s.strip_prefix('（')?.strip_suffix(['）', ')'])
}

/// 发文机关署名 and 成文日期 starting at line `i`.
pub(super) fn signature_at(d: &Doc, i: usize) -> Option<Found> {
    let t = d.text(i);
    let sealed = |k: usize| d.lines[k].right_gap.is_none_or(|g| g > 3.0);
    if let Some(date) = date_line(t) {
        return Some(Found {
            issuers: Vec::new(),
            date,
            notes: Vec::new(),
            lines: 1,
            sealed: sealed(i),
        });
    }
    // 某市某某办公室 2025年4月2日 on one line.
    for (at, _) in t.char_indices().skip(1) {
        if let Some((date, n)) = date_prefix(&t[at..]) {
            let issuer = t[..at].trim();
            if at + n == t.len() && issuer_like(issuer) {
                return Some(Found {
                    issuers: vec![issuer.to_owned()],
                    date,
                    notes: Vec::new(),
                    lines: 1,
                    sealed: true,
                });
            }
        }
    }
    if let Some(found) = issuer_rows(d, i).or_else(|| stacked_issuers(d, i)) {
        return Some(found);
    }
    // Where positions are known, an issuer stands right or centred, never at the left edge
    // (a long name may fill most of the line).
    let l = &d.lines[i];
    // A long name may fill most of the line: it belongs to the signature when the next line
    // is flush right at the same distance from the edge.
    let with_next = d.lines.get(i + 1).is_some_and(|n| {
        n.align == Align::Right
            && n.right_gap
                .zip(l.right_gap)
                .is_some_and(|(a, b)| (a - b).abs() < 0.5)
    });
    let left = l.right_gap.is_some() && l.align == Align::Left && !with_next;
    if !issuer_like(t) || left {
        return None;
    }
    let mut issuers = vec![t.to_owned()];
    let mut notes = Vec::new();
    for k in i + 1..d.len().min(i + 4) {
        let n = d.text(k);
        if let Some(date) = date_line(n) {
            return Some(Found {
                issuers,
                date,
                notes,
                lines: k + 1 - i,
                sealed: sealed(k),
            });
        }
        if let Some(inner) = parenthesised(n) {
            notes.push(inner.to_owned());
        } else if issuer_like(n) && notes.is_empty() && stands_apart(d, k) {
            // Several signing offices: only where alignment shows them, or in text that
            // indents its paragraphs (elsewhere a short line is as often the end of a
            // wrapped paragraph).
            issuers.push(n.to_owned());
        } else {
            return None;
        }
    }
    None
}

/// §7.3.5.1 联合行文加盖印章: the offices side by side, a row or a few, spaced apart (by a
/// tab or wide gap, read as a space), the date under the last row. At least one line holds
/// two names or more; every word of every line ends as an office's name does (市长　陈立新
/// is a 命令's signer, not two offices).
fn issuer_rows(d: &Doc, i: usize) -> Option<Found> {
    let mut issuers: Vec<String> = Vec::new();
    let mut side_by_side = false;
    let mut k = i;
    while k < d.len().min(i + 5) {
        let t = d.text(k);
        if k > i {
            if let Some(date) = date_line(t) {
                return side_by_side.then_some(Found {
                    issuers,
                    date,
                    notes: Vec::new(),
                    lines: k + 1 - i,
                    sealed: true,
                });
            }
        }
        let mut names: Vec<String> = super::source_words(&d.lines[k].raw, d.text(k))
            .into_iter()
            .map(str::to_owned)
            .collect();
        // A row too long for its line wraps its last name (四川省公安 / 厅, as a browser prints
        // a right-aligned paragraph): the next line ends it.
        if let Some(last) = names.last_mut().filter(|n| !ends_like_organisation(n)) {
            let next = d.lines.get(k + 1).map(|_| d.text(k + 1)).unwrap_or("");
            let whole = format!("{last}{next}");
            if width_chars(next) <= 4.0 && !next.contains(' ') && ends_like_organisation(&whole) {
                *last = whole;
                k += 1;
            }
        }
        let all_names = names
            .iter()
            .all(|n| issuer_like(n) && ends_like_organisation(n));
        if names.is_empty() || !all_names {
            return None;
        }
        side_by_side |= names.len() >= 2;
        issuers.extend(names);
        k += 1;
    }
    None
}

/// 联合行文 signed one office under another, each a line of its own with nothing to show
/// where it stands (a browser's copy puts a blank line between them, pandoc and plain editors
/// leave them flush left), the date right under the last: two to [`STACKED_MAX`] lines that
/// each end as an office's name does, then the date.
fn stacked_issuers(d: &Doc, i: usize) -> Option<Found> {
    let mut issuers = Vec::new();
    for k in i..d.len().min(i + STACKED_MAX + 1) {
        let t = d.text(k);
        if let Some(date) = date_line(t) {
            return (issuers.len() >= 2).then(|| Found {
                issuers,
                date,
                notes: Vec::new(),
                lines: k + 1 - i,
                sealed: true,
            });
        }
        if !(issuer_like(t) && ends_like_organisation(t)) {
            return None;
        }
        issuers.push(t.to_owned());
    }
    None
}

/// The most offices [`stacked_issuers`] reads one under another.
const STACKED_MAX: usize = 8;

/// Whether line `k` goes on a block of signing offices: aligned (right or centred) where the
/// format tells, or in plain text a line of its own right under the previous one (unindented
/// where the text indents its paragraphs).
fn stands_apart(d: &Doc, k: usize) -> bool {
    let l = &d.lines[k];
    let indented_text = matches!(d.wrap, crate::import::join::Wrap::Indented(_));
    // The blank line a PDF viewer copies at a page's end is no gap between paragraphs.
    let new_page = k > 0 && d.lines[k - 1].page != l.page;
    let gap = l.after_blank && !new_page;
    l.align != Align::Unknown
        || (l.indented.is_some() && !gap && !(indented_text && l.indented == Some(true)))
}

/// A 版记 line: 抄送：… or …印发.
pub(super) fn is_colophon(s: &str) -> bool {
    s.starts_with("抄送") || (s.ends_with("印发") && s.contains('年'))
}

/// A 名单 line of a list annex: 成员单位：A、B、C.
pub(super) fn group_line(s: &str) -> Option<(String, Vec<String>)> {
    let (label, items) = s.split_once('：')?;
    // （责任单位：省发改委、省市场监管局…）closes a measure: a note in brackets, no list.
    if label.starts_with(['（', '(']) {
        return None;
    }
    if !(label.ends_with("单位") && label.chars().count() <= 10 && items.contains('、')) {
        return None;
    }
    Some((label.to_owned(), split_items(items)))
}

/// A 名单 line inside an annex, under any short label: 先进集体：A、B、C (a list of names, no
/// clause of prose). Outside an annex only [`group_line`]'s 单位 lists count, so that a body
/// line such as 主要形式：讲座、展览 never starts one.
pub(super) fn annex_group_line(s: &str) -> Option<(String, Vec<String>)> {
    if let Some(g) = group_line(s) {
        return Some(g);
    }
    let (label, items) = s.split_once('：')?;
    // A table's note (注：储备性质填写省级储备、市级储备或县级储备。) is a sentence, no list.
    let note = ["注", "说明", "备注", "填表说明", "填报说明", "注释"].contains(&label.trim());
    let label_ok = !label.is_empty()
        && !note
        && label.chars().count() <= 10
        && !label.contains(['，', '。', '；', '、'])
        && numbered(label).is_none();
    let names = items.contains('、')
        && !items.contains(['，', '；', '：'])
        && !items.trim_end_matches('。').contains('。');
    (label_ok && names).then(|| (label.to_owned(), split_items(items)))
}

/// Names joined with 、.
pub(super) fn split_items(s: &str) -> Vec<String> {
    s.split('、')
        .map(|x| x.trim().trim_end_matches('。').to_owned())
        .filter(|x| !x.is_empty())
        .collect()
}

/// Whether the 正文 ends at line `i`.
pub(super) fn starts(d: &Doc, i: usize) -> bool {
    let t = d.text(i);
    t.starts_with("附件：")
        || annex_label(t).is_some()
        || is_colophon(t)
        || (d.minutes && attendance_line(t).is_some())
        || signature_at(d, i).is_some()
        || list_annex_at(d, i)
}

/// An annex without its 附件 label: a short title, then 名单 lines.
pub(super) fn list_annex_at(d: &Doc, i: usize) -> bool {
    let t = d.text(i);
    // A line that goes on from a full line before it (…推行“综合查 / 一次”和…) is no title.
    let wrapped = i > 0 && {
        let before = d.text(i - 1);
        !before.is_empty() && !ends_sentence(before) && width_chars(before) >= 24.0
    };
    !t.is_empty()
        && !wrapped
        && group_line(t).is_none()
        && !ends_sentence(t)
        && !is_contact(t)
        && numbered(t).is_none()
        && width_chars(t) <= 30.0
        && (i + 1..d.len().min(i + 3)).any(|k| group_line(d.text(k)).is_some())
}

/// Reads the tail from line `i`; returns the next line.
pub(super) fn parse(d: &mut Doc, mut i: usize, tail: &mut Tail) -> usize {
    while i < d.len() {
        let t = d.text(i).to_owned();
        if t.is_empty() {
            i += 1;
        } else if let Some(first) = t.strip_prefix("附件：") {
            i = annex_note(d, i, first, tail);
        } else if let Some(found) = signature_at(d, i) {
            d.found(i, "发文机关署名和成文日期");
            let joint = found.issuers.len() > 1;
            let sig = Signature {
                issuer: found.issuers.first().cloned().filter(|_| !joint),
                issuers: if joint { found.issuers } else { Vec::new() },
                date: found.date,
                sealed: found.sealed,
                signer_role: None,
                signer: None,
                seals: Vec::new(),
                seal_size_mm: None,
                after_enclosure: false,
            };
            if tail.signature.is_none() {
                tail.signature = Some(sig);
            } else {
                tail.second_signature = Some(sig);
            }
            tail.notes.extend(found.notes);
            i += found.lines;
        } else if let Some((which, first)) = attendance_line(&t).filter(|_| d.minutes) {
            i = attendance(d, i, which, first, tail);
        } else if t.starts_with('（') {
            // 附注, maybe over several lines: (联系人及电话：… \n …).
            let mut text = t.clone();
            let mut k = i + 1;
            while !text.ends_with(['）', ')']) && k < d.len() && k < i + 4 {
                text = join_words(&text, d.text(k));
                k += 1;
            }
            let Some(inner) = parenthesised(&text) else {
                break;
            };
            if inner.contains("联系") && tail.contacts.is_none() {
                tail.contacts = Some(inner.to_owned());
                d.found(i, "联系人及电话");
            } else {
                tail.notes.push(inner.to_owned());
                d.found(i, "附注");
            }
            i = k;
        } else if is_contact(&t) && tail.signature.is_some() {
            let mut text = t.clone();
            let mut k = i + 1;
            while k < d.len() && is_contact(d.text(k)) {
                text = join_words(&text, d.text(k));
                k += 1;
            }
            tail.contacts = Some(text);
            d.found(i, "联系人及电话");
            i = k;
        } else {
            break;
        }
    }
    i
}

/// 附件：1. 名称 / 2. 名称 …, each name maybe over several lines.
fn annex_note(d: &mut Doc, i: usize, first: &str, tail: &mut Tail) -> usize {
    d.found(i, "附件说明");
    // A web page lists its annexes as the files to download (1.名单.docx): the title is the
    // name without the file's extension.
    let strip = |s: &str| {
        let title = item_number(s).map_or(s.trim(), |(_, rest)| rest.trim());
        crate::import::furniture::without_file_extension(title).to_owned()
    };
    // 「附件：」 alone on its line, its items numbered on the lines below (Word's list).
    if !first.trim().is_empty() {
        tail.annex_note.push((i, strip(first)));
    }
    let mut k = i + 1;
    while k < d.len() {
        let t = d.text(k);
        let expected = tail.annex_note.len() + 1;
        if item_number(t).is_some_and(|(n, _)| n == expected) {
            tail.annex_note.push((k, strip(t)));
        } else if !t.is_empty()
            && signature_at(d, k).is_none()
            && annex_label(t).is_none()
            && !t.starts_with('（')
            && full_line(d, k - 1)
        {
            if let Some((_, last)) = tail.annex_note.last_mut() {
                last.push_str(t);
            }
        } else {
            break;
        }
        k += 1;
    }
    k
}

/// A 纪要's 出席/请假/列席 list from line `i`, its names maybe over several lines.
fn attendance(d: &mut Doc, i: usize, which: usize, first: &str, tail: &mut Tail) -> usize {
    let mut text = first.to_owned();
    let mut k = i + 1;
    while k < d.len() {
        let t = d.text(k);
        let goes_on = full_line(d, k - 1) || text.ends_with('、');
        if t.is_empty() || starts(d, k) || t.starts_with('（') || !goes_on {
            break;
        }
        text = join_words(&text, t);
        k += 1;
    }
    let names = split_items(&text);
    let lists = tail.attendance.get_or_insert_with(Attendance::default);
    let (list, label) = match which {
        0 => (&mut lists.present, "出席人员"),
        1 => (&mut lists.absent, "请假人员"),
        _ => (&mut lists.observers, "列席人员"),
    };
    list.extend(names);
    d.found(i, label);
    k
}

/// Whether line `k` runs to the right edge (its paragraph goes on).
fn full_line(d: &Doc, k: usize) -> bool {
    let l = &d.lines[k];
    if let Some(g) = l.right_gap {
        return g < 1.5;
    }
    match d.wrap {
        crate::import::join::Wrap::Width(w) | crate::import::join::Wrap::Indented(w) => {
            width_chars(&l.text) >= w - 3.5
        }
        _ => false,
    }
}

/// Joins a contact line to the next: a space where a number or a Latin word meets the break
/// (names and numbers were apart), none inside Chinese text broken by the line end.
fn join_words(a: &str, b: &str) -> String {
    let ascii = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let punct = a.ends_with(['：', '；', '，', '、', '。', '（']);
    // A telephone number broken at the line end (0791- / 86227531, 0772-28 / 25061).
    let number = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit() || c == '-');
    if number(a.chars().last()) && number(b.chars().next()) {
        format!("{a}{b}")
    } else if ascii(a.chars().last()) || (ascii(b.chars().next()) && !punct) {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}
