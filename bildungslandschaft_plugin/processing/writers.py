"""Writing results: output fields, checked sinks and atomic files (the one place that writes layers).

Policies (documented in docs/DEVELOPING.md):

* **Input ``fid``** – a field called ``fid`` (any case) is never written: it is the feature id of
  the input (a GeoPackage's primary key, or one exported by "Save as"), and every output numbers its
  own rows. GeoPackage takes a field ``fid`` as its primary key: copied from an input it rejected
  every repeated value (rows silently lost) and stopped at a text value.
* **Checked writes** – every ``addFeature(s)`` is checked; a failed write stops the run with the
  output's name, the feature and the driver's message.
* **Lists and maps** (OSM's ``@relations``, GeoJSON arrays) are written as JSON text.
* **Atomic files** – a file output is written into a hidden folder beside the target
  (``.<name>.<random>.part/<name>``) and moved to its name only when the algorithm finished;
  on an error or a cancel the folder is removed and an earlier file of that name is untouched.
* **PostGIS tables** – written into a new table beside the target and swapped in, in one transaction, when
  the algorithm finished (:class:`.postgis.PendingTable`): a failed or cancelled run leaves the earlier table as
  it was; the result has a primary key, a spatial index and (where the algorithm styles it) its style in
  ``layer_styles``.
* **GeoPackages with other layers** – an output ``.gpkg`` that already holds other layers keeps them:
  the new layer (named after the file, as QGIS names it) is written beside them, replacing only a
  layer of the same name (as QGIS's "Save to GeoPackage" does). An output that is one of the input
  files is refused before anything runs (:func:`output_same_as_input`).
"""

import os
import shutil
import tempfile

import numpy as np
from qgis.core import (
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameters,
    QgsProperty,
)
from .. import compat

from ..translation import tr
from .base import Progress, check_canceled, require_sink
from .values import text_value

#: the field name (compared without case) that is never written (see the module doc)
FID_NAME = "fid"

_LIST_TYPES = {compat.FIELD_LIST, compat.FIELD_STRINGLIST, compat.FIELD_MAP, compat.FIELD_HASH}

_FILE_DESTINATIONS = ("sink", "vectorDestination", "rasterDestination", "fileDestination")
_NOT_FILES = ("memory:", "TEMPORARY_OUTPUT", "ogr:", "postgres:", "postgis:", "spatialite:", "mssql:", "oracle:",
              "hana:", "delimitedtext:")


# -- output fields -------------------------------------------------------------
def unique_name(names, name):
    """*name*, or ``name_2``, ``name_3`` ... – the first one not in *names* (compared without case)."""
    taken = {n.lower() for n in names}
    if name.lower() not in taken:
        return name
    k = 2
    while "{}_{}".format(name, k).lower() in taken:
        k += 1
    return "{}_{}".format(name, k)


def added_field_name(taken, name, layer_name, feedback=None):
    """The field-name policy for data added from another layer or table (sums, interpolated values, joined
    columns): *name*, or ``name_2``, ``name_3`` … when the output already has it (with a warning).

    *taken*: the names already in the output (a list, extended here). Result fields computed by an
    algorithm (cost, status, index …) instead replace an input field of the same name, with a warning
    (:func:`output_fields`).
    """
    out = unique_name(taken, name)
    taken.append(out)
    if out != name and feedback is not None:
        feedback.pushWarning(tr("Field '{0}' is written as '{1}' (layer {2} already has a field of that "
                                "name).").format(name, out, layer_name))
    return out


def sink_fields(fields):
    """``(fields for the sink, indices of list/map fields, indices kept or None when all are)``.

    A field ``fid`` is left out, lists and maps become text fields; the order of the others is kept.
    """
    out = QgsFields()
    as_text = []
    keep = []
    for i, f in enumerate(fields):
        if f.name().lower() == FID_NAME:
            continue
        keep.append(i)
        g = QgsField(f)
        if f.type() in _LIST_TYPES:
            g = QgsField(g.name(), compat.FIELD_STRING, "String", 0, 0, g.comment())
            as_text.append(i)
        out.append(g)
    return out, as_text, (None if len(keep) == fields.count() else keep)


# -- checked sink -------------------------------------------------------------
class CheckedSink:
    """A feature sink whose every write is checked (see the module doc).

    Has ``addFeature``/``addFeatures`` like ``QgsFeatureSink`` (returning True or raising), ``count``
    (rows written) and ``close()`` (flushes and closes the file; the algorithm base class calls it).
    """

    def __init__(self, sink, name, dest_id, as_text=(), keep=None):
        self._sink = sink
        self.name = name
        self.dest_id = dest_id
        self.as_text = list(as_text)
        self.keep = keep
        self.count = 0

    def _prepare(self, feature):
        if self.as_text or self.keep is not None:
            attrs = feature.attributes()
            for i in self.as_text:
                if i < len(attrs):
                    attrs[i] = text_value(attrs[i])
            if self.keep is not None:
                n = len(attrs)
                attrs = [attrs[i] if i < n else None for i in self.keep]
            feature.setAttributes(attrs)
        return feature

    def _label(self, feature, offset=0):
        fid = feature.id()
        if fid is not None and fid >= 0:
            return tr("input feature {0}").format(fid)
        return tr("row {0}").format(self.count + offset + 1)

    def _error(self, label):
        message = ""
        last_error = getattr(self._sink, "lastError", None)
        if last_error is not None:
            try:
                message = last_error() or ""
            except TypeError:
                message = ""
        return QgsProcessingException(
            tr("Could not write {0} to the output {1}: {2}").format(
                label, self.name, message or tr("the data source refused the feature")))

    def addFeature(self, feature, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API name)
        if self._sink is None:
            raise QgsProcessingException(tr("The output {0} is already closed.").format(self.name))
        if not self._sink.addFeature(self._prepare(feature), flags):
            raise self._error(self._label(feature))
        self.count += 1
        return True

    def addFeatures(self, features, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API name)
        if self._sink is None:
            raise QgsProcessingException(tr("The output {0} is already closed.").format(self.name))
        features = list(features)
        if not features:
            return True
        if self.as_text or self.keep is not None:
            features = [self._prepare(f) for f in features]
        if not self._sink.addFeatures(features, flags):
            raise self._error(tr("one of the rows {0}–{1}").format(self.count + 1, self.count + len(features)))
        self.count += len(features)
        return True

    def lastError(self):  # noqa: N802 (QGIS API name)
        return self._sink.lastError() if self._sink is not None and hasattr(self._sink, "lastError") else ""

    def flushBuffer(self):  # noqa: N802 (QGIS API name)
        return self._sink.flushBuffer() if self._sink is not None else True

    def close(self):
        """Flush and close the underlying sink (the file is complete afterwards)."""
        sink, self._sink = self._sink, None
        if sink is not None:
            try:
                sink.flushBuffer()
            finally:
                del sink


class DiscardSink:
    """The sink of a secondary output nobody asked for: takes every feature and keeps none."""

    def __init__(self, name):
        self.name = name
        self.dest_id = None
        self.count = 0

    def addFeature(self, feature, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API name)
        self.count += 1
        return True

    def addFeatures(self, features, flags=QgsFeatureSink.Flag.FastInsert):  # noqa: N802 (QGIS API name)
        self.count += len(list(features))
        return True

    def lastError(self):  # noqa: N802 (QGIS API name)
        return ""

    def flushBuffer(self):  # noqa: N802 (QGIS API name)
        return True

    def close(self):
        pass


# -- atomic file outputs ---------------------------------------------------------
def _static_value(value):
    sink = getattr(value, "sink", None)  # QgsProcessingOutputLayerDefinition
    if sink is not None:
        return sink.staticValue()
    return value


def output_file(value):
    """The file path an output parameter value names, or None (temporary, memory, database outputs)."""
    value = _static_value(value)
    if not isinstance(value, str) or not value:
        return None
    if value.startswith(_NOT_FILES) or "|" in value or "://" in value:
        return None
    return value


class _PendingFile:
    """One file output written into a hidden folder beside its target."""

    def __init__(self, name, final_path):
        self.name = name
        self.final_path = os.path.abspath(final_path)
        self.folder = os.path.dirname(self.final_path)
        base = os.path.basename(self.final_path)
        try:
            self.tmpdir = tempfile.mkdtemp(prefix=".{}.".format(base), suffix=".part", dir=self.folder)
        except OSError as err:
            raise QgsProcessingException(
                tr("Could not write the output {0} into the folder {1}: {2}").format(
                    name, self.folder, err.strerror or err))
        self.tmp_path = os.path.join(self.tmpdir, base)
        self.sink = None
        self.tmp_dest = None

    def discard(self):
        if self.sink is not None:
            try:
                self.sink.close()
            except Exception:  # noqa: BLE001 - the run already failed; remove what is left
                pass
        shutil.rmtree(self.tmpdir, ignore_errors=True)

    def final_dest(self, dest_id):
        if dest_id and dest_id.startswith(self.tmpdir + os.sep):
            return os.path.join(self.folder, dest_id[len(self.tmpdir) + 1:])
        return dest_id

    def commit(self, feedback=None):
        """Close the sink, move the files into place; the final destination id."""
        if self.sink is not None:
            self.sink.close()
        written = sorted(os.listdir(self.tmpdir))
        if not written:
            raise QgsProcessingException(tr("The output {0} wrote no file.").format(self.name))
        dest = self.final_dest(self.tmp_dest)
        main = os.path.join(self.tmpdir, os.path.basename(dest.split("|")[0]))
        main_final = os.path.join(self.folder, os.path.basename(main))
        if main.lower().endswith(".gpkg") and os.path.exists(main_final):
            dest = _merge_geopackage(self, main, main_final) or dest
        else:
            stem = os.path.splitext(os.path.basename(main))[0]
            if main.lower().endswith(".shp"):
                # an older shapefile's companions (.cpg, .qix ...) would not fit the new one
                for ext in (".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qmd", ".shp.xml"):
                    old = os.path.join(self.folder, stem + ext)
                    if os.path.exists(old) and stem + ext not in written:
                        os.remove(old)
            try:
                for f in written:
                    os.replace(os.path.join(self.tmpdir, f), os.path.join(self.folder, f))
            except OSError as err:
                raise QgsProcessingException(
                    tr("Could not move the output {0} to {1}: {2}").format(self.name, self.final_path, err))
        shutil.rmtree(self.tmpdir, ignore_errors=True)
        base = dest.split("|")[0]
        if base.lower().endswith(".shp") and not os.path.exists(base) and os.path.exists(base[:-4] + ".dbf"):
            dest = base[:-4] + ".dbf"  # a table without geometry: the shapefile driver writes only the .dbf
        return dest


def _gpkg_layer_names(path):
    from osgeo import ogr

    ds = ogr.Open(path)
    if ds is None:
        return None
    try:
        return [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    finally:
        ds = None


def _merge_geopackage(pending, new_path, final_path):
    """Put the layer of *new_path* into the existing GeoPackage *final_path* beside its other layers.

    Works on a copy that replaces *final_path* at the end, so a failure leaves the old file as it was.
    Returns the destination id (``path|layername=name``) or None when *final_path* had no other layers.
    """
    from osgeo import gdal

    new_layers = _gpkg_layer_names(new_path) or []
    old_layers = _gpkg_layer_names(final_path)
    if old_layers is None or not new_layers or set(old_layers) <= set(new_layers):
        os.replace(new_path, final_path)  # not a GeoPackage we can read, or only our own layer: replace it
        for f in os.listdir(pending.tmpdir):
            os.replace(os.path.join(pending.tmpdir, f), os.path.join(pending.folder, f))
        return None
    layer = new_layers[0]
    merged = os.path.join(pending.tmpdir, ".merged.gpkg")
    try:
        shutil.copy2(final_path, merged)
        options = gdal.VectorTranslateOptions(format="GPKG", accessMode="overwrite", layerName=layer,
                                              layers=[layer])
        result = gdal.VectorTranslate(merged, new_path, options=options)
        if result is None:
            raise OSError(gdal.GetLastErrorMsg())
        result = None
        os.replace(merged, final_path)
    except (OSError, RuntimeError) as err:
        raise QgsProcessingException(
            tr("Could not add the layer {0} to the GeoPackage {1}: {2}").format(layer, final_path, err))
    kept = [n for n in old_layers if n != layer]
    return "{}|layername={}".format(final_path, layer) if kept else final_path


def _pending(alg):
    pending = getattr(alg, "_bl_pending_outputs", None)
    if pending is None:
        pending = []
        alg._bl_pending_outputs = pending
    return pending


def open_sink(alg, parameters, name, context, fields, geometry_type, crs, required=True):
    """``(CheckedSink, destination id)`` for the output *name*; ``(None, None)`` for an optional output not asked for.

    File outputs are written atomically (see the module doc); the algorithm base class moves them
    into place when ``processAlgorithm`` has finished.
    """
    from . import postgis

    out_fields, as_text, keep = sink_fields(fields)
    parameters = postgis.table_destination(parameters, name, geometry_type)
    value = parameters.get(name)
    path = output_file(value)
    pending = None
    params = parameters
    if path is None and postgis.is_postgres_destination(value):
        pending = postgis.PendingTable(name, value, geometry_type)
        params = dict(parameters)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            definition = QgsProcessingOutputLayerDefinition(value)
            definition.sink = QgsProperty.fromValue(pending.tmp_value)
            params[name] = definition
        else:
            params[name] = pending.tmp_value
    elif path is not None:
        pending = _PendingFile(name, path)
        params = dict(parameters)
        if isinstance(value, QgsProcessingOutputLayerDefinition):
            definition = QgsProcessingOutputLayerDefinition(value)
            definition.sink = QgsProperty.fromValue(pending.tmp_path)
            params[name] = definition
        else:
            params[name] = pending.tmp_path
    try:
        sink, dest_id = alg.parameterAsSink(params, name, context, out_fields, geometry_type, crs)
    except Exception:
        if pending is not None:
            pending.discard()
        raise
    if sink is None:
        if pending is not None:
            pending.discard()
        if not required and value in (None, ""):
            return None, None
        raise QgsProcessingException(tr("Could not create the output {0}.").format(name))
    checked = CheckedSink(sink, name, dest_id, as_text, keep)
    if pending is not None:
        pending.sink = checked
        pending.tmp_dest = dest_id
        _pending(alg).append(pending)
    return checked, dest_id


def finish_outputs(alg, results, context, feedback=None):
    """Move the pending file outputs (and PostGIS tables) into place; fix *results* and the layers QGIS loads."""
    pending = _pending(alg)
    alg._bl_pending_outputs = []
    renamed = {}
    try:
        while pending:
            p = pending.pop(0)
            renamed[p.tmp_dest] = p.commit(feedback)
    except Exception:
        for p in pending:
            p.discard()
        raise
    alg._bl_final_dests = dict(renamed)
    results = drop_unasked_outputs(alg, results)
    if not renamed:
        return results
    loads = context.layersToLoadOnCompletion()
    changed = False
    for old, new in renamed.items():
        if old in loads and old != new:
            loads[new] = loads.pop(old)
            changed = True
    if changed:
        context.setLayersToLoadOnCompletion(loads)
    if isinstance(results, dict):
        results = {k: renamed.get(v, v) if isinstance(v, str) else v for k, v in results.items()}
    return results


def final_destination(alg, dest_id):
    """The destination *dest_id* (as the sink gave it) after the outputs were moved into place.

    For ``postProcessAlgorithm`` (styles): the sink wrote into a temporary file or table that
    :func:`finish_outputs` moved to the output's name.
    """
    return getattr(alg, "_bl_final_dests", {}).get(dest_id, dest_id)


def drop_unasked_outputs(alg, results):
    """*results* without the secondary outputs that were not asked for (their value is None)."""
    if not isinstance(results, dict):
        return results
    destinations = {d.name() for d in alg.destinationParameterDefinitions()}
    return {k: v for k, v in results.items() if not (k in destinations and v is None)}


def discard_outputs(alg):
    """Remove every pending file output (after an error or a cancel)."""
    pending = _pending(alg)
    alg._bl_pending_outputs = []
    for p in pending:
        p.discard()


# -- outputs that would overwrite inputs ----------------------------------------
def _input_files(alg, parameters, context):
    files = {}
    for definition in alg.parameterDefinitions():
        if definition.isDestination():
            continue
        name = definition.name()
        if parameters.get(name) in (None, ""):
            continue
        sources = []
        kind = definition.type()
        try:
            if kind in ("source", "vector", "raster", "layer", "mesh", "pointcloud"):
                layer = QgsProcessingParameters.parameterAsLayer(definition, parameters, context)
                if layer is not None:
                    sources.append(layer.source())
            elif kind == "multilayer":
                for layer in QgsProcessingParameters.parameterAsLayerList(definition, parameters, context) or []:
                    sources.append(layer.source())
            elif kind == "file":
                sources.append(QgsProcessingParameters.parameterAsFile(definition, parameters, context))
        except Exception:  # noqa: BLE001 - a bad input is reported by the algorithm itself
            continue
        for s in sources:
            p = (s or "").split("|")[0]
            if p and os.path.exists(p):
                files[os.path.realpath(p)] = name
    return files


def output_same_as_input(alg, parameters, context):
    """``(output name, input name, path)`` of the first file output that is also an input file, else None."""
    outputs = []
    for definition in alg.destinationParameterDefinitions():
        if definition.type() not in _FILE_DESTINATIONS:
            continue
        value = _static_value(parameters.get(definition.name()))
        path = output_file(value)
        if path:
            outputs.append((definition.name(), os.path.realpath(path)))
    if not outputs:
        return None
    inputs = _input_files(alg, parameters, context)
    for name, path in outputs:
        if path in inputs:
            return name, inputs[path], path
    return None


def table_same_as_input(alg, parameters, context):
    """``(output name, input name, table)`` of the first PostGIS output that names an input table, else None."""
    from . import postgis

    outputs = [(d.name(), _static_value(parameters.get(d.name()))) for d in alg.destinationParameterDefinitions()]
    outputs = [(n, v) for n, v in outputs if postgis.is_postgres_destination(v)]
    if not outputs:
        return None
    for definition in alg.parameterDefinitions():
        if definition.isDestination() or parameters.get(definition.name()) in (None, ""):
            continue
        if definition.type() not in ("source", "vector", "layer"):
            continue
        try:
            layer = QgsProcessingParameters.parameterAsLayer(definition, parameters, context)
        except Exception:  # noqa: BLE001 - a bad input is reported by the algorithm itself
            continue
        if layer is None or layer.providerType() != "postgres":
            continue
        for out_name, value in outputs:
            if postgis.same_table(value, layer.source()):
                return out_name, definition.name(), postgis.table_label(layer.source())
    return None



# -- writing features (moved from network_params) ------------------------------------
def output_fields(source_fields, extra, feedback=None, layer_name=""):
    """Fields of the input without the names in *extra* (case-insensitive), then *extra*.

    With *feedback* every input field so replaced is named in a warning.
    """
    from qgis.core import QgsFields

    names = {f.name().lower() for f in extra}
    fields = QgsFields()
    keep = []
    for i, f in enumerate(source_fields):
        if f.name().lower() == FID_NAME:
            continue  # the input's feature id is never written (module doc)
        if f.name().lower() in names:
            if feedback is not None:
                feedback.pushWarning(tr("Field '{0}' of {1} is replaced by the output field of the same "
                                        "name.").format(f.name(), layer_name))
            continue
        fields.append(f)
        keep.append(i)
    for f in extra:
        fields.append(f)
    return fields, keep


def out_feature(fields, feat, keep, extra_values):
    """A new feature of *fields*: the geometry of *feat*, its attributes at *keep*, then *extra_values*."""
    from qgis.core import QgsFeature

    out = QgsFeature(fields)
    out.setGeometry(feat.geometry())
    attrs = feat.attributes()
    out.setAttributes([attrs[i] for i in keep] + list(extra_values))
    return out


def new_field(name, vtype, length=0, precision=0):
    from qgis.core import QgsField

    return QgsField(name, vtype, len=length, prec=precision)


def write_features(sink, features, keep, columns, progress, feedback, fids=None, chunk=10000):
    """Add *features* to *sink* with the input attributes at *keep* followed by *columns*.

    The features (copies from ``getFeatures``) get their new attributes in place –
    the input layer is not touched – and go to the sink in chunks with ``FastInsert``.
    *columns*: lists with one value per row. With *fids* (the feature id of every
    row, e.g. from :func:`read_points_fast`) the features may come straight from
    ``source.getFeatures()``: each is matched to its row by its id.
    """
    from qgis.core import QgsFeatureSink

    keep = list(keep)
    keep_all = keep == list(range(len(keep)))
    drop_first = not keep_all and keep == list(range(1, len(keep) + 1))  # e.g. a GeoPackage's fid left out
    n_keep, n_extra = len(keep), len(columns)
    fid_list = None if fids is None else [int(f) for f in np.asarray(fids).tolist()]
    row_of = None
    n_rows = len(columns[0]) if columns else 0
    out = []
    written = 0
    for k, feat in enumerate(features):
        r = k
        if fid_list is not None:
            fid = feat.id()
            if k >= n_rows or fid_list[k] != fid:
                if row_of is None:
                    row_of = {f: i for i, f in enumerate(fid_list)}
                r = row_of.get(fid)
                if r is None:
                    raise QgsProcessingException(
                        tr("Feature {0} was not there when the layer was read; was the layer changed "
                           "during the run?").format(fid))
        if keep_all or drop_first:
            # the input attributes stay where they are (no round trip through Python)
            if drop_first:
                feat.deleteAttribute(0)
            feat.resizeAttributes(n_keep + n_extra)
            for j in range(n_extra):
                feat.setAttribute(n_keep + j, columns[j][r])
        else:
            attrs = feat.attributes()
            feat.setAttributes([attrs[i] for i in keep] + [col[r] for col in columns])
        out.append(feat)
        if len(out) >= chunk:
            written += len(out)
            sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
            out = []
            if not progress.tick(chunk):
                check_canceled(feedback)
    if out:
        written += len(out)
        sink.addFeatures(out, QgsFeatureSink.Flag.FastInsert)
        progress.tick(len(out))
    check_canceled(feedback)
    if fid_list is not None and written != n_rows:
        raise QgsProcessingException(
            tr("The layer had {0} features when it was read and {1} when the results were written; "
               "was it changed during the run?").format(n_rows, written))
    return written


def id_field(name, vtype):
    """An output field for ids of type *vtype* (text ids 254 characters long)."""
    from qgis.core import QgsField

    if vtype == compat.FIELD_STRING:
        return QgsField(name, compat.FIELD_STRING, len=254)
    return QgsField(name, vtype)


def write_columns(alg, parameters, context, feedback, name, source, fids, feats, extra, columns, progress=(0.0, 100.0),
                  open_sink=None):
    """Write *source*'s features with the new fields *extra* filled from *columns* (one list per field) to the
    output *name*; ``dest_id``. *feats* None: the features are streamed from *source* and matched by *fids*
    (:func:`write_features`). *open_sink*: ``base.require_sink`` (default) or another sink opener. An input
    field replaced by a new one is reported (:func:`output_fields`)."""
    fields, keep = output_fields(source.fields(), extra, feedback, source.sourceName())
    sink, dest = (open_sink or require_sink)(alg, parameters, name, context, fields, source.wkbType(),
                                             source.sourceCrs())
    write_features(sink, source.getFeatures() if feats is None else feats, keep, columns,
                   Progress(feedback, len(fids), *progress), feedback, fids=fids if feats is None else None)
    return dest


def write_rows(alg, parameters, context, name, source, feats, extra, columns, open_sink=None, feedback=None,
               layer_name="", progress=None):
    """One output feature per feature of *feats* (geometry and input fields of *source*) with the new fields
    *extra* filled from *columns* (one list per field); ``dest_id``. An input field replaced by a new one is
    reported to *feedback* (:func:`output_fields`, naming *layer_name* or the source); with a
    :class:`.base.Progress` *progress* every row ticks it (and a cancel stops the run)."""
    fields, keep = output_fields(source.fields(), extra, feedback, layer_name or source.sourceName())
    sink, dest = (open_sink or require_sink)(alg, parameters, name, context, fields, source.wkbType(),
                                             source.sourceCrs())
    rows = zip(*columns) if columns else ([] for _ in feats)
    for feat, row in zip(feats, rows):  # one by one: a cancel between two rows stops the run
        sink.addFeature(out_feature(fields, feat, keep, list(row)), QgsFeatureSink.Flag.FastInsert)
        if progress is not None and not progress.tick():
            check_canceled(feedback)
    return dest


def write_single_row(alg, parameters, context, name, fields, values, crs, open_sink=None):
    """A table output *name* (no geometry) with one row: *fields* (``QgsField`` list) and *values*;
    ``dest_id``."""
    from qgis.core import QgsFeature, QgsWkbTypes

    table = QgsFields()
    for field in fields:
        table.append(field)
    sink, dest = (open_sink or require_sink)(alg, parameters, name, context, table, QgsWkbTypes.Type.NoGeometry, crs)
    row = QgsFeature(table)
    row.setAttributes(list(values))
    sink.addFeature(row, QgsFeatureSink.Flag.FastInsert)
    return dest


# -- end of network/point readers


# -- area/table writers (social family)
def _sink_for(alg, parameters, name, context, fields, geometry_type, crs, kind):
    """``(sink, dest id)``: *kind* "required" (main output), "secondary" (created by default, may be left
    out: a discarding sink) or "optional" (``(None, None)`` when not asked for)."""
    from .base import secondary_sink

    if kind == "secondary":
        return secondary_sink(alg, parameters, name, context, fields, geometry_type, crs)
    return open_sink(alg, parameters, name, context, fields, geometry_type, crs, required=(kind == "required"))


def _write_rows(sink, features, fields, make_attrs, feedback, progress):
    from qgis.core import QgsFeature

    from .base import Progress

    tick = Progress(feedback, len(features), *progress)
    for i, feat in enumerate(features):
        out = QgsFeature(fields)
        out.setGeometry(feat.geometry())
        out.setAttributes(make_attrs(i, feat))
        sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        if not tick.tick():
            check_canceled(feedback)
    check_canceled(feedback)


def write_result_fields(alg, parameters, context, source, features, new_fields, columns, feedback,
                        progress=(70.0, 100.0), name="OUTPUT", kind="required"):
    """Write *features* of *source* with computed result fields; the destination id.

    The input fields come first (a result field replaces an input field of the same name, with a warning:
    :func:`output_fields`), then *new_fields*, filled from *columns* (one sequence per new field, one value
    per feature; NaN/inf are written as NULL, :func:`.values.python_value`).
    """
    from .values import python_value

    fields, keep = output_fields(source.fields(), new_fields, feedback, source.sourceName())
    sink, dest_id = _sink_for(alg, parameters, name, context, fields, source.wkbType(), source.sourceCrs(), kind)
    if sink is None:
        return None

    def attrs(i, feat):
        values = feat.attributes()
        return [values[k] for k in keep] + [python_value(col[i]) for col in columns]

    _write_rows(sink, features, fields, attrs, feedback, progress)
    return dest_id


def write_added_fields(alg, parameters, context, source, features, added, columns, feedback,
                       progress=(90.0, 100.0), name="OUTPUT", kind="required"):
    """Write *features* of *source* with data added from another layer or table; the destination id.

    Every input field is kept; each added field ``(name, type)`` of *added* follows, named by the
    added-data policy (``name_2``, ``name_3`` … when taken, with a warning: :func:`added_field_name`)
    and filled from *columns* (one sequence per added field, one value per feature; NaN/inf -> NULL).
    """
    from .values import python_value

    fields = QgsFields(source.fields())
    taken = [f.name() for f in source.fields()]
    for field_name, vtype in added:
        fields.append(QgsField(added_field_name(taken, field_name, source.sourceName(), feedback), vtype))
    sink, dest_id = _sink_for(alg, parameters, name, context, fields, source.wkbType(), source.sourceCrs(), kind)
    if sink is None:
        return None

    def attrs(i, feat):
        return list(feat.attributes()) + [python_value(col[i]) for col in columns]

    _write_rows(sink, features, fields, attrs, feedback, progress)
    return dest_id


def write_table(alg, parameters, context, name, columns, rows, crs, kind="secondary", geometries=None,
                geometry_type=None):
    """A table output *name*: *columns* ``[(field name, type)]`` or ``(name, type, length)``, *rows* (lists of
    values, NaN/inf -> NULL); without *geometries* (one QgsGeometry or None per row) it has no geometry.
    Returns the destination id (None for an output not asked for)."""
    from qgis.core import QgsFeature, QgsWkbTypes

    from .values import python_value

    fields = QgsFields()
    for spec in columns:
        fields.append(QgsField(spec[0], spec[1], len=spec[2] if len(spec) > 2 else 0))
    gtype = geometry_type if geometry_type is not None else QgsWkbTypes.Type.NoGeometry
    sink, dest_id = _sink_for(alg, parameters, name, context, fields, gtype, crs, kind)
    if sink is None:
        return None
    for r, row in enumerate(rows):
        feat = QgsFeature(fields)
        if geometries is not None and geometries[r] is not None:
            feat.setGeometry(geometries[r])
        feat.setAttributes([python_value(v) for v in row])
        sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
    return dest_id
