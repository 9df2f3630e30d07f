"""Sentences with offsets into the original text, from SoMaJo.

SoMaJo (Proisl & Uhrig) is a rule-based tokenizer and sentence splitter for German web and news
text; with ``character_offsets=True`` it reports each token's span, so sentence offsets are exact.
Each kept span (one line of the article, outside boilerplate) is segmented on its own: a line break
is always a boundary, which suits titles, bullet points and captions that carry no final period.
"""

from __future__ import annotations

from functools import cache

from somajo import SoMaJo

from app.extract.model import Sentence


@cache
def _tokenizer() -> SoMaJo:
    return SoMaJo("de_CMC", split_camel_case=True, split_sentences=True, character_offsets=True)


def sentences(text: str, spans: list[tuple[int, int]]) -> tuple[Sentence, ...]:
    """Split each kept span into sentences; offsets index ``text``."""
    out: list[Sentence] = []
    tok = _tokenizer()
    paragraphs = [text[s:e] for s, e in spans]
    for (base, _), sents in zip(spans, _by_paragraph(tok, paragraphs), strict=True):
        for sent in sents:
            start = base + sent[0].character_offset[0]
            end = base + sent[-1].character_offset[1]
            out.append(Sentence(len(out), start, end, text[start:end]))
    return tuple(out)


def _by_paragraph(tok: SoMaJo, paragraphs: list[str]):
    # tokenize_text treats each list item as a paragraph; sentences never cross items.
    for para in paragraphs:
        yield list(tok.tokenize_text([para]))
