#!/usr/bin/env bash
# Regenerate fonts/*.ttf, fonts/OFL.txt and fonts/PROVENANCE.md from Debian's fonts-noto-cjk.
# Needs apt (Debian bookworm) and PyPI. Output is byte-identical for the same package and
# fontTools versions; PROVENANCE.md records both and each file's SHA-256.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
FONTTOOLS_VERSION=4.68.0
DEB_VERSION=1:20220127+repack1-1   # the version the committed files were made from

sudo=""
[ "$(id -u)" = 0 ] || sudo=sudo
if ! dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null | grep -q 'ok installed' \
   || ! python3 -m venv --help >/dev/null 2>&1; then
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends \
    fonts-noto-cjk python3 python3-venv
fi
have=$(dpkg-query -W -f='${Version}' fonts-noto-cjk)
if [ "$have" != "$DEB_VERSION" ]; then
  echo "warning: fonts-noto-cjk is $have, the committed fonts came from $DEB_VERSION;" >&2
  echo "         the output will differ: review PROVENANCE.md before committing it." >&2
fi

venv=${PAIBAN_FONTS_VENV:-"${XDG_CACHE_HOME:-$HOME/.cache}/paiban-fonts-venv"}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "fonttools==$FONTTOOLS_VERSION"
"$venv/bin/python" "$here/build_fonts.py"
