"""Dialog "Sozialdaten verknüpfen": join a statistics table to districts, with a live preview.

It reads and parses the table with the same core code as the algorithm
(``core.socialtable``) for the preview and the match statistics, and runs
``bildungslandschaft:joinsocialdata`` for the result.
"""

import math
import os

from qgis.core import (
    QgsFieldProxyModel,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsSettings,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import QgsFileWidget
from qgis.PyQt import uic
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtWidgets import QApplication, QComboBox, QDialog, QDialogButtonBox, QHeaderView, QTableWidgetItem

from ..core import socialtable as st
from ..processing import ids
from ..processing.table_readers import DELIMITER_VALUES, ENCODING_OPTIONS, load_raw_table
from ..translation import tr
from ..rendering.styles import style_joined_layer

FORM_CLASS, _ = uic.loadUiType(os.path.join(os.path.dirname(__file__), "join_dialog.ui"))
SETTINGS = "bildungslandschaft/join_dialog/"
PREVIEW_ROWS = 200


class FrameModel(QAbstractTableModel):
    """Read-only table model over a list of column names and rows."""

    def __init__(self, columns=None, rows=None, parent=None):
        super().__init__(parent)
        self.columns = list(columns or [])
        self.rows = list(rows or [])

    def set_data(self, columns, rows):
        self.beginResetModel()
        self.columns = list(columns)
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802,B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None or (isinstance(value, float) and math.isnan(value)):
                return "NULL"
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            return str(value)
        if role == Qt.ItemDataRole.ForegroundRole and (value is None or (isinstance(value, float) and math.isnan(value))):
            from qgis.PyQt.QtGui import QColor

            return QColor("#999999")
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and section < len(self.columns):
            return self.columns[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None


class JoinDialog(QDialog, FORM_CLASS):
    """The dialog. ``iface`` may be None (tests)."""

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.iface = iface
        self.raw = None
        self.parsed = None
        self.match = None
        self.result_layer = None
        self._loading = False
        self.model = FrameModel(parent=self)
        self.previewView.setModel(self.model)

        self.fileWidget.setFilter(tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm *.ods);;All files (*)"))
        self.fileWidget.setDialogTitle(tr("Statistics table"))
        self.outputWidget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.outputWidget.setFilter(tr("GeoPackage (*.gpkg)"))
        self.tableLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.tableLayerCombo.setAllowEmptyLayer(True)
        self.districtCombo.setFilters(QgsMapLayerProxyModel.Filter.PolygonLayer)
        self.districtKeyCombo.setFilters(QgsFieldProxyModel.Filter.AllTypes)
        self.encodingCombo.addItems([tr("auto"), "UTF-8", "Windows-1252"])
        self.delimiterCombo.addItems([tr("auto"), ";", ",", tr("tab")])
        self.decimalCombo.addItems([tr("auto"), tr("comma"), tr("point")])
        self.keyWidthSpin.setSpecialValueText(tr("as is"))
        self.fieldsTable.setColumnCount(2)
        self.fieldsTable.setHorizontalHeaderLabels([tr("Table column"), tr("Name in the result")])
        self.fieldsTable.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.fieldsTable.verticalHeader().setVisible(False)
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Join"))
        self.missingCodesEdit.setToolTip(tr(
            "Numbers that mean 'no value' (separated by ';'), e.g. -9999. They become NULL where the column "
            "cannot take that value."))
        self.headerCombo.setToolTip(tr("Row with the column names; 'detected' takes the row of short names above "
                                       "the first data row."))
        for combo in (self.tableKeyCombo, self.yearFieldCombo, self.headerCombo, self.sheetCombo):
            # long column names must not widen the dialog beyond the screen
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        self.fit_to_screen()

        self._restore_settings()

        self.fileWidget.fileChanged.connect(self._source_changed)
        self.fileRadio.toggled.connect(self._source_changed)
        self.tableLayerCombo.layerChanged.connect(self._source_changed)
        self.sheetCombo.currentIndexChanged.connect(self._reload)
        self.headerCombo.currentIndexChanged.connect(self._header_changed)
        self.missingCodesEdit.editingFinished.connect(self._reparse)
        self.encodingCombo.currentIndexChanged.connect(self._reload)
        self.delimiterCombo.currentIndexChanged.connect(self._reload)
        self.decimalCombo.currentIndexChanged.connect(self._reparse)
        self.tableKeyCombo.currentIndexChanged.connect(self._reparse)
        self.keyWidthSpin.valueChanged.connect(self._reparse)
        self.yearFieldCombo.currentIndexChanged.connect(self._year_field_changed)
        self.yearCombo.currentIndexChanged.connect(self._reparse)
        self.wideCheck.toggled.connect(self._reparse)
        self.districtCombo.layerChanged.connect(self._district_changed)
        self.districtKeyCombo.fieldChanged.connect(self._update_match)
        self.buttonBox.accepted.connect(self.run_join)
        self.buttonBox.rejected.connect(self.reject)
        self._district_changed()
        self._source_changed()

    # -- settings ------------------------------------------------------------
    def _restore_settings(self):
        s = QgsSettings()
        self._loading = True
        self.fileWidget.setFilePath(s.value(SETTINGS + "file", ""))
        self.encodingCombo.setCurrentIndex(int(s.value(SETTINGS + "encoding", 0)))
        self.delimiterCombo.setCurrentIndex(int(s.value(SETTINGS + "delimiter", 0)))
        self.decimalCombo.setCurrentIndex(int(s.value(SETTINGS + "decimal", 0)))
        self.keyWidthSpin.setValue(int(s.value(SETTINGS + "key_width", 0)))
        self.wideCheck.setChecked(s.value(SETTINGS + "wide", False, type=bool))
        self.missingCodesEdit.setText(s.value(SETTINGS + "missing_codes", st.DEFAULT_MISSING_CODES_TEXT))
        self.outputWidget.setFilePath(s.value(SETTINGS + "output", ""))
        self._wanted = {"table_key": s.value(SETTINGS + "table_key", ""),
                        "year_field": s.value(SETTINGS + "year_field", ""),
                        "sheet": s.value(SETTINGS + "sheet", ""),
                        "district_key": s.value(SETTINGS + "district_key", "")}
        name = s.value(SETTINGS + "district_layer", "")
        if name:
            found = QgsProject.instance().mapLayersByName(name)
            if found:
                self.districtCombo.setLayer(found[0])
        self._loading = False

    def save_settings(self):
        s = QgsSettings()
        s.setValue(SETTINGS + "file", self.fileWidget.filePath())
        s.setValue(SETTINGS + "encoding", self.encodingCombo.currentIndex())
        s.setValue(SETTINGS + "delimiter", self.delimiterCombo.currentIndex())
        s.setValue(SETTINGS + "decimal", self.decimalCombo.currentIndex())
        s.setValue(SETTINGS + "key_width", self.keyWidthSpin.value())
        s.setValue(SETTINGS + "wide", self.wideCheck.isChecked())
        s.setValue(SETTINGS + "missing_codes", self.missingCodesEdit.text())
        s.setValue(SETTINGS + "output", self.outputWidget.filePath())
        s.setValue(SETTINGS + "table_key", self.tableKeyCombo.currentText())
        s.setValue(SETTINGS + "year_field", self.yearFieldCombo.currentText())
        s.setValue(SETTINGS + "sheet", self.sheetCombo.currentText())
        s.setValue(SETTINGS + "district_key", self.districtKeyCombo.currentField())
        layer = self.districtCombo.currentLayer()
        s.setValue(SETTINGS + "district_layer", layer.name() if layer else "")

    def fit_to_screen(self):
        """Keep the dialog within the available screen area (its columns scroll inside)."""
        screen = self.screen() if hasattr(self, "screen") else None
        if screen is None:
            screen = QApplication.primaryScreen()
        if screen is None:
            return
        avail = screen.availableGeometry()
        self.setMaximumSize(avail.width(), avail.height())
        self.resize(min(self.width(), avail.width()), min(self.height(), avail.height()))

    # -- reading ---------------------------------------------------------------
    def table_value(self):
        if self.fileRadio.isChecked():
            return self.fileWidget.filePath()
        return self.tableLayerCombo.currentLayer()

    def _source_changed(self, *_args):
        if self._loading:
            return
        self._loading = True
        self.sheetCombo.clear()
        value = self.table_value()
        if isinstance(value, str) and os.path.splitext(value)[1].lower() in st.SPREADSHEET_EXTENSIONS \
                and os.path.isfile(value):
            try:
                self.sheetCombo.addItems(st.sheet_names(value))
            except st.TableError as exc:
                self._status(str(exc), error=True)
            i = self.sheetCombo.findText(self._wanted.get("sheet", ""))
            if i >= 0:
                self.sheetCombo.setCurrentIndex(i)
        self.sheetCombo.setEnabled(self.sheetCombo.count() > 0)
        self.fileWidget.setEnabled(self.fileRadio.isChecked())
        self.tableLayerCombo.setEnabled(not self.fileRadio.isChecked())
        is_text = isinstance(value, str) and os.path.splitext(value)[1].lower() not in st.SPREADSHEET_EXTENSIONS
        for widget in (self.encodingCombo, self.delimiterCombo):
            widget.setEnabled(is_text)
        self._loading = False
        self._reload()

    def _reload(self, *_args):
        if self._loading:
            return
        self.raw = None
        value = self.table_value()
        if not value:
            self._status(tr("Choose a table file or layer."))
            self._fill_columns([])
            return
        try:
            self.raw = load_raw_table(value, ENCODING_OPTIONS[self.encodingCombo.currentIndex()],
                                      DELIMITER_VALUES[self.delimiterCombo.currentIndex()],
                                      self.sheetCombo.currentText() or None)
        except st.TableError as exc:
            self._status(str(exc), error=True)
            self._fill_columns([])
            self.model.set_data([], [])
            return
        self._fill_header_choices()
        self._fill_columns(st.preview_columns(self.raw, self.header_row()))
        self._reparse()

    def header_row(self):
        """1-based column row chosen in the dialog, or None (detected)."""
        value = self.headerCombo.currentData()
        return int(value) if value else None

    def _fill_header_choices(self):
        """'detected (row n)' and the rows that could hold the column names, with their first cells."""
        self._loading = True
        wanted = self.headerCombo.currentData()
        self.headerCombo.clear()
        try:
            info = st.detect_header(self.raw)
        except st.TableError:
            info = None
        if info is not None:
            self.headerCombo.addItem(tr("detected ({0} {1})").format(self.raw.row_label, info.index + 1), 0)
            last = info.first_data if info.first_data is not None else min(len(self.raw.rows), 30)
            rows = sorted(set(info.candidates) | set(range(min(last + 1, len(self.raw.rows)))))
            for i in rows[:60]:
                cells = [st.cell_text(v) for v in self.raw.rows[i] if st.cell_text(v)]
                text = ", ".join(cells[:4])
                self.headerCombo.addItem(tr("{0} {1}: {2}").format(
                    self.raw.row_label, i + 1, text[:60] + ("…" if len(text) > 60 else "")), i + 1)
            k = self.headerCombo.findData(wanted) if wanted else 0
            self.headerCombo.setCurrentIndex(max(k, 0))
        self.headerCombo.setEnabled(info is not None and not self.raw.fixed_header)
        self._loading = False

    def _header_changed(self, *_args):
        if self._loading or self.raw is None:
            return
        self._fill_columns(st.preview_columns(self.raw, self.header_row()))
        self._reparse()

    def _fill_columns(self, columns):
        self._loading = True
        for combo, wanted_key, empty in ((self.tableKeyCombo, "table_key", False),
                                         (self.yearFieldCombo, "year_field", True)):
            current = combo.currentText() or self._wanted.get(wanted_key, "")
            combo.clear()
            if empty:
                combo.addItem("")
            combo.addItems(columns)
            i = combo.findText(current) if current else -1
            if i < 0 and not empty:
                i = next((k for k, c in enumerate(columns) if c.lower() in (
                    "ortsteil", "ot_key", "schluessel", "schlüssel", "key", "nr", "planungsraum", "plr_id",
                    "stadtgebiet", "stadtteil", "ags", "gebiet")), 0)
            if i < 0 and empty:
                i = next((k + 1 for k, c in enumerate(columns) if c.lower() in ("jahr", "year")), 0)
            combo.setCurrentIndex(max(i, 0))
        self._loading = False
        self._year_field_changed()

    def _year_field_changed(self, *_args):
        if self._loading:
            return
        self._loading = True
        self.yearCombo.clear()
        has_year = bool(self.yearFieldCombo.currentText())
        if has_year and self.raw is not None and self.tableKeyCombo.currentText():
            try:
                p = st.parse_table(self.raw, self.tableKeyCombo.currentText(), key_width=0,
                                   year_field=self.yearFieldCombo.currentText(), header_row=self.header_row())
                self.yearCombo.addItems([str(y) for y in reversed(p.years)])
            except st.TableError:
                pass
        self.yearCombo.setEnabled(has_year and not self.wideCheck.isChecked())
        self.wideCheck.setEnabled(has_year)
        self._loading = False
        self._reparse()

    def parse_options(self):
        """Keyword arguments of ``parse_table`` as set in the dialog."""
        year_field = self.yearFieldCombo.currentText() or None
        return {
            "key_column": self.tableKeyCombo.currentText(),
            "decimal": st.DECIMALS[self.decimalCombo.currentIndex()],
            "key_width": self.keyWidthSpin.value(),
            "year_field": year_field,
            "year": int(self.yearCombo.currentText()) if (year_field and self.yearCombo.currentText()) else None,
            "wide": bool(year_field) and self.wideCheck.isChecked(),
            "header_row": self.header_row(),
            "missing_codes": st.parse_missing_codes(self.missingCodesEdit.text()),
        }

    def _reparse(self, *_args):
        if self._loading or self.raw is None:
            return
        self.yearCombo.setEnabled(bool(self.yearFieldCombo.currentText()) and not self.wideCheck.isChecked())
        self.parsed = None
        try:
            opts = self.parse_options()
            self.parsed = st.parse_table(self.raw, **opts)
        except st.TableError as exc:
            self._status(str(exc), error=True)
            self._show_raw()
            self._update_match()
            return
        frame = self.parsed.frame.head(PREVIEW_ROWS)
        columns = [self.parsed.key_column] + [c for c in frame.columns if c != "key"]
        self.model.set_data(columns, frame.itertuples(index=False, name=None))
        self._fill_fields()
        self._describe()
        self._update_match()

    def _show_raw(self):
        try:
            info = st.detect_header(self.raw, self.header_row())
            h, names = info.index, info.names
        except st.TableError:
            h, names = 0, st.header_names(self.raw.rows[0]) if self.raw.rows else []
        rows = [[st.cell_text(v) for v in r[:len(names)]] + [""] * max(0, len(names) - len(r))
                for r in self.raw.rows[h + 1:h + 1 + PREVIEW_ROWS]]
        self.model.set_data(names, rows)

    def _describe(self):
        raw, p = self.raw, self.parsed
        parts = []
        if raw.encoding:
            parts.append(tr("Encoding: {0}").format(raw.encoding))
            parts.append(tr("delimiter: {0}").format(tr("tab") if raw.delimiter == "\t" else "'{}'".format(raw.delimiter)))
        parts.append(tr("decimal sign: {0}").format(tr("comma") if p.decimal == "comma" else tr("point")))
        if p.header_row:
            parts.append(tr("column row in {0} {1}").format(raw.row_label, p.header_row + 1))
        if p.header is not None and p.header.below:
            parts.append(tr("{0} description/unit row(s) below it skipped").format(len(p.header.below)))
        if p.group_headings:
            parts.append(tr("{0} heading row(s) between the data skipped").format(len(p.group_headings)))
        if p.missing_codes:
            parts.append(tr("{0} missing-value code(s) read as NULL").format(p.missing_codes))
        for warning in raw.warnings:
            parts.append(warning)
        if p.notes:
            parts.append(tr("{0} note line(s) below the data skipped").format(len(p.notes)))
        self.detectedLabel.setText(tr("Detected: {0}").format("; ".join(parts)))
        counts = p.report["kind"].value_counts().to_dict()
        self._status(tr("{0} rows; {1} total/pseudo rows left out; {2} symbols; {3} cells that are not "
                        "numbers; {4} duplicate keys.").format(
            len(p.frame), counts.get(st.PSEUDO_ROW, 0), counts.get(st.SYMBOL, 0),
            counts.get(st.NOT_A_NUMBER, 0), counts.get(st.DUPLICATE_KEY, 0)))

    def _fill_fields(self):
        p = self.parsed
        base = [c for c in p.all_columns if c not in (p.key_column, self.yearFieldCombo.currentText())]
        old = {}
        for r in range(self.fieldsTable.rowCount()):
            item = self.fieldsTable.item(r, 0)
            old[item.text()] = (item.checkState(), self.fieldsTable.item(r, 1).text())
        self.fieldsTable.setRowCount(len(base))
        for r, col in enumerate(base):
            check, name = old.get(col, (Qt.CheckState.Checked, col))
            item = QTableWidgetItem(col)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(check)
            self.fieldsTable.setItem(r, 0, item)
            self.fieldsTable.setItem(r, 1, QTableWidgetItem(name))

    def chosen_fields(self):
        """[(table column, new name)] of the checked rows."""
        out = []
        for r in range(self.fieldsTable.rowCount()):
            item = self.fieldsTable.item(r, 0)
            if item.checkState() == Qt.CheckState.Checked:
                new = (self.fieldsTable.item(r, 1).text() or item.text()).strip()
                out.append((item.text(), new))
        return out

    # -- districts ---------------------------------------------------------------
    def _district_changed(self, *_args):
        layer = self.districtCombo.currentLayer()
        self.districtKeyCombo.setLayer(layer)
        if layer is not None:
            wanted = self._wanted.get("district_key", "")
            names = [f.name() for f in layer.fields()]
            pick = wanted if wanted in names else next(
                (n for n in names if n.lower() in ("ot_key", "key", "schluessel", "ortsteil", "sb_key")), "")
            if pick:
                self.districtKeyCombo.setField(pick)
        self._update_match()

    def _update_match(self, *_args):
        self.match = None
        layer = self.districtCombo.currentLayer()
        key = self.districtKeyCombo.currentField()
        if self.parsed is None or layer is None or not key:
            self.matchLabel.setText(tr("Choose the table, its key column, the district layer and its key field."))
            self.unmatchedText.setPlainText("")
            self._enable_run()
            return
        idx = layer.fields().lookupField(key)
        keys = [f.attributes()[idx] for f in layer.getFeatures()]
        keys = [None if (hasattr(k, "isNull") and not isinstance(k, str) and k.isNull()) else k for k in keys]
        self.match = st.match_keys(self.parsed, keys, self.keyWidthSpin.value())
        m = self.match
        self.matchLabel.setText(tr("{0} of {1} districts matched · {2} districts without a table row · "
                                   "{3} table keys without a district").format(
            m.matched, len(m.district_keys), len(m.district_only), len(m.table_only)))
        self.unmatchedText.setPlainText("\n".join(st.summary_lines(m)[1:]))
        self._enable_run()

    def _enable_run(self):
        ok = self.match is not None and self.match.matched > 0
        self.buttonBox.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def _status(self, text, error=False):
        self.statusLabel.setText(text)
        self.statusLabel.setStyleSheet("color: #b00020;" if error else "")

    # -- running -----------------------------------------------------------------
    def parameters(self):
        """Parameters for bildungslandschaft:joinsocialdata from the dialog."""
        value = self.table_value()
        opts = self.parse_options()
        fields = self.chosen_fields()
        return {
            "HEADER_ROW": opts["header_row"] or 0,
            "MISSING_CODES": self.missingCodesEdit.text().strip(),
            "DISTRICTS": self.districtCombo.currentLayer(),
            "DISTRICT_KEY": self.districtKeyCombo.currentField(),
            "TABLE": value if isinstance(value, str) else value.id(),
            "SHEET": self.sheetCombo.currentText(),
            "TABLE_KEY": opts["key_column"],
            "ENCODING": self.encodingCombo.currentIndex(),
            "DELIMITER": self.delimiterCombo.currentIndex(),
            "DECIMAL": self.decimalCombo.currentIndex(),
            "KEY_WIDTH": opts["key_width"],
            "YEAR_FIELD": opts["year_field"] or "",
            "YEAR": opts["year"],
            "WIDE": opts["wide"],
            "FIELDS": ";".join(c for c, _n in fields),
            "OUTPUT": "memory:",
            "OUTPUT_REPORT": "memory:",
        }

    def run_join(self):
        """Run the algorithm, rename the chosen fields, style the layer and add it to the project."""
        import processing
        from qgis.core import QgsProcessingException

        if not self.chosen_fields():
            self._status(tr("Choose at least one column to join."), error=True)
            return None
        params = self.parameters()
        try:
            result = processing.run(ids.full_id(ids.JOIN_SOCIAL_DATA), params)
        except QgsProcessingException as exc:
            self._status(str(exc), error=True)
            return None
        layer = result["OUTPUT"]
        self._rename(layer)
        table_name = os.path.splitext(os.path.basename(params["TABLE"]))[0] if isinstance(
            self.table_value(), str) else self.table_value().name()
        layer.setName(tr("Social data – {0}").format(table_name))
        path = self.outputWidget.filePath()
        if path:
            if not path.lower().endswith(".gpkg"):
                path += ".gpkg"
            opts = QgsVectorFileWriter.SaveVectorOptions()
            opts.driverName = "GPKG"
            opts.layerName = "sozialdaten"
            err = QgsVectorFileWriter.writeAsVectorFormatV3(
                layer, path, QgsProject.instance().transformContext(), opts)
            if err[0] != QgsVectorFileWriter.WriterError.NoError:
                self._status(tr("Could not write {0}: {1}").format(path, err[1]), error=True)
                return None
            saved = QgsVectorLayer("{}|layername=sozialdaten".format(path), layer.name(), "ogr")
            layer = saved
        first_numeric = next((n for _c, n in self._renamed_numeric(layer)), None)
        style_joined_layer(layer, first_numeric)
        QgsProject.instance().addMapLayer(layer)
        self.result_layer = layer
        self.save_settings()
        message = tr("{0} of {1} districts joined.").format(result["MATCHED"], layer.featureCount())
        self._status(message)
        if self.iface is not None and hasattr(self.iface, "messageBar"):
            try:
                self.iface.messageBar().pushSuccess(tr("Join social data"), message)
            except Exception:  # noqa: BLE001 - the test interface has no message bar
                pass
        self.accept()
        return layer

    def _rename(self, layer):
        """Rename joined fields (and their flag fields) as chosen in the table."""
        renames = {c: n for c, n in self.chosen_fields() if n and n != c}
        if not renames:
            return
        provider = layer.dataProvider()
        mapping = {}
        names = [f.name() for f in layer.fields()]
        taken = {n.lower() for n in names}
        for i, name in enumerate(names):
            for old, new in renames.items():
                if name == old or name.startswith(old + "_"):
                    suffix = name[len(old):]
                    if suffix and not (suffix == "_flag" or suffix[1:5].isdigit()):
                        continue
                    target = new + suffix
                    if target.lower() in taken:
                        continue
                    mapping[i] = target
                    taken.add(target.lower())
        if mapping:
            provider.renameAttributes(mapping)
            layer.updateFields()

    def _renamed_numeric(self, layer):
        from .. import compat

        chosen = [n for _c, n in self.chosen_fields()]
        for f in layer.fields():
            if f.type() in (compat.FIELD_INT, compat.FIELD_LONGLONG, compat.FIELD_DOUBLE) and any(
                    f.name() == n or f.name().startswith(n + "_") for n in chosen):
                yield f.name(), f.name()
