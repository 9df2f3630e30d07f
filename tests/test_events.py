"""Event extraction: triggers in inflected and separable forms, status cues with holders, dates,
headlines. Sentences are written for these tests (not taken from the gold articles)."""

from __future__ import annotations

import pytest

from app.extract.clauses import split_clauses
from app.extract.events import find_triggers, main_trigger, verb_forms
from app.extract.headline import headline
from app.extract.model import DCT, ActorRef, CountryRef, Document
from app.extract.pipeline import extract


def make_doc(text: str, dct: str | None = "2024-06-12", name: str = "t.txt") -> Document:
    """A Document segmented as ingest does it (minus cleaning): "50.000 Tonnen" stays one sentence."""
    from app.ingest.segment import sentences

    sents = sentences(text, [(0, len(text))])
    return Document(name=name, text=text, dct=DCT(dct, "manifest") if dct else None, sentences=sents)


def events_with_quotes(text: str, dct: str | None = "2024-06-12") -> list[tuple]:
    """(event, its quoted span) for every event extracted from ``text`` (segmented by ``make_doc``)."""
    doc = make_doc(text, dct)
    return [(e, doc.text[e.start:e.end]) for e in extract(doc).events]


def only_event(text: str, dct: str | None = "2024-06-12"):
    """The one event extracted from ``text``; fails with every event found when there is not exactly one."""
    evs = events_with_quotes(text, dct)
    assert len(evs) == 1, [(e.type, e.status, e.headline, q) for e, q in evs]
    return evs[0][0]


def codes(e) -> set[str]:
    return {c.code for c in e.countries}


def names(e) -> set[str]:
    return {a.name for a in e.actors}


def types_in(sentence: str) -> list[str]:
    out = []
    for c in split_clauses(sentence, 0, 0):
        tr = main_trigger(find_triggers(c.tokens))
        if tr:
            out.append(tr.type)
    return out


# --- inflection -----------------------------------------------------------------------------------

def test_weak_verb_forms() -> None:
    _, forms, split = verb_forms("besuchen")
    assert {"besucht", "besuchte", "besuchten", "besuche", "besuchen"} <= forms
    assert not split


def test_strong_separable_forms() -> None:
    prefix, joined, split = verb_forms("zurück+weisen/weist/wies/gewiesen")
    assert prefix == "zurück"
    assert {"zurückgewiesen", "zurückzuweisen", "zurückweist", "zurückwies"} <= joined
    assert {"weist", "wies", "wiesen"} <= split


def test_participle_of_inseparable_and_ieren_verbs() -> None:
    assert "vereinbart" in verb_forms("vereinbaren")[1]
    assert "telefoniert" in verb_forms("telefonieren")[1]
    assert "unterzeichnet" in verb_forms("unterzeichnen")[1]


# --- triggers -------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("Der Außenminister reiste am Montag nach Peking an.", "visit"),
    ("Die beiden Präsidenten trafen sich in Wladiwostok.", "meeting"),
    ("Die Staatschefs kamen in der Hauptstadt zu einem Gipfeltreffen zusammen.", "meeting"),
    ("Die Regierungschefs telefonierten am Abend.", "call"),
    ("Beide Staaten unterzeichneten ein Abkommen über Zusammenarbeit.", "agreement"),
    ("Das Land liefert Artilleriegranaten an die Armee des Nachbarn.", "arms_transfer"),
    ("Die Regierung hat Tausende Soldaten an die Front entsandt.", "troop_deployment"),
    ("Beide Seiten haben die Vorwürfe zurückgewiesen.", "denial"),
    ("Die EU verhängte neue Sanktionen gegen das Regime.", "sanction"),
    ("Der Präsident verurteilte den Raketentest scharf.", "accusation"),
    ("Die Minister führten in Moskau Gespräche über Energie.", "talks"),
    ("Die Truppen griffen die Stadt im Morgengrauen an.", "attack"),
])
def test_trigger_types(sentence: str, expected: str) -> None:
    assert expected in types_in(sentence)


def test_generic_transfer_needs_an_object() -> None:
    assert types_in("Das Paket wurde gestern geliefert.") == []
    assert types_in("Das Land soll Getreide an den Nachbarn geliefert haben.") == ["economic_cooperation"]
    assert types_in("Russland könnte das Land künftig mit Öl beliefern.") == ["economic_cooperation"]


def test_compound_head_needs_a_real_modifier() -> None:
    assert types_in("Die Preise steigen.") == []


def test_clause_split_at_bare_und_before_finite_verb() -> None:
    text = "Kim war im Mai nach Moskau gereist und hatte dort den Präsidenten getroffen."
    parts = [text[c.start:c.end] for c in split_clauses(text, 0, 0)]
    assert parts[1].startswith("und hatte")


# --- pipeline: status, holders, dates, headline ----------------------------------------------------

def events_of(text: str, dct: str | None = "2024-06-12"):
    return extract(make_doc(text, dct)).events


def test_alleged_with_holder() -> None:
    evs = events_of("Der Westen vermutet, dass Nordkorea Munition an Russland liefert.")
    ev = next(e for e in evs if e.type == "arms_transfer")
    assert ev.status == "alleged"
    assert ev.claims and "Westen" in " ".join(ev.claims[0].holders)


def test_denial_keeps_holders() -> None:
    evs = events_of("Russland liefert angeblich Raketen. Nordkorea und Russland bestreiten dies.")
    ev = next(e for e in evs if e.type == "denial")
    assert ev.status == "denied"
    assert ev.claims[0].stance == "denied"


def test_denial_holder_is_the_subject() -> None:
    evs = events_of("Nordkorea liefert Raketen an Russland. Moskau wies die Vorwürfe als haltlos zurück.")
    ev = next(e for e in evs if e.type == "denial")
    assert ev.claims[0].holders == ("Russland",)


def test_weekday_follows_tense() -> None:
    evs = events_of("Am Freitag trifft sich Putin mit Kim Jong Un.", dct="2025-08-13")
    assert evs[0].date.value == "2025-08-15" and evs[0].status == "planned"


def test_neither_confirmed_nor_denied_is_a_statement() -> None:
    evs = events_of("Die Regierung in Moskau hat dies weder bestätigt noch dementiert.")
    assert [e.type for e in evs] == ["statement"]


def test_planned_and_speculative() -> None:
    evs = events_of("Der russische Präsident Wladimir Putin will Nordkorea besuchen.")
    assert evs[0].status == "planned"
    evs = events_of("Kim Jong Un könnte im Herbst nach Russland reisen.")
    assert evs[0].status == "speculative"


def test_attribution_to_own_side_is_reported() -> None:
    evs = events_of("Nach Angaben des Kreml hat Putin mit Kim Jong Un telefoniert.")
    assert evs[0].type == "call" and evs[0].status == "reported"


def test_attribution_to_third_party_is_alleged() -> None:
    evs = events_of("Laut Südkorea hat Nordkorea Raketen an Russland geliefert.")
    ev = next(e for e in evs if e.type == "arms_transfer")
    assert ev.status == "alleged"


def test_explicit_date_wins() -> None:
    evs = events_of("Putin besuchte im Juli 2000 Pjöngjang.")
    assert evs[0].date.value == "2000-07"
    assert evs[0].date.basis == "explicit"


def test_present_tense_gets_dct_and_pluperfect_none() -> None:
    evs = events_of("Nordkorea liefert Munition an Russland.")
    assert evs[0].date.basis == "dct" and evs[0].date.value == "2024-06-12"
    evs = events_of("Kim hatte Putin in Moskau getroffen.")
    assert evs[0].date.value is None


def test_no_dct_means_no_relative_date() -> None:
    evs = events_of("Nordkorea liefert Munition an Russland.", dct=None)
    assert evs[0].date.value is None


def test_citation_is_the_clause() -> None:
    text = "Nordkorea hat Soldaten nach Russland entsandt, die dort gegen die Ukraine kämpfen."
    evs = events_of(text)
    quotes = [text[e.start:e.end] for e in evs]
    assert quotes[0] == "Nordkorea hat Soldaten nach Russland entsandt"


def test_reporting_act_of_a_medium_is_no_event() -> None:
    evs = events_of("Die staatliche Nachrichtenagentur KCNA meldete den Start.")
    assert all(e.type != "statement" for e in evs)


def test_headline() -> None:
    h = headline("visit", "reported", (ActorRef("Wladimir Putin", "source", country="RUS"),),
                 (CountryRef("RUS", "Russland"), CountryRef("PRK", "Nordkorea")))
    assert h == "Putin besucht Nordkorea"
    h = headline("arms_transfer", "alleged", (), (CountryRef("PRK", "Nordkorea"), CountryRef("RUS", "Russland")),
                 "Munition")
    assert h == "Nordkorea liefert Munition an Russland (mutmaßlich)"
