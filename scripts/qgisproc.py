#!/usr/bin/env python3
"""Run ``qgis_process`` headlessly with this checkout's plugin enabled.

Used by the tests, ``make demo`` and ``make bench``; also a command-line tool:

    scripts/qgisproc.py list
    scripts/qgisproc.py run bildungslandschaft:catchments --NETWORK=... --FACILITIES=...
    scripts/qgisproc.py help bildungslandschaft:catchments

What it takes care of:
- the binary: ``$QGIS_PROCESS`` if set; else Debian's ``qgis_process.bin`` (the
  ``/usr/bin/qgis_process`` wrapper of Debian 12 passes an option that QGIS 3.22
  rejects); else ``qgis_process`` from ``PATH``;
- an isolated QGIS profile (``QGIS_CUSTOM_CONFIG_PATH``) so that the user's own
  settings and plugins are never touched;
- ``QGIS_PLUGINPATH`` pointing at a folder that holds the plugin (by default
  ``build/qgis_plugins`` with a link to this checkout's package), and
  ``plugins enable bildungslandschaft_plugin`` once per profile;
- ``QT_QPA_PLATFORM=offscreen``.
"""

import json
import os
import shutil
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PLUGIN_NAME = "bildungslandschaft_plugin"
DEFAULT_PLUGIN_DIR = os.path.join(ROOT, "build", "qgis_plugins")
DEFAULT_PROFILE_DIR = os.path.join(ROOT, "build", "qgis_profile")


class QgisProcessError(RuntimeError):
    """qgis_process exited with an error; ``.stdout``/``.stderr`` hold its output."""

    def __init__(self, message, stdout="", stderr=""):
        super().__init__(message)
        self.stdout = stdout
        self.stderr = stderr


def qgis_process_binary():
    """Path of a working qgis_process executable."""
    env_bin = os.environ.get("QGIS_PROCESS")
    if env_bin:
        return env_bin
    for candidate in ("/usr/bin/qgis_process.bin",):
        if os.path.exists(candidate):
            return candidate
    found = shutil.which("qgis_process.bin") or shutil.which("qgis_process")
    if not found:
        raise QgisProcessError("qgis_process not found: install QGIS (Debian: apt-get install qgis).")
    return found


def link_plugin(plugin_dir=DEFAULT_PLUGIN_DIR):
    """Make *plugin_dir*/bildungslandschaft_plugin point at this checkout's package."""
    os.makedirs(plugin_dir, exist_ok=True)
    link = os.path.join(plugin_dir, PLUGIN_NAME)
    target = os.path.join(ROOT, PLUGIN_NAME)
    if os.path.islink(link) and os.path.realpath(link) == os.path.realpath(target):
        return plugin_dir
    if os.path.islink(link) or os.path.isfile(link):
        os.remove(link)
    elif os.path.isdir(link):
        shutil.rmtree(link)
    os.symlink(target, link)
    return plugin_dir


def set_profile_locale(profile_dir, locale):
    """Make QGIS (and so the plugin's translation) use *locale* ("de", "en") in *profile_dir*."""
    import configparser

    ini = os.path.join(profile_dir, "profiles", "default", "QGIS", "QGIS3.ini")
    os.makedirs(os.path.dirname(ini), exist_ok=True)
    cfg = configparser.RawConfigParser()
    cfg.optionxform = str
    if os.path.exists(ini):
        cfg.read(ini, encoding="utf-8")
    if not cfg.has_section("locale"):
        cfg.add_section("locale")
    cfg.set("locale", "overrideFlag", "true")
    cfg.set("locale", "userLocale", locale)
    with open(ini, "w", encoding="utf-8") as fh:
        cfg.write(fh, space_around_delimiters=False)


def environment(plugin_dir=None, profile_dir=None, base_env=None, locale=None):
    """Environment for a headless qgis_process with the plugin on its path.

    *locale* (e.g. "de") sets the profile's user interface language, which the
    plugin's messages, field labels and layout texts follow.
    """
    env = dict(os.environ if base_env is None else base_env)
    plugin_dir = plugin_dir or link_plugin()
    profile_dir = profile_dir or DEFAULT_PROFILE_DIR
    os.makedirs(profile_dir, exist_ok=True)
    if locale:
        set_profile_locale(profile_dir, locale)
    env["QGIS_PLUGINPATH"] = plugin_dir
    env["QGIS_CUSTOM_CONFIG_PATH"] = profile_dir
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("XDG_RUNTIME_DIR", os.path.join(profile_dir, "runtime"))
    os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700, exist_ok=True)
    env.pop("DISPLAY", None) if env.get("QT_QPA_PLATFORM") == "offscreen" else None
    return env


def _call(args, env, timeout=None, check=True):
    cmd = [qgis_process_binary()] + list(args)
    proc = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout)
    if check and proc.returncode != 0:
        raise QgisProcessError(
            "qgis_process {} failed (exit {}):\n{}\n{}".format(
                " ".join(args[:2]), proc.returncode, proc.stdout[-4000:], proc.stderr[-4000:]),
            proc.stdout, proc.stderr)
    return proc


def enable_plugin(env):
    """``qgis_process plugins enable bildungslandschaft_plugin`` (idempotent)."""
    marker = os.path.join(env["QGIS_CUSTOM_CONFIG_PATH"], ".bildungslandschaft_enabled")
    if os.path.exists(marker):
        return
    proc = _call(["plugins", "enable", PLUGIN_NAME], env, check=False)
    listing = _call(["plugins"], env, check=False).stdout
    if PLUGIN_NAME not in listing:
        raise QgisProcessError(
            "qgis_process does not see the plugin in {}:\n{}\n{}".format(
                env["QGIS_PLUGINPATH"], proc.stdout, proc.stderr))
    with open(marker, "w") as fh:
        fh.write("enabled\n")


def _format_value(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def parameter_args(params):
    """``{"A": 1, "L": [x, y]}`` -> ``["--A=1", "--L=x", "--L=y"]``."""
    args = []
    for key, value in (params or {}).items():
        if value is None:
            continue
        values = value if isinstance(value, (list, tuple)) else [value]
        for v in values:
            args.append("--{}={}".format(key, _format_value(v)))
    return args


def run(algorithm, params=None, project_path=None, env=None, timeout=None):
    """Run *algorithm* with *params*; return the parsed ``--json`` result (dict).

    Raises :class:`QgisProcessError` with qgis_process's output when it fails.
    """
    env = env or environment()
    enable_plugin(env)
    args = ["--json", "run", algorithm]
    extra = parameter_args(params)
    if project_path:
        extra.append("--PROJECT_PATH={}".format(project_path))
    args += extra  # qgis_process 3.22 takes --NAME=value directly after the algorithm id
    proc = _call(args, env, timeout=timeout)
    text = proc.stdout
    start = text.find("{")
    if start < 0:
        raise QgisProcessError("qgis_process printed no JSON:\n" + text, proc.stdout, proc.stderr)
    result = json.loads(text[start:])
    result.setdefault("log", {})
    return result


def algorithm_list(env=None):
    """Ids of every algorithm qgis_process lists."""
    env = env or environment()
    enable_plugin(env)
    out = _call(["--json", "list"], env).stdout
    data = json.loads(out[out.find("{"):])
    ids = []
    for provider in data.get("providers", {}).values():
        ids.extend(provider.get("algorithms", {}).keys())
    return ids


def main(argv):
    env = environment()
    enable_plugin(env)
    proc = subprocess.run([qgis_process_binary()] + argv[1:], env=env)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv))
