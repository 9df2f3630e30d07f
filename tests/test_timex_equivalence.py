"""The literal prefilter of the temporal tagger (app/extract/timex_prefilter.py) only skips work:
``tag`` must give exactly what searching every pattern in every span gives."""

from __future__ import annotations

import random
import re

import pytest

from app.extract import timex
from app.extract.timex_prefilter import TokenIndex, required_literals

TEXTS = [
    "Am Donnerstag, 25. Februar 2010 traf er Kim Jong Un. Anfang      Mai 2024 folgte ein Besuch.",
    "Im vergangenen September hatte Moskau erklärt, man werde im ersten Quartal 2025 liefern.\n"
    "Seit Monaten verhandeln beide Seiten; vor zwei Jahren gab es 1.500 Soldaten.",
    "Die Gespräche am 3., 4. und 7. Oktober fanden um 8.30 Uhr statt. Heute Morgen, gestern "
    "abends, jeden Montag und zweimal im Monat: 400 Euro im Monat. In den 90er Jahren, im 20. "
    "Jahrhundert, Mitte der Neunziger, Weihnachten 2023, die 47-jährige, mit 16 Jahren.",
    "Putin reist am Montag nach Pjöngjang (18.06.2024); 2024-06-19 unterzeichneten sie den Vertrag. "
    "Zwei Tage später, am Tag zuvor, Ende des Jahres, Q1 2024, Ex-Minister, in Zukunft, kürzlich.",
    "Jahr2024 Mai-Juni 12.Mai dreijährige jahrelang montags wöchentlich Mitternacht Saison 2014/15.",
]


def _untouched(monkeypatch: pytest.MonkeyPatch) -> None:
    """Search every pattern in every span, from the span start: the tagger without the prefilter."""
    monkeypatch.setattr(timex, "_PF", (None,) * len(timex.PATTERNS))


def _spans(text: str, rng: random.Random) -> list[tuple[int, int]]:
    n = len(text)
    cuts = sorted(rng.randrange(0, n + 1) for _ in range(rng.randrange(1, 12)))
    spans = [(a, b) for a, b in zip([0, *cuts], [*cuts, n], strict=True) if rng.random() < 0.85]
    if rng.random() < 0.3:  # overlapping and out-of-range spans
        spans += [(rng.randrange(-3, n), rng.randrange(0, n + 3)) for _ in range(2)]
    return spans


def _span_sets(text: str) -> list[list[tuple[int, int]] | None]:
    rng = random.Random(len(text))
    sentences = [(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text)]
    return [None, sentences, [(s + 1, e - 1) for s, e in sentences], *(_spans(text, rng) for _ in range(25))]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("dct", [None, "2024-03", "2024-03-28"])
def test_prefilter_changes_nothing(text: str, dct: str | None, monkeypatch: pytest.MonkeyPatch) -> None:
    span_sets = _span_sets(text)
    fast = [timex.tag(text, dct, spans=s) for s in span_sets]
    _untouched(monkeypatch)
    slow = [timex.tag(text, dct, spans=s) for s in span_sets]
    assert fast == slow


def test_spans_equal_per_span_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Candidates found with spans are those of searching each span on its own (a match never
    crosses a span end), also for a date cut by a span boundary."""
    text = "Er kam am 25. Februar 2010 an. Sie blieb bis Mai."
    cut = text.index("2010") + 2  # "20" | "10": no year 2010 inside the first span
    got = timex.tag(text, None, spans=[(0, cut), (cut, len(text))])
    assert all(t.end <= cut or t.start >= cut for t in got)
    _untouched(monkeypatch)
    assert got == timex.tag(text, None, spans=[(0, cut), (cut, len(text))])


def test_every_match_contains_a_literal() -> None:
    """required_literals is sound on the patterns: each match (searched in a span) holds one of the
    pattern's literals, starting within ``lead`` of the match start."""
    for p in timex.PATTERNS:
        req = required_literals(p.regex)
        if req is None:
            continue
        lits, lead = req
        for text in TEXTS:
            for m in p.regex.finditer(text):
                s = m.start()
                stop = s + lead + max(len(lit) for lit, _ in lits) if lead < 1 << 30 else len(text)
                assert any(text.find(lit, s, stop) >= 0 for lit, _ in lits), (p.id, m.group())


def test_token_index_groups() -> None:
    idx = TokenIndex([re.compile(r"\b(?:Anfang|Mitte)\s+(?:Mai|Juni)"), re.compile(r"[0-9]+\s*jährig")])
    assert idx.per_pattern[0] is not None and idx.per_pattern[1] is not None
    g0, g1 = idx.per_pattern[0][0], idx.per_pattern[1][0]
    assert g0 in idx.groups_of("Mitte") or g0 in idx.groups_of("Mai")
    assert g1 in idx.groups_of("dreijährige")
    assert idx.groups_of("Moskau") == ()
    starts, ends = idx.scan("Die zweijährige Frist endet Mitte Mai.")[g1]
    assert starts == [4] and ends == [15]
