"""Where the data comes from: the bundled directory, or the one --data-dir or
$ECOCAREER_DATA_DIR names, and the files a data directory holds.

Kept free of models and parsers, so that `ecocareer data path` answers without
loading either.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

DATA_DIR_ENV = "ECOCAREER_DATA_DIR"
DATA_FILES = ("sources.yaml", "roles.yaml", "salaries.yaml")


def bundled_data_dir() -> Path:
    """The data shipped inside the package (or the checkout's `data/` in an editable install)."""
    packaged = Path(str(resources.files("ecocareer") / "data"))
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "data"


def data_dir(option: Path | None = None) -> Path:
    """The directory in use: `--data-dir`, else $ECOCAREER_DATA_DIR, else the bundled data."""
    if option is not None:
        return option
    from_env = os.environ.get(DATA_DIR_ENV)
    return Path(from_env) if from_env else bundled_data_dir()
