#!/usr/bin/python3
"""ofd_check.py OUT.ofd IN.yaml [--pdf OUT.pdf] [--reader render.js] [--archive] [--svg DIR]

What a reader sees in a bulletin OFD (GB/T 33190-2016), judged from the
package alone (zipfile, xmllint, lxml, fontTools; poppler for --pdf):
  * the zip: zipfile opens it, every entry's CRC is right, no name twice,
    every name relative (no leading "/", no "..", no "\\");
  * every XML part validates (xmllint --schema, one run per schema) against
    the standard's XSD in ../ofd-schema: OFD.xml against OFD.xsd, the
    DocRoot against Document.xsd, every Res file against Res.xsd, every
    page against Page.xsd; with --archive against a copy whose DocType is
    "OFD-A", patched in a temporary folder;
  * structure: DocType "OFD" ("OFD-A" with --archive), Version 1.0, one
    DocBody whose DocInfo has a DocID of 32 hex digits, the bulletin's
    title as Title, CreationDate and Creator; every ID (pages, layers,
    objects, fonts, media, colour spaces ...) unique and at most MaxUnitID;
    every Font, ResourceID, DrawParam, ColorSpace, DefaultCS, PageID and
    TemplateID resolves to the right kind of thing; every path (DocRoot,
    Res, BaseLoc, FontFile, MediaFile, Profile) is in the zip, resolved as
    the standard has it (a Res file's files under its BaseLoc, which is
    relative to the Res file's folder; pages relative to Document.xml's);
    every file of the zip is reached from OFD.xml (no orphans);
  * fonts: every font is embedded and fontTools opens it; every glyph id of
    a CGTransform is below the font's glyph count, not 0 (.notdef) and not
    an empty glyph unless its characters are blanks; every character drawn
    through the character map (no CGTransform), or under a 1:1 CGTransform
    (what search and copy use), is in the font's cmap; with --archive every
    font keeps cmap head hhea hmtx maxp name OS/2 post and glyf+loca or CFF;
  * geometry: every TextCode has X and Y, DeltaX ("g N V" expanded) has a
    value for every UTF-16 unit after the first, every number is finite
    (Boundary, CTM, Size, X, Y, DeltaX/Y, LineWidth, AbbreviatedData, whose
    operators must be S M L Q B A C with their operands); every object's
    Boundary lies on its page and every glyph origin inside its Boundary;
  * text: as pdf_check.py on pdftotext's output, but on the TextCodes in
    document order: every character of every text value of the YAML comes
    back at least as often as written, at least 95% of the 8-character runs
    contiguous; the outline has an entry for every group, item and section
    and every entry goes to a page;
  * --pdf: as many pages as the PDF, each the size of the PDF page's
    MediaBox (0.01 mm), the same characters on each page as pdftotext gets
    from the PDF's, and the same pictures (pixel sizes, pdfimages);
  * --reader render.js: ofd.js (tests/tools/ofdjs, node) opens the file,
    renders every page, and its text has every character of the YAML;
  * --svg DIR: writes DIR/page-N.svg, every page drawn from the package
    alone: glyphs from the embedded fonts by glyph id (CGTransform) or cmap,
    paths, pictures (rsvg-convert turns them into PNGs to look at).
Prints each failure and exits 1, or prints "ok" and exits 0.
"""
import argparse
import base64
import collections
import io
import json
import math
import os
import posixpath
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

import yaml
from fontTools.pens.svgPathPen import SVGPathPen
from fontTools.ttLib import TTFont
from lxml import etree

from pdf_check import expected_bookmarks, lost_characters, out_of_order, squeeze, yaml_paragraphs
from report import report

NS = "http://www.ofdspec.org/2016"
HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMAS = os.path.join(HERE, "..", "ofd-schema")
MM_PER_PT = 25.4 / 72
TOL = 0.01  # mm: numbers are written with three decimals
PATH_OPERANDS = {"S": 2, "M": 2, "L": 2, "Q": 4, "B": 6, "A": 7, "C": 0}
ARCHIVE_TABLES = ("cmap", "head", "hhea", "hmtx", "maxp", "name", "OS/2", "post")


def q(name):
    return "{%s}%s" % (NS, name)


def kids(el, name):
    return [] if el is None else el.findall(q(name))


def kid(el, name):
    return None if el is None else el.find(q(name))


def text_of(el):
    return None if el is None or el.text is None else el.text.strip()


NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def number(t):
    """A decimal number (no NaN, no infinity); ValueError otherwise."""
    v = float(t) if NUMBER.fullmatch(t) else math.nan
    if not math.isfinite(v):
        raise ValueError(f"{t!r} is not a finite number")
    return v


def numbers(s):
    """The numbers of a space-separated list; ValueError unless all are finite."""
    return [number(t) for t in (s or "").split()]


def deltas(s):
    """A DeltaX/DeltaY list with "g N V" (N times V) expanded."""
    toks, out, i = (s or "").split(), [], 0
    while i < len(toks):
        if toks[i] == "g":
            if i + 2 >= len(toks):
                raise ValueError("'g' without count and value")
            n = int(toks[i + 1]) if toks[i + 1].isdigit() else 0
            if n < 1:
                raise ValueError(f"'g {toks[i + 1]}'")
            out += [number(toks[i + 2])] * n
            i += 3
        else:
            out.append(number(toks[i]))
            i += 1
    return out


def utf16_units(s):
    return sum(2 if ord(c) > 0xFFFF else 1 for c in s)


def blank(c):
    return c.isspace() or unicodedata.category(c) in ("Zs", "Zl", "Zp", "Cf")


def cff_empty(code):
    """Whether a Type 2 charstring ends before it draws: only hints (and a
    width) before endchar. Read up to its first other operator, which is
    enough: a glyph that draws starts with a moveto or a subroutine call."""
    i, stack, stems = 0, 0, 0
    while i < len(code):
        b = code[i]
        if b >= 32 or b == 28:
            i += 1 if b <= 246 else 2 if b <= 254 else 5
            i += 2 if b == 28 else 0
            stack += 1
        elif b in (1, 3, 18, 23):  # hstem vstem hstemhm vstemhm
            stems += stack // 2
            stack = 0
            i += 1
        elif b in (19, 20):  # hintmask cntrmask, then a byte per 8 stems
            stems += stack // 2
            stack = 0
            i += 1 + (stems + 7) // 8
        elif b == 14:  # endchar; with 4 more operands it is seac, an accented glyph
            return stack < 4
        else:
            return False
    return True


def image_size(data):
    """(width, height) in pixels of a PNG or JPEG, else None."""
    if data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) >= 24:
        return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    i = 2
    while data[:2] == b"\xff\xd8" and i + 9 < len(data):
        if data[i] != 0xFF:
            i += 1
            continue
        m = data[i + 1]
        if m in (0xD8, 0x01, 0xFF) or 0xD0 <= m <= 0xD7:
            i += 1 if m == 0xFF else 2
            continue
        if 0xC0 <= m <= 0xCF and m not in (0xC4, 0xC8, 0xCC):
            return int.from_bytes(data[i + 7:i + 9], "big"), int.from_bytes(data[i + 5:i + 7], "big")
        i += 2 + int.from_bytes(data[i + 2:i + 4], "big")
    return None


def resolve(base_dir, loc):
    """A path of the package as the standard resolves it: from the root when
    it starts with "/", else from `base_dir`; None if it leaves the package."""
    loc = (loc or "").strip()
    if not loc:
        return None
    p = posixpath.normpath(loc[1:] if loc.startswith("/") else posixpath.join(base_dir, loc))
    return None if p in (".", "..") or p.startswith("../") or p.startswith("/") else p


class Font:
    """An embedded font: its glyph count, cmap, and (lazily) which glyphs are empty."""

    def __init__(self, data):
        self.tt = TTFont(io.BytesIO(data), lazy=True)
        self.count = self.tt["maxp"].numGlyphs
        self.cmap = self.tt.getBestCmap() or {}
        self.order = self.tt.getGlyphOrder()
        self.upem = self.tt["head"].unitsPerEm
        self.cff = "CFF " in self.tt
        self._empty = {}
        self._glyphset = None
        self._charstrings = None

    def charstrings(self):
        if self._charstrings is None:
            self._charstrings = self.tt["CFF "].cff.topDictIndex[0].CharStrings
        return self._charstrings

    def glyphset(self):
        if self._glyphset is None:
            self._glyphset = self.tt.getGlyphSet()
        return self._glyphset

    def empty(self, gid):
        if gid not in self._empty:
            name = self.order[gid]
            if "glyf" in self.tt:
                g = self.tt["glyf"][name]
                self._empty[gid] = g.numberOfContours == 0
            else:
                cs = self.charstrings()[name]
                self._empty[gid] = cff_empty(cs.bytecode) if cs.bytecode is not None else not cs.program or cs.program[-1:] == ["endchar"] and len(cs.program) <= 2
        return self._empty[gid]

    def has(self, c):
        g = self.cmap.get(ord(c))
        return g is not None and g != ".notdef" and g != self.order[0]


class Check:
    def __init__(self, args):
        self.args = args
        self.bad = []
        self.xml = {}  # part name -> root element
        self.kind = {}  # part name -> schema file
        self.referenced = set()

    def fail(self, msg):
        self.bad.append(msg)

    # ------------------------------------------------------------ the zip
    def open_zip(self):
        try:
            self.zip = zipfile.ZipFile(self.args.ofd)
        except (zipfile.BadZipFile, OSError, ValueError) as e:
            self.fail(f"zip: cannot open: {e}")
            return False
        names = [i.filename for i in self.zip.infolist()]
        for n, k in collections.Counter(names).items():
            if k > 1:
                self.fail(f"zip: {n!r} is in the zip {k} times")
        for n in names:
            if n.startswith("/") or ".." in n.split("/") or "\\" in n:
                self.fail(f"zip: name {n!r} is not a relative path inside the package")
        try:
            broken = self.zip.testzip()
            if broken is not None:
                self.fail(f"zip: {broken}: bad CRC or data")
        except Exception as e:  # a bad method, a truncated entry
            self.fail(f"zip: testzip: {e}")
            return False
        self.files = {n for n in names if not n.endswith("/")}
        return True

    def read(self, name):
        return self.zip.read(name)

    def part(self, name, schema, what):
        """Parse an XML part once; None (and a failure) if it is missing or not XML."""
        if name is None:
            self.fail(f"{what}: path leaves the package or is empty")
            return None
        self.referenced.add(name)
        if name in self.xml:
            return self.xml[name]
        if name not in self.files:
            self.fail(f"{what}: {name} is not in the zip")
            return None
        self.kind[name] = schema
        try:
            root = etree.fromstring(self.read(name), etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
        except etree.XMLSyntaxError as e:
            self.fail(f"{name}: not well-formed XML: {e}")
            return None
        self.xml[name] = root
        return root

    def file(self, name, what):
        if name is None:
            self.fail(f"{what}: path leaves the package or is empty")
            return False
        self.referenced.add(name)
        if name not in self.files:
            self.fail(f"{what}: {name} is not in the zip")
            return False
        return True

    # ------------------------------------------------------------ structure
    def structure(self, doc_yaml):
        ofd = self.part("OFD.xml", "OFD.xsd", "the package's entry")
        if ofd is None:
            return False
        if ofd.tag != q("OFD"):
            self.fail(f"OFD.xml: root element is {ofd.tag}, want ofd:OFD")
        want = "OFD-A" if self.args.archive else "OFD"
        if ofd.get("DocType") != want:
            self.fail(f"OFD.xml: DocType {ofd.get('DocType')!r}, want {want!r}")
        if ofd.get("Version") != "1.0":
            self.fail(f"OFD.xml: Version {ofd.get('Version')!r}, want '1.0'")
        bodies = kids(ofd, "DocBody")
        if len(bodies) != 1:
            self.fail(f"OFD.xml: {len(bodies)} DocBody elements, want 1")
            if not bodies:
                return False
        body = bodies[0]
        info = kid(body, "DocInfo")
        if info is None:
            self.fail("OFD.xml: no DocInfo")
        else:
            docid = text_of(kid(info, "DocID"))
            if not docid or not re.fullmatch(r"[0-9A-Fa-f]{32}", docid):
                self.fail(f"OFD.xml: DocID {docid!r} is not 32 hex digits")
            for name in ("Title", "CreationDate", "Creator"):
                if not text_of(kid(info, name)):
                    self.fail(f"OFD.xml: DocInfo has no {name}")
            title = text_of(kid(info, "Title"))
            want_title = " ".join(str(((doc_yaml or {}).get("bulletin") or {}).get("title", "")).split())
            if title is not None and " ".join(title.split()) != want_title:
                self.fail(f"OFD.xml: Title {title!r}, want {want_title!r}")
        root_loc = text_of(kid(body, "DocRoot"))
        if not root_loc:
            self.fail("OFD.xml: no DocRoot")
            return False
        self.docroot = resolve("", root_loc)
        doc = self.part(self.docroot, "Document.xsd", f"OFD.xml DocRoot {root_loc!r}")
        if doc is None:
            return False
        self.document(doc)
        return True

    def document(self, doc):
        ddir = posixpath.dirname(self.docroot)
        dn = self.docroot
        common = kid(doc, "CommonData")
        self.max_id = None
        try:
            self.max_id = int(text_of(kid(common, "MaxUnitID")))
        except (TypeError, ValueError):
            self.fail(f"{dn}: MaxUnitID {text_of(kid(common, 'MaxUnitID'))!r} is not a number")
        self.page_area = self.box(text_of(kid(kid(common, "PageArea"), "PhysicalBox")), f"{dn}: CommonData PageArea PhysicalBox")
        # resources: document-wide, then per page
        self.res = {"Font": {}, "MultiMedia": {}, "ColorSpace": {}, "DrawParam": {}, "CompositeGraphicUnit": {}}
        for tag in ("PublicRes", "DocumentRes"):
            for el in kids(common, tag):
                self.resource_file(resolve(ddir, el.text), f"{dn} {tag} {text_of(el)!r}", self.res)
        self.default_cs = text_of(kid(common, "DefaultCS"))
        self.templates = {}
        for t in kids(common, "TemplatePage"):
            loc = resolve(ddir, t.get("BaseLoc"))
            self.templates[t.get("ID")] = loc
            self.part(loc, "Page.xsd", f"{dn} TemplatePage {t.get('ID')} BaseLoc {t.get('BaseLoc')!r}")
        self.pages = []  # (ID, part name)
        for p in kids(kid(doc, "Pages"), "Page"):
            loc = resolve(ddir, p.get("BaseLoc"))
            self.pages.append((p.get("ID"), loc))
            self.part(loc, "Page.xsd", f"{dn} Page {p.get('ID')} BaseLoc {p.get('BaseLoc')!r}")
        if not self.pages:
            self.fail(f"{dn}: no pages")
        self.outlines = kid(doc, "Outlines")

    def box(self, s, what):
        try:
            v = numbers(s)
        except ValueError:
            v = None
        if v is None or len(v) != 4 or v[2] <= 0 or v[3] <= 0:
            self.fail(f"{what}: {s!r} is not a box (x y w h, w and h > 0)")
            return None
        return v

    def resource_file(self, name, what, into):
        res = self.part(name, "Res.xsd", what)
        if res is None:
            return
        base = posixpath.dirname(name)
        if res.get("BaseLoc") is not None:
            base = resolve(base, res.get("BaseLoc"))
            if base is None:
                self.fail(f"{name}: BaseLoc {res.get('BaseLoc')!r} leaves the package")
                return
        for cs in res.iter(q("ColorSpace")):
            into["ColorSpace"][cs.get("ID")] = cs
            if cs.get("Profile") is not None:
                self.file(resolve(base, cs.get("Profile")), f"{name} ColorSpace {cs.get('ID')} Profile {cs.get('Profile')!r}")
        for tag in ("DrawParam", "CompositeGraphicUnit"):
            for el in res.iter(q(tag)):
                into[tag][el.get("ID")] = el
        for f in res.iter(q("Font")):
            ff = text_of(kid(f, "FontFile"))
            path = resolve(base, ff) if ff else None
            into["Font"][f.get("ID")] = (f, path)
            if ff is None:
                self.fail(f"{name} Font {f.get('ID')} ({f.get('FontName')}): not embedded (no FontFile)")
            else:
                self.file(path, f"{name} Font {f.get('ID')} FontFile {ff!r}")
        for m in res.iter(q("MultiMedia")):
            mf = text_of(kid(m, "MediaFile"))
            path = resolve(base, mf)
            into["MultiMedia"][m.get("ID")] = (m, path)
            self.file(path, f"{name} MultiMedia {m.get('ID')} MediaFile {mf!r}")

    # ------------------------------------------------------------ pages
    def load_pages(self):
        """Per page: its part, its box, the resources it sees."""
        self.page_info = []
        for pid, loc in self.pages:
            root = self.xml.get(loc)
            if root is None:
                continue
            own = kid(kid(root, "Area"), "PhysicalBox")
            pbox = self.box(text_of(own), f"{loc}: Area PhysicalBox") if own is not None else self.page_area
            res = {k: dict(v) for k, v in self.res.items()}
            for pr in kids(root, "PageRes"):
                self.resource_file(resolve(posixpath.dirname(loc), pr.text), f"{loc} PageRes {text_of(pr)!r}", res)
            self.page_info.append((pid, loc, root, pbox, res))

    def ids(self):
        seen = {}

        def add(el, where):
            v = el.get("ID")
            tag = etree.QName(el).localname
            if v is None or not re.fullmatch(r"[0-9]+", v.strip()):
                self.fail(f"{where}: {tag} ID {v!r} is not a number")
                return
            n = int(v)
            if n in seen:
                self.fail(f"{where}: {tag} ID {n} is also the ID of {seen[n]}")
            else:
                seen[n] = f"{tag} in {where}"
            if self.max_id is not None and n > self.max_id:
                self.fail(f"{where}: {tag} ID {n} is above MaxUnitID {self.max_id}")

        doc = self.xml[self.docroot]
        for p in kids(kid(doc, "Pages"), "Page"):
            add(p, self.docroot)
        for t in kids(kid(doc, "CommonData"), "TemplatePage"):
            add(t, self.docroot)
        for name, root in self.xml.items():
            if self.kind.get(name) in ("Res.xsd", "Page.xsd"):
                for el in root.iter():
                    if isinstance(el.tag, str) and el.tag.startswith("{" + NS) and el.get("ID") is not None:
                        add(el, name)
        self.page_ids = {pid for pid, _ in self.pages}

    def references(self):
        if self.default_cs is not None and self.default_cs not in self.res["ColorSpace"]:
            self.fail(f"{self.docroot}: DefaultCS {self.default_cs} is no ColorSpace")
        for name, root in self.xml.items():
            if self.kind.get(name) == "Res.xsd":
                for dp in root.iter(q("DrawParam")):
                    if dp.get("Relative") is not None and dp.get("Relative") not in self.res["DrawParam"]:
                        self.fail(f"{name}: DrawParam {dp.get('ID')} Relative {dp.get('Relative')} is no DrawParam")
        for pid, loc, root, pbox, res in self.page_info:
            for t in kids(root, "Template"):
                if t.get("TemplateID") not in self.templates:
                    self.fail(f"{loc}: Template {t.get('TemplateID')} is no TemplatePage")
            for el in root.iter():
                if not isinstance(el.tag, str):
                    continue
                tag = etree.QName(el).localname
                oid = el.get("ID")
                if tag == "TextObject" and el.get("Font") not in res["Font"]:
                    self.fail(f"{loc}: TextObject {oid} Font {el.get('Font')} is no Font")
                if tag == "ImageObject" and el.get("ResourceID") not in res["MultiMedia"]:
                    self.fail(f"{loc}: ImageObject {oid} ResourceID {el.get('ResourceID')} is no MultiMedia")
                if tag == "CompositeObject" and el.get("ResourceID") not in res["CompositeGraphicUnit"]:
                    self.fail(f"{loc}: CompositeObject {oid} ResourceID {el.get('ResourceID')} is no CompositeGraphicUnit")
                if el.get("DrawParam") is not None and el.get("DrawParam") not in res["DrawParam"]:
                    self.fail(f"{loc}: {tag} {oid} DrawParam {el.get('DrawParam')} is no DrawParam")
                if el.get("ColorSpace") is not None and el.get("ColorSpace") not in res["ColorSpace"]:
                    self.fail(f"{loc}: {tag} ColorSpace {el.get('ColorSpace')} is no ColorSpace")
        for name, root in self.xml.items():
            for dest in root.iter(q("Dest")):
                if dest.get("PageID") not in self.page_ids:
                    self.fail(f"{name}: Dest PageID {dest.get('PageID')} is no page")

    def orphans(self):
        for n in sorted(self.files - self.referenced):
            what = "a page not listed in Document.xml" if n.endswith("Content.xml") else "reached from nothing"
            self.fail(f"zip: {n} is {what} (orphan file)")

    # ------------------------------------------------------------ schema
    def schemas(self):
        tmp = tempfile.mkdtemp(prefix="ofd_check.")
        try:
            xsd = os.path.join(tmp, "xsd")
            shutil.copytree(SCHEMAS, xsd)
            if self.args.archive:  # the XSD fixes DocType to "OFD"; OFD-A (GB/T 42133) needs "OFD-A"
                p = os.path.join(xsd, "OFD.xsd")
                s = open(p, encoding="utf-8", newline="").read()
                patched = s.replace('fixed="OFD"', 'fixed="OFD-A"').replace('<xs:enumeration value="OFD" />', '<xs:enumeration value="OFD-A" />')
                if s.count('fixed="OFD"') != 1 or s.count('<xs:enumeration value="OFD" />') != 1:
                    self.fail("schema: OFD.xsd could not be patched for OFD-A")
                open(p, "w", encoding="utf-8", newline="").write(patched)
            parts = os.path.join(tmp, "parts")
            by_schema = collections.defaultdict(list)
            for name, schema in self.kind.items():
                path = os.path.join(parts, *name.split("/"))
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(self.read(name))
                by_schema[schema].append(name)
            for schema, names in sorted(by_schema.items()):
                failed = self.xmllint(os.path.join(xsd, schema), parts, names)
                if failed:
                    self.locate(os.path.join(xsd, schema), os.path.join(tmp, "pretty"), failed)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    def xmllint(self, xsd, folder, names, report=True):
        """Run xmllint once on all `names` (written under `folder`); the
        failures by part, each message once, which report() prints unless
        told not to."""
        files = [os.path.join(folder, *n.split("/")) for n in names]
        r = subprocess.run(["xmllint", "--noout", "--schema", xsd] + files, capture_output=True, text=True)
        prefix, schema = folder + os.sep, os.path.basename(xsd)
        failed = collections.defaultdict(list)
        for line in r.stderr.splitlines():
            if line.startswith(prefix):
                line = line[len(prefix):]
                if line.endswith(" validates"):
                    continue
                name = line.split(":", 1)[0].split(" ", 1)[0]
                if line.endswith(" fails to validate") and failed[name]:
                    continue
                failed[name].append(line)
            elif line.startswith(xsd) or "compile" in line:  # the schema itself
                failed[None].append(line)
        if r.returncode not in (0, 3) and not failed:
            failed[None].append(f"xmllint exit {r.returncode}: {r.stderr.strip()[-300:]}")
        if report:
            for name, lines in failed.items():
                if name is None or name not in self.xml:  # not XML: xmllint's words
                    for line in lines:
                        self.fail(f"schema {schema}: {line}")
        return {n: lines for n, lines in failed.items() if n is not None and n in self.xml}

    def locate(self, xsd, folder, failed):
        """Name the element of each schema error: xmllint again on the parts
        one element a line, the line -> the element and the object it is in."""
        schema = os.path.basename(xsd)
        pretty = {}
        for name in failed:
            data = etree.tostring(self.xml[name], pretty_print=True, xml_declaration=True, encoding="UTF-8")
            path = os.path.join(folder, *name.split("/"))
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
            pretty[name] = etree.fromstring(data)
        again = self.xmllint(xsd, folder, list(failed), report=False)
        for name, lines in failed.items():
            at = {}
            for el in pretty[name].iter():
                at.setdefault(el.sourceline, el)
            found = []
            for line in again.get(name, []):
                m = re.match(r"[^:]*:(\d+): (?:element \w+: )?(?:Schemas validity error : )?(.*)$", line)
                if not m:
                    continue
                el, where = at.get(int(m.group(1))), []
                while el is not None:
                    if isinstance(el.tag, str):
                        where.append(etree.QName(el).localname + (f" {el.get('ID')}" if el.get("ID") else ""))
                        if el.get("ID"):
                            break
                    el = el.getparent()
                msg = m.group(2).replace("{%s}" % NS, "ofd:")
                found.append(f"schema {schema}: {name}: {' in '.join(where) or 'line ' + m.group(1)}: {msg}")
            for f in found or [f"schema {schema}: {line}" for line in lines]:
                self.fail(f)

    # ------------------------------------------------------------ fonts
    def fonts(self):
        self.font = {}  # font ID -> Font
        self.font_file = {}  # path -> Font, or None if it cannot be read
        for fid, (el, path) in self.res["Font"].items():
            self.load_font(fid, path)
        for _, _, _, _, res in self.page_info:
            for fid, (el, path) in res["Font"].items():
                if fid not in self.font:
                    self.load_font(fid, path)

    def load_font(self, fid, path):
        if path is None or path not in self.files:
            return
        if path in self.font_file:
            if self.font_file[path]:
                self.font[fid] = self.font_file[path]
            return
        self.font_file[path] = None
        try:
            f = Font(self.read(path))
        except Exception as e:
            self.fail(f"{path}: font {fid}: fontTools cannot open it: {e}")
            return
        self.font[fid] = self.font_file[path] = f
        if self.args.archive:
            missing = [t for t in ARCHIVE_TABLES if t not in f.tt]
            if not ("glyf" in f.tt and "loca" in f.tt) and "CFF " not in f.tt:
                missing.append("glyf+loca or CFF")
            if missing:
                self.fail(f"{path}: font {fid}: tables {', '.join(missing)} missing (GB/T 42133 6.2.6c)")

    # ------------------------------------------------------------ text objects
    def text_objects(self):
        """Geometry, glyphs and characters of every TextObject; the text per page."""
        self.page_text = []
        for pid, loc, root, pbox, res in self.page_info:
            chunks = []
            for el in root.iter():
                if not isinstance(el.tag, str):
                    continue
                tag = etree.QName(el).localname
                if tag in ("TextObject", "PathObject", "ImageObject", "CompositeObject"):
                    b = self.object_box(el, loc, tag, pbox)
                    if tag == "TextObject":
                        chunks.extend(self.text_object(el, loc, b))
            self.page_text.append("".join(chunks))

    def object_box(self, el, loc, tag, pbox):
        oid = el.get("ID")
        b = self.box(el.get("Boundary"), f"{loc}: {tag} {oid} Boundary")
        if el.get("CTM") is not None:
            try:
                if len(numbers(el.get("CTM"))) != 6:
                    raise ValueError
            except ValueError:
                self.fail(f"{loc}: {tag} {oid} CTM {el.get('CTM')!r} is not 6 finite numbers")
        if tag == "PathObject":
            self.path_data(el, f"{loc}: PathObject {oid}")
        if b and pbox:
            x, y, w, h = b
            px, py, pw, ph = pbox
            if x < px - TOL or y < py - TOL or x + w > px + pw + TOL or y + h > py + ph + TOL:
                self.fail(f"{loc}: {tag} {oid} Boundary {el.get('Boundary')} is not within the page ({' '.join('%g' % v for v in pbox)})")
        return b

    def path_data(self, el, what):
        for a in ("LineWidth", "MiterLimit", "DashOffset"):
            if el.get(a) is not None:
                try:
                    if len(numbers(el.get(a))) != 1:
                        raise ValueError
                except ValueError:
                    self.fail(f"{what}: {a} {el.get(a)!r} is not a finite number")
        toks, i = (text_of(kid(el, "AbbreviatedData")) or "").split(), 0
        if not toks:
            self.fail(f"{what}: empty AbbreviatedData")
        while i < len(toks):
            n = PATH_OPERANDS.get(toks[i])
            if n is None:
                self.fail(f"{what}: AbbreviatedData operator {toks[i]!r} unknown")
                return
            try:
                if len(numbers(" ".join(toks[i + 1:i + 1 + n]))) != n:
                    raise ValueError
            except ValueError:
                self.fail(f"{what}: AbbreviatedData {toks[i]} needs {n} finite numbers: {' '.join(toks[i:i + 1 + n])!r}")
                return
            i += 1 + n

    def text_object(self, el, loc, b):
        oid = el.get("ID")
        fid = el.get("Font")
        font = self.font.get(fid)
        what = f"{loc}: TextObject {oid}"
        try:
            if number(el.get("Size")) <= 0:
                raise ValueError
        except (TypeError, ValueError):
            self.fail(f"{what}: Size {el.get('Size')!r} is not a positive number")
        ctm = None
        try:
            ctm = numbers(el.get("CTM")) if el.get("CTM") is not None else None
        except ValueError:
            pass
        pending, codes, out = [], [], []
        for c in el:
            if c.tag == q("CGTransform"):
                pending.append(c)
            elif c.tag == q("TextCode"):
                codes.append((c, pending))
                pending = []
        if pending:
            self.fail(f"{what}: CGTransform after the last TextCode")
        if any(cg for _, cg in codes) and len(codes) > 1:
            self.fail(f"{what}: {len(codes)} TextCodes with CGTransforms (readers count CodePosition differently)")
        for code, cgs in codes:
            s = code.text or ""
            out.append(s)
            chars = list(s)
            units = utf16_units(s)
            head = f"{what} TextCode {s[:12]!r}"
            # geometry
            xy = []
            for a in ("X", "Y"):
                try:
                    xy.append(number(code.get(a)))
                except (TypeError, ValueError):
                    self.fail(f"{head}: {a} is {'missing' if code.get(a) is None else 'not a finite number: ' + repr(code.get(a))}")
            dx = dy = []
            for a in ("DeltaX", "DeltaY"):
                if code.get(a) is None:
                    continue
                try:
                    v = deltas(code.get(a))
                except ValueError as e:
                    self.fail(f"{head}: {a} {code.get(a)!r}: {e}")
                    continue
                if a == "DeltaX":
                    dx = v
                else:
                    dy = v
            if units > 1 and len(dx) < units - 1:
                self.fail(f"{head}: DeltaX has {len(dx)} values for {units} UTF-16 units (want {units - 1})")
            if code.get("DeltaY") is not None and units > 1 and len(dy) < units - 1:
                self.fail(f"{head}: DeltaY has {len(dy)} values for {units} UTF-16 units (want {units - 1})")
            # glyphs
            glyphs, covered = self.cg_transforms(cgs, chars, font, head, fid)
            if font is not None:
                whole_1to1 = len(cgs) == 1 and covered == set(range(len(chars))) and len(glyphs) == len(chars)
                for i, ch in enumerate(chars):
                    if (i not in covered or whole_1to1) and not font.has(ch):
                        self.fail(f"{head}: {ch!r} (U+{ord(ch):04X}) is not in the cmap of font {fid}"
                                  + (" (drawn through it)" if i not in covered else " (search and copy use it)"))
            # origins
            if len(xy) == 2 and b:
                n = max(units, len(glyphs), 1)
                x, y = xy
                for k in range(n):
                    if k:
                        x += dx[min(k - 1, len(dx) - 1)] if dx else 0
                        y += dy[min(k - 1, len(dy) - 1)] if dy else 0
                    ox, oy = (ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]) if ctm else (x, y)
                    if not (-TOL <= ox <= b[2] + TOL and -TOL <= oy <= b[3] + TOL):
                        self.fail(f"{head}: glyph origin {k} ({ox:.3f}, {oy:.3f}) outside the Boundary {el.get('Boundary')}")
                        break
        return out

    def cg_transforms(self, cgs, chars, font, head, fid):
        """Check the CGTransforms of one TextCode; their glyphs, and the characters they cover."""
        glyphs, covered = [], set()
        for cg in cgs:
            try:
                pos = int(cg.get("CodePosition"))
                count = int(cg.get("CodeCount", "1"))
                gcount = int(cg.get("GlyphCount", "1"))
                ids = [int(t) for t in (text_of(kid(cg, "Glyphs")) or "").split()]
            except (TypeError, ValueError):
                self.fail(f"{head}: CGTransform {dict(cg.attrib)} has a bad number")
                continue
            if len(ids) != gcount:
                self.fail(f"{head}: CGTransform at {pos} has {len(ids)} Glyphs for GlyphCount {gcount}")
            span = set(range(max(pos, 0), min(pos + count, len(chars))))
            if pos < 0 or count < 1 or gcount < 1 or pos + count > len(chars):
                self.fail(f"{head}: CGTransform {pos}+{count} goes beyond the {len(chars)} characters")
            if span & covered:
                self.fail(f"{head}: CGTransform at {pos} overlaps another")
            covered |= span
            glyphs += ids
            text = chars[max(pos, 0):pos + count]
            if any(ord(c) > 0xFFFF for c in chars):
                self.fail(f"{head}: CGTransform on text beyond U+FFFF (readers count CodePosition and CodeCount"
                          " in code points or in UTF-16 units)")
            if font is None:
                continue
            for i, g in enumerate(ids):
                if g >= font.count or g < 0:
                    self.fail(f"{head}: glyph {g} is beyond font {fid}'s {font.count} glyphs")
                    continue
                if g == 0:
                    self.fail(f"{head}: glyph 0 (.notdef) for {''.join(text)!r}")
                    continue
                mine = [text[i]] if count == gcount and i < len(text) else text
                if all(blank(c) for c in mine):
                    continue
                try:
                    empty = font.empty(g) and (count == gcount or all(font.empty(h) for h in ids if 0 < h < font.count))
                except Exception as e:  # a damaged glyf or CFF table
                    self.fail(f"{head}: glyph {g} of font {fid} cannot be read: {e}")
                    continue
                if empty:
                    self.fail(f"{head}: glyph {g} of font {fid} is empty but stands for {''.join(mine)!r}")
        return glyphs, covered

    # ------------------------------------------------------------ text content
    def content(self, doc_yaml):
        text = "".join(self.page_text)
        paras = [squeeze(p) for p in yaml_paragraphs(doc_yaml)]
        lost = lost_characters(text, paras)
        if lost:
            self.fail(f"text lost: {sum(lost.values())} characters, e.g. {''.join(sorted(lost)[:40])!r}")
        runs, miss = out_of_order(text, paras)
        if runs and len(miss) > 0.05 * len(runs):
            self.fail(f"reading order: {len(miss)}/{len(runs)} 8-character runs not contiguous, e.g. {miss[:3]}")
        self.runs = (len(runs) - len(miss), len(runs))

        def count(el):
            return sum(1 + count(e) for e in kids(el, "OutlineElem"))

        n = count(self.outlines)
        want = expected_bookmarks(doc_yaml)
        if n < want:
            self.fail(f"{n} outline entries, want at least {want} (groups, items, sections)")
        self.bookmarks = n
        heights = {pid: pbox for pid, _, _, pbox, _ in self.page_info}
        if self.outlines is not None:
            for dest in self.outlines.iter(q("Dest")):
                pb = heights.get(dest.get("PageID"))
                try:
                    top = number(dest.get("Top", "0"))
                except ValueError:
                    top = math.nan
                if pb and not (-TOL <= top <= pb[3] + TOL):
                    self.fail(f"outline Dest Top {dest.get('Top')} is not on page {dest.get('PageID')}")

    # ------------------------------------------------------------ --pdf
    def against_pdf(self):
        pdf = self.args.pdf
        r = subprocess.run(["pdfinfo", "-box", "-l", "100000", pdf], capture_output=True, text=True)
        m = re.search(r"^Pages:\s+(\d+)", r.stdout, re.M)
        if r.returncode != 0 or not m:
            self.fail(f"--pdf: pdfinfo cannot read {pdf}")
            return
        n = int(m.group(1))
        if n != len(self.pages):
            self.fail(f"--pdf: {len(self.pages)} pages, the PDF has {n}")
        boxes = {int(a): [float(v) for v in b.split()] for a, b in re.findall(r"^Page\s+(\d+) MediaBox:\s+(.*)$", r.stdout, re.M)}
        pdftext = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", pdf, "-"], capture_output=True, text=True).stdout.split("\f")
        pictures = collections.defaultdict(collections.Counter)  # page -> (width, height) px -> times drawn
        for row in subprocess.run(["pdfimages", "-list", pdf], capture_output=True, text=True).stdout.splitlines()[2:]:
            f = row.split()
            if len(f) > 4 and f[2] == "image":
                pictures[int(f[0])][(int(f[3]), int(f[4]))] += 1
        for i, (pid, loc, root, pbox, res) in enumerate(self.page_info):
            if i + 1 > n:
                break
            mb = boxes.get(i + 1)
            if mb and pbox:
                want = [mb[0] * MM_PER_PT, mb[1] * MM_PER_PT, (mb[2] - mb[0]) * MM_PER_PT, (mb[3] - mb[1]) * MM_PER_PT]
                if any(abs(a - b) > 0.01 for a, b in zip(pbox, want)):
                    self.fail(f"--pdf: page {i + 1} ({loc}) PhysicalBox {' '.join('%g' % v for v in pbox)}, "
                              f"the PDF's MediaBox is {' '.join('%.3f' % v for v in want)} mm")
            mine = collections.Counter()
            for im in root.iter(q("ImageObject")):
                m = res["MultiMedia"].get(im.get("ResourceID"))
                mine[image_size(self.read(m[1])) if m and m[1] in self.files else None] += 1
            if mine != pictures[i + 1]:
                show = lambda c: ", ".join(f"{k}×{'%dx%d' % s if s else '?'}" for s, k in sorted(c.items(), key=str)) or "none"
                self.fail(f"--pdf: page {i + 1} pictures (pixels) {show(mine)}, the PDF's {show(pictures[i + 1])}")
            have = collections.Counter(squeeze(self.page_text[i]))
            want_t = collections.Counter(squeeze(pdftext[i] if i < len(pdftext) else ""))
            if have != want_t:
                more = "".join(sorted((have - want_t).elements()))
                less = "".join(sorted((want_t - have).elements()))
                self.fail(f"--pdf: page {i + 1} text differs from the PDF's: OFD has {len(more)} more {more[:20]!r}, "
                          f"{len(less)} fewer {less[:20]!r}")

    # ------------------------------------------------------------ --reader
    def reader(self, doc_yaml):
        tmp = tempfile.mkdtemp(prefix="ofd_check.reader.")
        try:
            r = subprocess.run(["node", self.args.reader, self.args.ofd, tmp, "--timeout", "170"],
                               capture_output=True, timeout=180)
        except subprocess.TimeoutExpired:
            self.fail("reader: no answer within 180 s")
            return
        except OSError as e:
            self.fail(f"reader: cannot run node: {e}")
            return
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        stdout, stderr = r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
        said = [l for l in stderr.splitlines() if l.startswith("render.js:")] or stderr.strip().splitlines() or [""]
        last = said[0][:300]
        if r.returncode != 0:
            self.fail(f"reader: exit {r.returncode}: {last}")
            return
        try:
            out = json.loads(stdout)
        except ValueError:
            self.fail(f"reader: no JSON on stdout ({len(stdout)} characters): {stdout[:100]!r} … {stdout[-100:]!r}")
            return
        if out.get("pages") != len(self.pages):
            self.fail(f"reader: {out.get('pages')} pages rendered, the document has {len(self.pages)}")
        # ofd.js draws a character beyond U+FFFF as two UTF-16 halves; joined, they are the character again
        text = "".join(out.get("text") or []).encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")
        paras = [squeeze(p) for p in yaml_paragraphs(doc_yaml)]
        lost = lost_characters(text, paras)
        if lost:
            self.fail(f"reader: text lost: {sum(lost.values())} characters, e.g. {''.join(sorted(lost)[:40])!r}")


# ---------------------------------------------------------------- --svg
def fmt(v):
    if not math.isfinite(v):
        return "0"
    return ("%.4f" % v).rstrip("0").rstrip(".") if v != int(v) else str(int(v))


class Svg:
    """Every page as SVG, drawn from the package alone: each glyph from the
    embedded font by its id (CGTransform) or the font's cmap, in Size mm per
    em, y down; paths from AbbreviatedData; pictures as data: URIs; every
    object clipped to its Boundary. Millimetres throughout."""

    def __init__(self, check):
        self.c = check
        self.glyph_d = {}  # (font ID, gid) -> path data in font units

    def write(self, out_dir):
        os.makedirs(out_dir, exist_ok=True)
        paths = []
        for i, (pid, loc, root, pbox, res) in enumerate(self.c.page_info):
            if not pbox:
                continue
            self.res, self.defs, self.used, self.body, self.n = res, [], set(), [], 0
            for tid in [t.get("TemplateID") for t in kids(root, "Template")]:
                troot = self.c.xml.get(self.c.templates.get(tid))
                if troot is not None:
                    self.layers(troot)
            self.layers(root)
            x, y, w, h = pbox
            svg = ['<?xml version="1.0" encoding="UTF-8"?>\n',
                   f'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" '
                   f'width="{fmt(w)}mm" height="{fmt(h)}mm" viewBox="{fmt(x)} {fmt(y)} {fmt(w)} {fmt(h)}">\n',
                   f'<!-- {loc} (page ID {pid}) drawn by ofd_check.py from the embedded fonts -->\n',
                   "<defs>\n", *self.defs, "</defs>\n",
                   f'<rect x="{fmt(x)}" y="{fmt(y)}" width="{fmt(w)}" height="{fmt(h)}" fill="white"/>\n',
                   *self.body, "</svg>\n"]
            path = os.path.join(out_dir, f"page-{i + 1}.svg")
            with open(path, "w", encoding="utf-8") as f:
                f.write("".join(svg))
            paths.append(path)
        return paths

    def layers(self, root):
        for layer in kids(kid(root, "Content"), "Layer"):
            self.block(layer)

    def block(self, el):
        for o in el:
            tag = etree.QName(o).localname if isinstance(o.tag, str) else None
            if tag == "PageBlock":
                self.block(o)
            elif tag in ("TextObject", "PathObject", "ImageObject"):
                self.graphic(o, tag)
            elif tag:
                self.body.append(f"<!-- {tag} {o.get('ID')} not drawn -->\n")

    def graphic(self, o, tag):
        try:
            x, y, w, h = numbers(o.get("Boundary"))
            ctm = numbers(o.get("CTM")) if o.get("CTM") else None
            if ctm is not None and len(ctm) != 6:
                raise ValueError
        except ValueError:
            self.body.append(f"<!-- {tag} {o.get('ID')}: no Boundary or a bad CTM, not drawn -->\n")
            return
        if o.get("Visible") == "false":
            return
        self.n += 1
        cid = f"c{self.n}"
        self.defs.append(f'<clipPath id="{cid}"><rect width="{fmt(w)}" height="{fmt(h)}"/></clipPath>\n')
        inner = f' transform="matrix({" ".join(fmt(v) for v in ctm)})"' if ctm else ""
        alpha = o.get("Alpha")
        op = f' opacity="{fmt(int(alpha) / 255)}"' if alpha and alpha.isdigit() else ""
        self.body.append(f'<g id="o{o.get("ID")}" transform="translate({fmt(x)} {fmt(y)})" clip-path="url(#{cid})"{op}><g{inner}>\n')
        getattr(self, tag)(o)
        self.body.append("</g></g>\n")

    def color(self, el, default):
        if el is None:
            return default, 1
        try:
            v = [int(float(t)) for t in (el.get("Value") or "").split()]
        except ValueError:
            return default, 1
        cs = self.res["ColorSpace"].get(el.get("ColorSpace") or self.c.default_cs)
        kind = cs.get("Type") if cs is not None else "RGB"
        if kind == "Gray" and len(v) == 1:
            v = v * 3
        elif kind == "CMYK" and len(v) == 4:
            k = 255 - v[3]
            v = [round((255 - c) * k / 255) for c in v[:3]]
        if len(v) != 3:
            return default, 1
        a = el.get("Alpha")
        return "rgb(%d,%d,%d)" % tuple(v), (int(a) / 255 if a and a.isdigit() else 1)

    def glyph(self, fid, font, gid):
        key = (fid, gid)
        if key not in self.glyph_d:
            d = ""
            if 0 <= gid < font.count:
                pen = SVGPathPen(font.glyphset())
                font.glyphset()[font.order[gid]].draw(pen)
                d = pen.getCommands()
            self.glyph_d[key] = d
        ref = f"g{fid}_{gid}"
        if self.glyph_d[key] and ref not in self.used:
            self.used.add(ref)
            self.defs.append(f'<path id="{ref}" d="{self.glyph_d[key]}"/>\n')
        return ref if self.glyph_d[key] else None

    def TextObject(self, o):
        fid = o.get("Font")
        font = self.c.font.get(fid)
        if font is None:
            self.body.append(f"<!-- font {fid} not loaded -->\n")
            return
        try:
            size = number(o.get("Size"))
            hscale = number(o.get("HScale", "1"))
            if size <= 0:
                raise ValueError
        except (TypeError, ValueError):
            return
        fill, fa = self.color(kid(o, "FillColor"), "rgb(0,0,0)")
        stroke, sa = self.color(kid(o, "StrokeColor"), "none")
        paint = ""
        if o.get("Fill", "true") != "false":
            paint += f' fill="{fill}"' + (f' fill-opacity="{fmt(fa)}"' if fa < 1 else "")
        else:
            paint += ' fill="none"'
        if o.get("Stroke") == "true" and stroke != "none":
            paint += f' stroke="{stroke}" stroke-width="{fmt(float(o.get("LineWidth", "0.353")) * font.upem / size)}"'
        self.body.append(f"<g{paint}>\n")
        s = size / font.upem
        cgs, x, y = [], 0.0, 0.0
        for c in o:
            if c.tag == q("CGTransform"):
                cgs.append(c)
                continue
            if c.tag != q("TextCode"):
                continue
            try:
                x = number(c.get("X")) if c.get("X") is not None else x
                y = number(c.get("Y")) if c.get("Y") is not None else y
                dx = deltas(c.get("DeltaX"))
                dy = deltas(c.get("DeltaY"))
            except ValueError:
                cgs = []
                continue
            chars = list(c.text or "")
            starts = {}
            for cg in cgs:
                try:
                    starts[int(cg.get("CodePosition"))] = (int(cg.get("CodeCount", "1")),
                                                           [int(t) for t in (text_of(kid(cg, "Glyphs")) or "").split()])
                except (TypeError, ValueError):
                    pass
            cgs = []
            gids, i = [], 0
            while i < len(chars):
                if i in starts:
                    count, ids = starts[i]
                    gids += ids
                    i += max(count, 1)
                else:
                    name = font.cmap.get(ord(chars[i]))
                    gids.append(font.tt.getGlyphID(name) if name else 0)
                    i += 1
            gx, gy = x, y
            for k, g in enumerate(gids):
                if k:
                    gx += dx[min(k - 1, len(dx) - 1)] if dx else 0
                    gy += dy[min(k - 1, len(dy) - 1)] if dy else 0
                ref = self.glyph(fid, font, g)
                if ref:
                    self.body.append(f'<use xlink:href="#{ref}" transform="translate({fmt(gx)} {fmt(gy)}) '
                                     f'scale({fmt(s * hscale)} {fmt(-s)})"/>\n')
        self.body.append("</g>\n")

    def PathObject(self, o):
        ops = {"S": ("M", 2), "M": ("M", 2), "L": ("L", 2), "Q": ("Q", 4), "B": ("C", 6), "A": ("A", 7), "C": ("Z", 0)}
        toks, d, i = (text_of(kid(o, "AbbreviatedData")) or "").split(), [], 0
        while i < len(toks):
            op, n = ops.get(toks[i], (None, 0))
            if op is None:
                self.body.append(f"<!-- AbbreviatedData operator {toks[i]!r} not drawn -->\n")
                return
            d.append(" ".join([op] + toks[i + 1:i + 1 + n]))
            i += 1 + n
        fill, fa = self.color(kid(o, "FillColor"), "none")
        stroke, sa = self.color(kid(o, "StrokeColor"), "rgb(0,0,0)")
        a = [f'd="{" ".join(d)}"']
        a.append(f'fill="{fill}"' if o.get("Fill") == "true" else 'fill="none"')
        if fa < 1:
            a.append(f'fill-opacity="{fmt(fa)}"')
        if o.get("Rule") == "Even-Odd":
            a.append('fill-rule="evenodd"')
        if o.get("Stroke", "true") != "false":
            a.append(f'stroke="{stroke}" stroke-width="{o.get("LineWidth", "0.353")}"')
            if sa < 1:
                a.append(f'stroke-opacity="{fmt(sa)}"')
            a.append(f'stroke-linecap="{o.get("Cap", "Butt").lower()}" stroke-linejoin="{o.get("Join", "Miter").lower()}"')
            a.append(f'stroke-miterlimit="{o.get("MiterLimit", "4.234")}"')
            if o.get("DashPattern"):
                a.append(f'stroke-dasharray="{o.get("DashPattern")}" stroke-dashoffset="{o.get("DashOffset", "0")}"')
        self.body.append(f'<path {" ".join(a)}/>\n')

    def ImageObject(self, o):
        m = self.res["MultiMedia"].get(o.get("ResourceID"))
        if not m or m[1] not in self.c.files:
            self.body.append(f"<!-- image {o.get('ResourceID')} missing -->\n")
            return
        data = self.c.read(m[1])
        mime = ("image/png" if data[:4] == b"\x89PNG" else "image/jpeg" if data[:2] == b"\xff\xd8"
                else "image/" + (m[0].get("Format") or "png").lower())
        uri = f"data:{mime};base64," + base64.b64encode(data).decode("ascii")
        self.body.append(f'<image width="1" height="1" preserveAspectRatio="none" xlink:href="{uri}"/>\n')


def main():
    ap = argparse.ArgumentParser(description="Check a bulletin OFD (GB/T 33190-2016).")
    ap.add_argument("ofd")
    ap.add_argument("yaml")
    ap.add_argument("--pdf", help="the PDF rendered from the same YAML: same pages, sizes and text")
    ap.add_argument("--reader", help="render.js of tests/tools/ofdjs (node, with its node_modules installed)")
    ap.add_argument("--archive", action="store_true", help="an OFD-A (GB/T 42133-2022)")
    ap.add_argument("--svg", metavar="DIR", help="draw every page into DIR/page-N.svg")
    args = ap.parse_args()
    with open(args.yaml, encoding="utf-8") as f:
        doc_yaml = yaml.safe_load(f)
    c = Check(args)
    note = ""
    if c.open_zip() and c.structure(doc_yaml):
        c.load_pages()
        c.schemas()
        c.ids()
        c.references()
        c.orphans()
        c.fonts()
        c.text_objects()
        c.content(doc_yaml)
        if args.pdf:
            c.against_pdf()
        if args.reader:
            c.reader(doc_yaml)
        if args.svg:
            Svg(c).write(args.svg)
        note = f"{len(c.pages)} pages, {c.runs[0]}/{c.runs[1]} runs in order, {c.bookmarks} outline entries"
    return report(args.ofd, c.bad, note)


if __name__ == "__main__":
    sys.exit(main())
