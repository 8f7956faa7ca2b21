#!/usr/bin/env bash
# Exit statuses of the command line: 0 help/version, 2 usage errors.
set -u
bin=$1; example=$2
fail=0
expect() {  # expect STATUS DESCRIPTION -- COMMAND…
  local want=$1 what=$2; shift 3
  "$@" >/dev/null 2>&1; local rc=$?
  if [[ $rc -ne $want ]]; then echo "FAIL $what: exit $rc, want $want"; fail=1; fi
}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
expect 0 "--help" -- "$bin" --help
expect 0 "--version" -- "$bin" --version
expect 0 "render --help" -- "$bin" render --help
"$bin" render --help | grep -q -- "--ofd-archive" || { echo "FAIL render --help says nothing of --ofd-archive"; fail=1; }
expect 2 "no subcommand" -- "$bin"
expect 2 "unknown subcommand" -- "$bin" frobnicate
expect 2 "unknown option" -- "$bin" validate --frob "$example"
expect 2 "missing input file" -- "$bin" validate "$work/none.yaml"
expect 2 "render without -o" -- "$bin" render "$example"
expect 2 "render to .txt" -- "$bin" render "$example" -o "$work/out.txt"
for epoch in abc -1 99999999999999; do
  SOURCE_DATE_EPOCH=$epoch expect 2 "SOURCE_DATE_EPOCH=$epoch" -- "$bin" render "$example" -o "$work/out.pdf"
done
SOURCE_DATE_EPOCH=abc expect 0 "--help whatever SOURCE_DATE_EPOCH says" -- "$bin" --help
"$bin" --version | grep -qE '^bulletin [0-9]+\.[0-9]+\.[0-9]+$' || { echo "FAIL --version text"; fail=1; }
"$bin" --help | grep -q render || { echo "FAIL --help does not mention render"; fail=1; }
"$bin" render "$example" -o "$work/out.txt" 2>&1 | grep -q "\.pdf, \.docx or \.ofd" || { echo "FAIL render .txt message"; fail=1; }
[[ -z "$(ls -A "$work")" ]] || { echo "FAIL files were written: $(ls "$work")"; fail=1; }
exit $fail
