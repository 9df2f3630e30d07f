"""Grouping a chronological page of events into years and months for the timeline page.

Events dated to a day, week or month fall under their month ("Juni"). Coarser dates get a group of
their own, labelled at their real precision ("Sommer 2024", "2. Quartal 2024", "2024 – ohne genaueren
Zeitpunkt"), so an event known only as "2024" is never shown as if it happened in January. Undated
events form the final section "ohne Datum".
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app import labels

FINE = ("day", "week", "month")


@dataclass
class MonthGroup:
    key: str
    label: str
    imprecise: bool
    events: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class YearGroup:
    year: int | None
    label: str
    groups: list[MonthGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(g.events) for g in self.groups)


def group_events(events: list[dict[str, Any]]) -> list[YearGroup]:
    years: dict[int | None, YearGroup] = {}
    index: dict[tuple[int | None, str], MonthGroup] = {}
    for ev in events:
        d = ev["date"]
        start = date.fromisoformat(d["start"]) if d.get("start") else None
        if start is None:
            year: int | None = None
            key, label, imprecise = "none", "ohne Datum", True
        else:
            year = start.year
            prec = d.get("precision") or "day"
            if prec in FINE:
                key, label, imprecise = f"m{start.month:02d}", labels.month_name(start.month), False
            else:
                text = labels.format_value(d.get("value"), start, prec)
                if prec == "year":
                    text = f"{text} – ohne genaueren Zeitpunkt"
                key, label, imprecise = f"p{d.get('value') or prec}", text, True
        yg = years.get(year)
        if yg is None:
            yg = years[year] = YearGroup(year, str(year) if year is not None else "ohne Datum")
        mg = index.get((year, key))
        if mg is None:
            mg = index[(year, key)] = MonthGroup(key, label, imprecise)
            yg.groups.append(mg)
        mg.events.append(ev)
    return list(years.values())
