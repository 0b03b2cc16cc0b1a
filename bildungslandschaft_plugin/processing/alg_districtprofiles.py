"""placeholder"""
from .alg_exportmap import ExportMapAlgorithm as DistrictProfilesAlgorithm  # noqa
