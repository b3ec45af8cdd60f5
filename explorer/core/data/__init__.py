"""Datasets: the synthetic sets of the lessons, CSV and IDX files, the built-in 8x8 digits."""

from explorer.core.data._build import build_dataset
from explorer.core.data._csv import read_numeric_csv
from explorer.core.data._datasets import GRID_2D, GRID_POINTS, Dataset, samples_dataset
from explorer.core.data._idx import labels_path_for, read_idx, read_idx_pair
from explorer.core.data._synthetic import QUADRATIC_Y

__all__ = [
    "Dataset",
    "GRID_2D",
    "GRID_POINTS",
    "QUADRATIC_Y",
    "build_dataset",
    "labels_path_for",
    "read_idx",
    "read_idx_pair",
    "read_numeric_csv",
    "samples_dataset",
]
