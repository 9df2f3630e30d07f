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

#: Tabs and the typographic spaces (no-break, en/em, figure, thin, hair, narrow no-break, ideographic):
#: each reads as a plain space, here and in the boilerplate rules (``app/ingest/clean.py``).
TYPOGRAPHIC_SPACES = "\t\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"
_SPACE_LIKE = re.compile(f"[\r\n{TYPOGRAPHIC_SPACES}]")  # and line breaks inside a sentence


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
