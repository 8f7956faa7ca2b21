#!/usr/bin/env bash
# bulletin lint reports half-width punctuation next to Chinese text, each at
# its line and column, and exits 1; a clean file gives exit 0. lint --fix
# rewrites them in place and changes no other byte (comments, quoting,
# order, line ends, permissions kept); what it cannot place exactly (inside
# a quoted scalar) is left and reported, and the exit status says so.
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

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
cp "$root/tests/e2e/fixtures/half-width.yaml" "$work/h.yaml"
chmod 640 "$work/h.yaml"
"$bin" lint --fix "$work/h.yaml" >/dev/null 2>"$work/err"; rc=$?
[[ $rc == 0 ]] || { echo "FAIL lint --fix on exact findings exits $rc: $(cat "$work/err")"; fail=1; }
grep -q "5 fixed, 0 left" "$work/err" || { echo "FAIL lint --fix: $(cat "$work/err")"; fail=1; }
/usr/bin/python3 - "$root/tests/e2e/fixtures/half-width.yaml" "$work/h.yaml" <<'PY' || fail=1
import sys
old = open(sys.argv[1], encoding="utf-8").read()
new = open(sys.argv[2], encoding="utf-8").read()
# Exactly the reported characters changed (lines 7, 9, 10), nothing else.
want = old.splitlines(True)
swap = {7: [(15, "，")], 9: [(13, "：")], 10: [(12, "（"), (17, "）"), (23, "，")]}
for line, edits in swap.items():
    chars = list(want[line - 1])
    for col, c in edits:
        chars[col - 1] = c
    want[line - 1] = "".join(chars)
if "".join(want) != new:
    print("FAIL lint --fix changed more than the marks")
    sys.exit(1)
PY
[[ $(stat -c %a "$work/h.yaml") == 640 ]] || { echo "FAIL lint --fix lost the file's permissions"; fail=1; }
"$bin" lint "$work/h.yaml" >/dev/null 2>&1 || { echo "FAIL the fixed file still has findings"; fail=1; }
# A quoted scalar, CRLF line ends and a comment: the exact one fixed, the quoted one left.
printf 'bulletin:\r\n  title: "关于(甲)"   # 注释,保留\r\nitems:\r\n  - title: 甲,乙\r\n' >"$work/q.yaml"
"$bin" lint --fix "$work/q.yaml" >"$work/out" 2>"$work/err"; rc=$?
[[ $rc == 1 ]] && grep -q "1 fixed, 2 left" "$work/err" && grep -q "not fixed" "$work/out" ||
  { echo "FAIL lint --fix with a quoted scalar: $rc $(cat "$work/err" "$work/out")"; fail=1; }
[[ "$(cat "$work/q.yaml")" == "$(printf 'bulletin:\r\n  title: "关于(甲)"   # 注释,保留\r\nitems:\r\n  - title: 甲，乙\r\n')" ]] ||
  { echo "FAIL lint --fix with CRLF: $(od -c "$work/q.yaml" | head -5)"; fail=1; }
exit $fail
