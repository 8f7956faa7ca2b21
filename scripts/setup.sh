#!/usr/bin/env bash
# Installs the Debian packages bulletin needs. Idempotent: prints nothing and
# touches nothing when everything is already there.
#
#   scripts/setup.sh          build + run (compiler, libraries, fonts)
#   scripts/setup.sh --test   also what the test suite needs (Catch2, poppler,
#                             qpdf, python-docx, LibreOffice for DOCX checks,
#                             fontTools and Node for OFD checks — ofd.js from
#                             npm into tests/tools/ofdjs/ — clang 16,
#                             libFuzzer and llvm-symbolizer for scripts/fuzz.sh)
set -euo pipefail

build_pkgs=(
  g++ cmake make pkg-config
  libyaml-cpp-dev libharfbuzz-dev libfreetype-dev libfontconfig-dev libicu-dev
  libdeflate-dev libpugixml-dev libcli11-dev libfmt-dev libpng-dev libjpeg-dev liblcms2-dev
)
# Fonts: Noto CJK (宋体/黑体 roles), LXGW WenKai (楷体 role), Liberation
# (Latin faces), texlive-lang-chinese for FandolFang, the only free 仿宋 in
# Debian with full GB 2312 coverage (cwTeX's 仿宋 lacks simplified forms).
font_pkgs=(fonts-noto-cjk fonts-lxgw-wenkai fonts-liberation2 texlive-lang-chinese)
test_pkgs=(
  catch2 poppler-utils qpdf python3 python3-yaml python3-docx libxml2-utils
  libreoffice-writer python3-fitz python3-fonttools python3-lxml python3-pikepdf python3-openpyxl python3-jsonschema nodejs
  clang-16 libclang-rt-16-dev llvm-16
)

want=("${build_pkgs[@]}" "${font_pkgs[@]}")
if [[ "${1:-}" == "--test" ]]; then
  want+=("${test_pkgs[@]}")
fi

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=()
  ((EUID != 0)) && sudo=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo[@]}" apt-get update -qq
  "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The OFD reader the tests open every OFD with: ofd.js and jsdom from npm,
# as package-lock.json pins them, into tests/tools/ofdjs/node_modules/.
ofdjs=$(cd "$(dirname "$0")/.." && pwd)/tests/tools/ofdjs
if [[ "${1:-}" == "--test" && ! -d "$ofdjs/node_modules" ]]; then
  echo "setup: installing ofd.js (npm ci in tests/tools/ofdjs)" >&2
  (cd "$ofdjs" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# The YAML language server (the one VS Code's YAML extension runs), with
# which the tests check that editors validate and complete keys through
# schema/bulletin.schema.json: into tests/tools/yamlls/node_modules/.
yamlls=$(cd "$(dirname "$0")/.." && pwd)/tests/tools/yamlls
if [[ "${1:-}" == "--test" && ! -d "$yamlls/node_modules" ]]; then
  echo "setup: installing yaml-language-server (npm ci in tests/tools/yamlls)" >&2
  (cd "$yamlls" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi
