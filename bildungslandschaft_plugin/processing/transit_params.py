"""QGIS adapter of walk + public transport (``MODE = 3``; :mod:`..core.gtfs`, :mod:`..core.transit`).

- :func:`add_transit_parameters` adds ``GTFS``, ``GTFS_DATE``, ``DEPARTURE_START``,
  ``DEPARTURE_END``, ``PERCENTILE``, ``MAX_WALK``, ``MAX_TRANSFER_WALK`` (advanced group).
- :func:`is_transit` says whether ``MODE`` is 3; :func:`transit_network_settings` is what
  :func:`.network_params.network_settings` returns in that mode (walk graph, time costs),
  refusing algorithms that do not support it and a distance cost.
- :func:`transit_matrix` reads the feed, snaps the stops, computes the walking legs with the walk
  engine and returns a :class:`~..core.transit.TransitResult` (reported minutes per pair).
- :func:`nearest_from_matrix` turns the matrix into nearest facility, cost and status.
"""

import time

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core import gtfs, transit
from ..core import network as nw
from ..translation import tr
from .base import check_canceled

TRANSIT_MODE = 3
DEFAULT_MAX_COST = 120.0

GTFS = "GTFS"
GTFS_DATE = "GTFS_DATE"
DEPARTURE_START = "DEPARTURE_START"
DEPARTURE_END = "DEPARTURE_END"
PERCENTILE = "PERCENTILE"
MAX_WALK = "MAX_WALK"
MAX_TRANSFER_WALK = "MAX_TRANSFER_WALK"
PARAMETERS = (GTFS, GTFS_DATE, DEPARTURE_START, DEPARTURE_END, PERCENTILE, MAX_WALK, MAX_TRANSFER_WALK)


def add_transit_parameters(alg):
    """The shared walk + public transport parameters (advanced group); marks *alg* as supporting MODE 3.

    All optional with their defaults applied when not given, so that models and batch calls written before
    these parameters existed keep working.
    """
    alg.add_param(QgsProcessingParameterFile(GTFS, tr("GTFS feed (zip or folder)"),
                                             behavior=QgsProcessingParameterFile.Behavior.File,
                                             optional=True, fileFilter="GTFS (*.zip *.ZIP);;All files (*)"),
                  tr("Only for travel mode 'Walk + public transport': the timetable as a GTFS .zip file or a "
                     "folder with stops.txt, routes.txt, trips.txt, stop_times.txt and calendar.txt and/or "
                     "calendar_dates.txt."), advanced=True)
    alg.add_param(QgsProcessingParameterString(GTFS_DATE, tr("Service date (YYYY-MM-DD)"), optional=True),
                  tr("The day whose timetable is used, e.g. a Tuesday in term time inside the feed's period. "
                     "Trips of the day running after midnight (times from 24:00:00) count; trips of the day "
                     "before do not."), advanced=True)
    alg.add_param(QgsProcessingParameterString(DEPARTURE_START, tr("Departure window from (HH:MM)"),
                                               defaultValue="07:00", optional=True),
                  tr("First departure minute at the origin."), advanced=True)
    alg.add_param(QgsProcessingParameterString(DEPARTURE_END, tr("Departure window until (HH:MM)"),
                                               defaultValue="08:00", optional=True),
                  tr("End of the departure window (not included): 07:00 to 08:00 means the 60 departure "
                     "minutes 07:00, 07:01, ..., 07:59."), advanced=True)
    alg.add_param(QgsProcessingParameterNumber(PERCENTILE, tr("Percentile of the travel time"),
                                               QgsProcessingParameterNumber.Type.Integer, 50, minValue=1,
                                               maxValue=100, optional=True),
                  tr("Which of the travel times of the departure minutes is reported: 50 the median, 80 a "
                     "time that 80 % of the departures achieve (nearest rank; unreachable minutes count last)."),
                  advanced=True)
    alg.add_param(QgsProcessingParameterNumber(MAX_WALK, tr("Maximum walk to and from a stop (min)"),
                                               QgsProcessingParameterNumber.Type.Double, 15.0, minValue=0.0,
                                               optional=True),
                  tr("Longest walk from the origin to the first stop and from the last stop to the "
                     "destination, at 4.5 km/h over the network."), advanced=True)
    alg.add_param(QgsProcessingParameterNumber(MAX_TRANSFER_WALK, tr("Maximum transfer walk (min)"),
                                               QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.0,
                                               optional=True),
                  tr("Longest walk between two stops when changing vehicles; staying at the same stop "
                     "takes no time."), advanced=True)
    alg.SUPPORTS_TRANSIT = True


def transit_help():
    """One paragraph for the help of the algorithms with MODE 3."""
    return tr("Travel mode 'Walk + public transport' uses a GTFS timetable (advanced parameters): for every "
              "departure minute of the window the door-to-door time (walk to a stop, ride, changes, walk to the "
              "destination, or the direct walk), reported as the chosen percentile in minutes; walk_only is the "
              "shortest direct walk. See docs/transit.md.")


def is_transit(alg, parameters, context):
    from .network_params import MODE
    return alg.parameterAsEnum(parameters, MODE, context) == TRANSIT_MODE


def transit_network_settings(alg, parameters, context):
    """(mode, cost, snap tolerance) for MODE 3: the walk graph with time costs."""
    from .network_params import COST_TYPE, SNAP_TOLERANCE
    if not getattr(alg, "SUPPORTS_TRANSIT", False):
        raise QgsProcessingException(
            tr("Travel mode 'Walk + public transport' is not available in this algorithm; choose walk, "
               "bicycle or car."))
    if alg.parameterAsEnum(parameters, COST_TYPE, context) != 1:
        raise QgsProcessingException(
            tr("Travel mode 'Walk + public transport' needs COST_TYPE time (minutes)."))
    tol = alg.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
    if tol < 0:
        raise QgsProcessingException(tr("SNAP_TOLERANCE must not be negative."))
    return "walk", "time", tol


def max_cost_or_default(max_cost):
    """MAX_COST in this mode: the given value or 120 minutes."""
    return DEFAULT_MAX_COST if max_cost is None else float(max_cost)


class Settings:
    pass


def read_settings(alg, parameters, context):
    s = Settings()
    s.path = alg.parameterAsFile(parameters, GTFS, context) if GTFS in parameters else ""
    if not s.path:
        raise QgsProcessingException(tr("Travel mode 'Walk + public transport' needs a GTFS feed (parameter GTFS)."))
    date_text = alg.parameterAsString(parameters, GTFS_DATE, context)
    if not date_text:
        raise QgsProcessingException(
            tr("Travel mode 'Walk + public transport' needs the service date GTFS_DATE (YYYY-MM-DD)."))
    try:
        s.date = gtfs.parse_date(date_text)
        s.start = gtfs.parse_clock(alg.parameterAsString(parameters, DEPARTURE_START, context) or "07:00",
                                   DEPARTURE_START)
        s.end = gtfs.parse_clock(alg.parameterAsString(parameters, DEPARTURE_END, context) or "08:00",
                                 DEPARTURE_END)
        transit.check_window(s.start, s.end)
    except (gtfs.GtfsError, transit.TransitError) as err:
        raise QgsProcessingException(str(err)) from None
    s.percentile = alg.parameterAsInt(parameters, PERCENTILE, context)
    if not 1 <= s.percentile <= 100:
        raise QgsProcessingException(tr("PERCENTILE must be between 1 and 100."))
    s.max_walk = alg.parameterAsDouble(parameters, MAX_WALK, context)
    s.max_transfer = alg.parameterAsDouble(parameters, MAX_TRANSFER_WALK, context)
    if not s.max_walk > 0:
        raise QgsProcessingException(tr("MAX_WALK must be greater than 0 minutes."))
    if s.max_transfer < 0:
        raise QgsProcessingException(tr("MAX_TRANSFER_WALK must not be negative."))
    return s


def stop_locations(graph, tt, crs, context, tol, feedback):
    """Stops of the timetable reprojected from WGS84 into *crs* and snapped (only stops with vehicles)."""
    xy = np.full((tt.n_stops, 2), np.nan)
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs, context.transformContext())
    has = np.flatnonzero(tt.stop_used & np.isfinite(tt.stop_lon) & np.isfinite(tt.stop_lat))
    for k in has.tolist():
        try:
            p = transform.transform(float(tt.stop_lon[k]), float(tt.stop_lat[k]))
            xy[k] = (p.x(), p.y())
        except Exception:  # noqa: BLE001 - outside the CRS's area of use
            pass
    loc = graph.locate(xy, tol)
    used = tt.stop_used
    n_used = int(used.sum())
    n_ok = int((used & (loc.status == nw.OK)).sum())
    n_off = int((used & (loc.status == nw.OFF_NETWORK)).sum())
    if n_ok == 0:
        raise QgsProcessingException(
            tr("None of the {0} stops of the GTFS feed lies within SNAP_TOLERANCE ({1} m) of the street network; "
               "is it the feed of this area?").format(n_used, tol))
    if n_off:
        feedback.pushWarning(tr("GTFS: {0} of {1} stops are farther than {2} m from the network; they cannot be "
                                "walked to or from (their vehicles still run).").format(n_off, n_used, tol))
    return loc


def transit_matrix(alg, parameters, context, feedback, graph, crs, origins, destinations, max_cost, tol,
                   direct=True):
    """Reported travel times (minutes) origins x destinations by walk + public transport.

    With ``direct=False`` the direct walk is left out of the matrix (``res.legs.routing`` can
    add it: see :func:`nearest_by_walk_or_transit`).
    """
    t0 = time.perf_counter()
    s = read_settings(alg, parameters, context)
    feedback.pushInfo(tr("Walk + public transport: GTFS {0}, {1}, departures {2} to {3}, percentile {4}, "
                         "walks to/from stops up to {5:g} min, transfer walks up to {6:g} min, "
                         "MAX_COST {7:g} min.").format(
        s.path, s.date.isoformat(), _clock(s.start), _clock(s.end), s.percentile, s.max_walk, s.max_transfer,
        max_cost))
    try:
        tt = gtfs.load_timetable(s.path, s.date)
    except gtfs.GtfsError as err:
        raise QgsProcessingException(str(err)) from None
    for line in gtfs.warning_lines(tt):
        feedback.pushWarning(line)
    for line in tt.notes:
        feedback.pushInfo(line)
    t_read = time.perf_counter() - t0
    check_canceled(feedback)
    stops = stop_locations(graph, tt, crs, context, tol, feedback)
    t1 = time.perf_counter()
    legs = transit.walk_legs(graph, origins, stops, destinations, s.max_walk, s.max_transfer, max_cost,
                             direct=direct)
    t_walk = time.perf_counter() - t1
    check_canceled(feedback)
    try:
        res = transit.travel_times(tt, legs, len(origins), len(destinations), s.start, s.end,
                                   percentile=s.percentile, max_cost=max_cost, feedback=feedback)
    except transit.TransitError as err:
        raise QgsProcessingException(str(err)) from None
    check_canceled(feedback)
    n_min = len(res.minutes)
    feedback.pushInfo(tr("Walk + public transport: {0} trips, {1} connections scanned, {2} access walks, "
                         "{3} transfer walks, {4} departure minutes; reported value = rank {5} of {4}.").format(
        tt.n_trips, res.profiles.n_connections, len(legs.access[0]), len(legs.transfers[0]), n_min, res.rank))
    res.timings.update({"gtfs": t_read, "walks": t_walk, "total": time.perf_counter() - t0})
    res.counts = {"trips": tt.n_trips, "connections": res.profiles.n_connections, "origins": len(origins),
                  "destinations": len(destinations)}
    feedback.pushInfo(timing_line(res))
    res.settings = s
    res.legs = legs
    return res


def timing_line(res):
    """The log line with the counts and timings of a transit run (``res.counts``, ``res.timings``).

    The timings travel with the result object; ``scripts/bench_transit.py`` reads them from this line
    of the log (:func:`parse_timing_line`), so no module-level state is needed.
    """
    counts = ", ".join("{0} {1}".format(k, v) for k, v in res.counts.items())
    times = ", ".join("{0} {1:.3f}".format(k, v) for k, v in res.timings.items())
    return tr("Walk + public transport counts: {0}; times (s): {1}").format(counts, times)


def parse_timing_line(line):
    """Counts and timings from a :func:`timing_line` (in any language of the log), or None."""
    import re

    m = re.search(r"^[^:]*: ((?:[a-z_]+ \d+(?:, )?)+); [^;:]*\(s\): ((?:[a-z_]+ [\d.]+(?:, )?)+)$", line)
    if m is None:
        return None
    out = {}
    for part in (m.group(1) + ", " + m.group(2)).split(", "):
        key, _sep, value = part.strip().rpartition(" ")
        if key:
            out[key] = float(value) if "." in value else int(value)
    return out


def nearest_by_walk_or_transit(res, base_status, max_cost):
    """(facility index, cost, status, walk_only) per origin from a ``direct=False`` run.

    The nearest direct walk comes from one multi-source search; combined exactly with the
    transit-only matrix by :func:`..core.transit.nearest_walk_or_transit`.
    """
    t0 = time.perf_counter()
    w_fac, w_cost, _w_status = res.legs.routing.nearest(0, 2, max_cost=max_cost)
    w_cost = np.where((w_fac >= 0) & np.isfinite(w_cost) & (w_cost <= max_cost), w_cost, np.inf)
    fac, cost = transit.nearest_walk_or_transit(res.reported, w_cost, np.where(np.isfinite(w_cost), w_fac, -1))
    status = np.asarray(base_status, dtype=object).copy()
    ok = status == nw.OK
    cost = np.where(ok, cost, np.inf)
    status[ok & ~np.isfinite(cost)] = nw.UNREACHABLE
    fac = np.where(ok & np.isfinite(cost), fac, -1)
    walk_only = np.where(np.isfinite(w_cost), w_cost, np.nan)
    res.timings["nearest_walk"] = time.perf_counter() - t0
    return fac, cost, status, walk_only


def _clock(sec):
    return "{:02d}:{:02d}".format(int(sec) // 3600, (int(sec) // 60) % 60)


def nearest_from_matrix(reported, base_status, subset=None):
    """(facility index, cost, status) per origin from the reported matrix (ties: first facility).

    *base_status*: snapping status per origin (``ok`` or not); ok origins without any finite
    value become ``unreachable``.
    """
    m = reported if subset is None else np.where(subset[None, :], reported, np.inf)
    n_o = m.shape[0]
    if m.shape[1] == 0:
        fac = np.full(n_o, -1, dtype=np.int64)
        cost = np.full(n_o, np.inf)
    else:
        fac = np.argmin(m, axis=1).astype(np.int64)
        cost = m[np.arange(n_o), fac]
    status = np.asarray(base_status, dtype=object).copy()
    ok = status == nw.OK
    cost = np.where(ok, cost, np.inf)
    unreached = ok & ~np.isfinite(cost)
    status[unreached] = nw.UNREACHABLE
    fac = np.where(ok & np.isfinite(cost), fac, -1)
    return fac, cost, status


def walk_only_column(walk_only):
    """Shortest direct walk (minutes) to any facility per origin, NaN where none within MAX_COST."""
    best = walk_only.min(axis=1) if walk_only.shape[1] else np.full(walk_only.shape[0], np.inf)
    return np.where(np.isfinite(best), best, np.nan)


def matrix_pairs(reported):
    """Sparse (origin, destination, minutes) of the finite entries (the OD pairs of MODE 3)."""
    o, d = np.nonzero(np.isfinite(reported))
    return o.astype(np.int64), d.astype(np.int64), reported[o, d]


def transit_pairs(alg, parameters, context, feedback, demand, facilities, max_cost):
    """The OD pairs of ``costs.cost_pairs`` for MODE 3: (orig, dest, minutes, status per demand)."""
    from . import costs as sc
    from . import network_params as net
    from .network_reader import locate_points, read_network
    from .readers import points_xy
    from .base import require_source, working_crs

    network_source = require_source(alg, parameters, net.NETWORK, context)
    crs = working_crs([network_source, demand.source, facilities.source], feedback)
    graph = read_network(alg, parameters, context, feedback, crs, source=network_source)
    _mode, _cost, tol = net.network_settings(alg, parameters, context)
    check_canceled(feedback)
    d_loc = locate_points(graph, points_xy(demand, crs, context), tol, sc.DEMAND, feedback)
    f_loc = locate_points(graph, points_xy(facilities, crs, context), tol, sc.FACILITIES, feedback)
    res = transit_matrix(alg, parameters, context, feedback, graph, crs, d_loc, f_loc,
                         max_cost_or_default(max_cost), tol)
    orig, dest, cost = matrix_pairs(res.reported)
    return orig, dest, cost, np.asarray(d_loc.status, dtype=object).copy()
