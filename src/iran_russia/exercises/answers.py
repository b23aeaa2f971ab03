"""Turn whatever a student passes as an answer into something gradable, or into one sentence.

Students type, click and compute all sorts of values: " 1813 ", "b", "(B)", "B. Tehran",
"A, C, E", "0,75", a Decimal, a DataFrame, None, `...`, even a lone surrogate from a broken paste.
The helpers here accept the reasonable ones and raise `Unusable` for the rest, with a message
that says, in one sentence, what is expected. Nothing here evaluates or renders student input.
"""

import decimal
import math
import numbers
import re
import string
from collections.abc import Mapping

import pandas as pd

LETTERS = string.ascii_uppercase
NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
THOUSANDS = re.compile(r"[+-]?[1-9]\d{0,2}(,\d{3})+")  # "1,813", "12,000"
DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d+")  # "0,75", as many languages write it
LETTER_TOKEN = re.compile(r"[(\[]?([A-Za-z])[)\].]?")  # "B", "(B)", "B)", "[B]", "B."
LABEL = re.compile(r"[(\[]?([A-Za-z])[)\].]\s+(.+)", re.S)  # "B. text", "(B) text"
DASHES = str.maketrans({"–": "-", "—": "-", "‐": "-", "‑": "-", "’": "'", "‘": "'"})
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


def printable(text: str) -> str:
    """Text that can be printed and saved: a lone surrogate (a broken paste) becomes "?"."""
    return text.encode("utf-8", "replace").decode("utf-8")


def quote(text: str) -> str:
    """Text on one line, cut to a readable length and put in double quotes."""
    flat = " ".join(printable(text).split())
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
        number = number_from_text(value)
        if math.isnan(number):
            raise Unusable(f"{quote(value)} is not a number: expected {expected}.")
    elif isinstance(value, numbers.Real | decimal.Decimal) and not isinstance(value, bool):
        try:
            number = float(value)
        except (OverflowError, ValueError):
            number = math.inf
    else:
        raise Unusable(f"Expected {expected}, not {describe(value)}.")
    if not math.isfinite(number):
        raise Unusable(f"Expected {expected}, not {describe(value)}.")
    return number


def number_from_text(text: str) -> float:
    """The number in text such as " 1813 ", "1,813" or "0,75"; nan if there is none."""
    text = text.strip()
    if THOUSANDS.fullmatch(text):  # a first group of 1 to 3 digits, never starting with 0
        text = text.replace(",", "")
    elif DECIMAL_COMMA.fullmatch(text):
        text = text.replace(",", ".")
    try:
        return float(text) if NUMBER.fullmatch(text) else math.nan
    except ValueError:
        return math.nan


def _key(text: str) -> str:
    """Text compared loosely: spacing, capitals, dashes and curly quotes do not matter."""
    return " ".join(text.translate(DASHES).split()).casefold()


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
        letter = LETTER_TOKEN.fullmatch(key)
        if letter and letter.group(1).upper() in self.letters:
            return self.letters.index(letter.group(1).upper())
        label = LABEL.fullmatch(key)  # the panel's own label, "B. Treaty of Gulistan"
        if label and self._positions.get(label.group(2)) == self.letters.find(label[1].upper()):
            return self._positions[label.group(2)]
        raise Unusable(f"{quote(token)} is not one of the {self.noun}: expected {expected}.")

    def split(self, text: str) -> list[str]:
        """A list typed as one text: "A, C, E", "A C E", "ACE" (letters) or "x; y" (texts)."""
        tokens = [token.strip() for token in re.split(r"[,;]", text) if token.strip()]
        if len(tokens) == 1:
            parts = tokens[0].split()
            if len(parts) > 1 and all(LETTER_TOKEN.fullmatch(part) for part in parts):
                return parts
            if re.fullmatch(r"[A-Za-z]{2,}", tokens[0]) and _key(tokens[0]) not in self._positions:
                return list(tokens[0])
        return tokens


def entries(
    value: object,
    count: int,
    expected: str,
    keys: Choices | None = None,
    choices: Choices | None = None,
) -> list:
    """One entry per position from a list, from a mapping keyed by `keys`, or from one text
    that `choices` can split ("C, A, B"); Unusable otherwise."""
    if isinstance(value, str) and choices is not None and len(choices.split(value)) == count:
        value = choices.split(value)
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
