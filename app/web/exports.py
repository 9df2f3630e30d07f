"""Exports of exactly the current selection: CSV, Knight Lab TimelineJS JSON, PLOVER-style JSONL.

The URL is the state: every export takes the timeline's filter parameters through the same
dependency (``app.web.params.FilterDep``), so ``/export.csv?country=PRK&type=visit`` holds the events
``/?country=PRK&type=visit`` shows — all of them, not one page, in the same order.

Each record is one real event (``app/store/merge.py``) with everything its reports say: the actors
and countries of all of them, every citation, every claim, the status derived from their stances,
the number of independent sources and their outlets, and the ids of the merged reports
(``report_ids``; the CLI's ``timeline export`` lists the reports one by one instead).

CSV (``/export.csv``)
    One row per event, ``csv`` module quoting (RFC 4180), UTF-8 **with BOM** — the audience opens it
    in Excel, which reads BOM-less UTF-8 as cp1252 and breaks every umlaut; Python (``utf-8-sig``),
    pandas and R skip the BOM. ``sep=semicolon`` gives ``;`` for German Excel. Text cells that start
    with ``= + - @`` or a tab/CR get a leading apostrophe (spreadsheet formula injection: headlines
    and quotes come from untrusted articles); the JSON exports keep every string exact.

Citations CSV (``/export/citations.csv``)
    One row per citation (every report's passage, stance, claims, date expression, outlet, offsets,
    quote and links), same quoting, BOM and formula guard: every report of a merged event can be
    checked from a spreadsheet.

TimelineJS (``/export/timelinejs.json``)
    ``{"title": {...}, "events": [slide]}``. Dates keep their precision: a day → year/month/day; a
    week → its first and last day; a month → year/month, no day; season/quarter/half → start and
    end month; a year → year only; decade/century → first and last year. ``display_date`` is German
    ("Juni 2024", "Sommer 2024"). TimelineJS renders ``headline`` and ``text`` as HTML, so both are
    HTML-escaped here. ``group`` is the German type label, ``unique_id`` ``event-<id>``. Undated events
    cannot be placed on a TimelineJS time line; they are left out and counted in the title slide.

PLOVER (``/export/plover.jsonl``)
    One JSON object per line, field names from the PLOVER manual (v0.7b1, "JSON Data Fields"):
    ``id, date, enddate, actor/source, recipient, event, mode, context, quad_code, event_scale,
    event_text, text_info, cite_info, comment`` plus our own keys (``timex3``, ``status``, ``claims``,
    ``source_count``, ``sources``, ``reports``, ``headline``, ``type``, ``citations``, ``url``), which
    PLOVER explicitly allows. Undated events are included with
    ``date: null`` (the selection is exported exactly; filter them out if your tool needs a date).

    Event type mapping (our type → PLOVER ``event`` / ``mode`` / ``context``)::

        visit                 CONSULT   mode visit   (PLOVER: visitor = source, host = recipient)
        meeting, talks        CONSULT   –            context diplomatic
        call                  CONSULT   mode phone
        agreement             SUPPORT   –            signed/finalised agreements (PLOVER SUPPORT)
                              AGREE     –            when planned/speculative: a promise to sign
        arms_transfer         AID       mode military, context military
        troop_deployment      AID       mode military, context military — PLOVER's AID covers
                              "military … assistance including arms and personnel"; MOBILIZE is
                              force posture short of use, not sending troops to an ally's war
        military_cooperation  COOPERATE context military (joint, mutual: PLOVER COOPERATE)
        economic_cooperation  COOPERATE context economic
        statement             OTHER     – PLOVER dropped CAMEO 01 "make public statement"
        accusation            ACCUSE
        denial                REJECT    – denial of an allegation (CAMEO 016, dropped in PLOVER)
        sanction              SANCTION
        attack                ASSAULT   context military
        other                 OTHER

    ``OTHER`` is not a PLOVER category; it marks records PLOVER would not code, so nothing in the
    selection silently disappears. Status becomes PLOVER context where PLOVER has one: planned →
    ``future``, speculative → ``hypothetical``, denied → ``negation``; alleged stays in ``status``.

    Actors: PLOVER actors are ISO 3166 alpha-3 codes. Actors in the ``source`` role and countries in
    the ``source`` role give ``actor``; actors in the ``target`` role give ``recipient`` (each actor
    as its home country's code, with the name in ``actor_text``/``identifier_text``). Without any
    direction every involved country is a source and there is no recipient (PLOVER's rule for
    undirected CONSULT/ASSAULT); ``direction`` says which case applies. The manual calls the first
    side ``source``; POLECAT calls it ``actor``: both keys carry the same list.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from markupsafe import escape

from app import labels
from app.store import entities_q
from app.web.params import FilterDep, SessionDep
from app.web.templating import http_url

router = APIRouter(tags=["Export"])

CODER = "rk-timeline 0.1.0"
CODEBOOK = "plover-0.7b1 (abgebildet aus den Ereignistypen der Zeitleiste)"

#: our type → (PLOVER event, mode, contexts)
PLOVER_TYPES: dict[str, tuple[str, str | None, tuple[str, ...]]] = {
    "visit": ("CONSULT", "visit", ("diplomatic",)),
    "meeting": ("CONSULT", None, ("diplomatic",)),
    "talks": ("CONSULT", None, ("diplomatic",)),
    "call": ("CONSULT", "phone", ("diplomatic",)),
    "agreement": ("SUPPORT", None, ("diplomatic",)),
    "arms_transfer": ("AID", "military", ("military",)),
    "troop_deployment": ("AID", "military", ("military",)),
    "military_cooperation": ("COOPERATE", None, ("military",)),
    "economic_cooperation": ("COOPERATE", None, ("economic",)),
    "statement": ("OTHER", None, ()),
    "accusation": ("ACCUSE", None, ()),
    "denial": ("REJECT", None, ()),
    "sanction": ("SANCTION", None, ()),
    "attack": ("ASSAULT", None, ("military",)),
    "other": ("OTHER", None, ()),
}
#: PLOVER quad categories: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
QUAD: dict[str, int] = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1,
    "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "DEMAND": 3, "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
#: The manual's "Schrodt scores" (conflict–cooperation scale per category).
SCALE: dict[str, float] = {
    "ASSAULT": -9.3, "COERCE": -7.2, "PROTEST": -6.6, "MOBILIZE": -5.3, "SANCTION": -5.2, "THREATEN": -5.1,
    "DEMAND": -5.0, "REJECT": -4.2, "ACCUSE": -2.0, "CONSULT": 2.1, "AGREE": 4.2, "SUPPORT": 4.6,
    "CONCEDE": 5.0, "COOPERATE": 6.8, "AID": 7.4, "RETREAT": 7.6,
}
STATUS_CONTEXT = {"planned": "future", "speculative": "hypothetical", "denied": "negation"}

CSV_COLUMNS = [
    "id", "date_value", "date_start", "date_end", "date_precision", "date_expression", "date_basis",
    "date_label", "type", "type_label", "status", "status_label", "headline", "actors", "countries",
    "claims", "citation_count", "source_file", "source_start", "source_end", "source_quote",
    "source_outlet", "source_url", "event_url",
    # appended (the columns above keep their place): the merged event's reports and sources
    "date_anchor", "country_roles", "source_count", "sources", "report_count", "report_ids",
]
_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def _base(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _filename(stem: str, ext: str) -> str:
    return f'attachment; filename="{stem}-{date.today().isoformat()}.{ext}"'


# ---------------------------------------------------------------------------- CSV


def _cell(value: Any) -> Any:
    """Neutralise spreadsheet formulas in text cells (OWASP: prefix an apostrophe)."""
    if isinstance(value, str) and value.startswith(_FORMULA):
        return "'" + value
    return value


def _claims_text(claims: Iterable[dict[str, Any]]) -> str:
    out = []
    for c in claims:
        holders = ", ".join(c.get("holders") or ["ungenannt"])
        cue = f" („{c['cue']}“)" if c.get("cue") else ""
        out.append(f"{labels.stance_label(c.get('stance'))}: {holders}{cue}")
    return " | ".join(out)


def status_of(e: dict[str, Any]) -> str:
    """A real event's status: derived from all its reports' stances (the first report's own
    status when it was exported without its group)."""
    return (e.get("group") or {}).get("status") or e["status"]


def claims_of(e: dict[str, Any]) -> list[dict[str, Any]]:
    """Every distinct claim of the event's reports ("vermutet: USA", "bestritten: Russland")."""
    group = e.get("group") or {}
    return list(group["claims"]) if "claims" in group else list(e.get("claims") or [])


def report_ids(e: dict[str, Any]) -> list[int]:
    """The ids of the reports merged into the event, the event's own first."""
    return list(dict.fromkeys([e["id"], *(c.get("mention_id", e["id"]) for c in e["citations"])]))


def csv_rows(events: list[dict[str, Any]], base: str) -> Iterable[list[Any]]:
    for e in events:
        d = e["date"]
        c = e["citations"][0] if e["citations"] else {}
        group = e.get("group") or {}
        status = status_of(e)
        reports = report_ids(e)
        yield [
            e["id"], d.get("value") or "", d.get("start") or "", d.get("end") or "", d.get("precision") or "",
            d.get("expression") or "", d.get("basis") or "", (e.get("labels") or {}).get("date") or "ohne Datum",
            e["type"], labels.type_label(e["type"]), status, labels.status_label(status), e["headline"],
            "; ".join(f"{a['name']} ({a['role']})" for a in e["actors"]),
            "; ".join(x["code"] for x in e["countries"]),
            _claims_text(claims_of(e)),
            len(e["citations"]),
            c.get("source", ""), c.get("start", ""), c.get("end", ""), c.get("quote", ""), c.get("outlet") or "",
            base + c["url"] if c else "",
            base + e["url"],
            d.get("anchor") or "",
            "; ".join(f"{x['code']} ({x['role']})" for x in e["countries"]),
            group.get("source_count") or 1,
            "; ".join(group.get("sources") or []),
            len(reports),
            " ".join(str(i) for i in reports),
        ]


def _write_csv(columns: list[str], rows: Iterable[list[Any]], delimiter: str) -> str:
    """RFC 4180 text with a header row, every text cell formula-guarded (``_cell``)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    w.writerow(columns)
    for row in rows:
        w.writerow([_cell(v) for v in row])
    return buf.getvalue()


def _csv_response(text: str, stem: str) -> Response:
    """UTF-8 with BOM (Excel), as an attachment."""
    return Response(("\ufeff" + text).encode("utf-8"), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": _filename(stem, "csv")})


def to_csv(events: list[dict[str, Any]], base: str, delimiter: str = ",") -> str:
    return _write_csv(CSV_COLUMNS, csv_rows(events, base), delimiter)


SepQ = Annotated[Literal["comma", "semicolon"], Query(description="Trennzeichen: comma (,) oder semicolon (;)")]


@router.get("/export.csv", summary="Auswahl als CSV (eine Zeile je Ereignis)", response_class=Response,
            responses={200: {"content": {"text/csv": {}}}})
def export_csv(request: Request, session: SessionDep, flt: FilterDep, sep: SepQ = "comma") -> Response:
    events = entities_q.selected_events(session, flt)
    return _csv_response(to_csv(events, _base(request), ";" if sep == "semicolon" else ","), "zeitleiste")


CITATION_COLUMNS = [
    "event_id", "report_id", "event_headline", "event_type", "event_status", "stance", "claims", "date_value",
    "date_expression", "outlet", "article_title", "source_file", "source_start", "source_end", "source_quote",
    "source_url", "article_url",
]


def citation_rows(events: list[dict[str, Any]], base: str, urls: dict[int, str | None]) -> Iterable[list[Any]]:
    """One row per citation of every event: each report's passage with its own stance, so every
    report of a merged event can be checked (the event CSV carries only the first)."""
    for e in events:
        status = status_of(e)
        for c in e["citations"]:
            yield [
                e["id"], c.get("mention_id", e["id"]), e["headline"], e["type"], status, c.get("stance") or status,
                _claims_text(c.get("claims") or []), e["date"].get("value") or "", c.get("date_expression") or "",
                c.get("outlet") or "", c.get("article_title") or "", c["source"], c["start"], c["end"], c["quote"],
                base + c["url"], http_url(urls.get(c["article_id"])) or "",
            ]


@router.get("/export/citations.csv", summary="Alle Belege der Auswahl als CSV (eine Zeile je Beleg)",
            response_class=Response, responses={200: {"content": {"text/csv": {}}}})
def export_citations_csv(request: Request, session: SessionDep, flt: FilterDep, sep: SepQ = "comma") -> Response:
    events = entities_q.selected_events(session, flt)
    urls = entities_q.article_urls(session, {c["article_id"] for e in events for c in e["citations"]})
    rows = citation_rows(events, _base(request), urls)
    return _csv_response(_write_csv(CITATION_COLUMNS, rows, ";" if sep == "semicolon" else ","), "zeitleiste-belege")


# ---------------------------------------------------------------------------- TimelineJS


def _tl_date(d: date, parts: tuple[str, ...], display: str | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {"year": d.year}
    if "month" in parts:
        out["month"] = d.month
    if "day" in parts:
        out["day"] = d.day
    if display:
        out["display_date"] = display
    return out


def timeline_dates(d: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any] | None, str] | None:
    """TimelineJS start_date, end_date (or None) and German display date, at the event's precision.
    Periods (week, season, quarter, half, decade, century) and ranges ("vom 12. bis 17. September")
    get an end_date; a single day, month or year does not."""
    if not d.get("start"):
        return None
    first, last = date.fromisoformat(d["start"]), date.fromisoformat(d["end"] or d["start"])
    precision = d.get("precision") or "day"
    shown = labels.format_value(d.get("value"), first, precision, last)
    if precision in ("day", "week"):
        parts: tuple[str, ...] = ("month", "day")
        ranged = precision == "week" or last > first
    elif precision in ("month", "season", "quarter", "half"):
        parts = ("month",)
        ranged = precision != "month" or (last.year, last.month) != (first.year, first.month)
    else:  # year, decade, century
        parts = ()
        ranged = precision != "year" or last.year != first.year
    return _tl_date(first, parts, shown), _tl_date(last, parts, shown) if ranged else None, shown


def _slide_text(e: dict[str, Any], base: str) -> str:
    """The slide body as escaped HTML: status, who, every quote with a link to its passage."""
    h = escape
    bits = [f"<p><strong>{h(labels.type_label(e['type']))}</strong> · {h(labels.status_label(status_of(e)))}"]
    if e["actors"]:
        bits.append(" · " + ", ".join(str(h(a["name"])) for a in e["actors"]))
    if e["countries"]:
        bits.append(" · " + ", ".join(str(h(c["name"])) for c in e["countries"]))
    bits.append("</p>")
    for c in e["citations"]:
        src = c.get("outlet") or c.get("article_title") or c["source"]
        bits.append(
            f"<blockquote>„{h(c['quote'])}“</blockquote>"
            f"<p>— {h(src)}, <a href=\"{h(base + c['url'])}\">Textstelle im Artikel</a></p>"
        )
    bits.append(f"<p><a href=\"{h(base + e['url'])}\">Ereignis {e['id']} in der Zeitleiste</a></p>")
    return "".join(str(b) for b in bits)


def to_timelinejs(events: list[dict[str, Any]], base: str, description: str) -> dict[str, Any]:
    slides = []
    undated = 0
    for e in events:
        dates = timeline_dates(e["date"])
        if dates is None:
            undated += 1
            continue
        start, end, shown = dates
        slide: dict[str, Any] = {
            "start_date": start,
            "text": {"headline": str(escape(e["headline"])), "text": _slide_text(e, base)},
            "group": labels.type_label(e["type"]),
            "display_date": shown,
            "unique_id": f"event-{e['id']}",
        }
        if end is not None:
            slide["end_date"] = end
        slides.append(slide)
    note = f" Davon ohne Datum und hier nicht enthalten (TimelineJS braucht ein Datum): {undated}." if undated else ""
    return {
        "title": {
            "text": {
                "headline": "Russland–Nordkorea: Zeitleiste",
                "text": f"<p>{escape(description)}.{escape(note)}</p>"
                        f"<p>Jedes Ereignis ist mit Textstellen aus deutschsprachigen Nachrichten belegt.</p>",
            },
            "unique_id": "title",
        },
        "events": slides,
    }


@router.get("/export/timelinejs.json", summary="Auswahl im TimelineJS-Format (Knight Lab)")
def export_timelinejs(request: Request, session: SessionDep, flt: FilterDep) -> Response:
    events = entities_q.selected_events(session, flt)
    names = entities_q.get_countries(session, flt.country)
    body = to_timelinejs(events, _base(request), flt.describe(len(events), names))
    return Response(json.dumps(body, ensure_ascii=False), media_type="application/json",
                    headers={"Content-Disposition": _filename("zeitleiste-timelinejs", "json")})


# ---------------------------------------------------------------------------- PLOVER


def _plover_sides(e: dict[str, Any], homes: dict[int, str | None]) -> tuple[list[dict], list[dict], str]:
    """(actor side, recipient side, direction) as PLOVER actor objects ``{code, actor_text, …}``."""

    def actor_obj(a: dict[str, Any]) -> dict[str, Any]:
        return {"code": homes.get(a["id"]), "actor_text": a["name"], "identifier_text": a["name"],
                "identifier_id": f"rk-actor-{a['id']}"}

    names = {c["code"]: c["name"] for c in e["countries"]}
    # One side per actor: a merged event lists an actor once per role its reports give it ("Putin
    # empfängt Kim" / "Kim trifft Putin"); the first role (its first report's) decides the side.
    firsts: dict[int, dict[str, Any]] = {}
    for a in e["actors"]:
        firsts.setdefault(a["id"], a)
    src = [actor_obj(a) for a in firsts.values() if a["role"] == "source"]
    tgt = [actor_obj(a) for a in firsts.values() if a["role"] == "target"]
    src_codes = {o["code"] for o in src if o["code"]}
    tgt_codes = {o["code"] for o in tgt if o["code"]}
    for c in e["countries"]:  # a source state, unless it is already the recipient's
        if c.get("role") == "source" and c["code"] not in src_codes and c["code"] not in tgt_codes:
            src.append({"code": c["code"], "actor_text": c["name"]})
            src_codes.add(c["code"])
    if src or tgt:
        direction = "roles"
        if not tgt:
            for code, name in names.items():
                if code not in src_codes:
                    tgt.append({"code": code, "actor_text": name})
        return src, tgt, direction
    direction = "undirected"
    return [{"code": code, "actor_text": name} for code, name in names.items() if code not in tgt_codes], [], direction


def to_plover(e: dict[str, Any], homes: dict[int, str | None], base: str) -> dict[str, Any]:
    etype, mode, contexts = PLOVER_TYPES.get(e["type"], ("OTHER", None, ()))
    status = status_of(e)
    if e["type"] == "agreement" and status in ("planned", "speculative"):
        etype = "AGREE"
    context = list(contexts)
    if status in STATUS_CONTEXT:
        context.append(STATUS_CONTEXT[status])
    src, tgt, direction = _plover_sides(e, homes)
    d = e["date"]
    c = e["citations"][0] if e["citations"] else None
    article = f"/articles/{c['article_id']}" if c else f"/articles/{e['article_id']}"
    return {
        "id": f"rkt-{e['id']}",
        "date": d.get("start"),
        "enddate": d.get("end"),
        "actor": src,
        "source": src,
        "recipient": tgt,
        "direction": direction,
        "event": etype,
        "mode": mode,
        "context": context,
        "quad_code": QUAD.get(etype),
        "event_scale": SCALE.get(etype),
        "event_text": [x["quote"] for x in e["citations"]],
        "text_info": {
            "source": c["source"], "start": c["start"], "end": c["end"], "quote": c["quote"],
            "sequence": c.get("sentence_index"),
        } if c else None,
        "cite_info": {
            "publication": c.get("outlet") if c else None,
            "title": c.get("article_title") if c else None,
            "url": (c.get("article_url") if c else None),
            "citation": base + c["url"] if c else None,
            "article_id": c["article_id"] if c else e["article_id"],
            "article_page": base + article,
            "language": "de",
            "coder": CODER,
            "codebook": CODEBOOK,
        },
        "comment": f"Typ {e['type']} ({labels.type_label(e['type'])}), Status {status}",
        "timex3": {k: d.get(k) for k in ("value", "precision", "expression", "basis", "anchor")},
        "status": status,
        "claims": claims_of(e),
        "source_count": (e.get("group") or {}).get("source_count") or 1,
        "sources": list((e.get("group") or {}).get("sources") or []),
        "reports": report_ids(e),
        "headline": e["headline"],
        "type": e["type"],
        "citations": [{k: x[k] for k in ("source", "start", "end", "quote")}
                      | {"stance": x.get("stance") or status, "outlet": x.get("outlet")} for x in e["citations"]],
        "url": base + e["url"],
    }


@router.get("/export/plover.jsonl", summary="Auswahl als PLOVER-artiges JSONL (eine Zeile je Ereignis)",
            response_class=Response, responses={200: {"content": {"application/x-ndjson": {}}}})
def export_plover(request: Request, session: SessionDep, flt: FilterDep) -> Response:
    events = entities_q.selected_events(session, flt)
    homes = entities_q.actor_countries(session, [a["id"] for e in events for a in e["actors"]])
    urls = entities_q.article_urls(session, {c["article_id"] for e in events for c in e["citations"]})
    base = _base(request)
    lines = []
    for e in events:
        for c in e["citations"]:
            c["article_url"] = http_url(urls.get(c["article_id"]))
        lines.append(json.dumps(to_plover(e, homes, base), ensure_ascii=False))
    return Response("".join(line + "\n" for line in lines), media_type="application/x-ndjson; charset=utf-8",
                    headers={"Content-Disposition": _filename("zeitleiste-plover", "jsonl")})
