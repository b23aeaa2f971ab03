"""Obvious right answers written in other ways are accepted; a broken paste is one sentence.

Covers the forms students and pasted text produce: "B)", "(B)", the panel's own "B. text",
"A, C, E" and "ACE" for lists, "0,75" and "1,813" for numbers, a hyphen for an en dash,
Decimal values, and a lone surrogate, in plain Python and in a live kernel.
"""

import decimal
import json

import pytest
from jupyter_client.manager import start_new_kernel

from conftest import ROOT
from exercise_samples import KINDS, SAMPLE, printed, samples
from iran_russia.exercises import exercise
from iran_russia.exercises.answers import Choices, Unusable, as_number

CORRECT = "Correct: the explanation is now shown.\n"


@pytest.fixture(autouse=True)
def sample_questions():
    with samples():
        yield


@pytest.mark.parametrize(
    "answer",
    [
        "B",
        "b",
        "B)",
        "(B)",
        "[B]",
        "b.",
        " (b) ",
        "B. Treaty of Turkmenchay",
        "Treaty of Turkmenchay",
    ],
)
def test_single_choice_accepts_a_letter_however_written(answer):
    assert printed(exercise(SAMPLE["single"]).answer, answer) == CORRECT


def test_a_label_with_the_wrong_letter_is_not_taken_as_right():
    message = printed(exercise(SAMPLE["single"]).answer, "C. Treaty of Turkmenchay")
    assert message.startswith('"C. Treaty of Turkmenchay" is not one of the options')


@pytest.mark.parametrize("answer", ["A, C", "A,C", "A C", "AC", "a; c", "(A), (C)"])
def test_multiple_choice_accepts_letters_in_one_text(answer):
    assert printed(exercise(SAMPLE["multiple"]).answer, answer) == CORRECT


def test_order_accepts_its_letters_in_one_text():
    panel = exercise(SAMPLE["order"])
    letters = [panel.question.items.letters[i] for i in panel.question.answer]
    assert printed(panel.answer, "".join(letters)) == CORRECT
    assert printed(exercise(SAMPLE["order"]).answer, ", ".join(letters)) == CORRECT


@pytest.mark.parametrize(
    ("text", "number"),
    [("0,75", 0.75), ("-0,5", -0.5), ("1,813", 1813.0), ("12,000", 12000.0), ("۱۸۱۳", 1813.0)],
)
def test_numbers_with_a_decimal_comma_or_thousands_separator(text, number):
    assert as_number(text, "one number") == number


@pytest.mark.parametrize("text", ["1,8,13", "0,750,1", ",5", "1.813,5"])
def test_ambiguous_commas_are_refused(text):
    with pytest.raises(Unusable):
        as_number(text, "one number")


@pytest.mark.parametrize("value", [decimal.Decimal("1813"), decimal.Decimal("1813.000")])
def test_decimal_values_are_numbers(value):
    assert printed(exercise(SAMPLE["numeric"]).answer, value) == CORRECT


def test_decimal_nan_is_one_sentence():
    assert printed(exercise(SAMPLE["numeric"]).answer, decimal.Decimal("NaN")).count("\n") == 1


def test_a_hyphen_stands_for_an_en_dash_and_straight_for_curly_quotes():
    choices = Choices(["Gore–Chernomyrdin aide-mémoire", "Iran’s lawsuit"], "options")
    assert choices.pick("Gore-Chernomyrdin aide-mémoire", "a letter") == 0
    assert choices.pick("Iran's lawsuit", "a letter") == 1


@pytest.mark.parametrize("kind", KINDS)
def test_a_lone_surrogate_gets_one_printable_sentence(kind):
    for value in ["\ud800", ["\ud800", "B"], "B\udcff"]:
        message = printed(exercise(SAMPLE[kind]).answer, value)
        assert message.count("\n") == 1
        message.encode("utf-8")  # what a kernel must do to send it


def test_a_lone_surrogate_in_a_live_kernel_is_one_sentence_not_a_traceback():
    outputs = []
    manager, client = start_new_kernel(kernel_name="python3")
    try:
        code = (
            f"import os; os.environ['IRAN_RUSSIA_DATA'] = {str(ROOT / 'data')!r}\n"
            "from iran_russia.exercises import exercise\n"
            'panel = exercise("01-griboyedov-settlement")\n'
            "display(panel)\n"  # a shown panel syncs its feedback line to the page
            "for value in ['\\ud800', '(\\ud800)', ['\\ud800']]:\n"
            "    panel.answer(value)\n"
        )
        reply = client.execute_interactive(code, timeout=60, output_hook=outputs.append)
    finally:
        client.stop_channels()
        manager.shutdown_kernel(now=True)
    assert reply["content"]["status"] == "ok", reply["content"]
    printed_lines = "".join(
        message["content"].get("text", "") for message in outputs if message["msg_type"] == "stream"
    ).splitlines()
    assert len(printed_lines) == 3, json.dumps([m["msg_type"] for m in outputs])
    assert all("is not one of the options" in line for line in printed_lines[:2]), printed_lines
    assert printed_lines[2].startswith("Expected one letter")
