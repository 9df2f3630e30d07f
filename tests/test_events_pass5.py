"""Fifth pass (recall classes): dated background noun phrases, attributive participles, a medium
quoting an official, a pronoun standing for troops named before, "dabei, ... zu" complements, "sprach
von", reports and confirmations. Sentences are written for these tests (not taken from the gold)."""

from __future__ import annotations

from app.extract.clauses import split_clauses
from app.extract.events import attributive_entries, find_triggers, main_trigger
from app.extract.pipeline import _zu_infinitive
from tests.test_events import codes as _codes
from tests.test_events import events_with_quotes


def _events(text: str, dct: str = "2024-06-12"):
    return events_with_quotes(text, dct)


def test_dated_event_in_a_seit_phrase_is_a_background_event() -> None:
    evs = _events("Seit dem Einmarsch Russlands in die Ukraine im Februar 2022 liefert Nordkorea Granaten an Russland.")
    attack = next(e for e, q in evs if e.type == "attack")
    assert attack.date.value == "2022-02" and _codes(attack) == {"RUS", "UKR"}
    main = next(e for e, _ in evs if e.type == "arms_transfer")
    assert main.date.value != "2022-02"


def test_undated_background_phrase_is_no_extra_event() -> None:
    evs = _events("Seit dem Einmarsch Russlands in die Ukraine liefert Nordkorea Granaten an Russland.")
    assert [e.type for e, _ in evs] == ["arms_transfer"]


def test_attributive_participle_forms() -> None:
    assert [e.lemma for e in attributive_entries("eingeschlagenen")] == ["einschlagen"]
    assert attributive_entries("gelieferte")
    assert not attributive_entries("lieferten")  # also a finite verb form
    assert not attributive_entries("besuchte")


def test_dated_participle_phrase_is_an_event_of_its_own() -> None:
    evs = _events("Die Trümmer einer im Mai in Charkiw eingeschlagenen Rakete zeigen eine Verletzung der "
                  "Sanktionen gegen Nordkorea.")
    attack = [(e, q) for e, q in evs if e.type == "attack"]
    assert attack and attack[0][1] == "einer im Mai in Charkiw eingeschlagenen Rakete"
    assert attack[0][0].date.value == "2024-05" and attack[0][0].status == "reported"


def test_participle_is_past_and_does_not_date_the_clause() -> None:
    evs = _events("Die Ukraine wirft Nordkorea die Lieferung einer am Montag in Kiew eingeschlagenen Rakete vor.")
    attack = next(e for e, _ in evs if e.type == "attack")
    assert attack.date.value == "2024-06-10"  # the Monday before, not after
    assert all(e.date.value == "2024-06-12" for e, _ in evs if e.type == "accusation")


def test_undated_participle_is_no_event_and_never_the_predicate() -> None:
    evs = _events("Russland setzte die gelieferten Granaten in der Ukraine ein.")
    assert len(evs) == 1 and evs[0][0].type == "attack"
    c = split_clauses("Die gelieferten Granaten lagern in Russland.", 0, 0)[0]
    trs = find_triggers(c.tokens)
    assert any(t.attributive for t in trs)


def test_medium_quoting_an_official_is_his_statement() -> None:
    evs = _events("„Wir stehen fest an der Seite Russlands“, zitiert die Nachrichtenagentur KCNA den Sprecher des "
                  "nordkoreanischen Außenministeriums.")
    assert any(e.type == "statement" and "zitiert" in q and "PRK" in _codes(e) for e, q in evs)


def test_medium_quoting_a_report_is_no_event() -> None:
    assert not _events("Die Lage sei ernst, zitiert die Nachrichtenagentur Tass einen Bericht aus Nordkorea.")


def test_pronoun_stands_for_troops_of_the_sentence_before() -> None:
    evs = _events("Nordkorea hat 3000 Soldaten nach Russland geschickt. Ausgebildet wurden sie in der Region Primorje.")
    coop = [e for e, q in evs if q.startswith("Ausgebildet")]
    assert coop and coop[0].type == "military_cooperation" and _codes(coop[0]) == {"PRK", "RUS"}


def test_support_dabei_spans_its_purpose_and_keeps_the_act() -> None:
    evs = _events("Nordkoreanische Soldaten haben Russland dabei geholfen, die Stadt Sudscha zurückzuerobern.")
    by_type = {e.type: q for e, q in evs}
    assert by_type["troop_deployment"].endswith("zurückzuerobern")
    assert by_type["attack"] == "die Stadt Sudscha zurückzuerobern"


def test_zu_infinitive_of_ern_verbs() -> None:
    assert _zu_infinitive(["die", "stadt", "zurückzuerobern"])
    assert _zu_infinitive(["die", "beziehungen", "zu", "verbessern"])


def test_sprechen_von_is_a_statement_sprechen_mit_is_talks() -> None:
    def types(s: str) -> list[str]:
        return [main_trigger(find_triggers(c.tokens)).type for c in split_clauses(s, 0, 0)]
    assert types("Pjöngjang sprach am Montag von einem historischen Sieg.") == ["statement"]
    assert types("Lawrow sprach mit Choe über die Lage.") == ["talks"]


def test_comma_between_adjectives_of_one_noun_after_an_adverb() -> None:
    assert len(split_clauses("Er reiste in das abgeschottete, nuklear bewaffnete Land.", 0, 0)) == 1
    assert len(split_clauses("Er reiste nach Moskau, dort traf er Lawrow.", 0, 0)) == 2


def test_report_statement_names_the_states_of_the_reported_event() -> None:
    evs = _events("Wie der ukrainische Geheimdienst mitteilte, sind nordkoreanische Soldaten in Russland im Einsatz.")
    st = next(e for e, _ in evs if e.type == "statement")
    assert _codes(st) == {"UKR", "PRK", "RUS"}


def test_confirming_an_event_told_is_the_speakers_side_alone() -> None:
    evs = _events("Putin und Kim Jong Un telefonierten am Montag. Der Kreml bestätigte das Telefonat.")
    st = next(e for e, _ in evs if e.type == "statement")
    assert _codes(st) == {"RUS"}
