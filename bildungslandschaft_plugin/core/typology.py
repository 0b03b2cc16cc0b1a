"""District typology: deterministic k-means on z-scores, K by silhouette.

Plain numpy/scipy; no QGIS.

* Indicators are standardised with the population standard deviation
  (:func:`socialindex.zscores`).
* k-means (Lloyd) with k-means++ seeding from ``numpy.random.default_rng(seed)``;
  ``n_init`` restarts, the solution with the smallest within-cluster sum of
  squares wins. The same input and seed always give the same result.
* Clusters are numbered 1..K by the mean of their centre's z-scores
  (ascending; ties by size, then by first member), so the numbering does
  not depend on the random start.
* ``K = 0`` chooses K in ``[k_min, k_max]`` by the largest mean silhouette
  (ties: the smaller K).
"""

import numpy as np
from scipy.spatial.distance import cdist

from .socialindex import IndexInputError, zscores


def _kmeans_pp(x, k, rng):
    n = x.shape[0]
    centres = [x[rng.integers(n)]]
    d2 = ((x - centres[0]) ** 2).sum(axis=1)
    for _ in range(1, k):
        total = d2.sum()
        if total <= 0:
            idx = rng.integers(n)
        else:
            idx = int(np.searchsorted(np.cumsum(d2) / total, rng.random(), side="right"))
            idx = min(idx, n - 1)
        centres.append(x[idx])
        d2 = np.minimum(d2, ((x - x[idx]) ** 2).sum(axis=1))
    return np.array(centres, dtype=float)


def _lloyd(x, centres, max_iter=300):
    labels = None
    for _ in range(max_iter):
        d = cdist(x, centres, "sqeuclidean")
        new = np.argmin(d, axis=1)
        if labels is not None and np.array_equal(new, labels):
            break
        labels = new
        for c in range(centres.shape[0]):
            members = x[labels == c]
            if len(members):
                centres[c] = members.mean(axis=0)
            else:  # empty cluster: take the point farthest from its centre
                far = int(np.argmax(d[np.arange(len(x)), labels]))
                centres[c] = x[far]
    d = cdist(x, centres, "sqeuclidean")
    labels = np.argmin(d, axis=1)
    inertia = float(d[np.arange(len(x)), labels].sum())
    return labels, centres, inertia


def kmeans(x, k, seed=42, n_init=10):
    """(labels 0..k-1 in canonical order, centres, inertia)."""
    x = np.asarray(x, dtype=float)
    n = x.shape[0]
    if k < 1 or k > n:
        raise IndexInputError("k_range", "K must lie between 1 and the number of areas.", k=k, n=n)
    rng = np.random.default_rng(seed)
    best = None
    for _ in range(max(1, int(n_init))):
        labels, centres, inertia = _lloyd(x, _kmeans_pp(x, k, rng))
        if best is None or inertia < best[2] - 1e-12:
            best = (labels, centres, inertia)
    labels, centres, inertia = best
    # canonical numbering
    keys = []
    for c in range(k):
        members = np.flatnonzero(labels == c)
        first = int(members[0]) if len(members) else n
        keys.append((round(float(centres[c].mean()), 12), -len(members), first))
    order = sorted(range(k), key=lambda c: keys[c])
    remap = np.empty(k, dtype=int)
    for new, old in enumerate(order):
        remap[old] = new
    return remap[labels], centres[order], inertia


def silhouette_samples(x, labels):
    """Silhouette of every point (Euclidean); 0 for points alone in their cluster."""
    x = np.asarray(x, dtype=float)
    labels = np.asarray(labels)
    n = len(x)
    ks = np.unique(labels)
    s = np.zeros(n)
    if len(ks) < 2:
        return s
    chunk = max(1, 2_000_000 // max(n, 1))
    for start in range(0, n, chunk):
        d = cdist(x[start:start + chunk], x)
        for row in range(d.shape[0]):
            i = start + row
            own = labels == labels[i]
            n_own = own.sum() - 1
            if n_own == 0:
                s[i] = 0.0
                continue
            a = d[row, own].sum() / n_own
            b = min(d[row, labels == c].mean() for c in ks if c != labels[i])
            s[i] = (b - a) / max(a, b) if max(a, b) > 0 else 0.0
    return s


def typology(values, names, k=0, k_min=2, k_max=8, seed=42, n_init=10, feedback=None):
    """Cluster areas (rows of *values*, no NaN) into types.

    Returns a dict: ``z`` (n, m), ``cluster`` (1..K), ``k``, ``silhouette``
    (per area), ``mean_silhouette``, ``scores`` ({K: mean silhouette} when K
    was chosen), ``profile`` (K, m) mean z per cluster, ``sizes``,
    ``distance`` (Euclidean distance to the cluster centre).
    *feedback*: optional callable(step, total) returning False to cancel.
    """
    values = np.asarray(values, dtype=float)
    n = values.shape[0]
    if not np.all(np.isfinite(values)):
        raise ValueError("values must not contain NaN")
    z = zscores(values, names)
    scores = {}
    if k and k > 0:
        k = int(k)
        if k > n:
            raise IndexInputError("too_few_areas", "Fewer areas than clusters.", n=n, classes=k)
        labels, centres, _ = kmeans(z, k, seed, n_init)
    else:
        k_min = max(2, int(k_min))
        k_max = min(int(k_max), n - 1)
        if k_max < k_min:
            raise IndexInputError("too_few_areas", "Too few areas to choose K.", n=n, classes=k_min + 1)
        best = None
        total = k_max - k_min + 1
        for step, kk in enumerate(range(k_min, k_max + 1)):
            labels_k, centres_k, _ = kmeans(z, kk, seed, n_init)
            score = float(silhouette_samples(z, labels_k).mean())
            scores[kk] = score
            if best is None or score > best[0] + 1e-12:
                best = (score, kk, labels_k, centres_k)
            if feedback is not None and feedback(step + 1, total) is False:
                raise InterruptedError()
        _, k, labels, centres = best
    sil = silhouette_samples(z, labels) if k > 1 else np.zeros(n)
    profile = np.array([z[labels == c].mean(axis=0) for c in range(k)])
    sizes = np.array([(labels == c).sum() for c in range(k)])
    distance = np.sqrt(((z - centres[labels]) ** 2).sum(axis=1))
    return {
        "z": z, "cluster": labels + 1, "k": k, "silhouette": sil,
        "mean_silhouette": float(sil.mean()), "scores": scores,
        "profile": profile, "sizes": sizes, "distance": distance,
    }


def area_columns(res, mask):
    """Per-area result columns of :func:`typology` run on the areas of *mask* (bool per area).

    Returns ``[cluster, silhouette, distance, z of each indicator …]``: one list per column with one value
    per area, None for an area left out (cluster as int, the others as float, NaN kept).
    """
    mask = np.asarray(mask, dtype=bool)
    rows = np.full(len(mask), -1)
    rows[mask] = np.arange(int(mask.sum()))
    arrays = [res["cluster"], res["silhouette"], res["distance"]] + [res["z"][:, j] for j in range(res["z"].shape[1])]
    columns = []
    for k, array in enumerate(arrays):
        convert = int if k == 0 else float
        columns.append([convert(array[r]) if r >= 0 else None for r in rows])
    return columns


def profile_rows(res, raw):
    """One row per type: ``[type, n areas, mean silhouette, z profile of each indicator …, mean of each raw
    indicator …]``; *raw*: the indicator values of the areas :func:`typology` was run on."""
    rows = []
    for c in range(res["k"]):
        members = res["cluster"] == c + 1
        rows.append([c + 1, int(res["sizes"][c]), float(res["silhouette"][members].mean())]
                    + [float(v) for v in res["profile"][c]]
                    + [float(raw[members, j].mean()) for j in range(raw.shape[1])])
    return rows


def leading_indicators(res, c, n=3):
    """Indexes of the *n* indicators whose profile value of type *c* (0-based) is largest in absolute value."""
    return sorted(range(res["profile"].shape[1]), key=lambda j: -abs(res["profile"][c, j]))[:n]
