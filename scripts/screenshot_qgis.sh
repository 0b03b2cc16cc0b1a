#!/usr/bin/env bash
# Screenshots of a real QGIS window (Xvfb, German UI, throw-away profile).
#
#   scripts/screenshot_qgis.sh            # the plugin: toolbox and menu          -> docs/img/qgis_plugin.png
#   scripts/screenshot_qgis.sh project    # demo_output/Musterstadt.qgz opened    -> docs/img/qgis_project.png
#                                         #   and its profile atlas in the layout designer -> docs/img/qgis_atlas_layout.png
#
# BL_PROJECT, BL_SHOT and BL_SHOT_LAYOUT override the project and the image paths (the tests write elsewhere).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-plugin}
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
if [ "$mode" = "project" ]; then
  export BL_PROJECT=${BL_PROJECT:-$root/demo_output/Musterstadt.qgz}
  export BL_SHOT=${BL_SHOT:-$root/docs/img/qgis_project.png}
  export BL_SHOT_LAYOUT=${BL_SHOT_LAYOUT:-$root/docs/img/qgis_atlas_layout.png}
  test -s "$BL_PROJECT" || { echo "no project $BL_PROJECT: run make demo first" >&2; exit 1; }
else
  export BL_SHOT=${BL_SHOT:-$root/docs/img/qgis_plugin.png}
fi
rm -f "$BL_SHOT" "${BL_SHOT_LAYOUT:-/nonexistent}"
BL_ROOT="$root" BL_MODE="$mode" QGIS_CUSTOM_CONFIG_PATH="$profile" \
  timeout 240 xvfb-run -a -s "-screen 0 1440x900x24" qgis --noversioncheck --nologo \
  --code "$root/scripts/screenshot_qgis.py" >/dev/null 2>&1 || true
test -s "$BL_SHOT" || { echo "no screenshot written: $BL_SHOT" >&2; exit 1; }
echo "wrote $BL_SHOT${BL_SHOT_LAYOUT:+ and $BL_SHOT_LAYOUT}"
