#!/usr/bin/env bash
# Rare characters, a character no font has, atomic output, reproducibility.
set -u
bin=$1; root=$2
fx="$root/tests/e2e/fixtures"
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
check() { if ! eval "$2"; then echo "FAIL $1"; fail=1; fi; }

# 䶮 and 𠮷 render (from a fallback font) and come back from pdftotext.
"$bin" render "$fx/rare-chars.yaml" -o "$work/rare.pdf" >/dev/null 2>&1
check "rare chars render" '[[ -f "$work/rare.pdf" ]]'
text=$(pdftotext "$work/rare.pdf" - 2>/dev/null)
check "䶮 extracted" '[[ "$text" == *王䶮* && "$text" == *李䶮𠮷* ]]'
check "𠮷 extracted" '[[ "$text" == *𠮷田春* ]]'
"$root/tests/tools/pdf_check.py" "$work/rare.pdf" "$fx/rare-chars.yaml" >/dev/null || { echo "FAIL rare chars pdf_check"; fail=1; }

# A character no font has: exit 1, message with position, U+XXXX, item and
# field; no file written, an existing file left as it was.
echo "previous" > "$work/keep.pdf"
"$bin" render "$fx/missing-glyph.yaml" -o "$work/keep.pdf" -o "$work/new.pdf" >/dev/null 2>"$work/err"; rc=$?
check "missing glyph exit 1" '[[ $rc -eq 1 ]]'
check "missing glyph message (block)" 'grep -q "missing-glyph.yaml:10:17: error: character .𗀀. (U+17000) in item 1 《关于测试缺字的建议》, progress is in no installed font" "$work/err"'
check "missing glyph message (list)" 'grep -q "missing-glyph.yaml:7:20: error: character .𗀀. (U+17000) in item 1 《关于测试缺字的建议》, hosts" "$work/err"'
check "every missing character reported" '[[ $(grep -c error: "$work/err") -eq 2 ]]'
check "missing glyph: existing file untouched" '[[ "$(cat "$work/keep.pdf")" == previous ]]'
check "missing glyph: nothing new written" '[[ ! -e "$work/new.pdf" ]]'
check "missing glyph: no temporary files left" '[[ $(ls -A "$work" | grep -c tmp) -eq 0 ]]'

# A progress text three pages long: the row goes on over three pages, each
# with the header row, and all the text comes back in order.
"$bin" render "$fx/long-progress.yaml" -o "$work/long.pdf" >/dev/null 2>&1
check "long row renders" '[[ -f "$work/long.pdf" ]]'
pages=$(pdfinfo "$work/long.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check "long row spans three pages (got $pages)" '[[ "$pages" -ge 3 ]]'
for p in 1 2 3; do
  check "header row on page $p" '[[ $(pdftotext -f $p -l $p "$work/long.pdf" - | grep -c 办理落实情况) -eq 1 ]]'
done
"$root/tests/tools/pdf_check.py" "$work/long.pdf" "$fx/long-progress.yaml" >/dev/null || { echo "FAIL long row pdf_check"; fail=1; }

# Images (PNG, JPEG) with captions, in every layout and both formats; a file
# shown twice is embedded once.
for layout in official table newspaper; do
  "$bin" render "$fx/images.yaml" -o "$work/img-$layout.pdf" -o "$work/img-$layout.docx" --layout $layout >/dev/null 2>&1
  "$root/tests/tools/pdf_check.py" "$work/img-$layout.pdf" "$fx/images.yaml" >/dev/null || { echo "FAIL images $layout pdf"; fail=1; }
  "$root/tests/tools/docx_check.py" "$work/img-$layout.docx" "$fx/images.yaml" >/dev/null || { echo "FAIL images $layout docx"; fail=1; }
done
for layout in official newspaper; do
  check "three images shown ($layout)" '[[ $(pdfimages -list "$work/img-$layout.pdf" | tail -n +3 | wc -l) -eq 3 ]]'
  check "two images embedded ($layout)" '[[ $(pdfimages -list "$work/img-$layout.pdf" | tail -n +3 | awk "{print \$11}" | sort -u | wc -l) -eq 2 ]]'
  check "three pictures in the docx ($layout)" '[[ $(unzip -l "$work/img-$layout.docx" | grep -c "word/media/") -eq 3 ]]'
done

# Both formats in one run; with bad input, neither is written.
"$bin" render "$fx/rare-chars.yaml" -o "$work/both.pdf" -o "$work/both.docx" >/dev/null 2>&1
check "pdf and docx in one run" '[[ -s "$work/both.pdf" && -s "$work/both.docx" ]]'
"$bin" render "$fx/missing-glyph.yaml" -o "$work/none.pdf" -o "$work/none.docx" >/dev/null 2>&1
check "bad input: neither format written" '[[ ! -e "$work/none.pdf" && ! -e "$work/none.docx" ]]'

# A two-character name is spaced to three characters' width, never by an
# inserted character: searching either file for 杨献 finds it.
"$bin" render "$root/examples/sample.yaml" --layout table -o "$work/names.pdf" -o "$work/names.docx" >/dev/null 2>&1
check "杨献 found in the PDF" 'pdftotext -raw "$work/names.pdf" - | grep -q 杨献'
check "杨献 found in the DOCX" 'unzip -p "$work/names.docx" word/document.xml | sed "s/<[^>]*>//g" | grep -q 杨献'
check "no U+3000 inserted in names" '! pdftotext -raw "$work/names.pdf" - | grep -q "杨　献"'

# Same input, SOURCE_DATE_EPOCH set: byte-identical output.
for layout in official table newspaper; do
  for ext in pdf docx; do
    SOURCE_DATE_EPOCH=1700000000 "$bin" render "$fx/rare-chars.yaml" -o "$work/a.$ext" --layout $layout >/dev/null
    SOURCE_DATE_EPOCH=1700000000 "$bin" render "$fx/rare-chars.yaml" -o "$work/b.$ext" --layout $layout >/dev/null
    check "reproducible $layout $ext" 'cmp -s "$work/a.$ext" "$work/b.$ext"'
  done
done
exit $fail
