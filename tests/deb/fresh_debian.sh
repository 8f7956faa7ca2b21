#!/usr/bin/env bash
# Proves that the .deb from `cpack -G DEB` installs and runs on a fresh
# Debian 12: a minimal bookworm (debootstrap --variant=minbase, nothing else
# installed) gets the package with `apt-get install ./bulletin_*.deb`, so
# every Depends must resolve from the Debian archive (a missing or misnamed
# package, or a library dpkg-shlibdeps missed, fails the run); the installed
# /usr/bin/bulletin then shows --version, --help, its man page and its font
# roles, and renders examples/sample.yaml and every data/*.yaml to PDF, DOCX
# and OFD (own layout) and PDF (official layout), as root and as a non-root
# user. The outputs are checked on the host: pdftotext gives back each
# bulletin's title, pdffonts shows every font embedded, the DOCX and OFD are
# valid zips whose text holds the title; root's and the user's renders are
# byte-identical (SOURCE_DATE_EPOCH).
#
#   tests/deb/fresh_debian.sh build/bulletin_0.1.0_amd64.deb /var/tmp/bulletin-deb
#
# Run as root on a Debian host with debootstrap, poppler-utils and unzip.
# Time: the first run ~5-10 min (debootstrap ~1-2 min, then apt downloads
# and unpacks ~1 GB of fonts and TeX Live); a rerun ~1-2 min, since the
# debootstrapped base (WORK/base) and the downloaded .debs (WORK/cache) are
# kept; every run installs into a new copy of the base (WORK/run), so it
# always starts from a fresh system.
#
# Environment: MIRROR (default: the host's Debian mirror from
# /etc/apt/sources.list*), SECURITY_MIRROR (likewise), WITH_RECOMMENDS=1 to
# let apt install Recommends as well (default: Depends only, the stricter
# proof), KEEP=1 to keep WORK/run after the run.
#
# (pipefail: a `grep -q` at the end of a pipe may stop reading early and the
# writer dies of SIGPIPE, failing the pipe; hence `grep ... >/dev/null`.)
set -euo pipefail

usage() { echo "usage: $0 PATH/TO/bulletin_*.deb WORK_DIR" >&2; exit 2; }
(($# == 2)) || usage
deb=$(realpath "$1"); work=$(realpath -m "$2")
[[ -f "$deb" ]] || { echo "$0: no such file: $1" >&2; exit 2; }
((EUID == 0)) || { echo "$0: must run as root (debootstrap, chroot, mount)" >&2; exit 2; }
root=$(cd "$(dirname "$0")/../.." && pwd)
for tool in debootstrap pdftotext pdffonts unzip; do
  command -v "$tool" >/dev/null || { echo "$0: $tool is missing (apt-get install debootstrap poppler-utils unzip)" >&2; exit 2; }
done
suite=bookworm

# The host's mirror: the first Debian archive in its apt sources (deb822 or
# one-line format), else deb.debian.org.
host_uri() {  # $1: regex the URI path must match
  cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null |
    grep -v '^\s*#' | grep -oE '(https?|file)://[^ ]+' | grep -E "$1" | head -1 || true
}
mirror=${MIRROR:-$(host_uri '/debian/?$')}; mirror=${mirror:-http://deb.debian.org/debian}
security=${SECURITY_MIRROR:-$(host_uri '/debian-security/?$')}; security=${security:-http://security.debian.org/debian-security}
mirror=${mirror%/}; security=${security%/}

base=$work/base        # the debootstrapped system, never changed after
run=$work/run          # this run's copy of it, where the package goes
cache=$work/cache      # .debs: debootstrap's and apt's, kept between runs
out=$work/out          # the renders, copied out of the chroot
mkdir -p "$work" "$cache/debootstrap" "$cache/apt/partial"

# ---- bookkeeping: phases with their time, checks with their outcome
declare -a phases=() checks=()
failed=0
t0=$(date +%s.%N)
phase_open=0
phase_start() { phase_name=$1; phase_t=$(date +%s.%N); phase_open=1; echo "== $1"; }
since() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
phase_end() { phases+=("$(printf '%-28s %7s s%s' "$phase_name" "$(since "$phase_t")" "${1:-}")"); phase_open=0; }
pass() { checks+=("PASS  $*"); }
fail() { checks+=("FAIL  $*"); failed=1; echo "FAIL: $*" >&2; }

# ---- mounts, always undone (also on error or Ctrl-C)
mounted=()
mount_in() {  # $1: the chroot
  mount -t proc proc "$1/proc"; mounted=("$1/proc" "${mounted[@]}")
  mount --bind /dev "$1/dev"; mounted=("$1/dev" "${mounted[@]}")
  mount -t devpts -o newinstance,ptmxmode=0666 devpts "$1/dev/pts" 2>/dev/null && mounted=("$1/dev/pts" "${mounted[@]}") || true
  mount --bind "$cache/apt" "$1/var/cache/apt/archives"; mounted=("$1/var/cache/apt/archives" "${mounted[@]}")
}
unmount_all() {
  local m
  for m in "${mounted[@]}"; do umount "$m" 2>/dev/null || umount -l "$m" 2>/dev/null || true; done
  mounted=()
}
# Removes a chroot only once nothing is mounted under it (never /dev's files).
remove_tree() {
  if findmnt -rn -o TARGET | grep "^$1\(/\|$\)" >/dev/null; then
    echo "$0: something is still mounted under $1; not removing it" >&2; return 1
  fi
  rm -rf --one-file-system "$1"
}
summary() {
  local rc=$?
  unmount_all
  if ((phase_open)); then phase_end "  (stopped here)"; fi
  ((rc != 0 && failed == 0)) && checks+=("FAIL  aborted in phase: ${phase_name:-start} (exit $rc)") && failed=1
  echo
  echo "==== bulletin .deb on a fresh Debian $suite: $(basename "$deb")"
  printf '  %s\n' "${phases[@]}"
  printf '  %-28s %7s s\n' total "$(since "$t0")"
  printf '  %s\n' "${checks[@]}"
  if ((failed)); then echo "==== FAIL"; else echo "==== PASS"; fi
  [[ ${KEEP:-0} == 1 || ! -d $run ]] || remove_tree "$run" || true
  ((failed)) && exit 1
  exit 0
}
trap summary EXIT
trap 'exit 130' INT TERM

in_chroot() { chroot "$run" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
                DEBIAN_FRONTEND=noninteractive SOURCE_DATE_EPOCH=1700000000 "$@"; }
as_user() { chroot --userspec="$tester_id" "$run" /usr/bin/env -i PATH=/usr/bin:/bin HOME=/home/tester \
              LANG=C.UTF-8 SOURCE_DATE_EPOCH=1700000000 "$@"; }

# ---- 1. debootstrap (once; WORK/base/.complete marks a finished one)
phase_start debootstrap
if [[ -f $base/.complete ]]; then
  echo "reusing $base"
else
  [[ -d $base ]] && remove_tree "$base"
  debootstrap --variant=minbase --cache-dir="$cache/debootstrap" "$suite" "$base" "$mirror" > "$work/debootstrap.log" 2>&1 ||
    { tail -20 "$work/debootstrap.log" >&2; fail "debootstrap $suite from $mirror (see $work/debootstrap.log)"; exit 1; }
  # The sources of a fresh install: the release, its updates and security.
  cat > "$base/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
deb $security $suite-security main
EOF
  touch "$base/.complete"
fi
pass "debootstrap --variant=minbase $suite ($mirror)"
phase_end

# ---- 2. a fresh copy of the base, the package installed by apt
phase_start "copy of the base"
[[ -d $run ]] && remove_tree "$run"
cp -a "$base" "$run"
cp -L /etc/resolv.conf "$run/etc/resolv.conf"
mount_in "$run"
in_chroot dpkg-query -W -f='${Package}\n' | sort > "$work/packages.before"
size_before=$(du -sxk --exclude="$run/var/cache/apt/archives" "$run" | cut -f1)
phase_end

phase_start "apt-get update + install"
cp "$deb" "$run/tmp/bulletin.deb"
recommends=(--no-install-recommends); [[ ${WITH_RECOMMENDS:-0} == 1 ]] && recommends=()
if in_chroot apt-get update -q > "$work/apt.log" 2>&1 &&
   in_chroot apt-get install -y -q "${recommends[@]}" /tmp/bulletin.deb >> "$work/apt.log" 2>&1; then
  pass "apt-get install ${recommends[*]} ./$(basename "$deb") resolved every Depends from $suite"
else
  grep -E '^(E:| .*Depends:|.*but it is not|.*not installable|.*has no installation candidate)' "$work/apt.log" >&2 || tail -30 "$work/apt.log" >&2
  fail "apt-get install ./$(basename "$deb") (see $work/apt.log)"; exit 1
fi
in_chroot dpkg-query -W -f='${Package}\n' | sort > "$work/packages.after"
comm -13 "$work/packages.before" "$work/packages.after" > "$work/packages.pulled"
size_after=$(du -sxk --exclude="$run/var/cache/apt/archives" "$run" | cut -f1)
in_chroot dpkg-query -W -f='${Installed-Size}\t${Package}\n' $(cat "$work/packages.pulled") | sort -rn > "$work/packages.pulled.sizes"
pass "$(wc -l < "$work/packages.pulled") packages installed, the system grew by $(( (size_after - size_before) / 1024 )) MiB (list: $work/packages.pulled.sizes)"
phase_end

# ---- 3. the installed program
phase_start "installed program"
if missing=$(in_chroot ldd /usr/bin/bulletin | grep 'not found'); then fail "libraries not found: $missing"
else pass "ldd /usr/bin/bulletin: every library found"; fi
if version=$(in_chroot /usr/bin/bulletin --version) && [[ $version == "bulletin "[0-9]* ]]; then
  pass "bulletin --version: $version"
else fail "bulletin --version: '${version:-}'"; fi
if in_chroot bulletin --help | grep 'render' >/dev/null; then pass "bulletin --help"; else fail "bulletin --help"; fi
if in_chroot sh -c 'command -v man' >/dev/null; then
  if page=$(in_chroot man -w bulletin); then pass "man -w bulletin: $page"; else fail "man -w bulletin"; fi
elif page=$(ls "$run"/usr/share/man/man1/bulletin.1* 2>/dev/null); then pass "man page installed: ${page#"$run"} (no man in minbase)"
else fail "no /usr/share/man/man1/bulletin.1*"; fi
if [[ -s $run/usr/share/bash-completion/completions/bulletin ]]; then pass "bash completion installed"; else fail "no bash completion"; fi
in_chroot bulletin fonts > "$work/fonts.txt" 2>&1 || fail "bulletin fonts exited non-zero (see $work/fonts.txt)"
if grep -q '^font manifest: /usr/share/bulletin/fonts/fonts.yaml' "$work/fonts.txt"; then
  pass "bulletin fonts: uses /usr/share/bulletin/fonts/fonts.yaml"
else fail "bulletin fonts does not use the installed manifest: $(head -1 "$work/fonts.txt")"; fi
# Each role's cjk and latin face must be a file that exists in the chroot.
unresolved=$(awk '$2 == "cjk" || $2 == "latin"' "$work/fonts.txt" | grep -v ' /usr/share/fonts/\| /usr/share/texlive/' || true)
if [[ -z $unresolved ]] && grep -q ' cjk ' "$work/fonts.txt"; then pass "every font role resolved to an installed font"
else fail "font roles not resolved: $unresolved"; fi
if grep -q 'FandolFang' "$work/fonts.txt"; then pass "仿宋 role: FandolFang from texlive-lang-chinese"; else fail "仿宋 role does not use FandolFang"; fi
phase_end

# ---- 4. renders, as root and as a non-root user
phase_start "renders (root + user)"
in_chroot useradd -m -s /bin/sh tester 2>/dev/null || true
tester_id=$(in_chroot id -u tester):$(in_chroot id -g tester)
rm -rf "$run/srv/in"; mkdir -p "$run/srv/in" "$run/srv/out-root"
cp "$root"/examples/sample.yaml "$root"/data/*.yaml "$run/srv/in/"
chmod -R a+rX "$run/srv/in"
as_user mkdir -p /home/tester/out
names=(); render_ok=1
for yaml in "$run"/srv/in/*.yaml; do names+=("$(basename "$yaml" .yaml)"); done
for who in root user; do
  for n in "${names[@]}"; do
    if [[ $who == root ]]; then dir=/srv/out-root; cmd=(in_chroot); else dir=/home/tester/out; cmd=(as_user); fi
    "${cmd[@]}" bulletin render "/srv/in/$n.yaml" -o "$dir/$n.pdf" -o "$dir/$n.docx" -o "$dir/$n.ofd" >> "$work/render.log" 2>&1 &&
      "${cmd[@]}" bulletin render "/srv/in/$n.yaml" -o "$dir/$n-official.pdf" --layout official >> "$work/render.log" 2>&1 ||
      { fail "render $n as $who (see $work/render.log)"; render_ok=0; }
  done
done
rm -rf "$out"; mkdir -p "$out/root" "$out/user"
cp -a "$run"/srv/out-root/. "$out/root/"; cp -a "$run"/home/tester/out/. "$out/user/"
if ((render_ok)); then pass "rendered ${#names[@]} bulletins x (PDF+DOCX+OFD, official PDF) as root and as user tester"; fi
phase_end

# ---- 5. the outputs, checked on the host
phase_start "checks on the host"
squash() { tr -d ' \t\n\r\f' | sed 's/　//g'; }   # text without white space, ASCII or full-width (U+3000)
# The text of an XML element's runs, in document order, unescaped.
xml_text() { grep -oE "<$1( [^>]*)?>[^<]*" | sed 's/^[^>]*>//; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&apos;/'\''/g; s/&amp;/\&/g'; }
title_of() {  # bulletin.title from the YAML: the first two-space-indented title:
  sed -n 's/^  title:[[:space:]]*//p' "$1" | head -1 | sed 's/[[:space:]]*#.*$//; s/^"\(.*\)"$/\1/; s/^'\''\(.*\)'\''$/\1/' | squash
}
for n in "${names[@]}"; do
  title=$(title_of "$root/$( [[ $n == sample ]] && echo examples || echo data )/$n.yaml")
  [[ -n $title ]] || { fail "$n: no title found in its YAML"; continue; }
  ok=1
  for pdf in "$out/root/$n.pdf" "$out/root/$n-official.pdf"; do
    [[ -s $pdf ]] || { fail "$n: $(basename "$pdf") missing"; ok=0; continue; }
    pdftotext -l 2 "$pdf" - 2>/dev/null | squash | grep -F "$title" >/dev/null || { fail "$n: pdftotext $(basename "$pdf") lacks the title $title"; ok=0; }
    fonts=$(pdffonts "$pdf" 2>/dev/null | tail -n +3)
    if [[ -z $fonts ]]; then fail "$n: pdffonts $(basename "$pdf") lists no font"; ok=0
    elif awk '{ if ($(NF-4) != "yes") bad=1 } END { exit !bad }' <<< "$fonts"; then
      fail "$n: $(basename "$pdf") has fonts not embedded: $(awk '$(NF-4) != "yes" {print $1}' <<< "$fonts" | tr '\n' ' ')"; ok=0
    fi
    grep -qi 'cjk\|fandol\|wenkai' <<< "$fonts" || { fail "$n: $(basename "$pdf") embeds no Chinese font"; ok=0; }
  done
  docx=$out/root/$n.docx
  if ! unzip -tq "$docx" >/dev/null 2>&1; then fail "$n: $n.docx is not a valid zip"; ok=0
  elif ! unzip -p "$docx" word/document.xml | xml_text w:t | squash | grep -F "$title" >/dev/null; then
    fail "$n: $n.docx word/document.xml lacks the title $title"; ok=0
  fi
  ofd=$out/root/$n.ofd
  if ! unzip -tq "$ofd" >/dev/null 2>&1; then fail "$n: $n.ofd is not a valid zip"; ok=0
  elif ! unzip -Z1 "$ofd" | grep -x 'OFD.xml' >/dev/null; then fail "$n: $n.ofd has no OFD.xml"; ok=0
  elif ! unzip -p "$ofd" Doc_0/Pages/Page_0/Content.xml | xml_text ofd:TextCode | squash | grep -F "$title" >/dev/null; then
    fail "$n: $n.ofd first page lacks the title $title"; ok=0
  fi
  for f in "$n.pdf" "$n-official.pdf" "$n.docx" "$n.ofd"; do
    cmp -s "$out/root/$f" "$out/user/$f" || { fail "$n: $f differs between root and user tester"; ok=0; }
  done
  if ((ok)); then
    pass "$n: PDF text+fonts, DOCX, OFD hold \"$title\"; root = user bytes ($(pdfinfo "$out/root/$n.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}') pages)"
  fi
done
phase_end
