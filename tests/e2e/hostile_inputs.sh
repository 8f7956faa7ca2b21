#!/usr/bin/env bash
# Hostile inputs: files that are not files, endless devices, wrong
# encodings, broken pictures, absurd layout numbers, a broken font
# manifest. For each, `validate` and `render` both exit with the same
# status (1, or 2 for the command line), say what is wrong, never crash or
# hang, and render leaves the previous outputs byte-identical and writes
# nothing new.
set -u
bin=$1; root=$2
fx="$root/tests/e2e/fixtures"
fail=0
work=$(mktemp -d); trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
cd "$work"
check() { if ! eval "$2"; then echo "FAIL $1"; fail=1; fi; }

good=$root/examples/sample.yaml
# A bulletin showing one picture named FILE (relative to the work folder).
with_image() {
  printf 'bulletin:\n  title: 图片测试\nitems:\n  - title: 关于图片的建议\n    images:\n      - {file: "%s", caption: 图注}\n' "$1" > "img-$2.yaml"
}
# A copy of the official layout with one line's value replaced.
layout_with() {  # NAME 'KEY: OLD' 'KEY: NEW'
  sed "0,/$2/s//$3/" "$root/layouts/official.yaml" > "$1.yaml"
  grep -q "$3" "$1.yaml" || { echo "FAIL layout_with $1: '$2' not found"; fail=1; }
}

echo "last year's" > out.pdf
echo "last year's" > out.docx

# refuse NAME STATUS MESSAGE ARGS…: validate ARGS and render ARGS -o out.pdf
# -o out.docx both exit STATUS with MESSAGE on stderr, in time.
refuse() {
  local name=$1 want=$2 message=$3; shift 3
  local cmd
  for cmd in validate render; do
    local extra=()
    [[ $cmd == render ]] && extra=(-o out.pdf -o out.docx -o new.pdf)
    timeout 60 "$bin" $cmd "$@" "${extra[@]}" >stdout 2>stderr; local rc=$?
    if [[ $rc -ne $want ]]; then
      echo "FAIL $name: $cmd exit $rc, want $want"; sed 's/^/    /' stderr | head -5; fail=1
    elif ! grep -qF -- "$message" stderr; then
      echo "FAIL $name: $cmd did not say '$message':"; sed 's/^/    /' stderr | head -5; fail=1
    fi
  done
  check "$name: last year's PDF untouched" '[[ "$(cat out.pdf)" == "last year'"'"'s" ]]'
  check "$name: last year's DOCX untouched" '[[ "$(cat out.docx)" == "last year'"'"'s" ]]'
  check "$name: nothing new written" '[[ ! -e new.pdf && -z "$(ls -A | grep -E "^\.bulletin|tmp")" ]]'
}

# --- the input file
mkdir folder.yaml
refuse "input is a folder" 1 "it is a folder, not a file" folder.yaml
refuse "input is /dev/zero" 1 "it is a device, not a file" /dev/zero
mkfifo fifo.yaml
refuse "input is a FIFO" 1 "it is a named pipe (FIFO), not a file" fifo.yaml
truncate -s 40M big.yaml
refuse "input too large" 1 "it is larger than the 32.0 MiB allowed" big.yaml
iconv -f UTF-8 -t GB18030 "$good" > gb.yaml
refuse "GB18030 input" 1 'it looks like GB18030/GBK, the "ANSI" of Chinese Windows; save it as UTF-8, or give --encoding gb18030' gb.yaml
refuse "UTF-8 given as GB18030" 1 "the file is already UTF-8, not GB18030: leave out --encoding" "$good" --encoding gb18030
iconv -f UTF-8 -t UTF-16 "$good" > utf16.yaml
refuse "UTF-16 input" 1 'the file is saved as UTF-16 ("Unicode" in Notepad): save it as UTF-8' utf16.yaml
{ cat "$good"; printf -- '---\nbulletin: {title: 二}\n'; } > two.yaml
refuse "two YAML documents" 1 "a second YAML document starts here" two.yaml
printf 'bulletin:\n  title: 公\0报\nitems:\n  - title: 甲\n' > nul.yaml
refuse "NUL byte" 1 "nul.yaml:2:11: error: the file contains a NUL byte (U+0000)" nul.yaml
printf 'bulletin:\n  title: 公\033报\nitems:\n  - title: 甲\n' > esc.yaml
refuse "control character" 1 "esc.yaml:2:11: error: the file contains the control character ESC (U+001B)" esc.yaml
python3 - <<'PY' > bomb.yaml
print("a: &a [x, x, x, x, x, x, x, x, x, x]")
for i in range(1, 9):
    p, c = chr(ord('a') + i - 1), chr(ord('a') + i)
    print(f"{c}: &{c} [" + ", ".join(["*" + p] * 10) + "]")
print("bulletin: {title: 炸弹}\nitems: *i")
PY
refuse "alias bomb" 1 "bomb.yaml:8:16: error: the aliases (*name) of this file expand it beyond what a bulletin can be" bomb.yaml
python3 -c "print('bulletin: {title: 多}\nitems:'); [print('  - title: 甲') for _ in range(20001)]" > many.yaml
refuse "too many items" 1 "many.yaml:20003:5: error: more than 20000 items (related ones included)" many.yaml
refuse "a character no font has" 1 "(U+17000)" "$fx/missing-glyph.yaml"

# --- pictures
cp "$fx/chart.png" "$fx/photo.jpg" .
python3 - <<'PY'
import struct, zlib
png = open("chart.png", "rb").read(); jpg = open("photo.jpg", "rb").read()
open("half.png", "wb").write(png[: len(png) // 2])
bad = bytearray(png); bad[png.index(b"IDAT") + 40] ^= 0x55; open("bits.png", "wb").write(bytes(bad))
open("half.jpg", "wb").write(jpg[: len(jpg) // 2])
open("jpeg.png", "wb").write(jpg)
open("text.png", "w").write("not a picture\n")
open("empty.png", "wb").write(b"")
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d))
ihdr = struct.pack(">IIBBBBB", 30000, 30000, 8, 0, 0, 0, 0)
open("huge.png", "wb").write(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
PY
mkfifo pipe.png
for case in "folder:.:is a folder, not a file" "blank: :empty 'file' in image" "device:/dev/zero:is a device, not a file" \
            "fifo:pipe.png:is a named pipe (FIFO), not a file" "empty:empty.png:is an empty file" \
            "truncated-png:half.png:is a damaged PNG" "corrupt-png:bits.png:is a damaged PNG" \
            "truncated-jpeg:half.jpg:is a damaged JPEG (Premature end of JPEG file)" \
            "not-a-picture:text.png:is neither a PNG nor a JPEG file" "missing:none.png:does not exist" \
            "huge:huge.png:is 30000 × 30000 pixels, more than the 20000 pixels a side and 64 megapixels allowed"; do
  IFS=: read -r name file message <<<"$case"
  with_image "$file" "$name"
  refuse "image $name" 1 "$message" "img-$name.yaml"
done
# A JPEG named .png is shown as the JPEG it is, in both formats.
with_image jpeg.png mislabelled
"$bin" render img-mislabelled.yaml -o mislabelled.pdf -o mislabelled.docx >/dev/null 2>&1; rc=$?
check "JPEG named .png renders (exit $rc)" '[[ $rc -eq 0 ]]'
check "JPEG named .png embedded as JPEG" '[[ $(pdfimages -list mislabelled.pdf | awk "NR>2 {print \$9}") == jpeg ]]'
check "JPEG named .png in the DOCX as .jpeg" 'unzip -l mislabelled.docx | grep -q "word/media/image1.jpeg"'
rm -f mislabelled.pdf mislabelled.docx

# --- layouts: every number finite and in range, checked where it is read
layout_with size-nan "size: 三号" "size: nan"
refuse "layout size nan" 1 "'size' must be a length such as 12pt, 10mm, got 'nan'" "$good" --layout ./size-nan.yaml
layout_with leading-inf "leading: 28.95pt" "leading: inf"
refuse "layout leading inf" 1 "'leading' must be a length such as 12pt, 10mm or 2em, got 'inf'" "$good" --layout ./leading-inf.yaml
layout_with size-zero "size: 三号" "size: 0pt"
refuse "layout size 0" 1 "'size' must be between 1pt and 500pt, got '0pt'" "$good" --layout ./size-zero.yaml
layout_with size-huge "size: 二号" "size: 1e300pt"
refuse "layout size enormous" 1 "'size' must be between 1pt and 500pt, got '1e300pt'" "$good" --layout ./size-huge.yaml
layout_with margin-negative "top: 37mm" "top: -5mm"
refuse "layout negative margin" 1 "'top' must be between 0pt and 7200pt, got '-5mm'" "$good" --layout ./margin-negative.yaml
layout_with leading-tall "leading: 28.95pt" "leading: 1900pt"
refuse "layout leading taller than the page" 1 "more than the page's text area is high" "$good" --layout ./leading-tall.yaml
sed 's/^  header_style: .*/  header_style: tabl%_header/' "$root/layouts/table.yaml" > header-style.yaml
refuse "table header_style undefined (fuzz_layout_render)" 1 "table 'header_style' is style 'tabl%_header', which is not defined" "$good" --layout ./header-style.yaml
sed 's/^  gutter: .*/  gutter: inf/' "$root/layouts/newspaper.yaml" > gutter-inf.yaml
refuse "layout gutter inf" 1 "'gutter' must be a length such as 12pt, 10mm, got 'inf'" "$good" --layout ./gutter-inf.yaml
sed 's/^    font: fangsong$/    font: fangsongg/' "$root/layouts/official.yaml" > role.yaml
refuse "layout names a font role the manifest lacks" 1 "uses font role 'fangsongg', which" "$good" --layout ./role.yaml
refuse "layout name too long" 2 "unknown layout" "$good" --layout "$(printf 'x%.0s' {1..5000})"
refuse "layout path too long" 2 "cannot be read: File name too long" "$good" --layout "$(printf 'a/%.0s' {1..3000})x.yaml"
refuse "layout is /dev/zero" 1 "it is a device, not a file" "$good" --layout /dev/zero
# A layout in a folder this user cannot read.
source "$root/tests/e2e/as_nobody.sh" "$bin" "$root" "$work"
mkdir locked; cp "$root/layouts/table.yaml" locked/; chmod 000 locked; cp "$good" mine.yaml; chmod 644 mine.yaml
"${as_user[@]}" "$user_bin" validate mine.yaml --layout locked/table.yaml >/dev/null 2>stderr; rc=$?
check "layout in an unreadable folder: exit $rc, want 2" '[[ $rc -eq 2 ]]'
check "layout in an unreadable folder: says so" 'grep -q "layout file .locked/table.yaml. cannot be read: Permission denied" stderr'
chmod 755 locked

# --- the font manifest (through a data folder of its own)
mkdir -p data/fonts
ln -s "$root/layouts" data/layouts
for case in "device:/dev/zero:it is a device, not a file" "gb18030:gbfonts.yaml:it looks like GB18030/GBK"; do
  IFS=: read -r name file message <<<"$case"
  [[ $name == gb18030 ]] && printf 'roles:\n  songti: {cjk: [\xcb\xce\xcc\xe5]}\n' > gbfonts.yaml
  ln -sfn "$( [[ $file == /* ]] && echo "$file" || echo "$work/$file")" data/fonts/fonts.yaml
  BULLETIN_DATA_DIR=$work/data refuse "font manifest $name" 1 "$message" "$good"
done
exit $fail
