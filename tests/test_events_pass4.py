"""Fourth pass on the event stage: states implied by relative pronouns and "dessen", "beide" after a
relative clause, unilateral "other" events, infinitive complements opened by an article, subheadings.
Sentences are written for these tests (not taken from the gold articles)."""

from __future__ import annotations

from app.extract.pipeline import extract
from tests.test_events import make_doc


def _events(text: str, dct: str = "2024-06-12"):
    doc = make_doc(text, dct)
    return doc, extract(doc).events


def _by_quote(doc, events, words: str):
    return next(e for e in events if words in doc.text[e.start:e.end])


def test_relative_pronoun_after_state_name_adds_the_state() -> None:
    doc, evs = _events("Die Ukraine verkaufte Getreide an Syrien. Experten sprechen über Syrien, "
                       "das 1946 mit Unterstützung Frankreichs gegründet wurde.")
    ev = _by_quote(doc, evs, "gegründet")
    assert "SYR" in {c.code for c in ev.countries}


def test_possessive_dessen_refers_to_the_state_named_before() -> None:
    doc, evs = _events("Der Iran liefert Drohnen an Russland, die dessen Soldaten gegen die Ukraine einsetzen.")
    ev = _by_quote(doc, evs, "einsetzen")
    assert {"RUS", "UKR"} <= {c.code for c in ev.countries}


def test_beide_after_relative_clause_takes_the_main_clause_pair() -> None:
    doc, evs = _events("Der Iran liefert Drohnen an Russland, die dessen Soldaten gegen die Ukraine einsetzen. "
                       "Zudem haben beide Staaten das Vorgehen Israels scharf kritisiert.")
    ev = _by_quote(doc, evs, "kritisiert")
    assert {c.code for c in ev.countries} == {"ISR", "IRN", "RUS"}


def test_weapons_test_does_not_take_the_previous_partner() -> None:
    doc, evs = _events("Putin traf Kim in Wladiwostok. Nordkorea hat am Montag eine neue Rakete getestet.")
    ev = _by_quote(doc, evs, "getestet")
    assert {c.code for c in ev.countries} == {"PRK"}


def test_speech_clause_with_article_led_infinitive_is_one_act() -> None:
    doc, evs = _events("Belarus erklärte am Montag, die neuen Grenzen Russlands anzuerkennen.")
    assert len(evs) == 1
    assert evs[0].type == "other"
    assert doc.text[evs[0].start:evs[0].end].endswith("anzuerkennen")


def test_relative_clause_with_finite_verb_is_not_an_infinitive() -> None:
    doc, evs = _events("Russland erklärte, die Beziehungen zu Nordkorea zu vertiefen, die seit Jahren wachsen.")
    assert all(e.type != "other" or "vertiefen" in doc.text[e.start:e.end] for e in evs)


def test_subheading_takes_date_and_status_of_its_section() -> None:
    text = ("Kim reist nach Moskau\n"
            "Kim Jong Un besucht Russland\n"
            "Nach Angaben aus Seoul wird Kim Jong Un kommende Woche nach Moskau reisen.")
    doc = make_doc(text, "2024-06-12")
    # the naive splitter of make_doc keeps the two lines together: split them by line
    from app.extract.model import Sentence
    sents, pos = [], 0
    for line in text.split("\n"):
        sents.append(Sentence(len(sents), pos, pos + len(line), line))
        pos += len(line) + 1
    doc = type(doc)(name=doc.name, text=text, dct=doc.dct, sentences=tuple(sents))
    evs = extract(doc).events
    head = next(e for e in evs if e.sentence_index == 1)
    later = next(e for e in evs if e.sentence_index == 2)
    assert later.date.value == "2024-W25"
    assert head.date.value == later.date.value
    assert head.status == "planned"
