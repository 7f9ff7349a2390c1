"""The clusterer against its story index: SQLite and in-memory give the same stories."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.test_stories import TOPICS, art

from newsweave.errors import InputError
from newsweave.stories import Clusterer, open_store
from newsweave.stories.index import MemoryStoryIndex, SqliteStoryIndex
from newsweave.types import Article


def _stream() -> list[Article]:
    out = []
    for k in range(4):
        for topic in TOPICS:
            out.append(art(f"{topic}{k}", topic, k, published=f"2024-03-0{k + 1}"))
    out.append(art("flood0", "flood", 1, extra="Officials counted the damage."))  # id taken
    out.append(Article("copy", out[0].text + " Updated at noon."))  # a near-copy
    out.append(out[1])  # the same content again
    return out


def _acks(cl: Clusterer) -> list[dict[str, object]]:
    with cl:
        return [cl.add(a).to_dict() for a in _stream()]


def test_memory_and_sqlite_indexes_cluster_a_stream_alike(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        on_disk = _acks(Clusterer(store))
        rows = {r.id: r.articles for r in store.stories()}
    mem = MemoryStoryIndex()
    in_memory = _acks(Clusterer(mem))
    assert in_memory == on_disk
    assert mem.stories() == rows
    statuses = [a["status"] for a in in_memory]
    assert statuses.count("duplicate") == 1 and statuses[-1] == "exists"
    assert any(a["id"] == "flood0~2" for a in in_memory)
    assert len(rows) == len(TOPICS)


def test_memory_index_keeps_topics_apart_and_reads_articles_back() -> None:
    mem = MemoryStoryIndex()
    cl = Clusterer(mem)
    stories = {t: {cl.add(art(f"{t}{k}", t, k)).story for k in range(3)} for t in TOPICS}
    assert all(len(s) == 1 for s in stories.values())
    assert len({next(iter(s)) for s in stories.values()}) == len(TOPICS)
    flood = next(iter(stories["flood"]))
    assert [a.id for a in mem.articles(flood)] == ["flood0", "flood1", "flood2"]


def test_a_failed_add_leaves_the_memory_index_unchanged() -> None:
    mem = MemoryStoryIndex()
    cl = Clusterer(mem)
    cl.add(art("a", "chess", 0))
    before = mem.stories()
    with pytest.raises(InputError):
        cl.add_many([art("b", "chess", 1), art("c", "flood", 1), Article("empty", "   ")])
    assert mem.stories() == before and mem.counts()["articles"] == 1
    # the index goes on as if the failed batch never came
    fresh = Clusterer(MemoryStoryIndex())
    fresh.add(art("a", "chess", 0))
    assert [cl.add(a).to_dict() for a in (art("b", "chess", 1), art("c", "flood", 1))] == [
        fresh.add(a).to_dict() for a in (art("b", "chess", 1), art("c", "flood", 1))]


def test_clusterer_store_is_the_sqlite_index_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.db") as store:
        cl = Clusterer(store)
        assert isinstance(cl.index, SqliteStoryIndex) and cl.store is store
