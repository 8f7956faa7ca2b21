#!/usr/bin/env bash
# bulletin schema: a valid JSON Schema, equal to the committed
# schema/bulletin.schema.json, that every shipped file validates against and
# that judges 500-odd mutations of a file with every key as the loader does
# (tests/tools/schema_check.py); -o writes it whole, or leaves a file alone.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
mkdir "$work/cases"
/usr/bin/python3 "$root/tests/tools/schema_check.py" "$bin" "$root" "$work/cases" || fail=1
"$bin" schema -o "$work/s.json" >/dev/null || { echo "FAIL schema -o"; fail=1; }
"$bin" schema | cmp -s - "$work/s.json" || { echo "FAIL schema -o and schema differ"; fail=1; }
mkdir "$work/ro"; echo keep >"$work/ro/s.json"; chmod a-w "$work/ro"
if [[ $EUID != 0 ]]; then
  "$bin" schema -o "$work/ro/s.json" >/dev/null 2>"$work/err"
  [[ $? == 1 && "$(cat "$work/ro/s.json")" == keep ]] || { echo "FAIL schema -o into a read-only folder"; fail=1; }
fi
exit $fail
