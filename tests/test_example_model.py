"""The example Model Designer model resources/models/handlungsbedarf.model3, run on a small sample city."""

import os

import numpy as np
import processing
import pytest
from qgis.core import QgsProcessingModelAlgorithm, QgsVectorLayer

import make_example_model

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MODEL = os.path.join(ROOT, "resources", "models", "handlungsbedarf.model3")

# docs/social_index.md, priority matrix: rows index class 1..4, columns deficit class 1..3
MATRIX = {1: {1: 4, 2: 4, 3: 3}, 2: {1: 4, 2: 3, 3: 2}, 3: {1: 3, 2: 2, 3: 1}, 4: {1: 2, 2: 1, 3: 1}}


def _null(value):
    return value is None or (hasattr(value, "isNull") and value.isNull())


def test_shipped_model_is_the_one_the_script_builds(tmp_path):
    """resources/models/handlungsbedarf.model3 is up to date with scripts/make_example_model.py."""
    fresh = str(tmp_path / "fresh.model3")
    assert make_example_model.build_model().toFile(fresh)
    shipped = QgsProcessingModelAlgorithm()
    assert shipped.fromFile(MODEL)
    rebuilt = QgsProcessingModelAlgorithm()
    assert rebuilt.fromFile(fresh)
    assert sorted(shipped.childAlgorithms()) == sorted(rebuilt.childAlgorithms())
    for child_id, child in shipped.childAlgorithms().items():
        other = rebuilt.childAlgorithm(child_id)
        assert child.algorithmId() == other.algorithmId()
        assert sorted(child.parameterSources()) == sorted(other.parameterSources())
    # the same inputs and model outputs; the order of parameterDefinitions() and the names of the output
    # parameters differ between QGIS versions ("priority:Handlungsbedarf" on 3.22, "handlungsbedarf" on 3.40)
    def inputs(model):
        return sorted(p.name() for p in model.parameterDefinitions() if not p.isDestination())

    def outputs(model):
        return sorted((cid, name) for cid, child in model.childAlgorithms().items() for name in child.modelOutputs())

    assert inputs(shipped) == inputs(rebuilt)
    assert outputs(shipped) == outputs(rebuilt) and outputs(shipped)


@pytest.fixture(scope="module")
def model_result(tmp_path_factory):
    from bildungslandschaft_plugin.sample.generator import generate

    tmp = tmp_path_factory.mktemp("model")
    paths = generate(str(tmp / "city"), scale=0.1)
    gpkg = paths["gpkg"]
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(MODEL)
    assert model.validate()[0], model.validate()[1]
    out = str(tmp / "handlungsbedarf.gpkg")
    params = {
        "ortsteile": gpkg + "|layername=ortsteile", "sozialdaten": paths["social_csv"], "jahr": 2025,
        "mindestbevoelkerung": 100, "strassen": gpkg + "|layername=strassen",
        "grundschulen": gpkg + "|layername=einrichtungen|subset=\"typ\" = 'Grundschule'",
        "adressen": gpkg + "|layername=adressen", make_example_model.output_parameter_name(model): out,
    }
    result = processing.run(model, params)
    layer = QgsVectorLayer(result[make_example_model.output_parameter_name(model)], "out", "ogr")
    assert layer.isValid()
    names = [f.name() for f in layer.fields()]
    feats = [dict(zip(names, [None if _null(v) else v for v in f.attributes()])) for f in layer.getFeatures()]
    keys = [f["ot_key"] for f in QgsVectorLayer(gpkg + "|layername=ortsteile", "ot", "ogr").getFeatures()]
    del layer, model
    return feats, keys


def test_model_gives_every_district_a_priority_or_a_reason(model_result):
    feats, keys = model_result
    assert sorted(f["ot_key"] for f in feats) == sorted(keys)
    with_priority = 0
    for f in feats:
        if _null(f["priority"]):
            assert f["priority_note"], f["ot_key"]
            assert _null(f["index_class"]) or _null(f["beyond_1000"])
            continue
        with_priority += 1
        assert f["priority"] in (1, 2, 3, 4)
        assert f["priority"] == MATRIX[f["index_class"]][f["deficit_class"]]
        assert f["schwerpunktraum"] == (1 if f["priority"] == 1 else 0)
        if f["priority"] == 1:
            assert f["index_class"] >= 3
    assert with_priority >= len(feats) // 2


def test_model_deficit_is_the_share_beyond_1000_m_in_terciles(model_result):
    feats, _ = model_result
    deficit = np.array([np.nan if _null(f["beyond_1000"]) else f["beyond_1000"] for f in feats])
    for f, d in zip(feats, deficit):
        if not np.isnan(d):
            assert d == pytest.approx(100.0 - f["share_1000"], abs=0.01)
    ok = ~np.isnan(deficit)
    t1, t2 = np.quantile(deficit[ok], [1 / 3, 2 / 3])
    for f, d in zip(feats, deficit):
        if np.isnan(d) or _null(f["deficit_class"]):
            continue
        expected = 1 if d <= t1 + 1e-9 else (2 if d <= t2 + 1e-9 else 3)
        assert f["deficit_class"] == expected, (f["ot_key"], d, t1, t2)
    # the index classes come from the social index step: Berlin classes 1..4 present
    classes = {f["index_class"] for f in feats if not _null(f["index_class"])}
    assert classes <= {1, 2, 3, 4} and len(classes) >= 2
