"""Citations in a lesson's text, and the numbered notes that stand for them.

Authors cite a source in markdown as [`source-id`] (several: [`a`; `b`]). `make references`
(iran_russia.tools.references) turns each into numbered notes, [[3](#ref-source-id)], that link
to the lesson's list of sources; the source id stays in the link, so both forms name the same
sources and the numbers can always be made again.
"""

import json
import re
from pathlib import Path

from iran_russia.data import DataError

ID = r"[a-z0-9][a-z0-9.-]*"
WRITTEN = rf"\[`{ID}`(?:[;,]\s*`{ID}`)*\]"
NUMBERED = rf"\[\[\d+\]\(#ref-{ID}\)(?:,\s*\[\d+\]\(#ref-{ID}\))*\]"
CITATION = re.compile(f"{WRITTEN}|{NUMBERED}")
SOURCE_ID = re.compile(rf"`({ID})`|#ref-({ID})\)")


def ids_in(citation: str) -> list[str]:
    """The source ids one citation names, in its order."""
    return [written or numbered for written, numbered in SOURCE_ID.findall(citation)]


def cited_in_text(text: str) -> list[str]:
    """The source ids a markdown text cites, each once, in order of first citation."""
    found = [i for match in CITATION.finditer(text) for i in ids_in(match.group(0))]
    return list(dict.fromkeys(found))


def cited_in(notebook: str | Path) -> list[str]:
    """The source ids a notebook's markdown cites, each once, in order of first citation."""
    path = Path(notebook)
    try:
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    except (OSError, ValueError, KeyError) as problem:
        raise DataError(f"{path.name} could not be read as a notebook ({problem}).") from None
    return cited_in_text(
        "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    )
