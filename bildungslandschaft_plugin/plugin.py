"""The QGIS plugin class: Processing provider, menu and toolbar."""

from qgis.core import QgsApplication

from .resources import icon
from .translation import install_translator, remove_translator, tr


class BildungslandschaftPlugin:
    """Loaded by QGIS (with an ``iface``) and by qgis_process (``iface=None``)."""

    def __init__(self, iface=None):
        self.iface = iface
        self.provider = None
        self.actions = []
        self.menu = None
        self.toolbar = None
        install_translator()

    # -- Processing -------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Register the Processing provider. Touches no GUI."""
        from .processing.provider import BildungslandschaftProvider

        if self.provider is None:
            provider = BildungslandschaftProvider()
            # addProvider() refuses a second provider with our id (plugin loaded twice);
            # then we keep none, so that unload() never removes another instance's provider.
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    # -- GUI --------------------------------------------------------------
    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtWidgets import QMenu

        main_window = self.iface.mainWindow()
        self.menu = QMenu(tr("Bildungslandschaft"), main_window)
        self.menu.setObjectName("bildungslandschaftMenu")
        self.toolbar = self.iface.addToolBar(tr("Bildungslandschaft"))
        self.toolbar.setObjectName("bildungslandschaftToolbar")

        for spec in self._gui_actions():
            self._add_action(*spec, toolbar=True)
        if self.menu.actions():
            self.menu.addSeparator()
        groups = {}
        from .processing.ids import PROVIDER_ID

        provider = QgsApplication.processingRegistry().providerById(PROVIDER_ID)
        algorithms = provider.algorithms() if provider is not None else []
        for alg in sorted(algorithms, key=lambda a: (a.group(), a.displayName())):
            submenu = groups.get(alg.groupId())
            if submenu is None:
                submenu = self.menu.addMenu(alg.group())
                groups[alg.groupId()] = submenu
            action = submenu.addAction(alg.icon(), alg.displayName())
            action.triggered.connect(lambda _checked=False, a=alg.id(): self.run_algorithm(a))
            self.actions.append(action)

        menu_bar = main_window.menuBar()
        before = self.iface.firstRightStandardMenu()
        if isinstance(before, QMenu):  # before "Help", like QGIS's own top-level plugin menus
            menu_bar.insertMenu(before.menuAction(), self.menu)
        else:
            menu_bar.addMenu(self.menu)

    def _gui_actions(self):
        """(icon file, text, slot) for the dialogs the plugin offers."""
        return [
            ("join_social_data.svg", tr("Join social data…"), self.open_join_dialog),
        ]

    def open_join_dialog(self):
        """The dialog "Sozialdaten verknüpfen"."""
        from .gui.join_dialog import JoinDialog

        dialog = JoinDialog(self.iface, self.iface.mainWindow() if self.iface is not None else None)
        dialog.exec()
        return dialog

    def _add_action(self, icon_name, text, slot, toolbar=False):
        from qgis.PyQt.QtWidgets import QAction

        action = QAction(icon(icon_name), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.menu.addAction(action)
        if toolbar:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    @staticmethod
    def run_algorithm(algorithm_id):
        """Open the Processing dialog of one of our algorithms."""
        import processing

        processing.execAlgorithmDialog(algorithm_id, {})

    def unload(self):
        for action in self.actions:
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions = []
        if self.menu is not None:
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        remove_translator()
