"""Logical lines: a hard-wrapped paragraph read as one line, everything else line by line.

Why: ingest works line by line (boilerplate rules, kept spans, sentence splitting), because in the
articles we get a paragraph is one line and captions, headings and share bars stand on lines of
their own. Text wrapped at a fixed width (mail and agency feeds, copies from terminals) breaks that:
every line end would cut a sentence ("vom 12. bis 17.⏎September 2023"), and a wrapped line without
a full stop looks like a heading. Such a paragraph is joined into one logical line; offsets stay
those of the original text (the line breaks stay inside the line and count as spaces downstream).

Heuristic. Within a block of non-blank lines, the break after line k is a *wrap* when
- the block is as wide as wrapped text is (its longest line has ``MIN_WIDTH`` … ``MAX_WIDTH``
  characters), and
- the next line's first word would not have fitted on line k: ``len(line k) + 1 + len(first word)``
  exceeds the block's longest line (greedy wrapping puts a word on the next line only then).
A block's wraps are joined only if at least one of them falls mid-sentence (line k ends without
sentence punctuation), which ordinary one-paragraph-per-line text never shows at full width. A
block's longest line always looks full, so a block with a single wrap (a two-line paragraph, or a
list of headlines) is joined only in a document that is wrapped beyond doubt elsewhere (a block
with two wraps or more), and only where the next word would not have fitted at that width.

False-positive policy: joining is conservative. Lines longer than ``MAX_WIDTH`` (the usual one
paragraph per line), short lines (captions, share bars, lists of short headlines, whose next item
usually would have fitted) and blocks without a mid-sentence break stay as they are; a missed join
only leaves today's line-by-line reading.
"""

from __future__ import annotations

from collections.abc import Iterator

MIN_WIDTH = 40  # narrower blocks are lists, captions, furniture
MAX_WIDTH = 100  # wider lines are paragraphs written on one line
_END = ".!?:;\"'“”„«»)]…"


def physical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, line without its line break) for every line of ``text``."""
    pos = 0
    for line in text.splitlines(keepends=True):
        yield pos, line.rstrip("\r\n")
        pos += len(line)


def logical_lines(text: str) -> Iterator[tuple[int, str]]:
    """(offset, text) of every logical line: hard-wrapped paragraphs joined (see the module)."""
    items: list[tuple[int, str] | list[tuple[int, str]]] = []  # blank lines and blocks, in order
    block: list[tuple[int, str]] = []
    for start, line in physical_lines(text):
        if line.strip():
            block.append((start, line))
            continue
        if block:
            items.append(block)
            block = []
        items.append((start, line))
    if block:
        items.append(block)
    blocks = [b for b in items if isinstance(b, list)]
    widths = [w for b in blocks if (w := _strong_width(b))]
    for item in items:
        if isinstance(item, tuple):
            yield item
        else:
            yield from _unwrap(text, item, max(widths) if widths else None)


Pair = tuple[tuple[int, str], tuple[int, str]]


def _breaks(block: list[tuple[int, str]]) -> tuple[int, list[Pair], list[bool], list[bool]]:
    """The block's width, its pairs of neighbouring lines, which breaks are wraps, and which of
    those fall mid-sentence."""
    width = max(len(line.rstrip()) for _, line in block)
    pairs = list(zip(block, block[1:], strict=False))
    wraps = [MIN_WIDTH <= width <= MAX_WIDTH and _fits_no_more(a, b, width) for (_, a), (_, b) in pairs]
    mid = [w and a.rstrip()[-1:] not in _END for w, ((_, a), _b) in zip(wraps, pairs, strict=True)]
    return width, pairs, wraps, mid


def _strong_width(block: list[tuple[int, str]]) -> int | None:
    """The width of a block that is wrapped beyond doubt: two wraps or more, one mid-sentence."""
    if len(block) < 3:
        return None
    width, _pairs, wraps, mid = _breaks(block)
    return width if sum(wraps) >= 2 and any(mid) else None


def _unwrap(text: str, block: list[tuple[int, str]], doc_width: int | None) -> Iterator[tuple[int, str]]:
    """The block's logical lines. A block with a single wrap (its longest line always looks full, as
    in a list of headlines) is joined only where that wrap holds at the document's wrapping width."""
    if len(block) < 2:
        yield from block
        return
    width, pairs, wraps, mid = _breaks(block)
    if sum(wraps) < 2:
        wraps = [w and doc_width is not None and width <= doc_width and _fits_no_more(a, b, doc_width)
                 for w, ((_, a), (_, b)) in zip(wraps, pairs, strict=True)]
        mid = [m and w for m, w in zip(mid, wraps, strict=True)]
    if not any(mid):
        yield from block
        return
    first = last = block[0]
    for wrapped, (_a, nxt) in zip(wraps, pairs, strict=True):
        if not wrapped:
            yield first[0], text[first[0]:last[0] + len(last[1])]
            first = nxt
        last = nxt
    yield first[0], text[first[0]:last[0] + len(last[1])]


def _fits_no_more(line: str, nxt: str, width: int) -> bool:
    """Whether greedy wrapping at ``width`` would have moved ``nxt``'s first word to a new line."""
    words = nxt.split()
    return bool(words) and len(line.rstrip()) + 1 + len(words[0]) > width
