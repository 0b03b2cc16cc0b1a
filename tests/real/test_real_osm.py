"""Heidelberg OSM extract (real data): the OSM network filter, catchments against an independent
shortest-path computation, the schools that used to snap onto their schoolyard walls.

Data: ``osm_heidelberg_bayreuth/heidelberg.test.osm.pbf`` (© OpenStreetMap contributors, ODbL; see SOURCE.md).
Schools: the 20 ``amenity=school`` multipolygons; demand: a 250 m grid over their extent, 10 children per point.
"""

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.sparse.csgraph import dijkstra

HEIDELBERG = ("osm_heidelberg_bayreuth", "heidelberg.test.osm.pbf")
CRS = "EPSG:25832"
SCHLIERBACH, ECOLE, TIEFBURG = "215343942", "268515341", "384802164"


# --------------------------------------------------------------------------- independent OSM rules
def parse_hstore(text):
    """GDAL's other_tags text -> dict, with a character-by-character parser (no regular expressions)."""
    out = {}
    if not text:
        return out
    tokens, cur, inside, esc = [], [], False, False
    for ch in text:
        if inside:
            if esc:
                cur.append(ch)
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                tokens.append("".join(cur))
                cur, inside = [], False
            else:
                cur.append(ch)
        elif ch == '"':
            inside = True
    for k in range(0, len(tokens) - 1, 2):
        out[tokens[k]] = tokens[k + 1]
    return out


def walk_reason(highway, tags, mode="walk"):
    """The walking (or cycling) rules of docs/network.md written out as plain if/else."""
    t = {k: (v or "").strip().lower() for k, v in tags.items()}
    key = "foot" if mode == "walk" else "bicycle"
    if not highway:
        return "no_highway"
    if highway in ("construction", "proposed", "abandoned", "platform", "razed", "disused"):
        return "not_usable"
    if t.get(key) in ("no", "private"):
        return key + "_no"
    if t.get("access") in ("no", "private") and t.get(key) not in (
            "yes", "designated", "permissive", "destination", "customers", "delivery"):
        return "access_no"
    return ""


@pytest.fixture(scope="module")
def heidelberg(real_path, tmp_path_factory):
    """Paths of the network (lines layer), the schools and the demand grid (both EPSG:25832)."""
    from osgeo import gdal, ogr, osr

    pbf = real_path(*HEIDELBERG)
    out = tmp_path_factory.mktemp("heidelberg")
    schools = str(out / "schools.gpkg")
    gdal.VectorTranslate(schools, pbf, format="GPKG", layers=["multipolygons"], where="amenity='school'",
                         dstSRS=CRS, layerName="schools")
    ds = ogr.Open(schools)
    xmin, xmax, ymin, ymax = ds.GetLayer(0).GetExtent()
    assert ds.GetLayer(0).GetFeatureCount() == 20
    ds = None
    grid = str(out / "grid.gpkg")
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(25832)
    gds = ogr.GetDriverByName("GPKG").CreateDataSource(grid)
    lyr = gds.CreateLayer("grid", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("gid", ogr.OFTInteger))
    lyr.CreateField(ogr.FieldDefn("kinder", ogr.OFTReal))
    lyr.StartTransaction()
    k = 0
    for x in np.arange(xmin, xmax, 250.0):
        for y in np.arange(ymin, ymax, 250.0):
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("gid", k)
            f.SetField("kinder", 10.0)
            f.SetGeometry(ogr.CreateGeometryFromWkt("POINT ({} {})".format(x, y)))
            lyr.CreateFeature(f)
            k += 1
    lyr.CommitTransaction()
    gds = None
    return {"pbf": pbf, "lines": pbf + "|layername=lines", "schools": schools + "|layername=schools",
            "grid": grid + "|layername=grid", "n_grid": k}


class Log:
    def __init__(self):
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def __init__(self, sink):
                super().__init__()
                self.sink = sink

            def pushWarning(self, text):  # noqa: N802
                self.sink.append(text)

            def pushInfo(self, text):  # noqa: N802
                self.sink.append(text)

        self.lines = []
        self.feedback = Feedback(self.lines)


def run_catchments(heidelberg, network=None):
    import processing

    log = Log()
    res = processing.run("bildungslandschaft:catchments", {
        "NETWORK": network or heidelberg["lines"], "FACILITIES": heidelberg["schools"], "FACILITY_ID": "osm_way_id",
        "DEMAND": heidelberg["grid"], "DEMAND_WEIGHT": "kinder", "MODE": 0, "COST_TYPE": 0,
        "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"}, feedback=log.feedback)
    return res, log.lines


# --------------------------------------------------------------------------- tests
def test_dropped_lines_per_reason_match_ogr(heidelberg):
    """Counts per reason from the reader equal counts made with OGR and plain Python rules."""
    from osgeo import ogr

    from bildungslandschaft_plugin.processing import network_reader
    from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    ds = ogr.Open(heidelberg["pbf"])
    lyr = ds.GetLayerByName("lines")
    expected = {}
    n = 0
    for f in lyr:
        n += 1
        reason = walk_reason(f.GetField("highway"), parse_hstore(f.GetField("other_tags")))
        if reason:
            expected[reason] = expected.get(reason, 0) + 1
    ds = None
    assert n == 29159
    assert expected["no_highway"] == 3970  # walls, fences, railways, rivers, power lines (SOURCE.md: 25,189 with highway)

    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    log = Log()
    graph = network_reader.read_network(alg, {"NETWORK": heidelberg["lines"], "MODE": 0}, QgsProcessingContext(),
                                        log.feedback, QgsCoordinateReferenceSystem(CRS))
    assert graph.read_info["osm_dropped"] == expected
    assert graph.read_info["parts"] == n - sum(expected.values())
    assert any("{0} of 29159 lines".format(sum(expected.values())) in line for line in log.lines)


@pytest.mark.parametrize("mode", ["walk", "bicycle"])
def test_bayreuth_full_extract_gzipped(real_path, mode):
    """The full Bayreuth extract (all tags, OSM XML, gzipped: opened as /vsigzip/...): same counts as OGR."""
    from osgeo import ogr

    from bildungslandschaft_plugin.processing import network_reader
    from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm
    from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingContext

    path = "/vsigzip/" + real_path("osm_heidelberg_bayreuth", "north-bayreuth.osm.gz")
    ds = ogr.Open(path)
    expected, n = {}, 0
    for f in ds.GetLayerByName("lines"):
        n += 1
        reason = walk_reason(f.GetField("highway"), parse_hstore(f.GetField("other_tags")), mode)
        if reason:
            expected[reason] = expected.get(reason, 0) + 1
    ds = None
    assert n == 2384 and expected["no_highway"] > 0
    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    log = Log()
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(path + "|layername=lines", "lines", "ogr")  # as added in QGIS
    assert layer.isValid()
    graph = network_reader.read_network(alg, {"NETWORK": layer, "MODE": ["walk", "bicycle"].index(mode)},
                                        QgsProcessingContext(), log.feedback, QgsCoordinateReferenceSystem("EPSG:25832"))
    assert graph.read_info["osm_dropped"] == expected
    assert graph.read_info["parts"] == n - sum(expected.values())


def independent_costs(heidelberg, d_xy, f_xy):
    """Walking distance from every demand point to its nearest school, computed without the plugin's engine.

    Lines read with QGIS (geometry API, reprojected to EPSG:25832), filtered with :func:`walk_reason`
    and the motorway rule, vertices within 1 cm merged (KD-tree pairs + connected components), points snapped with a QGIS spatial
    index and ``closestSegmentWithContext``, SciPy Dijkstra from a super-source per school.
    """
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsFeature, QgsGeometry,
                           QgsPointXY, QgsProject, QgsSpatialIndex, QgsVectorLayer)

    layer = QgsVectorLayer(heidelberg["lines"], "lines", "ogr")
    tr = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(CRS), QgsProject.instance())
    verts_a, verts_b = [], []
    index = QgsSpatialIndex(QgsSpatialIndex.Flag.FlagStoreFeatureGeometries)
    geoms = {}
    n_seg = 0
    for feat in layer.getFeatures():
        hw = feat["highway"]
        hw = None if hw is None or (hasattr(hw, "isNull") and hw.isNull()) else str(hw).strip().lower()
        ot = feat["other_tags"]
        ot = None if ot is None or (hasattr(ot, "isNull") and ot.isNull()) else str(ot)
        if walk_reason(hw, parse_hstore(ot)) or hw in ("motorway", "motorway_link", "trunk", "trunk_link"):
            continue
        g = QgsGeometry(feat.geometry())
        g.transform(tr)
        pts = np.array([[p.x(), p.y()] for p in g.vertices()])
        if len(pts) < 2:
            continue
        fid = len(geoms)
        geoms[fid] = (g, n_seg)  # first segment of this line in a/b
        n_seg += len(pts) - 1
        verts_a.append(pts[:-1])
        verts_b.append(pts[1:])
        f = QgsFeature(fid)
        f.setGeometry(g)
        index.addFeature(f)
    a = np.vstack(verts_a)
    b = np.vstack(verts_b)
    keep = np.hypot(*(b - a).T) > 0
    allv = np.vstack([a, b])
    # vertices closer than 1 cm are one node, transitively (docs/network.md)
    from scipy.sparse.csgraph import connected_components
    from scipy.spatial import cKDTree

    pairs = cKDTree(allv).query_pairs(0.01, output_type="ndarray")
    adj = sp.coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(len(allv), len(allv)))
    _, node = connected_components(adj, directed=False)
    u, v = node[:len(a)], node[len(a):]
    n_nodes = int(node.max()) + 1
    length = np.hypot(*(b - a).T)

    def snap(xy):
        out = []
        for x, y in xy:
            fid = index.nearestNeighbor(QgsPointXY(x, y), 1)[0]
            g, first = geoms[fid]
            dist2, closest, after, _left = g.closestSegmentWithContext(QgsPointXY(x, y))
            s = first + after - 1
            t = np.hypot(closest.x() - a[s, 0], closest.y() - a[s, 1]) / length[s] if length[s] > 0 else 0.0
            out.append((s, float(t), float(np.sqrt(dist2))))
        return out

    d_snap, f_snap = snap(d_xy), snap(f_xy)
    n_f = len(f_xy)
    src = np.concatenate([u[keep], v[keep]])
    dst = np.concatenate([v[keep], u[keep]])
    w = np.concatenate([length[keep], length[keep]])
    # one super-source per school: edges to both ends of its segment (connector + part of the segment)
    for k, (s, t, c) in enumerate(f_snap):
        src = np.concatenate([src, [n_nodes + k, n_nodes + k]])
        dst = np.concatenate([dst, [u[s], v[s]]])
        w = np.concatenate([w, [c + t * length[s], c + (1 - t) * length[s]]])
    n = n_nodes + n_f
    # parallel edges: keep the shortest (a csr matrix would add them up)
    coo = sp.coo_matrix((w, (src, dst)), shape=(n, n))
    order = np.lexsort((coo.data, coo.col, coo.row))
    r, c_, d = coo.row[order], coo.col[order], coo.data[order]
    first = np.ones(len(r), dtype=bool)
    first[1:] = (r[1:] != r[:-1]) | (c_[1:] != c_[:-1])
    m = sp.csr_matrix((d[first], (r[first], c_[first])), shape=(n, n))
    dist = dijkstra(m, directed=True, indices=np.arange(n_nodes, n))
    costs = np.full((len(d_xy), n_f), np.inf)
    for i, (s, t, c) in enumerate(d_snap):
        via_u = c + t * length[s] + dist[:, u[s]]
        via_v = c + (1 - t) * length[s] + dist[:, v[s]]
        costs[i] = np.minimum(via_u, via_v)
        for k, (sf, tf, cf) in enumerate(f_snap):
            if sf == s:  # both on one segment: straight along it
                costs[i, k] = min(costs[i, k], c + abs(t - tf) * length[s] + cf)
    return costs, d_snap, f_snap


def test_catchments_equal_an_independent_shortest_path_computation(heidelberg):
    from qgis.core import QgsVectorLayer

    res, log = run_catchments(heidelberg)
    out = {f["gid"]: f for f in res["OUTPUT_DEMAND"].getFeatures()}
    grid = QgsVectorLayer(heidelberg["grid"], "grid", "ogr")
    gids, d_xy = [], []
    for f in grid.getFeatures():
        gids.append(f["gid"])
        p = f.geometry().asPoint()
        d_xy.append((p.x(), p.y()))
    schools = QgsVectorLayer(heidelberg["schools"], "schools", "ogr")
    f_ids, f_xy = [], []
    for f in schools.getFeatures():
        f_ids.append(str(f["osm_way_id"]))
        p = f.geometry().pointOnSurface().asPoint()
        f_xy.append((p.x(), p.y()))
    costs, d_snap, _f_snap = independent_costs(heidelberg, np.array(d_xy), np.array(f_xy))
    best = costs.min(axis=1)
    n_ok = 0
    for k, gid in enumerate(gids):
        o = out[gid]
        if d_snap[k][2] > 250.0:
            assert o["status"] == "off_network"
            continue
        if not np.isfinite(best[k]):
            assert o["status"] == "unreachable"
            continue
        assert o["status"] == "ok", gid
        n_ok += 1
        assert o["cost"] == pytest.approx(best[k], abs=1e-3)  # to the millimetre
        assert costs[k, f_ids.index(str(o["facility_id"]))] == pytest.approx(best[k], abs=1e-3)
    assert n_ok == 1987 and heidelberg["n_grid"] == 2064
    assert any("5693 of 29159 lines" in line for line in log)


def test_schools_on_walls_now_reach_their_streets(heidelberg):
    """Unfiltered, Grundschule Schlierbach and Tiefburgschule snap onto walls (islands: unreachable) and the
    Ecole Pierre & Marie Curie onto a disused railway (no child). With the OSM filter they reach their streets."""
    from osgeo import ogr, osr
    from qgis.core import QgsFeature, QgsFeatureRequest, QgsVectorLayer

    # 1. the cause, checked with OGR: the nearest line of the raw layer has no highway tag
    utm = osr.SpatialReference()
    utm.ImportFromEPSG(25832)
    wgs = osr.SpatialReference()
    wgs.ImportFromEPSG(4326)
    for s in (utm, wgs):
        s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    to_utm = osr.CoordinateTransformation(wgs, utm)
    to_wgs = osr.CoordinateTransformation(utm, wgs)
    sds = ogr.Open(heidelberg["schools"].split("|")[0])
    pts = {}
    for f in sds.GetLayer(0):
        if f.GetField("osm_way_id") in (SCHLIERBACH, TIEFBURG, ECOLE):
            pts[f.GetField("osm_way_id")] = f.GetGeometryRef().PointOnSurface().Clone()
    sds = None
    ds = ogr.Open(heidelberg["pbf"])
    lines = ds.GetLayerByName("lines")
    for key, p in pts.items():
        q = p.Clone()
        q.Transform(to_wgs)
        lines.SetSpatialFilterRect(q.GetX() - 0.003, q.GetY() - 0.002, q.GetX() + 0.003, q.GetY() + 0.002)
        best = (np.inf, None, None)
        for f in lines:
            g = f.GetGeometryRef().Clone()
            g.Transform(to_utm)
            d = g.Distance(p)
            if d < best[0]:
                best = (d, f.GetField("highway"), f.GetField("barrier") or f.GetField("other_tags"))
        assert best[1] is None and best[0] < 25, (key, best)
    ds = None

    # 2. the plugin on the same lines without the OSM markers (only 'highway': nothing is filtered) ...
    raw = QgsVectorLayer(heidelberg["lines"], "raw", "ogr")
    plain = QgsVectorLayer("LineString?crs=EPSG:4326&field=highway:string", "plain", "memory")
    feats = []
    for f in raw.getFeatures(QgsFeatureRequest().setSubsetOfAttributes(["highway"], raw.fields())):
        nf = QgsFeature(plain.fields())
        nf.setGeometry(f.geometry())
        nf.setAttributes([f["highway"]])
        feats.append(nf)
    plain.dataProvider().addFeatures(feats)
    assert plain.featureCount() == 29159
    before, _log = run_catchments(heidelberg, network=plain)
    # ... and on the OSM layer as it comes
    after, _log = run_catchments(heidelberg)
    b = {f["facility_id"]: f for f in before["OUTPUT_FACILITIES"].getFeatures()}
    a = {f["facility_id"]: f for f in after["OUTPUT_FACILITIES"].getFeatures()}
    # on a wall, an island: unreachable, no child; on the disused railway: reachable but no child
    for key in (SCHLIERBACH, TIEFBURG):
        assert b[key]["status"] == "unreachable" and b[key]["demand"] == 0
    assert b[ECOLE]["status"] == "ok" and b[ECOLE]["demand"] == 0
    for key in (SCHLIERBACH, TIEFBURG, ECOLE):
        assert a[key]["status"] == "ok" and a[key]["demand"] > 0
    assert a[TIEFBURG]["demand"] == 3040  # the issue: "0 children instead of 3,030"
    bd = {f["gid"]: (f["facility_id"], f["status"]) for f in before["OUTPUT_DEMAND"].getFeatures()}
    ad = {f["gid"]: (f["facility_id"], f["status"]) for f in after["OUTPUT_DEMAND"].getFeatures()}
    changed = sum(1 for k in ad if ad[k] != bd[k])
    assert changed == 573  # of 2064 grid points (the issue: 492 of 2,039 with its grid)
    assert sum(1 for f in after["OUTPUT_FACILITIES"].getFeatures() if f["status"] == "ok") == 18
