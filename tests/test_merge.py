"""Merging mentions into real events: the pure rules, and the loader's groups, sources and ids."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlmodel import Session

from app.evaluation import merge_scores
from app.loader import load_paths
from app.store.merge import MentionInfo, derive_status, same_event
from app.store.models import Article, Citation, Event, EventRedirect

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


def m(id: int, *, article: int = 1, sent: int = 0, type: str = "visit", status: str = "reported",
      value: str | None = "2024-06-19", persons=(), countries=("RUS", "PRK"), quote: str = "",
      basis: str = "explicit") -> MentionInfo:
    from app.extract.timevalue import interval

    iv = interval(value)
    return MentionInfo(id=id, article_id=article, group_id=id, sentence_index=sent, type=type, status=status,
                       first=iv[0] if iv else None, last=iv[1] if iv else None, precision=iv[2] if iv else None,
                       value=value, persons=frozenset(persons), countries=frozenset(countries), quote=quote,
                       basis=basis)


class TestRules:
    def test_visit_and_meeting_during_it_across_articles(self):
        visit = m(1, article=1, persons={"Wladimir Putin"}, value="2024-06")
        meeting = m(2, article=2, type="meeting", persons={"Wladimir Putin", "Kim Jong Un"}, value="2024-06-19")
        assert same_event(meeting, visit)

    def test_disjoint_dates_are_different_events(self):
        a = m(1, article=1, persons={"Kim Jong Un"}, value="2019-04-25")
        b = m(2, article=2, persons={"Kim Jong Un"}, value="2023-09-13")
        assert same_event(b, a) is None

    def test_year_only_is_no_evidence_across_articles(self):
        a = m(1, article=1, persons={"Kim Jong Un"}, value="2023")
        b = m(2, article=2, persons={"Kim Jong Un"}, value="2023-09")
        assert same_event(b, a) is None

    def test_meeting_of_a_and_b_is_not_meeting_of_a_and_c(self):
        a = m(1, article=1, type="meeting", persons={"Sergej Schoigu", "Kim Jong Un"})
        b = m(2, article=1, sent=1, type="meeting", persons={"Sergej Schoigu", "Li Hongzhong"},
              countries=("RUS", "CHN"))
        assert same_event(b, a) is None

    def test_different_persons_never_merge(self):
        a = m(1, persons={"Wladimir Putin"})
        b = m(2, sent=1, persons={"Sergej Lawrow"})
        assert same_event(b, a) is None

    def test_statements_merge_only_inside_one_article(self):
        a = m(1, article=1, type="statement", persons={"Dmitri Peskow"}, value="2024-01-15")
        b = m(2, article=1, sent=2, type="statement", persons={"Dmitri Peskow"}, value="2024-01-15")
        c = m(3, article=2, type="statement", persons={"Dmitri Peskow"}, value="2024-01-15")
        assert same_event(b, a)
        assert same_event(c, a) is None

    def test_statements_without_a_shared_speaker_need_a_continuation_cue(self):
        a = m(1, type="statement", value="2023-09", quote="Russland hat erklärt, dass man gute Beziehungen habe")
        b = m(2, sent=1, type="statement", value="2023-09", persons={"Dmitri Peskow"},
              quote="Die entsprechende Äußerung machte Kreml-Sprecher Dmitri Peskow am Donnerstag")
        c = m(3, sent=1, type="statement", value="2023-09", persons={"Assimi Goita"},
              quote="Goita habe sich bei Putin für die Lieferungen bedankt")
        d = m(4, sent=1, type="statement", value="2023-09", quote="Die USA befürchten eine Verstärkung")
        assert same_event(b, a)
        assert same_event(c, a) is None
        assert same_event(d, a) is None

    def test_opposite_directions_are_different_events(self):
        def directed(id, sender, **kw):
            x = m(id, **kw)
            return MentionInfo(**{**x.__dict__, "senders": frozenset({sender})})

        incursion = directed(1, "UKR", type="attack", value="2025-04", countries=("UKR", "RUS"))
        liberation = directed(2, "RUS", sent=1, type="attack", value="2025-04", countries=("RUS", "UKR"))
        assert same_event(liberation, incursion) is None
        putin = directed(3, "RUS", persons={"Wladimir Putin", "Kim Jong Un"}, value="2024-06")
        kim = directed(4, "PRK", article=2, persons={"Wladimir Putin", "Kim Jong Un"}, value="2024-06")
        assert same_event(kim, putin) is None
        talks = MentionInfo(**{**kim.__dict__, "type": "talks"})
        assert same_event(talks, putin)  # meetings and talks have no direction
        # "Nordkorea erkennt die Volksrepubliken an" and, six sentences on, another state's recognition
        north = directed(5, "PRK", type="other", value="2022-07", countries=("PRK", "UKR"),
                         quote="Nordkorea hat die Volksrepubliken Donezk und Luhansk anerkannt")
        other = directed(6, "SYR", sent=6, type="other", value=None, countries=("SYR", "UKR"),
                         quote="die Regierung in Damaskus die Volksrepubliken Donezk und Luhansk anerkannt hatte")
        assert same_event(other, north) is None

    def test_visitor_meeting_two_hosts_is_one_visit(self):
        with_lawrow = m(1, type="meeting", persons={"Choe Son Hui", "Sergej Lawrow"}, value="2024-01-16")
        with_putin = m(2, sent=3, type="meeting", persons={"Choe Son Hui", "Wladimir Putin"}, value="2024-01-16")
        assert same_event(with_putin, with_lawrow)
        # a guest from a third state watching beside the visitor is not the same encounter
        li = m(3, sent=1, type="meeting", persons={"Sergej Schoigu", "Li Hongzhong"}, countries=("RUS", "CHN"))
        kim = m(4, type="meeting", persons={"Sergej Schoigu", "Kim Jong Un"})
        assert same_event(li, kim) is None

    def test_body_restating_the_headline(self):
        head = m(1, sent=0, type="statement", value="2024-01-16", quote="Nordkorea lobt Beziehungen zu Russland")
        head = MentionInfo(**{**head.__dict__, "trigger": "lobt"})
        body = m(2, sent=2, type="statement", value="2024-01-16", persons={"Choe Son Hui"},
                 quote="Nordkoreas Außenminister lobte am Dienstag die Beziehungen")
        assert same_event(MentionInfo(**{**body.__dict__, "trigger": "lobte"}), head)
        assert same_event(MentionInfo(**{**body.__dict__, "trigger": "warnte"}), head) is None

    def test_one_speakers_utterance_goes_on_with_a_cue(self):
        a = m(1, sent=1, type="statement", value="2020-05-09", persons={"Kim Jong Un"}, quote="betonte, dass")
        b = m(2, sent=4, type="statement", value="2020-05-09", persons={"Kim Jong Un"},
              quote="Gleichzeitig betonte der nordkoreanische Führer")
        c = m(3, sent=4, type="statement", value="2020-05-09", persons={"Kim Jong Un"}, quote="Kim lobte")
        assert same_event(b, a)
        assert same_event(c, a) is None

    def test_same_occurrence_named_far_apart_by_the_same_words(self):
        a = m(1, sent=1, type="other", value="2023-07-27", countries=("PRK",),
              quote="Zum 70. Jahrestag des Waffenstillstands im Koreakrieg hat Nordkorea Raketen präsentiert")
        b = m(2, sent=9, type="other", value="2023-07-27", countries=("PRK",),
              quote="Mit der Militärparade feiert Nordkorea den 70. Jahrestag des Waffenstillstands")
        assert "Stichwörter" in same_event(b, a)
        # generic words of the domain are no evidence; nor are the same words on another date
        c = m(3, sent=9, type="other", value="2023-07-27", countries=("PRK",),
              quote="Nordkorea und Russland vertiefen ihre Beziehungen und die Zusammenarbeit")
        d = m(4, sent=1, type="other", value="2023-07-27", countries=("PRK",),
              quote="Russland und Nordkorea pflegen Beziehungen, die Zusammenarbeit wächst")
        assert same_event(c, d) is None
        e = MentionInfo(**{**b.__dict__, "value": "2024-02-08"})
        assert same_event(e, a) is None

    def test_the_same_figure_twice_is_one_delivery(self):
        a = m(1, sent=5, type="arms_transfer", value=None, countries=("PRK", "RUS"),
              quote="Russland hat von Nordkorea bereits etwa 4,8 Millionen Geschosse erhalten")
        b = m(2, sent=9, type="arms_transfer", status="alleged", value="2024-06-12", countries=("PRK", "RUS"),
              quote="Darin befanden sich mutmasslich um die 4,8 Millionen Artilleriegeschosse")
        assert "4,8" in same_event(b, a)
        c = MentionInfo(**{**b.__dict__, "quote": "Darin befanden sich im Jahr 2024 Artilleriegeschosse"})
        assert same_event(c, a) is None  # a year is no specific figure

    def test_announced_meeting_and_report_on_the_same_day_in_one_article(self):
        planned = m(1, sent=2, type="meeting", status="planned", value="2024-01-16", basis="relative_to_dct",
                    persons={"Wladimir Putin"})
        met = m(2, sent=0, type="meeting", value="2024-01-16", basis="dct",
                persons={"Wladimir Putin", "Choe Son Hui"})
        assert same_event(planned, met)
        # both only dated by the article's date: no evidence that it is the same day's encounter
        assert same_event(MentionInfo(**{**planned.__dict__, "basis": "dct"}), met) is None

    def test_headline_verb_with_its_separable_prefix(self):
        from app.store.merge import _stem

        assert _stem("erkennt die Volksrepubliken an") == _stem("anerkannt")
        assert _stem("lobt") == _stem("lobte")

    def test_denial_answering_the_claim_before_it(self):
        claim = m(1, type="arms_transfer", status="alleged", value=None, sent=4)
        denial = m(2, type="denial", status="denied", value=None, sent=5,
                   quote="Nordkorea und Russland bestreiten dies.")
        unrelated = m(3, type="denial", status="denied", value=None, sent=9, quote="Moskau bestreitet dies.")
        assert "Dementi" in same_event(denial, claim)
        assert same_event(unrelated, claim) is None

    def test_announcement_and_visit_need_a_stated_date(self):
        planned = m(1, article=1, status="planned", value=None, persons={"Wladimir Putin"})
        happened = m(2, article=1, sent=1, persons={"Wladimir Putin"}, value="2024-06-19")
        assert same_event(happened, planned) is None
        planned_dated = m(3, article=2, status="planned", value="2024-W25", persons={"Wladimir Putin"},
                          basis="relative_to_dct")
        assert same_event(happened, planned_dated)  # the reported visit states its date

    def test_continuing_deployment_across_articles(self):
        a = m(1, article=1, type="troop_deployment", status="alleged", value="2024-10", persons=())
        b = m(2, article=2, type="troop_deployment", value="2025-04", persons=())
        c = m(3, article=3, type="troop_deployment", status="speculative", value=None, persons=())
        assert same_event(b, a)
        assert same_event(c, a) is None  # an expected further deployment is another event

    def test_syndicated_wording(self):
        a = m(1, article=1, type="statement", quote="Moskau  erklärte dies.")
        b = m(2, article=2, type="statement", quote="Moskau erklärte dies.")
        assert same_event(b, a) is None
        assert "Wortlaut" in same_event(b, a, twin_article=1)

    def test_contradicting_speaker_and_source_state(self):
        from dataclasses import replace

        def said(id, sent, persons, senders, speaker_states, **kw):
            return replace(m(id, sent=sent, type="statement", value="2020-05-09", persons=persons, **kw),
                           senders=frozenset(senders), speaker_states=frozenset(speaker_states))

        # the addressee taken for the speaker: North Korea sends, but the only person is Putin
        kim = said(1, 1, {"Kim Jong Un"}, {"PRK"}, {"PRK"}, quote="Der nordkoreanische Führer betonte")
        telegram = said(2, 2, {"Wladimir Putin"}, {"PRK"}, {"RUS"},
                        quote="sandte ein Glückwunschtelegramm an den russischen Präsidenten Wladimir Putin")
        assert "Herkunftsstaat bestätigt" in same_event(telegram, kim)
        # a consistent Russian speaker does not confirm a North Korean source
        peskow = said(3, 1, {"Dmitri Peskow"}, {"RUS"}, {"RUS"})
        assert same_event(telegram, peskow) is None
        # the speaker right, the source state wrong: the shared person confirms the speaker
        wrong_state = said(4, 2, {"Dmitri Peskow"}, {"PRK"}, {"RUS"}, quote="sagte Peskow")
        later = said(5, 3, {"Dmitri Peskow"}, {"RUS"}, {"RUS"}, quote="Peskow bezeichnete die Visite")
        assert "Person bestätigt" in same_event(later, wrong_state)
        # a witness taken for the actor ("im Beisein Schoigus … gezeigt") next to the parade without persons
        parade = replace(m(6, sent=1, type="other", value="2023-07-28", countries=("PRK",),
                           quote="hat Nordkorea Raketen und Drohnen präsentiert"), senders=frozenset({"PRK"}))
        shown = replace(m(7, sent=3, type="other", value="2023-07-28", persons={"Sergej Schoigu"},
                          quote="hat im Beisein Schoigus Waffensysteme gezeigt"),
                        senders=frozenset({"PRK"}), speaker_states=frozenset({"RUS"}))
        assert same_event(shown, parade)
        consistent = replace(shown, speaker_states=frozenset({"PRK"}))
        assert same_event(consistent, parade) is None  # one names a person, the other not: one sentence apart
        # only inside one article
        assert same_event(replace(telegram, article_id=2), kim) is None

    def test_undated_announced_visit_and_the_visit_within_a_year(self):
        from dataclasses import replace

        announced = replace(m(1, article=1, status="planned", value=None, persons={"Wladimir Putin", "Kim Jong Un"},
                              quote="dass in absehbarer Zukunft auch ein Besuch Putins in Nordkorea stattfinden werde"),
                            senders=frozenset({"RUS"}), published=date(2024, 1, 15))
        visit = replace(m(2, article=2, value="2024-SU", persons={"Wladimir Putin"}, quote="bei einem Besuch Putins"),
                        senders=frozenset({"RUS"}), published=date(2025, 7, 12))
        assert "angekündigter Besuch" in same_event(visit, announced)
        assert "angekündigter Besuch" in same_event(announced, visit)
        # not the other direction (Kim's visit to Russia), not years later, not before the announcement
        assert same_event(replace(visit, senders=frozenset({"PRK"})), announced) is None
        later = replace(visit, value="2025-06", first=date(2025, 6, 1), last=date(2025, 6, 30), precision="month")
        assert same_event(later, announced) is None
        before = replace(visit, value="2023-09", first=date(2023, 9, 1), last=date(2023, 9, 30), precision="month")
        assert same_event(before, announced) is None
        # nor a visit dated only to a year, nor one in the same article (an earlier visit recalled there)
        vague = replace(visit, value="2024", first=date(2024, 1, 1), last=date(2024, 12, 31), precision="year")
        assert same_event(vague, announced) is None
        assert same_event(replace(visit, article_id=1), announced) is None

    def test_visit_and_the_meeting_it_was_for_in_one_sentence(self):
        visit = m(1, sent=17, value="2000-07", persons={"Wladimir Putin"},
                  quote="besuchte er im Juli 2000 Pjöngjang zu einem Treffen mit Kim Jong Il")
        meeting = m(2, sent=17, type="meeting", value="2000-07", persons={"Kim Jong Il"},
                    quote="zu einem Treffen mit Kim Jong Il")
        assert "Zweck des Besuchs" in same_event(meeting, visit)
        assert same_event(MentionInfo(**{**meeting.__dict__, "sentence_index": 18}), visit) is None
        other_day = MentionInfo(**{**meeting.__dict__, "value": "2000-08", "first": date(2000, 8, 1),
                                   "last": date(2000, 8, 31)})
        assert same_event(other_day, visit) is None

    def test_statement_and_its_content_said_again(self):
        said = m(1, sent=0, type="statement", value="2023-09", basis="dct",
                 quote="Russland hat erklärt, dass Moskau und Pjöngjang gute Beziehungen unterhielten")
        content = m(2, sent=3, type="other", value="2023-09", basis="dct",
                    quote="Moskau und Pjöngjang unterhielten gute Beziehungen")
        assert "Wortlaut" in same_event(content, said)
        unrelated = m(3, sent=3, type="other", value="2023-09", basis="dct",
                      quote="Moskau und Pjöngjang unterhielten gute Handelsbeziehungen")
        assert same_event(unrelated, said) is None
        short = m(4, sent=3, type="other", value="2023-09", basis="dct", quote="gute Beziehungen")
        assert same_event(short, said) is None  # too few words to say it is the same content

    def test_continuation_cue_between_statements_without_named_speakers(self):
        from dataclasses import replace

        first = replace(m(1, sent=0, type="statement", value="2025-04", quote="Nordkorea hat erstmals bestätigt"),
                        senders=frozenset({"PRK"}))
        then = replace(m(2, sent=3, type="statement", value="2025-04",
                         quote="KCNA sprach in diesem Zusammenhang von Heldentaten"), senders=frozenset({"PRK"}))
        assert same_event(then, first)
        assert same_event(replace(then, quote="KCNA sprach von Heldentaten"), first) is None
        assert same_event(replace(then, senders=frozenset({"USA"})), first) is None

    def test_derived_status(self):
        assert derive_status(["alleged", "reported"]) == "reported"
        assert derive_status(["planned", "speculative"]) == "planned"
        assert derive_status(["denied"]) == "denied"


def _groups(session: Session) -> dict[int, list[tuple[str, int]]]:
    out: dict[int, list[tuple[str, int]]] = {}
    for gid, eid, fname in session.execute(
            select(Event.group_id, Event.id, Article.file_name).join(Article, Article.id == Event.article_id)):
        out.setdefault(gid, []).append((fname, eid))
    return out


def test_kim_visit_is_one_event_across_two_seed_articles(engine):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    with Session(engine) as s:
        groups = _groups(s)
        multi = [g for g in groups.values() if {f for f, _ in g} >= {"001_c0f6a50aa29bb6c2.txt",
                                                                     "004_746df6e8f7fdc1e3.txt"}]
        assert multi, "the September 2023 visit is reported in 001 and 004"
        for gid, members in groups.items():
            head = s.get(Event, gid)
            assert head is not None and head.group_id == gid
            assert head.source_count >= 1 and head.group_status
            for _, eid in members:
                ev = s.get(Event, eid)
                assert (ev.merge_reason is None) == (eid == gid)


def test_undated_announced_visit_meets_the_visit_in_either_order(engine, tmp_path):
    """001 (January 2024) announces Putin's visit to North Korea "in absehbarer Zukunft"; 002 (July 2025)
    recalls the visit of summer 2024. Candidates come from the index whichever is stored first."""
    d = tmp_path / "in"
    d.mkdir()
    for name in ("001_c0f6a50aa29bb6c2.txt", "002_0c54e0729d50066b.txt", "manifest.csv"):
        shutil.copy(SEEDS / name, d / name)
    load_paths([d / "002_0c54e0729d50066b.txt"], engine, d / "manifest.csv")
    load_paths([d / "001_c0f6a50aa29bb6c2.txt"], engine, d / "manifest.csv")
    with Session(engine) as s:
        def group_of(fragment: str) -> int:
            return s.execute(select(Event.group_id).join(Citation, Citation.event_id == Event.id)
                             .where(Event.type == "visit", Citation.quote.contains(fragment))).scalars().first()

        announced = group_of("in absehbarer Zukunft")
        assert announced is not None and announced == group_of("bei einem Besuch Putins in Nordkorea")
        member = s.scalars(select(Event).where(Event.group_id == announced, Event.id != announced)).one()
        assert "angekündigter Besuch" in member.merge_reason


def test_syndicated_copy_adds_no_source(engine, tmp_path):
    src = SEEDS / "003_cd4c5c27adc4d450.txt"
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(src, d / src.name)
    text = src.read_text(encoding="utf-8")
    (d / "copy.txt").write_text(text.replace("Nun scheinen", "Jetzt scheinen"), encoding="utf-8")
    manifest = d / "manifest.csv"
    manifest.write_text("file,outlet,url,published\n"
                        f"{src.name},nau.ch,https://nau.ch/a,2024-W24\n"
                        "copy.txt,andere-zeitung.ch,https://andere-zeitung.ch/b,2024-W24\n", encoding="utf-8")
    load_paths([d], engine, manifest)
    with Session(engine) as s:
        copy = s.scalars(select(Article).where(Article.file_name == "copy.txt")).one()
        orig = s.scalars(select(Article).where(Article.file_name == src.name)).one()
        assert copy.source_group == orig.source_group
        copies = list(s.scalars(select(Event).where(Event.article_id == copy.id)))
        quotes = {e.id: s.scalars(select(Citation.quote).where(Citation.event_id == e.id)).one() for e in copies}
        unchanged = [e for e in copies if "Jetzt scheinen" not in quotes[e.id]]
        assert unchanged and all(e.group_id != e.id for e in unchanged), "copied mentions join the original"
        heads = [s.get(Event, gid) for gid in {e.group_id for e in copies}]
        assert all(h.source_count == 1 for h in heads)


def test_ids_stay_stable_and_redirect(engine, tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    for name in ("001_c0f6a50aa29bb6c2.txt", "004_746df6e8f7fdc1e3.txt", "manifest.csv"):
        shutil.copy(SEEDS / name, d / name)
    load_paths([d / "001_c0f6a50aa29bb6c2.txt"], engine, d / "manifest.csv")
    load_paths([d / "004_746df6e8f7fdc1e3.txt"], engine, d / "manifest.csv")
    with Session(engine) as s:
        groups = _groups(s)
        before = {eid: s.get(Event, eid).group_id for g in groups.values() for _, eid in g}
        gid = next(g for g, mem in groups.items() if {f for f, _ in mem} == {"001_c0f6a50aa29bb6c2.txt",
                                                                              "004_746df6e8f7fdc1e3.txt"})
        head = s.get(Event, gid)
        head_quote = s.scalars(select(Citation.quote).where(Citation.event_id == gid)).one()
        # the group's event is its first report, or a later one that dates it from its own words
        head_file = s.get(Article, head.article_id).file_name

    # An unrelated edit of the article that holds the group's event keeps every id.
    p = d / head_file
    p.write_text(p.read_text(encoding="utf-8") + "\nDie Lage blieb am Abend ruhig.\n", encoding="utf-8")
    assert load_paths([p], engine, d / "manifest.csv").results[0].outcome == "replaced"
    with Session(engine) as s:
        after = {e.id: e.group_id for e in s.scalars(select(Event))}
        assert {k: v for k, v in before.items() if k in after} == {k: before[k] for k in before if k in after}
        assert gid in after

    # Removing the clause that founded the group: the group gets a new id and the old one redirects.
    p.write_text(p.read_text(encoding="utf-8").replace(head_quote, "Das blieb unklar"), encoding="utf-8")
    load_paths([p], engine, d / "manifest.csv")
    with Session(engine) as s:
        if s.get(Event, gid) is None:
            red = s.get(EventRedirect, gid)
            assert red is not None and s.get(Event, red.new_id).group_id == red.new_id
        else:  # the same clause elsewhere in the article kept the id
            assert s.get(Event, gid).group_id == gid


def test_merge_quality_on_seed_and_dev_gold(engine, shared_dir):
    gold = json.loads((shared_dir / "gold" / "seeds.json").read_text())["articles"]
    gold += json.loads((shared_dir / "gold" / "dev.json").read_text())["articles"]
    groups = json.loads((REPO / "tests" / "fixtures" / "merge_gold.json").read_text())["groups"]
    for part in ("seeds", "dev"):
        load_paths([shared_dir / part], engine, shared_dir / part / "manifest.csv")
    with Session(engine) as s:
        res = merge_scores(s, gold, groups)
    # Floors at what the rules reach now (see the closing note of issue 7); they must not drop.
    assert res["precision"] >= 0.97, res
    assert res["recall"] >= 0.81, res


def test_group_status_is_derived_not_overwritten(engine):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    with Session(engine) as s:
        for head in s.scalars(select(Event).where(Event.id == Event.group_id)):
            members = s.execute(select(Event.type, Event.status).where(Event.group_id == head.id)).all()
            assert head.status in {st for _, st in members}  # its own mention keeps its extracted status
            stances = [st for t, st in members if t != "denial"]
            assert head.group_status == (derive_status(stances) if stances else "denied")


def test_timeline_shows_each_real_event_once(engine, client_for):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    client = client_for(engine)
    with Session(engine) as s:
        mentions = len(list(s.scalars(select(Event.id))))
        heads = len(list(s.scalars(select(Event.id).where(Event.id == Event.group_id))))
        member = s.scalars(select(Event).where(Event.id != Event.group_id)).first()
    assert member is not None and heads < mentions
    data = client.get("/api/events", params={"limit": 1000}).json()
    assert data["total"] == heads
    ids = {e["id"] for e in data["events"]}
    assert member.id not in ids and member.group_id in ids
    head = next(e for e in data["events"] if e["id"] == member.group_id)
    assert head["group"]["mentions"] >= 2
    assert any(c["mention_id"] == member.id for c in head["citations"])

    # A merged mention's URL leads to its real event.
    r = client.get(f"/events/{member.id}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/events/{member.group_id}"
    r = client.get(f"/api/events/{member.id}", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/api/events/{member.group_id}"
    page = client.get(f"/events/{member.group_id}")
    assert page.status_code == 200 and "unabhängigen" in page.text and "nach Medium" in page.text


def test_redirect_table_is_followed(engine, client_for):
    load_paths([SEEDS], engine, SEEDS / "manifest.csv")
    with Session(engine) as s:
        head = s.scalars(select(Event).where(Event.id == Event.group_id)).first()
        s.add(EventRedirect(old_id=999_999, new_id=head.id, reason="test"))
        s.commit()
        head_id = head.id
    client = client_for(engine)
    r = client.get("/events/999999", follow_redirects=False)
    assert r.status_code == 307 and r.headers["location"] == f"/events/{head_id}"
    assert client.get("/events/888888").status_code == 404


def test_filter_and_sort_by_sources(engine, client_for):
    for part in ("seeds",):
        load_paths([REPO / part], engine, REPO / part / "manifest.csv")
    client = client_for(engine)
    by_sources = client.get("/api/events", params={"sort": "sources", "limit": 5}).json()
    counts = [e["group"]["source_count"] for e in by_sources["events"]]
    assert counts == sorted(counts, reverse=True)
    assert by_sources["next"] is None or "page=2" in by_sources["next"]
    multi = client.get("/api/events", params={"min_sources": 2}).json()
    assert all(e["group"]["source_count"] >= 2 for e in multi["events"])
    assert "mindestens 2 Quellen" in multi["description"]
    assert client.get("/api/events", params={"min_sources": "zwei"}).status_code == 422
    assert client.get("/api/events", params={"sort": "random"}).status_code == 422
    html = client.get("/", params={"sort": "sources", "min_sources": 2})
    assert html.status_code == 200 and 'value="sources" selected' in html.text
    assert "Quellen: mindestens 2" in html.text and "Text: „sources“" not in html.text


def test_a_text_date_replaces_a_publication_date_as_the_events_date(engine, tmp_path, client_for):
    """Loaded first, a report dates the deployment only by its publication (July 2025); a later
    report says "im Oktober 2024". The real event takes the text's date, its old URL redirects."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(
        "Nordkorea entsendet Soldaten nach Russland\n"
        "Nordkorea entsendet Tausende Soldaten nach Russland, um in der Region Kursk zu kämpfen, berichtet die "
        "Ukraine. Die Regierungen in Moskau und Pjöngjang äußerten sich dazu bisher nicht.\n", encoding="utf-8")
    (d / "b.txt").write_text(
        "Nordkoreanische Soldaten in Kursk\n"
        "Nordkorea hat im Oktober 2024 Soldaten nach Russland entsandt. Die Truppen wurden in der Region Kursk "
        "eingesetzt, teilte der ukrainische Militärgeheimdienst mit.\n", encoding="utf-8")
    manifest = d / "manifest.csv"
    manifest.write_text("file,outlet,url,published\na.txt,Zeitung A,https://a.example/1,2025-07-12\n"
                        "b.txt,Zeitung B,https://b.example/2,2024-11-02\n", encoding="utf-8")
    load_paths([d / "a.txt"], engine, manifest)
    with Session(engine) as s:
        first = s.scalars(select(Event).where(Event.type == "troop_deployment")).first()
        assert first is not None and first.date_basis == "dct" and first.date_value == "2025-07-12"
        old_id = first.id
    load_paths([d / "b.txt"], engine, manifest)
    with Session(engine) as s:
        old = s.get(Event, old_id)
        head = s.get(Event, old.group_id)
        assert head.id != old_id and head.is_head == 1 and old.is_head == 0
        assert head.date_value == "2024-10" and head.date_basis == "explicit"
        assert head.merge_reason is None and old.merge_reason
    client = client_for(engine)
    r = client.get(f"/events/{old_id}", follow_redirects=False)
    assert r.status_code in (301, 302, 307, 308) and r.headers["location"].endswith(f"/events/{head.id}")
    assert client.get(f"/api/events/{head.id}").json()["date"]["value"] == "2024-10"
