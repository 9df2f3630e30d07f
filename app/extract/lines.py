"""Line breaks inside a sentence read as spaces.

A hard-wrapped paragraph (``app/ingest/wrap.py``) keeps its line breaks in the original text, so a
sentence can hold "Li⏎Hongzhong" or "vom 12. bis 17.⏎September". Extraction matches names, phrases
and time expressions with spaces in mind; it reads such a document through a copy in which every
line break, carriage return or tab *inside a sentence* is a space. The copy has the same length, so
every offset (and every quote taken from the original text) stays valid; line breaks between
sentences (paragraphs, headlines) are kept. A document without such breaks is returned as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace

from .model import Document, Sentence

_BREAK = re.compile(r"[\r\n\t]")


def one_line_sentences(doc: Document) -> Document:
    """``doc`` with line breaks inside its sentences read as spaces (same offsets)."""
    if not any(_BREAK.search(s.text) for s in doc.sentences):
        return doc
    chars = list(doc.text)
    sentences = []
    for s in doc.sentences:
        if _BREAK.search(s.text):
            flat = _BREAK.sub(" ", s.text)
            chars[s.start:s.end] = flat
            s = Sentence(s.index, s.start, s.end, flat)
        sentences.append(s)
    return replace(doc, text="".join(chars), sentences=tuple(sentences))
