//! What a received DOCX still carries of its drafting (修订 and 批注): tracked changes not yet
//! accepted and comments. The reader takes the text as it reads with every change accepted
//! (insertions kept, deletions and moved-away text left out) and no comment; the clerk is told
//! so, since the sender may not have meant to send a draft under revision.

use super::xml::{local, zip_text};
use quick_xml::events::Event;
use quick_xml::Reader;

/// Counts of the tracked changes in `document.xml`.
#[derive(Debug, Default, PartialEq)]
struct Revisions {
    inserted: usize,
    deleted: usize,
    moved: usize,
    formatted: usize,
}

/// The notes to give about `bytes` (a DOCX): its tracked changes and its comments, if any.
pub fn notes(bytes: &[u8]) -> Vec<String> {
    let Ok(mut zip) = zip::ZipArchive::new(std::io::Cursor::new(bytes)) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if let Ok(Some(xml)) = zip_text(&mut zip, "word/document.xml") {
        let r = revisions(&xml);
        let mut said = Vec::new();
        for (n, what) in [
            (r.inserted, "插入"),
            (r.deleted, "删除"),
            (r.moved, "移动"),
            (r.formatted, "格式修改"),
        ] {
            if n > 0 {
                said.push(format!("{what} {n} 处"));
            }
        }
        if !said.is_empty() {
            out.push(format!(
                "文件含未接受的修订（{}）：已按接受全部修订后的文字导入，请与发文机关核实收到的是否为定稿",
                said.join("、")
            ));
        }
    }
    if let Ok(Some(xml)) = zip_text(&mut zip, "word/comments.xml") {
        let n = count(&xml, "comment");
        if n > 0 {
            out.push(format!("文件含批注 {n} 条：批注未导入"));
        }
    }
    out
}

/// The tracked changes of `xml`, in one pass: a change that holds text opens an element (an
/// empty `w:del` or `w:ins` marks a paragraph mark, counted with the text it joins).
fn revisions(xml: &str) -> Revisions {
    let mut r = Revisions::default();
    let mut reader = Reader::from_str(xml);
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => match local(&e).as_str() {
                "ins" => r.inserted += 1,
                "del" => r.deleted += 1,
                "moveFrom" => r.moved += 1,
                "rPrChange" | "pPrChange" | "tblPrChange" | "tcPrChange" => r.formatted += 1,
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => return r,
            _ => {}
        }
    }
}

/// How many elements named `name` open in `xml` (a broken part counts what it read).
fn count(xml: &str, name: &str) -> usize {
    let mut reader = Reader::from_str(xml);
    let mut n = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if local(&e) == name => n += 1,
            Ok(Event::Eof) | Err(_) => return n,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracked_changes_are_counted_by_the_text_they_hold() {
        let xml = r#"<w:document xmlns:w="w"><w:body><w:p>
            <w:ins w:id="1"><w:r><w:t>经局党组研究，</w:t></w:r></w:ins>
            <w:del w:id="2"><w:r><w:delText>经研究，</w:delText></w:r></w:del>
            <w:r><w:rPr><w:b/><w:rPrChange w:id="3"><w:rPr/></w:rPrChange></w:rPr><w:t>决定</w:t></w:r>
            <w:pPr><w:rPr><w:del w:id="4"/></w:rPr></w:pPr>
            </w:p></w:body></w:document>"#;
        assert_eq!(
            revisions(xml),
            Revisions {
                inserted: 1,
                deleted: 1,
                moved: 0,
                formatted: 1
            }
        );
    }
}
