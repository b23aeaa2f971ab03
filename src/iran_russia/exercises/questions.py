"""Questions are data: one YAML file per lesson, data/questions/NN_topic.yaml, read here.

Each file is checked against the schema of schema.py (the format an instructor writes, explained
in data/questions/README.md), then by its question kinds for what a schema cannot see, such as an
answer missing from its options. Files are read on every call, so an edited question shows up
the next time its cell runs; a file is parsed again only when its text has changed.
"""

import difflib
import functools
import re
from pathlib import Path

import fastjsonschema
import yaml

from iran_russia.exercises.answers import quote
from iran_russia.exercises.kinds import QUESTION_KINDS, Question
from iran_russia.exercises.schema import file_schema
from iran_russia.paths import data_dir

SCHEMA = file_schema({kind: question.fields for kind, question in QUESTION_KINDS.items()})
VALIDATE = fastjsonschema.compile(SCHEMA)
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's, where installed
LESSON = re.compile(r"[0-9]{1,2}")
ID_START = re.compile(r"[0-9]{2}-")


class QuestionError(Exception):
    """No question can be given (unknown id or lesson, faulty file); the message says why."""


def questions_dir() -> Path:
    """The folder of question files, data/questions/."""
    return data_dir() / "questions"


def schema_place(path: list) -> str:
    """Where in a file a schema error is: ", question 3, options" (the path starts with "data")."""
    if len(path) < 3:
        return ""
    fields = ".".join(str(part) for part in path[3:])
    return f", question {int(path[2]) + 1}" + (f", {fields}" if fields else "")


def schema_rule(error: fastjsonschema.JsonSchemaValueException) -> str:
    """The rule a schema error breaks, without the path: "must contain ['hint'] properties"."""
    return error.message.removeprefix(error.name).strip()


def read_questions(path: Path) -> list[Question]:
    """The questions in one file; QuestionError names the file and its first problem."""
    return list(parsed_questions(path.name, path.read_text(encoding="utf-8")))


@functools.lru_cache(maxsize=32)
def parsed_questions(filename: str, text: str) -> tuple[Question, ...]:
    """The questions in the text of the file called `filename` (see `read_questions`)."""
    try:
        document = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" at line {mark.line + 1}" if mark else ""
        problem = getattr(error, "problem", None) or error
        raise QuestionError(f"{filename} is not valid YAML{where}: {problem}.") from None
    try:
        VALIDATE(document)
    except fastjsonschema.JsonSchemaValueException as error:
        raise QuestionError(
            f"{filename}{schema_place(error.path)}: {schema_rule(error)}."
        ) from None
    lesson = filename[:2]
    questions: dict[str, Question] = {}
    for entry in document["questions"]:
        name = entry["id"]
        if not name.startswith(f"{lesson}-"):
            raise QuestionError(f"{filename}: the id {name} should start with {lesson}-.")
        if name in questions:
            raise QuestionError(f"{filename}: the id {name} is used twice.")
        try:
            questions[name] = QUESTION_KINDS[entry["kind"]](entry)
        except ValueError as problem:
            raise QuestionError(f"{filename}, question {name}: {problem}.") from None
    return tuple(questions.values())


def lesson_questions(lesson: object) -> list[Question]:
    """The questions of one lesson, given as "00" (or 0), in the order of its file."""
    if isinstance(lesson, int) and not isinstance(lesson, bool):
        lesson = str(lesson)
    if not isinstance(lesson, str) or not LESSON.fullmatch(lesson.strip()):
        raise QuestionError('Give the lesson number as two digits, such as "00".')
    number = lesson.strip().zfill(2)
    paths = sorted(questions_dir().glob(f"{number}_*.yaml"))
    if not paths:
        known = ", ".join(sorted({path.name[:2] for path in questions_dir().glob("*.yaml")}))
        raise QuestionError(
            f"Lesson {number} has no exercises; lessons with exercises: {known or 'none'}."
        )
    if len(paths) > 1:
        names = ", ".join(path.name for path in paths)
        raise QuestionError(f"Lesson {number} has more than one question file: {names}.")
    return read_questions(paths[0])


def find(question_id: object) -> Question:
    """The question with this id, such as "00-gulistan-year"; QuestionError if there is none."""
    if not isinstance(question_id, str) or not ID_START.match(question_id.strip()):
        raise QuestionError('Give the exercise\'s name as text, such as "00-gulistan-year".')
    wanted = question_id.strip()
    questions = {question.id: question for question in lesson_questions(wanted[:2])}
    if wanted in questions:
        return questions[wanted]
    close = difflib.get_close_matches(wanted, questions, n=1)
    advice = f'did you mean "{close[0]}"?' if close else "copy its name from the workbook."
    raise QuestionError(f"There is no exercise {quote(wanted)}: {advice}")
