#!/usr/bin/env bash
# Every bundled bulletin and test input in every layout as DOCX: checked as
# a package (parts, XML, no Linux-only font), with python-docx, and through
# LibreOffice — in the fonts the PDF uses (bulletin fonts --fontconfig) —
# whose PDF must have the same pages as bulletin's own, the newspaper's
# last page balanced in both (tests/tools/parity_check.py); Word's
# navigation pane must list what the PDF's bookmarks list
# (tests/tools/navigation_check.py).
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
declare -A source layout_of
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml "$root"/tests/e2e/fixtures/*.yaml; do
  [[ -f "$yaml" ]] || continue
  [[ $(basename "$yaml") == missing-glyph.yaml ]] && continue  # refused by design (render_edge.sh)
  for layout in official table newspaper; do
    name="$(basename "$yaml" .yaml)-$layout"
    if ! "$bin" render "$yaml" -o "$work/$name.docx" -o "$work/$name.pdf" --layout "$layout" >/dev/null 2>"$work/err"; then
      echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
    fi
    source[$name]=$yaml
    layout_of[$name]=$layout
  done
done
if ! command -v soffice >/dev/null && ! command -v libreoffice >/dev/null; then
  echo "FAIL LibreOffice is not installed (scripts/setup.sh --test installs it)"; exit 1
fi
"$bin" fonts --fontconfig >"$work/fonts.conf"
FONTCONFIG_FILE="$work/fonts.conf" "$root/tests/tools/lo_pdf.py" "$work/lo" "$work"/*.docx || fail=1
for name in "${!source[@]}"; do
  "$root/tests/tools/docx_check.py" "$work/$name.docx" "${source[$name]}" --pdf "$work/lo/$name.pdf" \
    --manifest "$root/fonts/fonts.yaml" >"$work/out" || { cat "$work/out"; fail=1; }
  "$root/tests/tools/parity_check.py" "$work/$name.pdf" "$work/lo/$name.pdf" \
    "$root/layouts/${layout_of[$name]}.yaml" >"$work/out" || { cat "$work/out"; fail=1; }
  "$root/tests/tools/navigation_check.py" "$work/$name.pdf" "$work/$name.docx" >"$work/out" || { cat "$work/out"; fail=1; }
done
exit $fail
