"""Coreference, dating by coreference, reporting clauses and presence rules of the event stage.
Sentences are written for these tests (not taken from the gold articles)."""

from __future__ import annotations

from app.extract.pipeline import extract

from .test_events import make_doc


def _events(text: str, dct: str = "2024-06-12"):
    doc = make_doc(text, dct)
    return [(e, doc.text[e.start:e.end]) for e in extract(doc).events]


def _actors(e) -> set[str]:
    return {a.name for a in e.actors}


def test_relative_pronoun_refers_to_the_person_before_the_comma() -> None:
    evs = _events("Die Delegation traf Außenminister Sergej Lawrow, der im Mai Pjöngjang besuchte.")
    visit = next(e for e, q in evs if e.type == "visit")
    assert "Sergej Lawrow" in _actors(visit)


def test_relative_pronoun_after_a_thing_is_not_a_person() -> None:
    evs = _events("Putin lobte das Abkommen mit Nordkorea, das im Mai Pjöngjang und Moskau enger verbunden habe.")
    assert all(_actors(e) <= {"Wladimir Putin"} for e, _ in evs)


def test_personal_pronoun_takes_the_subject_of_the_previous_sentence() -> None:
    evs = _events("Kim Jong Un ist am Dienstag nach Moskau gereist. Am Mittwoch besuchte er Präsident Putin.")
    second = next(e for e, q in evs if "besuchte er" in q)
    assert "Kim Jong Un" in _actors(second)


def test_beide_stands_for_the_two_persons_named_last() -> None:
    evs = _events("Putin telefonierte am Montag mit Kim Jong Un. Beide vereinbarten eine engere Zusammenarbeit "
                  "zwischen Russland und Nordkorea.")
    agreement = next(e for e, q in evs if q.startswith("Beide"))
    assert _actors(agreement) == {"Wladimir Putin", "Kim Jong Un"}


def test_beide_before_a_state_noun_is_not_a_group_of_persons() -> None:
    evs = _events("Putin telefonierte am Montag mit Kim Jong Un. Beide Länder vereinbarten eine engere "
                  "Zusammenarbeit.")
    agreement = next(e for e, q in evs if q.startswith("Beide"))
    assert not _actors(agreement)


def test_subject_ellipsis_after_und() -> None:
    evs = _events("Lawrow traf am Montag in Pjöngjang Außenministerin Choe Son Hui und lobte die "
                  "Zusammenarbeit zwischen Russland und Nordkorea.")
    praise = next(e for e, q in evs if "lobte" in q)
    assert "Sergej Lawrow" in _actors(praise)


def test_role_without_a_name_in_the_text_is_no_actor() -> None:
    evs = _events("Der südkoreanische Verteidigungsminister kritisierte die Waffenlieferungen Nordkoreas an Russland.")
    assert evs and all(not _actors(e) for e, _ in evs)


def test_organisations_are_not_person_actors() -> None:
    evs = _events("Der UN-Sicherheitsrat verurteilte die Waffenlieferungen Nordkoreas an Russland.")
    assert evs and all(not _actors(e) for e, _ in evs)


def test_clause_naming_a_call_takes_the_date_of_that_call() -> None:
    evs = _events("Putin und Kim Jong Un haben in einem Telefonat eine engere Zusammenarbeit vereinbart. "
                  "Putin und Kim Jong Un hätten am Montag telefoniert, berichtete KCNA.", dct="2024-06-12")
    agreement = next(e for e, q in evs if e.type == "agreement")
    assert agreement.date.value == "2024-06-10"


def test_time_of_a_seit_phrase_does_not_date_the_event() -> None:
    evs = _events("Lawrow nannte den 3. Juli als Termin für das erste Treffen mit Kim Jong Un seit der "
                  "Machtübernahme Putins im Jahr 2000.")
    # the seit-phrase is a background event of its own (dated 2000); the meeting is not dated by it
    assert all(e.date.value != "2000" for e, q in evs if "Treffen" in q)
    assert any(e.date.value == "2000" and q.startswith("seit der Machtübernahme") for e, q in evs)


def test_presence_of_troops_is_a_deployment() -> None:
    evs = _events("Nordkoreanische Soldaten sind nach Angaben Kiews in der russischen Region Belgorod.")
    assert [(e.type, e.status) for e, _ in evs] == [("troop_deployment", "alleged")]


def test_wie_reporting_clause_is_a_statement_beside_the_event() -> None:
    evs = _events("Wie der ukrainische Geheimdienst am Montag mitteilte, sind nordkoreanische Soldaten "
                  "in Russland im Einsatz.")
    assert {e.type for e, _ in evs} == {"statement", "troop_deployment"}


def test_impersonal_hiess_es_alleges_reported_speech_only() -> None:
    evs = _events("Nordkoreanische Soldaten hätten Russland im Mai Raketen geliefert, hieß es.")
    assert evs[0][0].status == "alleged"
    evs = _events("Schoigu besuchte am Montag Pjöngjang und traf Kim Jong Un, hieß es weiter.")
    assert all(e.status == "reported" for e, _ in evs)


def test_reported_speech_continues_the_previous_speaker() -> None:
    evs = _events("Kremlsprecher Dmitri Peskow lobte die Zusammenarbeit mit Nordkorea. "
                  "Russland werde die Beziehungen zu Pjöngjang weiter ausbauen.")
    second = [e for e, q in evs if q.startswith("Russland werde")]
    assert second and second[0].type == "statement" and _actors(second[0]) == {"Dmitri Peskow"}
