//! How the template sets each text (排版片段): its long Latin runs, breakable after any
//! character, and the breaks after a hyphen between digits, found here once per text. (Full-width
//! marks need nothing: the typst gongwen builds with keeps each in a whole cell.)
//!
//! The template had found them with regex show rules over every laid-out text, which typst
//! re-applies on every layout: about 8 ms of a cold ten-page notice. The texts of the document
//! are the string leaves of its JSON; the ones that hold something to set apart are handed to the
//! template in a table keyed by the text (`data.runs`), so the document's JSON keeps its shape
//! and a template of an earlier version, which ignores the table, still works.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::gbt9704::LATIN_RUN_BREAK_CHARS;

/// One run of a text as the template sets it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Run {
    /// Text set as it is.
    Text(String),
    /// A break opportunity after a hyphen between digits (025- / 83271605), as Word and
    /// LibreOffice give it; set apart from the text, so that the number copies whole.
    Break {
        /// Always 1 (the template asks whether the key is there).
        z: u8,
    },
    /// A long run of Latin letters, digits and signs without a space (a URL, an e-mail address),
    /// breakable after any character.
    Latin {
        /// The run.
        l: String,
    },
}

/// A printable ASCII character other than the space (what a Latin run is made of).
fn is_latin(c: char) -> bool {
    c.is_ascii_graphic()
}

/// The runs of `text`, or `None` when it holds nothing the template sets apart.
pub fn runs(text: &str) -> Option<Vec<Run>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut plain = String::new();
    let mut i = 0;
    let mut special = false;
    while i < chars.len() {
        let latin = take_while(&chars[i..], is_latin);
        if latin >= LATIN_RUN_BREAK_CHARS as usize {
            special = true;
            if !plain.is_empty() {
                out.push(Run::Text(std::mem::take(&mut plain)));
            }
            out.push(Run::Latin {
                l: chars[i..i + latin].iter().collect(),
            });
            i += latin;
        } else if digit_hyphen_digit(&chars[i..])
            && !crate::compose::text::is_phone_hyphen(&chars, i + 1)
        {
            special = true;
            plain.extend([chars[i], '-']);
            out.push(Run::Text(std::mem::take(&mut plain)));
            out.push(Run::Break { z: 1 });
            plain.push(chars[i + 2]);
            i += 3;
        } else if latin > 0 {
            // A short Latin run stays whole up to a hyphen between digits inside it.
            let end = (i..i + latin)
                .find(|&j| {
                    digit_hyphen_digit(&chars[j..])
                        && !crate::compose::text::is_phone_hyphen(&chars, j + 1)
                })
                .unwrap_or(i + latin);
            plain.extend(&chars[i..end.max(i + 1)]);
            i = end.max(i + 1);
        } else {
            plain.push(chars[i]);
            i += 1;
        }
    }
    if !plain.is_empty() {
        out.push(Run::Text(plain));
    }
    special.then_some(out)
}

/// How many characters from the start of `chars` satisfy `f`.
fn take_while(chars: &[char], f: fn(char) -> bool) -> usize {
    chars.iter().take_while(|&&c| f(c)).count()
}

/// `chars` starts with a digit, a hyphen and a digit (025-83271605, 2024-2025).
fn digit_hyphen_digit(chars: &[char]) -> bool {
    matches!(chars, [a, '-', b, ..] if a.is_ascii_digit() && b.is_ascii_digit())
}

/// The table of runs for every text in `doc` (a string leaf of its JSON) that needs one.
pub fn table(doc: &Value) -> Map<String, Value> {
    let mut out = Map::new();
    collect(doc, &mut out);
    out
}

/// Adds the runs of every string leaf under `v` to `out`.
fn collect(v: &Value, out: &mut Map<String, Value>) {
    match v {
        Value::String(s) if !out.contains_key(s) => {
            if let Some(r) = runs(s) {
                out.insert(s.clone(), serde_json::to_value(r).expect("runs serialize"));
            }
        }
        Value::Array(items) => items.iter().for_each(|x| collect(x, out)),
        Value::Object(fields) => fields.values().for_each(|x| collect(x, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Run {
        Run::Text(s.into())
    }

    #[test]
    fn a_text_without_long_latin_runs_or_digit_hyphens_needs_no_runs() {
        assert_eq!(runs("各区人民政府"), None);
        assert_eq!(runs("GB/T 9704"), None);
        // Full-width marks are typst's to keep in their cells.
        assert_eq!(runs("见“通知”。（略）"), None);
    }

    #[test]
    fn a_hyphen_between_digits_is_followed_by_a_break_opportunity_once_per_match() {
        let brk = Run::Break { z: 1 };
        assert_eq!(
            runs("2024-2025年度").unwrap(),
            vec![text("2024-"), brk.clone(), text("2025年度")]
        );
        // A telephone number stays whole: a clerk dials it from the page.
        assert_eq!(runs("电话025-83271605"), None);
        assert_eq!(runs("（0574-87186532）"), None);
        assert_eq!(runs("（2024-2025）").unwrap().len(), 3);
        // As the regex it replaces: the match consumes its second digit.
        assert_eq!(runs("1-2-3").unwrap(), vec![text("1-"), brk, text("2-3")]);
    }

    #[test]
    fn a_long_latin_run_is_set_apart_whole() {
        let url = "https://www.gov.cn/zhengce/content.htm";
        assert_eq!(
            runs(&format!("见{url}。")).unwrap(),
            vec![text("见"), Run::Latin { l: url.into() }, text("。")]
        );
    }

    #[test]
    fn the_table_holds_each_text_that_needs_runs_once() {
        let doc = serde_json::json!({"a": ["2024-2025", "丙"], "b": {"c": "2024-2025", "d": 3}});
        let t = table(&doc);
        assert_eq!(t.len(), 1);
        assert!(t.contains_key("2024-2025"));
    }
}
