"""Parameters: field parameters without city-specific defaults, and the shared parameter blocks.

Policy (docs/DEVELOPING.md, "Defaults"): no parameter default names a field of the sample city.
An optional field parameter the user left empty takes the first field of the layer whose name
(compared without case) is in :data:`USUAL_FIELDS` for its role, with a line in the log; without
such a field it is "none" (the feature id for ids, nothing for names, types and carriers).
"""

from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from .. import compat
from ..translation import tr
from .base import require_field

#: usual field names per role, first match wins (German municipal data, OSM, English)
USUAL_FIELDS = {
    "facility_id": ("einr_id", "einrichtung_id", "facility_id", "fac_id", "schul_nr", "schulnummer"),
    "name": ("name", "bezeichnung", "einrichtung", "name_de", "title", "titel"),
    "type": ("typ", "type", "einrichtungsart", "kategorie", "category", "amenity"),
    "carrier": ("traeger", "träger", "traegerschaft", "carrier", "operator"),
    "from_id": ("von_id", "from_id", "von", "from"),
    "to_id": ("zu_id", "to_id", "nach", "zu", "to"),
    "kind": ("art", "kind", "kooperationsart", "type", "typ"),
}


def usual_field(source, role):
    """The first field of *source* named like one of :data:`USUAL_FIELDS` [*role*], or ``""``."""
    names = {f.name().lower(): f.name() for f in source.fields()}
    for usual in USUAL_FIELDS[role]:
        if usual in names:
            return names[usual]
    return ""


def field_or_usual(alg, parameters, context, name, source, role, feedback=None, numeric=False, required=False):
    """The field of parameter *name*: as given (checked), else the usual field for *role*, else ``""``.

    With *required* a missing field is an error that says which parameter to set.
    """
    if parameters.get(name) not in (None, ""):
        field = alg.parameterAsString(parameters, name, context)
        if field:
            require_field(source, field, name, numeric=numeric)
            return field
    field = usual_field(source, role)
    if field and numeric and not source.fields().field(field).isNumeric():
        field = ""
    if field:
        if feedback is not None:
            feedback.pushInfo(tr("{0}: field '{1}' of layer {2} is used (found by its name).").format(
                name, field, source.sourceName()))
        return field
    if required:
        raise QgsProcessingException(tr("Parameter {0} is required: choose a field of layer {1}.").format(
            name, source.sourceName()))
    return ""


def usual_help(role, otherwise=None):
    """The help sentence for an optional field parameter with usual names (append it to the help text)."""
    if otherwise is None:
        otherwise = tr("none is used")
    return tr("Empty: the first of these fields the layer has: {0}; else {1}.").format(
        ", ".join(USUAL_FIELDS[role]), otherwise)


def field_parameter(alg, parameters, context, name, source, feedback=None, numeric=False):
    """Field name of an optional field parameter with a default, or ``""``.

    When the user did not give the parameter and its *default* field is not in
    the layer, the field is left out (with a note); when the user named a field
    that is not there, this raises.
    """
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        return ""
    given = parameters.get(name) not in (None, "")
    if not given and source.fields().lookupField(field) < 0:
        if feedback is not None:
            feedback.pushInfo(tr("{0}: layer {1} has no field '{2}'; not used.").format(
                name, source.sourceName(), field))
        return ""
    require_field(source, field, name, numeric=numeric)
    return field


def required_field(alg, parameters, context, name, source, numeric=False):
    """A field parameter that is required in substance but declared optional with a default.

    (qgis_process 3.22 ignores the default of a mandatory field parameter, so the
    batch interface declares these optional and checks here.)
    """
    field = alg.parameterAsString(parameters, name, context)
    if not field:
        raise QgsProcessingException(tr("Parameter {0} is required: choose a field of layer {1}.").format(
            name, source.sourceName()))
    require_field(source, field, name, numeric=numeric)
    return field


# -- area/table parameters (social family): socialindex, typology
INPUT = "INPUT"
INDICATORS = "INDICATORS"
POPULATION = "POPULATION"
MIN_POPULATION = "MIN_POPULATION"


def add_area_parameters(alg, input_help, indicators_help):
    """``INPUT`` (areas, layer or table) and its numeric ``INDICATORS`` fields."""
    alg.add_param(QgsProcessingParameterFeatureSource(
        INPUT, tr("Areas (polygon layer or table)"), [QgsProcessing.SourceType.TypeVector]), input_help)
    alg.add_param(QgsProcessingParameterField(
        INDICATORS, tr("Indicators"), parentLayerParameterName=INPUT,
        type=QgsProcessingParameterField.DataType.Numeric, allowMultiple=True), indicators_help)


def add_population_parameters(alg, population_help, min_population_help):
    """Optional numeric ``POPULATION`` field and ``MIN_POPULATION`` (default 300)."""
    alg.add_param(QgsProcessingParameterField(
        POPULATION, tr("Population"), parentLayerParameterName=INPUT,
        type=QgsProcessingParameterField.DataType.Numeric, optional=True), population_help)
    alg.add_param(QgsProcessingParameterNumber(
        MIN_POPULATION, tr("Minimum population"), QgsProcessingParameterNumber.Type.Integer,
        defaultValue=300, minValue=0), min_population_help)


def indicator_fields(alg, parameters, context, source):
    """The INDICATORS field names (at least one, all numeric fields of *source*)."""
    indicators = compat.parameter_as_fields(alg, parameters, INDICATORS, context)
    if not indicators:
        raise QgsProcessingException(tr("INDICATORS: choose at least one indicator field."))
    for name in indicators:
        require_field(source, name, INDICATORS, numeric=True)
    return indicators


def population_settings(alg, parameters, context, source):
    """``(POPULATION field name or "", MIN_POPULATION)``."""
    population_field = alg.parameterAsString(parameters, POPULATION, context)
    if population_field:
        require_field(source, population_field, POPULATION, numeric=True)
    return population_field, alg.parameterAsInt(parameters, MIN_POPULATION, context)
