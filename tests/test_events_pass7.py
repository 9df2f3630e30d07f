"""Seventh pass (unseen-text generalisation): economic links, sanction lists and bans, withdrawals,
prisoners, vetoes, onward journeys, evidence hedges, contrasted mentions, additive continuations and
sanctions as the topic of talk. Sentences are written for these tests (not taken from any gold)."""

from __future__ import annotations

from tests.test_events import events_with_quotes


def _events(text: str, dct: str = "2025-05"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2025-05"):
    evs = _events(text, dct)
    assert len(evs) == 1, [(e.type, q) for e, q in evs]
    return evs[0][0]


def test_bridge_construction_is_economic_cooperation() -> None:
    e = _one("Moskau und Pjöngjang haben mit dem Bau einer neuen Grenzbrücke über den Tumen begonnen.")
    assert e.type == "economic_cooperation"
    assert {c.code for c in e.countries} == {"RUS", "PRK"}


def test_rail_link_and_tourism_are_economic_cooperation() -> None:
    assert _one("Zwischen Russland und Nordkorea gibt es wieder eine direkte Bahnverbindung.").type \
        == "economic_cooperation"
    assert _one("Ein russischer Anbieter organisiert Touristenreisen nach Nordkorea.").type == "economic_cooperation"


def test_sanction_list_and_ban() -> None:
    e = _one("Japan setzte drei nordkoreanische Reedereien auf seine Sanktionsliste.")
    assert e.type == "sanction"
    e = _one("Die Regierung in Tokio untersagte Geschäfte mit nordkoreanischen Banken.")
    assert e.type == "sanction"


def test_regret_is_a_statement() -> None:
    e = _one("Das südkoreanische Außenministerium bedauerte das russische Veto gegen Nordkorea.")
    assert e.type in ("statement", "other")
    e = _one("Der russische Botschafter bedauerte die Haltung Nordkoreas.")
    assert e.type == "statement"


def test_withdrawal_of_troops_is_a_deployment() -> None:
    e = _one("Nordkorea hat seine Soldaten aus dem russischen Gebiet Kursk abgezogen.")
    assert e.type == "troop_deployment"


def test_taking_prisoners_is_an_attack() -> None:
    e = _one("Ukrainische Einheiten haben in Kursk zwei nordkoreanische Soldaten gefangen genommen.")
    assert e.type == "attack"
    assert {"UKR", "PRK"} <= {c.code for c in e.countries}


def test_veto_is_other() -> None:
    e = _one("Russland legte im UN-Sicherheitsrat ein Veto gegen die Resolution zu Nordkorea ein.", "2024-03")
    assert e.type == "other"


def test_onward_journey_is_a_visit() -> None:
    e = _one("Nach dem Gipfel in Pjöngjang will Putin nach Vietnam weiterreisen.", "2024-06")
    assert e.type == "visit"
    assert e.status == "planned"


def test_evidence_of_is_alleged() -> None:
    e = _one("Es gibt Hinweise auf Munitionslieferungen aus Nordkorea an Russland.", "2023-10")
    assert e.type == "arms_transfer"
    assert e.status == "alleged"


def test_contrasted_mention_does_not_take_an_earlier_date() -> None:
    evs = _events("Putin ist in Pjöngjang eingetroffen. Es war sein erster Besuch in Nordkorea seit 24 Jahren. "
                  "Im Juli 2000 war Putin nach Nordkorea gereist.", "2024-06")
    first = next(e for e, q in evs if "seit 24 Jahren" in q)
    assert first.date.value != "2000-07"


def test_additive_continuation_keeps_the_target_state() -> None:
    evs = _events("Die EU hat neue Sanktionen gegen Nordkorea verhängt. Auch Kanada und Australien setzten "
                  "weitere Firmen auf ihre Sanktionslisten.", "2024-12")
    second = next(e for e, q in evs if q.startswith("Auch"))
    assert second.type == "sanction"
    assert {"CAN", "AUS", "PRK"} <= {c.code for c in second.countries}


def test_additive_needs_the_same_kind_of_act() -> None:
    evs = _events("Die EU hat neue Sanktionen gegen Nordkorea verhängt. Auch Kanada und Australien "
                  "vereinbarten ein Handelsabkommen.", "2024-12")
    assert not any(q.startswith("Auch") and "PRK" in {c.code for c in e.countries} for e, q in evs)


def test_sanctions_as_topic_are_talk_not_sanction() -> None:
    e = _one("Pjöngjang verlangt eine Aufhebung der Sanktionen.")
    assert e.type == "statement"
    e = _one("Kim warb in Moskau um Hilfe gegen die Sanktionen.")
    assert e.type == "statement"
    e = _one("Die USA verhängten neue Sanktionen gegen Nordkorea.")
    assert e.type == "sanction"
