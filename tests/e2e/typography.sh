#!/usr/bin/env bash
# The typesetting of every bundled bulletin and test input in every layout,
# measured from the PDF's glyph positions by typo-check (../shared/tools/,
# MuPDF and fontTools, written apart from this project): no line starting
# or ending against the 禁则, no punctuation pair other than 1.5 em, no
# overflow or overlap, no narrow quotation mark, no lone last character,
# no loose line, no ragged line in justified text. In the table layout a
# title its narrow column cannot justify evenly is set flush left on
# purpose (layouts/table.yaml, uneven: ragged), so there "ragged" is not
# counted; and a web address longer than a newspaper column can only be
# broken inside (after a / or a .), which typo-check calls split-word, so
# for the addresses fixture that is not counted either. Without typo-check (set TYPO_CHECK, or have ../shared/tools next
# to the checkout) the test is skipped, never passed.
set -u
bin=$1; root=$2
tool=${TYPO_CHECK:-$root/../shared/tools/typo-check}
if [[ ! -x "$tool" && ! -f "$tool" ]]; then
  echo "SKIP typo-check not found at $tool"; exit 77
fi
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
all=kinsoku-start,kinsoku-end,punct-pair,loose,stretched-last,ragged,overflow,widow-char,split-word,overlap,outside-margin,quote-font
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml "$root"/tests/e2e/fixtures/*.yaml; do
  [[ -f "$yaml" ]] || continue
  [[ $(basename "$yaml") == missing-glyph.yaml ]] && continue  # refused by design (render_edge.sh)
  for layout in official table newspaper; do
    name="$(basename "$yaml" .yaml)-$layout"
    if ! "$bin" render "$yaml" -o "$work/$name.pdf" --layout "$layout" >/dev/null 2>"$work/err"; then
      echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
    fi
    kinds=$all
    [[ $layout == table ]] && kinds=${kinds/ragged,/}
    [[ $(basename "$yaml") == addresses.yaml ]] && kinds=${kinds/split-word,/}
    if ! /usr/bin/python3 "$tool" "$work/$name.pdf" --layout "$root/layouts/$layout.yaml" --only "$kinds" \
         >"$work/out" 2>&1; then
      echo "FAIL $name:"; grep -v '^#' "$work/out"; fail=1
    fi
  done
done
exit $fail
