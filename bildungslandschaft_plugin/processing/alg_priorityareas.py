"""bildungslandschaft:priorityareas – priority areas (Handlungsbedarf, Schwerpunkträume)."""

import numpy as np
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..compat import FIELD_INT, FIELD_STRING
from ..core import priority as pr
from ..core.socialindex import IndexInputError
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm, require_field, require_source
from ..rendering.styles import attach_class_style, berlin_labels, priority_labels
from .messages import input_error
from .readers import column, feature_label, guess_key_field, read_feature_list
from .writers import new_field, write_result_fields


class PriorityAreasAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.PRIORITY_AREAS
    GROUP_ID = ids.GROUP_SOCIAL

    INPUT = "INPUT"
    INDEX_CLASS = "INDEX_CLASS"
    DEFICIT = "DEFICIT"
    DEFICIT_CLASSES = "DEFICIT_CLASSES"
    THRESHOLDS = "THRESHOLDS"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Priority areas (Handlungsbedarf)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Finds the districts where social burden and poor access to education coincide. The access deficit "
            "(e.g. the share of children 6-9 living beyond 1000 m of a primary school, from the accessibility "
            "algorithm; higher = worse) is cut into three classes, by terciles or by two thresholds (a value "
            "equal to a threshold belongs to the lower class). The matrix of the social-index class "
            "(1 high status ... 4 very low status) and the deficit class (1 low ... 3 high) gives the priority: "
            "priority = 5 - (index class - 1) - (deficit class - 1), limited to 1..4. Priority 1 (highest) "
            "flags a Schwerpunktraum. Output fields: deficit_class, priority, priority_label, schwerpunktraum "
            "(1/0), priority_note (why a district has no priority).")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterFeatureSource(
            self.INPUT, tr("Districts"), [QgsProcessing.SourceType.TypeVector]),
            tr("Districts with a social-index class and an access-deficit field."))
        self.add_param(QgsProcessingParameterField(
            self.INDEX_CLASS, tr("Social index class (1-4)"), defaultValue="index_class",
            parentLayerParameterName=self.INPUT, type=QgsProcessingParameterField.DataType.Numeric, optional=True),
            tr("The Berlin status class: 1 high, 2 medium, 3 low, 4 very low status (from the social index); "
               "default 'index_class'."))
        self.add_param(QgsProcessingParameterField(
            self.DEFICIT, tr("Access deficit"), parentLayerParameterName=self.INPUT,
            type=QgsProcessingParameterField.DataType.Numeric),
            tr("Numeric deficit, higher = worse access (e.g. share of children beyond 1000 m of a school)."))
        self.add_param(QgsProcessingParameterEnum(
            self.DEFICIT_CLASSES, tr("Deficit classes"), options=[tr("terciles"), tr("thresholds")],
            defaultValue=0),
            tr("Cut the deficit into three classes by its terciles or by the two THRESHOLDS."))
        self.add_param(QgsProcessingParameterString(
            self.THRESHOLDS, tr("Thresholds (low;high)"), defaultValue="", optional=True),
            tr("Two numbers, e.g. '0.2;0.4': up to 0.2 low, up to 0.4 medium, above high deficit."))
        self.add_param(QgsProcessingParameterFeatureSink(self.OUTPUT, tr("Priority areas")),
                       tr("The districts with deficit class, priority and the Schwerpunktraum flag."))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = require_source(self, parameters, self.INPUT, context)
        class_field = self.parameterAsString(parameters, self.INDEX_CLASS, context) or "index_class"
        deficit_field = self.parameterAsString(parameters, self.DEFICIT, context)
        if not deficit_field:
            raise QgsProcessingException(tr("Choose the DEFICIT field."))
        require_field(source, class_field, self.INDEX_CLASS, numeric=True)
        require_field(source, deficit_field, self.DEFICIT, numeric=True)
        thresholds = None
        try:
            if self.parameterAsEnum(parameters, self.DEFICIT_CLASSES, context) == 1:
                thresholds = pr.parse_thresholds(self.parameterAsString(parameters, self.THRESHOLDS, context))
            features = read_feature_list(source, feedback, 0, 40)
            label = feature_label(features, guess_key_field(source))
            index_class = column(features, class_field)
            bad = pr.invalid_index_class(index_class)
            if bad >= 0:
                raise QgsProcessingException(
                    tr("INDEX_CLASS '{0}' must hold the classes 1 to 4 (or NULL), but {1} has {2}.").format(
                        class_field, label(bad), "{:g}".format(index_class[bad])))
            res = pr.priority_areas(index_class, column(features, deficit_field), thresholds)
        except IndexInputError as err:
            raise input_error(err)
        used, prio = res["thresholds"], res["priority"]
        feedback.pushInfo(tr("Deficit classes: low up to {0}, medium up to {1}, high above ({2}).").format(
            "{:g}".format(used[0]), "{:g}".format(used[1]),
            tr("terciles") if thresholds is None else tr("thresholds")))
        plabels = priority_labels()
        notes = [None] * len(features)
        for i in np.flatnonzero(prio == 0):
            missing = [name for name, cls in ((class_field, res["index_class"][i]),
                                              (deficit_field, res["deficit_class"][i])) if not cls]
            notes[i] = tr("missing value: {0}").format(", ".join(missing))
            feedback.pushWarning(tr("No priority for {0}: missing value: {1}.").format(label(i), ", ".join(missing)))

        new_fields = [new_field("deficit_class", FIELD_INT), new_field("priority", FIELD_INT),
                      new_field("priority_label", FIELD_STRING, 80), new_field("schwerpunktraum", FIELD_INT),
                      new_field("priority_note", FIELD_STRING, 200)]
        columns = [[int(c) if c else None for c in res["deficit_class"]], [int(p) if p else None for p in prio],
                   [plabels[int(p)] if p else None for p in prio],
                   [int(s) if s >= 0 else None for s in res["schwerpunktraum"]], notes]
        dest_id = write_result_fields(self, parameters, context, source, features, new_fields, columns, feedback,
                                      progress=(60.0, 100.0))

        counts = np.bincount(prio, minlength=5)
        for p in range(1, 5):
            feedback.pushInfo(tr("Priority {0} ({1}): {2} districts.").format(p, plabels[p], int(counts[p])))
        blabels = berlin_labels()
        feedback.pushInfo(tr("Schwerpunkträume: districts with {0} or {1} status and a high deficit, or "
                             "{1} status and a medium deficit.").format(blabels[3], blabels[4]))
        attach_class_style(self, context, dest_id, "priority", plabels, "priority.qml")
        return {self.OUTPUT: dest_id}
