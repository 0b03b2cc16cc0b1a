"""German in batch use: the translation loads in qgis_process, and every parameter has a German text."""

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

import pytest
import qgisproc

from bildungslandschaft_plugin import translation
from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.provider import algorithm_classes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# texts that are the same in German (proper names)
SAME_IN_GERMAN = {"Bildungskompass", "Logo", "GeoPackage"}


def _texts(alg):
    out = {"displayName": alg.displayName(), "shortHelpString": alg.shortHelpString(), "group": alg.group()}
    for p in alg.parameterDefinitions():
        out["{} description".format(p.name())] = p.description()
        out["{} help".format(p.name())] = p.help()
    for o in alg.outputDefinitions():
        out["{} output description".format(o.name())] = o.description()
    return out


@pytest.fixture(scope="module")
def german():
    if not os.path.exists(translation.qm_path("de")):
        subprocess.run([sys.executable, os.path.join(ROOT, "scripts", "i18n.py"), "compile"], check=True)
    english = {}
    for cls in algorithm_classes():
        alg = cls()
        alg.initAlgorithm({})
        english[alg.name()] = _texts(alg)
    assert translation.install_translator("de")
    try:
        german = {}
        for cls in algorithm_classes():
            alg = cls()
            alg.initAlgorithm({})
            german[alg.name()] = _texts(alg)
    finally:
        translation.remove_translator()
    return english, german


@pytest.mark.parametrize("alg_id", sorted(cls().name() for cls in algorithm_classes()))
def test_every_text_of_the_algorithm_is_german(german, alg_id):
    english, translated = german
    untranslated = [
        "{}: {!r}".format(key, text) for key, text in english[alg_id].items()
        if text and text == translated[alg_id][key] and text not in SAME_IN_GERMAN]
    assert not untranslated, "English in the German {}:\n{}".format(alg_id, "\n".join(untranslated))
    # help texts exist for every parameter (add_param), in both languages
    assert all(translated[alg_id][k] for k in translated[alg_id] if k.endswith(" help"))


def _german_fragment(template):
    """The longest fixed piece of the German translation of *template* (placeholders cut out)."""
    assert translation.install_translator("de")
    try:
        german = translation.tr(template)
    finally:
        translation.remove_translator()
    assert german != template
    return max(re.split(r"\{\d+\}", german), key=len).strip()


FIELD_MISSING = "Field '{0}' ({1}) is not in layer {2}."
NO_FOLDER = "The folder for the output {0} does not exist: {1}"


def _group_cases(city):
    gpkg, csv = city["gpkg"], city["social_csv"]
    L = "{}|layername={}".format
    return [  # (group id, algorithm, parameters, message template)
        (ids.GROUP_DATA, ids.JOIN_SOCIAL_DATA, {
            "DISTRICTS": L(gpkg, "ortsteile"), "DISTRICT_KEY": "gibts_nicht", "TABLE": csv, "TABLE_KEY": "Ortsteil",
            "OUTPUT": "TEMPORARY_OUTPUT"}, FIELD_MISSING),
        (ids.GROUP_NETWORK, ids.CATCHMENTS, {
            "NETWORK": L(gpkg, "strassen"), "FACILITIES": L(gpkg, "einrichtungen"), "FACILITY_ID": "gibts_nicht",
            "DEMAND": L(gpkg, "adressen"), "OUTPUT_DEMAND": "TEMPORARY_OUTPUT",
            "OUTPUT_FACILITIES": "TEMPORARY_OUTPUT"}, FIELD_MISSING),
        (ids.GROUP_SUPPLY, ids.SUPPLY_DEMAND, {
            "DEMAND": L(gpkg, "adressen"), "FACILITIES": L(gpkg, "einrichtungen"), "SUPPLY": "kapazitaet",
            "NETWORK": L(gpkg, "strassen"), "OUTPUT_DEMAND": city["nofolder"] + "/d.gpkg",
            "OUTPUT_FACILITIES": "TEMPORARY_OUTPUT"}, NO_FOLDER),
        (ids.GROUP_SOCIAL, ids.PRIORITY_AREAS, {
            "INPUT": L(gpkg, "ortsteile"), "INDEX_CLASS": "einwohner", "DEFICIT": "gibts_nicht",
            "OUTPUT": "TEMPORARY_OUTPUT"}, FIELD_MISSING),
        (ids.GROUP_OUTPUT, ids.EXPORT_MAP, {
            "LAYERS": [L(gpkg, "ortsteile")], "TITLE": "Test", "OUTPUT": city["nofolder"] + "/karte.pdf"}, NO_FOLDER),
        (ids.GROUP_COMPASS, ids.COOPERATION_NETWORK, {
            "FACILITIES": L(gpkg, "einrichtungen"), "FACILITY_ID": "gibts_nicht", "PARTNERSHIPS": city["partnerships_csv"],
            "OUTPUT_LINKS": "TEMPORARY_OUTPUT", "OUTPUT_FACILITIES": "TEMPORARY_OUTPUT"}, FIELD_MISSING),
    ]


def test_group_cases_cover_every_group():
    cases = _group_cases({"gpkg": "g", "social_csv": "s", "partnerships_csv": "c", "nofolder": "n"})
    group_of = {cls().name(): cls.GROUP_ID for cls in algorithm_classes()}
    assert {case[0] for case in cases} == set(group_of.values())
    assert all(group_of[alg] == group for group, alg, *_ in cases)


@pytest.fixture(scope="module")
def german_runs(tmp_path_factory):
    from bildungslandschaft_plugin.sample.generator import generate

    tmp = tmp_path_factory.mktemp("german")
    city = dict(generate(str(tmp / "city"), scale=0.05))
    city["nofolder"] = str(tmp / "fehlt")
    env = qgisproc.environment(profile_dir=str(tmp / "profile_de"), locale="de")
    qgisproc.enable_plugin(env)

    def run(case):
        try:
            qgisproc.run(ids.full_id(case[1]), case[2], env=env, timeout=300)
            return None
        except qgisproc.QgisProcessError as err:
            return err.stdout + "\n" + err.stderr

    cases = _group_cases(city)
    with ThreadPoolExecutor(max_workers=2) as pool:
        outputs = list(pool.map(run, cases))
    help_text = subprocess.run([qgisproc.qgis_process_binary(), "help", ids.full_id(ids.SOCIAL_INDEX)], env=env,
                               capture_output=True, text=True, timeout=300).stdout
    return {case[0]: (case, out) for case, out in zip(cases, outputs)}, help_text


@pytest.mark.parametrize("group", [ids.GROUP_DATA, ids.GROUP_NETWORK, ids.GROUP_SUPPLY, ids.GROUP_SOCIAL,
                                   ids.GROUP_OUTPUT, ids.GROUP_COMPASS])
def test_qgis_process_speaks_german(german_runs, group):
    runs, _ = german_runs
    case, out = runs[group]
    assert out is not None, "{} ran through".format(case[1])
    assert "Traceback" not in out
    assert _german_fragment(case[3]) in out, out[-2000:]


def test_qgis_process_help_is_german(german_runs):
    _, help_text = german_runs
    for english in ("Social index (Sozialindex)", "Areas (polygon layer or table)", "Minimum population",
                    "Residents per area; areas below the minimum are left out of the standardisation."):
        assert _german_fragment(english) in help_text, (english, help_text[:3000])
