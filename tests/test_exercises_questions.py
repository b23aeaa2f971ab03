"""Question files: valid against the schema, consistent, and read into a session's progress."""

import csv
import math
import re

import jsonschema
import pytest
import yaml

from conftest import ROOT
from exercise_samples import FIXTURE_DATA, RIGHT, SAMPLE, WRONG, printed, samples
from iran_russia.exercises import check, exercise, progress
from iran_russia.exercises.computations import COMPUTATIONS
from iran_russia.exercises.kinds import QUESTION_KINDS, DataTask
from iran_russia.exercises.questions import (
    SCHEMA,
    QuestionError,
    lesson_questions,
    read_questions,
)

QUESTION_FILES = sorted((ROOT / "data" / "questions").glob("*.yaml"))
SAMPLE_FILE = FIXTURE_DATA / "questions" / "99_samples.yaml"
GOOD = {
    "id": "00-good",
    "kind": "single",
    "prompt": "Which?",
    "options": ["one", "two"],
    "answer": "two",
    "hint": "Not one.",
    "explanation": "Two.",
}


def file_with(tmp_path, *questions, name="00_topic.yaml"):
    path = tmp_path / name
    path.write_text(yaml.safe_dump({"questions": list(questions)}, allow_unicode=True))
    return path


def test_schema_is_a_valid_json_schema_naming_every_kind():
    jsonschema.Draft7Validator.check_schema(SCHEMA)
    question = SCHEMA["properties"]["questions"]["items"]
    assert question["properties"]["kind"]["enum"] == list(QUESTION_KINDS)


@pytest.mark.parametrize("path", [*QUESTION_FILES, SAMPLE_FILE], ids=lambda path: path.name)
def test_question_file_is_valid_against_the_schema(path):
    assert re.fullmatch(r"[0-9]{2}_[a-z0-9_]+\.yaml", path.name)
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
    errors = [error.message for error in jsonschema.Draft7Validator(SCHEMA).iter_errors(document)]
    assert not errors


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda path: path.name)
def test_question_file_reads_and_its_data_tasks_compute_a_number(path):
    for question in read_questions(path):
        if isinstance(question, DataTask):
            assert math.isfinite(question.target())


def test_every_lesson_with_a_workbook_has_a_question_file():
    for solution in (ROOT / "solutions").glob("*.ipynb"):
        assert (ROOT / "data" / "questions" / f"{solution.stem}.yaml").is_file()


@pytest.mark.parametrize(
    "change, problem",
    [
        ({"hint": None}, "00_topic.yaml, question 1: must contain ['hint'] properties."),
        ({"kind": "essay"}, "00_topic.yaml, question 1, kind: must be one of"),
        ({"hnit": "x"}, "00_topic.yaml, question 1: must not contain {'hnit'} properties."),
        ({"tolerance": 1}, "must not contain {'tolerance'} properties."),
        ({"options": ["one"]}, "question 1, options: must contain at least 2 items."),
        ({"prompt": "  "}, "question 1, prompt: must match pattern"),
        ({"id": "gulistan"}, "question 1, id: must match pattern"),
        ({"id": "01-good"}, "00_topic.yaml: the id 01-good should start with 00-."),
        ({"answer": "three"}, "00_topic.yaml, question 00-good: 'three' is not one of the options"),
        ({"options": ["One", "one "]}, "two options differ only in capitals or spacing."),
    ],
)  # fmt: skip
def test_faulty_question_is_reported_with_file_and_question(tmp_path, change, problem):
    question = {key: value for key, value in {**GOOD, **change}.items() if value is not None}
    with pytest.raises(QuestionError) as raised:
        read_questions(file_with(tmp_path, question))
    assert problem in str(raised.value)


@pytest.mark.parametrize(
    "question, problem",
    [
        ({"computation": "no_such_thing"}, "there is no computation 'no_such_thing'"),
        ({"computation": "first_event_year", "arguments": {"x": 1}}, "the arguments do not fit"),
        ({"computation": "count_rows"}, "the arguments do not fit"),
    ],
)
def test_data_task_must_name_a_computation_it_can_call(tmp_path, question, problem):
    entry = {**GOOD, "kind": "data", **question}
    del entry["options"], entry["answer"]
    with pytest.raises(QuestionError, match=problem):
        read_questions(file_with(tmp_path, entry))


def test_repeated_id_and_broken_yaml_are_reported(tmp_path):
    with pytest.raises(QuestionError, match="the id 00-good is used twice"):
        read_questions(file_with(tmp_path, GOOD, GOOD))
    broken = tmp_path / "00_broken.yaml"
    broken.write_text("questions:\n  - id: [\n")
    with pytest.raises(QuestionError, match="00_broken.yaml is not valid YAML at line 3"):
        read_questions(broken)


def test_edited_question_file_is_read_again(tmp_path, monkeypatch):
    monkeypatch.setenv("IRAN_RUSSIA_DATA", str(tmp_path))
    (tmp_path / "questions").mkdir()
    file_with(tmp_path / "questions", GOOD)
    assert lesson_questions("00")[0].prompt == "Which?"
    file_with(tmp_path / "questions", {**GOOD, "prompt": "Which one?"})
    assert lesson_questions(0)[0].prompt == "Which one?"


def events_rows():
    with (ROOT / "data" / "events.csv").open(encoding="utf-8") as file:
        return list(csv.DictReader(file))


def test_computations_of_lesson_00_agree_with_the_events_file():
    rows = events_rows()
    assert COMPUTATIONS["count_rows"]("events") == len(rows)
    reported = sum(row["status"] == "reported" for row in rows)
    assert COMPUTATIONS["count_rows"]("events", {"status": "reported"}) == reported
    assert COMPUTATIONS["first_event_year"]() == min(int(row["date"][:4]) for row in rows)


def test_progress_reports_each_exercise_and_a_total():
    with samples():
        for kind in ("single", "order", "numeric"):
            exercise(SAMPLE[kind])
        printed(check, "99-single", RIGHT["single"])
        printed(check, "99-order", WRONG["order"])
        printed(check, "99-numeric", "soon")
        printed(check, "99-data", RIGHT["data"])
        assert printed(progress, "99") == (
            "99-single    correct\n"
            "99-multiple  not answered yet\n"
            "99-order     answered, not correct yet\n"
            "99-match     not answered yet\n"
            "99-classify  not answered yet\n"
            "99-numeric   not answered yet\n"
            "99-estimate  not answered yet\n"
            "99-data      correct\n"
            "99-writing   not answered yet\n"
            "Total: 3 of 9 answered, 2 correct.\n"
        )
        exercise("99-single")
        assert printed(progress, 99).splitlines()[0] == "99-single    correct"


@pytest.mark.parametrize("path", QUESTION_FILES, ids=lambda path: path.name)
def test_question_texts_carry_no_markdown_code_marks(path):
    """Panels show their text escaped, as plain words, so a backtick would reach the student."""
    marked = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if "`" in line]
    assert not marked, marked[:3]
