"""Travel costs between demand and facilities: sparse pairs from the street network or an OD table.

Used by ``supplydemand``, ``capacityallocation`` and ``locationplanning``: the cost parameter block
(``NETWORK`` with ``MODE``, ``COST_TYPE``, ``SNAP_TOLERANCE`` from :mod:`.network_params`, or ``OD_TABLE``
with ``OD_ORIGIN_FIELD``, ``OD_DESTINATION_FIELD``, ``OD_COST_FIELD`` matched to ``DEMAND_ID`` and
``FACILITY_ID``), the demand/facility parameter blocks of these algorithms, and :func:`cost_pairs`: the same
sparse pairs ``(orig_idx, dest_idx, cost)`` and a status per demand point from either source. The layers
themselves are read by :func:`.readers.read_layer`.
"""


import numpy as np
from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)
from ..core import allocation, odtable
from ..core import network as nw
from ..translation import tr
from . import network_params as net
from .base import Progress, check_canceled, require_field, require_source, working_crs
from .network_reader import locate_points, read_network
from .readers import points_xy
from .values import is_null

NETWORK = net.NETWORK
OD_TABLE = "OD_TABLE"
OD_ORIGIN_FIELD = "OD_ORIGIN_FIELD"
OD_DESTINATION_FIELD = "OD_DESTINATION_FIELD"
OD_COST_FIELD = "OD_COST_FIELD"
DEMAND = net.DEMAND
DEMAND_ID = "DEMAND_ID"
DEMAND_WEIGHT = net.DEMAND_WEIGHT
FACILITIES = net.FACILITIES
FACILITY_ID = net.FACILITY_ID
MAX_COST = net.MAX_COST

STATUS_OK = "ok"
STATUS_NOT_IN_TABLE = "not_in_od_table"
STATUS_NO_FACILITY = "no_facility_in_reach"


def add_cost_parameters(alg):
    """NETWORK (+ MODE, COST_TYPE, SNAP_TOLERANCE, ...) or OD_TABLE with its fields."""
    net.add_network_parameters(alg)
    from .transit_params import add_transit_parameters  # MODE 3: walk + public transport
    add_transit_parameters(alg)
    param = alg.parameterDefinition(NETWORK)
    param.setFlags(param.flags() | QgsProcessingParameterDefinition.Flag.FlagOptional)
    alg.add_param(QgsProcessingParameterFeatureSource(
        OD_TABLE, tr("OD cost table (instead of the network)"), [QgsProcessing.SourceType.TypeVector], optional=True),
        tr("A table with one row per origin-destination pair (e.g. a travel-time matrix from a transport "
           "model). Pairs missing from the table count as not reachable. Give either NETWORK or OD_TABLE."))
    alg.add_param(QgsProcessingParameterField(
        OD_ORIGIN_FIELD, tr("OD origin id field"), parentLayerParameterName=OD_TABLE, optional=True),
        tr("Field of OD_TABLE with the demand id (matched to DEMAND_ID, compared as text)."))
    alg.add_param(QgsProcessingParameterField(
        OD_DESTINATION_FIELD, tr("OD destination id field"), parentLayerParameterName=OD_TABLE, optional=True),
        tr("Field of OD_TABLE with the facility id (matched to FACILITY_ID, compared as text)."))
    alg.add_param(QgsProcessingParameterField(
        OD_COST_FIELD, tr("OD cost field"), parentLayerParameterName=OD_TABLE, optional=True),
        tr("Field of OD_TABLE with the travel cost (>= 0, same unit as MAX_COST)."))


def add_demand_parameters(alg, weight_help):
    alg.add_param(QgsProcessingParameterFeatureSource(
        DEMAND, tr("Demand (addresses or districts)"),
        [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
        tr("Points (e.g. addresses) or polygons (their point on surface is used) with the demand."))
    alg.add_param(QgsProcessingParameterField(
        DEMAND_ID, tr("Demand id field"), parentLayerParameterName=DEMAND, optional=True),
        tr("Unique id of every demand feature; required with OD_TABLE (its origin ids refer to it)."))
    alg.add_param(QgsProcessingParameterField(
        DEMAND_WEIGHT, tr("Demand weight field"), parentLayerParameterName=DEMAND,
        type=QgsProcessingParameterField.DataType.Numeric, optional=True),
        weight_help)


def add_facility_parameters(alg, value_name, value_label, value_help):
    alg.add_param(QgsProcessingParameterFeatureSource(
        FACILITIES, tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
        tr("Schools, Kitas or other facilities."))
    alg.add_param(QgsProcessingParameterField(
        FACILITY_ID, tr("Facility id field"), parentLayerParameterName=FACILITIES, optional=True),
        tr("Unique id of every facility (e.g. einr_id); required with OD_TABLE. Without it the feature id "
           "is used."))
    alg.add_param(QgsProcessingParameterField(
        value_name, value_label, parentLayerParameterName=FACILITIES,
        type=QgsProcessingParameterField.DataType.Numeric),
        value_help)


def add_max_cost_parameter(alg, help_text):
    alg.add_param(QgsProcessingParameterNumber(
        MAX_COST, tr("Maximum cost (catchment)"), QgsProcessingParameterNumber.Type.Double, optional=True,
        minValue=0.0), help_text)


def od_error_message(err, table_name):
    """A translated message for an :class:`~..core.odtable.OdTableError`."""
    rows = ", ".join(str(r) for r in err.rows)
    more = tr(" (and {0} more)").format(err.count - len(err.rows)) if err.count > len(err.rows) else ""
    code = err.code
    if code == "null_id":
        return tr("OD_TABLE {0}: the origin or destination id is NULL in feature(s) {1}{2}.").format(
            table_name, rows, more)
    if code == "null_cost":
        return tr("OD_TABLE {0}: the cost is NULL or not a number in feature(s) {1}{2}.").format(
            table_name, rows, more)
    if code == "negative_cost":
        return tr("OD_TABLE {0}: negative cost in feature(s) {1}{2}; costs must be zero or positive.").format(
            table_name, rows, more)
    if code == "unknown_origin":
        return tr("OD_TABLE {0}: origin id '{1}' (feature {2}) is not a DEMAND_ID of the demand layer{3}. "
                  "Ids are compared as text, so '01' and '1' differ.").format(
            table_name, err.values[0], err.rows[0], more)
    if code == "unknown_destination":
        return tr("OD_TABLE {0}: destination id '{1}' (feature {2}) is not a FACILITY_ID of the facilities{3}. "
                  "Ids are compared as text, so '01' and '1' differ.").format(
            table_name, err.values[0], err.rows[0], more)
    if code == "duplicate_pair":
        return tr("OD_TABLE {0}: the pair {1} -> {2} occurs twice (features {3}); every pair may occur "
                  "only once ({4} duplicates).").format(
            table_name, err.values[0], err.values[1], rows, err.count)
    return tr("OD_TABLE {0}: {1}").format(table_name, str(err))


def use_od_table(alg, parameters, context):
    """True for the OD_TABLE path; raise unless exactly one cost source is given."""
    has_table = alg.parameterAsSource(parameters, OD_TABLE, context) is not None
    has_network = bool(parameters.get(NETWORK)) and \
        alg.parameterAsSource(parameters, NETWORK, context) is not None
    if has_table and has_network:
        raise QgsProcessingException(tr("Give either NETWORK or OD_TABLE, not both."))
    if not has_table and not has_network:
        raise QgsProcessingException(tr("Give either NETWORK or OD_TABLE for the travel costs."))
    return has_table


def read_od_table(alg, parameters, context, feedback, origin_ids, destination_ids, progress=(10.0, 30.0),
                  table=None):
    """``(orig, dest, cost)``: the rows of OD_TABLE (*table*: its source when already required; fields
    OD_ORIGIN_FIELD, OD_DESTINATION_FIELD, OD_COST_FIELD) matched to *origin_ids* and *destination_ids*
    (compared as text); bad rows stop the run (:func:`od_error_message`)."""
    if table is None:
        table = require_source(alg, parameters, OD_TABLE, context)
    names = []
    for pname in (OD_ORIGIN_FIELD, OD_DESTINATION_FIELD, OD_COST_FIELD):
        fname = alg.parameterAsString(parameters, pname, context)
        if not fname:
            raise QgsProcessingException(tr("With OD_TABLE choose the field {0}.").format(pname))
        names.append(fname)
    idx = [require_field(table, names[0], OD_ORIGIN_FIELD), require_field(table, names[1], OD_DESTINATION_FIELD),
           require_field(table, names[2], OD_COST_FIELD)]
    columns, labels = ([], [], []), []
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(idx)
    bar = Progress(feedback, table.featureCount(), *progress)
    for feat in table.getFeatures(request):
        attrs = feat.attributes()
        for column, k in zip(columns, idx):
            column.append(None if is_null(attrs[k]) else attrs[k])
        labels.append(feat.id())
        if not bar.tick():
            check_canceled(feedback)
    try:
        orig, dest, cost = odtable.match_od_table(*columns, origin_ids, destination_ids, row_labels=labels)
    except odtable.OdTableError as err:
        raise QgsProcessingException(od_error_message(err, table.sourceName())) from None
    feedback.pushInfo(tr("OD_TABLE {0}: {1} pairs read.").format(table.sourceName(), len(orig)))
    return orig, dest, cost


def od_table_pairs(alg, parameters, context, feedback, demand, facilities, progress=(10.0, 30.0)):
    """Sparse pairs from OD_TABLE, matched to the demand and facility ids."""
    table = require_source(alg, parameters, OD_TABLE, context)
    if not alg.parameterAsString(parameters, DEMAND_ID, context):
        raise QgsProcessingException(tr("With OD_TABLE choose DEMAND_ID (the ids the table's origins refer to)."))
    if not alg.parameterAsString(parameters, FACILITY_ID, context):
        raise QgsProcessingException(
            tr("With OD_TABLE choose FACILITY_ID (the ids the table's destinations refer to)."))
    orig, dest, cost = read_od_table(alg, parameters, context, feedback, demand.ids, facilities.ids, progress,
                                     table)
    status = np.full(len(demand), STATUS_OK, dtype=object)
    no_o, no_d = odtable.coverage(orig, dest, len(demand), len(facilities))
    status[no_o] = STATUS_NOT_IN_TABLE
    if no_o.size:
        feedback.pushWarning(tr("{0} demand features do not occur in OD_TABLE (status '{1}'): "
                                "no facility is reachable from them.").format(no_o.size, STATUS_NOT_IN_TABLE))
    if no_d.size:
        feedback.pushWarning(tr("{0} facilities do not occur in OD_TABLE; nobody can reach them: {1}").format(
            no_d.size, ", ".join(str(facilities.ids[k]) for k in no_d[:10])))
    return orig, dest, cost, status


def network_routing(alg, parameters, context, feedback, demand, facilities):
    """The street network split at the demand and facility points.

    Returns ``(routing, status)``: a :class:`~..core.network.Routing` with
    location set 0 = demand, 1 = facilities, and a status per demand feature.
    """
    network_source = require_source(alg, parameters, NETWORK, context)
    crs = working_crs([network_source, demand.source, facilities.source], feedback)
    graph = read_network(alg, parameters, context, feedback, crs, source=network_source)
    mode, cost_type, tol = net.network_settings(alg, parameters, context)
    check_canceled(feedback)
    d_xy = points_xy(demand, crs, context)
    f_xy = points_xy(facilities, crs, context)
    d_loc = locate_points(graph, d_xy, tol, DEMAND, feedback)
    f_loc = locate_points(graph, f_xy, tol, FACILITIES, feedback)
    f_status = graph.facility_status(f_loc)
    bad_f = np.flatnonzero(f_status != nw.OK)
    if bad_f.size:
        feedback.pushWarning(tr("{0} facilities cannot be reached on the network ({1}): {2}").format(
            bad_f.size, ", ".join(sorted(set(str(s) for s in f_status[bad_f]))),
            ", ".join(str(facilities.ids[k]) for k in bad_f[:10])))
    check_canceled(feedback)
    routing = graph.prepare(d_loc, f_loc, cost=cost_type)
    status = np.asarray(graph.facility_status(d_loc), dtype=object)
    return routing, status


def network_pairs(alg, parameters, context, feedback, demand, facilities, max_cost):
    """Sparse pairs from the street network (bounded by *max_cost*), and a status per demand feature."""
    from . import transit_params as tp

    if tp.is_transit(alg, parameters, context):  # MODE 3: walk + public transport
        return tp.transit_pairs(alg, parameters, context, feedback, demand, facilities, max_cost)
    routing, status = network_routing(alg, parameters, context, feedback, demand, facilities)
    try:
        orig, dest, cost = routing.od_matrix(0, 1, max_cost=max_cost)
    except nw.NetworkError as err:
        net.raise_network_error(err)
    return np.asarray(orig, np.int64), np.asarray(dest, np.int64), np.asarray(cost, float), status


def mark_no_facility(status, reach, feedback):
    """Status ``no_facility_in_reach`` for ok demand features without any pair."""
    no_fac = (~reach) & (status == STATUS_OK)
    status[no_fac] = STATUS_NO_FACILITY
    if no_fac.any():
        feedback.pushInfo(tr("{0} demand features reach no facility within MAX_COST (status '{1}').").format(
            int(no_fac.sum()), STATUS_NO_FACILITY))
    return status


def cost_pairs(alg, parameters, context, feedback, demand, facilities, max_cost):
    """Pairs from OD_TABLE or the network, limited to *max_cost*; plus status per demand feature."""
    if use_od_table(alg, parameters, context):
        orig, dest, cost, status = od_table_pairs(alg, parameters, context, feedback, demand, facilities)
        if max_cost is not None:
            keep = cost <= max_cost
            orig, dest, cost = orig[keep], dest[keep], cost[keep]
    else:
        orig, dest, cost, status = network_pairs(alg, parameters, context, feedback, demand, facilities,
                                                 max_cost)
    reach = np.zeros(len(demand), dtype=bool)
    reach[orig] = True
    return orig, dest, cost, mark_no_facility(status, reach, feedback)


def network_allocation(alg, parameters, context, feedback, demand, facilities, capacity, max_cost):
    """Capacity-aware allocation over the street network with bounded searches, widened until optimal
    (:func:`..core.allocation.allocate_widening`); ``(result, status per demand feature)``."""
    routing, status = network_routing(alg, parameters, context, feedback, demand, facilities)
    _fac, nearest_cost, nearest_status = routing.nearest(0, 1)
    status = np.where((status == STATUS_OK) & (nearest_status == nw.UNREACHABLE), nw.UNREACHABLE, status)
    reach = np.isfinite(nearest_cost)
    if max_cost is not None:
        reach &= nearest_cost <= max_cost
    status = mark_no_facility(status.astype(object), reach, feedback)
    check_canceled(feedback)
    feedback.setProgress(40)

    def pairs_within(radius):
        check_canceled(feedback)
        try:
            return routing.od_matrix(0, 1, max_cost=radius)
        except nw.NetworkError as err:
            net.raise_network_error(err)

    result = allocation.allocate_widening(pairs_within, nearest_cost, demand.values, capacity, limit=max_cost,
                                          should_stop=feedback.isCanceled)
    return result, status
