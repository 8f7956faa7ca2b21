#!/usr/bin/env bash
# Every bundled bulletin (data/, examples/) validates, with the expected counts
# of groups, items and top-level sections (tests/e2e/data_counts.txt).
set -u
bin=$1; root=$2
fail=0
cd "$root"
while read -r file groups items sections; do
  [[ -z "$file" || "$file" == \#* ]] && continue
  got=$("$bin" validate "$file" 2>&1); rc=$?
  want="$file: ok ($groups groups, $items items, $sections sections)"
  if [[ $rc -ne 0 || "$got" != "$want" ]]; then
    echo "FAIL $file: got '$got' (exit $rc), want '$want'"; fail=1
  fi
done < tests/e2e/data_counts.txt
# Nothing in data/ or examples/ may be left out of the list above.
for f in data/*.yaml examples/*.yaml; do
  [[ -f "$f" ]] || continue
  grep -q "^$f " tests/e2e/data_counts.txt || { echo "FAIL $f is not in tests/e2e/data_counts.txt"; fail=1; }
done
exit $fail
