#!/usr/bin/python3
"""parity_check.py OURS.pdf OFFICE.pdf LAYOUT.yaml

Whether an office suite's PDF of a bulletin's DOCX (LibreOffice's, made by
lo_pdf.py) shows the same pages as bulletin's own PDF:
  * the same number of pages;
  * for a newspaper layout, the columns of the last page balanced in both:
    no column ends more than BALANCE_LINES body lines below another (an
    empty column counts as ending where the columns start).
The columns are found from the layout's page, margins, columns and gutter;
where the columns start, from the rules drawn across the text width (the
rule under the headline block, the running head's), with PyMuPDF.
Prints each failure and exits 1, or prints "ok" and exits 0.
"""
import sys

import fitz  # PyMuPDF
import yaml

from report import report

BALANCE_LINES = 6  # a heading kept with its text, an image kept with its caption
PT_PER = {"pt": 1, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72}
SIZES = {"A3": (297, 420), "A4": (210, 297), "A5": (148, 210), "B4": (250, 353), "B5": (176, 250)}
CHINESE_SIZES = {"初号": 42, "小初": 36, "一号": 26, "小一": 24, "二号": 22, "小二": 18, "三号": 16, "小三": 15,
                 "四号": 14, "小四": 12, "五号": 10.5, "小五": 9, "六号": 7.5, "小六": 6.5, "七号": 5.5, "八号": 5}


def length(text, em=0):
    text = str(text).strip()
    if text in CHINESE_SIZES:
        return CHINESE_SIZES[text]
    for unit, k in PT_PER.items():
        if text.endswith(unit):
            return float(text[: -len(unit)]) * k
    if text.endswith("em"):
        return float(text[:-2]) * em
    return float(text)


def geometry(layout_path):
    with open(layout_path, encoding="utf-8") as f:
        lay = yaml.safe_load(f)
    page = lay.get("page", {})
    w, h = SIZES[page.get("size", "A4")] if isinstance(page.get("size", "A4"), str) else page["size"]
    w, h = (length(w), length(h)) if not isinstance(page.get("size", "A4"), str) else (w * 72 / 25.4, h * 72 / 25.4)
    if page.get("orientation") == "landscape":
        w, h = h, w
    m = page.get("margins", {})
    news = lay.get("newspaper", {})
    body = lay["styles"]["body"]
    size = length(body.get("size", 12))
    return {
        "kind": lay.get("kind"), "width": w, "height": h,
        "inside": length(m.get("inside", 56)), "outside": length(m.get("outside", 56)),
        "top": length(m.get("top", 56)), "bottom": length(m.get("bottom", 56)),
        "columns": int(news.get("columns", 5)), "gutter": length(news.get("gutter", 12)),
        "leading": length(body.get("leading", size * 1.5), size),
    }


def column_bottoms(page, g, index):
    """Where each column's text ends below where the columns start."""
    left = g["inside"] if index % 2 == 0 else g["outside"]
    text_width = g["width"] - g["inside"] - g["outside"]
    col_w = (text_width - g["gutter"] * (g["columns"] - 1)) / g["columns"]
    # Where the columns start: below the lowest rule across the text width in
    # the top half of the page (the headline block's, the running head's).
    top = g["top"]
    for d in page.get_drawings():
        r = d["rect"]
        if r.width > 0.9 * text_width and r.height < 4 and r.y1 < g["height"] / 2:
            top = max(top, r.y1)
    bottoms = [top] * g["columns"]
    boxes = [w[:4] for w in page.get_text("words")]
    boxes += [tuple(r) for img in page.get_images() for r in page.get_image_rects(img[0])]
    for x0, y0, x1, y1 in boxes:
        if y0 < top or y1 > g["height"] - g["bottom"] + 2 or (x1 - x0) > col_w * 1.1:
            continue
        c = int(((x0 + x1) / 2 - left) // (col_w + g["gutter"]))
        if 0 <= c < g["columns"]:
            bottoms[c] = max(bottoms[c], y1)
    return top, bottoms


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    ours, office, layout = sys.argv[1:]
    with open(layout, encoding="utf-8") as f:
        kind = yaml.safe_load(f).get("kind")
    bad = []
    a, b = fitz.open(ours), fitz.open(office)
    if a.page_count != b.page_count:
        bad.append(f"{b.page_count} pages, bulletin's PDF has {a.page_count}")
    if kind == "newspaper":
        g = geometry(layout)
        for name, doc in (("bulletin's PDF", a), ("the office PDF", b)):
            last = doc.page_count - 1
            top, bottoms = column_bottoms(doc[last], g, last)
            lines = [(y - top) / g["leading"] for y in bottoms]
            if max(lines) - min(lines) > BALANCE_LINES:
                ends = ", ".join(f"{n:.0f}" for n in lines)
                bad.append(f"{name}: the columns of page {last + 1} are not balanced: they end {ends} lines "
                           f"below their top")
    return report(office, bad)


if __name__ == "__main__":
    sys.exit(main())
