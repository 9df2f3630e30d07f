"""The date of an event, by the annotation scheme.

Order of evidence:
1. a DATE time expression inside the event's citation (the one nearest the trigger; durations and
   sets never date an event; a time expression inside a nominal event of the same clause belongs to
   that nominal event);
2. the date of an explicitly coreferent mention: the clause before it in a coordination
   ("... im September gereist und hatte dort ... getroffen"), the event a "Dabei ..." clause continues,
   the clause that holds a nominal event;
3. the document date (basis "dct") for current reporting: present tense, present perfect, and
   simple past without a background marker;
4. none: past background (pluperfect, "zuvor", "bereits", "damals"), vague durations, and
   announced or expected events without a time.

False-positive policy: a date is only ever taken from the event's own clause or an explicit link,
never from the nearest expression in the neighbouring sentence.
"""

from __future__ import annotations

from datetime import timedelta
from functools import cache

from .clauses import Token, load_toml
from .model import DCT, EventDate, Timex
from .timevalue import interval

NONE = EventDate(None, None, None, None, None, "none")


@cache
def _tense() -> tuple[frozenset[str], frozenset[str]]:
    t = load_toml("cues.toml")["tense"]
    return frozenset(t["pluperfect"]), frozenset(t["background"])


@cache
def _standing() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["tense"]["standing"])


@cache
def _perfect_cues() -> tuple[frozenset[str], frozenset[str]]:
    c = load_toml("cues.toml")
    return frozenset(c["tense"]["alleged_perfect"]), frozenset(c["alleged"]["modal"])


def _perfect_infinitive(lows: list[str]) -> bool:
    """A hedge modal and "haben"/"sein" right after a participle ("geliefert haben soll")."""
    aux, modal = _perfect_cues()
    if not any(w in modal for w in lows):
        return False
    return any(w in aux and k > 0 and _participle(lows[k - 1]) for k, w in enumerate(lows))


def _participle(w: str) -> bool:
    """A past participle: "geliefert", "erhalten" is not told apart, "ge-" inside a separable verb
    ("abgeschossen", "zurückgegeben") is."""
    return len(w) > 4 and w.endswith(("t", "en")) and "ge" in w[:8]


def from_timex(tx: Timex, past: bool | None = None, dct: DCT | None = None) -> EventDate:
    """EventDate of a time expression; with ``past`` and ``dct`` a bare weekday is moved to the side
    of the document date that the clause's tense points to. A range joined by ``ranges`` keeps its
    first end's value and precision and runs to its last day."""
    iv = interval(tx.value)
    first, last, prec = iv if iv else (tx.first, tx.last, tx.precision)
    if iv and tx.last is not None and last is not None and tx.last > last:
        last = tx.last
    basis = tx.basis if tx.basis in ("explicit", "relative_to_dct") else "explicit"
    value = tx.value
    if past is not None and dct is not None and prec == "day" and first is not None and basis == "relative_to_dct":
        words = set(tx.text.lower().split())
        div = interval(dct.value)
        if words & _weekdays() and div and div[2] == "day":
            d, shift = div[0], timedelta(0)
            if not past and first < d:
                shift = timedelta(days=7 * ((d - first).days // 7 + 1))
            elif past and first > d:
                shift = -timedelta(days=7 * ((first - d).days // 7 + 1))
            first, last = first + shift, (last or first) + shift  # a weekday range moves as a whole
            value = first.isoformat()
    return EventDate(value, first, last, prec, tx.text, basis, tx.anchor)


@cache
def _weekdays() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["weekdays"]["words"])


def anchored(text: str, timexes: list[Timex], dct: DCT | None) -> list[Timex]:
    """The tagger's expressions with those that point to a date without being a DATE themselves
    ("vor zwei Wochen": the DURATION "zwei Wochen" after "vor"; a year-less holiday) replaced by the
    anchored DATE ``timex.anchored_date`` gives (resolved at the DCT's own precision), and the two
    ends of a date range joined into one (``ranges``)."""
    try:
        from .timex import anchored_date
    except ImportError:  # pragma: no cover - an older tagger
        return timexes
    out = []
    for tx in timexes:
        if tx.type == "DURATION" or not tx.value or "X" in tx.value:
            try:
                tx = anchored_date(text, tx, dct.value if dct else None) or tx
            except Exception:  # noqa: BLE001 - a resolver hiccup must not stop extraction
                pass
        out.append(tx)
    return ranges(text, sorted(out, key=lambda t: t.start))


@cache
def _range_words() -> tuple[dict[str, str], frozenset[str]]:
    from .timex import LEXICON

    return ({" ".join(k.casefold().split()): v for k, v in LEXICON.get("range_link", {}).items()},
            frozenset(" ".join(k.casefold().split()) for k in LEXICON.get("range_between", {})))


def ranges(text: str, timexes: list[Timex]) -> list[Timex]:
    """Two dates of one precision joined as a range ("vom 12. bis 17. September 2023", "von Montag bis
    Mittwoch", "zwischen dem 18. und 20. Juni", "2014–2017") become one expression from the first's
    start to the second's end, with the first's value and precision and the second's last day: an
    event dated by it lasts the whole range. The tagger keeps them apart (TimeML tags each end); this
    only changes what dates events. Two ends resolved to the same value (weekdays against a month's
    DCT) make one expression of that value; so do two days in a row ("am 19. und 20. Juni"). Not
    joined: other lists ("2008 und 2014", "am 3. und 7. Oktober" without "zwischen"), ends of
    different precision, and a second end earlier than the first."""
    links, between = _range_words()
    out: list[Timex] = []
    i = 0
    while i < len(timexes):
        a = timexes[i]
        b = timexes[i + 1] if i + 1 < len(timexes) else None
        if b is not None and _is_range(text, a, b, links, between):
            out.append(Timex(a.start, b.end, text[a.start:b.end], a.type, a.value, a.mod, a.first, b.last,
                             a.precision, a.basis, a.anchor))
            i += 2
            continue
        out.append(a)
        i += 1
    return out


def _is_range(text: str, a: Timex, b: Timex, links: dict[str, str], between: frozenset[str]) -> bool:
    if not (a.type == b.type == "DATE" and a.precision == b.precision and a.value and b.value):
        return False
    if a.first is None or b.first is None or b.last is None:
        return False
    if b.first <= a.first and a.value != b.value:  # the same value: "von Montag bis Mittwoch" at a month's DCT
        return False
    gap = " ".join(text[a.end:b.start].casefold().split())
    kind = links.get(gap)
    if kind == "to":
        return True
    if kind == "between":
        before = " ".join(text[max(0, a.start - 16):a.start].casefold().split())
        if any(before == w or before.endswith(" " + w) for w in between):
            return True
        # "am 19. und 20. Juni", "am Montag und Dienstag": two days in a row are one stretch of time
        return a.precision == "day" and a.last is not None and (b.first - a.last).days == 1
    return False


def from_dct(dct: DCT | None) -> EventDate:
    if dct is None:
        return NONE
    iv = interval(dct.value)
    if iv is None:
        return NONE
    return EventDate(dct.value, iv[0], iv[1], iv[2], None, "dct", None)


def datable(tx: Timex) -> bool:
    return tx.type == "DATE" and interval(tx.value) is not None


def own_timex(start: int, end: int, trigger_pos: int, timexes: list[Timex],
              exclude: list[tuple[int, int]] = ()) -> Timex | None:  # type: ignore[assignment]
    inside = [t for t in timexes if start <= t.start and t.end <= end and datable(t)
              and not any(s <= t.start and t.end <= e for s, e in exclude)]
    if not inside:
        return None
    best = min(inside, key=lambda t: abs(t.start - trigger_pos))
    k = inside.index(best)
    # "schon 2008 und 2014 angekündigt": a list of times of one precision dates the event by its first
    # member (the first occurrence), not by the one that happens to stand next to the verb
    while k > 0 and best.basis == inside[k - 1].basis == "explicit" and inside[k - 1].precision == best.precision \
            and 0 < inside[k].start - inside[k - 1].end <= 7:
        k -= 1
    return inside[k]


def default_date(toks: tuple[Token, ...], dct: DCT | None, status: str, event_type: str,
                 past: bool = False, open_ended: bool = False) -> EventDate:
    """Date of an event without its own expression or coreferent mention: the document date for
    current reporting (also for a plan or expectation reported now), none for past background and
    open-ended futures."""
    if dct is None or open_ended:
        return NONE
    pluperfect, background = _tense()
    lows = [t.low for t in toks]
    if status in ("planned", "speculative"):
        return from_dct(dct)
    if any(w in pluperfect for w in lows):
        return NONE
    if past and any(w in _standing() for w in lows):
        return NONE  # "hat ... stets bestritten": a standing position, no news of this date
    if status == "alleged" and event_type != "statement" and _perfect_infinitive(lows):
        return NONE  # "die Nordkorea geliefert haben soll": an alleged past act without its own time
    if past and event_type != "statement" and any(w in background for w in lows):
        return NONE
    return from_dct(dct)


def after_dct(date: EventDate, dct: DCT | None) -> bool:
    if dct is None or date.first is None:
        return False
    iv = interval(dct.value)
    return bool(iv) and date.first > iv[1]
