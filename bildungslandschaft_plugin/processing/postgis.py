"""PostgreSQL/PostGIS outputs and inputs: the one place that knows about the database.

QGIS's own ``postgres`` provider does the reading and writing; this module only adds what it leaves open:

- :class:`PendingTable` – a PostGIS output is first written to a temporary GeoPackage (QGIS's postgres provider
  writes a NULL as 0 when every other value of the column is 0 – its "same value in every row" shortcut compares
  NULL equal to 0 – a silent wrong number), copied with GDAL's PostgreSQL driver into a new table beside its target
  (``<table>__bl_<random>``) and, when the algorithm has finished, put in place in ONE transaction: the earlier
  table of that name (if any) is dropped, the new one renamed, its primary key named after it and a spatial index
  created. A failed or cancelled run drops only its own new table: the earlier table stays as it was. A table with
  dependent views is never dropped (the transaction fails, the message says so, nothing changes). Naming an
  existing table as the output is how a user asks for it to be replaced (as for files); the log says that it was
  replaced and how many rows it had. A view or an input table is never an output.

- :func:`table_destination` – a destination string for a sink without geometry (a report table) names no
  geometry column, so that QGIS creates a plain table that it can open again (QGIS 3.22 creates it, then fails to
  load it when the destination ends in ``(geom)``);
- :func:`fast_layer` – the database fast path of the network, demand and facility readers: the layer opened with
  GDAL's PostgreSQL driver (read through its Arrow stream by the same code as a GeoPackage), only where that gives
  exactly QGIS's rows (see there); an authentication configuration is resolved in memory, never logged.
"""

import os
import re
import shutil
import tempfile
import uuid

from qgis.core import (
    QgsDataSourceUri,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..translation import tr

POSTGRES_PREFIXES = ("postgres://", "postgis:")
_GEOM_SPEC = re.compile(r'\s*\(\s*"?[^()"]*"?\s*\)\s*(?=(sql=|$))')


def is_postgres_destination(value):
    sink = getattr(value, "sink", None)
    if sink is not None:
        value = sink.staticValue()
    return isinstance(value, str) and value.startswith(POSTGRES_PREFIXES)


def _uri_text(value):
    sink = getattr(value, "sink", None)
    if sink is not None:
        value = sink.staticValue()
    for prefix in POSTGRES_PREFIXES:
        if value.startswith(prefix):
            return value[len(prefix):]
    return value


def quote_ident(name):
    return '"{0}"'.format(str(name).replace('"', '""'))


def connection(uri):
    """A QGIS database connection (``QgsAbstractDatabaseProviderConnection``) for a :class:`QgsDataSourceUri`."""
    md = QgsProviderRegistry.instance().providerMetadata("postgres")
    return md.createConnection(uri.uri(False), {})


def same_table(a, b):
    """True when the two postgres sources name the same table of the same database."""
    ua, ub = QgsDataSourceUri(_uri_text(a)), QgsDataSourceUri(_uri_text(b))
    key = (lambda u: (u.service(), u.host(), u.port(), u.database(), u.schema() or "public", u.table()))
    return bool(ua.table()) and key(ua) == key(ub)


def table_label(source):
    """``schema.table`` of a postgres source (for messages; never the connection details)."""
    uri = QgsDataSourceUri(_uri_text(source))
    return "{0}.{1}".format(uri.schema() or "public", uri.table())


class PendingTable:
    """A PostGIS output written into a new table beside its target, put in place by :meth:`commit`."""

    def __init__(self, name, value, geometry_type):
        self.name = name
        text = _uri_text(value)
        self.uri = QgsDataSourceUri(text)
        self.schema = self.uri.schema() or "public"
        self.table = self.uri.table()
        if not self.table:
            raise QgsProcessingException(tr("The output {0} names no table: {1}").format(name, _safe(text)))
        self.geometry = geometry_type not in (QgsWkbTypes.Type.NoGeometry, QgsWkbTypes.Type.Unknown)
        self.geom_column = (self.uri.geometryColumn() or "geom") if self.geometry else ""
        self.tmp_table = "{0}__bl_{1}".format(self.table[:40], uuid.uuid4().hex[:8])
        self.tmpdir = tempfile.mkdtemp(prefix="bildungslandschaft-pg-")
        self.tmp_value = os.path.join(self.tmpdir, "staging.gpkg")  # the sink writes here (see module doc)
        self.sink = None
        self.tmp_dest = None
        self.final_value = "postgres://" + self._final_uri().uri(False)
        self._check_target()

    def _final_uri(self):
        final = QgsDataSourceUri(self.uri)
        final.setDataSource(self.schema, self.table, self.geom_column, "", self.uri.keyColumn())
        return final

    def _conn(self):
        try:
            return connection(self.uri)
        except Exception as err:  # noqa: BLE001 - QgsProviderConnectionException
            raise QgsProcessingException(tr("Could not connect to the database of the output {0}: {1}").format(
                self.name, err))

    def _check_target(self):
        conn = self._conn()
        try:
            if not conn.tableExists(self.schema, self.table):
                self.old_rows = None
                return
            table = conn.table(self.schema, self.table)
        except Exception:  # noqa: BLE001 - the schema may not exist yet: the exporter reports it
            self.old_rows = None
            return
        flags = table.flags()
        view_flags = conn.TableFlag.View | conn.TableFlag.MaterializedView if hasattr(conn, "TableFlag") else 0
        if view_flags and flags & view_flags:
            raise QgsProcessingException(tr("The output {0} names the view {1}.{2}; results are written to "
                                            "tables only.").format(self.name, self.schema, self.table))
        self.old_rows = _count(conn, self.schema, self.table)

    def discard(self):
        if self.sink is not None:
            try:
                self.sink.close()
            except Exception:  # noqa: BLE001 - the run already failed; remove what is left
                pass
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        try:
            self._conn().executeSql("DROP TABLE IF EXISTS {0}.{1}".format(
                quote_ident(self.schema), quote_ident(self.tmp_table)))
        except Exception:  # noqa: BLE001 - nothing more can be done; the name says what it is
            pass

    def _copy_to_database(self):
        """The staged GeoPackage into the new table ``tmp_table`` with GDAL's PostgreSQL driver."""
        from osgeo import gdal

        dsn = _dsn(QgsDataSourceUri(self.uri.uri(True)))  # an authentication configuration resolved in memory
        src = gdal.OpenEx(self.tmp_value, gdal.OF_VECTOR)
        if src is None or src.GetLayerCount() == 0:
            raise QgsProcessingException(tr("The output {0} wrote no data.").format(self.name))
        layer_name = src.GetLayer(0).GetName()
        options = ["-nln", "{0}.{1}".format(self.schema, self.tmp_table), "-lco", "LAUNDER=NO",
                   "-lco", "SPATIAL_INDEX=NONE", "-lco", "FID=fid", "-lco", "PRECISION=NO", layer_name]
        if self.geometry:
            options[0:0] = ["-lco", "GEOMETRY_NAME={0}".format(self.geom_column)]
        else:
            options[0:0] = ["-nlt", "NONE"]
        gdal.UseExceptions()
        try:
            out = gdal.VectorTranslate(dsn, src, options=options)
            if out is None:
                raise RuntimeError(gdal.GetLastErrorMsg())
            out = None
        except RuntimeError as err:
            raise QgsProcessingException(tr("Could not write the output {0} to the table {1}.{2}: {3}").format(
                self.name, self.schema, self.table, _safe(str(err))))
        finally:
            src = None

    def commit(self, feedback=None):
        """Close the sink; copy it into a new table; swap that in (one transaction); the final destination."""
        if self.sink is not None:
            self.sink.close()
        try:
            self._copy_to_database()
        except Exception:
            self.discard()
            raise
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        conn = self._conn()
        s, t, tmp = quote_ident(self.schema), quote_ident(self.table), quote_ident(self.tmp_table)
        statements = []
        if self.old_rows is not None:
            statements.append("DROP TABLE {0}.{1}".format(s, t))
        statements.append("ALTER TABLE {0}.{1} RENAME TO {2}".format(s, tmp, t))
        # the key column is ``fid`` (GDAL's default): outputs never carry an input field of that name (writers)
        sequence = _serial_sequence(conn, self.schema, self.tmp_table, "fid")
        if sequence:
            statements.append("ALTER SEQUENCE {0} RENAME TO {1}".format(
                sequence, quote_ident(self.table[:51] + "_fid_seq")))
        pkey = _primary_key_name(conn, self.schema, self.tmp_table)
        if pkey:
            statements.append("ALTER TABLE {0}.{1} RENAME CONSTRAINT {2} TO {3}".format(
                s, t, quote_ident(pkey), quote_ident((self.table[:58] + "_pkey"))))
        if self.geometry:
            statements.append("CREATE INDEX {0} ON {1}.{2} USING GIST ({3})".format(
                quote_ident(self.table[:55] + "_geom_idx"), s, t, quote_ident(self.geom_column)))
        try:
            # one string = one implicit transaction: all or nothing
            conn.executeSql(";\n".join(statements))
        except Exception as err:  # noqa: BLE001 - QgsProviderConnectionException
            self.discard()
            raise QgsProcessingException(tr(
                "The output {0} could not replace the table {1}.{2} (it is left as it was): {3}").format(
                self.name, self.schema, self.table, _safe(str(err))))
        if feedback is not None:
            if self.old_rows is not None:
                feedback.pushInfo(tr("Table {0}.{1} replaced (it had {2} rows).").format(
                    self.schema, self.table, self.old_rows))
            else:
                feedback.pushInfo(tr("Table {0}.{1} written.").format(self.schema, self.table))
        return self.final_value

    def final_dest(self, dest_id):
        return self.final_value


def _ssl_mode(uri):
    mode = uri.sslMode()
    names = {QgsDataSourceUri.SslMode.SslDisable: "disable", QgsDataSourceUri.SslMode.SslAllow: "allow",
             QgsDataSourceUri.SslMode.SslRequire: "require", QgsDataSourceUri.SslMode.SslVerifyCa: "verify-ca",
             QgsDataSourceUri.SslMode.SslVerifyFull: "verify-full"}
    return names.get(mode, "")


def _count(conn, schema, table):
    try:
        rows = conn.executeSql("SELECT count(*) FROM {0}.{1}".format(quote_ident(schema), quote_ident(table)))
        return int(rows[0][0])
    except Exception:  # noqa: BLE001 - the count is only for the log
        return 0


def _serial_sequence(conn, schema, table, column):
    """The (quoted, schema-qualified) sequence behind a serial column, or None."""
    try:
        rows = conn.executeSql("SELECT pg_get_serial_sequence({0}, {1})".format(
            _literal("{0}.{1}".format(quote_ident(schema), quote_ident(table))), _literal(column)))
    except Exception:  # noqa: BLE001
        return None
    return rows[0][0] if rows and rows[0][0] else None


def _primary_key_name(conn, schema, table):
    sql = ("SELECT con.conname FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid "
           "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE con.contype = 'p' AND n.nspname = {0} "
           "AND c.relname = {1}").format(_literal(schema), _literal(table))
    try:
        rows = conn.executeSql(sql)
    except Exception:  # noqa: BLE001
        return None
    return rows[0][0] if rows else None


def _literal(text):
    return "'{0}'".format(str(text).replace("'", "''"))


def _safe(text):
    """*text* without a password (``password='...'`` in a connection string)."""
    return re.sub(r"password=('(?:[^'\\]|\\.)*'|\S+)", "password=***", str(text))


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


def _dsn(uri):
    """``PG:...`` for GDAL from a :class:`QgsDataSourceUri` (in memory only: it may hold a resolved password)."""
    parts = []
    for key, value in (("service", uri.service()), ("host", uri.host()), ("port", uri.port()),
                       ("dbname", uri.database()), ("user", uri.username()), ("password", uri.password()),
                       ("sslmode", _ssl_mode(uri))):
        if value:
            parts.append("{0}='{1}'".format(key, str(value).replace("\\", "\\\\").replace("'", "\\'")))
    return "PG:" + " ".join(parts) if parts else None


def ogr_connection(layer):
    """``("PG:...", "schema.table(geom)")`` for GDAL, or None when the layer must be read through QGIS.

    A password or an authentication configuration of the layer is resolved here, in memory (the string is
    never logged or stored; see :func:`fast_layer`). None for a layer without table or geometry column.
    """
    uri = QgsDataSourceUri(layer.source())
    if not uri.table() or not uri.geometryColumn():
        return None
    dsn = _dsn(QgsDataSourceUri(uri.uri(True)))  # uri(True): an authcfg expanded to user/password
    if dsn is None:
        return None
    name = '{0}.{1}({2})'.format(uri.schema() or "public", uri.table(), uri.geometryColumn())
    return dsn, name


FAST_KEY_TYPES = ("int2", "int4", "smallint", "integer", "serial")


class QueryLayer:
    """The part of an OGR layer that the fast readers use, answered by ONE server-side query.

    ``SELECT <key>, ST_AsBinary(<geometry>) AS <geometry>, <the fields not ignored> FROM <table> WHERE (<sql>)``:
    the server sends the geometry as WKB (GDAL builds no geometry objects) and only the columns that are read.
    ``GetFIDColumn``/``GetGeometryColumn`` name the key and the geometry column of the table, whose values the
    query returns under those names; the rows come in the table's order, as QGIS's provider reads them.
    """

    def __init__(self, ds, table_layer, uri, subset):
        self._ds = ds
        self._table = table_layer
        self._uri = uri
        self._subset = subset
        self._ignored = set()

    def GetLayerDefn(self):  # noqa: N802 - OGR's name
        return self._table.GetLayerDefn()

    def GetFIDColumn(self):  # noqa: N802
        return self._table.GetFIDColumn()

    def GetGeometryColumn(self):  # noqa: N802
        return self._table.GetGeometryColumn()

    def SetIgnoredFields(self, names):  # noqa: N802
        self._ignored = set(names)
        return 0

    def sql(self):
        defn = self._table.GetLayerDefn()
        key, geom = self.GetFIDColumn(), self.GetGeometryColumn()
        fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
        columns = [quote_ident(key), "ST_AsBinary({0}) AS {0}".format(quote_ident(geom))]
        columns += [quote_ident(f) for f in fields if f not in self._ignored and f not in (key, geom)]
        text = "SELECT {0} FROM {1}.{2}".format(", ".join(columns), quote_ident(self._uri.schema() or "public"),
                                                quote_ident(self._uri.table()))
        if self._subset:
            text += " WHERE ({0})".format(self._subset)
        return text

    def GetArrowStreamAsNumPy(self, options=None):  # noqa: N802
        """Record batches of the query (a generator; the result set is released at its end)."""
        options = [o for o in (options or []) if not o.upper().startswith("INCLUDE_FID")]
        result = self._ds.ExecuteSQL(self.sql())
        if result is None:
            raise RuntimeError("query failed")
        try:
            for batch in result.GetArrowStreamAsNumPy(options=options + ["INCLUDE_FID=NO"]):
                yield batch
        finally:
            self._ds.ReleaseResultSet(result)


def fast_layer(layer, crs):
    """``(dataset, ogr layer, layer)`` for reading the PostGIS *layer* with GDAL's PostgreSQL driver, or None.

    The database fast path of the network, demand and facility readers (``readers.ogr_layer``):
    GDAL's Arrow stream over the PostgreSQL driver gives the same rows as QGIS's provider, when

    - the layer is in *crs* (QGIS would reproject; GDAL does not), not curved, not being edited;
    - its key is ONE integer column (``int2``/``int4``): QGIS's feature id is then the key value, and GDAL's
      FID is the same column (an ``int8`` or text key is mapped to running numbers by QGIS 3.22: declined);
      a view qualifies when GDAL finds the same key column (else QGIS reads it);
    - a ``sql=`` filter (the layer's subset string) is sent to the server unchanged as the WHERE clause, as
      QGIS's provider does.

    The rows are read by one server-side query (:class:`QueryLayer`), GDAL's table layer only names the fields.

    Any trouble (connection, names GDAL cannot open): None, and QGIS's provider reads the layer. GDAL's
    messages are silenced here: they would name the connection.
    """
    try:
        from osgeo import gdal
    except ImportError:
        return None
    if int(gdal.VersionInfo()) < 3060000 or layer.isEditable() or layer.crs() != crs:
        return None
    if QgsWkbTypes.isCurvedType(layer.wkbType()):
        return None
    pk = list(layer.dataProvider().pkAttributeIndexes())
    if len(pk) != 1:
        return None
    key = layer.fields().at(pk[0])
    if key.typeName().lower() not in FAST_KEY_TYPES:
        return None
    found = ogr_connection(layer)
    if found is None:
        return None
    dsn, name = found
    uri = QgsDataSourceUri(layer.source())
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        ds = gdal.OpenEx(dsn, gdal.OF_VECTOR | gdal.OF_READONLY)
        if ds is None:
            return None
        lyr = ds.GetLayerByName(name)
        if lyr is None or not hasattr(lyr, "GetArrowStreamAsNumPy"):
            return None
        if lyr.GetFIDColumn() != key.name() or lyr.GetGeometryColumn() != uri.geometryColumn():
            return None
        return ds, QueryLayer(ds, lyr, uri, layer.subsetString()), layer
    except Exception:  # noqa: BLE001 - QGIS's provider reads the layer
        return None
    finally:
        gdal.PopErrorHandler()


# ---------------------------------------------------------------------------
# QGIS projects stored in the database (Project -> Open From -> PostgreSQL)
def project_uri(service, schema, name):
    """The QGIS project storage URI ``postgresql:?service=...&schema=...&project=...`` (no password)."""
    from urllib.parse import quote

    return "postgresql:?service={0}&schema={1}&project={2}".format(
        quote(str(service), safe=""), quote(str(schema), safe=""), quote(str(name), safe=""))


class ProjectStoreError(RuntimeError):
    """The project could not be stored in the database (the message says why; never a password)."""


def write_project_to_database(project, service, schema, name):
    """Store *project* (a :class:`QgsProject`) in PostgreSQL as *name*; returns the project's URI.

    The database is the one of the ``service=`` entry *service* (pg_service.conf); QGIS keeps the project in the
    table ``qgis_projects`` of *schema* (created by QGIS on first use; the schema is created when missing). An
    existing project of that name is replaced. Colleagues open it with *Project → Open From → PostgreSQL*.

    A layer whose source holds a password is refused (the project XML would carry it): use ``service=`` or a
    QGIS authentication configuration (``authcfg=``), which stay references.
    """
    from qgis.core import QgsDataSourceUri

    for layer in project.mapLayers().values():
        source = layer.source() or ""
        if layer.providerType() in ("postgres", "postgresraster", "oracle", "mssql", "hana", "db2"):
            has_password = bool(QgsDataSourceUri(source).password())
        else:
            has_password = re.search(r"\bpassword\s*=", source, re.IGNORECASE) is not None
        if has_password:
            raise ProjectStoreError(tr(
                "The layer {0} holds a password in its source; the project would store it. Connect it through "
                "a service (pg_service.conf) or an authentication configuration instead.").format(layer.name()))
    uri = QgsDataSourceUri("service='{0}'".format(str(service).replace("\\", "\\\\").replace("'", "\\'")))
    try:
        conn = connection(uri)
        conn.executeSql("CREATE SCHEMA IF NOT EXISTS {0}".format(quote_ident(schema)))
    except Exception as err:  # noqa: BLE001 - QgsProviderConnectionException
        raise ProjectStoreError(tr("Could not prepare the schema {0} for the project {1}: {2}").format(
            schema, name, _safe(str(err))))
    target = project_uri(service, schema, name)
    if not project.write(target):
        raise ProjectStoreError(tr("Could not store the project {0} in {1}.qgis_projects: {2}").format(
            name, schema, _safe(project.error())))
    return target
