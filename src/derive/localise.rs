//! `own-deadlines` and `own-addressees` rules: inherited text made the lower office's own. Every
//! deadline the upper office sets comes earlier by the profile's working days, text that
//! reports to the upper office (报送省水利厅…处) reports to the office itself, and the upper
//! office's addressees at the office's own level or above (各设区市水利（水务）局, 各地) become
//! the office's own units (a city's 各区 stay: they are its own). The words are data (`[work]`
//! in `templates/derive/defaults.toml`).

use crate::calendar::Calendar;
use crate::spec::Section;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;

/// The words of the work-notice rules.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkWords {
    /// Words of attending an event (参训, 参会, 分会场): after the upper office's own event goes,
    /// the sentences of its paragraph that arrange who attends it go too.
    pub attendance_words: Vec<String>,
    /// The places' purse named as theirs (各地财政) and the office's level's ({level}级财政).
    pub level_funds: Vec<Vec<String>>,
    /// The places' leaderships after 各 and a level (各区党委、政府) and the office's level's
    /// ({level}委、{level}政府).
    pub level_governments: Vec<Vec<String>>,
    /// What an upper level's own event that asks the levels below to hold theirs says first,
    /// made the office's (its time and place to fill in).
    pub own_event: String,
    /// Verbs before a reporting target (报送, 上报至 …), longest first wins.
    pub report_verbs: Vec<String>,
    /// An upper office's desk that takes reports at any hour (总值班室, 指挥中心): a report to
    /// it goes to the office's own ([`Localiser::duty_to`]), not to the section named by
    /// `report_to`.
    pub duty_desks: Vec<String>,
    /// The office's duty desk after its name, where the profile names none (值班室).
    pub duty_desk: String,
    /// The sections of an upper office and a county's (处室 → 股室), in a step made the county's.
    pub county_sections: Vec<Vec<String>>,
    /// An office's name as it is written in full and as offices shorten it (发展和改革委员会 →
    /// 发展改革委): the draft review knows the upper office by either.
    #[serde(default)]
    pub name_abbreviations: Vec<Vec<String>>,
    /// The places the office's own step inspects, as the upper office named them, and as the
    /// office's units (对各地 → 对{units}, 的地区 → 的单位).
    pub inspected_places: Vec<Vec<String>>,
    /// 12时: the hour of a deadline set on the upper office's own day where that gives none.
    pub same_day_hour: String,
    /// 每个: a quota for each place of a level (每个县（市、区）).
    pub each: String,
    /// 据, 参与 …: before an office named as a source or an organiser (see `attribution_after`).
    pub attribution_before: Vec<String>,
    /// 监测, 组织的 …: after it; the review leaves such a clause alone.
    pub attribution_after: Vec<String>,
    /// 形势, 据监测 …: a sentence holding one (and asking nothing) reports facts.
    pub fact_markers: Vec<String>,
    /// 要, 须, 请 …: a sentence holding one asks something (see `not_directive`).
    pub directive_words: Vec<String>,
    /// 要求, 应急 …: words holding a directive word that ask nothing.
    pub not_directive: Vec<String>,
    /// 举办, 召开: an upper office holding an event somewhere (its own, not the office's).
    pub event_verbs: Vec<String>,
    /// How a body's name ends after a level word (各县市区科技馆, 各县市区消防救援大队): no
    /// addressee of the office's level alone.
    pub named_bodies: Vec<String>,
    /// What names leaders after their bodies (市委、市政府主要领导).
    pub leader_words: Vec<String>,
    /// The bodies whose leaders act for a level (委, 政府, 人大, 政协).
    pub leading_bodies: Vec<String>,
    /// What an upper office names after its last character for itself (厅门户网站, 厅机关).
    pub self_channels: Vec<String>,
    /// Sections of the office itself among its recipients (局机关各股室): no units of it.
    pub internal_units: Vec<String>,
    /// Words of a recipient that is a place (各乡镇人民政府, 街道办事处, 开发区管委会).
    pub territorial_units: Vec<String>,
    /// The most recipients the default units list (more: `collective_units`).
    pub units_listed: usize,
    /// The longest default units list, in characters (longer: `collective_units`).
    pub units_chars: usize,
    /// The earliest day of the month a monthly report (每月5日前, on the month before) is moved
    /// to: its first days close the month's figures, and 1日 and 2日 fall in 元旦, 劳动节 and
    /// 国庆节 (每月5日前 → 每月3日前, not 2日).
    pub monthly_first_day: u32,
    /// How a notice's text names itself, and how a plan made of it does (本通知, 本方案).
    pub plan_self_reference: Vec<String>,
    /// Verbs of one level urging the next (督促, 指导): the units urging themselves act instead.
    pub urging_verbs: Vec<String>,
    /// A place's own and a body's (本地区 → 本单位), in order, for units that are bodies.
    pub place_selves: Vec<Vec<String>>,
    /// Endings of an institution named after its place (各乡镇卫生院): a body, not the place.
    pub institution_endings: Vec<String>,
    /// 各单位: the office's units where its recipients are too many to repeat.
    pub collective_units: String,
    /// 中队, 大队, 支队, 总队: the bodies of a graded line (消防救援) at each level from a
    /// township's (0) to a province's (3).
    pub graded_bodies: Vec<String>,
    /// A people's organisation named with a word before its place (共青团广东省委) and how its
    /// level writes that word (团省委): pairs.
    pub organ_prefixes: Vec<Vec<String>>,
    /// A people's organisation's name and how its level writes it (省妇女联合会 → 省妇联): pairs.
    pub organ_abbreviations: Vec<Vec<String>>,
    /// Endings of a branch of a bureau named after its place (潍坊市生态环境局寿光分局): it
    /// writes itself by the branch's name (寿光分局).
    pub branch_endings: Vec<String>,
    /// 企业, 公司: recipients of these words are firms, addressed but no units acting for the
    /// office (the default units leave them out).
    pub firm_words: Vec<String>,
    /// What the target is to do with the report, written after it (报市教育局备案): kept.
    pub report_purposes: Vec<String>,
    /// What is reported, named without quotes (于3月25日前报送行动工作总结).
    pub report_documents: Vec<String>,
    /// Endings of a 代字 whose documents carry the office's name alone as their mark, without
    /// 文件 (某函, 某明电).
    pub nameonly_codes: Vec<String>,
    /// Measure words of a count (183个行政村, 300户): an upper place's count is no figure of the
    /// office's.
    pub count_measures: Vec<String>,
    /// 通过电子邮件 …: a report sent so, with no address in its sentence, gets the office's.
    pub mail_words: Vec<String>,
    /// Endings of a form the office's units fill in (统计表, 汇总表, 登记表 …).
    pub fill_in_forms: Vec<String>,
    /// Units of a measured amount (微克, 吨, 公顷): an upper place's amount (全省…控制在每立方米46
    /// 微克以内) is no figure of the office's, whatever its size.
    pub amount_measures: Vec<String>,
    /// The upper government's departments after its level (省 + 政府各厅委、各直属机构, 市 +
    /// 直各单位): the office's own departments.
    pub upper_departments: Vec<String>,
    /// How a target of the upper level starts (省, 市, 国家 …).
    pub upper_levels: Vec<String>,
    /// Levels of lower offices after 各 (设区市, 县（市、区）, 地 …).
    pub levels: Vec<String>,
    /// What a level pairs with in one addressee (各地各校, 各地各部门): taken with it.
    pub paired: Vec<String>,
    /// How the upper office names itself (报送我委医政司): a target starting so is the upper
    /// office's.
    pub self_references: Vec<String>,
    /// Words of a holiday (元旦, 春节, 节日, 假期 …): a text holding one is about it, and its
    /// deadlines are not brought forward to before the holiday.
    pub holiday_words: Vec<String>,
    /// Endings of an office's name (局, 厅, 部门 …).
    pub org_endings: Vec<String>,
    /// Labels of the offices responsible for a task (牵头单位：, 配合单位： …): the offices after
    /// them are the office's level's in its own plan.
    pub responsible_labels: Vec<String>,
    /// Endings of a body with a long name (领导小组, 指挥部 …), named by a level's word alone.
    pub body_endings: Vec<String>,
    /// A corps' units from a province's down to a township's (总队, 支队, 大队, 中队).
    pub corps_ranks: Vec<String>,
    /// Endings of offices that direct their level's departments (人民政府, 政府办公室 …).
    pub governing_endings: Vec<String>,
    /// Endings of an office's internal department (司, 处, 科 …): 报送全国爱卫办（国家卫生健康委
    /// 规划司） names the department a report goes to.
    pub department_endings: Vec<String>,
    /// An issuing office's name without these is its parent (民政部办公厅 → 民政部): a target
    /// naming the parent is the upper office too.
    pub issuer_suffixes: Vec<String>,
    /// Words that start like a level but are none (市场, 县级 …).
    pub not_levels: Vec<String>,
    /// 本省, 本市 …: the upper office's own scope, made the office's.
    pub own_scope: Vec<String>,
    /// 省属, 市属 …: owned by the upper level (市属媒体), made the office's level's (县属媒体).
    pub owned: Vec<String>,
    /// 级领导 …: after a level word of the office's rank (县级领导 in a district's draft),
    /// named by the office's own level (区级领导).
    pub own_level_words: Vec<String>,
    /// Endings of a heading over one level's arrangements (省级层面, 市县层面).
    pub tier_endings: Vec<String>,
    /// Words of the national level in such a heading (国家层面).
    pub national: Vec<String>,
    /// Words of the levels below a county (乡镇层面).
    pub grassroots: Vec<String>,
    /// A carried form's column of the lower levels (县（市、区）) …
    pub level_columns: Vec<String>,
    /// … becomes this column of the office's units.
    pub unit_column: String,
    /// Endings of the places a form's rows name (西安市, 杨凌示范区): the upper office's places,
    /// whose rows the office's form leaves blank for its units.
    pub place_endings: Vec<String>,
    /// Labels of a form's total row (合计), kept under the blank rows.
    pub total_labels: Vec<String>,
    /// Words that end an office's name after a level (各省级发展改革委会同…).
    pub name_breaks: Vec<String>,
    /// Words of offices' names that start with a character that otherwise ends one (应急).
    pub name_words: Vec<String>,
    /// Verbs of a copy to the upper office (抄送).
    pub copy_verbs: Vec<String>,
    /// What an upper office does itself, after its name (在, 会同, 举办 …).
    pub upper_doings: Vec<String>,
    /// Words of a time clause before a subject (月, 日, 期间 …).
    pub time_words: Vec<String>,
    /// What follows levels named together (省、市两级 …).
    pub joint_levels: Vec<String>,
    /// What follows the subject of one level's duty in a sentence that gives each level its
    /// part (各市州统计局负责…；各县市区统计局负责…).
    pub duty_verbs: Vec<String>,
}

/// What the rules need to know of one derivation.
pub struct Localiser<'a> {
    /// The words.
    pub words: &'a WorkWords,
    /// The holiday schedule.
    pub calendar: &'a Calendar,
    /// Working days the office's deadlines come before the upstream's.
    pub lead_workdays: u32,
    /// The upstream's date: a date written without a year is in its year, or the next where
    /// that would put it more than two months before (1月26日 in a December notice).
    pub since: NaiveDate,
    /// The draft's 成文日期: a deadline before it is reported.
    pub issued: NaiveDate,
    /// Whom the office's units report to.
    pub report_to: String,
    /// Where they report at any hour what an upper office's duty desk took (值班室).
    pub duty_to: String,
    /// Where they send material by e-mail (the office's address, or a 【待填写】 mark).
    pub email: String,
    /// The office's duty desk's telephone (a 【待填写】 mark: a profile names no such number).
    pub duty_phone: String,
    /// The office's fax number (a 【待填写】 mark: a profile names none).
    pub fax: String,
    /// The last day of the upstream's campaign: a deadline after it (its summary) brought
    /// forward stays after it.
    pub campaign_end: Option<NaiveDate>,
    /// The last days of the periods the upstream sets (行动时间：3月1日至11月30日): likewise.
    pub period_ends: Vec<NaiveDate>,
    /// The office's telephone for its units' reports (the first in its contacts, or a
    /// 【待填写】 mark): the upper office's numbers left in inherited text become it.
    pub phone: String,
    /// The office's units, replacing the upstream's addressees.
    pub units: String,
    /// Those of the units that are places (各乡镇人民政府 of 各乡镇人民政府、局属各单位), where
    /// bodies are among them too: the upper office's places alone (各设区市) are these.
    pub place_units: Option<String>,
    /// Whether those units are places (乡镇, 街道) rather than bodies (卫生院, 学校): a body's
    /// own is 本单位, not 本地区 (`[work] place_selves`).
    pub units_are_places: bool,
    /// The office's own name (县级民政部门 in a county 民政局's notice is the office itself).
    pub office: String,
    /// The upstream's issuers (a reporting target naming one is the upper office).
    pub upstream: Vec<String>,
    /// The places the upstream's issuers are named after (柳州市, 柳州): an event there with no
    /// subject of its own is the upper office's.
    pub upstream_places: Vec<String>,
    /// The office's own place (融安县): an event there is its own.
    pub scope: String,
    /// 县 of 某某县: 本市 → 本县.
    pub level: Option<String>,
    /// The office's own level ([`rank`] of its name): an addressee below it (a city's 各区) is
    /// the office's own and stays.
    pub office_rank: u8,
    /// The office's own departments, as its 主送 names them (市直各单位), where it names them
    /// apart from its local governments.
    pub departments: Option<String>,
    /// The office's own sections as its 主送 names them (局机关各科室), if it does.
    pub own_sections: Option<String>,
    /// The bodies under the office as its 主送 names them (局属各单位, 各直属单位), if it does.
    pub own_bodies: Option<String>,
    /// The upstream's 主送 written as a list (各乡镇中心学校、县属各中小学校、幼儿园): in its text
    /// the whole list is whom the upstream addresses, the office's units in the office's.
    pub addressed: Vec<String>,
    /// Addressees of the upstream's 主送 the office addresses too (各城镇燃气经营企业 in both):
    /// in the office's text they stay themselves, beside its units.
    pub shared_addressees: Vec<String>,
    /// A relaying upstream's own deadlines, sooner than the relayed document's for the same
    /// report: the office's come before those.
    pub relayer: super::relayer_dates::RelayerDeadlines,
}

impl Localiser<'_> {
    /// One inherited text made the office's; every change is described in `notes`.
    pub fn apply(&self, text: &str, notes: &mut Vec<String>) -> String {
        let text = without_upper_contacts(text, notes);
        if text.is_empty() {
            return text;
        }
        let text = self.tiered_duties(&text, notes);
        let text = self.named_addressees_tasks(&text, notes);
        let text = self.level_funds(&text, notes);
        let text = self.upstream_addressees(&text, notes);
        let text = self.graded_bodies(&text, notes);
        // The upper office's own events go before its names are made the office's (省应急管理厅、
        // 省消防救援总队在广州市…举办全省…主场活动 is not the county's).
        let text = self.upper_own_doings(&text, notes);
        let text = self.relayer.apply(&text, self.since, notes);
        let text = self.deadlines(&text, notes);
        let text = self.upper_copies(&text, notes);
        let text = self.report_targets(&text, notes);
        let text = self.reports_toward(&text, notes);
        let text = self.one_target(&text);
        let text = self.upper_departments(&text, notes);
        let text = self.lone_addressees(&text, notes);
        let text = self.addressees_outside_facts(&text, notes);
        let text = self.emails(&text, notes);
        let text = self.phones(&text, notes);
        let text = self.upper_actions(&text, notes);
        let text = self.upper_subjects(&text, notes);
        let text = self.responsible(&text, notes);
        let text = self.upper_self(&text, notes);
        let text = self.own_internal(&text, notes);
        let text = self.own_department(&text, notes);
        let text = self.co_addressees(&text, notes);
        // A title it quotes (《关于做好2027年全省道路水路春运工作的通知》) is quoted as it is.
        let (masked, titles) = mask_titles(&text);
        let text = unmask_titles(&self.own_scope(&masked), &titles);
        let text = self.collector_not_reporting(&text);
        let text = self.not_urging_themselves(&text, notes);
        self.bodies_own(&text, notes)
    }

    /// 列入各地财政预算: the places' purse is, in the office's text, its level's (县级财政), not
    /// its units' (`[work] level_funds`); so are their leaderships (各区党委、政府 → 区委、区政府,
    /// `[work] level_governments`).
    fn level_funds(&self, text: &str, notes: &mut Vec<String>) -> String {
        let Some(level) = self.level.as_deref() else {
            return text.to_owned();
        };
        let mut out = text.to_owned();
        // 各区党委、政府 (the places' leaderships) → 区委、区政府: the office's level's.
        let governments = self.words.levels.iter().flat_map(|l| {
            self.words
                .level_governments
                .iter()
                .filter_map(move |p| match p.as_slice() {
                    [from, to] => Some((format!("各{l}{from}"), to.clone())),
                    _ => None,
                })
        });
        let funds = self
            .words
            .level_funds
            .iter()
            .filter_map(|p| match p.as_slice() {
                [from, to] => Some((from.clone(), to.clone())),
                _ => None,
            });
        for (from, to) in funds.chain(governments) {
            let to = to.replace("{level}", level);
            if out.contains(from.as_str()) {
                notes.push(format!("“{from}”→“{to}”"));
                out = out.replace(from.as_str(), &to);
            }
        }
        out
    }

    /// A sentence of the units that are bodies, not places (卫生院, 学校): what the upper
    /// office's places called their own (结合本地实际，制定本地区…方案) is the body's own
    /// (本单位), `place_selves`.
    fn bodies_own(&self, text: &str, notes: &mut Vec<String>) -> String {
        if self.units_are_places || self.units.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive('。') {
            let mut s = sentence.to_owned();
            if s.contains(self.units.as_str()) {
                for pair in &self.words.place_selves {
                    if let [from, to] = pair.as_slice() {
                        if s.contains(from.as_str()) {
                            notes.push(format!("“{from}”→“{to}”（下级单位不是地方）"));
                            s = s.replace(from.as_str(), to);
                        }
                    }
                }
            }
            out.push_str(&s);
        }
        out
    }

    /// Units told to urge themselves, where the upper office's two levels both became them
    /// (各市应急管理局要督促各县（市、区）… → 各单位要督促各单位…): they act themselves
    /// (各单位要对…), `urging_verbs`.
    fn not_urging_themselves(&self, text: &str, notes: &mut Vec<String>) -> String {
        let u = self.units.as_str();
        let mut out = text.to_owned();
        for verb in &self.words.urging_verbs {
            for joint in ["要", ""] {
                let doubled = format!("{u}{joint}{verb}{u}");
                if !u.is_empty() && out.contains(&doubled) {
                    notes.push(format!("“{doubled}”→“{u}{joint}”"));
                    out = out.replace(&doubled, &format!("{u}{joint}"));
                }
            }
        }
        out
    }

    /// A sentence that gives each level its part (省统计局负责…；各市州统计局负责…；各县市区统计局
    /// 负责…) keeps, where one part is the office's own level's, only the parts of that level and
    /// below: the parts of the levels above are theirs, not the office's units'.
    fn tiered_duties(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive('。') {
            let clauses: Vec<&str> = sentence.split_inclusive(['，', '；']).collect();
            let ranks: Vec<Option<u8>> = clauses.iter().map(|c| self.duty_rank(c)).collect();
            let named: Vec<u8> = ranks.iter().flatten().copied().collect();
            let tiered = named.contains(&self.office_rank)
                && named.iter().any(|&r| r > self.office_rank)
                && self.office_rank > 0;
            if !tiered {
                out.push_str(sentence);
                continue;
            }
            // A clause before any subject (年报集中报送期间，) goes with the first part.
            let mut owner = named[0];
            let mut kept = String::new();
            for (clause, rank) in clauses.iter().zip(&ranks) {
                owner = rank.unwrap_or(owner);
                if owner <= self.office_rank {
                    kept.push_str(clause);
                }
            }
            if sentence.ends_with('。') && kept.ends_with(['，', '；']) {
                kept.pop();
                kept.push('。');
            }
            notes.push(format!(
                "上级各级的分工只留本级及以下的：{sentence} → {kept}"
            ));
            out.push_str(&kept);
        }
        out
    }

    /// The level of the office a clause begins with as the subject of its duty (各县市区统计局要…:
    /// 1), none where it begins otherwise or names several levels together.
    fn duty_rank(&self, clause: &str) -> Option<u8> {
        let at = self
            .words
            .duty_verbs
            .iter()
            .filter_map(|v| clause.find(v.as_str()))
            .min()?;
        let subject = &clause[..at];
        let len = subject.chars().count();
        let plain = !subject.contains(['、', '和', '及'])
            && !subject.chars().any(|c| c.is_ascii_digit())
            && !self
                .words
                .joint_levels
                .iter()
                .any(|j| subject.contains(j.as_str()));
        let office_like = subject.starts_with('各')
            || self
                .words
                .org_endings
                .iter()
                .any(|e| subject.ends_with(e.as_str()));
        let r = rank(subject, false);
        ((2..=20).contains(&len) && plain && office_like && r > 0).then_some(r)
    }

    /// The unit that gathers the reports (区劳动保障监察大队, whose office's department the
    /// reports go to: 区人社局劳动保障监察大队) is not among those a sentence has report to it.
    fn collector_not_reporting(&self, text: &str) -> String {
        let units: Vec<&str> = self.units.split('、').collect();
        let collects = |u: &str| {
            let stem = u.trim_start_matches(['县', '区', '市', '旗', '州']);
            stem.chars().count() >= 4 && self.report_to.ends_with(stem)
        };
        let Some(collector) = units.iter().position(|u| collects(u)) else {
            return text.to_owned();
        };
        if units.len() < 2 || self.report_to.is_empty() {
            return text.to_owned();
        }
        let others: Vec<&str> = (0..units.len())
            .filter(|&i| i != collector)
            .map(|i| units[i])
            .collect();
        let others = others.join("、");
        text.split_inclusive('。')
            .map(|s| {
                let reports = s
                    .find(self.units.as_str())
                    .is_some_and(|at| s[at..].contains(self.report_to.as_str()));
                if reports {
                    s.replacen(self.units.as_str(), &others, 1)
                } else {
                    s.to_owned()
                }
            })
            .collect()
    }

    /// An office the upstream addressed beside another at the same levels, named without them
    /// (应急管理局 of 各州、市林业和草原局、应急管理局): acted with in its text (会同应急管理局), it is
    /// the office's own level's (会同县应急管理局).
    fn co_addressees(&self, text: &str, notes: &mut Vec<String>) -> String {
        let Some(level) = self.level.as_deref() else {
            return text.to_owned();
        };
        let mut out = text.to_owned();
        for list in &self.addressed {
            let items: Vec<&str> = list.split('、').map(str::trim).collect();
            if !items.first().is_some_and(|f| f.starts_with('各')) {
                continue;
            }
            let bare = items.iter().skip(1).filter(|i| {
                !i.starts_with('各')
                    && rank(i, false) == 0
                    && i.chars().count() >= 3
                    && i.ends_with(['局', '委', '办', '厅'])
            });
            for item in bare {
                for verb in ["会同", "联合", "配合"] {
                    let from = format!("{verb}{item}");
                    if !out.contains(&from) {
                        continue;
                    }
                    let to = format!("{verb}{level}{item}");
                    notes.push(format!("上级来文主送的“{item}”→“{level}{item}”"));
                    // The office's units act without the office's peer (各乡镇要会同区财政局
                    // 核实 is no township's): the partner goes where they are the subject.
                    out = out
                        .split_inclusive('。')
                        .map(|sentence| {
                            let theirs = !self.units.is_empty()
                                && sentence.trim_start().starts_with(self.units.as_str());
                            sentence.replace(&from, if theirs { "" } else { &to })
                        })
                        .collect();
                }
            }
        }
        self.units_without_peers(&out, level, notes)
    }

    /// The office's units as the subject act without an office of the office's own level
    /// (各市场监督管理所会同区农业农村局认真总结…: the upstream's 各区市场监管局 acted with their
    /// district's peer; a 所 does not): 会同 and the peer go.
    fn units_without_peers(&self, text: &str, level: &str, notes: &mut Vec<String>) -> String {
        if self.units.is_empty() {
            return text.to_owned();
        }
        text.split_inclusive('。')
            .map(|sentence| {
                let Some(rest) = sentence.trim_start().strip_prefix(self.units.as_str()) else {
                    return sentence.to_owned();
                };
                let Some(after) = rest.strip_prefix(&format!("会同{level}")) else {
                    return sentence.to_owned();
                };
                let end = after
                    .char_indices()
                    .take(12)
                    .find(|(_, c)| "局委办".contains(*c))
                    .map(|(i, c)| i + c.len_utf8());
                match end.filter(|&e| !after[..e].contains(['，', '、', '。'])) {
                    Some(e) => {
                        let peer = format!("{level}{}", &after[..e]);
                        notes.push(format!("下级单位“会同{peer}”已删去（{peer}与本机关同级）"));
                        format!("{}{}", self.units, &after[e..])
                    }
                    None => sentence.to_owned(),
                }
            })
            .collect()
    }

    /// A body of a graded line the upstream addressed without a place (消防救援支队 of 各地级以上市
    /// 应急管理局、消防救援支队), wherever its text names it (各地消防救援支队要…, 会同消防救援支队):
    /// the office's level's body of that line (县消防救援大队).
    fn graded_bodies(&self, text: &str, notes: &mut Vec<String>) -> String {
        let (Some(level), Some(own)) = (
            self.level.as_deref(),
            self.words.graded_bodies.get(usize::from(self.office_rank)),
        ) else {
            return text.to_owned();
        };
        let mut out = text.to_owned();
        for list in &self.addressed {
            for item in list.split('、').map(str::trim).skip(1) {
                let Some(name) = self
                    .words
                    .graded_bodies
                    .iter()
                    .find_map(|g| item.strip_suffix(g.as_str()).filter(|_| g != own))
                else {
                    continue;
                };
                if rank(item, false) != 0 || item.starts_with('各') || name.chars().count() < 2 {
                    continue;
                }
                let to = format!("{level}{name}{own}");
                for from in [format!("各地{item}"), item.to_owned()] {
                    if out.contains(&from) {
                        notes.push(format!("上级来文主送的“{from}”→“{to}”"));
                        out = out.replace(&from, &to);
                    }
                }
            }
        }
        out
    }

    /// The upstream's whole 主送 named in its text (各乡镇中心学校、县属各中小学校、幼儿园要…) →
    /// the office's units, before its parts are read one by one.
    fn upstream_addressees(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = text.to_owned();
        let to = std::iter::once(self.units.as_str())
            .chain(
                self.shared_addressees
                    .iter()
                    .map(String::as_str)
                    .filter(|s| !self.units.contains(s)),
            )
            .collect::<Vec<_>>()
            .join("、");
        // The list as the text writes it, its items parted by 「、」 or 「，」 in any mix (各设区市、
        // 杨凌示范区市场监管局，韩城市市场监管局): both marks are three bytes long.
        let to = to.replace('，', "、");
        for list in &self.addressed {
            let mut from = 0;
            while let Some(at) = out[from..].replace('，', "、").find(list.as_str()) {
                let at = from + at;
                let written = out[at..at + list.len()].to_owned();
                notes.push(format!("上级来文的主送“{written}”→“{to}”"));
                out.replace_range(at..at + list.len(), &to);
                from = at + to.len();
            }
        }
        out
    }

    /// 省政府各厅委、各直属机构 → 市直各单位: the upper government's departments are the office's.
    fn upper_departments(&self, text: &str, notes: &mut Vec<String>) -> String {
        let own = self.departments.as_ref().unwrap_or(&self.units);
        let mut out = text.to_owned();
        let mut patterns: Vec<&String> = self.words.upper_departments.iter().collect();
        patterns.sort_by_key(|p| std::cmp::Reverse(p.len()));
        for level in &self.words.upper_levels {
            if rank(level, false) <= self.office_rank {
                continue;
            }
            for p in &patterns {
                let phrase = format!("{level}{p}");
                // The office's own (a county-level 市's 市直各单位) stay.
                if out.contains(&phrase) && !own.contains(&phrase) {
                    notes.push(format!("上级机关的部门“{phrase}”→“{own}”"));
                    out = out.replace(&phrase, own);
                }
            }
        }
        out
    }

    /// 县级民政部门 → 临澧县民政局: the department of the office's own level and line of work,
    /// named generically by the upper office, is the office itself (县级以上… is left alone).
    fn own_department(&self, text: &str, notes: &mut Vec<String>) -> String {
        let level = match self.office_rank {
            1 => "县级",
            2 => "市级",
            3 => "省级",
            _ => return text.to_owned(),
        };
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find(level) {
            out.push_str(&rest[..at]);
            let after = &rest[at + level.len()..];
            let line = after.find("部门").map(|end| &after[..end]).filter(|line| {
                let n = line.chars().count();
                (2..=6).contains(&n)
                    && line
                        .chars()
                        .all(|c| !c.is_ascii() && !"，。；、（）以".contains(c))
                    && self.is_own_line(line)
            });
            match line {
                Some(line) => {
                    let phrase = format!("{level}{line}部门");
                    notes.push(format!("“{phrase}”→“{}”（本机关）", self.office));
                    out.push_str(&self.office);
                    rest = &after[line.len() + "部门".len()..];
                }
                None => {
                    out.push_str(level);
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// 省水利厅将适时开展督导检查 → the office will: a sentence whose subject is the upper office
    /// announcing what it will do is, in the office's own notice, what the office will do.
    fn upper_actions(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut start = true;
        let mut rest = text;
        while !rest.is_empty() {
            if start {
                // After a time clause (清明节前后，省林业局将…).
                if let Some((when, _)) = rest.split_once('，').filter(|(w, _)| self.is_time(w)) {
                    let n = when.len() + '，'.len_utf8();
                    out.push_str(&rest[..n]);
                    rest = &rest[n..];
                }
                // The office acts (its reporting target may be one of its sections: 股).
                // In running text by its short name, as it writes itself (区司法局将…).
                if let Some(subject) = self.acting_upper(rest) {
                    let own = own_short_name(&self.office);
                    notes.push(format!("上级机关的安排“{subject}将…”→“{own}将…”"));
                    out.push_str(&own);
                    rest = &rest[subject.len()..];
                }
            }
            let Some(c) = rest.chars().next() else { break };
            out.push(c);
            // A clause may name the upper office acting too (对…不到位的，省教育厅将予以通报).
            start = matches!(c, '。' | '；' | '！' | '，');
            rest = &rest[c.len_utf8()..];
        }
        out
    }

    /// 市委督查室会同市纪委监委…组成督查组，…报市委。 A sentence whose subject is an office
    /// named by the upper level's word alone describes a step of the work that the office's
    /// level takes in its own area: that office and every one so named with it become the
    /// office's level's (县委督查室会同县纪委监委…报县委督查室), the office's own line of work
    /// the office itself.
    fn upper_subjects(&self, text: &str, notes: &mut Vec<String>) -> String {
        let Some(own) = self.level.as_deref() else {
            return text.to_owned();
        };
        let levels = self.upper_level_words(own);
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive(['。', '；']) {
            let body = match sentence.split_once('，') {
                Some((when, rest)) if self.is_time(when) => rest,
                _ => sentence,
            };
            // 由市教育局、市科协牵头，…: the offices leading the step are its subject.
            let body = body.strip_prefix('由').unwrap_or(body);
            // The office itself as the subject, put there for the upper office (省教育厅将会同
            // 省公安厅… → 屏山县教育局将会同…): the offices it acts with are of its level too.
            let short = own_short_name(&self.office);
            let itself = [&self.report_to, &self.office, &short]
                .into_iter()
                .any(|o| {
                    body.strip_prefix(o.as_str()).is_some_and(|r| {
                        ["将会同", "会同", "将联合", "联合"]
                            .iter()
                            .any(|v| r.starts_with(v))
                    })
                });
            let Some(level) = levels.iter().find(|l| {
                let named = level_named_organs(body, l);
                itself && !named.is_empty()
                    || named.first().is_some_and(|n| body.starts_with(n.as_str()))
            }) else {
                out.push_str(sentence);
                continue;
            };
            let mut changed = sentence.to_owned();
            for name in level_named_organs(sentence, level) {
                changed = changed.replacen(&name, &self.counterpart(&name, level, own), 1);
            }
            // 报市委 at the end of the step: the report goes to the office's level.
            for verb in ["报", "报送"] {
                for tail in ["委", "政府"] {
                    changed = changed.replace(
                        &format!("{verb}{level}{tail}"),
                        &format!("{verb}{own}{tail}"),
                    );
                }
            }
            // 对部分市（州）进行抽查: some of the levels below the upper office are, below the
            // office, some of its units.
            // (部分市、州 and 部分省份 as one: the levels joined by 、 go together.)
            changed = self.some_units(&changed);
            // 省局各有关处室 → 县局各有关股室: a county's offices have 股室, not 处室.
            if self.office_rank <= 1 {
                for pair in &self.words.county_sections {
                    if let [upper, county] = pair.as_slice() {
                        changed = changed.replace(upper.as_str(), county);
                    }
                }
            }
            if changed != sentence {
                notes.push(format!("上级机关本级的工作“{sentence}”→本级“{changed}”"));
            }
            out.push_str(&changed);
        }
        out
    }

    /// 我厅起草了《…》: the upper office naming itself, in the office's text, is named as the
    /// upper office (省应急管理厅起草了《…》); its targets and its announcements were made the
    /// office's before.
    fn upper_self(&self, text: &str, notes: &mut Vec<String>) -> String {
        let Some(name) = self.upstream.first().map(|u| short_name(u)) else {
            return text.to_owned();
        };
        let mut out = text.to_owned();
        for w in &self.words.self_references {
            if out.contains(w.as_str()) {
                notes.push(format!("上级来文的“{w}”→“{name}”"));
                out = out.replace(w.as_str(), &name);
            }
        }
        self.upper_channels(&out, &own_short_name(&self.office), notes)
    }

    /// The upper office's sections and bodies (厅机关各处室, 厅属各单位), made the office's
    /// before, in the words of the office's own 主送 (局机关各科室, 局属各单位) where it has them.
    fn own_internal(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut names: Vec<String> = vec![self.office.clone(), own_short_name(&self.office)];
        names.extend(self.office.chars().last().map(String::from));
        names.extend(self.upstream.iter().map(|u| short_name(u)));
        names.extend(
            self.upstream
                .iter()
                .filter_map(|u| u.chars().last())
                .map(String::from),
        );
        names.sort_by_key(|n| std::cmp::Reverse(n.len()));
        let sections: Vec<String> = self
            .words
            .internal_units
            .iter()
            .flat_map(|u| ["各", "有关"].map(|q| format!("机关{q}{u}")))
            .collect();
        let bodies = ["属各单位", "直属各单位", "属有关单位", "属各事业单位"];
        let mut out = text.to_owned();
        for name in names.iter().filter(|n| !n.is_empty()) {
            let pairs = sections
                .iter()
                .map(|w| (w.as_str(), &self.own_sections))
                .chain(bodies.iter().map(|w| (*w, &self.own_bodies)));
            for (word, own) in pairs {
                let Some(own) = own else { continue };
                let from = format!("{name}{word}");
                if out.contains(&from) && from != *own {
                    notes.push(format!("“{from}”→“{own}”（本机关主送的称谓）"));
                    out = out.replace(&from, own);
                }
            }
        }
        out
    }

    /// 在厅门户网站开设…, 厅机关各处室: the upper office named by its last character before a
    /// channel or its 机关 (after a word that ends no name: 在, 通过, the start) is the office.
    fn upper_channels(&self, text: &str, own: &str, notes: &mut Vec<String>) -> String {
        let mut out = text.to_owned();
        let lasts: Vec<char> = self
            .upstream
            .iter()
            .filter_map(|u| u.chars().last())
            .filter(|c| matches!(c, '厅' | '局' | '委' | '办'))
            .collect();
        for last in lasts {
            for channel in &self.words.self_channels {
                let from = format!("{last}{channel}");
                let mut done = String::with_capacity(out.len());
                let mut rest = out.as_str();
                while let Some(at) = rest.find(&from) {
                    let before = rest[..at].chars().last();
                    let free = before.is_none_or(|c| "在过由经向对将与和，、。；：（".contains(c));
                    done.push_str(&rest[..at]);
                    if free {
                        // After the office named as the subject, 本局 (…局将在本局门户网站开设).
                        let sentence = done.rsplit('。').next().unwrap_or("");
                        let named =
                            sentence.contains(self.office.as_str()) || sentence.contains(own);
                        let this = match self.office.chars().last() {
                            Some(c) if named => format!("本{c}"),
                            _ => own.to_owned(),
                        };
                        notes.push(format!("上级来文的“{from}”→“{this}{channel}”"));
                        done.push_str(&this);
                        done.push_str(channel);
                    } else {
                        done.push_str(&from);
                    }
                    rest = &rest[at + from.len()..];
                }
                done.push_str(rest);
                out = done;
            }
        }
        out
    }

    /// The office of the office's level that does what `name` (an office named by the upper
    /// level's word `level`) does above it: the office itself for its own line of work, else
    /// the same name under `own` (市住建局 → 县住建局), a province's 厅 a 局 (省应急厅 → 县应急局).
    fn counterpart(&self, name: &str, level: &str, own: &str) -> String {
        let rest = &name[level.len()..];
        let line = rest.trim_end_matches(['局', '委', '厅', '办']);
        if !line.is_empty() && !line.starts_with('委') && self.is_own_line(line) {
            return self.office.clone();
        }
        // A corps' unit is the office's level's rank of it (总队 → 大队 for a county).
        let ranks = &self.words.corps_ranks;
        let own_rank = ranks.len().checked_sub(1 + self.office_rank as usize);
        if let Some((stem, to)) = ranks
            .iter()
            .find_map(|r| rest.strip_suffix(r.as_str()))
            .zip(own_rank.and_then(|k| ranks.get(k)))
        {
            return format!("{own}{stem}{to}");
        }
        match rest.strip_suffix('厅') {
            Some(stem) => format!("{own}{stem}局"),
            None => format!("{own}{rest}"),
        }
    }

    /// The upper levels whose offices, named by the level's word alone, have counterparts at
    /// the office's level (市 for a county under 宁德市…).
    /// None for a township's office: its level has no 局 or 督查室 of its own to stand for the
    /// upper level's (街道公安局 is nothing), so their names stay for the review to show.
    fn upper_level_words(&self, own: &str) -> Vec<&'static str> {
        if self.office_rank == 0 {
            return Vec::new();
        }
        level_words_above(&self.upstream, self.office_rank)
            .into_iter()
            .filter(|l| *l != own)
            .collect()
    }

    /// （牵头单位：市住建局；配合单位：市农业农村局）: in the office's own plan the offices
    /// responsible for a task are its level's.
    fn responsible(&self, text: &str, notes: &mut Vec<String>) -> String {
        let Some(own) = self.level.as_deref() else {
            return text.to_owned();
        };
        let levels = self.upper_level_words(own);
        let mut out = text.to_owned();
        for label in &self.words.responsible_labels {
            let mut from = 0;
            while let Some(at) = out[from..].find(label.as_str()).map(|i| i + from) {
                let start = at + label.len();
                let end = out[start..]
                    .find(['）', '。', '\n'])
                    .map_or(out.len(), |i| start + i);
                let mut span = out[start..end].to_owned();
                for level in &levels {
                    for name in level_named_organs(&span, level) {
                        let to = self.counterpart(&name, level, own);
                        notes.push(format!("{label}“{name}”→“{to}”"));
                        span = span.replacen(&name, &to, 1);
                    }
                }
                out.replace_range(start..end, &span);
                from = start + span.len();
            }
        }
        out
    }

    /// ，抄送生态环境部应对气候变化司: a copy to the upper office is the upper level's business;
    /// the clause goes.
    fn upper_copies(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = text.to_owned();
        for verb in &self.words.copy_verbs {
            let clause = format!("，{verb}");
            let mut from = 0;
            while let Some(i) = out[from..].find(&clause).map(|i| i + from) {
                let after = &out[i + clause.len()..];
                let end = after.find(['，', '。', '；']).unwrap_or(after.len());
                let target = &after[..end];
                if self.is_upper(target) {
                    notes.push(format!("上级来文的“{verb}{target}”已删去"));
                    out.replace_range(i..i + clause.len() + end, "");
                } else {
                    from = i + clause.len();
                }
            }
        }
        out
    }

    /// 市水利局在甘棠公园举办…。 A sentence whose subject is the upper office doing its own part
    /// (after a time such as 3月22日上午，) is the upper level's arrangement, not the office's:
    /// it goes.
    fn upper_own_doings(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        // The day of an event that went (6月16日，省应急管理厅…举办…): a sentence after it that
        // says 同一天 says that day.
        let mut day_gone: Option<&str> = None;
        let mut event_gone = false;
        for sentence in text.split_inclusive(['。', '；']) {
            let when = sentence
                .split_once('，')
                .map(|(w, _)| w)
                .filter(|w| self.is_time(w));
            let body = match when {
                Some(w) => &sentence[w.len() + '，'.len_utf8()..],
                None => sentence,
            };
            if self.hosted_by_upper(body) || self.upper_event(body) {
                notes.push(format!("上级机关本级的活动已删去：{sentence}"));
                day_gone = when;
                event_gone = true;
                continue;
            }
            // Who attends the event that went, and their names for it (参训人员名单), go too.
            if event_gone
                && self
                    .words
                    .attendance_words
                    .iter()
                    .any(|w| sentence.contains(w.as_str()))
            {
                notes.push(format!("上级机关本级活动的参加安排已删去：{sentence}"));
                continue;
            }
            let said;
            let sentence = match day_gone.take() {
                Some(day) => {
                    said = same_day(sentence, day);
                    said.as_str()
                }
                None => sentence,
            };
            let body = match when {
                Some(w) => &sentence[w.len() + '，'.len_utf8()..],
                None => sentence,
            };
            let subject = self
                .words
                .upper_doings
                .iter()
                .filter_map(|v| body.find(v.as_str()))
                .min()
                .map(|at| &body[..at]);
            if subject.is_some_and(|s| self.at_an_upper_place(&body[s.len()..], s)) {
                // What it asks of the lower offices after it (…，各地要同步开展…) stays.
                let asks = sentence
                    .match_indices('，')
                    .map(|(at, c)| at + c.len())
                    .find(|&at| {
                        let clause = sentence[at..].split('，').next().unwrap_or("");
                        clause.contains('要')
                    });
                let gone = asks.map_or(sentence, |at| &sentence[..at]);
                notes.push(format!("上级机关本级的活动已删去：{gone}"));
                if let Some(at) = asks {
                    out.push_str(&sentence[at..]);
                }
                continue;
            }
            if let Some(leaders) = self.upper_leaders(body) {
                notes.push(format!("上级“{leaders}”本级的安排已删去：{sentence}"));
                continue;
            }
            match subject.filter(|s| self.is_upper_office(s) || self.upper_levels_only(s)) {
                Some(s) => notes.push(format!("上级机关“{s}”本级的安排已删去：{sentence}")),
                None => out.push_str(sentence),
            }
        }
        // The last clause gone: the one before it ends the sentence.
        if text.ends_with('。') && out.ends_with('；') {
            out.pop();
            out.push('。');
        }
        out
    }

    /// 市委、市政府领导将…带队走访: the leaders of the levels above the office doing their own
    /// part (the subject before 将, its offices all named by a level above the office's).
    fn upper_leaders<'t>(&self, body: &'t str) -> Option<&'t str> {
        let subject = &body[..body.find('将')?];
        let offices = self
            .words
            .leader_words
            .iter()
            .find_map(|w| subject.strip_suffix(w.as_str()))?;
        let above = offices.split('、').all(|o| {
            let named = self
                .words
                .leading_bodies
                .iter()
                .any(|b| o.ends_with(b.as_str()));
            // (By its first character: 市政府 holds 市政, which names no level elsewhere.)
            let level = o.chars().next().map(String::from).unwrap_or_default();
            named && o.chars().count() <= 6 && rank(&level, false) > self.office_rank
        });
        (!offices.is_empty() && above).then_some(subject)
    }

    /// 省、市两级民政部门: offices of several levels named together, every one above the office.
    fn upper_levels_only(&self, subject: &str) -> bool {
        let Some((levels, _)) = self
            .words
            .joint_levels
            .iter()
            .find_map(|w| subject.split_once(w.as_str()))
        else {
            return false;
        };
        let ranks: Vec<u8> = levels
            .split(['、', '和', '及'])
            .filter(|l| !l.is_empty())
            .map(|l| rank(l, false))
            .collect();
        !ranks.is_empty() && ranks.iter().all(|&r| r > self.office_rank)
    }

    /// 3月22日上午, 活动期间: a short clause of time before a sentence's subject.
    fn is_time(&self, clause: &str) -> bool {
        clause.chars().count() <= 12
            && self
                .words
                .time_words
                .iter()
                .any(|w| clause.contains(w.as_str()))
    }

    /// An e-mail address in inherited text is the upper office's: the office's own replaces it.
    fn emails(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = text.to_owned();
        for address in email_addresses(text) {
            if address != self.email {
                notes.push(format!("上级机关的电子邮箱“{address}”→“{}”", self.email));
                out = out.replace(address, &self.email);
            }
        }
        if self.email.is_empty() {
            return out;
        }
        let out = self.mailbox_named(&out, notes);
        named_once(&out, &self.email, &["发送至", "发送到", "发至", "报送至"])
    }

    /// A report sent by e-mail to no address the sentence gives (每日16时前通过电子邮件报送当日
    /// 情况: the upper office's mailbox was given elsewhere, in its contacts): the office's
    /// mailbox after the words (`[work] mail_words`).
    fn mailbox_named(&self, text: &str, notes: &mut Vec<String>) -> String {
        text.split_inclusive('。')
            .map(|sentence| {
                if sentence.contains('@') {
                    return sentence.to_owned();
                }
                let found = self.words.mail_words.iter().find_map(|w| {
                    let at = sentence.find(w.as_str())? + w.len();
                    let rest = &sentence[at..];
                    let reports = self
                        .words
                        .report_verbs
                        .iter()
                        .any(|v| rest.starts_with(v.as_str()));
                    reports.then_some(at)
                });
                match found {
                    Some(at) => {
                        notes.push(format!(
                            "电子邮件报送未写邮箱：补上本机关的“{}”",
                            self.email
                        ));
                        format!("{}（{}）{}", &sentence[..at], self.email, &sentence[at..])
                    }
                    None => sentence.to_owned(),
                }
            })
            .collect()
    }

    /// …电子版发送至…，联系电话：025-83521136: a telephone number inherited text still gives is the
    /// upper office's (the office's own are in its profile): the office's.
    fn phones(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        for number in phone_numbers(text) {
            let Some(at) = rest.find(number) else {
                continue;
            };
            out.push_str(&rest[..at]);
            let own = self.own_number(&out);
            if number != own {
                notes.push(format!("上级机关的电话“{number}”→“{own}”"));
            }
            out.push_str(if number == self.phone { number } else { own });
            rest = &rest[at + number.len()..];
        }
        out.push_str(rest);
        out
    }

    /// The office's number for an upper one after `before`: a fax's after 传真, its duty desk's
    /// where the clause names a duty desk (向省文化和旅游厅值班室报告（电话：…）) or the label is
    /// the duty desk's (值班电话：), else its
    /// contacts' telephone (the person who answers for the text is not the duty desk).
    fn own_number(&self, before: &str) -> &str {
        let clause = before.rsplit(['。', '；']).next().unwrap_or(before);
        let label = clause.trim_end_matches(['：', ':']);
        if label.ends_with("传真") {
            return &self.fax;
        }
        let labelled = label
            .rsplit(['（', '(', '，'])
            .next()
            .is_some_and(|l| self.duty_labelled(l));
        let desk = labelled
            || self
                .words
                .duty_desks
                .iter()
                .chain([&self.duty_to])
                .any(|d| !d.is_empty() && clause.contains(d.as_str()));
        if desk {
            &self.duty_phone
        } else {
            &self.phone
        }
    }

    /// Whether a telephone's label names the duty desk by its telephone (值班电话: 值班 of
    /// 值班室).
    fn duty_labelled(&self, label: &str) -> bool {
        let duty_word = self.words.duty_desk.trim_end_matches('室');
        !duty_word.is_empty() && label.contains(duty_word)
    }

    /// An event with no subject but its time (9月14日上午在柳州市工人文化宫举办…) held at a place
    /// of the upper office's and not in the office's own: the upper office's own doing.
    fn at_an_upper_place(&self, rest: &str, subject: &str) -> bool {
        let Some(place) = rest.strip_prefix('在') else {
            return false;
        };
        let clause = place.split(['，', '。', '；']).next().unwrap_or(place);
        let own = !self.scope.is_empty() && clause.contains(self.scope.as_str());
        (subject.trim().is_empty() || self.is_time(subject))
            && !own
            && self
                .upstream_places
                .iter()
                .any(|p| p.chars().count() >= 2 && place.starts_with(p.as_str()))
    }

    /// A short office name of the upper level (市水利局, 省水利厅), the whole of `s`.
    /// …开幕式，由科技部牵头组织。: an event the upper office itself hosts (由 + the upper
    /// office + one of its doings) is its own, not the office's.
    fn hosted_by_upper(&self, sentence: &str) -> bool {
        sentence.match_indices('由').any(|(at, c)| {
            let after = &sentence[at + c.len()..];
            let end = self
                .words
                .upper_doings
                .iter()
                .filter_map(|v| after.find(v.as_str()))
                .min();
            end.is_some_and(|e| {
                let who = &after[..e];
                e > 0 && self.is_upper_office(who)
            })
        })
    }

    /// Whether `sentence` is a step of the office's own (its subject, after a time clause, is
    /// the office, its place or an office of its level).
    fn office_step(&self, sentence: &str, level: &str) -> bool {
        let body = match sentence.trim_start().split_once('，') {
            Some((when, rest)) if self.is_time(when) => rest,
            _ => sentence.trim_start(),
        };
        // (…开展网络竞答，区司法局将对…的地区予以通报表扬: a clause of the office acting.)
        let short = own_short_name(&self.office);
        let acting = [short.as_str(), self.office.as_str()]
            .iter()
            .any(|o| !o.is_empty() && body.contains(&format!("，{o}将")));
        acting
            || [level, self.scope.as_str(), self.office.as_str()]
                .iter()
                .any(|o| !o.is_empty() && body.starts_with(o))
    }

    /// Whether `sentence` reports facts of the upper level's place (形势, 据监测 …) and asks
    /// nothing of anyone (要, 须, 请 … outside 要求, 应急 …).
    fn states_facts(&self, sentence: &str) -> bool {
        let mut plain = sentence.to_owned();
        for w in &self.words.not_directive {
            plain = plain.replace(w.as_str(), "");
        }
        let asks = self
            .words
            .directive_words
            .iter()
            .any(|w| plain.contains(w.as_str()));
        let facts = self
            .words
            .fact_markers
            .iter()
            .any(|w| sentence.contains(w.as_str()));
        facts && !asks
    }

    /// 文化和旅游部将会同浙江省人民政府在杭州市举办…: the upper office (before 将) holding an
    /// event at a place that is not the office's is its own event, not the office's to mirror.
    fn upper_event(&self, body: &str) -> bool {
        // 省文化和旅游厅将在杭州举办…, or the upper offices together without 将
        // (某部、某院…在北京联合举办…); after its purpose (为提高…质量，我馆定于…举办全省…培训).
        let body = match body.split_once('，') {
            Some((purpose, rest)) if purpose.starts_with('为') => rest,
            _ => body,
        };
        let at = ["将", "定于", "拟于"]
            .iter()
            .filter_map(|w| body.find(w).map(|at| (at, w.len())))
            .min()
            .or_else(|| body.find('在').map(|at| (at, 0)));
        let Some((at, skip)) = at else {
            return false;
        };
        let (subject, rest) = (&body[..at], &body[at + skip..]);
        if subject.is_empty() || !subject.split('、').all(|s| self.is_upper_office(s)) {
            return false;
        }
        let clause = rest.split(['，', '。', '；']).next().unwrap_or(rest);
        // An event for the upper office's whole area (举办全省…培训), wherever it is held.
        let whole_above = self.words.event_verbs.iter().any(|v| {
            clause.match_indices(v.as_str()).any(|(i, _)| {
                let after = &clause[i + v.len()..];
                self.words.own_scope.iter().any(|w| {
                    w.starts_with('全')
                        && after.starts_with(w.as_str())
                        && rank(w, false) > self.office_rank
                })
            })
        });
        whole_above
            || clause.match_indices('在').any(|(at, c)| {
                let after = &clause[at + c.len()..];
                self.words.event_verbs.iter().any(|v| {
                    after.find(v.as_str()).is_some_and(|end| {
                        let place = &after[..end];
                        (2..=15).contains(&place.chars().count())
                            && (self.scope.is_empty() || !place.contains(self.scope.as_str()))
                    })
                })
            })
    }

    /// The upstream's issuer, or its parent (民政部 of 民政部办公厅).
    fn names_upstream(&self, s: &str) -> bool {
        self.upstream.iter().any(|u| {
            u == s
                || self
                    .words
                    .issuer_suffixes
                    .iter()
                    .any(|x| u.strip_suffix(x.as_str()) == Some(s))
        })
    }

    fn is_upper_office(&self, s: &str) -> bool {
        // The upstream's issuer, or as its own level writes it (省消防救援总队).
        if self.names_upstream(s) || self.upstream.iter().any(|u| short_name(u) == s) {
            return true;
        }
        // Or by the one word its name ends in, as it names itself (部将适时…, 厅将…: 我部, 我厅).
        // (我馆定于…: as the upper office names itself.)
        let word = s.strip_prefix('我').unwrap_or(s);
        let one_word = word.chars().count() == 1
            && self
                .words
                .self_references
                .iter()
                .any(|r| r.strip_prefix('我') == Some(word))
            && self.upstream.iter().any(|u| u.ends_with(word));
        if one_word {
            return true;
        }
        let office = self
            .words
            .org_endings
            .iter()
            .any(|e| s.ends_with(e.as_str()));
        let not_level = self
            .words
            .not_levels
            .iter()
            .any(|n| s.starts_with(n.as_str()));
        // 请各省级应急管理部门 is whom the upstream asks, not the upper office.
        let asked = s.trim_start_matches('请').starts_with('各');
        let plain = !s.contains(['，', '、', '（', '“']) && !asked;
        office && plain && !not_level && s.chars().count() <= 20 && self.is_upper(s)
    }

    /// The upper office as the subject of `sentence` (省水利厅 in 省水利厅将…): a short name of an
    /// office of the upper level right before 将.
    fn acting_upper<'t>(&self, sentence: &'t str) -> Option<&'t str> {
        let clause = sentence
            .split(['。', '；', '，'])
            .next()
            .unwrap_or(sentence);
        let at = clause.find('将')?;
        let subject = &sentence[..at];
        self.is_upper_office(subject).then_some(subject)
    }

    /// Each `M月D日前` (with its year, weekday, hour) made `lead_workdays` working days earlier
    /// (also in a form's cell alone: 12月15日前全覆盖检查).
    pub(crate) fn deadlines(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        // A text about a holiday (元旦期间工作情况) keeps its deadlines after that holiday.
        let about_holiday = self
            .words
            .holiday_words
            .iter()
            .any(|w| text.contains(w.as_str()));
        // The year a reader takes a date without one to be in: the upstream's, then that of
        // the last date written with one (2026年12月29日前、2月17日前 — the second is not 2026's).
        let mut context = self.since.year();
        while let Some((at, d)) = next_deadline(rest, self.since) {
            out.push_str(&rest[..at]);
            let original = &rest[at..at + d.len];
            let whole = text.len() - rest.len() + at;
            if self.another_office_s_own(&text[..whole]) {
                // Another upper office's own date (市应急管理局要于11月20日前组织演练) is its own.
                out.push_str(original);
                rest = &rest[at + d.len..];
                continue;
            }
            let (text, year) = self.earlier(&d, original, about_holiday, context, notes);
            out.push_str(&text);
            context = year.unwrap_or(context);
            rest = &rest[at + d.len..];
        }
        out.push_str(rest);
        let out = self.weekly(&out, notes);
        let out = self.weekly_start(&out, notes);
        let out = self.daily(&out, notes);
        self.nth_workdays(&out, notes)
    }

    /// Whether the sentence `before` a deadline opens with an office of a level above the
    /// office's that is not the upstream's issuer (市应急管理局要于…, in a township's text): its
    /// date is that office's, not one the office sets its units.
    fn another_office_s_own(&self, before: &str) -> bool {
        let start = before
            .rfind(['。', '；'])
            .map_or(0, |k| k + '。'.len_utf8());
        let sentence = &before[start..];
        let Some(end) = sentence.find(['要', '将']) else {
            return false;
        };
        let subject = sentence[..end].trim();
        let issuer = self.names_upstream(subject)
            || self.upstream.iter().any(|u| short_name(u) == subject)
            || subject.starts_with('我')
            || subject.chars().count() < 4;
        !subject.contains(['，', '、']) && !issuer && self.is_upper_office(subject)
    }

    /// A daily report's hour comes earlier (每日16时前 → 每日14时前, as [`Self::earlier_hour`]):
    /// the office gathers its units' reports before it sends its own at the upper office's hour.
    fn daily(&self, text: &str, notes: &mut Vec<String>) -> String {
        if self.lead_workdays == 0 {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some((at, word)) = ["每日", "每天"]
            .iter()
            .filter_map(|w| rest.find(w).map(|i| (i, *w)))
            .min()
        {
            let after = &rest[at + word.len()..];
            let hours = after.bytes().take_while(u8::is_ascii_digit).count();
            let time = after[hours..]
                .chars()
                .next()
                .filter(|c| ['时', '点'].contains(c))
                .map(|c| &after[..hours + c.len_utf8()]);
            out.push_str(&rest[..at + word.len()]);
            rest = after;
            let Some(time) = time.filter(|t| after[t.len()..].starts_with('前')) else {
                continue;
            };
            if let Some(earlier) = Self::earlier_hour(time) {
                notes.push(format!("期限“{word}{time}前”→“{word}{earlier}前”"));
                out.push_str(&earlier);
                rest = &after[time.len()..];
            }
        }
        out.push_str(rest);
        out
    }

    /// A recurring deadline in working days (每月最后一个工作日前, 每季度第5个工作日前) made
    /// `lead_workdays` working days earlier: 每月倒数第四个工作日前, 每季度第2个工作日前. One
    /// that cannot come earlier within its period (每月第2个工作日前) is kept and reported.
    fn nth_workdays(&self, text: &str, notes: &mut Vec<String>) -> String {
        const LAST: &str = "最后一个工作日";
        let lead = self.lead_workdays as usize;
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some((at, period)) = RECURRING_WORKDAY
            .iter()
            .filter_map(|p| rest.find(p).map(|at| (at, *p)))
            .min_by_key(|&(at, p)| (at, std::cmp::Reverse(p.len())))
        {
            let after = &rest[at + period.len()..];
            let (nth, tail) = match after.strip_prefix(LAST) {
                Some(tail) => (None, tail),
                None => match workday_ordinal(after) {
                    Some((n, tail)) => (Some(n), tail),
                    None => {
                        out.push_str(&rest[..at + period.len()]);
                        rest = after;
                        continue;
                    }
                },
            };
            let Some(until) = tail.find('前').filter(|&k| time_of_day(&tail[..k])) else {
                out.push_str(&rest[..at + period.len()]);
                rest = after;
                continue;
            };
            let original = &rest[at..rest.len() - tail.len() + until + '前'.len_utf8()];
            let ordinal = match nth {
                None => Some(format!("倒数第{}个工作日", chinese_ordinal(lead + 1))),
                Some(n) if n > lead => Some(format!("第{}个工作日", n - lead)),
                Some(_) => None,
            };
            out.push_str(&rest[..at]);
            match ordinal {
                Some(o) if lead > 0 => {
                    let changed = format!("{period}{o}{}", &tail[..until + '前'.len_utf8()]);
                    notes.push(format!("期限“{original}”→“{changed}”"));
                    out.push_str(&changed);
                }
                Some(_) => out.push_str(original),
                None => {
                    notes.push(format!(
                        "期限“{original}”在周期之初，无法提前 {lead} 个工作日，请核定"
                    ));
                    out.push_str(original);
                }
            }
            rest = &rest[at + original.len()..];
        }
        out.push_str(rest);
        out
    }

    /// Each weekly deadline (每周五下班前, 每周四12时前) made one weekday earlier, Monday at the
    /// earliest: a week's figures gathered `lead_workdays` (3) earlier would be three days old
    /// when they go up (每周五 → 每周二 was read so by a clerk); a day is what gathering takes.
    fn weekly(&self, text: &str, notes: &mut Vec<String>) -> String {
        const DAYS: [char; 5] = ['一', '二', '三', '四', '五'];
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find("每周") {
            let after = &rest[at + "每周".len()..];
            let day = after
                .chars()
                .next()
                .and_then(|c| DAYS.iter().position(|d| *d == c));
            let tail = &after[after.chars().next().map_or(0, char::len_utf8)..];
            let until = tail.find('前');
            out.push_str(&rest[..at]);
            match (day, until) {
                (Some(day), Some(k)) if time_of_day(&tail[..k]) => {
                    let new = DAYS[day.saturating_sub(self.lead_workdays.min(1) as usize)];
                    let original = &rest[at..rest.len() - tail.len() + k + '前'.len_utf8()];
                    let mut changed = format!("每周{new}{}", &original["每周".len() + 3..]);
                    // Due on Monday already: earlier in the day (每周一下班前 → 每周一12时前).
                    if day == 0 && self.lead_workdays > 0 {
                        let time = &tail[..k];
                        let earlier = match time {
                            "" | "下班" => Some(self.words.same_day_hour.clone()),
                            t => Self::earlier_hour(t),
                        };
                        if let Some(t) = earlier {
                            changed = format!("每周一{t}前");
                        }
                    }
                    if changed != original {
                        notes.push(format!("期限“{original}”→“{changed}”"));
                    }
                    out.push_str(&changed);
                    rest = &rest[at + original.len()..];
                }
                _ => {
                    out.push_str("每周");
                    rest = after;
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// A weekly report starting on or before the draft's own day (自3月1日起…每周一12时前, the
    /// draft dated 3月1日: due the day it is issued) starts the Monday after it (自3月8日起).
    fn weekly_start(&self, text: &str, notes: &mut Vec<String>) -> String {
        if !text.contains("每周") {
            return text.to_owned();
        }
        // The first 自…起 whose words are a date (not 各自, 来自).
        let found = text.match_indices('自').find_map(|(at, _)| {
            let after = &text[at + '自'.len_utf8()..];
            let end = after.find('起').filter(|&e| e <= 20)?;
            let written = &after[..end];
            let (year, rest) = match number(written, '年') {
                Some((y, r)) if y >= 1900 => (Some(y as i32), r),
                _ => (None, written),
            };
            let (m, r) = number(rest, '月')?;
            let (d, tail) = number(r, '日')?;
            let date = dated(year, m, d, self.since).filter(|_| tail.is_empty())?;
            Some((at, end, written, year.is_some(), date))
        });
        let Some((at, end, written, with_year, start)) = found else {
            return text.to_owned();
        };
        // 自12月11日起（周五）…每周五 made 每周四: the first report is due the day before.
        let due = text[at..].find("每周").and_then(|w| {
            let day = text[at + w + "每周".len()..].chars().next()?;
            ['一', '二', '三', '四', '五']
                .iter()
                .position(|d| *d == day)
        });
        let first_due = due.filter(|&d| start.weekday().num_days_from_monday() as usize == d + 1);
        let new = if start <= self.issued {
            let days = 7 - self.issued.weekday().num_days_from_monday();
            self.issued + chrono::Duration::days(i64::from(days))
        } else if first_due.is_some() {
            // The day before when the draft is out by then, else the week's due day after it
            // (自10月9日起（周五）…每周四, the draft dated 10月8日: 自10月15日起).
            match start.pred_opt().filter(|d| *d > self.issued) {
                Some(before) => before,
                None => start + chrono::Duration::days(6),
            }
        } else {
            return text.to_owned();
        };
        let new_text = if with_year {
            format!("{}年{}月{}日", new.year(), new.month(), new.day())
        } else {
            format!("{}月{}日", new.month(), new.day())
        };
        let why = if start <= self.issued {
            "不早于本稿成文日期后的下一周"
        } else {
            "首次报送随每周报送日提前"
        };
        notes.push(format!("周报起始“自{written}起”→“自{new_text}起”（{why}）"));
        let after = at + '自'.len_utf8() + end + '起'.len_utf8();
        format!("{}自{new_text}起{}", &text[..at], &text[after..])
    }

    /// A deadline of a text about a holiday, brought forward to `new`, never crosses back over
    /// a holiday that lies before the upper office's `date` (元旦期间工作情况 due 1月5日 is not
    /// due before 元旦): it is the first working day after that holiday, where that is still
    /// before `date`.
    fn after_holiday(&self, new: NaiveDate, date: NaiveDate) -> NaiveDate {
        let weekday =
            |d: &NaiveDate| !matches!(d.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        let holiday = new
            .iter_days()
            .skip(1)
            .take_while(|d| *d < date)
            .filter(|d| weekday(d) && self.calendar.is_workday(*d) == Ok(false))
            .last();
        match holiday.and_then(|h| self.calendar.add_workdays(h, 1).ok()) {
            Some(first) if first < date => first,
            // The upper office's deadline is the first working day after the holiday: the same
            // day, earlier in it (below).
            Some(_) => date,
            None => new,
        }
    }

    /// A time of day two hours earlier (12时 → 10时), not before 9时; none for no time.
    fn earlier_hour(time: &str) -> Option<String> {
        let unit = time.chars().last()?;
        let hour: u32 = time.strip_suffix(unit)?.parse().ok()?;
        (hour >= 11).then(|| format!("{}{unit}", (hour - 2).max(9)))
    }

    /// A deadline made `lead_workdays` earlier, its year written where it was or where it is
    /// not the `context` year a reader takes; and the year it was written with, if any.
    fn earlier(
        &self,
        d: &Deadline,
        original: &str,
        about_holiday: bool,
        context: i32,
        notes: &mut Vec<String>,
    ) -> (String, Option<i32>) {
        let Some(date) = d.date else {
            // 每月5日前, 每季度末月25日前: a recurring deadline, earlier by as many days, a
            // monthly one no earlier than `monthly_first_day` (where it was not already).
            let first = self.words.monthly_first_day.clamp(1, d.day.max(1));
            let day = d.day.saturating_sub(self.lead_workdays).max(first);
            let new = format!("{}{day}日{}{}", d.period, d.time, d.before);
            notes.push(format!("期限“{original}”→“{new}”"));
            return (new, None);
        };
        let text = self.earlier_date(d, date, original, about_holiday, context, notes);
        let year = text
            .split_once('年')
            .and_then(|(y, _)| y.parse().ok())
            .filter(|_| {
                text.chars()
                    .take(5)
                    .all(|c| c.is_ascii_digit() || c == '年')
            });
        (text, year)
    }

    /// [`Self::earlier`] for a deadline on a date.
    fn earlier_date(
        &self,
        d: &Deadline,
        date: NaiveDate,
        original: &str,
        about_holiday: bool,
        context: i32,
        notes: &mut Vec<String>,
    ) -> String {
        let mut time = d.time.clone();
        let new = match self.calendar.sub_workdays(date, self.lead_workdays) {
            Ok(new) if about_holiday => match self.after_holiday(new, date) {
                same if same == date => match Self::earlier_hour(&d.time) {
                    Some(t) => {
                        time = t;
                        date
                    }
                    None => new,
                },
                after => after,
            },
            Ok(new) => new,
            // A year without a holiday schedule (2027 here): counted Monday to Friday, and said,
            // as a {workday:…} date of such a year is.
            Err(_) => {
                let Some(new) = crate::spec::year::weekdays_only(date, self.lead_workdays, false)
                else {
                    return original.to_owned();
                };
                notes.push(format!(
                    "期限“{original}”：{} 年的放假调休安排尚未内置，按周一至周五提前 {} 个工作日，请对照当年的放假安排核定",
                    date.year(),
                    self.lead_workdays
                ));
                new
            }
        };
        // A summary due after the campaign is not brought forward into it (活动至8月20日，8月25日
        // 前报送总结 → 8月21日, not 8月20日): the first working day after its end.
        let end = self
            .campaign_end
            .iter()
            .chain(&self.period_ends)
            .filter(|&&end| date > end && new <= end)
            .max();
        let held_after = end.copied();
        let new = match held_after {
            Some(end) => self
                .calendar
                .add_workdays(end, 1)
                .ok()
                .or(end.succ_opt())
                .filter(|d| *d < date)
                .unwrap_or(date),
            _ => new,
        };
        let year = if d.with_year || new.year() != context {
            format!("{}年", new.year())
        } else {
            String::new()
        };
        let weekday = if d.with_weekday {
            format!("（{}{}）", d.weekday_word, weekday(new))
        } else {
            String::new()
        };
        let text = format!(
            "{year}{}月{}日{weekday}{}{}",
            new.month(),
            new.day(),
            time,
            d.before
        );
        let counted = if self.calendar.is_provisional(new.year()) {
            format!(
                "；{} 年的放假安排尚未发布，按法定节假日推算，请核对",
                new.year()
            )
        } else {
            String::new()
        };
        let lead = (0..=self.lead_workdays)
            .find(|&k| self.calendar.sub_workdays(date, k).is_ok_and(|d| d <= new))
            .unwrap_or(self.lead_workdays);
        let held = match held_after {
            // Held after the campaign or a period the upstream sets.
            Some(end) if lead < self.lead_workdays => format!(
                "，不提前到其前的活动或工作期（至{}月{}日）结束之前",
                end.month(),
                end.day()
            ),
            _ if lead < self.lead_workdays => "，不提前到其前的假期之前".to_owned(),
            _ => String::new(),
        };
        notes.push(format!(
            "期限“{original}”→“{text}”（比上级来文提前 {lead} 个工作日{held}{counted}）"
        ));
        // The units need a working day after the draft's date at least: a deadline the day
        // after it (成文 3月30日, 报送 3月31日前) leaves them none.
        let least = self
            .calendar
            .add_workdays(self.issued, 1)
            .unwrap_or(self.issued);
        if new <= least {
            // Too little time between the draft's date and the upper office's (a deadline on
            // the day the draft is signed leaves none): one working day before the upper
            // office's where that leaves a working day, else as counted.
            let day_before = self
                .calendar
                .sub_workdays(date, 1)
                .ok()
                .filter(|c| *c >= least && self.lead_workdays > 1);
            // Else the upper office's own day, earlier in it (noon where it gives no hour).
            let same_day = || {
                let hour = if d.time.is_empty() {
                    Some(self.words.same_day_hour.clone())
                } else {
                    Self::earlier_hour(&d.time)
                };
                hour.filter(|_| date > self.issued).map(|h| (date, h))
            };
            if let Some((closer, hour)) = day_before.map(|c| (c, d.time.clone())).or_else(same_day)
            {
                let closer = format!(
                    "{year}{}月{}日{}{hour}{}",
                    closer.month(),
                    closer.day(),
                    if d.with_weekday {
                        format!("（{}{}）", d.weekday_word, self::weekday(closer))
                    } else {
                        String::new()
                    },
                    d.before
                );
                notes.push(format!(
                    "期限“{text}”距本文成文日期 {} 太近，下级单位来不及办理：改为“{closer}”，请核定",
                    self.issued
                ));
                return closer;
            }
            notes.push(format!(
                "期限“{text}”距本文成文日期 {} 太近，下级单位来不及办理，请核定",
                self.issued
            ));
        }
        text
    }

    /// 报送省水利厅农村水利水电处 → 报送 the office.
    fn report_targets(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut verbs: Vec<&String> = self.words.report_verbs.iter().collect();
        verbs.sort_by_key(|v| std::cmp::Reverse(v.len()));
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        loop {
            let found = verbs
                .iter()
                .filter_map(|v| rest.find(v.as_str()).map(|i| (i, v.len())))
                .min_by_key(|&(i, len)| (i, std::cmp::Reverse(len)));
            let Some((at, len)) = found else { break };
            let after = &rest[at + len..];
            let end = after
                .find(['，', '。', '；', '、', '：', '（', '('])
                .unwrap_or(after.len());
            // A mailbox after the target (…安全工作处电子邮箱a@b.cn) is not the target's name:
            // it stays, for the office's own address to replace.
            let end = ["电子邮箱", "邮箱"]
                .iter()
                .filter_map(|m| after[..end].find(m))
                .min()
                .unwrap_or(end);
            let purpose = self
                .words
                .report_purposes
                .iter()
                .find(|p| after[..end].ends_with(p.as_str()))
                .map_or(0, |p| p.len());
            let target = &after[..end - purpose];
            // 分析报告报送省疾控中心: a report (the noun) before the verb; the target is the verb's.
            // (专题报告报市委 in an upper office's step is left to that step's rule: 报县委.)
            if verbs
                .iter()
                .any(|v| v.chars().count() > 1 && target.starts_with(v.as_str()))
            {
                out.push_str(&rest[..at + len]);
                rest = after;
                continue;
            }
            // Not an upper office (年报数据质量自查报告报送省统计局…: the 报 of 年报): the
            // verb is passed and the search goes on inside what followed it, unless a verb
            // follows at once (专题报告报市委 in an upper office's step: that step's rule).
            if !self.is_upper(target) {
                let verb_follows = verbs.iter().any(|v| target.starts_with(v.as_str()));
                out.push_str(&rest[..at + len]);
                rest = after;
                if verb_follows {
                    out.push_str(target);
                    rest = &after[end - purpose..];
                }
                continue;
            }
            out.push_str(&rest[..at + len]);
            rest = &after[end - purpose..];
            let to = self.target_for(target);
            // (The office's own desk, put in by the profile's substitution, is no change.)
            if target != to {
                notes.push(format!("报送对象“{target}”→“{to}”"));
            }
            out.push_str(to);
            // Further upper targets listed with it (、市教育局) go: the office is the one.
            while let Some(next) = rest.strip_prefix(['、', '和']) {
                let end = next
                    .find(['，', '。', '；', '、', '（', '和'])
                    .unwrap_or(next.len());
                if end == 0 || !self.is_upper(&next[..end]) {
                    break;
                }
                notes.push(format!(
                    "报送对象“{}”已并入“{}”",
                    &next[..end],
                    self.report_to
                ));
                rest = &next[end..];
            }
            // The duty desk that takes it, in brackets (（应急管理部总值班室，电话：…）): the
            // office's.
            let mut desk = to == self.duty_to;
            if let Some(n) = self.upper_desk_in_brackets(rest) {
                let name = &rest['（'.len_utf8()..n];
                notes.push(format!("上级机关的值班机构“{name}”→“{}”", self.duty_to));
                out.push('（');
                out.push_str(&self.duty_to);
                rest = &rest[n..];
                desk = true;
            } else if let Some(dept) = self.upper_in_brackets(rest) {
                notes.push(format!("上级机关的内设机构“{}”已删去", &rest[..dept]));
                rest = &rest[dept..];
            }
            // Its telephone number (…办公室（联系电话：0871-…）, …办公室，联系电话：0593-…)
            // is the office's where it has one for that desk (its contacts' for its section;
            // its duty desk's, which no profile names, to fill in), else goes; its address goes.
            while let Some(phone) = upper_phone(rest).or_else(|| phone_clause(rest)) {
                let gone = &rest[..phone];
                // (值班电话：… is the duty desk's whoever takes the report.)
                let own = if desk || self.duty_labelled(gone) {
                    Some(&self.duty_phone)
                } else {
                    Some(&self.phone).filter(|p| !p.contains(crate::spec::conventions::PLACEHOLDER))
                };
                match (phone_numbers(gone).first(), own) {
                    (Some(number), Some(own)) => {
                        notes.push(format!("上级机关的电话“{number}”→“{own}”"));
                        out.push_str(&gone.replace(number, own));
                    }
                    _ => notes.push(format!("上级机关的联系电话或驻地“{gone}”已删去")),
                }
                rest = &rest[phone..];
            }
        }
        out.push_str(rest);
        out
    }

    /// Whom a report to the upper office's `target` goes to: the office's duty desk where the
    /// target is the upper office's (省应急管理厅指挥中心, 省卫生健康委总值班室), else `report_to`.
    fn target_for(&self, target: &str) -> &str {
        let desk = self
            .words
            .duty_desks
            .iter()
            .any(|d| target.ends_with(d.as_str()));
        if desk && !self.duty_to.is_empty() {
            &self.duty_to
        } else {
            &self.report_to
        }
    }

    /// A report addressed with 向 before its verb (每日16时前向省林草局森林草原防火处报送当日火情,
    /// 及时向省统计局报告) goes to the office as [`Self::report_targets`] sends it.
    fn reports_toward(&self, text: &str, notes: &mut Vec<String>) -> String {
        const MOST: usize = 40;
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('向') {
            let after = &rest[at + '向'.len_utf8()..];
            out.push_str(&rest[..at + '向'.len_utf8()]);
            rest = after;
            let stop = after
                .find(['，', '。', '；', '、', '：'])
                .unwrap_or(after.len());
            let verb = self
                .words
                .report_verbs
                .iter()
                .filter_map(|v| after[..stop].find(v.as_str()))
                .min()
                .filter(|&i| i > 0 && after[..i].chars().count() <= MOST);
            let Some(v) = verb else { continue };
            let target = &after[..v];
            if self.is_upper(target) && !self.report_to.is_empty() {
                let to = self.target_for(target);
                notes.push(format!("报告对象“{target}”→“{to}”"));
                out.push_str(to);
                rest = &after[v..];
            }
        }
        out.push_str(rest);
        out
    }

    /// A body the upstream's 主送 names by its own name (中国地质调查局 of 各省…自然资源主管部门，
    /// 中国地质调查局及部其他直属单位), not a class of offices: a sentence it is the subject of
    /// (中国地质调查局要组织技术支撑力量…) is its task, not the office's units', and goes.
    fn named_addressees_tasks(&self, text: &str, notes: &mut Vec<String>) -> String {
        let classes = ["各", "有关", "直属", "所属", "其他", "以下"];
        let named: Vec<&str> = self
            .addressed
            .iter()
            .flat_map(|l| l.split(['、', '，', '及', '和']))
            .map(str::trim)
            .filter(|n| n.chars().count() >= 4 && !classes.iter().any(|c| n.contains(c)))
            .filter(|n| {
                self.words
                    .org_endings
                    .iter()
                    .any(|e| n.ends_with(e.as_str()))
            })
            .filter(|n| !self.upstream.iter().any(|u| u == n) && **n != self.office)
            .collect();
        if named.is_empty() {
            return text.to_owned();
        }
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive(['。', '；']) {
            let t = sentence.trim_start();
            let task = named.iter().find(|n| {
                t.strip_prefix(**n).is_some_and(|r| {
                    ["要", "负责", "将", "应", "须"]
                        .iter()
                        .any(|v| r.starts_with(v))
                })
            });
            match task {
                Some(n) => notes.push(format!("上级来文主送的“{n}”的任务已删去：{}", t.trim_end())),
                None => out.push_str(sentence),
            }
        }
        out
    }

    /// One addressee of the upstream's 主送 named alone (各国有林场管理局（中心）要落实…, the
    /// second of 各市（州）林业和草原主管部门，各国有林场管理局（中心）) is the office's units too,
    /// named once (after the upper government's departments are read: 各直属机构 there is theirs).
    fn lone_addressees(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = text.to_owned();
        for item in self.addressed.iter().flat_map(|l| l.split(['，', '、'])) {
            let item = item.trim();
            // (Those named by a level, 各市（州）…, are read where they stand: [`Self::addressees`].)
            let Some(rest) = item.strip_prefix('各') else {
                continue;
            };
            let by_level = addressee_len(self.words, rest).is_some();
            let shared = self.shared_addressees.iter().any(|s| s == item);
            if item.chars().count() < 5 || by_level || shared || !out.contains(item) {
                continue;
            }
            notes.push(format!("上级来文的主送“{item}”→“{}”", self.units));
            let named = format!("{}、{item}", self.units);
            out = out.replace(&named, &self.units).replace(item, &self.units);
        }
        out
    }

    /// Two upstream targets made the office's one (分别报送市卫生健康委、市教育局 → 报送
    /// 区教育局): named once, and 分别 goes.
    fn one_target(&self, text: &str) -> String {
        let r = self.report_to.as_str();
        if r.is_empty() || !text.contains(r) {
            return reported_twice(text, &self.duty_to);
        }
        let verbs: Vec<&str> = self.words.report_verbs.iter().map(String::as_str).collect();
        let mut out = named_once(text, r, &verbs);
        for target in [r, self.duty_to.as_str()] {
            out = reported_twice(&out, target);
        }
        out
    }

    /// The length of `（…）` at the start of `rest` when it names an upper office (its
    /// department a report goes to).
    fn upper_in_brackets(&self, rest: &str) -> Option<usize> {
        let inner = rest.strip_prefix('（')?;
        let close = inner.find('）')?;
        let name = &inner[..close];
        let office = self
            .words
            .org_endings
            .iter()
            .chain(&self.words.department_endings)
            .any(|e| name.ends_with(e.as_str()));
        (office && !name.contains(['，', '：']) && self.is_upper(name))
            .then_some('（'.len_utf8() + close + '）'.len_utf8())
    }

    /// The end of an upper office's duty desk named first in brackets after a report's target
    /// (（应急管理部总值班室，电话：010-…） or （…总值班室）).
    fn upper_desk_in_brackets(&self, rest: &str) -> Option<usize> {
        let inner = rest.strip_prefix('（')?;
        let end = inner.find(['，', '）', '；'])?;
        let name = &inner[..end];
        (self.names_duty_desk(name) && self.is_upper(name)).then_some('（'.len_utf8() + end)
    }

    /// Whether `name` is a duty desk (总值班室, 应急指挥中心).
    fn names_duty_desk(&self, name: &str) -> bool {
        self.words
            .duty_desks
            .iter()
            .any(|d| name.ends_with(d.as_str()))
    }

    fn is_upper(&self, target: &str) -> bool {
        let stem = |u: &str| {
            let s = self
                .words
                .issuer_suffixes
                .iter()
                .find_map(|x| u.strip_suffix(x.as_str()));
            s.unwrap_or(u).to_owned()
        };
        // A county's or district's body is the upper office of a township's (区民政局).
        let first: String = target.chars().take(1).collect();
        let above = rank(&first, false) > self.office_rank;
        // 报送厅社会救助处: a department of the upper office named after its last character.
        // (委疾控处: 委 is how a 卫生健康委员会 names itself.)
        let own_department = target.chars().count() >= 3
            && self
                .upstream
                .iter()
                .any(|u| u.ends_with(first.as_str()) || (first == "委" && u.ends_with("委员会")))
            && self
                .words
                .department_endings
                .iter()
                .any(|e| target.ends_with(e.as_str()));
        // Another body's duty desk (应急管理部总值班室 in a province's text) is an upper one's:
        // a unit does not report at any hour to a peer.
        let other_desk = self.names_duty_desk(target)
            && target != self.duty_to
            && !target.contains(self.office.as_str());
        !target.is_empty()
            && (above
                || other_desk
                || own_department
                || self
                    .words
                    .upper_levels
                    .iter()
                    .chain(&self.words.self_references)
                    .any(|l| target.starts_with(l.as_str()))
                || self
                    .upstream
                    .iter()
                    .map(|u| stem(u))
                    .any(|u| u.chars().count() >= 2 && target.contains(u.as_str()))
                // (团省委学校部: as the upper organisation's level writes it.)
                || self
                    .upstream
                    .iter()
                    .map(|u| short_name(u))
                    .any(|u| u.chars().count() >= 3 && target.starts_with(u.as_str())))
    }

    /// 对各区（市）县…进行督导 in the office's own step: the places it inspects, of its level or
    /// above (its peers in the upper office's text), are its units (对各单位…).
    fn inspected_levels(&self, text: &str) -> String {
        let at_or_above = |l: &str| rank(l, false) >= self.office_rank;
        let units = &self.words.collective_units;
        // (赴各设区市开展督导: the places it goes to, as the places it inspects.)
        let inspected = places_after(self.words, text, ("对各", "对"), units, at_or_above);
        places_after(self.words, &inspected, ("赴各", "赴"), units, at_or_above)
    }

    /// 市局对各地…进行评估: the upper office named by its level and its kind alone (市局 for a
    /// county 局) is, in the office's text, the office (县局); not inside a word (超市局).
    fn upper_office_by_kind(&self, text: &str, level: &str) -> String {
        let Some(kind) = self
            .office
            .chars()
            .last()
            .filter(|c| "局委厅办".contains(*c))
        else {
            return text.to_owned();
        };
        let mut out = text.to_owned();
        for upper in ["省", "市", "州", "盟"] {
            if rank(upper, false) <= self.office_rank {
                continue;
            }
            let from = format!("{upper}{kind}");
            let mut done = String::with_capacity(out.len());
            let mut rest = out.as_str();
            while let Some(at) = rest.find(&from) {
                let bare = rest[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_alphabetic() || "对由向和与及将经".contains(c));
                done.push_str(&rest[..at]);
                done.push_str(if bare { level } else { upper });
                done.push(kind);
                rest = &rest[at + from.len()..];
            }
            done.push_str(rest);
            out = done;
        }
        out
    }

    /// 部分市、州, 部分省份 (some of the places of the office's level or above) → 部分单位.
    fn some_units(&self, text: &str) -> String {
        let at_or_above = |l: &str| rank(l, false) >= self.office_rank;
        places_after(self.words, text, ("部分", "部分"), "单位", at_or_above)
    }

    /// [`Self::addressees`] in each sentence but those reporting the upper level's facts (2026年，
    /// 各地农业农村部门认真落实…，形势总体平稳): the units did not do what the upper level reports.
    fn addressees_outside_facts(&self, text: &str, notes: &mut Vec<String>) -> String {
        // A report of what was done opens with the time it looks back on (2026年，今年以来，).
        let looks_back = |s: &str| {
            let first = s.split('，').next().unwrap_or("");
            let year = first.len() == 7
                && first.ends_with('年')
                && first[..4].bytes().all(|b| b.is_ascii_digit());
            year || ["以来", "去年", "近年来", "今年"]
                .iter()
                .any(|w| first.ends_with(w))
        };
        text.split_inclusive('。')
            .map(|s| {
                if looks_back(s) && self.states_facts(s) {
                    s.to_owned()
                } else {
                    self.addressees(s, notes)
                }
            })
            .collect()
    }

    /// 各设区市水利（水务）局, 各县（市、区）, 各地 → the office's units.
    fn addressees(&self, text: &str, notes: &mut Vec<String>) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(at) = rest.find('各') {
            // The office's units, put in already (for the upstream's 主送), are not read again:
            // 「各乡镇中心学校、县直各学校、各民办学校要」 is not an addressee before 「学校」.
            let written = self.units_in_text();
            let units = [self.units.as_str(), written.as_str()]
                .into_iter()
                .filter(|u| !u.is_empty())
                .filter_map(|u| rest.find(u).map(|at| (at, u.len())))
                .min()
                .filter(|&(u, _)| u <= at);
            if let Some((u, len)) = units {
                out.push_str(&rest[..u + len]);
                rest = &rest[u + len..];
                continue;
            }
            out.push_str(&rest[..at]);
            let after = &rest[at + '各'.len_utf8()..];
            // 各地各校, 各地各部门, 各地各有关单位: the places and the bodies in them, all the
            // office's units (not 市各校: the second 各 names no body of the office's level).
            if let Some(n) = self.places_and_bodies(after) {
                let units = self.units_in_text();
                notes.push(format!("上级来文的“各{}”→“{units}”", &after[..n]));
                out.push_str(&units);
                rest = &after[n..];
                continue;
            }
            // 各级农业农村部门, 各级疾控机构: every level's departments or institutions of a line
            // are read as 各地's (级 and 地 are as long in UTF-8); no other 各级 phrase is.
            let every_level = after
                .strip_prefix('级')
                .map(|tail| format!("地{tail}"))
                .filter(|_| !self.scope.is_empty());
            let read = every_level.as_deref().unwrap_or(after);
            // 各县（市、区）植保站 in a county's notice: the county's own station.
            if let Some((n, level)) = self.own_level_body(read).filter(|_| every_level.is_none()) {
                notes.push(format!(
                    "上级来文的“各{}”→“{level}”（本级的同名机构）",
                    &read[..n]
                ));
                out.push_str(level);
                rest = &after[n..];
                continue;
            }
            let own = |n: usize| rank(&read[..n], false) < self.office_rank;
            let found = match every_level {
                Some(_) => every_level_len(read),
                // (对各区县…: the places the office inspects are read with its own step.)
                None => addressee_len(self.words, read).or_else(|| {
                    let inspected = rest[..at].ends_with('对');
                    self.own_level_alone(read).filter(|_| !inspected)
                }),
            };
            // 各地爱卫会: a committee every level has is the office's place's (before 各地
            // is read as the places).
            let found = found.filter(|_| self.committee(after).is_none());
            match found.filter(|&n| !own(n)) {
                Some(n) => {
                    let phrase = &rest[at..at + '各'.len_utf8() + n];
                    let to = match (self.other_line(&read[..n]), self.institutions(&read[..n])) {
                        (Some(line), _) => format!("{}{line}部门", self.scope),
                        (None, Some(kind)) => kind,
                        // The places alone (各设区市, 各地, 各县（市、区）): the office's
                        // units that are places (各乡镇人民政府, not 局属各单位).
                        (None, None) => match &self.place_units {
                            Some(places)
                                if levels_at(self.words, read).map(str::len) == Some(n) =>
                            {
                                places.clone()
                            }
                            _ => self.units_in_text(),
                        },
                    };
                    notes.push(format!("上级来文的“{phrase}”→“{to}”"));
                    out.push_str(&to);
                    rest = self.coordinated(&after[n..], &to, notes);
                    rest = self.past_addressed_places(rest, notes);
                }
                None => match self.committee(after) {
                    Some(name) => {
                        let to = format!("{}{name}", self.scope);
                        notes.push(format!("上级来文的“各地{name}”→“{to}”"));
                        out.push_str(&to);
                        rest = &after['地'.len_utf8() + name.len()..];
                    }
                    None => {
                        out.push('各');
                        rest = after;
                    }
                },
            }
        }
        out.push_str(rest);
        out
    }

    /// 各设区市、杨凌示范区、韩城市: the places the upstream's 主送 names one by one beside its
    /// levels (杨凌示范区市场监管局，韩城市市场监管局), after the levels made the office's units,
    /// are no more of the office's: `rest` past them.
    fn past_addressed_places<'t>(&self, mut rest: &'t str, notes: &mut Vec<String>) -> &'t str {
        let named: Vec<&str> = self
            .addressed
            .iter()
            .flat_map(|l| l.split(['、', '，']))
            .map(str::trim)
            .filter(|i| !i.starts_with('各'))
            .flat_map(|i| {
                let place = i
                    .char_indices()
                    .skip(1)
                    .find(|(_, c)| "市区县州旗盟".contains(*c))
                    .map(|(k, c)| &i[..k + c.len_utf8()]);
                [Some(i), place].into_iter().flatten()
            })
            .collect();
        while let Some(tail) = rest.strip_prefix('、') {
            let Some(p) = named.iter().find(|p| tail.starts_with(**p)) else {
                break;
            };
            notes.push(format!("上级来文主送的“{p}”已删去（不是本机关的下级）"));
            rest = &tail[p.len()..];
        }
        rest
    }

    /// The office's units as the subject of a sentence: its list written with 「、」 (各镇（街）
    /// 教育办、市直属各学校), however the profile parts them (a 主送's 「，」).
    pub(crate) fn units_in_text(&self) -> String {
        self.units.replace('，', "、")
    }

    /// 各地各校 (after the first 各): the length of 地各校 where a short name follows 各地各.
    fn places_and_bodies(&self, after: &str) -> Option<usize> {
        let tail = after
            .strip_prefix("地各")
            .filter(|_| !self.units.is_empty())?;
        let stop = |c: char| "，。；：、（要将在对于和与及并应须把按由向的".contains(c);
        let head = &tail[..tail.find(stop).unwrap_or(tail.len())];
        (1..=6)
            .contains(&head.chars().count())
            .then_some("地各".len() + head.len())
    }

    /// 各县（市、区）植保站, 各县市区科技馆: a body every place of the office's own level has, named
    /// after that level, is in the office's notice its own place's one (县植保站): the level's
    /// length and the office's level word.
    fn own_level_body(&self, read: &str) -> Option<(usize, &str)> {
        let own = self.level.as_deref()?;
        let level = levels_at(self.words, read)?;
        if self.office_rank == 0 || rank(level, false) != self.office_rank {
            return None;
        }
        let tail = &read[level.len()..];
        let stop = |c: char| "，。；：、（要将在对于和与及并应须把按由向的".contains(c);
        let head = &tail[..tail.find(stop).unwrap_or(tail.len())];
        let n = head.chars().count();
        let body = self
            .words
            .named_bodies
            .iter()
            .any(|e| head.ends_with(e.as_str()));
        (body && (2..=8).contains(&n)).then_some((level.len(), own))
    }

    /// 各县市区结合实际…: the office's own level named alone before what it does (not before a
    /// body's name: 各县市区科技馆) is the office's units, whatever word follows it.
    fn own_level_alone(&self, read: &str) -> Option<usize> {
        let level = levels_at(self.words, read)?;
        let tail = &read[level.len()..];
        let next = tail.chars().next()?;
        if self.office_rank == 0 || rank(level, false) != self.office_rank {
            return None;
        }
        if next.is_ascii() || "的之".contains(next) {
            return None;
        }
        let stop = |c: char| "，。；：、（要将在对于和与及并应须把按由向".contains(c);
        let head = &tail[..tail.find(stop).unwrap_or(tail.len())];
        let named = self
            .words
            .org_endings
            .iter()
            .chain(&self.words.named_bodies)
            .any(|e| head.ends_with(e.as_str()));
        (!named).then_some(level.len())
    }

    /// 各地爱卫会: a committee every level has (a name of two to six characters ending in 会
    /// after 地) is, in the office's notice, its own place's committee (芦淞区爱卫会).
    fn committee<'t>(&self, after: &'t str) -> Option<&'t str> {
        let tail = after.strip_prefix('地')?;
        let end = tail
            .char_indices()
            .take_while(|(_, c)| {
                !c.is_ascii() && !"，。；：、要将在对于和与及并应须把按由向（".contains(*c)
            })
            .map(|(i, c)| i + c.len_utf8())
            .last()?;
        let name = &tail[..end];
        let n = name.chars().count();
        ((2..=6).contains(&n) && name.ends_with('会') && !self.scope.is_empty()).then_some(name)
    }

    /// 各地教育部门 in a 禁毒办's notice: the local departments of one line of work that is not
    /// the office's own are, at the office's level, its place's department of that line
    /// (宜良县教育部门), not the office's units (the sentence would lose whom it asks).
    fn other_line<'t>(&self, addressee: &'t str) -> Option<&'t str> {
        let line = addressee.strip_prefix('地')?.strip_suffix("部门")?;
        // 各地林业主管部门: the line's departments in charge.
        let line = line.strip_suffix("主管").unwrap_or(line);
        let n = line.chars().count();
        let plain = line
            .chars()
            .all(|c| !c.is_ascii() && !"，。；、（）和及".contains(c));
        ((2..=6).contains(&n) && plain && !self.is_own_line(line) && !self.scope.is_empty())
            .then_some(line)
    }

    /// 各地科研机构 (institutions of a kind across the upper office's area, not its offices):
    /// the same across the office's own (全市科研机构).
    fn institutions(&self, addressee: &str) -> Option<String> {
        let kind = addressee.strip_prefix('地')?;
        let plain = kind
            .chars()
            .all(|c| !c.is_ascii() && !"，。；、（）和及".contains(c));
        let level = self.level.as_deref()?;
        (plain && kind.ends_with("机构") && (3..=12).contains(&kind.chars().count()))
            .then(|| format!("全{level}{kind}"))
    }

    /// Whether `line` (a line of work: 民政, 市场监管, 林草) is the office's own: in its name as
    /// written or abbreviated (市场监管 of 市场监督管理局, 林草 of 林业和草原局: its characters in
    /// the name's order).
    fn is_own_line(&self, line: &str) -> bool {
        let mut name = self.office.chars();
        self.office.contains(line) || line.chars().all(|c| name.any(|n| n == c))
    }

    /// 、平潭综合实验区安委办和省安委会各成员单位 after a replaced addressee: the upper office's
    /// other addressees coordinated with it go too (each an office's name, short, up to the next
    /// joiner or verb).
    fn coordinated<'t>(&self, mut rest: &'t str, to: &str, notes: &mut Vec<String>) -> &'t str {
        let joiners = ['、', '和', '及'];
        let stop = |c: char| "、和及于要将在对按由向，。；：".contains(c);
        // 、直管市及神农架林区卫生健康委: places joined with 及 or 、 before one office name.
        let hard = |c: char| "于要将在对按由向，。；：".contains(c);
        while let Some(item) = rest.strip_prefix(joiners) {
            let end = item.find(stop).unwrap_or(item.len());
            let long = item.find(hard).unwrap_or(item.len());
            let long = self
                .words
                .name_breaks
                .iter()
                .filter_map(|b| item[..long].find(b.as_str()))
                .min()
                .unwrap_or(long);
            let joint = &item[..long];
            let end = if long > end
                && joint.chars().count() <= 20
                && !inside_parens(joint)
                && self
                    .words
                    .org_endings
                    .iter()
                    .any(|e| joint.ends_with(e.as_str()))
            {
                long
            } else {
                end
            };
            let name = &item[..end];
            let office = self
                .words
                .org_endings
                .iter()
                .any(|e| name.ends_with(e.as_str()));
            // 各区（市）县和各燃气经营企业 where the office's units name those firms already.
            let named = name.chars().count() >= 4 && to.contains(name);
            if !(office || named) || name.chars().count() > 20 || inside_parens(name) {
                break;
            }
            notes.push(format!("上级来文的“{name}”（同列的主送）已删去"));
            rest = &item[end..];
        }
        rest
    }

    /// The first addressee of a lower level in `text` (各地, 各设区市水利（水务）局), if any.
    pub fn upper_addressee(words: &WorkWords, text: &str) -> Option<String> {
        text.match_indices('各').find_map(|(at, _)| {
            let after = &text[at + '各'.len_utf8()..];
            addressee_len(words, after).map(|n| text[at..at + '各'.len_utf8() + n].to_owned())
        })
    }

    /// 省级层面 under 主要活动: blocks of arrangements for levels above the office are dropped;
    /// when one block is left (市县层面), its text and items take its place under the parent.
    pub fn prune_tiers(&self, s: &mut Section, notes: &mut Vec<String>) {
        // An item that is the upper level's own event (举办全省启动仪式) goes, whatever follows
        // it; unless it asks the levels below to hold theirs (各市、县（市、区）要同步组织启动
        // 活动): then it is the office's own event, its time and place to fill in, the ask kept
        // (the upper office's own sentences go where its text is made the office's).
        s.sections.retain_mut(|x| {
            if !self.upper_event_heading(&x.heading) {
                return true;
            }
            let asks = x.sections.is_empty()
                && x.text.0.iter().any(|p| {
                    p.split_inclusive('。').any(|t| self.asks_lower_levels(t))
                });
            if asks {
                notes.push(format!(
                    "上级机关本级的活动“{}”改为本级的活动（其中对下级的要求保留），时间、地点待填写",
                    x.heading
                ));
                match x.text.0.first_mut() {
                    Some(first) => first.insert_str(0, &self.words.own_event),
                    None => x.text.0.push(self.words.own_event.clone()),
                }
                if let Some(level) = self.level.as_deref() {
                    for w in self.words.own_scope.iter().filter(|w| {
                        w.starts_with('全') && rank(w, false) > self.office_rank
                    }) {
                        x.heading = x.heading.replace(w.as_str(), &format!("全{level}"));
                    }
                }
            } else {
                notes.push(format!("上级机关本级的活动“{}”已删去", x.heading));
            }
            asks
        });
        let tiers: Vec<Option<u8>> = s.sections.iter().map(|x| self.tier(&x.heading)).collect();
        if s.sections.len() >= 2 && tiers.iter().all(Option::is_some) {
            let mut kept = Vec::new();
            for (x, t) in std::mem::take(&mut s.sections).into_iter().zip(tiers) {
                if t.is_some_and(|t| t > self.office_rank) {
                    notes.push(format!("上级机关本级的安排“{}”已删去", x.heading));
                } else {
                    kept.push(x);
                }
            }
            if let [only] = kept.as_slice() {
                notes.push(format!("“{}”的安排并入“{}”", only.heading, s.heading));
                let only = kept.remove(0);
                s.text.0.extend(only.text.0);
                kept = only.sections;
            }
            s.sections = kept;
        }
        for x in s.sections.iter_mut() {
            self.prune_tiers(x, notes);
        }
    }

    /// A sentence asking the levels below the upper office to act (各地要…, 各市、县（市、区）
    /// 要同步组织…).
    fn asks_lower_levels(&self, sentence: &str) -> bool {
        Self::upper_addressee(self.words, sentence).is_some_and(|a| {
            let after = sentence.split_once(a.as_str()).map_or("", |(_, r)| r);
            after.starts_with('要')
        })
    }

    /// A heading of an event the upper level holds for its whole area (举办全省“质量月”启动仪式):
    /// an event verb and a scope word of a level above the office's (全省 in a county's draft).
    fn upper_event_heading(&self, heading: &str) -> bool {
        let event = self
            .words
            .event_verbs
            .iter()
            .any(|v| heading.contains(v.as_str()));
        let above = self.words.own_scope.iter().any(|w| {
            w.starts_with('全') && heading.contains(w.as_str()) && rank(w, false) > self.office_rank
        });
        event && above && self.office_rank > 0
    }

    /// The lowest level a heading of one level's arrangements names (4 national … 1 county,
    /// 0 below a county); none for any other heading.
    fn tier(&self, heading: &str) -> Option<u8> {
        let w = self.words;
        let stem = w
            .tier_endings
            .iter()
            .find_map(|e| heading.strip_suffix(e.as_str()))?;
        if stem.is_empty() || stem.chars().count() > 8 {
            return None;
        }
        let named = |list: &[String]| list.iter().any(|x| stem.contains(x.as_str()));
        let levels = [
            (1, "县"),
            (1, "区"),
            (1, "旗"),
            (2, "市"),
            (2, "州"),
            (2, "盟"),
            (3, "省"),
        ];
        if named(&w.grassroots) {
            return Some(0);
        }
        levels
            .iter()
            .find(|(_, l)| stem.contains(l))
            .map(|(r, _)| *r)
            .or_else(|| named(&w.national).then_some(4))
    }

    /// A level word of the office's rank before `own_level_words` named by the office's level
    /// (县级领导 in a district's draft → 区级领导).
    fn own_level(&self, text: &str, level: &str) -> String {
        let mut s = text.to_owned();
        for w in &self.words.own_level_words {
            for first in ["省", "市", "州", "县", "区"] {
                let named = format!("{first}{w}");
                if first != level && rank(first, false) == self.office_rank {
                    s = s.replace(&named, &format!("{level}{w}"));
                }
            }
        }
        s
    }

    /// 本市 → 本县, 我市 → 我县 (the office's own level).
    fn own_scope(&self, text: &str) -> String {
        let Some(level) = self.level.as_deref() else {
            return text.to_owned();
        };
        let mut out = String::with_capacity(text.len());
        for sentence in text.split_inclusive('。') {
            // The office's own sentence (a step made its level's) is its own place's too, and
            // the places it inspects are its units (对各地…开展情况进行督导, …不力的地区).
            let own = self.office_step(sentence, level);
            if !own && self.states_facts(sentence) {
                out.push_str(sentence);
                continue;
            }
            let mut s = sentence.to_owned();
            if own {
                for pair in &self.words.inspected_places {
                    if let [upper, units] = pair.as_slice() {
                        s = s.replace(
                            upper.as_str(),
                            &units.replace("{units}", &self.words.collective_units),
                        );
                    }
                }
                s = self.inspected_levels(&self.some_units(&s));
            }
            let before = s.clone();
            // (A place above the upper office's, 全市前三位 in a county's notice, stays.)
            let above_upper = |w: &str| {
                let upper = self
                    .upstream
                    .iter()
                    .map(|u| rank(u, true))
                    .max()
                    .unwrap_or(0);
                upper > 0 && rank(w, false) > upper
            };
            for w in self.words.own_scope.iter().filter(|w| !above_upper(w)) {
                if let Some(first) = w.chars().next().filter(|_| !w.ends_with(level)) {
                    s = s.replace(w.as_str(), &format!("{first}{level}"));
                }
            }
            // The upper place's figure (全省…稳定在1900万亩以上) is no figure of the office's,
            // also where the profile's substitution made the place the office's (全省 → 全区).
            let whole_own = s.contains(&format!("全{level}")) && !s.contains("的数量（上级来文为");
            if s != before || whole_own {
                s = own_amounts(&s, level, self.words);
            }
            s = self.upper_office_by_kind(&s, level);
            s = self.own_level(&s, level);
            out.push_str(&s);
        }
        // 每个县（市、区）至少组织1次: a quota each place of the office's own level meets is,
        // in its notice, the office's whole place's (全县).
        // (每个区、县（市）: the levels joined by 、 go together.)
        let each = (self.words.each.as_str(), "");
        let own_level = |l: &str| rank(l, false) == self.office_rank;
        let whole = format!("全{level}");
        let mut out = places_after(self.words, &out, each, &whole, own_level);
        // 全省每个县（市、区） made 全县全县: the place once.
        out = out.replace(&whole.repeat(2), &whole);
        // 县局各有关处室 (an upper office's sections made the county's by any rule): 股室.
        if self.office_rank <= 1 {
            for pair in &self.words.county_sections {
                if let [upper, county] = pair.as_slice() {
                    out = own_sections(&out, upper, county, level);
                }
            }
        }
        // Only a level above the office's: a city's 区属 units are its own.
        for w in &self.words.owned {
            let above = w
                .chars()
                .next()
                .is_some_and(|c| rank(&c.to_string(), false) > self.office_rank);
            if above {
                out = out.replace(w.as_str(), &format!("{level}属"));
            }
        }
        out
    }
}

/// `upper` (处室) as the sections of an office of `level` named just before it (县局各有关处室)
/// → `county` (股室).
fn own_sections(text: &str, upper: &str, county: &str, level: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(upper) {
        let before: String = rest[..at].chars().rev().take(12).collect();
        let own = before.contains(level);
        out.push_str(&rest[..at]);
        out.push_str(if own { county } else { upper });
        rest = &rest[at + upper.len()..];
    }
    out.push_str(rest);
    out
}

/// Offices named in `text` by the level word `level` and what follows it up to an office's
/// ending (市委督查室 in 市委督查室会同…, 市纪委 in 会同市纪委监委…), at least three characters,
/// where `level` starts a name (after punctuation or a joining word, not inside 南平市).
pub(crate) fn level_named_organs(text: &str, level: &str) -> Vec<String> {
    const BEFORE: &str = "，。；：、（“同与和及报向由经对请将在为";
    const ENDINGS: [char; 11] = [
        '室', '局', '厅', '委', '办', '部', '处', '科', '院', '协', '联',
    ];
    let words = &super::defaults::Defaults::embedded().work;
    let mut out = Vec::new();
    for (at, _) in text.match_indices(level) {
        let boundary = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| BEFORE.contains(c));
        // Up to a long name's length (市人力资源和社会保障局, 市住房和城乡建设局).
        let name: String = text[at..]
            .chars()
            .take_while(|c| !"，。；：、（）“”".contains(*c))
            .take(12)
            .collect();
        if !boundary
            || words
                .not_levels
                .iter()
                .any(|n| name.starts_with(n.as_str()))
        {
            continue;
        }
        // A body with a long name (市城乡人居环境整治提升工作领导小组), within a clause.
        let clause: String = text[at..]
            .chars()
            .take_while(|c| !"，。；：、（）“”".contains(*c))
            .take(24)
            .collect();
        if let Some(end) = words
            .body_endings
            .iter()
            .filter_map(|e| clause.find(e.as_str()).map(|i| i + e.len()))
            .min()
        {
            out.push(clause[..end].to_owned());
            continue;
        }
        // 市科协, 市科学技术协会: 协 ends a name, or 协会 does.
        let end = name
            .char_indices()
            .skip(2)
            .find(|(_, c)| ENDINGS.contains(c))
            .map(|(i, c)| {
                let e = i + c.len_utf8();
                let xiehui = c == '协' && name[e..].starts_with('会');
                e + if xiehui { '会'.len_utf8() } else { 0 }
            });
        if let Some(end) = end {
            out.push(name[..end].to_owned());
        }
    }
    out
}

/// `text` without the upstream's contact, a paragraph or its last sentences (…发送至…。联系人：
/// 省教育厅安全工作处 谭志刚，电话：0731-84715263。): its person and telephone are the upper
/// office's; the office's own are the profile's contacts, printed as 附注.
fn without_upper_contacts(text: &str, notes: &mut Vec<String>) -> String {
    let sentences: Vec<&str> = text.split_inclusive('。').collect();
    let first = (0..sentences.len())
        .find(|&k| upper_contact(&sentences[k..].concat()))
        .unwrap_or(sentences.len());
    let dropped = sentences[first..].concat();
    if !dropped.trim().is_empty() {
        notes.push(format!(
            "上级机关的联系人“{}”已删去（本机关的联系人写在机关资料的 contacts，印作附注）",
            dropped.trim()
        ));
    }
    sentences[..first].concat()
}

/// The telephone numbers of `text`: a fixed line with its area code (025-83521136,
/// 0371-65927316) or a mobile number (13912345678), not inside a longer run of digits.
pub(crate) fn phone_numbers(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let run = bytes[i..]
            .iter()
            .take_while(|b| b.is_ascii_digit() || **b == b'-')
            .count();
        if run == 0 {
            i += 1;
            continue;
        }
        let token = text[i..i + run].trim_end_matches('-');
        // A fixed line as compose keeps it whole (0 + area code, one hyphen, 7–8 digits).
        let chars: Vec<char> = token.chars().collect();
        let fixed = token.matches('-').count() == 1
            && chars
                .iter()
                .position(|&c| c == '-')
                .is_some_and(|at| crate::compose::text::is_phone_hyphen(&chars, at));
        let mobile = token.len() == 11
            && token.starts_with('1')
            && token.bytes().all(|b| b.is_ascii_digit());
        if fixed || mobile {
            out.push(token);
        }
        i += run;
    }
    out
}

/// Text that is only the upstream's contact (联系人：张明，电话：0791-88761234。), or its list
/// of contacts (one office and person a telephone number): its people and telephones are the
/// upper office's.
fn upper_contact(text: &str) -> bool {
    let t = text.trim().trim_start_matches(['（', '(']);
    let labels = ["联系人", "联系电话", "联系方式"];
    // The label alone, its contacts on the lines under it (a list copied a line each).
    if labels.iter().any(|l| t.strip_prefix(l) == Some("：")) {
        return true;
    }
    // Or a desk named before its person and number (食品生产安全监督管理处：杨丽华，电话：…).
    let desk = t.split_once('：').is_some_and(|(label, _)| {
        label.chars().count() <= 16
            && !label.contains(['，', '。', '；', '、'])
            && ["处", "科", "室", "股", "局", "中心", "办"]
                .iter()
                .any(|e| label.ends_with(e))
    });
    let labelled = desk || labels.iter().any(|l| t.starts_with(l));
    let phones = t
        .split(|c: char| !(c.is_ascii_digit() || c == '-'))
        .filter(|run| run.chars().filter(char::is_ascii_digit).count() >= 7)
        .count();
    labelled && phones >= 1 && t.chars().count() <= 40 + 40 * phones
}

/// An office's name from its last level word (宜宾市叙州区自然资源局 → 区自然资源局, 攸县科学技术
/// 协会 → 县科学技术协会): as it names itself in its own text.
pub(crate) fn own_short_name(name: &str) -> String {
    let words = &super::defaults::Defaults::embedded().work;
    // A branch by its own name: 潍坊市生态环境局寿光分局 → 寿光分局.
    for ending in &words.branch_endings {
        let branch = name
            .strip_suffix(ending.as_str())
            .and_then(|head| head.rfind('局').map(|at| &name[at + '局'.len_utf8()..]));
        if let Some(b) = branch.filter(|b| b.chars().count() > ending.chars().count()) {
            return b.to_owned();
        }
    }
    if let Some(short) = organ_short_name(name) {
        return short;
    }
    match level_word(name).and_then(|w| name.rfind(w).map(|at| &name[at..])) {
        Some(short) if short.chars().count() >= 3 => abbreviated(short),
        _ => name.to_owned(),
    }
}

/// A people's organisation named with a word before its place, as its level writes it
/// (共青团广东省委 → 团省委, 共青团韶关市委 → 团市委).
fn organ_short_name(name: &str) -> Option<String> {
    let words = &super::defaults::Defaults::embedded().work;
    words.organ_prefixes.iter().find_map(|pair| {
        let [long, short] = pair.as_slice() else {
            return None;
        };
        let rest = name.strip_prefix(long.as_str())?;
        let level = place_level_short(rest, 2)?;
        Some(format!("{short}{level}"))
    })
}

/// `name` with its organisation's long name in the short form its level writes (省妇女联合会 →
/// 省妇联).
fn abbreviated(name: &str) -> String {
    let words = &super::defaults::Defaults::embedded().work;
    for pair in &words.organ_abbreviations {
        if let [long, short] = pair.as_slice() {
            if let Some(head) = name.strip_suffix(long.as_str()) {
                return format!("{head}{short}");
            }
        }
    }
    name.to_owned()
}

/// A name from its place's level word on (江西省应急管理厅 → 省应急管理厅), when the place
/// before it is short and what is left is `least` characters or more.
fn place_level_short(name: &str, least: usize) -> Option<String> {
    ["省", "自治区", "市", "州", "盟", "县", "区"]
        .into_iter()
        .find_map(|level| {
            let i = name.find(level).filter(|&i| i > 0 && i <= 12)?;
            let short = format!("{level}{}", &name[i + level.len()..]);
            (short.chars().count() >= least).then_some(short)
        })
}

/// An office's name as its own level writes it (江西省应急管理厅 → 省应急管理厅, 广东省妇女联合会
/// → 省妇联, 共青团广东省委 → 团省委); a name without a place before its level (应急管理部) as
/// it is.
pub(crate) fn short_name(name: &str) -> String {
    if let Some(short) = organ_short_name(name) {
        return short;
    }
    place_level_short(name, 3).map_or_else(|| name.to_owned(), |short| abbreviated(&short))
}

/// The level words (省, 市, 州, 盟) of the `upstream` offices' names above `rank`: an office
/// named by such a word alone (市委督查室) is of the upper level.
pub(crate) fn level_words_above(upstream: &[String], rank_of_office: u8) -> Vec<&'static str> {
    // 县, 区 and 旗 are above a township only.
    ["省", "市", "州", "盟", "县", "区", "旗"]
        .into_iter()
        .filter(|l| rank(l, false) > rank_of_office)
        .filter(|l| upstream.iter().any(|u| u.contains(l)))
        .collect()
}

/// An amount of ten thousands or more (1900万亩, 3.5亿元) in a sentence whose upper place became
/// the office's: a 【待填写】 mark for the office's own figure (a rate, 60%, stays).
/// A count of ten or more things (全县183个行政村, 整治村50个: `measures`) in such a sentence
/// is the upper place's too, unless its clause counts per place (每个行政村至少配备1名…).
fn own_amounts(sentence: &str, level: &str, words: &WorkWords) -> String {
    let mut out = String::with_capacity(sentence.len());
    let mut rest = sentence;
    while let Some(at) = rest.find(|c: char| c.is_ascii_digit()) {
        let n = rest[at..]
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len() - at);
        let after = &rest[at + n..];
        out.push_str(&rest[..at]);
        let number = &rest[at..at + n];
        let clause = out.rsplit(['，', '；', '。']).next().unwrap_or("");
        // A threshold naming a class (年经营性收入10万元以上的村, 5000平方米及以上建筑工地) is
        // the same everywhere: not the place's amount.
        if threshold(after) {
            out.push_str(number);
            rest = after;
            continue;
        }
        let counted = words
            .count_measures
            .iter()
            .find(|m| after.starts_with(m.as_str()))
            .filter(|_| number.parse::<u32>().is_ok_and(|v| v >= 10) && !clause.contains('每'));
        // A measured amount (每立方米46微克, 1.2万吨) is the place's whatever its size or rate.
        let measured = words
            .amount_measures
            .iter()
            .filter(|m| after.starts_with(m.as_str()))
            .max_by_key(|m| m.len());
        match ["万", "亿"].iter().find(|u| after.starts_with(**u)) {
            Some(u) => {
                out.push_str(&format!(
                    "{}：本{level}的数量（上级来文为{number}{u}）】",
                    crate::spec::conventions::PLACEHOLDER,
                ));
                rest = &after[u.len()..];
            }
            None => match counted.or(measured) {
                Some(m) => {
                    out.push_str(&format!(
                        "{}：本{level}的数量（上级来文为{number}{m}）】{m}",
                        crate::spec::conventions::PLACEHOLDER,
                    ));
                    rest = &after[m.len()..];
                }
                None => {
                    out.push_str(number);
                    rest = after;
                }
            },
        }
    }
    out.push_str(rest);
    out
}

/// Whether what follows a number (its unit, then 以上的 …) makes it a threshold naming a class
/// of things (10万元以上的村, 5000平方米及以上建筑工地), not an amount.
fn threshold(after: &str) -> bool {
    let rest = after.trim_start_matches(|c: char| {
        !matches!(c, '以' | '及' | '，' | '。' | '；' | '、' | '（' | '）') && !c.is_ascii_digit()
    });
    let unit = after.len() - rest.len();
    unit <= 4 * 3
        && (["以上的", "以下的", "及以上的", "及以下的"]
            .iter()
            .any(|w| rest.starts_with(w))
            || ["及以上", "及以下"].iter().any(|w| {
                rest.strip_prefix(w)
                    .is_some_and(|r| !r.starts_with(['，', '。', '；', '、']) && !r.is_empty())
            }))
}

/// Two upper targets or mailboxes made the office's one `name` (分别报送市卫生健康委、市教育局,
/// 分别发送至a@x和b@y): named once, and 分别 before `verbs` goes where nothing else is listed.
fn named_once(text: &str, name: &str, verbs: &[&str]) -> String {
    let mut out = text.to_owned();
    for joint in ['、', '和', '及', '与'] {
        let twice = format!("{name}{joint}{name}");
        while out.contains(&twice) {
            out = out.replace(&twice, name);
        }
    }
    for verb in verbs {
        let apart = format!("分别{verb}{name}");
        let listed = |o: &str| {
            o.find(&apart)
                .is_some_and(|at| o[at + apart.len()..].starts_with(['、', '和']))
        };
        if out.contains(&apart) && !listed(&out) {
            out = out.replace(&apart, &format!("{verb}{name}"));
        }
    }
    out
}

/// Two reports of one thing that now go to one target, each naming it (1小时内电话报告县局，
/// 2小时内书面报告县局): named once, after both (1小时内电话报告、2小时内书面报告县局).
fn reported_twice(text: &str, target: &str) -> String {
    if target.is_empty() {
        return text.to_owned();
    }
    let mut out = text.to_owned();
    for verb in ["报告", "报送"] {
        let first = format!("{verb}{target}，");
        let Some(at) = out.find(&first) else { continue };
        let after = &out[at + first.len()..];
        let second = format!("{verb}{target}");
        let Some(gap) = after.find(&second) else {
            continue;
        };
        let between = &after[..gap];
        // Only a second time limit (2小时内书面), not a further step (并于次日将材料).
        let limit = ["分钟内", "小时内", "日内", "天内"]
            .iter()
            .any(|w| between.contains(w));
        let short =
            between.chars().count() <= 12 && !between.contains(['，', '。', '；', '、', '将']);
        if short && limit {
            out = format!(
                "{}{verb}、{between}{second}{}",
                &out[..at],
                &after[gap + second.len()..]
            );
        }
    }
    out
}

/// The e-mail addresses in `text` (name@domain.tld, ASCII).
fn email_addresses(text: &str) -> Vec<&str> {
    let part = |c: char| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+');
    let mut out = Vec::new();
    for (at, _) in text.match_indices('@') {
        let start = text[..at]
            .char_indices()
            .rev()
            .take_while(|(_, c)| part(*c))
            .last()
            .map_or(at, |(i, _)| i);
        let end = text[at + 1..]
            .char_indices()
            .take_while(|(_, c)| part(*c))
            .last()
            .map_or(at + 1, |(i, c)| at + 1 + i + c.len_utf8());
        let domain = text[at + 1..end].trim_end_matches('.');
        if start < at && domain.contains('.') {
            out.push(&text[start..at + 1 + domain.len()]);
        }
    }
    out
}

/// `text` with each `lead.0` followed by places (levels) that `wanted` accepts written
/// `lead.1` + `to` (部分市、州 → 部分单位, 对各区（市）县 → 对各单位, 每个区、县（市） → 全县).
fn places_after(
    words: &WorkWords,
    text: &str,
    lead: (&str, &str),
    to: &str,
    wanted: impl Fn(&str) -> bool,
) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(lead.0) {
        let after = &rest[at + lead.0.len()..];
        out.push_str(&rest[..at]);
        match levels_named_at(words, after).filter(|l| wanted(l)) {
            Some(l) => {
                out.push_str(lead.1);
                out.push_str(to);
                rest = &after[l.len()..];
            }
            None => {
                out.push_str(lead.0);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// [`levels_at`], but not a level's character inside an ordinary word (市场监督管理所: 市场
/// names no city).
fn levels_named_at<'s>(words: &WorkWords, after: &'s str) -> Option<&'s str> {
    let ordinary = NOT_LEVELS
        .iter()
        .copied()
        .chain(words.not_levels.iter().map(String::as_str))
        .any(|w| after.starts_with(w));
    if ordinary {
        return None;
    }
    levels_at(words, after)
}

/// The levels `after` starts with (县（市、区）; 设区市、县（市、区）: levels listed under one 各
/// share it and the office after them).
pub fn levels_at<'s>(words: &WorkWords, after: &'s str) -> Option<&'s str> {
    let level_at = |at: &str| {
        words
            .levels
            .iter()
            .filter(|l| at.starts_with(l.as_str()))
            .max_by_key(|l| l.len())
            .map(String::len)
    };
    let mut n = level_at(after)?;
    while let Some(next) = after[n..].strip_prefix('、').and_then(level_at) {
        n += '、'.len_utf8() + next;
    }
    Some(&after[..n])
}

/// The length of 地农业农村部门 (read from 各级农业农村部门): a plain line of work of two to eight
/// characters, then 部门 or 机构; not 各级各类学校和托幼机构 nor 各级领导干部.
fn every_level_len(read: &str) -> Option<usize> {
    let tail = read.strip_prefix('地')?;
    let end = ["部门", "机构"]
        .iter()
        .filter_map(|e| tail.find(e).map(|i| i + e.len()))
        .min()?;
    let line = &tail[..end - "部门".len()];
    let plain = line
        .chars()
        .all(|c| !c.is_ascii() && !"各类和、及与，。；：（）".contains(c));
    (plain && (2..=8).contains(&line.chars().count())).then_some('地'.len_utf8() + end)
}

/// Length of a lower level's addressee after 各 (the level and the office named after it).
fn addressee_len(words: &WorkWords, after: &str) -> Option<usize> {
    if words
        .not_levels
        .iter()
        .filter(|w| !words.levels.contains(w))
        .any(|w| after.starts_with(w.as_str()))
    {
        return None;
    }
    let level = levels_at(words, after)?;
    let mut n = level.len();
    // An office's name after the level: up to an office ending, within a few characters.
    let tail = &after[n..];
    // 各地各校, 各地各部门: the level with the units it pairs with is one addressee.
    if let Some(p) = words
        .paired
        .iter()
        .filter(|p| tail.starts_with(p.as_str()))
        .max_by_key(|p| p.len())
    {
        return Some(n + p.len());
    }
    // (A quotation starts a name of a thing, not an office's: 各市“便民办税春风行动”工作进展
    // 统计表 is the level alone before it.)
    let stop = |c: char| "，。；：、要将在对于和与及并应须把按由向“《".contains(c);
    // 林业和草原局, 住房和城乡建设局, 林业和草原、应急管理部门: a 和 with an office's ending a
    // few characters after it (before any other stop) is inside the name.
    let and_in_name = |k: usize| {
        let after = &tail[k + '和'.len_utf8()..];
        // (应 of 应急, 、 of a list and 和 go on here.)
        let hard = |c: char| "，。；：要将在对于与及并须把按由向".contains(c);
        let mut ends = after.char_indices().take(10).take_while(|&(_, c)| !hard(c));
        ends.any(|(i, c)| {
            let head = &after[..i + c.len_utf8()];
            words.org_endings.iter().any(|e| head.ends_with(e.as_str()))
        })
    };
    let mut best = None;
    for (k, c) in tail.char_indices() {
        let breaks = || {
            words
                .name_breaks
                .iter()
                .any(|b| tail[k..].starts_with(b.as_str()))
        };
        // 各地民政、应急管理部门: offices listed with 、 share the 各 (the name must still end
        // as an office's within the window).
        // 应急管理部门: a name word that starts like a verb is no stop.
        let name_word = || {
            words
                .name_words
                .iter()
                .any(|w| tail[k..].starts_with(w.as_str()))
        };
        let stops = stop(c) && c != '、' && !name_word() && !(c == '和' && and_in_name(k));
        if (stops || breaks()) && !inside_parens(&tail[..k]) {
            break;
        }
        let i = k + c.len_utf8();
        if tail[..i].chars().count() > 14 {
            break;
        }
        if words
            .org_endings
            .iter()
            .any(|e| tail[..i].ends_with(e.as_str()))
        {
            best = Some(i);
        }
    }
    let Some(mut b) = best else {
        // The level alone (各地要…, 各县（市、区）根据…): a whole word, not 各市场; a level
        // written with its parenthesis (县（市、区）) is one whatever follows.
        let next = tail.chars().next();
        // 各地 before any verb (各地开展…, 各地认真总结…) is the level alone too; not before a
        // body's name (各地消防救援支队要…).
        let named = tail[..tail.find(stop).unwrap_or(tail.len())].ends_with(['队', '所', '站']);
        let places =
            level == "地" && !named && next.is_some_and(|c| !c.is_ascii() && !"的之".contains(c));
        // 各市不得…: a level alone before 不 too.
        let whole = level.ends_with('）')
            || places
            || next.is_none_or(|c| stop(c) || "，。；：不".contains(c));
        return whole.then_some(n);
    };
    // 乡镇人民政府（街道办事处）: a name ending inside its parenthesis ends with it.
    if inside_parens(&tail[..b]) {
        if let Some(close) = tail[b..].find('）').filter(|&c| c <= 12) {
            b += close + '）'.len_utf8();
        }
    }
    n += b;
    // 水利（水务）局（中心）: a parenthesis right after the office goes with it.
    if let Some(p) = after[n..].strip_prefix('（') {
        if let Some(close) = p.find('）').filter(|&c| c <= 12) {
            n += '（'.len_utf8() + close + '）'.len_utf8();
        }
    }
    Some(n)
}

/// The length of a clause giving a telephone number at the start of `s` (，联系电话：0593-2872365).
fn phone_clause(s: &str) -> Option<usize> {
    let rest = s.strip_prefix('，')?;
    let label = ["联系电话：", "电话：", "联系电话", "电话"]
        .iter()
        .find(|l| rest.starts_with(*l))?;
    let after = &rest[label.len()..];
    let n = after
        .find(|c: char| !(c.is_ascii_digit() || c == '-' || c == '—' || c == '、'))
        .unwrap_or(after.len());
    let digits = after[..n].chars().filter(char::is_ascii_digit).count();
    (digits >= 7).then_some('，'.len_utf8() + label.len() + n)
}

/// The length of a telephone number in parentheses at the start of `s` (（联系电话：0871-64150930）).
fn upper_phone(s: &str) -> Option<usize> {
    let inner = s.strip_prefix('（')?;
    let close = inner.find('）')?;
    let body = &inner[..close];
    let labelled = ["联系电话：", "电话：", "值班电话："]
        .iter()
        .any(|l| body.starts_with(l));
    let digits = body.chars().filter(char::is_ascii_digit).count();
    // Where the upper body sits (省消防安全委员会办公室（设在省消防救援总队）) goes with it too.
    let seat = body.starts_with("设在") && body.chars().count() <= 30;
    ((labelled && digits >= 7 && body.chars().count() <= 40) || seat)
        .then_some('（'.len_utf8() + close + '）'.len_utf8())
}

/// Words holding a level's character that name no level (攸县市场监督管理局 is a county's).
/// The words that name a level of government and the level they name (省 3, 市 2, 县 1), the
/// longer before the shorter they hold: 设区市 and 设区的市 are cities, whatever 区 they hold;
/// so is 省辖市 (河南, 江苏), whatever 省 it names; 各辖市、区 (江苏) are the county-level
/// cities and the districts of a city.
const LEVEL_RANKS: [(&str, u8); 14] = [
    ("设区的市", 2),
    ("设区市", 2),
    ("省辖市", 2),
    ("省直管县", 1),
    ("辖市", 1),
    ("省", 3),
    ("自治区", 3),
    ("市", 2),
    ("州", 2),
    ("盟", 2),
    ("地", 2),
    ("县", 1),
    ("区", 1),
    ("旗", 1),
];

const NOT_LEVELS: [&str; 12] = [
    "市场", "市政", "市民", "市容", "城市", "都市", "社区", "园区", "景区", "小区", "区域", "县域",
];

/// The administrative level a text speaks of (its first level word, or its last: 江西省修水县水利局
/// is a county's): 3 province, 2 city (and 各地), 1 county or district, 0 none found.
pub(crate) fn rank(text: &str, last: bool) -> u8 {
    // A level word inside an ordinary word (市场监督管理局, 城市, 社区, 区域) names no level:
    // where each level word stands inside the ordinary words, found once per process.
    static INSIDE: std::sync::LazyLock<Vec<Vec<(&str, usize)>>> = std::sync::LazyLock::new(|| {
        LEVEL_RANKS
            .iter()
            .map(|(w, _)| {
                NOT_LEVELS
                    .iter()
                    .flat_map(|n| n.match_indices(w).map(move |(k, _)| (*n, k)))
                    .collect()
            })
            .collect()
    });
    let levels = LEVEL_RANKS.iter().zip(INSIDE.iter());
    let in_word = |i: usize, inside: &[(&str, usize)]| {
        inside
            .iter()
            .any(|(n, k)| i >= *k && text.get(i - k..).is_some_and(|t| t.starts_with(n)))
    };
    let found = levels.filter_map(|((w, r), inside)| {
        let mut at = text
            .match_indices(*w)
            .map(|(i, _)| i)
            .filter(|&i| !in_word(i, inside));
        let at = if last { at.last() } else { at.next() };
        at.map(|i| (i, *r))
    });
    let pick = if last {
        found.max_by_key(|(i, r)| (*i, *r))
    } else {
        found.min_by_key(|(i, r)| (*i, std::cmp::Reverse(*r)))
    };
    pick.map_or(0, |(_, r)| r)
}

/// The first private-use character standing for a masked title.
const TITLE_MASK: u32 = 0xE000;
/// How many titles a text may have masked (the private-use area's size).
const TITLE_MASKS: usize = 6400;

/// `text` with the inside of each book title (《…》, nested ones with it) replaced by one
/// private-use character, and those insides in order; `text` as it is where its marks do not
/// pair up, where it holds such characters already, or where it quotes too many titles.
fn mask_titles(text: &str) -> (String, Vec<String>) {
    let unmasked = || (text.to_owned(), Vec::new());
    let masks = TITLE_MASK..TITLE_MASK + TITLE_MASKS as u32;
    if !text.contains('《') || text.chars().any(|c| masks.contains(&(c as u32))) {
        return unmasked();
    }
    let mut out = String::with_capacity(text.len());
    let mut titles: Vec<String> = Vec::new();
    let mut inside = String::new();
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '《' if depth == 0 => {
                out.push(c);
                depth = 1;
            }
            '《' => {
                inside.push(c);
                depth += 1;
            }
            '》' if depth == 1 => {
                let Some(mask) = char::from_u32(TITLE_MASK + titles.len() as u32)
                    .filter(|_| titles.len() < TITLE_MASKS)
                else {
                    return unmasked();
                };
                titles.push(std::mem::take(&mut inside));
                out.push(mask);
                out.push(c);
                depth = 0;
            }
            '》' if depth > 1 => {
                inside.push(c);
                depth -= 1;
            }
            _ if depth > 0 => inside.push(c),
            _ => out.push(c),
        }
    }
    if depth > 0 {
        return unmasked();
    }
    (out, titles)
}

/// The titles [`mask_titles`] took out, put back.
fn unmask_titles(text: &str, titles: &[String]) -> String {
    if titles.is_empty() {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len() + titles.iter().map(String::len).sum::<usize>());
    for c in text.chars() {
        match (c as u32)
            .checked_sub(TITLE_MASK)
            .and_then(|i| titles.get(i as usize))
        {
            Some(t) => out.push_str(t),
            None => out.push(c),
        }
    }
    out
}

/// An office's level from its name: that of its last level word, a township's (镇, 乡, 街道:
/// 0) too — 攸县鸾山镇人民政府 is a township's, 霍山县市场监督管理局 (市场 names no level) and
/// 县住房和城乡建设局 (城乡 neither) a county's.
pub(crate) fn name_rank(name: &str) -> u8 {
    match level_word(name) {
        Some("镇" | "乡" | "街道") => 0,
        Some(w) => rank(w, true),
        None => 0,
    }
}

/// The last level word of an office's name (株洲市渌口区教育局: 区; 霍山县市场监督管理局: 县, 市场
/// naming no level; 攸县鸾山镇人民政府: 镇).
pub(crate) fn level_word(name: &str) -> Option<&'static str> {
    let words = &super::defaults::Defaults::embedded().work;
    let mut plain = name.to_owned();
    for w in words
        .not_levels
        .iter()
        .map(String::as_str)
        .chain(["城乡", "乡村", "城镇"])
    {
        plain = plain.replace(w, "");
    }
    [
        "镇",
        "乡",
        "街道",
        "省",
        "自治区",
        "市",
        "州",
        "盟",
        "县",
        "区",
        "旗",
    ]
    .into_iter()
    .filter_map(|w| plain.rfind(w).map(|at| (at, w)))
    .max()
    .map(|(_, w)| w)
}

/// A time of day a weekly deadline may give before 前: none, 下班, 12时, 17点, 17:00, 下午5时.
fn time_of_day(s: &str) -> bool {
    let s = ["上午", "中午", "下午"]
        .iter()
        .find_map(|p| {
            s.strip_prefix(p)
                .filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .unwrap_or(s);
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    match &s[n..] {
        "" => n == 0 || n <= 2,
        "下班" => n == 0,
        "时" | "点" => (1..=2).contains(&n),
        r => {
            (1..=2).contains(&n)
                && r.strip_prefix(':')
                    .is_some_and(|m| m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()))
        }
    }
}

/// `sentence` with the day an event that went was on for its 同一天 (同日, 当天).
fn same_day(sentence: &str, day: &str) -> String {
    ["同一天", "同日", "当天", "当日"]
        .iter()
        .find(|w| sentence.contains(*w))
        .map_or_else(|| sentence.to_owned(), |w| sentence.replacen(w, day, 1))
}

fn inside_parens(s: &str) -> bool {
    s.matches('（').count() > s.matches('）').count()
}

/// A deadline found in text: its date (none for 每月D日), its parts as written, and length.
#[derive(Debug, Clone)]
pub(crate) struct Deadline {
    /// The date (none for a monthly 每月D日).
    pub date: Option<NaiveDate>,
    day: u32,
    with_year: bool,
    with_weekday: bool,
    /// The period of a recurring deadline as written (每月, 每季度末月), else empty.
    period: &'static str,
    /// How the weekday is written: 周 (周一) or 星期 (星期一).
    weekday_word: &'static str,
    time: String,
    /// The word after the date as written: 前, 之前 or 以前.
    before: &'static str,
    /// Its length in the text (bytes).
    pub len: usize,
}

impl Deadline {
    /// Whether this deadline comes before `other` and is of its kind: both on a date, or both
    /// recurring in the same period (每季度末月22日前 before 每季度末月25日前).
    pub(crate) fn sooner_alike(&self, other: &Deadline) -> bool {
        match (self.date, other.date) {
            (Some(a), Some(b)) => a < b,
            (None, None) => self.period == other.period && self.day < other.day,
            _ => false,
        }
    }
}

/// The next `[YYYY年]M月D日[（周X）][H时]前` or a recurring `每月D日前` (每季度末月D日前 …) in
/// `s`: its byte offset and parts. A date without its year is in `since`'s year, or the next
/// where that would put it more than two months before `since`.
pub(crate) fn next_deadline(s: &str, since: NaiveDate) -> Option<(usize, Deadline)> {
    s.char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && !s[..*i].ends_with(|p: char| p.is_ascii_digit()))
        .find_map(|(i, _)| deadline_at(s, i, since).map(|d| (d.0, d.1)))
}

fn deadline_at(s: &str, i: usize, since: NaiveDate) -> Option<(usize, Deadline)> {
    let year = since.year();
    let period = RECURRING.iter().find(|p| s[..i].ends_with(*p)).copied();
    let monthly = period.is_some();
    let start = i - period.map_or(0, str::len);
    let (mut y, mut rest) = (None, &s[i..]);
    if let Some((v, r)) = number(rest, '年').filter(|(v, _)| *v >= 1900) {
        y = Some(v as i32);
        rest = r;
    }
    let (month, day, rest) = if monthly {
        let (day, r) = number(rest, '日')?;
        (0, day, r)
    } else {
        let (m, r) = number(rest, '月')?;
        match r.strip_prefix('底') {
            // 7月底前: the month's last day.
            Some(r) if r.starts_with('前') => (m, last_day(y.unwrap_or(year), m)?, r),
            _ => {
                let (d, r) = number(r, '日')?;
                (m, d, r)
            }
        }
    };
    let mut rest = rest;
    let weekday_word = ["周", "星期"]
        .into_iter()
        .find(|w| rest.strip_prefix('（').is_some_and(|r| r.starts_with(w)));
    let with_weekday = weekday_word.is_some();
    if with_weekday {
        rest = &rest[rest.find('）')? + '）'.len_utf8()..];
    }
    let hours = rest.bytes().take_while(u8::is_ascii_digit).count();
    let mut time = String::new();
    if hours > 0 && rest[hours..].starts_with(['时', '点']) {
        let unit = rest[hours..].chars().next()?;
        time = rest[..hours + unit.len_utf8()].to_owned();
        rest = &rest[hours + unit.len_utf8()..];
    }
    // 前, 之前, 以前 end a deadline; 前后 (around the date) does not.
    let (before, rest) = match BEFORE
        .iter()
        .find_map(|w| rest.strip_prefix(w).map(|r| (*w, r)))
    {
        Some(found) => found,
        // 于4月9日、7月9日、10月12日前: each date listed before a deadline's is one too.
        None if !monthly && time.is_empty() && listed_before_deadline(rest) => ("", rest),
        None => return None,
    };
    if rest.starts_with('后') {
        return None;
    }
    let date = if monthly {
        None
    } else {
        Some(dated(y, month, day, since)?)
    };
    let len = s.len() - rest.len() - start;
    Some((
        start,
        Deadline {
            date,
            day,
            with_year: y.is_some(),
            with_weekday,
            weekday_word: weekday_word.unwrap_or("周"),
            period: period.unwrap_or(""),
            time,
            before,
            len,
        },
    ))
}

/// Whether `rest` (after a date) goes on with more dates joined by 、 and ends them in 前
/// (、7月9日、10月12日前), as a list of deadlines does.
fn listed_before_deadline(mut rest: &str) -> bool {
    for _ in 0..12 {
        let Some(next) = rest.strip_prefix('、') else {
            return false;
        };
        let next = match number(next, '年') {
            Some((y, r)) if y >= 1900 => r,
            _ => next,
        };
        let Some((_, r)) = number(next, '月') else {
            return false;
        };
        let Some((_, r)) = number(r, '日') else {
            return false;
        };
        if let Some(after) = BEFORE.iter().find_map(|w| r.strip_prefix(w)) {
            return !after.starts_with('后');
        }
        rest = r;
    }
    false
}

/// The periods of a recurring deadline before its day (每月5日前, 每季度末月25日前), the
/// longest first where one ends another.
const RECURRING: [&str; 8] = [
    "每季度最后一个月",
    "每季度第一个月",
    "每季度第1个月",
    "每季度末月",
    "每季度首月",
    "每季末月",
    "每半年末月",
    "每月",
];

/// The periods of a recurring deadline in working days (每月最后一个工作日前), the longest
/// first where one ends another.
const RECURRING_WORKDAY: [&str; 6] = [
    "每季度最后一个月",
    "每季度末月",
    "每季度",
    "每半年",
    "每年",
    "每月",
];

/// `第N个工作日` (N in digits or Chinese numerals up to 十) at the start of `s`: N and the rest.
fn workday_ordinal(s: &str) -> Option<(usize, &str)> {
    let s = s.strip_prefix('第')?;
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let (n, rest) = if digits > 0 {
        (s[..digits].parse().ok()?, &s[digits..])
    } else {
        let c = s.chars().next()?;
        let n = CHINESE_DIGITS.iter().position(|d| *d == c)? + 1;
        (n, &s[c.len_utf8()..])
    };
    let rest = rest.strip_prefix('个').unwrap_or(rest);
    Some((n, rest.strip_prefix("工作日")?))
}

/// 一 … 十: the Chinese numerals of 1 to 10.
const CHINESE_DIGITS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// `n` in Chinese numerals up to 十, in digits above.
fn chinese_ordinal(n: usize) -> String {
    match n {
        1..=10 => CHINESE_DIGITS[n - 1].to_string(),
        _ => n.to_string(),
    }
}

/// The words that end a deadline after its date, the longest first.
const BEFORE: [&str; 3] = ["之前", "以前", "前"];

/// The last day of `month` in `year`.
fn last_day(year: i32, month: u32) -> Option<u32> {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    Some(next.pred_opt()?.day())
}

/// The earliest date `[YYYY年]M月D日` written in `s` (a deadline's or a start's, 自11月1日起),
/// a date without its year in `since`'s year, or the next where that would put it more than two
/// months before `since`.
pub(crate) fn earliest_date(s: &str, since: NaiveDate) -> Option<NaiveDate> {
    s.char_indices()
        .filter(|(i, c)| c.is_ascii_digit() && !s[..*i].ends_with(|p: char| p.is_ascii_digit()))
        .filter_map(|(i, _)| {
            let mut rest = &s[i..];
            let mut year = None;
            if let Some((y, r)) = number(rest, '年').filter(|(y, _)| *y >= 1900) {
                year = Some(y as i32);
                rest = r;
            }
            let (m, r) = number(rest, '月')?;
            // A month a recurring report starts in (自2027年7月起): its first day.
            let d = match number(r, '日') {
                Some((d, _)) => d,
                None if r.starts_with('起') || r.starts_with("份起") => 1,
                None => return None,
            };
            dated(year, m, d, since)
        })
        .min()
}

/// `month`/`day` of `year`, or where the text gives none, of `since`'s year, or the next where
/// that would put it more than two months before `since` (1月26日 in a December notice).
pub(super) fn dated(
    year: Option<i32>,
    month: u32,
    day: u32,
    since: NaiveDate,
) -> Option<NaiveDate> {
    let date = NaiveDate::from_ymd_opt(year.unwrap_or(since.year()), month, day)?;
    if year.is_none() && date < since - chrono::Duration::days(61) {
        NaiveDate::from_ymd_opt(since.year() + 1, month, day)
    } else {
        Some(date)
    }
}

/// Digits followed by `unit`.
pub(super) fn number(s: &str, unit: char) -> Option<(u32, &str)> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    if n == 0 || n > 4 {
        return None;
    }
    Some((s[..n].parse().ok()?, s[n..].strip_prefix(unit)?))
}

/// The day of the week, after 周 or 星期: 一 … 日.
fn weekday(d: NaiveDate) -> &'static str {
    ["一", "二", "三", "四", "五", "六", "日"][d.weekday().num_days_from_monday() as usize]
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn localiser(cal: &Calendar) -> Localiser<'_> {
        Localiser {
            report_to: "县水利局".into(),
            ..office(
                cal,
                "修水县水利局",
                "各乡镇人民政府、局属各单位",
                "江西省水利厅",
                1,
            )
        }
    }

    /// A county's localiser for `office` (reporting to itself) under `upstream`, at `rank`.
    pub(crate) fn office<'a>(
        cal: &'a Calendar,
        office: &str,
        units: &str,
        upstream: &str,
        rank: u8,
    ) -> Localiser<'a> {
        Localiser {
            words: &super::super::defaults::Defaults::embedded().work,
            calendar: cal,
            lead_workdays: 3,
            since: NaiveDate::from_ymd_opt(2026, 4, 20).unwrap(),
            issued: NaiveDate::from_ymd_opt(2026, 4, 23).unwrap(),
            report_to: office.into(),
            duty_to: format!("{office}值班室"),
            email: "【待填写：本机关接收材料的电子邮箱】".into(),
            phone: "【待填写：本机关的联系电话】".into(),
            duty_phone: "【待填写：本机关的值班电话】".into(),
            fax: "【待填写：本机关的传真号码】".into(),
            campaign_end: None,
            period_ends: Vec::new(),
            units: units.into(),
            units_are_places: true,
            office: office.into(),
            upstream: vec![upstream.into()],
            upstream_places: upstream.find('市').map_or_else(Vec::new, |at| {
                vec![upstream[..at + '市'.len_utf8()].to_owned()]
            }),
            scope: office.chars().take(3).collect(),
            level: office.chars().nth(2).map(String::from),
            office_rank: rank,
            departments: None,
            place_units: None,
            own_sections: None,
            own_bodies: None,
            addressed: Vec::new(),
            shared_addressees: Vec::new(),
            relayer: Default::default(),
        }
    }

    #[test]
    fn telephone_numbers_are_found_but_not_in_amounts_or_years() {
        let t = "发送至a@b.cn，联系电话：025-83521136；手机13912345678。资金1500000元，2027年，0371-6592731。";
        assert_eq!(
            super::phone_numbers(t),
            ["025-83521136", "13912345678", "0371-6592731"]
        );
        assert!(super::phone_numbers("共12345678人，2026-2027年度").is_empty());
    }

    #[test]
    fn the_upper_office_s_e_mail_address_becomes_the_office_s() {
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "于都县爱卫办", "各乡镇", "赣州市爱卫办", 1);
        let mut notes = Vec::new();
        let out = l.apply("电子版发送至gzaiwei@163.com。", &mut notes);
        assert_eq!(out, "电子版发送至【待填写：本机关接收材料的电子邮箱】。");
        let own = Localiser {
            email: "ydaiwei@163.com".into(),
            ..l
        };
        let out = own.apply(
            "电子版发送至gzaiwei@163.com，抄送a.b-c@x.gov.cn。",
            &mut notes,
        );
        assert_eq!(out, "电子版发送至ydaiwei@163.com，抄送ydaiwei@163.com。");
    }

    #[test]
    fn an_event_at_the_upper_office_s_place_without_a_subject_is_its_own_and_goes() {
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "融安县委网信办", "各乡镇", "柳州市委网信办", 1);
        let text = "9月14日上午在柳州市工人文化宫举办宣传周开幕式，同期举办网络安全博览会。\
                    宣传周期间在融安县城广场设立咨询台。组织专家深入社区开展宣讲。";
        let mut notes = Vec::new();
        let out = l.apply(text, &mut notes);
        assert_eq!(
            out,
            "宣传周期间在融安县城广场设立咨询台。组织专家深入社区开展宣讲。"
        );
        assert!(notes[0].contains("工人文化宫"), "{notes:?}");
        // Upper offices together, without 将, at a place of theirs.
        let l = Localiser {
            upstream: vec!["国家知识产权局办公室".into(), "最高人民检察院办公厅".into()],
            ..office(
                &cal,
                "南昌县市场监督管理局",
                "各市场监管所",
                "国家知识产权局办公室",
                1,
            )
        };
        let text = "4月20日上午，国家知识产权局、最高人民检察院在北京联合举办宣传周启动仪式。各地要同步举办启动活动。";
        assert_eq!(
            l.apply(text, &mut notes),
            "各市场监管所要同步举办启动活动。"
        );
    }

    /// `office` (name, units, upstream, rank) turns each text into its expected reading.
    fn reads(office_of: (&str, &str, &str, u8), cases: &[(&str, &str)]) {
        let cal = Calendar::load(None).unwrap();
        let (name, units, upstream, rank) = office_of;
        let l = office(&cal, name, units, upstream, rank);
        for (text, want) in cases {
            assert_eq!(l.apply(text, &mut Vec::new()), *want, "{text}");
        }
    }

    #[test]
    fn an_abbreviated_line_of_work_is_the_office_s_own() {
        let office_of = (
            "临洮县市场监督管理局",
            "各市场监督管理所",
            "甘肃省市场监督管理局",
            1,
        );
        reads(
            office_of,
            &[
                (
                    "各地市场监管部门要会同教育部门开展检查。",
                    "各市场监督管理所要会同教育部门开展检查。",
                ),
                ("各地教育部门要配合。", "临洮县教育部门要配合。"),
            ],
        );
    }

    #[test]
    fn every_level_s_departments_and_a_district_s_places_of_its_city_become_the_office_s() {
        reads(
            (
                "郫都区住房和城乡建设局",
                "各街道办事处",
                "成都市住房和城乡建设局",
                1,
            ),
            &[
                (
                    "各区（市）县和各燃气经营企业要全面开展隐患排查。",
                    "各街道办事处和各燃气经营企业要全面开展隐患排查。",
                ),
                (
                    "各级住房城乡建设部门要落实属地责任。",
                    "各街道办事处要落实属地责任。",
                ),
                ("各级应急管理部门要配合。", "郫都区应急管理部门要配合。"),
                // The places the office's own step inspects are its units.
                (
                    "市住建局将组成督导组，对各区（市）县“百日攻坚”行动开展情况进行督导检查。",
                    "区住房和城乡建设局将组成督导组，对各街道办事处“百日攻坚”行动开展情况进行督导检查。",
                ),
                (
                    "成都市住房和城乡建设局将适时对部分区（市）县开展抽查。",
                    "区住房和城乡建设局将适时对部分单位开展抽查。",
                ),
                // 市场 names no city.
                (
                    "市住建局将对各市场监督管理所开展情况进行通报。",
                    "区住房和城乡建设局将对各市场监督管理所开展情况进行通报。",
                ),
                (
                    "各级住房城乡建设部门负责组织燃气企业开展自查。",
                    "各街道办事处负责组织燃气企业开展自查。",
                ),
                // No other 各级 phrase is an addressee.
                ("各级各类学校要加强管理。", "各级各类学校要加强管理。"),
                (
                    "各级各类学校和托幼机构要开展消毒。",
                    "各级各类学校和托幼机构要开展消毒。",
                ),
                ("各级领导干部要带头。", "各级领导干部要带头。"),
            ],
        );
    }

    /// An autonomous county's 应急管理局 (its name's third character is no level) under a
    /// province's.
    fn ruyuan(cal: &Calendar) -> Localiser<'_> {
        Localiser {
            scope: "乳源瑶族自治县".into(),
            level: Some("县".into()),
            ..office(
                cal,
                "乳源瑶族自治县应急管理局",
                "各镇人民政府",
                "广东省应急管理厅",
                1,
            )
        }
    }

    #[test]
    fn a_graded_body_the_upstream_addressed_is_the_office_s_level_s() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            addressed: vec!["各地级以上市应急管理局、消防救援支队".into()],
            ..ruyuan(&cal)
        };
        let t = l.apply(
            "各地消防救援支队要组织消防指战员深入企业。各地应急管理局要会同消防救援支队建立联合工作机制。",
            &mut Vec::new(),
        );
        assert_eq!(
            t,
            "县消防救援大队要组织消防指战员深入企业。各镇人民政府要会同县消防救援大队建立联合工作机制。"
        );
    }

    #[test]
    fn the_upper_offices_event_at_their_venue_goes() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            upstream: vec!["广东省应急管理厅".into(), "广东省消防救援总队".into()],
            ..ruyuan(&cal)
        };
        let t = l.apply(
            "6月16日，省应急管理厅、省消防救援总队在广州市天河区天河体育中心南广场举办全省安全宣传咨询日主场活动。各地要在同一天设置咨询点。",
            &mut Vec::new(),
        );
        assert_eq!(t, "各镇人民政府要在6月16日设置咨询点。");
    }

    #[test]
    fn the_upper_office_s_places_before_any_verb_are_the_office_s_units() {
        reads(
            (
                "桐庐县市场监督管理局",
                "各市场监督管理所",
                "杭州市市场监督管理局",
                1,
            ),
            &[
                (
                    "各地认真总结活动开展情况。",
                    "各市场监督管理所认真总结活动开展情况。",
                ),
                ("各地的经验要及时总结。", "各地的经验要及时总结。"),
                (
                    "各地消防救援支队要深入企业。",
                    "各地消防救援支队要深入企业。",
                ),
            ],
        );
    }

    #[test]
    fn the_upper_office_named_by_its_level_and_kind_is_the_office() {
        reads(
            (
                "桐庐县市场监督管理局",
                "各市场监督管理所",
                "杭州市市场监督管理局",
                1,
            ),
            &[
                (
                    "各所开展工作总结，市局对各所抽检工作进行评估。",
                    "各所开展工作总结，县局对各所抽检工作进行评估。",
                ),
                ("超市局部区域要加强检查。", "超市局部区域要加强检查。"),
            ],
        );
    }

    #[test]
    fn a_quota_for_each_place_of_the_office_s_level_is_its_whole_place_s() {
        reads(
            (
                "桐庐县市场监督管理局",
                "各市场监督管理所",
                "杭州市市场监督管理局",
                1,
            ),
            &[(
                "开学前后开展专项抽检，每个区、县（市）抽检不少于80批次。",
                "开学前后开展专项抽检，全县抽检不少于80批次。",
            )],
        );
    }

    #[test]
    fn every_date_of_a_list_of_deadlines_comes_earlier() {
        reads(
            (
                "桐庐县市场监督管理局",
                "各市场监督管理所",
                "杭州市市场监督管理局",
                1,
            ),
            &[
                (
                    "各地要于2026年7月10日、10月12日前报送季度报告。",
                    "各市场监督管理所要于2026年7月7日、10月8日前报送季度报告。",
                ),
                // Dates listed for something else are no deadlines.
                (
                    "将于2026年7月10日、10月12日召开调度会。",
                    "将于2026年7月10日、10月12日召开调度会。",
                ),
            ],
        );
    }

    #[test]
    fn the_upper_level_s_facts_keep_whom_they_report_on() {
        reads(
            ("祥云县农业农村局", "各乡镇农业农村服务中心", "农业农村部办公厅", 1),
            &[(
                "2026年，各地农业农村部门认真落实安全生产责任，农业安全生产形势总体平稳。各地要加强排查。",
                "2026年，各地农业农村部门认真落实安全生产责任，农业安全生产形势总体平稳。各乡镇农业农村服务中心要加强排查。",
            )],
        );
    }

    #[test]
    fn places_joined_before_one_office_name_go_with_the_addressee() {
        reads(
            (
                "利川市卫生健康局",
                "各乡镇卫生院",
                "湖北省卫生健康委员会",
                1,
            ),
            &[(
                "请各市、州、直管市及神农架林区卫生健康委会同教育局于7月10日前报送总结。",
                "请各乡镇卫生院会同教育局于7月7日前报送总结。",
            )],
        );
    }

    #[test]
    fn an_addressee_the_office_s_units_name_already_is_not_named_twice() {
        reads(
            (
                "郫都区住房和城乡建设局",
                "各街道办事处、辖区各燃气经营企业",
                "成都市住房和城乡建设局",
                1,
            ),
            &[(
                "各区（市）县和各燃气经营企业要开展排查。",
                "各街道办事处、辖区各燃气经营企业要开展排查。",
            )],
        );
    }

    #[test]
    fn an_event_the_upper_office_hosts_goes_and_institutions_across_its_area_become_the_office_s() {
        reads(
            ("绵阳市科学技术局", "各县（市、区）科技局", "科技部", 2),
            &[
                (
                    "5月16日在北京举办全国科技活动周开幕式，由科技部牵头组织。各地要组织科技工作者深入社区。",
                    "各县（市、区）科技局要组织科技工作者深入社区。",
                ),
                (
                    "各地科研机构、高校实验室要面向公众开放。",
                    "全市科研机构、高校实验室要面向公众开放。",
                ),
            ],
        );
    }

    #[test]
    fn a_task_of_a_body_the_upstream_addresses_by_name_is_not_the_office_s() {
        let cal = Calendar::load(None).unwrap();
        let mut l = office(&cal, "汶川县自然资源局", "各乡镇人民政府", "自然资源部", 1);
        l.addressed =
            vec!["各省、自治区、直辖市自然资源主管部门、中国地质调查局及部其他直属单位".into()];
        let mut notes = Vec::new();
        let text = "加强会商。中国地质调查局要组织技术支撑力量，支援重点省份。";
        assert_eq!(l.named_addressees_tasks(text, &mut notes), "加强会商。");
        assert_eq!(notes.len(), 1);
        let kept = "中国地质调查局发布的预警信息要及时转发。";
        assert_eq!(l.named_addressees_tasks(kept, &mut notes), kept);
    }

    #[test]
    fn the_upper_office_s_sections_and_bodies_are_named_as_the_office_s_own_recipients_name_them() {
        let cal = Calendar::load(None).unwrap();
        let mut l = office(
            &cal,
            "万年县农业农村局",
            "各乡镇人民政府",
            "江西省农业农村厅",
            1,
        );
        l.own_sections = Some("局机关各股室".into());
        l.own_bodies = Some("局属各单位".into());
        let out = l.apply(
            "厅机关各处室要按照职责分工，加强指导。厅属各单位要发挥技术支撑作用。",
            &mut Vec::new(),
        );
        assert_eq!(
            out,
            "局机关各股室要按照职责分工，加强指导。局属各单位要发挥技术支撑作用。"
        );
        l.own_sections = Some("局机关各科室".into());
        let out = l.apply("厅机关各处室要按照职责分工。", &mut Vec::new());
        assert_eq!(out, "局机关各科室要按照职责分工。");
    }

    #[test]
    fn the_upper_place_s_figures_are_left_for_the_office_to_give() {
        reads(
            ("万年县农业农村局", "各乡镇人民政府", "江西省农业农村厅", 1),
            &[
                (
                    "确保全省早稻种植面积稳定在1900万亩以上，集中育秧面积占比达到60%以上。",
                    "确保全县早稻种植面积稳定在【待填写：本县的数量（上级来文为1900万）】亩以上，集中育秧面积占比达到60%以上。",
                ),
                (
                    "每个乡镇至少培训200人次。",
                    "每个乡镇至少培训200人次。",
                ),
                (
                    "确保到2027年，全省年经营性收入10万元以上的村占比达到60%以上，50万元以上的村达到1500个。",
                    "确保到2027年，全县年经营性收入10万元以上的村占比达到60%以上，50万元以上的村达到【待填写：本县的数量（上级来文为1500个）】个。",
                ),
                (
                    "确保全省细颗粒物（PM2.5）平均浓度控制在每立方米46微克以内，重污染天数比例同比下降10%以上。",
                    "确保全县细颗粒物（PM2.5）平均浓度控制在每立方米【待填写：本县的数量（上级来文为46微克）】微克以内，重污染天数比例同比下降10%以上。",
                ),
            ],
        );
    }

    #[test]
    fn a_weekly_report_starting_by_the_draft_s_day_starts_the_week_after() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            since: NaiveDate::from_ymd_opt(2027, 2, 24).unwrap(),
            issued: NaiveDate::from_ymd_opt(2027, 3, 1).unwrap(),
            ..office(
                &cal,
                "万年县农业农村局",
                "各乡镇人民政府",
                "江西省农业农村厅",
                1,
            )
        };
        let mut notes = Vec::new();
        let out = l.weekly_start("自3月1日起至5月31日，每周一12时前报送。", &mut notes);
        assert_eq!(out, "自3月8日起至5月31日，每周一12时前报送。");
        let later = "自3月15日起，每周一12时前报送。";
        assert_eq!(l.weekly_start(later, &mut notes), later);
        // A start that was the first report's day moves with the weekday (周五 → 周四).
        assert_eq!(
            l.weekly_start("自2027年3月12日起，每周四16时前报送。", &mut notes),
            "自2027年3月11日起，每周四16时前报送。"
        );
        // … and to the week's due day after the draft when the day before is the draft's own.
        assert_eq!(
            l.weekly_start("自2027年3月2日起，每周一16时前报送。", &mut notes),
            "自2027年3月8日起，每周一16时前报送。"
        );
        assert_eq!(
            l.weekly_start("各自落实。自2027年3月1日起，每周一报送。", &mut notes),
            "各自落实。自2027年3月8日起，每周一报送。"
        );
    }

    #[test]
    fn the_office_s_units_act_without_the_office_s_peers() {
        let cal = Calendar::load(None).unwrap();
        let l = office(
            &cal,
            "从化区市场监督管理局",
            "各市场监督管理所",
            "广州市市场监督管理局",
            1,
        );
        let mut notes = Vec::new();
        assert_eq!(
            l.units_without_peers(
                "各市场监督管理所会同区农业农村局认真总结经验。",
                "区",
                &mut notes
            ),
            "各市场监督管理所认真总结经验。"
        );
        let office_s = "区市场监督管理局会同区农业农村局开展抽查。";
        assert_eq!(l.units_without_peers(office_s, "区", &mut notes), office_s);
    }

    #[test]
    fn the_upper_office_s_places_alone_are_the_office_s_units_that_are_places() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            place_units: Some("各乡镇人民政府".into()),
            ..office(
                &cal,
                "万年县农业农村局",
                "各乡镇人民政府、局属各单位",
                "江西省农业农村厅",
                1,
            )
        };
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("各设区市要加快建设集中育秧设施。", &mut notes),
            "各乡镇人民政府要加快建设集中育秧设施。"
        );
    }

    #[test]
    fn two_reports_to_one_target_name_it_once() {
        assert_eq!(
            super::reported_twice(
                "在接报后1小时内电话报告县局值班室，2小时内书面报告县局值班室；",
                "县局值班室"
            ),
            "在接报后1小时内电话报告、2小时内书面报告县局值班室；"
        );
        let apart = "1小时内报告县局，并于次日将书面材料报告县局。";
        assert_eq!(super::reported_twice(apart, "县局"), apart);
    }

    #[test]
    fn a_report_to_an_upper_office_s_body_goes_to_the_office_without_its_telephone() {
        reads(
            ("禄劝县林业和草原局", "各乡镇人民政府", "昆明市林业和草原局", 1),
            &[
                (
                    "发现火情要在30分钟内报告市森林草原防灭火指挥部办公室（联系电话：0871-64150930）。",
                    "发现火情要在30分钟内报告禄劝县林业和草原局。",
                ),
                // 报告 as a noun stays.
                ("严格执行火情报告制度。", "严格执行火情报告制度。"),
            ],
        );
    }

    #[test]
    fn units_that_are_bodies_have_their_own_not_a_place_s() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            units_are_places: false,
            ..office(
                &cal,
                "湘潭县卫生健康局",
                "各单位",
                "湖南省卫生健康委员会",
                1,
            )
        };
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("各单位要结合本地实际，制定本地区防控工作方案。", &mut notes),
            "各单位要结合本单位实际，制定本单位防控工作方案。"
        );
        // A sentence that is not the units' keeps its words.
        let fact = "本地区流感样病例占比上升。";
        assert_eq!(l.apply(fact, &mut notes), fact);
        let places = office(&cal, "正定县应急管理局", "各单位", "河北省应急管理厅", 1);
        let own = "各单位要结合本地实际开展自查。";
        assert_eq!(places.apply(own, &mut notes), own);
    }

    #[test]
    fn units_told_to_urge_themselves_act_themselves() {
        reads(
            ("正定县应急管理局", "各单位", "河北省应急管理厅", 1),
            &[(
                "各市应急管理局要督促各县（市、区）对检查发现的火灾隐患逐一登记。",
                "各单位要对检查发现的火灾隐患逐一登记。",
            )],
        );
    }

    #[test]
    fn a_report_the_upper_office_takes_at_its_duty_desk_goes_to_the_office_s_duty_desk() {
        reads(
            ("正定县应急管理局", "各乡镇人民政府", "河北省应急管理厅", 2),
            &[
                (
                    "发生较大以上火灾事故的，要在30分钟内电话报告、1小时内书面报告省应急管理厅指挥中心。",
                    "发生较大以上火灾事故的，要在30分钟内电话报告、1小时内书面报告正定县应急管理局值班室。",
                ),
                (
                    "突发情况及时向省卫生健康委总值班室报告。",
                    "突发情况及时向正定县应急管理局值班室报告。",
                ),
                // A section still takes what is not reported at any hour.
                (
                    "自查情况报送省应急管理厅火灾防治管理处。",
                    "自查情况报送正定县应急管理局。",
                ),
            ],
        );
    }

    #[test]
    fn the_upper_government_s_departments_are_the_office_s_departments() {
        let cal = Calendar::load(None).unwrap();
        let mut l = office(
            &cal,
            "宁乡市人民政府办公室",
            "各镇人民政府、街道办事处、市直各单位",
            "湖南省人民政府办公厅",
            1,
        );
        l.departments = Some("市直各单位".into());
        let got = l.apply(
            "各市州人民政府要落实属地管理责任，省政府各厅委、各直属机构要督促本行业领域单位落实主体责任。",
            &mut Vec::new(),
        );
        assert_eq!(
            got,
            "各镇人民政府、街道办事处、市直各单位要落实属地管理责任，市直各单位要督促本行业领域单位落实主体责任。"
        );
        // A city's own 市直各单位 stay.
        let city = office(
            &cal,
            "长沙市应急管理局",
            "各区县（市）应急管理局",
            "湖南省应急管理厅",
            2,
        );
        assert_eq!(
            city.apply("市直各单位要加强值守。", &mut Vec::new()),
            "市直各单位要加强值守。"
        );
    }

    #[test]
    fn a_township_reads_a_district_s_notice_as_its_own() {
        // A 街道办事处 (乡镇级, rank 0): its peers 各街道办事处 are its units, the district's
        // 区民政局 its upper office.
        reads(
            ("石家庄市长安区建北街道办事处", "各社区居民委员会", "石家庄市长安区人民政府办公室", 0),
            &[
                (
                    "各街道办事处要全面摸排困难群众取暖情况，摸排结果于11月20日前报区民政局。",
                    "各社区居民委员会要全面摸排困难群众取暖情况，摸排结果于11月17日前报石家庄市长安区建北街道办事处。",
                ),
                // A name ending inside its parenthesis takes the parenthesis whole.
                (
                    "各乡镇人民政府（街道办事处）要落实属地管理责任。",
                    "各社区居民委员会要落实属地管理责任。",
                ),
            ],
        );
        // The office's own scope words take its level word: 全区 → 全街道.
        let cal = Calendar::load(None).unwrap();
        let mut l = office(
            &cal,
            "石家庄市长安区建北街道办事处",
            "各社区居民委员会",
            "石家庄市长安区人民政府办公室",
            0,
        );
        l.level = Some("街道".into());
        assert_eq!(
            l.apply("为确保全区居民温暖过冬。", &mut Vec::new()),
            "为确保全街道居民温暖过冬。"
        );
    }

    #[test]
    fn a_report_to_an_upper_body_loses_where_that_body_sits() {
        reads(
            (
                "宁乡市人民政府办公室",
                "各镇人民政府",
                "湖南省人民政府办公厅",
                3,
            ),
            &[(
                "排查整治情况报省消防安全委员会办公室（设在省消防救援总队）。",
                "排查整治情况报宁乡市人民政府办公室。",
            )],
        );
    }

    #[test]
    fn a_district_names_the_leaders_of_its_level_by_its_own_level() {
        reads(
            (
                "南康区人力资源和社会保障局",
                "各乡镇人社所",
                "赣州市人力资源和社会保障局",
                1,
            ),
            &[(
                "对重大欠薪案件实行县级领导包案化解。",
                "对重大欠薪案件实行区级领导包案化解。",
            )],
        );
    }

    #[test]
    fn a_report_addressed_with_xiang_goes_to_the_office() {
        reads(
            ("新化县统计局", "各乡镇统计站", "湖南省统计局", 3),
            &[
                (
                    "遇有重大问题及时向省统计局报告。",
                    "遇有重大问题及时向新化县统计局报告。",
                ),
                ("向社会公布举报电话。", "向社会公布举报电话。"),
            ],
        );
    }

    #[test]
    fn the_unit_that_gathers_the_reports_does_not_report_to_itself() {
        let cal = Calendar::load(None).unwrap();
        let mut l = office(
            &cal,
            "南康区人力资源和社会保障局",
            "区劳动保障监察大队、各乡镇人社所",
            "赣州市人力资源和社会保障局",
            1,
        );
        l.report_to = "区人社局劳动保障监察大队".into();
        let out = l.collector_not_reporting("区劳动保障监察大队、各乡镇人社所要将情况报送区人社局劳动保障监察大队。区劳动保障监察大队、各乡镇人社所要开展排查。");
        assert_eq!(out, "各乡镇人社所要将情况报送区人社局劳动保障监察大队。区劳动保障监察大队、各乡镇人社所要开展排查。");
    }

    #[test]
    fn an_addressee_of_the_upstream_named_alone_is_the_office_s_units() {
        let cal = Calendar::load(None).unwrap();
        let mut l = office(
            &cal,
            "岷县林业和草原局",
            "各林业工作站、各国有林场",
            "甘肃省林业和草原局",
            1,
        );
        l.addressed = vec!["各市（州）林业和草原主管部门、各国有林场管理局（中心）".into()];
        let mut notes = Vec::new();
        assert_eq!(
            l.lone_addressees(
                "各国有林场管理局（中心）要落实经营主体责任。各林业工作站、各国有林场、各国有林场管理局（中心）每日报告。",
                &mut notes
            ),
            "各林业工作站、各国有林场要落实经营主体责任。各林业工作站、各国有林场每日报告。"
        );
    }

    #[test]
    fn a_quoted_title_is_never_made_the_office_s() {
        reads(
            ("兰山区交通运输局", "各街道交通运输管理站", "临沂市交通运输局", 1),
            &[(
                "根据省交通运输厅《关于做好2027年全省道路水路春运工作的通知》要求，全市要加强值守。",
                "根据省交通运输厅《关于做好2027年全省道路水路春运工作的通知》要求，全区要加强值守。",
            )],
        );
        // Unpaired marks leave the text to the rules as it is.
        assert_eq!(mask_titles("《全省").0, "《全省");
        let (masked, titles) = mask_titles("《A《B》C》和《D》");
        assert_eq!(titles, ["A《B》C", "D"]);
        assert_eq!(unmask_titles(&masked, &titles), "《A《B》C》和《D》");
    }

    #[test]
    fn a_daily_report_s_hour_comes_earlier() {
        reads(
            ("岷县林业和草原局", "各林业工作站", "甘肃省林业和草原局", 3),
            &[(
                "防火期内每日16时前报送当日火情，每天10时前报送零报告。",
                "防火期内每日14时前报送当日火情，每天10时前报送零报告。",
            )],
        );
    }

    #[test]
    fn a_sentence_giving_each_level_its_part_keeps_the_office_s_level_and_below() {
        reads(
            ("新化县统计局", "各乡镇统计站", "湖南省统计局", 1),
            &[
                (
                    "省统计局负责对市州统计局业务骨干进行培训；各市州统计局负责对所辖县市区统计局和重点调查单位进行培训；各县市区统计局负责对全部调查对象进行培训。培训可采取集中授课等方式。",
                    "各乡镇统计站负责对全部调查对象进行培训。培训可采取集中授课等方式。",
                ),
                (
                    "各市州统计局要在国家统计局统一部署下，于10月10日前完成本地区布置工作，各县市区统计局要在10月9日前完成对调查对象的布置。",
                    "各乡镇统计站要在9月29日前完成对调查对象的布置。",
                ),
                // One level named alone: its part is the office's units'.
                (
                    "各市州统计局要安排专人值守。",
                    "各乡镇统计站要安排专人值守。",
                ),
                (
                    "全省每个县（市、区）至少组织开展1次“质量开放日”活动。",
                    "全县至少组织开展1次“质量开放日”活动。",
                ),
            ],
        );
    }

    #[test]
    fn the_upper_office_s_own_channels_and_its_short_name_acting_are_the_office_s() {
        reads(
            ("叙州区自然资源局", "各镇人民政府", "四川省自然资源厅", 1),
            &[
                (
                    "在厅门户网站开设专栏。厅机关各处室按照分工做好相关工作。",
                    "在区自然资源局门户网站开设专栏。区自然资源局机关各股室按照分工做好相关工作。",
                ),
                (
                    "省自然资源厅将在厅门户网站开设专栏。",
                    "区自然资源局将在本局门户网站开设专栏。",
                ),
            ],
        );
        reads(
            ("茶陵县科学技术协会", "各乡镇科协", "株洲市科学技术协会", 1),
            &[
                (
                    "市科协将对组织工作突出的单位予以通报表扬。",
                    "县科协将对组织工作突出的单位予以通报表扬。",
                ),
                (
                    "由市教育局、市科协牵头，组织专家走进中小学。",
                    "由县教育局、茶陵县科学技术协会牵头，组织专家走进中小学。",
                ),
            ],
        );
    }

    #[test]
    fn the_upper_level_s_leaders_doing_their_own_part_go() {
        reads(
            ("涪城区退役军人事务局", "各乡镇人民政府", "绵阳市退役军人事务局", 1),
            &[
                (
                    "市委、市政府领导将于1月中旬带队走访慰问驻绵部队，具体安排另行通知。各县（市、区）要做好对接。",
                    "各乡镇人民政府要做好对接。",
                ),
                (
                    "各市不得擅自调整个人缴费标准。",
                    "各乡镇人民政府不得擅自调整个人缴费标准。",
                ),
            ],
        );
    }

    #[test]
    fn the_office_s_own_level_named_alone_is_its_units_and_a_body_of_it_its_own_place_s() {
        reads(
            ("茶陵县科学技术协会", "各乡镇科协", "株洲市科学技术协会", 1),
            &[
                (
                    "主场活动设在广场，各县市区结合实际设立分场活动。",
                    "主场活动设在广场，各乡镇科协结合实际设立分场活动。",
                ),
                (
                    "各县市区科技馆要同步向公众开放。",
                    "县科技馆要同步向公众开放。",
                ),
                (
                    "各县（市、区）植保站要落实专人值守。",
                    "县植保站要落实专人值守。",
                ),
            ],
        );
    }

    #[test]
    fn a_report_whose_name_holds_the_report_verb_goes_to_the_office() {
        reads(
            ("新化县统计局", "各乡镇统计站", "湖南省统计局", 3),
            &[(
                "将情况表报送省统计局统计设计管理处；将年报数据质量自查报告报送省统计局统计设计管理处。",
                "将情况表报送新化县统计局；将年报数据质量自查报告报送新化县统计局。",
            )],
        );
    }

    #[test]
    fn weekly_deadlines_come_earlier_and_a_report_s_purpose_stays() {
        // (Monday's come earlier in the day.)
        // A city's 根治欠薪 notice for a county (3 working days' lead): 每周五 → 每周四 (a day
        // to gather a week's figures, whatever the lead); the target goes, 备案 after it stays.
        reads(
            (
                "象山县人力资源和社会保障局",
                "各乡镇人民政府",
                "宁波市人力资源和社会保障局",
                3,
            ),
            &[
                (
                    "各地要于每周五下班前将进展情况报送市劳动保障监察处。",
                    "各地要于每周四下班前将进展情况报送象山县人力资源和社会保障局。",
                ),
                // Due on Monday already: earlier that day.
                (
                    "每周一12时前报送市人力资源和社会保障局备案。",
                    "每周一10时前报送象山县人力资源和社会保障局备案。",
                ),
                (
                    "于每周一下班前报送市劳动保障监察处。",
                    "于每周一12时前报送象山县人力资源和社会保障局。",
                ),
                ("坚持每周一至周五前往工地。", "坚持每周一至周五前往工地。"),
                (
                    "于每周五下午5时前报送市劳动保障监察处。",
                    "于每周四下午5时前报送象山县人力资源和社会保障局。",
                ),
            ],
        );
    }

    #[test]
    fn offices_named_by_the_upper_level_word_alone_are_found_and_place_names_are_not() {
        let text = "市委督查室会同市纪委监委、市委组织部等单位组成督查组，报市委；南平市委要求，方便市民办事，市场主体、市县两级。";
        assert_eq!(
            level_named_organs(text, "市"),
            ["市委督查室", "市纪委", "市委组织部"]
        );
    }

    #[test]
    fn the_upper_level_s_offices_acting_in_a_step_are_the_office_s_level_s() {
        reads(
            ("修水县水利局", "各乡镇人民政府", "江西省水利厅", 1),
            &[
                (
                    "省应急厅会商后，省气象局加密监测。",
                    "县应急局会商后，县气象局加密监测。",
                ),
                ("省水利厅汇总材料。", "修水县水利局汇总材料。"),
                ("根据省应急厅部署，", "根据省应急厅部署，"),
                (
                    "完成年度任务。（牵头单位：省应急厅；配合单位：省气象局、省水利厅）",
                    "完成年度任务。（牵头单位：县应急局；配合单位：县气象局、修水县水利局）",
                ),
                (
                    "省防汛抗旱指挥部办公室统筹推进全省工作。",
                    "县防汛抗旱指挥部办公室统筹推进全县工作。",
                ),
                (
                    "省水利厅将会同省公安厅组成检查组，对部分市（州）进行抽查。",
                    "县水利局将会同县公安局组成检查组，对部分单位进行抽查。",
                ),
                (
                    "省水利厅、省应急管理厅将于5月联合对部分市、州开展抽查督导。",
                    "修水县水利局、县应急管理局将于5月联合对部分单位开展抽查督导。",
                ),
            ],
        );
    }

    #[test]
    fn an_office_addressed_beside_another_is_the_office_s_level_s() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            scope: "宾川县".into(),
            level: Some("县".into()),
            addressed: vec!["各州、市林业和草原局、应急管理局".into()],
            ..office(
                &cal,
                "宾川县林业和草原局",
                "各乡镇人民政府",
                "云南省林业和草原局",
                1,
            )
        };
        let out = l.apply(
            "县森林消防大队要会同应急管理局开展联合巡查。",
            &mut Vec::new(),
        );
        assert_eq!(out, "县森林消防大队要会同县应急管理局开展联合巡查。");
        // The units, made the subject, act without the office's peer.
        let out = l.apply(
            "各州、市林业和草原局要会同应急管理局开展巡查。",
            &mut Vec::new(),
        );
        assert_eq!(out, "各乡镇人民政府要开展巡查。");
    }

    #[test]
    fn a_district_reads_the_city_s_partners_as_its_own_level() {
        let cal = Calendar::load(None).unwrap();
        let office_name = "宁波市鄞州区人力资源和社会保障局";
        let l = Localiser {
            scope: "鄞州区".into(),
            level: Some("区".into()),
            ..office(
                &cal,
                office_name,
                "各镇人民政府、各街道办事处",
                "宁波市人力资源和社会保障局",
                1,
            )
        };
        // Names longer than eight characters (市住房和城乡建设局) are offices of the level too.
        assert_eq!(
            l.apply(
                "市人力资源和社会保障局将会同市住房和城乡建设局等部门进行督导检查。",
                &mut Vec::new()
            ),
            "区人力资源和社会保障局将会同区住房和城乡建设局等部门进行督导检查。"
        );
    }

    #[test]
    fn a_city_reads_the_province_s_cities_as_its_own_level() {
        // 设区市 holds 区 but names cities: a city's counties are what it asks.
        reads(
            (
                "新余市应急管理局",
                "各县（区）应急管理局",
                "江西省应急管理厅",
                2,
            ),
            &[
                (
                    "请各设区市水利局组织开展讨论。",
                    "请各县（区）应急管理局组织开展讨论。",
                ),
                // The upper office naming itself is named as the upper office.
                ("我厅起草了《细则》。", "省应急管理厅起草了《细则》。"),
            ],
        );
        assert_eq!(rank("设区市水利局", false), 2);
        assert_eq!(rank("设区的市人民政府", false), 2);
    }

    #[test]
    fn a_township_has_no_counterparts_of_the_upper_level_s_departments() {
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "城关镇人民政府", "各村（社区）", "江西省水利厅", 0);
        let out = l.apply(
            "（牵头单位：省应急厅；配合单位：省气象局）",
            &mut Vec::new(),
        );
        assert_eq!(out, "（牵头单位：省应急厅；配合单位：省气象局）");
    }

    #[test]
    fn deadlines_in_working_days_of_a_period_come_earlier_by_working_days() {
        // A city 委办's 基层减负 notice for a county 委办 (3 working days' lead).
        reads(
            ("光泽县委办公室", "各乡（镇）党委", "中共南平市委办公室", 1),
            &[
                (
                    "各县（市、区）委要于每月最后一个工作日前报送进展情况。",
                    "各乡（镇）党委要于每月倒数第四个工作日前报送进展情况。",
                ),
                (
                    "于每季度第5个工作日17时前报送。",
                    "于每季度第2个工作日17时前报送。",
                ),
                ("每月第2个工作日前报送。", "每月第2个工作日前报送。"),
                ("每季度第1个月10日前报送。", "每季度第1个月7日前报送。"),
                ("联系人：张明，电话：0791-88761234。", ""),
                (
                    "每月最后一个工作日召开例会。",
                    "每月最后一个工作日召开例会。",
                ),
            ],
        );
    }

    #[test]
    fn a_province_reads_a_ministry_s_notice_as_its_own() {
        // 民政部办公厅's notice for a province: 民政部将… is the province's doing; a 2027
        // deadline (no holiday schedule shipped) is counted Monday to Friday.
        reads(
            ("湖南省民政厅", "各市州民政局", "民政部办公厅", 3),
            &[
                (
                    "请各省级民政部门于2027年1月15日前报送。民政部将适时组织开展督导检查。",
                    "请各市州民政局于2027年1月12日前报送。省民政厅将适时组织开展督导检查。",
                ),
                ("各地民政部门要全面走访。", "各地民政部门要全面走访。"),
            ],
        );
    }

    #[test]
    fn an_office_name_with_he_inside_is_one_addressee() {
        // 林业和草原局, 林业和草原、应急管理部门: the 和 is inside the names.
        reads(
            (
                "禄劝县林业和草原局",
                "各乡镇人民政府",
                "昆明市林业和草原局",
                1,
            ),
            &[
                (
                    "各县（市、区）林业和草原局要层层签订责任书。",
                    "各乡镇人民政府要层层签订责任书。",
                ),
                (
                    "各地林业和草原、应急管理部门要完成隐患排查。",
                    "各乡镇人民政府要完成隐患排查。",
                ),
                // The facts the upper level reports of its own place stay its; what it asks
                // of it is the county's.
                (
                    "当前，我市即将进入森林草原防火期。",
                    "当前，我县即将进入森林草原防火期。",
                ),
                (
                    "结合我市实际，市政府确定11月1日至4月30日为全市森林防火期。",
                    "结合我市实际，市政府确定11月1日至4月30日为全市森林防火期。",
                ),
                (
                    "今年以来，全市森林防火形势严峻。全市各地要严防死守。",
                    "今年以来，全市森林防火形势严峻。全县各乡镇人民政府要严防死守。",
                ),
            ],
        );
    }

    #[test]
    fn deadlines_written_with_zhiqian_yiqian_or_a_month_s_end_come_earlier_as_written() {
        // The draft is dated 2026-04-23; three working days earlier each, in the upstream's words.
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "某县民政局", "各乡镇人民政府", "某市民政局", 1);
        for (upstream, own) in [
            (
                "要于2026年5月29日之前确定联络员。",
                "要于2026年5月26日之前确定联络员。",
            ),
            ("于6月12日以前完成。", "于6月9日以前完成。"),
            ("督促在7月底前完成整改。", "督促在7月28日前完成整改。"),
            ("于9月10日（星期四）前报送。", "于9月7日（星期一）前报送。"),
            ("于9月10日（周四）前报送。", "于9月7日（周一）前报送。"),
            // 前后 is around a date, not a deadline.
            ("5月29日前后开展抽查。", "5月29日前后开展抽查。"),
            ("每季度末月25日前报送进展。", "每季度末月22日前报送进展。"),
            (
                "每季度第一个月10日前报送上季度情况。",
                "每季度第一个月7日前报送上季度情况。",
            ),
        ] {
            let mut notes = Vec::new();
            assert_eq!(l.apply(upstream, &mut notes), own, "{notes:?}");
        }
    }

    #[test]
    fn a_deadline_that_would_come_before_the_draft_is_one_working_day_before_the_upper_office_s() {
        // The draft is dated 2026-04-23 (Thursday); three working days before 4月24日 is 4月21日.
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "某县民政局", "各乡镇人民政府", "某市民政局", 1);
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("请于4月27日前报送。", &mut notes),
            "请于4月24日前报送。"
        );
        // One working day before it would be the draft's own day: the upper office's day,
        // before noon.
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("请于4月24日前报送。", &mut notes),
            "请于4月24日12时前报送。"
        );
        assert!(
            notes
                .iter()
                .any(|n| n.contains("距本文成文日期 2026-04-23 太近")),
            "{notes:?}"
        );
        // Where even the upper office's day is the draft's, the date stays as counted, and
        // is said.
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("请于4月23日前报送。", &mut notes),
            "请于4月20日前报送。"
        );
        assert!(notes.iter().any(|n| n.ends_with("请核定")), "{notes:?}");
    }

    #[test]
    fn a_county_level_city_reads_the_county_addressees_as_its_own_level() {
        let cal = Calendar::load(None).unwrap();
        let at = |rank| {
            office(
                &cal,
                "宁乡市林业局",
                "各镇人民政府、街道办事处",
                "湖南省林业局",
                rank,
            )
        };
        let text = "各县（市、区）林业局要落实防火责任，于5月10日前报送省林业局。";
        let mut notes = Vec::new();
        let county = crate::derive::profile::OfficeLevel::County.rank();
        // 宁乡市 with `level = "县级"`: the counties are its peers, its own units act.
        assert_eq!(
            at(county).apply(text, &mut notes),
            "各镇人民政府、街道办事处要落实防火责任，于5月7日前报送宁乡市林业局。"
        );
        // Ranked by its name (市): the counties would be its own lower units, kept.
        assert_eq!(
            at(2).apply(text, &mut notes),
            "各县（市、区）林业局要落实防火责任，于5月7日前报送宁乡市林业局。"
        );
        let level: crate::derive::profile::OfficeLevel =
            toml::from_str::<toml::Value>("l = \"县级\"").unwrap()["l"]
                .clone()
                .try_into()
                .unwrap();
        assert_eq!(level.rank(), county);
    }

    #[test]
    fn the_department_of_the_office_s_own_level_and_line_is_the_office() {
        let cal = Calendar::load(None).unwrap();
        let l = office(&cal, "临澧县民政局", "各乡镇人民政府", "民政部", 1);
        let mut notes = Vec::new();
        assert_eq!(
            l.apply("县级民政部门会同应急管理部门逐一开展实地检查。", &mut notes),
            "临澧县民政局会同应急管理部门逐一开展实地检查。"
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        // Another line of work, and 县级以上, stay as written.
        for kept in [
            "县级应急管理部门要做好值守。",
            "县级以上民政部门应当加强指导。",
        ] {
            assert_eq!(l.apply(kept, &mut notes), kept);
        }
    }

    #[test]
    fn a_deadline_about_a_holiday_is_never_brought_forward_to_before_it() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        // 2026: 国庆 10-01..10-07. Three working days before 10-09 would be 09-29, before the
        // holiday the report is about: 10-08 instead.
        let t = l.apply("请于10月9日前将国庆期间工作情况报送省水利厅。", &mut notes);
        assert_eq!(
            t, "请于10月8日前将国庆期间工作情况报送县水利局。",
            "{notes:?}"
        );
        // No holiday between: three working days, as before.
        let t = l.apply("请于11月20日前将情况报送省水利厅。", &mut notes);
        assert_eq!(t, "请于11月17日前将情况报送县水利局。");
        // A report not about a holiday may be due before one: 10-09 → 09-29.
        let t = l.apply("请于10月9日前将活动总结报送省水利厅。", &mut notes);
        assert_eq!(t, "请于9月29日前将活动总结报送县水利局。");
    }

    #[test]
    fn a_level_paired_with_its_units_is_one_addressee() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        for (upstream, own) in [
            (
                "各地各校要开展一次安全教育。",
                "各乡镇人民政府、局属各单位要开展一次安全教育。",
            ),
            (
                "各地各部门要加强值守。",
                "各乡镇人民政府、局属各单位要加强值守。",
            ),
            // The upper office naming itself is an upper target too.
            (
                "请于8月5日前将情况报送我厅规划处。",
                "请于7月31日前将情况报送县水利局。",
            ),
        ] {
            assert_eq!(l.apply(upstream, &mut notes), own);
        }
    }

    #[test]
    fn the_upper_office_s_own_doings_copies_and_fellow_addressees_go() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        let t = l.apply(
            "3月22日上午，省水利厅在滨江公园举办集中宣传活动。各设区市要同步组织开展集中宣传。",
            &mut notes,
        );
        assert_eq!(t, "各乡镇人民政府、局属各单位要同步组织开展集中宣传。");
        let t = l.apply(
            "请各设区市、县（市、区）水利局和省水文中心于7月31日前将总结报送省水利厅，抄送省财政厅农业处。",
            &mut notes,
        );
        assert_eq!(
            t,
            "请各乡镇人民政府、局属各单位于7月28日前将总结报送县水利局。"
        );
        let t = l.apply("各地水利、应急管理部门要加强会商。", &mut notes);
        assert_eq!(t, "各乡镇人民政府、局属各单位要加强会商。");
        // Another line of work alone: the county's department of it, not the 水利局's units.
        let t = l.apply("各地应急管理部门要加强值守。", &mut notes);
        assert_eq!(t, "修水县应急管理部门要加强值守。");
        let t = l.apply("各地教育部门要会同禁毒办开展主题班会。", &mut notes);
        assert_eq!(t, "修水县教育部门要会同禁毒办开展主题班会。");
        // Its own line of work is its units.
        let t = l.apply("各地水利部门要加强巡查。", &mut notes);
        assert_eq!(t, "各乡镇人民政府、局属各单位要加强巡查。");
        // 会同 ends an addressee's name: the partner stays.
        let t = l.apply("各省级水利厅会同财政部门于7月31日前报送。", &mut notes);
        assert_eq!(t, "各乡镇人民政府、局属各单位会同财政部门于7月28日前报送。");
        let t = l.apply(
            "请于3月10日前报送省水利厅，同时抄送省应急管理厅。清明节前后，省水利厅将组织督查。",
            &mut notes,
        );
        assert_eq!(
            t,
            "请于3月5日前报送县水利局。清明节前后，县水利局将组织督查。"
        );
        let t = l.apply(
            "县级部门要逐一检查；省、市两级水利部门会同应急管理部门开展抽查督导。",
            &mut notes,
        );
        assert_eq!(t, "县级部门要逐一检查。");
        let t = "省、市、县三级水利部门会同有关部门开展联合检查。";
        assert_eq!(l.apply(t, &mut notes), t);
        // The office's own doings and copies to its peers stay.
        let t = "县水利局在城区举办宣传活动，抄送县财政局。";
        assert_eq!(l.apply(t, &mut notes), t);
    }

    #[test]
    fn an_item_that_is_the_upper_level_s_own_event_goes_whole() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let item = |h: &str| Section {
            heading: h.into(),
            text: crate::spec::Paragraphs(vec!["厅机关各处室按照分工做好相关工作。".into()]),
            ..Section::default()
        };
        let mut s = Section {
            heading: "主要活动".into(),
            sections: vec![
                item("开展集中宣传。"),
                item("举办全省启动仪式。"),
                item("举办全县启动仪式。"),
            ],
            ..Section::default()
        };
        l.prune_tiers(&mut s, &mut Vec::new());
        let items: Vec<&str> = s.sections.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(items, ["开展集中宣传。", "举办全县启动仪式。"]);
        // One that asks the levels below to hold theirs is the office's, to fill in.
        let mut s = Section {
            heading: "主要活动".into(),
            sections: vec![Section {
                heading: "举办全省启动仪式。".into(),
                text: crate::spec::Paragraphs(vec![
                    "12月1日上午，省司法厅在杭州举办全省启动仪式。各市、县（市、区）要同步组织启动活动。"
                        .into(),
                ]),
                ..Section::default()
            }],
            ..Section::default()
        };
        l.prune_tiers(&mut s, &mut Vec::new());
        assert_eq!(s.sections.len(), 1);
        assert!(s.sections[0].text.0[0].starts_with("【待填写"), "{s:?}");
        assert!(
            s.sections[0].text.0[0].ends_with("要同步组织启动活动。"),
            "{s:?}"
        );
        assert_eq!(s.sections[0].heading, "举办全县启动仪式。");
    }

    #[test]
    fn blocks_of_the_levels_above_the_office_go_and_a_lone_block_joins_its_parent() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let block = |h: &str, t: &str, items: &[&str]| Section {
            heading: h.into(),
            text: crate::spec::Paragraphs(vec![t.into()]),
            sections: items
                .iter()
                .map(|i| Section {
                    heading: (*i).into(),
                    ..Section::default()
                })
                .collect(),
            ..Section::default()
        };
        let mut s = Section {
            heading: "主要活动".into(),
            sections: vec![
                block("省级层面", "由省里部署。", &["启动仪式"]),
                block("市县层面", "各地要组织开展：", &["应急演练", "宣传进社区"]),
            ],
            ..Section::default()
        };
        let mut notes = Vec::new();
        l.prune_tiers(&mut s, &mut notes);
        assert_eq!(s.text.0, ["各地要组织开展："]);
        let items: Vec<&str> = s.sections.iter().map(|x| x.heading.as_str()).collect();
        assert_eq!(items, ["应急演练", "宣传进社区"]);
        assert_eq!(notes.len(), 2, "{notes:?}");
        // Blocks for the office's level and below both stay; other headings are no blocks.
        let mut s = Section {
            heading: "主要活动".into(),
            sections: vec![block("县级层面", "", &[]), block("乡镇层面", "", &[])],
            ..Section::default()
        };
        l.prune_tiers(&mut s, &mut notes);
        assert_eq!(s.sections.len(), 2);
        let mut s = Section {
            heading: "主要活动".into(),
            sections: vec![block("省级活动", "", &[]), block("宣传", "", &[])],
            ..Section::default()
        };
        l.prune_tiers(&mut s, &mut notes);
        assert_eq!(s.sections.len(), 2);
    }

    #[test]
    fn what_the_upper_office_announces_it_will_do_the_county_office_will_do() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        let t = l.apply(
            "请按时报送。省水利厅将适时开展督导检查，对工作进度慢的地区进行通报。市场监管局将配合。",
            &mut notes,
        );
        assert_eq!(
            t,
            "请按时报送。县水利局将适时开展督导检查，对工作进度慢的单位进行通报。市场监管局将配合。"
        );
        assert!(notes.iter().any(|n| n.contains("省水利厅将")), "{notes:?}");
        // Not a subject: left as it is.
        let t = l.apply("各地要将情况报告省水利厅。", &mut Vec::new());
        assert!(t.contains("各乡镇") || t.contains("要将"), "{t}");
    }

    #[test]
    fn an_upper_office_s_event_elsewhere_goes_and_a_quota_per_county_is_the_county_s() {
        let cal = Calendar::load(None).unwrap();
        let l = office(
            &cal,
            "澄溪县文化和旅游局",
            "各单位",
            "文化和旅游部办公厅",
            1,
        );
        let mut notes = Vec::new();
        let t = l.apply(
            "文化和旅游部将会同浙江省人民政府在浙江省杭州市举办主场城市活动。各地要同步开展展示活动。",
            &mut notes,
        );
        assert!(
            !t.contains("杭州") && !t.contains("澄溪县文化和旅游局将"),
            "{t}"
        );
        // The office's own level mirrors what the upper office does at home.
        let t = l.apply("文化和旅游部将会同教育部开展进校园活动。", &mut notes);
        assert!(t.starts_with("县文化和旅游局将会同"), "{t}");
        let l = office(&cal, "柏山县林业局", "各单位", "青岚市林业局", 1);
        let t = l.apply(
            "组织开展实战化演练，每个县（市、区）至少组织1次综合演练，每个乡镇至少1次。",
            &mut notes,
        );
        assert_eq!(
            t,
            "组织开展实战化演练，全县至少组织1次综合演练，每个乡镇至少1次。"
        );
        // The upper office's sections are a county office's 股室; the office acts, whatever
        // section it is reported to.
        let l = Localiser {
            report_to: "县局特种设备安全监察股".into(),
            ..office(
                &cal,
                "霍山县市场监督管理局",
                "各单位",
                "安徽省市场监督管理局",
                1,
            )
        };
        let mut notes = Vec::new();
        let t = l.apply(
            "省局各有关处室要加强对口指导。省局将适时组织督导检查。",
            &mut notes,
        );
        assert_eq!(
            own_sections("县局各有关处室和市局处室", "处室", "股室", "县"),
            "县局各有关股室和市局处室"
        );
        // The places the office's own step inspects are its units.
        let inspected = l.apply(
            "防火期内，省局将组成督导组，对各地工作开展情况进行督导检查，对工作不力的地区予以通报。",
            &mut Vec::new(),
        );
        assert_eq!(
            inspected,
            "防火期内，县市场监督管理局将组成督导组，对各单位工作开展情况进行督导检查，对工作不力的单位予以通报。"
        );
        assert_eq!(
            t, "县局各有关股室要加强对口指导。县市场监督管理局将适时组织督导检查。",
            "{notes:?}"
        );
    }

    #[test]
    fn a_january_deadline_of_a_december_notice_is_next_year_s() {
        let cal = Calendar::load(None).unwrap();
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let l = Localiser {
            since: day(12, 1),
            issued: day(12, 4),
            ..localiser(&cal)
        };
        let mut notes = Vec::new();
        let t = l.apply("各地于1月26日前报送省水利厅。", &mut notes);
        // 2027-01-26 is a Tuesday; three weekdays before is Thursday 01-21 (2027 has no
        // published schedule: counted Monday to Friday and said); its year is said, since the
        // draft is dated in 2026.
        assert_eq!(
            t,
            "各乡镇人民政府、局属各单位于2027年1月21日前报送县水利局。"
        );
        assert!(notes.iter().all(|n| !n.contains("不晚于")), "{notes:?}");
        // After a date written with its year, one without it that is not in that year.
        let t = l.apply(
            "分别于2026年12月31日前、2月17日前报送省水利厅。",
            &mut notes,
        );
        assert_eq!(t, "分别于2026年12月28日前、2027年2月12日前报送县水利局。");
    }

    #[test]
    fn a_report_named_before_its_verb_still_goes_to_the_office() {
        reads(
            (
                "利川市卫生健康局",
                "各乡镇卫生院",
                "湖北省卫生健康委员会",
                1,
            ),
            &[(
                "各地要于每月5日前将上月辖区学校传染病疫情分析报告报送省疾控中心学校卫生所。",
                "各乡镇卫生院要于每月3日前将上月辖区学校传染病疫情分析报告报送利川市卫生健康局。",
            )],
        );
    }

    #[test]
    fn a_list_of_the_upper_office_s_contacts_goes_whole() {
        let mut notes = Vec::new();
        let text = "请于7月10日前报送。联系人：省疾控中心学校卫生所 周晓雯，电话：027-87652318；省卫生健康委疾控处 李振华，电话：027-87365402；省教育厅体育卫生与艺术教育处 王丽娟，电话：027-87328615。";
        assert_eq!(
            without_upper_contacts(text, &mut notes),
            "请于7月10日前报送。"
        );
        assert_eq!(notes.len(), 1, "{notes:?}");
        // A sentence that gives a number among its work is no contact list.
        let work = "联系人要及时将排查情况录入系统，系统咨询电话：027-87652318，并做好台账管理、资料归档、问题整改、跟踪复查、情况通报等各项工作，确保排查全覆盖、整改全闭环。";
        assert!(!upper_contact(work));
        // A list copied a line each: the label alone, then a desk a line.
        assert!(upper_contact("联系人："));
        assert!(upper_contact(
            "食品生产安全监督管理处：杨丽华，电话：0871-63218541，电子邮箱：ynspsc@163.com"
        ));
        assert!(upper_contact(
            "省局值班室：电话：0871-63218000，传真：0871-63218001，电子邮箱：ynscjgzb@163.com"
        ));
        assert!(!upper_contact("工作要求：各地要于5月10日前报送。"));
    }

    #[test]
    fn the_upper_office_acting_after_a_condition_its_contact_and_its_mailbox_become_the_office_s() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            report_to: "县教育局安全股".into(),
            email: "xtxjyjaqg@163.com".into(),
            ..office(&cal, "湘潭县教育局", "各学校", "湖南省教育厅", 1)
        };
        let mut notes = Vec::new();
        let t = l.apply(
            "对整改不到位的，省教育厅将予以通报批评；因此发生事故的，依法追究责任。",
            &mut notes,
        );
        assert_eq!(
            t,
            "对整改不到位的，县教育局将予以通报批评；因此发生事故的，依法追究责任。"
        );
        let t = l.apply(
            "材料以PDF格式发送至省教育厅安全工作处电子邮箱hnsjytaqc@126.com。联系人：省教育厅安全工作处 谭志刚，电话：0731-84715263。",
            &mut notes,
        );
        assert_eq!(
            t,
            "材料以PDF格式发送至县教育局安全股电子邮箱xtxjyjaqg@163.com。"
        );
        assert!(notes.iter().any(|n| n.contains("谭志刚")), "{notes:?}");
    }

    #[test]
    fn an_office_s_level_is_its_name_s_last_level_word() {
        for (name, word, rank) in [
            ("株洲市渌口区教育局", "区", 1),
            ("霍山县市场监督管理局", "县", 1),
            ("攸县鸾山镇人民政府", "镇", 0),
            ("修水县住房和城乡建设局", "县", 1),
            ("绵阳市农业农村局", "市", 2),
        ] {
            assert_eq!(level_word(name), Some(word), "{name}");
            assert_eq!(name_rank(name), rank, "{name}");
        }
    }

    #[test]
    fn two_upstream_targets_made_one_are_named_once() {
        let cal = Calendar::load(None).unwrap();
        let l = Localiser {
            report_to: "区教育局体卫艺股".into(),
            upstream: vec!["株洲市卫生健康委员会".into(), "株洲市教育局".into()],
            ..office(&cal, "株洲市渌口区教育局", "各学校", "株洲市教育局", 1)
        };
        let mut notes = Vec::new();
        let t = l.apply(
            "请于5月15日前将工作总结分别报送市卫生健康委、市教育局。",
            &mut notes,
        );
        assert_eq!(t, "请于5月12日前将工作总结报送区教育局体卫艺股。");
    }

    #[test]
    fn units_put_in_for_the_upstream_s_addressees_are_not_read_again() {
        let cal = Calendar::load(None).unwrap();
        let units = "各乡镇中心学校、县直各学校、各民办学校";
        let l = Localiser {
            addressed: vec!["各市州教育（体育）局".into()],
            ..office(&cal, "湘潭县教育局", units, "湖南省教育厅", 1)
        };
        let mut notes = Vec::new();
        let t = l.apply("各市州教育（体育）局要汇总本地自查情况。", &mut notes);
        assert_eq!(t, format!("{units}要汇总本地自查情况。"));
    }

    #[test]
    fn a_work_notice_s_deadlines_targets_and_addressees_become_the_county_s() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        let t = l.apply(
            "请各设区市水利（水务）局审核汇总后，于5月15日前将本市实施方案报送省水利厅农村水利水电处。",
            &mut notes,
        );
        // 2026-05-15 is a Friday: three working days before is Tuesday 05-12.
        assert_eq!(
            t,
            "请各乡镇人民政府、局属各单位审核汇总后，于5月12日前将本县实施方案报送县水利局。"
        );
        assert_eq!(notes.len(), 3, "{notes:?}");
        let t = l.apply(
            "请于每月5日前将进展情况报送省水利厅。各地要倒排工期。",
            &mut notes,
        );
        assert_eq!(
            t,
            "请于每月3日前将进展情况报送县水利局。各乡镇人民政府、局属各单位要倒排工期。"
        );
        // A holiday in between: 3 working days before Wednesday 2026-05-06 skip 05-01..05:
        // 04-30, 04-29, 04-28.
        let t = l.apply("于5月6日（周三）12时前报送市交通运输局。", &mut notes);
        assert_eq!(t, "于4月28日（周二）12时前报送县水利局。");
        // A report on the holiday itself, due the first working day after it, stays on that
        // day, two hours earlier: it cannot be due before the holiday.
        let t = l.apply(
            "5月6日12时前将假期道路运输工作总结报送市交通运输局。",
            &mut notes,
        );
        assert_eq!(t, "5月6日10时前将假期道路运输工作总结报送县水利局。");
        // A level with its parenthesis is an addressee whatever verb follows it.
        let t = l.apply("补贴标准由各县（市、区）根据资金规模测算确定。", &mut notes);
        assert_eq!(
            t,
            "补贴标准由各乡镇人民政府、局属各单位根据资金规模测算确定。"
        );
    }

    #[test]
    fn text_that_names_no_deadline_target_or_addressee_is_unchanged() {
        let cal = Calendar::load(None).unwrap();
        let l = localiser(&cal);
        let mut notes = Vec::new();
        for t in [
            "各部门、各单位要加强组织领导，各级领导干部要带头。",
            "5月1日至5日每日16时报告一次，及时上报。",
            "各类养老机构要落实主体责任。",
        ] {
            assert_eq!(l.apply(t, &mut notes), t);
        }
        assert!(notes.is_empty(), "{notes:?}");
    }
}
