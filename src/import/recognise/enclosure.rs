//! The document a cover notice prints or relays (印发的文件, 转发的文件): where it starts, the
//! sentence that transmits it, and the tables inside it.

use super::Doc;
use crate::spec::{Annex, Annotated};

/// Where a cover notice's transmitted document starts.
#[derive(Debug, Clone)]
pub(super) struct Cover {
    /// Its title, as the transmit sentence names it.
    pub title: String,
    /// 印发 or 转发.
    pub verb: String,
    /// The relayed document's 发文字号 where the sentence cites it: 现将《…》（川教函〔2026〕412号）转发….
    pub number: Option<String>,
    /// The line its title starts on, and how many lines the title takes.
    pub title_at: usize,
    pub title_lines: usize,
}

/// How a cover notice hands its document over, after 《…》 or after 《…》（number）, with its
/// 「，」: 现将《X》印发给你们，/ 省局制定了《X》，现印发给你们，/ 《X》已经局务会审议通过，现予印发，.
const HANDOVERS: &[&str] = &[
    "印发给你们，",
    "印发你们，",
    "转发给你们，",
    "转发你们，",
    "现予印发，",
    "现予转发，",
    "现印发给你们，",
    "现转发给你们，",
];

fn squeeze(s: &str) -> String {
    s.split_whitespace().collect()
}

/// Finds the document a cover notice transmits after line `from`: the one its sentence names
/// (现将《X》印发给你们), else the one its title names (关于印发《X》的通知, the document then
/// usually printed as 附件 with 「附件」 above its title), and the line where X's title stands.
pub(super) fn find_enclosure(d: &Doc, from: usize, title: &str) -> Option<Cover> {
    by_sentence(d, from).or_else(|| by_title(d, from, title))
}

fn by_sentence(d: &Doc, from: usize) -> Option<Cover> {
    let at = (from..d.len()).find(|&k| d.text(k).contains("现将《"))?;
    let joined = format!("{}{}", d.text(at), d.text(at + 1));
    let start = joined.find("现将《")? + "现将《".len();
    let end = start + joined[start..].find('》')?;
    let title = joined[start..end].to_owned();
    let after = &joined[end + '》'.len_utf8()..];
    let (number, after) = cited_number(after);
    let verb = if after.starts_with("转发") {
        "转发"
    } else {
        "印发"
    };
    titled_at(d, at + 1, &title).map(|(k, n)| Cover {
        title,
        verb: verb.to_owned(),
        number,
        title_at: k,
        title_lines: n,
    })
}

/// 关于印发《X》的通知 (or 转发): X, when a line after the body spells it, and the body hands
/// it over in words of [`HANDOVERS`].
fn by_title(d: &Doc, from: usize, title: &str) -> Option<Cover> {
    let (verb, rest) = ["印发《", "转发《"]
        .iter()
        .find_map(|v| title.split_once(v).map(|(_, r)| (&v[..6], r)))?;
    let inner = rest.strip_suffix("》的通知")?;
    let quoted = format!("《{inner}》");
    let at = (from..d.len()).find(|&k| d.text(k).contains(&quoted))?;
    let after = d.text(at).split_once(&quoted)?.1;
    let (number, after) = cited_number(after);
    HANDOVERS.iter().any(|h| after.contains(h)).then_some(())?;
    titled_at(d, at + 1, inner).map(|(k, n)| Cover {
        title: inner.to_owned(),
        verb: verb.to_owned(),
        number,
        title_at: k,
        title_lines: n,
    })
}

/// The first line from `from` that spells `title` alone or with the next line.
fn titled_at(d: &Doc, from: usize, title: &str) -> Option<(usize, usize)> {
    let wanted = squeeze(title);
    (from..d.len()).find_map(|k| {
        let one = squeeze(d.text(k));
        if one == wanted {
            return Some((k, 1));
        }
        let two = format!("{one}{}", squeeze(d.text(k + 1)));
        (two == wanted).then_some((k, 2))
    })
}

/// A 发文字号 in parentheses right after the title (（川教函〔2026〕412号）), and the text after it.
fn cited_number(after: &str) -> (Option<String>, &str) {
    let Some(inner) = after.strip_prefix('（') else {
        return (None, after);
    };
    match inner.find('）') {
        Some(close) if inner[..close].ends_with('号') && inner[..close].contains('〔') => (
            Some(inner[..close].to_owned()),
            &inner[close + '）'.len_utf8()..],
        ),
        _ => (None, after),
    }
}

/// Where the transmit sentence stands in paragraph `p`: from 现将《 (or from the clause that
/// names the document: 省局制定了《X》，) to the end of its handover words.
fn transmit_span(p: &str, c: &Cover) -> Option<(usize, usize)> {
    let cited = c
        .number
        .as_ref()
        .map(|n| format!("（{n}）"))
        .unwrap_or_default();
    let lead = format!("现将《{}》{cited}{}给你们，", c.title, c.verb);
    if let Some(at) = p.find(&lead) {
        return Some((at, at + lead.len()));
    }
    let quoted = format!("《{}》{cited}", c.title);
    let named = p.find(&quoted)?;
    let after = named + quoted.len();
    let end = HANDOVERS
        .iter()
        .filter_map(|h| p[after..].find(h).map(|k| after + k + h.len()))
        .filter(|&e| !p[after..e].contains('。'))
        .min()?;
    let start = if p[..named].ends_with("现将") {
        named - "现将".len()
    } else {
        p[..named]
            .rfind(['，', '。'])
            .map_or(0, |k| k + '，'.len_utf8())
    };
    Some((start, end))
}

/// Moves the transmit sentence out of the opening: compose writes it from the enclosure.
pub(super) fn split_transmit(d: &mut Doc, out: &mut Annotated, c: &Cover) {
    let draft = &mut out.spec;
    let found = draft
        .opening
        .0
        .iter()
        .enumerate()
        .find_map(|(k, p)| transmit_span(p, c).map(|span| (k, span)));
    let Some((pos, (start, end))) = found else {
        let what = format!("现将《{}》{}给你们", c.title, c.verb);
        d.not_placed(0, format!("印发通知的“{what}”一句未在正文开头找到，请核对"));
        return;
    };
    let p = draft.opening.0[pos].clone();
    let (before, request) = (&p[..start], &p[end..]);
    let ends_its_paragraph = before.is_empty() || before.ends_with('，');
    let mut request = request.to_owned();
    // Paragraphs after the 印发语 (各县区要于1月12日前…报送…) are what the notice asks beyond
    // it: they go on after it, in its order, not before it. (A 转发 notice's own requirements
    // after its 转发语 stay where they are: the relaying office's, passed on as such.)
    if ends_its_paragraph && c.verb == "印发" {
        for after in draft.opening.0.drain(pos + 1..) {
            request.push_str(after.trim());
        }
    }
    if request != "请认真贯彻落实。" {
        draft.transmit = Some(request);
    }
    if c.verb != "印发" {
        draft.transmit_verb = Some(c.verb.clone());
    }
    let last = pos + 1 == draft.opening.0.len();
    if !last || !ends_its_paragraph {
        d.not_placed(0, "印发语不在正文开头的末尾，生成的印发语位置可能不同");
    }
    if before.is_empty() {
        draft.opening.0.remove(pos);
    } else {
        draft.opening.0[pos] = before.to_owned();
    }
}

/// Where a paragraph points at a table printed under it, and how it points at an annex
/// (`{}` the annex's label): 标准如下表： → 标准见附件2。
const BELOW: &[(&str, &str)] = &[
    ("如下表：", "见{}。"),
    ("如下表。", "见{}。"),
    ("如下表", "见{}"),
    ("见下表", "见{}"),
];

/// Calls its argument on every paragraph of a body.
pub(super) type Walk<'a> = dyn FnMut(&mut dyn FnMut(&mut String)) + 'a;

/// Tables of a document's body become annexes (a section of the spec holds no table), each
/// titled by its caption line, else by the heading of its section (任务分配 → 任务分配表), else
/// `fallback` 附表N; the sentence that pointed below points at the annex (具体见下表 → 具体见附件).
/// `walk` calls its argument on every paragraph of that body; the annexes are numbered from
/// `first` (1 for the notice's first), 附件 alone where `only`.
pub(super) fn tables_as_annexes(
    d: &mut Doc,
    tables: Vec<(usize, Annex)>,
    walk: &mut Walk,
    (fallback, whose): (&str, &str),
    first: usize,
    only: bool,
) -> Vec<Annex> {
    let mut out = Vec::new();
    for (k, (at, mut a)) in tables.into_iter().enumerate() {
        let n = first + k;
        let label = if only {
            "附件".to_owned()
        } else {
            format!("附件{n}")
        };
        let mut pointed = false;
        walk(&mut |t: &mut String| {
            let below = BELOW.iter().find(|(b, _)| t.contains(*b));
            if let Some((b, to)) = below.filter(|_| !pointed) {
                *t = t.replacen(b, &to.replace("{}", &label), 1);
                pointed = true;
            }
        });
        if a.title.is_empty() {
            a.title = format!("{fallback}附表{}", k + 1);
        }
        d.not_placed(
            at,
            format!(
                "{whose}中的表格作为{label}“{}”导入（正文的层次中不能排表格）{}：请核对标题和位置",
                a.title,
                if pointed {
                    "，原文“见下表”改为“见附件”"
                } else {
                    ""
                }
            ),
        );
        out.push(a);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cover(title: &str) -> Cover {
        Cover {
            title: title.into(),
            verb: "印发".into(),
            number: None,
            title_at: 0,
            title_lines: 1,
        }
    }

    #[test]
    fn a_plan_the_office_drew_up_is_handed_over_from_the_clause_that_names_it() {
        let p = "为防范风险，根据有关规定，省局制定了《2027年抽检实施方案》，现印发给你们，请结合实际认真贯彻执行。";
        let (s, e) = transmit_span(p, &cover("2027年抽检实施方案")).unwrap();
        assert_eq!(&p[..s], "为防范风险，根据有关规定，");
        assert_eq!(&p[e..], "请结合实际认真贯彻执行。");
    }

    #[test]
    fn the_usual_handover_sentence_is_found_whole() {
        let p = "现将《某方案》印发给你们，请认真贯彻落实。";
        let (s, e) = transmit_span(p, &cover("某方案")).unwrap();
        assert_eq!((s, &p[e..]), (0, "请认真贯彻落实。"));
    }

    #[test]
    fn a_document_only_named_is_not_handed_over() {
        let p = "根据《某方案》要求，做好有关工作。";
        assert_eq!(transmit_span(p, &cover("某方案")), None);
    }
}
