"""The five eras of the story, one per narrative lesson, with the years each covers."""

from typing import NamedTuple


class Era(NamedTuple):
    name: str
    lesson: str
    title: str
    first_year: int
    last_year: int
    label: str  # the lesson's short name, for charts


ERAS = (
    Era("empires", "01", "Empires and mistrust", 1722, 1921, "Empires"),
    Era("soviet", "02", "The Soviet shadow", 1921, 1991, "Soviet shadow"),
    Era("post_soviet", "03", "Pragmatic partners, wary partners", 1991, 2011, "Wary partners"),
    Era("syria", "04", "Allies in Syria", 2011, 2024, "Syria"),
    Era("reversal", "05", "The reversal", 2022, 2025, "Reversal"),
)
BY_NAME = {era.name: era for era in ERAS}


def bands(first: int, last: int) -> list[tuple[Era, int, int]]:
    """Each era's stretch of the years `first`..`last` as (era, start, end), end exclusive, with
    no overlap: an era's band ends where the next era's begins (lesson 04 runs to 2024, but its
    band stops at 2022, where lesson 05's begins)."""
    stretches = []
    for era, following in zip(ERAS, [*ERAS[1:], None], strict=True):
        end = following.first_year if following else era.last_year + 1
        start, end = max(era.first_year, first), min(end, last + 1)
        if start < end:
            stretches.append((era, start, end))
    return stretches
