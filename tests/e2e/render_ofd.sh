#!/usr/bin/env bash
# Every bundled bulletin and test input in every layout as OFD next to its
# PDF, checked by tests/tools/ofd_check.py: the zip, every part against the
# standard's schemas (tests/ofd-schema/), cross-references, glyph ids in
# the embedded fonts, the same pages and characters as the PDF, the text of
# every input value — and opened page by page in ofd.js, an OFD reader from
# npm (tests/tools/ofdjs/, installed by scripts/setup.sh --test). Then what
# the OFD shares with the other formats: the same bytes under
# SOURCE_DATE_EPOCH, OFD-A on request, a missing glyph refused with nothing
# written.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
check="$root/tests/tools/ofd_check.py"
reader="$root/tests/tools/ofdjs/render.js"
if [[ ! -d "$root/tests/tools/ofdjs/node_modules" ]]; then
  echo "FAIL ofd.js is not installed (scripts/setup.sh --test installs it)"; exit 1
fi
export SOURCE_DATE_EPOCH=1700000000
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml "$root"/tests/e2e/fixtures/*.yaml; do
  [[ -f "$yaml" ]] || continue
  [[ $(basename "$yaml") == missing-glyph.yaml ]] && continue  # refused by design, below
  for layout in official table newspaper; do
    name="$(basename "$yaml" .yaml)-$layout"
    if ! "$bin" render "$yaml" -o "$work/$name.ofd" -o "$work/$name.pdf" --layout "$layout" >/dev/null 2>"$work/err"; then
      echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
    fi
    "$check" "$work/$name.ofd" "$yaml" --pdf "$work/$name.pdf" --reader "$reader" >"$work/out" 2>&1 ||
      { echo "FAIL $name:"; cat "$work/out"; fail=1; }
  done
done

# The same input gives the same bytes; an OFD alone is the OFD written with the PDF.
sample="$root/data/004-pinghu-key-proposals.yaml"
"$bin" render "$sample" -o "$work/again.ofd" --layout newspaper >/dev/null 2>&1
cmp -s "$work/again.ofd" "$work/004-pinghu-key-proposals-newspaper.ofd" ||
  { echo "FAIL the same input gave different OFD bytes"; fail=1; }

# OFD-A.
if "$bin" render "$sample" -o "$work/archive.ofd" --ofd-archive >/dev/null 2>"$work/err"; then
  "$check" "$work/archive.ofd" "$sample" --archive >"$work/out" 2>&1 || { echo "FAIL OFD-A:"; cat "$work/out"; fail=1; }
else
  echo "FAIL OFD-A: render failed: $(cat "$work/err")"; fail=1
fi

# A character no font has: refused, nothing written.
if "$bin" render "$root/tests/e2e/fixtures/missing-glyph.yaml" -o "$work/missing.ofd" >/dev/null 2>"$work/err"; then
  echo "FAIL missing glyph: rendered"; fail=1
fi
grep -q "is in no installed font" "$work/err" || { echo "FAIL missing glyph: no message: $(cat "$work/err")"; fail=1; }
[[ -e "$work/missing.ofd" ]] && { echo "FAIL missing glyph: an OFD was written"; fail=1; }
exit $fail
