"""Twelfth pass: a bare shared surname ("Kim") after a relative was named, rejecting a proposal (no
denial), observers as subjects (no political actors), and aid given (a gift, relief put at someone's
disposal) typed by its object. Sentences are written for these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from datetime import date

from app.extract.entities import find_mentions
from app.extract.pipeline import extract
from tests.test_events import events_with_quotes, make_doc


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _actors(text: str) -> list[str]:
    return [m.key for m in find_mentions(text, on=date(2024, 6, 1)) if m.kind == "actor"]


def test_bare_kim_is_the_leader_when_both_were_named() -> None:
    text = ("Kim Yo Jong drohte Seoul mit Vergeltung. Machthaber Kim Jong Un besuchte eine Fabrik. "
            "Kim sagte, man werde reagieren.")
    assert _actors(text)[-1] == "Kim Jong Un"


def test_bare_kim_is_the_leader_with_a_leader_cue_in_the_clause() -> None:
    text = "Kim Yo Jong drohte Seoul mit Vergeltung. Später empfing Kim als Staatschef die Gäste."
    assert _actors(text) == ["Kim Yo Jong", "Kim Jong Un"]


def test_bare_kim_stays_the_relative_named_alone() -> None:
    text = "Kim Yo Jong, die Schwester des Machthabers, drohte Seoul. Kim sagte, man werde reagieren."
    assert _actors(text) == ["Kim Yo Jong", "Kim Yo Jong"]


def test_rejecting_a_resolution_is_no_denial() -> None:
    # pass 17: rejecting a measure taken against oneself is a protest (accusation), as in every gold set
    # that has one; rejecting a proposal stays a statement (tests/test_pass17.py)
    evs = _events("Russland wies die Resolution des UN-Sicherheitsrats am Montag entschieden zurück.")
    assert evs and evs[0][0].type == "accusation"


def test_rejecting_a_report_about_oneself_is_a_denial() -> None:
    evs = _events("Nordkorea wies den Bericht über Waffenlieferungen an Russland am Montag zurück.")
    assert evs[0][0].type == "denial"


def test_observers_judging_are_no_statement() -> None:
    assert _events("Beobachter werteten die Reise Putins nach Pjöngjang als Zeichen der Annäherung.") == []
    assert _events("Darin sehen westliche Analysten einen Beweis für die enge Zusammenarbeit zwischen "
                   "Russland und Nordkorea.") == []


def test_an_official_judging_stays_a_statement() -> None:
    evs = _events("Das russische Außenministerium wertete die Reise als Zeichen der Annäherung an Nordkorea.")
    assert evs and evs[0][0].type == "statement"


def test_experts_as_source_keep_the_event() -> None:
    evs = _events("Experten zufolge lieferte Nordkorea im Herbst Granaten an Russland.")
    assert evs and evs[0][0].type == "arms_transfer"


def test_aid_put_at_disposal_is_economic_cooperation() -> None:
    evs = _events("Russland stellte Nordkorea im März Weizen zur Verfügung.")
    assert [e.type for e, _ in evs] == ["economic_cooperation"]


def test_a_gift_is_economic_cooperation_not_a_visit() -> None:
    evs = _events("Putin schenkte Kim Jong Un am Mittwoch eine Limousine.")
    assert [e.type for e, _ in evs] == ["economic_cooperation"]


def test_weapons_given_are_an_arms_transfer() -> None:
    evs = _events("Nordkorea stellte Russland im Herbst Millionen Artilleriegranaten zur Verfügung.")
    assert [e.type for e, _ in evs] == ["arms_transfer"]
    evs = _events("Nordkorea schenkte Russland im Herbst Raketen.")
    assert [e.type for e, _ in evs] == ["arms_transfer"]


def test_a_figure_with_a_thousands_point_stays_in_its_sentence() -> None:

    doc = make_doc("Russland hat Nordkorea 50.000 Tonnen Weizen zur Verfügung gestellt.", "2024-03-12")
    assert [e.type for e in extract(doc).events] == ["economic_cooperation"]
