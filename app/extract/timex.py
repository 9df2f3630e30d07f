"""German temporal tagger: finds time expressions and normalises them to TIMEX3.

``tag(text, dct)`` is a pure function of the text and the document creation time (DCT). All language
knowledge (month, weekday, season and holiday words, number words and ordinals, part-of-period
modifiers, relative and tense cues) lives in ``resources/timex/lexicon.toml``; the patterns that
combine them live in ``resources/timex/patterns.toml`` (HeidelTime keeps per-language resources the
same way). Both are read and compiled once, at import.

How it works
  1. Every pattern is searched over the text (or in each of the given ``spans``; a match never
     crosses a span end). A literal prefilter derived from the resources at import
     (``timex_prefilter``) skips the spans, and the stretches of a span, where a pattern cannot
     match, without changing what the search finds. A candidate must pass the
     pattern's left/right context checks and a few code checks (years versus quantities, "Morgen"
     the noun versus "morgen" the adverb, "im Monat" only after an amount).
  2. Overlaps are resolved by keeping the longest candidate (then the pattern priority), so
     "Donnerstag, 25. Februar 2010" is one DATE and not a weekday plus a date plus a year.
  3. The survivors are normalised left to right, so a date the text sets can serve as the reference
     for later anaphoric expressions ("im März 1992 ... im April", "am Tag zuvor", "Ende des Jahres").

Heuristics
  * Deictic expressions (gestern, kommende Woche, am Donnerstag, im vergangenen September) resolve
    against the DCT. Direction for weekdays, bare months and day-month dates without a year comes
    from the nearest tense cue in the sentence (lexicon ``tense_past`` / ``tense_future``: "hatte",
    "wurde", "sagte" look back, "wird", "soll", "kommende" look ahead); weekdays without a cue look
    back (news report what happened), months and dates without a cue stay in the DCT year.
  * Resolution never invents precision: the result is never finer than the reference allows (DCT
    "2024-03": "am Donnerstag" -> "2024-03"; DCT "2024-W24": "am Mittwoch" -> that week's Wednesday).
    Without a DCT, relative expressions keep value None and basis "none".
  * Clock times take the day of the last day-precise date of the same or the previous sentence,
    else the DCT's day; otherwise the value is "XXXX-XX-XXThh:mm" (basis "none").
  * Spans follow the KRAUTS annex: prepositions (am, im, seit, um, vor) stay out, a written article
    stays in ("der kommenden Woche").
  * Tense cues include present tense that announces ("reist", "findet ... statt", "beginnt",
    "angesetzt", "auf dem Programm") and news preterites ("traf", "sprach", "empfing"), so "reist am
    Montag nach" looks ahead and "traf am Montag" back.

Conventions where KRAUTS (It-TimeML German annex, as its gold shows) and the dating stage differ
  Measured on KRAUTS Dolomiten (value F1 +1.5 points for "ago", +0.4 for holidays) and on the event
  gold (seeds, dev: event dates unchanged), ``tag`` follows the corpus, and the anchored dates stay
  available through separate functions for the dating stage:
  * "vor zwei Jahren": ``tag`` gives the DURATION "zwei Jahren" P2Y (every instance in the gold);
    ``resolve_ago(text, timex, dct)`` gives the DATE "vor zwei Jahren" (DCT 2024-03-28 -> "2022").
  * Holidays without a year ("Heiligen Abend", "Fronleichnam"): "XXXX-XX-XX" as in the gold, even
    when the DCT fixes the instance; with a year ("Ostern 2025") the day. ``resolve_holiday`` dates
    the year-less ones from the DCT and the clause's tense.
  * ``anchored_date(text, timex, dct)`` does both: the DATE the dating stage should use, or None.
  * Named periods with a year span ("der Saison 2014/15", "die Amtszeit 2010-2015") are one DATE
    "XXXX-XX-XX" (the gold's value), not two years.
  * Ordinal units ("in der dritten Woche") count from the text's last day-precise date; without
    one "XXXX-XX-XX".
  * Not tagged, as in the gold: "bisher", "inzwischen", "einst", "künftig", "nun", "nach dem Zweiten
    Weltkrieg".

False-positive policy
  Precision over recall where a word is ambiguous: a bare 4-digit number is a year only in the
  range 1000-2099, not inside a larger number and not next to a quantity word (lexicon
  ``year_quantity_*``), and before 1900 only in a clearly temporal context; a bare month name needs
  a preposition or part-of-period word before it ("im Mai", not "Mai Thi Nguyen"); "Morgen" is the
  adverb only at the start of a sentence; bare plural units ("Monaten") are durations only after
  "seit", "über", "für"; "am Tag"/"im Monat" are SETs only after an amount ("400 Euro im Monat").
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from app.extract.model import Timex
from app.extract.timevalue import interval
from app.extract.timex_prefilter import TokenIndex

__all__ = ["tag", "anchored_date", "resolve_ago", "resolve_holiday", "LEXICON", "PATTERNS"]

_RES = Path(__file__).resolve().parent / "resources" / "timex"

# --------------------------------------------------------------------------- resources


def _load_toml(name: str) -> dict[str, Any]:
    with (_RES / name).open("rb") as f:
        return tomllib.load(f)


LEXICON: dict[str, dict[str, Any]] = _load_toml("lexicon.toml")
_LEX_CF: dict[str, dict[str, Any]] = {
    table: {k.casefold(): v for k, v in entries.items()} for table, entries in LEXICON.items()
}


def _lookup(table: str, word: str | None) -> Any:
    if word is None:
        return None
    return _LEX_CF[table].get(re.sub(r"\s+", " ", word).casefold())


def _alternation(words: list[str], lower: bool = False) -> str:
    forms: set[str] = set()
    for w in words:
        w = w.lower() if lower else w
        forms.add(w)
        if not lower and w[:1].islower():
            forms.add(w[:1].upper() + w[1:])
    parts = [r"\s+".join(re.escape(p) for p in f.split()) for f in sorted(forms, key=lambda x: (-len(x), x))]
    return "(?:" + "|".join(parts) + ")"


def _macros(patterns_toml: dict[str, Any]) -> dict[str, str]:
    macros: dict[str, str] = {}
    for table, entries in LEXICON.items():
        macros[table] = _alternation(list(entries))
        macros[table + "_lc"] = _alternation(list(entries), lower=True)
    macros.update(patterns_toml.get("macro", {}))
    return macros


_MACRO_REF = re.compile(r"<<(\w+)>>")


def _expand(regex: str, macros: dict[str, str], depth: int = 0) -> str:
    if depth > 5:
        raise ValueError(f"macro recursion in {regex!r}")
    out = _MACRO_REF.sub(lambda m: macros[m.group(1)], regex)
    return _expand(out, macros, depth + 1) if "<<" in out else out


@dataclass(frozen=True)
class Pattern:
    id: str
    type: str
    norm: str
    regex: re.Pattern[str]
    left: re.Pattern[str] | None
    not_left: re.Pattern[str] | None
    right: re.Pattern[str] | None
    not_right: re.Pattern[str] | None
    priority: int


def _compile_patterns() -> tuple[Pattern, ...]:
    raw = _load_toml("patterns.toml")
    macros = _macros(raw)

    def opt(p: dict[str, Any], key: str) -> re.Pattern[str] | None:
        return re.compile(_expand(p[key], macros)) if key in p else None

    out = []
    for p in raw["pattern"]:
        out.append(Pattern(
            id=p["id"], type=p["type"], norm=p["norm"], regex=re.compile(r"\b(?:" + _expand(p["regex"], macros) + ")"),
            left=opt(p, "left"), not_left=opt(p, "not_left"), right=opt(p, "right"),
            not_right=opt(p, "not_right"), priority=int(p.get("priority", 5)),
        ))
    return tuple(out)


PATTERNS: tuple[Pattern, ...] = _compile_patterns()


# Per pattern (literal group, lead) or None: derived from the compiled patterns, i.e. from the lexicon
# and pattern resources (see timex_prefilter).
_INDEX = TokenIndex([p.regex for p in PATTERNS])
_PF = _INDEX.per_pattern


def _cue_regex(table: str) -> str:
    return r"\b" + _alternation(list(LEXICON[table])) + r"\b"


_TENSE = re.compile(r"(?P<perfinf>\b\w*ge\w+(?:t|en)\s+(?:haben|sein|worden)\b)|"
                    f"(?P<past>{_cue_regex('tense_past')})|(?P<future>{_cue_regex('tense_future')})")
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013]|\s-\s|\b(?:und|aber|denn|sondern|oder|doch|während)\b")
_HEUTE_GENERIC = re.compile(r"\s+" + _alternation(list(LEXICON["heute_generic"])) + r"\b")
_YEAR_QTY_AFTER = re.compile(r"\s*(?:-\s*)?" + _alternation(list(LEXICON["year_quantity_after"])) + r"(?!\w)")
_YEAR_QTY_BEFORE = re.compile(r"(?<!\w)" + _alternation(list(LEXICON["year_quantity_before"])) + r"\.?\s+$")
_YEAR_OLD_CONTEXT = re.compile(r"(?:\b(?:[Jj]ahr(?:e|es)?|[Ii]m|seit|Seit|bis|ab|Ab|von|vom|um|anno|Anno|zwischen|"
                               r"und|nach|vor)\s+|[(–-]\s*)$")
_HOLIDAY_FULL = re.compile(_alternation(list(LEXICON["holiday"])), re.IGNORECASE)
_AMOUNT_BEFORE = re.compile(r"(?:[0-9]|Euro|Dollar|Prozent|mal)\S*\s+(?:\S+\s+){0,2}$")
_SENT_START = re.compile(r"(?:^|[.!?:;\"„“»«]\s*|\n\s*)$")
# Same matches as r"(?<![0-9])[.!?][\"“”»«']?\s+|\n", written to start with a character class (the regex
# engine then skips to candidate characters instead of trying every position).
_SENT_BREAK = re.compile(r"[.!?\n](?:(?<=\n)|(?<![0-9][.!?])[\"“”»«']?\s+)")

# --------------------------------------------------------------------------- reference times

_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "quarter": 3, "half": 3, "year": 4, "decade": 5,
         "century": 6}


@dataclass(frozen=True)
class _Ref:
    value: str
    prec: str  # day | week | month | year
    d: date  # representative day (the day; Thursday of a week; the 15th; 1 July)


def _parse_ref(value: str | None) -> _Ref | None:
    if not value:
        return None
    v = value.strip().upper()
    if m := re.fullmatch(r"(\d{4})-W(\d{2})", v):
        try:
            thu = date.fromisocalendar(int(m[1]), int(m[2]), 4)
        except ValueError:
            return None
        return _Ref(f"{m[1]}-W{m[2]}", "week", thu)
    iv = interval(v[:10])
    if iv is None:
        return None
    first, last, prec = iv
    if prec == "day":
        return _Ref(first.isoformat(), "day", first)
    if prec == "month":
        return _Ref(v[:7], "month", first.replace(day=15))
    if prec == "year":
        return _Ref(v[:4], "year", date(first.year, 7, 1))
    return _Ref(v, "month", first + (last - first) / 2)


def _fmt(d: date, prec: str) -> str:
    if prec == "day":
        return d.isoformat()
    if prec == "week":
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}"
    if prec == "month":
        return f"{d.year:04d}-{d.month:02d}"
    return f"{d.year:04d}"


def _coarser(a: str, b: str) -> str:
    return a if _RANK.get(a, 4) >= _RANK.get(b, 4) else b


def _add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    return date(d.year + y, m + 1, min(d.day, 28))


def _shift(ref: _Ref, unit: str, n: int) -> str:
    """Value of the unit ``n`` steps from the reference, never finer than the reference."""
    d = ref.d
    if unit == "D":
        if ref.prec == "day":
            return (d + timedelta(days=n)).isoformat()
        return ref.value if ref.prec != "week" else _fmt(d + timedelta(days=n), "week")
    if unit in ("W", "WE"):
        if ref.prec in ("day", "week"):
            v = _fmt(d + timedelta(weeks=n), "week")
            return v + "-WE" if unit == "WE" else v
        return ref.value if n == 0 or ref.prec == "year" else _fmt(d + timedelta(weeks=n), "month")
    if unit == "M":
        return ref.value if ref.prec == "year" else _fmt(_add_months(d, n), "month")
    if unit in ("Q", "H"):
        if ref.prec == "year":
            return ref.value
        size = 3 if unit == "Q" else 6
        t = _add_months(d, n * size)
        return f"{t.year:04d}-{unit}{(t.month - 1) // size + 1}"
    if unit == "Y":
        return f"{d.year + n:04d}"
    if unit == "DE":
        return f"{d.year // 10 + n:03d}"
    if unit == "CE":
        return f"{d.year // 100 + n:02d}"
    return ref.value


def _easter(y: int) -> date:
    a, b, c = y % 19, y // 100, y % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l_) // 433
    month, day = divmod(h + l_ - 7 * m + 90, 25)
    return date(y, month, (h + l_ - 7 * m + 33 * month + 19) % 32)


# --------------------------------------------------------------------------- normalisation context


@dataclass
class _Result:
    type: str
    value: str | None
    mod: str | None = None
    basis: str = "explicit"
    anchor: str | None = None
    anaphoric: bool = False  # resolved against the text's reference: does not move it


@dataclass
class _TextRef:
    ref: _Ref
    pos: int
    sent: int
    fine: bool  # set by a month- or day-precise explicit date
    explicit: bool


class _Ctx:
    def __init__(self, text: str, dct: str | None) -> None:
        self.text = text
        self.dct = _parse_ref(dct)
        self.text_ref: _TextRef | None = None
        self.last_day: tuple[str, str, int] | None = None  # (YYYY-MM-DD, basis, sentence)
        self.starts = [0] + [m.end() for m in _SENT_BREAK.finditer(text)]
        self._cues: dict[int, list[tuple[int, str, int]]] = {}
        self._breaks: dict[int, list[int]] = {}

    def sent(self, pos: int) -> int:
        return bisect.bisect_right(self.starts, pos) - 1

    def tense(self, start: int, end: int) -> str | None:
        """"past" / "future" from the nearest tense cue in the clause around the expression, or None.
        A perfect infinitive ("soll ... aufgelauert haben") makes the clause look back."""
        i = self.sent(start)
        cues = self._cues.get(i)
        if cues is None:
            s = self.starts[i]
            e = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
            breaks = [m.start() for m in _CLAUSE_BREAK.finditer(self.text, s, e)]
            cues = [(m.start(), "perf" if m.group("perfinf") else "past" if m.group("past") else "future",
                     bisect.bisect_right(breaks, m.start())) for m in _TENSE.finditer(self.text, s, e)]
            cues.append((-1, "", -1))  # marker: breaks follow
            self._cues[i] = cues
            self._breaks[i] = breaks
        breaks = self._breaks[i]
        c0, c1 = bisect.bisect_right(breaks, start), bisect.bisect_right(breaks, max(start, end - 1))
        best: tuple[int, str] | None = None
        for pos, kind, clause in cues:
            if not kind or not (c0 <= clause <= c1):
                continue
            if kind == "perf":
                return "past"
            dist = 0 if start <= pos < end else min(abs(pos - start), abs(pos - end))
            if best is None or dist < best[0]:
                best = (dist, kind)
        return best[1] if best else None

    def anchor_ref(self, pos: int, recent_only: bool = False) -> tuple[_Ref | None, str]:
        """The reference for anaphoric expressions: the text's last explicit date, else the DCT."""
        tr = self.text_ref
        if tr is not None and (not recent_only or self.sent(pos) - tr.sent <= 1):
            return tr.ref, "relative_to_dct"
        return self.dct, "relative_to_dct"


def _num(word: str | None) -> float | str | None:
    if word is None:
        return None
    w = word.strip()
    if re.fullmatch(r"[0-9]+(?:,[0-9]+)?", w):
        f = float(w.replace(",", "."))
        return int(f) if f.is_integer() else f
    v = _lookup("number", w)
    if v is None:
        v = _lookup("number_stem", w.rstrip("-"))
    if v is None and "und" in w:  # "einundzwanzig"
        a, _, b = w.casefold().partition("und")
        va, vb = _lookup("number_stem", a) or _lookup("number", a), _lookup("number", b)
        if isinstance(va, int) and isinstance(vb, int):
            v = va + vb
    if v is None:
        w2 = w.rstrip("-")
        if w2.isdigit():
            return int(w2)
    return v


def _numstr(n: float | str) -> str:
    if isinstance(n, str):
        return n
    return str(int(n)) if float(n).is_integer() else f"{n:g}"


def _duration_value(n: float | str, unit: str) -> str:
    if unit.startswith("T"):
        return f"PT{_numstr(n)}{unit[1:]}"
    if unit == "Q":
        return f"P{_numstr(n * 3)}M" if not isinstance(n, str) else "PXM"
    return f"P{_numstr(n)}{unit}"


def _unit(word: str | None) -> str | None:
    if word is None:
        return None
    return _lookup("unit_singular", word) or _lookup("unit", word) or _lookup("unit_plural", word)


def _year_of(groups: dict[str, str | None]) -> int | None:
    y = groups.get("year")
    if not y:
        return None
    yi = int(y)
    if len(y) == 2:
        yi += 2000 if yi <= 40 else 1900
    return yi


def _month_year(ctx: _Ctx, month: int, day: int | None, start: int, end: int) -> tuple[int, str, str] | None:
    """Year of a month (and day) written without a year: (year, basis, anchor value)."""
    tr = ctx.text_ref
    if tr is not None and tr.fine and tr.explicit and ctx.sent(start) - tr.sent <= 1 and (ctx.dct is None
                                                                          or tr.ref.d.year != ctx.dct.d.year):
        return tr.ref.d.year, "relative_to_dct", tr.ref.value
    ref = ctx.dct
    if ref is None:
        return None
    y = ref.d.year
    if ref.prec == "year":
        return y, "relative_to_dct", ref.value
    tense = ctx.tense(start, end)
    rm, rd = ref.d.month, ref.d.day if ref.prec == "day" else None
    if tense == "past":
        if month > rm or (month == rm and day is not None and rd is not None and day > rd):
            y -= 1
    elif tense == "future":
        if month < rm or (month == rm and day is not None and rd is not None and day < rd):
            y += 1
    elif abs(month - rm) > 6:  # no cue: the nearest such month ("im Jänner" written in December)
        y += 1 if month < rm else -1
    return y, "relative_to_dct", ref.value


# --------------------------------------------------------------------------- normalisers

Groups = dict[str, str | None]
_Norm = Callable[[_Ctx, Pattern, Groups, int, int], "_Result | None"]


def _mod(g: Groups) -> str | None:
    return _lookup("part", g.get("part")) or _lookup("approx", g.get("approx"))


def _norm_date(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    mod = _mod(g)
    year = _year_of(g)
    basis, anchor = "explicit", None
    rel = _lookup("relative", g.get("rel"))
    relref = _lookup("relative_anaphoric", g.get("relref"))
    # seasons
    if g.get("season"):
        code = _lookup("season", g["season"])
        if year is None and g.get("year2"):
            year = int(g["year2"])
        yrel = _lookup("relative", g.get("yrel")) if g.get("yrel") else (-1 if g.get("vorj") else None)
        if year is None and yrel is not None:  # "im Herbst vergangenen Jahres"
            if ctx.dct is None:
                return _Result(p.type, None, mod, "none")
            year, basis, anchor = ctx.dct.d.year + yrel, "relative_to_dct", ctx.dct.value
        if year is None:
            if ctx.dct is None:
                return _Result(p.type, None, mod, "none")
            year, basis, anchor = _season_year(ctx, code, rel, start, end), "relative_to_dct", ctx.dct.value
        return _Result(p.type, f"{year:04d}-{code}", mod, basis, anchor)
    # quarters and halves
    if g.get("qord") or g.get("qshort"):
        if g.get("qshort"):
            kind, n = g["qshort"][0], int(g["qshort"][1])
        else:
            o = g["qord"]
            n = int(o[:-1]) if o[:-1].isdigit() else _lookup("ordinal", o)
            qu = (g.get("qunit") or "").casefold()
            kind = "Q" if qu.startswith(("quartal", "trimester")) else "H"
            if n == -1:
                n = 4 if kind == "Q" else 2
        if kind == "H" and n not in (1, 2) or kind == "Q" and n not in (1, 2, 3, 4):
            return None
        if year is None:
            if ctx.dct is None:
                return _Result(p.type, None, mod, "none")
            year, basis, anchor = ctx.dct.d.year + (rel or 0), "relative_to_dct", ctx.dct.value
        return _Result(p.type, f"{year:04d}-{kind}{n}", mod, basis, anchor)
    # months and days
    month = _lookup("month", g.get("month")) if g.get("month") else None
    if month is None and g.get("monthnum"):
        month = int(g["monthnum"])
    day = int(g["day"]) if g.get("day") else None
    if month is None:  # "Mitte 2023"
        if year is None:
            return None
        return _Result(p.type, f"{year:04d}", mod)
    if year is None:
        if g.get("rel") and p.id == "rel_month":
            if ctx.dct is None:
                return _Result(p.type, None, mod, "none")
            year = ctx.dct.d.year
            rm = ctx.dct.d.month
            if rel is not None and rel < 0 and month >= rm:
                year -= 1
            elif rel is not None and rel > 0 and month <= rm:
                year += 1
            basis, anchor = "relative_to_dct", ctx.dct.value
        elif rel is not None or relref is not None:  # "Juli dieses Jahres"
            ref, basis = (ctx.dct, "relative_to_dct") if rel is not None else ctx.anchor_ref(start)
            if ref is None:
                return _Result(p.type, None, mod, "none")
            year, anchor = ref.d.year + (rel if rel is not None else relref), ref.value
        else:
            res = _month_year(ctx, month, day, start, end)
            if res is None:
                return _Result(p.type, None, mod, "none")
            year, basis, anchor = res
    if day is not None:
        try:
            v = date(year, month, day).isoformat()
        except ValueError:
            return None
    else:
        v = f"{year:04d}-{month:02d}"
    return _Result(p.type, v, mod, basis, anchor)


def _season_year(ctx: _Ctx, code: str, rel: int | None, start: int, end: int) -> int:
    assert ctx.dct is not None
    d = ctx.dct.d
    first = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    # the season instance the reference lies in, or the last one that began before it
    y = d.year if (d.month >= first or code == "WI" and d.month >= 12) else d.year - 1
    if code == "WI" and d.month <= 2:
        y = d.year - 1
    current = (d.month - first) % 12 < 3
    if rel is None:
        tense = ctx.tense(start, end)
        if tense == "past":
            return y
        if tense == "future":
            return y if current else y + 1
        return d.year if code != "WI" or d.month > 2 else d.year - 1
    if rel == 0:
        return y if current else y + 1
    if rel < 0:
        return y - 1 if current else y
    return y + 1


def _norm_year(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    return _Result(p.type, g["year"])


def _norm_decade(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    if g.get("decword"):
        cent, dec = 19, _lookup("decade_word", g["decword"])
    else:
        cent = int(g["cent"]) if g.get("cent") else 19
        dec = int(g["dec"] or 0)
    return _Result(p.type, f"{cent:02d}{dec}", _mod(g))


def _norm_century(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    n = int(g["cnum"]) if g.get("cnum") else _lookup("ordinal", g.get("cord"))
    if not isinstance(n, int) or n < 1 or n > 21:
        return None
    mod = _mod(g)
    if g.get("half"):
        mod = "START" if g["half"].startswith("erst") else "END"
    return _Result(p.type, f"{n - 1:02d}", mod)


def _norm_relunit(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    unit = _unit(g.get("unit"))
    if unit is None:
        return None
    mod = _mod(g)
    rel = _lookup("relative", g.get("rel"))
    relref = _lookup("relative_anaphoric", g.get("relref"))
    if unit == "WE" and rel is None:  # "am Wochenende": the weekend the tense points to
        return _weekend(ctx, p, start, end)
    if rel is not None and unit != "D":
        ref, basis, n = ctx.dct, "relative_to_dct", rel
    else:  # anaphoric: "am folgenden Tag", "am nächsten Tag", "Ende des Jahres", "im Laufe des Jahres"
        ref, basis = ctx.anchor_ref(start, recent_only=relref is None and rel is None)
        n = relref if relref is not None else (rel or 0)
        if ref is None:
            return _Result(p.type, None, mod, "none")
        return _Result(p.type, _shift(ref, unit, n), mod, basis, ref.value, anaphoric=True)
    if ref is None:
        return _Result(p.type, None, mod, "none")
    return _Result(p.type, _shift(ref, unit, n), mod, basis, ref.value)


def _weekend(ctx: _Ctx, p: Pattern, start: int, end: int) -> _Result:
    ref = ctx.dct
    if ref is None:
        return _Result(p.type, None, None, "none")
    if ref.prec not in ("day", "week"):
        return _Result(p.type, ref.value, None, "relative_to_dct", ref.value)
    d = ref.d
    tense = ctx.tense(start, end)
    if ref.prec == "day" and tense != "future" and d.isoweekday() < 5:
        d = d - timedelta(days=7)
    return _Result(p.type, _fmt(d, "week") + "-WE", None, "relative_to_dct", ref.value)


def _norm_compound(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    spec = _lookup("compound", g.get("comp"))
    if not spec:
        return None
    unit, n, anchor_kind = spec
    if anchor_kind == "ref":
        ref, basis = ctx.anchor_ref(start)
    else:
        ref, basis = ctx.dct, "relative_to_dct"
    if ref is None:
        return _Result(p.type, None, None, "none")
    return _Result(p.type, _shift(ref, unit, n), None, basis, ref.value, anaphoric=anchor_kind == "ref")


def _norm_deictic(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    word = g["deictic"] or ""
    unit, n = _lookup("deictic", word)
    dp = _lookup("daypart_suffix", g.get("dp")) or _lookup("daypart", g.get("dp"))
    if word.casefold() == "heute" and not dp and _HEUTE_GENERIC.match(ctx.text, end):
        return _Result("DATE", "PRESENT_REF")
    ref = ctx.dct
    if ref is None:
        return _Result("TIME" if dp else "DATE", None, None, "none")
    v = _shift(ref, unit, n)
    if dp and len(v) == 10:
        return _Result("TIME", f"{v}T{dp}", None, "relative_to_dct", ref.value)
    return _Result("TIME" if dp else "DATE", v, None, "relative_to_dct", ref.value)


def _norm_weekday(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    wd = _lookup("weekday", g["wd"])
    dp = _lookup("daypart_suffix", g.get("dp")) or _lookup("daypart_adverb", g.get("dp2"))
    typ = "TIME" if dp else "DATE"
    ref = ctx.dct
    if ref is None:
        return _Result(typ, None, None, "none")
    rel = _lookup("relative", g.get("rel"))
    reladj = _lookup("relative_adjective", g.get("reladj"))
    if ref.prec == "week":
        d = ref.d - timedelta(days=ref.d.isoweekday() - wd)
        if rel:
            d += timedelta(weeks=rel)
    elif ref.prec == "day":
        d0 = ref.d
        if reladj is not None:
            d0 = d0 + timedelta(days=reladj)
        back = (d0.isoweekday() - wd) % 7
        fwd = (wd - d0.isoweekday()) % 7
        if reladj is not None:
            d = d0 if back == 0 else (d0 + timedelta(days=fwd) if fwd <= back else d0 - timedelta(days=back))
        elif rel is not None and rel < 0:
            d = d0 - timedelta(days=back or 7)
        elif rel is not None and rel > 0:
            d = d0 + timedelta(days=fwd or 7)
        elif rel == 0:
            d = d0 + timedelta(days=wd - d0.isoweekday())
        else:
            tense = ctx.tense(start, end)
            d = d0 + timedelta(days=fwd) if tense == "future" else d0 - timedelta(days=back)
    else:
        return _Result(typ, ref.value, None, "relative_to_dct", ref.value)
    v = d.isoformat()
    if dp:
        v += f"T{dp}"
    return _Result(typ, v, None, "relative_to_dct", ref.value)


def _norm_holiday(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    """A holiday with a year is that day; without one KRAUTS leaves it unresolved ("XXXX-XX-XX", even
    when the DCT would fix it: "in den Tagen vor dem Heiligen Abend"); resolve_holiday() dates it."""
    spec = _lookup("holiday", g["holiday"])
    if not spec:
        return None
    year = _year_of(g)
    if year is None:
        return _Result(p.type, "XXXX-XX-XX", None, "none")
    return _Result(p.type, _holiday_date(spec, year).isoformat())


def _holiday_date(spec: str, year: int) -> date:
    if spec.startswith("E"):
        return _easter(year) + timedelta(days=int(spec[1:]))
    return date(year, int(spec[:2]), int(spec[3:]))


def resolve_holiday(text: str, timex: Timex, dct: str | None) -> Timex | None:
    """The dated form of a holiday that ``tag`` left unresolved ("XXXX-XX-XX"): the instance the DCT
    and the clause's tense point to ("Weihnachten wird ... gefeiert", DCT 2024-03-28 -> 2024-12-25;
    "Zu Ostern hatte er ...", DCT 2024-06-01 -> 2024-03-31). None for other expressions or without a DCT."""
    if timex.type != "DATE" or timex.value != "XXXX-XX-XX":
        return None
    m = _HOLIDAY_FULL.fullmatch(timex.text)
    spec = _lookup("holiday", m.group(0)) if m else None
    ctx = _Ctx(text, dct)
    if not spec or ctx.dct is None:
        return None
    d = _holiday_date(spec, ctx.dct.d.year)
    res = _month_year(ctx, d.month, d.day, timex.start, timex.end)
    if res is None:
        return None
    d = _holiday_date(spec, res[0])
    return Timex(start=timex.start, end=timex.end, text=timex.text, type="DATE", value=d.isoformat(),
                 first=d, last=d, precision="day", basis="relative_to_dct", anchor=res[2])


def anchored_date(text: str, timex: Timex, dct: str | None) -> Timex | None:
    """For the dating stage: the DATE an expression points to where ``tag`` (following KRAUTS) gives
    none: "vor zwei Wochen" (resolve_ago) and year-less holidays (resolve_holiday); else None."""
    return resolve_ago(text, timex, dct) or resolve_holiday(text, timex, dct)


_AGO_BEFORE = re.compile(r"\b[Vv]or\s+$")
_DURATION_VALUE = re.compile(r"P(T?)([0-9]+(?:\.[0-9]+)?|X)([A-Z]+)")


def resolve_ago(text: str, timex: Timex, dct: str | None) -> Timex | None:
    """The anchored DATE of an "ago" expression. ``tag`` follows KRAUTS and returns "vor zwei Wochen"
    as the DURATION "zwei Wochen" (P2W); for a DURATION right after "vor" this returns the DATE the
    phrase points to, span including "vor" ("vor zwei Wochen", DCT 2024-03-14 -> "2024-W09";
    "vor Jahren" -> PAST_REF), else None. Without a DCT the value is None (basis "none")."""
    if timex.type != "DURATION" or not timex.value:
        return None
    m = _AGO_BEFORE.search(text, max(0, timex.start - 8), timex.start)
    v = _DURATION_VALUE.fullmatch(timex.value)
    if m is None or v is None:
        return None
    unit = ("T" if v[1] else "") + v[3]
    if v[2] == "X":
        res = _Result("DATE", "PAST_REF", timex.mod)
    else:
        n = float(v[2])
        res = _offset(_parse_ref(dct), "DATE", -(int(n) if n.is_integer() else n), unit, timex.mod)
    first, last, prec = _interval_of(res.value)
    return Timex(start=m.start(), end=timex.end, text=text[m.start():timex.end], type="DATE", value=res.value,
                 mod=res.mod, first=first, last=last, precision=prec,
                 basis="none" if res.value is None else res.basis,
                 anchor=res.anchor if res.basis != "explicit" else None)


def _offset(ref: _Ref | None, typ: str, n: float, unit: str, mod: str | None,
            basis: str = "relative_to_dct") -> _Result:
    if ref is None:
        return _Result(typ, None, mod, "none")
    if not float(n).is_integer():  # "vor eineinhalb Jahren": one unit finer
        n, unit = {"Y": (n * 12, "M"), "M": (n * 30, "D"), "W": (n * 7, "D")}.get(unit, (round(n), unit))
    n = int(n)
    if unit.startswith("T"):
        unit, n = "D", 0 if unit != "TH" or abs(n) < 24 else n // 24
    if unit == "DE":
        unit, n = "Y", n * 10
    if unit == "CE":
        unit, n = "Y", n * 100
    if unit == "D" and ref.prec == "day":
        return _Result(typ, (ref.d + timedelta(days=n)).isoformat(), mod, basis, ref.value)
    if unit == "M" and ref.prec in ("day", "week", "month"):
        return _Result(typ, _fmt(_add_months(ref.d, n), "month"), mod, basis, ref.value)
    if unit == "W" and ref.prec in ("day", "week"):
        return _Result(typ, _fmt(ref.d + timedelta(weeks=n), "week"), mod, basis, ref.value)
    if unit == "Y":
        return _Result(typ, f"{ref.d.year + n:04d}", mod, basis, ref.value)
    # the unit is finer than the reference: shift the representative day, keep the reference precision
    days = {"D": 1, "W": 7, "WE": 7, "M": 30, "Q": 91}.get(unit, 1) * n
    return _Result(typ, _fmt(ref.d + timedelta(days=days), ref.prec if ref.prec != "week" else "week"),
                   mod, basis, ref.value)


def _ago_amount(g: Groups) -> tuple[float | str | None, str | None]:
    n: float | str | None = _num(g.get("num")) if g.get("num") else ("X" if g.get("vague") else None)
    return n, _unit(g.get("unit"))


def _norm_later(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    n, unit = _ago_amount(g)
    if unit is None or n is None or isinstance(n, str):
        return None
    sign = -1 if g.get("dir") in ("zuvor", "davor", "früher") else 1
    ref, basis = ctx.anchor_ref(start)
    typ = "TIME" if unit.startswith("T") else "DATE"
    if typ == "TIME":
        return _Result(typ, "XXXX-XX-XXTXX:XX", _lookup("approx", g.get("approx")), "none")
    r = _offset(ref, p.type, sign * n, unit, _lookup("approx", g.get("approx")), basis)
    r.anaphoric = True
    return r


def _norm_ref(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    if g.get("ex"):
        return _Result(p.type, "PAST_REF")
    v = (_lookup("ref", g.get("ref")) or _lookup("ref_adjective", g.get("refadj"))
         or _lookup("ref_noun", g.get("refnoun")))
    return _Result(p.type, v) if v else None


def _norm_rel_plural(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    rel = _lookup("relative", g.get("rel"))
    unit = _unit(g.get("unit"))
    if rel is None or unit is None:
        return None
    if rel > 0:
        return _Result("DATE", "FUTURE_REF")
    if rel == 0:
        return _Result("DATE", "PRESENT_REF")
    return _Result("DURATION", _duration_value("X", unit))


def _norm_ordinal_unit(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    """ "in der dritten Woche": the n-th unit counted from the text's last day-precise date, which sets
    the frame ("Start war am 1. Juli ... in der dritten Woche" -> the week of 15 July); without one
    unresolved ("am ersten Tag der Meisterschaft": XXXX-XX-XX, as KRAUTS)."""
    unit = _unit(g.get("unit"))
    n = _lookup("ordinal", g.get("ord"))
    tr = ctx.text_ref
    if unit is None or not isinstance(n, int) or n < 1:
        return None
    if tr is None or tr.ref.prec != "day":
        return _Result(p.type, "XXXX-XX-XX", None, "none")
    return _Result(p.type, _shift(tr.ref, unit, n - 1), None, "relative_to_dct", tr.ref.value, anaphoric=True)


def _norm_named_period(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    return _Result(p.type, "XXXX-XX-XX", None, "none")


def _norm_duration(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    mod = _lookup("approx", g.get("approx"))
    if g.get("vadj"):
        return _Result(p.type, _lookup("duration_adjective_vague", g["vadj"]), mod)
    if g.get("adjunit"):
        unit = _lookup("duration_adjective_unit", g["adjunit"])
        n = _num(g.get("num"))
    else:
        unit = _unit(g.get("unit"))
        n = _num(g.get("num")) if g.get("num") else "X"
    if unit is None or n is None:
        return None
    if g.get("num") and (g["num"].casefold() == "eines" and (g.get("unit") or "").casefold() == "tages"):
        return None  # "eines Tages" = some day
    return _Result(p.type, _duration_value(n, unit), mod)


def _norm_set(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    if g.get("setw"):
        return _Result(p.type, _lookup("set_adverb", g["setw"]))
    if g.get("setwd"):
        wd = _lookup("set_weekday_adverb", g["setwd"])
        return _Result(p.type, f"XXXX-WXX-{wd}")
    if g.get("inmonth"):
        return _Result(p.type, "P1M")
    if g.get("wd"):
        wd = _lookup("weekday", g["wd"])
        dp = _lookup("daypart_suffix", g.get("dp"))
        return _Result(p.type, f"XXXX-WXX-{wd}" + (f"T{dp}" if dp else ""))
    if g.get("dp2"):
        return _Result(p.type, f"XXXX-XX-XXT{_lookup('daypart', g['dp2'])}")
    unit = _unit(g.get("unit"))
    if unit is None:
        return None
    n = _num(g.get("num")) if g.get("num") else 1
    if n is None:
        return None
    return _Result(p.type, _duration_value(n, unit))


def _time_anchor(ctx: _Ctx, start: int, window: int = 0) -> tuple[str | None, str, str | None]:
    """Day for a clock time or part of day: (YYYY-MM-DD or None, basis, anchor). The last day-precise
    date within ``window`` sentences before, else the DCT's day, else one a sentence further back."""
    gap = ctx.sent(start) - ctx.last_day[2] if ctx.last_day is not None else 99
    if ctx.last_day is not None and gap <= window:
        return ctx.last_day[0], ctx.last_day[1], ctx.last_day[0]
    if ctx.dct is not None and ctx.dct.prec == "day":
        return ctx.dct.value, "relative_to_dct", ctx.dct.value
    if ctx.last_day is not None and gap <= window + 1:
        return ctx.last_day[0], ctx.last_day[1], ctx.last_day[0]
    return None, "none", None


def _norm_clock(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    if g.get("midnight"):
        h, mi = 24, 0
    else:
        h, mi = int(g["hour"]), int(g["minute"] or 0)
    dp = _lookup("daypart_adverb", g.get("dp2"))
    if dp in ("AF", "EV", "NI") and h < 12 and not (dp == "NI" and h < 5):
        h += 12
    if h > 24 or (h == 24 and mi):
        return None
    day, basis, anchor = _time_anchor(ctx, start)
    return _Result(p.type, f"{day or 'XXXX-XX-XX'}T{h:02d}:{mi:02d}", None, basis, anchor)


def _norm_daypart(ctx: _Ctx, p: Pattern, g: Groups, start: int, end: int) -> _Result | None:
    dp = _lookup("daypart", g.get("dp"))
    if not dp:
        return None
    day, basis, anchor = _time_anchor(ctx, start, window=2)
    return _Result(p.type, f"{day or 'XXXX-XX-XX'}T{dp}", None, basis, anchor)


_NORMALISERS: dict[str, _Norm] = {
    "date": _norm_date, "year": _norm_year, "decade": _norm_decade, "century": _norm_century,
    "relunit": _norm_relunit, "compound": _norm_compound, "deictic": _norm_deictic,
    "weekday": _norm_weekday, "holiday": _norm_holiday, "later": _norm_later,
    "ref": _norm_ref, "rel_plural": _norm_rel_plural, "duration": _norm_duration, "set": _norm_set,
    "clock": _norm_clock, "daypart": _norm_daypart,
    "ordinal_unit": _norm_ordinal_unit, "named_period": _norm_named_period,
}
_missing = {p.norm for p in PATTERNS} - set(_NORMALISERS)
if _missing:
    raise ValueError(f"patterns.toml names unknown normalisers: {sorted(_missing)}")

# --------------------------------------------------------------------------- candidate search


def _check(p: Pattern, text: str, m: re.Match[str]) -> bool:
    s, e = m.span()
    before = text[max(0, s - 40):s]
    after = text[e:e + 40]
    if p.left is not None and not p.left.search(before):
        return False
    if p.not_left is not None and p.not_left.search(before):
        return False
    if p.right is not None and not p.right.match(after):
        return False
    if p.not_right is not None and p.not_right.match(after):
        return False
    g = m.groupdict()
    if p.norm == "year":
        y = int(g["year"])
        if _YEAR_QTY_AFTER.match(after) or _YEAR_QTY_BEFORE.search(before):
            return False
        if y < 1900 and not (_YEAR_OLD_CONTEXT.search(before) or re.match(r"\s*[-–)/]", after)):
            return False
    elif p.norm == "deictic":
        w = g.get("deictic") or ""
        if w == "Morgen" and not _SENT_START.search(before):
            return False
    elif p.id == "duration_adj":
        num = g.get("num") or ""
        if num[:1].isdigit() and (g.get("adjunit") or "").startswith("j") and int(num.rstrip("-")) < 100:
            return False  # "die 47-jährige": an age
    elif p.norm == "duration" and (g.get("unit") or "").startswith("Jahr") and re.search(r"\bmit\s+$", before):
        return False  # "mit 16 Jahren": an age
    elif p.id == "set_per":
        if not g.get("freq") and g.get("per") not in ("pro", "je") and not _AMOUNT_BEFORE.search(before):
            return False
    return True


def _todo(regions: list[tuple[int, int]], scans: list[tuple[list[int], list[int]]]) -> list[list[int]]:
    """Per region, the indices (in PATTERNS order) of the patterns whose literals occur in it; the
    others cannot match there (see timex_prefilter)."""
    n = len(regions)
    todo: list[list[int]] = [[] for _ in range(n)]
    los = [r[0] for r in regions]
    his = [r[1] for r in regions]
    monotone = all(his[i] <= his[i + 1] for i in range(n - 1))
    for k, pf in enumerate(_PF):
        if pf is None:
            for t in todo:
                t.append(k)
            continue
        starts, ends = scans[pf[0]]
        if not starts:
            continue
        if monotone:  # regions sorted by start and by end: walk the occurrences
            for q, qe in zip(starts, ends, strict=True):
                j = bisect.bisect_right(his, q)  # first region ending after q
                while j < n and los[j] < qe:
                    t = todo[j]
                    if not t or t[-1] != k:
                        t.append(k)
                    j += 1
        else:
            for j, (lo, hi) in enumerate(regions):
                i = bisect.bisect_right(ends, lo)
                if i < len(starts) and starts[i] < hi:
                    todo[j].append(k)
    return todo


def _candidates(text: str, lo: int, hi: int, todo: list[int],
                scans: list[tuple[list[int], list[int]]]) -> list[tuple[int, int, int, Pattern, re.Match[str]]]:
    """The candidates of the patterns ``todo`` in ``text[lo:hi]``: for each pattern, what repeated
    ``regex.search(text, pos, hi)`` finds (after a kept match from its end, else from its start + 1).
    The search starts no earlier than the pattern's prefilter allows: a match contains one of its
    literals, starting at most ``lead`` characters after the match start."""
    out = []
    for k in todo:
        p = PATTERNS[k]
        rx = p.regex
        pf = _PF[k]
        starts, ends = scans[pf[0]] if pf is not None else ((), ())
        lead = pf[1] if pf is not None else 0
        pos = lo
        while True:
            if pf is not None:
                i = bisect.bisect_right(ends, pos)  # first occurrence ending after pos
                if i == len(starts):
                    break
                if starts[i] - lead > pos:
                    pos = starts[i] - lead
                if pos >= hi:
                    break
            m = rx.search(text, pos, hi)
            if m is None:
                break
            s, e = m.span()
            if e > s and _check(p, text, m):
                out.append((s, e, p.priority, p, m))
                pos = e
            else:
                pos = s + 1
    return out


def _select(cands: list[tuple[int, int, int, Pattern, re.Match[str]]]) -> list[tuple[int, int, Pattern, re.Match[str]]]:
    cands.sort(key=lambda c: (-(c[1] - c[0]), c[2], c[0]))
    taken: list[tuple[int, int]] = []  # sorted, non-overlapping
    chosen = []
    for s, e, _, p, m in cands:
        i = bisect.bisect_left(taken, (s, e))
        if i > 0 and taken[i - 1][1] > s:
            continue
        if i < len(taken) and taken[i][0] < e:
            continue
        taken.insert(i, (s, e))
        chosen.append((s, e, p, m))
    chosen.sort(key=lambda c: c[0])
    return chosen


def _interval_of(value: str | None) -> tuple[date | None, date | None, str | None]:
    return interval(value) or (None, None, None)


def _share_year(out: list[Timex], waiting: list[int], head: str, basis: str, anchor: str | None) -> None:
    """Give the days of a list ("am 18. und 20. Juni", "zwischen dem 18. und 20. Juni") the year of the
    date that ends it. Each day was resolved on its own, and a year-less month takes its year from the
    tense of its own clause: "18." stands before "und", so without this it could land in another year
    than "20. Juni besuchte …". Only days of the head's month are changed."""
    for i in waiting:
        t = out[i]
        if t.value and len(t.value) == 10 and t.value[5:7] == head[5:7] and t.value[:4] != head[:4]:
            value = head[:4] + t.value[4:]
            first, last, _prec = _interval_of(value)
            out[i] = replace(t, value=value, first=first, last=last, basis=basis,
                             anchor=anchor if basis != "explicit" else None)


def tag(text: str, dct: str | None, *, spans: list[tuple[int, int]] | None = None) -> list[Timex]:
    """Find German time expressions in ``text`` and normalise them against ``dct`` (a TIMEX3 value
    or None). ``spans`` restricts the search to those (start, end) regions; offsets are into ``text``.
    Returns non-overlapping Timex objects sorted by start."""
    regions = [(0, len(text))] if spans is None else sorted((max(0, s), min(len(text), e)) for s, e in spans)
    regions = [r for r in regions if r[1] > r[0]]
    scans = _INDEX.scan(text)
    cands = []
    for (lo, hi), todo in zip(regions, _todo(regions, scans), strict=True):
        if todo:
            cands.extend(_candidates(text, lo, hi, todo, scans))
    ctx = _Ctx(text, dct)
    out: list[Timex] = []
    heads: list[int] = []  # list days without their own year, waiting for the date that ends the list
    for s, e, p, m in _select(cands):
        g = m.groupdict()
        res = _NORMALISERS[p.norm](ctx, p, g, s, e)
        if res is None:
            continue
        if p.id == "day_in_list" and not g.get("year"):
            heads.append(len(out))
        else:
            if heads and res.type == "DATE" and res.value and len(res.value) == 10:
                _share_year(out, heads, res.value, res.basis, res.anchor)
            heads = []
        first = last = prec = None
        if res.type in ("DATE", "TIME"):
            first, last, prec = _interval_of(res.value)
            explicit = res.basis == "explicit"
            if first is not None and res.type == "DATE" and res.value and not res.anaphoric and (
                    prec == "day" or explicit and prec in ("month", "year", "season", "quarter", "half")):
                r = _parse_ref(res.value)
                if r is not None:
                    ctx.text_ref = _TextRef(r, s, ctx.sent(s), prec in ("day", "month"), explicit)
            if prec == "day" and res.value:
                ctx.last_day = (res.value[:10], res.basis, ctx.sent(s))
        if res.value is None:
            res.basis = "none"
        out.append(Timex(start=s, end=e, text=text[s:e], type=res.type, value=res.value, mod=res.mod,
                         first=first, last=last, precision=prec, basis=res.basis,
                         anchor=res.anchor if res.basis != "explicit" else None))
    return out
