"""Student work is kept, restored, handed in and collected; bad files never cost answers."""

import json
import os
import stat
import subprocess
import sys
import time

import nbformat
import pytest

from exercise_samples import RIGHT, SAMPLE, WRONG, printed, samples
from iran_russia import classroom
from iran_russia.exercises import check, exercise, progress, session, start_over
from iran_russia.exercises.store import WORK_ENV_VAR, Store, work_folder


@pytest.fixture
def work():
    with samples() as folder:
        yield folder


def new_kernel():
    """What a kernel restart does to the session: every panel and store is forgotten."""
    session._opened.clear()
    session._stores.clear()


def test_answers_are_saved_as_the_student_works(work):
    panel = exercise(SAMPLE["single"])
    printed(panel.answer, WRONG["single"])
    printed(panel.answer, RIGHT["single"])
    saved = json.loads((work_folder() / "99.json").read_text())["questions"]["99-single"]
    assert saved == {"tries": 2, "solved": True, "answer": RIGHT["single"],
                     "wrong": [WRONG["single"]]}  # fmt: skip


def test_a_restart_brings_back_every_panel_and_progress(work):
    printed(exercise(SAMPLE["single"]).answer, RIGHT["single"])
    order = exercise(SAMPLE["order"])
    wrong_letters = [letter for _label, letter in order.inputs[0].options][::-1]
    printed(order.answer, wrong_letters)
    printed(exercise(SAMPLE["numeric"]).show_hint)
    new_kernel()
    assert printed(progress, "99").splitlines()[:3] == [
        "99-single    correct",
        "99-multiple  not answered yet",
        "99-order     answered, not correct yet",
    ]
    single = exercise(SAMPLE["single"])
    assert single.status == "correct" and single.tries == 1
    assert single.inputs[0].value == RIGHT["single"]
    assert "saved work is back: correct (1 try)" in single.feedback.value
    assert single.explanation.value.startswith("Explanation:")
    order = exercise(SAMPLE["order"])
    assert [box.value for box in order.inputs] == wrong_letters
    assert exercise(SAMPLE["numeric"]).hint_line.value.startswith("Hint:")


def test_progress_lists_each_question_under_the_workbook_section_that_asks_it(
    tmp_path, monkeypatch
):
    monkeypatch.setenv(WORK_ENV_VAR, str(tmp_path))
    monkeypatch.setattr(session, "_opened", {})
    monkeypatch.setattr(session, "_stores", {})
    printed(check, "00-gulistan-year", 1813)  # the year of the treaty of Gulistan, by hand
    lines = [" ".join(line.split()) for line in printed(progress, "00").splitlines()]
    # headings and order as exercises/00_start_here.ipynb gives them
    assert lines[:4] == [
        "Workbook, 1. Type a number",
        "00-gulistan-year correct",
        "Workbook, 2. Choose one answer",
        "00-anglo-russian-spheres not answered yet",
    ]
    assert lines[-3:] == [
        "Workbook, Your first answer",
        "00-first-answer not answered yet",
        "Total: 1 of 10 answered, 1 correct.",
    ]


def test_progress_still_lists_every_question_when_a_notebook_cannot_be_read(tmp_path, monkeypatch):
    monkeypatch.setenv(WORK_ENV_VAR, str(tmp_path))
    monkeypatch.setattr(session, "_stores", {})

    def half_saved(*args, **kwargs):
        raise nbformat.reader.NotJSONError("Notebook does not appear to be JSON")

    monkeypatch.setattr(session.nbformat, "read", half_saved)
    lines = printed(progress, "00").splitlines()
    assert lines[0].split() == ["00-gulistan-year", "not", "answered", "yet"]
    assert lines[-1] == "Total: 0 of 10 answered, 0 correct."  # lesson 00 has ten questions


def test_rerunning_an_exercise_cell_keeps_a_result_that_check_recorded(work):
    printed(check, SAMPLE["data"], RIGHT["data"])
    assert exercise(SAMPLE["data"]).status == "correct"


def test_an_untouched_prompt_after_a_restart_keeps_the_saved_answer(work):
    printed(exercise(SAMPLE["single"]).answer, RIGHT["single"])
    new_kernel()
    panel = exercise(SAMPLE["single"])
    message = printed(panel.answer, ...)  # the workbook's `answer = ...` cell, run again
    assert message == "Your saved work is back: correct (1 try).\n"
    assert panel.status == "correct"
    assert printed(exercise(SAMPLE["numeric"]).answer, ...).startswith("Not answered yet")


def test_start_over_forgets_but_keeps_the_old_file(work):
    printed(exercise(SAMPLE["single"]).answer, RIGHT["single"])
    message = printed(start_over, "99")
    assert "starts afresh" in message
    assert exercise(SAMPLE["single"]).status == "not answered yet"
    assert list(work_folder().glob("99.before-start-over-*.json"))
    assert printed(start_over, "nope").endswith(".\n")


@pytest.mark.parametrize(
    "content",
    ["{not json", '{"format": "something-else", "questions": {}}',
     '{"format": "iran-russia-work/1", "questions": {"99-single": {"tries": "many"}}}',
     '{"format": "iran-russia-work/1", "questions": {"99-single": {"eval": "1+1"}}}',
     "[1, 2]", "\udcff"],
)  # fmt: skip
def test_a_corrupt_or_foreign_file_is_set_aside_with_one_sentence(work, content):
    path = work_folder() / "99.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    message = printed(exercise, SAMPLE["single"])
    assert message.count("\n") == 1 and "could not be read" in message
    assert list(path.parent.glob("99.unreadable-*.json")), "the unreadable file is kept"
    panel = exercise(SAMPLE["single"])
    printed(panel.answer, RIGHT["single"])
    new_kernel()
    assert exercise(SAMPLE["single"]).status == "correct"


def test_lesson_and_workbook_share_saved_work_and_solutions_keep_theirs_apart(
    tmp_path, monkeypatch
):
    monkeypatch.delenv(WORK_ENV_VAR, raising=False)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}")
    for folder in ("notebooks", "exercises", "solutions"):
        (tmp_path / folder).mkdir()
    monkeypatch.chdir(tmp_path / "notebooks")
    assert work_folder() == tmp_path / "my_work"
    monkeypatch.chdir(tmp_path / "exercises")
    assert work_folder() == tmp_path / "my_work"
    monkeypatch.chdir(tmp_path / "solutions")
    assert work_folder() == tmp_path / "my_work" / "solutions"
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert work_folder() == tmp_path / "home" / ".iran-russia" / "my_work" / "solutions"


def test_a_read_only_checkout_still_answers(work):
    os.chmod(work, stat.S_IRUSR | stat.S_IXUSR)
    try:
        if os.access(work, os.W_OK):  # root writes anywhere: make writing fail another way
            (work / "99").write_text("a file where the folder should be")
        panel = exercise(SAMPLE["single"])
        message = printed(panel.answer, RIGHT["single"])
        assert message == "Correct: the explanation is now shown.\n"
        assert panel.status == "correct"
    finally:
        os.chmod(work, stat.S_IRWXU)


def test_saving_is_cheap():
    """A loose guard only; `make bench` measures a click with the save included."""
    with samples():
        panel = exercise(SAMPLE["single"])
        start = time.perf_counter()
        printed(panel.answer, WRONG["single"])
        assert time.perf_counter() - start < 1.0


def test_hand_in_writes_one_escaped_file_a_teacher_can_read(work, monkeypatch):
    monkeypatch.chdir(work)
    hostile = "<script>alert(1)</script>"
    printed(exercise(SAMPLE["numeric"]).answer, hostile)
    printed(exercise(SAMPLE["single"]).answer, RIGHT["single"])
    message = printed(classroom.hand_in, "99", "Ada <b>Lovelace</b>")
    assert "not tamper-proof" in message
    [page] = work.glob("hand_in_99_*.html")
    text = page.read_text()
    assert "<b>" not in text and "<script>alert" not in text
    record = classroom.read_hand_in(page)
    assert record["student"] == "Ada <b>Lovelace</b>" and record["lesson"] == "99"
    by_id = {entry["id"]: entry for entry in record["questions"]}
    assert by_id["99-single"]["solved"] is True
    # the name is remembered: a second hand-in needs none
    assert "Saved hand_in_99_Ada-b-Lovelace-b.html" in printed(classroom.hand_in, "99")


def test_hand_in_without_a_name_asks_for_it_in_words(work):
    assert printed(classroom.hand_in, "99").startswith("Give your name once")
    assert printed(classroom.hand_in, "99", "   ").startswith("Give your name once")
    assert printed(classroom.hand_in, "7x").endswith(".\n")


def write_hand_in(folder, name, single, numeric):
    new_kernel()
    with samples():
        printed(exercise(SAMPLE["single"]).answer, single)
        if numeric is not None:
            printed(exercise(SAMPLE["numeric"]).answer, numeric)
        page = classroom.hand_in_page(classroom.hand_in_record("99", name))
    (folder / f"hand_in_99_{name}.html").write_text(page)


def test_collect_writes_class_and_question_tables_and_reports_bad_files(tmp_path):
    write_hand_in(tmp_path, "ada", RIGHT["single"], 1066)
    write_hand_in(tmp_path, "=cmd", WRONG["single"], 1066)
    write_hand_in(tmp_path, "cyd", WRONG["single"], None)
    (tmp_path / "broken.html").write_text("<html>no record here</html>")
    (tmp_path / "ada-again.html").write_text((tmp_path / "hand_in_99_ada.html").read_text())
    result = subprocess.run(
        [sys.executable, "-m", "iran_russia.classroom", "collect", str(tmp_path)],
        capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "broken.html: skipped, no hand-in record inside." in result.stdout
    assert "a second hand-in by the same student" in result.stdout
    assert "Read 3 hand-ins, skipped 2" in result.stdout
    class_table = (tmp_path / "class_table.csv").read_text().splitlines()
    assert class_table[0].startswith("student,lesson,answered,correct,words_written,tries 99-")
    assert any(line.startswith("'=cmd,99,2,0,") for line in class_table)
    questions = {
        line.split(",")[0]: line.split(",")[1:]
        for line in (tmp_path / "question_table.csv").read_text().splitlines()[1:]
    }
    assert questions["99-single"][:4] == ["3", "0.33", WRONG["single"], "2"]
    assert questions["99-numeric"][:2] == ["2", "0.0"]


def test_collect_usage_is_one_sentence(tmp_path):
    assert classroom.main(["collect", str(tmp_path / "missing")]) == 2


def test_a_store_for_a_foreign_lesson_file_never_raises(work):
    store = Store("99")
    store.put("99-single", tries=1)
    assert Store("99").get("99-single") == {"tries": 1}
