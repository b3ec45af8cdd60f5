"""The views: Qt widgets that draw a Snapshot (plain numpy) and nothing else.

Every view has `update_snapshot(snap)`, `clear()`, `restyle()`, a translated `title`
and `figure_widget()` (what a figure export renders). They never import torch or
touch the trainer.
"""

from explorer.gui.views.activation_view import ActivationView, NormView
from explorer.gui.views.dashboard import VIEW_IDS, Dashboard
from explorer.gui.views.fit_view import FitView
from explorer.gui.views.histogram_view import HistogramView
from explorer.gui.views.loss_view import LossView
from explorer.gui.views.network_diagram import NetworkDiagram

__all__ = [
    "ActivationView",
    "Dashboard",
    "FitView",
    "HistogramView",
    "LossView",
    "NetworkDiagram",
    "NormView",
    "VIEW_IDS",
]
