//! Puts the XML that docx-rs writes into the element order of the OOXML schema.
//!
//! docx-rs 0.4.22 writes the children of many property elements (`w:rPr`, `w:pPr`, `w:sectPr`,
//! `w:tblPr`, `w:style`, `w:settings`, …) in an order that ECMA-376 (transitional `wml.xsd`)
//! forbids; Word may then "repair" the file and validators reject it. [`normalize`] re-reads one
//! WordprocessingML part, stably sorts the children of every element listed in
//! [`schema_order`] into schema order and writes everything else back byte for byte. It also
//! applies a few fixes that are not a matter of order (see [`drop_undeclared_attributes`],
//! [`drop_empty_rpr_from_general_ppr`] and [`hoist_character_spacing_control`]).
//!
//! The order tables are the content models of the schema types they are named after, taken
//! from the Open XML SDK schema data that `openxml-audit` validates against. An entry such as
//! `"w:headerReference|w:footerReference"` is a choice: its members share one rank and keep
//! their relative order. Children not in a table keep their relative order and go last.
#![allow(non_upper_case_globals)]

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{LocalName, Namespace, NamespaceResolver, ResolveResult};
use quick_xml::NsReader;
use std::ops::Range;

/// Namespace URIs and the canonical prefixes the order tables use for them.
const PREFIXES: &[(&[u8], &str)] = &[
    (
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "w",
    ),
    (
        b"http://schemas.microsoft.com/office/word/2010/wordml",
        "w14",
    ),
    (
        b"http://schemas.microsoft.com/office/word/2012/wordml",
        "w15",
    ),
    (
        b"http://schemas.openxmlformats.org/officeDocument/2006/math",
        "m",
    ),
    (
        b"http://schemas.openxmlformats.org/schemaLibrary/2006/main",
        "sl",
    ),
];

/// `w:pPr`: CT_PPrBase, then `rPr`, `sectPr`, `pPrChange`; CT_PPrGeneral is a subsequence.
pub const CT_PPr: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// `w:rPr`: CT_ParaRPr (revision marks, EG_RPrBase, `rPrChange`); CT_RPr is a subsequence.
pub const CT_ParaRPr: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w14:conflictIns|w14:conflictDel",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w14:glow",
    "w14:shadow",
    "w14:reflection",
    "w14:textOutline",
    "w14:textFill",
    "w14:scene3d",
    "w14:props3d",
    "w14:ligatures",
    "w14:numForm",
    "w14:numSpacing",
    "w14:stylisticSets",
    "w14:cntxtAlts",
    "w:oMath",
    "w:rPrChange",
];

/// `w:sectPr`: header/footer references first, then the page setup in schema order.
pub const CT_SectPr: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w15:footnoteColumns",
    "w:sectPrChange",
];

/// `w:tblPr`: CT_TblPrBase (with the style band sizes of CT_TblPrStyle), then `tblPrChange`.
pub const CT_TblPr: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// `w:trPr`: the CT_TrPrBase properties are an unordered choice; revision marks follow them.
pub const CT_TrPr: &[&str] = &[
    concat!(
        "w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:trHeight|",
        "w:hidden|w:cantSplit|w:tblHeader|w:tblCellSpacing|w:jc"
    ),
    "w:ins",
    "w:del",
    "w:trPrChange",
    "w14:conflictIns|w14:conflictDel",
];

/// `w:tcPr`: CT_TcPrBase, then cell revision marks and `tcPrChange`.
pub const CT_TcPr: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:cellIns|w:cellDel|w:cellMerge",
    "w:tcPrChange",
];

/// `w:tblBorders`: CT_TblBorders edge order.
pub const CT_TblBorders: &[&str] = &[
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:insideH",
    "w:insideV",
];

/// `w:tcBorders`: CT_TcBorders edge order.
pub const CT_TcBorders: &[&str] = &[
    "w:top",
    "w:left",
    "w:start",
    "w:bottom",
    "w:right",
    "w:end",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];

/// `w:pBdr`: CT_PBdr edge order (docx-rs writes left, right, top, bottom).
pub const CT_PBdr: &[&str] = &[
    "w:top",
    "w:left",
    "w:bottom",
    "w:right",
    "w:between",
    "w:bar",
];

/// `w:tblCellMar` and `w:tcMar` (CT_TblCellMar / CT_TcMar).
pub const CT_TblCellMar: &[&str] = &["w:top", "w:left", "w:start", "w:bottom", "w:right", "w:end"];

/// `w:style`: names and flags first, then `pPr`, `rPr` and the table properties.
pub const CT_Style: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// `w:styles`: `docDefaults`, `latentStyles`, then the styles.
pub const CT_Styles: &[&str] = &["w:docDefaults", "w:latentStyles", "w:style"];

/// `w:docDefaults`: run defaults before paragraph defaults.
pub const CT_DocDefaults: &[&str] = &["w:rPrDefault", "w:pPrDefault"];

/// `w:settings`: CT_Settings, with the Word 2010/2013 extension elements at the end.
pub const CT_Settings: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:uiCompat97To2003",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:decimalSymbol",
    "w:listSeparator",
    "w14:docId",
    "w14:discardImageEditingData",
    "w14:defaultImageDpi",
    "w14:conflictMode",
    "w15:chartTrackingRefBased",
    "w15:docId",
];

/// `w:compat`: the legacy compatibility flags, then `compatSetting`.
pub const CT_Compat: &[&str] = &[
    "w:useSingleBorderforContiguousCells",
    "w:wpJustification",
    "w:noTabHangInd",
    "w:noLeading",
    "w:spaceForUL",
    "w:noColumnBalance",
    "w:balanceSingleByteDoubleByteWidth",
    "w:noExtraLineSpacing",
    "w:doNotLeaveBackslashAlone",
    "w:ulTrailSpace",
    "w:doNotExpandShiftReturn",
    "w:spacingInWholePoints",
    "w:lineWrapLikeWord6",
    "w:printBodyTextBeforeHeader",
    "w:printColBlack",
    "w:wpSpaceWidth",
    "w:showBreaksInFrames",
    "w:subFontBySize",
    "w:suppressBottomSpacing",
    "w:suppressTopSpacing",
    "w:suppressSpacingAtTopOfPage",
    "w:suppressTopSpacingWP",
    "w:suppressSpBfAfterPgBrk",
    "w:swapBordersFacingPages",
    "w:convMailMergeEsc",
    "w:truncateFontHeightsLikeWP6",
    "w:mwSmallCaps",
    "w:usePrinterMetrics",
    "w:doNotSuppressParagraphBorders",
    "w:wrapTrailSpaces",
    "w:footnoteLayoutLikeWW8",
    "w:shapeLayoutLikeWW8",
    "w:alignTablesRowByRow",
    "w:forgetLastTabAlignment",
    "w:adjustLineHeightInTable",
    "w:autoSpaceLikeWord95",
    "w:noSpaceRaiseLower",
    "w:doNotUseHTMLParagraphAutoSpacing",
    "w:layoutRawTableWidth",
    "w:layoutTableRowsApart",
    "w:useWord97LineBreakRules",
    "w:doNotBreakWrappedTables",
    "w:doNotSnapToGridInCell",
    "w:selectFldWithFirstOrLastChar",
    "w:applyBreakingRules",
    "w:doNotWrapTextWithPunct",
    "w:doNotUseEastAsianBreakRules",
    "w:useWord2002TableStyleRules",
    "w:growAutofit",
    "w:useFELayout",
    "w:useNormalStyleForList",
    "w:doNotUseIndentAsNumberingTabStop",
    "w:useAltKinsokuLineBreakRules",
    "w:allowSpaceOfSameStyleInTable",
    "w:doNotSuppressIndentation",
    "w:doNotAutofitConstrainedTables",
    "w:autofitToFirstFixedWidthCell",
    "w:underlineTabInNumList",
    "w:displayHangulFixedWidth",
    "w:splitPgBreakAndParaMark",
    "w:doNotVertAlignCellWithSp",
    "w:doNotBreakConstrainedForcedTable",
    "w:doNotVertAlignInTxbx",
    "w:useAnsiKerningPairs",
    "w:cachedColBalance",
    "w:compatSetting",
];

/// `w:numbering`: picture bullets, abstract definitions, instances.
pub const CT_Numbering: &[&str] = &[
    "w:numPicBullet",
    "w:abstractNum",
    "w:num",
    "w:numIdMacAtCleanup",
];

/// `w:abstractNum`: identification first, then the levels.
pub const CT_AbstractNum: &[&str] = &[
    "w:nsid",
    "w:multiLevelType",
    "w:tmpl",
    "w:name",
    "w:styleLink",
    "w:numStyleLink",
    "w:lvl",
];

/// `w:lvl`: numbering level definition.
pub const CT_Lvl: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// `w:num`: numbering instance.
pub const CT_Num: &[&str] = &["w:abstractNumId", "w:lvlOverride"];

/// `w:lvlOverride`: numbering level override.
pub const CT_NumLvl: &[&str] = &["w:startOverride", "w:lvl"];

/// `w:numPr`: paragraph numbering reference.
pub const CT_NumPr: &[&str] = &["w:ilvl", "w:numId", "w:numberingChange", "w:ins"];

/// `w:tblStylePr`: conditional table style formatting.
pub const CT_TblStylePr: &[&str] = &["w:pPr", "w:rPr", "w:tblPr", "w:trPr", "w:tcPr"];

/// `w:footnotePr` / `w:endnotePr` (CT_FtnProps, CT_EdnProps and their document-wide forms).
pub const CT_FtnDocProps: &[&str] = &[
    "w:pos",
    "w:numFmt",
    "w:numStart",
    "w:numRestart",
    "w:footnote|w:endnote",
];

/// The child order of the element named `key` (a canonical `prefix:local` name), if the
/// schema gives its children a sequence.
pub fn schema_order(key: &str) -> Option<&'static [&'static str]> {
    Some(match key {
        "w:pPr" => CT_PPr,
        "w:rPr" => CT_ParaRPr,
        "w:sectPr" => CT_SectPr,
        "w:tblPr" => CT_TblPr,
        "w:trPr" => CT_TrPr,
        "w:tcPr" => CT_TcPr,
        "w:tblBorders" => CT_TblBorders,
        "w:tcBorders" => CT_TcBorders,
        "w:pBdr" => CT_PBdr,
        "w:tblCellMar" | "w:tcMar" => CT_TblCellMar,
        "w:style" => CT_Style,
        "w:styles" => CT_Styles,
        "w:docDefaults" => CT_DocDefaults,
        "w:settings" => CT_Settings,
        "w:compat" => CT_Compat,
        "w:numbering" => CT_Numbering,
        "w:abstractNum" => CT_AbstractNum,
        "w:lvl" => CT_Lvl,
        "w:num" => CT_Num,
        "w:lvlOverride" => CT_NumLvl,
        "w:numPr" => CT_NumPr,
        "w:tblStylePr" => CT_TblStylePr,
        "w:footnotePr" | "w:endnotePr" => CT_FtnDocProps,
        _ => return None,
    })
}

/// Attributes docx-rs writes that the schema does not declare, as `(element, attribute)`:
/// `<w:gridCol w:w="2000" w:type="dxa"/>` (CT_TblGridCol has only `w:w`).
const UNDECLARED_ATTRIBUTES: &[(&str, &str)] = &[("w:gridCol", "w:type")];

/// Parents whose `w:pPr` is CT_PPrGeneral (or narrower), which has no `w:rPr` child.
const GENERAL_PPR_PARENTS: &[&str] = &["w:style", "w:lvl", "w:pPrDefault", "w:tblStylePr"];

/// One element of the parsed part: byte ranges into the input, plus its children.
#[derive(Debug)]
struct Element {
    /// Canonical `prefix:local` name (see [`PREFIXES`]), `{uri}local` for other namespaces.
    key: String,
    /// The start tag (or the whole empty-element tag).
    open: Range<usize>,
    /// A rewritten start tag, when attributes had to be dropped.
    open_override: Option<Vec<u8>>,
    children: Vec<Item>,
    /// The end tag; `None` for an empty-element tag.
    close: Option<Range<usize>>,
}

/// A child of an element: an element, or any other stretch of the input (text, whitespace,
/// comments, processing instructions, CDATA) written back unchanged.
#[derive(Debug)]
enum Item {
    Node(Element),
    Raw(Range<usize>),
}

impl Item {
    fn element(&self) -> Option<&Element> {
        match self {
            Item::Node(e) => Some(e),
            Item::Raw(_) => None,
        }
    }

    fn is_element(&self, key: &str) -> bool {
        self.element().is_some_and(|e| e.key == key)
    }
}

/// Puts the children of every element of one WordprocessingML part (document, styles,
/// settings, numbering, header, footer, …) into schema order and applies the non-order fixes.
///
/// Bytes outside the moved elements — the XML declaration, namespace declarations,
/// attributes, text, whitespace — are copied unchanged. Input that is not well-formed XML is
/// returned unchanged.
pub fn normalize(xml: &[u8]) -> Vec<u8> {
    let Some(mut items) = parse(xml) else {
        return xml.to_vec();
    };
    for item in &mut items {
        if let Item::Node(e) = item {
            fix_element(e, "");
        }
    }
    let mut out = Vec::with_capacity(xml.len());
    for item in &items {
        write_item(xml, item, &mut out);
    }
    out
}

/// Applies all fixes to `e` and its descendants; `parent` is the key of its parent element.
fn fix_element(e: &mut Element, parent: &str) {
    if e.key == "w:settings" {
        hoist_character_spacing_control(e);
    }
    if e.key == "w:pPr" && GENERAL_PPR_PARENTS.contains(&parent) {
        drop_empty_rpr_from_general_ppr(e);
    }
    for item in &mut e.children {
        if let Item::Node(child) = item {
            fix_element(child, &e.key);
        }
    }
    if let Some(order) = schema_order(&e.key) {
        reorder_children(e, order);
    }
}

/// Stably sorts the element children of `e` by their rank in `order`; text, whitespace and
/// comments between them stay where they are. Children not in `order` go last.
fn reorder_children(e: &mut Element, order: &[&str]) {
    let rank = |key: &str| {
        order
            .iter()
            .position(|entry| entry.split('|').any(|name| name == key))
            .unwrap_or(order.len())
    };
    let mut slots = Vec::new();
    let mut elements = Vec::new();
    let mut items: Vec<Option<Item>> = Vec::with_capacity(e.children.len());
    for item in std::mem::take(&mut e.children) {
        match item {
            Item::Node(child) => {
                slots.push(items.len());
                items.push(None);
                elements.push(child);
            }
            raw => items.push(Some(raw)),
        }
    }
    elements.sort_by_key(|child| rank(&child.key));
    for (slot, child) in slots.into_iter().zip(elements) {
        items[slot] = Some(Item::Node(child));
    }
    e.children = items.into_iter().flatten().collect();
}

/// docx-rs writes an empty `<w:rPr />` into every `w:pPr`, including those of styles,
/// numbering levels and `w:pPrDefault`, whose type (CT_PPrGeneral) has no `w:rPr` child.
/// Drops it there when it is empty; a non-empty one is left for the validator to report.
fn drop_empty_rpr_from_general_ppr(ppr: &mut Element) {
    ppr.children.retain(|item| {
        !item
            .element()
            .is_some_and(|e| e.key == "w:rPr" && !e.children.iter().any(|c| c.element().is_some()))
    });
}

/// docx-rs writes `w:characterSpacingControl` (a CT_Settings child) inside `w:compat`.
/// Moves it up into `w:settings`, unless `w:settings` already has one, in which case the
/// misplaced copy is dropped. Relies on the prefix being declared above `w:compat`, as
/// docx-rs does (on the root).
fn hoist_character_spacing_control(settings: &mut Element) {
    let mut moved = Vec::new();
    for item in &mut settings.children {
        if let Item::Node(compat) = item {
            if compat.key == "w:compat" {
                let (out, kept) = std::mem::take(&mut compat.children)
                    .into_iter()
                    .partition(|c| c.is_element("w:characterSpacingControl"));
                compat.children = kept;
                moved.extend::<Vec<Item>>(out);
            }
        }
    }
    let present = settings
        .children
        .iter()
        .any(|c| c.is_element("w:characterSpacingControl"));
    if !present {
        if let Some(first) = moved.into_iter().next() {
            settings.children.push(first);
        }
    }
}

/// Parses `xml` into a tree of byte ranges; `None` if it is not well-formed.
fn parse(xml: &[u8]) -> Option<Vec<Item>> {
    let mut reader = NsReader::from_reader(xml);
    let mut buf = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    let mut top: Vec<Item> = Vec::new();
    let mut cursor = 0;
    loop {
        buf.clear();
        let event = reader.read_event_into(&mut buf).ok()?;
        let end = usize::try_from(reader.buffer_position()).ok()?;
        if let Event::Eof = event {
            break;
        }
        // Events are contiguous, so `cursor..end` covers every input byte exactly once.
        let range = cursor..end;
        cursor = end;
        match event {
            Event::Start(ref tag) | Event::Empty(ref tag) => {
                let (ns, local) = reader.resolver().resolve_element(tag.name());
                let key = qualified_key(ns, local);
                let open_override =
                    drop_undeclared_attributes(&key, tag, reader.resolver(), &xml[range.clone()]);
                let element = Element {
                    key,
                    open: range,
                    open_override,
                    children: Vec::new(),
                    close: None,
                };
                if let Event::Start(_) = event {
                    stack.push(element);
                } else {
                    push(&mut stack, &mut top, Item::Node(element));
                }
            }
            Event::End(_) => {
                let mut element = stack.pop()?;
                element.close = Some(range);
                push(&mut stack, &mut top, Item::Node(element));
            }
            _ => push(&mut stack, &mut top, Item::Raw(range)),
        }
    }
    if !stack.is_empty() {
        return None;
    }
    if cursor < xml.len() {
        top.push(Item::Raw(cursor..xml.len()));
    }
    Some(top)
}

/// Appends `item` to the innermost open element, or to the top level.
fn push(stack: &mut [Element], top: &mut Vec<Item>, item: Item) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(item),
        None => top.push(item),
    }
}

/// The canonical `prefix:local` name of a resolved name.
fn qualified_key(ns: ResolveResult<'_>, local: LocalName<'_>) -> String {
    let local = String::from_utf8_lossy(local.as_ref());
    match ns {
        ResolveResult::Bound(Namespace(uri)) => match PREFIXES.iter().find(|(u, _)| *u == uri) {
            Some((_, prefix)) => format!("{prefix}:{local}"),
            None => format!("{{{}}}{local}", String::from_utf8_lossy(uri)),
        },
        _ => local.into_owned(),
    }
}

/// Rewrites the start tag `raw` of element `key` without the attributes listed in
/// [`UNDECLARED_ATTRIBUTES`]; `None` when there is nothing to drop.
fn drop_undeclared_attributes(
    key: &str,
    tag: &BytesStart<'_>,
    resolver: &NamespaceResolver,
    raw: &[u8],
) -> Option<Vec<u8>> {
    let doomed: Vec<&str> = UNDECLARED_ATTRIBUTES
        .iter()
        .filter(|(element, _)| *element == key)
        .map(|(_, attribute)| *attribute)
        .collect();
    if doomed.is_empty() {
        return None;
    }
    let mut kept = Vec::new();
    let mut dropped = false;
    for attribute in tag.attributes().with_checks(false) {
        let attribute = attribute.ok()?;
        let (ns, local) = resolver.resolve_attribute(attribute.key);
        if doomed.contains(&qualified_key(ns, local).as_str()) {
            dropped = true;
        } else {
            kept.push(attribute);
        }
    }
    if !dropped {
        return None;
    }
    let mut out = b"<".to_vec();
    out.extend_from_slice(tag.name().as_ref());
    for attribute in kept {
        out.push(b' ');
        out.extend_from_slice(attribute.key.as_ref());
        out.extend_from_slice(b"=\"");
        for &byte in attribute.value.iter() {
            match byte {
                b'"' => out.extend_from_slice(b"&quot;"),
                _ => out.push(byte),
            }
        }
        out.push(b'"');
    }
    let tail: &[u8] = if raw.ends_with(b" />") {
        b" />"
    } else if raw.ends_with(b"/>") {
        b"/>"
    } else {
        b">"
    };
    out.extend_from_slice(tail);
    Some(out)
}

fn write_item(xml: &[u8], item: &Item, out: &mut Vec<u8>) {
    match item {
        Item::Raw(range) => out.extend_from_slice(&xml[range.clone()]),
        Item::Node(e) => {
            match &e.open_override {
                Some(tag) => out.extend_from_slice(tag),
                None => out.extend_from_slice(&xml[e.open.clone()]),
            }
            for child in &e.children {
                write_item(xml, child, out);
            }
            if let Some(close) = &e.close {
                out.extend_from_slice(&xml[close.clone()]);
            }
        }
    }
}

/// Zip path of the theme part that [`THEME_XML`] is meant for.
///
/// docx-rs writes no theme, and `openxml-audit` (strict policy, its default) requires the main
/// document to have a theme relationship ("A required relationship type '…/theme' is
/// missing"). That is a package fix, not an XML one: write [`THEME_XML`] to this path and pass
/// docx-rs's `[Content_Types].xml` and `word/_rels/document.xml.rels` through
/// [`register_theme_content_type`] and [`register_theme_relationship`].
pub const THEME_PART_NAME: &str = "word/theme/theme1.xml";

/// A minimal valid DrawingML theme. Its fonts only matter to runs that name theme fonts
/// (`w:asciiTheme`, `w:eastAsiaTheme`, …), which must not be emitted anyway.
pub const THEME_XML: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
    "<a:theme xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" name=\"gongwen\">",
    "<a:themeElements><a:clrScheme name=\"gongwen\"><a:dk1><a:srgbClr val=\"000000\"/>",
    "</a:dk1><a:lt1><a:srgbClr val=\"FFFFFF\"/></a:lt1><a:dk2><a:srgbClr val=\"000000\"/>",
    "</a:dk2><a:lt2><a:srgbClr val=\"FFFFFF\"/></a:lt2><a:accent1><a:srgbClr val=\"FF0000\"/>",
    "</a:accent1><a:accent2><a:srgbClr val=\"000000\"/></a:accent2><a:accent3>",
    "<a:srgbClr val=\"000000\"/></a:accent3><a:accent4><a:srgbClr val=\"000000\"/>",
    "</a:accent4><a:accent5><a:srgbClr val=\"000000\"/></a:accent5><a:accent6>",
    "<a:srgbClr val=\"000000\"/></a:accent6><a:hlink><a:srgbClr val=\"0000FF\"/></a:hlink>",
    "<a:folHlink><a:srgbClr val=\"800080\"/></a:folHlink></a:clrScheme>",
    "<a:fontScheme name=\"gongwen\"><a:majorFont><a:latin typeface=\"Times New Roman\"/>",
    "<a:ea typeface=\"黑体\"/><a:cs typeface=\"Times New Roman\"/></a:majorFont><a:minorFont>",
    "<a:latin typeface=\"Times New Roman\"/><a:ea typeface=\"仿宋_GB2312\"/>",
    "<a:cs typeface=\"Times New Roman\"/></a:minorFont></a:fontScheme>",
    "<a:fmtScheme name=\"gongwen\"><a:fillStyleLst><a:solidFill><a:schemeClr val=\"phClr\"/>",
    "</a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill>",
    "<a:schemeClr val=\"phClr\"/></a:solidFill></a:fillStyleLst><a:lnStyleLst>",
    "<a:ln w=\"6350\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>",
    "<a:ln w=\"12700\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>",
    "<a:ln w=\"19050\"><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill></a:ln>",
    "</a:lnStyleLst><a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle>",
    "<a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/>",
    "</a:effectStyle></a:effectStyleLst><a:bgFillStyleLst><a:solidFill>",
    "<a:schemeClr val=\"phClr\"/></a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/>",
    "</a:solidFill><a:solidFill><a:schemeClr val=\"phClr\"/></a:solidFill>",
    "</a:bgFillStyleLst></a:fmtScheme></a:themeElements><a:objectDefaults/>",
    "<a:extraClrSchemeLst/></a:theme>",
);

const THEME_CONTENT_TYPE: &str = concat!(
    "<Override PartName=\"/word/theme/theme1.xml\" ",
    "ContentType=\"application/vnd.openxmlformats-officedocument.theme+xml\" />"
);

const THEME_RELATIONSHIP_TYPE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme";

/// Adds the content-type override of [`THEME_PART_NAME`] to `[Content_Types].xml`, unless
/// it is already there.
pub fn register_theme_content_type(content_types: &[u8]) -> Vec<u8> {
    insert_before_last(
        content_types,
        b"</Types>",
        THEME_CONTENT_TYPE,
        "/word/theme/theme1.xml",
    )
}

/// Adds a theme relationship (id `rIdTheme1`, target `theme/theme1.xml`) to
/// `word/_rels/document.xml.rels`, unless it already has one.
pub fn register_theme_relationship(document_rels: &[u8]) -> Vec<u8> {
    let relationship = format!(
        "<Relationship Id=\"rIdTheme1\" Type=\"{THEME_RELATIONSHIP_TYPE}\" Target=\"theme/theme1.xml\" />"
    );
    insert_before_last(
        document_rels,
        b"</Relationships>",
        &relationship,
        THEME_RELATIONSHIP_TYPE,
    )
}

/// Inserts `addition` before the last occurrence of `closing` in `xml`, unless `xml` already
/// contains `marker` or has no `closing` tag.
fn insert_before_last(xml: &[u8], closing: &[u8], addition: &str, marker: &str) -> Vec<u8> {
    let present = xml.windows(marker.len()).any(|w| w == marker.as_bytes());
    let at = xml.windows(closing.len()).rposition(|w| w == closing);
    match at {
        Some(at) if !present => {
            let mut out = Vec::with_capacity(xml.len() + addition.len());
            out.extend_from_slice(&xml[..at]);
            out.extend_from_slice(addition.as_bytes());
            out.extend_from_slice(&xml[at..]);
            out
        }
        _ => xml.to_vec(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;
    const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

    fn norm(xml: &str) -> String {
        String::from_utf8(normalize(xml.as_bytes())).expect("normalize keeps UTF-8")
    }

    /// `body` inside a `w:document` / `w:body` with the `w` namespace declared.
    fn document(body: &str) -> String {
        format!(r#"{DECL}<w:document {W}><w:body>{body}</w:body></w:document>"#)
    }

    #[test]
    fn run_properties_follow_schema_order() {
        let input = document(concat!(
            r#"<w:p><w:r><w:rPr><w:sz w:val="32" /><w:szCs w:val="32" />"#,
            r#"<w:color w:val="FF0000" /><w:b /><w:bCs />"#,
            r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" />"#,
            r#"<w:spacing w:val="-5" /></w:rPr>"#,
            r#"<w:t xml:space="preserve">正文 &amp; 1</w:t></w:r></w:p>"#,
        ));
        let expected = document(concat!(
            r#"<w:p><w:r><w:rPr>"#,
            r#"<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" />"#,
            r#"<w:b /><w:bCs /><w:color w:val="FF0000" /><w:spacing w:val="-5" />"#,
            r#"<w:sz w:val="32" /><w:szCs w:val="32" /></w:rPr>"#,
            r#"<w:t xml:space="preserve">正文 &amp; 1</w:t></w:r></w:p>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn paragraph_properties_follow_schema_order() {
        let input = document(concat!(
            r#"<w:p><w:pPr><w:rPr /><w:jc w:val="both" />"#,
            r#"<w:ind w:left="0" w:right="0" w:firstLine="640" />"#,
            r#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact" />"#,
            r#"<w:pageBreakBefore /><w:pBdr><w:bottom w:val="single" w:sz="12" /></w:pBdr>"#,
            r#"<w:keepNext /></w:pPr></w:p>"#,
        ));
        let expected = document(concat!(
            r#"<w:p><w:pPr><w:keepNext /><w:pageBreakBefore />"#,
            r#"<w:pBdr><w:bottom w:val="single" w:sz="12" /></w:pBdr>"#,
            r#"<w:spacing w:before="0" w:after="0" w:line="579" w:lineRule="exact" />"#,
            r#"<w:ind w:left="0" w:right="0" w:firstLine="640" />"#,
            r#"<w:jc w:val="both" /><w:rPr /></w:pPr></w:p>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn paragraph_borders_follow_schema_order() {
        let input = document(concat!(
            r#"<w:p><w:pPr><w:pBdr><w:left w:val="single" /><w:right w:val="single" />"#,
            r#"<w:top w:val="single" /><w:bottom w:val="double" /></w:pBdr></w:pPr></w:p>"#,
        ));
        let expected = document(concat!(
            r#"<w:p><w:pPr><w:pBdr><w:top w:val="single" /><w:left w:val="single" />"#,
            r#"<w:bottom w:val="double" /><w:right w:val="single" /></w:pBdr></w:pPr></w:p>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn section_properties_put_header_and_footer_references_first() {
        let input = document(concat!(
            r#"<w:sectPr><w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="2098" />"#,
            r#"<w:cols w:space="425" w:num="1" /><w:docGrid w:type="lines" w:linePitch="579" />"#,
            r#"<w:footerReference w:type="default" r:id="rIdFooter1" />"#,
            r#"<w:pgNumType w:start="1" />"#,
            r#"<w:footerReference w:type="even" r:id="rIdFooter2" /></w:sectPr>"#,
        ));
        let expected = document(concat!(
            r#"<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1" />"#,
            r#"<w:footerReference w:type="even" r:id="rIdFooter2" />"#,
            r#"<w:pgSz w:w="11906" w:h="16838" /><w:pgMar w:top="2098" />"#,
            r#"<w:pgNumType w:start="1" /><w:cols w:space="425" w:num="1" />"#,
            r#"<w:docGrid w:type="lines" w:linePitch="579" /></w:sectPr>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn table_properties_follow_schema_order() {
        let input = document(concat!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa" /><w:jc w:val="center" />"#,
            r#"<w:tblBorders><w:top w:val="single" /></w:tblBorders>"#,
            r#"<w:tblInd w:w="0" w:type="dxa" /><w:tblLayout w:type="fixed" /></w:tblPr>"#,
            r#"<w:tblGrid><w:gridCol w:w="4000" /></w:tblGrid></w:tbl>"#,
        ));
        let expected = document(concat!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="4000" w:type="dxa" /><w:jc w:val="center" />"#,
            r#"<w:tblInd w:w="0" w:type="dxa" /><w:tblBorders><w:top w:val="single" />"#,
            r#"</w:tblBorders><w:tblLayout w:type="fixed" /></w:tblPr>"#,
            r#"<w:tblGrid><w:gridCol w:w="4000" /></w:tblGrid></w:tbl>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn table_row_properties_keep_their_unordered_choice() {
        let row = concat!(
            r#"<w:tbl><w:tr><w:trPr><w:trHeight w:val="567" w:hRule="exact" /><w:cantSplit />"#,
            r#"</w:trPr></w:tr></w:tbl>"#,
        );
        assert_eq!(norm(&document(row)), document(row));
    }

    #[test]
    fn table_cell_properties_follow_schema_order() {
        let input = document(concat!(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:vAlign w:val="center" />"#,
            r#"<w:tcBorders><w:bottom w:val="single" /><w:top w:val="single" /></w:tcBorders>"#,
            r#"<w:tcW w:w="2000" w:type="dxa" /></w:tcPr><w:p /></w:tc></w:tr></w:tbl>"#,
        ));
        let expected = document(concat!(
            r#"<w:tbl><w:tr><w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa" />"#,
            r#"<w:tcBorders><w:top w:val="single" /><w:bottom w:val="single" /></w:tcBorders>"#,
            r#"<w:vAlign w:val="center" /></w:tcPr><w:p /></w:tc></w:tr></w:tbl>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn grid_column_type_attribute_is_dropped() {
        let input = document(concat!(
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="2000" w:type="dxa" />"#,
            r#"<w:gridCol w:type="dxa" w:w='3000'/></w:tblGrid><w:tr><w:tc><w:tcPr>"#,
            r#"<w:tcW w:w="2000" w:type="dxa" /></w:tcPr></w:tc></w:tr></w:tbl>"#,
        ));
        let expected = document(concat!(
            r#"<w:tbl><w:tblGrid><w:gridCol w:w="2000" />"#,
            r#"<w:gridCol w:w="3000"/></w:tblGrid><w:tr><w:tc><w:tcPr>"#,
            r#"<w:tcW w:w="2000" w:type="dxa" /></w:tcPr></w:tc></w:tr></w:tbl>"#,
        ));
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn style_children_follow_schema_order_without_empty_paragraph_rpr() {
        let input = format!(
            concat!(
                r#"<w:styles {}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="32" />"#,
                r#"<w:rFonts w:eastAsia="仿宋_GB2312" /></w:rPr></w:rPrDefault>"#,
                r#"<w:pPrDefault><w:pPr><w:rPr /></w:pPr></w:pPrDefault></w:docDefaults>"#,
                r#"<w:style w:type="paragraph" w:styleId="Title1"><w:name w:val="Title 1" />"#,
                r#"<w:rPr><w:sz w:val="44" /><w:b /></w:rPr>"#,
                r#"<w:pPr><w:rPr /><w:jc w:val="center" /><w:spacing w:line="579" /></w:pPr>"#,
                r#"<w:qFormat /><w:basedOn w:val="Normal" /></w:style></w:styles>"#,
            ),
            W
        );
        let expected = format!(
            concat!(
                r#"<w:styles {}><w:docDefaults><w:rPrDefault><w:rPr>"#,
                r#"<w:rFonts w:eastAsia="仿宋_GB2312" /><w:sz w:val="32" /></w:rPr></w:rPrDefault>"#,
                r#"<w:pPrDefault><w:pPr></w:pPr></w:pPrDefault></w:docDefaults>"#,
                r#"<w:style w:type="paragraph" w:styleId="Title1"><w:name w:val="Title 1" />"#,
                r#"<w:basedOn w:val="Normal" /><w:qFormat />"#,
                r#"<w:pPr><w:spacing w:line="579" /><w:jc w:val="center" /></w:pPr>"#,
                r#"<w:rPr><w:b /><w:sz w:val="44" /></w:rPr></w:style></w:styles>"#,
            ),
            W
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn non_empty_rpr_in_style_paragraph_properties_is_kept() {
        let input = format!(
            r#"<w:styles {W}><w:style><w:pPr><w:rPr><w:b /></w:rPr><w:jc w:val="left" /></w:pPr></w:style></w:styles>"#
        );
        let expected = format!(
            r#"<w:styles {W}><w:style><w:pPr><w:jc w:val="left" /><w:rPr><w:b /></w:rPr></w:pPr></w:style></w:styles>"#
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn numbering_level_paragraph_properties_lose_empty_rpr() {
        let input = format!(
            concat!(
                r#"<w:numbering {}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">"#,
                r#"<w:start w:val="1" /><w:numFmt w:val="decimal" /><w:lvlText w:val="%1." />"#,
                r#"<w:lvlJc w:val="left" /><w:pPr><w:rPr /><w:ind w:left="420" /></w:pPr>"#,
                r#"<w:rPr /></w:lvl></w:abstractNum></w:numbering>"#,
            ),
            W
        );
        let expected = format!(
            concat!(
                r#"<w:numbering {}><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">"#,
                r#"<w:start w:val="1" /><w:numFmt w:val="decimal" /><w:lvlText w:val="%1." />"#,
                r#"<w:lvlJc w:val="left" /><w:pPr><w:ind w:left="420" /></w:pPr>"#,
                r#"<w:rPr /></w:lvl></w:abstractNum></w:numbering>"#,
            ),
            W
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn settings_children_follow_schema_order() {
        let w15 = r#"xmlns:w15="http://schemas.microsoft.com/office/word/2012/wordml""#;
        let input = format!(
            concat!(
                r#"{}<w:settings {} {}><w:defaultTabStop w:val="840" /><w:zoom w:percent="100" />"#,
                r#"<w:compat><w:spaceForUL /><w:useFELayout /><w:adjustLineHeightInTable />"#,
                r#"</w:compat><w15:docId w15:val="{{0}}" /><w:evenAndOddHeaders /></w:settings>"#,
            ),
            DECL, W, w15
        );
        let expected = format!(
            concat!(
                r#"{}<w:settings {} {}><w:zoom w:percent="100" /><w:defaultTabStop w:val="840" />"#,
                r#"<w:evenAndOddHeaders /><w:compat><w:spaceForUL /><w:adjustLineHeightInTable />"#,
                r#"<w:useFELayout /></w:compat><w15:docId w15:val="{{0}}" /></w:settings>"#,
            ),
            DECL, W, w15
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn character_spacing_control_moves_from_compat_to_settings() {
        let input = format!(
            concat!(
                r#"<w:settings {}><w:zoom w:percent="100" /><w:compat><w:spaceForUL />"#,
                r#"<w:characterSpacingControl w:val="compressPunctuation" /><w:useFELayout />"#,
                r#"</w:compat><w:evenAndOddHeaders /></w:settings>"#,
            ),
            W
        );
        let expected = format!(
            concat!(
                r#"<w:settings {}><w:zoom w:percent="100" /><w:evenAndOddHeaders />"#,
                r#"<w:characterSpacingControl w:val="compressPunctuation" />"#,
                r#"<w:compat><w:spaceForUL /><w:useFELayout /></w:compat></w:settings>"#,
            ),
            W
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn misplaced_character_spacing_control_yields_to_an_existing_one() {
        let input = format!(
            concat!(
                r#"<w:settings {}><w:characterSpacingControl w:val="doNotCompress" />"#,
                r#"<w:compat><w:characterSpacingControl w:val="compressPunctuation" />"#,
                r#"</w:compat></w:settings>"#,
            ),
            W
        );
        let expected = format!(
            concat!(
                r#"<w:settings {}><w:characterSpacingControl w:val="doNotCompress" />"#,
                r#"<w:compat></w:compat></w:settings>"#,
            ),
            W
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn unknown_children_keep_their_order_at_the_end() {
        let input = format!(
            concat!(
                r#"<w:r {} xmlns:x="urn:x"><w:rPr><x:one /><w:sz w:val="32" /><w:mystery />"#,
                r#"<w:b /><x:two a="1">t</x:two></w:rPr></w:r>"#,
            ),
            W
        );
        let expected = format!(
            concat!(
                r#"<w:r {} xmlns:x="urn:x"><w:rPr><w:b /><w:sz w:val="32" /><x:one />"#,
                r#"<w:mystery /><x:two a="1">t</x:two></w:rPr></w:r>"#,
            ),
            W
        );
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn prefixes_are_resolved_through_namespace_declarations() {
        // The WordprocessingML namespace under another prefix is still reordered …
        let input = concat!(
            r#"<ww:r xmlns:ww="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<ww:rPr><ww:sz ww:val="32" /><ww:b /></ww:rPr></ww:r>"#,
        );
        let expected = concat!(
            r#"<ww:r xmlns:ww="http://schemas.openxmlformats.org/wordprocessingml/2006/main">"#,
            r#"<ww:rPr><ww:b /><ww:sz ww:val="32" /></ww:rPr></ww:r>"#,
        );
        assert_eq!(norm(input), expected);
        // … while a `w` prefix bound elsewhere is left alone.
        let foreign = r#"<w:r xmlns:w="urn:other"><w:rPr><w:sz /><w:b /></w:rPr></w:r>"#;
        assert_eq!(norm(foreign), foreign);
    }

    #[test]
    fn whitespace_and_comments_between_children_stay_in_place() {
        let input =
            format!("<w:rPr {W}>\n  <w:sz w:val=\"32\"/>\n  <!-- note -->\n  <w:b/>\n</w:rPr>");
        let expected =
            format!("<w:rPr {W}>\n  <w:b/>\n  <!-- note -->\n  <w:sz w:val=\"32\"/>\n</w:rPr>");
        assert_eq!(norm(&input), expected);
    }

    #[test]
    fn ordered_input_is_returned_byte_for_byte() {
        let input = format!(
            concat!(
                "\u{feff}{}\r\n<?custom pi?><w:document {} xmlns:r='urn:r' mc:Ignorable=\"w14\">",
                "<!-- c --><w:body><w:p w14:paraId=\"0000000a\"><w:pPr><w:jc w:val='center'/>",
                "</w:pPr><w:r><w:rPr><w:b/><w:sz w:val=\"32\"/></w:rPr>",
                "<w:t xml:space=\"preserve\"> a &lt;b&gt; &#x4E2D; </w:t>",
                "<w:instrText><![CDATA[ PAGE ]]></w:instrText></w:r></w:p></w:body>",
                "</w:document>\n",
            ),
            DECL, W
        );
        assert_eq!(norm(&input), input);
    }

    #[test]
    fn malformed_input_is_returned_unchanged() {
        for bad in [
            format!("<w:rPr {W}><w:sz/><w:b/>"),
            format!("<w:rPr {W}><w:sz/><w:b/></w:pPr>"),
            String::from("<w:rPr><w:sz/></w:rPr></extra>"),
        ] {
            assert_eq!(norm(&bad), bad);
        }
    }

    #[test]
    fn docx_rs_parts_come_out_in_schema_order() {
        use docx_rs::{
            AlignmentType, Docx, LineSpacing, LineSpacingType, Paragraph, Run, RunFonts,
        };
        let run = Run::new()
            .add_text("正文")
            .fonts(
                RunFonts::new()
                    .east_asia("仿宋_GB2312")
                    .ascii("Times New Roman"),
            )
            .size(32)
            .color("000000")
            .bold();
        let paragraph = Paragraph::new()
            .align(AlignmentType::Both)
            .line_spacing(
                LineSpacing::new()
                    .line_rule(LineSpacingType::Exact)
                    .line(579),
            )
            .add_run(run);
        let parts = Docx::new().add_paragraph(paragraph).build();
        let document = String::from_utf8(normalize(&parts.document)).unwrap();
        let position = |needle: &str| {
            document
                .find(needle)
                .unwrap_or_else(|| panic!("{needle} in {document}"))
        };
        assert!(position("<w:rFonts") < position("<w:b "));
        assert!(position("<w:b ") < position("<w:color"));
        assert!(position("<w:color") < position("<w:sz "));
        assert!(position("<w:spacing w:line") < position("<w:jc"));
        assert!(position("<w:jc") < position("<w:rPr />"));
        assert!(position("<w:t xml:space=\"preserve\">正文</w:t>") > position("<w:sz "));
        assert_eq!(document.len(), parts.document.len());
    }

    #[test]
    fn theme_part_is_registered_once() {
        let types =
            br#"<?xml version="1.0"?><Types xmlns="urn:ct"><Default Extension="xml" /></Types>"#;
        let once = register_theme_content_type(types);
        let once = String::from_utf8(once).unwrap();
        assert!(once.ends_with(&format!("{THEME_CONTENT_TYPE}</Types>")));
        assert_eq!(
            register_theme_content_type(once.as_bytes()),
            once.as_bytes()
        );

        let rels = br#"<Relationships xmlns="urn:r"><Relationship Id="rId1" /></Relationships>"#;
        let once = String::from_utf8(register_theme_relationship(rels)).unwrap();
        assert!(once.contains(r#"Target="theme/theme1.xml" /></Relationships>"#));
        assert_eq!(
            register_theme_relationship(once.as_bytes()),
            once.as_bytes()
        );
        assert!(THEME_XML.starts_with("<?xml") && THEME_XML.ends_with("</a:theme>"));
    }
}
