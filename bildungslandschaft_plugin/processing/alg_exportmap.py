"""``bildungslandschaft:exportmap`` – a council-ready map (PDF, PNG or SVG)."""

import os

from qgis.core import (
    QgsProcessing,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsProject,
)

from ..rendering import layouts
from ..rendering.map_layout import (
    PAGES,
    add_to_project,
    build_map_layout,
    combined_extent,
    display_layers,
    layer_title,
    map_crs,
    page_options,
    today_text,
)
from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm


class ExportMapAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.EXPORT_MAP
    GROUP_ID = ids.GROUP_OUTPUT

    LAYERS = "LAYERS"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    SOURCE = "SOURCE"
    DATE = "DATE"
    PAGE = "PAGE"
    EXTENT = "EXTENT"
    LOGO = "LOGO"
    ADD_LAYOUT_TO_PROJECT = "ADD_LAYOUT_TO_PROJECT"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Export map for council papers")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Exports a council-ready map (Stadtratsvorlage) as PDF, PNG or SVG: title, subtitle, the map "
            "of the given layers, a legend of exactly these layers, a metric scale bar, a north arrow and "
            "a line with data source and date, with print margins on A4 or A3.\n"
            "Layers of the open project keep their styles; layers given as files get their stored style "
            "or the plugin's default style. Long titles are wrapped and shrunk to fit. The file is "
            "written only when the export succeeded.")

    def flags(self):
        # Print layouts and map layers of the project belong to the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(QgsProcessingParameterMultipleLayers(
            self.LAYERS, tr("Layers (top first)"), QgsProcessing.SourceType.TypeMapLayer),
            tr("The layers of the map, the first drawn on top (as in the Layers panel). The legend "
               "shows exactly these layers."))
        self.add_param(QgsProcessingParameterString(self.TITLE, tr("Title")),
                       tr("Map title; long titles are wrapped onto two lines and shrunk."))
        self.add_param(QgsProcessingParameterString(self.SUBTITLE, tr("Subtitle"), optional=True),
                       tr("Optional second line below the title, e.g. the indicator and year."))
        self.add_param(QgsProcessingParameterString(self.SOURCE, tr("Data source"), optional=True),
                       tr("Data source line, e.g. 'Amt für Statistik, 31.12.2024'. Empty: the layer names."))
        self.add_param(QgsProcessingParameterString(self.DATE, tr("Date"), optional=True),
                       tr("Date printed on the map. Empty: today."))
        self.add_param(QgsProcessingParameterEnum(self.PAGE, tr("Page"), options=page_options(), defaultValue=0),
                       tr("Paper size and orientation."))
        self.add_param(QgsProcessingParameterExtent(self.EXTENT, tr("Map extent"), optional=True),
                       tr("Area shown. Empty: all layers with a small margin."))
        self.add_param(QgsProcessingParameterFile(
            self.LOGO, tr("Logo"), behavior=QgsProcessingParameterFile.Behavior.File,
            fileFilter=tr("Images (*.svg *.png *.jpg *.jpeg)"), optional=True),
            tr("Optional logo (SVG, PNG or JPEG) in the top right corner."))
        self.add_param(QgsProcessingParameterBoolean(
            self.ADD_LAYOUT_TO_PROJECT, tr("Add the layout to the project"), defaultValue=False),
            tr("Also add the map as an editable print layout to the current project (layers given as files "
               "are added too, in a group named after the title), to change its title, legend or extent in "
               "the layout designer."),
            advanced=True)
        self.add_param(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output file"), fileFilter=tr("PDF (*.pdf);;PNG image (*.png);;SVG image (*.svg)")),
            tr("PDF, PNG (300 dpi) or SVG, chosen by the file extension."))
        self.addOutput(QgsProcessingOutputFile("OUTPUT", tr("Exported map")))

    # ------------------------------------------------------------------
    def _layers(self, parameters, context):
        raw = parameters.get(self.LAYERS)
        layers = self.parameterAsLayerList(parameters, self.LAYERS, context)
        if not layers:
            raise QgsProcessingException(tr("No layer given ({0}): choose at least one layer.").format(self.LAYERS))
        if isinstance(raw, (list, tuple)) and len(layers) < len(raw):
            found = {layer.id() for layer in layers} | {layer.source() for layer in layers}
            missing = [str(r) for r in raw if isinstance(r, str) and r not in found]
            raise QgsProcessingException(
                tr("Could not load these layers ({0}): {1}").format(self.LAYERS, ", ".join(missing) or str(raw)))
        invalid = [layer.name() for layer in layers if not layer.isValid()]
        if invalid:
            raise QgsProcessingException(
                tr("These layers ({0}) are not valid: {1}").format(self.LAYERS, ", ".join(invalid)))
        return layers

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        layers = self._layers(parameters, context)
        title = (self.parameterAsString(parameters, self.TITLE, context) or "").strip()
        if not title:
            raise QgsProcessingException(tr("The map needs a title ({0}).").format(self.TITLE))
        subtitle = (self.parameterAsString(parameters, self.SUBTITLE, context) or "").strip()
        source = (self.parameterAsString(parameters, self.SOURCE, context) or "").strip()
        date = (self.parameterAsString(parameters, self.DATE, context) or "").strip() or today_text()
        page = self.parameterAsEnum(parameters, self.PAGE, context)
        if page < 0 or page >= len(PAGES):
            raise QgsProcessingException(tr("Unknown page ({0}): {1}").format(self.PAGE, page))
        logo = (self.parameterAsFile(parameters, self.LOGO, context) or "").strip()
        if logo and not os.path.isfile(logo):
            raise QgsProcessingException(tr("The logo file does not exist ({0}): {1}").format(self.LOGO, logo))
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        ext = layouts.check_output_path(output, self.OUTPUT)

        drawn = display_layers(layers, context, feedback)
        crs = map_crs(drawn)
        extent = None
        if parameters.get(self.EXTENT):
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, crs)
            if extent is None or extent.isNull() or extent.isEmpty():
                raise QgsProcessingException(tr("The map extent ({0}) is empty.").format(self.EXTENT))
        if extent is None:
            extent = combined_extent(drawn, crs, context)
        if extent is None:
            raise QgsProcessingException(
                tr("The layers given as {0} ({1}) have no features to show; give a map extent ({2}).").format(
                    self.LAYERS, ", ".join(layer.name() for layer in drawn), self.EXTENT))
        if not source:
            names = []
            for layer in layers:
                if layer_title(layer) not in names:
                    names.append(layer_title(layer))
            source = ", ".join(names)
        feedback.setProgress(20)

        project = context.project() or QgsProject.instance()
        layout = build_map_layout(project, drawn, crs, extent, title, subtitle, source, date,
                                  PAGES[page], logo)
        feedback.setProgress(50)
        if feedback.isCanceled():
            raise QgsProcessingException(tr("Cancelled."))
        layouts.export_layout(layout, output, dpi=300 if ext != "png" else 200, parameter_name=self.OUTPUT)
        feedback.pushInfo(tr("Map written to {0}").format(output))
        if self.parameterAsBoolean(parameters, self.ADD_LAYOUT_TO_PROJECT, context):
            add_to_project(project, layout, drawn, feedback)
            feedback.pushInfo(tr("Layout '{0}' added to the project.").format(layout.name()))
        feedback.setProgress(100)
        return {self.OUTPUT: output}
