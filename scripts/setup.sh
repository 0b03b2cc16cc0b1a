#!/usr/bin/env bash
# Install what the tests, the demo and the benchmarks need, then make the
# virtual environment .venv (Debian's python3 with --system-site-packages, so it
# sees QGIS, numpy, pandas and scipy from Debian; pytest and pytest-qgis pinned
# from PyPI). Safe to run again: it only installs what is missing.
# Works on Debian 12 (QGIS 3.22), 13 (QGIS 3.40) and unstable (QGIS 3.44).
# `setup.sh --debian-only` installs the Debian packages and stops (used by scripts/qgis_root.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

# Liberation Sans is the font of the PDF layouts (resources/templates/*.qpt, layouts.PREFERRED_FAMILIES);
# installing it makes maps and profiles look the same on every machine. Debian 12 has the 2.x
# release as fonts-liberation2; from Debian 13 on fonts-liberation is 2.x.
. /etc/os-release
case "${VERSION_CODENAME:-}" in
  bookworm) FONTS="fonts-liberation2 fonts-dejavu-core" ;;
  *) FONTS="fonts-liberation fonts-dejavu-core" ;;
esac
DEBIAN_PACKAGES="qgis python3-qgis qgis-providers python3-pandas python3-scipy python3-openpyxl python3-odf \
python3-venv python3-pip xvfb xauth poppler-utils pyqt5-dev-tools qttools5-dev-tools chromium $FONTS"
PY=/usr/bin/python3

missing=""
for pkg in $DEBIAN_PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done

if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian packages:$missing"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "Missing Debian packages:$missing" >&2
    echo "Install them as root with:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends$missing" >&2
    exit 1
  fi
fi

if [ "${1:-}" = "--debian-only" ]; then
  exit 0
fi

if ! "$PY" -c "import qgis.core" 2>/dev/null; then
  echo "$PY cannot import qgis.core although python3-qgis is installed." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c "import qgis.core" 2>/dev/null; then
  rm -rf .venv
  "$PY" -m venv --system-site-packages .venv
fi
if ! cmp -s requirements-dev.txt .venv/.requirements-installed 2>/dev/null; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  cp requirements-dev.txt .venv/.requirements-installed
fi

# axe-core for the web-map accessibility test (npm registry, pinned)
bash scripts/install_web_test_tools.sh

# PostgreSQL + PostGIS for the PostGIS tests (Debian packages)
bash scripts/setup_postgis.sh
