//! 发文机关署名和成文日期: where the name and the date sit, with and without a seal.

use super::text::{chinese_date, printed_width};
use crate::gbt9704 as std_;
use crate::model::{RightLine, Signature};

/// Places the issuer name and date by GB/T 9704 7.3.5.
pub fn signature(s: &crate::spec::Signature) -> Signature {
    if let Some(sig) = signer_seal(s) {
        return sig;
    }
    let date = chinese_date(s.date);
    let date_w = printed_width(&date);
    let names = s.names();
    let widest = names.iter().map(|n| printed_width(n)).fold(0.0, f64::max);
    // Without a seal: names 右空二字, the date starting two characters further right than the
    // widest, or 右空二字 and the names pushed left when the date is longer.
    let unsealed_date =
        std_::UNSEALED_NAME_RIGHT_CHARS + widest - std_::UNSEALED_DATE_SHIFT_CHARS - date_w;
    let push = (std_::UNSEALED_NAME_RIGHT_CHARS - unsealed_date).max(0.0);
    let date_right = match (names.is_empty(), s.sealed) {
        (_, true) => std_::SEALED_DATE_RIGHT_CHARS,
        (true, false) => std_::UNSEALED_NAME_RIGHT_CHARS,
        (false, false) => unsealed_date.max(std_::UNSEALED_NAME_RIGHT_CHARS),
    };
    let right_of = |n: &str| {
        if s.sealed {
            // With a seal: date 右空四字, each name centred over the date.
            (std_::SEALED_DATE_RIGHT_CHARS + (date_w - printed_width(n)) / 2.0).max(0.0)
        } else {
            std_::UNSEALED_NAME_RIGHT_CHARS + push + (widest - printed_width(n))
        }
    };
    Signature {
        date_blank_lines: 0,
        blank_lines_before: if s.sealed {
            std_::SEALED_BLANK_LINES
        } else {
            std_::UNSEALED_BLANK_LINES
        },
        issuers: names
            .iter()
            .map(|n| RightLine {
                text: n.clone(),
                right_indent: right_of(n),
            })
            .collect(),
        date: RightLine {
            text: date,
            right_indent: date_right,
        },
    }
}

/// GB/T 9704 7.3.5.3: with a 签发人签名章 (a 命令), two lines below the body the seal 右空四字
/// with the signer's 职务 two characters left of it, and the date one blank line below the seal,
/// 右空四字. The name stands where the seal is applied.
fn signer_seal(s: &crate::spec::Signature) -> Option<Signature> {
    let name = s
        .signer
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty())?;
    let role = s.signer_role.as_deref().map(str::trim).unwrap_or_default();
    let gap = if role.is_empty() {
        ""
    } else {
        "\u{3000}\u{3000}"
    };
    Some(Signature {
        blank_lines_before: std_::SEALED_BLANK_LINES,
        issuers: vec![RightLine {
            text: format!("{role}{gap}{name}"),
            right_indent: std_::SEALED_DATE_RIGHT_CHARS,
        }],
        date_blank_lines: std_::SIGNER_DATE_BLANK_LINES,
        date: RightLine {
            text: chinese_date(s.date),
            right_indent: std_::SEALED_DATE_RIGHT_CHARS,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn sig(name: &str, sealed: bool) -> Signature {
        signature(&crate::spec::Signature {
            issuer: Some(name.into()),
            issuers: Vec::new(),
            date: NaiveDate::from_ymd_opt(2025, 4, 2).unwrap(),
            sealed,
            signer: None,
            signer_role: None,
            after_enclosure: false,
        })
    }

    #[test]
    fn sealed_date_is_four_characters_from_the_right_and_name_centred_over_it() {
        let s = sig("上海市知识产权局", true);
        assert_eq!(s.date.right_indent, 4.0);
        // 2025年4月2日 prints 7.25 characters wide (6 of glyphs and five quarter-character
        // gaps where Chinese meets digits), the name 8: centred, it reaches 0.375 past each end.
        assert_eq!(s.issuers[0].clone().right_indent, 4.0 - 0.375);
    }

    #[test]
    fn unsealed_date_starts_two_characters_right_of_the_name() {
        let s = sig("上海市知识产权联席会议办公室", false);
        let name = s.issuers[0].clone();
        assert_eq!(name.right_indent, 2.0);
        // name 14 wide starting at 16 from the right; the date (7.25 printed) starts 2 further
        // right.
        assert_eq!(s.date.right_indent, 2.0 + 14.0 - 2.0 - 7.25);
    }

    #[test]
    fn unsealed_short_name_is_pushed_left_by_a_long_date() {
        let s = sig("某局", false);
        assert_eq!(s.date.right_indent, 2.0);
        assert_eq!(s.issuers[0].clone().right_indent, 2.0 + 7.25);
    }

    #[test]
    fn a_joint_signature_has_one_line_per_office() {
        let joint = |sealed| {
            signature(&crate::spec::Signature {
                issuer: None,
                issuers: vec!["国家发展改革委办公厅".into(), "生态环境部办公厅".into()],
                date: NaiveDate::from_ymd_opt(2026, 6, 10).unwrap(),
                sealed,
                signer: None,
                signer_role: None,
                after_enclosure: false,
            })
        };
        let s = joint(true);
        let texts: Vec<&str> = s.issuers.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["国家发展改革委办公厅", "生态环境部办公厅"]);
        // 2026年6月10日 prints 7.75 characters wide: each name centred over it.
        assert_eq!(s.issuers[0].right_indent, 4.0 + (7.75 - 10.0) / 2.0);
        assert_eq!(s.issuers[1].right_indent, 4.0 + (7.75 - 8.0) / 2.0);
        // Without a seal the names start at one left edge, the widest 右空二字.
        let s = joint(false);
        assert_eq!(s.issuers[0].right_indent, 2.0);
        assert_eq!(s.issuers[1].right_indent, 4.0);
    }
}
