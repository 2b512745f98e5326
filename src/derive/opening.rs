//! `inherited-opening`: the upstream's opening carried whole into the office's draft. Its
//! background paragraphs stay as they are; the paragraph that holds its decision keeps its
//! reasons, joined grammatically to the office's citation and decision.

use super::defaults::OpeningWords;

/// The office's opening paragraphs from the upstream's (`paragraphs`, already in the office's
/// wording), its citation (根据…《…》（…）要求，) and its decision.
/// Paragraphs after the decision (a notice without sections holds its requests there), or
/// from the first request where there is no decision, follow the office's decision.
pub fn opening(paragraphs: &[String], cite: &str, decision: &str, w: &OpeningWords) -> Vec<String> {
    let decided = paragraphs
        .iter()
        .position(|p| w.decision_words.iter().any(|d| p.contains(d.as_str())));
    let mut asked = Vec::new();
    let mut decision = decision.to_owned();
    let (background, reasons, requests) = match decided {
        Some(k) => {
            if let Some(act) = decision_to_act(&paragraphs[k], w) {
                decision = with_decision(&decision, &act, w);
            }
            asked.extend(requests_after_decision(&paragraphs[k], w));
            (
                &paragraphs[..k],
                reasons(&paragraphs[k], w),
                &paragraphs[k + 1..],
            )
        }
        None => {
            let first = paragraphs
                .iter()
                .position(|p| {
                    w.request_starts
                        .iter()
                        .any(|r| p.trim_start().starts_with(r.as_str()))
                })
                .unwrap_or(paragraphs.len());
            // A cover's reasons before the document it printed (为…，根据…计划，) go on into
            // the office's citation.
            match paragraphs[..first].split_last() {
                Some((last, before)) if unfinished(last) && !is_procedure(last.trim(), w) => {
                    (before, last.trim().to_owned(), &paragraphs[first..])
                }
                _ => (&paragraphs[..first], String::new(), &paragraphs[first..]),
            }
        }
    };
    // A paragraph that is only the upstream's procedure (经市政府同意，: a cover's words before
    // the document it prints) is the upstream's, as inside the decision's paragraph.
    let mut out: Vec<String> = background
        .iter()
        .filter(|p| !is_procedure(p.trim(), w))
        .cloned()
        .collect();
    out.push(format!("{}{decision}", join_citation(&reasons, cite, w)));
    out.extend(asked);
    out.extend(requests.iter().cloned());
    out
}

/// The reasons of the paragraph holding the upstream's decision (为…，根据《A》，), joined to the
/// office's citation (为…，根据《A》和《B》要求，); the citation alone where there is none.
pub fn cited_reasons(paragraphs: &[String], cite: &str, w: &OpeningWords) -> String {
    let reasons = paragraphs
        .iter()
        .find(|p| w.decision_words.iter().any(|d| p.contains(d.as_str())))
        .map(|p| reasons(p, w))
        .or_else(|| {
            let last = paragraphs
                .last()
                .filter(|p| unfinished(p) && !is_procedure(p.trim(), w))?;
            Some(last.trim().to_owned())
        })
        .unwrap_or_default();
    join_citation(&reasons, cite, w)
}

/// A paragraph that stops at a 「，」: the reasons a cover notice gave before the document it
/// prints (为…，根据…计划，现将《…》印发给你们 read without its 印发语).
fn unfinished(p: &str) -> bool {
    p.trim_end().ends_with('，')
}

/// The upstream's decision to act, up to its 。 (决定在全县范围内开展…工作。), where its
/// decision is one (决定…开展/组织/实施/部署), short, and asks nothing of its recipients.
fn decision_to_act(paragraph: &str, w: &OpeningWords) -> Option<String> {
    let (word, verbs) = w.carried_decision.split_first()?;
    let at = decision_at(paragraph, w).filter(|&at| paragraph[at..].starts_with(word.as_str()))?;
    let end = at + paragraph[at..].find('。')? + '。'.len_utf8();
    let clause = &paragraph[at..end];
    let acts = verbs.iter().any(|v| clause.contains(v.as_str()))
        && !w
            .uncarried_areas
            .iter()
            .any(|a| clause.contains(a.as_str()));
    // 决定，自…起 without its subject reads 决定自…起.
    let clause = format!("{word}{}", clause[word.len()..].trim_start_matches('，'));
    (acts && clause.chars().count() <= 80 && !clause.contains(['：', '；'])).then_some(clause)
}

/// The office's decision with the upstream's decision to act before its announcement (结合某县
/// 实际，决定在全县开展…。现就有关事项通知如下：); a decision that decides already is kept.
fn with_decision(decision: &str, act: &str, w: &OpeningWords) -> String {
    let (word, _) = w
        .carried_decision
        .split_first()
        .expect("checked by decision_to_act");
    let at = w
        .announcements
        .iter()
        .filter_map(|a| decision.find(a.as_str()))
        .min();
    match at {
        Some(at) if !decision.contains(word.as_str()) => {
            format!("{}{act}{}", &decision[..at], &decision[at..])
        }
        _ => decision.to_owned(),
    }
}

/// The requests the decision's paragraph goes on with after the decision's sentence (现将《…》
/// 印发给你们，请认真抓好落实。各县（市、区）要于4月15日前…): the sentences from the first that
/// starts with a request word, as a paragraph of their own.
fn requests_after_decision(paragraph: &str, w: &OpeningWords) -> Option<String> {
    let at = decision_at(paragraph, w)?;
    let end = at + paragraph[at..].find('。')? + '。'.len_utf8();
    let mut rest = &paragraph[end..];
    while !rest.is_empty() {
        let rest_trimmed = rest.trim_start();
        if w.request_starts
            .iter()
            .any(|r| rest_trimmed.starts_with(r.as_str()))
        {
            return Some(rest_trimmed.to_owned());
        }
        let next = rest.find('。')? + '。'.len_utf8();
        rest = &rest[next..];
    }
    None
}

/// The part of a paragraph before the clause of its decision, up to and including the last ，
/// before it, without a trailing 经研究，.
pub fn reasons(paragraph: &str, w: &OpeningWords) -> String {
    let Some(at) = decision_at(paragraph, w) else {
        return String::new();
    };
    // The decision's own sentence: what stands before it in the paragraph is background.
    let start = paragraph[..at]
        .rfind('。')
        .map_or(0, |i| i + '。'.len_utf8());
    let mut r = match paragraph[..at].rfind('，') {
        Some(i) if i >= start => paragraph[..i + '，'.len_utf8()].to_owned(),
        _ => paragraph[..start].to_owned(),
    };
    while let Some(clause) = last_clause(&r) {
        if !is_procedure(&format!("{clause}，"), w) {
            break;
        }
        r.truncate(r.len() - clause.len() - '，'.len_utf8());
    }
    r
}

/// Whether `clause` (ending in ，) is one clause of the upstream's own procedure (经研究，
/// 经市政府同意，).
fn is_procedure(clause: &str, w: &OpeningWords) -> bool {
    let Some(body) = clause.strip_suffix('，') else {
        return false;
    };
    !body.contains(['，', '。'])
        && w.procedure_starts
            .iter()
            .any(|s| body.starts_with(s.as_str()))
        && w.procedure_ends.iter().any(|e| body.ends_with(e.as_str()))
}

/// Where the paragraph's decision starts: its first decision word.
fn decision_at(paragraph: &str, w: &OpeningWords) -> Option<usize> {
    w.decision_words
        .iter()
        .filter_map(|d| paragraph.find(d.as_str()))
        .min()
}

/// The last clause of reasons ending in ，, without that comma.
fn last_clause(r: &str) -> Option<&str> {
    let body = r.strip_suffix('，')?;
    let start = body.rfind(['，', '。']).map_or(0, |i| {
        i + body[i..].chars().next().map_or(0, char::len_utf8)
    });
    Some(&body[start..])
}

/// Reasons followed by the citation: a reason that already gives a basis (根据《…》，) takes
/// the citation with 和 instead of a second 根据; a basis followed by a purpose (根据《A》，为确保
/// …，) takes it before that purpose (根据《A》和《B》要求，为确保…，).
pub(crate) fn join_citation(reasons: &str, cite: &str, w: &OpeningWords) -> String {
    let is_basis = |c: &str| w.basis_words.iter().any(|b| c.starts_with(b.as_str()));
    let basis = last_clause(reasons).is_some_and(is_basis);
    let cited = w
        .basis_words
        .iter()
        .find_map(|b| cite.strip_prefix(b.as_str()));
    if let (false, Some(_)) = (basis, cited) {
        if let Some(end) = last_basis_end(reasons, is_basis) {
            let (head, purpose) = reasons.split_at(end);
            return format!("{}{purpose}", join_citation(head, cite, w));
        }
    }
    match (basis, cited) {
        (true, Some(rest)) => {
            let head = reasons.trim_end_matches('，');
            let clause = last_clause(reasons).unwrap_or("");
            let (before, clause) = head.split_at(head.len() - clause.len());
            // 根据《A》要求 and 《B》要求: the word both end with is said once, after the last
            // (根据《A》和《B》要求).
            let ending = rest
                .trim_end_matches('，')
                .rsplit(['》', '）'])
                .next()
                .filter(|e| !e.is_empty() && e.chars().count() <= 4)
                .unwrap_or("");
            // 根据…有关工作要求 and 《B》要求: the citation gives its word up instead
            // (根据…有关工作要求和《B》（…号），), not 要求 twice.
            let (clause, rest) = match clause.strip_suffix(ending) {
                Some(c) if !ending.is_empty() && c.ends_with(['》', '）']) => {
                    (c, rest.to_owned())
                }
                Some(_) if !ending.is_empty() => {
                    let bare = rest.trim_end_matches('，');
                    let tail = &rest[bare.len()..];
                    (
                        clause,
                        format!("{}{tail}", &bare[..bare.len() - ending.len()]),
                    )
                }
                _ => (clause, rest.to_owned()),
            };
            format!("{before}{}和{rest}", loosen_and(clause, w))
        }
        _ => format!("{reasons}{cite}"),
    }
}

/// Where the last clause of the reasons' last sentence that gives a basis ends (after its ，),
/// where clauses follow it.
fn last_basis_end(reasons: &str, is_basis: impl Fn(&str) -> bool) -> Option<usize> {
    let start = reasons.rfind('。').map_or(0, |i| i + '。'.len_utf8());
    let mut clause_start = start;
    let mut found = None;
    for (i, c) in reasons[start..].char_indices() {
        if c == '，' {
            let end = start + i + c.len_utf8();
            if is_basis(&reasons[clause_start..]) && end < reasons.len() {
                found = Some(end);
            }
            clause_start = end;
        }
    }
    found
}

/// A basis that already joins two things with 和 gives it up to the citation that now comes
/// last: 根据《A》和《B》 → 根据《A》《B》 (titles side by side take no mark between them),
/// 根据省委和省政府部署 → 根据省委、省政府部署. A 和 inside a title (中华人民共和国) stays.
fn loosen_and(clause: &str, w: &OpeningWords) -> String {
    // The 和 between two bases follows a title, its 发文字号 or a name (《A》和《B》,
    // 《A》（财库〔2026〕47号）和《B》, 省委和省政府); any other 和 is inside an office's name
    // (人力资源和社会保障厅), and is left.
    let joins = |before: &str| {
        before.ends_with('》')
            || before.ends_with("号）")
            || w.name_endings.iter().any(|e| before.ends_with(e.as_str()))
    };
    let mut depth = 0i32;
    let mut last = None;
    for (i, c) in clause.char_indices() {
        match c {
            '《' => depth += 1,
            '》' => depth -= 1,
            '和' if depth == 0 && joins(&clause[..i]) => last = Some(i),
            _ => {}
        }
    }
    let Some(i) = last else {
        return clause.to_owned();
    };
    let (a, b) = (&clause[..i], &clause[i + '和'.len_utf8()..]);
    let mark = if a.ends_with('》') && b.starts_with('《') {
        ""
    } else {
        "、"
    };
    format!("{a}{mark}{b}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words() -> OpeningWords {
        super::super::defaults::Defaults::embedded().opening.clone()
    }

    const CITE: &str = "根据省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号）要求，";
    const DECIDE: &str = "结合某县实际，现就有关事项通知如下：";

    /// The office's decision with the upstream's decision to act carried into it.
    fn decided(act: &str) -> String {
        DECIDE.replace("现就", &format!("{act}现就"))
    }

    #[test]
    fn requests_after_the_decision_in_its_paragraph_follow_the_office_s_decision() {
        let up = ["现将《2026年某市城乡生活垃圾分类工作要点》印发给你们，请结合实际认真抓好落实。各县（市、区）要于4月10日前制定本地区年度工作计划。"
            .to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [
                format!("{CITE}{DECIDE}"),
                "各县（市、区）要于4月10日前制定本地区年度工作计划。".to_owned()
            ]
        );
        // A decision's paragraph with nothing asked after it keeps nothing more.
        let up = ["为做好防汛工作，现就有关事项通知如下：".to_owned()];
        assert_eq!(opening(&up, CITE, DECIDE, &words()).len(), 1);
    }

    #[test]
    fn a_basis_of_two_titles_gives_its_he_to_the_citation() {
        let up = ["为保障饮食安全，根据《中华人民共和国食品安全法》和《学校食品安全规定》，现就有关事项通知如下："
            .to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            ["为保障饮食安全，根据《中华人民共和国食品安全法》《学校食品安全规定》和省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号）要求，结合某县实际，现就有关事项通知如下："]
        );
        // Both ending in 要求: it is said once.
        let up = ["为做好防控工作，根据《关于做好学校防控工作的通知》（湘卫发〔2026〕15号）要求，现就有关事项通知如下：".to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert!(
            o[0].contains("根据《关于做好学校防控工作的通知》（湘卫发〔2026〕15号）和省水利厅《"),
            "{o:?}"
        );
        let up = ["为做好防控工作，根据《学校卫生工作条例》和国家卫生健康委有关工作要求，现就有关事项通知如下：".to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert!(
            o[0].contains("根据《学校卫生工作条例》、国家卫生健康委有关工作要求和省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号），结合某县实际"),
            "{o:?}"
        );
        let up = ["为做好防汛工作，根据省委和省政府部署，现就有关事项通知如下：".to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert!(o[0].contains("根据省委、省政府部署和省水利厅《"), "{o:?}");
        // Two titles with their numbers: 、 between them, 和 before the citation alone.
        let up = ["部门决算是重要依据。根据《财政部关于做好部门决算编制工作的通知》（财库〔2026〕47号）和《省财政厅关于做好部门决算编报工作的通知》（闽财预〔2026〕58号）要求，现就有关事项通知如下：".to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert!(
            o[0].contains("（财库〔2026〕47号）、《省财政厅关于做好部门决算编报工作的通知》（闽财预〔2026〕58号）和省水利厅《"),
            "{o:?}"
        );
        // A 和 inside a name stays (人力资源和社会保障厅), the one after the title gives way.
        let up = ["为维护农民工权益，根据《保障农民工工资支付条例》和省人力资源和社会保障厅统一部署，现就有关事项通知如下："
            .to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert!(
            o[0].contains(
                "根据《保障农民工工资支付条例》、省人力资源和社会保障厅统一部署和省水利厅《"
            ),
            "{o:?}"
        );
    }

    #[test]
    fn the_upstream_s_decision_to_act_is_the_office_s_own_before_its_announcement() {
        let up = ["为维护农民工权益，根据人力资源社会保障部统一部署，省人力资源社会保障厅决定在全县开展2026年冬季根治欠薪专项行动。现将有关事项通知如下："
            .to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            ["为维护农民工权益，根据人力资源社会保障部统一部署和省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号）要求，结合某县实际，决定在全县开展2026年冬季根治欠薪专项行动。现就有关事项通知如下："]
        );
        // A decision that does not act (表彰) is not the office's; nor is one the office's
        // decision already makes.
        let up = [
            "为表彰先进，经研究，决定对张三等同志予以通报表扬。现将有关事项通知如下：".to_owned(),
        ];
        assert!(!opening(&up, CITE, DECIDE, &words())[0].contains("通报表扬"));
        let own = "某县决定组织开展2026年某某活动。现就有关事项通知如下：";
        let up =
            ["为做好宣传，经研究，决定在全县组织开展某某活动。现将有关事项通知如下：".to_owned()];
        assert!(opening(&up, CITE, own, &words())[0].ends_with(own));
        // 决定，自…: the comma that followed the deciding office goes with it.
        let up = ["为消除隐患，省教育厅决定，自12月上旬至2月下旬，在全省集中开展大排查大整治工作。现将有关事项通知如下："
            .to_owned()];
        assert!(
            opening(&up, CITE, DECIDE, &words())[0]
                .contains("实际，决定自12月上旬至2月下旬，在全省集中开展大排查大整治工作。现就"),
            "{:?}",
            opening(&up, CITE, DECIDE, &words())
        );
    }

    #[test]
    fn background_paragraphs_are_kept_and_the_procedure_dropped() {
        let up = [
            "今年5月12日是第18个全国防灾减灾日。当前正值汛期。".to_owned(),
            "为增强防灾减灾意识，提升自救互救能力，经研究，决定开展系列活动。现将有关事项通知如下："
                .to_owned(),
        ];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(o.len(), 2);
        assert_eq!(o[0], up[0]);
        // A cover's opening that is only its procedure (经市政府同意，) is not carried.
        let cover = opening(&["经市政府同意，".to_owned()], CITE, DECIDE, &words());
        assert_eq!(cover, [format!("{CITE}{DECIDE}")]);
        assert_eq!(
            o[1],
            format!(
                "为增强防灾减灾意识，提升自救互救能力，{CITE}{}",
                decided("决定开展系列活动。")
            )
        );
    }

    #[test]
    fn a_basis_in_the_reasons_is_joined_to_the_citation() {
        let up = [
            "为巩固成果，根据《农村供水工程维修养护资金管理办法》，现就有关事项通知如下："
                .to_owned(),
        ];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [format!(
                "为巩固成果，根据《农村供水工程维修养护资金管理办法》和省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号）要求，{DECIDE}"
            )]
        );
    }

    #[test]
    fn a_basis_before_a_purpose_takes_the_citation_before_that_purpose() {
        let up = [
            "年报工作是统计工作的基础。根据《国家统计局关于布置年报的通知》（国统字〔2026〕88号），为确保全省年报工作顺利开展，现就有关事项通知如下："
                .to_owned(),
        ];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [format!(
                "年报工作是统计工作的基础。根据《国家统计局关于布置年报的通知》（国统字〔2026〕88号）和省水利厅《关于做好供水工作的通知》（赣水字〔2026〕6号）要求，为确保全省年报工作顺利开展，{DECIDE}"
            )]
        );
    }

    #[test]
    fn the_deciding_office_is_not_carried_over() {
        let up = [
            "为深刻汲取事故教训，坚决防范事故发生，省住房城乡建设厅决定开展“回头看”工作。"
                .to_owned(),
        ];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [format!(
                "为深刻汲取事故教训，坚决防范事故发生，{CITE}{}",
                decided("决定开展“回头看”工作。")
            )]
        );
    }

    #[test]
    fn an_opening_without_a_decision_is_kept_whole_before_the_citation() {
        let up = ["农村供水工程是重要基础设施。".to_owned()];
        let o = opening(&up, CITE, DECIDE, &words());
        assert_eq!(o, [up[0].clone(), format!("{CITE}{DECIDE}")]);
    }

    #[test]
    fn the_requests_of_a_notice_without_sections_follow_the_decision() {
        let decided = [
            "为做好节日期间安全防范工作，经研究，决定开展节前安全检查。现将有关事项通知如下："
                .to_owned(),
            "各地要于1月10日前开展一次全面检查。".to_owned(),
            "节日期间，各地要严格落实24小时值班制度。".to_owned(),
        ];
        let o = opening(&decided, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [
                format!(
                    "为做好节日期间安全防范工作，{CITE}{}",
                    super::tests::decided("决定开展节前安全检查。")
                ),
                decided[1].clone(),
                decided[2].clone()
            ]
        );
        let undecided = [
            "元旦将至。".to_owned(),
            "请于1月12日前报送统计表。".to_owned(),
        ];
        let o = opening(&undecided, CITE, DECIDE, &words());
        assert_eq!(
            o,
            [
                undecided[0].clone(),
                format!("{CITE}{DECIDE}"),
                undecided[1].clone()
            ]
        );
    }
}
