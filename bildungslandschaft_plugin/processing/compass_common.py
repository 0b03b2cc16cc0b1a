"""Compat re-export, removed after merge: :mod:`.readers` (``read_features``), :mod:`.params`
(``field_parameter``, ``required_field``), :mod:`.values` (``plain``) (issue 12)."""

from . import params as _params
from . import readers as _readers
from . import values as _values

plain = _values.plain
field_parameter = _params.field_parameter
required_field = _params.required_field
read_features = _readers.read_features
