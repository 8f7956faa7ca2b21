#!/usr/bin/env bash
# Installed like any program: `cmake --install` into a fresh prefix gives a
# bulletin that finds its own layouts and font manifest (share/bulletin) and
# renders the same bytes as the build tree's; the man page and the bash
# completion are in place and well-formed, the JSON Schema is the program's; `cpack -G DEB` makes a package
# whose files are the same, whose dependencies are Debian packages apt
# knows, and whose extracted program runs.
set -u
bin=$1; root=$2; build=$3
fail=0
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export SOURCE_DATE_EPOCH=1700000000
sample=$root/examples/sample.yaml
cmake --install "$build" --prefix "$work/prefix" >/dev/null || { echo "FAIL cmake --install"; exit 1; }
for f in bin/bulletin share/bulletin/layouts/official.yaml share/bulletin/layouts/table.yaml \
         share/bulletin/layouts/newspaper.yaml share/bulletin/fonts/fonts.yaml share/man/man1/bulletin.1 \
         share/bash-completion/completions/bulletin share/bulletin/bulletin.schema.json; do
  [[ -e "$work/prefix/$f" ]] || { echo "FAIL not installed: $f"; fail=1; }
done
"$work/prefix/bin/bulletin" fonts 2>&1 | grep -q "font manifest: $work/prefix/share/bulletin/fonts/fonts.yaml" ||
  { echo "FAIL the installed program does not use its own font manifest"; fail=1; }
"$work/prefix/bin/bulletin" render "$sample" -o "$work/installed.pdf" --layout table >/dev/null &&
  "$bin" render "$sample" -o "$work/built.pdf" --layout table >/dev/null &&
  cmp -s "$work/installed.pdf" "$work/built.pdf" || { echo "FAIL the installed program renders differently"; fail=1; }
cmp -s "$work/prefix/share/bulletin/bulletin.schema.json" <("$bin" schema) ||
  { echo "FAIL the installed schema is not what bulletin schema prints"; fail=1; }
bash -n "$work/prefix/share/bash-completion/completions/bulletin" || { echo "FAIL the bash completion"; fail=1; }
if command -v groff >/dev/null; then
  warnings=$(preconv "$work/prefix/share/man/man1/bulletin.1" | groff -man -Tutf8 -ww 2>&1 >/dev/null)  # as man(1) reads it
  [[ -z "$warnings" ]] || { echo "FAIL the man page: $warnings"; fail=1; }
fi

(cd "$build" && cpack -G DEB -B "$work/deb" >/dev/null 2>&1) || { echo "FAIL cpack -G DEB"; exit 1; }
deb=$(ls "$work"/deb/*.deb)
dpkg-deb -c "$deb" | grep -q "./usr/bin/bulletin$" || { echo "FAIL the package has no usr/bin/bulletin"; fail=1; }
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libharfbuzz0b libharfbuzz-subset0 libicu72 libyaml-cpp0.7 libdeflate0 fonts-noto-cjk; do
  [[ $depends == *"$lib"* ]] || { echo "FAIL the package does not depend on $lib: $depends"; fail=1; }
done
for pkg in $(echo "$depends" | tr ',' '\n' | sed 's/(.*//; s/ //g'); do
  apt-cache show "$pkg" >/dev/null 2>&1 || { echo "FAIL the package depends on $pkg, which apt does not know"; fail=1; }
done
dpkg-deb -x "$deb" "$work/root"
"$work/root/usr/bin/bulletin" render "$sample" -o "$work/deb.pdf" --layout table >/dev/null &&
  cmp -s "$work/deb.pdf" "$work/built.pdf" || { echo "FAIL the packaged program renders differently"; fail=1; }
exit $fail
