#!/usr/bin/python3
"""pdfa_check.py FILE.pdf

The rules of PDF/A-2b (ISO 19005-2:2011, level B) — and of level U when
the XMP declares it (every glyph shown has a Unicode value, 6.2.11.7.2) —
that apply to what bulletin writes, checked one by one with pikepdf (qpdf), fontTools and the
file's bytes; veraPDF is not installable here. Each check names its clause.
Exit 0 when every rule holds, 1 with one line per broken rule.

Not checked here (nothing bulletin writes can break them): 6.1.13
implementation limits beyond string and name lengths, 6.2.10 transparency
groups and blend modes (no soft masks but images' own, no blend modes),
6.3 annotations and 6.4 interactive forms (none are written), 6.5 actions
beyond their absence, 6.8 embedded files (checked absent), 6.9 optional
content (checked absent).
"""

import io
import re
import sys
import xml.dom.minidom

import pikepdf
from fontTools.cffLib import CFFFontSet
from fontTools.pens.basePen import NullPen
from fontTools.ttLib import TTFont

problems = []
level = {"U": False}  # set from the XMP's pdfaid:conformance


def to_unicode_codes(stream):
    """The codes a ToUnicode CMap maps, with their UTF-16BE values."""
    data = stream.read_bytes().decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", data, re.S):
        for code, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(code, 16)] = value
    for block in re.findall(r"beginbfrange(.*?)endbfrange", data, re.S):
        for lo, hi, value in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            for c in range(int(lo, 16), int(hi, 16) + 1):
                out[c] = value
    return out


def fail(clause, message):
    problems.append("%s: %s" % (clause, message))


def check_bytes(raw):
    # 6.1.2: header %PDF-1.n (n <= 7), then a comment of at least four bytes above 127.
    m = re.match(rb"%PDF-1\.([0-7])\r?\n%([^\r\n]*)", raw)
    if not m:
        fail("6.1.2", "the header is not %PDF-1.0 … %PDF-1.7 followed by a comment line")
    elif sum(1 for b in m.group(2)[:4] if b > 127) < 4:
        fail("6.1.2", "the comment after the header has fewer than four bytes above 127")
    # 6.1.3: nothing but an end-of-line after the last %%EOF.
    tail = raw[raw.rfind(b"%%EOF") + 5:]
    if tail not in (b"", b"\n", b"\r\n", b"\r"):
        fail("6.1.3", "data after the last %%EOF")
    # 6.1.7.1: `stream` followed by CRLF or LF; `endstream` preceded by an EOL.
    for m in re.finditer(rb"(?<![a-z])stream(\r\n|\n|\r|.)", raw):
        if m.group(1) not in (b"\r\n", b"\n"):
            fail("6.1.7.1", "the stream keyword at byte %d is not followed by CRLF or LF" % m.start())
    for m in re.finditer(rb"endstream", raw):
        if raw[m.start() - 1:m.start()] not in (b"\n", b"\r"):
            fail("6.1.7.1", "endstream at byte %d is not preceded by an end-of-line" % m.start())


def font_program_widths(descriptor):
    """Advance widths in 1/1000 em of the embedded program, keyed by what a
    code selects in it: the glyph id (TrueType, reached through the
    CIDToGIDMap), or the CID (a CID-keyed CFF; a bare CFF's CIDs are its
    glyph indexes). None when the program cannot be read here."""
    def from_sfnt(data):
        tt = TTFont(io.BytesIO(data))
        upem = tt["head"].unitsPerEm
        return {gid: tt["hmtx"][name][0] * 1000.0 / upem for gid, name in enumerate(tt.getGlyphOrder())}
    if "/FontFile2" in descriptor:
        return from_sfnt(descriptor.FontFile2.read_bytes())
    if "/FontFile3" in descriptor:
        data = descriptor.FontFile3.read_bytes()
        if descriptor.FontFile3.get("/Subtype") == "/OpenType":
            return from_sfnt(data)
        cff = CFFFontSet()
        cff.decompile(io.BytesIO(data), None)
        top = cff[cff.fontNames[0]]
        cid_keyed = hasattr(top, "ROS")
        widths = {}
        for index, name in enumerate(top.getGlyphOrder()):
            cs = top.CharStrings[name]
            cs.draw(NullPen())  # running the charstring finds its width
            # Widths are in the glyph space of FontMatrix 0.001 (the only one written).
            key = int(name[3:]) if cid_keyed and name.startswith("cid") else index
            widths[key] = cs.width
        return widths
    return None


def w_array(w):
    """The /W array of a CIDFont as {cid: width}."""
    out = {}
    items = list(w) if w is not None else []
    i = 0
    while i < len(items):
        first = int(items[i])
        nxt = items[i + 1]
        if isinstance(nxt, pikepdf.Array):
            for k, v in enumerate(nxt):
                out[first + k] = float(v)
            i += 2
        else:
            last, width = int(nxt), float(items[i + 2])
            for c in range(first, last + 1):
                out[c] = width
            i += 3
    return out


def check_fonts(pdf):
    shown = {}  # objgen of the Type0 font -> codes shown
    for page in pdf.pages:
        fonts = page.Resources.get("/Font", {})
        for operands, op in pikepdf.parse_content_stream(page):
            if op == pikepdf.Operator("Tf"):
                current = fonts.get(str(operands[0]))
            elif op in (pikepdf.Operator("TJ"), pikepdf.Operator("Tj")) and current is not None:
                strings = operands[0] if op == pikepdf.Operator("TJ") else [operands[0]]
                codes = shown.setdefault(current.objgen, (current, set()))[1]
                for s in strings:
                    if isinstance(s, pikepdf.String):
                        b = bytes(s)
                        codes.update((b[i] << 8) | b[i + 1] for i in range(0, len(b) - 1, 2))
    for font, codes in shown.values():
        name = str(font.get("/BaseFont"))
        if font.get("/Subtype") != "/Type0":
            fail("6.2.11.2", "font %s is not a Type0 font as written" % name)
            continue
        cid = font.DescendantFonts[0]
        desc = cid.FontDescriptor
        # 6.2.11.2: every font program embedded.
        if not any(k in desc for k in ("/FontFile", "/FontFile2", "/FontFile3")):
            fail("6.2.11.2", "font %s is not embedded" % name)
            continue
        # 6.2.11.3.2: a CIDFontType2 has a CIDToGIDMap.
        gid_of = lambda c: c
        if cid.Subtype == "/CIDFontType2":
            if "/CIDToGIDMap" not in cid:
                fail("6.2.11.3.2", "CIDFontType2 %s has no CIDToGIDMap" % name)
            elif isinstance(cid.CIDToGIDMap, pikepdf.Stream):
                m = cid.CIDToGIDMap.read_bytes()
                gid_of = lambda c, m=m: (m[2 * c] << 8 | m[2 * c + 1]) if 2 * c + 1 < len(m) else 0
        # 6.2.11.3.1: Identity-H with CIDSystemInfo present.
        if "/CIDSystemInfo" not in cid:
            fail("6.2.11.3.1", "CIDFont %s has no CIDSystemInfo" % name)
        # 6.2.11.4.2: a CIDSet, if present, names every CID (we write none).
        if "/CIDSet" in desc:
            fail("6.2.11.4.2", "font %s has a CIDSet (not checked for completeness: write none)" % name)
        # 6.2.11.7.2 (level U): every code shown maps to Unicode, and not to
        # U+0000, U+FEFF or U+FFFE.
        if level["U"]:
            mapped = to_unicode_codes(font.ToUnicode) if "/ToUnicode" in font else {}
            for c in sorted(codes):
                value = mapped.get(c, "")
                if not value or len(value) % 4 or value.upper() in ("0000", "FEFF", "FFFE"):
                    fail("6.2.11.7.2", "font %s code %d has no Unicode value in its ToUnicode" % (name, c))
                    break
        widths = font_program_widths(desc)
        declared = w_array(cid.get("/W"))
        dw = float(cid.get("/DW", 1000))
        before = len(problems)
        for c in sorted(codes):
            gid = gid_of(c)
            # 6.2.11.8: no .notdef shown; 6.2.11.4.1: every glyph shown is in the program.
            if gid == 0:
                fail("6.2.11.8", "font %s shows .notdef (code %d)" % (name, c))
            elif widths is not None and gid not in widths:
                fail("6.2.11.4.1", "font %s shows glyph %d, which its program lacks" % (name, gid))
            # 6.2.11.5: widths in the dictionary those of the program (within 1/1000 em).
            elif widths is not None and abs(declared.get(c, dw) - widths[gid]) > 1:
                fail("6.2.11.5", "font %s code %d: /W says %g, the program %g"
                     % (name, c, declared.get(c, dw), widths[gid]))
            if len(problems) - before >= 5:
                fail("…", "font %s: further glyphs not listed" % name)
                break


def check_colour_and_images(pdf):
    # 6.2.4.3: with an RGB output intent, no DeviceCMYK anywhere.
    for page in pdf.pages:
        for operands, op in pikepdf.parse_content_stream(page):
            if str(op) in ("k", "K"):
                fail("6.2.4.3", "page %d uses DeviceCMYK (%s)" % (page.index + 1, op))
            if str(op) in ("cs", "CS") and str(operands[0]) == "/DeviceCMYK":
                fail("6.2.4.3", "page %d selects DeviceCMYK" % (page.index + 1))
        for name, xobj in page.Resources.get("/XObject", {}).items():
            if xobj.get("/Subtype") != "/Image":
                if xobj.get("/Subtype2") == "/PS" or xobj.get("/Subtype") == "/PS":
                    fail("6.2.9", "PostScript XObject %s" % name)
                continue
            if xobj.get("/ColorSpace") == "/DeviceCMYK":
                fail("6.2.4.3", "image %s is DeviceCMYK" % name)
            # 6.2.8: no Alternates, no OPI, Interpolate not true.
            for key in ("/Alternates", "/OPI"):
                if key in xobj:
                    fail("6.2.8", "image %s has %s" % (name, key))
            if xobj.get("/Interpolate") is True:
                fail("6.2.8", "image %s has /Interpolate true" % name)
            if int(xobj.get("/BitsPerComponent", 8)) not in (1, 2, 4, 8, 16):
                fail("6.2.8", "image %s has an invalid BitsPerComponent" % name)
        # 6.2.5: no transfer functions or halftones in graphics states.
        for name, gs in page.Resources.get("/ExtGState", {}).items():
            for key in ("/TR", "/HTP"):
                if key in gs:
                    fail("6.2.5", "ExtGState %s has %s" % (name, key))
            if "/TR2" in gs and gs.TR2 != "/Default":
                fail("6.2.5", "ExtGState %s has a TR2 other than /Default" % name)


def check_objects(pdf):
    for obj in pdf.objects:
        if isinstance(obj, pikepdf.Stream):
            # 6.1.7.1: no external stream data; 6.1.7.2: no LZW, no Crypt.
            for key in ("/F", "/FFilter", "/FDecodeParms"):
                if key in obj.stream_dict:
                    fail("6.1.7.1", "stream %s has %s" % (obj.objgen, key))
            filters = obj.stream_dict.get("/Filter")
            for f in (filters if isinstance(filters, pikepdf.Array) else [filters] if filters is not None else []):
                if str(f) in ("/LZWDecode", "/Crypt"):
                    fail("6.1.7.2", "stream %s uses %s" % (obj.objgen, f))
        elif isinstance(obj, pikepdf.Dictionary):
            # 6.5.1: no JavaScript, Launch, ResetForm, ImportData actions.
            if obj.get("/S") in ("/JavaScript", "/Launch", "/ResetForm", "/ImportData", "/Movie", "/Sound"):
                fail("6.5.1", "a %s action" % obj.get("/S"))
        elif isinstance(obj, pikepdf.String) and len(bytes(obj)) > 32767:
            fail("6.1.13", "a string longer than 32767 bytes")


def check_catalog(pdf):
    root = pdf.Root
    # 6.1.3: /ID in the trailer, no encryption.
    if "/ID" not in pdf.trailer or len(pdf.trailer.ID) != 2:
        fail("6.1.3", "the trailer has no /ID of two strings")
    if "/Encrypt" in pdf.trailer:
        fail("6.1.3", "the file is encrypted")
    # 6.5.2 / 6.1.11 / 6.8 / 6.9: no catalog actions, embedded files, optional content.
    if "/AA" in root:
        fail("6.5.2", "the catalog has additional actions")
    if "/Names" in root and "/EmbeddedFiles" in root.Names:
        fail("6.8", "embedded files")
    if "/OCProperties" in root:
        fail("6.9", "optional content")
    # 6.2.3: one PDF/A output intent, its profile an ICC of RGB for a monitor or printer.
    intents = [oi for oi in root.get("/OutputIntents", []) if oi.get("/S") == "/GTS_PDFA1"]
    if len(intents) != 1:
        fail("6.2.3", "%d GTS_PDFA1 output intents, not one" % len(intents))
    else:
        profile = intents[0].get("/DestOutputProfile")
        icc = profile.read_bytes() if profile is not None else b""
        if len(icc) < 128 or icc[36:40] != b"acsp":
            fail("6.2.3", "the output intent's profile is not an ICC profile")
        else:
            if icc[12:16] not in (b"mntr", b"prtr"):
                fail("6.2.3", "the ICC profile's class is %r, not mntr or prtr" % icc[12:16])
            if icc[16:20] != b"RGB ":
                fail("6.2.3", "the ICC profile is not RGB (pages use DeviceRGB)")
            if icc[8] > 4:
                fail("6.2.3", "ICC profile version %d is newer than ICC.1:2004-10" % icc[8])
            if int(profile.get("/N", 0)) != 3:
                fail("6.2.3", "the profile stream's /N is not 3")
    # 6.6.2.1: XMP metadata in the catalog.
    meta = root.get("/Metadata")
    if meta is None or meta.get("/Type") != "/Metadata" or meta.get("/Subtype") != "/XML":
        fail("6.6.2.1", "no /Metadata stream of Type Metadata, Subtype XML in the catalog")
        return
    xmp = meta.read_bytes()
    head = re.match(rb"<\?xpacket ([^?]*)\?>", xmp)
    if not head or re.search(rb"\b(bytes|encoding)=", head.group(1)):
        fail("6.6.2.1", "the XMP packet header is missing or has bytes/encoding attributes")
    try:
        dom = xml.dom.minidom.parseString(xmp)
    except Exception as e:
        fail("6.6.2.1", "the XMP is not well-formed XML: %s" % e)
        return
    ns = {"dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
          "pdf": "http://ns.adobe.com/pdf/1.3/", "pdfaid": "http://www.aiim.org/pdfa/ns/id/"}

    def value(prefix, local):
        for el in dom.getElementsByTagNameNS(ns[prefix], local):
            lis = el.getElementsByTagNameNS("http://www.w3.org/1999/02/22-rdf-syntax-ns#", "li")
            node = lis[0] if lis else el
            return "".join(t.data for t in node.childNodes if t.nodeType == t.TEXT_NODE)
        return None
    # 6.6.4: PDF/A identification.
    if value("pdfaid", "part") != "2":
        fail("6.6.4", "pdfaid:part is not 2")
    if value("pdfaid", "conformance") not in ("B", "U", "A"):
        fail("6.6.4", "pdfaid:conformance is not B, U or A")
    level["U"] = value("pdfaid", "conformance") in ("U", "A")
    # 6.6.2.3: the information dictionary and the XMP say the same.
    info = pdf.trailer.get("/Info", {})
    pairs = [("/Title", "dc", "title"), ("/Author", "dc", "creator"), ("/Subject", "dc", "description"),
             ("/Keywords", "pdf", "Keywords"), ("/Creator", "xmp", "CreatorTool"), ("/Producer", "pdf", "Producer")]
    for key, prefix, local in pairs:
        have = str(info[key]) if key in info else None
        if have != value(prefix, local):
            fail("6.6.2.3", "%s is %r in Info, %r in the XMP (%s:%s)" % (key, have, value(prefix, local), prefix, local))
    for key, local in (("/CreationDate", "CreateDate"), ("/ModDate", "ModifyDate")):
        if key not in info:
            continue
        m = re.match(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)Z", str(info[key]))
        want = "%s-%s-%sT%s:%s:%sZ" % m.groups() if m else None
        if want != value("xmp", local):
            fail("6.6.2.3", "%s is %s in Info, %s in the XMP" % (key, info[key], value("xmp", local)))


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    path = sys.argv[1]
    with open(path, "rb") as f:
        check_bytes(f.read())
    with pikepdf.open(path) as pdf:
        check_catalog(pdf)
        check_objects(pdf)
        check_fonts(pdf)
        check_colour_and_images(pdf)
    for p in problems:
        print("%s: PDF/A-2%s %s" % (path, "u" if level["U"] else "b", p))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
