# Sourced by the e2e tests that need a user without root's rights (root
# reads and writes any folder): sets `as_user`, a command prefix, and
# `user_bin`, the program as that user can run it. As root, the prefix
# drops to nobody, and when nobody cannot reach this checkout (a clone in
# /root), the program, its layouts and fonts are copied into WORK first.
#   source as_nobody.sh BIN ROOT WORK
as_user=()
user_bin=$1
if [[ $EUID -eq 0 ]]; then
  as_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)
  if ! "${as_user[@]}" test -x "$1" -a -r "$2/fonts/fonts.yaml" -a -r "$2/layouts/official.yaml" 2>/dev/null; then
    mkdir -p "$3/nobody/data"
    cp "$1" "$3/nobody/bulletin"
    cp -r "$2/layouts" "$2/fonts" "$3/nobody/data/"
    chmod -R a+rX "$3/nobody"
    user_bin=$3/nobody/bulletin
    as_user=(env "BULLETIN_DATA_DIR=$3/nobody/data" "${as_user[@]}")
  fi
  chmod 755 "$3"
fi
