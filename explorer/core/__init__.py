"""The Qt-free core: configs, datasets, models, dropout, penalties, training.

Nothing under explorer.core may import PySide6, pyqtgraph or qasync, so it runs
in a plain script, a notebook and CI without a display.
"""
