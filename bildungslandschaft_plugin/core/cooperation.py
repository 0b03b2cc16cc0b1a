"""Cooperation network of institutions (Kooperationsnetz, Bildungskompass).

Plain Python/numpy, no QGIS. Input: the institutions (ids, optional district
and carrier per institution) and a table of partnerships (from id, to id,
optional kind). Partnerships are undirected: "A cooperates with B" is the same
relation as "B cooperates with A".

Cleaning, every dropped row is reported with its row number:

- ``missing_id``: the from or to cell is empty;
- ``unknown_from`` / ``unknown_to`` / ``unknown_both``: an id that is not an
  institution of the facility layer;
- ``self_link``: from and to are the same institution;
- ``duplicate``: the same unordered pair with the same kind (case and
  surrounding blanks ignored) as an earlier row. The same pair with a
  *different* kind is kept as a second partnership (a school and a library can
  have a reading partnership and a holiday programme).

Measures per institution (on the simple undirected graph of distinct partners):

- ``degree``: number of distinct partner institutions;
- ``links``: number of partnerships (kinds counted separately);
- ``partners_other_district``: distinct partners in another district (NULL
  when the institution's district is unknown; partners with unknown district
  are not counted);
- ``partners_other_carrier``: the same for carriers (Träger);
- ``betweenness``: normalised betweenness centrality (Freeman 1977, computed
  with Brandes' 2001 algorithm), the share of shortest paths between other
  pairs of institutions that pass through this one:
  ``C_B(v) = sum_{s != v != t} sigma_st(v) / sigma_st``, over unordered pairs,
  divided by ``(n-1)(n-2)/2`` (``n`` institutions; 0 when ``n < 3``);
- ``component`` / ``component_size``: connected group of institutions (numbered
  1.. by decreasing size, ties by first institution) and its size;
- ``isolated``: no partnership at all.

Per district: ``institutions``, ``links_inside`` (partnerships with both ends in
the district), ``links_to_other_districts`` (partnerships with exactly one end
in it), ``isolated_institutions``.
"""

from collections import deque

import numpy as np

OK = "ok"
MISSING_ID = "missing_id"
UNKNOWN_FROM = "unknown_from"
UNKNOWN_TO = "unknown_to"
UNKNOWN_BOTH = "unknown_both"
SELF_LINK = "self_link"
DUPLICATE = "duplicate"


def normalise_id(value):
    """An id as text: ``None``/NaN/blank -> ``None``; ``12.0`` -> ``"12"``; blanks stripped.

    Keys stay text (leading zeros are kept); a float that is a whole number
    (e.g. read from a spreadsheet) loses its ``.0``.
    """
    if value is None:
        return None
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        if value.is_integer():
            return str(int(value))
        return repr(value)
    text = str(value).strip()
    if not text or text.upper() == "NULL":
        return None
    return text


def _kind_key(kind):
    if kind is None:
        return ""
    return str(kind).strip().casefold()


def clean_partnerships(facility_ids, from_ids, to_ids, kinds=None):
    """Check every partnership row.

    Returns ``(links, problems)``. ``links`` is a list of dicts with ``row``
    (0-based row index in the input), ``from``/``to`` (facility indices),
    ``from_id``/``to_id`` and ``kind``. ``problems`` is a list of dicts with
    ``row``, ``from_id``, ``to_id``, ``kind``, ``problem`` (one of the codes
    above) and, for duplicates, ``first_row``.
    """
    index = {}
    for i, fid in enumerate(facility_ids):
        key = normalise_id(fid)
        if key is not None:
            index[key] = i
    if kinds is None:
        kinds = [None] * len(from_ids)
    if not (len(from_ids) == len(to_ids) == len(kinds)):
        raise ValueError("from_ids, to_ids and kinds must have the same length")

    links, problems, seen = [], [], {}
    for row, (a_raw, b_raw, kind) in enumerate(zip(from_ids, to_ids, kinds)):
        a, b = normalise_id(a_raw), normalise_id(b_raw)
        kind_text = None if kind is None or (isinstance(kind, float) and kind != kind) else str(kind).strip()
        if kind_text == "":
            kind_text = None
        record = {"row": row, "from_id": a, "to_id": b, "kind": kind_text}
        if a is None or b is None:
            problems.append(dict(record, problem=MISSING_ID))
            continue
        ia, ib = index.get(a), index.get(b)
        if ia is None or ib is None:
            code = UNKNOWN_BOTH if (ia is None and ib is None) else (UNKNOWN_FROM if ia is None else UNKNOWN_TO)
            problems.append(dict(record, problem=code))
            continue
        if ia == ib:
            problems.append(dict(record, problem=SELF_LINK))
            continue
        key = (min(ia, ib), max(ia, ib), _kind_key(kind_text))
        if key in seen:
            problems.append(dict(record, problem=DUPLICATE, first_row=seen[key]))
            continue
        seen[key] = row
        links.append(dict(record, **{"from": ia, "to": ib}))
    return links, problems


def adjacency(n, links):
    """Sorted lists of distinct neighbours of each of *n* nodes."""
    neigh = [set() for _ in range(n)]
    for link in links:
        a, b = link["from"], link["to"]
        neigh[a].add(b)
        neigh[b].add(a)
    return [sorted(s) for s in neigh]


def betweenness(neighbours, normalized=True, progress=None):
    """Betweenness centrality of an undirected, unweighted graph (Brandes 2001).

    *neighbours*: list of neighbour lists. Pairs are unordered (each shortest
    path counted once). With *normalized*, divided by ``(n-1)(n-2)/2``.
    *progress*: optional callable invoked once per source node; when it
    returns False the computation stops with ``InterruptedError``.
    """
    n = len(neighbours)
    cb = np.zeros(n, dtype=float)
    for s in range(n):
        if progress is not None and progress() is False:
            raise InterruptedError("cancelled")
        if not neighbours[s]:
            continue
        stack = []
        preds = [[] for _ in range(n)]
        sigma = np.zeros(n, dtype=float)
        sigma[s] = 1.0
        dist = np.full(n, -1, dtype=int)
        dist[s] = 0
        queue = deque([s])
        while queue:
            v = queue.popleft()
            stack.append(v)
            for w in neighbours[v]:
                if dist[w] < 0:
                    dist[w] = dist[v] + 1
                    queue.append(w)
                if dist[w] == dist[v] + 1:
                    sigma[w] += sigma[v]
                    preds[w].append(v)
        delta = np.zeros(n, dtype=float)
        while stack:
            w = stack.pop()
            for v in preds[w]:
                delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w])
            if w != s:
                cb[w] += delta[w]
    cb /= 2.0  # undirected: every pair was counted from both ends
    if normalized:
        if n > 2:
            cb /= (n - 1) * (n - 2) / 2.0
        else:
            cb[:] = 0.0
    return cb


def components(neighbours):
    """(component number 1.. by decreasing size, component size) per node."""
    n = len(neighbours)
    label = np.full(n, -1, dtype=int)
    groups = []
    for start in range(n):
        if label[start] >= 0:
            continue
        label[start] = len(groups)
        members = [start]
        queue = deque([start])
        while queue:
            v = queue.popleft()
            for w in neighbours[v]:
                if label[w] < 0:
                    label[w] = label[start]
                    members.append(w)
                    queue.append(w)
        groups.append(members)
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), min(groups[g])))
    number = np.zeros(len(groups), dtype=int)
    for rank, g in enumerate(order, start=1):
        number[g] = rank
    sizes = np.array([len(g) for g in groups], dtype=int)
    return number[label], sizes[label]


def _differs(a, b):
    """True/False when both are known, None otherwise."""
    a, b = normalise_id(a), normalise_id(b)
    if a is None or b is None:
        return None
    return a != b


def analyse(facility_ids, from_ids, to_ids, kinds=None, districts=None, carriers=None, progress=None):
    """Clean the partnerships and compute every measure.

    Returns a dict with

    - ``links``: cleaned partnerships (see :func:`clean_partnerships`) with
      ``cross_district`` / ``cross_carrier`` (True/False/None);
    - ``problems``: rejected rows;
    - ``facilities``: dict of arrays/lists, one entry per institution:
      ``degree``, ``links``, ``partners_other_district``,
      ``partners_other_carrier`` (None where the own district/carrier is
      unknown), ``betweenness``, ``component``, ``component_size``,
      ``isolated``;
    - ``districts``: {district key: dict of ``institutions``, ``links_inside``,
      ``links_to_other_districts``, ``isolated_institutions``} (only when
      *districts* is given).
    """
    n = len(facility_ids)
    seen_ids = {}
    for i, fid in enumerate(facility_ids):
        key = normalise_id(fid)
        if key is None:
            continue
        if key in seen_ids:
            raise ValueError("duplicate institution id {!r} (features {} and {})".format(key, seen_ids[key], i))
        seen_ids[key] = i
    links, problems = clean_partnerships(facility_ids, from_ids, to_ids, kinds)
    dist = [normalise_id(d) for d in districts] if districts is not None else [None] * n
    carr = [normalise_id(c) for c in carriers] if carriers is not None else [None] * n

    for link in links:
        a, b = link["from"], link["to"]
        link["cross_district"] = _differs(dist[a], dist[b])
        link["cross_carrier"] = _differs(carr[a], carr[b])

    neigh = adjacency(n, links)
    degree = np.array([len(s) for s in neigh], dtype=int)
    link_count = np.zeros(n, dtype=int)
    for link in links:
        link_count[link["from"]] += 1
        link_count[link["to"]] += 1

    def other_count(values):
        out = []
        for i in range(n):
            if values[i] is None:
                out.append(None)
                continue
            out.append(sum(1 for j in neigh[i] if values[j] is not None and values[j] != values[i]))
        return out

    comp, comp_size = components(neigh)
    result = {
        "links": links,
        "problems": problems,
        "facilities": {
            "degree": degree,
            "links": link_count,
            "partners_other_district": other_count(dist),
            "partners_other_carrier": other_count(carr),
            "betweenness": betweenness(neigh, progress=progress),
            "component": comp,
            "component_size": comp_size,
            "isolated": degree == 0,
        },
    }
    if districts is not None:
        summary = {}
        for i in range(n):
            if dist[i] is None:
                continue
            entry = summary.setdefault(dist[i], {"institutions": 0, "links_inside": 0,
                                                 "links_to_other_districts": 0, "isolated_institutions": 0})
            entry["institutions"] += 1
            if degree[i] == 0:
                entry["isolated_institutions"] += 1
        for link in links:
            da, db = dist[link["from"]], dist[link["to"]]
            if da is not None and da == db:
                summary[da]["links_inside"] += 1
            else:
                for d in (da, db):
                    if d is not None:
                        summary[d]["links_to_other_districts"] += 1
        result["districts"] = summary
    return result


def problem_counts(problems):
    """{problem code: number of rows}."""
    counts = {}
    for p in problems:
        counts[p["problem"]] = counts.get(p["problem"], 0) + 1
    return counts


def first_duplicate(ids):
    """``(i, j)``: the first position *j* whose id (not None) was already at position *i*, or None."""
    seen = {}
    for j, key in enumerate(ids):
        if key is None:
            continue
        if key in seen:
            return seen[key], j
        seen[key] = j
    return None


def _text(value):
    return None if value is None else str(value)


def link_rows(links, facility_ids, names, districts, carriers):
    """One output row per link of :func:`analyse`: from/to id, kind, from/to name, district and carrier,
    cross_district, cross_carrier, source row (1-based). *districts*/*carriers*: one key per institution
    (normalised with :func:`normalise_id`) or None."""
    n = len(facility_ids)
    dk = districts or [None] * n
    ck = [normalise_id(c) for c in carriers] if carriers else [None] * n
    names = names if names is not None else [None] * n
    return [[facility_ids[a], facility_ids[b], link["kind"], _text(names[a]), _text(names[b]), dk[a], dk[b],
             ck[a], ck[b], link["cross_district"], link["cross_carrier"], link["row"] + 1]
            for link in links for a, b in [(link["from"], link["to"])]]


def facility_columns(metrics, districts=None):
    """The per-institution output columns of :func:`analyse` (``facilities``): district (with *districts*),
    degree, links, partners in other districts / of other carriers, betweenness, component, its size, isolated."""
    m = metrics
    columns = [list(districts)] if districts is not None else []
    columns += [[int(v) for v in m["degree"]], [int(v) for v in m["links"]], list(m["partners_other_district"]),
                list(m["partners_other_carrier"]), [float(v) for v in m["betweenness"]],
                [int(v) for v in m["component"]], [int(v) for v in m["component_size"]],
                [bool(v) for v in m["isolated"]]]
    return columns


def district_columns(summary, keys):
    """institutions, links inside, links to other districts, isolated institutions of each district key in
    *keys* (0 for a district without institutions); *summary*: ``analyse(...)["districts"]``."""
    names = ("institutions", "links_inside", "links_to_other_districts", "isolated_institutions")
    return [[summary.get(key, {}).get(name, 0) for key in keys] for name in names]
