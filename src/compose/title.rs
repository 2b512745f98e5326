//! Breaking a long title into a balanced shape (梯形 or 菱形), never inside a word or a 《》 name.

use super::text::{char_width, width_chars};
use super::words;

/// Extra penalty for a break inside 《》, “” or （）.
const BRACKETED: f64 = 60.0;

/// Lines a title of `units` grid characters needs at `max` per line.
fn line_count(units: f64, max: f64) -> usize {
    (units / max).ceil().max(1.0) as usize
}

/// Splits `title` into lines of at most `max_units` characters, balanced in length, never
/// inside a word of the lexicon.
pub fn break_title(title: &str, max_units: f64) -> Vec<String> {
    let chars: Vec<char> = title.trim().chars().collect();
    let total = width_chars(title.trim());
    if total <= max_units || chars.len() < 2 {
        return vec![chars.iter().collect()];
    }
    let costs = words::break_costs(&chars);
    let penalties = break_penalties(&chars, &costs);
    let lines = line_count(total, max_units);
    if lines <= MAX_SHAPED_LINES {
        // One line more where the fewest lines would cut an issuer's name or a quoted name
        // (“全 / 民国家安全教育日”).
        // One line more, too, where the fewest would cut a word (城乡居 / 民).
        // The best split that cuts none of them, in the fewest lines up to two more; else the
        // best of the fewest lines.
        let named = issuer_names(&chars);
        let quoted = quoted_names(&chars);
        let whole: Vec<Option<f64>> = penalties
            .iter()
            .enumerate()
            .map(|(i, p)| {
                p.filter(|_| !(named[i] || quoted[i] || !words::is_word_boundary(&costs, i)))
            })
            .collect();
        for n in lines..=lines + 2 {
            if let Some(breaks) = best_breaks(&chars, &whole, n, max_units) {
                return split_at(&chars, &breaks);
            }
        }
        if let Some(breaks) = best_breaks(&chars, &penalties, lines, max_units) {
            return split_at(&chars, &breaks);
        }
    }
    // Too long to shape (or no shaped split exists): each line as full as a good break allows.
    split_at(&chars, &filled_breaks(&chars, &penalties, max_units))
}

/// Titles up to this many lines are shaped (梯形/菱形); longer ones are filled line by line.
const MAX_SHAPED_LINES: usize = 6;

/// Nodes the shaping search may visit: it keeps the best split found within them, so every
/// title is laid out in bounded time.
const SEARCH_BUDGET: usize = 200_000;

/// Line by line, the break within `max` with the lowest penalty, the later the better; a
/// forced break (no allowed point fits) goes at the last character that fits. Linear time.
fn filled_breaks(chars: &[char], pen: &[Option<f64>], max: f64) -> Vec<usize> {
    let n = chars.len();
    let mut breaks = Vec::new();
    let mut start = 0;
    loop {
        let mut w = 0.0;
        let mut end = start;
        let mut best: Option<(f64, usize)> = None;
        while end < n && w + char_width(chars[end]) <= max + 1e-9 {
            w += char_width(chars[end]);
            end += 1;
            if end < n {
                if let Some(p) = pen[end] {
                    // Prefer free breaks; among equals, the fullest line.
                    let score = p * 4.0 + (max - w);
                    if best.is_none_or(|(b, _)| score <= b) {
                        best = Some((score, end));
                    }
                }
            }
        }
        if end >= n {
            return breaks;
        }
        let at = best.map_or(end.max(start + 1), |(_, b)| b);
        breaks.push(at);
        start = at;
    }
}

/// Whether a break before index `i` falls inside a short quoted name (“全民国家安全教育日”):
/// a 转发 title's whole 《title》 may be broken, a name in quotation marks not.
fn quoted_names(chars: &[char]) -> Vec<bool> {
    let mut inside = vec![false; chars.len() + 1];
    let mut open: Option<usize> = None;
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '“' => open = Some(i),
            '”' => {
                if let Some(o) = open.take().filter(|o| i - o <= QUOTED_NAME_CHARS) {
                    inside[o + 1..=i].iter_mut().for_each(|b| *b = true);
                }
            }
            _ => {}
        }
    }
    inside
}

/// A quotation this short (characters) is a name, kept on one line where a title can.
const QUOTED_NAME_CHARS: usize = 16;

/// Penalty for a break before index `i` (1..len); `None` forbids it.
/// (`costs`: [`words::break_costs`] of `chars`, computed once by the caller.)
fn break_penalties(chars: &[char], costs: &[f64]) -> Vec<Option<f64>> {
    let n = chars.len();
    let mut pen: Vec<Option<f64>> = costs.iter().copied().map(Some).collect();
    pen[0] = None;
    pen[n] = None;
    // Inside 《》, “”, （）: only when nothing else fits (a 转发 title quotes a whole title).
    let mut bracketed = vec![false; n + 1];
    let mut depth = 0i32;
    for (i, &c) in chars.iter().enumerate() {
        if depth > 0 {
            bracketed[i] = true;
        }
        match c {
            '《' | '“' | '（' | '(' => depth += 1,
            '》' | '”' | '）' | ')' => depth -= 1,
            _ => {}
        }
    }
    let named = issuer_names(chars);
    for i in 1..n {
        let (a, b) = (chars[i - 1], chars[i]);
        if named[i] {
            pen[i] = pen[i].map(|p| p + NAMED);
        }
        let closing = "，。、；：？！）》”".contains(b);
        let opening = "（《“".contains(a);
        let number_unit = a.is_ascii_digit() && (b.is_ascii_digit() || "年月日号个届".contains(b));
        // A range of years or numbers (2026—2027年) is one word.
        let dash = |c: char| "—–-～~".contains(c);
        let range = (a.is_ascii_digit() && dash(b)) || (dash(a) && b.is_ascii_digit());
        let latin = a.is_ascii_alphanumeric() && b.is_ascii_alphanumeric();
        if closing || opening || number_unit || latin || range {
            pen[i] = None;
        } else if bracketed[i] {
            pen[i] = pen[i].map(|p| p + BRACKETED);
        }
    }
    pen
}

/// Extra penalty for a break inside an issuer's name (青岚市应急管理 / 局).
const NAMED: f64 = 40.0;

/// Which breaks fall inside the name of an issuing office: the names a title (or a title it
/// quotes) gives before its 关于, back to its start, a 《 or a mark, apart at 、 or a space;
/// at most [`NAMES_BEFORE`] characters back, so that a long title is read in linear time.
fn issuer_names(chars: &[char]) -> Vec<bool> {
    let n = chars.len();
    let mut inside = vec![false; n + 1];
    for end in 0..n.saturating_sub(1) {
        if chars[end] != '关' || chars[end + 1] != '于' {
            continue;
        }
        let mut name_end = end;
        for k in (end.saturating_sub(NAMES_BEFORE)..end).rev() {
            let c = chars[k];
            if "《，。；：“”（）".contains(c) {
                break;
            }
            if c == '、' || c.is_whitespace() {
                name_end = k;
                continue;
            }
            // A break before k + 1 (after k) inside the name that ends at name_end.
            if k + 1 < name_end {
                inside[k + 1] = true;
            }
        }
    }
    inside
}

/// How far back from 关于 the issuers' names are read.
const NAMES_BEFORE: usize = 60;

/// The cheapest `n`-line split with every line within `max` units.
fn best_breaks(chars: &[char], pen: &[Option<f64>], n: usize, max: f64) -> Option<Vec<usize>> {
    let prefix: Vec<f64> = std::iter::once(0.0)
        .chain(chars.iter().scan(0.0, |acc, &c| {
            *acc += char_width(c);
            Some(*acc)
        }))
        .collect();
    let total = prefix[chars.len()];
    let mean = total / n as f64;
    let mut best: Option<(f64, Vec<usize>)> = None;
    let mut current = Vec::new();
    let mut budget = SEARCH_BUDGET;
    search(
        &prefix,
        pen,
        n,
        max,
        mean,
        0,
        &mut current,
        0.0,
        &mut best,
        &mut budget,
    );
    best.map(|(_, b)| b)
}

#[allow(clippy::too_many_arguments)]
fn search(
    prefix: &[f64],
    pen: &[Option<f64>],
    lines_left: usize,
    max: f64,
    mean: f64,
    start: usize,
    current: &mut Vec<usize>,
    cost: f64,
    best: &mut Option<(f64, Vec<usize>)>,
    budget: &mut usize,
) {
    // Costs only grow: a partial split dearer than the best whole one cannot win.
    if *budget == 0 || best.as_ref().is_some_and(|(c, _)| cost >= *c) {
        return;
    }
    *budget -= 1;
    let end = prefix.len() - 1;
    if lines_left == 1 {
        let w = prefix[end] - prefix[start];
        if w > max + 1e-9 {
            return;
        }
        let mut widths: Vec<f64> = Vec::with_capacity(current.len() + 1);
        let mut s = 0;
        for &b in current.iter() {
            widths.push(prefix[b] - prefix[s]);
            s = b;
        }
        widths.push(w);
        let total = cost + (w - mean).powi(2) + shape_penalty(&widths);
        if best.as_ref().is_none_or(|(c, _)| total < *c) {
            *best = Some((total, current.clone()));
        }
        return;
    }
    for b in start + 1..end {
        let w = prefix[b] - prefix[start];
        if w > max + 1e-9 {
            break;
        }
        let Some(p) = pen[b] else { continue };
        current.push(b);
        search(
            prefix,
            pen,
            lines_left - 1,
            max,
            mean,
            b,
            current,
            cost + p + (w - mean).powi(2),
            best,
            budget,
        );
        current.pop();
    }
}

/// Two lines: the upper not shorter (倒梯形); three or more: the middle widest (菱形).
fn shape_penalty(widths: &[f64]) -> f64 {
    match widths {
        [a, b] if a < b => 10.0 + (b - a),
        [first, middle @ .., last] if widths.len() >= 3 => {
            let widest = middle.iter().cloned().fold(0.0, f64::max);
            let mut p = 0.0;
            if *first > widest {
                p += 4.0;
            }
            if *last > widest {
                p += 4.0;
            }
            p
        }
        _ => 0.0,
    }
}

/// The title's lines as printed: [`break_title`]'s, without the space between two issuers
/// (中共某区委办公室　某区人民政府办公室关于…) left at a line's start or end, where it would push
/// the centred line half a character aside.
pub fn printed_lines(title: &str, max_units: f64) -> Vec<String> {
    break_title(title, max_units)
        .into_iter()
        .map(|l| l.trim_matches(['\u{3000}', ' ']).to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn split_at(chars: &[char], breaks: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let mut s = 0;
    for &b in breaks.iter().chain(std::iter::once(&chars.len())) {
        out.push(chars[s..b].iter().collect());
        s = b;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_space_between_two_issuers_is_not_printed_at_a_line_s_end() {
        let title = "中共绍兴市上虞区委办公室　绍兴市上虞区人民政府办公室关于进一步做好2027年元旦春节期间走访慰问工作的通知";
        let lines = printed_lines(title, 22.0);
        assert!(lines.len() >= 2, "{lines:?}");
        for l in &lines {
            assert_eq!(l.trim_matches(['\u{3000}', ' ']), l, "{lines:?}");
        }
    }

    #[test]
    fn a_title_of_twenty_thousand_characters_is_broken_in_well_under_a_second() {
        for len in [150, 170, 400, 20_000] {
            let title: String = "关于开展活动的通知，加强工作"
                .chars()
                .cycle()
                .take(len)
                .collect();
            let t = std::time::Instant::now();
            let lines = break_title(&title, 19.0);
            let ms = t.elapsed().as_millis();
            assert!(ms < 500, "{len} characters took {ms} ms");
            assert!(lines.iter().all(|l| width_chars(l) <= 19.0), "{len}");
            assert_eq!(lines.concat(), title, "{len}: nothing lost");
        }
    }

    #[test]
    fn a_title_breaks_neither_inside_a_range_of_years_nor_inside_a_compound_term() {
        for (title, max) in [
            ("潍坊市生态环境局寿光分局关于做好2026—2027年秋冬季大气污染防治攻坚工作的通知", 22.0),
            ("关于转发《山东省生态环境厅关于做好2026—2027年秋冬季大气污染防治攻坚工作的通知》的通知", 22.0),
            ("关于印发《辉县市第39个爱国卫生月活动方案》的通知", 15.0),
        ] {
            let lines = break_title(title, max);
            for (a, b) in lines.iter().zip(lines.iter().skip(1)) {
                let seam = format!("{}|{}", a.chars().last().unwrap(), b.chars().next().unwrap());
                assert!(
                    !["6|—", "—|2", "气|污", "国|卫", "卫|生"].contains(&seam.as_str()),
                    "{lines:?}"
                );
            }
        }
    }

    #[test]
    fn short_title_stays_on_one_line() {
        assert_eq!(break_title("关于开展宣传周活动的通知", 20.0).len(), 1);
    }

    #[test]
    fn national_title_breaks_between_words_as_in_the_seed() {
        let lines = break_title("关于开展2024年全国知识产权宣传周活动的通知", 20.0);
        assert_eq!(lines, ["关于开展2024年全国知识产权", "宣传周活动的通知"]);
    }

    #[test]
    fn a_book_title_longer_than_a_line_breaks_between_its_words_as_in_seed_003() {
        // Seed 003 prints 关于印发《五华区 2023年知识产权宣传周 / 活动方案》的通知.
        let t = "关于印发《五华区2023年知识产权宣传周活动方案》的通知";
        let lines = break_title(t, 20.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].ends_with("知识产权") || lines[0].ends_with("宣传周"),
            "{lines:?}"
        );
        assert!(lines[1].ends_with("》的通知"), "{lines:?}");
    }

    #[test]
    fn a_relay_title_breaks_inside_the_quoted_title_between_words() {
        let t = "关于转发《某市防汛抗旱指挥部办公室关于做好2025年汛期安全防范工作的通知》的通知";
        let lines = break_title(t, 20.0);
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines.iter().all(|l| width_chars(l) <= 20.0));
        assert!(
            !lines[1].starts_with('知') && !lines[0].ends_with('通'),
            "{lines:?}"
        );
    }

    #[test]
    fn city_title_is_balanced_over_two_lines() {
        let lines = break_title(
            "上海市知识产权联席会议办公室关于开展2025年上海知识产权宣传周活动的通知",
            20.0,
        );
        assert_eq!(lines.len(), 2);
        assert!(lines.iter().all(|l| width_chars(l) <= 20.0));
        assert!(!lines[1].starts_with('展') && !lines[0].ends_with("知识"));
    }

    #[test]
    fn an_issuer_s_name_and_a_lexicon_term_stay_whole_in_a_relay_title() {
        let t = "关于转发《青岚市林业局、青岚市应急管理局关于做好2026—2027年度森林防火期森林草原防灭火工作的通知》的通知";
        let lines = break_title(t, 19.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with("应急管理") && !l.ends_with("防火")),
            "{lines:?}"
        );
        let t =
            "关于转发《贵州省人力资源和社会保障厅关于开展2026年冬季根治欠薪专项行动的通知》的通知";
        let lines = break_title(t, 19.0);
        assert!(
            lines
                .iter()
                .all(|l| !l.ends_with("人力资源") && !l.ends_with("专项")),
            "{lines:?}"
        );
        let lines = break_title("2026年冬季根治欠薪专项行动工作进展周报表", 13.0);
        assert!(lines.iter().all(|l| !l.ends_with("专项")), "{lines:?}");
    }

    #[test]
    fn a_split_that_cuts_no_name_is_taken_when_one_exists() {
        // Two issuers too long for one line: the break at the space between them, not inside
        // the second's name (浙江省普法 / 依法治理…); a quoted name whole (“宪法 / 宣传周”).
        let t = "浙江省司法厅 浙江省普法依法治理领导小组办公室关于开展2026年“宪法宣传周”活动的通知";
        let lines = break_title(t, 19.0);
        assert!(
            lines
                .iter()
                .any(|l| l.contains("浙江省普法依法治理领导小组办公室")),
            "{lines:?}"
        );
        let lines = break_title("关于印发《莲都区2026年“宪法宣传周”活动方案》的通知", 19.0);
        assert!(
            lines.iter().any(|l| l.contains("“宪法宣传周”")),
            "{lines:?}"
        );
    }

    #[test]
    fn titles_of_other_offices_break_between_words_never_inside() {
        // Titles of offices in no sample (and two samples' that broke inside a word: 一 / 季度,
        // 局 / 系统); every break must fall on a word boundary of the segmenter and lexicon.
        let titles = [
            "江州市市场监督管理局关于2025年一季度知识产权执法检查情况的通报",
            "上海市知识产权局关于印发局系统2024年工作要点的通知",
            "国务院办公厅关于进一步优化营商环境降低市场主体制度性交易成本的意见",
            "省教育厅关于做好2026年普通高校毕业生就业创业工作的通知",
            "市卫生健康委员会关于开展2026年全国爱国卫生月活动的通知",
            "县农业农村局关于做好2026年春季农业生产工作的通知",
            "区应急管理局关于开展2026年安全生产月活动的通知",
            "市生态环境局关于印发《2026年大气污染防治工作要点》的通知",
            "省交通运输厅关于做好2026年春运工作的通知",
            "市住房和城乡建设局关于开展城镇燃气安全专项整治的通知",
            "县民政局关于做好2026年第一季度城乡低保资金发放工作的通知",
            "市财政局关于下达2026年第二批中央财政衔接推进乡村振兴补助资金的通知",
            "省人力资源和社会保障厅关于公布2025年度职称评审结果的通知",
            "市自然资源和规划局关于开展2026年地质灾害防治工作的通知",
            "县水利局关于做好2026年汛期防汛抗旱工作的通知",
            "市商务局关于组织参加第七届中国国际进口博览会的通知",
            "区司法局关于开展“八五”普法总结验收工作的通知",
            "省林业局关于切实做好2026年春季森林草原防灭火工作的紧急通知",
            "县文化和旅游局关于做好2026年“五一”假期文化和旅游市场安全工作的通知",
            "市退役军人事务局关于做好2026年元旦春节期间走访慰问工作的通知",
            "省科学技术厅关于组织申报2026年度省重点研发计划项目的通知",
            "市医疗保障局关于进一步做好城乡居民基本医疗保险参保缴费工作的通知",
            "县人民政府办公室关于成立县第三次全国土壤普查领导小组的通知",
            "市统计局关于做好2025年统计年报和2026年定期统计报表制度实施工作的通知",
            "某省安全生产委员会办公室关于做好全省安全生产形势分析会议筹备工作的通知",
            "关于进一步加强城乡居民医疗保障待遇提标扩面工作的实施意见",
            "市防汛抗旱指挥部关于切实做好2026年主汛期防汛抢险救灾准备工作的紧急通知",
            "关于印发《全市营商环境优化提升三年行动计划（2026—2028年）》的通知",
            "县人力资源和社会保障局关于开展2026年度高校毕业生就业创业服务月活动的通知",
            "关于召开全区生态环境保护督察反馈问题整改推进会的通知",
            "中国国际贸易促进委员会关于组织参加第二十届中国国际中小企业博览会的函",
            "关于印发《光泽县2026年度基层减负专项督查调研工作方案》的通知",
            "中共南平市委办公室关于开展2026年度基层减负专项督查调研的通知",
            "县教育局关于做好2026年春季学期义务教育招生入学工作的通知",
            "市医疗保障局关于开展医保基金违法违规问题专项整治的通知",
            "县退役军人事务局关于做好退役军人优待证申领发放工作的通知",
            "市乡村振兴局关于印发乡村振兴重点帮扶县考核办法的通知",
            "舒城县医疗保障局关于做好2027年度城乡居民基本医疗保险集中参保缴费工作的通知",
        ];
        assert_eq!(titles.len(), 38);
        // 19: a 2号 title's line in the text block, as compose breaks it; 20 as well.
        for (t, max) in titles.iter().flat_map(|t| [(*t, 19.0), (*t, 20.0)]) {
            let lines = break_title(t, max);
            assert!(lines.iter().all(|l| width_chars(l) <= max), "{lines:?}");
            let chars: Vec<char> = t.chars().collect();
            let costs = words::break_costs(&chars);
            let mut at = 0;
            for l in &lines[..lines.len() - 1] {
                at += l.chars().count();
                assert!(words::is_word_boundary(&costs, at), "{t}: {lines:?}");
            }
            assert!(
                !lines.iter().any(|l| l.starts_with("生产")
                    || l.ends_with("安全")
                    || l.ends_with('主')
                    || l.ends_with('一')
                    || l.starts_with("季度")
                    || l.starts_with("系统")),
                "{lines:?}"
            );
        }
    }
}
#[cfg(test)]
mod quoted_tests {
    use super::*;

    #[test]
    fn a_quoted_name_is_not_broken_where_a_word_boundary_outside_it_will_do() {
        let lines = break_title(
            "开化县人民政府办公室关于开展2027年“全民国家安全教育日”宣传教育活动的通知",
            19.0,
        );
        assert!(
            lines
                .iter()
                .all(|l| l.matches('“').count() == l.matches('”').count()),
            "{lines:?}"
        );
    }
}
