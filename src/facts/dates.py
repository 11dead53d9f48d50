"""Dates that carry their own precision.

A source may date an event to the day, the month or only the year; the site must never show a
day it does not know.  :class:`PartialDate` keeps exactly what the data says and formats it one
way everywhere::

    >>> PartialDate.parse("1994-05").display()
    'May 1994'
    >>> PartialDate.parse("2022-02-22").iso()
    '2022-02-22'
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Literal

Precision = Literal["year", "month", "day"]

MONTHS = tuple(calendar.month_name)[1:]
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a day needs a month")
        # Validates ranges, leap years included.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        match = _ISO.match(text)
        if not match:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        try:
            return cls(year, month, day)
        except ValueError as exc:
            raise ValueError(f"{text!r} is not a valid date: {exc}") from None

    @classmethod
    def from_date(cls, date: dt.date) -> PartialDate:
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def first_day(self) -> dt.date:
        """The earliest day this date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The latest day this date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order; a coarser date sorts after the finer dates it contains.

        "September 2023" usually sums up what followed the dated events of that month (the
        exodus after the offensive of 19 September), so it comes last among them.
        """
        return (self.year, self.month or 13, self.day or 32)

    def iso(self) -> str:
        """The value for ``<time datetime>``: exactly the known precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def display(self, *, year: bool = True) -> str:
        """The site's one date style: ``14 January 2022``, ``May 1994``, ``1923``."""
        parts = []
        if self.day is not None:
            parts.append(str(self.day))
        if self.month is not None:
            parts.append(MONTHS[self.month - 1])
        if year or not parts:
            parts.append(str(self.year))
        return " ".join(parts)

    def __str__(self) -> str:
        return self.iso()


def range_parts(start: PartialDate, end: PartialDate | None) -> list[tuple[PartialDate, str]]:
    """Split a date or a span into ``(date, text)`` pieces, dropping what the end repeats.

    ``12–14 September 2022`` keeps only the day on the left; ``27 September – 10 November 2020``
    keeps day and month.  Callers join the pieces with an en dash.
    """
    if end is None or end == start:
        return [(start, start.display())]
    same_year = start.year == end.year and start.precision == end.precision
    if same_year and start.precision == "day" and start.month == end.month:
        return [(start, str(start.day)), (end, end.display())]
    if same_year and start.precision != "year":
        return [(start, start.display(year=False)), (end, end.display())]
    return [(start, start.display()), (end, end.display())]


def range_separator(parts: list[tuple[PartialDate, str]]) -> str:
    """En dash, spaced when the left side has more than one word."""
    return "–" if " " not in parts[0][1] else " – "
