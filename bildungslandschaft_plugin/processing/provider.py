"""The Processing provider ``bildungslandschaft``."""

from qgis.core import QgsProcessingProvider

from ..resources import icon
from ..translation import tr
from .ids import PROVIDER_ID


def algorithm_classes():
    """Every algorithm of the plugin, in one place."""
    from .alg_accessibility import AccessibilityAlgorithm
    from .alg_aggregatepoints import AggregatePointsAlgorithm
    from .alg_arealinterpolation import ArealInterpolationAlgorithm
    from .alg_budgetallocation import BudgetAllocationAlgorithm
    from .alg_capacityallocation import CapacityAllocationAlgorithm
    from .alg_catchments import CatchmentsAlgorithm
    from .alg_cooperationnetwork import CooperationNetworkAlgorithm
    from .alg_districtprofiles import DistrictProfilesAlgorithm
    from .alg_exportmap import ExportMapAlgorithm
    from .alg_exportwebmap import ExportWebMapAlgorithm
    from .alg_facilityneed import FacilityNeedAlgorithm
    from .alg_joinsocialdata import JoinSocialDataAlgorithm
    from .alg_locationplanning import LocationPlanningAlgorithm
    from .alg_offersearch import OfferSearchAlgorithm
    from .alg_priorityareas import PriorityAreasAlgorithm
    from .alg_samplecity import SampleCityAlgorithm
    from .alg_serviceareas import ServiceAreasAlgorithm
    from .alg_socialindex import SocialIndexAlgorithm
    from .alg_supplydemand import SupplyDemandAlgorithm
    from .alg_typology import TypologyAlgorithm

    return [
        SampleCityAlgorithm,
        CatchmentsAlgorithm,
        AccessibilityAlgorithm,
        ServiceAreasAlgorithm,
        CooperationNetworkAlgorithm,
        ExportWebMapAlgorithm,
        SocialIndexAlgorithm,
        TypologyAlgorithm,
        PriorityAreasAlgorithm,
        BudgetAllocationAlgorithm,
        FacilityNeedAlgorithm,
        JoinSocialDataAlgorithm,
        ArealInterpolationAlgorithm,
        AggregatePointsAlgorithm,
        ExportMapAlgorithm,
        DistrictProfilesAlgorithm,
        OfferSearchAlgorithm,
        SupplyDemandAlgorithm,
        CapacityAllocationAlgorithm,
        LocationPlanningAlgorithm,
    ]


class BildungslandschaftProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("Bildungslandschaft")

    def longName(self):  # noqa: N802
        return tr("Bildungslandschaft – education and social-space planning")

    def icon(self):
        return icon("bildungslandschaft.svg")

    def loadAlgorithms(self):  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
