"""The visual time axis: events per month (or year), stacked by type, as server-rendered SVG.

Why server-side SVG: it works without JavaScript, every bar is a real link to that month's filter
(``/?…&from=2024-06&to=2024-06``), and the same markup is served standalone at ``/axis.svg`` and
inlined above the timeline (inline keeps the links clickable and reachable by keyboard).

Decisions:

* **What is counted.** The current selection *without its date bounds* (all other filters apply), so
  the axis is an overview around the selected range, which is drawn as a highlighted band. Clicking
  a bar narrows ``from``/``to`` and keeps every other filter.
* **Window and zoom.** ``axis_from``/``axis_to`` (``YYYY`` or ``YYYY-MM``) set the window
  explicitly; otherwise the filter's ``from``/``to`` widened to whole years; otherwise the extent of
  the selection. Up to 96 months are drawn as months, longer windows as years (a year bar links to
  ``from=YYYY&to=YYYY``, which zooms into its months).
* **Imprecise dates stay imprecise.** Events dated to a day, week or month are bars; events known
  only to a season, quarter, half, year (or coarser) are drawn as thin horizontal bands across their
  interval below the bars — never as a bar in their first month. Decade/century dates do not
  widen the default window.
* **Colours.** One per type, each with at least 4:1 contrast against white (WCAG non-text contrast
  needs 3:1); segments are separated by white gaps; the legend and text alternative name every type
  in German, so colour is never the only carrier of information.
* **Escaping.** The SVG is assembled from escaped pieces only (``cards.esc``, markupsafe's
  rules; attribute values and text alike); no untrusted string is concatenated raw. The result parses as XML.
"""

from __future__ import annotations

import re
from collections import namedtuple
from dataclasses import dataclass, field
from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from markupsafe import Markup
from sqlmodel import Session

from app import labels
from app.extract.model import EVENT_TYPES
from app.extract.timevalue import interval
from app.store import entities_q, facet_index, queries
from app.store.database import get_session
from app.store.filters import EventFilter
from app.web.cards import esc
from app.web.params import FilterDep, SessionDep

router = APIRouter(include_in_schema=True, tags=["Zeitachse"])

#: Colour per event type (contrast against white ≥ 4:1; checked in tests/test_axis.py).
TYPE_COLOURS: dict[str, str] = {
    "visit": "#1f5fa8",
    "meeting": "#3f7fbf",
    "talks": "#0f7c86",
    "call": "#5c5fc8",
    "agreement": "#2e7d32",
    "arms_transfer": "#c62828",
    "troop_deployment": "#8e1b1b",
    "military_cooperation": "#c2410c",
    "economic_cooperation": "#5b7f1a",
    "statement": "#7b4fa0",
    "accusation": "#ad1457",
    "denial": "#8a6100",
    "sanction": "#37474f",
    "attack": "#3e0d0d",
    "other": "#6b7280",
}
SPAN_COLOUR = "#3d4652"
SELECT_FILL = "#fff1cc"
SELECT_STROKE = "#8a6100"
INK = "#1d232b"
MUTED = "#5b6573"

FINE = entities_q.FINE_PRECISIONS
MAX_MONTHS = 96  # longer windows are drawn in years
MAX_YEARS = 120
TAIL_SHARE = 0.03  # an early tail of at most this share of the events ...
TAIL_MIN_YEARS = 10  # ... that would widen the default window by at least this many years is cut
TAIL_MIN_EVENTS = 30  # (only with enough events to call it a tail)
MAX_LANES = 6
MONTH_LETTERS = "JFMAMJJASOND"
_BOUND = re.compile(r"\d{4}(-\d{2})?")

# SVG geometry (user units; the SVG scales to its container's width)
W = 760
LEFT, RIGHT = 34, 8
TOP, BASE = 14, 132  # bar area: y from TOP (max) to BASE (0)
LANE_H = 11
SPAN_TOP = 188


#: The counted rows of ``entities_q.axis_rows`` (one per interval and type) gathered per interval:
#: counts is {type: n}. About 160 of them instead of thousands of rows for a few years of events.
_Group = namedtuple("_Group", "value first last precision counts")


def _groups(rows: Any) -> list[_Group]:
    """``entities_q.AxisRow``s (SQL) gathered per interval, in the order of their first row."""
    out: dict[tuple[Any, ...], dict[str, int]] = {}
    for r in rows:
        counts = out.setdefault((r.value, r.first, r.last, r.precision), {})
        counts[r.type] = counts.get(r.type, 0) + r.count
    return [_Group(*k, c) for k, c in out.items()]


@dataclass
class _Stack:
    """What a bar and a band share: a period, its counts per type and the link that filters to it."""

    first: date
    last: date
    label: str  # "Juni 2024" / "2024" / "Sommer 2024"
    counts: dict[str, int] = field(default_factory=dict)
    href: str = ""

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def by_type(self) -> str:
        return _by_type(self.counts)

    def _parts(self) -> str:
        return ", ".join(f"{n} {labels.type_label(t)}" for t, n in _ordered(self.counts))


@dataclass
class Bucket(_Stack):
    """One unit (month or year) of the window: a bar of precisely dated events."""

    def summary(self) -> str:
        return f"{self.label}: {labels.count_phrase(self.total)} ({self._parts()})"


@dataclass
class Span(_Stack):
    """Imprecisely dated events of one period (season, quarter, …): a band on its lane."""

    lane: int = 0

    def summary(self) -> str:
        return f"{self.label} (ungenau datiert): {labels.count_phrase(self.total)} ({self._parts()})"


@dataclass
class Axis:
    start: date
    end: date
    unit: str  # "month" | "year"
    buckets: list[Bucket]  # every unit of the window, empty ones included
    spans: list[Span]
    undated: int
    outside: int  # dated events outside the window
    selected: tuple[date, date] | None
    extent: tuple[date, date] | None
    full_url: str | None  # zoom out to the whole extent, if the window is narrower
    types: list[str]  # types present, in EVENT_TYPES order

    @property
    def total(self) -> int:
        return sum(b.total for b in self.buckets) + sum(s.total for s in self.spans)

    @property
    def max_count(self) -> int:
        return max((b.total for b in self.buckets), default=0)

    @property
    def lanes(self) -> int:
        return max((s.lane + 1 for s in self.spans), default=0)

    @property
    def legend(self) -> list[dict[str, str]]:
        return [{"type": t, "label": labels.type_label(t), "colour": TYPE_COLOURS.get(t, MUTED)} for t in self.types]

    @property
    def window_label(self) -> str:
        a, b = self.start, self.end
        if self.unit == "year":
            return str(a.year) if a.year == b.year else f"{a.year}–{b.year}"
        x, y = labels.format_month(a), labels.format_month(b)
        return x if x == y else f"{x} – {y}"

    def description(self) -> str:
        """The German text alternative's summary sentence."""
        if not self.buckets:
            return "Keine datierten Ereignisse in dieser Auswahl."
        unit = "Monat" if self.unit == "month" else "Jahr"
        s = (f"{labels.count_phrase(self.total)} im Zeitraum {self.window_label}, je {unit} nach Typ gestapelt"
             f"; höchstens {self.max_count} in einem {unit}.")
        if self.spans:
            s += f" {sum(x.total for x in self.spans)} ungenau datierte Ereignisse als Bänder über ihren Zeitraum."
        if self.selected:
            s += " Der gewählte Zeitraum ist hervorgehoben."
        if self.outside:
            s += f" {self.outside} weitere außerhalb des Fensters."
        if self.undated:
            s += f" {self.undated} ohne Datum nicht dargestellt."
        return s


_RANK = {t: i for i, t in enumerate(EVENT_TYPES)}


def _by_type(counts: dict[str, int]) -> str:
    """The table's "nach Typ" cell as plain text ("Besuch 3, Treffen 2"), by type code as before:
    one autoescaped value per row instead of a template loop with an escape per type and count."""
    return ", ".join(f"{labels.type_label(t)} {n}" for t, n in sorted(counts.items()))


def _ordered(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda kv: (_RANK.get(kv[0], 99), kv[0]))


# ---------------------------------------------------------------------------- model


def parse_bound(raw: str | None) -> str | None:
    """``YYYY`` or ``YYYY-MM`` (a valid month) or None; anything else raises ValueError."""
    raw = (raw or "").strip()
    if not raw:
        return None
    if not _BOUND.fullmatch(raw) or interval(raw) is None:
        raise ValueError(raw)
    return raw


def _dense_start(rows: list[_Group]) -> int:
    """The first year of the default window: the earliest event's year, unless a thin early tail of
    old background (at most ``TAIL_SHARE`` of the events, e.g. one mention of 1945 among hundreds
    from 2019–2025) would squeeze the rest into a sliver; then the year where the events begin in
    earnest. The tail stays reachable ("Ganzer Zeitraum") and is counted as outside the window."""
    counts: dict[int, int] = {}
    for r in rows:
        counts[r.first.year] = counts.get(r.first.year, 0) + sum(r.counts.values())
    years = sorted(counts)
    total = sum(counts.values())
    if total < TAIL_MIN_EVENTS:
        return years[0]
    skipped = 0
    start = years[0]
    for y in years:
        if skipped + counts[y] > TAIL_SHARE * total:
            start = y
            break
        skipped += counts[y]
    return start if start - years[0] >= TAIL_MIN_YEARS else years[0]


def _month_floor(d: date) -> date:
    return d.replace(day=1)


def _add_months(d: date, n: int) -> date:
    m = d.year * 12 + d.month - 1 + n
    return date(m // 12, m % 12 + 1, 1)


def _months_between(a: date, b: date) -> int:
    return (b.year - a.year) * 12 + b.month - a.month + 1


#: Bounds ``urlencode`` leaves as they are ("2024", "2024-06").
_URL_SAFE = re.compile(r"[0-9-]+")


def _link(base_items: list[tuple[str, str]] | str, first: str, last: str, path: str = "/") -> str:
    """``path?<base_items>&from=first&to=last``; ``base_items`` may be given urlencoded already
    (an axis links every bucket with the same base)."""
    base = base_items if isinstance(base_items, str) else urlencode(base_items)
    if _URL_SAFE.fullmatch(first) and _URL_SAFE.fullmatch(last):
        bounds = f"from={first}&to={last}"  # what urlencode gives for digits and "-" (a link per bar and band)
    else:
        bounds = urlencode([("from", first), ("to", last)])
    return f"{path}?{base}&{bounds}" if base else f"{path}?{bounds}"


def _bound_for_span(first: date, last: date) -> tuple[str, str]:
    """Filter bounds that select exactly an imprecise interval: whole years, else months."""
    if first.month == 1 and first.day == 1 and last.month == 12 and last.day == 31:
        return str(first.year), str(last.year)
    return f"{first.year:04d}-{first.month:02d}", f"{last.year:04d}-{last.month:02d}"


def build_axis(
    session: Session, flt: EventFilter, *, axis_from: str | None = None, axis_to: str | None = None
) -> Axis:
    """Count the selection (without its date bounds) into the window's months or years."""
    base = flt.without("from").without("to")
    base_items = base.items()
    # The counts change only when data is loaded: cached per selection and data version.
    version = queries.data_version(session)
    key = ("axis", tuple(i for i in base_items if i[0] != "sort"))
    cached = queries.cache_get(version, key)
    if cached is None:
        idx = facet_index.current(session, queries.read_version(session))
        if idx is not None:  # the bitset index of this data version (app/store/facet_index.py)
            bits = idx.matching(idx.masks(session, base, queries.prepare(session)))
            found, n_undated = idx.axis_groups(bits)
            cached = ([_Group._make(g) for g in found], n_undated)
        else:
            found_rows, n_undated = entities_q.axis_rows(session, entities_q.filter_conditions(session, base))
            cached = (_groups(found_rows), n_undated)
        queries.cache_put(version, key, cached)
    rows, undated = cached
    base_query = urlencode(base_items)  # every bucket's and span's link: this plus its bounds

    fine = [r for r in rows if r.precision in FINE]
    normal = [r for r in rows if r.precision not in ("decade", "century")] or rows
    extent = (min(r.first for r in normal), max(r.last for r in normal)) if normal else None

    sel_first = interval(flt.date_from)[0] if flt.date_from and interval(flt.date_from) else None
    sel_last = interval(flt.date_to)[1] if flt.date_to and interval(flt.date_to) else None
    selected = (sel_first or (extent[0] if extent else date.min), sel_last or (extent[1] if extent else date.max)) \
        if (sel_first or sel_last) else None

    # window: explicit axis bounds > filter bounds widened to whole years > extent (whole years)
    ax_first = interval(axis_from)[0] if axis_from else None
    ax_last = interval(axis_to)[1] if axis_to else None
    start = ax_first or (date(sel_first.year, 1, 1) if sel_first else None) \
        or (date(_dense_start(normal), 1, 1) if extent else None)
    end = ax_last or (date(sel_last.year, 12, 31) if sel_last else None) \
        or (date(extent[1].year, 12, 31) if extent else None)
    if start is None or end is None:
        today = date.today()
        start = start or date((end or today).year, 1, 1)
        end = end or date(start.year, 12, 31)
    if start > end:
        start, end = date(end.year, 1, 1), date(start.year, 12, 31)
    if end.year - start.year >= MAX_YEARS:
        if ax_first and not ax_last:
            end = date(start.year + MAX_YEARS - 1, 12, 31)
        else:
            start = date(end.year - MAX_YEARS + 1, 1, 1)
    unit = "month" if _months_between(start, end) <= MAX_MONTHS else "year"

    # buckets
    buckets: list[Bucket] = []
    index: dict[tuple[int, int], Bucket] = {}
    if unit == "month":
        d = _month_floor(start)
        while d <= end:
            nxt = _add_months(d, 1)
            key = f"{d.year:04d}-{d.month:02d}"
            b = Bucket(d, date.fromordinal(nxt.toordinal() - 1), labels.format_month(d),
                       href=_link(base_query, key, key))
            buckets.append(b)
            index[(d.year, d.month)] = b
            d = nxt
    else:
        for y in range(start.year, end.year + 1):
            b = Bucket(date(y, 1, 1), date(y, 12, 31), str(y), href=_link(base_query, str(y), str(y)))
            buckets.append(b)
            index[(y, 0)] = b

    outside = 0
    for r in fine:
        key = (r.first.year, r.first.month if unit == "month" else 0)
        b = index.get(key)
        if b is None:
            outside += sum(r.counts.values())
            continue
        for t, n in r.counts.items():
            b.counts[t] = b.counts.get(t, 0) + n

    # spans: one band per distinct imprecise interval
    groups: dict[tuple[date, date], Span] = {}
    for r in rows:
        if r.precision in FINE:
            continue
        if r.last < start or r.first > end:
            outside += sum(r.counts.values())
            continue
        sp = groups.get((r.first, r.last))
        if sp is None:
            a, z = _bound_for_span(r.first, r.last)
            sp = groups[(r.first, r.last)] = Span(
                r.first, r.last, labels.format_value(r.value, r.first, r.precision), href=_link(base_query, a, z)
            )
        for t, n in r.counts.items():
            sp.counts[t] = sp.counts.get(t, 0) + n
    spans = sorted(groups.values(), key=lambda s: (s.first, -s.last.toordinal()))
    lane_end: list[date] = []
    for sp in spans:
        for i, e in enumerate(lane_end):
            if e < sp.first:
                sp.lane, lane_end[i] = i, sp.last
                break
        else:
            if len(lane_end) < MAX_LANES:
                sp.lane = len(lane_end)
                lane_end.append(sp.last)
            else:
                i = min(range(len(lane_end)), key=lambda k: lane_end[k])
                sp.lane, lane_end[i] = i, max(lane_end[i], sp.last)

    present = {t for b in buckets for t in b.counts} | {t for s in spans for t in s.counts}
    types = [t for t in EVENT_TYPES if t in present] + sorted(present - set(EVENT_TYPES))

    full_url = None
    if extent and (start > date(extent[0].year, 1, 1) or end < date(extent[1].year, 12, 31)):
        full_url = "/?" + urlencode(flt.items() + [("axis_from", str(extent[0].year)),
                                                   ("axis_to", str(extent[1].year))])
    return Axis(start=start, end=end, unit=unit, buckets=buckets, spans=spans, undated=undated,
                outside=outside, selected=selected, extent=extent, full_url=full_url, types=types)


# ---------------------------------------------------------------------------- SVG


def _a(attrs: dict[str, Any]) -> str:
    """Attributes, every value escaped (numbers are formatted, never trusted as markup).

    Numbers are formatted here and contain nothing to escape, so only other values go through
    ``escape`` (an axis has thousands of numeric attributes: that was a fifth of a page's time)."""
    out = []
    for k, v in attrs.items():
        if v is None:
            continue
        if type(v) is float:
            out.append(f' {k}="{_num(v)}"')
        elif type(v) is int:
            out.append(f' {k}="{v}"')
        else:
            out.append(f' {k}="{esc(str(v))}"')
    return "".join(out)


def _num(v: float) -> str:
    """A float attribute value as ``_a`` writes it."""
    return f"{v:.2f}".rstrip("0").rstrip(".")


def _value(v: Any) -> str:
    """One attribute value as ``_a`` writes it (floats formatted, anything else escaped)."""
    return _num(v) if type(v) is float else esc(str(v))


_SEGMENT_STYLE: dict[str, str] = {}


def _segment_style(t: str) -> str:
    """The attributes after ``height`` of a type's bar segment (``fill`` … ``data-type``), built once
    per type: a monthly axis has some 1,500 segments, the most frequent element of a page."""
    style = _SEGMENT_STYLE.get(t)
    if style is None:
        style = _SEGMENT_STYLE[t] = (f'fill="{esc(TYPE_COLOURS.get(t, MUTED))}" stroke="#ffffff" stroke-width="0.75" '
                                     f'data-type="{esc(t)}"/>')
    return style


def _segments(x: float, width: float, counts: dict[str, int], scale: float) -> list[str]:
    """``_el("rect", {x, y, width, height, fill, stroke, stroke-width, data-type})`` of each type's
    segment of one bar, stacked upwards from the base line in type order, written directly: the
    generic attribute loop was most of the SVG's time, and x and width are the same for a bar."""
    xs, ws = _value(x), _value(width)
    y: float = BASE
    out = []
    for t, c in _ordered(counts):
        h = c * scale
        y -= h
        out.append(f'<rect x="{xs}" y="{_value(y)}" width="{ws}" height="{_value(h)}" {_segment_style(t)}')
    return out


def _el(tag: str, attrs: dict[str, Any], *children: str) -> str:
    if not children:
        return f"<{tag}{_a(attrs)}/>"
    return f"<{tag}{_a(attrs)}>{''.join(children)}</{tag}>"


def _text(s: str) -> str:
    return esc(str(s))


def render_svg(ax: Axis, *, standalone: bool = False, id_prefix: str = "axis") -> Markup:
    """The axis as SVG markup (``standalone`` adds the XML declaration, namespace-only attributes
    and an in-SVG legend; inline, the page shows an HTML legend instead)."""
    plot_w = W - LEFT - RIGHT
    n = max(1, len(ax.buckets))
    bw = plot_w / n
    span_days = max(1, (ax.end - ax.start).days + 1)

    def x_of(d: date) -> float:
        d = min(max(d, ax.start), ax.end)
        return LEFT + plot_w * (d - ax.start).days / span_days

    def x_end(d: date) -> float:
        d = min(max(d, ax.start), ax.end)
        return LEFT + plot_w * ((d - ax.start).days + 1) / span_days

    legend_rows = 0
    if standalone and ax.types:
        legend_rows = -(-len(ax.types) // 4)
    span_h = (ax.lanes * LANE_H + 8) if ax.spans else 0
    height = SPAN_TOP + span_h + (legend_rows * 16 + 6 if legend_rows else 0)
    title_id, desc_id = f"{id_prefix}-title", f"{id_prefix}-desc"
    parts: list[str] = [
        _el("title", {"id": title_id}, _text(f"Zeitachse: Ereignisse je {'Monat' if ax.unit == 'month' else 'Jahr'}"
                                              f", {ax.window_label}")),
        _el("desc", {"id": desc_id}, _text(ax.description())),
    ]
    top = max(1, ax.max_count)
    scale = (BASE - TOP) / top

    # selected range
    if ax.selected:
        a, b = ax.selected
        if b >= ax.start and a <= ax.end:
            parts.append(_el("rect", {"class": "axis-selected", "x": x_of(a), "y": TOP - 6,
                                      "width": max(2.0, x_end(b) - x_of(a)), "height": BASE - TOP + 6,
                                      "fill": SELECT_FILL, "stroke": SELECT_STROKE, "stroke-width": 1,
                                      "stroke-dasharray": "4 3"}))
    # y axis: 0, max
    for val in sorted({0, top} | ({top // 2} if top >= 4 else set())):
        y = BASE - val * scale
        parts.append(_el("line", {"x1": LEFT - 4, "x2": W - RIGHT, "y1": y, "y2": y,
                                  "stroke": "#c9d0d8" if val else INK, "stroke-width": 1 if val else 1.5}))
        parts.append(_el("text", {"x": LEFT - 7, "y": y + 4, "text-anchor": "end", "font-size": 11,
                                  "fill": MUTED}, _text(str(val))))
    # bars
    for i, bk in enumerate(ax.buckets):
        x0 = LEFT + i * bw
        if bk.total:
            gap = bw * 0.12 if bw > 4 else 0
            segs = _segments(x0 + gap, max(0.8, bw - 2 * gap), bk.counts, scale)
            # _el("a", {href, class, aria-label}, _el("title", …), hit rect, *segs), written directly
            summary = esc(bk.summary())
            parts.append(f'<a href="{esc(bk.href)}" class="axis-bar" aria-label="{summary}"><title>{summary}</title>'
                         f'<rect x="{_value(x0)}" y="{_value(TOP - 6)}" width="{_value(bw)}" '
                         f'height="{_value(BASE - TOP + 6)}" fill="transparent" class="axis-hit"/>{"".join(segs)}</a>')
    # x labels
    if ax.unit == "month":
        every = 1 if n <= 24 else 0
        for i, bk in enumerate(ax.buckets):
            cx = LEFT + (i + 0.5) * bw
            if every:
                parts.append(_el("text", {"x": cx, "y": BASE + 14, "text-anchor": "middle", "font-size": 10,
                                          "fill": MUTED}, _text(MONTH_LETTERS[bk.first.month - 1])))
            if bk.first.month == 1 or i == 0:
                parts.append(_el("line", {"x1": LEFT + i * bw, "x2": LEFT + i * bw, "y1": BASE,
                                          "y2": BASE + 30, "stroke": "#c9d0d8"}))
                parts.append(_el("text", {"x": LEFT + i * bw + 3, "y": BASE + 29, "font-size": 11,
                                          "font-weight": "600", "fill": INK}, _text(str(bk.first.year))))
    else:
        step = max(1, -(-n // 16))
        for i, bk in enumerate(ax.buckets):
            if (bk.first.year - ax.buckets[0].first.year) % step == 0:
                cx = LEFT + (i + 0.5) * bw
                parts.append(_el("text", {"x": cx, "y": BASE + 16, "text-anchor": "middle", "font-size": 11,
                                          "fill": INK}, _text(str(bk.first.year))))
    # imprecise events as bands
    if ax.spans:
        parts.append(_el("text", {"x": LEFT, "y": SPAN_TOP - 6, "font-size": 10, "fill": MUTED},
                         _text("ungenau datiert (Jahreszeit, Quartal, Halbjahr, Jahr …):")))
        for sp in ax.spans:
            y = SPAN_TOP + sp.lane * LANE_H
            x1, x2 = x_of(sp.first), x_end(sp.last)
            colour = TYPE_COLOURS.get(_ordered(sp.counts)[0][0], SPAN_COLOUR) if len(sp.counts) == 1 else SPAN_COLOUR
            band = _el("rect", {"x": x1, "y": y + 2, "width": max(3.0, x2 - x1), "height": 5, "rx": 2.5,
                                "fill": colour, "class": "axis-span-band"})
            hit = _el("rect", {"x": x1, "y": y, "width": max(3.0, x2 - x1), "height": LANE_H - 1,
                               "fill": "transparent"})
            summary = sp.summary()
            parts.append(_el("a", {"href": sp.href, "class": "axis-span", "aria-label": summary,
                                   "data-first": sp.first.isoformat(), "data-last": sp.last.isoformat()},
                             _el("title", {}, _text(summary)), hit, band))
    # legend (standalone only)
    if legend_rows:
        y0 = SPAN_TOP + span_h + 8
        col_w = (W - LEFT - RIGHT) / 4
        for i, item in enumerate(ax.legend):
            x = LEFT + (i % 4) * col_w
            y = y0 + (i // 4) * 16
            parts.append(_el("rect", {"x": x, "y": y, "width": 10, "height": 10, "fill": item["colour"]}))
            parts.append(_el("text", {"x": x + 14, "y": y + 9, "font-size": 11, "fill": INK}, _text(item["label"])))

    attrs: dict[str, Any] = {
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {W} {height}",
        "class": "axis-svg",
        "role": "group",
        "aria-labelledby": title_id,
        "aria-describedby": desc_id,
        "font-family": "system-ui, sans-serif",
    }
    if standalone:
        attrs.update({"width": W, "height": height})
    svg = _el("svg", attrs, *parts)
    if standalone:
        svg = '<?xml version="1.0" encoding="UTF-8"?>\n' + svg + "\n"
    return Markup(svg)


def table_rows(ax: Axis) -> Markup:
    """The rows of the axis' text alternative (``_axis.html``'s table body): one per bucket with
    events, then one per band, as the template loop wrote them (its indentation included). Built
    here: a monthly axis has some 170 rows, a template row with five escaped values each was a
    millisecond of a search page."""
    out = []
    month = ax.unit == "month"
    for b in ax.buckets:
        total = b.total
        if not total:
            continue
        when = b.first.isoformat()[:7] if month else b.first.year
        out.append(f'      <tr><th scope="row"><a href="{esc(b.href)}"><time datetime="{esc(when)}">{esc(b.label)}'
                   f"</time></a></th><td>{esc(labels.format_int(total))}</td>\n"
                   f"        <td>{esc(b.by_type)}</td></tr>\n")
    for sp in ax.spans:
        out.append(f'      <tr><th scope="row"><a href="{esc(sp.href)}"><time datetime="{esc(sp.first.year)}">'
                   f'{esc(sp.label)}</time></a> <span class="muted">(ungenau)</span></th>'
                   f"<td>{esc(labels.format_int(sp.total))}</td>\n        <td>{esc(sp.by_type)}</td></tr>\n")
    return Markup("".join(out))


# ---------------------------------------------------------------------------- web


def _axis_bounds(axis_from: str | None, axis_to: str | None) -> tuple[str | None, str | None]:
    errors = []
    out: list[str | None] = []
    for name, raw in (("axis_from", axis_from), ("axis_to", axis_to)):
        try:
            out.append(parse_bound(raw))
        except ValueError:
            errors.append({"loc": ["query", name], "msg": "Zeitachse: JJJJ oder JJJJ-MM", "type": "value_error",
                           "input": raw})
            out.append(None)
    if errors:
        raise RequestValidationError(errors)
    return out[0], out[1]


@router.get("/axis.svg", summary="Zeitachse der Auswahl als SVG", response_class=Response,
            responses={200: {"content": {"image/svg+xml": {}}}})
def axis_svg(
    session: SessionDep,
    flt: FilterDep,
    axis_from: Annotated[str | None, Query(description="Fensterbeginn der Zeitachse: JJJJ oder JJJJ-MM")] = None,
    axis_to: Annotated[str | None, Query(description="Fensterende der Zeitachse: JJJJ oder JJJJ-MM")] = None,
) -> Response:
    """Events per month (or year) of the selection, stacked by type; same filter parameters as ``/``."""
    a, b = _axis_bounds(axis_from, axis_to)
    ax = build_axis(session, flt, axis_from=a, axis_to=b)
    return Response(str(render_svg(ax, standalone=True)), media_type="image/svg+xml; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})


def expose_session(request: Request, session: Annotated[Session, Depends(get_session)]) -> None:
    """App-wide dependency: lend the request's own DB session to templates (the axis include).

    FastAPI caches a dependency per request, so this is the very session the route itself uses
    (including test overrides); it is closed with the request as usual."""
    request.state.db_session = session


def timeline_axis(request: Request, flt: EventFilter) -> dict[str, Any] | None:
    """Jinja global for ``_axis.html``: the axis model and its inline SVG, or None without a session."""
    session = getattr(request.state, "db_session", None)
    if session is None:
        return None
    try:
        a, b = parse_bound(request.query_params.get("axis_from")), parse_bound(request.query_params.get("axis_to"))
    except ValueError:
        a = b = None
    ax = build_axis(session, flt, axis_from=a, axis_to=b)
    svg_url = "/axis.svg?" + urlencode(flt.items() + [(k, v) for k, v in (("axis_from", a), ("axis_to", b)) if v])
    return {"axis": ax, "svg": render_svg(ax), "svg_url": svg_url, "table_rows": table_rows(ax)}


def register(env: Any) -> None:
    """Make ``timeline_axis`` available to templates."""
    env.globals["timeline_axis"] = timeline_axis
