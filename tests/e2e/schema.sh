#!/usr/bin/env bash
# bulletin schema: a valid JSON Schema, equal to the committed
# schema/bulletin.schema.json, that every shipped file validates against and
# that judges 500-odd mutations of a file with every key as the loader does
# (tests/tools/schema_check.py), and that the YAML language server uses
# (tests/tools/yamlls/check.js); -o writes it whole, or leaves a file alone.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
mkdir "$work/cases"
/usr/bin/python3 "$root/tests/tools/schema_check.py" "$bin" "$root" "$work/cases" || fail=1
# What an editor does with it: the real YAML language server flags the
# mistakes, completes keys and values, and shows the descriptions.
yamlls=$root/tests/tools/yamlls
if [[ -d "$yamlls/node_modules" ]]; then
  mkdir "$work/yamlls"
  (cd "$yamlls" && node check.js "$root/schema/bulletin.schema.json" "$work/yamlls") >"$work/yamlls.log" 2>&1 ||
    { cat "$work/yamlls.log"; echo "FAIL yaml-language-server"; fail=1; }
else
  echo "FAIL yaml-language-server is not installed (scripts/setup.sh --test installs it)"; fail=1
fi
"$bin" schema -o "$work/s.json" >/dev/null || { echo "FAIL schema -o"; fail=1; }
"$bin" schema | cmp -s - "$work/s.json" || { echo "FAIL schema -o and schema differ"; fail=1; }
mkdir "$work/ro"; echo keep >"$work/ro/s.json"; chmod a-w "$work/ro"
if [[ $EUID != 0 ]]; then
  "$bin" schema -o "$work/ro/s.json" >/dev/null 2>"$work/err"
  [[ $? == 1 && "$(cat "$work/ro/s.json")" == keep ]] || { echo "FAIL schema -o into a read-only folder"; fail=1; }
fi
exit $fail
