#!/usr/bin/env python3
"""Write ``resources/templates/district_profile.qpt`` from ``profile_layout.build_template``.

    /usr/bin/python3 scripts/make_profile_template.py
"""

import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from qgis.core import QgsApplication, QgsProject  # noqa: E402


def main():
    from bildungslandschaft_plugin.rendering import profile_layout

    layout = profile_layout.build_template(QgsProject.instance())
    path = os.path.join(ROOT, "resources", "templates", profile_layout.TEMPLATE_NAME)
    profile_layout.save_template(layout, path)
    print("wrote", path)


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QgsApplication([], False)
    app.initQgis()
    main()
