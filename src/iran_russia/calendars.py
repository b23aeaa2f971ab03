"""Convert Old Style (Julian) dates, which Russia used until 1918, to the Gregorian calendar."""

import datetime


def julian_day_number(year: int, month: int, day: int) -> int:
    """The Julian Day Number of a date in the Julian calendar (valid for years after 4800 BC)."""
    shift = (14 - month) // 12
    y, m = year + 4800 - shift, month + 12 * shift - 3
    return day + (153 * m + 2) // 5 + 365 * y + y // 4 - 32083


def julian_to_gregorian(year: int, month: int, day: int) -> datetime.date:
    """The Gregorian date of a Julian (Old Style) date: 21 January 1732 O.S. is 1 February 1732."""
    ordinal_of_jdn_zero = datetime.date(1, 1, 1).toordinal() - 1721426
    return datetime.date.fromordinal(julian_day_number(year, month, day) + ordinal_of_jdn_zero)
