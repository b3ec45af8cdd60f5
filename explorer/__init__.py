"""Regularization Explorer: see overfitting and regularization happen live."""

__version__ = "0.1.0"
