"""Sixth pass (who acts, what an invitation is): states after goal and origin prepositions, a person
who only names whose minister is meant, encounters that are the content of an invitation. Sentences
are written for these tests (not taken from the gold)."""

from __future__ import annotations

from datetime import date

from app.extract.entities import find_mentions
from tests.test_events import events_with_quotes


def _events(text: str, dct: str = "2024-06-12"):
    return events_with_quotes(text, dct)


def _source(e) -> str:
    return next(c.code for c in e.countries if c.role == "source")


def test_destination_after_nach_is_not_the_source() -> None:
    evs = _events("Pjöngjang hat bestätigt, eigene Soldaten nach Russland entsandt zu haben.")
    dep = next(e for e, _ in evs if e.type == "troop_deployment")
    assert _source(dep) == "PRK"


def test_recipient_after_an_and_origin_after_von() -> None:
    evs = _events("Russland hat von Nordkorea Millionen Artilleriegranaten erhalten.")
    assert _source(next(e for e, _ in evs if e.type == "arms_transfer")) == "PRK"
    evs = _events("Der Iran liefert Drohnen an Russland.")
    assert _source(next(e for e, _ in evs if e.type == "arms_transfer")) == "IRN"


def test_in_marks_a_destination_only_for_movements() -> None:
    evs = _events("Ukrainische Truppen sind in die Region Kursk vorgedrungen.")
    attack = next(e for e, _ in evs if e.type == "attack")
    assert _source(attack) == "UKR"
    # "die Regierung in Moskau" is Russia acting, not a destination
    evs = _events("Die Regierung in Moskau kritisierte Nordkorea scharf.")
    assert evs and _source(evs[0][0]) == "RUS"


def test_meetings_keep_the_order_of_mention() -> None:
    evs = _events("Der russische Außenminister Sergej Lawrow traf in Pjöngjang den nordkoreanischen "
                  "Machthaber Kim Jong Un.")
    meeting = next(e for e, _ in evs if e.type == "meeting")
    assert _source(meeting) == "RUS"


def test_possessor_of_a_role_is_not_an_actor() -> None:
    ms = find_mentions("Putin trifft Kims Außenminister in Moskau.", on=date(2024, 1, 16))
    assert [m.key for m in ms if m.kind == "actor"] == ["Wladimir Putin", "Choe Son Hui"]
    # without a role the genitive person stays ("Kims Schwester" is no office)
    ms = find_mentions("Kims Schwester reiste nach Moskau.", on=date(2024, 1, 16))
    assert "Kim Jong Un" in [m.key for m in ms]


def test_invitation_to_a_visit_is_a_statement() -> None:
    evs = _events("Der Kremlchef nahm eine Einladung zu einem Besuch in Nordkorea an.")
    assert [e.type for e, _ in evs] == ["statement"]
    evs = _events("Putin wurde von Kim Jong Un zu Gesprächen nach Pjöngjang eingeladen.")
    assert [e.type for e, _ in evs] == ["statement"]
    # a visit that takes place on an invitation is still a visit
    evs = _events("Kim Jong Un reiste auf Einladung Putins zu einem Besuch nach Moskau.")
    assert "visit" in [e.type for e, _ in evs]


def test_habitual_encounters_are_no_occurrence() -> None:
    assert _events("Die Außenminister beider Länder treffen sich jetzt oft.") == []
    assert _events("Russische und nordkoreanische Delegationen kommen regelmäßig zu Gesprächen zusammen.") == []
    # a past encounter with a frequency adverb happened; a denial "wiederholt" stays a denial
    evs = _events("Lawrow hat Pjöngjang im vergangenen Jahr mehrfach besucht und Kim Jong Un oft getroffen.")
    assert {e.type for e, _ in evs} & {"visit", "meeting"}
    evs = _events("Russland und Nordkorea haben die Vorwürfe wiederholt zurückgewiesen.")
    assert [e.type for e, _ in evs] == ["denial"]


def test_im_beisein_adds_an_attendee_not_a_meeting() -> None:
    evs = _events("Nordkorea hat im Beisein des russischen Verteidigungsministers Schoigu neue Raketen präsentiert.",
                  "2023-07-28")
    assert "meeting" not in [e.type for e, _ in evs]
