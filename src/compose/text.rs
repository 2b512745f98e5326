//! Small text rules shared by compose: widths in grid characters, dates, numbers, numerals.

use chrono::{Datelike, NaiveDate};

/// Width of `s` in grid characters: CJK and full-width forms count 1, ASCII and other
/// half-width characters count ½ (how 3号 digits sit in a 28-character line).
pub fn width_chars(s: &str) -> f64 {
    s.chars().map(char_width).sum()
}

/// Width of body text as printed, in grid characters: [`width_chars`] plus the quarter
/// character the typesetter (typst's `cjk-latin-spacing`, Word's and LibreOffice's automatic
/// spacing alike) puts where Chinese meets Latin letters or digits (2026年4月2日 is 6 characters
/// wide by its glyphs and 7.25 printed).
pub fn printed_width(s: &str) -> f64 {
    let latin = |c: char| c.is_ascii_alphanumeric();
    let gaps = s
        .chars()
        .zip(s.chars().skip(1))
        .filter(|&(a, b)| (is_wide(a) && latin(b)) || (latin(a) && is_wide(b)))
        .count();
    width_chars(s) + 0.25 * gaps as f64
}

/// `text` (its first line `first` grid characters wide, every other `width`) with a line break
/// before a telephone number that would not fit at the end of a line. Carried down whole (it never
/// breaks), the number would leave the line before it stretched across the block with wide
/// gaps between its characters (（联 系 人 及 电 话 ：…何 晓 东 / 028-87921463）); after a break
/// the line ends short, as a person typing it would end it.
pub fn phone_on_its_line(text: &str, first: f64, width: f64) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 1);
    let mut used = 0.0;
    let mut line = first;
    let mut i = 0;
    while i < chars.len() {
        // A telephone number, from its area code to its last digit, is one piece.
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        let phone = digits > 0
            && (i == 0 || !chars[i - 1].is_ascii_digit())
            && is_phone_hyphen(&chars, i + digits);
        let len = if phone {
            let tail = chars[i + digits + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            // The closing marks after it go with it (no line starts with one).
            let marks = chars[i + digits + 1 + tail..]
                .iter()
                .take_while(|c| crate::gbt9704::CLOSING_MARKS.contains(**c))
                .count();
            digits + 1 + tail + marks
        } else {
            1
        };
        let piece: String = chars[i..i + len].iter().collect();
        // typst's cjk-latin-spacing: a quarter between an ideograph and a Latin letter or digit
        // (not beside a space or a mark, which sits in a cell of its own).
        let ideograph = |c: char| is_wide(c) && c.is_alphabetic();
        let meets = |a: char, b: char| ideograph(a) && b.is_ascii_alphanumeric();
        let spacing = match i.checked_sub(1).map(|k| chars[k]) {
            Some(a) if meets(a, chars[i]) || meets(chars[i], a) => 0.25,
            _ => 0.0,
        };
        let w = piece_width(&piece) + spacing;
        if used + w > line + 0.01 {
            // Left short by two characters or more: a break, not a stretched line.
            if phone && line - used >= 2.0 && used + w - line > 0.1 {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push('\n');
            }
            used = piece_width(&piece);
            line = width;
        } else {
            used += w;
        }
        out.push_str(&piece);
        i += len;
    }
    out
}

/// Width of a piece of a line as the body's faces set it: a cell for a full-width character, half
/// for a Latin letter or digit, a quarter for a space, a third for a hyphen.
fn piece_width(piece: &str) -> f64 {
    piece
        .chars()
        .map(|c| match c {
            ' ' => 0.25,
            '-' => 1.0 / 3.0,
            c => char_width(c),
        })
        .sum()
}

/// Width of one character in grid characters.
pub fn char_width(c: char) -> f64 {
    if is_wide(c) {
        1.0
    } else {
        0.5
    }
}

/// Full-width (CJK) characters and punctuation.
pub fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x20000..=0x3FFFD)
        || matches!(c, '—' | '…' | '“' | '”' | '‘' | '’' | '★' | '·')
}

/// Whether the hyphen at `chars[i]` joins a telephone number's area code to its number
/// (0574-87186532: three or four digits from 0, then seven or eight): no line breaks there, in
/// the PDF or the DOCX, where a clerk reads and dials the number whole.
pub fn is_phone_hyphen(chars: &[char], i: usize) -> bool {
    let digits = |r: &mut dyn Iterator<Item = &char>| r.take_while(|c| c.is_ascii_digit()).count();
    if chars.get(i) != Some(&'-') {
        return false;
    }
    let before = digits(&mut chars[..i].iter().rev());
    let after = digits(&mut chars[i + 1..].iter());
    (3..=4).contains(&before) && chars[i - before] == '0' && (7..=8).contains(&after)
}

/// 成文日期 style: 2025年4月2日 (Arabic numerals, no zero padding).
pub fn chinese_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

/// 发文字号: 代字〔年份〕序号号, with 六角括号 and no leading zeros; a serial of 0 (not yet
/// numbered, 未编号) leaves two full-width spaces to write the number in, as a 发文稿纸 does.
pub fn doc_number(code: &str, year: i32, serial: u32) -> String {
    if serial == UNNUMBERED {
        return format!("{}〔{}〕{}号", code.trim(), year, UNNUMBERED_BLANK);
    }
    format!("{}〔{}〕{}号", code.trim(), year, serial)
}

/// The 发文顺序号 of a document not numbered yet (a derived draft before 登记编号).
pub const UNNUMBERED: u32 = 0;

/// What a number not yet given prints in its place: room for the clerk's pen.
pub const UNNUMBERED_BLANK: &str = "\u{3000}\u{3000}";

/// Chinese numerals for section numbers: 1 → 一, 10 → 十, 21 → 二十一.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_owned(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// A title in 书名号: 《…》, with the 书名号 inside it made single (〈…〉), as GB/T 15834 nests
/// them (《关于转发〈四川省教育厅关于…的通知〉的通知》).
pub fn book_title(title: &str) -> String {
    let inner: String = title
        .trim()
        .chars()
        .map(|c| match c {
            '《' => '〈',
            '》' => '〉',
            c => c,
        })
        .collect();
    format!("《{inner}》")
}

/// Adds the full-width colon a 主送 line ends with, unless it is already there.
pub fn with_colon(s: &str) -> String {
    let s = s.trim_end();
    if s.ends_with('：') {
        s.to_owned()
    } else {
        format!("{}：", s.trim_end_matches(':'))
    }
}

/// Wraps a 附注 in full-width parentheses unless it already has them.
pub fn parenthesized(s: &str) -> String {
    let s = s.trim();
    if s.starts_with('（') && s.ends_with('）') {
        s.to_owned()
    } else {
        format!("（{s}）")
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_telephone_number_carried_down_starts_its_line_after_a_break() {
        let t = "（联系人及电话：区住建局燃气安全科 何晓东 028-87921463）";
        assert_eq!(
            super::phone_on_its_line(t, 26.0, 26.0),
            "（联系人及电话：区住建局燃气安全科 何晓东\n028-87921463）"
        );
        // Two contacts whose second number fits at the end of the second line.
        let two = "（联系人：市疾控中心 向红梅，电话：0718-7283516；市卫生健康局疾病预防控制股 冉启明，电话：0718-7221348）";
        assert_eq!(super::phone_on_its_line(two, 26.0, 26.0), two);
        // One that fits stays on the line; a line of text only is never broken.
        let short = "（联系人及电话：何晓东 028-87921463）";
        assert_eq!(super::phone_on_its_line(short, 26.0, 26.0), short);
        let plain = "（此件主动公开，各单位要认真组织学习，结合实际抓好贯彻落实）";
        assert_eq!(super::phone_on_its_line(plain, 26.0, 26.0), plain);
    }

    #[test]
    fn a_contact_paragraph_s_number_starts_its_line_after_a_break() {
        // First line 26 characters (indented two), the next 28.
        let t =
            "联系人：市生态环境局宣传教育处 王佳琪，电话：0574-89186327；邮箱：nbhbxj@nbepb.gov.cn";
        assert_eq!(
            super::phone_on_its_line(t, 26.0, 28.0),
            "联系人：市生态环境局宣传教育处 王佳琪，电话：\n0574-89186327；邮箱：nbhbxj@nbepb.gov.cn"
        );
    }

    #[test]
    fn a_title_inside_a_title_takes_single_book_title_marks() {
        assert_eq!(
            super::book_title("关于转发《四川省教育厅关于做好冬季学校安全工作的通知》的通知"),
            "《关于转发〈四川省教育厅关于做好冬季学校安全工作的通知〉的通知》"
        );
        assert_eq!(
            super::book_title(" 某县2026年工作方案 "),
            "《某县2026年工作方案》"
        );
    }

    use super::*;

    #[test]
    fn dates_have_no_zero_padding() {
        let d = NaiveDate::from_ymd_opt(2025, 4, 2).unwrap();
        assert_eq!(chinese_date(d), "2025年4月2日");
    }

    #[test]
    fn doc_numbers_use_hexagonal_brackets() {
        assert_eq!(doc_number("沪知联办", 2025, 2), "沪知联办〔2025〕2号");
        assert_eq!(
            doc_number("莲司", 2026, 0),
            "莲司〔2026〕\u{3000}\u{3000}号"
        );
    }

    #[test]
    fn numerals_count_past_ten() {
        let got: Vec<String> = [1, 5, 10, 11, 20, 23].map(chinese_numeral).to_vec();
        assert_eq!(got, ["一", "五", "十", "十一", "二十", "二十三"]);
    }

    #[test]
    fn digits_are_half_a_character_wide() {
        assert_eq!(width_chars("2025年4月2日"), 6.0);
        assert_eq!(width_chars("（一）"), 3.0);
    }

    #[test]
    fn colon_is_added_once() {
        assert_eq!(with_colon("各区"), "各区：");
        assert_eq!(with_colon("各区："), "各区：");
        assert_eq!(with_colon("各区:"), "各区：");
    }
}
