"""The plugin loads like QGIS loads it, registers its provider and its menu."""

import configparser
import os

from qgis.core import QgsApplication

from bildungslandschaft_plugin.processing import ids
from bildungslandschaft_plugin.processing.provider import algorithm_classes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def test_provider_registered_with_all_algorithms(bildungslandschaft_plugin):
    provider = QgsApplication.processingRegistry().providerById(ids.PROVIDER_ID)
    assert provider is not None
    registered = sorted(a.name() for a in provider.algorithms())
    assert registered == sorted(cls().name() for cls in algorithm_classes())
    assert len(registered) == len(set(registered))
    for alg in provider.algorithms():
        assert alg.name() == alg.name().lower()
        assert alg.id() == ids.full_id(alg.name())
        assert alg.displayName() and alg.group() and alg.shortHelpString()
        for param in alg.parameterDefinitions():
            assert param.help(), "{}: parameter {} has no help text".format(alg.id(), param.name())


def test_algorithm_ids_come_from_ids_module():
    known = {v for k, v in vars(ids).items() if k.isupper() and isinstance(v, str)}
    for cls in algorithm_classes():
        assert cls().name() in known


def test_metadata():
    cfg = configparser.ConfigParser()
    cfg.read(os.path.join(ROOT, "metadata.txt"), encoding="utf-8")
    general = cfg["general"]
    assert general["hasProcessingProvider"] == "yes"
    assert general["qgisMinimumVersion"] == "3.22"
    for key in ("name", "description", "about", "version", "author", "email", "homepage",
                "tracker", "repository", "tags", "experimental", "icon"):
        assert general.get(key), key
    assert os.path.exists(os.path.join(ROOT, "resources", "icons", "bildungslandschaft.svg"))
    # the plugin folder carries metadata.txt (a link to the top-level file)
    assert os.path.exists(os.path.join(ROOT, "bildungslandschaft_plugin", "metadata.txt"))


def test_gui_menu_and_unload(qgis_iface):
    import bildungslandschaft_plugin

    plugin = bildungslandschaft_plugin.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.menu is not None
        assert plugin.menu.title() == "Bildungslandschaft"
        titles = []
        for action in plugin.menu.actions():
            if action.menu() is not None:
                titles += [a.text() for a in action.menu().actions()]
            else:
                titles.append(action.text())
        alg_names = [cls().displayName() for cls in algorithm_classes()]
        for name in alg_names:
            assert name in titles
    finally:
        plugin.unload()
    assert plugin.menu is None and plugin.toolbar is None
