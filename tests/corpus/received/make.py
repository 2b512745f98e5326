#!/usr/bin/env python3
"""Writes the received files of the corpus from each document's hand-written ground truth.

For every NN-slug/ folder beside this script it reads truth.toml (the document as a gongwen
spec) and style.toml (how this office typed it, how its web page shows it) and writes, with
tools that are not gongwen:

    received.docx   python-docx, as an office types it in Word (red mark, 文号, title, 主送,
                    numbered headings typed as text, tables, 附件说明, signature right-aligned)
    received.pdf    LibreOffice (soffice --headless --convert-to pdf) from received.docx or from
                    a variant of it (other margins, justified paragraphs)
    pasted.txt      the text as a clerk copies it from the government web page, with the page's
                    furniture, hard line breaks where the page wrapped, stray spaces
    copied.txt      the text as a clerk copies it out of a PDF viewer (pdftotext of received.pdf:
                    the PDF's line breaks, no indent, a table's cells one per line)

received.docx and pasted.txt are byte-for-byte reproducible (fixed core properties, fixed zip
timestamps). received.pdf carries LibreOffice's creation date: it is written only when it is
missing or when --pdf is given.

    python3 tests/corpus/received/make.py            # all documents, PDFs only where missing
    python3 tests/corpus/received/make.py --pdf      # rewrite the PDFs too
    python3 tests/corpus/received/make.py 03 07      # only the folders starting with 03, 07

Needs python-docx (pip install python-docx), LibreOffice (apt-get install
libreoffice-writer-nogui) for the PDFs, and the bundled fonts via fonts/fontconfig.conf.
"""
import argparse
import datetime as dt
import io
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "../../.."))
FONTCONFIG = os.path.join(ROOT, "fonts", "fontconfig.conf")

FANG = "仿宋_GB2312"
HEI = "黑体"
KAI = "楷体_GB2312"
XBS = "方正小标宋简体"
SONG = "宋体"
RED = RGBColor(0xFF, 0x00, 0x00)
IDSP = "\u3000"  # 全角空格

# ---------------------------------------------------------------- numbers and dates

DIGITS = "〇一二三四五六七八九"


def cn_numeral(n):
    """1 → 一, 10 → 十, 12 → 十二, 20 → 二十 (headings)."""
    if n < 10:
        return DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else DIGITS[tens]) + "十" + (DIGITS[ones] if ones else "")


def arabic_date(d):
    return f"{d.year}年{d.month}月{d.day}日"


def chinese_date(d):
    """2026-04-20 → 二〇二六年四月二十日."""
    year = "".join(DIGITS[int(c)] for c in str(d.year))
    return f"{year}年{cn_numeral(d.month)}月{cn_numeral(d.day)}日"


def heading_number(level, n):
    if level == 1:
        return f"{cn_numeral(n)}、"
    if level == 2:
        return f"（{cn_numeral(n)}）"
    if level == 3:
        return f"{n}."
    return f"（{n}）"


def phase_dates(p):
    start, end = p["start"], p.get("end")
    s = arabic_date(start)
    if end is None:
        return s
    if end.year == start.year:
        return f"{s}—{end.month}月{end.day}日"
    return f"{s}—{arabic_date(end)}"


def paras(v):
    if v is None:
        return []
    return [v] if isinstance(v, str) else list(v)


def unbrace(s):
    """Literal text of a spec string ({{ and }} print one brace; the corpus has no variables)."""
    return s.replace("{{", "{").replace("}}", "}")


# ---------------------------------------------------------------- the document as blocks


def blocks(spec, style):
    """The document in reading order, as (kind, data) pairs every writer shares."""
    out = []
    header = spec.get("header")
    if header:
        suffix = header.get("mark_suffix", "文件")
        out.append(("mark", {"issuers": header["issuers"], "suffix": suffix}))
        dn = header.get("doc_number")
        if isinstance(dn, dict):
            dn = f"{dn['code']}〔{dn['year']}〕{dn['serial']}号"
        out.append(("docnum", dn or ""))
    out.append(("title", unbrace(spec["title"])))
    rec = spec.get("recipients")
    if rec:
        rec = unbrace(rec)
        out.append(("recipients", rec if rec.endswith("：") else rec + "："))
    for p in paras(spec.get("opening")):
        out.append(("para", unbrace(p)))

    def section(s, level, n):
        texts = [unbrace(t) for t in paras(s.get("text"))]
        run_text = None
        if s.get("run_in") and texts:
            run_text = texts.pop(0)
        out.append(("heading", {"level": level, "number": heading_number(level, n),
                                "heading": unbrace(s["heading"]), "text": run_text}))
        for t in texts:
            out.append(("para", t))
        subs = s.get("sections", [])
        for i, sub in enumerate(subs):
            section(sub, level + 1, i + 1)
        for i, ph in enumerate(s.get("phases", [])):
            out.append(("heading", {"level": level + 1,
                                    "number": heading_number(level + 1, len(subs) + i + 1),
                                    "heading": ph["name"],
                                    "text": f"（{phase_dates(ph)}），{unbrace(ph.get('text', ''))}",
                                    "glue": True}))

    for i, s in enumerate(spec.get("sections", [])):
        section(s, 1, i + 1)
    for p in paras(spec.get("closing")):
        out.append(("para", unbrace(p)))
    annexes = spec.get("annexes", [])
    if annexes:
        single = len(annexes) == 1
        lines = []
        for i, a in enumerate(annexes):
            num = "" if single else f"{i + 1}."
            lines.append(("附件：" if i == 0 else "") + num + unbrace(a["title"]))
        out.append(("annex_note", lines))
    sig = spec.get("signature")
    if sig:
        issuer = sig.get("issuer")
        signers = style.get("signers") or ([issuer] if issuer else
                                           (header or {}).get("issuers", []))
        out.append(("signature", {"signers": signers, "date": sig["date"]}))
    notes = [("note", f"（{unbrace(n)}）") for n in spec.get("notes", [])]
    contacts = [("note", f"（{unbrace(spec['contacts'])}）")] if spec.get("contacts") else []
    out.extend(notes + contacts if style.get("notes_first", True) else contacts + notes)
    for i, a in enumerate(annexes):
        out.append(("annex", {"label": "附件" if len(annexes) == 1 else f"附件{i + 1}",
                              "annex": a}))
    return out


# ---------------------------------------------------------------- DOCX


def font(run, name, size=16, bold=False, color=None, latin="Times New Roman"):
    run.font.name = latin
    rpr = run._element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), name)
    run.font.size = Pt(size)
    if bold:
        run.bold = True
    if color is not None:
        run.font.color.rgb = color
    return run


def bottom_border(p, color="FF0000", size=12):
    ppr = p._p.get_or_add_pPr()
    bdr = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size))
    bottom.set(qn("w:space"), "6")
    bottom.set(qn("w:color"), color)
    bdr.append(bottom)
    ppr.append(bdr)


def no_borders(table):
    tbl = table._tbl
    tblpr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        e = OxmlElement(f"w:{edge}")
        e.set(qn("w:val"), "nil")
        borders.append(e)
    tblpr.append(borders)


def repeat_header(row):
    trpr = row._tr.get_or_add_trPr()
    h = OxmlElement("w:tblHeader")
    h.set(qn("w:val"), "true")
    trpr.append(h)


class DocxWriter:
    def __init__(self, spec, style, variant=None):
        self.spec = spec
        self.s = dict(style.get("docx", {}))
        if variant:
            self.s.update(variant)
        self.doc = Document()
        self.body_font = self.s.get("font", FANG)
        self.size = self.s.get("size", 16)
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), self.body_font)
        normal.font.size = Pt(self.size)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        if self.s.get("line", "exact") == "exact":
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(self.s.get("line_pt", 28.95))
        else:
            pf.line_spacing = self.s.get("line_multiple", 1.5)
        self.page(self.doc.sections[0], landscape=False)

    # page geometry
    def page(self, section, landscape):
        m = self.s.get("margins", "gbt")
        w, h = Mm(210), Mm(297)
        if landscape:
            section.orientation = WD_ORIENT.LANDSCAPE
            section.page_width, section.page_height = h, w
        else:
            section.orientation = WD_ORIENT.PORTRAIT
            section.page_width, section.page_height = w, h
        if m == "gbt":
            t, b, l, r = 37, 35, 28, 26
        elif m == "word":
            t, b, l, r = 25.4, 25.4, 31.8, 31.8
        else:  # narrow
            t, b, l, r = 20, 20, 20, 20
        if landscape:
            t, b, l, r = l, r, b, t
        section.top_margin, section.bottom_margin = Mm(t), Mm(b)
        section.left_margin, section.right_margin = Mm(l), Mm(r)

    def para(self, text="", align=None, indent=True, fnt=None, size=None, bold=False,
             color=None):
        p = self.doc.add_paragraph()
        if align is not None:
            p.alignment = align
        elif self.s.get("justify"):
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        if indent and align is None:
            if self.s.get("indent", "format") == "format":
                p.paragraph_format.first_line_indent = Pt(2 * self.size)
            else:
                text = IDSP * 2 + text
        if text:
            font(p.add_run(text), fnt or self.body_font, size or self.size, bold, color)
        return p

    def blank(self):
        return self.para(indent=False)

    def write(self, bl):
        for kind, d in bl:
            getattr(self, "w_" + kind)(d)
        return self.doc

    def w_mark(self, d):
        issuers, suffix = d["issuers"], d["suffix"]
        size = self.s.get("mark_size", 42 if len(issuers) == 1 else 30)
        for _ in range(self.s.get("mark_blank_before", 1)):
            self.blank()
        C = WD_ALIGN_PARAGRAPH.CENTER
        if len(issuers) == 1:
            # as an office does: the mark shrunk until it fits on one line
            size = min(size, int(410 / len(issuers[0] + suffix)))
            p = self.para(issuers[0] + suffix, C, fnt=XBS, size=size, color=RED)
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        elif self.s.get("mark", "table") == "table" and suffix:
            t = self.doc.add_table(rows=1, cols=2)
            t.alignment = WD_TABLE_ALIGNMENT.CENTER
            no_borders(t)
            t.autofit = False
            left, right = t.rows[0].cells
            wl, wr = self.s.get("mark_columns", [118, 36])
            t.columns[0].width, t.columns[1].width = Mm(wl), Mm(wr)
            left.width, right.width = Mm(wl), Mm(wr)
            for i, name in enumerate(issuers):
                p = left.paragraphs[0] if i == 0 else left.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.DISTRIBUTE
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                font(p.add_run(name), XBS, size, color=RED)
            right.vertical_alignment = 1  # center
            p = right.paragraphs[0]
            p.alignment = C
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            font(p.add_run(suffix), XBS, size, color=RED)
        else:
            mid = len(issuers) // 2 if len(issuers) % 2 else len(issuers) - 1
            for i, name in enumerate(issuers):
                text = name + (IDSP * 2 + suffix if suffix and i == mid else "")
                p = self.para(text, C, fnt=XBS, size=size, color=RED)
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
        self.blank()

    def w_docnum(self, dn):
        p = self.para(dn, WD_ALIGN_PARAGRAPH.CENTER)
        if self.s.get("redline", True):
            bottom_border(p)
        self.blank()

    def w_title(self, title):
        C = WD_ALIGN_PARAGRAPH.CENTER
        size = self.s.get("title_size", 22)
        cut = self.s.get("title_break")
        if cut and cut in title:
            i = title.index(cut) + len(cut)
            first, second = title[:i], title[i:]
            if self.s.get("title_break_mode", "soft") == "soft":
                p = self.para("", C)
                font(p.add_run(first), XBS, size)
                p.runs[-1].add_break()
                font(p.add_run(second), XBS, size)
            else:
                self.para(first, C, fnt=XBS, size=size)
                self.para(second, C, fnt=XBS, size=size)
        else:
            self.para(title, C, fnt=XBS, size=size)
        self.blank()

    def w_recipients(self, r):
        self.para(r, indent=False)

    def w_para(self, text):
        soft = self.s.get("soft_join", [])
        # a paragraph the clerk joined to the previous one with Shift+Enter (a soft return)
        if any(text.startswith(x) for x in soft) and self.doc.paragraphs:
            p = self.doc.paragraphs[-1]
            p.runs[-1].add_break()
            font(p.add_run(IDSP * 2 + text), self.body_font, self.size)
            return
        self.para(text)

    def w_heading(self, d):
        level, head, text = d["level"], d["number"] + d["heading"], d["text"]
        mode = self.s.get("heading", "bold")
        hfont = {1: HEI, 2: KAI}.get(level, self.body_font)
        if mode == "styles" and text is None and level <= 2:
            p = self.doc.add_paragraph(style=f"Heading {level}")
            st = self.doc.styles[f"Heading {level}"]
            st.font.color.rgb = RGBColor(0, 0, 0)
            st.font.size = Pt(self.size)
            st.font.bold = False
            st.font.italic = False
            st.font.name = "Times New Roman"
            rfonts = st.element.get_or_add_rPr().get_or_add_rFonts()
            for a in ("asciiTheme", "eastAsiaTheme", "hAnsiTheme", "cstheme"):
                rfonts.attrib.pop(qn(f"w:{a}"), None)
            rfonts.set(qn("w:eastAsia"), hfont)
            st.paragraph_format.space_before = Pt(0)
            st.paragraph_format.space_after = Pt(0)
            st.paragraph_format.keep_with_next = True
            if self.s.get("indent", "format") == "format":
                p.paragraph_format.first_line_indent = Pt(2 * self.size)
                font(p.add_run(head), hfont, self.size)
            else:
                font(p.add_run(IDSP * 2 + head), hfont, self.size)
            return
        p = self.para("")
        prefix = "" if self.s.get("indent", "format") == "format" else IDSP * 2
        if mode == "plain" or level >= 3:
            font(p.add_run(prefix + head + (text or "")), self.body_font, self.size)
            return
        bold = mode == "bold" and level <= 2 and self.s.get("bold_headings", True)
        font(p.add_run(prefix + head), hfont, self.size, bold=bold)
        if text is not None:
            font(p.add_run(text), self.body_font, self.size)

    def w_annex_note(self, lines):
        self.blank()
        if self.s.get("soft_breaks"):
            p = self.para(lines[0])
            for line in lines[1:]:
                p.runs[-1].add_break()
                font(p.add_run(IDSP * 5 + line), self.body_font, self.size)
            return
        for i, line in enumerate(lines):
            p = self.para(line, indent=False)
            p.paragraph_format.left_indent = Pt(self.size * (2 if i == 0 else 5))
            if i == 0 and len(lines) > 1:
                p.paragraph_format.first_line_indent = Pt(0)

    def w_signature(self, d):
        signers, date = d["signers"], d["date"]
        text_date = chinese_date(date) if self.s.get("date") == "chinese" else arabic_date(date)
        R = WD_ALIGN_PARAGRAPH.RIGHT
        for _ in range(self.s.get("sig_blank", 2)):
            self.blank()
        right = Pt(self.size * 4)
        if len(signers) > 1 and self.s.get("signature", "lines") == "row":
            gap = IDSP * self.s.get("sig_gap", 1 if len(signers) > 2 else 4)
            p = self.para(gap.join(signers), WD_ALIGN_PARAGRAPH.CENTER)
            self.blank()
            p = self.para(text_date, R)
            p.paragraph_format.right_indent = right
            return
        if self.s.get("soft_breaks") and len(signers) == 1:
            p = self.para(signers[0], R)
            p.paragraph_format.right_indent = right
            p.runs[-1].add_break()
            font(p.add_run(text_date), self.body_font, self.size)
            return
        for name in signers:
            p = self.para(name, R)
            p.paragraph_format.right_indent = Pt(self.size * 5)
        p = self.para(text_date, R)
        p.paragraph_format.right_indent = right

    def w_note(self, text):
        if not getattr(self, "_noted", False):
            self._noted = True
            self.blank()
        self.para(text)

    def w_annex(self, d):
        a = d["annex"]
        kind = a.get("kind", "text")
        cols = a.get("columns", [])
        landscape = bool(a.get("landscape", len(cols) > 6))
        if landscape or getattr(self, "_landscape", False):
            # a new section (and page) in the annex's orientation
            self.page(self.doc.add_section(), landscape=landscape)
            self._landscape = landscape
        else:
            self.blank().add_run().add_break(WD_BREAK.PAGE)
        self.para(d["label"], indent=False, fnt=HEI)
        self.blank()
        self.para(unbrace(a["title"]), WD_ALIGN_PARAGRAPH.CENTER, fnt=XBS,
                  size=self.s.get("annex_title_size", 20))
        self.blank()
        if kind == "table":
            self.table(a)
            for t in paras(a.get("text")):
                self.para(unbrace(t))
        elif kind == "list":
            for g in a.get("groups", []):
                hang = self.size * (len(g["label"]) + 1)
                p = self.para(g["label"] + "：" + "、".join(g["items"]), indent=False)
                p.paragraph_format.left_indent = Pt(self.size * 2 + hang)
                p.paragraph_format.first_line_indent = Pt(-hang)
            for t in paras(a.get("text")):
                self.para(unbrace(t))
        else:
            for t in paras(a.get("text")):
                self.para(unbrace(t))

    def table(self, a):
        fields = a.get("fields", [])
        if fields:
            def field_text(f):
                return f["label"] + "：" + f.get("value", "")
            if self.s.get("fields", "one_line") == "one_line":
                gap = IDSP * self.s.get("field_gap", 8)
                self.para(gap.join(field_text(f) for f in fields), indent=False)
            else:
                for f in fields:
                    self.para(field_text(f), indent=False)
        cols = [c if isinstance(c, str) else c["title"] for c in a["columns"]]
        rows = a.get("rows", [])
        blank = a.get("blank_rows", 0)
        t = self.doc.add_table(rows=1 + len(rows) + blank, cols=len(cols))
        t.style = self.doc.styles["Table Grid"]
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        cell_size = self.s.get("table_size", 12)
        for i, c in enumerate(cols):
            p = t.rows[0].cells[i].paragraphs[0]
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
            font(p.add_run(c), HEI, cell_size)
        repeat_header(t.rows[0])
        for r, row in enumerate(rows):
            for i, v in enumerate(row):
                p = t.rows[1 + r].cells[i].paragraphs[0]
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
                if v:
                    font(p.add_run(v), self.body_font, cell_size)
        for r in range(1 + len(rows), 1 + len(rows) + blank):
            row = t.rows[r]
            row.height = Mm(12)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            for c in row.cells:
                c.paragraphs[0].paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE


FIXED = dt.datetime(2026, 1, 1, 8, 0, 0)


def docx_bytes(spec, style, variant=None):
    doc = DocxWriter(spec, style, variant).write(blocks(spec, style))
    cp = doc.core_properties
    cp.author = style.get("docx", {}).get("author", "Administrator")
    cp.last_modified_by = cp.author
    cp.title = ""
    cp.comments = ""
    cp.keywords = ""
    cp.subject = ""
    cp.category = ""
    cp.revision = 1
    sig = spec.get("signature", {}).get("date")
    when = dt.datetime.combine(sig, dt.time(9, 30)) if sig else FIXED
    cp.created = when
    cp.modified = when
    cp.last_printed = when
    raw = io.BytesIO()
    doc.save(raw)
    return normalise_zip(raw.getvalue(), when)


def normalise_zip(data, when):
    """The same archive with fixed member times, so that the bytes do not depend on the clock."""
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            zi = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, src.read(info.filename))
    return out.getvalue()


# ---------------------------------------------------------------- pasted text


def width(s):
    return sum(0.5 if ord(c) < 0x2E80 else 1 for c in s)


CLOSING = "，。、；：？！）》”’」』〕】%"


def wrap(line, w):
    """Hard line breaks where a web page of `w` characters wrapped `line`."""
    out, cur = [], ""
    for c in line:
        # 避头: a closing mark stays at the end of the line, as browsers break CJK text
        if width(cur + c) > w and c not in CLOSING:
            out.append(cur)
            cur = c
        else:
            cur += c
    if cur:
        out.append(cur)
    return out


def spaced(line):
    """A line as some web pages copy it: a space between every two characters."""
    return " ".join(line.replace(" ", ""))


class TextWriter:
    def __init__(self, spec, style):
        self.spec = spec
        self.s = dict(style.get("txt", {}))
        self.s.setdefault("fields", style.get("docx", {}).get("fields", "one_line"))
        self.s.setdefault("date", "arabic")
        self.lines = []
        self.used = set()

    def emit(self, text, indent=True, wrap_ok=True):
        s = self.s
        lead = IDSP * 2 if indent and s.get("indent", True) else ""
        segs = [lead + text]
        for cut in s.get("force_breaks", []):
            nxt = []
            for seg in segs:
                if cut in seg:
                    i = seg.index(cut) + len(cut)
                    nxt += [seg[:i], seg[i:]]
                else:
                    nxt.append(seg)
            segs = nxt
        w = s.get("wrap", 0)
        lines = []
        for seg in segs:
            lines += wrap(seg, w) if w and wrap_ok else [seg]
        for i, l in enumerate(lines):
            for x in s.get("stray_spaces", []):
                if x not in l:
                    continue
                self.used.add(x)
                if w:   # a wrapped line: the whole line spaced out
                    lead = l[: len(l) - len(l.lstrip(IDSP))]
                    lines[i] = l = lead + spaced(l.lstrip(IDSP))
                else:   # one long line: only these words
                    lines[i] = l = l.replace(x, spaced(x), 1)
        for cut in s.get("force_breaks", []):
            if any(cut in seg for seg in segs[:-1]) or any(seg.endswith(cut) for seg in segs):
                self.used.add(cut)
        self.lines.extend(lines)
        if s.get("blank_lines", False):
            self.lines.append("")

    def write(self, bl):
        s, spec = self.s, self.spec
        top = s.get("top", [])
        self.lines.extend(top)
        self.lines.append(unbrace(spec["title"]))
        self.lines.extend(s.get("meta", []))
        self.lines.append("")
        for kind, d in bl:
            if kind == "mark":
                continue
            if kind == "docnum":
                if s.get("docnum_in_body"):
                    self.lines.append(d)
                    self.lines.append("")
                continue
            if kind == "title":
                if s.get("title_in_body", False):
                    self.lines.append(d)
                    self.lines.append("")
                continue
            if kind == "recipients":
                self.emit(d, indent=False)
            elif kind == "para":
                self.emit(d)
            elif kind == "heading":
                self.emit(d["number"] + d["heading"] + (d["text"] or ""))
            elif kind == "annex_note":
                for i, l in enumerate(d):
                    self.emit(l if i == 0 else IDSP * 3 + l, wrap_ok=False)
            elif kind == "signature":
                self.lines.append("")
                date = d["date"]
                text_date = chinese_date(date) if s.get("date") == "chinese" else arabic_date(date)
                for name in d["signers"]:
                    self.lines.append(name)
                self.lines.append(text_date)
                self.lines.append("")
            elif kind == "note":
                self.emit(d)
            elif kind == "annex":
                self.annex(d)
        if self.lines and self.lines[-1] != "":
            self.lines.append("")
        self.lines.extend(s.get("bottom", []))
        for x in s.get("stray_spaces", []) + s.get("force_breaks", []):
            if x not in self.used:
                print(f"  warning: txt pattern {x!r} never matched", file=sys.stderr)
        text = "\n".join(self.lines).rstrip("\n") + "\n"
        return text.encode("utf-8")

    def annex(self, d):
        a = d["annex"]
        self.lines.append("")
        self.lines.append(d["label"])
        self.lines.append(unbrace(a["title"]))
        kind = a.get("kind", "text")
        if kind == "table":
            fields = a.get("fields", [])
            if fields:
                ft = [f["label"] + "：" + f.get("value", "") for f in fields]
                if self.s.get("fields", "one_line") == "one_line":
                    self.lines.append((IDSP * 6).join(ft))
                else:
                    self.lines.extend(ft)
            cols = [c if isinstance(c, str) else c["title"] for c in a["columns"]]
            self.lines.append("\t".join(cols))
            for row in a.get("rows", []):
                self.lines.append("\t".join(row))
            for _ in range(a.get("blank_rows", 0)):
                self.lines.append("\t" * (len(cols) - 1))
        elif kind == "list":
            for g in a.get("groups", []):
                self.lines.append(g["label"] + "：" + "、".join(g["items"]))
            for t in paras(a.get("text")):
                self.emit(unbrace(t))
        else:
            for t in paras(a.get("text")):
                self.emit(unbrace(t))


# ---------------------------------------------------------------- PDF


def pdf(docx_data, out_path):
    env = dict(os.environ)
    if os.path.exists(FONTCONFIG):
        env["FONTCONFIG_FILE"] = FONTCONFIG
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "received.docx")
        with open(src, "wb") as f:
            f.write(docx_data)
        profile = "file://" + os.path.join(tmp, "lo-profile")
        subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, src],
                       check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        shutil.copyfile(os.path.join(tmp, "received.pdf"), out_path)


# ---------------------------------------------------------------- main


def write_if_changed(path, data):
    if os.path.exists(path):
        with open(path, "rb") as f:
            if f.read() == data:
                return False
    with open(path, "wb") as f:
        f.write(data)
    return True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("only", nargs="*", help="folder name prefixes (default: all)")
    ap.add_argument("--pdf", action="store_true", help="rewrite existing PDFs too")
    args = ap.parse_args()
    folders = sorted(d for d in os.listdir(HERE)
                     if os.path.isfile(os.path.join(HERE, d, "truth.toml")))
    if args.only:
        folders = [d for d in folders if any(d.startswith(o) for o in args.only)]
    for d in folders:
        base = os.path.join(HERE, d)
        with open(os.path.join(base, "truth.toml"), "rb") as f:
            spec = tomllib.load(f)
        style = {}
        if os.path.exists(os.path.join(base, "style.toml")):
            with open(os.path.join(base, "style.toml"), "rb") as f:
                style = tomllib.load(f)
        data = docx_bytes(spec, style)
        changed = [n for n, b in (("received.docx", data),
                                  ("pasted.txt", TextWriter(spec, style).write(blocks(spec, style))))
                   if write_if_changed(os.path.join(base, n), b)]
        pdf_path = os.path.join(base, "received.pdf")
        if args.pdf or not os.path.exists(pdf_path):
            variant = style.get("pdf", {}).get("variant")
            pdf(docx_bytes(spec, style, variant) if variant else data, pdf_path)
            changed.append("received.pdf")
        # The text a clerk copies out of a PDF viewer: poppler's reading order, no layout.
        copied = subprocess.run(["pdftotext", pdf_path, "-"], check=True,
                                capture_output=True).stdout
        if write_if_changed(os.path.join(base, "copied.txt"), copied):
            changed.append("copied.txt")
        print(f"{d}: {', '.join(changed) if changed else 'unchanged'}")


if __name__ == "__main__":
    sys.exit(main())
