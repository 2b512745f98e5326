//! The periods an upstream sets (行动时间：2027年3月1日至11月30日): a summary due after one
//! is never brought forward into it.

use super::localise::{dated, number};
use chrono::NaiveDate;

/// Marks between the two dates of a period.
const BETWEEN: &[&str] = &["至", "—", "－", "-", "~", "～"];

/// The last days of the periods written in `text` (…3月1日至11月30日, 3月16日—11月20日), their
/// year the one written with them, else the nearest before in the text, else `since`'s (or the
/// next, as [`super::localise`] dates a deadline).
pub fn period_ends(text: &str, since: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    for sep in BETWEEN {
        for (at, _) in text.match_indices(sep) {
            if !text[..at].ends_with('日') {
                continue;
            }
            let after = &text[at + sep.len()..];
            let year_before = last_year(&text[..at]);
            let start = start_before(&text[..at], year_before, since);
            if let (Some(start), Some(end)) = (start, date_at(after, year_before, since)) {
                // A period of work (a week and more), not a two-day training.
                if end - start >= chrono::Duration::days(MIN_DAYS) {
                    out.push(end);
                }
            }
        }
    }
    out
}

/// The shortest period whose end counts (a 行动 or a campaign, not a training of two days).
const MIN_DAYS: i64 = 6;

/// The date M月D日 that `head` ends with.
fn start_before(head: &str, year: Option<i32>, since: NaiveDate) -> Option<NaiveDate> {
    let month_at = head.rfind('月')?;
    let before = &head[..month_at];
    let n = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    (n > 0 && n <= 2).then_some(())?;
    date_at(&head[month_at - n..], year, since)
}

/// [YYYY年]M月D日 at the start of `s`, dated as a deadline is ([`super::localise`]).
fn date_at(s: &str, year: Option<i32>, since: NaiveDate) -> Option<NaiveDate> {
    let (y, rest) = match number(s, '年') {
        Some((y, r)) if y >= 1900 => (Some(y as i32), r),
        _ => (year, s),
    };
    let (m, rest) = number(rest, '月')?;
    let (d, _) = number(rest, '日')?;
    dated(y, m, d, since)
}

/// The last YYYY年 in `s`.
fn last_year(s: &str) -> Option<i32> {
    s.match_indices('年').rev().find_map(|(at, _)| {
        let head = &s[..at];
        let n = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        (n == 4).then(|| head[at - 4..].parse().ok()).flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn a_period_s_end_is_read_with_the_year_written_before_it() {
        let since = day(2027, 1, 20);
        let t = "（一）行动时间。2027年3月1日至11月30日。（二）实施阶段（3月16日—11月20日）。";
        assert_eq!(
            period_ends(t, since),
            vec![day(2027, 11, 30), day(2027, 11, 20)]
        );
        assert!(period_ends("于3月1日前报送。自今年起至年底", since).is_empty());
        assert!(period_ends("培训时间：3月5日至3月6日。", since).is_empty());
    }
}
