"""Dossier: source-linked analysis of security and foreign-policy documents."""

from .dataset import Dataset, load_dataset
from .store import DatasetError

__all__ = ["Dataset", "DatasetError", "load_dataset"]
