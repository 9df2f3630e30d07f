"""Tenth pass (classes found on the w-set): sentences that name no state but continue the event before
("Die Gespräche sollen ...", "Der Sonderzug war ... aufgebrochen", "Bestätigt wurden die Geschäfte
nicht"), object pronouns ("empfing ihn"), "beide Seiten" / "die beiden" for two persons, labour
migration, tourism, votes on sanctions, caps on trade as sanctions, mediation, topic clauses anywhere
in the clause, cooling relations, cancelled participation. Sentences are written for these tests
(not taken from any gold or fixture)."""

from __future__ import annotations

from tests.test_events import codes as _codes
from tests.test_events import events_with_quotes
from tests.test_events import names as _names


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def test_definite_noun_phrase_continues_the_event_before() -> None:
    evs = _events("Die Regierung in Moskau empfing den Gesandten aus Pjöngjang. Die Gespräche sollen bis Montag "
                  "dauern.", "2008-10")
    assert len(evs) == 2 and evs[1][1].startswith("Die Gespräche")
    assert evs[1][0].type == "talks" and {"RUS", "PRK"} <= _codes(evs[1][0])


def test_a_sentence_without_state_and_definite_subject_needs_an_event_just_before() -> None:
    assert _events("Die Gespräche sollen bis Montag dauern.", "2008-10") == []


def test_departure_of_a_train_continues_a_visit() -> None:
    evs = _events("Medwedew reiste am Montag nach Pjöngjang. Der Sonderzug war am Freitag in Moskau aufgebrochen.",
                  "2010-03")
    assert len(evs) == 2 and evs[1][0].type == "visit" and "PRK" in _codes(evs[1][0])


def test_unconfirmed_deals_are_a_denial_of_the_claim_before() -> None:
    evs = _events("Russland kauft nach US-Angaben Granaten in Nordkorea. Offiziell bestätigt wurden die Geschäfte "
                  "bislang nicht.", "2022-09")
    assert len(evs) == 2 and evs[1][0].type == "denial" and {"RUS", "PRK"} <= _codes(evs[1][0])


def test_object_pronoun_ihn_refers_to_the_person_before() -> None:
    evs = _events("Putin traf Kim am Montag in Moskau. Am Dienstag empfing ihn Medwedew im Kreml.", "2008-10")
    assert "Wladimir Putin" in _names(evs[-1][0]) and "Dmitri Medwedew" in _names(evs[-1][0])


def test_beide_seiten_are_the_two_persons_just_named() -> None:
    evs = _events("Putin kam am Montag mit Kim zusammen. Beide Seiten vereinbarten eine engere Zusammenarbeit.",
                  "2008-10")
    assert evs[-1][0].type == "agreement" and {"Wladimir Putin", "Kim Jong Il"} <= _names(evs[-1][0])


def test_die_beiden_before_an_adjective_is_no_group_of_persons() -> None:
    evs = _events("Lawrow traf Ri in Moskau. Russland hatte die beiden abtrünnigen Gebiete anerkannt.", "2022-07")
    assert evs and "Ri Yong Ho" not in _names(evs[-1][0])


def test_workers_abroad_are_economic_cooperation() -> None:
    evs = _events("In Russland arbeiten rund dreißigtausend Nordkoreaner.", "2017-12")
    assert len(evs) == 1 and evs[0][0].type == "economic_cooperation" and {"RUS", "PRK"} <= _codes(evs[0][0])
    evs = _events("In Sibirien waren zuletzt dreitausend Nordkoreaner beschäftigt.", "2019-12")
    assert len(evs) == 1 and evs[0][0].type == "economic_cooperation"


def test_working_without_workers_is_no_event() -> None:
    evs = _events("Moskau arbeitet an einer neuen Strategie für Nordkorea.", "2019-12")
    assert all(e.type != "economic_cooperation" for e, _ in evs)


def test_tourists_on_holiday_are_economic_cooperation() -> None:
    evs = _events("Immer mehr russische Touristen machen Urlaub in Nordkorea.", "2025-11")
    assert len(evs) == 1 and evs[0][0].type == "economic_cooperation" and {"RUS", "PRK"} <= _codes(evs[0][0])


def test_vote_after_sanctions_is_a_sanction() -> None:
    evs = _events("Der Sicherheitsrat hat nach dem jüngsten Raketentest Sanktionen gegen Nordkorea verhängt. "
                  "Auch Russland stimmte für die Resolution.", "2009-06")
    assert [e.type for e, _ in evs] == ["sanction", "sanction"]


def test_vote_without_sanctions_stays_other() -> None:
    evs = _events("Russland stimmte für die Resolution über die Ukraine und Nordkorea.", "2023-02")
    assert evs and evs[0][0].type == "other"


def test_cap_on_trade_is_a_sanction() -> None:
    evs = _events("Moskau will die Lieferungen von Erdöl nach Nordkorea begrenzen.", "2017-12")
    assert evs[0][0].type == "sanction" and evs[0][0].status == "planned"
    evs = _events("Der Sicherheitsrat hat die Ölexporte nach Nordkorea drastisch begrenzt.", "2017-12")
    assert evs[0][0].type == "sanction"
    evs = _events("Russland liefert Öl nach Nordkorea.", "2017-12")
    assert evs[0][0].type == "economic_cooperation"


def test_mediation_between_states_is_talks() -> None:
    evs = _events("China vermittelt zwischen Russland und Nordkorea.", "2025-09")
    assert evs and evs[0][0].type == "talks"


def test_offer_to_mediate_stays_a_statement() -> None:
    evs = _events("Moskau hat angeboten, zwischen Nordkorea und Japan zu vermitteln.", "2003-02")
    assert evs and evs[0][0].type == "statement"


def test_topic_phrase_inside_the_clause_continues_the_visit() -> None:
    evs = _events("Putin trifft am Montag Kim in Wladiwostok. Beim Gipfel soll es vor allem um Wirtschaftsfragen "
                  "gehen.", "2019-04")
    assert len(evs) == 2 and evs[1][0].type == "talks" and {"RUS", "PRK"} <= _codes(evs[1][0])


def test_topic_clause_with_an_act_of_its_own_keeps_its_type() -> None:
    evs = _events("Kim Jong Il ist am Samstag in Moskau angekommen. Nach Angaben russischer Medien soll es bei den "
                  "Gesprächen auch um die Bahnverbindung gehen.", "2001-08")
    assert len(evs) == 2 and evs[1][0].type == "economic_cooperation" and {"RUS", "PRK"} <= _codes(evs[1][0])


def test_cooling_relations_and_cancelled_participation_are_other() -> None:
    evs = _events("Nach dem Zerfall der UdSSR waren die Beziehungen zwischen Moskau und Pjöngjang abgekühlt.",
                  "2000-07")
    assert evs and evs[0][0].type == "other" and {"RUS", "PRK"} <= _codes(evs[0][0])
    evs = _events("Kim Jong Un hatte seine Teilnahme an der Parade in Moskau kurzfristig abgesagt.", "2015-05")
    assert evs and evs[0][0].type == "other"


def test_buying_shells_is_an_arms_transfer() -> None:
    evs = _events("Russland erwirbt nach Erkenntnissen der USA Granaten aus Nordkorea.", "2022-09")
    assert evs and evs[0][0].type == "arms_transfer" and evs[0][0].status == "alleged"


def test_reporters_caveat_is_no_denial() -> None:
    evs = _events("Russland kauft nach US-Angaben Granaten in Nordkorea. Unabhängig lassen sich diese Berichte "
                  "nicht bestätigen.", "2022-09")
    assert all(e.type != "denial" for e, _ in evs)


def test_source_of_an_estimate_is_no_party() -> None:
    evs = _events("Nach amerikanischen Erkenntnissen liefert Nordkorea Granaten an Russland.", "2022-09")
    assert evs[0][0].status == "alleged" and _codes(evs[0][0]) == {"PRK", "RUS"}
    evs = _events("Russland kauft nach US-Angaben Granaten in Nordkorea.", "2022-09")
    assert evs[0][0].status == "alleged" and "USA" not in _codes(evs[0][0])
