"""Eighteenth pass: generalisation fixes. A promise to an official ("sagte dem russischen Minister Hilfe zu") is
no visit; the witness in "Im Beisein von Putin unterzeichnete Kim" is not the actor; a stay ("hielt sich ...
auf") of an official named only by title; regular flights ("Flüge") as a transport link; journeys of tourists,
workers and peoples as tourism or labour migration; a state that receives a guest ("Moskau empfing Kim") and a
guest welcomed without a named host; what an agreement or a resolution stipulates. Sentences are written for
these tests (not taken from gold or fixtures)."""

from __future__ import annotations

from tests.test_events import codes, events_with_quotes, names, only_event


def _one(text: str, dct: str = "2024-06"):
    return only_event(text, dct)


# 1. "zusagen", "anbieten", "übergeben" to an official: the official receives, nobody travels


def test_promise_to_minister_is_statement_not_visit() -> None:
    e = _one("Pjöngjang sagte dem russischen Minister weitere Unterstützung zu.")
    assert e.type == "statement" and codes(e) == {"PRK", "RUS"}


def test_promise_to_named_minister_is_statement() -> None:
    e = _one("Kim Jong Un sagte dem russischen Verteidigungsminister Andrej Belousow umfassende Hilfe zu.")
    assert e.type == "statement"


def test_offer_to_envoy_is_not_visit() -> None:
    e = _one("Moskau bot dem nordkoreanischen Gesandten Hilfe beim Wiederaufbau an.")
    assert e.type != "visit"


def test_sending_a_minister_is_still_a_visit() -> None:
    e = _one("Russland schickte einen Minister nach Pjöngjang.")
    assert e.type == "visit"


# 2. "im Beisein von X": X witnesses, the other person acts


def test_witness_is_not_first_actor_of_signing() -> None:
    e = _one("Im Beisein von Putin unterzeichnete Kim Jong Un ein Abkommen über Zusammenarbeit.")
    assert e.type == "agreement" and [a.name for a in e.actors][0] == "Kim Jong Un"
    assert e.countries[0].code == "PRK"


def test_witness_with_title_is_not_first_actor() -> None:
    e = _one("In Anwesenheit des russischen Verteidigungsministers Schoigu besichtigte Kim eine Munitionsfabrik.")
    assert [a.name for a in e.actors][0] == "Kim Jong Un"


# 3. "hielt sich ... auf", "weilte": a stay of an official named by title only


def test_stay_of_official_named_by_title() -> None:
    e = _one("Eine russische Regierungsdelegation hielt sich drei Tage in Nordkorea auf.")
    assert e.type == "visit" and codes(e) == {"RUS", "PRK"}


def test_stay_with_attribution_keeps_its_claim() -> None:
    e = _one("Nach Angaben des südkoreanischen Geheimdienstes hielt sich der russische Minister zwei Tage in "
             "Pjöngjang auf.")
    assert e.type == "visit" and e.status == "alleged"


def test_stay_of_drones_is_no_visit() -> None:
    assert events_with_quotes("Die Drohnen seien stundenlang über Pjöngjang geflogen.", "2024-06") == []


# 4. "Flüge" in the plural: a transport link


def test_flights_resumed_are_economic_cooperation() -> None:
    e = _one("Russland und Nordkorea haben die Flüge zwischen Wladiwostok und Pjöngjang wieder aufgenommen.")
    assert e.type == "economic_cooperation" and codes(e) == {"RUS", "PRK"}


def test_charter_flights_are_economic_cooperation() -> None:
    e = _one("Russische Charterflüge bringen jede Woche Urlauber nach Wonsan in Nordkorea.")
    assert e.type == "economic_cooperation"


def test_one_flight_is_the_trip_of_a_person() -> None:
    e = _one("Lawrow flog am Morgen nach Pjöngjang.")
    assert e.type == "visit"


# 5. journeys of tourists, workers and peoples


def test_tourists_travelling_is_tourism() -> None:
    e = _one("Russische Urlauber reisen in diesem Sommer an die nordkoreanische Ostküste.")
    assert e.type == "economic_cooperation"


def test_plain_workers_sent_are_labour_migration() -> None:
    e = _one("Nordkorea hat im Frühjahr mehrere Tausend Arbeiter nach Russland geschickt.")
    assert e.type == "economic_cooperation"


def test_military_builders_sent_stay_troops() -> None:
    e = _one("Nordkorea schickt 3000 Bauarbeiter in die Region Kursk.")
    assert e.type == "troop_deployment"


def test_people_entering_is_migration() -> None:
    e = _one("Im vergangenen Jahr sind mehr als 9000 Nordkoreaner nach Russland eingereist.")
    assert e.type == "economic_cooperation"


# 6. a state hosting a guest; a guest welcomed without a host named


def test_state_receiving_a_guest_is_his_visit() -> None:
    e = _one("Moskau empfing Kim Jong Un mit militärischen Ehren.")
    assert e.type == "visit" and names(e) == {"Kim Jong Un"}


def test_person_receiving_a_guest_is_a_meeting() -> None:
    e = _one("Putin empfing Kim Jong Un im Kreml.")
    assert e.type == "meeting"


def test_place_before_host_is_not_a_host() -> None:
    e = _one("In Moskau empfing Putin den nordkoreanischen Außenminister.")
    assert e.type == "meeting"


def test_guest_welcomed_without_host_is_visit() -> None:
    e = _one("In Chabarowsk wurde Kim Jong Un mit Blumen begrüßt.")
    assert e.type == "visit"


def test_welcome_of_a_decision_stays_a_statement() -> None:
    e = _one("Der Beschluss gegen Nordkorea wurde in Seoul begrüßt.")
    assert e.type == "statement"


# 7. what an agreement or a resolution stipulates


def test_agreement_obliges_is_agreement() -> None:
    evs = events_with_quotes("Russland und Nordkorea schlossen einen Vertrag. Der Vertrag verpflichtet beide Staaten "
                             "zu militärischem Beistand.", "2024-06")
    assert [e.type for e, _ in evs] == ["agreement", "agreement"]


def test_agreement_provides_is_agreement() -> None:
    evs = events_with_quotes("Moskau und Pjöngjang unterzeichneten ein Abkommen. Das Abkommen sieht gemeinsame "
                             "Manöver vor.", "2024-06")
    assert [e.type for e, _ in evs] == ["agreement", "agreement"]


def test_resolution_obliges_is_sanction() -> None:
    e = _one("Die Resolution verbietet Russland jeden Kauf nordkoreanischer Waffen.")
    assert e.type == "sanction" and codes(e) == {"RUS", "PRK"}


def test_resolution_granting_an_exception_is_no_sanction() -> None:
    evs = events_with_quotes("Die Resolution sieht für das Hafenprojekt mit Russland eine Ausnahme vor.", "2024-06")
    assert all(e.type != "sanction" for e, _ in evs)


# 8. earning money is no conquest; informing is a statement; the means named with "Mit dem ..."


def test_earning_fees_is_not_an_attack() -> None:
    e = _one("Nordkorea könnte mit der Bahnstrecke jährlich Millionen an Transitgebühren einnehmen.")
    assert e.type == "economic_cooperation"


def test_taking_a_village_is_an_attack() -> None:
    e = _one("Nordkoreanische Soldaten nahmen gemeinsam mit russischen Einheiten ein Dorf bei Kursk ein.")
    assert e.type == "attack"


def test_informing_about_talks_is_statement() -> None:
    e = _one("Lawrow informierte Kim Jong Un über die Gespräche mit den USA.")
    assert e.type == "statement"
    e = _one("Putin unterrichtete Xi Jinping telefonisch über seine Verhandlungen in Pjöngjang.")
    assert e.type in ("statement", "call")


def test_event_named_as_means_is_not_the_event() -> None:
    e = _one("Mit dem Besuch setzt Russland seine Annäherung an Nordkorea fort.")
    assert e.type == "other"
    e = _one("Mit einem Staatsbesuch in Pjöngjang hat Putin die Beziehungen zu Nordkorea gestärkt.")
    assert e.type == "other"


def test_visit_alone_after_mit_stays_visit() -> None:
    e = _one("Mit dem Besuch Putins in Pjöngjang vom Juni 2024 begann eine neue Phase.")
    assert e.type == "visit"


def test_content_of_resolution_is_not_a_second_event() -> None:
    evs = events_with_quotes("Der Sicherheitsrat verhängte neue Sanktionen gegen Nordkorea. Die Resolution "
                             "verpflichtet alle Staaten, nordkoreanische Gastarbeiter binnen zwei Jahren "
                             "heimzuschicken.", "2024-06")
    assert [e.type for e, _ in evs] == ["sanction", "sanction"]


def test_watching_with_concern_is_a_statement() -> None:
    evs = events_with_quotes("Putin besuchte Pjöngjang. Tokio verfolgt die Annäherung mit großer Sorge.", "2024-06")
    assert [e.type for e, _ in evs] == ["visit", "statement"]



def test_time_since_keeps_its_background_event() -> None:
    evs = events_with_quotes("Seit dem Gipfel in Wladiwostok liefert Nordkorea Granaten an Russland.", "2024-06")
    assert evs[0][0].type == "arms_transfer"


# 9. an onward leg told in the present is still to come


def test_onward_travel_in_present_is_planned() -> None:
    e = _one("Lawrow fliegt am Samstag von Pjöngjang nach Peking weiter.")
    assert e.type == "visit" and e.status == "planned"


def test_onward_travel_in_past_is_reported() -> None:
    e = _one("Lawrow flog am Samstag von Pjöngjang nach Peking weiter.")
    assert e.type == "visit" and e.status == "reported"
