#!/usr/bin/env bash
# Faults while writing: a file-size limit (a full disk), a read-only folder,
# a folder where an output should go, the input as an output, very long
# names, a signal in the middle of a long render, two renders racing for
# the same files. A failed render exits 1 (130/143 for a signal), leaves
# every existing output byte-identical and no temporary file behind.
set -u
bin=$1; root=$2
fail=0
work=$(mktemp -d); trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work"
check() { if ! eval "$2"; then echo "FAIL $1"; fail=1; fi; }
sample=$root/examples/sample.yaml

echo "last year's" > keep.pdf; cp keep.pdf keep.docx; cp keep.pdf keep.ofd
sum() { md5sum keep.pdf keep.docx keep.ofd; }
before=$(sum)
# Only the files this test made: no temporary file may be left.
listing() { ls -A | grep -v -E '^(keep\.(pdf|docx|ofd)|keep-link\.pdf|ro|mine\.yaml|nobody|folder\.pdf|in\.pdf|big\.yaml|a\.yaml|b\.yaml|race\.(pdf|docx|ofd)|stderr)$'; }

expect_failure() {  # NAME STATUS MESSAGE -- COMMAND…
  local name=$1 want=$2 message=$3; shift 4
  "$@" >/dev/null 2>stderr; local rc=$?
  check "$name: exit $rc, want $want" '[[ $rc -eq $want ]]'
  check "$name: says '$message'" 'grep -qF -- "$message" stderr'
  check "$name: existing outputs untouched" '[[ "$(sum)" == "$before" ]]'
  check "$name: no temporary files ($(listing | tr '\n' ' '))" '[[ -z "$(listing)" ]]'
}

# A full disk, as a file-size limit: write() fails with EFBIG.
expect_failure "file-size limit" 1 "see ulimit -f" -- bash -c "ulimit -f 16; exec '$bin' render '$sample' -o keep.pdf -o keep.docx"
expect_failure "file-size limit, DOCX" 1 "keep.docx" -- bash -c "ulimit -f 4; exec '$bin' render '$sample' -o keep.docx"
expect_failure "file-size limit, OFD last" 1 "keep.ofd" -- bash -c "ulimit -f 200; exec '$bin' render '$sample' -o keep.pdf -o keep.docx -o keep.ofd"

# A disk that really fills up: a 64 KiB tmpfs (where mounting is allowed).
mkdir small
if mount -t tmpfs -o size=64k tmpfs small 2>/dev/null; then
  cp keep.pdf small/keep.pdf
  "$bin" render "$sample" -o small/keep.pdf -o small/new.docx >/dev/null 2>stderr; rc=$?
  check "full disk: exit $rc, want 1" '[[ $rc -eq 1 ]]'
  check "full disk: says so" 'grep -q "the disk is full; nothing was replaced" stderr'
  check "full disk: old file untouched, nothing else there" '[[ "$(cat small/keep.pdf)" == "last year'"'"'s" && "$(ls -A small)" == keep.pdf ]]'
  umount small
else
  echo "note: no tmpfs could be mounted here; the full disk is tested through the file-size limit only"
fi
rmdir small

# A folder where the output should go, a folder that does not exist.
mkdir folder.pdf
expect_failure "output is a folder" 1 "cannot write folder.pdf: it is a folder" -- "$bin" render "$sample" -o keep.docx -o folder.pdf
expect_failure "output folder missing" 1 "the folder nowhere does not exist" -- "$bin" render "$sample" -o keep.pdf -o nowhere/x.docx

# The input itself (or a hard link to it) as an output; one output twice.
cp "$sample" in.pdf
expect_failure "output is the input" 1 "it is in.pdf, which this render reads" -- "$bin" render in.pdf -o in.pdf
ln in.pdf keep-link.pdf
expect_failure "output is a hard link to the input" 1 "which this render reads" -- "$bin" render in.pdf -o keep-link.pdf
rm keep-link.pdf
check "input unchanged" 'cmp -s in.pdf "$sample"'
expect_failure "one output twice" 1 "is the same file as keep.pdf" -- "$bin" render "$sample" -o keep.pdf -o ./keep.pdf

# A read-only folder (as a user without root's rights).
source "$root/tests/e2e/as_nobody.sh" "$bin" "$root" "$work"
mkdir ro; cp keep.pdf ro/keep.pdf; chmod 555 ro
cp "$sample" mine.yaml; chmod 644 mine.yaml; [[ $EUID -eq 0 ]] && chown 65534 keep.pdf keep.docx
"${as_user[@]}" "$user_bin" render mine.yaml -o ro/keep.pdf >/dev/null 2>stderr; rc=$?
check "read-only folder: exit $rc, want 1" '[[ $rc -eq 1 ]]'
check "read-only folder: says permission denied" 'grep -q "permission denied" stderr'
check "read-only folder: file untouched" 'cmp -s ro/keep.pdf keep.pdf'
# …and a writable first output with a read-only second: neither is written.
[[ $EUID -eq 0 ]] && chmod 777 .
expect_failure "second output read-only" 1 "permission denied" -- "${as_user[@]}" "$user_bin" render mine.yaml -o keep.pdf -o ro/new.docx
[[ $EUID -eq 0 ]] && chmod 755 .
chmod 755 ro

# Long names: the longest a file system allows works, a longer one is refused.
long=$(printf 'n%.0s' {1..251})
"$bin" render "$sample" -o "$long.pdf" >/dev/null 2>stderr; rc=$?
check "255-byte output name (exit $rc)" '[[ $rc -eq 0 && -s "$long.pdf" ]]'
rm -f "$long.pdf"
expect_failure "300-byte output name" 1 "longer than the 255 bytes" -- "$bin" render "$sample" -o "$(printf 'n%.0s' {1..296}).pdf"

# A signal in the middle of a long render.
python3 "$root/tests/tools/generate_bulletin.py" 3000 big.yaml
for sig in INT TERM; do
  # (A shell starts background jobs with SIGINT ignored; Ctrl-C reaches a
  # foreground program with the default action, as here.)
  env --default-signal=INT "$bin" render big.yaml -o keep.pdf -o keep.docx -o keep.ofd >/dev/null 2>&1 &
  pid=$!
  sleep 0.5
  kill -$sig $pid
  wait $pid; rc=$?
  want=$(( 128 + $(kill -l $sig) ))
  check "SIG$sig during render: exit $rc, want $want" '[[ $rc -eq $want ]]'
  check "SIG$sig: existing outputs untouched" '[[ "$(sum)" == "$before" ]]'
  check "SIG$sig: no temporary files ($(listing | tr '\n' ' '))" '[[ -z "$(listing)" ]]'
done

# Two renders racing for the same outputs: each replaces the pair under a
# lock on the folder, so the pair always comes from one render. Shown
# directly: while someone holds the folder's lock, a render waits.
sed 's/^  title: .*/  title: 甲版公报/' "$sample" > a.yaml
sed 's/^  title: .*/  title: 乙版公报/' "$sample" > b.yaml
"$bin" render a.yaml -o race.pdf -o race.docx >/dev/null
flock . sleep 2 &
locker=$!
sleep 0.3
"$bin" render b.yaml -o race.pdf -o race.docx >/dev/null &
racer=$!
sleep 1
check "a render waits for the folder's lock" 'pdftotext race.pdf - | grep -q 甲版公报'
wait $locker; wait $racer
check "…and finishes once it is free" 'pdftotext race.pdf - | grep -q 乙版公报'
for round in 1 2 3 4 5 6; do
  "$bin" render a.yaml -o race.pdf -o race.docx -o race.ofd >/dev/null & p1=$!
  "$bin" render b.yaml -o race.pdf -o race.docx -o race.ofd >/dev/null & p2=$!
  wait $p1; wait $p2
  pdf=$(pdftotext race.pdf - | grep -o '[甲乙]版公报' | head -1)
  docx=$(unzip -p race.docx word/document.xml | grep -o '[甲乙]版公报' | head -1)
  ofd=$(unzip -p race.ofd OFD.xml | grep -o '[甲乙]版公报' | head -1)
  check "race round $round: PDF ($pdf), DOCX ($docx) and OFD ($ofd) from one render" '[[ -n "$pdf" && "$pdf" == "$docx" && "$pdf" == "$ofd" ]]'
done
check "no temporary files after the races ($(listing | tr '\n' ' '))" '[[ -z "$(listing)" ]]'
exit $fail
