"""Writing tasks: words counted, text kept, a points rubric shown (escaped) for self-marking."""

import ipywidgets as widgets
import pytest

from exercise_samples import printed, samples
from iran_russia.exercises import exercise, progress, session
from iran_russia.exercises.kinds import word_count

TEXT = (
    "Turkmenchay in 1828 took Erivan and Nakhchivan from Iran. It set the frontier on the Aras. "
    "It also <script>brought</script> an indemnity."
)


@pytest.fixture(autouse=True)
def sample_questions():
    with samples():
        yield


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("One two  three", 3), ("Turkmenchay's terms, in 1828.", 4), ("ترکمنچای ۱۸۲۸", 2)],
)
def test_words_are_counted_by_hand(text, count):
    assert word_count(text) == count


def test_a_panel_has_one_text_area():
    panel = exercise("99-writing")
    assert [type(box) for box in panel.inputs] == [widgets.Textarea]


def test_too_short_is_one_sentence_and_not_a_try():
    panel = exercise("99-writing")
    assert printed(panel.answer, "Too short.") == "Write at least 12 words: this has 2.\n"
    assert panel.tries == 0 and panel.explanation.value == ""


@pytest.mark.parametrize("value", [42, ["a list"], None])
def test_not_text_gets_one_sentence(value):
    assert printed(exercise("99-writing").answer, value).count("\n") == 1


def test_writing_is_saved_and_the_rubric_shown_escaped():
    panel = exercise("99-writing")
    panel.inputs[0].value = TEXT
    panel.check_button.click()
    rubric = panel.explanation.value
    assert "out of 4" in rubric and "<td>3</td>" in rubric and "<b>" not in rubric
    assert "&lt;b&gt;no tags&lt;/b&gt;" in rubric
    session._opened.clear()
    session._stores.clear()
    restored = exercise("99-writing")
    assert restored.inputs[0].value == TEXT and restored.status == "written"
    assert "saved work is back: written" in restored.feedback.value
    assert printed(progress, "99").splitlines()[-2:] == [
        "99-writing   written",
        "Total: 1 of 9 answered, 0 correct.",
    ]
