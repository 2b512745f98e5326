//! The document a relaying upstream passes on (转发): its enclosure when the upstream prints it,
//! or, for a relaying notice that came with the relayed document attached and not printed
//! (关于转发《Y》的通知, Y a file beside it, as government web pages publish them), Y named by
//! the title and cited by the number the opening gives it (现将《Y》（粤人社函〔2026〕87号）转发给你们).

use super::defaults::Defaults;
use crate::spec::{Enclosure, Paragraphs, Spec};
use std::borrow::Cow;

/// The document `upstream` relays: its enclosure, else the attached one its title names.
pub fn relayed_doc(upstream: &Spec) -> Option<Cow<'_, Enclosure>> {
    match upstream.relayed() {
        Some(e) => Some(Cow::Borrowed(e)),
        None => attached(upstream).map(Cow::Owned),
    }
}

/// The relayed document of a relaying notice without an enclosure: the title's 《…》 after
/// 关于转发, with the number the opening cites it by.
pub fn attached(upstream: &Spec) -> Option<Enclosure> {
    attached_by(upstream, &Defaults::embedded().patterns.relay_verb)
}

/// The document a notice without an enclosure prints or relays with `verb` (印发, 转发): the
/// title's 《…》 after 关于{verb}, with the number the opening cites it by.
pub fn attached_by(upstream: &Spec, verb: &str) -> Option<Enclosure> {
    if upstream.enclosure.is_some() {
        return None;
    }
    let d = Defaults::embedded();
    let title = relayed_title(&upstream.title, verb, &d.title.endings)?;
    Some(Enclosure {
        number: cited_number(&upstream.opening, &title),
        title,
        recipients: None,
        opening: Paragraphs::default(),
        closing: Paragraphs::default(),
        sections: Vec::new(),
        signature: None,
        notes: Vec::new(),
        contacts: None,
    })
}

/// Y of 「…关于{verb}《Y》{ending}」 (its inner 〈〉 back to 《》), where the title ends there.
fn relayed_title(title: &str, verb: &str, endings: &[String]) -> Option<String> {
    let title = title.trim();
    let open = format!("关于{verb}《");
    let start = title.find(&open)? + open.len();
    let end = title.rfind('》').filter(|&e| e >= start)?;
    let rest = &title[end + '》'.len_utf8()..];
    if !endings.iter().any(|e| rest == e.as_str()) {
        return None;
    }
    let inner: String = title[start..end]
        .chars()
        .map(|c| match c {
            '〈' => '《',
            '〉' => '》',
            c => c,
        })
        .collect();
    Some(inner.trim().to_owned()).filter(|t| !t.is_empty())
}

/// The 发文字号 that follows 《title》 in the opening: （粤人社函〔2026〕87号）.
fn cited_number(opening: &Paragraphs, title: &str) -> Option<String> {
    let cited = crate::compose::text::book_title(title);
    let plain = format!("《{title}》");
    opening.0.iter().find_map(|p| {
        let at = p.find(&cited).map(|i| i + cited.len());
        let at = at.or_else(|| p.find(&plain).map(|i| i + plain.len()))?;
        let inner = p[at..].strip_prefix(['（', '('])?;
        let close = inner.find(['）', ')'])?;
        let number = inner[..close].trim();
        (number.contains('〔') && number.ends_with('号')).then(|| number.to_owned())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endings() -> Vec<String> {
        vec!["活动的通知".into(), "的通知".into(), "通知".into()]
    }

    #[test]
    fn a_relaying_title_names_the_relayed_document() {
        let t = "某市人力资源和社会保障局关于转发《某省人力资源和社会保障厅关于做好2026年高校毕业生就业工作的通知》的通知";
        assert_eq!(
            relayed_title(t, "转发", &endings()).as_deref(),
            Some("某省人力资源和社会保障厅关于做好2026年高校毕业生就业工作的通知")
        );
        let nested = "某县关于转发《某市关于转发〈某省关于做好某工作的通知〉的通知》的通知";
        assert_eq!(
            relayed_title(nested, "转发", &endings()).as_deref(),
            Some("某市关于转发《某省关于做好某工作的通知》的通知")
        );
    }

    #[test]
    fn a_title_that_only_quotes_a_document_relays_nothing() {
        for t in [
            "某市关于做好2026年某工作的通知",
            "某市关于印发《某工作方案》的通知",
            "某市关于转发《某通知》有关事项的说明",
        ] {
            assert_eq!(relayed_title(t, "转发", &endings()), None, "{t}");
        }
    }

    #[test]
    fn the_opening_gives_the_relayed_document_s_number() {
        let opening = Paragraphs(vec![
            "现将《某省厅关于做好某工作的通知》（粤人社函〔2026〕87号）转发给你们，请一并贯彻落实。"
                .into(),
        ]);
        assert_eq!(
            cited_number(&opening, "某省厅关于做好某工作的通知").as_deref(),
            Some("粤人社函〔2026〕87号")
        );
        let unnumbered = Paragraphs(vec!["现将《某省厅关于做好某工作的通知》转发给你们。".into()]);
        assert_eq!(
            cited_number(&unnumbered, "某省厅关于做好某工作的通知"),
            None
        );
    }
}
