"""The required-literal shortcut for regex searches (``app/ingest/literals.py``) never skips a match."""

from __future__ import annotations

import re
import sys

import pytest

from app.ingest import clean
from app.ingest.literals import FOLD_SAFE, may_match, required

_ALL = "".join(chr(cp) for cp in range(sys.maxunicode + 1))


def test_fold_safe_characters_match_only_their_own_cases() -> None:
    """Under re.IGNORECASE a fold-safe character matches only its own upper and lower case, and it
    appears in a lower-cased text only where one of those stood."""
    for ch in FOLD_SAFE:
        found = set(re.compile(re.escape(ch), re.IGNORECASE).findall(_ALL))
        assert found <= {ch, ch.lower(), ch.upper()}, (ch, found)
    changed = [c for c in _ALL if c.lower() != c]  # the only characters whose lower case is another one
    for c in changed:
        low = c.lower()
        assert not any(ch in low for ch in FOLD_SAFE if c not in (ch.upper(), ch.lower())), c


@pytest.mark.parametrize("pattern, flags, lines", [
    (r"(?:Quelle:\s*)?(?:\(c\)|©)\s*[A-Z]\w+ \d{4}", re.IGNORECASE, ["(C) Foo 2020", "© bar 1999", "nichts"]),
    (r"\bNewsletter\b.{0,80}\b(?:anmelden|abonnieren)\b|^\s*Jetzt\s+anmelden", re.IGNORECASE,
     ["NEWSLETTER jetzt ABONNIEREN", "jetzt anmelden", "Newsletter"]),
    (r"\s+Von\s+(?:Reuters|dpa)\s*$", 0, [" Von dpa", " von dpa", "Von"]),
])
def test_required_literals_keep_every_match(pattern: str, flags: int, lines: list[str]) -> None:
    rx = re.compile(pattern, flags)
    need = required(rx)
    assert need is not None
    for line in lines:
        if rx.search(line):
            assert may_match(*need, line, line.lower())


def test_boilerplate_rules_with_shortcut_agree_with_search() -> None:
    """Every boilerplate rule: where the search matches on a set of tricky lines, the shortcut lets it run."""
    lines = ["Foto: dpa", "(c) Reuters 2023.", "© AFP 2024", "Newsletter hier ABONNIEREN", "dpa:230912-99-12/3",
             "Moskau (dpa) - Russland", "Stand: 12.03.2024 10:00 Uhr", "Text. ag/dpa", "Text (Reuters)",
             "KEINE NACHRICHTEN MEHR VERPASSEN", "Click for restrictions - https://x", "Quelle: © Sputnik 2021",
             "İ K ſ text", "Der Satz endet hier. Von AFP"]
    for rule in clean._rules():
        for rx in (rule.regex, rule.continues):
            if rx is None:
                continue
            need = required(rx)
            for line in lines:
                if need is not None and rx.search(line):
                    assert may_match(*need, line, line.lower()), (rx.pattern, line)
