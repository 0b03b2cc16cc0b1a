"""The sample city's GTFS feed (sample/gtfs.py), read back with the plugin's reader and OGR."""

import io
import zipfile

import numpy as np
import pandas as pd
import pytest
from osgeo import ogr

from bildungslandschaft_plugin.core import gtfs
from bildungslandschaft_plugin.sample import generator
from bildungslandschaft_plugin.sample import gtfs as sample_gtfs


@pytest.fixture(scope="module")
def city(tmp_path_factory):
    out = tmp_path_factory.mktemp("musterstadt_gtfs")
    return generator.generate(str(out), scale=0.1, seed=42)


def read(path, name):
    with zipfile.ZipFile(path) as z:
        return pd.read_csv(io.BytesIO(z.read(name)), dtype=str)


def test_feed_is_complete_and_runs_on_weekdays(city):
    tt = gtfs.load_timetable(city["gtfs"], sample_gtfs.SAMPLE_DATE)
    assert not tt.warnings and tt.n_trips > 200
    routes = read(city["gtfs"], "routes.txt")
    assert set(routes["route_type"]) == {"0", "3"}  # tram and bus
    with pytest.raises(gtfs.GtfsError):
        gtfs.load_timetable(city["gtfs"], "2025-09-20")  # Saturday
    with pytest.raises(gtfs.GtfsError):
        gtfs.load_timetable(city["gtfs"], "2025-10-03")  # holiday removed by calendar_dates.txt
    assert gtfs.load_timetable(city["gtfs"], "2025-10-02").n_trips == tt.n_trips


def test_headways_between_5_and_20_minutes(city):
    tt = gtfs.load_timetable(city["gtfs"], sample_gtfs.SAMPLE_DATE)
    trips = read(city["gtfs"], "trips.txt").set_index("trip_id")
    first = tt.trip_ptr[:-1]
    by_line = {}
    for k, tid in enumerate(tt.trip_ids):
        key = (trips.loc[tid, "route_id"], trips.loc[tid, "direction_id"])
        by_line.setdefault(key, []).append(tt.st_dep[first[k]])
    for key, deps in by_line.items():
        gaps = np.diff(np.sort(deps)) / 60.0
        assert gaps.min() >= 5 and gaps.max() <= 20, key


def test_stops_lie_on_main_streets(city):
    tt = gtfs.load_timetable(city["gtfs"], sample_gtfs.SAMPLE_DATE)
    ds = ogr.Open(city["gpkg"])
    lyr = ds.GetLayerByName("strassen")
    lyr.SetAttributeFilter("highway IN ('primary', 'secondary', 'tertiary')")
    main = ogr.Geometry(ogr.wkbMultiLineString)
    for f in lyr:
        main.AddGeometry(f.GetGeometryRef().Clone())
    from osgeo import osr
    src = osr.SpatialReference()
    src.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(generator.EPSG)
    ct = osr.CoordinateTransformation(src, dst)
    for lon, lat in zip(tt.stop_lon, tt.stop_lat):
        x, y, _ = ct.TransformPoint(float(lon), float(lat))
        p = ogr.Geometry(ogr.wkbPoint)
        p.AddPoint_2D(x, y)
        assert p.Distance(main) < 1.0


def test_same_seed_same_feed(city, tmp_path):
    c = generator.build_city(0.1, 42)
    path, *_ = sample_gtfs.write_gtfs(c, str(tmp_path / "again.zip"))
    assert open(path, "rb").read() == open(city["gtfs"], "rb").read()
