"""The dialog "Sozialdaten verknüpfen", headless (pytest-qgis)."""

import pytest
from qgis.core import QgsProject, QgsRuleBasedRenderer, QgsSettings
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox

from tests.layer_util import attributes, memory_layer, square
from tests.test_alg_joinsocialdata import OFFICE_CSV


@pytest.fixture
def setup(qgis_new_project, tmp_path):
    QgsSettings().remove("bildungslandschaft/join_dialog")
    rows = [(square(i * 10, 0, i * 10 + 10, 10), ["{:02d}".format(i + 1), "OT {}".format(i + 1)]) for i in range(4)]
    layer = memory_layer("Polygon", "EPSG:25833", ["ot_key:string", "ot_name:string"], rows, "ortsteile")
    QgsProject.instance().addMapLayer(layer)
    path = tmp_path / "sozialdaten.csv"
    path.write_bytes(OFFICE_CSV.encode("cp1252"))
    return layer, str(path)


def open_dialog(qgis_iface, layer, path):
    from bildungslandschaft_plugin.gui.join_dialog import JoinDialog

    dlg = JoinDialog(qgis_iface)
    dlg.districtCombo.setLayer(layer)
    dlg.fileWidget.setFilePath(path)
    return dlg


def test_preview_detection_and_match(qgis_iface, setup):
    layer, path = setup
    dlg = open_dialog(qgis_iface, layer, path)
    assert dlg.tableKeyCombo.currentText() == "Ortsteil"       # guessed from the column names
    assert dlg.yearFieldCombo.currentText() == "Jahr"
    assert dlg.yearCombo.currentText() == "2025"               # latest year first
    assert "Windows-1252" in dlg.detectedLabel.text() and "comma" in dlg.detectedLabel.text()
    assert dlg.districtKeyCombo.currentField() == "ot_key"
    # without padding, "2" does not match "02"
    assert dlg.match.matched == 2
    dlg.keyWidthSpin.setValue(2)
    assert dlg.match.matched == 3
    assert "3 of 4 districts matched" in dlg.matchLabel.text()
    assert "04" in dlg.unmatchedText.toPlainText() and "07" in dlg.unmatchedText.toPlainText()
    model = dlg.model
    assert model.rowCount() == 4 and model.columnCount() == 8
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:3] == ["Ortsteil", "Name", "Einwohner"]
    assert model.data(model.index(0, 2)) == "2600"
    assert model.data(model.index(1, 2)) == "NULL"
    # overriding the decimal sign changes the parsed numbers at once
    dlg.decimalCombo.setCurrentIndex(2)  # point
    assert dlg.model.data(dlg.model.index(0, 2)) == "2.6"
    dlg.decimalCombo.setCurrentIndex(0)
    # overriding the delimiter: "," splits at the decimal commas, no key matches, Join is disabled
    dlg.delimiterCombo.setCurrentIndex(2)  # ","
    assert "Ortsteil" not in [dlg.tableKeyCombo.itemText(i) for i in range(dlg.tableKeyCombo.count())]
    assert dlg.match.matched == 0 and not dlg.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dlg.delimiterCombo.setCurrentIndex(0)
    assert dlg.tableKeyCombo.currentText() == "Ortsteil" and dlg.match.matched == 3
    assert dlg.buttonBox.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dlg.close()


def test_run_renames_styles_and_remembers(qgis_iface, setup):
    layer, path = setup
    dlg = open_dialog(qgis_iface, layer, path)
    dlg.keyWidthSpin.setValue(2)
    rows = {dlg.fieldsTable.item(r, 0).text(): r for r in range(dlg.fieldsTable.rowCount())}
    assert list(rows) == ["Name", "Einwohner", "SGB2_Quote", "Kinder_u15"]
    dlg.fieldsTable.item(rows["Name"], 0).setCheckState(Qt.CheckState.Unchecked)
    dlg.fieldsTable.item(rows["SGB2_Quote"], 1).setText("sgb2")
    result = dlg.run_join()
    assert result is not None and QgsProject.instance().mapLayer(result.id()) is result
    names = [f.name() for f in result.fields()]
    assert names == ["ot_key", "ot_name", "Einwohner", "Einwohner_flag", "sgb2", "sgb2_flag", "Kinder_u15",
                     "Kinder_u15_flag"]
    values = {f["ot_key"]: f for f in result.getFeatures()}
    assert values["01"]["sgb2"] == pytest.approx(13.1) and values["01"]["sgb2_flag"] == "()"
    assert values["02"]["Einwohner_flag"] == "."
    assert isinstance(result.renderer(), QgsRuleBasedRenderer)
    rules = result.renderer().rootRule().children()
    assert rules[-1].filterExpression() == '"Einwohner" IS NULL' and len(rules) == 6
    assert layer.fields().names() == ["ot_key", "ot_name"]  # input untouched
    # settings remembered for the next time
    from bildungslandschaft_plugin.gui.join_dialog import JoinDialog

    again = JoinDialog(qgis_iface)
    assert again.fileWidget.filePath() == path
    assert again.keyWidthSpin.value() == 2
    assert again.tableKeyCombo.currentText() == "Ortsteil"
    assert again.districtCombo.currentLayer() is layer
    assert again.match.matched == 3


def test_table_layer_and_spreadsheet_sheet(qgis_iface, setup, tmp_path):
    import openpyxl

    layer, _path = setup
    xlsx = str(tmp_path / "daten.xlsx")
    wb = openpyxl.Workbook()
    wb.active.title = "Info"
    wb.active.append(["Hinweise"])
    ws = wb.create_sheet("Daten")
    ws.append(["OT", "Kinder"])
    for k, v in [(1, 5), (2, 6), (3, "x")]:
        ws.append([k, v])
    wb.save(xlsx)
    dlg = open_dialog(qgis_iface, layer, xlsx)
    assert [dlg.sheetCombo.itemText(i) for i in range(dlg.sheetCombo.count())] == ["Info", "Daten"]
    assert not dlg.encodingCombo.isEnabled()
    dlg.sheetCombo.setCurrentIndex(1)
    dlg.tableKeyCombo.setCurrentText("OT")
    dlg.keyWidthSpin.setValue(2)
    assert dlg.match.matched == 3
    table = memory_layer("None", "", ["ot:string", "kinder:integer"], [(None, ["01", 4]), (None, ["04", 9])], "tab")
    QgsProject.instance().addMapLayer(table)
    dlg.layerRadio.setChecked(True)
    dlg.tableLayerCombo.setLayer(table)
    dlg.tableKeyCombo.setCurrentText("ot")
    assert dlg.match.matched == 2 and dlg.match.district_only == ["02", "03"]
    result = dlg.run_join()
    values = attributes(result, "ot_key")
    assert values["01"]["kinder"] == 4 and values["04"]["kinder"] == 9 and values["02"]["kinder"] is None


def test_plugin_menu_has_dialog(qgis_iface):
    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        texts = [a.text() for a in plugin.menu.actions()]
        assert "Join social data…" in texts
        assert "Join social data…" in [a.text() for a in plugin.toolbar.actions()]
    finally:
        plugin.unload()


def _yearbook_xlsx(path, n_values=72):
    """A yearbook sheet: title, merged group headers, short names, long descriptions, Bezirk headings."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Ortsteile"
    ws.append(["Statistisches Jahrbuch Musterstadt 2025, Tabelle 3.1"])
    ws.append(["Ortsteil", "Bevölkerung am 31.12."] + [None] * (n_values // 2 - 1)
              + ["Soziales (Dezember)"] + [None] * (n_values - n_values // 2 - 1))
    ws.merge_cells(start_row=2, start_column=1, end_row=4, end_column=1)
    ws.merge_cells(start_row=2, start_column=2, end_row=2, end_column=1 + n_values // 2)
    ws.merge_cells(start_row=2, start_column=2 + n_values // 2, end_row=2, end_column=1 + n_values)
    ws.append([None] + ["Merkmal {:02d}".format(c + 1) for c in range(n_values)])
    ws.append([None] + ["Beschreibung des Merkmals {0} für die Ortsteile der Musterstadt".format(c + 1)
                        for c in range(n_values)])
    ws.append(["Stadtbezirk Mitte"])
    for k in (1, 2):
        ws.append(["{:02d}".format(k)] + [k * 100 + c for c in range(n_values)])
    ws.append(["Stadtbezirk Nord"])
    for k in (3, 4):
        ws.append(["{:02d}".format(k)] + [k * 100 + c for c in range(n_values)])
    wb.save(path)
    return path


def test_wide_yearbook_header_choice_and_screen(qgis_iface, setup, tmp_path):
    """72 columns under a title and merged group headers: the dialog offers the detected row of short names,
    runs the algorithm with the same choice, and stays within the screen."""
    layer, _path = setup
    xlsx = _yearbook_xlsx(str(tmp_path / "jahrbuch.xlsx"))
    dlg = open_dialog(qgis_iface, layer, xlsx)
    assert dlg.headerCombo.currentText() == "detected (row 3)"
    columns = [dlg.tableKeyCombo.itemText(i) for i in range(dlg.tableKeyCombo.count())]
    assert columns[:3] == ["Ortsteil", "Merkmal 01", "Merkmal 02"] and len(columns) == 73
    assert not [c for c in columns if c.startswith("column_")]
    assert dlg.tableKeyCombo.currentText() == "Ortsteil"
    assert dlg.match.matched == 4
    assert "2 heading row(s)" in dlg.detectedLabel.text()
    # the screen bounds the dialog; the columns scroll
    dlg.show()
    screen = dlg.screen().availableGeometry()
    assert dlg.width() <= screen.width() and dlg.height() <= screen.height()
    assert dlg.minimumSizeHint().width() <= screen.width()
    # choose the group-header row: other names, reported in the preview; back to detected
    i = dlg.headerCombo.findData(2)
    dlg.headerCombo.setCurrentIndex(i)
    names = [dlg.tableKeyCombo.itemText(k) for k in range(dlg.tableKeyCombo.count())]
    assert "Bevölkerung am 31.12." in names and "Merkmal 01" not in names
    assert dlg.parameters()["HEADER_ROW"] == 2
    dlg.headerCombo.setCurrentIndex(0)
    dlg.tableKeyCombo.setCurrentText("Ortsteil")
    params = dlg.parameters()
    assert params["HEADER_ROW"] == 0 and params["TABLE_KEY"] == "Ortsteil"
    result = dlg.run_join()
    values = attributes(result, "ot_key")
    assert values["03"]["Merkmal 01"] == 300 and values["04"]["Merkmal 72"] == 471
    dlg.close()


def test_error_listing_many_columns_keeps_dialog_narrow(qgis_iface, setup, tmp_path):
    layer, _path = setup
    path = tmp_path / "breit.csv"
    header = ";".join(["Schluessel_mit_langem_Namen"] + ["Spalte_mit_langem_Namen_{:03d}".format(c)
                                                          for c in range(80)])
    path.write_text(header + "\n" + ";".join(["01"] + ["1"] * 80) + "\n", encoding="utf-8")
    dlg = open_dialog(qgis_iface, layer, str(path))
    dlg.show()
    dlg.tableKeyCombo.setEditText("fehlt")
    dlg.missingCodesEdit.setText("abc")
    dlg._reparse()
    assert "MISSING_CODES" in dlg.statusLabel.text()
    screen = dlg.screen().availableGeometry()
    assert dlg.width() <= screen.width() and dlg.minimumSizeHint().width() <= screen.width()
    dlg.close()
