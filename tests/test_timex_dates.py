"""Unit tests of the German temporal tagger: DATE expressions, each with DCT variants (a day, a
month, none; a week or a year where that changes the answer). Sentences are our own."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.timex import tag


def find(text: str, dct: str | None, expr: str):
    """The timex whose text is ``expr`` (fails if none)."""
    hits = [t for t in tag(text, dct) if t.text == expr]
    assert hits, f"{expr!r} not tagged in {text!r}: {[(t.text, t.value) for t in tag(text, dct)]}"
    return hits[0]


# (sentence, expression, dct, type, value, basis)
EXPLICIT = [
    ("Das Treffen fand am 19. Juni 2024 in Pjöngjang statt.", "19. Juni 2024", "2024-06-20", "2024-06-19"),
    ("Das Treffen fand am 19. Juni 2024 in Pjöngjang statt.", "19. Juni 2024", None, "2024-06-19"),
    ("Stand: 28.07.2023 08:41 Uhr", "28.07.2023", None, "2023-07-28"),
    ("Der Vertrag wurde im Juni 2024 unterzeichnet.", "Juni 2024", "2024-03", "2024-06"),
    ("Das war 2024 ein Thema.", "2024", None, "2024"),
    ("Die Lieferungen begannen Mitte 2023.", "Mitte 2023", "2024-03-28", "2023"),
    ("Im Sommer 2024 reiste er nach Moskau.", "Sommer 2024", None, "2024-SU"),
    ("In den 90er Jahren war das anders.", "den 90er Jahren", "2024-03-28", "199"),
    ("Das Gebäude stammt aus dem 15. Jahrhundert.", "dem 15. Jahrhundert", None, "14"),
    ("Im ersten Quartal 2023 stieg der Handel.", "ersten Quartal 2023", None, "2023-Q1"),
    ("Der Bericht vom 2024-03-28 liegt vor.", "2024-03-28", None, "2024-03-28"),
]


@pytest.mark.parametrize("text,expr,dct,value", EXPLICIT)
def test_explicit_dates(text: str, expr: str, dct: str | None, value: str) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value, t.basis) == ("DATE", value, "explicit")


def test_mod_and_interval() -> None:
    t = find("Die Lieferungen begannen Mitte 2023.", None, "Mitte 2023")
    assert t.mod == "MID"
    t = find("Das Treffen fand am 19. Juni 2024 statt.", None, "19. Juni 2024")
    assert (t.first, t.last, t.precision) == (date(2024, 6, 19), date(2024, 6, 19), "day")
    t = find("In den 90er Jahren war das anders.", None, "den 90er Jahren")
    assert (t.first, t.last, t.precision) == (date(1990, 1, 1), date(1999, 12, 31), "decade")
    t = find("Im Sommer 2024 reiste er.", None, "Sommer 2024")
    assert (t.first, t.last) == (date(2024, 6, 1), date(2024, 8, 31))


RELATIVE = [
    # weekday: a day DCT gives the day, tense decides the direction
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", "2024-03-28", "2024-03-27"),
    ("Putin wird am Mittwoch nach Pjöngjang reisen.", "Mittwoch", "2024-03-28", "2024-04-03"),
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", "2024-03", "2024-03"),
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", "2024-W24", "2024-06-12"),
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", "2024", "2024"),
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", None, None),
    ("Der Geheimdienst teilte am Donnerstag mit, dass er dort war.", "Donnerstag", "2024-03-28", "2024-03-28"),
    ("Er kam am vergangenen Samstag an.", "vergangenen Samstag", "2024-03-28", "2024-03-23"),
    # deictic days
    ("Kim sagte gestern, er sei bereit.", "gestern", "2024-03-28", "2024-03-27"),
    ("Kim sagte gestern, er sei bereit.", "gestern", "2024-03", "2024-03"),
    ("Kim sagte gestern, er sei bereit.", "gestern", None, None),
    ("Heute trifft sich der Rat.", "Heute", "2024-03-28", "2024-03-28"),
    ("Das Ergebnis kommt morgen.", "morgen", "2024-03-28", "2024-03-29"),
    ("Heuer gibt es keine Parade.", "Heuer", "2024-03-28", "2024"),
    # weeks, months, years relative to the DCT
    ("Schoigu reist kommende Woche nach Pjöngjang.", "kommende Woche", "2024-03-28", "2024-W14"),
    ("Schoigu reist kommende Woche nach Pjöngjang.", "kommende Woche", "2024-W24", "2024-W25"),
    ("Schoigu reist kommende Woche nach Pjöngjang.", "kommende Woche", None, None),
    ("In der kommenden Woche stimmt das Parlament ab.", "der kommenden Woche", "2024-03-28", "2024-W14"),
    ("Die Streitkräfte planen für dieses Jahr 50 Übungen.", "dieses Jahr", "2024-03-28", "2024"),
    ("Die Streitkräfte planen für dieses Jahr 50 Übungen.", "dieses Jahr", "2024-03", "2024"),
    ("Nächstes Jahr soll ein Vertrag folgen.", "Nächstes Jahr", "2024-03-28", "2025"),
    ("Im vergangenen September traf Kim Putin.", "vergangenen September", "2024-03-28", "2023-09"),
    ("Im vergangenen September traf Kim Putin.", "vergangenen September", "2024-10", "2024-09"),
    ("Anfang nächsten Jahres soll er kommen.", "Anfang nächsten Jahres", "2024-03-28", "2025"),
    ("Im Vorjahr war der Handel geringer.", "Vorjahr", "2024-03-28", "2023"),
    ("Er war im vergangenen Monat in Moskau.", "vergangenen Monat", "2024-03-28", "2024-02"),
    # bare months and day-month dates take the year from the DCT and the tense
    ("Im Dezember hatten die Gespräche begonnen.", "Dezember", "2024-07-19", "2023-12"),
    ("Im Dezember sollen die Gespräche beginnen.", "Dezember", "2024-07-19", "2024-12"),
    ("Anfang Oktober soll die Delegation reisen.", "Anfang Oktober", "2024-03-28", "2024-10"),
    ("Am 9. Mai wird die Parade abgehalten.", "9. Mai", "2024-03-28", "2024-05-09"),
    ("Am 9. Mai wird die Parade abgehalten.", "9. Mai", None, None),
    ("Im ersten Quartal stieg der Handel.", "ersten Quartal", "2024-07-19", "2024-Q1"),
    ("In der zweiten Jahreshälfte wird mehr geliefert.", "der zweiten Jahreshälfte", "2024-03", "2024-H2"),
    # ago: tag() gives the DURATION (KRAUTS), resolve_ago() the DATE: tests/test_timex_generalisation.py
]


@pytest.mark.parametrize("text,expr,dct,value", RELATIVE)
def test_relative_dates(text: str, expr: str, dct: str | None, value: str | None) -> None:
    t = find(text, dct, expr)
    assert t.value == value
    assert t.basis == ("none" if value is None else "relative_to_dct")
    if value is not None:
        assert t.anchor is not None


def test_no_invented_precision_with_month_dct() -> None:
    t = find("Am Donnerstag traf er Kim.", "2024-03", "Donnerstag")
    assert (t.value, t.precision) == ("2024-03", "month")
    t = find("Am Donnerstag traf er Kim.", "2024-03-28", "Donnerstag")
    assert (t.value, t.precision) == ("2024-03-28", "day")


def test_text_reference_shifts_the_frame() -> None:
    text = "Im März 1992 verlor die Statue ihre Nase. Im April brachte man sie in den Innenhof."
    assert find(text, "2013-03-27", "April").value == "1992-04"
    text = "Das Rennen fand am Freitag statt. Schon am Tag zuvor hatte er gewonnen."
    assert find(text, "2015-02-09", "Tag zuvor").value == "2015-02-05"
    text = "Erst 1991 erhielt er den Status. Ab Ende des Jahres stand die Statue im Hof."
    t = find(text, "2013-03-27", "Ende des Jahres")
    assert (t.value, t.mod) == ("1991", "END")


REFS = [
    ("Derzeit gibt es keine Gespräche.", "Derzeit", "PRESENT_REF"),
    ("Zuvor hatte er Moskau besucht.", "Zuvor", "PAST_REF"),
    ("Damals war alles anders.", "Damals", "PAST_REF"),
    ("Der ehemalige Präsident sprach.", "ehemalige", "PAST_REF"),
    ("Man wolle in Zukunft enger zusammenarbeiten.", "Zukunft", "FUTURE_REF"),
]


@pytest.mark.parametrize("dct", ["2024-03-28", "2024-03", None])
@pytest.mark.parametrize("text,expr,value", REFS)
def test_reference_words(text: str, expr: str, value: str, dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == ("DATE", value)


def test_range_of_weekdays() -> None:
    text = "Naryschkin war von Montag bis Mittwoch zu Gesprächen in Pjöngjang gewesen."
    ts = tag(text, "2024-03-28")
    assert [(t.text, t.value) for t in ts] == [("Montag", "2024-03-25"), ("Mittwoch", "2024-03-27")]


def test_day_list_takes_month_of_last_item() -> None:
    ts = tag("Die Aufführungen sind vom 5. bis 22. November.", "2013-10-11")
    assert [(t.text, t.value) for t in ts] == [("5.", "2013-11-05"), ("22. November", "2013-11-22")]


@pytest.mark.parametrize("text", [
    "Mehr als 2000 Soldaten wurden entsandt.",
    "Er zahlte rund 1500 Euro.",
    "Das Haus Nr. 2010 steht leer.",
    "Mai Thi Nguyen sprach.",
    "Er kam am Morgen an.",
    "Über 1.000 Menschen kamen.",
    "Nun kam er an.",
])
def test_false_positives_are_avoided(text: str) -> None:
    ts = tag(text, "2024-03-28")
    assert [t for t in ts if t.type == "DATE"] == [], [(t.text, t.value) for t in ts]
