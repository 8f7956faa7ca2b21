#!/usr/bin/python3
"""pdf_check.py OUT.pdf IN.yaml

What a reader's tools see in a bulletin PDF, judged with poppler and qpdf
(the same checks as ../shared/tools/check-pdf, plus the outline):
  * qpdf --check finds no error;
  * every font is embedded, subset and has a ToUnicode map (pdffonts);
  * the document has pages, the bulletin's title as its Title, page labels;
  * every character of every text value of the YAML comes back from
    pdftotext at least as often as it was written;
  * at least 95% of the 8-character runs of each paragraph come back
    contiguous (reading order; runs cut by a page or column break miss);
  * no line of pdftotext (reading order, -raw, -layout) is punctuation alone;
  * the outline has a bookmark for every group, item and section.
Prints each failure and exits 1, or prints "ok" and exits 0.
"""
import argparse
import collections
import json
import re
import subprocess
import sys
import unicodedata

import yaml

from report import report


LONE_PUNCTUATION = re.compile(r"^\s*[，。、；：？！）》」』】〕〉”’…—]+\s*$")


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


def squeeze(s):
    s = unicodedata.normalize("NFC", s).replace("**", "")
    return re.sub(r"\s+", "", s)


def yaml_paragraphs(doc):
    """Every text value of the bulletin, one entry per line (paragraph)."""
    skip = {"layout", "summary", "result", "date", "replied", "latin", "file"}  # file: an image path; dates are printed as 年月日
    out = []

    def walk(v, key=None):
        if isinstance(v, dict):
            for k, x in v.items():
                if k not in skip:
                    walk(x, k)
        elif isinstance(v, list):
            for x in v:
                walk(x, key)
        elif isinstance(v, str):
            out.extend(p for p in v.splitlines() if p.strip())

    walk(doc)
    return out


def lost_characters(text, paras):
    """Characters the paragraphs need more often than `text` has them."""
    have = collections.Counter(squeeze(text))
    need = collections.Counter("".join(paras))
    return {c: k - have[c] for c, k in need.items() if have[c] < k}


def out_of_order(text, paras):
    """The 8-character runs of the paragraphs, and those not found contiguous in `text`."""
    got = squeeze(text)
    runs = [p[i:i + 8] for p in paras for i in range(0, max(len(p) - 7, 1), 8)]
    return runs, [x for x in runs if x not in got]


def expected_bookmarks(doc):
    def sections(lst):
        return sum(1 + sections(s.get("sections") or []) for s in lst or [])

    groups = doc.get("groups") or []
    items = sum(len(g.get("items") or []) for g in groups) + len(doc.get("items") or [])
    return len(groups) + items + sections(doc.get("sections"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("yaml")
    args = ap.parse_args()
    bad = []

    r = run("qpdf", "--check", args.pdf)
    if r.returncode != 0:
        bad.append("qpdf --check: " + (r.stdout + r.stderr).strip().splitlines()[-1])

    r = run("pdffonts", args.pdf)
    rows = r.stdout.splitlines()[2:]
    if r.returncode != 0 or not rows:
        bad.append("pdffonts lists no fonts")
    for row in rows:
        emb, sub, uni = row.split()[-5:-2]
        if (emb, sub, uni) != ("yes", "yes", "yes"):
            bad.append("font not embedded+subset+unicode: " + row.strip())

    with open(args.yaml, encoding="utf-8") as f:
        doc = yaml.safe_load(f)
    info = run("pdfinfo", args.pdf).stdout
    pages = re.search(r"^Pages:\s+(\d+)", info, re.M)
    if not pages or int(pages.group(1)) < 1:
        bad.append("no pages")
    title = re.search(r"^Title:\s+(.*)$", info, re.M)
    want_title = " ".join(str(doc["bulletin"]["title"]).split())
    if not title or title.group(1).strip() != want_title:
        bad.append(f"document Title is {title.group(1) if title else None!r}, want {want_title!r}")

    meta = json.loads(run("qpdf", "--json", "--json-key=outlines", "--json-key=pagelabels", args.pdf).stdout)
    if not meta.get("pagelabels"):
        bad.append("no page labels")

    def count(outlines):
        return sum(1 + count(o.get("kids", [])) for o in outlines)

    n = count(meta.get("outlines", []))
    want = expected_bookmarks(doc)
    if n < want:
        bad.append(f"{n} bookmarks, want at least {want} (groups, items, sections)")

    text = run("pdftotext", "-raw", "-enc", "UTF-8", args.pdf, "-").stdout
    paras = [squeeze(p) for p in yaml_paragraphs(doc)]
    lost = lost_characters(text, paras)
    if lost:
        sample = "".join(sorted(lost)[:40])
        bad.append(f"text lost: {sum(lost.values())} characters, e.g. {sample!r}")
    runs, miss = out_of_order(text, paras)
    if runs and len(miss) > 0.05 * len(runs):
        bad.append(f"reading order: {len(miss)}/{len(runs)} 8-character runs not contiguous, e.g. {miss[:3]}")

    # Copying a sentence gets the sentence: no line of pdftotext's, in any
    # of its modes, is punctuation alone (a compressed mark's box standing
    # out of its line puts it on a line of its own).
    for mode in ([], ["-raw"], ["-layout"]):
        out = run("pdftotext", *mode, "-enc", "UTF-8", args.pdf, "-").stdout
        lone = [ln.strip() for ln in out.splitlines() if LONE_PUNCTUATION.match(ln)]
        if lone:
            bad.append(f"pdftotext {' '.join(mode) or '(reading order)'}: {len(lone)} lines of punctuation alone, e.g. {lone[:3]}")

    return report(args.pdf, bad, f"{len(runs) - len(miss)}/{len(runs)} runs in order, {n} bookmarks")


if __name__ == "__main__":
    sys.exit(main())
