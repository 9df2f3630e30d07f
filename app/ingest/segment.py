"""Sentences with offsets into the original text, from SoMaJo.

SoMaJo (Proisl & Uhrig) is a rule-based tokenizer and sentence splitter for German web and news
text; with ``character_offsets=True`` it reports each token's span, so sentence offsets are exact.

Each kept span (one line of the article, outside boilerplate) is segmented on its own: a line break
is always a boundary, which suits titles, bullet points and captions that carry no final period.

Speed: SoMaJo tokenizes every character (≈90,000 chars/s here), too slow for a loader that must
take 200 articles/s. So a line is first cut at *unambiguous* boundaries only — sentence-final
punctuation after a lower-case word of three or more letters that is not a known abbreviation
(``resources/abbreviations.txt``), followed by white space and an upper-case letter or an opening
quote. A piece with no further ``.!?:;`` inside is one sentence as it stands; every other piece
with a possible boundary left inside (final punctuation before a capital, digit or quote:
ordinals, abbreviations, initials, quotes) goes to SoMaJo, which decides. False-positive
policy: the shortcut only ever splits where SoMaJo would split too; ``tests/test_segment.py``
checks that both agree on real news text.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import regex
from somajo import SoMaJo

from app.extract.model import Sentence

_ABBREV_FILE = Path(__file__).with_name("resources") / "abbreviations.txt"
_SAFE = re.compile(r"(?<=[a-zäöüß]{3})[.!?]+[\"»“”'’)]?(?=\s+[\"„»«(‚]?[A-ZÄÖÜ])")
_WORD_BEFORE = re.compile(r"(\w+)$")
# A possible boundary inside a piece: final punctuation before a capital, a digit or an opening
# quote (with or without a space: "zurückzuerobern.Die").
_INNER = re.compile(r"[.!?]+[\"»“”'’)]*(?:\s+[\"„»«(‚]?[A-ZÄÖÜ0-9]|[A-ZÄÖÜ][a-zäöüß])")
# Two more unambiguous cases, found by SoMaJo's own rules (its sentence splitter ends a sentence only
# after a token that is all final punctuation, or an end-of-sentence abbreviation, before a capital):
# - a closing quote or bracket after a plain word, then the punctuation: "«Frankfurter Rundschau». Dabei"
#   (the mark stands alone as a token, and so does the punctuation after it);
# - a day number before a month name: "am 16. Oktober" (SoMaJo's ordinal rule keeps "16." one token,
#   which is never sentence-final), so such a candidate leaves the piece one sentence.
_SAFE_QUOTED = re.compile(r"[a-zäöüß]{3}[»«“”\")]([.!?]+)(?=\s+[\"„»«(‚]?[A-ZÄÖÜ])")
_WORD_OPENERS = frozenset(" \t\n\r\f\v«»„“\"(‚")
_ORDINAL_MONTH = re.compile(r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November"
                            r"|Dezember)\b")


@cache
def _tokenizer() -> SoMaJo:
    tok = SoMaJo("de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True)
    _skip_emoji_scan_without_emoji(tok)
    return tok


# Any character SoMaJo's emoji pass could split off (the union of the classes it tests per grapheme).
_EMOJI_CHAR = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _skip_emoji_scan_without_emoji(tok: SoMaJo) -> None:
    """SoMaJo's emoji pass (``Tokenizer._split_emojis``) runs a regex search per grapheme of every
    token, a third of its time on news text. A token with no emoji character at all gets no
    boundary from it, so this instance skips the per-grapheme loop for such tokens and hands the
    same empty boundary list on; any token with such a character takes the original path."""
    inner = getattr(tok, "_tokenizer", None)
    original = getattr(inner, "_split_emojis", None)
    split_on = getattr(inner, "_split_on_boundaries", None)
    if original is None or split_on is None:
        return  # another SoMaJo version: leave it as it is

    def split_emojis(node, token_class: str = "emoticon") -> None:
        if _EMOJI_CHAR.search(node.value.text) is None:
            split_on(node, [], token_class)
        else:
            original(node, token_class)

    inner._split_emojis = split_emojis


@cache
def _abbreviations() -> frozenset[str]:
    lines = _ABBREV_FILE.read_text(encoding="utf-8").splitlines()
    return frozenset(ln.strip() for ln in lines if ln.strip() and not ln.startswith("#"))


def _word_before(line: str, end: int) -> re.Match[str] | None:
    """``_WORD_BEFORE.search(line, 0, end)``: the word ending at ``end``. Searched in a window
    first (a search from the line's start tries every position before it); only a word that
    fills the whole window needs the full search."""
    lo = max(0, end - 48)
    w = _WORD_BEFORE.search(line, lo, end)
    if w is not None and w.start() == lo and lo > 0:
        w = _WORD_BEFORE.search(line, 0, end)
    return w


def _safe_pieces(line: str, shortcuts: bool = True) -> list[tuple[int, int]]:
    """Cut a line at unambiguous sentence boundaries; (start, end) pieces, stripped."""
    abbrev = _abbreviations()
    cuts = [0]
    for m in _SAFE.finditer(line):
        w = _word_before(line, m.start())
        if w and w.group(1).lower() in abbrev:
            continue
        cuts.append(m.end())
    if shortcuts and ("»" in line or "«" in line or "“" in line or "”" in line or '"' in line or ")" in line):
        quoted = [m.end() for m in _SAFE_QUOTED.finditer(line) if _plain_word_before(line, m.start(1) - 1)]
        if quoted:
            cuts = sorted(cuts + quoted)
    cuts.append(len(line))
    pieces = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg = line[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            pieces.append((a + lead, b - trail))
    return pieces


def _somajo(piece: str) -> list[tuple[int, int]]:
    return [(s[0].character_offset[0], s[-1].character_offset[1])
            for s in _tokenizer().tokenize_text([piece]) if s]


def _plain_word_before(line: str, end: int) -> bool:
    """The text before ``end`` is a word of letters only, at the line's start or after a space or an
    opening mark (so no URL, number or abbreviation with inner dots ends there)."""
    w = _word_before(line, end)
    if w is None or not w.group(1).isalpha():
        return False
    return w.start() == 0 or line[w.start() - 1] in _WORD_OPENERS


def _ordinal_date(piece: str, m: re.Match[str]) -> bool:
    """The candidate ``m`` of ``_INNER`` is the period of a day number before a month name ("am 16. Mai")."""
    s = m.start()
    if not m.group().startswith(". ") or not _ORDINAL_MONTH.match(piece, s + 2):
        return False
    if s >= 1 and piece[s - 1].isdigit() and piece[s - 1].isascii():
        k = s - 1 if s < 2 or not (piece[s - 2].isdigit() and piece[s - 2].isascii()) else s - 2
        return k == 0 or piece[k - 1] in " \t"
    return False


def _needs_somajo(piece: str, shortcuts: bool = True) -> bool:
    if not shortcuts:
        return bool(_INNER.search(piece))
    return any(not _ordinal_date(piece, m) for m in _INNER.finditer(piece))


def split_line(line: str, *, exact: bool = False, shortcuts: bool = True) -> list[tuple[int, int]]:
    """Sentence spans of one line. ``exact=True`` runs SoMaJo on the whole line (the reference);
    ``shortcuts=False`` leaves out the quoted-word and day-number shortcuts (for checking them)."""
    if exact:
        return _somajo(line)
    out: list[tuple[int, int]] = []
    for a, b in _safe_pieces(line, shortcuts):
        piece = line[a:b]
        if _needs_somajo(piece, shortcuts):
            out.extend((a + s, a + e) for s, e in _somajo(piece))
        else:
            out.append((a, b))
    return out


def sentences(text: str, spans: list[tuple[int, int]], *, exact: bool = False) -> tuple[Sentence, ...]:
    """Split each kept span into sentences; offsets index ``text``."""
    out: list[Sentence] = []
    for base, end in spans:
        for s, e in split_line(text[base:end], exact=exact):
            out.append(Sentence(len(out), base + s, base + e, text[base + s:base + e]))
    return tuple(out)
