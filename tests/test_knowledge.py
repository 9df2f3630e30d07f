"""Background knowledge (app/extract/knowledge.py, resources/knowledge.toml): real-world dates for
undated past background mentions, and the cases where none may be given. Sentences are written for
these tests (not taken from gold or fixtures)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from app.extract import knowledge as kb
from app.extract.model import DCT, EVENT_TYPES, ActorRef, CountryRef, EventDate, ExtractedEvent
from tests.test_events import events_with_quotes

RES = Path(kb.__file__).parent / "resources"
NONE = EventDate(None, None, None, None, None, "none")


def _dct_date(value: str) -> EventDate:
    from app.extract.timevalue import interval
    f, last, p = interval(value)
    return EventDate(value, f, last, p, None, "dct")


def _ev(type_: str, countries: list[tuple[str, str]], actors: list[tuple[str, str]] = (), status: str = "reported",
        date: EventDate = NONE) -> ExtractedEvent:
    return ExtractedEvent(type=type_, status=status, headline="", date=date, start=0, end=0, sentence_index=0,
                          actors=tuple(ActorRef(n, r) for n, r in actors),
                          countries=tuple(CountryRef(c, c, r) for c, r in countries))


def _look(ev, clause, dct, sentence=None, **kw):
    e = kb.lookup(ev, clause, sentence or clause, DCT(dct, "header"), **kw)
    return e.value if e else None


UKR_ATTACK = [("UKR", "source"), ("RUS", "participant")]
PUTIN = [("Wladimir Putin", "source")]
RUS_PRK = [("RUS", "source"), ("PRK", "participant")]
PRK_RUS = [("PRK", "source"), ("RUS", "participant")]


# --- the resource itself -----------------------------------------------------------------------------

def test_resource_loads_and_is_consistent() -> None:
    entries = kb.entries()
    assert 40 <= len(entries) <= 90
    actors = {p["name"] for p in tomllib.loads((RES / "actors.toml").read_text())["person"]}
    for e in entries:
        assert e.types <= set(EVENT_TYPES), e.id
        assert e.actors | e.actors_only <= actors, e.id
        assert all(len(c) == 3 and c.isupper() for c in e.countries | e.source | e.allow), e.id
        assert e.source <= e.countries | e.allow or not e.countries, e.id
        assert e.label and e.cues, e.id
        assert e.first.year >= 1948 and e.last.year <= 2025, e.id


def test_known_dates() -> None:
    by_id = {e.id: e.value for e in kb.entries()}
    assert by_id["putin-pjoengjang-2000"] == "2000-07-19"
    assert by_id["putin-pjoengjang-2024"] == "2024-06-19"
    assert by_id["rus-prk-partnerschaftsvertrag-in-kraft-2024"] == "2024-12-04"
    assert by_id["un-veto-expertengremium-2024"] == "2024-03-28"
    assert by_id["rus-invasion-ukraine-2022"] == "2022-02-24"
    assert by_id["koreakrieg-waffenstillstand-1953"] == "1953-07-27"


# --- positive ----------------------------------------------------------------------------------------

def test_kursk_incursion_pluperfect() -> None:
    ev = _ev("attack", UKR_ATTACK)
    sent = "Russland meldet Erfolge in Kursk, wo zuvor ukrainische Truppen vorgedrungen waren."
    assert _look(ev, "wo zuvor ukrainische Truppen vorgedrungen waren", "2025-02", sent) == "2024-08"


def test_latest_visit_of_a_series_before_the_article() -> None:
    ev = _ev("visit", RUS_PRK, PUTIN)
    clause = "Putin hatte Nordkorea besucht"
    assert _look(ev, clause, "2024-09") == "2024-06-19"
    assert _look(ev, clause, "2010-05") == "2000-07-19"


def test_one_off_event_dated_to_the_article_in_past_tense() -> None:
    ev = _ev("troop_deployment", PRK_RUS, date=_dct_date("2025-05-10"))
    sent = "Pjöngjang schickte Soldaten nach Kursk, um der russischen Armee zu helfen."
    assert _look(ev, "Pjöngjang schickte Soldaten nach Kursk", "2025-05-10", sent) == "2024-10"


def test_invasion_as_clause_event() -> None:
    ev = _ev("attack", [("RUS", "source"), ("UKR", "participant")])
    assert _look(ev, "Russland war in die Ukraine einmarschiert", "2023-03") == "2022-02-24"


def test_end_to_end_basis_and_label() -> None:
    text = ("Russland hat mehrere Dörfer in der Region Kursk zurückerobert, die zuvor bei einem ukrainischen "
            "Vorstoß eingenommen worden waren.")
    evs = events_with_quotes(text, "2025-03-04")
    known = [e for e, q in evs if e.date.basis == kb.BASIS]
    assert [q for e, q in evs if e.date.basis == kb.BASIS] == ["die zuvor bei einem ukrainischen Vorstoß "
                                                               "eingenommen worden waren"]
    assert known[0].date.value == "2024-08" and known[0].date.anchor == "kb:ukr-kursk-vorstoss-2024"
    assert "Kursk" in known[0].date.expression
    # the recapture told now keeps the article's date
    assert all(e.date.basis != kb.BASIS for e, q in evs if "zurückerobert" in q)


# --- negative ----------------------------------------------------------------------------------------

def test_future_plan_is_not_dated() -> None:
    ev = _ev("visit", RUS_PRK, PUTIN, status="planned")
    assert _look(ev, "Putin will Nordkorea besuchen", "2025-01") is None


def test_text_dated_event_is_untouched() -> None:
    text = "Putin war im Juli 2000 in Pjöngjang zu Besuch gewesen."
    for e, _ in events_with_quotes(text, "2024-09"):
        assert e.date.basis != kb.BASIS


def test_article_before_the_known_event() -> None:
    ev = _ev("troop_deployment", PRK_RUS)
    sent = "Nordkorea hatte Soldaten nach Russland geschickt."
    assert _look(ev, sent, "2024-07", sent) is None  # the deployment began in October 2024


def test_article_just_before_a_listed_instance_is_ambiguous() -> None:
    # written the day before Putin's 2024 visit: not the 2000 visit
    ev = _ev("visit", RUS_PRK, PUTIN)
    assert _look(ev, "Putin war in Nordkorea zu Besuch", "2024-06-18") is None


def test_two_known_events_fitting_is_ambiguous() -> None:
    base = {"types": ["visit"], "actors": ["Wladimir Putin"], "countries": ["RUS", "PRK"], "cues": [["besuch"]],
            "one_off": True, "label": "x"}
    two = (kb._entry({**base, "id": "a", "date": "2001-05"}), kb._entry({**base, "id": "b", "date": "2003-05"}))
    ev = _ev("visit", RUS_PRK, PUTIN)
    assert _look(ev, "Putin war zu Besuch", "2010", kb=two) is None
    assert _look(ev, "Putin war zu Besuch", "2010", kb=two[:1]) == "2001-05"


def test_known_event_in_a_temporal_phrase_is_only_a_reference() -> None:
    ev = _ev("attack", [("RUS", "source"), ("UKR", "participant")])
    assert _look(ev, "seit dem russischen Einmarsch in die Ukraine hat sich viel verändert", "2023-03") is None


def test_article_dated_clause_in_a_dated_sentence_stays() -> None:
    ev = _ev("troop_deployment", PRK_RUS, date=_dct_date("2025-05-10"))
    sent = "Am Dienstag schickte Pjöngjang Soldaten nach Kursk."
    assert _look(ev, "Pjöngjang schickte Soldaten nach Kursk", "2025-05-10", sent, sentence_dated=True) is None


def test_later_instances_and_vetoes() -> None:
    ev = _ev("troop_deployment", PRK_RUS)
    sent = "Nordkorea hatte weitere Soldaten nach Kursk geschickt."
    assert _look(ev, sent, "2025-06", sent) is None
    # a series may be incomplete after its complete_until date
    choe = _ev("visit", PRK_RUS, [("Choe Son Hui", "source")])
    assert _look(choe, "Choe hatte Moskau besucht", "2024-12") == "2024-11"
    assert _look(choe, "Choe hatte Moskau besucht", "2025-06") is None


def test_other_signatories_are_not_the_treaty() -> None:
    ev = _ev("agreement", RUS_PRK, [("Alexander Koslow", "source")])
    sent = "Ein Abkommen über eine strategische Partnerschaft unterzeichneten Minister Koslow und sein Kollege."
    assert _look(ev, "Ein Abkommen unterzeichneten Minister Koslow und sein Kollege", "2026-02", sent) is None


def test_no_article_date_no_knowledge() -> None:
    text = "In die Region Kursk waren ukrainische Truppen vorgedrungen."
    for e, _ in events_with_quotes(text, None):
        assert e.date.basis != kb.BASIS
