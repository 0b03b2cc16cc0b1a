"""Run ``qgis_process`` headlessly with this checkout's plugin (a temporary profile)."""

import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_NAME = "bildungslandschaft_plugin"


def run_qgis_process(algorithm_id, params, timeout=300):
    """Run *algorithm_id* with *params* -> (returncode, parsed JSON or None, stdout + stderr)."""
    profile = tempfile.mkdtemp(prefix="bl_qgisproc_")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_CUSTOM_CONFIG_PATH=profile,
               QGIS_PLUGINPATH=ROOT, XDG_RUNTIME_DIR=profile)
    subprocess.run(["qgis_process.bin", "plugins", "enable", PLUGIN_NAME], env=env, capture_output=True,
                   timeout=timeout, check=False)
    args = ["qgis_process.bin", "--json", "run", algorithm_id, "--"]
    for key, value in params.items():
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            args.append("{}={}".format(key, v))
    proc = subprocess.run(args, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    data = None
    start = proc.stdout.find("{")
    if start >= 0:
        try:
            data = json.loads(proc.stdout[start:])
        except ValueError:
            data = None
    return proc.returncode, data, proc.stdout + proc.stderr
