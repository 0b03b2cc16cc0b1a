"""Translated display names of the algorithm groups."""

from ..translation import tr
from . import ids


def group_name(group_id):
    names = {
        ids.GROUP_DATA: tr("Data preparation"),
        ids.GROUP_NETWORK: tr("Network and accessibility"),
        ids.GROUP_SUPPLY: tr("Supply and demand"),
        ids.GROUP_SOCIAL: tr("Social index and budgets"),
        ids.GROUP_OUTPUT: tr("Maps and reports"),
        ids.GROUP_COMPASS: tr("Bildungskompass"),
    }
    return names[group_id]
