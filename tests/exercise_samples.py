"""One sample question of each kind (tests/fixtures/exercise_data), for the exercise tests.

`samples()` points the data folder at the fixture, registers the fake computation its data task
uses and starts a fresh session; RIGHT, PARTLY and WRONG give answers of each kind.
"""

import tempfile
from contextlib import contextmanager, redirect_stdout
from io import StringIO
from pathlib import Path

import pytest

from iran_russia.exercises import session
from iran_russia.exercises.computations import COMPUTATIONS
from iran_russia.exercises.store import WORK_ENV_VAR

FIXTURE_DATA = Path(__file__).parent / "fixtures" / "exercise_data"
TOTAL = 42
KINDS = ["single", "multiple", "order", "match", "classify", "numeric", "data"]
SAMPLE = {kind: f"99-{kind}" for kind in KINDS}

RIGHT = {
    "single": "B",
    "multiple": ["A", "C"],
    "order": ["first", "second", "third", "fourth"],
    "match": {"Gulistan": "1813", "Turkmenchay": "1828", "Friendship": "1921"},
    "classify": ["fact", "interpretation", "prediction"],
    "numeric": 1813,
    "data": TOTAL,
}
PARTLY = {
    "multiple": (["A"], "1 right, 0 wrong, 1 missing"),
    "order": (["first", "second", "fourth", "third"], "2 of 4 in the right place"),
    "match": (["1813", "1921", "1828"], "1 of 3 pairs right"),
    "classify": (["fact", "prediction", "interpretation"], "1 of 3 in the right group"),
}
WRONG = {
    "single": "A",
    "multiple": ["B", "D"],
    "order": ["fourth", "third", "second", "first"],
    "match": ["1828", "1921", "1813"],
    "classify": ["prediction", "fact", "interpretation"],
    "numeric": 1828,
    "data": TOTAL + 1,
}


@contextmanager
def samples():
    """The sample questions as the data folder, their fake computation, a fresh session with
    an empty folder of saved work (yielded)."""
    with pytest.MonkeyPatch.context() as patch, tempfile.TemporaryDirectory() as work:
        patch.setenv("IRAN_RUSSIA_DATA", str(FIXTURE_DATA))
        patch.setenv(WORK_ENV_VAR, work)
        patch.setitem(COMPUTATIONS, "fixture_total", lambda: TOTAL)
        patch.setattr(session, "_opened", {})
        patch.setattr(session, "_stores", {})
        yield Path(work)


def printed(action, *args) -> str:
    """What `action(*args)` prints."""
    out = StringIO()
    with redirect_stdout(out):
        action(*args)
    return out.getvalue()
