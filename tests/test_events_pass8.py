"""Eighth pass (generalisation): demands with a zu-clause, announced acts, headline attributions,
"die beiden" after two named persons, expected visits and undated background (standing positions,
alleged past acts). Sentences are written for these tests (not taken from any gold or fixture)."""

from __future__ import annotations

from tests.test_events import codes as _codes
from tests.test_events import events_with_quotes


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-05"):
    evs = _events(text, dct)
    assert len(evs) == 1, [(e.type, q) for e, q in evs]
    return evs[0]


def test_demand_with_zu_clause_is_the_demanders_statement() -> None:
    e, q = _one("Der japanische Außenminister forderte Moskau auf, die Waffenlieferungen aus Nordkorea zu stoppen.")
    assert e.type == "statement" and e.status == "reported"
    assert q.startswith("Der japanische Außenminister forderte") and q.endswith("zu stoppen")
    assert {"JPN", "RUS"} <= _codes(e)


def test_appeal_with_separable_zu_infinitive() -> None:
    e, q = _one("Die Europäische Union rief Pjöngjang auf, seine Truppen aus Russland abzuziehen.")
    assert e.type == "statement"
    assert "PRK" in _codes(e)
    assert q.endswith("abzuziehen")


def test_demand_to_a_person_keeps_the_speaker() -> None:
    e, _ = _one("Südkoreas Präsident Yoon Suk Yeol forderte Russland auf, keine Waffen an Nordkorea zu liefern.")
    assert e.type == "statement"
    assert [a.name for a in e.actors][:1] == ["Yoon Suk Yeol"]


def test_announced_visit_is_planned() -> None:
    e, _ = _one("Kremlchef Wladimir Putin kündigte an, Nordkorea im kommenden Jahr zu besuchen.")
    assert e.type == "visit" and e.status == "planned"
    assert e.date.value == "2025"


def test_promised_delivery_is_planned() -> None:
    e, _ = _one("Der nordkoreanische Verteidigungsminister versprach, Russland weitere Granaten zu liefern.")
    assert e.type == "arms_transfer" and e.status == "planned"


def test_announced_review_of_a_noun_stays_a_statement_of_intent() -> None:
    # the infinitive is "prüfen", not the act named by the noun: not a planned delivery
    evs = _events("Die Regierung in Seoul kündigte an, die Lieferung von Waffen an die Ukraine zu prüfen.")
    assert all(e.status != "planned" or e.type != "arms_transfer" for e, _ in evs)


def test_headline_attribution_makes_the_claim_alleged() -> None:
    e, q = _one("Washington: Russland liefert Kampfjets an Nordkorea")
    assert e.type == "arms_transfer" and e.status == "alleged"
    assert _codes(e) == {"RUS", "PRK"}
    e, _ = _one("Tokio: Nordkorea schickt Raketen nach Russland")
    assert e.status == "alleged"


def test_headline_attribution_by_a_party_is_its_own_account() -> None:
    e, _ = _one("Moskau: Russland und Nordkorea vertiefen ihre Zusammenarbeit")
    assert e.status == "reported"


def test_die_beiden_takes_the_two_persons_named_before() -> None:
    evs = _events("Schoigu traf am Montag Kim Jong Un in Pjöngjang. Die beiden hätten über die Luftabwehr beraten.")
    talks = [e for e, q in evs if q.startswith("Die beiden")]
    assert talks and {a.name for a in talks[0].actors} == {"Sergej Schoigu", "Kim Jong Un"}


def test_expected_in_a_capital_is_a_planned_visit() -> None:
    e, _ = _one("Der russische Außenminister Sergej Lawrow wird in der kommenden Woche in Pjöngjang erwartet.")
    assert e.type == "visit" and e.status == "planned"
    assert [a.name for a in e.actors] == ["Sergej Lawrow"]
    assert _codes(e) == {"RUS", "PRK"}


def test_expectation_of_experts_is_no_visit() -> None:
    assert all(e.type != "visit" for e, _ in
               _events("Experten erwarten in Moskau eine Vertiefung der Beziehungen zu Nordkorea."))


def test_standing_denial_has_no_date() -> None:
    evs = _events("Pjöngjang hat Waffenlieferungen an Russland stets bestritten.")
    den = [e for e, _ in evs if e.type == "denial"]
    assert den and den[0].date.value is None


def test_alleged_past_act_in_a_relative_clause_has_no_date() -> None:
    evs = _events("Die Raketen, die Nordkorea an Russland geliefert haben sollen, wurden in Charkiw gefunden.")
    arms = [e for e, _ in evs if e.type == "arms_transfer"]
    assert arms and arms[0].status == "alleged" and arms[0].date.value is None


def test_current_alleged_act_keeps_the_article_date() -> None:
    e, _ = _one("Nordkorea soll weitere Soldaten nach Russland schicken.")
    assert e.status in ("alleged", "planned")
    assert e.date.value == "2024-05"


def test_mediation_offer_is_a_statement() -> None:
    e, _ = _one("China bot an, zwischen Nordkorea und Südkorea zu vermitteln.")
    assert e.type in ("statement", "other")
    assert {"CHN", "PRK"} <= _codes(e)
