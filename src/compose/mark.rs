//! 版头: the issuer mark's size and shape, the 发文字号, the 签发人 line.

use super::kind::{self, KindLayout};
use super::text::{doc_number, width_chars};
use crate::gbt9704 as std_;
use crate::model::{Header, HeaderStyle, Mark, MarkLine, Signers};

/// Composes the 版头 of a spec header in its kind's format (the mark's suffix, where it sits,
/// the red line or double lines, the 发文字号 or 令号).
pub fn header(h: &crate::spec::Header, layout: &KindLayout) -> Header {
    let suffix = h
        .mark_suffix
        .as_deref()
        .unwrap_or(layout.mark_suffix)
        .trim();
    let mark = mark_of(h, suffix, layout);
    let number = match layout.style {
        HeaderStyle::Order => h.order_number.map(|n| format!("第{n}号")),
        _ => h
            .doc_number
            .as_ref()
            .map(|n| doc_number(&n.code, n.year, n.serial)),
    };
    Header {
        style: layout.style,
        mark_top_mm: layout.mark_top_mm,
        separator: layout.separator,
        double_rules: if layout.style == HeaderStyle::Letter {
            kind::letter_rules(layout.mark_top_mm, height_mm(&mark))
        } else {
            Vec::new()
        },
        copy_number: h.copy_number.clone(),
        secrecy: h.secrecy.clone(),
        urgency: h.urgency.clone(),
        mark,
        doc_number: number,
        signers: (!h.signers.is_empty()).then(|| Signers {
            label: "签发人：".to_owned(),
            // §7.2.5: several names spaced evenly, one character apart.
            names: h.signers.join("\u{3000}"),
        }),
    }
}

/// Height of a mark: its lines and the gaps between them (mm).
pub fn height_mm(m: &Mark) -> f64 {
    let n = m.lines.len().max(1) as f64;
    (n * m.size_pt + (n - 1.0) * std_::MARK_LINE_GAP_EM * m.size_pt) / std_::PT_PER_MM
}

/// The mark of a header: the office's own lines, the joint issuers (the lead issuer alone in
/// the 信函格式), or one name (broken over lines when it is too long for one).
fn mark_of(h: &crate::spec::Header, suffix: &str, layout: &KindLayout) -> Mark {
    let cap = layout.mark_max_pt;
    if !h.mark_lines.is_empty() {
        return capped(&h.mark_lines, suffix, h.mark_size, cap);
    }
    if h.issuers.len() > 1 && !layout.lead_issuer_only {
        return capped(&h.issuers, suffix, h.mark_size, cap);
    }
    let name = h.issuers.first().map(|n| n.trim()).unwrap_or_default();
    let one = capped(&[name.to_owned()], suffix, h.mark_size, cap);
    if one.size_pt >= std_::MARK_MIN_ONE_LINE_PT || name.chars().count() < 4 {
        return one;
    }
    let size = |lines: &[String]| capped(lines, suffix, h.mark_size, cap).size_pt;
    let lines = (2..=3)
        .filter_map(|n| name_at_words(name, n, &size))
        .find(|lines| size(lines) >= std_::MARK_MIN_ONE_LINE_PT)
        .unwrap_or_else(|| break_name(name));
    capped(&lines, suffix, h.mark_size, cap)
}

/// Ends of a place's name (宁波市鄞州区): after one an office's name breaks best.
const PLACE_ENDS: [char; 7] = ['省', '市', '区', '县', '州', '盟', '旗'];

/// A long issuer name in `n` lines broken only between words: the break giving the largest
/// mark (`size`), then breaking after the place (宁波市鄞州区 / 人力资源和社会保障局), then the
/// longer line first. None where the name has too few word boundaries.
fn name_at_words(name: &str, n: usize, size: &dyn Fn(&[String]) -> f64) -> Option<Vec<String>> {
    let chars: Vec<char> = name.chars().collect();
    let costs = super::words::break_costs(&chars);
    let cuts: Vec<usize> = (1..chars.len())
        .filter(|&i| super::words::is_word_boundary(&costs, i))
        .collect();
    let mut best: Option<((f64, usize, bool), Vec<String>)> = None;
    for chosen in choices(&cuts, n - 1) {
        let ends: Vec<usize> = std::iter::once(0)
            .chain(chosen.iter().copied())
            .chain(std::iter::once(chars.len()))
            .collect();
        let lines: Vec<String> = ends
            .windows(2)
            .map(|w| chars[w[0]..w[1]].iter().collect())
            .collect();
        let places = chosen
            .iter()
            .filter(|&&i| PLACE_ENDS.contains(&chars[i - 1]))
            .count();
        let top_heavy = ends[1] * 2 >= chars.len();
        let score = ((size(&lines) * 10.0).round(), places, top_heavy);
        let better = best
            .as_ref()
            .is_none_or(|(b, _)| (score.0, score.1, score.2) > (b.0, b.1, b.2));
        if better {
            best = Some((score, lines));
        }
    }
    best.map(|(_, lines)| lines)
}

/// Every choice of `k` of `items`, in order.
fn choices(items: &[usize], k: usize) -> Vec<Vec<usize>> {
    if k == 0 {
        return vec![Vec::new()];
    }
    (0..items.len())
        .flat_map(|i| {
            choices(&items[i + 1..], k - 1)
                .into_iter()
                .map(move |mut rest| {
                    rest.insert(0, items[i]);
                    rest
                })
        })
        .collect()
}

/// A long issuer name in as few balanced lines as keep the stacked mark at least
/// [`std_::MARK_MIN_ONE_LINE_PT`], broken at word boundaries (the title's lexicon); for a name
/// with too few boundaries between its words.
fn break_name(name: &str) -> Vec<String> {
    let width = width_chars(name);
    let text_width_pt = std_::TEXT_WIDTH_MM * std_::PT_PER_MM;
    let split = |n: usize| super::title::break_title(name, (width / n as f64).ceil() + 1.0);
    (2..=3)
        .map(split)
        .find(|lines| {
            let widest = lines.iter().map(|l| width_chars(l)).fold(0.0, f64::max);
            text_width_pt / widest >= std_::MARK_MIN_ONE_LINE_PT
        })
        .unwrap_or_else(|| split(4))
}

/// The issuer mark, sized to the office's wish but never wider than the text block, at most
/// `single_cap` on one line (stacked marks never larger than a joint issue's); several lines
/// are stacked and spread to the widest, the suffix to their right.
fn capped(issuers: &[String], suffix: &str, size: Option<f64>, single_cap: f64) -> Mark {
    let text_width_pt = std_::TEXT_WIDTH_MM * std_::PT_PER_MM;
    let names: Vec<&str> = issuers.iter().map(|s| s.trim()).collect();
    let stacked = names.len() > 1;
    let widest = names.iter().map(|n| width_chars(n)).fold(0.0, f64::max);
    let suffix_w = width_chars(suffix);
    let gap = if suffix_w > 0.0 {
        std_::MARK_SUFFIX_GAP_EM
    } else {
        0.0
    };
    let (width_em, cap) = if stacked {
        (
            widest + gap + suffix_w,
            std_::MARK_MAX_JOINT_PT.min(single_cap),
        )
    } else {
        (widest + suffix_w, single_cap)
    };
    let fit = (text_width_pt / width_em * 10.0).floor() / 10.0;
    let size_pt = size.unwrap_or(cap).min(fit);
    let lines = names
        .iter()
        .map(|n| {
            let count = n.chars().count();
            let tracking_em = if stacked && count > 1 {
                (widest - width_chars(n)) / (count - 1) as f64
            } else {
                0.0
            };
            MarkLine {
                text: (*n).to_owned(),
                tracking_em,
            }
        })
        .collect();
    Mark {
        lines,
        suffix: suffix.trim().to_owned(),
        size_pt,
        width_em: widest,
        stacked,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_single_mark_is_fitted_to_the_text_block() {
        let m = capped(
            &["上海市知识产权联席会议办公室".into()],
            "文件",
            None,
            std_::MARK_MAX_SINGLE_PT,
        );
        let width_mm = 16.0 * m.size_pt / std_::PT_PER_MM;
        assert!(width_mm <= std_::TEXT_WIDTH_MM, "{width_mm}");
    }

    #[test]
    fn joint_names_are_spread_to_the_widest() {
        let m = capped(
            &[
                "国家知识产权局".into(),
                "中央宣传部".into(),
                "市场监管总局".into(),
            ],
            "文件",
            None,
            std_::MARK_MAX_SINGLE_PT,
        );
        assert!(m.stacked);
        assert_eq!(m.lines[0].tracking_em, 0.0);
        assert!((m.lines[1].tracking_em - 0.5).abs() < 1e-9);
        assert!((m.lines[2].tracking_em - 0.2).abs() < 1e-9);
    }

    fn spec_header(toml: &str) -> crate::spec::Header {
        toml::from_str(toml).unwrap()
    }

    #[test]
    fn a_name_too_long_for_one_line_is_broken_at_a_word_and_stacked_without_suffix() {
        let h = spec_header(
            "issuers = [\"五华区知识产权战略实施工作联席会议领导小组办公室\"]\nmark_suffix = \"\"",
        );
        let m = header(&h, &kind::layout(crate::spec::DocKind::Notice)).mark;
        let lines: Vec<&str> = m.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            ["五华区知识产权战略实施工作", "联席会议领导小组办公室"]
        );
        assert!(m.stacked);
        assert_eq!(m.suffix, "");
        // 13 characters at the widest, fitted to 156 mm: 34.0 pt.
        assert_eq!(m.size_pt, 34.0);
        // The second line (11 characters) is spread to the first's width: 2 em over 10 gaps.
        assert!((m.lines[1].tracking_em - 0.2).abs() < 1e-9);
    }

    #[test]
    fn a_long_name_breaks_after_its_place_where_the_mark_keeps_its_size() {
        let h = spec_header("issuers = [\"宁波市鄞州区人力资源和社会保障局\"]");
        let m = header(&h, &kind::layout(crate::spec::DocKind::Notice)).mark;
        let lines: Vec<&str> = m.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(lines, ["宁波市鄞州区", "人力资源和社会保障局"]);
    }

    #[test]
    fn the_office_may_break_the_name_itself_and_omit_the_doc_number() {
        let h = spec_header(
            "issuers = [\"某区联席会议办公室\"]\nmark_lines = [\"某区\", \"联席会议办公室\"]",
        );
        let out = header(&h, &kind::layout(crate::spec::DocKind::Notice));
        assert_eq!(out.mark.lines.len(), 2);
        assert!(out.mark.stacked);
        assert_eq!(out.mark.suffix, "文件");
        assert_eq!(out.doc_number, None);
    }

    #[test]
    fn short_names_keep_one_line_with_the_kind_suffix() {
        let h = spec_header("issuers = [\"某市人民政府\"]");
        let m = header(&h, &kind::layout(crate::spec::DocKind::Minutes)).mark;
        assert!(!m.stacked);
        assert_eq!(m.suffix, "纪要");
        assert_eq!(m.size_pt, std_::MARK_MAX_SINGLE_PT);
    }
}
