#!/usr/bin/env bash
# bulletin init: the starting file shows every key of the input format,
# validates and renders as written in every layout, is the same on standard
# output and in a file, and never replaces an existing file.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
"$bin" init -o "$work/start.yaml" >/dev/null || { echo "FAIL init -o"; fail=1; }
"$bin" init >"$work/stdout.yaml" || { echo "FAIL init to standard output"; fail=1; }
cmp -s "$work/start.yaml" "$work/stdout.yaml" || { echo "FAIL init -o and init differ"; fail=1; }
"$bin" validate "$work/start.yaml" >/dev/null 2>"$work/err" || { echo "FAIL the starting file: $(cat "$work/err")"; fail=1; }
for layout in official table newspaper; do
  "$bin" render "$work/start.yaml" -o "$work/$layout.pdf" --layout "$layout" >/dev/null 2>"$work/err" ||
    { echo "FAIL render $layout: $(cat "$work/err")"; fail=1; }
done
# Every key of ../shared/spec/bulletin-yaml.md's examples.
for key in title subtitle kicker issuer session year date column byline layout summary labels intro groups label \
           items seq number kind proposers seconders leaders supervisors hosts cohosts result satisfaction replied \
           reply_ref progress next_steps related note sections body closing; do
  grep -Eq "^ *(- )?$key:" "$work/start.yaml" || { echo "FAIL the starting file has no '$key'"; fail=1; }
done
echo keep >"$work/mine.yaml"
"$bin" init -o "$work/mine.yaml" >/dev/null 2>&1
[[ $? == 1 && "$(cat "$work/mine.yaml")" == keep ]] || { echo "FAIL init replaced an existing file"; fail=1; }
exit $fail
