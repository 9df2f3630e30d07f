"""Entity lexicons: load ``resources/{actors,countries,roles}.toml`` and expand them into surface forms.

Language knowledge lives in the TOML files; this module only knows German morphology well enough to
generate the forms a news text uses, so the resources list stems and base forms, not inflections:

* ``{a|b|}`` alternatives in any listed form ("Vereinigte{n|} Staaten" -> both forms);
* country adjectives: stem + ``-e/-en/-er/-es/-em`` (and uninflected, for "russisch-nordkoreanisch"),
  lower- and upper-case ("russische", "Russischen");
* directional regions for large states: "Ostrussland", "westrussischen", "Ost-Ukraine";
* demonyms: Russe -> Russen/Russin/Russinnen, Nordkoreaner -> Nordkoreanern/Nordkoreanerin;
* genitive ``-s`` for single-word names, capitals, metonyms, places and surnames (Russlands, Kremls,
  Putins, Kims), not for words already ending in s/ß/x/z;
* ALL-CAPS forms of country names and capitals (datelines: "MOSKAU (Reuters)");
* role nouns by ending (-er: Ministers/Ministern/Ministerin, -ent: Präsidenten, -e: Abgeordneten);
* person names: every given-name transliteration variant x every surname variant (Sergej/Sergei/Sergey
  Lawrow/Lavrov); Korean names also as "Kim Jong-un", "Kim Jong-Un", "Kim Jongun", "Kim-Jong-Un".

Everything is built once at import; :data:`LEXICON` is the shared instance.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

RESOURCES = Path(__file__).parent / "resources"

ADJ_ENDINGS = ("", "e", "en", "er", "es", "em")
DIRECTIONS = ("nord", "süd", "ost", "west", "nordost", "nordwest", "südost", "südwest", "zentral")
_ALT = re.compile(r"\{([^{}]*)\}")


def expand(form: str) -> list[str]:
    """All strings a form with ``{a|b|}`` alternatives stands for."""
    m = _ALT.search(form)
    if not m:
        return [form]
    out: list[str] = []
    for alt in m.group(1).split("|"):
        out.extend(expand(form[: m.start()] + alt + form[m.end():]))
    return out


def genitive(word: str) -> str | None:
    """The German -s genitive of a proper name, or None when it takes none (ends in s/ß/x/z)."""
    if not word or word[-1] in "sßxzSXZ" or not word[-1].isalpha():
        return None
    return word + "s"


def cap(word: str) -> str:
    return word[:1].upper() + word[1:]


def inflect_role(form: str) -> list[str]:
    """Inflected forms of a role noun (the last word inflects)."""
    head, _, last = form.rpartition(" ")
    if " des " in form or " der " in form or " für " in form or " von " in form or " bei " in form:
        return [form]  # "Sprecher des Kremls": the head noun is not the last word
    if last.endswith(("er", "ger")):
        ends = ["", "s", "n", "in", "innen"]
    elif last.endswith(("ent", "at", "ant", "ist")):
        ends = ["", "en", "in", "innen"]
    elif last.endswith("in"):
        ends = ["", "nen"]
    elif last.endswith(("ef", "oss", "err")):
        ends = ["", "s", "in", "innen"] if not last.endswith("err") else ["", "n", "en"]
    elif last.endswith("e"):
        ends = ["", "n", "r"]
    elif last.endswith("or"):
        ends = ["", "s", "en", "in", "innen"]
    elif last.endswith("haupt"):
        ends = ["", "s", "es"]
    else:
        ends = ["", "s"]
    return [(head + " " if head else "") + last + e for e in ends]


@dataclass(frozen=True)
class Tenure:
    office: str
    country: str | None
    start: date | None = None
    end: date | None = None

    def valid(self, on: date) -> bool:
        return (self.start is None or self.start <= on) and (self.end is None or on < self.end)


@dataclass
class Person:
    name: str
    kind: str  # person | organisation
    country: str | None
    famous: bool = False
    korean: bool = False
    surnames: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()  # every full form (nominative), canonical first
    tenures: tuple[Tenure, ...] = ()

    def offices_on(self, on: date) -> list[Tenure]:
        return [t for t in self.tenures if t.valid(on)]


@dataclass(frozen=True)
class Role:
    label: str
    office: str | None
    country: str | None = None  # inherent country / organisation
    deputy: bool = False  # generated Vize- form


@dataclass(frozen=True)
class Country:
    code: str
    name: str
    not_after: tuple[str, ...] = ()


@dataclass(frozen=True)
class Meaning:
    """What a surface form means. ``type``: country | person | surname | org | role."""

    type: str
    key: str  # ISO3 / canonical name / surname / org name / role label
    via: str = "name"  # for countries: name|adjective|demonym|capital|metonym|institution|place|region
    role: Role | None = None


@dataclass
class Lexicon:
    countries: dict[str, Country] = field(default_factory=dict)
    country_by_name: dict[str, str] = field(default_factory=dict)
    persons: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_alias: dict[str, Person] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)  # surface -> role
    surfaces: dict[str, list[Meaning]] = field(default_factory=dict)
    modifiers: dict[str, str] = field(default_factory=dict)  # modifier stem -> past|future|deputy|neutral

    def add(self, surface: str, meaning: Meaning) -> None:
        if not surface:
            return
        lst = self.surfaces.setdefault(surface, [])
        if meaning not in lst:
            lst.append(meaning)

    # ------------------------------------------------------------------ countries
    def load_countries(self, data: dict) -> None:
        for c in data["country"]:
            code, name = c["code"], c["name"]
            self.countries[code] = Country(code, name, tuple(c.get("not_after", ())))
            names = [name] + [f for n in c.get("names", []) for f in expand(n)]
            for n in names:
                self.country_by_name.setdefault(n, code)
            groups = {
                "name": names,
                "capital": [f for n in c.get("capitals", []) for f in expand(n)],
                "metonym": [f for n in c.get("metonyms", []) for f in expand(n)],
                "institution": [f for n in c.get("institutions", []) for f in expand(n)],
                "place": [f for n in c.get("places", []) for f in expand(n)],
            }
            for via, forms in groups.items():
                for f in forms:
                    self.add(f, Meaning("country", code, via))
                    if " " not in f and (g := genitive(f)):
                        self.add(g, Meaning("country", code, via))
                    if via in ("name", "capital") and len(f) > 3 and f.isalpha():
                        self.add(f.upper(), Meaning("country", code, via))
            for stem in c.get("adjectives", []):
                for e in ADJ_ENDINGS:
                    self.add(stem + e, Meaning("country", code, "adjective"))
                    self.add(cap(stem) + e, Meaning("country", code, "adjective"))
            for d in c.get("demonyms", []):
                forms = [d, d + "n", d[:-1] + "in", d[:-1] + "innen"] if d.endswith("e") else [
                    d, d + "n", d + "s", d + "in", d + "innen"]
                if d.endswith("i"):  # Israeli, Saudi
                    forms = [d, d + "s"]
                for f in forms:
                    self.add(f, Meaning("country", code, "demonym"))
            if c.get("directional"):
                for pre in DIRECTIONS:
                    for stem in c.get("adjectives", [])[:1]:
                        for e in ADJ_ENDINGS[1:]:
                            self.add(pre + stem + e, Meaning("country", code, "region"))
                    for n in names[:1]:
                        for f in (cap(pre) + n.lower(), cap(pre) + "-" + n):
                            self.add(f, Meaning("country", code, "region"))
                            if g := genitive(f):
                                self.add(g, Meaning("country", code, "region"))

    # ------------------------------------------------------------------ roles
    def load_roles(self, data: dict) -> None:
        for kind, words in data.get("modifiers", {}).items():
            for w in words:
                self.modifiers[w] = kind
        explicit: dict[str, Role] = {}
        generated: dict[str, Role] = {}
        for r in data["role"]:
            role = Role(r["label"], r.get("office"), r.get("country"))
            for form in r["forms"]:
                for f in expand(form):
                    for inf in inflect_role(f):
                        explicit.setdefault(inf, role)
                    if r.get("deputy") and role.office:
                        dep = Role("Vize-" + role.label, "deputy_" + role.office, role.country, True)
                        for g in ("Vize" + f[:1].lower() + f[1:], "Vize-" + f):
                            for inf in inflect_role(g):
                                generated.setdefault(inf, dep)
        for surface, role in {**generated, **explicit}.items():
            self.roles[surface] = role
            self.add(surface, Meaning("role", role.label, role=role))

    # ------------------------------------------------------------------ actors
    def load_actors(self, data: dict) -> None:
        variants: dict[str, list[str]] = {}
        for group in data.get("given_variants", {}).get("groups", []):
            for g in group:
                variants.setdefault(g, group)
        for p in data.get("person", []):
            self._add_person(p, variants)
        for o in data.get("organisation", []):
            forms = [f for a in o.get("aliases", [o["name"]]) for f in expand(a)]
            person = Person(o["name"], "organisation", None, aliases=tuple(dict.fromkeys([o["name"], *forms])))
            self.persons[person.name] = person
            for f in person.aliases:
                self.by_alias.setdefault(f, person)
                self.add(f, Meaning("org", person.name))

    def _add_person(self, p: dict, variants: dict[str, list[str]]) -> None:
        name: str = p["name"]
        korean = bool(p.get("korean"))
        tokens = name.split()
        if korean:
            default_surname = tokens[0]
        else:
            default_surname = tokens[-1]
        surnames = list(dict.fromkeys(p.get("surnames") or [default_surname]))
        full: list[str] = [name]
        if korean:
            given = " ".join(tokens[1:])
            for s in surnames:
                full.extend(_korean_forms(s, given))
            for a in p.get("aliases", []):
                t = a.split()
                full.extend(_korean_forms(t[0], " ".join(t[1:])) if len(t) >= 2 else [a])
        else:
            canon = next((s for s in surnames if name.endswith(" " + s) or name == s), None)
            if "given" in p:
                givens = list(p["given"])
            elif canon:
                givens = [name[: len(name) - len(canon)].strip()]
            else:
                givens = [" ".join(tokens[:-1])]
            expanded: list[str] = []
            for g in givens:
                first, _, rest = g.partition(" ")
                for v in variants.get(first, [first]):
                    expanded.append((v + " " + rest).strip())
            for g in dict.fromkeys(expanded):
                for s in surnames:
                    full.append((g + " " + s).strip())
            full.extend(f for a in p.get("aliases", []) for f in expand(a))
        tenures = tuple(
            Tenure(t["office"], t.get("country", p.get("country")), t.get("from"), t.get("to"))
            for t in p.get("roles", [])
        )
        person = Person(
            name=name, kind="person", country=p.get("country"), famous=bool(p.get("famous")),
            korean=korean, surnames=tuple(surnames), aliases=tuple(dict.fromkeys(full)), tenures=tenures,
        )
        self.persons[name] = person
        for f in person.aliases:
            self.by_alias.setdefault(f, person)
            self.add(f, Meaning("person", name))
            if g := genitive(f):
                self.add(g, Meaning("person", name, via="genitive"))
        for s in surnames:
            lst = self.by_surname.setdefault(s, [])
            if person not in lst:
                lst.append(person)
            self.add(s, Meaning("surname", s))
            if len(s) < 4 and not person.famous:
                continue  # no "Hans", "Parks", "Lees" from short Korean/Chinese surnames
            if g := genitive(s):
                self.add(g, Meaning("surname", s, via="genitive"))
            elif s[-1] in "sxzß":
                self.add(s + "'", Meaning("surname", s, via="genitive"))


def _korean_forms(family: str, given: str) -> list[str]:
    """Romanisation layouts of a Korean name: Jong Un, Jong-un, Jong-Un, Jongun, and Kim-Jong-Un."""
    parts = given.split()
    if len(parts) == 2:
        a, b = parts
        layouts = [f"{a} {b}", f"{a}-{b.lower()}", f"{a}-{cap(b)}", f"{a}{b.lower()}"]
        hyphen = f"{family}-{a}-{cap(b)}"
    else:
        layouts = [given]
        hyphen = f"{family}-{given.replace(' ', '-')}" if given else ""
    out = [f"{family} {g}".strip() for g in layouts]
    if hyphen and len(parts) == 2:
        out.append(hyphen)
    return out


def _load() -> Lexicon:
    lex = Lexicon()
    with open(RESOURCES / "countries.toml", "rb") as fh:
        lex.load_countries(tomllib.load(fh))
    with open(RESOURCES / "roles.toml", "rb") as fh:
        lex.load_roles(tomllib.load(fh))
    with open(RESOURCES / "actors.toml", "rb") as fh:
        lex.load_actors(tomllib.load(fh))
    return lex


LEXICON = _load()


def trie_pattern(words: list[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie, so matching costs one pass per position and
    prefers the longest form (greedy branches first, shorter endings by backtracking)."""
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        end = "" in node
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end:
            if len(branches) == 1 and len(body) > 1:
                return "(?:" + body + ")?"
            return body + "?" if len(body) == 1 else "(?:" + body + ")?"
        return body

    return build(trie)
