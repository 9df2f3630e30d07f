"""Find boilerplate in an article without changing its text.

Cleaning never edits the text: it returns the stretches to keep out of extraction (``Dropped``,
with a reason) and the complementary kept spans, so every offset later stages produce still points
into the original file. The rules live in ``resources/boilerplate.toml``; each is a regular
expression over one line. False-positive policy: rules are anchored to whole lines or to the
conventional position of the item (start of line for datelines, end of line for photo credits), so
a sentence that merely mentions "Reuters" or "Foto" stays in.

A ``block`` rule drops a heading line *and* the lines after it while they match its ``continue``
pattern, at most ``max_lines`` of them: the "Mehr zum Thema" list of other articles' headlines,
which would otherwise become events of this article. Headlines carry no sentence-final full stop,
so the block ends at the first line that reads like a sentence of running text (kept).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from app.extract.model import Dropped
from app.extract.spaces import TYPOGRAPHIC_SPACES

from .literals import may_match, prefilter
from .wrap import logical_lines

_RESOURCE = Path(__file__).with_name("resources") / "boilerplate.toml"


@dataclass(frozen=True)
class _Rule:
    reason: str
    scope: str
    regex: re.Pattern[str]
    continues: re.Pattern[str] | None = None  # scope "block": the lines the block runs over
    max_lines: int = 0
    need: tuple[str, ...] | None = None  # literals one of which every match holds (``literals.required``)
    folded: bool = False  # ``need`` is lower case, to be found in the lower-cased line

    def search(self, line: str, low: str) -> re.Match[str] | None:
        """``regex.search(line)``, skipped when the line holds none of the required literals
        (``low`` is ``line.lower()``): most rules are unanchored and would try every position."""
        if self.need is not None and not may_match(self.need, self.folded, line, low):
            return None
        return self.regex.search(line)


@cache
def _rules() -> tuple[_Rule, ...]:
    data = tomllib.loads(_RESOURCE.read_text(encoding="utf-8"))
    rules = []
    for r in data["rule"]:
        flags = 0 if r.get("case") else re.IGNORECASE
        block = r.get("scope") == "block"
        regex = re.compile(r["pattern"], flags)
        need = prefilter(regex)
        rules.append(_Rule(r["reason"], r.get("scope", "line"), regex,
                           re.compile(r["continue"], flags) if block else None, r.get("max_lines", 12) if block else 0,
                           need[0] if need else None, need[1] if need else False))
    return tuple(rules)


_PLAIN = str.maketrans({c: " " for c in TYPOGRAPHIC_SPACES})  # as a rule reads them


def _lines(text: str):
    """Logical lines: a hard-wrapped paragraph is one (``app/ingest/wrap.py``)."""
    return logical_lines(text)


def find_boilerplate(text: str) -> list[Dropped]:
    """All boilerplate stretches, sorted and non-overlapping."""
    found: list[tuple[int, int, str]] = []
    block: _Rule | None = None  # the block rule whose lines are being dropped
    block_left = 0
    for start, line in _lines(text):
        line = line.translate(_PLAIN)  # rules are written with plain spaces; same length, same offsets
        if block is not None:
            if block_left > 0 and block.continues is not None and block.continues.search(line):
                if line.strip():
                    block_left -= 1
                    lead = len(line) - len(line.lstrip())
                    found.append((start + lead, start + len(line.rstrip()), block.reason))
                continue
            block = None
        if not line.strip():
            continue
        low = line.lower()
        heading = next((r for r in _rules() if r.scope == "block" and r.search(line, low)), None)
        if heading is not None:
            lead = len(line) - len(line.lstrip())
            found.append((start + lead, start + len(line.rstrip()), heading.reason))
            block, block_left = heading, heading.max_lines
            continue
        found.extend(_scan_line(start, line, low))
    found.sort()
    merged: list[tuple[int, int, str]] = []
    for s, e, reason in found:
        if merged and s < merged[-1][1]:
            ps, pe, pr = merged[-1]
            merged[-1] = (ps, max(pe, e), pr)
        else:
            merged.append((s, e, reason))
    return [Dropped(s, e, reason, text[s:e]) for s, e, reason in merged]


def _scan_line(start: int, line: str, low: str | None = None) -> list[tuple[int, int, str]]:
    """Rules over one line. When a rule drops the beginning of the line (a header or dateline),
    the rest is scanned again as if it were a line of its own, so "date 2023-09 Photo : X" loses both.
    ``low``: ``line.lower()`` if already made."""
    found: list[tuple[int, int, str]] = []
    if low is None:
        low = line.lower()
    for rule in _rules():
        if rule.scope == "block":
            continue
        m = rule.search(line, low)
        if not m or m.end() == m.start():
            continue
        if rule.scope == "line":
            lead = len(line) - len(line.lstrip())
            found.append((start + lead, start + len(line.rstrip()), rule.reason))
            return found
        found.append((start + m.start(), start + m.end(), rule.reason))
        if not line[: m.start()].strip() and line[m.end():].strip():
            rest = line[m.end():]
            found.extend(_scan_line(start + m.end(), rest))
            return found
    return found


def kept_spans(text: str, dropped: list[Dropped]) -> list[tuple[int, int]]:
    """The text outside boilerplate, split at (logical) line breaks, without surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    cuts = sorted((d.start, d.end) for d in dropped)
    for start, line in _lines(text):
        pieces = [(start, start + len(line))]
        for cs, ce in cuts:
            nxt = []
            for ps, pe in pieces:
                if ce <= ps or cs >= pe:
                    nxt.append((ps, pe))
                    continue
                if cs > ps:
                    nxt.append((ps, cs))
                if ce < pe:
                    nxt.append((ce, pe))
            pieces = nxt
        for ps, pe in pieces:
            seg = text[ps:pe]
            lead = len(seg) - len(seg.lstrip())
            trail = len(seg) - len(seg.rstrip())
            if pe - trail > ps + lead and re.search(r"\w", seg):
                spans.append((ps + lead, pe - trail))
    return spans
