"""A student's saved work: one small JSON file per lesson, kept where the student works.

The files live in `my_work/` at the top of the student's copy of the series, so a lesson and its
workbook share them (answers given in the lesson count in the workbook's progress); worked
solutions keep theirs apart, in `my_work/solutions/`. Where that folder cannot be written (a
read-only checkout), they go to `~/.iran-russia/my_work/`; `$IRAN_RUSSIA_WORK` overrides both
(the tests use a fresh folder). `my_work/` is ignored by git, so pulling an update of the series
(nbgitpuller, git pull) never touches it. A file that cannot be read is renamed, never deleted,
and a one-sentence notice says so.

Each lesson's file holds, per question id, a record such as
`{"tries": 2, "solved": true, "answer": "B", "wrong": ["C"], "hint": false}`, and for written
answers `{"text": "...", "words": 57}`. Only JSON is read back: nothing saved is ever run as code.
"""

import contextlib
import json
import os
import tempfile
from pathlib import Path

from iran_russia.exercises.answers import printable
from iran_russia.paths import DataNotFound, project_root

WORK_ENV_VAR = "IRAN_RUSSIA_WORK"
FOLDER = "my_work"
FORMAT = "iran-russia-work/1"
FIELDS = {
    "tries": int,
    "solved": bool,
    "answer": object,
    "wrong": list,
    "hint": bool,
    "text": str,
    "words": int,
}


@contextlib.contextmanager
def fresh_work_folder():
    """Within the block, saved work goes to a new empty folder (for runs that must start blank)."""
    before = os.environ.get(WORK_ENV_VAR)
    with tempfile.TemporaryDirectory() as folder:
        os.environ[WORK_ENV_VAR] = folder
        try:
            yield Path(folder)
        finally:
            os.environ.pop(WORK_ENV_VAR)
            if before is not None:
                os.environ[WORK_ENV_VAR] = before


def work_folder() -> Path:
    """Where this notebook's saved work goes (created when first written)."""
    here = Path.cwd()
    shelf = "solutions" if here.name == "solutions" else ""  # worked answers are kept apart
    override = os.environ.get(WORK_ENV_VAR)
    if override:
        return Path(override) / shelf
    try:
        series = project_root(here)
    except DataNotFound:
        series = here
    if os.access(series, os.W_OK):
        return series / FOLDER / shelf
    return Path.home() / ".iran-russia" / FOLDER / shelf


def work_file(lesson: str) -> Path:
    """The file of one lesson's saved work, such as my_work/01.json."""
    return work_folder() / f"{lesson}.json"


def plain(value: object) -> object:
    """`value` if it is plain JSON data (text, numbers, lists of them), else None."""
    if isinstance(value, str):
        return printable(value)
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, list | tuple):
        items = [plain(item) for item in value]
        return None if any(item is None for item in items) else items
    return None


def valid_record(record: object) -> bool:
    """True for a dict whose known fields have the right types (unknown fields are refused)."""
    if not isinstance(record, dict) or not set(record) <= set(FIELDS):
        return False
    return all(
        expected is object or isinstance(record[name], expected)
        for name, expected in FIELDS.items()
        if name in record
    )


class Store:
    """One lesson's saved work, read once and written after every change."""

    def __init__(self, lesson: str):
        self.lesson = lesson
        self.path = work_file(lesson)
        self.notice = ""
        self.records = self._read()

    def _read(self) -> dict:
        if not self.path.exists():
            return {}
        try:
            document = json.loads(self.path.read_text(encoding="utf-8"))
            if document.get("format") != FORMAT:
                raise ValueError("it is not a file of this series")
            records = document["questions"]
            if not isinstance(records, dict) or not all(map(valid_record, records.values())):
                raise ValueError("its contents are damaged")
            return records
        except (OSError, UnicodeDecodeError, ValueError, KeyError, AttributeError) as problem:
            kept = self._set_aside("unreadable")
            reason = problem if isinstance(problem, ValueError) and str(problem) else "unreadable"
            self.notice = (
                f"Your saved work for lesson {self.lesson} could not be read ({reason}); "
                f"it was kept as {kept.name} and new answers are saved afresh."
            )
            return {}

    def _set_aside(self, label: str) -> Path:
        number = 1
        while (kept := self.path.with_name(f"{self.path.stem}.{label}-{number}.json")).exists():
            number += 1
        with contextlib.suppress(OSError):
            self.path.rename(kept)
        return kept

    def get(self, question_id: str) -> dict:
        """The saved record of one question (empty if there is none)."""
        return dict(self.records.get(question_id, {}))

    def put(self, question_id: str, **fields) -> None:
        """Update one question's record and write the file; a failed write is never fatal."""
        self.records.setdefault(question_id, {}).update(fields)
        self.write()

    def write(self) -> None:
        """Write the whole file atomically, so a crash never leaves half a file."""
        document = {"format": FORMAT, "lesson": self.lesson, "questions": self.records}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(document, out, ensure_ascii=False, indent=1)
            os.replace(temporary, self.path)
        except OSError as problem:
            self.notice = f"Your work could not be saved ({problem.strerror})."

    def clear(self) -> None:
        """Forget every saved answer of this lesson (the old file is kept, set aside)."""
        if self.path.exists():
            self._set_aside("before-start-over")
        self.records = {}
