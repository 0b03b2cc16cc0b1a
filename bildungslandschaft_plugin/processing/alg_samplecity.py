"""Processing algorithm: write the sample city "Musterstadt"."""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
)

from ..translation import tr
from . import ids
from .base import BildungslandschaftAlgorithm


class SampleCityAlgorithm(BildungslandschaftAlgorithm):
    ALG_ID = ids.SAMPLE_CITY
    GROUP_ID = ids.GROUP_DATA

    SCALE = "SCALE"
    SEED = "SEED"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    GPKG = "GPKG"
    SOCIAL_CSV = "SOCIAL_CSV"
    PARTNERSHIPS_CSV = "PARTNERSHIPS_CSV"
    RESIDENTS = "RESIDENTS"
    EDGES = "EDGES"

    def displayName(self):  # noqa: N802
        return tr("Sample city (Musterstadt)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Writes the synthetic sample city \"Musterstadt\" into a folder: the GeoPackage "
            "musterstadt.gpkg (EPSG:25833) with street network (strassen), Ortsteile, Stadtbezirke, "
            "address points with residents by age cohort (adressen), facilities (einrichtungen) and "
            "the river (fluss); the social-structure table sozialdaten_musterstadt.csv in the "
            "official-statistics format (semicolon, decimal comma, Windows-1252) and the partnership "
            "table kooperationen.csv.\n\n"
            "Scale 1 is a city of about 100 000 residents with about 100 000 street edges; scale 10 "
            "about 1 000 000 residents and a million edges. The same scale and seed always give the "
            "same city.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_param(
            QgsProcessingParameterNumber(
                self.SCALE, tr("Scale (1 = about 100 000 residents)"),
                QgsProcessingParameterNumber.Type.Double, defaultValue=1.0, minValue=0.01, maxValue=50.0),
            tr("Size of the city: residents and street edges grow in proportion (1 = about 100 000 "
               "residents, 10 = about a million). Small values (0.05–0.2) give a quick test city."))
        self.add_param(
            QgsProcessingParameterNumber(
                self.SEED, tr("Random seed"), QgsProcessingParameterNumber.Type.Integer, defaultValue=42,
                minValue=0),
            tr("Seed of the random generator. The same seed and scale give the same city."))
        self.add_param(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, tr("Output folder")),
            tr("Folder for musterstadt.gpkg, sozialdaten_musterstadt.csv and kooperationen.csv. "
               "Existing files of these names are replaced."))
        self.addOutput(QgsProcessingOutputFile(self.GPKG, tr("GeoPackage")))
        self.addOutput(QgsProcessingOutputFile(self.SOCIAL_CSV, tr("Social-structure table (CSV)")))
        self.addOutput(QgsProcessingOutputFile(self.PARTNERSHIPS_CSV, tr("Partnership table (CSV)")))
        self.addOutput(QgsProcessingOutputNumber(self.RESIDENTS, tr("Residents")))
        self.addOutput(QgsProcessingOutputNumber(self.EDGES, tr("Street edges")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..sample import generator

        scale = self.parameterAsDouble(parameters, self.SCALE, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        folder = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        if not (generator.MIN_SCALE <= scale <= generator.MAX_SCALE):
            raise QgsProcessingException(
                tr("The scale ({0}) must be between {1} and {2} (parameter {3}).").format(
                    scale, generator.MIN_SCALE, generator.MAX_SCALE, self.SCALE))
        if seed < 0:
            raise QgsProcessingException(
                tr("The seed ({0}) must not be negative (parameter {1}).").format(seed, self.SEED))
        if not folder:
            raise QgsProcessingException(tr("No output folder given (parameter {0}).").format(
                self.OUTPUT_FOLDER))
        counts = {}
        try:
            paths = generator.generate(folder, scale=scale, seed=seed, feedback=feedback, counts=counts)
        except generator.Cancelled:
            raise QgsProcessingException(tr("Cancelled."))
        except OSError as err:
            raise QgsProcessingException(
                tr("Could not write the sample city into {0} (parameter {1}): {2}").format(
                    folder, self.OUTPUT_FOLDER, err))
        feedback.pushInfo(tr("Wrote {0}: {1} streets ({2} edges), {3} Ortsteile, {4} Stadtbezirke, "
                             "{5} addresses with {6} residents, {7} facilities.").format(
            paths["gpkg"], counts["strassen"], counts["edges"], counts["ortsteile"],
            counts["stadtbezirke"], counts["adressen"], counts["residents"], counts["einrichtungen"]))
        feedback.pushInfo(tr("Wrote {0} ({1} rows) and {2} ({3} partnerships).").format(
            paths["social_csv"], counts["sozialdaten_rows"], paths["partnerships_csv"],
            counts["kooperationen"]))
        return {
            self.OUTPUT_FOLDER: folder,
            self.GPKG: paths["gpkg"],
            self.SOCIAL_CSV: paths["social_csv"],
            self.PARTNERSHIPS_CSV: paths["partnerships_csv"],
            self.RESIDENTS: counts["residents"],
            self.EDGES: counts["edges"],
        }
