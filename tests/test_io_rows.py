"""No row lost: every output format, inputs with a repeating, a text or no ``fid`` attribute (issue 12)."""

import processing
import pytest

from bildungslandschaft_plugin.processing import ids
from tests import supply_data as data
from tests.io_util import FORMATS, column_sum, output_path, rows, save, with_fid

CA = ids.full_id(ids.CAPACITY_ALLOCATION)


def _demand(tmp_path, kind):
    layer = with_fid(data.demand_layer(), kind)
    if kind == "gpkg":  # a GeoPackage input: QGIS shows its primary key as a field "fid"
        return save(layer, str(tmp_path / "adressen.gpkg"))
    if kind in ("dup", "text"):  # two "Save as" GeoJSON exports merged: the fid attribute repeats
        return save(layer, str(tmp_path / "adressen_{}.geojson".format(kind)))
    return layer


@pytest.mark.parametrize("ext", FORMATS)
@pytest.mark.parametrize("kind", ["none", "gpkg", "dup", "text"])
def test_capacityallocation_split_rows_all_written(tmp_path, kind, ext):
    """Capacities force splits: every part arrives, in every format (470 children = 40 assigned + 430 unserved)."""
    demand = _demand(tmp_path, kind)
    res = processing.run(CA, data.od_params(
        DEMAND=demand, CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND=output_path(tmp_path, "zuordnung", ext),
        OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    reference = processing.run(CA, data.od_params(CAPACITY="plaetze", MAX_COST=30, OUTPUT_DEMAND="memory:",
                                                  OUTPUT_FACILITIES="memory:", OUTPUT_SUMMARY="memory:"))
    n_ref = len(rows(reference["OUTPUT_DEMAND"]))
    assert n_ref > 5  # at least one address split into parts
    assert len(rows(res["OUTPUT_DEMAND"])) == n_ref
    assert column_sum(res["OUTPUT_DEMAND"], "assigned") == pytest.approx(40)
    assert column_sum(res["OUTPUT_DEMAND"], "unserved") == pytest.approx(430)
