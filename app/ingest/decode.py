"""Bytes → text, with the encoding recorded.

Order of trust: a byte-order mark (UTF-8, UTF-16 LE/BE, UTF-32) wins; then strict UTF-8; then,
only if the bytes look like text, a legacy 8-bit code page. cp1252 is preferred to latin-1 because
German news exported on Windows uses its typographic quotes and dashes (0x80–0x9F); latin-1 is the
fallback for bytes cp1252 leaves undefined. Empty files and binary files (NUL bytes, or a high share
of control characters) are rejected rather than decoded into garbage.
"""

from __future__ import annotations

import codecs
import re

from .errors import IngestError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


# Control characters: C0 (below 0x20) except \t \n \v \f \r, and DEL + C1 (0x7F-0x9F).
_CONTROL_BAD = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    if _CONTROL_BAD.search(text) is None:
        return 0.0  # the common case, without counting character by character
    return len(_CONTROL_BAD.findall(text)) / len(text)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raise IngestError for empty or binary input."""
    if not data or not data.strip():
        raise IngestError("empty file")
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(name.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {name} after byte-order mark: {exc.reason}") from exc
            if not text.strip():
                raise IngestError("empty file")
            return text, name
    if b"\x00" in data:
        raise IngestError("binary file (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            encoding = "latin-1"
    if _control_share(text) > 0.05:
        raise IngestError("binary file (too many control characters)")
    return text, encoding
