"""What the benchmark scripts share (``bench.py``, ``bench_supply.py``, ``bench_osm.py``, ...).

- importing this module puts the checkout and ``scripts/`` on ``sys.path`` (:data:`ROOT`);
- :func:`start_qgis`: QGIS offscreen with Processing and the plugin's provider;
- :func:`run_worker`: run a script's ``--worker`` mode in a fresh process and read its result line;
- :func:`median_run`, :class:`LogFeedback` (a feedback that keeps the log), :func:`sample_gpkg`.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
for _path in (ROOT, os.path.join(ROOT, "scripts")):
    if _path not in sys.path:
        sys.path.insert(0, _path)


def start_qgis():
    """``(QgsApplication, plugin)``: QGIS offscreen, Processing initialised, the plugin's provider registered."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    sys.path.insert(0, "/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(None)
    plugin.initProcessing()
    return app, plugin


def run_worker(script, args, marker, timeout):
    """Run ``python script --worker ...`` (*args*) in a fresh process (QGIS offscreen).

    Returns ``(result, None)`` with the JSON after the first stdout line starting with *marker*, or
    ``(None, reason)`` when the process timed out or printed no such line.
    """
    cmd = [sys.executable, os.path.abspath(script)] + list(args)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        return None, "timed out after {:.0f} s".format(timeout)
    for line in proc.stdout.splitlines():
        if line.startswith(marker):
            return json.loads(line[len(marker):]), None
    return None, "failed:\n{}\n{}".format(proc.stdout[-2000:], proc.stderr[-2000:])


def report(text, out_dir, name):
    """Print the benchmark's markdown *text* and write it to ``<out_dir>/<name>``."""
    text = text.rstrip("\n") + "\n"
    print(text, end="")
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, name), "w", encoding="utf-8") as fh:
        fh.write(text)


def median_run(runs, key):
    """The run with the median *key* (the lower middle one for an even count)."""
    ordered = sorted(runs, key=key)
    return ordered[(len(ordered) - 1) // 2]


def sample_gpkg(scale, out_dir):
    """The sample city (seed 42) at *scale* in ``out_dir/city_<scale>``; the path of its GeoPackage."""
    from bildungslandschaft_plugin.sample import generator

    paths = generator.generate(os.path.join(out_dir, "city_{:g}".format(scale)), scale=scale, seed=42)
    return paths["gpkg"]


class LogFeedback:
    """A ``QgsProcessingFeedback`` that keeps every info and warning line in ``lines`` (made after QGIS starts)."""

    def __new__(cls):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.lines = []

            def pushInfo(self, info):  # noqa: N802
                self.lines.append(info)

            def pushWarning(self, warning):  # noqa: N802
                self.lines.append(warning)

        return _Feedback()
