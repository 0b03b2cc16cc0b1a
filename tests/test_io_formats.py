"""Every algorithm's outputs in GeoPackage, Shapefile, GeoJSON, CSV and memory: same rows, same sums (issue 12).

The sample city at scale 0.1 (as in the bad-input sweep), in-process through processing.run. The memory
output is the reference; every file format must hold the same number of rows and, column by column, the
same sum of every numeric field (the input's ``fid`` is never written, so the columns line up).
"""

import processing
import pytest
from qgis.core import QgsVectorLayer

from bildungslandschaft_plugin.processing import ids
from tests.io_util import read_output
from tests.test_bad_input_sweep import _prepare_city, baselines

WITHOUT_LAYER_OUTPUTS = {ids.SAMPLE_CITY, ids.EXPORT_MAP, ids.EXPORT_WEB_MAP, ids.DISTRICT_PROFILES}
FILE_FORMATS = [".gpkg", ".shp", ".geojson", ".csv"]


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    return _prepare_city(tmp_path_factory.mktemp("formats"))


#: smaller runs of slow algorithms (the writers are the same for all; this keeps the test short)
LIGHTER = {ids.SERVICE_AREAS: {"THRESHOLDS": "300", "BUFFER": 20}}


def _params(city, alg_id, folder, ext):
    params = dict(LIGHTER.get(alg_id, {}))
    for key, value in baselines(city)[alg_id].items():
        if key in params:
            continue
        if isinstance(value, str) and value.startswith("@"):
            stem = value[1:].split(".")[0]
            value = "memory:" if ext is None else str(folder / (stem + ext))
        params[key] = value
    return params


def _number(v):
    if v is None or (hasattr(v, "isNull") and v.isNull()) or v == "":
        return None
    try:
        return float(v)
    except (TypeError, ValueError):
        return None


def _table(layer):
    """(column names, rows) without a GeoPackage's own fid column."""
    idx = [i for i, f in enumerate(layer.fields()) if f.name().lower() != "fid"]
    names = [layer.fields().at(i).name() for i in idx]
    rows = [[f.attributes()[i] for i in idx] for f in layer.getFeatures()]
    return names, rows


ALGORITHMS = sorted(set(baselines({"gpkg": "x", "bad": "y", "csv": "z", "coop": "c", "joined": "j", "index": "i",
                                   "centre": "0,0"})) - WITHOUT_LAYER_OUTPUTS)


@pytest.mark.parametrize("alg_id", ALGORITHMS)
def test_every_format_holds_the_same_rows_and_sums(city, tmp_path, alg_id):
    reference = processing.run(ids.full_id(alg_id), _params(city, alg_id, tmp_path, None))
    outputs = [k for k, v in reference.items() if isinstance(v, QgsVectorLayer)]
    assert outputs, reference
    for ext in FILE_FORMATS:
        folder = tmp_path / ext[1:]
        folder.mkdir()
        res = processing.run(ids.full_id(alg_id), _params(city, alg_id, folder, ext))
        for key in outputs:
            ref_layer = reference[key]
            ref_names, ref_rows = _table(ref_layer)
            names, rows = _table(read_output(res[key]))
            where = "{} {} {}".format(alg_id, key, ext)
            assert len(rows) == len(ref_rows), where
            assert len(names) == len(ref_names), (where, names, ref_names)
            if ext != ".shp":   # shapefiles cut names to 10 characters
                assert names == ref_names, where
            for j, field in enumerate(ref_layer.fields()):
                if not field.isNumeric() or field.name().lower() in ("fid", "seconds"):  # seconds: the run time
                    continue
                col = ref_names.index(field.name())
                want = [_number(r[col]) for r in ref_rows]
                got = [_number(r[col]) for r in rows]
                assert sum(v is None for v in got) == sum(v is None for v in want), (where, field.name())
                # a field with a precision is rounded to it by some drivers (the memory layer keeps every digit)
                rounding = len(rows) * 0.5 * 10.0 ** -field.precision() if field.precision() > 0 else 1e-6
                assert sum(v for v in got if v is not None) == pytest.approx(
                    sum(v for v in want if v is not None), rel=1e-6, abs=rounding), (where, field.name())
