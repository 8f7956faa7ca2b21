#!/usr/bin/env bash
# Tags and PDF/A-2b. Every PDF is tagged: for every bundled bulletin and
# test input in every layout, tests/tools/struct_check.py reads the tags
# with poppler (pdfinfo -struct-text) and wants every character of the
# input back in reading order, headings at the outline's levels, tables as
# Table/THead/TBody/TR/TH/TD — in the plain PDF and in the PDF/A.
#
# PDF/A-2b: every bundled bulletin and test input in every layout rendered
# with --pdf-standard a-2b and checked rule by rule by
# tests/tools/pdfa_check.py (pikepdf, fontTools; each check names its
# clause of ISO 19005-2), by qpdf --check, and for its text against the
# plain PDF's (pdftotext: the same characters, as often). Then: the plain PDF is not declared PDF/A (the checker fails
# it, so it can fail), a layout's pdf_standard is obeyed and overridden by
# the option, a bad value is refused with its line and column, a CMYK
# picture is refused with nothing written, and the bytes repeat.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
check=(/usr/bin/python3 "$root/tests/tools/pdfa_check.py")
tags=(/usr/bin/python3 "$root/tests/tools/struct_check.py")
export SOURCE_DATE_EPOCH=1700000000
# Every character as often as in the other (the reading order of columns
# may differ: pdftotext groups them by the glyphs' boxes).
chars() { pdftotext "$1" - | tr -d ' \n\f' | grep -o . | sort | uniq -c; }
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml "$root"/tests/e2e/fixtures/*.yaml; do
  [[ -f "$yaml" ]] || continue
  [[ $(basename "$yaml") == missing-glyph.yaml ]] && continue  # refused by design (render_edge.sh)
  for layout in official table newspaper; do
    name="$(basename "$yaml" .yaml)-$layout"
    if ! "$bin" render "$yaml" -o "$work/$name.pdf" --layout "$layout" --pdf-standard a-2b >/dev/null 2>"$work/err"; then
      echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
    fi
    "${check[@]}" "$work/$name.pdf" >"$work/out" 2>&1 || { echo "FAIL $name:"; cat "$work/out"; fail=1; }
    qpdf --check "$work/$name.pdf" >/dev/null 2>&1 || { echo "FAIL $name: qpdf --check"; fail=1; }
    "$bin" render "$yaml" -o "$work/plain.pdf" --layout "$layout" >/dev/null 2>&1
    for pdf in "$work/plain.pdf" "$work/$name.pdf"; do
      "${tags[@]}" "$pdf" "$yaml" >"$work/out" 2>&1 || { echo "FAIL $name:"; cat "$work/out"; fail=1; }
    done
    [[ "$(chars "$work/$name.pdf")" == "$(chars "$work/plain.pdf")" ]] ||
      { echo "FAIL $name: its text differs from the plain PDF's"; fail=1; }
  done
done

# PDF/A-2u (level U: every glyph shown has a Unicode value), for every input
# in the table layout; and the checker's level-U rule fails a file whose
# ToUnicode lost its entries.
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml "$root"/tests/e2e/fixtures/*.yaml; do
  [[ $(basename "$yaml") == missing-glyph.yaml ]] && continue
  name="$(basename "$yaml" .yaml)-a2u"
  if "$bin" render "$yaml" -o "$work/$name.pdf" --layout table --pdf-standard a-2u >/dev/null 2>"$work/err"; then
    "${check[@]}" "$work/$name.pdf" >"$work/out" 2>&1 || { echo "FAIL $name:"; cat "$work/out"; fail=1; }
    grep -aq "<pdfaid:conformance>U<" "$work/$name.pdf" || { echo "FAIL $name: not declared level U"; fail=1; }
  else
    echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1
  fi
done
/usr/bin/python3 - "$work/sample-a2u.pdf" "$work/broken-u.pdf" <<'PY'
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
font = next(p.Resources.Font[k] for p in pdf.pages for k in p.Resources.Font.keys())
font.ToUnicode = pdf.make_stream(b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap endcmap end end")
pdf.save(sys.argv[2])
PY
"${check[@]}" "$work/broken-u.pdf" 2>&1 | grep -q "6.2.11.7.2" ||
  { echo "FAIL the level-U check passes a font without Unicode values"; fail=1; }

# The checker fails a PDF that is not PDF/A.
"${check[@]}" "$work/plain.pdf" >/dev/null 2>&1 && { echo "FAIL the plain PDF passes as PDF/A"; fail=1; }

# A layout may ask for PDF/A; the option overrides it either way.
sed 's/^kind: official/kind: official\npdf_standard: a-2b/' "$root/layouts/official.yaml" >"$work/archive.yaml"
sample="$root/examples/sample.yaml"
"$bin" render "$sample" -o "$work/l.pdf" --layout "$work/archive.yaml" >/dev/null 2>&1 &&
  "${check[@]}" "$work/l.pdf" >/dev/null || { echo "FAIL a layout's pdf_standard: a-2b is not obeyed"; fail=1; }
"$bin" render "$sample" -o "$work/l17.pdf" --layout "$work/archive.yaml" --pdf-standard 1.7 >/dev/null 2>&1
grep -aq "pdfaid" "$work/l17.pdf" && { echo "FAIL --pdf-standard 1.7 does not override the layout"; fail=1; }
sed 's/^kind: official/kind: official\npdf_standard: a-3x/' "$root/layouts/official.yaml" >"$work/bad.yaml"
if "$bin" render "$sample" -o "$work/bad.pdf" --layout "$work/bad.yaml" >/dev/null 2>"$work/err"; then
  echo "FAIL pdf_standard: a-3x accepted"; fail=1
else
  grep -q "bad.yaml:[0-9]*:[0-9]*: error: 'pdf_standard' must be 1.7, a-2b or a-2u" "$work/err" ||
    { echo "FAIL the message for a bad pdf_standard: $(cat "$work/err")"; fail=1; }
  [[ -e "$work/bad.pdf" ]] && { echo "FAIL a refused render wrote its output"; fail=1; }
fi
"$bin" render "$sample" -o "$work/x.pdf" --pdf-standard a-9 >/dev/null 2>&1
[[ $? == 2 ]] || { echo "FAIL --pdf-standard a-9 is not a usage error"; fail=1; }

# A CMYK JPEG cannot go into PDF/A-2b with an sRGB intent: refused, nothing
# written. The picture: an 8x8 baseline JPEG of four components, every
# block flat (one 1-bit Huffman code per table), made here.
python3 - "$root/tests/e2e/fixtures/images.yaml" "$work" <<'PY'
import re, shutil, struct, sys
src, work = sys.argv[1], sys.argv[2]
def seg(marker, body): return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body
dqt = seg(0xDB, b"\x00" + b"\x01" * 64)
sof = seg(0xC0, b"\x08" + struct.pack(">HH", 8, 8) + b"\x04" + b"".join(bytes([i, 0x11, 0]) for i in (1, 2, 3, 4)))
counts = b"\x01" + b"\x00" * 15
dht = seg(0xC4, b"\x00" + counts + b"\x00" + b"\x10" + counts + b"\x00")
sos = seg(0xDA, b"\x04" + b"".join(bytes([i, 0x00]) for i in (1, 2, 3, 4)) + b"\x00\x3f\x00")
open(work + "/cmyk.jpg", "wb").write(b"\xff\xd8" + dqt + sof + dht + sos + b"\x00" + b"\xff\xd9")
shutil.copy(src.rsplit("/", 1)[0] + "/chart.png", work)
text = open(src, encoding="utf-8").read()
open(work + "/cmyk.yaml", "w", encoding="utf-8").write(text.replace("photo.jpg", "cmyk.jpg"))
PY
"$bin" render "$work/cmyk.yaml" -o "$work/cmyk-plain.pdf" >/dev/null 2>&1 ||
  { echo "FAIL the CMYK picture is refused even in a plain PDF"; fail=1; }
echo old >"$work/cmyk.pdf"
if "$bin" render "$work/cmyk.yaml" -o "$work/cmyk.pdf" --pdf-standard a-2b >/dev/null 2>"$work/err"; then
  echo "FAIL a CMYK picture accepted in PDF/A-2b"; fail=1
else
  grep -q "CMYK" "$work/err" || { echo "FAIL the CMYK message: $(cat "$work/err")"; fail=1; }
  [[ "$(cat "$work/cmyk.pdf")" == old ]] || { echo "FAIL the old output was replaced"; fail=1; }
fi

# The same bytes twice.
"$bin" render "$sample" -o "$work/a1.pdf" --pdf-standard a-2b >/dev/null
"$bin" render "$sample" -o "$work/a2.pdf" --pdf-standard a-2b >/dev/null
cmp -s "$work/a1.pdf" "$work/a2.pdf" || { echo "FAIL PDF/A bytes differ between runs"; fail=1; }
exit $fail
