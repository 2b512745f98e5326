//! Upstream notice + office profile → the lower office's draft spec (DESIGN §7).
//!
//! Each rule is a named function: [`citation`], [`substitute`], [`inherited_opening`],
//! [`deadlines`], [`phases`]; [`derive`] puts them together into an editable TOML draft that
//! records its provenance and marks with 【待填写】 what only the office can write.

pub mod profile;
mod writer;

use crate::calendar::{Calendar, CalendarError};
use crate::spec::conventions::PLACEHOLDER;
use crate::spec::year::expand;
use crate::spec::{Campaign, Section, Spec};
use chrono::{Datelike, NaiveDate};
use profile::{Profile, Substitution};
use writer::Toml;

/// What the lower office writes from the upstream notice.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeriveAs {
    /// Its own notice (seed 000).
    Notice,
    /// Its activity plan (seed 001).
    Plan,
    /// A cover notice transmitting its plan (seed 003).
    Cover,
}

impl DeriveAs {
    /// The name used in file names and the provenance.
    pub fn name(self) -> &'static str {
        match self {
            DeriveAs::Notice => "notice",
            DeriveAs::Plan => "plan",
            DeriveAs::Cover => "cover",
        }
    }
}

/// A derived draft and what the office should know about it.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The draft spec (TOML).
    pub toml: String,
    /// File name for it, e.g. shanghai-2025-notice.toml.
    pub file_name: String,
    /// What the office still has to fill in.
    pub todo: Vec<String>,
    /// How each substitution was applied (and which never matched).
    pub substitutions: Vec<String>,
}

/// Why a draft could not be derived.
#[derive(Debug, thiserror::Error)]
pub enum DeriveError {
    /// The upstream lacks something every derivation needs.
    #[error("上级来文缺少{0}")]
    Upstream(String),
    /// Working days could not be computed.
    #[error(transparent)]
    Calendar(#[from] CalendarError),
}

/// Where the upstream and the profile come from (recorded in the draft).
#[derive(Debug, Clone)]
pub struct Sources<'a> {
    /// Upstream spec file as given.
    pub upstream_file: &'a str,
    /// Office profile file as given.
    pub office_file: &'a str,
    /// The profile's id (file stem), e.g. shanghai.
    pub office_id: &'a str,
}

/// `citation`: 根据…《title》（number）要求， — or 根据《title》的要求， without a number;
/// the issuer is named unless the title already starts with it.
pub fn citation(upstream: &Spec, campaign: &Campaign) -> String {
    let title = expand(&crate::compose::cover_title(upstream), Some(campaign)).unwrap_or_default();
    let issuer = upstream
        .signature
        .as_ref()
        .and_then(|s| s.issuer.as_deref())
        .map(|i| i.trim().trim_end_matches("主任单位").to_owned())
        .filter(|i| !title.starts_with(i.as_str()))
        .unwrap_or_default();
    match &upstream.header {
        Some(h) => {
            let n = &h.doc_number;
            let number = crate::compose::text::doc_number(&n.code, n.year, n.serial);
            format!("根据{issuer}《{title}》（{number}）要求，")
        }
        None => format!("根据{issuer}《{title}》的要求，"),
    }
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

/// `inherited-opening`: the upstream's opening up to 来临之际， (its reasons and the occasion),
/// then the citation and the office's decision.
pub fn inherited_opening(upstream: &Spec, decision: &str, cite: &str) -> String {
    let first = upstream
        .opening
        .0
        .first()
        .map(String::as_str)
        .unwrap_or_default();
    let occasion = match first.find("来临之际，") {
        Some(i) => &first[..i + "来临之际，".len()],
        None => "",
    };
    format!("{occasion}{cite}{decision}")
}

/// The computed dates of a derivation, as `{date:…}` variables of the campaign year.
#[derive(Debug, Clone, PartialEq)]
pub struct Dates {
    /// 活动安排报送截止 with weekday, e.g. {date:04-11:weekday}.
    pub report_by: String,
    /// 总结报送截止, e.g. {date:05-06}.
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

fn date_var(d: NaiveDate, weekday: bool) -> String {
    let suffix = if weekday { ":weekday" } else { "" };
    format!("{{date:{:02}-{:02}{suffix}}}", d.month(), d.day())
}

/// `deadlines`: report-by, issue and summary dates in working days of the holiday schedule.
pub fn deadlines(c: &Campaign, p: &Profile, cal: &Calendar) -> Result<Dates, CalendarError> {
    let d = &p.deadlines;
    let report = cal.sub_workdays(c.start, d.report_workdays_before)?;
    let summary = cal.add_workdays(c.end, d.summary_workdays_after)?;
    let issued = cal.sub_workdays(c.start, p.office.issue_workdays_before.unwrap_or(12))?;
    let prepare_start = cal.sub_workdays(c.start, d.prepare_workdays_before)?;
    Ok(Dates {
        report_by: date_var(report, true),
        summary_by: date_var(summary, false),
        summary_workdays: d.summary_workdays_after,
        issued,
        prepare_start,
        summary,
    })
}

/// `phases`: 准备阶段 (from the computed start to the eve of the campaign), 实施阶段 (the
/// campaign week), 总结阶段 (the summary deadline).
pub fn phases(c: &Campaign, dates: &Dates) -> Vec<(String, NaiveDate, Option<NaiveDate>, String)> {
    let eve = c.start.pred_opt().unwrap_or(c.start);
    vec![
        (
            "准备阶段".into(),
            dates.prepare_start,
            Some(eve),
            "进行“宣传周”的各项组织筹备工作和前期宣传。".into(),
        ),
        (
            "实施阶段".into(),
            c.start,
            Some(c.end),
            "紧紧围绕活动主题，开展各具特色、丰富多彩的宣传活动。".into(),
        ),
        (
            "总结阶段".into(),
            dates.summary,
            None,
            "报送“宣传周活动”总结，并做好宣传后续工作。".into(),
        ),
    ]
}

/// The upstream section whose heading is one of `names`.
fn find<'a>(upstream: &'a Spec, names: &[&str]) -> Option<&'a Section> {
    upstream
        .sections
        .iter()
        .find(|s| names.iter().any(|n| s.heading.contains(n)))
}

/// Replaces `{report_by}`, `{summary_by}`, `{summary_workdays}` in the office's own text.
fn deadline_text(text: &str, dates: &Dates) -> String {
    text.replace("{report_by}", &dates.report_by)
        .replace("{summary_by}", &dates.summary_by)
        .replace("{summary_workdays}", &dates.summary_workdays.to_string())
}

fn deadline_section(s: &Section, dates: &Dates) -> Section {
    let mut s = s.clone();
    s.heading = deadline_text(&s.heading, dates);
    for t in s.text.0.iter_mut() {
        *t = deadline_text(t, dates);
    }
    s.sections = s
        .sections
        .iter()
        .map(|x| deadline_section(x, dates))
        .collect();
    s
}

/// Derives the office's draft from the upstream notice.
pub fn derive(
    upstream: &Spec,
    profile: &Profile,
    as_: DeriveAs,
    cal: &Calendar,
    sources: &Sources,
) -> Result<Draft, DeriveError> {
    let campaign = upstream
        .campaign
        .clone()
        .ok_or_else(|| DeriveError::Upstream(" [campaign] 表（活动年份和日期）".into()))?;
    let office = &profile.office;
    let mut counts = vec![0usize; profile.substitutions.len()];
    let mut todo = Vec::new();
    let cite = citation(upstream, &campaign);
    let dates = deadlines(&campaign, profile, cal)?;
    let inherit = |s: &Section, counts: &mut Vec<usize>| inherit_section(s, profile, counts);

    // The inherited sections, with the office's wording.
    let guidance = find(upstream, &["总体要求", "指导思想"]).map(|s| {
        let mut s = inherit(s, &mut counts);
        add_guidance(&mut s, &profile.guidance);
        s
    });
    let theme = find(upstream, &["活动主题"]).map(|s| inherit(s, &mut counts));
    let points = find(upstream, &["宣传重点", "宣传内容"]).map(|s| inherit(s, &mut counts));
    if theme.is_none() || points.is_none() {
        return Err(DeriveError::Upstream("“活动主题”或“宣传重点”一节".into()));
    }
    let time = Section {
        heading: "活动时间".into(),
        run_in: false,
        text: crate::spec::Paragraphs(vec!["{campaign}。".into()]),
        sections: Vec::new(),
        phases: Vec::new(),
    };
    let requirements: Vec<Section> = profile
        .requirements
        .iter()
        .map(|s| deadline_section(s, &dates))
        .collect();
    let requirements_section = if requirements.is_empty() {
        todo.push("有关要求（组织领导、报送时限、联系人）".to_owned());
        placeholder_section("有关要求", "组织领导、报送时限等要求")
    } else {
        titled("有关要求", requirements)
    };
    let activities = if as_ == DeriveAs::Notice {
        Section::default()
    } else if profile.activities.is_empty() {
        todo.push("活动安排（本地活动的时间、地点、主办和协办单位）".to_owned());
        placeholder_section("活动安排", "本地活动的名称、时间、地点、主办和协办单位")
    } else {
        titled(
            "活动安排",
            profile
                .activities
                .iter()
                .map(|s| deadline_section(s, &dates))
                .collect(),
        )
    };
    let schedule = Section {
        heading: "时间安排".into(),
        run_in: false,
        text: Default::default(),
        sections: Vec::new(),
        phases: phases(&campaign, &dates)
            .into_iter()
            .map(|(name, start, end, text)| crate::spec::Phase {
                name,
                start,
                end,
                text,
            })
            .collect(),
    };

    let mut t = Toml::default();
    t.comment(&format!(
        "由 gongwen derive 生成：上级来文 {}，机关资料 {}。",
        sources.upstream_file, sources.office_file
    ));
    t.comment("继承的文字已换用本机关用语；标有【待填写】的内容须由本机关补充后再印发。");
    let year = campaign.year;
    let plan_title = office
        .plan_title
        .clone()
        .unwrap_or_else(|| format!("{{year}}年{}知识产权宣传周活动方案", office.scope));
    match as_ {
        DeriveAs::Notice => {
            t.str("kind", "notice");
            t.str(
                "title",
                &format!(
                    "{}关于开展{{year}}年{}知识产权宣传周活动的通知",
                    office.name, office.scope
                ),
            );
            recipients(&mut t, office.recipients.as_deref(), &mut todo);
            let decision = format!(
                "{}决定组织开展{{year}}年{}知识产权宣传周活动。现就有关事项通知如下：",
                office.name, office.scope
            );
            let opening = substitute(
                &inherited_opening(upstream, &decision, &cite),
                &profile.substitutions,
                &mut counts,
            );
            t.strs("opening", &[opening]);
            t.str("closing", "特此通知。");
            if !profile.contacts.0.is_empty() {
                t.str("contacts", &profile.contacts.0.join("；"));
            }
        }
        DeriveAs::Plan => {
            t.str("kind", "plan");
            t.str("label", "附件1");
            t.str("title", &plan_title);
            t.strs("opening", &[plan_opening(profile, &cite)]);
            t.strs("closing", &profile.contacts.0);
        }
        DeriveAs::Cover => {
            t.str("kind", "cover");
            recipients(&mut t, office.recipients.as_deref(), &mut todo);
            let cover = profile.cover.as_ref();
            match cover {
                Some(c) => t.strs("opening", &c.opening.0),
                None => {
                    todo.push("印发通知的开头（印发缘由）".to_owned());
                    t.strs("opening", &[format!("{PLACEHOLDER}：印发缘由】，")]);
                }
            }
            if let Some(c) = cover {
                t.strs("notes", &c.notes);
            }
            if !profile.contacts.0.is_empty() {
                t.str("contacts", &profile.contacts.0.join("；"));
            }
        }
    }

    t.table("provenance");
    t.str("upstream_file", sources.upstream_file);
    t.str(
        "upstream_title",
        &expand(&crate::compose::cover_title(upstream), Some(&campaign)).unwrap_or_default(),
    );
    if let Some(h) = &upstream.header {
        let n = &h.doc_number;
        t.str(
            "upstream_number",
            &crate::compose::text::doc_number(&n.code, n.year, n.serial),
        );
    }
    if let Some(s) = &upstream.signature {
        t.date("upstream_date", s.date);
    }
    t.str("office_file", sources.office_file);
    t.str("derived_as", as_.name());

    t.table("campaign");
    t.int("year", i64::from(campaign.year));
    if let Some(e) = campaign.edition {
        t.int("edition", i64::from(e));
    }
    t.date("start", campaign.start);
    t.date("end", campaign.end);

    if as_ != DeriveAs::Plan {
        if let Some(code) = &office.doc_code {
            t.table("header");
            let issuers = if office.issuers.is_empty() {
                vec![office.name.clone()]
            } else {
                office.issuers.clone()
            };
            t.strs("issuers", &issuers);
            t.inline_doc_number(code, year, office.serial.unwrap_or(0));
            if office.serial.is_none() {
                t.comment("【待填写】发文顺序号（serial）");
                todo.push("发文字号的顺序号（header.doc_number.serial）".to_owned());
            }
        }
        t.table("signature");
        let issuer = profile
            .cover
            .as_ref()
            .and_then(|c| c.issuer.clone())
            .filter(|_| as_ == DeriveAs::Cover)
            .unwrap_or_else(|| office.name.clone());
        t.str("issuer", &issuer);
        t.date("date", dates.issued);
        t.bool("sealed", office.sealed);
    }

    let body: Vec<Section> = match as_ {
        DeriveAs::Notice => [
            guidance.map(|g| renamed(g, "总体要求")),
            Some(time),
            theme,
            points,
            Some(requirements_section),
        ]
        .into_iter()
        .flatten()
        .collect(),
        DeriveAs::Plan | DeriveAs::Cover => [
            guidance.map(|g| renamed(g, "指导思想")),
            Some(time),
            theme,
            points,
            Some(activities),
            Some(schedule),
            Some(requirements_section),
        ]
        .into_iter()
        .flatten()
        .collect(),
    };
    if as_ == DeriveAs::Cover {
        t.table("enclosure");
        t.str("title", &plan_title);
        if let Some(r) = &office.recipients {
            t.str("recipients", r);
        }
        t.strs("opening", &[plan_opening(profile, &cite)]);
        t.sections("enclosure.sections", &body);
    } else {
        t.sections("sections", &body);
    }
    if let Some(m) = &profile.members {
        t.array_table("annexes");
        t.str("title", &m.title);
        t.str("kind", "list");
        t.groups(&m.groups);
        t.strs("text", &m.text.0);
    }
    for f in &profile.forms {
        t.array_table("annexes");
        t.str("title", &f.title);
        t.str("kind", "table");
        t.fields(&f.fields);
        t.columns(&f.columns);
        t.int("blank_rows", i64::from(f.blank_rows));
        if let Some(l) = f.landscape {
            t.bool("landscape", l);
        }
    }

    let substitutions = profile
        .substitutions
        .iter()
        .zip(&counts)
        .map(|(s, n)| {
            if *n == 0 {
                format!("替换“{}”→“{}”：上级来文中没有出现，未替换", s.from, s.to)
            } else {
                format!("替换“{}”→“{}”：{n} 处", s.from, s.to)
            }
        })
        .collect();
    Ok(Draft {
        toml: t.finish(),
        file_name: format!("{}-{}-{}.toml", sources.office_id, year, as_.name()),
        todo,
        substitutions,
    })
}

fn recipients(t: &mut Toml, r: Option<&str>, todo: &mut Vec<String>) {
    match r {
        Some(r) => t.str("recipients", r),
        None => {
            todo.push("主送机关（recipients）".to_owned());
            t.str("recipients", &format!("{PLACEHOLDER}：主送机关】"));
        }
    }
}

fn plan_opening(profile: &Profile, cite: &str) -> String {
    let pattern = profile
        .office
        .plan_opening
        .clone()
        .unwrap_or_else(|| "{citation}结合本地实际，制定本方案。".into());
    pattern.replace("{citation}", cite)
}

/// A copy of an upstream section with the office's substitutions.
fn inherit_section(s: &Section, p: &Profile, counts: &mut [usize]) -> Section {
    let mut s = s.clone();
    s.heading = substitute(&s.heading, &p.substitutions, counts);
    for t in s.text.0.iter_mut() {
        *t = substitute(t, &p.substitutions, counts);
    }
    s.sections = s
        .sections
        .iter()
        .map(|x| inherit_section(x, p, counts))
        .collect();
    s
}

/// `guidance-documents`: the office's strategy documents join the upstream's list, after its
/// last 《…》 before 推进实施.
fn add_guidance(s: &mut Section, docs: &[String]) {
    if docs.is_empty() {
        return;
    }
    let Some(text) = s.text.0.first_mut() else {
        return;
    };
    let Some(at) = text.find("推进实施") else {
        return;
    };
    let Some(close) = text[..at].rfind('》') else {
        return;
    };
    // Skip an abbreviation note like （以下简称《规划》）.
    let insert = text[close + '》'.len_utf8()..at]
        .find('）')
        .map_or(close + '》'.len_utf8(), |i| {
            close + '》'.len_utf8() + i + '）'.len_utf8()
        });
    text.insert_str(insert, &format!("和{}", docs.join("")));
}

fn renamed(mut s: Section, heading: &str) -> Section {
    s.heading = heading.into();
    s
}

fn titled(heading: &str, sections: Vec<Section>) -> Section {
    Section {
        heading: heading.into(),
        run_in: false,
        text: Default::default(),
        sections,
        phases: Vec::new(),
    }
}

fn placeholder_section(heading: &str, what: &str) -> Section {
    Section {
        heading: heading.into(),
        run_in: false,
        text: crate::spec::Paragraphs(vec![format!("{PLACEHOLDER}：{what}】")]),
        sections: Vec::new(),
        phases: Vec::new(),
    }
}

/// A line diff between an existing draft and a new one (for `derive --diff`).
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}
