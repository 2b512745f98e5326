//! 发文机关署名和成文日期: where the name and the date sit, with and without a seal.

use super::text::{chinese_date, printed_width};
use crate::gbt9704 as std_;
use crate::model::{RightLine, SealPlace, Signature};

/// Places the issuer name and date by GB/T 9704 7.3.5.
pub fn signature(s: &crate::spec::Signature) -> Signature {
    if let Some(sig) = signer_seal(s) {
        return sig;
    }
    let names = s.names();
    if s.sealed && !names.is_empty() {
        return sealed(s, &names);
    }
    let date = chinese_date(s.date);
    let date_w = printed_width(&date);
    let widest = names.iter().map(|n| printed_width(n)).fold(0.0, f64::max);
    // Without a seal (§7.3.5.2): names 右空二字, the date starting two characters further
    // right than the widest, or 右空二字 and the names pushed left when the date is longer;
    // joint issuers one under another, the lead first.
    let unsealed_date =
        std_::UNSEALED_NAME_RIGHT_CHARS + widest - std_::UNSEALED_DATE_SHIFT_CHARS - date_w;
    let push = (std_::UNSEALED_NAME_RIGHT_CHARS - unsealed_date).max(0.0);
    let date_right = match (names.is_empty(), s.sealed) {
        (_, true) => std_::SEALED_DATE_RIGHT_CHARS,
        (true, false) => std_::UNSEALED_NAME_RIGHT_CHARS,
        (false, false) => unsealed_date.max(std_::UNSEALED_NAME_RIGHT_CHARS),
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
                right_indent: std_::UNSEALED_NAME_RIGHT_CHARS + push + (widest - printed_width(n)),
            })
            .collect(),
        date: RightLine {
            text: date,
            right_indent: date_right,
        },
        rows: Vec::new(),
        row_pitch_mm: 0.0,
        seals: Vec::new(),
    }
}

/// §7.3.5.1 加盖印章: the date 右空四字; the names side by side in the issuers' order, the last
/// centred over the date, each under its seal; the seals neither crossing nor touching, in as
/// few rows as keep each row inside the text block (the earlier rows the fuller, every row
/// ending over the date's column).
fn sealed(s: &crate::spec::Signature, names: &[String]) -> Signature {
    let date = chinese_date(s.date);
    let cell_mm = std_::TEXT_WIDTH_MM / f64::from(std_::CHARS_PER_LINE);
    let diameter = s.seal_diameter_mm();
    let seal_chars = diameter / cell_mm;
    let last_centre = std_::SEALED_DATE_RIGHT_CHARS + printed_width(&date) / 2.0;
    let widths: Vec<f64> = names.iter().map(|n| printed_width(n)).collect();
    let rows = (1..=names.len())
        .map(|r| seal_rows(&widths, r, seal_chars, last_centre))
        .find(|rows| rows.fits)
        .unwrap_or_else(|| seal_rows(&widths, names.len(), seal_chars, last_centre));
    let centre_below_mm =
        std_::SEAL_CENTRE_BELOW_NAME_TOP_SHARE * std_::BODY_SIZE_PT / std_::PT_PER_MM;
    let mut seals = Vec::new();
    let mut lines = Vec::new();
    for (r, row) in rows.rows.iter().enumerate() {
        let mut line = Vec::new();
        for &(i, centre) in row {
            line.push(RightLine {
                text: names[i].clone(),
                right_indent: (centre - widths[i] / 2.0).max(0.0),
            });
            seals.push(SealPlace {
                row: r,
                centre_right: centre,
                centre_below_mm,
                diameter_mm: diameter,
                image: None,
            });
        }
        lines.push(line);
    }
    Signature {
        blank_lines_before: std_::SEALED_BLANK_LINES,
        issuers: Vec::new(),
        date_blank_lines: 0,
        date: RightLine {
            text: date,
            right_indent: std_::SEALED_DATE_RIGHT_CHARS,
        },
        rows: lines,
        row_pitch_mm: diameter + std_::SEAL_GAP_MM,
        seals,
    }
}

/// The names of a sealed signature in `count` rows: per row, (issuer index, centre's distance
/// from the right edge in characters), left to right.
struct SealRows {
    rows: Vec<Vec<(usize, f64)>>,
    fits: bool,
}

fn seal_rows(widths: &[f64], count: usize, seal: f64, last_centre: f64) -> SealRows {
    let n = widths.len();
    let sizes: Vec<usize> = (0..count)
        .map(|r| n / count + usize::from(r < n % count))
        .collect();
    let widest_row = sizes.iter().copied().max().unwrap_or(0);
    // Columns counted from the right: the distance between column k-1 and k is the most any
    // row's pair of names there needs.
    let mut starts = Vec::with_capacity(count);
    let mut at = 0;
    for &m in &sizes {
        starts.push(at);
        at += m;
    }
    let pair_need = |a: usize, b: usize| {
        (seal + std_::SEAL_GAP_MM * f64::from(std_::CHARS_PER_LINE) / std_::TEXT_WIDTH_MM)
            .max((widths[a] + widths[b]) / 2.0 + std_::SEAL_NAME_GAP_CHARS)
    };
    let mut centres = vec![last_centre];
    for k in 1..widest_row {
        let need = sizes
            .iter()
            .zip(&starts)
            .filter(|(&m, _)| m > k)
            .map(|(&m, &s)| pair_need(s + m - 1 - k, s + m - k))
            .fold(0.0, f64::max);
        centres.push(centres[k - 1] + need);
    }
    let line = f64::from(std_::CHARS_PER_LINE);
    let mut fits = true;
    let rows = sizes
        .iter()
        .zip(&starts)
        .map(|(&m, &s)| {
            (0..m)
                .map(|j| {
                    let centre = centres[m - 1 - j];
                    let half = (widths[s + j] / 2.0).max(seal / 2.0);
                    fits &= centre + half <= line + 1e-9 && centre - half >= -1e-9;
                    (s + j, centre)
                })
                .collect()
        })
        .collect();
    SealRows { rows, fits }
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
        rows: Vec::new(),
        row_pitch_mm: 0.0,
        seals: Vec::new(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn spec_sig(names: &[&str], sealed: bool) -> crate::spec::Signature {
        crate::spec::Signature {
            issuer: None,
            issuers: names.iter().map(|n| n.to_string()).collect(),
            date: NaiveDate::from_ymd_opt(2025, 4, 2).unwrap(),
            sealed,
            seals: Vec::new(),
            seal_size_mm: None,
            signer: None,
            signer_role: None,
            after_enclosure: false,
        }
    }

    fn sig(name: &str, sealed: bool) -> Signature {
        signature(&spec_sig(&[name], sealed))
    }

    #[test]
    fn sealed_date_is_four_characters_from_the_right_and_name_centred_over_it() {
        let s = sig("上海市知识产权局", true);
        assert_eq!(s.date.right_indent, 4.0);
        // 2025年4月2日 prints 7.25 characters wide (6 of glyphs and five quarter-character
        // gaps where Chinese meets digits), the name 8: centred, it reaches 0.375 past each end.
        assert_eq!(s.rows[0][0].right_indent, 4.0 - 0.375);
        assert_eq!(s.seals.len(), 1);
        assert_eq!(s.seals[0].centre_right, 4.0 + 7.25 / 2.0);
    }

    #[test]
    fn unsealed_date_starts_two_characters_right_of_the_name() {
        let s = sig("上海市知识产权联席会议办公室", false);
        let name = s.issuers[0].clone();
        assert_eq!(name.right_indent, 2.0);
        // name 14 wide starting at 16 from the right; the date (7.25 printed) starts 2 further
        // right.
        assert_eq!(s.date.right_indent, 2.0 + 14.0 - 2.0 - 7.25);
        assert!(s.seals.is_empty() && s.rows.is_empty());
    }

    #[test]
    fn unsealed_short_name_is_pushed_left_by_a_long_date() {
        let s = sig("某局", false);
        assert_eq!(s.date.right_indent, 2.0);
        assert_eq!(s.issuers[0].clone().right_indent, 2.0 + 7.25);
    }

    #[test]
    fn unsealed_joint_names_stand_one_under_another_lead_first() {
        let s = signature(&spec_sig(
            &["国家发展改革委办公厅", "生态环境部办公厅"],
            false,
        ));
        let texts: Vec<&str> = s.issuers.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["国家发展改革委办公厅", "生态环境部办公厅"]);
        // The names start at one left edge, the widest 右空二字.
        assert_eq!(s.issuers[0].right_indent, 2.0);
        assert_eq!(s.issuers[1].right_indent, 4.0);
    }

    /// Seal edges from the right edge of the text block, per row (mm).
    fn seal_spans(s: &Signature) -> Vec<Vec<(f64, f64)>> {
        let cell = std_::TEXT_WIDTH_MM / 28.0;
        let mut rows = vec![Vec::new(); s.rows.len()];
        for p in &s.seals {
            let c = p.centre_right * cell;
            rows[p.row].push((c + p.diameter_mm / 2.0, c - p.diameter_mm / 2.0));
        }
        rows
    }

    #[test]
    fn sealed_joint_names_stand_in_a_row_the_last_over_the_date_seals_apart() {
        let s = signature(&spec_sig(&["省教育厅", "省科技厅", "省科协"], true));
        assert_eq!(s.rows.len(), 1, "three short names fit one row");
        let texts: Vec<&str> = s.rows[0].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["省教育厅", "省科技厅", "省科协"]);
        // The last seal's centre is the date's centre.
        assert_eq!(s.seals[2].centre_right, 4.0 + 7.25 / 2.0);
        for row in seal_spans(&s) {
            for pair in row.windows(2) {
                let gap = pair[0].1 - pair[1].0;
                assert!(gap >= std_::SEAL_GAP_MM - 1e-9, "seals {gap:.2} mm apart");
            }
            assert!(row
                .iter()
                .all(|&(l, r)| l <= std_::TEXT_WIDTH_MM && r >= 0.0));
        }
        // Each seal centred on its name.
        for (p, (i, w)) in s.seals.iter().zip([(0, 4.0), (1, 4.0), (2, 3.0)]) {
            assert_eq!(p.centre_right, s.rows[0][i].right_indent + w / 2.0);
        }
    }

    #[test]
    fn five_sealed_issuers_take_two_rows_the_first_the_fuller() {
        let names = ["科技部", "中宣部", "教育部", "中国科协", "国家发展改革委"];
        let s = signature(&spec_sig(&names, true));
        let sizes: Vec<usize> = s.rows.iter().map(Vec::len).collect();
        assert_eq!(sizes, [3, 2]);
        assert_eq!(s.rows[1][1].text, "国家发展改革委");
        // Rows far enough apart that seals of the two rows do not touch.
        assert!(s.row_pitch_mm >= std_::SEAL_DIAMETER_MM + std_::SEAL_GAP_MM);
        // Columns line up from the right: the last of each row over the date's column.
        assert_eq!(s.seals[2].centre_right, s.seals[4].centre_right);
        assert_eq!(s.seals[1].centre_right, s.seals[3].centre_right);
    }

    #[test]
    fn long_names_in_a_row_keep_a_character_between_them() {
        let names = ["国家发展和改革委员会办公厅", "生态环境部办公厅"];
        let s = signature(&spec_sig(&names, true));
        let a = &s.rows.concat()[0];
        let b = &s.rows.concat()[1];
        if s.rows.len() == 1 {
            let a_right_edge = a.right_indent;
            let b_left_edge = b.right_indent + printed_width(&b.text);
            assert!(a_right_edge - b_left_edge >= std_::SEAL_NAME_GAP_CHARS - 1e-9);
        }
        assert!(s
            .rows
            .concat()
            .iter()
            .all(|l| l.right_indent + printed_width(&l.text) <= 28.0));
    }
}
