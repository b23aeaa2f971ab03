"""Find the series' folders from wherever a notebook happens to run."""

import os
from pathlib import Path

DATA_ENV_VAR = "IRAN_RUSSIA_DATA"
MARKER = Path("data") / "datapackage.json"


class DataNotFound(FileNotFoundError):
    """Raised when no data/ folder of the series can be found."""


def project_root(start: Path | None = None) -> Path:
    """Return the series' root folder: the nearest folder at or above `start` holding data/."""
    here = Path(start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / MARKER).is_file():
            return folder
    raise DataNotFound(
        f"Could not find the series' data folder above {here}: open the notebooks from inside "
        "the series' folder (or set IRAN_RUSSIA_DATA to its data/ folder)."
    )


def data_dir() -> Path:
    """Return the data/ folder: $IRAN_RUSSIA_DATA if set, else the one above the working folder."""
    override = os.environ.get(DATA_ENV_VAR)
    if override:
        return Path(override).resolve()
    return project_root() / "data"
