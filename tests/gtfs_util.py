"""Write small hand-made GTFS feeds for tests."""

import os

CAL_HEADER = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date"


def hms(minutes):
    """Minutes after midnight -> 'HH:MM:SS' (hours may exceed 24)."""
    total = int(round(minutes * 60))
    return "{:02d}:{:02d}:{:02d}".format(total // 3600, (total // 60) % 60, total % 60)


def write_feed(folder, stops, trips, calendar=None, calendar_dates=None, frequencies=None, extra=None):
    """*stops*: [(id, lat, lon)]; *trips*: [(trip_id, service_id, [(stop_id, arr_min, dep_min), ...])].

    *calendar*: [(service_id, "1111100", start, end)]; *calendar_dates*: [(service_id, date, type)].
    Times given as numbers are minutes after midnight; strings are written as they are.
    """
    os.makedirs(folder, exist_ok=True)

    def w(name, lines):
        with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
            fh.write("\n".join(lines) + "\n")

    w("agency.txt", ["agency_id,agency_name,agency_url,agency_timezone", "A,Test,https://example.org,Europe/Berlin"])
    w("stops.txt", ["stop_id,stop_name,stop_lat,stop_lon"] +
      ["{0},{0},{1},{2}".format(s, "" if la is None else la, "" if lo is None else lo) for s, la, lo in stops])
    w("routes.txt", ["route_id,agency_id,route_short_name,route_type", "R,A,1,3"])
    w("trips.txt", ["route_id,service_id,trip_id"] + ["R,{},{}".format(sv, tid) for tid, sv, _ in trips])
    rows = ["trip_id,arrival_time,departure_time,stop_id,stop_sequence"]
    for tid, _sv, sts in trips:
        for k, (s, a, d) in enumerate(sts):
            a = a if isinstance(a, str) else hms(a)
            d = d if isinstance(d, str) else hms(d)
            rows.append("{},{},{},{},{}".format(tid, a, d, s, k + 1))
    w("stop_times.txt", rows)
    if calendar is not None:
        w("calendar.txt", [CAL_HEADER] + ["{},{},{},{}".format(sv, ",".join(days), a, b)
                                           for sv, days, a, b in calendar])
    if calendar_dates is not None:
        w("calendar_dates.txt", ["service_id,date,exception_type"] +
          ["{},{},{}".format(*r) for r in calendar_dates])
    if frequencies is not None:
        w("frequencies.txt", ["trip_id,start_time,end_time,headway_secs,exact_times"] +
          ["{},{},{},{},1".format(t, hms(a), hms(b), h) for t, a, b, h in frequencies])
    for name, lines in (extra or {}).items():
        w(name, lines)
    return folder


WEEKDAYS = "1111100"
