"""bildungslandschaft:offersearch – Angebotssuche für Bildungsberatung."""

import re
import struct

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterPoint,
    QgsWkbTypes,
)
from .. import compat

from ..core import lifephases, offersearch
from ..core import network as nw
from ..core.cooperation import normalise_id
from ..translation import tr
from . import ids
from . import network_params as netp
from .network_reader import locate_points, read_network
from .readers import facility_ids, read_points
from .writers import new_field
from . import transit_params as tp
from .base import BildungslandschaftAlgorithm, Progress, check_canceled, require_sink, require_source, working_crs
from .compass_params import add_type_mapping_parameter, load_type_mapping, phase_labels
from .params import field_or_usual, required_field, usual_help
from .values import plain

POINT_TEXT = re.compile(r"^\s*(-?[\d.]+)\s*,\s*(-?[\d.]+)\s*(?:\[\s*([^\]]+?)\s*\])?\s*$")


class OfferSearchAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.OFFER_SEARCH
    GROUP_ID = ids.GROUP_COMPASS

    ORIGIN = "ORIGIN"
    ORIGIN_POINT = "ORIGIN_POINT"
    ORIGIN_ID = "ORIGIN_ID"
    FACILITIES = "FACILITIES"
    FACILITY_ID = "FACILITY_ID"
    NAME_FIELD = "NAME_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    CARRIER_FIELD = "CARRIER_FIELD"
    TARGET_GROUP = "TARGET_GROUP"
    MAX_RESULTS = "MAX_RESULTS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Offer search for education counselling")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Finds the education offers for a life phase that can be reached from an address, sorted by "
            "travel distance or time over the street network, with name, type, carrier, cost and the route as "
            "a line. The network works exactly as in the catchment algorithms (connector to the street, partial "
            "segments, one-way streets by car, points off the network or on islands reported).\n\n"
            "ORIGIN: a layer of addresses (every feature is searched) or a point written as 'x,y [EPSG:code]'; "
            "in the dialog a point can also be picked on the map (ORIGIN_POINT).\n"
            "TARGET_GROUP: the life phase; which facility types serve it is set by TYPE_MAPPING (default: "
            "resources/lifephases.csv).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.ORIGIN, tr("Origin (addresses)"), [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True),
            tr("Layer of addresses, or a point as text 'x,y [EPSG:code]'."))
        self.add_param(QgsProcessingParameterPoint(self.ORIGIN_POINT, tr("Origin point"), optional=True),
                       tr("A single point, e.g. picked on the map; used when ORIGIN is empty."))
        self.add_param(QgsProcessingParameterField(self.ORIGIN_ID, tr("Origin id field"), None, self.ORIGIN,
                                                   optional=True),
                       tr("Field identifying the origins in the output (default: the feature id)."))
        self.add_param(QgsProcessingParameterFeatureSource(
            self.FACILITIES, tr("Facilities"), [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon]),
            tr("The education offers (points or polygons), e.g. einrichtungen."))
        self.add_param(QgsProcessingParameterField(self.FACILITY_ID, tr("Facility id field"), None,
                                                   self.FACILITIES, optional=True),
                       tr("Id of the facility, copied to the output.") + " " + usual_help("facility_id", tr("the feature id")))
        self.add_param(QgsProcessingParameterField(self.NAME_FIELD, tr("Name field"), None, self.FACILITIES,
                                                   optional=True), tr("Name of the offer.") + " " + usual_help("name"))
        self.add_param(QgsProcessingParameterField(self.TYPE_FIELD, tr("Type field"), None, self.FACILITIES,
                                                   optional=True),
                       tr("Facility type; decides the life phases through TYPE_MAPPING.") + " " +
                       usual_help("type", tr("the run stops")))
        self.add_param(QgsProcessingParameterField(self.CARRIER_FIELD, tr("Carrier field (Träger)"), None,
                                                   self.FACILITIES, optional=True),
                       tr("Carrier of the offer.") + " " + usual_help("carrier"))
        labels = phase_labels()
        self.add_param(QgsProcessingParameterEnum(
            self.TARGET_GROUP, tr("Target group (life phase)"),
            options=[labels[k] for k in lifephases.PHASES] + [tr("All life phases")], defaultValue=0),
            tr("0 early childhood, 1 school age, 2 youth, 3 adults, 4 seniors, 5 all offers."))
        add_type_mapping_parameter(self)
        netp.add_network_parameters(self)
        netp.add_max_cost_parameter(self)
        tp.add_transit_parameters(self)
        self.add_param(QgsProcessingParameterNumber(self.MAX_RESULTS, tr("Offers per origin"),
                                                    QgsProcessingParameterNumber.Type.Integer, 10, minValue=0),
                       tr("At most this many offers per origin, nearest first (0: all within MAX_COST)."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Reachable offers"),
                                                         QgsProcessing.SourceType.TypeVectorLine),
                       tr("One line per origin and reachable offer: the route, sorted by cost."))
        self.addOutput(QgsProcessingOutputNumber("OFFERS", tr("Offers found")))
        self.addOutput(QgsProcessingOutputNumber("ORIGINS_WITHOUT_OFFER", tr("Origins without an offer")))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        # ORIGIN may be a point as text; the layer check would reject it before processAlgorithm reads it
        raw = parameters.get(self.ORIGIN)
        if isinstance(raw, str) and POINT_TEXT.match(raw):
            parameters = dict(parameters)
            parameters[self.ORIGIN] = None
        return super().checkParameterValues(parameters, context)

    # ------------------------------------------------------------------
    def _origins(self, parameters, context):
        """(source or None, point or None, point CRS)."""
        raw = parameters.get(self.ORIGIN)
        if raw not in (None, ""):
            source = self.parameterAsSource(parameters, self.ORIGIN, context)
            if source is not None:
                if source.featureCount() == 0:
                    raise QgsProcessingException(tr("The layer given as {0} ({1}) has no features.").format(
                        self.ORIGIN, source.sourceName()))
                return source, None, None
            match = POINT_TEXT.match(str(raw)) if isinstance(raw, str) else None
            if not match:
                raise QgsProcessingException(
                    tr("{0} is neither a layer nor a point 'x,y [EPSG:code]': {1}").format(self.ORIGIN, raw))
            crs = QgsCoordinateReferenceSystem(match.group(3)) if match.group(3) else context.project().crs() \
                if context.project() else QgsCoordinateReferenceSystem()
            if not crs.isValid():
                raise QgsProcessingException(tr("{0}: give the point's CRS, e.g. '400000,5700000 [EPSG:25833]'.")
                                             .format(self.ORIGIN))
            return None, QgsPointXY(float(match.group(1)), float(match.group(2))), crs
        if parameters.get(self.ORIGIN_POINT) not in (None, ""):
            point = self.parameterAsPoint(parameters, self.ORIGIN_POINT, context)
            crs = self.parameterAsPointCrs(parameters, self.ORIGIN_POINT, context)
            return None, QgsPointXY(point), crs
        raise QgsProcessingException(tr("Give an origin: a layer or point in {0}, or a point in {1}.").format(
            self.ORIGIN, self.ORIGIN_POINT))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        origin_source, origin_point, point_crs = self._origins(parameters, context)
        facilities = require_source(self, parameters, self.FACILITIES, context)
        network = require_source(self, parameters, netp.NETWORK, context)
        id_field = field_or_usual(self, parameters, context, self.FACILITY_ID, facilities, "facility_id", feedback)
        name_field = field_or_usual(self, parameters, context, self.NAME_FIELD, facilities, "name", feedback)
        type_field = field_or_usual(self, parameters, context, self.TYPE_FIELD, facilities, "type", feedback,
                                    required=True)
        carrier_field = field_or_usual(self, parameters, context, self.CARRIER_FIELD, facilities, "carrier", feedback)
        origin_id_field = ""
        if origin_source is not None:
            origin_id_field = self.parameterAsString(parameters, self.ORIGIN_ID, context)
            if origin_id_field:
                required_field(self, parameters, context, self.ORIGIN_ID, origin_source)
        mapping = load_type_mapping(self.parameterAsString(parameters, "TYPE_MAPPING", context))
        group = self.parameterAsEnum(parameters, self.TARGET_GROUP, context)
        phase = lifephases.PHASES[group] if group < len(lifephases.PHASES) else None
        mode, cost, tol = netp.network_settings(self, parameters, context)
        max_cost = netp.max_cost_parameter(self, parameters, context)
        max_results = self.parameterAsInt(parameters, self.MAX_RESULTS, context)

        crs = working_crs([network, facilities] + ([origin_source] if origin_source else []), feedback)
        graph = read_network(self, parameters, context, feedback, crs, source=network)

        f_ids, f_id_type, f_xy, kept, offer_attrs = self._offers(
            facilities, (id_field, name_field, type_field, carrier_field), mapping, phase, crs, context, feedback)
        o_xy, o_ids = self._origin_points(origin_source, origin_point, point_crs, origin_id_field, crs, context,
                                          feedback)
        loc_o = locate_points(graph, o_xy, tol, self.ORIGIN, feedback)
        loc_f = locate_points(graph, f_xy[kept], tol, self.FACILITIES, feedback)
        n_island = int((graph.facility_status(loc_f) == nw.UNREACHABLE).sum())
        if n_island:
            feedback.pushWarning(tr("{0} facilities lie on network islands (status 'unreachable').").format(
                n_island))
        o_idx, f_idx, c, o_status, routing, transit_run, mode = self._search(
            parameters, context, feedback, graph, crs, loc_o, loc_f, (mode, cost, tol), max_cost)
        check_canceled(feedback)
        o_idx, f_idx, c, rank = offersearch.rank_offers(o_idx, f_idx, c, np.ones(len(kept), dtype=bool),
                                                        max_results=max_results or None)

        dest = self._write(parameters, context, feedback, crs, (o_idx, f_idx, c, rank), o_ids, f_id_type,
                           offer_attrs, routing, transit_run, netp.cost_unit(cost), mode)
        without = sorted(set(range(len(o_ids))) - set(o_idx.tolist()))
        if without:
            reasons = {}
            for o in without:
                reasons.setdefault(str(o_status[o]), []).append(o_ids[o])
            for status, members in sorted(reasons.items()):
                feedback.pushWarning(tr("{0} origin(s) without a reachable offer (status {1}): {2}").format(
                    len(members), status, ", ".join(str(m) for m in members[:20])))
        feedback.pushInfo(tr("{0} offer(s) found for {1} origin(s).").format(len(o_idx), len(o_ids)))
        return {self.OUTPUT: dest, "OFFERS": int(len(o_idx)), "ORIGINS_WITHOUT_OFFER": len(without)}

    # ------------------------------------------------------------------
    def _offers(self, facilities, field_names, mapping, phase, crs, context, feedback):
        """The facilities serving *phase*: ids, id type, coordinates, indices kept and their output attributes."""
        id_field, name_field, type_field, carrier_field = field_names
        f_fids, f_xy, f_feats = read_points(facilities, crs, context, feedback, with_features=True)
        f_ids, f_id_type = facility_ids(facilities, f_feats, f_fids, id_field, self.FACILITY_ID)
        idx = {name: facilities.fields().lookupField(name) for name in (name_field, type_field, carrier_field)
               if name}

        def attr(feat, name):
            return plain(feat.attributes()[idx[name]]) if name else None

        types = [attr(f, type_field) for f in f_feats]
        keep = offersearch.eligible([t if t is not None else "" for t in types], mapping, phase)
        unmapped = sorted({str(t) for t in types if t is not None and not lifephases.is_mapped(mapping, t)})
        if unmapped and phase:
            feedback.pushWarning(tr("Facility types without a life phase in TYPE_MAPPING are never offered: "
                                    "{0}").format(", ".join(unmapped)))
        if not keep.any():
            raise QgsProcessingException(tr("No facility of {0} serves the target group '{1}' (types: {2}). "
                                            "Check TYPE_FIELD and TYPE_MAPPING.").format(
                self.FACILITIES, phase_labels().get(phase, phase), ", ".join(sorted({str(t) for t in types}))))
        kept = np.nonzero(keep)[0]
        feedback.pushInfo(tr("{0} of {1} facilities serve the target group.").format(len(kept), len(f_fids)))

        offer_attrs = [[f_ids[j], _text(attr(f_feats[j], name_field)), _text(types[j]),
                        _text(attr(f_feats[j], carrier_field)), ", ".join(lifephases.phases_of(mapping, types[j] or ""))]
                       for j in kept]
        return f_ids, f_id_type, f_xy, kept, offer_attrs

    def _origin_points(self, origin_source, origin_point, point_crs, origin_id_field, crs, context, feedback):
        """(origin coordinates in *crs*, origin ids): the ORIGIN layer's points, else the ORIGIN_POINT."""
        if origin_source is not None:
            o_fids, o_xy, o_feats = read_points(origin_source, crs, context, feedback, with_features=True)
            if origin_id_field:
                oi_idx = origin_source.fields().lookupField(origin_id_field)
                o_ids = [normalise_id(plain(f.attributes()[oi_idx])) for f in o_feats]
            else:
                o_ids = [str(int(f)) for f in o_fids]
        else:
            g = QgsGeometry.fromPointXY(origin_point)
            g.transform(QgsCoordinateTransform(point_crs, crs, context.transformContext()))
            p = g.asPoint()
            o_xy = np.array([[p.x(), p.y()]])
            o_ids = ["1"]

        return o_xy, o_ids

    def _search(self, parameters, context, feedback, graph, crs, loc_o, loc_f, settings, max_cost):
        """Origin-offer pairs within *max_cost* (origin index, offer index, cost), each origin's status."""
        mode, cost, tol = settings
        routing = None
        feedback.setProgressText(tr("Searching the reachable offers"))
        transit_run = None
        if tp.is_transit(self, parameters, context):  # walk + public transport: reported times, no route lines
            transit_run = tp.transit_matrix(self, parameters, context, feedback, graph, crs, loc_o, loc_f,
                                            tp.max_cost_or_default(max_cost), tol)
            o_idx, f_idx, c = tp.matrix_pairs(transit_run.reported)
            _near, _cost, o_status = tp.nearest_from_matrix(transit_run.reported, loc_o.status)
            mode = "walk+pt"
            feedback.pushInfo(tr("Walk + public transport: the offers are written without route lines."))
        else:
            try:
                routing = graph.prepare(loc_o, loc_f, cost=cost)
                o_idx, f_idx, c = routing.od_matrix(0, 1, max_cost=max_cost)
                # status of every origin exactly as in catchments (off_network, unreachable, beyond_max_cost)
                _near, _cost, o_status = routing.nearest(0, 1, max_cost=max_cost)
            except nw.NetworkError as err:
                netp.raise_network_error(err, mode)
        return o_idx, f_idx, c, o_status, routing, transit_run, mode

    def _write(self, parameters, context, feedback, crs, ranked, o_ids, f_id_type, offer_attrs, routing,
               transit_run, unit, mode):
        """The offers as lines (routes) into OUTPUT; its destination id."""
        o_idx, f_idx, c, rank = ranked
        fields = QgsFields()
        fields.append(QgsField("origin_id", compat.FIELD_STRING))
        fields.append(QgsField("rank", compat.FIELD_INT))
        fields.append(new_field("facility_id", f_id_type))
        for name in ("name", "type", "carrier", "life_phases"):
            fields.append(QgsField(name, compat.FIELD_STRING))
        fields.append(new_field("cost", compat.FIELD_DOUBLE, 20, 3))
        fields.append(QgsField("cost_unit", compat.FIELD_STRING))
        fields.append(QgsField("mode", compat.FIELD_STRING))
        sink, dest = require_sink(self, parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.LineString, crs)
        feedback.setProgressText(tr("Writing the offers with their routes"))
        progress = Progress(feedback, len(o_idx), 60.0, 100.0)
        # one search per offer, bounded by the dearest result
        if transit_run is not None:
            paths = [None] * len(o_idx)
        else:
            paths = routing.paths(0, o_idx, 1, f_idx, max_cost=float(c.max()) if len(c) else None)
        for k, path in enumerate(paths):
            feat = QgsFeature(fields)
            if path is not None and len(path) >= 2:
                feat.setGeometry(_line(path))
            feat.setAttributes([o_ids[o_idx[k]], int(rank[k])] + offer_attrs[f_idx[k]] + [float(c[k]), unit, mode])
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            if not progress.tick():
                check_canceled(feedback)

        return dest


def _line(xy):
    """A LineString from an (N, 2) array (through WKB: fast for many long routes)."""
    geom = QgsGeometry()
    geom.fromWkb(struct.pack("<BII", 1, 2, len(xy)) + np.ascontiguousarray(xy, dtype="<f8").tobytes())
    return geom


def _text(value):
    return None if value is None else str(value)
