"""The network parameter block: names, ``add_*_parameters``, settings, thresholds and error text.

- :func:`add_network_parameters` adds ``NETWORK``, ``MODE`` (0 walk, 1 bicycle,
  2 car, 3 walk + public transport), ``COST_TYPE`` (0 distance in metres, 1 time in minutes),
  ``SNAP_TOLERANCE`` (metres) and the optional (advanced) ``SPEED_FIELD``,
  ``HIGHWAY_FIELD`` and ``ONEWAY_FIELD`` (default: the fields ``highway`` and
  ``oneway`` when the layer has them); :func:`add_facility_parameters`,
  :func:`add_demand_parameters`, :func:`add_max_cost_parameter`.
- :func:`network_settings` -> ``(mode, cost, snap_tolerance)`` as strings/float.
- :func:`max_cost_parameter` reads an optional ``MAX_COST`` (> 0 or None).
- :func:`parse_thresholds` reads ``"500,1000,1500"``.
- :func:`raise_network_error` turns a :class:`~..core.network.NetworkError`
  into a translated ``QgsProcessingException``; :func:`stage_report` logs stage times.

The network itself is read by :mod:`.network_reader`.
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..core.network import normalise_cost, normalise_mode
from ..translation import tr
from .base import VECTOR_POINT_OR_POLYGON

NETWORK = "NETWORK"
MODE = "MODE"
COST_TYPE = "COST_TYPE"
SNAP_TOLERANCE = "SNAP_TOLERANCE"
SPEED_FIELD = "SPEED_FIELD"
HIGHWAY_FIELD = "HIGHWAY_FIELD"
ONEWAY_FIELD = "ONEWAY_FIELD"
MAX_COST = "MAX_COST"
FACILITIES = "FACILITIES"
FACILITY_ID = "FACILITY_ID"
CATEGORY = "CATEGORY"
DEMAND = "DEMAND"
DEMAND_WEIGHT = "DEMAND_WEIGHT"

DEFAULT_SNAP_TOLERANCE = 250.0


def mode_options():
    # index 3: walk + public transport (GTFS), see processing/transit_params.py
    return [tr("Walk"), tr("Bicycle"), tr("Car"), tr("Walk + public transport")]


def cost_options():
    return [tr("Distance (metres)"), tr("Time (minutes)")]


def add_network_parameters(alg, snap_default=DEFAULT_SNAP_TOLERANCE):
    """Add the shared network parameters to *alg* (a ``BildungslandschaftAlgorithm``)."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(NETWORK, tr("Street network"), [QgsProcessing.SourceType.TypeVectorLine]),
        tr("Line layer of streets and paths. Every segment between two vertices is an edge; "
           "line ends closer than 1 cm are joined; lines that only cross (bridges) are not connected. "
           "A 'highway' field (OSM classes) restricts modes; a 'oneway' field is respected by car."))
    alg.add_param(
        QgsProcessingParameterEnum(MODE, tr("Travel mode"), options=mode_options(), defaultValue=0),
        tr("Walk (4.5 km/h, no motorways), bicycle (15 km/h, no motorways or steps) or car "
           "(speed by road class, no footways/paths/steps, one-way streets respected)."))
    alg.add_param(
        QgsProcessingParameterEnum(COST_TYPE, tr("Cost"), options=cost_options(), defaultValue=0),
        tr("Network distance in metres or travel time in minutes."))
    alg.add_param(
        QgsProcessingParameterNumber(SNAP_TOLERANCE, tr("Snap tolerance (m)"),
                                     QgsProcessingParameterNumber.Type.Double, snap_default, minValue=0.0),
        tr("Points farther than this from the nearest usable street are flagged 'off_network' "
           "and not routed. The straight connector to the street counts as part of the trip."))
    alg.add_param(
        QgsProcessingParameterField(SPEED_FIELD, tr("Speed field (km/h)"), parentLayerParameterName=NETWORK,
                                    type=QgsProcessingParameterField.DataType.Numeric, optional=True),
        tr("Optional numeric field of the network with the speed in km/h; values > 0 override "
           "the default speed of the mode for time costs."), advanced=True)
    alg.add_param(
        QgsProcessingParameterField(HIGHWAY_FIELD, tr("Road class field"), parentLayerParameterName=NETWORK,
                                    optional=True),
        tr("Field with OSM road classes (default: a field named 'highway' if there is one)."),
        advanced=True)
    alg.add_param(
        QgsProcessingParameterField(ONEWAY_FIELD, tr("One-way field"), parentLayerParameterName=NETWORK,
                                    optional=True),
        tr("Field with 'yes' for one-way streets in drawing direction and '-1' against it "
           "(default: a field named 'oneway' if there is one). Only used by car."), advanced=True)


def add_facility_parameters(alg, category=False):
    """``FACILITIES`` and ``FACILITY_ID`` (and with *category* the ``CATEGORY`` field)."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(FACILITIES, tr("Facilities"), VECTOR_POINT_OR_POLYGON),
        tr("Schools, Kitas, libraries ... (points, or polygons: a point inside is used)."))
    alg.add_param(
        QgsProcessingParameterField(FACILITY_ID, tr("Facility id field"),
                                    parentLayerParameterName=FACILITIES, optional=True),
        tr("Unique id of each facility (default: the feature id)."))
    if category:
        alg.add_param(
            QgsProcessingParameterField(CATEGORY, tr("Facility category field"),
                                        parentLayerParameterName=FACILITIES, optional=True),
            tr("Optional field such as the school type; adds the cost to the nearest facility of each category."))


def add_demand_parameters(alg, demand_help=None, weight_help=None, optional=False):
    """``DEMAND`` (points or polygons) and its numeric ``DEMAND_WEIGHT`` field."""
    alg.add_param(
        QgsProcessingParameterFeatureSource(DEMAND, tr("Demand"), VECTOR_POINT_OR_POLYGON, optional=optional),
        demand_help or tr("Addresses, buildings or grid cells (polygons: a point inside is used)."))
    alg.add_param(
        QgsProcessingParameterField(DEMAND_WEIGHT, tr("Demand weight field"),
                                    parentLayerParameterName=DEMAND,
                                    type=QgsProcessingParameterField.DataType.Numeric, optional=True),
        weight_help or tr("Numeric field with the demand per feature, e.g. children aged 6–9 (default 1 per feature)."))


def add_max_cost_parameter(alg):
    alg.add_param(
        QgsProcessingParameterNumber(MAX_COST, tr("Maximum cost"), QgsProcessingParameterNumber.Type.Double,
                                     optional=True),
        tr("Optional limit in the unit of the cost (metres or minutes), greater than 0. "
           "Demand farther than this is flagged 'beyond_max_cost'."))


def network_settings(alg, parameters, context):
    """(mode, cost, snap tolerance) from the parameters."""
    if alg.parameterAsEnum(parameters, MODE, context) == 3:  # walk + public transport
        from .transit_params import transit_network_settings
        return transit_network_settings(alg, parameters, context)
    mode = normalise_mode(alg.parameterAsEnum(parameters, MODE, context))
    cost = normalise_cost(alg.parameterAsEnum(parameters, COST_TYPE, context))
    tol = alg.parameterAsDouble(parameters, SNAP_TOLERANCE, context)
    if tol < 0:
        raise QgsProcessingException(tr("SNAP_TOLERANCE must not be negative."))
    return mode, cost, tol


def cost_unit(cost):
    return "m" if cost == "distance" else "min"


def max_cost_parameter(alg, parameters, context):
    """None when MAX_COST is not set; raise when it is <= 0."""
    raw = parameters.get(MAX_COST)
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    value = alg.parameterAsDouble(parameters, MAX_COST, context)
    if not value > 0:
        raise QgsProcessingException(
            tr("MAX_COST must be greater than 0 (got {0}); leave it empty for no limit.").format(raw))
    return value


def parse_thresholds(text, name="THRESHOLDS"):
    """``"500, 1000,1500"`` -> sorted unique floats > 0."""
    values = []
    for part in str(text or "").replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        try:
            value = float(part.replace(" ", ""))
        except ValueError:
            raise QgsProcessingException(
                tr("{0}: '{1}' is not a number. Give a list such as 500,1000,1500.").format(name, part))
        if not value > 0:
            raise QgsProcessingException(
                tr("{0}: every threshold must be greater than 0 (got {1}).").format(name, part))
        values.append(value)
    if not values:
        raise QgsProcessingException(tr("{0}: give at least one threshold, e.g. 500,1000,1500.").format(name))
    return sorted(set(values))


def threshold_label(value):
    """500.0 -> '500', 7.5 -> '7_5' (for field names)."""
    text = ("%g" % value).replace(".", "_").replace("-", "_").replace("+", "")
    return text


def raise_network_error(err, mode=None):
    """A translated QgsProcessingException for a NetworkError."""
    if err.code == "no_usable_edges":
        raise QgsProcessingException(
            tr("The network has no segment that mode '{0}' may use (check the 'highway' field "
               "and the travel mode).").format(mode or "")) from None
    if err.code == "no_edges":
        raise QgsProcessingException(tr("The network layer has no line with at least two vertices.")) from None
    if err.code == "bad_max_cost":
        raise QgsProcessingException(tr("MAX_COST must be greater than 0.")) from None
    raise QgsProcessingException(str(err)) from None


def stage_report(timings, feedback):
    """Log the stage times (seconds) in one line."""
    parts = ["{0} {1:.2f}".format(k, v) for k, v in timings.items()]
    feedback.pushInfo(tr("Stage times (s): {0}").format(", ".join(parts)))
