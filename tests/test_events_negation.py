"""Negation, "nicht nur ... sondern auch" and anchored dates in the event stage. Sentences written
for these tests."""

from __future__ import annotations

from app.extract.clauses import split_clauses
from app.extract.negation import is_negated
from app.extract.pipeline import extract
from tests.test_events import make_doc


def _neg(sentence: str) -> bool:
    c = split_clauses(sentence, 0, 0)[0]
    return is_negated(c.tokens, sentence, 0)


def test_negators_and_fixed_phrases() -> None:
    assert _neg("Eine Reaktion aus Peking liegt bislang nicht vor")
    assert _neg("Kim war nie in Moskau")
    assert _neg("Es gab keinerlei Hinweise auf Lieferungen")
    assert not _neg("Peking liefert nicht nur Öl")
    assert not _neg("Die Beziehungen sind so eng wie nie zuvor")
    assert not _neg("Nicht zuletzt reiste der Minister nach Hanoi")
    assert not _neg("Er sagte: „Wir werden niemals aufgeben“")
    assert not _neg("Der Minister (nicht im Bild) reiste nach Hanoi")


def test_negated_clause_is_no_event_but_keeps_context() -> None:
    text = ("Eine Erklärung der Regierungen in Moskau und Pjöngjang zu dem Bericht liegt bislang nicht vor. "
            "Beide Staaten haben Vorwürfe über Munitionslieferungen früher zurückgewiesen.")
    evs = extract(make_doc(text)).events
    assert all("Erklärung" not in text[e.start:e.end] for e in evs)
    denial = [e for e in evs if e.type == "denial"]
    assert denial and {c.code for c in denial[0].countries} == {"RUS", "PRK"}


def test_denial_and_neither_nor_stay_events() -> None:
    text = "Peking hat die Berichte über Waffenlieferungen an Moskau weder bestätigt noch dementiert."
    evs = extract(make_doc(text)).events
    assert "statement" in [e.type for e in evs]
    text = "Das Außenministerium in Pjöngjang wies die Berichte über Munitionslieferungen zurück."
    evs = extract(make_doc(text)).events
    assert evs and evs[0].type == "denial"


def test_negated_complement_belongs_to_the_statement() -> None:
    text = ("Peking erklärt, dass es Beziehungen zu allen Staaten pflege, die es wünsche, und dass seine "
            "Zusammenarbeit mit Moskau keine Sanktionen verletze.")
    evs = extract(make_doc(text)).events
    assert len(evs) == 1 and evs[0].type == "statement" and evs[0].end == len(text) - 1


def test_not_only_but_also_is_one_event_when_of_one_kind() -> None:
    text = "Schoigu übermittelte nicht nur Grüße von Putin, sondern betonte auch die Treue Russlands zu Nordkorea."
    evs = extract(make_doc(text)).events
    assert len(evs) == 1 and evs[0].type == "statement"
    assert {a.name for a in evs[0].actors} >= {"Sergej Schoigu", "Wladimir Putin"}


def test_vor_zwei_wochen_dates_the_event_at_dct_precision() -> None:
    text = "Vor zwei Wochen hatte Lawrow Pjöngjang besucht."
    ev = extract(make_doc(text, dct="2024-03-28")).events[0]
    assert ev.date.value == "2024-W11" and ev.date.basis == "relative_to_dct"
    ev = extract(make_doc(text, dct="2024-03")).events[0]
    assert ev.date.value == "2024-03"


def test_yearless_holiday_dates_the_event() -> None:
    ev = extract(make_doc("Zu Ostern hatte Lawrow Pjöngjang besucht.", dct="2024-06-12")).events[0]
    assert ev.date.value == "2024-03-31"


def test_third_states_among_themselves_are_out_of_scope() -> None:
    text = "Im Mai hatte Georgien seine Beziehungen zu Syrien abgebrochen."
    assert extract(make_doc(text)).events == ()
    text = "Zwischen Japan und den USA gab es wegen des Gipfeltreffens ein Telefonat."
    assert [e.type for e in extract(make_doc(text)).events] != []


def test_alliance_nouns_are_relation_objects() -> None:
    evs = extract(make_doc("Moskau und Pjöngjang wollen ihr Bündnis weiter festigen.")).events
    assert evs and evs[0].type == "other" and {c.code for c in evs[0].countries} == {"RUS", "PRK"}


def test_two_main_clauses_after_a_comma_are_two_clauses() -> None:
    text = "Peking lobt die Beziehungen zu Moskau, Xi trifft Putin"
    assert len(split_clauses(text, 0, 0, lambda w: w in ("lobt", "trifft"))) == 2
    # reported speech after a comma stays with its speech verb
    text = "Lawrow sagte, Russland werde Nordkorea helfen"
    assert len(split_clauses(text, 0, 0, lambda w: w in ("sagte", "werde"))) == 1
