"""German words for the interface: event types, statuses, stances, precisions, and dates.

Kept in one pure module (no FastAPI, no database) because three places need the same words: the
templates, the filter's self-description ("12 Ereignisse mit Nordkorea, Typ Besuch …") and the
tests. Dates are formatted with babel (``locale="de_DE"``) so month names are right without relying
on the server's C locale. An imprecise date is rendered at its own precision ("Juni 2024",
"Sommer 2024", "KW 24/2024") and never padded to a fake day.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from babel.dates import format_date

from app.extract.timevalue import interval

LOCALE = "de_DE"

TYPE_LABELS: dict[str, str] = {
    "visit": "Besuch",
    "meeting": "Treffen",
    "talks": "Gespräche",
    "call": "Telefonat",
    "agreement": "Abkommen",
    "arms_transfer": "Waffenlieferung",
    "troop_deployment": "Truppenentsendung",
    "military_cooperation": "Militärische Zusammenarbeit",
    "economic_cooperation": "Wirtschaftliche Zusammenarbeit",
    "statement": "Erklärung",
    "accusation": "Vorwurf",
    "denial": "Dementi",
    "sanction": "Sanktion",
    "attack": "Angriff",
    "other": "Sonstiges",
}

STATUS_LABELS: dict[str, str] = {
    "reported": "berichtet",
    "alleged": "mutmaßlich",
    "denied": "bestritten",
    "planned": "geplant",
    "speculative": "spekulativ",
}

#: How a claim's holders relate to it: "vermutet: der Westen".
STANCE_LABELS: dict[str, str] = {
    "reported": "berichtet",
    "alleged": "vermutet",
    "denied": "bestritten",
    "planned": "angekündigt",
    "speculative": "spekuliert",
}

PRECISION_LABELS: dict[str, str] = {
    "day": "Tag",
    "week": "Woche",
    "month": "Monat",
    "season": "Jahreszeit",
    "quarter": "Quartal",
    "half": "Halbjahr",
    "year": "Jahr",
    "decade": "Jahrzehnt",
    "century": "Jahrhundert",
}

BASIS_LABELS: dict[str, str] = {
    "explicit": "ausdrücklich im Text",
    "relative_to_dct": "relativ zum Erscheinungsdatum aufgelöst",
    "dct": "Erscheinungsdatum des Artikels übernommen",
    "knowledge": "im Text ohne Datum; Datum des bekannten Ereignisses ergänzt",
    "none": "kein Datum",
}

ROLE_LABELS: dict[str, str] = {
    "source": "handelnd",
    "target": "Ziel",
    "participant": "beteiligt",
    "holder": "Quelle der Aussage",
}

DCT_SOURCE_LABELS: dict[str, str] = {
    "manifest": "Manifest (manifest.csv)",
    "header": "Kopfzeile des Artikels",
    "dateline": "Ortsmarke/Datumszeile",
    "text": "Artikeltext",
    "url": "URL",
}

SEASON_NAMES = {"SP": "Frühling", "SU": "Sommer", "FA": "Herbst", "WI": "Winter"}

_PART = re.compile(r"(\d{4})-(SP|SU|FA|WI|Q[1-4]|H[12])")
_WEEK = re.compile(r"(\d{4})-W(\d{2})")


def type_label(code: str | None) -> str:
    return TYPE_LABELS.get(code or "", code or "")


def status_label(code: str | None) -> str:
    return STATUS_LABELS.get(code or "", code or "")


def stance_label(code: str | None) -> str:
    return STANCE_LABELS.get(code or "", code or "")


def precision_label(code: str | None) -> str:
    return PRECISION_LABELS.get(code or "", code or "")


@lru_cache(maxsize=4096)
def month_name(month: int) -> str:
    """German month name ("Juni"), from babel."""
    return format_date(date(2000, month, 1), "MMMM", locale=LOCALE)


@lru_cache(maxsize=4096)
def format_day(d: date) -> str:
    """"19. Juni 2024"."""
    return format_date(d, "d. MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def format_month(d: date) -> str:
    """"Juni 2024"."""
    return format_date(d, "MMMM y", locale=LOCALE)


@lru_cache(maxsize=4096)
def format_value(value: str | None, first: date | None = None, precision: str | None = None,
                 last: date | None = None) -> str:
    """A TIMEX3 date value in German at its own precision; with ``last`` after the value's own last
    day, a range from the value to ``last`` ("12.–17. September 2023", "30. Juni – 2. Juli 2024",
    "Juni – August 2024", "2014–2017"): the date of an event told as "vom … bis …".

    ``2024-06-19`` → "19. Juni 2024", ``2024-06`` → "Juni 2024", ``2024-W24`` → "KW 24/2024",
    ``2024-SU`` → "Sommer 2024", ``2024-Q2`` → "2. Quartal 2024", ``2024-H1`` → "1. Halbjahr 2024",
    ``2024`` → "2024", ``202X`` → "2020er-Jahre", ``20XX`` → "21. Jahrhundert". Falls back to the
    interval's first day and precision when the value cannot be read.
    """
    iv = interval(value)
    if iv is not None:
        first, own_last, precision = iv
        if last is not None and last > own_last:
            return _format_range(first, last, precision, format_value(value))
    if first is None:
        return value or "ohne Datum"
    v = (value or "").upper()
    if precision == "day":
        return format_day(first)
    if precision == "week":
        if m := _WEEK.match(v):
            return f"KW {int(m[2])}/{m[1]}"
        y, w, _ = first.isocalendar()
        return f"KW {w}/{y}"
    if precision == "month":
        return format_month(first)
    if m := _PART.fullmatch(v):
        year, part = int(m[1]), m[2]
        if part in SEASON_NAMES:
            if part == "WI":
                return f"Winter {year}/{(year + 1) % 100:02d}"
            return f"{SEASON_NAMES[part]} {year}"
        if part.startswith("Q"):
            return f"{part[1]}. Quartal {year}"
        return f"{part[1]}. Halbjahr {year}"
    if precision == "year":
        return str(first.year)
    if precision == "decade":
        return f"{first.year}er-Jahre"
    if precision == "century":
        return f"{first.year // 100 + 1}. Jahrhundert"
    return format_day(first)


def range_end(value: str | None, last: date | None) -> date | None:
    """``last`` when it lies beyond the value's own last day (a range: "vom 25. bis 27. März"), else None."""
    iv = interval(value)
    return last if iv is not None and last is not None and last > iv[1] else None


def format_end(value: str | None, first: date | None, precision: str | None, last: date | None) -> str:
    """The label of a date's last end: the value itself ("Juni 2024"), or for a range the day, month
    or year its last end falls in ("27. März 2024" for "25.–27. März 2024")."""
    end = range_end(value, last)
    if end is None:
        return format_value(value, first, precision)
    own = interval(value)[2]  # type: ignore[index]  # range_end read it
    if own == "month":
        return format_month(end)
    if own == "year":
        return str(end.year)
    return format_day(end)


def _format_range(first: date, last: date, precision: str, shown: str) -> str:
    """A range's German label; ``shown`` is the first end as ``format_value`` writes it."""
    if precision == "day":
        if (first.year, first.month) == (last.year, last.month):
            return f"{first.day}.–{format_day(last)}"
        if first.year == last.year:
            return f"{first.day}. {month_name(first.month)} – {format_day(last)}"
        return f"{shown} – {format_day(last)}"
    if precision == "month":
        if first.year == last.year:
            return f"{month_name(first.month)} – {format_month(last)}"
        return f"{shown} – {format_month(last)}"
    if precision == "year":
        return f"{first.year}–{last.year}"
    return f"{shown} – {format_day(last)}"


@lru_cache(maxsize=4096)
def html_datetime(value: str | None, first: date | None, precision: str | None) -> str | None:
    """A valid HTML ``<time datetime>`` for the date at its precision, or None.

    HTML has day ("2024-06-19"), month ("2024-06"), week ("2024-W24") and year ("2024") strings;
    seasons, quarters and halves have none, so they get the year (the visible text says the rest).
    """
    if first is None:
        return None
    if precision == "day":
        return first.isoformat()
    if precision == "month":
        return f"{first.year:04d}-{first.month:02d}"
    if precision == "week":
        if m := _WEEK.match((value or "").upper()):
            return f"{m[1]}-W{m[2]}"
        y, w, _ = first.isocalendar()
        return f"{y:04d}-W{w:02d}"
    return f"{first.year:04d}"


def format_bound(value: str) -> str:
    """A filter bound (YYYY, YYYY-MM or YYYY-MM-DD) in German: "2024", "Juni 2024", "19. Juni 2024"."""
    return format_value(value)


def join_or(items: list[str]) -> str:
    """"A", "A oder B", "A, B oder C"."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return ", ".join(items[:-1]) + " oder " + items[-1]


def count_phrase(n: int) -> str:
    if n == 0:
        return "Keine Ereignisse"
    if n == 1:
        return "1 Ereignis"
    return f"{format_int(n)} Ereignisse"


def format_int(n: int) -> str:
    """German thousands separator: 10.000."""
    return f"{n:,}".replace(",", ".")
