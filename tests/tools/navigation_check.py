#!/usr/bin/python3
"""navigation_check.py OURS.pdf OUT.docx

Whether Word's (and WPS's) navigation pane would list what the PDF's
bookmarks list: the paragraphs of the DOCX that carry an outline level —
from their style (and the styles it is based on) or their own properties,
in the body and in table cells, in document order — against the PDF's
outline (PyMuPDF), entry by entry: the same text at the same level.
Prints each difference and exits 1, or prints "ok" and exits 0.
"""
import re
import sys
import zipfile

import fitz  # PyMuPDF

from report import report

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def squeeze(text):
    return re.sub(r"\s+", "", text)


def docx_headings(path):
    from xml.etree import ElementTree as ET
    with zipfile.ZipFile(path) as z:
        styles = ET.fromstring(z.read("word/styles.xml"))
        document = ET.fromstring(z.read("word/document.xml"))
    level_of, based_on = {}, {}
    for st in styles.iter(W + "style"):
        sid = st.get(W + "styleId")
        lvl = st.find(f"{W}pPr/{W}outlineLvl")
        if lvl is not None:
            level_of[sid] = int(lvl.get(W + "val"))
        b = st.find(W + "basedOn")
        if b is not None:
            based_on[sid] = b.get(W + "val")

    def style_level(sid, depth=0):
        if sid is None or depth > 20:
            return None
        if sid in level_of:
            return level_of[sid]
        return style_level(based_on.get(sid), depth + 1)

    out = []
    for p in document.iter(W + "p"):
        ppr = p.find(W + "pPr")
        level = None
        if ppr is not None:
            own = ppr.find(W + "outlineLvl")
            style = ppr.find(W + "pStyle")
            level = int(own.get(W + "val")) if own is not None else style_level(
                style.get(W + "val") if style is not None else None)
        if level is None or level > 8:  # 9 = body text
            continue
        text = "".join(t.text or "" for t in p.iter(W + "t"))
        out.append((level + 1, squeeze(text)))
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    pdf, docx = sys.argv[1:]
    bookmarks = [(lvl, squeeze(title)) for lvl, title, _page in fitz.open(pdf).get_toc()]
    headings = docx_headings(docx)
    bad = []
    for i in range(max(len(bookmarks), len(headings))):
        b = bookmarks[i] if i < len(bookmarks) else None
        h = headings[i] if i < len(headings) else None
        if b != h:
            bad.append(f"entry {i + 1}: the PDF's bookmark is {b}, the DOCX's heading {h}")
    return report(docx, bad, f"{len(headings)} entries", most=10)


if __name__ == "__main__":
    sys.exit(main())
