"""Eleventh pass (classes found on the x- and w-sets): "sollen" with a scheduled event is a plan, a denial
in reported speech with "nie", an invitation "von X zu einem Besuch" handed over is a statement, envoys
sent as visits, characterisations that name a wrong as accusations, a third state's reaction that takes
in the states of the act just told, and a subject shared with a gapped clause after a comma. Sentences
are written for these tests (not taken from any gold or fixture)."""

from __future__ import annotations

from tests.test_events import codes as _codes
from tests.test_events import events_with_quotes
from tests.test_events import names as _names


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _find(evs, start: str):
    return next(e for e, q in evs if q.startswith(start))


def test_sollen_with_a_weekday_is_a_plan() -> None:
    evs = _events("Der russische Außenminister Sergej Lawrow ist in Pjöngjang eingetroffen. Am Dienstag soll er "
                  "mit Machthaber Kim Jong Un zusammenkommen.", "2019-06")
    e = _find(evs, "Am Dienstag")
    assert e.status == "planned"


def test_sollen_with_a_perfect_infinitive_stays_alleged() -> None:
    evs = _events("Nordkorea soll am Montag weitere Granaten an Russland geliefert haben.", "2023-10")
    assert evs and evs[0][0].status == "alleged"


def test_never_in_reported_speech_is_a_denial() -> None:
    evs = _events("Die Ukraine warf Pjöngjang Waffenlieferungen an Moskau vor. Nordkorea habe niemals Raketen an "
                  "Russland verkauft, erklärte das Außenministerium in Pjöngjang.", "2024-03")
    e = _find(evs, "Nordkorea habe niemals")
    assert e.type == "denial" and e.status == "denied"


def test_invitation_of_a_third_person_handed_over_is_a_statement() -> None:
    evs = _events("Der Gesandte überreichte dort eine Einladung von Staatschef Kim Jong Un zu einem Besuch in "
                  "Nordkorea an Präsident Wladimir Putin.", "2016-04")
    assert evs and evs[0][0].type == "statement"


def test_special_envoy_sent_is_a_visit() -> None:
    evs = _events("Im Frühjahr hatte der Kreml einen Sonderbeauftragten nach Pjöngjang geschickt.", "2005-09")
    assert evs and evs[0][0].type == "visit" and {"RUS", "PRK"} <= _codes(evs[0][0])


def test_characterisation_naming_a_wrong_is_an_accusation() -> None:
    evs = _events("Der japanische Außenminister bezeichnete das Vorgehen Moskaus und Pjöngjangs als "
                  "schweren Verstoß gegen das Völkerrecht.", "2024-09")
    assert evs and evs[0][0].type == "accusation"


def test_characterisation_without_a_wrong_stays_a_statement() -> None:
    evs = _events("Der russische Botschafter bezeichnete die Beziehungen zu Nordkorea als herzlich und eng.",
                  "2024-09")
    assert evs and evs[0][0].type == "statement"


def test_reaction_of_a_third_state_takes_in_the_parties_of_the_act() -> None:
    evs = _events("Russland und Nordkorea haben am Montag ein Abkommen über militärische Zusammenarbeit "
                  "unterzeichnet. Tokio kritisierte die Vereinbarung scharf.", "2024-07")
    e = _find(evs, "Tokio")
    assert {"JPN", "RUS", "PRK"} <= _codes(e)


def test_gapped_clause_after_a_comma_keeps_the_speaker() -> None:
    evs = _events("Der chinesische Präsident Xi Jinping hat den Raketenstart Nordkoreas kritisiert, gleichzeitig "
                  "aber vor neuen Strafmaßnahmen gegen Pjöngjang gewarnt.", "2017-05")
    e = _find(evs, "gleichzeitig")
    assert "Xi Jinping" in _names(e)


def test_praise_of_an_act_stays_a_statement() -> None:
    evs = _events("Der russische Vizeaußenminister Andrej Rudenko lobte in Pjöngjang die Entsendung der "
                  "nordkoreanischen Pioniere.", "2025-07")
    assert evs and evs[0][0].type == "statement"


def test_definite_role_after_a_named_person_is_the_speaker() -> None:
    evs = _events("Der russische Verteidigungsminister Andrej Beloussow ist in Pjöngjang mit Kim Jong Un "
                  "zusammengetroffen. Die Zusammenarbeit werde weiter wachsen, sagte der Minister am Abend.",
                  "2024-11")
    e = _find(evs, "Die Zusammenarbeit")
    assert "Andrej Beloussow" in _names(e)


def test_greeted_by_a_named_person_is_a_meeting() -> None:
    evs = _events("Der russische Vizepremier Juri Trutnew ist in Pjöngjang eingetroffen. Am Bahnhof wurde er von "
                  "Ministerpräsident Pak Pong Ju begrüßt.", "2015-04")
    e = _find(evs, "Am Bahnhof")
    assert e.type == "meeting"


def test_judging_an_act_as_a_sign_is_a_statement() -> None:
    evs = _events("Warschau wertet die Lieferung nordkoreanischer Raketen an Russland als gefährliches Signal.",
                  "2024-02")
    assert evs and evs[0][0].type == "statement"


def test_expected_group_of_visitors_is_a_planned_visit() -> None:
    evs = _events("Zur Eröffnung der Messe in Wladiwostok werden auch Vertreter der nordkoreanischen Regierung "
                  "erwartet.", "2018-08")
    assert evs and evs[0][0].type == "visit" and evs[0][0].status == "planned"
    assert {"RUS", "PRK"} <= _codes(evs[0][0])
