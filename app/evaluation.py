"""Pairwise scoring of merges against a gold list of same-event groups.

Gold: the annotated events of some articles (the ``../shared/gold`` format: articles with ``file``
and ``events`` with ``evidence``) and a list of groups of those events that are one real event
(``tests/fixtures/merge_gold.json``). System: the stored mentions, each with its citation span and
``group_id``.

Each gold event is matched to the stored mention whose citation overlaps its evidence (one-to-one,
greedy: a mention of the same type first, then the larger overlap). A pair of matched gold events
is predicted as the same event when their mentions share a group. Precision = correct predicted pairs / predicted
pairs; recall = correct predicted pairs / gold pairs (pairs with an unmatched member count as
missed).
"""

from __future__ import annotations

from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.store.models import Article, Citation, Event


def merge_scores(session: Session, gold_articles: list[dict[str, Any]], groups: list[dict[str, Any]]) -> dict:
    texts = {a.file_name: a.text for a in session.scalars(select(Article))}
    gold_spans: dict[tuple[str, str], tuple[int, int, str]] = {}
    for art in gold_articles:
        raw = texts.get(art["file"])
        if raw is None:
            continue
        for ev in art["events"]:
            i = raw.find(ev["evidence"])
            if i >= 0:
                gold_spans[(art["file"], ev["evidence"])] = (i, i + len(ev["evidence"]), ev["type"])
    mentions = session.execute(
        select(Article.file_name, Citation.start, Citation.end, Event.id, Event.group_id, Event.type)
        .join(Citation, Citation.article_id == Article.id).join(Event, Event.id == Citation.event_id)
    ).all()
    edges = []
    for gk, (gs, ge, gtype) in gold_spans.items():
        for k, (f, s, e, _eid, _gid, stype) in enumerate(mentions):
            if f == gk[0]:
                ov = min(ge, e) - max(gs, s)
                if ov > 0:
                    edges.append((stype == gtype, ov, gk, k))
    # Same type first, then larger overlap: each gold event goes to the mention that stands for it.
    edges.sort(key=lambda x: (not x[0], -x[1], x[2], x[3]))
    match: dict[tuple[str, str], int] = {}
    used: set[int] = set()
    for _, _, gk, k in edges:
        if gk not in match and k not in used:
            match[gk] = k
            used.add(k)
    group_of = {gk: (mentions[k][4] or mentions[k][3]) for gk, k in match.items()}

    gold_pairs: set[frozenset] = set()
    for g in groups:
        keys = [(m["file"], m["evidence"]) for m in g["mentions"]]
        gold_pairs |= {frozenset(p) for p in combinations(keys, 2)}
    predicted = {frozenset((a, b)) for a, b in combinations(sorted(group_of), 2) if group_of[a] == group_of[b]}
    tp = len(predicted & gold_pairs)
    precision = tp / len(predicted) if predicted else 1.0
    recall = tp / len(gold_pairs) if gold_pairs else 1.0
    return {
        "gold_pairs": len(gold_pairs), "predicted_pairs": len(predicted), "correct_pairs": tp,
        "precision": precision, "recall": recall,
        "f1": 2 * precision * recall / (precision + recall) if precision + recall else 0.0,
        "matched_gold_events": len(match), "gold_events": len(gold_spans),
        "false_pairs": sorted(tuple(sorted(p)) for p in predicted - gold_pairs),
        "missed_pairs": sorted(tuple(sorted(p)) for p in gold_pairs - predicted),
    }
