"""The document creation time (DCT): the date relative expressions are resolved against.

Sources, in order of trust:
1. the manifest's ``published`` value (the publisher's metadata);
2. evidence in the text itself — the `` date YYYY-MM[-DD]`` header, a timestamp such as
   "Stand: 28.07.2023 08:41 Uhr" or a page's stamp alone on its line ("19.06.2024, 14:32 Uhr"),
   an agency trailer such as "(Reuters, 23.4.2019)",
   "veröffentlicht am 12. Juli 2025" — and a date in the article's URL path.
Among the text and URL candidates the finest one wins, provided it lies inside the header's
interval when there is a header (a more precise date that contradicts the header is ignored).
With no evidence the DCT is None, and relative expressions stay unresolved rather than guessed.
"""

from __future__ import annotations

import re
from datetime import date

from app.extract.model import DCT
from app.extract.timevalue import interval

from .literals import may_match, prefilter

_HEADER = re.compile(r"\A\s*date\s+(\d{4}-\d{2}(?:-\d{2})?)\b")
_NUMERIC = r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})"
_MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "feber": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
    "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12,
}
_WORDY = r"(\d{1,2})\.\s*(" + "|".join(_MONTHS) + r")\s+(\d{4})"
_STAMP_TIME = r"[ \t]*(?:,|um|-|–|\|)?[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*Uhr)?[ \t]*$"
_TEXT_PATTERNS = (
    re.compile(r"\bStand:\s*" + _NUMERIC, re.IGNORECASE),
    re.compile(r"\((?:Reuters|dpa|AFP|AP|APA|SDA|dts|KNA|epd|dpa-AFX)[^()\n]{0,30}?,\s*" + _NUMERIC + r"\)"),
    re.compile(r"\b(?:veröffentlicht|aktualisiert|erschienen)\s+am\s+" + _NUMERIC, re.IGNORECASE),
    re.compile(r"\b(?:veröffentlicht|aktualisiert|erschienen)\s+am\s+" + _WORDY, re.IGNORECASE),
    # a web page's stamp alone on its line, with a clock time: "19.06.2024, 14:32 Uhr",
    # "Mittwoch, 19. Juni 2024, 14.32 Uhr" (a date alone on a line could be anything: not taken)
    *(re.compile(r"^[ \t]*(?:[A-Z][a-z]+\.?,?[ \t]*)?" + day + _STAMP_TIME, re.IGNORECASE | re.MULTILINE)
      for day in (_NUMERIC, _WORDY)),
)
# literals one of which each text pattern's match holds: most texts hold none, and a search is skipped
_TEXT_NEEDS = tuple(prefilter(p) for p in _TEXT_PATTERNS)
_URL_PATTERNS = (
    re.compile(r"/(20\d{2}|19\d{2})/(\d{1,2})/(\d{1,2})/"),
    re.compile(r"/(20\d{2}|19\d{2})/(\d{2})-(\d{2})-"),
    re.compile(r"/(20\d{2}|19\d{2})-(\d{2})-(\d{2})[/-]"),
    re.compile(r"[/-](20\d{2}|19\d{2})-(\d{2})(?=[/-])()"),
    re.compile(r"/(20\d{2}|19\d{2})(\d{2})(\d{2})/"),
)


def _day(y: str, m: str, d: str) -> str | None:
    try:
        return date(int(y), int(m), int(d)).isoformat() if d else f"{int(y):04d}-{int(m):02d}"
    except ValueError:
        return None


def _month_no(word: str) -> int:
    return _MONTHS[word.lower()]


def from_header(text: str) -> str | None:
    m = _HEADER.match(text)
    return m.group(1) if m and interval(m.group(1)) else None


def candidates(text: str, url: str | None) -> list[DCT]:
    """Every DCT the text and URL offer, in document order."""
    out: list[DCT] = []
    if h := from_header(text):
        out.append(DCT(h, "header", f"date {h}"))
    low = text.lower()
    for pat, need in zip(_TEXT_PATTERNS, _TEXT_NEEDS, strict=True):
        if need is not None and not may_match(*need, text, low):
            continue  # no match possible
        for m in pat.finditer(text):
            d, mo, y = m.group(1), m.group(2), m.group(3)
            if not mo.isdigit():
                mo = str(_month_no(mo))
            if v := _day(y, mo, d):
                out.append(DCT(v, "text", m.group(0)))
    if url:
        for pat in _URL_PATTERNS:
            if m := pat.search(url):
                if v := _day(m.group(1), m.group(2), m.group(3)):
                    out.append(DCT(v, "url", m.group(0)))
                    break
    return out


def _rank(prec: str | None) -> int:
    return {"day": 0, "week": 1, "month": 2, "year": 3}.get(prec or "", 9)


def find_dct(text: str, *, published: str | None = None, url: str | None = None) -> DCT | None:
    if published and interval(published):
        return DCT(published, "manifest", published)
    cands = candidates(text, url)
    header = next((c for c in cands if c.source == "header"), None)
    hiv = interval(header.value) if header else None
    best: DCT | None = header
    for c in cands:
        civ = interval(c.value)
        if civ is None:
            continue
        if hiv and not (hiv[0] <= civ[0] and civ[1] <= hiv[1]):
            continue
        if best is None or _rank(civ[2]) < _rank(interval(best.value)[2]):
            best = c
    return best
