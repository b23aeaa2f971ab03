"""Turn whatever a student passes as an answer into something gradable, or into one sentence.

Students type, click and compute all sorts of values: " 1813 ", "b", a DataFrame, None, `...`.
The helpers here accept the reasonable ones and raise `Unusable` for the rest, with a message
that says, in one sentence, what is expected. Nothing here evaluates or renders student input.
"""

import math
import numbers
import re
import string
from collections.abc import Mapping

import pandas as pd

LETTERS = string.ascii_uppercase
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
QUOTE_LIMIT = 40


class Unusable(Exception):
    """An answer that cannot be graded; the message says, in one sentence, what is expected."""


def is_blank(value: object) -> bool:
    """True for the ways of not answering yet: `...`, None, blank text or an empty list."""
    if value is None or value is Ellipsis:
        return True
    if isinstance(value, str):
        return not value.strip()
    return isinstance(value, list | tuple | set | frozenset) and not value


def quote(text: str) -> str:
    """Text on one line, cut to a readable length and put in double quotes."""
    flat = " ".join(text.split())
    if len(flat) > QUOTE_LIMIT:
        flat = flat[: QUOTE_LIMIT - 1] + "…"
    return f'"{flat}"'


def number_text(value: object) -> str:
    """A number as a student would write it: 1813 rather than 1813.0."""
    try:
        number = float(value)
    except (OverflowError, ValueError):
        return "a number too large to use"
    if number.is_integer() and abs(number) < 1e15:
        return str(int(number))
    return f"{number:g}"


def describe(value: object) -> str:
    """Name a value in plain words: '"abc"', 'a table (DataFrame)', 'a list of 3 entries'."""
    if value is None:
        return "nothing (None)"
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, str):
        return quote(value) if value.strip() else "empty text"
    if isinstance(value, numbers.Real):
        return number_text(value)
    if isinstance(value, pd.DataFrame):
        return "a table (DataFrame)"
    if isinstance(value, pd.Series):
        return "a column (Series)"
    if isinstance(value, list | tuple):
        return f"a list of {len(value)} {'entry' if len(value) == 1 else 'entries'}"
    if isinstance(value, Mapping):
        return "a dictionary"
    if isinstance(value, set | frozenset):
        return "a set"
    if isinstance(value, bytes | bytearray):
        return "bytes"
    name = type(value).__name__
    return f"{'an' if name[0].lower() in 'aeiou' else 'a'} {name}"


def as_number(value: object, expected: str) -> float:
    """A finite number from a number or from text such as " 1813 "; Unusable otherwise."""
    if isinstance(value, str):
        try:
            number = float(value) if NUMBER.fullmatch(value.strip()) else math.nan
        except ValueError:
            number = math.nan
        if math.isnan(number):
            raise Unusable(f"{quote(value)} is not a number: expected {expected}.")
    elif isinstance(value, numbers.Real) and not isinstance(value, bool):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            number = math.inf
    else:
        raise Unusable(f"Expected {expected}, not {describe(value)}.")
    if not math.isfinite(number):
        raise Unusable(f"Expected {expected}, not {describe(value)}.")
    return number


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


class Choices:
    """Texts a student picks from, shown as "A. text"; a student names one by text or letter."""

    def __init__(self, texts: list[str], noun: str):
        self.texts = list(texts)
        self.noun = noun
        self.letters = LETTERS[: len(self.texts)]
        self._positions = {_key(text): position for position, text in enumerate(self.texts)}
        if len(self._positions) != len(self.texts):
            raise ValueError(f"two {noun} differ only in capitals or spacing")

    @property
    def span(self) -> str:
        """The letters in use, such as "A to D"."""
        return f"{self.letters[0]} to {self.letters[-1]}"

    def labelled(self) -> list[tuple[str, str]]:
        """(label, letter) pairs for a widget's options: ("A. Treaty of Gulistan", "A")."""
        return [
            (f"{letter}. {text}", letter)
            for letter, text in zip(self.letters, self.texts, strict=True)
        ]

    def position(self, text: str) -> int:
        """Where a question file's text is among the choices; ValueError if it is not there."""
        try:
            return self._positions[_key(text)]
        except KeyError:
            raise ValueError(f"{text!r} is not one of the {self.noun}") from None

    def pick(self, token: object, expected: str) -> int:
        """Where the choice a student named (by text or letter) is; Unusable if it names none."""
        if not isinstance(token, str):
            raise Unusable(f"Expected {expected}, not {describe(token)}.")
        key = _key(token)
        if key in self._positions:
            return self._positions[key]
        letter = key.rstrip(".").upper()
        if len(letter) == 1 and letter in self.letters:
            return self.letters.index(letter)
        raise Unusable(f"{quote(token)} is not one of the {self.noun}: expected {expected}.")


def entries(value: object, count: int, expected: str, keys: Choices | None = None) -> list:
    """One entry per position from a list, or from a mapping keyed by `keys`; Unusable otherwise."""
    if keys is not None and isinstance(value, Mapping):
        listed = [None] * count
        for key, entry in value.items():
            listed[keys.pick(key, expected)] = entry
        value = listed
    if not isinstance(value, list | tuple) or len(value) != count:
        raise Unusable(f"Expected {expected}, not {describe(value)}.")
    missing = sum(is_blank(entry) for entry in value)
    if missing == count:
        raise Unusable(f"Not answered yet: expected {expected}.")
    if missing:
        raise Unusable(f"Not finished: {missing} of {count} still empty; expected {expected}.")
    return list(value)
