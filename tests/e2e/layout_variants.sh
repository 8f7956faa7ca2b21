#!/usr/bin/env bash
# A user's copy of a builtin layout with other settings renders correctly
# without code changes: the newspaper with 4 and 6 columns on a broadsheet
# page, the table with other column widths.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sample="$root/examples/sample.yaml"
data="$root/data/000-yiwu-key-suggestions.yaml"

for cols in 4 6; do
  sed -e "s/^  columns: 5$/  columns: $cols/" -e "s/^  size: A3$/  size: [390mm, 545mm]/" \
    "$root/layouts/newspaper.yaml" > "$work/news$cols.yaml"
  grep -q "columns: $cols" "$work/news$cols.yaml" || { echo "FAIL could not edit the column count"; fail=1; }
  for yaml in "$sample" "$data" "$root"/data/001-*.yaml "$root"/data/004-*.yaml; do
    out="$work/news$cols-$(basename "$yaml" .yaml).pdf"
    if ! "$bin" render "$yaml" -o "$out" --layout "$work/news$cols.yaml" >/dev/null 2>"$work/err"; then
      echo "FAIL $cols columns: $(cat "$work/err")"; fail=1; continue
    fi
    size=$(pdfinfo "$out" | awk '/^Page size:/ {printf "%.0f x %.0f", $3, $5}')
    [[ "$size" == "1106 x 1545" ]] || { echo "FAIL broadsheet page size: $size"; fail=1; }
    "$root/tests/tools/pdf_check.py" "$out" "$yaml" >/dev/null || { echo "FAIL $cols columns: pdf_check"; fail=1; }
  done
done

# Too many columns for the page is a clear error with the position, not a broken page.
sed -e "s/^  columns: 5$/  columns: 12/" -e "s/^  size: A3$/  size: A5/" "$root/layouts/newspaper.yaml" > "$work/narrow.yaml"
"$bin" render "$sample" -o "$work/narrow.pdf" --layout "$work/narrow.yaml" >/dev/null 2>"$work/err"; rc=$?
[[ $rc -eq 1 ]] || { echo "FAIL 12 columns on A5: exit $rc"; fail=1; }
grep -q "narrow.yaml:[0-9]*:[0-9]*: error: 12 columns" "$work/err" || { echo "FAIL 12 columns message: $(cat "$work/err")"; fail=1; }
[[ ! -e "$work/narrow.pdf" ]] || { echo "FAIL a file was written"; fail=1; }

# The table with a narrower title column and a wider leaders column.
sed -e "s/width: 50mm, style: table_text/width: 40mm, style: table_text/" \
    -e "s/width: 24mm, style: table_center/width: 34mm, style: table_center/" \
    "$root/layouts/table.yaml" > "$work/table.yaml"
"$bin" render "$data" -o "$work/table.pdf" --layout "$work/table.yaml" >/dev/null 2>&1 || { echo "FAIL table variant"; fail=1; }
"$root/tests/tools/pdf_check.py" "$work/table.pdf" "$data" >/dev/null || { echo "FAIL table variant: pdf_check"; fail=1; }
exit $fail
