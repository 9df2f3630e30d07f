"""Unit tests of the German temporal tagger: DURATION, SET and TIME expressions, with DCT variants
(a day, a month, none). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.timex import tag

DCTS = ["2024-03-28", "2024-03", None]


def find(text: str, dct: str | None, expr: str):
    hits = [t for t in tag(text, dct) if t.text == expr]
    assert hits, f"{expr!r} not tagged in {text!r}: {[(t.text, t.value) for t in tag(text, dct)]}"
    return hits[0]


DURATIONS = [
    ("Die Übung dauerte drei Tage.", "drei Tage", "P3D", None),
    ("Seit Monaten gibt es Gespräche.", "Monaten", "PXM", None),
    ("Das dauert mehr als ein Jahr.", "mehr als ein Jahr", "P1Y", "MORE_THAN"),
    ("Er arbeitete rund 200 Stunden daran.", "rund 200 Stunden", "PT200H", "APPROX"),
    ("Der Flug dauerte eineinhalb Stunden.", "eineinhalb Stunden", "PT1.5H", None),
    ("Die Verhandlungen zogen sich über zwei Jahrzehnte.", "zwei Jahrzehnte", "P2DE", None),
    ("Er ist seit zehn Jahren im Amt.", "zehn Jahren", "P10Y", None),
    ("Nach einem einwöchigen Aufenthalt reiste er ab.", "einwöchigen", "P1W", None),
    ("Die jahrelange Isolation endete.", "jahrelange", "PXY", None),
    ("In den vergangenen zwei Jahren wuchs der Handel.", "den vergangenen zwei Jahren", "P2Y", None),
    ("In den vergangenen Jahren wuchs der Handel.", "den vergangenen Jahren", "PXY", None),
    ("Das dauert sechs bis acht Monate.", "sechs", "P6M", None),
    ("Das dauert sechs bis acht Monate.", "acht Monate", "P8M", None),
    ("Er brauchte zwölf Sekunden.", "zwölf Sekunden", "PT12S", None),
]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr,value,mod", DURATIONS)
def test_durations(text: str, expr: str, value: str, mod: str | None, dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value, t.mod) == ("DURATION", value, mod)
    assert t.first is None and t.basis == "explicit"


SETS = [
    ("Die Manöver finden jährlich statt.", "jährlich", "P1Y"),
    ("Der Rat tagt jeden Montag.", "jeden Montag", "XXXX-WXX-1"),
    ("Die Zeitung erscheint einmal im Monat.", "einmal im Monat", "P1M"),
    ("Er verdient 400 Euro im Monat.", "im Monat", "P1M"),
    ("Sie liefern 20 Züge pro Woche.", "pro Woche", "P1W"),
    ("Die Gespräche finden alle zwei Wochen statt.", "alle zwei Wochen", "P2W"),
    ("Das Amt ist montags geschlossen.", "montags", "XXXX-WXX-1"),
    ("Die täglichen Berichte kamen an.", "täglichen", "P1D"),
]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr,value", SETS)
def test_sets(text: str, expr: str, value: str, dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == ("SET", value)


def test_month_without_amount_is_not_a_set() -> None:
    assert not [t for t in tag("Im Monat danach kam er zurück.", "2024-03-28") if t.type == "SET"]


TIMES = [
    ("Die Parade beginnt um 20.30 Uhr.", "20.30 Uhr", {"2024-03-28": "2024-03-28T20:30", "2024-03": "XXXX-XX-XXT20:30",
                                                       None: "XXXX-XX-XXT20:30"}),
    ("Am Montag um 9 Uhr landete er.", "9 Uhr", {"2024-03-28": "2024-03-25T09:00", "2024-03": "XXXX-XX-XXT09:00",
                                                 None: "XXXX-XX-XXT09:00"}),
    ("Er kam gegen 8 Uhr abends an.", "8 Uhr", {"2024-03-28": "2024-03-28T20:00", "2024-03": "XXXX-XX-XXT20:00",
                                                None: "XXXX-XX-XXT20:00"}),
    ("Der Rat tagte am Dienstagabend.", "Dienstagabend", {"2024-03-28": "2024-03-26TEV", "2024-03": "2024-03",
                                                          None: None}),
    ("Gestern Abend kam die Nachricht.", "Gestern Abend", {"2024-03-28": "2024-03-27TEV", "2024-03": "2024-03",
                                                           None: None}),
]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr,values", TIMES)
def test_times(text: str, expr: str, values: dict, dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == ("TIME", values[dct])


def test_time_interval_is_the_day() -> None:
    t = find("Die Parade beginnt um 20.30 Uhr.", "2024-03-28", "20.30 Uhr")
    assert (t.first, t.last, t.precision, t.basis) == (date(2024, 3, 28), date(2024, 3, 28), "day",
                                                       "relative_to_dct")


def test_time_range_gives_two_times() -> None:
    ts = tag("Geöffnet von 14.30-18 Uhr.", "2024-03-28")
    assert [(t.text, t.value) for t in ts] == [("14.30", "2024-03-28T14:30"), ("18 Uhr", "2024-03-28T18:00")]


def test_stand_line_gives_date_and_time() -> None:
    ts = tag("Stand: 28.07.2023 08:41 Uhr", None)
    assert [(t.text, t.type, t.value) for t in ts] == [("28.07.2023", "DATE", "2023-07-28"),
                                                      ("08:41 Uhr", "TIME", "2023-07-28T08:41")]


def test_ages_are_not_durations() -> None:
    text = "Der 47-jährige Minister, der mit 16 Jahren in die Partei eintrat, ist 60 Jahre alt."
    assert [t for t in tag(text, "2024-03-28") if t.type == "DURATION"] == []
