//! Year-bound text: the `{year}`-style variables of a spec, and moving a whole spec to another
//! year (`--year 2026`) without editing it.

use super::schema::{Campaign, Spec};
use super::texts::for_each_text_mut;
use super::validate::Problem;
use chrono::{Datelike, NaiveDate, Weekday};

/// The variables a text may use, for messages and the README.
pub const VARIABLES: &[&str] = &[
    "{year}",
    "{prev_year}",
    "{next_year}",
    "{edition}",
    "{edition:zh}",
    "{campaign}",
    "{start}",
    "{end}",
    "{date:MM-DD}",
    "{date:MM-DD:weekday}",
    "{workday:start-N}",
    "{workday:end+N:weekday}",
];

/// A date as 4月11日, or with `weekday` as 4月11日（周五）.
fn day(var: &str, date: NaiveDate, modifier: Option<&str>) -> Result<String, String> {
    match modifier {
        None => Ok(month_day(date)),
        Some("weekday") => Ok(format!("{}（{}）", month_day(date), weekday(date))),
        Some(other) => Err(format!(
            "变量 {{{var}}} 的修饰 `{other}` 无效，可用 weekday"
        )),
    }
}

/// `start-5` / `end+5`: the 5th working day before the campaign's start or after its end, by
/// the year's State Council holiday schedule (调休 included), so that a deadline defined in
/// working days stays one when the spec moves to another year. A year whose schedule is not yet
/// published counts its statutory holidays ([`crate::calendar::Calendar::is_provisional`]); a
/// year beyond those counts Monday to Friday.
fn workday(rule: &str, c: &Campaign) -> Option<NaiveDate> {
    let (base, n, forward) = if let Some(n) = rule.strip_prefix("start-") {
        (c.start, n, false)
    } else if let Some(n) = rule.strip_prefix("end+") {
        (c.end, n, true)
    } else {
        return None;
    };
    let n: u32 = n.parse().ok().filter(|n| *n <= 366)?;
    let counted = crate::calendar::Calendar::embedded().and_then(|cal| {
        if forward {
            cal.add_workdays(base, n).ok()
        } else {
            cal.sub_workdays(base, n).ok()
        }
    });
    counted.or_else(|| weekdays_only(base, n, forward))
}

/// The `n`th Monday-to-Friday day from `d` (a year without a shipped holiday schedule).
pub(crate) fn weekdays_only(mut d: NaiveDate, n: u32, forward: bool) -> Option<NaiveDate> {
    let mut left = n;
    while left > 0 {
        d = if forward {
            d.succ_opt()?
        } else {
            d.pred_opt()?
        };
        if !matches!(d.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(d)
}

/// `--year`: a derived draft's citation of its upstream (《…》（…〔2025〕9号）) cannot move to
/// the new year, since next year's notice and number are not known: it is kept as written and
/// said, at the field that holds it.
pub fn kept_citations(
    spec: &Spec,
    target: Option<i32>,
    texts: &[(String, String)],
) -> Vec<super::conventions::Finding> {
    let (Some(target), Some(p)) = (target, &spec.provenance) else {
        return Vec::new();
    };
    let Some(number) = &p.upstream_number else {
        return Vec::new();
    };
    let cited_year = super::DocNumber::parse(number).map(|n| n.year);
    if cited_year == Some(target) {
        return Vec::new();
    }
    texts
        .iter()
        .filter(|(_, t)| t.contains(number.as_str()))
        .map(|(field, _)| super::conventions::Finding {
            rule: "kept-citation",
            severity: crate::error::Severity::Warning,
            field: field.clone(),
            message: format!(
                "引用的上级来文《{}》（{number}）不随年份改动，已按原样保留；如上级已发 {target} 年的来文，请改为新来文的标题和文号",
                p.upstream_title
            ),
            fix: None,
        })
        .collect()
}

/// Texts whose `{workday:…}` dates fall in a year without a State Council holiday schedule:
/// they were counted Monday to Friday, which the year's 调休 may contradict; said at each field.
pub fn unscheduled_workdays(
    spec: &Spec,
    written: &[(String, String)],
) -> Vec<super::conventions::Finding> {
    let Some(c) = &spec.campaign else {
        return Vec::new();
    };
    let scheduled: Vec<i32> = crate::calendar::Calendar::embedded()
        .map(|cal| cal.years().copied().collect())
        .unwrap_or_default();
    // A working day counted from the campaign's start or end lies in these years (or next to them).
    let mut years = vec![c.start.year(), c.end.year()];
    years.dedup();
    let missing: Vec<String> = years
        .into_iter()
        .filter(|y| !scheduled.contains(y))
        .map(|y| y.to_string())
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    let provisional = crate::calendar::Calendar::embedded().is_some_and(|cal| {
        missing
            .iter()
            .all(|y| cal.is_provisional(y.parse().unwrap_or(0)))
    });
    let counted = if provisional {
        "按法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）和周末推算，未计调休上班日"
    } else {
        "按周一至周五计算"
    };
    let years = missing.join("、");
    written
        .iter()
        .filter(|(_, t)| t.contains("{workday:"))
        .map(|(field, _)| super::conventions::Finding {
            rule: "workdays-without-schedule",
            severity: crate::error::Severity::Warning,
            field: field.clone(),
            message: format!(
                "{years} 年的放假调休安排尚未内置（国务院办公厅通常在上一年 11 月前后公布），此处的工作日{counted}；请对照当年的放假安排核对这些日期"
            ),
            fix: None,
        })
        .collect()
}

/// 周一 … 周日.
pub fn weekday(d: NaiveDate) -> &'static str {
    match d.weekday() {
        Weekday::Mon => "周一",
        Weekday::Tue => "周二",
        Weekday::Wed => "周三",
        Weekday::Thu => "周四",
        Weekday::Fri => "周五",
        Weekday::Sat => "周六",
        Weekday::Sun => "周日",
    }
}

/// 4月20日.
fn month_day(d: NaiveDate) -> String {
    format!("{}月{}日", d.month(), d.day())
}

/// The campaign period as offices write it: 2025年4月20日至26日 (month repeated if it changes).
pub fn period(start: NaiveDate, end: NaiveDate) -> String {
    let tail = if start.month() == end.month() && start.year() == end.year() {
        format!("{}日", end.day())
    } else if start.year() == end.year() {
        month_day(end)
    } else {
        format!("{}年{}", end.year(), month_day(end))
    };
    format!("{}年{}至{}", start.year(), month_day(start), tail)
}

/// The same day in another year (29 February becomes 28 February).
pub fn shift(d: NaiveDate, years: i32) -> NaiveDate {
    let y = d.year() + years;
    NaiveDate::from_ymd_opt(y, d.month(), d.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, d.month(), 28))
        .unwrap_or(d)
}

/// Moves every date of the spec by `years` years; the campaign's edition follows.
fn move_dates(spec: &mut Spec, years: i32) {
    let shift_opt = |d: &mut NaiveDate| *d = shift(*d, years);
    if let Some(c) = &mut spec.campaign {
        c.year += years;
        c.edition = c.edition.map(|e| e + years);
        shift_opt(&mut c.start);
        shift_opt(&mut c.end);
    }
    if let Some(s) = &mut spec.signature {
        shift_opt(&mut s.date);
    }
    if let Some(n) = spec.header.as_mut().and_then(|h| h.doc_number.as_mut()) {
        n.year += years;
        n.written = None;
    }
    if let Some(c) = &mut spec.colophon {
        if let Some(d) = &mut c.print_date {
            shift_opt(d);
        }
    }
    let mut phases = Vec::new();
    for s in spec.sections.iter_mut() {
        collect_phases(s, &mut phases);
    }
    if let Some(e) = &mut spec.enclosure {
        if let Some(s) = &mut e.signature {
            shift_opt(&mut s.date);
        }
        for s in e.sections.iter_mut() {
            collect_phases(s, &mut phases);
        }
    }
    for p in phases {
        shift_opt(&mut p.start);
        if let Some(e) = &mut p.end {
            shift_opt(e);
        }
    }
}

fn collect_phases<'a>(
    s: &'a mut super::schema::Section,
    out: &mut Vec<&'a mut super::schema::Phase>,
) {
    out.extend(s.phases.iter_mut());
    for sub in s.sections.iter_mut() {
        collect_phases(sub, out);
    }
}

/// Moves the spec to `target` (if given) and expands every variable in its text.
pub fn apply(spec: &mut Spec, target: Option<i32>) -> Vec<Problem> {
    let mut problems = Vec::new();
    if let Some(target) = target {
        match &spec.campaign {
            Some(c) => {
                let years = target - c.year;
                move_dates(spec, years);
            }
            None => problems.push(Problem {
                field: "campaign".into(),
                message: "没有 [campaign] 表（year、start、end），无法用 --year 换年".into(),
            }),
        }
    }
    let campaign = spec.campaign.clone();
    for_each_text_mut(spec, &mut |field, text| {
        if !text.contains('{') && !text.contains('}') {
            return;
        }
        match expand(text, campaign.as_ref()) {
            Ok(t) => *text = t,
            Err(message) => problems.push(Problem {
                field: field.to_owned(),
                message,
            }),
        }
    });
    problems
}

/// Expands `{…}` variables; `{{` and `}}` are literal braces; a brace not starting a
/// variable name is kept as written.
pub fn expand(text: &str, campaign: Option<&Campaign>) -> Result<String, String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(['{', '}']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push(tail.as_bytes()[0] as char);
            rest = &tail[2..];
            continue;
        }
        let is_var = tail.starts_with('{')
            && tail[1..].starts_with(|c: char| c.is_ascii_lowercase())
            && tail.find('}').is_some();
        if !is_var {
            out.push(tail.as_bytes()[0] as char);
            rest = &tail[1..];
            continue;
        }
        let end = tail.find('}').unwrap_or(tail.len());
        let var = &tail[1..end];
        out.push_str(&value(var, campaign)?);
        rest = &tail[end + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

fn value(var: &str, campaign: Option<&Campaign>) -> Result<String, String> {
    let known = || format!("可用的变量：{}", VARIABLES.join(" "));
    let Some(c) = campaign else {
        return Err(format!(
            "使用了变量 {{{var}}}，但规格没有 [campaign] 表（year、start、end）"
        ));
    };
    let mut parts = var.split(':');
    let name = parts.next().unwrap_or_default();
    let out = match name {
        "year" => c.year.to_string(),
        "prev_year" => (c.year - 1).to_string(),
        "next_year" => (c.year + 1).to_string(),
        "edition" => {
            let e = c.edition.unwrap_or(c.year - 2000);
            // {edition:zh}: in Chinese numerals, as a text writes it (第十二个).
            if parts.next() == Some("zh") {
                crate::compose::text::chinese_numeral(usize::try_from(e).unwrap_or(0))
            } else {
                e.to_string()
            }
        }
        "campaign" => period(c.start, c.end),
        "start" => month_day(c.start),
        "end" => month_day(c.end),
        "date" => {
            let md = parts.next().unwrap_or_default();
            let (m, d) = md.split_once('-').unwrap_or(("", ""));
            let date = m
                .parse()
                .ok()
                .zip(d.parse().ok())
                .and_then(|(m, d)| NaiveDate::from_ymd_opt(c.year, m, d))
                .ok_or_else(|| format!("变量 {{{var}}} 的日期应写作 MM-DD，如 {{date:04-11}}"))?;
            day(var, date, parts.next())?
        }
        "workday" => {
            let rule = parts.next().unwrap_or_default();
            let date = workday(rule, c)
                .ok_or_else(|| format!("变量 {{{var}}} 应写作 {{workday:start-5}} 或 {{workday:end+5}}（活动开始前或结束后第几个工作日）"))?;
            day(var, date, parts.next())?
        }
        _ => return Err(format!("未知的变量 {{{var}}}；{}", known())),
    };
    if !matches!(name, "date" | "workday") && parts.next().is_some() {
        return Err(format!("变量 {{{var}}} 不带参数"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn campaign(year: i32) -> Campaign {
        Campaign {
            name: None,
            short: None,
            occasion: None,
            year,
            edition: None,
            start: NaiveDate::from_ymd_opt(year, 4, 20).unwrap(),
            end: NaiveDate::from_ymd_opt(year, 4, 26).unwrap(),
        }
    }

    #[test]
    fn variables_expand_with_weekdays() {
        let c = campaign(2025);
        let t = expand(
            "第{edition}个世界知识产权日，{campaign}，于{date:04-11:weekday}前报送{year}年材料",
            Some(&c),
        )
        .unwrap();
        assert_eq!(
            t,
            "第25个世界知识产权日，2025年4月20日至26日，于4月11日（周五）前报送2025年材料"
        );
        let c = campaign(2026);
        let t = expand("{date:04-11:weekday}", Some(&c)).unwrap();
        assert_eq!(t, "4月11日（周六）");
    }

    #[test]
    fn unknown_variable_is_an_error_naming_it() {
        let err = expand("{yaer}年", Some(&campaign(2025))).unwrap_err();
        assert!(err.contains("{yaer}") && err.contains("{year}"), "{err}");
    }

    #[test]
    fn braces_that_are_not_variables_stay() {
        let c = campaign(2025);
        assert_eq!(
            expand("{{year}} {} {1} a}b", Some(&c)).unwrap(),
            "{year} {} {1} a}b"
        );
    }

    #[test]
    fn shifting_keeps_the_day_and_handles_leap_days() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(shift(d, 1), NaiveDate::from_ymd_opt(2025, 2, 28).unwrap());
        assert_eq!(
            period(
                NaiveDate::from_ymd_opt(2025, 4, 28).unwrap(),
                NaiveDate::from_ymd_opt(2025, 5, 4).unwrap()
            ),
            "2025年4月28日至5月4日"
        );
    }
}
