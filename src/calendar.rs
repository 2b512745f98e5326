//! Working days by the State Council holiday schedule (国务院办公厅部分节假日安排), with its
//! make-up workdays (调休). The schedule is data: `data/holidays/YEAR.toml`, embedded, and
//! any `YEAR.toml` in a user directory adds or replaces a year (published each November).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The schedules shipped with gongwen.
const EMBEDDED: &[(&str, &str)] = &[
    ("2023.toml", include_str!("../data/holidays/2023.toml")),
    ("2024.toml", include_str!("../data/holidays/2024.toml")),
    ("2025.toml", include_str!("../data/holidays/2025.toml")),
    ("2026.toml", include_str!("../data/holidays/2026.toml")),
];

/// The festivals' dates of the years after the shipped schedules, for a provisional schedule.
const FESTIVALS: &str = include_str!("../data/holidays/festivals.toml");

/// `data/holidays/festivals.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Festivals {
    years: Vec<FestivalYear>,
}

/// One year's lunar festivals and 清明, as "MM-DD".
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct FestivalYear {
    year: i32,
    /// 正月初一.
    spring: String,
    /// 清明.
    qingming: String,
    /// 端午 (五月初五).
    dragon_boat: String,
    /// 中秋 (八月十五).
    mid_autumn: String,
}

/// One year's schedule as written in its file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct YearFile {
    year: i32,
    /// Days off: "MM-DD" or "MM-DD..MM-DD".
    off: Vec<String>,
    /// Weekend days that are workdays (调休上班).
    #[serde(default)]
    workdays: Vec<String>,
}

/// A calendar problem: a year without a schedule, or a bad schedule file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    /// No schedule for the year: deadlines cannot be computed without guessing.
    #[error("没有 {0} 年的节假日安排（data/holidays/{0}.toml），无法计算工作日；请按国务院办公厅通知添加该年的数据文件")]
    NoData(i32),
    /// A schedule file that cannot be read.
    #[error("节假日数据 {file} 有误：{message}")]
    BadFile {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
}

/// Days off and make-up workdays, by year.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    off: BTreeSet<NaiveDate>,
    workdays: BTreeSet<NaiveDate>,
    years: BTreeMap<i32, String>,
    /// Years counted by the statutory holidays alone (no published schedule yet).
    provisional: BTreeSet<i32>,
}

impl Calendar {
    /// The embedded schedules, then every `*.toml` of `extra` (a later file replaces a year).
    pub fn load(extra: Option<&Path>) -> Result<Self, CalendarError> {
        let mut files: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(n, t)| (format!("data/holidays/{n}"), (*t).to_owned()))
            .collect();
        if let Some(dir) = extra {
            let mut paths: Vec<_> = std::fs::read_dir(dir)
                .map_err(|e| CalendarError::BadFile {
                    file: dir.display().to_string(),
                    message: e.to_string(),
                })?
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "toml"))
                .collect();
            paths.sort();
            for p in paths {
                let text = std::fs::read_to_string(&p).map_err(|e| CalendarError::BadFile {
                    file: p.display().to_string(),
                    message: e.to_string(),
                })?;
                files.push((p.display().to_string(), text));
            }
        }
        let mut cal = Calendar::default();
        for (file, text) in files {
            cal.add(&file, &text)?;
        }
        cal.add_provisional()?;
        Ok(cal)
    }

    /// Years of `festivals.toml` without a schedule: the statutory holidays (《全国年节及纪念日
    /// 放假办法》, 2024) and weekends, a holiday on a weekend (or two on one day) made up on the
    /// workdays after it; the 调休 weekends cannot be known and are not counted.
    fn add_provisional(&mut self) -> Result<(), CalendarError> {
        let file = "data/holidays/festivals.toml";
        let bad = |message: String| CalendarError::BadFile {
            file: file.to_owned(),
            message,
        };
        let f: Festivals = toml::from_str(FESTIVALS).map_err(|e| bad(e.message().to_owned()))?;
        let published: BTreeSet<i32> = self.years.keys().copied().collect();
        for y in f.years.iter().filter(|y| !published.contains(&y.year)) {
            let day = |s: &str| {
                let (m, d) = s.split_once('-').unwrap_or(("", ""));
                m.parse()
                    .ok()
                    .zip(d.parse().ok())
                    .and_then(|(m, d)| NaiveDate::from_ymd_opt(y.year, m, d))
                    .ok_or_else(|| bad(format!("日期“{s}”不存在")))
            };
            let spring = day(&y.spring)?;
            let mut days = vec![
                day("01-01")?,
                day(&y.qingming)?,
                day("05-01")?,
                day("05-02")?,
            ];
            days.extend(
                spring
                    .pred_opt()
                    .into_iter()
                    .chain(spring.iter_days().take(3)),
            );
            days.extend([day(&y.dragon_boat)?, day(&y.mid_autumn)?]);
            days.extend(day("10-01")?.iter_days().take(3));
            days.sort();
            self.off.extend(made_up(&days));
            self.years.insert(y.year, format!("{file}（推算）"));
            self.provisional.insert(y.year);
        }
        Ok(())
    }

    fn add(&mut self, file: &str, text: &str) -> Result<(), CalendarError> {
        let bad = |message: String| CalendarError::BadFile {
            file: file.to_owned(),
            message,
        };
        let y: YearFile = toml::from_str(text).map_err(|e| bad(e.message().to_owned()))?;
        self.off.retain(|d| d.year() != y.year);
        self.workdays.retain(|d| d.year() != y.year);
        let day = |s: &str| -> Result<NaiveDate, CalendarError> {
            let (m, d) = s
                .trim()
                .split_once('-')
                .ok_or_else(|| bad(format!("日期“{s}”应写作 MM-DD")))?;
            m.parse()
                .ok()
                .zip(d.parse().ok())
                .and_then(|(m, d)| NaiveDate::from_ymd_opt(y.year, m, d))
                .ok_or_else(|| bad(format!("日期“{s}”不存在")))
        };
        for range in &y.off {
            let (a, b) = range.split_once("..").unwrap_or((range, range));
            let (a, b) = (day(a)?, day(b)?);
            if b < a {
                return Err(bad(format!("区间“{range}”结束早于开始")));
            }
            self.off.extend(a.iter_days().take_while(|d| *d <= b));
        }
        for w in &y.workdays {
            self.workdays.insert(day(w)?);
        }
        self.years.insert(y.year, file.to_owned());
        Ok(())
    }

    /// The shipped schedules (`data/holidays/`), loaded once.
    pub fn embedded() -> Option<&'static Calendar> {
        static CALENDAR: std::sync::OnceLock<Option<Calendar>> = std::sync::OnceLock::new();
        CALENDAR.get_or_init(|| Calendar::load(None).ok()).as_ref()
    }

    /// Years with a published schedule (not the provisional ones).
    pub fn years(&self) -> impl Iterator<Item = &i32> {
        self.years.keys().filter(|y| !self.provisional.contains(y))
    }

    /// Whether `year` is counted by the statutory holidays alone, its schedule unpublished.
    pub fn is_provisional(&self, year: i32) -> bool {
        self.provisional.contains(&year)
    }

    /// Whether `d` is a working day (an error for a year without a schedule).
    pub fn is_workday(&self, d: NaiveDate) -> Result<bool, CalendarError> {
        if !self.years.contains_key(&d.year()) {
            return Err(CalendarError::NoData(d.year()));
        }
        if self.workdays.contains(&d) {
            return Ok(true);
        }
        if self.off.contains(&d) {
            return Ok(false);
        }
        Ok(!matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
    }

    /// The `n`-th working day after `d` (`n` = 0: `d` itself if a workday, else the next one).
    pub fn add_workdays(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.step(d, n, true)
    }

    /// The `n`-th working day before `d`.
    pub fn sub_workdays(&self, d: NaiveDate, n: u32) -> Result<NaiveDate, CalendarError> {
        self.step(d, n, false)
    }

    fn step(&self, mut d: NaiveDate, n: u32, forward: bool) -> Result<NaiveDate, CalendarError> {
        let next = |d: NaiveDate| {
            if forward {
                d.checked_add_days(Days::new(1))
            } else {
                d.checked_sub_days(Days::new(1))
            }
            .unwrap_or(d)
        };
        if n == 0 {
            while !self.is_workday(d)? {
                d = next(d);
            }
            return Ok(d);
        }
        let mut left = n;
        while left > 0 {
            d = next(d);
            if self.is_workday(d)? {
                left -= 1;
            }
        }
        Ok(d)
    }
}

/// The statutory holidays `days` (sorted, a day twice where two fall on it) and the workdays
/// after each run of them that make up for those on a weekend or doubled.
fn made_up(days: &[NaiveDate]) -> BTreeSet<NaiveDate> {
    let weekend = |d: &NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let mut off: BTreeSet<NaiveDate> = days.iter().copied().collect();
    let mut i = 0;
    while i < days.len() {
        let mut j = i + 1;
        while j < days.len() && days[j] <= days[j - 1].succ_opt().unwrap_or(days[j - 1]) {
            j += 1;
        }
        let run = &days[i..j];
        let distinct: BTreeSet<_> = run.iter().collect();
        let mut owed = run.len() - distinct.len() + distinct.iter().filter(|d| weekend(d)).count();
        let mut d = run[run.len() - 1];
        while owed > 0 {
            d = d.succ_opt().unwrap_or(d);
            if !weekend(&d) && off.insert(d) {
                owed -= 1;
            }
        }
        i = j;
    }
    off
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn cal() -> Calendar {
        Calendar::load(None).unwrap()
    }

    #[test]
    fn five_workdays_after_the_2025_campaign_skip_may_day_and_count_the_makeup_sunday() {
        // Saturday 2025-04-26 → 04-27 (Sunday, make-up workday), 04-28, 04-29, 04-30, then
        // 05-01..05-05 off → 05-06.
        assert_eq!(
            cal().add_workdays(d(2025, 4, 26), 5).unwrap(),
            d(2025, 5, 6)
        );
    }

    #[test]
    fn makeup_workdays_are_workdays_and_holidays_are_not() {
        let c = cal();
        assert!(c.is_workday(d(2025, 4, 27)).unwrap(), "Sunday make-up day");
        assert!(!c.is_workday(d(2025, 4, 4)).unwrap(), "清明 on a Friday");
        assert!(!c.is_workday(d(2024, 2, 12)).unwrap(), "春节");
        assert!(c.is_workday(d(2024, 2, 18)).unwrap(), "Sunday after 春节");
        assert!(
            c.is_workday(d(2026, 1, 4)).unwrap(),
            "Sunday make-up day after 元旦"
        );
    }

    #[test]
    fn long_holidays_are_skipped_whole() {
        // Sunday 09-29 is a make-up workday, Monday 09-30 a workday, then 10-01..10-07 off:
        // the workday after 09-30 is 10-08.
        assert_eq!(
            cal().add_workdays(d(2024, 9, 29), 1).unwrap(),
            d(2024, 9, 30)
        );
        assert_eq!(
            cal().add_workdays(d(2024, 9, 30), 1).unwrap(),
            d(2024, 10, 8)
        );
        assert_eq!(
            cal().sub_workdays(d(2024, 10, 8), 1).unwrap(),
            d(2024, 9, 30)
        );
    }

    #[test]
    fn year_boundary_uses_both_schedules() {
        // 2025-12-31 Wednesday → 2026-01-01..03 off, 01-04 Sunday make-up workday.
        assert_eq!(
            cal().add_workdays(d(2025, 12, 31), 1).unwrap(),
            d(2026, 1, 4)
        );
        assert_eq!(
            cal().sub_workdays(d(2024, 1, 2), 1).unwrap(),
            d(2023, 12, 29)
        );
    }

    #[test]
    fn a_year_without_a_schedule_is_an_error_not_a_guess() {
        assert_eq!(
            cal().add_workdays(d(2030, 12, 30), 5),
            Err(CalendarError::NoData(2031))
        );
        assert_eq!(
            cal().is_workday(d(2022, 6, 1)),
            Err(CalendarError::NoData(2022))
        );
    }

    #[test]
    fn a_user_file_adds_a_year() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("2027.toml"),
            "year = 2027\noff = [\"01-01\"]\nworkdays = []\n",
        )
        .unwrap();
        let c = Calendar::load(Some(dir.path())).unwrap();
        assert!(!c.is_workday(d(2027, 1, 1)).unwrap());
        assert!(c.is_workday(d(2027, 1, 4)).unwrap());
    }

    #[test]
    fn an_unpublished_year_is_counted_by_its_statutory_holidays_and_said_to_be() {
        let c = cal();
        assert!(c.is_provisional(2027) && !c.is_provisional(2026));
        assert!(!c.years().any(|y| *y == 2027), "not a published schedule");
        let off = |y, m, day| !c.is_workday(d(y, m, day)).unwrap();
        // 元旦 2027 is a Friday; 春节: 除夕 Friday 02-05 to 初三 Monday 02-08, its weekend made
        // up on Tuesday and Wednesday.
        assert!(off(2027, 1, 1) && !off(2027, 1, 4));
        let spring: Vec<bool> = (4..=11).map(|day| off(2027, 2, day)).collect();
        assert_eq!(spring, [false, true, true, true, true, true, true, false]);
        // 清明 Monday 04-05; 劳动节 Saturday and Sunday 05-01/02, made up Monday and Tuesday.
        assert!(off(2027, 4, 5) && off(2027, 5, 3) && off(2027, 5, 4) && !off(2027, 5, 5));
        // 2028: 中秋 on 国庆's third day, 10-01 a Sunday: two days made up (10-04, 10-05).
        let october: Vec<bool> = (1..=6).map(|day| off(2028, 10, day)).collect();
        assert_eq!(october, [true, true, true, true, true, false]);
        assert_eq!(
            c.sub_workdays(d(2027, 2, 11), 1).unwrap(),
            d(2027, 2, 4),
            "the working day before the holiday"
        );
    }
}
