//! Upstream notice + office profile → the lower office's draft spec (DESIGN §7).
//!
//! Nothing here knows a campaign: its name comes from the upstream (`[campaign] name` or its
//! title, [`campaign`]), the office's wording from its profile ([`profile`]), and every other
//! word from the derivation defaults ([`defaults`], `templates/derive/defaults.toml`). The
//! rules are named functions — [`citation`], [`substitute`], [`inherited_opening`],
//! [`deadlines`], [`phases`] and the section rules of [`body`] — put together by [`derive`]
//! into an editable TOML draft that records its provenance and marks with 【待填写】 what only
//! the office can write.

pub mod body;
pub mod campaign;
pub mod defaults;
pub mod profile;
mod writer;

use crate::calendar::{Calendar, CalendarError};
use crate::error::{Diagnostic, Error, Result};
use crate::spec::conventions::PLACEHOLDER;
use crate::spec::year::expand;
use crate::spec::{Campaign, Paragraphs, Phase, Section, Spec};
use chrono::{Datelike, NaiveDate};
use defaults::Defaults;
use profile::{PhaseRule, Profile, Span, Substitution};
use serde::Deserialize;
use std::path::{Path, PathBuf};
use writer::Toml;

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
    /// The draft spec (TOML).
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
pub fn load_upstream(path: &Path) -> Result<Upstream> {
    let text = crate::spec::read(path)?;
    let value = crate::spec::load_template(path)?;
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
    let problems = profile::problems(&office.value);
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

/// `citation`: 根据…《title》（number）要求， — or 根据《title》的要求， without a number;
/// the issuer is named unless the title already starts with it.
pub fn citation(upstream: &Spec, campaign: Option<&Campaign>) -> String {
    let title = upstream_title(upstream, campaign);
    let issuer = issuer_of(upstream).filter(|i| !title.starts_with(i.as_str()));
    let issuer = issuer.unwrap_or_default();
    match upstream.header.as_ref().and_then(|h| h.doc_number.as_ref()) {
        Some(n) => {
            let number = crate::compose::text::doc_number(&n.code, n.year, n.serial);
            format!("根据{issuer}《{title}》（{number}）要求，")
        }
        None => format!("根据{issuer}《{title}》的要求，"),
    }
}

/// The upstream's title with its year variables expanded.
fn upstream_title(upstream: &Spec, campaign: Option<&Campaign>) -> String {
    let raw = crate::compose::cover_title(upstream);
    expand(&raw, campaign).unwrap_or(raw)
}

/// Who issued the upstream: its signature (a 主任单位 signs for its committee), else its
/// joint issuers.
fn issuer_of(upstream: &Spec) -> Option<String> {
    let signed = upstream
        .signature
        .as_ref()
        .and_then(|s| s.issuer.as_deref())
        .map(|i| i.trim().trim_end_matches("主任单位").to_owned())
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

/// `inherited-opening`: the upstream's opening up to the clause of its own decision (its
/// reasons and the occasion), then the citation and the office's decision.
pub fn inherited_opening(upstream: &Spec, decision: &str, cite: &str) -> String {
    let words = &Defaults::embedded().opening.decision_words;
    let first = opening_of(upstream).first().map(String::as_str);
    format!(
        "{}{cite}{decision}",
        reasons(first.unwrap_or_default(), words)
    )
}

/// The upstream's opening paragraphs (a cover notice's enclosure carries them when it has none).
fn opening_of(upstream: &Spec) -> &[String] {
    match &upstream.enclosure {
        Some(e) if upstream.opening.0.is_empty() => &e.opening.0,
        _ => &upstream.opening.0,
    }
}

/// The upstream's sections (a cover notice's are its enclosure's).
fn sections_of(upstream: &Spec) -> &[Section] {
    match &upstream.enclosure {
        Some(e) if upstream.sections.is_empty() => &e.sections,
        _ => &upstream.sections,
    }
}

/// The part of an opening before the clause holding its first decision word, up to and
/// including the last ， before it (empty when there is none).
fn reasons<'a>(opening: &'a str, decision_words: &[String]) -> &'a str {
    let at = decision_words
        .iter()
        .filter_map(|w| opening.find(w.as_str()))
        .min();
    let Some(at) = at else { return "" };
    match opening[..at].rfind('，') {
        Some(i) => &opening[..i + '，'.len_utf8()],
        None => "",
    }
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

/// `phases`: each phase over its span — preparation (from the computed start to the eve of the
/// campaign), the campaign's own dates, the summary deadline.
pub fn phases(c: &Campaign, dates: &Dates, rules: &[PhaseRule]) -> Vec<Phase> {
    let eve = c.start.pred_opt().unwrap_or(c.start);
    rules
        .iter()
        .map(|r| {
            let (start, end) = match r.span {
                Span::Prepare => (dates.prepare_start, Some(eve)),
                Span::Campaign => (c.start, Some(c.end)),
                Span::Summary => (dates.summary, None),
            };
            Phase {
                name: r.name.clone(),
                start,
                end,
                text: r.text.clone(),
            }
        })
        .collect()
}

/// The words a derivation fills into patterns: `{office}`, `{scope}`, `{name}`, `{local}`,
/// `{short}`, `{subject}`, `{citation}` and the deadlines; other `{…}` (the spec's year
/// variables) are left for the spec.
struct Vars {
    pairs: Vec<(&'static str, String)>,
    /// Without a campaign the draft has no `[campaign]` table: the year variables are
    /// expanded here with the year of the 成文日期 (the campaign's dates become placeholders).
    year_only: Option<Campaign>,
}

impl Vars {
    fn fill(&self, pattern: &str) -> String {
        let mut out = pattern.to_owned();
        for (key, value) in &self.pairs {
            if out.contains(key) {
                out = out.replace(key, value);
            }
        }
        if let Some(c) = &self.year_only {
            if out.contains('{') {
                out = expand(&out, Some(c)).unwrap_or(out);
            }
        }
        // 开展…活动活动 when a name already ends with the event word.
        out.replace("活动活动", "活动")
    }

    fn fill_section(&self, s: &Section) -> Section {
        let mut s = s.clone();
        s.heading = self.fill(&s.heading);
        for t in s.text.0.iter_mut() {
            *t = self.fill(t);
        }
        for p in s.phases.iter_mut() {
            p.name = self.fill(&p.name);
            p.text = self.fill(&p.text);
        }
        s.sections = s.sections.iter().map(|x| self.fill_section(x)).collect();
        s
    }
}

/// Derives the office's draft from the upstream notice.
pub fn derive(up: &Upstream, office: &Office, as_: DeriveAs, cal: &Calendar) -> Result<Draft> {
    let d = Defaults::embedded();
    let upstream = &up.value;
    let profile = &office.value;
    let o = &profile.office;
    let campaign = upstream.campaign.as_ref();
    let title = upstream_title(upstream, campaign);
    let names = campaign.and_then(|c| campaign::names(upstream, c, &title, &d.title));
    let mut todo = Vec::new();
    let calendar_error = |field: &str, e: CalendarError| {
        Error::Spec(vec![
            up.error(field, format!("{e}（用 --holidays 加入该年的节假日安排）"))
        ])
    };
    let dates = match campaign {
        Some(c) => Some(deadlines(c, profile, cal).map_err(|e| calendar_error("campaign", e))?),
        None => None,
    };
    let issued = match (&dates, &upstream.signature) {
        (Some(dates), _) => dates.issued,
        (None, Some(s)) => cal
            .add_workdays(s.date, o.issue_workdays_after.unwrap_or(3))
            .map_err(|e| calendar_error("signature.date", e))?,
        (None, None) => {
            return Err(Error::Spec(vec![up.error(
                "signature",
                "上级来文既没有 [campaign]（活动日期），也没有 [signature] 的成文日期，无法推算本机关的成文日期"
                    .into(),
            )]))
        }
    };
    // A late upstream: the draft cannot be dated before the notice it follows.
    let issued = match &upstream.signature {
        Some(s) if s.date > issued => {
            todo.push(format!(
                "成文日期：按工作日推算为 {issued}，早于上级来文的成文日期，已改为 {}",
                s.date
            ));
            s.date
        }
        _ => issued,
    };
    let year = campaign.map_or(issued.year(), |c| c.year);
    let date_todo = format!("{PLACEHOLDER}：{}】", d.placeholders.date);
    let cite = citation(upstream, campaign);
    let subject = campaign::subject(&title, &d.title);

    let mut pairs: Vec<(&'static str, String)> = vec![
        ("{office}", o.name.clone()),
        ("{scope}", o.scope.clone()),
        ("{subject}", subject.clone()),
        ("{citation}", cite.clone()),
    ];
    // A campaign whose name cannot be read is called by its subject.
    let names = names.or_else(|| {
        campaign.map(|_| campaign::Names {
            full: subject.clone(),
            name: subject.clone(),
            short: subject.clone(),
        })
    });
    if let Some(n) = &names {
        let base = Vars {
            pairs: vec![("{scope}", o.scope.clone()), ("{name}", n.name.clone())],
            year_only: None,
        };
        let local = base.fill(o.campaign_name.as_deref().unwrap_or(&d.patterns.local));
        pairs.extend([
            ("{name}", n.name.clone()),
            ("{short}", n.short.clone()),
            ("{local}", local),
        ]);
    }
    if names.is_none() {
        // A profile written for campaigns, used on a work notice: the office names it.
        let what = format!("{PLACEHOLDER}：{}】", d.placeholders.name);
        pairs.extend([
            ("{name}", what.clone()),
            ("{short}", what.clone()),
            ("{local}", what),
        ]);
    }
    match &dates {
        Some(dt) => pairs.extend([
            ("{report_by}", dt.report_by.clone()),
            ("{summary_by}", dt.summary_by.clone()),
            ("{summary_workdays}", dt.summary_workdays.to_string()),
        ]),
        None => pairs.extend([
            ("{report_by}", date_todo.clone()),
            ("{summary_by}", date_todo.clone()),
            ("{summary_workdays}", date_todo.clone()),
            ("{campaign}", date_todo.clone()),
            ("{start}", date_todo.clone()),
            ("{end}", date_todo.clone()),
            ("{edition}", date_todo.clone()),
        ]),
    }
    let year_only = campaign.is_none().then_some(Campaign {
        name: None,
        short: None,
        occasion: None,
        year,
        edition: None,
        start: issued,
        end: issued,
    });
    let vars = Vars { pairs, year_only };
    let has_name = names.is_some();
    let pattern = |own: &Option<String>, campaign: &str, work: &str| {
        vars.fill(
            own.as_deref()
                .unwrap_or(if has_name { campaign } else { work }),
        )
    };

    let mut counts = vec![0usize; profile.substitutions.len()];
    let mut inherit = |s: &Section| inherit_section(s, &profile.substitutions, &mut counts);

    // The office's blocks: its own sections, or a 【待填写】 mark saying what belongs there.
    let mut block = |heading: &str, what: &str, own: &[Section]| {
        if own.is_empty() {
            todo.push(format!("{heading}（{what}）"));
            placeholder_section(heading, what)
        } else {
            titled(heading, own.iter().map(|s| vars.fill_section(s)).collect())
        }
    };
    let requirements = block(
        &d.headings.requirements,
        &d.placeholders.requirements,
        &profile.requirements,
    );
    // A block is part of a plan or cover, and of any derivation whose rules put it somewhere.
    let named = |b: profile::Block| {
        profile
            .rules
            .iter()
            .any(|r| r.block == Some(b) && (r.for_.is_empty() || r.for_.contains(&as_)))
    };
    let plan_like = matches!(as_, DeriveAs::Plan | DeriveAs::Cover);
    let activities = (plan_like || named(profile::Block::Activities)).then(|| {
        block(
            &d.headings.activities,
            &d.placeholders.activities,
            &profile.activities,
        )
    });
    let phase_rules = if profile.phases.is_empty() {
        &d.phases
    } else {
        &profile.phases
    };
    let schedule = match (campaign, &dates) {
        (Some(c), Some(dt))
            if (plan_like || named(profile::Block::Schedule)) && !phase_rules.is_empty() =>
        {
            Some(Section {
                heading: d.headings.schedule.clone(),
                phases: phases(c, dt, phase_rules)
                    .into_iter()
                    .map(|mut p| {
                        p.name = vars.fill(&p.name);
                        p.text = vars.fill(&p.text);
                        p
                    })
                    .collect(),
                ..Section::default()
            })
        }
        _ => None,
    };
    let own_rules: Vec<profile::Rule> = profile
        .rules
        .iter()
        .map(|r| {
            let mut r = r.clone();
            r.to = r.to.as_deref().map(|t| vars.fill(t));
            r.text.0 = fill_all(&vars, &r.text.0);
            r.sections = r.sections.iter().map(|s| vars.fill_section(s)).collect();
            r
        })
        .collect();
    let rules: Vec<&profile::Rule> = own_rules.iter().chain(&d.rules).collect();
    let local: Vec<profile::LocalSection> = profile
        .sections
        .iter()
        .map(|l| {
            let mut l = l.clone();
            let s = vars.fill_section(&l.section());
            (l.heading, l.text, l.sections) = (s.heading, s.text, s.sections);
            l
        })
        .collect();
    let mut guidance_done = profile.guidance.is_empty();
    let guidance_words = &d.guidance.headings;
    let mut inherit_with_guidance = |s: &Section| {
        let mut kept = inherit(s);
        let is_guidance = guidance_words
            .iter()
            .any(|w| s.heading.contains(w.as_str()));
        if !guidance_done && is_guidance && add_guidance(&mut kept, &profile.guidance) {
            guidance_done = true;
        }
        kept
    };
    let body = if as_ == DeriveAs::Relay {
        Vec::new()
    } else {
        body::body(
            sections_of(upstream),
            &rules,
            as_,
            body::Blocks {
                requirements: Some(requirements),
                activities,
                schedule,
            },
            &local,
            &mut inherit_with_guidance,
        )
    };
    let annexes = usize::from(profile.members.is_some())
        + profile.forms.len()
        + if as_ == DeriveAs::Relay {
            upstream.annexes.len()
        } else {
            0
        };
    let body: Vec<Section> = body
        .iter()
        .map(|s| annex_references(s, annexes, &mut todo))
        .collect();
    if !guidance_done {
        todo.push(format!(
            "指导文件 {} 未能插入上级来文的指导思想（其中没有《…》），请自行补入",
            profile.guidance.join("")
        ));
    }

    let mut t = Toml::default();
    t.comment(&format!(
        "由 gongwen derive 生成：上级来文 {}，机关资料 {}。",
        up.path.display(),
        office.path.display()
    ));
    t.comment("继承的文字已换用本机关用语；标有【待填写】的内容须由本机关补充后再印发。");
    let plan_title = pattern(
        &o.plan_title,
        &d.patterns.plan_title,
        &d.patterns.work_plan_title,
    );
    let plan_opening = vars.fill(
        o.plan_opening
            .as_deref()
            .unwrap_or(&d.patterns.plan_opening),
    );
    let contacts = &profile.contacts.0;
    match as_ {
        DeriveAs::Notice => {
            t.str("kind", "notice");
            t.str(
                "title",
                &pattern(
                    &o.notice_title,
                    &d.patterns.notice_title,
                    &d.patterns.work_title,
                ),
            );
            recipients(
                &mut t,
                o.recipients.as_deref(),
                &d.placeholders.recipients,
                &mut todo,
            );
            let decision = pattern(
                &o.notice_decision,
                &d.patterns.notice_decision,
                &d.patterns.work_decision,
            );
            let words = &d.opening.decision_words;
            let first = opening_of(upstream).first().map(String::as_str);
            // The office's wording replaces the upstream's in the inherited reasons only: the
            // citation quotes the upstream's title as it is.
            let inherited = substitute(
                reasons(first.unwrap_or(""), words),
                &profile.substitutions,
                &mut counts,
            );
            let opening = format!("{inherited}{cite}{decision}");
            t.strs("opening", &[opening]);
            t.str("closing", &d.patterns.closing);
            if !contacts.is_empty() {
                t.str("contacts", &contacts.join("；"));
            }
        }
        DeriveAs::Plan => {
            t.str("kind", "plan");
            t.str("label", "附件1");
            t.str("title", &plan_title);
            t.strs("opening", std::slice::from_ref(&plan_opening));
            t.strs("closing", contacts);
        }
        DeriveAs::Cover => {
            t.str("kind", "cover");
            recipients(
                &mut t,
                o.recipients.as_deref(),
                &d.placeholders.recipients,
                &mut todo,
            );
            let cover = profile.cover.as_ref();
            match cover {
                Some(c) => t.strs("opening", &fill_all(&vars, &c.opening.0)),
                None => {
                    todo.push(format!(
                        "印发通知的开头（{}）",
                        d.placeholders.cover_opening
                    ));
                    t.strs(
                        "opening",
                        &[format!(
                            "{PLACEHOLDER}：{}】，",
                            d.placeholders.cover_opening
                        )],
                    );
                }
            }
            if let Some(c) = cover {
                t.strs("notes", &c.notes);
            }
            if !contacts.is_empty() {
                t.str("contacts", &contacts.join("；"));
            }
        }
        DeriveAs::Relay => {
            t.str("kind", "cover");
            t.str("transmit_verb", &d.patterns.relay_verb);
            recipients(
                &mut t,
                o.recipients.as_deref(),
                &d.placeholders.recipients,
                &mut todo,
            );
            let relay = profile.relay.clone().unwrap_or_default();
            t.strs("opening", &fill_all(&vars, &relay.opening.0));
            t.str(
                "transmit",
                &vars.fill(
                    relay
                        .request
                        .as_deref()
                        .unwrap_or(&d.patterns.relay_request),
                ),
            );
            t.strs("notes", &relay.notes);
            if !contacts.is_empty() {
                t.str("contacts", &contacts.join("；"));
            }
        }
    }

    t.table("provenance");
    t.str("upstream_file", &up.path.display().to_string());
    t.str("upstream_title", &title);
    if let Some(n) = upstream.header.as_ref().and_then(|h| h.doc_number.as_ref()) {
        t.str(
            "upstream_number",
            &crate::compose::text::doc_number(&n.code, n.year, n.serial),
        );
    }
    if let Some(s) = &upstream.signature {
        t.date("upstream_date", s.date);
    }
    t.str("office_file", &office.path.display().to_string());
    t.str("derived_as", as_.name());

    if let Some(c) = campaign {
        t.table("campaign");
        if as_ == DeriveAs::Relay {
            if let Some(n) = &c.name {
                t.str("name", n);
            }
        } else if names.is_some() {
            t.str("name", &vars.fill("{local}"));
        }
        if let Some(short) = &c.short {
            t.str("short", short);
        }
        if let Some(o) = &c.occasion {
            t.str("occasion", o);
        }
        t.int("year", i64::from(c.year));
        if let Some(e) = c.edition {
            t.int("edition", i64::from(e));
        }
        t.date("start", c.start);
        t.date("end", c.end);
    }

    if as_ != DeriveAs::Plan {
        if let Some(code) = &o.doc_code {
            t.table("header");
            let issuers = if o.issuers.is_empty() {
                vec![o.name.clone()]
            } else {
                o.issuers.clone()
            };
            t.strs("issuers", &issuers);
            t.inline_doc_number(code, issued.year(), o.serial.unwrap_or(1));
            if o.serial.is_none() {
                t.comment("【待填写】发文顺序号（serial，暂写 1）");
                todo.push("发文字号的顺序号（header.doc_number.serial）".to_owned());
            }
        }
        t.table("signature");
        let issuer = profile
            .cover
            .as_ref()
            .and_then(|c| c.issuer.clone())
            .filter(|_| as_ == DeriveAs::Cover)
            .unwrap_or_else(|| o.name.clone());
        t.str("issuer", &issuer);
        t.date("date", issued);
        t.bool("sealed", o.sealed);
    }

    match as_ {
        DeriveAs::Cover => {
            t.table("enclosure");
            t.str("title", &plan_title);
            if let Some(r) = &o.recipients {
                t.str("recipients", r);
            }
            t.strs("opening", &[plan_opening]);
            t.sections("enclosure.sections", &body);
        }
        DeriveAs::Relay => {
            // The office's own arrangements follow the transmitting sentence.
            let own: Vec<Section> = local
                .iter()
                .filter(|l| l.for_.is_empty() || l.for_.contains(&as_))
                .map(profile::LocalSection::section)
                .collect();
            t.sections("sections", &own);
            relayed(&mut t, upstream, campaign);
        }
        DeriveAs::Notice | DeriveAs::Plan => t.sections("sections", &body),
    }
    if as_ == DeriveAs::Relay {
        for a in &upstream.annexes {
            t.annex(a);
        }
    }
    if let Some(m) = &profile.members {
        t.array_table("annexes");
        t.str("title", &vars.fill(&m.title));
        t.str("kind", "list");
        t.groups(&m.groups);
        t.strs("text", &fill_all(&vars, &m.text.0));
    }
    for f in &profile.forms {
        t.array_table("annexes");
        t.str("title", &vars.fill(&f.title));
        t.str("kind", "table");
        t.fields(&f.fields);
        t.columns(&f.columns);
        t.int("blank_rows", i64::from(f.blank_rows));
        if let Some(l) = f.landscape {
            t.bool("landscape", l);
        }
    }

    // A relay passes the upstream on word for word: nothing was substituted.
    let used = if as_ == DeriveAs::Relay {
        &[][..]
    } else {
        &profile.substitutions[..]
    };
    let substitutions = used
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
        file_name: format!("{}-{}-{}.toml", office.id(), year, as_.name()),
        todo,
        substitutions,
    })
}

/// The upstream document as the relay's enclosure, word for word, and its own annexes.
fn relayed(t: &mut Toml, upstream: &Spec, campaign: Option<&Campaign>) {
    let raw = crate::compose::cover_title(upstream);
    let issuer = issuer_of(upstream).filter(|i| {
        let expanded = expand(&raw, campaign).unwrap_or_else(|_| raw.clone());
        !expanded.starts_with(i.as_str())
    });
    t.table("enclosure");
    t.str("title", &format!("{}{raw}", issuer.unwrap_or_default()));
    if let Some(n) = upstream.header.as_ref().and_then(|h| h.doc_number.as_ref()) {
        t.str(
            "number",
            &crate::compose::text::doc_number(&n.code, n.year, n.serial),
        );
    }
    if let Some(r) = &upstream.recipients {
        t.str("recipients", r);
    }
    t.strs("opening", opening_of(upstream));
    let closing = match &upstream.enclosure {
        Some(e) if upstream.closing.0.is_empty() => &e.closing.0,
        _ => &upstream.closing.0,
    };
    t.strs("closing", closing);
    t.sections("enclosure.sections", sections_of(upstream));
    if let Some(s) = &upstream.signature {
        t.table("enclosure.signature");
        if let Some(i) = &s.issuer {
            t.str("issuer", i);
        }
        t.date("date", s.date);
        t.bool("sealed", s.sealed);
    }
}

fn fill_all(vars: &Vars, texts: &[String]) -> Vec<String> {
    texts.iter().map(|t| vars.fill(t)).collect()
}

fn recipients(t: &mut Toml, r: Option<&str>, what: &str, todo: &mut Vec<String>) {
    match r {
        Some(r) => t.str("recipients", r),
        None => {
            todo.push(format!("{what}（recipients）"));
            t.str("recipients", &format!("{PLACEHOLDER}：{what}】"));
        }
    }
}

/// `annex-references`: inherited text that cites the upstream's 附件N beyond the draft's own
/// annexes is marked for the office to change or delete (and listed).
fn annex_references(s: &Section, annexes: usize, todo: &mut Vec<String>) -> Section {
    let mut s = s.clone();
    for t in s.text.0.iter_mut() {
        *t = mark_annex_references(t, annexes, todo);
    }
    s.heading = mark_annex_references(&s.heading, annexes, todo);
    s.sections = s
        .sections
        .iter()
        .map(|x| annex_references(x, annexes, todo))
        .collect();
    s
}

fn mark_annex_references(text: &str, annexes: usize, todo: &mut Vec<String>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("附件") {
        let after = &rest[i + "附件".len()..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let n: Option<usize> = after[..digits].parse().ok();
        out.push_str(&rest[..i]);
        match n {
            Some(n) if n == 0 || n > annexes => {
                out.push_str(&format!(
                    "{PLACEHOLDER}：上级来文的附件{n}，请改为本机关的附件或删去】"
                ));
                todo.push(format!("继承的文字提到上级来文的“附件{n}”，本文没有该附件"));
            }
            _ => out.push_str(&rest[i..i + "附件".len() + digits]),
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

fn titled(heading: &str, sections: Vec<Section>) -> Section {
    Section {
        heading: heading.into(),
        sections,
        ..Section::default()
    }
}

fn placeholder_section(heading: &str, what: &str) -> Section {
    Section {
        heading: heading.into(),
        text: Paragraphs(vec![format!("{PLACEHOLDER}：{what}】")]),
        ..Section::default()
    }
}

/// A line diff between an existing draft and a new one (for `derive --diff`).
pub fn diff(old: &str, new: &str, old_name: &str, new_name: &str) -> String {
    similar::TextDiff::from_lines(old, new)
        .unified_diff()
        .header(old_name, new_name)
        .to_string()
}
