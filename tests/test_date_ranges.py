"""Date ranges: "vom 12. bis 17. September 2023" dates an event for the whole range, and the days of a
list ("am 18. und 20. Juni") share the year of the date that ends the list. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest

from app.extract.dating import ranges
from app.extract.timex import tag
from app.labels import format_value
from app.web.cards import date_label
from app.web.exports import timeline_dates
from tests.test_events import only_event


def _values(sentence: str, dct: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in tag(sentence, dct)]


@pytest.mark.parametrize(
    ("sentence", "dct", "expected"),
    [
        # "18." stands before "und", away from the past-tense verb: it must not land in another year
        ("Zwischen dem 18. und 20. Juni besuchte Putin Nordkorea.", "2024-03-28",
         [("18.", "2023-06-18"), ("20. Juni", "2023-06-20")]),
        ("Am 18. und 19. Juni empfing Kim den Gast.", "2024-03-28",
         [("18.", "2023-06-18"), ("19. Juni", "2023-06-19")]),
        ("Zwischen dem 18. und 20. Februar wird Lawrow Pjöngjang besuchen.", "2024-03-28",
         [("18.", "2025-02-18"), ("20. Februar", "2025-02-20")]),
        ("Am 3., 4. und 7. Oktober trafen sich die Delegationen.", "2024-03-28",
         [("3.", "2023-10-03"), ("4.", "2023-10-04"), ("7. Oktober", "2023-10-07")]),
        # a year in the text is kept as written
        ("Vom 12. bis 17. September 2023 war Kim in Russland.", "2024-03-28",
         [("12.", "2023-09-12"), ("17. September 2023", "2023-09-17")]),
    ],
)
def test_list_days_share_the_year_of_their_head(sentence: str, dct: str, expected: list) -> None:
    assert _values(sentence, dct) == expected


def _joined(sentence: str, dct: str = "2024-03-28") -> list[tuple[str, date | None, date | None]]:
    return [(t.text, t.first, t.last) for t in ranges(sentence, tag(sentence, dct))]


def test_ranges_join_both_ends() -> None:
    assert _joined("Kim hielt sich vom 12. bis 17. September 2023 in Russland auf.") == [
        ("12. bis 17. September 2023", date(2023, 9, 12), date(2023, 9, 17))]
    assert _joined("Zwischen dem 18. und 20. Juni besuchte Putin Nordkorea.") == [
        ("18. und 20. Juni", date(2023, 6, 18), date(2023, 6, 20))]
    assert _joined("Von 2014 bis 2017 arbeiteten Zehntausende Nordkoreaner in Russland.") == [
        ("2014 bis 2017", date(2014, 1, 1), date(2017, 12, 31))]
    assert _joined("Die Manöver dauerten vom 2.–5. August 2024.")[0][1:] == (date(2024, 8, 2), date(2024, 8, 5))


def test_two_days_in_a_row_are_one_stretch() -> None:
    assert _joined("Am 19. und 20. Juni besuchte Putin Nordkorea.", "2024-06-12") == [
        ("19. und 20. Juni", date(2023, 6, 19), date(2023, 6, 20))]
    assert _joined("Am Montag und Dienstag verhandelten die Delegationen.", "2024-06-12") == [
        ("Montag und Dienstag", date(2024, 6, 10), date(2024, 6, 11))]
    assert len(_joined("Am 3. und 7. Oktober trafen sich die Delegationen.")) == 2  # two days, not a stretch


def test_lists_and_mixed_precisions_stay_apart() -> None:
    # a list without "zwischen" is two dates, not a range
    assert [t for t, _f, _l in _joined("Schon 2008 und 2014 hatte Moskau Hilfe zugesagt.")] == ["2008", "2014"]
    # a month and a day are not one range
    assert len(_joined("Von Mai 2023 bis zum 17. Juni 2024 liefen die Gespräche.")) == 2
    # the second end must come later
    assert len(_joined("Zwischen 2019 und 2017 lag kein Besuch.")) == 2


def test_an_event_dated_by_a_range_lasts_the_range() -> None:
    e = only_event("Kim Jong Un hielt sich vom 12. bis 17. September 2023 in Russland auf.", "2024-03")
    assert (e.type, e.date.value, e.date.first, e.date.last, e.date.expression) == (
        "visit", "2023-09-12", date(2023, 9, 12), date(2023, 9, 17), "12. bis 17. September 2023")
    e = only_event("Naryschkin war von Montag bis Mittwoch zu Gesprächen in Pjöngjang.", "2024-03-28")
    assert (e.date.first, e.date.last, e.date.expression) == (date(2024, 3, 25), date(2024, 3, 27),
                                                              "Montag bis Mittwoch")
    # against a month's DCT both weekdays resolve to the month (the scheme): one expression, that month
    e = only_event("Naryschkin war von Montag bis Mittwoch zu Gesprächen in Pjöngjang.", "2024-03")
    assert (e.date.value, e.date.first, e.date.last, e.date.expression) == (
        "2024-03", date(2024, 3, 1), date(2024, 3, 31), "Montag bis Mittwoch")


def test_range_labels() -> None:
    assert format_value("2023-09-12", None, None, date(2023, 9, 17)) == "12.–17. September 2023"
    assert format_value("2024-06-30", None, None, date(2024, 7, 2)) == "30. Juni – 2. Juli 2024"
    assert format_value("2023-12-30", None, None, date(2024, 1, 2)) == "30. Dezember 2023 – 2. Januar 2024"
    assert format_value("2024-06", None, None, date(2024, 8, 31)) == "Juni – August 2024"
    assert format_value("2014", None, None, date(2017, 12, 31)) == "2014–2017"
    # a date's own last day is no range
    assert format_value("2024-06-19", None, None, date(2024, 6, 19)) == "19. Juni 2024"
    assert format_value("2024-W13", None, None, date(2024, 3, 31)) == "KW 13/2024"
    d = {"value": "2023-09-12", "start": "2023-09-12", "end": "2023-09-17", "precision": "day"}
    assert date_label(d) == "12.–17. September 2023"


def test_timelinejs_gives_a_range_an_end_date() -> None:
    start, end, shown = timeline_dates({"value": "2023-09-12", "start": "2023-09-12", "end": "2023-09-17",
                                        "precision": "day"})
    assert (start["year"], start["month"], start["day"]) == (2023, 9, 12)
    assert end is not None and (end["year"], end["month"], end["day"]) == (2023, 9, 17)
    assert shown == "12.–17. September 2023"
    one_day = {"value": "2023-09-12", "start": "2023-09-12", "end": "2023-09-12", "precision": "day"}
    _s, end, _d = timeline_dates(one_day)
    assert end is None
