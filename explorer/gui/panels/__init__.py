"""The window's side panels: every edit becomes a live command or a new Experiment."""

from explorer.gui.panels.data_panel import DataPanel
from explorer.gui.panels.network_panel import NetworkPanel
from explorer.gui.panels.regularization_panel import RegularizationPanel

__all__ = ["DataPanel", "NetworkPanel", "RegularizationPanel"]
