"""TIMEX3 date values as calendar intervals.

One place that knows what "2024-SU" or "2024-W24" covers, used by the tagger (interval of a DATE),
the event stage (interval of the DCT), the store (first/last day columns) and the web layer (date
range filters). Seasons follow the meteorological convention (SP = March–May, SU = June–August,
FA = September–November, WI = December–February of the next year).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_QUARTERS = {"Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12)}
_HALVES = {"H1": (1, 6), "H2": (7, 12)}

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T.*)?")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_WEEK = re.compile(r"(\d{4})-W(\d{2})(?:-WE)?")
_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])")
_YEAR = re.compile(r"(\d{4})")
_DECADE = re.compile(r"(\d{3})X?")
_CENTURY = re.compile(r"(\d{2})(?:XX)?")


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def interval(value: str | None) -> tuple[date, date, str] | None:
    """First day, last day and precision of a TIMEX3 date value; None if it is not a calendar date
    (PAST_REF, durations, unresolved values). Memoised: extraction asks it of the same few values
    many times per article."""
    if not value:
        return None
    hit = _INTERVALS.get(value, _MISSING)
    if hit is not _MISSING:
        return hit
    iv = _interval(value)
    if len(_INTERVALS) > 50_000:
        _INTERVALS.clear()
    _INTERVALS[value] = iv
    return iv


_MISSING = object()
_INTERVALS: dict[str, tuple[date, date, str] | None] = {}


def _interval(value: str) -> tuple[date, date, str] | None:
    v = value.strip().upper()
    try:
        if m := _DAY.fullmatch(v):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d, "day"
        if m := _MONTH.fullmatch(v):
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), _month_end(y, mo), "month"
        if m := _WEEK.fullmatch(v):
            start = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if v.endswith("-WE"):
                return start + timedelta(days=5), start + timedelta(days=6), "week"
            return start, start + timedelta(days=6), "week"
        if m := _PART.fullmatch(v):
            y = int(m[1])
            kind = m[2]
            a, b = {**_SEASONS, **_QUARTERS, **_HALVES}[kind]
            end_y, end_m = (y + 1, b - 12) if b > 12 else (y, b)
            prec = "season" if kind in _SEASONS else "quarter" if kind.startswith("Q") else "half"
            return date(y, a, 1), _month_end(end_y, end_m), prec
        if m := _YEAR.fullmatch(v):
            y = int(m[1])
            return date(y, 1, 1), date(y, 12, 31), "year"
        if m := _DECADE.fullmatch(v):
            y = int(m[1]) * 10
            return date(y, 1, 1), date(y + 9, 12, 31), "decade"
        if m := _CENTURY.fullmatch(v):
            y = int(m[1]) * 100
            return date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century"  # there is no year 0
    except ValueError:
        return None
    return None


def precision(value: str | None) -> str | None:
    iv = interval(value)
    return iv[2] if iv else None


def truncate(value: str, to_precision: str) -> str:
    """Coarsen a day/week/month value to a coarser precision ("2024-03-28" → "2024-03")."""
    iv = interval(value)
    if iv is None:
        return value
    first, _, prec = iv
    if to_precision == "year":
        return f"{first.year:04d}"
    if to_precision == "month" and prec in ("day", "month"):
        return f"{first.year:04d}-{first.month:02d}"
    if to_precision == "week" and prec in ("day", "week"):
        y, w, _ = first.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return value
