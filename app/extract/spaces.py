"""Line breaks and typographic spaces inside a sentence read as plain spaces.

A hard-wrapped paragraph (``app/ingest/wrap.py``) keeps its line breaks in the original text, and web
copy is full of no-break and thin spaces ("Kim Jong⍽Un", "18.⍽Juni", "50⍽000"). Extraction matches
names, phrases and time expressions with plain spaces in mind, so it reads a document through a copy
in which every such character *inside a sentence* is a space. Each is one character, so the copy has
the same length: every offset (and every quote taken from the original text) stays valid. Line
breaks between sentences (paragraphs, headlines) are kept. A document without such characters is
returned as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Sentence

# line breaks and tabs; no-break, figure, thin, narrow no-break and the other fixed-width spaces
_SPACE_LIKE = re.compile("[\r\n\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")


def plain_spaces(doc: Document) -> Document:
    """``doc`` with line breaks and typographic spaces inside its sentences read as spaces (same offsets)."""
    if not any(_SPACE_LIKE.search(s.text) for s in doc.sentences):
        return doc
    chars = list(doc.text)
    sentences = []
    for s in doc.sentences:
        if _SPACE_LIKE.search(s.text):
            flat = _SPACE_LIKE.sub(" ", s.text)
            chars[s.start:s.end] = flat
            s = Sentence(s.index, s.start, s.end, flat)
        sentences.append(s)
    return replace(doc, text="".join(chars), sentences=tuple(sentences))
