"""What a notebook calls: exercise() opens a question, check() answers one, progress() sums up,
start_over() forgets a lesson's saved work.

Every graded answer is saved at once in the student's own folder (see store.py), so re-running a
cell, restarting the kernel or reopening the workbook brings each panel and progress() back.
None of these raises at a student: an unknown id or lesson gets one sentence instead.
"""

import nbformat

from iran_russia.exercises.questions import QuestionError, find, lesson_questions
from iran_russia.exercises.store import Store
from iran_russia.exercises.widgets import ExercisePanel, Notice
from iran_russia.paths import DataNotFound, data_dir
from iran_russia.tools.workbooks import sections

_opened: dict[str, ExercisePanel] = {}
_stores: dict[str, Store] = {}


def saved_work(lesson: str) -> Store:
    """The saved work of one lesson ("01"), read once per kernel; says so if it was unreadable."""
    if lesson not in _stores:
        _stores[lesson] = Store(lesson)
    store = _stores[lesson]
    if store.notice:
        print(store.notice)
        store.notice = ""
    return store


def exercise(question_id: str) -> ExercisePanel | Notice:
    """The panel of one question, such as exercise("00-gulistan-year"), to show in a cell."""
    try:
        question = find(question_id)
    except (QuestionError, DataNotFound) as problem:
        return Notice(str(problem))
    panel = _opened[question.id] = ExercisePanel(question, saved_work(question.id[:2]))
    return panel


def check(question_id: str, answer: object = ...) -> None:
    """Check an answer, such as check("00-reported-events", answer), and print the feedback.

    The feedback also appears in the question's panel, if its cell has been run.
    """
    panel = _opened.get(question_id.strip()) if isinstance(question_id, str) else None
    (panel if panel is not None else exercise(question_id)).answer(answer)


def status_of(record: dict) -> str:
    """A saved record in words: correct, answered but not correct yet, or not answered yet."""
    if record.get("solved"):
        return "correct"
    if record.get("text"):
        return "written"
    return "answered, not correct yet" if record.get("tries") else "not answered yet"


def where_asked(lesson: str) -> list[tuple[str, list[str]]]:
    """(place, question ids) for each section of a lesson ("03") and of its workbook that asks
    questions, such as ("Workbook, 2. Bushehr, step by step", ["03-bushehr-order"]). A notebook
    that cannot be read (say, half-saved) is skipped: its questions are listed without a place."""
    places = []
    for folder, name in (("notebooks", "Lesson"), ("exercises", "Workbook")):
        for path in sorted((data_dir().parent / folder).glob(f"{lesson}_*.ipynb"))[:1]:
            try:
                notebook = nbformat.read(path, as_version=4)
            except (OSError, ValueError):
                continue
            places += [(f"{name}, {title}", ids) for title, ids in sections(notebook)]
    return places


def progress(lesson: str) -> None:
    """Print each exercise of a lesson ("00") as answered and correct or not, under the section
    of the lesson or workbook that asks it, then a total."""
    try:
        questions = lesson_questions(lesson)
    except (QuestionError, DataNotFound) as problem:
        print(problem)
        return
    number = questions[0].id[:2]
    store = saved_work(number)
    statuses = {question.id: status_of(store.get(question.id)) for question in questions}
    width = max(map(len, statuses))
    listed: set[str] = set()
    for place, ids in where_asked(number):
        shown = [name for name in ids if name in statuses and name not in listed]
        if shown:
            print(place)
            for name in shown:
                print(f"  {name:<{width}}  {statuses[name]}")
            listed.update(shown)
    for name in [name for name in statuses if name not in listed]:
        print(f"{name:<{width}}  {statuses[name]}")
    answered = sum(status != "not answered yet" for status in statuses.values())
    correct = sum(status == "correct" for status in statuses.values())
    print(f"Total: {answered} of {len(statuses)} answered, {correct} correct.")


def start_over(lesson: str) -> None:
    """Forget the saved work of a lesson ("01") and blank its open panels; the old file is kept."""
    try:
        number = lesson_questions(lesson)[0].id[:2]
    except (QuestionError, DataNotFound) as problem:
        print(problem)
        return
    saved_work(number).clear()
    for question_id, panel in _opened.items():
        if question_id.startswith(f"{number}-"):
            panel.reset()
    print(f"Lesson {number} starts afresh: its earlier answers were set aside, not deleted.")
