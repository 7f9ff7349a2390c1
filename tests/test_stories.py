"""Story store: idempotent ingest, ids, near-duplicates, clustering, merges, updates."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from newsweave.errors import InputError, StoreError
from newsweave.options import BriefOptions
from newsweave.stories import Clusterer, StoryOptions, open_store
from newsweave.stories.cluster import shingle_sample, span_gap, term_counts
from newsweave.stories.update import story_brief, story_update
from newsweave.types import Article

TOPICS = {
    "flood": [
        "Heavy monsoon rains flooded the river delta near Dhaka on Monday morning.",
        "Rescue boats carried stranded villagers from flooded rice fields to dry shelters.",
        "The Bangladesh weather agency warned that the Padma river would keep rising.",
        "Aid groups said clean water and food were running short in the flooded delta.",
    ],
    "chess": [
        "The Norwegian grandmaster Magnus Carlsen won the rapid chess championship in Oslo.",
        "Carlsen sacrificed a knight in the final round and forced checkmate in forty moves.",
        "His opponent Hikaru Nakamura resigned after a long endgame with rooks and pawns.",
        "The chess federation said the Oslo tournament drew record online audiences.",
    ],
    "vaccine": [
        "Regulators in Geneva approved a new malaria vaccine for children under five.",
        "The vaccine cut severe malaria cases by two thirds in trials across Kenya and Ghana.",
        "Health ministers said the malaria vaccine rollout would start in rural clinics.",
        "Doctors warned that mosquito nets remain essential alongside the malaria vaccine.",
    ],
}


def art(aid: str, topic: str, k: int, published: str | None = None, extra: str = "") -> Article:
    sents = TOPICS[topic]
    text = " ".join(sents[(k + i) % len(sents)] for i in range(3)) + (" " + extra if extra else "")
    return Article(aid, text, source=f"{topic}-{k}.example", published=published)


@pytest.fixture()
def store(tmp_path: Path):
    s = open_store(tmp_path / "t.db")
    yield s
    s.close()


def fill(store, n_per_topic: int = 3) -> dict[str, int]:
    cl = Clusterer(store)
    story_of = {}
    for k in range(n_per_topic):
        for topic in TOPICS:
            ack = cl.add(art(f"{topic}{k}", topic, k))
            assert ack.status == "new"
            story_of[ack.id] = ack.story
    cl.flush()
    return story_of


def test_articles_of_a_topic_share_one_story(store) -> None:
    story_of = fill(store)
    for topic in TOPICS:
        assert len({story_of[f"{topic}{k}"] for k in range(3)}) == 1
    assert len(set(story_of.values())) == 3
    rows = store.stories()
    assert [r.id for r in rows] == sorted(set(story_of.values()))
    assert all(len(r.articles) == 3 and len(r.sources) == 3 for r in rows)


def test_ingest_is_idempotent_by_content(store) -> None:
    fill(store)
    before = store.counts()
    cl = Clusterer(store)
    acks = [cl.add(art(f"{t}{k}", t, k)) for t in TOPICS for k in range(3)]
    assert {a.status for a in acks} == {"exists"}
    # Same content under another id is still the same article.
    assert cl.add(art("renamed", "flood", 0)).status == "exists"
    assert store.counts() == before


def test_same_id_other_content_gets_a_unique_id(store) -> None:
    cl = Clusterer(store)
    first = cl.add(art("a", "flood", 0))
    second = cl.add(art("a", "chess", 0))
    assert first.id == "a" and second.id == "a~2" and second.requested_id == "a"
    assert second.to_dict()["requested_id"] == "a"


def test_near_duplicate_is_recorded_and_joins_the_original_story(store) -> None:
    cl = Clusterer(store)
    orig = cl.add(art("orig", "vaccine", 0))
    copy = cl.add(art("copy", "vaccine", 0, extra="Reporting by a wire service."))
    assert copy.status == "duplicate" and copy.duplicate_of == "orig"
    assert copy.story == orig.story
    (stored,) = [a for a in store.story_articles(orig.story) if a.id == "copy"]
    assert stored.duplicate_of == "orig"


def test_story_ids_are_stable_as_the_store_grows(store) -> None:
    story_of = fill(store, 2)
    before = {r.id: set(r.articles) for r in store.stories()}
    cl = Clusterer(store)
    for k in range(2, 4):
        for topic in TOPICS:
            cl.add(art(f"{topic}{k}", topic, k))
    after = {r.id: set(r.articles) for r in store.stories()}
    for sid, members in before.items():
        assert members <= after[sid]
    assert story_of["chess0"] in after


def test_dates_keep_far_apart_events_apart(store) -> None:
    cl = Clusterer(store)
    a = cl.add(art("jan", "flood", 0, published="2024-01-10"))
    b = cl.add(art("jan2", "flood", 1, published="2024-01-12"))
    c = cl.add(art("sep", "flood", 2, published="2024-09-01"))
    assert a.story == b.story != c.story


def test_merge_is_recorded_and_old_ids_resolve(tmp_path: Path) -> None:
    store = open_store(tmp_path / "m.db")
    cl = Clusterer(store, StoryOptions(threshold=0.5, merge_threshold=0.5))
    x = cl.add(Article("x", "Alpha beta gamma delta epsilon zeta theta iota kappa."))
    y = cl.add(Article("y", "Alpha beta gamma delta omega sigma lambda upsilon chi."))
    assert x.story != y.story  # close, but not close enough to join
    # An article that fits both bridges them: the younger story is folded into the older.
    z = cl.add(Article("z", "Sigma delta zeta omega beta epsilon gamma alpha lambda theta."))
    assert z.story == x.story and z.merged == [y.story]
    assert store.resolve(y.story) == x.story
    (row,) = store.stories()
    assert row.id == x.story and row.merged == (y.story,)
    assert set(row.articles) == {"x", "y", "z"}
    assert {a.id for a in store.story_articles(y.story)} == {"x", "y", "z"}
    assert store.counts()["merges"] == 1
    store.close()


SECOND = [("x", "Alpha beta gamma delta epsilon zeta theta."),
          ("s", "Kappa omega sigma alpha lambda upsilon chi."),
          ("y", "Alpha beta gamma delta omega sigma kappa."),
          ("z", "Alpha beta gamma omega sigma kappa lambda.")]


@pytest.mark.parametrize(("second_chance", "s_date", "together"),
                         [(0.4, None, True), (1.0, None, False), (0.4, "2024-09-01", False)])
def test_second_chance_lets_a_lone_article_join_a_grown_story(
        tmp_path: Path, second_chance: float, s_date: str | None, together: bool) -> None:
    store = open_store(tmp_path / "s.db")
    cl = Clusterer(store, StoryOptions(threshold=0.4, merge_threshold=0.9,
                                       second_chance=second_chance))
    acks = {aid: cl.add(Article(aid, text, published=s_date if aid == "s" else "2024-01-10"))
            for aid, text in SECOND}
    # "s" came too early to match (its only kin was "x"); once "y" and "z" have grown the
    # story, it fits, and its one-article story is merged into the older one.
    assert acks["s"].story != acks["x"].story == acks["y"].story
    rows = {r.id: set(r.articles) for r in store.stories()}
    if together:
        assert acks["z"].merged == [acks["s"].story]
        assert rows == {acks["x"].story: {"x", "s", "y", "z"}}
        assert store.resolve(acks["s"].story) == acks["x"].story
    else:
        assert acks["z"].merged == [] and len(rows) == 2
    store.close()


def test_span_gap_counts_days_between_spans() -> None:
    assert span_gap("2024-01-01", "2024-01-05", "2024-01-03", "2024-02-01") == 0
    assert span_gap("2024-01-05", "2024-01-06", "2024-01-01", "2024-01-31") == 0
    assert span_gap("2024-01-01", "2024-01-05", "2024-01-15", "2024-01-20") == 10
    assert span_gap("2024-01-15", "2024-01-20", "2024-01-01", "2024-01-05") == 10
    assert span_gap(None, None, "2024-01-15", "2024-01-20") == 0


def test_empty_article_is_refused(store) -> None:
    with pytest.raises(InputError):
        Clusterer(store).add(Article("e", "   "))
    assert store.counts()["articles"] == 0


def test_features_are_stable_and_tolerate_tiny_text() -> None:
    assert shingle_sample("") == []
    assert shingle_sample("one two") == shingle_sample("One two")  # stable across calls
    counts, names = term_counts(Article("t", "Carlsen beat Nakamura. Carlsen won."))
    assert counts["carlsen"] == 2 and "carlsen" in names and "won" not in names


def test_not_a_store_is_refused(tmp_path: Path) -> None:
    text = tmp_path / "notes.txt"
    text.write_text("hello", encoding="utf-8")
    with pytest.raises(StoreError):
        open_store(text)
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="not a newsweave store"):
        open_store(other)
    with pytest.raises(StoreError, match="no store"):
        open_store(tmp_path / "missing.db", create=False)


def test_newer_schema_is_refused_and_wal_is_on(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    s = open_store(path)
    assert s.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    s.conn.execute("PRAGMA user_version = 99")
    s.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_update_gives_only_new_information(store) -> None:
    cl = Clusterer(store)
    for k in range(2):
        cl.add(art(f"chess{k}", "chess", k))
    sid = store.stories()[0].id
    brief = story_brief(store, sid, BriefOptions(analyze=False), record=True)
    assert brief.summary
    same = story_update(store, sid, BriefOptions(analyze=False), record=True)
    assert same.new_articles == [] and same.brief.summary == []
    assert same.since is not None and same.since.kind == "brief"
    news = ("Officials in Oslo confirmed that the next championship will move to Tokyo "
            "in the spring.")
    cl.add(Article("chess-late", " ".join(TOPICS["chess"][:2]) + " " + news))
    peek = story_update(store, sid, BriefOptions(analyze=False))  # the default: a peek
    assert peek.new_articles == ["chess-late"] and store.last_mark(sid) == same.mark
    upd = story_update(store, sid, BriefOptions(analyze=False), record=True)
    assert upd.new_articles == ["chess-late"]
    texts = [item.text for item in upd.brief.summary]
    assert texts == [news]
    assert upd.brief.summary[0].sources[0] == "chess-late"
    assert upd.since is not None and upd.since.kind == "update"
    again = story_update(store, sid, BriefOptions(analyze=False), record=True)
    assert again.brief.summary == [] and again.since is not None
    assert again.since.made == upd.mark.made


def test_update_after_a_merge_reports_articles_no_mark_covered(tmp_path: Path) -> None:
    store = open_store(tmp_path / "mm.db")
    cl = Clusterer(store, StoryOptions(threshold=0.5, merge_threshold=0.5))
    x = cl.add(Article("x", "Alpha beta gamma delta epsilon zeta theta iota kappa."))
    y = cl.add(Article("y", "Alpha beta gamma delta omega sigma lambda upsilon chi."))
    assert x.story != y.story
    story_brief(store, y.story, BriefOptions(analyze=False), record=True)  # x never briefed
    z = cl.add(Article("z", "Sigma delta zeta omega beta epsilon gamma alpha lambda theta."))
    assert z.merged == [y.story]
    upd = story_update(store, x.story, BriefOptions(analyze=False), record=True)
    # y was briefed (with story y); x and z never were, whatever their ingest order.
    assert upd.new_articles == ["x", "z"]
    assert upd.mark.articles == ["x", "y", "z"]
    assert story_update(store, x.story, BriefOptions(analyze=False)).new_articles == []
    store.close()


def test_old_store_migrates_and_its_marks_keep_the_seq_rule(tmp_path: Path) -> None:
    from newsweave.stories.store import APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.db"
    con = sqlite3.connect(path, isolation_level=None)
    con.executescript(MIGRATIONS[0])
    con.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    con.execute("PRAGMA user_version = 1")
    con.close()
    store = open_store(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    cl = Clusterer(store)
    for k in range(2):
        cl.add(art(f"chess{k}", "chess", k))
    sid = store.stories()[0].id
    # A mark made by the older newsweave: no article list, only "up to seq 1".
    store.conn.execute("INSERT INTO mark(story, kind, made, upto_seq, covered) "
                       "VALUES (?, 'brief', '2024-01-01', 1, '[]')", (sid,))
    upd = story_update(store, sid, BriefOptions(analyze=False))
    assert upd.since is not None and upd.since.articles is None
    assert upd.new_articles == ["chess1"]
    store.close()


def test_update_without_record_leaves_no_mark_until_committed(store) -> None:
    fill(store, 2)
    sid = store.stories()[0].id
    upd = story_update(store, sid, BriefOptions(analyze=False))
    assert store.last_mark(sid) is None and len(upd.new_articles) == 2
    store.commit_mark(upd.mark)
    assert store.last_mark(sid) == upd.mark
    assert story_update(store, sid, BriefOptions(analyze=False)).new_articles == []


def test_write_reports_the_real_sqlite_error_as_store_error(store) -> None:
    # SQLite may end the transaction itself on some errors (disk full, I/O error): the
    # rollback must not hide the error behind "no transaction is active".
    with pytest.raises(StoreError, match=r"t\.db.*disk is full"):
        with store.write() as c:
            c.execute("ROLLBACK")
            raise sqlite3.OperationalError("database or disk is full")
    assert not store.conn.in_transaction
    fill(store, 1)  # the store is usable afterwards


def test_disk_full_while_ingesting_is_a_store_error(store) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")
    cl = Clusterer(store)
    with pytest.raises(StoreError, match="full"):
        for k in range(50):
            cl.add(art(f"flood{k}", "flood", k, extra=f"Line {k} of a long report. " * 40))
    assert not store.conn.in_transaction
