"""Unit tests of the tagger's conventions for expressions that weekly news (KRAUTS Die Zeit) and
unseen German news use more than the Dolomiten part: "ago" phrases, holidays, tense-driven weekday
resolution, decades and centuries, periods, vague references. Each with DCT variants (a day, a month,
none). Sentences are our own."""

from __future__ import annotations

import pytest

from app.extract.timex import anchored_date, resolve_ago, tag

DCTS = ["2024-03-28", "2024-03", None]


def find(text: str, dct: str | None, expr: str):
    hits = [t for t in tag(text, dct) if t.text == expr]
    assert hits, f"{expr!r} not tagged in {text!r}: {[(t.text, t.type, t.value) for t in tag(text, dct)]}"
    return hits[0]


def absent(text: str, dct: str | None, expr: str) -> None:
    assert not [t for t in tag(text, dct) if expr in t.text], [(t.text, t.value) for t in tag(text, dct)]


# ---------------------------------------------------------------- "vor zwei Jahren"

AGO = [
    # sentence, duration span, duration value, {dct: resolved value}
    ("Vor zwei Wochen hatte Kim Moskau besucht.", "zwei Wochen", "P2W",
     {"2024-03-28": "2024-W11", "2024-03": "2024-03", None: None}),
    ("Vor zwei Jahren hatte Kim Moskau besucht.", "zwei Jahren", "P2Y",
     {"2024-03-28": "2022", "2024-03": "2022", None: None}),
    ("Das Abkommen wurde vor drei Tagen unterzeichnet.", "drei Tagen", "P3D",
     {"2024-03-28": "2024-03-25", "2024-03": "2024-03", None: None}),
    ("Vor einigen Monaten war Lawrow in Pjöngjang.", "einigen Monaten", "PXM",
     {"2024-03-28": "PAST_REF", "2024-03": "PAST_REF", None: "PAST_REF"}),
    ("Vor Jahren hatte es Hinweise gegeben.", "Jahren", "PXY",
     {"2024-03-28": "PAST_REF", "2024-03": "PAST_REF", None: "PAST_REF"}),
]


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr,dur,resolved", AGO)
def test_ago_is_a_duration_and_resolve_ago_dates_it(text: str, expr: str, dur: str, resolved: dict,
                                                     dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == ("DURATION", dur)
    d = resolve_ago(text, t, dct)
    assert d is not None and d.type == "DATE" and d.text.lower() == "vor " + expr.lower()
    assert d.value == resolved[dct]
    assert d.basis == ("none" if d.value is None else "explicit" if d.value == "PAST_REF" else "relative_to_dct")


def test_resolve_ago_ignores_other_durations() -> None:
    text = "Seit zwei Jahren verhandeln sie; der Vertrag gilt drei Jahre."
    assert all(resolve_ago(text, t, "2024-03-28") is None for t in tag(text, "2024-03-28"))


# ---------------------------------------------------------------- holidays

HOLIDAYS = [
    # sentence, expression, {dct: value anchored_date() gives}
    ("Zu Ostern hatte Lawrow Pjöngjang besucht.", "Ostern", {"2024-06-01": "2024-03-31", "2024-06": "2024-03-31"}),
    ("Weihnachten wird die Delegation in Moskau verbringen.", "Weihnachten",
     {"2024-06-01": "2024-12-25", "2024-06": "2024-12-25"}),
    ("Am Tag des Sieges war Kim in Moskau.", "Tag des Sieges", {"2024-06-01": "2024-05-09", "2024-06": "2024-05-09"}),
]


@pytest.mark.parametrize("dct", ["2024-06-01", "2024-06", None])
@pytest.mark.parametrize("text,expr,resolved", HOLIDAYS)
def test_holiday_without_year_is_unresolved_and_anchored_date_dates_it(text: str, expr: str, resolved: dict,
                                                                         dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == ("DATE", "XXXX-XX-XX")
    d = anchored_date(text, t, dct)
    assert (d.value if d else None) == resolved.get(dct)


@pytest.mark.parametrize("dct", DCTS)
def test_holiday_with_year_is_explicit(dct: str | None) -> None:
    t = find("Zu Ostern 2025 soll der Vertrag gelten.", dct, "Ostern 2025")
    assert (t.value, t.basis) == ("2025-04-20", "explicit")
    assert anchored_date("Zu Ostern 2025 soll der Vertrag gelten.", t, dct) is None


# ---------------------------------------------------------------- tense of the clause for weekdays

TENSE = [
    # sentence, weekday, value with DCT Thursday 2024-03-28
    ("Putin wird am Montag nach Pjöngjang reisen.", "Montag", "2024-04-01"),
    ("Putin reist am Montag nach Pjöngjang.", "Montag", "2024-04-01"),
    ("Das Treffen soll am Freitag in Moskau stattfinden.", "Freitag", "2024-03-29"),
    ("Das Treffen findet am Freitag in Moskau statt.", "Freitag", "2024-03-29"),
    ("Die Abstimmung ist für Montag geplant.", "Montag", "2024-04-01"),
    ("Am Sonntag steht das Spiel auf dem Programm.", "Sonntag", "2024-03-31"),
    ("Kim traf am Montag Schoigu.", "Montag", "2024-03-25"),
    ("Lawrow sprach am Dienstag mit Choe.", "Dienstag", "2024-03-26"),
    ("Putin hatte am Mittwoch mit Kim telefoniert.", "Mittwoch", "2024-03-27"),
    ("Am Montag empfing Kim die Delegation.", "Montag", "2024-03-25"),
]


@pytest.mark.parametrize("text,expr,value", TENSE)
def test_weekday_direction_follows_the_clause(text: str, expr: str, value: str) -> None:
    assert find(text, "2024-03-28", expr).value == value
    assert find(text, "2024-03", expr).value == "2024-03"
    assert find(text, None, expr).value is None


# ---------------------------------------------------------------- periods weekly news uses

PERIODS = [
    # sentence, expression, value with a day DCT, with a month DCT, without DCT, mod
    ("Mitte der Neunziger kam die Hungersnot.", "Mitte der Neunziger", "199", "199", "199", "MID"),
    ("In den Neunzigern hungerte das Land.", "den Neunzigern", "199", "199", "199", None),
    ("Ende der 80er zerfiel die Sowjetunion.", "Ende der 80er", "198", "198", "198", "END"),
    ("In den achtziger Jahren war das anders.", "den achtziger Jahren", "198", "198", "198", None),
    ("Im 19. Jahrhundert gab es das nicht.", "19. Jahrhundert", "18", "18", "18", None),
    ("Ende des vergangenen Jahrhunderts zerfiel die Sowjetunion.", "Ende des vergangenen Jahrhunderts",
     "19", "19", None, "END"),
    ("Im Herbst vergangenen Jahres traf er Kim.", "Herbst vergangenen Jahres", "2023-FA", "2023-FA", None, None),
    ("Im Frühjahr des Vorjahres traf er Kim.", "Frühjahr des Vorjahres", "2023-SP", "2023-SP", None, None),
    ("Im Sommer des Jahres 2000 traf Putin Kim.", "Sommer des Jahres 2000", "2000-SU", "2000-SU", "2000-SU", None),
    ("Im Laufe des Jahres 2023 stieg der Handel.", "Laufe des Jahres 2023", "2023", "2023", "2023", None),
    ("Anfang des Jahres 2023 stieg der Handel.", "Anfang des Jahres 2023", "2023", "2023", "2023", "START"),
    ("Im Jahr 1989 fiel die Mauer.", "Jahr 1989", "1989", "1989", "1989", None),
    ("Bis Ende 2024 gilt der Vertrag.", "Ende 2024", "2024", "2024", "2024", "END"),
    ("Am Vorabend hatte er telefoniert.", "Vorabend", "2024-03-27", "2024-03", None, None),
    ("Am Tag danach reiste er ab.", "Tag danach", "2024-03-29", "2024-03", None, None),
]


@pytest.mark.parametrize("text,expr,vday,vmonth,vnone,mod", PERIODS)
def test_periods(text: str, expr: str, vday: str, vmonth: str, vnone: str | None, mod: str | None) -> None:
    for dct, value in (("2024-03-28", vday), ("2024-03", vmonth), (None, vnone)):
        t = find(text, dct, expr)
        assert (t.type, t.value, t.mod) == ("DATE", value, mod), dct


@pytest.mark.parametrize("dct", DCTS)
def test_two_years_of_a_range_are_two_timexes(dct: str | None) -> None:
    ts = tag("Zwischen 2014 und 2016 stieg der Handel.", dct)
    assert [(t.text, t.value) for t in ts] == [("2014", "2014"), ("2016", "2016")]


@pytest.mark.parametrize("dct", DCTS)
def test_named_periods_stay_unresolved(dct: str | None) -> None:
    assert find("In der Saison 2014/15 spielte er in Moskau.", dct, "der Saison 2014/15").value == "XXXX-XX-XX"
    assert find("Die Amtszeit 2010–2015 war schwierig.", dct, "Die Amtszeit 2010–2015").value == "XXXX-XX-XX"


def test_ordinal_week_counts_from_the_text_date() -> None:
    text = "Das Manöver begann am 1. Juli 2024. In der dritten Woche kamen russische Offiziere dazu."
    for dct in DCTS:
        t = find(text, dct, "der dritten Woche")
        assert t.value == "2024-W29"
    t = find("Am ersten Tag der Konferenz sprach Kim.", "2024-03-28", "ersten Tag")
    assert t.value == "XXXX-XX-XX"


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr", [
    ("Nach dem Zweiten Weltkrieg wurde Korea geteilt.", "Weltkrieg"),
    ("Bisher gab es keine Einigung.", "Bisher"),
    ("Inzwischen hat sich das geändert.", "Inzwischen"),
    ("Einst war er ein Verbündeter.", "Einst"),
    ("Künftig soll mehr geliefert werden.", "Künftig"),
])
def test_not_timexes_in_krauts(text: str, expr: str, dct: str | None) -> None:
    absent(text, dct, expr)


@pytest.mark.parametrize("dct", DCTS)
@pytest.mark.parametrize("text,expr,typ,value", [
    ("Seit Jahrzehnten streiten sie.", "Jahrzehnten", "DURATION", "PXDE"),
    ("Jahrelang gab es Streit.", "Jahrelang", "DURATION", "PXY"),
    ("Die Konferenz findet alle zwei Jahre statt.", "alle zwei Jahre", "SET", "P2Y"),
    ("Sie treffen sich zweimal im Jahr.", "zweimal im Jahr", "SET", "P1Y"),
    ("Heutzutage ist das normal.", "Heutzutage", "DATE", "PRESENT_REF"),
    ("Damals war alles anders.", "Damals", "DATE", "PAST_REF"),
    ("In diesen Tagen wird verhandelt.", "In diesen Tagen", "DATE", "PRESENT_REF"),
])
def test_dct_independent_classes(text: str, expr: str, typ: str, value: str, dct: str | None) -> None:
    t = find(text, dct, expr)
    assert (t.type, t.value) == (typ, value)
