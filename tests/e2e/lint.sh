#!/usr/bin/env bash
# bulletin lint reports half-width punctuation next to Chinese text, each at
# its line and column, and exits 1; a clean file gives exit 0.
set -u
bin=$1; root=$2
fail=0
got=$("$bin" lint "$root/tests/e2e/fixtures/half-width.yaml" 2>/dev/null | sed "s|^$root/||"); rc=$?
want="tests/e2e/fixtures/half-width.yaml:7:15: warning: half-width ',' next to Chinese text in item 1, hosts; use ，
tests/e2e/fixtures/half-width.yaml:9:13: warning: half-width ':' next to Chinese text in item 1, progress; use ：
tests/e2e/fixtures/half-width.yaml:10:12: warning: half-width '(' next to Chinese text in item 1, progress; use （
tests/e2e/fixtures/half-width.yaml:10:17: warning: half-width ')' next to Chinese text in item 1, progress; use ）
tests/e2e/fixtures/half-width.yaml:10:23: warning: half-width ',' next to Chinese text in item 1, progress; use ，"
if [[ "$got" != "$want" ]]; then echo "FAIL lint output:"; diff <(echo "$want") <(echo "$got"); fail=1; fi
"$bin" lint "$root/tests/e2e/fixtures/half-width.yaml" >/dev/null 2>&1; [[ $? -eq 1 ]] || { echo "FAIL lint exit status"; fail=1; }
"$bin" lint "$root/examples/sample.yaml" >/dev/null 2>&1 || { echo "FAIL lint on a clean file"; fail=1; }
exit $fail
