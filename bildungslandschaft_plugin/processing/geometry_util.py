"""Compat re-export, removed after merge: the geometry readers live in :mod:`.readers`, the converter in
:mod:`.values` (issue 12)."""

from . import readers as _readers
from . import values as _values

read_geometries = _readers.read_geometries
build_index = _readers.build_index
containing = _readers.containing
prepared = _readers.prepared
number_or_nan = _values.number_or_nan
