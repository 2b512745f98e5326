//! Which campaign a derivation is about: its name as the upper office writes it, without its
//! scope word, and its short form — from the upstream's `[campaign]` or read from its title.

use super::defaults::TitleWords;
use crate::spec::{Campaign, Spec};

/// The names of the upstream's campaign.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Names {
    /// 上级的活动名称 with its scope word, e.g. 全国××活动周.
    pub full: String,
    /// 活动名称 without the scope word, e.g. ××活动周: the lower office puts its own scope first.
    pub name: String,
    /// 活动简称, e.g. ××周 (default: the name).
    pub short: String,
}

/// Whether a campaign is an action (专项行动, 专项整治), not an event: by its name, else the
/// name its title gives.
pub fn is_action(campaign: &Campaign, title: &str, w: &TitleWords) -> bool {
    let name = campaign
        .name
        .clone()
        .or_else(|| name_from_title(title, w))
        .unwrap_or_default();
    let name = name.trim_end_matches(['”', '"']);
    w.action_words.iter().any(|a| name.ends_with(a.as_str()))
}

/// The campaign's names: `[campaign] name`/`short` when given, else read from `title`.
pub fn names(upstream: &Spec, campaign: &Campaign, title: &str, w: &TitleWords) -> Option<Names> {
    let full = campaign
        .name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(str::to_owned)
        .or_else(|| name_from_title(title, w))?;
    // Without the quotation marks a title or an import gives the name (“××月”): the patterns
    // set their own (进行“{short}”的…), and a name in them keeps them (`is_quoted`).
    // A name that quotes a part of itself (“119”消防宣传月) keeps its marks.
    let bare = |s: &str| {
        s.strip_prefix('“')
            .and_then(|r| r.strip_suffix('”'))
            .filter(|inner| !inner.contains(['“', '”']))
            .unwrap_or(s)
            .to_owned()
    };
    let places = places(upstream, w);
    let full = without_series(&full, &places, w);
    let name = if is_national_day(&full, w) {
        full.clone()
    } else {
        bare(&without_scope(&full, &places, w))
    };
    let short = campaign
        .short
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map_or_else(|| name.clone(), bare);
    Some(Names { full, name, short })
}

/// The subject (事由) of a title: the words between 关于 and 的通知, e.g. 做好2025年××工作.
pub fn subject(title: &str, w: &TitleWords) -> String {
    let after = title
        .find("关于")
        .map_or(title, |i| &title[i + "关于".len()..]);
    let mut s = after.trim();
    for e in &w.endings {
        if let Some(rest) = s.strip_suffix(e.as_str()) {
            s = rest;
            break;
        }
    }
    s.trim().to_owned()
}

/// The subject of a document an upstream prints (绵阳市2026年××工作方案 → 做好2026年××工作): its
/// title without the upstream's place before the year and without its document type, in the
/// words' `document_subject`; none for a title that ends in no document type.
pub fn document_subject(title: &str, places: &[String], w: &TitleWords) -> Option<String> {
    let rest = without_document_type(title.trim(), w)?;
    // 某市人民政府办公室关于进一步加强××管理的实施意见: the subject is what it is about, as written.
    if let Some(at) = rest.find("关于") {
        let about = rest[at + "关于".len()..].trim_end_matches('的').trim();
        return (!about.is_empty()).then(|| about.to_owned());
    }
    let rest = places
        .iter()
        .find_map(|p| rest.strip_prefix(p.as_str()))
        .unwrap_or(rest);
    // The place may follow the year (2026年嘉兴市城乡…要点): it goes there too.
    let rest = year_then_place(rest, places).unwrap_or_else(|| rest.to_owned());
    let rest = rest.as_str();
    let topic = rest.strip_suffix("工作").unwrap_or(rest);
    (!topic.is_empty()).then(|| w.document_subject.replace("{topic}", topic))
}

/// `title` without the document type it ends in (实施方案, 工作要点 …; the longest that fits).
pub(crate) fn without_document_type<'t>(title: &'t str, w: &TitleWords) -> Option<&'t str> {
    w.document_endings
        .iter()
        .filter_map(|e| title.strip_suffix(e.as_str()))
        .min_by_key(|rest| rest.len())
}

/// `2026年` + place + rest → `2026年` + rest, where the title's place follows its year.
fn year_then_place(title: &str, places: &[String]) -> Option<String> {
    let digits = title.bytes().take_while(u8::is_ascii_digit).count();
    let after = title[digits..].strip_prefix('年').filter(|_| digits == 4)?;
    let rest = places.iter().find_map(|p| after.strip_prefix(p.as_str()))?;
    Some(format!("{}{rest}", &title[..digits + '年'.len_utf8()]))
}

/// A work notice's topic: its subject without the verb and a trailing 工作
/// (做好2026年××工作 → 2026年××).
pub fn topic(subject: &str, w: &TitleWords) -> String {
    let mut verbs: Vec<&String> = w.work_verbs.iter().collect();
    verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
    let s = verbs
        .iter()
        .find_map(|v| subject.strip_prefix(v.as_str()))
        .unwrap_or(subject);
    s.strip_suffix("工作").unwrap_or(s).to_owned()
}

/// The campaign's name in a title such as 关于开展2025年全国××活动周活动的通知.
pub fn name_from_title(title: &str, w: &TitleWords) -> Option<String> {
    let mut s = subject(title, w);
    // A plan's title (2026年某州“安全生产月”活动方案): the name is before its document type.
    if let Some(rest) = without_document_type(&s, w) {
        s = rest.to_owned();
    }
    let mut verbs: Vec<&String> = w.verbs.iter().collect();
    verbs.sort_by_key(|v| std::cmp::Reverse(v.chars().count()));
    if let Some(v) = verbs.iter().find(|v| s.starts_with(v.as_str())) {
        s = s[v.len()..].to_owned();
    }
    s = strip_year(&s).to_owned();
    s = strip_ordinal(&s).to_owned();
    if let Some(rest) = s.strip_suffix(w.event_word.as_str()) {
        if !rest.is_empty() {
            s = rest.to_owned();
        }
    }
    let s = s.trim().to_owned();
    (!s.is_empty()).then_some(s)
}

/// `2025年` at the start.
fn strip_year(s: &str) -> &str {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    match s[digits..].strip_prefix('年') {
        Some(rest) if digits == 4 => rest,
        _ => s,
    }
}

/// Whether `s` names an edition (第38个, 第二十五届) of what it holds.
pub fn names_edition(s: &str) -> bool {
    s.match_indices('第')
        .any(|(i, _)| strip_ordinal(&s[i..]).len() < s.len() - i)
}

/// The edition `s` names (38 of 第38个, 25 of 第二十五届), the first one.
pub fn edition_in(s: &str) -> Option<i32> {
    s.match_indices('第').find_map(|(i, _)| {
        let rest = &s[i + '第'.len_utf8()..];
        let number: String = rest.chars().take_while(|c| is_numeral(*c)).collect();
        let after = &rest[number.len()..];
        if number.is_empty() || !after.starts_with(['届', '个', '次']) {
            return None;
        }
        match number.parse::<i32>() {
            Ok(n) => Some(n),
            Err(_) => chinese_number(&number),
        }
    })
}

/// A number in Chinese numerals below 10000 (三十八, 二十五, 十一, 一百零五).
fn chinese_number(s: &str) -> Option<i32> {
    let digit = |c: char| "〇一二三四五六七八九".find(c).map(|i| (i / 3) as i32);
    let (mut total, mut current) = (0, 0);
    for c in s.chars() {
        match c {
            '零' | '〇' => {}
            '两' => current = 2,
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += current.max(1) * unit;
                current = 0;
            }
            _ => current = digit(c)?,
        }
    }
    let n = total + current;
    (n > 0).then_some(n)
}

/// `第二十五届` / `第25个` at the start: the edition is not part of the name.
fn strip_ordinal(s: &str) -> &str {
    let Some(rest) = s.strip_prefix('第') else {
        return s;
    };
    for (i, c) in rest.char_indices().take(8) {
        if matches!(c, '届' | '个' | '次') {
            let number = &rest[..i];
            if !number.is_empty() && number.chars().all(is_numeral) {
                return &rest[i + c.len_utf8()..];
            }
        }
    }
    s
}

fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "〇零一二三四五六七八九十百千两".contains(c)
}

/// A campaign named in quotation marks (“××月”, “全国土地日”主题宣传), in its name or in the
/// upstream's `title`: a name of its own.
pub fn is_quoted(name: &str, title: &str) -> bool {
    // A name opening with a quoted name of words (“全国土地日”主题宣传), not a code (“119”消防
    // 宣传月, which a place goes before).
    let opens_quoted = name
        .strip_prefix('“')
        .and_then(|r| r.split_once('”'))
        .is_some_and(|(inner, _)| inner.chars().filter(|c| !c.is_ascii()).count() >= 2);
    opens_quoted || (!name.is_empty() && title.contains(&format!("“{name}”")))
}

/// A national day's name with its scope word (全国科普日): kept whole.
pub fn is_national_day(name: &str, w: &TitleWords) -> bool {
    let national = w.scope_words.first().map_or("", String::as_str);
    !national.is_empty()
        && name.starts_with(national)
        && w.national_days.iter().any(|e| name.ends_with(e.as_str()))
}

/// The name without the upper office's place and series word after it (全国科普日株洲市系列 →
/// 全国科普日).
fn without_series(full: &str, places: &[String], w: &TitleWords) -> String {
    let Some(rest) = w
        .series_words
        .iter()
        .find_map(|s| full.strip_suffix(s.as_str()))
    else {
        return full.to_owned();
    };
    let rest = places
        .iter()
        .find_map(|p| rest.strip_suffix(p.as_str()))
        .unwrap_or(rest);
    if rest.is_empty() {
        full.to_owned()
    } else {
        rest.to_owned()
    }
}

/// Place names of the upstream's issuers, e.g. 某某省 and 某某 from 某某省××委员会办公室 (and
/// from 中共某某市委…, the Party's prefix left out).
pub fn places(upstream: &Spec, w: &TitleWords) -> Vec<String> {
    let mut issuers: Vec<String> = Vec::new();
    if let Some(h) = &upstream.header {
        issuers.extend(h.issuers.iter().cloned());
    }
    if let Some(s) = &upstream.signature {
        issuers.extend(s.names());
    }
    let mut out = Vec::new();
    for issuer in issuers {
        let mut rest = issuer.trim();
        rest = rest.strip_prefix("中共").unwrap_or(rest);
        while let Some((place, tail)) = leading_place(rest, w) {
            let bare = w
                .place_endings
                .iter()
                .find_map(|e| place.strip_suffix(e.as_str()))
                .filter(|b| b.chars().count() >= 2);
            out.extend(bare.map(str::to_owned));
            out.push(place.to_owned());
            rest = tail;
        }
    }
    out.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    out.dedup();
    out
}

/// The place at the start of `s` (at least two characters before its ending), and the rest.
fn leading_place<'a>(s: &'a str, w: &TitleWords) -> Option<(&'a str, &'a str)> {
    let end = w
        .place_endings
        .iter()
        .filter_map(|e| s.find(e.as_str()).map(|i| (i, i + e.len())))
        .filter(|(i, _)| s[..*i].chars().count() >= 2)
        .min_by_key(|(i, end)| (*end, std::cmp::Reverse(*i)))?
        .1;
    // A place name is short: 内蒙古自治区 is the longest usual one.
    (s[..end].chars().count() <= 8).then(|| (&s[..end], &s[end..]))
}

/// A title of the upstream's (an annex's) with its leading scope word or place (全省, 某某省)
/// made the office's `scope`.
pub fn local_title(title: &str, upstream: &Spec, w: &TitleWords, scope: &str) -> String {
    // After a leading year ({year}年, 2026年), if any.
    let digits = title.bytes().take_while(u8::is_ascii_digit).count();
    let year = if title.starts_with("{year}年") {
        "{year}年".len()
    } else if digits == 4 && title[digits..].starts_with('年') {
        digits + '年'.len_utf8()
    } else {
        0
    };
    let (year, title) = title.split_at(year);
    let places = places(upstream, w);
    if scope.is_empty() {
        return format!("{year}{title}");
    }
    // A national day's name keeps its scope word (2027年全国科普日株洲市系列活动申报表); the
    // upper office's place after it is the office's (…全国科普日攸县系列活动申报表).
    let day = w.scope_words.first().filter(|national| {
        title.starts_with(national.as_str())
            && w.national_days.iter().any(|d| {
                title
                    .find(d.as_str())
                    .is_some_and(|at| title[..at].chars().count() <= NATIONAL_DAY_CHARS)
            })
    });
    if day.is_some() {
        let named = places
            .iter()
            .filter(|p| w.place_endings.iter().any(|e| p.ends_with(e.as_str())))
            .find(|p| title.contains(p.as_str()));
        return match named {
            Some(p) => format!("{year}{}", title.replacen(p.as_str(), scope, 1)),
            None => format!("{year}{title}"),
        };
    }
    let prefix = w
        .scope_words
        .iter()
        .chain(&places)
        .filter(|p| title.starts_with(p.as_str()) && title.len() > p.len())
        .max_by_key(|p| p.len());
    match prefix {
        Some(p) => format!("{year}{scope}{}", &title[p.len()..]),
        None => format!("{year}{title}"),
    }
}

/// The longest name of a national day before its 日 (全国中小学生安全教育日: 11).
const NATIONAL_DAY_CHARS: usize = 12;

/// The name without the upper office's scope word (全国, 全省, its own place).
fn without_scope(full: &str, places: &[String], w: &TitleWords) -> String {
    let mut s = full.trim();
    loop {
        let before = s;
        for p in w.scope_words.iter().chain(places) {
            if let Some(rest) = s.strip_prefix(p.as_str()) {
                if !rest.is_empty() {
                    s = rest;
                }
            }
        }
        if s == before {
            return s.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::derive::defaults::Defaults;

    fn w() -> &'static TitleWords {
        &Defaults::embedded().title
    }

    #[test]
    fn names_are_read_from_titles_of_many_campaigns() {
        for (title, full) in [
            ("关于开展2025年全国科技活动周活动的通知", "全国科技活动周"),
            ("关于举办2025年全国科技活动周的通知", "全国科技活动周"),
            (
                "关于组织开展2024年全省食品安全宣传周活动的通知",
                "全省食品安全宣传周",
            ),
            ("某市某办关于开展2023年节能宣传周活动的通知", "节能宣传周"),
            (
                "关于开展第二十五届全国科技活动周活动的通知",
                "全国科技活动周",
            ),
            ("关于开展2025年全国“质量月”活动的通知", "全国“质量月”"),
        ] {
            assert_eq!(
                name_from_title(title, w()).as_deref(),
                Some(full),
                "{title}"
            );
        }
        assert_eq!(name_from_title("关于的通知", w()), None);
    }

    #[test]
    fn the_subject_is_between_guanyu_and_the_kind() {
        assert_eq!(
            subject("某市防汛办关于做好2025年汛期安全防范工作的通知", w()),
            "做好2025年汛期安全防范工作"
        );
    }

    #[test]
    fn an_opinion_s_subject_is_what_it_is_about() {
        assert_eq!(
            document_subject(
                "某市人民政府办公室关于进一步加强农村集体“三资”管理的实施意见",
                &["某市".to_owned()],
                w()
            )
            .as_deref(),
            Some("进一步加强农村集体“三资”管理")
        );
    }

    #[test]
    fn a_plan_s_title_names_its_campaign_before_its_document_type() {
        assert_eq!(
            name_from_title("2026年某州“安全生产月”活动方案", w()).as_deref(),
            Some("某州“安全生产月”")
        );
    }

    #[test]
    fn a_printed_document_s_subject_drops_the_place_before_or_after_its_year() {
        let places = vec!["嘉兴市".to_owned(), "嘉兴".to_owned()];
        for title in [
            "2026年嘉兴市城乡生活垃圾分类工作要点",
            "嘉兴市2026年城乡生活垃圾分类工作要点",
        ] {
            assert_eq!(
                document_subject(title, &places, w()).as_deref(),
                Some("做好2026年城乡生活垃圾分类工作"),
                "{title}"
            );
        }
    }

    #[test]
    fn scope_words_and_the_issuer_s_place_are_stripped() {
        let places = vec!["江苏省".to_owned(), "江苏".to_owned()];
        assert_eq!(without_scope("全国科技活动周", &[], w()), "科技活动周");
        assert_eq!(
            without_scope("江苏食品安全宣传周", &places, w()),
            "食品安全宣传周"
        );
        assert_eq!(
            without_scope("全省食品安全宣传周", &places, w()),
            "食品安全宣传周"
        );
        assert_eq!(
            without_scope("全民国家安全教育日", &[], w()),
            "全民国家安全教育日"
        );
    }

    #[test]
    fn places_come_from_issuer_names() {
        assert_eq!(
            leading_place("苏州市吴江区市场监督管理局", w()),
            Some(("苏州市", "吴江区市场监督管理局"))
        );
        assert_eq!(
            leading_place("新疆维吾尔自治区科学技术厅", w()),
            Some(("新疆维吾尔自治区", "科学技术厅"))
        );
        assert_eq!(leading_place("市场监管总局", w()), None);
        assert_eq!(leading_place("科学技术部", w()), None);
    }

    #[test]
    fn an_edition_is_read_in_digits_or_chinese_numerals() {
        assert_eq!(edition_in("关于开展第38个爱国卫生月活动的通知"), Some(38));
        assert_eq!(edition_in("第二十五届全国科技活动周"), Some(25));
        assert_eq!(edition_in("第十一届"), Some(11));
        assert_eq!(edition_in("第一百零五次"), Some(105));
        assert_eq!(edition_in("第二批"), None);
    }
}
