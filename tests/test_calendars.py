"""Old Style to Gregorian: hand-checked dates, on both sides of each century's change of gap."""

import datetime

import pytest

from iran_russia.calendars import julian_to_gregorian


@pytest.mark.parametrize(
    ("julian", "gregorian"),
    [
        ((1732, 1, 21), (1732, 2, 1)),  # Treaty of Resht
        ((1735, 3, 10), (1735, 3, 21)),  # Treaty of Ganja
        ((1828, 2, 10), (1828, 2, 22)),  # Treaty of Turkmenchay
        ((1700, 2, 18), (1700, 2, 28)),  # 10 days before the Julian leap day of 1700
        ((1700, 3, 1), (1700, 3, 12)),  # 11 days after it
        ((1800, 2, 28), (1800, 3, 11)),
        ((1800, 3, 1), (1800, 3, 13)),
        ((1900, 2, 28), (1900, 3, 12)),
        ((1900, 3, 1), (1900, 3, 14)),
        ((1918, 1, 31), (1918, 2, 13)),  # Soviet Russia's last Julian day; 14 February came next
    ],
)
def test_julian_dates_convert_to_the_gregorian_day(julian, gregorian):
    assert julian_to_gregorian(*julian) == datetime.date(*gregorian)
