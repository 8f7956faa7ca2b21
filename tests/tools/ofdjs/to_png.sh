#!/bin/sh
# Convert the pages written by `node render.js FILE.ofd OUTDIR --pages` to PNG.
#   ./to_png.sh OUTDIR [chromium|rsvg|both]      (default: both)
# chromium: OUTDIR/page-NNN.png       screenshot of page-NNN.html, i.e. the DOM
#                                     ofd.js built, laid out by a real browser
#                                     (closest to what ofd.js users see)
# rsvg:     OUTDIR/page-NNN.rsvg.png  rsvg-convert of the flattened page-NNN.svg
# Needs Debian packages chromium and/or librsvg2-bin.
set -eu
dir=${1:?usage: to_png.sh OUTDIR [chromium|rsvg|both]}
mode=${2:-both}
dir=$(cd "$dir" && pwd)
found=0
for svg in "$dir"/page-*.svg; do
  [ -e "$svg" ] || continue
  found=1
  base=${svg%.svg}
  # page size in CSS px from the root <svg width/height>
  root=$(grep -o '<svg [^>]*>' "$svg" | head -1)
  w=$(echo "$root" | sed -n 's/.* width="\([0-9.]*\)".*/\1/p')
  h=$(echo "$root" | sed -n 's/.* height="\([0-9.]*\)".*/\1/p')
  W=$(awk "BEGIN{print int($w+0.999)}"); H=$(awk "BEGIN{print int($h+0.999)}")
  if [ "$mode" = rsvg ] || [ "$mode" = both ]; then
    rsvg-convert -b white -o "$base.rsvg.png" "$svg"
    echo "$base.rsvg.png"
  fi
  if [ "$mode" = chromium ] || [ "$mode" = both ]; then
    prof=$(mktemp -d)
    timeout 60 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
      --user-data-dir="$prof" --window-size="$W,$H" --default-background-color=ffffffff \
      --screenshot="$base.png" "file://$base.html" >/dev/null 2>&1 || echo "chromium failed on $base.html" >&2
    rm -rf "$prof"
    [ -e "$base.png" ] && echo "$base.png"
  fi
done
[ "$found" = 1 ] || { echo "no page-*.svg in $dir" >&2; exit 1; }
