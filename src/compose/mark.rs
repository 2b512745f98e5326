//! 版头: the issuer mark's size and shape, the 发文字号, the 签发人 line.

use super::text::{doc_number, width_chars};
use crate::gbt9704 as std_;
use crate::model::{Header, Mark, MarkLine, Signers};

/// Composes the 版头 of a spec header.
pub fn header(h: &crate::spec::Header) -> Header {
    Header {
        copy_number: h.copy_number.clone(),
        secrecy: h.secrecy.clone(),
        urgency: h.urgency.clone(),
        mark: mark(&h.issuers, &h.mark_suffix, h.mark_size),
        doc_number: doc_number(&h.doc_number.code, h.doc_number.year, h.doc_number.serial),
        signers: (!h.signers.is_empty()).then(|| Signers {
            label: "签发人：".to_owned(),
            names: h.signers.join(" "),
        }),
    }
}

/// The issuer mark, sized to the office's wish but never wider than the text block.
pub fn mark(issuers: &[String], suffix: &str, size: Option<f64>) -> Mark {
    let text_width_pt = std_::TEXT_WIDTH_MM * std_::PT_PER_MM;
    let names: Vec<&str> = issuers.iter().map(|s| s.trim()).collect();
    let joint = names.len() > 1;
    let widest = names.iter().map(|n| width_chars(n)).fold(0.0, f64::max);
    let suffix_w = width_chars(suffix);
    let (width_em, cap) = if joint {
        (
            widest + std_::MARK_SUFFIX_GAP_EM + suffix_w,
            std_::MARK_MAX_JOINT_PT,
        )
    } else {
        (widest + suffix_w, std_::MARK_MAX_SINGLE_PT)
    };
    let fit = (text_width_pt / width_em * 10.0).floor() / 10.0;
    let size_pt = size.unwrap_or(cap).min(fit);
    let lines = names
        .iter()
        .map(|n| {
            let count = n.chars().count();
            let tracking_em = if joint && count > 1 {
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
        joint,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_single_mark_is_fitted_to_the_text_block() {
        let m = mark(&["上海市知识产权联席会议办公室".into()], "文件", None);
        let width_mm = 16.0 * m.size_pt / std_::PT_PER_MM;
        assert!(width_mm <= std_::TEXT_WIDTH_MM, "{width_mm}");
    }

    #[test]
    fn joint_names_are_spread_to_the_widest() {
        let m = mark(
            &[
                "国家知识产权局".into(),
                "中央宣传部".into(),
                "市场监管总局".into(),
            ],
            "文件",
            None,
        );
        assert!(m.joint);
        assert_eq!(m.lines[0].tracking_em, 0.0);
        assert!((m.lines[1].tracking_em - 0.5).abs() < 1e-9);
        assert!((m.lines[2].tracking_em - 0.2).abs() < 1e-9);
    }
}
