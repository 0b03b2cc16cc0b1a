"""Parameters and helpers shared by the Bildungskompass algorithms (``exportwebmap``, ``offersearch``):
life-phase names and the facility-type mapping, field checks, GeoJSON geometries."""

import json

from qgis.core import QgsProcessingException, QgsProcessingParameterString

from ..core import lifephases
from ..resources import resource_path
from ..translation import tr


def phase_labels():
    """Translated names of the life phases."""
    return {
        "early_childhood": tr("Early childhood"),
        "school_age": tr("School age"),
        "youth": tr("Youth"),
        "adults": tr("Adults"),
        "seniors": tr("Seniors"),
    }


def load_type_mapping(text, parameter_name="TYPE_MAPPING"):
    """The life-phase mapping from *text* (or the shipped default table); clear error otherwise."""
    try:
        return lifephases.load(text, resource_path("lifephases.csv"))
    except (lifephases.MappingError, OSError, UnicodeDecodeError) as exc:
        raise QgsProcessingException(tr("{0}: the life-phase mapping cannot be read: {1}").format(
            parameter_name, exc))


def add_type_mapping_parameter(alg):
    alg.add_param(
        QgsProcessingParameterString("TYPE_MAPPING", tr("Life phases of the facility types"), "",
                                     multiLine=True, optional=True),
        tr("Which facility types serve which life phase, one entry per line or separated by ';': "
           "'Kita = early_childhood', 'Volkshochschule = adults, seniors', 'Bibliothek = all'. Phases: "
           "early_childhood, school_age, youth, adults, seniors (or Frühe Kindheit, Schulalter, Jugend, "
           "Erwachsene, Senioren). May also be the path of a CSV table like the default, "
           "resources/lifephases.csv. Empty: the default table."))


def geojson_geometry(geom, precision=6):
    return json.loads(geom.asJson(precision))


def required_field_name(source, name, parameter):
    if source.fields().lookupField(name) < 0:
        raise QgsProcessingException(tr("Field '{0}' ({1}) is not in layer {2}.").format(
            name, parameter, source.sourceName()))
