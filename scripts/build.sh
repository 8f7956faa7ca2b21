#!/usr/bin/env bash
# The main job: install what is missing, build, and render the bundled
# bulletins (examples/ and data/) into out/ as PDF and DOCX.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target bulletin -j"$(nproc)" >/dev/null
mkdir -p out
status=0
for yaml in examples/*.yaml data/*.yaml; do
  name=$(basename "$yaml" .yaml)
  # Each in its own layout (bulletin.layout) as PDF and DOCX, plus the
  # official one.
  build/bulletin render "$yaml" -o "out/$name.pdf" -o "out/$name.docx" || status=1
  build/bulletin render "$yaml" -o "out/$name-official.pdf" --layout official || status=1
done
exit $status
