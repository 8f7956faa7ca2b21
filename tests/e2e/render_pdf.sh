#!/usr/bin/env bash
# Renders every bundled bulletin (data/, examples/) in one layout and checks
# each PDF with poppler and qpdf (tests/tools/pdf_check.py).
set -u
bin=$1; root=$2; layout=$3
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml; do
  [[ -f "$yaml" ]] || continue
  name=$(basename "$yaml" .yaml)
  out="$work/$name-$layout.pdf"
  if ! "$bin" render "$yaml" -o "$out" --layout "$layout" >/dev/null 2>"$work/err"; then
    echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
  fi
  "$root/tests/tools/pdf_check.py" "$out" "$yaml" || fail=1
done
exit $fail
