"""Datasets: the synthetic sets of the lessons, CSV and IDX files, the built-in 8x8 digits, and the
downloadable sets (Fashion-MNIST, MNIST: registry, download, cache)."""

from typing import TYPE_CHECKING

from explorer.core.util import lazy_exports

if TYPE_CHECKING:  # the names, for type checkers; at run time each loads on first use
    from explorer.core.data._build import build_dataset
    from explorer.core.data._csv import read_numeric_csv
    from explorer.core.data._datasets import GRID_2D, GRID_POINTS, Dataset, samples_dataset
    from explorer.core.data._downloaded import (
        data_note,
        dataset_from_arrays,
        load_arrays,
        prefer_cached_data,
        with_downloaded_data,
    )
    from explorer.core.data._fetch import (
        CachedFile,
        FetchCancelled,
        FetchProgress,
        cache_status,
        fetch,
        import_folder,
    )
    from explorer.core.data._idx import labels_path_for, read_idx, read_idx_pair
    from explorer.core.data._registry import (
        DATA_DIR_ENV,
        MIRROR_ENV,
        REGISTRY,
        RemoteFile,
        RemoteSet,
        data_home,
        is_cached,
        mirrors_for,
        missing_files,
        remote_set,
        set_folder,
    )
    from explorer.core.data._synthetic import QUADRATIC_Y

__getattr__ = lazy_exports(
    __name__,
    {
        "_build": ("build_dataset",),
        "_csv": ("read_numeric_csv",),
        "_datasets": ("GRID_2D", "GRID_POINTS", "Dataset", "samples_dataset"),
        "_downloaded": (
            "data_note",
            "dataset_from_arrays",
            "load_arrays",
            "prefer_cached_data",
            "with_downloaded_data",
        ),
        "_fetch": ("CachedFile", "FetchCancelled", "FetchProgress", "cache_status", "fetch", "import_folder"),
        "_idx": ("labels_path_for", "read_idx", "read_idx_pair"),
        "_registry": (
            "DATA_DIR_ENV",
            "MIRROR_ENV",
            "REGISTRY",
            "RemoteFile",
            "RemoteSet",
            "data_home",
            "is_cached",
            "mirrors_for",
            "missing_files",
            "remote_set",
            "set_folder",
        ),
        "_synthetic": ("QUADRATIC_Y",),
    },
)

__all__ = [
    "CachedFile",
    "DATA_DIR_ENV",
    "Dataset",
    "FetchCancelled",
    "FetchProgress",
    "GRID_2D",
    "GRID_POINTS",
    "MIRROR_ENV",
    "QUADRATIC_Y",
    "REGISTRY",
    "RemoteFile",
    "RemoteSet",
    "build_dataset",
    "cache_status",
    "data_home",
    "data_note",
    "dataset_from_arrays",
    "fetch",
    "import_folder",
    "is_cached",
    "labels_path_for",
    "load_arrays",
    "missing_files",
    "mirrors_for",
    "prefer_cached_data",
    "read_idx",
    "read_idx_pair",
    "read_numeric_csv",
    "remote_set",
    "samples_dataset",
    "set_folder",
    "with_downloaded_data",
]
