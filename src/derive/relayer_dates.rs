//! A relaying upstream's own deadlines. A province relays a ministry's notice and asks for the
//! same report earlier (部里要求4月30日前, the province 4月27日前): the county's dates come
//! before the province's, not before the ministry's, or the county asks its units for the
//! report on the day the province wants it.

use super::localise::{next_deadline, Deadline};
use chrono::NaiveDate;

/// Characters the matters of two deadlines must share in one run to ask for the same report
/// (春季农业安全生产检查情况统计表 …), dates and numbers aside.
const SAME_REPORT_CHARS: usize = 6;

/// Where a deadline's clause hands its report over (the target after it is no part of the
/// matter: every report of a notice goes to the same 运输科).
const HANDOVER: [&str; 5] = ["报送", "上报", "报至", "发送至", "发至"];

/// Words that end the subject of a clause (各县区交通运输局要…: who acts is no part of the
/// matter either; every request of a notice names the same addressees).
const SUBJECT_ENDS: [char; 3] = ['要', '须', '应'];

/// Received text is hostile input: sentences longer than this are not compared (the comparison
/// costs their lengths multiplied), and no more deadlines than this are kept.
const MAX_SENTENCE_CHARS: usize = 400;
const MAX_DEADLINES: usize = 200;

/// The relaying office's dated requests: each sentence, a deadline in it as written, and that
/// deadline read.
#[derive(Debug, Default, Clone)]
pub struct RelayerDeadlines {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    matter: Vec<char>,
    written: String,
    deadline: Deadline,
}

impl RelayerDeadlines {
    /// The deadlines the relaying office set in its own `texts` (its opening, requirements and
    /// closing, not the document it relays).
    pub fn of(texts: &[&str], since: NaiveDate) -> Self {
        let mut entries = Vec::new();
        for sentence in texts.iter().flat_map(|t| t.split_inclusive('。')) {
            if sentence.chars().count() > MAX_SENTENCE_CHARS || entries.len() >= MAX_DEADLINES {
                continue;
            }
            let mut from = 0;
            while let Some((at, d)) = next_deadline(&sentence[from..], since) {
                let (at, end) = (from + at, from + at + d.len);
                entries.push(Entry {
                    matter: matter(sentence, at, end),
                    written: sentence[at..end].to_owned(),
                    deadline: d,
                });
                from = end;
            }
        }
        RelayerDeadlines { entries }
    }

    /// `text` (the relayed document's) with each deadline the relaying office set sooner for
    /// the same report replaced by the relaying office's, as written; each change in `notes`.
    pub fn apply(&self, text: &str, since: NaiveDate, notes: &mut Vec<String>) -> String {
        if self.entries.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive('。') {
            if sentence.chars().count() > MAX_SENTENCE_CHARS {
                out.push_str(sentence);
                continue;
            }
            let mut from = 0;
            while let Some((at, d)) = next_deadline(&sentence[from..], since) {
                let (at, end) = (from + at, from + at + d.len);
                out.push_str(&sentence[from..at]);
                let written = &sentence[at..end];
                let words = matter(sentence, at, end);
                let sooner = self
                    .entries
                    .iter()
                    .filter(|e| e.deadline.sooner_alike(&d))
                    .filter(|e| common_run(&e.matter, &words) >= SAME_REPORT_CHARS)
                    .max_by_key(|e| common_run(&e.matter, &words));
                match sooner {
                    Some(e) => {
                        notes.push(format!(
                            "期限“{written}”按转发机关对同一事项的要求“{}”推算",
                            e.written
                        ));
                        out.push_str(&e.written);
                    }
                    None => out.push_str(written),
                }
                from = end;
            }
            out.push_str(&sentence[from..]);
        }
        out
    }
}

/// What the deadline at `at..end` of `sentence` asks for: its clause without who acts and
/// without where the report goes (…于1月12日前将本地春运工作方案报送市交通运输局运输科 →
/// 于前将本地春运工作方案), with the clause before it where its own says too little
/// (将统计表填写完整，于4月27日前报送省厅).
fn matter(sentence: &str, at: usize, end: usize) -> Vec<char> {
    let breaks = ['，', '；', '。', '：'];
    let start = sentence[..at]
        .rfind(breaks)
        .map_or(0, |i| i + '，'.len_utf8());
    let stop = sentence[end..]
        .find(breaks)
        .map_or(sentence.len(), |i| end + i);
    let own = clause_matter(&sentence[start..stop], at - start);
    if own.len() >= SAME_REPORT_CHARS + 2 || start == 0 {
        return own;
    }
    let before = &sentence[..start - '，'.len_utf8()];
    let from = before.rfind(breaks).map_or(0, |i| i + '，'.len_utf8());
    let mut both = clause_matter(&before[from..], before.len() - from);
    both.extend(own);
    both
}

/// A clause's characters after its subject (up to 要/须/应 before `deadline_at`) and before the
/// target its report is handed over to, dates and numbers aside.
fn clause_matter(clause: &str, deadline_at: usize) -> Vec<char> {
    let start = clause[..deadline_at]
        .char_indices()
        .rfind(|(_, c)| SUBJECT_ENDS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let stop = HANDOVER
        .iter()
        .filter_map(|v| clause[deadline_at..].find(v).map(|i| deadline_at + i))
        .min()
        .unwrap_or(clause.len());
    plain(&clause[start..stop.max(start)])
}

/// Characters without digits and the date words around them.
fn plain(sentence: &str) -> Vec<char> {
    sentence
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"年月日前".contains(*c))
        .collect()
}

/// The longest run of characters `a` and `b` share.
fn common_run(a: &[char], b: &[char]) -> usize {
    let mut best = 0;
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { 0 };
            best = best.max(row[j + 1]);
            diagonal = above;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn the_relaying_office_s_sooner_date_for_the_same_report_replaces_the_relayed_one() {
        let province = RelayerDeadlines::of(
            &[
                "请于2027年4月27日前将春季农业安全生产检查情况统计表（见附件）和工作总结报送省农业农村厅。",
                "各州、市农业农村局要于每季度末月22日前将本季度农业安全生产工作情况报送省农业农村厅。",
            ],
            day(12, 25),
        );
        let mut notes = Vec::new();
        let ministry = "请于2027年4月30日前将春季农业安全生产检查情况统计表（见附件）和工作总结报送部质量监管司。各省级农业农村部门要于每季度末月25日前将本季度农业安全生产工作情况报送部质量监管司。请于2027年5月10日前报送典型案例。";
        assert_eq!(
            province.apply(ministry, day(12, 20), &mut notes),
            "请于2027年4月27日前将春季农业安全生产检查情况统计表（见附件）和工作总结报送部质量监管司。各省级农业农村部门要于每季度末月22日前将本季度农业安全生产工作情况报送部质量监管司。请于2027年5月10日前报送典型案例。"
        );
        assert_eq!(notes.len(), 2, "{notes:?}");
    }

    #[test]
    fn deadlines_sharing_only_their_addressees_and_target_are_not_the_same_report() {
        let city = RelayerDeadlines::of(
            &["各县区交通运输局要抓紧制定本地春运工作方案，细化工作措施，于2027年1月12日前将本地春运工作方案和春运工作领导小组名单报送市交通运输局运输科。"],
            day(12, 28),
        );
        let mut notes = Vec::new();
        let plan = "各县区交通运输局要于1月15日前完成对辖区客运企业的安全检查。各县区交通运输局要于1月16日前将春运工作联络员信息表报送市交通运输局运输科；3月5日前将春运工作总结报送市交通运输局运输科。";
        assert_eq!(city.apply(plan, day(12, 28), &mut notes), plan);
        assert!(notes.is_empty(), "{notes:?}");
        // The same report, its matter in the clause before the deadline's.
        let again = "将本地春运工作方案和春运工作领导小组名单填写完整，于2027年1月20日前报送市交通运输局运输科。";
        let out = city.apply(again, day(12, 28), &mut notes);
        assert!(out.contains("2027年1月12日前报送"), "{out}");
    }

    #[test]
    fn a_hostile_sentence_is_not_compared() {
        let long = format!("请于2027年4月27日前将{}报送。", "统计表".repeat(20_000));
        let province = RelayerDeadlines::of(&[long.as_str()], day(12, 25));
        assert!(province.entries.is_empty());
        let mut notes = Vec::new();
        let out = RelayerDeadlines::of(&["请于2027年4月27日前将统计表报送。"], day(12, 25)).apply(
            &long.replace("27日", "30日"),
            day(12, 20),
            &mut notes,
        );
        assert!(out.contains("4月30日前") && notes.is_empty());
    }

    #[test]
    fn common_run_counts_the_longest_shared_run() {
        let a: Vec<char> = "将统计表报送省厅".chars().collect();
        let b: Vec<char> = "将统计表报送部里".chars().collect();
        assert_eq!(common_run(&a, &b), 6);
    }
}
