//! 发文机关署名和成文日期: where the name and the date sit, with and without a seal.

use super::text::{chinese_date, width_chars};
use crate::gbt9704 as std_;
use crate::model::{RightLine, Signature};

/// Places the issuer name and date by GB/T 9704 7.3.5.
pub fn signature(s: &crate::spec::Signature) -> Signature {
    if let Some(sig) = signer_seal(s) {
        return sig;
    }
    let date = chinese_date(s.date);
    let date_w = width_chars(&date);
    let name = s.issuer.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let (name_right, date_right) = match (name, s.sealed) {
        // With a seal: date 右空四字, name centred over the date.
        (Some(n), true) => {
            let right = std_::SEALED_DATE_RIGHT_CHARS + (date_w - width_chars(n)) / 2.0;
            (right.max(0.0), std_::SEALED_DATE_RIGHT_CHARS)
        }
        // Without: name 右空二字, date starts two characters further right, or 右空二字
        // and the name pushed left when the date is longer.
        (Some(n), false) => {
            let name_w = width_chars(n);
            let date_right =
                std_::UNSEALED_NAME_RIGHT_CHARS + name_w - std_::UNSEALED_DATE_SHIFT_CHARS - date_w;
            if date_right >= std_::UNSEALED_NAME_RIGHT_CHARS {
                (std_::UNSEALED_NAME_RIGHT_CHARS, date_right)
            } else {
                let push = std_::UNSEALED_NAME_RIGHT_CHARS - date_right;
                (
                    std_::UNSEALED_NAME_RIGHT_CHARS + push,
                    std_::UNSEALED_NAME_RIGHT_CHARS,
                )
            }
        }
        (None, true) => (0.0, std_::SEALED_DATE_RIGHT_CHARS),
        (None, false) => (0.0, std_::UNSEALED_NAME_RIGHT_CHARS),
    };
    Signature {
        date_blank_lines: 0,
        blank_lines_before: if s.sealed {
            std_::SEALED_BLANK_LINES
        } else {
            std_::UNSEALED_BLANK_LINES
        },
        issuer: name.map(|n| RightLine {
            text: n.to_owned(),
            right_indent: name_right,
        }),
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
        issuer: Some(RightLine {
            text: format!("{role}{gap}{name}"),
            right_indent: std_::SEALED_DATE_RIGHT_CHARS,
        }),
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
        // date 6 chars wide, name 8: centred → name extends one char each side.
        assert_eq!(s.issuer.unwrap().right_indent, 3.0);
    }

    #[test]
    fn unsealed_date_starts_two_characters_right_of_the_name() {
        let s = sig("上海市知识产权联席会议办公室", false);
        let name = s.issuer.unwrap();
        assert_eq!(name.right_indent, 2.0);
        // name 14 wide starting at 16 from the right; date (6) starts 2 further right.
        assert_eq!(s.date.right_indent, 2.0 + 14.0 - 2.0 - 6.0);
    }

    #[test]
    fn unsealed_short_name_is_pushed_left_by_a_long_date() {
        let s = sig("某局", false);
        assert_eq!(s.date.right_indent, 2.0);
        assert_eq!(s.issuer.unwrap().right_indent, 2.0 + 6.0);
    }
}
