"""OpenStreetMap lines as a network: the tag rules (core/osm.py) and the reader hook."""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import osm


# --------------------------------------------------------------------------- other_tags
def test_other_tags_parsed_exactly():
    values = ['"access"=>"private","foot"=>"yes"',
              '"access:conditional"=>"no @ (2016 Apr 25 - 2016 Sep 26)","oneway"=>"yes"',
              None,
              '"note"=>"says \\"access\\"=>\\"no\\", but","access"=>"No"',
              '"foot"=>"designated","bicycle"=>"no"']
    tags = osm.parse_other_tags(values, keys=("access", "foot", "bicycle", "oneway", "note"))
    assert tags["access"].tolist() == ["private", "", "", "No", ""]
    assert tags["foot"].tolist() == ["yes", "", "", "", "designated"]
    assert tags["bicycle"].tolist() == ["", "", "", "", "no"]
    assert tags["oneway"].tolist() == ["", "yes", "", "", ""]
    # an escaped quote inside a value is part of the value, not a tag of its own
    assert tags["note"].tolist()[3] == 'says "access"=>"no", but'


def test_own_columns_win_over_other_tags():
    tags = osm.line_tags(3, {"access": ["no", None, ""]},
                         ['"access"=>"yes"', '"access"=>"private"', '"foot"=>"no"'])
    assert tags["access"].tolist() == ["no", "private", ""]
    assert tags["foot"].tolist() == ["", "", "no"]


# --------------------------------------------------------------------------- keep/drop per mode
CASES = [
    # highway, tags, walk, bicycle, car
    ("residential", {}, "", "", ""),
    (None, {}, "no_highway", "no_highway", "no_highway"),           # wall, fence, railway ...
    ("", {}, "no_highway", "no_highway", "no_highway"),
    ("construction", {}, "not_usable", "not_usable", "not_usable"),
    ("proposed", {"access": "no"}, "not_usable", "not_usable", "not_usable"),
    ("abandoned", {}, "not_usable", "not_usable", "not_usable"),
    ("platform", {}, "not_usable", "not_usable", "not_usable"),
    ("footway", {"access": "private"}, "access_no", "access_no", "access_no"),
    ("footway", {"access": "no", "foot": "yes"}, "", "access_no", "access_no"),
    ("track", {"access": "private", "bicycle": "designated"}, "access_no", "", "access_no"),
    ("service", {"access": "private", "motor_vehicle": "destination"}, "access_no", "access_no", ""),
    ("service", {"access": "no", "vehicle": "yes"}, "access_no", "access_no", ""),
    ("cycleway", {"foot": "no"}, "foot_no", "", ""),
    ("path", {"bicycle": "no"}, "", "bicycle_no", ""),
    ("primary", {"foot": "private", "access": "no"}, "foot_no", "access_no", "access_no"),
    ("residential", {"motorcar": "no"}, "", "", "motor_vehicle_no"),
    ("residential", {"access": "destination"}, "", "", ""),
    ("residential", {"access": "permissive"}, "", "", ""),
]


@pytest.mark.parametrize("mode,col", [("walk", 2), ("bicycle", 3), ("car", 4)])
def test_drop_reasons_per_mode(mode, col):
    highway = [c[0] for c in CASES]
    keys = ("access", "foot", "bicycle", "motor_vehicle", "motorcar", "vehicle")
    tags = {k: np.array([c[1].get(k, "").lower() for c in CASES], dtype=object) for k in keys}
    reason = osm.drop_reasons(highway, tags, mode)
    assert reason.tolist() == [c[col] for c in CASES]
    counts = osm.reason_counts(reason)
    assert sum(counts.values()) == sum(1 for c in CASES if c[col])
    assert list(counts) == [r for r in osm.REASONS if r in counts]


def test_osm_layer_detection():
    assert osm.is_osm_layer(["osm_id", "name", "highway", "waterway", "other_tags"])
    assert osm.is_osm_layer(["fid", "osm_way_id", "highway"])
    assert osm.is_osm_layer(["highway"], driver="OSM")
    # a network with a highway column but nothing from OSM keeps its lines without highway
    assert not osm.is_osm_layer(["str_id", "highway", "oneway"])
    assert not osm.is_osm_layer(["osm_id", "other_tags"])


# --------------------------------------------------------------------------- the reader hook
def osm_lines_layer(with_other_tags=True):
    """A tiny OSM-like line layer (EPSG:25832): a street, a wall beside it, a private way,
    a footway closed for walking and a one-way street in other_tags."""
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    fields = "field=osm_id:string&field=highway:string&field=barrier:string"
    if with_other_tags:
        fields += "&field=other_tags:string"
    else:
        fields += "&field=access:string&field=foot:string&field=oneway:string"
    layer = QgsVectorLayer("LineString?crs=EPSG:25832&" + fields, "lines", "memory")
    rows = [
        ("1", "residential", None, None, "LineString(0 0, 1000 0)"),
        ("2", None, "wall", None, "LineString(0 5, 1000 5)"),
        ("3", "service", None, '"access"=>"private"', "LineString(1000 0, 1000 500)"),
        ("4", "footway", None, '"foot"=>"no","bicycle"=>"yes"', "LineString(0 0, 0 500)"),
        ("5", "residential", None, '"oneway"=>"yes","maxspeed"=>"30"', "LineString(0 500, 1000 500)"),
        ("6", "construction", None, None, "LineString(500 0, 500 500)"),
    ]
    feats = []
    for osm_id, hw, barrier, other, wkt in rows:
        f = QgsFeature(layer.fields())
        if with_other_tags:
            f.setAttributes([osm_id, hw, barrier, other])
        else:
            tags = osm.parse_other_tags([other], keys=("access", "foot", "oneway"))
            f.setAttributes([osm_id, hw, barrier] + [tags[k][0] or None for k in ("access", "foot", "oneway")])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


class Log:
    def __init__(self):
        self.warnings, self.infos = [], []

    def pushWarning(self, text):  # noqa: N802
        self.warnings.append(text)

    def pushInfo(self, text):  # noqa: N802
        self.infos.append(text)

    def setProgress(self, value):  # noqa: N802
        pass

    def isCanceled(self):  # noqa: N802
        return False


def read(layer, mode):
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    from bildungslandschaft_plugin.processing import network_reader
    from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm

    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    log = Log()
    graph = network_reader.read_network(alg, {"NETWORK": layer, "MODE": mode}, QgsProcessingContext(), log,
                                        QgsCoordinateReferenceSystem("EPSG:25832"))
    return graph, log


@pytest.mark.parametrize("with_other_tags", [True, False])
def test_reader_drops_non_streets_and_reports_why(with_other_tags):
    layer = osm_lines_layer(with_other_tags)
    graph, log = read(layer, 0)  # walk
    assert graph.read_info["osm_dropped"] == {"no_highway": 1, "not_usable": 1, "foot_no": 1, "access_no": 1}
    kept = sorted(set(graph.seg_line.tolist()))
    assert len(kept) == 2  # the street at y=0 and the one-way street at y=500
    assert np.isclose(graph.seg_len.sum(), 2000.0)
    assert any("4 of 6 lines" in w and "1 no highway tag" in w for w in log.warnings)
    # bicycle may use the footway (foot=no only closes it for walking)
    graph, _log = read(layer, 1)
    assert graph.read_info["osm_dropped"] == {"no_highway": 1, "not_usable": 1, "access_no": 1}
    assert np.isclose(graph.seg_len.sum(), 2500.0)
    # car: oneway=yes from other_tags is respected (the street at y=500 only eastwards)
    graph, _log = read(layer, 2)
    assert graph.read_info["osm_dropped"] == {"no_highway": 1, "not_usable": 1, "access_no": 1}
    top = graph.seg_a[:, 1] == 500
    assert top.sum() == 1 and graph.seg_fwd[top].all() and not graph.seg_bwd[top].any()


def test_plain_network_with_null_highway_keeps_its_lines():
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:25832&field=highway:string", "net", "memory")
    feats = []
    for hw, wkt in (("residential", "LineString(0 0, 100 0)"), (None, "LineString(100 0, 200 0)")):
        f = QgsFeature(layer.fields())
        f.setAttributes([hw])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    graph, log = read(layer, 0)
    assert "osm_dropped" not in graph.read_info
    assert np.isclose(graph.seg_len.sum(), 200.0)
    assert not any("OpenStreetMap" in w for w in log.warnings)


def test_fast_gdal_reader_gives_the_same_osm_filter(tmp_path):
    """An OSM-derived GeoPackage in the working CRS goes through GDAL's Arrow reader: same result."""
    from qgis.core import QgsProject, QgsVectorFileWriter

    from bildungslandschaft_plugin.processing import network_reader

    layer = osm_lines_layer(True)
    path = str(tmp_path / "osm.gpkg")
    opts = QgsVectorFileWriter.SaveVectorOptions()
    opts.driverName = "GPKG"
    err = QgsVectorFileWriter.writeAsVectorFormatV3(layer, path, QgsProject.instance().transformContext(), opts)
    assert err[0] == QgsVectorFileWriter.WriterError.NoError
    calls = []
    orig = network_reader._ogr_fast_lines

    def spy(*args, **kwargs):
        out = orig(*args, **kwargs)
        calls.append(out is not None)
        return out

    network_reader._ogr_fast_lines = spy
    try:
        graph, log = read(path, 0)
    finally:
        network_reader._ogr_fast_lines = orig
    assert calls == [True]
    assert graph.read_info["osm_dropped"] == {"no_highway": 1, "not_usable": 1, "foot_no": 1, "access_no": 1}
    assert np.isclose(graph.seg_len.sum(), 2000.0)


def test_osm_polygons_as_facilities_point_on_surface_and_osm_ids():
    """Schools as OSM multipolygons: a point inside (not the centroid of a U-shaped yard), osm_way_id as id
    and osm_id for the one from a relation (GDAL's OSM driver gives both as strings)."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    fac = QgsVectorLayer("Polygon?crs=EPSG:25832&field=osm_id:string&field=osm_way_id:string&field=amenity:string",
                         "multipolygons", "memory")
    rows = [
        # U-shaped yard around (200, 100): its centroid (200, ~62) lies in the gap, not on the yard
        (None, "24608070", "POLYGON((100 20, 300 20, 300 200, 250 200, 250 60, 150 60, 150 200, 100 200, 100 20))"),
        ("7001", None, "POLYGON((700 20, 760 20, 760 80, 700 80, 700 20))"),
    ]
    feats = []
    for osm_id, way_id, wkt in rows:
        f = QgsFeature(fac.fields())
        f.setAttributes([osm_id, way_id, "school"])
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    fac.dataProvider().addFeatures(feats)
    dem = QgsVectorLayer("Point?crs=EPSG:25832&field=n:integer", "grid", "memory")
    d = QgsFeature(dem.fields())
    d.setAttributes([1])
    d.setGeometry(QgsGeometry.fromWkt("Point(400 0)"))
    dem.dataProvider().addFeatures([d])
    res = processing.run("bildungslandschaft:catchments", {
        "NETWORK": osm_lines_layer(), "FACILITIES": fac, "FACILITY_ID": "osm_way_id", "DEMAND": dem,
        "SNAP_TOLERANCE": 250, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"})
    out = {f["facility_id"]: f for f in res["OUTPUT_FACILITIES"].getFeatures()}
    assert set(out) == {"24608070", "7001"}
    # the point on the surface of the U lies in one of its arms (y >= 20): it joins the street y=0 20 m or
    # more away; the centroid (y about 62 in the gap) would be 62 m away
    geom = feats[0].geometry()
    p = geom.pointOnSurface()
    assert geom.contains(p)
    assert out["24608070"]["snap_dist"] == pytest.approx(p.asPoint().y())
    assert out["7001"]["snap_dist"] == pytest.approx(QgsGeometry.fromWkt(rows[1][2]).pointOnSurface().asPoint().y())
    dem_out = next(res["OUTPUT_DEMAND"].getFeatures())
    assert dem_out["facility_id"] in out and dem_out["status"] == "ok"


def test_osm_layer_without_any_street_fails_clearly():
    from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsVectorLayer

    layer = QgsVectorLayer("LineString?crs=EPSG:25832&field=osm_id:string&field=highway:string"
                           "&field=barrier:string&field=other_tags:string", "lines", "memory")
    f = QgsFeature(layer.fields())
    f.setAttributes(["1", None, "wall", None])
    f.setGeometry(QgsGeometry.fromWkt("LineString(0 0, 100 0)"))
    layer.dataProvider().addFeatures([f])
    with pytest.raises(QgsProcessingException, match="no segment that mode 'walk' may use"):
        read(layer, 0)
