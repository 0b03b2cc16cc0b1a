#!/usr/bin/env bash
# axe-core (accessibility rules, run inside headless Chromium by tests/test_webmap_accessibility.py), pinned,
# from the npm registry into build/web-test-tools (ignored by git). Only the test suite uses it; the plugin
# never ships it. Installs Debian's npm first when there is none (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
AXE_VERSION=4.10.3
DEST=build/web-test-tools
if [ -f "$DEST/node_modules/axe-core/package.json" ] && \
   grep -q "\"version\": \"$AXE_VERSION\"" "$DEST/node_modules/axe-core/package.json"; then
  exit 0
fi
if ! command -v npm >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "Installing Debian package: npm (for axe-core in the web-map accessibility test)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null
  else
    echo "npm is missing: sudo apt-get install npm (the web-map accessibility test needs axe-core)" >&2
    exit 1
  fi
fi
mkdir -p "$DEST"
npm install --silent --no-save --no-audit --no-fund --prefix "$DEST" "axe-core@$AXE_VERSION" >/dev/null
test -f "$DEST/node_modules/axe-core/axe.min.js"
