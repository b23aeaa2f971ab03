"""Where the series lives and the links that open one of its notebooks on Binder or a JupyterHub.

The repository's address is kept once, in CITATION.cff (`repository-code`); everything else
derives its links from it.
"""

import sys
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import yaml

from iran_russia.paths import project_root

BINDER = "https://mybinder.org/v2/gh"
BRANCH = "main"


def citation(root: Path) -> dict:
    """The series' citation file, read as data."""
    return yaml.safe_load((root / "CITATION.cff").read_text(encoding="utf-8"))


def repository(root: Path) -> str:
    """The repository's web address, on its forge."""
    return citation(root)["repository-code"].rstrip("/")


def repository_name(address: str) -> str:
    """The folder a clone of the repository gets: the last part of its address."""
    return urlsplit(address).path.rstrip("/").rsplit("/", 1)[-1]


def binder_url(address: str, notebook: str) -> str:
    """A mybinder.org link that opens `notebook` (a path in the repository) in JupyterLab."""
    owner_and_name = urlsplit(address).path.strip("/")
    return f"{BINDER}/{owner_and_name}/HEAD?urlpath={quote('lab/tree/' + notebook)}"


def hub_url(hub: str, address: str, notebook: str) -> str:
    """An nbgitpuller link: the hub copies (or updates) the series, then opens `notebook`."""
    query = urlencode(
        {
            "repo": address,
            "branch": BRANCH,
            "urlpath": f"lab/tree/{repository_name(address)}/{notebook}",
        }
    )
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def main(arguments: list[str]) -> int:
    """Print the nbgitpuller link of every lesson and workbook for the hub given."""
    if len(arguments) != 1 or not arguments[0].startswith(("https://", "http://")):
        print(
            "Give your hub's address, such as: python -m iran_russia.site.launch https://hub.example.edu"
        )
        return 2
    root = project_root()
    address = repository(root)
    for folder in ("notebooks", "exercises"):
        for path in sorted((root / folder).glob("*.ipynb")):
            print(
                f"{folder}/{path.name}\n  {hub_url(arguments[0], address, f'{folder}/{path.name}')}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
