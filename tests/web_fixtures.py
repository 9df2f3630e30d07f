"""A small, realistic data set for the web tests, inserted directly through the models.

Three German articles: a dpa-style report on Putin's visit (day, month and season dates, an
accusation with its denial, a copyright trailer marked as dropped), a report on the troop deployment
(DCT date, a year-only date, crossing and nested citations, an undated event) and a hostile article
whose title, outlet, URL, headline and text try to inject HTML/JS. Every citation's quote is
``text[start:end]``, so tests don't depend on extraction quality.

Use them in a test module with ``pytest_plugins = ["tests.web_fixtures"]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlmodel import Session

from app.extract.timevalue import interval
from app.store.models import Actor, Article, Citation, Country, Event, EventActor, EventCountry

TEXT_A = (
    "Putin besucht Nordkorea\n"
    "Pjöngjang (dpa) - Russlands Präsident Wladimir Putin reist am Mittwoch zu einem Staatsbesuch nach "
    "Nordkorea. Dort will er Machthaber Kim Jong-un treffen.\n"
    "Die USA und Südkorea werfen Nordkorea vor, Russland mit Artilleriegranaten zu beliefern. "
    "Pjöngjang und Moskau bestreiten das.\n"
    "Beide Länder wollen im Sommer 2024 ein Abkommen über strategische Partnerschaft unterzeichnen. "
    "Der Handel soll um 50 % wachsen.\n"
    "© dpa-infocom, dpa:240614-99-123456/3\n"
)

TEXT_B = (
    "Nordkorea bestätigt Truppeneinsatz in Kursk\n"
    "Seoul/Moskau - Nordkorea hat erstmals die Entsendung von Soldaten nach Russland bestätigt. "
    "Die Truppen hätten im Gebiet Kursk gekämpft, meldete die Staatsagentur KCNA.\n"
    "Bereits 2024 hatten Geheimdienste über die Entsendung berichtet.\n"
    "Kim Jong-un lobte die „Heldentaten“ der Soldaten.\n"
)

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = '"><img src=x onerror=alert(1)>'
TEXT_C = (
    f"Moskau und Pjöngjang vereinbaren Zusammenarbeit {HOSTILE_SCRIPT}\n"
    f"Im Juli 2025 unterzeichneten beide Seiten ein Abkommen {HOSTILE_IMG} über wirtschaftliche "
    "Zusammenarbeit.\n"
    "Über Details des Telefonats wurde Stillschweigen vereinbart.\n"
)


@dataclass
class WebData:
    articles: dict[str, int] = field(default_factory=dict)
    events: dict[str, int] = field(default_factory=dict)
    citations: dict[str, int] = field(default_factory=dict)
    actors: dict[str, int] = field(default_factory=dict)
    texts: dict[int, str] = field(default_factory=dict)


def _span(text: str, quote: str) -> tuple[int, int]:
    start = text.index(quote)
    return start, start + len(quote)


def populate(session: Session) -> WebData:
    data = WebData()
    for code, name in [("RUS", "Russland"), ("PRK", "Nordkorea"), ("USA", "Vereinigte Staaten"),
                       ("KOR", "Südkorea"), ("UKR", "Ukraine")]:
        session.add(Country(code=code, name=name))
    actors = {
        "putin": Actor(name="Wladimir Putin", kind="person", country_code="RUS", aliases=["Putin"]),
        "kim": Actor(name="Kim Jong-un", kind="person", country_code="PRK", aliases=["Kim"]),
        "kcna": Actor(name="KCNA", kind="organisation", country_code="PRK"),
        "lawrow": Actor(name="Sergej Lawrow", kind="person", country_code="RUS"),
        "choe": Actor(name="Choe Son-hui", kind="person", country_code="PRK"),
    }
    for a in actors.values():
        session.add(a)

    drop_start = TEXT_A.index("© dpa")
    arts = {
        "a": Article(file_name="a_putin_besuch.txt", content_hash="a" * 64, outlet="nau.ch (dpa)",
                     url="https://example.org/putin-besuch", title="Putin besucht Nordkorea",
                     dct_value="2024-06-14", dct_precision="day", dct_source="manifest",
                     dct_detail="published", text=TEXT_A,
                     report={"dropped": [{"start": drop_start, "end": len(TEXT_A) - 1, "reason": "copyright",
                                          "text": TEXT_A[drop_start:-1]}],
                             "warnings": ["Titelzeile ohne Satzzeichen"], "encoding": "utf-8"}),
        "b": Article(file_name="b_kursk.txt", content_hash="b" * 64, outlet="klamm.de (dpa-AFX)",
                     url=None, title="Nordkorea bestätigt Truppeneinsatz in Kursk", dct_value="2025-04-28",
                     dct_precision="day", dct_source="dateline", dct_detail="28.04.2025", text=TEXT_B,
                     report={"dropped": [], "warnings": [], "encoding": "cp1252"}, encoding="cp1252"),
        "c": Article(file_name="c_hostile.txt", content_hash="c" * 64, outlet="<b>Evil</b> Medien",
                     url="javascript:alert(1)", title=f"{HOSTILE_SCRIPT} Titel", dct_value="2025-07-31",
                     dct_precision="day", dct_source="header", dct_detail=HOSTILE_IMG, text=TEXT_C,
                     report={"dropped": [], "warnings": [HOSTILE_SCRIPT], "encoding": "utf-8"}),
    }
    for a in arts.values():
        # models._now() is naive, which this SQLModel version refuses for its UTC column.
        a.loaded_at = datetime.now(UTC)
        session.add(a)
    session.flush()
    for k, a in arts.items():
        data.articles[k] = a.id
        data.texts[a.id] = a.text
    for k, a in actors.items():
        data.actors[k] = a.id

    def event(key: str, art: str, *, type: str, status: str, headline: str, value: str | None,
              expression: str | None, basis: str, anchor: str | None = None, claims: Any = (),
              actors_: list[tuple[str, str]] = (), countries: list[str] = (), quotes: list[str] = (),
              position: int = 0) -> None:
        iv = interval(value)
        first, last, prec = iv if iv else (None, None, None)
        ev = Event(article_id=arts[art].id, type=type, status=status, headline=headline, date_value=value,
                   date_first=first, date_last=last, date_precision=prec, date_expression=expression,
                   date_basis=basis, date_anchor=anchor, claims=list(claims), position=position,
                   trigger=None)
        session.add(ev)
        session.flush()
        data.events[key] = ev.id
        for who, role in actors_:
            session.add(EventActor(event_id=ev.id, actor_id=actors[who].id, role=role))
        for code in countries:
            session.add(EventCountry(event_id=ev.id, country_code=code))
        text = arts[art].text
        for i, quote in enumerate(quotes):
            s, e = _span(text, quote)
            c = Citation(event_id=ev.id, article_id=arts[art].id, start=s, end=e, quote=text[s:e],
                         sentence_index=i)
            session.add(c)
            session.flush()
            data.citations[f"{key}{i}"] = c.id

    event("visit", "a", type="visit", status="reported", headline="Putin besucht Pjöngjang",
          value="2024-06-19", expression="am Mittwoch", basis="relative_to_dct", anchor="2024-06-14",
          actors_=[("putin", "source"), ("kim", "target")], countries=["RUS", "PRK"],
          quotes=["Russlands Präsident Wladimir Putin reist am Mittwoch zu einem Staatsbesuch nach Nordkorea."])
    event("arms", "a", type="arms_transfer", status="alleged",
          headline="Nordkorea soll Russland mit Artilleriegranaten beliefern", value="2024-06",
          expression=None, basis="dct", position=1,
          claims=[{"stance": "alleged", "holders": ["USA", "Südkorea"], "cue": "werfen vor"},
                  {"stance": "denied", "holders": ["Nordkorea", "Russland"], "cue": "bestreiten"}],
          countries=["PRK", "RUS", "USA", "KOR"],
          quotes=["Die USA und Südkorea werfen Nordkorea vor, Russland mit Artilleriegranaten zu beliefern.",
                  "Pjöngjang und Moskau bestreiten das."])
    event("pact", "a", type="agreement", status="planned",
          headline="Abkommen über strategische Partnerschaft geplant", value="2024-SU",
          expression="im Sommer 2024", basis="explicit", position=2,
          claims=[{"stance": "planned", "holders": ["Russland", "Nordkorea"], "cue": "wollen"}],
          countries=["RUS", "PRK"],
          quotes=["Beide Länder wollen im Sommer 2024 ein Abkommen über strategische Partnerschaft "
                  "unterzeichnen. Der Handel soll um 50 % wachsen."])
    event("troops", "b", type="troop_deployment", status="reported",
          headline="Nordkorea bestätigt Truppenentsendung nach Russland", value="2025-04-28",
          expression=None, basis="dct", actors_=[("kcna", "source")], countries=["PRK", "RUS"],
          quotes=["Nordkorea hat erstmals die Entsendung von Soldaten nach Russland bestätigt. "
                  "Die Truppen hätten im Gebiet Kursk gekämpft", "Geheimdienste"])
    event("kursk", "b", type="military_cooperation", status="reported",
          headline="Nordkoreanische Soldaten kämpfen im Gebiet Kursk", value="2024",
          expression="Bereits 2024", basis="explicit", position=1, countries=["PRK", "RUS", "UKR"],
          quotes=["Die Truppen hätten im Gebiet Kursk gekämpft, meldete die Staatsagentur KCNA.",
                  "Bereits 2024 hatten Geheimdienste über die Entsendung berichtet."])
    event("praise", "b", type="statement", status="reported", headline="Kim Jong-un lobt die Soldaten",
          value=None, expression=None, basis="none", position=2, actors_=[("kim", "source")],
          countries=["PRK"], quotes=["Kim Jong-un lobte die „Heldentaten“ der Soldaten."])
    event("econ", "c", type="economic_cooperation", status="reported",
          headline=f"Abkommen {HOSTILE_IMG} über Wirtschaft", value="2025-07", expression="Im Juli 2025",
          basis="explicit", countries=["RUS", "PRK"],
          quotes=[f"Im Juli 2025 unterzeichneten beide Seiten ein Abkommen {HOSTILE_IMG} über wirtschaftliche "
                  "Zusammenarbeit."])
    event("call", "c", type="call", status="reported", headline="Telefonat zwischen Lawrow und Choe Son-hui",
          value="2025-W30", expression="in der vergangenen Woche", basis="relative_to_dct",
          anchor="2025-07-31", position=1, actors_=[("lawrow", "source"), ("choe", "target")],
          countries=["RUS", "PRK"], quotes=["Über Details des Telefonats wurde Stillschweigen vereinbart."])
    session.commit()
    return data


@pytest.fixture
def web_data(engine) -> WebData:
    with Session(engine) as s:
        return populate(s)


@pytest.fixture
def web_client(engine, web_data, client_for):
    return client_for(engine)


__all__ = ["WebData", "populate", "web_data", "web_client", "TEXT_A", "TEXT_B", "TEXT_C",
           "HOSTILE_SCRIPT", "HOSTILE_IMG", "date"]
