"""Entity recognition: actors (persons, roles, organisations) and countries in German news text.

``find_mentions(text, spans, on=...)`` returns :class:`EntityMention` objects (a subclass of
``model.Mention`` with two extra fields, ``via`` and ``country``) sorted by offset. The lexicons are
data in ``resources/*.toml`` (see :mod:`app.extract.lexicon`); all surface forms are compiled into one
trie-shaped regex at import, so a 2,000-character article costs one regex pass plus a linear walk
over the hits.

Countries (``kind="country"``, ``key`` = ISO 3166 alpha-3, ``label`` = German name). ``via`` says how
the state was named, so the event stage can decide whether it is a participating state:

* ``name``        Nordkorea, Russlands, Volksrepublik China, die Vereinigten Staaten, USA, US-(Präsident)
* ``adjective``   nordkoreanischen, russischer, Russische ... (every inflection)
* ``demonym``     Russen, Nordkoreaner, Ukrainerin
* ``capital``     Moskau, Pjöngjang/Pyongyang, Seoul, Washington, Kiew/Kyjiw, Peking ...
* ``metonym``     der Kreml, das Weiße Haus, Pentagon, Blaues Haus
* ``institution`` KCNA, SWR, FSB, GRU, TASS, RIA Novosti, Yonhap, Rodong Sinmun, Bundesregierung ...
* ``place``       a city or region inside the state (Kursk, Wladiwostok, Wonsan, Charkiw, Donezk, Krim):
                  usually a LOCATION, not an acting state - treat with care
* ``region``      directional regions (Ostrussland, im westrussischen Gebiet, Ostukraine): same caveat
* ``prefix``      a role compound that contains the state (Kremlchef, Kreml-Sprecher, Bundeskanzler)
The Soviet Union (Sowjetunion, sowjetisch, UdSSR) is coded RUS. Donezk/Luhansk/Krim count as UKR.

Policy on capitals: a capital is ALWAYS returned as its state with ``via="capital"``, whether it is
the government ("Moskau erklärte", "die Regierung in Moskau") or just where a meeting took place
("Gespräche in Moskau"); telling these apart needs the clause and is left to the event stage.
"Washington" is not a country when it directly follows a given name listed in ``not_after``
("George Washington", "Denzel Washington"). Dateline capitals in capitals ("MOSKAU (Reuters)") are
found too; the ingest stage usually drops them via ``spans``.

Actors (``kind="actor"``, ``key`` = canonical name as in the gold data, e.g. "Sergej Lawrow",
``label`` = role label such as "Außenminister", or "person"/"organisation"; ``country`` = the
actor's state). ``via``:

* ``name``       a full name or transliteration (Kim Jong-un, Sergei Lavrov, Wladimir Putins)
* ``surname``    a bare surname ("Lawrow", "Putins", "Kims") - accepted only
                 (a) after the person's full name appeared earlier in the same text (the most recent
                     bearer of that surname wins: "Kim" after "Kim Yo Jong" is Kim Yo Jong - unless the
                     head of state in office was named by full name too, or the sentence has a leader
                     role cue ("Machthaber", "Staatschef"; not a genitive "des Machthabers")), or
                 (b) for persons marked ``famous`` (Putin, Lawrow, Selenskyj, Trump, Kim ...). When
                     several famous people share the surname, the one in office on ``on`` wins:
                     "Kim" alone is Kim Jong Un from Dec 2011, Kim Jong Il 1994-2011.
                 A surname several lexicon persons share resolves without context only to a famous
                 bearer in office on ``on`` ("Lee" in 2019 -> nobody).
                 A Korean surname followed by a Korean-looking given name that is not in the lexicon
                 ("Kim Hyun-woo") is NOT resolved to a known person; it becomes an unknown actor.
                 Known false positive: a non-Korean "Kim" with a non-Korean surname ("Kim Wilde") is
                 read as Kim Jong Un - we cannot tell "Kim Wilde" from "Kim Waffenlieferungen"
                 without a German dictionary; such texts are off-domain.
* ``role+name``  a role phrase with a name: "der russische Außenminister Sergej Lawrow",
                 "Nordkoreas Machthaber Kim", "Malis Militärmachthaber Assimi Goita", "US-Präsident
                 Trump", "der oberste Führer Nordkoreas, Kim Jong-Un". One actor mention covers the
                 phrase from the country word (or role noun) to the end of the name; the country word
                 ALSO yields its own country mention, nested inside the actor mention (actor and
                 country mentions may overlap each other; mentions of one kind never overlap).
                 A bare surname after a role noun picks the bearer who holds that office
                 ("Außenministerin Choe" in 2024 -> Choe Son Hui).
* ``role``       a role phrase without a name, resolved through the office tenures in actors.toml at
                 the reference date ``on``: "der russische Verteidigungsminister" -> Sergej Schoigu in
                 2023, Andrej Beloussow from May 2024; "Kremlchef", "Kremlsprecher", "Nordkoreas
                 Machthaber". Not resolved when a past/future modifier makes the holder unclear ("der
                 frühere russische Präsident", "Ex-Präsident", "designierte"), or a deputy
                 ("stellvertretende", "Vize-") is meant and several deputies exist.
* ``backref``    "der Verteidigungsminister" (definite article, no country) refers back to the most
                 recent actor in the text who was introduced with, or holds, that office.
* ``unknown``    an unknown person next to a role noun: two or three capitalised name tokens right
                 after it ("der Abgeordnete Peter Meier", "Burkinas Juntachef Ibrahim Koné"); a single
                 unknown token only when the role carries a country ("Malis Machthaber Goita") and
                 the token does not look like a German noun. The key is the name as written
                 (nominative best effort). Later bare uses of the last token resolve to it.
* ``compound``   a name or organisation used as the first part of a hyphen compound
                 ("Putin-Besuch", "UN-Sanktionen", "Kim-Regime"): a reference, rarely a participant.

Organisations (UN, UN-Sicherheitsrat, NATO, EU, IAEA, ...) are actor mentions with
``label="organisation"``; their officials resolve like states ("UN-Generalsekretär", "Nato-Chef").
Pronouns ("er", "sie") are not resolved here.

``on`` defaults to today. ``spans`` restricts matching to those character ranges (e.g. the sentences
that survived cleaning); offsets are always into the full ``text``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date

from app.extract.lexicon import LEXICON, Meaning, Person, Role, Tenure, trie_pattern
from app.extract.memo import last_text
from app.extract.model import ActorRef, Mention

__all__ = [
    "EntityMention", "find_mentions", "actor_info", "country_name", "resolve_role", "is_state_reference",
    "lexicon_size",
]


@dataclass(frozen=True)
class EntityMention(Mention):
    """A :class:`Mention` plus how it was found (``via``) and, for actors, the actor's country."""

    via: str = "name"
    country: str | None = None


# ----------------------------------------------------------------------------- compiled patterns

_SURFACE_RE = re.compile(r"(?<![\w])(?:" + trie_pattern(sorted(LEXICON.surfaces)) + r")(?![\w])")

_SURFACES: dict[str, dict[str, Meaning]] = {
    surface: {m.type: m for m in reversed(ms)} for surface, ms in LEXICON.surfaces.items()
}

_MOD_WORDS = sorted(LEXICON.modifiers, key=len, reverse=True)
_MOD = r"(?:" + "|".join(re.escape(m) for m in _MOD_WORDS) + r")(?:e|en|er|es|em)?"
# between a country word and the role noun: "-" (US-Präsident) or spaces and modifiers
_PRE_GAP = re.compile(r"-|\s+(?:(" + _MOD + r")\s+){0,3}")
_MOD_TAIL = re.compile(r"(?<![\w-])(?:(?:" + _MOD + r")\s+){1,3}$")
_MOD_FIND = re.compile(r"(?<![\w])(" + _MOD + r")(?![\w])")
# between the role noun and a following name: spaces, optionally a ministry descriptor
# ("Minister für Naturressourcen und Umwelt Alexander Koslow"), optionally a comma (known names only)
_NAME_GAP = re.compile(r"(\s*,)?\s+(?:für(?:\s+[a-zäöüß]+)*\s+[A-ZÄÖÜ][\w-]*(?:\s+und\s+[A-ZÄÖÜ][\w-]*)?\s+)?")
_POST_GAP = re.compile(r"\s+(?:(der|des|von)\s+)?")
_DEST_GAP = re.compile(r"\s+(?:in|bei|für)\s+(?:der\s+|den\s+|dem\s+)?")
_ARTICLE_BEFORE = re.compile(r"(?<![\w])([Dd]er|[Dd]ie|[Dd]en|[Dd]em|[Dd]es)\s+$")

_NAME_TOKEN = r"(?:[Aa]l-|[Ee]l-)?[A-ZÄÖÜ][a-zäöüßéèêëáàâãíìîóòôõúùûçñğşıøåćčšž'’]+(?:-[A-ZÄÖÜa-z][a-zäöüßéèáíóúçñ]+)*"
_UNKNOWN_NAME = re.compile(r"(" + _NAME_TOKEN + r")(?:\s+(" + _NAME_TOKEN + r"))?(?:\s+(" + _NAME_TOKEN + r"))?")
_NOUNISH = re.compile(
    r"(?:ung|ungen|heit|heiten|keit|keiten|schaft|schaften|tion|tionen|sion|sionen|ität|itäten|ismus|nahme|"
    r"nahmen|nisse|tum|chen|lein|ium|ien|ktor|werk|amt|rat|haus|land|ländern|lager|partei|zeit)$"
)
_SINGLE_REJECT = re.compile(r"(?:e|en|er|ern|es|em|el|ung)$")
_STOP = frozenset("""
Der Die Das Den Dem Des Ein Eine Einen Einem Einer Eines Er Sie Es Wir Ihr Ihre Sein Seine Man Mit Von In Im
Am An Auf Aus Nach Für Bei Zu Zum Zur Und Oder Aber Als Wie Laut Seit Vor Über Unter Gegen Ohne Um Durch
Dass Ob Wenn Weil Doch Noch Auch Nur Schon Jetzt Dann Damit Dabei Daher Zudem Bereits Erst Hier Dort
Anfang Ende Mitte Jahr Jahre Jahren Jahres Monat Monate Monaten Woche Wochen Tag Tage Tagen Tages Uhr
Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag Wochenende Abend Morgen Nachmittag Nacht
Januar Februar März April Mai Juni Juli August September Oktober November Dezember Frühjahr Sommer Herbst Winter
Herr Frau Dr Prof Reuters AFP AP Regierung Regime Militär Armee Truppen Soldaten Waffen Munition Raketen
Gespräch Gespräche Treffen Besuch Reise Telefonat Erklärung Angaben Medien Berichten Bericht Zeitung Agentur
Staaten Staat Land Länder Welt Westen Osten Norden Süden Kommission Partei Parlament Gipfel Abkommen Vertrag
Sanktionen Krieg Frieden Beziehungen Zusammenarbeit Unterstützung Hilfe Lage Seiten Seite Delegation
Bundesregierung Verbündeten Verbündete Partner Nachbarn Ukraine Russland Nordkorea Korea Kim Putin
Pressekonferenz Interview Fernsehen Journalisten Reportern Reporter Angriffe Angriff Drohnen Artillerie
Einsatz Hafenstadt Hauptstadt Stadt Region Provinz Gebiet Grenze Botschaft Ministerium Minister Präsident
Generäle Offiziere Vertreter Mitglied Mitglieder Chef Sprecher Kreml Erdogan Xi Putins Kims
""".split())

_KOREAN_SYL = re.compile(
    r"(?:ch|ts|kk|tt|pp|ss|jj|sh|[bcdghjkmnprstwy])?h?"
    r"(?:wae|yae|wa|wo|we|wi|ya|yo|yu|ye|ae|eo|eu|oe|ui|oo|ee|ou|a|e|i|o|u)(?:ng|n|m|l|k|p|t|r)?",
    re.IGNORECASE,
)
_KOREAN_GIVEN = re.compile(r"\s+([A-Z][a-z]{0,4})(?:-([a-zA-Z][a-z]{0,4})|\s+([A-Z][a-z]{0,4}))(?![\w-])")

_COUNTRY_PREFIX_VIAS = frozenset({"name", "adjective", "capital", "metonym", "institution", "region", "place"})


def lexicon_size() -> dict[str, int]:
    """How many entries the lexicons hold (for reports and tests)."""
    persons = sum(1 for p in LEXICON.persons.values() if p.kind == "person")
    return {
        "persons": persons,
        "organisations": len(LEXICON.persons) - persons,
        "countries": len(LEXICON.countries),
        "role_forms": len(LEXICON.roles),
        "surface_forms": len(LEXICON.surfaces),
    }


# ----------------------------------------------------------------------------- public helpers


def country_name(code: str) -> str:
    """German name of an ISO3 code ("PRK" -> "Nordkorea"); unknown codes are returned unchanged."""
    c = LEXICON.countries.get(code)
    return c.name if c else code


def actor_info(name: str) -> ActorRef | None:
    """Kind, aliases and country of an actor, by canonical name or any full alias."""
    p = LEXICON.persons.get(name) or LEXICON.by_alias.get(name)
    if p is None:
        return None
    return ActorRef(name=p.name, role="participant", kind=p.kind, aliases=p.aliases[1:], country=p.country)


def short_name(name: str) -> str:
    """How a headline names a person: the surname ("Lawrow", and for Korean and Chinese names the
    family name: "Choe", "Li"), or the full name when that surname is shared by several listed
    persons ("Kim Jong Un"). Unknown persons: their last word."""
    p = LEXICON.persons.get(name)
    if p is None or p.kind != "person":
        parts = name.split()
        return parts[-1] if len(parts) > 1 else name
    surname = p.surnames[0] if p.surnames else name.split()[-1]
    if _SURNAME_COUNT.get(surname, 0) > 1:
        return p.name
    return surname


_SURNAME_COUNT: dict[str, int] = {}
for _p in LEXICON.persons.values():
    if _p.kind == "person" and _p.surnames:
        _SURNAME_COUNT[_p.surnames[0]] = _SURNAME_COUNT.get(_p.surnames[0], 0) + 1


def _country_code(country: str) -> str:
    if country in LEXICON.countries:
        return country
    return LEXICON.country_by_name.get(country, country)


def _office_of(role: str) -> str:
    r = LEXICON.roles.get(role)
    return r.office if r and r.office else role


_BY_OFFICE: dict[tuple[str, str | None], list[tuple[Person, Tenure]]] = {}
for _p in LEXICON.persons.values():
    for _t in _p.tenures:
        _BY_OFFICE.setdefault((_t.office, _t.country), []).append((_p, _t))


def _holders(office: str, country: str, on: date) -> list[Person]:
    out: list[Person] = []
    for p, t in _BY_OFFICE.get((office, country), ()):
        if t.valid(on) and p not in out:
            out.append(p)
    return out


def resolve_role(role: str, country: str, on: date | None = None) -> str | None:
    """Who held ``role`` (a role noun such as "Außenminister"/"Kremlchef" or an office key such as
    "foreign_minister") for ``country`` (ISO3, German country name or organisation) on ``on``
    (default: today). None when nobody or more than one person qualifies."""
    on = on or date.today()
    holders = _holders(_office_of(role), _country_code(country), on)
    return holders[0].name if len(holders) == 1 else None


def is_state_reference(m: Mention) -> bool:
    """True for country mentions that name the state itself (not a city/region inside it)."""
    return m.kind == "country" and getattr(m, "via", "name") not in ("place", "region")


# ----------------------------------------------------------------------------- matching


@dataclass
class _Hit:
    start: int
    end: int
    text: str
    meanings: dict[str, Meaning]  # type -> first meaning of that type
    limit: int  # end of the span this hit lies in
    used: bool = False

    def get(self, type_: str) -> Meaning | None:
        return self.meanings.get(type_)


class _State:
    """What the walk over one text remembers: who was named, by surname and by office."""

    def __init__(self, on: date) -> None:
        self.on = on
        self.by_surname: dict[str, str] = {}
        self.by_office: dict[str, str] = {}
        self.unknown: dict[str, str] = {}  # last token -> unknown full name
        self.full_named: dict[str, set[str]] = {}  # surname -> persons named by full name / role+name
        self.out: list[EntityMention] = []

    def register(self, name: str, office: str | None = None, full: bool = True) -> None:
        p = LEXICON.persons.get(name)
        if p is not None:
            for s in p.surnames:
                self.by_surname[s] = name
                if full:
                    self.full_named.setdefault(s, set()).add(name)
            for t in p.offices_on(self.on):
                self.by_office[t.office] = name
        else:
            last = name.split()[-1]
            self.unknown[last] = name
            self.by_surname[last] = name
        if office:
            self.by_office[office] = name

    def actor(self, text: str, start: int, end: int, key: str, label: str, via: str) -> None:
        p = LEXICON.persons.get(key)
        country = p.country if p else None
        kind_label = label or (p.kind if p else "person")
        self.out.append(EntityMention("actor", start, end, text[start:end], key, kind_label, via, country))

    def country(self, text: str, start: int, end: int, code: str, via: str) -> None:
        self.out.append(EntityMention("country", start, end, text[start:end], code, country_name(code), via, code))


def _pick_famous(cands: list[Person], on: date) -> Person | None:
    # famous ones, but not before their first office ("Lee" in 2010 is not Lee Jae Myung)
    famous = [p for p in cands if p.famous and not (
        p.tenures and all(t.start is not None and t.start > on for t in p.tenures))]
    if not famous:
        return None
    if len(cands) == 1 and len(famous) == 1:
        return famous[0]
    # a surname several people share ("Kim", "Lee"): only the famous bearer in office on ``on``
    in_office = [p for p in famous if p.offices_on(on) or not p.tenures]
    if len(in_office) >= 1:
        return in_office[0]
    return None  # several famous bearers, none in office: ambiguous


_LEADER_OFFICES = frozenset({"head_of_state", "supreme_leader"})


def _resolve_surname(surname: str, st: _State, office: str | None = None, country: str | None = None,
                     leader_cue: bool = False) -> str | None:
    cands = LEXICON.by_surname.get(surname, [])
    if office:
        fits = [p for p in cands if any(t.office == office and (country is None or t.country == country)
                                        and t.valid(st.on) for t in p.tenures)]
        if len(fits) == 1:
            return fits[0].name
    if surname in st.by_surname:
        recent = st.by_surname[surname]
        if len(cands) > 1 and recent in LEXICON.persons:
            # a surname several known persons share ("Kim"): the head of state in office wins over a
            # more recently named relative when he was named too, or when the clause has a leader cue
            leader = _pick_famous(cands, st.on)
            if leader is not None and leader.name != recent and any(
                    t.office in _LEADER_OFFICES for t in leader.offices_on(st.on)):
                if leader_cue or leader.name in st.full_named.get(surname, set()):
                    return leader.name
        return recent
    p = _pick_famous(cands, st.on)
    return p.name if p else None


def _korean_unknown(text: str, hit: _Hit) -> re.Match[str] | None:
    """"Kim Hyun-woo": a Korean family name followed by a Korean-looking given name not in the lexicon."""
    if not any(p.korean for p in LEXICON.by_surname.get(hit.text, [])):
        return None
    m = _KOREAN_GIVEN.match(text, hit.end, hit.limit)
    if not m:
        return None
    syllables = [s for s in m.groups() if s]
    if all(_KOREAN_SYL.fullmatch(s) for s in syllables):
        return m
    return None


def _surname_key(hit: _Hit) -> str | None:
    m = hit.get("surname")
    return m.key if m else None


def _unknown_name(text: str, pos: int, limit: int, single_ok: bool) -> tuple[int, str] | None:
    """An unknown person's name starting at ``pos`` (end, name) or None."""
    m = _UNKNOWN_NAME.match(text, pos, limit)
    if not m:
        return None
    tokens = []
    end = pos
    for i, tok in enumerate(m.groups()):
        if tok is None:
            break
        if tok in _STOP or _NOUNISH.search(tok) or tok in LEXICON.surfaces:
            break
        tokens.append(tok)
        end = m.end(i + 1)
    if not tokens:
        return None
    if end < len(text) and text[end] == "-":
        return None
    if len(tokens) == 1:
        tok = tokens[0]
        if not single_ok or len(tok) < 3 or _SINGLE_REJECT.search(tok):
            return None
    name = " ".join(tokens)
    return end, name


def _walk(text: str, hits: list[_Hit], st: _State) -> None:
    n = len(hits)
    for i, h in enumerate(hits):
        if h.used:
            continue
        role_m = h.get("role")
        if role_m is not None and role_m.role is not None:
            if _role_phrase(text, hits, i, role_m.role, st):
                continue
            h.used = True
            continue
        h.used = True
        person_m = h.get("person")
        org_m = h.get("org")
        country_m = h.get("country")
        surname = _surname_key(h)
        compound = h.end < len(text) and text[h.end] == "-" and h.end + 1 < len(text) and text[h.end + 1].isalpha()
        if person_m is not None:
            st.register(person_m.key)
            st.actor(text, h.start, h.end, person_m.key, "", "compound" if compound else "name")
            continue
        if country_m is not None:
            if not _blocked_country(text, h, country_m):
                via = country_m.via
                if compound and via in ("name", "capital") and not _prefixes_role(hits, i, text):
                    via = "compound"  # "Ukraine-Krieg", "Russland-Reise" (but "US-Präsident" stays)
                st.country(text, h.start, h.end, country_m.key, via)
            continue
        if org_m is not None:
            # "UN-Generalsekretär": the org is the prefix of a role phrase -> handled there
            if i + 1 < n and hits[i + 1].start == h.end + 1 and text[h.end] == "-" and hits[i + 1].get("role"):
                continue
            st.actor(text, h.start, h.end, org_m.key, "organisation", "compound" if compound else "name")
            continue
        if surname is not None:
            km = _korean_unknown(text, h)
            if km:
                name = text[h.start:km.end()]
                st.register(name)
                st.actor(text, h.start, km.end(), name, "person", "unknown")
                continue
            key = _resolve_surname(surname, st, leader_cue=_leader_cue(text, hits, i))
            if key:
                st.register(key, full=False)
                st.actor(text, h.start, h.end, key, "", "compound" if compound else "surname")


_SENT_END = re.compile(r"[.!?;]\s")


@last_text
def _sentence_ends(text: str) -> list[int]:
    """Ends of all ``_SENT_END`` matches in ``text`` (ascending), kept for the text last asked for: one
    scan per text rather than one from the start per surname. (The matches cannot overlap: the second
    character of one is white space, never the first of another.) The list is only read."""
    return [m.end() for m in _SENT_END.finditer(text)]


def _leader_cue(text: str, hits: list[_Hit], i: int) -> bool:
    """The sentence around hits[i] names a head-of-state role ("Machthaber", "Staatschef") that is not
    a genitive complement ("die Schwester des Machthabers")."""
    h = hits[i]
    ends = _sentence_ends(text)
    k = bisect_right(ends, h.start)  # the last end at or before the hit (as a search up to it finds)
    a = ends[k - 1] if k else 0
    m = _SENT_END.search(text, h.end)
    b = m.start() + 1 if m else len(text)
    for k in range(max(0, i - 12), min(len(hits), i + 12)):
        q = hits[k]
        if k == i or q.start < a or q.end > b:
            continue
        rm = q.get("role")
        if rm is None or rm.role is None or rm.role.office not in _LEADER_OFFICES:
            continue
        if re.search(r"\b(?:des|eines)\s+(?:\w+\s+){0,2}$", text[max(0, q.start - 40):q.start]):
            continue
        return True
    return False


def _prefixes_role(hits: list[_Hit], i: int, text: str) -> bool:
    """hits[i] is directly followed by "-" and a role noun ("US-Präsident")."""
    return i + 1 < len(hits) and hits[i + 1].start == hits[i].end + 1 and hits[i + 1].get("role") is not None


def _blocked_country(text: str, h: _Hit, m: Meaning) -> bool:
    c = LEXICON.countries.get(m.key)
    if c and c.not_after:
        before = text[max(0, h.start - 30):h.start].split()
        if before and before[-1] in c.not_after:
            return True
    return False


def _drop_possessor(st: _State, possessor: _Hit | None) -> None:
    """The person in "Kims Außenminister" only says whose minister: not an actor of the clause."""
    if possessor is not None:
        st.out = [m for m in st.out if not (m.kind == "actor" and m.start == possessor.start
                                            and m.end == possessor.end)]


def _role_phrase(text: str, hits: list[_Hit], i: int, role: Role, st: _State) -> bool:
    """Assemble the role phrase around hits[i]; emit its mentions. True if anything was emitted."""
    h = hits[i]
    n = len(hits)
    start = h.start
    country: str | None = role.country
    modifiers: list[str] = []
    prefix_hit: _Hit | None = None
    possessor: _Hit | None = None  # "Kims Außenminister": Kim names the state, he is not the actor
    # ---- country before the role noun: adjective, genitive, hyphen prefix, a person's genitive
    if i > 0:
        p = hits[i - 1]
        gap = text[p.end:h.start]
        gm = _PRE_GAP.fullmatch(gap) if p.limit == h.limit else None
        if gm:
            cm, om, pm, sm = p.get("country"), p.get("org"), p.get("person"), p.get("surname")
            if cm is not None and cm.via in _COUNTRY_PREFIX_VIAS and (gap != "-" or cm.via in ("name", "metonym",
                                                                                                  "institution")):
                country, prefix_hit = cm.key, p
            elif om is not None and gap == "-":
                country, prefix_hit = om.key, p
            elif (pm is not None or sm is not None) and p.text.endswith("s") and gap.strip() == "":
                # "Kims Außenminister": the office of that person's state
                key = pm.key if pm else _resolve_surname(sm.key, st) if sm else None
                person = LEXICON.persons.get(key) if key else None
                if person is not None and person.country:
                    country, possessor = person.country, p
            if country is not None:
                modifiers = _MOD_FIND.findall(gap)
                if prefix_hit is not None:
                    start = p.start
    tail = _MOD_TAIL.search(text, max(0, start - 60), start)  # "der frühere russische Präsident"
    if tail:
        modifiers.extend(_MOD_FIND.findall(tail.group(0)))
    if text[max(0, h.start - 3):h.start] == "Ex-":
        modifiers.append("ehemalig")
    kinds = {LEXICON.modifiers.get(_mod_stem(m), "neutral") for m in modifiers}
    office = role.office
    label = role.label
    if "deputy" in kinds and office:
        office, label = "deputy_" + office, "stellvertretender " + role.label
    end = h.end
    j = i + 1
    # ---- country after the role noun: "Präsident Russlands", "Außenminister der Ukraine"
    destination: str | None = None
    if j < n and hits[j].limit == h.limit:
        q = hits[j]
        qc = q.get("country")
        gap = text[h.end:q.start]
        pm = _POST_GAP.fullmatch(gap)
        if qc is not None and pm and (qc.via in ("name", "capital") or (
                pm.group(1) in ("der", "des") and qc.via in ("institution", "metonym"))):
            if country is None and (pm.group(1) in ("der", "des", "von") or q.text.endswith("s")):
                country = qc.key
                st.country(text, q.start, q.end, qc.key, qc.via)
                q.used = True
                end = q.end
                j += 1
        elif qc is not None and qc.via in ("name", "capital") and _DEST_GAP.fullmatch(gap) and office in (
                "ambassador", "special_envoy"):
            destination = qc.key
    # ---- the name after the role noun
    name_key: str | None = None
    name_end = end
    if j < n and hits[j].limit == h.limit:
        r = hits[j]
        gm = _NAME_GAP.fullmatch(text[end:r.start])
        if gm:
            rp, rs = r.get("person"), r.get("surname")
            if rp is not None:
                name_key, name_end = rp.key, r.end
            elif rs is not None and not gm.group(1):
                km = _korean_unknown(text, r)
                if km:
                    name_key, name_end = text[r.start:km.end()], km.end()
                else:
                    name_key = _resolve_surname(rs.key, st, office, country)
                    name_end = r.end
            if name_key is not None:
                r.used = True
    if name_key is None:
        gm = _NAME_GAP.match(text, end, h.limit)
        if gm and not gm.group(1):
            limit = hits[j].start if j < n and hits[j].limit == h.limit else h.limit
            found = _unknown_name(text, gm.end(), limit, single_ok=country is not None)
            if found:
                name_end, name_key = found
    h.used = True
    if prefix_hit is not None:
        prefix_hit.used = True  # its country mention was emitted by the walk already
    elif role.country and role.country in LEXICON.countries:
        st.country(text, h.start, h.end, role.country, "prefix")
    if name_key is not None:
        known = name_key in LEXICON.persons
        _drop_possessor(st, possessor)
        st.register(name_key, office)
        st.actor(text, start, name_end, name_key, label, "role+name" if known else "unknown")
        return True
    # ---- no name: resolve the office
    if office is None or "past" in kinds or "future" in kinds:
        return False
    if destination and office == "ambassador":
        office = f"ambassador@{destination}"
    if country is not None:
        holders = _holders(office, country, st.on)
        if len(holders) == 1:
            key = holders[0].name
            _drop_possessor(st, possessor)
            st.register(key, office)
            st.actor(text, start, end, key, label, "role")
            return True
        return False
    # ---- backref: "der Verteidigungsminister" -> the last one named in this text
    art = _ARTICLE_BEFORE.search(text, max(0, h.start - 8), h.start)
    if art and office in st.by_office:
        article = art.group(1).lower()
        feminine = h.text.endswith(("in", "innen"))
        plural = h.text.endswith(("innen", "ern"))
        if article != "des" and (article != "die" or feminine) and not plural:
            st.actor(text, start, end, st.by_office[office], label, "backref")
            return True
    return False


def _mod_stem(word: str) -> str:
    if word in LEXICON.modifiers:
        return word
    for e in ("en", "er", "es", "em", "e"):
        if word.endswith(e) and word[: -len(e)] in LEXICON.modifiers:
            return word[: -len(e)]
    return word


def _merge(spans: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted((max(0, a), min(length, b)) for a, b in spans):
        if a >= b:
            continue
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _late_unknown_surnames(text: str, st: _State, ranges: list[tuple[int, int]]) -> None:
    """Bare last tokens of unknown persons after their introduction ("Goita habe sich ...")."""
    singles = {last: full for last, full in st.unknown.items() if last not in LEXICON.surfaces}
    if not singles:
        return
    first = {full: min(m.start for m in st.out if m.kind == "actor" and m.key == full) for full in singles.values()}
    taken = [(m.start, m.end) for m in st.out if m.kind == "actor"]
    pat = re.compile(r"(?<![\w])(" + "|".join(re.escape(s) for s in singles) + r")(s)?(?![\w])")
    for a, b in ranges:
        for m in pat.finditer(text, a, b):
            full = singles[m.group(1)]
            if m.start() <= first[full] or any(s <= m.start() < e for s, e in taken):
                continue
            st.actor(text, m.start(), m.end(), full, "person", "surname")


def find_mentions(
    text: str, spans: list[tuple[int, int]] | None = None, *, on: date | None = None
) -> list[EntityMention]:
    """Actor and country mentions in ``text`` (restricted to ``spans`` if given), sorted by offset.

    ``on`` is the reference date for resolving role phrases without a name (default: today).
    """
    st = _State(on or date.today())
    ranges = _merge(spans, len(text)) if spans is not None else [(0, len(text))]
    hits: list[_Hit] = []
    surfaces = _SURFACES
    for a, b in ranges:
        for m in _SURFACE_RE.finditer(text, a, b):
            hits.append(_Hit(m.start(), m.end(), m.group(), surfaces[m.group()], b))
    _walk(text, hits, st)
    if st.unknown:
        _late_unknown_surnames(text, st, ranges)
    st.out.sort(key=lambda m: (m.start, -m.end, m.kind))
    return st.out
