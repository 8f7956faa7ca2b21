#!/usr/bin/env bash
# bulletin validate / render on bad input: every expected problem at its exact
# FILE:LINE:COLUMN, exit status 1, and nothing written.
set -u
bin=$1; bad_dir=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cd "$bad_dir"
for yaml in *.yaml; do
  name=${yaml%.yaml}
  "$bin" validate "$yaml" >"$work/out" 2>"$work/err"; rc=$?
  if [[ $rc -ne 1 ]]; then echo "FAIL $yaml: validate exit $rc, want 1"; fail=1; fi
  grep -v 'problems\? found$' "$work/err" >"$work/got"
  if ! diff -u "$name.expected" "$work/got"; then echo "FAIL $yaml: messages differ"; fail=1; fi
  # render must refuse the same file and leave no output behind
  "$bin" render "$yaml" -o "$work/$name.pdf" -o "$work/$name.docx" >/dev/null 2>"$work/rerr"; rc=$?
  if [[ $rc -ne 1 ]]; then echo "FAIL $yaml: render exit $rc, want 1"; fail=1; fi
  if ls "$work"/"$name".* >/dev/null 2>&1; then echo "FAIL $yaml: render wrote a file"; fail=1; fi
  if ! diff -q <(grep -v 'problems\? found$' "$work/rerr") "$name.expected" >/dev/null; then
    echo "FAIL $yaml: render reports differ from validate"; fail=1
  fi
done
exit $fail
