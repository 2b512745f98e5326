//! The 公文 recogniser: from format-neutral lines to an [`Annotated`] spec, with findings.
//!
//! One pass in document order: 版头 and title ([`header`]), 主送 and 正文 ([`body`]), the
//! 附件说明, signature and 附注 ([`tail`]), then annexes and 版记 ([`annex`]). A cover notice's
//! transmitted document is recognised as a second part. Whatever is left is kept as a comment.

mod annex;
mod body;
mod enclosure;
mod header;
mod tail;

use super::join::{continues, ended, join_text, number_broken, wrap_of, Wrap};
use super::lines::Line;
use super::patterns::{is_contact, period, year_in};
use crate::spec::{
    Annex, Annotated, Campaign, DocKind, Enclosure, Header, Paragraphs, Section, Signature, Spec,
};
use chrono::Datelike;

/// One thing the recogniser found or could not place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// 1-based page (0: the document as a whole).
    pub page: usize,
    /// 1-based line.
    pub line: usize,
    /// Whether it was placed in the spec.
    pub recognised: bool,
    /// What, in Chinese.
    pub what: String,
}

/// The lines being read, how they wrap, and what was found.
pub(super) struct Doc<'a> {
    lines: &'a [Line],
    wrap: Wrap,
    findings: Vec<Finding>,
    /// A 纪要 (by its mark or title): only then do 出席/请假/列席 lines end the body.
    minutes: bool,
    /// The 文种 the mark names (命令, 纪要), before the title is read.
    kind: Option<DocKind>,
}

impl<'a> Doc<'a> {
    fn len(&self) -> usize {
        self.lines.len()
    }

    fn text(&self, i: usize) -> &str {
        self.lines.get(i).map_or("", |l| l.text.trim())
    }

    fn found(&mut self, i: usize, what: impl Into<String>) {
        let (page, line) = self.lines.get(i).map_or((0, 0), |l| (l.page, l.line));
        self.findings.push(Finding {
            page,
            line,
            recognised: true,
            what: what.into(),
        });
    }

    fn not_placed(&mut self, i: usize, what: impl Into<String>) {
        let (page, line) = self.lines.get(i).map_or((0, 0), |l| (l.page, l.line));
        self.findings.push(Finding {
            page,
            line,
            recognised: false,
            what: what.into(),
        });
    }

    /// The paragraph starting at line `i`: its lines joined (never past `stop` or a signature),
    /// and the index after it. A contact line (联系人：…) never joins a sentence ended before it
    /// (a line that goes on mid-sentence into 「（邮箱：…），联系电话：…」 is one sentence); a full
    /// one goes on into its next line where the source wraps by width (a PDF: 「…杨建华，电」 /
    /// 「话：0871-…」), not where each line is a sentence.
    fn paragraph(&self, i: usize, stop: Option<usize>) -> (Line, usize) {
        let mut p = self.lines[i].clone();
        let mut last = i;
        let mut j = i + 1;
        while j < self.len()
            && Some(j) != stop
            && continues(&self.lines[last], &self.lines[j], self.wrap, last == i)
            && !tail::starts(self, j)
            && (number_broken(&self.lines[last].text, &self.lines[j].text)
                || !((is_contact(&self.lines[j].text) && ended(&self.lines[last].text))
                    || (is_contact(&self.lines[last].text) && self.wrap == Wrap::Sentences)))
        {
            p.text = join_text(&p.text, &self.lines[j].text);
            last = j;
            j += 1;
        }
        (p, j)
    }
}

/// Past the title written again below the header (a web page's heading above 来源 and the
/// document's own title under its 发文字号): the lines from `i` that spell the title once more,
/// and the title as the document writes it where it gives its issuers before the page's
/// heading (株洲市科学技术协会 株洲市科学技术局 株洲市教育局关于举办…).
fn past_repeated_title(d: &mut Doc, i: usize, title: &str) -> (usize, Option<String>) {
    let bare = |s: &str| -> String { s.chars().filter(|c| !c.is_whitespace()).collect() };
    let title = bare(title);
    if title.is_empty() {
        return (i, None);
    }
    let mut k = i;
    while k < d.len() && d.text(k).trim().is_empty() {
        k += 1;
    }
    let mut seen = String::new();
    let mut written = String::new();
    for j in k..d.len().min(k + 4) {
        seen.push_str(&bare(d.text(j)));
        written.push_str(d.text(j).trim());
        if seen == title {
            d.found(k, "标题重复出现，已略去重复的一处");
            return (j + 1, None);
        }
        let issuers = seen.strip_suffix(title.as_str()).filter(|p| {
            title.starts_with("关于")
                && !p.contains(['。', '，', '；', '：'])
                && crate::import::patterns::ends_like_organisation(p)
        });
        if issuers.is_some() {
            d.found(k, "标题重复出现，取正文中带发文机关的一处");
            return (j + 1, Some(written));
        }
        if !title.starts_with(&seen) && !title.starts_with("关于") {
            break;
        }
    }
    (i, None)
}

/// Recognises a 公文 in `lines` (already repaired): the spec, with what could not be placed
/// kept beside it, and the findings.
pub fn recognise(lines: &[Line]) -> (Annotated, Vec<Finding>) {
    let mut d = Doc {
        lines,
        wrap: wrap_of(lines),
        findings: Vec::new(),
        minutes: false,
        kind: None,
    };
    let mut out = Annotated::new(Spec::default());
    let mut i = header::parse(&mut d, &mut out);
    let (past, written) = past_repeated_title(&mut d, i, &out.spec.title);
    i = past;
    if let Some(t) = written {
        out.spec.title = t;
    }
    d.minutes =
        d.kind == Some(DocKind::Minutes) || kind_by_title(&out.spec.title) == DocKind::Minutes;
    let cover = enclosure::find_enclosure(&d, i, &out.spec.title);
    let stop = cover.as_ref().map(|c| c.title_at);
    let (mut part, next) = body::parse_part(&mut d, i, stop);
    let body_tables = std::mem::take(&mut part.tables);
    i = next;
    out.spec.recipients = part.recipients;
    out.spec.opening = Paragraphs(part.opening);
    out.spec.sections = part.sections;
    out.spec.closing = Paragraphs(part.closing);
    let mut tails = tail::Tail::default();
    i = tail::parse(&mut d, i, &mut tails);
    let signed_before = tails.signature.is_some();
    if let Some(c) = cover {
        i = c.title_at + c.title_lines;
        d.found(c.title_at, format!("被印发的文件：《{}》", c.title));
        let (mut part, next) = body::parse_part(&mut d, i, None);
        i = tail::parse(&mut d, next, &mut tails);
        enclosure::split_transmit(&mut d, &mut out, &c);
        let tables = std::mem::take(&mut part.tables);
        let only = tables.len() == 1;
        let printed = enclosure::tables_as_annexes(
            &mut d,
            tables,
            &mut |f| part.for_each_text(f),
            (&c.title, "被印发文件"),
            1,
            only,
        );
        out.spec.annexes.splice(0..0, printed);
        out.spec.enclosure = Some(Enclosure {
            title: c.title.clone(),
            number: c.number.clone(),
            recipients: part.recipients,
            opening: Paragraphs(part.opening),
            closing: Paragraphs(part.closing),
            sections: part.sections,
            signature: tails.second_signature.take(),
            notes: Vec::new(),
            contacts: None,
        });
    }
    let spec = &mut out.spec;
    spec.signature = tails.signature.take();
    if let Some(s) = spec.signature.as_mut().filter(|_| spec.enclosure.is_some()) {
        // The cover notice's only signature came after the document it transmits.
        s.after_enclosure = !signed_before;
    }
    spec.notes = std::mem::take(&mut tails.notes);
    spec.contacts = tails.contacts.take();
    let note = annexes_besides(&mut d, &out.spec, &tails.annex_note);
    annex::parse_rest(&mut d, i, &mut out, &note);
    body_tables_as_annexes(&mut d, body_tables, &mut out.spec);
    let spec = &mut out.spec;
    spec.attendance = tails.attendance.take();
    spec.kind = d.kind.unwrap_or(if spec.enclosure.is_some() {
        DocKind::Cover
    } else if spec.header.is_none() && spec.signature.is_none() {
        DocKind::Plan
    } else {
        kind_by_title(&spec.title)
    });
    finish_kind(&mut d, spec);
    cc_without_printer(&mut d, spec);
    issuers_from_signature(&mut d, spec);
    if !looks_official(spec) {
        d.not_placed(
            0,
            format!(
                "不像一份公文：没有版头（发文机关标志、发文字号）、主送机关和发文机关署名，标题“{}”也不以文种（通知、请示、方案……）结尾；已按正文导入，请核对是否选错了文件",
                spec.title.trim()
            ),
        );
    }
    (out, d.findings)
}

/// A line's words as the source spaced them: the raw line's where the repair of stray spaces
/// between Chinese characters only took spaces out (it had joined 「甘肃省市场监督管理局
/// 甘肃省教育厅」 into one name), else the repaired text's.
pub(super) fn source_words<'a>(raw: &'a str, text: &'a str) -> Vec<&'a str> {
    let spaced: Vec<&str> = raw.split_whitespace().collect();
    if spaced.concat() == text.split_whitespace().collect::<String>() {
        spaced
    } else {
        text.split_whitespace().collect()
    }
}

/// Whether a recognised spec has any element only a 公文 has: a 版头, a 主送, a signing office,
/// or a title ending in a 文种 (a 方案 received alone has only that).
fn looks_official(spec: &Spec) -> bool {
    let signed = spec
        .signature
        .as_ref()
        .is_some_and(|s| s.issuer.is_some() || !s.issuers.is_empty() || s.signer.is_some());
    let titled = crate::spec::kind::ends_in_a_kind(&spec.title);
    spec.header
        .as_ref()
        .is_some_and(|h| h.doc_number.is_some() || h.mark_suffix.as_deref() != Some(""))
        || spec
            .recipients
            .as_deref()
            .is_some_and(|r| !r.trim().is_empty())
        || signed
        || titled
        || spec.kind.row().untitled
}

/// The 附件说明's items without the document a cover notice transmits: offices that list the
/// relayed document as 附件 too print it once, as the enclosure.
fn annexes_besides(d: &mut Doc, spec: &Spec, note: &[(usize, String)]) -> Vec<(usize, String)> {
    let Some(e) = &spec.enclosure else {
        return note.to_vec();
    };
    let same = |t: &str| t.split_whitespace().collect::<String>() == e.title;
    let verb = spec.transmit_verb.as_deref().unwrap_or("印发");
    let (listed, rest): (Vec<_>, Vec<_>) = note.iter().cloned().partition(|(_, t)| same(t));
    for (at, title) in listed {
        d.found(
            at,
            format!("附件说明所列“{title}”即被{verb}的文件，排在通知之后"),
        );
    }
    rest
}

/// A 抄送 line without the 印发机关 and 印发日期 under it: the 版记 of a 函 (信函格式, §10.1);
/// any other kind's 版记 needs them, so the 抄送 is reported and left out.
fn cc_without_printer(d: &mut Doc, spec: &mut Spec) {
    let bare = spec
        .colophon
        .as_ref()
        .is_some_and(|c| c.printer.is_none() && c.print_date.is_none());
    if !bare {
        return;
    }
    if spec.kind == DocKind::Letter {
        d.found(0, "版记：抄送（信函格式不印印发机关和印发日期）");
    } else {
        d.not_placed(0, "有抄送但未找到印发机关和印发日期，抄送未写入");
        spec.colophon = None;
    }
}

/// A 发文字号 without a mark above it (a notice reposted on a web page): the issuing offices
/// are those that sign it.
fn issuers_from_signature(d: &mut Doc, spec: &mut Spec) {
    let names = spec
        .signature
        .as_ref()
        .map(Signature::names)
        .unwrap_or_default();
    // A 函, 纪要 or 命令 is known by its mark: one received without it (its text pasted from a
    // web page) gets the mark of the office that signed it.
    if spec.header.is_none() && spec.kind.row().needs_header && !names.is_empty() {
        spec.header = Some(Header::default());
    }
    // A kind known by its mark whose mark and signature hold no text (drawn as outlines, or a
    // seal alone): the office is left to fill in, so that the spec still checks.
    if spec.kind.row().needs_header && names.is_empty() {
        let h = spec.header.get_or_insert_with(Header::default);
        if h.issuers.is_empty() {
            d.not_placed(
                0,
                "原件的发文机关标志和署名未能读出文字（可能画成了图形），已留【待填写】",
            );
            h.issuers = vec![format!(
                "{}：发文机关】",
                crate::spec::conventions::PLACEHOLDER
            )];
            return;
        }
    }
    let Some(h) = spec.header.as_mut().filter(|h| h.issuers.is_empty()) else {
        return;
    };
    if !names.is_empty() {
        d.found(
            0,
            format!(
                "发文机关：原件无发文机关标志，按署名取“{}”",
                names.join("、")
            ),
        );
        h.issuers = names;
    }
}

/// What follows from the 文种: the mark's suffix, a 命令's signer, the campaign.
fn finish_kind(d: &mut Doc, spec: &mut Spec) {
    if spec.kind != DocKind::Notice {
        d.found(0, format!("文种：{}（按标题末尾）", spec.kind.chinese()));
    }
    if let Some(h) = spec.header.as_mut() {
        mark_of_kind(spec.kind, h);
    }
    // A 命令 and a 议案 are signed by the head of government in person (§7.3.5.3).
    if matches!(spec.kind, DocKind::Order | DocKind::Motion) {
        if let Some(s) = spec.signature.as_mut() {
            signer_of_order(s);
        }
    }
    if spec.kind.row().signed && spec.signature.is_none() {
        let why = format!(
            "未找到发文机关署名和成文日期（{}必须有 [signature]）",
            spec.kind.chinese()
        );
        d.not_placed(0, why);
    }
    if spec.kind == DocKind::Reply {
        answers_of_reply(d, spec);
    }
    spec.campaign = campaign(spec);
    match &spec.campaign {
        Some(c) => d.found(0, format!("活动：{} 年，{} 至 {}", c.year, c.start, c.end)),
        None => d.found(0, "未识别活动时间，未生成 [campaign]"),
    }
}

/// The tables in the notice's own body, after its annexes (whose numbers the body cites stay).
fn body_tables_as_annexes(d: &mut Doc, tables: Vec<(usize, Annex)>, spec: &mut Spec) {
    if tables.is_empty() {
        return;
    }
    let first = spec.annexes.len() + 1;
    let only = first == 1 && tables.len() == 1;
    let title = spec.title.clone();
    let mut walk = |f: &mut dyn FnMut(&mut String)| {
        crate::spec::texts::for_each_text_mut(spec, &mut |field: &str, t: &mut String| {
            let body = ["opening", "sections", "closing"]
                .iter()
                .any(|b| field.starts_with(b));
            if body {
                f(t);
            }
        });
    };
    // The one annex the body cited as 附件 is 附件1 now that the table follows it.
    if first == 2 {
        walk(&mut |t: &mut String| *t = numbered_first_annex(t));
    }
    let found = enclosure::tables_as_annexes(d, tables, &mut walk, (&title, "正文"), first, only);
    spec.annexes.extend(found);
}

/// 见附件 without a number → 见附件1.
fn numbered_first_annex(t: &str) -> String {
    let mut out = String::with_capacity(t.len() + 1);
    let mut rest = t;
    while let Some(at) = rest.find("见附件") {
        let end = at + "见附件".len();
        out.push_str(&rest[..end]);
        if !rest[end..].starts_with(|c: char| c.is_ascii_digit()) {
            out.push('1');
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// A 批复's opening cites the request it answers (你局《关于…的请示》（某发〔2025〕3号）收悉。):
/// the request becomes `[answers]`.
fn answers_of_reply(d: &mut Doc, spec: &mut Spec) {
    let Some(first) = spec.opening.0.first().cloned() else {
        return;
    };
    let Some(end) = first.find("收悉") else {
        return;
    };
    let head = &first[..end];
    let (Some(open), Some(close)) = (head.find('《'), head.rfind('》')) else {
        return;
    };
    if close < open || head[..open].chars().count() > 12 {
        return;
    }
    let title = head[open + '《'.len_utf8()..close].trim().to_owned();
    let after = head[close + '》'.len_utf8()..].trim();
    let number = after
        .strip_prefix(['（', '('])
        .and_then(|r| r.strip_suffix(['）', ')']))
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if title.is_empty() || (!after.is_empty() && number.is_none()) {
        return;
    }
    // The opening keeps the sentence as written (你局…收悉。): compose writes the citation
    // only where the text does not already hold it.
    d.found(0, format!("所答复的请示：《{title}》"));
    spec.answers = Some(crate::spec::Answers { title, number });
}

/// The campaign: year from the title, dates from a 活动时间 section (or, when the title names
/// an event being held — 开展/举办 … — from any section on its time), name read from the title
/// by the derivation's own rules. A work notice whose 时间安排 has dates is no campaign.
fn campaign(d: &Spec) -> Option<Campaign> {
    let enclosure_title = d.enclosure.as_ref().map_or("", |e| e.title.as_str());
    // The title with the year: the notice's, else the document it prints.
    let title = if year_in(&d.title).is_none() && year_in(enclosure_title).is_some() {
        enclosure_title
    } else {
        d.title.as_str()
    };
    let year = year_in(title).or_else(|| d.signature.as_ref().map(|s| s.date.year()))?;
    let mut name = campaign_name(title);
    // Every section at every level: the period may be a run-in heading's (（一）行动时间。).
    fn walk<'a>(list: &'a [Section], out: &mut Vec<&'a Section>) {
        for s in list {
            out.push(s);
            walk(&s.sections, out);
        }
    }
    let mut sections: Vec<&Section> = Vec::new();
    walk(&d.sections, &mut sections);
    if let Some(e) = &d.enclosure {
        walk(&e.sections, &mut sections);
    }
    let dated = |want: &dyn Fn(&str) -> bool| {
        sections
            .iter()
            .filter(|s| want(&s.heading))
            .find_map(|s| s.text.0.first().and_then(|t| period(t)))
    };
    // A title holding an action without a year (关于开展燃气安全“百日攻坚”排查整治行动的通知):
    // its name is looked for after the body's dates (决定自12月15日至3月25日在全市开展…行动).
    let undated = name.is_none().then(|| event_name(title)).flatten();
    // A title with the campaign's year, or naming its edition (第38个爱国卫生月) without one,
    // or an action it holds (一、行动时间 2026年12月10日至2027年3月20日。).
    let titled = year_in(title).is_some() || name.is_some() || undated.is_some();
    let from_sections = titled
        .then(|| {
            dated(&|h| PERIOD_HEADINGS.iter().any(|p| h.contains(p))).or_else(|| {
                name.as_ref()
                    .and_then(|_| dated(&|h: &str| h.contains("时间")))
            })
        })
        .flatten();
    // The body names the campaign with its dates (M月D日至D日为××周): its name is
    // the campaign's where the title's holds it (“××日”“××周”宣传 → ××周).
    let body = body_campaign(d, year, name.as_deref().or(undated.as_deref()));
    if let Some((body_name, _, _)) = &body {
        if name.as_ref().is_none_or(|n| n.contains(body_name.as_str())) {
            name = Some(body_name.clone());
        }
    }
    let (start, end) = match (from_sections, body) {
        (Some(p), _) => p,
        (None, Some((_, start, end))) => (start, end),
        (None, None) => return None,
    };
    let edition = crate::derive::campaign::edition_in(title)
        .or_else(|| name.as_deref().and_then(|n| body_edition(d, n)));
    Some(Campaign {
        name,
        short: None,
        occasion: None,
        year,
        edition,
        start,
        end,
    })
}

/// The headings of a section giving a campaign's period (not 时间安排: a work notice's steps).
const PERIOD_HEADINGS: [&str; 3] = ["活动时间", "行动时间", "宣传时间"];

/// The body's paragraphs: the opening's, then every section's at every level, in order.
fn body_texts(d: &Spec) -> Vec<&String> {
    fn walk<'a>(list: &'a [Section], out: &mut Vec<&'a String>) {
        for s in list {
            out.extend(&s.text.0);
            walk(&s.sections, out);
        }
    }
    let mut texts: Vec<&String> = d.opening.0.iter().collect();
    walk(&d.sections, &mut texts);
    texts
}

/// The campaign's edition where the body names it (4月15日是第十二个全民国家安全教育日) and the
/// title does not: the 第N个 (届) just before the campaign's own words.
fn body_edition(d: &Spec, name: &str) -> Option<i32> {
    let core: String = name.chars().filter(|c| !"“”\"".contains(*c)).collect();
    let head: String = core.chars().take(3).collect();
    if head.chars().count() < 3 {
        return None;
    }
    let texts = body_texts(d);
    texts.iter().find_map(|t| {
        t.match_indices('第').find_map(|(i, _)| {
            let from = &t[i..];
            let mark = from.find(['个', '届'])?;
            // The name may stand after a scope the campaign's own name lacks (第32个全国“爱眼日”).
            let after = &from[mark + '个'.len_utf8()..];
            let after = ["全国", "全省", "全市"]
                .iter()
                .find_map(|w| after.strip_prefix(w).filter(|_| !core.starts_with(w)))
                .unwrap_or(after);
            let after: String = after.chars().filter(|c| *c != '“').take(3).collect();
            (mark <= 12 && after == head)
                .then(|| crate::derive::campaign::edition_in(&from[..mark + '个'.len_utf8()]))
                .flatten()
        })
    })
}

/// A campaign the opening or a section names with its dates (…至…为××周); where the title
/// holds an event (关于开展2027年××主题活动的通知), its 活动 with dates too (决定于1月20日至2月20日
/// 组织开展××主题活动).
fn body_campaign(
    d: &Spec,
    year: i32,
    titled: Option<&str>,
) -> Option<(String, chrono::NaiveDate, chrono::NaiveDate)> {
    let title_words = &crate::derive::defaults::Defaults::embedded().title;
    let words = &title_words.campaign_words;
    let texts = body_texts(d);
    let named = |words: &[String]| {
        texts
            .iter()
            .find_map(|t| super::patterns::named_period(t, year, words))
    };
    // A named day (6月13日是第二十一个“××日”) where no 周/月 is named with its dates; the
    // event word only where neither is (××活动周 is not ××活动).
    named(words)
        .or_else(|| {
            texts
                .iter()
                .find_map(|t| super::patterns::named_day(t, year))
        })
        .or_else(|| {
            titled
                .is_some()
                .then(|| named(std::slice::from_ref(&title_words.event_word)))
                .flatten()
        })
        // The title's own name after the dates (决定自11月15日至2月10日在全市开展冬季根治欠薪
        // 专项行动): a 行动 or 整治 is a campaign of its own words.
        .or_else(|| titled.and_then(|n| named(&[n.to_owned()])))
}

/// The campaign named by a title that holds an event (关于开展2025年XXX活动的通知 → XXX),
/// read with the derivation's words (`templates/derive/defaults.toml`).
fn campaign_name(title: &str) -> Option<String> {
    let words = &crate::derive::defaults::Defaults::embedded().title;
    let subject = crate::derive::campaign::subject(title, words);
    let dated = year_in(&subject).is_some() || crate::derive::campaign::names_edition(&subject);
    dated.then(|| event_name(title)).flatten()
}

/// The event a title holds (关于开展××行动的通知 → ××行动), dated or not.
fn event_name(title: &str) -> Option<String> {
    let words = &crate::derive::defaults::Defaults::embedded().title;
    let subject = crate::derive::campaign::subject(title, words);
    let holds_event = words.verbs.iter().any(|v| subject.starts_with(v.as_str()));
    holds_event
        .then(|| crate::derive::campaign::name_from_title(title, words))
        .flatten()
}

/// The 文种 a title names with its last words (…的请示, …的函, …会议纪要): the kind whose
/// longest ending matches, `notice` when none does.
fn kind_by_title(title: &str) -> DocKind {
    crate::spec::KINDS
        .iter()
        .flat_map(|k| k.title_endings.iter().map(move |e| (k.kind, *e)))
        .filter(|(_, e)| title.trim().ends_with(e))
        .max_by_key(|(_, e)| e.chars().count())
        .map_or(DocKind::Notice, |(k, _)| k)
}

/// A 命令 (or 议案) is signed by the signer's role and name (市长　陈立新), not by an office.
fn signer_of_order(s: &mut Signature) {
    let Some(line) = s.issuer.take() else { return };
    let words: Vec<&str> = line.split_whitespace().collect();
    match words.as_slice() {
        [role, name] => {
            s.signer_role = Some((*role).to_owned());
            s.signer = Some((*name).to_owned());
        }
        _ => s.signer = Some(line),
    }
}

/// A 纪要's mark is the issuer's name with 纪要 (`某局局长办公会议纪要`): the name alone is the
/// issuer and 纪要 the mark's suffix, as a spec writes them.
fn mark_of_kind(kind: DocKind, header: &mut Header) {
    if kind == DocKind::Minutes && header.mark_suffix.as_deref() == Some("") {
        if let Some(name) = header.issuers.first_mut() {
            if let Some(stem) = name.strip_suffix("纪要").filter(|s| !s.is_empty()) {
                *name = stem.to_owned();
                header.mark_suffix = Some("纪要".to_owned());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn campaign_names() {
        assert_eq!(
            campaign_name("关于开展2025年全国科技活动周活动的通知").as_deref(),
            Some("全国科技活动周")
        );
        assert_eq!(
            campaign_name("全国爱卫办关于开展第38个爱国卫生月活动的通知").as_deref(),
            Some("爱国卫生月")
        );
        assert_eq!(
            campaign_name("某办公室关于组织开展2023年质量月活动的通知").as_deref(),
            Some("质量月")
        );
        assert_eq!(campaign_name("关于印发工作要点的通知"), None);
    }
}
