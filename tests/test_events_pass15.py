"""Fifteenth pass: dates of year lists and of "ein Jahr später" after a season, background events after "seit",
appositions between subject and verb, charges with their zu-complement, acts known from reported
speech ("..., sagte X"), troops "eingesetzt", denials of a claim, purpose meetings of a trip, reputations
("gilt als"), conditions ("falls ..."). Sentences are written for these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from app.extract.clauses import split_clauses
from app.extract.events import is_finite_verb
from tests.test_events import codes, events_with_quotes, names, only_event


def _events(text: str, dct: str = "2024-10"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-10"):
    return only_event(text, dct)


# a. dates


def test_a_list_of_years_dates_the_event_by_its_first_year() -> None:
    e = _one("Moskau und Pjöngjang hatten ähnliche Abkommen schon 2012 und 2018 unterzeichnet.")
    assert e.type == "agreement" and e.date.value == "2012"


def test_years_later_counts_from_a_season() -> None:
    evs = _events("Kim Jong Il reiste im Herbst 2001 nach Moskau. Zwei Jahre später besuchte er Wladiwostok.")
    assert [e.date.value for e, _ in evs] == ["2001-FA", "2003"]


def test_a_day_phrase_before_a_year_is_no_list() -> None:
    e = next(e for e, q in _events("Nachdem Putin am letzten Tag des Jahres 1999 das Amt übernommen hatte, "
                                   "reiste er im Juli 2000 nach Pjöngjang.", "2024-01")
             if e.type == "visit")
    assert e.date.value == "2000-07"


def test_the_far_east_is_in_russia() -> None:
    e = _one("Kim Jong Un reiste 2019 in den Fernen Osten.")
    assert e.type == "visit" and codes(e) == {"PRK", "RUS"}


def test_a_dated_event_after_seit_is_background_of_the_clause() -> None:
    evs = _events("Seit der Invasion der Ukraine im Februar 2022 knüpft Russland Kontakte zu neuen Partnern.")
    clause = next(e for e, q in evs if q.endswith("Partnern"))
    assert clause.type == "other" and clause.date.value == "2024-10" and codes(clause) == {"RUS"}
    war = next(e for e, q in evs if e.type == "attack")
    assert war.date.value == "2022-02" and codes(war) == {"RUS", "UKR"}


def test_seit_with_another_act_in_the_clause_keeps_that_act() -> None:
    evs = _events("Seit dem Angriff auf die Ukraine im Februar 2022 liefert Nordkorea Granaten an Russland.")
    assert any(e.type == "arms_transfer" and {"PRK", "RUS"} <= codes(e) for e, _ in evs)


# b. appositions


def test_an_apposition_between_subject_and_verb_is_one_clause() -> None:
    text = "Kim Jong Il, der Sohn des Staatsgründers, fuhr 2002 mit einem Sonderzug nach Wladiwostok."
    assert len(split_clauses(text, 0, 0, is_finite_verb)) == 1
    e = _one(text)
    assert e.type == "visit" and names(e) == {"Kim Jong Il"} and e.date.value == "2002"


def test_a_relative_clause_is_no_apposition() -> None:
    text = "Kim Jong Il, der 2011 starb, reiste dreimal nach Russland."
    assert len(split_clauses(text, 0, 0, is_finite_verb)) > 1


# c. charges, promises, confirmations


def test_a_charge_spans_its_zu_complement() -> None:
    e = _one("Japan wirft Russland vor, ballistische Raketen aus Nordkorea gekauft zu haben.")
    assert e.type == "accusation" and e.status == "reported" and codes(e) == {"JPN", "RUS", "PRK"}


def test_the_accusing_verb_does_not_make_the_accusation_alleged() -> None:
    e = _one("Seoul beschuldigte Moskau, Pjöngjang bei Satelliten zu helfen.")
    assert e.type == "accusation" and e.status == "reported"


def test_a_promised_act_stays_a_planned_act() -> None:
    e = _one("Putin versprach, Nordkorea beim Bau von Satelliten zu helfen.")
    assert e.status == "planned" and names(e) == {"Wladimir Putin"}


def test_in_aussicht_stellen_is_a_statement() -> None:
    e = _one("Lawrow stellte Pjöngjang weitere Hilfe in Aussicht.")
    assert e.type == "statement" and names(e) == {"Sergej Lawrow"}


def test_a_confirmed_act_named_by_a_noun_is_the_confirmation() -> None:
    e = _one("Pjöngjang hat die Entsendung von Soldaten nach Russland offiziell bestätigt.")
    assert e.type == "statement"


def test_a_confirmed_act_in_a_zu_complement_stays_an_event() -> None:
    types = {e.type for e, _ in _events("Nordkorea hat bestätigt, eigene Truppen nach Russland entsendet zu haben.")}
    assert types == {"statement", "troop_deployment"}


# d. reported speech before ", sagte X"


def test_an_act_in_reported_speech_is_the_speakers_alleged_claim() -> None:
    e = _one("Nordkorea habe weitere Granaten an Russland geliefert, sagte ein Sprecher des ukrainischen "
             "Geheimdienstes.")
    assert e.type == "arms_transfer" and e.status == "alleged" and codes(e) == {"PRK", "RUS", "UKR"}


def test_a_speaker_of_the_own_side_makes_the_act_alleged_too() -> None:
    e = _one("Nordkoreanische Pioniere hätten bei der Räumung von Minen in Kursk geholfen, sagte Schoigu.", "2025-06")
    assert e.status == "alleged" and "Sergej Schoigu" in names(e)


def test_a_platform_is_no_medium_of_the_tail() -> None:
    e = _one("Nordkoreanische Soldaten seien bei Kursk eingesetzt worden, schrieb Selenskyj auf Telegram.")
    assert e.type == "troop_deployment" and e.status == "alleged"
    assert names(e) == {"Wolodymyr Selenskyj"} and "UKR" in codes(e)


def test_a_medium_reporting_the_news_keeps_it_reported() -> None:
    e = _one("Putin und Kim hätten über die Zusammenarbeit beraten, meldete die Agentur KCNA.")
    assert e.status == "reported"


def test_an_official_communique_keeps_it_reported() -> None:
    evs = _events("Lawrow und Choe hätten über die Lage in der Region beraten, teilte das russische "
                  "Außenministerium mit.")
    assert all(e.status == "reported" for e, _ in evs)


def test_a_direct_quote_stays_the_speakers_statement() -> None:
    evs = _events("«Die Zusammenarbeit mit Nordkorea wird fortgesetzt», sagte Lawrow.")
    assert [e.type for e, _ in evs] == ["statement"]


def test_a_comma_before_the_speech_verb_cuts_after_an_auxiliary() -> None:
    text = "Ein Teil der Truppen sei nach Kursk verlegt worden, sagte Pentagon-Sprecherin Sabrina Singh."
    assert len(split_clauses(text, 0, 0, is_finite_verb)) == 2


# e. troops put to use, denials


def test_troops_eingesetzt_are_a_deployment_weapons_an_attack() -> None:
    assert _one("Nordkoreanische Soldaten wurden in der Region Kursk eingesetzt.").type == "troop_deployment"
    assert _one("Russland hat Raketen aus Nordkorea gegen die Ukraine eingesetzt.").type == "attack"


def test_widersprechen_denies_the_claim_that_follows() -> None:
    e = _one("Moskau widersprach der Darstellung, russische Techniker seien in Nordkorea stationiert.")
    assert e.type == "denial" and e.status == "denied"


def test_a_denied_act_is_no_event_of_its_own() -> None:
    e = _one("Russland und Nordkorea bestreiten jede Waffenlieferung.")
    assert e.type == "denial" and codes(e) == {"RUS", "PRK"}


def test_a_characterisation_as_illegitimate_is_an_accusation() -> None:
    e = _one("Das russische Außenministerium bezeichnete die Sanktionen gegen Nordkorea als illegitim.")
    assert e.type == "accusation"


# f. trips, reputations, conditions, plans


def test_a_meeting_as_the_purpose_of_a_trip_keeps_the_trip_a_visit() -> None:
    evs = _events("Putin war im Juni 2024 zu einem Treffen mit Kim nach Pjöngjang gereist.")
    visit = next(e for e, _ in evs if e.type == "visit")
    assert codes(visit) == {"RUS", "PRK"} and visit.date.value == "2024-06"


def test_gilt_als_is_a_reputation_not_a_report() -> None:
    e = _one("Nordkorea gilt als wichtigster Munitionslieferant Russlands.")
    assert e.type == "arms_transfer" and e.status == "alleged"


def test_following_an_invitation_is_a_visit() -> None:
    e = _one("Ob Kim der Einladung nach Moskau folgt, ist unklar.")
    assert e.type == "visit" and e.status == "speculative"


def test_a_condition_is_no_event() -> None:
    e = _one("Kim sei bereit, auf Raketentests zu verzichten, falls Russland ihm Trägerraketen zur Verfügung stelle, "
             "sagte Putin.", "2000-07")
    assert e.type == "statement" and "Wladimir Putin" in names(e)


def test_sollen_with_this_year_is_a_plan() -> None:
    e = _one("In Wonsan sollen in diesem Jahr mehr russische Touristen Urlaub machen.")
    assert e.status == "planned" and e.date.value == "2024"


def test_goods_before_technology_are_a_trade() -> None:
    e = _one("Im Gegenzug erhält Pjöngjang von Russland Lebensmittel, Öl und womöglich Militärtechnologie.")
    assert e.type == "economic_cooperation"


def test_detaining_is_an_event() -> None:
    e = _one("Zwei nordkoreanische Soldaten wurden in der russischen Region Kursk festgenommen.")
    assert e.type == "other" and "RUS" in codes(e)
