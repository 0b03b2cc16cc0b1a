#!/usr/bin/env python3
"""Build the example Model Designer model ``resources/models/handlungsbedarf.model3``.

    /usr/bin/python3 scripts/make_example_model.py [--out resources/models/handlungsbedarf.model3]

The model chains four Bildungslandschaft algorithms and one QGIS field calculator:

1. ``bildungslandschaft:joinsocialdata``  – the statistics office's table joined to the Ortsteile (one year);
2. ``bildungslandschaft:socialindex``     – social index (z-scores, Berlin classes 1–4);
3. ``bildungslandschaft:accessibility``   – walking distance of children 6–9 to the primary schools, per Ortsteil
   (DISTRICTS = the social index output, so the index fields travel along);
4. ``native:fieldcalculator``             – access deficit ``beyond_1000`` = 100 − share within 1000 m (percent);
5. ``bildungslandschaft:priorityareas``   – index class × deficit tercile → priority 1–4 (Handlungsbedarf).

Field names follow the sample city's schema (``ot_key``, ``Ortsteil``, ``Jahr``, ``SGB2_Quote`` …); open the model
in the Model Designer to adapt them to another city's data.
"""

import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_OUT = os.path.join(ROOT, "resources", "models", "handlungsbedarf.model3")

MODEL_NAME = "handlungsbedarf"
MODEL_GROUP = "Bildungslandschaft"
OUTPUT_NAME = "Handlungsbedarf"
INDICATORS = ["SGB2_Quote", "Kinderarmut", "Arbeitslosigkeit"]


def build_model():
    """The model as a ``QgsProcessingModelAlgorithm`` (QGIS and the plugin's provider must be loaded)."""
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelChildParameterSource,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFile,
        QgsProcessingParameterNumber,
        QgsProcessingParameterVectorLayer,
    )
    from qgis.PyQt.QtCore import QPointF

    Source = QgsProcessingModelChildParameterSource
    model = QgsProcessingModelAlgorithm(MODEL_NAME, MODEL_GROUP, "bildungslandschaft")
    model.setHelpContent({
        "ALG_DESC": "Handlungsbedarf (priority areas) from the social data table and the walking distance of "
                    "children 6–9 to primary schools: join → social index → accessibility → deficit → priority. "
                    "Field names follow the Bildungslandschaft sample city (ot_key, Ortsteil, Jahr, SGB2_Quote, "
                    "Kinderarmut, Arbeitslosigkeit, Einwohner, ew_6_9, einr_id).",
        "ALG_CREATOR": "Bildungslandschaft developers",
    })

    def add_input(definition, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(120, y))
        model.addModelParameter(definition, component)

    add_input(QgsProcessingParameterVectorLayer("ortsteile", "Ortsteile (polygons with ot_key)",
                                                [QgsProcessing.SourceType.TypeVectorPolygon]), 60)
    add_input(QgsProcessingParameterFile("sozialdaten", "Social data table (CSV/XLSX of the statistics office)",
                                         QgsProcessingParameterFile.Behavior.File), 130)
    add_input(QgsProcessingParameterNumber("jahr", "Year", QgsProcessingParameterNumber.Type.Integer, 2025), 200)
    add_input(QgsProcessingParameterNumber("mindestbevoelkerung", "Minimum population for an index",
                                           QgsProcessingParameterNumber.Type.Integer, 300, minValue=0), 270)
    add_input(QgsProcessingParameterVectorLayer("strassen", "Street network (lines)",
                                                [QgsProcessing.SourceType.TypeVectorLine]), 340)
    add_input(QgsProcessingParameterVectorLayer("grundschulen", "Primary schools (points with einr_id)",
                                                [QgsProcessing.SourceType.TypeVectorPoint]), 410)
    add_input(QgsProcessingParameterVectorLayer("adressen", "Addresses with children 6-9 (ew_6_9)",
                                                [QgsProcessing.SourceType.TypeVectorPoint]), 480)

    def add_child(child_id, alg_id, description, sources, x, y):
        child = QgsProcessingModelChildAlgorithm(alg_id)
        child.setChildId(child_id)
        child.setDescription(description)
        child.setPosition(QPointF(x, y))
        for name, value in sources.items():
            child.addParameterSources(name, [value])
        # every other parameter with its default, as the Model Designer stores it
        for definition in child.algorithm().parameterDefinitions():
            if definition.name() in sources or definition.isDestination() or definition.defaultValue() is None:
                continue
            child.addParameterSources(definition.name(), [Source.fromStaticValue(definition.defaultValue())])
        model.addChildAlgorithm(child)
        return model.childAlgorithm(child_id)

    add_child("join", "bildungslandschaft:joinsocialdata", "Join social data", {
        "DISTRICTS": Source.fromModelParameter("ortsteile"), "DISTRICT_KEY": Source.fromStaticValue("ot_key"),
        "TABLE": Source.fromModelParameter("sozialdaten"), "TABLE_KEY": Source.fromStaticValue("Ortsteil"),
        "YEAR_FIELD": Source.fromStaticValue("Jahr"), "YEAR": Source.fromModelParameter("jahr"),
        "OUTPUT": Source.fromStaticValue("TEMPORARY_OUTPUT"),
    }, 420, 130)
    index = add_child("index", "bildungslandschaft:socialindex", "Social index", {
        "INPUT": Source.fromChildOutput("join", "OUTPUT"), "POPULATION": Source.fromStaticValue("Einwohner"),
        "MIN_POPULATION": Source.fromModelParameter("mindestbevoelkerung"),
        "METHOD": Source.fromStaticValue(0), "CLASSIFICATION": Source.fromStaticValue(0),
        "OUTPUT": Source.fromStaticValue("TEMPORARY_OUTPUT"),
    }, 420, 230)
    index.addParameterSources("INDICATORS", [Source.fromStaticValue(INDICATORS)])
    model.setChildAlgorithm(index)
    add_child("access", "bildungslandschaft:accessibility", "Accessibility of primary schools", {
        "NETWORK": Source.fromModelParameter("strassen"), "MODE": Source.fromStaticValue(0),
        "COST_TYPE": Source.fromStaticValue(0), "SNAP_TOLERANCE": Source.fromStaticValue(250),
        "FACILITIES": Source.fromModelParameter("grundschulen"), "FACILITY_ID": Source.fromStaticValue("einr_id"),
        "DEMAND": Source.fromModelParameter("adressen"), "DEMAND_WEIGHT": Source.fromStaticValue("ew_6_9"),
        "THRESHOLDS": Source.fromStaticValue("500,1000,1500"),
        "DISTRICTS": Source.fromChildOutput("index", "OUTPUT"), "DISTRICT_ID": Source.fromStaticValue("ot_key"),
        "OUTPUT_DEMAND": Source.fromStaticValue("TEMPORARY_OUTPUT"),
        "OUTPUT_DISTRICTS": Source.fromStaticValue("TEMPORARY_OUTPUT"),
    }, 420, 340)
    add_child("deficit", "native:fieldcalculator", "Deficit: share of children beyond 1000 m", {
        "INPUT": Source.fromChildOutput("access", "OUTPUT_DISTRICTS"), "FIELD_NAME": Source.fromStaticValue("beyond_1000"),
        "FIELD_TYPE": Source.fromStaticValue(0), "FIELD_LENGTH": Source.fromStaticValue(10),
        "FIELD_PRECISION": Source.fromStaticValue(2), "FORMULA": Source.fromStaticValue('100 - "share_1000"'),
        "OUTPUT": Source.fromStaticValue("TEMPORARY_OUTPUT"),
    }, 420, 440)
    priority = add_child("priority", "bildungslandschaft:priorityareas", "Priority areas", {
        "INPUT": Source.fromChildOutput("deficit", "OUTPUT"), "INDEX_CLASS": Source.fromStaticValue("index_class"),
        "DEFICIT": Source.fromStaticValue("beyond_1000"), "DEFICIT_CLASSES": Source.fromStaticValue(0),
    }, 420, 540)
    output = QgsProcessingModelOutput(OUTPUT_NAME, OUTPUT_NAME)
    output.setChildId("priority")
    output.setChildOutputName("OUTPUT")
    output.setPosition(QPointF(680, 580))
    priority.setModelOutputs({OUTPUT_NAME: output})
    model.setChildAlgorithm(priority)
    model.updateDestinationParameters()
    return model


def output_parameter_name(model):
    """Name of the model's one destination parameter (``priority:Handlungsbedarf``)."""
    return [d.name() for d in model.destinationParameterDefinitions()][0]


def start_qgis():
    """QGIS, Processing and this checkout's plugin provider, for the command line."""
    sys.path.insert(0, ROOT)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QT_HASH_SEED"] = "0"  # same XML attribute order on every run: the .model3 stays diff-friendly
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    sys.path.append("/usr/share/qgis/python/plugins")
    from processing.core.Processing import Processing

    Processing.initialize()
    from bildungslandschaft_plugin.processing.provider import BildungslandschaftProvider

    provider = BildungslandschaftProvider()
    QgsApplication.processingRegistry().addProvider(provider)
    return app, provider


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=DEFAULT_OUT)
    args = parser.parse_args()
    app, _provider = start_qgis()
    model = build_model()
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    if not model.toFile(args.out):
        print("could not write " + args.out, file=sys.stderr)
        return 1
    print(args.out)
    app.exitQgis()
    return 0


if __name__ == "__main__":
    sys.exit(main())
