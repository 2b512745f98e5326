//! `draft-review`: what `check` says of a derived draft, read against the upstream notice its
//! `[provenance]` names, as the clerk who must send it would read it. Each finding is a warning
//! at its field: the upper office or its departments named as if they were the office's own,
//! deadlines before the draft's own date or on a day off, the upstream's addressees kept, and
//! text still addressed to the upstream's recipients (各地, 各设区市…局).

use super::localise::{level_named_organs, next_deadline, rank, Localiser};
use crate::calendar::Calendar;
use crate::error::Severity;
use crate::spec::conventions::Finding;
use crate::spec::texts::texts;
use crate::spec::UpstreamReader;
use crate::spec::{Provenance, Spec};
use chrono::NaiveDate;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

const RULE: &str = "draft-review";

fn warn(field: &str, message: String) -> Finding {
    Finding {
        rule: RULE,
        severity: Severity::Warning,
        field: field.to_owned(),
        message,
        fix: None,
    }
}

/// The draft review of `draft` (read from `path`); nothing for a spec without provenance.
/// `reader` reads the upstream where the caller must (the web app: inside its workspace).
pub fn review(draft: &Spec, path: &Path, reader: Option<&UpstreamReader>) -> Vec<Finding> {
    let Some(p) = &draft.provenance else {
        return Vec::new();
    };
    let upstream = match reader {
        Some(read) => read(&p.upstream_file),
        None => upstream_of(&p.upstream_file, path),
    };
    let Some(upstream) = upstream else {
        return vec![warn(
            "provenance.upstream_file",
            format!("找不到上级来文 {}，未能对照它审查本草稿", p.upstream_file),
        )];
    };
    let relay = p.derived_as == "relay";
    let voice = voice(draft, p, path, reader.is_none());
    let own = &voice.names;
    let date = draft.signature.as_ref().map(|s| s.date).or(p.upstream_date);
    let mut out = Vec::new();
    let texts: Vec<(String, String)> = texts(draft)
        .into_iter()
        .filter(|(field, _)| !(relay && (field.starts_with("enclosure") || field == "title")))
        .filter(|(field, _)| !field.starts_with("annexes") || !relay)
        .collect();
    upper_names(own, &upstream, &texts, &mut out);
    peer_orders(&voice, &texts, &mut out);
    if let Some(date) = date {
        deadlines(date, &texts, &mut out);
    }
    addressees(draft, own, &upstream, &texts, &mut out);
    out
}

/// Whom the draft speaks for: its signature's offices, else (a plan has none) the office of
/// the profile it was derived for; and the units that office directs (its profile's 主送 and
/// 下级单位), which its own draft may give orders. The profile is read where the command line
/// finds it (`profile_too`; the web app reads only inside its workspace).
struct Voice {
    names: Vec<String>,
    units: String,
}

fn voice(draft: &Spec, p: &Provenance, path: &Path, profile_too: bool) -> Voice {
    let signed: Vec<String> = draft.signature.iter().flat_map(|s| s.names()).collect();
    let recorded = PathBuf::from(&p.office_file);
    let beside = path.parent().map(|d| d.join(&recorded));
    let profile = [Some(recorded), beside]
        .into_iter()
        .flatten()
        .filter(|_| profile_too)
        .find(|f| f.is_file())
        .and_then(|f| super::load_office(&f).ok())
        .map(|o| o.value.office);
    let units = profile.as_ref().map_or_else(String::new, |o| {
        [&o.recipients, &o.units]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("、")
    });
    let names = match profile {
        Some(o) if signed.is_empty() => vec![o.name],
        _ => signed,
    };
    Voice { names, units }
}

/// The upstream spec: the path as recorded, from the draft's folder (derive records it so),
/// else from the working directory (a draft written before paths were recorded so). From the
/// draft first: another folder's file of that name is not this draft's upstream.
fn upstream_of(file: &str, draft: &Path) -> Option<Spec> {
    let recorded = PathBuf::from(file);
    let beside = draft.parent().map(|d| d.join(&recorded));
    [beside, Some(recorded)]
        .into_iter()
        .flatten()
        .filter(|p| p.is_file())
        .find_map(|p| upstream_at(&p, &p))
}

/// The upstream spec `key` names, read from `read` (the web app reads through its workspace's
/// handles). A cascade checks thousands of drafts of one upstream, and the app checks a draft
/// on every keystroke: it is read once while the file stays the same.
pub fn upstream_at(key: &Path, read: &Path) -> Option<Spec> {
    type Cache = Mutex<Option<(PathBuf, SystemTime, Spec)>>;
    static LAST: Cache = Mutex::new(None);
    let modified = std::fs::metadata(read).and_then(|m| m.modified()).ok()?;
    let mut last = LAST.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((p, m, spec)) = last.as_ref() {
        if p == key && *m == modified {
            return Some(spec.clone());
        }
    }
    let spec = crate::spec::load_template(read).ok()?;
    *last = Some((key.to_owned(), modified, spec.clone()));
    Some(spec)
}

/// Text with the citation of the upstream taken out (根据…《…》（…）要求，): naming the upper
/// office there is right.
fn without_citations(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('《') {
        let Some(close) = rest[open..].find('》') else {
            break;
        };
        let close = open + close + '》'.len_utf8();
        // The clause holding the citation, from its last ， before 《 to the next ，.
        let start = rest[..open]
            .rfind(['，', '。'])
            .map_or(0, |i| i + '，'.len_utf8());
        let end = rest[close..].find('，').map_or(rest.len(), |i| close + i);
        out.push_str(&rest[..start]);
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Text with the relayed document's annex, pointed at by its issuer (格式见自然资源部通知附件),
/// taken out: naming the upper office there is right.
fn without_annex_references(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('见') {
        let after = &rest[at + '见'.len_utf8()..];
        match after
            .find("附件")
            .filter(|&k| after[..k].chars().count() <= 20)
        {
            Some(k) if !after[..k].contains(['，', '。', '；', '（', '）']) => {
                out.push_str(&rest[..at + '见'.len_utf8()]);
                rest = &after[k..];
            }
            _ => {
                out.push_str(&rest[..at + '见'.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Text with the clauses that name an office as a source or an organiser taken out (据县疾控
/// 中心监测，…; 参与文化和旅游部组织的…活动): naming the upper office there is right.
fn without_attributions(text: &str) -> String {
    let words = &super::defaults::Defaults::embedded().work;
    let mut out = String::with_capacity(text.len());
    for clause in text.split_inclusive(['，', '。', '；']) {
        let attributed = words.attribution_before.iter().any(|b| {
            clause.match_indices(b.as_str()).any(|(at, _)| {
                let after = &clause[at + b.len()..];
                words
                    .attribution_after
                    .iter()
                    .any(|a| after.find(a.as_str()).is_some_and(|k| k <= 30))
            })
        });
        if !attributed {
            out.push_str(clause);
        }
    }
    out
}

/// The names an upper office goes by in text: as issued, without 办公厅/办公室, and with its
/// place shortened to its level (江西省水利厅 → 省水利厅).
fn upper_name_forms(upstream: &Spec) -> Vec<String> {
    let words = &super::defaults::Defaults::embedded().work;
    let names = upstream.offices();
    let mut forms = Vec::new();
    for n in names {
        let stem = words
            .issuer_suffixes
            .iter()
            .find_map(|x| n.strip_suffix(x.as_str()))
            .unwrap_or(&n)
            .to_owned();
        forms.push(super::localise::short_name(&stem));
        forms.push(stem);
        forms.push(n);
    }
    // The same names as offices shorten them (省发展改革委).
    let shortened: Vec<String> = forms
        .iter()
        .flat_map(|f| {
            words
                .name_abbreviations
                .iter()
                .filter_map(move |pair| match pair.as_slice() {
                    [full, short] if f.contains(full.as_str()) => {
                        Some(f.replace(full.as_str(), short))
                    }
                    _ => None,
                })
        })
        .collect();
    forms.extend(shortened);
    forms.retain(|f| f.chars().count() >= 3);
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    forms.dedup();
    forms
}

/// The upper office or its departments named in the draft outside the citation.
fn upper_names(
    own: &[String],
    upstream: &Spec,
    texts: &[(String, String)],
    out: &mut Vec<Finding>,
) {
    let forms: Vec<String> = upper_name_forms(upstream)
        .into_iter()
        .filter(|f| !own.iter().any(|o| o.contains(f.as_str())))
        .collect();
    for (field, text) in texts {
        // The 版记 copies the upper office by name, as it should.
        if ["provenance", "signature", "colophon"]
            .iter()
            .any(|f| field.starts_with(f))
        {
            continue;
        }
        let plain = without_annex_references(&without_attributions(&without_citations(text)));
        // 自然资源部门 names the departments of a level, not the ministry 自然资源部.
        let named = |f: &&String| {
            plain
                .match_indices(f.as_str())
                .any(|(i, m)| !(m.ends_with('部') && plain[i + m.len()..].starts_with('门')))
        };
        let short = || {
            upper_levels(upstream, own)
                .iter()
                .find_map(|l| level_named_organs(&plain, l).into_iter().next())
        };
        if let Some(f) = forms.iter().find(named).cloned().or_else(short) {
            out.push(warn(
                field,
                format!("草稿中出现上级机关“{f}”（引用来文之外）：请核对是否应改为本机关或删去"),
            ));
        }
    }
}

/// Offices of the draft's own level given orders (县公安局要…) in the draft of an office that
/// does not direct them (a 局, not its government or the government's office; nor a unit its
/// profile names among those it directs, such as its own 事务中心).
fn peer_orders(voice: &Voice, texts: &[(String, String)], out: &mut Vec<Finding>) {
    let words = &super::defaults::Defaults::embedded().work;
    let Some(office) = voice.names.first().cloned() else {
        return;
    };
    let governs = words
        .governing_endings
        .iter()
        .any(|e| office.ends_with(e.as_str()));
    let Some(level) = super::localise::level_word(&office) else {
        return;
    };
    if governs || super::localise::name_rank(&office) == 0 {
        return;
    }
    let short = office
        .rfind(level)
        .map_or_else(|| office.clone(), |at| office[at..].to_owned());
    for (field, text) in texts {
        if field.starts_with("provenance") || field.starts_with("signature") {
            continue;
        }
        let ordered = level_named_organs(text, level).into_iter().find(|name| {
            // 县局 (its sections, 县局各股室) is how a 局 names itself.
            let abbreviated = office.ends_with('局') && name.starts_with(&format!("{level}局"));
            let own = *name == short || office.ends_with(name.as_str()) || abbreviated;
            let directed = voice.units.contains(name.as_str());
            !own && !directed && text.contains(&format!("{name}要"))
        });
        if let Some(name) = ordered {
            out.push(warn(
                field,
                format!(
                    "“{name}要…”：{office}不能向同级的{name}部署工作，请改为“配合{name}…”或删去"
                ),
            ));
        }
    }
}

/// The level words of the upstream's issuers (市 of 中共南平市委办公室) above the draft's own
/// office: an office named by that word alone (市委督查室, 市纪委) is of the upper level.
fn upper_levels(upstream: &Spec, own: &[String]) -> Vec<&'static str> {
    let own = own
        .iter()
        .map(|n| super::localise::name_rank(n))
        .max()
        .unwrap_or(0);
    super::localise::level_words_above(&upstream.offices(), own)
}

/// Deadlines (M月D日前) before the draft's 成文日期 or on a day off.
fn deadlines(dated: NaiveDate, texts: &[(String, String)], out: &mut Vec<Finding>) {
    let cal = Calendar::embedded();
    for (field, text) in texts {
        let mut rest = text.as_str();
        while let Some((at, d)) = next_deadline(rest, dated) {
            let written = &rest[at..at + d.len];
            if let Some(date) = d.date {
                if date <= dated {
                    out.push(warn(
                        field,
                        format!("期限“{written}”不晚于本文成文日期 {dated}，下级单位来不及办理"),
                    ));
                } else if !written.contains('底')
                    && cal.and_then(|c| c.is_workday(date).ok()) == Some(false)
                {
                    // (7月底前 names the month's end, whatever day that is.)
                    out.push(warn(field, format!("期限“{written}”（{date}）不是工作日")));
                } else if cal.is_some_and(|c| c.is_provisional(chrono::Datelike::year(&date)))
                    || cal.is_some_and(|c| c.is_workday(date).is_err())
                {
                    out.push(warn(
                        field,
                        format!(
                            "期限“{written}”在 {} 年：该年的放假调休安排尚未发布，是否工作日按法定节假日推算，请在安排发布后核对（可用 gongwen derive --holidays 重新推算）",
                            chrono::Datelike::year(&date)
                        ),
                    ));
                }
            }
            rest = &rest[at + d.len..];
        }
    }
}

/// The upstream's 主送 kept, and text still addressed to the upstream's recipients.
fn addressees(
    draft: &Spec,
    own: &[String],
    upstream: &Spec,
    texts: &[(String, String)],
    out: &mut Vec<Finding>,
) {
    let up = upstream
        .recipients
        .as_deref()
        .map(|r| r.trim_end_matches('：'));
    if let (Some(mine), Some(up)) = (draft.recipients.as_deref(), up) {
        if mine.trim_end_matches('：') == up {
            out.push(warn(
                "recipients",
                "主送机关与上级来文相同：应为本机关的主送".to_owned(),
            ));
        }
    }
    let words = &super::defaults::Defaults::embedded().work;
    // The office's own level: its signature, else its mark, else its title (a plan's).
    let mut names: Vec<String> = own.to_vec();
    names.extend(draft.header.iter().flat_map(|h| h.issuers.clone()));
    names.push(draft.title.clone());
    let office = names
        .iter()
        .map(|n| rank(n, true))
        .find(|r| *r > 0)
        .unwrap_or(0);
    for (field, text) in texts {
        if field == "recipients" || field.starts_with("provenance") {
            continue;
        }
        // The draft's text joins its 主送's units with 、 where the 主送 lists them with ，.
        let series = |s: &str| s.replace(['，', ','], "、");
        let own = |p: &String| {
            draft
                .recipients
                .as_deref()
                .is_some_and(|r| series(r).contains(&series(p)))
        };
        // A city's 各区 are its own units; a county's are not.
        // The addressee's level is the one its 各 names (各镇人民政府、县… is a township's).
        let level = |p: &str| {
            let after = p.strip_prefix('各').unwrap_or(p);
            let named = words
                .levels
                .iter()
                .filter(|l| after.starts_with(l.as_str()));
            named
                .max_by_key(|l| l.len())
                .map_or_else(|| rank(p, false), |l| rank(l, false))
        };
        let below = |p: &String| level(p) < office;
        let found = Localiser::upper_addressee(words, text).filter(|p| !own(p) && !below(p));
        // The levels the upstream addressed, named without their offices (对各州、市…开展
        // 明查暗访, 加强对县市区的业务指导).
        let bare = || {
            upstream_levels(upstream)
                .into_iter()
                .chain(upstream_addressees(upstream))
                .find(|p| text.contains(p.as_str()) && !own(p) && !below(p))
        };
        if let Some(phrase) = found.or_else(bare) {
            out.push(warn(
                field,
                format!("“{phrase}”是上级来文的主送对象：本机关的文件应写本机关的下级单位"),
            ));
        }
    }
}

/// The upstream's 主送, each addressee written out (县政府各部门, 各直属单位): a draft that
/// names one still speaks to the upper office's recipients.
fn upstream_addressees(upstream: &Spec) -> Vec<String> {
    upstream
        .recipients
        .as_deref()
        .unwrap_or_default()
        .split(['，', ',', '、', '：'])
        .map(str::trim)
        .filter(|a| a.chars().count() >= 5)
        .map(str::to_owned)
        .collect()
}

/// The levels of the upstream's 主送, without their offices and 各 (州、市 of 各州、市林业和草原局、
/// 应急管理局; 县市区 of 各县市区市场监督管理局): only those of two characters or more, which no
/// office's own text uses for itself.
fn upstream_levels(upstream: &Spec) -> Vec<String> {
    let words = &super::defaults::Defaults::embedded().work;
    let Some(recipients) = upstream.recipients.as_deref() else {
        return Vec::new();
    };
    recipients
        .split(['，', ','])
        .filter_map(|r| r.trim().strip_prefix('各'))
        .filter_map(|after| super::localise::levels_at(words, after))
        .filter(|l| l.chars().count() >= 2)
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orders(office: &str, text: &str) -> Vec<Finding> {
        let voice = Voice {
            names: vec![office.to_owned()],
            units: "各市场监管所".to_owned(),
        };
        let mut out = Vec::new();
        peer_orders(&voice, &[("sections".into(), text.into())], &mut out);
        out
    }

    #[test]
    fn the_relayed_notice_s_annex_named_by_its_issuer_is_no_upper_office_speaking() {
        assert_eq!(
            without_annex_references("将月报（格式见自然资源部通知附件）报送县局。"),
            "将月报（格式见附件）报送县局。"
        );
        let kept = "自然资源部将派出工作组，详见工作方案。";
        assert_eq!(without_annex_references(kept), kept);
    }

    #[test]
    fn the_upstream_s_addressed_levels_are_read_from_its_recipients() {
        let spec = |r: &str| Spec {
            recipients: Some(r.to_owned()),
            ..Spec::default()
        };
        assert_eq!(
            upstream_levels(&spec("各州、市林业和草原局、应急管理局")),
            ["州、市"]
        );
        assert_eq!(
            upstream_levels(&spec("各县市区市场监督管理局、市局各相关科室")),
            ["县市区"]
        );
        // One character (各市林业局) is no phrase of its own: 市 is in every office's text.
        assert!(upstream_levels(&spec("各市林业局，省直有关单位")).is_empty());
    }

    #[test]
    fn the_upstream_s_addressees_are_read_one_by_one() {
        let spec = Spec {
            recipients: Some("各乡镇人民政府、街道办事处，县政府各部门、各直属单位".to_owned()),
            ..Spec::default()
        };
        assert_eq!(
            upstream_addressees(&spec),
            ["各乡镇人民政府", "街道办事处", "县政府各部门", "各直属单位"]
        );
    }

    #[test]
    fn the_upper_office_is_known_by_its_shortened_name_too() {
        let spec = Spec {
            header: Some(crate::spec::Header {
                issuers: vec!["山西省发展和改革委员会".to_owned()],
                ..Default::default()
            }),
            ..Spec::default()
        };
        let forms = upper_name_forms(&spec);
        assert!(forms.iter().any(|f| f == "省发展改革委"), "{forms:?}");
    }

    #[test]
    fn a_county_market_bureau_is_a_county_s_office() {
        assert_eq!(crate::derive::localise::rank("攸县市场监督管理局", true), 1);
        assert_eq!(
            crate::derive::localise::rank("宁波市鄞州区城市管理局", true),
            1
        );
    }

    #[test]
    fn a_bureau_giving_its_own_sections_orders_is_no_peer_order() {
        let office = "攸县市场监督管理局";
        assert!(orders(office, "县局各相关股室要按照职责分工，加强业务指导。").is_empty());
        assert_eq!(orders(office, "县公安局要加强巡查。").len(), 1);
    }
}
