"""Deterministic generator of the sample city "Musterstadt".

``generate(out_dir, scale=1.0, seed=42)`` writes

- ``musterstadt.gpkg`` (EPSG:25833) with the layers ``strassen``, ``ortsteile``,
  ``stadtbezirke``, ``adressen``, ``einrichtungen`` and ``fluss``;
- ``sozialdaten_musterstadt.csv`` (official-statistics style: ``;``, decimal
  comma, thousands dot, Windows-1252, title line, notes, ``.``/``-`` cells);
- ``kooperationen.csv`` (UTF-8, ``;``: ``von_id``, ``zu_id``, ``art``);
- ``musterstadt_gtfs.zip``: a GTFS feed of tram and bus lines (:mod:`.gtfs`, written last with
  its own random generator).

Scale 1 is a city of 100 000 residents with about 100 000 street edges
(segments between consecutive vertices); scale 10 a city of 1 000 000
residents with about a million edges. All geometry is made with numpy from a
fixed seed (same inputs give identical attribute tables and coordinates); the
files are written with GDAL/OGR, so this module imports no QGIS.

How the city is built
---------------------
- A grid of nodes (block size ``BLOCK`` metres), bent by a smooth warp and
  jittered, clipped to an irregular round city outline. Every grid side is a
  street side with a few intermediate vertices; the nodes are shared exactly,
  so crossing streets share a vertex there. Streets are runs of sides along
  one grid line, with OSM-like ``highway`` classes: a central cross and an
  inner ring (primary), a middle ring and every 18th line (secondary), every
  6th line (tertiary), the rest residential; a pedestrian zone (footway) in
  the centre, footways/paths in parks (plus diagonal park paths and
  passages through blocks), some steps, field paths on the outskirts; some
  one-way residential streets in the centre (``oneway='yes'``, digitised in
  the direction of travel).
- A river (layer ``fluss``) runs west to east. Street sides touching it are
  removed except on a few bridge lines (``bridge='yes'``), one of them a
  footbridge. A wide stretch holds an island (a hole of the river polygon)
  with its own paths: a network fragment, with a youth club on it.
- A motorway (two one-way carriageways, ``motorway``) crosses the east of the
  city without touching the street network except through ``motorway_link``
  ramps at a few junctions; it crosses the river on bridges.
- Allotment gardens on the outskirts hold small path networks that touch no
  street (more fragments); one of them has a small address.
- Residential density varies (dense centre, a large housing estate
  "Grünau" in the west, a new town in the north-east, thin outskirts; no
  residents in parks, the river, industry, the motorway corridor). Age
  structure varies too (students in the centre, young families on the
  outskirts, older residents in the estate and a villa quarter).
- Ortsteile: weighted k-means of the blocks (similar populations; smaller
  in the dense centre), made contiguous, as unions of their blocks, so they
  tile the city exactly (boundaries follow street centre lines). Stadtbezirke
  are grown from seeds over Ortsteil adjacency (contiguous unions).
- Facilities placed at addresses, weighted by their target group, with
  minimum spacing; a "Bildungscampus" of five facilities; some facilities
  next to the river.
- Social data: a deprivation field (high in the estate and an inner-east
  quarter) drives SGB II quota, child poverty, unemployment, single parents;
  a migration field drives the migration share; trends over 2021–2025.
- Partnerships: Kita→Grundschule transitions, school cooperation, Ganztag,
  Schulsozialarbeit, the campus (complete graph), a few isolated facilities,
  and the deliberately unknown partner ids in ``UNKNOWN_PARTNER_IDS``
  (external partners that are not in the facility layer).
"""

import math
import os
import shutil
import struct
import tempfile

import numpy as np

from . import gtfs as sample_gtfs
from . import names as N

GPKG_NAME = "musterstadt.gpkg"
SOCIAL_CSV_NAME = "sozialdaten_musterstadt.csv"
PARTNERSHIPS_CSV_NAME = "kooperationen.csv"
GTFS_NAME = sample_gtfs.GTFS_NAME
EPSG = 25833
CENTRE = (316000.0, 5690000.0)
YEARS = (2021, 2022, 2023, 2024, 2025)
COHORTS = ("ew_0_2", "ew_3_5", "ew_6_9", "ew_10_15", "ew_16_18", "ew_19_64", "ew_65plus")
FACILITY_TYPES = ("Grundschule", "Oberschule", "Gymnasium", "Kita", "Bibliothek", "Volkshochschule",
                  "Jugendtreff")
SOCIAL_COLUMNS = ("Ortsteil", "Name", "Jahr", "Einwohner", "Einwohner_15_64", "Kinder_u15",
                  "SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit", "Migration", "Alleinerziehende")
RATE_COLUMNS = ("SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit", "Migration", "Alleinerziehende")
TOTAL_NAME = "Stadt insgesamt"
# Partner ids in kooperationen.csv that are deliberately not in the facility layer
# (external partners), so that consumers must report unmatched ids.
UNKNOWN_PARTNER_IDS = ("EXT001", "EXT002")
PARTNERSHIP_KINDS = ("Übergang Kita–Schule", "Kooperationsvertrag", "Ganztag", "Schulsozialarbeit",
                     "Bildungscampus")

BLOCK = 80.0            # grid spacing (m)
AREA_PER_SCALE = 50e6   # city area (m²) at scale 1
RESIDENTS_PER_SCALE = 100000
EDGES_PER_SCALE = 100000
RIVER_MARGIN = 8.0      # street sides closer than this to the river are removed (unless bridges)
MIN_SCALE, MAX_SCALE = 0.01, 50.0

HIGHWAYS = ("motorway", "motorway_link", "primary", "secondary", "tertiary", "residential",
            "footway", "path", "steps")
HW = {name: i for i, name in enumerate(HIGHWAYS)}

FID_PREFIX = {"Grundschule": "GS", "Oberschule": "OS", "Gymnasium": "GY", "Kita": "KI",
              "Bibliothek": "BI", "Volkshochschule": "VH", "Jugendtreff": "JT"}

# Age profiles (shares of the cohorts in COHORTS).
_PROFILE_STANDARD = np.array([0.028, 0.028, 0.037, 0.055, 0.027, 0.600, 0.225])
_PROFILE_YOUNG = np.array([0.020, 0.018, 0.022, 0.030, 0.020, 0.780, 0.110])
_PROFILE_FAMILY = np.array([0.045, 0.045, 0.060, 0.085, 0.040, 0.585, 0.140])
_PROFILE_OLD = np.array([0.020, 0.020, 0.030, 0.045, 0.025, 0.500, 0.360])


class Cancelled(Exception):
    """The feedback object reported a cancel request."""


class _Steps:
    """Progress/cancel through a duck-typed feedback (QgsProcessingFeedback or None).

    Only ``setProgress`` and ``isCanceled`` are used (messages are left to the
    caller, which translates them). *stage* names the step for readers of the code.
    """

    def __init__(self, feedback):
        self.feedback = feedback

    def __call__(self, percent, stage=None):
        fb = self.feedback
        if fb is None:
            return
        if fb.isCanceled():
            raise Cancelled("cancelled")
        fb.setProgress(float(percent))

    def check(self):
        if self.feedback is not None and self.feedback.isCanceled():
            raise Cancelled("cancelled")


# ---------------------------------------------------------------------------
# small numpy helpers
# ---------------------------------------------------------------------------

def _rng(seed, part):
    """An independent random stream per part of the city."""
    return np.random.default_rng([int(seed), int(part)])


def _components(n, a, b):
    """Connected components of an undirected graph (numpy union-find).

    Returns the root (smallest node id) of each of the *n* nodes.
    """
    parent = np.arange(n)
    a = np.asarray(a, dtype=np.int64)
    b = np.asarray(b, dtype=np.int64)
    if a.size == 0:
        return parent
    while True:
        pa, pb = parent[a], parent[b]
        diff = pa != pb
        if not diff.any():
            return parent
        pa, pb = pa[diff], pb[diff]
        m = np.minimum(pa, pb)
        np.minimum.at(parent, pa, m)
        np.minimum.at(parent, pb, m)
        while True:
            pp = parent[parent]
            if np.array_equal(pp, parent):
                break
            parent = pp


def _largest_remainder(values, total):
    """Integers >= floor(values) summing to *total* (largest-remainder rounding)."""
    values = np.asarray(values, dtype=float)
    base = np.floor(values).astype(np.int64)
    rest = int(total) - int(base.sum())
    if rest > 0:
        order = np.argsort(-(values - base), kind="stable")
        base[order[:rest]] += 1
    elif rest < 0:
        order = np.argsort(values - base, kind="stable")
        order = order[base[order] > 0]
        base[order[:-rest]] -= 1
    return base


def _gauss(u, v, cu, cv, sigma):
    return np.exp(-((u - cu) ** 2 + (v - cv) ** 2) / (2.0 * sigma ** 2))


# ---------------------------------------------------------------------------
# the city
# ---------------------------------------------------------------------------

class City:
    """Everything the writers need, as numpy arrays and lists."""


def _check_args(scale, seed):
    try:
        scale = float(scale)
    except (TypeError, ValueError):
        raise ValueError("scale must be a number, got {!r}".format(scale))
    if not (MIN_SCALE <= scale <= MAX_SCALE):
        raise ValueError("scale must be between {} and {}, got {}".format(MIN_SCALE, MAX_SCALE, scale))
    try:
        seed = int(seed)
    except (TypeError, ValueError):
        raise ValueError("seed must be an integer, got {!r}".format(seed))
    if seed < 0:
        raise ValueError("seed must not be negative, got {}".format(seed))
    return scale, seed


def build_city(scale=1.0, seed=42, feedback=None):
    """Make the whole city in memory (no files). Returns a :class:`City`."""
    scale, seed = _check_args(scale, seed)
    step = _Steps(feedback)
    c = City()
    c.scale, c.seed = scale, seed
    c.residents = int(round(RESIDENTS_PER_SCALE * scale))
    _layout(c)
    step(5, "Street grid and river")
    _river(c)
    _cells(c)
    step(12, "Street classes")
    _side_classes(c)
    _side_vertices(c)
    step(25, "Streets")
    _streets(c)
    step(40, "Districts")
    _density(c)
    _ortsteile(c)
    _stadtbezirke(c)
    step(50, "Addresses")
    _addresses(c)
    _name_districts(c)
    step(55, "Facilities")
    _facilities(c)
    _social(c)
    _partnerships(c)
    # added later, with a random generator of its own: every layer above stays as it was
    _kita_candidates(c)
    return c


def _layout(c):
    rng = _rng(c.seed, 1)
    area = AREA_PER_SCALE * c.scale
    c.harm = [(2, 0.10, rng.uniform(0, 2 * math.pi)), (3, 0.07, rng.uniform(0, 2 * math.pi)),
              (5, 0.04, rng.uniform(0, 2 * math.pi))]
    c.R = math.sqrt(area / (math.pi * (1.0 + sum(a * a for _, a, _ in c.harm) / 2.0)))
    d = BLOCK
    rmax = c.R * (1.0 + sum(a for _, a, _ in c.harm))
    n = int(math.ceil(2.0 * (rmax + 3.0 * d) / d))
    c.NX = c.NY = n
    cx, cy = CENTRE
    x0, y0 = cx - n * d / 2.0, cy - n * d / 2.0
    ii, jj = np.meshgrid(np.arange(n + 1), np.arange(n + 1), indexing="ij")
    ph = rng.uniform(0, 2 * math.pi, 4)
    amp = 1.5 * d
    wx = amp * (np.sin(2 * math.pi * jj / 40.0 + ph[0]) + 0.5 * np.sin(2 * math.pi * ii / 57.0 + ph[1]))
    wy = amp * (np.sin(2 * math.pi * ii / 45.0 + ph[2]) + 0.5 * np.sin(2 * math.pi * jj / 61.0 + ph[3]))
    jit = rng.uniform(-0.15 * d, 0.15 * d, (2, n + 1, n + 1))
    c.X = np.round(x0 + ii * d + wx + jit[0], 2)
    c.Y = np.round(y0 + jj * d + wy + jit[1], 2)
    c.ci = c.cj = n // 2
    c.cx, c.cy = cx, cy


def _boundary_radius(c, theta):
    r = np.ones_like(theta)
    for k, a, ph in c.harm:
        r = r + a * np.sin(k * theta + ph)
    return c.R * r


def _river(c):
    """River centre line f(x) and half-width w(x), piecewise linear on samples."""
    rng = _rng(c.seed, 2)
    R = c.R
    xmin, xmax = float(c.X.min()) - 200.0, float(c.X.max()) + 200.0
    xs = np.arange(xmin, xmax + 40.0, 40.0)
    amp1, lam1 = min(0.16 * R, 450.0), max(1.3 * R, 1500.0)
    amp2, lam2 = min(0.05 * R, 150.0), max(0.45 * R, 600.0)
    ph = rng.uniform(0, 2 * math.pi, 2)
    f = (c.cy - 0.12 * R + amp1 * np.sin(2 * math.pi * (xs - c.cx) / lam1 + ph[0])
         + amp2 * np.sin(2 * math.pi * (xs - c.cx) / lam2 + ph[1]))
    w0 = 35.0
    wi = 115.0
    c.island_x = c.cx - 0.35 * R
    L = max(min(520.0, 0.33 * R), 250.0)
    t = np.clip((np.abs(xs - c.island_x) - 0.55 * L) / (0.45 * L), 0.0, 1.0)
    bump = 0.5 * (1.0 + np.cos(math.pi * t))   # 1 on the plateau, 0 beyond L
    w = w0 + (wi - w0) * bump
    c.river_xs, c.river_f, c.river_w = xs, np.round(f, 2), np.round(w, 2)
    c.island_L = L
    # island: follows the river centre line, half-axes a (along) and b (across)
    a, b = 0.5 * L, 48.0
    phi = np.linspace(0.0, 2 * math.pi, 41)[:-1]
    ix = c.island_x + a * np.cos(phi)
    iy = np.interp(ix, xs, c.river_f) + b * np.sin(phi)
    c.island_ring = np.round(np.column_stack([ix, iy]), 2)
    c.island_a, c.island_b = a, b
    upper = np.column_stack([xs, c.river_f + c.river_w])
    lower = np.column_stack([xs, c.river_f - c.river_w])[::-1]
    c.river_ring = np.round(np.vstack([upper, lower]), 2)


def _river_s(c, x, y):
    """(signed offset from the centre line, half width) at points."""
    return y - np.interp(x, c.river_xs, c.river_f), np.interp(x, c.river_xs, c.river_w)


def _touches_river(c, pts):
    """pts (..., m, 2) -> (...) bool: any vertex within half-width + margin."""
    s, w = _river_s(c, pts[..., 0], pts[..., 1])
    return (np.abs(s) < w + RIVER_MARGIN).any(axis=-1)


def _curve(P0, P1, amp, t):
    """Vertices of sides P0->P1 (arrays (..., 2)) bent by amp*sin(pi t)."""
    dvec = P1 - P0
    length = np.maximum(np.hypot(dvec[..., 0], dvec[..., 1]), 1e-9)
    nrm = np.stack([-dvec[..., 1] / length, dvec[..., 0] / length], axis=-1)
    tt = t.reshape((1,) * (P0.ndim - 1) + (-1, 1))
    bend = (amp[..., None, None] * np.sin(math.pi * tt)) * nrm[..., None, :]
    return P0[..., None, :] + tt * dvec[..., None, :] + bend


def _cells(c):
    """Cell (block) geometry, city mask and land use."""
    rng = _rng(c.seed, 3)
    X, Y, n, d = c.X, c.Y, c.NX, BLOCK
    nodes = np.stack([X, Y], axis=-1)                      # (n+1, n+1, 2) by [i, j]
    c.nodes = nodes
    # side endpoints: H[j, i]: node(i, j) -> node(i+1, j); V[i, j]: node(i, j) -> node(i, j+1)
    c.H0 = nodes[:-1, :, :].transpose(1, 0, 2)            # (n+1 rows j, n i, 2)
    c.H1 = nodes[1:, :, :].transpose(1, 0, 2)
    c.V0 = nodes[:, :-1, :]                               # (n+1 cols i, n j, 2)
    c.V1 = nodes[:, 1:, :]
    c.H_amp = rng.uniform(-0.025 * d, 0.025 * d, c.H0.shape[:2])
    c.V_amp = rng.uniform(-0.025 * d, 0.025 * d, c.V0.shape[:2])
    t16 = np.linspace(0.0, 1.0, 17)
    c.H_touch = _touches_river(c, _curve(c.H0, c.H1, c.H_amp, t16))
    c.V_touch = _touches_river(c, _curve(c.V0, c.V1, c.V_amp, t16))
    cen = (nodes[:-1, :-1] + nodes[1:, :-1] + nodes[1:, 1:] + nodes[:-1, 1:]) / 4.0   # [i, j]
    c.cell_centre = cen
    u = (cen[..., 0] - c.cx) / c.R
    v = (cen[..., 1] - c.cy) / c.R
    c.u, c.v = u, v
    r = np.hypot(u, v)
    rb = _boundary_radius(c, np.arctan2(v, u)) / c.R
    c.rrel = r / rb
    city = r < rb
    # keep the largest 4-connected piece (a block touching the rest only at a corner is dropped)
    a, b = _grid_pairs(n)
    flat = city.ravel()
    both = flat[a] & flat[b]
    root = _components(n * n, a[both], b[both])
    roots, counts = np.unique(root[flat], return_counts=True)
    city = (root == roots[np.argmax(counts)]).reshape(n, n) & city
    c.city = city
    s, w = _river_s(c, cen[..., 0], cen[..., 1])
    river = (c.H_touch[:-1, :].T | c.H_touch[1:, :].T | c.V_touch[:-1, :] | c.V_touch[1:, :]
             | (np.abs(s) < w))
    c.river_cell = river & city
    # motorway corridor: one column of cells in the east
    c.i_m = int(round(c.ci + 0.55 * c.R / d))
    corridor = np.zeros_like(city)
    corridor[c.i_m, :] = True
    c.corridor = corridor & city
    free = city & ~c.river_cell & ~corridor
    # parks (clusters) and the floodplain forest next to the river in the west
    park = np.zeros_like(city)
    ii, jj = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    n_parks = max(2, int(round(5 * c.scale ** 0.8)))
    cand = np.flatnonzero((free & (c.rrel < 0.85)).ravel())
    for k in range(n_parks):
        p = cand[rng.integers(len(cand))]
        pi, pj = divmod(int(p), n)
        ra, rb_ = rng.uniform(1.2, 3.2, 2)
        park |= ((ii - pi) / ra) ** 2 + ((jj - pj) / rb_) ** 2 <= 1.0
    near_river = np.zeros_like(city)
    for dj in (-2, -1, 1, 2):
        near_river |= np.roll(c.river_cell, dj, axis=1)
    park |= near_river & (u < -0.45)
    c.park = park & free
    # industry next to the motorway
    ind = np.zeros_like(city)
    n_ind = max(1, int(round(2 * c.scale ** 0.5)))
    cand = np.flatnonzero((free & ~c.park & (np.abs(ii - c.i_m) <= 3) & (c.rrel < 0.9)).ravel())
    for k in range(n_ind):
        if len(cand) == 0:
            break
        p = cand[rng.integers(len(cand))]
        pi, pj = divmod(int(p), n)
        ra = rng.uniform(1.5, 3.0)
        ind |= ((ii - pi) / ra) ** 2 + ((jj - pj) / (1.3 * ra)) ** 2 <= 1.0
    c.industry = ind & free & ~c.park
    # allotment gardens on the outskirts (network fragments)
    cand = np.flatnonzero((free & ~c.park & ~c.industry & (c.rrel > 0.6) & (c.rrel < 0.85)
                           & (np.abs(ii - c.i_m) > 3)).ravel())
    pick = rng.choice(cand, size=min(2, len(cand)), replace=False)
    c.allotments = [tuple(int(q) for q in divmod(int(p), n)) for p in sorted(pick)]
    allot = np.zeros_like(city)
    for pi, pj in c.allotments:
        allot[pi, pj] = True
    c.allot = allot
    c.island_cell = None
    ic = np.argmin((cen[..., 0] - c.island_x) ** 2 + (cen[..., 1] - np.interp(c.island_x, c.river_xs,
                                                                              c.river_f)) ** 2)
    c.island_cell = tuple(int(q) for q in divmod(int(ic), n))


def _side_classes(c):
    """highway class, one-way direction, bridge flag, name id and existence per side."""
    rng = _rng(c.seed, 4)
    n, d, R = c.NX, BLOCK, c.R
    city = c.city
    pad = np.zeros((n + 2, n + 2), dtype=bool)
    pad[1:-1, 1:-1] = city
    # H[j, i] borders cells (i, j-1) and (i, j); V[i, j] borders cells (i-1, j) and (i, j)
    H_below = pad[1:-1, 0:-1].T       # cell (i, j-1) -> index [j, i]
    H_above = pad[1:-1, 1:].T
    V_left = pad[0:-1, 1:-1]
    V_right = pad[1:, 1:-1]
    H_exist = H_below | H_above
    V_exist = V_left | V_right
    ppark = np.zeros((n + 2, n + 2), dtype=bool)
    ppark[1:-1, 1:-1] = c.park
    H_park = (ppark[1:-1, 0:-1].T | ~H_below) & (ppark[1:-1, 1:].T | ~H_above) & H_exist
    V_park = (ppark[0:-1, 1:-1] | ~V_left) & (ppark[1:, 1:-1] | ~V_right) & V_exist

    n1 = max(2, int(round(0.12 * R / d)))
    n2 = max(n1 + 3, int(round(0.35 * R / d)))
    c.n1, c.n2 = n1, n2

    def line_class(idx, centre):
        off = abs(idx - centre)
        hw = np.full(idx.shape, HW["residential"], dtype=np.int8)
        hw[off % 6 == 0] = HW["tertiary"]
        hw[off % 18 == 0] = HW["secondary"]
        hw[(off % 54 == 0) & (off > 0) & (c.scale >= 4)] = HW["primary"]
        hw[off == 0] = HW["primary"]
        return hw

    # rows: line index j, position i
    jH, iH = np.meshgrid(np.arange(n + 1), np.arange(n), indexing="ij")
    iV, jV = np.meshgrid(np.arange(n + 1), np.arange(n), indexing="ij")
    H_hw = line_class(jH, c.cj)
    V_hw = line_class(iV, c.ci)
    H_ring = np.zeros(H_hw.shape, dtype=np.int8)
    V_ring = np.zeros(V_hw.shape, dtype=np.int8)
    for ring_id, nr, cls in ((2, n2, HW["secondary"]), (1, n1, HW["primary"])):
        sel = ((jH == c.cj - nr) | (jH == c.cj + nr)) & (iH >= c.ci - nr) & (iH < c.ci + nr)
        H_hw[sel] = cls
        H_ring[sel] = ring_id
        sel = ((iV == c.ci - nr) | (iV == c.ci + nr)) & (jV >= c.cj - nr) & (jV < c.cj + nr)
        V_hw[sel] = cls
        V_ring[sel] = ring_id
    # pedestrian zone inside the inner ring
    inner_H = (jH > c.cj - n1) & (jH < c.cj + n1) & (iH >= c.ci - n1) & (iH < c.ci + n1)
    inner_V = (iV > c.ci - n1) & (iV < c.ci + n1) & (jV >= c.cj - n1) & (jV < c.cj + n1)
    minor_H = (H_hw == HW["residential"]) | (H_hw == HW["tertiary"])
    minor_V = (V_hw == HW["residential"]) | (V_hw == HW["tertiary"])
    H_hw[inner_H & minor_H & (rng.random(H_hw.shape) < 0.35)] = HW["footway"]
    V_hw[inner_V & minor_V & (rng.random(V_hw.shape) < 0.35)] = HW["footway"]
    # parks: footways and paths
    H_hw[H_park & (H_ring == 0)] = np.where(rng.random(H_hw.shape) < 0.75, HW["footway"],
                                            HW["path"])[H_park & (H_ring == 0)]
    V_hw[V_park & (V_ring == 0)] = np.where(rng.random(V_hw.shape) < 0.75, HW["footway"],
                                            HW["path"])[V_park & (V_ring == 0)]
    # field paths on the outskirts
    def rrel_mid(P0, P1):
        m = (P0 + P1) / 2.0
        uu, vv = (m[..., 0] - c.cx) / R, (m[..., 1] - c.cy) / R
        return np.hypot(uu, vv) / (_boundary_radius(c, np.arctan2(vv, uu)) / R), np.hypot(uu, vv)

    H_rr, H_r = rrel_mid(c.H0, c.H1)
    V_rr, V_r = rrel_mid(c.V0, c.V1)
    H_hw[(H_hw == HW["residential"]) & (H_rr > 0.85) & (rng.random(H_hw.shape) < 0.12)] = HW["path"]
    V_hw[(V_hw == HW["residential"]) & (V_rr > 0.85) & (rng.random(V_hw.shape) < 0.12)] = HW["path"]
    # one-way residential streets in the centre (alternating direction)
    H_ow = np.zeros(H_hw.shape, dtype=np.int8)
    V_ow = np.zeros(V_hw.shape, dtype=np.int8)
    sel = (H_hw == HW["residential"]) & (H_r < 0.45) & (jH % 3 == 1)
    H_ow[sel] = np.where((jH // 3) % 2 == 0, 1, -1)[sel]
    sel = (V_hw == HW["residential"]) & (V_r < 0.45) & (iV % 3 == 1)
    V_ow[sel] = np.where((iV // 3) % 2 == 0, 1, -1)[sel]

    # river: remove touching sides except on bridge columns
    H_exist &= ~c.H_touch
    V_bridge = np.zeros(V_hw.shape, dtype=bool)
    bridge_cols = []
    spacing = 14
    cands = {c.ci, c.ci - n1, c.ci + n1, c.ci - n2, c.ci + n2}
    k = 1
    while c.ci + k * spacing <= n or c.ci - k * spacing >= 0:
        cands.update((c.ci + k * spacing, c.ci - k * spacing))
        k += 1
    foot_col = c.ci + spacing // 2
    cands.add(foot_col)
    for i in sorted(cands):
        if i < 0 or i > n:
            continue
        xcol = float(c.X[i, c.cj])
        if abs(xcol - c.island_x) < c.island_L + 2 * d:
            continue
        js = np.flatnonzero(c.V_touch[i] & V_exist[i])
        if len(js) == 0 or js[-1] - js[0] + 1 != len(js):
            continue
        lo, hi = js[0] - 1, js[-1] + 1
        if lo < 0 or hi >= n or not (V_exist[i, lo] and V_exist[i, hi]):
            continue
        if c.V_touch[i, lo] or c.V_touch[i, hi]:
            continue
        V_bridge[i, js] = True
        if i == foot_col:
            V_hw[i, js] = HW["footway"]
        bridge_cols.append(i)
    c.bridge_cols = bridge_cols
    V_exist &= ~c.V_touch | V_bridge
    V_ow[V_bridge] = 0
    # steps: a few footway sides
    for hw_arr, ex in ((H_hw, H_exist), (V_hw, V_exist)):
        cand = np.flatnonzero(((hw_arr == HW["footway"]) & ex).ravel())
        m = min(len(cand), max(2, int(round(5 * c.scale))))
        if m:
            hw_arr.ravel()[rng.choice(cand, size=m, replace=False)] = HW["steps"]
    c.H_hw, c.V_hw, c.H_ow, c.V_ow = H_hw, V_hw, H_ow, V_ow
    c.H_exist, c.V_exist = H_exist, V_exist
    c.H_bridge = np.zeros(H_hw.shape, dtype=bool)
    c.V_bridge = V_bridge
    c.H_ring, c.V_ring = H_ring, V_ring
    # street names: sections of 8-20 sides along each line
    pool = [s + x for s in N.STREET_STEMS for x in N.STREET_SUFFIXES
            if not (s.endswith(" ") and x in ("weg", "gasse", "ring"))]
    pool = [p.replace(" straße", " Straße").replace(" allee", " Allee") for p in pool]
    order = rng.permutation(len(pool))
    c.street_pool = [pool[q] for q in order]
    counter = [0]

    def names_for(shape):
        out = np.zeros(shape, dtype=np.int32)
        for line in range(shape[0]):
            pos = 0
            while pos < shape[1]:
                ln = int(rng.integers(8, 21))
                out[line, pos:pos + ln] = counter[0]
                counter[0] += 1
                pos += ln
        return out

    c.H_name = names_for(H_hw.shape)
    c.V_name = names_for(V_hw.shape)


def _side_vertices(c):
    """Vertices of every side, with the number of segments per side set from the edge target."""
    rng = _rng(c.seed, 5)
    n_sides = int(c.H_exist.sum() + c.V_exist.sum())
    target = EDGES_PER_SCALE * c.scale
    k = int(round(target / max(n_sides, 1) / 2.0)) * 2
    k = int(min(max(k, 2), 16))
    c.k = k
    t = np.linspace(0.0, 1.0, k + 1)

    def build(P0, P1, amp):
        V = _curve(P0, P1, amp, t)
        noise = rng.uniform(-0.3, 0.3, V.shape)
        noise[..., 0, :] = 0.0
        noise[..., -1, :] = 0.0
        V = np.round(V + noise, 2)
        V[..., 0, :] = P0
        V[..., -1, :] = P1
        return V

    c.HV = build(c.H0, c.H1, c.H_amp)       # (n+1, n, k+1, 2)
    c.VV = build(c.V0, c.V1, c.V_amp)       # (n+1, n, k+1, 2)


def _runs(keys, exist, rng, min_len=2, max_len=9):
    """Runs of consecutive existing sides with equal keys, cut into chunks."""
    out = []
    m = len(exist)
    pos = 0
    while pos < m:
        if not exist[pos]:
            pos += 1
            continue
        end = pos + 1
        limit = pos + int(rng.integers(min_len, max_len + 1))
        while end < m and exist[end] and keys[end] == keys[pos] and end < limit:
            end += 1
        out.append((pos, end))
        pos = end
    return out


def _streets(c):
    rng = _rng(c.seed, 6)
    k = c.k
    streets = []          # (coords, name, highway, oneway, bridge)
    bridge_names = list(N.BRIDGES)
    bridge_no = [0]

    def street_name(hw, ring, name_id, bridge):
        if bridge:
            if hw in (HW["footway"], HW["path"], HW["steps"]):
                return "Fußgängerbrücke"
            nm = bridge_names[bridge_no[0] % len(bridge_names)]
            return nm
        if hw in (HW["footway"], HW["path"], HW["steps"]):
            return None
        if ring == 1:
            return "Ring"
        if ring == 2:
            return "Mittlerer Ring"
        return c.street_pool[name_id % len(c.street_pool)]

    for orient in ("H", "V"):
        hw_a = getattr(c, orient + "_hw")
        ow_a = getattr(c, orient + "_ow")
        br_a = getattr(c, orient + "_bridge")
        nm_a = getattr(c, orient + "_name")
        ring_a = getattr(c, orient + "_ring")
        ex_a = getattr(c, orient + "_exist")
        verts = c.HV if orient == "H" else c.VV
        for line in range(hw_a.shape[0]):
            ex = ex_a[line]
            if not ex.any():
                continue
            keys = (hw_a[line].astype(np.int64) * 10 + (ow_a[line] + 1)) * 2 + br_a[line]
            keys = keys * 4 + ring_a[line]
            keys = keys * 1000003 + nm_a[line]
            for a, b in _runs(keys, ex, rng):
                coords = np.concatenate([verts[line, a:b, :k, :].reshape(-1, 2), verts[line, b - 1, k][None]])
                hw = int(hw_a[line, a])
                ow = int(ow_a[line, a])
                br = bool(br_a[line, a])
                if ow < 0:
                    coords = coords[::-1]
                name = street_name(hw, int(ring_a[line, a]), int(nm_a[line, a]), br)
                if br:
                    bridge_no[0] += 1
                streets.append((coords, name, HIGHWAYS[hw], "yes" if ow else None, "yes" if br else None))
    # park diagonals and passages through blocks (share exact street vertices)
    half = k // 2
    tt = np.linspace(0.0, 1.0, half + 1)
    for i, j in zip(*np.nonzero(c.park)):
        corners = [c.nodes[i, j], c.nodes[i + 1, j + 1], c.nodes[i + 1, j], c.nodes[i, j + 1]]
        centre = np.round(c.cell_centre[i, j], 2)
        for p, q in ((corners[0], corners[1]), (corners[2], corners[3])):
            first = p[None] + tt[:, None] * (centre - p)[None]
            second = centre[None] + tt[1:, None] * (q - centre)[None]
            coords = np.round(np.vstack([first, second]), 2)
            coords[0], coords[half], coords[-1] = p, centre, q
            hw = "footway" if rng.random() < 0.8 else "path"
            streets.append((coords, None, hw, None, None))
    populated = c.city & ~c.river_cell & ~c.park & ~c.corridor & ~c.allot
    cand = populated & (c.rrel < 0.5)
    roll = rng.random(cand.shape) < 0.2
    for i, j in zip(*np.nonzero(cand & roll)):
        if not (c.H_exist[j, i] and c.H_exist[j + 1, i]):
            continue
        p, q = c.HV[j, i, half], c.HV[j + 1, i, half]
        coords = np.round(p[None] + np.linspace(0, 1, k + 1)[:, None] * (q - p)[None], 2)
        coords[0], coords[-1] = p, q
        streets.append((coords, None, "footway", None, None))
    _motorway(c, streets, rng)
    _fragments(c, streets)
    c.streets = streets
    c.n_edges = int(sum(len(s[0]) - 1 for s in streets))


def _split_river(c, coords):
    """Split a polyline into runs: [(coords, touches_river)]."""
    s, w = _river_s(c, coords[:, 0], coords[:, 1])
    near = np.abs(s) < w + RIVER_MARGIN
    seg = near[:-1] | near[1:] | (np.sign(s[:-1]) != np.sign(s[1:]))
    out = []
    start = 0
    for q in range(1, len(seg) + 1):
        if q == len(seg) or seg[q] != seg[start]:
            out.append((coords[start:q + 1], bool(seg[start])))
            start = q
    return out


def _motorway(c, streets, rng):
    n, d = c.NX, BLOCK
    im = c.i_m
    cen = c.cell_centre[im]                       # (n, 2) cell centres along the column
    sub = 3
    pts = [cen[0]]
    for j in range(n - 1):
        for s in range(1, sub + 1):
            pts.append(cen[j] + (cen[j + 1] - cen[j]) * s / sub)
    centre_line = np.array(pts)                   # vertex sub*j is the centre of cell (im, j)
    east = np.round(centre_line + np.array([8.0, 0.0]), 2)
    west = np.round(centre_line - np.array([8.0, 0.0]), 2)
    for line, reverse in ((east, False), (west, True)):
        coords = line[::-1] if reverse else line
        for part, br in _split_river(c, coords):
            streets.append((part, "A 99", "motorway", "yes", "yes" if br else None))
    # junctions
    cand = []
    for j in range(2, n - 2):
        ok = (c.city[im, j - 1] and c.city[im, j] and not c.river_cell[im, j - 1] and not c.river_cell[im, j]
              and c.H_exist[j, im - 1] and c.H_exist[j, im + 1])
        if ok:
            cand.append(j)
    c.junctions = []
    if cand:
        n_j = max(1, int(round((cand[-1] - cand[0]) * d / 2500.0)))
        picks = sorted(set(cand[int(round(q))] for q in np.linspace(0, len(cand) - 1, n_j + 2)[1:-1]))
        for j in picks:
            c.junctions.append(j)
            ne = c.nodes[im + 1, j]
            nw = c.nodes[im, j]
            legs = [
                (east[sub * (j - 1)], ne),   # northbound exit
                (ne, east[sub * j]),         # northbound entry
                (west[sub * j], nw),         # southbound exit
                (nw, west[sub * (j - 1)]),   # southbound entry
            ]
            for p, q in legs:
                coords = np.round(p[None] + np.linspace(0, 1, 5)[:, None] * (q - p)[None], 2)
                coords[0], coords[-1] = p, q
                streets.append((coords, None, "motorway_link", "yes", None))


def _fragments(c, streets):
    """Paths on the river island and in allotment gardens: touching no street."""
    # island: loop inside the island plus a path along it
    a, b = 0.62 * c.island_a, 0.55 * c.island_b
    phi = np.linspace(0.0, 2 * math.pi, 25)
    ix = c.island_x + a * np.cos(phi)
    iy = np.interp(ix, c.river_xs, c.river_f) + b * np.sin(phi)
    loop = np.round(np.column_stack([ix, iy]), 2)
    loop[-1] = loop[0]
    streets.append((loop, "Inselweg", "path", None, None))
    xs = np.linspace(loop[0, 0], loop[12, 0], 9)
    cross = np.round(np.column_stack([xs, np.interp(xs, c.river_xs, c.river_f)]), 2)
    cross[0], cross[-1] = loop[0], loop[12]
    streets.append((cross, None, "footway", None, None))
    c.island_point = np.round(np.array([c.island_x, float(np.interp(c.island_x, c.river_xs, c.river_f)) + 8.0]),
                              2)
    # allotments: a loop 15 m inside the block plus a cross
    c.allot_points = []
    for i, j in c.allotments:
        corners = np.array([c.nodes[i, j], c.nodes[i + 1, j], c.nodes[i + 1, j + 1], c.nodes[i, j + 1]])
        centre = corners.mean(axis=0)
        inset = centre + (corners - centre) * 0.55
        ring = []
        for q in range(4):
            p0, p1 = inset[q], inset[(q + 1) % 4]
            ring += [p0, (p0 + p1) / 2.0]
        ring.append(inset[0])
        ring = np.round(np.array(ring), 2)
        streets.append((ring, None, "path", None, None))
        centre = np.round(centre, 2)
        for m0, m1 in ((1, 5), (3, 7)):
            coords = np.array([ring[m0], (ring[m0] + centre) / 2.0, centre, (centre + ring[m1]) / 2.0, ring[m1]])
            coords = np.round(coords, 2)
            coords[2] = centre
            streets.append((coords, None, "path", None, None))
        c.allot_points.append((i, j, np.round(centre + np.array([4.0, 6.0]), 2)))


def _density(c):
    rng = _rng(c.seed, 7)
    u, v = c.u, c.v
    r = np.hypot(u, v)
    c.estate = (-0.62, -0.45)
    c.newtown = (0.42, 0.5)
    c.east_quarter = (0.38, 0.02)
    c.villa = (-0.25, 0.55)
    rho = (1.0 * np.exp(-(r / 0.32) ** 2) + 0.35 * np.exp(-(r / 0.85) ** 2) + 0.06
           + 1.6 * _gauss(u, v, *c.estate, 0.14) + 0.5 * _gauss(u, v, *c.newtown, 0.15)
           + 0.3 * _gauss(u, v, *c.east_quarter, 0.15))
    rho = rho * np.exp(rng.normal(0.0, 0.35, rho.shape))
    rho[c.rrel > 0.8] *= 0.5
    populated = c.city & ~c.river_cell & ~c.park & ~c.corridor & ~c.industry & ~c.allot
    rho = np.where(populated, rho, 0.0)
    c.rho = rho
    c.populated = populated
    # age profile weights
    w_young = 1.4 * np.exp(-(r / 0.28) ** 2)
    w_family = 1.2 * np.clip((c.rrel - 0.55) / 0.3, 0.0, 1.0) + 1.5 * _gauss(u, v, *c.newtown, 0.15)
    w_old = 1.6 * _gauss(u, v, *c.estate, 0.16) + 1.0 * _gauss(u, v, *c.villa, 0.15)
    w_std = np.ones_like(u)
    tot = w_young + w_family + w_old + w_std
    prof = (w_young[..., None] * _PROFILE_YOUNG + w_family[..., None] * _PROFILE_FAMILY
            + w_old[..., None] * _PROFILE_OLD + w_std[..., None] * _PROFILE_STANDARD) / tot[..., None]
    c.profile = prof / prof.sum(axis=-1, keepdims=True)


def _ortsteile(c):
    rng = _rng(c.seed, 8)
    n = c.NX
    if c.scale >= 1.0:
        n_ot = 60
    else:
        n_ot = max(12, int(round(60 * math.sqrt(c.scale))))
    cells = np.flatnonzero(c.city.ravel())
    pts = c.cell_centre.reshape(-1, 2)[cells]
    rho = c.rho.ravel()[cells]
    w = 0.15 + rho / max(rho[rho > 0].mean(), 1e-9)
    # k-means++ seeding, then weighted Lloyd iterations
    centres = [pts[int(np.argmin(np.hypot(pts[:, 0] - c.cx, pts[:, 1] - c.cy)))]]
    d2 = ((pts - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, n_ot):
        p = d2 * w
        idx = int(rng.choice(len(pts), p=p / p.sum()))
        centres.append(pts[idx])
        d2 = np.minimum(d2, ((pts - pts[idx]) ** 2).sum(axis=1))
    centres = np.array(centres)
    p2 = (pts ** 2).sum(axis=1)[:, None]
    for _ in range(25):
        dist = p2 - 2.0 * pts @ centres.T + (centres ** 2).sum(axis=1)[None, :]
        lab = np.argmin(dist, axis=1)
        sw = np.bincount(lab, weights=w, minlength=n_ot)
        for q in range(n_ot):
            if sw[q] <= 0:
                far = int(np.argmax(dist[np.arange(len(pts)), lab]))
                centres[q] = pts[far]
                lab[far] = q
        sw = np.bincount(lab, weights=w, minlength=n_ot)
        centres = np.column_stack([np.bincount(lab, weights=w * pts[:, 0], minlength=n_ot),
                                   np.bincount(lab, weights=w * pts[:, 1], minlength=n_ot)]) / sw[:, None]
    label = np.full(n * n, -1, dtype=np.int64)
    label[cells] = lab
    label = label.reshape(n, n)
    label = _make_contiguous(label, n_ot)
    label, n_ot = _merge_empty(c, label, n_ot)
    c.cell_label = label
    c.n_ot = n_ot


def _merge_empty(c, label, n_lab):
    """Merge Ortsteile with (almost) no residents into their longest-bordering neighbour.

    Happens only at very small scales, where a district can fall on river and parks.
    """
    n = label.shape[0]
    a, b = _grid_pairs(n)
    while True:
        flat = label.ravel()
        valid = flat >= 0
        pop = np.bincount(flat[valid], weights=c.rho.ravel()[valid], minlength=n_lab)
        small = np.flatnonzero(pop < 0.1 * pop.mean())
        if len(small) == 0 or n_lab <= 2:
            return label, n_lab
        q = int(small[np.argmin(pop[small])])
        la, lb = flat[a], flat[b]
        border = np.concatenate([lb[(la == q) & (lb >= 0) & (lb != q)], la[(lb == q) & (la >= 0) & (la != q)]])
        target = int(np.bincount(border).argmax())
        flat = np.where(flat == q, target, flat)
        flat = np.where(flat > q, flat - 1, flat)
        label = flat.reshape(n, n)
        n_lab -= 1


def _grid_pairs(n):
    idx = np.arange(n * n).reshape(n, n)
    a = np.concatenate([idx[:-1, :].ravel(), idx[:, :-1].ravel()])
    b = np.concatenate([idx[1:, :].ravel(), idx[:, 1:].ravel()])
    return a, b


def _make_contiguous(label, n_lab):
    n = label.shape[0]
    a, b = _grid_pairs(n)
    flat = label.ravel().copy()
    for _ in range(10):
        same = (flat[a] == flat[b]) & (flat[a] >= 0)
        root = _components(n * n, a[same], b[same])
        bad = np.zeros(n * n, dtype=bool)
        for q in range(n_lab):
            members = np.flatnonzero(flat == q)
            if len(members) == 0:
                continue
            roots, counts = np.unique(root[members], return_counts=True)
            if len(roots) > 1:
                keep = roots[np.argmax(counts)]
                bad[members[root[members] != keep]] = True
        if not bad.any():
            break
        flat[bad] = -2
        while (flat == -2).any():
            before = int((flat == -2).sum())
            for p in np.flatnonzero(flat == -2):
                i, j = divmod(int(p), n)
                neigh = [flat[(i + di) * n + (j + dj)] for di, dj in ((1, 0), (-1, 0), (0, 1), (0, -1))
                         if 0 <= i + di < n and 0 <= j + dj < n]
                neigh = [x for x in neigh if x >= 0]
                if neigh:
                    vals, cnt = np.unique(neigh, return_counts=True)
                    flat[p] = vals[np.argmax(cnt)]
            if int((flat == -2).sum()) == before:      # cannot happen in a 4-connected city
                raise RuntimeError("could not make the Ortsteile contiguous")
    return flat.reshape(n, n)


def _stadtbezirke(c):
    n, n_ot = c.NX, c.n_ot
    label = c.cell_label
    pop = np.bincount(label[label >= 0], weights=c.rho[label >= 0], minlength=n_ot)
    cen = np.zeros((n_ot, 2))
    cnt = np.bincount(label[label >= 0], minlength=n_ot)
    for ax in range(2):
        cen[:, ax] = np.bincount(label[label >= 0], weights=c.cell_centre[..., ax][label >= 0],
                                 minlength=n_ot) / cnt
    c.ot_centroid = cen
    a, b = _grid_pairs(n)
    la, lb = label.ravel()[a], label.ravel()[b]
    sel = (la >= 0) & (lb >= 0) & (la != lb)
    adj = [set() for _ in range(n_ot)]
    for p, q in set(zip(la[sel].tolist(), lb[sel].tolist())):
        adj[p].add(q)
        adj[q].add(p)
    c.ot_adj = adj
    n_sb = min(n_ot, 10 if c.scale >= 1.0 else max(4, int(round(n_ot / 6.0))))
    # seeds: the central Ortsteil, then farthest-point sampling
    seeds = [int(np.argmin(np.hypot(cen[:, 0] - c.cx, cen[:, 1] - c.cy)))]
    dmin = np.hypot(cen[:, 0] - cen[seeds[0], 0], cen[:, 1] - cen[seeds[0], 1])
    while len(seeds) < n_sb:
        s = int(np.argmax(dmin))
        seeds.append(s)
        dmin = np.minimum(dmin, np.hypot(cen[:, 0] - cen[s, 0], cen[:, 1] - cen[s, 1]))
    sb = np.full(n_ot, -1, dtype=np.int64)
    sb_pop = np.zeros(n_sb)
    for g, s in enumerate(seeds):
        sb[s] = g
        sb_pop[g] = pop[s]
    while (sb < 0).any():
        best = None
        for g in np.argsort(sb_pop, kind="stable"):
            frontier = [q for p in np.flatnonzero(sb == g) for q in adj[p] if sb[q] < 0]
            if frontier:
                sd = cen[seeds[g]]
                q = min(frontier, key=lambda t: (np.hypot(*(cen[t] - sd)), t))
                best = (g, q)
                break
        if best is None:      # an Ortsteil without neighbours (cannot happen on a grid), join nearest seed
            q = int(np.flatnonzero(sb < 0)[0])
            g = int(np.argmin([np.hypot(*(cen[q] - cen[s])) for s in seeds]))
            best = (g, q)
        g, q = best
        sb[q] = g
        sb_pop[g] += pop[q]
    c.ot_sb = sb
    c.n_sb = n_sb
    c.sb_seeds = seeds


def _addresses(c):
    rng = _rng(c.seed, 9)
    n = c.NX
    cells = np.flatnonzero(c.populated.ravel() & (c.rho.ravel() > 0))
    rho = c.rho.ravel()[cells]
    extra = len(c.allot_points)
    total = c.residents - 2 * extra
    pop_c = total * rho / rho.sum()
    ppa = np.clip(2.5 + 0.25 * pop_c, 2.5, 40.0)
    n_addr = np.maximum(1, np.round(pop_c / ppa)).astype(np.int64)
    cell_of = np.repeat(cells, n_addr)
    wts = rng.gamma(4.0, 1.0, len(cell_of))
    wsum = np.bincount(cell_of, weights=wts, minlength=n * n)
    expect = pop_c[np.repeat(np.arange(len(cells)), n_addr)] * wts / wsum[cell_of]
    ew = _largest_remainder(expect, total)
    keep = ew > 0
    cell_of, ew = cell_of[keep], ew[keep]
    # positions along the block sides, 12 m inside
    ci, cj = np.divmod(cell_of, n)
    corners = np.stack([c.nodes[ci, cj], c.nodes[ci + 1, cj], c.nodes[ci + 1, cj + 1], c.nodes[ci, cj + 1]],
                       axis=1)
    side = (rng.integers(0, 4, len(cell_of)) + np.arange(len(cell_of))) % 4
    t = rng.uniform(0.12, 0.88, len(cell_of))
    p0 = corners[np.arange(len(cell_of)), side]
    p1 = corners[np.arange(len(cell_of)), (side + 1) % 4]
    p = p0 + t[:, None] * (p1 - p0)
    centre = c.cell_centre[ci, cj]
    dv = centre - p
    dist = np.maximum(np.hypot(dv[:, 0], dv[:, 1]), 1e-9)
    p = p + dv / dist[:, None] * np.minimum(12.0, 0.4 * dist)[:, None]
    # allotment garden addresses (2 residents each) next to their path fragment
    for i, j, q in c.allot_points:
        cell_of = np.append(cell_of, i * n + j)
        ew = np.append(ew, 2)
        p = np.vstack([p, q[None]])
    order = np.lexsort((p[:, 0], p[:, 1], c.cell_label.ravel()[cell_of]))
    cell_of, ew, p = cell_of[order], ew[order], np.round(p[order], 2)
    prof = c.profile.reshape(-1, 7)[cell_of]
    cohorts = rng.multinomial(ew, prof)
    c.addr_xy = p
    c.addr_cell = cell_of
    c.addr_ot = c.cell_label.ravel()[cell_of]
    c.addr_cohorts = cohorts.astype(np.int64)
    c.addr_total = ew.astype(np.int64)


def _direction_index(dx, dy, n_dirs=8):
    ang = math.atan2(dy, dx)
    return int(round(ang / (2 * math.pi / n_dirs))) % n_dirs


def _name_districts(c):
    rng = _rng(c.seed, 10)
    n_ot, n_sb = c.n_ot, c.n_sb
    cen = c.ot_centroid
    sb_cen = np.array([cen[c.ot_sb == g].mean(axis=0) for g in range(n_sb)])
    # Stadtbezirk keys: Mitte first, then clockwise from north
    mitte = int(c.ot_sb[c.sb_seeds[0]])
    others = [g for g in range(n_sb) if g != mitte]
    bearing = {g: (math.degrees(math.atan2(sb_cen[g, 0] - c.cx, sb_cen[g, 1] - c.cy)) + 360.0) % 360.0
               for g in others}
    others.sort(key=lambda g: (bearing[g], g))
    sb_order = [mitte] + others
    m = len(N.SB_DIRECTIONS)
    sb_names = {mitte: N.SB_MITTE}
    for rank, g in enumerate(others):
        if len(others) >= m:
            nm = N.SB_DIRECTIONS[rank % m]
        else:
            # name by bearing sector, avoiding duplicates
            sector = int(round(bearing[g] / 45.0)) % 8
            plain = ["Nord", "Nordost", "Ost", "Südost", "Süd", "Südwest", "West", "Nordwest"][sector]
            nm = plain if plain not in sb_names.values() else "Alt-" + plain
        sb_names[g] = nm
    sb_key = {g: "{:02d}".format(r + 1) for r, g in enumerate(sb_order)}
    c.sb_keys = [sb_key[g] for g in sb_order]
    c.sb_names = [sb_names[g] for g in sb_order]
    c.sb_index = {g: r for r, g in enumerate(sb_order)}
    # Ortsteil keys: by Stadtbezirk, then by distance to the Stadtbezirk's seed
    def ot_sort(q):
        g = int(c.ot_sb[q])
        sd = cen[c.sb_seeds[g]]
        return (c.sb_index[g], float(np.hypot(*(cen[q] - sd))), q)

    ot_order = sorted(range(n_ot), key=ot_sort)
    width = max(2, len(str(n_ot)))
    ot_key = {q: "{:0{w}d}".format(r + 1, w=width) for r, q in enumerate(ot_order)}
    # names
    pool = [N.ORTSTEILE[q] for q in rng.permutation(len(N.ORTSTEILE))]
    used = set()
    ot_name = {}
    est_u = c.cx + c.estate[0] * c.R
    est_v = c.cy + c.estate[1] * c.R
    estate_ots = sorted(range(n_ot), key=lambda q: np.hypot(cen[q, 0] - est_u, cen[q, 1] - est_v))
    n_est = max(1, min(len(N.ESTATE_PARTS), int(round(n_ot / 12.0))))
    estate_ots = [q for q in estate_ots[:n_est]
                  if np.hypot(cen[q, 0] - est_u, cen[q, 1] - est_v) < 0.35 * c.R] or estate_ots[:1]
    for r, q in enumerate(estate_ots):
        # the part nearest the estate's centre is "-Mitte", the others by direction
        dx, dy = cen[q] - cen[estate_ots[0]]
        part = "Mitte" if r == 0 else ["Ost", "Nord", "West", "Süd"][_direction_index(dx, dy, 4)]
        nm = N.ESTATE + "-" + part
        if nm in used:
            nm = N.ESTATE + "-" + next(p for p in N.ESTATE_PARTS if N.ESTATE + "-" + p not in used)
        ot_name[q] = nm
        used.add(nm)
    for q in ot_order:
        if q in ot_name:
            continue
        nm = None
        if int(c.ot_sb[q]) == mitte:
            dx, dy = cen[q, 0] - c.cx, cen[q, 1] - c.cy
            if q == c.sb_seeds[0]:
                nm = "Zentrum"
            else:
                nm = "Zentrum-" + N.DIRECTIONS8[_direction_index(dx, dy)]
            if nm in used:
                nm = None
        while nm is None or nm in used:
            nm = pool.pop(0) if pool else "Ortsteil {}".format(ot_key[q])
        ot_name[q] = nm
        used.add(nm)
    c.ot_order = ot_order                     # position in the layer -> label
    c.ot_keys = [ot_key[q] for q in range(n_ot)]       # by label
    c.ot_names = [ot_name[q] for q in range(n_ot)]
    c.ot_sb_key = [sb_key[int(c.ot_sb[q])] for q in range(n_ot)]
    c.ot_sb_name = [sb_names[int(c.ot_sb[q])] for q in range(n_ot)]
    c.ot_einwohner = np.bincount(c.addr_ot, weights=c.addr_total, minlength=n_ot).astype(np.int64)
    c.ot_cohorts = np.stack([np.bincount(c.addr_ot, weights=c.addr_cohorts[:, q], minlength=n_ot)
                             for q in range(7)], axis=1).astype(np.int64)
    # deprivation and migration fields at the Ortsteil centroids
    u = (cen[:, 0] - c.cx) / c.R
    v = (cen[:, 1] - c.cy) / c.R
    r = np.hypot(u, v)
    dep = (1.0 * _gauss(u, v, *c.estate, 0.2) + 0.85 * _gauss(u, v, *c.east_quarter, 0.17)
           + 0.25 * np.exp(-(r / 0.3) ** 2) + rng.normal(0.0, 0.06, n_ot))
    dep = np.clip(dep, 0.0, None)
    c.deprivation = dep / max(dep.max(), 1e-9)
    mig = (0.9 * _gauss(u, v, *c.east_quarter, 0.2) + 0.5 * np.exp(-(r / 0.35) ** 2)
           + 0.45 * _gauss(u, v, *c.estate, 0.2) + rng.normal(0.0, 0.05, n_ot))
    mig = np.clip(mig, 0.0, None)
    c.migration = mig / max(mig.max(), 1e-9)


# ---------------------------------------------------------------------------
# facilities
# ---------------------------------------------------------------------------

def _facility_counts(scale):
    base = {"Grundschule": (25, 2), "Oberschule": (8, 1), "Gymnasium": (6, 1), "Kita": (70, 4),
            "Bibliothek": (6, 1), "Volkshochschule": (1.5, 1), "Jugendtreff": (15, 2)}
    return {t: max(mn, int(round(b * scale))) for t, (b, mn) in base.items()}


def _facilities(c):
    rng = _rng(c.seed, 11)
    counts = _facility_counts(c.scale)
    coh = c.addr_cohorts
    dep_addr = c.deprivation[c.addr_ot]
    demand = {
        "Grundschule": coh[:, 2].astype(float),
        "Oberschule": coh[:, 3] + coh[:, 4] * (0.5 + dep_addr),
        "Gymnasium": coh[:, 3] + coh[:, 4] * (1.5 - dep_addr),
        "Kita": (coh[:, 0] + coh[:, 1]).astype(float),
        "Bibliothek": c.addr_total.astype(float),
        "Volkshochschule": c.addr_total.astype(float),
        "Jugendtreff": (coh[:, 3] + coh[:, 4]) * (0.5 + dep_addr),
    }
    area = AREA_PER_SCALE * c.scale
    facilities = []    # dicts
    taken = {t: [] for t in FACILITY_TYPES}
    xy = c.addr_xy
    centre_of = c.cell_centre.reshape(-1, 2)[c.addr_cell]

    def place(a):
        dv = centre_of[a] - xy[a]
        dist = max(float(np.hypot(*dv)), 1e-9)
        return np.round(xy[a] + dv / dist * min(6.0, 0.3 * dist), 2)

    def add(typ, pt, ot, extra=None):
        rec = {"typ": typ, "xy": pt, "ot": int(ot)}
        rec.update(extra or {})
        facilities.append(rec)
        taken[typ].append(pt)
        return rec

    # the campus: five facilities in a deprived, populated Ortsteil
    dep_rank = np.argsort(-c.deprivation, kind="stable")
    n_addr = np.bincount(c.addr_ot, minlength=c.n_ot)
    campus_ot = next((int(q) for q in dep_rank if n_addr[q] >= 5), int(np.argmax(n_addr)))
    members = np.flatnonzero(c.addr_ot == campus_ot)
    anchor = members[np.argmax(c.addr_total[members])]
    near = members[np.argsort(np.hypot(*(xy[members] - xy[anchor]).T), kind="stable")][:5]
    c.campus = []
    for typ, a in zip(("Grundschule", "Oberschule", "Kita", "Bibliothek", "Jugendtreff"), near):
        c.campus.append(add(typ, place(a), campus_ot, {"campus": True}))
    # next to the river: a Kita and a Grundschule at the addresses closest to the water
    s, w = _river_s(c, xy[:, 0], xy[:, 1])
    gap = np.abs(s) - w
    by_gap = np.argsort(gap, kind="stable")
    add("Kita", place(by_gap[0]), c.addr_ot[by_gap[0]], {"river": True})
    other_bank = next((a for a in by_gap[1:] if np.sign(s[a]) != np.sign(s[by_gap[0]])), by_gap[1])
    add("Grundschule", place(other_bank), c.addr_ot[other_bank], {"river": True})
    # on the river island (a network fragment)
    island_ot = int(c.cell_label[c.island_cell])
    if island_ot < 0:
        island_ot = int(c.addr_ot[by_gap[0]])
    c.island_facility = add("Jugendtreff", c.island_point, island_ot, {"island": True})
    for typ in FACILITY_TYPES:
        want = counts[typ] - len(taken[typ])
        if want <= 0:
            continue
        weight = np.asarray(demand[typ], dtype=float) + 1e-6
        order = rng.choice(len(xy), size=min(len(xy), max(50, 30 * want)), replace=False,
                           p=weight / weight.sum())
        spacing = 0.55 * math.sqrt(area / counts[typ])
        got = 0
        for relax in (1.0, 0.6, 0.3, 0.0):
            for a in order:
                if got >= want:
                    break
                pt = place(a)
                if taken[typ]:
                    dd = np.hypot(*(np.array(taken[typ]) - pt).T)
                    if dd.min() < spacing * relax or dd.min() < 1.0:
                        continue
                add(typ, pt, c.addr_ot[a])
                got += 1
            if got >= want:
                break
    # ids, names, capacities, carriers (in a stable order: type, then position)
    type_rank = {t: q for q, t in enumerate(FACILITY_TYPES)}
    facilities.sort(key=lambda f: (type_rank[f["typ"]], c.ot_keys[f["ot"]], float(f["xy"][1]),
                                   float(f["xy"][0])))
    per_type = {t: [f for f in facilities if f["typ"] == t] for t in FACILITY_TYPES}
    used_names = set()
    persons = [N.PERSONS[q] for q in rng.permutation(len(N.PERSONS))]
    kita_words = [N.KITA_WORDS[q] for q in rng.permutation(len(N.KITA_WORDS))]

    def unique(name):
        if name not in used_names:
            used_names.add(name)
            return name
        k = 2
        while "{} {}".format(name, k) in used_names:
            k += 1
        name = "{} {}".format(name, k)
        used_names.add(name)
        return name

    for typ, items in per_type.items():
        width = max(3, len(str(len(items))))
        for q, f in enumerate(items):
            f["id"] = "{}{:0{w}d}".format(FID_PREFIX[typ], q + 1, w=width)
            ot = c.ot_names[f["ot"]]
            roll = rng.random()
            if typ in ("Grundschule", "Oberschule", "Gymnasium"):
                if f.get("campus"):
                    name = "Bildungscampus {} – {}".format(ot, typ)
                elif roll < 0.45 and persons:
                    name = "{}-{}".format(persons.pop(0), typ)
                else:
                    name = "{} {}".format(typ, ot)
                f["kapazitaet"] = {"Grundschule": 25 * int(rng.integers(12, 21)),
                                   "Oberschule": 25 * int(rng.integers(16, 33)),
                                   "Gymnasium": 25 * int(rng.integers(24, 45))}[typ]
                public = rng.random() < {"Grundschule": 0.88, "Oberschule": 0.85, "Gymnasium": 0.8}[typ]
                f["traeger"] = N.PUBLIC_CARRIER if public or f.get("campus") else \
                    N.SCHOOL_FREE_CARRIERS[int(rng.integers(len(N.SCHOOL_FREE_CARRIERS)))]
            elif typ == "Kita":
                word = kita_words.pop(0) if kita_words else None
                if f.get("campus"):
                    name = "Kita Bildungscampus {}".format(ot)
                elif word and roll < 0.8:
                    name = "Kita {}".format(word)
                else:
                    name = "Kita {}".format(ot)
                f["kapazitaet"] = 5 * int(rng.integers(8, 31))
                f["traeger"] = N.PUBLIC_CARRIER if rng.random() < 0.35 else \
                    N.KITA_FREE_CARRIERS[int(rng.integers(len(N.KITA_FREE_CARRIERS)))]
            elif typ == "Bibliothek":
                if q == 0 and not f.get("campus"):
                    name = "Stadtbibliothek Musterstadt"
                    f["kapazitaet"] = 250
                else:
                    name = "Stadtteilbibliothek {}".format(ot)
                    f["kapazitaet"] = 5 * int(rng.integers(4, 25))
                f["traeger"] = N.PUBLIC_CARRIER
            elif typ == "Volkshochschule":
                name = "Volkshochschule Musterstadt" if q == 0 else \
                    "Volkshochschule Musterstadt, Außenstelle {}".format(ot)
                f["kapazitaet"] = 50 * int(rng.integers(6, 19))
                f["traeger"] = N.PUBLIC_CARRIER
            else:
                if f.get("island"):
                    name = "Jugendtreff Inselhaus"
                else:
                    name = "{} {}".format(N.YOUTH_WORDS[int(rng.integers(len(N.YOUTH_WORDS)))], ot)
                f["kapazitaet"] = 5 * int(rng.integers(4, 17))
                f["traeger"] = N.PUBLIC_CARRIER if rng.random() < 0.3 else \
                    N.YOUTH_FREE_CARRIERS[int(rng.integers(len(N.YOUTH_FREE_CARRIERS)))]
            f["name"] = unique(name)
            f["traeger_art"] = "öffentlich" if f["traeger"] == N.PUBLIC_CARRIER else "frei"
    c.facilities = [f for t in FACILITY_TYPES for f in per_type[t]]


#: seed offset of the candidate sites' own random generator (the other layers do not see it)
CANDIDATE_SEED_PART = 4711


def _kita_candidates(c):
    """Candidate plots for new Kitas (layer ``kita_kandidaten``), about 40 at scale 1.

    About 40 % on school grounds (next to a Grundschule, Oberschule or Gymnasium), the rest on free
    land or brownfields (block centres of unbuilt, industrial or thinly built blocks) where many
    children 0-5 live nearby and the nearest Kita is far. Own random generator (seed part
    ``CANDIDATE_SEED_PART``), drawn after every other layer.
    """
    rng = np.random.default_rng([int(c.seed), CANDIDATE_SEED_PART])
    n_want = max(4, int(round(40 * c.scale)))
    n = c.NX
    area = AREA_PER_SCALE * c.scale
    spacing = 0.35 * math.sqrt(area / n_want)
    kita_xy = np.array([f["xy"] for f in c.facilities if f["typ"] == "Kita"], dtype=float)
    coh = c.addr_cohorts
    kids_cell = np.bincount(c.addr_cell, weights=(coh[:, 0] + coh[:, 1]).astype(float),
                            minlength=n * n).reshape(n, n)
    # children 0-5 within two blocks of a cell
    pad = np.pad(kids_cell, 2)
    near = sum(pad[2 + di:2 + di + n, 2 + dj:2 + dj + n] for di in range(-2, 3) for dj in range(-2, 3))
    centres = c.cell_centre.reshape(-1, 2)

    def kita_dist(xy):
        out = np.empty(len(xy))
        for a in range(0, len(xy), 2000):
            d = xy[a:a + 2000, None, :] - kita_xy[None, :, :]
            out[a:a + 2000] = np.sqrt((d ** 2).sum(axis=2)).min(axis=1)
        return out

    chosen = []   # (xy, art, name, ot)
    taken = []

    def free(pt):
        return not taken or float(np.hypot(*(np.array(taken) - pt).T).min()) >= spacing

    # 1. school grounds
    schools = [f for f in c.facilities if f["typ"] in ("Grundschule", "Oberschule", "Gymnasium")]
    n_school = min(len(schools), int(round(0.4 * n_want)))
    for q in rng.permutation(len(schools)):
        if len(chosen) >= n_school:
            break
        f = schools[int(q)]
        ang = rng.uniform(0, 2 * math.pi)
        pt = np.round(np.asarray(f["xy"], dtype=float) + 15.0 * np.array([math.cos(ang), math.sin(ang)]), 2)
        if not free(pt):
            continue
        taken.append(pt)
        chosen.append((pt, "Schulgelände", "Schulgelände {}".format(f["name"]), f["ot"]))
    # 2. free land / brownfields: block centres inside the city, weighted by nearby children x distance
    ok = (c.city & ~c.river_cell & ~c.park & ~c.corridor & ~c.allot & (c.cell_label >= 0)).ravel()
    thin = (c.rho.ravel() <= np.quantile(c.rho.ravel()[c.populated.ravel()], 0.35)) if c.populated.any() \
        else np.ones(n * n, dtype=bool)
    cells = np.flatnonzero(ok & (thin | c.industry.ravel()) & (near.ravel() > 0))
    if cells.size:
        weight = near.ravel()[cells] * (kita_dist(centres[cells]) + 100.0)
        order = rng.choice(cells.size, size=min(cells.size, max(60, 20 * n_want)), replace=False,
                           p=weight / weight.sum())
        for relax in (1.0, 0.5, 0.0):
            for q in order:
                if len(chosen) >= n_want:
                    break
                cell = int(cells[q])
                pt = np.round(centres[cell] + rng.uniform(-8.0, 8.0, 2), 2)
                if taken and float(np.hypot(*(np.array(taken) - pt).T).min()) < max(spacing * relax, 1.0):
                    continue
                art = "Gewerbebrache" if c.industry.ravel()[cell] else "Freifläche"
                taken.append(pt)
                ot = int(c.cell_label.ravel()[cell])
                chosen.append((pt, art, "{} {}".format(art, c.ot_names[ot]), ot))
            if len(chosen) >= n_want:
                break
    # ids in a stable order (Ortsteil key, then position); plot size and places
    chosen.sort(key=lambda r: (c.ot_keys[r[3]], float(r[0][1]), float(r[0][0])))
    width = max(2, len(str(len(chosen))))
    c.kita_candidates = []
    for q, (pt, art, name, ot) in enumerate(chosen):
        places = 5 * int(rng.integers(12, 25))
        c.kita_candidates.append({"id": "KK{:0{w}d}".format(q + 1, w=width), "name": name, "art": art,
                                  "kapazitaet": places, "flaeche_m2": int(places * 25 + rng.integers(0, 800)),
                                  "xy": pt, "ot": ot})


def _partnerships(c):
    """Pairs (von_id, zu_id, art), no duplicates (either direction), no self-pairs."""
    rng = _rng(c.seed, 12)
    fac = c.facilities
    by_type = {t: [f for f in fac if f["typ"] == t] for t in FACILITY_TYPES}
    isolated = {c.island_facility["id"]}
    kitas = by_type["Kita"]
    if len(kitas) >= 4:
        # the Kita farthest from every Grundschule stays without partners
        gs_xy = np.array([f["xy"] for f in by_type["Grundschule"]])
        far = max(kitas, key=lambda f: (float(np.hypot(*(gs_xy - f["xy"]).T).min()), f["id"]))
        if not far.get("campus") and not far.get("river"):
            isolated.add(far["id"])
    c.isolated_ids = sorted(isolated)
    rows = []
    seen = set()

    def link(a, b, art):
        if a["id"] in isolated or b["id"] in isolated or a["id"] == b["id"]:
            return
        key = tuple(sorted((a["id"], b["id"])))
        if key in seen:
            return
        seen.add(key)
        rows.append((a["id"], b["id"], art))

    def nearest(f, cands, m):
        cands = [g for g in cands if g["id"] not in isolated and g["id"] != f["id"]]
        if not cands:
            return []
        dist = np.hypot(*(np.array([g["xy"] for g in cands]) - f["xy"]).T)
        return [cands[q] for q in np.argsort(dist, kind="stable")[:m]]

    campus = c.campus
    for q, a in enumerate(campus):
        for b in campus[q + 1:]:
            link(a, b, "Bildungscampus")
    for gs in by_type["Grundschule"]:
        for k in nearest(gs, kitas, int(rng.integers(2, 4))):
            link(k, gs, "Übergang Kita–Schule")
    for sec in by_type["Oberschule"] + by_type["Gymnasium"]:
        for gs in nearest(sec, by_type["Grundschule"], int(rng.integers(1, 3))):
            link(gs, sec, "Kooperationsvertrag")
        for lib in nearest(sec, by_type["Bibliothek"], 1):
            link(sec, lib, "Kooperationsvertrag")
    for gs in by_type["Grundschule"]:
        if rng.random() < 0.5:
            for jt in nearest(gs, by_type["Jugendtreff"], 1):
                link(gs, jt, "Ganztag")
    free_jt = [f for f in by_type["Jugendtreff"] if f["traeger_art"] == "frei"] or by_type["Jugendtreff"]
    for os_ in by_type["Oberschule"]:
        for jt in nearest(os_, free_jt, 1):
            link(jt, os_, "Schulsozialarbeit")
    for vhs in by_type["Volkshochschule"]:
        for sec in nearest(vhs, by_type["Oberschule"] + by_type["Gymnasium"], 2):
            link(vhs, sec, "Kooperationsvertrag")
    # external partners that are not in the facility layer (deliberately unknown ids)
    gs_all = [f for f in by_type["Grundschule"] if f["id"] not in isolated]
    for q, ext in enumerate(UNKNOWN_PARTNER_IDS):
        target = gs_all[q % len(gs_all)]
        rows.append((ext, target["id"], "Kooperationsvertrag" if q == 0 else "Ganztag"))
    c.partnerships = rows


# ---------------------------------------------------------------------------
# social data
# ---------------------------------------------------------------------------

def _social(c):
    """Rows per Ortsteil and year (values as numbers; None means '.', 0.0 with a flag means '-')."""
    rng = _rng(c.seed, 13)
    n_ot = c.n_ot
    coh = c.ot_cohorts
    ew = c.ot_einwohner
    kids = coh[:, 0] + coh[:, 1] + coh[:, 2] + np.round(coh[:, 3] * 5.0 / 6.0).astype(np.int64)
    work = np.round(coh[:, 3] / 6.0).astype(np.int64) + coh[:, 4] + coh[:, 5]
    dep, mig = c.deprivation, c.migration
    u = (c.ot_centroid[:, 0] - c.cx) / c.R
    v = (c.ot_centroid[:, 1] - c.cy) / c.R
    growth = (0.004 + 0.012 * np.exp(-(np.hypot(u, v) / 0.4) ** 2)
              + 0.015 * _gauss(u, v, *c.newtown, 0.2) - 0.01 * _gauss(u, v, *c.estate, 0.2)
              + rng.normal(0.0, 0.003, n_ot))
    kid_growth = growth + rng.normal(0.0, 0.006, n_ot)
    sgb = np.clip(3.0 + 22.0 * dep + rng.normal(0, 0.8, n_ot), 0.8, 35.0)
    kinder = np.clip(1.6 * sgb + rng.normal(0, 1.5, n_ot), 1.0, 55.0)
    alq = np.clip(2.0 + 8.0 * dep + rng.normal(0, 0.4, n_ot), 0.8, 15.0)
    migr = np.clip(5.0 + 25.0 * mig + rng.normal(0, 1.2, n_ot), 1.5, 45.0)
    allein = np.clip(14.0 + 22.0 * dep + rng.normal(0, 1.5, n_ot), 5.0, 50.0)
    base = {"SGB2_Quote": sgb, "Kinderarmut": kinder, "Arbeitslosigkeit": alq, "Migration": migr,
            "Alleinerziehende": allein}
    # relative change per year (tau = year - 2025 <= 0): declining where deprivation is low,
    # rising in the deprived quarters (the gap widens); migration rises everywhere
    trend = {"SGB2_Quote": -0.03 + 0.05 * dep, "Kinderarmut": -0.03 + 0.055 * dep,
             "Arbeitslosigkeit": -0.035 + 0.04 * dep, "Migration": 0.045 + 0.0 * dep,
             "Alleinerziehende": -0.005 + 0.015 * dep}
    # statistical symbols
    small = int(np.argmin(ew))
    calm = [int(q) for q in np.argsort(dep, kind="stable") if int(q) != small][0]
    others = [q for q in range(n_ot) if q not in (small, calm)]
    no_mig = [int(q) for q in rng.choice(others, size=min(2, len(others)), replace=False)]
    c.symbol_cells = {"secret": [(small, "Kinderarmut", y) for y in YEARS]
                      + [(small, "Alleinerziehende", y) for y in YEARS]
                      + [(q, "Migration", 2021) for q in no_mig],
                      "zero": [(calm, "Kinderarmut", 2021), (calm, "Kinderarmut", 2022)]}
    secret = set(c.symbol_cells["secret"])
    zero = set(c.symbol_cells["zero"])
    rows = []
    for year in YEARS:
        tau = year - YEARS[-1]
        f_ew = (1.0 + growth) ** tau
        f_kid = (1.0 + kid_growth) ** tau
        e_y = ew if tau == 0 else np.round(ew * f_ew).astype(np.int64)
        k_y = kids if tau == 0 else np.round(kids * f_kid).astype(np.int64)
        w_y = work if tau == 0 else np.round(work * f_ew).astype(np.int64)
        k_y = np.minimum(k_y, e_y)
        w_y = np.minimum(w_y, e_y - k_y)
        vals = {}
        for col in RATE_COLUMNS:
            x = base[col] * (1.0 + trend[col] * tau) * (1.0 + rng.normal(0.0, 0.015, n_ot))
            vals[col] = np.round(np.clip(x, 0.1, 99.0), 1)
        for q, col, yy in zero:
            if yy == year:
                vals[col][q] = 0.0
        weights = {"SGB2_Quote": k_y + w_y, "Kinderarmut": k_y, "Arbeitslosigkeit": w_y,
                   "Migration": e_y, "Alleinerziehende": k_y}
        for pos in c.ot_order:
            q = pos
            rec = {"Ortsteil": c.ot_keys[q], "Name": c.ot_names[q], "Jahr": year,
                   "Einwohner": int(e_y[q]), "Einwohner_15_64": int(w_y[q]), "Kinder_u15": int(k_y[q])}
            for col in RATE_COLUMNS:
                if (q, col, year) in secret:
                    rec[col] = "."
                elif (q, col, year) in zero:
                    rec[col] = "-"
                else:
                    rec[col] = float(vals[col][q])
            rows.append(rec)
        tot = {"Ortsteil": "", "Name": TOTAL_NAME, "Jahr": year, "Einwohner": int(e_y.sum()),
               "Einwohner_15_64": int(w_y.sum()), "Kinder_u15": int(k_y.sum())}
        for col in RATE_COLUMNS:
            wt = weights[col].astype(float)
            tot[col] = round(float((vals[col] * wt).sum() / max(wt.sum(), 1.0)), 1)
        rows.append(tot)
    c.social_rows = rows


def _fmt_int(x):
    return "{:,}".format(int(x)).replace(",", ".")


def _fmt_rate(x):
    if isinstance(x, str):
        return x
    return "{:.1f}".format(x).replace(".", ",")


def social_csv_text(c):
    lines = ["Sozialdaten {} nach Ortsteilen {} bis {} (synthetische Beispieldaten)".format(
        N.CITY, YEARS[0], YEARS[-1]), "", ";".join(SOCIAL_COLUMNS)]
    for r in c.social_rows:
        cells = [r["Ortsteil"], r["Name"], str(r["Jahr"]), _fmt_int(r["Einwohner"]),
                 _fmt_int(r["Einwohner_15_64"]), _fmt_int(r["Kinder_u15"])]
        cells += [_fmt_rate(r[col]) for col in RATE_COLUMNS]
        lines.append(";".join(cells))
    lines.append("Quelle: Amt für Statistik und Wahlen {0}, Einwohnerregister (Stand 31.12.) und "
                 "Bundesagentur für Arbeit – synthetische Daten".format(N.CITY))
    lines.append("Zeichenerklärung: - = nichts vorhanden (genau null), . = Zahlenwert unbekannt oder "
                 "geheim zu halten. Quoten in Prozent.")
    return "\r\n".join(lines) + "\r\n"


def partnerships_csv_text(c):
    lines = ["von_id;zu_id;art"] + [";".join(r) for r in c.partnerships]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------------------
# writing
# ---------------------------------------------------------------------------

def _wkb_line(coords):
    coords = np.ascontiguousarray(coords, dtype="<f8")
    return struct.pack("<BII", 1, 2, len(coords)) + coords.tobytes()


def _wkb_point(x, y):
    return struct.pack("<BIdd", 1, 1, float(x), float(y))


def _wkb_polygon(rings):
    out = [struct.pack("<BII", 1, 3, len(rings))]
    for ring in rings:
        ring = np.ascontiguousarray(ring, dtype="<f8")
        out.append(struct.pack("<I", len(ring)) + ring.tobytes())
    return b"".join(out)


def _wkb_multipolygon(polys):
    return struct.pack("<BII", 1, 6, len(polys)) + b"".join(_wkb_polygon(p) for p in polys)


def _region_rings(c, mask):
    """Rings of the union of the cells in *mask* (n x n over [i, j]), traced on the grid.

    Returns (exteriors, holes) as lists of closed (m, 2) arrays; exteriors are
    counter-clockwise, holes clockwise. Boundaries follow the street centre
    lines (the side vertices), so neighbouring regions share their vertices
    exactly. Where a region touches itself at a corner the rings are split
    there (hugging the cell on the left), which keeps every ring simple.
    """
    n = c.NX
    pad = np.zeros((n + 2, n + 2), dtype=bool)
    pad[1:-1, 1:-1] = mask
    H_below = pad[1:-1, 0:-1].T       # [j, i]: cell (i, j-1)
    H_above = pad[1:-1, 1:].T         # [j, i]: cell (i, j)
    V_left = pad[0:-1, 1:-1]          # [i, j]: cell (i-1, j)
    V_right = pad[1:, 1:-1]           # [i, j]: cell (i, j)
    sides = []                        # (start node, end node, direction, vertices)
    m = n + 1
    for j, i in zip(*np.nonzero(H_above & ~H_below)):      # region above: eastwards
        sides.append((i * m + j, (i + 1) * m + j, 0, c.HV[j, i]))
    for j, i in zip(*np.nonzero(H_below & ~H_above)):      # region below: westwards
        sides.append(((i + 1) * m + j, i * m + j, 2, c.HV[j, i, ::-1]))
    for i, j in zip(*np.nonzero(V_left & ~V_right)):       # region left: northwards
        sides.append((i * m + j, i * m + j + 1, 1, c.VV[i, j]))
    for i, j in zip(*np.nonzero(V_right & ~V_left)):       # region right: southwards
        sides.append((i * m + j + 1, i * m + j, 3, c.VV[i, j, ::-1]))
    outgoing = {}
    for q, sd in enumerate(sides):
        outgoing.setdefault(int(sd[0]), []).append(q)
    used = np.zeros(len(sides), dtype=bool)
    exteriors, holes = [], []
    for first in range(len(sides)):
        if used[first]:
            continue
        ring = []
        q = first
        while True:
            used[q] = True
            ring.append(sides[q][3][:-1])
            cands = outgoing[int(sides[q][1])]
            if len(cands) == 1:
                nxt = cands[0]
            else:
                d = sides[q][2]
                pref = {(d + 1) % 4: 0, d: 1, (d + 3) % 4: 2}
                nxt = min(cands, key=lambda t: pref.get(sides[t][2], 3))
            if nxt == first:
                break
            if used[nxt]:
                raise RuntimeError("boundary tracing failed")
            q = nxt
        ring = np.concatenate(ring + [ring[0][:1]])
        x, y = ring[:, 0], ring[:, 1]
        area2 = float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1]))
        (exteriors if area2 > 0 else holes).append(ring)
    return exteriors, holes


def _point_in_ring(pt, ring):
    x, y = ring[:, 0], ring[:, 1]
    x0, y0, x1, y1 = x[:-1], y[:-1], x[1:], y[1:]
    cross = (y0 > pt[1]) != (y1 > pt[1])
    with np.errstate(divide="ignore", invalid="ignore"):
        xi = x0 + (pt[1] - y0) * (x1 - x0) / (y1 - y0)
    return bool(np.count_nonzero(cross & (pt[0] < xi)) % 2)


def _region_wkb(c, mask):
    """MultiPolygon WKB of the union of the cells in *mask*."""
    exteriors, holes = _region_rings(c, mask)
    polys = [[e] for e in exteriors]
    for h in holes:
        probe = (h[0] + h[1]) / 2.0
        owner = 0
        if len(polys) > 1:
            owner = next((q for q, p in enumerate(polys) if _point_in_ring(probe, p[0])), 0)
        polys[owner].append(h)
    return _wkb_multipolygon(polys)


def _create_layer(ds, ogr, srs, name, gtype, fields):
    lyr = ds.CreateLayer(name, srs, gtype, options=["FID=fid", "SPATIAL_INDEX=YES"])
    if lyr is None:
        raise RuntimeError("could not create layer {}".format(name))
    for fname, ftype in fields:
        fd = ogr.FieldDefn(fname, ftype)
        lyr.CreateField(fd)
    return lyr


def _add(lyr, ogr, wkb, values):
    feat = ogr.Feature(lyr.GetLayerDefn())
    for q, val in enumerate(values):
        if val is None:
            continue
        if isinstance(val, str):
            feat.SetFieldString(q, val)
        else:
            feat.SetFieldInteger64(q, int(val))
    feat.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
    if lyr.CreateFeature(feat) != 0:
        raise RuntimeError("could not write a feature to {}".format(lyr.GetName()))


def write_gpkg(c, path, feedback=None, progress=(60.0, 95.0)):
    from osgeo import ogr, osr

    step = _Steps(feedback)
    p0, p1 = progress
    drv = ogr.GetDriverByName("GPKG")
    if os.path.exists(path):
        drv.DeleteDataSource(path)
    ds = drv.CreateDataSource(path)
    if ds is None:
        raise RuntimeError("could not create {}".format(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    S, I = ogr.OFTString, ogr.OFTInteger
    counts = {}
    # streets
    lyr = _create_layer(ds, ogr, srs, "strassen", ogr.wkbLineString,
                        [("id", I), ("name", S), ("highway", S), ("oneway", S), ("bridge", S)])
    lyr.StartTransaction()
    for q, (coords, name, hw, ow, br) in enumerate(c.streets):
        _add(lyr, ogr, _wkb_line(coords), (q + 1, name, hw, ow, br))
        if q % 5000 == 0:
            step.check()
    lyr.CommitTransaction()
    counts["strassen"] = len(c.streets)
    step(p0 + 0.35 * (p1 - p0))
    # districts: unions of their blocks, traced along the street centre lines
    ot_wkb = {}
    for q in range(c.n_ot):
        ot_wkb[q] = _region_wkb(c, c.cell_label == q)
        step.check()
    step(p0 + 0.55 * (p1 - p0))
    lyr = _create_layer(ds, ogr, srs, "ortsteile", ogr.wkbMultiPolygon,
                        [("ot_key", S), ("ot_name", S), ("sb_key", S), ("sb_name", S), ("einwohner", I)])
    lyr.StartTransaction()
    for q in c.ot_order:
        _add(lyr, ogr, ot_wkb[q],
             (c.ot_keys[q], c.ot_names[q], c.ot_sb_key[q], c.ot_sb_name[q], int(c.ot_einwohner[q])))
    lyr.CommitTransaction()
    counts["ortsteile"] = c.n_ot
    lyr = _create_layer(ds, ogr, srs, "stadtbezirke", ogr.wkbMultiPolygon, [("sb_key", S), ("sb_name", S)])
    lyr.StartTransaction()
    for r, key in enumerate(c.sb_keys):
        members = [q for q in range(c.n_ot) if c.ot_sb_key[q] == key]
        _add(lyr, ogr, _region_wkb(c, np.isin(c.cell_label, members)), (key, c.sb_names[r]))
    lyr.CommitTransaction()
    counts["stadtbezirke"] = len(c.sb_keys)
    step(p0 + 0.65 * (p1 - p0))
    # addresses
    lyr = _create_layer(ds, ogr, srs, "adressen", ogr.wkbPoint,
                        [("adr_id", I), ("ot_key", S)] + [(name, I) for name in COHORTS] + [("ew_gesamt", I)])
    lyr.StartTransaction()
    keys = c.ot_keys
    coh = c.addr_cohorts.tolist()
    tot = c.addr_total.tolist()
    ots = c.addr_ot.tolist()
    xy = c.addr_xy.tolist()
    for q in range(len(tot)):
        _add(lyr, ogr, _wkb_point(*xy[q]), [q + 1, keys[ots[q]]] + coh[q] + [tot[q]])
        if q % 5000 == 0:
            step.check()
    lyr.CommitTransaction()
    counts["adressen"] = len(tot)
    step(p0 + 0.85 * (p1 - p0))
    # facilities
    lyr = _create_layer(ds, ogr, srs, "einrichtungen", ogr.wkbPoint,
                        [("einr_id", S), ("name", S), ("typ", S), ("kapazitaet", I), ("traeger", S),
                         ("traeger_art", S), ("ot_key", S)])
    lyr.StartTransaction()
    for f in c.facilities:
        _add(lyr, ogr, _wkb_point(*f["xy"]), (f["id"], f["name"], f["typ"], int(f["kapazitaet"]),
                                             f["traeger"], f["traeger_art"], keys[f["ot"]]))
    lyr.CommitTransaction()
    counts["einrichtungen"] = len(c.facilities)
    # river (clipped to the grid's extent), with the island as a hole
    lyr = _create_layer(ds, ogr, srs, "fluss", ogr.wkbPolygon, [("name", S)])
    lyr.StartTransaction()
    island = np.vstack([c.island_ring, c.island_ring[:1]])[::-1]
    river = np.vstack([c.river_ring, c.river_ring[:1]])
    _add(lyr, ogr, _wkb_polygon([river, island]), ("Weiße Elster",))
    lyr.CommitTransaction()
    counts["fluss"] = 1
    # candidate plots for new Kitas (written last; the layers above are unchanged)
    lyr = _create_layer(ds, ogr, srs, "kita_kandidaten", ogr.wkbPoint,
                        [("kand_id", S), ("name", S), ("art", S), ("kapazitaet", I), ("flaeche_m2", I),
                         ("ot_key", S)])
    lyr.StartTransaction()
    for f in c.kita_candidates:
        _add(lyr, ogr, _wkb_point(*f["xy"]), (f["id"], f["name"], f["art"], int(f["kapazitaet"]),
                                             int(f["flaeche_m2"]), keys[f["ot"]]))
    lyr.CommitTransaction()
    counts["kita_kandidaten"] = len(c.kita_candidates)
    ds = None
    step(p1)
    return counts


def generate(out_dir, scale=1.0, seed=42, feedback=None, counts=None):
    """Write the sample city into *out_dir*; return a dict of the written paths.

    Keys: ``gpkg``, ``social_csv``, ``partnerships_csv``, ``gtfs``. When a dict is given as
    *counts* it is filled with the number of features per layer, ``edges``,
    ``residents`` and table rows. Files are written into a
    temporary folder first and moved into place at the end, so a failed or
    cancelled run leaves no half-written results.
    """
    scale, seed = _check_args(scale, seed)
    step = _Steps(feedback)
    os.makedirs(out_dir, exist_ok=True)
    city = build_city(scale, seed, feedback)
    step(60, "Writing {}".format(GPKG_NAME))
    tmp = tempfile.mkdtemp(prefix=".musterstadt_", dir=out_dir)
    try:
        gpkg_tmp = os.path.join(tmp, GPKG_NAME)
        written = write_gpkg(city, gpkg_tmp, feedback)
        with open(os.path.join(tmp, SOCIAL_CSV_NAME), "w", encoding="cp1252", newline="") as fh:
            fh.write(social_csv_text(city))
        with open(os.path.join(tmp, PARTNERSHIPS_CSV_NAME), "w", encoding="utf-8", newline="") as fh:
            fh.write(partnerships_csv_text(city))
        # last: the GTFS feed (sample/gtfs.py, its own random generator; nothing above depends on it)
        gtfs_written = sample_gtfs.write_gtfs(city, os.path.join(tmp, GTFS_NAME))
        step.check()
        paths = {}
        for key, name in (("gpkg", GPKG_NAME), ("social_csv", SOCIAL_CSV_NAME),
                          ("partnerships_csv", PARTNERSHIPS_CSV_NAME), ("gtfs", GTFS_NAME)):
            final = os.path.join(out_dir, name)
            for suffix in ("-wal", "-shm", "-journal"):
                if os.path.exists(final + suffix):
                    os.remove(final + suffix)
            os.replace(os.path.join(tmp, name), final)
            paths[key] = final
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    if counts is not None:
        counts.update(written)
        counts.update({"edges": city.n_edges, "residents": int(city.addr_total.sum()),
                       "sozialdaten_rows": len(city.social_rows), "kooperationen": len(city.partnerships),
                       "gtfs_stops": gtfs_written[1], "gtfs_routes": gtfs_written[2], "gtfs_trips": gtfs_written[3]})
    step(100)
    return paths
