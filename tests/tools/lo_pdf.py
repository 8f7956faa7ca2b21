#!/usr/bin/python3
"""lo_pdf.py OUTDIR FILE.docx...

LibreOffice's PDF of each DOCX, in OUTDIR, as the tests compare it with
bulletin's own PDF:
  * the fonts: with FONTCONFIG_FILE set (bulletin fonts --fontconfig), the
    office names (仿宋_GB2312, 黑体 …) resolve to the faces the PDF uses;
  * punctuation compression: LibreOffice 7.4 reads a DOCX's
    w:characterSpacingControl but does not apply it (the document keeps "no
    compression"), where Word and WPS compress as the setting says. So the
    DOCX goes through LibreOffice's own ODT, whose CharacterCompressionType
    is set from the DOCX's setting, and then to PDF — every other property
    as LibreOffice imported it.
Prints nothing; exits 1 if LibreOffice made no PDF of a file.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile

COMPRESSION = {"doNotCompress": 0, "compressPunctuation": 1, "compressPunctuationAndJapaneseKana": 2}


def soffice(args, profile):
    office = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([office, "--headless", f"-env:UserInstallation=file://{profile}"] + args,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=900, check=False)


def compression_of(docx):
    with zipfile.ZipFile(docx) as z:
        settings = z.read("word/settings.xml").decode("utf-8")
    m = re.search(r'<w:characterSpacingControl w:val="([^"]+)"', settings)
    return COMPRESSION.get(m.group(1), 0) if m else 0


def set_compression(odt, value):
    tmp = odt + ".tmp"
    with zipfile.ZipFile(odt) as zin, zipfile.ZipFile(tmp, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "settings.xml":
                data = re.sub(rb'(<config:config-item config:name="CharacterCompressionType" config:type="short">)\d+',
                              rb"\g<1>" + str(value).encode(), data)
            method = zipfile.ZIP_STORED if item.filename == "mimetype" else zipfile.ZIP_DEFLATED
            zout.writestr(item, data, compress_type=method)
    os.replace(tmp, odt)


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    outdir, docx = sys.argv[1], sys.argv[2:]
    os.makedirs(outdir, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        profile = os.path.join(work, "profile")
        odt_dir = os.path.join(work, "odt")
        soffice(["--convert-to", "odt", "--outdir", odt_dir] + docx, profile)
        odts = []
        for d in docx:
            odt = os.path.join(odt_dir, os.path.splitext(os.path.basename(d))[0] + ".odt")
            if os.path.exists(odt):
                set_compression(odt, compression_of(d))
                odts.append(odt)
        soffice(["--convert-to", "pdf", "--outdir", outdir] + odts, profile)
    missing = [d for d in docx if not os.path.exists(os.path.join(outdir, os.path.splitext(os.path.basename(d))[0] + ".pdf"))]
    for d in missing:
        print(f"{d}: LibreOffice made no PDF")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
