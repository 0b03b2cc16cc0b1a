#!/usr/bin/env bash
# Screenshot of the plugin in a real QGIS window (Xvfb, German UI, throw-away profile) -> docs/img/qgis_plugin.png
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
mkdir -p "$profile/profiles/default/python/plugins" "$profile/profiles/default/QGIS"
ln -s "$root/bildungslandschaft_plugin" "$profile/profiles/default/python/plugins/bildungslandschaft_plugin"
cat > "$profile/profiles/default/QGIS/QGIS3.ini" <<INI
[PythonPlugins]
bildungslandschaft_plugin=true
processing=true

[locale]
overrideFlag=true
userLocale=de

[qgis]
checkVersion=false
INI
BL_ROOT="$root" BL_SHOT="$root/docs/img/qgis_plugin.png" QGIS_CUSTOM_CONFIG_PATH="$profile" \
  timeout 180 xvfb-run -a -s "-screen 0 1440x900x24" qgis --noversioncheck --nologo \
  --code "$root/scripts/screenshot_qgis.py" >/dev/null 2>&1 || true
test -s "$root/docs/img/qgis_plugin.png" && echo "wrote docs/img/qgis_plugin.png"
