"""A lesson's reference list, made from the sources its text cites, so it is never typed twice.

    print(references("01_empires_and_mistrust.ipynb"))

Citations in a lesson's markdown are written [`source-id`] (several: [`a`; `b`]); the list
numbers each cited source once, in the order the lesson first cites it.
"""

import json
import re
from pathlib import Path

from iran_russia.data import DataError, cite

CITATION = re.compile(r"\[(`[a-z0-9][a-z0-9.-]*`(?:[;,]\s*`[a-z0-9][a-z0-9.-]*`)*)\]")
SOURCE_ID = re.compile(r"`([a-z0-9][a-z0-9.-]*)`")


def cited_in(notebook: str | Path) -> list[str]:
    """The source ids a notebook's markdown cites, each once, in order of first citation."""
    path = Path(notebook)
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as problem:
        raise DataError(f"{path.name} could not be read as a notebook ({problem}).") from None
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    found = [i for group in CITATION.findall(text) for i in SOURCE_ID.findall(group)]
    return list(dict.fromkeys(found))


def references(notebook: str | Path) -> str:
    """The numbered reference list of every source a notebook cites."""
    return cite(";".join(cited_in(notebook)))
