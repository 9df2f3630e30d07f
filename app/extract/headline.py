"""A short German headline per event, built from its parts: who (actor or state), the type's verb
phrase, whom, and the status ("Putin besucht Nordkorea", "Nordkorea liefert Waffen an Russland
(mutmaßlich)"). Templates live in ``resources/events/headlines.toml``.

Policy: the headline only uses names the event carries; an empty slot falls back to the state, then
to a neutral wording, never to a guess.
"""

from __future__ import annotations

from functools import cache

from .clauses import load_toml
from .model import ActorRef, CountryRef


@cache
def _templates() -> dict:
    return load_toml("headlines.toml")


_SHORT: dict[str, str] = {}


def _short(name: str) -> str:
    """The surname from the actor lexicon (family name first for Korean and Chinese names; the full
    name where a surname is shared, as with Kim). Memoised per name."""
    hit = _SHORT.get(name)
    if hit is None:
        from .entities import short_name  # the lexicon loads once, on first use

        if len(_SHORT) > 100_000:
            _SHORT.clear()
        hit = _SHORT[name] = short_name(name)
    return hit


def headline(event_type: str, status: str, actors: tuple[ActorRef, ...], countries: tuple[CountryRef, ...],
             obj: str | None = None) -> str:
    t = _templates()
    names = [_short(a.name) for a in actors]
    states = [c.name for c in countries]
    a = names[0] if names else (states[0] if states else "")
    actor_states = {x.country for x in actors if x.country}
    rest_states = [c.name for c in countries if c.code not in actor_states and c.name != a]
    b = names[1] if len(names) > 1 else (rest_states[0] if rest_states else "")
    pattern = t["types"].get(event_type, t["types"]["other"])
    if not a:
        pattern = t["fallback"].get(event_type, t["fallback"]["other"])
    elif not b:
        pattern = t["single"].get(event_type, pattern)
    text = pattern.format(a=a, b=b, obj=obj or t["objects"].get(event_type, ""))
    text = " ".join(text.split())
    suffix = t["status"].get(status, "")
    return f"{text} {suffix}".strip()
