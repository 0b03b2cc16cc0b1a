"""Walk + public transport on real data: the VRN GTFS cut (2022-09-14) with the Heidelberg OSM extract.

The engine (core/transit.py, profile scan) is checked against an independent time-expanded graph
with SciPy Dijkstra (tests/transit_reference.py) for every departure minute of a few origins.
Streets: the OSM ``lines`` layer filtered to ``highway IS NOT NULL`` here (independent of the
plugin's own OSM tag filtering).
"""

import numpy as np
import pytest

from bildungslandschaft_plugin.core import gtfs, transit
from bildungslandschaft_plugin.core.network import OK, Graph
from tests.transit_reference import reference_times

DATE = "2022-09-14"
EPSG = 25832


def _transform():
    from osgeo import osr

    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(EPSG)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return osr.CoordinateTransformation(src, dst)


def read_osm(path, bbox):
    """(street lines, highway values, school points) in EPSG:25832 inside *bbox* (lon/lat)."""
    from osgeo import gdal, ogr

    gdal.SetConfigOption("OGR_INTERLEAVED_READING", "NO")
    ds = ogr.Open(path)
    ct = _transform()
    lines, hw = [], []
    lyr = ds.GetLayerByName("lines")
    lyr.SetAttributeFilter("highway IS NOT NULL")
    lyr.SetSpatialFilterRect(*bbox)
    for f in lyr:
        g = f.GetGeometryRef()
        if g is None:
            continue
        g = g.Clone()
        g.Transform(ct)
        pts = np.array(g.GetPoints())[:, :2]
        if len(pts) >= 2:
            lines.append(pts)
            hw.append(f.GetField("highway"))
    schools = []
    lyr = ds.GetLayerByName("multipolygons")
    lyr.SetAttributeFilter("amenity = 'school'")
    for f in lyr:
        g = f.GetGeometryRef()
        if g is None:
            continue
        c = g.PointOnSurface()
        c.Transform(ct)
        schools.append((c.GetX(), c.GetY()))
    lyr = ds.GetLayerByName("points")
    lyr.SetAttributeFilter("other_tags LIKE '%\"amenity\"=>\"school\"%'")
    for f in lyr:
        g = f.GetGeometryRef().Clone()
        g.Transform(ct)
        schools.append((g.GetX(), g.GetY()))
    return lines, hw, np.array(schools)


def stop_xy(tt):
    ct = _transform()
    xy = np.full((tt.n_stops, 2), np.nan)
    for k in np.flatnonzero(np.isfinite(tt.stop_lon)):
        x, y, _ = ct.TransformPoint(float(tt.stop_lon[k]), float(tt.stop_lat[k]))
        xy[k] = (x, y)
    return xy


@pytest.fixture(scope="module")
def heidelberg(real_path):
    pbf = real_path("osm_heidelberg_bayreuth", "heidelberg.test.osm.pbf")
    zp = real_path("gtfs_vrn_heidelberg", "vrn_gtfs_cut.zip")
    tt = gtfs.load_timetable(zp, DATE)
    lines, hw, schools = read_osm(pbf, (8.60, 49.36, 8.74, 49.43))
    graph = Graph.from_lines(lines, highway=hw, mode="walk")
    return tt, graph, schools


def test_feed_reads_without_warnings(heidelberg):
    tt, _graph, _schools = heidelberg
    assert tt.n_trips > 500 and not tt.warnings
    _trip, _pos, _u, _v, dep, arr = tt.connections()
    assert (arr >= dep).all()


def test_profile_scan_equals_time_expanded_dijkstra(heidelberg):
    tt, graph, schools = heidelberg
    stops = graph.locate(stop_xy(tt), 250)
    assert (stops.status[tt.stop_used] == OK).sum() > 100
    # origins: beside five stops of the feed (150 m east), in different parts of the city
    used_ok = np.flatnonzero(tt.stop_used & (stops.status == OK))
    pick = used_ok[np.linspace(0, len(used_ok) - 1, 5).astype(int)]
    o_xy = stops.xy[pick] + np.array([150.0, 0.0])
    origins = graph.locate(o_xy, 250)
    inside = (schools[:, 0] > graph.extent()[0]) & (schools[:, 0] < graph.extent()[2]) & \
        (schools[:, 1] > graph.extent()[1]) & (schools[:, 1] < graph.extent()[3])
    dests = graph.locate(schools[inside], 250)
    n_o, n_d = len(o_xy), int(inside.sum())
    assert n_d >= 5
    legs = transit.walk_legs(graph, origins, stops, dests, 15, 5, 120)
    start, end = 7 * 3600, 8 * 3600
    res = transit.travel_times(tt, legs, n_o, n_d, start, end, percentile=50, max_cost=120, keep_per_minute=True)
    ref = reference_times(tt, legs, n_o, n_d, start, end, 120)
    assert np.array_equal(np.isinf(res.per_minute), np.isinf(ref))
    fin = np.isfinite(ref)
    assert np.allclose(res.per_minute[fin], ref[fin], atol=1e-3)
    # public transport matters here: many (origin, minute, school) values beat walking alone
    walk = res.walk_only[:, None, :]
    assert (res.per_minute < walk - 1.0).sum() > 0.2 * fin.sum()
    # the reported median is the value of rank 30 of the 60 minutes
    srt = np.sort(ref, axis=1)
    assert np.allclose(np.where(np.isfinite(srt[:, 29]), srt[:, 29], -1),
                       np.where(np.isfinite(res.reported), res.reported, -1), atol=1e-3)


def test_calendar_dates_only_feed(real_path):
    # VPE Pforzheim subset: no calendar.txt, only calendar_dates.txt (2024-12-15 ... 2025-12-12)
    from bildungslandschaft_plugin.core.gtfs import GtfsError

    zp = real_path("gtfs_vrn_heidelberg", "vpe_pforzheim_subset_gtfs-hka-s24.zip")
    weekday = gtfs.load_timetable(zp, "2025-03-12")
    saturday = gtfs.load_timetable(zp, "2025-03-15")
    assert weekday.n_trips > saturday.n_trips > 0 and not weekday.warnings
    with pytest.raises(GtfsError) as err:
        gtfs.load_timetable(zp, "2024-01-10")
    assert "2024-12-15 to 2025-12-12" in str(err.value)
