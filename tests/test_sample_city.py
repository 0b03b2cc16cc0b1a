"""The sample city "Musterstadt": invariants of the generated files, read back independently.

The generator tests read the written files with OGR and pandas (not the generator's
in-memory objects), at small scales so that the whole module stays fast.
"""

import io
import os
import re
import subprocess

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.sample import generator

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SCALE = 0.1
SCHEMA = {
    "strassen": (ogr.wkbLineString, ["id", "name", "highway", "oneway", "bridge"]),
    "ortsteile": (ogr.wkbMultiPolygon, ["ot_key", "ot_name", "sb_key", "sb_name", "einwohner"]),
    "stadtbezirke": (ogr.wkbMultiPolygon, ["sb_key", "sb_name"]),
    "adressen": (ogr.wkbPoint, ["adr_id", "ot_key", "ew_0_2", "ew_3_5", "ew_6_9", "ew_10_15", "ew_16_18",
                                "ew_19_64", "ew_65plus", "ew_gesamt"]),
    "einrichtungen": (ogr.wkbPoint, ["einr_id", "name", "typ", "kapazitaet", "traeger", "traeger_art",
                                     "ot_key"]),
    "fluss": (ogr.wkbPolygon, ["name"]),
    "kita_kandidaten": (ogr.wkbPoint, ["kand_id", "name", "art", "kapazitaet", "flaeche_m2", "ot_key"]),
}
HIGHWAYS = {"motorway", "motorway_link", "primary", "secondary", "tertiary", "residential", "footway",
            "path", "steps"}


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    out = tmp_path_factory.mktemp("musterstadt")
    paths = generator.generate(str(out), scale=SCALE, seed=42)
    return paths


def read_layer(gpkg, name):
    """[(attributes dict, ogr geometry clone)] of a layer."""
    ds = ogr.Open(gpkg)
    lyr = ds.GetLayerByName(name)
    assert lyr is not None, name
    rows = []
    for feat in lyr:
        attrs = {lyr.GetLayerDefn().GetFieldDefn(q).GetName(): feat.GetField(q)
                 for q in range(feat.GetFieldCount())}
        rows.append((attrs, feat.GetGeometryRef().Clone()))
    return rows


def read_social(path):
    return pd.read_csv(path, sep=";", decimal=",", thousands=".", encoding="cp1252", skiprows=2,
                       skipfooter=2, engine="python", dtype={"Ortsteil": str}, na_values=[".", "-"],
                       keep_default_na=False)


def union_area(geoms):
    coll = ogr.Geometry(ogr.wkbMultiPolygon)
    for g in geoms:
        for q in range(g.GetGeometryCount()):
            coll.AddGeometry(g.GetGeometryRef(q))
    return coll.UnionCascaded().GetArea()


# ---------------------------------------------------------------------------
# files and schema
# ---------------------------------------------------------------------------

def test_files_layers_fields_and_crs(city):
    assert sorted(city) == ["gpkg", "gtfs", "partnerships_csv", "social_csv"]
    assert os.path.basename(city["gpkg"]) == "musterstadt.gpkg"
    assert os.path.basename(city["social_csv"]) == "sozialdaten_musterstadt.csv"
    assert os.path.basename(city["partnerships_csv"]) == "kooperationen.csv"
    ds = ogr.Open(city["gpkg"])
    assert sorted(ds.GetLayer(q).GetName() for q in range(ds.GetLayerCount())) == sorted(SCHEMA)
    for name, (gtype, fields) in SCHEMA.items():
        lyr = ds.GetLayerByName(name)
        assert lyr.GetGeomType() == gtype, name
        defn = lyr.GetLayerDefn()
        assert [defn.GetFieldDefn(q).GetName() for q in range(defn.GetFieldCount())] == fields
        srs = lyr.GetSpatialRef()
        assert srs.GetAuthorityCode(None) == "25833"
    # keys are text, counts are integers
    defn = ds.GetLayerByName("ortsteile").GetLayerDefn()
    assert defn.GetFieldDefn(defn.GetFieldIndex("ot_key")).GetType() == ogr.OFTString
    assert defn.GetFieldDefn(defn.GetFieldIndex("einwohner")).GetType() in (ogr.OFTInteger, ogr.OFTInteger64)
    # the city lies around the agreed centre in UTM 33
    xmin, xmax, ymin, ymax = ds.GetLayerByName("ortsteile").GetExtent()
    assert xmin < generator.CENTRE[0] < xmax and ymin < generator.CENTRE[1] < ymax


# ---------------------------------------------------------------------------
# districts
# ---------------------------------------------------------------------------

def test_district_keys_names_and_hierarchy(city):
    ots = read_layer(city["gpkg"], "ortsteile")
    sbs = read_layer(city["gpkg"], "stadtbezirke")
    ot_keys = [a["ot_key"] for a, _ in ots]
    sb_keys = [a["sb_key"] for a, _ in sbs]
    assert 12 <= len(ots) <= 60 and 4 <= len(sbs) <= 10
    for keys in (ot_keys, sb_keys):
        assert all(isinstance(k, str) and re.fullmatch(r"\d{2}", k) for k in keys)
        assert sorted(keys) == ["{:02d}".format(q) for q in range(1, len(keys) + 1)]
    assert "01" in ot_keys and "01" in sb_keys
    sb_name = {a["sb_key"]: a["sb_name"] for a, _ in sbs}
    assert sb_name["01"] == "Mitte"
    assert len(set(sb_name.values())) == len(sbs)
    for a, _ in ots:
        assert a["sb_key"] in sb_name
        assert a["sb_name"] == sb_name[a["sb_key"]]
    # every Stadtbezirk has Ortsteile
    assert {a["sb_key"] for a, _ in ots} == set(sb_keys)
    names = [a["ot_name"] for a, _ in ots]
    assert len(set(names)) == len(names)
    assert any(ch in "".join(names) for ch in "äöüßÄÖÜ")


def test_districts_tile_the_city(city):
    ots = [g for _, g in read_layer(city["gpkg"], "ortsteile")]
    sbs = read_layer(city["gpkg"], "stadtbezirke")
    for g in ots + [g for _, g in sbs]:
        assert g.IsValid()
        assert g.GetArea() > 0
    total = sum(g.GetArea() for g in ots)
    assert total == pytest.approx(union_area(ots), rel=1e-9)
    # the city is about AREA_PER_SCALE * scale
    assert total == pytest.approx(generator.AREA_PER_SCALE * SCALE, rel=0.15)
    # each Stadtbezirk is the union of its Ortsteile
    by_sb = {}
    for a, g in read_layer(city["gpkg"], "ortsteile"):
        by_sb.setdefault(a["sb_key"], []).append(g)
    for a, g in sbs:
        members = by_sb[a["sb_key"]]
        assert g.GetArea() == pytest.approx(sum(m.GetArea() for m in members), rel=1e-9)
        for m in members:
            assert m.Difference(g).GetArea() < 1e-3
    assert sum(g.GetArea() for _, g in sbs) == pytest.approx(total, rel=1e-9)


# ---------------------------------------------------------------------------
# addresses
# ---------------------------------------------------------------------------

def test_addresses_residents_add_up(city):
    adr = read_layer(city["gpkg"], "adressen")
    ots = {a["ot_key"]: (a, g) for a, g in read_layer(city["gpkg"], "ortsteile")}
    ids_ = [a["adr_id"] for a, _ in adr]
    assert len(set(ids_)) == len(ids_)
    sums = {}
    for a, g in adr:
        cohorts = [a[c] for c in generator.COHORTS]
        assert min(cohorts) >= 0
        assert sum(cohorts) == a["ew_gesamt"] > 0
        assert a["ot_key"] in ots
        sums[a["ot_key"]] = sums.get(a["ot_key"], 0) + a["ew_gesamt"]
    assert sum(sums.values()) == int(round(generator.RESIDENTS_PER_SCALE * SCALE))
    for key, (a, _) in ots.items():
        assert a["einwohner"] == sums.get(key, 0)
    # every address lies in the Ortsteil it names
    for a, g in adr:
        assert g.Within(ots[a["ot_key"]][1]), a["adr_id"]


def test_density_and_age_structure_vary(city):
    ots = read_layer(city["gpkg"], "ortsteile")
    dens = np.array([a["einwohner"] / g.GetArea() * 1e6 for a, g in ots])      # residents per km²
    assert dens.max() > 2 * np.median(dens) and dens.max() > 5 * dens.min()
    adr = read_layer(city["gpkg"], "adressen")
    by_ot = {}
    for a, _ in adr:
        s = by_ot.setdefault(a["ot_key"], np.zeros(len(generator.COHORTS)))
        s += [a[c] for c in generator.COHORTS]
    share65 = np.array([s[-1] / s.sum() for s in by_ot.values() if s.sum() >= 300])
    kids = np.array([s[:3].sum() / s.sum() for s in by_ot.values() if s.sum() >= 300])
    assert share65.max() - share65.min() > 0.08
    assert kids.max() - kids.min() > 0.03


# ---------------------------------------------------------------------------
# facilities and partnerships
# ---------------------------------------------------------------------------

def test_facilities(city):
    fac = read_layer(city["gpkg"], "einrichtungen")
    ots = {a["ot_key"]: g for a, g in read_layer(city["gpkg"], "ortsteile")}
    ids_ = [a["einr_id"] for a, _ in fac]
    assert len(set(ids_)) == len(ids_)
    types = {a["typ"] for a, _ in fac}
    assert types == set(generator.FACILITY_TYPES)
    ranges = {"Grundschule": (300, 500), "Oberschule": (400, 800), "Gymnasium": (600, 1100),
              "Kita": (40, 150), "Bibliothek": (20, 250), "Volkshochschule": (300, 900),
              "Jugendtreff": (20, 80)}
    for a, g in fac:
        assert re.fullmatch(generator.FID_PREFIX[a["typ"]] + r"\d{3}", a["einr_id"])
        lo, hi = ranges[a["typ"]]
        assert lo <= a["kapazitaet"] <= hi, a
        assert a["traeger_art"] == ("öffentlich" if a["traeger"] == "Stadt Musterstadt" else "frei")
        assert a["name"]
        assert a["ot_key"] in ots
        assert g.Within(ots[a["ot_key"]])
    assert {a["traeger_art"] for a, _ in fac} == {"öffentlich", "frei"}
    assert len({a["name"] for a, _ in fac}) == len(fac)


def test_facility_counts_scale_with_residents():
    c1 = generator._facility_counts(1.0)
    assert 20 <= c1["Grundschule"] <= 30 and 60 <= c1["Kita"] <= 80
    c10 = generator._facility_counts(10.0)
    assert c10["Kita"] == pytest.approx(10 * c1["Kita"], rel=0.05)
    small = generator._facility_counts(0.05)
    assert all(v >= 1 for v in small.values())


def test_partnerships(city):
    with open(city["partnerships_csv"], "rb") as fh:
        raw = fh.read()
    text = raw.decode("utf-8")
    df = pd.read_csv(io.StringIO(text), sep=";", dtype=str)
    assert list(df.columns) == ["von_id", "zu_id", "art"]
    fac = {a["einr_id"]: a for a, _ in read_layer(city["gpkg"], "einrichtungen")}
    used = set(df["von_id"]) | set(df["zu_id"])
    # all ids exist, except the documented external partners
    assert used - set(fac) == set(generator.UNKNOWN_PARTNER_IDS)
    assert (df["von_id"] != df["zu_id"]).all()
    pairs = {tuple(sorted(p)) for p in zip(df["von_id"], df["zu_id"])}
    assert len(pairs) == len(df)
    assert set(df["art"]) <= set(generator.PARTNERSHIP_KINDS)
    assert {"Übergang Kita–Schule", "Kooperationsvertrag", "Bildungscampus"} <= set(df["art"])
    # a few facilities without any partner
    assert 1 <= len(set(fac) - used) < len(fac) / 2
    # the campus: five facilities, all pairs linked
    campus = df[df["art"] == "Bildungscampus"]
    members = set(campus["von_id"]) | set(campus["zu_id"])
    assert len(members) == 5 and len(campus) == 10


# ---------------------------------------------------------------------------
# social table
# ---------------------------------------------------------------------------

def test_social_csv_format(city):
    with open(city["social_csv"], "rb") as fh:
        raw = fh.read()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")          # umlauts in Windows-1252, not UTF-8
    lines = raw.decode("cp1252").split("\r\n")
    assert lines[0].startswith("Sozialdaten Musterstadt")
    assert lines[1] == ""
    assert lines[2].split(";") == list(generator.SOCIAL_COLUMNS)
    assert lines[-3].startswith("Quelle:") and lines[-2].startswith("Zeichenerklärung:")
    data = [ln.split(";") for ln in lines[3:-3]]
    assert all(len(r) == len(generator.SOCIAL_COLUMNS) for r in data)
    cells = [v for r in data for v in r[6:]]
    assert "." in cells and "-" in cells
    assert any(re.fullmatch(r"\d+,\d", v) for v in cells)
    assert any(re.fullmatch(r"\d{1,3}(\.\d{3})+", r[3]) for r in data)      # thousands dot
    assert all(r[2] in {str(y) for y in generator.YEARS} for r in data)


def test_social_csv_values(city):
    df = read_social(city["social_csv"])
    assert list(df.columns) == list(generator.SOCIAL_COLUMNS)
    ots = {a["ot_key"]: a for a, _ in read_layer(city["gpkg"], "ortsteile")}
    total = df[df["Name"] == generator.TOTAL_NAME]
    rows = df[df["Name"] != generator.TOTAL_NAME]
    assert sorted(total["Jahr"]) == list(generator.YEARS)
    assert set(rows["Ortsteil"]) == set(ots)
    for year in generator.YEARS:
        part = rows[rows["Jahr"] == year]
        assert len(part) == len(ots) and part["Ortsteil"].is_unique
        tot = total[total["Jahr"] == year].iloc[0]
        for col in ("Einwohner", "Einwohner_15_64", "Kinder_u15"):
            assert part[col].sum() == tot[col]
        assert (part["Kinder_u15"] + part["Einwohner_15_64"] <= part["Einwohner"]).all()
    latest = rows[rows["Jahr"] == generator.YEARS[-1]].set_index("Ortsteil")
    for key, a in ots.items():
        assert latest.loc[key, "Einwohner"] == a["einwohner"]
        assert latest.loc[key, "Name"] == a["ot_name"]
    # rates in percent, and some districts clearly stand out
    for col in generator.RATE_COLUMNS:
        vals = rows[col].dropna()
        assert ((vals >= 0) & (vals <= 100)).all()
    sgb = latest["SGB2_Quote"].dropna()
    assert sgb.max() > 2 * sgb.median()
    assert np.corrcoef(latest["SGB2_Quote"], latest["Arbeitslosigkeit"])[0, 1] > 0.7


# ---------------------------------------------------------------------------
# street network
# ---------------------------------------------------------------------------

def _walk_components(streets):
    coords, a, b = [], [], []
    for attrs, g in streets:
        pts = np.array(g.GetPoints())[:, :2]
        start = sum(len(c) for c in coords)
        coords.append(pts)
        a.append(np.arange(start, start + len(pts) - 1))
        b.append(np.arange(start + 1, start + len(pts)))
    allc = np.vstack(coords)
    _, inv = np.unique(allc, axis=0, return_inverse=True)
    root = generator._components(inv.max() + 1, inv[np.concatenate(a)], inv[np.concatenate(b)])
    _, counts = np.unique(root, return_counts=True)
    return np.sort(counts)[::-1]


def test_street_classes_and_flags(city):
    streets = read_layer(city["gpkg"], "strassen")
    hw = {a["highway"] for a, _ in streets}
    assert hw == HIGHWAYS
    assert {a["oneway"] for a, _ in streets} == {"yes", None}
    assert {a["bridge"] for a, _ in streets} == {"yes", None}
    assert len({a["id"] for a, _ in streets}) == len(streets)
    edges = sum(g.GetPointCount() - 1 for _, g in streets)
    assert edges == pytest.approx(generator.EDGES_PER_SCALE * SCALE, rel=0.35)
    multi = [g.GetPointCount() for a, g in streets if a["highway"] == "residential"]
    assert min(multi) >= 3
    for a, g in streets:
        assert g.GetPointCount() >= 2
        if a["oneway"] == "yes" and a["highway"] == "residential":
            # digitised in one direction of travel: no segment runs backwards
            pts = np.array(g.GetPoints())[:, :2]
            seg = np.diff(pts, axis=0)
            assert (seg @ (pts[-1] - pts[0]) > 0).all()


def test_river_is_crossed_only_at_bridges(city):
    river = read_layer(city["gpkg"], "fluss")[0][1]
    assert river.GetGeometryCount() == 2          # the island is a hole
    streets = read_layer(city["gpkg"], "strassen")
    crossing = [(a, g) for a, g in streets if g.Intersects(river)]
    assert crossing
    assert all(a["bridge"] == "yes" for a, _ in crossing)
    bridges = [(a, g) for a, g in streets if a["bridge"] == "yes"]
    assert all(g.Intersects(river) for _, g in bridges)
    assert sum(1 for a, _ in bridges if a["highway"] not in ("motorway", "motorway_link")) >= 2
    assert any(a["highway"] == "motorway" for a, _ in bridges)


def test_network_connectivity_fragments_and_motorway(city):
    streets = read_layer(city["gpkg"], "strassen")
    walk = [(a, g) for a, g in streets if a["highway"] not in ("motorway", "motorway_link")]
    sizes = _walk_components(walk)
    # one large network plus a few small fragments (river island, allotment gardens)
    assert sizes[0] > 0.98 * sizes.sum()
    assert 2 <= len(sizes) - 1 <= 5
    assert sizes[1] < 100
    # the motorway touches the walking network only through its links
    walk_pts = {tuple(p) for _, g in walk for p in g.GetPoints()}
    motor_pts = {tuple(p) for a, g in streets if a["highway"] == "motorway" for p in g.GetPoints()}
    link_pts = {tuple(p) for a, g in streets if a["highway"] == "motorway_link" for p in g.GetPoints()}
    assert not (motor_pts & walk_pts)
    assert motor_pts & link_pts and link_pts & walk_pts
    with_all = _walk_components(streets)
    assert with_all[0] > sizes[0]         # links join motorway and city network


# ---------------------------------------------------------------------------
# determinism, arguments, cancel
# ---------------------------------------------------------------------------

def _contents(paths):
    out = {}
    ds = ogr.Open(paths["gpkg"])
    for q in range(ds.GetLayerCount()):
        lyr = ds.GetLayer(q)
        out[lyr.GetName()] = [(tuple(f.GetField(k) for k in range(f.GetFieldCount())),
                               f.GetGeometryRef().ExportToWkb()) for f in lyr]
    for key in ("social_csv", "partnerships_csv"):
        with open(paths[key], "rb") as fh:
            out[key] = fh.read()
    return out


def test_same_seed_same_city(tmp_path):
    a = _contents(generator.generate(str(tmp_path / "a"), scale=0.05, seed=7))
    b = _contents(generator.generate(str(tmp_path / "b"), scale=0.05, seed=7))
    assert a == b
    c = _contents(generator.generate(str(tmp_path / "c"), scale=0.05, seed=8))
    assert c["adressen"] != a["adressen"]


def test_small_scale_has_a_handful_of_districts(tmp_path):
    counts = {}
    generator.generate(str(tmp_path), scale=0.05, seed=42, counts=counts)
    assert counts["residents"] == 5000
    assert counts["ortsteile"] >= 12 and counts["stadtbezirke"] >= 4
    assert counts["edges"] == pytest.approx(5000, rel=0.4)


def test_bad_arguments(tmp_path):
    for scale in (0, -1, 1000, "x"):
        with pytest.raises(ValueError):
            generator.generate(str(tmp_path / "out"), scale=scale)
    with pytest.raises(ValueError):
        generator.generate(str(tmp_path / "out"), scale=0.05, seed=-3)
    assert not (tmp_path / "out").exists()


class _CancelAfter:
    def __init__(self, calls):
        self.calls = calls
        self.progress = []

    def isCanceled(self):  # noqa: N802
        self.calls -= 1
        return self.calls < 0

    def setProgress(self, value):  # noqa: N802
        self.progress.append(value)


def test_cancel_leaves_no_files(tmp_path):
    for calls in (1, 8, 12):
        out = tmp_path / "c{}".format(calls)
        with pytest.raises(generator.Cancelled):
            generator.generate(str(out), scale=0.05, feedback=_CancelAfter(calls))
        assert os.listdir(str(out)) == []


def test_progress_reaches_100(tmp_path):
    fb = _CancelAfter(10 ** 6)
    generator.generate(str(tmp_path), scale=0.05, feedback=fb)
    assert fb.progress[-1] == 100 and fb.progress == sorted(fb.progress)


# ---------------------------------------------------------------------------
# command line, Processing, qgis_process
# ---------------------------------------------------------------------------

def test_command_line(tmp_path):
    proc = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "make_sample_city.py"),
                           "--scale", "0.05", "--seed", "3", "--out", str(tmp_path)],
                          capture_output=True, text=True, check=True)
    assert "5000 residents" in proc.stdout
    assert sorted(os.listdir(str(tmp_path))) == sorted(
        [generator.GPKG_NAME, generator.SOCIAL_CSV_NAME, generator.PARTNERSHIPS_CSV_NAME, generator.GTFS_NAME])
    bad = subprocess.run(["/usr/bin/python3", os.path.join(ROOT, "scripts", "make_sample_city.py"),
                          "--scale", "0", "--out", str(tmp_path / "bad")], capture_output=True, text=True)
    assert bad.returncode != 0 and "scale" in bad.stderr


def test_processing_run(tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    out = str(tmp_path / "city")
    res = processing.run(ids.full_id(ids.SAMPLE_CITY), {"SCALE": 0.05, "SEED": 5, "OUTPUT_FOLDER": out})
    assert res["OUTPUT_FOLDER"] == out
    assert res["GPKG"] == os.path.join(out, generator.GPKG_NAME) and os.path.exists(res["GPKG"])
    assert os.path.exists(res["SOCIAL_CSV"]) and os.path.exists(res["PARTNERSHIPS_CSV"])
    assert res["RESIDENTS"] == 5000
    adr = read_layer(res["GPKG"], "adressen")
    assert sum(a["ew_gesamt"] for a, _ in adr) == 5000
    assert res["EDGES"] == sum(g.GetPointCount() - 1 for _, g in read_layer(res["GPKG"], "strassen"))
    # QGIS reads every layer in EPSG:25833
    from qgis.core import QgsVectorLayer

    for name in SCHEMA:
        layer = QgsVectorLayer("{}|layername={}".format(res["GPKG"], name), name, "ogr")
        assert layer.isValid(), name
        assert layer.crs().authid() == "EPSG:25833"
        assert layer.featureCount() > 0
    with pytest.raises(QgsProcessingException):
        processing.run(ids.full_id(ids.SAMPLE_CITY), {"SCALE": 0, "OUTPUT_FOLDER": str(tmp_path / "x")})


def test_processing_run_cancelled(tmp_path):
    import processing
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "city"
    with pytest.raises(QgsProcessingException):
        processing.run(ids.full_id(ids.SAMPLE_CITY), {"SCALE": 0.05, "OUTPUT_FOLDER": str(out)},
                       feedback=feedback)
    assert not out.exists() or os.listdir(str(out)) == []


def test_qgis_process(tmp_path, qgis_process_env):
    import qgisproc

    out = str(tmp_path / "city")
    res = qgisproc.run(ids.full_id(ids.SAMPLE_CITY), {"SCALE": 0.05, "OUTPUT_FOLDER": out},
                       env=qgis_process_env)
    results = res["results"]
    assert results["GPKG"] == os.path.join(out, generator.GPKG_NAME)
    assert os.path.exists(results["GPKG"])
    assert int(results["RESIDENTS"]) == 5000
    df = read_social(results["SOCIAL_CSV"])
    assert df[df["Name"] == generator.TOTAL_NAME]["Einwohner"].iloc[-1] == 5000


def test_kita_candidates(city):
    """Candidate plots for locationplanning: ~40 x scale, inside the city, on school grounds or free land."""
    rows = read_layer(city["gpkg"], "kita_kandidaten")
    assert len(rows) == max(4, round(40 * SCALE))
    ids_ = [a["kand_id"] for a, _ in rows]
    assert len(set(ids_)) == len(ids_) and all(i.startswith("KK") for i in ids_)
    fac = {a["einr_id"] for a, _ in read_layer(city["gpkg"], "einrichtungen")}
    assert not fac & set(ids_)
    ots = {a["ot_key"]: g for a, g in read_layer(city["gpkg"], "ortsteile")}
    schools = [g for a, g in read_layer(city["gpkg"], "einrichtungen")
               if a["typ"] in ("Grundschule", "Oberschule", "Gymnasium")]
    for a, g in rows:
        assert a["art"] in ("Schulgelände", "Freifläche", "Gewerbebrache")
        assert 60 <= a["kapazitaet"] <= 120 and a["flaeche_m2"] >= 25 * a["kapazitaet"]
        assert ots[a["ot_key"]].Contains(g), a
        if a["art"] == "Schulgelände":
            assert min(g.Distance(s) for s in schools) <= 15.02   # 15 m, coordinates rounded to cm
