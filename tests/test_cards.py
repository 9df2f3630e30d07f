"""The event card built in Python (``app/web/cards.py``) is byte for byte the ``event_card`` macro of
``templates/_event.html``: on the web fixture's events and on random events that take every branch
(precisions, date bases, claims, merged groups, context, missing titles and outlets, markup in
every text)."""

from __future__ import annotations

import random
from typing import Any

import pytest
from markupsafe import Markup
from sqlmodel import Session

from app.store import queries
from app.store.filters import EventFilter
from app.web.cards import event_card
from app.web.templating import templates

NASTY = ["Kim & Putin", "<b>fett</b>", 'Zitat "so"', "it's", "Pjöngjang", "„Gipfel“ > 2", ""]


def _macro(e: dict[str, Any]) -> str:
    return str(templates.env.get_template("_event.html").module.event_card(e))


def test_fixture_events_render_as_the_macro(engine, web_data) -> None:
    with Session(engine) as s:
        events = [e for flt in (EventFilter(), EventFilter(sort="sources"))
                  for e in queries.list_events(s, flt, limit=1000).events]
    assert events
    for e in events:
        assert str(event_card(e)) == _macro(e), e["id"]


def _random_event(rng: random.Random, eid: int) -> dict[str, Any]:
    def text() -> str:
        return rng.choice(NASTY) + rng.choice(["", " Nordkorea"])

    def claim() -> dict[str, Any]:
        return {"stance": rng.choice(["alleged", "denied", "planned", "odd<"]),
                "holders": rng.choice([[], ["USA"], ["der Westen", "Seoul & Tokio"]]),
                "cue": rng.choice([None, "", text()])}

    precision = rng.choice([None, "day", "week", "month", "season", "year"])
    start = rng.choice([None, "2024-06-03"])
    event: dict[str, Any] = {
        "id": eid, "headline": text(), "type": rng.choice(["visit", "other", "unknown<x>"]),
        "status": rng.choice(["reported", "alleged"]),
        "date": {"value": rng.choice([None, "2024-06", "2024-SU", "2024"]), "start": start,
                 "end": rng.choice([start, "2024-06-30"]) if start else None, "precision": precision,
                 "expression": rng.choice([None, "", text()]), "basis": rng.choice(["explicit", "knowledge", "dct"])},
        "claims": [claim() for _ in range(rng.randint(0, 2))],
        "actors": [{"id": rng.randint(1, 4), "name": text(), "role": rng.choice(["source", "target", None, "x"]),
                    "kind": "person"} for _ in range(rng.randint(0, 4))],
        "countries": [{"code": rng.choice(["PRK", "RUS", "A&B"]), "name": text(), "role": "participant"}
                      for _ in range(rng.randint(0, 2))],
        "citations": [{"id": rng.randint(1, 99), "url": f"/articles/1#cite-{rng.randint(1, 9)}&x", "quote": text(),
                       "source": text() or "f.txt", "start": rng.randint(0, 50), "end": rng.randint(50, 99),
                       "article_title": rng.choice([None, "", text()]), "outlet": rng.choice([None, "", text()]),
                       **({"context": {"before": text(), "after": text()}} if rng.random() < 0.3 else {})}
                      for _ in range(rng.randint(0, 3))],
    }
    kind = rng.random()
    if kind < 0.7:
        event["group"] = {"id": eid, "status": rng.choice(["reported", "denied"]),
                          "source_count": rng.randint(1, 3), "sources": [text(), "dpa"],
                          "mentions": rng.randint(1, 3)}
        if rng.random() < 0.7:
            event["group"]["claims"] = [claim() for _ in range(rng.randint(0, 2))]
    elif kind < 0.85:
        event["group"] = None
    return event


@pytest.mark.parametrize("seed", range(4))
def test_random_events_render_as_the_macro(seed: int) -> None:
    rng = random.Random(seed)
    for eid in range(1, 151):
        e = _random_event(rng, eid)
        ours = event_card(e)
        assert isinstance(ours, Markup)
        assert str(ours) == _macro(e), e
