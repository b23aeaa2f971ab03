"""The five eras of the story, one per narrative lesson, with the years each covers."""

from typing import NamedTuple


class Era(NamedTuple):
    name: str
    lesson: str
    title: str
    first_year: int
    last_year: int


ERAS = (
    Era("empires", "01", "Empires and mistrust", 1722, 1921),
    Era("soviet", "02", "The Soviet shadow", 1921, 1991),
    Era("post_soviet", "03", "Pragmatic partners, wary partners", 1991, 2011),
    Era("syria", "04", "Allies in Syria", 2011, 2024),
    Era("reversal", "05", "The reversal", 2022, 2025),
)
BY_NAME = {era.name: era for era in ERAS}
