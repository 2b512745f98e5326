//! Which line breaks of the source are line ends inside a paragraph, and joining them.

use super::lines::Line;
use super::patterns::{annex_label, date_line, ends_sentence, numbered};
use crate::compose::text::width_chars;

/// How the source broke its text into lines.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Wrap {
    /// Positions are known (PDF, OFD): a full line continues when the next is not indented.
    Geometry,
    /// Plain text hard-wrapped at about this many characters.
    Width(f64),
    /// Plain text with a paragraph (or a page's part of one) per line.
    Sentences,
    /// Plain text that indents each paragraph's first line (a web page pasted, a typed text),
    /// hard-wrapped at about this many characters or not at all: an unindented line after a
    /// line without a blank between them goes on with the paragraph.
    Indented(f64),
}

/// Guesses how `lines` were wrapped.
pub fn wrap_of(lines: &[Line]) -> Wrap {
    if lines.iter().any(|l| l.right_gap.is_some()) {
        return Wrap::Geometry;
    }
    let indented = lines.iter().filter(|l| l.indented == Some(true)).count();
    if indented >= 3 && indented * 4 >= lines.len() {
        return Wrap::Indented(indented_width(lines));
    }
    let mut widths: Vec<f64> = lines
        .iter()
        .filter(|l| !l.paragraph && l.cells.is_none())
        .map(|l| width_chars(&l.text))
        .filter(|w| *w >= 8.0)
        .collect();
    // Hard-wrapped text breaks its lines mid-sentence at about one width; a paste with a
    // paragraph a line (many short lines beside: headings, a form's cells) breaks none, and
    // its lines that end otherwise (a title, 主送, 附件：…) have widths of their own.
    let mut going_on: Vec<f64> = lines
        .windows(2)
        .filter(|w| {
            let (cur, next) = (&w[0], &w[1]);
            let t = cur.text.trim();
            !cur.paragraph
                && cur.cells.is_none()
                && width_chars(t) >= 20.0
                && !ends_sentence(t)
                && !t.ends_with(['：', ':'])
                && !starts_element(next.text.trim())
        })
        .map(|w| width_chars(&w[0].text))
        .collect();
    going_on.sort_by(f64::total_cmp);
    let wrapped = going_on
        .get(going_on.len() / 2)
        .is_some_and(|m| going_on.iter().filter(|w| (*w - m).abs() <= 3.0).count() >= 3);
    if widths.len() < 4 || !wrapped {
        return Wrap::Sentences;
    }
    widths.sort_by(f64::total_cmp);
    let median = widths[widths.len() / 2];
    if median <= 40.0 {
        Wrap::Width(widths[widths.len() * 4 / 5])
    } else {
        Wrap::Sentences
    }
}

/// The width an indented paste was wrapped at: the median of the lines that stop mid-sentence
/// with the paragraph going on under them (a page column's wrap), where there are three;
/// else most lines' width. A paste may mix wrapped paragraphs with whole ones on a line each.
fn indented_width(lines: &[Line]) -> f64 {
    let mut wrapped: Vec<f64> = lines
        .windows(2)
        .filter(|w| {
            let (cur, next) = (&w[0], &w[1]);
            cur.cells.is_none()
                && !next.after_blank
                && next.indented == Some(false)
                && !ends_sentence(cur.text.trim())
                && !starts_element(next.text.trim())
        })
        .map(|w| width_chars(&w[0].text))
        .collect();
    wrapped.sort_by(f64::total_cmp);
    if wrapped.len() >= 3 {
        return wrapped[wrapped.len() / 2];
    }
    let mut widths: Vec<f64> = lines.iter().map(|l| width_chars(&l.text)).collect();
    widths.sort_by(f64::total_cmp);
    widths[widths.len() * 4 / 5]
}

/// Whether a line that starts a new element (heading, annex, date, 附件说明, …) begins here.
pub fn starts_element(s: &str) -> bool {
    numbered(s).is_some()
        || annex_label(s).is_some()
        || date_line(s).is_some()
        || s.starts_with("附件：")
        || s.starts_with("特此")
        || s.starts_with("抄送")
}

/// Whether `next` continues the paragraph whose last line is `cur` (`first`: its only line so
/// far, which an indent may have made shorter by two characters).
pub fn continues(cur: &Line, next: &Line, wrap: Wrap, first: bool) -> bool {
    if cur.paragraph
        || cur.breaks_after
        || next.paragraph
        || cur.cells.is_some()
        || next.cells.is_some()
    {
        return false;
    }
    let (c, n) = (cur.text.trim(), next.text.trim());
    // No element starts inside brackets the line before opened (（含附件 / 1、附件2）报送…).
    if n.is_empty() || c.is_empty() || (starts_element(n) && !opens_unclosed(c)) {
        return false;
    }
    if number_broken(c, n) {
        return true;
    }
    // A numbered line short of the wrap width is a heading of its own; one that fills it (a
    // run-in heading with the start of its text: （一）全面复核已整改隐患。对2025年…) goes on.
    let heading = match wrap {
        Wrap::Width(w) => {
            width_chars(c) < w - 3.5 && (ends_sentence(c) || width_chars(c) < w * 0.75)
        }
        Wrap::Sentences => width_chars(c) <= 30.0,
        _ => false,
    };
    if heading && numbered(c).is_some() && !c.ends_with(['，', '、']) {
        return false;
    }
    match wrap {
        Wrap::Geometry => {
            // A full line (compressed punctuation or half-width digits may leave up to two
            // characters free) followed by one at the left edge; a paragraph's first line is
            // indented, so the next paragraph never continues this one.
            // Half-width digits with the spaces a word processor puts around them can leave
            // up to three characters free in a line that goes on mid-sentence; a writer that
            // breaks after a fixed count of characters (an OA system) leaves half a cell free
            // for each half-width one.
            let half = c.chars().filter(|ch| ch.is_ascii_graphic()).count() as f64 / 2.0;
            // A line that stops short because the Latin word after it (an e-mail or web
            // address) did not fit in what was left of it is full too. A proportional face
            // sets Latin letters up to three quarters of a character wide (WeasyPrint's PDF).
            let word = leading_word_width(n);
            // A line that ends inside a quotation or brackets it opened goes on: the marks that
            // may neither end nor start a line (“非农 / 化”“非粮化”) can push several characters
            // down together.
            let open = opens_unclosed(c);
            let full = cur.right_gap.is_some_and(|g| {
                g < 2.0 + half
                    || (g < 3.0 + half && !ends_sentence(c))
                    || (word >= 2.0 && g < 1.5 * word + 1.0)
                    || (open && g < 6.0 + half)
            });
            // (A paragraph's first line, indented two characters of a size other than the body's,
            // may look centred: 32 pt in 11 pt text.)
            let first_line = cur.indent.is_some_and(|i| i < 3.5);
            full && next.indent.is_none_or(|i| i < 0.5)
                && cur
                    .size
                    .zip(next.size)
                    .is_none_or(|(a, b)| (a - b).abs() < 1.0)
                && (cur.align != super::lines::Align::Center || first_line)
        }
        // A line near the width that has not ended its sentence goes on too: a justified line
        // copied from a PDF may hold fewer characters than it shows (spread out before a
        // quotation mark, digits with spaces around them).
        // A line that ends a sentence ends its paragraph unless it is full to a character (a
        // first line: to its indent and a character; copied text has lost the indent).
        Wrap::Width(w) => {
            let free = if ends_sentence(c) && !first { 1.5 } else { 3.5 };
            // A whole paragraph on its line, much longer than the wrap, ends at its sentence.
            let whole = ends_sentence(c) && width_chars(c) > w + 2.5;
            // A line that stops short because the Latin word after it (an e-mail address) did
            // not fit in what was left of it is full too.
            let word = leading_word_width(n);
            let pushed = word >= 2.0 && width_chars(c) + word >= w - 1.0 && !ended(c);
            !whole && (width_chars(c) >= w - free || pushed)
                || c.ends_with(['，', '、'])
                || (!ends_sentence(c) && width_chars(c) >= w * 0.75)
        }
        // A line a label starts (食品生产安全监督管理处：杨丽华，电话：…) after one ending in an
        // address, a number or a label, or after another labelled line, is a line of its own
        // (a contact list copied a paragraph a line).
        Wrap::Sentences => {
            let after_item = c.ends_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '：')
                || (label_of(c).is_some() && width_chars(c) <= 40.0);
            let item = label_of(n).is_some() && after_item;
            !(ends_sentence(c) || item)
        }
        // A line ending a sentence goes on only where it fills the wrap width: one much
        // longer was never wrapped (a whole paragraph on its line).
        Wrap::Indented(w) => {
            let width = width_chars(c);
            !next.after_blank
                && next.indented == Some(false)
                && (!ends_sentence(c) || (width >= w - 3.5 && width <= w + 2.5))
        }
    }
}

/// The label a line starts with (联系人：, 食品生产安全监督管理处：): up to 16 characters of
/// no punctuation before a colon.
fn label_of(line: &str) -> Option<&str> {
    let (label, _) = line.split_once('：')?;
    let n = label.chars().count();
    ((2..=16).contains(&n) && !label.contains(['，', '。', '；', '、', '“', '《'])).then_some(label)
}

/// Whether `line` opens a quotation or brackets it does not close.
fn opens_unclosed(line: &str) -> bool {
    [('“', '”'), ('（', '）'), ('《', '》'), ('‘', '’')]
        .iter()
        .any(|&(o, c)| line.matches(o).count() > line.matches(c).count())
}

/// Whether a line ends its sentence: not where a label waits for what the next line gives
/// (「…（电子邮箱：」 / 「aqxtszhc@mem.gov.cn）。」).
pub fn ended(line: &str) -> bool {
    let line = line.trim_end();
    ends_sentence(line) && !line.ends_with(['：', ':'])
}

/// The width in characters of the Latin word (an address, a number) `s` starts with, with the
/// closing mark that may not start a line after it (hnsstc@163.com。): what a line before it had
/// to leave free when it did not fit.
fn leading_word_width(s: &str) -> f64 {
    let latin = s.chars().take_while(|c| c.is_ascii_graphic()).count();
    let mark = s
        .chars()
        .nth(latin)
        .is_some_and(|c| "。，；：、）”！？".contains(c));
    latin as f64 / 2.0 + if latin > 0 && mark { 1.0 } else { 0.0 }
}

/// A number broken after its hyphen at the line's end (0871- / 63215580): the next line goes on
/// with it whatever its indent (a web page's copy may indent every line it shows).
pub fn number_broken(c: &str, n: &str) -> bool {
    let (c, n) = (c.trim(), n.trim());
    c.strip_suffix('-')
        .is_some_and(|head| head.ends_with(|ch: char| ch.is_ascii_digit()))
        && n.starts_with(|ch: char| ch.is_ascii_digit())
}

/// Joins two pieces of a paragraph: a space only between two Latin words (a number or a date
/// broken at the line end, 5月2 / 9日, is one number again). A Latin word written against
/// Chinese text (发送至ql / slyjfhk@163.com) is one word broken at the line end: no space.
pub fn join_text(a: &str, b: &str) -> String {
    let (a, b) = (a.trim_end(), b.trim_start());
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let (last, first) = (a.chars().last(), b.chars().next());
    let before_word = a
        .chars()
        .rev()
        .find(|c| !c.is_ascii_alphanumeric() && !"@._-".contains(*c));
    let against_chinese = before_word.is_some_and(|c| !c.is_ascii());
    // A name at a line's end and the telephone number that opens the next (王志强 / 028-8703…):
    // the space the line end stood for.
    let name_then_phone = last.is_some_and(is_ideograph) && starts_with_phone(b);
    if name_then_phone
        || (!against_chinese && ((letter(last) && word(first)) || (word(last) && letter(first))))
    {
        format!("{a} {b}")
    } else {
        format!("{a}{b}")
    }
}

/// A CJK ideograph (no mark, no full-width sign).
fn is_ideograph(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// A telephone number at the start of `s`: an area code and its number (028-87036215) or a
/// mobile's eleven digits.
fn starts_with_phone(s: &str) -> bool {
    let digits = |t: &str| t.bytes().take_while(u8::is_ascii_digit).count();
    let area = digits(s);
    let landline = s.starts_with('0')
        && (3..=4).contains(&area)
        && s[area..].starts_with('-')
        && digits(&s[area + 1..]) >= 7;
    let mobile = s.starts_with('1') && area == 11;
    landline || mobile
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_contact_list_copied_a_paragraph_a_line_keeps_its_lines() {
        let line = |t: &str| Line::plain(t, 1, 1);
        let lines = [
            "联系人：",
            "食品生产安全监督管理处：杨丽华，电话：0871-63218541，电子邮箱：ynspsc@163.com",
            "特种设备安全监察处：段建国，电话：0871-63218562",
            "省局值班室：电话：0871-63218000，传真：0871-63218001",
        ];
        let joined: Vec<bool> = lines
            .windows(2)
            .map(|w| continues(&line(w[0]), &line(w[1]), Wrap::Sentences, false))
            .collect();
        assert_eq!(joined, [false, false, false]);
        // A paragraph a page break cut still goes on.
        let cut = line("请各州、市于1月29日前将自查情况报送省局");
        let on = line("食品生产安全监督管理处。");
        assert!(continues(&cut, &on, Wrap::Sentences, false));
    }

    #[test]
    fn a_latin_word_written_against_chinese_is_joined_without_a_space() {
        assert_eq!(
            join_text("电子版发送至ql", "slyjfhk@163.com。"),
            "电子版发送至qlslyjfhk@163.com。"
        );
        assert_eq!(
            join_text("World Health", "Organization"),
            "World Health Organization"
        );
        assert_eq!(join_text("于5月2", "9日前"), "于5月29日前");
        // A name, then at the next line's start its telephone number: the space comes back.
        assert_eq!(
            join_text("耕地保护监督处 王志强", "028-87036215，罗晓琳"),
            "耕地保护监督处 王志强 028-87036215，罗晓琳"
        );
        assert_eq!(join_text("电话：", "028-87036215"), "电话：028-87036215");
        assert_eq!(join_text("共", "1234567辆"), "共1234567辆");
    }

    #[test]
    fn a_copied_line_short_of_an_e_mail_address_after_its_label_goes_on() {
        let c = Line::plain(
            "请于2月22日前将工作情况报送应急管理部安全生产综合协调司（电子邮箱：",
            1,
            1,
        );
        let n = Line::plain("aqxtszhc@mem.gov.cn）。", 1, 2);
        assert!(continues(&c, &n, Wrap::Width(40.0), false));
        let ended = Line::plain("报送应急管理部安全生产综合协调司。", 1, 1);
        assert!(!continues(&ended, &n, Wrap::Width(40.0), false));
    }

    #[test]
    fn a_paste_with_a_paragraph_a_line_and_short_lines_beside_is_not_hard_wrapped() {
        let para = "各单位要严格执行24小时值班和领导带班制度，于12月25日前将值班表报县应急管理局。";
        let lines: Vec<Line> = [
            "攸县人民政府办公室关于做好2027年元旦春节期间烟花爆竹安全管理工作的通知",
            "各乡镇人民政府、街道办事处，县直有关单位：",
            "一、严格落实禁限放规定",
            para,
            "二、强化安全监管执法",
            para,
            "三、强化宣传教育引导",
            para,
            "县应急管理局24小时值班电话：0731-24221110。",
            "附件：2027年元旦春节期间烟花爆竹安全管理值班表",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Line::plain(*t, 1, i + 1))
        .collect();
        let wrap = wrap_of(&lines);
        assert_eq!(wrap, Wrap::Sentences);
        assert!(!continues(&lines[7], &lines[8], wrap, true));
    }

    #[test]
    fn a_whole_paragraph_on_one_line_ends_at_its_sentence_in_a_wrapped_paste() {
        let line = |t: &str, indented: bool| {
            let mut l = Line::plain(t, 1, 1);
            l.indented = Some(indented);
            l
        };
        let wrapped = "各地林业主管部门要切实增强责任感和紧迫感，严格落实森林防火行政首长";
        let lines = vec![
            line("一、提高思想认识，压实防火责任", true),
            line("二、加强火源管控，严防人为失火", true),
            line(wrapped, true),
            line("负责制和林长制，逐级签订防火责任书，把责任落实到山头地块和具体人", false),
            line("员。各地应急管理部门要发挥综合协调作用，会同林业主管部门于12月", false),
            line("15日前完成辖区防火责任体系梳理，将县、乡、村三级防火责任人名单报", false),
            line("送市林业局。", false),
            line(&format!("{}劝导群众文明祭扫。", "各地林业主管部门要紧盯重点时段、重点区域、重点人群，全面落实野外火源管理措施，".repeat(3)), true),
            line("春节、清明期间，各县（市、区）要组织护林员加密巡护频次。", false),
        ];
        let wrap = wrap_of(&lines);
        let Wrap::Indented(w) = wrap else {
            panic!("{wrap:?}")
        };
        assert!((30.0..=36.0).contains(&w), "{w}");
        assert!(continues(&lines[2], &lines[3], wrap, true));
        assert!(!continues(&lines[7], &lines[8], wrap, false));
    }
}
