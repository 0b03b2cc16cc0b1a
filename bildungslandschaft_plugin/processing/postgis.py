"""PostgreSQL/PostGIS outputs and inputs: the one place that knows about the database.

QGIS's own ``postgres`` provider does the reading and writing; this module only adds what it leaves open:

- :func:`table_destination` – a destination string for a sink without geometry (a report table) names no
  geometry column, so that QGIS creates a plain table that it can open again (QGIS 3.22 creates it, then fails to
  load it when the destination ends in ``(geom)``);
- :func:`ogr_connection` – the GDAL connection string and layer name of a PostGIS layer, for the fast readers
  (only ``service=``/host/port/dbname/user are passed on, never a password; layers with a password or an
  authentication configuration in their source use QGIS's reader).
"""

import re

from qgis.core import QgsDataSourceUri, QgsProcessingOutputLayerDefinition, QgsWkbTypes

POSTGRES_PREFIXES = ("postgres://", "postgis:")
_GEOM_SPEC = re.compile(r'\s*\(\s*"?[^()"]*"?\s*\)\s*(?=(sql=|$))')


def is_postgres_destination(value):
    sink = getattr(value, "sink", None)
    if sink is not None:
        value = sink.staticValue()
    return isinstance(value, str) and value.startswith(POSTGRES_PREFIXES)


def table_destination(parameters, name, geometry_type):
    """*parameters* with the destination *name* fixed for a table without geometry (a copy; else unchanged)."""
    if geometry_type not in (QgsWkbTypes.Type.NoGeometry, QgsWkbTypes.Type.Unknown):
        return parameters
    value = parameters.get(name)
    if not is_postgres_destination(value):
        return parameters
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        text = value.sink.staticValue()
        fixed = QgsProcessingOutputLayerDefinition(value)
        fixed.sink.setStaticValue(_GEOM_SPEC.sub(" ", text).strip())
    else:
        fixed = _GEOM_SPEC.sub(" ", value).strip()
    out = dict(parameters)
    out[name] = fixed
    return out


def ogr_connection(layer):
    """``("PG:...", "schema.table(geom)")`` for GDAL, or None when the layer must be read through QGIS.

    None for a source with a password or an authentication configuration (QGIS resolves those, GDAL cannot and
    the password must not travel), with a ``sql=`` filter, or without a geometry column.
    """
    uri = QgsDataSourceUri(layer.source())
    if uri.password() or uri.authConfigId() or uri.sql() or not uri.geometryColumn():
        return None
    parts = []
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username())):
        if value:
            parts.append("{0}='{1}'".format(key, value.replace("\\", "\\\\").replace("'", "\\'")))
    if not parts:
        return None
    schema = uri.schema() or "public"
    name = '{0}.{1}({2})'.format(schema, uri.table(), uri.geometryColumn())
    return "PG:" + " ".join(parts), name
