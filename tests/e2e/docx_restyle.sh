#!/usr/bin/env bash
# An editor restyles all body text by changing one style: make Body Text
# 24pt LXGW WenKai in styles.xml only, and LibreOffice's rendering of the
# DOCX uses the new font and needs more pages.
set -u
bin=$1; root=$2
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
yaml="$root/data/000-yiwu-key-suggestions.yaml"
"$bin" render "$yaml" -o "$work/orig.docx" --layout official >/dev/null || { echo "FAIL render"; exit 1; }
/usr/bin/python3 - "$work/orig.docx" "$work/edited.docx" <<'PY'
import re, sys, zipfile
src, dst = sys.argv[1:3]
with zipfile.ZipFile(src) as z, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
    for item in z.infolist():
        data = z.read(item.filename)
        if item.filename == "word/styles.xml":
            xml = data.decode("utf-8")
            start = xml.index('w:styleId="BodyText"')
            end = xml.index("</w:style>", start)
            body = xml[start:end]
            body = re.sub(r'w:eastAsia="[^"]*"', 'w:eastAsia="LXGW WenKai"', body)
            body = re.sub(r'<w:sz w:val="\d+"/><w:szCs w:val="\d+"/>', '<w:sz w:val="48"/><w:szCs w:val="48"/>', body)
            data = (xml[:start] + body + xml[end:]).encode("utf-8")
        out.writestr(item, data)
PY
office=$(command -v soffice || command -v libreoffice) || { echo "FAIL no LibreOffice"; exit 1; }
timeout 300 "$office" --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf --outdir "$work" \
  "$work/orig.docx" "$work/edited.docx" >/dev/null 2>&1
pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
a=$(pages "$work/orig.pdf"); b=$(pages "$work/edited.pdf")
fail=0
[[ -n "$a" && -n "$b" && "$b" -gt "$a" ]] || { echo "FAIL pages before $a, after $b"; fail=1; }
pdffonts "$work/edited.pdf" | grep -qi wenkai || { echo "FAIL the new body font is not used"; fail=1; }
pdffonts "$work/orig.pdf" | grep -qi wenkai && { echo "FAIL the original already used it"; fail=1; }
exit $fail
