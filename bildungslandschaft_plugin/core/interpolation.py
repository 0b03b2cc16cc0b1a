"""Areal interpolation: move district values from one area system to another.

Plain numpy, no QGIS. The caller computes the overlap weights (area of the
intersection, residents at addresses in the intersection, or residential area in
the intersection) and passes them as three parallel arrays ``src``, ``tgt``, ``w``
(one entry per overlapping source/target pair), plus

* ``source_weight[i]`` – the whole weight of source *i* (its area, its residents, its
  residential area), including parts outside every target;
* ``target_weight[j]`` – the whole weight of target *j*, including parts outside every source.

Formulas (``docs/social_data.md``):

* counts (extensive):  v_j = Σ_i v_i · w_ij / W_i
* rates with a denominator d:  r_j = Σ_i r_i d_i w_ij / W_i  /  Σ_i d_i w_ij / W_i
* rates without a denominator:  r_j = Σ_i r_i w_ij / Σ_i w_ij   (area/weight-weighted mean)
* coverage_j = Σ_{i with a value} w_ij / T_j

Sources whose value is missing (NaN: suppressed, unknown) contribute nothing;
a target that gets no weight from a source with a value stays NaN, never 0.
"""

from dataclasses import dataclass, field

import numpy as np

from ._tr import tr


@dataclass
class InterpolationResult:
    values: dict                  # field -> float array over targets (NaN = missing)
    coverage: np.ndarray          # min over fields of the per-field coverage
    field_coverage: dict          # field -> per-field coverage array
    unplaced: dict = field(default_factory=dict)  # field -> sum of values of sources without weight


def _check(src, tgt, w, source_weight, target_weight):
    src = np.asarray(src, dtype=int)
    tgt = np.asarray(tgt, dtype=int)
    w = np.asarray(w, dtype=float)
    if not (src.shape == tgt.shape == w.shape):
        raise ValueError(tr("src, tgt and w must have the same length."))
    if np.any(w < 0) or np.any(~np.isfinite(w)):
        raise ValueError(tr("Overlap weights must be finite and not negative."))
    return src, tgt, w, np.asarray(source_weight, dtype=float), np.asarray(target_weight, dtype=float)


def interpolate(src, tgt, w, source_weight, target_weight, extensive=None, intensive=None):
    """Move *extensive* counts and *intensive* rates from sources to targets.

    *extensive*: {name: array over sources}. *intensive*: {name: (rate array,
    denominator array or None)}. Returns an :class:`InterpolationResult`.
    """
    src, tgt, w, sw, tw = _check(src, tgt, w, source_weight, target_weight)
    n_tgt = len(tw)
    extensive = extensive or {}
    intensive = intensive or {}
    values, cover, unplaced = {}, {}, {}
    with np.errstate(divide="ignore", invalid="ignore"):
        share = np.where(sw[src] > 0, w / sw[src], 0.0)   # share of source i that lies in target j

    def covered(valid):
        cw = np.bincount(tgt, weights=np.where(valid[src], w, 0.0), minlength=n_tgt)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(tw > 0, np.minimum(cw / tw, 1.0), 0.0), cw

    for name, vals in extensive.items():
        v = np.asarray(vals, dtype=float)
        valid = np.isfinite(v)
        contrib = np.where(valid[src], np.nan_to_num(v)[src] * share, 0.0)
        total = np.bincount(tgt, weights=contrib, minlength=n_tgt)
        cov, cw = covered(valid)
        total[cw <= 0] = np.nan
        values[name] = total
        cover[name] = cov
        lost = valid & (sw <= 0) & (v != 0)
        if lost.any():
            unplaced[name] = float(v[lost].sum())

    for name, spec in intensive.items():
        rate, den = spec
        r = np.asarray(rate, dtype=float)
        if den is None:
            valid = np.isfinite(r)
            num = np.bincount(tgt, weights=np.where(valid[src], np.nan_to_num(r)[src] * w, 0.0), minlength=n_tgt)
            cov, cw = covered(valid)
            with np.errstate(divide="ignore", invalid="ignore"):
                out = np.where(cw > 0, num / cw, np.nan)
        else:
            d = np.asarray(den, dtype=float)
            valid = np.isfinite(r) & np.isfinite(d)
            rn = np.nan_to_num(r * d)
            dn = np.nan_to_num(d)
            num = np.bincount(tgt, weights=np.where(valid[src], rn[src] * share, 0.0), minlength=n_tgt)
            dd = np.bincount(tgt, weights=np.where(valid[src], dn[src] * share, 0.0), minlength=n_tgt)
            cov, cw = covered(valid)
            with np.errstate(divide="ignore", invalid="ignore"):
                out = np.where((cw > 0) & (dd != 0), num / dd, np.nan)
        values[name] = out
        cover[name] = cov

    if cover:
        coverage = np.min(np.vstack(list(cover.values())), axis=0)
    else:
        coverage, _ = covered(np.ones(len(sw), dtype=bool))
    return InterpolationResult(values=values, coverage=coverage, field_coverage=cover, unplaced=unplaced)


def parse_intensive(specs):
    """``["quote:einwohner", "dichte"]`` -> ``[("quote", "einwohner"), ("dichte", None)]``."""
    out = []
    for spec in specs or []:
        spec = str(spec).strip()
        if not spec:
            continue
        if ":" in spec:
            rate, den = (s.strip() for s in spec.split(":", 1))
            if not rate or not den:
                raise ValueError(tr("'{0}' is not of the form rate_field:denominator_field.").format(spec))
            out.append((rate, den))
        else:
            out.append((spec, None))
    return out


@dataclass
class OverlapReport:
    pairs: list            # [(i, j, overlap area)] of the sources that overlap, largest first
    total: float           # sum of the source areas
    union: float           # area of their union
    excess: float          # total - union: area counted more than once

    @property
    def overlapping(self):
        return bool(self.pairs)


def overlap_report(pairs, source_area, union_area, rel_tol=1e-3):
    """Overlapping source districts: each is moved in full, so the overlap is counted twice.

    *pairs*: ``(i, j, area)`` of the intersections of two sources; *source_area*: area of
    every source; *union_area*: area of the union of all sources. A pair counts when its
    overlap exceeds *rel_tol* of the smaller of the two areas (shared borders and
    digitising slivers do not). Returns an :class:`OverlapReport` (``excess`` = total of
    the sources − their union, never below 0).
    """
    area = np.asarray(source_area, dtype=float)
    total = float(area.sum())
    union = float(union_area)
    found = []
    for i, j, a in pairs:
        i, j, a = int(i), int(j), float(a)
        if a > rel_tol * min(area[i], area[j]) and a > 0:
            found.append((i, j, a))
    found.sort(key=lambda p: -p[2])
    return OverlapReport(pairs=found, total=total, union=union, excess=max(total - union, 0.0))


def pair_arrays(pairs):
    """``(source index, target index, weight)`` arrays of a ``{(i, j): weight}`` dict, sorted by (i, j)."""
    keys = sorted(pairs)
    return (np.array([k[0] for k in keys], dtype=int), np.array([k[1] for k in keys], dtype=int),
            np.array([pairs[k] for k in keys], dtype=float))
