"""The database fast path (processing/postgis.py ``fast_layer``) gives exactly what QGIS's postgres provider gives.

Each reader runs twice on the same PostGIS table: through GDAL's PostgreSQL driver (the fast path, checked to be
taken) and through QGIS's provider (the fast path switched off), and the results are compared value by value:
graph nodes, edges, lengths, directions, speeds; point ids, coordinates, weights with NULLs.
"""

import numpy as np
import processing
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing import network_reader, readers
from bildungslandschaft_plugin.processing import postgis as pgmod
from bildungslandschaft_plugin.processing.alg_catchments import CatchmentsAlgorithm
from tests.postgis_util import pc

SERVICE = "service='{0}'".format(pc.SERVICE)
SCHEMA = "Schnell Prüf"
CRS = QgsCoordinateReferenceSystem("EPSG:25833")


def pg(table, geom="geom", extra="", sql=""):
    text = 'postgres://{0} {1}table="{2}"."{3}" ({4})'.format(SERVICE, extra, SCHEMA, table, geom)
    return text + (" sql={0}".format(sql) if sql else "")


@pytest.fixture(scope="module")
def fastcity(postgis, tmp_path_factory):
    """The sample city (scale 0.1) in the schema ``Schnell Prüf``: streets ``Straßen Netz`` (MultiLineString,
    ``the_geom``, a speed column, a NULL geometry, a two-part line, NULL and empty highway values), addresses
    ``Adressen`` with NULL weights and NULL geometries, facilities, and the awkward cases the fast path declines
    (an ``int8`` key, a text key, a view)."""
    from osgeo import gdal

    import make_sample_city  # scripts/

    folder = str(tmp_path_factory.mktemp("pgfast"))
    make_sample_city.main(["--scale", "0.1", "--out", folder])
    gpkg = folder + "/musterstadt.gpkg"
    gdal.UseExceptions()
    pc.psql('DROP SCHEMA IF EXISTS "{0}" CASCADE; CREATE SCHEMA "{0}"'.format(SCHEMA))
    src = gdal.OpenEx(gpkg, gdal.OF_VECTOR)
    for layer, table, geom, extra in (("strassen", "Straßen Netz", "the_geom", ["-nlt", "PROMOTE_TO_MULTI"]),
                                      ("adressen", "Adressen", "geom", []),
                                      ("einrichtungen", "Einrichtungen", "geom", [])):
        gdal.VectorTranslate("PG:service={0}".format(pc.SERVICE), src, options=extra + [
            "-lco", "SCHEMA={0}".format(SCHEMA), "-lco", "GEOMETRY_NAME={0}".format(geom), "-lco", "FID=fid",
            "-lco", "LAUNDER=NO", "-nln", table, layer])
    s = '"{0}"'.format(SCHEMA)
    pc.psql(
        'ALTER TABLE {s}."Straßen Netz" ADD COLUMN tempo double precision; '
        'UPDATE {s}."Straßen Netz" SET tempo = CASE WHEN fid % 5 = 0 THEN NULL ELSE 3 + fid % 7 END; '
        'UPDATE {s}."Straßen Netz" SET highway = NULL WHERE fid % 11 = 0; '
        'UPDATE {s}."Straßen Netz" SET highway = \'\' WHERE fid % 13 = 0; '
        'UPDATE {s}."Straßen Netz" SET the_geom = NULL WHERE fid = 3; '
        'UPDATE {s}."Straßen Netz" SET the_geom = ST_Multi(ST_Collect(ARRAY[ST_GeometryN(the_geom, 1), '
        'ST_Translate(ST_GeometryN(the_geom, 1), 0.5, 7.25)])) WHERE fid = 4; '
        'UPDATE {s}."Adressen" SET ew_3_5 = NULL WHERE fid % 9 = 0; '
        'UPDATE {s}."Adressen" SET geom = NULL WHERE fid IN (5, 17); '
        'CREATE TABLE {s}.adressen_int8 AS SELECT fid::bigint * 1000000000000 AS id8, geom, ew_3_5 '
        'FROM {s}."Adressen"; ALTER TABLE {s}.adressen_int8 ADD PRIMARY KEY (id8); '
        'CREATE TABLE {s}.adressen_text AS SELECT \'a\' || fid AS k, geom, ew_3_5 FROM {s}."Adressen"; '
        'ALTER TABLE {s}.adressen_text ADD PRIMARY KEY (k); '
        'CREATE VIEW {s}.adressen_sicht AS SELECT * FROM {s}."Adressen"'.format(s=s))
    return gpkg


def setup_alg():
    alg = CatchmentsAlgorithm()
    alg.initAlgorithm()
    return alg, QgsProcessingContext()


class Spy:
    """Counts the layers that the fast path read to the end (``fast_layer`` accepted them and their query was
    streamed completely: a failure would fall back to QGIS's provider unnoticed); ``enabled = False`` makes it
    decline everything."""

    def __init__(self, monkeypatch):
        self.taken = 0
        self.enabled = True
        real = pgmod.fast_layer

        def spy(layer, crs):
            if not self.enabled:
                return None
            found = real(layer, crs)
            if found is not None:
                query = found[1]
                stream = query.GetArrowStreamAsNumPy

                def counted(options=None):
                    yield from stream(options)
                    self.taken += 1

                query.GetArrowStreamAsNumPy = counted
            return found

        monkeypatch.setattr(pgmod, "fast_layer", spy)


def read_graph(params, spy, fast):
    alg, context = setup_alg()
    spy.enabled = fast
    before = spy.taken
    graph = network_reader.read_network(alg, dict({"MODE": 0, "COST_TYPE": 0}, **params), context, QgsProcessingFeedback(),
                              CRS)
    assert (spy.taken > before) == fast, "fast path taken" if not fast else "fast path NOT taken"
    return graph


def assert_same_graph(a, b):
    assert a.read_info == b.read_info
    assert (a.n_nodes, a.n_edges, a.n_excluded_mode, a.n_zero_length) == \
        (b.n_nodes, b.n_edges, b.n_excluded_mode, b.n_zero_length)
    for name in ("node_xy", "seg_u", "seg_v", "seg_a", "seg_b", "seg_len", "seg_speed", "seg_fwd", "seg_bwd",
                 "seg_line"):
        np.testing.assert_array_equal(getattr(a, name), getattr(b, name), err_msg=name)


def test_network_fast_path_equals_provider(fastcity, monkeypatch):
    spy = Spy(monkeypatch)
    params = {"NETWORK": pg("Straßen Netz", "the_geom"), "SPEED_FIELD": "tempo"}
    fast = read_graph(params, spy, True)
    slow = read_graph(params, spy, False)
    assert_same_graph(fast, slow)
    n_lines = int(pc.psql('SELECT count(*) FROM "{0}"."Straßen Netz"'.format(SCHEMA)))
    # one NULL geometry skipped, one line with two parts
    assert fast.read_info == {"features": n_lines, "parts": n_lines, "skipped": 1}
    assert fast.n_edges > 5000
    # the edge lengths add up to the server's own measure of the streets that the walk mode may use
    # (PostGIS's ST_Length, computed independently of both readers; walk leaves out motorways and trunks)
    total = float(pc.psql('SELECT sum(ST_Length(the_geom)) FROM "{0}"."Straßen Netz" WHERE highway IS NULL OR '
                          'highway NOT IN (\'motorway\', \'motorway_link\', \'trunk\', \'trunk_link\')'
                          .format(SCHEMA)))
    assert fast.n_excluded_mode > 0
    assert abs(fast.seg_len.sum() - total) < 1e-6 * total
    # speeds: 3 + fid % 7 km/h where set (metres per minute in the graph), the mode's default where NULL
    assert len(set(np.round(fast.seg_speed, 6).tolist())) > 5


def test_network_filtered_by_sql(fastcity, monkeypatch):
    spy = Spy(monkeypatch)
    sql = "\"highway\" <> 'residential' AND fid > 10"
    params = {"NETWORK": pg("Straßen Netz", "the_geom", sql=sql)}
    fast = read_graph(params, spy, True)
    slow = read_graph(params, spy, False)
    assert_same_graph(fast, slow)
    n = int(pc.psql('SELECT count(*) FROM "{0}"."Straßen Netz" WHERE {1}'.format(SCHEMA, sql)))
    n_all = int(pc.psql('SELECT count(*) FROM "{0}"."Straßen Netz"'.format(SCHEMA)))
    assert 0 < n < n_all and fast.read_info["features"] == n


def read_points_both(table, spy, fields=(), sql="", geom="geom", extra=""):
    alg, context = setup_alg()
    source = pg(table, geom, extra=extra, sql=sql)
    before = spy.taken
    fast = readers.read_points_fast(alg, {"DEMAND": source}, "DEMAND", context, CRS, list(fields))
    taken = spy.taken > before
    layer = QgsVectorLayer(source[len("postgres://"):], table, "postgres")
    assert layer.isValid()
    slow = readers.read_points(layer, CRS, context, QgsProcessingFeedback(), with_features=True)
    return fast, taken, slow, layer


def test_demand_points_equal(fastcity, monkeypatch):
    spy = Spy(monkeypatch)
    fast, taken, (q_fids, q_xy, q_feats), layer = read_points_both("Adressen", spy, ["ew_3_5"])
    assert taken and fast is not None
    fids, xy, cols = fast
    assert fids.tolist() == q_fids.tolist()
    assert fids.tolist() == [f["fid"] for f in q_feats]  # QGIS's feature id is the key value
    np.testing.assert_array_equal(xy, q_xy)  # bit-identical, NaN rows for the NULL geometries
    assert int(np.isnan(xy[:, 0]).sum()) == 2
    weights, n_null = readers.numeric_array(cols["ew_3_5"], len(fids))
    q_weights, q_null = readers.numeric_values(layer, q_feats, "ew_3_5", "DEMAND_WEIGHT")
    assert weights.tolist() == q_weights.tolist()
    assert n_null == q_null == int(pc.psql('SELECT count(*) FROM "{0}"."Adressen" WHERE ew_3_5 IS NULL'
                                           .format(SCHEMA))) > 0
    assert weights.sum() == float(pc.psql('SELECT sum(ew_3_5) FROM "{0}"."Adressen"'.format(SCHEMA)))


def test_facility_points_filtered_equal(fastcity, monkeypatch):
    spy = Spy(monkeypatch)
    fast, taken, (q_fids, q_xy, _feats), _layer = read_points_both("Einrichtungen", spy, ["kapazitaet"],
                                                                   sql="\"typ\" = 'Kita'")
    assert taken
    fids, xy, cols = fast
    assert fids.tolist() == q_fids.tolist()
    np.testing.assert_array_equal(xy, q_xy)
    assert len(fids) == int(pc.psql('SELECT count(*) FROM "{0}"."Einrichtungen" WHERE typ = \'Kita\''
                                    .format(SCHEMA))) > 0


@pytest.mark.parametrize("table,extra", [("adressen_int8", ""), ("adressen_text", ""),
                                         ("adressen_sicht", "key='fid' srid=25833 type=Point ")])
def test_declined_where_ids_would_differ(fastcity, monkeypatch, table, extra):
    """An int8 or text key (QGIS 3.22 numbers such features itself) and a view (GDAL finds no key): read by
    QGIS's provider."""
    spy = Spy(monkeypatch)
    fast, taken, (q_fids, _xy, _f), _layer = read_points_both(table, spy, ["ew_3_5"], extra=extra)
    assert fast is None and not taken
    assert len(q_fids) == int(pc.psql('SELECT count(*) FROM "{0}"."Adressen"'.format(SCHEMA)))


def test_declined_for_another_crs(fastcity, monkeypatch):
    spy = Spy(monkeypatch)
    alg, context = setup_alg()
    assert readers.read_points_fast(alg, {"DEMAND": pg("Adressen")}, "DEMAND", context,
                                 QgsCoordinateReferenceSystem("EPSG:25832"), []) is None
    assert spy.taken == 0


def test_catchments_same_rows_fast_and_provider(fastcity, monkeypatch):
    spy = Spy(monkeypatch)

    def run():
        res = processing.run(ids.full_id(ids.CATCHMENTS), {
            "NETWORK": pg("Straßen Netz", "the_geom"), "FACILITIES": pg("Einrichtungen", sql="\"typ\" = 'Kita'"),
            "FACILITY_ID": "einr_id", "DEMAND": pg("Adressen"), "DEMAND_WEIGHT": "ew_3_5", "MODE": 0,
            "COST_TYPE": 0, "SNAP_TOLERANCE": 250, "OUTPUT_DEMAND": "memory:", "OUTPUT_FACILITIES": "memory:"})
        dem = sorted((f.attributes(), f.geometry().asWkt(6)) for f in res["OUTPUT_DEMAND"].getFeatures())
        fac = sorted(f.attributes() for f in res["OUTPUT_FACILITIES"].getFeatures())
        return [(str(a), g) for a, g in dem], [str(a) for a in fac]

    fast = run()
    assert spy.taken == 2  # network and demand
    spy.enabled = False
    slow = run()
    assert fast == slow
    assert len(fast[0]) == int(pc.psql('SELECT count(*) FROM "{0}"."Adressen"'.format(SCHEMA)))
