"""The same article with typical web-page furniture around it (share bar, reading time, a
"Mehr zum Thema" list of other articles' headlines, newsletter promotion, dpa trailer) yields the
same events — same passages, types, statuses and dates — as the clean text. Run over every
self-written held-out article, none of which was written with furniture in mind."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.extract.pipeline import extract
from app.ingest import parse_document

FIXTURES = Path(__file__).parent / "fixtures"
ARTICLES = sorted(FIXTURES.glob("heldout*/*.txt"))

TOP = ["Teilen", "Facebook", "X", "WhatsApp", "E-Mail", "Artikel anhören", "Lesezeit: 4 Min."]
TEASERS = ["Mehr zum Thema", "", "Putin empfängt Kim Jong Un im Kreml", "",
           "Nordkorea schickt weitere Soldaten nach Russland", "Sanktionen gegen Pjöngjang verschärft"]
TAIL = ["Newsletter", "Jetzt kostenlos anmelden und keine Nachricht mehr verpassen!",
        "© dpa-infocom, dpa:241105-99-123456/3", "Zur Startseite", "Kommentare"]


def _events(text: str, name: str) -> list[tuple]:
    doc = parse_document(name, text.encode("utf-8"))
    return sorted((doc.text[e.start:e.end], e.type, e.status, e.date.value) for e in extract(doc).events)


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_furniture_changes_no_event(path: Path) -> None:
    clean = path.read_text(encoding="utf-8")
    lines = clean.split("\n")
    head, body = (lines[:1], lines[1:]) if lines[0].lstrip().startswith("date ") else ([], lines)
    noisy = "\n".join([*head, *body[:1], *TOP, *body[1:], *TEASERS, *TAIL])
    assert _events(noisy, path.name) == _events(clean, path.name)


def test_there_are_articles_to_check() -> None:
    assert len(ARTICLES) >= 20
