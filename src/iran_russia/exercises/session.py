"""What a notebook calls: exercise() opens a question, check() answers one, progress() sums up.

The panel opened last for each question holds the student's tries in this kernel session, so
running an exercise's cell again starts it afresh, and progress() reports what those panels hold.
None of the three raises at a student: an unknown id or lesson gets one sentence instead.
"""

from iran_russia.exercises.questions import QuestionError, find, lesson_questions
from iran_russia.exercises.widgets import ExercisePanel, Notice
from iran_russia.paths import DataNotFound

_opened: dict[str, ExercisePanel] = {}


def exercise(question_id: str) -> ExercisePanel | Notice:
    """The panel of one question, such as exercise("00-gulistan-year"), to show in a cell."""
    try:
        question = find(question_id)
    except (QuestionError, DataNotFound) as problem:
        return Notice(str(problem))
    panel = _opened[question.id] = ExercisePanel(question)
    return panel


def check(question_id: str, answer: object = ...) -> None:
    """Check an answer, such as check("00-events-count", len(events)), and print the feedback.

    The feedback also appears in the question's panel, if its cell has been run.
    """
    panel = _opened.get(question_id.strip()) if isinstance(question_id, str) else None
    (panel if panel is not None else exercise(question_id)).answer(answer)


def progress(lesson: str) -> None:
    """Print each exercise of a lesson ("00") as answered and correct or not, then a total."""
    try:
        questions = lesson_questions(lesson)
    except (QuestionError, DataNotFound) as problem:
        print(problem)
        return
    statuses = {
        question.id: _opened[question.id].status if question.id in _opened else "not answered yet"
        for question in questions
    }
    width = max(map(len, statuses))
    for name, status in statuses.items():
        print(f"{name:<{width}}  {status}")
    answered = sum(status != "not answered yet" for status in statuses.values())
    correct = sum(status == "correct" for status in statuses.values())
    print(f"Total: {answered} of {len(statuses)} answered, {correct} correct.")
