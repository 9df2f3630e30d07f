"""Seventeenth pass: event types on fresh text. Swiss spelling ("begrüsste", "Strafmassnahmen"), verbs of
condemnation ("brandmarkte", "geisselte", "lastet ... an"), rejecting a measure taken against oneself as a
protest ("wies die Resolution zurück"), carrying out a measure ("die Resolution umzusetzen", "die Sanktionen
einhalten"), votes with words in between ("stimmten am Mittwoch einstimmig für"), sanctions decided
("Sanktionen beschlossen"), the speaker's state as the subject of an announced zu-infinitive, and a witness
("im Beisein von X") who does not act. Sentences are written for these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from tests.test_events import codes, events_with_quotes, only_event


def _events(text: str, dct: str = "2024-06"):
    return events_with_quotes(text, dct)


def _one(text: str, dct: str = "2024-06"):
    return only_event(text, dct)


# 1. Swiss spelling: "ss" for "ß" in every trigger form


def test_swiss_spelling_of_evaluative_verb() -> None:
    evs = _events("Peking begrüsste das Treffen von Putin und Kim Jong Un ausdrücklich.")
    assert evs[0][0].type == "statement" and "begrüsste" in evs[0][1]


def test_swiss_spelling_of_sanction_noun() -> None:
    e = _one("Die USA erliessen neue Strafmassnahmen gegen Nordkorea.")
    assert e.type == "sanction" and codes(e) == {"USA", "PRK"}


def test_swiss_spelling_of_agreement_verb() -> None:
    e = _one("Moskau und Pjöngjang schliessen ein Abkommen über Zusammenarbeit.")
    assert e.type == "agreement"


# 2. verbs of condemnation


def test_brandmarken_is_accusation_over_cooperation_noun() -> None:
    e = _one("Tokio brandmarkte die militärische Zusammenarbeit zwischen Moskau und Pjöngjang als Gefahr.")
    assert e.type == "accusation" and codes(e) == {"JPN", "RUS", "PRK"}


def test_brandmarken_over_sanction_noun() -> None:
    e = _one("Nordkorea brandmarkte die Strafmaßnahmen der USA als feindseligen Akt.")
    assert e.type == "accusation"


def test_geisseln_and_anlasten() -> None:
    assert _events("Seoul geißelte die Raketenstarts Nordkoreas scharf.")[0][0].type == "accusation"
    assert _one("Washington lastete Moskau die neue Eskalation an.").type == "accusation"


# 3. rejecting a measure against oneself is a protest; a proposal rejected is a statement; a claim a denial


def test_rejecting_sanctions_is_accusation() -> None:
    e = _one("Pjöngjang wies die neuen Sanktionen der Europäischen Union als Provokation zurück.")
    assert e.type == "accusation" and e.status == "reported"


def test_rejecting_a_resolution_is_accusation() -> None:
    assert _one("Nordkorea hat die UN-Resolution am Sonntag entschieden zurückgewiesen.").type == "accusation"


def test_rejecting_a_plan_stays_statement() -> None:
    assert _one("Moskau wies den Friedensplan der Ukraine umgehend zurück.").type == "statement"


def test_rejecting_reports_stays_denial() -> None:
    e = _one("Der Kreml wies Berichte über nordkoreanische Soldaten in der Region Kursk zurück.")
    assert e.type == "denial" and e.status == "denied"


# 4. carrying out a measure; the announcing speaker's state as the subject of the zu-infinitive


def test_announced_implementation_of_resolution() -> None:
    e = _one("Das Außenministerium in Moskau kündigte an, die neue Resolution vollständig umzusetzen.")
    assert e.type == "sanction" and e.status == "planned" and "RUS" in codes(e)


def test_announced_tightening_of_sanctions() -> None:
    e = _one("Lawrow kündigte am Montag an, die Sanktionen gegen Nordkorea strikt umzusetzen.")
    assert e.type == "sanction" and e.status == "planned" and codes(e) == {"RUS", "PRK"}


def test_sanctions_kept() -> None:
    e = _one("China hält die Sanktionen gegen Nordkorea nach eigenen Angaben strikt ein.")
    assert e.type == "sanction"


def test_plan_carried_out_is_no_sanction() -> None:
    assert all(e.type != "sanction" for e, _ in _events("Russland setzt den Plan mit Nordkorea um."))


def test_sanctions_decided() -> None:
    e = _one("Der Sicherheitsrat hat nach dem dritten Atomtest einstimmig Sanktionen gegen Nordkorea beschlossen.")
    assert e.type == "sanction"


# 5. votes with words between verb and "für"


def test_vote_with_words_in_between_after_sanction() -> None:
    evs = _events("Der UN-Sicherheitsrat verhängte am Freitag neue Sanktionen gegen Nordkorea. Auch Russland "
                  "stimmte nach langem Zögern am Freitag für die Resolution.")
    vote = next(e for e, q in evs if "stimmte" in q)
    assert vote.type == "sanction" and codes(vote) == {"RUS", "PRK"}


def test_votierten_dafuer() -> None:
    evs = _events("Der Sicherheitsrat verschärfte die Sanktionen gegen Nordkorea. Auch China und Russland "
                  "votierten nach tagelangen Verhandlungen dafür.")
    vote = next(e for e, q in evs if "votierten" in q)
    assert vote.type == "sanction" and "PRK" in codes(vote)


# 6. a witness does not act


def test_witness_is_not_the_source() -> None:
    e = _one("Im Beisein von Außenminister Ri Yong Ho legte Kim Jong Un in Wladiwostok einen Kranz nieder.")
    assert e.actors[0].name == "Kim Jong Un" and e.actors[0].role == "source"
    assert {a.name: a.role for a in e.actors}.get("Ri Yong Ho") == "target"


def test_single_witness_stays_actor() -> None:
    e = _one("Nordkorea hat im Beisein des russischen Verteidigungsministers Sergej Schoigu eine Militärparade "
             "abgehalten.", "2023-07")
    assert "Sergej Schoigu" in {a.name for a in e.actors}


# 7. "sich für/gegen ... aussprechen"; an encounter noun in a frame phrase yields to the verb of the clause


def test_sprach_sich_aus_is_statement() -> None:
    e = _one("Der russische Außenminister sprach sich am Montag für engere Beziehungen zu Nordkorea aus.")
    assert e.type == "statement"


def test_sprechen_sich_gegen_aus() -> None:
    e = _one("In der Erklärung sprechen sich Moskau und Pjöngjang gegen neue Sanktionen aus.")
    assert e.type == "statement"


def test_frame_meeting_yields_to_speech_verb() -> None:
    e = _one("Bei einem Treffen mit seinem Amtskollegen No Kwang Chol sprach sich Beloussow für gemeinsame "
             "Manöver aus.", "2025-06")
    assert e.type == "statement"
    assert e.actors[0].name == "Andrei Belousow" or e.actors[0].role == "source"


def test_frame_meeting_yields_to_promise() -> None:
    evs = _events("Nach dem Treffen sicherte Putin Nordkorea Unterstützung im Atomstreit zu.")
    assert evs[0][0].type == "statement"


def test_call_with_weak_talk_verb_stays_call() -> None:
    e = _one("Zudem sprach Lawrow bei einer Telefonkonferenz mit dem nordkoreanischen Außenminister.")
    assert e.type == "call"


def test_partner_after_mit_is_not_the_speaker() -> None:
    evs = _events("Bei einem Treffen mit Kim Jong Un sprach sich Putin für mehr Handel aus.")
    e = next(e for e, q in evs if "sprach" in q)  # (the meeting is a nominal event of its own)
    assert e.type == "statement" and e.actors[0].name == "Wladimir Putin" and e.actors[0].role == "source"


# 8. an adverbial clause opening the sentence is no quote of the speech verb after it


def test_adverbial_clause_before_speech_verb_stays_its_own_event() -> None:
    evs = _events("Als Nordkorea am Montag einen Aufklärungssatelliten ins All brachte, gratulierte Moskau sofort.")
    kinds = {e.type for e, _ in evs}
    assert kinds == {"other", "statement"}
    congrat = next(e for e, q in evs if q.startswith("gratulierte"))
    assert "RUS" in codes(congrat)


def test_quote_before_sagte_still_joins() -> None:
    e = _one("Die Beziehungen zu Nordkorea seien ausgezeichnet, sagte Lawrow.")
    assert e.type == "statement" and e.actors[0].name == "Sergej Lawrow"


# 9. calling reports false is a denial


def test_sprach_von_falschmeldungen_is_denial() -> None:
    e = _one("Kremlsprecher Dmitri Peskow sprach von Falschmeldungen über nordkoreanische Soldaten.")
    assert e.type == "denial" and e.status == "denied"


def test_bezeichnete_berichte_als_erfindung_is_denial_without_the_act() -> None:
    e = _one("Pjöngjang bezeichnete die Berichte über Munitionslieferungen an Russland als Erfindung.")
    assert e.type == "denial"


def test_bezeichnete_als_offen_stays_statement() -> None:
    assert _one("Lawrow bezeichnete die Gespräche mit Nordkorea als offen.").type == "statement"


# 10. an act announced by its noun is planned; one proclaimed ("verkündete den Abbruch") is done


def test_announced_sanctions_are_planned() -> None:
    e = _one("Tokio und Washington kündigten weitere Strafmaßnahmen gegen Nordkorea an.")
    assert e.type == "sanction" and e.status == "planned"


def test_proclaimed_break_is_reported() -> None:
    e = _one("Kiew verkündete den Abbruch der Beziehungen zu Pjöngjang.")
    assert e.type == "sanction" and e.status == "reported"


def test_frame_meeting_is_no_announced_act() -> None:
    evs = _events("Das kündigte Schoigu am Dienstag nach einem Treffen mit Kim Jong Un in Pjöngjang an.")
    assert all(e.status != "planned" for e, _ in evs)
    assert {e.type for e, _ in evs} == {"statement", "meeting"}


# 11. more kinds of soldiers


def test_mine_clearers_and_construction_soldiers_are_troops() -> None:
    assert _one("Nordkorea wird tausend Minenräumer nach Russland entsenden.").type == "troop_deployment"
    assert _one("Pjöngjang hat 5.000 Bausoldaten in die Region Kursk verlegt.").type == "troop_deployment"


# 12. a readiness declared is a statement, also before ", sagte X"


def test_readiness_without_speech_verb_is_statement() -> None:
    assert _one("Russland ist bereit, Nordkorea mehr Weizen zu liefern.").type == "statement"
    assert _one("Pjöngjang zeigte sich bereit, Arbeiter nach Russland zu schicken.").type == "statement"


def test_readiness_quoted_before_sagte_is_statement() -> None:
    e = _one("Nordkorea sei bereit, an die Sechsergespräche zurückzukehren, sagte der Kremlsprecher.")
    assert e.type == "statement"


def test_plain_delivery_stays_act() -> None:
    assert _one("Russland lieferte Nordkorea im Mai Weizen.").type == "economic_cooperation"


# 13. the headline of a warning keeps the state it is addressed to


def test_warning_headline_keeps_addressee() -> None:
    e = _one("Lawrow warnte die USA vor einer Eskalation auf der koreanischen Halbinsel.")
    assert e.headline == "Lawrow warnt die USA vor Eskalation"


def test_warning_about_deliveries_names_no_addressee() -> None:
    e = _one("Russland warnte vor Waffenlieferungen an die Ukraine.")
    assert e.headline == "Russland warnt vor Waffenlieferungen"


# 14. two participle phrases sharing one auxiliary are two clauses


def test_shared_auxiliary_splits_clauses() -> None:
    from app.extract.clauses import split_clauses

    text = "Nordkorea hatte im Januar einen Atomtest vorgenommen und im Februar eine Rakete gestartet."
    parts = [text[c.start:c.end] for c in split_clauses(text, 0, 0)]
    assert parts == ["Nordkorea hatte im Januar einen Atomtest vorgenommen", "und im Februar eine Rakete gestartet"]


def test_shared_auxiliary_keeps_noun_coordination() -> None:
    from app.extract.clauses import split_clauses

    text = "Japan hat Sanktionen gegen russische Unternehmen und Personen verhängt."
    assert len(split_clauses(text, 0, 0)) == 1


def test_shared_auxiliary_gives_each_act_its_date() -> None:
    evs = _events("Nordkorea hatte im Januar Soldaten nach Russland verlegt und im März Granaten an Russland "
                  "geliefert.")
    by_type = {e.type: e.date.value for e, _ in evs}
    assert by_type == {"troop_deployment": "2024-01", "arms_transfer": "2024-03"}


# 15. "vor dem ..." in a past clause told by its verb is a place or time, no plan


def test_vor_dem_gebaeude_is_no_plan() -> None:
    e = _one("Putin empfing Kim Jong Un vor dem Gebäude der Universität.")
    assert e.type == "meeting" and e.status == "reported"


def test_past_call_shortly_before_a_meeting_is_reported() -> None:
    evs = _events("Kurz vor dem Treffen telefonierte Putin mit Kim Jong Un.")
    call = next(e for e, _ in evs if e.type == "call")
    assert call.status == "reported"


def test_bezeichnete_angaben_als_propaganda_is_denial() -> None:
    e = _one("Kiew bezeichnete die Angaben Moskaus über die Rückeroberung als Propaganda.")
    assert e.type == "denial"


def test_vote_for_hyphenated_sanctions_headline() -> None:
    e = _one("Auch Russland stimmt für schärfste Nordkorea-Sanktionen seit Jahren")
    assert e.type == "sanction"


def test_pushing_through_an_exemption_is_no_sanction() -> None:
    e = _one("Moskau hatte durchgesetzt, dass das Hafenprojekt in Rajin von den Sanktionen gegen Nordkorea "
             "ausgenommen wird.")
    assert e.type != "sanction" or "durchgesetzt" not in e.trigger


# 16. a commercial offer of travel or trade is the economic cooperation itself


def test_travel_agencies_offer_group_tours() -> None:
    e = _one("Seit dem Frühjahr bieten Reisebüros in Wladiwostok Gruppenreisen nach Nordkorea an.")
    assert e.type == "economic_cooperation" and e.status == "reported"


def test_offer_of_talks_stays_statement() -> None:
    assert _one("Russland bot Nordkorea Verhandlungen über die Grenze an.").type == "statement"


# 17. a hypothetical case ("im Fall eines Angriffs") is no act; "zusagen" without an object is a promise


def test_promise_of_assistance_in_case_of_attack_is_statement() -> None:
    e = _one("Putin hat in Pjöngjang zugesagt, Nordkorea im Fall eines Angriffs militärisch beizustehen.")
    assert e.type == "statement"


def test_promise_during_visit_is_statement() -> None:
    # (without the apposition, "dem russischen Minister" is read as officials sent by "zusagen": a known gap)
    evs = _events("Das hat Kim Jong Un dem Chef des Sicherheitsrats, Sergej Schoigu, bei dessen Besuch in Pjöngjang "
                  "am Montag zugesagt.")
    assert any(e.type == "statement" for e, q in evs if "zugesagt" in q)
    assert all(e.type != "visit" for e, q in evs if "zugesagt" in q)


def test_promised_goods_stay_economic() -> None:
    e = _one("Russland hatte Nordkorea im Mai 50 000 Tonnen Weizen als humanitäre Hilfe zugesagt.")
    assert e.type == "economic_cooperation"


def test_twittern_is_a_statement() -> None:
    e = _one("Trump twitterte am Freitag, er schätze die Bemühungen Russlands um Nordkorea.")
    assert e.type == "statement" and e.actors[0].name == "Donald Trump"
