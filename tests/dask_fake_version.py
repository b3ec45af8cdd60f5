"""`dask worker --preload` for the version test: this worker's explorer claims another version."""

import explorer

explorer.__version__ = "0.0.1-other"
