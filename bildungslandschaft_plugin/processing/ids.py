"""Algorithm ids: the batch interface (``bildungslandschaft:<id>``).

Tests, docs and the provider read them from here so they cannot drift.
"""

PROVIDER_ID = "bildungslandschaft"

SAMPLE_CITY = "samplecity"
CATCHMENTS = "catchments"
ACCESSIBILITY = "accessibility"
SERVICE_AREAS = "serviceareas"
SUPPLY_DEMAND = "supplydemand"
CAPACITY_ALLOCATION = "capacityallocation"
JOIN_SOCIAL_DATA = "joinsocialdata"
AREAL_INTERPOLATION = "arealinterpolation"
AGGREGATE_POINTS = "aggregatepoints"
SOCIAL_INDEX = "socialindex"
TYPOLOGY = "typology"
PRIORITY_AREAS = "priorityareas"
BUDGET_ALLOCATION = "budgetallocation"
EXPORT_MAP = "exportmap"
DISTRICT_PROFILES = "districtprofiles"
COOPERATION_NETWORK = "cooperationnetwork"
OFFER_SEARCH = "offersearch"
EXPORT_WEB_MAP = "exportwebmap"
FACILITY_NEED = "facilityneed"
LOCATION_PLANNING = "locationplanning"


def full_id(name):
    """``"catchments"`` -> ``"bildungslandschaft:catchments"``."""
    return "{}:{}".format(PROVIDER_ID, name)


# Group ids (fixed, never translated); display names live in groups.py.
GROUP_DATA = "data"
GROUP_NETWORK = "network"
GROUP_SUPPLY = "supply"
GROUP_SOCIAL = "social"
GROUP_OUTPUT = "output"
GROUP_COMPASS = "compass"
