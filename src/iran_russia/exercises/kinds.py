"""The seven kinds of question: their fields in a question file, what each expects, how it grades.

Each class declares the JSON Schema of its own fields (`fields`, assembled by schema.py), is built
from one entry of a question file already checked against that schema, and raises ValueError for
what a schema cannot see, such as an answer missing from the options.
`judge(value)` never raises: an answer it cannot grade gets an UNUSABLE verdict whose detail is
one sentence saying what is expected; such an answer does not count as a try.
"""

import hashlib
import inspect
import re
from dataclasses import dataclass
from enum import Enum, auto

from iran_russia.data import DataError
from iran_russia.exercises.answers import (
    Choices,
    Unusable,
    as_number,
    describe,
    entries,
    is_blank,
    number_text,
)
from iran_russia.exercises.computations import COMPUTATIONS
from iran_russia.exercises.schema import CHOICES, TEXT, TOLERANCE, records


class Outcome(Enum):
    UNUSABLE = auto()  # not graded: blank, or not the kind of value the question expects
    WRONG = auto()
    PARTLY = auto()
    CORRECT = auto()
    WRITTEN = auto()  # a piece of writing, kept for the student to mark against a rubric


@dataclass(frozen=True)
class Verdict:
    """How an answer went, and a short reason ("2 of 4 in the right place") where there is one."""

    outcome: Outcome
    detail: str = ""


def tally(right: int, total: int, what: str) -> Verdict:
    """Correct if all `total` parts are right, partly right if some are, wrong if none is."""
    if right == total:
        return Verdict(Outcome.CORRECT)
    if right:
        return Verdict(Outcome.PARTLY, f"{right} of {total} {what}")
    return Verdict(Outcome.WRONG)


def scrambled(texts: list[str], seed: str) -> list[str]:
    """The texts in an order fixed by `seed` (the same on every run), never the given order."""
    mixed = sorted(texts, key=lambda text: hashlib.sha256(f"{seed}\n{text}".encode()).hexdigest())
    return mixed[::-1] if mixed == list(texts) else mixed


class Question:
    """What every kind has: id, prompt, hint and explanation (source_ids stay in the file)."""

    kind = ""
    fields: dict = {}

    def __init__(self, entry: dict):
        self.id = entry["id"]
        self.prompt = entry["prompt"]
        self.hint = entry["hint"]
        self.explanation = entry["explanation"]

    @property
    def expected(self) -> str:
        """What an answer should be, in words: "one letter from A to D"."""
        raise NotImplementedError

    def grade(self, value: object) -> Verdict:
        """Grade a non-blank answer; raise Unusable if it cannot be graded."""
        raise NotImplementedError

    def judge(self, value: object) -> Verdict:
        """Grade any value at all, without raising."""
        try:
            if is_blank(value):
                raise Unusable(f"Not answered yet: expected {self.expected}.")
            return self.grade(value)
        except Unusable as problem:
            return Verdict(Outcome.UNUSABLE, str(problem))


class SingleChoice(Question):
    kind = "single"
    fields = {"options": CHOICES, "answer": TEXT}

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.options = Choices(entry["options"], "options")
        self.answer = self.options.position(entry["answer"])

    @property
    def expected(self) -> str:
        return f"one letter from {self.options.span}"

    def grade(self, value: object) -> Verdict:
        picked = self.options.pick(value, self.expected)
        return Verdict(Outcome.CORRECT if picked == self.answer else Outcome.WRONG)


class MultipleChoice(Question):
    kind = "multiple"
    fields = {
        "options": CHOICES,
        "answer": {"type": "array", "minItems": 1, "uniqueItems": True, "items": TEXT},
    }

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.options = Choices(entry["options"], "options")
        self.answer = {self.options.position(text) for text in entry["answer"]}

    @property
    def expected(self) -> str:
        return f"a list of the letters ({self.options.span}) of every right option"

    def grade(self, value: object) -> Verdict:
        if isinstance(value, str):
            value = self.options.split(value)
        elif isinstance(value, set | frozenset):
            value = sorted(value, key=repr)
        if not isinstance(value, list | tuple):
            raise Unusable(f"Expected {self.expected}, not {describe(value)}.")
        picked = {self.options.pick(token, self.expected) for token in value}
        right, wrong = len(picked & self.answer), len(picked - self.answer)
        missing = len(self.answer - picked)
        if not wrong and not missing:
            return Verdict(Outcome.CORRECT)
        if right:
            return Verdict(Outcome.PARTLY, f"{right} right, {wrong} wrong, {missing} missing")
        return Verdict(Outcome.WRONG)


class Order(Question):
    """Put items in order; the file lists them in the right order, the panel shows them mixed."""

    kind = "order"
    fields = {"items": CHOICES}

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.items = Choices(scrambled(entry["items"], self.id), "items")
        self.answer = [self.items.position(text) for text in entry["items"]]

    @property
    def expected(self) -> str:
        return f"a list of the {len(self.answer)} letters {self.items.span}, earliest first"

    def grade(self, value: object) -> Verdict:
        tokens = entries(value, len(self.answer), self.expected, choices=self.items)
        picked = [self.items.pick(token, self.expected) for token in tokens]
        for position in picked:
            if picked.count(position) > 1:
                letter = self.items.letters[position]
                raise Unusable(f"{letter} is chosen twice: expected {self.expected}.")
        right = sum(p == a for p, a in zip(picked, self.answer, strict=True))
        return tally(right, len(self.answer), "in the right place")


class Assignment(Question):
    """Give each of some items one of some choices (the base of match and classify)."""

    items: Choices
    choices: Choices
    answer: list[int]
    right_what = ""

    def grade(self, value: object) -> Verdict:
        tokens = entries(
            value, len(self.answer), self.expected, keys=self.items, choices=self.choices
        )
        picked = [self.choices.pick(token, self.expected) for token in tokens]
        right = sum(p == a for p, a in zip(picked, self.answer, strict=True))
        return tally(right, len(self.answer), self.right_what)


class Match(Assignment):
    """Match pairs; the file lists them as left/right, the panel offers the rights mixed."""

    kind = "match"
    fields = {"pairs": records({"left": TEXT, "right": TEXT}, min_items=2)}
    right_what = "pairs right"

    def __init__(self, entry: dict):
        super().__init__(entry)
        rights = [pair["right"] for pair in entry["pairs"]]
        self.items = Choices([pair["left"] for pair in entry["pairs"]], "items")
        self.choices = Choices(scrambled(list(dict.fromkeys(rights)), self.id), "options")
        self.answer = [self.choices.position(text) for text in rights]

    @property
    def expected(self) -> str:
        count = len(self.answer)
        return f"a list of {count} letters from {self.choices.span}, one for each item in turn"


class Classify(Assignment):
    kind = "classify"
    fields = {"bins": CHOICES, "items": records({"text": TEXT, "bin": TEXT}, min_items=1)}
    right_what = "in the right group"

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.items = Choices([item["text"] for item in entry["items"]], "items")
        self.choices = Choices(entry["bins"], "groups")
        self.answer = [self.choices.position(item["bin"]) for item in entry["items"]]

    @property
    def expected(self) -> str:
        groups = ", ".join(self.choices.texts)
        return f"a list of {len(self.answer)} group names ({groups}), one for each item in turn"


class Amount(Question):
    """A number right within a tolerance (the base of numeric and data)."""

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.tolerance = entry.get("tolerance", 0)

    def target(self) -> float:
        """The right value."""
        raise NotImplementedError

    def grade(self, value: object) -> Verdict:
        number = as_number(value, self.expected)
        target = self.target()
        gap = number - target
        if abs(gap) <= self.tolerance + 1e-9 * max(1.0, abs(target)):
            return Verdict(Outcome.CORRECT)
        direction = "high" if gap > 0 else "low"
        return Verdict(Outcome.WRONG, f"{number_text(number)} is too {direction}")


class Numeric(Amount):
    kind = "numeric"
    fields = {"answer": {"type": "number"}, "tolerance": TOLERANCE}
    expected = "one number"

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.answer = entry["answer"]

    def target(self) -> float:
        return self.answer


class DataTask(Amount):
    """Compute a value with pandas; the right value is computed from the data at check time."""

    kind = "data"
    fields = {
        "computation": {"type": "string", "pattern": "^[a-z_][a-z0-9_]*$"},
        "arguments": {"type": "object"},
        "tolerance": TOLERANCE,
    }

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.computation = entry["computation"]
        self.arguments = entry.get("arguments", {})
        if self.computation not in COMPUTATIONS:
            known = ", ".join(sorted(COMPUTATIONS))
            raise ValueError(f"there is no computation {self.computation!r} (known: {known})")
        try:
            inspect.signature(COMPUTATIONS[self.computation]).bind(**self.arguments)
        except TypeError as error:
            raise ValueError(f"the arguments do not fit {self.computation}: {error}") from None

    @property
    def expected(self) -> str:
        return f'one number computed with pandas, given as check("{self.id}", answer)'

    def target(self) -> float:
        try:
            return COMPUTATIONS[self.computation](**self.arguments)
        except (DataError, OSError) as error:
            raise Unusable(f"The data could not give the right value: {error}") from None


def word_count(text: str) -> int:
    """Words in a text, counted as runs of letters or digits (so "Turkmenchay's" is one)."""
    return len(re.findall(r"\w+(?:['’]\w+)*", text))


class Writing(Question):
    """A few sentences of the student's own, kept and shown with a points-based rubric."""

    kind = "writing"
    fields = {
        "min_words": {"type": "integer", "minimum": 1},
        "rubric": records(
            {"criterion": TEXT, "points": {"type": "integer", "minimum": 1}, "top": TEXT},
            min_items=2,
        ),
    }

    def __init__(self, entry: dict):
        super().__init__(entry)
        self.min_words = entry["min_words"]
        self.rubric = entry["rubric"]

    @property
    def expected(self) -> str:
        return f"a text of at least {self.min_words} words"

    def grade(self, value: object) -> Verdict:
        if not isinstance(value, str):
            raise Unusable(f"Expected {self.expected}, not {describe(value)}.")
        words = word_count(value)
        if words < self.min_words:
            raise Unusable(f"Write at least {self.min_words} words: this has {words}.")
        return Verdict(Outcome.WRITTEN, f"{words} words")


QUESTION_KINDS = {
    kind.kind: kind
    for kind in (SingleChoice, MultipleChoice, Order, Match, Classify, Numeric, DataTask, Writing)
}
