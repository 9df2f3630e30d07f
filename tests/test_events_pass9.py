"""Ninth pass (recall on unseen news): debt relief, relation statements ("ist Handelspartner"),
verbless headings, help without an object, launches and tests, votes, casualties, unconfirmed claims
as denials, "den Druck erhöhen", dated participle phrases and "damals". Sentences are written for
these tests (not taken from any gold or fixture)."""

from __future__ import annotations

from tests.test_events import codes as _codes
from tests.test_events import events_with_quotes


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-05"):
    evs = _events(text, dct)
    assert len(evs) == 1, [(e.type, q) for e, q in evs]
    return evs[0]


def test_debt_relief_is_economic_cooperation() -> None:
    e, _ = _one("Der Kreml hat Pjöngjang Altschulden in Milliardenhöhe gestrichen.", "2012-09")
    assert e.type == "economic_cooperation" and {"RUS", "PRK"} <= _codes(e)
    e, _ = _one("Russland vereinbarte mit Nordkorea einen Schuldenerlass.", "2012-09")
    assert e.type in ("economic_cooperation", "agreement")


def test_issuing_a_law_is_no_debt_relief() -> None:
    assert _events("Die Duma in Moskau hat ein Gesetz über Nordkorea erlassen.", "2012-09") == []


def test_trade_partner_statement() -> None:
    e, _ = _one("Russland ist nach China der zweitgrößte Handelspartner Nordkoreas.", "2023-02")
    assert e.type == "economic_cooperation" and {"RUS", "PRK"} <= _codes(e)


def test_verbless_heading_with_troops_and_a_place() -> None:
    evs = _events("Tausende Soldaten aus Nordkorea in Russland", "2024-12")
    assert evs and evs[0][0].type == "troop_deployment" and {"PRK", "RUS"} <= _codes(evs[0][0])


def test_verbless_heading_with_a_visitor() -> None:
    evs = _events("Lawrow überraschend in Pjöngjang", "2024-12")
    assert evs and evs[0][0].type == "visit" and evs[0][1].startswith("Lawrow")


def test_heading_of_a_person_at_home_is_no_visit() -> None:
    assert _events("Kim Jong Un in Pjöngjang", "2024-12") == []


def test_help_without_object_is_cooperation_typed_by_field() -> None:
    e, _ = _one("Washington vermutet russische Hilfe für Nordkoreas Raumfahrt.", "2023-12")
    assert e.type == "military_cooperation" and e.status == "alleged"
    e, _ = _one("Moskau leistet Pjöngjang humanitäre Hilfe.", "2023-12")
    assert e.type == "economic_cooperation"


def test_promised_support_stays_a_statement() -> None:
    e, _ = _one("Putin sicherte Kim bei dem Treffen Unterstützung zu.", "2023-12")
    assert e.type in ("statement", "meeting")


def test_launch_into_orbit_and_nuclear_test_are_other() -> None:
    e, _ = _one("Nordkorea hat einen Aufklärungssatelliten in die Umlaufbahn gebracht.", "2024-01")
    assert e.type == "other" and _codes(e) == {"PRK"}
    e, _ = _one("Pjöngjang hat einen weiteren Kernwaffentest unternommen.", "2017-09")
    assert e.type == "other"


def test_vote_for_a_resolution() -> None:
    e, _ = _one("Moskau votierte im Sicherheitsrat für die Resolution gegen Nordkorea.", "2016-03")
    assert e.type in ("other", "sanction") and {"RUS", "PRK"} <= _codes(e)
    e, _ = _one("China und Russland enthielten sich bei der Abstimmung über Nordkorea.", "2016-03")
    assert {"CHN", "RUS"} <= _codes(e)


def test_casualties_of_troops() -> None:
    e, _ = _one("Nach Angaben aus Kiew sind Hunderte nordkoreanische Soldaten in Kursk gefallen.", "2025-03")
    assert e.type == "troop_deployment" and e.status == "alleged"


def test_falling_without_troops_is_no_event() -> None:
    evs = _events("Die Entscheidung über Nordkoreas Beitritt ist in Moskau gefallen.", "2025-03")
    assert all(e.type != "troop_deployment" for e, _ in evs)


def test_unconfirmed_claim_is_a_denial() -> None:
    e, _ = _one("Der Kreml hat die Lieferung der Raketen aus Nordkorea nie offiziell bestätigt.", "2024-02")
    assert e.type == "denial" and e.status == "denied"


def test_neither_confirmed_nor_denied_stays_a_statement() -> None:
    e, _ = _one("Pjöngjang hat die Berichte über Soldaten in Russland weder bestätigt noch dementiert.", "2024-11")
    assert e.type == "statement"


def test_raising_pressure_is_a_planned_sanction() -> None:
    e, _ = _one("Tokio will den Druck auf Nordkorea weiter verschärfen.", "2024-06")
    assert e.type == "sanction" and e.status == "planned"


def test_expression_is_no_pressure() -> None:
    evs = _events("Lawrow brachte seine Hoffnung auf bessere Beziehungen zu Nordkorea zum Ausdruck.", "2024-06")
    assert all(e.type != "sanction" for e, _ in evs)


def test_dated_participle_phrase_is_its_own_event_and_keeps_its_date() -> None:
    evs = _events("Schoigu und Kim berieten über den im März unterzeichneten Vertrag zwischen Moskau und Pjöngjang.",
                  "2024-09")
    kinds = {e.type: (e, q) for e, q in evs}
    assert "talks" in kinds and kinds["talks"][0].date.value == "2024-09"
    assert "agreement" in kinds and kinds["agreement"][0].date.value == "2024-03"
    assert kinds["agreement"][1].startswith("den im März unterzeichneten Vertrag")


def test_damals_takes_the_date_of_the_event_told_before() -> None:
    evs = _events("Im Februar war Nordkoreas Außenministerin Choe Son Hui nach Moskau gereist. Lawrow hatte damals "
                  "eine engere Zusammenarbeit mit Pjöngjang angekündigt.", "2024-10")
    assert len(evs) == 2 and evs[1][0].date.value == "2024-02"


def test_then_president_is_no_back_reference() -> None:
    evs = _events("Im Mai traf Kim in Moskau den damaligen Präsidenten.", "2024-10")
    assert evs and evs[0][0].date.value == "2024-05"
