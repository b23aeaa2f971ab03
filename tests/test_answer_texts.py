"""The exact words a student reads about an answer, and the edges of number reading and grading.

Each expected text or number is written here by hand.
"""

import hashlib
import math

import nbformat
import pandas as pd
import pytest

from iran_russia.data import cite
from iran_russia.exercises.answers import (
    Choices,
    Unusable,
    as_number,
    describe,
    number_from_text,
    number_text,
    quote,
)
from iran_russia.exercises.kinds import Outcome, Verdict, scrambled, tally
from iran_russia.exercises.questions import QUESTION_KINDS
from iran_russia.tools import workbooks


@pytest.mark.parametrize(
    ("value", "words"),
    [
        (None, "nothing (None)"),
        ("   ", "empty text"),
        ("abc", '"abc"'),
        (True, "True"),
        (1813.0, "1813"),
        (pd.DataFrame(), "a table (DataFrame)"),
        (pd.Series(dtype=float), "a column (Series)"),
        (["x"], "a list of 1 entry"),
        (("x", "y"), "a list of 2 entries"),
        ({"a": 1}, "a dictionary"),
        ({1}, "a set"),
        (b"x", "bytes"),
        (object(), "an object"),
        (range(3), "a range"),
        (1j, "a complex"),
    ],
)
def test_a_value_is_described_in_plain_words(value, words):
    assert describe(value) == words


def test_a_quote_is_cut_after_forty_characters():
    assert quote("x" * 40) == '"' + "x" * 40 + '"'
    assert quote("x" * 41) == '"' + "x" * 39 + '…"'
    assert quote("a \n  b") == '"a b"'


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1813.0, "1813"),
        (999_999_999_999_999.0, "999999999999999"),
        (1e15, "1e+15"),
        (0.75, "0.75"),
        (10**400, "a number too large to use"),
    ],
)
def test_numbers_are_written_as_a_student_would(value, text):
    assert number_text(value) == text


@pytest.mark.parametrize(
    ("text", "number"),
    [
        (" 1813 ", 1813.0),
        ("1,813", 1813.0),
        ("-12,000", -12000.0),
        ("0,813", 0.813),
        ("-0,75", -0.75),
        ("1,81", 1.81),
        (".5", 0.5),
    ],
)
def test_numbers_are_read_from_text(text, number):
    assert number_from_text(text) == number


@pytest.mark.parametrize("text", ["inf", "nan", "1e3", "12 000", "", "x"])
def test_text_that_is_not_a_plain_number_reads_as_none(text):
    assert math.isnan(number_from_text(text))


def test_a_number_too_large_for_a_float_is_one_sentence():
    with pytest.raises(Unusable, match=r"^Expected one number, not a number too large to use\.$"):
        as_number(10**400, "one number")


def test_letters_typed_together_in_small_letters_are_split():
    choices = Choices(["Gulistan", "Turkmenchay", "Akhal"], "options")
    assert choices.split("ace") == ["a", "c", "e"]
    assert choices.split("A C") == ["A", "C"]
    assert choices.split("Gulistan; Akhal") == ["Gulistan", "Akhal"]


def test_tally_is_correct_partly_or_wrong():
    assert tally(3, 3, "right") == Verdict(Outcome.CORRECT)
    assert tally(2, 3, "right") == Verdict(Outcome.PARTLY, "2 of 3 right")
    assert tally(0, 3, "right") == Verdict(Outcome.WRONG)


def question(kind, **fields):
    entry = {"id": "99-x", "kind": kind, "prompt": "p", "hint": "h", "explanation": "e", **fields}
    return QUESTION_KINDS[kind](entry)


def test_multiple_choice_takes_a_set_and_names_what_it_cannot_take():
    asked = question("multiple", options=["a", "b", "c"], answer=["a", "c"])
    assert asked.judge({"A", "C"}).outcome is Outcome.CORRECT
    assert asked.judge(["B"]).outcome is Outcome.WRONG
    problem = asked.judge(42).detail
    assert problem == "Expected a list of the letters (A to C) of every right option, not 42."


def test_an_amount_is_right_within_its_tolerance_and_says_which_way_it_is_off():
    asked = question("numeric", answer=10, tolerance=0.5)
    assert asked.judge(10.5).outcome is Outcome.CORRECT
    assert asked.judge(10.6) == Verdict(Outcome.WRONG, "10.6 is too high")
    assert asked.judge(9.4) == Verdict(Outcome.WRONG, "9.4 is too low")
    exact = question("numeric", answer=1_000_000)
    assert exact.judge(1_000_000.0005).outcome is Outcome.CORRECT, "rounding of a large number"
    assert exact.judge(1_000_000.01).outcome is Outcome.WRONG
    small = question("numeric", answer=0.5)
    assert small.judge(0.5 + 1.5e-9).outcome is Outcome.WRONG


def test_writing_counts_its_words_from_the_minimum():
    asked = question("writing", min_words=3, rubric=[{"points": 1, "criterion": "c"}])
    assert asked.judge("one two three") == Verdict(Outcome.WRITTEN, "3 words")
    assert asked.judge("one two").outcome is Outcome.UNUSABLE
    assert asked.judge(7).detail.startswith("Expected ") and asked.judge(7).detail.endswith(
        ", not 7."
    )


def test_cite_writes_author_title_publisher_date_and_address():
    assert cite("iranica-golestan-treaty;lenczowski-russia-west-iran") == (
        "[1] Encyclopaedia Iranica. GOLESTĀN TREATY. Encyclopaedia Iranica. "
        "https://iranicaonline.org/articles/golestan-treaty.\n"
        "[2] George Lenczowski. Russia and the West in Iran, 1918-1948. "
        "Cornell University Press. 1949."
    )


def test_an_end_marker_inside_a_line_is_refused():
    with pytest.raises(workbooks.MarkerError):
        workbooks.without_solutions("answer = 1  ### END SOLUTION", workbooks.CODE_MARKERS, "p")


def test_writing_workbooks_names_the_notebook_with_a_misplaced_marker(tmp_path):
    solution = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("### BEGIN SOLUTION\nanswer = 1")]
    )
    path = tmp_path / "07_x.ipynb"
    nbformat.write(solution, path)
    (tmp_path / "out").mkdir()
    with pytest.raises(workbooks.MarkerError, match=r"^07_x\.ipynb, cell 1: "):
        workbooks.write_exercises([path], tmp_path / "out")


def test_make_exercises_writes_every_workbook_of_a_series_and_says_so(
    tmp_path, monkeypatch, capsys
):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "datapackage.json").write_text("{}")
    (tmp_path / "solutions").mkdir()
    (tmp_path / "exercises").mkdir()
    for name in ("00_a.ipynb", "01_b.ipynb"):
        cell = nbformat.v4.new_code_cell(
            "### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\nf(answer)"
        )
        nbformat.write(nbformat.v4.new_notebook(cells=[cell]), tmp_path / "solutions" / name)
    monkeypatch.chdir(tmp_path)
    assert workbooks.main([]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "exercises/00_a.ipynb: made from solutions/00_a.ipynb",
        "exercises/01_b.ipynb: made from solutions/01_b.ipynb",
    ]
    made = nbformat.read(tmp_path / "exercises" / "01_b.ipynb", as_version=4)
    assert made.cells[0].source == f"{workbooks.PROMPT}\nf(answer)"
    (tmp_path / "exercises" / "00_a.ipynb").unlink()
    assert workbooks.main([str(tmp_path / "solutions" / "01_b.ipynb")]) == 0
    assert not (tmp_path / "exercises" / "00_a.ipynb").exists(), "only the workbook asked for"


def test_a_classification_typed_as_one_text_is_split_into_its_entries():
    asked = question(
        "classify",
        bins=["fact", "interpretation"],
        items=[{"text": "a", "bin": "fact"}, {"text": "b", "bin": "interpretation"}],
    )
    assert asked.judge("fact; interpretation").outcome is Outcome.CORRECT
    assert asked.judge("interpretation; interpretation") == Verdict(
        Outcome.PARTLY, "1 of 2 in the right group"
    )


def by_hash(texts, seed):
    """The order the series promises: by the SHA-256 of seed, newline and text."""
    return sorted(texts, key=lambda text: hashlib.sha256(f"{seed}\n{text}".encode()).hexdigest())


def test_items_are_shown_in_the_hashed_order_and_never_as_given():
    texts = ["1723", "1813", "1828", "1881", "1907", "1921"]
    assert scrambled(texts, "01-order") == by_hash(texts, "01-order")
    given = by_hash(texts, "seed")
    assert scrambled(given, "seed") == given[::-1], "the given order is reversed, not kept"


def test_an_order_and_a_match_show_their_choices_in_the_hashed_order_of_their_id():
    order = question("order", items=["c", "a", "d", "b"])
    assert order.items.texts == by_hash(["c", "a", "d", "b"], "99-x")
    match = question("match", pairs=[{"left": f"l{n}", "right": r} for n, r in enumerate("wxyz")])
    assert match.choices.texts == by_hash(list("wxyz"), "99-x")


def test_a_question_keeps_its_hint_and_explanation():
    asked = question("single", options=["a", "b"], answer="a")
    assert (asked.prompt, asked.hint, asked.explanation) == ("p", "h", "e")


@pytest.mark.parametrize(
    ("kind", "fields", "noun"),
    [
        ("multiple", {"options": ["a", "b"], "answer": ["c"]}, "options"),
        ("classify", {"bins": ["f", "g"], "items": [{"text": "t", "bin": "h"}]}, "groups"),
    ],
)
def test_a_faulty_answer_key_names_what_it_is_not_one_of(kind, fields, noun):
    with pytest.raises(ValueError, match=f"is not one of the {noun}$"):
        question(kind, **fields)


@pytest.mark.parametrize(
    ("kind", "fields", "noun"),
    [
        ("classify", {"bins": ["f"], "items": [{"text": "t", "bin": "f"}]}, "items"),
        ("match", {"pairs": [{"left": "a", "right": "x"}, {"left": "b", "right": "y"}]}, "options"),
    ],
)
def test_a_name_that_is_no_choice_is_one_sentence_naming_the_choices(kind, fields, noun):
    asked = question(kind, **fields)
    answer, named = ({"nope": "f"}, '"nope"') if kind == "classify" else (["zz", "x"], '"zz"')
    assert asked.judge(answer).detail.startswith(f"{named} is not one of the {noun}: expected ")


def test_a_data_task_with_an_unknown_computation_lists_the_known_ones(monkeypatch):
    monkeypatch.setattr("iran_russia.exercises.kinds.COMPUTATIONS", {"b": len, "a": len})
    with pytest.raises(ValueError, match=r"^there is no computation 'c' \(known: a, b\)$"):
        question("data", computation="c")
