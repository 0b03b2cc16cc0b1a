"""The nearest-facility search of the catchments engine (:func:`search_nearest`), and for algorithms that
assign demand on the way (:func:`nearest_facilities`).

:func:`nearest_facilities` does what ``bildungslandschaft:catchments`` does between
reading the layers and writing the results: build the network of the
``NETWORK``/``MODE``/``COST_TYPE``/``SNAP_TOLERANCE`` parameters
(:mod:`.network_params`), snap facilities and demand, flag facilities on network
islands, and run one multi-source shortest-path search (``routing.node_costs(1)``,
``routing.nearest(0, 1, max_cost=...)``). Same warnings, same semantics
(connector and partial segment lengths count; statuses ``ok``, ``off_network``,
``no_geometry``, ``unreachable``, ``beyond_max_cost``).
"""

import collections

import numpy as np

from ..core import network as nw
from ..translation import tr
from . import network_reader
from . import network_params as npar
from . import transit_params as tp
from .base import check_canceled

CostsToFacilities = collections.namedtuple("CostsToFacilities",
                                           "facility cost status category_costs pairs walk_only")

NearestResult = collections.namedtuple("NearestResult", "facility cost status walk_only routing node_result max_cost")

NearestSearch = collections.namedtuple(
    "NearestSearch", "graph f_loc d_loc f_status routing node_result facility cost status cost_name")


def snap_facilities_and_demand(graph, f_xy, d_xy, tol, feedback):
    """``(f_loc, d_loc, f_status)``: both point sets snapped; facilities on islands and none within the
    snap tolerance reported (the catchments engine's rules, shared by catchments and facilityneed)."""
    f_loc = network_reader.locate_points(graph, f_xy, tol, npar.FACILITIES, feedback)
    d_loc = network_reader.locate_points(graph, d_xy, tol, npar.DEMAND, feedback)
    f_status = graph.facility_status(f_loc)
    n_island = int((f_status == nw.UNREACHABLE).sum())
    if n_island:
        feedback.pushWarning(tr("{0} facilities lie on network islands (status 'unreachable').").format(n_island))
    if not (f_loc.status == nw.OK).any():
        feedback.pushWarning(tr("No facility lies within the snap tolerance of the network; nothing is assigned."))
    return f_loc, d_loc, f_status


def nearest_facilities(alg, parameters, context, feedback, crs, network, f_xy, d_xy, max_cost=None):
    """Nearest facility of every demand point over the network (see the module doc).

    *f_xy*, *d_xy*: coordinates in the working CRS *crs* (NaN rows: no geometry).
    ``facility`` is -1 wherever ``status`` is not ``ok``.
    """
    _mode, cost, tol = npar.network_settings(alg, parameters, context)
    feedback.setProgressText(tr("Reading the network"))
    feedback.setProgressText(tr("Reading the network"))
    graph = network_reader.read_network(alg, parameters, context, feedback, crs, source=network)
    check_canceled(feedback)
    feedback.setProgressText(tr("Snapping to the network"))
    f_loc, d_loc, f_status = snap_facilities_and_demand(graph, f_xy, d_xy, tol, feedback)
    check_canceled(feedback)
    feedback.setProgressText(tr("Searching the nearest facilities"))
    routing = graph.prepare(d_loc, f_loc, cost=cost)
    node_result = routing.node_costs(1)
    fac, costs, status = routing.nearest(0, 1, max_cost=max_cost, node_result=node_result)
    check_canceled(feedback)
    return NearestSearch(graph, f_loc, d_loc, f_status, routing, node_result, fac, costs, status, cost)


def search_nearest(alg, parameters, context, feedback, graph, crs, d_loc, f_loc, cost, max_cost, tol):
    """Nearest facility of every snapped demand point (catchments): :class:`NearestResult`.

    Over the street network: one multi-source search (``routing``/``node_result`` kept for the catchment
    polygons). Walk + public transport (MODE 3): the reported-time matrix, ``walk_only`` per point and
    ``max_cost`` with the transit default; ``routing`` is None.
    """
    if tp.is_transit(alg, parameters, context):
        max_cost = tp.max_cost_or_default(max_cost)
        run = tp.transit_matrix(alg, parameters, context, feedback, graph, crs, d_loc, f_loc, max_cost, tol,
                                direct=False)
        fac, costs, status, walk_only = tp.nearest_by_walk_or_transit(run, d_loc.status, max_cost)
        return NearestResult(fac, costs, status, walk_only, None, None, max_cost)
    routing = graph.prepare(d_loc, f_loc, cost=cost)
    node_result = routing.node_costs(1)
    fac, costs, status = routing.nearest(0, 1, max_cost=max_cost, node_result=node_result)
    return NearestResult(fac, costs, status, None, routing, node_result, max_cost)


def costs_to_facilities(alg, parameters, context, feedback, graph, crs, d_loc, f_loc, cost, tol, subsets,
                        pair_limit):
    """Accessibility: :class:`CostsToFacilities` of every snapped demand point.

    The nearest facility (``facility``, ``cost``, ``status``), the cost to the nearest facility of each
    boolean mask of *subsets* (NaN where the point is not ``ok`` or reaches none) and all pairs
    ``(orig, dest, cost)`` within *pair_limit*. Over the street network or, for walk + public transport
    (MODE 3), from the reported-time matrix (then with ``walk_only`` per point; else None).
    """
    if tp.is_transit(alg, parameters, context):
        run = tp.transit_matrix(alg, parameters, context, feedback, graph, crs, d_loc, f_loc, tp.DEFAULT_MAX_COST,
                                tol)

        def nearest(subset=None):
            return tp.nearest_from_matrix(run.reported, d_loc.status, subset=subset)

        def pairs():
            return tp.matrix_pairs(run.reported)
        walk_only = tp.walk_only_column(run.walk_only)
    else:
        routing = graph.prepare(d_loc, f_loc, cost=cost)

        def nearest(subset=None):
            return routing.nearest(0, 1, subset=subset)

        def pairs():
            return routing.od_matrix(0, 1, max_cost=pair_limit)
        walk_only = None
    fac, costs, status = nearest()
    ok = status == nw.OK
    category_costs = []
    for subset in subsets:
        check_canceled(feedback)
        _f, c, _s = nearest(subset)
        category_costs.append(np.where(ok & np.isfinite(c), c, np.nan))
    feedback.setProgress(50)
    return CostsToFacilities(fac, costs, status, category_costs, pairs(), walk_only)
