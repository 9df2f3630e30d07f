"""Thirteenth pass: questions state nothing, a medium's coverage is no event, speech acts known through a
named source, warnings and hints that keep their content, negated or readiness complements, closures and
evacuations, site visits, states moving closer, "eine rote Linie überschreiten", and dates of relative
clauses and of encounters "zuvor" on the same trip. Sentences are written for these tests (not taken from
gold or fixtures)."""

from __future__ import annotations

from tests.test_events import codes, events_with_quotes, names, only_event


def _events(text: str, dct: str = "2024-05"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-05"):
    return only_event(text, dct)


# questions


def test_interview_questions_are_no_events() -> None:
    text = ("Herr Botschafter, schickt Nordkorea weitere Soldaten nach Russland? "
            "Wie bewerten Sie den Besuch Lawrows in Pjöngjang?")
    assert _events(text) == []


def test_a_statement_after_a_question_stays() -> None:
    evs = _events("Verhandelt Moskau mit Pjöngjang über Raketen? Der Kreml bestritt das am Montag.")
    assert [e.type for e, _ in evs] == ["denial"]


# media coverage


def test_a_news_agency_covering_the_war_is_no_event() -> None:
    text = ("Nordkorea hat Russland weitere Granaten geliefert. "
            "Die Deutsche Presse-Agentur berichtet laufend über den Krieg in der Ukraine.")
    assert [e.type for e, _ in _events(text)] == ["arms_transfer"]


# speech acts known through a named source


def test_praise_known_from_a_state_agency_is_alleged() -> None:
    e = _one("Machthaber Kim Jong Un lobte laut der Agentur KCNA die Freundschaft mit Russland.")
    assert (e.type, e.status) == ("statement", "alleged")


def test_a_promise_reported_demnach_is_alleged() -> None:
    text = ("Lawrow traf am Montag in Pjöngjang Machthaber Kim Jong Un. "
            "Kim versprach Russland demnach weitere Hilfe.")
    evs = _events(text)
    assert evs[-1][0].type == "statement" and evs[-1][0].status == "alleged"


def test_a_speech_act_in_reaction_to_a_communication_stays_reported() -> None:
    e = _one("Der Kreml äußerte sich am Freitag in Reaktion auf die Mitteilung des Weißen Hauses zu Nordkorea.")
    assert (e.type, e.status) == ("statement", "reported")


def test_hiess_es_keeps_a_statement_reported() -> None:
    e = _one("Moskau wolle die Beziehungen zu Nordkorea weiter ausbauen, hieß es im Außenministerium.")
    assert e.status == "reported"


# attributed claims


def test_assumption_with_an_adverb_between_is_alleged() -> None:
    evs = _events("Das japanische Verteidigungsministerium geht mittlerweile davon aus, dass Nordkorea "
                  "Raketen an Russland geliefert hat.")
    assert any(e.type == "arms_transfer" and e.status == "alleged" for e, _ in evs)


def test_postposed_nach_with_findings_is_alleged() -> None:
    e = _one("Seinen Erkenntnissen nach hat Nordkorea im Frühjahr Munition nach Russland verschifft.")
    assert (e.type, e.status) == ("arms_transfer", "alleged")


# warnings and hints keep their content


def test_a_warning_with_its_content_is_one_statement() -> None:
    evs = _events("Tokio hatte am Dienstag gewarnt, Russland werde für Waffenlieferungen an Nordkorea büßen.")
    assert [e.type for e, _ in evs] == ["statement"]
    assert "büßen" in evs[0][1]


def test_a_hint_with_a_dass_clause_is_one_statement() -> None:
    evs = _events("Der Kremlchef deutete am Montag an, dass Moskau Pjöngjang bei U-Booten helfen könnte.")
    assert [e.type for e, _ in evs] == ["statement"]
    assert "U-Booten" in evs[0][1]


# complements that are no act


def test_a_negated_complement_leaves_the_statement() -> None:
    evs = _events("Peskow sagte am Donnerstag, Moskau werde mit Seoul nicht über Nordkorea verhandeln.")
    assert [e.type for e, _ in evs] == ["statement"]
    assert "verhandeln" in evs[0][1]


def test_a_readiness_complement_is_part_of_the_statement() -> None:
    evs = _events("Der Vizeminister sagte am Mittwoch, Russland sei bereit, Nordkorea mit Weizen zu beliefern.")
    assert [e.type for e, _ in evs] == ["statement"]
    assert "beliefern" in evs[0][1]


def test_an_act_in_a_plain_complement_stays_the_event() -> None:
    evs = _events("Der Vizeminister sagte am Mittwoch, Russland werde Nordkorea mit Weizen beliefern.")
    assert [e.type for e, _ in evs] == ["economic_cooperation"]


# closures, suspensions, evacuations


def test_closing_borders_is_an_event() -> None:
    e = _one("Nordkorea hatte im März seine Grenzen zu Russland geschlossen.")
    assert e.type == "other" and {"PRK", "RUS"} <= codes(e)


def test_suspended_traffic_is_an_event() -> None:
    e = _one("Der Zugverkehr zwischen Russland und Nordkorea wurde im Februar eingestellt.")
    assert e.type == "other" and e.date.value == "2024-02"


def test_closing_an_agreement_stays_an_agreement() -> None:
    e = _one("Russland und Nordkorea schlossen im April ein Abkommen über Fischerei.")
    assert e.type == "agreement"


def test_closing_without_a_closable_object_is_no_closure() -> None:
    assert all(e.type != "other" for e, _ in _events("Nordkorea schloss sich der Erklärung Russlands am Montag an."))


def test_evacuating_citizens_is_an_event() -> None:
    e = _one("Russische Diplomaten wurden im Januar aus Nordkorea ausgeflogen.")
    assert e.type == "other" and {"RUS", "PRK"} <= codes(e)


# visits, relations, accusations


def test_touring_a_site_is_a_visit() -> None:
    e = _one("In Chabarowsk besichtigte Machthaber Kim Jong Un am Freitag ein russisches Flugzeugwerk.")
    assert e.type == "visit"


def test_states_moving_closer_together() -> None:
    e = _one("Russland und Nordkorea rücken immer enger zusammen.")
    assert e.type == "other"


def test_crossing_a_red_line_is_an_accusation() -> None:
    evs = _events("Mit den Waffenkäufen in Pjöngjang überschreitet Russland eine rote Linie, sagte der Minister.")
    assert evs[0][0].type == "accusation" and "rote Linie" in evs[0][1]


# dates


def test_a_relative_clause_takes_the_date_of_its_head_clause() -> None:
    evs = _events("Im Februar besuchte Schoigu in Pjöngjang eine Waffenschau, auf der Kim neue Raketen "
                  "präsentierte.", dct="2024-05")
    assert [e.date.value for e, _ in evs] == ["2024-02", "2024-02"]


def test_an_encounter_zuvor_takes_the_time_of_the_event_just_told() -> None:
    text = ("Lawrow ist am Dienstag in Pjöngjang von Kim Jong Un empfangen worden. "
            "Zuvor hatte er mit Außenministerin Choe Son Hui verhandelt.")
    evs = _events(text)
    assert evs[-1][0].type == "talks" and evs[-1][0].date.value == "2024-05"


def test_a_statement_zuvor_stays_undated() -> None:
    text = ("Lawrow ist am Dienstag in Pjöngjang von Kim Jong Un empfangen worden. "
            "Zuvor hatte Moskau Seoul vor Waffenlieferungen an Kiew gewarnt.")
    evs = _events(text)
    assert evs[-1][0].type == "statement" and evs[-1][0].date.value is None


def test_an_indefinite_speaker_is_not_the_speaker_before() -> None:
    text = ("Vizeaußenminister Andrej Rudenko sagte am Montag, Moskau wolle die Gespräche fortsetzen. "
            "Ein Sprecher des Ministeriums sagte, Russland sei bereit, Nordkorea mit Weizen zu beliefern.")
    evs = _events(text)
    assert evs[-1][0].type == "statement" and "Andrej Rudenko" not in names(evs[-1][0])
