"""Status of an event (reported | alleged | denied | planned | speculative) and who holds the claim.

Heuristics, cue words from ``resources/events/cues.toml``:
- denied: the clause's event is a denial ("bestreiten", "zurückweisen", "dementieren"); "weder
  bestätigt noch dementiert" is a plain statement.
- speculative: modal hedges in the clause ("könnte", "dürfte", "wohl", "scheinen") or a framing
  clause earlier in the sentence ("Es ist die Rede davon, dass ...", "Es wird spekuliert, dass ...").
  "möglicherweise" directly before an adjective hedges only the adjective.
- planned: plan words ("will", "plant", "geplant", "kommende Woche", "im Vorfeld"), a future
  "wird/werde ... <infinitive>" (not the passive "wird ... fortgesetzt"), or an event date after the
  document date.
- alleged: hedges that always mark an unconfirmed claim ("soll", "mutmaßlich", "angeblich",
  "offenbar", "nach Erkenntnissen", "Geheimdienstschätzungen", "heißt es"); attributions
  ("laut X", "nach Angaben X", "X zufolge", "wie X mitteilte", "X vermutet") count as alleged unless
  X is the event's own side (X names the event's first state) or a neutral authority (a UN report).
  "demnach" carries over the previous sentence's attribution. An impersonal "..., hieß es" makes
  reported speech (Konjunktiv) alleged; an indicative account with it keeps the earlier source.
- Statements (speech acts) are reported: the speaking itself happened. Konjunktiv I of reported
  speech is not a hedge by itself.

- speculative also: "schließt ... nicht (mehr) aus" (a hedge, not a negation; it frames a dass-clause),
  "erwägt", "möglich" (not "so bald wie möglich"), "ist unklar/offen", and an "Ob ..." clause. An open
  future ("in der Zukunft") in a past clause is no plan.
- Claim holders are clean noun phrases (``holders``): persons, institutions in the nominative ("der
  ukrainische Militärgeheimdienst", "westliche Staaten"), or the states named.

False-positive policy: plain "reported" is the default; a hedge needs a cue word in the clause or
an attribution in its sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from . import holders as _holders
from .clauses import Token, load_toml
from .events import verb_forms
from .model import Claim, Mention


@dataclass(frozen=True)
class Attribution:
    cue: str
    holder: str  # the holder's words ("der Westen", "dem südkoreanischen Verteidigungsminister")
    countries: tuple[str, ...]  # states named in the holder phrase
    names: tuple[str, ...]  # display names of the holder
    strong: bool  # always alleged, whoever holds it
    neutral: bool  # a neutral authority: reported
    media: bool  # a news medium (its reporting is not an event)
    position: int  # clause index in the sentence
    start: int
    end: int
    local: bool = False  # a one-word hedge: governs its own clause only
    verb: bool = False  # from a reporting verb: the holder is the clause's subject


def _phrases(words: list[str]) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(w.lower().split()) for w in words)


@dataclass(frozen=True)
class Cues:
    alleged: tuple[tuple[str, ...], ...]
    alleged_verbs: frozenset[str]
    modal: frozenset[str]
    before: tuple[tuple[str, ...], ...]
    after: tuple[tuple[str, ...], ...]
    report_verbs: frozenset[str]
    neutral: frozenset[str]
    media: frozenset[str]
    speculative: tuple[tuple[str, ...], ...]
    adjective_hedges: frozenset[str]
    planned: tuple[tuple[str, ...], ...]
    nominal_planned: tuple[tuple[str, ...], ...]
    open_ended: tuple[tuple[str, ...], ...]
    future: frozenset[str]
    not_denial: tuple[tuple[str, ...], ...]
    inherit: frozenset[str]
    konjunktiv: frozenset[str]


def _forms(specs: list[str]) -> frozenset[str]:
    out: set[str] = set()
    for s in specs:
        prefix, joined, split = verb_forms(s)
        out |= joined | split
    return frozenset(out)


@cache
def cues() -> Cues:
    c = load_toml("cues.toml")
    return Cues(
        alleged=_phrases([w for w in c["alleged"]["words"] if w != "demnach"]),
        alleged_verbs=_forms(c["alleged"]["verbs"]),
        modal=frozenset(c["alleged"]["modal"]),
        before=_phrases(c["attribution"]["before"]),
        after=_phrases(c["attribution"]["after"]),
        report_verbs=_forms(c["attribution"]["verbs"]),
        neutral=frozenset(c["attribution"]["neutral"]),
        media=frozenset(c["attribution"]["media"]),
        speculative=_phrases(c["speculative"]["words"]),
        adjective_hedges=frozenset(c["speculative"]["adjective_hedges"]),
        planned=_phrases(c["planned"]["words"]),
        nominal_planned=_phrases(c["planned"]["nominal_words"]),
        open_ended=_phrases(c["planned"]["open_ended"]),
        future=frozenset(c["planned"]["future"]),
        not_denial=_phrases(c["denial"]["not_denial"]),
        inherit=frozenset({"demnach"}),
        konjunktiv=frozenset(c["tense"]["konjunktiv"]) | frozenset(c["tense"]["konjunktiv_ii"]),
    )


@cache
def _by_first_value(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for ph in phrases:
        out.setdefault(ph[0], []).append(ph)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in out.items()}


_BY_ID: dict[int, tuple[tuple, dict]] = {}


def _by_first(phrases: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases by first word, longest first. Looked up by the identity of the (cached) phrase tuple
    first: hashing a tuple of tuples on every call costs more than the search."""
    hit = _BY_ID.get(id(phrases))
    if hit is not None and hit[0] is phrases:
        return hit[1]
    index = _by_first_value(phrases)
    if len(_BY_ID) > 256:
        _BY_ID.clear()
    _BY_ID[id(phrases)] = (phrases, index)  # the reference keeps the id from being reused
    return index


def find_phrase(lows: list[str], phrases: tuple[tuple[str, ...], ...]) -> tuple[int, tuple[str, ...]] | None:
    """First (index, phrase) of ``phrases`` occurring as a word sequence in ``lows``."""
    hit = _BY_ID.get(id(phrases))  # ``_by_first`` inlined for its common case: asked ~200 times per article
    index = hit[1] if hit is not None and hit[0] is phrases else _by_first(phrases)
    if index.keys().isdisjoint(lows):
        return None  # no phrase can start anywhere (the common case)
    for i, w in enumerate(lows):
        for ph in index.get(w, ()):
            if len(ph) == 1 or tuple(lows[i:i + len(ph)]) == ph:
                return i, ph
    return None


_NP_WORDS = {"der", "des", "dem", "den", "die", "das", "und", "von", "aus", "ihrer", "ihren", "seiner", "seines",
             "westlicher", "westlichen", "staatlichen", "staatliche", "eines", "einem", "einer"}


def _np(tokens: tuple[Token, ...], i: int, step: int) -> list[Token]:
    """The noun phrase starting at token i, going right (step 1) or left (step -1)."""
    out: list[Token] = []
    while 0 <= i < len(tokens) and len(out) < 8:
        t = tokens[i]
        if _holders.is_stop(t.low) and t.low not in _NP_WORDS:
            break  # "der Militärgeheimdienst am Abend", "Montag"
        if step > 0 and out and out[-1].is_upper and t.low in ("den", "dem", "die", "das") \
                and out[-1].low not in _NP_WORDS:
            break  # "nach Angaben der Agentur Yonhap | den russischen Botschafter": the object begins
        if t.is_upper or t.low in _NP_WORDS or t.low.endswith(("ischen", "ische", "ischer", "ischem")):
            out.append(t)
            i += step
        else:
            break
    if step < 0:
        out.reverse()
    while out and out[-1].low in _NP_WORDS:
        out.pop()
    return out


_SOURCE_NOUNS = frozenset({"schätzungen", "angaben", "erkenntnissen", "informationen", "einschätzung",
                           "darstellung", "berichten", "geheimdienstangaben", "geheimdienstinformationen",
                           "geheimdiensterkenntnissen", "regierungsangaben", "militärangaben"})


def _make(cue: str, holder: list[Token], mentions: list[Mention], strong: bool, position: int,
          local: bool = False, verb: bool = False) -> Attribution:
    c = cues()
    if holder:
        s, e = holder[0].start, holder[-1].end
    else:
        s = e = -1
    inside = [m for m in mentions if s <= m.start and m.end <= e]
    countries = tuple(dict.fromkeys(m.key for m in inside if m.kind == "country"))
    names = _holders.display(holder, inside)
    lows = {t.low for t in holder}
    text = " ".join(t.text for t in holder)
    return Attribution(
        cue=cue, holder=text, countries=countries, names=names, strong=strong,
        neutral=bool(lows & c.neutral) and not countries,
        media=bool(lows & c.media) or any(t.low.startswith("nachrichtenagentur") for t in holder),
        position=position, start=s, end=e, local=local, verb=verb,
    )


@cache
def _attribution_words() -> tuple[frozenset[str], frozenset[str]]:
    """The words that can open an attribution phrase (or carry one over), and the verb forms that
    make one: a clause with none of them skips the word-by-word pass."""
    c = cues()
    return (frozenset(_by_first(c.before)) | frozenset(_by_first(c.after)) | c.inherit,
            c.alleged_verbs | c.report_verbs)


def attributions(clauses: list[tuple[Token, ...]], mentions: list[Mention],
                 previous: list[Attribution]) -> list[Attribution]:
    """Attributions and strong hedges of one sentence (given as its clauses' tokens)."""
    c = cues()
    out: list[Attribution] = []
    before, after = _by_first(c.before), _by_first(c.after)
    phrase_words, verb_words = _attribution_words()
    for pos, toks in enumerate(clauses):
        lows = [t.low for t in toks]
        for i, low in enumerate(() if phrase_words.isdisjoint(lows) else lows):
            for ph in before.get(low, ()):
                if tuple(lows[i:i + len(ph)]) == ph:
                    out.append(_make(" ".join(ph), _np(toks, i + len(ph), 1), mentions, False, pos))
            for ph in after.get(low, ()):
                if tuple(lows[i:i + len(ph)]) == ph:
                    out.append(_make(" ".join(ph), _np(toks, i - 1, -1), mentions, False, pos))
            if low in c.inherit and previous:
                out.extend(Attribution(a.cue, a.holder, a.countries, a.names, a.strong, a.neutral, a.media,
                                       pos, a.start, a.end, a.local, a.verb)
                           for a in previous if (not a.media or a.strong) and not a.local)
        nach = "nach" in lows  # (the two passes below look for nothing else)
        for i in range(len(lows) - 2 if nach else 0):
            # "nach südkoreanischen Schätzungen", "nach amerikanischen Erkenntnissen": the adjective names
            # the source, who is not a party of the event
            if lows[i] == "nach" and not toks[i + 1].is_upper and lows[i + 1].endswith(("en", "er")) \
                    and lows[i + 2] in _SOURCE_NOUNS:
                out.append(_make("nach " + lows[i + 2], [toks[i + 1]], mentions, True, pos))
        for i in range(len(lows) - 1 if nach else 0):
            if lows[i] == "nach" and "-" in lows[i + 1] and lows[i + 1].rsplit("-", 1)[1] in _SOURCE_NOUNS:
                out.append(_make("nach " + lows[i + 1], [toks[i + 1]], mentions, True, pos))  # "nach US-Angaben"
        hit = find_phrase(lows, c.alleged)
        if hit:
            i, ph = hit
            adjective = ph[0] in c.adjective_hedges and any(t.is_upper for t in toks[i + 1:i + 4]) \
                and not (i + 1 < len(lows) and lows[i + 1] in _ADVERBIAL_NEXT)  # "vermutlich auch X": the clause
            if not adjective:
                holder = _np(toks, i + len(ph), 1) if ph[0] == "nach" else (
                    [toks[i]] if len(ph) == 1 and toks[i].is_upper else [])  # "Geheimdienstschätzungen"
                out.append(_make(" ".join(ph), holder, mentions, True, pos, local=len(ph) == 1))
        for i, low in enumerate(() if verb_words.isdisjoint(lows) else lows):
            if toks[i].is_upper and (i > 0 or (i + 1 < len(lows) and lows[i + 1] in after)):
                continue  # a noun: "Berichten zufolge", "heißt es in dem Schreiben"
            if low in c.alleged_verbs:
                out.append(_make(toks[i].text, _np(toks, i - 1, -1) or list(toks[:i]), mentions, True, pos,
                                 verb=True))
            elif low in c.report_verbs:
                if low.startswith(("heiß", "hieß", "geheiß")):
                    # "..., hieß es": reported speech (Konjunktiv) is an unconfirmed claim; a plain
                    # indicative account continues the source named before, else it is plain reporting
                    inherited = [a for a in previous if not a.local]
                    said = [w for k in range(pos + 1) for w in (t.low for t in clauses[k])]
                    if any(w in c.konjunktiv for w in said):
                        out.append(_make(toks[i].text, [], mentions, True, pos, verb=True))
                    elif inherited:
                        out.extend(Attribution(a.cue, a.holder, a.countries, a.names, a.strong, a.neutral,
                                               a.media, pos, a.start, a.end, False, True) for a in inherited)
                    continue
                out.append(_make(toks[i].text, _speaker(toks, i), mentions, False, pos, verb=True))
    return out


_SUBORDINATE_LEADS = frozenset({"wie", "so", "als", "nachdem", "während", "was"})


def is_finite(low: str) -> bool:
    from .events import is_finite_verb

    return is_finite_verb(low) or low in ("hat", "haben", "habe", "hätten", "hätte", "ist", "sind", "sei", "seien",
                                          "war", "waren", "wurde", "wurden")


def _speaker(toks: tuple[Token, ...], i: int) -> list[Token]:
    """The subject of a reporting verb at token i: "Wie der Geheimdienst am Abend mitteilte" (before a
    final verb), "teilte das Ministerium in Tokio mit", "meldete die Agentur KCNA" (after it), "KCNA
    meldete" (before a verb in second place), cut before a preposition or time word."""
    words = [t for t in toks if t.is_word]
    k = words.index(toks[i]) if toks[i] in words else i
    if k == len(words) - 1 or (k == len(words) - 2 and not words[-1].is_upper):
        start = 1 if words and words[0].low in _SUBORDINATE_LEADS else 0
        cand = words[start:k]
        if cand and cand[0].low in ("das", "dies", "dieses", "es"):
            cand = cand[1:]  # "Das teilte ... mit": the object comes first
            return _holders.cut(cand)
        return _holders.cut(cand)
    after = _holders.cut(words[k + 1:])
    before = words[:k]
    if before and before[0].low not in ("das", "dies", "es", "dabei", "demnach", "so") \
            and (len(before) <= 4 or not after) and not any(is_finite(t.low) for t in before):
        return _holders.cut(before)  # "KCNA meldete", "Die staatliche Agentur berichtete"
    return after  # "..., berichtete KCNA", "Das teilte Regierungssprecher Hayashi mit"


@cache
def _statement_cues() -> frozenset[str]:
    """Attribution cues that make a speech act an attributed claim (cues.toml [attribution] statement_cues)."""
    return frozenset(load_toml("cues.toml")["attribution"]["statement_cues"])


def is_future(toks: tuple[Token, ...]) -> bool:
    """A future "wird/werde ... <infinitive>" (not a passive with a participle)."""
    c = cues()
    lows = [t.low for t in toks]
    idx = [i for i, w in enumerate(lows) if w in c.future]
    if not idx:
        return False
    for i in idx:
        cands = []
        if i == len(lows) - 1 and i > 0:
            cands.append(lows[i - 1])  # subordinate clause: "stattfinden werde"
        elif lows[-1] not in c.future:
            cands.append(lows[-1])  # main clause: "wird ... reisen"
        for w in cands:
            if w.endswith("en") and not (w.startswith("ge") and len(w) > 6) and not toks[lows.index(w)].is_upper:
                return True
    return False


@cache
def _modal_future() -> tuple[frozenset[str], tuple[tuple[str, ...], ...], frozenset[str], frozenset[str]]:
    c = load_toml("cues.toml")
    p, t = c["planned"], c["tense"]
    return (frozenset(p["modal_future"]), tuple(tuple(v.split()) for v in p["modal_future_verbs"]),
            frozenset(p["modal_future_times"]), frozenset(t["alleged_perfect"]))


def _scheduled(lows: list[str]) -> bool:
    """A present "soll(en)" with a simple infinitive and a scheduled event: a plan ("soll am Freitag teilnehmen")."""
    modals, verbs, times, perfect = _modal_future()
    if not lows or not any(w in modals for w in lows):
        return False
    words = [w for w in lows if w.isalpha()]
    if not words or words[-1] in perfect or words[-1] in modals:
        return False
    if any(tuple(words[-len(v):]) == v for v in verbs):
        return True
    last = words[-1]
    return last.endswith("en") and last != "werden" and any(w in times for w in words)


@cache
def _not_before_possible() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["speculative"]["not_before_possible"])


@cache
def _not_excluded_verbs() -> frozenset[str]:
    return frozenset(load_toml("cues.toml")["speculative"]["not_excluded_verbs"])


def not_excluded(lows: list[str]) -> bool:
    """"schließt ... nicht (mehr) aus", "nicht auszuschließen": a hedge on what follows, not a negation."""
    if "nicht" not in lows:
        return False
    if "auszuschließen" in lows or "ausgeschlossen" in lows:
        return True
    return "aus" in lows and not _not_excluded_verbs().isdisjoint(lows)


@cache
def _framing() -> tuple[tuple[str, ...], ...]:
    """Speculation phrases of two or more words: they frame the clauses after them."""
    return tuple(ph for ph in cues().speculative if len(ph) >= 2)


_ADVERBIAL_NEXT = frozenset({"auch", "noch", "schon", "bereits", "sogar", "nicht"})


def decide(event_type: str, toks: tuple[Token, ...], position: int, sentence_lows: list[str],
           attrs: list[Attribution], source: str | None, countries: tuple[str, ...],
           after_dct: bool, prev_clause: tuple[Token, ...] = (),
           nominal_plans: bool = True, past: bool = False) -> tuple[str, tuple[Claim, ...]]:
    """Status and claims of one event whose clause is ``toks`` (clause number ``position``)."""
    c = cues()
    lows = [t.low for t in toks]
    claims: list[Claim] = []
    if event_type == "denial":
        holders = tuple(countries) or ("?",)
        return "denied", (Claim("denied", holders, " ".join(t.text for t in toks[-2:])),)
    if find_phrase(lows, c.not_denial):
        return "reported", ()

    spec = None
    index = _by_first(c.speculative)
    for i, low in enumerate(() if index.keys().isdisjoint(lows) else lows):
        if low not in index:
            continue
        if low in c.adjective_hedges and any(t.is_upper for t in toks[i + 1:i + 4]) \
                and not (i + 1 < len(lows) and lows[i + 1] in _ADVERBIAL_NEXT):
            continue
        if low == "möglich" and i > 0 and lows[i - 1] in _not_before_possible():
            continue  # "so bald wie möglich"
        hit = find_phrase(lows[i:i + 4], index[low])
        if hit and hit[0] == 0:
            spec = " ".join(hit[1])
            break
    if spec is None:
        # a framing clause earlier in the sentence: "Es ist die Rede davon, dass ..."
        hit = find_phrase(sentence_lows, _framing())
        if hit and position > 0 and " ".join(hit[1]) not in " ".join(lows):
            spec = " ".join(hit[1])
    if spec is None and (not_excluded(lows) or (position > 0 and not_excluded(sentence_lows))):
        spec = "nicht ausgeschlossen"  # "schließt Waffenlieferungen nicht mehr aus", "schloss nicht aus, dass ..."
    if spec is None and lows and lows[0] == "ob" and event_type != "statement":
        spec = "ob"  # "Ob Russland tatsächlich liefert, ist unklar": an open question
    plan = find_phrase(lows, c.planned)
    if plan is not None and past and plan[1] in c.open_ended:
        # "hätten am Dienstag telefoniert und ihren Willen zur Zusammenarbeit in der Zukunft bekräftigt": an
        # open-ended future inside a noun phrase of a past act does not make the act a plan
        plan = None
    if plan is None and nominal_plans:
        plan = find_phrase(lows, c.nominal_planned)
    plan_cue = " ".join(plan[1]) if plan else ("Zukunft" if is_future(toks) else None)
    if plan_cue is None and after_dct:
        plan_cue = "Datum nach Erscheinen"

    # attributions of this sentence that govern this clause
    # an attribution governs its own clause and the clauses after it; a reporting verb also the
    # clauses before it (", hieß es", "..., sagte X")
    governing = [a for a in attrs if a.position == position
                 or (not a.local and (a.position < position or a.verb))]
    if event_type == "accusation":
        # "Seoul beschuldigte Moskau, ...": the accusing verb of the clause is the accusation itself, which
        # is reported; only another source or hedge makes it an attributed claim
        governing = [a for a in governing
                     if not (a.verb and a.position == position and a.cue.lower() in c.alleged_verbs)]
    alleged = None
    for a in governing:
        if a.strong:
            alleged = a
            break
        if a.neutral or (a.media and not a.strong):
            continue  # a news report or a neutral body is the normal source of news
        # the holder speaks for a party of the event: its own account counts as reported
        if not any(x in a.countries for x in countries):
            alleged = a
            break
    modal = next((w for w in lows if w in c.modal), None)
    if modal is None and lows and lows[0] in ("sondern", "und", "oder", "sowie") and prev_clause:
        modal = next((t.low for t in prev_clause if t.low in c.modal), None)  # "soll nicht nur A, sondern auch B"

    if event_type == "statement":
        # "Kim lobte laut KCNA ...", "Kim sicherte Russland demnach ... zu": a speech act known only from
        # a source named in its own clause is an attributed claim ("..., hieß es" stays a plain report)
        cited = next((a for a in attrs if a.position == position and not a.verb and not a.neutral
                      and a.cue in _statement_cues()), None)
        if cited is not None:
            return "alleged", (Claim("alleged", cited.names, cited.cue),)
        hit = find_phrase(lows, tuple(tuple(w.split()) for w in _statement_cues() if " " not in w))
        if hit is not None and hit[1][0] not in _by_first(c.before):
            return "alleged", (Claim("alleged", (), hit[1][0]),)  # "demnach": the source named before
        words = [w for w in lows if w.isalpha()]
        if modal in ("soll", "sollen") and words and (words[-1] in ("soll", "sollen")
                                                      or words[-1] in _modal_future()[3]) and not plan_cue:
            # "..., auf denen ein Schreiben des Botschafters zu sehen sein soll", "soll ... geschrieben haben": a
            # hedge at the end of a subordinate clause or with a perfect infinitive (a demand "Russland solle ..."
            # is Konjunktiv, a plan has its time)
            holders = alleged.names if alleged else ()
            return "alleged", (Claim("alleged", holders, modal),)
        return "reported", ()
    if spec:
        holders = alleged.names if alleged else ()
        return "speculative", (Claim("speculative", holders, spec),)
    if plan_cue:
        holders = alleged.names if alleged else ()
        return "planned", (Claim("planned", holders, plan_cue),)
    if modal and _scheduled(lows):
        holders = alleged.names if alleged else ()
        return "planned", (Claim("planned", holders, modal),)
    if modal:
        holders = alleged.names if alleged else ()
        return "alleged", (Claim("alleged", holders, modal),)
    if alleged:
        return "alleged", (Claim("alleged", alleged.names, alleged.cue),)
    return "reported", tuple(claims)
