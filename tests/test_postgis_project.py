"""A QGIS project stored in PostgreSQL (``write_project_to_database``) opens again, without passwords."""

import io
import os
import zipfile

import pytest
from qgis.core import QgsProject, QgsVectorLayer

from bildungslandschaft_plugin.processing.postgis import ProjectStoreError, project_uri, write_project_to_database
from tests.postgis_util import pc


@pytest.fixture(scope="module")
def layers(postgis, tmp_path_factory):
    import make_sample_city  # scripts/

    folder = tmp_path_factory.mktemp("pgproject")
    make_sample_city.main(["--scale", "0.1", "--out", str(folder)])
    gpkg = str(folder / "musterstadt.gpkg")
    pc.psql("DROP SCHEMA IF EXISTS projekt_daten CASCADE; DROP SCHEMA IF EXISTS \"Projekte Ämter\" CASCADE")
    pc.load_gpkg(gpkg, "projekt_daten", layers=("einrichtungen",))
    pc.psql("GRANT USAGE ON SCHEMA projekt_daten TO planer; GRANT SELECT ON ALL TABLES IN SCHEMA projekt_daten "
            "TO planer")
    return gpkg


def stored_project_xml(schema, name):
    """The .qgs text of the project *name* as stored in ``schema.qgis_projects`` (a zipped .qgz)."""
    hexed = pc.psql("SELECT encode(content, 'hex') FROM \"{0}\".qgis_projects WHERE name = '{1}'".format(
        schema, name.replace("'", "''"))).strip()
    assert hexed, (schema, name)
    with zipfile.ZipFile(io.BytesIO(bytes.fromhex(hexed))) as zf:
        qgs = [n for n in zf.namelist() if n.endswith(".qgs")]
        assert len(qgs) == 1, zf.namelist()
        return zf.read(qgs[0]).decode("utf-8")


def test_project_written_and_read_back(layers):
    project = QgsProject()
    pg_layer = QgsVectorLayer("service='{0}' table=\"projekt_daten\".\"einrichtungen\" (geom)".format(
        pc.PLANER_SERVICE), "Einrichtungen (PostGIS)", "postgres")
    file_layer = QgsVectorLayer(layers + "|layername=ortsteile", "Ortsteile (GeoPackage)", "ogr")
    assert pg_layer.isValid() and file_layer.isValid()
    project.addMapLayers([pg_layer, file_layer])
    uri = write_project_to_database(project, pc.SERVICE, "Projekte Ämter", "Musterstadt – Prüfung")
    assert uri == project_uri(pc.SERVICE, "Projekte Ämter", "Musterstadt – Prüfung")
    assert uri.startswith("postgresql:?service=")

    again = QgsProject()
    assert again.read(uri), again.error()
    got = {layer.name(): layer for layer in again.mapLayers().values()}
    assert sorted(got) == ["Einrichtungen (PostGIS)", "Ortsteile (GeoPackage)"]
    assert all(layer.isValid() for layer in got.values())
    assert got["Einrichtungen (PostGIS)"].providerType() == "postgres"
    assert got["Einrichtungen (PostGIS)"].featureCount() == 15
    assert got["Ortsteile (GeoPackage)"].featureCount() == 19
    # written again under the same name: replaced, still one project of that name
    assert write_project_to_database(again, pc.SERVICE, "Projekte Ämter", "Musterstadt – Prüfung") == uri
    assert pc.psql("SELECT count(*) FROM \"Projekte Ämter\".qgis_projects").strip() == "1"

    xml = stored_project_xml("Projekte Ämter", "Musterstadt – Prüfung")
    # the service (whose pg_service.conf entry holds the planer's password) is named, the password is not
    assert "service='{0}'".format(pc.PLANER_SERVICE) in xml
    assert pc.PLANER_PASSWORD not in xml and "password=" not in xml
    assert os.path.basename(layers) in xml


def test_layer_with_password_is_refused(layers):
    project = QgsProject()
    socket = os.path.join(os.path.dirname(pc.service_file()), "socket")
    layer = QgsVectorLayer("host='{0}' port={1} dbname='{2}' user='planer' password='{3}' "
                           "table=\"projekt_daten\".\"einrichtungen\" (geom)".format(
                               socket, pc.PORT, pc.DBNAME, pc.PLANER_PASSWORD), "mit Passwort", "postgres")
    assert layer.isValid()
    project.addMapLayer(layer)
    with pytest.raises(ProjectStoreError, match="mit Passwort") as info:
        write_project_to_database(project, pc.SERVICE, "Projekte Ämter", "nie gespeichert")
    assert pc.PLANER_PASSWORD not in str(info.value)
    assert pc.psql("SELECT count(*) FROM \"Projekte Ämter\".qgis_projects WHERE name = 'nie gespeichert'")\
        .strip() == "0"
