"""Distances in true metres whatever the CRS of the inputs (issue 12, item 5)."""

from tests.util import LogFeedback
import json

import processing
import pytest
from qgis.core import NULL, QgsCoordinateReferenceSystem, QgsProcessingException, QgsProcessingFeedback, QgsRectangle

from bildungslandschaft_plugin.processing import base, ids
from tests.test_network_algorithms import demand_layer, facility_layer, shifted, street_layer, to_crs

CATCH = ids.full_id(ids.CATCHMENTS)
SERVICE = ids.full_id(ids.SERVICE_AREAS)


def catchment_costs(net, fac, dem, feedback=None):
    res = processing.run(CATCH, {
        "NETWORK": net, "FACILITIES": fac, "FACILITY_ID": "einr_id", "DEMAND": dem, "DEMAND_WEIGHT": "ew",
        "SNAP_TOLERANCE": 200, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"},
        feedback=feedback or QgsProcessingFeedback())
    return {f["adr_id"]: (f["facility_id"], f["cost"]) for f in res["OUTPUT_DEMAND"].getFeatures()}


def berlin():
    return shifted(street_layer()), shifted(facility_layer()), shifted(demand_layer())


def assert_same_costs(got, want):
    assert got.keys() == want.keys()
    for key, (fac, cost) in want.items():
        assert got[key][0] == fac
        if cost == NULL:
            assert got[key][1] == NULL, key
        else:
            assert got[key][1] == pytest.approx(cost, abs=0.001), key   # to the millimetre


def test_web_mercator_streets_give_the_same_costs_as_utm():
    net, fac, dem = berlin()
    want = catchment_costs(net, fac, dem)
    assert want["A1"] == ("GS001", pytest.approx(115.0))            # hand-worked in test_network_algorithms
    log = LogFeedback()
    got = catchment_costs(to_crs(net, "EPSG:3857"), fac, dem, log)
    assert_same_costs(got, want)
    assert any("Working CRS: EPSG:25833" in line for line in log.lines), log.lines
    assert any("EPSG:3857" in line and "reprojected" in line for line in log.lines), log.lines


def test_all_geographic_gives_the_utm_zone_of_the_data():
    net, fac, dem = berlin()
    want = catchment_costs(net, fac, dem)
    log = LogFeedback()
    got = catchment_costs(to_crs(net, "EPSG:4326"), to_crs(fac, "EPSG:4326"), to_crs(dem, "EPSG:4326"), log)
    assert_same_costs(got, want)
    assert any("EPSG:25833" in line for line in log.lines), log.lines


def test_all_web_mercator_is_never_used_for_distances():
    net, fac, dem = berlin()
    want = catchment_costs(net, fac, dem)
    got = catchment_costs(*(to_crs(layer, "EPSG:3857") for layer in (net, fac, dem)))
    assert_same_costs(got, want)   # and not 1.64 times longer


class BogusExtent:
    """A source whose provider reports (0,0)-(180,90), as GDAL's OSM driver does."""

    def __init__(self, layer):
        self.layer = layer

    def sourceCrs(self):  # noqa: N802
        return self.layer.crs()

    def sourceExtent(self):  # noqa: N802
        return QgsRectangle(0, 0, 180, 90)

    def sourceName(self):  # noqa: N802
        return self.layer.name()

    def getFeatures(self, request=None):  # noqa: N802
        return self.layer.getFeatures(request) if request is not None else self.layer.getFeatures()


def test_extent_comes_from_the_features_not_the_driver():
    net = to_crs(shifted(street_layer()), "EPSG:4326")
    crs = base.working_crs([BogusExtent(net)])
    assert crs.authid() == "EPSG:25833"        # Berlin, not zone 46 (the centre of 0..180, 0..90)


def test_project_crs_used_when_no_input_keeps_distances(qgis_new_project):
    from qgis.core import QgsProject

    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:3068"))   # Soldner Berlin
    try:
        net = to_crs(shifted(street_layer()), "EPSG:4326")
        assert base.working_crs([net]).authid() == "EPSG:3068"
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
        assert base.working_crs([net]).authid() == "EPSG:25833"
    finally:
        QgsProject.instance().setCrs(QgsCoordinateReferenceSystem())


def test_scale_error_of_usual_crs():
    box = QgsRectangle(13.3, 52.4, 13.5, 52.6)                       # Berlin
    assert base.scale_error(QgsCoordinateReferenceSystem("EPSG:25833"), box) < 0.001
    assert base.scale_error(QgsCoordinateReferenceSystem("EPSG:31468"), box) < 0.001   # Gauss-Krüger 4
    assert base.scale_error(QgsCoordinateReferenceSystem("EPSG:3857"), box) is None
    assert base.scale_error(QgsCoordinateReferenceSystem("EPSG:4326"), box) is None
    # UTM zone 31 is 10 degrees away: 0.8 % too long, refused
    assert base.scale_error(QgsCoordinateReferenceSystem("EPSG:25831"), box) > base.MAX_SCALE_ERROR


def test_utm_metres_in_a_geojson_stop_the_run(tmp_path):
    """A GeoJSON without a crs member is read as EPSG:4326; UTM metres there are no degrees."""
    path = tmp_path / "adressen_utm.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"adr_id": "A{}".format(k), "ew": 3},
         "geometry": {"type": "Point", "coordinates": [390100.0 + k, 5820005.0]}} for k in range(3)]}))
    net, fac, _dem = berlin()
    with pytest.raises(QgsProcessingException) as err:
        catchment_costs(net, fac, str(path))
    assert "adressen_utm" in str(err.value) and "degrees" in str(err.value)
