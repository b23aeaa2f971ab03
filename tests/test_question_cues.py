"""No cue gives a single- or multiple-choice answer away: not its length, not its position,
not the screen above it. Thresholds are explained in data/questions/README.md ("Cues")."""

import collections
import json
import re
import statistics

import pytest
import yaml

from conftest import ROOT
from iran_russia.exercises.questions import find

QUESTION_FILES = sorted((ROOT / "data" / "questions").glob("*.yaml"))
MAX_LONGEST_SHARE = 0.35  # the right option is strictly the longest in at most 35% of questions
MAX_LENGTH_RATIO = 1.4  # ... and never 1.4 times longer than the average distractor
MAX_POSITION_SHARE = 0.4  # no letter holds the right answer in more than 40% of questions
MAX_MULTIPLE_RATIO = 1.3  # right options of multiple choice average at most 1.3 times the wrong


def questions(kind):
    found = []
    for path in QUESTION_FILES:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
        found += [(path.stem[:2], q) for q in entries if q["kind"] == kind]
    return found


def right_is_strictly_longest(question) -> bool:
    lengths = sorted(len(option) for option in question["options"])
    return len(question["answer"]) == lengths[-1] > lengths[-2]


def length_ratio(question) -> float:
    wrong = [len(o) for o in question["options"] if o != question["answer"]]
    return len(question["answer"]) / statistics.mean(wrong)


def cue_report() -> list[str]:
    """Per lesson and in total: single choices whose answer is the longest option, and where
    the answers sit; printed at the end of make test."""
    singles = questions("single")
    lines = ["lesson  single  answer longest  answer positions"]
    for lesson in sorted({lesson for lesson, _ in singles} | {"all"}):
        chosen = [q for les, q in singles if lesson in ("all", les)]
        longest = sum(map(right_is_strictly_longest, chosen))
        positions = collections.Counter("ABCD"[q["options"].index(q["answer"])] for q in chosen)
        spread = " ".join(f"{letter}:{positions[letter]}" for letter in "ABCD")
        lines.append(f"{lesson:>6}  {len(chosen):>6}  {longest:>14}  {spread}")
    return lines


def test_the_right_option_is_rarely_the_longest():
    singles = [q for _, q in questions("single")]
    longest = sum(map(right_is_strictly_longest, singles))
    assert longest <= MAX_LONGEST_SHARE * len(singles), "\n".join(cue_report())


@pytest.mark.parametrize("question", [q for _, q in questions("single")], ids=lambda q: q["id"])
def test_no_right_option_stands_out_by_length(question):
    assert length_ratio(question) <= MAX_LENGTH_RATIO


def test_right_options_are_spread_over_the_letters():
    singles = [q for _, q in questions("single")]
    positions = collections.Counter(q["options"].index(q["answer"]) for q in singles)
    assert max(positions.values()) <= MAX_POSITION_SHARE * len(singles), "\n".join(cue_report())
    assert positions[0] > 0, "the right answer is never option A"


def test_multiple_choice_right_options_are_not_the_long_ones():
    ratios = []
    for _, q in questions("multiple"):
        right = [len(o) for o in q["options"] if o in q["answer"]]
        wrong = [len(o) for o in q["options"] if o not in q["answer"]]
        ratios.append(statistics.mean(right) / statistics.mean(wrong))
    assert statistics.mean(ratios) <= MAX_MULTIPLE_RATIO


@pytest.mark.parametrize("lesson", [p.stem for p in (ROOT / "notebooks").glob("0[1-9]_*.ipynb")])
def test_a_workbook_does_not_repeat_its_lessons_questions(lesson):
    call = re.compile(r'exercise\(\\"([0-9]{2}-[a-z0-9-]+)')
    in_lesson = set(call.findall((ROOT / "notebooks" / f"{lesson}.ipynb").read_text()))
    in_workbook = set(call.findall((ROOT / "solutions" / f"{lesson}.ipynb").read_text()))
    assert not in_lesson & in_workbook


SHORT_OUTPUT = 5  # an output with at most this many numbers is a computed result, not a table


def printed_numbers(notebook) -> set[float]:
    """Numbers a lesson prints as results: every number of a short text output, and every
    non-whole number anywhere (whole numbers in long tables are mostly years and row labels)."""
    cells = json.loads(notebook.read_text(encoding="utf-8"))["cells"]
    found = set()
    for cell in cells:
        for output in cell.get("outputs", []):
            text = output.get("text") or output.get("data", {}).get("text/plain", "")
            text = "".join(text) if isinstance(text, list) else text
            numbers = re.findall(r"-?\d+(?:\.\d+)?", text.replace(",", ""))
            if len(numbers) <= SHORT_OUTPUT:
                found |= {float(n) for n in numbers}
            found |= {float(n) for n in numbers if "." in n}
    return found


@pytest.mark.parametrize("lesson", [p.stem for p in (ROOT / "notebooks").glob("0[1-9]_*.ipynb")])
def test_no_data_task_answer_is_printed_in_its_lesson(lesson):
    shown = printed_numbers(ROOT / "notebooks" / f"{lesson}.ipynb")
    entries = yaml.safe_load((ROOT / "data" / "questions" / f"{lesson}.yaml").read_text())
    printed = []
    for entry in entries["questions"]:
        if entry["kind"] != "data":
            continue
        target = find(entry["id"]).target()
        if any(abs(target - number) <= max(entry.get("tolerance", 0), 1e-9) for number in shown):
            printed.append(f"{entry['id']} ({target:g})")
    assert not printed, f"the lesson prints the answer of {printed}"
