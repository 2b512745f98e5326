//! 阶段: the dated stages of the upstream's work (部署阶段（12月1日—12月10日）。) made the
//! office's. Each stage ends earlier by the office's lead, so that its units' work is summed up
//! and reported in time; the first begins no earlier than the draft; stages that followed each
//! other still do; a stage over the campaign's own dates (a week set nationally) keeps them.

use chrono::{Datelike, Duration, NaiveDate};

use super::localise::Localiser;
use crate::spec::{Phase, Section};

/// How a stage's date was written, so that a changed one is written the same way.
#[derive(Debug, Clone, PartialEq)]
struct Point {
    /// The words it was written in.
    text: String,
    /// The day it stands for (a 旬's or a month's first day at a start, its last at an end).
    date: NaiveDate,
    /// Written with its year (2027年1月10日).
    year: bool,
    /// Written with its month (an end may give its day only: 12月1日—10日).
    month: bool,
}

/// A stage's span as written inside its brackets.
#[derive(Debug, Clone, PartialEq)]
struct Span {
    /// Its start (none for 12月10日前, or 即日起).
    start: Option<Point>,
    /// 即日起 (from the draft's day on): nothing to move.
    from_now: bool,
    /// What separates start and end as written (—, 至, -, ～).
    sep: String,
    /// Its end.
    end: Point,
    /// What follows the end (前, 止 or nothing).
    tail: String,
}

/// Separators of a span, as offices write them.
const SEPARATORS: [&str; 7] = ["—", "－", "-", "～", "~", "至", "到"];

/// The stages' new spans, in order: `spans` are the upstream's; `fixed` are the campaign's own
/// dates (a stage over them keeps its span).
fn moved(
    spans: &[(Option<NaiveDate>, NaiveDate)],
    l: &Localiser,
    fixed: Option<(NaiveDate, NaiveDate)>,
) -> Vec<(Option<NaiveDate>, NaiveDate)> {
    let over_campaign = |&(start, end): &(Option<NaiveDate>, NaiveDate)| {
        fixed.is_some_and(|(a, b)| start.unwrap_or(end) <= b && end >= a)
    };
    // A stage begins the day after the one before, or the Monday after one ending on a Friday.
    let follows = |s: NaiveDate, end: NaiveDate| s >= end && s - end <= Duration::days(3);
    let next_start = |s: NaiveDate, old: NaiveDate, new: NaiveDate| match (s - old).num_days() {
        0 | 1 => new + (s - old),
        _ => l.calendar.add_workdays(new, 1).unwrap_or(new + (s - old)),
    };
    let mut out: Vec<(Option<NaiveDate>, NaiveDate)> = Vec::with_capacity(spans.len());
    // The stage before: its end in the upstream and in the draft.
    let mut before: Option<(NaiveDate, NaiveDate)> = None;
    for (i, &(start, end)) in spans.iter().enumerate() {
        // A stage over the campaign's days, or one leading up to them, keeps its end.
        let leads_up = spans
            .get(i + 1)
            .is_some_and(|next| over_campaign(next) && next.0.is_some_and(|s| follows(s, end)));
        let mut new_end = if over_campaign(&spans[i]) || leads_up {
            end
        } else {
            let earlier = l
                .calendar
                .sub_workdays(end, l.lead_workdays)
                .ok()
                .or_else(|| crate::spec::year::weekdays_only(end, l.lead_workdays, false))
                .unwrap_or(end);
            if earlier > l.issued {
                earlier
            } else {
                end
            }
        };
        let new_start = start.map(|s| match before {
            // A stage that began the day after the one before still does.
            Some((old, new)) if follows(s, old) => next_start(s, old, new),
            _ if s < l.issued && l.issued <= new_end => l.issued,
            _ => s,
        });
        if let Some(s) = new_start {
            new_end = new_end.max(s);
        }
        out.push((new_start, new_end));
        before = Some((end, new_end));
    }
    out
}

/// Every list of stages in `sections` (headings of siblings, and structured phases) made the
/// office's; each change is described in `notes`.
pub fn localise(
    sections: &mut [Section],
    l: &Localiser,
    fixed: Option<(NaiveDate, NaiveDate)>,
    notes: &mut Vec<String>,
) {
    headings(sections, l, fixed, notes);
    within(sections, l, fixed, notes);
}

/// The stages under each of `sections` made the office's, and the whole period its text gives
/// (自3月25日开始，至5月20日结束) ending as their last now does.
fn within(
    sections: &mut [Section],
    l: &Localiser,
    fixed: Option<(NaiveDate, NaiveDate)>,
    notes: &mut Vec<String>,
) {
    for s in sections.iter_mut() {
        phases(&mut s.phases, l, fixed, notes);
        if let Some((old, new)) = headings(&mut s.sections, l, fixed, notes) {
            for t in s.text.0.iter_mut() {
                if let Some(moved) = overall_end(t, old, new) {
                    notes.push(format!(
                        "工作时间“至{}”→“至{}”（随最后一个阶段）",
                        old.format("%-m月%-d日"),
                        new.format("%-m月%-d日")
                    ));
                    *t = moved;
                }
            }
        }
        within(&mut s.sections, l, fixed, notes);
    }
}

/// `text`'s whole period ending on `old` (至5月20日结束, 至2027年5月20日) ending on `new`.
fn overall_end(text: &str, old: NaiveDate, new: NaiveDate) -> Option<String> {
    let forms = |d: NaiveDate| {
        [
            format!("至{}年{}月{}日", d.year(), d.month(), d.day()),
            format!("至{}月{}日", d.month(), d.day()),
        ]
    };
    forms(old)
        .into_iter()
        .zip(forms(new))
        .find(|(o, _)| text.contains(o.as_str()))
        .map(|(o, n)| text.replace(&o, &n))
}

/// Whether `sections` carry dated stages: structured phases, or headings naming a stage with
/// its dates (动员部署阶段（5月10日—5月16日）。), at any depth.
pub fn any(sections: &[Section], issued: NaiveDate) -> bool {
    sections.iter().any(|s| {
        !s.phases.is_empty() || stage_span(&s.heading, issued).is_some() || any(&s.sections, issued)
    })
}

/// Sibling headings that name a dated stage; the last stage's end before and after, where it
/// moved.
fn headings(
    sections: &mut [Section],
    l: &Localiser,
    fixed: Option<(NaiveDate, NaiveDate)>,
    notes: &mut Vec<String>,
) -> Option<(NaiveDate, NaiveDate)> {
    let found: Vec<(usize, std::ops::Range<usize>, Span)> = sections
        .iter()
        .enumerate()
        .filter_map(|(i, s)| stage_span(&s.heading, l.issued).map(|(r, sp)| (i, r, sp)))
        .collect();
    if found.is_empty() {
        return None;
    }
    let old: Vec<_> = found
        .iter()
        .map(|(_, _, s)| (s.start.as_ref().map(|p| p.date), s.end.date))
        .collect();
    let new = moved(&old, l, fixed);
    let last = old
        .last()
        .zip(new.last())
        .map(|(o, n)| (o.1, n.1))
        .filter(|(o, n)| o != n);
    for ((i, range, span), (start, end)) in found.into_iter().zip(new) {
        let written = write(&span, start, end);
        let heading = &mut sections[i].heading;
        if written == heading[range.clone()] {
            continue;
        }
        let before = heading.clone();
        heading.replace_range(range, &written);
        notes.push(format!(
            "阶段“{before}”→“{heading}”（阶段截止比上级来文提前 {} 个工作日，以便汇总上报；请核定）",
            l.lead_workdays
        ));
    }
    last
}

/// Structured phases (`[[sections.phases]]`) moved the same way.
fn phases(
    list: &mut [Phase],
    l: &Localiser,
    fixed: Option<(NaiveDate, NaiveDate)>,
    notes: &mut Vec<String>,
) {
    let old: Vec<_> = list
        .iter()
        .map(|p| (Some(p.start), p.end.unwrap_or(p.start)))
        .collect();
    let new = moved(&old, l, fixed);
    for (p, (start, end)) in list.iter_mut().zip(new) {
        let start = start.unwrap_or(p.start);
        let end = (p.end.is_some() || end != start).then_some(end);
        if (start, end) != (p.start, p.end) {
            let before = crate::compose::phase_dates(p);
            (p.start, p.end) = (start, end);
            notes.push(format!(
                "阶段“{}（{before}）”→“{}（{}）”（阶段截止比上级来文提前 {} 个工作日；请核定）",
                p.name,
                p.name,
                crate::compose::phase_dates(p),
                l.lead_workdays
            ));
        }
    }
}

/// The bracketed span of a heading that names a stage (部署阶段（12月1日—12月10日）。,
/// 第一阶段（即日起至12月10日）：动员部署): its byte range inside the brackets and its parts.
fn stage_span(heading: &str, issued: NaiveDate) -> Option<(std::ops::Range<usize>, Span)> {
    if !heading.contains("阶段") {
        return None;
    }
    heading.match_indices('（').find_map(|(open, _)| {
        let from = open + '（'.len_utf8();
        let close = from + heading[from..].find('）')?;
        let span = parse_span(&heading[from..close], issued)?;
        Some((from..close, span))
    })
}

/// A span written whole: `[start sep] end [前|止]`.
fn parse_span(text: &str, issued: NaiveDate) -> Option<Span> {
    let (start, from_now, rest) = match text.strip_prefix("即日起") {
        Some(rest) => (None, true, rest),
        None => match point(text, None, true, issued) {
            Some((p, rest)) if SEPARATORS.iter().any(|s| rest.starts_with(s)) => {
                (Some(p), false, rest)
            }
            _ => (None, false, text),
        },
    };
    let sep = SEPARATORS
        .iter()
        .find(|s| rest.starts_with(**s))
        .map_or("", |s| *s);
    if (start.is_some() || from_now) && sep.is_empty() {
        return None;
    }
    let rest = &rest[sep.len()..];
    let (mut end, tail) = point(rest, start.as_ref(), false, issued)?;
    if !matches!(tail, "" | "前" | "止") || (start.is_none() && !from_now && tail != "前") {
        return None;
    }
    if let Some(s) = &start {
        if end.date < s.date && !end.year {
            end.date = end.date.with_year(end.date.year() + 1)?;
        }
        if end.date < s.date {
            return None;
        }
    }
    Some(Span {
        start,
        from_now,
        sep: sep.to_owned(),
        end,
        tail: tail.to_owned(),
    })
}

/// `[YYYY年][M月](D日|上旬|中旬|下旬|初|底|末|)`; a point without a year is in the year that
/// puts it after `issued` less two months (a stage 1月11日— of a notice signed in December is
/// next year's); an end without a month is in its start's.
fn point<'t>(
    text: &'t str,
    start: Option<&Point>,
    at_start: bool,
    issued: NaiveDate,
) -> Option<(Point, &'t str)> {
    let (year, rest) = match number(text, "年") {
        Some((y, r)) if y >= 1900 => (Some(y as i32), r),
        _ => (None, text),
    };
    let (month, rest) = match number(rest, "月") {
        Some((m, r)) => (Some(m), r),
        None => (None, rest),
    };
    let month_of = month.or(start.map(|s| s.date.month()))?;
    let (day, rest) = match number(rest, "日") {
        Some((d, r)) => (Some(d), r),
        None => (month.map(|_| 0), rest),
    };
    let day = day?;
    let y = year
        .or(start.map(|s| s.date.year()))
        .unwrap_or(issued.year());
    let (mut date, used) = day_in(y, month_of, day, rest, at_start)?;
    if year.is_none() && start.is_none() && date < issued - Duration::days(61) {
        date = day_in(y + 1, month_of, day, rest, at_start)?.0;
    }
    let rest = &rest[used..];
    let point = Point {
        text: text[..text.len() - rest.len()].to_owned(),
        date,
        year: year.is_some(),
        month: month.is_some(),
    };
    Some((point, rest))
}

/// The day a point stands for: day `day` (0: a 旬, 初/底/末 or the whole month, as `rest`
/// begins), the first of its days at a start and the last at an end; and the bytes of `rest`
/// its words take.
fn day_in(y: i32, m: u32, day: u32, rest: &str, at_start: bool) -> Option<(NaiveDate, usize)> {
    if day > 0 {
        return Some((NaiveDate::from_ymd_opt(y, m, day)?, 0));
    }
    let last = month_last(y, m)?;
    let words: [(&str, u32, u32); 6] = [
        ("上旬", 1, 10),
        ("中旬", 11, 20),
        ("下旬", 21, last.day()),
        ("初", 1, 10),
        ("底", 21, last.day()),
        ("末", 21, last.day()),
    ];
    let (used, first, end) = words
        .iter()
        .find(|(w, ..)| rest.starts_with(w))
        .map_or((0, 1, last.day()), |&(w, f, e)| (w.len(), f, e));
    let d = if at_start { first } else { end };
    Some((NaiveDate::from_ymd_opt(y, m, d)?, used))
}

/// The last day of a month.
fn month_last(y: i32, m: u32) -> Option<NaiveDate> {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// A number of up to four digits followed by `unit`.
fn number<'t>(text: &'t str, unit: &str) -> Option<(u32, &'t str)> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 4 {
        return None;
    }
    let rest = text[digits..].strip_prefix(unit)?;
    Some((text[..digits].parse().ok()?, rest))
}

/// The span written again with new dates, in the way it was written; a date that did not
/// change keeps its words (12月上旬 stays so).
fn write(span: &Span, start: Option<NaiveDate>, end: NaiveDate) -> String {
    let start_text = match (&span.start, start) {
        (Some(p), Some(new)) => date_text(p, new, None),
        _ if span.from_now => "即日起".to_owned(),
        _ => String::new(),
    };
    let shown_start = start.or(span.start.as_ref().map(|p| p.date));
    let end_text = date_text(&span.end, end, shown_start);
    format!("{start_text}{}{end_text}{}", span.sep, span.tail)
}

/// One date: unchanged, in its own words; changed, `[YYYY年][M月]D日` with the year where it
/// was written or differs from the start's, the month where it was written or differs from the
/// start's.
fn date_text(p: &Point, new: NaiveDate, start: Option<NaiveDate>) -> String {
    if new == p.date {
        return p.text.clone();
    }
    let year = p.year || start.is_some_and(|s| s.year() != new.year());
    let month = p.month || year || start.is_none_or(|s| s.month() != new.month());
    let mut out = String::new();
    if year {
        out.push_str(&format!("{}年", new.year()));
    }
    if month {
        out.push_str(&format!("{}月", new.month()));
    }
    out.push_str(&format!("{}日", new.day()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calendar::Calendar;

    /// A day as (year, month, day).
    type Ymd = (i32, u32, u32);

    /// The headings of `stages` made the office's, issued on `issued`, with `fixed` dates.
    fn made(stages: &[&str], issued: Ymd, fixed: Option<(Ymd, Ymd)>) -> Vec<String> {
        let cal = Calendar::load(None).unwrap();
        let day = |(y, m, d): Ymd| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let l = Localiser {
            issued: day(issued),
            ..super::super::localise::tests::office(
                &cal,
                "岚溪县青石镇人民政府",
                "各村",
                "岚溪县卫生健康局",
                0,
            )
        };
        let mut sections: Vec<Section> = stages
            .iter()
            .map(|h| Section {
                heading: (*h).to_owned(),
                ..Section::default()
            })
            .collect();
        let mut notes = Vec::new();
        localise(
            &mut sections,
            &l,
            fixed.map(|(a, b)| (day(a), day(b))),
            &mut notes,
        );
        sections.into_iter().map(|s| s.heading).collect()
    }

    #[test]
    fn the_whole_period_ends_as_its_last_stage_now_does() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            issued: NaiveDate::from_ymd_opt(2027, 3, 20).unwrap(),
            ..super::super::localise::tests::office(
                &cal,
                "汴河镇人民政府",
                "各村",
                "监利市应急管理局",
                0,
            )
        };
        let stage = |h: &str| Section {
            heading: h.to_owned(),
            ..Section::default()
        };
        let mut sections = vec![Section {
            heading: "时间安排".into(),
            text: crate::spec::Paragraphs(vec![
                "排查整治工作自2027年3月25日开始，至5月20日结束，分三个阶段进行。".into(),
            ]),
            sections: vec![
                stage("自查自纠阶段（3月25日至4月15日）。"),
                stage("整改验收阶段（4月16日至5月20日）。"),
            ],
            ..Section::default()
        }];
        let mut notes = Vec::new();
        localise(&mut sections, &l, None, &mut notes);
        let end = sections[0].sections[1].heading.clone();
        assert!(end.contains("至5月17日"), "{end}");
        assert_eq!(
            sections[0].text.0[0],
            "排查整治工作自2027年3月25日开始，至5月17日结束，分三个阶段进行。"
        );
    }

    #[test]
    fn stages_end_earlier_by_the_lead_begin_with_the_draft_and_still_follow_each_other() {
        assert_eq!(
            made(
                &[
                    "部署阶段（12月1日—12月10日）。",
                    "实施阶段（12月11日—2027年3月15日）。",
                    "总结阶段（2027年3月16日—3月31日）。",
                ],
                (2026, 12, 3),
                None
            ),
            [
                "部署阶段（12月3日—12月7日）。",
                "实施阶段（12月8日—2027年3月10日）。",
                "总结阶段（2027年3月11日—3月26日）。",
            ]
        );
    }

    #[test]
    fn a_stage_written_in_xun_months_or_from_now_keeps_its_words_where_its_day_stays_and_years_are_read(
    ) {
        assert_eq!(
            made(
                &[
                    "（一）动员部署阶段（即日起至12月15日）。",
                    "（二）自查自纠阶段（12月16日至1月10日）。",
                    "（三）督导检查阶段（2027年1月中旬—1月底）。",
                    "第四阶段：总结提升（2027年2月20日前）",
                ],
                (2026, 12, 4),
                None
            ),
            [
                "（一）动员部署阶段（即日起至12月10日）。",
                "（二）自查自纠阶段（12月11日至2027年1月6日）。",
                "（三）督导检查阶段（2027年1月7日—1月27日）。",
                "第四阶段：总结提升（2027年2月17日前）",
            ]
        );
        assert_eq!(
            made(&["督查阶段（2027年1月中旬—1月底）"], (2026, 12, 4), None),
            ["督查阶段（2027年1月中旬—1月27日）"]
        );
    }

    #[test]
    fn a_stage_over_the_campaign_s_own_days_keeps_them_and_the_next_still_follows() {
        assert_eq!(
            made(
                &[
                    "集中宣传阶段（4月20日—26日）。",
                    "总结阶段（4月27日—5月15日）。",
                    "（一）4月20日—26日：集中宣传。",
                ],
                (2026, 12, 4),
                Some(((2027, 4, 20), (2027, 4, 26)))
            ),
            [
                "集中宣传阶段（4月20日—26日）。",
                "总结阶段（4月27日—5月12日）。",
                "（一）4月20日—26日：集中宣传。",
            ]
        );
    }
}
