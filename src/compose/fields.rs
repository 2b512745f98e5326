//! 表头上方的填写项: a form's fields (填报单位（盖章）：, 填报人：, 联系电话：) set side by side on
//! as few lines as the text block's width holds, each blank field followed by room to write,
//! as offices print them, so that a form keeps its rows on its first page.

use super::text::width_chars;
use crate::gbt9704 as std_;
use crate::spec::Field;

/// The fields' lines: each field `label：value` (a value's ideographic spaces are its blanks,
/// 　　年　　月　　日), a blank one followed by [`std_::FIELD_BLANK_CHARS`] to write in where
/// another follows it on its line, [`std_::FIELD_GAP_CHARS`] between fields; a line holds at
/// most `line_chars` characters.
pub fn field_lines(fields: &[Field], line_chars: f64) -> Vec<String> {
    let blank = "　".repeat(std_::FIELD_BLANK_CHARS);
    let gap = "　".repeat(std_::FIELD_GAP_CHARS);
    let mut lines: Vec<(String, bool)> = Vec::new();
    for f in fields {
        let value = f.value.trim_matches(|c: char| c.is_ascii_whitespace());
        let text = format!("{}：{value}", f.label.trim());
        let empty = value.trim_matches('　').is_empty();
        match lines.last_mut() {
            Some((line, last_empty)) => {
                let pad = if *last_empty { blank.as_str() } else { "" };
                let joined = format!("{line}{pad}{gap}{text}");
                if width_chars(&joined) <= line_chars {
                    *line = joined;
                    *last_empty = empty;
                } else {
                    lines.push((text, empty));
                }
            }
            None => lines.push((text, empty)),
        }
    }
    lines.into_iter().map(|(l, _)| l).collect()
}

/// A form's sign-off under its table (填表人：　　　　审核人：　　　　联系电话：): labels each
/// followed by a blank, no sentence; its blanks shortened (none below two characters) until it
/// holds on one line of `line_chars`, as it must not break inside a label.
pub fn sign_off(text: &str, line_chars: f64) -> Option<String> {
    let t = text.trim();
    let labels = t.matches('：').count();
    let sentence = t.contains(['，', '。', '；']);
    let blanks = t.contains("　　");
    if labels < 2 || sentence || !blanks || t.chars().count() > 2 * line_chars as usize {
        return None;
    }
    let mut runs: Vec<(bool, String)> = Vec::new();
    for c in t.chars() {
        let blank = c == '　';
        match runs.last_mut() {
            Some((b, s)) if *b == blank => s.push(c),
            _ => runs.push((blank, c.to_string())),
        }
    }
    let joined = |runs: &[(bool, String)]| runs.iter().map(|(_, s)| s.as_str()).collect::<String>();
    while width_chars(&joined(&runs)) > line_chars {
        let longest = runs
            .iter_mut()
            .filter(|(b, s)| *b && s.chars().count() > 2)
            .max_by_key(|(_, s)| s.chars().count());
        match longest {
            Some((_, s)) => {
                s.pop();
            }
            None => break,
        }
    }
    Some(joined(&runs))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(label: &str, value: &str) -> Field {
        Field {
            label: label.into(),
            value: value.into(),
        }
    }

    #[test]
    fn a_sign_off_under_a_form_keeps_one_line_by_shorter_blanks() {
        let line = "填表人：　　　　　　　　审核人：　　　　　　　　联系电话：";
        let fitted = sign_off(line, 28.0).unwrap();
        assert!(width_chars(&fitted) <= 28.0, "{fitted}");
        assert!(fitted.starts_with("填表人：　　") && fitted.ends_with("联系电话："));
        assert_eq!(sign_off(line, 40.0).as_deref(), Some(line));
        assert!(sign_off("注：本表于每月5日前报送，汛期累计计算。", 28.0).is_none());
    }

    #[test]
    fn fields_share_lines_with_room_to_write_as_wide_as_the_page_allows() {
        let fields = [
            field("填报单位（盖章）", ""),
            field("填报人", ""),
            field("联系电话", ""),
            field("截至日期", "　　年　月　日"),
        ];
        let landscape = field_lines(&fields, 40.0);
        assert_eq!(
            landscape,
            [
                "填报单位（盖章）：　　　　　　　　填报人：　　　　　　　　联系电话：",
                "截至日期：　　年　月　日",
            ]
        );
        let portrait = field_lines(&fields, 28.0);
        assert_eq!(portrait.len(), 2);
        assert!(
            portrait.iter().all(|l| width_chars(l) <= 28.0),
            "{portrait:?}"
        );
        let long = [field(
            "填报单位（盖章）",
            "某某县某某乡镇人民政府农业综合服务中心",
        )];
        assert_eq!(field_lines(&long, 28.0).len(), 1);
    }
}
