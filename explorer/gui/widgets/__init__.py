"""Small reusable widgets: a log-scale slider with a typed field, a message banner."""

from explorer.gui.widgets.banner import MessageBanner
from explorer.gui.widgets.log_slider import LogSlider
from explorer.gui.widgets.run_status import RunStatus
from explorer.gui.widgets.step_slider import StepSlider

__all__ = ["LogSlider", "MessageBanner", "RunStatus", "StepSlider"]
