#!/usr/bin/env bash
# Fuzzes each target in fuzz/ for SECONDS (default 60) with libFuzzer, ASan
# and UBSan, one after the other. Installs what is missing, builds
# build-fuzz/ with clang 16 (clang 14 lacks C++20 features the code uses),
# keeps a corpus per target in build-fuzz/corpus/ (topped up with the
# repository's files each run) and writes what it finds to
# build-fuzz/artifacts/<target>/. Exits 1 if any target found a crash,
# a hang or a leak; the full libFuzzer output is in build-fuzz/logs/.
#   scripts/fuzz.sh [SECONDS [TARGET...]]     (default: every target)
set -euo pipefail
seconds=${1:-60}
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS [TARGET...]]" >&2; exit 2; }
shift || true
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh --test

dir=build-fuzz
targets=(fuzz_bulletin fuzz_layout fuzz_image fuzz_render fuzz_layout_render fuzz_ledger)
if (($# > 0)); then
  for t in "$@"; do
    [[ " ${targets[*]} " == *" $t "* ]] || { echo "fuzz: no target $t (${targets[*]})" >&2; exit 2; }
  done
  targets=("$@")
fi
mkdir -p "$dir/logs"
echo "fuzz: building $dir/ (clang 16, libFuzzer + ASan + UBSan)"
if ! { CC=clang-16 CXX=clang++-16 cmake -S . -B "$dir" -DBULLETIN_FUZZ=ON -DBULLETIN_TESTS=OFF \
         -DCMAKE_BUILD_TYPE=RelWithDebInfo &&
       cmake --build "$dir" -j"$(nproc)" --target "${targets[@]}"; } >"$dir/logs/build.log" 2>&1; then
  tail -n 40 "$dir/logs/build.log"
  echo "fuzz: the build failed (all of it in $dir/logs/build.log)" >&2
  exit 1
fi

# Seeds, dictionary and longest input per target.
seeds() {
  case $1 in
    fuzz_bulletin | fuzz_render)
      ls data/*.yaml examples/*.yaml tests/bad/*.yaml tests/e2e/fixtures/*.yaml fuzz/regressions/fuzz_bulletin/* ;;&
    fuzz_render) ls fuzz/regressions/fuzz_render/* ;;
    fuzz_layout) ls layouts/*.yaml fuzz/regressions/fuzz_layout/* ;;
    fuzz_layout_render) ls layouts/*.yaml fuzz/regressions/fuzz_layout/* fuzz/regressions/fuzz_layout_render/* ;;
    fuzz_image) ls tests/e2e/fixtures/*.png tests/e2e/fixtures/*.jpg fuzz/regressions/fuzz_image/* ;;
    fuzz_ledger) ls fuzz/regressions/fuzz_ledger/* ;;
  esac
}
declare -A dict=([fuzz_bulletin]=bulletin [fuzz_render]=bulletin [fuzz_layout]=layout [fuzz_layout_render]=layout
                [fuzz_image]=image [fuzz_ledger]=ledger)
declare -A max_len=([fuzz_bulletin]=65536 [fuzz_render]=65536 [fuzz_layout]=65536 [fuzz_layout_render]=65536
                   [fuzz_image]=1048576 [fuzz_ledger]=262144)

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1}
failed=()
for t in "${targets[@]}"; do
  corpus=$dir/corpus/$t artifacts=$dir/artifacts/$t log=$dir/logs/$t.log
  mkdir -p "$corpus" "$artifacts"
  seeds "$t" | while read -r f; do cp "$f" "$corpus/"; done
  if [[ $t == fuzz_render ]]; then
    # Every bulletin that names its layout also in the two others.
    seeds "$t" | while read -r f; do
      grep -q '^  layout: ' "$f" || continue
      for l in official table newspaper; do
        sed "s/^  layout: .*/  layout: $l/" "$f" >"$corpus/$(basename "${f%.*}").$l.yaml"
      done
    done
  fi
  echo "fuzz: $t for ${seconds}s ($(ls "$corpus" | wc -l) inputs in $corpus)"
  status=0
  "$dir/fuzz/$t" "$corpus" -dict="fuzz/dict/${dict[$t]}.dict" -max_len="${max_len[$t]}" \
    -max_total_time="$seconds" -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 \
    -artifact_prefix="$artifacts/" >"$log" 2>&1 || status=$?
  # libFuzzer's last status line and its final statistics.
  grep -E '^#[0-9]+[[:space:]]+DONE|^Done [0-9]+ runs|^stat::(number_of_executed_units|average_exec_per_sec|new_units_added|peak_rss_mb)' \
    "$log" | sed 's/^/  /' || true
  found=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | grep -v '/slow-unit-' || true)
  if ((status != 0)) || [[ -n "$found" ]]; then
    failed+=("$t")
    # What the sanitizer or libFuzzer said: the error and the first frames.
    grep -m1 -A24 -E '^==[0-9]+==ERROR|runtime error:|^==[0-9]+== ERROR: libFuzzer|deadly signal' "$log" |
      sed 's/ (BuildId: [0-9a-f]*)//; s/^/  | /' || true
    grep -m1 '^SUMMARY:' "$log" | sed 's/^/  /' || true
    for a in $found; do echo "  found: $a"; done
    [[ -z "$found" ]] && echo "  libFuzzer exited with status $status, no artifact (see $log)"
    echo "  copy it into fuzz/regressions/$t/ and fix the bug"
  fi
done

if ((${#failed[@]})); then
  echo "fuzz: FAILED: ${failed[*]} (logs in $dir/logs/)" >&2
  exit 1
fi
echo "fuzz: no crash, hang or leak in ${#targets[@]} targets × ${seconds}s"
