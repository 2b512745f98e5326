//! Small text patterns of 公文: heading numbers, dates, document types, contact lines.

use chrono::NaiveDate;

/// Heading levels by their numbering: 一、 （一） 1. （1） (the spec's [`Numbering`]).
pub use crate::spec::Numbering as Marker;

/// A heading number found at the start of a paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbered {
    /// Which numbering.
    pub marker: Marker,
    /// Its value (一 → 1).
    pub number: usize,
    /// Byte length of the number with its punctuation.
    pub len: usize,
}

/// The value of a Chinese numeral up to 99 (一 → 1, 十二 → 12, 二十 → 20).
pub fn chinese_value(s: &str) -> Option<usize> {
    let digit = |c: char| "零一二三四五六七八九".chars().position(|d| d == c);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [c] if *c == '十' => Some(10),
        [c] => digit(*c).filter(|&d| d > 0),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

fn is_chinese_digit(c: char) -> bool {
    "零一二三四五六七八九十".contains(c)
}

/// Whether text starts with a date or a month (6月上旬, 2026年, 16日): 1.6月上旬 is item 1.
fn starts_with_date(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let unit = s[digits..].chars().next();
    match unit {
        Some('月' | '日') => (1..=2).contains(&digits),
        Some('年') => digits == 4,
        _ => false,
    }
}

/// The heading number at the start of `s`, if any.
pub fn numbered(s: &str) -> Option<Numbered> {
    let found = |marker, number, len| {
        Some(Numbered {
            marker,
            number,
            len,
        })
    };
    if let Some(rest) = s.strip_prefix('（').or_else(|| s.strip_prefix('(')) {
        let open = s.len() - rest.len();
        let end = rest.find(['）', ')'])?;
        let inner = &rest[..end];
        let close = rest[end..].chars().next()?.len_utf8();
        let len = open + end + close;
        if inner.chars().all(is_chinese_digit) && !inner.is_empty() {
            return found(Marker::ParenChinese, chinese_value(inner)?, len);
        }
        if (1..=2).contains(&inner.len()) && inner.bytes().all(|b| b.is_ascii_digit()) {
            return found(Marker::ParenArabic, inner.parse().ok()?, len);
        }
        return None;
    }
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if (1..=2).contains(&digits.len()) {
        let rest = &s[digits.len()..];
        let punct = rest.chars().next()?;
        if matches!(punct, '.' | '．' | '、') {
            let after = &rest[punct.len_utf8()..];
            if after.chars().next().is_some_and(|c| !c.is_ascii_digit()) || starts_with_date(after)
            {
                return found(
                    Marker::Arabic,
                    digits.parse().ok()?,
                    digits.len() + punct.len_utf8(),
                );
            }
        }
        return None;
    }
    let numeral: String = s.chars().take_while(|&c| is_chinese_digit(c)).collect();
    if !numeral.is_empty() && s[numeral.len()..].starts_with('、') {
        return found(
            Marker::Chinese,
            chinese_value(&numeral)?,
            numeral.len() + '、'.len_utf8(),
        );
    }
    None
}

/// A date written 2025年4月2日 at the start of `s`: the date and its byte length.
pub fn date_prefix(s: &str) -> Option<(NaiveDate, usize)> {
    let (year, rest) = number_then(s, '年')?;
    let (month, rest) = number_then(rest, '月')?;
    let (day, rest) = number_then(rest, '日')?;
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    (year >= 1900).then_some((date, s.len() - rest.len()))
}

/// A whole line that is a date.
pub fn date_line(s: &str) -> Option<NaiveDate> {
    date_prefix(s.trim())
        .filter(|(_, n)| *n == s.trim().len())
        .map(|(d, _)| d)
}

/// A number followed by `unit` at the start of `s`: Arabic digits (half- or full-width), or
/// Chinese numerals as a 成文日期 is often typed (二〇二六年三月十二日: the year digit by digit,
/// month and day as 十二).
fn number_then(s: &str, unit: char) -> Option<(u32, &str)> {
    let numeral: String = s
        .chars()
        .take_while(|c| {
            c.is_ascii_digit()
                || ('０'..='９').contains(c)
                || "〇○零一二三四五六七八九十".contains(*c)
        })
        .collect();
    if numeral.is_empty() || numeral.chars().count() > 4 {
        return None;
    }
    let rest = s[numeral.len()..].strip_prefix(unit)?;
    let digit = |c: char| match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => "〇一二三四五六七八九"
            .chars()
            .position(|d| d == c || (c == '○' || c == '零') && d == '〇')
            .map(|d| d as u32),
    };
    let value = if numeral.contains('十') {
        chinese_value(&numeral).map(|v| v as u32)
    } else {
        numeral
            .chars()
            .try_fold(0u32, |n, c| Some(n * 10 + digit(c)?))
    };
    Some((value?, rest))
}

/// A campaign period 2025年4月20日至26日 (or 至5月3日, 至2026年1月2日) in `s`, or one of
/// 旬 (2026年6月上旬至6月中旬: the first day of the one to the last of the other).
pub fn period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    days_period(s).or_else(|| dekads_period(s))
}

fn days_period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    for (i, _) in s.char_indices() {
        let Some((start, n)) = date_prefix(&s[i..]) else {
            continue;
        };
        let rest = &s[i + n..];
        // (自2027年3月1日开始，至12月31日结束: the end after the start's verb.)
        let rest = [
            "至",
            "—",
            "-",
            "～",
            "开始，至",
            "开始至",
            "起至",
            "起，至",
            "开始，到",
        ]
        .iter()
        .find_map(|w| rest.strip_prefix(w))?;
        if let Some((end, _)) = date_prefix(rest) {
            return Some((start, end));
        }
        use chrono::Datelike;
        if let Some((month, r)) = number_then(rest, '月') {
            let (day, _) = number_then(r, '日')?;
            return Some((start, NaiveDate::from_ymd_opt(start.year(), month, day)?));
        }
        let (day, _) = number_then(rest, '日')?;
        return Some((
            start,
            NaiveDate::from_ymd_opt(start.year(), start.month(), day)?,
        ));
    }
    None
}

/// `YYYY年M月X旬至[M月]X旬` in `s` (上旬 1–10, 中旬 11–20, 下旬 21 to the month's end).
fn dekads_period(s: &str) -> Option<(NaiveDate, NaiveDate)> {
    let dekad = |s: &str| -> Option<(u32, usize)> {
        let k = ["上旬", "中旬", "下旬"]
            .iter()
            .position(|d| s.starts_with(d))?;
        Some((k as u32, "上旬".len()))
    };
    s.char_indices().find_map(|(i, _)| {
        let (y, rest) = number_then(&s[i..], '年').filter(|(y, _)| *y >= 1900)?;
        let (m, rest) = number_then(rest, '月')?;
        let (first, n) = dekad(rest)?;
        let rest = rest[n..].strip_prefix(['至', '—', '～'])?;
        let (m2, rest) = number_then(rest, '月').unwrap_or((m, rest));
        let (last, _) = dekad(rest)?;
        let start = NaiveDate::from_ymd_opt(y as i32, m, first * 10 + 1)?;
        let end = match last {
            2 => (28..=31)
                .rev()
                .find_map(|d| NaiveDate::from_ymd_opt(y as i32, m2, d))?,
            k => NaiveDate::from_ymd_opt(y as i32, m2, k * 10 + 10)?,
        };
        (end >= start).then_some((start, end))
    })
}

/// A period and the campaign the same clause names, as a body writes them: M月D日至D日为××周,
/// 定于YYYY年M月D日至D日开展××周活动, M月D日至D日是第N届“××周”. `year` stands for a period
/// written without one; the name ends with one of `words` (data: the derivation defaults).
pub fn named_period(
    s: &str,
    year: i32,
    words: &[String],
) -> Option<(String, NaiveDate, NaiveDate)> {
    s.char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && !s[..i].ends_with(|p: char| p.is_ascii_digit()))
        .find_map(|(i, _)| {
            let (start, end, n) = period_at(&s[i..], year)?;
            let clause = &s[i + n..];
            let clause = &clause[..clause
                .find(['，', '。', '；', '（'])
                .unwrap_or(clause.len())];
            Some((campaign_in(clause, words)?, start, end))
        })
}

/// A season named with its first and last days, as a body says when it starts and ends
/// (2027年春运自1月22日开始，至3月2日结束; 汛期自5月1日起至9月30日止): the name before 自,
/// the days.
pub fn started_period(s: &str, year: i32) -> Option<(String, NaiveDate, NaiveDate)> {
    s.match_indices('自').find_map(|(at, _)| {
        let before = &s[..at];
        let clause = before
            .rsplit(['，', '。', '；', '：'])
            .next()
            .unwrap_or(before);
        // (The season's year, written before its name.)
        let (y, name) = match number_then(clause, '年') {
            Some((y, rest)) if y >= 1900 => (y as i32, rest),
            _ => (year, clause),
        };
        let n = name.chars().count();
        let plain = name.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
        if !(2..=8).contains(&n) || !plain {
            return None;
        }
        let (_, m, d, rest) = month_day_at(&s[at + '自'.len_utf8()..], y)?;
        let rest = ["开始，", "开始", "起，", "起"]
            .iter()
            .find_map(|w| rest.strip_prefix(w))?;
        let rest = rest.strip_prefix(['至', '到'])?;
        let (_, m2, d2, after) = month_day_at(rest, y)?;
        ["结束", "止"].iter().find(|w| after.starts_with(**w))?;
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        let end_year = if (m2, d2) < (m, d) { y + 1 } else { y };
        let end = NaiveDate::from_ymd_opt(end_year, m2, d2)?;
        Some((name.to_owned(), start, end))
    })
}

/// A day of the year named as one (6月13日是我国第二十一个“文化和自然遗产日”): the name, the
/// day as start and end. Only a name quoted or numbered as an edition, ending in 日.
pub fn named_day(s: &str, year: i32) -> Option<(String, NaiveDate, NaiveDate)> {
    s.char_indices()
        .filter(|&(i, c)| c.is_ascii_digit() && !s[..i].ends_with(|p: char| p.is_ascii_digit()))
        .find_map(|(i, _)| named_day_at(&s[i..], year))
}

fn named_day_at(s: &str, year: i32) -> Option<(String, NaiveDate, NaiveDate)> {
    let (y, m, d, rest) = month_day_at(s, year)?;
    let clause = rest.strip_prefix('是')?;
    let clause = &clause[..clause.find(['，', '。', '；']).unwrap_or(clause.len())];
    let named = clause.contains('“') || clause.contains('第');
    // The name from its edition or its opening mark (我国第二十一个“××日”).
    let from = clause.find(['第', '“']).unwrap_or(0);
    let name = campaign_in(&clause[from..], &["日".to_owned()])?;
    let day = NaiveDate::from_ymd_opt(y, m, d)?;
    (named && name.chars().count() >= 3).then_some((name, day, day))
}

/// `[YYYY年]M月D日` at the start of `s` (`year` where none is written): year, month, day and
/// the rest.
fn month_day_at(s: &str, year: i32) -> Option<(i32, u32, u32, &str)> {
    let (y, rest) = match number_then(s, '年') {
        Some((y, r)) if y >= 1900 => (y as i32, r),
        _ => (year, s),
    };
    let (m, rest) = number_then(rest, '月')?;
    let (d, rest) = number_then(rest, '日')?;
    Some((y, m, d, rest))
}

/// `M月D日至[[YYYY年]M月]D日` (a year before it optional) at the start of `s`: dates and
/// length. An end without its year before the start is the next year's (12月15日至3月25日).
fn period_at(s: &str, year: i32) -> Option<(NaiveDate, NaiveDate, usize)> {
    let (y, m, d, rest) = month_day_at(s, year)?;
    let rest = rest.strip_prefix(['至', '—', '～'])?;
    let (y2, rest) = match number_then(rest, '年') {
        Some((y2, r)) if y2 >= 1900 => (Some(y2 as i32), r),
        _ => (None, rest),
    };
    let (m2, d2, rest) = match number_then(rest, '月') {
        Some((m2, r)) => {
            let (d2, r) = number_then(r, '日')?;
            (m2, d2, r)
        }
        None => {
            let (d2, r) = number_then(rest, '日')?;
            (m, d2, r)
        }
    };
    let start = NaiveDate::from_ymd_opt(y, m, d)?;
    let end = match y2 {
        Some(y2) => NaiveDate::from_ymd_opt(y2, m2, d2)?,
        None if m2 < m => NaiveDate::from_ymd_opt(y + 1, m2, d2)?,
        None => NaiveDate::from_ymd_opt(y, m2, d2)?,
    };
    (end >= start && end <= start + chrono::Duration::days(366)).then_some((
        start,
        end,
        s.len() - rest.len(),
    ))
}

/// The campaign a clause after a period names: from after its verb to the first campaign word.
fn campaign_in(clause: &str, words: &[String]) -> Option<String> {
    let end = words
        .iter()
        .filter_map(|w| clause.find(w.as_str()).map(|i| i + w.len()))
        .min()?;
    let mut name = &clause[..end];
    for verb in ["为", "是", "开展", "举办", "举行", "组织开展"] {
        if let Some(i) = name.rfind(verb) {
            name = &name[i + verb.len()..];
            break;
        }
    }
    // The year before the name (2026年), not the digits of the name (“119”消防宣传月).
    let year = name.bytes().take_while(u8::is_ascii_digit).count();
    let name = match name[year..].strip_prefix('年') {
        Some(rest) if year == 4 => rest,
        _ => name,
    };
    let name = match name.strip_prefix('第').and_then(|r| r.find(['届', '个'])) {
        Some(i) => &name['第'.len_utf8() + i + '届'.len_utf8()..],
        None => name,
    };
    // A name quoted whole whose closing mark follows the campaign word (开展“××月”活动)
    // loses its opening mark with the closing one.
    let quoted_whole = name.starts_with('“')
        && name.matches('“').count() > name.matches('”').count()
        && clause[end..].starts_with('”');
    let name = if quoted_whole {
        &name['“'.len_utf8()..]
    } else {
        name
    };
    // A name quoted whole (“安全生产月”) loses its quotes; one that quotes a part of itself
    // (“119”消防宣传月) keeps them.
    let name = ['“', '"']
        .iter()
        .zip(['”', '"'])
        .find_map(|(&open, close)| {
            let inner = name.strip_prefix(open)?.strip_suffix(close)?;
            (!inner.contains(['“', '”', '"'])).then_some(inner)
        })
        .unwrap_or(name);
    let chars: Vec<char> = name.chars().collect();
    let bare =
        chars.len() >= 3 && !chars[chars.len() - 2].is_ascii_digit() && !name.starts_with('每');
    bare.then(|| name.to_owned())
}

/// The first four-digit year written YYYY年 in `s`.
pub fn year_in(s: &str) -> Option<i32> {
    s.char_indices().find_map(|(i, _)| {
        let (y, _) = number_then(&s[i..], '年')?;
        let before = s[..i].chars().last();
        ((1900..=2999).contains(&y) && !before.is_some_and(|c| c.is_ascii_digit()))
            .then_some(y as i32)
    })
}

/// Words other than the 文种 of [`crate::spec::KINDS`] that end a complete title: the
/// 文种 of the 条例 we do not lay out, and the names of documents a notice transmits.
const OTHER_TITLE_WORDS: [&str; 14] = [
    "通知", "方案", "要点", "办法", "规定", "计划", "决议", "命令", "议案", "细则", "规则", "安排",
    "总结", "规划",
];

/// Whether `s` ends with a document type word (a complete title).
pub fn ends_with_doc_type(s: &str) -> bool {
    let s = s.trim_end_matches(['》', '”']);
    let kinds = crate::spec::KINDS
        .iter()
        .flat_map(|k| k.title_endings.iter());
    kinds
        .chain(OTHER_TITLE_WORDS.iter())
        .any(|t| s.ends_with(t))
}

/// Contact information (联系人, 电话, 邮箱 …), which keeps its spaces.
pub fn is_contact(s: &str) -> bool {
    let s = s.trim_start_matches(['（', '(']);
    [
        "联系人",
        "联系电话",
        "电话",
        "联系方式",
        "邮箱",
        "传真",
        "手机",
        "电子邮箱",
        "邮    箱",
    ]
    .iter()
    .any(|k| s.starts_with(k))
        || (s.contains("联系人") && s.len() < 200)
}

/// 附件 / 附件1 / 附件 2: the label on an annex's first line.
pub fn annex_label(s: &str) -> Option<Option<u32>> {
    let rest = s.trim().strip_prefix("附件")?.trim();
    if rest.is_empty() {
        return Some(None);
    }
    rest.parse().ok().map(Some)
}

/// Sentence-ending punctuation: a line ending with one ends its paragraph.
pub fn ends_sentence(s: &str) -> bool {
    s.trim_end().ends_with(['。', '！', '？', '：', '；'])
}

/// 令号 of a 命令 (第12号, 第 十二 号) → 12.
pub fn order_number(s: &str) -> Option<u32> {
    let inner: String = s.split_whitespace().collect();
    let inner = inner.strip_prefix('第')?.strip_suffix('号')?;
    if !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit()) {
        return inner.parse().ok();
    }
    chinese_value(inner).and_then(|v| u32::try_from(v).ok())
}

/// Which list of a 纪要 a line starts (0: 出席, 1: 请假, 2: 列席), and the names after its
/// label: 出席：…, 参会人员：…, 请假：…, 缺席人员：…, 列席：….
pub fn attendance_line(s: &str) -> Option<(usize, &str)> {
    let (label, rest) = s.split_once(['：', ':'])?;
    let stem = label
        .trim()
        .trim_end_matches("人员")
        .trim_end_matches("同志")
        .trim_end_matches("单位");
    let which = match stem {
        "出席" | "参加" | "参会" | "与会" => 0,
        "请假" | "缺席" => 1,
        "列席" => 2,
        _ => return None,
    };
    Some((which, rest.trim()))
}

/// Last words of an organisation's name (某某办公室, 某某局, 某某领导小组): a mark line that
/// ends otherwise is the first part of a name the next line finishes.
const ORGANISATION_ENDS: &[&str] = &[
    "办公室",
    "委员会",
    "行",
    "馆",
    "台",
    "校",
    "政府",
    "小组",
    "中心",
    "指挥部",
    "会议",
    "办事处",
    "总署",
    "局",
    "厅",
    "部",
    "委",
    "办",
    "院",
    "会",
    "署",
    "所",
    "站",
    "队",
    "处",
    "科",
    "室",
    "司",
    "社",
    "团",
    "联",
    "协",
    "组",
    "党委",
    "党组",
    "支部",
    "公司",
    "集团",
    "学校",
    "大学",
];

/// Whether `name` ends as an organisation's name does.
pub fn ends_like_organisation(name: &str) -> bool {
    let name = name.trim_end_matches("文件");
    ORGANISATION_ENDS.iter().any(|e| name.ends_with(e))
}

/// 附件说明 item number: 2. or 2．, even before digits (2.2025年…).
pub(crate) fn item_number(s: &str) -> Option<(usize, &str)> {
    let s = s.trim_start();
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 2 {
        return None;
    }
    let rest = s[n..].strip_prefix(['.', '．', '、'])?;
    Some((s[..n].parse().ok()?, rest))
}

#[cfg(test)]
mod tests {

    #[test]
    fn organisation_endings_tell_a_whole_name_from_its_first_line() {
        for whole in [
            "中国人民银行某市中心支行",
            "某市图书馆",
            "某市广播电视台",
            "某某办公室",
            "某市科学技术局文件",
        ] {
            assert!(ends_like_organisation(whole), "{whole}");
        }
        for part in ["五华区知识产权战略实施工作", "某市知识产权"] {
            assert!(!ends_like_organisation(part), "{part}");
        }
    }

    use super::*;

    #[test]
    fn heading_numbers() {
        assert_eq!(numbered("一、总体要求").unwrap().marker, Marker::Chinese);
        assert_eq!(numbered("十二、其他").unwrap().number, 12);
        assert_eq!(numbered("（三）宣传").unwrap().number, 3);
        assert_eq!(numbered("2.组织").unwrap().marker, Marker::Arabic);
        assert_eq!(numbered("（4）细则").unwrap().marker, Marker::ParenArabic);
        assert!(numbered("2025年4月").is_none());
        assert!(numbered("4.26宣传活动").is_none());
        assert!(numbered("（此件公开发布）").is_none());
    }

    #[test]
    fn a_day_named_in_the_body_and_a_period_of_dekads_are_campaign_dates() {
        let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        assert_eq!(
            named_day(
                "今年6月13日是我国第二十一个“文化和自然遗产日”。为深入学习…",
                2026
            ),
            Some(("文化和自然遗产日".to_owned(), d(6, 13), d(6, 13)))
        );
        assert_eq!(named_day("6月13日是星期六。", 2026), None);
        assert_eq!(
            period("2026年6月上旬至6月中旬。"),
            Some((d(6, 1), d(6, 20)))
        );
        assert_eq!(period("2026年5月下旬至6月上旬"), Some((d(5, 21), d(6, 10))));
        assert_eq!(period("2026年2月中旬至下旬"), Some((d(2, 11), d(2, 28))));
    }

    #[test]
    fn a_campaign_quoted_whole_in_the_body_is_named_without_its_marks() {
        let words = ["周".to_owned(), "月".to_owned()];
        let named = |s: &str| named_period(s, 2026, &words).map(|(n, _, _)| n);
        assert_eq!(
            named("决定于2026年12月1日至7日在全市组织开展“宪法宣传周”活动。").as_deref(),
            Some("宪法宣传周")
        );
        assert_eq!(
            named("11月1日至30日开展“119”消防宣传月活动。").as_deref(),
            Some("“119”消防宣传月")
        );
    }

    #[test]
    fn a_season_said_to_start_and_end_is_a_named_period() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(
            started_period("2027年春运自1月22日开始，至3月2日结束，共40天。", 2026),
            Some(("春运".to_owned(), d(2027, 1, 22), d(2027, 3, 2)))
        );
        assert_eq!(
            started_period("今年汛期自5月1日起至9月30日止，各地要…", 2027).map(|p| p.0),
            Some("今年汛期".to_owned())
        );
        assert_eq!(
            started_period("自12月1日起至2月28日止", 2026).map(|p| (p.1, p.2)),
            None
        );
        assert_eq!(
            started_period("各地要自觉接受监督，至3月2日结束。", 2027),
            None
        );
    }

    #[test]
    fn dates_and_periods() {
        assert_eq!(
            date_line("2025年4月2日"),
            NaiveDate::from_ymd_opt(2025, 4, 2)
        );
        let (s, e) = period("2025年4月20日至26日。").unwrap();
        assert_eq!(
            (s.to_string(), e.to_string()),
            ("2025-04-20".into(), "2025-04-26".into())
        );
        assert_eq!(year_in("关于开展2024年全国活动的通知"), Some(2024));
        let (s, e) = period("春风行动自2027年3月1日开始，至12月31日结束。").unwrap();
        assert_eq!(
            (s.to_string(), e.to_string()),
            ("2027-03-01".into(), "2027-12-31".into())
        );
    }

    #[test]
    fn dates_typed_in_chinese_numerals_are_read() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(date_line("二〇二六年三月十二日"), d(2026, 3, 12));
        assert_eq!(date_line("二○二六年十一月三十日"), d(2026, 11, 30));
        assert_eq!(date_line("２０２６年５月６日"), d(2026, 5, 6));
        assert_eq!(date_line("2026年5月6日"), d(2026, 5, 6));
        assert_eq!(date_line("二〇二六年十三月一日"), None);
    }

    #[test]
    fn an_item_may_start_with_a_month() {
        assert_eq!(
            numbered("1.6月上旬，举办启动仪式").map(|n| n.number),
            Some(1)
        );
        assert!(numbered("1.5亿元").is_none());
    }
}
