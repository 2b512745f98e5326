//! Upstream notice + office profile → the lower office's draft spec (DESIGN §7).
//!
//! Nothing here knows a campaign: its name comes from the upstream (`[campaign] name` or its
//! title, [`campaign`]), the office's wording from its profile ([`profile`]), and every other
//! word from the derivation defaults ([`defaults`], `templates/derive/defaults.toml`). The
//! rules are named functions — [`citation`], [`substitute`], [`inherited_opening`],
//! [`deadlines`], [`phases`] and the section rules of [`body`]. [`ctx::Ctx`] holds what one
//! derivation shares (words, dates, names); each derived kind builds the typed spec in its own
//! file (`notice`, `plan`, `cover`, `relay`), and [`derive`] adds the provenance, header and
//! signature and hands it to the one spec writer. The draft marks with 【待填写】 what only the
//! office can write.

pub mod body;
pub mod campaign;
mod cover;
pub mod ctx;
pub mod defaults;
mod form_rows;
pub mod localise;
mod notice;
pub mod opening;
mod periods;
mod plan;
pub mod profile;
mod relay;
pub mod relayed;
pub mod relayer_dates;
pub mod review;
pub mod stages;

use crate::calendar::{Calendar, CalendarError};
use crate::compose::text::book_title;
use crate::error::{Diagnostic, Error, Result};
use crate::spec::conventions::PLACEHOLDER;
use crate::spec::year::expand;
use crate::spec::{Annotated, Campaign, DocKind, Enclosure, Phase, Section, Spec};
use chrono::{Datelike, NaiveDate};
use defaults::Defaults;
use profile::{PhaseRule, Profile, Span, Substitution};
use serde::Deserialize;
use std::borrow::Cow;
use std::path::{Path, PathBuf};

/// What the lower office writes from the upstream notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DeriveAs {
    /// Its own notice (seed 000).
    Notice,
    /// Its activity plan (seed 001).
    Plan,
    /// A cover notice transmitting its plan (seed 003).
    Cover,
    /// A notice relaying the upstream document as it is (转发通知).
    Relay,
}

impl DeriveAs {
    /// Every kind of derived document.
    pub const ALL: [DeriveAs; 4] = [
        DeriveAs::Notice,
        DeriveAs::Plan,
        DeriveAs::Cover,
        DeriveAs::Relay,
    ];

    /// Its Chinese name (文种), as the web app offers it.
    pub fn label(self) -> &'static str {
        match self {
            DeriveAs::Notice => "通知",
            DeriveAs::Plan => "活动方案",
            DeriveAs::Cover => "印发通知",
            DeriveAs::Relay => "转发通知",
        }
    }

    /// The name used in file names, rules (`for = […]`) and the provenance.
    pub fn name(self) -> &'static str {
        match self {
            DeriveAs::Notice => "notice",
            DeriveAs::Plan => "plan",
            DeriveAs::Cover => "cover",
            DeriveAs::Relay => "relay",
        }
    }
}

/// A derived draft and what the office should know about it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft spec, with its comments.
    pub spec: Annotated,
    /// The draft spec as TOML (written from `spec`).
    pub toml: String,
    /// File name for it, e.g. hubei-scitech-2025-notice.toml.
    pub file_name: String,
    /// What the office still has to fill in.
    pub todo: Vec<String>,
    /// How each substitution was applied (and which never matched).
    pub substitutions: Vec<String>,
}

/// A TOML file as read: its parsed value, its text and its path (to locate errors in it).
#[derive(Debug, Clone)]
pub struct Source<T> {
    /// The parsed file.
    pub value: T,
    /// Its text.
    pub text: String,
    /// Its path as given.
    pub path: PathBuf,
}

impl<T> Source<T> {
    /// An error about `field` of this file, with its line and column.
    pub fn error(&self, field: &str, message: String) -> Diagnostic {
        crate::spec::located(&self.text, &self.path, field, message)
    }

    /// The file's stem, e.g. hubei-scitech (names the office's drafts).
    pub fn id(&self) -> String {
        self.path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned()
    }
}

/// The upper office's notice, as written (variables not expanded).
pub type Upstream = Source<Spec>;
/// An office profile.
pub type Office = Source<Profile>;

/// Reads an upstream notice (a spec file) to derive from.
/// A paragraph longer than a spec may hold is refused before it is worked on (a hostile
/// received file's one paragraph of 400,000 characters took 9 s to localise and was refused
/// only when the draft was checked).
pub fn load_upstream(path: &Path) -> Result<Upstream> {
    let text = crate::spec::read(path)?;
    let value = crate::spec::load_template(path)?;
    let max = crate::spec::conventions::MAX_TEXT_CHARS;
    let too_long: Vec<_> = crate::spec::texts::texts(&value)
        .into_iter()
        .filter_map(|(field, t)| {
            let n = t.chars().count();
            (n > max).then(|| {
                let message = format!("该段有 {n} 个字符，超过上限 {max}；请分段后再派生");
                crate::spec::located(&text, path, &field, message)
            })
        })
        .collect();
    if !too_long.is_empty() {
        return Err(crate::error::Error::Spec(too_long));
    }
    Ok(Source {
        value,
        text,
        path: path.to_owned(),
    })
}

/// Reads an office profile; a rule that cannot work is an error located in the profile.
pub fn load_office(path: &Path) -> Result<Office> {
    let text = crate::spec::read(path)?;
    let value: Profile = crate::spec::deserialize(&text, path)?;
    let office = Source {
        value,
        text,
        path: path.to_owned(),
    };
    let mut problems = profile::problems(&office.value);
    if let Some(seal) = &office.value.office.seal {
        if !seal_path(&office.path, seal).is_file() {
            problems.push((
                "office.seal".to_owned(),
                format!("印章图片“{seal}”不存在（路径相对于机关资料文件所在的文件夹）"),
            ));
        }
    }
    if problems.is_empty() {
        Ok(office)
    } else {
        Err(Error::Spec(
            problems
                .into_iter()
                .map(|(field, message)| office.error(&field, message))
                .collect(),
        ))
    }
}

/// Where a profile's seal image is: `seal` relative to the profile's folder, made absolute so
/// that a draft written elsewhere still finds it.
pub fn seal_path(profile: &Path, seal: &str) -> PathBuf {
    let joined = profile.parent().unwrap_or(Path::new("")).join(seal);
    std::fs::canonicalize(&joined).unwrap_or(joined)
}

/// `citation`: 根据…《title》（number）要求， — or 根据《title》的要求， without a number;
/// the issuer is named unless the title already starts with it.
pub fn citation(upstream: &Spec, campaign: Option<&Campaign>) -> String {
    if let Some(e) = relayed::relayed_doc(upstream) {
        return relayed_citation(upstream, &e, campaign);
    }
    let title = upstream_title(upstream, campaign);
    // A joint title that names its issuers apart (杭州市民政局　杭州市财政局　杭州市残疾人联合会
    // 关于…) is cited after them, joined by 、: 杭州市民政局、…《关于…的通知》.
    if let Some((issuers, rest)) = joint_title(&title) {
        let number = number_of(upstream).map(|n| format!("（{n}）"));
        return match number {
            Some(n) => format!("根据{issuers}{}{n}要求，", book_title(rest)),
            None => format!("根据{issuers}{}的要求，", book_title(rest)),
        };
    }
    // A title that names its issuer already (民政部办公厅关于…) is cited alone.
    let issuer = issuer_of(upstream).filter(|i| {
        let first = i.split('、').next().unwrap_or(i);
        !title.starts_with(first)
    });
    let issuer = issuer.unwrap_or_default();
    match number_of(upstream) {
        Some(number) => {
            format!("根据{issuer}{}（{number}）要求，", book_title(&title))
        }
        None => format!("根据{issuer}{}的要求，", book_title(&title)),
    }
}

/// A title that starts with two or more issuers parted by spaces before its 关于: the issuers
/// joined by 、 and the title from 关于.
fn joint_title(title: &str) -> Option<(String, &str)> {
    let at = title.find("关于")?;
    let names: Vec<&str> = title[..at].split_whitespace().collect();
    (names.len() >= 2 && names.iter().all(|n| n.chars().count() >= 2))
        .then(|| (names.join("、"), &title[at..]))
}

/// The upstream's 发文字号, as printed (豫农发〔2026〕9号).
pub(crate) fn number_of(upstream: &Spec) -> Option<String> {
    let n = upstream.header.as_ref()?.doc_number.as_ref()?;
    Some(crate::compose::text::doc_number(&n.code, n.year, n.serial))
}

/// A relayed document is cited first, by its title and number, and the office that relayed it
/// after: 根据《四川省教育厅关于…的通知》（川教函〔2026〕412号）和德阳市教育和体育局有关要求，
fn relayed_citation(upstream: &Spec, e: &Enclosure, campaign: Option<&Campaign>) -> String {
    let title = expand(&e.title, campaign).unwrap_or_else(|_| e.title.clone());
    let number = e
        .number
        .as_ref()
        .map(|n| format!("（{n}）"))
        .unwrap_or_default();
    match issuer_of(upstream) {
        Some(by) => format!("根据{}{number}和{by}有关要求，", book_title(&title)),
        None => format!("根据{}{number}要求，", book_title(&title)),
    }
}

/// The upstream's title with its year variables expanded: a relaying notice's is the relayed
/// document's, whose subject the office's draft takes up.
fn upstream_title(upstream: &Spec, campaign: Option<&Campaign>) -> String {
    let raw = match (relayed::relayed_doc(upstream), printed_document(upstream)) {
        (Some(e), _) => e.title.clone(),
        (None, Some(e)) => e.title,
        _ => crate::compose::cover_title(upstream),
    };
    expand(&raw, campaign).unwrap_or(raw)
}

/// The document of the upstream's own that a work notice prints (关于印发《绵阳市2026年××工作
/// 方案》的通知), printed after it or attached as a file: the draft takes up its subject, not the
/// notice's 印发.
pub(crate) fn printed_document(upstream: &Spec) -> Option<Enclosure> {
    let d = Defaults::embedded();
    let printed = upstream
        .printed()
        .cloned()
        .or_else(|| relayed::attached_by(upstream, &d.patterns.print_verb))?;
    let document = campaign::without_document_type(printed.title.trim(), &d.title).is_some();
    (upstream.campaign.is_none() && document).then_some(printed)
}

/// The sentences of a cover notice's transmit request after its first (现将《…》印发给你们，
/// 请认真组织实施。各县（市）安委会要于5月25日前…): what it asks beyond carrying the document out.
fn transmit_requests(upstream: &Spec) -> Option<String> {
    upstream.printed()?;
    let t = upstream.transmit.as_deref()?.trim();
    let end = t.find('。')? + '。'.len_utf8();
    Some(t[end..].trim().to_owned()).filter(|r| !r.is_empty())
}

/// Who issued the upstream: its signature (a 主任单位 signs for its committee), else its
/// joint issuers.
fn issuer_of(upstream: &Spec) -> Option<String> {
    let signed = upstream
        .signature
        .as_ref()
        .map(|s| {
            let names = s.names();
            let names: Vec<&str> = names
                .iter()
                .map(|n| n.trim_end_matches("主任单位"))
                .collect();
            names.join("、")
        })
        .filter(|i| !i.is_empty());
    signed.or_else(|| upstream.header.as_ref().map(|h| h.issuers.join("、")))
}

/// `substitute`: the office's wording in inherited text; counts every replacement.
pub fn substitute(text: &str, subs: &[Substitution], counts: &mut [usize]) -> String {
    let mut out = text.to_owned();
    for (s, count) in subs.iter().zip(counts.iter_mut()) {
        let n = out.matches(s.from.as_str()).count();
        if n > 0 {
            *count += n;
            out = out.replace(s.from.as_str(), &s.to);
        }
    }
    out
}

/// `inherited-opening`: the upstream's opening paragraphs, its background kept whole and its
/// reasons joined to the citation and the office's decision ([`opening::opening`]).
pub fn inherited_opening(upstream: &Spec, decision: &str, cite: &str) -> Vec<String> {
    let words = &Defaults::embedded().opening;
    opening::opening(opening_of(upstream), cite, decision, words)
}

/// The upstream's opening paragraphs (a cover notice's enclosure carries them when it has none).
pub(crate) fn opening_of(upstream: &Spec) -> &[String] {
    match &upstream.enclosure {
        Some(e) if upstream.relayed().is_some() && !e.opening.0.is_empty() => &e.opening.0,
        Some(e) if upstream.opening.0.is_empty() => &e.opening.0,
        _ => &upstream.opening.0,
    }
}

/// The upstream's sections (a cover notice's are its enclosure's; a relaying notice's are the
/// relayed document's, then the requirements the relaying office added).
fn sections_of(upstream: &Spec) -> Cow<'_, [Section]> {
    match &upstream.enclosure {
        Some(e) if upstream.relayed().is_some() => Cow::Owned(
            e.sections
                .iter()
                .chain(&upstream.sections)
                .cloned()
                .collect(),
        ),
        Some(e) if upstream.sections.is_empty() => Cow::Borrowed(&e.sections),
        _ => Cow::Borrowed(&upstream.sections),
    }
}

/// The computed dates of a derivation, as `{date:…}` variables of the campaign year.
#[derive(Debug, Clone, PartialEq)]
pub struct Dates {
    /// 活动安排报送截止 with weekday, e.g. {workday:start-5:weekday}.
    pub report_by: String,
    /// That deadline's date.
    pub report: NaiveDate,
    /// 总结报送截止, e.g. {workday:end+5}.
    pub summary_by: String,
    /// 总结 working days, e.g. 5.
    pub summary_workdays: u32,
    /// 成文日期.
    pub issued: NaiveDate,
    /// 准备阶段 start.
    pub prepare_start: NaiveDate,
    /// 总结阶段 (the summary deadline).
    pub summary: NaiveDate,
}

/// A date as the spec writes it for compose ({date:03-08}, with `:weekday` for its weekday).
pub(crate) fn date_var(d: NaiveDate, weekday: bool) -> String {
    let suffix = if weekday { ":weekday" } else { "" };
    format!("{{date:{:02}-{:02}{suffix}}}", d.month(), d.day())
}

/// `deadlines`: report-by, issue and summary dates in working days of the holiday schedule.
pub fn deadlines(c: &Campaign, p: &Profile, cal: &Calendar) -> Result<Dates, CalendarError> {
    let d = &p.deadlines;
    let report = cal.sub_workdays(c.start, d.report_workdays_before)?;
    let summary = cal.add_workdays(c.end, d.summary_workdays_after)?;
    let issued = cal.sub_workdays(
        c.start,
        p.office
            .issue_workdays_before
            .unwrap_or(profile::ISSUE_WORKDAYS_BEFORE),
    )?;
    let prepare_start = cal.sub_workdays(c.start, d.prepare_workdays_before)?;
    // As working days of the campaign's dates where the shipped schedule knows the year, so that
    // next year's edition (`--year`) counts them again; else as the date counted here (with a
    // schedule given by --holidays).
    let shipped = Calendar::embedded().is_some_and(|e| e.years().any(|y| *y == c.year));
    let var = |rule: String, date: NaiveDate, weekday: bool| {
        if shipped {
            let suffix = if weekday { ":weekday" } else { "" };
            format!("{{workday:{rule}{suffix}}}")
        } else {
            date_var(date, weekday)
        }
    };
    Ok(Dates {
        report_by: var(format!("start-{}", d.report_workdays_before), report, true),
        report,
        summary_by: var(format!("end+{}", d.summary_workdays_after), summary, false),
        summary_workdays: d.summary_workdays_after,
        issued,
        prepare_start,
        summary,
    })
}

/// The summary deadline the upstream sets itself (…请于7月5日前将活动总结报送…), made the
/// office's as the localiser makes every deadline (earlier by the profile's working days): the
/// plan's 总结阶段 and `{summary_by}` follow it, not a date counted from the campaign's end
/// that differs from the one the draft's own text gives (after it, or before it).
pub fn follow_upstream_summary(
    dates: &mut Dates,
    upstream: &Spec,
    c: &Campaign,
    p: &Profile,
    cal: &Calendar,
) {
    let since = upstream.signature.as_ref().map_or(
        NaiveDate::from_ymd_opt(c.year, 1, 1).unwrap_or(c.start),
        |s| s.date,
    );
    let window = c.end + chrono::Duration::days(60);
    let found = crate::spec::texts::texts(upstream)
        .iter()
        .filter(|(_, t)| t.contains("总结"))
        .flat_map(|(_, t)| deadlines_in(t, since))
        .filter(|d| *d > c.end && *d <= window)
        .min();
    let Some((due, own)) =
        found.and_then(|d| Some((d, cal.sub_workdays(d, p.deadlines.lead_workdays).ok()?)))
    else {
        return;
    };
    // Not brought forward into the campaign: the first working day after it at the soonest.
    let own = if own <= c.end {
        cal.add_workdays(c.end, 1)
            .ok()
            .filter(|d| *d < due)
            .unwrap_or(due)
    } else {
        own
    };
    dates.summary = own;
    dates.summary_by = date_var(own, false);
    dates.summary_workdays = (0..=60)
        .find(|&k| cal.add_workdays(c.end, k).is_ok_and(|d| d >= own))
        .unwrap_or(dates.summary_workdays);
}

/// The upstream's own deadline for the offices' plans (请各设区市于5月20日前将本地活动方案…报送):
/// `{report_by}` comes at least the profile's lead before it, where counting back from the
/// campaign's start alone would ask the office's units for their plans after the upper office
/// wants the office's own.
pub fn follow_upstream_report(
    dates: &mut Dates,
    upstream: &Spec,
    c: &Campaign,
    p: &Profile,
    cal: &Calendar,
) {
    let Some(since) = upstream.signature.as_ref().map(|s| s.date) else {
        return;
    };
    let found = crate::spec::texts::texts(upstream)
        .iter()
        .flat_map(|(_, t)| t.split_inclusive(['。', '；']))
        .filter(|t| PLAN_WORDS.iter().any(|w| t.contains(w)))
        .flat_map(|t| deadlines_in(t, since))
        .filter(|d| *d < c.start && *d > since)
        .min();
    let Some(own) = found.and_then(|d| cal.sub_workdays(d, p.deadlines.lead_workdays).ok()) else {
        return;
    };
    if own < dates.report && own > since {
        dates.report = own;
        dates.report_by = date_var(own, true);
    }
}

/// Words naming what a lower office reports before a campaign (its plan).
const PLAN_WORDS: [&str; 2] = ["方案", "活动安排"];

/// The dates of the deadlines (`M月D日前`) in `text` (a date without its year as
/// [`localise::next_deadline`] reads it after `since`).
pub(crate) fn deadlines_in(text: &str, since: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some((at, d)) = localise::next_deadline(rest, since) {
        out.extend(d.date);
        rest = &rest[at + d.len..];
    }
    out
}

/// `phases`: each phase over its span — preparation (from the computed start, never before the
/// draft's own date, from the draft's date where the units' plans are due before that start, to
/// the eve of the campaign), the campaign's own dates, the summary deadline
/// (a day, as seed 001 writes it). A preparation the draft comes too late for is left out: the
/// caller says so.
pub fn phases(c: &Campaign, dates: &Dates, rules: &[PhaseRule]) -> Vec<Phase> {
    let eve = c.start.pred_opt().unwrap_or(c.start);
    rules
        .iter()
        .filter_map(|r| {
            let (start, end) = match r.span {
                Span::Prepare if dates.issued > eve => return None,
                Span::Prepare if dates.issued == eve => (eve, None),
                // The units' plans due before it would be asked outside every phase: the
                // preparation starts with the draft.
                Span::Prepare if dates.report < dates.prepare_start => (dates.issued, Some(eve)),
                Span::Prepare => (dates.prepare_start.max(dates.issued), Some(eve)),
                Span::Campaign => (c.start, Some(c.end)),
                Span::Summary => (dates.summary, None),
            };
            Some(Phase {
                name: r.name.clone(),
                start,
                end,
                text: r.text.clone(),
            })
        })
        .collect()
}

/// The campaign's period, year and edition written out in inherited text (活动时间：2026年4月
/// 1日至30日; 2026年4月是第38个爱国卫生月) become `{campaign}`, `{year}` and `{edition}`, so that
/// the draft's edition of another year (`--year`, 按年份) moves them with the campaign; a title
/// cited in 《》 and a full date (a day of its own year) keep their words.
fn year_bound_periods(spec: &mut Spec) {
    let Some(c) = spec.campaign.clone() else {
        return;
    };
    let mut pairs = vec![
        (
            crate::spec::year::period(c.start, c.end),
            "{campaign}".to_owned(),
        ),
        (format!("{}年", c.year), "{year}年".to_owned()),
    ];
    if let Some(e) = c.edition {
        let zh = crate::compose::text::chinese_numeral(usize::try_from(e).unwrap_or(0));
        for unit in ["届", "个", "次"] {
            pairs.push((format!("第{e}{unit}"), format!("第{{edition}}{unit}")));
            pairs.push((format!("第{zh}{unit}"), format!("第{{edition:zh}}{unit}")));
        }
    }
    // A full date inside the campaign's own period (2027年4月15日是第十二个…日) is the campaign's
    // day: it moves with the year, unlike a deadline of its own year.
    let mut day = c.start;
    while day <= c.end && (day - c.start).num_days() <= 366 {
        let written = format!("{}年{}月{}日", day.year(), day.month(), day.day());
        // A period across the new year (2026年11月15日至2027年2月10日) names its days of the
        // next one by {next_year}.
        let var = match day.year() - c.year {
            0 => Some("{year}"),
            1 => Some("{next_year}"),
            _ => None,
        };
        // After the period itself (`{campaign}`), before the year alone.
        if let Some(var) = var {
            pairs.insert(
                1,
                (written, format!("{var}年{}月{}日", day.month(), day.day())),
            );
        }
        day = day.succ_opt().unwrap_or(c.end + chrono::Duration::days(1));
    }
    crate::spec::texts::for_each_text_mut(spec, &mut |field, text| {
        if field.starts_with("provenance") || field == "title" {
            return;
        }
        for (written, var) in &pairs {
            *text = outside_citations(text, written, var);
        }
    });
}

/// Whether `s` starts with a month and day (1月6日).
fn full_date(s: &str) -> bool {
    let month = s.bytes().take_while(u8::is_ascii_digit).count();
    let Some(rest) = s[month..].strip_prefix('月').filter(|_| month > 0) else {
        return false;
    };
    let day = rest.bytes().take_while(u8::is_ascii_digit).count();
    day > 0 && rest[day..].starts_with('日')
}

/// `text` with `written` replaced by `var` wherever it stands outside a title in 《》 (and not
/// right after a digit: 12026年 is no year).
fn outside_citations(text: &str, written: &str, var: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for (at, _) in text.match_indices(written) {
        let cited = text[..at].matches('《').count() > text[..at].matches('》').count();
        let glued = text[..at].ends_with(|c: char| c.is_ascii_digit());
        // A full date (2027年1月6日) is a day of its own year: it stays as written.
        let date = written.ends_with('年') && full_date(&text[at + written.len()..]);
        let glued = glued || date;
        out.push_str(&text[last..at]);
        out.push_str(if cited || glued { written } else { var });
        last = at + written.len();
    }
    out.push_str(&text[last..]);
    out
}

/// The draft without paragraphs its rules emptied (an upstream paragraph that was only the
/// upper office's contact), which would print as blank lines.
fn without_empty_paragraphs(spec: &mut Spec) {
    fn clean(p: &mut crate::spec::Paragraphs) {
        p.0.retain(|t| !t.trim().is_empty());
    }
    fn sections(list: &mut [Section]) {
        for s in list {
            clean(&mut s.text);
            sections(&mut s.sections);
        }
    }
    clean(&mut spec.opening);
    clean(&mut spec.closing);
    sections(&mut spec.sections);
    if let Some(e) = spec.enclosure.as_mut() {
        clean(&mut e.opening);
        clean(&mut e.closing);
        sections(&mut e.sections);
    }
}

/// Derives the office's draft from the upstream notice.
pub fn derive(up: &Upstream, office: &Office, as_: DeriveAs, cal: &Calendar) -> Result<Draft> {
    // A 通报 reports what was done; there is no work of it for an office to plan.
    if up.value.kind == DocKind::Bulletin && matches!(as_, DeriveAs::Plan | DeriveAs::Cover) {
        return Err(crate::Error::Derive(format!(
            "{}：上级来文是通报（{}），通报没有可据以制定方案的工作安排，不能派生方案或印发通知；请用 --as relay 转发，或用 --as notice 起草本机关的通知",
            up.path.display(),
            up.value.title.trim()
        )));
    }
    let mut c = ctx::Ctx::new(up, office, as_, cal)?;
    let mut spec = match as_ {
        DeriveAs::Notice => notice::notice(&mut c),
        DeriveAs::Plan => plan::plan(&mut c),
        DeriveAs::Cover => cover::cover(&mut c),
        DeriveAs::Relay => relay::relay(&mut c),
    };
    spec.provenance = Some(c.provenance());
    spec.campaign = c.campaign();
    // A relay prints the upstream's document as it is.
    if as_ != DeriveAs::Relay {
        year_bound_periods(&mut spec);
    }
    if as_ != DeriveAs::Plan {
        spec.header = c.header();
        spec.signature = Some(c.signature());
        spec.colophon = c.colophon();
    }
    if as_ != DeriveAs::Relay {
        let (annexes, map) = c.annexes();
        for (k, j) in map.upstream.iter().enumerate() {
            if let Some(j) = j {
                let (from, to) = (&c.up.value.annexes[k].title, &annexes[j - 1].title);
                c.changes.push(format!(
                    "上级来文的附件{}“{from}”→本文的附件{j}“{to}”",
                    k + 1
                ));
                // The body cites the form by its title (将《…申报表》（见附件）报送): the new one.
                if from != to {
                    let (from, to) = (format!("《{from}》"), format!("《{to}》"));
                    crate::spec::texts::for_each_text_mut(&mut spec, &mut |_, t| {
                        if t.contains(&from) {
                            *t = t.replace(&from, &to);
                        }
                    });
                }
            }
        }
        spec.annexes.extend(annexes);
    }
    without_empty_paragraphs(&mut spec);
    let mut draft = Annotated::new(spec);
    draft.preamble = vec![
        format!(
            "由 gongwen derive 生成：上级来文 {}，机关资料 {}。",
            up.path.display(),
            office.path.display()
        ),
        "继承的文字已换用本机关用语；标有【待填写】的内容须由本机关补充后再印发。".to_owned(),
    ];
    if draft.spec.header.is_some() && office.value.office.serial.is_none() {
        draft.comment(
            "header.doc_number",
            "【待填写】发文顺序号（serial = 0：尚未编号，印出为空格，check 提示）",
        );
    }
    Ok(Draft {
        toml: crate::spec::write::write(&draft),
        spec: draft,
        file_name: format!("{}-{}-{}.toml", office.id(), c.year, as_.name()),
        substitutions: substitution_report(&c),
        todo: c.todo,
    })
}

/// How each substitution was applied, and which never matched (a relay substitutes only in the
/// asks it makes of the office's units: one not used there is not reported), and what the
/// rules changed.
fn substitution_report(c: &ctx::Ctx) -> Vec<String> {
    if c.as_ == DeriveAs::Relay {
        let used = c.profile().substitutions.iter().zip(&c.counts);
        return used
            .filter(|(_, n)| **n > 0)
            .map(|(s, n)| format!("替换“{}”→“{}”：{n} 处", s.from, s.to))
            .chain(c.changes.iter().cloned())
            .collect();
    }
    let unused = [
        ("committee", &c.profile().office.committee),
        ("upstream_phrase", &c.profile().office.upstream_phrase),
    ];
    let unused = unused
        .into_iter()
        .filter(|(key, v)| {
            v.is_some()
                && !c.office.text.contains(&format!("{{{key}}}"))
                && (*key != "upstream_phrase" || c.profile().office.plan_opening.is_some())
        })
        .map(|(key, _)| format!("机关资料的 office.{key} 没有用到：资料中没有一处写 {{{key}}}"));
    c.profile()
        .substitutions
        .iter()
        .zip(&c.counts)
        .map(|(s, n)| {
            let said = || {
                crate::spec::texts::texts(c.upstream())
                    .iter()
                    .any(|(_, t)| t.contains(s.from.as_str()))
            };
            if *n == 0 && said() {
                // (In a section the draft does not carry: its own requirements stand there.)
                format!(
                    "替换“{}”→“{}”：只出现在本稿未沿用的上级来文部分，未替换",
                    s.from, s.to
                )
            } else if *n == 0 {
                format!("替换“{}”→“{}”：上级来文中没有出现，未替换", s.from, s.to)
            } else {
                format!("替换“{}”→“{}”：{n} 处", s.from, s.to)
            }
        })
        .chain(c.changes.iter().cloned())
        .chain(unused)
        .collect()
}

/// `annex-references`: inherited text that cites an upstream annex the draft carries names it
/// by its number in the draft; one the draft has not is marked for the office to change or
/// delete (and listed).
fn annex_references(s: &Section, map: &AnnexMap, todo: &mut Vec<String>) -> Section {
    let mut s = s.clone();
    for t in s.text.0.iter_mut() {
        *t = mark_annex_references(t, map, todo);
    }
    s.heading = mark_annex_references(&s.heading, map, todo);
    s.sections = s
        .sections
        .iter()
        .map(|x| annex_references(x, map, todo))
        .collect();
    s
}

/// Where the upstream's annexes are in a draft.
pub struct AnnexMap {
    /// The draft's annexes in all (carried and the office's own).
    pub total: usize,
    /// The upstream's 附件k (index k − 1) → its number in the draft (carried, or the office's
    /// own of its kind standing in), if any.
    pub upstream: Vec<Option<usize>>,
    /// The draft's own number where it stands as an annex (a plan: 附件1), its annexes
    /// numbered after it (附件2 …), as compose labels them.
    pub base: usize,
}

impl AnnexMap {
    /// How the draft names its annex `j` (附件 alone when it has one).
    fn name(&self, j: usize) -> String {
        if self.total == 1 && self.base == 0 {
            "附件".to_owned()
        } else {
            format!("附件{}", self.base + j)
        }
    }

    /// What an upstream reference (附件k, or 附件 without a number) reads as in the draft; none
    /// where it points at nothing the draft has.
    fn reference(&self, k: Option<usize>) -> Option<String> {
        let carried = |k: usize| k.checked_sub(1).and_then(|i| self.upstream.get(i)).copied();
        match k {
            Some(k) => carried(k).flatten().map(|j| self.name(j)),
            None if self.total == 0 => None,
            None => match self.upstream.as_slice() {
                [Some(j)] => Some(self.name(*j)),
                _ => Some("附件".to_owned()),
            },
        }
    }
}

fn mark_annex_references(text: &str, map: &AnnexMap, todo: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("附件") {
        let after = &rest[i + "附件".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let n: Option<usize> = after[..digits].parse().ok();
        out.push_str(&rest[..i]);
        // A short aside pointing at an upstream annex the draft does not carry (分组见附件2,
        // the upper level's own groups) goes with it.
        let open = out.rfind('（').filter(|&o| !out[o..].contains('）'));
        let close = after[digits..].find('）');
        let aside = open.zip(close).filter(|&(o, c)| {
            out[o..].chars().count() + after[digits..digits + c].chars().count() <= 10
        });
        if let (None, Some(n), Some((o, c))) = (map.reference(n), n, aside) {
            out.truncate(o);
            todo.push(format!(
                "继承的文字提到上级来文的“附件{n}”，本文没有该附件：已删去该处括注"
            ));
            rest = &after[digits + c + '）'.len_utf8()..];
            continue;
        }
        match (map.reference(n), n) {
            (Some(name), _) => out.push_str(&name),
            (None, Some(n)) => {
                out.push_str(&format!(
                    "{PLACEHOLDER}：上级来文的附件{n}，请改为本机关的附件或删去】"
                ));
                todo.push(format!("继承的文字提到上级来文的“附件{n}”，本文没有该附件"));
            }
            // （见附件） in a draft without annexes points at the upstream's.
            (None, None) => {
                out.push_str(&format!(
                    "{PLACEHOLDER}：上级来文的附件，请改为本机关的附件或删去】"
                ));
                todo.push("继承的文字提到上级来文的“附件”，本文没有附件".to_owned());
            }
        }
        rest = &after[digits..];
    }
    out.push_str(rest);
    out
}

/// A copy of an upstream section with the office's substitutions.
fn inherit_section(s: &Section, subs: &[Substitution], counts: &mut [usize]) -> Section {
    let mut s = s.clone();
    s.heading = substitute(&s.heading, subs, counts);
    for t in s.text.0.iter_mut() {
        *t = substitute(t, subs, counts);
    }
    s.sections = s
        .sections
        .iter()
        .map(|x| inherit_section(x, subs, counts))
        .collect();
    s
}

/// `guidance-documents`: the office's strategy documents join the upstream's list of guiding
/// documents, after the last 《…》 of the section's first paragraph that cites any (and after
/// an abbreviation note like （以下简称《规划》） that follows it). Whether they were placed.
fn add_guidance(s: &mut Section, docs: &[String]) -> bool {
    if docs.is_empty() {
        return true;
    }
    let Some(text) = s.text.0.iter_mut().find(|t| t.contains('》')) else {
        return false;
    };
    let Some(close) = text.rfind('》') else {
        return false;
    };
    let mut insert = close + '》'.len_utf8();
    // Skip （以下简称《…》） when the last 》 closes the abbreviation inside it.
    if text[insert..].starts_with('）') {
        insert += '）'.len_utf8();
    }
    text.insert_str(insert, &format!("和{}", docs.join("")));
    true
}

/// A line diff between an existing draft and a new one (for `derive --diff`).
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_campaign_s_own_day_and_edition_move_with_the_year_a_deadline_does_not() {
        let d = |m, day| NaiveDate::from_ymd_opt(2027, m, day).unwrap();
        let mut spec = Spec {
            campaign: Some(Campaign {
                name: None,
                short: None,
                occasion: None,
                year: 2027,
                edition: Some(12),
                start: d(4, 13),
                end: d(4, 19),
            }),
            opening: crate::spec::Paragraphs(vec![
                "2027年4月15日是第十二个全民国家安全教育日。请于2027年4月7日前报送方案。".into(),
            ]),
            ..Spec::default()
        };
        year_bound_periods(&mut spec);
        assert_eq!(
            spec.opening.0[0],
            "{year}年4月15日是第{edition:zh}个全民国家安全教育日。请于2027年4月7日前报送方案。"
        );
        let next = crate::spec::year::expand("第{edition:zh}个", spec.campaign.as_ref());
        assert_eq!(next.as_deref(), Ok("第十二个"));
    }
}
