"""The tagger's contract: offsets, ordering, spans, resources compiled once, the JSONL driver."""

from __future__ import annotations

import json
from pathlib import Path

from app.extract import timex
from app.extract.timex import LEXICON, PATTERNS, tag
from app.extract.timex_io import run

TEXT = ("Moskau (Reuters) - Der Geheimdienst teilte am Donnerstag mit, sein Chef sei von Montag bis Mittwoch "
        "in Pjöngjang gewesen. Seit Monaten liefert Nordkorea Munition. Im September 2023 traf Kim Putin.")


def test_offsets_sorted_and_non_overlapping() -> None:
    ts = tag(TEXT, "2024-03-28")
    assert ts, "nothing tagged"
    for t in ts:
        assert TEXT[t.start:t.end] == t.text
    for a, b in zip(ts, ts[1:], strict=False):
        assert a.end <= b.start
    assert [t.text for t in ts] == ["Donnerstag", "Montag", "Mittwoch", "Monaten", "September 2023"]


def test_spans_restrict_tagging_and_keep_offsets() -> None:
    cut = TEXT.index("Seit")
    ts = tag(TEXT, "2024-03-28", spans=[(cut, len(TEXT))])
    assert [t.text for t in ts] == ["Monaten", "September 2023"]
    assert all(TEXT[t.start:t.end] == t.text for t in ts)
    assert tag(TEXT, "2024-03-28", spans=[]) == []


def test_no_dct_leaves_relative_unresolved() -> None:
    ts = {t.text: t for t in tag(TEXT, None)}
    assert ts["Donnerstag"].value is None and ts["Donnerstag"].basis == "none"
    assert ts["September 2023"].value == "2023-09" and ts["September 2023"].basis == "explicit"


def test_resources_are_loaded_and_compiled_once() -> None:
    assert {"month", "weekday", "season", "holiday", "number", "ordinal", "part", "relative"} <= set(LEXICON)
    assert len(PATTERNS) > 30 and all(hasattr(p.regex, "search") for p in PATTERNS)
    assert timex.PATTERNS is PATTERNS


def test_pattern_ids_are_unique() -> None:
    ids = [p.id for p in PATTERNS]
    assert len(ids) == len(set(ids))


def test_holiday_and_easter() -> None:
    ts = {t.text: t for t in tag("Zu Ostern 2024 und an Weihnachten 2023 gab es Feiern.", None)}
    assert ts["Ostern 2024"].value == "2024-03-31"
    assert ts["Weihnachten 2023"].value == "2023-12-25"


def test_run_writes_scorer_format(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc": "a", "text": TEXT, "dct": "2024-03-28"}) + "\n"
                    + json.dumps({"doc": "b", "text": "Keine Zeit hier.", "dct": None}) + "\n", encoding="utf-8")
    out = tmp_path / "out" / "sys.jsonl"
    assert run(docs, out) == 2
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert [x["doc"] for x in lines] == ["a", "b"]
    first = lines[0]["timexes"][0]
    assert {"start", "end", "text", "type", "value"} <= set(first)
    assert TEXT[first["start"]:first["end"]] == first["text"]
    assert lines[1]["timexes"] == []
