#!/usr/bin/python3
"""docx_check.py OUT.docx IN.yaml [--pdf CONVERTED.pdf] [--manifest fonts.yaml]

What a reader's tools see in a bulletin DOCX (the checks of
../shared/tools/check-docx, plus what LibreOffice made of it):
  * the zip is sound and holds the parts Word needs;
  * every XML part is well-formed (xmllint);
  * python-docx opens it, and every character of every YAML text value is
    in its paragraphs and table cells at least as often as written;
  * with --pdf (LibreOffice's conversion of it): the PDF has pages and the
    same characters come back from pdftotext, 95% of 8-character runs in order;
  * with --manifest: every font the package names is one of the manifest's
    office names (or the English name Word writes for one), and no family
    only Linux has (Noto, Fandol, LXGW, Liberation, …) appears in any part.
Prints each failure and exits 1, or prints "ok" and exits 0.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdf_check import lost_characters, out_of_order, squeeze, yaml_paragraphs  # noqa: E402
from report import report  # noqa: E402

import docx  # noqa: E402
import yaml  # noqa: E402

# Families a Chinese office's Windows PC does not have: never in a DOCX.
LINUX_FAMILIES = re.compile(r"Noto |Fandol|LXGW|Liberation|DejaVu|WenQuanYi|Droid|Source Han|AR PL|Nimbus|"
                            r"cwTeX|Adobe (Song|Heiti|Kaiti|Fangsong)")
# The English names Word writes as w:altName of the Windows families.
WINDOWS_ALT_NAMES = {"SimSun", "SimHei", "FangSong", "KaiTi", "Microsoft YaHei", "STZhongsong"}


def font_problems(z, manifest):
    """Fonts named in the package that an office would not have."""
    with open(manifest, encoding="utf-8") as f:
        roles = yaml.safe_load(f)["roles"]
    allowed = set(WINDOWS_ALT_NAMES)
    for role in roles.values():
        office = role.get("office", {})
        allowed.update(v for k, v in office.items() if k in ("cjk", "windows", "latin"))
    bad = []
    for n in sorted(z.namelist()):
        if not n.endswith((".xml", ".rels")):
            continue
        text = z.read(n).decode("utf-8")
        m = LINUX_FAMILIES.search(text)
        if m:
            bad.append(f"{n} names a Linux-only family: {text[max(0, m.start() - 40):m.end() + 20]!r}")
        names = [v for tag in re.findall(r"<w:rFonts [^>]*>", text)
                 for a, v in re.findall(r'w:(ascii|hAnsi|eastAsia|cs)="([^"]*)"', tag)]
        names += re.findall(r'<w:font w:name="([^"]*)"', text) + re.findall(r'<w:altName w:val="([^"]*)"', text)
        bad += [f"{n} names the font {v!r}, not an office name of the manifest" for v in names if v not in allowed]
    return sorted(set(bad))


PARTS = ("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
         "word/styles.xml", "word/settings.xml", "word/fontTable.xml", "docProps/core.xml", "docProps/app.xml")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("docx")
    ap.add_argument("yaml")
    ap.add_argument("--pdf")
    ap.add_argument("--manifest")
    args = ap.parse_args()
    bad = []
    with open(args.yaml, encoding="utf-8") as f:
        paras = [squeeze(p) for p in yaml_paragraphs(yaml.safe_load(f))]

    try:
        z = zipfile.ZipFile(args.docx)
        if z.testzip() is not None:
            bad.append("a zip member is corrupt")
        names = set(z.namelist())
        bad += [f"missing part {p}" for p in PARTS if p not in names]
        if args.manifest:
            bad += font_problems(z, args.manifest)
        with tempfile.TemporaryDirectory() as d:
            for n in sorted(names):
                if n.endswith((".xml", ".rels")):
                    path = os.path.join(d, "part.xml")
                    with open(path, "wb") as out:
                        out.write(z.read(n))
                    r = subprocess.run(["xmllint", "--noout", path], capture_output=True, text=True)
                    if r.returncode:
                        bad.append(f"not well-formed: {n}: {r.stderr.strip().splitlines()[0]}")
    except zipfile.BadZipFile as e:
        print(f"{args.docx}: not a zip: {e}")
        return 1

    try:
        d = docx.Document(args.docx)
        parts = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        missing = lost_characters("\n".join(parts), paras)
        if missing:
            bad.append(f"text lost: {sum(missing.values())} characters, e.g. {''.join(sorted(missing)[:40])!r}")
    except Exception as e:  # python-docx raises many kinds
        bad.append(f"python-docx cannot open it: {e}")

    if args.pdf:
        if not os.path.exists(args.pdf):
            bad.append("LibreOffice did not convert it")
        else:
            text = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", args.pdf, "-"], capture_output=True,
                                  text=True).stdout
            missing = lost_characters(text, paras)
            if missing:
                bad.append(f"LibreOffice's PDF lost {sum(missing.values())} characters, e.g. "
                           f"{''.join(sorted(missing)[:40])!r}")
            runs, miss = out_of_order(text, paras)
            if runs and len(miss) > 0.05 * len(runs):
                bad.append(f"LibreOffice's PDF reading order: {len(miss)}/{len(runs)} runs not contiguous, e.g. {miss[:3]}")

    return report(args.docx, bad)


if __name__ == "__main__":
    sys.exit(main())
