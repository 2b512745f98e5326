//! The 公文's elements tagged in the OFD (GB/T 33190 §16 自定义标引): which page objects are its
//! 标题, 主送机关, 正文 … so that an exchange system reads them from the tags rather than guessing
//! from the page (GB/T 33476, element names of GB/T 33480 and GB/T 9704).
//!
//! The templates mark each element with invisible `metadata` markers (`<gw-start>`, `<gw-end>`,
//! see `el` in `gongwen.typ`); the page walk keeps the markers open around each object it writes
//! and records the object under the innermost element. Paragraphs (段落) are recorded inside their
//! element so that a reader, our own import included, gets the text back paragraph by paragraph.
//!
//! What is confirmed and what is inferred (docs/research/ofd-gongwen-tags.md): the OFD side
//! (`CustomTags`, `CustomTag` with `FileLoc`, `ObjectRef PageRef=page ID`) is GB/T 33190's and what
//! real files do; the root `电子公文`, the namespace, the `公文体` wrapper and the `TypeID` are those
//! of the vendors' 公文语义 tools (the text of GB/T 33476 was not available); 正文, 印章, 附件 and
//! 段落 are GB/T 9704's element names, our choice.

use super::xml::escape;
use typst::foundations::{Label, Value};
use typst::introspection::Tag;

/// The namespace of the 公文 tag file.
pub const NAMESPACE: &str = "http://www.officedocument.org";
/// `TypeID` of the 公文 custom tag (the tag file's root element).
pub const TYPE_ID: &str = "电子公文";
/// Where the tag list is, relative to the document's folder.
pub const LIST: &str = "Tags/CustomTags.xml";
/// The tag file, relative to the tag list.
pub const FILE: &str = "CustomTag.xml";
/// The marker name of a paragraph inside an element.
pub const PARAGRAPH: &str = "段落";
/// The marker name of the second part of a paragraph split across pages.
pub const CONTINUED: &str = "段落续";
/// The element everything inside an annex belongs to.
const ANNEX: &str = "附件";
/// Elements drawn on the page that are no element of the 公文 (the page number).
pub const IGNORED: &str = "页码";

/// The elements in the order of the tag file (GB/T 9704's order of the parts).
pub const ELEMENTS: &[&str] = &[
    "份号",
    "密级和保密期限",
    "紧急程度",
    "发文机关标志",
    "发文字号",
    "签发人",
    "附件标识",
    "标题",
    "主送机关",
    "正文",
    "附件说明",
    "发文机关署名",
    "成文日期",
    "印章",
    "附注",
    "附件",
    "抄送机关",
    "印发机关",
    "印发日期",
];

/// One object of a page recorded under an element.
#[derive(Debug, Clone)]
struct Tagged {
    element: &'static str,
    paragraph: Option<usize>,
    page: u64,
    object: u64,
}

/// The markers open during the page walk, and the objects recorded under them.
#[derive(Debug, Default)]
pub struct Recorder {
    open: Vec<(&'static str, Option<usize>)>,
    paragraphs: usize,
    page: u64,
    objects: Vec<Tagged>,
}

fn marker(content: &typst::foundations::Content, name: &str) -> Option<String> {
    let label = Label::new(typst::utils::PicoStr::intern(name))?;
    if content.label() != Some(label) {
        return None;
    }
    match content.get_by_name("value").ok()? {
        Value::Str(s) => Some(s.to_string()),
        _ => None,
    }
}

impl Recorder {
    /// The page the next objects are on.
    pub fn page(&mut self, id: u64) {
        self.page = id;
    }

    /// Opens or closes an element at an introspection tag of the layout.
    pub fn tag(&mut self, tag: &Tag) {
        let Tag::Start(content, _) = tag else { return };
        if let Some(name) = marker(content, "gw-start") {
            let element = known(&name);
            let paragraph = match name.as_str() {
                PARAGRAPH => {
                    self.paragraphs += 1;
                    Some(self.paragraphs)
                }
                CONTINUED => Some(self.paragraphs),
                _ => None,
            };
            self.open.push((element, paragraph));
        } else if marker(content, "gw-end").is_some() {
            self.open.pop();
        }
    }

    /// Records page object `id` under the innermost element open (everything inside an 附件
    /// is the 附件's).
    pub fn object(&mut self, id: u64) {
        let mut open = self
            .open
            .iter()
            .rev()
            .map(|(e, _)| *e)
            .filter(|e| !e.is_empty());
        let Some(innermost) = open.next().filter(|e| *e != IGNORED) else {
            return;
        };
        // The 版记 may be drawn on an annex's last page, never as part of it.
        let colophon = ["抄送机关", "印发机关", "印发日期"].contains(&innermost);
        let element = if !colophon && self.open.iter().any(|(e, _)| *e == ANNEX) {
            ANNEX
        } else {
            innermost
        };
        let paragraph = self.open.iter().rev().find_map(|(_, p)| *p);
        self.objects.push(Tagged {
            element,
            paragraph,
            page: self.page,
            object: id,
        });
    }

    /// Whether any object was tagged.
    pub fn is_empty(&self) -> bool {
        self.objects.is_empty()
    }

    /// The tag file: the 公文's kind, then each element with its objects, paragraph by
    /// paragraph where it has paragraphs.
    pub fn tag_file(&self, kind: &str) -> String {
        let mut body = String::new();
        for &element in ELEMENTS {
            let objects: Vec<&Tagged> = self
                .objects
                .iter()
                .filter(|t| t.element == element)
                .collect();
            if objects.is_empty() {
                continue;
            }
            body.push_str(&format!("<od:{element}>"));
            let mut open: Option<usize> = None;
            for t in objects {
                if t.paragraph != open {
                    if open.is_some() {
                        body.push_str(&format!("</od:{PARAGRAPH}>"));
                    }
                    if t.paragraph.is_some() {
                        body.push_str(&format!("<od:{PARAGRAPH}>"));
                    }
                    open = t.paragraph;
                }
                body.push_str(&format!(
                    r#"<od:ObjectRef PageRef="{}">{}</od:ObjectRef>"#,
                    t.page, t.object
                ));
            }
            if open.is_some() {
                body.push_str(&format!("</od:{PARAGRAPH}>"));
            }
            body.push_str(&format!("</od:{element}>"));
        }
        format!(
            r#"{}<od:{TYPE_ID} xmlns:od="{NAMESPACE}"><od:文种><od:ObjectData>{}</od:ObjectData></od:文种><od:公文体>{body}</od:公文体></od:{TYPE_ID}>"#,
            super::xml::DECLARATION,
            escape(kind)
        )
    }
}

/// The tag list (`CustomTags.xml`): one custom tag, the 公文's. It carries `TypeID`, as
/// GB/T 33190's table 63 and the files of other writers do, and `NameSpace`, as the schema of
/// its annex A.9 requires.
pub fn tag_list() -> String {
    format!(
        r#"{}<ofd:CustomTags xmlns:ofd="{}"><ofd:CustomTag TypeID="{TYPE_ID}" NameSpace="{NAMESPACE}"><ofd:FileLoc>{FILE}</ofd:FileLoc></ofd:CustomTag></ofd:CustomTags>"#,
        super::xml::DECLARATION,
        super::xml::NAMESPACE
    )
}

/// The static name of a marker: an element, a paragraph marker, the page number; empty for
/// anything else (a marker inside an element that is no element of its own).
fn known(name: &str) -> &'static str {
    ELEMENTS
        .iter()
        .chain([&PARAGRAPH, &CONTINUED, &IGNORED])
        .find(|e| **e == name)
        .map_or("", |e| match *e {
            PARAGRAPH | CONTINUED => "",
            e => e,
        })
}
