"""Article text with cited passages and boilerplate marked up — as well-formed, escaped HTML.

Why in Python: citations may nest or cross, and HTML elements may only nest. We walk the text's
span boundaries with a stack of open elements; when a span ends while an element opened after it is
still open, that inner element is closed and re-opened right after (a *continuation*, without the
``id``). So:

* every citation gets exactly one ``<mark id="cite-N">`` (the anchor ``/articles/A#cite-N`` links to),
  holding the whole quote unless another citation *crosses* it; all pieces carry ``data-cite="N"``
  and together are exactly ``text[start:end]``;
* boilerplate (``report.dropped``) becomes ``<span class="dropped" id="drop-K">``;
* time expressions (``report.timexes``, as the loader's tagger read them) become
  ``<span class="timex" id="tx-K">`` with their TIMEX3 type and value in ``data-`` attributes and the
  title;
* every piece of article text passes through ``markupsafe.escape``; attributes are integers or
  escaped strings. Nothing from the article reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape


@dataclass(frozen=True)
class _Span:
    kind: str  # "cite" | "drop" | "timex"
    key: int  # citation id, or index into report.dropped / report.timexes
    start: int
    end: int
    title: str
    event_id: int | None = None
    data: str = ""  # extra attributes, already escaped


def _open_tag(s: _Span, first: bool, depth: int) -> str:
    if s.kind == "cite":
        classes = "cite" + ("" if first else " cite-cont") + (" cite-nested" if depth else "")
        ident = f' id="cite-{s.key}"' if first else ""
        event = f' data-event="{s.event_id}"' if s.event_id is not None else ""
        return f'<mark{ident} class="{classes}" data-cite="{s.key}"{event} title="{escape(s.title)}">'
    if s.kind == "timex":
        ident = f' id="tx-{s.key}"' if first else ""
        return f'<span{ident} class="timex"{s.data} title="{escape(s.title)}">'
    ident = f' id="drop-{s.key}"' if first else ""
    return f'<span{ident} class="dropped" title="{escape(s.title)}">'


def _close_tag(s: _Span) -> str:
    return "</mark>" if s.kind == "cite" else "</span>"


def timex_title(t: dict[str, Any]) -> str:
    """A time expression's tooltip: "DATE 2024-06-19 · relativ zu 2024-06-20", "… bis 2024-06-21"."""
    bits = [f"{t.get('type') or ''} {t.get('value') or 'ohne Wert'}".strip()]
    if t.get("mod"):
        bits.append(str(t["mod"]))
    if t.get("last"):  # a range: "vom 12. bis 17. September"
        bits.append(f"bis {t['last']}")
    if t.get("basis") == "relative_to_dct" and t.get("anchor"):
        bits.append(f"aufgelöst gegen {t['anchor']}")
    return "Zeitausdruck: " + " · ".join(bits)


def _bounds(item: dict[str, Any], n: int) -> tuple[int, int] | None:
    """A report entry's (start, end) clamped to the text, or None when it is unreadable or empty
    (the ingest report is JSON from the database: read it defensively)."""
    try:
        s, e = max(0, int(item["start"])), min(n, int(item["end"]))
    except (KeyError, TypeError, ValueError):
        return None
    return (s, e) if s < e else None


def highlight(text: str, citations: list[dict[str, Any]], dropped: list[dict[str, Any]] | None = None,
              timexes: list[dict[str, Any]] | None = None) -> Markup:
    """``text`` as HTML with ``citations`` ({id,start,end,event_id?,event_headline?}) as ``<mark>``,
    ``dropped`` ({start,end,reason}) as greyed spans and ``timexes`` ({start,end,type,value,…}) as
    underlined spans. Invalid offsets are clamped/ignored."""
    n = len(text)
    spans: list[_Span] = []
    for c in citations:
        s, e = max(0, int(c["start"])), min(n, int(c["end"]))
        if s < e:
            title = f"Beleg für: {c.get('event_headline') or ''}".strip()
            spans.append(_Span("cite", int(c["id"]), s, e, title, c.get("event_id")))
    for i, d in enumerate(dropped or []):
        if b := _bounds(d, n):
            spans.append(_Span("drop", i, *b, f"Ausgeblendet: {d.get('reason', '')}"))
    for i, t in enumerate(timexes or []):
        if b := _bounds(t, n):
            data = f' data-type="{escape(t.get("type") or "")}" data-value="{escape(t.get("value") or "")}"'
            spans.append(_Span("timex", i, *b, timex_title(t), data=data))

    starts: dict[int, list[_Span]] = {}
    for sp in spans:
        starts.setdefault(sp.start, []).append(sp)
    bounds = sorted({0, n} | {sp.start for sp in spans} | {sp.end for sp in spans})

    out: list[str] = []
    stack: list[_Span] = []
    opened: set[tuple[str, int]] = set()
    for i, pos in enumerate(bounds):
        # 1. close everything that ends here (and whatever was opened inside it; re-open those).
        reopen: list[_Span] = []
        if any(sp.end == pos for sp in stack):
            while any(sp.end == pos for sp in stack):
                top = stack.pop()
                out.append(_close_tag(top))
                if top.end != pos:
                    reopen.append(top)
        # 2. open continuations and new spans, outermost (latest end) first.
        to_open = reopen + starts.get(pos, [])
        to_open.sort(key=lambda sp: (-sp.end, sp.kind != "drop", sp.kind == "timex", sp.start, sp.key))
        for sp in to_open:
            first = (sp.kind, sp.key) not in opened
            opened.add((sp.kind, sp.key))
            depth = sum(1 for x in stack if x.kind == "cite") if sp.kind == "cite" else 0
            out.append(_open_tag(sp, first, depth))
            stack.append(sp)
        # 3. the text up to the next boundary.
        if i + 1 < len(bounds):
            out.append(str(escape(text[pos : bounds[i + 1]])))
    while stack:  # only spans ending at n remain, and those were closed above
        out.append(_close_tag(stack.pop()))
    return Markup("".join(out))
