"""A plausible GTFS feed for the sample city "Musterstadt" (no QGIS; GDAL/OSR only for WGS84).

``write_gtfs(city, path)`` writes ``musterstadt_gtfs.zip``: tram and bus lines along the main
streets (primary/secondary/tertiary) from one side of the city through the centre to the other,
both directions, stops about every 450 m (tram) / 350 m (bus) — stops of different lines closer
than 80 m are one stop, so lines meet at shared stops —, stop times in whole minutes, weekday
service 05:00–23:30: trams every 5 min 06:00–09:00 and 15:00–18:00 and every 10 min otherwise,
buses every 10 / 20 min. One weekday calendar 2025-01-01 … 2027-12-31 (``SAMPLE_DATE`` is a
Tuesday in term time) with 3 October (Tag der Deutschen Einheit) removed by ``calendar_dates.txt``.

It uses its own random generator (seeded from the city's seed), so the other sample files are
unchanged by it.
"""

import io
import math
import zipfile

import numpy as np
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components, dijkstra

GTFS_NAME = "musterstadt_gtfs.zip"
SAMPLE_DATE = "2025-09-16"
MAIN = ("primary", "secondary", "tertiary")
TRAM_KMH, BUS_KMH = 21.0, 17.0
DWELL_S = 20.0
SERVICE_START, SERVICE_END = 5 * 3600, 23 * 3600 + 1800
PEAKS = ((6 * 3600, 9 * 3600), (15 * 3600, 18 * 3600))
HOLIDAYS = ("20251003", "20261003", "20271003")


def _main_graph(city):
    """Nodes (xy), CSR graph of the main streets (metres), street name per edge key."""
    segs_a, segs_b, names = [], [], []
    for coords, name, hw, _ow, _br in city.streets:
        if hw not in MAIN:
            continue
        xy = np.asarray(coords, dtype=float)[:, :2]
        segs_a.append(xy[:-1])
        segs_b.append(xy[1:])
        names += [name or ""] * (len(xy) - 1)
    a = np.vstack(segs_a)
    b = np.vstack(segs_b)
    pts = np.round(np.vstack([a, b]), 2)
    node_xy, inv = np.unique(pts, axis=0, return_inverse=True)
    inv = inv.ravel()
    u, v = inv[:len(a)], inv[len(a):]
    w = np.hypot(*(b - a).T)
    keep = u != v
    u, v, w = u[keep], v[keep], w[keep]
    names = [n for n, k in zip(names, keep) if k]
    n = len(node_xy)
    g = sp.coo_matrix((np.concatenate([w, w]), (np.concatenate([u, v]), np.concatenate([v, u]))),
                      shape=(n, n)).tocsr()
    edge_name = {}
    for x, y, nm in zip(u.tolist(), v.tolist(), names):
        edge_name[(x, y)] = nm
        edge_name[(y, x)] = nm
    return node_xy, g, edge_name


def _lines(city, rng):
    """[(kind, short name, polyline xy, street name per vertex)] through the centre."""
    node_xy, g, edge_name = _main_graph(city)
    _n, comp = connected_components(g, directed=False)
    biggest = np.argmax(np.bincount(comp))
    nodes = np.flatnonzero(comp == biggest)
    centre = node_xy[nodes].mean(axis=0)
    rel = node_xy[nodes] - centre
    scale = max(float(city.scale), 0.01)
    n_tram = 2 if scale < 4 else 4
    n_bus = max(3, int(round(4 * math.sqrt(scale))))
    kinds = ["tram"] * n_tram + ["bus"] * n_bus
    offset = rng.uniform(0, math.pi)
    out = []
    used_pairs = set()
    for k, kind in enumerate(kinds):
        theta = offset + math.pi * k / len(kinds) + rng.uniform(-0.1, 0.1)
        d = np.array([math.cos(theta), math.sin(theta)])
        proj = rel @ d
        side = rel @ np.array([-d[1], d[0]])
        # bus lines pass beside the centre (an offset of up to a quarter of the radius)
        shift = 0.0 if kind == "tram" else rng.uniform(-0.25, 0.25) * np.abs(proj).max()
        score_a = proj - 0.6 * np.abs(side - shift)
        score_b = -proj - 0.6 * np.abs(side - shift)
        s = nodes[int(np.argmax(score_a))]
        e = nodes[int(np.argmax(score_b))]
        if s == e or (s, e) in used_pairs:
            continue
        used_pairs.add((s, e))
        _dist, pred = dijkstra(g, directed=False, indices=int(s), return_predecessors=True)
        if pred[e] < 0:
            continue
        path = [int(e)]
        while path[-1] != s:
            path.append(int(pred[path[-1]]))
        path = path[::-1]
        xy = node_xy[path]
        length = float(np.hypot(*np.diff(xy, axis=0).T).sum())
        if length < 1500.0:
            continue
        names = [edge_name.get((path[i], path[i + 1]), "") for i in range(len(path) - 1)]
        names.append(names[-1] if names else "")
        short = str(k + 1) if kind == "tram" else str(60 + k - n_tram)
        out.append((kind, short, xy, names))
    return out


def _stops_along(xy, spacing):
    """Chainages (m) of stops about *spacing* apart along a polyline, ends included."""
    seg = np.hypot(*np.diff(xy, axis=0).T)
    total = float(seg.sum())
    n = max(1, int(round(total / spacing)))
    return np.linspace(0.0, total, n + 1), np.concatenate([[0.0], np.cumsum(seg)])


def build_feed(city, seed=None):
    """The feed's files as a dict name -> text."""
    rng = np.random.default_rng([int(city.seed if seed is None else seed), 1515])
    lines = _lines(city, rng)
    from osgeo import osr

    src = osr.SpatialReference()
    src.ImportFromEPSG(25833)
    dst = osr.SpatialReference()
    dst.ImportFromEPSG(4326)
    src.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    dst.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    ct = osr.CoordinateTransformation(src, dst)
    stops = []        # (id, name, x, y)
    stop_xy = np.zeros((0, 2))
    name_count = {}
    routes, trips, stop_times = [], [], []
    for kind, short, xy, names in lines:
        spacing = 450.0 if kind == "tram" else 350.0
        chain, cum = _stops_along(xy, spacing)
        seq = []
        for ch in chain:
            i = int(np.clip(np.searchsorted(cum, ch, side="right") - 1, 0, len(xy) - 2))
            f = 0.0 if cum[i + 1] == cum[i] else (ch - cum[i]) / (cum[i + 1] - cum[i])
            p = xy[i] + f * (xy[i + 1] - xy[i])
            if len(stop_xy):
                d = np.hypot(*(stop_xy - p).T)
                j = int(np.argmin(d))
                if d[j] < 80.0:
                    if not seq or seq[-1][0] != j:
                        seq.append((j, ch))
                    continue
            base = names[i] or "Hauptstraße"
            name_count[base] = name_count.get(base, 0) + 1
            label = base if name_count[base] == 1 else "{} {}".format(base, name_count[base])
            stops.append(("S{:04d}".format(len(stops) + 1), label, p[0], p[1]))
            stop_xy = np.vstack([stop_xy, p])
            seq.append((len(stops) - 1, ch))
        if len(seq) < 2:
            continue
        route_id = ("T" if kind == "tram" else "B") + short
        routes.append((route_id, short, "Straßenbahn {}".format(short) if kind == "tram" else "Bus {}".format(short),
                       0 if kind == "tram" else 3))
        speed = (TRAM_KMH if kind == "tram" else BUS_KMH) / 3.6
        base_head, peak_head = (600, 300) if kind == "tram" else (1200, 600)
        for direction in (0, 1):
            order = seq if direction == 0 else seq[::-1]
            chs = np.array([c for _s, c in order])
            run = np.abs(np.diff(chs)) / speed + DWELL_S
            offsets = np.concatenate([[0.0], np.cumsum(run)])
            t = SERVICE_START + int(rng.integers(0, base_head // 60)) * 60
            k = 0
            while t <= SERVICE_END:
                trip_id = "{}_{}_{:03d}".format(route_id, direction, k)
                trips.append((route_id, "WT", trip_id, direction))
                times = t + np.round(offsets / 60.0) * 60
                for q, ((s, _c), tm) in enumerate(zip(order, times)):
                    stop_times.append((trip_id, int(tm), stops[s][0], q + 1))
                peak = any(a <= t < b for a, b in PEAKS)
                t += peak_head if peak else base_head
                k += 1
    files = {}
    files["agency.txt"] = "agency_id,agency_name,agency_url,agency_timezone,agency_lang\n" \
        "MVB,Musterstädter Verkehrsbetriebe,https://example.org/mvb,Europe/Berlin,de\n"
    rows = ["stop_id,stop_name,stop_lat,stop_lon,location_type"]
    for sid, name, x, y in stops:
        lon, lat, _z = ct.TransformPoint(float(x), float(y))
        rows.append('{},"{}",{:.7f},{:.7f},0'.format(sid, name.replace('"', "'"), lat, lon))
    files["stops.txt"] = "\n".join(rows) + "\n"
    files["routes.txt"] = "route_id,agency_id,route_short_name,route_long_name,route_type\n" + "".join(
        "{},MVB,{},{},{}\n".format(r, s, ln, t) for r, s, ln, t in routes)
    files["trips.txt"] = "route_id,service_id,trip_id,direction_id\n" + "".join(
        "{},{},{},{}\n".format(*t) for t in trips)
    out = io.StringIO()
    out.write("trip_id,arrival_time,departure_time,stop_id,stop_sequence\n")
    for trip_id, tm, sid, q in stop_times:
        hms = "{:02d}:{:02d}:{:02d}".format(tm // 3600, (tm // 60) % 60, tm % 60)
        out.write("{},{},{},{},{}\n".format(trip_id, hms, hms, sid, q))
    files["stop_times.txt"] = out.getvalue()
    files["calendar.txt"] = "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date," \
        "end_date\nWT,1,1,1,1,1,0,0,20250101,20271231\n"
    files["calendar_dates.txt"] = "service_id,date,exception_type\n" + "".join(
        "WT,{},2\n".format(d) for d in HOLIDAYS)
    files["feed_info.txt"] = "feed_publisher_name,feed_publisher_url,feed_lang\n" \
        "Bildungslandschaft sample city (synthetic),https://example.org,de\n"
    return files


def write_gtfs(city, path, seed=None):
    """Write the feed as a zip at *path*; return (path, number of stops, routes, trips)."""
    files = build_feed(city, seed)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, files[name].encode("utf-8"))
    return path, files["stops.txt"].count("\n") - 1, files["routes.txt"].count("\n") - 1, \
        files["trips.txt"].count("\n") - 1
