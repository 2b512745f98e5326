//! What every derivation of one upstream notice for one office shares: the words filled into
//! patterns, the dates, the campaign's names, and what the office still has to do.

use super::defaults::Defaults;
use super::localise::{rank, Localiser};
use super::profile::{self, Profile, Substitution};
use super::relayer_dates::RelayerDeadlines;
use super::{
    body, campaign, citation, deadlines, follow_upstream_report, follow_upstream_summary, phases,
    sections_of, upstream_title, Dates, DeriveAs, Office, Upstream,
};
use crate::calendar::{Calendar, CalendarError};
use crate::error::{Error, Result};
use crate::spec::conventions::PLACEHOLDER;
use crate::spec::year::expand;
use crate::spec::{
    Annex, AnnexKind, Campaign, DocKind, DocNumber, Header, Paragraphs, Provenance, Section,
    Signature, Spec,
};
use chrono::{Datelike, NaiveDate};

/// The words a derivation fills into patterns: `{office}`, `{scope}`, `{name}`, `{local}`,
/// `{short}`, `{subject}`, `{citation}` and the deadlines; other `{…}` (the spec's year
/// variables) are left for the spec.
pub struct Vars {
    pairs: Vec<(&'static str, String)>,
    /// Without a campaign the draft has no `[campaign]` table: the year variables are
    /// expanded here with the year of the 成文日期 (the campaign's dates become placeholders).
    year_only: Option<Campaign>,
}

impl Vars {
    /// A pattern with the derivation's words filled in.
    pub fn fill(&self, pattern: &str) -> String {
        let mut out = pattern.to_owned();
        for (key, value) in &self.pairs {
            if out.contains(key) {
                // A name that opens with its own quoted part (“我们的节日·春节”主题, “119”消防
                // 宣传月) is marked already: the pattern's marks around it go.
                if value.starts_with('“') {
                    out = out.replace(&format!("“{key}”"), key);
                }
                out = out.replace(key, value);
            }
        }
        if let Some(c) = &self.year_only {
            if out.contains('{') {
                out = expand(&out, Some(c)).unwrap_or(out);
            }
        }
        // 开展…活动活动 when a name already ends with the event word.
        nest_quotes(&out.replace("活动活动", "活动"))
    }

    /// Every pattern of a list filled.
    pub fn fill_all(&self, texts: &[String]) -> Vec<String> {
        texts.iter().map(|t| self.fill(t)).collect()
    }

    /// A section (heading, text, phases, subsections) filled.
    pub fn fill_section(&self, s: &Section) -> Section {
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

/// Quotation marks inside quotation marks become single ones (GB/T 15834: 双引号里面的引号
///用单引号): a pattern that quotes a name which quotes a part of itself inside it (组织“{short}”
/// with 全国“质量月”) reads 组织“全国‘质量月’”, not 组织“全国“质量月””.
fn nest_quotes(text: &str) -> String {
    let mut depth = 0;
    text.chars()
        .map(|c| match c {
            '“' => {
                depth += 1;
                if depth > 1 {
                    '‘'
                } else {
                    c
                }
            }
            '”' if depth > 0 => {
                depth -= 1;
                if depth > 0 {
                    '’'
                } else {
                    c
                }
            }
            c => c,
        })
        .collect()
}

/// One derivation in progress: its inputs, its words and dates, and its notes to the office.
pub struct Ctx<'a> {
    /// The upper office's notice.
    pub up: &'a Upstream,
    /// The office profile.
    pub office: &'a Office,
    /// What is being derived.
    pub as_: DeriveAs,
    /// The derivation defaults (`templates/derive/defaults.toml`).
    pub d: &'static Defaults,
    /// The upstream title, year variables expanded.
    pub title: String,
    /// The campaign's names (none for a work notice).
    pub names: Option<campaign::Names>,
    /// The computed deadlines (with a campaign).
    pub dates: Option<Dates>,
    /// 成文日期 of the draft.
    pub issued: NaiveDate,
    /// The draft's year (the campaign's, else the 成文日期's).
    pub year: i32,
    /// 根据《…》（…）要求，
    pub cite: String,
    /// The words filled into patterns.
    pub vars: Vars,
    /// What the office still has to fill in.
    pub todo: Vec<String>,
    /// How often each substitution of the profile was applied.
    pub counts: Vec<usize>,
    /// The holiday schedule.
    pub cal: &'a Calendar,
    /// What the work-notice rules changed in inherited text (reported with the substitutions).
    pub changes: Vec<String>,
}

impl<'a> Ctx<'a> {
    /// Reads the upstream's campaign, dates and names for `office`.
    pub fn new(
        up: &'a Upstream,
        office: &'a Office,
        as_: DeriveAs,
        cal: &'a Calendar,
    ) -> Result<Self> {
        let d = Defaults::embedded();
        let upstream = &up.value;
        let campaign = upstream.campaign.as_ref();
        let title = upstream_title(upstream, campaign);
        let todo = Vec::new();
        let mut changes = Vec::new();
        let calendar_error = |field: &str, e: CalendarError| {
            Error::Spec(vec![
                up.error(field, format!("{e}（用 --holidays 加入该年的节假日安排）"))
            ])
        };
        let dates = match campaign {
            Some(c) => {
                let mut dates =
                    deadlines(c, &office.value, cal).map_err(|e| calendar_error("campaign", e))?;
                follow_upstream_summary(&mut dates, upstream, c, &office.value, cal);
                follow_upstream_report(&mut dates, upstream, c, &office.value, cal);
                Some(dates)
            }
            None => None,
        };
        let issued = issued(up, &office.value, dates.as_ref(), cal, &mut changes)
            .map_err(|(field, e)| match e {
                Some(e) => calendar_error(field, e),
                None => Error::Spec(vec![up.error(
                    field,
                    "上级来文既没有 [campaign]（活动日期），也没有 [signature] 的成文日期，无法推算本机关的成文日期"
                        .into(),
                )]),
            })?;
        // The phases count from the draft's own date, wherever it was moved to.
        let mut dates = dates;
        if let Some(d) = dates.as_mut() {
            d.issued = issued;
            // A draft that goes out late (its upstream came after the day counted back from
            // the campaign) leaves its units the working days of any deadline after its date.
            let room = cal.add_workdays(issued, DEADLINE_ROOM).ok();
            if let Some(room) = room.filter(|_| d.report <= issued) {
                changes.push(format!(
                    "活动安排报送期限：按活动日期推算为 {}，不晚于本稿成文日期，已改为其后 {DEADLINE_ROOM} 个工作日的 {room}",
                    d.report
                ));
                d.report = room;
                d.report_by = super::date_var(room, true);
            }
        }
        if let Some(c) = campaign.filter(|c| issued >= c.start) {
            changes.push(format!(
                "时间安排：本稿成文日期 {issued} 不早于活动开始的 {}，方案不列准备阶段",
                c.start
            ));
        }
        let year = campaign.map_or(issued.year(), |c| c.year);
        let mut todo = todo;
        todo.extend(provisional_years(cal, campaign, dates.as_ref(), issued));
        let cite = citation(upstream, campaign);
        // An action (专项行动) is dated as a campaign and worded as a work notice.
        let event = campaign.filter(|c| !campaign::is_action(c, &title, &d.title));
        let subject = match event {
            Some(_) => None,
            None => {
                campaign::document_subject(&title, &campaign::places(upstream, &d.title), &d.title)
            }
        }
        .unwrap_or_else(|| match upstream.kind {
            // (…情况的通报的通知: a 通报 is carried out, not its 文种 repeated.)
            DocKind::Bulletin => d.title.bulletin_subject.replace("{title}", &title),
            _ => campaign::subject(&title, &d.title),
        });
        // A campaign whose name cannot be read is called by its subject.
        // A campaign's cover notice (关于印发《2026年某州“××月”活动方案》的通知) names it in the
        // plan it prints.
        let printed = upstream
            .printed()
            .map_or(title.as_str(), |e| e.title.as_str());
        let names = event.map(|c| {
            campaign::names(upstream, c, printed, &d.title).unwrap_or_else(|| campaign::Names {
                full: subject.clone(),
                name: subject.clone(),
                short: subject.clone(),
            })
        });
        let vars = vars(
            d,
            &office.value,
            names.as_ref(),
            dates.as_ref(),
            &subject,
            &cite,
            year,
            issued,
        );
        Ok(Ctx {
            up,
            office,
            as_,
            d,
            title,
            names,
            dates,
            issued,
            year,
            cite,
            vars,
            todo,
            counts: vec![0; office.value.substitutions.len()],
            cal,
            changes,
        })
    }

    /// The rules that make inherited text the office's (none for a relay, which passes the
    /// upstream on word for word).
    pub fn localiser(&self) -> Option<Localiser<'a>> {
        (self.as_ != DeriveAs::Relay).then(|| self.own_localiser())
    }

    /// The rules that make inherited text the office's, for any derivation.
    fn own_localiser(&self) -> Localiser<'a> {
        let o = &self.profile().office;
        let upstream = self.upstream();
        let issuers = upstream.offices();
        let units = o.units.clone().or_else(|| {
            o.recipients
                .as_deref()
                .map(|r| default_units(&self.d.work, r))
        });
        let since = upstream.signature.as_ref().map_or(self.issued, |s| s.date);
        Localiser {
            words: &self.d.work,
            calendar: self.cal,
            lead_workdays: self.profile().deadlines.lead_workdays,
            since,
            issued: self.issued,
            report_to: o.report_to.clone().unwrap_or_else(|| o.name.clone()),
            duty_to: o.duty_to.clone().unwrap_or_else(|| {
                // A profile whose units report to its duty desk anyway (县应急管理局指挥中心
                // （值班室）) names it.
                let w = &self.d.work;
                match &o.report_to {
                    Some(r) if w.duty_desks.iter().any(|d| r.contains(d.as_str())) => r.clone(),
                    // (县市场监督管理局值班室: as the office names itself in its text, not
                    // 大理白族自治州宾川县市场监督管理局值班室.)
                    _ => format!(
                        "{}{}",
                        super::localise::own_short_name(&o.name),
                        w.duty_desk
                    ),
                }
            }),
            email: o
                .email
                .clone()
                .unwrap_or_else(|| self.d.placeholders.email.clone()),
            phone: self
                .profile()
                .contacts
                .0
                .iter()
                .find_map(|c| {
                    super::localise::phone_numbers(c)
                        .first()
                        .map(|n| n.to_string())
                })
                .unwrap_or_else(|| self.d.placeholders.phone.clone()),
            duty_phone: o
                .duty_phone
                .clone()
                .unwrap_or_else(|| self.d.placeholders.duty_phone.clone()),
            fax: o
                .fax
                .clone()
                .unwrap_or_else(|| self.d.placeholders.fax.clone()),
            campaign_end: upstream.campaign.as_ref().map(|c| c.end),
            period_ends: crate::spec::texts::texts(upstream)
                .iter()
                .flat_map(|(_, t)| super::periods::period_ends(t, since))
                .collect(),
            place_units: units.as_deref().and_then(|u| places_of(&self.d.work, u)),
            units_are_places: places_among(
                &self.d.work,
                o.units.as_deref().or(o.recipients.as_deref()).unwrap_or(""),
            ),
            units: units.unwrap_or_else(|| self.d.placeholders.units.clone()),
            office: o.name.clone(),
            upstream: issuers,
            upstream_places: super::campaign::places(upstream, &self.d.title),
            scope: o.scope.clone(),
            level: scope_level(&o.scope),
            office_rank: o
                .level
                .map_or_else(|| office_rank(&o.name, &o.scope), |l| l.rank()),
            departments: o.recipients.as_deref().and_then(departments_of),
            own_sections: own_item(o.recipients.as_deref(), |i| {
                i.contains("机关")
                    && self
                        .d
                        .work
                        .internal_units
                        .iter()
                        .any(|u| i.contains(u.as_str()))
            }),
            own_bodies: own_item(o.recipients.as_deref(), |i| {
                i.contains('属') && i.ends_with("单位")
            }),
            addressed: upstream
                .recipients
                .as_deref()
                .map(|r| r.trim_end_matches('：').replace('，', "、"))
                .filter(|r| r.chars().count() >= 4)
                .into_iter()
                .collect(),
            shared_addressees: shared_addressees(
                upstream.recipients.as_deref(),
                o.recipients.as_deref(),
            ),
            relayer: relayer_deadlines(upstream, since),
        }
    }

    /// The requirements a relaying upstream added to the document it relays, made the
    /// office's: a relay passes the document on word for word and these on as its own.
    pub fn relayer_requirements(&mut self) -> Vec<Section> {
        let upstream = self.upstream();
        if upstream.relayed().is_none() {
            return Vec::new();
        }
        let l = self.own_localiser();
        let subs = &self.profile().substitutions;
        let mut out = Vec::new();
        for s in &upstream.sections {
            let mut kept = super::inherit_section(s, subs, &mut self.counts);
            l.prune_tiers(&mut kept, &mut self.changes);
            localise_section(&mut kept, &l, &mut self.changes);
            if !kept.text.0.is_empty() || !kept.sections.is_empty() {
                out.push(kept);
            }
        }
        out
    }

    /// What the upstream asks to be reported by a deadline, asked of the office's own units:
    /// each such sentence of its text made the office's (an earlier date, the office as the
    /// target), so that a relay does not leave its units with the upper office's dates and
    /// addresses only (the relayed document keeps them, word for word).
    pub fn relay_reports(&mut self) -> Vec<String> {
        let l = self.own_localiser();
        let upstream = self.upstream();
        let sections = sections_of(upstream);
        let mut texts: Vec<&String> = super::opening_of(upstream).iter().collect();
        collect_texts(&sections, &mut texts);
        // What a cover notice asks after its 印发语 (各地要于12月10日前将全年工作总结报送…).
        texts.extend(
            upstream
                .transmit
                .iter()
                .filter(|_| upstream.printed().is_some()),
        );
        let relayed = relayed_name(upstream, &self.profile().office.scope);
        let mut out: Vec<String> = Vec::new();
        for text in texts {
            // A paragraph made the office's as a whole (as a notice's is), so that what goes with
            // the upper office's own event (its attendance) goes here too; the profile's words
            // first (the relayed document itself keeps the upstream's).
            // (Substitutions are counted where an ask was taken: the relayed document keeps
            // the upstream's words.)
            let mut notes = Vec::new();
            let mut counts = vec![0; self.counts.len()];
            let substituted = super::substitute(text, &self.profile().substitutions, &mut counts);
            let localised = l.apply(&substituted, &mut notes);
            if asks_of(
                &localised,
                &l,
                &relayed,
                &self.d.work.report_verbs,
                &mut out,
            ) {
                self.changes.extend(notes);
                for (total, n) in self.counts.iter_mut().zip(counts) {
                    *total += n;
                }
            }
        }
        in_order_due(out, period_of(upstream), l.since)
    }

    /// 经县政府同意，: a general office (县人民政府办公室, 区委办公室) whose upstream issued with
    /// its organs' approval (经市政府同意, 经市委、市政府同意) issues with its own level's, where
    /// its own organ is among them: all of them where the office issues jointly (两办), else
    /// its own.
    pub fn approval(&self) -> Option<String> {
        let o = &self.profile().office;
        let level = scope_level(&o.scope)?;
        let opening = super::opening_of(self.upstream()).concat();
        let organs = &self.d.opening.approving_organs;
        let own_organ = organs
            .iter()
            .find(|g| o.name.ends_with(&format!("{g}办公室")))?;
        opening.match_indices('经').find_map(|(at, _)| {
            let rest = &opening[at + '经'.len_utf8()..];
            let end = rest.find("同意").filter(|&e| e <= 24)?;
            let named: Vec<&String> = rest[..end]
                .split('、')
                .map(|n| {
                    let short = n.chars().count() <= 6;
                    organs.iter().find(|g| short && n.ends_with(g.as_str()))
                })
                .collect::<Option<_>>()?;
            let joint = o.issuers.len() > 1;
            let own: Vec<String> = named
                .iter()
                .filter(|g| joint || **g == own_organ)
                .map(|g| format!("{level}{g}"))
                .collect();
            named
                .contains(&own_organ)
                .then(|| format!("经{}同意，", own.join("、")))
        })
    }

    /// Inherited text made the office's (deadlines, reporting targets; a work notice's
    /// addressees).
    pub fn localise(&mut self, text: &str) -> String {
        match self.localiser() {
            Some(l) => l.apply(text, &mut self.changes),
            None => text.to_owned(),
        }
    }

    /// The profile.
    pub fn profile(&self) -> &'a Profile {
        &self.office.value
    }

    /// The upstream spec.
    pub fn upstream(&self) -> &'a Spec {
        &self.up.value
    }

    /// The office's own pattern, else the campaign's or the work notice's default, filled.
    pub fn pattern(&self, own: &Option<String>, campaign: &str, work: &str) -> String {
        let default = if self.names.is_some() { campaign } else { work };
        self.vars.fill(own.as_deref().unwrap_or(default))
    }

    /// 【待填写：what】, listed for the office.
    pub fn placeholder(&mut self, what: &str, todo: String) -> String {
        self.todo.push(todo);
        format!("{PLACEHOLDER}：{what}】")
    }

    /// `substitute` on inherited text, counted.
    pub fn substitute(&mut self, text: &str) -> String {
        super::substitute(text, &self.profile().substitutions, &mut self.counts)
    }

    /// 主送机关: the office's, or a 【待填写】 mark.
    pub fn recipients(&mut self) -> String {
        match &self.profile().office.recipients {
            Some(r) => r.clone(),
            None => {
                let what = &self.d.placeholders.recipients;
                self.placeholder(what, format!("{what}（recipients）"))
            }
        }
    }

    /// 联系人及电话 as one 附注 line.
    pub fn contacts(&self) -> Option<String> {
        let contacts = &self.profile().contacts.0;
        (!contacts.is_empty()).then(|| contacts.join("；"))
    }

    /// The plan's title (方案 of a campaign or a work notice).
    pub fn plan_title(&self) -> String {
        let p = &self.d.patterns;
        let quoted = self.names.as_ref().is_some_and(|n| {
            campaign::is_quoted(&n.name, &self.title)
                || campaign::is_national_day(&n.name, &self.d.title)
        }) && self.profile().office.campaign_name.is_none();
        let campaign = if quoted {
            &p.quoted_plan_title
        } else {
            &p.plan_title
        };
        let title = self.pattern(
            &self.profile().office.plan_title,
            campaign,
            &p.work_plan_title,
        );
        match self.printed_plan_type() {
            Some(kind) if self.profile().office.plan_title.is_none() => title
                .strip_suffix("工作方案")
                .map_or_else(|| title.clone(), |rest| format!("{rest}{kind}")),
            _ => title,
        }
    }

    /// The kind of plan the upstream prints, or asks its addressees to make (结合实际制定实施方案),
    /// where it is not a 工作方案 (实施方案, 行动方案): the office's plan is one of that kind.
    fn printed_plan_type(&self) -> Option<&str> {
        let kinds = || {
            self.d
                .title
                .document_endings
                .iter()
                .filter(|e| e.ends_with("方案") && e.chars().count() > 2 && *e != "工作方案")
        };
        if let Some(printed) = self.upstream().printed() {
            let title = printed.title.trim();
            return kinds()
                .find(|e| title.ends_with(e.as_str()))
                .map(String::as_str);
        }
        // The kind the upstream asks its addressees to make (结合实际制定实施方案).
        let texts = crate::spec::texts::texts(self.upstream());
        kinds()
            .find(|e| {
                texts.iter().any(|(_, t)| {
                    t.match_indices("制定").any(|(at, w)| {
                        let after: String = t[at + w.len()..].chars().take(12).collect();
                        after.contains(e.as_str())
                    })
                })
            })
            .map(String::as_str)
    }

    /// What a cover notice asks beyond its 印发 (…印发给你们，请认真组织实施。各县（市）要于5月25日
    /// 前报送…), in the office's wording: asked of the office's units too.
    pub fn transmit_requests(&mut self) -> Vec<String> {
        super::transmit_requests(self.upstream())
            .map(|asked| {
                let asked = self.substitute(&asked);
                self.localise(&asked)
            })
            .into_iter()
            .collect()
    }

    /// The plan's opening paragraph: the profile's, or the default with the upstream's reasons
    /// before its citation, made the office's as the notice's are (为巩固…，根据《省…》和《市…》
    /// 要求，结合本地实际，制定本方案。).
    pub fn plan_opening(&mut self) -> String {
        if let Some(own) = self.profile().office.plan_opening.clone() {
            return self.vars.fill(&own);
        }
        let upstream: Vec<String> = super::opening_of(self.upstream())
            .iter()
            .map(|p| {
                let p = self.substitute(p);
                self.localise(&p)
            })
            .collect();
        let cited = super::opening::cited_reasons(&upstream, &self.cite, &self.d.opening);
        let pattern = self.d.patterns.plan_opening.replace("{citation}", &cited);
        self.vars.fill(&pattern)
    }

    /// `[provenance]`: where the draft came from.
    pub fn provenance(&self) -> Provenance {
        let upstream = self.upstream();
        Provenance {
            upstream_file: self.up.path.display().to_string(),
            upstream_title: crate::compose::cover_title(upstream),
            upstream_number: super::number_of(upstream),
            upstream_date: upstream.signature.as_ref().map(|s| s.date),
            office_file: self.office.path.display().to_string(),
            derived_as: self.as_.name().to_owned(),
        }
    }

    /// `[campaign]`: the upstream's, under the office's own name (a relay keeps the upstream's).
    pub fn campaign(&self) -> Option<Campaign> {
        let c = self.upstream().campaign.as_ref()?;
        let name = if self.as_ == DeriveAs::Relay {
            c.name.clone()
        } else {
            self.names.as_ref().map(|_| self.vars.fill("{local}"))
        };
        Some(Campaign { name, ..c.clone() })
    }

    /// `[header]` with the office's 发文字号 (when it has a 代字); the 顺序号 is for the office
    /// to fill when the profile has none.
    pub fn header(&mut self) -> Option<Header> {
        let o = &self.profile().office;
        let code = o.doc_code.as_ref()?;
        if o.serial.is_none() {
            self.todo
                .push("发文字号的顺序号（header.doc_number.serial）".to_owned());
        }
        let issuers = if o.issuers.is_empty() {
            vec![o.name.clone()]
        } else {
            o.issuers.clone()
        };
        let name_only = self
            .d
            .work
            .nameonly_codes
            .iter()
            .any(|c| code.ends_with(c.as_str()));
        let mark_suffix = o
            .mark_suffix
            .clone()
            .or_else(|| name_only.then(String::new));
        // An urgent upstream (特急 明电) is passed on as urgently, said for the office to weigh.
        let urgency = self
            .upstream()
            .header
            .as_ref()
            .and_then(|h| h.urgency.clone());
        if let Some(u) = &urgency {
            self.todo.push(format!(
                "{CHECK_NOTE}紧急程度“{u}”沿用上级来文，请按本机关的实际核定"
            ));
        }
        Some(Header {
            issuers,
            mark_suffix,
            urgency,
            doc_number: Some(DocNumber {
                code: code.clone(),
                year: self.issued.year(),
                serial: o.serial.unwrap_or(crate::compose::text::UNNUMBERED),
                written: None,
            }),
            ..Header::default()
        })
    }

    /// 版记: the profile's 抄送 and 印发机关, printed on the 成文日期; none without a 印发机关
    /// or 抄送 in the profile.
    pub fn colophon(&self) -> Option<crate::spec::Colophon> {
        let o = &self.profile().office;
        (o.printer.is_some() || !o.cc.is_empty()).then(|| crate::spec::Colophon {
            cc: o.cc.clone(),
            printer: o.printer.clone(),
            print_date: o.printer.as_ref().map(|_| self.issued),
        })
    }

    /// `[signature]`: the office (or the cover notice's issuer) on the computed date.
    pub fn signature(&self) -> Signature {
        let p = self.profile();
        let issuer = p
            .cover
            .as_ref()
            .and_then(|c| c.issuer.clone())
            .filter(|_| self.as_ == DeriveAs::Cover)
            .unwrap_or_else(|| p.office.name.clone());
        // The office's own seal, over its own name only.
        let seals = p
            .office
            .seal
            .as_deref()
            .filter(|_| p.office.sealed && issuer == p.office.name)
            .map(|s| super::seal_path(&self.office.path, s).display().to_string())
            .into_iter()
            .collect();
        // A joint office (两办, or a lead office with its partners: the profile's mark names two
        // or more) signs with them all (§7.3.5.1), its own seal over its name where it leads.
        let joint = p.office.issuers.len() > 1 && issuer == p.office.name;
        let (issuer, issuers, seals) = if joint {
            let leads = p.office.issuers.first() == Some(&p.office.name);
            let seals = if leads { seals } else { Vec::new() };
            (None, p.office.issuers.clone(), seals)
        } else {
            (Some(issuer), Vec::new(), seals)
        };
        Signature {
            issuer,
            issuers,
            date: self.issued,
            sealed: p.office.sealed,
            signer: None,
            signer_role: None,
            seals,
            seal_size_mm: None,
            after_enclosure: false,
        }
    }

    /// The draft's annexes and where the upstream's went: in the upstream's order, each
    /// upstream annex carried (see [`Self::carried`]) or stood in for by the office's own of
    /// its kind (its member list for a list, its forms for a table); the office's others after.
    pub fn annexes(&self) -> (Vec<Annex>, super::AnnexMap) {
        let mut own = self.own_annexes().into_iter().map(Some).collect::<Vec<_>>();
        let up = &self.up.value.annexes;
        let mut out = Vec::new();
        let mut upstream = vec![None; up.len()];
        for (i, a) in up.iter().enumerate() {
            if let Some(c) = self.carried(a) {
                out.push(c);
                upstream[i] = Some(out.len());
                continue;
            }
            let first = out.len() + 1;
            let mut placed = false;
            for slot in own.iter_mut() {
                if slot.as_ref().is_some_and(|o| o.kind == a.kind) {
                    out.extend(slot.take());
                    placed = true;
                }
            }
            upstream[i] = placed.then_some(first);
        }
        out.extend(own.into_iter().flatten());
        let map = super::AnnexMap {
            total: out.len(),
            upstream,
            // A plan stands as 附件1 of its notice (seed 001): its forms are 附件2 ….
            base: usize::from(self.as_ == DeriveAs::Plan),
        };
        (out, map)
    }

    /// An upstream annex the draft carries as its own: a form (table) where the profile has
    /// none of its own, and, for a work notice, a text annex (the materials its units work
    /// from). Lists (the upper office's committee) and a campaign's texts (its own plan) are
    /// not carried. Title, text and a column of the lower levels are made the office's.
    fn carried(&self, a: &Annex) -> Option<Annex> {
        let l = self.localiser()?;
        let p = self.profile();
        let wanted = match a.kind {
            AnnexKind::Table => p.forms.is_empty(),
            AnnexKind::Text => self.names.is_none(),
            AnnexKind::List => false,
        };
        if !wanted || self.upper_own_table(a, &l) {
            return None;
        }
        let mut a = a.clone();
        let up = &self.up.value;
        // A text the upstream cites by its title (我厅起草了《…（征求意见稿）》) is the upper
        // office's document, carried as it is (a form cited so is still the office's to fill).
        let cited = format!("《{}》", a.title);
        let text = a.kind == AnnexKind::Text;
        if text
            && crate::spec::texts::texts(up)
                .iter()
                .any(|(field, t)| !field.starts_with("annexes") && t.contains(&cited))
        {
            return Some(a);
        }
        let mut notes = Vec::new();
        a.title = campaign::local_title(&a.title, up, &self.d.title, &p.office.scope);
        a.title = l.apply(&a.title, &mut notes);
        for t in a.text.0.iter_mut() {
            *t = l.apply(t, &mut notes);
        }
        // A deadline in a cell (12月15日前全覆盖检查) comes earlier as the body's does.
        for cell in a.rows.iter_mut().flatten() {
            *cell = l.deadlines(cell, &mut notes);
        }
        for c in a.columns.iter_mut() {
            if self.d.work.level_columns.contains(&c.title) {
                c.title = self.d.work.unit_column.clone();
            }
        }
        super::form_rows::blank_upper_places(&mut a, &self.d.work);
        super::form_rows::one_unit_column(&mut a, &self.d.work);
        Some(a)
    }

    /// A table of the upper level's own arrangement (市防指汛前安全隐患督导检查组分组表: its groups
    /// and who leads them), titled by an upper level's body, no form for the office's units to
    /// fill in (…统计表, …汇总表, `[work] fill_in_forms`): not the office's annex.
    fn upper_own_table(&self, a: &Annex, l: &Localiser) -> bool {
        let title = a.title.trim();
        let above = super::localise::level_words_above(&l.upstream, l.office_rank);
        let upper = above
            .iter()
            .any(|w| title.starts_with(w) && !title[w.len()..].starts_with(['级', '、', '（']));
        let form = self
            .d
            .work
            .fill_in_forms
            .iter()
            .any(|f| title.ends_with(f.as_str()));
        a.kind == AnnexKind::Table && upper && !form
    }

    /// The office's annexes: its member list and its forms.
    pub fn own_annexes(&self) -> Vec<Annex> {
        let p = self.profile();
        let members = p.members.iter().map(|m| Annex {
            title: self.vars.fill(&m.title),
            kind: AnnexKind::List,
            groups: m.groups.clone(),
            text: Paragraphs(self.vars.fill_all(&m.text.0)),
            ..Annex::default()
        });
        let forms = p.forms.iter().map(|f| Annex {
            title: self.vars.fill(&f.title),
            kind: AnnexKind::Table,
            fields: f.fields.clone(),
            columns: f.columns.clone(),
            blank_rows: f.blank_rows,
            landscape: f.landscape,
            ..Annex::default()
        });
        members.chain(forms).collect()
    }

    /// The draft's body: the upstream's sections under the office's rules, with its blocks.
    pub fn body(&mut self) -> Vec<Section> {
        let d = self.d;
        let p = self.profile();
        // A block the office has no text of its own for: the upstream's sections stand in,
        // inherited and made the office's, instead of a 【待填写】 mark.
        let mut upstream_blocks = Vec::new();
        let requirements = if p.requirements.is_empty() {
            upstream_blocks.push(profile::Block::Requirements);
            None
        } else {
            Some(self.block(&d.headings.requirements, &p.requirements))
        };
        let plan_like = matches!(self.as_, DeriveAs::Plan | DeriveAs::Cover);
        // A campaign plan's 活动安排 is the office's own (its places, dates and organisers): a
        // 【待填写】 mark where the profile has none; a work plan has the block only when the
        // office has activities.
        let has_activities = self.names.is_some() || !p.activities.is_empty();
        // An office without activities of its own takes up the upstream's (made its own), as
        // its notice does, rather than a 【待填写】 mark in their place.
        let upstream_activities = sections_of(&self.up.value)
            .iter()
            .filter(|_| p.activities.is_empty())
            .find_map(|s| {
                p.rules
                    .iter()
                    .chain(&d.rules)
                    .find(|r| r.matches(self.as_, &s.heading))
                    .filter(|r| {
                        r.action == profile::Action::Replace
                            && r.block == Some(profile::Block::Activities)
                    })
                    .map(|_| s.heading.clone())
            });
        if let Some(heading) = &upstream_activities {
            upstream_blocks.push(profile::Block::Activities);
            self.changes.push(format!(
                "上级来文的“{heading}”沿用为本机关的活动安排（机关资料未写 activities），请按本地实际核改"
            ));
        }
        let activities = (upstream_activities.is_none()
            && ((plan_like && has_activities) || self.named(profile::Block::Activities)))
        .then(|| {
            self.own_block(
                &d.headings.activities,
                &d.placeholders.activities,
                &p.activities,
            )
        });
        let schedule = self.schedule(plan_like);
        let wanted = plan_like || self.named(profile::Block::Schedule);
        if schedule.is_none() && wanted && !p.phases.is_empty() {
            self.todo.push(format!(
                "机关资料的 {} 个阶段（[[phases]]）未能排入时间安排：上级来文没有活动日期（[campaign]），请自行写明时间安排",
                p.phases.len()
            ));
        }
        let own_rules: Vec<profile::Rule> = p.rules.iter().map(|r| self.fill_rule(r)).collect();
        let rules: Vec<&profile::Rule> = own_rules.iter().chain(&d.rules).collect();
        for s in sections_of(&self.up.value).iter() {
            let rule = rules.iter().find(|r| r.matches(self.as_, &s.heading));
            if rule.is_some_and(|r| r.action == profile::Action::Drop) {
                self.changes.push(format!(
                    "上级来文的“{}”一节已删去（上级机关本级的安排）",
                    s.heading
                ));
            }
        }
        let local = self.local_sections();
        let mut guidance_done = p.guidance.is_empty();
        let subs: &[Substitution] = &p.substitutions;
        let localiser = self.localiser();
        let fixed = self.upstream().campaign.as_ref().map(|c| (c.start, c.end));
        let (counts, changes) = (&mut self.counts, &mut self.changes);
        let mut inherit = |s: &Section| {
            let mut kept = super::inherit_section(s, subs, counts);
            let is_guidance = d
                .guidance
                .headings
                .iter()
                .any(|w| s.heading.contains(w.as_str()));
            if !guidance_done && is_guidance && super::add_guidance(&mut kept, &p.guidance) {
                guidance_done = true;
            }
            if let Some(l) = &localiser {
                l.prune_tiers(&mut kept, changes);
                localise_section(&mut kept, l, changes);
                super::stages::localise(std::slice::from_mut(&mut kept), l, fixed, changes);
            }
            kept
        };
        let mut requirements = requirements;
        let carried = match requirements.as_mut() {
            Some(req) => carry_dated_asks(
                req,
                &sections_of(&self.up.value),
                self.as_,
                &d.work.report_verbs,
                &rules,
                &mut inherit,
            ),
            None => Vec::new(),
        };
        let blocks = body::Blocks {
            requirements,
            activities,
            schedule,
            upstream: upstream_blocks,
        };
        let upstream = sections_of(&self.up.value);
        let body = body::body(&upstream, &rules, self.as_, blocks, &local, &mut inherit);
        self.changes.extend(carried.iter().map(|a| {
            format!("上级来文要求按期报送或完成的“{a}”随本机关的工作要求保留（上级来文的该节由机关资料的 requirements 代替）")
        }));
        let (_, map) = self.annexes();
        let body = body
            .iter()
            .map(|s| super::annex_references(s, &map, &mut self.todo))
            .collect();
        if !guidance_done {
            self.todo.push(format!(
                "指导文件 {} 未能插入上级来文的指导思想（其中没有《…》），请自行补入",
                p.guidance.join("")
            ));
        }
        body
    }

    /// The office's sections for this derivation, filled.
    pub fn local_sections(&self) -> Vec<profile::LocalSection> {
        self.profile()
            .sections
            .iter()
            .map(|l| {
                let mut l = l.clone();
                let s = self.vars.fill_section(&l.section());
                (l.heading, l.text, l.sections) = (s.heading, s.text, s.sections);
                l
            })
            .collect()
    }

    /// A plan's sections: the body, or where the upstream gives none to carry, the outline of
    /// the defaults, each heading over a 【待填写】 mark (listed).
    pub fn plan_body(&mut self) -> Vec<Section> {
        let mut body = self.body();
        if !body.is_empty() {
            // The notice's words for itself are the plan's (按照本通知 → 按照本方案).
            if let [from, to] = self.d.work.plan_self_reference.as_slice() {
                let n = renamed_in(&mut body, from, to);
                if n > 0 {
                    self.changes.push(format!("“{from}”→“{to}”：{n} 处"));
                }
            }
            return body;
        }
        let outline = self.d.headings.plan_outline.clone();
        let what = self.d.placeholders.plan_section.clone();
        outline
            .iter()
            .map(|h| self.own_block(h, &what.replace("{heading}", h), &[]))
            .collect()
    }

    /// The office's block: its own sections, or a 【待填写】 mark saying what belongs there.
    fn block(&self, heading: &str, own: &[Section]) -> Section {
        Section {
            heading: heading.into(),
            sections: own.iter().map(|s| self.vars.fill_section(s)).collect(),
            ..Section::default()
        }
    }

    /// The office's block, or a 【待填写】 mark asking for `what` (listed).
    fn own_block(&mut self, heading: &str, what: &str, own: &[Section]) -> Section {
        if !own.is_empty() {
            return self.block(heading, own);
        }
        self.todo.push(format!("{heading}（{what}）"));
        Section {
            heading: heading.into(),
            text: Paragraphs(vec![format!("{PLACEHOLDER}：{what}】")]),
            ..Section::default()
        }
    }

    /// Whether a rule of the profile places `b` in this derivation.
    fn named(&self, b: profile::Block) -> bool {
        self.profile()
            .rules
            .iter()
            .any(|r| r.block == Some(b) && (r.for_.is_empty() || r.for_.contains(&self.as_)))
    }

    /// 时间安排: the phases over the campaign's dates (a plan's, or where a rule puts it).
    fn schedule(&self, plan_like: bool) -> Option<Section> {
        let p = self.profile();
        let rules = if p.phases.is_empty() {
            &self.d.phases
        } else {
            &p.phases
        };
        let c = self.upstream().campaign.as_ref()?;
        let dates = self.dates.as_ref()?;
        if !(plan_like || self.named(profile::Block::Schedule)) || rules.is_empty() {
            return None;
        }
        // The default stages are an event's (筹备, 活动, 总结); an action carries its own, and
        // so does an upstream whose sections have dated stages (动员部署阶段（5月10日—5月16日）,
        // as phases or as headings): those are inherited, not doubled by a second 时间安排.
        let staged = super::stages::any(&sections_of(self.upstream()), self.issued);
        if p.phases.is_empty() && (self.names.is_none() || staged) {
            return None;
        }
        let phases = phases(c, dates, rules)
            .into_iter()
            .map(|mut ph| {
                ph.name = self.vars.fill(&ph.name);
                ph.text = self.vars.fill(&ph.text);
                ph
            })
            .collect();
        Some(Section {
            heading: self.d.headings.schedule.clone(),
            phases,
            ..Section::default()
        })
    }

    fn fill_rule(&self, r: &profile::Rule) -> profile::Rule {
        let mut r = r.clone();
        r.to = r.to.as_deref().map(|t| self.vars.fill(t));
        r.text.0 = self.vars.fill_all(&r.text.0);
        r.sections = r
            .sections
            .iter()
            .map(|s| self.vars.fill_section(s))
            .collect();
        r
    }
}

/// A section's text and its subsections' made the office's by the work-notice rules.
/// The level word the office's scope ends with (县 of 修水县, 街道 of 建北街道), which its own
/// scope words take (本县, 全街道).
/// The office's level read from its place (书楼镇, 城关街道: a township's, whatever county its
/// name starts with), else from its name.
fn office_rank(name: &str, scope: &str) -> u8 {
    match scope_level(scope).as_deref() {
        Some("镇" | "乡" | "街道") => 0,
        _ => {
            // 霍山县市场监督管理局 is a county's: 市场 names no level.
            let mut plain = name.to_owned();
            for w in &Defaults::embedded().work.not_levels {
                plain = plain.replace(w.as_str(), "");
            }
            rank(&plain, true)
        }
    }
}

fn scope_level(scope: &str) -> Option<String> {
    if scope.ends_with("街道") {
        return Some("街道".to_owned());
    }
    scope
        .chars()
        .last()
        .filter(|c| "省市县区州旗盟镇乡".contains(*c))
        .map(String::from)
}

/// The part of a 主送 that names the office's departments (市直各单位, 县级有关部门), where it
/// names its local governments apart (各镇人民政府、街道办事处，市直各单位).
/// The item of the office's 主送 that `is` picks (局机关各股室 of 各乡镇人民政府，局机关各股室、
/// 局属各单位).
fn own_item(recipients: Option<&str>, is: impl Fn(&str) -> bool) -> Option<String> {
    recipients?
        .split(['，', '、'])
        .map(|i| i.trim().trim_end_matches('：'))
        .find(|i| is(i))
        .map(str::to_owned)
}

fn departments_of(recipients: &str) -> Option<String> {
    let parts: Vec<&str> = recipients.split('，').map(str::trim).collect();
    let department = |p: &str| {
        !p.contains("政府") && (p.contains('直') || p.contains("部门") || p.ends_with("单位"))
    };
    let found = parts.iter().find(|p| department(p))?;
    (parts.len() > 1).then(|| (*found).to_owned())
}

/// Every paragraph of `sections` and their items, in order.
fn collect_texts<'s>(sections: &'s [Section], out: &mut Vec<&'s String>) {
    for s in sections {
        out.extend(s.text.0.iter());
        out.extend(s.phases.iter().map(|p| &p.text));
        collect_texts(&s.sections, out);
    }
}

fn localise_section(s: &mut Section, l: &Localiser, notes: &mut Vec<String>) {
    for t in s.text.0.iter_mut() {
        *t = l.apply(t, notes);
    }
    s.text.0.retain(|t| !t.trim().is_empty());
    for p in s.phases.iter_mut() {
        p.text = l.apply(&p.text, notes);
    }
    // An item whose every sentence was the upper office's own goes with them.
    s.sections.retain_mut(|sub| {
        let had_text = !sub.text.0.is_empty();
        localise_section(sub, l, notes);
        let emptied = had_text && sub.text.0.is_empty() && sub.sections.is_empty();
        if emptied {
            notes.push(format!(
                "“{}”一项只有上级机关本级的安排，已删去",
                sub.heading
            ));
        }
        !emptied
    });
}

/// The draft's 成文日期: before the campaign by the office's working days, else after the
/// upstream's date; never before the upstream's own date (a late upstream: its date and the
/// office's working days after it). The error names the field; a moved date is noted.
fn issued(
    up: &Upstream,
    p: &Profile,
    dates: Option<&Dates>,
    cal: &Calendar,
    notes: &mut Vec<String>,
) -> std::result::Result<NaiveDate, (&'static str, Option<CalendarError>)> {
    let signature = up.value.signature.as_ref();
    let workdays = p
        .office
        .issue_workdays_after
        .unwrap_or(super::profile::ISSUE_WORKDAYS_AFTER);
    let after_upstream = |date: NaiveDate| {
        cal.add_workdays(date, workdays)
            .map_err(|e| ("signature.date", Some(e)))
    };
    let issued = match (dates, signature) {
        (Some(dates), _) => dates.issued,
        (None, Some(s)) => after_upstream(s.date)?,
        (None, None) => return Err(("signature", None)),
    };
    // Counted back from the campaign, the draft may come too late for a deadline the upstream
    // sets before it (1月10日前报备案): it then goes out as soon as the office can send it.
    let issued = match (dates, signature) {
        (Some(_), Some(s)) if s.date < issued => {
            match first_own_deadline(&up.value, s.date, p, cal).filter(|own| {
                cal.sub_workdays(*own, DEADLINE_ROOM)
                    .is_ok_and(|d| d < issued)
            }) {
                Some(own) => {
                    let moved = after_upstream(s.date)?.min(issued);
                    notes.push(format!(
                        "成文日期：按活动日期推算为 {issued}，距本稿最早的期限 {own} 不足 {DEADLINE_ROOM} 个工作日，已改为收文后 {workdays} 个工作日的 {moved}"
                    ));
                    moved
                }
                None => issued,
            }
        }
        _ => issued,
    };
    Ok(match signature {
        Some(s) if s.date > issued => {
            let moved = after_upstream(s.date)?;
            notes.push(format!(
                "成文日期：按活动日期推算为 {issued}，早于上级来文的成文日期 {}，已改为其后 {workdays} 个工作日的 {moved}",
                s.date
            ));
            moved
        }
        _ => issued,
    })
}

/// Working days a draft leaves its units before the first deadline it sets them.
const DEADLINE_ROOM: u32 = 5;

/// The earliest deadline the upstream sets after its own date, made the office's (earlier by
/// the profile's working days).
fn first_own_deadline(
    upstream: &Spec,
    dated: NaiveDate,
    p: &Profile,
    cal: &Calendar,
) -> Option<NaiveDate> {
    let first = crate::spec::texts::texts(upstream)
        .iter()
        .flat_map(|(_, t)| super::deadlines_in(t, dated))
        .filter(|d| *d > dated)
        .min()?;
    cal.sub_workdays(first, p.deadlines.lead_workdays).ok()
}

/// The words of a derivation: the office's, the campaign's names and the deadlines (or
/// 【待填写】 marks where a work notice has none).
#[allow(clippy::too_many_arguments)]
fn vars(
    d: &Defaults,
    p: &Profile,
    names: Option<&campaign::Names>,
    dates: Option<&Dates>,
    subject: &str,
    cite: &str,
    year: i32,
    issued: NaiveDate,
) -> Vars {
    let o = &p.office;
    let phrase = o
        .upstream_phrase
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty());
    let mut pairs: Vec<(&'static str, String)> = vec![
        ("{office}", o.name.clone()),
        // The issuers a title names: a joint office's all (中共某区委办公室　某区人民政府办公室).
        (
            "{issuers}",
            if o.issuers.len() > 1 {
                o.issuers.join("　")
            } else {
                o.name.clone()
            },
        ),
        ("{scope}", o.scope.clone()),
        ("{subject}", subject.to_owned()),
        ("{topic}", campaign::topic(subject, &d.title)),
        ("{citation}", cite.to_owned()),
        ("{committee}", o.committee.clone().unwrap_or_default()),
        (
            "{upstream_phrase}",
            phrase
                .map(|s| format!("{}，", s.trim_end_matches('，')))
                .unwrap_or_default(),
        ),
    ];
    match names {
        Some(n) => {
            let quoted = campaign::is_quoted(&n.name, subject);
            // A name the upstream writes in quotation marks keeps them in the office's own.
            let name = if quoted && !n.name.starts_with('“') {
                format!("“{}”", n.name)
            } else {
                n.name.clone()
            };
            let base = Vars {
                pairs: vec![("{scope}", o.scope.clone()), ("{name}", name)],
                year_only: None,
            };
            let national = d
                .title
                .national_names
                .iter()
                .any(|w| n.name.starts_with(w.as_str()));
            let default = if quoted || campaign::is_national_day(&n.name, &d.title) {
                &d.patterns.quoted_local
            } else if national {
                &d.patterns.national_local
            } else {
                &d.patterns.local
            };
            let local = base.fill(o.campaign_name.as_deref().unwrap_or(default));
            pairs.extend([
                ("{name}", n.name.clone()),
                ("{short}", n.short.clone()),
                ("{local}", local),
            ]);
        }
        None => {
            // A profile written for campaigns, used on a work notice: the office names it.
            let what = format!("{PLACEHOLDER}：{}】", d.placeholders.name);
            pairs.extend([
                ("{name}", what.clone()),
                ("{short}", what.clone()),
                ("{local}", what),
            ]);
        }
    }
    let date_todo = format!("{PLACEHOLDER}：{}】", d.placeholders.date);
    match dates {
        Some(dt) => pairs.extend([
            ("{report_by}", dt.report_by.clone()),
            ("{summary_by}", dt.summary_by.clone()),
            ("{summary_workdays}", dt.summary_workdays.to_string()),
        ]),
        None => pairs.extend(
            [
                "{report_by}",
                "{summary_by}",
                "{summary_workdays}",
                "{campaign}",
                "{start}",
                "{end}",
                "{edition}",
            ]
            .map(|k| (k, date_todo.clone())),
        ),
    }
    let year_only = names.is_none().then_some(Campaign {
        name: None,
        short: None,
        occasion: None,
        year,
        edition: None,
        start: issued,
        end: issued,
    });
    Vars { pairs, year_only }
}

/// A note for the office to check (no 【待填写】 mark in the draft), among its to-dos.
pub const CHECK_NOTE: &str = "请核对：";

/// What to check where the draft's working days fall in a year whose holiday schedule is not
/// published: they were counted by the statutory holidays, without the year's 调休.
fn provisional_years(
    cal: &Calendar,
    campaign: Option<&Campaign>,
    dates: Option<&Dates>,
    issued: NaiveDate,
) -> Vec<String> {
    let mut years: Vec<i32> = vec![issued.year()];
    years.extend(campaign.iter().flat_map(|c| [c.start.year(), c.end.year()]));
    years.extend(
        dates
            .iter()
            .flat_map(|d| [d.summary.year(), d.prepare_start.year()]),
    );
    years.sort();
    years.dedup();
    years
        .into_iter()
        .filter(|y| cal.is_provisional(*y))
        .map(|y| {
            format!(
                "{CHECK_NOTE}{y} 年的放假安排尚未发布：本稿的工作日按法定节假日和周末推算，未计调休上班日；请对照国务院办公厅的通知核对日期（发布后用 --holidays 加入 {y}.toml）"
            )
        })
        .collect()
}

/// The deadlines an upstream that relays or prints a document set in its own text (its opening,
/// requirements and closing): none for an upstream that carries no document.
fn relayer_deadlines(upstream: &Spec, since: NaiveDate) -> RelayerDeadlines {
    if upstream.enclosure.is_none() {
        return RelayerDeadlines::default();
    }
    let mut texts: Vec<&String> = upstream.opening.0.iter().collect();
    texts.extend(&upstream.closing.0);
    collect_texts(&upstream.sections, &mut texts);
    let texts: Vec<&str> = texts.iter().map(|t| t.as_str()).collect();
    RelayerDeadlines::of(&texts, since)
}

/// A sentence setting a time limit to report, sent to `target` where it names no one: 要在2小时内
/// 报告。 → 报告{target}; 24小时内报送初次报告 → 24小时内向{target}报送初次报告. One that says to
/// whom already (向属地疾控机构报告) is left as it is.
fn report_limit_to(sentence: &str, target: &str) -> String {
    if sentence.contains('向') {
        return sentence.to_owned();
    }
    if let Some(at) = sentence.find("报送") {
        return format!("{}向{target}{}", &sentence[..at], &sentence[at..]);
    }
    match sentence.strip_suffix("报告。") {
        Some(stem) => format!("{stem}报告{target}。"),
        None => sentence.to_owned(),
    }
}

/// The asks of one paragraph made the office's (`localised`) added to `out`: each sentence that
/// reports by a date, a weekly day or a time limit, to the office, asked of its units; the
/// address said after an ask (材料电子版发送至…) goes with it. Whether any was asked.
fn asks_of(
    localised: &str,
    l: &Localiser,
    relayed: &str,
    verbs: &[String],
    out: &mut Vec<String>,
) -> bool {
    // (Or its mailbox: 每日14时前通过电子邮件（…@163.com）报送当日情况.)
    let to_office = |s: &str| {
        s.contains(l.report_to.as_str())
            || s.contains(l.duty_to.as_str())
            || (!l.email.is_empty() && s.contains('@') && s.contains(l.email.as_str()))
    };
    let units = l.units_in_text();
    let mut asked = false;
    let mut last_asked = false;
    let sentences: Vec<&str> = localised.split_inclusive('。').map(str::trim).collect();
    let mut taken_with = None;
    for (k, &sentence) in sentences.iter().enumerate() {
        if taken_with == Some(k) {
            continue;
        }
        let reports = verbs.iter().any(|v| sentence.contains(v.as_str()));
        let (dated, due) = due_of(sentence, l.since);
        if !reports && dated && finished_by_units(sentence) {
            let made = relayed_annex(&as_request(&in_text(sentence, l), &units), relayed);
            if !out.contains(&made) {
                out.push(made);
                (asked, last_asked) = (true, true);
            }
            continue;
        }
        let mailed = !due && !l.email.is_empty() && sentence.contains(l.email.as_str());
        if std::mem::take(&mut last_asked) && mailed {
            if let Some(previous) = out.last_mut() {
                previous.push_str(sentence);
            }
            continue;
        }
        if !reports || !due {
            continue;
        }
        let mut made = sentence.to_owned();
        // A time limit to report without saying to whom (要在2小时内报告。): to the office.
        let limited = ["分钟内", "小时内"].iter().any(|w| made.contains(w));
        if limited && !to_office(&made) {
            made = report_limit_to(&made, &l.report_to);
        }
        if !to_office(&made) {
            made = untargeted_report_to(&made, &l.report_to, &l.words.report_documents)
                .unwrap_or(made);
        }
        // The target said in the next sentence (…5月10日前报送工作总结。材料报送省林业局…，电子
        // 邮箱：…): the two are one ask.
        let reported = |n: &str| {
            verbs
                .iter()
                .any(|v| v.chars().count() >= 2 && n.contains(v.as_str()))
        };
        if let Some(next) = sentences
            .get(k + 1)
            .filter(|n| !to_office(&made) && to_office(n) && reported(n) && !due_of(n, l.since).1)
        {
            made.push_str(next);
            taken_with = Some(k + 1);
        }
        let made = relayed_annex(&as_request(&in_text(&made, l), &units), relayed);
        if to_office(&made) && !out.contains(&made) {
            out.push(made);
            (asked, last_asked) = (true, true);
        }
    }
    asked
}

/// `sentence` with the office's units listed as running text lists them (「、」, not the
/// 「，」 of a 主送).
fn in_text(sentence: &str, l: &Localiser) -> String {
    if l.units.is_empty() {
        return sentence.to_owned();
    }
    sentence.replace(l.units.as_str(), &l.units_in_text())
}

/// Whether `sentence` names a date (dated), and whether it is due by one, a weekly, daily or
/// quarterly day, or within a time limit (30分钟内电话报告、1小时内书面报告).
fn due_of(sentence: &str, since: NaiveDate) -> (bool, bool) {
    let dated = super::localise::next_deadline(sentence, since).is_some();
    let due = dated
        || ["每周", "每日", "每天", "每季度"]
            .iter()
            .any(|w| sentence.contains(w))
        || ["分钟内", "小时内"].iter().any(|w| sentence.contains(w));
    (dated, due)
}

/// A task the units finish by a date (各镇（街）教育办要于2月16日前完成对…的全覆盖检查, 各县市区
/// 文化和旅游局要于1月20日前对…开展一次安全检查): a relay asks it too, the office's date
/// replacing the relayed document's for them.
fn finished_by_units(sentence: &str) -> bool {
    let dated = ["前完成", "日前", "月底前"]
        .iter()
        .any(|w| sentence.contains(w));
    // (Or, its doer unsaid, what is to be done by the date: 对排查发现的隐患逐项整改…，确保5月
    // 20日前全部整改到位.)
    let ensured = sentence.starts_with(['对', '要'])
        && sentence.contains("确保")
        && ["到位", "完成"].iter().any(|w| sentence.contains(w));
    dated && (sentence.trim_start_matches('请').starts_with('各') || ensured)
}

/// The upstream's period: its campaign's, else a season its opening says starts and ends
/// (2027年春运自1月22日开始，至3月2日结束), so that 春运期间… asks come by its first day.
fn period_of(upstream: &Spec) -> Option<(NaiveDate, NaiveDate)> {
    if let Some(c) = &upstream.campaign {
        return Some((c.start, c.end));
    }
    let year = upstream.signature.as_ref().map(|s| s.date.year())?;
    super::opening_of(upstream).iter().find_map(|t| {
        crate::import::patterns::started_period(t, year)
            .filter(|(name, _, _)| upstream.title.contains(name.as_str()))
            .map(|(_, start, end)| (start, end))
    })
}

/// The relay's asks in the order they come: by the earliest date each names (its deadline, or
/// when a weekly report starts: 自11月1日起); one during or after the campaign or season
/// (`season`: 活动期间，每日…; 活动结束后，…) by its first or last day; one naming none (a time limit) stays
/// after the ask the upstream has before it.
fn in_order_due(
    asks: Vec<String>,
    season: Option<(NaiveDate, NaiveDate)>,
    since: NaiveDate,
) -> Vec<String> {
    let mut key = since;
    let mut keyed: Vec<(NaiveDate, String)> = asks
        .into_iter()
        .map(|s| {
            let when = s.split('，').next().unwrap_or("");
            let period = season.and_then(|(start, end)| {
                if when.ends_with("期间") {
                    Some(start)
                } else {
                    when.ends_with("结束后").then_some(end)
                }
            });
            key = super::localise::earliest_date(&s, since)
                .or(period)
                .unwrap_or(key);
            (key, s)
        })
        .collect();
    keyed.sort_by_key(|(k, _)| *k);
    keyed.into_iter().map(|(_, s)| s).collect()
}

/// The addressees of the upstream's 主送 that the office's own 主送 names as well.
fn shared_addressees(upstream: Option<&str>, own: Option<&str>) -> Vec<String> {
    let items = |r: &str| -> Vec<String> {
        r.trim_end_matches(['：', ':'])
            .split(['，', '、', '；'])
            .map(|i| i.trim().to_owned())
            .filter(|i| i.chars().count() >= 4)
            .collect()
    };
    let own = own.map(items).unwrap_or_default();
    upstream
        .map(items)
        .unwrap_or_default()
        .into_iter()
        .filter(|i| own.contains(i))
        .collect()
}

/// 纸质年报表和分析报告经单位负责人签字…后，于2月2日前…报送…: a report that starts with what is
/// reported and names no one asks it of the units (请各单位将纸质年报表…).
fn what_first(sentence: &str, units: &str) -> Option<String> {
    let verb = sentence.find("报送")?;
    let asked = sentence.starts_with(['请', '各', '每', '自', '在', '于'])
        || sentence.starts_with(|c: char| c.is_ascii_digit())
        || sentence[..verb].contains(['将', '要', '由'])
        || units.is_empty()
        || sentence.contains(units);
    (!asked).then(|| format!("请{units}将{sentence}"))
}

/// A report whose clause starts with its time, after a clause that sets the rule (值班期间实行
/// 每日零报告制度，每日14时前通过电子邮件报送当日情况…): asked of the units in that clause
/// (…制度，请各单位每日14时前…).
fn timed_clause(sentence: &str, units: &str) -> Option<String> {
    let verb = sentence.find("报送")?;
    let at = sentence[..verb].rfind('，')? + '，'.len_utf8();
    let clause = &sentence[at..];
    let timed =
        clause.starts_with(['每', '于']) || clause.starts_with(|c: char| c.is_ascii_digit());
    // (纸质年报表…加盖公章后，于2月2日前…报送: what is reported comes first, as its condition.)
    let condition = sentence[..at - '，'.len_utf8()].ends_with('后');
    (timed && !condition && !units.is_empty() && !sentence.contains(units))
        .then(|| format!("{}请{units}{clause}", &sentence[..at]))
}

/// A report of a named document that says no target (请于3月25日前报送“回头看”工作总结（…）。,
/// 2027年2月10日前报送专项行动工作总结。, the upper office's desk being in the sentence before)
/// goes to the office: 将…报送{target}. Of a phase's work (开展自查自纠…，于3月25日前报送行动
/// 工作总结。) only the clause that reports by its date is asked.
fn untargeted_report_to(sentence: &str, target: &str, documents: &[String]) -> Option<String> {
    if sentence.contains(['向', '至']) || sentence.matches("报送").count() != 1 {
        return None;
    }
    let at = sentence.find("报送")?;
    let object = sentence[at + "报送".len()..].strip_suffix('。')?;
    let named = object.starts_with(['“', '《'])
        || (object.chars().count() <= 24 && documents.iter().any(|d| object.ends_with(d.as_str())));
    if !named || object.contains(['，', '；']) {
        return None;
    }
    let before = &sentence[..at];
    let clause = before.rfind('，').map(|c| &before[c + '，'.len_utf8()..]);
    let when = clause
        .filter(|c| c.starts_with('于') || c.starts_with(|ch: char| ch.is_ascii_digit()))
        .unwrap_or(before);
    Some(format!("{when}将{object}报送{target}。"))
}

/// A report asked of the office's units after the relay's transmitting sentence, as a request:
/// 各单位要于…前将… → 请各单位于…前将…; other sentences as they are.
fn as_request(sentence: &str, units: &str) -> String {
    if let Some(asked) = subject_after_time(sentence).filter(|_| !sentence.contains(units)) {
        return asked;
    }
    if let Some((when, rest)) = leading_circumstance(sentence, units) {
        // 宣传月结束后，于6月18日前将总结报送… → 宣传月结束后，请各单位于6月18日前将…
        return format!("{when}，{}", as_request(rest, units));
    }
    let Some(rest) = sentence.strip_prefix(units).filter(|_| !units.is_empty()) else {
        return subjectless(sentence, units)
            .or_else(|| timed_clause(sentence, units))
            .or_else(|| what_first(sentence, units))
            .or_else(|| verb_first(sentence, units))
            .unwrap_or_else(|| sentence.to_owned());
    };
    let rest = match rest.strip_prefix('要') {
        Some(r) if r.starts_with(['于', '在']) => r,
        _ if rest.starts_with(['于', '在']) => rest,
        _ => return object_first(rest, units).unwrap_or_else(|| sentence.to_owned()),
    };
    format!("请{units}{rest}")
}

/// The relayed document as the relay's asks name it: its issuers as their own level writes
/// them (two named, more as the first with 等), and its kind (省应急管理厅通知, 市委办公室、
/// 市人民政府办公室通知, 省民政厅等部门通知). Where that would read as the office's own level
/// (市人社局 in a county-level 市's relay), the issuer keeps its place: 常州市人社局通知.
fn relayed_name(upstream: &Spec, scope: &str) -> String {
    // (The mark's issuers, then the signature's: each once.)
    let mut offices: Vec<String> = Vec::new();
    for o in upstream.offices() {
        if !offices.contains(&o) {
            offices.push(o);
        }
    }
    let name = |o: &String| {
        let short = super::localise::short_name(o);
        let level = short.chars().next().unwrap_or_default();
        if scope.ends_with(level) {
            o.clone()
        } else {
            short
        }
    };
    let named = match offices.as_slice() {
        [] => String::new(),
        [one] => name(one),
        [a, b] => format!("{}、{}", name(a), name(b)),
        [first, ..] => format!("{}等部门", name(first)),
    };
    format!("{named}{}", upstream.kind.chinese())
}

/// An ask lifted from the relayed document points at that document's annex, not the relay's
/// (a relay has none of its own): 统计表（见附件2） → 统计表（见省应急管理厅通知附件2）, 格式见附件 →
/// 格式见省应急管理厅通知附件.
fn relayed_annex(sentence: &str, relayed: &str) -> String {
    if relayed.is_empty() {
        return sentence.to_owned();
    }
    sentence.replace("见附件", &format!("见{relayed}附件"))
}

/// Every `from` in the sections' headings and text made `to`; how many.
fn renamed_in(sections: &mut [Section], from: &str, to: &str) -> usize {
    let mut n = 0;
    for s in sections.iter_mut() {
        for t in std::iter::once(&mut s.heading).chain(s.text.0.iter_mut()) {
            n += t.matches(from).count();
            *t = t.replace(from, to);
        }
        for p in s.phases.iter_mut() {
            n += p.text.matches(from).count();
            p.text = p.text.replace(from, to);
        }
        n += renamed_in(&mut s.sections, from, to);
    }
    n
}

/// A sentence lifted from its paragraph without the subject an earlier one carried, starting
/// at its deadline (每月22日前将…报送…, 5月11日前报送…, 于…前): asked of the units.
fn subjectless(sentence: &str, units: &str) -> Option<String> {
    // 请于3月25日前报送…: the upstream's request, asked of the office's units.
    let sentence = match sentence.strip_prefix('请') {
        Some(rest) if rest.starts_with(['于', '在']) => rest,
        _ => sentence,
    };
    let dated = sentence.starts_with(|c: char| c.is_ascii_digit());
    let due = sentence.starts_with(['于', '每', '将']) || dated;
    (due && !units.is_empty() && !sentence.contains(units)).then(|| {
        let at = if dated { "于" } else { "" };
        format!("请{units}{at}{sentence}")
    })
}

/// A sentence whose subject follows its time (3月26日前，各镇（街道）、园区将总结报送…; 自11月
/// 起，各镇（街道）、园区于每月3日前…), that subject made the office's by a profile's words:
/// asked of it (请各镇（街道）、园区于3月26日前将…, 请各镇（街道）、园区自11月起于每月3日前…).
fn subject_after_time(sentence: &str) -> Option<String> {
    let (when, rest) = sentence.split_once('，')?;
    let timed = when.contains(|c: char| c.is_ascii_digit()) && when.chars().count() <= 16;
    let at = if when.ends_with('前') { "于" } else { "" };
    if !timed || !(when.ends_with('前') || when.ends_with('起')) || !rest.starts_with('各') {
        return None;
    }
    let end = rest
        .find(['将', '要', '于', '每'])
        .filter(|&e| rest[..e].chars().count() <= 30)?;
    let (subject, tail) = rest.split_at(end);
    if subject.contains(['，', '。', '；']) {
        return None;
    }
    let tail = tail.strip_prefix('要').unwrap_or(tail);
    Some(format!("请{subject}{at}{when}{tail}"))
}

/// A sentence that starts with what is to be done, its doer unsaid (严格执行24小时值班制度，发生
/// 火情要在30分钟内报告…): asked of the units (请各单位严格执行…); after a condition
/// (因恶劣天气造成旅客滞留的，要立即启动…) the units are its doer (…滞留的，各单位要立即启动…).
fn verb_first(sentence: &str, units: &str) -> Option<String> {
    if units.is_empty() || sentence.contains(units) || sentence.starts_with(['各', '请']) {
        return None;
    }
    let (clause, rest) = sentence.split_once('，')?;
    // (发生…事故，要…; 对…的欠薪案件，要…; 发生火情后，事发地要…: conditions too.)
    let condition = clause.ends_with(['的', '后', '时'])
        || ["因", "如", "若", "凡", "遇", "发生", "对"]
            .iter()
            .any(|w| clause.starts_with(w));
    // (对排查发现的隐患逐项整改…，确保…: the clause is what is asked, not its condition.)
    if condition && rest.starts_with("确保") {
        return Some(format!("请{units}{sentence}"));
    }
    if condition {
        return rest
            .starts_with('要')
            .then(|| format!("{clause}，{units}{rest}"));
    }
    let said = clause.contains(['要', '将', '应', '须', '由']);
    (!said).then(|| format!("请{units}{sentence}"))
}

/// A sentence's opening circumstance (宣传月结束后，/ 每季度末，) before the units or, where the
/// sentence names no subject, before its deadline or object: the time and the rest.
fn leading_circumstance<'s>(sentence: &'s str, units: &str) -> Option<(&'s str, &'s str)> {
    let (when, rest) = sentence.split_once('，')?;
    let short = (2..=10).contains(&when.chars().count());
    let plain = !when.contains(['、', '。', '；', '：', '（']) && !when.contains('于');
    let dated =
        rest.starts_with(['于', '每', '将']) || rest.starts_with(|c: char| c.is_ascii_digit());
    let subjectless = dated && !rest.contains(units);
    (short && plain && !units.is_empty() && (rest.starts_with(units) || subjectless))
        .then_some((when, rest))
}

/// 各单位宣传方案于6月11日前报送… → 请各单位于6月11日前将宣传方案报送…: what is reported named
/// before its deadline.
fn object_first(rest: &str, units: &str) -> Option<String> {
    let at = rest.find('于')?;
    let object = &rest[..at];
    let plain = !object.contains(['，', '、', '。', '；', '要']);
    if !plain || !(2..=12).contains(&object.chars().count()) {
        return None;
    }
    let after = &rest[at..];
    let end = after.find('前')? + '前'.len_utf8();
    let (deadline, tail) = after.split_at(end);
    (deadline.chars().count() <= 16 && tail.starts_with('报'))
        .then(|| format!("请{units}{deadline}将{object}{tail}"))
}

/// The office's units from its recipients: those that are no firms (各有关企业 is addressed
/// but inspects nothing) and no sections of the office itself (局机关各股室); where places are
/// among them (各乡镇人民政府、街道办事处, 经济开发区管委会), no single body beside them either
/// (县医疗保障基金管理中心 does not stand for the places the upper office addressed); or the
/// collective word where they are too many or too long to repeat.
fn default_units(w: &crate::derive::localise::WorkWords, recipients: &str) -> String {
    let all: Vec<&str> = recipients
        .split(['，', '、'])
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect();
    let has = |u: &str, words: &[String]| words.iter().any(|f| u.contains(f.as_str()));
    let acting: Vec<&str> = all
        .iter()
        .copied()
        .filter(|u| !has(u, &w.firm_words) && !has(u, &w.internal_units))
        .collect();
    let places = acting.iter().any(|u| has(u, &w.territorial_units));
    let acting: Vec<&str> = acting
        .into_iter()
        .filter(|u| !places || has(u, &w.territorial_units) || !single_body(u))
        .collect();
    let units = if acting.is_empty() { all } else { acting };
    let listed = units.join("、");
    // Two names read as a pair however long (各县（区）应急管理局、市安委会有关成员单位).
    let long = units.len() > 2 && listed.chars().count() > w.units_chars;
    if units.len() > w.units_listed || long {
        w.collective_units.clone()
    } else {
        listed
    }
}

/// Whether any of `named` (an office's units or recipients) stands for a place: a name with a
/// territorial word (各乡镇（街道）, 各乡镇人民政府, 各乡镇安委会), not an institution named after
/// one (各乡镇卫生院: `institution_endings`); none named counts as places.
fn places_among(w: &crate::derive::localise::WorkWords, named: &str) -> bool {
    named.trim().is_empty()
        || named.split(['，', '、']).any(|n| {
            let n = n.trim();
            // 各县市区文化和旅游局, 各设区市安委会: the bodies of places, named by their level.
            let by_level = n
                .strip_prefix('各')
                .and_then(|a| crate::derive::localise::levels_at(w, a))
                .is_some()
                && rank(n, false) > 0;
            (by_level || w.territorial_units.iter().any(|t| n.contains(t.as_str())))
                && !w
                    .institution_endings
                    .iter()
                    .any(|e| n.ends_with(e.as_str()))
        })
}

/// The units that are places, where the others are the office's own bodies (各乡镇人民政府 of
/// 各乡镇人民政府、局属各单位: the bureau's institutions are no place the upper office meant);
/// none where all or none are places, or others are the level's departments (县直有关单位,
/// addressed for their lines of work as the places are).
fn places_of(w: &crate::derive::localise::WorkWords, units: &str) -> Option<String> {
    let all: Vec<&str> = units
        .split(['，', '、'])
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .collect();
    let (places, bodies): (Vec<&str>, Vec<&str>) = all.iter().partition(|u| places_among(w, u));
    // The office's institutions (局属各单位, one named: 县社会福利中心), not the level's
    // departments (县直有关单位, 县财政局), which are addressed for their lines of work.
    let own_bodies = bodies.iter().all(|b| {
        b.contains('属')
            || (!b.starts_with('各')
                && w.institution_endings
                    .iter()
                    .any(|e| b.ends_with(e.as_str())))
    });
    (!places.is_empty() && !bodies.is_empty() && own_bodies).then(|| places.join("、"))
}

/// One body named with its place (区退役军人服务中心), not a group (各直属单位, 局属各单位,
/// 各市场监管所, 幼儿园).
fn single_body(unit: &str) -> bool {
    !unit.contains('各') && !unit.contains("有关") && rank(unit, false) > 0
}

/// What the upstream's `sections` ask to be reported or finished by a date in a section the
/// office's own requirements replace (…于5月29日前将实施方案报送省农业农村厅…), asked of its units
/// still, after its last requirement `req`, made its own by `inherit`: what was carried.
fn carry_dated_asks(
    req: &mut Section,
    sections: &[Section],
    as_: DeriveAs,
    verbs: &[String],
    rules: &[&profile::Rule],
    inherit: &mut dyn FnMut(&Section) -> Section,
) -> Vec<String> {
    let mut carried = Vec::new();
    for s in sections {
        let replaced = rules
            .iter()
            .find(|r| r.matches(as_, &s.heading))
            .is_some_and(|r| {
                r.action == profile::Action::Replace
                    && r.block == Some(profile::Block::Requirements)
            });
        if !replaced {
            continue;
        }
        let mut own = Vec::new();
        collect_texts(std::slice::from_ref(req), &mut own);
        let own: String = own.into_iter().map(String::as_str).collect();
        let asks: Vec<String> = dated_reports(s, verbs)
            .iter()
            .filter_map(|a| not_asked(a, &own, verbs))
            .collect();
        if asks.is_empty() {
            continue;
        }
        let made = inherit(&Section {
            text: crate::spec::Paragraphs(asks),
            ..Section::default()
        });
        carried.extend(made.text.0.iter().cloned());
        let last = match req.sections.last_mut() {
            Some(last) => last,
            None => req,
        };
        last.text.0.extend(made.text.0);
    }
    carried
}

/// The clauses of `ask` (parted by ；) whose report `own` does not ask already (联络员名单 in
/// the office's 请于…前将本单位联络员名单报送…), joined; none when every one is asked.
fn not_asked(ask: &str, own: &str, verbs: &[String]) -> Option<String> {
    let clauses: Vec<&str> = ask
        .trim_end_matches('。')
        .split('；')
        .filter(|c| report_object(c, verbs).is_none_or(|o| !asked(o, own)))
        .collect();
    (!clauses.is_empty()).then(|| format!("{}。", clauses.join("；")))
}

/// Whether `own` asks for a part of `object` already (活动总结 of 活动总结及《…统计表》).
fn asked(object: &str, own: &str) -> bool {
    object.split(['及', '和', '、']).any(|part| {
        let part = part
            .split(['《', '（'])
            .next()
            .unwrap_or(part)
            .trim_end_matches('》');
        part.chars().count() >= 2 && own.contains(part)
    })
}

/// What a clause asks to be reported: the words between 将 and the report verb (将联络员名单
/// 报送 → 联络员名单), without 《》 and 本单位.
fn report_object<'t>(clause: &'t str, verbs: &[String]) -> Option<&'t str> {
    let at = verbs.iter().filter_map(|v| clause.find(v.as_str())).min()?;
    let from = clause[..at].rfind('将')? + '将'.len_utf8();
    let object = clause[from..at]
        .trim_start_matches("本单位")
        .trim_start_matches('《')
        .trim_end_matches('》');
    (object.chars().count() >= 2).then_some(object)
}

/// The sentences of `s` (and its parts) that ask for a report or a result by a date (于5月29日前
/// 将实施方案报送…, 2026年底前实现…审计全覆盖): a date ending in 前 and a report verb or a verb
/// of finishing.
fn dated_reports(s: &Section, verbs: &[String]) -> Vec<String> {
    let mut texts = Vec::new();
    collect_texts(std::slice::from_ref(s), &mut texts);
    texts
        .iter()
        .flat_map(|t| t.split_inclusive('。'))
        .filter(|sentence| {
            let dated = ["日前", "月底前", "年底前"]
                .iter()
                .any(|w| sentence.contains(w));
            let finished = ["实现", "完成", "确保"]
                .iter()
                .any(|w| sentence.contains(w));
            dated && (finished || verbs.iter().any(|v| sentence.contains(v.as_str())))
        })
        .map(|sentence| sentence.trim().to_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_task_to_finish_by_a_date_its_doer_unsaid_is_asked_of_the_units() {
        let sentence = "对排查发现的隐患逐项整改、逐项销号，确保5月17日前全部整改到位。";
        assert!(super::finished_by_units(sentence));
        assert_eq!(
            super::as_request(sentence, "各村"),
            "请各村对排查发现的隐患逐项整改、逐项销号，确保5月17日前全部整改到位。"
        );
    }

    #[test]
    fn a_daily_report_after_its_rule_is_asked_of_the_units_in_its_own_clause() {
        assert_eq!(
            super::as_request(
                "值班期间实行每日零报告制度，每日14时前通过电子邮件（a@b.cn）报送当日情况，无情况也要报告。",
                "各所"
            ),
            "值班期间实行每日零报告制度，请各所每日14时前通过电子邮件（a@b.cn）报送当日情况，无情况也要报告。"
        );
    }

    #[test]
    fn a_carried_report_the_office_asks_already_is_not_asked_again() {
        let verbs: Vec<String> = ["报送", "报"].iter().map(|v| (*v).to_owned()).collect();
        let own =
            "请于3月8日前将本单位联络员名单报送区局，活动结束后于6月16日前报送活动总结及统计表。";
        let ask = "各分局要于3月5日前将联络员名单报送区局；自4月起，于每月3日前报送上月统计表。";
        assert_eq!(
            super::not_asked(ask, own, &verbs).as_deref(),
            Some("自4月起，于每月3日前报送上月统计表。")
        );
        let summary = "于6月16日前将活动总结及《统计表》（见附件）报送区局。";
        assert_eq!(super::not_asked(summary, own, &verbs), None);
    }

    use super::{as_request, default_units, office_rank, report_limit_to};

    #[test]
    fn a_time_limit_to_report_is_sent_to_the_office_where_it_names_no_one() {
        let t = "县农业农村局质量安全股";
        assert_eq!(
            report_limit_to("事故发生后要在2小时内报告。", t),
            "事故发生后要在2小时内报告县农业农村局质量安全股。"
        );
        assert_eq!(
            report_limit_to("要在事件确认后24小时内报送初次报告，处置结束后7日内报送结案报告。", t),
            "要在事件确认后24小时内向县农业农村局质量安全股报送初次报告，处置结束后7日内报送结案报告。"
        );
        let told = "应当在2小时内向属地疾控机构报告。";
        assert_eq!(report_limit_to(told, t), told);
    }

    #[test]
    fn firms_among_the_recipients_are_no_units_acting_for_the_office() {
        let w = &crate::derive::defaults::Defaults::embedded().work;
        assert_eq!(
            default_units(w, "各乡镇农业农村服务中心，县农业农村局各股室，各有关企业"),
            "各乡镇农业农村服务中心"
        );
        assert_eq!(default_units(w, "各燃气经营企业"), "各燃气经营企业");
        assert_eq!(default_units(w, "甲、乙、丙、丁、戊"), "各单位");
    }

    #[test]
    fn units_are_places_where_one_is_named_as_a_place_not_after_one() {
        let w = &crate::derive::defaults::Defaults::embedded().work;
        for (named, places) in [
            ("各乡镇卫生院、社区卫生服务中心，县直各医疗卫生单位", false),
            ("区属各中小学校、幼儿园", false),
            ("各乡镇人民政府、街道办事处，县直有关单位", true),
            ("各乡镇（街道）科协，县直有关单位", true),
            ("各乡镇安委会、县安委会各成员单位", true),
            ("各县市区文化和旅游局", true),
            ("各设区市安委会、省安委会各成员单位", true),
            ("各县（市、区）教育和体育局、市直属各学校", true),
            ("各市场监管所", false),
            ("", true),
        ] {
            assert_eq!(super::places_among(w, named), places, "{named}");
        }
    }

    #[test]
    fn the_upper_office_s_places_are_the_units_that_are_places_beside_the_office_s_institutions() {
        let w = &crate::derive::defaults::Defaults::embedded().work;
        for (units, places) in [
            ("各乡镇人民政府、局属各单位", Some("各乡镇人民政府")),
            (
                "各乡镇人民政府（街道办事处）、县社会福利中心",
                Some("各乡镇人民政府（街道办事处）"),
            ),
            ("各乡镇人民政府、县直有关单位", None),
            ("各乡镇人民政府、县财政局", None),
        ] {
            assert_eq!(super::places_of(w, units).as_deref(), places, "{units}");
        }
    }

    #[test]
    fn units_too_long_to_repeat_in_every_sentence_are_the_collective_word() {
        let w = &crate::derive::defaults::Defaults::embedded().work;
        for recipients in [
            "各乡镇卫生院、社区卫生服务中心，县直各医疗卫生单位",
            "各乡镇人民政府、街道办事处，正定高新区管委会，县直有关单位",
        ] {
            assert_eq!(default_units(w, recipients), "各单位", "{recipients}");
        }
        assert_eq!(
            default_units(w, "各乡镇人民政府、街道办事处"),
            "各乡镇人民政府、街道办事处"
        );
    }

    #[test]
    fn a_report_passed_on_by_a_relay_is_asked_as_a_request() {
        let units = "各乡镇人民政府";
        for (s, want) in [
            (
                "各乡镇人民政府要于9月27日前将活动总结报县科协。",
                "请各乡镇人民政府于9月27日前将活动总结报县科协。",
            ),
            (
                "各乡镇人民政府于每日15时前报送县局。",
                "请各乡镇人民政府于每日15时前报送县局。",
            ),
            (
                "各乡镇人民政府宣传方案报送县局。",
                "各乡镇人民政府宣传方案报送县局。",
            ),
            (
                "各乡镇人民政府宣传方案于6月11日前报送县局。",
                "请各乡镇人民政府于6月11日前将宣传方案报送县局。",
            ),
            (
                "宣传月结束后，于6月18日前将活动总结报送县局。",
                "宣传月结束后，请各乡镇人民政府于6月18日前将活动总结报送县局。",
            ),
            (
                "宣传月期间，各乡镇人民政府每周四前将简报发送至县局。",
                "宣传月期间，各乡镇人民政府每周四前将简报发送至县局。",
            ),
            (
                "活动期间，各乡镇人民政府要于每日15时前报送县局。",
                "活动期间，请各乡镇人民政府于每日15时前报送县局。",
            ),
            (
                "宣传周期间，每日15时前将活动信息报送县局。",
                "宣传周期间，请各乡镇人民政府每日15时前将活动信息报送县局。",
            ),
            (
                "每月22日前将检查情况报送县局。",
                "请各乡镇人民政府每月22日前将检查情况报送县局。",
            ),
            (
                "5月11日前将活动方案报送县局。",
                "请各乡镇人民政府于5月11日前将活动方案报送县局。",
            ),
            // The doer unsaid, or after a condition.
            (
                "严格执行24小时值班制度，发生火情要在30分钟内报告县局。",
                "请各乡镇人民政府严格执行24小时值班制度，发生火情要在30分钟内报告县局。",
            ),
            (
                "发生较大事故，要在1小时内报告县局。",
                "发生较大事故，各乡镇人民政府要在1小时内报告县局。",
            ),
            (
                "发生森林火情后，事发镇要在30分钟内报告县局。",
                "发生森林火情后，事发镇要在30分钟内报告县局。",
            ),
            // A subject after the time, as a profile's words made it.
            (
                "3月26日前，各镇（街道）、园区将工作总结报送县局。",
                "请各镇（街道）、园区于3月26日前将工作总结报送县局。",
            ),
            (
                "自10月15日起，各乡镇每周四前将进度表报送县局。",
                "请各乡镇自10月15日起每周四前将进度表报送县局。",
            ),
        ] {
            assert_eq!(as_request(s, units), want);
        }
    }

    #[test]
    fn a_relay_s_ask_points_at_the_relayed_document_s_annex() {
        let relayed = "省应急管理厅通知";
        assert_eq!(
            super::relayed_annex("请各单位将统计表（见附件2）报送县局。", relayed),
            "请各单位将统计表（见省应急管理厅通知附件2）报送县局。"
        );
        assert_eq!(
            super::relayed_annex("请各单位将统计表（见附件）报送县局。", relayed),
            "请各单位将统计表（见省应急管理厅通知附件）报送县局。"
        );
        assert_eq!(
            super::relayed_annex("将月报（格式见附件）报送县局。", relayed),
            "将月报（格式见省应急管理厅通知附件）报送县局。"
        );
    }

    #[test]
    fn the_units_standing_for_the_upper_office_s_places_are_the_office_s_places() {
        let w = &crate::derive::defaults::Defaults::embedded().work;
        let cases = [
            (
                "各乡镇人民政府、街道办事处，区退役军人服务中心",
                "各乡镇人民政府、街道办事处",
            ),
            (
                "各乡镇人民政府，舒城经济开发区管委会，县医疗保障基金管理中心",
                "各乡镇人民政府、舒城经济开发区管委会",
            ),
            (
                "各市场监管所，局机关各股室、各直属单位",
                "各市场监管所、各直属单位",
            ),
            ("各乡镇人民政府，局属各单位", "各乡镇人民政府、局属各单位"),
            ("局机关各股室", "局机关各股室"),
        ];
        for (recipients, units) in cases {
            assert_eq!(default_units(w, recipients), units, "{recipients}");
        }
    }

    #[test]
    fn an_office_s_level_is_read_past_words_that_name_none() {
        assert_eq!(office_rank("霍山县市场监督管理局", "霍山县"), 1);
        assert_eq!(office_rank("南平市市场监督管理局", "南平市"), 2);
        assert_eq!(office_rank("江西省水利厅", "江西省"), 3);
        assert_eq!(office_rank("岚溪县青石镇人民政府", "青石镇"), 0);
    }
}
