//! Every character of a document must be drawable: a missing glyph is an error, not a box.

use crate::error::{Error, Result};
use crate::fonts::FontSet;
use crate::model::{Document, FontRole, Paragraph};

fn paragraphs<'a>(what: &str, ps: &'a [Paragraph], texts: &mut Vec<(String, FontRole, &'a str)>) {
    for (i, p) in ps.iter().enumerate() {
        for s in &p.spans {
            texts.push((format!("{what}第{}段", i + 1), s.font, &s.text));
        }
    }
}

/// Checks that some face of each text's role can draw each of its characters.
pub fn check(doc: &Document, fonts: &FontSet) -> Result<()> {
    let mut texts: Vec<(String, FontRole, &str)> = Vec::new();
    if let Some(h) = &doc.header {
        for l in &h.mark.lines {
            texts.push(("发文机关标志".into(), FontRole::Xiaobiaosong, &l.text));
        }
        texts.push((
            "发文机关标志".into(),
            FontRole::Xiaobiaosong,
            &h.mark.suffix,
        ));
        texts.push(("发文字号".into(), FontRole::Fangsong, &h.doc_number));
        if let Some(s) = &h.signers {
            texts.push(("签发人".into(), FontRole::Kai, &s.names));
        }
        for (what, t) in [
            ("份号", &h.copy_number),
            ("密级", &h.secrecy),
            ("紧急程度", &h.urgency),
        ] {
            if let Some(t) = t {
                texts.push((what.into(), FontRole::Hei, t));
            }
        }
    }
    for l in &doc.title {
        texts.push(("标题".into(), FontRole::Xiaobiaosong, l));
    }
    if let Some(r) = &doc.recipients {
        texts.push(("主送机关".into(), FontRole::Fangsong, r));
    }
    paragraphs("正文", &doc.body, &mut texts);
    paragraphs("附件说明", &doc.annex_note, &mut texts);
    paragraphs("附注", &doc.notes, &mut texts);
    if let Some(i) = &doc.signature.issuer {
        texts.push(("发文机关署名".into(), FontRole::Fangsong, &i.text));
    }
    for a in &doc.annexes {
        for l in &a.title {
            texts.push((format!("{}标题", a.label), FontRole::Xiaobiaosong, l));
        }
        paragraphs(&a.label, &a.paragraphs, &mut texts);
        paragraphs(&a.label, &a.after, &mut texts);
        if let Some(t) = &a.table {
            for c in &t.columns {
                texts.push((format!("{}表头", a.label), FontRole::Hei, c));
            }
            for (r, row) in t.rows.iter().enumerate() {
                for c in row {
                    texts.push((
                        format!("{}表格第{}行", a.label, r + 1),
                        FontRole::Fangsong,
                        c,
                    ));
                }
            }
        }
    }
    if let Some(c) = &doc.colophon {
        for t in [c.cc.as_deref().unwrap_or(""), &c.printer] {
            texts.push(("版记".into(), FontRole::Fangsong, t));
        }
    }
    let missing: Vec<String> = texts
        .iter()
        .flat_map(|(what, role, text)| {
            text.chars()
                .filter(|&c| !fonts.covers(*role, c))
                .map(move |c| format!("“{c}”（U+{:04X}，{what}，{}）", c as u32, role.chinese()))
        })
        .collect();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(Error::MissingGlyph(format!(
            "以下字符没有任何可用字体能够显示：{}；请安装含有这些字的字体并用 --font-path 指定",
            missing.join("、")
        )))
    }
}
