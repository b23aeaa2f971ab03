"""Each kind of exercise grades right, partly right and wrong answers, by code and by click."""

import ipywidgets as widgets
import numpy as np
import pytest

from exercise_samples import KINDS, PARTLY, RIGHT, SAMPLE, TOTAL, WRONG, printed, samples
from iran_russia.data import DataError
from iran_russia.exercises import check, exercise
from iran_russia.exercises.computations import COMPUTATIONS

INPUT_TYPES = {
    "single": [widgets.RadioButtons],
    "multiple": [widgets.Checkbox] * 4,
    "order": [widgets.Dropdown] * 4,
    "match": [widgets.Dropdown] * 3,
    "classify": [widgets.Dropdown] * 3,
    "numeric": [widgets.Text],
    "data": [],
}


@pytest.fixture(autouse=True)
def sample_questions():
    with samples():
        yield


def choose(dropdown: widgets.Dropdown, text: str) -> None:
    """Select the option of `dropdown` whose label ends with `text`, as a student would."""
    for option in dropdown.options:
        label, value = option if isinstance(option, tuple) else (option, option)
        if label.endswith(text):
            dropdown.value = value
            return
    raise AssertionError(f"no option {text!r}")


def fill_in(panel, kind: str, answer) -> None:
    """Set the panel's inputs to `answer`, given as texts."""
    match kind:
        case "single":
            panel.inputs[0].value = answer
        case "multiple":
            for letter, box in zip(panel.question.options.letters, panel.inputs, strict=True):
                box.value = letter in answer
        case "numeric":
            panel.inputs[0].value = f" {answer} "
        case _:
            texts = answer.values() if isinstance(answer, dict) else answer
            for dropdown, text in zip(panel.inputs, texts, strict=True):
                choose(dropdown, text)


@pytest.mark.parametrize("kind", KINDS)
def test_panel_keeps_the_dom_contract(kind):
    panel = exercise(SAMPLE[kind])
    assert {"ex-panel", f"ex-kind-{kind}"} <= set(panel._dom_classes)
    assert [panel.check_button.description, panel.hint_button.description] == ["Check", "Hint"]
    assert "ex-feedback" in panel.feedback._dom_classes
    assert "ex-explanation" in panel.explanation._dom_classes
    assert [type(box) for box in panel.inputs] == INPUT_TYPES[kind]
    assert repr(panel) == f"Exercise {SAMPLE[kind]}: run this cell to answer it."
    assert len(repr(panel)) < 110


@pytest.mark.parametrize("kind", KINDS)
def test_right_answer_is_correct_and_shows_the_explanation(kind):
    panel = exercise(SAMPLE[kind])
    assert panel.explanation.value == ""
    assert printed(panel.answer, RIGHT[kind]) == "Correct: the explanation is now shown.\n"
    assert panel.feedback.value == "Correct: the explanation is now shown."
    assert panel.explanation.value.startswith("Explanation: ")
    assert panel.status == "correct"


@pytest.mark.parametrize("kind", KINDS)
def test_wrong_answer_asks_for_another_try(kind):
    panel = exercise(SAMPLE[kind])
    sentence = printed(panel.answer, WRONG[kind]).strip()
    assert sentence.startswith("Not quite") and sentence.endswith("try again, or press Hint.")
    assert panel.explanation.value == ""
    assert panel.status == "answered, not correct yet"


@pytest.mark.parametrize("kind", sorted(PARTLY))
def test_partly_right_answer_says_how_much_is_right(kind):
    answer, detail = PARTLY[kind]
    panel = exercise(SAMPLE[kind])
    expected = f"Partly right: {detail}; try again, or press Hint.\n"
    assert printed(panel.answer, answer) == expected


@pytest.mark.parametrize("kind", KINDS)
def test_third_wrong_try_reveals_the_explanation(kind):
    panel = exercise(SAMPLE[kind])
    printed(panel.answer, WRONG[kind])
    printed(panel.answer, ...)  # not an answer, so not a try
    printed(panel.answer, WRONG[kind])
    assert panel.explanation.value == ""
    assert printed(panel.answer, WRONG[kind]).strip().endswith("the explanation is now shown.")
    assert panel.explanation.value.startswith("Explanation: ")
    assert panel.tries == 3


@pytest.mark.parametrize("kind", KINDS)
def test_reset_starts_afresh(kind):
    panel = exercise(SAMPLE[kind])
    if kind == "data":
        printed(check, SAMPLE[kind], RIGHT[kind])
    else:
        fill_in(panel, kind, RIGHT[kind])
        printed(panel.check_button.click)
    printed(panel.hint_button.click)
    assert panel.status == "correct"
    panel.reset()
    assert panel.status == "not answered yet" and panel.tries == 0
    assert [panel.feedback.value, panel.hint_line.value, panel.explanation.value] == ["", "", ""]
    assert printed(panel.check_button.click).startswith("Not answered yet: expected ")


@pytest.mark.parametrize("kind", [kind for kind in KINDS if kind != "data"])
def test_clicking_check_does_what_answer_does(kind):
    clicked, by_code = exercise(SAMPLE[kind]), exercise(SAMPLE[kind])
    for answer in (WRONG[kind], RIGHT[kind]):
        fill_in(clicked, kind, answer)
        assert printed(clicked.check_button.click) == printed(by_code.answer, answer)
        assert clicked.feedback.value == by_code.feedback.value
        assert clicked.explanation.value == by_code.explanation.value
    assert clicked.status == by_code.status == "correct"


@pytest.mark.parametrize("kind", KINDS)
def test_clicking_check_with_nothing_chosen_says_not_answered_yet(kind):
    panel = exercise(SAMPLE[kind])
    assert printed(panel.check_button.click).startswith("Not answered yet: expected ")
    assert panel.tries == 0 and panel.status == "not answered yet"


@pytest.mark.parametrize("kind", KINDS)
def test_hint_button_shows_and_prints_the_hint(kind):
    panel = exercise(SAMPLE[kind])
    assert panel.hint_line.value == ""
    sentence = printed(panel.hint_button.click).strip()
    assert sentence.startswith("Hint: ")
    assert panel.hint_line.value == sentence


@pytest.mark.parametrize(
    "answer, sentence",
    [
        (100, "Correct: the explanation is now shown."),
        ("105", "Correct: the explanation is now shown."),
        (94.5, "Not quite: 94.5 is too low; try again, or press Hint."),
        (" 106 ", "Not quite: 106 is too high; try again, or press Hint."),
    ],
)
def test_numeric_answer_is_right_within_its_tolerance(answer, sentence):
    assert printed(exercise("99-estimate").answer, answer).strip() == sentence


def test_single_choice_takes_a_letter_or_the_option_text():
    for answer in ["B", " b ", "b.", "treaty of  TURKMENCHAY"]:
        assert printed(exercise("99-single").answer, answer).startswith("Correct")


def test_match_and_classify_take_a_mapping_by_item():
    assert printed(check, "99-match", RIGHT["match"]).startswith("Correct")
    items = ["Turkmenchay was signed in 1828.", "Turkmenchay was a humiliation."]
    by_item = dict(zip(items, ["fact", "interpretation"], strict=True))
    by_item["An alliance will follow within ten years."] = "prediction"
    assert printed(check, "99-classify", by_item).startswith("Correct")


def test_check_updates_the_panel_shown_for_a_data_task():
    panel = exercise("99-data")
    assert printed(check, "99-data", np.int64(TOTAL)) == "Correct: the explanation is now shown.\n"
    assert panel.feedback.value == "Correct: the explanation is now shown."
    assert printed(panel.check_button.click).startswith("Correct"), "Check re-checks the value"


def test_data_task_compares_with_the_data_at_check_time(monkeypatch):
    panel = exercise("99-data")
    printed(panel.answer, TOTAL)
    monkeypatch.setitem(COMPUTATIONS, "fixture_total", lambda: TOTAL + 10)
    assert printed(panel.answer, TOTAL).startswith("Not quite: 42 is too low")


def test_data_task_without_data_says_so_in_one_sentence(monkeypatch):
    def broken():
        raise DataError("events.csv is missing from data.")

    monkeypatch.setitem(COMPUTATIONS, "fixture_total", broken)
    panel = exercise("99-data")
    expected = "The data could not give the right value: events.csv is missing from data.\n"
    assert printed(panel.answer, TOTAL) == expected
    assert panel.tries == 0
