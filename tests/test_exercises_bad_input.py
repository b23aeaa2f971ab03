"""Bad input gets one sentence saying what is expected: never an exception, never raw HTML."""

from html import escape

import ipywidgets as widgets
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercise_samples import KINDS, RIGHT, SAMPLE, printed, samples
from iran_russia.exercises import check, exercise, progress
from iran_russia.exercises.kinds import SingleChoice
from iran_russia.exercises.widgets import ExercisePanel

SCRIPT = "<script>alert(1)</script>"
ORDER = "a list of the 4 letters A to D, earliest first"
MATCH = "a list of 3 letters from A to C, one for each item in turn"
GROUPS = "a list of 3 group names (fact, interpretation, prediction), one for each item in turn"
DATA = 'one number computed with pandas, given as check("99-data", answer)'
SENTENCES = [
    ("numeric", ..., "Not answered yet: expected one number."),
    ("numeric", None, "Not answered yet: expected one number."),
    ("numeric", " \t ", "Not answered yet: expected one number."),
    ("numeric", "eighteen", '"eighteen" is not a number: expected one number.'),
    ("numeric", "18 13", '"18 13" is not a number: expected one number.'),
    ("numeric", "1,8,13", '"1,8,13" is not a number: expected one number.'),
    ("numeric", pd.DataFrame({"year": [1813]}), "Expected one number, not a table (DataFrame)."),
    ("numeric", pd.Series([1813]), "Expected one number, not a column (Series)."),
    ("numeric", [1813], "Expected one number, not a list of 1 entry."),
    ("numeric", float("nan"), "Expected one number, not nan."),
    ("numeric", float("-inf"), "Expected one number, not -inf."),
    ("numeric", True, "Expected one number, not True."),
    ("numeric", b"1813", "Expected one number, not bytes."),
    ("numeric", {"year": 1813}, "Expected one number, not a dictionary."),
    ("single", ["B"], "Expected one letter from A to C, not a list of 1 entry."),
    ("single", "Z", '"Z" is not one of the options: expected one letter from A to C.'),
    ("single", 2, "Expected one letter from A to C, not 2."),
    ("single", "", "Not answered yet: expected one letter from A to C."),
    (
        "multiple",
        ["A", 3],
        "Expected a list of the letters (A to D) of every right option, not 3.",
    ),
    ("order", ["A", "A", "B", "C"], f"A is chosen twice: expected {ORDER}."),
    ("order", ["first", "second"], f"Expected {ORDER}, not a list of 2 entries."),
    ("order", "ABCDE", f'Expected {ORDER}, not "ABCDE".'),
    ("order", ["A", "B", "C", "Z"], f'"Z" is not one of the items: expected {ORDER}.'),
    ("order", [None, None, None, None], f"Not answered yet: expected {ORDER}."),
    ("match", {"Gulistan": "1813"}, f"Not finished: 2 of 3 still empty; expected {MATCH}."),
    ("match", {"Tilsit": "1807"}, f'"Tilsit" is not one of the items: expected {MATCH}.'),
    ("classify", ["fact", "idea", "x"], f'"idea" is not one of the groups: expected {GROUPS}.'),
    ("data", pd.DataFrame({"x": [1, 2]}), f"Expected {DATA}, not a table (DataFrame)."),
    ("data", ..., f"Not answered yet: expected {DATA}."),
]


@pytest.fixture(autouse=True, scope="module")
def sample_questions():
    with samples():
        yield


@pytest.fixture(scope="module")
def panels():
    return {kind: exercise(SAMPLE[kind]) for kind in KINDS}


def html_values(widget: widgets.Widget) -> list[str]:
    """The values of every HTML widget inside `widget`."""
    found = [widget.value] if isinstance(widget, widgets.HTML) else []
    for child in getattr(widget, "children", ()):
        found += html_values(child)
    return found


@pytest.mark.parametrize("kind, value, sentence", SENTENCES)
def test_bad_input_gets_one_sentence_and_costs_no_try(kind, value, sentence):
    panel = exercise(SAMPLE[kind])
    assert printed(panel.answer, value) == sentence + "\n"
    assert panel.feedback.value == escape(sentence)
    assert panel.tries == 0


def test_spaces_around_a_number_are_fine():
    assert printed(exercise("99-numeric").answer, " 1813 ").startswith("Correct")


@pytest.mark.parametrize(
    "question_id, sentence",
    [
        ("99-singel", 'There is no exercise "99-singel": did you mean "99-single"?'),
        ("99-zzz", 'There is no exercise "99-zzz": copy its name from the workbook.'),
        ("98-single", "Lesson 98 has no exercises; lessons with exercises: 99."),
        (42, 'Give the exercise\'s name as text, such as "00-gulistan-year".'),
        (None, 'Give the exercise\'s name as text, such as "00-gulistan-year".'),
    ],
)
def test_unknown_exercise_is_one_sentence(question_id, sentence):
    notice = exercise(question_id)
    assert repr(notice) == sentence
    assert printed(notice.answer, 1813) == sentence + "\n"
    assert printed(check, question_id, 1813) == sentence + "\n"


@pytest.mark.parametrize("lesson", ["x", None, [99], "999"])
def test_unknown_lesson_is_one_sentence(lesson):
    assert printed(progress, lesson) == 'Give the lesson number as two digits, such as "00".\n'


def test_missing_data_folder_is_one_sentence(tmp_path, monkeypatch):
    monkeypatch.delenv("IRAN_RUSSIA_DATA")
    monkeypatch.chdir(tmp_path)
    assert repr(exercise("00-gulistan-year")).startswith("Could not find the series' data folder")


@pytest.mark.parametrize("kind", KINDS)
def test_student_text_is_escaped_in_every_html_value(kind, panels):
    panel = panels[kind]
    size = len(RIGHT[kind]) if isinstance(RIGHT[kind], list | dict) else 1
    for value in (SCRIPT, [SCRIPT], [SCRIPT] * size, {SCRIPT: SCRIPT}):
        printed(panel.answer, value)
        assert not any("<script" in html for html in html_values(panel))
    printed(panel.answer, SCRIPT)
    assert "&lt;script&gt;" in panel.feedback.value


def test_question_text_is_escaped_too():
    entry = {
        "id": "99-html",
        "prompt": "<img src=x onerror=alert(1)>?",
        "hint": "<b>bold</b>",
        "explanation": "<i>why</i>",
        "options": ["<u>a</u>", "b"],
        "answer": "b",
    }
    panel = ExercisePanel(SingleChoice(entry))
    printed(panel.hint_button.click)
    printed(panel.answer, "b")
    assert not any("<img" in html or "<b>" in html or "<i>" in html for html in html_values(panel))


def dataframes(values):
    return st.lists(values, max_size=4).map(lambda column: pd.DataFrame({"x": column}))


TOKENS = ["A", "b", " C ", "d.", "E", "fact", "first", "fourth", "1813", " 1813 ", "42", "1e3",
          "B)", "(B)", "[c]", "A. Treaty of Gulistan", "A, C, E", "ACE", "a c", "0,75", "1,813",
          "Gore-Chernomyrdin", "\ud800", "(\udcff)"]  # fmt: skip
SURROGATES = st.text(st.characters(categories=["Cs"]), min_size=1, max_size=3)
KEYS = ["Gulistan", "Turkmenchay", "Friendship", "Turkmenchay was signed in 1828.", "A"]
SCALARS = st.one_of(
    st.text(),
    SURROGATES,
    st.tuples(st.sampled_from(TOKENS), SURROGATES).map("".join),
    st.sampled_from(TOKENS),
    st.integers(),
    st.floats(),  # including nan, inf and -inf
    st.none(),
    st.just(...),
    st.binary(),
    st.booleans(),
    st.decimals(),
    st.fractions(),
    st.integers(-(2**63), 2**63 - 1).map(np.int64),
    st.floats().map(np.float64),
    st.lists(st.integers(-9, 9), max_size=3).map(np.array),
    dataframes(st.integers()),
    dataframes(st.text(max_size=3)),
    st.lists(st.floats(), max_size=3).map(pd.Series),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.tuples(inner, inner),
        st.dictionaries(st.text(max_size=8) | st.sampled_from(KEYS), inner, max_size=4),
        st.frozensets(st.sampled_from(TOKENS) | st.integers(), max_size=4),
    ),
    max_leaves=12,
)


@pytest.mark.parametrize("kind", KINDS)
@settings(max_examples=200, deadline=None)
@given(value=VALUES)
def test_any_value_gets_one_sentence_never_an_exception(kind, value, panels):
    panel = panels[kind]
    sentence = printed(panel.answer, value)
    assert sentence.count("\n") == 1 and sentence.endswith((".\n", "?\n")), sentence
    assert panel.feedback.value == escape(sentence[:-1])
    sentence.encode("utf-8")  # a kernel sends it as UTF-8: no lone surrogate may remain


@settings(max_examples=200, deadline=None)
@given(value=VALUES)
def test_any_question_id_or_lesson_gets_sentences_never_an_exception(value):
    assert repr(exercise(value))
    assert printed(check, value, 1813).endswith((".\n", "?\n"))
    assert printed(progress, value).endswith(".\n")
