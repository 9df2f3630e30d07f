"""Fourteenth pass: clean claim holders, sides and direction of events (invasions, deliveries received,
places at home, "dort"), headline grammar (number, articles, cases) and speech-verb headlines, live
ticker entries, hedges ("schließt nicht aus", "erwägt", "möglich", "ob"), summoned ambassadors.
Sentences are written for these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from app.extract.headline import headline, topic_of
from app.extract.holders import display
from app.extract.model import ActorRef, CountryRef
from tests.test_events import codes, events_with_quotes, names, only_event


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-05"):
    return only_event(text, dct)


def _holders(e) -> tuple[str, ...]:
    return tuple(h for c in e.claims for h in c.holders)


def _state(code: str, name: str) -> CountryRef:
    return CountryRef(code, name)


# a. claim holders


def test_holder_stops_before_a_time_word() -> None:
    evs = _events("Wie der lettische Grenzschutz am Morgen mitteilte, sind nordkoreanische Soldaten in Russland "
                  "im Einsatz.")
    e = next(e for e, _ in evs if e.type == "troop_deployment")
    assert _holders(e) == ("der lettische Grenzschutz",)


def test_a_genitive_holder_is_shown_in_the_nominative() -> None:
    e = _one("Munition liefert nach Schätzungen westlicher Regierungen auch Nordkorea an Russland.")
    assert e.status == "alleged"
    assert _holders(e) == ("westliche Regierungen",)


def test_a_dative_plural_holder_loses_its_n() -> None:
    e = _one("Nordkoreanischen Soldaten soll es westlichen Militärbeobachtern zufolge in Russland an "
             "Ausrüstung fehlen, die Truppen sind in Russland im Einsatz.")
    assert any(h.startswith("westliche ") for h in _holders(e))


def test_a_source_compound_names_its_author() -> None:
    e = _one("Regierungsangaben zufolge sind nordkoreanische Soldaten in Russland im Einsatz.")
    assert _holders(e) == ("Regierung",)


def test_a_document_is_no_holder_but_its_author_is() -> None:
    from app.extract.clauses import split_clauses

    text = "laut einer Erklärung des Verteidigungsministeriums"
    toks = list(split_clauses(text, 0, 0)[0].tokens)[1:]
    assert display(toks, []) == ("das Verteidigungsministerium",)
    toks = list(split_clauses("laut Schreiben", 0, 0)[0].tokens)[1:]
    assert display(toks, []) == ()


def test_the_noun_schreiben_is_no_reporting_verb() -> None:
    e = _one("Nordkorea habe Raketen an Russland geliefert, heißt es in einem vertraulichen Schreiben an den "
             "Sicherheitsrat.")
    assert all("Schreiben" not in h for h in _holders(e))


def test_berichten_zufolge_names_no_holder_from_the_clause() -> None:
    e = _one("Berichten zufolge könnte die Partnerschaft der beiden Staaten Russland und Nordkorea weiter "
             "vertieft werden.")
    assert e.status == "speculative"
    assert _holders(e) == ()


def test_the_speaker_of_a_condemnation_holds_an_adjective_hedge() -> None:
    evs = _events("Japan und seine Partner haben die mutmaßlichen nordkoreanischen Raketenlieferungen an "
                  "Russland scharf verurteilt.")
    transfer = next(e for e, _ in evs if e.type == "arms_transfer")
    assert transfer.status == "alleged"
    assert _holders(transfer) and "Japan" in _holders(transfer)[0]


# b. sides and direction


def test_invading_a_country_makes_it_the_target() -> None:
    evs = _events("Kim hat seit der Invasion der Ukraine im Jahr 2022 die Beziehungen zu Russland ausgebaut.")
    attack = next(e for e, _ in evs if e.type == "attack")
    assert [c.code for c in attack.countries] == ["RUS", "UKR"]
    assert attack.headline == "Russland greift die Ukraine an"


def test_a_ukrainian_counterattack_is_against_russia() -> None:
    e = _one("Die Orte waren zuvor durch einen ukrainischen Vorstoß eingenommen worden.", "2025-03")
    assert [c.code for c in e.countries] == ["UKR", "RUS"]


def test_a_war_side_is_added_only_in_articles_of_the_war_years() -> None:
    text = "Ukrainische Truppen griffen im März die Stadt an."
    assert [c.code for c in _one(text, "2024-06").countries] == ["UKR", "RUS"]
    assert [c.code for c in _one(text, "2009-06").countries] == ["UKR"]


def test_securing_supplies_makes_the_subject_the_recipient() -> None:
    transfer = _one("Russland will sich in Nordkorea Nachschub an Granaten sichern.")
    assert [c.code for c in transfer.countries][-1] == "RUS"
    assert transfer.headline.startswith("Nordkorea liefert")


def test_buying_ammunition_is_a_delivery_to_the_buyer() -> None:
    e = _one("Russland kauft Granaten in Nordkorea.")
    assert e.headline == "Nordkorea liefert Munition an Russland" or e.headline.startswith("Nordkorea liefert")


def test_a_quoted_negated_attack_is_the_speakers_statement() -> None:
    text = ("Die Zeitung Rodong Sinmun zitierte den nordkoreanischen Verteidigungsminister. "
            "„Die USA werden die russische Armee niemals mit ihren Raketen besiegen.“")
    evs = _events(text)
    assert all(e.type != "attack" for e, _ in evs)


def test_a_visit_noun_with_a_possessive_is_not_the_speakers_visit() -> None:
    evs = _events("Choe Son Hui ist in Moskau eingetroffen. Lawrow nannte ihre Reise einen Erfolg.")
    assert not any(e.type == "visit" and "Sergej Lawrow" in names(e) for e, _ in evs)


def test_a_trip_at_home_is_no_visit_abroad() -> None:
    evs = _events("Kim reiste in die nordkoreanische Hafenstadt Chongjin, um den russischen Minister Schoigu "
                  "zu treffen.")
    assert not any(e.type == "visit" for e, _ in evs)
    meeting = next(e for e, _ in evs if e.type == "meeting")
    assert "Kim Jong Un" in names(meeting)


def test_a_trip_abroad_stays_a_visit() -> None:
    e = _one("Kim reiste im Sommer nach Wladiwostok.")
    assert e.type == "visit" and codes(e) == {"PRK", "RUS"}


def test_a_meeting_with_a_person_inside_a_visit_clause_has_the_visitor() -> None:
    evs = _events("Im Jahr 2002 besuchte Putin Pjöngjang zu einem Treffen mit Kim Jong Il.")
    meeting = next(e for e, _ in evs if e.type == "meeting")
    assert names(meeting) == {"Wladimir Putin", "Kim Jong Il"}
    assert meeting.headline == "Putin trifft Kim Jong Il"


def test_dort_takes_the_state_named_before() -> None:
    text = ("Russland hat enge Beziehungen zu Nordkorea. Der Sudan ist seit Jahren ein Partner Moskaus in "
            "Afrika. Russische Söldner sind dort im Einsatz.")
    evs = _events(text)
    deployment = next(e for e, _ in evs if e.type == "troop_deployment")
    assert codes(deployment) == {"RUS", "SDN"}


def test_a_delivery_named_again_keeps_its_recipient() -> None:
    text = ("Die USA haben Raketen an die Ukraine geliefert. Moskau protestierte scharf. "
            "Washington bestätigte die Lieferung am Montag.")
    evs = _events(text)
    last = [e for e, _ in evs if e.type == "arms_transfer"][-1]
    assert "RUS" not in codes(last) and "UKR" in codes(last)


def test_an_open_future_in_a_noun_phrase_does_not_make_a_past_call_planned() -> None:
    e = _one("Putin und Kim haben am Montag telefoniert und ihre Freundschaft in der Zukunft beschworen.",
             "2025-03")
    assert e.type == "call" and e.status == "reported"


def test_a_call_about_future_projects_stays_reported() -> None:
    evs = _events("Lawrow und Choe telefonierten am Dienstag über Pläne, die in Zukunft umgesetzt werden "
                  "sollen.", "2025-03")
    call = next(e for e, _ in evs if e.type == "call")
    assert call.status == "reported"


# c. headline grammar


def test_plural_states_agree_in_number() -> None:
    h = headline("attack", "reported", (), (_state("USA", "USA"), _state("RUS", "Russland")))
    assert h == "Die USA greifen Russland an"
    h = headline("arms_transfer", "reported", (), (_state("NLD", "Niederlande"), _state("UKR", "Ukraine")),
                 "Waffen")
    assert h == "Die Niederlande liefern Waffen an die Ukraine"


def test_states_with_an_article_take_their_case() -> None:
    assert headline("attack", "reported", (), (_state("UKR", "Ukraine"),)) == "Angriff der Ukraine"
    assert headline("attack", "reported", (), (_state("RUS", "Russland"),)) == "Angriff Russlands"
    h = headline("troop_deployment", "reported", (), (_state("PRK", "Nordkorea"), _state("IRN", "Iran")))
    assert h == "Nordkorea entsendet Soldaten in den Iran"
    h = headline("talks", "reported", (), (_state("TUR", "Türkei"), _state("RUS", "Russland")))
    assert h == "Gespräche zwischen der Türkei und Russland"
    h = headline("statement", "reported", (), (_state("RUS", "Russland"), _state("CHE", "Schweiz")))
    assert h == "Russland äußert sich zur Schweiz"


def test_a_person_meeting_a_state_meets_its_representatives() -> None:
    h = headline("meeting", "reported", (ActorRef("Kim Jong Il", "source", country="PRK"),),
                 (_state("PRK", "Nordkorea"), _state("RUS", "Russland")))
    assert h == "Kim Jong Il trifft Vertreter Russlands"


def test_relations_are_between_states_not_a_person_and_a_state() -> None:
    h = headline("other", "reported", (ActorRef("Wladimir Putin", "source", country="RUS"),),
                 (_state("RUS", "Russland"), _state("PRK", "Nordkorea")))
    assert h == "Beziehungen zwischen Russland und Nordkorea"


# d. speech-verb headlines


def test_praise_of_relations_names_the_topic() -> None:
    e = _one("Nordkorea lobte die engen Beziehungen zu Russland.")
    assert e.headline == "Nordkorea lobt Beziehungen zu Russland"


def test_a_warning_without_topic_names_the_warned() -> None:
    e = _one("Russland warnte Japan eindringlich.")
    assert e.headline == "Russland warnt Japan"


def test_a_warning_about_cooperation() -> None:
    e = _one("Tokio warnte vor einer Zusammenarbeit von Moskau und Pjöngjang.")
    assert e.headline.startswith("Japan warnt vor Zusammenarbeit")


def test_a_confirmed_talk_names_it() -> None:
    evs = _events("Putin und Kim haben am Montag telefoniert. Der Kreml bestätigte das Telefonat.")
    confirm = [e for e, _ in evs if e.type == "statement"][-1]
    assert "bestätigt" in confirm.headline and "Telefonat" in confirm.headline


def test_thanks_name_the_addressee_and_the_topic() -> None:
    e = _one("Putin dankte Kim für die Unterstützung.")
    assert e.headline == "Putin dankt Kim Jong Un für Unterstützung"


def test_generic_statement_stays_when_nothing_is_known() -> None:
    e = _one("Lawrow sagte, Moskau und Pjöngjang seien Partner.")
    assert "Lawrow" in e.headline


def test_topic_of_keeps_a_process_with_its_topic() -> None:
    from app.extract.clauses import split_clauses

    toks = split_clauses("befürchten eine Verstärkung der Beziehungen", 0, 0)[0].tokens
    t = topic_of(toks, 1)
    assert t is not None and t.text == "Verstärkung der Beziehungen"


# e. tickers, hedges, summons


def _ticker(heading: str, body: str, dct: str = "2025-01"):
    """A live-ticker entry: its heading line and its text as two paragraphs (as ingest keeps them)."""
    from app.extract.model import DCT, Document
    from app.extract.pipeline import extract
    from app.ingest.segment import sentences

    text = heading + "\n" + body
    doc = Document(name="t.txt", text=text, dct=DCT(dct, "manifest"),
                   sentences=sentences(text, [(0, len(heading)), (len(heading) + 1, len(text))]))
    return [(e, text[e.start:e.end]) for e in extract(doc).events]


def test_a_ticker_entry_with_a_speaker_and_a_people_in_combat() -> None:
    evs = _ticker("+++ 10:15 Uhr +++ Kiew: Nordkoreaner kämpfen in Belgorod",
                  "Die ukrainische Armee meldet Gefechte mit nordkoreanischen Einheiten.")
    first = evs[0][0]
    assert first.type == "troop_deployment" and first.status == "alleged"
    assert {"PRK", "RUS"} <= codes(first)
    assert "10:15" not in evs[0][1]


def test_a_ticker_entry_names_the_quoted_person() -> None:
    evs = _ticker("+++ 08:00 Uhr +++ Selenskyj: Nordkoreaner kämpfen in Kursk", "Das teilte er in Kiew mit.")
    first = evs[0][0]
    assert "Wolodymyr Selenskyj" in names(first) and "UKR" in codes(first)
    assert first.headline.startswith("Nordkorea entsendet")


def test_not_excluding_is_a_hedge_not_a_negation() -> None:
    e = _one("Pjöngjang schließt weitere Waffenlieferungen an Russland nicht mehr aus.")
    assert e.type == "arms_transfer" and e.status == "speculative"


def test_not_excluding_frames_the_complement() -> None:
    evs = _events("Lawrow schloss nicht aus, dass Moskau einen Gesandten nach Pjöngjang schickt.")
    assert any(e.status == "speculative" and e.type == "visit" for e, _ in evs)


def test_considering_sanctions_is_speculative() -> None:
    e = _one("Die EU erwägt neue Sanktionen gegen Nordkorea.")
    assert e.type == "sanction" and e.status == "speculative"


def test_possible_meeting_is_speculative_but_not_as_soon_as_possible() -> None:
    evs = _events("Ein Treffen von Putin und Kim sei jederzeit möglich, sagte Peskow.")
    meeting = next(e for e, _ in evs if e.type == "meeting")
    assert meeting.status == "speculative"
    e = _one("Lawrow will so bald wie möglich nach Pjöngjang reisen.")
    assert e.type == "visit" and e.status == "planned"


def test_an_open_question_is_speculative() -> None:
    evs = _events("Ob Russland Nordkorea Raketentechnik liefert, ist unklar.")
    assert evs and all(e.status == "speculative" for e, _ in evs)


def test_a_cause_phrase_does_not_type_the_clause() -> None:
    e = _one("Seoul prüft wegen der nordkoreanischen Truppenentsendung Waffenlieferungen an die Ukraine.")
    assert e.type == "arms_transfer"


def test_summoning_an_ambassador_is_a_protest_against_his_state() -> None:
    e = _one("Tokio bestellte wegen der Raketentests den russischen Botschafter ein.")
    assert e.type == "accusation"
    assert e.headline == "Japan bestellt Botschafter Russlands ein"
    assert [c.code for c in e.countries][-1] == "RUS"


def test_a_summoned_ambassador_is_not_the_speaker() -> None:
    e = _one("Seoul bestellte den russischen Botschafter Georgi Sinowjew ein.")
    assert e.headline.startswith("Südkorea bestellt")


def test_showing_concern_keeps_the_adjective() -> None:
    e = _one("Die Vereinigten Staaten zeigten sich besorgt über die Zusammenarbeit von Moskau und Pjöngjang.")
    assert e.headline == "Die USA zeigen sich besorgt"
    assert [c.code for c in e.countries][0] == "USA"


def test_stressing_friendship_names_it() -> None:
    e = _one("Kim betonte die Freundschaft mit Russland.")
    assert e.headline == "Kim Jong Un betont Freundschaft mit Russland"


def test_coming_to_a_capital_is_a_visit_but_coming_to_a_conclusion_is_not() -> None:
    e = _one("Im Herbst kam Lawrow mit einer Delegation nach Pjöngjang.")
    assert e.type == "visit" and codes(e) == {"RUS", "PRK"}
    assert _events("Es kam zu Gefechten. Lawrow kam zu dem Schluss, dass die Lage ernst sei.") == []
