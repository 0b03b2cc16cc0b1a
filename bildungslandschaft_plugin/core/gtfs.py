"""Read a GTFS feed (``.zip`` or folder) into the timetable of one service day (no QGIS).

Semantics (``docs/transit.md``)
-------------------------------
* Required files: ``stops.txt``, ``routes.txt``, ``trips.txt``, ``stop_times.txt`` and
  ``calendar.txt`` and/or ``calendar_dates.txt``. Missing ones raise :class:`GtfsError`
  (code ``missing_files``).
* Service day: a service_id runs on *date* when ``calendar.txt`` has the weekday flag set and
  ``start_date <= date <= end_date``; then ``calendar_dates.txt`` exception_type 1 adds and 2
  removes it on that date. No trip runs -> ``no_service`` (the message names the feed's dates).
* Times are seconds after midnight of *date*; values >= 24:00:00 are allowed (trips of the
  service day running after midnight). Trips of the previous service day are not included.
* Times are read tolerantly: ``H:MM:SS`` with one- or two-digit parts (``7:5:00`` = 07:05:00,
  counted in ``warnings``); anything else raises ``bad_time`` naming the file row.
* Empty arrival/departure times between timepoints are interpolated linearly by stop order
  (counted); an empty arrival takes the departure and vice versa.
* A trip whose times decrease along ``stop_sequence`` (or with departure < arrival), or that
  names an unknown stop, is dropped and counted (``warnings``), never partly used.
* ``frequencies.txt``: every row is expanded to scheduled trips departing at
  ``start_time, start_time + headway_secs, ...`` while ``< end_time`` (exact_times semantics,
  also for ``exact_times=0``, counted); the template trip's own times are then not used.
* ``pickup_type``/``drop_off_type`` 1 (no pickup / no drop-off) are respected.
* ``transfers.txt`` is ignored (transfers are the walks of the walk engine).
* Stops without coordinates keep running (their vehicles stop there) but cannot be walked to
  or from; they are counted.

API
---
``load_timetable(path, date)`` -> :class:`Timetable` with the stop-time arrays of the trips
running on *date*; ``timetable.warnings`` lists ``(code, count, example, text)``.
"""

import datetime as _dt
import io
import os
import re
import zipfile

import numpy as np
import pandas as pd

from ._tr import tr

REQUIRED = ("stops.txt", "routes.txt", "trips.txt", "stop_times.txt")
CALENDARS = ("calendar.txt", "calendar_dates.txt")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_TIME_RE = re.compile(r"^\s*(\d{1,3}):(\d{1,2}):(\d{1,2})\s*$")


class GtfsError(ValueError):
    """Bad GTFS input; ``code`` names the case, the message says what to do."""

    def __init__(self, code, message):
        super().__init__(message)
        self.code = code


def parse_date(text):
    """``YYYY-MM-DD`` or ``YYYYMMDD`` -> ``datetime.date``; raise GtfsError ``bad_date``."""
    s = str(text or "").strip()
    for fmt in ("%Y-%m-%d", "%Y%m%d"):
        try:
            return _dt.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise GtfsError("bad_date", tr("GTFS_DATE '{0}' is not a date; write it as YYYY-MM-DD, e.g. 2024-09-17.").format(s))


def parse_clock(text, name="time"):
    """``HH:MM`` (or ``HH:MM:SS``) -> seconds after midnight; raise GtfsError ``bad_clock``."""
    s = str(text or "").strip()
    m = re.match(r"^(\d{1,2}):(\d{2})(?::(\d{2}))?$", s)
    if not m or int(m.group(2)) >= 60 or (m.group(3) and int(m.group(3)) >= 60):
        raise GtfsError("bad_clock", tr("{0}: '{1}' is not a time of day; write it as HH:MM, e.g. 07:00.").format(name, s))
    return int(m.group(1)) * 3600 + int(m.group(2)) * 60 + int(m.group(3) or 0)


def parse_times(values, file_name, lines=None):
    """GTFS times -> float seconds (NaN for empty) and the number of non-standard ones.

    Standard is ``HH:MM:SS``; ``H:M:S`` with one-digit parts is accepted and counted. Anything
    else (letters, minutes or seconds >= 60) raises ``bad_time`` naming the line of *file_name*.
    """
    s = pd.Series(values, dtype=object).fillna("").astype(str).str.strip()
    out = np.full(len(s), np.nan)
    empty = (s == "").to_numpy()
    parts = s.str.extract(r"^(\d{1,3}):(\d{1,2}):(\d{1,2})$")
    ok = parts[0].notna().to_numpy()
    bad = ~ok & ~empty
    if ok.any():
        h = parts[0][ok].astype(np.int64).to_numpy()
        m = parts[1][ok].astype(np.int64).to_numpy()
        sec = parts[2][ok].astype(np.int64).to_numpy()
        over = (m >= 60) | (sec >= 60)
        if over.any():
            bad_idx = np.flatnonzero(ok)[over]
            bad[bad_idx] = True
        out[ok] = h * 3600 + m * 60 + sec
    if bad.any():
        k = int(np.flatnonzero(bad)[0])
        raise GtfsError("bad_time", tr("{0}, line {1}: '{2}' is not a GTFS time (HH:MM:SS); {3} such values.").format(
            file_name, int(lines[k]) if lines is not None else k + 2, s.iloc[k], int(bad.sum())))
    std = s.str.match(r"^\d{2,3}:\d{2}:\d{2}$").to_numpy()
    n_nonstd = int((ok & ~std).sum())
    return out, n_nonstd


class _Source:
    """Files of a GTFS zip or folder (also a zip with the files in one subfolder)."""

    def __init__(self, path):
        self.path = str(path)
        self.zip = None
        self.names = {}
        if os.path.isdir(self.path):
            for name in os.listdir(self.path):
                self.names[name.lower()] = os.path.join(self.path, name)
        elif os.path.isfile(self.path):
            try:
                self.zip = zipfile.ZipFile(self.path)
            except zipfile.BadZipFile:
                raise GtfsError("not_gtfs", tr("GTFS '{0}' is neither a zip file nor a folder.").format(self.path)) from None
            for name in self.zip.namelist():
                base = name.rsplit("/", 1)[-1].lower()
                if base and base not in self.names:
                    self.names[base] = name
        else:
            raise GtfsError("not_found", tr("GTFS '{0}' does not exist.").format(self.path))

    def has(self, name):
        return name in self.names

    def read(self, name, columns=None):
        raw = self.zip.read(self.names[name]) if self.zip else open(self.names[name], "rb").read()
        if not raw.strip():
            return pd.DataFrame()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        df = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skipinitialspace=True)
        df.columns = [str(c).strip().lower() for c in df.columns]
        if columns:
            missing = [c for c in columns if c not in df.columns]
            if missing:
                raise GtfsError("missing_column", tr("GTFS file {0} has no column {1}.").format(
                    name, ", ".join(missing)))
        for c in df.columns:
            df[c] = df[c].str.strip()
        return df


def active_services(calendar, calendar_dates, date):
    """Set of service_ids running on *date* (calendar.txt then calendar_dates.txt exceptions)."""
    ymd = int(date.strftime("%Y%m%d"))
    active = set()
    if calendar is not None and len(calendar):
        day = WEEKDAYS[date.weekday()]
        start = pd.to_numeric(calendar["start_date"], errors="coerce")
        end = pd.to_numeric(calendar["end_date"], errors="coerce")
        flag = calendar[day] == "1"
        on = flag & (start <= ymd) & (end >= ymd)
        active.update(calendar.loc[on, "service_id"].tolist())
    if calendar_dates is not None and len(calendar_dates):
        cd = calendar_dates[pd.to_numeric(calendar_dates["date"], errors="coerce") == ymd]
        active.update(cd.loc[cd["exception_type"] == "1", "service_id"].tolist())
        active.difference_update(cd.loc[cd["exception_type"] == "2", "service_id"].tolist())
    return active


def feed_date_range(calendar, calendar_dates):
    """(first, last) date (YYYYMMDD ints) the feed's calendars mention, or None."""
    values = []
    if calendar is not None and len(calendar):
        values += pd.to_numeric(calendar["start_date"], errors="coerce").dropna().tolist()
        values += pd.to_numeric(calendar["end_date"], errors="coerce").dropna().tolist()
    if calendar_dates is not None and len(calendar_dates):
        cd = calendar_dates[calendar_dates["exception_type"] == "1"]
        values += pd.to_numeric(cd["date"], errors="coerce").dropna().tolist()
    if not values:
        return None
    return int(min(values)), int(max(values))


def _fmt_ymd(v):
    s = str(int(v))
    return "{}-{}-{}".format(s[:4], s[4:6], s[6:])


class Timetable:
    """Stop times of the trips running on one service day.

    ``stop_ids`` (list), ``stop_lon``/``stop_lat`` (NaN without coordinates), ``stop_name``;
    trips as CSR arrays: ``trip_ptr`` (n_trips + 1), ``st_stop``, ``st_arr``, ``st_dep``
    (float seconds after midnight of the date); ``trip_ids``, ``trip_route``.
    """

    def __init__(self):
        self.warnings = []
        self.notes = []

    @property
    def n_trips(self):
        return len(self.trip_ptr) - 1

    @property
    def n_stops(self):
        return len(self.stop_ids)

    def warn(self, code, count, example, text):
        if count:
            self.warnings.append((code, int(count), example, text))

    def connections(self, t_min=-np.inf, t_max=np.inf):
        """Elementary connections (trip, position, from stop, to stop, dep, arr) with t_min <= dep <= t_max."""
        n = len(self.st_stop)
        if n == 0:
            z = np.zeros(0, np.int64)
            return z, z, z, z, np.zeros(0), np.zeros(0)
        trip_of = np.repeat(np.arange(self.n_trips), np.diff(self.trip_ptr))
        pos = np.arange(n) - self.trip_ptr[trip_of]
        nxt = np.ones(n, dtype=bool)
        nxt[-1] = False
        nxt[:-1] = trip_of[1:] == trip_of[:-1]
        i = np.flatnonzero(nxt)
        dep = self.st_dep[i]
        keep = (dep >= t_min) & (dep <= t_max)
        i = i[keep]
        return trip_of[i], pos[i], self.st_stop[i], self.st_stop[i + 1], self.st_dep[i], self.st_arr[i + 1]


def load_timetable(path, date):
    """Timetable of the trips of GTFS *path* running on *date* (``datetime.date`` or text)."""
    if not isinstance(date, _dt.date):
        date = parse_date(date)
    src = _Source(path)
    missing = [n for n in REQUIRED if not src.has(n)]
    if not any(src.has(n) for n in CALENDARS):
        missing.append("calendar.txt / calendar_dates.txt")
    if missing:
        raise GtfsError("missing_files", tr("GTFS '{0}' lacks the required file(s): {1}.").format(
            os.path.basename(src.path), ", ".join(missing)))
    tt = Timetable()
    stops = src.read("stops.txt", ["stop_id"])
    src.read("routes.txt", ["route_id"])
    trips = src.read("trips.txt", ["route_id", "service_id", "trip_id"])
    calendar = src.read("calendar.txt", ["service_id", "start_date", "end_date"] + list(WEEKDAYS)) \
        if src.has("calendar.txt") else None
    cdates = src.read("calendar_dates.txt", ["service_id", "date", "exception_type"]) \
        if src.has("calendar_dates.txt") else None
    services = active_services(calendar, cdates, date)
    run = trips[trips["service_id"].isin(services)]
    if not len(run):
        rng = feed_date_range(calendar, cdates)
        where = tr(" The feed's calendars cover {0} to {1}.").format(_fmt_ymd(rng[0]), _fmt_ymd(rng[1])) if rng else ""
        raise GtfsError("no_service", tr("No trip of the GTFS feed runs on {0} (no active service_id).{1} "
                                         "Choose a GTFS_DATE inside the timetable period.").format(
            date.isoformat(), where))
    if run["trip_id"].duplicated().any():
        dup = run.loc[run["trip_id"].duplicated(), "trip_id"].iloc[0]
        raise GtfsError("duplicate_trip", tr("trips.txt: trip_id '{0}' occurs more than once.").format(dup))

    # stops
    stop_ids = stops["stop_id"].tolist()
    if len(set(stop_ids)) != len(stop_ids):
        dup = stops.loc[stops["stop_id"].duplicated(), "stop_id"].iloc[0]
        raise GtfsError("duplicate_stop", tr("stops.txt: stop_id '{0}' occurs more than once.").format(dup))
    lat = pd.to_numeric(stops.get("stop_lat", pd.Series([""] * len(stops))), errors="coerce").to_numpy(float)
    lon = pd.to_numeric(stops.get("stop_lon", pd.Series([""] * len(stops))), errors="coerce").to_numpy(float)
    bad_xy = ~np.isfinite(lat) | ~np.isfinite(lon) | (np.abs(lat) > 90) | (np.abs(lon) > 180) | \
        ((lat == 0) & (lon == 0))
    lat[bad_xy] = np.nan
    lon[bad_xy] = np.nan
    stop_index = pd.Series(np.arange(len(stop_ids)), index=stop_ids)

    # stop times of the running trips
    st = src.read("stop_times.txt", ["trip_id", "stop_id", "stop_sequence", "arrival_time", "departure_time"])
    st["_line"] = np.arange(len(st)) + 2
    st = st[st["trip_id"].isin(set(run["trip_id"]))].copy()
    seq = pd.to_numeric(st["stop_sequence"], errors="coerce")
    if seq.isna().any():
        k = int(np.flatnonzero(seq.isna().to_numpy())[0])
        raise GtfsError("bad_sequence", tr("stop_times.txt, line {0}: stop_sequence '{1}' is not a number.").format(
            int(st["_line"].iloc[k]), st["stop_sequence"].iloc[k]))
    st["_seq"] = seq.to_numpy()
    lines = st["_line"].to_numpy()
    arr, n1 = parse_times(st["arrival_time"].to_numpy(), "stop_times.txt", lines)
    dep, n2 = parse_times(st["departure_time"].to_numpy(), "stop_times.txt", lines)
    tt.warn("nonstandard_time", n1 + n2, "", tr("times not written HH:MM:SS (e.g. 7:5:00) were read as 07:05:00"))
    st["_arr"] = arr
    st["_dep"] = dep
    st = st.sort_values(["trip_id", "_seq"], kind="stable")
    if st.duplicated(["trip_id", "_seq"]).any():
        row = st[st.duplicated(["trip_id", "_seq"])].iloc[0]
        raise GtfsError("duplicate_sequence", tr("stop_times.txt, line {0}: trip '{1}' has stop_sequence {2} twice.").format(
            int(row["_line"]), row["trip_id"], row["stop_sequence"]))
    st["_stop"] = st["stop_id"].map(stop_index)
    a = st["_arr"].to_numpy().copy()
    d = st["_dep"].to_numpy().copy()
    a_only = np.isnan(a) & ~np.isnan(d)
    d_only = np.isnan(d) & ~np.isnan(a)
    a[a_only] = d[a_only]
    d[d_only] = a[d_only]
    trip_codes, trip_of = np.unique(st["trip_id"].to_numpy(), return_inverse=True)
    n_rows = len(st)
    first = np.ones(n_rows, dtype=bool)
    first[1:] = trip_of[1:] != trip_of[:-1]
    last = np.ones(n_rows, dtype=bool)
    last[:-1] = trip_of[1:] != trip_of[:-1]
    # interpolate empty times by stop order between timepoints of the same trip
    gap = np.isnan(a)
    bad_trip = np.zeros(len(trip_codes), dtype=bool)
    bad_trip[trip_of[gap & (first | last)]] = True
    n_interp = int((gap & ~first & ~last).sum())
    if n_interp:
        idx = np.arange(n_rows, dtype=float)
        known = ~gap
        for t in np.unique(trip_of[gap & ~first & ~last]):
            m = trip_of == t
            kn = m & known
            if kn.sum() >= 2:
                vals = np.interp(idx[m], idx[kn], a[kn])
                fill = m & gap
                a[fill] = vals[(fill[m])]
                d[fill] = a[fill]
    tt.warn("interpolated", n_interp, "", tr("stop times without a time were interpolated by stop order"))
    n_no_time = int(bad_trip.sum())
    tt.warn("first_last_without_time", n_no_time, trip_codes[bad_trip][0] if n_no_time else "",
            tr("trips whose first or last stop has no time were dropped"))
    # unknown stops
    no_stop = st["_stop"].isna().to_numpy()
    bad_stop_trip = np.zeros(len(trip_codes), dtype=bool)
    bad_stop_trip[trip_of[no_stop]] = True
    n_unknown = int(bad_stop_trip.sum())
    tt.warn("unknown_stop", n_unknown, trip_codes[bad_stop_trip][0] if n_unknown else "",
            tr("trips naming a stop_id missing from stops.txt were dropped"))
    # order: departure >= arrival at a stop, next arrival >= departure
    back = np.zeros(n_rows, dtype=bool)
    with np.errstate(invalid="ignore"):
        back |= d < a
        back[1:] |= (a[1:] < d[:-1]) & ~first[1:]
    order_trip = np.zeros(len(trip_codes), dtype=bool)
    order_trip[trip_of[back]] = True
    order_trip &= ~bad_trip & ~bad_stop_trip
    n_order = int(order_trip.sum())
    tt.warn("out_of_order", n_order, trip_codes[order_trip][0] if n_order else "",
            tr("trips whose times go backwards along stop_sequence were dropped"))
    drop = bad_trip | bad_stop_trip | order_trip
    keep_rows = ~drop[trip_of]
    stop_col = st["_stop"].to_numpy()
    pick = (st["pickup_type"] != "1").to_numpy() if "pickup_type" in st.columns else np.ones(n_rows, bool)
    drop_ok = (st["drop_off_type"] != "1").to_numpy() if "drop_off_type" in st.columns else np.ones(n_rows, bool)
    trip_of, stop_col, a, d = trip_of[keep_rows], stop_col[keep_rows], a[keep_rows], d[keep_rows]
    pick, drop_ok = pick[keep_rows], drop_ok[keep_rows]
    keep_trips = np.flatnonzero(~drop)
    renum = np.full(len(trip_codes), -1)
    renum[keep_trips] = np.arange(len(keep_trips))
    trip_of = renum[trip_of]
    trip_codes = trip_codes[keep_trips]
    single = np.bincount(trip_of, minlength=len(trip_codes)) < 2

    # frequencies: expand templates into scheduled trips
    trips_list = []  # (trip_id, stops, arr, dep)
    starts = np.searchsorted(trip_of, np.arange(len(trip_codes)))
    ends = np.searchsorted(trip_of, np.arange(len(trip_codes)), side="right")
    freq_rows = None
    if src.has("frequencies.txt"):
        fr = src.read("frequencies.txt")
        if len(fr):
            for c in ("trip_id", "start_time", "end_time", "headway_secs"):
                if c not in fr.columns:
                    raise GtfsError("missing_column", tr("GTFS file {0} has no column {1}.").format("frequencies.txt", c))
            fr = fr[fr["trip_id"].isin(set(trip_codes))]
            if len(fr):
                freq_rows = fr
    templates = {}
    if freq_rows is not None:
        f_start, _ = parse_times(freq_rows["start_time"].to_numpy(), "frequencies.txt", freq_rows.index + 2)
        f_end, _ = parse_times(freq_rows["end_time"].to_numpy(), "frequencies.txt", freq_rows.index + 2)
        head = pd.to_numeric(freq_rows["headway_secs"], errors="coerce").to_numpy(float)
        for k, tid in enumerate(freq_rows["trip_id"].tolist()):
            if not (np.isfinite(head[k]) and head[k] > 0 and np.isfinite(f_start[k]) and np.isfinite(f_end[k])):
                raise GtfsError("bad_frequency", tr("frequencies.txt, line {0}: trip '{1}' needs start_time, "
                                                    "end_time and headway_secs > 0.").format(
                    int(freq_rows.index[k]) + 2, tid))
            templates.setdefault(tid, []).append((f_start[k], f_end[k], head[k]))
    n_expanded = 0
    for i, code in enumerate(trip_codes):
        if single[i]:
            continue
        s, e = starts[i], ends[i]
        if code in templates:
            base = d[s]
            for t0, t1, h in templates[code]:
                t = t0
                while t < t1:
                    shift = t - base
                    trips_list.append(("{}@{}".format(code, int(t)), stop_col[s:e], a[s:e] + shift, d[s:e] + shift,
                                       pick[s:e], drop_ok[s:e]))
                    n_expanded += 1
                    t += h
        else:
            trips_list.append((code, stop_col[s:e], a[s:e], d[s:e], pick[s:e], drop_ok[s:e]))
    tt.warn("frequencies", n_expanded, "", tr("scheduled trips were made from frequencies.txt (exact times)"))
    tt.warn("single_stop", int(single.sum()), "", tr("trips with fewer than two stops were ignored"))
    if src.has("transfers.txt"):
        tt.notes.append(tr("GTFS: transfers.txt is ignored; transfers are walks over the street network."))
    if not trips_list:
        raise GtfsError("no_trips", tr("No usable trip of the GTFS feed runs on {0}.").format(date.isoformat()))
    lens = np.array([len(t[1]) for t in trips_list], dtype=np.int64)
    tt.trip_ptr = np.concatenate([[0], np.cumsum(lens)]).astype(np.int64)
    tt.trip_ids = [t[0] for t in trips_list]
    tt.st_stop = np.concatenate([t[1] for t in trips_list]).astype(np.int64)
    tt.st_arr = np.concatenate([t[2] for t in trips_list]).astype(float)
    tt.st_dep = np.concatenate([t[3] for t in trips_list]).astype(float)
    tt.st_pickup = np.concatenate([t[4] for t in trips_list]).astype(bool)
    tt.st_dropoff = np.concatenate([t[5] for t in trips_list]).astype(bool)
    tt.stop_ids = stop_ids
    tt.stop_lon = lon
    tt.stop_lat = lat
    tt.stop_name = stops["stop_name"].tolist() if "stop_name" in stops.columns else list(stop_ids)
    used = np.zeros(len(stop_ids), dtype=bool)
    used[tt.st_stop] = True
    tt.stop_used = used
    n_no_xy = int((used & bad_xy).sum())
    tt.warn("stop_without_coordinates", n_no_xy,
            stop_ids[int(np.flatnonzero(used & bad_xy)[0])] if n_no_xy else "",
            tr("stops without coordinates cannot be walked to or from (their vehicles still run)"))
    tt.date = date
    return tt


def warning_lines(tt):
    """One English/translated line per counted warning."""
    out = []
    for code, count, example, text in tt.warnings:
        if example:
            out.append(tr("GTFS: {0} {1} (e.g. {2}).").format(count, text, example))
        else:
            out.append(tr("GTFS: {0} {1}.").format(count, text))
    return out
