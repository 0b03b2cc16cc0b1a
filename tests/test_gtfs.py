"""GTFS reader (core/gtfs.py): service days, times, bad input."""

import os
import zipfile

import numpy as np
import pytest

from bildungslandschaft_plugin.core import gtfs
from tests.gtfs_util import WEEKDAYS, write_feed

DATE = "2024-09-18"  # Wednesday
CAL = [("WD", WEEKDAYS, "20240101", "20241231")]
STOPS = [("A", 49.0, 8.0), ("B", 49.01, 8.0), ("C", 49.02, 8.0)]
TRIP = ("t", "WD", [("A", 420, 420), ("B", 425, 426), ("C", 430, 430)])


def test_times_and_arrays(tmp_path):
    folder = write_feed(str(tmp_path / "g"), STOPS, [TRIP], calendar=CAL)
    tt = gtfs.load_timetable(folder, DATE)
    assert tt.stop_ids == ["A", "B", "C"]
    assert tt.st_stop.tolist() == [0, 1, 2]
    assert tt.st_arr.tolist() == [25200, 25500, 25800]
    assert tt.st_dep.tolist() == [25200, 25560, 25800]
    trip, pos, u, v, dep, arr = tt.connections()
    assert u.tolist() == [0, 1] and v.tolist() == [1, 2] and dep.tolist() == [25200, 25560]
    assert arr.tolist() == [25500, 25800]
    assert np.allclose(tt.stop_lat, [49.0, 49.01, 49.02])


def test_zip_with_subfolder_and_bom(tmp_path):
    folder = write_feed(str(tmp_path / "g"), STOPS, [TRIP], calendar=CAL)
    path = str(tmp_path / "feed.zip")
    with zipfile.ZipFile(path, "w") as z:
        for name in os.listdir(folder):
            data = open(os.path.join(folder, name), "rb").read()
            if name == "stops.txt":
                data = b"\xef\xbb\xbf" + data
            z.writestr("feed/" + name, data)
    tt = gtfs.load_timetable(path, DATE)
    assert tt.n_trips == 1 and tt.stop_ids == ["A", "B", "C"]


def test_only_calendar_dates(tmp_path):
    folder = write_feed(str(tmp_path / "g"), STOPS, [TRIP], calendar_dates=[("WD", "20240918", 1)])
    assert gtfs.load_timetable(folder, DATE).n_trips == 1
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(folder, "2024-09-19")
    assert err.value.code == "no_service" and "2024-09-18 to 2024-09-18" in str(err.value)


def test_missing_files(tmp_path):
    folder = write_feed(str(tmp_path / "g"), STOPS, [TRIP])  # no calendar at all
    os.remove(os.path.join(folder, "routes.txt"))
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(folder, DATE)
    assert err.value.code == "missing_files"
    assert "routes.txt" in str(err.value) and "calendar.txt / calendar_dates.txt" in str(err.value)
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(str(tmp_path / "nothing"), DATE)
    assert err.value.code == "not_found"
    bad = tmp_path / "x.zip"
    bad.write_text("no zip")
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(str(bad), DATE)
    assert err.value.code == "not_gtfs"


def test_short_times_are_read_and_counted(tmp_path):
    trip = ("t", "WD", [("A", "7:5:00", "7:5:00"), ("B", "7:10:0", "07:10:00"), ("C", "07:20:00", "07:20:00")])
    tt = gtfs.load_timetable(write_feed(str(tmp_path / "g"), STOPS, [trip], calendar=CAL), DATE)
    assert tt.st_arr.tolist() == [7 * 3600 + 300, 7 * 3600 + 600, 7 * 3600 + 1200]
    assert ("nonstandard_time", 3) in [(w[0], w[1]) for w in tt.warnings]


@pytest.mark.parametrize("value", ["7h05", "07:65:00", "abc"])
def test_bad_time_names_the_line(tmp_path, value):
    trip = ("t", "WD", [("A", "07:00:00", "07:00:00"), ("B", value, value), ("C", "07:20:00", "07:20:00")])
    with pytest.raises(gtfs.GtfsError) as err:
        gtfs.load_timetable(write_feed(str(tmp_path / "g"), STOPS, [trip], calendar=CAL), DATE)
    assert err.value.code == "bad_time" and "line 3" in str(err.value) and value in str(err.value)


def test_out_of_order_trip_is_dropped_and_counted(tmp_path):
    bad = ("back", "WD", [("A", 430, 430), ("B", 425, 425), ("C", 440, 440)])
    tt = gtfs.load_timetable(write_feed(str(tmp_path / "g"), STOPS, [TRIP, bad], calendar=CAL), DATE)
    assert tt.trip_ids == ["t"]
    assert ("out_of_order", 1, "back") in [w[:3] for w in tt.warnings]
    assert any("back" in line for line in gtfs.warning_lines(tt))


def test_stop_without_coordinates_is_counted_and_kept(tmp_path):
    stops = [("A", 49.0, 8.0), ("B", None, None), ("C", 49.02, 8.0)]
    tt = gtfs.load_timetable(write_feed(str(tmp_path / "g"), stops, [TRIP], calendar=CAL), DATE)
    assert tt.n_trips == 1 and np.isnan(tt.stop_lat[1])
    assert ("stop_without_coordinates", 1, "B") in [w[:3] for w in tt.warnings]


def test_empty_intermediate_times_are_interpolated(tmp_path):
    trip = ("t", "WD", [("A", 420, 420), ("B", "", ""), ("C", 430, 430)])
    tt = gtfs.load_timetable(write_feed(str(tmp_path / "g"), STOPS, [trip], calendar=CAL), DATE)
    assert tt.st_arr.tolist() == [25200, 25500, 25800]
    assert ("interpolated", 1) in [(w[0], w[1]) for w in tt.warnings]


def test_unknown_stop_drops_the_trip(tmp_path):
    bad = ("ghost", "WD", [("A", 420, 420), ("Z", 425, 425)])
    tt = gtfs.load_timetable(write_feed(str(tmp_path / "g"), STOPS, [TRIP, bad], calendar=CAL), DATE)
    assert tt.trip_ids == ["t"] and ("unknown_stop", 1, "ghost") in [w[:3] for w in tt.warnings]


def test_dates_and_clock():
    assert gtfs.parse_date("2024-09-18").isoformat() == "2024-09-18"
    assert gtfs.parse_date("20240918").isoformat() == "2024-09-18"
    with pytest.raises(gtfs.GtfsError):
        gtfs.parse_date("18.09.2024")
    assert gtfs.parse_clock("07:00") == 25200 and gtfs.parse_clock("7:30") == 27000
    assert gtfs.parse_clock("24:10") == 87000
    with pytest.raises(gtfs.GtfsError):
        gtfs.parse_clock("7.30")

