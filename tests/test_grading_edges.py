"""Grading at its edges: an answer with all but one part right is partly right, never correct.

The near misses are built from the question files' own texts (the right order, the right pairs,
the right groups), not from the graders, and named by text, as a student may name them.
"""

import pytest
import yaml

from conftest import ROOT
from iran_russia.exercises.kinds import QUESTION_KINDS, Outcome

FILES = sorted((ROOT / "data" / "questions").glob("*.yaml"))
QUESTIONS = [
    entry
    for path in FILES
    for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
]


def entries_of(*kinds):
    found = [entry for entry in QUESTIONS if entry["kind"] in kinds]
    assert found, f"no {kinds} question in data/questions"
    return pytest.mark.parametrize("entry", found, ids=lambda entry: entry["id"])


def one_changed(values: list[str], others: list[str]) -> list[str]:
    """`values` with its last entry replaced by a choice that differs from it."""
    changed = list(values)
    changed[-1] = next(other for other in others if other != values[-1])
    return changed


def grade(entry, answer):
    """The outcome of `answer`, graded by the question built afresh from its file entry."""
    return QUESTION_KINDS[entry["kind"]](entry).judge(answer).outcome


@entries_of("order")
def test_order_with_the_last_two_swapped_is_partly_right(entry):
    items = list(entry["items"])
    assert grade(entry, items) is Outcome.CORRECT
    near = items[:-2] + [items[-1], items[-2]]
    expected = Outcome.PARTLY if len(items) > 2 else Outcome.WRONG
    assert grade(entry, near) is expected


@entries_of("match")
def test_match_with_one_pair_wrong_is_partly_right(entry):
    rights = [pair["right"] for pair in entry["pairs"]]
    assert grade(entry, rights) is Outcome.CORRECT
    assert grade(entry, one_changed(rights, rights)) is Outcome.PARTLY


@entries_of("classify")
def test_classify_with_one_item_misplaced_is_partly_right(entry):
    bins = [item["bin"] for item in entry["items"]]
    assert grade(entry, bins) is Outcome.CORRECT
    expected = Outcome.PARTLY if len(bins) > 1 else Outcome.WRONG
    assert grade(entry, one_changed(bins, entry["bins"])) is expected


@entries_of("multiple")
def test_multiple_choice_one_missing_or_one_extra_is_partly_right(entry):
    right = list(entry["answer"])
    wrong = [option for option in entry["options"] if option not in right]
    assert grade(entry, right) is Outcome.CORRECT
    assert grade(entry, right + wrong[:1]) is Outcome.PARTLY
    if len(right) > 1:
        assert grade(entry, right[:-1]) is Outcome.PARTLY


@entries_of("single")
def test_single_choice_is_right_only_for_the_answer(entry):
    outcomes = {option: grade(entry, option) for option in entry["options"]}
    assert [o for o, outcome in outcomes.items() if outcome is Outcome.CORRECT] == [entry["answer"]]
    assert set(outcomes.values()) == {Outcome.CORRECT, Outcome.WRONG}
