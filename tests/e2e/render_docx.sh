#!/usr/bin/env bash
# Every bundled bulletin in every layout as DOCX: checked as a package, with
# python-docx, and through LibreOffice (converted headless, one run for all).
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
declare -A source
for yaml in "$root"/data/*.yaml "$root"/examples/*.yaml; do
  [[ -f "$yaml" ]] || continue
  for layout in official table newspaper; do
    name="$(basename "$yaml" .yaml)-$layout"
    if ! "$bin" render "$yaml" -o "$work/$name.docx" --layout "$layout" >/dev/null 2>"$work/err"; then
      echo "FAIL $name: render failed: $(cat "$work/err")"; fail=1; continue
    fi
    source[$name]=$yaml
  done
done
office=$(command -v soffice || command -v libreoffice)
if [[ -n "$office" ]]; then
  mkdir -p "$work/pdf"
  timeout 600 "$office" --headless "-env:UserInstallation=file://$work/profile" --convert-to pdf \
    --outdir "$work/pdf" "$work"/*.docx >/dev/null 2>&1
else
  echo "FAIL LibreOffice is not installed (scripts/setup.sh --test installs it)"; fail=1
fi
for name in "${!source[@]}"; do
  "$root/tests/tools/docx_check.py" "$work/$name.docx" "${source[$name]}" --pdf "$work/pdf/$name.pdf" \
    --manifest "$root/fonts/fonts.yaml" || fail=1
done
exit $fail
