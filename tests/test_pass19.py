"""Nineteenth pass: recall of general German constructions. A presence at work ("Die Arbeiter seien auf
Baustellen tätig"); a vehicle or carrier that runs a route with no traveller named ("Ein Zug rollt nach
Pjöngjang", "Die Fluggesellschaft soll nach Pjöngjang fliegen"), while a traveller's means ("fuhr mit dem Zug")
stays a visit; the opening of a resort or a border crossing; "Verbindungen ausbauen" as a relation. Sentences
are written for these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from tests.test_events import codes, events_with_quotes, only_event


def _one(text: str, dct: str = "2025-07"):
    return only_event(text, dct)


# 1. presence at work: "tätig sein" with workers (the object class decides the type)


def test_workers_active_on_sites_are_labour_migration() -> None:
    e = _one("Nach russischen Angaben sind Tausende nordkoreanische Arbeiter auf Baustellen in Sibirien tätig.")
    assert e.type == "economic_cooperation" and "RUS" in codes(e)


def test_soldiers_active_are_still_troops() -> None:
    e = _one("Nordkoreanische Soldaten sind inzwischen auch im Gebiet Belgorod tätig.")
    assert e.type == "troop_deployment"


def test_company_active_abroad_is_no_event() -> None:
    assert events_with_quotes("Die Firma ist seit vielen Jahren in Südamerika tätig.", "2025-07") == []


# 2. vehicles and carriers that run a route


def test_train_rolls_between_capitals() -> None:
    e = _one("Seit dieser Woche rollt wieder ein Schlafwagenzug von Moskau nach Pjöngjang.")
    assert e.type == "economic_cooperation" and codes(e) == {"RUS", "PRK"}


def test_airline_to_fly_to_pyongyang() -> None:
    e = _one("Ab Herbst soll die Fluggesellschaft Aurora zweimal im Monat von Wladiwostok nach Pjöngjang fliegen.")
    assert e.type == "economic_cooperation" and codes(e) == {"RUS", "PRK"}


def test_ferry_commutes() -> None:
    e = _one("Künftig soll eine Fähre zwischen Wladiwostok und dem nordkoreanischen Hafen Rason pendeln.")
    assert e.type == "economic_cooperation"


def test_traveller_by_train_is_a_visit() -> None:
    e = _one("Kim Jong Un fuhr mit seinem gepanzerten Zug nach Wladiwostok.")
    assert e.type == "visit"


def test_retreat_is_no_train() -> None:
    assert all(e.type != "economic_cooperation"
               for e, *_ in events_with_quotes("Der Rückzug der russischen Truppen rollt seit Tagen.", "2025-07"))


def test_train_in_a_foreign_city_is_no_event() -> None:
    assert events_with_quotes("Der Zug rollte langsam durch die Stadt.", "2025-07") == []


# 3. opening a resort or a border crossing


def test_opening_a_resort_for_russian_guests() -> None:
    e = _one("Im Juni eröffnete Nordkorea an der Küste ein neues Skigebiet für russische Urlauber.")
    assert e.type == "economic_cooperation" and "PRK" in codes(e)


def test_opening_a_border_crossing() -> None:
    e = _one("Russland und Nordkorea öffneten am Tumen einen neuen Grenzübergang.")
    assert e.type == "economic_cooperation" and codes(e) == {"RUS", "PRK"}


def test_closing_a_border_crossing_is_still_a_closure() -> None:
    e = _one("Nordkorea schloss den Grenzübergang zu Russland.")
    assert e.type == "other"


def test_opening_fire_is_no_opening() -> None:
    assert all(e.type != "economic_cooperation"
               for e, *_ in events_with_quotes("Russische Einheiten eröffneten das Feuer.", "2025-07"))


# 4. "Verbindungen ausbauen": relations intensify


def test_links_expanded_is_a_relation_event() -> None:
    e = _one("Moskau und Pjöngjang bauen ihre Verbindungen weiter aus.")
    assert codes(e) == {"RUS", "PRK"}


# 5. an additive adverb opening the next sentence ("Zugleich wurden Abkommen ... unterzeichnet"): same parties


def test_additive_passive_agreement_keeps_parties() -> None:
    evs = events_with_quotes("Russland und Nordkorea vereinbarten am Montag eine engere Zusammenarbeit. Außerdem "
                             "wurden Abkommen über Fischerei und Kultur unterzeichnet.", "2025-07")
    assert len(evs) == 2 and evs[1][0].type == "agreement" and codes(evs[1][0]) == {"RUS", "PRK"}


def test_additive_sentence_without_trigger_adds_nothing() -> None:
    evs = events_with_quotes("Russland und Nordkorea vereinbarten am Montag eine engere Zusammenarbeit. Zudem "
                             "regnete es in Berlin.", "2025-07")
    assert len(evs) == 1


# 6. reported speech goes on in the Konjunktiv with no speech verb ("Man müsse sie schrittweise aufheben")


def test_konjunktiv_sentence_continues_statement() -> None:
    evs = events_with_quotes("Außenminister Lawrow äußerte sich am Dienstag zu den Sanktionen gegen Nordkorea. "
                             "Man müsse sie Schritt für Schritt lockern.", "2025-07")
    assert len(evs) == 2 and evs[1][0].type == "statement" and "RUS" in codes(evs[1][0])
    assert [a.name for a in evs[1][0].actors] == [a.name for a in evs[0][0].actors]


def test_konjunktiv_sentence_after_non_statement_adds_nothing() -> None:
    evs = events_with_quotes("Nordkorea feuerte am Morgen eine ballistische Rakete ab. Die Lage sei ernst.", "2025-07")
    assert all(e.type != "statement" for e, _ in evs)


def test_konjunktiv_sentence_with_own_act_keeps_one_statement() -> None:
    evs = events_with_quotes("Kremlsprecher Peskow lobte die Zusammenarbeit mit Pjöngjang. Es gehe niemanden etwas "
                             "an, wenn Russland seine Beziehungen zu Nordkorea vertiefe.", "2025-07")
    assert len(evs) == 2 and all(e.actors for e, _ in evs)


# 7. "rücken enger zusammen": relations intensify (no relation noun named)


def test_states_move_closer_together() -> None:
    e = _one("Moskau und Pjöngjang rücken seit dem Gipfel immer enger zusammen.")
    assert e.type == "other" and codes(e) == {"RUS", "PRK"}


def test_teams_moving_closer_is_no_event() -> None:
    assert events_with_quotes("Die beiden Mannschaften rückten näher zusammen.", "2025-07") == []


# 8. workers who come or enter: labour migration (a destination check for travellers does not apply)


def test_workers_come_to_russia() -> None:
    e = _one("Seit dem Frühjahr kommen wieder Tausende nordkoreanische Arbeiter nach Russland.")
    assert e.type == "economic_cooperation" and codes(e) == {"RUS", "PRK"}


def test_workers_coming_to_their_shift_is_no_event() -> None:
    assert events_with_quotes("Die Arbeiter kamen pünktlich zur Schicht.", "2025-07") == []
